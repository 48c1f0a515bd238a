/* maint-scheduler.c: the scheduling solver
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * How the solver decides is described in doc/solver.md. In short: the
 * fleet is compiled into flat arrays; every machine's unpinned activities
 * form one unit; units are placed greedily, highest priority and earliest
 * deadline first, each at the earliest start its group's windows and all
 * capacity counters allow; units that found no room are moved to the
 * front and the greedy is repeated a bounded number of times, keeping the
 * best plan by the design's lexicographic objective.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "maint-scheduler.h"
#include "maint-scheduler-private.h"
#include "maint-bigmem-private.h"
#include "maint-interval-private.h"
#include "maint-plan-private.h"
#include "maint-time.h"
#include "maint-tz-private.h"

/**
 * MaintScheduler:
 *
 * Turns a [class@Maint.Fleet] into a [class@Maint.Plan]: a dated slot for
 * the queued activities of every machine, inside its resource group's
 * maintenance windows, with the notice the group asks for, never breaking
 * a concurrency, service or pinned-slot constraint; and for every
 * activity that cannot be placed, the reason.
 *
 * The scheduler does not modify the fleet. The same fleet, `now` and
 * previous plan always give a byte-identical plan (see
 * [method@Maint.Plan.to_data]); only the elapsed time differs.
 *
 * A scheduler object is not meant to be shared between threads while it
 * is running; separate schedulers on the same fleet may run in parallel.
 */

struct _MaintScheduler
{
  GObject     parent_instance;

  MaintFleet *fleet;
  gint64      now;
  MaintPlan  *previous;
  MaintSimState *sim;        /* set by a MaintSimulation, not owned */
};

G_DEFINE_FINAL_TYPE (MaintScheduler, maint_scheduler, G_TYPE_OBJECT)

G_DEFINE_QUARK (maint-scheduler-error-quark, maint_scheduler_error)

enum {
  PROP_0,
  PROP_FLEET,
  PROP_NOW,
  PROP_PREVIOUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Bounds on the work: the repair loop reruns the greedy at most this
 * often, and the compiled windows may not exceed this many intervals. */
#define REPAIR_ROUNDS       4
/* Unit placements the local search may spend (a fixed budget, so the
 * result never depends on the clock), and its fixed seed. */
#define SEARCH_BUDGET       100000
#define SEARCH_SEED         0x6d61696e
#define MAX_TOTAL_INTERVALS (16u * 1024 * 1024)

/* ------------------------------------------------------------------ */
/* The compiled model                                                  */

typedef struct _MaintSolverUnit
{
  gint32        machine;
  MaintPriority priority;
  gint64        deadline;       /* earliest nonzero deadline, or 0 */
  gint64        earliest;       /* all activities together, no capacity */
  gint64        previous;       /* start in the previous plan, or 0 */
  guint         rank;
  gboolean      blocked;        /* capacity or service kept something out */
  gboolean      hopeless;       /* placed first, none of it fits: no order
                                 * can help (solver_find_hopeless) */
} Unit;

typedef struct
{
  gint64          length;
  gint64          notice;
  gint64          lo;           /* earliest allowed start */
  gint64          deadline;     /* earliest nonzero deadline, or 0 */
  MaintRebootKind reboot;
  gint64          hi;           /* latest allowed end (a rollout's), or 0 */
  gint32          hi_act;       /* the activity that sets @hi, or -1 */
  gint32          lo_act;       /* the activity whose not_before is @lo, or -1 */
} Need;

typedef struct
{
  guint          counts[MAINT_N_BLOCKS];
  MaintBlockInfo last[MAINT_N_BLOCKS];
  MaintBlock     last_block;
  guint          tried;
} SearchStats;

/* Why an activity got no slot: enough to write the sentence later. */
typedef struct _MaintSolverWhy
{
  Need        need;
  SearchStats stats;
} Why;

/* The lexicographic objective of the design, smaller is better. */
typedef struct _MaintSolverScore
{
  gint64 unscheduled[3];        /* emergency, urgent, normal */
  gint64 missed;
  gint64 lateness;
  gint64 reboots;
  gint64 delay;
} Score;


static MaintSolverSlot *
solver_slot (MaintSolver *S,
             guint        i)
{
  return &g_array_index (S->slots, MaintSolverSlot, i);
}

static MaintTlFleet *
solver_new_fleet_timeline (MaintSolver *S)
{
  return maint_tl_fleet_new (S->now, S->horizon_end, 2 * S->n_acts + 16);
}

static void
solver_free (MaintSolver *S)
{
  if (S == NULL)
    return;
  for (guint i = 0; i < S->n_groups; i++)
    {
      g_clear_pointer (&S->groups[i].available, maint_interval_set_unref);
      maint_tl_list_clear (&S->groups[i].down);
    }
  for (guint i = 0; i < S->n_machines; i++)
    maint_tl_list_clear (&S->machines[i].down);
  for (guint i = 0; i < S->n_services; i++)
    {
      g_free (S->services[i].order);
      maint_tl_list_clear (&S->services[i].down);
    }
  for (guint i = 0; i < S->n_hosts; i++)
    maint_tl_list_clear (&S->hosts[i]);
  for (guint i = 0; i < S->n_acts; i++)
    {
      g_free (S->act_info[i].detail);
      if (S->why != NULL)
        g_free (S->why[i]);
    }
  maint_big_free (S->why);
  if (S->group_text != NULL)
    for (guint i = 0; i < 3 * S->n_groups; i++)
      g_free (S->group_text[i]);
  g_free (S->group_text);
  maint_big_free (S->guest_start);
  maint_big_free (S->guests);
  if (S->slots != NULL)
    for (guint i = 0; i < S->slots->len; i++)
      g_free (solver_slot (S, i)->acts);
  g_clear_pointer (&S->slots, g_array_unref);
  g_free (S->groups);
  maint_big_free (S->machines);
  g_free (S->services);
  g_free (S->memberships);
  maint_big_free (S->hosts);
  g_free (S->host_names);
  maint_big_free (S->acts);
  maint_big_free (S->act_info);
  if (S->names != NULL)
    g_string_chunk_free (S->names);
  maint_big_free (S->act_order);
  g_free (S->pinned_base);
  g_free (S->pinned_start);
  g_free (S->pinned_slots);
  g_free (S->pinned_reboot);
  g_free (S->touched);
  maint_big_free (S->free_acts);
  g_free (S->fixed_score);
  maint_big_free (S->units);
  maint_big_free (S->name_rank);
  maint_big_free (S->by_name);
  g_free (S->succ_start);
  g_free (S->succ);
  maint_tl_fleet_free (S->fleet_down);
  g_clear_pointer (&S->machine_index, g_hash_table_unref);
  maint_solver_rollout_free (S->ro);
  g_clear_object (&S->previous);
  g_clear_object (&S->policy);
  g_clear_object (&S->fleet);
  g_free (S);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MaintSolver, solver_free)

static gint32
solver_lookup_machine (MaintSolver *S,
                       const char  *name)
{
  gpointer value;

  if (name == NULL || !g_hash_table_lookup_extended (S->machine_index, name, NULL, &value))
    return -1;
  return GPOINTER_TO_INT (value);
}

/* Activities of one machine, most important first. */
/* solver_lookup_machine() trying @hint first: fleets list a machine's
 * activities, a service's members and the like mostly next to each
 * other, so one string comparison often saves a hash look-up (and its
 * cache misses) in a table of every machine. Names are unique. */
static gint32
solver_lookup_machine_near (MaintSolver *S,
                            const char  *name,
                            gint32       hint)
{
  if (name != NULL && hint >= 0 && (guint) hint < S->n_machines &&
      strcmp (S->machines[hint].name, name) == 0)
    return hint;
  return solver_lookup_machine (S, name);
}

static int
act_cmp (MaintSolver *S,
         guint        ia,
         guint        ib)
{
  const MaintSolverAct *a = &S->acts[ia], *b = &S->acts[ib];

  if (a->machine != b->machine)
    return a->machine < b->machine ? -1 : 1;
  if (a->priority != b->priority)
    return a->priority > b->priority ? -1 : 1;
  if (a->deadline != b->deadline)
    {
      if (a->deadline == 0 || b->deadline == 0)
        return a->deadline == 0 ? 1 : -1;
      return a->deadline < b->deadline ? -1 : 1;
    }
  return strcmp (S->act_info[ia].id, S->act_info[ib].id);
}

static int
act_index_cmp (const void *pa,
               const void *pb,
               void       *data)
{
  MaintSolver *S = data;

  return act_cmp (S, *(const guint *) pa, *(const guint *) pb);
}

static int
pinned_index_cmp (const void *pa,
                  const void *pb,
                  void       *data)
{
  MaintSolver *S = data;
  const MaintSolverAct *a = &S->acts[*(const guint *) pa];
  const MaintSolverAct *b = &S->acts[*(const guint *) pb];
  MaintInterval *ia = S->act_info[*(const guint *) pa].scheduled;
  MaintInterval *ib = S->act_info[*(const guint *) pb].scheduled;

  if (a->machine != b->machine)
    return a->machine < b->machine ? -1 : 1;
  if (maint_interval_get_start (ia) != maint_interval_get_start (ib))
    return maint_interval_get_start (ia) < maint_interval_get_start (ib) ? -1 : 1;
  if (maint_interval_get_end (ia) != maint_interval_get_end (ib))
    return maint_interval_get_end (ia) < maint_interval_get_end (ib) ? -1 : 1;
  return strcmp (S->act_info[*(const guint *) pa].id, S->act_info[*(const guint *) pb].id);
}

static void
solver_needs (MaintSolver *S,
              gint32       machine,
              const guint *acts,
              guint        n,
              Need        *need)
{
  const MaintSolverGroup *g = &S->groups[S->machines[machine].group];
  gint64 sum = S->setup, not_before = 0;
  gboolean all_emergency = TRUE;

  need->reboot = MAINT_REBOOT_KIND_NONE;
  need->deadline = 0;
  need->hi = 0;
  need->hi_act = -1;
  need->lo_act = -1;
  for (guint i = 0; i < n; i++)
    {
      const MaintSolverAct *a = &S->acts[acts[i]];

      if (a->latest_end != 0 && (need->hi == 0 || a->latest_end < need->hi))
        {
          need->hi = a->latest_end;
          need->hi_act = acts[i];
        }

      sum += a->estimate;
      if (a->not_before > not_before)
        {
          not_before = a->not_before;
          need->lo_act = acts[i];
        }
      if (a->priority != MAINT_PRIORITY_EMERGENCY)
        all_emergency = FALSE;
      need->reboot = MAX (need->reboot, a->reboot);
      if (a->deadline != 0 && (need->deadline == 0 || a->deadline < need->deadline))
        need->deadline = a->deadline;
    }
  need->length = MAX (MAX (sum, S->min_slot), 1);
  need->notice = all_emergency ? S->emergency_notice : g->notice;
  need->lo = MAX (S->now + need->notice, not_before);
  if (need->lo > not_before)
    need->lo_act = -1;
}

/* The earliest start in the group's windows at or after @lo with room for
 * @length, ignoring capacity; -1 if there is none. */
static gint64
group_earliest (const MaintSolverGroup *g,
                gint64                  lo,
                gint64                  length)
{
  for (guint i = maint_interval_set_lower_bound (g->available, lo); i < g->n_bounds; i++)
    {
      gint64 s = MAX (g->bounds[2 * i], lo);
      if (g->bounds[2 * i + 1] - s >= length)
        return s;
    }
  return -1;
}

static gboolean
solver_compile (MaintSolver  *S,
                GError      **error)
{
  GPtrArray *groups = maint_fleet_get_groups (S->fleet);
  GPtrArray *machines = maint_fleet_get_machines (S->fleet);
  GPtrArray *services = maint_fleet_get_services (S->fleet);
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GHashTable) group_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) host_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *n_member_of = NULL;
  g_autofree gint32 *host_machine = NULL;
  guint64 total_intervals = 0;

  S->horizon_end = S->now + maint_policy_get_horizon (S->policy);
  S->setup = maint_policy_get_setup (S->policy);
  S->min_slot = maint_policy_get_min_slot (S->policy);
  S->emergency_notice = maint_policy_get_emergency_notice (S->policy);
  S->max_concurrent = maint_policy_get_max_concurrent (S->policy);
  S->max_per_host = maint_policy_get_max_concurrent_per_host (S->policy);

  /* Groups: windows expanded once for the whole horizon */
  S->n_groups = groups->len;
  S->groups = g_new0 (MaintSolverGroup, MAX (S->n_groups, 1));
  for (guint i = 0; i < groups->len; i++)
    {
      MaintResourceGroup *group = g_ptr_array_index (groups, i);
      MaintSolverGroup *g = &S->groups[i];

      g->group = group;
      g->name = maint_resource_group_get_name (group);
      g->zone = maint_resource_group_get_timezone (group);
      g->notice = maint_resource_group_get_notice (group);
      g->max_concurrent = maint_resource_group_get_max_concurrent (group);
      g->available = maint_resource_group_get_maintenance_intervals (group, S->now,
                                                                     S->horizon_end, error);
      if (g->available == NULL)
        return FALSE;
      g->n_bounds = maint_interval_set_peek_bounds (g->available, &g->bounds);
      total_intervals += g->n_bounds;
      if (total_intervals > MAX_TOTAL_INTERVALS)
        {
          g_set_error (error, MAINT_SCHEDULER_ERROR, MAINT_SCHEDULER_ERROR_LIMIT_FAILED,
                       "the resource groups have more than %u maintenance intervals "
                       "within the horizon", MAX_TOTAL_INTERVALS);
          return FALSE;
        }
      g_hash_table_insert (group_index, (gpointer) g->name, GINT_TO_POINTER (i));
    }

  /* Machines and hosts, in fleet order */
  S->n_machines = machines->len;
  S->machines = maint_big_new0 (MAX (S->n_machines, 1), sizeof (MaintSolverMachine));
  /* The names side by side, and the activities' ids below: a plan reads
   * them again and again (slots, host downtimes, reboot counts,
   * sentences, sorts by id), and in a machine or activity object each is
   * a cache miss of its own on a large fleet */
  S->names = g_string_chunk_new (MAX (16 * S->n_machines, 4096));
  S->machine_index = g_hash_table_new (g_str_hash, g_str_equal);
  S->host_names = g_new0 (const char *, MAX (S->n_machines, 1));
  for (guint i = 0; i < machines->len; i++)
    {
      MaintMachine *machine = g_ptr_array_index (machines, i);
      MaintSolverMachine *m = &S->machines[i];
      const char *host = maint_machine_get_host (machine);
      gpointer value;

      m->machine = machine;
      m->name = g_string_chunk_insert (S->names, maint_machine_get_name (machine));
      m->auto_schedule = maint_machine_get_auto_schedule (machine) != FALSE;
      if (!g_hash_table_lookup_extended (group_index, maint_machine_get_group (machine), NULL, &value))
        {
          g_set_error (error, MAINT_SCHEDULER_ERROR, MAINT_SCHEDULER_ERROR_INVALID_FAILED,
                       "machine “%s”: unknown resource group “%s”",
                       m->name, maint_machine_get_group (machine));
          return FALSE;
        }
      m->group = GPOINTER_TO_INT (value);
      m->kind = maint_machine_get_kind (machine);
      m->representative = maint_machine_get_representative (machine) != FALSE;
      m->stage = maint_machine_get_stage (machine);
      if (m->stage == MAINT_STAGE_NONE)
        m->stage = maint_resource_group_get_stage (S->groups[m->group].group);
      m->host = -1;
      if (host != NULL && m->kind == MAINT_MACHINE_KIND_VM)
        {
          if (!g_hash_table_lookup_extended (host_index, host, NULL, &value))
            {
              value = GINT_TO_POINTER (S->n_hosts);
              S->host_names[S->n_hosts++] = host;
              g_hash_table_insert (host_index, (gpointer) host, value);
            }
          m->host = GPOINTER_TO_INT (value);
        }
      g_hash_table_insert (S->machine_index, (gpointer) m->name, GINT_TO_POINTER (i));
    }
  S->hosts = maint_big_new0 (MAX (S->n_hosts, 1), sizeof (MaintTlList));

  /* Services and memberships (grouped by machine) */
  S->n_services = services->len;
  S->services = g_new0 (MaintSolverService, MAX (S->n_services, 1));
  n_member_of = g_new0 (guint, S->n_machines + 1);
  for (guint i = 0; i < services->len; i++)
    {
      MaintService *service = g_ptr_array_index (services, i);
      const char * const *members = maint_service_get_members (service);

      for (guint j = 0, hint = 0; members != NULL && members[j] != NULL; j++)
        {
          gint32 m = solver_lookup_machine_near (S, members[j], hint);
          hint = m + 1;
          if (m < 0)
            {
              g_set_error (error, MAINT_SCHEDULER_ERROR, MAINT_SCHEDULER_ERROR_INVALID_FAILED,
                           "service “%s”: unknown machine “%s”",
                           maint_service_get_name (service), members[j]);
              return FALSE;
            }
          n_member_of[m]++;
          S->n_memberships++;
        }
    }
  S->memberships = g_new0 (MaintSolverMembership, MAX (S->n_memberships, 1));
  for (guint i = 0, at = 0; i < S->n_machines; i++)
    {
      S->machines[i].first_membership = at;
      at += n_member_of[i];
    }
  for (guint i = 0; i < services->len; i++)
    {
      MaintService *service = g_ptr_array_index (services, i);
      MaintSolverService *svc = &S->services[i];
      const char * const *members = maint_service_get_members (service);
      const char * const *order = maint_service_get_order (service);

      svc->service = service;
      svc->name = maint_service_get_name (service);
      svc->max_unavailable = maint_service_get_max_unavailable (service);
      svc->spacing = maint_service_get_spacing (service);
      svc->n_order = order != NULL ? g_strv_length ((char **) order) : 0;
      svc->order = g_new0 (gint32, MAX (svc->n_order, 1));
      for (guint j = 0; j < svc->n_order; j++)
        svc->order[j] = solver_lookup_machine_near (S, order[j], j > 0 ? svc->order[j - 1] + 1 : -1);

      for (guint j = 0, hint = 0; members != NULL && members[j] != NULL; j++)
        {
          gint32 m = solver_lookup_machine_near (S, members[j], hint);
          MaintSolverMachine *mm = &S->machines[m];
          MaintSolverMembership *ms = &S->memberships[mm->first_membership + mm->n_memberships++];

          hint = m + 1;
          ms->service = i;
          ms->position = -1;
          for (guint k = 0; k < svc->n_order; k++)
            if (svc->order[k] == m)
              ms->position = k;
        }
    }

  /* Activities: the fleet's and those its rollouts generate */
  activities = maint_solver_rollout_expand (S, error);
  if (activities == NULL)
    return FALSE;
  S->n_acts = activities->len;
  S->acts = maint_big_new0 (MAX (S->n_acts, 1), sizeof (MaintSolverAct));
  S->act_info = maint_big_new0 (MAX (S->n_acts, 1), sizeof (MaintSolverActInfo));
  for (guint i = 0; i < activities->len; i++)
    {
      MaintActivity *activity = g_ptr_array_index (activities, i);
      MaintSolverAct *a = &S->acts[i];
      MaintSolverActInfo *info = &S->act_info[i];

      if (activity == NULL)
        maint_solver_rollout_fill (S, a, info);  /* generated: no object */
      else
        {
          const char *machine_name = maint_activity_get_machine (activity);
          gint32 prev;

          info->activity = activity;
          info->id = g_string_chunk_insert (S->names, maint_activity_get_id (activity));
          /* The previous activity's machine, or the next one */
          prev = i > 0 ? S->acts[i - 1].machine : -1;
          if (prev >= 0 && machine_name != NULL && strcmp (S->machines[prev].name, machine_name) == 0)
            a->machine = prev;
          else
            a->machine = solver_lookup_machine_near (S, machine_name, prev + 1);
          if (a->machine < 0)
            {
              g_set_error (error, MAINT_SCHEDULER_ERROR, MAINT_SCHEDULER_ERROR_INVALID_FAILED,
                           "activity “%s”: unknown machine “%s”",
                           info->id, maint_activity_get_machine (activity));
              return FALSE;
            }
          a->estimate = maint_activity_get_estimate (activity);
          a->not_before = maint_activity_get_not_before (activity);
          a->deadline = maint_activity_get_deadline (activity);
          a->priority = maint_activity_get_priority (activity);
          a->reboot = maint_activity_get_reboot (activity);
          info->scheduled = maint_activity_get_scheduled (activity);
        }
      a->pinned = info->scheduled != NULL;
      a->slot = -1;
      maint_solver_rollout_bind (S, i);
      S->machines[a->machine].n_acts += a->pinned ? 0 : 1;

      if (!a->pinned)
        {
          Need need;
          guint self_index = i;

          solver_needs (S, a->machine, &self_index, 1, &need);
          a->earliest = group_earliest (&S->groups[S->machines[a->machine].group],
                                        need.lo, need.length);
        }
    }

  /* The unpinned activities in act_cmp() order: by machine first, so
   * each goes straight into its machine's run, and a run (usually a
   * machine's few activities) is sorted in place. A sort of them all
   * compared activities scattered over the whole array. */
  S->act_order = maint_big_new0 (MAX (S->n_acts, 1), sizeof (guint));
  {
    g_autofree guint *fill = g_new (guint, MAX (S->n_machines, 1));

    for (guint i = 0, at = 0; i < S->n_machines; i++)
      {
        S->machines[i].first_act = fill[i] = at;
        at += S->machines[i].n_acts;
      }
    for (guint i = 0; i < S->n_acts; i++)
      if (!S->acts[i].pinned)
        S->act_order[fill[S->acts[i].machine]++] = i;
    for (guint i = 0; i < S->n_machines; i++)
      {
        guint *run = &S->act_order[S->machines[i].first_act];

        if (S->machines[i].n_acts > 16)
          {
            g_qsort_with_data (run, S->machines[i].n_acts, sizeof (guint), act_index_cmp, S);
            continue;
          }
        for (guint k = 1; k < S->machines[i].n_acts; k++)
          {
            guint act = run[k], p;

            for (p = k; p > 0 && act_cmp (S, run[p - 1], act) > 0; p--)
              run[p] = run[p - 1];
            run[p] = act;
          }
      }
  }

  /* Guests of each host machine: a host's reboot is their downtime too */
  S->guest_start = maint_big_new0 (S->n_machines + 1, sizeof (guint));
  S->guests = maint_big_new0 (MAX (S->n_machines, 1), sizeof (guint));
  host_machine = g_new (gint32, MAX (S->n_hosts, 1));
  for (guint h = 0; h < S->n_hosts; h++)
    host_machine[h] = solver_lookup_machine (S, S->host_names[h]);
  for (int pass = 0; pass < 2; pass++)
    {
      g_autofree guint *fill = pass ? g_memdup2 (S->guest_start, (S->n_machines + 1) * sizeof (guint)) : NULL;

      for (guint i = 0; i < S->n_machines; i++)
        {
          gint32 h = S->machines[i].host >= 0 ? host_machine[S->machines[i].host] : -1;
          if (h < 0)
            continue;
          if (pass == 0)
            S->guest_start[h + 1]++;
          else
            S->guests[fill[h]++] = i;
        }
      if (pass == 0)
        for (guint i = 1; i <= S->n_machines; i++)
          S->guest_start[i] += S->guest_start[i - 1];
    }

  S->slots = g_array_new (FALSE, TRUE, sizeof (MaintSolverSlot));
  S->why = maint_big_new0 (MAX (S->n_acts, 1), sizeof (Why *));
  S->fleet_down = solver_new_fleet_timeline (S);
  maint_solver_rollout_prepare (S);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Occupancy and the feasibility check                                 */

void
solver_occupy (MaintSolver           *S,
               const MaintSolverSlot *slot,
               int                    delta)
{
  MaintSolverMachine *m = &S->machines[slot->machine];
  MaintTlList *lists[4] = { &m->down, &S->groups[m->group].down,
                            m->host >= 0 ? &S->hosts[m->host] : NULL, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (lists) && lists[i] != NULL; i++)
    {
      if (delta > 0)
        maint_tl_list_add (lists[i], slot->start, slot->end, slot->machine);
      else
        maint_tl_list_remove (lists[i], slot->start, slot->end, slot->machine);
    }
  for (guint i = 0; i < m->n_memberships; i++)
    {
      MaintSolverService *svc = &S->services[S->memberships[m->first_membership + i].service];
      if (delta > 0)
        maint_tl_list_add (&svc->down, slot->start, slot->end, slot->machine);
      else
        maint_tl_list_remove (&svc->down, slot->start, slot->end, slot->machine);
    }
  maint_tl_fleet_add (S->fleet_down, slot->start, slot->end, delta);

  /* A rebooting host takes its guests down: that counts for their services */
  if (slot->reboot != MAINT_REBOOT_KIND_NONE)
    for (guint k = S->guest_start[slot->machine]; k < S->guest_start[slot->machine + 1]; k++)
      {
        const MaintSolverMachine *g = &S->machines[S->guests[k]];
        for (guint i = 0; i < g->n_memberships; i++)
          {
            MaintSolverService *svc = &S->services[S->memberships[g->first_membership + i].service];
            if (delta > 0)
              maint_tl_list_add (&svc->down, slot->start, slot->end, S->guests[k]);
            else
              maint_tl_list_remove (&svc->down, slot->start, slot->end, S->guests[k]);
          }
      }
}

/* The one feasibility check, used by the greedy, the repair and the
 * explanation alike. Windows, notice and not_before are the caller's:
 * this checks constraints 5 and 6 for @machine down over [start, end). */
/* The services of @machine's guests, when @machine is a host whose slot
 * reboots: all its guests go down at once. */
static gboolean
solver_check_guests (MaintSolver    *S,
                     gint32          machine,
                     gint64          start,
                     gint64          end,
                     MaintBlockInfo *info)
{
  for (guint k = S->guest_start[machine]; k < S->guest_start[machine + 1]; k++)
    {
      const MaintSolverMachine *g = &S->machines[S->guests[k]];

      for (guint i = 0; i < g->n_memberships; i++)
        {
          guint sv = S->memberships[g->first_membership + i].service;
          const MaintSolverService *svc = &S->services[sv];
          guint together = 0;

          /* Members on this host all go down with it */
          for (guint j = S->guest_start[machine]; j < S->guest_start[machine + 1]; j++)
            {
              const MaintSolverMachine *o = &S->machines[S->guests[j]];
              for (guint l = 0; l < o->n_memberships; l++)
                together += S->memberships[o->first_membership + l].service == sv;
            }
          info->service = sv;
          info->conflict = (MaintTlConflict) { G_MAXINT64, (gint) together, S->guests[k], start };
          if (svc->spacing > 0 && together > 1)
            {
              info->block = MAINT_BLOCK_SPACING;
              return FALSE;
            }
          if (svc->max_unavailable > 0 && together > svc->max_unavailable)
            {
              info->block = MAINT_BLOCK_SERVICE;
              return FALSE;
            }
          /* Conservative: other guests' own slots may be counted twice */
          if (svc->spacing > 0 &&
              !maint_tl_list_check (&svc->down, start, end, 1, svc->spacing, S->guests[k], &info->conflict))
            {
              info->block = MAINT_BLOCK_SPACING;
              return FALSE;
            }
          if (svc->max_unavailable > 0 &&
              !maint_tl_list_check (&svc->down, start, end, svc->max_unavailable - together + 1, 0,
                                    S->guests[k], &info->conflict))
            {
              info->block = MAINT_BLOCK_SERVICE;
              return FALSE;
            }
        }
    }
  return TRUE;
}

gboolean
solver_check (MaintSolver    *S,
              gint32          machine,
              gint64          start,
              gint64          end,
              gboolean        reboots,
              MaintBlockInfo *info)
{
  const MaintSolverMachine *m = &S->machines[machine];
  const MaintSolverGroup *g = &S->groups[m->group];

  info->service = 0;

  if (!maint_tl_list_check (&m->down, start, end, 1, 0, -1, &info->conflict))
    {
      info->block = MAINT_BLOCK_MACHINE;
      return FALSE;
    }

  /* Order: every earlier member's slots end before this one starts,
   * every later member's slots start after this one ends */
  for (guint i = 0; i < m->n_memberships; i++)
    {
      const MaintSolverMembership *ms = &S->memberships[m->first_membership + i];
      const MaintSolverService *svc = &S->services[ms->service];

      if (ms->position < 0)
        continue;
      for (guint k = 0; k < svc->n_order; k++)
        {
          const MaintTlList *other;

          if ((gint) k == ms->position || svc->order[k] < 0 || svc->order[k] == machine)
            continue;
          other = &S->machines[svc->order[k]].down;
          if (other->len == 0)
            continue;
          if ((gint) k < ms->position)
            {
              gint64 max_end = 0;
              for (guint j = 0; j < other->len; j++)
                max_end = MAX (max_end, maint_tl_list_items (other)[j].end);
              if (start < max_end)
                {
                  info->block = MAINT_BLOCK_ORDER;
                  info->service = ms->service;
                  info->conflict = (MaintTlConflict) { max_end, 1, svc->order[k], max_end };
                  return FALSE;
                }
            }
          else if (end > maint_tl_list_items (other)[0].start)
            {
              info->block = MAINT_BLOCK_ORDER;
              info->service = ms->service;
              info->conflict = (MaintTlConflict) { G_MAXINT64, 1, svc->order[k],
                                                   maint_tl_list_items (other)[0].start };
              return FALSE;
            }
        }
    }

  if (S->max_per_host > 0 && m->host >= 0 &&
      !maint_tl_list_check (&S->hosts[m->host], start, end, S->max_per_host, 0, machine, &info->conflict))
    {
      info->block = MAINT_BLOCK_HOST;
      return FALSE;
    }

  if (g->max_concurrent > 0 &&
      !maint_tl_list_check (&g->down, start, end, g->max_concurrent, 0, machine, &info->conflict))
    {
      info->block = MAINT_BLOCK_GROUP;
      return FALSE;
    }

  for (guint i = 0; i < m->n_memberships; i++)
    {
      guint k = S->memberships[m->first_membership + i].service;
      const MaintSolverService *svc = &S->services[k];

      if (svc->spacing > 0 &&
          !maint_tl_list_check (&svc->down, start, end, 1, svc->spacing, machine, &info->conflict))
        {
          info->block = MAINT_BLOCK_SPACING;
          info->service = k;
          return FALSE;
        }
      if (svc->max_unavailable > 0 &&
          !maint_tl_list_check (&svc->down, start, end, svc->max_unavailable, 0, machine, &info->conflict))
        {
          info->block = MAINT_BLOCK_SERVICE;
          info->service = k;
          return FALSE;
        }
    }

  if (S->max_concurrent > 0 &&
      !maint_tl_fleet_check (S->fleet_down, start, end, S->max_concurrent, &info->conflict))
    {
      info->block = MAINT_BLOCK_FLEET;
      return FALSE;
    }

  if (reboots && S->guest_start[machine] < S->guest_start[machine + 1] &&
      !solver_check_guests (S, machine, start, end, info))
    return FALSE;

  info->block = MAINT_BLOCK_NONE;
  return TRUE;
}

/* The earliest start at or after @lo at which @machine can be down for
 * @length inside one of its group's maintenance intervals; -1 if none.
 * Candidate starts are the interval starts and, after a rejection, the
 * earliest instant the rejecting constraint no longer excludes. */
static gint64
solver_search (MaintSolver *S,
               gint32       machine,
               gint64       length,
               gint64       lo,
               gint64       hi,
               gboolean     reboots,
               SearchStats *stats)
{
  const MaintSolverGroup *g = &S->groups[S->machines[machine].group];

  for (guint i = maint_interval_set_lower_bound (g->available, lo); i < g->n_bounds; i++)
    {
      gint64 s = MAX (g->bounds[2 * i], lo);
      gint64 b = hi > 0 ? MIN (g->bounds[2 * i + 1], hi) : g->bounds[2 * i + 1];

      if (hi > 0 && g->bounds[2 * i] > hi - length)
        break;

      while (s <= b - length)
        {
          MaintBlockInfo info;

          if (solver_check (S, machine, s, s + length, reboots, &info))
            return s;
          if (stats != NULL)
            {
              stats->counts[info.block]++;
              stats->last[info.block] = info;
              stats->last_block = info.block;
              stats->tried++;
            }
          if (info.conflict.next == G_MAXINT64)
            return -1;
          s = MAX (s + 1, info.conflict.next);
        }
    }
  return -1;
}

/* ------------------------------------------------------------------ */
/* Human-readable text                                                 */

static char *
format_local (gint64      instant,
              const char *zone)
{
  gint32 offset = maint_time_zone_offset_at (zone, instant, NULL);
  g_autofree char *abbr = maint_time_zone_abbreviation_at (zone, instant, NULL);
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (instant + offset);
  g_autofree char *text = dt != NULL ? g_date_time_format (dt, "%Y-%m-%d %H:%M") : NULL;

  if (text == NULL)
    return maint_instant_format (instant);
  return abbr != NULL ? g_strdup_printf ("%s %s", text, abbr) : g_steal_pointer (&text);
}

static char *
format_duration (gint64 seconds)
{
  GString *s = g_string_new (NULL);
  gint64 d = seconds / 86400, h = seconds % 86400 / 3600;
  gint64 m = seconds % 3600 / 60, sec = seconds % 60;

  if (d > 0)
    g_string_append_printf (s, "%" G_GINT64_FORMAT " %s", d, d == 1 ? "day" : "days");
  if (h > 0)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT " h", s->len ? " " : "", h);
  if (m > 0)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT " min", s->len ? " " : "", m);
  if (sec > 0 || s->len == 0)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT " s", s->len ? " " : "", sec);
  return g_string_free (s, FALSE);
}

/* "daily 22:00-05:00, Europe/Berlin" */
static char *
describe_windows (const MaintSolverGroup *g)
{
  GPtrArray *specs = maint_resource_group_get_windows (g->group);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < specs->len; i++)
    {
      g_autofree char *text = maint_window_spec_to_string (g_ptr_array_index (specs, i));
      g_string_append_printf (s, "%s%s", i ? ", " : "", text);
    }
  if (specs->len == 0)
    g_string_append (s, "no windows");
  g_string_append_printf (s, ", %s", g->zone);
  return g_string_free (s, FALSE);
}

static char *
describe_block (MaintSolver          *S,
                const MaintBlockInfo *info,
                gint32                machine)
{
  const MaintSolverMachine *m = &S->machines[machine];

  switch (info->block)
    {
    case MAINT_BLOCK_MACHINE:
      return g_strdup ("the machine's other slots take the time");
    case MAINT_BLOCK_ORDER:
      {
        const MaintSolverService *svc = &S->services[info->service];
        const char *other = info->conflict.witness >= 0 ? S->machines[info->conflict.witness].name : "?";
        return g_strdup_printf ("service “%s” takes its members down in order and %s is %s",
                                svc->name, other,
                                info->conflict.next == G_MAXINT64 ? "already planned earlier" : "not done yet");
      }
    case MAINT_BLOCK_HOST:
      return g_strdup_printf ("host %s already has %d of at most %u guests down",
                              S->host_names[m->host], info->conflict.count, S->max_per_host);
    case MAINT_BLOCK_GROUP:
      return g_strdup_printf ("group “%s” already has %d of at most %u machines down",
                              S->groups[m->group].name, info->conflict.count,
                              S->groups[m->group].max_concurrent);
    case MAINT_BLOCK_SERVICE:
      {
        const MaintSolverService *svc = &S->services[info->service];
        const char *other = info->conflict.witness >= 0 ? S->machines[info->conflict.witness].name : "?";
        return g_strdup_printf ("service “%s”: member %s is down (at most %u of its members may be down at once)",
                                svc->name, other, svc->max_unavailable);
      }
    case MAINT_BLOCK_SPACING:
      {
        const MaintSolverService *svc = &S->services[info->service];
        const char *other = info->conflict.witness >= 0 ? S->machines[info->conflict.witness].name : "?";
        g_autofree char *spacing = format_duration (svc->spacing);
        return g_strdup_printf ("service “%s”: member %s is down less than %s apart",
                                svc->name, other, spacing);
      }
    case MAINT_BLOCK_FLEET:
      return g_strdup_printf ("fleet concurrency: %d machines already down (at most %u)",
                              info->conflict.count, S->max_concurrent);
    case MAINT_BLOCK_NONE:
    case MAINT_N_BLOCKS:
    default:
      return g_strdup ("free");
    }
}

/* The reason code an attempt gets when nothing was found: the most
 * specific static reason, else capacity or service, whichever rejected
 * more candidate starts (the last rejection decides a tie). */
static MaintUnscheduledReason
solver_reason (MaintSolver       *S,
               gint32             machine,
               const Need        *need,
               const SearchStats *stats,
               char             **detail)
{
  const MaintSolverMachine *m = &S->machines[machine];
  const MaintSolverGroup *g = &S->groups[m->group];
  const char *windows = NULL, *from = NULL, *to = NULL;
  gint64 notice_at = S->now + need->notice;
  gboolean after_lo = FALSE, after_notice = FALSE;
  guint capacity, service;

  /* The sentence is only written for the plan, not in the search; its
   * group's parts are the same for each of the group's activities */
  if (detail != NULL)
    {
      char **text;

      if (S->group_text == NULL)
        S->group_text = g_new0 (char *, 3 * (gsize) MAX (S->n_groups, 1));
      text = &S->group_text[3 * (gsize) m->group];
      if (text[0] == NULL)
        {
          text[0] = describe_windows (g);
          text[1] = format_local (S->now, g->zone);
          text[2] = format_local (S->horizon_end, g->zone);
        }
      windows = text[0];
      from = text[1];
      to = text[2];
    }

  /* A wave or the staging lead that leaves no window with room */
  if (need->hi_act >= 0 &&
      maint_solver_rollout_reason (S, need->hi_act, need->lo, need->length, detail))
    return MAINT_UNSCHEDULED_ROLLOUT;

  if (g->n_bounds == 0)
    {
      if (detail == NULL)
        return MAINT_UNSCHEDULED_NO_WINDOW;
      *detail = g_strdup_printf ("%s: no maintenance window of group “%s” (%s) between %s and %s",
                                 m->name, g->name, windows, from, to);
      return MAINT_UNSCHEDULED_NO_WINDOW;
    }

  for (guint i = 0; i < g->n_bounds; i++)
    {
      after_notice |= g->bounds[2 * i + 1] > notice_at;
      after_lo |= g->bounds[2 * i + 1] > need->lo;
    }

  /* not_before is the binding bound when the notice alone would do */
  if (!after_lo && need->lo > notice_at && after_notice)
    {
      if (detail == NULL)
        return MAINT_UNSCHEDULED_NOT_BEFORE;
      g_autofree char *nb = format_local (need->lo, g->zone);
      *detail = g_strdup_printf ("%s: no maintenance window of group “%s” (%s) between "
                                 "its not-before time %s and %s",
                                 m->name, g->name, windows, nb, to);
      return MAINT_UNSCHEDULED_NOT_BEFORE;
    }
  if (!after_lo)
    {
      if (detail == NULL)
        return MAINT_UNSCHEDULED_NOTICE;
      g_autofree char *notice = format_duration (need->notice);
      *detail = g_strdup_printf ("%s: no maintenance window of group “%s” (%s) between %s and %s "
                                 "leaves %s notice",
                                 m->name, g->name, windows, from, to, notice);
      return MAINT_UNSCHEDULED_NOTICE;
    }
  if (group_earliest (g, need->lo, need->length) < 0)
    {
      if (detail == NULL)
        return MAINT_UNSCHEDULED_TOO_LONG;
      g_autofree char *length = format_duration (need->length);
      g_autofree char *lo = format_local (need->lo, g->zone);
      *detail = g_strdup_printf ("%s: the slot needs %s, but no maintenance window of group “%s” "
                                 "(%s) between %s and %s is that long",
                                 m->name, length, g->name, windows, lo, to);
      return MAINT_UNSCHEDULED_TOO_LONG;
    }

  capacity = stats->counts[MAINT_BLOCK_MACHINE] + stats->counts[MAINT_BLOCK_HOST] +
             stats->counts[MAINT_BLOCK_GROUP] + stats->counts[MAINT_BLOCK_FLEET];
  service = stats->counts[MAINT_BLOCK_ORDER] + stats->counts[MAINT_BLOCK_SERVICE] +
            stats->counts[MAINT_BLOCK_SPACING];
  {
    gboolean is_service;
    MaintBlock worst = MAINT_BLOCK_NONE;
    g_autofree char *what = NULL;
    g_autofree char *length = NULL;

    if (service != capacity)
      is_service = service > capacity;
    else
      is_service = stats->last_block == MAINT_BLOCK_ORDER ||
                   stats->last_block == MAINT_BLOCK_SERVICE ||
                   stats->last_block == MAINT_BLOCK_SPACING;
    if (detail == NULL)
      return is_service ? MAINT_UNSCHEDULED_SERVICE : MAINT_UNSCHEDULED_CAPACITY;
    length = format_duration (need->length);
    for (MaintBlock b = MAINT_BLOCK_MACHINE; b < MAINT_N_BLOCKS; b++)
      {
        gboolean b_service = b == MAINT_BLOCK_ORDER || b == MAINT_BLOCK_SERVICE || b == MAINT_BLOCK_SPACING;
        if (b_service == is_service && stats->counts[b] > 0 &&
            (worst == MAINT_BLOCK_NONE || stats->counts[b] > stats->counts[worst]))
          worst = b;
      }
    if (worst != MAINT_BLOCK_NONE)
      what = describe_block (S, &stats->last[worst], machine);
    else
      what = g_strdup ("no room");
    *detail = g_strdup_printf ("%s: every window of group “%s” (%s) with room for the %s slot "
                               "before %s is taken: %s",
                               m->name, g->name, windows, length, to, what);
    return is_service ? MAINT_UNSCHEDULED_SERVICE : MAINT_UNSCHEDULED_CAPACITY;
  }
}

/* ------------------------------------------------------------------ */
/* Placing units                                                       */

static guint
solver_commit (MaintSolver *S,
               gint32       machine,
               const guint *acts,
               guint        n,
               gint64       start,
               const Need  *need)
{
  MaintSolverSlot slot = { 0, };
  guint index = S->slots->len;

  slot.machine = machine;
  slot.start = start;
  slot.end = start + need->length;
  slot.acts = g_memdup2 (acts, n * sizeof (guint));
  slot.n_acts = n;
  slot.reboot = need->reboot;
  slot.notice = need->notice;
  slot.live = TRUE;
  g_array_append_val (S->slots, slot);
  for (guint i = 0; i < n; i++)
    S->acts[acts[i]].slot = index;
  solver_occupy (S, &slot, +1);
  return index;
}

/* Undoes the last commit. */
static void
solver_pop (MaintSolver *S)
{
  MaintSolverSlot *slot = solver_slot (S, S->slots->len - 1);

  solver_occupy (S, slot, -1);
  for (guint i = 0; i < slot->n_acts; i++)
    S->acts[slot->acts[i]].slot = -1;
  g_free (slot->acts);
  g_array_set_size (S->slots, S->slots->len - 1);
}

static void
solver_unschedule (MaintSolver            *S,
                   guint                   act,
                   MaintUnscheduledReason  reason,
                   char                   *detail)
{
  S->acts[act].slot = -1;
  S->acts[act].reason = reason;
  g_free (S->act_info[act].detail);
  S->act_info[act].detail = detail;
}

/* Records why @act got no slot; the sentence is written with the plan. */
static void
solver_unschedule_why (MaintSolver       *S,
                       gint32             machine,
                       guint              act,
                       const Need        *need,
                       const SearchStats *stats)
{
  MaintUnscheduledReason reason = solver_reason (S, machine, need, stats, NULL);

  solver_unschedule (S, act, reason, NULL);
  if (S->why[act] == NULL)
    S->why[act] = g_new (Why, 1);
  S->why[act]->need = *need;
  S->why[act]->stats = *stats;
}

static guint
count_missed (MaintSolver *S,
              const guint *acts,
              guint        n,
              gint64       end)
{
  guint missed = 0;

  for (guint i = 0; i < n; i++)
    if (S->acts[acts[i]].deadline != 0 && end > S->acts[acts[i]].deadline)
      missed++;
  return missed;
}

/* Unpinned activities may join an announced slot of their machine without
 * a new downtime, when the slot meets every rule a new slot would: room
 * for all activities, inside a window, notice and not_before. */
static gboolean
solver_try_merge (MaintSolver *S,
                  guint        act)
{
  const MaintSolverAct *a = &S->acts[act];

  /* A fresh fleet has none: not even a look at the index (a cache miss
   * per activity on large fleets) */
  if (S->n_pinned_slots == 0)
    return FALSE;
  /* The group only for a machine with pinned slots: a rollout's host
   * reboots are pinned slots, and most machines are no hosts */
  for (guint p = S->pinned_start[a->machine]; p < S->pinned_start[a->machine + 1]; p++)
    {
      const MaintSolverGroup *g = &S->groups[S->machines[a->machine].group];
      guint i = S->pinned_slots[p];
      MaintSolverSlot *slot = solver_slot (S, i);
      gint64 need = S->setup + a->estimate;
      gint64 notice = a->priority == MAINT_PRIORITY_EMERGENCY ? S->emergency_notice : g->notice;
      guint k;

      /* Only announced slots; a rollout's host reboot takes no other work */
      if (slot->machine != a->machine || !slot->pinned)
        continue;
      if (a->latest_end != 0 && slot->end > a->latest_end)
        continue;
      /* A host slot that starts rebooting would take its guests down unchecked */
      if (slot->reboot == MAINT_REBOOT_KIND_NONE && a->reboot != MAINT_REBOOT_KIND_NONE &&
          S->guest_start[a->machine] < S->guest_start[a->machine + 1])
        continue;
      for (guint j = 0; j < slot->n_acts; j++)
        need += S->acts[slot->acts[j]].estimate;
      if (MAX (need, S->min_slot) > slot->end - slot->start ||
          slot->start < S->now + notice || slot->start < a->not_before ||
          slot->end > S->horizon_end ||
          (a->deadline != 0 && slot->end > a->deadline))
        continue;
      k = maint_interval_set_lower_bound (g->available, slot->start);
      if (k >= g->n_bounds || g->bounds[2 * k] > slot->start || g->bounds[2 * k + 1] < slot->end)
        continue;

      if (slot->n_acts == S->pinned_base[i])
        S->touched[S->n_touched++] = i;
      slot->acts = g_renew (guint, slot->acts, slot->n_acts + 1);
      slot->acts[slot->n_acts++] = act;
      slot->reboot = MAX (slot->reboot, a->reboot);
      S->acts[act].slot = i;
      return TRUE;
    }
  return FALSE;
}

/* One attempt: the earliest start for @acts together, or -1 with the
 * reason recorded in @reason/@detail when they do not fit anywhere. */
static gint64
solver_attempt (MaintSolver            *S,
                gint32                  machine,
                const guint            *acts,
                guint                   n,
                Need                   *need,
                SearchStats            *stats)
{
  solver_needs (S, machine, acts, n, need);
  memset (stats, 0, sizeof *stats);
  return solver_search (S, machine, need->length, need->lo, need->hi,
                        need->reboot != MAINT_REBOOT_KIND_NONE, stats);
}

static gboolean
stats_blocked (const SearchStats *stats)
{
  for (MaintBlock b = MAINT_BLOCK_MACHINE; b < MAINT_N_BLOCKS; b++)
    if (stats->counts[b] > 0)
      return TRUE;
  return FALSE;
}

/* Places one machine's unpinned activities: merged into an announced
 * slot where allowed, else in one slot, else split greedily (most
 * important first) into as few slots as keep every deadline that one
 * slot would miss. Returns whether capacity or service limits kept any
 * activity out. */
static gboolean
solver_place_unit (MaintSolver *S,
                   Unit        *unit)
{
  MaintSolverMachine *m = &S->machines[unit->machine];
  g_autofree guint *rest = g_new (guint, MAX (m->n_acts, 1));
  g_autofree guint *cur = g_new (guint, MAX (m->n_acts, 1));
  guint n_rest = 0, n_cur = 0;
  gboolean blocked = FALSE;
  Need need, cur_need;
  SearchStats stats;
  gint64 start, cur_start = -1;
  guint cur_missed = 0;

  for (guint i = 0; i < m->n_acts; i++)
    {
      guint act = S->act_order[m->first_act + i];
      if (!solver_try_merge (S, act))
        rest[n_rest++] = act;
    }
  if (n_rest == 0)
    return FALSE;

  start = solver_attempt (S, unit->machine, rest, n_rest, &need, &stats);
  if (start >= 0 && (n_rest == 1 || count_missed (S, rest, n_rest, start + need.length) == 0))
    {
      solver_commit (S, unit->machine, rest, n_rest, start, &need);
      return FALSE;
    }
  if (n_rest == 1)
    {
      solver_unschedule_why (S, unit->machine, rest[0], &need, &stats);
      return stats_blocked (&stats);
    }

  {
    /* Split, and keep the split only if it is better than one late slot */
    guint base = S->slots->len;
    guint one_missed = start >= 0 ? count_missed (S, rest, n_rest, start + need.length) : G_MAXUINT;
    guint split_missed = 0, split_unscheduled = 0;
    Need one_need = need;

    for (guint i = 0; i <= n_rest; i++)
      {
        if (i < n_rest)
          {
            Need try_need;
            SearchStats try_stats;
            gint64 s;

            cur[n_cur] = rest[i];
            if (n_cur > 0)
              {
                s = solver_attempt (S, unit->machine, cur, n_cur + 1, &try_need, &try_stats);
                if (s >= 0 && count_missed (S, cur, n_cur + 1, s + try_need.length) <= cur_missed)
                  {
                    cur_missed = count_missed (S, cur, n_cur + 1, s + try_need.length);
                    n_cur++;
                    cur_start = s;
                    cur_need = try_need;
                    continue;
                  }
              }
          }
        if (n_cur > 0)
          {
            solver_commit (S, unit->machine, cur, n_cur, cur_start, &cur_need);
            split_missed += cur_missed;
            n_cur = 0;
          }
        if (i < n_rest)
          {
            cur_start = solver_attempt (S, unit->machine, &rest[i], 1, &cur_need, &stats);
            if (cur_start < 0)
              {
                solver_unschedule_why (S, unit->machine, rest[i], &cur_need, &stats);
                blocked |= stats_blocked (&stats);
                split_unscheduled++;
              }
            else
              {
                cur[0] = rest[i];
                n_cur = 1;
                cur_missed = count_missed (S, cur, 1, cur_start + cur_need.length);
              }
          }
      }

    if (start >= 0 && (split_unscheduled > 0 || split_missed >= one_missed))
      {
        while (S->slots->len > base)
          solver_pop (S);
        for (guint i = 0; i < n_rest; i++)
          {
            g_clear_pointer (&S->act_info[rest[i]].detail, g_free);
          }
        solver_commit (S, unit->machine, rest, n_rest, start, &one_need);
        return FALSE;
      }
  }
  return blocked;
}

/* ------------------------------------------------------------------ */
/* The greedy and the repair loop                                      */

static int
unit_cmp (const Unit *a,
          const Unit *b,
          MaintSolver *S)
{
  if (a->priority != b->priority)
    return a->priority > b->priority ? -1 : 1;
  if (a->deadline != b->deadline)
    {
      if (a->deadline == 0 || b->deadline == 0)
        return a->deadline == 0 ? 1 : -1;
      return a->deadline < b->deadline ? -1 : 1;
    }
  if (a->earliest != b->earliest)
    {
      /* No window at all: nothing to gain by going first */
      if (a->earliest < 0 || b->earliest < 0)
        return a->earliest < 0 ? 1 : -1;
      return a->earliest < b->earliest ? -1 : 1;
    }
  /* Stability: among equals, the previous plan's order */
  if (a->previous != b->previous)
    {
      if (a->previous == 0 || b->previous == 0)
        return a->previous == 0 ? 1 : -1;
      return a->previous < b->previous ? -1 : 1;
    }
  /* The names' order, precomputed (solver_rank_names) */
  return (S->name_rank[a->machine] > S->name_rank[b->machine]) -
         (S->name_rank[a->machine] < S->name_rank[b->machine]);
}

static int
unit_qsort_cmp (const void *pa,
                const void *pb,
                void       *data)
{
  return unit_cmp (pa, pb, data);
}

static int
machine_name_cmp (const void *pa,
                  const void *pb,
                  void       *data)
{
  MaintSolver *S = data;
  return strcmp (S->machines[*(const guint *) pa].name, S->machines[*(const guint *) pb].name);
}

/* Each machine's position among the names in strcmp order, so that the
 * sorts (units, plan slots) that end on the name compare integers: they
 * see many ties on the instants (units of one window start, slots that
 * open together), and names are long with long common prefixes. Names
 * are unique (the fleet is validated). Fleets usually list machines in
 * name order already: checked in one pass before sorting. */
void
solver_rank_names (MaintSolver *S)
{
  guint *by_name = maint_big_new0 (MAX (S->n_machines, 1), sizeof (guint));
  gboolean sorted = TRUE;

  for (guint i = 0; i < S->n_machines; i++)
    {
      by_name[i] = i;
      if (i > 0 && sorted && strcmp (S->machines[i - 1].name, S->machines[i].name) > 0)
        sorted = FALSE;
    }
  if (!sorted)
    g_qsort_with_data (by_name, S->n_machines, sizeof (guint), machine_name_cmp, S);
  S->name_rank = maint_big_new0 (MAX (S->n_machines, 1), sizeof (guint));
  for (guint i = 0; i < S->n_machines; i++)
    S->name_rank[by_name[i]] = i;
  S->by_name = by_name;
}

static void
solver_build_units (MaintSolver *S)
{
  g_autofree guint *unit_of = g_new (guint, MAX (S->n_machines, 1));
  g_autofree guint *n_succ = NULL;
  guint n_edges = 0;

  if (S->name_rank == NULL)
    solver_rank_names (S);
  S->units = maint_big_new0 (MAX (S->n_machines, 1), sizeof (Unit));
  for (guint i = 0; i < S->n_machines; i++)
    {
      MaintSolverMachine *m = &S->machines[i];
      Unit *u;
      Need need;

      unit_of[i] = G_MAXUINT;
      if (m->n_acts == 0)
        continue;
      if (!m->auto_schedule)
        {
          for (guint j = 0; j < m->n_acts; j++)
            {
              guint act = S->act_order[m->first_act + j];
              solver_unschedule (S, act, MAINT_UNSCHEDULED_AUTO_SCHEDULE_OFF,
                                 g_strdup_printf ("%s: automatic scheduling is off for this machine "
                                                  "and the activity has no announced slot", m->name));
            }
          continue;
        }

      u = &S->units[S->n_units];
      u->machine = i;
      u->priority = S->acts[S->act_order[m->first_act]].priority;
      solver_needs (S, i, &S->act_order[m->first_act], m->n_acts, &need);
      u->deadline = need.deadline;
      u->earliest = group_earliest (&S->groups[m->group], need.lo, need.length);
      if (S->previous != NULL)
        {
          MaintSlot *prev = maint_plan_lookup_slot (S->previous, S->act_info[S->act_order[m->first_act]].id);
          if (prev != NULL && g_strcmp0 (maint_slot_get_machine (prev), m->name) == 0)
            u->previous = maint_slot_get_start (prev);
        }
      S->n_units++;
    }

  g_qsort_with_data (S->units, S->n_units, sizeof (Unit), unit_qsort_cmp, S);
  for (guint i = 0; i < S->n_units; i++)
    {
      S->units[i].rank = i;
      unit_of[S->units[i].machine] = i;
    }

  /* Order edges: consecutive members (that have units) of each order */
  n_succ = g_new0 (guint, S->n_units + 1);
  for (int pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        {
          S->succ_start = g_new0 (guint, S->n_units + 1);
          for (guint i = 0; i < S->n_units; i++)
            S->succ_start[i + 1] = S->succ_start[i] + n_succ[i];
          S->succ = g_new0 (guint, MAX (n_edges, 1));
          memset (n_succ, 0, (S->n_units + 1) * sizeof (guint));
        }
      for (guint k = 0; k < S->n_services; k++)
        {
          const MaintSolverService *svc = &S->services[k];
          guint prev = G_MAXUINT;

          for (guint j = 0; j < svc->n_order; j++)
            {
              guint u = svc->order[j] >= 0 ? unit_of[svc->order[j]] : G_MAXUINT;
              if (u == G_MAXUINT)
                continue;
              if (prev != G_MAXUINT && prev != u)
                {
                  if (pass == 0)
                    n_edges++;
                  else
                    S->succ[S->succ_start[prev] + n_succ[prev]] = u;
                  n_succ[prev]++;
                }
              prev = u;
            }
        }
    }
}

/* A binary heap of unit indices, ordered by rank. */
/* The greedy's queue of ready units, smallest rank first. An item is
 * (rank << 32 | unit): comparing items is comparing ranks (unique), with
 * no look-up in the units array per comparison (that was a cache miss
 * per level on large fleets). */
typedef struct
{
  guint64 *items;
  guint    len;
} Heap;

static void
heap_push (Heap        *h,
           const Unit  *units,
           guint        u)
{
  guint i = h->len++;
  guint64 item = (guint64) units[u].rank << 32 | u;

  while (i > 0 && h->items[(i - 1) / 2] > item)
    {
      guint p = (i - 1) / 2;
      h->items[i] = h->items[p];
      i = p;
    }
  h->items[i] = item;
}

static guint
heap_pop (Heap *h)
{
  guint64 top = h->items[0], last = h->items[--h->len];
  guint i = 0;

  for (;;)
    {
      guint l = 2 * i + 1, r = l + 1, m;

      if (l >= h->len)
        break;
      m = r < h->len && h->items[r] < h->items[l] ? r : l;
      if (h->items[m] >= last)
        break;
      h->items[i] = h->items[m];
      i = m;
    }
  if (h->len > 0)
    h->items[i] = last;
  return (guint) (top & G_MAXUINT32);
}

static void
solver_reoccupy (MaintSolver *S)
{
  for (guint i = 0; i < S->n_groups; i++)
    maint_tl_list_reset (&S->groups[i].down);
  for (guint i = 0; i < S->n_machines; i++)
    maint_tl_list_reset (&S->machines[i].down);
  for (guint i = 0; i < S->n_services; i++)
    maint_tl_list_reset (&S->services[i].down);
  for (guint i = 0; i < S->n_hosts; i++)
    maint_tl_list_reset (&S->hosts[i]);
  maint_tl_fleet_reset (S->fleet_down);
  for (guint i = 0; i < S->slots->len; i++)
    solver_occupy (S, solver_slot (S, i), +1);
}

/* The pinned slots that took merges, back to their own activities. */
static void
solver_reset_touched (MaintSolver *S)
{
  for (guint t = 0; t < S->n_touched; t++)
    {
      guint i = S->touched[t];
      MaintSolverSlot *slot = solver_slot (S, i);

      for (guint j = S->pinned_base[i]; j < slot->n_acts; j++)
        S->acts[slot->acts[j]].slot = -1;
      slot->n_acts = S->pinned_base[i];
      slot->reboot = S->pinned_reboot[i];
    }
  S->n_touched = 0;
}

/* Back to the pinned slots only. */
static void
solver_reset_full (MaintSolver *S,
                   gboolean     timelines)
{
  guint n_new = S->slots->len - S->n_pinned_slots;

  /* Many slots (a whole greedy's): emptying the timelines and putting the
   * pinned slots back costs less than taking every slot out one by one.
   * Without @timelines, the caller replaces the timelines itself. */
  if (!timelines || (n_new > 64 && n_new >= S->n_machines / 8))
    {
      while (S->slots->len > S->n_pinned_slots)
        {
          MaintSolverSlot *slot = solver_slot (S, S->slots->len - 1);

          for (guint i = 0; i < slot->n_acts; i++)
            S->acts[slot->acts[i]].slot = -1;
          g_free (slot->acts);
          g_array_set_size (S->slots, S->slots->len - 1);
        }
      if (timelines)
        solver_reoccupy (S);
    }
  while (S->slots->len > S->n_pinned_slots)
    solver_pop (S);
  /* Only the pinned slots that took merges, only the greedy's
   * activities: a fleet re-planned after announcing is mostly pinned, and
   * the annealing resets thousands of times */
  solver_reset_touched (S);
  for (guint k = 0; k < S->n_free_acts; k++)
    g_clear_pointer (&S->act_info[S->free_acts[k]].detail, g_free);
}

/* Back to the pinned slots only. */
static void
solver_reset (MaintSolver *S)
{
  solver_reset_full (S, TRUE);
}

static void
solver_add_pinned (MaintSolver *S)
{
  g_autofree guint *pinned = g_new (guint, MAX (S->n_acts, 1));
  guint n = 0;

  for (guint i = 0; i < S->n_acts; i++)
    if (S->acts[i].pinned)
      pinned[n++] = i;
  g_qsort_with_data (pinned, n, sizeof (guint), pinned_index_cmp, S);

  for (guint i = 0; i < n;)
    {
      const MaintSolverAct *a = &S->acts[pinned[i]];
      MaintInterval *iv = S->act_info[pinned[i]].scheduled;
      MaintSolverSlot slot = { 0, };
      guint j = i;

      while (j < n && S->acts[pinned[j]].machine == a->machine &&
             maint_interval_equal (S->act_info[pinned[j]].scheduled, iv))
        j++;

      slot.machine = a->machine;
      slot.start = maint_interval_get_start (iv);
      slot.end = maint_interval_get_end (iv);
      slot.acts = g_memdup2 (&pinned[i], (j - i) * sizeof (guint));
      slot.n_acts = j - i;
      slot.pinned = TRUE;
      slot.live = TRUE;
      {
        Need need;
        solver_needs (S, a->machine, slot.acts, slot.n_acts, &need);
        slot.reboot = need.reboot;
        slot.notice = need.notice;
      }
      for (guint k = i; k < j; k++)
        S->acts[pinned[k]].slot = S->slots->len;
      g_array_append_val (S->slots, slot);
      solver_occupy (S, &slot, +1);
      i = j;
    }

  S->n_pinned_slots = S->slots->len;
  S->pinned_base = g_new0 (guint, MAX (S->n_pinned_slots, 1));
  for (guint i = 0; i < S->n_pinned_slots; i++)
    S->pinned_base[i] = solver_slot (S, i)->n_acts;
}

/* The pinned slots (announced ones and a rollout's host reboots) of each
 * machine, once they are all there: a merge or a repacking asks for one
 * machine's, and a fleet re-planned after announcing has tens of
 * thousands of them. */
static void
solver_index_pinned (MaintSolver *S)
{
  S->pinned_start = g_new0 (guint, S->n_machines + 1);
  S->pinned_slots = g_new (guint, MAX (S->n_pinned_slots, 1));
  S->pinned_reboot = g_new (MaintRebootKind, MAX (S->n_pinned_slots, 1));
  S->touched = g_new (guint, MAX (S->n_pinned_slots, 1));
  for (guint i = 0; i < S->n_pinned_slots; i++)
    S->pinned_reboot[i] = solver_slot (S, i)->reboot;
  for (guint i = 0; i < S->n_pinned_slots; i++)
    S->pinned_start[solver_slot (S, i)->machine + 1]++;
  for (guint m = 0; m < S->n_machines; m++)
    S->pinned_start[m + 1] += S->pinned_start[m];
  {
    g_autofree guint *fill = g_memdup2 (S->pinned_start, (S->n_machines + 1) * sizeof (guint));

    for (guint i = 0; i < S->n_pinned_slots; i++)
      S->pinned_slots[fill[solver_slot (S, i)->machine]++] = i;
  }
}

/* The units ahead in the greedy's queue jump between machines (deadlines
 * first, then by window opening, across zones): on a large fleet each
 * jump is a cache miss on the machine, its activities and their lists,
 * one after the other. Asked for while a unit is placed, they come in
 * beside the work: the machine of the unit after next, and the
 * activities and group of the next one (whose machine was asked for a
 * unit ago). Hints only: nothing depends on them. */
static inline void
solver_prefetch (MaintSolver *S,
                 const Heap  *heap)
{
  if (heap->len >= 3)
    {
      guint64 second = MIN (heap->items[1], heap->items[2]);
      const MaintSolverMachine *m2 = &S->machines[S->units[second & G_MAXUINT32].machine];

      __builtin_prefetch (m2);
      __builtin_prefetch ((const char *) m2 + 64);
    }
  if (heap->len >= 1)
    {
      const MaintSolverMachine *m1 = &S->machines[S->units[heap->items[0] & G_MAXUINT32].machine];
      guint act = S->act_order[m1->first_act];

      __builtin_prefetch (&S->acts[act]);
      __builtin_prefetch ((const char *) &S->acts[act] + 64);
      __builtin_prefetch (&S->groups[m1->group]);
      __builtin_prefetch (maint_tl_list_items (&S->groups[m1->group].down));
      if (m1->host >= 0)
        __builtin_prefetch (&S->hosts[m1->host]);
    }
}

/* Whether left-out counts @r (emergency, urgent, normal), which can only
 * grow, already decide that the objective ends worse than @b's. */
static gboolean
left_out_decides (const gint64 *r,
                  const gint64 *b)
{
  for (guint c = 0; c < 3; c++)
    if (r[c] != b[c])
      return r[c] > b[c];
  return FALSE;
}

/* One greedy pass over the units in rank order, order edges permitting.
 * With @bound, the pass stops (setting @worse) as soon as the activities
 * left out so far make it worse than @bound: a placed unit's work stays
 * in or out for the rest of the pass, and left out comes first in the
 * objective. The repair's rounds need no more (a worse round is thrown
 * away), and theirs fail on the left-out count, usually early: units go
 * by priority, and on the 10k and 100k benchmark fleets the first round
 * leaves out more urgent work. */
static gboolean
solver_greedy_bounded (MaintSolver  *S,
                       const Score  *bound,
                       gboolean     *worse,
                       GError      **error)
{
  gint64 left_out[3];
  g_autofree guint *indegree = g_new0 (guint, MAX (S->n_units, 1));
  g_autofree guint *by_rank = g_new (guint, MAX (S->n_units, 1));
  g_autofree gboolean *done = g_new0 (gboolean, MAX (S->n_units, 1));
  Heap heap = { g_new (guint64, MAX (S->n_units, 1)), 0 };
  guint next_rank = 0;

  if (bound != NULL)
    {
      memcpy (left_out, S->fixed_score->unscheduled, sizeof left_out);
      *worse = FALSE;
    }

  for (guint u = 0; u < S->n_units; u++)
    {
      by_rank[S->units[u].rank] = u;
      for (guint e = S->succ_start[u]; e < S->succ_start[u + 1]; e++)
        indegree[S->succ[e]]++;
    }
  for (guint u = 0; u < S->n_units; u++)
    if (indegree[u] == 0)
      heap_push (&heap, S->units, u);

  for (guint n = 0; n < S->n_units; n++)
    {
      guint u;

      if ((n & 1023) == 0 && g_cancellable_set_error_if_cancelled (S->cancellable, error))
        {
          g_free (heap.items);
          return FALSE;
        }
      if (heap.len == 0)
        {
          /* A cycle of orders (conflicting services): break it by rank */
          while (done[by_rank[next_rank]])
            next_rank++;
          heap_push (&heap, S->units, by_rank[next_rank]);
          indegree[by_rank[next_rank]] = 0;
        }
      u = heap_pop (&heap);
      if (done[u])
        {
          n--;
          continue;
        }
      done[u] = TRUE;
      solver_prefetch (S, &heap);
      S->units[u].blocked = solver_place_unit (S, &S->units[u]);
      for (guint e = S->succ_start[u]; e < S->succ_start[u + 1]; e++)
        {
          guint v = S->succ[e];
          if (indegree[v] > 0 && --indegree[v] == 0 && !done[v])
            heap_push (&heap, S->units, v);
        }
      if (bound != NULL)
        {
          const MaintSolverMachine *m = &S->machines[S->units[u].machine];

          for (guint k = 0; k < m->n_acts; k++)
            {
              const MaintSolverAct *a = &S->acts[S->act_order[m->first_act + k]];
              if (a->slot < 0)
                left_out[MAINT_PRIORITY_EMERGENCY - a->priority]++;
            }
          if (left_out_decides (left_out, bound->unscheduled))
            {
              *worse = TRUE;
              break;
            }
        }
    }
  g_free (heap.items);
  return TRUE;
}

static gboolean
solver_greedy (MaintSolver  *S,
               GError      **error)
{
  return solver_greedy_bounded (S, NULL, NULL, error);
}

static void
score_act (MaintSolver *S,
           Score       *score,
           guint        act)
{
  const MaintSolverAct *a = &S->acts[act];
  const MaintSolverSlot *slot;

  if (a->slot < 0)
    {
      score->unscheduled[MAINT_PRIORITY_EMERGENCY - a->priority]++;
      return;
    }
  slot = solver_slot (S, a->slot);
  if (a->deadline != 0 && slot->end > a->deadline)
    {
      score->missed++;
      score->lateness += slot->end - a->deadline;
    }
  if (!slot->pinned && a->earliest > 0)
    score->delay += MAX (0, slot->start - a->earliest);
}

static gboolean
slot_reboots (const MaintSolverSlot *slot)
{
  return slot->reboot != MAINT_REBOOT_KIND_NONE && slot->n_acts > 0;
}

/* The part of the score no round changes: the activities the greedy does
 * not place (pinned, held, automatic scheduling off) and the pinned slots
 * as they are before any merge. Taken once the units are built. */
static void
solver_fix_score (MaintSolver *S)
{
  g_autofree guchar *is_free = g_new0 (guchar, MAX (S->n_acts, 1));

  for (guint u = 0; u < S->n_units; u++)
    {
      const MaintSolverMachine *m = &S->machines[S->units[u].machine];

      for (guint k = 0; k < m->n_acts; k++)
        is_free[S->act_order[m->first_act + k]] = TRUE;
    }
  /* In the activities' order: the passes over them (resets, snapshots)
   * then read the activities in memory order, not in the units' */
  S->free_acts = maint_big_new0 (MAX (S->n_acts, 1), sizeof (guint));
  S->n_free_acts = 0;
  S->fixed_score = g_new0 (Score, 1);
  for (guint i = 0; i < S->n_acts; i++)
    if (is_free[i])
      S->free_acts[S->n_free_acts++] = i;
    else
      score_act (S, S->fixed_score, i);
  for (guint i = 0; i < S->n_pinned_slots; i++)
    if (slot_reboots (solver_slot (S, i)))
      S->fixed_score->reboots++;
}

/* The objective of the current placement, in time proportional to what
 * the greedy placed, not to the fleet. */
static void
solver_score (MaintSolver *S,
              Score       *score)
{
  *score = *S->fixed_score;
  for (guint k = 0; k < S->n_free_acts; k++)
    score_act (S, score, S->free_acts[k]);
  for (guint i = S->n_pinned_slots; i < S->slots->len; i++)
    if (slot_reboots (solver_slot (S, i)))
      score->reboots++;
  for (guint t = 0; t < S->n_touched; t++)
    {
      guint i = S->touched[t];

      score->reboots += slot_reboots (solver_slot (S, i)) -
                        (S->pinned_reboot[i] != MAINT_REBOOT_KIND_NONE && S->pinned_base[i] > 0);
    }
}

static int
score_cmp (const Score *a,
           const Score *b)
{
  const gint64 *x = &a->unscheduled[0], *y = &b->unscheduled[0];

  for (guint i = 0; i < sizeof (Score) / sizeof (gint64); i++)
    if (x[i] != y[i])
      return x[i] < y[i] ? -1 : 1;
  return 0;
}

/* A copy of the placement, so the best round can be put back without
 * running the greedy again: the slots the greedy made, the pinned slots
 * that took merges, and the greedy's activities. What no round changes
 * is not copied. */
typedef struct
{
  MaintSolverSlot        *slots;      /* from n_pinned_slots on */
  guint                   n_slots;
  MaintSolverSlot        *touched;    /* pinned slots with merges */
  guint                  *touched_index;
  guint                   n_touched;
  gint32                 *act_slot;   /* by position in free_acts */
  MaintUnscheduledReason *reason;
  char                  **detail;
  Why                   **why;
  guint                   n_acts;
} Snapshot;

static void
snapshot_clear (Snapshot *snap)
{
  for (guint i = 0; i < snap->n_slots; i++)
    g_free (snap->slots[i].acts);
  for (guint i = 0; i < snap->n_touched; i++)
    g_free (snap->touched[i].acts);
  for (guint i = 0; i < snap->n_acts; i++)
    {
      g_free (snap->detail[i]);
      g_free (snap->why[i]);
    }
  g_clear_pointer (&snap->why, g_free);
  g_clear_pointer (&snap->slots, g_free);
  g_clear_pointer (&snap->touched, g_free);
  g_clear_pointer (&snap->touched_index, g_free);
  g_clear_pointer (&snap->act_slot, g_free);
  g_clear_pointer (&snap->reason, g_free);
  g_clear_pointer (&snap->detail, g_free);
  snap->n_slots = snap->n_touched = snap->n_acts = 0;
}

/* A copy of the placement in @snap. With @move, the placement itself
 * moves into @snap instead (the slots' activity arrays and the details
 * change owner; only the pinned slots with merges are copied), and the
 * solver is left with the pinned slots only, as solver_reset() leaves
 * it, on timelines that are the caller's (Timelines): a repair round that
 * stops early then costs what it placed, not a copy and a reset of the
 * whole placement. */
static void
snapshot_take_full (MaintSolver *S,
                    Snapshot    *snap,
                    gboolean     move)
{
  snapshot_clear (snap);
  snap->n_slots = S->slots->len - S->n_pinned_slots;
  snap->slots = g_memdup2 (solver_slot (S, S->n_pinned_slots), snap->n_slots * sizeof (MaintSolverSlot));
  if (move)
    g_array_set_size (S->slots, S->n_pinned_slots);
  else
    for (guint i = 0; i < snap->n_slots; i++)
      snap->slots[i].acts = g_memdup2 (snap->slots[i].acts, snap->slots[i].n_acts * sizeof (guint));
  snap->n_touched = S->n_touched;
  snap->touched = g_new (MaintSolverSlot, MAX (S->n_touched, 1));
  snap->touched_index = g_memdup2 (S->touched, MAX (S->n_touched, 1) * sizeof (guint));
  for (guint t = 0; t < S->n_touched; t++)
    {
      snap->touched[t] = *solver_slot (S, S->touched[t]);
      snap->touched[t].acts = g_memdup2 (snap->touched[t].acts, snap->touched[t].n_acts * sizeof (guint));
    }
  if (move)
    solver_reset_touched (S);
  snap->n_acts = S->n_free_acts;
  snap->act_slot = g_new (gint32, MAX (snap->n_acts, 1));
  snap->reason = g_new (MaintUnscheduledReason, MAX (snap->n_acts, 1));
  snap->detail = g_new (char *, MAX (snap->n_acts, 1));
  snap->why = g_new0 (Why *, MAX (snap->n_acts, 1));
  for (guint k = 0; k < snap->n_acts; k++)
    {
      guint i = S->free_acts[k];
      MaintSolverAct *a = &S->acts[i];

      if (a->slot < 0 && S->why[i] != NULL)
        snap->why[k] = g_memdup2 (S->why[i], sizeof (Why));
      snap->act_slot[k] = a->slot;
      snap->reason[k] = a->reason;
      if (move)
        {
          snap->detail[k] = g_steal_pointer (&S->act_info[i].detail);
          a->slot = -1;
        }
      else
        snap->detail[k] = g_strdup (S->act_info[i].detail);
    }
}

static void
snapshot_take (MaintSolver *S,
               Snapshot    *snap)
{
  snapshot_take_full (S, snap, FALSE);
}

/* With @steal, the slots and activities take the snapshot's activity
 * arrays and details instead of copies (the snapshot can then only be
 * cleared). Without @occupy, the timelines are the caller's: already
 * those of the snapshot's placement (Timelines). */
static void
snapshot_restore_occupy (MaintSolver *S,
                         Snapshot    *snap,
                         gboolean     steal,
                         gboolean     occupy)
{
  solver_reset_full (S, occupy);
  for (guint t = 0; t < snap->n_touched; t++)
    {
      /* Pinned slots stay occupied; only merged activities differ */
      MaintSolverSlot *slot = solver_slot (S, snap->touched_index[t]);

      g_free (slot->acts);
      *slot = snap->touched[t];
      if (steal)
        snap->touched[t].acts = NULL;
      else
        slot->acts = g_memdup2 (slot->acts, slot->n_acts * sizeof (guint));
      S->touched[S->n_touched++] = snap->touched_index[t];
    }
  g_array_append_vals (S->slots, snap->slots, snap->n_slots);
  for (guint i = 0; i < snap->n_slots; i++)
    {
      MaintSolverSlot *slot = solver_slot (S, S->n_pinned_slots + i);

      if (steal)
        snap->slots[i].acts = NULL;
      else
        slot->acts = g_memdup2 (slot->acts, slot->n_acts * sizeof (guint));
      if (occupy)
        solver_occupy (S, slot, +1);
    }
  for (guint k = 0; k < snap->n_acts; k++)
    {
      guint i = S->free_acts[k];

      S->acts[i].slot = snap->act_slot[k];
      S->acts[i].reason = snap->reason[k];
      g_free (S->act_info[i].detail);
      S->act_info[i].detail = steal ? g_steal_pointer (&snap->detail[k]) : g_strdup (snap->detail[k]);
      if (snap->why[k] != NULL)
        {
          if (S->why[i] == NULL)
            S->why[i] = g_new (Why, 1);
          *S->why[i] = *snap->why[k];
        }
    }
}

static void
snapshot_restore_full (MaintSolver *S,
                       Snapshot    *snap,
                       gboolean     steal)
{
  snapshot_restore_occupy (S, snap, steal, TRUE);
}

/* The timelines of a placement (every capacity counter), set aside whole:
 * a repair round that is thrown away gives them back instead of putting
 * every slot of the best placement back in (tens of thousands of list
 * insertions and tree updates on large fleets, the most expensive part
 * of a round that stops early). */
typedef struct
{
  MaintTlList  *machines;
  MaintTlList  *groups;
  MaintTlList  *services;
  MaintTlList  *hosts;
  MaintTlFleet *fleet;
} Timelines;

/* The solver's timelines and @t's change places. */
static void
timelines_swap (MaintSolver *S,
                Timelines   *t)
{
  MaintTlList *hosts = S->hosts;
  MaintTlFleet *fleet = S->fleet_down;

  for (guint i = 0; i < S->n_machines; i++)
    {
      MaintTlList down = S->machines[i].down;
      S->machines[i].down = t->machines[i];
      t->machines[i] = down;
    }
  for (guint i = 0; i < S->n_groups; i++)
    {
      MaintTlList down = S->groups[i].down;
      S->groups[i].down = t->groups[i];
      t->groups[i] = down;
    }
  for (guint i = 0; i < S->n_services; i++)
    {
      MaintTlList down = S->services[i].down;
      S->services[i].down = t->services[i];
      t->services[i] = down;
    }
  S->hosts = t->hosts;
  t->hosts = hosts;
  S->fleet_down = t->fleet;
  t->fleet = fleet;
}

/* The placement's timelines go to @t, and the solver gets new timelines
 * that hold the pinned slots only: the caller has taken the placement out
 * already (snapshot_take_full()). */
static void
timelines_set_aside (MaintSolver *S,
                     Timelines   *t)
{
  t->machines = maint_big_new0 (MAX (S->n_machines, 1), sizeof (MaintTlList));
  t->groups = g_new0 (MaintTlList, MAX (S->n_groups, 1));
  t->services = g_new0 (MaintTlList, MAX (S->n_services, 1));
  t->hosts = maint_big_new0 (MAX (S->n_hosts, 1), sizeof (MaintTlList));
  t->fleet = solver_new_fleet_timeline (S);
  timelines_swap (S, t);
  for (guint i = 0; i < S->n_pinned_slots; i++)
    solver_occupy (S, solver_slot (S, i), +1);
}

static void
timelines_clear (Timelines   *t,
                 MaintSolver *S)
{
  if (t->machines == NULL)
    return;
  for (guint i = 0; i < S->n_machines; i++)
    maint_tl_list_clear (&t->machines[i]);
  for (guint i = 0; i < S->n_groups; i++)
    maint_tl_list_clear (&t->groups[i]);
  for (guint i = 0; i < S->n_services; i++)
    maint_tl_list_clear (&t->services[i]);
  for (guint i = 0; i < S->n_hosts; i++)
    maint_tl_list_clear (&t->hosts[i]);
  g_clear_pointer (&t->machines, maint_big_free);
  g_clear_pointer (&t->groups, g_free);
  g_clear_pointer (&t->services, g_free);
  g_clear_pointer (&t->hosts, maint_big_free);
  g_clear_pointer (&t->fleet, maint_tl_fleet_free);
}

/* The solver's timelines are thrown away and @t's come back. */
static void
timelines_bring_back (MaintSolver *S,
                      Timelines   *t)
{
  timelines_swap (S, t);
  timelines_clear (t, S);
}

static void
snapshot_restore (MaintSolver *S,
                  Snapshot    *snap)
{
  snapshot_restore_full (S, snap, FALSE);
}

static gint64
unit_delay (MaintSolver *S,
            const Unit  *unit)
{
  const MaintSolverMachine *m = &S->machines[unit->machine];
  gint64 delay = 0;

  for (guint i = 0; i < m->n_acts; i++)
    {
      const MaintSolverAct *a = &S->acts[S->act_order[m->first_act + i]];
      if (a->slot >= 0 && !solver_slot (S, a->slot)->pinned && a->earliest > 0)
        delay += MAX (0, solver_slot (S, a->slot)->start - a->earliest);
    }
  return delay;
}

/* Local search on the processing order: move a delayed unit to an
 * earlier position, rerun the greedy, keep the result if the objective
 * improves. The moves come from a fixed seed and the work from a fixed
 * budget of unit placements, so small fleets get thousands of moves, the
 * largest none, and the plan is always the same. */
static gboolean
solver_local_search (MaintSolver  *S,
                     GError      **error)
{
  g_autoptr(GRand) rand = NULL;
  g_autofree guint *best_rank = NULL;
  g_autofree guint *by_rank = NULL;
  g_autofree guint *delayed = NULL;
  Snapshot best_snap = { 0, };
  Score best, score;
  guint64 spent = 0;
  gboolean ok = TRUE;

  /* Fleets too large for at least 50 moves keep the greedy result */
  if (S->n_units < 2 || (guint64) S->n_units * 50 > SEARCH_BUDGET)
    return TRUE;

  rand = g_rand_new_with_seed (SEARCH_SEED);
  best_rank = g_new (guint, S->n_units);
  by_rank = g_new (guint, S->n_units);
  delayed = g_new (guint, S->n_units);
  solver_score (S, &best);
  snapshot_take (S, &best_snap);
  for (guint u = 0; u < S->n_units; u++)
    best_rank[u] = S->units[u].rank;

  while (spent + S->n_units <= SEARCH_BUDGET)
    {
      guint n_delayed = 0, u, from, to;

      for (guint i = 0; i < S->n_units; i++)
        if (unit_delay (S, &S->units[i]) > 0 || (S->units[i].blocked && !S->units[i].hopeless))
          delayed[n_delayed++] = i;
      if (n_delayed == 0)
        break;

      u = delayed[g_rand_int_range (rand, 0, n_delayed)];
      from = S->units[u].rank;
      if (from == 0)
        {
          spent += S->n_units / 4 + 1;   /* a wasted draw still costs */
          continue;
        }
      to = g_rand_int_range (rand, 0, from);
      for (guint i = 0; i < S->n_units; i++)
        by_rank[S->units[i].rank] = i;
      memmove (&by_rank[to + 1], &by_rank[to], (from - to) * sizeof (guint));
      by_rank[to] = u;
      for (guint r = 0; r < S->n_units; r++)
        S->units[by_rank[r]].rank = r;

      solver_reset (S);
      if (!solver_greedy (S, error))
        {
          ok = FALSE;
          break;
        }
      spent += S->n_units;
      solver_score (S, &score);
      if (score_cmp (&score, &best) < 0)
        {
          best = score;
          snapshot_take (S, &best_snap);
          for (guint i = 0; i < S->n_units; i++)
            best_rank[i] = S->units[i].rank;
        }
      else
        {
          for (guint i = 0; i < S->n_units; i++)
            S->units[i].rank = best_rank[i];
          snapshot_restore (S, &best_snap);
        }
    }

  if (ok)
    {
      for (guint i = 0; i < S->n_units; i++)
        S->units[i].rank = best_rank[i];
    }
  snapshot_clear (&best_snap);
  return ok;
}


/* ------------------------------------------------------------------ */
/* Moves on the placement: ejection chains and shifts                  */

/* The order search above reruns the whole greedy for every move, so it
 * only fits small fleets and cannot leave a unit anywhere but where the
 * greedy puts it. The moves below change the placement directly: take
 * one to three units out, put them back one after the other (each at its
 * earliest feasible start, through solver_place_unit), and keep the
 * result when the objective restricted to those units is better — the
 * other units did not change, so that is the whole objective's verdict.
 *
 * - Insert: a unit with an unscheduled activity is placed alone, else
 *   by ejecting one or two related units (ejection chain of depth 2):
 *   they are put back after it, elsewhere.
 * - Shift: a delayed unit is moved to its earliest start given the
 *   others, else ahead of one related unit that is then put back.
 * - Ruin and recreate: a delayed or blocked unit and the related units
 *   down during one of its group's maintenance intervals before its
 *   current slot (or, every other time, all related units down between
 *   its earliest start and its current one; up to fifteen) are taken out
 *   and put back in a shuffled order drawn from a fixed seed, every
 *   other time sorted shortest first.
 *
 * Work is counted in unit placements: a fixed budget on small fleets, a
 * share of the units on large ones, so the plan never depends on the
 * clock and the time stays linear in the fleet. Units with an activity in
 * an announced slot are never moved. */
#define MOVE_BUDGET      60000
#define MOVE_SMALL_UNITS 2000
#define MOVE_MAX_UNITS   16
#define MOVE_SEED        0x656a6563
#define MOVE_PAIRS       64     /* candidates tried in pairs (depth 2) */
#define REPACK_MAX_UNITS 32     /* units in one exact repacking */

typedef struct
{
  guint                  act;
  MaintUnscheduledReason reason;
  gboolean               had_why;
  Why                    why;
} MoveAct;

typedef struct
{
  guint    units[REPACK_MAX_UNITS];
  gboolean blocked[REPACK_MAX_UNITS];
  guint    n_units;
  guint    base;
  GArray  *removed;     /* MaintSolverSlot, owning their activity arrays */
  GArray  *saved;       /* MoveAct */
  GArray  *taken;       /* slot indices, scratch */
} Move;

/* Takes slot @i (unpinned) out of the placement into @out; the last slot
 * moves to index @i. */
static void
solver_take_slot (MaintSolver *S,
                  guint        i,
                  GArray      *out)
{
  guint last = S->slots->len - 1;
  MaintSolverSlot slot = *solver_slot (S, i);

  solver_occupy (S, &slot, -1);
  for (guint k = 0; k < slot.n_acts; k++)
    S->acts[slot.acts[k]].slot = -1;
  g_array_append_val (out, slot);
  if (i != last)
    {
      MaintSolverSlot *dst = solver_slot (S, i);

      *dst = *solver_slot (S, last);
      for (guint k = 0; k < dst->n_acts; k++)
        S->acts[dst->acts[k]].slot = i;
    }
  g_array_set_size (S->slots, last);
}

static gboolean
unit_movable (MaintSolver *S,
              guint        u)
{
  const MaintSolverMachine *m = &S->machines[S->units[u].machine];

  for (guint k = 0; k < m->n_acts; k++)
    {
      const MaintSolverAct *a = &S->acts[S->act_order[m->first_act + k]];

      /* Rollout work keeps its waves and staging lead through the greedy */
      if (a->held || a->rollout >= 0 || a->latest_end != 0)
        return FALSE;
      if (a->slot >= 0 && solver_slot (S, a->slot)->pinned)
        return FALSE;
    }
  return TRUE;
}

static gboolean
unit_unscheduled (MaintSolver *S,
                  guint        u)
{
  const MaintSolverMachine *m = &S->machines[S->units[u].machine];

  for (guint k = 0; k < m->n_acts; k++)
    if (S->acts[S->act_order[m->first_act + k]].slot < 0)
      return TRUE;
  return FALSE;
}

/* unit_unscheduled() of every unit, into @out, by one pass over the
 * activities in their own order: the insert pass asks it of every unit
 * in rank order, and on a large fleet that order scatters the look-ups
 * over all the machines' activities. */
static void
units_unscheduled (MaintSolver *S,
                   const guint *unit_of,
                   guint8      *out)
{
  memset (out, 0, S->n_units);
  for (guint act = 0; act < S->n_acts; act++)
    {
      const MaintSolverAct *a = &S->acts[act];

      /* act_order holds the unpinned activities only */
      if (a->slot < 0 && !a->pinned && unit_of[a->machine] != G_MAXUINT)
        out[unit_of[a->machine]] = 1;
    }
}

/* Whether capacity or service limits kept an activity of @u out, by
 * the record of its last search. */
static gboolean
unit_kept_out (MaintSolver *S,
               guint        u)
{
  const MaintSolverMachine *m = &S->machines[S->units[u].machine];

  for (guint k = 0; k < m->n_acts; k++)
    {
      guint act = S->act_order[m->first_act + k];

      if (S->acts[act].slot < 0 && S->why[act] != NULL && stats_blocked (&S->why[act]->stats))
        return TRUE;
    }
  return FALSE;
}

/* The span of @u's slots: [first start, last end), or FALSE if none. */
static gboolean
unit_span (MaintSolver *S,
           guint        u,
           gint64      *start,
           gint64      *end)
{
  const MaintSolverMachine *m = &S->machines[S->units[u].machine];
  gboolean any = FALSE;

  for (guint k = 0; k < m->n_acts; k++)
    {
      const MaintSolverAct *a = &S->acts[S->act_order[m->first_act + k]];
      const MaintSolverSlot *slot;

      if (a->slot < 0)
        continue;
      slot = solver_slot (S, a->slot);
      *start = any ? MIN (*start, slot->start) : slot->start;
      *end = any ? MAX (*end, slot->end) : slot->end;
      any = TRUE;
    }
  return any;
}

/* The total estimate of @u's activities. */
static gint64
unit_work (MaintSolver *S,
           guint        u)
{
  const MaintSolverMachine *m = &S->machines[S->units[u].machine];
  gint64 work = 0;

  for (guint k = 0; k < m->n_acts; k++)
    work += S->acts[S->act_order[m->first_act + k]].estimate;
  return work;
}

/* The objective over the activities and slots of @units only. */
static void
units_score (MaintSolver *S,
             const guint *units,
             guint        n,
             Score       *score)
{
  memset (score, 0, sizeof *score);
  for (guint i = 0; i < n; i++)
    {
      const MaintSolverMachine *m = &S->machines[S->units[units[i]].machine];

      for (guint k = 0; k < m->n_acts; k++)
        {
          const MaintSolverAct *a = &S->acts[S->act_order[m->first_act + k]];
          const MaintSolverSlot *slot;
          gboolean first = TRUE;

          score_act (S, score, S->act_order[m->first_act + k]);
          if (a->slot < 0)
            continue;
          slot = solver_slot (S, a->slot);
          /* Each of the units' own slots once */
          for (guint j = 0; j < k && first; j++)
            first = S->acts[S->act_order[m->first_act + j]].slot != a->slot;
          if (first && !slot->pinned && slot->reboot != MAINT_REBOOT_KIND_NONE)
            score->reboots++;
        }
    }
}

static void
move_begin (MaintSolver *S,
            Move        *mv,
            const guint *units,
            guint        n)
{
  g_array_set_size (mv->removed, 0);
  g_array_set_size (mv->saved, 0);
  g_array_set_size (mv->taken, 0);
  mv->n_units = n;
  for (guint i = 0; i < n; i++)
    {
      const MaintSolverMachine *m = &S->machines[S->units[units[i]].machine];

      mv->units[i] = units[i];
      mv->blocked[i] = S->units[units[i]].blocked;
      for (guint k = 0; k < m->n_acts; k++)
        {
          guint act = S->act_order[m->first_act + k];
          MoveAct saved;
          gint32 slot = S->acts[act].slot;
          gboolean seen = FALSE;

          memset (&saved, 0, sizeof saved);
          saved.act = act;
          saved.reason = S->acts[act].reason;
          saved.had_why = S->why[act] != NULL;
          if (saved.had_why)
            saved.why = *S->why[act];
          g_array_append_val (mv->saved, saved);
          for (guint j = 0; j < mv->taken->len && !seen; j++)
            seen = g_array_index (mv->taken, guint, j) == (guint) slot;
          if (slot >= 0 && !seen)
            g_array_append_val (mv->taken, slot);
        }
    }
  /* Highest index first: the last slot that fills a hole is never one of ours */
  for (guint i = 1; i < mv->taken->len; i++)
    for (guint j = i; j > 0 && g_array_index (mv->taken, guint, j - 1) < g_array_index (mv->taken, guint, j); j--)
      {
        guint t = g_array_index (mv->taken, guint, j);
        g_array_index (mv->taken, guint, j) = g_array_index (mv->taken, guint, j - 1);
        g_array_index (mv->taken, guint, j - 1) = t;
      }
  for (guint i = 0; i < mv->taken->len; i++)
    solver_take_slot (S, g_array_index (mv->taken, guint, i), mv->removed);
  mv->base = S->slots->len;
}

static void
move_undo (MaintSolver *S,
           Move        *mv)
{
  while (S->slots->len > mv->base)
    solver_pop (S);
  for (guint i = mv->removed->len; i-- > 0;)
    {
      MaintSolverSlot slot = g_array_index (mv->removed, MaintSolverSlot, i);
      guint index = S->slots->len;

      g_array_append_val (S->slots, slot);
      for (guint k = 0; k < slot.n_acts; k++)
        S->acts[slot.acts[k]].slot = index;
      solver_occupy (S, &slot, +1);
    }
  g_array_set_size (mv->removed, 0);
  for (guint i = 0; i < mv->saved->len; i++)
    {
      const MoveAct *saved = &g_array_index (mv->saved, MoveAct, i);

      S->acts[saved->act].reason = saved->reason;
      if (saved->had_why)
        {
          if (S->why[saved->act] == NULL)
            S->why[saved->act] = g_new (Why, 1);
          *S->why[saved->act] = saved->why;
        }
      else
        g_clear_pointer (&S->why[saved->act], g_free);
    }
  for (guint i = 0; i < mv->n_units; i++)
    S->units[mv->units[i]].blocked = mv->blocked[i];
}

static void
move_commit (Move *mv)
{
  for (guint i = 0; i < mv->removed->len; i++)
    g_free (g_array_index (mv->removed, MaintSolverSlot, i).acts);
  g_array_set_size (mv->removed, 0);
}

/* Takes @units out, puts them back in this order, keeps the result if it
 * is better. */
static gboolean
move_try (MaintSolver *S,
          Move        *mv,
          const guint *units,
          guint        n,
          guint64     *spent)
{
  Score before, after;

  units_score (S, units, n, &before);
  move_begin (S, mv, units, n);
  for (guint i = 0; i < n; i++)
    S->units[units[i]].blocked = solver_place_unit (S, &S->units[units[i]]);
  *spent += n;
  units_score (S, units, n, &after);
  if (score_cmp (&after, &before) < 0)
    {
      move_commit (mv);
      return TRUE;
    }
  move_undo (S, mv);
  return FALSE;
}

static void
add_candidates (MaintSolver       *S,
                const MaintTlList *list,
                gint64             lo,
                gint64             hi,
                const guint       *unit_of,
                guint              u,
                GArray            *out,
                guchar            *seen)
{
  for (guint i = 0; i < list->len; i++)
    {
      const MaintTlInterval *iv = &maint_tl_list_items (list)[i];
      guint v;

      if (iv->start >= hi)
        break;
      if (iv->end <= lo || iv->tag < 0)
        continue;
      v = unit_of[iv->tag];
      if (v == G_MAXUINT || v == u || seen[v])
        continue;
      seen[v] = 1;
      g_array_append_val (out, v);
    }
}

static int
unit_rank_cmp (const void *pa,
               const void *pb,
               void       *data)
{
  const Unit *units = data;
  guint a = units[*(const guint *) pa].rank, b = units[*(const guint *) pb].rank;

  return a < b ? -1 : a > b;
}

/* Movable units with a slot in [lo, hi) that share a limited resource
 * with @u: those in its group, host and services (their number is
 * returned), then, on small fleets with a fleet-wide limit, every other
 * such unit. */
static guint
move_candidates (MaintSolver *S,
                 guint        u,
                 gint64       lo,
                 gint64       hi,
                 const guint *unit_of,
                 GArray      *out,
                 guchar      *seen)
{
  const MaintSolverMachine *m = &S->machines[S->units[u].machine];

  guint n_near;

  g_array_set_size (out, 0);
  if (S->groups[m->group].max_concurrent > 0)
    add_candidates (S, &S->groups[m->group].down, lo, hi, unit_of, u, out, seen);
  if (S->max_per_host > 0 && m->host >= 0)
    add_candidates (S, &S->hosts[m->host], lo, hi, unit_of, u, out, seen);
  for (guint i = 0; i < m->n_memberships; i++)
    add_candidates (S, &S->services[S->memberships[m->first_membership + i].service].down,
                    lo, hi, unit_of, u, out, seen);
  n_near = out->len;
  if (S->max_concurrent > 0 && S->n_units <= MOVE_SMALL_UNITS)
    for (guint v = 0; v < S->n_units; v++)
      {
        gint64 s, e;
        if (v != u && !seen[v] && unit_span (S, v, &s, &e) && s < hi && e > lo)
          g_array_append_val (out, v);
      }
  for (guint i = 0; i < n_near; i++)
    seen[g_array_index (out, guint, i)] = 0;
  /* Only units the moves may touch; those sharing a group, host or
   * service first, then the rest, each by rank */
  for (guint i = 0; i < out->len;)
    {
      if (!unit_movable (S, g_array_index (out, guint, i)))
        {
          g_array_remove_index (out, i);
          n_near -= i < n_near;
        }
      else
        i++;
    }
  g_qsort_with_data (out->data, n_near, sizeof (guint), unit_rank_cmp, S->units);
  g_qsort_with_data ((guint *) out->data + n_near, out->len - n_near, sizeof (guint), unit_rank_cmp, S->units);
  return n_near;
}

/* Exact repacking. When a unit is kept out by a tight resource (its
 * group, host or service, or the fleet), the movable units competing
 * for it (at most REPACK_MAX_UNITS) are taken out and put back by a
 * depth-first branch and bound over the order in which they are
 * appended, each at its earliest feasible start given those before it
 * (solver_place_unit(), so solver_check() still judges every hard
 * constraint, those of other resources included). Only lists whose
 * starts do not decrease are followed, so every schedule that packs the
 * units left-justified in start order is reached once per tie order.
 * A node's bound places each remaining unit alone on top of it: a unit
 * that does not fit now never fits deeper (limits only tighten), and a
 * start never gets earlier, so the objective over the set cannot beat
 * (placed ones) + (remaining ones at those trial starts). The result is
 * kept only when the objective over the set improves. Bounded by unit
 * placements, never the clock. */
#define REPACK_BUDGET     100000    /* unit placements per repacking */
#define REPACK_TOTAL      600000    /* and per run */

typedef struct
{
  MaintSolver *S;
  const guint *set;
  guint        n;
  guint       *list, *best_list, *order;
  guint       *branch;                /* per depth: the child position taken */
  guint        best_n;
  gint64      *trial;                 /* scratch, per depth: n starts */
  Score       *trial_score;           /* scratch, per depth: n scores */
  guchar      *used;
  Score        best;
  guint64      spent, budget;
  guint        max_disc;              /* discrepancies allowed this pass */
  gboolean     cut;                   /* a child was left out for them */
} Repack;

static gint64
repack_start (MaintSolver *S,
              guint        u)
{
  gint64 s, e;

  return unit_span (S, u, &s, &e) ? s : -1;
}

static void
repack_pop_to (MaintSolver *S,
               guint        len)
{
  while (S->slots->len > len)
    solver_pop (S);
}

/* A second bound for the repacking, on the remaining units of group
 * @gi that have one activity (a slot of fixed length) and fit alone now
 * (start at or after @trial): the fleet-wide and group limits, less
 * what the placed slots use, leave a capacity c(t) inside the group's
 * maintenance intervals. Relaxed to one machine of speed c(t) that may
 * interrupt a unit (even across intervals) and share itself among units
 * at will, shortest remaining work first gives the least total end,
 * which bounds the total end, so the total delay, of every placement
 * below this node. A finish is rounded down and its remainder given to
 * the next unit, which only relaxes further. That catches what the
 * one-unit bound cannot: a crowded interval pushes some units to the
 * next one. Sets *@extra to the bound minus the one-unit bound (at
 * least 0) and returns FALSE when the capacity left before the horizon
 * cannot hold the units at all. */
typedef struct
{
  gint64 rel, rem, length, earliest;
  guint  priority;
} FluidJob;

typedef struct
{
  gint64 at;
  gint   fleet, group;
} FluidEvent;

static int
fluid_job_cmp (const void *pa,
               const void *pb)
{
  const FluidJob *a = pa, *b = pb;

  return a->rel < b->rel ? -1 : a->rel > b->rel;
}

static int
fluid_event_cmp (const void *pa,
                 const void *pb)
{
  const FluidEvent *a = pa, *b = pb;

  return a->at < b->at ? -1 : a->at > b->at;
}

static gboolean
repack_fluid (Repack       *R,
              const gint64 *trial,
              gint32        gi,
              gint64       *extra,
              guint        *priority)
{
  MaintSolver *S = R->S;
  const MaintSolverGroup *g = &S->groups[gi];
  guint lg = g->max_concurrent, lf = S->max_concurrent, n = 0, done = 0, next = 0, n_ev;
  FluidJob jobs[REPACK_MAX_UNITS];
  gboolean active[REPACK_MAX_UNITS] = { FALSE, };
  g_autofree FluidEvent *ev = NULL;
  gint64 t, one = 0, total = 0;

  *extra = 0;
  *priority = MAINT_PRIORITY_EMERGENCY;
  if (lg == 0 && lf == 0)
    return TRUE;
  for (guint i = 0; i < R->n; i++)
    {
      const MaintSolverMachine *m = &S->machines[S->units[R->set[i]].machine];
      const MaintSolverAct *a;

      if (R->used[i] || trial[i] < 0 || m->group != gi || m->n_acts != 1)
        continue;
      a = &S->acts[S->act_order[m->first_act]];
      if (a->earliest <= 0)
        continue;
      jobs[n].rel = trial[i];
      jobs[n].length = MAX (MAX (S->setup + a->estimate, S->min_slot), 1);
      jobs[n].rem = jobs[n].length;
      jobs[n].earliest = a->earliest;
      jobs[n].priority = a->priority;
      *priority = MIN (*priority, a->priority);
      one += trial[i] - a->earliest;
      n++;
    }
  if (n < 2)
    return TRUE;
  R->spent++;
  qsort (jobs, n, sizeof (FluidJob), fluid_job_cmp);
  ev = g_new (FluidEvent, 2 * S->slots->len + n + 2);

  t = jobs[0].rel;
  for (guint k = maint_interval_set_lower_bound (g->available, t); k < g->n_bounds && done < n; k++)
    {
      gint64 a = MAX (g->bounds[2 * k], t), b = g->bounds[2 * k + 1];
      gint uf = 0, ug = 0;

      if (b <= a)
        continue;
      /* Nothing running and nothing released before b: the next one */
      if (done == next && (next == n || jobs[next].rel >= b))
        continue;
      /* Usage at a, and its changes inside (a, b), plus the releases */
      n_ev = 0;
      for (guint i = 0; i < S->slots->len; i++)
        {
          const MaintSolverSlot *sl = solver_slot (S, i);
          gint df = lf > 0 ? 1 : 0, dg = lg > 0 && S->machines[sl->machine].group == gi ? 1 : 0;

          if ((df == 0 && dg == 0) || sl->end <= a || sl->start >= b)
            continue;
          if (sl->start <= a)
            {
              uf += df;
              ug += dg;
            }
          else
            ev[n_ev++] = (FluidEvent) { sl->start, df, dg };
          if (sl->end < b)
            ev[n_ev++] = (FluidEvent) { sl->end, -df, -dg };
        }
      for (guint j = next; j < n; j++)
        if (jobs[j].rel > a && jobs[j].rel < b)
          ev[n_ev++] = (FluidEvent) { jobs[j].rel, 0, 0 };
      ev[n_ev++] = (FluidEvent) { b, 0, 0 };
      qsort (ev, n_ev, sizeof (FluidEvent), fluid_event_cmp);

      for (guint e = 0; e < n_ev && done < n; e++)
        {
          gint64 x = e == 0 ? a : ev[e - 1].at, y = ev[e].at;
          gint64 c;

          if (e > 0)
            {
              uf += ev[e - 1].fleet;
              ug += ev[e - 1].group;
            }
          while (next < n && jobs[next].rel <= x)
            active[next++] = TRUE;
          c = G_MAXINT;
          if (lf > 0)
            c = MIN (c, (gint64) lf - uf);
          if (lg > 0)
            c = MIN (c, (gint64) lg - ug);
          c = MIN (c, (gint64) n);   /* never more than one per unit */
          while (x < y && c > 0)
            {
              guint best = G_MAXUINT;

              for (guint j = 0; j < next; j++)
                if (active[j] && (best == G_MAXUINT || jobs[j].rem < jobs[best].rem))
                  best = j;
              if (best == G_MAXUINT)
                break;
              if (jobs[best].rem <= c * (y - x))
                {
                  x += jobs[best].rem / c;
                  total += x - jobs[best].length - jobs[best].earliest;
                  active[best] = FALSE;
                  done++;
                }
              else
                {
                  jobs[best].rem -= c * (y - x);
                  x = y;
                }
            }
        }
      t = b;
    }
  if (done < n)
    return FALSE;
  *extra = MAX (0, total - one);
  return TRUE;
}

static void
repack_dfs (Repack *R,
            guint   depth,
            gint64  last,
            guint   disc)
{
  MaintSolver *S = R->S;
  gint64 *trial = R->trial + (gsize) depth * R->n;
  Score *ts = R->trial_score + (gsize) depth * R->n;
  guint *order = R->order + (gsize) depth * R->n;
  guint n_order = 0, taken = 0;
  Score cur, lb;

  units_score (S, R->set, R->n, &cur);
  lb = cur;
  /* Each remaining unit alone on top of this node */
  for (guint i = 0; i < R->n; i++)
    {
      guint len = S->slots->len;
      Score one;

      trial[i] = -1;
      if (R->used[i])
        continue;
      R->S->units[R->set[i]].blocked = solver_place_unit (S, &S->units[R->set[i]]);
      R->spent++;
      units_score (S, &R->set[i], 1, &one);
      trial[i] = repack_start (S, R->set[i]);
      ts[i] = one;
      repack_pop_to (S, len);
    }
  /* The unscheduled part of the bound: every unit that fits now counts
   * as scheduled with what it schedules alone */
  {
    Score all;

    memset (&all, 0, sizeof all);
    for (guint i = 0; i < R->n; i++)
      if (!R->used[i])
        {
          const MaintSolverMachine *m = &S->machines[S->units[R->set[i]].machine];

          for (guint k = 0; k < m->n_acts; k++)
            all.unscheduled[MAINT_PRIORITY_EMERGENCY - S->acts[S->act_order[m->first_act + k]].priority]++;
          if (trial[i] >= 0)
            for (guint p = 0; p < 3; p++)
              all.unscheduled[p] -= ts[i].unscheduled[p];
        }
    for (guint p = 0; p < 3; p++)
      lb.unscheduled[p] = cur.unscheduled[p] - all.unscheduled[p];
  }
  if (memcmp (lb.unscheduled, R->best.unscheduled, sizeof lb.unscheduled) == 0)
    {
      for (guint i = 0; i < R->n; i++)
        if (!R->used[i] && trial[i] >= 0)
          {
            lb.missed += ts[i].missed;
            lb.lateness += ts[i].lateness;
            lb.reboots += ts[i].reboots;
            lb.delay += ts[i].delay;
          }
      /* The capacity bound, once per group of the remaining units; only
       * where the one-unit bound does not already prune */
      for (guint i = 0; i < R->n && score_cmp (&lb, &R->best) < 0; i++)
        {
          gint32 gi = S->machines[S->units[R->set[i]].machine].group;
          gboolean first = TRUE;
          gint64 extra;
          guint low;

          if (R->used[i] || trial[i] < 0)
            continue;
          for (guint j = 0; j < i && first; j++)
            first = R->used[j] || trial[j] < 0 || S->machines[S->units[R->set[j]].machine].group != gi;
          if (!first)
            continue;
          if (!repack_fluid (R, trial, gi, &extra, &low))
            lb.unscheduled[MAINT_PRIORITY_EMERGENCY - low]++;
          else
            lb.delay += extra;
        }
    }
  if (score_cmp (&lb, &R->best) >= 0)
    return;

  /* A leaf: record it when better */
  if (score_cmp (&cur, &R->best) < 0)
    {
      R->best = cur;
      R->best_n = depth;
      memcpy (R->best_list, R->list, depth * sizeof (guint));
    }

  /* Children: earliest trial start first, then least work. A unit that
   * starts at @last here and already could at the parent was a sibling
   * tried before this branch: placed first, it starts at @last, and then
   * the unit placed here starts at @last too (it fits there with it, and
   * adding units never makes a start earlier), so that branch reached
   * the same placement. */
  for (guint i = 0; i < R->n; i++)
    if (!R->used[i] && trial[i] >= last)
      {
        guint j;

        if (depth > 0 && trial[i] == last && R->trial[(gsize) (depth - 1) * R->n + i] == last)
          {
            const guint *parent = R->order + (gsize) (depth - 1) * R->n;
            gboolean before = FALSE;

            for (guint c = 0; c < R->branch[depth - 1] && !before; c++)
              before = parent[c] == i;
            if (before)
              continue;
          }
        j = n_order++;

        for (; j > 0; j--)
          {
            guint o = order[j - 1];
            if (trial[o] < trial[i] ||
                (trial[o] == trial[i] && unit_work (S, R->set[o]) <= unit_work (S, R->set[i])))
              break;
            order[j] = o;
          }
        order[j] = i;
      }
  for (guint c = 0; c < n_order && R->spent < R->budget; c++)
    {
      guint i = order[c], len = S->slots->len;
      gboolean twin = FALSE;

      /* Interchangeable with a sibling already tried: same machine shape */
      for (guint d = 0; d < c && !twin; d++)
        {
          const Unit *a = &S->units[R->set[order[d]]], *b = &S->units[R->set[i]];
          const MaintSolverMachine *ma = &S->machines[a->machine], *mb = &S->machines[b->machine];

          twin = trial[order[d]] == trial[i] && ma->group == mb->group && ma->host == mb->host &&
                 ma->n_memberships == 0 && mb->n_memberships == 0 &&
                 score_cmp (&ts[order[d]], &ts[i]) == 0 &&
                 unit_work (S, R->set[order[d]]) == unit_work (S, R->set[i]) &&
                 a->earliest == b->earliest && a->priority == b->priority && a->deadline == b->deadline;
        }
      if (twin)
        continue;
      /* The k-th child taken costs k discrepancies */
      if (disc + taken > R->max_disc)
        {
          R->cut = TRUE;
          break;
        }
      R->used[i] = 1;
      R->list[depth] = i;
      R->branch[depth] = c;
      S->units[R->set[i]].blocked = solver_place_unit (S, &S->units[R->set[i]]);
      R->spent++;
      repack_dfs (R, depth + 1, trial[i], disc + taken);
      taken++;
      repack_pop_to (S, len);
      R->used[i] = 0;
    }
}

/* The units competing with blocked unit @u for the resource that kept
 * it out most often; 0 when there are too many or none. */
static guint
repack_set (MaintSolver *S,
            guint        u,
            guint       *set)
{
  const MaintSolverMachine *m = &S->machines[S->units[u].machine];
  const MaintSolverGroup *g = &S->groups[m->group];
  const Why *why = NULL;
  MaintBlock worst = MAINT_BLOCK_NONE;
  guint n = 0;

  for (guint k = 0; k < m->n_acts && why == NULL; k++)
    why = S->why[S->act_order[m->first_act + k]];
  if (why == NULL)
    return 0;
  for (MaintBlock b = MAINT_BLOCK_MACHINE; b < MAINT_N_BLOCKS; b++)
    if (why->stats.counts[b] > 0 && (worst == MAINT_BLOCK_NONE || why->stats.counts[b] >= why->stats.counts[worst]))
      worst = b;

  for (guint v = 0; v < S->n_units; v++)
    {
      const MaintSolverMachine *mv = &S->machines[S->units[v].machine];
      gboolean in = v == u;

      if (!in && (S->units[v].earliest < 0 || !unit_movable (S, v)))
        continue;
      switch (worst)
        {
        case MAINT_BLOCK_GROUP:
          in |= mv->group == m->group;
          break;
        case MAINT_BLOCK_HOST:
          in |= m->host >= 0 && mv->host == m->host;
          break;
        case MAINT_BLOCK_ORDER:
        case MAINT_BLOCK_SERVICE:
        case MAINT_BLOCK_SPACING:
          for (guint i = 0; i < mv->n_memberships && !in; i++)
            in = S->memberships[mv->first_membership + i].service == why->stats.last[worst].service;
          break;
        case MAINT_BLOCK_FLEET:
          {
            gint64 s, e;

            /* Same group, or down in one of its intervals from u's earliest start */
            in |= mv->group == m->group;
            if (!in && unit_span (S, v, &s, &e) && e > S->units[u].earliest)
              {
                guint k = maint_interval_set_lower_bound (g->available, s);

                in = (k < g->n_bounds && g->bounds[2 * k] < e) ||
                     (k > 0 && g->bounds[2 * k - 1] > s);
              }
          }
          break;
        case MAINT_BLOCK_NONE:
        case MAINT_BLOCK_MACHINE:
        case MAINT_N_BLOCKS:
        default:
          break;
        }
      if (!in)
        continue;
      /* An announced slot of the machine could take merges the search
       * would not undo */
      if (S->n_pinned_slots > 0 &&
          S->pinned_start[S->units[v].machine] < S->pinned_start[S->units[v].machine + 1])
        continue;
      if (n == REPACK_MAX_UNITS)
        return 0;
      set[n++] = v;
    }
  return n;
}

/* Takes the @n units of @set out and puts them back in the best order
 * the branch and bound finds within @limit placements; keeps the result
 * only when the objective over the set improves. */
static gboolean
repack_run (MaintSolver *S,
            Move        *mv,
            const guint *set,
            guint        n,
            guint64     *spent,
            guint64      limit)
{
  Repack R = { 0, };
  Score before, after;

  if (n < 2 || limit == 0)
    return FALSE;
  R.S = S;
  R.set = set;
  R.n = n;
  R.list = g_new0 (guint, n);
  R.best_list = g_new0 (guint, n);
  R.order = g_new0 (guint, (gsize) n * (n + 1));
  R.branch = g_new0 (guint, n + 1);
  R.trial = g_new0 (gint64, (gsize) n * (n + 1));
  R.trial_score = g_new0 (Score, (gsize) n * (n + 1));
  R.used = g_new0 (guchar, n);
  R.budget = limit;

  units_score (S, set, n, &before);
  R.best = before;
  R.best_n = G_MAXUINT;
  move_begin (S, mv, set, n);
  /* Limited discrepancy search: the heuristic order (earliest start
   * first) with at most max_disc deviations, counted by the position of
   * the child taken, for max_disc = 0, 1, 2, ... until a pass leaves
   * nothing out (the search was complete) or the budget is spent. A
   * budget that runs out then has gone into changes anywhere in the
   * order, not only into the last few units of the first one. */
  for (R.max_disc = 0; R.spent < R.budget; R.max_disc++)
    {
      R.cut = FALSE;
      repack_dfs (&R, 0, G_MININT64, 0);
      if (!R.cut)
        break;
    }
  *spent += R.spent;

  if (R.best_n != G_MAXUINT)
    {
      /* Replay the best list, then every other unit in rank order */
      for (guint i = 0; i < R.best_n; i++)
        {
          R.used[R.best_list[i]] = 2;
          S->units[set[R.best_list[i]]].blocked = solver_place_unit (S, &S->units[set[R.best_list[i]]]);
        }
      for (guint i = 0; i < n; i++)
        if (R.used[i] != 2)
          S->units[set[i]].blocked = solver_place_unit (S, &S->units[set[i]]);
    }
  g_free (R.list);
  g_free (R.best_list);
  g_free (R.order);
  g_free (R.branch);
  g_free (R.trial);
  g_free (R.trial_score);
  g_free (R.used);
  if (R.best_n != G_MAXUINT)
    {
      units_score (S, set, n, &after);
      if (score_cmp (&after, &before) < 0)
        {
          move_commit (mv);
          return TRUE;
        }
    }
  move_undo (S, mv);
  return FALSE;
}

static gboolean
move_repack (MaintSolver *S,
             Move        *mv,
             guint        u,
             guint64     *spent,
             guint64      limit)
{
  guint set[REPACK_MAX_UNITS], n;

  n = repack_set (S, u, set);
  return repack_run (S, mv, set, n, spent, MIN (limit, REPACK_BUDGET));
}

static gboolean
solver_improve (MaintSolver  *S,
                GError      **error)
{
  g_autofree guint *unit_of = NULL;
  g_autofree guint *by_rank = NULL;
  g_autofree guchar *seen = NULL;
  g_autofree guint8 *out = NULL;
  g_autoptr(GArray) cand = NULL;
  g_autofree Score *repack_failed = NULL;
  Move mv = { 0, };
  guint64 budget, spent = 0, repack_spent = 0;
  gint64 margin = 0;
  gboolean improved = TRUE, changed = FALSE, ok = TRUE;
  guint moves = 0;

  if (S->n_units == 0)
    return TRUE;
  budget = S->n_units <= MOVE_SMALL_UNITS ? MOVE_BUDGET : S->n_units / 5;
  unit_of = g_new (guint, MAX (S->n_machines, 1));
  by_rank = g_new (guint, S->n_units);
  seen = g_new0 (guchar, S->n_units);
  out = g_new (guint8, S->n_units);
  cand = g_array_new (FALSE, FALSE, sizeof (guint));
  repack_failed = g_new (Score, S->n_units);
  for (guint u = 0; u < S->n_units; u++)
    repack_failed[u].reboots = -1;
  mv.removed = g_array_new (FALSE, FALSE, sizeof (MaintSolverSlot));
  mv.saved = g_array_new (FALSE, FALSE, sizeof (MoveAct));
  mv.taken = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < S->n_machines; i++)
    unit_of[i] = G_MAXUINT;
  for (guint u = 0; u < S->n_units; u++)
    {
      unit_of[S->units[u].machine] = u;
      by_rank[S->units[u].rank] = u;
    }
  for (guint k = 0; k < S->n_services; k++)
    margin = MAX (margin, S->services[k].spacing);

  while (improved && spent < budget && ok)
    {
      improved = FALSE;

      /* Insert: most important first. out[] is unit_unscheduled() of
       * each unit, kept exact: only a kept move changes placements, and
       * only those of the units it picked (a repacking, on small fleets,
       * of more: then all are asked again) */
      units_unscheduled (S, unit_of, out);
      for (guint r = 0; r < S->n_units && spent < budget && ok; r++)
        {
          guint u = by_rank[r], pick[MOVE_MAX_UNITS] = { u, 0, 0 };
          gboolean done = FALSE;

          if ((++moves & 255) == 0 && g_cancellable_set_error_if_cancelled (S->cancellable, error))
            ok = FALSE;
          if (!ok || S->units[u].earliest < 0 || S->units[u].hopeless || !out[u] ||
              !unit_movable (S, u))
            continue;
          if (move_try (S, &mv, pick, 1, &spent))
            {
              improved = changed = TRUE;
              out[u] = unit_unscheduled (S, u);
              continue;
            }
          /* Ejecting only helps what capacity or services kept out (the
           * flag may be stale after a restored snapshot: ask the record) */
          if (!unit_kept_out (S, u))
            continue;
          move_candidates (S, u, S->units[u].earliest - margin, S->horizon_end + margin, unit_of, cand, seen);
          for (guint i = 0; i < cand->len && !done && spent < budget; i++)
            {
              pick[1] = g_array_index (cand, guint, i);
              done = move_try (S, &mv, pick, 2, &spent);
            }
          /* The exact repacking of the resource that kept it out */
          if (!done && S->n_units <= MOVE_SMALL_UNITS && repack_spent < REPACK_TOTAL)
            {
              guint64 before = spent;
              Score here;

              /* Once per unit and state of the unit: a repacking that
               * found nothing is not repeated while the unit is kept out
               * the same way (changes elsewhere are left to the
               * ejections) */
              units_score (S, &u, 1, &here);
              if (repack_failed[u].reboots < 0 || score_cmp (&here, &repack_failed[u]) != 0)
                {
                  done = move_repack (S, &mv, u, &spent, REPACK_TOTAL - repack_spent);
                  if (!done)
                    repack_failed[u] = here;
                }
              repack_spent += spent - before;
              spent = before;
            }
          for (guint i = 0; i < MIN (cand->len, MOVE_PAIRS) && !done && spent < budget; i++)
            for (guint j = i + 1; j < MIN (cand->len, MOVE_PAIRS) && !done && spent < budget; j++)
              {
                pick[1] = g_array_index (cand, guint, i);
                pick[2] = g_array_index (cand, guint, j);
                done = move_try (S, &mv, pick, 3, &spent);
              }
          if (done)
            {
              improved = changed = TRUE;
              if (S->n_units <= MOVE_SMALL_UNITS)
                units_unscheduled (S, unit_of, out);
              else
                for (guint i = 0; i < MOVE_MAX_UNITS; i++)
                  out[pick[i]] = unit_unscheduled (S, pick[i]);
            }
        }

      /* Shift: delayed units to earlier starts */
      for (guint r = 0; r < S->n_units && spent < budget && ok; r++)
        {
          guint u = by_rank[r], pick[MOVE_MAX_UNITS] = { u, 0, 0 };
          gboolean done = FALSE;
          gint64 s, e;

          if ((++moves & 255) == 0 && g_cancellable_set_error_if_cancelled (S->cancellable, error))
            ok = FALSE;
          /* (movable first: most units of a rollout are not, and the
           * delay reads their slots too) */
          if (!ok || !unit_movable (S, u) || unit_delay (S, &S->units[u]) == 0 ||
              !unit_span (S, u, &s, &e))
            continue;
          if (move_try (S, &mv, pick, 1, &spent))
            {
              improved = changed = TRUE;
              continue;
            }
          move_candidates (S, u, S->units[u].earliest - margin, e + margin, unit_of, cand, seen);
          for (guint i = 0; i < cand->len && !done && spent < budget; i++)
            {
              pick[1] = g_array_index (cand, guint, i);
              done = move_try (S, &mv, pick, 2, &spent);
            }
          if (done)
            improved = changed = TRUE;
        }

    }

  /* Ruin and recreate with the rest of the budget */
  if (ok && spent < budget)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (MOVE_SEED);
      g_autofree guint *pool = g_new (guint, S->n_units);
      guint stale = 0;

      while (spent < budget && ok && stale < 64 * S->n_units + 1024)
        {
          guint n_pool = 0, u, n_pick, n_near, pick[MOVE_MAX_UNITS];
          gint64 s, e;

          if ((++moves & 255) == 0 && g_cancellable_set_error_if_cancelled (S->cancellable, error))
            {
              ok = FALSE;
              break;
            }
          for (guint i = 0; i < S->n_units; i++)
            if (S->units[i].earliest >= 0 && !S->units[i].hopeless && unit_movable (S, i) &&
                ((unit_unscheduled (S, i) && S->units[i].blocked) || unit_delay (S, &S->units[i]) > 0))
              pool[n_pool++] = i;
          if (n_pool == 0)
            break;
          u = pool[g_rand_int_range (rand, 0, n_pool)];
          if (!unit_span (S, u, &s, &e))
            s = S->horizon_end;
          if (g_rand_boolean (rand))
            n_near = move_candidates (S, u, S->units[u].earliest - margin, MIN (s, S->horizon_end) + margin,
                             unit_of, cand, seen);
          else
          {
            /* One maintenance interval of u's group between its earliest
             * start and its current one: the units down then */
            const MaintSolverGroup *g = &S->groups[S->machines[S->units[u].machine].group];
            guint lo = maint_interval_set_lower_bound (g->available, S->units[u].earliest);
            guint hi = maint_interval_set_lower_bound (g->available, s);
            guint k;

            hi = MIN (MAX (hi, lo + 1), g->n_bounds);
            if (lo >= hi)
              continue;
            k = g_rand_int_range (rand, lo, hi);
            n_near = move_candidates (S, u, g->bounds[2 * k] - margin, g->bounds[2 * k + 1] + margin, unit_of, cand, seen);
          }
          n_pick = MIN (cand->len, MOVE_MAX_UNITS - 1);
          pick[0] = u;
          for (guint i = 0; i < n_pick; i++)
            {
              /* Related units first */
              guint j = g_rand_int_range (rand, i, i < n_near ? n_near : cand->len), t;

              t = g_array_index (cand, guint, i);
              g_array_index (cand, guint, i) = g_array_index (cand, guint, j);
              g_array_index (cand, guint, j) = t;
              pick[1 + i] = g_array_index (cand, guint, i);
            }
          for (guint i = n_pick; i > 0; i--)
            {
              guint j = g_rand_int_range (rand, 0, i + 1), t = pick[i];
              pick[i] = pick[j];
              pick[j] = t;
            }
          /* Every other time shortest first, which packs the most units
           * into a window (the shuffle breaks ties) */
          if (g_rand_boolean (rand))
            for (guint i = 1; i <= n_pick; i++)
              for (guint j = i; j > 0 && unit_work (S, pick[j - 1]) > unit_work (S, pick[j]); j--)
                {
                  guint t = pick[j];
                  pick[j] = pick[j - 1];
                  pick[j - 1] = t;
                }
          if (move_try (S, &mv, pick, 1 + n_pick, &spent))
            {
              changed = TRUE;
              stale = 0;
            }
          else
            stale++;
        }
    }

  /* Moves may have freed room for an unscheduled unit that the budget
   * did not revisit: a last pass, outside the budget, so an unscheduled
   * activity never fits where the plan leaves room. */
  for (guint r = 0; r < S->n_units && changed && ok; r++)
    {
      guint u = by_rank[r];

      if (unit_unscheduled (S, u) && unit_movable (S, u))
        move_try (S, &mv, &u, 1, &spent);
    }

  g_array_unref (mv.removed);
  g_array_unref (mv.saved);
  g_array_unref (mv.taken);
  return ok;
}

/* Annealing on the processing order (fleets of at most ANNEAL_MAX_UNITS
 * units). The order search above only accepts improvements, so it stops
 * where every single move makes the plan worse; but the greedy in some
 * order reaches every plan that cannot be improved by starting one
 * unit earlier alone, the best one included, and the way there on
 * crowded fleets often goes through plans a little later in total.
 * Here a move (a delayed or kept-out unit to an earlier position, or
 * two units close in the order exchanged) is also accepted when it
 * changes nothing but the total delay and that by d seconds more, with
 * probability exp(-d / T); T falls geometrically over the budget. A
 * move that is worse on anything ranked above the delay is never
 * accepted, unless @penalty > 0: then such a move is accepted with
 * probability exp(-x / T), where x is the change in delay and lateness
 * plus @penalty seconds per activity kept out, deadline missed or reboot
 * added (and minus as much per one saved). That walk crosses plans with
 * one activity fewer to reach orders the strict walk cannot (on crowded
 * fleets nearly every move of the strict walk costs an activity). The
 * best plan seen is kept either way, by the objective itself. Fixed
 * seed, budget in unit placements: the same input, the same plan. */
#define ANNEAL_MAX_UNITS 256
#define ANNEAL_BUDGET    400000
#define ANNEAL_SEED      0x616e6e65
#define ANNEAL_T0        20000.0
#define ANNEAL_T1        60.0
#define ANNEAL_PENALTY   86400.0   /* the second walk: see solver_anneal_twice() */
#define ANNEAL_BUDGET2   200000
#define ANNEAL_STUCK     0.05

/* The annealing's memory of the orders it has tried. The greedy's plan is
 * a function of the order alone, and on small or stuck fleets the walk
 * tries the same few orders over and over (three units have six orders,
 * and get 133,333 moves): an order seen before gives back its score and
 * its pool (the delayed or left-out units the next move picks from)
 * without running the greedy. Nothing else changes: the same random
 * numbers are drawn and the same moves accepted, and an order seen before
 * never beats the best plan (it was either accepted, and compared with the
 * best then, or rejected for being worse than the current plan, which is
 * never better than the best), so the best plan's snapshot is always
 * taken after a greedy run. */
typedef struct
{
  guint hash;
  guint n;        /* units in the order */
  guint n_pool;
  Score score;
  guint data[];   /* the order (n), then the pool (n_pool) */
} AnnealSeen;

#define ANNEAL_SEEN_MAX 200000   /* orders remembered at most */

static gint anneal_memory = TRUE;

void
maint_solver_set_anneal_memory (gboolean enabled)
{
  g_atomic_int_set (&anneal_memory, enabled);
}

static gint n_second_walks;

guint
maint_solver_get_n_second_walks (void)
{
  return (guint) g_atomic_int_get (&n_second_walks);
}

static guint
anneal_order_hash (const guint *by_rank,
                   guint        n)
{
  guint32 h = 2166136261u;   /* FNV-1a over the units' indices */

  for (guint i = 0; i < n; i++)
    h = (h ^ by_rank[i]) * 16777619u;
  return h;
}

static guint
anneal_seen_hash (gconstpointer p)
{
  return ((const AnnealSeen *) p)->hash;
}

static gboolean
anneal_seen_equal (gconstpointer a,
                   gconstpointer b)
{
  const AnnealSeen *x = a, *y = b;

  return x->hash == y->hash && x->n == y->n &&
         memcmp (x->data, y->data, sizeof (guint) * x->n) == 0;
}

/* Remembers the order in @key (its hash set) with what the greedy gave
 * for it, unless the table is full. */
static void
anneal_remember (GHashTable       *seen,
                 const AnnealSeen *key,
                 const Score      *score,
                 const guint      *pool,
                 guint             n_pool)
{
  AnnealSeen *e;

  if (g_hash_table_size (seen) >= ANNEAL_SEEN_MAX)
    return;
  e = g_malloc (sizeof (AnnealSeen) + (key->n + n_pool) * sizeof (guint));
  *e = *key;
  e->n_pool = n_pool;
  e->score = *score;
  memcpy (e->data, key->data, key->n * sizeof (guint));
  memcpy (&e->data[key->n], pool, n_pool * sizeof (guint));
  g_hash_table_add (seen, e);
}

/* The delayed or left-out units of the current placement that have a
 * window: what the next move picks from. In @pool, by unit; returns how
 * many. */
static guint
anneal_pool (MaintSolver *S,
             guint       *pool)
{
  guint n_pool = 0;

  for (guint u = 0; u < S->n_units; u++)
    if (S->units[u].earliest >= 0 && !S->units[u].hopeless &&
        (unit_delay (S, &S->units[u]) > 0 || unit_unscheduled (S, u)))
      pool[n_pool++] = u;
  return n_pool;
}

static gboolean
solver_anneal (MaintSolver  *S,
               double        penalty,
               double       *accepted,
               GError      **error)
{
  g_autoptr(GRand) rand = NULL;
  g_autofree guint *cur_rank = NULL, *best_rank = NULL, *by_rank = NULL, *pool = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree AnnealSeen *key = NULL;
  Snapshot best_snap = { 0, };
  Score best, cur, score;
  guint64 iters, it, n_accepted = 0;
  guint n_pool;
  gboolean ok = TRUE, stale = FALSE, memory = g_atomic_int_get (&anneal_memory);

  *accepted = 1;
  if (S->n_units < 3 || S->n_units > ANNEAL_MAX_UNITS)
    return TRUE;
  rand = g_rand_new_with_seed (ANNEAL_SEED);
  cur_rank = g_new (guint, S->n_units);
  best_rank = g_new (guint, S->n_units);
  by_rank = g_new (guint, S->n_units);
  pool = g_new (guint, S->n_units);
  solver_score (S, &cur);
  best = cur;
  snapshot_take (S, &best_snap);
  for (guint u = 0; u < S->n_units; u++)
    cur_rank[u] = best_rank[u] = S->units[u].rank;
  iters = (penalty > 0 ? ANNEAL_BUDGET2 : ANNEAL_BUDGET) / S->n_units;
  seen = g_hash_table_new_full (anneal_seen_hash, anneal_seen_equal, g_free, NULL);
  key = g_malloc (sizeof (AnnealSeen) + S->n_units * sizeof (guint));
  key->n = S->n_units;
  n_pool = anneal_pool (S, pool);

  for (it = 0; it < iters; it++)
    {
      double T = ANNEAL_T0 * pow (ANNEAL_T1 / ANNEAL_T0, (double) it / (double) iters);
      const AnnealSeen *hit;
      gboolean accept;

      for (guint u = 0; u < S->n_units; u++)
        by_rank[cur_rank[u]] = u;
      /* Nothing delayed, nothing left out that has a window: done */
      if (n_pool == 0 && score_cmp (&cur, &best) == 0)
        break;
      if (n_pool > 0 && g_rand_boolean (rand))
        {
          /* A delayed unit to an earlier position */
          guint u = pool[g_rand_int_range (rand, 0, n_pool)], from = cur_rank[u], to;

          if (from == 0)
            continue;
          to = g_rand_int_range (rand, 0, from);
          memmove (&by_rank[to + 1], &by_rank[to], (from - to) * sizeof (guint));
          by_rank[to] = u;
        }
      else
        {
          /* Two units close in the order exchanged */
          guint i = g_rand_int_range (rand, 0, S->n_units - 1);
          guint d = g_rand_int_range (rand, 1, 9);
          guint j = MIN (S->n_units - 1, i + d), t;

          t = by_rank[i];
          by_rank[i] = by_rank[j];
          by_rank[j] = t;
        }
      for (guint r = 0; r < S->n_units; r++)
        S->units[by_rank[r]].rank = r;

      hit = NULL;
      if (memory)
        {
          memcpy (key->data, by_rank, S->n_units * sizeof (guint));
          key->hash = anneal_order_hash (by_rank, S->n_units);
          hit = g_hash_table_lookup (seen, key);
        }
      /* (A remembered order cannot beat the best plan; if it ever did,
       * the greedy runs, so that the best plan's snapshot is taken.) */
      if (hit != NULL && score_cmp (&hit->score, &best) >= 0)
        {
          score = hit->score;
          n_pool = hit->n_pool;
          memcpy (pool, &hit->data[hit->n], n_pool * sizeof (guint));
          stale = TRUE;
          if ((it & 1023) == 0 && g_cancellable_set_error_if_cancelled (S->cancellable, error))
            {
              ok = FALSE;
              break;
            }
        }
      else
        {
          solver_reset (S);
          if (!solver_greedy (S, error))
            {
              ok = FALSE;
              break;
            }
          solver_score (S, &score);
          n_pool = anneal_pool (S, pool);
          stale = FALSE;
          if (memory && hit == NULL)
            anneal_remember (seen, key, &score, pool, n_pool);
        }
      accept = score_cmp (&score, &cur) <= 0;
      if (!accept && memcmp (&score, &cur, G_STRUCT_OFFSET (Score, delay)) == 0)
        accept = g_rand_double (rand) < exp ((double) (cur.delay - score.delay) / T);
      else if (!accept && penalty > 0)
        {
          gint64 kept_out = 0;
          double x;

          for (guint k = 0; k < G_N_ELEMENTS (score.unscheduled); k++)
            kept_out += score.unscheduled[k] - cur.unscheduled[k];
          x = (double) (score.delay - cur.delay) + (double) (score.lateness - cur.lateness) +
              penalty * (double) (kept_out + (score.missed - cur.missed) + (score.reboots - cur.reboots));
          accept = x <= 0 || g_rand_double (rand) < exp (-x / T);
        }
      if (accept)
        {
          n_accepted++;
          cur = score;
          for (guint u = 0; u < S->n_units; u++)
            cur_rank[u] = S->units[u].rank;
          if (score_cmp (&cur, &best) < 0)
            {
              best = cur;
              snapshot_take (S, &best_snap);
              memcpy (best_rank, cur_rank, S->n_units * sizeof (guint));
            }
        }
    }

  /* The solver holds an earlier order's plan: it gets the last order's,
   * as if every order had been run (the units' blocked flags and the
   * records of why an activity was left out stay those of the last run,
   * as the moves after the walk expect) */
  if (ok && stale)
    {
      solver_reset (S);
      ok = solver_greedy (S, error);
    }
  *accepted = it > 0 ? (double) n_accepted / (double) it : 1;
  for (guint u = 0; u < S->n_units; u++)
    S->units[u].rank = best_rank[u];
  if (ok)
    snapshot_restore (S, &best_snap);
  snapshot_clear (&best_snap);
  return ok;
}

/* The annealing, then the improvement moves. When the strict walk was
 * stuck (it accepted fewer than ANNEAL_STUCK of its moves), all that
 * again: from where it ended, a second walk that may pass through plans
 * with an activity fewer (ANNEAL_PENALTY). The second result is kept
 * only if it is better by the objective, so it can only help. On seed
 * 16 of bench-quality the strict walk rejected all its 8,000 moves
 * (7,999 of them lost an activity) and stayed 3.5 % above cbc's best
 * plan; the second walk reaches that plan. Of seeds 1–40, five walks
 * are stuck, and the second walk improves two (16 and 22). */
static gboolean
solver_anneal_twice (MaintSolver  *S,
                     GError      **error)
{
  Snapshot walked = { 0, }, first_snap = { 0, };
  g_autofree guint *walked_rank = NULL, *first_rank = NULL;
  Score first, second;
  double accepted;
  gboolean ok = solver_anneal (S, 0, &accepted, error);

  if (!ok || S->n_units < 3 || accepted >= ANNEAL_STUCK)
    return ok && solver_improve (S, error);

  /* Where the strict walk ended, for the second one */
  g_atomic_int_inc (&n_second_walks);
  snapshot_take (S, &walked);
  walked_rank = g_new (guint, S->n_units);
  first_rank = g_new (guint, S->n_units);
  for (guint u = 0; u < S->n_units; u++)
    walked_rank[u] = S->units[u].rank;

  ok = solver_improve (S, error);
  if (ok)
    {
      solver_score (S, &first);
      snapshot_take (S, &first_snap);
      for (guint u = 0; u < S->n_units; u++)
        first_rank[u] = S->units[u].rank;

      for (guint u = 0; u < S->n_units; u++)
        S->units[u].rank = walked_rank[u];
      snapshot_restore (S, &walked);
      ok = solver_anneal (S, ANNEAL_PENALTY, &accepted, error) && solver_improve (S, error);
    }
  if (ok)
    {
      solver_score (S, &second);
      if (score_cmp (&second, &first) >= 0)
        {
          for (guint u = 0; u < S->n_units; u++)
            S->units[u].rank = first_rank[u];
          snapshot_restore (S, &first_snap);
        }
    }
  snapshot_clear (&walked);
  snapshot_clear (&first_snap);
  return ok;
}

/* Units that get nothing even when placed first, with only what no
 * round changes in place (announced slots, a rollout's host reboots):
 * more slots only take room away, so no order and no move can place any
 * of their work, and the searches below leave them out of their pools.
 * (They are still placed, in rank order, so that their reasons name what
 * is in the way.) Units in a service's order or in a rollout are never
 * counted: whether they fit depends on where the others are, not only on
 * how much room the others take. Only for fleets the moves search
 * (MOVE_SMALL_UNITS): it costs a placement per left-out unit. A fleet
 * planned after announcing most of its slots has many such units, and
 * the searches used to spend their whole budgets on them. */
static void
solver_find_hopeless (MaintSolver *S)
{
  Snapshot here = { 0, };
  gboolean taken = FALSE;

  for (guint u = 0; u < S->n_units; u++)
    {
      const MaintSolverMachine *m = &S->machines[S->units[u].machine];
      gboolean independent = TRUE, all_out = TRUE;

      if (S->units[u].earliest < 0 || !unit_unscheduled (S, u))
        continue;
      for (guint k = 0; k < m->n_memberships && independent; k++)
        independent = S->memberships[m->first_membership + k].position < 0;
      for (guint k = 0; k < m->n_acts && independent; k++)
        {
          const MaintSolverAct *a = &S->acts[S->act_order[m->first_act + k]];
          independent = a->rollout < 0 && a->latest_end == 0 && !a->held;
        }
      if (!independent)
        continue;

      if (!taken)
        {
          snapshot_take (S, &here);
          taken = TRUE;
        }
      solver_reset (S);
      solver_place_unit (S, &S->units[u]);
      for (guint k = 0; k < m->n_acts && all_out; k++)
        all_out = S->acts[S->act_order[m->first_act + k]].slot < 0;
      S->units[u].hopeless = all_out;
    }
  if (taken)
    snapshot_restore_full (S, &here, TRUE);
  snapshot_clear (&here);
}

/* Squeaky wheel: units that capacity or service limits kept out go
 * first in the next round; a round that is better by the objective is
 * kept, the first one that is not ends the repair. The number of rounds
 * is bounded, so the result never depends on the clock. */
static gboolean
solver_solve (MaintSolver  *S,
              GError      **error)
{
  Snapshot best_snap = { 0, };
  Score best, score;
  gboolean ok = TRUE, in_place_is_best = TRUE;
  g_autofree gboolean *best_blocked = NULL;
  Timelines aside = { NULL, };

  if (!solver_greedy (S, error))
    return FALSE;
  solver_score (S, &best);
  best_blocked = g_new (gboolean, MAX (S->n_units, 1));

  for (guint round = 1; round <= REPAIR_ROUNDS; round++)
    {
      g_autofree guint *by_rank = g_new (guint, MAX (S->n_units, 1));
      guint n = 0;
      gboolean any = FALSE, worse = FALSE;

      for (guint u = 0; u < S->n_units; u++)
        {
          by_rank[S->units[u].rank] = u;
          any |= S->units[u].blocked;
        }
      if (!any)
        break;
      for (guint r = 0; r < S->n_units; r++)
        if (S->units[by_rank[r]].blocked)
          S->units[by_rank[r]].rank = n++;
      for (guint r = 0; r < S->n_units; r++)
        if (!S->units[by_rank[r]].blocked)
          S->units[by_rank[r]].rank = n++;

      for (guint u = 0; u < S->n_units; u++)
        best_blocked[u] = S->units[u].blocked;
      snapshot_take_full (S, &best_snap, TRUE);
      timelines_clear (&aside, S);
      timelines_set_aside (S, &aside);
      if (!solver_greedy_bounded (S, &best, &worse, error))
        {
          ok = FALSE;
          break;
        }
      if (!worse)
        solver_score (S, &score);
      in_place_is_best = !worse && score_cmp (&score, &best) < 0;
      if (!in_place_is_best)
        break;
      best = score;
    }

  /* The best placement back, its timelines as they were, and its units'
   * flags (the order stays the last round's: blocked units of the best
   * placement first) */
  if (ok && !in_place_is_best)
    {
      timelines_bring_back (S, &aside);
      snapshot_restore_occupy (S, &best_snap, TRUE, FALSE);
      for (guint u = 0; u < S->n_units; u++)
        S->units[u].blocked = best_blocked[u];
    }
  timelines_clear (&aside, S);
  snapshot_clear (&best_snap);
  if (ok && S->n_units <= MOVE_SMALL_UNITS)
    solver_find_hopeless (S);
  if (ok && S->n_units <= ANNEAL_MAX_UNITS)
    return solver_anneal_twice (S, error);
  if (ok)
    ok = solver_local_search (S, error);
  if (ok)
    ok = solver_improve (S, error);
  return ok;
}

static MaintSolver *
solver_new (MaintScheduler  *self,
            GCancellable    *cancellable,
            GError         **error)
{
  g_autoptr(MaintSolver) S = g_new0 (MaintSolver, 1);
  g_autoptr(GError) local_error = NULL;

  if (!maint_fleet_validate (self->fleet, &local_error))
    {
      g_set_error (error, MAINT_SCHEDULER_ERROR, MAINT_SCHEDULER_ERROR_INVALID_FAILED,
                   "%s", local_error->message);
      return NULL;
    }

  S->fleet = g_object_ref (self->fleet);
  S->policy = g_object_ref (maint_fleet_get_policy (self->fleet));
  S->previous = self->previous != NULL ? g_object_ref (self->previous) : NULL;
  S->cancellable = cancellable;
  S->sim = self->sim;
  S->now = self->now != 0 ? self->now : maint_fleet_get_now (self->fleet);
  if (S->now == 0)
    {
      g_set_error_literal (error, MAINT_SCHEDULER_ERROR, MAINT_SCHEDULER_ERROR_INVALID_FAILED,
                           "no “now”: set it on the scheduler or in the fleet");
      return NULL;
    }

  if (!solver_compile (S, error))
    return NULL;
  solver_add_pinned (S);
  maint_solver_rollout_host_reboots (S);
  solver_index_pinned (S);
  solver_build_units (S);
  solver_fix_score (S);
  if (!solver_solve (S, error))
    return NULL;
  return g_steal_pointer (&S);
}

/* The simulation's state (maint-simulation-private.h): read by the
 * rollout expansion; the scheduler does not own it. */
void
maint_scheduler_set_sim_state (MaintScheduler *self,
                               MaintSimState  *state)
{
  g_return_if_fail (MAINT_IS_SCHEDULER (self));
  self->sim = state;
}

/* ------------------------------------------------------------------ */
/* The plan                                                            */

static int
slot_order_cmp (const void *pa,
                const void *pb,
                void       *data)
{
  MaintSolver *S = data;
  const MaintSolverSlot *a = solver_slot (S, *(const guint *) pa);
  const MaintSolverSlot *b = solver_slot (S, *(const guint *) pb);

  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->machine != b->machine)
    return S->name_rank[a->machine] < S->name_rank[b->machine] ? -1 : 1;
  return a->end < b->end ? -1 : a->end > b->end;
}

static int
str_ptr_cmp (const void *a,
             const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static int
act_id_cmp (const void *pa,
            const void *pb,
            void       *data)
{
  MaintSolver *S = data;
  return strcmp (S->act_info[*(const guint *) pa].id, S->act_info[*(const guint *) pb].id);
}

/* Writes the sentences of the unscheduled activities. */
static void
solver_write_details (MaintSolver *S)
{
  for (guint i = 0; i < S->n_acts; i++)
    if (S->acts[i].slot < 0 && S->act_info[i].detail == NULL && S->why[i] != NULL)
      solver_reason (S, S->acts[i].machine, &S->why[i]->need, &S->why[i]->stats,
                     &S->act_info[i].detail);
}

static void
put_digits (char   *out,
            guint   value,
            guint   width)
{
  for (guint i = width; i > 0; i--)
    {
      out[i - 1] = (char) ('0' + value % 10);
      value /= 10;
    }
}

/* maint_instant_format_local() with the zone already resolved: the same
 * text ("%04d-%02u-%02uT%02d:%02d:%02d%c%02d:%02d", the offset rounded to
 * the minute), without the zone lookup and printf per call. Returns NULL
 * outside years 1–9999 (the caller then formats the usual way). */
static char *
format_local_tz (gint64         instant,
                 const MaintTz *tz)
{
  gint32 offset = maint_tz_offset_at (tz, instant);
  gint32 abs_rounded = (ABS (offset) + 30) / 60 * 60;
  gint32 rounded = offset < 0 ? -abs_rounded : abs_rounded;
  gint64 local = instant + rounded, days = local / 86400, secs = local % 86400, year;
  guint month, day;
  char *out;

  if (secs < 0)
    {
      secs += 86400;
      days--;
    }
  maint_civil_from_days (days, &year, &month, &day);
  if (year < 1 || year > 9999 || abs_rounded / 3600 > 99)
    return NULL;

  out = g_malloc (26);
  put_digits (out, (guint) year, 4);
  out[4] = '-';
  put_digits (out + 5, month, 2);
  out[7] = '-';
  put_digits (out + 8, day, 2);
  out[10] = 'T';
  put_digits (out + 11, (guint) (secs / 3600), 2);
  out[13] = ':';
  put_digits (out + 14, (guint) (secs / 60 % 60), 2);
  out[16] = ':';
  put_digits (out + 17, (guint) (secs % 60), 2);
  out[19] = rounded < 0 ? '-' : '+';
  put_digits (out + 20, (guint) (abs_rounded / 3600), 2);
  out[22] = ':';
  put_digits (out + 23, (guint) (abs_rounded / 60 % 60), 2);
  out[25] = '\0';
  return out;
}

static char *
solver_format_local (gint64         instant,
                     const MaintTz *tz,
                     const char    *zone)
{
  char *text = tz != NULL ? format_local_tz (instant, tz) : NULL;

  return text != NULL ? text : maint_instant_format_local (instant, zone, NULL);
}

char *
solver_text_ref (MaintSolver *S,
                 const char  *text)
{
  char *ref = g_hash_table_lookup (S->text_refs, text);

  if (ref == NULL)
    {
      ref = g_ref_string_new (text);
      g_hash_table_insert (S->text_refs, (gpointer) text, ref);
    }
  return ref;
}

/* Drops the solver's hold on the plan's shared names */
static void
solver_release_refs (MaintSolver *S)
{
  for (guint i = 0; S->machine_refs != NULL && i < S->n_machines; i++)
    g_clear_pointer (&S->machine_refs[i], g_ref_string_release);
  for (guint i = 0; S->group_refs != NULL && i < S->n_groups; i++)
    g_clear_pointer (&S->group_refs[i], g_ref_string_release);
  g_clear_pointer (&S->machine_refs, g_free);
  g_clear_pointer (&S->group_refs, g_free);
  g_clear_pointer (&S->text_refs, g_hash_table_unref);
}

static MaintPlan *
solver_to_plan (MaintSolver *S)
{
  g_autoptr(MaintPlan) plan = maint_plan_new (S->now);
  g_autofree guint *order = g_new (guint, MAX (S->slots->len, 1));
  g_autofree guint *acts = g_new (guint, MAX (S->n_acts, 1));
  g_autofree guint *own = g_new0 (guint, MAX (S->n_machines, 1));
  g_autofree guint *rebooting = g_new0 (guint, MAX (S->n_machines, 1));
  g_autofree const MaintTz **zones = NULL;
  g_autofree const char **ids = NULL;
  guint n = 0, ids_alloc = 0;

  if (S->name_rank == NULL)
    solver_rank_names (S);
  for (guint i = 0; i < S->slots->len; i++)
    if (solver_slot (S, i)->n_acts > 0)
      order[n++] = i;
  g_qsort_with_data (order, n, sizeof (guint), slot_order_cmp, S);
  solver_write_details (S);

  /* Each group's zone resolved once, not twice per slot */
  zones = g_new0 (const MaintTz *, MAX (S->n_groups, 1));
  for (guint i = 0; i < S->n_groups; i++)
    zones[i] = maint_tz_get (S->groups[i].zone, NULL);

  /* The plan's objects share one copy of each name */
  S->machine_refs = g_new0 (char *, MAX (S->n_machines, 1));
  S->group_refs = g_new0 (char *, MAX (S->n_groups, 1));
  S->text_refs = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ref_string_release);
  for (guint i = 0; i < S->n_groups; i++)
    S->group_refs[i] = g_ref_string_new (S->groups[i].name);
  /* All at once, side by side in the machines' order: the reboot counts
   * and host downtimes take them in the names' order */
  for (guint i = 0; i < S->n_machines; i++)
    S->machine_refs[i] = g_ref_string_new (S->machines[i].name);

  for (guint i = 0; i < n; i++)
    {
      const MaintSolverSlot *slot = solver_slot (S, order[i]);
      gint32 group = S->machines[slot->machine].group;
      const MaintSolverGroup *g = &S->groups[group];
      g_autoptr(MaintSlot) out = NULL;
      char *rollout, *wave;

      if (slot->n_acts > ids_alloc)
        {
          ids_alloc = MAX (2 * ids_alloc, slot->n_acts);
          ids = g_renew (const char *, ids, ids_alloc);
        }
      for (guint j = 0; j < slot->n_acts; j++)
        ids[j] = S->act_info[slot->acts[j]].id;
      qsort (ids, slot->n_acts, sizeof (char *), str_ptr_cmp);

      maint_solver_rollout_slot (S, slot, &rollout, &wave);
      out = maint_slot_new_take (S->machine_refs[slot->machine], S->group_refs[group], slot->start,
                                 slot->end, solver_format_local (slot->start, zones[group], g->zone),
                                 solver_format_local (slot->end, zones[group], g->zone),
                                 maint_strv_pack (ids, slot->n_acts), slot->reboot,
                                 slot->start - slot->notice, slot->pinned, rollout, wave);
      maint_plan_add_slot (plan, out);

      if (slot->reboot != MAINT_REBOOT_KIND_NONE)
        own[slot->machine]++;
      for (guint j = 0; j < slot->n_acts; j++)
        if (S->acts[slot->acts[j]].reboot != MAINT_REBOOT_KIND_NONE)
          rebooting[slot->machine]++;
    }

  n = 0;
  for (guint i = 0; i < S->n_acts; i++)
    {
      if (S->acts[i].slot < 0)
        acts[n++] = i;
    }
  g_qsort_with_data (acts, n, sizeof (guint), act_id_cmp, S);
  for (guint i = 0; i < n; i++)
    {
      const MaintSolverAct *a = &S->acts[acts[i]];
      const MaintSolverActInfo *info = &S->act_info[acts[i]];
      g_autoptr(MaintUnscheduled) u = maint_unscheduled_new_shared (info->id, S->machine_refs[a->machine],
                                                                   a->reason, info->detail ? info->detail : "");
      maint_plan_add_unscheduled (plan, u);
    }

  maint_solver_rollout_to_plan (S, plan, own, rebooting);
  solver_release_refs (S);

  return g_steal_pointer (&plan);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
maint_scheduler_finalize (GObject *object)
{
  MaintScheduler *self = MAINT_SCHEDULER (object);

  g_clear_object (&self->fleet);
  g_clear_object (&self->previous);

  G_OBJECT_CLASS (maint_scheduler_parent_class)->finalize (object);
}

static void
maint_scheduler_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MaintScheduler *self = MAINT_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_FLEET:
      g_value_set_object (value, self->fleet);
      break;
    case PROP_NOW:
      g_value_set_int64 (value, self->now);
      break;
    case PROP_PREVIOUS:
      g_value_set_object (value, self->previous);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_scheduler_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MaintScheduler *self = MAINT_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_FLEET:
      self->fleet = g_value_dup_object (value);
      break;
    case PROP_NOW:
      maint_scheduler_set_now (self, g_value_get_int64 (value));
      break;
    case PROP_PREVIOUS:
      maint_scheduler_set_previous (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_scheduler_class_init (MaintSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = maint_scheduler_finalize;
  object_class->get_property = maint_scheduler_get_property;
  object_class->set_property = maint_scheduler_set_property;

  /**
   * MaintScheduler:fleet:
   *
   * The fleet to plan. It is not modified.
   */
  properties[PROP_FLEET] =
    g_param_spec_object ("fleet", NULL, NULL, MAINT_TYPE_FLEET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MaintScheduler:now:
   *
   * The instant to plan from, in seconds since the Unix epoch; 0 means
   * the fleet's own `now`.
   */
  properties[PROP_NOW] =
    g_param_spec_int64 ("now", NULL, NULL, 0, MAINT_INSTANT_MAX, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * MaintScheduler:previous:
   *
   * The previously computed plan, if any: among equally good plans the
   * scheduler prefers the one that keeps its slots.
   */
  properties[PROP_PREVIOUS] =
    g_param_spec_object ("previous", NULL, NULL, MAINT_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
maint_scheduler_init (MaintScheduler *self)
{
}

/**
 * maint_scheduler_new:
 * @fleet: the fleet to plan
 *
 * Creates a scheduler for @fleet. The fleet must not be modified while
 * the scheduler runs.
 *
 * Returns: (transfer full): a new scheduler
 */
MaintScheduler *
maint_scheduler_new (MaintFleet *fleet)
{
  g_return_val_if_fail (MAINT_IS_FLEET (fleet), NULL);

  return g_object_new (MAINT_TYPE_SCHEDULER, "fleet", fleet, NULL);
}

/**
 * maint_scheduler_get_fleet:
 * @self: a scheduler
 *
 * Gets the fleet the scheduler plans.
 *
 * Returns: (transfer none): the fleet
 */
MaintFleet *
maint_scheduler_get_fleet (MaintScheduler *self)
{
  g_return_val_if_fail (MAINT_IS_SCHEDULER (self), NULL);

  return self->fleet;
}

/**
 * maint_scheduler_get_now:
 * @self: a scheduler
 *
 * Gets the instant set with [method@Maint.Scheduler.set_now].
 *
 * Returns: the instant in seconds since the Unix epoch, or 0 when the
 *   fleet's `now` is used
 */
gint64
maint_scheduler_get_now (MaintScheduler *self)
{
  g_return_val_if_fail (MAINT_IS_SCHEDULER (self), 0);

  return self->now;
}

/**
 * maint_scheduler_set_now:
 * @self: a scheduler
 * @now: the instant to plan from, or 0 for the fleet's `now`
 *
 * Sets the instant the plan starts at: notice periods and the horizon
 * count from it. It overrides the fleet's `now`.
 */
void
maint_scheduler_set_now (MaintScheduler *self,
                         gint64          now)
{
  g_return_if_fail (MAINT_IS_SCHEDULER (self));
  g_return_if_fail (now >= 0 && now <= MAINT_INSTANT_MAX);

  if (self->now == now)
    return;
  self->now = now;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
}

/**
 * maint_scheduler_get_previous:
 * @self: a scheduler
 *
 * Gets the previous plan set with [method@Maint.Scheduler.set_previous].
 *
 * Returns: (transfer none) (nullable): the previous plan
 */
MaintPlan *
maint_scheduler_get_previous (MaintScheduler *self)
{
  g_return_val_if_fail (MAINT_IS_SCHEDULER (self), NULL);

  return self->previous;
}

/**
 * maint_scheduler_set_previous:
 * @self: a scheduler
 * @previous: (nullable): the plan computed last time, or %NULL
 *
 * Gives the scheduler the previous plan. Stability is the last criterion
 * of the objective: among plans that are equally good on everything
 * else, the scheduler keeps the previous plan's order of slots. Announced
 * slots are pinned in the fleet (an activity's `scheduled`), not here.
 */
void
maint_scheduler_set_previous (MaintScheduler *self,
                              MaintPlan      *previous)
{
  g_return_if_fail (MAINT_IS_SCHEDULER (self));
  g_return_if_fail (previous == NULL || MAINT_IS_PLAN (previous));

  if (g_set_object (&self->previous, previous))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIOUS]);
}

/**
 * maint_scheduler_run:
 * @self: a scheduler
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Plans the fleet's queued activities. The fleet is validated first.
 * The result is deterministic: the same fleet, `now` and previous plan
 * give a byte-identical plan; only [property@Maint.Plan:elapsed] differs.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 *   (%MAINT_SCHEDULER_ERROR_INVALID_FAILED when the fleet does not
 *   validate or no `now` is known, %G_IO_ERROR_CANCELLED when cancelled)
 */
MaintPlan *
maint_scheduler_run (MaintScheduler  *self,
                     GCancellable    *cancellable,
                     GError         **error)
{
  g_autoptr(MaintSolver) S = NULL;
  gint64 began = g_get_monotonic_time ();
  MaintPlan *plan;

  g_return_val_if_fail (MAINT_IS_SCHEDULER (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  S = solver_new (self, cancellable, error);
  if (S == NULL)
    return NULL;
  plan = solver_to_plan (S);
  maint_plan_set_elapsed (plan, g_get_monotonic_time () - began);
  return plan;
}

/* ------------------------------------------------------------------ */
/* Explanations                                                        */

static void
append_instant_pair (GString    *out,
                     gint64      start,
                     gint64      end,
                     const char *zone)
{
  g_autofree char *ls = format_local (start, zone);
  g_autofree char *le = format_local (end, zone);
  g_autofree char *us = maint_instant_format (start);
  g_autofree char *ue = maint_instant_format (end);

  g_string_append_printf (out, "%s – %s (%s – %s)", ls, le, us, ue);
}

/* The verdict on one available interval for activities needing @need. */
static char *
explain_interval (MaintSolver *S,
                  gint32       machine,
                  const Need  *need,
                  gint64       a,
                  gint64       b,
                  gint64      *out_start)
{
  const MaintSolverGroup *g = &S->groups[S->machines[machine].group];
  gint64 s = MAX (a, need->lo);
  MaintBlockInfo first = { 0, }, info;
  guint rejected = 0;

  *out_start = -1;
  if (b <= S->now + need->notice)
    {
      g_autofree char *notice = format_duration (need->notice);
      return g_strdup_printf ("before the %s notice runs out", notice);
    }
  if (b <= need->lo)
    {
      g_autofree char *lo = format_local (need->lo, g->zone);
      g_autofree char *bound = need->lo_act >= 0 ? maint_solver_rollout_bound (S, need->lo_act, FALSE) : NULL;

      if (bound != NULL)
        return g_strdup_printf ("before %s (%s)", bound, lo);
      return g_strdup_printf ("before not_before (%s)", lo);
    }
  if (need->hi != 0 && MAX (a, need->lo) > need->hi - need->length)
    {
      g_autofree char *hi = format_local (need->hi, g->zone);
      g_autofree char *bound = maint_solver_rollout_bound (S, need->hi_act, TRUE);

      return g_strdup_printf ("too late: %s ends by %s", bound, hi);
    }
  if (b - s < need->length)
    {
      g_autofree char *length = format_duration (need->length);
      g_autofree char *room = format_duration (MAX (0, b - s));
      return g_strdup_printf ("too short: the slot needs %s, %s left%s", length, room,
                              s > a ? (s == need->lo && need->lo > S->now + need->notice ?
                                       " after not_before" : " after the notice") : "");
    }
  while (s <= b - need->length)
    {
      if (solver_check (S, machine, s, s + need->length,
                        need->reboot != MAINT_REBOOT_KIND_NONE, &info))
        {
          *out_start = s;
          if (rejected == 0)
            return NULL;
          /* Free, but not from the first possible start: say why */
          {
            g_autofree char *why = describe_block (S, &first, machine);
            g_autofree char *at = format_local (MAX (a, need->lo), g->zone);
            return g_strdup_printf ("at %s %s", at, why);
          }
        }
      if (rejected++ == 0)
        first = info;
      if (info.conflict.next == G_MAXINT64)
        break;
      s = MAX (s + 1, info.conflict.next);
    }
  {
    g_autofree char *why = describe_block (S, &first, machine);
    if (rejected > 1)
      return g_strdup_printf ("%s (and %u later starts in it were blocked too)", why, rejected - 1);
    return g_steal_pointer (&why);
  }
}

static void
explain_available (MaintSolver *S,
                   GString     *out,
                   gint32       machine,
                   const Need  *need,
                   gint64       a,
                   gint64       b,
                   gint64       until,
                   gboolean     cut)
{
  const MaintSolverGroup *g = &S->groups[S->machines[machine].group];
  g_autofree char *why = NULL;
  gint64 start;

  why = explain_interval (S, machine, need, a, b, &start);
  g_string_append (out, "    ");
  append_instant_pair (out, a, b, g->zone);
  if (start >= 0)
    {
      g_autofree char *at = format_local (start, g->zone);
      g_string_append_printf (out, ": %s %s%s%s", start < until ? "free from" : "chosen, from",
                              at, why ? "; " : "", why ? why : "");
    }
  else
    g_string_append_printf (out, ": %s", why);
  g_string_append (out, cut ? " (the rest of the window is blacked out)\n" : "\n");
}

static void
explain_candidates (MaintSolver *S,
                    GString     *out,
                    gint32       machine,
                    const guint *acts,
                    guint        n,
                    gint64       until)
{
  const MaintSolverGroup *g = &S->groups[S->machines[machine].group];
  GPtrArray *specs = maint_resource_group_get_windows (g->group);
  g_autoptr(MaintIntervalSet) raw = NULL;
  const gint64 *rb = NULL;
  guint n_raw = 0, i = 0;
  Need need;

  solver_needs (S, machine, acts, n, &need);
  if (specs->len > 0)
    raw = maint_window_specs_expand ((MaintWindowSpec * const *) specs->pdata, specs->len,
                                     g->zone, S->now, S->horizon_end, NULL);
  if (raw != NULL)
    n_raw = maint_interval_set_peek_bounds (raw, &rb);
  else
    {
      /* Without the raw windows, walk the available intervals alone */
      rb = g->bounds;
      n_raw = g->n_bounds;
    }

  if (n_raw == 0)
    {
      g_string_append (out, "    no maintenance window in the horizon\n");
      return;
    }

  /* Every available interval lies inside one window occurrence */
  for (guint k = 0; k < n_raw && rb[2 * k] <= until; k++)
    {
      gboolean any = FALSE;

      while (i < g->n_bounds && g->bounds[2 * i] < rb[2 * k + 1])
        {
          gint64 a = g->bounds[2 * i], b = g->bounds[2 * i + 1];
          if (a > until)
            return;
          explain_available (S, out, machine, &need, a, b, until,
                             a != rb[2 * k] || b != rb[2 * k + 1]);
          any = TRUE;
          i++;
        }
      if (!any)
        {
          g_string_append (out, "    ");
          append_instant_pair (out, rb[2 * k], rb[2 * k + 1], g->zone);
          g_string_append (out, ": blackout\n");
        }
    }
}

static const char *
reboot_name (MaintRebootKind reboot)
{
  switch (reboot)
    {
    case MAINT_REBOOT_KIND_WARM:
      return "warm reboot";
    case MAINT_REBOOT_KIND_COLD:
      return "cold reboot";
    case MAINT_REBOOT_KIND_NONE:
    default:
      return "no reboot";
    }
}

static const char *
reason_name (MaintUnscheduledReason reason)
{
  switch (reason)
    {
    case MAINT_UNSCHEDULED_AUTO_SCHEDULE_OFF: return "auto-schedule-off";
    case MAINT_UNSCHEDULED_NO_WINDOW: return "no-window";
    case MAINT_UNSCHEDULED_NOTICE: return "notice";
    case MAINT_UNSCHEDULED_NOT_BEFORE: return "not-before";
    case MAINT_UNSCHEDULED_TOO_LONG: return "too-long";
    case MAINT_UNSCHEDULED_CAPACITY: return "capacity";
    case MAINT_UNSCHEDULED_SERVICE: return "service";
    case MAINT_UNSCHEDULED_ROLLOUT: return "rollout";
    default: return "?";
    }
}

static char *
solver_explain (MaintSolver *S,
                gint32       machine)
{
  const MaintSolverMachine *m = &S->machines[machine];
  const MaintSolverGroup *g = &S->groups[m->group];
  GString *out = g_string_new (NULL);
  g_autofree char *windows = describe_windows (g);
  g_autofree char *notice = format_duration (g->notice);
  g_autofree char *now = format_local (S->now, g->zone);
  g_autofree char *until = format_local (S->horizon_end, g->zone);
  g_autofree guint *mine = g_new (guint, MAX (S->slots->len, 1));
  g_autofree guint *unscheduled = g_new (guint, MAX (S->n_acts, 1));
  guint n_mine = 0, n_unscheduled = 0;

  g_string_append_printf (out, "%s: group “%s” (%s), notice %s%s\n", m->name, g->name,
                          windows, notice, m->auto_schedule ? "" : ", automatic scheduling off");
  g_string_append_printf (out, "  planning from %s until %s\n", now, until);

  for (guint i = 0; i < S->slots->len; i++)
    if (solver_slot (S, i)->machine == machine && solver_slot (S, i)->n_acts > 0)
      mine[n_mine++] = i;
  g_qsort_with_data (mine, n_mine, sizeof (guint), slot_order_cmp, S);
  for (guint i = 0; i < S->n_acts; i++)
    if (S->acts[i].machine == machine && S->acts[i].slot < 0)
      unscheduled[n_unscheduled++] = i;
  g_qsort_with_data (unscheduled, n_unscheduled, sizeof (guint), act_id_cmp, S);

  if (n_mine == 0 && n_unscheduled == 0)
    g_string_append (out, "  no queued activities\n");

  /* Replay: the plan's occupancy without this machine's new slots */
  for (guint i = 0; i < n_mine; i++)
    if (!solver_slot (S, mine[i])->pinned)
      solver_occupy (S, solver_slot (S, mine[i]), -1);

  for (guint i = 0; i < n_mine; i++)
    {
      MaintSolverSlot *slot = solver_slot (S, mine[i]);
      g_autofree guint *acts = g_memdup2 (slot->acts, slot->n_acts * sizeof (guint));

      g_qsort_with_data (acts, slot->n_acts, sizeof (guint), act_id_cmp, S);
      g_string_append (out, "  slot ");
      append_instant_pair (out, slot->start, slot->end, g->zone);
      g_string_append_printf (out, ", %s%s\n", reboot_name (slot->reboot),
                              slot->pinned ? ", announced (pinned, kept as it is)" : "");
      for (guint j = 0; j < slot->n_acts; j++)
        {
          const MaintSolverAct *a = &S->acts[acts[j]];
          g_autofree char *estimate = format_duration (a->estimate);
          const char *summary = maint_solver_rollout_summary (S, acts[j]);

          g_string_append_printf (out, "    %s: %s, %s, %s%s\n", S->act_info[acts[j]].id,
                                  summary != NULL ? summary : "no summary",
                                  estimate, reboot_name (a->reboot),
                                  slot->pinned && a->pinned ? "" :
                                  slot->pinned ? " (merged into the announced slot)" : "");
        }
      if (!slot->pinned)
        {
          g_string_append (out, "  earliest start all constraints allow; the windows before it:\n");
          explain_candidates (S, out, machine, acts, slot->n_acts, slot->start);
        }
    }

  /* Unscheduled activities compete with this machine's slots too */
  for (guint i = 0; i < n_mine; i++)
    if (!solver_slot (S, mine[i])->pinned)
      solver_occupy (S, solver_slot (S, mine[i]), +1);

  for (guint i = 0; i < n_unscheduled; i++)
    {
      const MaintSolverAct *a = &S->acts[unscheduled[i]];
      const MaintSolverActInfo *info = &S->act_info[unscheduled[i]];

      g_string_append_printf (out, "  unscheduled %s (%s): %s\n", info->id, reason_name (a->reason),
                              info->detail ? info->detail : "");
      if (a->reason != MAINT_UNSCHEDULED_AUTO_SCHEDULE_OFF)
        explain_candidates (S, out, machine, &unscheduled[i], 1, G_MAXINT64);
    }

  return g_string_free (out, FALSE);
}

/**
 * maint_scheduler_explain:
 * @self: a scheduler
 * @machine: the name of a machine of the fleet
 * @error: return location for a #GError
 *
 * Plans the fleet (as [method@Maint.Scheduler.run] does) and explains,
 * in English text, what the plan does for @machine: its group, time
 * zone and notice; each slot with its activities and reboot; and for
 * every maintenance window before the chosen slot (all of them for an
 * activity that got no slot) the constraint that excluded it: the
 * notice, `not_before`, too short, a blackout, fleet, host or group
 * concurrency, or a service's limit, spacing or order. Capacity is
 * judged against the final plan without this machine's own new slots.
 *
 * Returns: (transfer full): the explanation, or %NULL with @error set
 *   (%MAINT_SCHEDULER_ERROR_UNKNOWN_FAILED when @machine is not in the
 *   fleet)
 */
char *
maint_scheduler_explain (MaintScheduler  *self,
                         const char      *machine,
                         GError         **error)
{
  g_autoptr(MaintSolver) S = NULL;
  gint32 m;

  g_return_val_if_fail (MAINT_IS_SCHEDULER (self), NULL);
  g_return_val_if_fail (machine != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (maint_fleet_lookup_machine (self->fleet, machine) == NULL)
    {
      g_set_error (error, MAINT_SCHEDULER_ERROR, MAINT_SCHEDULER_ERROR_UNKNOWN_FAILED,
                   "no machine “%s” in the fleet", machine);
      return NULL;
    }

  S = solver_new (self, NULL, error);
  if (S == NULL)
    return NULL;
  m = solver_lookup_machine (S, machine);
  solver_write_details (S);
  return solver_explain (S, m);
}
