/* maint-plan.h: a dated maintenance plan
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
#include <libmaint/maint-fleet.h>

G_BEGIN_DECLS

/**
 * MAINT_PLAN_FORMAT:
 *
 * The value of the `format` member of the plan documents this version
 * reads and writes.
 */
#define MAINT_PLAN_FORMAT "libmaint-plan/1"

/* A slot: one machine's downtime, holding one or more of its activities. */
#define MAINT_TYPE_SLOT (maint_slot_get_type ())
MAINT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (MaintSlot, maint_slot, MAINT, SLOT, GObject)

MAINT_AVAILABLE_IN_1_0
MaintSlot          *maint_slot_new              (const char          *machine,
                                                 gint64               start,
                                                 gint64               end);
MAINT_AVAILABLE_IN_1_0
const char         *maint_slot_get_machine      (MaintSlot           *self);
MAINT_AVAILABLE_IN_1_0
const char         *maint_slot_get_group        (MaintSlot           *self);
MAINT_AVAILABLE_IN_1_0
void                maint_slot_set_group        (MaintSlot           *self,
                                                 const char          *group);
MAINT_AVAILABLE_IN_1_0
gint64              maint_slot_get_start        (MaintSlot           *self);
MAINT_AVAILABLE_IN_1_0
gint64              maint_slot_get_end          (MaintSlot           *self);
MAINT_AVAILABLE_IN_1_0
const char         *maint_slot_get_local_start  (MaintSlot           *self);
MAINT_AVAILABLE_IN_1_0
void                maint_slot_set_local_start  (MaintSlot           *self,
                                                 const char          *local_start);
MAINT_AVAILABLE_IN_1_0
const char         *maint_slot_get_local_end    (MaintSlot           *self);
MAINT_AVAILABLE_IN_1_0
void                maint_slot_set_local_end    (MaintSlot           *self,
                                                 const char          *local_end);
MAINT_AVAILABLE_IN_1_0
const char * const *maint_slot_get_activities   (MaintSlot           *self);
MAINT_AVAILABLE_IN_1_0
void                maint_slot_set_activities   (MaintSlot           *self,
                                                 const char * const  *activities);
MAINT_AVAILABLE_IN_1_0
MaintRebootKind     maint_slot_get_reboot       (MaintSlot           *self);
MAINT_AVAILABLE_IN_1_0
void                maint_slot_set_reboot       (MaintSlot           *self,
                                                 MaintRebootKind      reboot);
MAINT_AVAILABLE_IN_1_0
const char         *maint_slot_get_rollout      (MaintSlot           *self);
MAINT_AVAILABLE_IN_1_0
void                maint_slot_set_rollout      (MaintSlot           *self,
                                                 const char          *rollout);
MAINT_AVAILABLE_IN_1_0
const char         *maint_slot_get_wave         (MaintSlot           *self);
MAINT_AVAILABLE_IN_1_0
void                maint_slot_set_wave         (MaintSlot           *self,
                                                 const char          *wave);
MAINT_AVAILABLE_IN_1_0
gint64              maint_slot_get_announce_by  (MaintSlot           *self);
MAINT_AVAILABLE_IN_1_0
void                maint_slot_set_announce_by  (MaintSlot           *self,
                                                 gint64               instant);
MAINT_AVAILABLE_IN_1_0
gboolean            maint_slot_get_pinned       (MaintSlot           *self);
MAINT_AVAILABLE_IN_1_0
void                maint_slot_set_pinned       (MaintSlot           *self,
                                                 gboolean             pinned);
MAINT_AVAILABLE_IN_1_0
gboolean            maint_slot_equal            (MaintSlot           *a,
                                                 MaintSlot           *b);

/* An activity the plan could not place, with the reason. */
#define MAINT_TYPE_UNSCHEDULED (maint_unscheduled_get_type ())
MAINT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (MaintUnscheduled, maint_unscheduled, MAINT, UNSCHEDULED, GObject)

MAINT_AVAILABLE_IN_1_0
MaintUnscheduled       *maint_unscheduled_new          (const char              *activity,
                                                        const char              *machine,
                                                        MaintUnscheduledReason   reason,
                                                        const char              *detail);
MAINT_AVAILABLE_IN_1_0
const char             *maint_unscheduled_get_activity (MaintUnscheduled        *self);
MAINT_AVAILABLE_IN_1_0
const char             *maint_unscheduled_get_machine  (MaintUnscheduled        *self);
MAINT_AVAILABLE_IN_1_0
MaintUnscheduledReason  maint_unscheduled_get_reason   (MaintUnscheduled        *self);
MAINT_AVAILABLE_IN_1_0
const char             *maint_unscheduled_get_detail   (MaintUnscheduled        *self);

/* Reboot accounting for one machine. */
#define MAINT_TYPE_REBOOT_COUNT (maint_reboot_count_get_type ())
MAINT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (MaintRebootCount, maint_reboot_count, MAINT, REBOOT_COUNT, GObject)

MAINT_AVAILABLE_IN_1_0
MaintRebootCount *maint_reboot_count_new         (const char       *machine,
                                                  guint             own,
                                                  guint             host,
                                                  guint             saved);
MAINT_AVAILABLE_IN_1_0
const char       *maint_reboot_count_get_machine (MaintRebootCount *self);
MAINT_AVAILABLE_IN_1_0
guint             maint_reboot_count_get_own     (MaintRebootCount *self);
MAINT_AVAILABLE_IN_1_0
guint             maint_reboot_count_get_host    (MaintRebootCount *self);
MAINT_AVAILABLE_IN_1_0
guint             maint_reboot_count_get_total   (MaintRebootCount *self);
MAINT_AVAILABLE_IN_1_0
guint             maint_reboot_count_get_saved   (MaintRebootCount *self);

/* Downtime of a guest caused by its host's reboot. */
#define MAINT_TYPE_HOST_DOWNTIME (maint_host_downtime_get_type ())
MAINT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (MaintHostDowntime, maint_host_downtime, MAINT, HOST_DOWNTIME, GObject)

MAINT_AVAILABLE_IN_1_0
MaintHostDowntime *maint_host_downtime_new       (const char        *guest,
                                                  const char        *host,
                                                  gint64             start,
                                                  gint64             end);
MAINT_AVAILABLE_IN_1_0
const char        *maint_host_downtime_get_guest (MaintHostDowntime *self);
MAINT_AVAILABLE_IN_1_0
const char        *maint_host_downtime_get_host  (MaintHostDowntime *self);
MAINT_AVAILABLE_IN_1_0
gint64             maint_host_downtime_get_start (MaintHostDowntime *self);
MAINT_AVAILABLE_IN_1_0
gint64             maint_host_downtime_get_end   (MaintHostDowntime *self);
MAINT_AVAILABLE_IN_1_0
const char * const *maint_host_downtime_get_activities (MaintHostDowntime  *self);
MAINT_AVAILABLE_IN_1_0
void               maint_host_downtime_set_activities (MaintHostDowntime  *self,
                                                       const char * const *activities);

/* An activity whose slot ends after its deadline. */
#define MAINT_TYPE_LATE_ACTIVITY (maint_late_activity_get_type ())
MAINT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (MaintLateActivity, maint_late_activity, MAINT, LATE_ACTIVITY, GObject)

MAINT_AVAILABLE_IN_1_0
MaintLateActivity *maint_late_activity_new          (const char        *activity,
                                                     const char        *machine,
                                                     gint64             deadline,
                                                     gint64             end);
MAINT_AVAILABLE_IN_1_0
const char        *maint_late_activity_get_activity (MaintLateActivity *self);
MAINT_AVAILABLE_IN_1_0
const char        *maint_late_activity_get_machine  (MaintLateActivity *self);
MAINT_AVAILABLE_IN_1_0
gint64             maint_late_activity_get_deadline (MaintLateActivity *self);
MAINT_AVAILABLE_IN_1_0
gint64             maint_late_activity_get_end      (MaintLateActivity *self);
MAINT_AVAILABLE_IN_1_0
gint64             maint_late_activity_get_lateness (MaintLateActivity *self);

/* A problem of the fleet the plan reports, e.g. a service on one host. */
#define MAINT_TYPE_FINDING (maint_finding_get_type ())
MAINT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (MaintFinding, maint_finding, MAINT, FINDING, GObject)

MAINT_AVAILABLE_IN_1_0
MaintFinding       *maint_finding_new          (MaintFindingKind    kind,
                                                const char         *service,
                                                const char * const *machines,
                                                const char         *host,
                                                const char         *detail);
MAINT_AVAILABLE_IN_1_0
MaintFindingKind    maint_finding_get_kind     (MaintFinding       *self);
MAINT_AVAILABLE_IN_1_0
const char         *maint_finding_get_service  (MaintFinding       *self);
MAINT_AVAILABLE_IN_1_0
const char * const *maint_finding_get_machines (MaintFinding       *self);
MAINT_AVAILABLE_IN_1_0
const char         *maint_finding_get_host     (MaintFinding       *self);
MAINT_AVAILABLE_IN_1_0
const char         *maint_finding_get_detail   (MaintFinding       *self);

/* The plan. */
#define MAINT_TYPE_PLAN (maint_plan_get_type ())
MAINT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (MaintPlan, maint_plan, MAINT, PLAN, GObject)

MAINT_AVAILABLE_IN_1_0
MaintPlan  *maint_plan_new                 (gint64             now);
MAINT_AVAILABLE_IN_1_0
MaintPlan  *maint_plan_new_from_file       (const char        *path,
                                            GError           **error);
MAINT_AVAILABLE_IN_1_0
MaintPlan  *maint_plan_new_from_data       (const char        *data,
                                            gssize             length,
                                            GError           **error);
MAINT_AVAILABLE_IN_1_0
char       *maint_plan_to_data             (MaintPlan         *self,
                                            gsize             *length);
MAINT_AVAILABLE_IN_1_0
gboolean    maint_plan_save_to_file        (MaintPlan         *self,
                                            const char        *path,
                                            GError           **error);
MAINT_AVAILABLE_IN_1_0
char       *maint_plan_to_text             (MaintPlan         *self,
                                            MaintFleet        *fleet);
MAINT_AVAILABLE_IN_1_0
gint64      maint_plan_get_now             (MaintPlan         *self);
MAINT_AVAILABLE_IN_1_0
void        maint_plan_add_slot            (MaintPlan         *self,
                                            MaintSlot         *slot);
MAINT_AVAILABLE_IN_1_0
GPtrArray  *maint_plan_get_slots           (MaintPlan         *self);
MAINT_AVAILABLE_IN_1_0
void        maint_plan_add_unscheduled     (MaintPlan         *self,
                                            MaintUnscheduled  *unscheduled);
MAINT_AVAILABLE_IN_1_0
GPtrArray  *maint_plan_get_unscheduled     (MaintPlan         *self);
MAINT_AVAILABLE_IN_1_0
void        maint_plan_add_reboot_count    (MaintPlan         *self,
                                            MaintRebootCount  *count);
MAINT_AVAILABLE_IN_1_0
GPtrArray  *maint_plan_get_reboot_counts   (MaintPlan         *self);
MAINT_AVAILABLE_IN_1_0
void        maint_plan_add_host_downtime   (MaintPlan         *self,
                                            MaintHostDowntime *downtime);
MAINT_AVAILABLE_IN_1_0
GPtrArray  *maint_plan_get_host_downtime   (MaintPlan         *self);
MAINT_AVAILABLE_IN_1_0
void        maint_plan_add_late            (MaintPlan         *self,
                                            MaintLateActivity *late);
MAINT_AVAILABLE_IN_1_0
GPtrArray  *maint_plan_get_late            (MaintPlan         *self);
MAINT_AVAILABLE_IN_1_0
void        maint_plan_add_finding         (MaintPlan         *self,
                                            MaintFinding      *finding);
MAINT_AVAILABLE_IN_1_0
GPtrArray  *maint_plan_get_findings        (MaintPlan         *self);
MAINT_AVAILABLE_IN_1_0
MaintSlot  *maint_plan_lookup_slot         (MaintPlan         *self,
                                            const char        *activity);
MAINT_AVAILABLE_IN_1_0
guint       maint_plan_get_n_scheduled     (MaintPlan         *self);
MAINT_AVAILABLE_IN_1_0
guint       maint_plan_get_n_unscheduled   (MaintPlan         *self);
MAINT_AVAILABLE_IN_1_0
guint       maint_plan_get_n_reboots       (MaintPlan         *self);
MAINT_AVAILABLE_IN_1_0
guint       maint_plan_get_n_reboots_saved (MaintPlan         *self);
MAINT_AVAILABLE_IN_1_0
gint64      maint_plan_get_latest_end      (MaintPlan         *self);
MAINT_AVAILABLE_IN_1_0
guint       maint_plan_announce            (MaintPlan         *self,
                                            MaintFleet        *fleet,
                                            gint64             until,
                                            GError           **error);
MAINT_AVAILABLE_IN_1_0
gint64      maint_plan_get_elapsed         (MaintPlan         *self);
MAINT_AVAILABLE_IN_1_0
void        maint_plan_set_elapsed         (MaintPlan         *self,
                                            gint64             microseconds);

/**
 * MAINT_PLAN_ERROR:
 *
 * Error domain for plan documents. Errors in this domain are from the
 * #MaintPlanError enumeration; their messages start with the JSON path,
 * like those of %MAINT_FLEET_ERROR.
 */
#define MAINT_PLAN_ERROR (maint_plan_error_quark ())

/**
 * MaintPlanError:
 * @MAINT_PLAN_ERROR_PARSE_FAILED: not well-formed JSON, or not UTF-8
 * @MAINT_PLAN_ERROR_FORMAT_FAILED: missing or unsupported `format`
 * @MAINT_PLAN_ERROR_INVALID_FAILED: a value has the wrong type, an
 *   unknown field, or a value out of range
 * @MAINT_PLAN_ERROR_LIMIT_FAILED: the input is larger or deeper than the
 *   library accepts
 * @MAINT_PLAN_ERROR_IO_FAILED: the file cannot be read or written
 * @MAINT_PLAN_ERROR_REFERENCE_FAILED: the plan names an activity or a
 *   machine that the fleet it is used with does not have
 *
 * Error codes of the %MAINT_PLAN_ERROR domain.
 */
typedef enum {
  MAINT_PLAN_ERROR_PARSE_FAILED,
  MAINT_PLAN_ERROR_FORMAT_FAILED,
  MAINT_PLAN_ERROR_INVALID_FAILED,
  MAINT_PLAN_ERROR_LIMIT_FAILED,
  MAINT_PLAN_ERROR_IO_FAILED,
  MAINT_PLAN_ERROR_REFERENCE_FAILED,
} MaintPlanError;

MAINT_AVAILABLE_IN_1_0
GQuark maint_plan_error_quark (void);

G_END_DECLS
