/* maint-scheduler-rollout.c: rollouts in the solver
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Implements doc/rollout-contract.txt on the solver's compiled model:
 *
 * - expansion (R1, R2): waves take machines; share waves take theirs in a
 *   deterministic order that spreads groups and hosts (a fractional rank
 *   inside each) and defers a machine whose service already has a member
 *   in the wave; testing and staging machines come first so the staging
 *   lead can hold. One activity "<rollout>/<machine>" per machine, one
 *   host reboot "<rollout>/<host>" per host with guests in the rollout;
 * - wave intervals (R3) become not_before and a latest end of the
 *   activity, which the search honours;
 * - the staging lead (R4) is one instant T per rollout, chosen before
 *   the greedy to keep the most activities schedulable (ignoring
 *   capacity): testing/staging slots end by T − lead, production slots
 *   start at or after T;
 * - host reboots (R5) are placed before the greedy, like announced
 *   slots, inside host_reboots and after the latest wave of their guests;
 *   the guests' rollout activities then must end by the host reboot;
 * - absorption (R6) takes a guest's generated activity out of the greedy
 *   when its group admits the host reboot;
 * - the plan's host downtime, reboot counts (R7), late activities and
 *   anti-affinity findings.
 *
 * Also here, because they change the same per-activity bounds: the
 * implicit deadline booted_at + policy.max_uptime of reboot-requiring
 * activities.
 *
 * Under a MaintSimulation (S->sim, maint-simulation-private.h) the waves
 * are those of the simulation's first plan, activities that ran are left
 * out, halted ones are held, and announced generated activities are
 * pinned like announced fleet activities.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "maint-plan-private.h"
#include "maint-scheduler-private.h"
#include "maint-simulation-private.h"
#include "maint-interval-private.h"
#include "maint-activity-private.h"
#include "maint-time.h"

typedef enum
{
  BOUND_NONE,
  BOUND_WAVE,
  BOUND_STAGING,      /* testing/staging: ends T − lead before production */
  BOUND_PRODUCTION,   /* production: starts at or after T */
  BOUND_HOST,         /* ends before its host's reboot */
} Bound;

/* An activity a rollout generates: no object, only what the solver reads
 * (the fleet's own and its recorded ones are objects) */
typedef struct
{
  guint          machine;
  guint          rollout;
  const char    *id;           /* in ids */
  MaintInterval *scheduled;    /* announced in a simulation (its), or NULL */
} Generated;

struct _MaintSolverRollouts
{
  GPtrArray     *activities;   /* the fleet's, then the generated ones
                                * (NULL: the next in gen) */
  guint          n_fleet;      /* fleet activities come first */
  GArray        *gen;          /* Generated, in their order in activities */
  guint          gen_next;     /* the next to fill */
  GStringChunk  *ids;          /* the generated activities' ids */
  gint32        *host_machine; /* by host: its machine, or -1 */
  MaintRollout **rollouts;
  guint          n_rollouts;
  gint32        *wave_of;      /* n_rollouts × n_machines: wave or -1 */
  guint8        *hi_bound;     /* by activity: why latest_end */
  guint8        *lo_bound;     /* by activity: why not_before was raised */
  gint64        *staging_t;    /* by rollout: T, or 0 */
};

void
maint_solver_rollout_free (MaintSolverRollouts *ro)
{
  if (ro == NULL)
    return;
  g_clear_pointer (&ro->activities, g_ptr_array_unref);
  g_clear_pointer (&ro->gen, g_array_unref);
  g_clear_pointer (&ro->ids, g_string_chunk_free);
  g_free (ro->host_machine);
  g_free (ro->rollouts);
  g_free (ro->wave_of);
  g_free (ro->hi_bound);
  g_free (ro->lo_bound);
  g_free (ro->staging_t);
  g_free (ro);
}

static gboolean
is_target (const MaintSolverMachine *m)
{
  return m->kind == MAINT_MACHINE_KIND_VM || m->kind == MAINT_MACHINE_KIND_INFRASTRUCTURE;
}

static gboolean
is_staging (MaintStage stage)
{
  return stage == MAINT_STAGE_TESTING || stage == MAINT_STAGE_STAGING;
}

static gint64
slot_length (MaintSolver *S,
             gint64       estimate)
{
  return MAX (MAX (S->setup + estimate, S->min_slot), 1);
}

/* ------------------------------------------------------------------ */
/* Waves (R1)                                                          */

typedef struct
{
  guint64 key;
  guint   value;
} RadixItem;

/* Sorts @c by key, stably: a least-significant-digit radix sort, a byte
 * per pass, skipping the bytes all keys share. @tmp has room for @n. */
static RadixItem *
radix_sort (RadixItem *c,
            RadixItem *tmp,
            guint      n)
{
  for (guint shift = 0; shift < 64; shift += 8)
    {
      guint count[257] = { 0, };
      gboolean trivial = FALSE;

      for (guint i = 0; i < n; i++)
        count[((c[i].key >> shift) & 0xff) + 1]++;
      for (guint d = 1; d <= 256; d++)
        trivial |= count[d] == n;
      if (trivial)
        continue;
      for (guint d = 1; d <= 256; d++)
        count[d] += count[d - 1];
      for (guint i = 0; i < n; i++)
        tmp[count[(c[i].key >> shift) & 0xff]++] = c[i];
      {
        RadixItem *t = c;
        c = tmp;
        tmp = t;
      }
    }
  return c;
}

/* The free targets of share waves in the order they are taken: testing
 * and staging first, then by the machine's rank inside its group and
 * inside its host (as fractions, counted in fleet order), so consecutive
 * takes come from different groups and hosts; ties by name. The key is
 * the staging flag above the spread's bits (a positive double's bits sort
 * as it does), sorted stably from the names' order. Returns machine
 * indices. */
static guint *
share_order (MaintSolver   *S,
             const gint32  *taken,
             const guint8  *staging,
             guint         *n_out)
{
  g_autofree guint *group_size = g_new0 (guint, MAX (S->n_groups, 1));
  g_autofree guint *group_seen = g_new0 (guint, MAX (S->n_groups, 1));
  g_autofree guint *host_size = g_new0 (guint, MAX (S->n_hosts, 1));
  g_autofree guint *host_seen = g_new0 (guint, MAX (S->n_hosts, 1));
  g_autofree guint64 *key = g_new (guint64, MAX (S->n_machines, 1));
  g_autofree RadixItem *c = g_new (RadixItem, MAX (S->n_machines, 1));
  g_autofree RadixItem *tmp = g_new (RadixItem, MAX (S->n_machines, 1));
  RadixItem *sorted;
  guint *out;
  guint n = 0;

  if (S->by_name == NULL)
    solver_rank_names (S);

  for (guint i = 0; i < S->n_machines; i++)
    if (taken[i] == -1)
      {
        group_size[S->machines[i].group]++;
        if (S->machines[i].host >= 0)
          host_size[S->machines[i].host]++;
      }
  for (guint i = 0; i < S->n_machines; i++)
    if (taken[i] == -1)
      {
        const MaintSolverMachine *m = &S->machines[i];
        gdouble spread = (group_seen[m->group]++ + 0.5) / group_size[m->group];
        guint64 bits;

        if (m->host >= 0)
          spread += (host_seen[m->host]++ + 0.5) / host_size[m->host];
        G_STATIC_ASSERT (sizeof bits == sizeof spread);
        memcpy (&bits, &spread, sizeof bits);
        key[i] = (staging[i] ? 0 : G_GUINT64_CONSTANT (1) << 63) | bits;
      }
  for (guint r = 0; r < S->n_machines; r++)
    if (taken[S->by_name[r]] == -1)
      c[n++] = (RadixItem) { key[S->by_name[r]], S->by_name[r] };
  sorted = radix_sort (c, tmp, n);
  out = g_new (guint, MAX (n, 1));
  for (guint k = 0; k < n; k++)
    out[k] = sorted[k].value;
  *n_out = n;
  return out;
}

static gboolean
wave_selects (MaintSolver *S,
              MaintWave   *wave,
              guint        machine)
{
  const MaintSolverMachine *m = &S->machines[machine];

  if (maint_wave_get_select_by_kind (wave) &&
      m->kind != maint_wave_get_select_kind (wave))
    return FALSE;
  if (maint_wave_get_select_representative (wave) && !m->representative)
    return FALSE;
  if (maint_wave_get_select_stage (wave) != MAINT_STAGE_NONE &&
      m->stage != maint_wave_get_select_stage (wave))
    return FALSE;
  return TRUE;
}

/* Whether @machine's group has a window with room for the rollout's slot
 * inside @wave's interval, after the group's notice (capacity ignored). */
static gboolean
wave_fits (MaintSolver  *S,
           MaintRollout *rollout,
           MaintWave    *wave,
           guint         machine)
{
  const MaintSolverGroup *g = &S->groups[S->machines[machine].group];
  gint64 len = slot_length (S, maint_rollout_get_template_estimate (rollout));
  gint64 lo = MAX (S->now + g->notice, maint_wave_get_from (wave));
  gint64 hi = maint_wave_get_until (wave);

  for (guint i = maint_interval_set_lower_bound (g->available, lo); i < g->n_bounds; i++)
    {
      gint64 s = MAX (g->bounds[2 * i], lo);
      gint64 e = hi != 0 ? MIN (g->bounds[2 * i + 1], hi) : g->bounds[2 * i + 1];

      if (hi != 0 && g->bounds[2 * i] >= hi)
        break;
      if (e - s >= len)
        return TRUE;
    }
  return FALSE;
}

/* Whether a member that comes earlier in the order of one of @machine's
 * services is still free: taking @machine first would break the order. */
static gboolean
order_blocked (MaintSolver  *S,
               const gint32 *wave_of,
               guint         machine)
{
  const MaintSolverMachine *m = &S->machines[machine];

  for (guint s = 0; s < m->n_memberships; s++)
    {
      const MaintSolverMembership *ms = &S->memberships[m->first_membership + s];
      const MaintSolverService *svc = &S->services[ms->service];

      for (gint p = 0; p < ms->position && (guint) p < svc->n_order; p++)
        if (svc->order[p] >= 0 && wave_of[svc->order[p]] == -1)
          return TRUE;
    }
  return FALSE;
}

/* Fills @wave_of (by machine) for one rollout. Taken is -1 for a free
 * target, -2 for a machine that is no target. */
static void
assign_waves (MaintSolver  *S,
              MaintRollout *rollout,
              gint32       *wave_of)
{
  GPtrArray *waves = maint_rollout_get_waves (rollout);
  g_autofree guint *stamp = g_new0 (guint, MAX (S->n_services, 1));
  g_autofree guint8 *staging = g_new (guint8, MAX (S->n_machines, 1));
  g_autofree guint8 *group_fits = g_new (guint8, MAX (S->n_groups, 1));
  guint remaining = 0;

  for (guint i = 0; i < S->n_machines; i++)
    {
      wave_of[i] = is_target (&S->machines[i]) ? -1 : -2;
      remaining += wave_of[i] == -1;
      staging[i] = wave_of[i] == -1 && is_staging (S->machines[i].stage);
    }

  for (guint k = 0; k < waves->len; k++)
    {
      MaintWave *wave = g_ptr_array_index (waves, k);
      gdouble share = maint_wave_get_share (wave);

      if (share <= 0)
        {
          for (guint i = 0; i < S->n_machines; i++)
            if (wave_of[i] == -1 && wave_selects (S, wave, i))
              {
                wave_of[i] = k;
                remaining--;
              }
          continue;
        }

      {
        guint want = (guint) MIN ((gdouble) remaining, ceil (share * remaining));
        guint n_cand = 0, got = 0;
        g_autofree guint *cand = share_order (S, wave_of, staging, &n_cand);
        g_autofree guint *deferred = g_new (guint, MAX (n_cand, 1));
        g_autofree guint *rank = g_new (guint, MAX (n_cand, 1));
        guint n_deferred = 0;

        memset (group_fits, 0, MAX (S->n_groups, 1));

        /* First pass: machines whose group has a window in the wave, no
         * two members of one service in the wave, and no member ahead of
         * one that its service's order puts first (passive first). The
         * order is checked against the machines free before the wave, so
         * a passive member and its active partner never share a wave. */
        for (guint j = 0; j < n_cand && got < want; j++)
          {
            const MaintSolverMachine *m = &S->machines[cand[j]];
            guint8 *gf = &group_fits[m->group];
            gboolean mate = FALSE, fits;
            gboolean blocked = order_blocked (S, wave_of, cand[j]);

            /* Whether the wave fits depends on the machine's group alone */
            if (*gf == 0)
              *gf = wave_fits (S, rollout, wave, cand[j]) ? 1 : 2;
            fits = *gf == 1;

            for (guint s = 0; s < m->n_memberships; s++)
              mate |= stamp[S->memberships[m->first_membership + s].service] == k + 1;
            if (mate || !fits || blocked)
              {
                rank[n_deferred] = (blocked ? 4 : 0) + (fits ? 0 : 2) + (mate ? 1 : 0);
                deferred[n_deferred++] = cand[j];
                continue;
              }
            for (guint s = 0; s < m->n_memberships; s++)
              stamp[S->memberships[m->first_membership + s].service] = k + 1;
            wave_of[cand[j]] = k;
            got++;
          }
        /* Then whatever is needed to reach the count: the least harmful
         * first (only a mate in the wave, then no window, then out of
         * order), each in the same order as before */
        for (guint r = 0; r < 8 && got < want; r++)
          for (guint j = 0; j < n_deferred && got < want; j++)
            if (rank[j] == r)
              {
                wave_of[deferred[j]] = k;
                got++;
              }
        remaining -= got;
      }
    }
  for (guint i = 0; i < S->n_machines; i++)
    if (wave_of[i] < -1)
      wave_of[i] = -1;
}

/* ------------------------------------------------------------------ */
/* A simulation's state                                                */

/* Whether the simulation already ran @id (succeeded or failed): then it
 * is no part of the problem. */
static gboolean
sim_ran (MaintSolver *S,
         const char  *id)
{
  MaintActivityState state;

  if (S->sim == NULL)
    return FALSE;
  state = maint_sim_state_get (S->sim, id);
  return state == MAINT_ACTIVITY_STATE_SUCCEEDED || state == MAINT_ACTIVITY_STATE_FAILED;
}

/* The slot of a generated activity the simulation announced: it is
 * pinned to it, like an announced fleet activity. NULL if none. */
static MaintInterval *
sim_announced (MaintSolver *S,
               const char  *id)
{
  return S->sim != NULL ? maint_sim_state_get_announced (S->sim, id) : NULL;
}

/* The waves of @rollout: a simulation keeps those of its first plan (the
 * share waves' choice depends on `now`, and a machine does not change
 * waves halfway through a rollout); otherwise, and on that first plan,
 * assign_waves(). */
static void
fixed_waves (MaintSolver  *S,
             MaintRollout *rollout,
             gint32       *wave_of)
{
  const char *name = maint_rollout_get_name (rollout);
  GHashTable *fixed = S->sim != NULL ? maint_sim_state_get_waves (S->sim, name) : NULL;
  GHashTable *record;

  if (fixed != NULL)
    {
      for (guint i = 0; i < S->n_machines; i++)
        wave_of[i] = GPOINTER_TO_INT (g_hash_table_lookup (fixed, S->machines[i].name)) - 1;
      return;
    }
  assign_waves (S, rollout, wave_of);
  if (S->sim == NULL)
    return;
  record = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < S->n_machines; i++)
    if (wave_of[i] >= 0)
      g_hash_table_insert (record, g_strdup (S->machines[i].name), GINT_TO_POINTER (wave_of[i] + 1));
  maint_sim_state_set_waves (S->sim, name, record);
}

static gboolean
sim_halted (MaintSolver *S,
            guint        act)
{
  return S->sim != NULL &&
         maint_sim_state_get (S->sim, S->act_info[act].id) == MAINT_ACTIVITY_STATE_HALTED;
}

/* The machine of each host, or -1 for a host the fleet does not list */
static gint32 *
host_machines (MaintSolver *S)
{
  gint32 *out = g_new (gint32, MAX (S->n_hosts, 1));

  for (guint k = 0; k < S->n_hosts; k++)
    {
      gpointer value;
      out[k] = g_hash_table_lookup_extended (S->machine_index, S->host_names[k], NULL, &value) ?
               GPOINTER_TO_INT (value) : -1;
    }
  return out;
}

/* ------------------------------------------------------------------ */
/* Expansion (R2)                                                      */

/* A fleet activity that stands for one a rollout generates: its id is
 * "<rollout>/<machine>" and it names that rollout and machine. This is
 * how maint_plan_announce() records an announced rollout slot. */
static gboolean
is_recorded (MaintActivity *activity)
{
  const char *rollout = maint_activity_get_rollout (activity);
  const char *id = maint_activity_get_id (activity);
  gsize n;

  if (rollout == NULL)
    return FALSE;
  n = strlen (rollout);
  return strncmp (id, rollout, n) == 0 && id[n] == '/' &&
         g_strcmp0 (id + n + 1, maint_activity_get_machine (activity)) == 0;
}

static void
unref0 (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* "<rollout>/<machine>", the id maint_rollout_new_activity() gives */
static void
generated_id (GString    *id,
              const char *rollout,
              const char *machine)
{
  g_string_assign (id, rollout);
  g_string_append_c (id, '/');
  g_string_append (id, machine);
}

/* Appends the activity rollout @r generates with @id for machine @m: the
 * fleet's recorded one if it has it (consumed from @recorded), else a
 * Generated entry. FALSE with @error if the fleet uses @id otherwise.
 * @slashed holds the fleet's activities whose id has a '/', by id: only
 * those can have a generated activity's id. */
static gboolean
generate (MaintSolver  *S,
          guint         r,
          guint         m,
          const char   *id,
          GHashTable   *slashed,
          GHashTable   *recorded,
          GError      **error)
{
  MaintSolverRollouts *ro = S->ro;
  MaintActivity *existing = g_hash_table_size (slashed) > 0 ? g_hash_table_lookup (slashed, id) : NULL;
  Generated g;

  if (existing != NULL)
    {
      if (!g_hash_table_remove (recorded, existing))
        {
          g_set_error (error, MAINT_SCHEDULER_ERROR, MAINT_SCHEDULER_ERROR_INVALID_FAILED,
                       "activity “%s”: the id is the one rollout “%s” generates for machine “%s”; "
                       "an activity with it must name that rollout and machine",
                       id, maint_rollout_get_name (ro->rollouts[r]), S->machines[m].name);
          return FALSE;
        }
      g_ptr_array_add (ro->activities, g_object_ref (existing));
      return TRUE;
    }
  g.machine = m;
  g.rollout = r;
  g.id = g_string_chunk_insert (ro->ids, id);
  g.scheduled = sim_announced (S, id);
  g_array_append_val (ro->gen, g);
  g_ptr_array_add (ro->activities, NULL);
  return TRUE;
}

/* Sets what the solver reads of the next generated activity, as
 * maint_rollout_new_activity() would make it. */
void
maint_solver_rollout_fill (MaintSolver        *S,
                           MaintSolverAct     *a,
                           MaintSolverActInfo *info)
{
  MaintSolverRollouts *ro = S->ro;
  const Generated *g = &g_array_index (ro->gen, Generated, ro->gen_next++);
  MaintRolloutGenerated fields;

  maint_rollout_generated (ro->rollouts[g->rollout], S->machines[g->machine].machine, &fields);
  info->activity = NULL;
  info->id = g->id;
  info->scheduled = g->scheduled;
  a->machine = g->machine;
  a->estimate = fields.estimate;
  a->not_before = 0;
  a->deadline = 0;
  a->priority = fields.priority;
  a->reboot = fields.reboot;
  a->rollout = g->rollout;   /* for maint_solver_rollout_bind() */
}

/* The summary of activity @act: its own, or the one its rollout gives */
const char *
maint_solver_rollout_summary (MaintSolver *S,
                              guint        act)
{
  const MaintSolverAct *a = &S->acts[act];
  MaintActivity *activity = S->act_info[act].activity;
  MaintRolloutGenerated fields;

  if (activity != NULL)
    return maint_activity_get_summary (activity);
  maint_rollout_generated (S->ro->rollouts[a->rollout], S->machines[a->machine].machine, &fields);
  return fields.summary;
}

GPtrArray *
maint_solver_rollout_expand (MaintSolver  *S,
                             GError      **error)
{
  GPtrArray *fleet_acts = maint_fleet_get_activities (S->fleet);
  GPtrArray *rollouts = maint_fleet_get_rollouts (S->fleet);
  MaintSolverRollouts *ro = g_new0 (MaintSolverRollouts, 1);

  const gint32 *host_machine;
  g_autoptr(GHashTable) recorded = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) slashed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) gen_id = g_string_new (NULL);

  S->ro = ro;
  ro->activities = g_ptr_array_new_with_free_func (unref0);
  ro->gen = g_array_new (FALSE, FALSE, sizeof (Generated));
  ro->ids = g_string_chunk_new (4096);
  for (guint i = 0; i < fleet_acts->len; i++)
    {
      MaintActivity *activity = g_ptr_array_index (fleet_acts, i);
      const char *id = maint_activity_get_id (activity);

      if (strchr (id, '/') != NULL)
        g_hash_table_insert (slashed, (gpointer) id, activity);
      if (sim_ran (S, id))
        continue;
      if (is_recorded (activity))
        g_hash_table_add (recorded, activity);  /* goes with its rollout's */
      else
        g_ptr_array_add (ro->activities, g_object_ref (activity));
    }
  ro->n_fleet = ro->activities->len;
  ro->n_rollouts = rollouts->len;
  ro->rollouts = g_new0 (MaintRollout *, MAX (ro->n_rollouts, 1));
  ro->wave_of = g_new0 (gint32, MAX ((gsize) ro->n_rollouts * S->n_machines, 1));
  ro->staging_t = g_new0 (gint64, MAX (ro->n_rollouts, 1));
  host_machine = ro->host_machine = host_machines (S);

  for (guint r = 0; r < rollouts->len; r++)
    {
      MaintRollout *rollout = g_ptr_array_index (rollouts, r);
      const char *name = maint_rollout_get_name (rollout);
      gint32 *wave_of = &ro->wave_of[(gsize) r * S->n_machines];
      g_autofree gboolean *host_has = g_new0 (gboolean, MAX (S->n_machines, 1));

      ro->rollouts[r] = rollout;
      fixed_waves (S, rollout, wave_of);

      for (guint i = 0; i < S->n_machines; i++)
        {
          if (wave_of[i] < 0)
            continue;
          generated_id (gen_id, name, S->machines[i].name);

          /* The host reboots even when all its guests are done */
          if (S->machines[i].host >= 0 && host_machine[S->machines[i].host] >= 0)
            host_has[host_machine[S->machines[i].host]] = TRUE;

          if (sim_ran (S, gen_id->str))
            continue;
          if (!generate (S, r, i, gen_id->str, slashed, recorded, error))
            return NULL;
        }

      if (maint_rollout_get_host_reboots (rollout) == NULL)
        continue;
      for (guint h = 0; h < S->n_machines; h++)
        {
          if (!host_has[h])
            continue;
          generated_id (gen_id, name, S->machines[h].name);
          if (sim_ran (S, gen_id->str))
            continue;
          if (!generate (S, r, h, gen_id->str, slashed, recorded, error))
            return NULL;
        }
    }

  /* Recorded activities of machines no wave takes (any more): pinned ones
   * stay where they were announced, the others are unscheduled (bind) */
  for (guint i = 0; i < fleet_acts->len; i++)
    if (g_hash_table_contains (recorded, g_ptr_array_index (fleet_acts, i)))
      g_ptr_array_add (ro->activities, g_object_ref (g_ptr_array_index (fleet_acts, i)));

  ro->hi_bound = g_new0 (guint8, MAX (ro->activities->len, 1));
  ro->lo_bound = g_new0 (guint8, MAX (ro->activities->len, 1));
  return g_ptr_array_ref (ro->activities);
}

static gint32
rollout_index (MaintSolver *S,
               const char  *name)
{
  for (guint r = 0; r < S->ro->n_rollouts; r++)
    if (g_strcmp0 (maint_rollout_get_name (S->ro->rollouts[r]), name) == 0)
      return r;
  return -1;
}

static gboolean
is_host_reboot_act (MaintSolver *S,
                    guint        act)
{
  return act >= S->ro->n_fleet && S->machines[S->acts[act].machine].kind == MAINT_MACHINE_KIND_HOST;
}

static void
hold (MaintSolver            *S,
      guint                   act,
      MaintUnscheduledReason  reason,
      char                   *detail)
{
  MaintSolverAct *a = &S->acts[act];

  a->held = TRUE;
  a->slot = -1;
  a->reason = reason;
  g_free (S->act_info[act].detail);
  S->act_info[act].detail = detail;
}

/* Per activity, while compiling: rollout and wave, the wave's bounds,
 * and the implicit uptime deadline. */
void
maint_solver_rollout_bind (MaintSolver *S,
                           guint        act)
{
  MaintSolverAct *a = &S->acts[act];
  const MaintSolverMachine *m = &S->machines[a->machine];
  /* A generated activity's rollout is known (maint_solver_rollout_fill()) */
  MaintActivity *activity = S->act_info[act].activity;
  gint32 generated_rollout = activity == NULL ? a->rollout : -1;
  const char *rollout = activity != NULL ? maint_activity_get_rollout (activity)
                                         : maint_rollout_get_name (S->ro->rollouts[generated_rollout]);
  gint64 max_uptime = maint_policy_get_max_uptime (S->policy);
  /* (the machine object only when it matters) */
  gint64 booted_at = max_uptime > 0 && a->reboot != MAINT_REBOOT_KIND_NONE ?
                     maint_machine_get_booted_at (m->machine) : 0;

  a->rollout = -1;
  a->wave = -1;
  a->latest_end = 0;

  /* The 200-day bug: a reboot is due booted_at + max_uptime at the latest */
  if (booted_at > 0)
    {
      gint64 due = booted_at + max_uptime;
      if (a->deadline == 0 || due < a->deadline)
        a->deadline = due;
    }

  if (rollout == NULL)
    return;
  a->rollout = generated_rollout >= 0 ? generated_rollout : rollout_index (S, rollout);
  if (a->rollout < 0)
    return;
  if (a->pinned)
    {
      /* Announced: kept as it is, but still in its wave (the slot says so) */
      if (!is_host_reboot_act (S, act))
        a->wave = S->ro->wave_of[(gsize) a->rollout * S->n_machines + a->machine];
      return;
    }
  if (sim_halted (S, act))
    {
      hold (S, act, MAINT_UNSCHEDULED_ROLLOUT,
            maint_sim_state_halt_detail (S->sim, rollout, m->name));
      return;
    }
  if (is_host_reboot_act (S, act))
    {
      /* Placed by maint_solver_rollout_host_reboots(), never by the greedy */
      hold (S, act, MAINT_UNSCHEDULED_ROLLOUT, NULL);
      return;
    }

  a->wave = S->ro->wave_of[(gsize) a->rollout * S->n_machines + a->machine];
  if (a->wave < 0)
    {
      hold (S, act, MAINT_UNSCHEDULED_ROLLOUT,
            g_strdup_printf ("%s: the machine is in no wave of rollout “%s”", m->name, rollout));
      return;
    }
  {
    MaintWave *wave = g_ptr_array_index (maint_rollout_get_waves (S->ro->rollouts[a->rollout]), a->wave);
    if (maint_wave_get_from (wave) > a->not_before)
      {
        a->not_before = maint_wave_get_from (wave);
        S->ro->lo_bound[act] = BOUND_WAVE;
      }
    if (maint_wave_get_until (wave) != 0)
      {
        a->latest_end = maint_wave_get_until (wave);
        S->ro->hi_bound[act] = BOUND_WAVE;
      }
  }
}

/* ------------------------------------------------------------------ */
/* Bounds without capacity                                             */

static gint64
act_notice (MaintSolver *S,
            guint        act)
{
  const MaintSolverAct *a = &S->acts[act];

  return a->priority == MAINT_PRIORITY_EMERGENCY ? S->emergency_notice
                                                 : S->groups[S->machines[a->machine].group].notice;
}

/* Earliest start of @act alone in its windows, capacity ignored; -1. */
static gint64
act_earliest (MaintSolver *S,
              guint        act)
{
  const MaintSolverAct *a = &S->acts[act];
  const MaintSolverGroup *g = &S->groups[S->machines[a->machine].group];
  gint64 len = slot_length (S, a->estimate);
  gint64 lo = MAX (S->now + act_notice (S, act), a->not_before);

  for (guint i = maint_interval_set_lower_bound (g->available, lo); i < g->n_bounds; i++)
    {
      gint64 s = MAX (g->bounds[2 * i], lo);
      gint64 b = g->bounds[2 * i + 1];

      if (a->latest_end != 0)
        {
          if (g->bounds[2 * i] > a->latest_end - len)
            break;
          b = MIN (b, a->latest_end);
        }
      if (b - s >= len)
        return s;
    }
  return -1;
}

/* Latest start of @act alone, capacity ignored; -1 if none. */
static gint64
act_latest (MaintSolver *S,
            guint        act)
{
  const MaintSolverAct *a = &S->acts[act];
  const MaintSolverGroup *g = &S->groups[S->machines[a->machine].group];
  gint64 len = slot_length (S, a->estimate);
  gint64 lo = MAX (S->now + act_notice (S, act), a->not_before);

  for (guint i = g->n_bounds; i-- > 0;)
    {
      gint64 b = a->latest_end != 0 ? MIN (g->bounds[2 * i + 1], a->latest_end) : g->bounds[2 * i + 1];
      gint64 s = MAX (g->bounds[2 * i], lo);

      if (g->bounds[2 * i + 1] <= lo)
        break;
      if (b - s >= len)
        return b - len;
    }
  return -1;
}

static int
gint64_cmp (const void *pa,
            const void *pb)
{
  gint64 a = *(const gint64 *) pa, b = *(const gint64 *) pb;
  return a < b ? -1 : a > b;
}

/* How many of @sorted are >= @t (@sorted ascending). */
static guint
count_at_least (const gint64 *sorted,
                guint         n,
                gint64        t)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (sorted[mid] < t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return n - lo;
}

/* Testing and staging activities of rollout @r end by @staging_t − lead
 * (G_MAXINT64: no bound), production ones start at or after
 * @production_t (0: no bound). */
static void
staging_lead_bound (MaintSolver *S,
                    guint        r,
                    gint64       staging_t,
                    gint64       production_t)
{
  gint64 lead = maint_rollout_get_staging_lead (S->ro->rollouts[r]);

  for (guint i = 0; i < S->n_acts; i++)
    {
      MaintSolverAct *a = &S->acts[i];
      MaintStage stage;

      if (a->rollout != (gint32) r || a->held || a->pinned)
        continue;
      stage = S->machines[a->machine].stage;
      if (is_staging (stage) && staging_t != G_MAXINT64 &&
          (a->latest_end == 0 || staging_t - lead < a->latest_end))
        {
          a->latest_end = staging_t - lead;
          S->ro->hi_bound[i] = BOUND_STAGING;
        }
      else if (stage == MAINT_STAGE_PRODUCTION && production_t > a->not_before)
        {
          a->not_before = production_t;
          S->ro->lo_bound[i] = BOUND_PRODUCTION;
        }
      else
        continue;
      a->earliest = act_earliest (S, i);
    }
}

/* R4: one instant T per rollout. Staging ends by T − lead, production
 * starts at or after T. T is the candidate (the earliest possible end of
 * some testing/staging activity plus the lead, or the earliest
 * production start) that keeps the most activities placeable in their
 * windows; on a tie the later one, so staging work is kept. */
static void
staging_lead (MaintSolver *S,
              guint        r)
{
  gint64 lead = maint_rollout_get_staging_lead (S->ro->rollouts[r]);
  g_autofree gint64 *ends = g_new (gint64, MAX (S->n_acts, 1));
  g_autofree gint64 *latest = g_new (gint64, MAX (S->n_acts, 1));
  guint n_ends = 0, n_latest = 0, n_staging = 0, n_production = 0;
  gint64 first_production = G_MAXINT64, best_t = 0;
  gint64 pinned_staging_end = 0, pinned_production = G_MAXINT64;
  gint64 staging_t, production_t;
  guint best = 0;
  gboolean have = FALSE;

  for (guint i = 0; i < S->n_acts; i++)
    {
      const MaintSolverAct *a = &S->acts[i];
      MaintStage stage;
      gint64 e;

      /* Announced slots are fixed: the others keep the lead around them */
      if (a->rollout == (gint32) r && a->pinned && !is_host_reboot_act (S, i))
        {
          MaintInterval *iv = S->act_info[i].scheduled;

          stage = S->machines[a->machine].stage;
          if (is_staging (stage))
            pinned_staging_end = MAX (pinned_staging_end, maint_interval_get_end (iv));
          else if (stage == MAINT_STAGE_PRODUCTION)
            pinned_production = MIN (pinned_production, maint_interval_get_start (iv));
          continue;
        }
      if (a->rollout != (gint32) r || a->held || a->pinned)
        continue;
      stage = S->machines[a->machine].stage;
      if (is_staging (stage))
        {
          n_staging++;
          e = act_earliest (S, i);
          if (e >= 0)
            ends[n_ends++] = e + slot_length (S, a->estimate) + lead;
        }
      else if (stage == MAINT_STAGE_PRODUCTION)
        {
          n_production++;
          e = act_earliest (S, i);
          if (e >= 0)
            {
              latest[n_latest++] = act_latest (S, i);
              first_production = MIN (first_production, e);
            }
        }
    }
  if (n_staging == 0 && n_production == 0)
    return;
  if (n_staging == 0 || n_production == 0)
    {
      /* Only announced slots on the other side, if any */
      if (pinned_staging_end == 0 && pinned_production == G_MAXINT64)
        return;
      staging_lead_bound (S, r, pinned_production, pinned_staging_end != 0 ? pinned_staging_end + lead : 0);
      return;
    }

  qsort (ends, n_ends, sizeof (gint64), gint64_cmp);
  qsort (latest, n_latest, sizeof (gint64), gint64_cmp);
  for (guint k = 0, run = 0; k <= n_ends; k++)
    {
      /* k staging activities fit: T = ends[k - 1]; none: the first
       * production start */
      gint64 t = k > 0 ? ends[k - 1] : (first_production != G_MAXINT64 ? first_production : S->now);
      guint staged, count;

      /* How many end by T: from T = ends[k - 1] on, T only grows, and so
       * does the count (one pass over ends in all, not one per T) */
      if (k == 0)
        for (staged = 0; staged < n_ends && ends[staged] <= t; staged++)
          ;
      else
        {
          while (run < n_ends && ends[run] <= t)
            run++;
          staged = run;
        }
      count = staged + count_at_least (latest, n_latest, t);
      if (!have || count > best || (count == best && t > best_t))
        {
          best = count;
          best_t = t;
          have = TRUE;
        }
    }
  S->ro->staging_t[r] = best_t;

  /* Announced slots of either side bound T */
  staging_t = MIN (best_t, pinned_production);
  production_t = pinned_staging_end != 0 ? MAX (best_t, pinned_staging_end + lead) : best_t;
  staging_lead_bound (S, r, staging_t, production_t);
}

/* Drops held activities from the per-machine lists the greedy reads. */
static void
compact_held (MaintSolver *S)
{
  for (guint i = 0; i < S->n_machines; i++)
    {
      MaintSolverMachine *m = &S->machines[i];
      guint kept = 0;

      for (guint j = 0; j < m->n_acts; j++)
        {
          guint act = S->act_order[m->first_act + j];
          if (!S->acts[act].held)
            S->act_order[m->first_act + kept++] = act;
        }
      m->n_acts = kept;
    }
}

void
maint_solver_rollout_prepare (MaintSolver *S)
{
  for (guint r = 0; r < S->ro->n_rollouts; r++)
    staging_lead (S, r);
  compact_held (S);
}

/* ------------------------------------------------------------------ */
/* Host reboots (R5) and absorption (R6)                               */

static gboolean
group_admits (const MaintSolverGroup *g,
              gint64                  start,
              gint64                  end)
{
  guint k = maint_interval_set_lower_bound (g->available, start);

  return k < g->n_bounds && g->bounds[2 * k] <= start && g->bounds[2 * k + 1] >= end;
}

static const char *
block_name (MaintBlock block)
{
  switch (block)
    {
    case MAINT_BLOCK_MACHINE: return "the host's other slots";
    case MAINT_BLOCK_ORDER: return "a service's order";
    case MAINT_BLOCK_HOST: return "host concurrency";
    case MAINT_BLOCK_GROUP: return "the host group's concurrency limit";
    case MAINT_BLOCK_SERVICE: return "a guest's service limit";
    case MAINT_BLOCK_SPACING: return "a guest's service spacing";
    case MAINT_BLOCK_FLEET: return "fleet concurrency";
    case MAINT_BLOCK_NONE:
    case MAINT_N_BLOCKS:
    default: return "no room";
    }
}

static void
place_host_reboot (MaintSolver *S,
                   guint        act,
                   gint64       guests_until)
{
  MaintSolverAct *a = &S->acts[act];
  gint32 h = a->machine;
  MaintRollout *rollout = S->ro->rollouts[a->rollout];
  MaintInterval *window = maint_rollout_get_host_reboots (rollout);
  const MaintSolverGroup *hg = &S->groups[S->machines[h].group];
  gint64 len = slot_length (S, a->estimate);
  gint64 hs = maint_interval_get_start (window), he = maint_interval_get_end (window);
  gint64 lo = MAX (hs, S->now + hg->notice), s;
  MaintBlockInfo info = { 0, };
  MaintSolverSlot slot = { 0, };
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  /* After the guests' waves, when the interval leaves room for that */
  if (guests_until > lo && guests_until <= he - len)
    lo = guests_until;

  for (s = lo; s <= he - len;)
    {
      if (solver_check (S, h, s, s + len, TRUE, &info))
        break;
      if (info.conflict.next == G_MAXINT64)
        {
          s = he;
          break;
        }
      s = MAX (s + 1, info.conflict.next);
    }

  if (s > he - len)
    {
      char **detail = &S->act_info[act].detail;

      from = maint_instant_format (hs);
      to = maint_instant_format (he);
      g_free (*detail);
      if (lo > he - len)
        *detail = g_strdup_printf ("%s: the host reboot of rollout “%s” needs %" G_GINT64_FORMAT
                                   " min between %s and %s, after the host group's notice",
                                   S->machines[h].name, maint_rollout_get_name (rollout),
                                   len / 60, from, to);
      else
        *detail = g_strdup_printf ("%s: no room for the host reboot of rollout “%s” between %s and %s: %s",
                                   S->machines[h].name, maint_rollout_get_name (rollout),
                                   from, to, block_name (info.block));
      return;
    }

  slot.machine = h;
  slot.start = s;
  slot.end = s + len;
  slot.acts = g_memdup2 (&act, sizeof (guint));
  slot.n_acts = 1;
  slot.reboot = a->reboot;
  slot.notice = hg->notice;
  slot.live = TRUE;
  a->slot = S->slots->len;
  g_clear_pointer (&S->act_info[act].detail, g_free);
  g_array_append_val (S->slots, slot);
  solver_occupy (S, &slot, +1);
}

/* Whether a simulation announced @act as absorbed by exactly @hslot, an
 * announced host reboot: the customer was told, so it stays absorbed
 * even once the guest group's notice no longer fits before it. */
static gboolean
sim_absorbed (MaintSolver           *S,
              guint                  act,
              const MaintSolverSlot *hslot)
{
  MaintInterval *promised;

  if (S->sim == NULL || !hslot->pinned)
    return FALSE;
  promised = maint_sim_state_get_absorbed (S->sim, S->act_info[act].id);
  return promised != NULL && maint_interval_get_start (promised) == hslot->start &&
         maint_interval_get_end (promised) == hslot->end;
}

void
maint_solver_rollout_host_reboots (MaintSolver *S)
{
  gboolean coalesce = maint_policy_get_coalesce_with_host_reboot (S->policy);
  const gint32 *host_machine = S->ro->host_machine;
  g_autofree gint64 *until = g_new (gint64, MAX (S->n_machines, 1));
  g_autofree gint32 *host_slot = g_new (gint32, MAX (S->n_machines, 1));

  for (guint r = 0; r < S->ro->n_rollouts; r++)
    {
      if (maint_rollout_get_host_reboots (S->ro->rollouts[r]) == NULL)
        continue;

      /* The latest wave end of each host's guests */
      memset (until, 0, S->n_machines * sizeof (gint64));
      for (guint i = 0; i < S->n_acts; i++)
        {
          const MaintSolverAct *a = &S->acts[i];
          gint32 host = S->machines[a->machine].host;
          if (a->rollout == (gint32) r && !a->held && host >= 0 && host_machine[host] >= 0)
            until[host_machine[host]] = MAX (until[host_machine[host]], a->latest_end);
        }
      for (guint i = 0; i < S->n_machines; i++)
        host_slot[i] = -1;
      for (guint i = S->ro->n_fleet; i < S->n_acts; i++)
        if (S->acts[i].rollout == (gint32) r && is_host_reboot_act (S, i) && !sim_halted (S, i))
          {
            /* An announced host reboot is already in place */
            if (!S->acts[i].pinned)
              place_host_reboot (S, i, until[S->acts[i].machine]);
            host_slot[S->acts[i].machine] = S->acts[i].slot;
          }

      /* Guests: their rollout work ends before the host reboots, or is
       * absorbed by it */
      for (guint i = 0; i < S->n_acts; i++)
        {
          MaintSolverAct *a = &S->acts[i];
          const MaintSolverMachine *m = &S->machines[a->machine];
          const MaintSolverGroup *g = &S->groups[m->group];
          const MaintSolverSlot *hslot;
          gint32 h;

          if (a->rollout != (gint32) r || a->held || a->pinned || m->host < 0)
            continue;
          h = host_machine[m->host];
          if (h < 0 || host_slot[h] < 0)
            continue;
          hslot = &g_array_index (S->slots, MaintSolverSlot, host_slot[h]);

          /* A testing or staging machine is not absorbed by a host reboot
           * after its wave or staging-lead bound: it is updated before
           * production, as promised, not with the hosts at the end */
          if ((coalesce && i >= S->ro->n_fleet && a->reboot != MAINT_REBOOT_KIND_NONE &&
               !(is_staging (S->machines[a->machine].stage) &&
                 a->latest_end != 0 && hslot->end > a->latest_end) &&
               hslot->start >= S->now + g->notice && group_admits (g, hslot->start, hslot->end)) ||
              sim_absorbed (S, i, hslot))
            {
              a->held = TRUE;
              a->absorbed = TRUE;
              a->slot = host_slot[h];
              a->earliest = 0;
              continue;
            }
          if (a->latest_end == 0 || hslot->start < a->latest_end)
            {
              a->latest_end = hslot->start;
              S->ro->hi_bound[i] = BOUND_HOST;
            }
        }
    }

  /* The host reboots stay through every round, like announced slots */
  S->pinned_base = g_renew (guint, S->pinned_base, MAX (S->slots->len, 1));
  for (guint k = S->n_pinned_slots; k < S->slots->len; k++)
    S->pinned_base[k] = g_array_index (S->slots, MaintSolverSlot, k).n_acts;
  S->n_pinned_slots = S->slots->len;
  compact_held (S);
}

/* ------------------------------------------------------------------ */
/* Reasons                                                             */

/* Why @act's rollout bounds it, as a phrase: for its latest end (@upper)
 * what ends then ("wave “20%” of rollout “os”"), for its earliest start
 * what happens then ("wave “20%” of rollout “os” opens"); NULL when the
 * rollout does not set that bound. */
char *
maint_solver_rollout_bound (MaintSolver *S,
                            guint        act,
                            gboolean     upper)
{
  const MaintSolverAct *a = &S->acts[act];
  MaintRollout *r;
  const char *rollout;
  guint bound;

  if (a->rollout < 0)
    return NULL;
  r = S->ro->rollouts[a->rollout];
  rollout = maint_rollout_get_name (r);
  bound = upper ? S->ro->hi_bound[act] : S->ro->lo_bound[act];
  switch (bound)
    {
    case BOUND_STAGING:
      return g_strdup_printf ("testing and staging machines of rollout “%s” must be done %" G_GINT64_FORMAT
                              " h before its first production slot", rollout,
                              maint_rollout_get_staging_lead (r) / 3600);
    case BOUND_PRODUCTION:
      return g_strdup_printf ("production machines of rollout “%s” may start, %" G_GINT64_FORMAT
                              " h after its testing and staging slots", rollout,
                              maint_rollout_get_staging_lead (r) / 3600);
    case BOUND_HOST:
      return g_strdup_printf ("the machine's host reboots for rollout “%s” then", rollout);
    case BOUND_WAVE:
      return g_strdup_printf (upper ? "wave “%s” of rollout “%s”" : "wave “%s” of rollout “%s” opens",
                              maint_wave_get_name (g_ptr_array_index (maint_rollout_get_waves (r), a->wave)),
                              rollout);
    default:
      /* The latest end of a rollout activity always has a reason */
      return upper && a->latest_end != 0 ? g_strdup_printf ("rollout “%s”", rollout) : NULL;
    }
}

gboolean
maint_solver_rollout_reason (MaintSolver  *S,
                             guint         act,
                             gint64        lo,
                             gint64        length,
                             char        **detail)
{
  const MaintSolverAct *a = &S->acts[act];
  const MaintSolverMachine *m = &S->machines[a->machine];
  const MaintSolverGroup *g = &S->groups[m->group];
  gint64 hi = a->latest_end;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *why = NULL;

  if (a->rollout < 0 || hi == 0)
    return FALSE;
  for (guint i = maint_interval_set_lower_bound (g->available, lo); i < g->n_bounds; i++)
    {
      gint64 s = MAX (g->bounds[2 * i], lo);
      if (g->bounds[2 * i] >= hi)
        break;
      if (MIN (g->bounds[2 * i + 1], hi) - s >= length)
        return FALSE;
    }
  if (detail == NULL)
    return TRUE;

  from = maint_instant_format (lo);
  until = maint_instant_format (hi);
  why = maint_solver_rollout_bound (S, act, TRUE);
  *detail = g_strdup_printf ("%s: no maintenance window of group “%s” has room for the %" G_GINT64_FORMAT
                             " min slot between %s and %s (%s%s)",
                             m->name, g->name, length / 60, from, until, why,
                             S->ro->lo_bound[act] == BOUND_PRODUCTION ?
                             "; production starts after the testing and staging slots plus the lead" : "");
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The plan                                                            */

/* The shared names of the rollout and wave of @slot's first activity
 * that has them, or NULL */
void
maint_solver_rollout_slot (MaintSolver           *S,
                           const MaintSolverSlot *slot,
                           char                 **rollout_name,
                           char                 **wave_name)
{
  *rollout_name = *wave_name = NULL;
  for (guint j = 0; j < slot->n_acts; j++)
    {
      const MaintSolverAct *a = &S->acts[slot->acts[j]];
      MaintRollout *rollout;

      if (a->rollout < 0)
        continue;
      rollout = S->ro->rollouts[a->rollout];
      *rollout_name = solver_text_ref (S, maint_rollout_get_name (rollout));
      if (a->wave >= 0)
        {
          *wave_name = solver_text_ref (S, maint_wave_get_name (g_ptr_array_index (maint_rollout_get_waves (rollout),
                                                                                   a->wave)));
          return;
        }
    }
}

static int
str_cmp (const void *a,
         const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A guest's downtime in a host's reboot slot, for sorting */
typedef struct
{
  gint64 start;
  guint  name_rank;   /* the guest's */
  guint  slot;
  guint  guest;
} DowntimeKey;

static int
act_id_cmp (const void *pa,
            const void *pb,
            void       *data)
{
  MaintSolver *S = data;

  return strcmp (S->act_info[*(const guint *) pa].id, S->act_info[*(const guint *) pb].id);
}

/* Planned activities (own slot, or absorbed by a host reboot) whose slot
 * ends after their deadline, by activity id. */
static void
add_late (MaintSolver *S,
          MaintPlan   *plan)
{
  g_autofree guint *late = g_new (guint, MAX (S->n_acts, 1));
  guint n = 0;

  for (guint i = 0; i < S->n_acts; i++)
    {
      const MaintSolverAct *a = &S->acts[i];

      if (a->slot < 0 || a->deadline == 0)
        continue;
      if (g_array_index (S->slots, MaintSolverSlot, a->slot).end > a->deadline)
        late[n++] = i;
    }
  g_qsort_with_data (late, n, sizeof (guint), act_id_cmp, S);
  for (guint k = 0; k < n; k++)
    {
      const MaintSolverAct *a = &S->acts[late[k]];
      const MaintSolverSlot *slot = &g_array_index (S->slots, MaintSolverSlot, a->slot);
      g_autoptr(MaintLateActivity) l = maint_late_activity_new (S->act_info[late[k]].id, S->machines[a->machine].name,
                                                                a->deadline, slot->end);
      maint_plan_add_late (plan, l);
    }
}

static gint32
lookup_machine (MaintSolver *S,
                const char  *name)
{
  gpointer value;

  if (name == NULL || !g_hash_table_lookup_extended (S->machine_index, name, NULL, &value))
    return -1;
  return GPOINTER_TO_INT (value);
}

/* Anti-affinity: more members of a service on one host than the service
 * may have down at once. Every reboot of that host breaks the service, so
 * the plan says so instead of hiding it in host downtime. By service (in
 * fleet order), then host name. */
static gint
uint_cmp (gconstpointer a,
          gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static void
add_findings (MaintSolver *S,
              MaintPlan   *plan)
{
  /* Per service, only the hosts of its members: counts are reset after
   * each service, so the work is linear in the memberships. */
  g_autofree guint *count = g_new0 (guint, MAX (S->n_hosts, 1));
  g_autoptr(GArray) hosts = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint s = 0; s < S->n_services; s++)
    {
      const MaintSolverService *svc = &S->services[s];
      const char * const *members = maint_service_get_members (svc->service);
      guint max_unavailable = MAX (svc->max_unavailable, 1);

      g_array_set_size (hosts, 0);
      for (guint j = 0; members != NULL && members[j] != NULL; j++)
        {
          gint32 m = lookup_machine (S, members[j]);
          guint h;

          if (m < 0 || S->machines[m].host < 0)
            continue;
          h = (guint) S->machines[m].host;
          if (count[h]++ == 0)
            g_array_append_val (hosts, h);
        }
      g_array_sort (hosts, uint_cmp);
      for (guint k = 0; k < hosts->len; k++)
        {
          guint h = g_array_index (hosts, guint, k);
          g_autoptr(GPtrArray) names = NULL;
          g_autofree char *list = NULL;
          g_autofree char *detail = NULL;
          g_autoptr(MaintFinding) finding = NULL;

          if (count[h] <= max_unavailable)
            continue;
          names = g_ptr_array_new ();
          for (guint j = 0; members[j] != NULL; j++)
            {
              gint32 m = lookup_machine (S, members[j]);
              if (m >= 0 && S->machines[m].host == (gint32) h)
                g_ptr_array_add (names, (gpointer) S->machines[m].name);
            }
          qsort (names->pdata, names->len, sizeof (char *), str_cmp);
          g_ptr_array_add (names, NULL);
          list = g_strjoinv (", ", (char **) names->pdata);
          detail = g_strdup_printf ("service “%s”: %u members (%s) run on host %s, but at most %u may be "
                                    "down at once: every reboot of %s takes them down together",
                                    svc->name, count[h], list, S->host_names[h], svc->max_unavailable,
                                    S->host_names[h]);
          finding = maint_finding_new (MAINT_FINDING_SERVICE_ON_ONE_HOST, svc->name,
                                       (const char * const *) names->pdata, S->host_names[h], detail);
          maint_plan_add_finding (plan, finding);
        }
      for (guint k = 0; k < hosts->len; k++)
        count[g_array_index (hosts, guint, k)] = 0;
    }
}

/* Host downtime (one entry per guest of every rebooting host slot, with
 * the activities it absorbs) and the reboot counts (R7). */
void
maint_solver_rollout_to_plan (MaintSolver *S,
                              MaintPlan   *plan,
                              const guint *own,
                              const guint *rebooting)
{
  g_autofree guint *host = g_new0 (guint, MAX (S->n_machines, 1));
  g_autofree guint *absorbed = g_new0 (guint, MAX (S->n_machines, 1));
  g_autofree gboolean *listed = g_new0 (gboolean, MAX (S->n_machines, 1));
  g_autofree guint *order = g_new (guint, MAX (S->n_machines, 1));
  g_autofree DowntimeKey *keys = NULL;
  g_autofree RadixItem *items = NULL;
  g_autofree RadixItem *tmp = NULL;
  RadixItem *sorted;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  gint64 base = G_MAXINT64;
  guint n = 0, n_keys = 0, keys_alloc = 0;

  g_autofree GPtrArray **by_machine = g_new0 (GPtrArray *, MAX (S->n_machines, 1));

  for (guint i = 0; i < S->n_acts; i++)
    {
      guint m = S->acts[i].machine;

      listed[m] = TRUE;
      if (!S->acts[i].absorbed)
        continue;
      absorbed[m]++;
      if (by_machine[m] == NULL)
        by_machine[m] = g_ptr_array_new ();
      g_ptr_array_add (by_machine[m], GUINT_TO_POINTER (i));
    }

  /* Each guest's downtime, by start and then the guest's name: sorted as
   * plain keys (the name's rank stands for the name), and only then made
   * into objects */
  for (guint k = 0; k < S->slots->len; k++)
    {
      const MaintSolverSlot *slot = &g_array_index (S->slots, MaintSolverSlot, k);

      if (slot->n_acts == 0 || slot->reboot == MAINT_REBOOT_KIND_NONE)
        continue;
      for (guint j = S->guest_start[slot->machine]; j < S->guest_start[slot->machine + 1]; j++)
        {
          guint guest = S->guests[j];

          if (n_keys == keys_alloc)
            {
              keys_alloc = MAX (64, 2 * keys_alloc);
              keys = g_renew (DowntimeKey, keys, keys_alloc);
            }
          keys[n_keys++] = (DowntimeKey) { slot->start, S->name_rank[guest], k, guest };
          host[guest]++;
          listed[guest] = TRUE;
        }
    }
  /* Instants are valid (MAINT_INSTANT_MIN..MAX), so less than 2^32 s
   * apart: (start − the earliest start, rank) fits one 64-bit key */
  G_STATIC_ASSERT (MAINT_INSTANT_MAX - MAINT_INSTANT_MIN < G_GINT64_CONSTANT (1) << 32);
  items = g_new (RadixItem, MAX (n_keys, 1));
  tmp = g_new (RadixItem, MAX (n_keys, 1));
  for (guint i = 0; i < n_keys; i++)
    base = MIN (base, keys[i].start);
  for (guint i = 0; i < n_keys; i++)
    {
      g_assert (keys[i].start - base < G_GINT64_CONSTANT (1) << 32);
      items[i] = (RadixItem) { (guint64) (keys[i].start - base) << 32 | keys[i].name_rank, i };
    }
  sorted = radix_sort (items, tmp, n_keys);
  for (guint o = 0; o < n_keys; o++)
    {
      guint i = sorted[o].value;
      const MaintSolverSlot *slot = &g_array_index (S->slots, MaintSolverSlot, keys[i].slot);
      guint guest = keys[i].guest;
      g_autoptr(MaintHostDowntime) d = NULL;

      g_ptr_array_set_size (ids, 0);

      /* Absorbed activities of this guest point at this slot */
      for (guint x = 0; by_machine[guest] != NULL && x < by_machine[guest]->len; x++)
        {
          guint a = GPOINTER_TO_UINT (g_ptr_array_index (by_machine[guest], x));
          if (S->acts[a].slot == (gint32) keys[i].slot)
            g_ptr_array_add (ids, (gpointer) S->act_info[a].id);
        }
      if (ids->len > 0)
        qsort (ids->pdata, ids->len, sizeof (char *), str_cmp);
      d = maint_host_downtime_new_take (S->machine_refs[guest], S->machine_refs[slot->machine],
                                        slot->start, slot->end,
                                        ids->len > 0 ? maint_strv_pack ((const char * const *) ids->pdata,
                                                                        ids->len) : NULL);
      maint_plan_add_host_downtime (plan, d);
    }
  for (guint i = 0; i < S->n_machines; i++)
    g_clear_pointer (&by_machine[i], g_ptr_array_unref);

  /* By name: through the names' order, not a sort */
  for (guint r = 0; r < S->n_machines; r++)
    if (listed[S->by_name[r]])
      order[n++] = S->by_name[r];
  for (guint i = 0; i < n; i++)
    {
      guint m = order[i];
      guint saved = (rebooting[m] > own[m] ? rebooting[m] - own[m] : 0) + absorbed[m];
      g_autoptr(MaintRebootCount) count = maint_reboot_count_new_shared (S->machine_refs[m], own[m], host[m], saved);
      maint_plan_add_reboot_count (plan, count);
    }

  add_late (S, plan);
  add_findings (S, plan);
}
