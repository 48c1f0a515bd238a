/* fuzz-window-spec.c: libFuzzer target for the window-spec parser
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The input is split into lines; each line is parsed as a window spec.
 * A line that does not parse gives an error in MAINT_WINDOW_SPEC_ERROR
 * whose one-line message starts with "column N: ". A spec that parses:
 * its canonical text re-parses to an equal spec and is a fixed point; its
 * getters agree with each other; and in a few zones with awkward
 * transitions (a DST change in each direction, a 30-minute DST, a skipped
 * day) its occurrences are ordered, inside the span asked for, not empty,
 * found again by next_occurrence() and occurrence_containing(), and the
 * union of all the lines' occurrences equals maint_window_specs_expand().
 */
#include "config.h"

#include <libmaint/libmaint.h>

#include "fuzz-common.h"

#define MAX_SPECS 4

typedef struct {
  const char *zone;
  const char *from;
  const char *to;
} Span;

static const Span spans[] = {
  { "Europe/Berlin", "2026-03-24T00:00:00Z", "2026-04-02T00:00:00Z" },   /* spring forward */
  { "Europe/Berlin", "2026-10-21T00:00:00Z", "2026-10-29T00:00:00Z" },   /* fall back */
  { "Australia/Lord_Howe", "2026-03-31T00:00:00Z", "2026-04-08T00:00:00Z" },
  { "Pacific/Apia", "2011-12-26T00:00:00Z", "2012-01-03T00:00:00Z" },   /* no 2011-12-30 */
};

static gint64 span_from[G_N_ELEMENTS (spans)];
static gint64 span_to[G_N_ELEMENTS (spans)];

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  for (gsize i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      if (!maint_instant_parse (spans[i].from, &span_from[i], NULL) ||
          !maint_instant_parse (spans[i].to, &span_to[i], NULL) ||
          !maint_time_zone_check (spans[i].zone, NULL))
        g_error ("fuzz-window-spec: bad span %s", spans[i].zone);
    }
  return 0;
}

static void
check_canonical (const MaintWindowSpec *spec,
                 const char            *line)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = maint_window_spec_to_string (spec);
  g_autoptr(MaintWindowSpec) again = maint_window_spec_parse (text, &error);
  g_autofree char *text_again = NULL;
  guint days = maint_window_spec_get_days (spec);
  guint start = maint_window_spec_get_start_minute (spec);
  guint end = maint_window_spec_get_end_minute (spec);

  FUZZ_CHECK (again != NULL, "canonical %s of %s does not parse: %s", text, line, error->message);
  FUZZ_CHECK (maint_window_spec_equal (spec, again), "%s re-parses differently", text);
  text_again = maint_window_spec_to_string (again);
  FUZZ_CHECK (strcmp (text, text_again) == 0, "not a fixed point: %s, %s", text, text_again);

  FUZZ_CHECK (days != 0 && days <= 0x7f, "days %#x", days);
  FUZZ_CHECK (start < 1440 && end >= 1 && end <= 1440, "times %u-%u", start, end);
  FUZZ_CHECK (maint_window_spec_crosses_midnight (spec) == (end <= start),
              "crosses_midnight of %s", text);
}

static void
check_occurrences (MaintWindowSpec * const *specs,
                   guint                    n_specs,
                   const Span              *span,
                   gint64                   from,
                   gint64                   to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintIntervalSet) expanded = NULL;
  g_autoptr(MaintIntervalSet) united = maint_interval_set_new ();
  g_autoptr(MaintInterval) whole = maint_interval_new (from, to);
  /* An occurrence opens at most a day plus the largest gap (a skipped
   * day) before it closes; starting the listing early enough catches
   * those still open at @from. */
  gint64 early = from - 3 * 86400;

  for (guint s = 0; s < n_specs; s++)
    {
      g_autoptr(GPtrArray) occurrences = NULL;
      g_autofree char *text = maint_window_spec_to_string (specs[s]);
      gint64 previous_start = G_MININT64;

      occurrences = maint_window_spec_occurrences (specs[s], span->zone, early, to, &error);
      FUZZ_CHECK (occurrences != NULL, "occurrences of %s: %s", text, error->message);
      /* at most one per local date, and the span is under two weeks */
      FUZZ_CHECK (occurrences->len <= 20, "%u occurrences of %s", occurrences->len, text);

      for (guint i = 0; i < occurrences->len; i++)
        {
          MaintInterval *o = g_ptr_array_index (occurrences, i);
          gint64 start = maint_interval_get_start (o);
          gint64 end = maint_interval_get_end (o);
          g_autoptr(MaintInterval) next = NULL;
          g_autoptr(MaintInterval) containing = NULL;
          g_autoptr(MaintInterval) clipped = NULL;
          g_autoptr(MaintIntervalSet) added = NULL;

          FUZZ_CHECK (start >= early && start < to, "%s in %s: start out of the span", text,
                      span->zone);
          FUZZ_CHECK (end > start, "%s in %s: empty occurrence", text, span->zone);
          FUZZ_CHECK (end - start <= 50 * 3600, "%s in %s: %" G_GINT64_FORMAT " s long", text,
                      span->zone, end - start);
          FUZZ_CHECK (start > previous_start, "%s in %s: occurrences out of order", text,
                      span->zone);
          previous_start = start;

          next = maint_window_spec_next_occurrence (specs[s], span->zone, start, &error);
          FUZZ_CHECK (next != NULL && maint_interval_equal (next, o),
                      "%s in %s: next_occurrence(%" G_GINT64_FORMAT ") is not the occurrence",
                      text, span->zone, start);
          containing = maint_window_spec_occurrence_containing (specs[s], span->zone, start,
                                                                &error);
          FUZZ_CHECK (containing != NULL && maint_interval_contains (containing, start) &&
                      maint_interval_get_start (containing) <= start,
                      "%s in %s: no occurrence contains %" G_GINT64_FORMAT, text, span->zone,
                      start);

          clipped = maint_interval_intersect (o, whole);
          if (clipped != NULL && !maint_interval_is_empty (clipped))
            {
              added = maint_interval_set_add (united, maint_interval_get_start (clipped),
                                              maint_interval_get_end (clipped));
              g_clear_pointer (&united, maint_interval_set_unref);
              united = g_steal_pointer (&added);
            }
        }
    }

  expanded = maint_window_specs_expand (specs, n_specs, span->zone, from, to, &error);
  FUZZ_CHECK (expanded != NULL, "expand in %s: %s", span->zone, error->message);
  if (!maint_interval_set_equal (expanded, united))
    {
      g_autofree char *a = maint_interval_set_to_string (expanded);
      g_autofree char *b = maint_interval_set_to_string (united);

      FUZZ_CHECK (FALSE, "expand in %s differs from the union of the occurrences:\n%s\n%s",
                  span->zone, a, b);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_strndup (data, size);
  g_auto(GStrv) lines = NULL;
  MaintWindowSpec *specs[MAX_SPECS];
  guint n_specs = 0;

  if (text == NULL)
    return 0;

  lines = g_strsplit (text, "\n", MAX_SPECS + 1);
  for (guint i = 0; lines[i] != NULL && i < MAX_SPECS; i++)
    {
      g_autoptr(GError) error = NULL;
      MaintWindowSpec *spec = maint_window_spec_parse (lines[i], &error);

      if (spec == NULL)
        {
          fuzz_check_error (error, MAINT_WINDOW_SPEC_ERROR);
          FUZZ_CHECK (g_str_has_prefix (error->message, "column "),
                      "message without a column: %s", error->message);
          continue;
        }
      FUZZ_CHECK (error == NULL, "success with an error");
      check_canonical (spec, lines[i]);
      specs[n_specs++] = spec;
    }

  if (n_specs > 0)
    for (gsize i = 0; i < G_N_ELEMENTS (spans); i++)
      check_occurrences (specs, n_specs, &spans[i], span_from[i], span_to[i]);

  for (guint i = 0; i < n_specs; i++)
    maint_window_spec_unref (specs[i]);
  return 0;
}
