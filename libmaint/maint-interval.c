/* maint-interval.c: UTC intervals and normalized interval sets
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "maint-interval-private.h"
#include "maint-tz-private.h"

/**
 * MaintInterval:
 *
 * A half-open interval `[start, end)` of UTC instants, in seconds since the
 * Unix epoch.
 *
 * Intervals are immutable values with an atomic reference count, like
 * [struct@GLib.Uri]: they can be shared between threads, and operations
 * that derive an interval return a new one. An interval whose start equals
 * its end is empty.
 */

/**
 * MaintIntervalSet:
 *
 * A normalized set of UTC instants, stored as a list of intervals that is
 * sorted, disjoint and free of empty intervals; intervals that touch are
 * merged, so `[1, 2)` and `[2, 3)` become `[1, 3)`. Two sets holding the
 * same instants are therefore always equal interval by interval.
 *
 * Sets are immutable values with an atomic reference count. Union,
 * intersection, subtraction and addition return new sets; each runs in time
 * linear in the sizes of its operands.
 */

G_DEFINE_BOXED_TYPE (MaintInterval, maint_interval,
                     maint_interval_ref, maint_interval_unref)
G_DEFINE_BOXED_TYPE (MaintIntervalSet, maint_interval_set,
                     maint_interval_set_ref, maint_interval_set_unref)

/* "2026-03-29T01:00:00Z" for any gint64, without the range checks of
 * maint_instant_format(): sets may hold arbitrary instants. */
static void
append_utc (GString *out,
            gint64   instant)
{
  gint64 days = instant / 86400;
  gint64 secs = instant % 86400;
  gint64 year;
  guint month, day;

  if (secs < 0)
    {
      secs += 86400;
      days -= 1;
    }
  maint_civil_from_days (days, &year, &month, &day);
  g_string_append_printf (out, "%04" G_GINT64_FORMAT "-%02u-%02uT%02d:%02d:%02dZ",
                          year, month, day,
                          (int) (secs / 3600), (int) (secs / 60 % 60), (int) (secs % 60));
}

static void
append_interval (GString *out,
                 gint64   start,
                 gint64   end)
{
  g_string_append_c (out, '[');
  append_utc (out, start);
  g_string_append (out, ", ");
  append_utc (out, end);
  g_string_append_c (out, ')');
}

/* ------------------------------------------------------------------ */
/* MaintInterval */

/**
 * maint_interval_new:
 * @start: the first instant of the interval, in seconds since the Unix
 *   epoch (UTC)
 * @end: the first instant after the interval; not before @start
 *
 * Creates the interval `[start, end)`.
 *
 * Returns: (transfer full): a new interval
 */
MaintInterval *
maint_interval_new (gint64 start,
                    gint64 end)
{
  MaintInterval *interval;

  g_return_val_if_fail (start <= end, NULL);

  interval = g_new (MaintInterval, 1);
  g_atomic_ref_count_init (&interval->ref);
  interval->start = start;
  interval->end = end;
  return interval;
}

/**
 * maint_interval_ref:
 * @interval: an interval
 *
 * Increases the reference count of @interval. Thread-safe.
 *
 * Returns: (transfer full): @interval
 */
MaintInterval *
maint_interval_ref (MaintInterval *interval)
{
  g_return_val_if_fail (interval != NULL, NULL);

  g_atomic_ref_count_inc (&interval->ref);
  return interval;
}

/**
 * maint_interval_unref:
 * @interval: (transfer full): an interval
 *
 * Decreases the reference count of @interval and frees it when the count
 * drops to zero. Thread-safe.
 */
void
maint_interval_unref (MaintInterval *interval)
{
  g_return_if_fail (interval != NULL);

  if (g_atomic_ref_count_dec (&interval->ref))
    g_free (interval);
}

/**
 * maint_interval_get_start:
 * @interval: an interval
 *
 * Returns: the first instant of @interval, in seconds since the Unix epoch
 */
gint64
maint_interval_get_start (const MaintInterval *interval)
{
  g_return_val_if_fail (interval != NULL, 0);
  return interval->start;
}

/**
 * maint_interval_get_end:
 * @interval: an interval
 *
 * Returns: the first instant after @interval, in seconds since the Unix
 *   epoch
 */
gint64
maint_interval_get_end (const MaintInterval *interval)
{
  g_return_val_if_fail (interval != NULL, 0);
  return interval->end;
}

/**
 * maint_interval_get_duration:
 * @interval: an interval
 *
 * Returns: the length of @interval in seconds (`end - start`)
 */
gint64
maint_interval_get_duration (const MaintInterval *interval)
{
  g_return_val_if_fail (interval != NULL, 0);
  return interval->end - interval->start;
}

/**
 * maint_interval_is_empty:
 * @interval: an interval
 *
 * Returns: %TRUE if @interval contains no instant (its start equals its end)
 */
gboolean
maint_interval_is_empty (const MaintInterval *interval)
{
  g_return_val_if_fail (interval != NULL, TRUE);
  return interval->start == interval->end;
}

/**
 * maint_interval_contains:
 * @interval: an interval
 * @instant: an instant, in seconds since the Unix epoch
 *
 * Returns: %TRUE if `start <= instant < end`
 */
gboolean
maint_interval_contains (const MaintInterval *interval,
                         gint64               instant)
{
  g_return_val_if_fail (interval != NULL, FALSE);
  return interval->start <= instant && instant < interval->end;
}

/**
 * maint_interval_contains_interval:
 * @interval: an interval
 * @other: another interval
 *
 * Whether every instant of @other lies in @interval. An empty @other is
 * contained in every interval, as the empty set is a subset of every set.
 *
 * Returns: %TRUE if @other lies within @interval
 */
gboolean
maint_interval_contains_interval (const MaintInterval *interval,
                                  const MaintInterval *other)
{
  g_return_val_if_fail (interval != NULL, FALSE);
  g_return_val_if_fail (other != NULL, FALSE);

  if (other->start == other->end)
    return TRUE;
  return interval->start <= other->start && other->end <= interval->end;
}

/**
 * maint_interval_overlaps:
 * @interval: an interval
 * @other: another interval
 *
 * Whether the two intervals share at least one instant. Touching intervals
 * (`[1, 2)` and `[2, 3)`) do not overlap, and an empty interval overlaps
 * nothing.
 *
 * Returns: %TRUE if the intersection is not empty
 */
gboolean
maint_interval_overlaps (const MaintInterval *interval,
                         const MaintInterval *other)
{
  g_return_val_if_fail (interval != NULL, FALSE);
  g_return_val_if_fail (other != NULL, FALSE);

  return MAX (interval->start, other->start) < MIN (interval->end, other->end);
}

/**
 * maint_interval_intersect:
 * @interval: an interval
 * @other: another interval
 *
 * Computes the instants that lie in both intervals.
 *
 * Returns: (transfer full) (nullable): the intersection as a new interval,
 *   or %NULL if the intervals do not overlap
 */
MaintInterval *
maint_interval_intersect (const MaintInterval *interval,
                          const MaintInterval *other)
{
  gint64 start, end;

  g_return_val_if_fail (interval != NULL, NULL);
  g_return_val_if_fail (other != NULL, NULL);

  start = MAX (interval->start, other->start);
  end = MIN (interval->end, other->end);
  if (start >= end)
    return NULL;
  return maint_interval_new (start, end);
}

/**
 * maint_interval_equal:
 * @a: an interval
 * @b: another interval
 *
 * Returns: %TRUE if both intervals have the same start and end
 */
gboolean
maint_interval_equal (const MaintInterval *a,
                      const MaintInterval *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return a->start == b->start && a->end == b->end;
}

/**
 * maint_interval_compare:
 * @a: an interval
 * @b: another interval
 *
 * Orders intervals by start, then by end; usable with qsort-style sorting
 * functions.
 *
 * Returns: a negative value if @a sorts before @b, zero if they are equal,
 *   a positive value otherwise
 */
int
maint_interval_compare (const MaintInterval *a,
                        const MaintInterval *b)
{
  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  return 0;
}

/**
 * maint_interval_to_string:
 * @interval: an interval
 *
 * Formats @interval for people and logs, for example
 * `[2026-03-29T01:00:00Z, 2026-03-29T02:00:00Z)`.
 *
 * Returns: (transfer full): a newly allocated string
 */
char *
maint_interval_to_string (const MaintInterval *interval)
{
  GString *out;

  g_return_val_if_fail (interval != NULL, NULL);

  out = g_string_new (NULL);
  append_interval (out, interval->start, interval->end);
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* MaintIntervalSet */

/* One allocation holding the struct and room for @capacity pairs. */
static MaintIntervalSet *
set_alloc (gsize capacity)
{
  MaintIntervalSet *set;

  if (capacity > (G_MAXSIZE - sizeof (MaintIntervalSet)) / (2 * sizeof (gint64)) ||
      capacity > G_MAXUINT)
    g_error ("interval set of %" G_GSIZE_FORMAT " intervals is too large", capacity);

  set = g_malloc (sizeof (MaintIntervalSet) + capacity * 2 * sizeof (gint64));
  g_atomic_ref_count_init (&set->ref);
  set->n = 0;
  set->bounds = (gint64 *) (set + 1);
  return set;
}

static inline gboolean
set_bounds_inline (const MaintIntervalSet *set)
{
  return set->bounds == (const gint64 *) (set + 1);
}

/* Gives back the unused tail of a set made by set_alloc(). */
static MaintIntervalSet *
set_shrink (MaintIntervalSet *set,
            gsize             capacity)
{
  if (set->n == capacity)
    return set;
  set = g_realloc (set, sizeof (MaintIntervalSet) + (gsize) set->n * 2 * sizeof (gint64));
  set->bounds = (gint64 *) (set + 1);
  return set;
}

/* Appends [start, end) to a set under construction whose intervals so far
 * end at or before @start; merges when they touch or overlap. */
static inline void
set_push (MaintIntervalSet *set,
          gint64            start,
          gint64            end)
{
  gint64 *b = set->bounds;

  if (start >= end)
    return;
  if (set->n > 0 && start <= b[2 * set->n - 1])
    {
      if (end > b[2 * set->n - 1])
        b[2 * set->n - 1] = end;
      return;
    }
  b[2 * set->n] = start;
  b[2 * set->n + 1] = end;
  set->n++;
}

static gboolean
bounds_are_normalized (const gint64 *b,
                       gsize         n)
{
  for (gsize i = 0; i < n; i++)
    {
      if (b[2 * i] >= b[2 * i + 1])
        return FALSE;
      if (i > 0 && b[2 * i] <= b[2 * i - 1])
        return FALSE;
    }
  return TRUE;
}

MaintIntervalSet *
maint_interval_set_new_take (gint64 *bounds,
                             guint   n)
{
  MaintIntervalSet *set;

  g_return_val_if_fail (n == 0 || bounds != NULL, NULL);
  g_return_val_if_fail (bounds_are_normalized (bounds, n), NULL);

  if (n == 0)
    {
      g_free (bounds);
      return maint_interval_set_new ();
    }

  set = g_new (MaintIntervalSet, 1);
  g_atomic_ref_count_init (&set->ref);
  set->n = n;
  set->bounds = bounds;
  return set;
}

static int
pair_compare (const void *a,
              const void *b)
{
  const gint64 *pa = a, *pb = b;

  if (pa[0] != pb[0])
    return pa[0] < pb[0] ? -1 : 1;
  if (pa[1] != pb[1])
    return pa[1] < pb[1] ? -1 : 1;
  return 0;
}

gsize
maint_interval_pairs_normalize (gint64   *pairs,
                                gsize     n_pairs,
                                gboolean  sorted)
{
  gsize out = 0;

  if (n_pairs == 0)
    return 0;
  g_return_val_if_fail (pairs != NULL, 0);

  if (!sorted)
    qsort (pairs, n_pairs, 2 * sizeof (gint64), pair_compare);

  for (gsize i = 0; i < n_pairs; i++)
    {
      gint64 start = pairs[2 * i], end = pairs[2 * i + 1];

      g_return_val_if_fail (start <= end, 0);
      if (start == end)
        continue;
      if (out > 0 && start <= pairs[2 * out - 1])
        {
          if (end > pairs[2 * out - 1])
            pairs[2 * out - 1] = end;
          continue;
        }
      pairs[2 * out] = start;
      pairs[2 * out + 1] = end;
      out++;
    }
  return out;
}

MaintIntervalSet *
maint_interval_set_new_from_pairs (gint64   *pairs,
                                   gsize     n_pairs,
                                   gboolean  sorted)
{
  MaintIntervalSet *set;
  gsize n;

  n = maint_interval_pairs_normalize (pairs, n_pairs, sorted);
  set = set_alloc (n);
  if (n > 0)
    memcpy (set->bounds, pairs, n * 2 * sizeof (gint64));
  set->n = n;
  return set;
}

guint
maint_interval_set_lower_bound (const MaintIntervalSet *set,
                                gint64                  instant)
{
  guint lo = 0, hi = set->n;

  /* first i with end(i) > instant; ends are strictly increasing */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (set->bounds[2 * mid + 1] > instant)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

/**
 * maint_interval_set_new:
 *
 * Creates an empty interval set.
 *
 * Returns: (transfer full): a new, empty set
 */
MaintIntervalSet *
maint_interval_set_new (void)
{
  return set_alloc (0);
}

/**
 * maint_interval_set_new_from_intervals:
 * @intervals: (array length=n_intervals): intervals in any order; they may
 *   overlap, touch or be empty
 * @n_intervals: the number of intervals
 *
 * Creates the set of all instants that lie in at least one of @intervals.
 *
 * Returns: (transfer full): a new set
 */
MaintIntervalSet *
maint_interval_set_new_from_intervals (MaintInterval * const *intervals,
                                       gsize                  n_intervals)
{
  g_autofree gint64 *pairs = NULL;
  gboolean sorted = TRUE;

  g_return_val_if_fail (n_intervals == 0 || intervals != NULL, NULL);

  if (n_intervals == 0)
    return maint_interval_set_new ();

  pairs = g_new (gint64, 2 * n_intervals);
  for (gsize i = 0; i < n_intervals; i++)
    {
      g_return_val_if_fail (intervals[i] != NULL, NULL);
      pairs[2 * i] = intervals[i]->start;
      pairs[2 * i + 1] = intervals[i]->end;
      if (i > 0 && pairs[2 * i] < pairs[2 * i - 2])
        sorted = FALSE;
    }
  return maint_interval_set_new_from_pairs (pairs, n_intervals, sorted);
}

/**
 * maint_interval_set_ref:
 * @set: an interval set
 *
 * Increases the reference count of @set. Thread-safe.
 *
 * Returns: (transfer full): @set
 */
MaintIntervalSet *
maint_interval_set_ref (MaintIntervalSet *set)
{
  g_return_val_if_fail (set != NULL, NULL);

  g_atomic_ref_count_inc (&set->ref);
  return set;
}

/**
 * maint_interval_set_unref:
 * @set: (transfer full): an interval set
 *
 * Decreases the reference count of @set and frees it when the count drops
 * to zero. Thread-safe.
 */
void
maint_interval_set_unref (MaintIntervalSet *set)
{
  g_return_if_fail (set != NULL);

  if (g_atomic_ref_count_dec (&set->ref))
    {
      if (!set_bounds_inline (set))
        g_free (set->bounds);
      g_free (set);
    }
}

/**
 * maint_interval_set_get_n_intervals:
 * @set: an interval set
 *
 * Returns: the number of (disjoint, non-touching) intervals in @set
 */
guint
maint_interval_set_get_n_intervals (const MaintIntervalSet *set)
{
  g_return_val_if_fail (set != NULL, 0);
  return set->n;
}

/**
 * maint_interval_set_get_interval:
 * @set: an interval set
 * @index_: a position, less than maint_interval_set_get_n_intervals()
 *
 * Gets one of the intervals of @set; they are ordered by start.
 *
 * Returns: (transfer full): the interval at @index_
 */
MaintInterval *
maint_interval_set_get_interval (const MaintIntervalSet *set,
                                 guint                   index_)
{
  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (index_ < set->n, NULL);

  return maint_interval_new (set->bounds[2 * index_], set->bounds[2 * index_ + 1]);
}

/**
 * maint_interval_set_is_empty:
 * @set: an interval set
 *
 * Returns: %TRUE if @set holds no instant
 */
gboolean
maint_interval_set_is_empty (const MaintIntervalSet *set)
{
  g_return_val_if_fail (set != NULL, TRUE);
  return set->n == 0;
}

/**
 * maint_interval_set_get_total:
 * @set: an interval set
 *
 * Returns: the number of seconds in @set (the sum of the lengths of its
 *   intervals)
 */
gint64
maint_interval_set_get_total (const MaintIntervalSet *set)
{
  gint64 total = 0;

  g_return_val_if_fail (set != NULL, 0);

  for (guint i = 0; i < set->n; i++)
    total += set->bounds[2 * i + 1] - set->bounds[2 * i];
  return total;
}

static MaintIntervalSet *
set_union_bounds (const gint64 *a,
                  gsize         na,
                  const gint64 *b,
                  gsize         nb)
{
  MaintIntervalSet *out = set_alloc (na + nb);
  gsize i = 0, j = 0;

  /* merge by start; set_push joins what overlaps or touches */
  while (i < na || j < nb)
    {
      if (j >= nb || (i < na && a[2 * i] <= b[2 * j]))
        {
          set_push (out, a[2 * i], a[2 * i + 1]);
          i++;
        }
      else
        {
          set_push (out, b[2 * j], b[2 * j + 1]);
          j++;
        }
    }
  return set_shrink (out, na + nb);
}

/**
 * maint_interval_set_add:
 * @set: an interval set
 * @start: the start of the interval to add
 * @end: the end of the interval to add; not before @start
 *
 * Computes the union of @set and `[start, end)`. @set is not changed.
 *
 * Returns: (transfer full): a new set
 */
MaintIntervalSet *
maint_interval_set_add (const MaintIntervalSet *set,
                        gint64                  start,
                        gint64                  end)
{
  gint64 pair[2] = { start, end };

  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  return set_union_bounds (set->bounds, set->n, pair, 1);
}

/**
 * maint_interval_set_union:
 * @a: an interval set
 * @b: another interval set
 *
 * Computes the instants that lie in @a or @b.
 *
 * Returns: (transfer full): a new set
 */
MaintIntervalSet *
maint_interval_set_union (const MaintIntervalSet *a,
                          const MaintIntervalSet *b)
{
  g_return_val_if_fail (a != NULL, NULL);
  g_return_val_if_fail (b != NULL, NULL);

  return set_union_bounds (a->bounds, a->n, b->bounds, b->n);
}

/**
 * maint_interval_set_intersect:
 * @a: an interval set
 * @b: another interval set
 *
 * Computes the instants that lie in both @a and @b.
 *
 * Returns: (transfer full): a new set
 */
MaintIntervalSet *
maint_interval_set_intersect (const MaintIntervalSet *a,
                              const MaintIntervalSet *b)
{
  MaintIntervalSet *out;
  gsize i = 0, j = 0;

  g_return_val_if_fail (a != NULL, NULL);
  g_return_val_if_fail (b != NULL, NULL);

  out = set_alloc (a->n + b->n);
  while (i < a->n && j < b->n)
    {
      gint64 as = a->bounds[2 * i], ae = a->bounds[2 * i + 1];
      gint64 bs = b->bounds[2 * j], be = b->bounds[2 * j + 1];

      /* Pieces come out separated: both inputs are non-adjacent */
      set_push (out, MAX (as, bs), MIN (ae, be));
      if (ae < be)
        i++;
      else
        j++;
    }
  return set_shrink (out, a->n + b->n);
}

/**
 * maint_interval_set_subtract:
 * @a: an interval set
 * @b: the instants to remove
 *
 * Computes the instants that lie in @a but not in @b, for example a
 * group's windows minus its blackouts.
 *
 * Returns: (transfer full): a new set
 */
MaintIntervalSet *
maint_interval_set_subtract (const MaintIntervalSet *a,
                             const MaintIntervalSet *b)
{
  MaintIntervalSet *out;
  gsize j = 0;

  g_return_val_if_fail (a != NULL, NULL);
  g_return_val_if_fail (b != NULL, NULL);

  out = set_alloc (a->n + b->n);
  for (gsize i = 0; i < a->n; i++)
    {
      gint64 cur = a->bounds[2 * i], ae = a->bounds[2 * i + 1];

      /* skip what ends before this interval starts */
      while (j < b->n && b->bounds[2 * j + 1] <= cur)
        j++;
      for (gsize k = j; k < b->n && b->bounds[2 * k] < ae; k++)
        {
          set_push (out, cur, MIN (b->bounds[2 * k], ae));
          cur = MAX (cur, b->bounds[2 * k + 1]);
          if (cur >= ae)
            break;
        }
      set_push (out, cur, ae);
    }
  return set_shrink (out, a->n + b->n);
}

/**
 * maint_interval_set_contains:
 * @set: an interval set
 * @instant: an instant, in seconds since the Unix epoch
 *
 * Returns: %TRUE if @instant lies in one of the intervals of @set
 */
gboolean
maint_interval_set_contains (const MaintIntervalSet *set,
                             gint64                  instant)
{
  guint i;

  g_return_val_if_fail (set != NULL, FALSE);

  i = maint_interval_set_lower_bound (set, instant);
  return i < set->n && set->bounds[2 * i] <= instant;
}

/**
 * maint_interval_set_contains_interval:
 * @set: an interval set
 * @start: the start of an interval
 * @end: the end of the interval; not before @start
 *
 * Whether every instant of `[start, end)` lies in @set. As intervals in a
 * set never touch, this means `[start, end)` lies within one interval of
 * @set. An empty interval is contained in every set.
 *
 * Returns: %TRUE if `[start, end)` is a subset of @set
 */
gboolean
maint_interval_set_contains_interval (const MaintIntervalSet *set,
                                      gint64                  start,
                                      gint64                  end)
{
  guint i;

  g_return_val_if_fail (set != NULL, FALSE);
  g_return_val_if_fail (start <= end, FALSE);

  if (start == end)
    return TRUE;
  i = maint_interval_set_lower_bound (set, start);
  return i < set->n && set->bounds[2 * i] <= start && end <= set->bounds[2 * i + 1];
}

/**
 * maint_interval_set_overlaps:
 * @set: an interval set
 * @start: the start of an interval
 * @end: the end of the interval; not before @start
 *
 * Whether `[start, end)` shares at least one instant with @set. An empty
 * interval overlaps nothing.
 *
 * Returns: %TRUE if the intersection is not empty
 */
gboolean
maint_interval_set_overlaps (const MaintIntervalSet *set,
                             gint64                  start,
                             gint64                  end)
{
  guint i;

  g_return_val_if_fail (set != NULL, FALSE);
  g_return_val_if_fail (start <= end, FALSE);

  if (start == end)
    return FALSE;
  i = maint_interval_set_lower_bound (set, start);
  return i < set->n && set->bounds[2 * i] < end;
}

/**
 * maint_interval_set_equal:
 * @a: an interval set
 * @b: another interval set
 *
 * Returns: %TRUE if both sets hold the same instants
 */
gboolean
maint_interval_set_equal (const MaintIntervalSet *a,
                          const MaintIntervalSet *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  /* normalized, so equal sets have identical bounds */
  return a->n == b->n &&
         (a->n == 0 || memcmp (a->bounds, b->bounds, (gsize) a->n * 2 * sizeof (gint64)) == 0);
}

/**
 * maint_interval_set_to_string:
 * @set: an interval set
 *
 * Formats @set for people and logs, for example
 * `{[2026-03-29T01:00:00Z, 2026-03-29T02:00:00Z), […]}`; the empty set is
 * `{}`.
 *
 * Returns: (transfer full): a newly allocated string
 */
char *
maint_interval_set_to_string (const MaintIntervalSet *set)
{
  GString *out;

  g_return_val_if_fail (set != NULL, NULL);

  out = g_string_new ("{");
  for (guint i = 0; i < set->n; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      append_interval (out, set->bounds[2 * i], set->bounds[2 * i + 1]);
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}
