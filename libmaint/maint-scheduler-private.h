/* maint-scheduler-private.h: the solver's compiled model
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * maint-scheduler.c compiles a fleet into the flat arrays below once per
 * run; the greedy, the repair loop and the explanation all work on them.
 * Indices are into the arrays of one MaintSolver.
 */
#pragma once

#ifndef MAINT_COMPILATION
# error "This is a private header of libmaint."
#endif

#include "maint-scheduler.h"
#include "maint-timeline-private.h"

G_BEGIN_DECLS

typedef struct
{
  MaintResourceGroup *group;
  const char         *name;
  const char         *zone;
  gint64              notice;
  guint               max_concurrent;
  MaintIntervalSet   *available;   /* windows minus blackouts, in the horizon */
  const gint64       *bounds;      /* 2 * n_bounds values, from available */
  guint               n_bounds;
  MaintTlList         down;        /* downtimes of its machines, tag = machine */
} MaintSolverGroup;

typedef struct
{
  guint  service;
  gint   position;                 /* in the service's order, or -1 */
} MaintSolverMembership;

typedef struct
{
  MaintMachine *machine;
  const char   *name;
  gint32        group;
  gint32        host;              /* into hosts, or -1 */
  /* Read from the machine once, while compiling: the rollouts ask for
   * them in several passes, and a machine object is a cache miss each
   * time on a large fleet */
  guint8        auto_schedule;
  guint8        kind;              /* MaintMachineKind */
  guint8        stage;             /* MaintStage: its own, else its group's */
  guint8        representative;
  guint         first_membership;
  guint         n_memberships;
  guint         first_act;         /* into act_order */
  guint         n_acts;
  MaintTlList   down;              /* its own downtimes */
} MaintSolverMachine;

typedef struct
{
  MaintService *service;
  const char   *name;
  guint         max_unavailable;
  gint64        spacing;
  gint32       *order;             /* machine indices, in order */
  guint         n_order;
  MaintTlList   down;              /* members' downtimes, tag = machine */
} MaintSolverService;

/* One activity as the solver sees it: what its passes read, in one
 * cache line (the arrays of activities come 2 MiB-aligned from
 * maint_big_new0()); the rest is in MaintSolverActInfo, by the same
 * index. A plan of 100,000 VMs has 200,000 of them, and the solver
 * scans them whole many times. */
typedef struct
{
  gint64                  estimate;
  gint64                  not_before;
  gint64                  deadline;
  gint64                  earliest;  /* alone, ignoring capacity; 0 = none */
  gint64                  latest_end; /* the slot ends by then; 0 = none */
  gint32                  machine;
  gint32                  slot;      /* -1 while unscheduled */
  /* Rollouts (maint-scheduler-rollout.c) */
  gint32                  rollout;   /* into the fleet's rollouts, or -1 */
  gint32                  wave;      /* into the rollout's waves, or -1 */
  guint8                  priority;  /* MaintPriority */
  guint8                  reboot;    /* MaintRebootKind */
  guint8                  reason;    /* MaintUnscheduledReason */
  guint8                  pinned;    /* it has an announced slot */
  guint8                  held;      /* kept out of the greedy: absorbed or
                                      * unscheduled by its rollout */
  guint8                  absorbed;  /* covered by its host's reboot (slot) */
} MaintSolverAct;

G_STATIC_ASSERT (sizeof (MaintSolverAct) == 64);

typedef struct
{
  MaintActivity          *activity;  /* NULL for one a rollout generates */
  const char             *id;
  MaintInterval          *scheduled; /* the announced slot, or NULL */
  char                   *detail;    /* the unscheduled sentence, or NULL */
} MaintSolverActInfo;

typedef struct
{
  gint32          machine;
  gint64          start;
  gint64          end;
  guint          *acts;
  guint           n_acts;
  MaintRebootKind reboot;
  gint64          notice;
  gboolean        pinned;
  gboolean        live;
} MaintSolverSlot;

/* Which constraint rejected a candidate start. */
typedef enum
{
  MAINT_BLOCK_NONE,
  MAINT_BLOCK_MACHINE,
  MAINT_BLOCK_ORDER,
  MAINT_BLOCK_HOST,
  MAINT_BLOCK_GROUP,
  MAINT_BLOCK_SERVICE,
  MAINT_BLOCK_SPACING,
  MAINT_BLOCK_FLEET,
  MAINT_N_BLOCKS
} MaintBlock;

typedef struct
{
  MaintBlock      block;
  MaintTlConflict conflict;
  guint           service;         /* for ORDER, SERVICE, SPACING */
} MaintBlockInfo;

typedef struct _MaintSolver MaintSolver;
/* The state a MaintSimulation keeps between re-plans; defined in
 * maint-simulation-private.h, read in maint-scheduler-rollout.c only. */
typedef struct _MaintSimState MaintSimState;
typedef struct _MaintSolverRollouts MaintSolverRollouts;
struct _MaintSolverUnit;
struct _MaintSolverWhy;

/* For tests: whether the annealing remembers the orders it has tried
 * (TRUE, the default). Plans are the same bytes either way; the memory
 * only saves the greedy runs of orders seen before. Process-wide. */
void maint_solver_set_anneal_memory (gboolean enabled);
/* For tests: how many second annealing walks (after a stuck first one)
 * this process has started. */
guint maint_solver_get_n_second_walks (void);

struct _MaintSolver
{
  MaintFleet            *fleet;
  MaintPolicy           *policy;
  MaintPlan             *previous;
  GCancellable          *cancellable;

  gint64                 now;
  gint64                 horizon_end;
  gint64                 setup;
  gint64                 min_slot;
  gint64                 emergency_notice;
  guint                  max_concurrent;
  guint                  max_per_host;

  MaintSolverGroup      *groups;
  guint                  n_groups;
  MaintSolverMachine    *machines;
  guint                  n_machines;
  GStringChunk          *names;        /* the machines' names, copied */
  MaintSolverService    *services;
  guint                  n_services;
  MaintSolverMembership *memberships;
  guint                  n_memberships;
  MaintTlList           *hosts;
  const char           **host_names;
  guint                  n_hosts;
  MaintSolverAct        *acts;
  MaintSolverActInfo    *act_info;     /* by activity, as acts */
  guint                  n_acts;
  guint                 *act_order;    /* unpinned activities by machine */

  GArray                *slots;        /* MaintSolverSlot */
  guint                  n_pinned_slots;
  guint                 *pinned_base;  /* activities per pinned slot */
  guint                 *pinned_start; /* pinned slots of each machine, CSR */
  guint                 *pinned_slots;
  MaintRebootKind       *pinned_reboot; /* each pinned slot's own reboot */
  guint                 *touched;      /* pinned slots that took merges */
  guint                  n_touched;
  guint                 *free_acts;    /* the activities the greedy places */
  guint                  n_free_acts;
  struct _MaintSolverScore *fixed_score; /* what no round changes */
  MaintTlFleet          *fleet_down;

  struct _MaintSolverUnit *units;
  guint                  n_units;
  guint                 *succ_start;   /* order edges, CSR by unit */
  guint                 *succ;

  GHashTable            *machine_index;
  struct _MaintSolverWhy **why;          /* by activity, while unscheduled */
  char                 **group_text;   /* by group, for the sentences: its
                                        * windows, now and the horizon's end
                                        * in its zone (NULL until needed) */
  guint                 *guest_start;  /* guests of each machine, CSR */
  guint                 *guests;

  guint                 *name_rank;    /* by machine: position in strcmp order
                                        * of the names, for sorting by name */
  guint                 *by_name;      /* the machines in that order: the
                                        * inverse of name_rank */
  /* While the plan is built: the names its objects share, as GRefStrings
   * (maint-plan-private.h); the rollouts' and waves' made on first use */
  char                 **machine_refs; /* by machine */
  char                 **group_refs;   /* by group */
  GHashTable            *text_refs;    /* rollouts' and waves' names: the
                                        * fleet's text (by address) → its
                                        * GRefString */
  MaintSolverRollouts   *ro;           /* maint-scheduler-rollout.c */
  MaintSimState         *sim;          /* NULL unless a simulation plans */
};

/* maint-scheduler.c */
/* Sets name_rank and by_name; the rollouts need them before the units */
void     solver_rank_names (MaintSolver *S);
/* While the plan is built: the shared name of a fleet object's @text
 * (the same text at the same address, the same name) */
char    *solver_text_ref    (MaintSolver *S,
                             const char  *text);
void     maint_scheduler_set_sim_state (MaintScheduler *self,
                                        MaintSimState  *state);
gboolean solver_check  (MaintSolver           *S,
                        gint32                 machine,
                        gint64                 start,
                        gint64                 end,
                        gboolean               reboots,
                        MaintBlockInfo        *info);
void     solver_occupy (MaintSolver           *S,
                        const MaintSolverSlot *slot,
                        int                    delta);

/* maint-scheduler-rollout.c: waves, staging lead, host reboots,
 * absorption, implicit uptime deadlines and the plan's rollout parts. */
GPtrArray *maint_solver_rollout_expand       (MaintSolver  *S,
                                              GError      **error);
void       maint_solver_rollout_fill         (MaintSolver  *S,
                                              MaintSolverAct *a,
                                              MaintSolverActInfo *info);
const char *maint_solver_rollout_summary     (MaintSolver  *S,
                                              guint         act);
void       maint_solver_rollout_bind         (MaintSolver  *S,
                                              guint         act);
void       maint_solver_rollout_prepare      (MaintSolver  *S);
void       maint_solver_rollout_host_reboots (MaintSolver  *S);
char      *maint_solver_rollout_bound        (MaintSolver  *S,
                                              guint         act,
                                              gboolean      upper);
gboolean   maint_solver_rollout_reason       (MaintSolver  *S,
                                              guint         act,
                                              gint64        lo,
                                              gint64        length,
                                              char        **detail);
void       maint_solver_rollout_to_plan      (MaintSolver  *S,
                                              MaintPlan    *plan,
                                              const guint  *own,
                                              const guint  *rebooting);
void       maint_solver_rollout_slot         (MaintSolver  *S,
                                              const MaintSolverSlot *slot,
                                              char        **rollout,
                                              char        **wave);
void       maint_solver_rollout_free         (MaintSolverRollouts *ro);


G_END_DECLS
