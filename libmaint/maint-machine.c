/* maint-machine.c: a machine: VM, host or infrastructure
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "maint-machine.h"
#include "maint-enum-types.h"
#include "maint-time.h"

/**
 * MaintMachine:
 *
 * One machine of the fleet: a virtual machine (which runs on a host and
 * goes down with it), a virtualisation host, or an infrastructure machine.
 *
 * A machine belongs to a [class@Maint.ResourceGroup], named by
 * [property@Maint.Machine:group], whose windows, notice and contacts apply
 * to it. Its stage is the group's unless [property@Maint.Machine:stage]
 * overrides it. [property@Maint.Machine:booted-at] and
 * [property@Maint.Machine:reboots] record its history; the scheduler uses
 * the boot time to order emergency work by uptime.
 *
 * References to other objects are by name and are checked by
 * [method@Maint.Fleet.validate].
 */

struct _MaintMachine
{
  GObject parent_instance;

  char             *name;
  char             *group;
  MaintMachineKind  kind;
  char             *host;
  gboolean          auto_schedule;
  gboolean          representative;
  MaintStage        stage;
  gint64            booted_at;
  guint             reboots;
};

G_DEFINE_FINAL_TYPE (MaintMachine, maint_machine, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_GROUP,
  PROP_KIND,
  PROP_HOST,
  PROP_AUTO_SCHEDULE,
  PROP_REPRESENTATIVE,
  PROP_STAGE,
  PROP_BOOTED_AT,
  PROP_REBOOTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
maint_machine_finalize (GObject *object)
{
  MaintMachine *self = MAINT_MACHINE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->group, g_free);
  g_clear_pointer (&self->host, g_free);

  G_OBJECT_CLASS (maint_machine_parent_class)->finalize (object);
}

static void
maint_machine_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MaintMachine *self = MAINT_MACHINE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_GROUP:
      g_value_set_string (value, self->group);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_HOST:
      g_value_set_string (value, self->host);
      break;
    case PROP_AUTO_SCHEDULE:
      g_value_set_boolean (value, self->auto_schedule);
      break;
    case PROP_REPRESENTATIVE:
      g_value_set_boolean (value, self->representative);
      break;
    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;
    case PROP_BOOTED_AT:
      g_value_set_int64 (value, self->booted_at);
      break;
    case PROP_REBOOTS:
      g_value_set_uint (value, self->reboots);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_machine_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MaintMachine *self = MAINT_MACHINE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_GROUP:
      maint_machine_set_group (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      maint_machine_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_HOST:
      maint_machine_set_host (self, g_value_get_string (value));
      break;
    case PROP_AUTO_SCHEDULE:
      maint_machine_set_auto_schedule (self, g_value_get_boolean (value));
      break;
    case PROP_REPRESENTATIVE:
      maint_machine_set_representative (self, g_value_get_boolean (value));
      break;
    case PROP_STAGE:
      maint_machine_set_stage (self, g_value_get_enum (value));
      break;
    case PROP_BOOTED_AT:
      maint_machine_set_booted_at (self, g_value_get_int64 (value));
      break;
    case PROP_REBOOTS:
      maint_machine_set_reboots (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_machine_class_init (MaintMachineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = maint_machine_finalize;
  object_class->get_property = maint_machine_get_property;
  object_class->set_property = maint_machine_set_property;

  /**
   * MaintMachine:name:
   *
   * The machine's name, unique in a fleet.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         flags | G_PARAM_CONSTRUCT_ONLY);

  /**
   * MaintMachine:group:
   *
   * The name of the [class@Maint.ResourceGroup] the machine belongs to.
   * A valid fleet needs it to name an existing group.
   *
   * Default: as passed to [ctor@Maint.Machine.new]; %NULL otherwise.
   */
  properties[PROP_GROUP] =
    g_param_spec_string ("group", NULL, NULL, NULL, flags);

  /**
   * MaintMachine:kind:
   *
   * What the machine is.
   *
   * Default: as passed to [ctor@Maint.Machine.new];
   * %MAINT_MACHINE_KIND_VM otherwise.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       MAINT_TYPE_MACHINE_KIND, MAINT_MACHINE_KIND_VM, flags);

  /**
   * MaintMachine:host:
   *
   * For a VM, the name of the machine of kind %MAINT_MACHINE_KIND_HOST it
   * runs on; a VM needs one, other kinds must not have one.
   *
   * Default: %NULL.
   */
  properties[PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL, NULL, flags);

  /**
   * MaintMachine:auto-schedule:
   *
   * Whether the scheduler may give the machine new slots. Slots already
   * announced stay either way.
   *
   * Default: %TRUE.
   */
  properties[PROP_AUTO_SCHEDULE] =
    g_param_spec_boolean ("auto-schedule", NULL, NULL, TRUE, flags);

  /**
   * MaintMachine:representative:
   *
   * Whether the machine belongs to the representative set a rollout may
   * update in an early wave.
   *
   * Default: %FALSE.
   */
  properties[PROP_REPRESENTATIVE] =
    g_param_spec_boolean ("representative", NULL, NULL, FALSE, flags);

  /**
   * MaintMachine:stage:
   *
   * The machine's own stage, overriding its group's;
   * %MAINT_STAGE_NONE means the group's stage applies (see
   * [method@Maint.Fleet.get_machine_stage]).
   *
   * Default: %MAINT_STAGE_NONE.
   */
  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL,
                       MAINT_TYPE_STAGE, MAINT_STAGE_NONE, flags);

  /**
   * MaintMachine:booted-at:
   *
   * When the machine was last booted, a UTC instant in seconds since the
   * Unix epoch.
   *
   * Default: 0, which means unknown.
   */
  properties[PROP_BOOTED_AT] =
    g_param_spec_int64 ("booted-at", NULL, NULL,
                        0, MAINT_INSTANT_MAX, 0, flags);

  /**
   * MaintMachine:reboots:
   *
   * How many maintenance reboots the machine has had so far.
   *
   * Default: 0.
   */
  properties[PROP_REBOOTS] =
    g_param_spec_uint ("reboots", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
maint_machine_init (MaintMachine *self)
{
  self->kind = MAINT_MACHINE_KIND_VM;
  self->auto_schedule = TRUE;
  self->stage = MAINT_STAGE_NONE;
}

/**
 * maint_machine_new:
 * @name: the machine's name
 * @group: the name of its resource group
 * @kind: what the machine is
 *
 * Creates a machine. A VM still needs a host
 * ([method@Maint.Machine.set_host]).
 *
 * Returns: (transfer full): a new machine
 */
MaintMachine *
maint_machine_new (const char       *name,
                   const char       *group,
                   MaintMachineKind  kind)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (group != NULL, NULL);

  return g_object_new (MAINT_TYPE_MACHINE,
                       "name", name,
                       "group", group,
                       "kind", kind,
                       NULL);
}

/**
 * maint_machine_get_name:
 * @self: a machine
 *
 * Gets [property@Maint.Machine:name].
 *
 * Returns: (nullable): the name, %NULL only if the machine was
 *   constructed without one
 */
const char *
maint_machine_get_name (MaintMachine *self)
{
  g_return_val_if_fail (MAINT_IS_MACHINE (self), NULL);
  return self->name;
}

/**
 * maint_machine_get_group:
 * @self: a machine
 *
 * Gets [property@Maint.Machine:group].
 *
 * Returns: (nullable): the name of the machine's resource group
 */
const char *
maint_machine_get_group (MaintMachine *self)
{
  g_return_val_if_fail (MAINT_IS_MACHINE (self), NULL);
  return self->group;
}

/**
 * maint_machine_set_group:
 * @self: a machine
 * @group: (nullable): the name of a resource group
 *
 * Sets [property@Maint.Machine:group].
 */
void
maint_machine_set_group (MaintMachine *self,
                         const char   *group)
{
  g_return_if_fail (MAINT_IS_MACHINE (self));

  if (set_string (&self->group, group))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP]);
}

/**
 * maint_machine_get_kind:
 * @self: a machine
 *
 * Gets [property@Maint.Machine:kind].
 *
 * Returns: the machine's kind
 */
MaintMachineKind
maint_machine_get_kind (MaintMachine *self)
{
  g_return_val_if_fail (MAINT_IS_MACHINE (self), MAINT_MACHINE_KIND_VM);
  return self->kind;
}

/**
 * maint_machine_set_kind:
 * @self: a machine
 * @kind: the machine's kind
 *
 * Sets [property@Maint.Machine:kind].
 */
void
maint_machine_set_kind (MaintMachine     *self,
                        MaintMachineKind  kind)
{
  g_return_if_fail (MAINT_IS_MACHINE (self));
  g_return_if_fail (kind >= MAINT_MACHINE_KIND_VM && kind <= MAINT_MACHINE_KIND_INFRASTRUCTURE);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * maint_machine_get_host:
 * @self: a machine
 *
 * Gets [property@Maint.Machine:host].
 *
 * Returns: (nullable): the name of the VM's host, or %NULL
 */
const char *
maint_machine_get_host (MaintMachine *self)
{
  g_return_val_if_fail (MAINT_IS_MACHINE (self), NULL);
  return self->host;
}

/**
 * maint_machine_set_host:
 * @self: a machine
 * @host: (nullable): the name of the host the VM runs on, or %NULL
 *
 * Sets [property@Maint.Machine:host].
 */
void
maint_machine_set_host (MaintMachine *self,
                        const char   *host)
{
  g_return_if_fail (MAINT_IS_MACHINE (self));

  if (set_string (&self->host, host))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOST]);
}

/**
 * maint_machine_get_auto_schedule:
 * @self: a machine
 *
 * Gets [property@Maint.Machine:auto-schedule].
 *
 * Returns: whether the scheduler may give the machine new slots
 */
gboolean
maint_machine_get_auto_schedule (MaintMachine *self)
{
  g_return_val_if_fail (MAINT_IS_MACHINE (self), FALSE);
  return self->auto_schedule;
}

/**
 * maint_machine_set_auto_schedule:
 * @self: a machine
 * @auto_schedule: whether the scheduler may give the machine new slots
 *
 * Sets [property@Maint.Machine:auto-schedule].
 */
void
maint_machine_set_auto_schedule (MaintMachine *self,
                                 gboolean      auto_schedule)
{
  g_return_if_fail (MAINT_IS_MACHINE (self));

  auto_schedule = !!auto_schedule;
  if (self->auto_schedule == auto_schedule)
    return;
  self->auto_schedule = auto_schedule;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTO_SCHEDULE]);
}

/**
 * maint_machine_get_representative:
 * @self: a machine
 *
 * Gets [property@Maint.Machine:representative].
 *
 * Returns: whether the machine is in the representative set
 */
gboolean
maint_machine_get_representative (MaintMachine *self)
{
  g_return_val_if_fail (MAINT_IS_MACHINE (self), FALSE);
  return self->representative;
}

/**
 * maint_machine_set_representative:
 * @self: a machine
 * @representative: whether the machine is in the representative set
 *
 * Sets [property@Maint.Machine:representative].
 */
void
maint_machine_set_representative (MaintMachine *self,
                                  gboolean      representative)
{
  g_return_if_fail (MAINT_IS_MACHINE (self));

  representative = !!representative;
  if (self->representative == representative)
    return;
  self->representative = representative;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPRESENTATIVE]);
}

/**
 * maint_machine_get_stage:
 * @self: a machine
 *
 * Gets [property@Maint.Machine:stage], the machine's own stage. Use
 * [method@Maint.Fleet.get_machine_stage] for the stage that applies.
 *
 * Returns: the stage override, or %MAINT_STAGE_NONE
 */
MaintStage
maint_machine_get_stage (MaintMachine *self)
{
  g_return_val_if_fail (MAINT_IS_MACHINE (self), MAINT_STAGE_NONE);
  return self->stage;
}

/**
 * maint_machine_set_stage:
 * @self: a machine
 * @stage: the stage override, or %MAINT_STAGE_NONE for the group's
 *
 * Sets [property@Maint.Machine:stage].
 */
void
maint_machine_set_stage (MaintMachine *self,
                         MaintStage    stage)
{
  g_return_if_fail (MAINT_IS_MACHINE (self));
  g_return_if_fail (stage >= MAINT_STAGE_NONE && stage <= MAINT_STAGE_INFRASTRUCTURE);

  if (self->stage == stage)
    return;
  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

/**
 * maint_machine_get_booted_at:
 * @self: a machine
 *
 * Gets [property@Maint.Machine:booted-at].
 *
 * Returns: the last boot as a UTC instant in seconds, or 0 if unknown
 */
gint64
maint_machine_get_booted_at (MaintMachine *self)
{
  g_return_val_if_fail (MAINT_IS_MACHINE (self), 0);
  return self->booted_at;
}

/**
 * maint_machine_set_booted_at:
 * @self: a machine
 * @instant: the last boot, 0 (unknown) to %MAINT_INSTANT_MAX
 *
 * Sets [property@Maint.Machine:booted-at].
 */
void
maint_machine_set_booted_at (MaintMachine *self,
                             gint64        instant)
{
  g_return_if_fail (MAINT_IS_MACHINE (self));
  g_return_if_fail (instant >= 0 && instant <= MAINT_INSTANT_MAX);

  if (self->booted_at == instant)
    return;
  self->booted_at = instant;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOTED_AT]);
}

/**
 * maint_machine_get_reboots:
 * @self: a machine
 *
 * Gets [property@Maint.Machine:reboots].
 *
 * Returns: the number of reboots recorded so far
 */
guint
maint_machine_get_reboots (MaintMachine *self)
{
  g_return_val_if_fail (MAINT_IS_MACHINE (self), 0);
  return self->reboots;
}

/**
 * maint_machine_set_reboots:
 * @self: a machine
 * @reboots: the number of reboots recorded so far
 *
 * Sets [property@Maint.Machine:reboots].
 */
void
maint_machine_set_reboots (MaintMachine *self,
                           guint         reboots)
{
  g_return_if_fail (MAINT_IS_MACHINE (self));

  if (self->reboots == reboots)
    return;
  self->reboots = reboots;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REBOOTS]);
}

/**
 * maint_machine_equal:
 * @a: a machine
 * @b: another machine
 *
 * Compares two machines property by property.
 *
 * Returns: %TRUE if @a and @b are equal
 */
gboolean
maint_machine_equal (MaintMachine *a,
                     MaintMachine *b)
{
  g_return_val_if_fail (MAINT_IS_MACHINE (a), FALSE);
  g_return_val_if_fail (MAINT_IS_MACHINE (b), FALSE);

  if (a == b)
    return TRUE;

  return g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->group, b->group) == 0 &&
         a->kind == b->kind &&
         g_strcmp0 (a->host, b->host) == 0 &&
         a->auto_schedule == b->auto_schedule &&
         a->representative == b->representative &&
         a->stage == b->stage &&
         a->booted_at == b->booted_at &&
         a->reboots == b->reboots;
}
