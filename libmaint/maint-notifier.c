/* maint-notifier.c: from a plan (and the one announced before) to notices
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The notifier works per resource group. It lists the group's windows in
 * the new plan and in the previous one, matches them, decides for each
 * whether the customer can notice a change, and renders at most one
 * notice per kind from the group's templates.
 *
 * Identity of a window. A slot is the same window as an announced one
 * when it belongs to the same machine and shares at least one activity
 * with it (the most shared wins; each announced slot matches at most
 * once). Its calendar UID is derived from the machine and the slot's
 * "first" activity: the one announced earliest (the fleet's
 * `announced_at`), ties broken by id. That activity stays in the slot
 * while others are merged into it, so the UID survives moves and merges
 * across any number of runs without being stored anywhere. Downtime
 * caused by a host's reboot is identified by guest, host and the
 * reboot's position among that host's reboots of the guest.
 *
 * Sequence numbers. The plan format has no place for them, so the
 * notifier takes the announced ones from its caller
 * (maint_notifier_set_sequence(); maintctl keeps them in the plan file
 * under the extension member `x-sequences`) and reports the new ones on
 * every item. Without a stored number an announced window counts as
 * sequence 0, so the first change sends 1.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "maint-notifier-private.h"
#include "maint-icu-private.h"
#include "maint-tz-private.h"
#include "maint-enum-types.h"
#include "maint-time.h"

G_DEFINE_QUARK (maint-notifier-error-quark, maint_notifier_error)

/**
 * MaintNotifier:
 *
 * Turns a plan into the notices a hosting provider sends to the contacts
 * of its customers' resource groups.
 *
 * Give it the fleet and the new plan, and optionally the plan that was
 * announced before ([property@Maint.Notifier:previous]). For each
 * resource group [method@Maint.Notifier.run] makes at most one notice of
 * each [enum@Maint.NoticeKind]:
 *
 * - the group's settings (contacts, time zone, windows, notice period),
 *   only when [property@Maint.Notifier:announce-settings] is set;
 * - the new windows of its machines: every machine with each window's
 *   local start and end, the zone's abbreviation and UTC, the activities,
 *   the expected downtime and how often the machine is rebooted, counting
 *   reboots of its host;
 * - changes to announced windows: moved, cancelled, or a different
 *   reboot.
 *
 * Nothing is sent for a group when nothing a customer would notice has
 * changed: an activity merged into an announced slot without changing its
 * time or its reboot is silent.
 *
 * Without a previous plan, pinned slots (see [property@Maint.Slot:pinned])
 * count as announced with the reboot of their pinned activities, and all
 * other slots as new.
 *
 * Text is rendered in the group's locale with ICU MessageFormat and ICU's
 * locale date and time formats from templates (see
 * [method@Maint.Notifier.set_template]). Local times come from the system
 * time zone database, never from ICU's built-in zone rules.
 *
 * A notifier keeps ICU formatters between runs and is not thread-safe:
 * use one per thread (fleets and plans may be shared).
 */

struct _MaintNotifier
{
  GObject parent_instance;

  MaintFleet *fleet;
  MaintPlan  *plan;
  MaintPlan  *previous;
  gint64      now;
  gboolean    announce_settings;
  char       *locale;
  char       *sender;
  GHashTable *templates;   /* "locale/kind" -> MaintTemplate *, set by the user */
  GHashTable *defaults;    /* "language/kind" -> MaintTemplate *, parsed on demand */
  GHashTable *sequences;   /* uid -> GUINT_TO_POINTER (sequence + 1) */
  GPtrArray  *items;       /* of the last run: RunItem * */
  /* ICU objects are costly to create: kept for the notifier's life */
  MaintIcuMessages *messages;
  GHashTable       *dates;   /* locale -> MaintIcuDates */
  GHashTable       *reboots; /* during a run: machine -> RebootTally */
};

G_DEFINE_FINAL_TYPE (MaintNotifier, maint_notifier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FLEET,
  PROP_PLAN,
  PROP_PREVIOUS,
  PROP_NOW,
  PROP_ANNOUNCE_SETTINGS,
  PROP_LOCALE,
  PROP_SENDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* An item of the last run with its rendered calendar texts and locale,
 * so maint_notifier_get_calendar() needs no templates. */
typedef struct {
  MaintNoticeItem *item;
  char            *summary;
  char            *description;
} RunItem;

static void
run_item_free (RunItem *ri)
{
  g_clear_object (&ri->item);
  g_free (ri->summary);
  g_free (ri->description);
  g_free (ri);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
maint_notifier_finalize (GObject *object)
{
  MaintNotifier *self = MAINT_NOTIFIER (object);

  g_clear_object (&self->fleet);
  g_clear_object (&self->plan);
  g_clear_object (&self->previous);
  g_clear_pointer (&self->locale, g_free);
  g_clear_pointer (&self->sender, g_free);
  g_clear_pointer (&self->templates, g_hash_table_unref);
  g_clear_pointer (&self->defaults, g_hash_table_unref);
  g_clear_pointer (&self->sequences, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->messages, maint_icu_messages_free);
  g_clear_pointer (&self->dates, g_hash_table_unref);

  G_OBJECT_CLASS (maint_notifier_parent_class)->finalize (object);
}

static void
maint_notifier_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MaintNotifier *self = MAINT_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_FLEET:
      g_value_set_object (value, self->fleet);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_PREVIOUS:
      g_value_set_object (value, self->previous);
      break;
    case PROP_NOW:
      g_value_set_int64 (value, self->now);
      break;
    case PROP_ANNOUNCE_SETTINGS:
      g_value_set_boolean (value, self->announce_settings);
      break;
    case PROP_LOCALE:
      g_value_set_string (value, self->locale);
      break;
    case PROP_SENDER:
      g_value_set_string (value, self->sender);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_notifier_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MaintNotifier *self = MAINT_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_FLEET:
      self->fleet = g_value_dup_object (value);
      break;
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_PREVIOUS:
      maint_notifier_set_previous (self, g_value_get_object (value));
      break;
    case PROP_NOW:
      maint_notifier_set_now (self, g_value_get_int64 (value));
      break;
    case PROP_ANNOUNCE_SETTINGS:
      maint_notifier_set_announce_settings (self, g_value_get_boolean (value));
      break;
    case PROP_LOCALE:
      maint_notifier_set_locale (self, g_value_get_string (value));
      break;
    case PROP_SENDER:
      maint_notifier_set_sender (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
maint_notifier_class_init (MaintNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = maint_notifier_finalize;
  object_class->get_property = maint_notifier_get_property;
  object_class->set_property = maint_notifier_set_property;

  /**
   * MaintNotifier:fleet:
   *
   * The fleet the plan was made for: groups (contacts, zone, locale,
   * notice), machines and activities (summaries, announcement times).
   */
  properties[PROP_FLEET] =
    g_param_spec_object ("fleet", NULL, NULL, MAINT_TYPE_FLEET,
                         flags | G_PARAM_CONSTRUCT_ONLY);

  /**
   * MaintNotifier:plan:
   *
   * The new plan.
   */
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, MAINT_TYPE_PLAN,
                         flags | G_PARAM_CONSTRUCT_ONLY);

  /**
   * MaintNotifier:previous:
   *
   * The plan that was announced before, or %NULL. Windows are compared
   * with it to find new, moved and cancelled ones.
   */
  properties[PROP_PREVIOUS] =
    g_param_spec_object ("previous", NULL, NULL, MAINT_TYPE_PLAN, flags);

  /**
   * MaintNotifier:now:
   *
   * The instant of the run, in seconds since the Unix epoch, or 0 for
   * the plan's `now`. Notices are dated with it; announced windows that
   * ended before it are past, not cancelled.
   */
  properties[PROP_NOW] =
    g_param_spec_int64 ("now", NULL, NULL, 0, MAINT_INSTANT_MAX, 0, flags);

  /**
   * MaintNotifier:announce-settings:
   *
   * Whether to make a settings notice for every resource group.
   */
  properties[PROP_ANNOUNCE_SETTINGS] =
    g_param_spec_boolean ("announce-settings", NULL, NULL, FALSE, flags);

  /**
   * MaintNotifier:locale:
   *
   * A locale (`en`, `de`, `de_CH`, `de-AT`) to use for every group
   * instead of the group's own, or %NULL.
   */
  properties[PROP_LOCALE] =
    g_param_spec_string ("locale", NULL, NULL, NULL, flags);

  /**
   * MaintNotifier:sender:
   *
   * The `From` address of the notices, a plain `local@domain`. Its
   * domain also qualifies calendar UIDs and message ids.
   */
  properties[PROP_SENDER] =
    g_param_spec_string ("sender", NULL, NULL, MAINT_NOTIFIER_DEFAULT_SENDER, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
maint_notifier_init (MaintNotifier *self)
{
  self->sender = g_strdup (MAINT_NOTIFIER_DEFAULT_SENDER);
  self->templates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) maint_template_free);
  self->defaults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) maint_template_free);
  self->sequences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) run_item_free);
  self->messages = maint_icu_messages_new ();
  self->dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) maint_icu_dates_free);
}

/**
 * maint_notifier_new:
 * @fleet: the fleet the plan was made for
 * @plan: the new plan
 *
 * Creates a notifier for @plan.
 *
 * Returns: (transfer full): a new notifier
 */
MaintNotifier *
maint_notifier_new (MaintFleet *fleet,
                    MaintPlan  *plan)
{
  g_return_val_if_fail (MAINT_IS_FLEET (fleet), NULL);
  g_return_val_if_fail (MAINT_IS_PLAN (plan), NULL);

  return g_object_new (MAINT_TYPE_NOTIFIER, "fleet", fleet, "plan", plan, NULL);
}

/**
 * maint_notifier_get_fleet:
 * @self: a notifier
 *
 * Gets [property@Maint.Notifier:fleet].
 *
 * Returns: (transfer none): the fleet
 */
MaintFleet *
maint_notifier_get_fleet (MaintNotifier *self)
{
  g_return_val_if_fail (MAINT_IS_NOTIFIER (self), NULL);
  return self->fleet;
}

/**
 * maint_notifier_get_plan:
 * @self: a notifier
 *
 * Gets [property@Maint.Notifier:plan].
 *
 * Returns: (transfer none): the new plan
 */
MaintPlan *
maint_notifier_get_plan (MaintNotifier *self)
{
  g_return_val_if_fail (MAINT_IS_NOTIFIER (self), NULL);
  return self->plan;
}

/**
 * maint_notifier_get_previous:
 * @self: a notifier
 *
 * Gets [property@Maint.Notifier:previous].
 *
 * Returns: (transfer none) (nullable): the previously announced plan
 */
MaintPlan *
maint_notifier_get_previous (MaintNotifier *self)
{
  g_return_val_if_fail (MAINT_IS_NOTIFIER (self), NULL);
  return self->previous;
}

/**
 * maint_notifier_set_previous:
 * @self: a notifier
 * @previous: (nullable): the previously announced plan
 *
 * Sets [property@Maint.Notifier:previous].
 */
void
maint_notifier_set_previous (MaintNotifier *self,
                             MaintPlan     *previous)
{
  g_return_if_fail (MAINT_IS_NOTIFIER (self));
  g_return_if_fail (previous == NULL || MAINT_IS_PLAN (previous));

  if (g_set_object (&self->previous, previous))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIOUS]);
}

/**
 * maint_notifier_get_now:
 * @self: a notifier
 *
 * Gets [property@Maint.Notifier:now].
 *
 * Returns: the instant, or 0 for the plan's
 */
gint64
maint_notifier_get_now (MaintNotifier *self)
{
  g_return_val_if_fail (MAINT_IS_NOTIFIER (self), 0);
  return self->now;
}

/**
 * maint_notifier_set_now:
 * @self: a notifier
 * @now: the instant of the run, or 0 for the plan's `now`
 *
 * Sets [property@Maint.Notifier:now].
 */
void
maint_notifier_set_now (MaintNotifier *self,
                        gint64         now)
{
  g_return_if_fail (MAINT_IS_NOTIFIER (self));
  g_return_if_fail (now >= 0 && now <= MAINT_INSTANT_MAX);

  if (self->now == now)
    return;
  self->now = now;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
}

/**
 * maint_notifier_get_announce_settings:
 * @self: a notifier
 *
 * Gets [property@Maint.Notifier:announce-settings].
 *
 * Returns: whether settings notices are made
 */
gboolean
maint_notifier_get_announce_settings (MaintNotifier *self)
{
  g_return_val_if_fail (MAINT_IS_NOTIFIER (self), FALSE);
  return self->announce_settings;
}

/**
 * maint_notifier_set_announce_settings:
 * @self: a notifier
 * @announce: whether to make a settings notice for every group
 *
 * Sets [property@Maint.Notifier:announce-settings].
 */
void
maint_notifier_set_announce_settings (MaintNotifier *self,
                                      gboolean       announce)
{
  g_return_if_fail (MAINT_IS_NOTIFIER (self));

  announce = !!announce;
  if (self->announce_settings == announce)
    return;
  self->announce_settings = announce;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOUNCE_SETTINGS]);
}

/**
 * maint_notifier_get_locale:
 * @self: a notifier
 *
 * Gets [property@Maint.Notifier:locale].
 *
 * Returns: (nullable): the locale override
 */
const char *
maint_notifier_get_locale (MaintNotifier *self)
{
  g_return_val_if_fail (MAINT_IS_NOTIFIER (self), NULL);
  return self->locale;
}

/**
 * maint_notifier_set_locale:
 * @self: a notifier
 * @locale: (nullable): a locale for every group, or %NULL for each
 *   group's own
 *
 * Sets [property@Maint.Notifier:locale].
 */
void
maint_notifier_set_locale (MaintNotifier *self,
                           const char    *locale)
{
  g_return_if_fail (MAINT_IS_NOTIFIER (self));

  if (g_strcmp0 (self->locale, locale) == 0)
    return;
  g_free (self->locale);
  self->locale = g_strdup (locale);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCALE]);
}

/**
 * maint_notifier_get_sender:
 * @self: a notifier
 *
 * Gets [property@Maint.Notifier:sender].
 *
 * Returns: the `From` address
 */
const char *
maint_notifier_get_sender (MaintNotifier *self)
{
  g_return_val_if_fail (MAINT_IS_NOTIFIER (self), NULL);
  return self->sender;
}

/**
 * maint_notifier_set_sender:
 * @self: a notifier
 * @sender: (nullable): a plain `local@domain` address, or %NULL for
 *   %MAINT_NOTIFIER_DEFAULT_SENDER
 *
 * Sets [property@Maint.Notifier:sender]. It is checked by
 * [method@Maint.Notifier.run].
 */
void
maint_notifier_set_sender (MaintNotifier *self,
                           const char    *sender)
{
  g_return_if_fail (MAINT_IS_NOTIFIER (self));

  if (sender == NULL)
    sender = MAINT_NOTIFIER_DEFAULT_SENDER;
  if (g_strcmp0 (self->sender, sender) == 0)
    return;
  g_free (self->sender);
  self->sender = g_strdup (sender);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENDER]);
}

/**
 * maint_notifier_set_sequence:
 * @self: a notifier
 * @uid: the calendar UID of an announced window
 *   (see [property@Maint.NoticeItem:uid])
 * @sequence: the SEQUENCE it was last announced with
 *
 * Tells the notifier the sequence number a window was last announced
 * with. A window that changes is announced with one more. Keep the
 * numbers of every [method@Maint.Notifier.get_items] item between runs
 * and give them back here; without one an announced window counts as 0.
 */
void
maint_notifier_set_sequence (MaintNotifier *self,
                             const char    *uid,
                             guint          sequence)
{
  g_return_if_fail (MAINT_IS_NOTIFIER (self));
  g_return_if_fail (uid != NULL);
  g_return_if_fail (sequence < G_MAXUINT);

  g_hash_table_insert (self->sequences, g_strdup (uid), GUINT_TO_POINTER (sequence + 1));
}

/* ------------------------------------------------------------------ */
/* Rendering context                                                   */

/* Everything a template may use. Each section gets the arguments of its
 * level (see maint_notifier_set_template()); validating a template fills
 * this with placeholders and renders every section. */
typedef struct {
  const char *date;
  const char *time;
  const char *zone;
  const char *utc;
} TimeText;

typedef struct {
  /* group */
  const char *group;
  const char *timezone;
  const char *locale;
  const char *contacts;
  const char *sender;
  const char *first_date;
  double      windows;
  double      machines;
  /* settings */
  const char *schedule;
  const char *zone_now;
  double      notice_minutes;
  double      notice_hours;
  double      notice_days;
  /* machine */
  const char *machine;
  double      reboots;
  double      own_reboots;
  double      host_reboots;
  double      machine_windows;
  /* window */
  TimeText    start, end, previous_start, previous_end;
  const char *same_day;
  const char *previous_same_day;
  const char *activities;
  double      n_activities;
  double      downtime;
  const char *reboot;
  const char *previous_reboot;
  const char *cause;
  const char *host;
  const char *change;
  /* activity */
  const char *activity_id;
  const char *activity_kind;
  const char *activity_summary;
  const char *has_summary;
  double      estimate;
  const char *activity_reboot;
} Ctx;

typedef enum {
  LEVEL_GROUP    = 1 << 0,
  LEVEL_SETTINGS = 1 << 1,
  LEVEL_MACHINE  = 1 << 2,
  LEVEL_WINDOW   = 1 << 3,
  LEVEL_ACTIVITY = 1 << 4,
} Level;

#define STR(n, v) { n, MAINT_MESSAGE_ARG_STRING, v, 0 }
#define NUM(n, v) { n, MAINT_MESSAGE_ARG_NUMBER, NULL, v }

static guint
ctx_args (const Ctx       *c,
          Level            levels,
          MaintMessageArg *args)
{
  guint n = 0;

#define ADD(...) do { const MaintMessageArg a_ = __VA_ARGS__; args[n++] = a_; } while (0)
  if (levels & LEVEL_GROUP)
    {
      ADD (STR ("group", c->group));
      ADD (STR ("timezone", c->timezone));
      ADD (STR ("locale", c->locale));
      ADD (STR ("contacts", c->contacts));
      ADD (STR ("sender", c->sender));
      ADD (STR ("first_date", c->first_date));
      ADD (NUM ("windows", c->windows));
      ADD (NUM ("machines", c->machines));
    }
  if (levels & LEVEL_SETTINGS)
    {
      ADD (STR ("schedule", c->schedule));
      ADD (STR ("zone_now", c->zone_now));
      ADD (NUM ("notice_minutes", c->notice_minutes));
      ADD (NUM ("notice_hours", c->notice_hours));
      ADD (NUM ("notice_days", c->notice_days));
    }
  if (levels & LEVEL_MACHINE)
    {
      ADD (STR ("machine", c->machine));
      ADD (NUM ("reboots", c->reboots));
      ADD (NUM ("own_reboots", c->own_reboots));
      ADD (NUM ("host_reboots", c->host_reboots));
      ADD (NUM ("machine_windows", c->machine_windows));
    }
  if (levels & LEVEL_WINDOW)
    {
      ADD (STR ("start_date", c->start.date));
      ADD (STR ("start_time", c->start.time));
      ADD (STR ("start_zone", c->start.zone));
      ADD (STR ("start_utc", c->start.utc));
      ADD (STR ("end_date", c->end.date));
      ADD (STR ("end_time", c->end.time));
      ADD (STR ("end_zone", c->end.zone));
      ADD (STR ("end_utc", c->end.utc));
      ADD (STR ("same_day", c->same_day));
      ADD (STR ("previous_start_date", c->previous_start.date));
      ADD (STR ("previous_start_time", c->previous_start.time));
      ADD (STR ("previous_start_zone", c->previous_start.zone));
      ADD (STR ("previous_start_utc", c->previous_start.utc));
      ADD (STR ("previous_end_date", c->previous_end.date));
      ADD (STR ("previous_end_time", c->previous_end.time));
      ADD (STR ("previous_end_zone", c->previous_end.zone));
      ADD (STR ("previous_end_utc", c->previous_end.utc));
      ADD (STR ("previous_same_day", c->previous_same_day));
      ADD (STR ("activities", c->activities));
      ADD (NUM ("n_activities", c->n_activities));
      ADD (NUM ("downtime", c->downtime));
      ADD (STR ("reboot", c->reboot));
      ADD (STR ("previous_reboot", c->previous_reboot));
      ADD (STR ("cause", c->cause));
      ADD (STR ("host", c->host));
      ADD (STR ("change", c->change));
    }
  if (levels & LEVEL_ACTIVITY)
    {
      ADD (STR ("id", c->activity_id));
      ADD (STR ("kind", c->activity_kind));
      ADD (STR ("summary", c->activity_summary));
      ADD (STR ("has_summary", c->has_summary));
      ADD (NUM ("estimate", c->estimate));
      ADD (STR ("activity_reboot", c->activity_reboot));
    }
#undef ADD
  return n;
}

#define MAX_ARGS 64

static Level
section_levels (MaintNoticeKind  kind,
                const char      *section)
{
  if (kind == MAINT_NOTICE_KIND_SETTINGS)
    return LEVEL_GROUP | LEVEL_SETTINGS;
  if (g_str_equal (section, "machine"))
    return LEVEL_GROUP | LEVEL_MACHINE;
  if (g_str_equal (section, "window") || g_str_has_prefix (section, "event-"))
    return LEVEL_GROUP | LEVEL_MACHINE | LEVEL_WINDOW;
  if (g_str_equal (section, "activity"))
    return LEVEL_GROUP | LEVEL_MACHINE | LEVEL_ACTIVITY;
  return LEVEL_GROUP;
}

static char *
render (MaintIcuMessages *cache,
        MaintTemplate  *tmpl,
        const char     *section,
        const char     *locale,
        const Ctx      *ctx,
        GError        **error)
{
  MaintMessageArg args[MAX_ARGS];
  guint n = ctx_args (ctx, section_levels (tmpl->kind, section), args);
  g_autoptr(GError) local_error = NULL;
  char *text;

  g_assert (n <= MAX_ARGS);
  text = maint_icu_format_message (cache, locale, maint_template_get (tmpl, section), args, n, &local_error);
  if (text == NULL)
    g_set_error (error, MAINT_NOTIFIER_ERROR, local_error->code,
                 "section “@%s”: %s", section, local_error->message);
  return text;
}

/* ------------------------------------------------------------------ */
/* Templates                                                           */

/* "de-AT" -> "de_AT" */
static char *
normalize_locale (const char *locale)
{
  char *copy = g_strdup (locale);

  g_strdelimit (copy, "-", '_');
  return copy;
}

static char *
language_of (const char *normalized)
{
  const char *sep = strchr (normalized, '_');

  return sep ? g_strndup (normalized, sep - normalized) : g_strdup (normalized);
}

static MaintTemplate *
default_template (MaintNotifier   *self,
                  const char      *language,
                  MaintNoticeKind  kind)
{
  g_autofree char *key = g_strdup_printf ("%s/%d", language, kind);
  MaintTemplate *tmpl = g_hash_table_lookup (self->defaults, key);
  const char *text;

  if (tmpl != NULL)
    return tmpl;
  text = maint_template_default_text (language, kind);
  if (text == NULL)
    return NULL;
  tmpl = maint_template_parse (kind, text, NULL);
  g_assert (tmpl != NULL);   /* the defaults are tested */
  g_hash_table_insert (self->defaults, g_steal_pointer (&key), tmpl);
  return tmpl;
}

/* Finds the template for @locale: a template set for the locale itself,
 * for its language, the default of its language, else English. Returns
 * the locale to render with in *out_locale (the requested one unless it
 * fell back to English). */
static MaintTemplate *
lookup_template (MaintNotifier    *self,
                 const char       *locale,
                 MaintNoticeKind   kind,
                 char            **out_locale)
{
  g_autofree char *normalized = normalize_locale (locale ? locale : "en");
  g_autofree char *language = language_of (normalized);
  const char *candidates[] = { normalized, language };
  MaintTemplate *tmpl;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *key = g_strdup_printf ("%s/%d", candidates[i], kind);

      tmpl = g_hash_table_lookup (self->templates, key);
      if (tmpl != NULL)
        {
          *out_locale = g_strdup (normalized);
          return tmpl;
        }
    }
  tmpl = default_template (self, language, kind);
  if (tmpl != NULL)
    {
      *out_locale = g_strdup (normalized);
      return tmpl;
    }

  /* no template for the language: English, also for dates, so the
   * message is in one language */
  {
    g_autofree char *key = g_strdup_printf ("en/%d", kind);
    tmpl = g_hash_table_lookup (self->templates, key);
  }
  if (tmpl == NULL)
    tmpl = default_template (self, "en", kind);
  *out_locale = g_strdup ("en");
  return tmpl;
}

/**
 * maint_notifier_set_template:
 * @self: a notifier
 * @locale: the locale the template is for: a language (`de`) or a
 *   language and region (`de_CH`, `de-CH`)
 * @kind: the kind of notice
 * @text: (nullable): the template, or %NULL to go back to the default
 * @error: return location for a #GError
 *
 * Replaces the template of one kind of notice for one locale. Groups
 * whose locale is @locale, or whose locale's language is @locale, get
 * notices from it; a locale with no template at all falls back to
 * English. libmaint has templates for `en` and `de`;
 * [method@Maint.Notifier.get_template] returns them as a starting point.
 *
 * A template is text in sections. A line `@name` starts a section; the
 * following lines up to the next section are an
 * [ICU MessageFormat](https://unicode-org.github.io/icu/userguide/format_parse/messages/)
 * pattern (trailing empty lines are dropped; write `@@` for a line that
 * starts with `@`). Lines before the first section that are empty or
 * start with `#` are comments.
 *
 * Patterns use named arguments: `{machine}`,
 * `{reboots, plural, one {# reboot} other {# reboots}}`,
 * `{reboot, select, cold {…} warm {…} other {…}}`. Text arguments may be
 * used plain or with `select`; number arguments plain (as integers), with
 * `number`, `plural` or `selectordinal`. Dates and times arrive as text,
 * already formatted in the locale and the group's time zone.
 *
 * A settings template (%MAINT_NOTICE_KIND_SETTINGS) has the sections
 * `subject` and `body`. The templates of the other two kinds have
 * `subject`, `header`, `machine`, `window`, `activity`, `footer`,
 * `event-summary` and `event-description`. The body of a notice is the
 * header, then for every machine (by name) its `machine` section followed
 * by one `window` section per window (by start), then the footer, each
 * ending with a line break. The windows' `activities` argument is the
 * `activity` section rendered for each of the window's activities,
 * joined with ", ". Each window also becomes a calendar event with the
 * `event-summary` and `event-description` sections.
 *
 * Arguments of every section:
 *
 * - `group`, `timezone` (the IANA name), `locale`, `contacts` (joined
 *   with ", "), `sender`: text
 * - `first_date`: text, the local date of the earliest window
 * - `windows`, `machines`: numbers of windows and machines in the notice
 *
 * Arguments of the settings sections, in addition:
 *
 * - `schedule`: text, the group's windows with localized weekdays, e.g.
 *   "Mon–Fri 22:00–24:00; Sat, Sun 10:00–14:00"
 * - `zone_now`: text, the zone's abbreviation now ("CET")
 * - `notice_days`, `notice_hours`: numbers, the notice period in whole
 *   days or whole hours, 0 when it is not a whole number of them;
 *   `notice_minutes`: number, the notice period in minutes
 *
 * Arguments of `machine`, `window`, `activity` and the `event-` sections,
 * in addition:
 *
 * - `machine`: text
 * - `reboots`: number, how often the machine is rebooted in the new plan,
 *   `own_reboots` by its own slots and `host_reboots` by its host's
 *   reboots
 * - `machine_windows`: number of the machine's windows in the notice
 *
 * Arguments of `window` and the `event-` sections, in addition:
 *
 * - `start_date`, `start_time`, `start_zone`, `end_date`, `end_time`,
 *   `end_zone`: text, local date (with weekday), local time and the
 *   zone's abbreviation (CET or CEST, each for its own instant)
 * - `start_utc`, `end_utc`: text, the time in UTC; the start is preceded
 *   by its UTC date when that differs from its local date, the end when
 *   its UTC date differs from the start's
 * - `same_day`: `yes` or `no`: whether start and end have the same local
 *   date
 * - `previous_start_date` … `previous_end_utc`, `previous_same_day`: the
 *   same for the window as announced (empty for a new window)
 * - `activities`: text; `n_activities`: number
 * - `downtime`: number, the window's length in minutes
 * - `reboot`, `previous_reboot`: `none`, `warm` or `cold`
 * - `cause`: `own`, or `host` for downtime by a host's reboot, with
 *   `host` the host's name (else empty)
 * - `change`: `new`, `moved`, `cancelled`, `reboot_changed` or `none`;
 *   for a cancelled window the `start_…` and `end_…` arguments describe
 *   the cancelled window
 *
 * Arguments of `activity`, in addition to those of `machine`:
 *
 * - `id`, `kind` (the activity kind's nick with `_` for `-`, as select
 *   keywords cannot contain `-`: `kernel_update`, `fs_check`, …),
 *   `summary` (may be empty),
 *   `has_summary` (`yes` or `no`), `activity_reboot`: text
 * - `estimate`: number, minutes
 *
 * The template is checked by rendering every section with placeholder
 * values.
 *
 * Returns: %TRUE, or %FALSE with @error set
 *   (%MAINT_NOTIFIER_ERROR_TEMPLATE_FAILED); the template in use is then
 *   unchanged
 */
gboolean
maint_notifier_set_template (MaintNotifier    *self,
                             const char       *locale,
                             MaintNoticeKind   kind,
                             const char       *text,
                             GError          **error)
{
  g_autoptr(MaintTemplate) tmpl = NULL;
  g_autofree char *normalized = NULL;
  const char * const *sections;
  Ctx ctx;

  g_return_val_if_fail (MAINT_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (locale != NULL && locale[0] != '\0', FALSE);
  g_return_val_if_fail (kind <= MAINT_NOTICE_KIND_CHANGES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  normalized = normalize_locale (locale);
  if (text == NULL)
    {
      g_autofree char *key = g_strdup_printf ("%s/%d", normalized, kind);
      g_hash_table_remove (self->templates, key);
      return TRUE;
    }

  tmpl = maint_template_parse (kind, text, error);
  if (tmpl == NULL)
    return FALSE;

  /* placeholders: every text "x", every number 1 */
  ctx = (Ctx) {
    .group = "x", .timezone = "x", .locale = "x", .contacts = "x", .sender = "x",
    .first_date = "x", .windows = 1, .machines = 1,
    .schedule = "x", .zone_now = "x", .notice_minutes = 1, .notice_hours = 1, .notice_days = 1,
    .machine = "x", .reboots = 1, .own_reboots = 1, .host_reboots = 1, .machine_windows = 1,
    .start = { "x", "x", "x", "x" }, .end = { "x", "x", "x", "x" },
    .previous_start = { "x", "x", "x", "x" }, .previous_end = { "x", "x", "x", "x" },
    .same_day = "x", .previous_same_day = "x", .activities = "x", .n_activities = 1,
    .downtime = 1, .reboot = "x", .previous_reboot = "x", .cause = "x", .host = "x",
    .change = "x", .activity_id = "x", .activity_kind = "x", .activity_summary = "x",
    .has_summary = "x", .estimate = 1, .activity_reboot = "x",
  };
  sections = maint_template_sections (kind);
  for (guint i = 0; sections[i] != NULL; i++)
    {
      g_autofree char *out = render (NULL, tmpl, sections[i], normalized, &ctx, error);
      if (out == NULL)
        return FALSE;
    }

  g_hash_table_insert (self->templates,
                       g_strdup_printf ("%s/%d", normalized, kind),
                       g_steal_pointer (&tmpl));
  return TRUE;
}

/**
 * maint_notifier_get_template:
 * @self: a notifier
 * @locale: a locale
 * @kind: the kind of notice
 *
 * Gets the template notices of @kind for a group with @locale are made
 * from: one set with [method@Maint.Notifier.set_template], else
 * libmaint's default for the locale's language, else the English one.
 *
 * Returns: the template text
 */
const char *
maint_notifier_get_template (MaintNotifier   *self,
                             const char      *locale,
                             MaintNoticeKind  kind)
{
  g_autofree char *used_locale = NULL;

  g_return_val_if_fail (MAINT_IS_NOTIFIER (self), NULL);
  g_return_val_if_fail (locale != NULL, NULL);
  g_return_val_if_fail (kind <= MAINT_NOTICE_KIND_CHANGES, NULL);

  return lookup_template (self, locale, kind, &used_locale)->text;
}

/* ------------------------------------------------------------------ */
/* Windows of a group                                                  */

typedef struct {
  char      *machine;
  char      *host;      /* NULL: the machine's own slot */
  MaintSlot *slot;      /* real, or made up for host downtime */
  char      *key;       /* identity: first activity, or host:k */
  char      *uid;
  gboolean   matched;
} Entry;

static void
entry_free (Entry *e)
{
  g_free (e->machine);
  g_free (e->host);
  g_clear_object (&e->slot);
  g_free (e->key);
  g_free (e->uid);
  g_free (e);
}

static char *
make_uid (const char *machine,
          const char *key,
          const char *domain)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *) "libmaint-window", 16);
  g_checksum_update (checksum, (const guchar *) machine, strlen (machine) + 1);
  g_checksum_update (checksum, (const guchar *) key, strlen (key) + 1);
  return g_strdup_printf ("%.32s@%s", g_checksum_get_string (checksum), domain);
}

/* The slot's identity: the activity announced first, ties by id. */
static char *
slot_key (MaintFleet *fleet,
          MaintSlot  *slot)
{
  const char * const *ids = maint_slot_get_activities (slot);
  const char *best = NULL;
  gint64 best_at = G_MAXINT64;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      MaintActivity *a = maint_fleet_lookup_activity (fleet, ids[i]);
      gint64 at = a ? maint_activity_get_announced_at (a) : 0;

      if (at == 0)
        at = G_MAXINT64;
      if (best == NULL || at < best_at || (at == best_at && strcmp (ids[i], best) < 0))
        {
          best = ids[i];
          best_at = at;
        }
    }
  /* a slot without activities (hand-made plans) is known by its start */
  if (best == NULL)
    return g_strdup_printf ("empty:%" G_GINT64_FORMAT, maint_slot_get_start (slot));
  return g_strconcat ("activity:", best, NULL);
}

static const char *
machine_group (MaintFleet *fleet,
               const char *machine,
               const char *fallback)
{
  MaintMachine *m = maint_fleet_lookup_machine (fleet, machine);

  if (fallback != NULL)
    return fallback;
  return m ? maint_machine_get_group (m) : NULL;
}

static int
downtime_cmp (gconstpointer pa,
              gconstpointer pb)
{
  MaintHostDowntime *a = *(MaintHostDowntime **) pa;
  MaintHostDowntime *b = *(MaintHostDowntime **) pb;
  int c = strcmp (maint_host_downtime_get_guest (a), maint_host_downtime_get_guest (b));

  if (c == 0)
    c = strcmp (maint_host_downtime_get_host (a), maint_host_downtime_get_host (b));
  if (c == 0 && maint_host_downtime_get_start (a) != maint_host_downtime_get_start (b))
    c = maint_host_downtime_get_start (a) < maint_host_downtime_get_start (b) ? -1 : 1;
  return c;
}

/* group name -> GPtrArray of Entry */
static GHashTable *
collect_entries (MaintNotifier *self,
                 MaintPlan     *plan,
                 const char    *domain)
{
  GHashTable *groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  GPtrArray *slots = maint_plan_get_slots (plan);
  GPtrArray *all_downtimes = maint_plan_get_host_downtime (plan);
  g_autoptr(GPtrArray) downtimes = g_ptr_array_sized_new (all_downtimes->len);
  const char *last_guest = NULL, *last_host = NULL;
  guint k = 0;

  for (guint i = 0; i < slots->len; i++)
    {
      MaintSlot *slot = g_ptr_array_index (slots, i);
      const char *machine = maint_slot_get_machine (slot);
      const char *group = machine_group (self->fleet, machine, maint_slot_get_group (slot));
      GPtrArray *list;
      Entry *e;

      /* nobody to tell */
      if (group == NULL)
        continue;
      list = g_hash_table_lookup (groups, group);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
          g_hash_table_insert (groups, g_strdup (group), list);
        }
      e = g_new0 (Entry, 1);
      e->machine = g_strdup (machine);
      e->slot = g_object_ref (slot);
      e->key = slot_key (self->fleet, slot);
      e->uid = make_uid (machine, e->key, domain);
      g_ptr_array_add (list, e);
    }

  /* borrowed: a copy made with g_ptr_array_copy() would unref them */
  for (guint i = 0; i < all_downtimes->len; i++)
    g_ptr_array_add (downtimes, g_ptr_array_index (all_downtimes, i));
  g_ptr_array_sort (downtimes, downtime_cmp);
  for (guint i = 0; i < downtimes->len; i++)
    {
      MaintHostDowntime *d = g_ptr_array_index (downtimes, i);
      const char *guest = maint_host_downtime_get_guest (d);
      const char *host = maint_host_downtime_get_host (d);
      const char *group = machine_group (self->fleet, guest, NULL);
      const char *no_activities[] = { NULL };
      GPtrArray *list;
      Entry *e;

      if (g_strcmp0 (guest, last_guest) == 0 && g_strcmp0 (host, last_host) == 0)
        k++;
      else
        k = 0;
      last_guest = guest;
      last_host = host;

      if (group == NULL)
        continue;
      list = g_hash_table_lookup (groups, group);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
          g_hash_table_insert (groups, g_strdup (group), list);
        }
      e = g_new0 (Entry, 1);
      e->machine = g_strdup (guest);
      e->host = g_strdup (host);
      e->slot = maint_slot_new (guest, maint_host_downtime_get_start (d),
                                maint_host_downtime_get_end (d));
      maint_slot_set_group (e->slot, group);
      maint_slot_set_activities (e->slot, no_activities);
      maint_slot_set_reboot (e->slot, MAINT_REBOOT_KIND_COLD);
      e->key = g_strdup_printf ("host:%s:%u", host, k);
      e->uid = make_uid (guest, e->key, domain);
      g_ptr_array_add (list, e);
    }

  return groups;
}

static guint
shared_activities (MaintSlot *a,
                   MaintSlot *b)
{
  const char * const *x = maint_slot_get_activities (a);
  const char * const *y = maint_slot_get_activities (b);
  guint n = 0;

  for (guint i = 0; x[i] != NULL; i++)
    if (g_strv_contains (y, x[i]))
      n++;
  return n;
}

/* The reboot the fleet says was announced for a pinned slot: the
 * strongest of its activities that are pinned. */
static MaintRebootKind
announced_reboot (MaintFleet *fleet,
                  MaintSlot  *slot)
{
  const char * const *ids = maint_slot_get_activities (slot);
  MaintRebootKind reboot = MAINT_REBOOT_KIND_NONE;
  gboolean any = FALSE;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      MaintActivity *a = maint_fleet_lookup_activity (fleet, ids[i]);

      if (a == NULL || maint_activity_get_scheduled (a) == NULL)
        continue;
      any = TRUE;
      reboot = MAX (reboot, maint_activity_get_reboot (a));
    }
  return any ? reboot : maint_slot_get_reboot (slot);
}

/* A copy of @slot with another reboot and only its pinned activities:
 * the window as it was announced. */
static MaintSlot *
announced_copy (MaintFleet      *fleet,
                MaintSlot       *slot,
                MaintRebootKind  reboot)
{
  MaintSlot *copy = maint_slot_new (maint_slot_get_machine (slot),
                                    maint_slot_get_start (slot), maint_slot_get_end (slot));
  const char * const *ids = maint_slot_get_activities (slot);
  g_autoptr(GPtrArray) pinned = g_ptr_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      MaintActivity *a = maint_fleet_lookup_activity (fleet, ids[i]);
      if (a != NULL && maint_activity_get_scheduled (a) != NULL)
        g_ptr_array_add (pinned, (gpointer) ids[i]);
    }
  g_ptr_array_add (pinned, NULL);
  maint_slot_set_group (copy, maint_slot_get_group (slot));
  maint_slot_set_activities (copy, (const char * const *) pinned->pdata);
  maint_slot_set_reboot (copy, reboot);
  maint_slot_set_pinned (copy, TRUE);
  return copy;
}

static guint
next_sequence (MaintNotifier     *self,
               const char        *uid,
               MaintNoticeChange  change)
{
  gpointer stored = g_hash_table_lookup (self->sequences, uid);
  guint base = stored ? GPOINTER_TO_UINT (stored) - 1 : 0;

  switch (change)
    {
    case MAINT_NOTICE_CHANGE_NONE:
      return base;
    case MAINT_NOTICE_CHANGE_NEW:
      /* a window announced, cancelled and now back */
      return stored ? base + 1 : 0;
    case MAINT_NOTICE_CHANGE_MOVED:
    case MAINT_NOTICE_CHANGE_CANCELLED:
    case MAINT_NOTICE_CHANGE_REBOOT_CHANGED:
    default:
      return base + 1;
    }
}

static gboolean
host_reboot_pinned (MaintPlan  *plan,
                    const char *host,
                    gint64      start)
{
  GPtrArray *slots = maint_plan_get_slots (plan);

  for (guint i = 0; i < slots->len; i++)
    {
      MaintSlot *s = g_ptr_array_index (slots, i);
      if (maint_slot_get_pinned (s) && maint_slot_get_start (s) == start &&
          g_str_equal (maint_slot_get_machine (s), host))
        return TRUE;
    }
  return FALSE;
}

/* Compares the group's windows; returns every item, changed or not. */
static GPtrArray *
compare_group (MaintNotifier *self,
               const char    *group,
               GPtrArray     *current,
               GPtrArray     *previous,
               gint64         now)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; current != NULL && i < current->len; i++)
    {
      Entry *e = g_ptr_array_index (current, i);
      Entry *match = NULL;
      guint best = 0;
      MaintNoticeChange change;
      g_autoptr(MaintSlot) previous_slot = NULL;
      const char *uid = e->uid;

      for (guint j = 0; previous != NULL && j < previous->len; j++)
        {
          Entry *p = g_ptr_array_index (previous, j);
          guint shared;

          /* a window that is over is history, not something to move */
          if (p->matched || maint_slot_get_end (p->slot) <= now ||
              !g_str_equal (p->machine, e->machine) || g_strcmp0 (p->host, e->host) != 0)
            continue;
          if (e->host != NULL)
            shared = g_str_equal (p->key, e->key) ? 1 : 0;
          else
            shared = shared_activities (e->slot, p->slot);
          if (shared > best ||
              (shared == best && shared > 0 && match != NULL &&
               maint_slot_get_start (p->slot) < maint_slot_get_start (match->slot)))
            {
              best = shared;
              match = p;
            }
        }

      if (match != NULL)
        {
          match->matched = TRUE;
          uid = match->uid;
          previous_slot = g_object_ref (match->slot);
          if (maint_slot_get_start (e->slot) != maint_slot_get_start (match->slot) ||
              maint_slot_get_end (e->slot) != maint_slot_get_end (match->slot))
            change = MAINT_NOTICE_CHANGE_MOVED;
          else if (maint_slot_get_reboot (e->slot) != maint_slot_get_reboot (match->slot))
            change = MAINT_NOTICE_CHANGE_REBOOT_CHANGED;
          else
            change = MAINT_NOTICE_CHANGE_NONE;
        }
      else if (e->host == NULL && maint_slot_get_pinned (e->slot))
        {
          /* announced in an earlier run the previous plan (if any) does
           * not show: the fleet's pinned activities tell what was said */
          MaintRebootKind said = announced_reboot (self->fleet, e->slot);

          previous_slot = announced_copy (self->fleet, e->slot, said);
          change = said != maint_slot_get_reboot (e->slot)
                   ? MAINT_NOTICE_CHANGE_REBOOT_CHANGED : MAINT_NOTICE_CHANGE_NONE;
        }
      else if (e->host != NULL && self->previous == NULL &&
               host_reboot_pinned (self->plan, e->host, maint_slot_get_start (e->slot)))
        {
          previous_slot = g_object_ref (e->slot);
          change = MAINT_NOTICE_CHANGE_NONE;
        }
      else
        change = MAINT_NOTICE_CHANGE_NEW;

      g_ptr_array_add (items, maint_notice_item_new (e->machine, group, change, e->slot,
                                                     previous_slot, e->host, uid,
                                                     next_sequence (self, uid, change)));
    }

  for (guint j = 0; previous != NULL && j < previous->len; j++)
    {
      Entry *p = g_ptr_array_index (previous, j);

      if (p->matched || maint_slot_get_start (p->slot) <= now)
        continue;
      g_ptr_array_add (items, maint_notice_item_new (p->machine, group,
                                                     MAINT_NOTICE_CHANGE_CANCELLED,
                                                     NULL, p->slot, p->host, p->uid,
                                                     next_sequence (self, p->uid,
                                                                    MAINT_NOTICE_CHANGE_CANCELLED)));
    }

  return items;
}

/* ------------------------------------------------------------------ */
/* Rendering a group                                                   */

typedef struct {
  MaintNotifier      *self;
  MaintResourceGroup *group;
  const MaintTz      *tz;
  MaintIcuDates      *dates;       /* borrowed */
  char               *locale;      /* the locale rendered in */
  char               *contacts;
  gint64              now;
} GroupRender;

typedef struct {
  char *date, *time, *zone, *utc;
} TimeStrings;

static void
time_strings_clear (TimeStrings *t)
{
  g_clear_pointer (&t->date, g_free);
  g_clear_pointer (&t->time, g_free);
  g_clear_pointer (&t->zone, g_free);
  g_clear_pointer (&t->utc, g_free);
}

static gint64
floor_day (gint64 seconds)
{
  return seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
}

/* @date_unless_day: the UTC time gets its date unless the instant's UTC
 * day is this one (for a start its local day, for an end the start's UTC
 * day), so "(UTC: 22:00 – 22:20)" is only dated where it helps. */
static void
time_strings_fill (GroupRender *gr,
                   gint64       instant,
                   gint64       date_unless_day,
                   TimeStrings *t)
{
  gint64 wall = instant + maint_tz_offset_at (gr->tz, instant);
  g_autofree char *utc_time = maint_icu_dates_format_time (gr->dates, instant);

  t->date = maint_icu_dates_format_date (gr->dates, wall);
  t->time = maint_icu_dates_format_time (gr->dates, wall);
  t->zone = g_strdup (maint_tz_abbreviation_at (gr->tz, instant));
  if (floor_day (instant) == date_unless_day)
    t->utc = g_steal_pointer (&utc_time);
  else
    {
      g_autofree char *utc_date = maint_icu_dates_format_medium_date (gr->dates, instant);
      t->utc = g_strdup_printf ("%s, %s", utc_date, utc_time);
    }
}

static void
time_strings_fill_window (GroupRender *gr,
                          gint64       start,
                          gint64       end,
                          TimeStrings *s,
                          TimeStrings *e)
{
  time_strings_fill (gr, start, floor_day (start + maint_tz_offset_at (gr->tz, start)), s);
  time_strings_fill (gr, end, floor_day (start), e);
}

static const char *
same_local_day (GroupRender *gr,
                gint64       start,
                gint64       end)
{
  return floor_day (start + maint_tz_offset_at (gr->tz, start)) ==
         floor_day (end + maint_tz_offset_at (gr->tz, end)) ? "yes" : "no";
}

/* The nick of an enum value as a select keyword: ICU does not allow "-"
 * in keywords, so "kernel-update" becomes "kernel_update". Interned, so
 * the string lives forever. */
static const char *
enum_nick (GType type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);
  g_autofree char *word = g_strdup (v ? v->value_nick : "");

  g_strdelimit (word, "-", '_');
  return g_intern_string (word);
}

typedef struct {
  double own;
  double host;
} RebootTally;

/* Reboots per machine in the new plan: the plan's reboot counts, or for a
 * plan without them (made by hand) its windows counted. */
static GHashTable *
tally_reboots (MaintPlan *plan)
{
  GHashTable *tally = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GPtrArray *counts = maint_plan_get_reboot_counts (plan);
  GPtrArray *slots = maint_plan_get_slots (plan);
  GPtrArray *downtimes = maint_plan_get_host_downtime (plan);

  if (counts->len > 0)
    {
      for (guint i = 0; i < counts->len; i++)
        {
          MaintRebootCount *c = g_ptr_array_index (counts, i);
          RebootTally *t = g_new0 (RebootTally, 1);

          t->own = maint_reboot_count_get_own (c);
          t->host = maint_reboot_count_get_host (c);
          g_hash_table_insert (tally, (gpointer) maint_reboot_count_get_machine (c), t);
        }
      return tally;
    }

  for (guint i = 0; i < slots->len + downtimes->len; i++)
    {
      const char *machine;
      RebootTally *t;

      if (i < slots->len)
        {
          MaintSlot *s = g_ptr_array_index (slots, i);
          if (maint_slot_get_reboot (s) == MAINT_REBOOT_KIND_NONE)
            continue;
          machine = maint_slot_get_machine (s);
        }
      else
        machine = maint_host_downtime_get_guest (g_ptr_array_index (downtimes, i - slots->len));
      t = g_hash_table_lookup (tally, machine);
      if (t == NULL)
        {
          t = g_new0 (RebootTally, 1);
          g_hash_table_insert (tally, (gpointer) machine, t);
        }
      if (i < slots->len)
        t->own++;
      else
        t->host++;
    }
  return tally;
}

static void
machine_reboots (MaintNotifier *self,
                 const char    *machine,
                 double        *own,
                 double        *host)
{
  RebootTally *t = self->reboots ? g_hash_table_lookup (self->reboots, machine) : NULL;

  *own = t ? t->own : 0;
  *host = t ? t->host : 0;
}

/* Summaries are free text: bodies use "\n" line breaks only. */
static char *
normalize_breaks (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          if (p[1] == '\n')
            p++;
          g_string_append_c (out, '\n');
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static char *
render_activities (GroupRender     *gr,
                   MaintTemplate   *tmpl,
                   Ctx             *ctx,
                   MaintSlot       *slot,
                   GError         **error)
{
  const char * const *ids = maint_slot_get_activities (slot);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(MaintActivity) a = maint_fleet_resolve_activity (gr->self->fleet, ids[i]);
      g_autofree char *text = NULL;
      g_autofree char *summary = normalize_breaks (a ? maint_activity_get_summary (a) : ids[i]);

      ctx->activity_id = ids[i];
      ctx->activity_kind = a ? enum_nick (MAINT_TYPE_ACTIVITY_KIND, maint_activity_get_kind (a)) : "custom";
      ctx->activity_summary = summary ? summary : "";
      ctx->has_summary = summary && summary[0] ? "yes" : "no";
      ctx->estimate = a ? ceil (maint_activity_get_estimate (a) / 60.0) : 0;
      ctx->activity_reboot = enum_nick (MAINT_TYPE_REBOOT_KIND,
                                        a ? maint_activity_get_reboot (a) : MAINT_REBOOT_KIND_NONE);
      text = render (gr->self->messages, tmpl, "activity", gr->locale, ctx, error);
      if (text == NULL)
        return NULL;
      g_string_append_printf (out, "%s%s", i ? ", " : "", text);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Fills the window arguments of @ctx for @item; the strings live in
 * @strings (cleared by the caller). */
typedef struct {
  TimeStrings start, end, previous_start, previous_end;
  char       *activities;
} WindowStrings;

static void
window_strings_clear (WindowStrings *w)
{
  time_strings_clear (&w->start);
  time_strings_clear (&w->end);
  time_strings_clear (&w->previous_start);
  time_strings_clear (&w->previous_end);
  g_clear_pointer (&w->activities, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WindowStrings, window_strings_clear)

static gboolean
window_ctx (GroupRender     *gr,
            MaintTemplate   *tmpl,
            MaintNoticeItem *item,
            Ctx             *ctx,
            WindowStrings   *w,
            GError         **error)
{
  MaintSlot *slot = maint_notice_item_get_slot (item);
  MaintSlot *previous = maint_notice_item_get_previous (item);
  MaintSlot *shown = slot ? slot : previous;
  MaintNoticeChange change = maint_notice_item_get_change (item);
  gint64 start = maint_slot_get_start (shown), end = maint_slot_get_end (shown);

  window_strings_clear (w);
  time_strings_fill_window (gr, start, end, &w->start, &w->end);
  ctx->start = (TimeText) { w->start.date, w->start.time, w->start.zone, w->start.utc };
  ctx->end = (TimeText) { w->end.date, w->end.time, w->end.zone, w->end.utc };
  ctx->same_day = same_local_day (gr, start, end);

  if (previous != NULL && change != MAINT_NOTICE_CHANGE_NEW)
    {
      gint64 ps = maint_slot_get_start (previous), pe = maint_slot_get_end (previous);

      time_strings_fill_window (gr, ps, pe, &w->previous_start, &w->previous_end);
      ctx->previous_start = (TimeText) { w->previous_start.date, w->previous_start.time,
                                         w->previous_start.zone, w->previous_start.utc };
      ctx->previous_end = (TimeText) { w->previous_end.date, w->previous_end.time,
                                       w->previous_end.zone, w->previous_end.utc };
      ctx->previous_same_day = same_local_day (gr, ps, pe);
      ctx->previous_reboot = enum_nick (MAINT_TYPE_REBOOT_KIND, maint_slot_get_reboot (previous));
    }
  else
    {
      ctx->previous_start = ctx->previous_end = (TimeText) { "", "", "", "" };
      ctx->previous_same_day = "";
      ctx->previous_reboot = "";
    }

  w->activities = render_activities (gr, tmpl, ctx, shown, error);
  if (w->activities == NULL)
    return FALSE;
  ctx->activities = w->activities;
  ctx->n_activities = g_strv_length ((char **) maint_slot_get_activities (shown));
  ctx->downtime = ceil ((end - start) / 60.0);
  ctx->reboot = enum_nick (MAINT_TYPE_REBOOT_KIND, maint_slot_get_reboot (shown));
  ctx->cause = maint_notice_item_get_host (item) ? "host" : "own";
  ctx->host = maint_notice_item_get_host (item) ? maint_notice_item_get_host (item) : "";
  ctx->change = enum_nick (MAINT_TYPE_NOTICE_CHANGE, change);
  return TRUE;
}

static void
machine_ctx (GroupRender *gr,
             const char  *machine,
             guint        n_windows,
             Ctx         *ctx)
{
  double own = 0, host = 0;

  machine_reboots (gr->self, machine, &own, &host);
  ctx->machine = machine;
  ctx->own_reboots = own;
  ctx->host_reboots = host;
  ctx->reboots = own + host;
  ctx->machine_windows = n_windows;
}

static gint64
item_start (MaintNoticeItem *item)
{
  MaintSlot *s = maint_notice_item_get_slot (item);
  return maint_slot_get_start (s ? s : maint_notice_item_get_previous (item));
}

static int
item_cmp (gconstpointer pa,
          gconstpointer pb)
{
  MaintNoticeItem *a = *(MaintNoticeItem **) pa;
  MaintNoticeItem *b = *(MaintNoticeItem **) pb;
  int c = strcmp (maint_notice_item_get_machine (a), maint_notice_item_get_machine (b));

  if (c != 0)
    return c;
  if (item_start (a) != item_start (b))
    return item_start (a) < item_start (b) ? -1 : 1;
  return strcmp (maint_notice_item_get_uid (a), maint_notice_item_get_uid (b));
}

static void
group_ctx (GroupRender *gr,
           Ctx         *ctx)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->group = maint_resource_group_get_name (gr->group);
  ctx->timezone = maint_resource_group_get_timezone (gr->group);
  ctx->locale = gr->locale;
  ctx->contacts = gr->contacts;
  ctx->sender = gr->self->sender;
  ctx->first_date = "";
}

/* Renders the calendar texts of every item into @run_items. */
static gboolean
render_events (GroupRender  *gr,
               MaintTemplate *tmpl,
               GPtrArray    *items,
               GPtrArray    *run_items,
               GError      **error)
{
  for (guint i = 0; i < items->len; i++)
    {
      MaintNoticeItem *item = g_ptr_array_index (items, i);
      g_auto(WindowStrings) w = { 0 };
      RunItem *ri;
      Ctx ctx;

      group_ctx (gr, &ctx);
      ctx.windows = 1;
      ctx.machines = 1;
      machine_ctx (gr, maint_notice_item_get_machine (item), 1, &ctx);
      if (!window_ctx (gr, tmpl, item, &ctx, &w, error))
        return FALSE;
      ri = g_new0 (RunItem, 1);
      ri->item = g_object_ref (item);
      ri->summary = render (gr->self->messages, tmpl, "event-summary", gr->locale, &ctx, error);
      ri->description = ri->summary ? render (gr->self->messages, tmpl, "event-description", gr->locale, &ctx, error) : NULL;
      if (ri->description == NULL)
        {
          run_item_free (ri);
          return FALSE;
        }
      g_ptr_array_add (run_items, ri);
    }
  return TRUE;
}

static char *
calendar_of (GPtrArray *run_items,
             gint64     stamp)
{
  g_autofree MaintIcsEvent *events = g_new0 (MaintIcsEvent, MAX (run_items->len, 1));

  for (guint i = 0; i < run_items->len; i++)
    {
      RunItem *ri = g_ptr_array_index (run_items, i);
      MaintSlot *slot = maint_notice_item_get_slot (ri->item);
      MaintSlot *shown = slot ? slot : maint_notice_item_get_previous (ri->item);

      events[i] = (MaintIcsEvent) {
        .uid = maint_notice_item_get_uid (ri->item),
        .sequence = maint_notice_item_get_sequence (ri->item),
        .start = maint_slot_get_start (shown),
        .end = maint_slot_get_end (shown),
        .cancelled = maint_notice_item_get_change (ri->item) == MAINT_NOTICE_CHANGE_CANCELLED,
        .summary = ri->summary,
        .description = ri->description,
      };
    }
  return maint_ics_calendar (events, run_items->len, stamp);
}

/* The run item of @item, rendered for this group: after @first. */
static RunItem *
find_run_item (GPtrArray       *run_items,
               guint            first,
               MaintNoticeItem *item)
{
  for (guint i = first; i < run_items->len; i++)
    {
      RunItem *ri = g_ptr_array_index (run_items, i);
      if (ri->item == item)
        return ri;
    }
  return NULL;
}

/* A notice of new windows or changes for @items (sorted). */
static MaintNotice *
window_notice (GroupRender      *gr,
               MaintNoticeKind   kind,
               MaintTemplate    *tmpl,
               GPtrArray        *items,
               GPtrArray        *run_items,
               guint             first_run_item,
               GError          **error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GPtrArray) notice_run_items = g_ptr_array_new ();
  g_autofree char *subject = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first_date = NULL;
  g_autofree char *calendar = NULL;
  gint64 first = G_MAXINT64, send_by = G_MAXINT64;
  gint64 notice = maint_resource_group_get_notice (gr->group);
  guint machines = 0;
  MaintNoticeData data;
  Ctx ctx;

  for (guint i = 0; i < items->len; i++)
    {
      MaintNoticeItem *item = g_ptr_array_index (items, i);
      MaintSlot *slot = maint_notice_item_get_slot (item);
      MaintSlot *previous = maint_notice_item_get_previous (item);

      first = MIN (first, item_start (item));
      if (i == 0 || !g_str_equal (maint_notice_item_get_machine (item),
                                  maint_notice_item_get_machine (g_ptr_array_index (items, i - 1))))
        machines++;
      if (slot != NULL)
        {
          gint64 by = maint_slot_get_announce_by (slot);
          if (by == 0)
            by = maint_slot_get_start (slot) - notice;
          send_by = MIN (send_by, by);
        }
      /* a change must reach the customer before the announced time */
      if (previous != NULL && kind == MAINT_NOTICE_KIND_CHANGES)
        send_by = MIN (send_by, maint_slot_get_start (previous));
      g_ptr_array_add (notice_run_items, find_run_item (run_items, first_run_item, item));
    }
  send_by = MAX (send_by, 0);

  group_ctx (gr, &ctx);
  {
    gint64 wall = first + maint_tz_offset_at (gr->tz, first);
    first_date = maint_icu_dates_format_date (gr->dates, wall);
  }
  ctx.first_date = first_date;
  ctx.windows = items->len;
  ctx.machines = machines;

  subject = render (gr->self->messages, tmpl, "subject", gr->locale, &ctx, error);
  if (subject == NULL)
    return NULL;
  text = render (gr->self->messages, tmpl, "header", gr->locale, &ctx, error);
  if (text == NULL)
    return NULL;
  g_string_append_printf (body, "%s\n", text);

  for (guint i = 0; i < items->len; )
    {
      const char *machine = maint_notice_item_get_machine (g_ptr_array_index (items, i));
      guint j = i;

      while (j < items->len &&
             g_str_equal (maint_notice_item_get_machine (g_ptr_array_index (items, j)), machine))
        j++;

      machine_ctx (gr, machine, j - i, &ctx);
      g_clear_pointer (&text, g_free);
      text = render (gr->self->messages, tmpl, "machine", gr->locale, &ctx, error);
      if (text == NULL)
        return NULL;
      g_string_append_printf (body, "%s\n", text);

      for (; i < j; i++)
        {
          g_auto(WindowStrings) w = { 0 };

          if (!window_ctx (gr, tmpl, g_ptr_array_index (items, i), &ctx, &w, error))
            return NULL;
          g_clear_pointer (&text, g_free);
          text = render (gr->self->messages, tmpl, "window", gr->locale, &ctx, error);
          if (text == NULL)
            return NULL;
          g_string_append_printf (body, "%s\n", text);
        }
    }

  group_ctx (gr, &ctx);
  ctx.first_date = first_date;
  ctx.windows = items->len;
  ctx.machines = machines;
  g_clear_pointer (&text, g_free);
  text = render (gr->self->messages, tmpl, "footer", gr->locale, &ctx, error);
  if (text == NULL)
    return NULL;
  g_string_append_printf (body, "%s\n", text);

  calendar = calendar_of (notice_run_items, gr->now);

  data = (MaintNoticeData) {
    .group = maint_resource_group_get_name (gr->group),
    .kind = kind,
    .locale = gr->locale,
    .recipients = maint_resource_group_get_contacts (gr->group),
    .sender = gr->self->sender,
    .subject = subject,
    .body = body->str,
    .created = gr->now,
    .send_by = send_by,
    .items = items,
    .calendar = calendar,
  };
  return maint_notice_new (&data);
}

/* "Mon–Fri 22:00–24:00; Sat, Sun 10:00–14:00" */
static char *
schedule_text (GroupRender *gr)
{
  GPtrArray *windows = maint_resource_group_get_windows (gr->group);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < windows->len; i++)
    {
      MaintWindowSpec *spec = g_ptr_array_index (windows, i);
      guint days = maint_window_spec_get_days (spec);
      guint start = maint_window_spec_get_start_minute (spec);
      guint end = maint_window_spec_get_end_minute (spec);
      gboolean first_run = TRUE;
      guint origin = 0;

      if (i > 0)
        g_string_append (out, "; ");

      if ((days & 0x7f) == 0x7f)
        g_string_append_printf (out, "%s–%s", maint_icu_dates_weekday (gr->dates, 0),
                                maint_icu_dates_weekday (gr->dates, 6));
      else
        {
          /* runs of consecutive days, Sunday wrapping to Monday, each
           * starting after a day that is not in the set */
          while (days & (1u << origin))
            origin++;
          for (guint k = 1; k <= 7; k++)
            {
              guint d = (origin + k) % 7, len = 0;

              if (!(days & (1u << d)) || (days & (1u << ((d + 6) % 7))))
                continue;
              while (len < 7 && (days & (1u << ((d + len) % 7))))
                len++;
              if (!first_run)
                g_string_append (out, ", ");
              first_run = FALSE;
              if (len == 1)
                g_string_append (out, maint_icu_dates_weekday (gr->dates, d));
              else if (len == 2)
                g_string_append_printf (out, "%s, %s", maint_icu_dates_weekday (gr->dates, d),
                                        maint_icu_dates_weekday (gr->dates, (d + 1) % 7));
              else
                g_string_append_printf (out, "%s–%s", maint_icu_dates_weekday (gr->dates, d),
                                        maint_icu_dates_weekday (gr->dates, (d + len - 1) % 7));
            }
        }
      g_string_append_printf (out, " %02u:%02u–%02u:%02u", start / 60, start % 60, end / 60, end % 60);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static MaintNotice *
settings_notice (GroupRender   *gr,
                 MaintTemplate *tmpl,
                 GError       **error)
{
  g_autofree char *schedule = schedule_text (gr);
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *body_nl = NULL;
  gint64 notice = maint_resource_group_get_notice (gr->group);
  MaintNoticeData data;
  Ctx ctx;

  group_ctx (gr, &ctx);
  ctx.schedule = schedule;
  ctx.zone_now = maint_tz_abbreviation_at (gr->tz, gr->now);
  ctx.notice_minutes = notice / 60;
  ctx.notice_hours = notice % 3600 == 0 ? notice / 3600 : 0;
  ctx.notice_days = notice % 86400 == 0 ? notice / 86400 : 0;

  subject = render (gr->self->messages, tmpl, "subject", gr->locale, &ctx, error);
  if (subject == NULL)
    return NULL;
  body = render (gr->self->messages, tmpl, "body", gr->locale, &ctx, error);
  if (body == NULL)
    return NULL;
  body_nl = g_strconcat (body, "\n", NULL);

  data = (MaintNoticeData) {
    .group = maint_resource_group_get_name (gr->group),
    .kind = MAINT_NOTICE_KIND_SETTINGS,
    .locale = gr->locale,
    .recipients = maint_resource_group_get_contacts (gr->group),
    .sender = gr->self->sender,
    .subject = subject,
    .body = body_nl,
    .created = gr->now,
    .send_by = gr->now,
    .items = NULL,
    .calendar = NULL,
  };
  return maint_notice_new (&data);
}

static void
group_render_clear (GroupRender *gr)
{
  gr->dates = NULL;   /* borrowed from the notifier's cache */
  g_clear_pointer (&gr->locale, g_free);
  g_clear_pointer (&gr->contacts, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GroupRender, group_render_clear)

/* The date formats of gr->locale, made once per notifier and locale. */
static gboolean
use_dates (MaintNotifier  *self,
           GroupRender    *gr,
           GError        **error)
{
  gr->dates = g_hash_table_lookup (self->dates, gr->locale);
  if (gr->dates == NULL)
    {
      gr->dates = maint_icu_dates_new (gr->locale, error);
      if (gr->dates == NULL)
        return FALSE;
      g_hash_table_insert (self->dates, g_strdup (gr->locale), gr->dates);
    }
  return TRUE;
}

static gboolean
notify_group (MaintNotifier      *self,
              MaintResourceGroup *group,
              GPtrArray          *current,
              GPtrArray          *previous,
              gint64              now,
              GPtrArray          *notices,
              GPtrArray          *run_items,
              GError            **error)
{
  g_auto(GroupRender) gr = { 0 };
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  const char *locale = self->locale ? self->locale : maint_resource_group_get_locale (group);
  const char *name = maint_resource_group_get_name (group);
  MaintTemplate *tmpl;
  GError *local_error = NULL;
  guint first_run_item = run_items->len;

  gr.self = self;
  gr.group = group;
  gr.now = now;
  gr.tz = maint_tz_get (maint_resource_group_get_timezone (group), &local_error);
  if (gr.tz == NULL)
    {
      g_set_error (error, MAINT_NOTIFIER_ERROR, MAINT_NOTIFIER_ERROR_INVALID_FAILED,
                   "resource group “%s”: %s", name, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  gr.contacts = g_strjoinv (", ", (char **) maint_resource_group_get_contacts (group));

  items = compare_group (self, name, current, previous, now);
  g_ptr_array_sort (items, item_cmp);
  for (guint i = 0; i < items->len; i++)
    {
      MaintNoticeItem *item = g_ptr_array_index (items, i);
      switch (maint_notice_item_get_change (item))
        {
        case MAINT_NOTICE_CHANGE_NEW:
          g_ptr_array_add (fresh, item);
          break;
        case MAINT_NOTICE_CHANGE_MOVED:
        case MAINT_NOTICE_CHANGE_CANCELLED:
        case MAINT_NOTICE_CHANGE_REBOOT_CHANGED:
          g_ptr_array_add (changed, item);
          break;
        case MAINT_NOTICE_CHANGE_NONE:
        default:
          break;
        }
    }

  /* Calendar texts of every item, for the full calendar as well: new
   * windows worded by the new-windows template, the others by the
   * changes template (it knows cancellations). */
  tmpl = lookup_template (self, locale, MAINT_NOTICE_KIND_CHANGES, &gr.locale);
  if (!use_dates (self, &gr, error))
    return FALSE;
  {
    g_autoptr(GPtrArray) others = g_ptr_array_new ();

    for (guint i = 0; i < items->len; i++)
      if (maint_notice_item_get_change (g_ptr_array_index (items, i)) != MAINT_NOTICE_CHANGE_NEW)
        g_ptr_array_add (others, g_ptr_array_index (items, i));
    if (!render_events (&gr, tmpl, others, run_items, error))
      return FALSE;
  }

  if (self->announce_settings)
    {
      MaintNotice *notice;

      g_clear_pointer (&gr.locale, g_free);
      tmpl = lookup_template (self, locale, MAINT_NOTICE_KIND_SETTINGS, &gr.locale);
      if (!use_dates (self, &gr, error))
        return FALSE;
      notice = settings_notice (&gr, tmpl, error);
      if (notice == NULL)
        return FALSE;
      g_ptr_array_add (notices, notice);
    }
  if (fresh->len > 0)
    {
      MaintNotice *notice;

      g_clear_pointer (&gr.locale, g_free);
      tmpl = lookup_template (self, locale, MAINT_NOTICE_KIND_NEW_WINDOWS, &gr.locale);
      if (!use_dates (self, &gr, error))
        return FALSE;
      if (!render_events (&gr, tmpl, fresh, run_items, error))
        return FALSE;
      notice = window_notice (&gr, MAINT_NOTICE_KIND_NEW_WINDOWS, tmpl, fresh, run_items, first_run_item, error);
      if (notice == NULL)
        return FALSE;
      g_ptr_array_add (notices, notice);
    }
  if (changed->len > 0)
    {
      MaintNotice *notice;

      g_clear_pointer (&gr.locale, g_free);
      tmpl = lookup_template (self, locale, MAINT_NOTICE_KIND_CHANGES, &gr.locale);
      if (!use_dates (self, &gr, error))
        return FALSE;
      notice = window_notice (&gr, MAINT_NOTICE_KIND_CHANGES, tmpl, changed, run_items, first_run_item, error);
      if (notice == NULL)
        return FALSE;
      g_ptr_array_add (notices, notice);
    }
  return TRUE;
}

/**
 * maint_notifier_run:
 * @self: a notifier
 * @error: return location for a #GError
 *
 * Compares the plan with the previous one and makes the notices: for
 * every resource group of the fleet, in the fleet's order, the settings
 * (if asked for), the new windows and the changes, each only when there
 * is something to say. The result is deterministic: the same input gives
 * the same notices, byte for byte.
 *
 * Afterwards [method@Maint.Notifier.get_items] lists every window of the
 * run, including unchanged ones, with its UID and sequence number.
 *
 * Returns: (transfer container) (element-type Maint.Notice) (nullable):
 *   the notices, possibly none (the array holds a reference on each and
 *   drops it when freed); %NULL with @error set
 */
GPtrArray *
maint_notifier_run (MaintNotifier  *self,
                    GError        **error)
{
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GPtrArray) run_items = NULL;
  g_autoptr(GHashTable) current = NULL;
  g_autoptr(GHashTable) previous = NULL;
  GPtrArray *groups;
  const char *domain;
  gint64 now;

  g_return_val_if_fail (MAINT_IS_NOTIFIER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  now = self->now != 0 ? self->now : maint_plan_get_now (self->plan);
  if (now <= 0)
    {
      g_set_error_literal (error, MAINT_NOTIFIER_ERROR, MAINT_NOTIFIER_ERROR_INVALID_FAILED,
                           "“now” is set neither on the notifier nor in the plan");
      return NULL;
    }
  if (!maint_eml_address_is_valid (self->sender))
    {
      g_autofree char *shown = g_strescape (self->sender, NULL);
      g_set_error (error, MAINT_NOTIFIER_ERROR, MAINT_NOTIFIER_ERROR_INVALID_FAILED,
                   "sender “%s” is not a plain local@domain address", shown);
      return NULL;
    }
  domain = strrchr (self->sender, '@') + 1;

  current = collect_entries (self, self->plan, domain);
  previous = self->previous ? collect_entries (self, self->previous, domain) : NULL;

  notices = g_ptr_array_new_with_free_func (g_object_unref);
  run_items = g_ptr_array_new_with_free_func ((GDestroyNotify) run_item_free);
  groups = maint_fleet_get_groups (self->fleet);
  self->reboots = tally_reboots (self->plan);
  for (guint i = 0; i < groups->len; i++)
    {
      MaintResourceGroup *group = g_ptr_array_index (groups, i);
      const char *name = maint_resource_group_get_name (group);

      if (!notify_group (self, group,
                         g_hash_table_lookup (current, name),
                         previous ? g_hash_table_lookup (previous, name) : NULL,
                         now, notices, run_items, error))
        {
          g_clear_pointer (&self->reboots, g_hash_table_unref);
          return NULL;
        }
    }
  g_clear_pointer (&self->reboots, g_hash_table_unref);

  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&run_items);
  return g_steal_pointer (&notices);
}

/**
 * maint_notifier_get_items:
 * @self: a notifier
 *
 * Gets every window of the last successful [method@Maint.Notifier.run],
 * by group in the fleet's order, then by machine and start: new, moved,
 * cancelled, changed and unchanged ones, each with its calendar UID and
 * sequence number. Keep the sequence numbers for the next run (see
 * [method@Maint.Notifier.set_sequence]).
 *
 * Returns: (transfer container) (element-type Maint.NoticeItem): the
 *   items (the array holds a reference on each and drops it when freed);
 *   empty before the first run
 */
GPtrArray *
maint_notifier_get_items (MaintNotifier *self)
{
  GPtrArray *items;

  g_return_val_if_fail (MAINT_IS_NOTIFIER (self), NULL);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->items->len; i++)
    g_ptr_array_add (items, g_object_ref (((RunItem *) g_ptr_array_index (self->items, i))->item));
  return items;
}

/**
 * maint_notifier_get_calendar:
 * @self: a notifier
 * @group: a resource group's name
 *
 * Gets the iCalendar text of all of @group's windows after the last
 * successful [method@Maint.Notifier.run]: every planned window (changed
 * or not) and every cancelled one (with `STATUS:CANCELLED`), so that a
 * subscribed calendar shows the whole plan.
 *
 * Returns: (transfer full): the calendar, with CRLF line ends; one without
 *   events when the group has no windows
 */
char *
maint_notifier_get_calendar (MaintNotifier *self,
                             const char    *group)
{
  g_autoptr(GPtrArray) mine = NULL;
  gint64 now;

  g_return_val_if_fail (MAINT_IS_NOTIFIER (self), NULL);
  g_return_val_if_fail (group != NULL, NULL);

  mine = g_ptr_array_new ();
  for (guint i = 0; i < self->items->len; i++)
    {
      RunItem *ri = g_ptr_array_index (self->items, i);
      if (g_str_equal (maint_notice_item_get_group (ri->item), group))
        g_ptr_array_add (mine, ri);
    }
  now = self->now != 0 ? self->now : maint_plan_get_now (self->plan);
  return calendar_of (mine, now);
}
