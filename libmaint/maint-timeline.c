/* maint-timeline.c: capacity counters over time for the solver
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "maint-timeline-private.h"

/* ---- small resources: a sorted interval list ------------------------- */

void
maint_tl_list_clear (MaintTlList *list)
{
  g_clear_pointer (&list->items, g_free);
  list->len = list->alloc = 0;
  list->max_len = 0;
}

void
maint_tl_list_reset (MaintTlList *list)
{
  list->len = 0;
}

static int
tl_interval_cmp (const MaintTlInterval *a,
                 const MaintTlInterval *b)
{
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  return (a->tag > b->tag) - (a->tag < b->tag);
}

/* First index whose item is not before @key in (start, end, tag) order. */
static guint
tl_list_lower (const MaintTlList     *list,
               const MaintTlInterval *key)
{
  guint lo = 0, hi = list->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (tl_interval_cmp (&list->items[mid], key) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

void
maint_tl_list_add (MaintTlList *list,
                   gint64       start,
                   gint64       end,
                   gint32       tag)
{
  MaintTlInterval key = { start, end, tag };
  guint at;

  if (end <= start)
    return;
  if (list->len == list->alloc)
    {
      list->alloc = MAX (4, list->alloc * 2);
      list->items = g_renew (MaintTlInterval, list->items, list->alloc);
    }
  at = tl_list_lower (list, &key);
  memmove (&list->items[at + 1], &list->items[at],
           (list->len - at) * sizeof (MaintTlInterval));
  list->items[at] = key;
  list->len++;
  list->max_len = MAX (list->max_len, end - start);
}

gboolean
maint_tl_list_remove (MaintTlList *list,
                      gint64       start,
                      gint64       end,
                      gint32       tag)
{
  MaintTlInterval key = { start, end, tag };
  guint at;

  if (end <= start)
    return TRUE;
  at = tl_list_lower (list, &key);
  if (at >= list->len || tl_interval_cmp (&list->items[at], &key) != 0)
    return FALSE;
  memmove (&list->items[at], &list->items[at + 1],
           (list->len - at - 1) * sizeof (MaintTlInterval));
  list->len--;
  return TRUE;
}

typedef struct
{
  gint64 t;
  gint32 delta;
  gint32 tag;
} TlEvent;

static int
tl_event_cmp (gconstpointer pa,
              gconstpointer pb)
{
  const TlEvent *a = pa, *b = pb;

  /* At one instant, ends before starts: intervals are half-open */
  if (a->t != b->t)
    return a->t < b->t ? -1 : 1;
  if (a->delta != b->delta)
    return a->delta < b->delta ? -1 : 1;
  return (a->tag > b->tag) - (a->tag < b->tag);
}

gboolean
maint_tl_list_check (const MaintTlList *list,
                     gint64             start,
                     gint64             end,
                     guint              limit,
                     gint64             pad,
                     gint32             exclude,
                     MaintTlConflict   *conflict)
{
  TlEvent stack_events[64];
  g_autofree TlEvent *heap_events = NULL;
  TlEvent *events = stack_events;
  guint n_events = 0, cap = G_N_ELEMENTS (stack_events);
  MaintTlInterval key = { start - pad - list->max_len, G_MININT64, G_MININT32 };
  gint count = 0, best = 0;
  gboolean in_run = FALSE, found = FALSE;
  gint64 run_end = 0, at = 0;
  gint32 witness = -1, run_witness = -1;

  g_assert (limit > 0);

  for (guint i = tl_list_lower (list, &key); i < list->len; i++)
    {
      const MaintTlInterval *it = &list->items[i];
      gint64 s = it->start - pad, e = it->end + pad;

      if (s >= end)
        break;
      if (e <= start || it->tag == exclude)
        continue;
      if (n_events + 2 > cap)
        {
          cap *= 2;
          if (heap_events == NULL)
            {
              heap_events = g_new (TlEvent, cap);
              memcpy (heap_events, stack_events, n_events * sizeof (TlEvent));
            }
          else
            heap_events = g_renew (TlEvent, heap_events, cap);
          events = heap_events;
        }
      events[n_events++] = (TlEvent) { MAX (s, start), +1, it->tag };
      events[n_events++] = (TlEvent) { e, -1, it->tag };
    }

  /* Fewer overlapping intervals than the limit: nothing can be overloaded */
  if (n_events / 2 < limit)
    return TRUE;

  qsort (events, n_events, sizeof (TlEvent), tl_event_cmp);

  for (guint i = 0; i < n_events; i++)
    {
      count += events[i].delta;
      if (events[i].delta > 0)
        run_witness = events[i].tag;
      if (i + 1 < n_events && events[i + 1].t == events[i].t)
        continue;

      /* count now holds on [events[i].t, events[i + 1].t) */
      if (count >= (gint) limit && events[i].t < end)
        {
          if (!in_run)
            {
              in_run = TRUE;
              at = events[i].t;
              witness = run_witness;
            }
          found = TRUE;
          best = MAX (best, count);
        }
      else if (in_run && count < (gint) limit)
        {
          in_run = FALSE;
          run_end = events[i].t;
        }
    }

  if (!found)
    return TRUE;

  /* Every start before the end of the last overloaded run that meets
   * [start, end) would still contain an overloaded instant. */
  conflict->next = in_run ? G_MAXINT64 : run_end;
  conflict->count = best;
  conflict->witness = witness;
  conflict->at = at;
  return FALSE;
}

/* ---- the fleet: bucketed events --------------------------------------- */

/* Events at one instant, aggregated: many slots start at the same
 * instant (window openings), so a bucket holds distinct instants, not
 * slots, and its scans stay short however large the fleet. */
typedef struct
{
  gint64 t;
  gint32 starts;
  gint32 ends;
} TlPoint;

typedef struct
{
  TlPoint *points;  /* sorted by t */
  guint    n;
  guint    alloc;
  gint32   base;    /* count just before the bucket's first instant */
  gint32   max;     /* highest count at any instant of the bucket */
} TlBucket;

struct _MaintTlFleet
{
  gint64    t0;
  gint64    t1;
  gint64    width;
  guint     n_buckets;
  TlBucket *buckets;
};

MaintTlFleet *
maint_tl_fleet_new (gint64 t0,
                    gint64 t1,
                    guint  expected)
{
  MaintTlFleet *fleet = g_new0 (MaintTlFleet, 1);
  guint64 n;

  if (t1 <= t0)
    t1 = t0 + 1;
  /* A few instants per bucket keeps the scans short */
  n = CLAMP ((guint64) expected / 8, 1, 1 << 18);
  fleet->t0 = t0;
  fleet->t1 = t1;
  fleet->width = MAX (60, ((t1 - t0) + (gint64) n - 1) / (gint64) n);
  fleet->n_buckets = (guint) ((t1 - t0 + fleet->width - 1) / fleet->width);
  fleet->buckets = g_new0 (TlBucket, fleet->n_buckets);
  return fleet;
}

void
maint_tl_fleet_free (MaintTlFleet *fleet)
{
  if (fleet == NULL)
    return;
  for (guint i = 0; i < fleet->n_buckets; i++)
    g_free (fleet->buckets[i].points);
  g_free (fleet->buckets);
  g_free (fleet);
}

void
maint_tl_fleet_reset (MaintTlFleet *fleet)
{
  for (guint i = 0; i < fleet->n_buckets; i++)
    {
      fleet->buckets[i].n = 0;
      fleet->buckets[i].base = 0;
      fleet->buckets[i].max = 0;
    }
}

static inline guint
tl_bucket_of (const MaintTlFleet *fleet,
              gint64              t)
{
  return (guint) ((t - fleet->t0) / fleet->width);
}

static guint
tl_bucket_lower (const TlBucket *b,
                 gint64          t)
{
  guint lo = 0, hi = b->n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (b->points[mid].t < t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Adds @starts and @ends (either may be negative) at instant @t. */
static void
tl_bucket_change (TlBucket *b,
                  gint64    t,
                  gint32    starts,
                  gint32    ends)
{
  guint at = tl_bucket_lower (b, t);

  if (at < b->n && b->points[at].t == t)
    {
      b->points[at].starts += starts;
      b->points[at].ends += ends;
      if (b->points[at].starts == 0 && b->points[at].ends == 0)
        {
          memmove (&b->points[at], &b->points[at + 1], (b->n - at - 1) * sizeof (TlPoint));
          b->n--;
        }
      return;
    }
  g_return_if_fail (starts >= 0 && ends >= 0);
  if (b->n == b->alloc)
    {
      b->alloc = MAX (4, b->alloc * 2);
      b->points = g_renew (TlPoint, b->points, b->alloc);
    }
  memmove (&b->points[at + 1], &b->points[at], (b->n - at) * sizeof (TlPoint));
  b->points[at] = (TlPoint) { t, starts, ends };
  b->n++;
}

static void
tl_bucket_recompute (TlBucket *b,
                     gint64    b0)
{
  gint32 count = b->base;
  gint32 max = G_MININT32;

  /* The base holds at b0 unless an instant at b0 changes it */
  if (b->n == 0 || b->points[0].t > b0)
    max = count;
  for (guint i = 0; i < b->n; i++)
    {
      count += b->points[i].starts - b->points[i].ends;
      max = MAX (max, count);
    }
  b->max = max;
}

void
maint_tl_fleet_add (MaintTlFleet *fleet,
                    gint64        start,
                    gint64        end,
                    int           delta)
{
  guint bs, be;

  start = MAX (start, fleet->t0);
  end = MIN (end, fleet->t1);
  if (end <= start)
    return;

  bs = tl_bucket_of (fleet, start);
  be = end < fleet->t1 ? tl_bucket_of (fleet, end) : fleet->n_buckets;

  tl_bucket_change (&fleet->buckets[bs], start, delta, 0);
  if (be < fleet->n_buckets)
    tl_bucket_change (&fleet->buckets[be], end, 0, delta);

  for (guint b = bs + 1; b <= be && b < fleet->n_buckets; b++)
    {
      fleet->buckets[b].base += delta;
      if (b != be)
        fleet->buckets[b].max += delta;
    }
  tl_bucket_recompute (&fleet->buckets[bs], fleet->t0 + bs * fleet->width);
  if (be < fleet->n_buckets && be != bs)
    tl_bucket_recompute (&fleet->buckets[be], fleet->t0 + be * fleet->width);
}

/* Continues from bucket @b, point index @i, count @count (which is at
 * least @limit) until the count drops below @limit; returns that instant. */
static gint64
tl_fleet_run_end (MaintTlFleet *fleet,
                  guint         b,
                  guint         i,
                  gint32        count,
                  guint         limit)
{
  for (; b < fleet->n_buckets; b++, i = 0)
    {
      TlBucket *bucket = &fleet->buckets[b];

      for (; i < bucket->n; i++)
        {
          count += bucket->points[i].starts - bucket->points[i].ends;
          if (count < (gint32) limit)
            return bucket->points[i].t;
        }
    }
  return G_MAXINT64;
}

gboolean
maint_tl_fleet_check (MaintTlFleet    *fleet,
                      gint64           start,
                      gint64           end,
                      guint            limit,
                      MaintTlConflict *conflict)
{
  guint bs, be;

  g_assert (limit > 0);
  start = MAX (start, fleet->t0);
  end = MIN (end, fleet->t1);
  if (end <= start)
    return TRUE;

  bs = tl_bucket_of (fleet, start);
  be = tl_bucket_of (fleet, end - 1);

  /* From the last bucket backwards: the last overloaded run decides */
  for (guint b = be + 1; b-- > bs;)
    {
      TlBucket *bucket = &fleet->buckets[b];
      gint64 b0 = fleet->t0 + b * fleet->width;
      gint64 x = MAX (start, b0), y = MIN (end, b0 + fleet->width);
      gint32 count = bucket->base;
      gboolean in_run = FALSE, found = FALSE;
      gint64 run_end = 0, at = 0;
      gint32 best = 0;

      if (bucket->max < (gint32) limit)
        continue;

      /* Segment [b0, first instant) has the base count */
      if (count >= (gint32) limit && (bucket->n == 0 || bucket->points[0].t > x))
        {
          in_run = found = TRUE;
          at = x;
          best = count;
        }
      for (guint i = 0; i < bucket->n; i++)
        {
          gint64 t = bucket->points[i].t;
          /* count holds on [t, next instant or bucket end) */
          gint64 seg_end = i + 1 < bucket->n ? bucket->points[i + 1].t : b0 + fleet->width;
          gboolean meets = t < y && seg_end > x;

          count += bucket->points[i].starts - bucket->points[i].ends;
          if (count >= (gint32) limit)
            {
              if (meets)
                {
                  if (!in_run)
                    at = MAX (t, x);
                  in_run = found = TRUE;
                  best = MAX (best, count);
                }
              else if (!in_run && t >= y)
                break;
            }
          else
            {
              if (in_run)
                run_end = t;
              in_run = FALSE;
              if (t >= y)
                break;
            }
        }

      if (!found)
        continue;

      /* The run reaches past this bucket: all its instants were seen */
      if (in_run)
        run_end = tl_fleet_run_end (fleet, b + 1, 0, count, limit);
      conflict->next = run_end;
      conflict->count = best;
      conflict->witness = -1;
      conflict->at = at;
      return FALSE;
    }

  return TRUE;
}
