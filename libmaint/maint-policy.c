/* maint-policy.c: fleet-wide planning policy
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "maint-policy.h"
#include "maint-time.h"

/**
 * MaintPolicy:
 *
 * The fleet-wide rules of planning: how far ahead the scheduler looks
 * (the horizon), how long a downtime slot is at least and how much setup
 * time it carries, how many machines may be down at once fleet-wide and
 * per virtualisation host, the notice for emergency work, the uptime
 * limit that makes a reboot due, and whether a guest's reboot may be
 * absorbed by its host's reboot.
 *
 * Durations are in seconds. A policy is part of a [class@Maint.Fleet];
 * [ctor@Maint.Fleet.new] gives every fleet a default one.
 */

#define DEFAULT_HORIZON           (28 * 24 * 3600)
#define DEFAULT_SETUP             (5 * 60)
#define DEFAULT_MIN_SLOT          (15 * 60)
#define DEFAULT_EMERGENCY_NOTICE  (60 * 60)

struct _MaintPolicy
{
  GObject parent_instance;

  gint64   horizon;
  gint64   setup;
  gint64   min_slot;
  guint    max_concurrent;
  guint    max_concurrent_per_host;
  gint64   emergency_notice;
  gint64   max_uptime;
  gboolean coalesce_with_host_reboot;
};

G_DEFINE_FINAL_TYPE (MaintPolicy, maint_policy, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HORIZON,
  PROP_SETUP,
  PROP_MIN_SLOT,
  PROP_MAX_CONCURRENT,
  PROP_MAX_CONCURRENT_PER_HOST,
  PROP_EMERGENCY_NOTICE,
  PROP_MAX_UPTIME,
  PROP_COALESCE_WITH_HOST_REBOOT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
maint_policy_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MaintPolicy *self = MAINT_POLICY (object);

  switch (prop_id)
    {
    case PROP_HORIZON:
      g_value_set_int64 (value, self->horizon);
      break;
    case PROP_SETUP:
      g_value_set_int64 (value, self->setup);
      break;
    case PROP_MIN_SLOT:
      g_value_set_int64 (value, self->min_slot);
      break;
    case PROP_MAX_CONCURRENT:
      g_value_set_uint (value, self->max_concurrent);
      break;
    case PROP_MAX_CONCURRENT_PER_HOST:
      g_value_set_uint (value, self->max_concurrent_per_host);
      break;
    case PROP_EMERGENCY_NOTICE:
      g_value_set_int64 (value, self->emergency_notice);
      break;
    case PROP_MAX_UPTIME:
      g_value_set_int64 (value, self->max_uptime);
      break;
    case PROP_COALESCE_WITH_HOST_REBOOT:
      g_value_set_boolean (value, self->coalesce_with_host_reboot);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_policy_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  MaintPolicy *self = MAINT_POLICY (object);

  switch (prop_id)
    {
    case PROP_HORIZON:
      maint_policy_set_horizon (self, g_value_get_int64 (value));
      break;
    case PROP_SETUP:
      maint_policy_set_setup (self, g_value_get_int64 (value));
      break;
    case PROP_MIN_SLOT:
      maint_policy_set_min_slot (self, g_value_get_int64 (value));
      break;
    case PROP_MAX_CONCURRENT:
      maint_policy_set_max_concurrent (self, g_value_get_uint (value));
      break;
    case PROP_MAX_CONCURRENT_PER_HOST:
      maint_policy_set_max_concurrent_per_host (self, g_value_get_uint (value));
      break;
    case PROP_EMERGENCY_NOTICE:
      maint_policy_set_emergency_notice (self, g_value_get_int64 (value));
      break;
    case PROP_MAX_UPTIME:
      maint_policy_set_max_uptime (self, g_value_get_int64 (value));
      break;
    case PROP_COALESCE_WITH_HOST_REBOOT:
      maint_policy_set_coalesce_with_host_reboot (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_policy_class_init (MaintPolicyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = maint_policy_get_property;
  object_class->set_property = maint_policy_set_property;

  /**
   * MaintPolicy:horizon:
   *
   * How far ahead of the fleet's `now` slots may be planned, in seconds.
   *
   * Default: 2419200 (`P28D`).
   */
  properties[PROP_HORIZON] =
    g_param_spec_int64 ("horizon", NULL, NULL,
                        0, MAINT_DURATION_MAX, DEFAULT_HORIZON, flags);

  /**
   * MaintPolicy:setup:
   *
   * Time added to the sum of the activities' estimates of every slot, in
   * seconds: shutting down, booting, checking that services are back.
   *
   * Default: 300 (`PT5M`).
   */
  properties[PROP_SETUP] =
    g_param_spec_int64 ("setup", NULL, NULL,
                        0, MAINT_DURATION_MAX, DEFAULT_SETUP, flags);

  /**
   * MaintPolicy:min-slot:
   *
   * The shortest slot the scheduler plans, in seconds. Customers are
   * told about a downtime of at least this length.
   *
   * Default: 900 (`PT15M`).
   */
  properties[PROP_MIN_SLOT] =
    g_param_spec_int64 ("min-slot", NULL, NULL,
                        0, MAINT_DURATION_MAX, DEFAULT_MIN_SLOT, flags);

  /**
   * MaintPolicy:max-concurrent:
   *
   * How many machines of the whole fleet may be down at the same instant.
   *
   * Default: 0, which means unlimited.
   */
  properties[PROP_MAX_CONCURRENT] =
    g_param_spec_uint ("max-concurrent", NULL, NULL,
                       0, G_MAXUINT, 0, flags);

  /**
   * MaintPolicy:max-concurrent-per-host:
   *
   * How many guests of one virtualisation host may be down at the same
   * instant (outside the host's own reboot, which takes all of them down).
   *
   * Default: 0, which means unlimited.
   */
  properties[PROP_MAX_CONCURRENT_PER_HOST] =
    g_param_spec_uint ("max-concurrent-per-host", NULL, NULL,
                       0, G_MAXUINT, 0, flags);

  /**
   * MaintPolicy:emergency-notice:
   *
   * The notice, in seconds, that activities of priority
   * %MAINT_PRIORITY_EMERGENCY get instead of their group's notice.
   *
   * Default: 3600 (`PT1H`).
   */
  properties[PROP_EMERGENCY_NOTICE] =
    g_param_spec_int64 ("emergency-notice", NULL, NULL,
                        0, MAINT_DURATION_MAX, DEFAULT_EMERGENCY_NOTICE, flags);

  /**
   * MaintPolicy:max-uptime:
   *
   * The longest a machine may run without a reboot, in seconds; machines
   * whose uptime would exceed it get a deadline for their reboot (the
   * kernel bug that strikes after about 200 days).
   *
   * Default: 0, which means no limit.
   */
  properties[PROP_MAX_UPTIME] =
    g_param_spec_int64 ("max-uptime", NULL, NULL,
                        0, MAINT_DURATION_MAX, 0, flags);

  /**
   * MaintPolicy:coalesce-with-host-reboot:
   *
   * Whether a guest's reboot-requiring activity may be absorbed by its
   * host's reboot, so that the guest is rebooted once instead of twice.
   *
   * Default: %TRUE.
   */
  properties[PROP_COALESCE_WITH_HOST_REBOOT] =
    g_param_spec_boolean ("coalesce-with-host-reboot", NULL, NULL,
                          TRUE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
maint_policy_init (MaintPolicy *self)
{
  self->horizon = DEFAULT_HORIZON;
  self->setup = DEFAULT_SETUP;
  self->min_slot = DEFAULT_MIN_SLOT;
  self->emergency_notice = DEFAULT_EMERGENCY_NOTICE;
  self->coalesce_with_host_reboot = TRUE;
}

/**
 * maint_policy_new:
 *
 * Creates a policy with the default values (see the properties).
 *
 * Returns: (transfer full): a new policy
 */
MaintPolicy *
maint_policy_new (void)
{
  return g_object_new (MAINT_TYPE_POLICY, NULL);
}

/**
 * maint_policy_get_horizon:
 * @self: a policy
 *
 * Gets [property@Maint.Policy:horizon].
 *
 * Returns: the planning horizon in seconds
 */
gint64
maint_policy_get_horizon (MaintPolicy *self)
{
  g_return_val_if_fail (MAINT_IS_POLICY (self), 0);
  return self->horizon;
}

/**
 * maint_policy_set_horizon:
 * @self: a policy
 * @seconds: the planning horizon, 0 to %MAINT_DURATION_MAX
 *
 * Sets [property@Maint.Policy:horizon].
 */
void
maint_policy_set_horizon (MaintPolicy *self,
                          gint64       seconds)
{
  g_return_if_fail (MAINT_IS_POLICY (self));
  g_return_if_fail (seconds >= 0 && seconds <= MAINT_DURATION_MAX);

  if (self->horizon == seconds)
    return;
  self->horizon = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HORIZON]);
}

/**
 * maint_policy_get_setup:
 * @self: a policy
 *
 * Gets [property@Maint.Policy:setup].
 *
 * Returns: the setup time of a slot in seconds
 */
gint64
maint_policy_get_setup (MaintPolicy *self)
{
  g_return_val_if_fail (MAINT_IS_POLICY (self), 0);
  return self->setup;
}

/**
 * maint_policy_set_setup:
 * @self: a policy
 * @seconds: the setup time, 0 to %MAINT_DURATION_MAX
 *
 * Sets [property@Maint.Policy:setup].
 */
void
maint_policy_set_setup (MaintPolicy *self,
                        gint64       seconds)
{
  g_return_if_fail (MAINT_IS_POLICY (self));
  g_return_if_fail (seconds >= 0 && seconds <= MAINT_DURATION_MAX);

  if (self->setup == seconds)
    return;
  self->setup = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETUP]);
}

/**
 * maint_policy_get_min_slot:
 * @self: a policy
 *
 * Gets [property@Maint.Policy:min-slot].
 *
 * Returns: the minimum slot length in seconds
 */
gint64
maint_policy_get_min_slot (MaintPolicy *self)
{
  g_return_val_if_fail (MAINT_IS_POLICY (self), 0);
  return self->min_slot;
}

/**
 * maint_policy_set_min_slot:
 * @self: a policy
 * @seconds: the minimum slot length, 0 to %MAINT_DURATION_MAX
 *
 * Sets [property@Maint.Policy:min-slot].
 */
void
maint_policy_set_min_slot (MaintPolicy *self,
                           gint64       seconds)
{
  g_return_if_fail (MAINT_IS_POLICY (self));
  g_return_if_fail (seconds >= 0 && seconds <= MAINT_DURATION_MAX);

  if (self->min_slot == seconds)
    return;
  self->min_slot = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_SLOT]);
}

/**
 * maint_policy_get_max_concurrent:
 * @self: a policy
 *
 * Gets [property@Maint.Policy:max-concurrent].
 *
 * Returns: the fleet-wide limit of machines down at once, 0 for unlimited
 */
guint
maint_policy_get_max_concurrent (MaintPolicy *self)
{
  g_return_val_if_fail (MAINT_IS_POLICY (self), 0);
  return self->max_concurrent;
}

/**
 * maint_policy_set_max_concurrent:
 * @self: a policy
 * @count: the limit, 0 for unlimited
 *
 * Sets [property@Maint.Policy:max-concurrent].
 */
void
maint_policy_set_max_concurrent (MaintPolicy *self,
                                 guint        count)
{
  g_return_if_fail (MAINT_IS_POLICY (self));

  if (self->max_concurrent == count)
    return;
  self->max_concurrent = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_CONCURRENT]);
}

/**
 * maint_policy_get_max_concurrent_per_host:
 * @self: a policy
 *
 * Gets [property@Maint.Policy:max-concurrent-per-host].
 *
 * Returns: the limit of guests of one host down at once, 0 for unlimited
 */
guint
maint_policy_get_max_concurrent_per_host (MaintPolicy *self)
{
  g_return_val_if_fail (MAINT_IS_POLICY (self), 0);
  return self->max_concurrent_per_host;
}

/**
 * maint_policy_set_max_concurrent_per_host:
 * @self: a policy
 * @count: the limit, 0 for unlimited
 *
 * Sets [property@Maint.Policy:max-concurrent-per-host].
 */
void
maint_policy_set_max_concurrent_per_host (MaintPolicy *self,
                                          guint        count)
{
  g_return_if_fail (MAINT_IS_POLICY (self));

  if (self->max_concurrent_per_host == count)
    return;
  self->max_concurrent_per_host = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_CONCURRENT_PER_HOST]);
}

/**
 * maint_policy_get_emergency_notice:
 * @self: a policy
 *
 * Gets [property@Maint.Policy:emergency-notice].
 *
 * Returns: the notice for emergency activities in seconds
 */
gint64
maint_policy_get_emergency_notice (MaintPolicy *self)
{
  g_return_val_if_fail (MAINT_IS_POLICY (self), 0);
  return self->emergency_notice;
}

/**
 * maint_policy_set_emergency_notice:
 * @self: a policy
 * @seconds: the notice, 0 to %MAINT_DURATION_MAX
 *
 * Sets [property@Maint.Policy:emergency-notice].
 */
void
maint_policy_set_emergency_notice (MaintPolicy *self,
                                   gint64       seconds)
{
  g_return_if_fail (MAINT_IS_POLICY (self));
  g_return_if_fail (seconds >= 0 && seconds <= MAINT_DURATION_MAX);

  if (self->emergency_notice == seconds)
    return;
  self->emergency_notice = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMERGENCY_NOTICE]);
}

/**
 * maint_policy_get_max_uptime:
 * @self: a policy
 *
 * Gets [property@Maint.Policy:max-uptime].
 *
 * Returns: the uptime limit in seconds, 0 for none
 */
gint64
maint_policy_get_max_uptime (MaintPolicy *self)
{
  g_return_val_if_fail (MAINT_IS_POLICY (self), 0);
  return self->max_uptime;
}

/**
 * maint_policy_set_max_uptime:
 * @self: a policy
 * @seconds: the uptime limit, 0 for none, at most %MAINT_DURATION_MAX
 *
 * Sets [property@Maint.Policy:max-uptime].
 */
void
maint_policy_set_max_uptime (MaintPolicy *self,
                             gint64       seconds)
{
  g_return_if_fail (MAINT_IS_POLICY (self));
  g_return_if_fail (seconds >= 0 && seconds <= MAINT_DURATION_MAX);

  if (self->max_uptime == seconds)
    return;
  self->max_uptime = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_UPTIME]);
}

/**
 * maint_policy_get_coalesce_with_host_reboot:
 * @self: a policy
 *
 * Gets [property@Maint.Policy:coalesce-with-host-reboot].
 *
 * Returns: whether guests' reboots may be absorbed by host reboots
 */
gboolean
maint_policy_get_coalesce_with_host_reboot (MaintPolicy *self)
{
  g_return_val_if_fail (MAINT_IS_POLICY (self), FALSE);
  return self->coalesce_with_host_reboot;
}

/**
 * maint_policy_set_coalesce_with_host_reboot:
 * @self: a policy
 * @coalesce: whether guests' reboots may be absorbed by host reboots
 *
 * Sets [property@Maint.Policy:coalesce-with-host-reboot].
 */
void
maint_policy_set_coalesce_with_host_reboot (MaintPolicy *self,
                                            gboolean     coalesce)
{
  g_return_if_fail (MAINT_IS_POLICY (self));

  coalesce = !!coalesce;
  if (self->coalesce_with_host_reboot == coalesce)
    return;
  self->coalesce_with_host_reboot = coalesce;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COALESCE_WITH_HOST_REBOOT]);
}

/**
 * maint_policy_equal:
 * @a: a policy
 * @b: another policy
 *
 * Compares two policies field by field.
 *
 * Returns: %TRUE if every property of @a equals that of @b
 */
gboolean
maint_policy_equal (MaintPolicy *a,
                    MaintPolicy *b)
{
  g_return_val_if_fail (MAINT_IS_POLICY (a), FALSE);
  g_return_val_if_fail (MAINT_IS_POLICY (b), FALSE);

  if (a == b)
    return TRUE;

  return a->horizon == b->horizon &&
         a->setup == b->setup &&
         a->min_slot == b->min_slot &&
         a->max_concurrent == b->max_concurrent &&
         a->max_concurrent_per_host == b->max_concurrent_per_host &&
         a->emergency_notice == b->emergency_notice &&
         a->max_uptime == b->max_uptime &&
         a->coalesce_with_host_reboot == b->coalesce_with_host_reboot;
}
