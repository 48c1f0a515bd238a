/* test-window-spec.c: parsing, printing and expanding window specs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The expansion cases come from tests/gen-window-cases.py, which applies the
 * design's rules with Python's zoneinfo; the build writes them to a file
 * whose path is argv[1] (after the GTest options) or $MAINT_WINDOW_CASES.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libmaint/libmaint.h>

#include "maint-test-util.h"

#include "maint-window-spec-private.h"

static const char *cases_path;

/* ------------------------------------------------------------------ */
/* Parsing and printing */

typedef struct {
  const char *text;
  const char *canonical;
  guint days;
  guint start;
  guint end;
  gboolean crosses;
} ValidCase;

#define MON 0x01
#define TUE 0x02
#define WED 0x04
#define THU 0x08
#define FRI 0x10
#define SAT 0x20
#define SUN 0x40

static const ValidCase valid_cases[] = {
  /* the forms in the design and the issue */
  { "daily 22:00-05:00", "daily 22:00-05:00", 0x7f, 1320, 300, TRUE },
  { "mon-fri 22:00-24:00", "mon-fri 22:00-24:00", 0x1f, 1320, 1440, FALSE },
  { "sat,sun 10:00-14:00", "sat,sun 10:00-14:00", SAT | SUN, 600, 840, FALSE },
  { "tue 04:30-06:30", "tue 04:30-06:30", TUE, 270, 390, FALSE },
  { "fri-mon 23:30-00:30", "fri-mon 23:30-00:30", FRI | SAT | SUN | MON, 1410, 30, TRUE },
  { "sat 22:00-02:00", "sat 22:00-02:00", SAT, 1320, 120, TRUE },
  /* letter case */
  { "DAILY 01:00-02:00", "daily 01:00-02:00", 0x7f, 60, 120, FALSE },
  { "Mon,TUE,wEd 00:00-24:00", "mon-wed 00:00-24:00", MON | TUE | WED, 0, 1440, FALSE },
  { "FRI-Mon 02:15-03:15", "fri-mon 02:15-03:15", FRI | SAT | SUN | MON, 135, 195, FALSE },
  /* whitespace between the parts */
  { "mon  \t 10:00-11:00", "mon 10:00-11:00", MON, 600, 660, FALSE },
  { "daily\t10:00-11:00", "daily 10:00-11:00", 0x7f, 600, 660, FALSE },
  /* ends at midnight: 00:00 and 24:00 are the same end */
  { "mon,tue 00:00-00:00", "mon,tue 00:00-24:00", MON | TUE, 0, 1440, FALSE },
  { "sat 22:00-00:00", "sat 22:00-24:00", SAT, 1320, 1440, FALSE },
  { "sun 23:59-24:00", "sun 23:59-24:00", SUN, 1439, 1440, FALSE },
  /* equal start and end: 24 hours */
  { "mon 10:00-10:00", "mon 10:00-10:00", MON, 600, 600, TRUE },
  { "daily 03:00-03:00", "daily 03:00-03:00", 0x7f, 180, 180, TRUE },
  { "wed 00:01-00:00", "wed 00:01-24:00", WED, 1, 1440, FALSE },
  { "wed 23:59-23:58", "wed 23:59-23:58", WED, 1439, 1438, TRUE },
  /* canonical day lists: runs, wrapping over Sunday, duplicates */
  { "sun,mon 01:00-02:00", "sun,mon 01:00-02:00", SUN | MON, 60, 120, FALSE },
  { "mon,sun 01:00-02:00", "sun,mon 01:00-02:00", SUN | MON, 60, 120, FALSE },
  { "sat,sun,mon 01:00-02:00", "sat-mon 01:00-02:00", SAT | SUN | MON, 60, 120, FALSE },
  { "mon-sun 01:00-02:00", "daily 01:00-02:00", 0x7f, 60, 120, FALSE },
  { "tue-mon 01:00-02:00", "daily 01:00-02:00", 0x7f, 60, 120, FALSE },
  { "mon,wed,fri 01:00-02:00", "mon,wed,fri 01:00-02:00", MON | WED | FRI, 60, 120, FALSE },
  { "sun,wed,sat,mon 01:00-02:00", "wed,sat-mon 01:00-02:00", WED | SAT | SUN | MON, 60, 120, FALSE },
  { "mon-fri,wed 01:00-02:00", "mon-fri 01:00-02:00", 0x1f, 60, 120, FALSE },
  { "mon,mon 01:00-02:00", "mon 01:00-02:00", MON, 60, 120, FALSE },
  { "thu-tue 01:00-02:00", "thu-tue 01:00-02:00", 0x7f & ~WED, 60, 120, FALSE },
  { "fri-sun,mon-tue 01:00-02:00", "fri-tue 01:00-02:00", FRI | SAT | SUN | MON | TUE, 60, 120, FALSE },
  { "tue,thu,sat 01:00-02:00", "tue,thu,sat 01:00-02:00", TUE | THU | SAT, 60, 120, FALSE },
  { "sat-sun 01:00-02:00", "sat,sun 01:00-02:00", SAT | SUN, 60, 120, FALSE },
  { "mon-wed,fri-sat 01:00-02:00", "mon-wed,fri,sat 01:00-02:00", MON | TUE | WED | FRI | SAT, 60, 120, FALSE },
  { "sun-mon,wed-thu 01:00-02:00", "wed,thu,sun,mon 01:00-02:00", SUN | MON | WED | THU, 60, 120, FALSE },
  { "sun 00:00-23:59", "sun 00:00-23:59", SUN, 0, 1439, FALSE },
};

static void
test_parse_valid (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    {
      const ValidCase *c = &valid_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(MaintWindowSpec) spec = maint_window_spec_parse (c->text, &error);
      g_autoptr(MaintWindowSpec) again = NULL;
      g_autofree char *printed = NULL;

      g_test_message ("%s", c->text);
      g_assert_no_error (error);
      g_assert_nonnull (spec);
      g_assert_cmphex (maint_window_spec_get_days (spec), ==, c->days);
      g_assert_cmpuint (maint_window_spec_get_start_minute (spec), ==, c->start);
      g_assert_cmpuint (maint_window_spec_get_end_minute (spec), ==, c->end);
      g_assert_cmpint (maint_window_spec_crosses_midnight (spec), ==, c->crosses);

      printed = maint_window_spec_to_string (spec);
      g_assert_cmpstr (printed, ==, c->canonical);
      again = maint_window_spec_parse (printed, &error);
      g_assert_no_error (error);
      g_assert_true (maint_window_spec_equal (spec, again));
    }
}

/* Every set of days and a spread of times survive printing and parsing. */
static void
test_round_trip (void)
{
  static const char * const names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
  static const char * const times[] = {
    "00:00-24:00", "22:00-05:00", "00:00-00:01", "23:59-00:00", "12:34-12:34", "07:05-19:50",
  };

  for (guint mask = 1; mask < 128; mask++)
    for (gsize t = 0; t < G_N_ELEMENTS (times); t++)
      {
        g_autoptr(GString) text = g_string_new (NULL);
        g_autoptr(GError) error = NULL;
        g_autoptr(MaintWindowSpec) spec = NULL;
        g_autoptr(MaintWindowSpec) again = NULL;
        g_autofree char *printed = NULL;

        /* days listed from Sunday backwards, upper-case, to vary the input */
        for (int d = 6; d >= 0; d--)
          if (mask & (1u << d))
            {
              if (text->len > 0)
                g_string_append_c (text, ',');
              g_string_append (text, names[d]);
            }
        g_string_ascii_up (text);
        g_string_append_printf (text, " %s", times[t]);

        spec = maint_window_spec_parse (text->str, &error);
        g_assert_no_error (error);
        g_assert_cmphex (maint_window_spec_get_days (spec), ==, mask);
        printed = maint_window_spec_to_string (spec);
        again = maint_window_spec_parse (printed, &error);
        g_assert_no_error (error);
        g_assert_true (maint_window_spec_equal (spec, again));
        g_assert_cmphex (maint_window_spec_get_days (again), ==, mask);

        /* canonical output never repeats a day and is lower-case */
        g_assert_null (strchr (printed, 'A'));
        if (mask == 0x7f)
          g_assert_true (g_str_has_prefix (printed, "daily "));
      }
}

typedef struct {
  const char *text;
  const char *message;
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "", "column 1: expected a day name (mon…sun) or \"daily\"" },
  { " daily 01:00-02:00", "column 1: expected a day name (mon…sun) or \"daily\"" },
  { "monday 01:00-02:00", "column 1: expected a day name (mon…sun) or \"daily\"" },
  { "dailyx 01:00-02:00", "column 1: expected a day name (mon…sun) or \"daily\"" },
  { "01:00-02:00", "column 1: expected a day name (mon…sun) or \"daily\"" },
  { "mon,xyz 01:00-02:00", "column 5: expected a day name (mon…sun)" },
  { "mon,daily 01:00-02:00", "column 5: expected a day name (mon…sun)" },
  { "mon, tue 01:00-02:00", "column 5: expected a day name (mon…sun)" },
  { "mon- 01:00-02:00", "column 5: expected a day name (mon…sun)" },
  { "mon-mon 01:00-02:00", "column 5: a day range needs two different days" },
  { "mon;tue 01:00-02:00", "column 4: expected \",\", \"-\" or a space after a day name" },
  { "mon-fri-sun 01:00-02:00", "column 8: expected \",\", \"-\" or a space after a day name" },
  { "mon", "column 4: expected a time range HH:MM-HH:MM after the days" },
  { "mon,", "column 5: expected a day name (mon…sun)" },
  { "daily", "column 6: expected a time range HH:MM-HH:MM after \"daily\"" },
  { "daily,mon 01:00-02:00", "column 6: expected a space after \"daily\"" },
  { "mon ", "column 5: expected the start time as HH:MM" },
  { "mon 1:00-02:00", "column 5: expected the start time as HH:MM" },
  { "mon 01.00-02:00", "column 5: expected the start time as HH:MM" },
  { "mon 010:00-02:00", "column 5: expected the start time as HH:MM" },
  { "mon 24:00-02:00", "column 5: the hour of the start time must be 00…23" },
  { "mon 31:00-02:00", "column 5: the hour of the start time must be 00…23" },
  { "mon 10:60-11:00", "column 8: the minute of the start time must be 00…59" },
  { "mon 10:00 11:00", "column 10: expected \"-\" between the start and the end time" },
  { "mon 10:00", "column 10: expected \"-\" between the start and the end time" },
  { "mon 10:00 - 11:00", "column 10: expected \"-\" between the start and the end time" },
  { "tue 04:30–06:30", "column 10: expected \"-\" between the start and the end time" },
  { "mon 10:00-", "column 11: expected the end time as HH:MM" },
  { "mon 10:00-1100", "column 11: expected the end time as HH:MM" },
  { "mon 10:00-11:000", "column 11: expected the end time as HH:MM" },
  { "mon 10:00-25:00", "column 11: the hour of the end time must be 00…24" },
  { "mon 10:00-11:75", "column 14: the minute of the end time must be 00…59" },
  { "mon 10:00-24:01", "column 14: the end time 24:01 is past 24:00" },
  { "mon 10:00-11:00 ", "column 16: unexpected text after the end time" },
  { "mon 10:00-11:00x", "column 16: unexpected text after the end time" },
  { "mon 10:00-11:00\n", "column 16: unexpected text after the end time" },
  { "mon 10:00-11:00 tue 10:00-11:00", "column 16: unexpected text after the end time" },
};

static void
test_parse_errors (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *c = &error_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(MaintWindowSpec) spec = maint_window_spec_parse (c->text, &error);

      g_test_message ("[%s]", c->text);
      g_assert_null (spec);
      g_assert_error (error, MAINT_WINDOW_SPEC_ERROR, MAINT_WINDOW_SPEC_ERROR_PARSE_FAILED);
      g_assert_cmpstr (error->message, ==, c->message);
      g_assert_null (strchr (error->message, '\n'));
    }

  /* parsing with a NULL error location still fails cleanly */
  g_assert_null (maint_window_spec_parse ("mon", NULL));
}

/* Random text from the grammar's alphabet: never a crash, and always
 * either a spec that prints and parses back, or an error with a column
 * inside the text (or just after it). */
static void
test_parse_random (void)
{
  static const char alphabet[] = "monthuwedfrisatsundaily MTWFS-,:0123456789\t24x";
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  guint parsed = 0;

  for (guint round = 0; round < 50000; round++)
    {
      char text[24];
      guint len = g_rand_int_range (rand, 0, sizeof text);
      g_autoptr(GError) error = NULL;
      g_autoptr(MaintWindowSpec) s = NULL;

      for (guint i = 0; i < len; i++)
        text[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      text[len] = '\0';
      /* half the time start from a valid spec and damage one character */
      if (round % 2)
        {
          const ValidCase *c = &valid_cases[g_rand_int_range (rand, 0, G_N_ELEMENTS (valid_cases))];

          g_strlcpy (text, c->canonical, sizeof text);
          len = strlen (text);
          text[g_rand_int_range (rand, 0, len)] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
        }

      s = maint_window_spec_parse (text, &error);
      if (s)
        {
          g_autofree char *printed = maint_window_spec_to_string (s);
          g_autoptr(MaintWindowSpec) again = maint_window_spec_parse (printed, NULL);

          g_assert_no_error (error);
          g_assert_nonnull (again);
          g_assert_true (maint_window_spec_equal (s, again));
          parsed++;
        }
      else
        {
          guint64 column = 0;

          g_assert_error (error, MAINT_WINDOW_SPEC_ERROR, MAINT_WINDOW_SPEC_ERROR_PARSE_FAILED);
          g_assert_true (g_str_has_prefix (error->message, "column "));
          column = g_ascii_strtoull (error->message + 7, NULL, 10);
          g_assert_cmpuint (column, >=, 1);
          g_assert_cmpuint (column, <=, strlen (text) + 1);
        }
    }
  /* the damaged valid specs keep some survivors */
  g_assert_cmpuint (parsed, >, 100);
}

static void
test_parse_null (void)
{
  if (g_test_subprocess ())
    {
      g_assert_null (maint_window_spec_parse (NULL, NULL));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*text != NULL*");
}

static void
test_boxed (void)
{
  g_autoptr(MaintWindowSpec) a = maint_window_spec_parse ("mon-fri 22:00-24:00", NULL);
  g_autoptr(MaintWindowSpec) b = maint_window_spec_parse ("MON-FRI 22:00-00:00", NULL);
  g_autoptr(MaintWindowSpec) c = maint_window_spec_parse ("mon-fri 22:00-23:59", NULL);
  MaintWindowSpec *copy;

  g_assert_true (G_TYPE_IS_BOXED (MAINT_TYPE_WINDOW_SPEC));
  copy = g_boxed_copy (MAINT_TYPE_WINDOW_SPEC, a);
  g_assert_true (copy == a);
  g_boxed_free (MAINT_TYPE_WINDOW_SPEC, copy);

  g_assert_true (maint_window_spec_equal (a, b));
  g_assert_false (maint_window_spec_equal (a, c));
}

/* ------------------------------------------------------------------ */
/* Expansion: hand-checked cases from the design's own examples */

static void
assert_interval (MaintInterval *iv,
                 gint64         start,
                 gint64         end)
{
  g_assert_nonnull (iv);
  g_assert_cmpint (maint_interval_get_start (iv), ==, start);
  g_assert_cmpint (maint_interval_get_end (iv), ==, end);
}

static void
test_expand_design_examples (void)
{
  g_autoptr(MaintWindowSpec) sat = maint_test_spec ("sat 22:00-02:00");
  g_autoptr(MaintWindowSpec) gap = maint_test_spec ("sun 02:30-02:45");
  g_autoptr(MaintWindowSpec) grow = maint_test_spec ("daily 02:30-02:45");
  g_autoptr(MaintWindowSpec) swallowed = maint_test_spec ("sun 02:30-03:15");
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintInterval) iv = NULL;

  /* Saturday 22:00 to Sunday 02:00: the day names the opening date */
  iv = maint_window_spec_next_occurrence (sat, "UTC", 1774612800 /* Fri 27 Mar 12:00Z */, &error);
  g_assert_no_error (error);
  assert_interval (iv, 1774735200 /* 2026-03-28T22:00Z */, 1774749600 /* 03-29T02:00Z */);
  g_clear_pointer (&iv, maint_interval_unref);

  /* 02:30 in Berlin's 02:00→03:00 gap becomes 03:30 CEST */
  iv = maint_window_spec_next_occurrence (gap, "Europe/Berlin", 1774699200, &error);
  g_assert_no_error (error);
  assert_interval (iv, 1774747800 /* 2026-03-29T01:30Z */, 1774748700 /* 01:45Z */);
  g_clear_pointer (&iv, maint_interval_unref);

  /* on the fall-back night: earliest 02:30 (CEST) to latest 02:45 (CET) */
  iv = maint_window_spec_next_occurrence (grow, "Europe/Berlin", 1792886400 /* 10-25T00:00Z */, &error);
  g_assert_no_error (error);
  assert_interval (iv, 1792888200 /* 2026-10-25T00:30Z */, 1792892700 /* 01:45Z */);
  g_clear_pointer (&iv, maint_interval_unref);

  /* 03:30-03:15 after the shift: dropped, the next Sunday's comes instead */
  iv = maint_window_spec_next_occurrence (swallowed, "Europe/Berlin", 1774699200, &error);
  g_assert_no_error (error);
  assert_interval (iv, 1775349000 /* 2026-04-05T00:30Z */, 1775351700 /* 01:15Z */);
  g_clear_pointer (&iv, maint_interval_unref);
}

static void
test_expand_edges (void)
{
  g_autoptr(MaintWindowSpec) s = maint_test_spec ("sat 22:00-02:00");
  g_autoptr(MaintWindowSpec) weekdays = maint_test_spec ("mon-fri 09:00-17:00");
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintInterval) iv = NULL;
  g_autoptr(GPtrArray) occ = NULL;
  g_autoptr(MaintIntervalSet) set = NULL;
  MaintWindowSpec *both[2] = { s, weekdays };

  /* unknown zones are errors, never UTC */
  iv = maint_window_spec_next_occurrence (s, "Mars/Olympus_Mons", 0, &error);
  g_assert_null (iv);
  g_assert_error (error, MAINT_TIME_ERROR, MAINT_TIME_ERROR_ZONE_FAILED);
  g_clear_error (&error);
  iv = maint_window_spec_occurrence_containing (s, "Nowhere", 0, &error);
  g_assert_null (iv);
  g_assert_error (error, MAINT_TIME_ERROR, MAINT_TIME_ERROR_ZONE_FAILED);
  g_clear_error (&error);
  occ = maint_window_spec_occurrences (s, "", 0, 100, &error);
  g_assert_null (occ);
  g_assert_error (error, MAINT_TIME_ERROR, MAINT_TIME_ERROR_ZONE_FAILED);
  g_clear_error (&error);
  set = maint_window_specs_expand (both, 2, "../etc/passwd", 0, 100, &error);
  g_assert_null (set);
  g_assert_error (error, MAINT_TIME_ERROR, MAINT_TIME_ERROR_ZONE_FAILED);
  g_clear_error (&error);

  /* nothing open: NULL without an error */
  iv = maint_window_spec_occurrence_containing (s, "UTC", 1774612800, &error);
  g_assert_no_error (error);
  g_assert_null (iv);
  /* open: start inclusive, end exclusive */
  iv = maint_window_spec_occurrence_containing (s, "UTC", 1774735200, &error);
  assert_interval (iv, 1774735200, 1774749600);
  g_clear_pointer (&iv, maint_interval_unref);
  iv = maint_window_spec_occurrence_containing (s, "UTC", 1774749599, &error);
  assert_interval (iv, 1774735200, 1774749600);
  g_clear_pointer (&iv, maint_interval_unref);
  iv = maint_window_spec_occurrence_containing (s, "UTC", 1774749600, &error);
  g_assert_null (iv);

  /* next_occurrence: start >= after, so an open occurrence is skipped */
  iv = maint_window_spec_next_occurrence (s, "UTC", 1774735200, &error);
  assert_interval (iv, 1774735200, 1774749600);
  g_clear_pointer (&iv, maint_interval_unref);
  iv = maint_window_spec_next_occurrence (s, "UTC", 1774735201, &error);
  assert_interval (iv, 1774735200 + 7 * 86400, 1774749600 + 7 * 86400);
  g_clear_pointer (&iv, maint_interval_unref);

  /* past the supported dates: no occurrence, no error, no endless loop */
  iv = maint_window_spec_next_occurrence (s, "UTC", 4178563200 /* 2102-06-01 */, &error);
  g_assert_no_error (error);
  g_assert_null (iv);
  iv = maint_window_spec_next_occurrence (s, "UTC", G_MAXINT64 / 4, &error);
  g_assert_no_error (error);
  g_assert_null (iv);

  /* empty and reversed spans */
  occ = maint_window_spec_occurrences (s, "UTC", 1774735200, 1774735200, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occ->len, ==, 0);
  g_clear_pointer (&occ, g_ptr_array_unref);
  occ = maint_window_spec_occurrences (s, "UTC", 1774735201, 1774735200, &error);
  g_assert_cmpuint (occ->len, ==, 0);
  g_clear_pointer (&occ, g_ptr_array_unref);

  /* four weeks: four Saturdays, the start in [from, to) decides */
  occ = maint_window_spec_occurrences (s, "UTC", 1774735200, 1774735200 + 28 * 86400, &error);
  g_assert_cmpuint (occ->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    assert_interval (g_ptr_array_index (occ, i), 1774735200 + i * 7 * 86400,
                     1774749600 + i * 7 * 86400);
  g_clear_pointer (&occ, g_ptr_array_unref);

  /* expand clips what is open at the ends and unites the specs */
  set = maint_window_specs_expand (both, 2, "UTC", 1774742400 /* Sun 00:00Z */,
                                   1774742400 + 2 * 86400, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (maint_interval_set_get_n_intervals (set), ==, 2);
  iv = maint_interval_set_get_interval (set, 0);
  assert_interval (iv, 1774742400, 1774749600);          /* Sat's, clipped */
  g_clear_pointer (&iv, maint_interval_unref);
  iv = maint_interval_set_get_interval (set, 1);
  assert_interval (iv, 1774742400 + 86400 + 9 * 3600, 1774742400 + 86400 + 17 * 3600);
  g_clear_pointer (&iv, maint_interval_unref);
  g_clear_pointer (&set, maint_interval_set_unref);

  /* any span: occurrences exist for the local dates 1900..2101 only */
  occ = maint_window_spec_occurrences (s, "Pacific/Kiritimati", G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  /* 10540 Saturdays from 1900 to 2101, less 1994-12-31, which Kiritimati
   * skipped: its occurrence shifts to Sunday 22:00, after its end (zoneinfo
   * agrees) */
  g_assert_cmpuint (occ->len, ==, 10539);
  g_clear_pointer (&occ, g_ptr_array_unref);
  iv = maint_window_spec_occurrence_containing (s, "UTC", G_MAXINT64, &error);
  g_assert_null (iv);
  iv = maint_window_spec_next_occurrence (s, "UTC", G_MININT64, &error);
  g_assert_null (iv);   /* more than 400 days before the first date */
  g_assert_no_error (error);

  set = maint_window_specs_expand (NULL, 0, "UTC", 0, 86400, &error);
  g_assert_no_error (error);
  g_assert_true (maint_interval_set_is_empty (set));
}

/* The private fast path agrees with the public functions and reuses the
 * caller's buffer. */
static void
test_fast_path (void)
{
  g_autoptr(MaintWindowSpec) a = maint_test_spec ("daily 22:00-05:00");
  g_autoptr(MaintWindowSpec) b = maint_test_spec ("sat,sun 10:00-14:00");
  MaintWindowSpec *both[2] = { a, b };
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (gint64));
  const MaintTz *tz = maint_tz_get ("America/New_York", NULL);
  gint64 from = 1772323200; /* 2026-03-01 */

  g_assert_nonnull (tz);
  for (gint64 t = from; t < from + 30 * 86400; t += 3 * 3600 + 7)
    {
      gint64 s = 0, e = 0;
      g_autoptr(MaintInterval) iv = maint_window_spec_next_occurrence (a, "America/New_York", t, NULL);

      g_assert_true (maint_window_spec_next_occurrence_tz (a, tz, t, &s, &e));
      assert_interval (iv, s, e);
    }

  for (int round = 0; round < 3; round++)
    {
      g_autoptr(MaintIntervalSet) fast = maint_window_specs_expand_tz (both, 2, tz, from,
                                                                       from + 14 * 86400, scratch);
      g_autoptr(MaintIntervalSet) slow = maint_window_specs_expand (both, 2, "America/New_York",
                                                                    from, from + 14 * 86400, NULL);

      g_assert_true (maint_interval_set_equal (fast, slow));
      /* 14 nights (Mar 1-14 UTC) and the weekend days Mar 1, 7, 8, 14 */
      g_assert_cmpuint (maint_interval_set_get_n_intervals (fast), ==, 14 + 4);
    }
}

/* ------------------------------------------------------------------ */
/* Expansion: generated cases */

typedef struct {
  char *zone;
  GPtrArray *lines;   /* the case lines of this zone */
} ZoneCases;

static void
zone_cases_free (gpointer data)
{
  ZoneCases *zc = data;

  g_free (zc->zone);
  g_ptr_array_unref (zc->lines);
  g_free (zc);
}

static GPtrArray *all_zone_cases;

static gboolean
parse_pairs (const char  *text,
             GArray      *out)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint n = 0;

  g_array_set_size (out, 0);
  for (guint i = 0; words[i]; i++)
    {
      gint64 v;

      if (words[i][0] == '\0')
        continue;
      if (!g_ascii_string_to_signed (words[i], 10, G_MININT64, G_MAXINT64, &v, NULL))
        return FALSE;
      g_array_append_val (out, v);
      n++;
    }
  return n % 2 == 0;
}

static char *
describe_pairs (const gint64 *p,
                guint         n_values)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i + 1 < n_values; i += 2)
    {
      g_autoptr(MaintInterval) iv = maint_interval_new (p[i], MAX (p[i], p[i + 1]));
      g_autofree char *str = maint_interval_to_string (iv);

      g_string_append_printf (s, "%s%s", i ? " " : "", str);
    }
  return g_string_free (s, FALSE);
}

static MaintWindowSpec *
cached_spec (GHashTable *cache,
             const char *text)
{
  MaintWindowSpec *s = g_hash_table_lookup (cache, text);

  if (s == NULL)
    {
      g_autoptr(GError) error = NULL;

      s = maint_window_spec_parse (text, &error);
      g_assert_no_error (error);
      g_hash_table_insert (cache, g_strdup (text), s);
    }
  return s;
}

/* One case line; returns NULL if it holds, else what went wrong. */
static char *
check_case (GHashTable *specs,
            const char *line)
{
  g_auto(GStrv) f = g_strsplit (line, "\t", -1);
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) actual = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  const char *kind, *zone;
  guint nf = g_strv_length (f);

  if (nf < 5)
    return g_strdup ("malformed line");
  kind = f[0];
  zone = f[1];

  if (g_str_equal (kind, "next") || g_str_equal (kind, "in"))
    {
      MaintWindowSpec *s = cached_spec (specs, f[2]);
      gint64 t = g_ascii_strtoll (f[3], NULL, 10);
      g_autoptr(MaintInterval) iv = NULL;

      if (g_str_equal (f[4], "-"))
        g_array_set_size (expected, 0);
      else if (!parse_pairs (f[4], expected))
        return g_strdup ("malformed expectation");

      if (g_str_equal (kind, "next"))
        iv = maint_window_spec_next_occurrence (s, zone, t, &error);
      else
        iv = maint_window_spec_occurrence_containing (s, zone, t, &error);
      if (error)
        return g_strdup (error->message);
      if (iv)
        {
          gint64 p[2] = { maint_interval_get_start (iv), maint_interval_get_end (iv) };

          g_array_append_vals (actual, p, 2);
        }
    }
  else if (g_str_equal (kind, "occ") || g_str_equal (kind, "exp"))
    {
      gint64 from, to;

      if (nf < 6 || !parse_pairs (f[5], expected))
        return g_strdup ("malformed expectation");
      from = g_ascii_strtoll (f[3], NULL, 10);
      to = g_ascii_strtoll (f[4], NULL, 10);

      if (g_str_equal (kind, "occ"))
        {
          g_autoptr(GPtrArray) occ = maint_window_spec_occurrences (cached_spec (specs, f[2]),
                                                                    zone, from, to, &error);

          if (error)
            return g_strdup (error->message);
          for (guint i = 0; i < occ->len; i++)
            {
              MaintInterval *iv = g_ptr_array_index (occ, i);
              gint64 p[2] = { maint_interval_get_start (iv), maint_interval_get_end (iv) };

              g_array_append_vals (actual, p, 2);
            }
        }
      else
        {
          g_auto(GStrv) texts = g_strsplit (f[2], "|", -1);
          g_autoptr(GPtrArray) list = g_ptr_array_new ();
          g_autoptr(MaintIntervalSet) set = NULL;

          for (guint i = 0; texts[i]; i++)
            g_ptr_array_add (list, cached_spec (specs, texts[i]));
          set = maint_window_specs_expand ((MaintWindowSpec * const *) list->pdata, list->len,
                                           zone, from, to, &error);
          if (error)
            return g_strdup (error->message);
          for (guint i = 0; i < maint_interval_set_get_n_intervals (set); i++)
            {
              g_autoptr(MaintInterval) iv = maint_interval_set_get_interval (set, i);
              gint64 p[2] = { maint_interval_get_start (iv), maint_interval_get_end (iv) };

              g_array_append_vals (actual, p, 2);
            }
        }
    }
  else
    return g_strdup_printf ("unknown case kind “%s”", kind);

  if (expected->len != actual->len ||
      (expected->len > 0 &&
       memcmp (expected->data, actual->data, expected->len * sizeof (gint64)) != 0))
    {
      g_autofree char *e = describe_pairs ((gint64 *) (void *) expected->data, expected->len);
      g_autofree char *a = describe_pairs ((gint64 *) (void *) actual->data, actual->len);

      return g_strdup_printf ("expected {%s}, got {%s}", e, a);
    }
  return NULL;
}

static void
test_generated_zone (gconstpointer data)
{
  const ZoneCases *zc = data;
  g_autoptr(GHashTable) specs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) maint_window_spec_unref);
  guint failures = 0, kinds[4] = { 0, };

  for (guint i = 0; i < zc->lines->len; i++)
    {
      const char *line = g_ptr_array_index (zc->lines, i);
      g_autofree char *problem = check_case (specs, line);

      kinds[g_str_has_prefix (line, "occ") ? 0 : g_str_has_prefix (line, "exp") ? 1 :
            g_str_has_prefix (line, "next") ? 2 : 3]++;
      if (problem)
        {
          if (failures < 15)
            g_printerr ("# %s\n#   %s\n", line, problem);
          failures++;
        }
    }
  g_test_message ("%s: %u occ, %u exp, %u next, %u in cases; %u failed", zc->zone,
                  kinds[0], kinds[1], kinds[2], kinds[3], failures);
  /* every kind of case is present for every zone */
  for (guint k = 0; k < 4; k++)
    g_assert_cmpuint (kinds[k], >, 0);
  g_assert_cmpuint (failures, ==, 0);
}

/* Reads the generated cases, grouped by zone, in file order. */
static GPtrArray *
load_cases (const char  *path,
            GError     **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (zone_cases_free);
  g_autoptr(GHashTable) by_zone = g_hash_table_new (g_str_hash, g_str_equal);

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) f = NULL;
      ZoneCases *zc;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      f = g_strsplit (lines[i], "\t", 3);
      if (g_strv_length (f) < 3)
        continue;
      zc = g_hash_table_lookup (by_zone, f[1]);
      if (zc == NULL)
        {
          zc = g_new0 (ZoneCases, 1);
          zc->zone = g_strdup (f[1]);
          zc->lines = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (zones, zc);
          g_hash_table_insert (by_zone, zc->zone, zc);
        }
      g_ptr_array_add (zc->lines, g_strdup (lines[i]));
    }
  return g_steal_pointer (&zones);
}

static void
test_generated_present (void)
{
  static const char * const required[] = {
    "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham",
    "Asia/Kathmandu", "Europe/Dublin", "Antarctica/Troll", "Pacific/Apia",
    "America/Sao_Paulo", "Asia/Tehran", "America/Santiago", "Australia/Sydney",
    "Europe/London",
  };

  if (cases_path == NULL)
    {
      /* meson runs them as the test-window-spec-generated test, which
       * depends on the generated file */
      g_test_skip ("no generated cases given (argument or $MAINT_WINDOW_CASES)");
      return;
    }
  if (all_zone_cases == NULL)
    {
      g_test_fail_printf ("cannot read the generated cases from %s", cases_path);
      return;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (required); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < all_zone_cases->len; j++)
        found = found || g_str_equal (((ZoneCases *) g_ptr_array_index (all_zone_cases, j))->zone,
                                      required[i]);
      if (!found)
        g_test_fail_printf ("no generated cases for %s", required[i]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);

  cases_path = argc > 1 ? argv[1] : g_getenv ("MAINT_WINDOW_CASES");
  if (cases_path != NULL)
    {
      all_zone_cases = load_cases (cases_path, &error);
      if (all_zone_cases == NULL)
        g_printerr ("# %s\n", error->message);
    }

  g_test_add_func ("/window-spec/parse/valid", test_parse_valid);
  g_test_add_func ("/window-spec/parse/round-trip", test_round_trip);
  g_test_add_func ("/window-spec/parse/errors", test_parse_errors);
  g_test_add_func ("/window-spec/parse/random", test_parse_random);
  g_test_add_func ("/window-spec/parse/null", test_parse_null);
  g_test_add_func ("/window-spec/boxed", test_boxed);
  g_test_add_func ("/window-spec/expand/design-examples", test_expand_design_examples);
  g_test_add_func ("/window-spec/expand/edges", test_expand_edges);
  g_test_add_func ("/window-spec/expand/fast-path", test_fast_path);
  g_test_add_func ("/window-spec/generated/present", test_generated_present);
  if (all_zone_cases != NULL)
    for (guint i = 0; i < all_zone_cases->len; i++)
      {
        ZoneCases *zc = g_ptr_array_index (all_zone_cases, i);
        /* one level, so that -p /window-spec/generated selects them all */
        g_autofree char *flat = g_strdelimit (g_strdup (zc->zone), "/", '-');
        g_autofree char *path = g_strdup_printf ("/window-spec/generated/%s", flat);

        g_test_add_data_func (path, zc, test_generated_zone);
      }

  return g_test_run ();
}
