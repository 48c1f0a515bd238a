/* maint-eml.c: the pieces of RFC 5322 / MIME messages the notifier writes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Header safety is by construction: names of groups and machines reach a
 * header only through maint_eml_header_unstructured(), which turns every
 * control character into a space and RFC 2047-encodes anything that is
 * not plain printable ASCII; addresses must pass
 * maint_eml_address_is_valid(); everything else in headers is generated
 * here (dates, hashes, fixed words).
 */
#include "config.h"

#include <string.h>

#include "maint-notifier-private.h"

/* local@domain: dot-atoms of RFC 5322 without quoting, comments or
 * literals, the same subset the fleet reader accepts for contacts. */
gboolean
maint_eml_address_is_valid (const char *address)
{
  const char *at;
  const char *local_chars = "!#$%&'*+-/=?^_`{|}~.";
  gsize label = 0;

  if (address == NULL || strlen (address) > 254)
    return FALSE;
  at = strrchr (address, '@');
  if (at == NULL || at == address || at - address > 64 ||
      address[0] == '.' || at[-1] == '.')
    return FALSE;
  for (const char *p = address; p < at; p++)
    if ((!g_ascii_isalnum (*p) && strchr (local_chars, *p) == NULL) ||
        (*p == '.' && p[1] == '.'))
      return FALSE;

  /* LDH labels; "localhost" alone is allowed for local delivery */
  for (const char *p = at + 1; ; p++)
    {
      if (*p == '.' || *p == '\0')
        {
          if (label == 0 || label > 63 || p[-1] == '-')
            return FALSE;
          if (*p == '\0')
            break;
          label = 0;
          continue;
        }
      if ((!g_ascii_isalnum (*p) && *p != '-') || (*p == '-' && label == 0))
        return FALSE;
      label++;
    }
  return TRUE;
}

static gboolean
is_plain_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || (guchar) *p > 0x7e)
      return FALSE;
  /* "=?" would be read as the start of an encoded word */
  return strstr (text, "=?") == NULL;
}

/* Folds "Name: value" at spaces so that lines stay within 78 octets where
 * possible; a word longer than that stays whole (the hard limit is 998,
 * and values here are much shorter). */
static char *
fold_plain (const char *line)
{
  GString *out = g_string_new (NULL);
  gsize line_start = 0;
  gssize last_space = -1;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == ' ' && p != line)
        last_space = out->len;
      g_string_append_c (out, *p);
      if (out->len - line_start > 78 && last_space > (gssize) line_start)
        {
          g_string_insert (out, last_space, "\r\n");
          line_start = last_space + 2;
          last_space = -1;
        }
    }
  return g_string_free (out, FALSE);
}

char *
maint_eml_header_unstructured (const char *name,
                               const char *value)
{
  g_autofree char *clean = g_utf8_make_valid (value ? value : "", -1);
  g_autofree char *line = NULL;
  GString *out;
  const char *p;

  /* A header is one line: no control character survives. */
  for (char *c = clean; *c != '\0'; c++)
    if ((guchar) *c < 0x20 || *c == 0x7f)
      *c = ' ';

  if (is_plain_ascii (clean))
    {
      line = g_strconcat (name, ": ", clean, NULL);
      return fold_plain (line);
    }

  /* RFC 2047 B encoding, one encoded word per line, each at most 36
   * octets of text (48 base64 characters, 60 with the framing) and
   * never splitting a UTF-8 sequence, as RFC 2047 section 5 requires. */
  out = g_string_new (name);
  g_string_append_c (out, ':');
  p = clean;
  while (*p != '\0')
    {
      const char *end = p;
      g_autofree char *b64 = NULL;

      while (*end != '\0')
        {
          const char *next = g_utf8_next_char (end);
          if (next - p > 36)
            break;
          end = next;
        }
      b64 = g_base64_encode ((const guchar *) p, end - p);
      if (p != clean)
        g_string_append (out, "\r\n");
      g_string_append_printf (out, " =?UTF-8?B?%s?=", b64);
      p = end;
    }
  return g_string_free (out, FALSE);
}

char *
maint_eml_date (gint64 instant)
{
  /* English names, whatever the process locale says */
  static const char * const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char * const months[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (instant);

  return g_strdup_printf ("%s, %02d %s %04d %02d:%02d:%02d +0000",
                          days[g_date_time_get_day_of_week (dt) - 1],
                          g_date_time_get_day_of_month (dt),
                          months[g_date_time_get_month (dt) - 1],
                          g_date_time_get_year (dt),
                          g_date_time_get_hour (dt),
                          g_date_time_get_minute (dt),
                          g_date_time_get_second (dt));
}

char *
maint_eml_quoted_printable (const char *text)
{
  GString *out = g_string_new (NULL);
  gsize column = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;
      char token[4];
      gboolean at_eol = p[1] == '\0' || p[1] == '\n' || (p[1] == '\r' && p[2] == '\n');

      if (c == '\r' && p[1] == '\n')
        continue;
      if (c == '\n')
        {
          g_string_append (out, "\r\n");
          column = 0;
          continue;
        }

      if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !at_eol))
        {
          token[0] = c;
          token[1] = '\0';
        }
      else
        g_snprintf (token, sizeof token, "=%02X", c);

      /* "From " at the start of a line upsets mbox readers */
      if (column == 0 && c == 'F' && g_str_has_prefix (p, "From "))
        g_snprintf (token, sizeof token, "=%02X", c);

      /* lines of at most 76 octets, the soft break's "=" included */
      if (column + strlen (token) > 75)
        {
          g_string_append (out, "=\r\n");
          column = 0;
        }
      g_string_append (out, token);
      column += strlen (token);
    }
  return g_string_free (out, FALSE);
}
