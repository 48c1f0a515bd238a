/* maint-simulation-private.h: what a simulation tells the solver
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A MaintSimulation re-plans its fleet again and again. Most of what it
 * knows goes into its copy of the fleet (booted_at, reboots, announced
 * fleet activities, finished fleet activities removed); the rest concerns
 * activities the fleet cannot hold — those rollouts generate — and the
 * rollouts themselves. That rest is this state, read by
 * maint-scheduler-rollout.c while it expands and binds the rollouts:
 *
 * - activities that ran (succeeded or failed) are left out of the
 *   problem, halted ones are held (unscheduled, reason rollout);
 * - generated activities announced for a slot are pinned to it, and
 *   those absorbed by an announced host reboot stay absorbed;
 * - each rollout's wave assignment is fixed by the first plan.
 */
#pragma once

#ifndef MAINT_COMPILATION
# error "This is a private header of libmaint."
#endif

#include "maint-simulation.h"
#include "maint-scheduler-private.h"

G_BEGIN_DECLS

typedef struct
{
  guint    failures;
  gboolean halted;
  gint     halt_wave;     /* activities of later waves are halted */
  guint    halted_after;  /* failures when it halted */
  guint    limit;         /* its halt_after_failures then */
} MaintSimRollout;

struct _MaintSimState
{
  GHashTable *states;     /* activity id → MaintActivityState (not pending) */
  GHashTable *announced;  /* generated id → MaintInterval: its announced slot */
  GHashTable *absorbed;   /* generated id → MaintInterval: the announced
                           * host reboot that absorbs it */
  GHashTable *waves;      /* rollout → (machine → GINT_TO_POINTER (wave + 1)) */
  GHashTable *rollouts;   /* rollout → MaintSimRollout */
};

MaintSimState     *maint_sim_state_new            (void);
MaintSimState     *maint_sim_state_copy           (const MaintSimState *state);
void               maint_sim_state_free           (MaintSimState       *state);

MaintActivityState maint_sim_state_get            (const MaintSimState *state,
                                                   const char          *id);
MaintInterval     *maint_sim_state_get_announced  (const MaintSimState *state,
                                                   const char          *id);
MaintInterval     *maint_sim_state_get_absorbed   (const MaintSimState *state,
                                                   const char          *id);
/* The fixed wave assignment of @rollout (machine → wave + 1), or NULL
 * before the first plan. */
GHashTable        *maint_sim_state_get_waves      (const MaintSimState *state,
                                                   const char          *rollout);
void               maint_sim_state_set_waves      (MaintSimState       *state,
                                                   const char          *rollout,
                                                   GHashTable          *waves);
/* The unscheduled detail of a halted activity of @machine. */
char              *maint_sim_state_halt_detail    (const MaintSimState *state,
                                                   const char          *rollout,
                                                   const char          *machine);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MaintSimState, maint_sim_state_free)

G_END_DECLS
