/* maint-plan.c: a dated maintenance plan
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "maint-plan.h"
#include "maint-plan-private.h"
#include "maint-enum-types.h"
#include "maint-time.h"

G_DEFINE_QUARK (maint-plan-error-quark, maint_plan_error)

/* Replaces *dest with a copy of @src; returns whether it changed.
 * (g_set_str() is newer than the GLib we require.) */
static gboolean
set_str (char       **dest,
         const char  *src)
{
  if (g_strcmp0 (*dest, src) == 0)
    return FALSE;
  g_free (*dest);
  *dest = g_strdup (src);
  return TRUE;
}

/* The names of machines, groups, rollouts and waves are GRefStrings: a
 * plan from the scheduler has several objects per machine (its slots,
 * its reboot count, its downtimes as a guest), and they share one copy of
 * each name (maint-plan-private.h). Replaces *dest with @src's name;
 * returns whether it changed. */
static gboolean
set_name (char       **dest,
          const char  *src)
{
  if (g_strcmp0 (*dest, src) == 0)
    return FALSE;
  g_clear_pointer (dest, g_ref_string_release);
  *dest = src != NULL ? g_ref_string_new (src) : NULL;
  return TRUE;
}

/* Replaces the name *dest with the shared @name (a GRefString or NULL) */
static void
share_name (char **dest,
            char  *name)
{
  g_clear_pointer (dest, g_ref_string_release);
  *dest = name != NULL ? g_ref_string_acquire (name) : NULL;
}

char **
maint_strv_pack (const char * const *strv,
                 gssize              n)
{
  gsize size, count = 0;
  char **out;
  char *text;

  if (n < 0)
    {
      while (strv != NULL && strv[count] != NULL)
        count++;
    }
  else
    count = (gsize) n;
  size = (count + 1) * sizeof (char *);
  for (gsize i = 0; i < count; i++)
    size += strlen (strv[i]) + 1;

  out = g_malloc (size);
  text = (char *) (out + count + 1);
  for (gsize i = 0; i < count; i++)
    {
      gsize len = strlen (strv[i]) + 1;

      memcpy (text, strv[i], len);
      out[i] = text;
      text += len;
    }
  out[count] = NULL;
  return out;
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  static const char * const empty[] = { NULL };

  return g_strv_equal ((const char * const *) (a ? a : empty),
                       (const char * const *) (b ? b : empty));
}

/* ------------------------------------------------------------------ */
/* MaintSlot                                                           */

/**
 * MaintSlot:
 *
 * One machine's downtime in a plan: the half-open interval
 * `[start, end)` during which the machine is down, holding one or more
 * of that machine's activities. Activities that share a slot are
 * coalesced: the customer sees one downtime and at most one reboot, of
 * the strongest kind any of them needs (cold beats warm).
 *
 * Besides the UTC instants a slot carries the local start and end in its
 * resource group's time zone, as announced to the customer (RFC 3339
 * with the group's offset), the rollout and wave it belongs to, and
 * `announce_by`: the latest instant at which the notice must be sent so
 * that the group's notice period is honoured.
 *
 * A pinned slot was already announced; the scheduler keeps it exactly as
 * it is.
 *
 * Instants are seconds since the Unix epoch; 0 means "not set". The
 * machine, start and end are fixed at construction; everything else may
 * be set until the slot is handed to a plan.
 */

struct _MaintSlot
{
  GObject parent_instance;

  char            *machine;
  char            *group;
  gint64           start;
  gint64           end;
  char            *local_start;
  char            *local_end;
  char           **activities;   /* never NULL */
  MaintRebootKind  reboot;
  char            *rollout;
  char            *wave;
  gint64           announce_by;
  gboolean         pinned;

  /* The plans holding this slot (one, usually; @more_plans for the
   * others), told when the activities change: a plain link instead of a
   * "notify::activities" handler per slot, which made a plan of 100,000
   * slots spend a third of its construction in GSignal. Guarded by
   * slot_plans_lock. */
  MaintPlan       *plan;
  GPtrArray       *more_plans;
};

G_DEFINE_FINAL_TYPE (MaintSlot, maint_slot, G_TYPE_OBJECT)

static GMutex slot_plans_lock;

static void plan_slot_activities_changed (MaintPlan *self);

enum {
  SLOT_PROP_0,
  SLOT_PROP_MACHINE,
  SLOT_PROP_GROUP,
  SLOT_PROP_START,
  SLOT_PROP_END,
  SLOT_PROP_LOCAL_START,
  SLOT_PROP_LOCAL_END,
  SLOT_PROP_ACTIVITIES,
  SLOT_PROP_REBOOT,
  SLOT_PROP_ROLLOUT,
  SLOT_PROP_WAVE,
  SLOT_PROP_ANNOUNCE_BY,
  SLOT_PROP_PINNED,
  SLOT_N_PROPS
};

static GParamSpec *slot_properties[SLOT_N_PROPS];

static void
maint_slot_finalize (GObject *object)
{
  MaintSlot *self = MAINT_SLOT (object);

  g_clear_pointer (&self->machine, g_ref_string_release);
  g_clear_pointer (&self->group, g_ref_string_release);
  g_clear_pointer (&self->local_start, g_free);
  g_clear_pointer (&self->local_end, g_free);
  g_clear_pointer (&self->activities, g_free);
  g_clear_pointer (&self->rollout, g_ref_string_release);
  g_clear_pointer (&self->wave, g_ref_string_release);
  g_clear_pointer (&self->more_plans, g_ptr_array_unref);

  G_OBJECT_CLASS (maint_slot_parent_class)->finalize (object);
}

static void
maint_slot_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MaintSlot *self = MAINT_SLOT (object);

  switch (prop_id)
    {
    case SLOT_PROP_MACHINE:
      g_value_set_string (value, self->machine);
      break;
    case SLOT_PROP_GROUP:
      g_value_set_string (value, self->group);
      break;
    case SLOT_PROP_START:
      g_value_set_int64 (value, self->start);
      break;
    case SLOT_PROP_END:
      g_value_set_int64 (value, self->end);
      break;
    case SLOT_PROP_LOCAL_START:
      g_value_set_string (value, self->local_start);
      break;
    case SLOT_PROP_LOCAL_END:
      g_value_set_string (value, self->local_end);
      break;
    case SLOT_PROP_ACTIVITIES:
      g_value_set_boxed (value, self->activities);
      break;
    case SLOT_PROP_REBOOT:
      g_value_set_enum (value, self->reboot);
      break;
    case SLOT_PROP_ROLLOUT:
      g_value_set_string (value, self->rollout);
      break;
    case SLOT_PROP_WAVE:
      g_value_set_string (value, self->wave);
      break;
    case SLOT_PROP_ANNOUNCE_BY:
      g_value_set_int64 (value, self->announce_by);
      break;
    case SLOT_PROP_PINNED:
      g_value_set_boolean (value, self->pinned);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_slot_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MaintSlot *self = MAINT_SLOT (object);

  switch (prop_id)
    {
    case SLOT_PROP_MACHINE:
      /* construct-only */
      set_name (&self->machine, g_value_get_string (value));
      break;
    case SLOT_PROP_GROUP:
      maint_slot_set_group (self, g_value_get_string (value));
      break;
    case SLOT_PROP_START:
      self->start = g_value_get_int64 (value);
      break;
    case SLOT_PROP_END:
      self->end = g_value_get_int64 (value);
      break;
    case SLOT_PROP_LOCAL_START:
      maint_slot_set_local_start (self, g_value_get_string (value));
      break;
    case SLOT_PROP_LOCAL_END:
      maint_slot_set_local_end (self, g_value_get_string (value));
      break;
    case SLOT_PROP_ACTIVITIES:
      maint_slot_set_activities (self, g_value_get_boxed (value));
      break;
    case SLOT_PROP_REBOOT:
      maint_slot_set_reboot (self, g_value_get_enum (value));
      break;
    case SLOT_PROP_ROLLOUT:
      maint_slot_set_rollout (self, g_value_get_string (value));
      break;
    case SLOT_PROP_WAVE:
      maint_slot_set_wave (self, g_value_get_string (value));
      break;
    case SLOT_PROP_ANNOUNCE_BY:
      maint_slot_set_announce_by (self, g_value_get_int64 (value));
      break;
    case SLOT_PROP_PINNED:
      maint_slot_set_pinned (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_slot_class_init (MaintSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = maint_slot_finalize;
  object_class->get_property = maint_slot_get_property;
  object_class->set_property = maint_slot_set_property;

  /**
   * MaintSlot:machine:
   *
   * The name of the machine that is down during the slot.
   */
  slot_properties[SLOT_PROP_MACHINE] =
    g_param_spec_string ("machine", NULL, NULL, NULL,
                         flags | G_PARAM_CONSTRUCT_ONLY);

  /**
   * MaintSlot:group:
   *
   * The name of the machine's resource group, or %NULL if not set.
   */
  slot_properties[SLOT_PROP_GROUP] =
    g_param_spec_string ("group", NULL, NULL, NULL, flags);

  /**
   * MaintSlot:start:
   *
   * The instant the downtime starts, in seconds since the Unix epoch.
   */
  slot_properties[SLOT_PROP_START] =
    g_param_spec_int64 ("start", NULL, NULL,
                        0, MAINT_INSTANT_MAX, 0,
                        flags | G_PARAM_CONSTRUCT_ONLY);

  /**
   * MaintSlot:end:
   *
   * The instant the downtime ends (exclusive), in seconds since the Unix
   * epoch.
   */
  slot_properties[SLOT_PROP_END] =
    g_param_spec_int64 ("end", NULL, NULL,
                        0, MAINT_INSTANT_MAX, 0,
                        flags | G_PARAM_CONSTRUCT_ONLY);

  /**
   * MaintSlot:local-start:
   *
   * The start in the group's time zone as an RFC 3339 text with the
   * zone's offset at that instant, e.g. `2013-03-04T22:00:00+01:00`, or
   * %NULL if not set.
   */
  slot_properties[SLOT_PROP_LOCAL_START] =
    g_param_spec_string ("local-start", NULL, NULL, NULL, flags);

  /**
   * MaintSlot:local-end:
   *
   * The end in the group's time zone as an RFC 3339 text with the zone's
   * offset at that instant, or %NULL if not set.
   */
  slot_properties[SLOT_PROP_LOCAL_END] =
    g_param_spec_string ("local-end", NULL, NULL, NULL, flags);

  /**
   * MaintSlot:activities:
   *
   * The ids of the machine's activities done in this slot, in plan
   * order. Never %NULL when read; may be empty.
   */
  slot_properties[SLOT_PROP_ACTIVITIES] =
    g_param_spec_boxed ("activities", NULL, NULL, G_TYPE_STRV, flags);

  /**
   * MaintSlot:reboot:
   *
   * The reboot the slot causes: the strongest of its activities'.
   */
  slot_properties[SLOT_PROP_REBOOT] =
    g_param_spec_enum ("reboot", NULL, NULL,
                       MAINT_TYPE_REBOOT_KIND, MAINT_REBOOT_KIND_NONE, flags);

  /**
   * MaintSlot:rollout:
   *
   * The name of the rollout the slot's activities belong to, or %NULL.
   */
  slot_properties[SLOT_PROP_ROLLOUT] =
    g_param_spec_string ("rollout", NULL, NULL, NULL, flags);

  /**
   * MaintSlot:wave:
   *
   * The name of the rollout wave the slot belongs to, or %NULL.
   */
  slot_properties[SLOT_PROP_WAVE] =
    g_param_spec_string ("wave", NULL, NULL, NULL, flags);

  /**
   * MaintSlot:announce-by:
   *
   * The latest instant at which the notice of this slot must be sent to
   * the group's contacts so that the notice period holds, or 0 if not
   * set.
   */
  slot_properties[SLOT_PROP_ANNOUNCE_BY] =
    g_param_spec_int64 ("announce-by", NULL, NULL,
                        0, MAINT_INSTANT_MAX, 0, flags);

  /**
   * MaintSlot:pinned:
   *
   * Whether the slot was already announced. Pinned slots are kept exactly
   * as they are by the scheduler.
   */
  slot_properties[SLOT_PROP_PINNED] =
    g_param_spec_boolean ("pinned", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, SLOT_N_PROPS, slot_properties);
}

static void
maint_slot_init (MaintSlot *self)
{
  self->activities = g_new0 (char *, 1);
}

/* Tells every plan holding @self that its activities changed. The list
 * is copied under the lock so the plans may be told without it. */
static void
slot_tell_plans (MaintSlot *self)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);

  g_mutex_lock (&slot_plans_lock);
  if (self->plan != NULL)
    g_ptr_array_add (plans, g_object_ref (self->plan));
  for (guint i = 0; self->more_plans != NULL && i < self->more_plans->len; i++)
    g_ptr_array_add (plans, g_object_ref (g_ptr_array_index (self->more_plans, i)));
  g_mutex_unlock (&slot_plans_lock);

  for (guint i = 0; i < plans->len; i++)
    plan_slot_activities_changed (g_ptr_array_index (plans, i));
}

/* Called with slot_plans_lock held. */
static void
slot_link_plan (MaintSlot *self,
                MaintPlan *plan)
{
  if (self->plan == NULL)
    self->plan = plan;
  else
    {
      if (self->more_plans == NULL)
        self->more_plans = g_ptr_array_new ();
      g_ptr_array_add (self->more_plans, plan);
    }
}

/* Called with slot_plans_lock held; drops one link. */
static void
slot_unlink_plan (MaintSlot *self,
                  MaintPlan *plan)
{
  if (self->more_plans != NULL && g_ptr_array_remove (self->more_plans, plan))
    return;
  if (self->plan == plan)
    {
      self->plan = NULL;
      if (self->more_plans != NULL && self->more_plans->len > 0)
        self->plan = g_ptr_array_steal_index (self->more_plans, self->more_plans->len - 1);
    }
}

/* The scheduler's constructor (maint-plan-private.h): sets the fields
 * directly, no GValue, no notifications (nobody can listen yet). Shares
 * the names, takes @local_start, @local_end and @activities. */
MaintSlot *
maint_slot_new_take (char             *machine,
                     char             *group,
                     gint64            start,
                     gint64            end,
                     char             *local_start,
                     char             *local_end,
                     char            **activities,
                     MaintRebootKind   reboot,
                     gint64            announce_by,
                     gboolean          pinned,
                     char             *rollout,
                     char             *wave)
{
  MaintSlot *self;

  g_return_val_if_fail (machine != NULL, NULL);
  g_return_val_if_fail (start >= 0 && start <= MAINT_INSTANT_MAX, NULL);
  g_return_val_if_fail (end >= start && end <= MAINT_INSTANT_MAX, NULL);
  g_return_val_if_fail (reboot >= MAINT_REBOOT_KIND_NONE && reboot <= MAINT_REBOOT_KIND_COLD, NULL);

  self = g_object_new (MAINT_TYPE_SLOT, NULL);
  share_name (&self->machine, machine);
  share_name (&self->group, group);
  share_name (&self->rollout, rollout);
  share_name (&self->wave, wave);
  self->start = start;
  self->end = end;
  self->local_start = local_start;
  self->local_end = local_end;
  if (activities != NULL)
    {
      g_free (self->activities);
      self->activities = activities;
    }
  self->reboot = reboot;
  /* As maint_slot_set_announce_by(): out of range is a programming error */
  if (announce_by >= 0 && announce_by <= MAINT_INSTANT_MAX)
    self->announce_by = announce_by;
  else
    g_critical ("%s: announce_by %" G_GINT64_FORMAT " out of range", G_STRFUNC, announce_by);
  self->pinned = !!pinned;
  return self;
}

/**
 * maint_slot_new:
 * @machine: the name of the machine that is down
 * @start: the start of the downtime, in seconds since the Unix epoch
 * @end: the end of the downtime (exclusive); not before @start
 *
 * Creates a slot with no activities, no reboot and nothing else set.
 *
 * Returns: (transfer full): a new slot
 */
MaintSlot *
maint_slot_new (const char *machine,
                gint64      start,
                gint64      end)
{
  g_return_val_if_fail (machine != NULL, NULL);
  g_return_val_if_fail (start >= 0 && start <= MAINT_INSTANT_MAX, NULL);
  g_return_val_if_fail (end >= start && end <= MAINT_INSTANT_MAX, NULL);

  return g_object_new (MAINT_TYPE_SLOT,
                       "machine", machine,
                       "start", start,
                       "end", end,
                       NULL);
}

/**
 * maint_slot_get_machine:
 * @self: a slot
 *
 * Gets [property@Maint.Slot:machine].
 *
 * Returns: the machine's name
 */
const char *
maint_slot_get_machine (MaintSlot *self)
{
  g_return_val_if_fail (MAINT_IS_SLOT (self), NULL);
  return self->machine;
}

/**
 * maint_slot_get_group:
 * @self: a slot
 *
 * Gets [property@Maint.Slot:group].
 *
 * Returns: (nullable): the resource group's name
 */
const char *
maint_slot_get_group (MaintSlot *self)
{
  g_return_val_if_fail (MAINT_IS_SLOT (self), NULL);
  return self->group;
}

/**
 * maint_slot_set_group:
 * @self: a slot
 * @group: (nullable): the resource group's name
 *
 * Sets [property@Maint.Slot:group].
 */
void
maint_slot_set_group (MaintSlot  *self,
                      const char *group)
{
  g_return_if_fail (MAINT_IS_SLOT (self));

  if (set_name (&self->group, group))
    g_object_notify_by_pspec (G_OBJECT (self), slot_properties[SLOT_PROP_GROUP]);
}

/**
 * maint_slot_get_start:
 * @self: a slot
 *
 * Gets [property@Maint.Slot:start].
 *
 * Returns: the start of the downtime, in seconds since the Unix epoch
 */
gint64
maint_slot_get_start (MaintSlot *self)
{
  g_return_val_if_fail (MAINT_IS_SLOT (self), 0);
  return self->start;
}

/**
 * maint_slot_get_end:
 * @self: a slot
 *
 * Gets [property@Maint.Slot:end].
 *
 * Returns: the end of the downtime (exclusive), in seconds since the Unix
 *   epoch
 */
gint64
maint_slot_get_end (MaintSlot *self)
{
  g_return_val_if_fail (MAINT_IS_SLOT (self), 0);
  return self->end;
}

/**
 * maint_slot_get_local_start:
 * @self: a slot
 *
 * Gets [property@Maint.Slot:local-start].
 *
 * Returns: (nullable): the start in the group's time zone, RFC 3339
 */
const char *
maint_slot_get_local_start (MaintSlot *self)
{
  g_return_val_if_fail (MAINT_IS_SLOT (self), NULL);
  return self->local_start;
}

/**
 * maint_slot_set_local_start:
 * @self: a slot
 * @local_start: (nullable): the start in the group's time zone, RFC 3339
 *   with the zone's offset
 *
 * Sets [property@Maint.Slot:local-start].
 */
void
maint_slot_set_local_start (MaintSlot  *self,
                            const char *local_start)
{
  g_return_if_fail (MAINT_IS_SLOT (self));

  if (set_str (&self->local_start, local_start))
    g_object_notify_by_pspec (G_OBJECT (self), slot_properties[SLOT_PROP_LOCAL_START]);
}

/**
 * maint_slot_get_local_end:
 * @self: a slot
 *
 * Gets [property@Maint.Slot:local-end].
 *
 * Returns: (nullable): the end in the group's time zone, RFC 3339
 */
const char *
maint_slot_get_local_end (MaintSlot *self)
{
  g_return_val_if_fail (MAINT_IS_SLOT (self), NULL);
  return self->local_end;
}

/**
 * maint_slot_set_local_end:
 * @self: a slot
 * @local_end: (nullable): the end in the group's time zone, RFC 3339 with
 *   the zone's offset
 *
 * Sets [property@Maint.Slot:local-end].
 */
void
maint_slot_set_local_end (MaintSlot  *self,
                          const char *local_end)
{
  g_return_if_fail (MAINT_IS_SLOT (self));

  if (set_str (&self->local_end, local_end))
    g_object_notify_by_pspec (G_OBJECT (self), slot_properties[SLOT_PROP_LOCAL_END]);
}

/**
 * maint_slot_get_activities:
 * @self: a slot
 *
 * Gets [property@Maint.Slot:activities].
 *
 * Returns: (transfer none) (array zero-terminated=1): the activity ids,
 *   possibly empty
 */
const char * const *
maint_slot_get_activities (MaintSlot *self)
{
  g_return_val_if_fail (MAINT_IS_SLOT (self), NULL);
  return (const char * const *) self->activities;
}

/**
 * maint_slot_set_activities:
 * @self: a slot
 * @activities: (nullable) (array zero-terminated=1): the activity ids;
 *   %NULL is the same as an empty list
 *
 * Sets [property@Maint.Slot:activities].
 */
void
maint_slot_set_activities (MaintSlot          *self,
                           const char * const *activities)
{
  g_return_if_fail (MAINT_IS_SLOT (self));

  if (strv_equal0 ((const char * const *) self->activities, activities))
    return;

  g_free (self->activities);
  self->activities = activities ? maint_strv_pack (activities, -1) : g_new0 (char *, 1);
  g_object_notify_by_pspec (G_OBJECT (self), slot_properties[SLOT_PROP_ACTIVITIES]);
  slot_tell_plans (self);
}

/**
 * maint_slot_get_reboot:
 * @self: a slot
 *
 * Gets [property@Maint.Slot:reboot].
 *
 * Returns: the reboot the slot causes
 */
MaintRebootKind
maint_slot_get_reboot (MaintSlot *self)
{
  g_return_val_if_fail (MAINT_IS_SLOT (self), MAINT_REBOOT_KIND_NONE);
  return self->reboot;
}

/**
 * maint_slot_set_reboot:
 * @self: a slot
 * @reboot: the reboot the slot causes
 *
 * Sets [property@Maint.Slot:reboot].
 */
void
maint_slot_set_reboot (MaintSlot       *self,
                       MaintRebootKind  reboot)
{
  g_return_if_fail (MAINT_IS_SLOT (self));
  g_return_if_fail (reboot >= MAINT_REBOOT_KIND_NONE && reboot <= MAINT_REBOOT_KIND_COLD);

  if (self->reboot == reboot)
    return;
  self->reboot = reboot;
  g_object_notify_by_pspec (G_OBJECT (self), slot_properties[SLOT_PROP_REBOOT]);
}

/**
 * maint_slot_get_rollout:
 * @self: a slot
 *
 * Gets [property@Maint.Slot:rollout].
 *
 * Returns: (nullable): the rollout's name
 */
const char *
maint_slot_get_rollout (MaintSlot *self)
{
  g_return_val_if_fail (MAINT_IS_SLOT (self), NULL);
  return self->rollout;
}

/**
 * maint_slot_set_rollout:
 * @self: a slot
 * @rollout: (nullable): the rollout's name
 *
 * Sets [property@Maint.Slot:rollout].
 */
void
maint_slot_set_rollout (MaintSlot  *self,
                        const char *rollout)
{
  g_return_if_fail (MAINT_IS_SLOT (self));

  if (set_name (&self->rollout, rollout))
    g_object_notify_by_pspec (G_OBJECT (self), slot_properties[SLOT_PROP_ROLLOUT]);
}

/**
 * maint_slot_get_wave:
 * @self: a slot
 *
 * Gets [property@Maint.Slot:wave].
 *
 * Returns: (nullable): the wave's name
 */
const char *
maint_slot_get_wave (MaintSlot *self)
{
  g_return_val_if_fail (MAINT_IS_SLOT (self), NULL);
  return self->wave;
}

/**
 * maint_slot_set_wave:
 * @self: a slot
 * @wave: (nullable): the wave's name
 *
 * Sets [property@Maint.Slot:wave].
 */
void
maint_slot_set_wave (MaintSlot  *self,
                     const char *wave)
{
  g_return_if_fail (MAINT_IS_SLOT (self));

  if (set_name (&self->wave, wave))
    g_object_notify_by_pspec (G_OBJECT (self), slot_properties[SLOT_PROP_WAVE]);
}

/**
 * maint_slot_get_announce_by:
 * @self: a slot
 *
 * Gets [property@Maint.Slot:announce-by].
 *
 * Returns: the latest instant to send the notice, or 0 if not set
 */
gint64
maint_slot_get_announce_by (MaintSlot *self)
{
  g_return_val_if_fail (MAINT_IS_SLOT (self), 0);
  return self->announce_by;
}

/**
 * maint_slot_set_announce_by:
 * @self: a slot
 * @instant: the latest instant to send the notice, 0 to
 *   %MAINT_INSTANT_MAX; 0 means not set
 *
 * Sets [property@Maint.Slot:announce-by].
 */
void
maint_slot_set_announce_by (MaintSlot *self,
                            gint64     instant)
{
  g_return_if_fail (MAINT_IS_SLOT (self));
  g_return_if_fail (instant >= 0 && instant <= MAINT_INSTANT_MAX);

  if (self->announce_by == instant)
    return;
  self->announce_by = instant;
  g_object_notify_by_pspec (G_OBJECT (self), slot_properties[SLOT_PROP_ANNOUNCE_BY]);
}

/**
 * maint_slot_get_pinned:
 * @self: a slot
 *
 * Gets [property@Maint.Slot:pinned].
 *
 * Returns: whether the slot was already announced and is kept as it is
 */
gboolean
maint_slot_get_pinned (MaintSlot *self)
{
  g_return_val_if_fail (MAINT_IS_SLOT (self), FALSE);
  return self->pinned;
}

/**
 * maint_slot_set_pinned:
 * @self: a slot
 * @pinned: whether the slot was already announced
 *
 * Sets [property@Maint.Slot:pinned].
 */
void
maint_slot_set_pinned (MaintSlot *self,
                       gboolean   pinned)
{
  g_return_if_fail (MAINT_IS_SLOT (self));

  pinned = !!pinned;
  if (self->pinned == pinned)
    return;
  self->pinned = !!pinned;
  g_object_notify_by_pspec (G_OBJECT (self), slot_properties[SLOT_PROP_PINNED]);
}

/**
 * maint_slot_equal:
 * @a: a slot
 * @b: another slot
 *
 * Compares every field of two slots: machine, group, start, end, local
 * times, activities (in order), reboot, rollout, wave, announce-by and
 * pinned.
 *
 * Returns: whether @a and @b are equal
 */
gboolean
maint_slot_equal (MaintSlot *a,
                  MaintSlot *b)
{
  g_return_val_if_fail (MAINT_IS_SLOT (a), FALSE);
  g_return_val_if_fail (MAINT_IS_SLOT (b), FALSE);

  if (a == b)
    return TRUE;

  return a->start == b->start &&
         a->end == b->end &&
         a->reboot == b->reboot &&
         a->announce_by == b->announce_by &&
         a->pinned == b->pinned &&
         g_strcmp0 (a->machine, b->machine) == 0 &&
         g_strcmp0 (a->group, b->group) == 0 &&
         g_strcmp0 (a->local_start, b->local_start) == 0 &&
         g_strcmp0 (a->local_end, b->local_end) == 0 &&
         g_strcmp0 (a->rollout, b->rollout) == 0 &&
         g_strcmp0 (a->wave, b->wave) == 0 &&
         strv_equal0 ((const char * const *) a->activities,
                      (const char * const *) b->activities);
}

/* ------------------------------------------------------------------ */
/* MaintUnscheduled                                                    */

/**
 * MaintUnscheduled:
 *
 * An activity the scheduler could not place in the horizon, with the
 * reason (a machine-readable [enum@Maint.UnscheduledReason]) and a
 * sentence that a customer-support person can read, e.g. "every window
 * of group acme within the horizon is shorter than the 2 h the slot
 * needs".
 *
 * Immutable: every field is set at construction.
 */

struct _MaintUnscheduled
{
  GObject parent_instance;

  char                   *activity;
  char                   *machine;
  MaintUnscheduledReason  reason;
  char                   *detail;
};

G_DEFINE_FINAL_TYPE (MaintUnscheduled, maint_unscheduled, G_TYPE_OBJECT)

enum {
  UNSCHEDULED_PROP_0,
  UNSCHEDULED_PROP_ACTIVITY,
  UNSCHEDULED_PROP_MACHINE,
  UNSCHEDULED_PROP_REASON,
  UNSCHEDULED_PROP_DETAIL,
  UNSCHEDULED_N_PROPS
};

static GParamSpec *unscheduled_properties[UNSCHEDULED_N_PROPS];

static void
maint_unscheduled_finalize (GObject *object)
{
  MaintUnscheduled *self = MAINT_UNSCHEDULED (object);

  g_clear_pointer (&self->activity, g_free);
  g_clear_pointer (&self->machine, g_ref_string_release);
  g_clear_pointer (&self->detail, g_free);

  G_OBJECT_CLASS (maint_unscheduled_parent_class)->finalize (object);
}

static void
maint_unscheduled_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MaintUnscheduled *self = MAINT_UNSCHEDULED (object);

  switch (prop_id)
    {
    case UNSCHEDULED_PROP_ACTIVITY:
      g_value_set_string (value, self->activity);
      break;
    case UNSCHEDULED_PROP_MACHINE:
      g_value_set_string (value, self->machine);
      break;
    case UNSCHEDULED_PROP_REASON:
      g_value_set_enum (value, self->reason);
      break;
    case UNSCHEDULED_PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_unscheduled_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MaintUnscheduled *self = MAINT_UNSCHEDULED (object);

  /* All construct-only: no notification needed. */
  switch (prop_id)
    {
    case UNSCHEDULED_PROP_ACTIVITY:
      set_str (&self->activity, g_value_get_string (value));
      break;
    case UNSCHEDULED_PROP_MACHINE:
      set_name (&self->machine, g_value_get_string (value));
      break;
    case UNSCHEDULED_PROP_REASON:
      self->reason = g_value_get_enum (value);
      break;
    case UNSCHEDULED_PROP_DETAIL:
      set_str (&self->detail, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_unscheduled_class_init (MaintUnscheduledClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                            G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = maint_unscheduled_finalize;
  object_class->get_property = maint_unscheduled_get_property;
  object_class->set_property = maint_unscheduled_set_property;

  /**
   * MaintUnscheduled:activity:
   *
   * The id of the activity that got no slot.
   */
  unscheduled_properties[UNSCHEDULED_PROP_ACTIVITY] =
    g_param_spec_string ("activity", NULL, NULL, NULL, flags);

  /**
   * MaintUnscheduled:machine:
   *
   * The name of the activity's machine.
   */
  unscheduled_properties[UNSCHEDULED_PROP_MACHINE] =
    g_param_spec_string ("machine", NULL, NULL, NULL, flags);

  /**
   * MaintUnscheduled:reason:
   *
   * Why the activity got no slot.
   */
  unscheduled_properties[UNSCHEDULED_PROP_REASON] =
    g_param_spec_enum ("reason", NULL, NULL,
                       MAINT_TYPE_UNSCHEDULED_REASON,
                       MAINT_UNSCHEDULED_AUTO_SCHEDULE_OFF, flags);

  /**
   * MaintUnscheduled:detail:
   *
   * A sentence explaining the reason in terms of the fleet, for people.
   */
  unscheduled_properties[UNSCHEDULED_PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, UNSCHEDULED_N_PROPS,
                                     unscheduled_properties);
}

static void
maint_unscheduled_init (MaintUnscheduled *self)
{
}

/**
 * maint_unscheduled_new:
 * @activity: the id of the activity that got no slot
 * @machine: the name of the activity's machine
 * @reason: why it got no slot
 * @detail: (nullable): a sentence explaining the reason
 *
 * Creates a record of an unscheduled activity.
 *
 * Returns: (transfer full): a new unscheduled record
 */
MaintUnscheduled *
maint_unscheduled_new (const char             *activity,
                       const char             *machine,
                       MaintUnscheduledReason  reason,
                       const char             *detail)
{
  g_return_val_if_fail (activity != NULL, NULL);
  g_return_val_if_fail (machine != NULL, NULL);
  g_return_val_if_fail (reason >= MAINT_UNSCHEDULED_AUTO_SCHEDULE_OFF &&
                        reason <= MAINT_UNSCHEDULED_ROLLOUT, NULL);

  {
    char *name = g_ref_string_new (machine);
    MaintUnscheduled *self = maint_unscheduled_new_shared (activity, name, reason, detail);

    g_ref_string_release (name);
    return self;
  }
}

/* The scheduler's constructor (maint-plan-private.h): the fields
 * directly, as maint_reboot_count_new_shared() does; shares @machine */
MaintUnscheduled *
maint_unscheduled_new_shared (const char             *activity,
                              char                   *machine,
                              MaintUnscheduledReason  reason,
                              const char             *detail)
{
  MaintUnscheduled *self;

  g_return_val_if_fail (activity != NULL && machine != NULL, NULL);
  g_return_val_if_fail (reason >= MAINT_UNSCHEDULED_AUTO_SCHEDULE_OFF &&
                        reason <= MAINT_UNSCHEDULED_ROLLOUT, NULL);

  self = g_object_new (MAINT_TYPE_UNSCHEDULED, NULL);
  set_str (&self->activity, activity);
  share_name (&self->machine, machine);
  self->reason = reason;
  set_str (&self->detail, detail);
  return self;
}

/**
 * maint_unscheduled_get_activity:
 * @self: an unscheduled record
 *
 * Gets [property@Maint.Unscheduled:activity].
 *
 * Returns: the activity's id
 */
const char *
maint_unscheduled_get_activity (MaintUnscheduled *self)
{
  g_return_val_if_fail (MAINT_IS_UNSCHEDULED (self), NULL);
  return self->activity;
}

/**
 * maint_unscheduled_get_machine:
 * @self: an unscheduled record
 *
 * Gets [property@Maint.Unscheduled:machine].
 *
 * Returns: the machine's name
 */
const char *
maint_unscheduled_get_machine (MaintUnscheduled *self)
{
  g_return_val_if_fail (MAINT_IS_UNSCHEDULED (self), NULL);
  return self->machine;
}

/**
 * maint_unscheduled_get_reason:
 * @self: an unscheduled record
 *
 * Gets [property@Maint.Unscheduled:reason].
 *
 * Returns: why the activity got no slot
 */
MaintUnscheduledReason
maint_unscheduled_get_reason (MaintUnscheduled *self)
{
  g_return_val_if_fail (MAINT_IS_UNSCHEDULED (self), MAINT_UNSCHEDULED_AUTO_SCHEDULE_OFF);
  return self->reason;
}

/**
 * maint_unscheduled_get_detail:
 * @self: an unscheduled record
 *
 * Gets [property@Maint.Unscheduled:detail].
 *
 * Returns: (nullable): the explaining sentence
 */
const char *
maint_unscheduled_get_detail (MaintUnscheduled *self)
{
  g_return_val_if_fail (MAINT_IS_UNSCHEDULED (self), NULL);
  return self->detail;
}

/* ------------------------------------------------------------------ */
/* MaintRebootCount                                                    */

/**
 * MaintRebootCount:
 *
 * How often a plan reboots one machine: its own reboots (slots that
 * reboot it), the reboots caused by its host's reboot, the total the
 * customer is told, and how many reboots were saved because a guest's
 * reboot-requiring activity was absorbed by its host's reboot.
 *
 * Immutable: every field is set at construction; the total is own plus
 * host.
 */

struct _MaintRebootCount
{
  GObject parent_instance;

  char  *machine;
  guint  own;
  guint  host;
  guint  saved;
};

G_DEFINE_FINAL_TYPE (MaintRebootCount, maint_reboot_count, G_TYPE_OBJECT)

enum {
  REBOOT_PROP_0,
  REBOOT_PROP_MACHINE,
  REBOOT_PROP_OWN,
  REBOOT_PROP_HOST,
  REBOOT_PROP_TOTAL,
  REBOOT_PROP_SAVED,
  REBOOT_N_PROPS
};

static GParamSpec *reboot_properties[REBOOT_N_PROPS];

static guint
sat_add (guint a,
         guint b)
{
  return a > G_MAXUINT - b ? G_MAXUINT : a + b;
}

static void
maint_reboot_count_finalize (GObject *object)
{
  MaintRebootCount *self = MAINT_REBOOT_COUNT (object);

  g_clear_pointer (&self->machine, g_ref_string_release);

  G_OBJECT_CLASS (maint_reboot_count_parent_class)->finalize (object);
}

static void
maint_reboot_count_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MaintRebootCount *self = MAINT_REBOOT_COUNT (object);

  switch (prop_id)
    {
    case REBOOT_PROP_MACHINE:
      g_value_set_string (value, self->machine);
      break;
    case REBOOT_PROP_OWN:
      g_value_set_uint (value, self->own);
      break;
    case REBOOT_PROP_HOST:
      g_value_set_uint (value, self->host);
      break;
    case REBOOT_PROP_TOTAL:
      g_value_set_uint (value, maint_reboot_count_get_total (self));
      break;
    case REBOOT_PROP_SAVED:
      g_value_set_uint (value, self->saved);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_reboot_count_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  MaintRebootCount *self = MAINT_REBOOT_COUNT (object);

  switch (prop_id)
    {
    case REBOOT_PROP_MACHINE:
      set_name (&self->machine, g_value_get_string (value));
      break;
    case REBOOT_PROP_OWN:
      self->own = g_value_get_uint (value);
      break;
    case REBOOT_PROP_HOST:
      self->host = g_value_get_uint (value);
      break;
    case REBOOT_PROP_SAVED:
      self->saved = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_reboot_count_class_init (MaintRebootCountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                            G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = maint_reboot_count_finalize;
  object_class->get_property = maint_reboot_count_get_property;
  object_class->set_property = maint_reboot_count_set_property;

  /**
   * MaintRebootCount:machine:
   *
   * The name of the machine.
   */
  reboot_properties[REBOOT_PROP_MACHINE] =
    g_param_spec_string ("machine", NULL, NULL, NULL, flags);

  /**
   * MaintRebootCount:own:
   *
   * How many of the machine's own slots reboot it.
   */
  reboot_properties[REBOOT_PROP_OWN] =
    g_param_spec_uint ("own", NULL, NULL, 0, G_MAXUINT, 0, flags);

  /**
   * MaintRebootCount:host:
   *
   * How many times the machine is rebooted by its host's reboot.
   */
  reboot_properties[REBOOT_PROP_HOST] =
    g_param_spec_uint ("host", NULL, NULL, 0, G_MAXUINT, 0, flags);

  /**
   * MaintRebootCount:total:
   *
   * How many times the machine is rebooted in all: own plus host.
   */
  reboot_properties[REBOOT_PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * MaintRebootCount:saved:
   *
   * How many reboots of the machine were saved because its activities
   * were absorbed by its host's reboot.
   */
  reboot_properties[REBOOT_PROP_SAVED] =
    g_param_spec_uint ("saved", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, REBOOT_N_PROPS, reboot_properties);
}

static void
maint_reboot_count_init (MaintRebootCount *self)
{
}

/**
 * maint_reboot_count_new:
 * @machine: the name of the machine
 * @own: how many of the machine's own slots reboot it
 * @host: how many times its host's reboot reboots it
 * @saved: how many reboots were saved by absorbing them into a host reboot
 *
 * Creates a machine's reboot accounting.
 *
 * Returns: (transfer full): a new reboot count
 */
MaintRebootCount *
maint_reboot_count_new (const char *machine,
                        guint       own,
                        guint       host,
                        guint       saved)
{
  MaintRebootCount *self;
  char *name;

  g_return_val_if_fail (machine != NULL, NULL);

  name = g_ref_string_new (machine);
  self = maint_reboot_count_new_shared (name, own, host, saved);
  g_ref_string_release (name);
  return self;
}

/* The scheduler's constructor (maint-plan-private.h): shares @machine.
 * The fields directly: a plan has one of these per machine, and construct
 * properties through GValues cost more than the rest. */
MaintRebootCount *
maint_reboot_count_new_shared (char  *machine,
                               guint  own,
                               guint  host,
                               guint  saved)
{
  MaintRebootCount *self;

  g_return_val_if_fail (machine != NULL, NULL);

  self = g_object_new (MAINT_TYPE_REBOOT_COUNT, NULL);
  share_name (&self->machine, machine);
  self->own = own;
  self->host = host;
  self->saved = saved;
  return self;
}

/**
 * maint_reboot_count_get_machine:
 * @self: a reboot count
 *
 * Gets [property@Maint.RebootCount:machine].
 *
 * Returns: the machine's name
 */
const char *
maint_reboot_count_get_machine (MaintRebootCount *self)
{
  g_return_val_if_fail (MAINT_IS_REBOOT_COUNT (self), NULL);
  return self->machine;
}

/**
 * maint_reboot_count_get_own:
 * @self: a reboot count
 *
 * Gets [property@Maint.RebootCount:own].
 *
 * Returns: the number of the machine's own reboots
 */
guint
maint_reboot_count_get_own (MaintRebootCount *self)
{
  g_return_val_if_fail (MAINT_IS_REBOOT_COUNT (self), 0);
  return self->own;
}

/**
 * maint_reboot_count_get_host:
 * @self: a reboot count
 *
 * Gets [property@Maint.RebootCount:host].
 *
 * Returns: the number of reboots caused by the host's reboot
 */
guint
maint_reboot_count_get_host (MaintRebootCount *self)
{
  g_return_val_if_fail (MAINT_IS_REBOOT_COUNT (self), 0);
  return self->host;
}

/**
 * maint_reboot_count_get_total:
 * @self: a reboot count
 *
 * Gets [property@Maint.RebootCount:total].
 *
 * Returns: own plus host reboots
 */
guint
maint_reboot_count_get_total (MaintRebootCount *self)
{
  g_return_val_if_fail (MAINT_IS_REBOOT_COUNT (self), 0);
  return sat_add (self->own, self->host);
}

/**
 * maint_reboot_count_get_saved:
 * @self: a reboot count
 *
 * Gets [property@Maint.RebootCount:saved].
 *
 * Returns: the number of reboots saved
 */
guint
maint_reboot_count_get_saved (MaintRebootCount *self)
{
  g_return_val_if_fail (MAINT_IS_REBOOT_COUNT (self), 0);
  return self->saved;
}

/* ------------------------------------------------------------------ */
/* MaintHostDowntime                                                   */

/**
 * MaintHostDowntime:
 *
 * Downtime of a guest caused by its virtualisation host's reboot:
 * `[start, end)` during which the guest is down although it has no slot
 * of its own. It counts against the guest's services and is announced to
 * the guest's group like a slot.
 *
 * Guest, host, start and end are set at construction;
 * [property@Maint.HostDowntime:activities] lists the guest's activities
 * the host reboot absorbs.
 */

struct _MaintHostDowntime
{
  GObject parent_instance;

  char   *guest;
  char   *host;
  gint64  start;
  gint64  end;
  char  **activities;     /* never NULL */
};

G_DEFINE_FINAL_TYPE (MaintHostDowntime, maint_host_downtime, G_TYPE_OBJECT)

enum {
  DOWNTIME_PROP_0,
  DOWNTIME_PROP_GUEST,
  DOWNTIME_PROP_HOST,
  DOWNTIME_PROP_START,
  DOWNTIME_PROP_END,
  DOWNTIME_PROP_ACTIVITIES,
  DOWNTIME_N_PROPS
};

static GParamSpec *downtime_properties[DOWNTIME_N_PROPS];

static void
maint_host_downtime_finalize (GObject *object)
{
  MaintHostDowntime *self = MAINT_HOST_DOWNTIME (object);

  g_clear_pointer (&self->guest, g_ref_string_release);
  g_clear_pointer (&self->host, g_ref_string_release);
  g_clear_pointer (&self->activities, g_free);

  G_OBJECT_CLASS (maint_host_downtime_parent_class)->finalize (object);
}

static void
maint_host_downtime_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MaintHostDowntime *self = MAINT_HOST_DOWNTIME (object);

  switch (prop_id)
    {
    case DOWNTIME_PROP_GUEST:
      g_value_set_string (value, self->guest);
      break;
    case DOWNTIME_PROP_HOST:
      g_value_set_string (value, self->host);
      break;
    case DOWNTIME_PROP_START:
      g_value_set_int64 (value, self->start);
      break;
    case DOWNTIME_PROP_END:
      g_value_set_int64 (value, self->end);
      break;
    case DOWNTIME_PROP_ACTIVITIES:
      g_value_set_boxed (value, self->activities);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_host_downtime_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MaintHostDowntime *self = MAINT_HOST_DOWNTIME (object);

  switch (prop_id)
    {
    case DOWNTIME_PROP_GUEST:
      set_name (&self->guest, g_value_get_string (value));
      break;
    case DOWNTIME_PROP_HOST:
      set_name (&self->host, g_value_get_string (value));
      break;
    case DOWNTIME_PROP_START:
      self->start = g_value_get_int64 (value);
      break;
    case DOWNTIME_PROP_END:
      self->end = g_value_get_int64 (value);
      break;
    case DOWNTIME_PROP_ACTIVITIES:
      maint_host_downtime_set_activities (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_host_downtime_class_init (MaintHostDowntimeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                            G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = maint_host_downtime_finalize;
  object_class->get_property = maint_host_downtime_get_property;
  object_class->set_property = maint_host_downtime_set_property;

  /**
   * MaintHostDowntime:guest:
   *
   * The name of the guest that is down.
   */
  downtime_properties[DOWNTIME_PROP_GUEST] =
    g_param_spec_string ("guest", NULL, NULL, NULL, flags);

  /**
   * MaintHostDowntime:host:
   *
   * The name of the host whose reboot takes the guest down.
   */
  downtime_properties[DOWNTIME_PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL, NULL, flags);

  /**
   * MaintHostDowntime:start:
   *
   * The instant the guest goes down, in seconds since the Unix epoch.
   */
  downtime_properties[DOWNTIME_PROP_START] =
    g_param_spec_int64 ("start", NULL, NULL, 0, MAINT_INSTANT_MAX, 0, flags);

  /**
   * MaintHostDowntime:end:
   *
   * The instant the guest is back (exclusive), in seconds since the Unix
   * epoch.
   */
  downtime_properties[DOWNTIME_PROP_END] =
    g_param_spec_int64 ("end", NULL, NULL, 0, MAINT_INSTANT_MAX, 0, flags);

  /**
   * MaintHostDowntime:activities:
   *
   * The ids of the guest's activities that this host reboot absorbs:
   * reboot-requiring rollout activities that get no slot of their own
   * because the guest comes back from the host reboot updated anyway
   * (see [property@Maint.Policy:coalesce-with-host-reboot]). Empty when
   * the host reboot absorbs nothing.
   */
  downtime_properties[DOWNTIME_PROP_ACTIVITIES] =
    g_param_spec_boxed ("activities", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, DOWNTIME_N_PROPS, downtime_properties);
}

static void
maint_host_downtime_init (MaintHostDowntime *self)
{
  self->activities = g_new0 (char *, 1);
}

/**
 * maint_host_downtime_get_activities:
 * @self: a host downtime
 *
 * Gets [property@Maint.HostDowntime:activities].
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of the
 *   absorbed activities, possibly empty
 */
const char * const *
maint_host_downtime_get_activities (MaintHostDowntime *self)
{
  g_return_val_if_fail (MAINT_IS_HOST_DOWNTIME (self), NULL);
  return (const char * const *) self->activities;
}

/**
 * maint_host_downtime_set_activities:
 * @self: a host downtime
 * @activities: (nullable) (array zero-terminated=1): the ids of the
 *   absorbed activities; %NULL for none
 *
 * Sets [property@Maint.HostDowntime:activities].
 */
void
maint_host_downtime_set_activities (MaintHostDowntime  *self,
                                    const char * const *activities)
{
  g_return_if_fail (MAINT_IS_HOST_DOWNTIME (self));

  if (strv_equal0 ((const char * const *) self->activities, activities))
    return;
  g_free (self->activities);
  self->activities = activities ? maint_strv_pack (activities, -1) : g_new0 (char *, 1);
  g_object_notify_by_pspec (G_OBJECT (self), downtime_properties[DOWNTIME_PROP_ACTIVITIES]);
}

/**
 * maint_host_downtime_new:
 * @guest: the name of the guest that is down
 * @host: the name of its host
 * @start: when the guest goes down, in seconds since the Unix epoch
 * @end: when it is back (exclusive); not before @start
 *
 * Creates a record of a guest's downtime caused by its host's reboot.
 *
 * Returns: (transfer full): a new host downtime
 */
MaintHostDowntime *
maint_host_downtime_new (const char *guest,
                         const char *host,
                         gint64      start,
                         gint64      end)
{
  g_return_val_if_fail (guest != NULL, NULL);
  g_return_val_if_fail (host != NULL, NULL);
  g_return_val_if_fail (start >= 0 && start <= MAINT_INSTANT_MAX, NULL);
  g_return_val_if_fail (end >= start && end <= MAINT_INSTANT_MAX, NULL);

  {
    char *guest_name = g_ref_string_new (guest), *host_name = g_ref_string_new (host);
    MaintHostDowntime *self = maint_host_downtime_new_take (guest_name, host_name, start, end, NULL);

    g_ref_string_release (guest_name);
    g_ref_string_release (host_name);
    return self;
  }
}

/* The scheduler's constructor (maint-plan-private.h): shares the names,
 * takes @activities. The fields directly, as maint_reboot_count_new_shared()
 * does: a plan has one of these per guest of every rebooting host. */
MaintHostDowntime *
maint_host_downtime_new_take (char    *guest,
                              char    *host,
                              gint64   start,
                              gint64   end,
                              char   **activities)
{
  MaintHostDowntime *self;

  g_return_val_if_fail (guest != NULL && host != NULL, NULL);
  g_return_val_if_fail (start >= 0 && start <= MAINT_INSTANT_MAX, NULL);
  g_return_val_if_fail (end >= start && end <= MAINT_INSTANT_MAX, NULL);

  self = g_object_new (MAINT_TYPE_HOST_DOWNTIME, NULL);
  share_name (&self->guest, guest);
  share_name (&self->host, host);
  self->start = start;
  self->end = end;
  if (activities != NULL)
    {
      g_free (self->activities);
      self->activities = activities;
    }
  return self;
}

/**
 * maint_host_downtime_get_guest:
 * @self: a host downtime
 *
 * Gets [property@Maint.HostDowntime:guest].
 *
 * Returns: the guest's name
 */
const char *
maint_host_downtime_get_guest (MaintHostDowntime *self)
{
  g_return_val_if_fail (MAINT_IS_HOST_DOWNTIME (self), NULL);
  return self->guest;
}

/**
 * maint_host_downtime_get_host:
 * @self: a host downtime
 *
 * Gets [property@Maint.HostDowntime:host].
 *
 * Returns: the host's name
 */
const char *
maint_host_downtime_get_host (MaintHostDowntime *self)
{
  g_return_val_if_fail (MAINT_IS_HOST_DOWNTIME (self), NULL);
  return self->host;
}

/**
 * maint_host_downtime_get_start:
 * @self: a host downtime
 *
 * Gets [property@Maint.HostDowntime:start].
 *
 * Returns: when the guest goes down, in seconds since the Unix epoch
 */
gint64
maint_host_downtime_get_start (MaintHostDowntime *self)
{
  g_return_val_if_fail (MAINT_IS_HOST_DOWNTIME (self), 0);
  return self->start;
}

/**
 * maint_host_downtime_get_end:
 * @self: a host downtime
 *
 * Gets [property@Maint.HostDowntime:end].
 *
 * Returns: when the guest is back (exclusive), in seconds since the Unix
 *   epoch
 */
gint64
maint_host_downtime_get_end (MaintHostDowntime *self)
{
  g_return_val_if_fail (MAINT_IS_HOST_DOWNTIME (self), 0);
  return self->end;
}

/* ------------------------------------------------------------------ */
/* MaintPlan                                                           */

/**
 * MaintPlan:
 *
 * A dated maintenance plan for a fleet, as computed by
 * [class@Maint.Scheduler] (or read from a `libmaint-plan/1` document):
 *
 * - the slots, each one machine's downtime holding some of its
 *   activities ([class@Maint.Slot]);
 * - the guests' downtimes caused by their hosts' reboots
 *   ([class@Maint.HostDowntime]);
 * - the activities that could not be placed, with reasons
 *   ([class@Maint.Unscheduled]);
 * - per machine, how often it is rebooted ([class@Maint.RebootCount]);
 * - statistics derived from those.
 *
 * Every list keeps the order in which its items were added; the scheduler
 * adds them in a deterministic order, so the same input gives the same
 * plan and a byte-identical document.
 *
 * The statistics ([property@Maint.Plan:n-scheduled] and the others) are
 * always computed from the lists, never stored separately, so they cannot
 * disagree with them. [property@Maint.Plan:elapsed] records how long the
 * scheduler took; it is not part of the document.
 */

struct _MaintPlan
{
  GObject parent_instance;

  gint64      now;
  gint64      elapsed;

  GPtrArray  *slots;          /* (element-type MaintSlot) */
  GPtrArray  *unscheduled;    /* (element-type MaintUnscheduled) */
  GPtrArray  *reboot_counts;  /* (element-type MaintRebootCount) */
  GPtrArray  *host_downtime;  /* (element-type MaintHostDowntime) */
  GPtrArray  *late;           /* (element-type MaintLateActivity) */
  GPtrArray  *findings;       /* (element-type MaintFinding) */

  /* activity id → first slot (in plan order) holding it; owned keys,
   * borrowed slots. Dropped when a held slot's activities change and
   * rebuilt on the next lookup. The lock lets threads that share a
   * finished plan look slots up at the same time. */
  GMutex      index_lock;
  GHashTable *index;

  gint64      latest_end;
  guint       n_reboots;
  guint       n_reboots_saved;
};

G_DEFINE_FINAL_TYPE (MaintPlan, maint_plan, G_TYPE_OBJECT)

enum {
  PLAN_PROP_0,
  PLAN_PROP_NOW,
  PLAN_PROP_ELAPSED,
  PLAN_PROP_N_SCHEDULED,
  PLAN_PROP_N_UNSCHEDULED,
  PLAN_PROP_N_REBOOTS,
  PLAN_PROP_N_REBOOTS_SAVED,
  PLAN_PROP_LATEST_END,
  PLAN_N_PROPS
};

static GParamSpec *plan_properties[PLAN_N_PROPS];

static void
plan_slot_activities_changed (MaintPlan *self)
{
  g_mutex_lock (&self->index_lock);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_mutex_unlock (&self->index_lock);
  g_object_notify_by_pspec (G_OBJECT (self), plan_properties[PLAN_PROP_N_SCHEDULED]);
}

static void
index_add_slot (GHashTable *index,
                MaintSlot  *slot)
{
  for (guint i = 0; slot->activities[i] != NULL; i++)
    {
      if (!g_hash_table_contains (index, slot->activities[i]))
        g_hash_table_insert (index, g_strdup (slot->activities[i]), slot);
    }
}

static void
maint_plan_dispose (GObject *object)
{
  MaintPlan *self = MAINT_PLAN (object);

  if (self->slots != NULL)
    {
      g_mutex_lock (&slot_plans_lock);
      for (guint i = 0; i < self->slots->len; i++)
        slot_unlink_plan (g_ptr_array_index (self->slots, i), self);
      g_mutex_unlock (&slot_plans_lock);
    }
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->unscheduled, g_ptr_array_unref);
  g_clear_pointer (&self->reboot_counts, g_ptr_array_unref);
  g_clear_pointer (&self->host_downtime, g_ptr_array_unref);
  g_clear_pointer (&self->late, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);

  G_OBJECT_CLASS (maint_plan_parent_class)->dispose (object);
}

static void
maint_plan_finalize (GObject *object)
{
  MaintPlan *self = MAINT_PLAN (object);

  g_mutex_clear (&self->index_lock);

  G_OBJECT_CLASS (maint_plan_parent_class)->finalize (object);
}

static void
maint_plan_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MaintPlan *self = MAINT_PLAN (object);

  switch (prop_id)
    {
    case PLAN_PROP_NOW:
      g_value_set_int64 (value, self->now);
      break;
    case PLAN_PROP_ELAPSED:
      g_value_set_int64 (value, self->elapsed);
      break;
    case PLAN_PROP_N_SCHEDULED:
      g_value_set_uint (value, maint_plan_get_n_scheduled (self));
      break;
    case PLAN_PROP_N_UNSCHEDULED:
      g_value_set_uint (value, maint_plan_get_n_unscheduled (self));
      break;
    case PLAN_PROP_N_REBOOTS:
      g_value_set_uint (value, self->n_reboots);
      break;
    case PLAN_PROP_N_REBOOTS_SAVED:
      g_value_set_uint (value, self->n_reboots_saved);
      break;
    case PLAN_PROP_LATEST_END:
      g_value_set_int64 (value, self->latest_end);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_plan_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MaintPlan *self = MAINT_PLAN (object);

  switch (prop_id)
    {
    case PLAN_PROP_NOW:
      /* construct-only */
      self->now = g_value_get_int64 (value);
      break;
    case PLAN_PROP_ELAPSED:
      maint_plan_set_elapsed (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_plan_class_init (MaintPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro_flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = maint_plan_dispose;
  object_class->finalize = maint_plan_finalize;
  object_class->get_property = maint_plan_get_property;
  object_class->set_property = maint_plan_set_property;

  /**
   * MaintPlan:now:
   *
   * The instant the plan was computed for, in seconds since the Unix
   * epoch. Notice periods count from it.
   */
  plan_properties[PLAN_PROP_NOW] =
    g_param_spec_int64 ("now", NULL, NULL, 0, MAINT_INSTANT_MAX, 0,
                        flags | G_PARAM_CONSTRUCT_ONLY);

  /**
   * MaintPlan:elapsed:
   *
   * How long the scheduler took to compute the plan, in microseconds.
   * Not part of the plan document.
   */
  plan_properties[PLAN_PROP_ELAPSED] =
    g_param_spec_int64 ("elapsed", NULL, NULL, 0, G_MAXINT64, 0, flags);

  /**
   * MaintPlan:n-scheduled:
   *
   * The number of activity ids over all slots.
   */
  plan_properties[PLAN_PROP_N_SCHEDULED] =
    g_param_spec_uint ("n-scheduled", NULL, NULL, 0, G_MAXUINT, 0, ro_flags);

  /**
   * MaintPlan:n-unscheduled:
   *
   * The number of activities that got no slot.
   */
  plan_properties[PLAN_PROP_N_UNSCHEDULED] =
    g_param_spec_uint ("n-unscheduled", NULL, NULL, 0, G_MAXUINT, 0, ro_flags);

  /**
   * MaintPlan:n-reboots:
   *
   * The sum of the reboot counts' totals: how many reboots the plan
   * causes over the whole fleet.
   */
  plan_properties[PLAN_PROP_N_REBOOTS] =
    g_param_spec_uint ("n-reboots", NULL, NULL, 0, G_MAXUINT, 0, ro_flags);

  /**
   * MaintPlan:n-reboots-saved:
   *
   * The sum of the reboots saved by absorbing guests' reboots into their
   * hosts' reboots.
   */
  plan_properties[PLAN_PROP_N_REBOOTS_SAVED] =
    g_param_spec_uint ("n-reboots-saved", NULL, NULL, 0, G_MAXUINT, 0, ro_flags);

  /**
   * MaintPlan:latest-end:
   *
   * The latest end of any slot, in seconds since the Unix epoch, or 0 if
   * the plan has no slots.
   */
  plan_properties[PLAN_PROP_LATEST_END] =
    g_param_spec_int64 ("latest-end", NULL, NULL, 0, MAINT_INSTANT_MAX, 0, ro_flags);

  g_object_class_install_properties (object_class, PLAN_N_PROPS, plan_properties);
}

static void
maint_plan_init (MaintPlan *self)
{
  g_mutex_init (&self->index_lock);
  self->slots = g_ptr_array_new_with_free_func (g_object_unref);
  self->unscheduled = g_ptr_array_new_with_free_func (g_object_unref);
  self->reboot_counts = g_ptr_array_new_with_free_func (g_object_unref);
  self->host_downtime = g_ptr_array_new_with_free_func (g_object_unref);
  self->late = g_ptr_array_new_with_free_func (g_object_unref);
  self->findings = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * maint_plan_new:
 * @now: the instant the plan is computed for, in seconds since the Unix
 *   epoch
 *
 * Creates an empty plan.
 *
 * Returns: (transfer full): a new plan
 */
MaintPlan *
maint_plan_new (gint64 now)
{
  g_return_val_if_fail (now >= 0 && now <= MAINT_INSTANT_MAX, NULL);

  return g_object_new (MAINT_TYPE_PLAN, "now", now, NULL);
}

/**
 * maint_plan_get_now:
 * @self: a plan
 *
 * Gets [property@Maint.Plan:now].
 *
 * Returns: the instant the plan is computed for
 */
gint64
maint_plan_get_now (MaintPlan *self)
{
  g_return_val_if_fail (MAINT_IS_PLAN (self), 0);
  return self->now;
}

/**
 * maint_plan_add_slot:
 * @self: a plan
 * @slot: the slot to append
 *
 * Appends @slot to the plan's slots. The plan keeps a reference; later
 * changes to the slot's activities are seen by
 * [method@Maint.Plan.lookup_slot] and the statistics.
 */
void
maint_plan_add_slot (MaintPlan *self,
                     MaintSlot *slot)
{
  gboolean latest_changed = FALSE;

  g_return_if_fail (MAINT_IS_PLAN (self));
  g_return_if_fail (MAINT_IS_SLOT (slot));

  g_ptr_array_add (self->slots, g_object_ref (slot));
  g_mutex_lock (&slot_plans_lock);
  slot_link_plan (slot, self);
  g_mutex_unlock (&slot_plans_lock);

  g_mutex_lock (&self->index_lock);
  if (self->index != NULL)
    index_add_slot (self->index, slot);
  g_mutex_unlock (&self->index_lock);

  if (slot->end > self->latest_end)
    {
      self->latest_end = slot->end;
      latest_changed = TRUE;
    }

  if (slot->activities[0] != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), plan_properties[PLAN_PROP_N_SCHEDULED]);
  if (latest_changed)
    g_object_notify_by_pspec (G_OBJECT (self), plan_properties[PLAN_PROP_LATEST_END]);
}

/**
 * maint_plan_get_slots:
 * @self: a plan
 *
 * Gets the plan's slots, in plan order.
 *
 * Returns: (transfer none) (element-type Maint.Slot): the slots
 */
GPtrArray *
maint_plan_get_slots (MaintPlan *self)
{
  g_return_val_if_fail (MAINT_IS_PLAN (self), NULL);
  return self->slots;
}

/**
 * maint_plan_add_unscheduled:
 * @self: a plan
 * @unscheduled: the record to append
 *
 * Appends a record of an activity that got no slot. The plan keeps a
 * reference.
 */
void
maint_plan_add_unscheduled (MaintPlan        *self,
                            MaintUnscheduled *unscheduled)
{
  g_return_if_fail (MAINT_IS_PLAN (self));
  g_return_if_fail (MAINT_IS_UNSCHEDULED (unscheduled));

  g_ptr_array_add (self->unscheduled, g_object_ref (unscheduled));
  g_object_notify_by_pspec (G_OBJECT (self), plan_properties[PLAN_PROP_N_UNSCHEDULED]);
}

/**
 * maint_plan_get_unscheduled:
 * @self: a plan
 *
 * Gets the activities that got no slot, in plan order.
 *
 * Returns: (transfer none) (element-type Maint.Unscheduled): the records
 */
GPtrArray *
maint_plan_get_unscheduled (MaintPlan *self)
{
  g_return_val_if_fail (MAINT_IS_PLAN (self), NULL);
  return self->unscheduled;
}

/**
 * maint_plan_add_reboot_count:
 * @self: a plan
 * @count: a machine's reboot accounting
 *
 * Appends a machine's reboot accounting. The plan keeps a reference.
 */
void
maint_plan_add_reboot_count (MaintPlan        *self,
                             MaintRebootCount *count)
{
  guint total;

  g_return_if_fail (MAINT_IS_PLAN (self));
  g_return_if_fail (MAINT_IS_REBOOT_COUNT (count));

  g_ptr_array_add (self->reboot_counts, g_object_ref (count));

  total = maint_reboot_count_get_total (count);
  if (total > 0)
    {
      self->n_reboots = sat_add (self->n_reboots, total);
      g_object_notify_by_pspec (G_OBJECT (self), plan_properties[PLAN_PROP_N_REBOOTS]);
    }
  if (count->saved > 0)
    {
      self->n_reboots_saved = sat_add (self->n_reboots_saved, count->saved);
      g_object_notify_by_pspec (G_OBJECT (self), plan_properties[PLAN_PROP_N_REBOOTS_SAVED]);
    }
}

/**
 * maint_plan_get_reboot_counts:
 * @self: a plan
 *
 * Gets the machines' reboot accounting, in plan order.
 *
 * Returns: (transfer none) (element-type Maint.RebootCount): the counts
 */
GPtrArray *
maint_plan_get_reboot_counts (MaintPlan *self)
{
  g_return_val_if_fail (MAINT_IS_PLAN (self), NULL);
  return self->reboot_counts;
}

/**
 * maint_plan_add_host_downtime:
 * @self: a plan
 * @downtime: a guest's downtime caused by its host's reboot
 *
 * Appends a guest's downtime caused by its host's reboot. The plan keeps
 * a reference.
 */
void
maint_plan_add_host_downtime (MaintPlan         *self,
                              MaintHostDowntime *downtime)
{
  g_return_if_fail (MAINT_IS_PLAN (self));
  g_return_if_fail (MAINT_IS_HOST_DOWNTIME (downtime));

  g_ptr_array_add (self->host_downtime, g_object_ref (downtime));
}

/**
 * maint_plan_get_host_downtime:
 * @self: a plan
 *
 * Gets the guests' downtimes caused by host reboots, in plan order.
 *
 * Returns: (transfer none) (element-type Maint.HostDowntime): the
 *   downtimes
 */
GPtrArray *
maint_plan_get_host_downtime (MaintPlan *self)
{
  g_return_val_if_fail (MAINT_IS_PLAN (self), NULL);
  return self->host_downtime;
}

/**
 * maint_plan_add_late:
 * @self: a plan
 * @late: an activity whose slot ends after its deadline
 *
 * Appends an activity that is planned but misses its deadline (its own,
 * or the implicit one of [property@Maint.Policy:max-uptime]). The plan
 * keeps a reference.
 */
void
maint_plan_add_late (MaintPlan         *self,
                     MaintLateActivity *late)
{
  g_return_if_fail (MAINT_IS_PLAN (self));
  g_return_if_fail (MAINT_IS_LATE_ACTIVITY (late));

  g_ptr_array_add (self->late, g_object_ref (late));
}

/**
 * maint_plan_get_late:
 * @self: a plan
 *
 * Gets the activities whose slots end after their deadlines, in plan
 * order (the scheduler adds them by activity id).
 *
 * Returns: (transfer none) (element-type Maint.LateActivity): the late
 *   activities
 */
GPtrArray *
maint_plan_get_late (MaintPlan *self)
{
  g_return_val_if_fail (MAINT_IS_PLAN (self), NULL);
  return self->late;
}

/**
 * maint_plan_add_finding:
 * @self: a plan
 * @finding: a problem of the fleet's placement
 *
 * Appends a finding. The plan keeps a reference.
 */
void
maint_plan_add_finding (MaintPlan    *self,
                        MaintFinding *finding)
{
  g_return_if_fail (MAINT_IS_PLAN (self));
  g_return_if_fail (MAINT_IS_FINDING (finding));

  g_ptr_array_add (self->findings, g_object_ref (finding));
}

/**
 * maint_plan_get_findings:
 * @self: a plan
 *
 * Gets the problems of the fleet the scheduler found while planning (for
 * example, the members of a service on one host), in plan order.
 *
 * Returns: (transfer none) (element-type Maint.Finding): the findings
 */
GPtrArray *
maint_plan_get_findings (MaintPlan *self)
{
  g_return_val_if_fail (MAINT_IS_PLAN (self), NULL);
  return self->findings;
}

/**
 * maint_plan_lookup_slot:
 * @self: a plan
 * @activity: an activity id
 *
 * Finds the slot that holds an activity. If (in a broken plan) several
 * slots hold it, the first in plan order is returned.
 *
 * Returns: (transfer none) (nullable): the slot, or %NULL if the
 *   activity is in no slot
 */
MaintSlot *
maint_plan_lookup_slot (MaintPlan  *self,
                        const char *activity)
{
  MaintSlot *slot;

  g_return_val_if_fail (MAINT_IS_PLAN (self), NULL);
  g_return_val_if_fail (activity != NULL, NULL);

  g_mutex_lock (&self->index_lock);
  if (self->index == NULL)
    {
      self->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < self->slots->len; i++)
        index_add_slot (self->index, g_ptr_array_index (self->slots, i));
    }
  slot = g_hash_table_lookup (self->index, activity);
  g_mutex_unlock (&self->index_lock);

  return slot;
}

/**
 * maint_plan_get_n_scheduled:
 * @self: a plan
 *
 * Gets [property@Maint.Plan:n-scheduled].
 *
 * Returns: the number of activity ids over all slots
 */
guint
maint_plan_get_n_scheduled (MaintPlan *self)
{
  guint n = 0;

  g_return_val_if_fail (MAINT_IS_PLAN (self), 0);

  /* Counted on demand: slots' activities may change after they were added. */
  for (guint i = 0; i < self->slots->len; i++)
    {
      MaintSlot *slot = g_ptr_array_index (self->slots, i);

      n += g_strv_length (slot->activities);
    }

  return n;
}

/**
 * maint_plan_get_n_unscheduled:
 * @self: a plan
 *
 * Gets [property@Maint.Plan:n-unscheduled].
 *
 * Returns: the number of activities that got no slot
 */
guint
maint_plan_get_n_unscheduled (MaintPlan *self)
{
  g_return_val_if_fail (MAINT_IS_PLAN (self), 0);
  return self->unscheduled->len;
}

/**
 * maint_plan_get_n_reboots:
 * @self: a plan
 *
 * Gets [property@Maint.Plan:n-reboots].
 *
 * Returns: the sum of the reboot counts' totals
 */
guint
maint_plan_get_n_reboots (MaintPlan *self)
{
  g_return_val_if_fail (MAINT_IS_PLAN (self), 0);
  return self->n_reboots;
}

/**
 * maint_plan_get_n_reboots_saved:
 * @self: a plan
 *
 * Gets [property@Maint.Plan:n-reboots-saved].
 *
 * Returns: the sum of the reboots saved
 */
guint
maint_plan_get_n_reboots_saved (MaintPlan *self)
{
  g_return_val_if_fail (MAINT_IS_PLAN (self), 0);
  return self->n_reboots_saved;
}

/**
 * maint_plan_get_latest_end:
 * @self: a plan
 *
 * Gets [property@Maint.Plan:latest-end].
 *
 * Returns: the latest end of any slot, or 0 if there are no slots
 */
gint64
maint_plan_get_latest_end (MaintPlan *self)
{
  g_return_val_if_fail (MAINT_IS_PLAN (self), 0);
  return self->latest_end;
}

/**
 * maint_plan_announce:
 * @self: a plan
 * @fleet: the fleet @self was planned for
 * @until: announce the slots whose [property@Maint.Slot:announce-by] is at
 *   or before this instant; %G_MAXINT64 for every slot
 * @error: return location for a #GError
 *
 * Records in @fleet that the chosen slots of @self were announced to the
 * customers, so that the next plan keeps them exactly (design constraint
 * 4): every activity of such a slot gets the slot as its
 * [property@Maint.Activity:scheduled] and the plan's
 * [property@Maint.Plan:now] as its [property@Maint.Activity:announced-at].
 * An activity a rollout generates (`<rollout>/<machine>`) is added to
 * @fleet, built with [method@Maint.Rollout.new_activity]; the scheduler
 * then uses it instead of generating it again. Activities already pinned
 * to their slot are left as they are. Activities absorbed by a host
 * reboot have no slot of their own and are not touched.
 *
 * This is what a provisioning system does after sending the notices of a
 * plan: `maintctl plan`, `maintctl notify`, then this.
 *
 * Returns: the number of activities newly pinned, or 0 with @error set
 *   (%MAINT_PLAN_ERROR_REFERENCE_FAILED, naming the slot) if a slot names
 *   an activity that neither @fleet has nor one of its rollouts generates;
 *   @fleet is then unchanged
 */
guint
maint_plan_announce (MaintPlan   *self,
                     MaintFleet  *fleet,
                     gint64       until,
                     GError     **error)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) intervals = g_ptr_array_new_with_free_func ((GDestroyNotify) maint_interval_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint added = 0;

  g_return_val_if_fail (MAINT_IS_PLAN (self), 0);
  g_return_val_if_fail (MAINT_IS_FLEET (fleet), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  /* First find every activity, so that an error changes nothing */
  for (guint i = 0; i < self->slots->len; i++)
    {
      MaintSlot *slot = g_ptr_array_index (self->slots, i);
      const char * const *ids = maint_slot_get_activities (slot);

      if (maint_slot_get_announce_by (slot) > until)
        continue;
      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        {
          MaintActivity *activity;
          MaintInterval *scheduled;

          if (!g_hash_table_add (seen, (gpointer) ids[j]))
            {
              g_set_error (error, MAINT_PLAN_ERROR, MAINT_PLAN_ERROR_INVALID_FAILED,
                           "slots[%u].activities[%u]: activity “%s” is in two slots", i, j, ids[j]);
              return 0;
            }
          activity = maint_fleet_resolve_activity (fleet, ids[j]);
          if (activity == NULL)
            {
              g_set_error (error, MAINT_PLAN_ERROR, MAINT_PLAN_ERROR_REFERENCE_FAILED,
                           "slots[%u].activities[%u]: the fleet has no activity “%s”", i, j, ids[j]);
              return 0;
            }
          if (g_strcmp0 (maint_activity_get_machine (activity), maint_slot_get_machine (slot)) != 0)
            {
              g_set_error (error, MAINT_PLAN_ERROR, MAINT_PLAN_ERROR_REFERENCE_FAILED,
                           "slots[%u].activities[%u]: activity “%s” is not one of machine “%s”",
                           i, j, ids[j], maint_slot_get_machine (slot));
              g_object_unref (activity);
              return 0;
            }
          scheduled = maint_activity_get_scheduled (activity);
          if (scheduled != NULL &&
              maint_interval_get_start (scheduled) == maint_slot_get_start (slot) &&
              maint_interval_get_end (scheduled) == maint_slot_get_end (slot))
            {
              g_object_unref (activity);
              continue;
            }
          g_ptr_array_add (targets, activity);
          g_ptr_array_add (intervals, maint_interval_new (maint_slot_get_start (slot),
                                                          maint_slot_get_end (slot)));
        }
    }

  for (guint i = 0; i < targets->len; i++)
    {
      MaintActivity *activity = g_ptr_array_index (targets, i);

      maint_activity_set_scheduled (activity, g_ptr_array_index (intervals, i));
      maint_activity_set_announced_at (activity, self->now);
      /* resolved above: either the fleet's own or a new generated one */
      if (maint_fleet_lookup_activity (fleet, maint_activity_get_id (activity)) == NULL &&
          !maint_fleet_add_activity (fleet, activity, NULL))
        g_warn_if_reached ();
      added++;
    }
  return added;
}

/**
 * maint_plan_get_elapsed:
 * @self: a plan
 *
 * Gets [property@Maint.Plan:elapsed].
 *
 * Returns: how long the scheduler took, in microseconds
 */
gint64
maint_plan_get_elapsed (MaintPlan *self)
{
  g_return_val_if_fail (MAINT_IS_PLAN (self), 0);
  return self->elapsed;
}

/**
 * maint_plan_set_elapsed:
 * @self: a plan
 * @microseconds: how long the scheduler took, not negative
 *
 * Sets [property@Maint.Plan:elapsed]. Called by the scheduler.
 */
void
maint_plan_set_elapsed (MaintPlan *self,
                        gint64     microseconds)
{
  g_return_if_fail (MAINT_IS_PLAN (self));
  g_return_if_fail (microseconds >= 0);

  if (self->elapsed == microseconds)
    return;
  self->elapsed = microseconds;
  g_object_notify_by_pspec (G_OBJECT (self), plan_properties[PLAN_PROP_ELAPSED]);
}
