/* maint-simulation.c: advancing a clock over plans, with outcomes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A simulation owns a copy of the fleet and re-plans it with the
 * scheduler after every step of its clock. What the fleet can say goes
 * into a new copy of the fleet at every step (so a fleet handed out is
 * never changed); what it cannot — generated rollout activities that ran,
 * fixed waves, halted rollouts — and the announced generated slots (kept
 * here rather than recorded in the fleet as maint_plan_announce() does)
 * go into a
 * MaintSimState (maint-simulation-private.h) that the solver's rollout
 * code reads. A step works on copies and commits them only when the new
 * plan exists, so an error leaves the simulation as it was.
 */
#include "config.h"

#include <string.h>

#include "maint-simulation.h"
#include "maint-simulation-private.h"
#include "maint-verifier-private.h"
#include "maint-json-private.h"
#include "maint-scheduler.h"
#include "maint-enum-types.h"
#include "maint-time.h"

G_DEFINE_QUARK (maint-simulation-error-quark, maint_simulation_error)

/* ------------------------------------------------------------------ */
/* The state the solver reads                                          */

MaintSimState *
maint_sim_state_new (void)
{
  MaintSimState *state = g_new0 (MaintSimState, 1);

  state->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state->announced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) maint_interval_unref);
  state->absorbed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) maint_interval_unref);
  state->waves = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_hash_table_unref);
  state->rollouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return state;
}

MaintSimState *
maint_sim_state_copy (const MaintSimState *state)
{
  MaintSimState *copy = maint_sim_state_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, state->states);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->states, g_strdup (key), value);
  g_hash_table_iter_init (&iter, state->announced);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->announced, g_strdup (key), maint_interval_ref (value));
  g_hash_table_iter_init (&iter, state->absorbed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->absorbed, g_strdup (key), maint_interval_ref (value));
  /* a rollout's waves never change once recorded: shared */
  g_hash_table_iter_init (&iter, state->waves);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->waves, g_strdup (key), g_hash_table_ref (value));
  g_hash_table_iter_init (&iter, state->rollouts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->rollouts, g_strdup (key), g_memdup2 (value, sizeof (MaintSimRollout)));
  return copy;
}

void
maint_sim_state_free (MaintSimState *state)
{
  if (state == NULL)
    return;
  g_clear_pointer (&state->states, g_hash_table_unref);
  g_clear_pointer (&state->announced, g_hash_table_unref);
  g_clear_pointer (&state->absorbed, g_hash_table_unref);
  g_clear_pointer (&state->waves, g_hash_table_unref);
  g_clear_pointer (&state->rollouts, g_hash_table_unref);
  g_free (state);
}

MaintActivityState
maint_sim_state_get (const MaintSimState *state,
                     const char          *id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (state->states, id));
}

MaintInterval *
maint_sim_state_get_announced (const MaintSimState *state,
                               const char          *id)
{
  return g_hash_table_lookup (state->announced, id);
}

MaintInterval *
maint_sim_state_get_absorbed (const MaintSimState *state,
                              const char          *id)
{
  return g_hash_table_lookup (state->absorbed, id);
}

GHashTable *
maint_sim_state_get_waves (const MaintSimState *state,
                           const char          *rollout)
{
  return g_hash_table_lookup (state->waves, rollout);
}

void
maint_sim_state_set_waves (MaintSimState *state,
                           const char    *rollout,
                           GHashTable    *waves)
{
  g_hash_table_insert (state->waves, g_strdup (rollout), waves);
}

char *
maint_sim_state_halt_detail (const MaintSimState *state,
                             const char          *rollout,
                             const char          *machine)
{
  const MaintSimRollout *r = g_hash_table_lookup (state->rollouts, rollout);

  return g_strdup_printf ("%s: rollout “%s” halted after %u failures (halt_after_failures %u)",
                          machine, rollout, r != NULL ? r->halted_after : 0, r != NULL ? r->limit : 0);
}

static MaintSimRollout *
sim_rollout (MaintSimState *state,
             const char    *rollout)
{
  MaintSimRollout *r = g_hash_table_lookup (state->rollouts, rollout);

  if (r == NULL)
    {
      r = g_new0 (MaintSimRollout, 1);
      g_hash_table_insert (state->rollouts, g_strdup (rollout), r);
    }
  return r;
}

/* ------------------------------------------------------------------ */
/* MaintSimulationEvent                                                */

/**
 * MaintSimulationEvent:
 *
 * One thing that happened in a [class@Maint.Simulation]: an activity's
 * slot was announced, it ran (with an outcome), its rollout halted it,
 * or its announced slot was withdrawn.
 *
 * Events are immutable. [method@Maint.Simulation.get_events] lists them
 * in time order.
 */
struct _MaintSimulationEvent
{
  GObject parent_instance;

  MaintSimulationEventKind kind;
  gint64                   at;
  char                    *activity;
  char                    *machine;
  char                    *rollout;
  MaintOutcome             outcome;
  gint64                   start;
  gint64                   end;
};

G_DEFINE_FINAL_TYPE (MaintSimulationEvent, maint_simulation_event, G_TYPE_OBJECT)

enum {
  EVENT_PROP_0,
  EVENT_PROP_KIND,
  EVENT_PROP_AT,
  EVENT_PROP_ACTIVITY,
  EVENT_PROP_MACHINE,
  EVENT_PROP_ROLLOUT,
  EVENT_PROP_OUTCOME,
  EVENT_PROP_START,
  EVENT_PROP_END,
  EVENT_N_PROPS
};

static GParamSpec *event_properties[EVENT_N_PROPS];

static void
maint_simulation_event_finalize (GObject *object)
{
  MaintSimulationEvent *self = MAINT_SIMULATION_EVENT (object);

  g_clear_pointer (&self->activity, g_free);
  g_clear_pointer (&self->machine, g_free);
  g_clear_pointer (&self->rollout, g_free);

  G_OBJECT_CLASS (maint_simulation_event_parent_class)->finalize (object);
}

static void
maint_simulation_event_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  MaintSimulationEvent *self = MAINT_SIMULATION_EVENT (object);

  switch (prop_id)
    {
    case EVENT_PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case EVENT_PROP_AT:
      g_value_set_int64 (value, self->at);
      break;
    case EVENT_PROP_ACTIVITY:
      g_value_set_string (value, self->activity);
      break;
    case EVENT_PROP_MACHINE:
      g_value_set_string (value, self->machine);
      break;
    case EVENT_PROP_ROLLOUT:
      g_value_set_string (value, self->rollout);
      break;
    case EVENT_PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;
    case EVENT_PROP_START:
      g_value_set_int64 (value, self->start);
      break;
    case EVENT_PROP_END:
      g_value_set_int64 (value, self->end);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_simulation_event_class_init (MaintSimulationEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = maint_simulation_event_finalize;
  object_class->get_property = maint_simulation_event_get_property;

  /**
   * MaintSimulationEvent:kind:
   *
   * What happened.
   */
  event_properties[EVENT_PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, MAINT_TYPE_SIMULATION_EVENT_KIND,
                       MAINT_SIMULATION_EVENT_RAN, ro);
  /**
   * MaintSimulationEvent:at:
   *
   * When it happened, in seconds since the Unix epoch: the slot's end
   * for %MAINT_SIMULATION_EVENT_RAN, its `announce_by` for
   * %MAINT_SIMULATION_EVENT_ANNOUNCED (or the clock, for work merged into
   * an announced slot), the end of the failing slot for
   * %MAINT_SIMULATION_EVENT_HALTED and %MAINT_SIMULATION_EVENT_WITHDRAWN.
   */
  event_properties[EVENT_PROP_AT] =
    g_param_spec_int64 ("at", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  /**
   * MaintSimulationEvent:activity:
   *
   * The activity's id: a fleet activity, or one a rollout generates
   * (`<rollout>/<machine>`).
   */
  event_properties[EVENT_PROP_ACTIVITY] =
    g_param_spec_string ("activity", NULL, NULL, NULL, ro);
  /**
   * MaintSimulationEvent:machine:
   *
   * The activity's machine (for an activity absorbed by a host reboot,
   * the guest).
   */
  event_properties[EVENT_PROP_MACHINE] =
    g_param_spec_string ("machine", NULL, NULL, NULL, ro);
  /**
   * MaintSimulationEvent:rollout:
   *
   * The rollout the activity belongs to, or %NULL.
   */
  event_properties[EVENT_PROP_ROLLOUT] =
    g_param_spec_string ("rollout", NULL, NULL, NULL, ro);
  /**
   * MaintSimulationEvent:outcome:
   *
   * For %MAINT_SIMULATION_EVENT_RAN, what happened; otherwise
   * %MAINT_OUTCOME_SUCCESS and meaningless.
   */
  event_properties[EVENT_PROP_OUTCOME] =
    g_param_spec_enum ("outcome", NULL, NULL, MAINT_TYPE_OUTCOME, MAINT_OUTCOME_SUCCESS, ro);
  /**
   * MaintSimulationEvent:start:
   *
   * The start of the activity's slot (of the host reboot, for an absorbed
   * activity), in seconds since the Unix epoch; 0 when the activity had
   * no slot (a halted activity that was unscheduled).
   */
  event_properties[EVENT_PROP_START] =
    g_param_spec_int64 ("start", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  /**
   * MaintSimulationEvent:end:
   *
   * The end of that slot, in seconds since the Unix epoch, or 0.
   */
  event_properties[EVENT_PROP_END] =
    g_param_spec_int64 ("end", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);

  g_object_class_install_properties (object_class, EVENT_N_PROPS, event_properties);
}

static void
maint_simulation_event_init (MaintSimulationEvent *self)
{
}

static MaintSimulationEvent *
event_new (MaintSimulationEventKind kind,
           gint64                   at,
           const char              *activity,
           const char              *machine,
           const char              *rollout,
           MaintOutcome             outcome,
           gint64                   start,
           gint64                   end)
{
  MaintSimulationEvent *self = g_object_new (MAINT_TYPE_SIMULATION_EVENT, NULL);

  self->kind = kind;
  self->at = at;
  self->activity = g_strdup (activity);
  self->machine = g_strdup (machine);
  self->rollout = g_strdup (rollout);
  self->outcome = outcome;
  self->start = start;
  self->end = end;
  return self;
}

/**
 * maint_simulation_event_get_kind:
 * @self: an event
 *
 * Gets [property@Maint.SimulationEvent:kind].
 *
 * Returns: what happened
 */
MaintSimulationEventKind
maint_simulation_event_get_kind (MaintSimulationEvent *self)
{
  g_return_val_if_fail (MAINT_IS_SIMULATION_EVENT (self), MAINT_SIMULATION_EVENT_RAN);
  return self->kind;
}

/**
 * maint_simulation_event_get_at:
 * @self: an event
 *
 * Gets [property@Maint.SimulationEvent:at].
 *
 * Returns: when it happened, in seconds since the Unix epoch
 */
gint64
maint_simulation_event_get_at (MaintSimulationEvent *self)
{
  g_return_val_if_fail (MAINT_IS_SIMULATION_EVENT (self), 0);
  return self->at;
}

/**
 * maint_simulation_event_get_activity:
 * @self: an event
 *
 * Gets [property@Maint.SimulationEvent:activity].
 *
 * Returns: (transfer none): the activity's id
 */
const char *
maint_simulation_event_get_activity (MaintSimulationEvent *self)
{
  g_return_val_if_fail (MAINT_IS_SIMULATION_EVENT (self), NULL);
  return self->activity;
}

/**
 * maint_simulation_event_get_machine:
 * @self: an event
 *
 * Gets [property@Maint.SimulationEvent:machine].
 *
 * Returns: (transfer none): the activity's machine
 */
const char *
maint_simulation_event_get_machine (MaintSimulationEvent *self)
{
  g_return_val_if_fail (MAINT_IS_SIMULATION_EVENT (self), NULL);
  return self->machine;
}

/**
 * maint_simulation_event_get_rollout:
 * @self: an event
 *
 * Gets [property@Maint.SimulationEvent:rollout].
 *
 * Returns: (transfer none) (nullable): the activity's rollout, or %NULL
 */
const char *
maint_simulation_event_get_rollout (MaintSimulationEvent *self)
{
  g_return_val_if_fail (MAINT_IS_SIMULATION_EVENT (self), NULL);
  return self->rollout;
}

/**
 * maint_simulation_event_get_outcome:
 * @self: an event
 *
 * Gets [property@Maint.SimulationEvent:outcome].
 *
 * Returns: the outcome of a %MAINT_SIMULATION_EVENT_RAN event
 */
MaintOutcome
maint_simulation_event_get_outcome (MaintSimulationEvent *self)
{
  g_return_val_if_fail (MAINT_IS_SIMULATION_EVENT (self), MAINT_OUTCOME_SUCCESS);
  return self->outcome;
}

/**
 * maint_simulation_event_get_start:
 * @self: an event
 *
 * Gets [property@Maint.SimulationEvent:start].
 *
 * Returns: the start of the activity's slot, or 0
 */
gint64
maint_simulation_event_get_start (MaintSimulationEvent *self)
{
  g_return_val_if_fail (MAINT_IS_SIMULATION_EVENT (self), 0);
  return self->start;
}

/**
 * maint_simulation_event_get_end:
 * @self: an event
 *
 * Gets [property@Maint.SimulationEvent:end].
 *
 * Returns: the end of the activity's slot, or 0
 */
gint64
maint_simulation_event_get_end (MaintSimulationEvent *self)
{
  g_return_val_if_fail (MAINT_IS_SIMULATION_EVENT (self), 0);
  return self->end;
}

/**
 * maint_simulation_event_to_string:
 * @self: an event
 *
 * Formats the event as one line of text, for logs and examples, e.g.
 * `2013-03-02T09:25:00Z ran os-2013-03/web1 on web1: failure (slot
 * 2013-03-02T09:00:00Z to 2013-03-02T09:25:00Z)`.
 *
 * Returns: (transfer full): the line, without a newline
 */
char *
maint_simulation_event_to_string (MaintSimulationEvent *self)
{
  g_autofree char *at = NULL;
  GString *str;

  g_return_val_if_fail (MAINT_IS_SIMULATION_EVENT (self), NULL);

  at = maint_instant_format (self->at);
  str = g_string_new (NULL);
  g_string_append_printf (str, "%s %s %s on %s", at,
                          maint_json_enum_nick (MAINT_TYPE_SIMULATION_EVENT_KIND, self->kind),
                          self->activity, self->machine);
  if (self->kind == MAINT_SIMULATION_EVENT_RAN)
    g_string_append_printf (str, ": %s", maint_json_enum_nick (MAINT_TYPE_OUTCOME, self->outcome));
  if (self->end > self->start)
    {
      g_autofree char *start = maint_instant_format (self->start);
      g_autofree char *end = maint_instant_format (self->end);

      g_string_append_printf (str, " (slot %s to %s)", start, end);
    }
  return g_string_free (str, FALSE);
}

static int
event_cmp (gconstpointer pa,
           gconstpointer pb)
{
  const MaintSimulationEvent *a = *(MaintSimulationEvent * const *) pa;
  const MaintSimulationEvent *b = *(MaintSimulationEvent * const *) pb;
  int c;

  if (a->at != b->at)
    return a->at < b->at ? -1 : 1;
  /* at one instant: what ran, then what that caused */
  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  if ((c = strcmp (a->machine, b->machine)) != 0)
    return c;
  if ((c = strcmp (a->activity, b->activity)) != 0)
    return c;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  return a->outcome < b->outcome ? -1 : a->outcome > b->outcome;
}

/* ------------------------------------------------------------------ */
/* MaintSimulation                                                     */

/**
 * MaintSimulation:
 *
 * Runs a fleet's plan forward in time, for testing policies: a clock
 * advances over the plan, activities get outcomes (success, failure,
 * postponed), and the rest is planned again after each step — with
 * announced slots pinned, postponed work given a new slot after a new
 * notice, and the later waves of a rollout halted once it has had
 * [property@Maint.Rollout:halt-after-failures] failures.
 *
 * A simulation works on its own copy of the fleet: the fleet given to
 * [ctor@Maint.Simulation.new] is not modified. Its current state is
 * [property@Maint.Simulation:fleet] — a new fleet object after every
 * step, with finished activities removed, machines' `booted_at` and
 * `reboots` updated and announced activities pinned — and
 * [property@Maint.Simulation:plan], the plan at
 * [property@Maint.Simulation:now].
 *
 * [method@Maint.Simulation.advance] runs, in time order, every slot of
 * the current plan that ends by the new instant: each activity in it
 * gets the outcome set with [method@Maint.Simulation.set_outcome]
 * (success unless told otherwise); activities absorbed by a host reboot
 * get theirs when the host reboot ends. A slot that has started but
 * not ended is in progress and stays, pinned, for a later step. Every
 * remaining slot whose `announce_by` has passed counts as announced and
 * is kept exactly as it is from then on. Then the clock moves and the
 * simulation plans again; [method@Maint.Simulation.get_events] records
 * what happened.
 *
 * Outcomes:
 *
 * - success: the activity is done and never planned again. A slot that
 *   reboots sets the machine's `booted_at` to the slot's end and counts
 *   one more reboot, for the guests of a rebooting host too (so implicit
 *   `max_uptime` deadlines move).
 * - failure: the activity is done as failed and not planned again (a
 *   person must look at it); the machine was down all the same. If the
 *   activity belongs to a rollout, the rollout counts a failure; when
 *   the failures reach its `halt_after_failures` (if > 0), the rollout
 *   halts: every activity of a later wave than the failing one, and
 *   every host reboot of the rollout, that is not running at that
 *   instant is halted: no longer planned, reported as unscheduled with
 *   reason %MAINT_UNSCHEDULED_ROLLOUT, its announced slot withdrawn.
 *   Activities of the failing wave and earlier waves continue.
 * - postponed: the activity did not happen; its announcement is dropped
 *   and it is planned again from the new clock, after a new notice. If
 *   every activity of a slot is postponed, the machine did not go down;
 *   activities absorbed by a host reboot that is postponed are
 *   postponed with it.
 *
 * The waves of a rollout are assigned by the first plan and kept: a
 * machine does not change waves as the clock moves.
 *
 * The same fleet, clock and outcomes always give the same events and
 * plans. A simulation is not thread-safe: use it from one thread at a
 * time. The fleets and plans it hands out are not changed afterwards.
 */
struct _MaintSimulation
{
  GObject parent_instance;

  MaintFleet    *fleet;     /* never changed once current */
  gint64         now;
  MaintPlan     *plan;
  MaintSimState *state;
  GHashTable    *outcomes;  /* id → GINT_TO_POINTER (MaintOutcome) */
  GPtrArray     *events;
};

G_DEFINE_FINAL_TYPE (MaintSimulation, maint_simulation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NOW,
  PROP_FLEET,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
maint_simulation_finalize (GObject *object)
{
  MaintSimulation *self = MAINT_SIMULATION (object);

  g_clear_object (&self->fleet);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->state, maint_sim_state_free);
  g_clear_pointer (&self->outcomes, g_hash_table_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);

  G_OBJECT_CLASS (maint_simulation_parent_class)->finalize (object);
}

static void
maint_simulation_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MaintSimulation *self = MAINT_SIMULATION (object);

  switch (prop_id)
    {
    case PROP_NOW:
      g_value_set_int64 (value, self->now);
      break;
    case PROP_FLEET:
      g_value_set_object (value, self->fleet);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_simulation_class_init (MaintSimulationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = maint_simulation_finalize;
  object_class->get_property = maint_simulation_get_property;

  /**
   * MaintSimulation:now:
   *
   * The simulation's clock, in seconds since the Unix epoch.
   */
  properties[PROP_NOW] =
    g_param_spec_int64 ("now", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  /**
   * MaintSimulation:fleet:
   *
   * The simulation's fleet as it stands at
   * [property@Maint.Simulation:now]: the activities that have not run,
   * announced ones pinned (their `scheduled` and `announced_at` set),
   * machines' `booted_at` and `reboots` as the simulation left them.
   * Each step replaces it with a new object; do not modify it.
   */
  properties[PROP_FLEET] =
    g_param_spec_object ("fleet", NULL, NULL, MAINT_TYPE_FLEET, ro);
  /**
   * MaintSimulation:plan:
   *
   * The current plan, made at [property@Maint.Simulation:now], or %NULL
   * before the first plan.
   */
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, MAINT_TYPE_PLAN, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
maint_simulation_init (MaintSimulation *self)
{
  self->state = maint_sim_state_new ();
  self->outcomes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->events = g_ptr_array_new_with_free_func (g_object_unref);
}

/* A deep copy of @fleet without the activities in @drop (may be NULL). */
static MaintFleet *
copy_fleet (MaintFleet  *fleet,
            GHashTable  *drop,
            GError     **error)
{
  gsize length = 0;
  g_autofree char *data = maint_fleet_to_data (fleet, &length);
  g_autoptr(MaintFleet) copy = maint_fleet_new_from_data (data, length, error);
  g_autoptr(MaintFleet) out = NULL;
  GPtrArray *items;

  if (copy == NULL)
    return NULL;
  if (drop == NULL || g_hash_table_size (drop) == 0)
    return g_steal_pointer (&copy);

  /* MaintFleet has no way to remove an activity: build a new one from
   * the copy's objects (nobody else holds them) */
  out = maint_fleet_new ();
  maint_fleet_set_now (out, maint_fleet_get_now (copy));
  maint_fleet_set_policy (out, maint_fleet_get_policy (copy));
  items = maint_fleet_get_groups (copy);
  for (guint i = 0; i < items->len; i++)
    if (!maint_fleet_add_group (out, g_ptr_array_index (items, i), error))
      return NULL;
  items = maint_fleet_get_machines (copy);
  for (guint i = 0; i < items->len; i++)
    if (!maint_fleet_add_machine (out, g_ptr_array_index (items, i), error))
      return NULL;
  items = maint_fleet_get_services (copy);
  for (guint i = 0; i < items->len; i++)
    if (!maint_fleet_add_service (out, g_ptr_array_index (items, i), error))
      return NULL;
  items = maint_fleet_get_activities (copy);
  for (guint i = 0; i < items->len; i++)
    {
      MaintActivity *activity = g_ptr_array_index (items, i);

      if (g_hash_table_contains (drop, maint_activity_get_id (activity)))
        continue;
      if (!maint_fleet_add_activity (out, activity, error))
        return NULL;
    }
  items = maint_fleet_get_rollouts (copy);
  for (guint i = 0; i < items->len; i++)
    if (!maint_fleet_add_rollout (out, g_ptr_array_index (items, i), error))
      return NULL;
  return g_steal_pointer (&out);
}

static MaintPlan *
run_scheduler (MaintFleet     *fleet,
               gint64          now,
               MaintPlan      *previous,
               MaintSimState  *state,
               GCancellable   *cancellable,
               GError        **error)
{
  g_autoptr(MaintScheduler) scheduler = maint_scheduler_new (fleet);

  maint_scheduler_set_now (scheduler, now);
  maint_scheduler_set_previous (scheduler, previous);
  maint_scheduler_set_sim_state (scheduler, state);
  return maint_scheduler_run (scheduler, cancellable, error);
}

/**
 * maint_simulation_new:
 * @fleet: the fleet to simulate; it is copied, not modified
 * @now: the simulation's start, in seconds since the Unix epoch; 0 for
 *   the fleet's `now`
 * @error: return location for a #GError
 *
 * Creates a simulation of @fleet from @now. Nothing is planned yet:
 * [method@Maint.Simulation.plan] or [method@Maint.Simulation.advance]
 * make the first plan.
 *
 * Returns: (transfer full): a new simulation, or %NULL with @error set:
 *   in %MAINT_FLEET_ERROR, from [method@Maint.Fleet.validate], when the
 *   fleet does not validate; %MAINT_SIMULATION_ERROR_INVALID_FAILED when
 *   @now is 0 and the fleet has no `now`
 */
MaintSimulation *
maint_simulation_new (MaintFleet  *fleet,
                      gint64       now,
                      GError     **error)
{
  g_autoptr(MaintFleet) copy = NULL;
  MaintSimulation *self;

  g_return_val_if_fail (MAINT_IS_FLEET (fleet), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!maint_fleet_validate (fleet, error))
    return NULL;
  if (now == 0)
    now = maint_fleet_get_now (fleet);
  if (now == 0)
    {
      g_set_error_literal (error, MAINT_SIMULATION_ERROR, MAINT_SIMULATION_ERROR_INVALID_FAILED,
                           "no “now”: pass one or set it in the fleet");
      return NULL;
    }
  copy = copy_fleet (fleet, NULL, error);
  if (copy == NULL)
    return NULL;
  maint_fleet_set_now (copy, now);

  self = g_object_new (MAINT_TYPE_SIMULATION, NULL);
  self->fleet = g_steal_pointer (&copy);
  self->now = now;
  return self;
}

/**
 * maint_simulation_get_now:
 * @self: a simulation
 *
 * Gets [property@Maint.Simulation:now].
 *
 * Returns: the clock, in seconds since the Unix epoch
 */
gint64
maint_simulation_get_now (MaintSimulation *self)
{
  g_return_val_if_fail (MAINT_IS_SIMULATION (self), 0);
  return self->now;
}

/**
 * maint_simulation_get_fleet:
 * @self: a simulation
 *
 * Gets [property@Maint.Simulation:fleet].
 *
 * Returns: (transfer none): the simulation's current fleet
 */
MaintFleet *
maint_simulation_get_fleet (MaintSimulation *self)
{
  g_return_val_if_fail (MAINT_IS_SIMULATION (self), NULL);
  return self->fleet;
}

/**
 * maint_simulation_get_plan:
 * @self: a simulation
 *
 * Gets [property@Maint.Simulation:plan].
 *
 * Returns: (transfer none) (nullable): the current plan, or %NULL
 */
MaintPlan *
maint_simulation_get_plan (MaintSimulation *self)
{
  g_return_val_if_fail (MAINT_IS_SIMULATION (self), NULL);
  return self->plan;
}

/**
 * maint_simulation_plan:
 * @self: a simulation
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Plans the simulation's fleet at its clock with [class@Maint.Scheduler]
 * and makes the result the current plan. The first plan fixes each
 * rollout's waves; later ones get the last plan as the previous one, for
 * stability. [method@Maint.Simulation.advance] plans by itself: call
 * this for the first plan before the first advance, to look at it or to
 * set outcomes for the activities it plans. (In Python the method is
 * `replan()`: `plan` is the property.)
 *
 * Returns: (transfer full): the plan, or %NULL with @error set by the
 *   scheduler (or %G_IO_ERROR_CANCELLED)
 */
MaintPlan *
maint_simulation_plan (MaintSimulation  *self,
                       GCancellable     *cancellable,
                       GError          **error)
{
  g_autoptr(MaintSimState) state = NULL;
  MaintPlan *plan;

  g_return_val_if_fail (MAINT_IS_SIMULATION (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* the first plan records the waves: only kept if it succeeds */
  state = maint_sim_state_copy (self->state);
  plan = run_scheduler (self->fleet, self->now, self->plan, state, cancellable, error);
  if (plan == NULL)
    return NULL;
  maint_sim_state_free (self->state);
  self->state = g_steal_pointer (&state);
  g_set_object (&self->plan, plan);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
  return plan;
}

/* ------------------------------------------------------------------ */
/* Activities                                                          */

typedef struct
{
  const char   *machine;
  MaintRollout *rollout;      /* NULL: none */
  gint          wave;         /* -1: none; n_waves for a host reboot */
  gboolean      generated;
  gboolean      host_reboot;
} ActInfo;

/* What @id is: an activity of @fleet, one a rollout generates, or
 * nothing (FALSE). Waves from @state (-1 before the first plan). */
static gboolean
act_info (MaintFleet          *fleet,
          const MaintSimState *state,
          const char          *id,
          ActInfo             *out)
{
  g_autoptr(MaintActivity) activity = maint_fleet_resolve_activity (fleet, id);
  MaintMachine *machine;
  GHashTable *waves;

  memset (out, 0, sizeof *out);
  out->wave = -1;
  if (activity == NULL)
    return FALSE;
  machine = maint_fleet_lookup_machine (fleet, maint_activity_get_machine (activity));
  if (machine == NULL)
    return FALSE;
  /* the machine's name lives as long as the fleet */
  out->machine = maint_machine_get_name (machine);
  out->generated = maint_fleet_lookup_activity (fleet, id) == NULL;
  out->host_reboot = out->generated && maint_machine_get_kind (machine) == MAINT_MACHINE_KIND_HOST;
  if (maint_activity_get_rollout (activity) != NULL)
    out->rollout = maint_fleet_lookup_rollout (fleet, maint_activity_get_rollout (activity));
  if (out->rollout == NULL)
    return TRUE;
  if (out->host_reboot)
    {
      out->wave = maint_rollout_get_waves (out->rollout)->len;
      return TRUE;
    }
  waves = maint_sim_state_get_waves (state, maint_rollout_get_name (out->rollout));
  if (waves != NULL)
    out->wave = GPOINTER_TO_INT (g_hash_table_lookup (waves, out->machine)) - 1;
  return TRUE;
}

/**
 * maint_simulation_set_outcome:
 * @self: a simulation
 * @activity: an activity's id: of the fleet, or one its rollouts generate
 *   (`<rollout>/<machine>`, also a host reboot `<rollout>/<host>`)
 * @outcome: what happens the next time the activity's slot comes
 * @error: return location for a #GError
 *
 * Sets the outcome @activity gets the next time it runs, in a later
 * [method@Maint.Simulation.advance]. The outcome is used once: after a
 * postponement, the activity succeeds next time unless told otherwise.
 * Setting it again replaces it.
 *
 * Returns: %TRUE, or %FALSE with @error set:
 *   %MAINT_SIMULATION_ERROR_UNKNOWN_FAILED for an id that is neither an
 *   activity of the fleet nor `<rollout>/<machine>` of one of its
 *   rollouts and machines; %MAINT_SIMULATION_ERROR_FINISHED_FAILED for an
 *   activity that already ran or is halted
 */
gboolean
maint_simulation_set_outcome (MaintSimulation  *self,
                              const char       *activity,
                              MaintOutcome      outcome,
                              GError          **error)
{
  MaintActivityState state;
  ActInfo info;

  g_return_val_if_fail (MAINT_IS_SIMULATION (self), FALSE);
  g_return_val_if_fail (activity != NULL, FALSE);
  g_return_val_if_fail (outcome <= MAINT_OUTCOME_POSTPONED, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  state = maint_sim_state_get (self->state, activity);
  if (state != MAINT_ACTIVITY_STATE_PENDING)
    {
      g_autofree char *quoted = maint_json_quote (activity);

      g_set_error (error, MAINT_SIMULATION_ERROR, MAINT_SIMULATION_ERROR_FINISHED_FAILED,
                   "activity %s is %s: it does not run again", quoted,
                   maint_json_enum_nick (MAINT_TYPE_ACTIVITY_STATE, state));
      return FALSE;
    }
  if (!act_info (self->fleet, self->state, activity, &info))
    {
      g_autofree char *quoted = maint_json_quote (activity);

      g_set_error (error, MAINT_SIMULATION_ERROR, MAINT_SIMULATION_ERROR_UNKNOWN_FAILED,
                   "unknown activity %s: neither in the fleet nor generated by one of its rollouts",
                   quoted);
      return FALSE;
    }
  g_hash_table_insert (self->outcomes, g_strdup (activity), GINT_TO_POINTER (outcome));
  return TRUE;
}

/**
 * maint_simulation_get_activity_state:
 * @self: a simulation
 * @activity: an activity's id
 *
 * Gets where @activity stands: pending, succeeded, failed or halted.
 *
 * Returns: the state; %MAINT_ACTIVITY_STATE_PENDING for an activity that
 *   has not run and is not halted, and for ids the simulation does not
 *   know
 */
MaintActivityState
maint_simulation_get_activity_state (MaintSimulation *self,
                                     const char      *activity)
{
  g_return_val_if_fail (MAINT_IS_SIMULATION (self), MAINT_ACTIVITY_STATE_PENDING);
  g_return_val_if_fail (activity != NULL, MAINT_ACTIVITY_STATE_PENDING);

  return maint_sim_state_get (self->state, activity);
}

/**
 * maint_simulation_get_failures:
 * @self: a simulation
 * @rollout: a rollout's name
 *
 * Counts the failed activities of @rollout so far: its generated
 * activities, its host reboots and the fleet's activities that name it.
 *
 * Returns: the number of failures; 0 for an unknown rollout
 */
guint
maint_simulation_get_failures (MaintSimulation *self,
                               const char      *rollout)
{
  const MaintSimRollout *r;

  g_return_val_if_fail (MAINT_IS_SIMULATION (self), 0);
  g_return_val_if_fail (rollout != NULL, 0);

  r = g_hash_table_lookup (self->state->rollouts, rollout);
  return r != NULL ? r->failures : 0;
}

/**
 * maint_simulation_is_halted:
 * @self: a simulation
 * @rollout: a rollout's name
 *
 * Whether @rollout has halted: its failures reached its
 * [property@Maint.Rollout:halt-after-failures].
 *
 * Returns: %TRUE if the rollout halted
 */
gboolean
maint_simulation_is_halted (MaintSimulation *self,
                            const char      *rollout)
{
  const MaintSimRollout *r;

  g_return_val_if_fail (MAINT_IS_SIMULATION (self), FALSE);
  g_return_val_if_fail (rollout != NULL, FALSE);

  r = g_hash_table_lookup (self->state->rollouts, rollout);
  return r != NULL && r->halted;
}

/**
 * maint_simulation_get_events:
 * @self: a simulation
 *
 * Gets the simulation's log: every announcement, run, halt and
 * withdrawal so far, in time order; at one instant runs come first, then
 * announcements, halts and withdrawals (so a failure reads before the
 * halt it causes), each by machine, then activity.
 *
 * Returns: (transfer none) (element-type Maint.SimulationEvent): the
 *   events; the array grows with every advance
 */
GPtrArray *
maint_simulation_get_events (MaintSimulation *self)
{
  g_return_val_if_fail (MAINT_IS_SIMULATION (self), NULL);
  return self->events;
}

/**
 * maint_simulation_verify:
 * @self: a simulation
 *
 * Checks the current plan against the current fleet with the rules of
 * [func@Maint.verify_plan], knowing what the fleet cannot say: which
 * generated rollout activities already ran (their machines stay in
 * their waves), and which were announced (their slots are pinned, and
 * an announced absorption by a host reboot keeps the notice it was
 * given). For a fleet without rollouts this is
 * `maint_verify_plan (fleet, plan)`.
 *
 * Returns: (transfer container) (element-type Maint.Violation): the
 *   violations; empty when the plan holds or there is no plan yet
 */
GPtrArray *
maint_simulation_verify (MaintSimulation *self)
{
  g_autoptr(GHashTable) finished = NULL;
  MaintVerifyContext context = { 0 };
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (MAINT_IS_SIMULATION (self), NULL);

  if (self->plan == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  finished = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_iter_init (&iter, self->state->states);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ActInfo info;

      if (GPOINTER_TO_INT (value) == MAINT_ACTIVITY_STATE_HALTED ||
          !act_info (self->fleet, self->state, key, &info) || !info.generated)
        continue;
      g_hash_table_insert (finished, key, GINT_TO_POINTER (info.host_reboot ? 0 : info.wave + 1));
    }
  context.finished = finished;
  context.announced = self->state->announced;
  context.absorbed = self->state->absorbed;
  return maint_verify_plan_in_context (self->fleet, self->plan, &context);
}

/* ------------------------------------------------------------------ */
/* Advancing                                                           */

typedef struct
{
  const char *id;
  gint        slot;          /* into the plan's slots, -1: unscheduled */
  gboolean    absorbed;      /* by the host reboot of that slot */
  const char *machine;       /* the activity's (for absorbed: the guest) */
} PlanAct;

typedef struct
{
  gint64 booted_at;
  guint  reboots;            /* added */
} Reboot;

typedef struct
{
  MaintInterval *slot;
  gint64         at;
} Announcement;

static void
announcement_free (gpointer data)
{
  Announcement *a = data;

  maint_interval_unref (a->slot);
  g_free (a);
}

/* One advance, on copies of everything it changes. */
typedef struct
{
  MaintFleet    *fleet;      /* the current fleet: read only */
  MaintPlan     *plan;       /* the plan being run: read only */
  MaintSimState *state;      /* copy */
  GHashTable    *outcomes;   /* copy */
  GPtrArray     *events;     /* new events */

  GPtrArray     *slots;      /* the plan's */
  GPtrArray     *entries;    /* per slot: host downtime entries of it, or NULL */
  PlanAct       *acts;       /* sorted by id */
  guint          n_acts;
  GHashTable    *act_index;  /* id → PlanAct */

  GHashTable    *reboots;    /* machine → Reboot */
  GHashTable    *announce;   /* fleet activity id → Announcement */
  GHashTable    *unannounce; /* fleet activity ids whose `scheduled` goes */
} Advance;

static void
entries_free (gpointer data)
{
  if (data != NULL)
    g_ptr_array_unref (data);
}

static void
advance_clear (Advance *adv)
{
  g_clear_pointer (&adv->state, maint_sim_state_free);
  g_clear_pointer (&adv->outcomes, g_hash_table_unref);
  g_clear_pointer (&adv->events, g_ptr_array_unref);
  g_clear_pointer (&adv->entries, g_ptr_array_unref);
  g_clear_pointer (&adv->acts, g_free);
  g_clear_pointer (&adv->act_index, g_hash_table_unref);
  g_clear_pointer (&adv->reboots, g_hash_table_unref);
  g_clear_pointer (&adv->announce, g_hash_table_unref);
  g_clear_pointer (&adv->unannounce, g_hash_table_unref);
}

static gboolean
is_pending (Advance    *adv,
            const char *id)
{
  return maint_sim_state_get (adv->state, id) == MAINT_ACTIVITY_STATE_PENDING;
}

static gboolean
is_announced (Advance    *adv,
              const char *id)
{
  MaintActivity *activity = maint_fleet_lookup_activity (adv->fleet, id);

  if (activity != NULL)
    return g_hash_table_contains (adv->announce, id) ||
           (maint_activity_get_scheduled (activity) != NULL &&
            !g_hash_table_contains (adv->unannounce, id));
  return g_hash_table_contains (adv->state->announced, id) ||
         g_hash_table_contains (adv->state->absorbed, id);
}

static void
announce (Advance    *adv,
          const char *id,
          gint64      start,
          gint64      end,
          gboolean    absorbed,
          gint64      at)
{
  if (maint_fleet_lookup_activity (adv->fleet, id) != NULL)
    {
      Announcement *a = g_new0 (Announcement, 1);

      a->slot = maint_interval_new (start, end);
      a->at = at;
      g_hash_table_insert (adv->announce, g_strdup (id), a);
      g_hash_table_remove (adv->unannounce, id);
      return;
    }
  g_hash_table_insert (absorbed ? adv->state->absorbed : adv->state->announced,
                       g_strdup (id), maint_interval_new (start, end));
}

static void
unannounce (Advance    *adv,
            const char *id)
{
  MaintActivity *activity = maint_fleet_lookup_activity (adv->fleet, id);

  if (activity != NULL)
    {
      g_hash_table_remove (adv->announce, id);
      if (maint_activity_get_scheduled (activity) != NULL)
        g_hash_table_add (adv->unannounce, g_strdup (id));
      return;
    }
  g_hash_table_remove (adv->state->announced, id);
  g_hash_table_remove (adv->state->absorbed, id);
}

static void
add_event (Advance                  *adv,
           MaintSimulationEventKind  kind,
           gint64                    at,
           const PlanAct            *pa,
           MaintOutcome              outcome)
{
  ActInfo info;
  gint64 start = 0, end = 0;

  act_info (adv->fleet, adv->state, pa->id, &info);
  if (pa->slot >= 0)
    {
      MaintSlot *slot = g_ptr_array_index (adv->slots, pa->slot);

      start = maint_slot_get_start (slot);
      end = maint_slot_get_end (slot);
    }
  g_ptr_array_add (adv->events,
                   event_new (kind, at, pa->id, pa->machine,
                              info.rollout != NULL ? maint_rollout_get_name (info.rollout) : NULL,
                              outcome, start, end));
}

static void
reboot (Advance    *adv,
        const char *machine,
        gint64      at)
{
  Reboot *r = g_hash_table_lookup (adv->reboots, machine);

  if (r == NULL)
    {
      r = g_new0 (Reboot, 1);
      g_hash_table_insert (adv->reboots, g_strdup (machine), r);
    }
  r->booted_at = MAX (r->booted_at, at);
  r->reboots++;
}

static int
plan_act_cmp (const void *pa,
              const void *pb)
{
  return strcmp (((const PlanAct *) pa)->id, ((const PlanAct *) pb)->id);
}

/* Indexes the plan: its activities (in slots, absorbed, unscheduled) and
 * each slot's host downtime entries. */
static void
advance_index (Advance *adv)
{
  GPtrArray *downtime = maint_plan_get_host_downtime (adv->plan);
  GPtrArray *unscheduled = maint_plan_get_unscheduled (adv->plan);
  g_autoptr(GHashTable) slot_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GArray *acts = g_array_new (FALSE, FALSE, sizeof (PlanAct));

  adv->slots = maint_plan_get_slots (adv->plan);
  adv->entries = g_ptr_array_new_full (adv->slots->len, entries_free);
  for (guint i = 0; i < adv->slots->len; i++)
    {
      MaintSlot *slot = g_ptr_array_index (adv->slots, i);
      const char * const *ids = maint_slot_get_activities (slot);

      g_ptr_array_add (adv->entries, NULL);
      g_hash_table_insert (slot_of,
                           g_strdup_printf ("%s\n%" G_GINT64_FORMAT "\n%" G_GINT64_FORMAT,
                                            maint_slot_get_machine (slot), maint_slot_get_start (slot),
                                            maint_slot_get_end (slot)),
                           GINT_TO_POINTER (i + 1));
      for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
        {
          PlanAct pa = { ids[k], i, FALSE, maint_slot_get_machine (slot) };
          g_array_append_val (acts, pa);
        }
    }
  for (guint i = 0; i < downtime->len; i++)
    {
      MaintHostDowntime *d = g_ptr_array_index (downtime, i);
      g_autofree char *key = g_strdup_printf ("%s\n%" G_GINT64_FORMAT "\n%" G_GINT64_FORMAT,
                                              maint_host_downtime_get_host (d),
                                              maint_host_downtime_get_start (d),
                                              maint_host_downtime_get_end (d));
      gint slot = GPOINTER_TO_INT (g_hash_table_lookup (slot_of, key)) - 1;
      const char * const *ids = maint_host_downtime_get_activities (d);

      if (slot < 0)
        continue;
      if (g_ptr_array_index (adv->entries, slot) == NULL)
        adv->entries->pdata[slot] = g_ptr_array_new ();
      g_ptr_array_add (g_ptr_array_index (adv->entries, slot), d);
      for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
        {
          PlanAct pa = { ids[k], slot, TRUE, maint_host_downtime_get_guest (d) };
          g_array_append_val (acts, pa);
        }
    }
  for (guint i = 0; i < unscheduled->len; i++)
    {
      MaintUnscheduled *u = g_ptr_array_index (unscheduled, i);
      PlanAct pa = { maint_unscheduled_get_activity (u), -1, FALSE, maint_unscheduled_get_machine (u) };
      g_array_append_val (acts, pa);
    }

  adv->n_acts = acts->len;
  adv->acts = (PlanAct *) (void *) g_array_free (acts, FALSE);
  qsort (adv->acts, adv->n_acts, sizeof (PlanAct), plan_act_cmp);
  adv->act_index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < adv->n_acts; i++)
    g_hash_table_insert (adv->act_index, (gpointer) adv->acts[i].id, &adv->acts[i]);
}

static MaintOutcome
take_outcome (Advance    *adv,
              const char *id)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (adv->outcomes, id, NULL, &value))
    return MAINT_OUTCOME_SUCCESS;
  g_hash_table_remove (adv->outcomes, id);
  return GPOINTER_TO_INT (value);
}

/* @rollout halts at @at: its pending activities of later waves than
 * @wave, and its host reboots, unless running at @at. */
static void
halt (Advance      *adv,
      MaintRollout *rollout,
      gint64        at)
{
  const char *name = maint_rollout_get_name (rollout);
  MaintSimRollout *r = sim_rollout (adv->state, name);
  g_autofree gboolean *halted_slot = g_new0 (gboolean, MAX (adv->slots->len, 1));

  for (guint i = 0; i < adv->n_acts; i++)
    {
      const PlanAct *pa = &adv->acts[i];
      ActInfo info;

      if (!is_pending (adv, pa->id) || !act_info (adv->fleet, adv->state, pa->id, &info) ||
          info.rollout != rollout || !(info.host_reboot || info.wave > r->halt_wave))
        continue;
      if (pa->slot >= 0)
        {
          MaintSlot *slot = g_ptr_array_index (adv->slots, pa->slot);

          /* running: the halt comes too late for it */
          if (maint_slot_get_start (slot) < at && maint_slot_get_end (slot) >= at)
            continue;
          if (!pa->absorbed)
            halted_slot[pa->slot] = TRUE;
        }
      g_hash_table_insert (adv->state->states, g_strdup (pa->id),
                           GINT_TO_POINTER (MAINT_ACTIVITY_STATE_HALTED));
      add_event (adv, MAINT_SIMULATION_EVENT_HALTED, at, pa, MAINT_OUTCOME_SUCCESS);
      if (is_announced (adv, pa->id))
        {
          unannounce (adv, pa->id);
          add_event (adv, MAINT_SIMULATION_EVENT_WITHDRAWN, at, pa, MAINT_OUTCOME_SUCCESS);
        }
    }

  /* Work of earlier waves announced as absorbed by a host reboot that
   * does not happen now: withdrawn, and planned again */
  for (guint i = 0; i < adv->n_acts; i++)
    {
      const PlanAct *pa = &adv->acts[i];

      if (pa->absorbed && halted_slot[pa->slot] && is_pending (adv, pa->id) &&
          is_announced (adv, pa->id))
        {
          unannounce (adv, pa->id);
          add_event (adv, MAINT_SIMULATION_EVENT_WITHDRAWN, at, pa, MAINT_OUTCOME_SUCCESS);
        }
    }
}

static void
count_failure (Advance    *adv,
               const char *id,
               gint64      at)
{
  ActInfo info;
  MaintSimRollout *r;
  guint limit;

  if (!act_info (adv->fleet, adv->state, id, &info) || info.rollout == NULL)
    return;
  r = sim_rollout (adv->state, maint_rollout_get_name (info.rollout));
  r->failures++;
  limit = maint_rollout_get_halt_after_failures (info.rollout);
  if (limit == 0 || r->failures < limit)
    return;
  if (r->halted && info.wave >= r->halt_wave)
    return;
  if (!r->halted)
    {
      r->halted = TRUE;
      r->halted_after = r->failures;
      r->limit = limit;
    }
  r->halt_wave = info.wave;
  halt (adv, info.rollout, at);
}

/* One activity's outcome; TRUE if it ran (success or failure). */
static gboolean
run_activity (Advance       *adv,
              const PlanAct *pa,
              MaintOutcome   outcome,
              gint64         at,
              GPtrArray     *failed)
{
  add_event (adv, MAINT_SIMULATION_EVENT_RAN, at, pa, outcome);
  switch (outcome)
    {
    case MAINT_OUTCOME_SUCCESS:
    case MAINT_OUTCOME_FAILURE:
      g_hash_table_insert (adv->state->states, g_strdup (pa->id),
                           GINT_TO_POINTER (outcome == MAINT_OUTCOME_SUCCESS ? MAINT_ACTIVITY_STATE_SUCCEEDED
                                                                             : MAINT_ACTIVITY_STATE_FAILED));
      g_hash_table_remove (adv->state->announced, pa->id);
      g_hash_table_remove (adv->state->absorbed, pa->id);
      if (outcome == MAINT_OUTCOME_FAILURE)
        g_ptr_array_add (failed, (gpointer) pa->id);
      return TRUE;
    case MAINT_OUTCOME_POSTPONED:
    default:
      unannounce (adv, pa->id);
      return FALSE;
    }
}

/* Slot @i ends at @at: its pending activities run. */
static void
run_slot (Advance *adv,
          guint    i,
          gint64   at)
{
  MaintSlot *slot = g_ptr_array_index (adv->slots, i);
  const char * const *ids = maint_slot_get_activities (slot);
  GPtrArray *entries = g_ptr_array_index (adv->entries, i);
  g_autoptr(GPtrArray) failed = g_ptr_array_new ();
  gboolean ran = FALSE, any = FALSE;

  for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
    {
      const PlanAct *pa = g_hash_table_lookup (adv->act_index, ids[k]);

      if (pa == NULL || !is_pending (adv, pa->id))
        continue;
      any = TRUE;
      ran |= run_activity (adv, pa, take_outcome (adv, pa->id), at, failed);
    }
  /* halted: the slot does not happen */
  if (!any)
    return;

  if (ran && maint_slot_get_reboot (slot) != MAINT_REBOOT_KIND_NONE)
    reboot (adv, maint_slot_get_machine (slot), at);

  /* A host's reboot: its guests went down with it; what it absorbs ran
   * with it, or (if it did not happen) is postponed with it */
  for (guint e = 0; entries != NULL && e < entries->len; e++)
    {
      MaintHostDowntime *d = g_ptr_array_index (entries, e);
      const char * const *absorbed = maint_host_downtime_get_activities (d);

      if (ran)
        reboot (adv, maint_host_downtime_get_guest (d), at);
      for (guint k = 0; absorbed != NULL && absorbed[k] != NULL; k++)
        {
          const PlanAct *pa = g_hash_table_lookup (adv->act_index, absorbed[k]);

          if (pa == NULL || !is_pending (adv, pa->id))
            continue;
          run_activity (adv, pa, ran ? take_outcome (adv, pa->id) : MAINT_OUTCOME_POSTPONED, at, failed);
        }
    }

  for (guint k = 0; k < failed->len; k++)
    count_failure (adv, g_ptr_array_index (failed, k), at);
}

/* Slot @i is announced at @at: its pending activities (and those its
 * host reboot absorbs) not yet announced. */
static void
announce_slot (Advance *adv,
               guint    i,
               gint64   at)
{
  MaintSlot *slot = g_ptr_array_index (adv->slots, i);
  const char * const *ids = maint_slot_get_activities (slot);
  GPtrArray *entries = g_ptr_array_index (adv->entries, i);
  gint64 start = maint_slot_get_start (slot), end = maint_slot_get_end (slot);

  for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
    {
      const PlanAct *pa = g_hash_table_lookup (adv->act_index, ids[k]);

      if (pa == NULL || !is_pending (adv, pa->id) || is_announced (adv, pa->id))
        continue;
      announce (adv, pa->id, start, end, FALSE, at);
      add_event (adv, MAINT_SIMULATION_EVENT_ANNOUNCED, at, pa, MAINT_OUTCOME_SUCCESS);
    }
  for (guint e = 0; entries != NULL && e < entries->len; e++)
    {
      const char * const *absorbed = maint_host_downtime_get_activities (g_ptr_array_index (entries, e));

      for (guint k = 0; absorbed != NULL && absorbed[k] != NULL; k++)
        {
          const PlanAct *pa = g_hash_table_lookup (adv->act_index, absorbed[k]);

          if (pa == NULL || !is_pending (adv, pa->id) || is_announced (adv, pa->id))
            continue;
          announce (adv, pa->id, start, end, TRUE, at);
          add_event (adv, MAINT_SIMULATION_EVENT_ANNOUNCED, at, pa, MAINT_OUTCOME_SUCCESS);
        }
    }
}

/* When slot @i must be announced: its `announce_by`, or for a host
 * reboot that absorbs guests' activities, earlier if a guest's group
 * needs more notice — the absorbed work is announced with the host
 * reboot, which then may not move any more. */
static gint64
slot_announce_by (Advance *adv,
                  guint    i)
{
  MaintSlot *slot = g_ptr_array_index (adv->slots, i);
  GPtrArray *entries = g_ptr_array_index (adv->entries, i);
  gint64 at = maint_slot_get_announce_by (slot);

  for (guint e = 0; entries != NULL && e < entries->len; e++)
    {
      MaintHostDowntime *d = g_ptr_array_index (entries, e);
      const char * const *absorbed = maint_host_downtime_get_activities (d);
      MaintMachine *guest = maint_fleet_lookup_machine (adv->fleet, maint_host_downtime_get_guest (d));
      MaintResourceGroup *group;

      if (absorbed == NULL || absorbed[0] == NULL || guest == NULL)
        continue;
      group = maint_fleet_lookup_group (adv->fleet, maint_machine_get_group (guest));
      if (group != NULL)
        at = MIN (at, maint_slot_get_start (slot) - maint_resource_group_get_notice (group));
    }
  return at;
}

typedef struct
{
  gint64 at;
  gint   run;        /* 0: the slot runs, 1: it is announced */
  guint  slot;
} Point;

static int
point_cmp (const void *pa,
           const void *pb,
           void       *data)
{
  const Point *a = pa, *b = pb;
  GPtrArray *slots = data;
  MaintSlot *sa = g_ptr_array_index (slots, a->slot);
  MaintSlot *sb = g_ptr_array_index (slots, b->slot);
  int c;

  if (a->at != b->at)
    return a->at < b->at ? -1 : 1;
  /* what ends at an instant ends before anything is announced then */
  if (a->run != b->run)
    return a->run < b->run ? -1 : 1;
  if ((c = strcmp (maint_slot_get_machine (sa), maint_slot_get_machine (sb))) != 0)
    return c;
  if (maint_slot_get_start (sa) != maint_slot_get_start (sb))
    return maint_slot_get_start (sa) < maint_slot_get_start (sb) ? -1 : 1;
  return a->slot < b->slot ? -1 : a->slot > b->slot;
}

/* The fleet after the advance: what ran removed, machines rebooted,
 * announcements pinned or dropped, the clock at @until. */
static MaintFleet *
advance_fleet (Advance  *adv,
               gint64    until,
               GError  **error)
{
  g_autoptr(GHashTable) drop = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(MaintFleet) fleet = NULL;
  GPtrArray *activities = maint_fleet_get_activities (adv->fleet);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < activities->len; i++)
    {
      const char *id = maint_activity_get_id (g_ptr_array_index (activities, i));
      MaintActivityState state = maint_sim_state_get (adv->state, id);

      if (state == MAINT_ACTIVITY_STATE_SUCCEEDED || state == MAINT_ACTIVITY_STATE_FAILED)
        g_hash_table_add (drop, (gpointer) id);
    }
  fleet = copy_fleet (adv->fleet, drop, error);
  if (fleet == NULL)
    return NULL;
  maint_fleet_set_now (fleet, until);

  g_hash_table_iter_init (&iter, adv->reboots);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      MaintMachine *machine = maint_fleet_lookup_machine (fleet, key);
      const Reboot *r = value;

      maint_machine_set_booted_at (machine, r->booted_at);
      maint_machine_set_reboots (machine, maint_machine_get_reboots (machine) + r->reboots);
    }
  g_hash_table_iter_init (&iter, adv->unannounce);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      MaintActivity *activity = maint_fleet_lookup_activity (fleet, key);

      if (activity == NULL)
        continue;
      maint_activity_set_scheduled (activity, NULL);
      maint_activity_set_announced_at (activity, 0);
    }
  g_hash_table_iter_init (&iter, adv->announce);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      MaintActivity *activity = maint_fleet_lookup_activity (fleet, key);
      const Announcement *a = value;

      if (activity == NULL)
        continue;
      maint_activity_set_scheduled (activity, a->slot);
      maint_activity_set_announced_at (activity, a->at);
    }
  return g_steal_pointer (&fleet);
}

/**
 * maint_simulation_advance:
 * @self: a simulation
 * @until: the new clock, in seconds since the Unix epoch; not before
 *   [property@Maint.Simulation:now]
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Moves the clock to @until. Plans first if there is no plan yet. Then,
 * in time order, every slot of the current plan that ends at or before
 * @until runs, each activity with its outcome (see
 * [method@Maint.Simulation.set_outcome]); every remaining slot whose
 * `announce_by` is at or before @until is announced and pinned; the
 * clock becomes @until and the simulation plans again. The class
 * description says what each outcome does.
 *
 * Advancing to the current clock runs and announces nothing new, but
 * plans again.
 *
 * On an error nothing changes.
 *
 * Returns: %TRUE, or %FALSE with @error set:
 *   %MAINT_SIMULATION_ERROR_CLOCK_FAILED when @until is before the
 *   clock, or an error of the scheduler (or %G_IO_ERROR_CANCELLED)
 */
gboolean
maint_simulation_advance (MaintSimulation  *self,
                          gint64            until,
                          GCancellable     *cancellable,
                          GError          **error)
{
  Advance adv = { 0 };
  g_autoptr(MaintPlan) first = NULL;
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintPlan) plan = NULL;
  g_autoptr(GArray) points = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (MAINT_IS_SIMULATION (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (until < self->now)
    {
      g_autofree char *to = maint_instant_format (until);
      g_autofree char *clock = maint_instant_format (self->now);

      g_set_error (error, MAINT_SIMULATION_ERROR, MAINT_SIMULATION_ERROR_CLOCK_FAILED,
                   "cannot advance to %s: the simulation's clock is at %s", to, clock);
      return FALSE;
    }

  adv.fleet = self->fleet;
  adv.state = maint_sim_state_copy (self->state);
  adv.plan = self->plan;
  if (adv.plan == NULL)
    {
      first = run_scheduler (self->fleet, self->now, NULL, adv.state, cancellable, error);
      if (first == NULL)
        {
          advance_clear (&adv);
          return FALSE;
        }
      adv.plan = first;
    }

  adv.outcomes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, self->outcomes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (adv.outcomes, g_strdup (key), value);
  adv.events = g_ptr_array_new_with_free_func (g_object_unref);
  adv.reboots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  adv.announce = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, announcement_free);
  adv.unannounce = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  advance_index (&adv);

  /* Runs and announcements, in time order */
  points = g_array_new (FALSE, FALSE, sizeof (Point));
  for (guint i = 0; i < adv.slots->len; i++)
    {
      MaintSlot *slot = g_ptr_array_index (adv.slots, i);
      gint64 announce_by = slot_announce_by (&adv, i);

      if (maint_slot_get_end (slot) <= until)
        {
          Point p = { maint_slot_get_end (slot), 0, i };
          g_array_append_val (points, p);
        }
      if (maint_slot_get_pinned (slot) || announce_by <= until)
        {
          Point p = { CLAMP (announce_by, self->now, until), 1, i };
          g_array_append_val (points, p);
        }
    }
  g_array_sort_with_data (points, point_cmp, adv.slots);
  for (guint k = 0; k < points->len; k++)
    {
      const Point *p = &g_array_index (points, Point, k);

      if (p->run == 0)
        run_slot (&adv, p->slot, p->at);
      else
        announce_slot (&adv, p->slot, p->at);
    }

  /* What ran is out of the problem: no announcement to keep */
  g_hash_table_iter_init (&iter, adv.state->states);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_remove (adv.announce, key);

  /* the scheduler may not look at @cancellable before it has work */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      advance_clear (&adv);
      return FALSE;
    }
  fleet = advance_fleet (&adv, until, error);
  if (fleet == NULL)
    {
      advance_clear (&adv);
      return FALSE;
    }
  plan = run_scheduler (fleet, until, adv.plan, adv.state, cancellable, error);
  if (plan == NULL)
    {
      advance_clear (&adv);
      return FALSE;
    }

  /* Commit */
  g_set_object (&self->fleet, fleet);
  maint_sim_state_free (self->state);
  self->state = g_steal_pointer (&adv.state);
  g_hash_table_unref (self->outcomes);
  self->outcomes = g_steal_pointer (&adv.outcomes);
  for (guint i = 0; i < adv.events->len; i++)
    g_ptr_array_add (self->events, g_object_ref (g_ptr_array_index (adv.events, i)));
  g_ptr_array_sort (self->events, event_cmp);
  g_set_object (&self->plan, plan);
  advance_clear (&adv);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->now != until)
    {
      self->now = until;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLEET]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}
