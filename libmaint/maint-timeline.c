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
  g_clear_pointer (&list->heap, g_free);
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
  const MaintTlInterval *items = maint_tl_list_items (list);
  guint lo = 0, hi = list->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (tl_interval_cmp (&items[mid], key) < 0)
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
  MaintTlInterval *items;
  guint at;

  if (end <= start)
    return;
  if (list->len == (list->alloc > 0 ? list->alloc : MAINT_TL_LOCAL))
    {
      guint alloc = MAX (4, list->len * 2);

      if (list->alloc == 0)
        list->heap = g_memdup2 (list->local, sizeof (list->local));
      list->heap = g_renew (MaintTlInterval, list->heap, alloc);
      list->alloc = alloc;
    }
  items = maint_tl_list_items (list);
  at = tl_list_lower (list, &key);
  memmove (&items[at + 1], &items[at], (list->len - at) * sizeof (MaintTlInterval));
  items[at] = key;
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
  MaintTlInterval *items = maint_tl_list_items (list);
  guint at;

  if (end <= start)
    return TRUE;
  at = tl_list_lower (list, &key);
  if (at >= list->len || tl_interval_cmp (&items[at], &key) != 0)
    return FALSE;
  memmove (&items[at], &items[at + 1],
           (list->len - at - 1) * sizeof (MaintTlInterval));
  list->len--;
  return TRUE;
}

typedef struct
{
  gint64 t;
  gint32 tag;
} TlStart;

static int
tl_instant_cmp (const void *pa,
                const void *pb)
{
  gint64 a = *(const gint64 *) pa, b = *(const gint64 *) pb;

  return (a > b) - (a < b);
}

/* The sweep over the intervals that meet [start, end). Their starts come
 * in order from the list (sorted by start); only their ends are sorted
 * here (by insertion when few: the ends of intervals of similar length
 * come nearly sorted). At one instant ends go before starts
 * (intervals are half-open), and the witness of a run is the largest tag
 * among the starts at the last instant that had any, as when all events
 * were sorted by (instant, +/-, tag). */
gboolean
maint_tl_list_check (const MaintTlList *list,
                     gint64             start,
                     gint64             end,
                     guint              limit,
                     gint64             pad,
                     gint32             exclude,
                     MaintTlConflict   *conflict)
{
  TlStart stack_starts[32];
  gint64 stack_ends[32];
  g_autofree TlStart *heap_starts = NULL;
  g_autofree gint64 *heap_ends = NULL;
  TlStart *starts = stack_starts;
  gint64 *ends = stack_ends;
  const MaintTlInterval *items = maint_tl_list_items (list);
  guint n = 0, cap = G_N_ELEMENTS (stack_starts), i = 0, j = 0;
  MaintTlInterval key = { start - pad - list->max_len, G_MININT64, G_MININT32 };
  gint count = 0, best = 0;
  gboolean in_run = FALSE, found = FALSE;
  gint64 run_end = 0, at = 0;
  gint32 witness = -1, run_witness = -1;

  g_assert (limit > 0);

  for (guint k = tl_list_lower (list, &key); k < list->len; k++)
    {
      const MaintTlInterval *it = &items[k];
      gint64 s = it->start - pad, e = it->end + pad;

      if (s >= end)
        break;
      if (e <= start || it->tag == exclude)
        continue;
      if (n == cap)
        {
          cap *= 2;
          if (heap_starts == NULL)
            {
              heap_starts = g_new (TlStart, cap);
              heap_ends = g_new (gint64, cap);
              memcpy (heap_starts, stack_starts, n * sizeof (TlStart));
              memcpy (heap_ends, stack_ends, n * sizeof (gint64));
            }
          else
            {
              heap_starts = g_renew (TlStart, heap_starts, cap);
              heap_ends = g_renew (gint64, heap_ends, cap);
            }
          starts = heap_starts;
          ends = heap_ends;
        }
      starts[n] = (TlStart) { MAX (s, start), it->tag };
      ends[n++] = e;
    }

  /* Fewer overlapping intervals than the limit: nothing can be overloaded */
  if (n < limit)
    return TRUE;

  if (n > G_N_ELEMENTS (stack_ends))
    qsort (ends, n, sizeof (gint64), tl_instant_cmp);
  else
    for (guint k = 1; k < n; k++)
      {
        gint64 e = ends[k];
        guint p;

        for (p = k; p > 0 && ends[p - 1] > e; p--)
          ends[p] = ends[p - 1];
        ends[p] = e;
      }

  while (i < n || j < n)
    {
      gint64 t = i < n && (j == n || starts[i].t < ends[j]) ? starts[i].t : ends[j];

      while (j < n && ends[j] == t)
        {
          count--;
          j++;
        }
      if (i < n && starts[i].t == t)
        {
          run_witness = G_MININT32;
          for (; i < n && starts[i].t == t; i++)
            {
              count++;
              run_witness = MAX (run_witness, starts[i].tag);
            }
        }

      /* count now holds on [t, next instant) */
      if (count >= (gint) limit && t < end)
        {
          if (!in_run)
            {
              in_run = TRUE;
              at = t;
              witness = run_witness;
            }
          found = TRUE;
          best = MAX (best, count);
        }
      else if (in_run && count < (gint) limit)
        {
          in_run = FALSE;
          run_end = t;
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

/* ---- the fleet: bucketed events under a prefix tree -------------------- */

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
} TlBucket;

/* A node of the tree over the buckets, relative to the count just before
 * its first bucket: the net change over its buckets, and the highest and
 * lowest count at any instant of them. A leaf is one bucket. Together
 * they give, in O(log n) and without touching the buckets in between,
 * the count at any bucket's start and the last (or first) bucket of a
 * range where the count reaches (or drops below) a limit. */
typedef struct
{
  gint32 sum;
  gint32 hi;
  gint32 lo;
} TlNode;

struct _MaintTlFleet
{
  gint64    t0;
  gint64    t1;
  gint64    width;
  guint     n_buckets;
  guint     size;     /* leaves in the tree: a power of two >= n_buckets */
  TlBucket *buckets;
  TlNode   *tree;     /* 2 * size nodes; node 1 is the root, leaf b is size + b */
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
  for (fleet->size = 1; fleet->size < fleet->n_buckets; fleet->size *= 2)
    ;
  fleet->buckets = g_new0 (TlBucket, fleet->n_buckets);
  fleet->tree = g_new0 (TlNode, 2 * fleet->size);
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
  g_free (fleet->tree);
  g_free (fleet);
}

void
maint_tl_fleet_reset (MaintTlFleet *fleet)
{
  for (guint i = 0; i < fleet->n_buckets; i++)
    fleet->buckets[i].n = 0;
  memset (fleet->tree, 0, 2 * fleet->size * sizeof (TlNode));
}

static inline guint
tl_bucket_of (const MaintTlFleet *fleet,
              gint64              t)
{
  return (guint) ((t - fleet->t0) / fleet->width);
}

static inline gint64
tl_bucket_start (const MaintTlFleet *fleet,
                 guint               b)
{
  return fleet->t0 + (gint64) b * fleet->width;
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
tl_fleet_leaf (MaintTlFleet *fleet,
               guint         b)
{
  const TlBucket *bucket = &fleet->buckets[b];
  gint32 count = 0, hi = G_MININT32, lo = G_MAXINT32;

  /* The count just before the bucket holds at its start unless an
   * instant at its start changes it */
  if (bucket->n == 0 || bucket->points[0].t > tl_bucket_start (fleet, b))
    hi = lo = 0;
  for (guint i = 0; i < bucket->n; i++)
    {
      count += bucket->points[i].starts - bucket->points[i].ends;
      hi = MAX (hi, count);
      lo = MIN (lo, count);
    }
  fleet->tree[fleet->size + b] = (TlNode) { count, hi, lo };
}

/* Recomputes node @i from its children; FALSE if it did not change. */
static inline gboolean
tl_fleet_node (MaintTlFleet *fleet,
               guint         i)
{
  const TlNode *l = &fleet->tree[2 * i], *r = &fleet->tree[2 * i + 1];
  TlNode n = {
    l->sum + r->sum,
    MAX (l->hi, l->sum + r->hi),
    MIN (l->lo, l->sum + r->lo),
  };
  TlNode *old = &fleet->tree[i];

  if (old->sum == n.sum && old->hi == n.hi && old->lo == n.lo)
    return FALSE;
  *old = n;
  return TRUE;
}

/* Recomputes the leaves of buckets @a <= @b and the nodes above them.
 * Below the node where the two paths meet every node changes (its net
 * change does); from there up, an unchanged node means unchanged
 * ancestors, which is the common case: a downtime rarely moves the
 * maximum of a large part of the horizon. */
static void
tl_fleet_update (MaintTlFleet *fleet,
                 guint         a,
                 guint         b)
{
  guint i = fleet->size + a, j = fleet->size + b;

  tl_fleet_leaf (fleet, a);
  if (b != a)
    tl_fleet_leaf (fleet, b);
  while (i != j)
    {
      i /= 2;
      j /= 2;
      tl_fleet_node (fleet, i);
      if (j != i)
        tl_fleet_node (fleet, j);
    }
  for (i /= 2; i >= 1; i /= 2)
    if (!tl_fleet_node (fleet, i))
      break;
}

/* The count just before bucket @b's start. */
static gint32
tl_fleet_base (const MaintTlFleet *fleet,
               guint               b)
{
  gint32 sum = 0;

  /* Sum of the leaves [0, b): walk up from leaf b, adding every left
   * sibling on the way */
  for (guint i = fleet->size + b; i > 1; i /= 2)
    if (i & 1)
      sum += fleet->tree[i - 1].sum;
  return sum;
}

/* The last bucket in [@l, @r] whose count reaches @limit at some instant,
 * or -1. @node covers buckets [@nl, @nl + @span) and @offset is the count
 * just before @nl. */
static gint
tl_fleet_last_reaching (const MaintTlFleet *fleet,
                        guint               node,
                        guint               nl,
                        guint               span,
                        gint32              offset,
                        guint               l,
                        guint               r,
                        gint32              limit)
{
  const TlNode *n = &fleet->tree[node];
  gint found;

  if (nl > r || nl + span <= l || offset + n->hi < limit)
    return -1;
  if (span == 1)
    return (gint) nl;
  found = tl_fleet_last_reaching (fleet, 2 * node + 1, nl + span / 2, span / 2,
                                  offset + fleet->tree[2 * node].sum, l, r, limit);
  if (found >= 0)
    return found;
  return tl_fleet_last_reaching (fleet, 2 * node, nl, span / 2, offset, l, r, limit);
}

/* The first bucket from @l on whose count drops below @limit at some
 * instant, or -1. Arguments as for tl_fleet_last_reaching(). */
static gint
tl_fleet_first_below (const MaintTlFleet *fleet,
                      guint               node,
                      guint               nl,
                      guint               span,
                      gint32              offset,
                      guint               l,
                      gint32              limit)
{
  const TlNode *n = &fleet->tree[node];
  gint found;

  if (nl + span <= l || nl >= fleet->n_buckets || offset + n->lo >= limit)
    return -1;
  if (span == 1)
    return (gint) nl;
  found = tl_fleet_first_below (fleet, 2 * node, nl, span / 2, offset, l, limit);
  if (found >= 0)
    return found;
  return tl_fleet_first_below (fleet, 2 * node + 1, nl + span / 2, span / 2,
                               offset + fleet->tree[2 * node].sum, l, limit);
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
  tl_bucket_change (&fleet->buckets[bs], start, delta, 0);
  be = bs;
  if (end < fleet->t1)
    {
      be = tl_bucket_of (fleet, end);
      tl_bucket_change (&fleet->buckets[be], end, 0, delta);
    }
  tl_fleet_update (fleet, bs, be);
}

/* The count is at least @limit at the end of bucket @b; returns the
 * instant after it where the count first drops below @limit. */
static gint64
tl_fleet_run_end (const MaintTlFleet *fleet,
                  guint               b,
                  gint32              limit)
{
  gint found = tl_fleet_first_below (fleet, 1, 0, fleet->size, 0, b + 1, limit);
  const TlBucket *bucket;
  gint32 count;

  if (found < 0)
    return G_MAXINT64;
  bucket = &fleet->buckets[found];
  count = tl_fleet_base (fleet, (guint) found);
  for (guint i = 0; i < bucket->n; i++)
    {
      count += bucket->points[i].starts - bucket->points[i].ends;
      if (count < limit)
        return bucket->points[i].t;
    }
  g_assert_not_reached ();
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
  gint b;

  g_assert (limit > 0);
  start = MAX (start, fleet->t0);
  end = MIN (end, fleet->t1);
  if (end <= start)
    return TRUE;

  bs = tl_bucket_of (fleet, start);
  be = tl_bucket_of (fleet, end - 1);

  /* From the last bucket backwards: the last overloaded run decides. The
   * tree skips every bucket where the limit is never reached; a bucket it
   * finds is scanned, and only the two end buckets can turn out to reach
   * the limit outside [start, end). */
  for (b = (gint) be;
       b >= (gint) bs && (b = tl_fleet_last_reaching (fleet, 1, 0, fleet->size, 0, bs, (guint) b, (gint32) limit)) >= 0;
       b--)
    {
      TlBucket *bucket = &fleet->buckets[b];
      gint64 b0 = tl_bucket_start (fleet, (guint) b);
      gint64 x = MAX (start, b0), y = MIN (end, b0 + fleet->width);
      gint32 count = tl_fleet_base (fleet, (guint) b);
      gboolean in_run = FALSE, found = FALSE;
      gint64 run_end = 0, at = 0;
      gint32 best = 0;

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
        run_end = tl_fleet_run_end (fleet, (guint) b, (gint32) limit);
      conflict->next = run_end;
      conflict->count = best;
      conflict->witness = -1;
      conflict->at = at;
      return FALSE;
    }

  return TRUE;
}
