/* fuzz-time.c: libFuzzer target for the instant and duration parsers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The input is tried as an ISO 8601 duration and as an RFC 3339 instant.
 * A value that parses lies in the documented range, formats canonically,
 * and the canonical text parses back to the same value; an instant
 * formatted in local time of a few awkward zones (sub-minute historical
 * offsets, a skipped day, 45-minute offsets) parses back to the same
 * instant. Bad text gives an error in MAINT_TIME_ERROR with a one-line
 * UTF-8 message. The first bytes of the input, read as a number, are also
 * formatted and parsed back, so the formatters see the whole range.
 */
#include "config.h"

#include <libmaint/libmaint.h>

#include "fuzz-common.h"

static const char * const zones[] = {
  "UTC",
  "Europe/Berlin",
  "Africa/Monrovia",     /* -00:44:30 until 1972 */
  "Pacific/Apia",        /* skipped 2011-12-30 */
  "Asia/Kathmandu",      /* +05:45 */
  "America/St_Johns",    /* -03:30, DST */
  "Australia/Lord_Howe", /* 30-minute DST */
};

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  /* Load the zones once, outside the measured inputs. */
  for (gsize i = 0; i < G_N_ELEMENTS (zones); i++)
    if (!maint_time_zone_check (zones[i], NULL))
      g_error ("fuzz-time: time zone %s is not installed", zones[i]);
  return 0;
}

static void
check_duration (gint64 seconds)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = maint_duration_format (seconds);
  gint64 again = -1;

  FUZZ_CHECK (maint_duration_parse (text, &again, &error),
              "formatted duration %s does not parse: %s", text, error->message);
  FUZZ_CHECK (again == seconds, "%s parses to %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT,
              text, again, seconds);
}

static void
check_instant (gint64 instant)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = maint_instant_format (instant);
  gint64 again = -1;

  FUZZ_CHECK (strlen (text) == 20 && text[19] == 'Z', "not canonical: %s", text);
  FUZZ_CHECK (maint_instant_parse (text, &again, &error),
              "formatted instant %s does not parse: %s", text, error->message);
  FUZZ_CHECK (again == instant, "%s parses to %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT,
              text, again, instant);

  for (gsize i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autofree char *local = maint_instant_format_local (instant, zones[i], &error);

      FUZZ_CHECK (local != NULL, "format_local in %s: %s", zones[i], error->message);
      again = -1;
      FUZZ_CHECK (maint_instant_parse (local, &again, &error),
                  "local text %s (%s) does not parse: %s", local, zones[i], error->message);
      FUZZ_CHECK (again == instant, "local text %s (%s) is %" G_GINT64_FORMAT
                  ", not %" G_GINT64_FORMAT, local, zones[i], again, instant);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_strndup (data, size);
  g_autoptr(GError) error = NULL;
  guint64 raw = 0;
  gint64 value = -1;

  for (size_t i = 0; i < MIN (size, 8); i++)
    raw = (raw << 8) | data[i];
  check_duration ((gint64) (raw % ((guint64) MAINT_DURATION_MAX + 1)));
  check_instant (MAINT_INSTANT_MIN +
                 (gint64) (raw % ((guint64) (MAINT_INSTANT_MAX - MAINT_INSTANT_MIN) + 1)));

  if (text == NULL)
    return 0;

  if (maint_duration_parse (text, &value, &error))
    {
      FUZZ_CHECK (error == NULL, "success with an error");
      FUZZ_CHECK (value >= 0 && value <= MAINT_DURATION_MAX, "duration %s out of range: %"
                  G_GINT64_FORMAT, text, value);
      check_duration (value);
    }
  else
    fuzz_check_error (error, MAINT_TIME_ERROR);
  g_clear_error (&error);

  value = -1;
  if (maint_instant_parse (text, &value, &error))
    {
      FUZZ_CHECK (error == NULL, "success with an error");
      FUZZ_CHECK (value >= MAINT_INSTANT_MIN && value <= MAINT_INSTANT_MAX,
                  "instant %s out of range: %" G_GINT64_FORMAT, text, value);
      check_instant (value);
    }
  else
    fuzz_check_error (error, MAINT_TIME_ERROR);
  return 0;
}
