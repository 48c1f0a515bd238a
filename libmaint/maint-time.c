/* maint-time.c: instants, durations and time zones
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Instants are seconds since the Unix epoch (UTC, no leap seconds),
 * written as RFC 3339 text. Durations are seconds, written in a subset of
 * ISO 8601 that has no calendar-dependent units. The zone functions are
 * thin wrappers over the private tz reader (maint-tz.c).
 */
#include "config.h"

#include <string.h>

#include "maint-error.h"
#include "maint-time.h"
#include "maint-json-private.h"
#include "maint-tz-private.h"

#define SECONDS_PER_DAY 86400

/* Years whose instants format as four digits. */
#define FORMAT_MIN (-62167219200)   /* 0000-01-01T00:00:00Z */
#define FORMAT_MAX (253402300799)   /* 9999-12-31T23:59:59Z */

static void G_GNUC_PRINTF (4, 5)
set_error (GError     **error,
           gint         code,
           const char  *text,
           const char  *format,
           ...)
{
  g_autofree char *quoted = maint_json_quote (text);
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, MAINT_TIME_ERROR, code, "invalid %s %s: %s",
               code == MAINT_TIME_ERROR_INSTANT_FAILED ? "instant" : "duration",
               quoted, detail);
}

/* Exactly @n ASCII digits. */
static gboolean
read_digits (const char **p,
             int          n,
             int         *out)
{
  int v = 0, i;

  for (i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *out = v;
  return TRUE;
}

static gboolean
expect_char (const char **p,
             const char  *accepted)
{
  if (**p == '\0' || strchr (accepted, **p) == NULL)
    return FALSE;
  (*p)++;
  return TRUE;
}

static guint
month_length (int year,
              int month)
{
  static const guint8 lengths[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

  return month == 2 && leap ? 29 : lengths[month - 1];
}

static void
split_instant (gint64  instant,
               gint64 *year,
               guint  *month,
               guint  *day,
               int    *hour,
               int    *minute,
               int    *second)
{
  gint64 days = instant / SECONDS_PER_DAY;
  gint64 secs = instant % SECONDS_PER_DAY;

  if (secs < 0)
    {
      secs += SECONDS_PER_DAY;
      days--;
    }
  maint_civil_from_days (days, year, month, day);
  *hour = (int) (secs / 3600);
  *minute = (int) (secs / 60 % 60);
  *second = (int) (secs % 60);
}

/**
 * maint_instant_parse:
 * @text: an RFC 3339 date-time, such as `2026-03-29T03:00:00+02:00`
 * @out_instant: (out) (optional): return location for the instant, in
 *   seconds since the Unix epoch
 * @error: return location for a #GError, or %NULL
 *
 * Parses an RFC 3339 date-time: `YYYY-MM-DDTHH:MM:SS`, an optional
 * fraction of a second, then `Z` or an offset `+HH:MM` / `-HH:MM`. The
 * letters `T` and `Z` may be lower case; nothing else is accepted (no
 * spaces, no missing seconds, no offset without a colon).
 *
 * Fractions of a second are truncated. A second of `60` is accepted only
 * where RFC 3339 allows a leap second, at 23:59:60 UTC, and denotes the
 * following second, as on a POSIX clock.
 *
 * The instant must lie between %MAINT_INSTANT_MIN and %MAINT_INSTANT_MAX.
 * Otherwise, or when the text is malformed, %MAINT_TIME_ERROR_INSTANT_FAILED
 * is set; the message quotes @text.
 *
 * Returns: %TRUE if @text was parsed, %FALSE with @error set otherwise
 */
gboolean
maint_instant_parse (const char  *text,
                     gint64      *out_instant,
                     GError     **error)
{
  const char *p = text;
  int year, month, day, hour, minute, second;
  int off_sign = 0, off_hour = 0, off_minute = 0;
  gint64 instant;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_instant)
    *out_instant = 0;

  if (!read_digits (&p, 4, &year) || !expect_char (&p, "-") ||
      !read_digits (&p, 2, &month) || !expect_char (&p, "-") ||
      !read_digits (&p, 2, &day) || !expect_char (&p, "Tt") ||
      !read_digits (&p, 2, &hour) || !expect_char (&p, ":") ||
      !read_digits (&p, 2, &minute) || !expect_char (&p, ":") ||
      !read_digits (&p, 2, &second))
    goto syntax;

  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        goto syntax;
      while (g_ascii_isdigit (*p))   /* truncated: only whole seconds count */
        p++;
    }

  if (*p == 'Z' || *p == 'z')
    p++;
  else if (*p == '+' || *p == '-')
    {
      off_sign = *p == '-' ? -1 : 1;
      p++;
      if (!read_digits (&p, 2, &off_hour) || !expect_char (&p, ":") ||
          !read_digits (&p, 2, &off_minute))
        goto syntax;
    }
  else
    goto syntax;
  if (*p != '\0')
    goto syntax;

  if (month < 1 || month > 12)
    {
      set_error (error, MAINT_TIME_ERROR_INSTANT_FAILED, text,
                 "month %02d is out of range", month);
      return FALSE;
    }
  if (day < 1 || (guint) day > month_length (year, month))
    {
      set_error (error, MAINT_TIME_ERROR_INSTANT_FAILED, text,
                 "day %02d does not exist in %04d-%02d", day, year, month);
      return FALSE;
    }
  if (hour > 23 || minute > 59 || second > 60)
    {
      set_error (error, MAINT_TIME_ERROR_INSTANT_FAILED, text,
                 "time of day %02d:%02d:%02d is out of range", hour, minute, second);
      return FALSE;
    }
  if (off_hour > 23 || off_minute > 59)
    {
      set_error (error, MAINT_TIME_ERROR_INSTANT_FAILED, text,
                 "offset %02d:%02d is out of range", off_hour, off_minute);
      return FALSE;
    }

  instant = maint_days_from_civil (year, (guint) month, (guint) day) * SECONDS_PER_DAY +
            hour * 3600 + minute * 60 + second -
            off_sign * (off_hour * 3600 + off_minute * 60);

  /* 23:59:60 UTC has become 00:00:00 of the next day. */
  if (second == 60 && instant % SECONDS_PER_DAY != 0)
    {
      set_error (error, MAINT_TIME_ERROR_INSTANT_FAILED, text,
                 "second 60 only exists in a leap second at 23:59:60 UTC");
      return FALSE;
    }

  if (instant < MAINT_INSTANT_MIN || instant > MAINT_INSTANT_MAX)
    {
      set_error (error, MAINT_TIME_ERROR_INSTANT_FAILED, text,
                 "outside the supported range 1970-01-01T00:00:01Z to 2100-12-31T23:59:59Z");
      return FALSE;
    }

  if (out_instant)
    *out_instant = instant;
  return TRUE;

syntax:
  set_error (error, MAINT_TIME_ERROR_INSTANT_FAILED, text,
             "expected an RFC 3339 date-time such as 2026-03-29T01:00:00Z");
  return FALSE;
}

/**
 * maint_instant_format:
 * @instant: seconds since the Unix epoch
 *
 * Formats @instant as RFC 3339 in UTC with whole seconds, the form
 * libmaint writes everywhere: `2026-03-29T01:00:00Z`.
 *
 * Any instant from year 0000 to year 9999 can be formatted, which
 * includes the whole range from %MAINT_INSTANT_MIN to %MAINT_INSTANT_MAX
 * and the "not set" value 0.
 *
 * Returns: (transfer full): the text; free it with g_free()
 */
char *
maint_instant_format (gint64 instant)
{
  gint64 year;
  guint month, day;
  int hour, minute, second;

  g_return_val_if_fail (instant >= FORMAT_MIN && instant <= FORMAT_MAX, NULL);

  split_instant (instant, &year, &month, &day, &hour, &minute, &second);
  /* "%04d-%02u-%02uT%02d:%02d:%02dZ" without printf: plans write one or
   * two per unscheduled activity. Years are 0000–9999 here. */
  {
    char *out = g_malloc (21);
    const guint values[6] = { (guint) year, month, day, (guint) hour, (guint) minute, (guint) second };
    static const char after[6] = { '-', '-', 'T', ':', ':', 'Z' };
    char *p = out;

    for (guint k = 0; k < G_N_ELEMENTS (values); k++)
      {
        guint width = k == 0 ? 4 : 2, v = values[k];

        for (guint i = width; i > 0; i--)
          {
            p[i - 1] = (char) ('0' + v % 10);
            v /= 10;
          }
        p[width] = after[k];
        p += width + 1;
      }
    *p = '\0';
    return out;
  }
}

/**
 * maint_instant_format_local:
 * @instant: seconds since the Unix epoch
 * @zone: an IANA time zone name, such as `Europe/Berlin`
 * @error: return location for a #GError, or %NULL
 *
 * Formats @instant as RFC 3339 in local time of @zone, with the offset in
 * force at that instant: `2026-03-29T03:00:00+02:00`. The offset is always
 * numeric, `+00:00` for UTC.
 *
 * RFC 3339 offsets have no seconds. A few historical offsets do (Africa/
 * Monrovia was −00:44:30 until 1972); as RFC 3339 section 5.8 shows, the
 * closest representable offset is written instead, rounded to the nearest
 * minute with halves away from zero (−00:45), and the local time is shown
 * in that offset, so the text still denotes exactly @instant.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL with
 *   %MAINT_TIME_ERROR_ZONE_FAILED set if @zone is unknown
 */
char *
maint_instant_format_local (gint64       instant,
                            const char  *zone,
                            GError     **error)
{
  const MaintTz *tz;
  gint64 year;
  guint month, day;
  int hour, minute, second;
  gint32 offset, rounded, abs_rounded;

  g_return_val_if_fail (zone != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_return_val_if_fail (instant >= FORMAT_MIN + 86400 && instant <= FORMAT_MAX - 86400, NULL);

  tz = maint_tz_get (zone, error);
  if (tz == NULL)
    return NULL;

  offset = maint_tz_offset_at (tz, instant);
  abs_rounded = (ABS (offset) + 30) / 60 * 60;
  rounded = offset < 0 ? -abs_rounded : abs_rounded;

  split_instant (instant + rounded, &year, &month, &day, &hour, &minute, &second);
  return g_strdup_printf ("%04d-%02u-%02uT%02d:%02d:%02d%c%02d:%02d",
                          (int) year, month, day, hour, minute, second,
                          rounded < 0 ? '-' : '+',
                          abs_rounded / 3600, abs_rounded / 60 % 60);
}

/**
 * maint_duration_parse:
 * @text: an ISO 8601 duration, such as `PT15M`, `P7D` or `P1DT2H`
 * @out_seconds: (out) (optional): return location for the length in
 *   seconds
 * @error: return location for a #GError, or %NULL
 *
 * Parses the subset of ISO 8601 durations whose length does not depend on
 * the calendar: `PnW` on its own, or `PnDTnHnMnS` where every part is
 * optional but at least one is present, the parts keep that order, and
 * `T` precedes the hours, minutes and seconds. Numbers are whole and
 * unsigned; a day is exactly 86400 seconds and a week 7 days.
 *
 * Years and months (`P1Y`, `P1M`) are rejected as ambiguous, as are
 * negative durations, fractions, an empty `P` or `PT`, and anything longer
 * than %MAINT_DURATION_MAX. `PT0S` is the zero duration. Errors are
 * %MAINT_TIME_ERROR_DURATION_FAILED and their message quotes @text.
 *
 * Returns: %TRUE if @text was parsed, %FALSE with @error set otherwise
 */
gboolean
maint_duration_parse (const char  *text,
                      gint64      *out_seconds,
                      GError     **error)
{
  /* Designators in their required order, with their lengths. The date
   * part has only D; 'W' is handled on its own. */
  static const struct { char designator; gboolean time_part; gint64 seconds; } units[] = {
    { 'D', FALSE, SECONDS_PER_DAY },
    { 'H', TRUE, 3600 },
    { 'M', TRUE, 60 },
    { 'S', TRUE, 1 },
  };
  const char *p = text;
  gboolean in_time = FALSE, time_has_part = FALSE, any_part = FALSE;
  guint next_unit = 0;
  gint64 total = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_seconds)
    *out_seconds = 0;

  if (*p == '-')
    {
      set_error (error, MAINT_TIME_ERROR_DURATION_FAILED, text,
                 "negative durations are not supported");
      return FALSE;
    }
  if (*p != 'P')
    goto syntax;
  p++;

  while (*p != '\0')
    {
      gint64 value = 0;
      const char *digits = p;
      guint u;

      if (*p == 'T')
        {
          if (in_time)
            goto syntax;
          in_time = TRUE;
          p++;
          continue;
        }

      while (g_ascii_isdigit (*p))
        {
          value = value * 10 + (*p - '0');
          /* Any part beyond the maximum makes the total too long; stop
           * before the accumulator could overflow. */
          if (value > MAINT_DURATION_MAX)
            goto too_long;
          p++;
        }
      if (p == digits)
        {
          if (*p == '-')
            {
              set_error (error, MAINT_TIME_ERROR_DURATION_FAILED, text,
                         "negative durations are not supported");
              return FALSE;
            }
          goto syntax;
        }

      if (*p == '.' || *p == ',')
        {
          set_error (error, MAINT_TIME_ERROR_DURATION_FAILED, text,
                     "fractions are not supported; use a smaller unit");
          return FALSE;
        }

      if (!in_time && (*p == 'Y' || *p == 'M'))
        {
          set_error (error, MAINT_TIME_ERROR_DURATION_FAILED, text,
                     "years and months are ambiguous (their length varies); "
                     "use weeks (W) or days (D)");
          return FALSE;
        }

      if (!in_time && *p == 'W')
        {
          /* ISO 8601 allows weeks only on their own. */
          if (any_part || p[1] != '\0')
            {
              set_error (error, MAINT_TIME_ERROR_DURATION_FAILED, text,
                         "weeks (W) cannot be combined with other parts");
              return FALSE;
            }
          total = value * 7 * SECONDS_PER_DAY;
          any_part = TRUE;
          p++;
          break;
        }

      for (u = next_unit; u < G_N_ELEMENTS (units); u++)
        if (units[u].designator == *p && units[u].time_part == in_time)
          break;
      if (u == G_N_ELEMENTS (units))
        {
          if (*p == '\0')
            set_error (error, MAINT_TIME_ERROR_DURATION_FAILED, text,
                       "number without a unit at the end");
          else if (*p >= 0x20 && *p < 0x7f)
            set_error (error, MAINT_TIME_ERROR_DURATION_FAILED, text,
                       "unexpected '%c'; expected PnW or PnDTnHnMnS with the parts in that order",
                       *p);
          else
            /* not as a raw byte: a message stays one line of UTF-8 */
            set_error (error, MAINT_TIME_ERROR_DURATION_FAILED, text,
                       "unexpected byte 0x%02x; expected PnW or PnDTnHnMnS with the parts in that order",
                       (guchar) *p);
          return FALSE;
        }

      total += value * units[u].seconds;
      if (total > MAINT_DURATION_MAX)
        goto too_long;
      next_unit = u + 1;
      any_part = TRUE;
      time_has_part |= in_time;
      p++;
    }

  if (!any_part)
    {
      set_error (error, MAINT_TIME_ERROR_DURATION_FAILED, text,
                 "a duration needs at least one part, such as PT0S");
      return FALSE;
    }
  if (in_time && !time_has_part)
    {
      set_error (error, MAINT_TIME_ERROR_DURATION_FAILED, text,
                 "'T' must be followed by hours, minutes or seconds");
      return FALSE;
    }
  if (total > MAINT_DURATION_MAX)
    goto too_long;

  if (out_seconds)
    *out_seconds = total;
  return TRUE;

too_long:
  set_error (error, MAINT_TIME_ERROR_DURATION_FAILED, text,
             "longer than the maximum of P3660D");
  return FALSE;

syntax:
  set_error (error, MAINT_TIME_ERROR_DURATION_FAILED, text,
             "expected an ISO 8601 duration such as PT15M, P7D or PT1H30M");
  return FALSE;
}

/**
 * maint_duration_format:
 * @seconds: a duration in seconds, from 0 to %MAINT_DURATION_MAX
 *
 * Formats a duration in canonical ISO 8601 form: days, then hours,
 * minutes and seconds, leaving out zero parts (`P7D`, `PT1H30M`,
 * `P1DT2H`); the zero duration is `PT0S`. Weeks are never used. The
 * result parses back to @seconds with maint_duration_parse().
 *
 * Returns: (transfer full): the text; free it with g_free()
 */
char *
maint_duration_format (gint64 seconds)
{
  GString *s;
  gint64 days, rest;

  g_return_val_if_fail (seconds >= 0 && seconds <= MAINT_DURATION_MAX, NULL);

  if (seconds == 0)
    return g_strdup ("PT0S");

  s = g_string_new ("P");
  days = seconds / SECONDS_PER_DAY;
  rest = seconds % SECONDS_PER_DAY;
  if (days > 0)
    g_string_append_printf (s, "%" G_GINT64_FORMAT "D", days);
  if (rest > 0)
    {
      g_string_append_c (s, 'T');
      if (rest / 3600 > 0)
        g_string_append_printf (s, "%" G_GINT64_FORMAT "H", rest / 3600);
      if (rest / 60 % 60 > 0)
        g_string_append_printf (s, "%" G_GINT64_FORMAT "M", rest / 60 % 60);
      if (rest % 60 > 0)
        g_string_append_printf (s, "%" G_GINT64_FORMAT "S", rest % 60);
    }
  return g_string_free (s, FALSE);
}

/**
 * maint_time_zone_check:
 * @zone: an IANA time zone name, such as `Europe/Berlin`
 * @error: return location for a #GError, or %NULL
 *
 * Checks that @zone names a zone of the system tz database (`$TZDIR` if
 * set, else the directory libmaint was configured with, normally
 * `/usr/share/zoneinfo`) and that its file can be read. `UTC` and
 * `Etc/UTC` are always known. An unknown zone is never replaced by UTC.
 *
 * Returns: %TRUE if the zone can be used, %FALSE with
 *   %MAINT_TIME_ERROR_ZONE_FAILED set otherwise
 */
gboolean
maint_time_zone_check (const char  *zone,
                       GError     **error)
{
  g_return_val_if_fail (zone != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return maint_tz_get (zone, error) != NULL;
}

/**
 * maint_time_zone_offset_at:
 * @zone: an IANA time zone name
 * @instant: seconds since the Unix epoch
 * @error: return location for a #GError, or %NULL
 *
 * Looks up the offset from UTC in force in @zone at @instant: local time
 * is @instant plus the offset.
 *
 * Returns: the offset in seconds, east of UTC positive (7200 for CEST);
 *   0 with %MAINT_TIME_ERROR_ZONE_FAILED set if @zone is unknown
 */
gint32
maint_time_zone_offset_at (const char  *zone,
                           gint64       instant,
                           GError     **error)
{
  const MaintTz *tz;

  g_return_val_if_fail (zone != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  tz = maint_tz_get (zone, error);
  if (tz == NULL)
    return 0;
  return maint_tz_offset_at (tz, instant);
}

/**
 * maint_time_zone_abbreviation_at:
 * @zone: an IANA time zone name
 * @instant: seconds since the Unix epoch
 * @error: return location for a #GError, or %NULL
 *
 * Looks up the abbreviation the tz database gives to local time in @zone
 * at @instant, such as `CET`, `CEST` or, for zones without an
 * established one, a numeric form such as `+0545`.
 *
 * Returns: (transfer full) (nullable): the abbreviation, or %NULL with
 *   %MAINT_TIME_ERROR_ZONE_FAILED set if @zone is unknown
 */
char *
maint_time_zone_abbreviation_at (const char  *zone,
                                 gint64       instant,
                                 GError     **error)
{
  const MaintTz *tz;

  g_return_val_if_fail (zone != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  tz = maint_tz_get (zone, error);
  if (tz == NULL)
    return NULL;
  return g_strdup (maint_tz_abbreviation_at (tz, instant));
}
