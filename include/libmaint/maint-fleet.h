/* maint-fleet.h: the whole planning input
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

#include <libmaint/maint-policy.h>
#include <libmaint/maint-resource-group.h>
#include <libmaint/maint-machine.h>
#include <libmaint/maint-service.h>
#include <libmaint/maint-activity.h>
#include <libmaint/maint-rollout.h>

/**
 * MAINT_FLEET_FORMAT:
 *
 * The value of the `format` member of the fleet documents this version
 * reads and writes.
 */
#define MAINT_FLEET_FORMAT "libmaint-fleet/1"

#define MAINT_TYPE_FLEET (maint_fleet_get_type ())

MAINT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (MaintFleet, maint_fleet, MAINT, FLEET, GObject)

MAINT_AVAILABLE_IN_1_0
MaintFleet         *maint_fleet_new                 (void);
MAINT_AVAILABLE_IN_1_0
MaintFleet         *maint_fleet_new_from_file       (const char          *path,
                                                     GError             **error);
MAINT_AVAILABLE_IN_1_0
MaintFleet         *maint_fleet_new_from_data       (const char          *data,
                                                     gssize               length,
                                                     GError             **error);
MAINT_AVAILABLE_IN_1_0
char               *maint_fleet_to_data             (MaintFleet          *self,
                                                     gsize               *length);
MAINT_AVAILABLE_IN_1_0
gboolean            maint_fleet_save_to_file        (MaintFleet          *self,
                                                     const char          *path,
                                                     GError             **error);
MAINT_AVAILABLE_IN_1_0
gboolean            maint_fleet_validate            (MaintFleet          *self,
                                                     GError             **error);
MAINT_AVAILABLE_IN_1_0
gint64              maint_fleet_get_now             (MaintFleet          *self);
MAINT_AVAILABLE_IN_1_0
void                maint_fleet_set_now             (MaintFleet          *self,
                                                     gint64               now);
MAINT_AVAILABLE_IN_1_0
MaintPolicy        *maint_fleet_get_policy          (MaintFleet          *self);
MAINT_AVAILABLE_IN_1_0
void                maint_fleet_set_policy          (MaintFleet          *self,
                                                     MaintPolicy         *policy);
MAINT_AVAILABLE_IN_1_0
gboolean            maint_fleet_add_group           (MaintFleet          *self,
                                                     MaintResourceGroup  *group,
                                                     GError             **error);
MAINT_AVAILABLE_IN_1_0
gboolean            maint_fleet_add_machine         (MaintFleet          *self,
                                                     MaintMachine        *machine,
                                                     GError             **error);
MAINT_AVAILABLE_IN_1_0
gboolean            maint_fleet_add_service         (MaintFleet          *self,
                                                     MaintService        *service,
                                                     GError             **error);
MAINT_AVAILABLE_IN_1_0
gboolean            maint_fleet_add_activity        (MaintFleet          *self,
                                                     MaintActivity       *activity,
                                                     GError             **error);
MAINT_AVAILABLE_IN_1_0
gboolean            maint_fleet_add_rollout         (MaintFleet          *self,
                                                     MaintRollout        *rollout,
                                                     GError             **error);
MAINT_AVAILABLE_IN_1_0
GPtrArray          *maint_fleet_get_groups          (MaintFleet          *self);
MAINT_AVAILABLE_IN_1_0
GPtrArray          *maint_fleet_get_machines        (MaintFleet          *self);
MAINT_AVAILABLE_IN_1_0
GPtrArray          *maint_fleet_get_services        (MaintFleet          *self);
MAINT_AVAILABLE_IN_1_0
GPtrArray          *maint_fleet_get_activities      (MaintFleet          *self);
MAINT_AVAILABLE_IN_1_0
GPtrArray          *maint_fleet_get_rollouts        (MaintFleet          *self);
MAINT_AVAILABLE_IN_1_0
MaintResourceGroup *maint_fleet_lookup_group        (MaintFleet          *self,
                                                     const char          *name);
MAINT_AVAILABLE_IN_1_0
MaintMachine       *maint_fleet_lookup_machine      (MaintFleet          *self,
                                                     const char          *name);
MAINT_AVAILABLE_IN_1_0
MaintService       *maint_fleet_lookup_service      (MaintFleet          *self,
                                                     const char          *name);
MAINT_AVAILABLE_IN_1_0
MaintActivity      *maint_fleet_lookup_activity     (MaintFleet          *self,
                                                     const char          *id);
MAINT_AVAILABLE_IN_1_0
MaintRollout       *maint_fleet_lookup_rollout      (MaintFleet          *self,
                                                     const char          *name);
MAINT_AVAILABLE_IN_1_0
MaintActivity      *maint_fleet_resolve_activity    (MaintFleet          *self,
                                                     const char          *id);
MAINT_AVAILABLE_IN_1_0
MaintStage          maint_fleet_get_machine_stage   (MaintFleet          *self,
                                                     MaintMachine        *machine);
MAINT_AVAILABLE_IN_1_0
gboolean            maint_fleet_equal               (MaintFleet          *a,
                                                     MaintFleet          *b);

G_END_DECLS
