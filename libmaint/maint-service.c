/* maint-service.c: a redundancy set of machines
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "maint-service.h"
#include "maint-time.h"

/**
 * MaintService:
 *
 * A redundancy set: machines that provide one service together, such as
 * an active/passive database pair or two load balancers, and so must not
 * all be down at once.
 *
 * At most [property@Maint.Service:max-unavailable] members may be down at
 * the same instant, counting the downtime a host's reboot causes its
 * guests; the downtimes of two members are at least
 * [property@Maint.Service:spacing] apart; and when
 * [property@Maint.Service:order] is set, members go down in that order
 * (for example the passive member before the active one).
 */

struct _MaintService
{
  GObject parent_instance;

  char   *name;
  GStrv   members;  /* never NULL */
  guint   max_unavailable;
  gint64  spacing;
  GStrv   order;    /* NULL when not set; never empty */
};

G_DEFINE_FINAL_TYPE (MaintService, maint_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_MEMBERS,
  PROP_MAX_UNAVAILABLE,
  PROP_SPACING,
  PROP_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
maint_service_finalize (GObject *object)
{
  MaintService *self = MAINT_SERVICE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->members, g_strfreev);
  g_clear_pointer (&self->order, g_strfreev);

  G_OBJECT_CLASS (maint_service_parent_class)->finalize (object);
}

static void
maint_service_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MaintService *self = MAINT_SERVICE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_MEMBERS:
      g_value_set_boxed (value, self->members);
      break;
    case PROP_MAX_UNAVAILABLE:
      g_value_set_uint (value, self->max_unavailable);
      break;
    case PROP_SPACING:
      g_value_set_int64 (value, self->spacing);
      break;
    case PROP_ORDER:
      g_value_set_boxed (value, self->order);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_service_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MaintService *self = MAINT_SERVICE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_MEMBERS:
      maint_service_set_members (self, g_value_get_boxed (value));
      break;
    case PROP_MAX_UNAVAILABLE:
      maint_service_set_max_unavailable (self, g_value_get_uint (value));
      break;
    case PROP_SPACING:
      maint_service_set_spacing (self, g_value_get_int64 (value));
      break;
    case PROP_ORDER:
      maint_service_set_order (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_service_class_init (MaintServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = maint_service_finalize;
  object_class->get_property = maint_service_get_property;
  object_class->set_property = maint_service_set_property;

  /**
   * MaintService:name:
   *
   * The service's name, unique in a fleet.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         flags | G_PARAM_CONSTRUCT_ONLY);

  /**
   * MaintService:members:
   *
   * The names of the member machines. A valid fleet needs at least one,
   * each an existing machine, none twice.
   *
   * Default: empty.
   */
  properties[PROP_MEMBERS] =
    g_param_spec_boxed ("members", NULL, NULL, G_TYPE_STRV, flags);

  /**
   * MaintService:max-unavailable:
   *
   * How many members may be down at the same instant; at least 1 in a
   * valid fleet.
   *
   * Default: 1.
   */
  properties[PROP_MAX_UNAVAILABLE] =
    g_param_spec_uint ("max-unavailable", NULL, NULL, 0, G_MAXUINT, 1, flags);

  /**
   * MaintService:spacing:
   *
   * The least time, in seconds, between the end of one member's downtime
   * and the start of another's.
   *
   * Default: 0.
   */
  properties[PROP_SPACING] =
    g_param_spec_int64 ("spacing", NULL, NULL,
                        0, MAINT_DURATION_MAX, 0, flags);

  /**
   * MaintService:order:
   *
   * The order in which members go down (names of members, each at most
   * once; members not listed are unordered), or %NULL for no order.
   * Setting an empty list is the same as setting %NULL.
   *
   * Default: %NULL.
   */
  properties[PROP_ORDER] =
    g_param_spec_boxed ("order", NULL, NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
maint_service_init (MaintService *self)
{
  self->members = g_new0 (char *, 1);
  self->max_unavailable = 1;
}

/**
 * maint_service_new:
 * @name: the service's name
 *
 * Creates a service without members that allows one member down at a
 * time.
 *
 * Returns: (transfer full): a new service
 */
MaintService *
maint_service_new (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (MAINT_TYPE_SERVICE, "name", name, NULL);
}

/**
 * maint_service_get_name:
 * @self: a service
 *
 * Gets [property@Maint.Service:name].
 *
 * Returns: (nullable): the name, %NULL only if the service was
 *   constructed without one
 */
const char *
maint_service_get_name (MaintService *self)
{
  g_return_val_if_fail (MAINT_IS_SERVICE (self), NULL);
  return self->name;
}

/**
 * maint_service_get_members:
 * @self: a service
 *
 * Gets [property@Maint.Service:members].
 *
 * Returns: (transfer none) (array zero-terminated=1): the member names,
 *   possibly empty, never %NULL
 */
const char * const *
maint_service_get_members (MaintService *self)
{
  g_return_val_if_fail (MAINT_IS_SERVICE (self), NULL);
  return (const char * const *) self->members;
}

/**
 * maint_service_set_members:
 * @self: a service
 * @members: (nullable) (array zero-terminated=1): the member names;
 *   %NULL is the same as an empty list
 *
 * Sets [property@Maint.Service:members].
 */
void
maint_service_set_members (MaintService       *self,
                           const char * const *members)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (MAINT_IS_SERVICE (self));

  if (members == NULL)
    members = empty;
  if (g_strv_equal ((const char * const *) self->members, members))
    return;

  g_strfreev (self->members);
  self->members = g_strdupv ((char **) members);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBERS]);
}

/**
 * maint_service_get_max_unavailable:
 * @self: a service
 *
 * Gets [property@Maint.Service:max-unavailable].
 *
 * Returns: how many members may be down at once
 */
guint
maint_service_get_max_unavailable (MaintService *self)
{
  g_return_val_if_fail (MAINT_IS_SERVICE (self), 0);
  return self->max_unavailable;
}

/**
 * maint_service_set_max_unavailable:
 * @self: a service
 * @count: how many members may be down at once
 *
 * Sets [property@Maint.Service:max-unavailable]. 0 is rejected by
 * [method@Maint.Fleet.validate].
 */
void
maint_service_set_max_unavailable (MaintService *self,
                                   guint         count)
{
  g_return_if_fail (MAINT_IS_SERVICE (self));

  if (self->max_unavailable == count)
    return;
  self->max_unavailable = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_UNAVAILABLE]);
}

/**
 * maint_service_get_spacing:
 * @self: a service
 *
 * Gets [property@Maint.Service:spacing].
 *
 * Returns: the spacing between members' downtimes in seconds
 */
gint64
maint_service_get_spacing (MaintService *self)
{
  g_return_val_if_fail (MAINT_IS_SERVICE (self), 0);
  return self->spacing;
}

/**
 * maint_service_set_spacing:
 * @self: a service
 * @seconds: the spacing, 0 to %MAINT_DURATION_MAX
 *
 * Sets [property@Maint.Service:spacing].
 */
void
maint_service_set_spacing (MaintService *self,
                           gint64        seconds)
{
  g_return_if_fail (MAINT_IS_SERVICE (self));
  g_return_if_fail (seconds >= 0 && seconds <= MAINT_DURATION_MAX);

  if (self->spacing == seconds)
    return;
  self->spacing = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

/**
 * maint_service_get_order:
 * @self: a service
 *
 * Gets [property@Maint.Service:order].
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the
 *   order of the members, or %NULL if there is none
 */
const char * const *
maint_service_get_order (MaintService *self)
{
  g_return_val_if_fail (MAINT_IS_SERVICE (self), NULL);
  return (const char * const *) self->order;
}

/**
 * maint_service_set_order:
 * @self: a service
 * @order: (nullable) (array zero-terminated=1): the order of the members,
 *   or %NULL (or an empty list) for none
 *
 * Sets [property@Maint.Service:order].
 */
void
maint_service_set_order (MaintService       *self,
                         const char * const *order)
{
  g_return_if_fail (MAINT_IS_SERVICE (self));

  /* one representation of "no order", so that equal() and round trips
   * need not care whether it came as null or [] */
  if (order != NULL && order[0] == NULL)
    order = NULL;

  if (self->order == NULL && order == NULL)
    return;
  if (self->order != NULL && order != NULL &&
      g_strv_equal ((const char * const *) self->order, order))
    return;

  g_strfreev (self->order);
  self->order = g_strdupv ((char **) order);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);
}

static gboolean
strv_equal0 (char **a,
             char **b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

/**
 * maint_service_equal:
 * @a: a service
 * @b: another service
 *
 * Compares two services property by property; members and order are
 * compared as ordered lists.
 *
 * Returns: %TRUE if @a and @b are equal
 */
gboolean
maint_service_equal (MaintService *a,
                     MaintService *b)
{
  g_return_val_if_fail (MAINT_IS_SERVICE (a), FALSE);
  g_return_val_if_fail (MAINT_IS_SERVICE (b), FALSE);

  if (a == b)
    return TRUE;

  return g_strcmp0 (a->name, b->name) == 0 &&
         strv_equal0 (a->members, b->members) &&
         a->max_unavailable == b->max_unavailable &&
         a->spacing == b->spacing &&
         strv_equal0 (a->order, b->order);
}
