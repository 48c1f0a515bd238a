/* gen-fleet.c: writes a generated fleet as libmaint-fleet/1 JSON
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * gen-fleet [--small] [--seed N] [--vms N] [--max-activities N] [--no-rollout] [-o FILE]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "maint-fleet-gen.h"

int
main (int    argc,
      char **argv)
{
  gint seed = 1, vms = 1000, max_activities = -1;
  gboolean small = FALSE, no_rollout = FALSE;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed", "N" },
    { "vms", 0, 0, G_OPTION_ARG_INT, &vms, "Number of VMs (design fleet scaled)", "N" },
    { "small", 0, 0, G_OPTION_ARG_NONE, &small, "A small crowded fleet (property tests)", NULL },
    { "max-activities", 0, 0, G_OPTION_ARG_INT, &max_activities, "Activities per VM: 0..N (1: exactly one)", "N" },
    { "no-rollout", 0, 0, G_OPTION_ARG_NONE, &no_rollout, "The design fleet without its rollout and infrastructure machines", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Output file (default: stdout)", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— generate a random fleet");
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintFleet) fleet = NULL;
  g_autofree char *data = NULL;
  MaintFleetGenParams params;
  gsize length;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || vms < 0)
    {
      fprintf (stderr, "gen-fleet: %s\n", error ? error->message : "bad --vms");
      return 2;
    }
  if (small)
    maint_fleet_gen_params_small (&params, seed);
  else
    maint_fleet_gen_params_for_size (&params, vms, seed);
  if (max_activities >= 0)
    params.max_activities = max_activities;
  if (no_rollout)
    params.rollout = FALSE;
  fleet = maint_fleet_gen (&params);
  data = maint_fleet_to_data (fleet, &length);
  if (output == NULL)
    fwrite (data, 1, length, stdout);
  else if (!g_file_set_contents (output, data, length, &error))
    {
      fprintf (stderr, "gen-fleet: %s\n", error->message);
      return 2;
    }
  return 0;
}
