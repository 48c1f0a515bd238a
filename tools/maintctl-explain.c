/* maintctl-explain.c: maintctl explain FLEET.json MACHINE [--now T]
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Plans the fleet and explains one machine: the slot it got and why, and
 * for every maintenance window before it the constraint that kept the
 * machine out.
 */
#include "config.h"

#include <string.h>

#include "maintctl.h"

int
maintctl_explain (int    argc,
                  char **argv)
{
  g_autofree char *now_text = NULL;
  g_auto(GStrv) rest = NULL;
  GOptionEntry entries[] = {
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text, "Plan from this instant (RFC 3339) instead of the fleet's now", "T" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, "FLEET.json MACHINE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— explain a machine's slot");
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintScheduler) scheduler = NULL;
  g_autofree char *text = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return maintctl_fail ("explain: %s", error->message);
  if (rest == NULL || rest[0] == NULL || rest[1] == NULL || rest[2] != NULL)
    return maintctl_fail ("explain: expected FLEET.json MACHINE (see maintctl explain --help)");

  fleet = maint_fleet_new_from_file (rest[0], &error);
  if (fleet == NULL)
    return maintctl_fail ("%s: %s", rest[0], error->message);

  scheduler = maint_scheduler_new (fleet);
  if (now_text != NULL)
    {
      gint64 now;
      if (!maint_instant_parse (now_text, &now, &error))
        return maintctl_fail ("explain: --now: %s", error->message);
      maint_scheduler_set_now (scheduler, now);
    }

  text = maint_scheduler_explain (scheduler, rest[1], &error);
  if (text == NULL)
    return maintctl_fail ("%s: %s", rest[0], error->message);
  if (!maintctl_write_output (NULL, text, strlen (text), &error))
    return maintctl_fail ("standard output: %s", error->message);
  return MAINTCTL_EXIT_OK;
}
