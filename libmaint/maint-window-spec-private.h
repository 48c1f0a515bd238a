/* maint-window-spec-private.h: the allocation-free expansion of window
 * specs, for the solver and the benchmark
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * These functions take a resolved zone (maint_tz_get() once per group, not
 * per call) and write into caller buffers; none of them allocates, except
 * that the GArray variants grow the caller's array when it is too small.
 * Like the public functions they are thread-safe: specs and zones are
 * immutable.
 */
#pragma once

#ifndef MAINT_COMPILATION
# error "This is a private header of libmaint."
#endif

#include "maint-window-spec.h"
#include "maint-interval-private.h"
#include "maint-tz-private.h"

G_BEGIN_DECLS

struct _MaintWindowSpec
{
  gatomicrefcount ref;
  /* bit d set = the window opens on weekday d (0 = Monday … 6 = Sunday);
   * never 0 */
  guint8 days;
  /* minutes after local midnight, 0..1439 */
  guint16 start_minute;
  /* 1..1440; end_minute <= start_minute means the end is on the next local
   * date (the window crosses midnight). An end written as 00:00 is stored
   * as 1440: both mean the next midnight. */
  guint16 end_minute;
};

/* Occurrences are computed for local dates from 1900-01-01 to 2101-12-31,
 * the span the tz tables cover, in days since 1970-01-01. */
#define MAINT_WINDOW_FIRST_DAY (-25567)
#define MAINT_WINDOW_LAST_DAY  48211

/* How many local dates after the one of @after next_occurrence looks at
 * before giving up. A day in the set comes at least weekly; the margin is
 * for occurrences dropped on transition days. */
#define MAINT_WINDOW_SEARCH_DAYS 400

/* Resolves the occurrence that opens on local date @day (days since
 * 1970-01-01), whatever its weekday. Returns FALSE if the occurrence is
 * dropped (its resolved end is not after its start). */
gboolean maint_window_spec_resolve_tz        (const MaintWindowSpec *spec,
                                              const MaintTz         *tz,
                                              gint64                 day,
                                              gint64                *out_start,
                                              gint64                *out_end);

/* The first occurrence whose start is >= @after. FALSE if there is none
 * within MAINT_WINDOW_SEARCH_DAYS days or before MAINT_WINDOW_LAST_DAY. */
gboolean maint_window_spec_next_occurrence_tz (const MaintWindowSpec *spec,
                                               const MaintTz         *tz,
                                               gint64                 after,
                                               gint64                *out_start,
                                               gint64                *out_end);

/* The earliest-starting occurrence with start <= @instant < end. */
gboolean maint_window_spec_occurrence_containing_tz (const MaintWindowSpec *spec,
                                                     const MaintTz         *tz,
                                                     gint64                 instant,
                                                     gint64                *out_start,
                                                     gint64                *out_end);

/* Appends to @pairs (a GArray of gint64, start/end pairs) the occurrences
 * whose start lies in [@from, @to), in order, without duplicates. Returns
 * the number of pairs appended. */
gsize    maint_window_spec_occurrences_tz    (const MaintWindowSpec *spec,
                                              const MaintTz         *tz,
                                              gint64                 from,
                                              gint64                 to,
                                              GArray                *pairs);

/* Appends to @pairs the occurrences that overlap [@from, @to), clipped to
 * it. Returns the number of pairs appended. */
gsize    maint_window_spec_clipped_tz        (const MaintWindowSpec *spec,
                                              const MaintTz         *tz,
                                              gint64                 from,
                                              gint64                 to,
                                              GArray                *pairs);

/* The union of the clipped occurrences of @n_specs specs. @scratch (a
 * GArray of gint64, may be NULL) is reused as working space. */
MaintIntervalSet *maint_window_specs_expand_tz (MaintWindowSpec * const *specs,
                                                gsize                    n_specs,
                                                const MaintTz           *tz,
                                                gint64                   from,
                                                gint64                   to,
                                                GArray                  *scratch);

G_END_DECLS
