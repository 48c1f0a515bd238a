/* maint-json.c: strict JSON reading and deterministic writing
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The helpers declared in maint-json-private.h, shared by the fleet and
 * plan codecs: a strict RFC 8259 parser that builds json-glib JsonNode
 * trees (json-glib 1.6's own parser accepts comments, single quotes, hex
 * numbers, silently keeps the last of duplicate members and turns
 * 99999999999999999999 into -1, none of which a strict format may allow),
 * a reader that carries the JSON path of the value it looks at, and a
 * writer with a fixed layout so that output is byte-for-byte
 * deterministic.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "maint-error.h"
#include "maint-enum-types.h"
#include "maint-fleet.h"
#include "maint-json-private.h"
#include "maint-time.h"
#include "maint-window-spec.h"

/* ------------------------------------------------------------------ */
/* Errors and quoting                                                  */
/* ------------------------------------------------------------------ */

void
maint_json_set_error (const MaintJsonErrorMap  *map,
                      GError                  **error,
                      MaintJsonError            kind,
                      const char               *format,
                      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  g_return_if_fail (map != NULL);
  g_return_if_fail (kind < MAINT_JSON_N_ERRORS);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, map->domain (), map->codes[kind], message);
}

#define QUOTE_MAX_CHARS 80

char *
maint_json_quote (const char *text)
{
  GString *s = g_string_new ("\"");
  const char *p = text != NULL ? text : "";
  guint chars = 0;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      gsize step;

      if (chars == QUOTE_MAX_CHARS)
        {
          g_string_append (s, "…");
          break;
        }

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* not UTF-8: show the byte, never copy it */
          g_string_append_printf (s, "\\x%02x", (guchar) *p);
          p++;
          chars++;
          continue;
        }

      step = g_utf8_next_char (p) - p;
      switch (c)
        {
        case '"': g_string_append (s, "\\\""); break;
        case '\\': g_string_append (s, "\\\\"); break;
        case '\n': g_string_append (s, "\\n"); break;
        case '\r': g_string_append (s, "\\r"); break;
        case '\t': g_string_append (s, "\\t"); break;
        default:
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ||
              c == 0x2028 || c == 0x2029)
            g_string_append_printf (s, "\\u%04x", c);
          else
            g_string_append_len (s, p, step);
          break;
        }
      p += step;
      chars++;
    }

  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

/* A member name as a path component: plain when it looks like an
 * identifier, ["…"] otherwise, so paths stay unambiguous. */
static void
path_append_member (GString    *path,
                    const char *name)
{
  gboolean plain = name[0] != '\0' && strlen (name) <= 64;

  for (const char *p = name; plain && *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      plain = FALSE;

  if (plain)
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, name);
    }
  else
    {
      g_autofree char *quoted = maint_json_quote (name);
      g_string_append_printf (path, "[%s]", quoted);
    }
}

/* Appends the decimal digits of @value (printf is slow on hot paths). */
static void
append_uint (GString *out,
             guint64  value)
{
  char digits[24];
  gsize n = 0;

  do
    {
      digits[n++] = '0' + value % 10;
      value /= 10;
    }
  while (value > 0);
  while (n > 0)
    g_string_append_c (out, digits[--n]);
}

static void
path_append_index (GString *path,
                   guint    index_)
{
  g_string_append_c (path, '[');
  append_uint (path, index_);
  g_string_append_c (path, ']');
}

/* The shortest text that reads back as @value, in plain notation unless
 * the exponent is extreme: 0.2, 1000, 0.3333333333333333, 1e+300. */
static void
format_double (char   *buf,
               gsize   size,
               double  value)
{
  char format[16];
  const char *e;
  int precision, exponent;

  for (precision = 1; precision <= 17; precision++)
    {
      g_snprintf (format, sizeof format, "%%.%de", precision - 1);
      g_ascii_formatd (buf, size, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  e = strchr (buf, 'e');
  exponent = e != NULL ? atoi (e + 1) : 0;
  if (exponent < -5 || exponent >= 16)
    {
      /* "1e+300" rather than "1.000000e+300" */
      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, size, format, value);
      return;
    }

  g_snprintf (format, sizeof format, "%%.%df", MAX (0, precision - 1 - exponent));
  g_ascii_formatd (buf, size, format, value);
}

/* A number with a fraction or an exponent, so it reads as a double. */
static char *
double_to_string (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return g_strdup ("null");

  format_double (buf, sizeof buf, value);
  if (strpbrk (buf, ".e") == NULL)
    return g_strconcat (buf, ".0", NULL);
  return g_strdup (buf);
}

/* ------------------------------------------------------------------ */
/* Files                                                               */
/* ------------------------------------------------------------------ */

gboolean
maint_json_load_file (const char               *path,
                      const MaintJsonErrorMap  *map,
                      char                    **out_data,
                      gsize                    *out_length,
                      GError                  **error)
{
  g_autofree char *quoted = NULL;
  GString *buf;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (out_data != NULL, FALSE);

  quoted = maint_json_quote (path);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      maint_json_set_error (map, error, MAINT_JSON_ERROR_IO,
                            "cannot read %s: %s", quoted, g_strerror (saved));
      return FALSE;
    }

  if (fstat (fd, &st) != 0 || S_ISDIR (st.st_mode))
    {
      int saved = S_ISDIR (st.st_mode) ? EISDIR : errno;
      close (fd);
      maint_json_set_error (map, error, MAINT_JSON_ERROR_IO,
                            "cannot read %s: %s", quoted, g_strerror (saved));
      return FALSE;
    }

  if (S_ISREG (st.st_mode) && st.st_size > MAINT_JSON_MAX_SIZE)
    {
      close (fd);
      maint_json_set_error (map, error, MAINT_JSON_ERROR_LIMIT,
                            "%s is larger than " MAINT_JSON_MAX_SIZE_TEXT, quoted);
      return FALSE;
    }

  /* Read at most one byte more than the limit: files that are not regular
   * (pipes, devices) have no size to check beforehand. */
  buf = g_string_sized_new (S_ISREG (st.st_mode) ? (gsize) st.st_size + 1 : 4096);
  for (;;)
    {
      char chunk[65536];
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          close (fd);
          g_string_free (buf, TRUE);
          maint_json_set_error (map, error, MAINT_JSON_ERROR_IO,
                                "cannot read %s: %s", quoted, g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        break;
      g_string_append_len (buf, chunk, n);
      if (buf->len > MAINT_JSON_MAX_SIZE)
        {
          close (fd);
          g_string_free (buf, TRUE);
          maint_json_set_error (map, error, MAINT_JSON_ERROR_LIMIT,
                                "%s is larger than " MAINT_JSON_MAX_SIZE_TEXT, quoted);
          return FALSE;
        }
    }
  close (fd);

  if (out_length != NULL)
    *out_length = buf->len;
  *out_data = g_string_free (buf, FALSE);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Strict parsing into a json-glib tree                                */
/* ------------------------------------------------------------------ */

/* JsonParser is not used: json-glib 1.6 accepts comments, single quotes,
 * hex numbers and leading zeros, wraps integers beyond 64 bits silently,
 * keeps the last of two equal members, recurses without a bound, and
 * emits signals for every node, which makes it slow on large fleets
 * (about 3 s for a 100,000-machine file). This strict RFC 8259 parser
 * checks the limits as it goes and builds the same JsonNode tree. */

typedef struct {
  gboolean    is_object;
  guint       count;     /* elements or members so far */
  char       *key;       /* the current member's name */
  /* While only checking (Scanner.check_only): the member names so far,
   * in Scanner.names from here on, or in a set once there are many */
  gsize       names_start;
  GHashTable *names;
} ScanFrame;

typedef struct {
  const MaintJsonErrorMap *map;
  const char *data;
  gsize length;
  gsize pos;
  ScanFrame frames[MAINT_JSON_MAX_DEPTH];
  guint depth;
  GString *buf;          /* the last string, decoded */
  GError **error;
  /* Deferred arrays (maint_json_reader_parse()): the root object's
   * members of these names, when arrays, keep no elements; their
   * elements' offsets go to @deferred (JsonArray → GArray of gsize) */
  const char * const *defer;
  GHashTable *deferred;
  /* Inside a deferred array's element: the same checks and errors, but
   * no nodes; values come back as SCAN_CHECKED */
  gboolean check_only;
  GString *names;        /* NUL-terminated member names, see ScanFrame */
} Scanner;

/* What a value is when only checked: not a node, never dereferenced */
static const char scan_checked;
#define SCAN_CHECKED ((JsonNode *) &scan_checked)

/* Objects with more members than this keep their names in a set */
#define SCAN_NAMES_LINEAR 16

static void
text_position (const char *data,
               gsize       offset,
               guint      *out_line,
               guint      *out_column)
{
  guint line = 1, column = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) data[i] & 0xc0) != 0x80)
        column++;
    }
  *out_line = line;
  *out_column = column;
}

static gboolean G_GNUC_PRINTF (3, 4)
scan_fail_at (Scanner    *s,
              gsize       offset,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;
  guint line, column;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  text_position (s->data, offset, &line, &column);
  maint_json_set_error (s->map, s->error, MAINT_JSON_ERROR_PARSE,
                        "line %u, column %u: %s", line, column, message);
  return FALSE;
}

/* The path of the value in frames [0, depth): frame i contributes its
 * current key or index. */
static char *
scan_path (Scanner *s,
           guint    depth)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    {
      const ScanFrame *f = &s->frames[i];

      if (f->is_object && f->key != NULL)
        path_append_member (path, f->key);
      else if (!f->is_object && f->count > 0)
        path_append_index (path, f->count - 1);
    }
  if (path->len == 0)
    g_string_append_c (path, '$');
  return g_string_free (path, FALSE);
}

static gboolean G_GNUC_PRINTF (4, 5)
scan_fail_path (Scanner        *s,
                guint           depth,
                MaintJsonError  kind,
                const char     *format,
                ...)
{
  g_autofree char *message = NULL;
  g_autofree char *path = scan_path (s, depth);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  maint_json_set_error (s->map, s->error, kind, "%s: %s", path, message);
  return FALSE;
}

/* What is at the current position, for syntax errors. */
static char *
scan_describe (Scanner *s)
{
  guchar c;

  if (s->pos >= s->length)
    return g_strdup ("end of input");
  c = s->data[s->pos];
  if (c > 0x20 && c < 0x7f)
    return g_strdup_printf ("'%c'", c);
  return g_strdup_printf ("U+%04X", g_utf8_get_char (s->data + s->pos));
}

static void
scan_skip_ws (Scanner *s)
{
  while (s->pos < s->length)
    {
      char c = s->data[s->pos];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      s->pos++;
    }
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hex digits at @offset, or -1. */
static gint32
scan_hex4 (Scanner *s,
           gsize    offset)
{
  gint32 value = 0;

  if (offset + 4 > s->length)
    return -1;
  for (gsize i = 0; i < 4; i++)
    {
      int v = hex_value (s->data[offset + i]);
      if (v < 0)
        return -1;
      value = value * 16 + v;
    }
  return value;
}

/* A string at s->pos (which is on the opening quote), decoded into
 * s->buf. */
static gboolean
scan_string (Scanner  *s,
             gboolean  is_key)
{
  gsize start = s->pos;
  gsize decoded = 0;

  g_string_truncate (s->buf, 0);

  s->pos++;
  for (;;)
    {
      guchar c;

      if (s->pos >= s->length)
        return scan_fail_at (s, start, "unterminated string");

      c = s->data[s->pos];
      if (c == '"')
        {
          s->pos++;
          break;
        }
      if (c < 0x20)
        return scan_fail_at (s, s->pos,
                             "control character U+%04X in a string (write it as an escape)",
                             c);
      if (c == '\\')
        {
          gunichar cp;
          char utf8[6];
          gint len;
          gsize escape = s->pos;

          s->pos++;
          if (s->pos >= s->length)
            return scan_fail_at (s, start, "unterminated string");
          switch (s->data[s->pos])
            {
            case '"': cp = '"'; break;
            case '\\': cp = '\\'; break;
            case '/': cp = '/'; break;
            case 'b': cp = '\b'; break;
            case 'f': cp = '\f'; break;
            case 'n': cp = '\n'; break;
            case 'r': cp = '\r'; break;
            case 't': cp = '\t'; break;
            case 'u':
              {
                gint32 u = scan_hex4 (s, s->pos + 1);

                if (u < 0)
                  return scan_fail_at (s, escape, "\\u must be followed by four hex digits");
                s->pos += 4;
                if (u >= 0xdc00 && u <= 0xdfff)
                  return scan_fail_at (s, escape, "lone surrogate \\u%04x in a string", (guint) u);
                if (u >= 0xd800 && u <= 0xdbff)
                  {
                    gint32 low = -1;

                    if (s->pos + 2 < s->length && s->data[s->pos + 1] == '\\' &&
                        s->data[s->pos + 2] == 'u')
                      low = scan_hex4 (s, s->pos + 3);
                    if (low < 0xdc00 || low > 0xdfff)
                      return scan_fail_at (s, escape, "lone surrogate \\u%04x in a string", (guint) u);
                    s->pos += 6;
                    u = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
                  }
                if (u == 0)
                  return scan_fail_at (s, escape, "\\u0000 is not allowed in a string");
                cp = (gunichar) u;
              }
              break;
            default:
              return scan_fail_at (s, escape, "invalid escape in a string");
            }
          s->pos++;
          len = g_unichar_to_utf8 (cp, utf8);
          decoded += len;
          g_string_append_len (s->buf, utf8, len);
        }
      else
        {
          /* UTF-8 was checked before: copy the plain run at once */
          gsize end = s->pos + 1;

          while (end < s->length && s->data[end] != '"' && s->data[end] != '\\' &&
                 (guchar) s->data[end] >= 0x20 &&
                 decoded + (end - s->pos) <= MAINT_JSON_MAX_STRING)
            end++;
          g_string_append_len (s->buf, s->data + s->pos, end - s->pos);
          decoded += end - s->pos;
          s->pos = end;
        }

      if (decoded > MAINT_JSON_MAX_STRING)
        {
          /* a member name belongs to its object, a value to its own path */
          return scan_fail_path (s, is_key ? s->depth - 1 : s->depth,
                                 MAINT_JSON_ERROR_LIMIT,
                                 is_key ? "member name longer than %u bytes"
                                        : "string longer than %u bytes",
                                 MAINT_JSON_MAX_STRING);
        }
    }
  return TRUE;
}

static gboolean
scan_digits (Scanner *s)
{
  gsize start = s->pos;

  while (s->pos < s->length && g_ascii_isdigit (s->data[s->pos]))
    s->pos++;
  if (s->pos == start)
    {
      g_autofree char *what = scan_describe (s);
      return scan_fail_at (s, s->pos, "expected a digit, got %s", what);
    }
  return TRUE;
}

static JsonNode *
scan_number (Scanner *s)
{
  gsize start = s->pos;
  gboolean integer = TRUE;
  g_autofree char *text = NULL;
  gboolean out_of_range;
  gint64 i = 0;
  double d = 0;

  if (s->data[s->pos] == '-')
    s->pos++;
  if (s->pos < s->length && s->data[s->pos] == '0')
    s->pos++;
  else if (!scan_digits (s))
    return NULL;
  if (s->pos < s->length && s->data[s->pos] == '.')
    {
      s->pos++;
      integer = FALSE;
      if (!scan_digits (s))
        return NULL;
    }
  if (s->pos < s->length && (s->data[s->pos] == 'e' || s->data[s->pos] == 'E'))
    {
      s->pos++;
      integer = FALSE;
      if (s->pos < s->length && (s->data[s->pos] == '+' || s->data[s->pos] == '-'))
        s->pos++;
      if (!scan_digits (s))
        return NULL;
    }

  /* json-glib's own parser wraps integers beyond 64 bits silently and
   * turns 1e400 into infinity: refuse both here, where the text is still
   * known. */
  text = g_strndup (s->data + start, s->pos - start);
  errno = 0;
  if (integer)
    {
      i = g_ascii_strtoll (text, NULL, 10);
      out_of_range = errno == ERANGE;
    }
  else
    {
      d = g_ascii_strtod (text, NULL);
      out_of_range = !isfinite (d);
    }

  if (out_of_range)
    {
      if (strlen (text) > 40)
        strcpy (text + 37, "...");
      scan_fail_path (s, s->depth, MAINT_JSON_ERROR_INVALID,
                      "number %s is out of range", text);
      return NULL;
    }

  if (s->check_only)
    return SCAN_CHECKED;
  if (integer)
    return json_node_init_int (json_node_alloc (), i);
  return json_node_init_double (json_node_alloc (), d);
}

static JsonNode *
scan_literal (Scanner    *s,
              const char *word)
{
  gsize len = strlen (word);

  if (s->length - s->pos < len || memcmp (s->data + s->pos, word, len) != 0)
    {
      scan_fail_at (s, s->pos, "invalid literal (expected a value)");
      return NULL;
    }
  s->pos += len;
  if (s->check_only)
    return SCAN_CHECKED;
  if (word[0] == 'n')
    return json_node_init_null (json_node_alloc ());
  return json_node_init_boolean (json_node_alloc (), word[0] == 't');
}

static void
scan_pop (Scanner *s)
{
  ScanFrame *f = &s->frames[--s->depth];

  g_clear_pointer (&f->key, g_free);
  g_clear_pointer (&f->names, g_hash_table_unref);
  if (s->names != NULL && s->names->len > f->names_start)
    g_string_truncate (s->names, f->names_start);
}

/* While only checking: whether @f has no member named s->buf yet; if
 * so, it has now. */
static gboolean
scan_name_is_new (Scanner   *s,
                  ScanFrame *f)
{
  const char *name = s->buf->str;

  if (f->names == NULL)
    {
      const char *p = s->names->str + f->names_start;

      for (guint i = 0; i + 1 < f->count; i++, p += strlen (p) + 1)
        if (strcmp (p, name) == 0)
          return FALSE;
      if (f->count <= SCAN_NAMES_LINEAR)
        {
          g_string_append_len (s->names, name, s->buf->len + 1);
          return TRUE;
        }
      /* Many members: a set from now on */
      f->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      p = s->names->str + f->names_start;
      for (guint i = 0; i + 1 < f->count; i++, p += strlen (p) + 1)
        g_hash_table_add (f->names, g_strdup (p));
      g_string_truncate (s->names, f->names_start);
    }
  if (g_hash_table_contains (f->names, name))
    return FALSE;
  g_hash_table_add (f->names, g_strdup (name));
  return TRUE;
}

static JsonNode *scan_value (Scanner *s);

static JsonNode *
scan_container (Scanner  *s,
                gboolean  is_object)
{
  char close = is_object ? '}' : ']';
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonArray) array = NULL;
  g_autoptr(GArray) offsets = NULL;
  ScanFrame *f;

  /* Recursion is bounded by this check. */
  if (s->depth == MAINT_JSON_MAX_DEPTH)
    {
      scan_fail_path (s, s->depth, MAINT_JSON_ERROR_LIMIT,
                      "nesting deeper than %u levels", MAINT_JSON_MAX_DEPTH);
      return NULL;
    }

  /* A deferred array: each element is checked as it is scanned, then
   * dropped; only where it starts is kept */
  if (!is_object && s->defer != NULL && s->depth == 1 && s->frames[0].is_object &&
      s->frames[0].key != NULL && g_strv_contains (s->defer, s->frames[0].key))
    offsets = g_array_new (FALSE, FALSE, sizeof (gsize));

  f = &s->frames[s->depth++];
  f->is_object = is_object;
  f->count = 0;
  f->key = NULL;
  f->names = NULL;
  f->names_start = s->names != NULL ? s->names->len : 0;
  if (s->check_only)
    ;
  else if (is_object)
    object = json_object_new ();
  else
    array = json_array_new ();

  s->pos++;
  scan_skip_ws (s);
  if (s->pos < s->length && s->data[s->pos] == close)
    s->pos++;
  else
    for (;;)
      {
        JsonNode *child;

        if (f->count == MAINT_JSON_MAX_ELEMENTS)
          {
            scan_fail_path (s, s->depth - 1, MAINT_JSON_ERROR_LIMIT,
                            "more than %u elements", MAINT_JSON_MAX_ELEMENTS);
            return NULL;
          }
        f->count++;

        if (is_object)
          {
            scan_skip_ws (s);
            if (s->pos >= s->length || s->data[s->pos] != '"')
              {
                g_autofree char *what = scan_describe (s);
                scan_fail_at (s, s->pos, "expected a member name in double quotes, got %s", what);
                return NULL;
              }
            if (!scan_string (s, TRUE))
              return NULL;
            /* json-glib would keep the last of two equal members */
            if (s->check_only ? !scan_name_is_new (s, f) : json_object_has_member (object, s->buf->str))
              {
                g_autofree char *quoted = maint_json_quote (s->buf->str);
                scan_fail_path (s, s->depth - 1, MAINT_JSON_ERROR_DUPLICATE,
                                "duplicate member %s", quoted);
                return NULL;
              }
            g_free (f->key);
            f->key = g_strdup (s->buf->str);

            scan_skip_ws (s);
            if (s->pos >= s->length || s->data[s->pos] != ':')
              {
                g_autofree char *what = scan_describe (s);
                scan_fail_at (s, s->pos, "expected ':' after a member name, got %s", what);
                return NULL;
              }
            s->pos++;
          }

        if (offsets != NULL)
          {
            scan_skip_ws (s);
            g_array_append_val (offsets, s->pos);
            s->check_only = TRUE;
          }
        child = scan_value (s);
        if (offsets != NULL)
          s->check_only = FALSE;
        if (child == NULL)
          return NULL;
        if (s->check_only || offsets != NULL)
          g_assert (child == SCAN_CHECKED);
        else if (is_object)
          json_object_set_member (object, f->key, child);
        else
          json_array_add_element (array, child);

        scan_skip_ws (s);
        if (s->pos < s->length && s->data[s->pos] == ',')
          {
            s->pos++;
            continue;
          }
        if (s->pos < s->length && s->data[s->pos] == close)
          {
            s->pos++;
            break;
          }

        {
          g_autofree char *what = scan_describe (s);
          scan_fail_at (s, s->pos, "expected ',' or '%c', got %s", close, what);
          return NULL;
        }
      }

  scan_pop (s);
  if (s->check_only)
    return SCAN_CHECKED;
  if (is_object)
    return json_node_init_object (json_node_alloc (), object);
  if (offsets != NULL)
    g_hash_table_insert (s->deferred, array, g_steal_pointer (&offsets));
  return json_node_init_array (json_node_alloc (), array);
}

static JsonNode *
scan_value (Scanner *s)
{
  scan_skip_ws (s);
  if (s->pos >= s->length)
    {
      scan_fail_at (s, s->pos, "expected a value, got end of input");
      return NULL;
    }

  switch (s->data[s->pos])
    {
    case '{':
      return scan_container (s, TRUE);
    case '[':
      return scan_container (s, FALSE);
    case '"':
      if (!scan_string (s, FALSE))
        return NULL;
      if (s->check_only)
        return SCAN_CHECKED;
      return json_node_init_string (json_node_alloc (), s->buf->str);
    case 't':
      return scan_literal (s, "true");
    case 'f':
      return scan_literal (s, "false");
    case 'n':
      return scan_literal (s, "null");
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return scan_number (s);
    default:
      {
        g_autofree char *what = scan_describe (s);
        scan_fail_at (s, s->pos, "expected a value, got %s", what);
        return NULL;
      }
    }
}

static JsonNode *
scan_document (const char               *data,
               gsize                     length,
               const MaintJsonErrorMap  *map,
               const char * const       *defer,
               GHashTable               *deferred,
               GError                  **error)
{
  Scanner s = { 0, };
  g_autoptr(JsonNode) root = NULL;
  const char *end = NULL;

  s.map = map;
  s.data = data;
  s.length = length;
  s.error = error;
  s.defer = defer;
  s.deferred = deferred;

  if (!g_utf8_validate_len (data, length, &end))
    {
      scan_fail_at (&s, end - data,
                    *end == '\0' ? "NUL byte in the document"
                                 : "the document is not valid UTF-8");
      return NULL;
    }

  scan_skip_ws (&s);
  if (s.pos == length)
    {
      scan_fail_at (&s, s.pos, "the document is empty");
      return NULL;
    }

  s.buf = g_string_new (NULL);
  s.names = g_string_new (NULL);
  root = scan_value (&s);
  while (s.depth > 0)
    scan_pop (&s);
  g_string_free (s.buf, TRUE);
  g_string_free (s.names, TRUE);
  if (root == NULL)
    return NULL;

  scan_skip_ws (&s);
  if (s.pos < length)
    {
      scan_fail_at (&s, s.pos, "unexpected data after the JSON value");
      return NULL;
    }
  return g_steal_pointer (&root);
}

JsonNode *
maint_json_parse (const char               *data,
                  gsize                     length,
                  const MaintJsonErrorMap  *map,
                  GError                  **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (map != NULL, NULL);

  if (length > MAINT_JSON_MAX_SIZE)
    {
      maint_json_set_error (map, error, MAINT_JSON_ERROR_LIMIT,
                            "the document is larger than " MAINT_JSON_MAX_SIZE_TEXT);
      return NULL;
    }
  if (data == NULL)
    data = "";

  return scan_document (data, length, map, NULL, NULL, error);
}

/* ------------------------------------------------------------------ */
/* Reader                                                              */
/* ------------------------------------------------------------------ */

struct _MaintJsonReader {
  const MaintJsonErrorMap *map;
  GString *path;
  GArray *marks;   /* path lengths to return to on pop */
  /* maint_json_reader_parse(): the document, and its deferred arrays */
  const char *data;
  gsize length;
  GHashTable *deferred;
  GStringChunk *names;  /* what maint_json_reader_claim() keeps */
};

MaintJsonReader *
maint_json_reader_new (const MaintJsonErrorMap *map)
{
  MaintJsonReader *self = g_new0 (MaintJsonReader, 1);

  self->map = map;
  self->path = g_string_new (NULL);
  self->marks = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->deferred = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  self->names = g_string_chunk_new (4096);
  return self;
}

void
maint_json_reader_free (MaintJsonReader *self)
{
  if (self == NULL)
    return;
  g_string_free (self->path, TRUE);
  g_array_unref (self->marks);
  g_hash_table_unref (self->deferred);
  g_string_chunk_free (self->names);
  g_free (self);
}

JsonNode *
maint_json_reader_parse (MaintJsonReader     *self,
                         const char          *data,
                         gsize                length,
                         const char * const  *deferred,
                         GError             **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (g_hash_table_size (self->deferred) == 0, NULL);

  if (length > MAINT_JSON_MAX_SIZE)
    {
      maint_json_set_error (self->map, error, MAINT_JSON_ERROR_LIMIT,
                            "the document is larger than " MAINT_JSON_MAX_SIZE_TEXT);
      return NULL;
    }
  if (data == NULL)
    data = "";
  self->data = data;
  self->length = length;
  return scan_document (data, length, self->map, deferred, self->deferred, error);
}

guint
maint_json_reader_array_length (MaintJsonReader *self,
                                JsonArray       *array)
{
  GArray *offsets = g_hash_table_lookup (self->deferred, array);

  return offsets != NULL ? offsets->len : json_array_get_length (array);
}

JsonNode *
maint_json_reader_array_element (MaintJsonReader  *self,
                                 JsonArray        *array,
                                 guint             index_,
                                 GError          **error)
{
  GArray *offsets = g_hash_table_lookup (self->deferred, array);
  Scanner s = { 0, };
  JsonNode *node;

  if (offsets == NULL)
    return json_node_ref (json_array_get_element (array, index_));

  g_return_val_if_fail (index_ < offsets->len, NULL);
  /* The whole document was checked when it was parsed: scanning the
   * element again from where it starts gives the node it had. (Its depth
   * now counts from 0, so the nesting limit cannot be hit either.) */
  s.map = self->map;
  s.data = self->data;
  s.length = self->length;
  s.error = error;
  s.pos = g_array_index (offsets, gsize, index_);
  s.buf = g_string_new (NULL);
  node = scan_value (&s);
  while (s.depth > 0)
    scan_pop (&s);
  g_string_free (s.buf, TRUE);
  return node;
}

const MaintJsonErrorMap *
maint_json_reader_get_error_map (MaintJsonReader *self)
{
  return self->map;
}

void
maint_json_reader_push_member (MaintJsonReader *self,
                               const char      *name)
{
  g_array_append_val (self->marks, self->path->len);
  path_append_member (self->path, name);
}

void
maint_json_reader_push_index (MaintJsonReader *self,
                              guint            index_)
{
  g_array_append_val (self->marks, self->path->len);
  path_append_index (self->path, index_);
}

void
maint_json_reader_pop (MaintJsonReader *self)
{
  g_return_if_fail (self->marks->len > 0);
  g_string_truncate (self->path,
                     g_array_index (self->marks, gsize, self->marks->len - 1));
  g_array_set_size (self->marks, self->marks->len - 1);
}

const char *
maint_json_reader_get_path (MaintJsonReader *self)
{
  return self->path->len > 0 ? self->path->str : "$";
}

gboolean
maint_json_reader_fail (MaintJsonReader  *self,
                        GError          **error,
                        MaintJsonError    kind,
                        const char       *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  maint_json_set_error (self->map, error, kind, "%s: %s",
                        maint_json_reader_get_path (self), message);
  return FALSE;
}

void
maint_json_member_iter_init (MaintJsonMemberIter *iter,
                             MaintJsonReader     *reader,
                             JsonObject          *object)
{
  iter->reader = reader;
  iter->pushed = FALSE;
  json_object_iter_init_ordered (&iter->iter, object);
}

gboolean
maint_json_member_iter_next (MaintJsonMemberIter  *iter,
                             const char          **out_name,
                             JsonNode            **out_node)
{
  if (iter->pushed)
    {
      maint_json_reader_pop (iter->reader);
      iter->pushed = FALSE;
    }
  if (!json_object_iter_next_ordered (&iter->iter, out_name, out_node))
    return FALSE;
  maint_json_reader_push_member (iter->reader, *out_name);
  iter->pushed = TRUE;
  return TRUE;
}

gboolean
maint_json_reader_unknown_member (MaintJsonReader  *self,
                                  const char       *name,
                                  GError          **error)
{
  if (g_str_has_prefix (name, "x-"))
    return TRUE;
  return maint_json_reader_fail (self, error, MAINT_JSON_ERROR_INVALID,
                                 "unknown field (extensions must start with \"x-\")");
}

gboolean
maint_json_reader_require (MaintJsonReader     *self,
                           JsonObject          *object,
                           const char * const  *names,
                           GError             **error)
{
  for (gsize i = 0; names[i] != NULL; i++)
    if (!json_object_has_member (object, names[i]))
      return maint_json_reader_fail (self, error, MAINT_JSON_ERROR_INVALID,
                                     "missing required field \"%s\"", names[i]);
  return TRUE;
}

gboolean
maint_json_reader_claim (MaintJsonReader  *self,
                         GHashTable       *seen,
                         const char       *name,
                         const char       *what,
                         GError          **error)
{
  if (g_hash_table_contains (seen, name))
    {
      g_autofree char *quoted = maint_json_quote (name);
      return maint_json_reader_fail (self, error, MAINT_JSON_ERROR_DUPLICATE,
                                     "duplicate %s %s", what, quoted);
    }
  g_hash_table_add (seen, g_string_chunk_insert (self->names, name));
  return TRUE;
}

/* "an object", "-1", "a string", … for "expected X, got Y" */
char *
maint_json_describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup ("an object");
    case JSON_NODE_ARRAY:
      return g_strdup ("an array");
    case JSON_NODE_NULL:
      return g_strdup ("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return double_to_string (json_node_get_double (node));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    case G_TYPE_STRING:
      return g_strdup ("a string");
    default:
      return g_strdup ("an unsupported value");
    }
}

static gboolean
fail_expected (MaintJsonReader  *self,
               GError          **error,
               JsonNode         *node,
               const char       *expected)
{
  g_autofree char *got = maint_json_describe_node (node);
  return maint_json_reader_fail (self, error, MAINT_JSON_ERROR_INVALID,
                                 "expected %s, got %s", expected, got);
}

gboolean
maint_json_node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_int (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

gboolean
maint_json_read_object (MaintJsonReader  *self,
                        JsonNode         *node,
                        JsonObject      **out,
                        GError          **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_expected (self, error, node, "an object");
  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
maint_json_read_array (MaintJsonReader  *self,
                       JsonNode         *node,
                       MaintJsonFlags    flags,
                       JsonArray       **out,
                       GError          **error)
{
  JsonArray *array = NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_expected (self, error, node, "an array");
  array = json_node_get_array (node);
  if ((flags & MAINT_JSON_FLAGS_NON_EMPTY) && json_array_get_length (array) == 0)
    return maint_json_reader_fail (self, error, MAINT_JSON_ERROR_INVALID,
                                   "expected at least one element, got an empty array");
  *out = array;
  return TRUE;
}

/* local@domain with a dotted domain; deliberately simpler than RFC 5322
 * (no quoted local parts, no comments, no IP literals), which is what a
 * directory's contact field holds and what mail headers can carry safely. */
static gboolean
is_email_address (const char *text)
{
  const char *at = strrchr (text, '@');
  const char *local_chars = "!#$%&'*+-/=?^_`{|}~.";
  gboolean dot = FALSE;
  gsize label = 0;

  if (at == NULL || at == text || strlen (text) > 254 || at - text > 64)
    return FALSE;

  /* local part: atoms separated by single dots */
  if (text[0] == '.' || at[-1] == '.')
    return FALSE;
  for (const char *p = text; p < at; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr (local_chars, *p) == NULL)
        return FALSE;
      if (*p == '.' && p[1] == '.')
        return FALSE;
    }

  /* domain: LDH labels of 1..63 characters, at least two of them */
  for (const char *p = at + 1; ; p++)
    {
      if (*p == '.' || *p == '\0')
        {
          if (label == 0 || label > 63 || p[-1] == '-')
            return FALSE;
          if (*p == '\0')
            break;
          dot = TRUE;
          label = 0;
          continue;
        }
      if (!g_ascii_isalnum (*p) && *p != '-')
        return FALSE;
      if (*p == '-' && label == 0)
        return FALSE;
      label++;
    }
  return dot;
}

/* "de", "en", "de-DE", "en_GB", "zh-Hant-TW": a language and subtags */
static gboolean
is_locale (const char *text)
{
  gsize len = 0;
  gboolean first = TRUE;

  for (const char *p = text; ; p++)
    {
      if (*p == '-' || *p == '_' || *p == '\0')
        {
          if (first ? (len < 2 || len > 3) : (len < 1 || len > 8))
            return FALSE;
          if (*p == '\0')
            return TRUE;
          first = FALSE;
          len = 0;
          continue;
        }
      if (first ? !g_ascii_isalpha (*p) : !g_ascii_isalnum (*p))
        return FALSE;
      len++;
    }
}

static gboolean
has_control_characters (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p < 0x20 || *p == 0x7f)
      return TRUE;
  return FALSE;
}

gboolean
maint_json_read_string (MaintJsonReader  *self,
                        JsonNode         *node,
                        MaintJsonFlags    flags,
                        const char      **out,
                        GError          **error)
{
  const char *value;

  if (flags & MAINT_JSON_FLAGS_EMAIL)
    {
      if (!maint_json_node_is_string (node))
        return fail_expected (self, error, node, "an e-mail address");
    }
  else if (!maint_json_node_is_string (node))
    return fail_expected (self, error, node, "a string");

  value = json_node_get_string (node);

  if ((flags & (MAINT_JSON_FLAGS_NAME | MAINT_JSON_FLAGS_EMAIL | MAINT_JSON_FLAGS_LOCALE)) &&
      value[0] == '\0')
    return maint_json_reader_fail (self, error, MAINT_JSON_ERROR_INVALID,
                                   "expected a non-empty string");

  /* names end up in paths, mail headers and calendars: no line breaks;
   * free text (summaries) may hold anything */
  if ((flags & (MAINT_JSON_FLAGS_NAME | MAINT_JSON_FLAGS_EMAIL | MAINT_JSON_FLAGS_LOCALE)) &&
      has_control_characters (value))
    return maint_json_reader_fail (self, error, MAINT_JSON_ERROR_INVALID,
                                   "control characters are not allowed");

  if ((flags & MAINT_JSON_FLAGS_EMAIL) && !is_email_address (value))
    {
      g_autofree char *quoted = maint_json_quote (value);
      return maint_json_reader_fail (self, error, MAINT_JSON_ERROR_INVALID,
                                     "expected an e-mail address such as \"ops@example.com\", got %s",
                                     quoted);
    }

  if ((flags & MAINT_JSON_FLAGS_LOCALE) && !is_locale (value))
    {
      g_autofree char *quoted = maint_json_quote (value);
      return maint_json_reader_fail (self, error, MAINT_JSON_ERROR_INVALID,
                                     "expected a locale such as \"en\" or \"de-DE\", got %s",
                                     quoted);
    }

  *out = value;
  return TRUE;
}

gboolean
maint_json_read_bool (MaintJsonReader  *self,
                      JsonNode         *node,
                      gboolean         *out,
                      GError          **error)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail_expected (self, error, node, "true or false");
  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
maint_json_read_uint (MaintJsonReader  *self,
                      JsonNode         *node,
                      guint            *out,
                      GError          **error)
{
  gint64 value;

  if (!node_is_int (node))
    return fail_expected (self, error, node, "a non-negative integer");
  value = json_node_get_int (node);
  if (value < 0)
    return fail_expected (self, error, node, "a non-negative integer");
  if (value > G_MAXUINT)
    return fail_expected (self, error, node, "a non-negative integer up to 4294967295");
  *out = (guint) value;
  return TRUE;
}

gboolean
maint_json_read_double (MaintJsonReader  *self,
                        JsonNode         *node,
                        double            min,
                        double            max,
                        double           *out,
                        GError          **error)
{
  g_autofree char *expected = NULL;
  char min_text[G_ASCII_DTOSTR_BUF_SIZE], max_text[G_ASCII_DTOSTR_BUF_SIZE];
  double value;

  format_double (min_text, sizeof min_text, min);
  format_double (max_text, sizeof max_text, max);
  expected = g_strdup_printf ("a number from %s to %s", min_text, max_text);

  if (!JSON_NODE_HOLDS_VALUE (node))
    return fail_expected (self, error, node, expected);
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    value = (double) json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    value = json_node_get_double (node);
  else
    return fail_expected (self, error, node, expected);

  if (!isfinite (value) || value < min || value > max)
    return fail_expected (self, error, node, expected);
  *out = value;
  return TRUE;
}

static gboolean
read_text_value (MaintJsonReader  *self,
                 JsonNode         *node,
                 const char       *expected,
                 const char      **out,
                 GError          **error)
{
  if (!maint_json_node_is_string (node))
    return fail_expected (self, error, node, expected);
  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
maint_json_read_duration (MaintJsonReader  *self,
                          JsonNode         *node,
                          gint64           *out,
                          GError          **error)
{
  static const char expected[] = "an ISO 8601 duration such as \"PT15M\"";
  const char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 value;

  if (!read_text_value (self, node, expected, &text, error))
    return FALSE;
  if (!maint_duration_parse (text, &value, &local_error))
    {
      g_autofree char *quoted = maint_json_quote (text);

      /* A well-formed duration that is too long (a 100-year horizon) is
       * not "not a duration": say what is wrong with it. The parser's
       * message ends so (maint-time.c), and a test here holds it to it. */
      if (g_str_has_suffix (local_error->message, "longer than the maximum of P3660D"))
        return maint_json_reader_fail (self, error, MAINT_JSON_ERROR_INVALID,
                                       "%s is longer than the maximum of P3660D", quoted);
      return maint_json_reader_fail (self, error, MAINT_JSON_ERROR_INVALID,
                                     "expected %s, got %s", expected, quoted);
    }
  *out = value;
  return TRUE;
}

gboolean
maint_json_read_instant (MaintJsonReader  *self,
                         JsonNode         *node,
                         gint64           *out,
                         GError          **error)
{
  static const char expected[] =
    "an RFC 3339 instant between 1970 and 2100 such as \"2013-03-01T09:00:00Z\"";
  const char *text = NULL;
  gint64 value;

  if (!read_text_value (self, node, expected, &text, error))
    return FALSE;
  if (!maint_instant_parse (text, &value, NULL))
    {
      g_autofree char *quoted = maint_json_quote (text);
      return maint_json_reader_fail (self, error, MAINT_JSON_ERROR_INVALID,
                                     "expected %s, got %s", expected, quoted);
    }
  *out = value;
  return TRUE;
}

gboolean
maint_json_read_enum (MaintJsonReader  *self,
                      JsonNode         *node,
                      GType             enum_type,
                      int               excluded,
                      int              *out,
                      GError          **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autoptr(GString) expected = NULL;
  const char *text = NULL;

  if (maint_json_node_is_string (node))
    {
      text = json_node_get_string (node);
      for (guint i = 0; i < klass->n_values; i++)
        if (klass->values[i].value != excluded &&
            g_str_equal (klass->values[i].value_nick, text))
          {
            *out = klass->values[i].value;
            return TRUE;
          }
    }

  expected = g_string_new ("one of ");
  for (guint i = 0, n = 0; i < klass->n_values; i++)
    {
      if (klass->values[i].value == excluded)
        continue;
      if (n++ > 0)
        g_string_append (expected, ", ");
      g_string_append_printf (expected, "\"%s\"", klass->values[i].value_nick);
    }

  if (text == NULL)
    return fail_expected (self, error, node, expected->str);

  {
    g_autofree char *quoted = maint_json_quote (text);
    return maint_json_reader_fail (self, error, MAINT_JSON_ERROR_INVALID,
                                   "expected %s, got %s", expected->str, quoted);
  }
}

gboolean
maint_json_read_strv (MaintJsonReader  *self,
                      JsonNode         *node,
                      MaintJsonFlags    flags,
                      GStrv            *out,
                      GError          **error)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) strv = NULL;
  JsonArray *array = NULL;
  guint n;

  if (!maint_json_read_array (self, node, flags, &array, error))
    return FALSE;

  n = json_array_get_length (array);
  strv = g_ptr_array_new_full (n + 1, g_free);
  if (flags & MAINT_JSON_FLAGS_UNIQUE)
    seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      const char *value;

      maint_json_reader_push_index (self, i);
      if (!maint_json_read_string (self, json_array_get_element (array, i),
                                   flags, &value, error))
        return FALSE;
      if (seen != NULL && !maint_json_reader_claim (self, seen, value, "element", error))
        return FALSE;
      maint_json_reader_pop (self);
      g_ptr_array_add (strv, g_strdup (value));
    }
  g_ptr_array_add (strv, NULL);

  *out = (GStrv) g_ptr_array_free (g_steal_pointer (&strv), FALSE);
  return TRUE;
}

gboolean
maint_json_read_interval (MaintJsonReader  *self,
                          JsonNode         *node,
                          MaintInterval   **out,
                          GError          **error)
{
  static const char * const required[] = { "start", "end", NULL };
  MaintJsonMemberIter iter;
  JsonObject *object;
  const char *name;
  JsonNode *member;
  gint64 start = 0, end = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_expected (self, error, node,
                          "an interval object {\"start\": INSTANT, \"end\": INSTANT}");
  object = json_node_get_object (node);

  maint_json_member_iter_init (&iter, self, object);
  while (maint_json_member_iter_next (&iter, &name, &member))
    {
      gboolean ok;

      if (g_str_equal (name, "start"))
        ok = maint_json_read_instant (self, member, &start, error);
      else if (g_str_equal (name, "end"))
        ok = maint_json_read_instant (self, member, &end, error);
      else
        ok = maint_json_reader_unknown_member (self, name, error);
      if (!ok)
        return FALSE;
    }

  if (!maint_json_reader_require (self, object, required, error))
    return FALSE;
  if (end <= start)
    {
      maint_json_reader_push_member (self, "end");
      return maint_json_reader_fail (self, error, MAINT_JSON_ERROR_INVALID,
                                     "the end must be after the start");
    }

  *out = maint_interval_new (start, end);
  return TRUE;
}

gboolean
maint_json_read_time_zone (MaintJsonReader  *self,
                           JsonNode         *node,
                           const char      **out,
                           GError          **error)
{
  const char *zone = NULL;

  if (!maint_json_read_string (self, node, MAINT_JSON_FLAGS_NAME, &zone, error))
    return FALSE;
  if (!maint_time_zone_check (zone, NULL))
    {
      g_autofree char *quoted = maint_json_quote (zone);
      return maint_json_reader_fail (self, error, MAINT_JSON_ERROR_INVALID,
                                     "unknown time zone %s", quoted);
    }
  *out = zone;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Writer                                                              */
/* ------------------------------------------------------------------ */

typedef struct {
  gboolean is_object;
  gboolean inline_;
  guint    count;
} WriterFrame;

struct _MaintJsonWriter {
  GString *out;
  GArray *frames;
  gboolean after_member;
};

MaintJsonWriter *
maint_json_writer_new (void)
{
  MaintJsonWriter *self = g_new0 (MaintJsonWriter, 1);

  self->out = g_string_sized_new (4096);
  self->frames = g_array_new (FALSE, FALSE, sizeof (WriterFrame));
  return self;
}

void
maint_json_writer_free (MaintJsonWriter *self)
{
  if (self == NULL)
    return;
  if (self->out != NULL)
    g_string_free (self->out, TRUE);
  g_array_unref (self->frames);
  g_free (self);
}

char *
maint_json_writer_finish (MaintJsonWriter *self,
                          gsize           *out_length)
{
  char *data;

  g_return_val_if_fail (self->frames->len == 0, NULL);

  g_string_append_c (self->out, '\n');
  if (out_length != NULL)
    *out_length = self->out->len;
  data = g_string_free (g_steal_pointer (&self->out), FALSE);
  maint_json_writer_free (self);
  return data;
}

static WriterFrame *
writer_top (MaintJsonWriter *self)
{
  if (self->frames->len == 0)
    return NULL;
  return &g_array_index (self->frames, WriterFrame, self->frames->len - 1);
}

static void
writer_newline (MaintJsonWriter *self,
                guint            level)
{
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < level; i++)
    g_string_append (self->out, "  ");
}

/* Separator and indentation before a value or a member. */
static void
writer_begin_item (MaintJsonWriter *self)
{
  WriterFrame *top;

  if (self->after_member)
    {
      self->after_member = FALSE;
      return;
    }

  top = writer_top (self);
  if (top == NULL)
    return;
  if (top->count > 0)
    g_string_append_c (self->out, ',');
  if (top->inline_)
    {
      if (top->count > 0)
        g_string_append_c (self->out, ' ');
    }
  else
    writer_newline (self, self->frames->len);
  top->count++;
}

static void
writer_begin (MaintJsonWriter *self,
              gboolean         is_object,
              gboolean         inline_)
{
  WriterFrame *top;
  WriterFrame frame = { is_object, inline_, 0 };

  writer_begin_item (self);
  top = writer_top (self);
  if (top != NULL && top->inline_)
    frame.inline_ = TRUE;
  g_array_append_val (self->frames, frame);
  g_string_append_c (self->out, is_object ? '{' : '[');
}

static void
writer_end (MaintJsonWriter *self,
            gboolean         is_object)
{
  WriterFrame frame;

  g_return_if_fail (self->frames->len > 0);
  frame = *writer_top (self);
  g_return_if_fail (frame.is_object == is_object);
  g_array_set_size (self->frames, self->frames->len - 1);

  if (frame.count > 0 && !frame.inline_)
    writer_newline (self, self->frames->len);
  g_string_append_c (self->out, is_object ? '}' : ']');
}

void
maint_json_writer_begin_object (MaintJsonWriter *self,
                                gboolean         inline_)
{
  writer_begin (self, TRUE, inline_);
}

void
maint_json_writer_end_object (MaintJsonWriter *self)
{
  writer_end (self, TRUE);
}

void
maint_json_writer_begin_array (MaintJsonWriter *self,
                               gboolean         inline_)
{
  writer_begin (self, FALSE, inline_);
}

void
maint_json_writer_end_array (MaintJsonWriter *self)
{
  writer_end (self, FALSE);
}

static void
writer_append_string (GString    *out,
                      const char *value)
{
  g_autofree char *valid = NULL;

  /* objects built in code may hold anything: never write invalid JSON */
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

void
maint_json_writer_member (MaintJsonWriter *self,
                          const char      *name)
{
  WriterFrame *top = writer_top (self);

  g_return_if_fail (top != NULL && top->is_object && !self->after_member);

  writer_begin_item (self);
  writer_append_string (self->out, name);
  g_string_append (self->out, ": ");
  self->after_member = TRUE;
}

void
maint_json_writer_null (MaintJsonWriter *self)
{
  writer_begin_item (self);
  g_string_append (self->out, "null");
}

void
maint_json_writer_string (MaintJsonWriter *self,
                          const char      *value)
{
  if (value == NULL)
    {
      maint_json_writer_null (self);
      return;
    }
  writer_begin_item (self);
  writer_append_string (self->out, value);
}

void
maint_json_writer_bool (MaintJsonWriter *self,
                        gboolean         value)
{
  writer_begin_item (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
maint_json_writer_int (MaintJsonWriter *self,
                       gint64           value)
{
  writer_begin_item (self);
  if (value < 0)
    {
      g_string_append_c (self->out, '-');
      append_uint (self->out, -(guint64) value);
    }
  else
    append_uint (self->out, (guint64) value);
}

void
maint_json_writer_double (MaintJsonWriter *self,
                          double           value)
{
  g_autofree char *text = double_to_string (value);

  writer_begin_item (self);
  g_string_append (self->out, text);
}

void
maint_json_writer_instant (MaintJsonWriter *self,
                           gint64           instant)
{
  g_autofree char *text = maint_instant_format (instant);
  maint_json_writer_string (self, text);
}

void
maint_json_writer_duration (MaintJsonWriter *self,
                            gint64           seconds)
{
  g_autofree char *text = maint_duration_format (seconds);
  maint_json_writer_string (self, text);
}

const char *
maint_json_enum_nick (GType enum_type,
                      int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *v = g_enum_get_value (klass, value);

  return v != NULL ? v->value_nick : "?";
}

void
maint_json_writer_enum (MaintJsonWriter *self,
                        GType            enum_type,
                        int              value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *v = g_enum_get_value (klass, value);

  maint_json_writer_string (self, v != NULL ? v->value_nick : NULL);
}

void
maint_json_writer_strv (MaintJsonWriter     *self,
                        const char * const  *strv)
{
  maint_json_writer_begin_array (self, TRUE);
  for (gsize i = 0; strv != NULL && strv[i] != NULL; i++)
    maint_json_writer_string (self, strv[i]);
  maint_json_writer_end_array (self);
}

void
maint_json_writer_interval (MaintJsonWriter     *self,
                            const MaintInterval *interval)
{
  maint_json_writer_begin_object (self, TRUE);
  maint_json_writer_member (self, "start");
  maint_json_writer_instant (self, maint_interval_get_start (interval));
  maint_json_writer_member (self, "end");
  maint_json_writer_instant (self, maint_interval_get_end (interval));
  maint_json_writer_end_object (self);
}

