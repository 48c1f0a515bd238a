/* maint-verifier-private.h: verifying a plan with what a simulation knows
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A fleet cannot say that a generated rollout activity ("<rollout>/
 * <machine>") already ran or was announced: those activities are not in
 * the fleet. A MaintSimulation knows; it hands that knowledge to the
 * verifier as plain data (nothing of the solver), so that a plan made
 * halfway through a rollout can be checked with the same rules.
 */
#pragma once

#ifndef MAINT_COMPILATION
# error "This is a private header of libmaint."
#endif

#include "maint-verifier.h"

G_BEGIN_DECLS

typedef struct
{
  /* generated ids that ran (succeeded or failed): they are in no slot,
   * not unscheduled and not absorbed, but their machine still counts in
   * its wave; value: GINT_TO_POINTER (wave + 1), 0 for a host reboot */
  GHashTable *finished;
  /* generated id → MaintInterval: announced for that slot of its own */
  GHashTable *announced;
  /* generated id → MaintInterval: announced as absorbed by the host
   * reboot of that interval */
  GHashTable *absorbed;
} MaintVerifyContext;

GPtrArray *maint_verify_plan_in_context (MaintFleet               *fleet,
                                         MaintPlan                *plan,
                                         const MaintVerifyContext *context);

G_END_DECLS
