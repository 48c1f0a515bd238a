/* maint-activity.c: a queued maintenance activity
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "maint-activity.h"
#include "maint-activity-private.h"
#include "maint-enum-types.h"
#include "maint-time.h"

/**
 * MaintActivity:
 *
 * A piece of maintenance work queued for one machine: a memory resize, a
 * kernel update, a file system check, a reboot, ...
 *
 * The scheduler gives every activity a slot: a downtime of its machine
 * that lies in the group's windows and respects the notice, the
 * activity's [property@Maint.Activity:not-before] and, if it can,
 * its [property@Maint.Activity:deadline]. Activities of one machine that
 * fit one slot are coalesced into one downtime with one reboot.
 *
 * Once a slot has been announced to the customer it is recorded in
 * [property@Maint.Activity:scheduled] together with
 * [property@Maint.Activity:announced-at], and the scheduler keeps it
 * exactly as it is.
 */

struct _MaintActivity
{
  GObject parent_instance;

  char              *id;
  char              *machine;
  MaintActivityKind  kind;
  char              *summary;
  gint64             estimate;
  MaintRebootKind    reboot;
  MaintPriority      priority;
  gint64             not_before;
  gint64             deadline;
  char              *rollout;
  MaintInterval     *scheduled;
  gint64             announced_at;
};

G_DEFINE_FINAL_TYPE (MaintActivity, maint_activity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_MACHINE,
  PROP_KIND,
  PROP_SUMMARY,
  PROP_ESTIMATE,
  PROP_REBOOT,
  PROP_PRIORITY,
  PROP_NOT_BEFORE,
  PROP_DEADLINE,
  PROP_ROLLOUT,
  PROP_SCHEDULED,
  PROP_ANNOUNCED_AT,
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

static gboolean
intervals_equal0 (const MaintInterval *a,
                  const MaintInterval *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return maint_interval_equal (a, b);
}

static void
maint_activity_finalize (GObject *object)
{
  MaintActivity *self = MAINT_ACTIVITY (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->machine, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->rollout, g_free);
  g_clear_pointer (&self->scheduled, maint_interval_unref);

  G_OBJECT_CLASS (maint_activity_parent_class)->finalize (object);
}

static void
maint_activity_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MaintActivity *self = MAINT_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_MACHINE:
      g_value_set_string (value, self->machine);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_ESTIMATE:
      g_value_set_int64 (value, self->estimate);
      break;
    case PROP_REBOOT:
      g_value_set_enum (value, self->reboot);
      break;
    case PROP_PRIORITY:
      g_value_set_enum (value, self->priority);
      break;
    case PROP_NOT_BEFORE:
      g_value_set_int64 (value, self->not_before);
      break;
    case PROP_DEADLINE:
      g_value_set_int64 (value, self->deadline);
      break;
    case PROP_ROLLOUT:
      g_value_set_string (value, self->rollout);
      break;
    case PROP_SCHEDULED:
      g_value_set_boxed (value, self->scheduled);
      break;
    case PROP_ANNOUNCED_AT:
      g_value_set_int64 (value, self->announced_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_activity_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MaintActivity *self = MAINT_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_MACHINE:
      maint_activity_set_machine (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      maint_activity_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_SUMMARY:
      maint_activity_set_summary (self, g_value_get_string (value));
      break;
    case PROP_ESTIMATE:
      maint_activity_set_estimate (self, g_value_get_int64 (value));
      break;
    case PROP_REBOOT:
      maint_activity_set_reboot (self, g_value_get_enum (value));
      break;
    case PROP_PRIORITY:
      maint_activity_set_priority (self, g_value_get_enum (value));
      break;
    case PROP_NOT_BEFORE:
      maint_activity_set_not_before (self, g_value_get_int64 (value));
      break;
    case PROP_DEADLINE:
      maint_activity_set_deadline (self, g_value_get_int64 (value));
      break;
    case PROP_ROLLOUT:
      maint_activity_set_rollout (self, g_value_get_string (value));
      break;
    case PROP_SCHEDULED:
      maint_activity_set_scheduled (self, g_value_get_boxed (value));
      break;
    case PROP_ANNOUNCED_AT:
      maint_activity_set_announced_at (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_activity_class_init (MaintActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = maint_activity_finalize;
  object_class->get_property = maint_activity_get_property;
  object_class->set_property = maint_activity_set_property;

  /**
   * MaintActivity:id:
   *
   * The activity's id, unique in a fleet.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         flags | G_PARAM_CONSTRUCT_ONLY);

  /**
   * MaintActivity:machine:
   *
   * The name of the machine the work is done on.
   *
   * Default: as passed to [ctor@Maint.Activity.new]; %NULL otherwise.
   */
  properties[PROP_MACHINE] =
    g_param_spec_string ("machine", NULL, NULL, NULL, flags);

  /**
   * MaintActivity:kind:
   *
   * What work is done. %MAINT_ACTIVITY_KIND_HOST_REBOOT needs a machine
   * of kind %MAINT_MACHINE_KIND_HOST and %MAINT_ACTIVITY_KIND_CUSTOM a
   * summary.
   *
   * Default: as passed to [ctor@Maint.Activity.new];
   * %MAINT_ACTIVITY_KIND_REBOOT otherwise.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       MAINT_TYPE_ACTIVITY_KIND, MAINT_ACTIVITY_KIND_REBOOT, flags);

  /**
   * MaintActivity:summary:
   *
   * A one-line description for the announcement.
   *
   * Default: %NULL.
   */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, flags);

  /**
   * MaintActivity:estimate:
   *
   * How long the work takes, in seconds, not counting the policy's setup
   * time. 0 is allowed (the slot is then the setup time or the minimum
   * slot).
   *
   * Default: 0.
   */
  properties[PROP_ESTIMATE] =
    g_param_spec_int64 ("estimate", NULL, NULL,
                        0, MAINT_DURATION_MAX, 0, flags);

  /**
   * MaintActivity:reboot:
   *
   * What reboot the work needs.
   *
   * Default: %MAINT_REBOOT_KIND_NONE.
   */
  properties[PROP_REBOOT] =
    g_param_spec_enum ("reboot", NULL, NULL,
                       MAINT_TYPE_REBOOT_KIND, MAINT_REBOOT_KIND_NONE, flags);

  /**
   * MaintActivity:priority:
   *
   * The activity's priority.
   *
   * Default: %MAINT_PRIORITY_NORMAL.
   */
  properties[PROP_PRIORITY] =
    g_param_spec_enum ("priority", NULL, NULL,
                       MAINT_TYPE_PRIORITY, MAINT_PRIORITY_NORMAL, flags);

  /**
   * MaintActivity:not-before:
   *
   * The earliest start of the activity's slot, a UTC instant in seconds.
   *
   * Default: 0, which means no such limit.
   */
  properties[PROP_NOT_BEFORE] =
    g_param_spec_int64 ("not-before", NULL, NULL,
                        0, MAINT_INSTANT_MAX, 0, flags);

  /**
   * MaintActivity:deadline:
   *
   * When the activity should be done by, a UTC instant in seconds. A
   * missed deadline is reported, not a reason to leave the activity out.
   * It must not be before [property@Maint.Activity:not-before].
   *
   * Default: 0, which means no deadline.
   */
  properties[PROP_DEADLINE] =
    g_param_spec_int64 ("deadline", NULL, NULL,
                        0, MAINT_INSTANT_MAX, 0, flags);

  /**
   * MaintActivity:rollout:
   *
   * The name of the [class@Maint.Rollout] the activity belongs to, or
   * %NULL.
   *
   * Default: %NULL.
   */
  properties[PROP_ROLLOUT] =
    g_param_spec_string ("rollout", NULL, NULL, NULL, flags);

  /**
   * MaintActivity:scheduled:
   *
   * The slot the activity was announced for, which the scheduler keeps
   * as it is, or %NULL if it has not been announced.
   *
   * Default: %NULL.
   */
  properties[PROP_SCHEDULED] =
    g_param_spec_boxed ("scheduled", NULL, NULL, MAINT_TYPE_INTERVAL, flags);

  /**
   * MaintActivity:announced-at:
   *
   * When [property@Maint.Activity:scheduled] was announced, a UTC instant
   * in seconds. Only meaningful with a scheduled slot.
   *
   * Default: 0, which means not announced.
   */
  properties[PROP_ANNOUNCED_AT] =
    g_param_spec_int64 ("announced-at", NULL, NULL,
                        0, MAINT_INSTANT_MAX, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
maint_activity_init (MaintActivity *self)
{
  self->kind = MAINT_ACTIVITY_KIND_REBOOT;
  self->reboot = MAINT_REBOOT_KIND_NONE;
  self->priority = MAINT_PRIORITY_NORMAL;
}

/**
 * maint_activity_new:
 * @id: the activity's id
 * @machine: the name of the machine
 * @kind: what work is done
 *
 * Creates an activity of normal priority, without reboot, estimate or
 * time limits.
 *
 * Returns: (transfer full): a new activity
 */
MaintActivity *
maint_activity_new (const char        *id,
                    const char        *machine,
                    MaintActivityKind  kind)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (machine != NULL, NULL);

  return g_object_new (MAINT_TYPE_ACTIVITY,
                       "id", id,
                       "machine", machine,
                       "kind", kind,
                       NULL);
}

MaintActivity *
maint_activity_new_take (char              *id,
                         const char        *machine,
                         MaintActivityKind  kind,
                         const char        *summary,
                         gint64             estimate,
                         MaintRebootKind    reboot,
                         MaintPriority      priority,
                         const char        *rollout)
{
  MaintActivity *self = g_object_new (MAINT_TYPE_ACTIVITY, NULL);

  self->id = id;
  self->machine = g_strdup (machine);
  self->kind = kind;
  self->summary = g_strdup (summary);
  self->estimate = estimate;
  self->reboot = reboot;
  self->priority = priority;
  self->rollout = g_strdup (rollout);
  return self;
}

/**
 * maint_activity_get_id:
 * @self: an activity
 *
 * Gets [property@Maint.Activity:id].
 *
 * Returns: (nullable): the id, %NULL only if the activity was constructed
 *   without one
 */
const char *
maint_activity_get_id (MaintActivity *self)
{
  g_return_val_if_fail (MAINT_IS_ACTIVITY (self), NULL);
  return self->id;
}

/**
 * maint_activity_get_machine:
 * @self: an activity
 *
 * Gets [property@Maint.Activity:machine].
 *
 * Returns: (nullable): the name of the machine
 */
const char *
maint_activity_get_machine (MaintActivity *self)
{
  g_return_val_if_fail (MAINT_IS_ACTIVITY (self), NULL);
  return self->machine;
}

/**
 * maint_activity_set_machine:
 * @self: an activity
 * @machine: (nullable): the name of the machine
 *
 * Sets [property@Maint.Activity:machine].
 */
void
maint_activity_set_machine (MaintActivity *self,
                            const char    *machine)
{
  g_return_if_fail (MAINT_IS_ACTIVITY (self));

  if (set_string (&self->machine, machine))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MACHINE]);
}

/**
 * maint_activity_get_kind:
 * @self: an activity
 *
 * Gets [property@Maint.Activity:kind].
 *
 * Returns: what work is done
 */
MaintActivityKind
maint_activity_get_kind (MaintActivity *self)
{
  g_return_val_if_fail (MAINT_IS_ACTIVITY (self), MAINT_ACTIVITY_KIND_REBOOT);
  return self->kind;
}

/**
 * maint_activity_set_kind:
 * @self: an activity
 * @kind: what work is done
 *
 * Sets [property@Maint.Activity:kind].
 */
void
maint_activity_set_kind (MaintActivity     *self,
                         MaintActivityKind  kind)
{
  g_return_if_fail (MAINT_IS_ACTIVITY (self));
  g_return_if_fail (kind >= MAINT_ACTIVITY_KIND_REBOOT && kind <= MAINT_ACTIVITY_KIND_CUSTOM);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * maint_activity_get_summary:
 * @self: an activity
 *
 * Gets [property@Maint.Activity:summary].
 *
 * Returns: (nullable): the summary
 */
const char *
maint_activity_get_summary (MaintActivity *self)
{
  g_return_val_if_fail (MAINT_IS_ACTIVITY (self), NULL);
  return self->summary;
}

/**
 * maint_activity_set_summary:
 * @self: an activity
 * @summary: (nullable): a one-line description
 *
 * Sets [property@Maint.Activity:summary].
 */
void
maint_activity_set_summary (MaintActivity *self,
                            const char    *summary)
{
  g_return_if_fail (MAINT_IS_ACTIVITY (self));

  if (set_string (&self->summary, summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

/**
 * maint_activity_get_estimate:
 * @self: an activity
 *
 * Gets [property@Maint.Activity:estimate].
 *
 * Returns: the estimated duration in seconds
 */
gint64
maint_activity_get_estimate (MaintActivity *self)
{
  g_return_val_if_fail (MAINT_IS_ACTIVITY (self), 0);
  return self->estimate;
}

/**
 * maint_activity_set_estimate:
 * @self: an activity
 * @seconds: the estimated duration, 0 to %MAINT_DURATION_MAX
 *
 * Sets [property@Maint.Activity:estimate].
 */
void
maint_activity_set_estimate (MaintActivity *self,
                             gint64         seconds)
{
  g_return_if_fail (MAINT_IS_ACTIVITY (self));
  g_return_if_fail (seconds >= 0 && seconds <= MAINT_DURATION_MAX);

  if (self->estimate == seconds)
    return;
  self->estimate = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ESTIMATE]);
}

/**
 * maint_activity_get_reboot:
 * @self: an activity
 *
 * Gets [property@Maint.Activity:reboot].
 *
 * Returns: the reboot the work needs
 */
MaintRebootKind
maint_activity_get_reboot (MaintActivity *self)
{
  g_return_val_if_fail (MAINT_IS_ACTIVITY (self), MAINT_REBOOT_KIND_NONE);
  return self->reboot;
}

/**
 * maint_activity_set_reboot:
 * @self: an activity
 * @reboot: the reboot the work needs
 *
 * Sets [property@Maint.Activity:reboot].
 */
void
maint_activity_set_reboot (MaintActivity   *self,
                           MaintRebootKind  reboot)
{
  g_return_if_fail (MAINT_IS_ACTIVITY (self));
  g_return_if_fail (reboot >= MAINT_REBOOT_KIND_NONE && reboot <= MAINT_REBOOT_KIND_COLD);

  if (self->reboot == reboot)
    return;
  self->reboot = reboot;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REBOOT]);
}

/**
 * maint_activity_get_priority:
 * @self: an activity
 *
 * Gets [property@Maint.Activity:priority].
 *
 * Returns: the priority
 */
MaintPriority
maint_activity_get_priority (MaintActivity *self)
{
  g_return_val_if_fail (MAINT_IS_ACTIVITY (self), MAINT_PRIORITY_NORMAL);
  return self->priority;
}

/**
 * maint_activity_set_priority:
 * @self: an activity
 * @priority: the priority
 *
 * Sets [property@Maint.Activity:priority].
 */
void
maint_activity_set_priority (MaintActivity *self,
                             MaintPriority  priority)
{
  g_return_if_fail (MAINT_IS_ACTIVITY (self));
  g_return_if_fail (priority >= MAINT_PRIORITY_NORMAL && priority <= MAINT_PRIORITY_EMERGENCY);

  if (self->priority == priority)
    return;
  self->priority = priority;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIORITY]);
}

/**
 * maint_activity_get_not_before:
 * @self: an activity
 *
 * Gets [property@Maint.Activity:not-before].
 *
 * Returns: the earliest start as a UTC instant in seconds, or 0
 */
gint64
maint_activity_get_not_before (MaintActivity *self)
{
  g_return_val_if_fail (MAINT_IS_ACTIVITY (self), 0);
  return self->not_before;
}

/**
 * maint_activity_set_not_before:
 * @self: an activity
 * @instant: the earliest start, 0 (none) to %MAINT_INSTANT_MAX
 *
 * Sets [property@Maint.Activity:not-before].
 */
void
maint_activity_set_not_before (MaintActivity *self,
                               gint64         instant)
{
  g_return_if_fail (MAINT_IS_ACTIVITY (self));
  g_return_if_fail (instant >= 0 && instant <= MAINT_INSTANT_MAX);

  if (self->not_before == instant)
    return;
  self->not_before = instant;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOT_BEFORE]);
}

/**
 * maint_activity_get_deadline:
 * @self: an activity
 *
 * Gets [property@Maint.Activity:deadline].
 *
 * Returns: the deadline as a UTC instant in seconds, or 0
 */
gint64
maint_activity_get_deadline (MaintActivity *self)
{
  g_return_val_if_fail (MAINT_IS_ACTIVITY (self), 0);
  return self->deadline;
}

/**
 * maint_activity_set_deadline:
 * @self: an activity
 * @instant: the deadline, 0 (none) to %MAINT_INSTANT_MAX
 *
 * Sets [property@Maint.Activity:deadline].
 */
void
maint_activity_set_deadline (MaintActivity *self,
                             gint64         instant)
{
  g_return_if_fail (MAINT_IS_ACTIVITY (self));
  g_return_if_fail (instant >= 0 && instant <= MAINT_INSTANT_MAX);

  if (self->deadline == instant)
    return;
  self->deadline = instant;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE]);
}

/**
 * maint_activity_get_rollout:
 * @self: an activity
 *
 * Gets [property@Maint.Activity:rollout].
 *
 * Returns: (nullable): the name of the activity's rollout, or %NULL
 */
const char *
maint_activity_get_rollout (MaintActivity *self)
{
  g_return_val_if_fail (MAINT_IS_ACTIVITY (self), NULL);
  return self->rollout;
}

/**
 * maint_activity_set_rollout:
 * @self: an activity
 * @rollout: (nullable): the name of a rollout, or %NULL
 *
 * Sets [property@Maint.Activity:rollout].
 */
void
maint_activity_set_rollout (MaintActivity *self,
                            const char    *rollout)
{
  g_return_if_fail (MAINT_IS_ACTIVITY (self));

  if (set_string (&self->rollout, rollout))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLLOUT]);
}

/**
 * maint_activity_get_scheduled:
 * @self: an activity
 *
 * Gets [property@Maint.Activity:scheduled].
 *
 * Returns: (transfer none) (nullable): the announced slot, or %NULL
 */
MaintInterval *
maint_activity_get_scheduled (MaintActivity *self)
{
  g_return_val_if_fail (MAINT_IS_ACTIVITY (self), NULL);
  return self->scheduled;
}

/**
 * maint_activity_set_scheduled:
 * @self: an activity
 * @scheduled: (transfer none) (nullable): the announced slot, or %NULL
 *
 * Sets [property@Maint.Activity:scheduled]. The activity keeps a
 * reference.
 */
void
maint_activity_set_scheduled (MaintActivity *self,
                              MaintInterval *scheduled)
{
  g_return_if_fail (MAINT_IS_ACTIVITY (self));

  if (intervals_equal0 (self->scheduled, scheduled))
    return;

  g_clear_pointer (&self->scheduled, maint_interval_unref);
  if (scheduled != NULL)
    self->scheduled = maint_interval_ref (scheduled);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULED]);
}

/**
 * maint_activity_get_announced_at:
 * @self: an activity
 *
 * Gets [property@Maint.Activity:announced-at].
 *
 * Returns: when the slot was announced, a UTC instant in seconds, or 0
 */
gint64
maint_activity_get_announced_at (MaintActivity *self)
{
  g_return_val_if_fail (MAINT_IS_ACTIVITY (self), 0);
  return self->announced_at;
}

/**
 * maint_activity_set_announced_at:
 * @self: an activity
 * @instant: when the slot was announced, 0 (not) to %MAINT_INSTANT_MAX
 *
 * Sets [property@Maint.Activity:announced-at].
 */
void
maint_activity_set_announced_at (MaintActivity *self,
                                 gint64         instant)
{
  g_return_if_fail (MAINT_IS_ACTIVITY (self));
  g_return_if_fail (instant >= 0 && instant <= MAINT_INSTANT_MAX);

  if (self->announced_at == instant)
    return;
  self->announced_at = instant;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOUNCED_AT]);
}

/**
 * maint_activity_equal:
 * @a: an activity
 * @b: another activity
 *
 * Compares two activities property by property.
 *
 * Returns: %TRUE if @a and @b are equal
 */
gboolean
maint_activity_equal (MaintActivity *a,
                      MaintActivity *b)
{
  g_return_val_if_fail (MAINT_IS_ACTIVITY (a), FALSE);
  g_return_val_if_fail (MAINT_IS_ACTIVITY (b), FALSE);

  if (a == b)
    return TRUE;

  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->machine, b->machine) == 0 &&
         a->kind == b->kind &&
         g_strcmp0 (a->summary, b->summary) == 0 &&
         a->estimate == b->estimate &&
         a->reboot == b->reboot &&
         a->priority == b->priority &&
         a->not_before == b->not_before &&
         a->deadline == b->deadline &&
         g_strcmp0 (a->rollout, b->rollout) == 0 &&
         intervals_equal0 (a->scheduled, b->scheduled) &&
         a->announced_at == b->announced_at;
}
