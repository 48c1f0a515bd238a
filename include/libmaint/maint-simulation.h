/* maint-simulation.h: advancing a clock over plans, with outcomes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__MAINT_INSIDE__) && !defined(MAINT_COMPILATION)
# error "Only <libmaint/libmaint.h> can be included directly."
#endif

#include <gio/gio.h>

#include <libmaint/maint-version-macros.h>
#include <libmaint/maint-enums.h>
#include <libmaint/maint-fleet.h>
#include <libmaint/maint-plan.h>

G_BEGIN_DECLS

#define MAINT_TYPE_SIMULATION_EVENT (maint_simulation_event_get_type ())

MAINT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (MaintSimulationEvent, maint_simulation_event, MAINT, SIMULATION_EVENT, GObject)

MAINT_AVAILABLE_IN_1_0
MaintSimulationEventKind maint_simulation_event_get_kind     (MaintSimulationEvent *self);
MAINT_AVAILABLE_IN_1_0
gint64                   maint_simulation_event_get_at       (MaintSimulationEvent *self);
MAINT_AVAILABLE_IN_1_0
const char              *maint_simulation_event_get_activity (MaintSimulationEvent *self);
MAINT_AVAILABLE_IN_1_0
const char              *maint_simulation_event_get_machine  (MaintSimulationEvent *self);
MAINT_AVAILABLE_IN_1_0
const char              *maint_simulation_event_get_rollout  (MaintSimulationEvent *self);
MAINT_AVAILABLE_IN_1_0
MaintOutcome             maint_simulation_event_get_outcome  (MaintSimulationEvent *self);
MAINT_AVAILABLE_IN_1_0
gint64                   maint_simulation_event_get_start    (MaintSimulationEvent *self);
MAINT_AVAILABLE_IN_1_0
gint64                   maint_simulation_event_get_end      (MaintSimulationEvent *self);
MAINT_AVAILABLE_IN_1_0
char                    *maint_simulation_event_to_string    (MaintSimulationEvent *self);

#define MAINT_TYPE_SIMULATION (maint_simulation_get_type ())

MAINT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (MaintSimulation, maint_simulation, MAINT, SIMULATION, GObject)

MAINT_AVAILABLE_IN_1_0
MaintSimulation   *maint_simulation_new                (MaintFleet       *fleet,
                                                        gint64            now,
                                                        GError          **error);
MAINT_AVAILABLE_IN_1_0
gint64             maint_simulation_get_now            (MaintSimulation  *self);
MAINT_AVAILABLE_IN_1_0
MaintFleet        *maint_simulation_get_fleet          (MaintSimulation  *self);
MAINT_AVAILABLE_IN_1_0
MaintPlan         *maint_simulation_get_plan           (MaintSimulation  *self);
MAINT_AVAILABLE_IN_1_0
MaintPlan         *maint_simulation_plan               (MaintSimulation  *self,
                                                        GCancellable     *cancellable,
                                                        GError          **error);
MAINT_AVAILABLE_IN_1_0
gboolean           maint_simulation_set_outcome        (MaintSimulation  *self,
                                                        const char       *activity,
                                                        MaintOutcome      outcome,
                                                        GError          **error);
MAINT_AVAILABLE_IN_1_0
gboolean           maint_simulation_advance            (MaintSimulation  *self,
                                                        gint64            until,
                                                        GCancellable     *cancellable,
                                                        GError          **error);
MAINT_AVAILABLE_IN_1_0
MaintActivityState maint_simulation_get_activity_state (MaintSimulation  *self,
                                                        const char       *activity);
MAINT_AVAILABLE_IN_1_0
guint              maint_simulation_get_failures       (MaintSimulation  *self,
                                                        const char       *rollout);
MAINT_AVAILABLE_IN_1_0
gboolean           maint_simulation_is_halted          (MaintSimulation  *self,
                                                        const char       *rollout);
MAINT_AVAILABLE_IN_1_0
GPtrArray         *maint_simulation_get_events         (MaintSimulation  *self);
MAINT_AVAILABLE_IN_1_0
GPtrArray         *maint_simulation_verify             (MaintSimulation  *self);

/**
 * MAINT_SIMULATION_ERROR:
 *
 * Error domain of [class@Maint.Simulation]: #MaintSimulationError.
 */
#define MAINT_SIMULATION_ERROR (maint_simulation_error_quark ())

/**
 * MaintSimulationError:
 * @MAINT_SIMULATION_ERROR_INVALID_FAILED: the simulation has no clock:
 *   neither `now` nor the fleet's `now` is set
 * @MAINT_SIMULATION_ERROR_CLOCK_FAILED: an advance to an instant before
 *   the simulation's clock
 * @MAINT_SIMULATION_ERROR_UNKNOWN_FAILED: an outcome for an activity that
 *   is neither an activity of the fleet nor one its rollouts generate
 * @MAINT_SIMULATION_ERROR_FINISHED_FAILED: an outcome for an activity
 *   that has already run (succeeded or failed) or is halted
 *
 * Error codes of the %MAINT_SIMULATION_ERROR domain.
 */
typedef enum {
  MAINT_SIMULATION_ERROR_INVALID_FAILED,
  MAINT_SIMULATION_ERROR_CLOCK_FAILED,
  MAINT_SIMULATION_ERROR_UNKNOWN_FAILED,
  MAINT_SIMULATION_ERROR_FINISHED_FAILED,
} MaintSimulationError;

MAINT_AVAILABLE_IN_1_0
GQuark maint_simulation_error_quark (void);

G_END_DECLS
