/* test-time.c: instants, durations and the public zone functions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "maint-error.h"
#include "maint-time.h"

/* 2026-03-29T01:00:00Z, when Berlin springs forward. */
#define SPRING_2026 G_GINT64_CONSTANT (1774746000)

/* The message is one line and quotes the offending text. */
static void
assert_message_quotes (const GError *error,
                       const char   *text)
{
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", text);

  g_assert_null (strchr (error->message, '\n'));
  if (strchr (text, '\n') == NULL && strchr (text, '"') == NULL)
    g_assert_nonnull (strstr (error->message, quoted));
}

/* ------------------------------------------------------------------ */
/* Instants                                                            */

static void
test_instant_parse_good (void)
{
  static const struct { const char *text; gint64 instant; } cases[] = {
    { "2026-03-29T01:00:00Z", SPRING_2026 },
    { "2026-03-29T03:00:00+02:00", SPRING_2026 },
    { "2026-03-28T20:00:00-05:00", SPRING_2026 },
    { "2026-03-29T06:45:00+05:45", SPRING_2026 },
    { "2026-03-29T01:00:00-00:00", SPRING_2026 },   /* RFC 3339 "unknown offset" */
    { "2026-03-29t01:00:00z", SPRING_2026 },        /* lower case allowed */
    { "2026-03-29T01:00:00.999999999Z", SPRING_2026 },   /* truncated */
    { "2026-03-29T01:00:00.5+00:00", SPRING_2026 },
    { "2026-03-29T01:00:00.0Z", SPRING_2026 },
    { "1970-01-01T00:00:01Z", MAINT_INSTANT_MIN },
    { "1970-01-01T01:00:01+01:00", MAINT_INSTANT_MIN },
    { "2100-12-31T23:59:59Z", MAINT_INSTANT_MAX },
    { "2101-01-01T00:59:59+01:00", MAINT_INSTANT_MAX },
    { "2100-12-31T13:59:59-10:00", MAINT_INSTANT_MAX },
    { "2024-02-29T12:00:00Z", G_GINT64_CONSTANT (1709208000) },
    { "2000-02-29T00:00:00Z", G_GINT64_CONSTANT (951782400) },
    /* Leap seconds, only where they can be: 23:59:60 UTC. */
    { "2016-12-31T23:59:60Z", G_GINT64_CONSTANT (1483228800) },
    { "2017-01-01T00:59:60+01:00", G_GINT64_CONSTANT (1483228800) },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 instant = -1;

      g_test_message ("%s", cases[i].text);
      g_assert_true (maint_instant_parse (cases[i].text, &instant, &error));
      g_assert_no_error (error);
      g_assert_cmpint (instant, ==, cases[i].instant);
    }
  /* The out parameter is optional. */
  g_assert_true (maint_instant_parse ("2026-03-29T01:00:00Z", NULL, NULL));
}

static void
test_instant_parse_bad (void)
{
  static const struct { const char *text; const char *detail; } cases[] = {
    { "", "RFC 3339" },
    { "2026-03-29", "RFC 3339" },
    { "2026-03-29T01:00Z", "RFC 3339" },
    { "2026-03-29T01:00:00", "RFC 3339" },            /* no offset */
    { "2026-03-29 01:00:00Z", "RFC 3339" },           /* space */
    { "2026-3-29T01:00:00Z", "RFC 3339" },
    { "26-03-29T01:00:00Z", "RFC 3339" },
    { "+2026-03-29T01:00:00Z", "RFC 3339" },
    { "20260-03-29T01:00:00Z", "RFC 3339" },
    { "2026-03-29T01:00:00+0200", "RFC 3339" },
    { "2026-03-29T01:00:00+02", "RFC 3339" },
    { "2026-03-29T01:00:00.Z", "RFC 3339" },
    { "2026-03-29T01:00:00,5Z", "RFC 3339" },
    { "2026-03-29T01:00:00ZZ", "RFC 3339" },
    { "2026-03-29T01:00:00Z ", "RFC 3339" },
    { " 2026-03-29T01:00:00Z", "RFC 3339" },
    { "2026-03-29T01:00:00Z\n", "RFC 3339" },
    { "2026-03-29T01:00:00 Z", "RFC 3339" },
    { "2026-03-29T01:00:00UTC", "RFC 3339" },
    { "2026-03-29X01:00:00Z", "RFC 3339" },
    { "２０２６-03-29T01:00:00Z", "RFC 3339" },
    { "2026-13-01T00:00:00Z", "month 13" },
    { "2026-00-10T00:00:00Z", "month 00" },
    { "2026-02-29T00:00:00Z", "day 29" },
    { "2026-02-30T00:00:00Z", "day 30" },
    { "2100-02-29T00:00:00Z", "day 29" },
    { "2026-04-31T00:00:00Z", "day 31" },
    { "2026-03-00T00:00:00Z", "day 00" },
    { "2026-03-29T24:00:00Z", "24:00:00" },
    { "2026-03-29T23:60:00Z", "23:60:00" },
    { "2026-03-29T23:59:61Z", "23:59:61" },
    { "2026-03-29T12:59:60Z", "leap second" },
    { "2026-03-29T23:59:60+01:00", "leap second" },
    { "2026-03-29T01:00:00+24:00", "offset" },
    { "2026-03-29T01:00:00+02:60", "offset" },
    { "1970-01-01T00:00:00Z", "supported range" },
    { "1969-12-31T23:59:59Z", "supported range" },
    { "1970-01-01T00:30:00+01:00", "supported range" },
    { "2101-01-01T00:00:00Z", "supported range" },
    { "2100-12-31T23:59:59-00:01", "supported range" },
    { "0000-01-01T00:00:00Z", "supported range" },
    { "9999-12-31T23:59:59Z", "supported range" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 instant = 42;

      g_test_message ("%s", cases[i].text);
      g_assert_false (maint_instant_parse (cases[i].text, &instant, &error));
      g_assert_error (error, MAINT_TIME_ERROR, MAINT_TIME_ERROR_INSTANT_FAILED);
      g_assert_true (g_str_has_prefix (error->message, "invalid instant \""));
      assert_message_quotes (error, cases[i].text);
      if (strstr (error->message, cases[i].detail) == NULL)
        g_error ("message for %s lacks \"%s\": %s", cases[i].text, cases[i].detail, error->message);
    }
}

static void
test_instant_format (void)
{
  static const struct { gint64 instant; const char *text; } cases[] = {
    { 0, "1970-01-01T00:00:00Z" },                  /* "not set" still formats */
    { MAINT_INSTANT_MIN, "1970-01-01T00:00:01Z" },
    { SPRING_2026, "2026-03-29T01:00:00Z" },
    { G_GINT64_CONSTANT (951782400), "2000-02-29T00:00:00Z" },
    { G_GINT64_CONSTANT (4102444800), "2100-01-01T00:00:00Z" },
    { MAINT_INSTANT_MAX, "2100-12-31T23:59:59Z" },
    { -1, "1969-12-31T23:59:59Z" },
    /* the whole range the text can show, digits padded */
    { G_GINT64_CONSTANT (-62167219200), "0000-01-01T00:00:00Z" },
    { G_GINT64_CONSTANT (-62135596800), "0001-01-01T00:00:00Z" },
    { G_GINT64_CONSTANT (-30610224001), "0999-12-31T23:59:59Z" },
    { G_GINT64_CONSTANT (253402300799), "9999-12-31T23:59:59Z" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = maint_instant_format (cases[i].instant);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_instant_round_trip (void)
{
  GRand *rand = g_rand_new_with_seed (20260329);
  guint i;

  for (i = 0; i < 20000; i++)
    {
      gint64 x = i < 10 ? MAINT_INSTANT_MIN + i
                        : (gint64) (g_rand_double (rand) * (MAINT_INSTANT_MAX - MAINT_INSTANT_MIN)) + MAINT_INSTANT_MIN;
      g_autofree char *text = maint_instant_format (x);
      gint64 back = 0;

      g_assert_true (maint_instant_parse (text, &back, NULL));
      g_assert_cmpint (back, ==, x);
    }
  g_rand_free (rand);
}

static void
test_instant_format_local (void)
{
  static const struct { gint64 instant; const char *zone; const char *text; } cases[] = {
    { SPRING_2026, "Europe/Berlin", "2026-03-29T03:00:00+02:00" },
    { SPRING_2026 - 1, "Europe/Berlin", "2026-03-29T01:59:59+01:00" },
    { SPRING_2026, "UTC", "2026-03-29T01:00:00+00:00" },
    { SPRING_2026, "Etc/UTC", "2026-03-29T01:00:00+00:00" },
    { SPRING_2026, "Asia/Kathmandu", "2026-03-29T06:45:00+05:45" },
    { SPRING_2026, "America/St_Johns", "2026-03-28T22:30:00-02:30" },
    { SPRING_2026, "Pacific/Chatham", "2026-03-29T14:45:00+13:45" },
    { MAINT_INSTANT_MAX, "Pacific/Kiritimati", "2101-01-01T13:59:59+14:00" },
    { MAINT_INSTANT_MIN, "America/New_York", "1969-12-31T19:00:01-05:00" },
    /* Monrovia was -00:44:30 until 1972: RFC 3339 takes the closest
     * offset, -00:45, and the clock reading in that offset. */
    { G_GINT64_CONSTANT (31536000), "Africa/Monrovia", "1970-12-31T23:15:00-00:45" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = maint_instant_format_local (cases[i].instant, cases[i].zone, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_instant_format_local_round_trip (void)
{
  static const char *const zones[] = {
    "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham",
    "Asia/Kathmandu", "Europe/Dublin", "Antarctica/Troll", "Pacific/Apia",
    "Africa/Monrovia", "America/St_Johns", "UTC",
  };
  GRand *rand = g_rand_new_with_seed (7);
  guint i, z;

  for (z = 0; z < G_N_ELEMENTS (zones); z++)
    for (i = 0; i < 3000; i++)
      {
        gint64 x = (gint64) (g_rand_double (rand) * (MAINT_INSTANT_MAX - MAINT_INSTANT_MIN)) + MAINT_INSTANT_MIN;
        g_autofree char *text = NULL;
        gint64 back = 0;

        /* Monrovia's sub-minute offset matters only before 1972. */
        if (g_str_equal (zones[z], "Africa/Monrovia"))
          x = x % 63072000 + 1;
        text = maint_instant_format_local (x, zones[z], NULL);
        g_assert_nonnull (text);
        g_assert_true (maint_instant_parse (text, &back, NULL));
        g_assert_cmpint (back, ==, x);
      }
  g_rand_free (rand);
}

/* ------------------------------------------------------------------ */
/* Durations                                                           */

static void
test_duration_parse_good (void)
{
  static const struct { const char *text; gint64 seconds; } cases[] = {
    { "PT0S", 0 },
    { "P0D", 0 },
    { "P0W", 0 },
    { "PT0H0M0S", 0 },
    { "PT15M", 900 },
    { "PT1M", 60 },
    { "PT1S", 1 },
    { "P7D", 604800 },
    { "P1W", 604800 },
    { "P2W", 1209600 },
    { "PT1H30M", 5400 },
    { "PT90M", 5400 },
    { "PT36H", 129600 },
    { "P1DT2H", 93600 },
    { "P1DT2H3M4S", 93784 },
    { "P1DT4S", 86404 },
    { "P01D", 86400 },
    { "PT000000000000000000001S", 1 },
    { "P3660D", MAINT_DURATION_MAX },
    { "PT316224000S", MAINT_DURATION_MAX },
    { "P3659DT23H59M60S", MAINT_DURATION_MAX },
    { "P522W", 522 * 604800 },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 seconds = -1;

      g_test_message ("%s", cases[i].text);
      g_assert_true (maint_duration_parse (cases[i].text, &seconds, &error));
      g_assert_no_error (error);
      g_assert_cmpint (seconds, ==, cases[i].seconds);
    }
  g_assert_true (maint_duration_parse ("PT1S", NULL, NULL));
}

static void
test_duration_parse_bad (void)
{
  static const struct { const char *text; const char *detail; } cases[] = {
    { "", "ISO 8601" },
    { "P", "at least one part" },
    { "PT", "at least one part" },
    { "P1DT", "'T' must be followed" },
    { "1D", "ISO 8601" },
    { "p1d", "ISO 8601" },
    { "P1d", "unexpected 'd'" },
    { "P1Y", "ambiguous" },
    { "P1M", "ambiguous" },
    { "P1Y2M3D", "ambiguous" },
    { "P2DT1M1Y", "unexpected 'Y'" },
    { "P1W2D", "weeks" },
    { "P2D1W", "weeks" },
    { "P1WT1H", "weeks" },
    { "PT1W", "unexpected 'W'" },
    { "PT1D", "unexpected 'D'" },
    { "P1H", "unexpected 'H'" },
    { "P1S", "unexpected 'S'" },
    { "PT1H1H", "unexpected 'H'" },
    { "PT1S1M", "unexpected 'M'" },
    { "P1D1D", "unexpected 'D'" },
    { "P1DTT1H", "ISO 8601" },
    { "PT1HT1M", "ISO 8601" },
    { "-P1D", "negative" },
    { "P-1D", "negative" },
    { "PT-5M", "negative" },
    { "+P1D", "ISO 8601" },
    { "PT1.5H", "fractions" },
    { "PT1,5H", "fractions" },
    { "P3661D", "maximum" },
    { "P523W", "maximum" },
    { "PT316224001S", "maximum" },
    { "P3660DT1S", "maximum" },
    { "P99999999999999999999999D", "maximum" },
    { "PT99999999999999999999999S", "maximum" },
    { "P 1D", "ISO 8601" },
    { "P1D ", "ISO 8601" },
    { " P1D", "ISO 8601" },
    { "P1", "without a unit" },
    { "PT1", "without a unit" },
    { "P1DT2H\n", "ISO 8601" },
    { "PT1H\"", "ISO 8601" },
    /* found by fuzz-time: a raw byte would make the message invalid
     * UTF-8 or break it over two lines */
    { "P1\xc3\xa9", "unexpected byte 0xc3" },
    { "P1\nD", "unexpected byte 0x0a" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 seconds = 42;

      g_test_message ("%s", cases[i].text);
      g_assert_false (maint_duration_parse (cases[i].text, &seconds, &error));
      g_assert_error (error, MAINT_TIME_ERROR, MAINT_TIME_ERROR_DURATION_FAILED);
      g_assert_true (g_str_has_prefix (error->message, "invalid duration \""));
      assert_message_quotes (error, cases[i].text);
      if (strstr (error->message, cases[i].detail) == NULL)
        g_error ("message for %s lacks \"%s\": %s", cases[i].text, cases[i].detail, error->message);
    }
}

static void
test_duration_format (void)
{
  static const struct { gint64 seconds; const char *text; } cases[] = {
    { 0, "PT0S" },
    { 1, "PT1S" },
    { 59, "PT59S" },
    { 900, "PT15M" },
    { 3600, "PT1H" },
    { 3661, "PT1H1M1S" },
    { 5400, "PT1H30M" },
    { 86399, "PT23H59M59S" },
    { 86400, "P1D" },
    { 93600, "P1DT2H" },
    { 90061, "P1DT1H1M1S" },
    { 604800, "P7D" },
    { MAINT_DURATION_MAX, "P3660D" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = maint_duration_format (cases[i].seconds);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_duration_round_trip (void)
{
  GRand *rand = g_rand_new_with_seed (1);
  gint64 x;
  guint i;

  for (i = 0; i < 40000; i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *again = NULL;
      gint64 back = -1;

      x = i < 20000 ? (gint64) i * 7 : g_rand_int_range (rand, 0, MAINT_DURATION_MAX) + g_rand_int_range (rand, 0, 2);
      text = maint_duration_format (x);
      g_assert_true (maint_duration_parse (text, &back, NULL));
      g_assert_cmpint (back, ==, x);
      /* Canonical: formatting the parsed text gives it back. */
      again = maint_duration_format (back);
      g_assert_cmpstr (again, ==, text);
    }
  g_rand_free (rand);
}

/* ------------------------------------------------------------------ */
/* Zones                                                               */

static void
test_zones (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *abbr = NULL;

  g_assert_true (maint_time_zone_check ("Europe/Berlin", NULL));
  g_assert_true (maint_time_zone_check ("UTC", NULL));
  g_assert_true (maint_time_zone_check ("America/Argentina/Buenos_Aires", NULL));

  g_assert_false (maint_time_zone_check ("Mars/Olympus", &error));
  g_assert_error (error, MAINT_TIME_ERROR, MAINT_TIME_ERROR_ZONE_FAILED);
  g_assert_cmpstr (error->message, ==, "unknown time zone \"Mars/Olympus\"");
  g_clear_error (&error);

  g_assert_false (maint_time_zone_check ("Europe/Berlin\nX", &error));
  g_assert_error (error, MAINT_TIME_ERROR, MAINT_TIME_ERROR_ZONE_FAILED);
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);

  g_assert_cmpint (maint_time_zone_offset_at ("Europe/Berlin", SPRING_2026 - 1, NULL), ==, 3600);
  g_assert_cmpint (maint_time_zone_offset_at ("Europe/Berlin", SPRING_2026, NULL), ==, 7200);
  g_assert_cmpint (maint_time_zone_offset_at ("Asia/Kathmandu", SPRING_2026, NULL), ==, 20700);
  g_assert_cmpint (maint_time_zone_offset_at ("America/Santiago", SPRING_2026, NULL), ==, -10800);
  g_assert_cmpint (maint_time_zone_offset_at ("Mars/Olympus", SPRING_2026, &error), ==, 0);
  g_assert_error (error, MAINT_TIME_ERROR, MAINT_TIME_ERROR_ZONE_FAILED);
  g_clear_error (&error);

  abbr = maint_time_zone_abbreviation_at ("Europe/Berlin", SPRING_2026, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (abbr, ==, "CEST");
  g_clear_pointer (&abbr, g_free);
  abbr = maint_time_zone_abbreviation_at ("Asia/Kathmandu", SPRING_2026, NULL);
  g_assert_cmpstr (abbr, ==, "+0545");
  g_clear_pointer (&abbr, g_free);
  g_assert_null (maint_time_zone_abbreviation_at ("", SPRING_2026, &error));
  g_assert_error (error, MAINT_TIME_ERROR, MAINT_TIME_ERROR_ZONE_FAILED);
  g_clear_error (&error);

  g_assert_null (maint_instant_format_local (SPRING_2026, "Mars/Olympus", &error));
  g_assert_error (error, MAINT_TIME_ERROR, MAINT_TIME_ERROR_ZONE_FAILED);
}

/* ------------------------------------------------------------------ */
/* Programmer errors                                                   */

typedef enum {
  PRE_INSTANT_PARSE_NULL,
  PRE_INSTANT_FORMAT_RANGE,
  PRE_FORMAT_LOCAL_NULL_ZONE,
  PRE_DURATION_FORMAT_NEGATIVE,
  PRE_DURATION_FORMAT_TOO_LONG,
  PRE_ZONE_CHECK_NULL,
} Precondition;

static void
test_precondition (gconstpointer data)
{
  Precondition which = GPOINTER_TO_INT (data);

  if (g_test_subprocess ())
    {
      switch (which)
        {
        case PRE_INSTANT_PARSE_NULL:
          maint_instant_parse (NULL, NULL, NULL);
          break;
        case PRE_INSTANT_FORMAT_RANGE:
          g_free (maint_instant_format (G_GINT64_CONSTANT (253402300800)));
          break;
        case PRE_FORMAT_LOCAL_NULL_ZONE:
          g_free (maint_instant_format_local (SPRING_2026, NULL, NULL));
          break;
        case PRE_DURATION_FORMAT_NEGATIVE:
          g_free (maint_duration_format (-1));
          break;
        case PRE_DURATION_FORMAT_TOO_LONG:
          g_free (maint_duration_format (MAINT_DURATION_MAX + 1));
          break;
        case PRE_ZONE_CHECK_NULL:
          maint_time_zone_check (NULL, NULL);
          break;
        }
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/instant/parse-good", test_instant_parse_good);
  g_test_add_func ("/time/instant/parse-bad", test_instant_parse_bad);
  g_test_add_func ("/time/instant/format", test_instant_format);
  g_test_add_func ("/time/instant/round-trip", test_instant_round_trip);
  g_test_add_func ("/time/instant/format-local", test_instant_format_local);
  g_test_add_func ("/time/instant/format-local-round-trip", test_instant_format_local_round_trip);
  g_test_add_func ("/time/duration/parse-good", test_duration_parse_good);
  g_test_add_func ("/time/duration/parse-bad", test_duration_parse_bad);
  g_test_add_func ("/time/duration/format", test_duration_format);
  g_test_add_func ("/time/duration/round-trip", test_duration_round_trip);
  g_test_add_func ("/time/zones", test_zones);
  g_test_add_data_func ("/time/precondition/instant-parse-null",
                        GINT_TO_POINTER (PRE_INSTANT_PARSE_NULL), test_precondition);
  g_test_add_data_func ("/time/precondition/instant-format-range",
                        GINT_TO_POINTER (PRE_INSTANT_FORMAT_RANGE), test_precondition);
  g_test_add_data_func ("/time/precondition/format-local-null-zone",
                        GINT_TO_POINTER (PRE_FORMAT_LOCAL_NULL_ZONE), test_precondition);
  g_test_add_data_func ("/time/precondition/duration-format-negative",
                        GINT_TO_POINTER (PRE_DURATION_FORMAT_NEGATIVE), test_precondition);
  g_test_add_data_func ("/time/precondition/duration-format-too-long",
                        GINT_TO_POINTER (PRE_DURATION_FORMAT_TOO_LONG), test_precondition);
  g_test_add_data_func ("/time/precondition/zone-check-null",
                        GINT_TO_POINTER (PRE_ZONE_CHECK_NULL), test_precondition);

  return g_test_run ();
}
