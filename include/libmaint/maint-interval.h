/* maint-interval.h: UTC intervals and normalized interval sets
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__MAINT_INSIDE__) && !defined(MAINT_COMPILATION)
# error "Only <libmaint/libmaint.h> can be included directly."
#endif

#include <glib-object.h>

#include <libmaint/maint-version-macros.h>

G_BEGIN_DECLS

#define MAINT_TYPE_INTERVAL (maint_interval_get_type ())
#define MAINT_TYPE_INTERVAL_SET (maint_interval_set_get_type ())

typedef struct _MaintInterval MaintInterval;
typedef struct _MaintIntervalSet MaintIntervalSet;

MAINT_AVAILABLE_IN_1_0
GType          maint_interval_get_type      (void) G_GNUC_CONST;
MAINT_AVAILABLE_IN_1_0
MaintInterval *maint_interval_new           (gint64               start,
                                             gint64               end);
MAINT_AVAILABLE_IN_1_0
MaintInterval *maint_interval_ref           (MaintInterval       *interval);
MAINT_AVAILABLE_IN_1_0
void           maint_interval_unref         (MaintInterval       *interval);
MAINT_AVAILABLE_IN_1_0
gint64         maint_interval_get_start     (const MaintInterval *interval);
MAINT_AVAILABLE_IN_1_0
gint64         maint_interval_get_end       (const MaintInterval *interval);
MAINT_AVAILABLE_IN_1_0
gint64         maint_interval_get_duration  (const MaintInterval *interval);
MAINT_AVAILABLE_IN_1_0
gboolean       maint_interval_is_empty      (const MaintInterval *interval);
MAINT_AVAILABLE_IN_1_0
gboolean       maint_interval_contains      (const MaintInterval *interval,
                                             gint64               instant);
MAINT_AVAILABLE_IN_1_0
gboolean       maint_interval_contains_interval (const MaintInterval *interval,
                                                 const MaintInterval *other);
MAINT_AVAILABLE_IN_1_0
gboolean       maint_interval_overlaps      (const MaintInterval *interval,
                                             const MaintInterval *other);
MAINT_AVAILABLE_IN_1_0
MaintInterval *maint_interval_intersect     (const MaintInterval *interval,
                                             const MaintInterval *other);
MAINT_AVAILABLE_IN_1_0
gboolean       maint_interval_equal         (const MaintInterval *a,
                                             const MaintInterval *b);
MAINT_AVAILABLE_IN_1_0
int            maint_interval_compare       (const MaintInterval *a,
                                             const MaintInterval *b);
MAINT_AVAILABLE_IN_1_0
char          *maint_interval_to_string     (const MaintInterval *interval);

MAINT_AVAILABLE_IN_1_0
GType             maint_interval_set_get_type     (void) G_GNUC_CONST;
MAINT_AVAILABLE_IN_1_0
MaintIntervalSet *maint_interval_set_new          (void);
MAINT_AVAILABLE_IN_1_0
MaintIntervalSet *maint_interval_set_new_from_intervals (MaintInterval * const *intervals,
                                                         gsize                  n_intervals);
MAINT_AVAILABLE_IN_1_0
MaintIntervalSet *maint_interval_set_ref          (MaintIntervalSet       *set);
MAINT_AVAILABLE_IN_1_0
void              maint_interval_set_unref        (MaintIntervalSet       *set);
MAINT_AVAILABLE_IN_1_0
guint             maint_interval_set_get_n_intervals (const MaintIntervalSet *set);
MAINT_AVAILABLE_IN_1_0
MaintInterval    *maint_interval_set_get_interval (const MaintIntervalSet *set,
                                                   guint                   index_);
MAINT_AVAILABLE_IN_1_0
gboolean          maint_interval_set_is_empty     (const MaintIntervalSet *set);
MAINT_AVAILABLE_IN_1_0
gint64            maint_interval_set_get_total    (const MaintIntervalSet *set);
MAINT_AVAILABLE_IN_1_0
MaintIntervalSet *maint_interval_set_add          (const MaintIntervalSet *set,
                                                   gint64                  start,
                                                   gint64                  end);
MAINT_AVAILABLE_IN_1_0
MaintIntervalSet *maint_interval_set_union        (const MaintIntervalSet *a,
                                                   const MaintIntervalSet *b);
MAINT_AVAILABLE_IN_1_0
MaintIntervalSet *maint_interval_set_intersect    (const MaintIntervalSet *a,
                                                   const MaintIntervalSet *b);
MAINT_AVAILABLE_IN_1_0
MaintIntervalSet *maint_interval_set_subtract     (const MaintIntervalSet *a,
                                                   const MaintIntervalSet *b);
MAINT_AVAILABLE_IN_1_0
gboolean          maint_interval_set_contains     (const MaintIntervalSet *set,
                                                   gint64                  instant);
MAINT_AVAILABLE_IN_1_0
gboolean          maint_interval_set_contains_interval (const MaintIntervalSet *set,
                                                        gint64                  start,
                                                        gint64                  end);
MAINT_AVAILABLE_IN_1_0
gboolean          maint_interval_set_overlaps     (const MaintIntervalSet *set,
                                                   gint64                  start,
                                                   gint64                  end);
MAINT_AVAILABLE_IN_1_0
gboolean          maint_interval_set_equal        (const MaintIntervalSet *a,
                                                   const MaintIntervalSet *b);
MAINT_AVAILABLE_IN_1_0
char             *maint_interval_set_to_string    (const MaintIntervalSet *set);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MaintInterval, maint_interval_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MaintIntervalSet, maint_interval_set_unref)

G_END_DECLS
