/* maint-interval-private.h: the layout of intervals and interval sets
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The solver reads interval sets in its inner loops, so the layout is
 * visible here: a set is a flat array of 2n bounds, start/end pairs,
 * sorted, disjoint and non-adjacent (touching intervals are merged), with
 * no empty interval. Both types are immutable once constructed; only the
 * reference count changes.
 */
#pragma once

#ifndef MAINT_COMPILATION
# error "This is a private header of libmaint."
#endif

#include "maint-interval.h"

G_BEGIN_DECLS

struct _MaintInterval
{
  gatomicrefcount ref;
  gint64 start;
  gint64 end;
};

struct _MaintIntervalSet
{
  gatomicrefcount ref;
  guint n;
  /* 2n values: bounds[2i] = start, bounds[2i+1] = end of interval i.
   * Points behind the struct (one allocation) unless the array was
   * adopted by maint_interval_set_new_take(). */
  gint64 *bounds;
};

/* Adopts @bounds (g_malloc'd, 2 * @n values, already normalized: sorted,
 * disjoint, non-adjacent, no empty pair). @bounds may be NULL when @n is 0.
 * Checks the invariants with g_return_val_if_fail. */
MaintIntervalSet *maint_interval_set_new_take        (gint64       *bounds,
                                                      guint         n);

/* Normalizes @n_pairs start/end pairs in @pairs IN PLACE (sorting them
 * unless @sorted says they are already ordered by start, dropping empty
 * ones, merging overlapping and touching ones) and returns the number of
 * pairs left at the front of @pairs. Pairs must have start <= end. */
gsize             maint_interval_pairs_normalize     (gint64       *pairs,
                                                      gsize         n_pairs,
                                                      gboolean      sorted);

/* Copies @n_pairs pairs (any order, start <= end) into a new set,
 * normalizing them. @pairs is used as scratch space and is clobbered. */
MaintIntervalSet *maint_interval_set_new_from_pairs  (gint64       *pairs,
                                                      gsize         n_pairs,
                                                      gboolean      sorted);

/* Index of the first interval whose end is after @instant, or set->n. The
 * interval at that index contains @instant iff its start <= @instant. */
guint             maint_interval_set_lower_bound     (const MaintIntervalSet *set,
                                                      gint64                  instant);

static inline guint
maint_interval_set_peek_bounds (const MaintIntervalSet  *set,
                                const gint64           **out_bounds)
{
  *out_bounds = set->bounds;
  return set->n;
}

G_END_DECLS
