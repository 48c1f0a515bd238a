/* fuzz-tzif.c: libFuzzer target for the TZif reader
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The input is the content of a time zone file. maint_tz_new_from_data()
 * reads it the way maint_tz_get() reads files under $TZDIR, but without
 * the cache, which never frees a zone. Bad bytes must be refused with a
 * description; a zone that loads must answer every lookup: offsets within
 * the ±26 h tzcode allows, an abbreviation, and local readings that
 * resolve back to themselves (the earliest and latest instant at which a
 * reading occurs both read as it, in that order; a reading that is not in
 * a gap resolves to an instant that reads as it).
 */
#include "config.h"

#include "maint-tz-private.h"

#include "fuzz-common.h"

#define MAX_OFFSET (26 * 3600)

static gint64 samples[1024];
static guint n_samples;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  /* Four instants a year over the table's span and beyond it: around
   * the usual transition dates and in between. */
  for (gint64 year = 1880; year <= 2120; year++)
    {
      static const guint months[] = { 1, 3, 7, 10 };

      for (gsize m = 0; m < G_N_ELEMENTS (months); m++)
        samples[n_samples++] = maint_days_from_civil (year, months[m], 28) * 86400 + 3600 * m;
    }
  samples[n_samples++] = 0;
  samples[n_samples++] = -1;
  g_assert (n_samples <= G_N_ELEMENTS (samples));
  return 0;
}

static void
check_reading (const MaintTz *tz,
               gint64         local)
{
  gboolean in_gap = TRUE;
  gint64 earliest = maint_tz_local_to_utc (tz, local, MAINT_TZ_EARLIEST, &in_gap);
  gint64 latest = maint_tz_local_to_utc (tz, local, MAINT_TZ_LATEST, NULL);

  if (in_gap)
    {
      /* RFC 5545: moved forward by the length of the gap */
      FUZZ_CHECK (earliest + maint_tz_offset_at (tz, earliest) >= local,
                  "gap reading %" G_GINT64_FORMAT " moved backwards", local);
      return;
    }
  FUZZ_CHECK (earliest <= latest, "earliest %" G_GINT64_FORMAT " after latest %"
              G_GINT64_FORMAT, earliest, latest);
  FUZZ_CHECK (earliest + maint_tz_offset_at (tz, earliest) == local,
              "earliest instant for %" G_GINT64_FORMAT " reads differently", local);
  FUZZ_CHECK (latest + maint_tz_offset_at (tz, latest) == local,
              "latest instant for %" G_GINT64_FORMAT " reads differently", local);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *problem = NULL;
  MaintTz *tz = maint_tz_new_from_data ("Fuzz/Zone", data, size, &problem);

  if (tz == NULL)
    {
      FUZZ_CHECK (problem != NULL && problem[0] != '\0', "refused without a reason");
      return 0;
    }

  for (guint i = 0; i < n_samples; i++)
    {
      gint64 t = samples[i];
      gint32 offset = maint_tz_offset_at (tz, t);
      const char *abbr = maint_tz_abbreviation_at (tz, t);

      FUZZ_CHECK (offset > -MAX_OFFSET && offset < MAX_OFFSET, "offset %d", offset);
      FUZZ_CHECK (abbr != NULL && strlen (abbr) < 4096, "abbreviation");

      /* A reading that occurs (at t) is never in a gap. */
      {
        gboolean in_gap = TRUE;
        gint64 earliest = maint_tz_local_to_utc (tz, t + offset, MAINT_TZ_EARLIEST, &in_gap);
        gint64 latest = maint_tz_local_to_utc (tz, t + offset, MAINT_TZ_LATEST, NULL);

        FUZZ_CHECK (!in_gap, "the reading at %" G_GINT64_FORMAT " is in a gap", t);
        FUZZ_CHECK (earliest <= t && t <= latest, "%" G_GINT64_FORMAT " not within "
                    "[%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "]", t, earliest, latest);
      }
      check_reading (tz, t);
      check_reading (tz, t + 1800);
    }

  maint_tz_free (tz);
  return 0;
}
