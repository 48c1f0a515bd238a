/* maint-window-spec.h: recurring maintenance windows in a time zone
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__MAINT_INSIDE__) && !defined(MAINT_COMPILATION)
# error "Only <libmaint/libmaint.h> can be included directly."
#endif

#include <glib-object.h>

#include <libmaint/maint-version-macros.h>
#include <libmaint/maint-interval.h>

G_BEGIN_DECLS

#define MAINT_TYPE_WINDOW_SPEC (maint_window_spec_get_type ())

typedef struct _MaintWindowSpec MaintWindowSpec;

MAINT_AVAILABLE_IN_1_0
GType            maint_window_spec_get_type         (void) G_GNUC_CONST;
MAINT_AVAILABLE_IN_1_0
MaintWindowSpec *maint_window_spec_parse            (const char             *text,
                                                     GError                **error);
MAINT_AVAILABLE_IN_1_0
MaintWindowSpec *maint_window_spec_ref              (MaintWindowSpec        *spec);
MAINT_AVAILABLE_IN_1_0
void             maint_window_spec_unref            (MaintWindowSpec        *spec);
MAINT_AVAILABLE_IN_1_0
char            *maint_window_spec_to_string        (const MaintWindowSpec  *spec);
MAINT_AVAILABLE_IN_1_0
guint            maint_window_spec_get_days         (const MaintWindowSpec  *spec);
MAINT_AVAILABLE_IN_1_0
guint            maint_window_spec_get_start_minute (const MaintWindowSpec  *spec);
MAINT_AVAILABLE_IN_1_0
guint            maint_window_spec_get_end_minute   (const MaintWindowSpec  *spec);
MAINT_AVAILABLE_IN_1_0
gboolean         maint_window_spec_crosses_midnight (const MaintWindowSpec  *spec);
MAINT_AVAILABLE_IN_1_0
gboolean         maint_window_spec_equal            (const MaintWindowSpec  *a,
                                                     const MaintWindowSpec  *b);
MAINT_AVAILABLE_IN_1_0
MaintInterval   *maint_window_spec_next_occurrence  (const MaintWindowSpec  *spec,
                                                     const char             *zone,
                                                     gint64                  after,
                                                     GError                **error);
MAINT_AVAILABLE_IN_1_0
MaintInterval   *maint_window_spec_occurrence_containing (const MaintWindowSpec  *spec,
                                                          const char             *zone,
                                                          gint64                  instant,
                                                          GError                **error);
MAINT_AVAILABLE_IN_1_0
GPtrArray       *maint_window_spec_occurrences      (const MaintWindowSpec  *spec,
                                                     const char             *zone,
                                                     gint64                  from,
                                                     gint64                  to,
                                                     GError                **error);
MAINT_AVAILABLE_IN_1_0
MaintIntervalSet *maint_window_specs_expand         (MaintWindowSpec * const *specs,
                                                     gsize                    n_specs,
                                                     const char              *zone,
                                                     gint64                   from,
                                                     gint64                   to,
                                                     GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MaintWindowSpec, maint_window_spec_unref)

G_END_DECLS
