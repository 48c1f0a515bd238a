/* maint-fleet.c: the whole planning input
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The JSON codec (maint_fleet_new_from_*, maint_fleet_to_data,
 * maint_fleet_save_to_file) lives in maint-fleet-json.c.
 */
#include "config.h"

#include <string.h>

#include "maint-fleet.h"
#include "maint-json-private.h"
#include "maint-enum-types.h"
#include "maint-error.h"
#include "maint-time.h"
#include "maint-window-spec.h"

/**
 * MaintFleet:
 *
 * Everything the scheduler plans from: the [class@Maint.Policy], the
 * fleet's `now`, and the resource groups, machines, services, activities
 * and rollouts, each kept in the order they were added and indexed by
 * name (activities by id).
 *
 * Objects refer to each other by name: a machine names its group and
 * host, a service its members, an activity its machine and rollout.
 * Adding objects checks only that names are unique, so objects can be
 * added in any order; [method@Maint.Fleet.validate] then checks every
 * reference and every value, and reports the first problem with the JSON
 * path of the value at fault, as a fleet document loaded with
 * [ctor@Maint.Fleet.new_from_file] would have it.
 *
 * Once a fleet is handed to the scheduler it must not change; several
 * plans can then be computed from it in parallel threads.
 */

struct _MaintFleet
{
  GObject parent_instance;

  gint64       now;
  MaintPolicy *policy;

  GPtrArray   *groups;
  GPtrArray   *machines;
  GPtrArray   *services;
  GPtrArray   *activities;
  GPtrArray   *rollouts;

  /* name (owned by the object, which never changes it) -> object */
  GHashTable  *groups_by_name;
  GHashTable  *machines_by_name;
  GHashTable  *services_by_name;
  GHashTable  *activities_by_id;
  GHashTable  *rollouts_by_name;
};

G_DEFINE_FINAL_TYPE (MaintFleet, maint_fleet, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NOW,
  PROP_POLICY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
maint_fleet_dispose (GObject *object)
{
  MaintFleet *self = MAINT_FLEET (object);

  /* the indexes borrow the names of the objects, so they go first */
  g_clear_pointer (&self->groups_by_name, g_hash_table_unref);
  g_clear_pointer (&self->machines_by_name, g_hash_table_unref);
  g_clear_pointer (&self->services_by_name, g_hash_table_unref);
  g_clear_pointer (&self->activities_by_id, g_hash_table_unref);
  g_clear_pointer (&self->rollouts_by_name, g_hash_table_unref);

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->machines, g_ptr_array_unref);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  g_clear_pointer (&self->rollouts, g_ptr_array_unref);
  g_clear_object (&self->policy);

  G_OBJECT_CLASS (maint_fleet_parent_class)->dispose (object);
}

static void
maint_fleet_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MaintFleet *self = MAINT_FLEET (object);

  switch (prop_id)
    {
    case PROP_NOW:
      g_value_set_int64 (value, self->now);
      break;
    case PROP_POLICY:
      g_value_set_object (value, self->policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_fleet_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  MaintFleet *self = MAINT_FLEET (object);

  switch (prop_id)
    {
    case PROP_NOW:
      maint_fleet_set_now (self, g_value_get_int64 (value));
      break;
    case PROP_POLICY:
      maint_fleet_set_policy (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_fleet_class_init (MaintFleetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = maint_fleet_dispose;
  object_class->get_property = maint_fleet_get_property;
  object_class->set_property = maint_fleet_set_property;

  /**
   * MaintFleet:now:
   *
   * The instant the plan is made at, a UTC instant in seconds. Fixing it
   * makes plans reproducible; the scheduler uses the current time when it
   * is not set.
   *
   * Default: 0, which means not set.
   */
  properties[PROP_NOW] =
    g_param_spec_int64 ("now", NULL, NULL,
                        0, MAINT_INSTANT_MAX, 0, flags);

  /**
   * MaintFleet:policy:
   *
   * The fleet-wide planning policy; never %NULL.
   *
   * Default: a policy with default values.
   */
  properties[PROP_POLICY] =
    g_param_spec_object ("policy", NULL, NULL, MAINT_TYPE_POLICY, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
maint_fleet_init (MaintFleet *self)
{
  self->policy = maint_policy_new ();

  self->groups = g_ptr_array_new_with_free_func (g_object_unref);
  self->machines = g_ptr_array_new_with_free_func (g_object_unref);
  self->services = g_ptr_array_new_with_free_func (g_object_unref);
  self->activities = g_ptr_array_new_with_free_func (g_object_unref);
  self->rollouts = g_ptr_array_new_with_free_func (g_object_unref);

  self->groups_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->machines_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->services_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->activities_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->rollouts_by_name = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * maint_fleet_new:
 *
 * Creates an empty fleet with a default policy and `now` not set.
 *
 * Returns: (transfer full): a new fleet
 */
MaintFleet *
maint_fleet_new (void)
{
  return g_object_new (MAINT_TYPE_FLEET, NULL);
}

/**
 * maint_fleet_get_now:
 * @self: a fleet
 *
 * Gets [property@Maint.Fleet:now].
 *
 * Returns: the planning instant in seconds since the Unix epoch, or 0 if
 *   not set
 */
gint64
maint_fleet_get_now (MaintFleet *self)
{
  g_return_val_if_fail (MAINT_IS_FLEET (self), 0);
  return self->now;
}

/**
 * maint_fleet_set_now:
 * @self: a fleet
 * @now: the planning instant, 0 (not set) to %MAINT_INSTANT_MAX
 *
 * Sets [property@Maint.Fleet:now].
 */
void
maint_fleet_set_now (MaintFleet *self,
                     gint64      now)
{
  g_return_if_fail (MAINT_IS_FLEET (self));
  g_return_if_fail (now >= 0 && now <= MAINT_INSTANT_MAX);

  if (self->now == now)
    return;
  self->now = now;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
}

/**
 * maint_fleet_get_policy:
 * @self: a fleet
 *
 * Gets [property@Maint.Fleet:policy].
 *
 * Returns: (transfer none): the policy
 */
MaintPolicy *
maint_fleet_get_policy (MaintFleet *self)
{
  g_return_val_if_fail (MAINT_IS_FLEET (self), NULL);
  return self->policy;
}

/**
 * maint_fleet_set_policy:
 * @self: a fleet
 * @policy: (transfer none): the new policy
 *
 * Replaces [property@Maint.Fleet:policy]. The fleet keeps a reference.
 */
void
maint_fleet_set_policy (MaintFleet  *self,
                        MaintPolicy *policy)
{
  g_return_if_fail (MAINT_IS_FLEET (self));
  g_return_if_fail (MAINT_IS_POLICY (policy));

  if (g_set_object (&self->policy, policy))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLICY]);
}

static gboolean
add_named (GPtrArray   *array,
           GHashTable  *index,
           gpointer     object,
           const char  *name,
           const char  *what,
           GError     **error)
{
  if (g_hash_table_contains (index, name))
    {
      g_autofree char *valid = g_utf8_make_valid (name, -1);

      g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_DUPLICATE_FAILED,
                   "duplicate %s \"%s\"", what, valid);
      return FALSE;
    }

  g_ptr_array_add (array, g_object_ref (object));
  g_hash_table_insert (index, (gpointer) name, object);
  return TRUE;
}

/**
 * maint_fleet_add_group:
 * @self: a fleet
 * @group: (transfer none): a resource group with a name
 * @error: return location for a #GError
 *
 * Appends a resource group; the fleet keeps a reference.
 *
 * Returns: %TRUE, or %FALSE with %MAINT_FLEET_ERROR_DUPLICATE_FAILED if
 *   the fleet already has a group of that name
 */
gboolean
maint_fleet_add_group (MaintFleet          *self,
                       MaintResourceGroup  *group,
                       GError             **error)
{
  g_return_val_if_fail (MAINT_IS_FLEET (self), FALSE);
  g_return_val_if_fail (MAINT_IS_RESOURCE_GROUP (group), FALSE);
  g_return_val_if_fail (maint_resource_group_get_name (group) != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return add_named (self->groups, self->groups_by_name, group,
                    maint_resource_group_get_name (group),
                    "resource group name", error);
}

/**
 * maint_fleet_add_machine:
 * @self: a fleet
 * @machine: (transfer none): a machine with a name
 * @error: return location for a #GError
 *
 * Appends a machine; the fleet keeps a reference. Its group and host need
 * not have been added yet.
 *
 * Returns: %TRUE, or %FALSE with %MAINT_FLEET_ERROR_DUPLICATE_FAILED if
 *   the fleet already has a machine of that name
 */
gboolean
maint_fleet_add_machine (MaintFleet    *self,
                         MaintMachine  *machine,
                         GError       **error)
{
  g_return_val_if_fail (MAINT_IS_FLEET (self), FALSE);
  g_return_val_if_fail (MAINT_IS_MACHINE (machine), FALSE);
  g_return_val_if_fail (maint_machine_get_name (machine) != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return add_named (self->machines, self->machines_by_name, machine,
                    maint_machine_get_name (machine),
                    "machine name", error);
}

/**
 * maint_fleet_add_service:
 * @self: a fleet
 * @service: (transfer none): a service with a name
 * @error: return location for a #GError
 *
 * Appends a service; the fleet keeps a reference.
 *
 * Returns: %TRUE, or %FALSE with %MAINT_FLEET_ERROR_DUPLICATE_FAILED if
 *   the fleet already has a service of that name
 */
gboolean
maint_fleet_add_service (MaintFleet    *self,
                         MaintService  *service,
                         GError       **error)
{
  g_return_val_if_fail (MAINT_IS_FLEET (self), FALSE);
  g_return_val_if_fail (MAINT_IS_SERVICE (service), FALSE);
  g_return_val_if_fail (maint_service_get_name (service) != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return add_named (self->services, self->services_by_name, service,
                    maint_service_get_name (service),
                    "service name", error);
}

/**
 * maint_fleet_add_activity:
 * @self: a fleet
 * @activity: (transfer none): an activity with an id
 * @error: return location for a #GError
 *
 * Appends an activity; the fleet keeps a reference.
 *
 * Returns: %TRUE, or %FALSE with %MAINT_FLEET_ERROR_DUPLICATE_FAILED if
 *   the fleet already has an activity with that id
 */
gboolean
maint_fleet_add_activity (MaintFleet     *self,
                          MaintActivity  *activity,
                          GError        **error)
{
  g_return_val_if_fail (MAINT_IS_FLEET (self), FALSE);
  g_return_val_if_fail (MAINT_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (maint_activity_get_id (activity) != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return add_named (self->activities, self->activities_by_id, activity,
                    maint_activity_get_id (activity),
                    "activity id", error);
}

/**
 * maint_fleet_add_rollout:
 * @self: a fleet
 * @rollout: (transfer none): a rollout with a name
 * @error: return location for a #GError
 *
 * Appends a rollout; the fleet keeps a reference.
 *
 * Returns: %TRUE, or %FALSE with %MAINT_FLEET_ERROR_DUPLICATE_FAILED if
 *   the fleet already has a rollout of that name
 */
gboolean
maint_fleet_add_rollout (MaintFleet    *self,
                         MaintRollout  *rollout,
                         GError       **error)
{
  g_return_val_if_fail (MAINT_IS_FLEET (self), FALSE);
  g_return_val_if_fail (MAINT_IS_ROLLOUT (rollout), FALSE);
  g_return_val_if_fail (maint_rollout_get_name (rollout) != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return add_named (self->rollouts, self->rollouts_by_name, rollout,
                    maint_rollout_get_name (rollout),
                    "rollout name", error);
}

/**
 * maint_fleet_get_groups:
 * @self: a fleet
 *
 * Gets the resource groups in the order they were added. The array
 * belongs to the fleet; do not modify it.
 *
 * Returns: (transfer none) (element-type Maint.ResourceGroup): the groups
 */
GPtrArray *
maint_fleet_get_groups (MaintFleet *self)
{
  g_return_val_if_fail (MAINT_IS_FLEET (self), NULL);
  return self->groups;
}

/**
 * maint_fleet_get_machines:
 * @self: a fleet
 *
 * Gets the machines in the order they were added. The array belongs to
 * the fleet; do not modify it.
 *
 * Returns: (transfer none) (element-type Maint.Machine): the machines
 */
GPtrArray *
maint_fleet_get_machines (MaintFleet *self)
{
  g_return_val_if_fail (MAINT_IS_FLEET (self), NULL);
  return self->machines;
}

/**
 * maint_fleet_get_services:
 * @self: a fleet
 *
 * Gets the services in the order they were added. The array belongs to
 * the fleet; do not modify it.
 *
 * Returns: (transfer none) (element-type Maint.Service): the services
 */
GPtrArray *
maint_fleet_get_services (MaintFleet *self)
{
  g_return_val_if_fail (MAINT_IS_FLEET (self), NULL);
  return self->services;
}

/**
 * maint_fleet_get_activities:
 * @self: a fleet
 *
 * Gets the activities in the order they were added. The array belongs to
 * the fleet; do not modify it.
 *
 * Returns: (transfer none) (element-type Maint.Activity): the activities
 */
GPtrArray *
maint_fleet_get_activities (MaintFleet *self)
{
  g_return_val_if_fail (MAINT_IS_FLEET (self), NULL);
  return self->activities;
}

/**
 * maint_fleet_get_rollouts:
 * @self: a fleet
 *
 * Gets the rollouts in the order they were added. The array belongs to
 * the fleet; do not modify it.
 *
 * Returns: (transfer none) (element-type Maint.Rollout): the rollouts
 */
GPtrArray *
maint_fleet_get_rollouts (MaintFleet *self)
{
  g_return_val_if_fail (MAINT_IS_FLEET (self), NULL);
  return self->rollouts;
}

/**
 * maint_fleet_lookup_group:
 * @self: a fleet
 * @name: a group name
 *
 * Finds a resource group by name.
 *
 * Returns: (transfer none) (nullable): the group, or %NULL
 */
MaintResourceGroup *
maint_fleet_lookup_group (MaintFleet *self,
                          const char *name)
{
  g_return_val_if_fail (MAINT_IS_FLEET (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return g_hash_table_lookup (self->groups_by_name, name);
}

/**
 * maint_fleet_lookup_machine:
 * @self: a fleet
 * @name: a machine name
 *
 * Finds a machine by name.
 *
 * Returns: (transfer none) (nullable): the machine, or %NULL
 */
MaintMachine *
maint_fleet_lookup_machine (MaintFleet *self,
                            const char *name)
{
  g_return_val_if_fail (MAINT_IS_FLEET (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return g_hash_table_lookup (self->machines_by_name, name);
}

/**
 * maint_fleet_lookup_service:
 * @self: a fleet
 * @name: a service name
 *
 * Finds a service by name.
 *
 * Returns: (transfer none) (nullable): the service, or %NULL
 */
MaintService *
maint_fleet_lookup_service (MaintFleet *self,
                            const char *name)
{
  g_return_val_if_fail (MAINT_IS_FLEET (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return g_hash_table_lookup (self->services_by_name, name);
}

/**
 * maint_fleet_lookup_activity:
 * @self: a fleet
 * @id: an activity id
 *
 * Finds an activity by id.
 *
 * Returns: (transfer none) (nullable): the activity, or %NULL
 */
MaintActivity *
maint_fleet_lookup_activity (MaintFleet *self,
                             const char *id)
{
  g_return_val_if_fail (MAINT_IS_FLEET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->activities_by_id, id);
}

/**
 * maint_fleet_lookup_rollout:
 * @self: a fleet
 * @name: a rollout name
 *
 * Finds a rollout by name.
 *
 * Returns: (transfer none) (nullable): the rollout, or %NULL
 */
MaintRollout *
maint_fleet_lookup_rollout (MaintFleet *self,
                            const char *name)
{
  g_return_val_if_fail (MAINT_IS_FLEET (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return g_hash_table_lookup (self->rollouts_by_name, name);
}

/**
 * maint_fleet_resolve_activity:
 * @self: a fleet
 * @id: an activity id, from the fleet or as a plan names it
 *
 * Finds the activity a plan's slot or host downtime names: an activity of
 * the fleet, or one a rollout generates (`<rollout>/<machine>`, built with
 * [method@Maint.Rollout.new_activity]), so that texts can show its kind and
 * summary. The fleet's own activity wins if both exist.
 *
 * Returns: (transfer full) (nullable): the activity, or %NULL if @id names
 *   neither
 */
MaintActivity *
maint_fleet_resolve_activity (MaintFleet *self,
                              const char *id)
{
  MaintActivity *activity;

  g_return_val_if_fail (MAINT_IS_FLEET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  activity = maint_fleet_lookup_activity (self, id);
  if (activity != NULL)
    return g_object_ref (activity);

  /* Rollout names may contain '/': try every split */
  for (const char *slash = strchr (id, '/'); slash != NULL; slash = strchr (slash + 1, '/'))
    {
      g_autofree char *name = g_strndup (id, slash - id);
      MaintRollout *rollout = maint_fleet_lookup_rollout (self, name);
      MaintMachine *machine = rollout ? maint_fleet_lookup_machine (self, slash + 1) : NULL;

      if (machine != NULL)
        return maint_rollout_new_activity (rollout, machine);
    }
  return NULL;
}

/**
 * maint_fleet_get_machine_stage:
 * @self: a fleet
 * @machine: a machine
 *
 * Gets the stage that applies to @machine: its own
 * [property@Maint.Machine:stage] if set, otherwise the stage of its
 * resource group in @self. Rollout waves select by this stage, and the
 * staging lead of a rollout applies to machines whose stage is
 * %MAINT_STAGE_TESTING or %MAINT_STAGE_STAGING.
 *
 * Returns: the machine's stage, or %MAINT_STAGE_NONE if it has none and
 *   its group is not in @self
 */
MaintStage
maint_fleet_get_machine_stage (MaintFleet   *self,
                               MaintMachine *machine)
{
  MaintResourceGroup *group;
  const char *group_name;

  g_return_val_if_fail (MAINT_IS_FLEET (self), MAINT_STAGE_NONE);
  g_return_val_if_fail (MAINT_IS_MACHINE (machine), MAINT_STAGE_NONE);

  if (maint_machine_get_stage (machine) != MAINT_STAGE_NONE)
    return maint_machine_get_stage (machine);

  group_name = maint_machine_get_group (machine);
  if (group_name == NULL)
    return MAINT_STAGE_NONE;
  group = g_hash_table_lookup (self->groups_by_name, group_name);
  return group != NULL ? maint_resource_group_get_stage (group) : MAINT_STAGE_NONE;
}

/* ------------------------------------------------------------------ */
/* Validation                                                          */

static gboolean
is_atext (char c)
{
  return c != '\0' &&
         (g_ascii_isalnum (c) || strchr ("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

/* A pragmatic RFC 5322 addr-spec: a dot-atom local part, '@', and a domain
 * of dot-separated labels of ASCII letters, digits and inner hyphens.
 * Quoted local parts, comments and address literals are not accepted:
 * nobody's technical contact needs them, and they are where header
 * injection hides. */
static gboolean
email_is_valid (const char *address)
{
  const char *at = strchr (address, '@');
  const char *label;
  gboolean after_dot = TRUE;

  if (at == NULL || strchr (at + 1, '@') != NULL)
    return FALSE;
  if (at == address || at - address > 64 || strlen (address) > 254)
    return FALSE;

  for (const char *p = address; p < at; p++)
    {
      if (*p == '.')
        {
          if (after_dot)
            return FALSE;  /* leading or double dot */
          after_dot = TRUE;
        }
      else if (is_atext (*p))
        after_dot = FALSE;
      else
        return FALSE;
    }
  if (after_dot)
    return FALSE;  /* trailing dot */

  label = at + 1;
  for (;;)
    {
      const char *end = label;

      while (*end != '\0' && *end != '.')
        {
          if (!g_ascii_isalnum (*end) && *end != '-')
            return FALSE;
          end++;
        }
      if (end == label || end - label > 63)
        return FALSE;
      if (label[0] == '-' || end[-1] == '-')
        return FALSE;
      if (*end == '\0')
        return TRUE;
      label = end + 1;
    }
}

/* A BCP 47 or ICU locale id: a 2 to 8 letter language, then subtags of 1
 * to 8 letters or digits separated by '-' or '_' (`en`, `de-CH`,
 * `de_DE`, `sr_Latn_RS`). */
static gboolean
locale_is_valid (const char *locale)
{
  const char *p = locale;
  gsize n = 0;

  while (g_ascii_isalpha (*p))
    p++, n++;
  if (n < 2 || n > 8)
    return FALSE;

  while (*p != '\0')
    {
      if (*p != '-' && *p != '_')
        return FALSE;
      p++;
      n = 0;
      while (g_ascii_isalnum (*p))
        p++, n++;
      if (n < 1 || n > 8)
        return FALSE;
    }

  return TRUE;
}

/* Limits that keep the solver's work bounded, whatever the input.
 *
 * The horizon: a plan looks at most a year ahead (one more day for a leap
 * year). Maintenance is announced days or weeks ahead; a 100-year horizon
 * is a mistake, and would make every window expand into tens of thousands
 * of occurrences per spec.
 *
 * Window occurrences: a spec opens at most once per local date on each of
 * its weekdays, so within the horizon it opens at most
 * weekdays × (whole weeks in the horizon + 2) times (a partial week at
 * each end). The document
 * limits (128 MiB, 2,000,000 elements per array) bound the number of specs
 * only to a few million, which with a 366-day horizon is still more than
 * a billion occurrences: hence a budget for the whole fleet, the same
 * 16 Mi the solver allows for the intervals it expands them into. The
 * design's large fleet (5,000 groups, 28 days) needs about 1/50 of it. */
#define MAX_HORIZON_DAYS 366
#define MAX_WINDOW_OCCURRENCES (16u * 1024 * 1024)

/* NULL if @interval is a usable absolute interval, else why not. */
static const char *
interval_problem (const MaintInterval *interval)
{
  gint64 start = maint_interval_get_start (interval);
  gint64 end = maint_interval_get_end (interval);

  if (end <= start)
    return "the end is not after the start";
  if (start < MAINT_INSTANT_MIN || end > MAINT_INSTANT_MAX)
    return "outside the supported range of instants (1970 to 2100)";
  return NULL;
}

static gboolean
validate_policy (MaintFleet  *self,
                 GError     **error)
{
  MaintPolicy *policy = self->policy;
  gint64 horizon = maint_policy_get_horizon (policy);

  if (horizon == 0)
    {
      g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                   "policy.horizon: must be longer than 0");
      return FALSE;
    }
  if (horizon > MAX_HORIZON_DAYS * 86400)
    {
      g_autofree char *text = maint_duration_format (horizon);

      g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                   "policy.horizon: %s is longer than the maximum of P%uD", text,
                   MAX_HORIZON_DAYS);
      return FALSE;
    }
  if (maint_policy_get_setup (policy) > horizon)
    {
      g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                   "policy.setup: longer than policy.horizon");
      return FALSE;
    }
  if (maint_policy_get_min_slot (policy) > horizon)
    {
      g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                   "policy.min_slot: longer than policy.horizon");
      return FALSE;
    }
  if (maint_policy_get_emergency_notice (policy) > horizon)
    {
      g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                   "policy.emergency_notice: longer than policy.horizon");
      return FALSE;
    }
  if (maint_policy_get_min_slot (policy) == 0 && maint_policy_get_setup (policy) == 0)
    {
      /* an activity with estimate 0 would get an empty slot */
      g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                   "policy.min_slot: must be longer than 0 when policy.setup is 0");
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_groups (MaintFleet  *self,
                 GError     **error)
{
  gint64 horizon = maint_policy_get_horizon (self->policy);
  /* see MAX_WINDOW_OCCURRENCES; the horizon is at most 366 days here */
  guint64 weeks = (guint64) horizon / (7 * 86400) + 2;
  guint64 occurrences = 0;

  for (guint i = 0; i < self->groups->len; i++)
    {
      MaintResourceGroup *group = g_ptr_array_index (self->groups, i);
      const char * const *contacts = maint_resource_group_get_contacts (group);
      const char *zone = maint_resource_group_get_timezone (group);
      const char *locale = maint_resource_group_get_locale (group);
      GPtrArray *blackouts = maint_resource_group_get_blackouts (group);
      GPtrArray *windows = maint_resource_group_get_windows (group);

      if (maint_resource_group_get_name (group)[0] == '\0')
        {
          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                       "resource_groups[%u].name: must not be empty", i);
          return FALSE;
        }

      if (contacts[0] == NULL)
        {
          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                       "resource_groups[%u].contacts: at least one contact address is required", i);
          return FALSE;
        }
      for (guint j = 0; contacts[j] != NULL; j++)
        {
          if (!email_is_valid (contacts[j]))
            {
              g_autofree char *q = maint_json_quote (contacts[j]);

              g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                           "resource_groups[%u].contacts[%u]: malformed e-mail address %s",
                           i, j, q);
              return FALSE;
            }
        }

      if (!maint_time_zone_check (zone, NULL))
        {
          g_autofree char *q = maint_json_quote (zone);

          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                       "resource_groups[%u].timezone: unknown time zone %s", i, q);
          return FALSE;
        }

      if (!locale_is_valid (locale))
        {
          g_autofree char *q = maint_json_quote (locale);

          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                       "resource_groups[%u].locale: malformed locale %s", i, q);
          return FALSE;
        }

      if (maint_resource_group_get_stage (group) == MAINT_STAGE_NONE)
        {
          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                       "resource_groups[%u].stage: a resource group needs a stage", i);
          return FALSE;
        }

      for (guint j = 0; j < windows->len; j++)
        {
          guint days = maint_window_spec_get_days (g_ptr_array_index (windows, j));

          occurrences += (guint64) __builtin_popcount (days) * weeks;
          if (occurrences > MAX_WINDOW_OCCURRENCES)
            {
              g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_LIMIT_FAILED,
                           "resource_groups[%u].windows[%u]: the resource groups' windows "
                           "open more than %u times within the horizon; use fewer window "
                           "specs or a shorter policy.horizon", i, j, MAX_WINDOW_OCCURRENCES);
              return FALSE;
            }
        }

      /* No slot of the group could ever start within the horizon. */
      if (maint_resource_group_get_notice (group) > horizon)
        {
          g_autofree char *notice = maint_duration_format (maint_resource_group_get_notice (group));
          g_autofree char *text = maint_duration_format (horizon);

          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                       "resource_groups[%u].notice: %s is longer than the policy's horizon (%s), "
                       "so no window of the group could ever be used", i, notice, text);
          return FALSE;
        }

      for (guint j = 0; j < blackouts->len; j++)
        {
          const char *problem = interval_problem (g_ptr_array_index (blackouts, j));

          if (problem != NULL)
            {
              g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                           "resource_groups[%u].blackouts[%u]: %s", i, j, problem);
              return FALSE;
            }
        }
    }

  return TRUE;
}

static const char *
machine_kind_nick (MaintMachineKind kind)
{
  switch (kind)
    {
    case MAINT_MACHINE_KIND_VM:
      return "vm";
    case MAINT_MACHINE_KIND_HOST:
      return "host";
    case MAINT_MACHINE_KIND_INFRASTRUCTURE:
      return "infrastructure";
    default:
      return "unknown";
    }
}

static gboolean
validate_machines (MaintFleet  *self,
                   GError     **error)
{
  /* Guests of one host are usually listed together: the last host
   * looked up saves most hash look-ups on large fleets */
  const char *last_host = NULL;
  MaintMachine *last_host_machine = NULL;

  for (guint i = 0; i < self->machines->len; i++)
    {
      MaintMachine *machine = g_ptr_array_index (self->machines, i);
      const char *name = maint_machine_get_name (machine);
      const char *group = maint_machine_get_group (machine);
      const char *host = maint_machine_get_host (machine);
      MaintMachineKind kind = maint_machine_get_kind (machine);

      if (name[0] == '\0')
        {
          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                       "machines[%u].name: must not be empty", i);
          return FALSE;
        }

      if (group == NULL || group[0] == '\0')
        {
          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                       "machines[%u].group: a resource group is required", i);
          return FALSE;
        }
      if (!g_hash_table_contains (self->groups_by_name, group))
        {
          g_autofree char *q = maint_json_quote (group);

          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_REFERENCE_FAILED,
                       "machines[%u].group: unknown resource group %s", i, q);
          return FALSE;
        }

      if (kind == MAINT_MACHINE_KIND_VM)
        {
          MaintMachine *host_machine;

          if (host == NULL || host[0] == '\0')
            {
              g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                           "machines[%u].host: a VM needs a host", i);
              return FALSE;
            }
          if (strcmp (host, name) == 0)
            {
              g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_REFERENCE_FAILED,
                           "machines[%u].host: a machine cannot be its own host", i);
              return FALSE;
            }
          if (last_host != NULL && strcmp (host, last_host) == 0)
            host_machine = last_host_machine;
          else
            host_machine = g_hash_table_lookup (self->machines_by_name, host);
          last_host = host;
          last_host_machine = host_machine;
          if (host_machine == NULL)
            {
              g_autofree char *q = maint_json_quote (host);

              g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_REFERENCE_FAILED,
                           "machines[%u].host: unknown machine %s", i, q);
              return FALSE;
            }
          if (maint_machine_get_kind (host_machine) != MAINT_MACHINE_KIND_HOST)
            {
              g_autofree char *q = maint_json_quote (host);

              g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_REFERENCE_FAILED,
                           "machines[%u].host: %s is not a host", i, q);
              return FALSE;
            }
        }
      else if (host != NULL)
        {
          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                       "machines[%u].host: only a VM has a host, this machine is of kind \"%s\"",
                       i, machine_kind_nick (kind));
          return FALSE;
        }

      if (self->now != 0 && maint_machine_get_booted_at (machine) > self->now)
        {
          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                       "machines[%u].booted_at: after the fleet's now", i);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
validate_services (MaintFleet  *self,
                   GError     **error)
{
  for (guint i = 0; i < self->services->len; i++)
    {
      MaintService *service = g_ptr_array_index (self->services, i);
      const char * const *members = maint_service_get_members (service);
      const char * const *order = maint_service_get_order (service);
      g_autoptr(GHashTable) member_set = NULL;

      if (maint_service_get_name (service)[0] == '\0')
        {
          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                       "services[%u].name: must not be empty", i);
          return FALSE;
        }

      if (members[0] == NULL)
        {
          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                       "services[%u].members: at least one member is required", i);
          return FALSE;
        }

      member_set = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint j = 0; members[j] != NULL; j++)
        {
          if (!g_hash_table_contains (self->machines_by_name, members[j]))
            {
              g_autofree char *q = maint_json_quote (members[j]);

              g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_REFERENCE_FAILED,
                           "services[%u].members[%u]: unknown machine %s", i, j, q);
              return FALSE;
            }
          if (!g_hash_table_add (member_set, (gpointer) members[j]))
            {
              g_autofree char *q = maint_json_quote (members[j]);

              g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_DUPLICATE_FAILED,
                           "services[%u].members[%u]: duplicate member %s", i, j, q);
              return FALSE;
            }
        }

      if (maint_service_get_max_unavailable (service) == 0)
        {
          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                       "services[%u].max_unavailable: must be at least 1", i);
          return FALSE;
        }

      if (order != NULL)
        {
          g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

          for (guint k = 0; order[k] != NULL; k++)
            {
              if (!g_hash_table_contains (member_set, order[k]))
                {
                  g_autofree char *q = maint_json_quote (order[k]);

                  g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_REFERENCE_FAILED,
                               "services[%u].order[%u]: %s is not a member of the service",
                               i, k, q);
                  return FALSE;
                }
              if (!g_hash_table_add (seen, (gpointer) order[k]))
                {
                  g_autofree char *q = maint_json_quote (order[k]);

                  g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_DUPLICATE_FAILED,
                               "services[%u].order[%u]: duplicate entry %s", i, k, q);
                  return FALSE;
                }
            }
        }
    }

  return TRUE;
}

static gboolean
validate_activities (MaintFleet  *self,
                     GError     **error)
{
  /* A machine's activities are usually listed together */
  MaintMachine *last_machine = NULL;

  for (guint i = 0; i < self->activities->len; i++)
    {
      MaintActivity *activity = g_ptr_array_index (self->activities, i);
      const char *machine_name = maint_activity_get_machine (activity);
      const char *rollout = maint_activity_get_rollout (activity);
      const char *summary = maint_activity_get_summary (activity);
      MaintInterval *scheduled = maint_activity_get_scheduled (activity);
      gint64 not_before = maint_activity_get_not_before (activity);
      gint64 deadline = maint_activity_get_deadline (activity);
      MaintMachine *machine;

      if (maint_activity_get_id (activity)[0] == '\0')
        {
          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                       "activities[%u].id: must not be empty", i);
          return FALSE;
        }

      if (machine_name == NULL || machine_name[0] == '\0')
        {
          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                       "activities[%u].machine: a machine is required", i);
          return FALSE;
        }
      if (last_machine != NULL && strcmp (maint_machine_get_name (last_machine), machine_name) == 0)
        machine = last_machine;
      else
        machine = g_hash_table_lookup (self->machines_by_name, machine_name);
      last_machine = machine;
      if (machine == NULL)
        {
          g_autofree char *q = maint_json_quote (machine_name);

          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_REFERENCE_FAILED,
                       "activities[%u].machine: unknown machine %s", i, q);
          return FALSE;
        }

      if (maint_activity_get_kind (activity) == MAINT_ACTIVITY_KIND_HOST_REBOOT &&
          maint_machine_get_kind (machine) != MAINT_MACHINE_KIND_HOST)
        {
          g_autofree char *q = maint_json_quote (machine_name);

          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_REFERENCE_FAILED,
                       "activities[%u].kind: a host-reboot activity needs a host, %s is not a host",
                       i, q);
          return FALSE;
        }

      if (maint_activity_get_kind (activity) == MAINT_ACTIVITY_KIND_CUSTOM &&
          (summary == NULL || summary[0] == '\0'))
        {
          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                       "activities[%u].summary: a custom activity needs a summary", i);
          return FALSE;
        }

      if (not_before != 0 && deadline != 0 && deadline < not_before)
        {
          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                       "activities[%u].deadline: before not_before", i);
          return FALSE;
        }

      if (rollout != NULL && !g_hash_table_contains (self->rollouts_by_name, rollout))
        {
          g_autofree char *q = maint_json_quote (rollout);

          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_REFERENCE_FAILED,
                       "activities[%u].rollout: unknown rollout %s", i, q);
          return FALSE;
        }

      if (scheduled != NULL)
        {
          const char *problem = interval_problem (scheduled);

          if (problem != NULL)
            {
              g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                           "activities[%u].scheduled: %s", i, problem);
              return FALSE;
            }
        }
      else if (maint_activity_get_announced_at (activity) != 0)
        {
          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                       "activities[%u].announced_at: set without a scheduled slot", i);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
wave_selects (MaintWave *wave)
{
  return maint_wave_get_select_by_kind (wave) ||
         maint_wave_get_select_representative (wave) ||
         maint_wave_get_select_stage (wave) != MAINT_STAGE_NONE;
}

static gboolean
validate_rollouts (MaintFleet  *self,
                   GError     **error)
{
  for (guint i = 0; i < self->rollouts->len; i++)
    {
      MaintRollout *rollout = g_ptr_array_index (self->rollouts, i);
      GPtrArray *waves = maint_rollout_get_waves (rollout);
      MaintInterval *host_reboots = maint_rollout_get_host_reboots (rollout);
      g_autoptr(GHashTable) wave_names = NULL;

      if (maint_rollout_get_name (rollout)[0] == '\0')
        {
          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                       "rollouts[%u].name: must not be empty", i);
          return FALSE;
        }

      if (waves->len == 0)
        {
          g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                       "rollouts[%u].waves: at least one wave is required", i);
          return FALSE;
        }

      wave_names = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint j = 0; j < waves->len; j++)
        {
          MaintWave *wave = g_ptr_array_index (waves, j);
          const char *name = maint_wave_get_name (wave);
          gdouble share = maint_wave_get_share (wave);
          gint64 from = maint_wave_get_from (wave);
          gint64 until = maint_wave_get_until (wave);

          if (name == NULL || name[0] == '\0')
            {
              g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                           "rollouts[%u].waves[%u].name: must not be empty", i, j);
              return FALSE;
            }
          if (!g_hash_table_add (wave_names, (gpointer) name))
            {
              g_autofree char *q = maint_json_quote (name);

              g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_DUPLICATE_FAILED,
                           "rollouts[%u].waves[%u].name: duplicate wave name %s", i, j, q);
              return FALSE;
            }

          if (!(share >= 0.0 && share <= 1.0))
            {
              g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                           "rollouts[%u].waves[%u].share: %g is not in (0, 1]", i, j, share);
              return FALSE;
            }
          if (share > 0.0 && wave_selects (wave))
            {
              g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                           "rollouts[%u].waves[%u]: a wave has either a selection or a share, not both",
                           i, j);
              return FALSE;
            }
          if (share == 0.0 && !wave_selects (wave))
            {
              g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                           "rollouts[%u].waves[%u]: a wave needs a selection or a share",
                           i, j);
              return FALSE;
            }

          if (from != 0 && until != 0 && until <= from)
            {
              g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                           "rollouts[%u].waves[%u].until: not after from", i, j);
              return FALSE;
            }
        }

      if (host_reboots != NULL)
        {
          const char *problem = interval_problem (host_reboots);

          if (problem != NULL)
            {
              g_set_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_INVALID_FAILED,
                           "rollouts[%u].host_reboots: %s", i, problem);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/**
 * maint_fleet_validate:
 * @self: a fleet
 * @error: return location for a #GError
 *
 * Checks the fleet as a whole: every reference between objects and every
 * value that a single setter cannot check. The first problem is reported,
 * in the order of a fleet document — `policy`, `resource_groups`,
 * `machines`, `services`, `activities`, `rollouts`, and within each
 * object in the order of the rules below — as an error in the
 * %MAINT_FLEET_ERROR domain whose message starts with the JSON path of
 * the value at fault, for example
 * `machines[12].group: unknown resource group "acme"`. Names in messages
 * are quoted and escaped like JSON strings.
 *
 * The rules, with their error codes (%MAINT_FLEET_ERROR_INVALID_FAILED
 * for a bad value, %MAINT_FLEET_ERROR_REFERENCE_FAILED for a reference
 * to an object that does not exist or is of the wrong kind,
 * %MAINT_FLEET_ERROR_DUPLICATE_FAILED for something listed twice):
 *
 * Policy:
 *
 * - `policy.horizon` is longer than 0 (INVALID);
 * - `policy.setup` and `policy.min_slot` are not longer than the horizon
 *   (INVALID);
 * - `policy.min_slot` is longer than 0 when `policy.setup` is 0, so that
 *   no slot can be empty (INVALID).
 *
 * Resource groups, `resource_groups[i]`:
 *
 * - `name` is not empty (INVALID);
 * - `contacts` has at least one address (INVALID), and each
 *   `contacts[j]` is a well-formed e-mail address (INVALID): one `@`; a
 *   local part of at most 64 RFC 5322 atext characters and dots, without
 *   a leading, trailing or double dot; a domain of dot-separated labels of
 *   1 to 63 ASCII letters, digits and hyphens, not starting or ending
 *   with a hyphen; at most 254 characters; no spaces, control characters
 *   or quoted forms;
 * - `timezone` names a zone of the system tz database (INVALID);
 * - `locale` is a BCP 47 or ICU locale id such as `en`, `de-CH` or
 *   `de_DE` (INVALID);
 * - `stage` is not %MAINT_STAGE_NONE (INVALID);
 * - each `blackouts[j]` ends after it starts and lies between
 *   %MAINT_INSTANT_MIN and %MAINT_INSTANT_MAX (INVALID).
 *
 * A group without windows is valid; its machines just never get slots.
 *
 * Machines, `machines[i]`:
 *
 * - `name` is not empty (INVALID);
 * - `group` is set (INVALID) and names a resource group (REFERENCE);
 * - a VM has a `host` (INVALID) that is not the VM itself (REFERENCE),
 *   names a machine (REFERENCE) and that machine is of kind `host`
 *   (REFERENCE);
 * - a host or infrastructure machine has no `host` (INVALID);
 * - `booted_at` is not after the fleet's `now` when both are set
 *   (INVALID).
 *
 * Services, `services[i]`:
 *
 * - `name` is not empty (INVALID);
 * - `members` has at least one entry (INVALID); each `members[j]` names
 *   a machine (REFERENCE) and appears once (DUPLICATE);
 * - `max_unavailable` is at least 1 (INVALID);
 * - each `order[k]` is a member (REFERENCE) and appears once
 *   (DUPLICATE).
 *
 * Activities, `activities[i]`:
 *
 * - `id` is not empty (INVALID);
 * - `machine` is set (INVALID) and names a machine (REFERENCE);
 * - the `kind` `host-reboot` is only for machines of kind `host`
 *   (REFERENCE);
 * - a `custom` activity has a non-empty `summary` (INVALID);
 * - `deadline` is not before `not_before` when both are set (INVALID);
 *   an estimate of 0 is valid;
 * - `rollout`, when set, names a rollout (REFERENCE);
 * - `scheduled` ends after it starts and lies between %MAINT_INSTANT_MIN
 *   and %MAINT_INSTANT_MAX (INVALID);
 * - `announced_at` is only set together with `scheduled` (INVALID).
 *
 * Rollouts, `rollouts[i]`:
 *
 * - `name` is not empty (INVALID);
 * - `waves` has at least one wave (INVALID);
 * - each `waves[j].name` is not empty (INVALID) and unique in the
 *   rollout (DUPLICATE);
 * - `waves[j].share` is 0 (not a share wave) or in (0, 1] (INVALID);
 * - `waves[j]` has either a selection (by kind, representative or stage)
 *   or a share, not both and not neither (INVALID);
 * - `waves[j].until` is after `waves[j].from` when both are set
 *   (INVALID);
 * - `host_reboots` ends after it starts and lies between
 *   %MAINT_INSTANT_MIN and %MAINT_INSTANT_MAX (INVALID).
 *
 * Names and ids are unique by construction
 * ([method@Maint.Fleet.add_machine] and the other adders refuse
 * duplicates), and durations and instants are kept in range by the
 * setters, so neither is checked here. Window specs are valid by
 * construction ([func@Maint.WindowSpec.parse]).
 *
 * Returns: %TRUE if the fleet is valid, %FALSE with @error set otherwise
 */
gboolean
maint_fleet_validate (MaintFleet  *self,
                      GError     **error)
{
  g_return_val_if_fail (MAINT_IS_FLEET (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return validate_policy (self, error) &&
         validate_groups (self, error) &&
         validate_machines (self, error) &&
         validate_services (self, error) &&
         validate_activities (self, error) &&
         validate_rollouts (self, error);
}

static gboolean
arrays_equal (GPtrArray  *a,
              GPtrArray  *b,
              GEqualFunc  equal)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

/**
 * maint_fleet_equal:
 * @a: a fleet
 * @b: another fleet
 *
 * Compares two fleets deeply: `now`, the policies, and the groups,
 * machines, services, activities and rollouts in order, each with its
 * own `equal` function ([method@Maint.Machine.equal], ...). Saving a
 * fleet and loading it again gives an equal fleet.
 *
 * Returns: %TRUE if @a and @b are equal
 */
gboolean
maint_fleet_equal (MaintFleet *a,
                   MaintFleet *b)
{
  g_return_val_if_fail (MAINT_IS_FLEET (a), FALSE);
  g_return_val_if_fail (MAINT_IS_FLEET (b), FALSE);

  if (a == b)
    return TRUE;

  return a->now == b->now &&
         maint_policy_equal (a->policy, b->policy) &&
         arrays_equal (a->groups, b->groups, (GEqualFunc) maint_resource_group_equal) &&
         arrays_equal (a->machines, b->machines, (GEqualFunc) maint_machine_equal) &&
         arrays_equal (a->services, b->services, (GEqualFunc) maint_service_equal) &&
         arrays_equal (a->activities, b->activities, (GEqualFunc) maint_activity_equal) &&
         arrays_equal (a->rollouts, b->rollouts, (GEqualFunc) maint_rollout_equal);
}
