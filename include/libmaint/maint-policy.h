/* maint-policy.h: fleet-wide planning policy
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

#define MAINT_TYPE_POLICY (maint_policy_get_type ())

MAINT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (MaintPolicy, maint_policy, MAINT, POLICY, GObject)

MAINT_AVAILABLE_IN_1_0
MaintPolicy *maint_policy_new                           (void);
MAINT_AVAILABLE_IN_1_0
gint64       maint_policy_get_horizon                   (MaintPolicy *self);
MAINT_AVAILABLE_IN_1_0
void         maint_policy_set_horizon                   (MaintPolicy *self,
                                                         gint64       seconds);
MAINT_AVAILABLE_IN_1_0
gint64       maint_policy_get_setup                     (MaintPolicy *self);
MAINT_AVAILABLE_IN_1_0
void         maint_policy_set_setup                     (MaintPolicy *self,
                                                         gint64       seconds);
MAINT_AVAILABLE_IN_1_0
gint64       maint_policy_get_min_slot                  (MaintPolicy *self);
MAINT_AVAILABLE_IN_1_0
void         maint_policy_set_min_slot                  (MaintPolicy *self,
                                                         gint64       seconds);
MAINT_AVAILABLE_IN_1_0
guint        maint_policy_get_max_concurrent            (MaintPolicy *self);
MAINT_AVAILABLE_IN_1_0
void         maint_policy_set_max_concurrent            (MaintPolicy *self,
                                                         guint        count);
MAINT_AVAILABLE_IN_1_0
guint        maint_policy_get_max_concurrent_per_host   (MaintPolicy *self);
MAINT_AVAILABLE_IN_1_0
void         maint_policy_set_max_concurrent_per_host   (MaintPolicy *self,
                                                         guint        count);
MAINT_AVAILABLE_IN_1_0
gint64       maint_policy_get_emergency_notice          (MaintPolicy *self);
MAINT_AVAILABLE_IN_1_0
void         maint_policy_set_emergency_notice          (MaintPolicy *self,
                                                         gint64       seconds);
MAINT_AVAILABLE_IN_1_0
gint64       maint_policy_get_max_uptime                (MaintPolicy *self);
MAINT_AVAILABLE_IN_1_0
void         maint_policy_set_max_uptime                (MaintPolicy *self,
                                                         gint64       seconds);
MAINT_AVAILABLE_IN_1_0
gboolean     maint_policy_get_coalesce_with_host_reboot (MaintPolicy *self);
MAINT_AVAILABLE_IN_1_0
void         maint_policy_set_coalesce_with_host_reboot (MaintPolicy *self,
                                                         gboolean     coalesce);
MAINT_AVAILABLE_IN_1_0
gboolean     maint_policy_equal                         (MaintPolicy *a,
                                                         MaintPolicy *b);

G_END_DECLS
