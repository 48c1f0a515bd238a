/* maint-timeline-private.h: capacity counters over time for the solver
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The solver asks one question millions of times: "if this machine were
 * down over [start, end), would fewer than LIMIT other downtimes of this
 * resource overlap it at every instant?" and, when the answer is no,
 * "what is the earliest later start that could possibly work?". Both
 * structures answer that exactly, to the second:
 *
 * - MaintTlList: a sorted array of tagged intervals, for the many small
 *   resources (a host's guests, a group, a service, one machine);
 * - MaintTlFleet: fixed-width buckets of +1/-1 events under a tree that
 *   keeps, per range of buckets, the net change and the highest and
 *   lowest count, for the one large resource (the whole fleet).
 *   Inserting a downtime touches its two end buckets and O(log n) tree
 *   nodes, however many buckets it spans; a query finds the last bucket
 *   of its range where the limit is reached in O(log n) and scans events
 *   only there. (Buckets alone made an insertion walk every bucket a
 *   downtime spans, which grew with the fleet: buckets get narrower as
 *   instants get denser.)
 */
#pragma once

#ifndef MAINT_COMPILATION
# error "This is a private header of libmaint."
#endif

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64 start;
  gint64 end;
  gint32 tag;     /* a machine index: lets a query ignore one machine */
} MaintTlInterval;

/* Most lists hold one interval: a machine's own downtime. That one lives
 * in the list itself, so the solver's checks of a machine read no other
 * memory; a second interval moves them all to the heap. */
#define MAINT_TL_LOCAL 1

typedef struct
{
  MaintTlInterval *heap;    /* the intervals when alloc > 0 */
  guint            len;
  guint            alloc;   /* 0: they are in local */
  gint64           max_len; /* longest interval ever added: bounds the scan */
  MaintTlInterval  local[MAINT_TL_LOCAL];
} MaintTlList;

/* The intervals, sorted by (start, end, tag). */
static inline MaintTlInterval *
maint_tl_list_items (const MaintTlList *list)
{
  return list->alloc > 0 ? list->heap : (MaintTlInterval *) list->local;
}

/* What a failed check found: the highest count over the range, one
 * interval present at the overloaded instant (its tag, or -1 for the
 * fleet), and the earliest start after the failed one that is not
 * excluded by this resource alone. */
typedef struct
{
  gint64 next;
  gint   count;
  gint32 witness;
  gint64 at;      /* an instant where the limit is reached */
} MaintTlConflict;

void     maint_tl_list_clear  (MaintTlList      *list);
/* Removes every interval, keeping the storage (and max_len, which only
 * bounds scans): the same answers as removing them one by one. */
void     maint_tl_list_reset  (MaintTlList      *list);
void     maint_tl_list_add    (MaintTlList      *list,
                               gint64            start,
                               gint64            end,
                               gint32            tag);
gboolean maint_tl_list_remove (MaintTlList      *list,
                               gint64            start,
                               gint64            end,
                               gint32            tag);

/* TRUE when, at every instant of [start, end), fewer than @limit intervals
 * overlap it, counting only intervals whose tag is not @exclude, each
 * widened by @pad on both sides. FALSE fills @conflict. @limit > 0. */
gboolean maint_tl_list_check  (const MaintTlList *list,
                               gint64             start,
                               gint64             end,
                               guint              limit,
                               gint64             pad,
                               gint32             exclude,
                               MaintTlConflict   *conflict);

typedef struct _MaintTlFleet MaintTlFleet;

/* A counter over [@t0, @t1); intervals are clipped to it. @expected is
 * the number of intervals the caller expects (sizes the buckets). */
MaintTlFleet *maint_tl_fleet_new   (gint64        t0,
                                    gint64        t1,
                                    guint         expected);
void          maint_tl_fleet_free  (MaintTlFleet *fleet);
/* Back to no intervals at all, keeping the buckets' storage. */
void          maint_tl_fleet_reset (MaintTlFleet *fleet);
void          maint_tl_fleet_add   (MaintTlFleet *fleet,
                                    gint64        start,
                                    gint64        end,
                                    int           delta);
gboolean      maint_tl_fleet_check (MaintTlFleet    *fleet,
                                    gint64           start,
                                    gint64           end,
                                    guint            limit,
                                    MaintTlConflict *conflict);

G_END_DECLS
