/* maint-rollout.h: updates rolled out over the fleet in waves
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
#include <libmaint/maint-activity.h>
#include <libmaint/maint-machine.h>

G_BEGIN_DECLS

#define MAINT_TYPE_WAVE (maint_wave_get_type ())

MAINT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (MaintWave, maint_wave, MAINT, WAVE, GObject)

MAINT_AVAILABLE_IN_1_0
MaintWave        *maint_wave_new                   (const char       *name);
MAINT_AVAILABLE_IN_1_0
const char       *maint_wave_get_name              (MaintWave        *self);
MAINT_AVAILABLE_IN_1_0
gint64            maint_wave_get_from              (MaintWave        *self);
MAINT_AVAILABLE_IN_1_0
void              maint_wave_set_from              (MaintWave        *self,
                                                    gint64            instant);
MAINT_AVAILABLE_IN_1_0
gint64            maint_wave_get_until             (MaintWave        *self);
MAINT_AVAILABLE_IN_1_0
void              maint_wave_set_until             (MaintWave        *self,
                                                    gint64            instant);
MAINT_AVAILABLE_IN_1_0
gdouble           maint_wave_get_share             (MaintWave        *self);
MAINT_AVAILABLE_IN_1_0
void              maint_wave_set_share             (MaintWave        *self,
                                                    gdouble           share);
MAINT_AVAILABLE_IN_1_0
gboolean          maint_wave_get_select_by_kind    (MaintWave        *self);
MAINT_AVAILABLE_IN_1_0
MaintMachineKind  maint_wave_get_select_kind       (MaintWave        *self);
MAINT_AVAILABLE_IN_1_0
void              maint_wave_set_select_kind       (MaintWave        *self,
                                                    MaintMachineKind  kind);
MAINT_AVAILABLE_IN_1_0
void              maint_wave_unset_select_kind     (MaintWave        *self);
MAINT_AVAILABLE_IN_1_0
gboolean          maint_wave_get_select_representative (MaintWave    *self);
MAINT_AVAILABLE_IN_1_0
void              maint_wave_set_select_representative (MaintWave    *self,
                                                        gboolean      representative);
MAINT_AVAILABLE_IN_1_0
MaintStage        maint_wave_get_select_stage      (MaintWave        *self);
MAINT_AVAILABLE_IN_1_0
void              maint_wave_set_select_stage      (MaintWave        *self,
                                                    MaintStage        stage);
MAINT_AVAILABLE_IN_1_0
gboolean          maint_wave_equal                 (MaintWave        *a,
                                                    MaintWave        *b);

#define MAINT_TYPE_ROLLOUT (maint_rollout_get_type ())

MAINT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (MaintRollout, maint_rollout, MAINT, ROLLOUT, GObject)

MAINT_AVAILABLE_IN_1_0
MaintRollout      *maint_rollout_new                   (const char        *name);
MAINT_AVAILABLE_IN_1_0
const char        *maint_rollout_get_name              (MaintRollout      *self);
MAINT_AVAILABLE_IN_1_0
gint64             maint_rollout_get_staging_lead      (MaintRollout      *self);
MAINT_AVAILABLE_IN_1_0
void               maint_rollout_set_staging_lead      (MaintRollout      *self,
                                                        gint64             seconds);
MAINT_AVAILABLE_IN_1_0
MaintInterval     *maint_rollout_get_host_reboots      (MaintRollout      *self);
MAINT_AVAILABLE_IN_1_0
void               maint_rollout_set_host_reboots      (MaintRollout      *self,
                                                        MaintInterval     *interval);
MAINT_AVAILABLE_IN_1_0
gint64             maint_rollout_get_host_reboot_estimate (MaintRollout   *self);
MAINT_AVAILABLE_IN_1_0
void               maint_rollout_set_host_reboot_estimate (MaintRollout   *self,
                                                           gint64          seconds);
MAINT_AVAILABLE_IN_1_0
guint              maint_rollout_get_halt_after_failures (MaintRollout    *self);
MAINT_AVAILABLE_IN_1_0
void               maint_rollout_set_halt_after_failures (MaintRollout    *self,
                                                          guint            failures);
MAINT_AVAILABLE_IN_1_0
MaintActivityKind  maint_rollout_get_template_kind     (MaintRollout      *self);
MAINT_AVAILABLE_IN_1_0
void               maint_rollout_set_template_kind     (MaintRollout      *self,
                                                        MaintActivityKind  kind);
MAINT_AVAILABLE_IN_1_0
const char        *maint_rollout_get_template_summary  (MaintRollout      *self);
MAINT_AVAILABLE_IN_1_0
void               maint_rollout_set_template_summary  (MaintRollout      *self,
                                                        const char        *summary);
MAINT_AVAILABLE_IN_1_0
gint64             maint_rollout_get_template_estimate (MaintRollout      *self);
MAINT_AVAILABLE_IN_1_0
void               maint_rollout_set_template_estimate (MaintRollout      *self,
                                                        gint64             seconds);
MAINT_AVAILABLE_IN_1_0
MaintRebootKind    maint_rollout_get_template_reboot   (MaintRollout      *self);
MAINT_AVAILABLE_IN_1_0
void               maint_rollout_set_template_reboot   (MaintRollout      *self,
                                                        MaintRebootKind    reboot);
MAINT_AVAILABLE_IN_1_0
MaintPriority      maint_rollout_get_template_priority (MaintRollout      *self);
MAINT_AVAILABLE_IN_1_0
void               maint_rollout_set_template_priority (MaintRollout      *self,
                                                        MaintPriority      priority);
MAINT_AVAILABLE_IN_1_0
GPtrArray         *maint_rollout_get_waves             (MaintRollout      *self);
MAINT_AVAILABLE_IN_1_0
void               maint_rollout_add_wave              (MaintRollout      *self,
                                                        MaintWave         *wave);
MAINT_AVAILABLE_IN_1_0
MaintActivity     *maint_rollout_new_activity          (MaintRollout      *self,
                                                        MaintMachine      *machine);
MAINT_AVAILABLE_IN_1_0
gboolean           maint_rollout_equal                 (MaintRollout      *a,
                                                        MaintRollout      *b);

G_END_DECLS
