/* maintctl-notify.c: maintctl notify FLEET.json [--previous PLAN.json] …
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Plans the fleet (keeping the previous plan's windows where it can),
 * compares the plan with the previous one and prints the notices: as
 * text, as JSON, or as e-mail (an mbox on standard output or -o, or one
 * .eml file per notice with --output-dir).
 *
 * Calendar sequence numbers live in the plan file: --save-plan writes the
 * new plan with an `x-sequences` member (UID -> SEQUENCE of every window),
 * and --previous reads it back, so passing the saved plan as --previous
 * next time raises the SEQUENCE of every window that moves.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "maintctl.h"

static const char *
nick (GType type,
      int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);

  return v ? v->value_nick : "";
}

static gboolean
read_sequences (const char     *path,
                MaintNotifier  *notifier,
                GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *sequences;
  g_autoptr(GList) members = NULL;

  if (!json_parser_load_from_file (parser, path, error))
    return FALSE;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "x-sequences"))
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (root), "x-sequences")))
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                           "x-sequences: expected an object of UID: SEQUENCE");
      return FALSE;
    }
  sequences = json_object_get_object_member (json_node_get_object (root), "x-sequences");
  members = json_object_get_members (sequences);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (sequences, l->data);
      gint64 n;

      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_INT64 ||
          (n = json_node_get_int (value)) < 0 || n >= G_MAXUINT)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       "x-sequences.%s: expected a non-negative integer", (const char *) l->data);
          return FALSE;
        }
      maint_notifier_set_sequence (notifier, l->data, (guint) n);
    }
  return TRUE;
}

/* The plan as JSON with the sequence of every window under x-sequences. */
static char *
plan_with_sequences (MaintPlan      *plan,
                     MaintNotifier  *notifier,
                     gsize          *length,
                     GError        **error)
{
  g_autofree char *data = maint_plan_to_data (plan, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GPtrArray) items = maint_notifier_get_items (notifier);
  JsonObject *sequences = json_object_new ();
  JsonNode *root;
  char *out;

  if (!json_parser_load_from_data (parser, data, -1, error))
    {
      json_object_unref (sequences);
      return NULL;
    }
  root = json_parser_get_root (parser);
  for (guint i = 0; i < items->len; i++)
    {
      MaintNoticeItem *item = g_ptr_array_index (items, i);
      json_object_set_int_member (sequences, maint_notice_item_get_uid (item),
                                  maint_notice_item_get_sequence (item));
    }
  json_object_set_object_member (json_node_get_object (root), "x-sequences", sequences);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  out = json_generator_to_data (generator, length);
  /* a text file ends with a line break */
  out = g_realloc (out, *length + 2);
  out[(*length)++] = '\n';
  out[*length] = '\0';
  return out;
}

static void
add_slot_times (JsonBuilder *b,
                const char  *start_name,
                const char  *end_name,
                MaintSlot   *slot)
{
  g_autofree char *start = maint_instant_format (maint_slot_get_start (slot));
  g_autofree char *end = maint_instant_format (maint_slot_get_end (slot));

  json_builder_set_member_name (b, start_name);
  json_builder_add_string_value (b, start);
  json_builder_set_member_name (b, end_name);
  json_builder_add_string_value (b, end);
}

static char *
notices_to_json (GPtrArray *notices,
                 gint64     now,
                 gsize     *length)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *now_text = maint_instant_format (now);
  char *out;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, "libmaint-notices/1");
  json_builder_set_member_name (b, "now");
  json_builder_add_string_value (b, now_text);
  json_builder_set_member_name (b, "notices");
  json_builder_begin_array (b);
  for (guint i = 0; i < notices->len; i++)
    {
      MaintNotice *n = g_ptr_array_index (notices, i);
      const char * const *recipients = maint_notice_get_recipients (n);
      GPtrArray *items = maint_notice_get_items (n);
      g_autofree char *send_by = maint_instant_format (maint_notice_get_send_by (n));
      g_autofree char *message_id = maint_notice_get_message_id (n);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "group");
      json_builder_add_string_value (b, maint_notice_get_group (n));
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, nick (MAINT_TYPE_NOTICE_KIND, maint_notice_get_kind (n)));
      json_builder_set_member_name (b, "locale");
      json_builder_add_string_value (b, maint_notice_get_locale (n));
      json_builder_set_member_name (b, "from");
      json_builder_add_string_value (b, maint_notice_get_sender (n));
      json_builder_set_member_name (b, "to");
      json_builder_begin_array (b);
      for (guint j = 0; recipients[j] != NULL; j++)
        json_builder_add_string_value (b, recipients[j]);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "subject");
      json_builder_add_string_value (b, maint_notice_get_subject (n));
      json_builder_set_member_name (b, "send_by");
      json_builder_add_string_value (b, send_by);
      json_builder_set_member_name (b, "message_id");
      json_builder_add_string_value (b, message_id);
      json_builder_set_member_name (b, "body");
      json_builder_add_string_value (b, maint_notice_get_body (n));
      json_builder_set_member_name (b, "windows");
      json_builder_begin_array (b);
      for (guint j = 0; j < items->len; j++)
        {
          MaintNoticeItem *item = g_ptr_array_index (items, j);
          MaintSlot *slot = maint_notice_item_get_slot (item);
          MaintSlot *previous = maint_notice_item_get_previous (item);
          MaintSlot *shown = slot ? slot : previous;
          const char * const *activities = maint_slot_get_activities (shown);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "machine");
          json_builder_add_string_value (b, maint_notice_item_get_machine (item));
          json_builder_set_member_name (b, "change");
          json_builder_add_string_value (b, nick (MAINT_TYPE_NOTICE_CHANGE, maint_notice_item_get_change (item)));
          json_builder_set_member_name (b, "uid");
          json_builder_add_string_value (b, maint_notice_item_get_uid (item));
          json_builder_set_member_name (b, "sequence");
          json_builder_add_int_value (b, maint_notice_item_get_sequence (item));
          if (maint_notice_item_get_host (item) != NULL)
            {
              json_builder_set_member_name (b, "host");
              json_builder_add_string_value (b, maint_notice_item_get_host (item));
            }
          add_slot_times (b, "start", "end", shown);
          if (previous != NULL && slot != NULL)
            add_slot_times (b, "previous_start", "previous_end", previous);
          json_builder_set_member_name (b, "reboot");
          json_builder_add_string_value (b, nick (MAINT_TYPE_REBOOT_KIND, maint_slot_get_reboot (shown)));
          json_builder_set_member_name (b, "activities");
          json_builder_begin_array (b);
          for (guint k = 0; activities[k] != NULL; k++)
            json_builder_add_string_value (b, activities[k]);
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "calendar");
      if (maint_notice_get_calendar (n) != NULL)
        json_builder_add_string_value (b, maint_notice_get_calendar (n));
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  out = json_generator_to_data (generator, length);
  out = g_realloc (out, *length + 2);
  out[(*length)++] = '\n';
  out[*length] = '\0';
  return out;
}

static char *
notices_to_text (GPtrArray *notices)
{
  GString *out = g_string_new (NULL);

  if (notices->len == 0)
    g_string_append (out, "No notices: nothing a customer would notice has changed.\n");
  for (guint i = 0; i < notices->len; i++)
    {
      MaintNotice *n = g_ptr_array_index (notices, i);
      g_autofree char *to = g_strjoinv (", ", (char **) maint_notice_get_recipients (n));
      g_autofree char *send_by = maint_instant_format (maint_notice_get_send_by (n));

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "=== %s: %s (%s) ===\n", maint_notice_get_group (n),
                              nick (MAINT_TYPE_NOTICE_KIND, maint_notice_get_kind (n)),
                              maint_notice_get_locale (n));
      g_string_append_printf (out, "To: %s\nSubject: %s\nSend by: %s\n\n%s",
                              to, maint_notice_get_subject (n), send_by,
                              maint_notice_get_body (n));
    }
  return g_string_free (out, FALSE);
}

/* An mbox (RFC 4155). Bodies are quoted-printable or base64, which never
 * put "From " at the start of a line, so no escaping is needed. */
static char *
notices_to_mbox (GPtrArray  *notices,
                 gsize      *length,
                 GError    **error)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < notices->len; i++)
    {
      MaintNotice *n = g_ptr_array_index (notices, i);
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (maint_notice_get_created (n));
      g_autofree char *stamp = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
      g_autofree char *message = maint_notice_to_email (n, NULL, error);

      if (message == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_printf (out, "From %s %s\n", maint_notice_get_sender (n), stamp);
      g_string_append (out, message);
      g_string_append (out, "\n");
    }
  *length = out->len;
  return g_string_free (out, FALSE);
}

static gboolean
write_eml_dir (const char  *dir,
               GPtrArray   *notices,
               GError     **error)
{
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "cannot create the directory");
      return FALSE;
    }
  for (guint i = 0; i < notices->len; i++)
    {
      MaintNotice *n = g_ptr_array_index (notices, i);
      g_autofree char *group = g_strdup (maint_notice_get_group (n));
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autofree char *message = NULL;
      gsize length = 0;

      /* file names from group names: only harmless characters */
      g_strcanon (group, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.", '_');
      if (group[0] == '.')
        group[0] = '_';
      name = g_strdup_printf ("%03u-%s-%s.eml", i + 1, group,
                              nick (MAINT_TYPE_NOTICE_KIND, maint_notice_get_kind (n)));
      path = g_build_filename (dir, name, NULL);
      message = maint_notice_to_email (n, &length, error);
      if (message == NULL || !maintctl_write_output (path, message, length, error))
        return FALSE;
    }
  return TRUE;
}

int
maintctl_notify (int    argc,
                 char **argv)
{
  g_autofree char *now_text = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *output_dir = NULL;
  g_autofree char *previous_path = NULL;
  g_autofree char *save_plan = NULL;
  g_autofree char *locale = NULL;
  g_autofree char *sender = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean settings = FALSE;
  GOptionEntry entries[] = {
    { "previous", 0, 0, G_OPTION_ARG_FILENAME, &previous_path, "The plan announced before (for change notices)", "PLAN.json" },
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text, "Plan and notify at this instant (RFC 3339) instead of the fleet's now", "T" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "Output format: text (default), json or eml", "FORMAT" },
    { "locale", 0, 0, G_OPTION_ARG_STRING, &locale, "Render every notice in this locale instead of the group's", "L" },
    { "settings", 0, 0, G_OPTION_ARG_NONE, &settings, "Also announce every group's maintenance settings", NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &sender, "Sender address (default " MAINT_NOTIFIER_DEFAULT_SENDER ")", "ADDRESS" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE (atomically) instead of standard output", "FILE" },
    { "output-dir", 0, 0, G_OPTION_ARG_FILENAME, &output_dir, "With --format eml: one .eml file per notice in DIR", "DIR" },
    { "save-plan", 0, 0, G_OPTION_ARG_FILENAME, &save_plan, "Write the announced plan, with calendar sequence numbers, to FILE (for the next --previous)", "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, "FLEET.json" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— notices to the contacts of resource groups");
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintPlan) previous = NULL;
  g_autoptr(MaintScheduler) scheduler = NULL;
  g_autoptr(MaintPlan) plan = NULL;
  g_autoptr(MaintNotifier) notifier = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  gint64 now = 0;
  enum { TEXT, JSON, EML } mode;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return maintctl_fail ("notify: %s", error->message);
  if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
    return maintctl_fail ("notify: expected exactly one FLEET.json (see maintctl notify --help)");

  if (format == NULL || g_str_equal (format, "text"))
    mode = TEXT;
  else if (g_str_equal (format, "json"))
    mode = JSON;
  else if (g_str_equal (format, "eml"))
    mode = EML;
  else
    return maintctl_fail ("notify: unknown --format “%s” (text, json or eml)", format);
  if (output_dir != NULL && mode != EML)
    return maintctl_fail ("notify: --output-dir needs --format eml");
  if (output_dir != NULL && output != NULL)
    return maintctl_fail ("notify: give either -o or --output-dir");
  if (locale != NULL &&
      (locale[0] == '\0' || strspn (locale, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") != strlen (locale)))
    return maintctl_fail ("notify: --locale: expected a locale such as “en” or “de-DE”");
  if (now_text != NULL && !maint_instant_parse (now_text, &now, &error))
    return maintctl_fail ("notify: --now: %s", error->message);

  fleet = maint_fleet_new_from_file (rest[0], &error);
  if (fleet == NULL)
    return maintctl_fail ("%s: %s", rest[0], error->message);

  scheduler = maint_scheduler_new (fleet);
  if (now != 0)
    maint_scheduler_set_now (scheduler, now);
  if (previous_path != NULL)
    {
      previous = maint_plan_new_from_file (previous_path, &error);
      if (previous == NULL)
        return maintctl_fail ("%s: %s", previous_path, error->message);
      maint_scheduler_set_previous (scheduler, previous);
    }

  plan = maint_scheduler_run (scheduler, NULL, &error);
  if (plan == NULL)
    return maintctl_fail ("%s: %s", rest[0], error->message);

  notifier = maint_notifier_new (fleet, plan);
  maint_notifier_set_now (notifier, maint_plan_get_now (plan));
  maint_notifier_set_previous (notifier, previous);
  maint_notifier_set_announce_settings (notifier, settings);
  maint_notifier_set_locale (notifier, locale);
  maint_notifier_set_sender (notifier, sender);
  if (previous_path != NULL && !read_sequences (previous_path, notifier, &error))
    return maintctl_fail ("%s: %s", previous_path, error->message);

  notices = maint_notifier_run (notifier, &error);
  if (notices == NULL)
    return maintctl_fail ("notify: %s", error->message);

  switch (mode)
    {
    case TEXT:
      data = notices_to_text (notices);
      length = strlen (data);
      break;
    case JSON:
      data = notices_to_json (notices, maint_plan_get_now (plan), &length);
      break;
    case EML:
      if (output_dir != NULL)
        {
          if (!write_eml_dir (output_dir, notices, &error))
            return maintctl_fail ("%s: %s", output_dir, error->message);
        }
      else if ((data = notices_to_mbox (notices, &length, &error)) == NULL)
        return maintctl_fail ("%s: %s", rest[0], error->message);
      break;
    default:
      g_assert_not_reached ();
    }

  if (data != NULL && !maintctl_write_output (output, data, length, &error))
    return maintctl_fail ("%s: %s", output ? output : "standard output", error->message);

  if (save_plan != NULL)
    {
      g_autofree char *saved = plan_with_sequences (plan, notifier, &length, &error);

      if (saved == NULL || !maintctl_write_output (save_plan, saved, length, &error))
        return maintctl_fail ("%s: %s", save_plan, error->message);
    }
  return MAINTCTL_EXIT_OK;
}
