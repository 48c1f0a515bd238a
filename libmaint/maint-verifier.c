/* maint-verifier.c: checks any plan against a fleet
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * This file deliberately shares no code with the scheduler: it restates
 * the hard constraints of the design from the public model API only, so a
 * bug in the solver cannot hide itself by being repeated here. Time
 * semantics come from maint_resource_group_get_maintenance_intervals() and
 * maint_window_specs_expand(), which are the ground truth and are tested
 * on their own.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "maint-verifier.h"
#include "maint-verifier-private.h"
#include "maint-enum-types.h"
#include "maint-time.h"

/**
 * MaintViolation:
 *
 * One broken hard constraint of a plan, as found by [func@Maint.verify_plan].
 *
 * A violation names the [enum@Maint.Constraint] that is broken, the
 * machines and activities involved, the instants involved (for a slot its
 * start and end; for a concurrency or service violation the interval
 * during which the limit is exceeded) and a sentence that says what is
 * wrong, naming machines and instants in UTC.
 *
 * Violations are immutable.
 */

struct _MaintViolation
{
  GObject parent_instance;

  MaintConstraint constraint;
  char **machines;
  char **activities;
  gint64 start;
  gint64 end;
  char *message;
};

G_DEFINE_FINAL_TYPE (MaintViolation, maint_violation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONSTRAINT,
  PROP_MACHINES,
  PROP_ACTIVITIES,
  PROP_START,
  PROP_END,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const empty_strv[] = { NULL };

static void
maint_violation_finalize (GObject *object)
{
  MaintViolation *self = MAINT_VIOLATION (object);

  g_clear_pointer (&self->machines, g_strfreev);
  g_clear_pointer (&self->activities, g_strfreev);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (maint_violation_parent_class)->finalize (object);
}

static void
maint_violation_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MaintViolation *self = MAINT_VIOLATION (object);

  switch (prop_id)
    {
    case PROP_CONSTRAINT:
      g_value_set_enum (value, self->constraint);
      break;
    case PROP_MACHINES:
      g_value_set_boxed (value, maint_violation_get_machines (self));
      break;
    case PROP_ACTIVITIES:
      g_value_set_boxed (value, maint_violation_get_activities (self));
      break;
    case PROP_START:
      g_value_set_int64 (value, self->start);
      break;
    case PROP_END:
      g_value_set_int64 (value, self->end);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, maint_violation_get_message (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_violation_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MaintViolation *self = MAINT_VIOLATION (object);

  switch (prop_id)
    {
    case PROP_CONSTRAINT:
      self->constraint = g_value_get_enum (value);
      break;
    case PROP_MACHINES:
      g_strfreev (self->machines);
      self->machines = g_value_dup_boxed (value);
      break;
    case PROP_ACTIVITIES:
      g_strfreev (self->activities);
      self->activities = g_value_dup_boxed (value);
      break;
    case PROP_START:
      self->start = g_value_get_int64 (value);
      break;
    case PROP_END:
      self->end = g_value_get_int64 (value);
      break;
    case PROP_MESSAGE:
      g_free (self->message);
      self->message = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_violation_class_init (MaintViolationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                            G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = maint_violation_finalize;
  object_class->get_property = maint_violation_get_property;
  object_class->set_property = maint_violation_set_property;

  /**
   * MaintViolation:constraint:
   *
   * The hard constraint the plan breaks.
   */
  properties[PROP_CONSTRAINT] =
    g_param_spec_enum ("constraint", NULL, NULL,
                       MAINT_TYPE_CONSTRAINT, MAINT_CONSTRAINT_REFERENCE, flags);

  /**
   * MaintViolation:machines:
   *
   * The names of the machines involved, sorted; empty when no machine is
   * (an unknown activity in the unscheduled list).
   */
  properties[PROP_MACHINES] =
    g_param_spec_boxed ("machines", NULL, NULL, G_TYPE_STRV, flags);

  /**
   * MaintViolation:activities:
   *
   * The ids of the activities involved, sorted; may be empty.
   */
  properties[PROP_ACTIVITIES] =
    g_param_spec_boxed ("activities", NULL, NULL, G_TYPE_STRV, flags);

  /**
   * MaintViolation:start:
   *
   * The first instant involved, in seconds since the Unix epoch: the
   * start of the slot at fault, or of the interval during which a limit
   * is exceeded; 0 when no instant is involved.
   */
  properties[PROP_START] =
    g_param_spec_int64 ("start", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0, flags);

  /**
   * MaintViolation:end:
   *
   * The last instant involved, in seconds since the Unix epoch (the end of
   * the slot or of the interval); 0 when no instant is involved.
   */
  properties[PROP_END] =
    g_param_spec_int64 ("end", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0, flags);

  /**
   * MaintViolation:message:
   *
   * One sentence that says what is wrong, naming the machines and the
   * instants (in UTC, `Z` form).
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
maint_violation_init (MaintViolation *self)
{
}

/**
 * maint_violation_get_constraint:
 * @self: a violation
 *
 * Gets the hard constraint the plan breaks.
 *
 * Returns: the constraint
 */
MaintConstraint
maint_violation_get_constraint (MaintViolation *self)
{
  g_return_val_if_fail (MAINT_IS_VIOLATION (self), MAINT_CONSTRAINT_REFERENCE);

  return self->constraint;
}

/**
 * maint_violation_get_machines:
 * @self: a violation
 *
 * Gets the names of the machines involved, sorted.
 *
 * Returns: (transfer none) (array zero-terminated=1): the machine names;
 *   an empty array when no machine is involved
 */
const char * const *
maint_violation_get_machines (MaintViolation *self)
{
  g_return_val_if_fail (MAINT_IS_VIOLATION (self), NULL);

  return self->machines ? (const char * const *) self->machines : empty_strv;
}

/**
 * maint_violation_get_activities:
 * @self: a violation
 *
 * Gets the ids of the activities involved, sorted.
 *
 * Returns: (transfer none) (array zero-terminated=1): the activity ids;
 *   an empty array when no activity is involved
 */
const char * const *
maint_violation_get_activities (MaintViolation *self)
{
  g_return_val_if_fail (MAINT_IS_VIOLATION (self), NULL);

  return self->activities ? (const char * const *) self->activities : empty_strv;
}

/**
 * maint_violation_get_start:
 * @self: a violation
 *
 * Gets the first instant involved.
 *
 * Returns: seconds since the Unix epoch, or 0 when no instant is involved
 */
gint64
maint_violation_get_start (MaintViolation *self)
{
  g_return_val_if_fail (MAINT_IS_VIOLATION (self), 0);

  return self->start;
}

/**
 * maint_violation_get_end:
 * @self: a violation
 *
 * Gets the last instant involved.
 *
 * Returns: seconds since the Unix epoch, or 0 when no instant is involved
 */
gint64
maint_violation_get_end (MaintViolation *self)
{
  g_return_val_if_fail (MAINT_IS_VIOLATION (self), 0);

  return self->end;
}

/**
 * maint_violation_get_message:
 * @self: a violation
 *
 * Gets the sentence that says what is wrong.
 *
 * Returns: (transfer none): the message
 */
const char *
maint_violation_get_message (MaintViolation *self)
{
  g_return_val_if_fail (MAINT_IS_VIOLATION (self), NULL);

  return self->message ? self->message : "";
}

/* ------------------------------------------------------------------------
 * The checks
 * --------------------------------------------------------------------- */

#define NONE G_MAXUINT

/* How far around a slot the windows are expanded; a window occurrence is
 * at most a day and a DST hour long, so two days are plenty. */
#define WINDOW_MARGIN (2 * 24 * 3600)
/* Slots of one group closer than this share one window expansion. */
#define WINDOW_CLUSTER_GAP (7 * 24 * 3600)
/* Messages name at most this many machines; the property has them all. */
#define MESSAGE_MAX_NAMES 12

typedef struct {
  MaintSlot *slot;
  guint machine;                 /* index into machines, NONE if unknown */
  gint64 start;
  gint64 end;
  gboolean marked_pinned;
  gboolean pinned;               /* marked and announced for exactly it */
  gboolean has_merged;           /* holds activities not announced for it */
  gboolean reboots;              /* an activity in it reboots the machine */
  const char * const *activities;
  guint rollout;                 /* rollout of its rollout activities, or NONE */
  guint wave;                    /* its valid `wave` within that rollout, or NONE */
  gboolean host_reboot;          /* holds a generated host reboot */
} SlotInfo;

/* A generated rollout activity ("<rollout>/<machine>"): the machine's
 * update from the rollout's template, or a host's reboot. */
typedef struct {
  guint rollout;
  guint machine;
  gboolean host_reboot;
  gboolean finished;             /* ran in a simulation (context) */
  guint wave;                    /* when finished: its wave, or NONE */
} Generated;

/* One interval during which a machine is down: its own slot, or a host
 * downtime entry (the guest is down because its host reboots). */
typedef struct {
  guint machine;
  gint64 start;
  gint64 end;
  gboolean pinned;
  gboolean via_host;
  guint slot;                    /* SlotInfo index for own downtime */
  const char *host;              /* for host downtime */
} Down;

typedef struct {
  gint64 time;
  guint down;
  gboolean is_start;
} Event;

typedef struct {
  MaintFleet *fleet;
  MaintPlan *plan;
  MaintPolicy *policy;
  gint64 now;
  const MaintVerifyContext *context;  /* a simulation's knowledge, or NULL */

  GPtrArray *machines;
  GHashTable *machine_index;     /* name → index + 1 */
  guint *machine_group;          /* index into groups or NONE */
  guint *machine_host;           /* index into machines or NONE (VMs only) */

  GPtrArray *groups;
  GHashTable *group_index;

  GPtrArray *activities;         /* owned: the fleet's, then generated ones */
  GHashTable *activity_index;
  guint n_fleet_activities;
  GArray *generated;             /* Generated, for activities[n_fleet_activities...] */
  GPtrArray *recorded;           /* the fleet's records of announced generated ones */
  guint *in_slots;               /* per activity: how often in slots, */
  guint *in_unscheduled;         /* as unscheduled, */
  guint *in_absorbed;            /* and absorbed by a host reboot */

  GPtrArray *rollouts;
  GHashTable *rollout_index;
  MaintStage *machine_stage;     /* effective stage per machine */

  SlotInfo *slots;
  guint n_slots;

  GArray *downs;                 /* Down, sorted by machine then start */
  guint *down_first;             /* per machine: first index in downs */
  guint *down_count;

  guint *stamp;                  /* per machine, for de-duplication */
  guint *machine_active;         /* per machine, during a sweep; zero outside */
  guint epoch;

  GPtrArray *result;
} Verifier;

static guint
lookup_index (GHashTable *table,
              const char *name)
{
  gpointer value;

  if (name == NULL)
    return NONE;
  value = g_hash_table_lookup (table, name);
  return value ? GPOINTER_TO_UINT (value) - 1 : NONE;
}

static const char *
machine_name (Verifier *v,
              guint     machine)
{
  return maint_machine_get_name (g_ptr_array_index (v->machines, machine));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted, de-duplicated copy of @names (borrowed strings). */
static char **
sorted_strv (GPtrArray *names)
{
  GPtrArray *out = g_ptr_array_new ();

  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (i > 0 && g_str_equal (name, g_ptr_array_index (names, i - 1)))
        continue;
      g_ptr_array_add (out, g_strdup (name));
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

static void
append_names (GString    *str,
              char      **names)
{
  guint n = g_strv_length (names);

  for (guint i = 0; i < n && i < MESSAGE_MAX_NAMES; i++)
    {
      if (i > 0)
        g_string_append (str, ", ");
      g_string_append (str, names[i]);
    }
  if (n > MESSAGE_MAX_NAMES)
    g_string_append_printf (str, " and %u more", n - MESSAGE_MAX_NAMES);
}

/* Adds a violation; @machines and @activities are borrowed strings and may
 * be NULL. The message takes a printf format. */
static void report (Verifier        *v,
                    MaintConstraint  constraint,
                    GPtrArray       *machines,
                    GPtrArray       *activities,
                    gint64           start,
                    gint64           end,
                    const char      *format,
                    ...) G_GNUC_PRINTF (7, 8);

static void
report (Verifier        *v,
        MaintConstraint  constraint,
        GPtrArray       *machines,
        GPtrArray       *activities,
        gint64           start,
        gint64           end,
        const char      *format,
        ...)
{
  g_autoptr(GPtrArray) no_names = g_ptr_array_new ();
  g_auto(GStrv) machine_strv = sorted_strv (machines ? machines : no_names);
  g_auto(GStrv) activity_strv = sorted_strv (activities ? activities : no_names);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (v->result,
                   g_object_new (MAINT_TYPE_VIOLATION,
                                 "constraint", constraint,
                                 "machines", machine_strv,
                                 "activities", activity_strv,
                                 "start", start,
                                 "end", end,
                                 "message", message,
                                 NULL));
}

/* "slot of vm-1 from 2026-03-28T21:00:00Z to 2026-03-28T22:00:00Z" */
static char *
describe_slot (SlotInfo *si)
{
  g_autofree char *start = maint_instant_format (si->start);
  g_autofree char *end = maint_instant_format (si->end);
  const char *machine = maint_slot_get_machine (si->slot);

  return g_strdup_printf ("%sslot of %s from %s to %s",
                          si->pinned ? "pinned " : "",
                          machine ? machine : "(no machine)", start, end);
}

/* Reports a violation about one slot: machines = the slot's machine,
 * activities = the slot's activities (or @activity alone). */
static void report_slot (Verifier        *v,
                         SlotInfo        *si,
                         MaintConstraint  constraint,
                         const char      *activity,
                         const char      *format,
                         ...) G_GNUC_PRINTF (5, 6);

static void
report_slot (Verifier        *v,
             SlotInfo        *si,
             MaintConstraint  constraint,
             const char      *activity,
             const char      *format,
             ...)
{
  g_autoptr(GPtrArray) machines = g_ptr_array_new ();
  g_autoptr(GPtrArray) activities = g_ptr_array_new ();
  g_autofree char *message = NULL;
  va_list args;

  g_autofree char *what = describe_slot (si);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (maint_slot_get_machine (si->slot) != NULL)
    g_ptr_array_add (machines, (gpointer) maint_slot_get_machine (si->slot));
  if (activity != NULL)
    g_ptr_array_add (activities, (gpointer) activity);
  else
    for (guint i = 0; si->activities[i] != NULL; i++)
      g_ptr_array_add (activities, (gpointer) si->activities[i]);

  report (v, constraint, machines, activities, si->start, si->end, "%s %s", what, message);
}

static MaintActivity *
activity_at (Verifier   *v,
             const char *id)
{
  guint index = lookup_index (v->activity_index, id);

  return index == NONE ? NULL : g_ptr_array_index (v->activities, index);
}

static gboolean
announced_for (MaintActivity *activity,
               gint64         start,
               gint64         end)
{
  MaintInterval *scheduled = maint_activity_get_scheduled (activity);

  return scheduled != NULL &&
         maint_interval_get_start (scheduled) == start &&
         maint_interval_get_end (scheduled) == end;
}

/* A fleet activity recording an announced rollout activity: its id is
 * "<rollout>/<machine>" for a rollout of the fleet, and it names that
 * rollout and machine. */
static gboolean
is_recorded (MaintFleet    *fleet,
             MaintActivity *activity)
{
  const char *rollout = maint_activity_get_rollout (activity);
  const char *id = maint_activity_get_id (activity);
  gsize len;

  if (rollout == NULL || maint_fleet_lookup_rollout (fleet, rollout) == NULL)
    return FALSE;
  len = strlen (rollout);
  return strncmp (id, rollout, len) == 0 && id[len] == '/' &&
         g_strcmp0 (id + len + 1, maint_activity_get_machine (activity)) == 0;
}

static void
index_fleet (Verifier *v)
{
  v->machines = maint_fleet_get_machines (v->fleet);
  v->groups = maint_fleet_get_groups (v->fleet);
  {
    GPtrArray *fleet_activities = maint_fleet_get_activities (v->fleet);

    v->activities = g_ptr_array_new_full (fleet_activities->len, g_object_unref);
    v->recorded = g_ptr_array_new ();
    for (guint i = 0; i < fleet_activities->len; i++)
      {
        MaintActivity *activity = g_ptr_array_index (fleet_activities, i);

        /* "<rollout>/<machine>" naming its rollout and machine: the
         * record of an announced rollout activity (maint_plan_announce),
         * checked as the generated activity it stands for */
        if (is_recorded (v->fleet, activity))
          g_ptr_array_add (v->recorded, activity);
        else
          g_ptr_array_add (v->activities, g_object_ref (activity));
      }
  }
  v->n_fleet_activities = v->activities->len;
  v->generated = g_array_new (FALSE, FALSE, sizeof (Generated));
  v->rollouts = maint_fleet_get_rollouts (v->fleet);

  v->machine_index = g_hash_table_new (g_str_hash, g_str_equal);
  v->group_index = g_hash_table_new (g_str_hash, g_str_equal);
  v->activity_index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < v->groups->len; i++)
    g_hash_table_insert (v->group_index,
                         (gpointer) maint_resource_group_get_name (g_ptr_array_index (v->groups, i)),
                         GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < v->machines->len; i++)
    g_hash_table_insert (v->machine_index,
                         (gpointer) maint_machine_get_name (g_ptr_array_index (v->machines, i)),
                         GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < v->activities->len; i++)
    g_hash_table_insert (v->activity_index,
                         (gpointer) maint_activity_get_id (g_ptr_array_index (v->activities, i)),
                         GUINT_TO_POINTER (i + 1));

  v->rollout_index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < v->rollouts->len; i++)
    g_hash_table_insert (v->rollout_index,
                         (gpointer) maint_rollout_get_name (g_ptr_array_index (v->rollouts, i)),
                         GUINT_TO_POINTER (i + 1));

  v->machine_group = g_new (guint, MAX (v->machines->len, 1));
  v->machine_host = g_new (guint, MAX (v->machines->len, 1));
  v->stamp = g_new0 (guint, MAX (v->machines->len, 1));
  v->machine_active = g_new0 (guint, MAX (v->machines->len, 1));
  for (guint i = 0; i < v->machines->len; i++)
    {
      MaintMachine *machine = g_ptr_array_index (v->machines, i);

      v->machine_group[i] = lookup_index (v->group_index, maint_machine_get_group (machine));
      v->machine_host[i] = NONE;
      if (maint_machine_get_kind (machine) == MAINT_MACHINE_KIND_VM)
        v->machine_host[i] = lookup_index (v->machine_index, maint_machine_get_host (machine));
    }
}

static gboolean
is_target (Verifier *v,
           guint     machine)
{
  MaintMachineKind kind = maint_machine_get_kind (g_ptr_array_index (v->machines, machine));

  return kind == MAINT_MACHINE_KIND_VM || kind == MAINT_MACHINE_KIND_INFRASTRUCTURE;
}

/* The generated activity @id stands for, if it is one: "<rollout>/<machine>"
 * for a vm or infrastructure machine (the rollout's template) or a host
 * (its reboot). Rollout names may contain '/', so every rollout is tried. */
static void
add_generated (Verifier      *v,
               const char    *id,
               MaintActivity *recorded)
{
  if (id == NULL || g_hash_table_contains (v->activity_index, id))
    return;

  for (guint r = 0; r < v->rollouts->len; r++)
    {
      MaintRollout *rollout = g_ptr_array_index (v->rollouts, r);
      const char *name = maint_rollout_get_name (rollout);
      gsize len = strlen (name);
      guint m;
      MaintActivity *activity;
      Generated gen = { r, NONE, FALSE, FALSE, NONE };

      if (strncmp (id, name, len) != 0 || id[len] != '/')
        continue;
      m = lookup_index (v->machine_index, id + len + 1);
      if (m == NONE)
        continue;

      gen.machine = m;
      if (recorded != NULL)
        {
          gen.host_reboot = !is_target (v, m);
          activity = g_object_ref (recorded);
        }
      else if (is_target (v, m))
        {
          activity = maint_activity_new (id, id + len + 1,
                                         maint_rollout_get_template_kind (rollout));
          maint_activity_set_summary (activity, maint_rollout_get_template_summary (rollout));
          maint_activity_set_estimate (activity, maint_rollout_get_template_estimate (rollout));
          maint_activity_set_reboot (activity, maint_rollout_get_template_reboot (rollout));
          maint_activity_set_priority (activity, maint_rollout_get_template_priority (rollout));
        }
      else
        {
          gen.host_reboot = TRUE;
          activity = maint_activity_new (id, id + len + 1, MAINT_ACTIVITY_KIND_HOST_REBOOT);
          maint_activity_set_summary (activity, "Host reboot");
          maint_activity_set_estimate (activity, maint_rollout_get_host_reboot_estimate (rollout));
          maint_activity_set_reboot (activity, MAINT_REBOOT_KIND_COLD);
        }
      if (recorded == NULL)
        maint_activity_set_rollout (activity, name);
      /* announced in a simulation: pinned like an announced fleet activity */
      if (recorded == NULL && v->context != NULL && v->context->announced != NULL &&
          g_hash_table_contains (v->context->announced, id))
        maint_activity_set_scheduled (activity, g_hash_table_lookup (v->context->announced, id));

      g_ptr_array_add (v->activities, activity);
      g_array_append_val (v->generated, gen);
      g_hash_table_insert (v->activity_index,
                           (gpointer) maint_activity_get_id (activity),
                           GUINT_TO_POINTER (v->activities->len));
      return;
    }
}

/* Generated rollout activities are not in the fleet: every id the plan
 * names that reads "<rollout>/<machine>" gets one, built from the
 * rollout as the contract says, so the other checks treat it like any
 * activity (length, notice, coverage, reboots). */
static void
index_generated (Verifier *v)
{
  GPtrArray *slots = maint_plan_get_slots (v->plan);
  GPtrArray *unscheduled = maint_plan_get_unscheduled (v->plan);
  GPtrArray *host_downtime = maint_plan_get_host_downtime (v->plan);

  if (v->rollouts->len == 0)
    return;

  for (guint i = 0; i < v->recorded->len; i++)
    {
      MaintActivity *activity = g_ptr_array_index (v->recorded, i);
      add_generated (v, maint_activity_get_id (activity), activity);
    }
  for (guint i = 0; i < slots->len; i++)
    {
      const char * const *ids = maint_slot_get_activities (g_ptr_array_index (slots, i));

      for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
        add_generated (v, ids[k], NULL);
    }
  for (guint i = 0; i < unscheduled->len; i++)
    add_generated (v, maint_unscheduled_get_activity (g_ptr_array_index (unscheduled, i)), NULL);
  for (guint i = 0; i < host_downtime->len; i++)
    {
      const char * const *ids =
        maint_host_downtime_get_activities (g_ptr_array_index (host_downtime, i));

      for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
        add_generated (v, ids[k], NULL);
    }

  /* Generated activities a simulation ran are nowhere in the plan, but
   * their machines still belong to their waves */
  if (v->context != NULL && v->context->finished != NULL)
    {
      g_autofree gpointer *ids = g_hash_table_get_keys_as_array (v->context->finished, NULL);
      guint n = g_hash_table_size (v->context->finished);

      qsort (ids, n, sizeof (gpointer), compare_strings);
      for (guint i = 0; i < n; i++)
        {
          gint wave = GPOINTER_TO_INT (g_hash_table_lookup (v->context->finished, ids[i]));
          guint a;
          Generated *gen;

          add_generated (v, ids[i], NULL);
          a = lookup_index (v->activity_index, ids[i]);
          if (a == NONE || a < v->n_fleet_activities)
            continue;
          gen = &g_array_index (v->generated, Generated, a - v->n_fleet_activities);
          gen->finished = TRUE;
          gen->wave = wave > 0 ? (guint) wave - 1 : NONE;
        }
    }
}

static const Generated *
generated_at (Verifier *v,
              guint     activity)
{
  if (activity == NONE || activity < v->n_fleet_activities)
    return NULL;
  return &g_array_index (v->generated, Generated, activity - v->n_fleet_activities);
}

/* The rollout an activity belongs to (generated, or a fleet activity
 * naming a rollout), or NONE. */
static guint
activity_rollout (Verifier *v,
                  guint     activity)
{
  const Generated *gen = generated_at (v, activity);

  if (gen != NULL)
    return gen->rollout;
  if (activity == NONE)
    return NONE;
  return lookup_index (v->rollout_index,
                       maint_activity_get_rollout (g_ptr_array_index (v->activities, activity)));
}

/* REFERENCE for slots, and which slots count as pinned. */
static void
check_slot_references (Verifier *v)
{
  GPtrArray *slots = maint_plan_get_slots (v->plan);

  v->n_slots = slots->len;
  v->slots = g_new0 (SlotInfo, MAX (slots->len, 1));

  for (guint i = 0; i < slots->len; i++)
    {
      SlotInfo *si = &v->slots[i];
      MaintSlot *slot = g_ptr_array_index (slots, i);
      const char *machine_name_ = maint_slot_get_machine (slot);
      const char *group = maint_slot_get_group (slot);
      gboolean announced = FALSE;

      si->slot = slot;
      si->start = maint_slot_get_start (slot);
      si->end = maint_slot_get_end (slot);
      si->marked_pinned = maint_slot_get_pinned (slot);
      si->activities = maint_slot_get_activities (slot);
      if (si->activities == NULL)
        si->activities = empty_strv;
      si->machine = lookup_index (v->machine_index, machine_name_);
      si->rollout = NONE;
      si->wave = NONE;

      if (si->machine == NONE)
        {
          report_slot (v, si, MAINT_CONSTRAINT_REFERENCE, NULL,
                       "names machine %s, which the fleet does not have",
                       machine_name_ ? machine_name_ : "(none)");
        }
      else
        {
          MaintMachine *machine = g_ptr_array_index (v->machines, si->machine);
          const char *machine_group = maint_machine_get_group (machine);

          if (group != NULL && g_strcmp0 (group, machine_group) != 0)
            report_slot (v, si, MAINT_CONSTRAINT_REFERENCE, NULL,
                         "names group %s, but %s belongs to group %s",
                         group, machine_name_, machine_group);
          if (v->machine_group[si->machine] == NONE)
            report_slot (v, si, MAINT_CONSTRAINT_REFERENCE, NULL,
                         "is for %s of group %s, which the fleet does not have",
                         machine_name_, machine_group ? machine_group : "(none)");
        }

      if (si->activities[0] == NULL && si->machine != NONE)
        report_slot (v, si, MAINT_CONSTRAINT_REFERENCE, NULL,
                     "holds no activity");

      for (guint k = 0; si->activities[k] != NULL; k++)
        {
          const char *id = si->activities[k];
          MaintActivity *activity = activity_at (v, id);

          if (activity == NULL)
            {
              report_slot (v, si, MAINT_CONSTRAINT_REFERENCE, id,
                           "lists activity %s, which the fleet does not have", id);
              continue;
            }
          if (machine_name_ != NULL &&
              g_strcmp0 (maint_activity_get_machine (activity), machine_name_) != 0)
            report_slot (v, si, MAINT_CONSTRAINT_REFERENCE, id,
                         "lists activity %s, which belongs to machine %s",
                         id, maint_activity_get_machine (activity));

          {
            const Generated *gen = generated_at (v, lookup_index (v->activity_index, id));

            if (gen != NULL && gen->host_reboot)
              si->host_reboot = TRUE;
          }
          if (maint_activity_get_reboot (activity) != MAINT_REBOOT_KIND_NONE ||
              maint_activity_get_kind (activity) == MAINT_ACTIVITY_KIND_HOST_REBOOT)
            si->reboots = TRUE;
          if (announced_for (activity, si->start, si->end))
            announced = TRUE;
          else
            si->has_merged = TRUE;
        }

      /* A pin only counts when the fleet announced an activity for exactly
       * this slot; otherwise marking a slot pinned would switch off the
       * window and notice checks. */
      si->pinned = si->marked_pinned && announced && si->machine != NONE;
      if (si->marked_pinned && !announced)
        {
          report_slot (v, si, MAINT_CONSTRAINT_PINNED, NULL,
                       "is marked pinned, but no activity was announced for that time");
        }
    }
}

static const char *
count_word (guint n)
{
  switch (n)
    {
    case 2: return "twice";
    case 3: return "three times";
    default: return "more than three times";
    }
}

/* REFERENCE for unscheduled entries, COVERAGE and PINNED per activity. */
static void
check_activities (Verifier *v)
{
  GPtrArray *unscheduled = maint_plan_get_unscheduled (v->plan);
  GPtrArray *host_downtime = maint_plan_get_host_downtime (v->plan);
  guint n = v->activities->len;
  guint *in_slots = v->in_slots = g_new0 (guint, MAX (n, 1));
  guint *in_unscheduled = v->in_unscheduled = g_new0 (guint, MAX (n, 1));
  guint *in_absorbed = v->in_absorbed = g_new0 (guint, MAX (n, 1));
  g_autofree guint *first_slot = g_new (guint, MAX (n, 1));
  g_autofree gboolean *pin_kept = g_new0 (gboolean, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    first_slot[i] = NONE;

  for (guint i = 0; i < v->n_slots; i++)
    {
      SlotInfo *si = &v->slots[i];

      for (guint k = 0; si->activities[k] != NULL; k++)
        {
          guint a = lookup_index (v->activity_index, si->activities[k]);

          if (a == NONE)
            continue;
          in_slots[a]++;
          if (first_slot[a] == NONE)
            first_slot[a] = i;
          if (si->marked_pinned &&
              announced_for (g_ptr_array_index (v->activities, a), si->start, si->end))
            pin_kept[a] = TRUE;
        }
    }

  /* Absorbed activities count as covered (R6); unknown ids are reported
   * with the host downtime checks. */
  for (guint i = 0; i < host_downtime->len; i++)
    {
      const char * const *ids =
        maint_host_downtime_get_activities (g_ptr_array_index (host_downtime, i));

      for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
        {
          guint a = lookup_index (v->activity_index, ids[k]);

          if (a != NONE)
            in_absorbed[a]++;
        }
    }

  for (guint i = 0; i < unscheduled->len; i++)
    {
      MaintUnscheduled *u = g_ptr_array_index (unscheduled, i);
      const char *id = maint_unscheduled_get_activity (u);
      const char *machine = maint_unscheduled_get_machine (u);
      guint a = lookup_index (v->activity_index, id);
      g_autoptr(GPtrArray) machines = g_ptr_array_new ();
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();

      if (id != NULL)
        g_ptr_array_add (ids, (gpointer) id);
      if (machine != NULL)
        g_ptr_array_add (machines, (gpointer) machine);

      if (a == NONE)
        {
          report (v, MAINT_CONSTRAINT_REFERENCE, machines, ids, 0, 0,
                  "unscheduled activity %s of %s is not an activity of the fleet",
                  id ? id : "(none)", machine ? machine : "(no machine)");
          continue;
        }

      in_unscheduled[a]++;
      if (machine != NULL &&
          g_strcmp0 (machine, maint_activity_get_machine (g_ptr_array_index (v->activities, a))) != 0)
        report (v, MAINT_CONSTRAINT_REFERENCE, machines, ids, 0, 0,
                "unscheduled activity %s is listed for machine %s, but belongs to %s",
                id, machine,
                maint_activity_get_machine (g_ptr_array_index (v->activities, a)));
    }

  for (guint a = 0; a < n; a++)
    {
      MaintActivity *activity = g_ptr_array_index (v->activities, a);
      const char *id = maint_activity_get_id (activity);
      const char *machine = maint_activity_get_machine (activity);
      MaintInterval *scheduled = maint_activity_get_scheduled (activity);
      guint total = in_slots[a] + in_unscheduled[a] + in_absorbed[a];
      /* generated activities are the rollout's business (R2) */
      MaintConstraint coverage = a < v->n_fleet_activities ? MAINT_CONSTRAINT_COVERAGE
                                                           : MAINT_CONSTRAINT_ROLLOUT;
      g_autoptr(GPtrArray) machines = g_ptr_array_new ();
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();
      gint64 start = 0, end = 0;

      g_ptr_array_add (machines, (gpointer) machine);
      g_ptr_array_add (ids, (gpointer) id);
      if (first_slot[a] != NONE)
        {
          start = v->slots[first_slot[a]].start;
          end = v->slots[first_slot[a]].end;
        }

      if (generated_at (v, a) != NULL && generated_at (v, a)->finished)
        {
          if (total > 0)
            report (v, MAINT_CONSTRAINT_ROLLOUT, machines, ids, start, end,
                    "activity %s of %s has already run, but the plan lists it again", id, machine);
        }
      else if (total == 0)
        report (v, coverage, machines, ids, 0, 0,
                "activity %s of %s is neither in a slot nor listed as unscheduled",
                id, machine);
      else if (total > 1 && in_absorbed[a] == 0)
        report (v, coverage, machines, ids, start, end,
                "activity %s of %s appears %s: %u in slots and %u as unscheduled",
                id, machine, count_word (total), in_slots[a], in_unscheduled[a]);
      else if (total > 1)
        report (v, coverage, machines, ids, start, end,
                "activity %s of %s appears %s: %u in slots, %u as unscheduled and "
                "%u absorbed by a host reboot",
                id, machine, count_word (total), in_slots[a], in_unscheduled[a],
                in_absorbed[a]);

      if (scheduled != NULL && !pin_kept[a])
        {
          g_autofree char *s = maint_instant_format (maint_interval_get_start (scheduled));
          g_autofree char *e = maint_instant_format (maint_interval_get_end (scheduled));

          if (first_slot[a] != NONE)
            {
              SlotInfo *si = &v->slots[first_slot[a]];
              g_autofree char *ps = maint_instant_format (si->start);
              g_autofree char *pe = maint_instant_format (si->end);

              if (si->start == maint_interval_get_start (scheduled) &&
                  si->end == maint_interval_get_end (scheduled))
                report (v, MAINT_CONSTRAINT_PINNED, machines, ids,
                        si->start, si->end,
                        "activity %s of %s was announced for %s to %s, but its slot is not marked pinned",
                        id, machine, s, e);
              else
                report (v, MAINT_CONSTRAINT_PINNED, machines, ids,
                        si->start, si->end,
                        "activity %s of %s was announced for %s to %s, but the plan moves it to %s to %s",
                        id, machine, s, e, ps, pe);
            }
          else
            report (v, MAINT_CONSTRAINT_PINNED, machines, ids,
                    maint_interval_get_start (scheduled), maint_interval_get_end (scheduled),
                    "activity %s of %s was announced for %s to %s, but the plan drops it",
                    id, machine, s, e);
        }
    }
}

/* Whether activities[k] already appeared before index k. */
static gboolean
listed_before (const char * const *activities,
               guint               k)
{
  for (guint j = 0; j < k; j++)
    if (g_str_equal (activities[j], activities[k]))
      return TRUE;
  return FALSE;
}

/* ROLLOUT, per slot: a slot holding rollout activities names that
 * rollout and (unless it is a host reboot) one of its waves, and lies
 * inside the wave's from/until (R3). Sets SlotInfo.rollout, .wave. */
static void
check_rollout_slots (Verifier *v)
{
  for (guint i = 0; i < v->n_slots; i++)
    {
      SlotInfo *si = &v->slots[i];
      const char *rollout_name = maint_slot_get_rollout (si->slot);
      const char *wave_name = maint_slot_get_wave (si->slot);
      const char *first = NULL;
      MaintRollout *rollout;
      GPtrArray *waves;
      MaintWave *wave = NULL;

      for (guint k = 0; si->activities[k] != NULL; k++)
        {
          guint a = lookup_index (v->activity_index, si->activities[k]);
          guint r = activity_rollout (v, a);

          if (r == NONE || listed_before (si->activities, k))
            continue;
          if (si->rollout == NONE)
            {
              si->rollout = r;
              first = si->activities[k];
            }
          else if (r != si->rollout)
            report_slot (v, si, MAINT_CONSTRAINT_ROLLOUT, NULL,
                         "holds %s of rollout %s and %s of rollout %s, but a slot belongs to one rollout",
                         first, maint_rollout_get_name (g_ptr_array_index (v->rollouts, si->rollout)),
                         si->activities[k],
                         maint_rollout_get_name (g_ptr_array_index (v->rollouts, r)));
        }

      if (si->rollout == NONE)
        {
          if (rollout_name != NULL || wave_name != NULL)
            report_slot (v, si, MAINT_CONSTRAINT_ROLLOUT, NULL,
                         "names rollout %s and wave %s, but holds no activity of a rollout",
                         rollout_name ? rollout_name : "(none)",
                         wave_name ? wave_name : "(none)");
          continue;
        }

      rollout = g_ptr_array_index (v->rollouts, si->rollout);
      if (g_strcmp0 (rollout_name, maint_rollout_get_name (rollout)) != 0)
        report_slot (v, si, MAINT_CONSTRAINT_ROLLOUT, first,
                     "holds %s of rollout %s, but names rollout %s",
                     first, maint_rollout_get_name (rollout),
                     rollout_name ? rollout_name : "(none)");

      if (si->host_reboot)
        {
          if (wave_name != NULL)
            report_slot (v, si, MAINT_CONSTRAINT_ROLLOUT, NULL,
                         "reboots a host for rollout %s, but names wave %s; a host reboot belongs to no wave",
                         maint_rollout_get_name (rollout), wave_name);
          continue;
        }

      if (wave_name == NULL)
        {
          report_slot (v, si, MAINT_CONSTRAINT_ROLLOUT, first,
                       "holds %s of rollout %s, but names no wave",
                       first, maint_rollout_get_name (rollout));
          continue;
        }
      waves = maint_rollout_get_waves (rollout);
      for (guint w = 0; w < waves->len; w++)
        if (g_str_equal (maint_wave_get_name (g_ptr_array_index (waves, w)), wave_name))
          {
            si->wave = w;
            wave = g_ptr_array_index (waves, w);
            break;
          }
      if (wave == NULL)
        {
          report_slot (v, si, MAINT_CONSTRAINT_ROLLOUT, first,
                       "names wave %s, which rollout %s does not have",
                       wave_name, maint_rollout_get_name (rollout));
          continue;
        }

      /* R3 */
      if (maint_wave_get_from (wave) != 0 && si->start < maint_wave_get_from (wave))
        {
          g_autofree char *from = maint_instant_format (maint_wave_get_from (wave));

          report_slot (v, si, MAINT_CONSTRAINT_ROLLOUT, NULL,
                       "starts before %s, when wave %s of rollout %s begins",
                       from, wave_name, maint_rollout_get_name (rollout));
        }
      if (maint_wave_get_until (wave) != 0 && si->end > maint_wave_get_until (wave))
        {
          g_autofree char *until = maint_instant_format (maint_wave_get_until (wave));

          report_slot (v, si, MAINT_CONSTRAINT_ROLLOUT, NULL,
                       "ends after %s, when wave %s of rollout %s must be done",
                       until, wave_name, maint_rollout_get_name (rollout));
        }
    }
}

/* SLOT_LENGTH, HORIZON, NOTICE, NOT_BEFORE, AUTO_SCHEDULE. */
static void
check_slot_rules (Verifier *v)
{
  gint64 setup = maint_policy_get_setup (v->policy);
  gint64 min_slot = maint_policy_get_min_slot (v->policy);
  gint64 horizon_end = v->now + maint_policy_get_horizon (v->policy);
  gint64 emergency_notice = maint_policy_get_emergency_notice (v->policy);

  for (guint i = 0; i < v->n_slots; i++)
    {
      SlotInfo *si = &v->slots[i];
      MaintMachine *machine;
      MaintResourceGroup *group = NULL;
      gint64 estimates = 0;
      gboolean all_emergency = TRUE;
      gboolean any_known = FALSE;

      if (si->machine == NONE)
        continue;
      machine = g_ptr_array_index (v->machines, si->machine);
      if (v->machine_group[si->machine] != NONE)
        group = g_ptr_array_index (v->groups, v->machine_group[si->machine]);

      for (guint k = 0; si->activities[k] != NULL; k++)
        {
          MaintActivity *activity = activity_at (v, si->activities[k]);

          if (activity == NULL)
            continue;
          if (listed_before (si->activities, k))
            continue;

          any_known = TRUE;
          estimates += maint_activity_get_estimate (activity);
          if (maint_activity_get_priority (activity) != MAINT_PRIORITY_EMERGENCY)
            all_emergency = FALSE;
        }

      /* Slot length: a pinned slot holding only its announced activities
       * is as announced; once the plan merges more work into it, the
       * plan answers for its length. */
      if (!si->pinned || si->has_merged)
        {
          gint64 needed = MAX (estimates + setup, min_slot);
          gint64 length = si->end - si->start;

          if (length < needed)
            {
              g_autofree char *have = maint_duration_format (MAX (length, 0));
              g_autofree char *need = maint_duration_format (needed);

              if (length <= 0)
                report_slot (v, si, MAINT_CONSTRAINT_SLOT_LENGTH, NULL,
                             "does not end after it starts; it needs %s", need);
              else
                report_slot (v, si, MAINT_CONSTRAINT_SLOT_LENGTH, NULL,
                             "lasts %s, but needs %s (the estimates plus setup, at least the minimum slot)",
                             have, need);
            }
        }

      if (si->pinned)
        {
          /* Announced slots are kept as they are (the fleet's business),
           * but work the plan adds to them must still be allowed then. */
          for (guint k = 0; si->activities[k] != NULL; k++)
            {
              MaintActivity *activity = activity_at (v, si->activities[k]);
              gint64 not_before;

              if (activity == NULL || announced_for (activity, si->start, si->end))
                continue;
              not_before = maint_activity_get_not_before (activity);
              if (not_before != 0 && si->start < not_before)
                {
                  g_autofree char *nb = maint_instant_format (not_before);

                  report_slot (v, si, MAINT_CONSTRAINT_NOT_BEFORE, si->activities[k],
                               "takes activity %s, which may not start before %s",
                               si->activities[k], nb);
                }
              if (!maint_machine_get_auto_schedule (machine))
                report_slot (v, si, MAINT_CONSTRAINT_AUTO_SCHEDULE, si->activities[k],
                             "takes activity %s, which was not announced, but %s has auto_schedule off",
                             si->activities[k], maint_machine_get_name (machine));
            }
          continue;
        }

      if (si->end <= si->start)
        continue;

      if (!maint_machine_get_auto_schedule (machine))
        report_slot (v, si, MAINT_CONSTRAINT_AUTO_SCHEDULE, NULL,
                     "is a new slot, but %s has auto_schedule off",
                     maint_machine_get_name (machine));

      if (si->start < v->now || si->end > horizon_end)
        {
          g_autofree char *n = maint_instant_format (v->now);
          g_autofree char *h = maint_instant_format (horizon_end);

          if (si->start < v->now)
            report_slot (v, si, MAINT_CONSTRAINT_HORIZON, NULL,
                         "starts before the plan's now, %s", n);
          else
            report_slot (v, si, MAINT_CONSTRAINT_HORIZON, NULL,
                         "ends after the horizon, %s", h);
        }

      /* A rollout's host reboot: its notice is checked with R5. */
      if (group != NULL && si->start >= v->now && !si->host_reboot)
        {
          gboolean emergency = any_known && all_emergency;
          gint64 notice = emergency ? emergency_notice
                                    : maint_resource_group_get_notice (group);

          if (si->start < v->now + notice)
            {
              g_autofree char *earliest = maint_instant_format (v->now + notice);
              g_autofree char *d = maint_duration_format (notice);

              if (emergency)
                report_slot (v, si, MAINT_CONSTRAINT_NOTICE, NULL,
                             "starts before %s, but emergency work needs the policy's notice of %s",
                             earliest, d);
              else
                report_slot (v, si, MAINT_CONSTRAINT_NOTICE, NULL,
                             "starts before %s, but group %s needs a notice of %s",
                             earliest, maint_resource_group_get_name (group), d);
            }
        }

      for (guint k = 0; si->activities[k] != NULL; k++)
        {
          MaintActivity *activity = activity_at (v, si->activities[k]);
          gint64 not_before;

          if (activity == NULL)
            continue;
          not_before = maint_activity_get_not_before (activity);
          if (not_before != 0 && si->start < not_before)
            {
              g_autofree char *nb = maint_instant_format (not_before);

              report_slot (v, si, MAINT_CONSTRAINT_NOT_BEFORE, si->activities[k],
                           "takes activity %s, which may not start before %s",
                           si->activities[k], nb);
            }
        }
    }
}

/* A normalized interval set as two plain arrays, for binary search. */
typedef struct {
  gint64 *starts;
  gint64 *ends;
  guint n;
} Spans;

static void
spans_init (Spans                  *spans,
            const MaintIntervalSet *set)
{
  spans->n = set ? maint_interval_set_get_n_intervals (set) : 0;
  spans->starts = g_new (gint64, MAX (spans->n, 1));
  spans->ends = g_new (gint64, MAX (spans->n, 1));
  for (guint i = 0; i < spans->n; i++)
    {
      g_autoptr(MaintInterval) interval = maint_interval_set_get_interval (set, i);

      spans->starts[i] = maint_interval_get_start (interval);
      spans->ends[i] = maint_interval_get_end (interval);
    }
}

static void
spans_clear (Spans *spans)
{
  g_clear_pointer (&spans->starts, g_free);
  g_clear_pointer (&spans->ends, g_free);
  spans->n = 0;
}

/* Whether [start, end) lies inside one interval of @spans. */
static gboolean
spans_contain (const Spans *spans,
               gint64       start,
               gint64       end)
{
  guint lo = 0, hi = spans->n;

  /* first interval that starts after @start */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (spans->starts[mid] <= start)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo > 0 && spans->ends[lo - 1] >= end;
}

static char *
describe_windows (MaintResourceGroup *group)
{
  GPtrArray *windows = maint_resource_group_get_windows (group);
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < windows->len; i++)
    {
      g_autofree char *text = maint_window_spec_to_string (g_ptr_array_index (windows, i));

      if (i > 0)
        g_string_append (str, "; ");
      g_string_append (str, text);
    }
  g_string_append_printf (str, " in %s",
                          maint_resource_group_get_timezone (group)
                            ? maint_resource_group_get_timezone (group) : "UTC");
  return g_string_free (str, FALSE);
}

static int
compare_slot_start (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const SlotInfo *slots = user_data;
  const SlotInfo *x = &slots[*(const guint *) a];
  const SlotInfo *y = &slots[*(const guint *) b];

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return *(const guint *) a < *(const guint *) b ? -1 : 1;
}

static void
check_cluster_windows (Verifier           *v,
                       MaintResourceGroup *group,
                       const guint        *members,
                       guint               n_members,
                       gint64              from,
                       gint64              to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintIntervalSet) allowed = NULL;
  g_autoptr(MaintIntervalSet) raw = NULL;
  g_autofree char *windows = describe_windows (group);
  Spans allowed_spans = { 0 }, raw_spans = { 0 };
  gboolean raw_done = FALSE;
  GPtrArray *blackouts = maint_resource_group_get_blackouts (group);
  const char *name = maint_resource_group_get_name (group);

  allowed = maint_resource_group_get_maintenance_intervals (group, from, to, &error);
  if (allowed == NULL)
    {
      for (guint i = 0; i < n_members; i++)
        {
          SlotInfo *si = &v->slots[members[i]];

          report_slot (v, si, MAINT_CONSTRAINT_WINDOW, NULL,
                       "cannot be checked: the windows of group %s do not expand (%s)",
                       name, error ? error->message : "unknown error");
        }
      return;
    }
  spans_init (&allowed_spans, allowed);

  for (guint i = 0; i < n_members; i++)
    {
      SlotInfo *si = &v->slots[members[i]];
      MaintInterval *hit = NULL;

      if (spans_contain (&allowed_spans, si->start, si->end))
        continue;

      if (!raw_done)
        {
          GPtrArray *specs = maint_resource_group_get_windows (group);

          raw_done = TRUE;
          raw = maint_window_specs_expand ((MaintWindowSpec * const *) specs->pdata,
                                           specs->len,
                                           maint_resource_group_get_timezone (group),
                                           from, to, NULL);
          spans_init (&raw_spans, raw);
        }

      /* Only a blackout keeps it out: say so rather than "window". */
      if (spans_contain (&raw_spans, si->start, si->end))
        for (guint b = 0; b < blackouts->len; b++)
          {
            MaintInterval *blackout = g_ptr_array_index (blackouts, b);

            if (maint_interval_get_start (blackout) < si->end &&
                si->start < maint_interval_get_end (blackout) &&
                (hit == NULL || maint_interval_get_start (blackout) < maint_interval_get_start (hit)))
              hit = blackout;
          }

      if (hit != NULL)
        {
          g_autofree char *bs = maint_instant_format (maint_interval_get_start (hit));
          g_autofree char *be = maint_instant_format (maint_interval_get_end (hit));

          report_slot (v, si, MAINT_CONSTRAINT_BLACKOUT, NULL,
                       "overlaps the blackout of group %s from %s to %s", name, bs, be);
        }
      else
        report_slot (v, si, MAINT_CONSTRAINT_WINDOW, NULL,
                     "is not inside one maintenance window of group %s (%s)", name, windows);
    }

  spans_clear (&allowed_spans);
  spans_clear (&raw_spans);
}

/* WINDOW and BLACKOUT. The windows are expanded once per group and per
 * cluster of nearby slots, never over the whole span of a plan: a single
 * stray slot decades away must not make the check expand decades. */
static void
check_windows (Verifier *v)
{
  guint n_groups = v->groups->len;
  g_autofree guint *count = g_new0 (guint, n_groups + 1);
  g_autofree guint *first = g_new0 (guint, n_groups + 1);
  g_autofree guint *order = g_new (guint, MAX (v->n_slots, 1));
  g_autofree guint *fill = NULL;
  guint n = 0;

  for (guint i = 0; i < v->n_slots; i++)
    {
      SlotInfo *si = &v->slots[i];

      if (si->machine == NONE || si->pinned || si->end <= si->start ||
          si->host_reboot || v->machine_group[si->machine] == NONE)
        continue;
      count[v->machine_group[si->machine]]++;
      n++;
    }

  for (guint g = 1; g <= n_groups; g++)
    first[g] = first[g - 1] + count[g - 1];
  fill = g_memdup2 (first, sizeof (guint) * (n_groups + 1));
  for (guint i = 0; i < v->n_slots; i++)
    {
      SlotInfo *si = &v->slots[i];

      if (si->machine == NONE || si->pinned || si->end <= si->start ||
          si->host_reboot || v->machine_group[si->machine] == NONE)
        continue;
      order[fill[v->machine_group[si->machine]]++] = i;
    }

  for (guint g = 0; g < n_groups; g++)
    {
      guint *members = order + first[g];
      guint m = count[g];
      guint c = 0;

      if (m == 0)
        continue;
      g_qsort_with_data (members, m, sizeof (guint), compare_slot_start, v->slots);

      while (c < m)
        {
          gint64 from = v->slots[members[c]].start;
          gint64 to = v->slots[members[c]].end;
          guint e = c + 1;

          while (e < m && v->slots[members[e]].start <= to + WINDOW_CLUSTER_GAP)
            {
              to = MAX (to, v->slots[members[e]].end);
              e++;
            }
          check_cluster_windows (v, g_ptr_array_index (v->groups, g),
                                 members + c, e - c,
                                 MAX (from - WINDOW_MARGIN, MAINT_INSTANT_MIN),
                                 MIN (to + WINDOW_MARGIN, MAINT_INSTANT_MAX));
          c = e;
        }
    }
}

static int
compare_downs (gconstpointer a,
               gconstpointer b)
{
  const Down *x = a, *y = b;

  if (x->machine != y->machine)
    return x->machine < y->machine ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  if (x->via_host != y->via_host)
    return x->via_host ? 1 : -1;
  if (x->slot != y->slot)
    return x->slot < y->slot ? -1 : 1;
  return 0;
}

static void
index_downs (Verifier *v)
{
  guint n_machines = v->machines->len;

  g_array_sort (v->downs, compare_downs);
  g_free (v->down_first);
  g_free (v->down_count);
  v->down_first = g_new0 (guint, MAX (n_machines, 1));
  v->down_count = g_new0 (guint, MAX (n_machines, 1));
  for (guint i = v->downs->len; i > 0; i--)
    {
      Down *d = &g_array_index (v->downs, Down, i - 1);

      v->down_first[d->machine] = i - 1;
      v->down_count[d->machine]++;
    }
}

static void
add_slot_activities (Verifier  *v,
                     GPtrArray *activities,
                     const Down *d)
{
  if (d->via_host || d->slot == NONE)
    return;
  for (guint k = 0; v->slots[d->slot].activities[k] != NULL; k++)
    g_ptr_array_add (activities, (gpointer) v->slots[d->slot].activities[k]);
}

/* Downtime of every machine: its own slots; for the guests of a host,
 * every slot in which the host reboots (derived here, so a plan that does
 * not list its host downtime cannot hide it); and the plan's host downtime
 * entries, checked against the fleet and the host's slots and counted
 * too. MACHINE_OVERLAP comes out on the way. */
static void
collect_downs (Verifier *v)
{
  GPtrArray *host_downtime = maint_plan_get_host_downtime (v->plan);
  GArray *extra = g_array_new (FALSE, FALSE, sizeof (Down));
  guint n_machines = v->machines->len;
  g_autofree guint *guest_first = g_new0 (guint, n_machines + 1);
  g_autofree guint *guests = g_new (guint, MAX (n_machines, 1));
  g_autofree guint *fill = NULL;

  v->downs = g_array_new (FALSE, FALSE, sizeof (Down));
  for (guint i = 0; i < v->n_slots; i++)
    {
      SlotInfo *si = &v->slots[i];
      Down d = { si->machine, si->start, si->end, si->pinned, FALSE, i, NULL };

      if (si->machine == NONE || si->end <= si->start)
        continue;
      g_array_append_val (v->downs, d);
    }
  index_downs (v);

  /* Two slots of one machine must not overlap. */
  for (guint m = 0; m < v->machines->len; m++)
    {
      const Down *latest = NULL;

      for (guint i = 0; i < v->down_count[m]; i++)
        {
          const Down *d = &g_array_index (v->downs, Down, v->down_first[m] + i);

          if (latest != NULL && d->start < latest->end && !(d->pinned && latest->pinned))
            {
              g_autoptr(GPtrArray) machines = g_ptr_array_new ();
              g_autoptr(GPtrArray) activities = g_ptr_array_new ();
              g_autofree char *as = maint_instant_format (latest->start);
              g_autofree char *ae = maint_instant_format (latest->end);
              g_autofree char *bs = maint_instant_format (d->start);
              g_autofree char *be = maint_instant_format (d->end);

              g_ptr_array_add (machines, (gpointer) machine_name (v, m));
              add_slot_activities (v, activities, latest);
              add_slot_activities (v, activities, d);
              report (v, MAINT_CONSTRAINT_MACHINE_OVERLAP, machines, activities,
                      d->start, MIN (d->end, latest->end),
                      "slots of %s from %s to %s and from %s to %s overlap",
                      machine_name (v, m), as, ae, bs, be);
            }
          if (latest == NULL || d->end > latest->end)
            latest = d;
        }
    }

  /* guests of each host */
  for (guint m = 0; m < n_machines; m++)
    if (v->machine_host[m] != NONE)
      guest_first[v->machine_host[m] + 1]++;
  for (guint m = 1; m <= n_machines; m++)
    guest_first[m] += guest_first[m - 1];
  fill = g_memdup2 (guest_first, sizeof (guint) * (n_machines + 1));
  for (guint m = 0; m < n_machines; m++)
    if (v->machine_host[m] != NONE)
      guests[fill[v->machine_host[m]]++] = m;

  for (guint i = 0; i < v->downs->len; i++)
    {
      const Down *hs = &g_array_index (v->downs, Down, i);

      if (!v->slots[hs->slot].reboots)
        continue;
      for (guint k = guest_first[hs->machine]; k < guest_first[hs->machine + 1]; k++)
        {
          Down d = { guests[k], hs->start, hs->end, hs->pinned, TRUE, NONE,
                     machine_name (v, hs->machine) };

          g_array_append_val (extra, d);
        }
    }

  for (guint i = 0; i < host_downtime->len; i++)
    {
      MaintHostDowntime *hd = g_ptr_array_index (host_downtime, i);
      const char *guest_name = maint_host_downtime_get_guest (hd);
      const char *host_name = maint_host_downtime_get_host (hd);
      gint64 start = maint_host_downtime_get_start (hd);
      gint64 end = maint_host_downtime_get_end (hd);
      guint guest = lookup_index (v->machine_index, guest_name);
      guint host = lookup_index (v->machine_index, host_name);
      g_autoptr(GPtrArray) machines = g_ptr_array_new ();
      g_autofree char *s = maint_instant_format (start);
      g_autofree char *e = maint_instant_format (end);
      const Down *cause = NULL;
      Down d = { guest, start, end, FALSE, TRUE, NONE, host_name };

      if (guest_name != NULL)
        g_ptr_array_add (machines, (gpointer) guest_name);
      if (host_name != NULL)
        g_ptr_array_add (machines, (gpointer) host_name);

      if (guest == NONE || host == NONE)
        {
          report (v, MAINT_CONSTRAINT_REFERENCE, machines, NULL, start, end,
                  "host downtime of guest %s on host %s from %s to %s names a machine the fleet does not have",
                  guest_name ? guest_name : "(none)", host_name ? host_name : "(none)", s, e);
          if (guest == NONE)
            continue;
        }
      else if (v->machine_host[guest] != host)
        report (v, MAINT_CONSTRAINT_REFERENCE, machines, NULL, start, end,
                "host downtime of guest %s on host %s from %s to %s, but %s does not run on %s",
                guest_name, host_name, s, e, guest_name, host_name);

      if (end <= start)
        {
          report (v, MAINT_CONSTRAINT_REFERENCE, machines, NULL, start, end,
                  "host downtime of guest %s on host %s from %s to %s ends before it starts",
                  guest_name, host_name ? host_name : "(none)", s, e);
          continue;
        }

      if (host != NONE)
        for (guint k = 0; k < v->down_count[host]; k++)
          {
            const Down *hs = &g_array_index (v->downs, Down, v->down_first[host] + k);

            if (hs->start <= start && end <= hs->end)
              {
                cause = hs;
                break;
              }
          }
      if (host != NONE && cause == NULL)
        report (v, MAINT_CONSTRAINT_REFERENCE, machines, NULL, start, end,
                "host downtime of guest %s from %s to %s lies in no slot of host %s",
                guest_name, s, e, host_name);

      /* Within a rebooting host slot it is counted already. */
      if (cause != NULL && v->slots[cause->slot].reboots)
        continue;
      /* Downtime caused by an announced host slot is as fixed as it is. */
      d.pinned = cause != NULL && cause->pinned;
      g_array_append_val (extra, d);
    }

  g_array_append_vals (v->downs, extra->data, extra->len);
  g_array_unref (extra);
  index_downs (v);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *x = a, *y = b;

  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  /* intervals are half-open: what ends at t is not down at t */
  if (x->is_start != y->is_start)
    return x->is_start ? 1 : -1;
  if (x->down != y->down)
    return x->down < y->down ? -1 : 1;
  return 0;
}

typedef struct {
  GPtrArray *machines;
  GPtrArray *activities;
  gboolean all_pinned;
  guint peak;
} Episode;

static void
episode_add (Verifier   *v,
             Episode    *ep,
             const Down *d)
{
  if (v->stamp[d->machine] != v->epoch)
    {
      v->stamp[d->machine] = v->epoch;
      g_ptr_array_add (ep->machines, (gpointer) machine_name (v, d->machine));
    }
  add_slot_activities (v, ep->activities, d);
  if (!d->pinned)
    ep->all_pinned = FALSE;
}

/* Finds every maximal interval during which more than @limit distinct
 * machines of @items (indices into downs) are down, by a sweep over the
 * sorted start and end events. @what names the counted machines
 * ("guests of host h1") and @rule the limit ("the policy's
 * max_concurrent_per_host"). */
static void
check_concurrency (Verifier        *v,
                   const guint     *items,
                   guint            n,
                   guint            limit,
                   MaintConstraint  constraint,
                   const char      *what,
                   const char      *rule)
{
  g_autofree Event *events = NULL;
  g_autofree guint *active = NULL;
  g_autofree guint *position = NULL;
  g_autofree guint *batch = NULL;
  guint *machine_active = v->machine_active;
  guint n_active = 0, count = 0;
  gboolean over = FALSE;
  gint64 over_start = 0;
  Episode ep = { NULL, NULL, TRUE, 0 };

  /* 0 means "unlimited" for the policy and group limits, and callers skip
   * those; a service's 0 (invalid in a fleet file) means none may be down. */
  if (n <= limit)
    return;

  events = g_new (Event, 2 * n);
  active = g_new (guint, n);
  position = g_new (guint, n);
  batch = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    {
      const Down *d = &g_array_index (v->downs, Down, items[i]);

      events[2 * i] = (Event) { d->start, i, TRUE };
      events[2 * i + 1] = (Event) { d->end, i, FALSE };
    }
  qsort (events, 2 * n, sizeof (Event), compare_events);

  for (guint j = 0; j < 2 * n;)
    {
      gint64 t = events[j].time;
      guint n_batch = 0;

      for (; j < 2 * n && events[j].time == t; j++)
        {
          guint i = events[j].down;
          const Down *d = &g_array_index (v->downs, Down, items[i]);

          if (events[j].is_start)
            {
              position[i] = n_active;
              active[n_active++] = i;
              batch[n_batch++] = i;
              if (machine_active[d->machine]++ == 0)
                count++;
            }
          else
            {
              guint last = active[--n_active];

              active[position[i]] = last;
              position[last] = position[i];
              if (--machine_active[d->machine] == 0)
                count--;
            }
        }

      if (count > limit && !over)
        {
          over = TRUE;
          over_start = t;
          v->epoch++;
          ep.machines = g_ptr_array_new ();
          ep.activities = g_ptr_array_new ();
          ep.all_pinned = TRUE;
          ep.peak = count;
          for (guint k = 0; k < n_active; k++)
            episode_add (v, &ep, &g_array_index (v->downs, Down, items[active[k]]));
        }
      else if (count > limit)
        {
          ep.peak = MAX (ep.peak, count);
          for (guint k = 0; k < n_batch; k++)
            episode_add (v, &ep, &g_array_index (v->downs, Down, items[batch[k]]));
        }
      else if (over)
        {
          over = FALSE;
          /* the plan could not have avoided what announced slots do */
          if (!ep.all_pinned)
            {
              g_autofree char *s = maint_instant_format (over_start);
              g_autofree char *e = maint_instant_format (t);
              g_autoptr(GPtrArray) copy = g_ptr_array_copy (ep.machines, NULL, NULL);
              g_auto(GStrv) names = sorted_strv (copy);
              GString *list = g_string_new (NULL);

              append_names (list, names);
              report (v, constraint, ep.machines, ep.activities, over_start, t,
                      "%u %s are down at once from %s to %s, more than %s of %u: %s",
                      ep.peak, what, s, e, rule, limit, list->str);
              g_string_free (list, TRUE);
            }
          g_clear_pointer (&ep.machines, g_ptr_array_unref);
          g_clear_pointer (&ep.activities, g_ptr_array_unref);
        }
    }

  g_assert (!over);
}

/* Indices of the downs of @machine, own only or with host downtime. */
static void
append_machine_downs (Verifier *v,
                      GArray   *items,
                      guint     machine,
                      gboolean  with_host)
{
  for (guint k = 0; k < v->down_count[machine]; k++)
    {
      guint index = v->down_first[machine] + k;

      if (with_host || !g_array_index (v->downs, Down, index).via_host)
        g_array_append_val (items, index);
    }
}

/* FLEET_CONCURRENCY, HOST_CONCURRENCY, GROUP_CONCURRENCY. */
static void
check_capacity (Verifier *v)
{
  guint n_machines = v->machines->len;
  guint fleet_limit = maint_policy_get_max_concurrent (v->policy);
  guint host_limit = maint_policy_get_max_concurrent_per_host (v->policy);

  if (fleet_limit > 0)
    {
      g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (guint));

      /* Own slots only: see the documentation of maint_verify_plan() */
      for (guint i = 0; i < v->downs->len; i++)
        if (!g_array_index (v->downs, Down, i).via_host)
          g_array_append_val (items, i);
      check_concurrency (v, (guint *) items->data, items->len, fleet_limit,
                         MAINT_CONSTRAINT_FLEET_CONCURRENCY,
                         "machines", "the policy's max_concurrent");
    }

  if (host_limit > 0)
    {
      /* Guests per host, own slots only: the host's reboot takes all of
       * them down as one event and is not held against this limit. */
      g_autofree guint *first = g_new0 (guint, n_machines + 1);
      g_autofree guint *fill = NULL;
      g_autofree guint *items = g_new (guint, MAX (v->downs->len, 1));

      for (guint i = 0; i < v->downs->len; i++)
        {
          const Down *d = &g_array_index (v->downs, Down, i);

          if (!d->via_host && v->machine_host[d->machine] != NONE)
            first[v->machine_host[d->machine] + 1]++;
        }
      for (guint h = 1; h <= n_machines; h++)
        first[h] += first[h - 1];
      fill = g_memdup2 (first, sizeof (guint) * (n_machines + 1));
      for (guint i = 0; i < v->downs->len; i++)
        {
          const Down *d = &g_array_index (v->downs, Down, i);

          if (!d->via_host && v->machine_host[d->machine] != NONE)
            items[fill[v->machine_host[d->machine]]++] = i;
        }
      for (guint h = 0; h < n_machines; h++)
        if (first[h + 1] > first[h])
          {
            g_autofree char *what = g_strdup_printf ("guests of host %s", machine_name (v, h));

            check_concurrency (v, items + first[h], first[h + 1] - first[h], host_limit,
                               MAINT_CONSTRAINT_HOST_CONCURRENCY,
                               what, "the policy's max_concurrent_per_host");
          }
    }

  {
    guint n_groups = v->groups->len;
    g_autofree guint *first = g_new0 (guint, n_groups + 1);
    g_autofree guint *fill = NULL;
    g_autofree guint *items = g_new (guint, MAX (v->downs->len, 1));

    for (guint i = 0; i < v->downs->len; i++)
      {
        const Down *d = &g_array_index (v->downs, Down, i);

        if (!d->via_host && v->machine_group[d->machine] != NONE)
          first[v->machine_group[d->machine] + 1]++;
      }
    for (guint g = 1; g <= n_groups; g++)
      first[g] += first[g - 1];
    fill = g_memdup2 (first, sizeof (guint) * (n_groups + 1));
    for (guint i = 0; i < v->downs->len; i++)
      {
        const Down *d = &g_array_index (v->downs, Down, i);

        if (!d->via_host && v->machine_group[d->machine] != NONE)
          items[fill[v->machine_group[d->machine]]++] = i;
      }
    for (guint g = 0; g < n_groups; g++)
      {
        MaintResourceGroup *group = g_ptr_array_index (v->groups, g);
        guint limit = maint_resource_group_get_max_concurrent (group);

        if (limit > 0 && first[g + 1] > first[g])
          {
            g_autofree char *what =
              g_strdup_printf ("machines of group %s", maint_resource_group_get_name (group));

            check_concurrency (v, items + first[g], first[g + 1] - first[g], limit,
                               MAINT_CONSTRAINT_GROUP_CONCURRENCY,
                               what, "its max_concurrent");
          }
      }
  }
}

static int
compare_down_start (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  GArray *downs = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  const Down *x = &g_array_index (downs, Down, i);
  const Down *y = &g_array_index (downs, Down, j);

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return i < j ? -1 : (i > j ? 1 : 0);
}

static char *
describe_down (Verifier   *v,
               const Down *d)
{
  g_autofree char *s = maint_instant_format (d->start);
  g_autofree char *e = maint_instant_format (d->end);

  if (d->via_host)
    return g_strdup_printf ("%s (down for host %s's reboot from %s to %s)",
                            machine_name (v, d->machine), d->host, s, e);
  return g_strdup_printf ("%s (slot from %s to %s)", machine_name (v, d->machine), s, e);
}

static void
report_pair (Verifier        *v,
             MaintConstraint  constraint,
             const Down      *a,
             const Down      *b,
             gint64           start,
             gint64           end,
             const char      *message)
{
  g_autoptr(GPtrArray) machines = g_ptr_array_new ();
  g_autoptr(GPtrArray) activities = g_ptr_array_new ();

  g_ptr_array_add (machines, (gpointer) machine_name (v, a->machine));
  g_ptr_array_add (machines, (gpointer) machine_name (v, b->machine));
  add_slot_activities (v, activities, a);
  add_slot_activities (v, activities, b);
  report (v, constraint, machines, activities, start, end, "%s", message);
}

/* SERVICE_SPACING: every pair of downtimes of two different members
 * whose gap (later start minus earlier end) is below the spacing. The
 * sweep keeps only the downtimes that can still be too close, so the work
 * is proportional to the downtimes plus the violations found. */
static void
check_spacing (Verifier     *v,
               MaintService *service,
               GArray       *items)
{
  gint64 spacing = maint_service_get_spacing (service);
  g_autoptr(GArray) recent = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *need = NULL;

  if (spacing <= 0)
    return;
  need = maint_duration_format (spacing);

  g_array_sort_with_data (items, compare_down_start, v->downs);
  for (guint i = 0; i < items->len; i++)
    {
      const Down *b = &g_array_index (v->downs, Down, g_array_index (items, guint, i));

      for (guint k = 0; k < recent->len;)
        {
          const Down *a = &g_array_index (v->downs, Down, g_array_index (recent, guint, k));

          if (a->end + spacing <= b->start)
            {
              g_array_remove_index_fast (recent, k);
              continue;
            }
          k++;
        }

      for (guint k = 0; k < recent->len; k++)
        {
          const Down *a = &g_array_index (v->downs, Down, g_array_index (recent, guint, k));
          g_autofree char *da = NULL, *db = NULL, *message = NULL;

          if (a->machine == b->machine || (a->pinned && b->pinned))
            continue;
          da = describe_down (v, a);
          db = describe_down (v, b);
          if (b->start < a->end)
            message = g_strdup_printf ("downtimes of %s and %s of service %s overlap, "
                                       "but the service needs them %s apart",
                                       da, db, maint_service_get_name (service), need);
          else
            {
              g_autofree char *gap = maint_duration_format (b->start - a->end);

              message = g_strdup_printf ("downtimes of %s and %s of service %s are only %s apart, "
                                         "but the service needs them %s apart",
                                         da, db, maint_service_get_name (service), gap, need);
            }
          report_pair (v, MAINT_CONSTRAINT_SERVICE_SPACING, a, b,
                       MIN (a->end, b->start), MAX (a->end, b->start), message);
        }

      g_array_append_val (recent, g_array_index (items, guint, i));
    }
}

/* SERVICE_ORDER, on the members' own slots: a host reboot takes all its
 * guests down at once and is no step of the service's order. Members
 * without a slot in the plan are skipped, so [a, b, c] with b idle
 * still needs a before c. */
static void
check_order (Verifier     *v,
             MaintService *service)
{
  const char * const *order = maint_service_get_order (service);
  const Down *previous_last = NULL;
  guint previous = NONE;

  if (order == NULL)
    return;

  v->epoch++;
  for (guint i = 0; order[i] != NULL; i++)
    {
      guint m = lookup_index (v->machine_index, order[i]);
      const Down *last = NULL;

      if (m == NONE || v->stamp[m] == v->epoch)
        continue;
      v->stamp[m] = v->epoch;

      for (guint k = 0; k < v->down_count[m]; k++)
        {
          const Down *d = &g_array_index (v->downs, Down, v->down_first[m] + k);

          if (d->via_host)
            continue;
          if (previous_last != NULL && d->start < previous_last->end &&
              !(d->pinned && previous_last->pinned))
            {
              g_autofree char *dp = describe_down (v, previous_last);
              g_autofree char *dd = describe_down (v, d);
              g_autofree char *message =
                g_strdup_printf ("service %s takes %s down before %s, but %s starts before %s ends",
                                 maint_service_get_name (service),
                                 machine_name (v, previous), order[i], dd, dp);

              report_pair (v, MAINT_CONSTRAINT_SERVICE_ORDER, previous_last, d,
                           d->start, previous_last->end, message);
            }
          if (last == NULL || d->end > last->end)
            last = d;
        }

      if (last != NULL)
        {
          previous = m;
          previous_last = last;
        }
    }
}

/* SERVICE_UNAVAILABLE, SERVICE_SPACING, SERVICE_ORDER. */
static void
check_services (Verifier *v)
{
  GPtrArray *services = maint_fleet_get_services (v->fleet);

  for (guint s = 0; s < services->len; s++)
    {
      MaintService *service = g_ptr_array_index (services, s);
      const char * const *members = maint_service_get_members (service);
      g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autofree char *what = NULL;

      v->epoch++;
      for (guint i = 0; members != NULL && members[i] != NULL; i++)
        {
          guint m = lookup_index (v->machine_index, members[i]);

          if (m == NONE || v->stamp[m] == v->epoch)
            continue;
          v->stamp[m] = v->epoch;
          append_machine_downs (v, items, m, TRUE);
        }

      what = g_strdup_printf ("members of service %s", maint_service_get_name (service));
      check_concurrency (v, (guint *) items->data, items->len,
                         maint_service_get_max_unavailable (service),
                         MAINT_CONSTRAINT_SERVICE_UNAVAILABLE, what, "its max_unavailable");
      check_spacing (v, service, items);
      check_order (v, service);
    }
}

/* ------------------------------------------------------------------------
 * Rollouts (doc/rollout-contract.txt)
 * --------------------------------------------------------------------- */

static const char *
rollout_name (Verifier *v,
              guint     r)
{
  return maint_rollout_get_name (g_ptr_array_index (v->rollouts, r));
}

static const char *
wave_name (Verifier *v,
           guint     r,
           guint     w)
{
  return maint_wave_get_name (g_ptr_array_index (maint_rollout_get_waves (g_ptr_array_index (v->rollouts, r)), w));
}

static gboolean
wave_selects (Verifier  *v,
              MaintWave *wave,
              guint      m)
{
  MaintMachine *machine = g_ptr_array_index (v->machines, m);
  MaintStage stage = maint_wave_get_select_stage (wave);

  if (maint_wave_get_select_by_kind (wave) &&
      maint_machine_get_kind (machine) != maint_wave_get_select_kind (wave))
    return FALSE;
  if (maint_wave_get_select_representative (wave) && !maint_machine_get_representative (machine))
    return FALSE;
  if (stage != MAINT_STAGE_NONE && v->machine_stage[m] != stage)
    return FALSE;
  return TRUE;
}

/* "vm1, vm2 and 3 more" */
static char *
list_names (GPtrArray *names)
{
  g_autoptr(GPtrArray) copy = g_ptr_array_copy (names, NULL, NULL);
  g_auto(GStrv) sorted = sorted_strv (copy);
  GString *str = g_string_new (NULL);

  append_names (str, sorted);
  return g_string_free (str, FALSE);
}

static void
report_machine (Verifier        *v,
                guint            m,
                const char      *activity,
                gint64           start,
                gint64           end,
                const char      *message)
{
  g_autoptr(GPtrArray) machines = g_ptr_array_new ();
  g_autoptr(GPtrArray) activities = g_ptr_array_new ();

  g_ptr_array_add (machines, (gpointer) machine_name (v, m));
  if (activity != NULL)
    g_ptr_array_add (activities, (gpointer) activity);
  report (v, MAINT_CONSTRAINT_ROLLOUT, machines, activities, start, end, "%s", message);
}

/* What put a machine in its wave for check_waves(): a slot, or (NONE)
 * its generated activity that a simulation already ran. */
static char *
describe_known (Verifier *v,
                guint     slot)
{
  return slot != NONE ? describe_slot (&v->slots[slot]) : g_strdup ("activity that already ran");
}

static gint64
known_start (Verifier *v,
             guint     slot)
{
  return slot != NONE ? v->slots[slot].start : 0;
}

static gint64
known_end (Verifier *v,
           guint     slot)
{
  return slot != NONE ? v->slots[slot].end : 0;
}

/* R1 and R2: which wave each machine is in. The plan says it for the
 * machines with a slot (the slot's `wave`); a machine whose rollout
 * activity is unscheduled or absorbed carries no wave, so those are
 * placed here: in the select wave that matches them, else in share waves
 * that still lack machines (first those no later select wave would take,
 * then those a later select wave would take, soonest first). Fills
 * @member (per machine: wave index or NONE). */
static void
check_waves (Verifier       *v,
             guint           r,
             const gboolean *present,
             guint          *member)
{
  GPtrArray *waves = maint_rollout_get_waves (g_ptr_array_index (v->rollouts, r));
  const char *rname = rollout_name (v, r);
  guint n = v->machines->len;
  g_autofree guint *known = g_new (guint, MAX (n, 1));
  g_autofree guint *known_slot = g_new (guint, MAX (n, 1));
  g_autofree gboolean *reported = g_new0 (gboolean, MAX (n, 1));

  for (guint m = 0; m < n; m++)
    known[m] = member[m] = NONE;

  /* Machines whose generated activity a simulation ran: in the wave it
   * ran in, with no slot any more */
  for (guint i = 0; i < v->generated->len; i++)
    {
      const Generated *gen = &g_array_index (v->generated, Generated, i);

      if (gen->rollout == r && gen->finished && !gen->host_reboot && gen->wave != NONE &&
          gen->wave < waves->len)
        {
          known[gen->machine] = gen->wave;
          known_slot[gen->machine] = NONE;
        }
    }

  for (guint i = 0; i < v->n_slots; i++)
    {
      SlotInfo *si = &v->slots[i];
      guint m = si->machine;

      if (si->rollout != r || si->host_reboot || si->wave == NONE || m == NONE)
        continue;
      if (known[m] == NONE)
        {
          known[m] = si->wave;
          known_slot[m] = i;
        }
      else if (known[m] != si->wave && !reported[m])
        {
          g_autofree char *a = describe_known (v, known_slot[m]);
          g_autofree char *b = describe_slot (si);
          g_autofree char *message =
            g_strdup_printf ("%s is in two waves of rollout %s: %s in %s and %s in %s",
                             machine_name (v, m), rname,
                             wave_name (v, r, known[m]), a, wave_name (v, r, si->wave), b);

          reported[m] = TRUE;
          report_machine (v, m, NULL, known_slot[m] != NONE ? MIN (si->start, v->slots[known_slot[m]].start) : si->start,
                          known_slot[m] != NONE ? MAX (si->end, v->slots[known_slot[m]].end) : si->end,
                          message);
        }
    }

  for (guint w = 0; w < waves->len; w++)
    {
      MaintWave *wave = g_ptr_array_index (waves, w);
      gdouble share = maint_wave_get_share (wave);
      const char *wname = maint_wave_get_name (wave);
      guint remaining = 0, want, taken = 0;

      if (share <= 0.0)
        {
          for (guint m = 0; m < n; m++)
            {
              g_autofree char *id = NULL;
              g_autofree char *message = NULL;

              if (!is_target (v, m) || member[m] != NONE || !wave_selects (v, wave, m))
                continue;
              member[m] = w;
              if (known[m] != NONE && known[m] != w)
                {
                  g_autofree char *slot = describe_known (v, known_slot[m]);

                  if (reported[m])
                    continue;
                  reported[m] = TRUE;
                  message = g_strdup_printf ("%s belongs to wave %s of rollout %s, which selects it, "
                                             "but its %s is in wave %s",
                                             machine_name (v, m), wname, rname, slot,
                                             wave_name (v, r, known[m]));
                  report_machine (v, m, NULL, known_start (v, known_slot[m]),
                                  known_end (v, known_slot[m]), message);
                }
              else if (!present[m])
                {
                  id = g_strdup_printf ("%s/%s", rname, machine_name (v, m));
                  message = g_strdup_printf ("%s belongs to wave %s of rollout %s, which selects it, "
                                             "but its activity %s is neither in a slot, nor unscheduled, "
                                             "nor absorbed by a host reboot",
                                             machine_name (v, m), wname, rname, id);
                  report_machine (v, m, id, 0, 0, message);
                }
            }
          continue;
        }

      for (guint m = 0; m < n; m++)
        if (is_target (v, m) && member[m] == NONE)
          remaining++;
      {
        /* ceil (share × remaining), without libm */
        gdouble x = share * remaining;

        want = (guint) x;
        if ((gdouble) want < x)
          want++;
        want = MIN (want, remaining);
      }

      for (guint m = 0; m < n; m++)
        if (is_target (v, m) && member[m] == NONE && known[m] == w)
          {
            member[m] = w;
            taken++;
            if (!present[m])
              {
                g_autofree char *id = g_strdup_printf ("%s/%s", rname, machine_name (v, m));
                g_autofree char *slot = describe_known (v, known_slot[m]);
                g_autofree char *message =
                  g_strdup_printf ("%s is in wave %s of rollout %s (its %s), but its activity %s "
                                   "is neither in a slot, nor unscheduled, nor absorbed by a host reboot",
                                   machine_name (v, m), wname, rname, slot, id);

                report_machine (v, m, id, 0, 0, message);
              }
          }

      /* machines with no wave in the plan: first those no later select
       * wave would take (pass 0), then those select wave w + pass would */
      for (guint pass = 0; w + pass < waves->len && taken < want; pass++)
        for (guint m = 0; m < n && taken < want; m++)
          {
            guint later = waves->len;

            if (!is_target (v, m) || member[m] != NONE || known[m] != NONE || !present[m])
              continue;
            for (guint j = w + 1; j < waves->len; j++)
              {
                MaintWave *next = g_ptr_array_index (waves, j);

                if (maint_wave_get_share (next) <= 0.0 && wave_selects (v, next, m))
                  {
                    later = j;
                    break;
                  }
              }
            if (later == (pass == 0 ? waves->len : w + pass))
              {
                member[m] = w;
                taken++;
              }
          }

      if (taken != want)
        {
          g_autoptr(GPtrArray) machines = g_ptr_array_new ();
          g_autofree char *list = NULL;

          for (guint m = 0; m < n; m++)
            if (member[m] == w)
              g_ptr_array_add (machines, (gpointer) machine_name (v, m));
          list = list_names (machines);
          report (v, MAINT_CONSTRAINT_ROLLOUT, machines, NULL, 0, 0,
                  "wave %s of rollout %s takes %g of the %u machines left, %u, but the plan puts %u in it%s%s",
                  wname, rname, share, remaining, want, taken,
                  machines->len ? ": " : "", list);
        }
    }

  for (guint m = 0; m < n; m++)
    {
      g_autofree char *message = NULL;

      if (reported[m])
        continue;
      if (known[m] != NONE && member[m] != known[m])
        {
          g_autofree char *slot = describe_known (v, known_slot[m]);

          if (member[m] != NONE)
            message = g_strdup_printf ("%s belongs to wave %s of rollout %s, but its %s is in wave %s",
                                       machine_name (v, m), wave_name (v, r, member[m]), rname,
                                       slot, wave_name (v, r, known[m]));
          else
            message = g_strdup_printf ("%s is in no wave of rollout %s (wave %s does not take it), "
                                       "but its %s is in wave %s",
                                       machine_name (v, m), rname, wave_name (v, r, known[m]),
                                       slot, wave_name (v, r, known[m]));
          report_machine (v, m, NULL, known_start (v, known_slot[m]),
                          known_end (v, known_slot[m]), message);
        }
      else if (present[m] && member[m] == NONE)
        {
          g_autofree char *id = g_strdup_printf ("%s/%s", rname, machine_name (v, m));

          message = g_strdup_printf ("activity %s is in the plan, but %s is in no wave of rollout %s",
                                     id, machine_name (v, m), rname);
          report_machine (v, m, id, 0, 0, message);
        }
    }
}

/* R4: every testing or staging slot of the rollout ends staging_lead
 * before its first production slot starts. Host reboots are of no wave
 * and no stage here. */
static void
check_staging_lead (Verifier *v,
                    guint     r)
{
  gint64 lead = maint_rollout_get_staging_lead (g_ptr_array_index (v->rollouts, r));
  SlotInfo *first = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *lead_text = NULL;
  g_autofree char *limit_text = NULL;

  for (guint i = 0; i < v->n_slots; i++)
    {
      SlotInfo *si = &v->slots[i];

      if (si->rollout == r && !si->host_reboot && si->machine != NONE &&
          v->machine_stage[si->machine] == MAINT_STAGE_PRODUCTION &&
          (first == NULL || si->start < first->start))
        first = si;
    }
  if (first == NULL)
    return;

  first_text = describe_slot (first);
  lead_text = maint_duration_format (lead);
  limit_text = maint_instant_format (first->start - lead);
  for (guint i = 0; i < v->n_slots; i++)
    {
      SlotInfo *si = &v->slots[i];
      MaintStage stage;
      g_autoptr(GPtrArray) machines = NULL;
      g_autoptr(GPtrArray) activities = NULL;
      g_autofree char *what = NULL;

      if (si->rollout != r || si->host_reboot || si->machine == NONE)
        continue;
      stage = v->machine_stage[si->machine];
      if ((stage != MAINT_STAGE_TESTING && stage != MAINT_STAGE_STAGING) ||
          si->end <= first->start - lead)
        continue;

      machines = g_ptr_array_new ();
      activities = g_ptr_array_new ();
      g_ptr_array_add (machines, (gpointer) machine_name (v, si->machine));
      g_ptr_array_add (machines, (gpointer) machine_name (v, first->machine));
      for (guint k = 0; si->activities[k] != NULL; k++)
        g_ptr_array_add (activities, (gpointer) si->activities[k]);
      what = describe_slot (si);
      report (v, MAINT_CONSTRAINT_ROLLOUT, machines, activities, si->start, si->end,
              "%s (%s) ends after %s, but rollout %s needs testing and staging done %s "
              "before its first production slot, the %s",
              what, stage == MAINT_STAGE_TESTING ? "testing" : "staging", limit_text,
              rollout_name (v, r), lead_text, first_text);
    }
}

/* Machines by host (guests) and host downtime entries by guest. */
typedef struct {
  guint *guest_first;            /* n_machines + 1 */
  guint *guests;
  guint *hd_first;               /* n_machines + 1 */
  guint *hd;                     /* entry indices by guest */
} HostIndex;

static void
host_index_init (Verifier  *v,
                 HostIndex *hi)
{
  GPtrArray *entries = maint_plan_get_host_downtime (v->plan);
  guint n = v->machines->len;
  g_autofree guint *fill = NULL;
  g_autofree guint *entry_guest = g_new (guint, MAX (entries->len, 1));

  hi->guest_first = g_new0 (guint, n + 1);
  hi->guests = g_new (guint, MAX (n, 1));
  for (guint m = 0; m < n; m++)
    if (v->machine_host[m] != NONE)
      hi->guest_first[v->machine_host[m] + 1]++;
  for (guint m = 1; m <= n; m++)
    hi->guest_first[m] += hi->guest_first[m - 1];
  fill = g_memdup2 (hi->guest_first, sizeof (guint) * (n + 1));
  for (guint m = 0; m < n; m++)
    if (v->machine_host[m] != NONE)
      hi->guests[fill[v->machine_host[m]]++] = m;
  g_clear_pointer (&fill, g_free);

  hi->hd_first = g_new0 (guint, n + 1);
  hi->hd = g_new (guint, MAX (entries->len, 1));
  for (guint i = 0; i < entries->len; i++)
    {
      entry_guest[i] = lookup_index (v->machine_index,
                                     maint_host_downtime_get_guest (g_ptr_array_index (entries, i)));
      if (entry_guest[i] != NONE)
        hi->hd_first[entry_guest[i] + 1]++;
    }
  for (guint m = 1; m <= n; m++)
    hi->hd_first[m] += hi->hd_first[m - 1];
  fill = g_memdup2 (hi->hd_first, sizeof (guint) * (n + 1));
  for (guint i = 0; i < entries->len; i++)
    if (entry_guest[i] != NONE)
      hi->hd[fill[entry_guest[i]]++] = i;
}

static void
host_index_clear (HostIndex *hi)
{
  g_clear_pointer (&hi->guest_first, g_free);
  g_clear_pointer (&hi->guests, g_free);
  g_clear_pointer (&hi->hd_first, g_free);
  g_clear_pointer (&hi->hd, g_free);
}

static guint
covered (Verifier *v,
         guint     a)
{
  return v->in_slots[a] + v->in_unscheduled[a] + v->in_absorbed[a];
}

/* R5: a host reboot of the rollout lies in host_reboots, after the
 * notice of the host's group, after the rollout slots of all its guests,
 * and comes with one host downtime entry per guest of exactly its
 * interval; every host with a guest in the rollout has one. */
static void
check_host_reboots (Verifier       *v,
                    guint           r,
                    const gboolean *present,
                    HostIndex      *hi)
{
  MaintRollout *rollout = g_ptr_array_index (v->rollouts, r);
  MaintInterval *window = maint_rollout_get_host_reboots (rollout);
  GPtrArray *entries = maint_plan_get_host_downtime (v->plan);
  const char *rname = rollout_name (v, r);
  guint n = v->machines->len;
  g_autofree gboolean *has_guests = g_new0 (gboolean, MAX (n, 1));

  for (guint m = 0; m < n; m++)
    if (present[m] && v->machine_host[m] != NONE)
      has_guests[v->machine_host[m]] = TRUE;

  for (guint i = 0; i < v->n_slots; i++)
    {
      SlotInfo *si = &v->slots[i];
      guint h = si->machine;
      MaintResourceGroup *group;

      if (!si->host_reboot || si->rollout != r || h == NONE || si->end <= si->start)
        continue;
      if (window == NULL)
        {
          report_slot (v, si, MAINT_CONSTRAINT_ROLLOUT, NULL,
                       "reboots host %s for rollout %s, which reboots no hosts (it has no host_reboots)",
                       machine_name (v, h), rname);
          continue;
        }
      if (!has_guests[h])
        report_slot (v, si, MAINT_CONSTRAINT_ROLLOUT, NULL,
                     "reboots host %s for rollout %s, but no guest of %s is in the rollout",
                     machine_name (v, h), rname, machine_name (v, h));
      if (si->start < maint_interval_get_start (window) || si->end > maint_interval_get_end (window))
        {
          g_autofree char *s = maint_instant_format (maint_interval_get_start (window));
          g_autofree char *e = maint_instant_format (maint_interval_get_end (window));

          report_slot (v, si, MAINT_CONSTRAINT_ROLLOUT, NULL,
                       "is not inside the host_reboots of rollout %s, %s to %s",
                       rname, s, e);
        }
      group = v->machine_group[h] != NONE ? g_ptr_array_index (v->groups, v->machine_group[h]) : NULL;
      /* an announced (pinned) host reboot was given its notice */
      if (group != NULL && !si->pinned && si->start >= v->now &&
          si->start < v->now + maint_resource_group_get_notice (group))
        {
          g_autofree char *earliest = maint_instant_format (v->now + maint_resource_group_get_notice (group));
          g_autofree char *d = maint_duration_format (maint_resource_group_get_notice (group));

          report_slot (v, si, MAINT_CONSTRAINT_ROLLOUT, NULL,
                       "reboots host %s for rollout %s before %s, but its group %s needs a notice of %s",
                       machine_name (v, h), rname, earliest,
                       maint_resource_group_get_name (group), d);
        }

      for (guint k = hi->guest_first[h]; k < hi->guest_first[h + 1]; k++)
        {
          guint g = hi->guests[k];
          guint matches = 0;

          for (guint j = 0; j < v->down_count[g]; j++)
            {
              const Down *d = &g_array_index (v->downs, Down, v->down_first[g] + j);
              SlotInfo *gs;

              if (d->via_host)
                continue;
              gs = &v->slots[d->slot];
              if (gs->rollout == r && !gs->host_reboot && gs->end > si->start)
                {
                  g_autofree char *hs = describe_slot (si);
                  g_autofree char *what = describe_slot (gs);
                  g_autoptr(GPtrArray) machines = g_ptr_array_new ();
                  g_autoptr(GPtrArray) activities = g_ptr_array_new ();

                  g_ptr_array_add (machines, (gpointer) machine_name (v, h));
                  g_ptr_array_add (machines, (gpointer) machine_name (v, g));
                  add_slot_activities (v, activities, d);
                  for (guint a = 0; si->activities[a] != NULL; a++)
                    g_ptr_array_add (activities, (gpointer) si->activities[a]);
                  report (v, MAINT_CONSTRAINT_ROLLOUT, machines, activities, si->start, gs->end,
                          "the %s reboots host %s for rollout %s before the %s of its guest ends",
                          hs, machine_name (v, h), rname, what);
                }
            }

          for (guint j = hi->hd_first[g]; j < hi->hd_first[g + 1]; j++)
            {
              MaintHostDowntime *hd = g_ptr_array_index (entries, hi->hd[j]);

              if (g_strcmp0 (maint_host_downtime_get_host (hd), machine_name (v, h)) == 0 &&
                  maint_host_downtime_get_start (hd) == si->start &&
                  maint_host_downtime_get_end (hd) == si->end)
                matches++;
            }
          if (matches != 1)
            {
              g_autofree char *hs = describe_slot (si);
              g_autoptr(GPtrArray) machines = g_ptr_array_new ();

              g_ptr_array_add (machines, (gpointer) machine_name (v, h));
              g_ptr_array_add (machines, (gpointer) machine_name (v, g));
              if (matches == 0)
                report (v, MAINT_CONSTRAINT_ROLLOUT, machines, NULL, si->start, si->end,
                        "the %s (rollout %s) has no host downtime entry for its guest %s with that interval",
                        hs, rname, machine_name (v, g));
              else
                report (v, MAINT_CONSTRAINT_ROLLOUT, machines, NULL, si->start, si->end,
                        "the %s (rollout %s) has %u host downtime entries for its guest %s, not one",
                        hs, rname, matches, machine_name (v, g));
            }
        }
    }

  if (window == NULL)
    return;
  for (guint h = 0; h < n; h++)
    {
      g_autofree char *id = NULL;
      guint a;

      if (!has_guests[h])
        continue;
      id = g_strdup_printf ("%s/%s", rname, machine_name (v, h));
      a = lookup_index (v->activity_index, id);
      if (a == NONE || (covered (v, a) == 0 &&
                        (generated_at (v, a) == NULL || !generated_at (v, a)->finished)))
        {
          g_autoptr(GPtrArray) machines = g_ptr_array_new ();
          g_autoptr(GPtrArray) activities = g_ptr_array_new ();
          g_autoptr(GPtrArray) in_rollout = g_ptr_array_new ();
          g_autofree char *list = NULL;

          g_ptr_array_add (machines, (gpointer) machine_name (v, h));
          g_ptr_array_add (activities, id);
          for (guint k = hi->guest_first[h]; k < hi->guest_first[h + 1]; k++)
            if (present[hi->guests[k]])
              g_ptr_array_add (in_rollout, (gpointer) machine_name (v, hi->guests[k]));
          list = list_names (in_rollout);
          report (v, MAINT_CONSTRAINT_ROLLOUT, machines, activities, 0, 0,
                  "host %s has guests in rollout %s (%s), but its reboot %s is neither in a slot nor unscheduled",
                  machine_name (v, h), rname, list, id);
        }
    }
}

typedef struct {
  guint group;
  gint64 start;
  gint64 end;
  guint entry;
  gboolean inside;
} Admit;

static int
compare_admit (gconstpointer a,
               gconstpointer b)
{
  const Admit *x = a, *y = b;

  if (x->group != y->group)
    return x->group < y->group ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->entry < y->entry ? -1 : (x->entry > y->entry ? 1 : 0);
}

/* Sets .inside for each item: whether [start, end) lies inside one
 * interval of its group's maintenance intervals. Expanded once per group
 * and cluster of nearby items, like check_windows(). */
static void
admit_batch (Verifier *v,
             GArray   *items)
{
  g_array_sort (items, compare_admit);
  for (guint c = 0; c < items->len;)
    {
      Admit *head = &g_array_index (items, Admit, c);
      MaintResourceGroup *group = g_ptr_array_index (v->groups, head->group);
      gint64 from = head->start, to = head->end;
      guint e = c + 1;
      g_autoptr(MaintIntervalSet) allowed = NULL;
      Spans spans = { 0 };

      while (e < items->len &&
             g_array_index (items, Admit, e).group == head->group &&
             g_array_index (items, Admit, e).start <= to + WINDOW_CLUSTER_GAP)
        {
          to = MAX (to, g_array_index (items, Admit, e).end);
          e++;
        }
      allowed = maint_resource_group_get_maintenance_intervals (group,
                                                                MAX (from - WINDOW_MARGIN, MAINT_INSTANT_MIN),
                                                                MIN (to + WINDOW_MARGIN, MAINT_INSTANT_MAX),
                                                                NULL);
      spans_init (&spans, allowed);
      for (guint i = c; i < e; i++)
        {
          Admit *item = &g_array_index (items, Admit, i);

          item->inside = spans_contain (&spans, item->start, item->end);
        }
      spans_clear (&spans);
      c = e;
    }
}

/* "host downtime of vm1 on host h1 from … to …" */
static char *
describe_host_downtime (MaintHostDowntime *hd)
{
  g_autofree char *s = maint_instant_format (maint_host_downtime_get_start (hd));
  g_autofree char *e = maint_instant_format (maint_host_downtime_get_end (hd));
  const char *guest = maint_host_downtime_get_guest (hd);
  const char *host = maint_host_downtime_get_host (hd);

  return g_strdup_printf ("host downtime of %s on host %s from %s to %s",
                          guest ? guest : "(none)", host ? host : "(none)", s, e);
}

static void report_host_downtime (Verifier          *v,
                                  MaintConstraint    constraint,
                                  MaintHostDowntime *hd,
                                  const char        *activity,
                                  const char        *format,
                                  ...) G_GNUC_PRINTF (5, 6);

/* A violation about one host downtime entry: machines = guest and host,
 * activities = @activity or all it absorbs. */
static void
report_host_downtime (Verifier          *v,
                      MaintConstraint    constraint,
                      MaintHostDowntime *hd,
                      const char        *activity,
                      const char        *format,
                      ...)
{
  g_autoptr(GPtrArray) machines = g_ptr_array_new ();
  g_autoptr(GPtrArray) activities = g_ptr_array_new ();
  const char * const *ids = maint_host_downtime_get_activities (hd);
  g_autofree char *what = describe_host_downtime (hd);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (maint_host_downtime_get_guest (hd) != NULL)
    g_ptr_array_add (machines, (gpointer) maint_host_downtime_get_guest (hd));
  if (maint_host_downtime_get_host (hd) != NULL)
    g_ptr_array_add (machines, (gpointer) maint_host_downtime_get_host (hd));
  if (activity != NULL)
    g_ptr_array_add (activities, (gpointer) activity);
  else
    for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
      g_ptr_array_add (activities, (gpointer) ids[k]);
  report (v, constraint, machines, activities,
          maint_host_downtime_get_start (hd), maint_host_downtime_get_end (hd),
          "%s %s", what, message);
}

/* R6: an activity absorbed by a host reboot is the guest's own
 * reboot-requiring rollout activity, the downtime is that rollout's
 * reboot of the guest's host, the policy allows coalescing, and the
 * guest's group admits the host reboot (windows and notice). */
static void
check_absorption (Verifier *v)
{
  GPtrArray *entries = maint_plan_get_host_downtime (v->plan);
  gboolean coalesce = maint_policy_get_coalesce_with_host_reboot (v->policy);
  g_autoptr(GArray) admit = g_array_new (FALSE, FALSE, sizeof (Admit));

  for (guint i = 0; i < entries->len; i++)
    {
      MaintHostDowntime *hd = g_ptr_array_index (entries, i);
      const char * const *ids = maint_host_downtime_get_activities (hd);
      guint guest = lookup_index (v->machine_index, maint_host_downtime_get_guest (hd));
      guint host = lookup_index (v->machine_index, maint_host_downtime_get_host (hd));
      gint64 start = maint_host_downtime_get_start (hd);
      gint64 end = maint_host_downtime_get_end (hd);
      guint valid = 0, promised = 0;
      MaintResourceGroup *group;

      if (ids == NULL || ids[0] == NULL)
        continue;

      for (guint k = 0; ids[k] != NULL; k++)
        {
          guint a = lookup_index (v->activity_index, ids[k]);
          const Generated *gen = generated_at (v, a);
          gboolean cause = FALSE;

          if (a == NONE)
            {
              report_host_downtime (v, MAINT_CONSTRAINT_REFERENCE, hd, ids[k],
                                    "absorbs activity %s, which the fleet does not have", ids[k]);
              continue;
            }
          if (guest == NONE || host == NONE)
            continue;  /* reported with the references */
          if (gen == NULL || gen->host_reboot || gen->machine != guest)
            {
              report_host_downtime (v, MAINT_CONSTRAINT_ROLLOUT, hd, ids[k],
                                    "absorbs activity %s, but a host reboot absorbs only the "
                                    "guest's own rollout activity", ids[k]);
              continue;
            }
          if (maint_activity_get_reboot (g_ptr_array_index (v->activities, a)) == MAINT_REBOOT_KIND_NONE)
            {
              report_host_downtime (v, MAINT_CONSTRAINT_ROLLOUT, hd, ids[k],
                                    "absorbs activity %s, which needs no reboot", ids[k]);
              continue;
            }
          for (guint j = 0; j < v->down_count[host] && !cause; j++)
            {
              const Down *d = &g_array_index (v->downs, Down, v->down_first[host] + j);

              cause = !d->via_host && d->start == start && d->end == end &&
                      v->slots[d->slot].host_reboot && v->slots[d->slot].rollout == gen->rollout;
            }
          if (!cause)
            {
              report_host_downtime (v, MAINT_CONSTRAINT_ROLLOUT, hd, ids[k],
                                    "absorbs activity %s, but is not the reboot of host %s "
                                    "for rollout %s",
                                    ids[k], machine_name (v, host), rollout_name (v, gen->rollout));
              continue;
            }
          valid++;
          if (v->context != NULL && v->context->absorbed != NULL)
            {
              MaintInterval *iv = g_hash_table_lookup (v->context->absorbed, ids[k]);

              if (iv != NULL && maint_interval_get_start (iv) == start && maint_interval_get_end (iv) == end)
                promised++;
            }
        }

      if (valid == 0)
        continue;
      if (!coalesce)
        {
          report_host_downtime (v, MAINT_CONSTRAINT_ROLLOUT, hd, NULL,
                                "absorbs rollout activities, but the policy's "
                                "coalesce_with_host_reboot is off");
          continue;
        }
      if (v->machine_group[guest] == NONE)
        continue;
      group = g_ptr_array_index (v->groups, v->machine_group[guest]);
      /* absorption announced with the host reboot was given its notice */
      if (promised < valid && start < v->now + maint_resource_group_get_notice (group))
        {
          g_autofree char *earliest = maint_instant_format (v->now + maint_resource_group_get_notice (group));
          g_autofree char *d = maint_duration_format (maint_resource_group_get_notice (group));

          report_host_downtime (v, MAINT_CONSTRAINT_ROLLOUT, hd, NULL,
                                "absorbs rollout activities, but starts before %s and %s's group %s "
                                "needs a notice of %s",
                                earliest, machine_name (v, guest),
                                maint_resource_group_get_name (group), d);
          continue;
        }
      if (end > start)
        {
          Admit item = { v->machine_group[guest], start, end, i, FALSE };

          g_array_append_val (admit, item);
        }
    }

  admit_batch (v, admit);
  for (guint i = 0; i < admit->len; i++)
    {
      Admit *item = &g_array_index (admit, Admit, i);
      MaintResourceGroup *group = g_ptr_array_index (v->groups, item->group);
      g_autofree char *windows = NULL;

      if (item->inside)
        continue;
      windows = describe_windows (group);
      report_host_downtime (v, MAINT_CONSTRAINT_ROLLOUT, g_ptr_array_index (entries, item->entry), NULL,
                            "absorbs rollout activities, but is not inside one maintenance window "
                            "of the guest's group %s (%s)",
                            maint_resource_group_get_name (group), windows);
    }
}

/* R7: the plan's reboot counts say what its slots and host downtime
 * say. Reported as REFERENCE: the counts are the plan's account of
 * itself, kept for every machine, with or without rollouts. */
static void
check_reboot_counts (Verifier *v)
{
  GPtrArray *counts = maint_plan_get_reboot_counts (v->plan);
  GPtrArray *entries = maint_plan_get_host_downtime (v->plan);
  guint n = v->machines->len;
  g_autofree guint *own = NULL;
  g_autofree guint *host = NULL;
  g_autofree guint *saved = NULL;
  g_autofree guint *listed = NULL;

  /* a plan without any counts makes no claim (one written by hand or by
   * a tool that does no accounting) */
  if (counts->len == 0)
    return;

  own = g_new0 (guint, MAX (n, 1));
  host = g_new0 (guint, MAX (n, 1));
  saved = g_new0 (guint, MAX (n, 1));
  listed = g_new0 (guint, MAX (n, 1));

  for (guint i = 0; i < v->n_slots; i++)
    {
      SlotInfo *si = &v->slots[i];
      guint requiring = 0;

      if (si->machine == NONE || maint_slot_get_reboot (si->slot) == MAINT_REBOOT_KIND_NONE)
        continue;
      own[si->machine]++;
      for (guint k = 0; si->activities[k] != NULL; k++)
        {
          MaintActivity *activity = activity_at (v, si->activities[k]);

          if (activity != NULL && !listed_before (si->activities, k) &&
              maint_activity_get_reboot (activity) != MAINT_REBOOT_KIND_NONE)
            requiring++;
        }
      if (requiring > 1)
        saved[si->machine] += requiring - 1;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      MaintHostDowntime *hd = g_ptr_array_index (entries, i);
      const char * const *ids = maint_host_downtime_get_activities (hd);
      guint guest = lookup_index (v->machine_index, maint_host_downtime_get_guest (hd));

      if (guest == NONE)
        continue;
      host[guest]++;
      for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
        {
          MaintActivity *activity = activity_at (v, ids[k]);

          if (activity != NULL &&
              g_strcmp0 (maint_activity_get_machine (activity), machine_name (v, guest)) == 0 &&
              maint_activity_get_reboot (activity) != MAINT_REBOOT_KIND_NONE)
            saved[guest]++;
        }
    }

  for (guint i = 0; i < counts->len; i++)
    {
      MaintRebootCount *count = g_ptr_array_index (counts, i);
      const char *name = maint_reboot_count_get_machine (count);
      guint m = lookup_index (v->machine_index, name);
      g_autoptr(GPtrArray) machines = g_ptr_array_new ();

      if (name != NULL)
        g_ptr_array_add (machines, (gpointer) name);
      if (m == NONE)
        {
          report (v, MAINT_CONSTRAINT_REFERENCE, machines, NULL, 0, 0,
                  "the plan counts reboots of %s, which the fleet does not have",
                  name ? name : "(none)");
          continue;
        }
      if (++listed[m] == 2)
        report (v, MAINT_CONSTRAINT_REFERENCE, machines, NULL, 0, 0,
                "the plan counts the reboots of %s more than once", name);
      if (listed[m] > 1)
        continue;
      if (maint_reboot_count_get_own (count) != own[m] ||
          maint_reboot_count_get_host (count) != host[m] ||
          maint_reboot_count_get_saved (count) != saved[m])
        report (v, MAINT_CONSTRAINT_REFERENCE, machines, NULL, 0, 0,
                "the plan counts %u own, %u host-caused and %u saved reboots of %s, "
                "but its slots and host downtime give %u own, %u host-caused and %u saved",
                maint_reboot_count_get_own (count), maint_reboot_count_get_host (count),
                maint_reboot_count_get_saved (count), name, own[m], host[m], saved[m]);
    }

  for (guint m = 0; m < n; m++)
    if (listed[m] == 0 && (own[m] > 0 || host[m] > 0 || saved[m] > 0))
      {
        g_autoptr(GPtrArray) machines = g_ptr_array_new ();

        g_ptr_array_add (machines, (gpointer) machine_name (v, m));
        report (v, MAINT_CONSTRAINT_REFERENCE, machines, NULL, 0, 0,
                "the plan counts no reboots of %s, but its slots and host downtime give "
                "%u own, %u host-caused and %u saved",
                machine_name (v, m), own[m], host[m], saved[m]);
      }
}

/* ROLLOUT (R1–R6) and the reboot counts (R7). */
static void
check_rollouts (Verifier *v)
{
  guint n = v->machines->len;

  if (v->rollouts->len > 0)
    {
      HostIndex hi = { 0 };
      g_autofree gboolean *present = g_new (gboolean, MAX (n, 1));
      g_autofree guint *member = g_new (guint, MAX (n, 1));

      v->machine_stage = g_new (MaintStage, MAX (n, 1));
      for (guint m = 0; m < n; m++)
        v->machine_stage[m] = maint_fleet_get_machine_stage (v->fleet, g_ptr_array_index (v->machines, m));
      host_index_init (v, &hi);

      for (guint r = 0; r < v->rollouts->len; r++)
        {
          memset (present, 0, sizeof (gboolean) * MAX (n, 1));
          for (guint i = 0; i < v->generated->len; i++)
            {
              const Generated *gen = &g_array_index (v->generated, Generated, i);

              if (gen->rollout == r && !gen->host_reboot &&
                  (gen->finished || covered (v, v->n_fleet_activities + i) > 0))
                present[gen->machine] = TRUE;
            }
          check_waves (v, r, present, member);
          check_staging_lead (v, r);
          check_host_reboots (v, r, present, &hi);
        }
      host_index_clear (&hi);
    }

  check_absorption (v);
  check_reboot_counts (v);
}

static int
compare_violations (gconstpointer a,
                    gconstpointer b)
{
  MaintViolation *x = *(MaintViolation * const *) a;
  MaintViolation *y = *(MaintViolation * const *) b;
  const char * const *mx = maint_violation_get_machines (x);
  const char * const *my = maint_violation_get_machines (y);
  int cmp;

  if (x->constraint != y->constraint)
    return x->constraint < y->constraint ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  for (guint i = 0;; i++)
    {
      if (mx[i] == NULL || my[i] == NULL)
        {
          if (mx[i] != my[i])
            return mx[i] == NULL ? -1 : 1;
          break;
        }
      if ((cmp = strcmp (mx[i], my[i])) != 0)
        return cmp;
    }
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return strcmp (maint_violation_get_message (x), maint_violation_get_message (y));
}

/**
 * maint_verify_plan:
 * @fleet: the fleet the plan is for
 * @plan: any plan: made by [class@Maint.Scheduler], by hand or by another
 *   tool
 *
 * Checks @plan against the hard constraints of @fleet and returns every
 * violation. The checks share no code with the scheduler.
 *
 * Instants are judged against the plan's `now`
 * ([method@Maint.Plan.get_now]). A violation is reported for:
 *
 * - %MAINT_CONSTRAINT_REFERENCE: a slot's machine, group or activities
 *   that the fleet does not have (or an activity of another machine), a
 *   slot without activities, an unscheduled entry for an unknown
 *   activity, a host downtime entry for an unknown guest or host, a guest
 *   of another host, or outside every slot of its host;
 * - %MAINT_CONSTRAINT_COVERAGE: a fleet activity that is in no slot,
 *   not unscheduled and not absorbed by a host reboot, or in more than
 *   one of those places; an absorbed activity the fleet does not have is
 *   a %MAINT_CONSTRAINT_REFERENCE;
 * - %MAINT_CONSTRAINT_SLOT_LENGTH: a slot shorter than the sum of its
 *   activities' estimates plus the policy's setup, or than the policy's
 *   minimum slot;
 * - %MAINT_CONSTRAINT_WINDOW and %MAINT_CONSTRAINT_BLACKOUT: a slot not
 *   contained in a single interval of its group's maintenance intervals
 *   ([method@Maint.ResourceGroup.get_maintenance_intervals]: the united
 *   window occurrences minus the blackouts); BLACKOUT when the windows
 *   alone would contain it;
 * - %MAINT_CONSTRAINT_HORIZON: a slot starting before `now` or ending
 *   after `now` plus the policy's horizon;
 * - %MAINT_CONSTRAINT_NOTICE: a slot starting before `now` plus the
 *   group's notice, or the policy's emergency notice when every activity
 *   in the slot has emergency priority;
 * - %MAINT_CONSTRAINT_NOT_BEFORE: a slot starting before the `not_before`
 *   of one of its activities (deadlines are objectives, not checked);
 * - %MAINT_CONSTRAINT_AUTO_SCHEDULE: a new slot, or an activity that was
 *   not announced added to a pinned slot, on a machine with
 *   `auto_schedule` off;
 * - %MAINT_CONSTRAINT_PINNED: an announced activity (one with a
 *   `scheduled` interval) that is not in a slot of exactly that interval
 *   marked pinned, or a slot marked pinned for which no activity was
 *   announced;
 * - %MAINT_CONSTRAINT_MACHINE_OVERLAP: two overlapping slots of a machine;
 * - %MAINT_CONSTRAINT_FLEET_CONCURRENCY, %MAINT_CONSTRAINT_GROUP_CONCURRENCY:
 *   once per maximal interval in which more machines are in their own
 *   maintenance slots than allowed (0 means unlimited). A host's reboot
 *   counts as one machine here — the host — not as one per guest: these
 *   limits bound how much maintenance runs at once, and a host reboot is
 *   one piece of work (with guests of 20 VMs per host a fleet-wide limit
 *   of 20 would otherwise forbid every host reboot);
 * - %MAINT_CONSTRAINT_SERVICE_UNAVAILABLE: once per maximal interval in
 *   which more members of a service are down than allowed. Here a machine
 *   is down during its own slots, during every slot of its host in which
 *   the host reboots (an activity with a reboot, or a host reboot —
 *   derived from the fleet, so a plan cannot hide it by leaving out its
 *   host downtime) and during the plan's host downtime entries for it; it
 *   counts once however many of those overlap;
 * - %MAINT_CONSTRAINT_HOST_CONCURRENCY: own slots of the guests (VMs) of
 *   one host; the host's reboot takes all its guests down as one event
 *   and is not held against this limit;
 * - %MAINT_CONSTRAINT_SERVICE_SPACING: every pair of downtimes (own or
 *   host-caused) of two different members of a service whose gap is
 *   below its spacing, overlap being a negative gap;
 * - %MAINT_CONSTRAINT_SERVICE_ORDER: a slot of a member that starts before
 *   the last slot of the previous member in the service's `order` ends;
 *   members without slots are skipped, host downtime does not count.
 *
 * Pinned slots are announced and kept exactly as they are, so what is
 * wrong with them is the fleet's problem, not the plan's. A slot counts
 * as pinned only when it is marked pinned and at least one of its
 * activities was announced for exactly its interval. For pinned slots
 * the window, blackout, horizon, notice, `not_before` and auto-schedule
 * rules are not checked, nor the slot length — except for activities the
 * plan merged into a pinned slot, which must respect their `not_before`
 * and `auto_schedule` and make the slot length count. Concurrency,
 * overlap and service rules are checked over all slots, but a violation
 * that involves only pinned slots (and host downtime caused by pinned
 * host slots) is not reported: the plan could not have avoided it.
 *
 * - %MAINT_CONSTRAINT_ROLLOUT, the rules of rollouts
 *   (`doc/rollout-contract.txt`). The generated activities
 *   `<rollout>/<machine>` are not in the fleet; every such id the plan
 *   names is built from the rollout (its template for a vm or
 *   infrastructure machine; a cold host reboot of the rollout's
 *   host reboot estimate for a host) and checked like any activity
 *   (slot length, horizon, references). Reported are:
 *   - a slot holding activities of a rollout that does not name that
 *     rollout or (unless it is a host reboot) no wave of it, names a wave
 *     the rollout does not have, holds activities of two rollouts, names
 *     a wave although it is a host reboot, or names a rollout or wave
 *     while holding no rollout activity;
 *   - wave membership: a machine in two waves; a machine the plan puts
 *     in a wave other than the select wave that takes it (its kind,
 *     `representative` and effective stage, among the machines no earlier
 *     wave took), or in a wave that does not take it; a share wave that
 *     does not hold ceil(share × machines left) machines; a machine that
 *     a select wave takes or a slot puts in a wave whose generated
 *     activity is nowhere in the plan; a generated activity of a machine
 *     in no wave. Machines whose generated activity has no slot
 *     (unscheduled or absorbed) carry no wave in the plan; they are
 *     placed in the select wave that takes them, else in share waves that
 *     lack machines, those no later select wave would take first;
 *   - a generated activity in more than one place (slots, unscheduled,
 *     absorbed by a host reboot);
 *   - a slot of a wave starting before the wave's `from` or ending after
 *     its `until`;
 *   - a slot of a testing or staging machine of a rollout ending later
 *     than `staging_lead` before the rollout's first slot of a
 *     production machine (host reboots have no stage here);
 *   - a host reboot of a rollout without `host_reboots`, of a host with
 *     no guest in the rollout, not inside `host_reboots`, starting before
 *     `now` plus the notice of the host's group (unless it is pinned:
 *     announced, it was given its notice), or before the end of a
 *     rollout slot of one of its guests; a guest of a rebooted host
 *     without exactly one host downtime entry of the host reboot's
 *     interval; a host with a guest in the rollout whose reboot is
 *     neither in a slot nor unscheduled. For host reboots the host
 *     group's windows, blackouts and the generic notice rule do not
 *     apply: `host_reboots` is their window;
 *   - a host downtime entry absorbing an activity that is not its
 *     guest's own generated activity, needs no reboot, or whose entry is
 *     not the reboot of the guest's host for that activity's rollout;
 *     absorbing while the policy's `coalesce_with_host_reboot` is off; or
 *     when the guest's group does not admit the host reboot: it is not
 *     inside one interval of the group's maintenance intervals, or it
 *     starts before `now` plus the group's notice. A plan that could
 *     absorb but does not is not wrong (fewer reboots are an objective);
 * - %MAINT_CONSTRAINT_REFERENCE for the reboot counts, when the plan
 *   lists any: a count for an unknown machine or for one machine twice,
 *   a count whose own (slots with a reboot), host (host downtime entries)
 *   or saved (reboot-requiring activities sharing a rebooting slot beyond
 *   the first, plus those absorbed by a host reboot) differs from what
 *   the slots and host downtime give, and a machine rebooted or saving
 *   reboots without a count. The counts are the plan's account of
 *   itself, for every machine with or without a rollout, hence
 *   REFERENCE rather than ROLLOUT; a plan without any counts makes no
 *   claim and is not checked.
 *
 * The result is sorted by constraint, then start, then machines, so the
 * same inputs always give the same list.
 *
 * Returns: (transfer container) (element-type Maint.Violation): the
 *   violations; empty when the plan holds
 */
GPtrArray *
maint_verify_plan (MaintFleet *fleet,
                   MaintPlan  *plan)
{
  g_return_val_if_fail (MAINT_IS_FLEET (fleet), NULL);
  g_return_val_if_fail (MAINT_IS_PLAN (plan), NULL);

  return maint_verify_plan_in_context (fleet, plan, NULL);
}

/* maint_verify_plan() with what a simulation knows about generated
 * activities (maint-verifier-private.h); @context may be NULL. */
GPtrArray *
maint_verify_plan_in_context (MaintFleet               *fleet,
                              MaintPlan                *plan,
                              const MaintVerifyContext *context)
{
  Verifier v = { 0 };

  g_return_val_if_fail (MAINT_IS_FLEET (fleet), NULL);
  g_return_val_if_fail (MAINT_IS_PLAN (plan), NULL);

  v.context = context;
  v.fleet = fleet;
  v.plan = plan;
  v.policy = maint_fleet_get_policy (fleet);
  v.now = maint_plan_get_now (plan);
  v.result = g_ptr_array_new_with_free_func (g_object_unref);

  index_fleet (&v);
  index_generated (&v);
  check_slot_references (&v);
  check_activities (&v);
  check_rollout_slots (&v);
  check_slot_rules (&v);
  check_windows (&v);
  collect_downs (&v);
  check_capacity (&v);
  check_services (&v);
  check_rollouts (&v);

  g_ptr_array_sort (v.result, compare_violations);

  g_clear_pointer (&v.machine_index, g_hash_table_unref);
  g_clear_pointer (&v.group_index, g_hash_table_unref);
  g_clear_pointer (&v.activity_index, g_hash_table_unref);
  g_clear_pointer (&v.rollout_index, g_hash_table_unref);
  g_clear_pointer (&v.activities, g_ptr_array_unref);
  g_clear_pointer (&v.generated, g_array_unref);
  g_clear_pointer (&v.recorded, g_ptr_array_unref);
  g_clear_pointer (&v.in_slots, g_free);
  g_clear_pointer (&v.in_unscheduled, g_free);
  g_clear_pointer (&v.in_absorbed, g_free);
  g_clear_pointer (&v.machine_stage, g_free);
  g_clear_pointer (&v.machine_group, g_free);
  g_clear_pointer (&v.machine_host, g_free);
  g_clear_pointer (&v.stamp, g_free);
  g_clear_pointer (&v.machine_active, g_free);
  g_clear_pointer (&v.slots, g_free);
  g_clear_pointer (&v.downs, g_array_unref);
  g_clear_pointer (&v.down_first, g_free);
  g_clear_pointer (&v.down_count, g_free);

  return g_steal_pointer (&v.result);
}
