/* maint-resource-group.c: a customer's set of machines and its maintenance settings
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "maint-resource-group.h"
#include "maint-enum-types.h"
#include "maint-time.h"

/**
 * MaintResourceGroup:
 *
 * A customer's set of machines and the maintenance settings the customer
 * chose for them: the technical contacts who are told about maintenance,
 * the time zone and locale of announcements, the recurring windows in
 * which maintenance may happen (as [struct@Maint.WindowSpec]s resolved in
 * the group's time zone), absolute blackout intervals in which it may not,
 * the notice needed before any maintenance, the stage of the machines
 * (testing, staging, production, infrastructure) and how many of them may
 * be down at once.
 *
 * A group without windows is legal; its machines just never get slots.
 *
 * The windows and blackouts are changed only through
 * [method@Maint.ResourceGroup.add_window],
 * [method@Maint.ResourceGroup.clear_windows],
 * [method@Maint.ResourceGroup.add_blackout] and
 * [method@Maint.ResourceGroup.clear_blackouts]; they are not properties
 * and changing them emits no notification.
 */

struct _MaintResourceGroup
{
  GObject parent_instance;

  char       *name;
  GStrv       contacts;   /* never NULL */
  char       *timezone;   /* never NULL */
  char       *locale;     /* never NULL */
  gint64      notice;
  MaintStage  stage;
  guint       max_concurrent;
  GPtrArray  *windows;    /* MaintWindowSpec */
  GPtrArray  *blackouts;  /* MaintInterval */
};

G_DEFINE_FINAL_TYPE (MaintResourceGroup, maint_resource_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_CONTACTS,
  PROP_TIMEZONE,
  PROP_LOCALE,
  PROP_NOTICE,
  PROP_STAGE,
  PROP_MAX_CONCURRENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
maint_resource_group_finalize (GObject *object)
{
  MaintResourceGroup *self = MAINT_RESOURCE_GROUP (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->contacts, g_strfreev);
  g_clear_pointer (&self->timezone, g_free);
  g_clear_pointer (&self->locale, g_free);
  g_clear_pointer (&self->windows, g_ptr_array_unref);
  g_clear_pointer (&self->blackouts, g_ptr_array_unref);

  G_OBJECT_CLASS (maint_resource_group_parent_class)->finalize (object);
}

static void
maint_resource_group_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  MaintResourceGroup *self = MAINT_RESOURCE_GROUP (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CONTACTS:
      g_value_set_boxed (value, self->contacts);
      break;
    case PROP_TIMEZONE:
      g_value_set_string (value, self->timezone);
      break;
    case PROP_LOCALE:
      g_value_set_string (value, self->locale);
      break;
    case PROP_NOTICE:
      g_value_set_int64 (value, self->notice);
      break;
    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;
    case PROP_MAX_CONCURRENT:
      g_value_set_uint (value, self->max_concurrent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_resource_group_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  MaintResourceGroup *self = MAINT_RESOURCE_GROUP (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_CONTACTS:
      maint_resource_group_set_contacts (self, g_value_get_boxed (value));
      break;
    case PROP_TIMEZONE:
      /* NULL from a binding means "back to the default" */
      maint_resource_group_set_timezone (self, g_value_get_string (value) ? g_value_get_string (value) : "UTC");
      break;
    case PROP_LOCALE:
      maint_resource_group_set_locale (self, g_value_get_string (value) ? g_value_get_string (value) : "en");
      break;
    case PROP_NOTICE:
      maint_resource_group_set_notice (self, g_value_get_int64 (value));
      break;
    case PROP_STAGE:
      maint_resource_group_set_stage (self, g_value_get_enum (value));
      break;
    case PROP_MAX_CONCURRENT:
      maint_resource_group_set_max_concurrent (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_resource_group_class_init (MaintResourceGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = maint_resource_group_finalize;
  object_class->get_property = maint_resource_group_get_property;
  object_class->set_property = maint_resource_group_set_property;

  /**
   * MaintResourceGroup:name:
   *
   * The group's name, unique in a fleet. Machines refer to it.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         flags | G_PARAM_CONSTRUCT_ONLY);

  /**
   * MaintResourceGroup:contacts:
   *
   * The e-mail addresses (RFC 5322 addr-specs, `ops@example.com`) of the
   * group's technical contacts. A valid fleet needs at least one.
   *
   * Default: empty.
   */
  properties[PROP_CONTACTS] =
    g_param_spec_boxed ("contacts", NULL, NULL, G_TYPE_STRV, flags);

  /**
   * MaintResourceGroup:timezone:
   *
   * The tz database name of the zone (`Europe/Berlin`) in which the
   * windows are resolved and announcements are written.
   *
   * Default: `UTC`.
   */
  properties[PROP_TIMEZONE] =
    g_param_spec_string ("timezone", NULL, NULL, "UTC", flags);

  /**
   * MaintResourceGroup:locale:
   *
   * The locale (`en`, `de`, `de_CH`) of announcements to the contacts.
   *
   * Default: `en`.
   */
  properties[PROP_LOCALE] =
    g_param_spec_string ("locale", NULL, NULL, "en", flags);

  /**
   * MaintResourceGroup:notice:
   *
   * How long before a downtime the contacts must have been told, in
   * seconds. Emergency activities use the policy's emergency notice.
   *
   * Default: 0.
   */
  properties[PROP_NOTICE] =
    g_param_spec_int64 ("notice", NULL, NULL,
                        0, MAINT_DURATION_MAX, 0, flags);

  /**
   * MaintResourceGroup:stage:
   *
   * The stage of the group's machines (a machine may override it).
   * %MAINT_STAGE_NONE is not a valid stage for a group.
   *
   * Default: %MAINT_STAGE_PRODUCTION.
   */
  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL,
                       MAINT_TYPE_STAGE, MAINT_STAGE_PRODUCTION, flags);

  /**
   * MaintResourceGroup:max-concurrent:
   *
   * How many of the group's machines may be down at the same instant.
   *
   * Default: 0, which means unlimited.
   */
  properties[PROP_MAX_CONCURRENT] =
    g_param_spec_uint ("max-concurrent", NULL, NULL,
                       0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
maint_resource_group_init (MaintResourceGroup *self)
{
  self->contacts = g_new0 (char *, 1);
  self->timezone = g_strdup ("UTC");
  self->locale = g_strdup ("en");
  self->stage = MAINT_STAGE_PRODUCTION;
  self->windows = g_ptr_array_new_with_free_func ((GDestroyNotify) maint_window_spec_unref);
  self->blackouts = g_ptr_array_new_with_free_func ((GDestroyNotify) maint_interval_unref);
}

/**
 * maint_resource_group_new:
 * @name: the group's name
 *
 * Creates a resource group with the default settings (see the
 * properties): no contacts, no windows, time zone `UTC`.
 *
 * Returns: (transfer full): a new resource group
 */
MaintResourceGroup *
maint_resource_group_new (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (MAINT_TYPE_RESOURCE_GROUP, "name", name, NULL);
}

/**
 * maint_resource_group_get_name:
 * @self: a resource group
 *
 * Gets [property@Maint.ResourceGroup:name].
 *
 * Returns: (nullable): the name, %NULL only if the group was constructed
 *   without one
 */
const char *
maint_resource_group_get_name (MaintResourceGroup *self)
{
  g_return_val_if_fail (MAINT_IS_RESOURCE_GROUP (self), NULL);
  return self->name;
}

/**
 * maint_resource_group_get_contacts:
 * @self: a resource group
 *
 * Gets [property@Maint.ResourceGroup:contacts].
 *
 * Returns: (transfer none) (array zero-terminated=1): the contact
 *   addresses, possibly empty, never %NULL
 */
const char * const *
maint_resource_group_get_contacts (MaintResourceGroup *self)
{
  g_return_val_if_fail (MAINT_IS_RESOURCE_GROUP (self), NULL);
  return (const char * const *) self->contacts;
}

/**
 * maint_resource_group_set_contacts:
 * @self: a resource group
 * @contacts: (nullable) (array zero-terminated=1): the contact addresses;
 *   %NULL is the same as an empty list
 *
 * Sets [property@Maint.ResourceGroup:contacts]. The addresses are checked
 * by [method@Maint.Fleet.validate], not here.
 */
void
maint_resource_group_set_contacts (MaintResourceGroup *self,
                                   const char * const *contacts)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (MAINT_IS_RESOURCE_GROUP (self));

  if (contacts == NULL)
    contacts = empty;
  if (g_strv_equal ((const char * const *) self->contacts, contacts))
    return;

  g_strfreev (self->contacts);
  self->contacts = g_strdupv ((char **) contacts);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACTS]);
}

/**
 * maint_resource_group_get_timezone:
 * @self: a resource group
 *
 * Gets [property@Maint.ResourceGroup:timezone].
 *
 * Returns: the tz database name of the group's time zone
 */
const char *
maint_resource_group_get_timezone (MaintResourceGroup *self)
{
  g_return_val_if_fail (MAINT_IS_RESOURCE_GROUP (self), NULL);
  return self->timezone;
}

/**
 * maint_resource_group_set_timezone:
 * @self: a resource group
 * @zone: a tz database name such as `Europe/Berlin`
 *
 * Sets [property@Maint.ResourceGroup:timezone]. Whether the zone exists
 * is checked by [method@Maint.Fleet.validate], not here.
 */
void
maint_resource_group_set_timezone (MaintResourceGroup *self,
                                   const char         *zone)
{
  g_return_if_fail (MAINT_IS_RESOURCE_GROUP (self));
  g_return_if_fail (zone != NULL);

  if (g_strcmp0 (self->timezone, zone) == 0)
    return;
  g_free (self->timezone);
  self->timezone = g_strdup (zone);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEZONE]);
}

/**
 * maint_resource_group_get_locale:
 * @self: a resource group
 *
 * Gets [property@Maint.ResourceGroup:locale].
 *
 * Returns: the locale of the group's announcements
 */
const char *
maint_resource_group_get_locale (MaintResourceGroup *self)
{
  g_return_val_if_fail (MAINT_IS_RESOURCE_GROUP (self), NULL);
  return self->locale;
}

/**
 * maint_resource_group_set_locale:
 * @self: a resource group
 * @locale: a locale such as `en` or `de_DE`
 *
 * Sets [property@Maint.ResourceGroup:locale].
 */
void
maint_resource_group_set_locale (MaintResourceGroup *self,
                                 const char         *locale)
{
  g_return_if_fail (MAINT_IS_RESOURCE_GROUP (self));
  g_return_if_fail (locale != NULL);

  if (g_strcmp0 (self->locale, locale) == 0)
    return;
  g_free (self->locale);
  self->locale = g_strdup (locale);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCALE]);
}

/**
 * maint_resource_group_get_notice:
 * @self: a resource group
 *
 * Gets [property@Maint.ResourceGroup:notice].
 *
 * Returns: the notice in seconds
 */
gint64
maint_resource_group_get_notice (MaintResourceGroup *self)
{
  g_return_val_if_fail (MAINT_IS_RESOURCE_GROUP (self), 0);
  return self->notice;
}

/**
 * maint_resource_group_set_notice:
 * @self: a resource group
 * @seconds: the notice, 0 to %MAINT_DURATION_MAX
 *
 * Sets [property@Maint.ResourceGroup:notice].
 */
void
maint_resource_group_set_notice (MaintResourceGroup *self,
                                 gint64              seconds)
{
  g_return_if_fail (MAINT_IS_RESOURCE_GROUP (self));
  g_return_if_fail (seconds >= 0 && seconds <= MAINT_DURATION_MAX);

  if (self->notice == seconds)
    return;
  self->notice = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTICE]);
}

/**
 * maint_resource_group_get_stage:
 * @self: a resource group
 *
 * Gets [property@Maint.ResourceGroup:stage].
 *
 * Returns: the stage of the group's machines
 */
MaintStage
maint_resource_group_get_stage (MaintResourceGroup *self)
{
  g_return_val_if_fail (MAINT_IS_RESOURCE_GROUP (self), MAINT_STAGE_NONE);
  return self->stage;
}

/**
 * maint_resource_group_set_stage:
 * @self: a resource group
 * @stage: the stage
 *
 * Sets [property@Maint.ResourceGroup:stage].
 */
void
maint_resource_group_set_stage (MaintResourceGroup *self,
                                MaintStage          stage)
{
  g_return_if_fail (MAINT_IS_RESOURCE_GROUP (self));
  g_return_if_fail (stage >= MAINT_STAGE_NONE && stage <= MAINT_STAGE_INFRASTRUCTURE);

  if (self->stage == stage)
    return;
  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

/**
 * maint_resource_group_get_max_concurrent:
 * @self: a resource group
 *
 * Gets [property@Maint.ResourceGroup:max-concurrent].
 *
 * Returns: the limit of the group's machines down at once, 0 for unlimited
 */
guint
maint_resource_group_get_max_concurrent (MaintResourceGroup *self)
{
  g_return_val_if_fail (MAINT_IS_RESOURCE_GROUP (self), 0);
  return self->max_concurrent;
}

/**
 * maint_resource_group_set_max_concurrent:
 * @self: a resource group
 * @count: the limit, 0 for unlimited
 *
 * Sets [property@Maint.ResourceGroup:max-concurrent].
 */
void
maint_resource_group_set_max_concurrent (MaintResourceGroup *self,
                                         guint               count)
{
  g_return_if_fail (MAINT_IS_RESOURCE_GROUP (self));

  if (self->max_concurrent == count)
    return;
  self->max_concurrent = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_CONCURRENT]);
}

/**
 * maint_resource_group_get_windows:
 * @self: a resource group
 *
 * Gets the group's recurring maintenance windows, in the order they were
 * added. The array belongs to the group; do not modify it.
 *
 * Returns: (transfer none) (element-type Maint.WindowSpec): the windows
 */
GPtrArray *
maint_resource_group_get_windows (MaintResourceGroup *self)
{
  g_return_val_if_fail (MAINT_IS_RESOURCE_GROUP (self), NULL);
  return self->windows;
}

/**
 * maint_resource_group_add_window:
 * @self: a resource group
 * @spec: (transfer none): a window spec
 *
 * Appends a recurring maintenance window. The group keeps a reference.
 * The occurrences of all windows are united.
 */
void
maint_resource_group_add_window (MaintResourceGroup *self,
                                 MaintWindowSpec    *spec)
{
  g_return_if_fail (MAINT_IS_RESOURCE_GROUP (self));
  g_return_if_fail (spec != NULL);

  g_ptr_array_add (self->windows, maint_window_spec_ref (spec));
}

/**
 * maint_resource_group_clear_windows:
 * @self: a resource group
 *
 * Removes all maintenance windows.
 */
void
maint_resource_group_clear_windows (MaintResourceGroup *self)
{
  g_return_if_fail (MAINT_IS_RESOURCE_GROUP (self));

  g_ptr_array_set_size (self->windows, 0);
}

/**
 * maint_resource_group_get_blackouts:
 * @self: a resource group
 *
 * Gets the group's blackouts: absolute intervals in which no maintenance
 * may happen, in the order they were added. The array belongs to the
 * group; do not modify it.
 *
 * Returns: (transfer none) (element-type Maint.Interval): the blackouts
 */
GPtrArray *
maint_resource_group_get_blackouts (MaintResourceGroup *self)
{
  g_return_val_if_fail (MAINT_IS_RESOURCE_GROUP (self), NULL);
  return self->blackouts;
}

/**
 * maint_resource_group_add_blackout:
 * @self: a resource group
 * @blackout: (transfer none): an interval
 *
 * Appends a blackout. The group keeps a reference. Blackouts whose end is
 * not after their start are rejected by [method@Maint.Fleet.validate].
 */
void
maint_resource_group_add_blackout (MaintResourceGroup *self,
                                   MaintInterval      *blackout)
{
  g_return_if_fail (MAINT_IS_RESOURCE_GROUP (self));
  g_return_if_fail (blackout != NULL);

  g_ptr_array_add (self->blackouts, maint_interval_ref (blackout));
}

/**
 * maint_resource_group_clear_blackouts:
 * @self: a resource group
 *
 * Removes all blackouts.
 */
void
maint_resource_group_clear_blackouts (MaintResourceGroup *self)
{
  g_return_if_fail (MAINT_IS_RESOURCE_GROUP (self));

  g_ptr_array_set_size (self->blackouts, 0);
}

/**
 * maint_resource_group_get_maintenance_intervals:
 * @self: a resource group
 * @from: the start of the range, a UTC instant in seconds
 * @to: the end of the range, a UTC instant in seconds
 * @error: return location for a #GError
 *
 * Computes when maintenance may happen between @from and @to: the union
 * of the occurrences of the group's windows, resolved in the group's time
 * zone (see [func@Maint.window_specs_expand]), minus the union of the
 * blackouts. Each interval of the result lies inside one window
 * occurrence. A group without windows gives an empty set (but an unknown
 * time zone is still an error).
 *
 * Returns: (transfer full): the maintenance intervals, or %NULL with
 *   @error set (%MAINT_TIME_ERROR_ZONE_FAILED when the time zone is
 *   unknown)
 */
MaintIntervalSet *
maint_resource_group_get_maintenance_intervals (MaintResourceGroup  *self,
                                                gint64               from,
                                                gint64               to,
                                                GError             **error)
{
  g_autoptr(MaintIntervalSet) windows = NULL;
  g_autoptr(MaintIntervalSet) blackouts = NULL;

  g_return_val_if_fail (MAINT_IS_RESOURCE_GROUP (self), NULL);
  g_return_val_if_fail (from <= to, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  windows = maint_window_specs_expand ((MaintWindowSpec * const *) self->windows->pdata,
                                       self->windows->len,
                                       self->timezone, from, to, error);
  if (windows == NULL)
    return NULL;

  if (self->blackouts->len == 0)
    return g_steal_pointer (&windows);

  blackouts = maint_interval_set_new_from_intervals ((MaintInterval * const *) self->blackouts->pdata,
                                                     self->blackouts->len);
  return maint_interval_set_subtract (windows, blackouts);
}

static gboolean
ptr_arrays_equal (GPtrArray  *a,
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
 * maint_resource_group_equal:
 * @a: a resource group
 * @b: another resource group
 *
 * Compares two groups deeply: every property, and the windows and
 * blackouts in order.
 *
 * Returns: %TRUE if @a and @b are equal
 */
gboolean
maint_resource_group_equal (MaintResourceGroup *a,
                            MaintResourceGroup *b)
{
  g_return_val_if_fail (MAINT_IS_RESOURCE_GROUP (a), FALSE);
  g_return_val_if_fail (MAINT_IS_RESOURCE_GROUP (b), FALSE);

  if (a == b)
    return TRUE;

  return g_strcmp0 (a->name, b->name) == 0 &&
         g_strv_equal ((const char * const *) a->contacts, (const char * const *) b->contacts) &&
         g_strcmp0 (a->timezone, b->timezone) == 0 &&
         g_strcmp0 (a->locale, b->locale) == 0 &&
         a->notice == b->notice &&
         a->stage == b->stage &&
         a->max_concurrent == b->max_concurrent &&
         ptr_arrays_equal (a->windows, b->windows, (GEqualFunc) maint_window_spec_equal) &&
         ptr_arrays_equal (a->blackouts, b->blackouts, (GEqualFunc) maint_interval_equal);
}
