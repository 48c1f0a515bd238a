/* maint-verifier.h: checks any plan against a fleet
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
#include <libmaint/maint-plan.h>

G_BEGIN_DECLS

#define MAINT_TYPE_VIOLATION (maint_violation_get_type ())

MAINT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (MaintViolation, maint_violation, MAINT, VIOLATION, GObject)

MAINT_AVAILABLE_IN_1_0
MaintConstraint     maint_violation_get_constraint (MaintViolation *self);
MAINT_AVAILABLE_IN_1_0
const char * const *maint_violation_get_machines   (MaintViolation *self);
MAINT_AVAILABLE_IN_1_0
const char * const *maint_violation_get_activities (MaintViolation *self);
MAINT_AVAILABLE_IN_1_0
gint64              maint_violation_get_start      (MaintViolation *self);
MAINT_AVAILABLE_IN_1_0
gint64              maint_violation_get_end        (MaintViolation *self);
MAINT_AVAILABLE_IN_1_0
const char         *maint_violation_get_message    (MaintViolation *self);

MAINT_AVAILABLE_IN_1_0
GPtrArray          *maint_verify_plan              (MaintFleet     *fleet,
                                                    MaintPlan      *plan);

G_END_DECLS
