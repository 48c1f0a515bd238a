/* maint-scheduler.h: the scheduling solver
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__MAINT_INSIDE__) && !defined(MAINT_COMPILATION)
# error "Only <libmaint/libmaint.h> can be included directly."
#endif

#include <gio/gio.h>

#include <libmaint/maint-version-macros.h>
#include <libmaint/maint-fleet.h>
#include <libmaint/maint-plan.h>

G_BEGIN_DECLS

#define MAINT_TYPE_SCHEDULER (maint_scheduler_get_type ())

MAINT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (MaintScheduler, maint_scheduler, MAINT, SCHEDULER, GObject)

MAINT_AVAILABLE_IN_1_0
MaintScheduler *maint_scheduler_new          (MaintFleet      *fleet);
MAINT_AVAILABLE_IN_1_0
MaintFleet     *maint_scheduler_get_fleet    (MaintScheduler  *self);
MAINT_AVAILABLE_IN_1_0
gint64          maint_scheduler_get_now      (MaintScheduler  *self);
MAINT_AVAILABLE_IN_1_0
void            maint_scheduler_set_now      (MaintScheduler  *self,
                                              gint64           now);
MAINT_AVAILABLE_IN_1_0
MaintPlan      *maint_scheduler_get_previous (MaintScheduler  *self);
MAINT_AVAILABLE_IN_1_0
void            maint_scheduler_set_previous (MaintScheduler  *self,
                                              MaintPlan       *previous);
MAINT_AVAILABLE_IN_1_0
MaintPlan      *maint_scheduler_run          (MaintScheduler  *self,
                                              GCancellable    *cancellable,
                                              GError         **error);
MAINT_AVAILABLE_IN_1_0
char           *maint_scheduler_explain      (MaintScheduler  *self,
                                              const char      *machine,
                                              GError         **error);

/**
 * MAINT_SCHEDULER_ERROR:
 *
 * Error domain of the scheduler: #MaintSchedulerError.
 */
#define MAINT_SCHEDULER_ERROR (maint_scheduler_error_quark ())

/**
 * MaintSchedulerError:
 * @MAINT_SCHEDULER_ERROR_INVALID_FAILED: the fleet does not validate, or
 *   `now` is neither set on the scheduler nor in the fleet
 * @MAINT_SCHEDULER_ERROR_LIMIT_FAILED: the problem is larger than the
 *   scheduler accepts (e.g. far too many window occurrences)
 * @MAINT_SCHEDULER_ERROR_UNKNOWN_FAILED: a machine named in a request is
 *   not in the fleet
 *
 * Error codes of the %MAINT_SCHEDULER_ERROR domain.
 */
typedef enum {
  MAINT_SCHEDULER_ERROR_INVALID_FAILED,
  MAINT_SCHEDULER_ERROR_LIMIT_FAILED,
  MAINT_SCHEDULER_ERROR_UNKNOWN_FAILED,
} MaintSchedulerError;

MAINT_AVAILABLE_IN_1_0
GQuark maint_scheduler_error_quark (void);

G_END_DECLS
