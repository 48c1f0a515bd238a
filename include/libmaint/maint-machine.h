/* maint-machine.h: a machine: VM, host or infrastructure
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

#define MAINT_TYPE_MACHINE (maint_machine_get_type ())

MAINT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (MaintMachine, maint_machine, MAINT, MACHINE, GObject)

MAINT_AVAILABLE_IN_1_0
MaintMachine     *maint_machine_new                (const char       *name,
                                                    const char       *group,
                                                    MaintMachineKind  kind);
MAINT_AVAILABLE_IN_1_0
const char       *maint_machine_get_name           (MaintMachine     *self);
MAINT_AVAILABLE_IN_1_0
const char       *maint_machine_get_group          (MaintMachine     *self);
MAINT_AVAILABLE_IN_1_0
void              maint_machine_set_group          (MaintMachine     *self,
                                                    const char       *group);
MAINT_AVAILABLE_IN_1_0
MaintMachineKind  maint_machine_get_kind           (MaintMachine     *self);
MAINT_AVAILABLE_IN_1_0
void              maint_machine_set_kind           (MaintMachine     *self,
                                                    MaintMachineKind  kind);
MAINT_AVAILABLE_IN_1_0
const char       *maint_machine_get_host           (MaintMachine     *self);
MAINT_AVAILABLE_IN_1_0
void              maint_machine_set_host           (MaintMachine     *self,
                                                    const char       *host);
MAINT_AVAILABLE_IN_1_0
gboolean          maint_machine_get_auto_schedule  (MaintMachine     *self);
MAINT_AVAILABLE_IN_1_0
void              maint_machine_set_auto_schedule  (MaintMachine     *self,
                                                    gboolean          auto_schedule);
MAINT_AVAILABLE_IN_1_0
gboolean          maint_machine_get_representative (MaintMachine     *self);
MAINT_AVAILABLE_IN_1_0
void              maint_machine_set_representative (MaintMachine     *self,
                                                    gboolean          representative);
MAINT_AVAILABLE_IN_1_0
MaintStage        maint_machine_get_stage          (MaintMachine     *self);
MAINT_AVAILABLE_IN_1_0
void              maint_machine_set_stage          (MaintMachine     *self,
                                                    MaintStage        stage);
MAINT_AVAILABLE_IN_1_0
gint64            maint_machine_get_booted_at      (MaintMachine     *self);
MAINT_AVAILABLE_IN_1_0
void              maint_machine_set_booted_at      (MaintMachine     *self,
                                                    gint64            instant);
MAINT_AVAILABLE_IN_1_0
guint             maint_machine_get_reboots        (MaintMachine     *self);
MAINT_AVAILABLE_IN_1_0
void              maint_machine_set_reboots        (MaintMachine     *self,
                                                    guint             reboots);
MAINT_AVAILABLE_IN_1_0
gboolean          maint_machine_equal              (MaintMachine     *a,
                                                    MaintMachine     *b);

G_END_DECLS
