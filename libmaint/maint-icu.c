/* maint-icu.c: MessageFormat with named arguments and locale date formats
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/umsg.h>
#include <unicode/ustring.h>

#include "maint-icu-private.h"
#include "maint-notifier.h"

/* Limits of one pattern, set by the fixed argument lists of the calls to
 * umsg_format() below. Templates need far fewer. */
#define MAX_NUMBERS 6
#define MAX_STRINGS 32

/* ------------------------------------------------------------------ */
/* UTF-8 <-> UTF-16                                                    */

static UChar *
to_uchars (const char *text,
           int32_t    *out_length)
{
  g_autofree UChar *buffer = NULL;
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;

  if (text == NULL)
    text = "";
  /* invalid UTF-8 becomes U+FFFD rather than an error */
  u_strFromUTF8WithSub (NULL, 0, &length, text, -1, 0xFFFD, NULL, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    return NULL;
  status = U_ZERO_ERROR;
  buffer = g_new (UChar, length + 1);
  u_strFromUTF8WithSub (buffer, length + 1, NULL, text, -1, 0xFFFD, NULL, &status);
  if (U_FAILURE (status))
    return NULL;
  if (out_length != NULL)
    *out_length = length;
  return g_steal_pointer (&buffer);
}

static char *
from_uchars (const UChar *text,
             int32_t      length)
{
  g_autofree char *buffer = NULL;
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = 0;

  u_strToUTF8WithSub (NULL, 0, &n, text, length, 0xFFFD, NULL, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    return g_strdup ("");
  status = U_ZERO_ERROR;
  buffer = g_malloc (n + 1);
  u_strToUTF8WithSub (buffer, n + 1, NULL, text, length, 0xFFFD, NULL, &status);
  if (U_FAILURE (status))
    return g_strdup ("");
  buffer[n] = '\0';
  return g_steal_pointer (&buffer);
}

/* ------------------------------------------------------------------ */
/* Renaming arguments                                                  */

/* The pattern is walked twice with the same code: the first pass only
 * records which arguments are used, the second writes the pattern with
 * names replaced by indices. ICU's varargs want one C type per index, so
 * the numbers used get the first indices and the strings the rest, and
 * every index is used (an unused one would be read as a pointer). */
typedef struct {
  const char            *p;
  const char            *pattern;
  GString               *out;      /* NULL in the first pass */
  const MaintMessageArg *args;
  guint                  n_args;
  int                   *index;    /* per argument: ICU index or -1 */
  gboolean              *used;
  GError               **error;
} Walk;

static gboolean
walk_fail (Walk       *w,
           const char *format,
           ...) G_GNUC_PRINTF (2, 3);

static gboolean
walk_fail (Walk       *w,
           const char *format,
           ...)
{
  va_list ap;
  g_autofree char *message = NULL;

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_set_error (w->error, MAINT_NOTIFIER_ERROR, MAINT_NOTIFIER_ERROR_TEMPLATE_FAILED,
               "at offset %d: %s", (int) (w->p - w->pattern), message);
  return FALSE;
}

static void
emit (Walk       *w,
      const char *from,
      gsize       n)
{
  if (w->out != NULL)
    g_string_append_len (w->out, from, n);
}

static void
skip_space (Walk *w)
{
  const char *start = w->p;

  while (*w->p == ' ' || *w->p == '\t' || *w->p == '\n' || *w->p == '\r')
    w->p++;
  emit (w, start, w->p - start);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-';
}

/* Copies a quoted literal starting at the apostrophe: up to the next
 * single apostrophe ('' inside is a literal apostrophe), or to the end. */
static void
copy_quoted (Walk *w)
{
  const char *start = w->p++;

  while (*w->p != '\0')
    {
      if (*w->p == '\'' && w->p[1] == '\'')
        w->p += 2;
      else if (*w->p == '\'')
        {
          w->p++;
          break;
        }
      else
        w->p++;
    }
  emit (w, start, w->p - start);
}

static gboolean walk_message (Walk     *w,
                              gboolean  in_plural,
                              gboolean  nested);

/* The style of a simple argument ({n, number, integer}): copied up to the
 * closing brace, which is left for the caller. */
static gboolean
walk_simple_style (Walk *w)
{
  int depth = 0;

  while (*w->p != '\0')
    {
      if (*w->p == '\'')
        {
          copy_quoted (w);
          continue;
        }
      if (*w->p == '{')
        depth++;
      else if (*w->p == '}')
        {
          if (depth == 0)
            return TRUE;
          depth--;
        }
      emit (w, w->p, 1);
      w->p++;
    }
  return walk_fail (w, "unterminated argument");
}

/* The style of plural, selectordinal and select: selectors, each followed
 * by a sub-message in braces. */
static gboolean
walk_complex_style (Walk     *w,
                    gboolean  plural)
{
  for (;;)
    {
      const char *start;

      skip_space (w);
      if (*w->p == '}')
        return TRUE;
      if (*w->p == '\0')
        return walk_fail (w, "unterminated argument");

      start = w->p;
      while (*w->p != '\0' && *w->p != '{' && *w->p != '}' &&
             *w->p != ' ' && *w->p != '\t' && *w->p != '\n' && *w->p != '\r')
        w->p++;
      if (w->p == start)
        return walk_fail (w, "expected a selector");
      emit (w, start, w->p - start);
      /* "offset:1" carries no sub-message */
      if (plural && g_str_has_prefix (start, "offset:"))
        continue;
      skip_space (w);
      if (*w->p != '{')
        return walk_fail (w, "expected “{” after a selector");
      emit (w, w->p, 1);
      w->p++;
      if (!walk_message (w, plural, TRUE))
        return FALSE;
      emit (w, w->p, 1);   /* the closing brace */
      w->p++;
    }
}

static gboolean
walk_argument (Walk *w)
{
  const char *name_start;
  g_autofree char *name = NULL;
  g_autofree char *type = NULL;
  const MaintMessageArg *arg = NULL;
  const char *type_start;
  guint i;

  emit (w, w->p, 1);   /* { */
  w->p++;
  skip_space (w);

  name_start = w->p;
  while (is_name_char (*w->p))
    w->p++;
  if (w->p == name_start)
    return walk_fail (w, "expected an argument name after “{”");
  name = g_strndup (name_start, w->p - name_start);

  for (i = 0; i < w->n_args; i++)
    if (g_str_equal (w->args[i].name, name))
      {
        arg = &w->args[i];
        break;
      }
  if (arg == NULL)
    {
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint j = 0; j < w->n_args; j++)
        g_string_append_printf (known, "%s%s", j ? ", " : "", w->args[j].name);
      return walk_fail (w, "unknown argument “%s” (known here: %s)", name, known->str);
    }
  w->used[i] = TRUE;
  if (w->out != NULL)
    g_string_append_printf (w->out, "%d", w->index[i]);

  skip_space (w);
  if (*w->p == '}')
    {
      /* Untyped: ICU would expect a string; numbers become integers.
       * (Not with the "integer" style, for which ICU's varargs want an
       * int32_t: every number here is passed as a double.) */
      if (arg->type == MAINT_MESSAGE_ARG_NUMBER && w->out != NULL)
        g_string_append (w->out, ",number,#,##0");
      emit (w, w->p, 1);
      w->p++;
      return TRUE;
    }
  if (*w->p != ',')
    return walk_fail (w, "expected “,” or “}” after “%s”", name);
  emit (w, w->p, 1);
  w->p++;
  skip_space (w);

  type_start = w->p;
  while (g_ascii_isalpha (*w->p))
    w->p++;
  type = g_strndup (type_start, w->p - type_start);
  emit (w, type_start, w->p - type_start);

  if (g_str_equal (type, "plural") || g_str_equal (type, "selectordinal") ||
      g_str_equal (type, "number") || g_str_equal (type, "spellout") ||
      g_str_equal (type, "ordinal"))
    {
      if (arg->type != MAINT_MESSAGE_ARG_NUMBER)
        return walk_fail (w, "“%s” is text and cannot be used with “%s” (use select)", name, type);
    }
  else if (g_str_equal (type, "select"))
    {
      if (arg->type != MAINT_MESSAGE_ARG_STRING)
        return walk_fail (w, "“%s” is a number and cannot be used with “select” (use plural)", name);
    }
  else if (g_str_equal (type, "date") || g_str_equal (type, "time"))
    return walk_fail (w, "“%s”: dates and times are given as formatted text, use {%s}", name, name);
  else
    return walk_fail (w, "unsupported argument type “%s”", type);

  skip_space (w);
  if (*w->p == '}')
    {
      if (g_str_equal (type, "plural") || g_str_equal (type, "selectordinal") ||
          g_str_equal (type, "select"))
        return walk_fail (w, "“%s” needs its cases", type);
      emit (w, w->p, 1);
      w->p++;
      return TRUE;
    }
  if (*w->p != ',')
    return walk_fail (w, "expected “,” or “}” after the type");
  emit (w, w->p, 1);
  w->p++;

  if (g_str_equal (type, "plural") || g_str_equal (type, "selectordinal"))
    {
      if (!walk_complex_style (w, TRUE))
        return FALSE;
    }
  else if (g_str_equal (type, "select"))
    {
      if (!walk_complex_style (w, FALSE))
        return FALSE;
    }
  else
    {
      const char *q = w->p;
      gboolean integer = FALSE;

      /* "integer" makes ICU read an int32_t; a pattern with the same
       * effect reads a double like every other number */
      while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')
        q++;
      if (g_str_equal (type, "number") && g_str_has_prefix (q, "integer"))
        {
          q += 7;
          while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')
            q++;
          integer = *q == '}';
        }
      if (integer)
        {
          if (w->out != NULL)
            g_string_append (w->out, "#,##0");
          w->p = q;
        }
      else if (!walk_simple_style (w))
        return FALSE;
    }

  emit (w, w->p, 1);   /* } */
  w->p++;
  return TRUE;
}

/* Message text up to the end, or (nested) up to the closing brace of a
 * sub-message, which is left for the caller. Quoting follows ICU's
 * default (DOUBLE_OPTIONAL): '' is an apostrophe; ' starts a literal only
 * before { } or, in a plural sub-message, #. */
static gboolean
walk_message (Walk     *w,
              gboolean  in_plural,
              gboolean  nested)
{
  while (*w->p != '\0')
    {
      char c = *w->p;

      if (c == '\'')
        {
          char n = w->p[1];

          if (n == '\'')
            {
              emit (w, w->p, 2);
              w->p += 2;
            }
          else if (n == '{' || n == '}' || (in_plural && n == '#'))
            copy_quoted (w);
          else
            {
              emit (w, w->p, 1);
              w->p++;
            }
        }
      else if (c == '{')
        {
          if (!walk_argument (w))
            return FALSE;
        }
      else if (c == '}')
        {
          if (nested)
            return TRUE;
          return walk_fail (w, "unmatched “}”");
        }
      else
        {
          emit (w, w->p, 1);
          w->p++;
        }
    }
  if (nested)
    return walk_fail (w, "unterminated sub-message");
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Formatting                                                          */

/* One call per number of numeric arguments: the C types of ICU's varargs
 * must match the argument types, numbers (double) first, then strings
 * (UChar *). Extra trailing arguments are never read. */
#define S32(s) s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], \
  s[10], s[11], s[12], s[13], s[14], s[15], s[16], s[17], s[18], s[19], \
  s[20], s[21], s[22], s[23], s[24], s[25], s[26], s[27], s[28], s[29], \
  s[30], s[31]

static int32_t
call_format (UMessageFormat *fmt,
             UChar          *result,
             int32_t         capacity,
             UErrorCode     *status,
             guint           n_numbers,
             const double   *d,
             UChar * const  *s)
{
  switch (n_numbers)
    {
    case 0: return umsg_format (fmt, result, capacity, status, S32 (s));
    case 1: return umsg_format (fmt, result, capacity, status, d[0], S32 (s));
    case 2: return umsg_format (fmt, result, capacity, status, d[0], d[1], S32 (s));
    case 3: return umsg_format (fmt, result, capacity, status, d[0], d[1], d[2], S32 (s));
    case 4: return umsg_format (fmt, result, capacity, status, d[0], d[1], d[2], d[3], S32 (s));
    case 5: return umsg_format (fmt, result, capacity, status, d[0], d[1], d[2], d[3], d[4], S32 (s));
    case 6: return umsg_format (fmt, result, capacity, status, d[0], d[1], d[2], d[3], d[4], d[5], S32 (s));
    default:
      g_assert_not_reached ();
    }
}

G_STATIC_ASSERT (MAX_NUMBERS == 6);
G_STATIC_ASSERT (MAX_STRINGS == 32);

/* A pattern renamed and opened for one locale and one argument list
 * (names and types): which arguments it uses and at which ICU index. */
typedef struct {
  UMessageFormat *fmt;
  char           *locale;
  char          **names;     /* the argument list it was made for */
  MaintMessageArgType *types;
  guint           n_args;
  int            *index;     /* per argument: ICU index or -1 */
  guint           n_numbers;
  guint           n_strings;
} Compiled;

static void
compiled_free (Compiled *c)
{
  if (c->fmt != NULL)
    umsg_close (c->fmt);
  g_free (c->locale);
  g_strfreev (c->names);
  g_free (c->types);
  g_free (c->index);
  g_free (c);
}

static Compiled *
compile (const char             *locale,
         const char             *pattern,
         const MaintMessageArg  *args,
         guint                   n_args,
         GError                **error)
{
  Compiled *c = g_new0 (Compiled, 1);
  g_autofree gboolean *used = g_new0 (gboolean, MAX (n_args, 1));
  g_autoptr(GString) renamed = NULL;
  g_autofree UChar *upattern = NULL;
  UParseError parse_error;
  UErrorCode status = U_ZERO_ERROR;
  int32_t upattern_length = 0;
  Walk w = { 0 };

  c->locale = g_strdup (locale);
  c->names = g_new0 (char *, n_args + 1);
  c->types = g_new0 (MaintMessageArgType, MAX (n_args, 1));
  for (guint i = 0; i < n_args; i++)
    {
      c->names[i] = g_strdup (args[i].name);
      c->types[i] = args[i].type;
    }
  c->n_args = n_args;
  c->index = g_new (int, MAX (n_args, 1));

  if (!g_utf8_validate (pattern, -1, NULL))
    {
      g_set_error_literal (error, MAINT_NOTIFIER_ERROR, MAINT_NOTIFIER_ERROR_TEMPLATE_FAILED,
                           "the template is not valid UTF-8");
      goto fail;
    }

  w.pattern = w.p = pattern;
  w.args = args;
  w.n_args = n_args;
  w.index = c->index;
  w.used = used;
  w.error = error;
  for (guint i = 0; i < n_args; i++)
    c->index[i] = -1;
  if (!walk_message (&w, FALSE, FALSE))
    goto fail;

  for (guint i = 0; i < n_args; i++)
    if (used[i] && args[i].type == MAINT_MESSAGE_ARG_NUMBER)
      c->index[i] = c->n_numbers++;
  for (guint i = 0; i < n_args; i++)
    if (used[i] && args[i].type == MAINT_MESSAGE_ARG_STRING)
      c->index[i] = c->n_numbers + c->n_strings++;
  if (c->n_numbers > MAX_NUMBERS || c->n_strings > MAX_STRINGS)
    {
      g_set_error (error, MAINT_NOTIFIER_ERROR, MAINT_NOTIFIER_ERROR_TEMPLATE_FAILED,
                   "one message may use at most %d numeric and %d text arguments",
                   MAX_NUMBERS, MAX_STRINGS);
      goto fail;
    }

  renamed = g_string_new (NULL);
  w.p = pattern;
  w.out = renamed;
  if (!walk_message (&w, FALSE, FALSE))
    goto fail;

  upattern = to_uchars (renamed->str, &upattern_length);
  c->fmt = umsg_open (upattern, upattern_length, locale, &parse_error, &status);
  if (U_FAILURE (status))
    {
      /* umsg_open() returns the object even when it fails; compiled_free()
       * closes it */
      g_set_error (error, MAINT_NOTIFIER_ERROR, MAINT_NOTIFIER_ERROR_TEMPLATE_FAILED,
                   "not a valid message pattern (ICU: %s)", u_errorName (status));
      goto fail;
    }
  return c;

fail:
  compiled_free (c);
  return NULL;
}

struct _MaintIcuMessages
{
  /* pattern text -> GPtrArray of Compiled (one per locale and argument
   * list; a handful at most) */
  GHashTable *compiled;
};

MaintIcuMessages *
maint_icu_messages_new (void)
{
  MaintIcuMessages *messages = g_new0 (MaintIcuMessages, 1);

  messages->compiled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  return messages;
}

void
maint_icu_messages_free (MaintIcuMessages *messages)
{
  if (messages == NULL)
    return;
  g_hash_table_unref (messages->compiled);
  g_free (messages);
}

static gboolean
compiled_fits (const Compiled        *c,
               const char            *locale,
               const MaintMessageArg *args,
               guint                  n_args)
{
  if (c->n_args != n_args || strcmp (c->locale, locale) != 0)
    return FALSE;
  for (guint i = 0; i < n_args; i++)
    if (c->types[i] != args[i].type || strcmp (c->names[i], args[i].name) != 0)
      return FALSE;
  return TRUE;
}

char *
maint_icu_format_message (MaintIcuMessages       *cache,
                          const char             *locale,
                          const char             *pattern,
                          const MaintMessageArg  *args,
                          guint                   n_args,
                          GError                **error)
{
  g_autofree UChar *result = NULL;
  double numbers[MAX_NUMBERS] = { 0 };
  UChar *strings[MAX_STRINGS] = { NULL };
  UErrorCode status = U_ZERO_ERROR;
  Compiled *c = NULL;
  Compiled *own = NULL;
  int32_t length;

  g_return_val_if_fail (pattern != NULL, NULL);

  if (cache != NULL)
    {
      GPtrArray *list = g_hash_table_lookup (cache->compiled, pattern);

      for (guint i = 0; list != NULL && i < list->len && c == NULL; i++)
        if (compiled_fits (g_ptr_array_index (list, i), locale, args, n_args))
          c = g_ptr_array_index (list, i);
    }
  if (c == NULL)
    {
      c = compile (locale, pattern, args, n_args, error);
      if (c == NULL)
        return NULL;
      if (cache != NULL)
        {
          GPtrArray *list = g_hash_table_lookup (cache->compiled, pattern);

          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func ((GDestroyNotify) compiled_free);
              g_hash_table_insert (cache->compiled, g_strdup (pattern), list);
            }
          g_ptr_array_add (list, c);
        }
      else
        own = c;
    }

  for (guint i = 0; i < n_args; i++)
    {
      if (c->index[i] < 0)
        continue;
      if (args[i].type == MAINT_MESSAGE_ARG_NUMBER)
        numbers[c->index[i]] = args[i].number;
      else
        strings[c->index[i] - c->n_numbers] = to_uchars (args[i].string, NULL);
    }

  length = call_format (c->fmt, NULL, 0, &status, c->n_numbers, numbers, strings);
  if (status == U_BUFFER_OVERFLOW_ERROR || U_SUCCESS (status))
    {
      status = U_ZERO_ERROR;
      result = g_new (UChar, length + 1);
      call_format (c->fmt, result, length + 1, &status, c->n_numbers, numbers, strings);
    }
  if (U_FAILURE (status))
    {
      g_set_error (error, MAINT_NOTIFIER_ERROR, MAINT_NOTIFIER_ERROR_TEMPLATE_FAILED,
                   "cannot format the message (ICU: %s)", u_errorName (status));
      g_clear_pointer (&result, g_free);
    }

  for (guint i = 0; i < c->n_strings; i++)
    g_free (strings[i]);
  if (own != NULL)
    compiled_free (own);
  return result != NULL ? from_uchars (result, length) : NULL;
}

/* ------------------------------------------------------------------ */
/* Dates                                                               */

struct _MaintIcuDates
{
  UDateFormat *date;
  UDateFormat *medium_date;
  UDateFormat *time;
  char        *weekdays[7];
};

/* ICU only ever sees this zone: the wall-clock reading is computed by our
 * tz code and formatted as if it were UTC. */
static const UChar gmt_zone[] = { 'G', 'M', 'T', 0 };

static UDateFormat *
open_skeleton (UDateTimePatternGenerator *generator,
               const char                *locale,
               const char                *skeleton,
               UErrorCode                *status)
{
  g_autofree UChar *uskeleton = to_uchars (skeleton, NULL);
  UChar pattern[128];
  int32_t length;

  length = udatpg_getBestPattern (generator, uskeleton, -1, pattern,
                                  G_N_ELEMENTS (pattern), status);
  if (U_FAILURE (*status))
    return NULL;
  return udat_open (UDAT_PATTERN, UDAT_PATTERN, locale, gmt_zone, -1,
                    pattern, length, status);
}

MaintIcuDates *
maint_icu_dates_new (const char  *locale,
                     GError     **error)
{
  g_autoptr(MaintIcuDates) dates = g_new0 (MaintIcuDates, 1);
  UDateTimePatternGenerator *generator;
  UErrorCode status = U_ZERO_ERROR;
  /* ICU's weekday symbols start with an empty entry, then Sunday */
  static const int icu_day[7] = { 2, 3, 4, 5, 6, 7, 1 };

  generator = udatpg_open (locale, &status);
  if (U_SUCCESS (status))
    dates->date = open_skeleton (generator, locale, "yMMMMEEEEd", &status);
  if (U_SUCCESS (status))
    dates->medium_date = open_skeleton (generator, locale, "yMMMd", &status);
  if (U_SUCCESS (status))
    dates->time = open_skeleton (generator, locale, "jmm", &status);
  if (generator != NULL)
    udatpg_close (generator);
  for (guint i = 0; i < 7 && U_SUCCESS (status); i++)
    {
      UChar name[64];
      int32_t length = udat_getSymbols (dates->date, UDAT_STANDALONE_SHORT_WEEKDAYS, icu_day[i],
                                        name, G_N_ELEMENTS (name), &status);
      if (U_SUCCESS (status))
        dates->weekdays[i] = from_uchars (name, length);
    }
  if (U_FAILURE (status))
    {
      g_set_error (error, MAINT_NOTIFIER_ERROR, MAINT_NOTIFIER_ERROR_LOCALE_FAILED,
                   "cannot create date formats for locale “%s” (ICU: %s)",
                   locale, u_errorName (status));
      return NULL;
    }
  return g_steal_pointer (&dates);
}

void
maint_icu_dates_free (MaintIcuDates *dates)
{
  if (dates == NULL)
    return;
  g_clear_pointer (&dates->date, udat_close);
  g_clear_pointer (&dates->medium_date, udat_close);
  g_clear_pointer (&dates->time, udat_close);
  for (guint i = 0; i < 7; i++)
    g_free (dates->weekdays[i]);
  g_free (dates);
}

static char *
format_with (UDateFormat *format,
             gint64       wall)
{
  UChar buffer[256];
  UErrorCode status = U_ZERO_ERROR;
  int32_t length;

  length = udat_format (format, (UDate) wall * 1000.0, buffer, G_N_ELEMENTS (buffer), NULL, &status);
  if (U_FAILURE (status))
    return g_strdup ("");
  return from_uchars (buffer, length);
}

char *
maint_icu_dates_format_date (MaintIcuDates *dates,
                             gint64         wall)
{
  return format_with (dates->date, wall);
}

char *
maint_icu_dates_format_medium_date (MaintIcuDates *dates,
                                    gint64         wall)
{
  return format_with (dates->medium_date, wall);
}

char *
maint_icu_dates_format_time (MaintIcuDates *dates,
                             gint64         wall)
{
  return format_with (dates->time, wall);
}

const char *
maint_icu_dates_weekday (MaintIcuDates *dates,
                         guint          weekday)
{
  g_return_val_if_fail (weekday < 7, "");
  return dates->weekdays[weekday];
}
