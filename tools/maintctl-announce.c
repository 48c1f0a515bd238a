/* maintctl-announce.c: maintctl announce FLEET.json PLAN.json [--until T]
 *                      [-o FILE]
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * After the notices of a plan went out: records its announced slots in the
 * fleet (maint_plan_announce), so that the next plan keeps them exactly,
 * and writes the fleet.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "maintctl.h"

int
maintctl_announce (int    argc,
                   char **argv)
{
  g_autofree char *until_text = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) rest = NULL;
  GOptionEntry entries[] = {
    { "until", 0, 0, G_OPTION_ARG_STRING, &until_text, "Only slots whose notice is due by T (RFC 3339; default: every slot)", "T" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write the fleet to FILE (may be FLEET.json itself) instead of standard output", "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, "FLEET.json PLAN.json" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— record a plan's announced slots in the fleet");
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintPlan) plan = NULL;
  g_autofree char *data = NULL;
  gint64 until = G_MAXINT64;
  gsize length = 0;
  guint pinned;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return maintctl_fail ("announce: %s", error->message);
  if (rest == NULL || rest[0] == NULL || rest[1] == NULL || rest[2] != NULL)
    return maintctl_fail ("announce: expected FLEET.json PLAN.json (see maintctl announce --help)");
  if (until_text != NULL && !maint_instant_parse (until_text, &until, &error))
    return maintctl_fail ("announce: --until: %s", error->message);

  fleet = maint_fleet_new_from_file (rest[0], &error);
  if (fleet == NULL)
    return maintctl_fail ("%s: %s", rest[0], error->message);
  plan = maint_plan_new_from_file (rest[1], &error);
  if (plan == NULL)
    return maintctl_fail ("%s: %s", rest[1], error->message);

  pinned = maint_plan_announce (plan, fleet, until, &error);
  if (error != NULL)
    return maintctl_fail ("%s: %s", rest[1], error->message);

  data = maint_fleet_to_data (fleet, &length);
  if (!maintctl_write_output (output, data, length, &error))
    return maintctl_fail ("%s: %s", output != NULL ? output : "standard output", error->message);
  fprintf (stderr, "maintctl: %u activit%s pinned to announced slots\n",
           pinned, pinned == 1 ? "y" : "ies");
  return MAINTCTL_EXIT_OK;
}
