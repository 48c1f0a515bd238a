/* maint-activity.h: a queued maintenance activity
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__MAINT_INSIDE__) && !defined(MAINT_COMPILATION)
# error "Only <libmaint/libmaint.h> can be included directly."
#endif

#include <glib-object.h>

#include <libmaint/maint-version-macros.h>
#include <libmaint/maint-enums.h>
#include <libmaint/maint-interval.h>

G_BEGIN_DECLS

#define MAINT_TYPE_ACTIVITY (maint_activity_get_type ())

MAINT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (MaintActivity, maint_activity, MAINT, ACTIVITY, GObject)

MAINT_AVAILABLE_IN_1_0
MaintActivity     *maint_activity_new               (const char        *id,
                                                     const char        *machine,
                                                     MaintActivityKind  kind);
MAINT_AVAILABLE_IN_1_0
const char        *maint_activity_get_id            (MaintActivity     *self);
MAINT_AVAILABLE_IN_1_0
const char        *maint_activity_get_machine       (MaintActivity     *self);
MAINT_AVAILABLE_IN_1_0
void               maint_activity_set_machine       (MaintActivity     *self,
                                                     const char        *machine);
MAINT_AVAILABLE_IN_1_0
MaintActivityKind  maint_activity_get_kind          (MaintActivity     *self);
MAINT_AVAILABLE_IN_1_0
void               maint_activity_set_kind          (MaintActivity     *self,
                                                     MaintActivityKind  kind);
MAINT_AVAILABLE_IN_1_0
const char        *maint_activity_get_summary       (MaintActivity     *self);
MAINT_AVAILABLE_IN_1_0
void               maint_activity_set_summary       (MaintActivity     *self,
                                                     const char        *summary);
MAINT_AVAILABLE_IN_1_0
gint64             maint_activity_get_estimate      (MaintActivity     *self);
MAINT_AVAILABLE_IN_1_0
void               maint_activity_set_estimate      (MaintActivity     *self,
                                                     gint64             seconds);
MAINT_AVAILABLE_IN_1_0
MaintRebootKind    maint_activity_get_reboot        (MaintActivity     *self);
MAINT_AVAILABLE_IN_1_0
void               maint_activity_set_reboot        (MaintActivity     *self,
                                                     MaintRebootKind    reboot);
MAINT_AVAILABLE_IN_1_0
MaintPriority      maint_activity_get_priority      (MaintActivity     *self);
MAINT_AVAILABLE_IN_1_0
void               maint_activity_set_priority      (MaintActivity     *self,
                                                     MaintPriority      priority);
MAINT_AVAILABLE_IN_1_0
gint64             maint_activity_get_not_before    (MaintActivity     *self);
MAINT_AVAILABLE_IN_1_0
void               maint_activity_set_not_before    (MaintActivity     *self,
                                                     gint64             instant);
MAINT_AVAILABLE_IN_1_0
gint64             maint_activity_get_deadline      (MaintActivity     *self);
MAINT_AVAILABLE_IN_1_0
void               maint_activity_set_deadline      (MaintActivity     *self,
                                                     gint64             instant);
MAINT_AVAILABLE_IN_1_0
const char        *maint_activity_get_rollout       (MaintActivity     *self);
MAINT_AVAILABLE_IN_1_0
void               maint_activity_set_rollout       (MaintActivity     *self,
                                                     const char        *rollout);
MAINT_AVAILABLE_IN_1_0
MaintInterval     *maint_activity_get_scheduled     (MaintActivity     *self);
MAINT_AVAILABLE_IN_1_0
void               maint_activity_set_scheduled     (MaintActivity     *self,
                                                     MaintInterval     *scheduled);
MAINT_AVAILABLE_IN_1_0
gint64             maint_activity_get_announced_at  (MaintActivity     *self);
MAINT_AVAILABLE_IN_1_0
void               maint_activity_set_announced_at  (MaintActivity     *self,
                                                     gint64             instant);
MAINT_AVAILABLE_IN_1_0
gboolean           maint_activity_equal             (MaintActivity     *a,
                                                     MaintActivity     *b);

G_END_DECLS
