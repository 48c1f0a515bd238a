/* maintctl-plan.c: maintctl plan FLEET.json [--now T] [--format text|json|ics|svg] [--group GROUP] [--timezone ZONE] [--group-by group|host] [-o FILE]
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Plans the queued maintenance of a fleet and prints the plan as text
 * (per group, local and UTC times) or as libmaint-plan/1 JSON. The
 * output file, if any, is written atomically.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "maintctl.h"

/* The calendars of the plan's windows: one VCALENDAR object per resource
 * group (an iCalendar stream may hold several, RFC 5545 section 3.4), the
 * same events with the same UIDs that `maintctl notify` attaches. */
static char *
plan_calendars (MaintFleet  *fleet,
                MaintPlan   *plan,
                const char  *only_group,
                GError     **error)
{
  g_autoptr(MaintNotifier) notifier = maint_notifier_new (fleet, plan);
  g_autoptr(GPtrArray) notices = NULL;
  GPtrArray *groups = maint_fleet_get_groups (fleet);
  GString *out = g_string_new (NULL);

  notices = maint_notifier_run (notifier, error);
  if (notices == NULL)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  for (guint i = 0; i < groups->len; i++)
    {
      const char *name = maint_resource_group_get_name (g_ptr_array_index (groups, i));
      g_autofree char *calendar = NULL;

      if (only_group != NULL && !g_str_equal (name, only_group))
        continue;
      calendar = maint_notifier_get_calendar (notifier, name);
      g_string_append (out, calendar);
    }
  return g_string_free (out, FALSE);
}

int
maintctl_plan (int    argc,
               char **argv)
{
  g_autofree char *now_text = NULL;
  g_autofree char *format = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *group_by = NULL;
  g_autofree char *only_group = NULL;
  g_autofree char *output = NULL;
  g_autofree char *previous_path = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean stats = FALSE;
  GOptionEntry entries[] = {
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text, "Plan from this instant (RFC 3339) instead of the fleet's now", "T" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "Output format: text (default), json, ics or svg", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE (atomically) instead of standard output", "FILE" },
    { "timezone", 0, 0, G_OPTION_ARG_STRING, &zone, "Time zone of the SVG's days and labels (default UTC)", "ZONE" },
    { "group-by", 0, 0, G_OPTION_ARG_STRING, &group_by, "Rows of the SVG: group (default) or host", "BY" },
    { "group", 0, 0, G_OPTION_ARG_STRING, &only_group, "With --format ics: only this resource group's calendar", "GROUP" },
    { "previous", 0, 0, G_OPTION_ARG_FILENAME, &previous_path, "The previous plan, for stability", "PLAN.json" },
    { "stats", 0, 0, G_OPTION_ARG_NONE, &stats, "Print statistics and the time spent to standard error", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, "FLEET.json" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— plan the queued maintenance");
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintPlan) previous = NULL;
  g_autoptr(MaintScheduler) scheduler = NULL;
  g_autoptr(MaintPlan) plan = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  gboolean json = FALSE, svg = FALSE, ics = FALSE;
  MaintSvgGrouping grouping = MAINT_SVG_GROUPING_GROUP;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return maintctl_fail ("plan: %s", error->message);
  if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
    return maintctl_fail ("plan: expected exactly one FLEET.json (see maintctl plan --help)");

  if (format == NULL || g_str_equal (format, "text"))
    json = FALSE;
  else if (g_str_equal (format, "json"))
    json = TRUE;
  else if (g_str_equal (format, "svg"))
    svg = TRUE;
  else if (g_str_equal (format, "ics"))
    ics = TRUE;
  else
    return maintctl_fail ("plan: unknown --format “%s” (text, json, ics or svg)", format);
  if (only_group != NULL && !ics)
    return maintctl_fail ("plan: --group goes with --format ics");

  if (group_by != NULL && g_str_equal (group_by, "host"))
    grouping = MAINT_SVG_GROUPING_HOST;
  else if (group_by != NULL && !g_str_equal (group_by, "group"))
    return maintctl_fail ("plan: unknown --group-by “%s” (group or host)", group_by);
  if (zone != NULL && !maint_time_zone_check (zone, &error))
    return maintctl_fail ("plan: --timezone: %s", error->message);

  fleet = maint_fleet_new_from_file (rest[0], &error);
  if (fleet == NULL)
    return maintctl_fail ("%s: %s", rest[0], error->message);
  if (only_group != NULL && maint_fleet_lookup_group (fleet, only_group) == NULL)
    return maintctl_fail ("%s: --group: unknown resource group “%s”", rest[0], only_group);

  scheduler = maint_scheduler_new (fleet);
  if (now_text != NULL)
    {
      gint64 now;
      if (!maint_instant_parse (now_text, &now, &error))
        return maintctl_fail ("plan: --now: %s", error->message);
      maint_scheduler_set_now (scheduler, now);
    }
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

  if (json)
    data = maint_plan_to_data (plan, &length);
  else if (svg)
    {
      data = maint_plan_to_svg (plan, fleet, zone, grouping, &error);
      if (data == NULL)
        return maintctl_fail ("%s: %s", rest[0], error->message);
      length = strlen (data);
    }
  else if (ics)
    {
      data = plan_calendars (fleet, plan, only_group, &error);
      if (data == NULL)
        return maintctl_fail ("%s: %s", rest[0], error->message);
      length = strlen (data);
    }
  else
    {
      data = maint_plan_to_text (plan, fleet);
      length = strlen (data);
    }
  if (!maintctl_write_output (output, data, length, &error))
    return maintctl_fail ("%s: %s", output ? output : "standard output", error->message);

  if (stats)
    fprintf (stderr,
             "scheduled %u, unscheduled %u, reboots %u (saved %u), slots %u, time %.3f s\n",
             maint_plan_get_n_scheduled (plan), maint_plan_get_n_unscheduled (plan),
             maint_plan_get_n_reboots (plan), maint_plan_get_n_reboots_saved (plan),
             maint_plan_get_slots (plan)->len, maint_plan_get_elapsed (plan) / 1e6);
  return MAINTCTL_EXIT_OK;
}
