/* maint-resource-group.h: a customer's set of machines and its maintenance settings
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

#include <libmaint/maint-window-spec.h>

#define MAINT_TYPE_RESOURCE_GROUP (maint_resource_group_get_type ())

MAINT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (MaintResourceGroup, maint_resource_group, MAINT, RESOURCE_GROUP, GObject)

MAINT_AVAILABLE_IN_1_0
MaintResourceGroup  *maint_resource_group_new              (const char          *name);
MAINT_AVAILABLE_IN_1_0
const char          *maint_resource_group_get_name         (MaintResourceGroup  *self);
MAINT_AVAILABLE_IN_1_0
const char * const  *maint_resource_group_get_contacts     (MaintResourceGroup  *self);
MAINT_AVAILABLE_IN_1_0
void                 maint_resource_group_set_contacts     (MaintResourceGroup  *self,
                                                            const char * const  *contacts);
MAINT_AVAILABLE_IN_1_0
const char          *maint_resource_group_get_timezone     (MaintResourceGroup  *self);
MAINT_AVAILABLE_IN_1_0
void                 maint_resource_group_set_timezone     (MaintResourceGroup  *self,
                                                            const char          *zone);
MAINT_AVAILABLE_IN_1_0
const char          *maint_resource_group_get_locale       (MaintResourceGroup  *self);
MAINT_AVAILABLE_IN_1_0
void                 maint_resource_group_set_locale       (MaintResourceGroup  *self,
                                                            const char          *locale);
MAINT_AVAILABLE_IN_1_0
gint64               maint_resource_group_get_notice       (MaintResourceGroup  *self);
MAINT_AVAILABLE_IN_1_0
void                 maint_resource_group_set_notice       (MaintResourceGroup  *self,
                                                            gint64               seconds);
MAINT_AVAILABLE_IN_1_0
MaintStage           maint_resource_group_get_stage        (MaintResourceGroup  *self);
MAINT_AVAILABLE_IN_1_0
void                 maint_resource_group_set_stage        (MaintResourceGroup  *self,
                                                            MaintStage           stage);
MAINT_AVAILABLE_IN_1_0
guint                maint_resource_group_get_max_concurrent (MaintResourceGroup *self);
MAINT_AVAILABLE_IN_1_0
void                 maint_resource_group_set_max_concurrent (MaintResourceGroup *self,
                                                              guint               count);
MAINT_AVAILABLE_IN_1_0
GPtrArray           *maint_resource_group_get_windows      (MaintResourceGroup  *self);
MAINT_AVAILABLE_IN_1_0
void                 maint_resource_group_add_window       (MaintResourceGroup  *self,
                                                            MaintWindowSpec     *spec);
MAINT_AVAILABLE_IN_1_0
void                 maint_resource_group_clear_windows    (MaintResourceGroup  *self);
MAINT_AVAILABLE_IN_1_0
GPtrArray           *maint_resource_group_get_blackouts    (MaintResourceGroup  *self);
MAINT_AVAILABLE_IN_1_0
void                 maint_resource_group_add_blackout     (MaintResourceGroup  *self,
                                                            MaintInterval       *blackout);
MAINT_AVAILABLE_IN_1_0
void                 maint_resource_group_clear_blackouts  (MaintResourceGroup  *self);
MAINT_AVAILABLE_IN_1_0
MaintIntervalSet    *maint_resource_group_get_maintenance_intervals (MaintResourceGroup  *self,
                                                                     gint64               from,
                                                                     gint64               to,
                                                                     GError             **error);
MAINT_AVAILABLE_IN_1_0
gboolean             maint_resource_group_equal            (MaintResourceGroup  *a,
                                                            MaintResourceGroup  *b);

G_END_DECLS
