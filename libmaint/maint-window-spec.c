/* maint-window-spec.c: recurring maintenance windows in a time zone
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "maint-error.h"
#include "maint-window-spec-private.h"

/**
 * MaintWindowSpec:
 *
 * A recurring maintenance window such as `mon-fri 22:00-24:00`: a set of
 * weekdays and a local time range, written `DAYS HH:MM-HH:MM`.
 *
 * DAYS is `daily` or a comma-separated list of day names (`mon`, `tue`,
 * `wed`, `thu`, `fri`, `sat`, `sun`, in any letter case) and ranges of
 * two different days (`mon-fri`; `fri-mon` wraps over the weekend). A day
 * named twice, directly or through ranges, counts once. The day names the
 * local date on which the window opens.
 *
 * The time range runs from `00:00`…`23:59` to `00:00`…`24:00`, where
 * `24:00` is the next midnight. If the end is not after the start, the
 * window crosses midnight: `sat 22:00-02:00` is Saturday 22:00 to Sunday
 * 02:00, and `tue 04:00-04:00` lasts 24 hours. DAYS and the time range are
 * separated by one or more spaces or tabs; nothing else may appear.
 *
 * In a time zone each occurrence is resolved as libmaint's design states:
 * the start is the earliest instant at which the local clock reads the
 * start time, the end the latest instant at which it reads the end time; a
 * local time that does not exist (the clocks spring forward) is shifted
 * forward by the length of the gap, so 02:30 in a 02:00→03:00 gap becomes
 * 03:30; an occurrence whose resolved end is not after its start is
 * dropped. On fall-back nights windows therefore grow, on spring-forward
 * nights they shrink. Occurrences are computed for local dates from 1900
 * to 2101, the span the time zone tables cover.
 *
 * Specs are immutable, atomically reference-counted values.
 */

G_DEFINE_BOXED_TYPE (MaintWindowSpec, maint_window_spec,
                     maint_window_spec_ref, maint_window_spec_unref)

#define ALL_DAYS 0x7f

static const char day_names[7][4] = {
  "mon", "tue", "wed", "thu", "fri", "sat", "sun",
};

/* ------------------------------------------------------------------ */
/* Parsing */

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

static gboolean
is_alpha (char c)
{
  return g_ascii_isalpha (c);
}

/* 1-based column of @p in @text, counted in characters when the prefix is
 * UTF-8, else in bytes. */
static gsize
column_of (const char *text,
           const char *p)
{
  gsize offset = (gsize) (p - text);

  if (g_utf8_validate (text, (gssize) offset, NULL))
    return (gsize) g_utf8_strlen (text, (gssize) offset) + 1;
  return offset + 1;
}

static gboolean G_GNUC_PRINTF (4, 5)
parse_error (GError     **error,
             const char  *text,
             const char  *p,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, MAINT_WINDOW_SPEC_ERROR, MAINT_WINDOW_SPEC_ERROR_PARSE_FAILED,
               "column %" G_GSIZE_FORMAT ": %s", column_of (text, p), message);
  return FALSE;
}

/* A three-letter day name not followed by another letter; -1 otherwise. */
static int
match_day (const char *p)
{
  if (p[0] == '\0' || p[1] == '\0' || p[2] == '\0' || is_alpha (p[3]))
    return -1;
  for (int d = 0; d < 7; d++)
    if (g_ascii_strncasecmp (p, day_names[d], 3) == 0)
      return d;
  return -1;
}

/* Two ASCII digits → 0..99, or -1. */
static int
two_digits (const char *p)
{
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
    return -1;
  return (p[0] - '0') * 10 + (p[1] - '0');
}

/* HH:MM with HH <= @max_hour; 24 is only allowed as 24:00. */
static gboolean
parse_time (const char  *text,
            const char **pp,
            int          max_hour,
            const char  *what,
            guint       *out_minute,
            GError     **error)
{
  const char *p = *pp;
  int hour, minute;

  hour = two_digits (p);
  if (hour < 0 || p[2] != ':' || two_digits (p + 3) < 0 || g_ascii_isdigit (p[5]))
    return parse_error (error, text, p, "expected the %s time as HH:MM", what);
  minute = two_digits (p + 3);
  if (hour > max_hour)
    return parse_error (error, text, p,
                        max_hour == 24 ? "the hour of the %s time must be 00…24"
                                       : "the hour of the %s time must be 00…23",
                        what);
  if (minute > 59)
    return parse_error (error, text, p + 3, "the minute of the %s time must be 00…59", what);
  if (hour == 24 && minute != 0)
    return parse_error (error, text, p + 3, "the %s time 24:%02d is past 24:00", what, minute);

  *out_minute = (guint) (hour * 60 + minute);
  *pp = p + 5;
  return TRUE;
}

/**
 * maint_window_spec_parse:
 * @text: a window spec such as `mon-fri 22:00-24:00`
 * @error: return location for a #GError
 *
 * Parses a window spec (see [struct@Maint.WindowSpec] for the syntax).
 * Errors are in the %MAINT_WINDOW_SPEC_ERROR domain; the message is one
 * line that starts with the 1-based column of the mistake, for example
 * `column 5: expected a day name (mon…sun)`.
 *
 * Returns: (transfer full): the spec, or %NULL with @error set
 */
MaintWindowSpec *
maint_window_spec_parse (const char  *text,
                         GError     **error)
{
  MaintWindowSpec *spec;
  const char *p = text;
  guint days = 0, start, end;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_ascii_strncasecmp (p, "daily", 5) == 0 && !is_alpha (p[5]))
    {
      days = ALL_DAYS;
      p += 5;
      if (!is_blank (*p))
        {
          parse_error (error, text, p, *p == '\0' ? "expected a time range HH:MM-HH:MM after \"daily\""
                                                  : "expected a space after \"daily\"");
          return NULL;
        }
    }
  else
    {
      for (;;)
        {
          int first, last;

          first = match_day (p);
          if (first < 0)
            {
              parse_error (error, text, p, p == text ? "expected a day name (mon…sun) or \"daily\""
                                                     : "expected a day name (mon…sun)");
              return NULL;
            }
          p += 3;
          last = first;
          if (*p == '-')
            {
              p++;
              last = match_day (p);
              if (last < 0)
                {
                  parse_error (error, text, p, "expected a day name (mon…sun)");
                  return NULL;
                }
              if (last == first)
                {
                  parse_error (error, text, p, "a day range needs two different days");
                  return NULL;
                }
              p += 3;
            }
          /* ranges wrap: fri-mon is fri, sat, sun, mon */
          for (int d = first;; d = (d + 1) % 7)
            {
              days |= 1u << d;
              if (d == last)
                break;
            }
          if (*p != ',')
            break;
          p++;
        }
      if (!is_blank (*p))
        {
          parse_error (error, text, p, *p == '\0' ? "expected a time range HH:MM-HH:MM after the days"
                                                  : "expected \",\", \"-\" or a space after a day name");
          return NULL;
        }
    }

  while (is_blank (*p))
    p++;

  if (!parse_time (text, &p, 23, "start", &start, error))
    return NULL;
  if (*p != '-')
    {
      parse_error (error, text, p, "expected \"-\" between the start and the end time");
      return NULL;
    }
  p++;
  if (!parse_time (text, &p, 24, "end", &end, error))
    return NULL;
  if (*p != '\0')
    {
      parse_error (error, text, p, "unexpected text after the end time");
      return NULL;
    }

  spec = g_new0 (MaintWindowSpec, 1);
  g_atomic_ref_count_init (&spec->ref);
  spec->days = (guint8) days;
  spec->start_minute = (guint16) start;
  /* 00:00 as an end is the next midnight, like 24:00 */
  spec->end_minute = (guint16) (end == 0 ? 24 * 60 : end);
  return spec;
}

/**
 * maint_window_spec_ref:
 * @spec: a window spec
 *
 * Increases the reference count of @spec. Thread-safe.
 *
 * Returns: (transfer full): @spec
 */
MaintWindowSpec *
maint_window_spec_ref (MaintWindowSpec *spec)
{
  g_return_val_if_fail (spec != NULL, NULL);

  g_atomic_ref_count_inc (&spec->ref);
  return spec;
}

/**
 * maint_window_spec_unref:
 * @spec: (transfer full): a window spec
 *
 * Decreases the reference count of @spec and frees it when the count drops
 * to zero. Thread-safe.
 */
void
maint_window_spec_unref (MaintWindowSpec *spec)
{
  g_return_if_fail (spec != NULL);

  if (g_atomic_ref_count_dec (&spec->ref))
    g_free (spec);
}

/**
 * maint_window_spec_to_string:
 * @spec: a window spec
 *
 * Prints @spec in canonical form: `daily` for all seven days; otherwise
 * runs of consecutive days (Sunday is followed by Monday), ordered by their
 * first day from Monday, a run of one day as `tue`, of two as `sat,sun`, of
 * three or more as a range (`mon-fri`, or `fri-mon` when it wraps); then the
 * time range as `HH:MM-HH:MM`, an end at midnight as `24:00`. Parsing the
 * result gives a spec equal to @spec.
 *
 * Returns: (transfer full): a newly allocated string
 */
char *
maint_window_spec_to_string (const MaintWindowSpec *spec)
{
  GString *out;
  guint days;

  g_return_val_if_fail (spec != NULL, NULL);

  out = g_string_new (NULL);
  days = spec->days;
  if (days == ALL_DAYS)
    g_string_append (out, "daily");
  else
    {
      gboolean first_run = TRUE;

      /* A run starts on a day whose predecessor is not in the set; as not
       * every day is in it, every run has such a start. */
      for (int d = 0; d < 7; d++)
        {
          int len = 0;

          if (!(days & (1u << d)) || (days & (1u << ((d + 6) % 7))))
            continue;
          while (len < 7 && (days & (1u << ((d + len) % 7))))
            len++;
          if (!first_run)
            g_string_append_c (out, ',');
          first_run = FALSE;
          if (len == 1)
            g_string_append (out, day_names[d]);
          else if (len == 2)
            g_string_append_printf (out, "%s,%s", day_names[d], day_names[(d + 1) % 7]);
          else
            g_string_append_printf (out, "%s-%s", day_names[d], day_names[(d + len - 1) % 7]);
        }
    }

  g_string_append_printf (out, " %02u:%02u-%02u:%02u",
                          spec->start_minute / 60u, spec->start_minute % 60u,
                          spec->end_minute / 60u, spec->end_minute % 60u);
  return g_string_free (out, FALSE);
}

/**
 * maint_window_spec_get_days:
 * @spec: a window spec
 *
 * Gets the weekdays on which the window opens, as a bit mask: bit 0 is
 * Monday, bit 1 Tuesday, … bit 6 Sunday; `daily` is 0x7f.
 *
 * Returns: the weekday mask, never 0
 */
guint
maint_window_spec_get_days (const MaintWindowSpec *spec)
{
  g_return_val_if_fail (spec != NULL, 0);
  return spec->days;
}

/**
 * maint_window_spec_get_start_minute:
 * @spec: a window spec
 *
 * Returns: the start time in minutes after local midnight, 0 to 1439
 */
guint
maint_window_spec_get_start_minute (const MaintWindowSpec *spec)
{
  g_return_val_if_fail (spec != NULL, 0);
  return spec->start_minute;
}

/**
 * maint_window_spec_get_end_minute:
 * @spec: a window spec
 *
 * Gets the end time in minutes after local midnight, 1 to 1440. An end at
 * midnight is 1440, whether it was written `24:00` or `00:00`.
 *
 * Returns: the end time in minutes
 */
guint
maint_window_spec_get_end_minute (const MaintWindowSpec *spec)
{
  g_return_val_if_fail (spec != NULL, 0);
  return spec->end_minute;
}

/**
 * maint_window_spec_crosses_midnight:
 * @spec: a window spec
 *
 * Whether the window ends on the local date after the one it opens on at
 * a time after midnight, that is, whether its end time is not after its
 * start time (`22:00-05:00`, `04:00-04:00`). A window that ends at
 * midnight (`22:00-24:00`) does not cross it.
 *
 * Returns: %TRUE if the window crosses midnight
 */
gboolean
maint_window_spec_crosses_midnight (const MaintWindowSpec *spec)
{
  g_return_val_if_fail (spec != NULL, FALSE);
  return spec->end_minute <= spec->start_minute;
}

/**
 * maint_window_spec_equal:
 * @a: a window spec
 * @b: another window spec
 *
 * Returns: %TRUE if both specs have the same days and times (and so the
 *   same canonical form)
 */
gboolean
maint_window_spec_equal (const MaintWindowSpec *a,
                         const MaintWindowSpec *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return a->days == b->days &&
         a->start_minute == b->start_minute &&
         a->end_minute == b->end_minute;
}

/* ------------------------------------------------------------------ */
/* Expansion */

static inline gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* 0 = Monday; 1970-01-01 was a Thursday. Same as maint_weekday_from_days(),
 * inlined because it runs once per call on the hot path. */
static inline guint
weekday_of (gint64 day)
{
  gint64 w = (day + 3) % 7;

  return (guint) (w < 0 ? w + 7 : w);
}

/* Days from weekday @wd to the first weekday in @days, 0 if @wd is in it.
 * @days is never 0. */
static inline guint
days_to_next (guint days,
              guint wd)
{
  guint doubled = (days | (days << 7)) >> wd;

#if defined(__GNUC__) || defined(__clang__)
  return (guint) __builtin_ctz (doubled);
#else
  guint n = 0;

  while (!(doubled & 1))
    {
      doubled >>= 1;
      n++;
    }
  return n;
#endif
}

/* The local date (days since 1970-01-01) and the local reading of @utc. */
static inline gint64
local_day_of (const MaintTz *tz,
              gint64         utc,
              gint64        *out_local)
{
  gint64 local;

  /* far outside the supported dates either way; keeps the sums below
   * from overflowing for any gint64 */
  utc = CLAMP (utc, -((gint64) 1 << 40), (gint64) 1 << 40);
  local = utc + maint_tz_offset_at (tz, utc);

  if (out_local)
    *out_local = local;
  return floor_div (local, 86400);
}

static inline gint64
resolve_start (const MaintWindowSpec *spec,
               const MaintTz         *tz,
               gint64                 day)
{
  return maint_tz_local_to_utc (tz, day * 86400 + spec->start_minute * 60,
                                MAINT_TZ_EARLIEST, NULL);
}

static inline gint64
resolve_end (const MaintWindowSpec *spec,
             const MaintTz         *tz,
             gint64                 day)
{
  gint64 end_day = spec->end_minute <= spec->start_minute ? day + 1 : day;

  return maint_tz_local_to_utc (tz, end_day * 86400 + spec->end_minute * 60,
                                MAINT_TZ_LATEST, NULL);
}

gboolean
maint_window_spec_resolve_tz (const MaintWindowSpec *spec,
                              const MaintTz         *tz,
                              gint64                 day,
                              gint64                *out_start,
                              gint64                *out_end)
{
  gint64 start = resolve_start (spec, tz, day);
  gint64 end = resolve_end (spec, tz, day);

  *out_start = start;
  *out_end = end;
  return end > start;
}

/*
 * Why the searches below may start one local date before the one of the
 * instant they look from: an occurrence opening at local reading x resolves
 * to u = x - offset (the offset in force at u, or just before it in a gap).
 * For an instant t read as L locally, u - t = (x - L) + (offset(t) -
 * offset(u)). The offset never falls by a day or more (the largest jumps in
 * the tz database since 1900 are the 24-hour leaps forward of Kwajalein
 * 1993 and Apia 2011), so x < L - 86400 implies u < t, and the starts of
 * successive dates never decrease, so the first date found is the
 * earliest start.
 */

gboolean
maint_window_spec_next_occurrence_tz (const MaintWindowSpec *spec,
                                      const MaintTz         *tz,
                                      gint64                 after,
                                      gint64                *out_start,
                                      gint64                *out_end)
{
  gint64 local, day, last;
  guint wd, skip;

  day = local_day_of (tz, after, &local) - 1;
  /* the previous date can only qualify if its start reading is less than a
   * day before the reading of @after */
  if (day * 86400 + spec->start_minute * 60 < local - 86400)
    day++;
  last = MIN (day + MAINT_WINDOW_SEARCH_DAYS, (gint64) MAINT_WINDOW_LAST_DAY);
  if (day < MAINT_WINDOW_FIRST_DAY)
    day = MAINT_WINDOW_FIRST_DAY;

  wd = weekday_of (day);
  skip = days_to_next (spec->days, wd);
  day += skip;
  wd = (wd + skip) % 7;
  while (day <= last)
    {
      gint64 start, end;

      start = resolve_start (spec, tz, day);
      if (start >= after)
        {
          end = resolve_end (spec, tz, day);
          if (end > start)
            {
              *out_start = start;
              *out_end = end;
              return TRUE;
            }
          /* else swallowed by a gap: dropped */
        }
      wd = wd == 6 ? 0 : wd + 1;
      skip = days_to_next (spec->days, wd);
      day += 1 + skip;
      wd = (wd + skip) % 7;
    }
  return FALSE;
}

gboolean
maint_window_spec_occurrence_containing_tz (const MaintWindowSpec *spec,
                                            const MaintTz         *tz,
                                            gint64                 instant,
                                            gint64                *out_start,
                                            gint64                *out_end)
{
  gint64 day = local_day_of (tz, instant, NULL);

  /* An occurrence lasts at most a day of local time, stretched by a
   * fall-back and shifted by a gap of at most a day, so it opens between
   * three local dates before the instant's and the next one. */
  for (gint64 d = MAX (day - 3, (gint64) MAINT_WINDOW_FIRST_DAY);
       d <= MIN (day + 1, (gint64) MAINT_WINDOW_LAST_DAY); d++)
    {
      gint64 start, end;

      if (!(spec->days & (1u << weekday_of (d))))
        continue;
      start = resolve_start (spec, tz, d);
      if (start > instant)
        break;   /* starts never decrease with the date */
      end = resolve_end (spec, tz, d);
      if (instant < end && start < end)
        {
          *out_start = start;
          *out_end = end;
          return TRUE;
        }
    }
  return FALSE;
}

/* Walks the dates whose occurrences may start in [from - margin, to) and
 * appends what @keep accepts. */
static gsize
collect (const MaintWindowSpec *spec,
         const MaintTz         *tz,
         gint64                 from,
         gint64                 to,
         gboolean               clip,
         GArray                *pairs)
{
  gint64 first, last;
  gsize n = 0;
  guint wd;

  g_return_val_if_fail (g_array_get_element_size (pairs) == sizeof (gint64), 0);

  if (from >= to)
    return 0;

  /* clipping wants occurrences that began before @from and are still open */
  first = local_day_of (tz, from, NULL) - (clip ? 3 : 1);
  last = local_day_of (tz, to - 1, NULL) + 1;
  first = MAX (first, (gint64) MAINT_WINDOW_FIRST_DAY);
  last = MIN (last, (gint64) MAINT_WINDOW_LAST_DAY);

  wd = weekday_of (first);
  for (gint64 day = first; day <= last; day++, wd = wd == 6 ? 0 : wd + 1)
    {
      gint64 pair[2];

      if (!(spec->days & (1u << wd)))
        continue;
      pair[0] = resolve_start (spec, tz, day);
      if (pair[0] >= to)
        break;
      pair[1] = resolve_end (spec, tz, day);
      if (pair[1] <= pair[0])
        continue;
      if (clip)
        {
          if (pair[1] <= from)
            continue;
          pair[0] = MAX (pair[0], from);
          pair[1] = MIN (pair[1], to);
        }
      else if (pair[0] < from)
        continue;

      /* a whole skipped local date (Apia, 2011-12-30) resolves to the
       * same instants as the next date: report that occurrence once */
      if (pairs->len >= 2 && n > 0 &&
          g_array_index (pairs, gint64, pairs->len - 2) == pair[0] &&
          g_array_index (pairs, gint64, pairs->len - 1) == pair[1])
        continue;
      g_array_append_vals (pairs, pair, 2);
      n++;
    }
  return n;
}

gsize
maint_window_spec_occurrences_tz (const MaintWindowSpec *spec,
                                  const MaintTz         *tz,
                                  gint64                 from,
                                  gint64                 to,
                                  GArray                *pairs)
{
  return collect (spec, tz, from, to, FALSE, pairs);
}

gsize
maint_window_spec_clipped_tz (const MaintWindowSpec *spec,
                              const MaintTz         *tz,
                              gint64                 from,
                              gint64                 to,
                              GArray                *pairs)
{
  return collect (spec, tz, from, to, TRUE, pairs);
}

MaintIntervalSet *
maint_window_specs_expand_tz (MaintWindowSpec * const *specs,
                              gsize                    n_specs,
                              const MaintTz           *tz,
                              gint64                   from,
                              gint64                   to,
                              GArray                  *scratch)
{
  g_autoptr(GArray) own = NULL;
  GArray *pairs = scratch;

  if (pairs == NULL)
    pairs = own = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_set_size (pairs, 0);

  for (gsize i = 0; i < n_specs; i++)
    maint_window_spec_clipped_tz (specs[i], tz, from, to, pairs);

  /* one spec's occurrences come out in order; several need a sort */
  return maint_interval_set_new_from_pairs ((gint64 *) (void *) pairs->data,
                                            pairs->len / 2, n_specs <= 1);
}

/* ------------------------------------------------------------------ */
/* Public expansion by zone name */

/**
 * maint_window_spec_next_occurrence:
 * @spec: a window spec
 * @zone: an IANA time zone name, such as `Europe/Berlin`
 * @after: an instant, in seconds since the Unix epoch
 * @error: return location for a #GError
 *
 * Finds the first occurrence of @spec in @zone whose start is at or after
 * @after. Occurrences that are dropped (swallowed by a gap) are skipped.
 * The search looks at most 400 local dates ahead and not past 2101; it
 * never takes longer than that.
 *
 * Returns: (transfer full) (nullable): the occurrence; %NULL with @error set
 *   (%MAINT_TIME_ERROR_ZONE_FAILED) if @zone is unknown, %NULL without an
 *   error if no occurrence starts in the searched span
 */
MaintInterval *
maint_window_spec_next_occurrence (const MaintWindowSpec  *spec,
                                   const char             *zone,
                                   gint64                  after,
                                   GError                **error)
{
  const MaintTz *tz;
  gint64 start, end;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  tz = maint_tz_get (zone, error);
  if (tz == NULL)
    return NULL;
  if (!maint_window_spec_next_occurrence_tz (spec, tz, after, &start, &end))
    return NULL;
  return maint_interval_new (start, end);
}

/**
 * maint_window_spec_occurrence_containing:
 * @spec: a window spec
 * @zone: an IANA time zone name
 * @instant: an instant, in seconds since the Unix epoch
 * @error: return location for a #GError
 *
 * Finds the occurrence of @spec in @zone that is open at @instant, that is,
 * with `start <= instant < end`. Occurrences of one spec can overlap (a
 * 24-hour window on a fall-back night); then the one that opened first is
 * returned.
 *
 * Returns: (transfer full) (nullable): the occurrence; %NULL with @error set
 *   if @zone is unknown, %NULL without an error if no occurrence is open at
 *   @instant
 */
MaintInterval *
maint_window_spec_occurrence_containing (const MaintWindowSpec  *spec,
                                         const char             *zone,
                                         gint64                  instant,
                                         GError                **error)
{
  const MaintTz *tz;
  gint64 start, end;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  tz = maint_tz_get (zone, error);
  if (tz == NULL)
    return NULL;
  if (!maint_window_spec_occurrence_containing_tz (spec, tz, instant, &start, &end))
    return NULL;
  return maint_interval_new (start, end);
}

/**
 * maint_window_spec_occurrences:
 * @spec: a window spec
 * @zone: an IANA time zone name
 * @from: the first instant a start may have
 * @to: the first instant a start may not have
 * @error: return location for a #GError
 *
 * Lists the occurrences of @spec in @zone whose start lies in
 * `[from, to)`, ordered by start. Dropped occurrences are left out, and
 * when a whole local date was skipped (Pacific/Apia, 2011-12-30) its
 * occurrence, which resolves to the same instants as the next date's, is
 * listed once.
 *
 * Returns: (transfer container) (element-type Maint.Interval) (nullable):
 *   the occurrences, or %NULL with @error set if @zone is unknown
 */
GPtrArray *
maint_window_spec_occurrences (const MaintWindowSpec  *spec,
                               const char             *zone,
                               gint64                  from,
                               gint64                  to,
                               GError                **error)
{
  g_autoptr(GArray) pairs = NULL;
  const MaintTz *tz;
  GPtrArray *result;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  tz = maint_tz_get (zone, error);
  if (tz == NULL)
    return NULL;

  pairs = g_array_new (FALSE, FALSE, sizeof (gint64));
  maint_window_spec_occurrences_tz (spec, tz, from, to, pairs);

  result = g_ptr_array_new_full (pairs->len / 2, (GDestroyNotify) maint_interval_unref);
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    g_ptr_array_add (result, maint_interval_new (g_array_index (pairs, gint64, i),
                                                 g_array_index (pairs, gint64, i + 1)));
  return result;
}

/**
 * maint_window_specs_expand:
 * @specs: (array length=n_specs): window specs
 * @n_specs: the number of specs
 * @zone: an IANA time zone name
 * @from: the start of the span to expand
 * @to: the end of the span to expand
 * @error: return location for a #GError
 *
 * Computes the instants in `[from, to)` at which at least one of @specs is
 * open in @zone: the union of their occurrences, clipped to the span. An
 * occurrence that opened before @from and is still open counts.
 *
 * Returns: (transfer full) (nullable): the interval set, or %NULL with
 *   @error set if @zone is unknown
 */
MaintIntervalSet *
maint_window_specs_expand (MaintWindowSpec * const *specs,
                           gsize                    n_specs,
                           const char              *zone,
                           gint64                   from,
                           gint64                   to,
                           GError                 **error)
{
  const MaintTz *tz;

  g_return_val_if_fail (n_specs == 0 || specs != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (gsize i = 0; i < n_specs; i++)
    g_return_val_if_fail (specs[i] != NULL, NULL);

  tz = maint_tz_get (zone, error);
  if (tz == NULL)
    return NULL;
  return maint_window_specs_expand_tz (specs, n_specs, tz, from, to, NULL);
}
