/* maint-notice.c: notices and the windows they are about
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "maint-notifier-private.h"
#include "maint-enum-types.h"
#include "maint-time.h"

static const char * const empty_strv[] = { NULL };

/* ------------------------------------------------------------------ */
/* MaintNoticeItem                                                     */

/**
 * MaintNoticeItem:
 *
 * One maintenance window of a machine as a notice presents it: the window
 * in the new plan ([method@Maint.NoticeItem.get_slot]), the window as it
 * was announced ([method@Maint.NoticeItem.get_previous]), how the two
 * differ ([method@Maint.NoticeItem.get_change]) and the identity of the
 * window in calendars: a UID that stays the same while the window moves,
 * and a SEQUENCE that rises with every change.
 *
 * A window is either a [class@Maint.Slot] of the machine itself or
 * downtime a guest suffers because its host reboots; for the latter
 * [method@Maint.NoticeItem.get_host] names the host and the slot is made
 * up by the notifier (it names the guest, the host reboot's start and end,
 * a cold reboot and no activities).
 *
 * Notice items are immutable.
 */

struct _MaintNoticeItem
{
  GObject parent_instance;

  char              *machine;
  char              *group;
  MaintNoticeChange  change;
  MaintSlot         *slot;
  MaintSlot         *previous;
  char              *host;
  char              *uid;
  guint              sequence;
};

G_DEFINE_FINAL_TYPE (MaintNoticeItem, maint_notice_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_MACHINE,
  ITEM_PROP_GROUP,
  ITEM_PROP_CHANGE,
  ITEM_PROP_SLOT,
  ITEM_PROP_PREVIOUS,
  ITEM_PROP_HOST,
  ITEM_PROP_UID,
  ITEM_PROP_SEQUENCE,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
maint_notice_item_finalize (GObject *object)
{
  MaintNoticeItem *self = MAINT_NOTICE_ITEM (object);

  g_clear_pointer (&self->machine, g_free);
  g_clear_pointer (&self->group, g_free);
  g_clear_object (&self->slot);
  g_clear_object (&self->previous);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->uid, g_free);

  G_OBJECT_CLASS (maint_notice_item_parent_class)->finalize (object);
}

static void
maint_notice_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MaintNoticeItem *self = MAINT_NOTICE_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_MACHINE:
      g_value_set_string (value, self->machine);
      break;
    case ITEM_PROP_GROUP:
      g_value_set_string (value, self->group);
      break;
    case ITEM_PROP_CHANGE:
      g_value_set_enum (value, self->change);
      break;
    case ITEM_PROP_SLOT:
      g_value_set_object (value, self->slot);
      break;
    case ITEM_PROP_PREVIOUS:
      g_value_set_object (value, self->previous);
      break;
    case ITEM_PROP_HOST:
      g_value_set_string (value, self->host);
      break;
    case ITEM_PROP_UID:
      g_value_set_string (value, self->uid);
      break;
    case ITEM_PROP_SEQUENCE:
      g_value_set_uint (value, self->sequence);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_notice_item_class_init (MaintNoticeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = maint_notice_item_finalize;
  object_class->get_property = maint_notice_item_get_property;

  /**
   * MaintNoticeItem:machine:
   *
   * The machine that is down.
   */
  item_properties[ITEM_PROP_MACHINE] =
    g_param_spec_string ("machine", NULL, NULL, NULL, flags);

  /**
   * MaintNoticeItem:group:
   *
   * The machine's resource group.
   */
  item_properties[ITEM_PROP_GROUP] =
    g_param_spec_string ("group", NULL, NULL, NULL, flags);

  /**
   * MaintNoticeItem:change:
   *
   * How the window compares with what was announced.
   */
  item_properties[ITEM_PROP_CHANGE] =
    g_param_spec_enum ("change", NULL, NULL, MAINT_TYPE_NOTICE_CHANGE,
                       MAINT_NOTICE_CHANGE_NONE, flags);

  /**
   * MaintNoticeItem:slot:
   *
   * The window in the new plan; %NULL when it was cancelled.
   */
  item_properties[ITEM_PROP_SLOT] =
    g_param_spec_object ("slot", NULL, NULL, MAINT_TYPE_SLOT, flags);

  /**
   * MaintNoticeItem:previous:
   *
   * The window as announced (from the previous plan, or the pinned slot
   * when there is no previous plan); %NULL for a new window.
   */
  item_properties[ITEM_PROP_PREVIOUS] =
    g_param_spec_object ("previous", NULL, NULL, MAINT_TYPE_SLOT, flags);

  /**
   * MaintNoticeItem:host:
   *
   * For downtime caused by a host's reboot, the host; else %NULL.
   */
  item_properties[ITEM_PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL, NULL, flags);

  /**
   * MaintNoticeItem:uid:
   *
   * The iCalendar UID of the window. It is derived from the machine and
   * the window's first announced activity (or, for host downtime, the
   * host and the reboot's position), never from its time, so it stays
   * the same when the window moves.
   */
  item_properties[ITEM_PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL, flags);

  /**
   * MaintNoticeItem:sequence:
   *
   * The iCalendar SEQUENCE of the window: 0 when first announced, one
   * more than the announced sequence for every change the customer can
   * notice.
   */
  item_properties[ITEM_PROP_SEQUENCE] =
    g_param_spec_uint ("sequence", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
maint_notice_item_init (MaintNoticeItem *self)
{
}

MaintNoticeItem *
maint_notice_item_new (const char        *machine,
                       const char        *group,
                       MaintNoticeChange  change,
                       MaintSlot         *slot,
                       MaintSlot         *previous,
                       const char        *host,
                       const char        *uid,
                       guint              sequence)
{
  MaintNoticeItem *self = g_object_new (MAINT_TYPE_NOTICE_ITEM, NULL);

  self->machine = g_strdup (machine);
  self->group = g_strdup (group);
  self->change = change;
  self->slot = slot ? g_object_ref (slot) : NULL;
  self->previous = previous ? g_object_ref (previous) : NULL;
  self->host = g_strdup (host);
  self->uid = g_strdup (uid);
  self->sequence = sequence;
  return self;
}

/**
 * maint_notice_item_get_machine:
 * @self: a notice item
 *
 * Gets [property@Maint.NoticeItem:machine].
 *
 * Returns: the machine's name
 */
const char *
maint_notice_item_get_machine (MaintNoticeItem *self)
{
  g_return_val_if_fail (MAINT_IS_NOTICE_ITEM (self), NULL);
  return self->machine;
}

/**
 * maint_notice_item_get_group:
 * @self: a notice item
 *
 * Gets [property@Maint.NoticeItem:group].
 *
 * Returns: the resource group's name
 */
const char *
maint_notice_item_get_group (MaintNoticeItem *self)
{
  g_return_val_if_fail (MAINT_IS_NOTICE_ITEM (self), NULL);
  return self->group;
}

/**
 * maint_notice_item_get_change:
 * @self: a notice item
 *
 * Gets [property@Maint.NoticeItem:change].
 *
 * Returns: how the window changed
 */
MaintNoticeChange
maint_notice_item_get_change (MaintNoticeItem *self)
{
  g_return_val_if_fail (MAINT_IS_NOTICE_ITEM (self), MAINT_NOTICE_CHANGE_NONE);
  return self->change;
}

/**
 * maint_notice_item_get_slot:
 * @self: a notice item
 *
 * Gets [property@Maint.NoticeItem:slot].
 *
 * Returns: (transfer none) (nullable): the window in the new plan, or
 *   %NULL when it was cancelled
 */
MaintSlot *
maint_notice_item_get_slot (MaintNoticeItem *self)
{
  g_return_val_if_fail (MAINT_IS_NOTICE_ITEM (self), NULL);
  return self->slot;
}

/**
 * maint_notice_item_get_previous:
 * @self: a notice item
 *
 * Gets [property@Maint.NoticeItem:previous].
 *
 * Returns: (transfer none) (nullable): the window as announced, or %NULL
 *   for a new window
 */
MaintSlot *
maint_notice_item_get_previous (MaintNoticeItem *self)
{
  g_return_val_if_fail (MAINT_IS_NOTICE_ITEM (self), NULL);
  return self->previous;
}

/**
 * maint_notice_item_get_host:
 * @self: a notice item
 *
 * Gets [property@Maint.NoticeItem:host].
 *
 * Returns: (nullable): the host whose reboot causes the downtime, or
 *   %NULL for the machine's own slot
 */
const char *
maint_notice_item_get_host (MaintNoticeItem *self)
{
  g_return_val_if_fail (MAINT_IS_NOTICE_ITEM (self), NULL);
  return self->host;
}

/**
 * maint_notice_item_get_uid:
 * @self: a notice item
 *
 * Gets [property@Maint.NoticeItem:uid].
 *
 * Returns: the iCalendar UID of the window
 */
const char *
maint_notice_item_get_uid (MaintNoticeItem *self)
{
  g_return_val_if_fail (MAINT_IS_NOTICE_ITEM (self), NULL);
  return self->uid;
}

/**
 * maint_notice_item_get_sequence:
 * @self: a notice item
 *
 * Gets [property@Maint.NoticeItem:sequence].
 *
 * Returns: the iCalendar SEQUENCE of the window
 */
guint
maint_notice_item_get_sequence (MaintNoticeItem *self)
{
  g_return_val_if_fail (MAINT_IS_NOTICE_ITEM (self), 0);
  return self->sequence;
}

/* ------------------------------------------------------------------ */
/* MaintNotice                                                         */

/**
 * MaintNotice:
 *
 * One message to the contacts of one resource group, as made by
 * [method@Maint.Notifier.run]: what it is about
 * ([enum@Maint.NoticeKind]), the rendered subject and plain-text body in
 * the group's locale, the windows concerned with their iCalendar
 * identities, the calendar to attach, and
 * [property@Maint.Notice:send-by]: the latest instant at which the
 * message must go out so that the group's notice period holds.
 *
 * [method@Maint.Notice.to_email] turns it into an RFC 5322 message.
 *
 * Notices are immutable.
 */

struct _MaintNotice
{
  GObject parent_instance;

  char            *group;
  MaintNoticeKind  kind;
  char            *locale;
  char           **recipients;
  char            *sender;
  char            *subject;
  char            *body;
  gint64           created;
  gint64           send_by;
  GPtrArray       *items;   /* (element-type MaintNoticeItem) */
  GPtrArray       *slots;   /* (element-type MaintSlot) */
  char            *calendar;
};

G_DEFINE_FINAL_TYPE (MaintNotice, maint_notice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_GROUP,
  PROP_KIND,
  PROP_LOCALE,
  PROP_RECIPIENTS,
  PROP_SENDER,
  PROP_SUBJECT,
  PROP_BODY,
  PROP_CREATED,
  PROP_SEND_BY,
  PROP_CALENDAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
maint_notice_finalize (GObject *object)
{
  MaintNotice *self = MAINT_NOTICE (object);

  g_clear_pointer (&self->group, g_free);
  g_clear_pointer (&self->locale, g_free);
  g_clear_pointer (&self->recipients, g_strfreev);
  g_clear_pointer (&self->sender, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->calendar, g_free);

  G_OBJECT_CLASS (maint_notice_parent_class)->finalize (object);
}

static void
maint_notice_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MaintNotice *self = MAINT_NOTICE (object);

  switch (prop_id)
    {
    case PROP_GROUP:
      g_value_set_string (value, self->group);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_LOCALE:
      g_value_set_string (value, self->locale);
      break;
    case PROP_RECIPIENTS:
      g_value_set_boxed (value, self->recipients);
      break;
    case PROP_SENDER:
      g_value_set_string (value, self->sender);
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_CREATED:
      g_value_set_int64 (value, self->created);
      break;
    case PROP_SEND_BY:
      g_value_set_int64 (value, self->send_by);
      break;
    case PROP_CALENDAR:
      g_value_set_string (value, self->calendar);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_notice_class_init (MaintNoticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = maint_notice_finalize;
  object_class->get_property = maint_notice_get_property;

  /**
   * MaintNotice:group:
   *
   * The resource group whose contacts get the notice.
   */
  properties[PROP_GROUP] = g_param_spec_string ("group", NULL, NULL, NULL, flags);

  /**
   * MaintNotice:kind:
   *
   * What the notice is about.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, MAINT_TYPE_NOTICE_KIND,
                       MAINT_NOTICE_KIND_SETTINGS, flags);

  /**
   * MaintNotice:locale:
   *
   * The locale the notice is rendered in: the group's (or the notifier's
   * override), or `en` when there is no template for it.
   */
  properties[PROP_LOCALE] = g_param_spec_string ("locale", NULL, NULL, NULL, flags);

  /**
   * MaintNotice:recipients:
   *
   * The group's contact addresses.
   */
  properties[PROP_RECIPIENTS] =
    g_param_spec_boxed ("recipients", NULL, NULL, G_TYPE_STRV, flags);

  /**
   * MaintNotice:sender:
   *
   * The `From` address.
   */
  properties[PROP_SENDER] = g_param_spec_string ("sender", NULL, NULL, NULL, flags);

  /**
   * MaintNotice:subject:
   *
   * The rendered subject: one line of UTF-8 text.
   */
  properties[PROP_SUBJECT] = g_param_spec_string ("subject", NULL, NULL, NULL, flags);

  /**
   * MaintNotice:body:
   *
   * The rendered plain-text body, UTF-8 with `\n` line ends.
   */
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, flags);

  /**
   * MaintNotice:created:
   *
   * The notifier's `now` when the notice was made, in seconds since the
   * Unix epoch. It is the `Date` of the e-mail and the `DTSTAMP` of the
   * calendar.
   */
  properties[PROP_CREATED] =
    g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, flags);

  /**
   * MaintNotice:send-by:
   *
   * The latest instant, in seconds since the Unix epoch, at which the
   * notice must be sent: for new windows the earliest `announce_by` of
   * its windows (start minus the group's notice, or the emergency
   * notice); for changes also no later than the start of any window as
   * it was announced; for the settings the creation time. It may lie
   * before [property@Maint.Notice:created] when a plan leaves less notice
   * than promised (e.g. a cancellation at short notice).
   */
  properties[PROP_SEND_BY] =
    g_param_spec_int64 ("send-by", NULL, NULL, 0, G_MAXINT64, 0, flags);

  /**
   * MaintNotice:calendar:
   *
   * The iCalendar (RFC 5545) text with one event per window of the
   * notice, or %NULL for a settings notice.
   */
  properties[PROP_CALENDAR] = g_param_spec_string ("calendar", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
maint_notice_init (MaintNotice *self)
{
}

MaintNotice *
maint_notice_new (const MaintNoticeData *data)
{
  MaintNotice *self = g_object_new (MAINT_TYPE_NOTICE, NULL);

  self->group = g_strdup (data->group);
  self->kind = data->kind;
  self->locale = g_strdup (data->locale);
  self->recipients = g_strdupv ((char **) (data->recipients ? data->recipients : empty_strv));
  self->sender = g_strdup (data->sender);
  self->subject = g_strdup (data->subject);
  self->body = g_strdup (data->body);
  self->created = data->created;
  self->send_by = data->send_by;
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->slots = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; data->items != NULL && i < data->items->len; i++)
    {
      MaintNoticeItem *item = g_ptr_array_index (data->items, i);
      MaintSlot *slot = item->slot ? item->slot : item->previous;

      g_ptr_array_add (self->items, g_object_ref (item));
      g_ptr_array_add (self->slots, g_object_ref (slot));
    }
  self->calendar = g_strdup (data->calendar);
  return self;
}

/**
 * maint_notice_get_group:
 * @self: a notice
 *
 * Gets [property@Maint.Notice:group].
 *
 * Returns: the resource group's name
 */
const char *
maint_notice_get_group (MaintNotice *self)
{
  g_return_val_if_fail (MAINT_IS_NOTICE (self), NULL);
  return self->group;
}

/**
 * maint_notice_get_kind:
 * @self: a notice
 *
 * Gets [property@Maint.Notice:kind].
 *
 * Returns: what the notice is about
 */
MaintNoticeKind
maint_notice_get_kind (MaintNotice *self)
{
  g_return_val_if_fail (MAINT_IS_NOTICE (self), MAINT_NOTICE_KIND_SETTINGS);
  return self->kind;
}

/**
 * maint_notice_get_locale:
 * @self: a notice
 *
 * Gets [property@Maint.Notice:locale].
 *
 * Returns: the locale the notice is rendered in
 */
const char *
maint_notice_get_locale (MaintNotice *self)
{
  g_return_val_if_fail (MAINT_IS_NOTICE (self), NULL);
  return self->locale;
}

/**
 * maint_notice_get_recipients:
 * @self: a notice
 *
 * Gets [property@Maint.Notice:recipients].
 *
 * Returns: (transfer none) (array zero-terminated=1): the addresses
 */
const char * const *
maint_notice_get_recipients (MaintNotice *self)
{
  g_return_val_if_fail (MAINT_IS_NOTICE (self), NULL);
  return (const char * const *) self->recipients;
}

/**
 * maint_notice_get_sender:
 * @self: a notice
 *
 * Gets [property@Maint.Notice:sender].
 *
 * Returns: the `From` address
 */
const char *
maint_notice_get_sender (MaintNotice *self)
{
  g_return_val_if_fail (MAINT_IS_NOTICE (self), NULL);
  return self->sender;
}

/**
 * maint_notice_get_subject:
 * @self: a notice
 *
 * Gets [property@Maint.Notice:subject].
 *
 * Returns: the subject
 */
const char *
maint_notice_get_subject (MaintNotice *self)
{
  g_return_val_if_fail (MAINT_IS_NOTICE (self), NULL);
  return self->subject;
}

/**
 * maint_notice_get_body:
 * @self: a notice
 *
 * Gets [property@Maint.Notice:body].
 *
 * Returns: the plain-text body
 */
const char *
maint_notice_get_body (MaintNotice *self)
{
  g_return_val_if_fail (MAINT_IS_NOTICE (self), NULL);
  return self->body;
}

/**
 * maint_notice_get_created:
 * @self: a notice
 *
 * Gets [property@Maint.Notice:created].
 *
 * Returns: the creation instant, in seconds since the Unix epoch
 */
gint64
maint_notice_get_created (MaintNotice *self)
{
  g_return_val_if_fail (MAINT_IS_NOTICE (self), 0);
  return self->created;
}

/**
 * maint_notice_get_send_by:
 * @self: a notice
 *
 * Gets [property@Maint.Notice:send-by].
 *
 * Returns: the latest instant to send the notice, in seconds since the
 *   Unix epoch
 */
gint64
maint_notice_get_send_by (MaintNotice *self)
{
  g_return_val_if_fail (MAINT_IS_NOTICE (self), 0);
  return self->send_by;
}

/**
 * maint_notice_get_items:
 * @self: a notice
 *
 * Gets the windows the notice is about, ordered by machine as the body
 * lists them. A settings notice has none.
 *
 * Returns: (transfer none) (element-type Maint.NoticeItem): the windows
 */
GPtrArray *
maint_notice_get_items (MaintNotice *self)
{
  g_return_val_if_fail (MAINT_IS_NOTICE (self), NULL);
  return self->items;
}

/**
 * maint_notice_get_slots:
 * @self: a notice
 *
 * Gets the slots concerned, one per item of
 * [method@Maint.Notice.get_items] in the same order: the slot of the new
 * plan, or for a cancelled window the slot as it was announced.
 *
 * Returns: (transfer none) (element-type Maint.Slot): the slots
 */
GPtrArray *
maint_notice_get_slots (MaintNotice *self)
{
  g_return_val_if_fail (MAINT_IS_NOTICE (self), NULL);
  return self->slots;
}

/**
 * maint_notice_get_calendar:
 * @self: a notice
 *
 * Gets [property@Maint.Notice:calendar].
 *
 * Returns: (nullable): the iCalendar text, with CRLF line ends
 */
const char *
maint_notice_get_calendar (MaintNotice *self)
{
  g_return_val_if_fail (MAINT_IS_NOTICE (self), NULL);
  return self->calendar;
}

static const char *
address_domain (const char *address)
{
  const char *at = strrchr (address, '@');
  return at ? at + 1 : "localhost";
}

/* A hex digest of the notice's identity: group, kind and creation time. */
static char *
notice_digest (MaintNotice *self)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *created = g_strdup_printf ("%" G_GINT64_FORMAT, self->created);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (MAINT_TYPE_NOTICE_KIND);
  const char *kind = g_enum_get_value (kinds, self->kind)->value_nick;

  g_checksum_update (checksum, (const guchar *) self->group, strlen (self->group) + 1);
  g_checksum_update (checksum, (const guchar *) kind, strlen (kind) + 1);
  g_checksum_update (checksum, (const guchar *) created, strlen (created) + 1);
  g_checksum_update (checksum, (const guchar *) self->sender, strlen (self->sender) + 1);
  return g_strndup (g_checksum_get_string (checksum), 32);
}

/**
 * maint_notice_get_message_id:
 * @self: a notice
 *
 * Gets the `Message-ID` of the notice's e-mail, with the angle brackets:
 * a digest of the group, kind, creation time and sender at the sender's
 * domain. The same notice made again gets the same id, so a mail system
 * can drop a duplicate.
 *
 * Returns: (transfer full): the message id
 */
char *
maint_notice_get_message_id (MaintNotice *self)
{
  g_autofree char *digest = NULL;

  g_return_val_if_fail (MAINT_IS_NOTICE (self), NULL);

  digest = notice_digest (self);
  return g_strdup_printf ("<%s@%s>", digest, address_domain (self->sender));
}

static void
append_header (GString    *out,
               const char *line)
{
  g_string_append (out, line);
  g_string_append (out, "\r\n");
}

static void
append_base64 (GString    *out,
               const char *data)
{
  g_autofree char *b64 = g_base64_encode ((const guchar *) data, strlen (data));
  gsize len = strlen (b64);

  for (gsize i = 0; i < len; i += 76)
    {
      g_string_append_len (out, b64 + i, MIN (76, len - i));
      g_string_append (out, "\r\n");
    }
}

/**
 * maint_notice_to_email:
 * @self: a notice
 * @length: (out) (optional): return location for the length in bytes
 * @error: return location for a #GError
 *
 * Writes the notice as an RFC 5322 message with CRLF line ends: `From`
 * (the sender), `To` (the recipients), `Subject` (RFC 2047-encoded when it
 * is not plain ASCII), `Date` (the creation time), `Message-ID` (see
 * [method@Maint.Notice.get_message_id]) and a `multipart/mixed` body with
 * the text as `text/plain; charset=UTF-8` (quoted-printable) and, unless
 * this is a settings notice, the calendar as a `text/calendar` attachment
 * named `maintenance.ics`.
 *
 * Names of groups and machines reach the headers only in the subject,
 * where every control character becomes a space and the text is encoded,
 * so no name can add a header.
 *
 * Returns: (transfer full) (nullable): the message, or %NULL with
 *   %MAINT_NOTIFIER_ERROR_INVALID_FAILED when the sender or a recipient
 *   is not a plain `local@domain` address
 */
char *
maint_notice_to_email (MaintNotice  *self,
                       gsize        *length,
                       GError      **error)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *boundary = NULL;
  g_autofree char *message_id = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *language = NULL;
  gsize n = 0;

  g_return_val_if_fail (MAINT_IS_NOTICE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!maint_eml_address_is_valid (self->sender))
    {
      g_autofree char *shown = g_strescape (self->sender, NULL);
      g_set_error (error, MAINT_NOTIFIER_ERROR, MAINT_NOTIFIER_ERROR_INVALID_FAILED,
                   "sender “%s” is not a plain local@domain address", shown);
      return NULL;
    }
  if (self->recipients[0] == NULL)
    {
      g_set_error (error, MAINT_NOTIFIER_ERROR, MAINT_NOTIFIER_ERROR_INVALID_FAILED,
                   "resource group “%s” has no contacts", self->group);
      return NULL;
    }
  for (guint i = 0; self->recipients[i] != NULL; i++)
    if (!maint_eml_address_is_valid (self->recipients[i]))
      {
        g_autofree char *shown = g_strescape (self->recipients[i], NULL);
        g_set_error (error, MAINT_NOTIFIER_ERROR, MAINT_NOTIFIER_ERROR_INVALID_FAILED,
                     "contact “%s” of resource group “%s” is not a plain local@domain address",
                     shown, self->group);
        return NULL;
      }

  digest = notice_digest (self);
  /* "=_" cannot occur in quoted-printable or base64 text */
  boundary = g_strdup_printf ("=_libmaint_%s", digest);
  message_id = maint_notice_get_message_id (self);
  date = maint_eml_date (self->created);
  subject = maint_eml_header_unstructured ("Subject", self->subject);
  body = maint_eml_quoted_printable (self->body);

  /* BCP 47 from the locale, only the characters a tag has */
  language = g_strdup (self->locale);
  g_strdelimit (language, "_", '-');
  g_strcanon (language, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-", '-');

  out = g_string_new (NULL);
  g_string_append_printf (out, "From: %s\r\n", self->sender);
  g_string_append (out, "To: ");
  for (guint i = 0; self->recipients[i] != NULL; i++)
    g_string_append_printf (out, "%s%s", i ? ",\r\n " : "", self->recipients[i]);
  g_string_append (out, "\r\n");
  append_header (out, subject);
  g_string_append_printf (out, "Date: %s\r\n", date);
  g_string_append_printf (out, "Message-ID: %s\r\n", message_id);
  append_header (out, "MIME-Version: 1.0");
  append_header (out, "Auto-Submitted: auto-generated");
  g_string_append_printf (out, "Content-Language: %s\r\n", language);
  g_string_append_printf (out, "Content-Type: multipart/mixed;\r\n boundary=\"%s\"\r\n", boundary);
  append_header (out, "");
  append_header (out, "This is a message in MIME format.");
  append_header (out, "");

  g_string_append_printf (out, "--%s\r\n", boundary);
  append_header (out, "Content-Type: text/plain; charset=UTF-8");
  append_header (out, "Content-Transfer-Encoding: quoted-printable");
  append_header (out, "");
  g_string_append (out, body);
  /* the line break before a boundary belongs to the boundary (RFC 2046),
   * so the text's own last line break needs one more */
  if (out->len < 2 || strcmp (out->str + out->len - 2, "\r\n") != 0)
    append_header (out, "");
  append_header (out, "");

  if (self->calendar != NULL)
    {
      g_string_append_printf (out, "--%s\r\n", boundary);
      append_header (out, "Content-Type: text/calendar; charset=UTF-8; method=PUBLISH");
      append_header (out, "Content-Transfer-Encoding: base64");
      append_header (out, "Content-Disposition: attachment; filename=\"maintenance.ics\"");
      append_header (out, "");
      append_base64 (out, self->calendar);
    }
  g_string_append_printf (out, "--%s--\r\n", boundary);

  n = out->len;
  if (length != NULL)
    *length = n;
  return g_string_free (g_steal_pointer (&out), FALSE);
}
