/* plan-fleet.c: load a fleet, plan its maintenance, print the plan as JSON
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The smallest complete use of libmaint from C:
 *
 *   cc plan-fleet.c $(pkg-config --cflags --libs libmaint-1) -o plan-fleet
 *   ./plan-fleet fleet.json [NOW]
 *
 * NOW (RFC 3339) overrides the fleet's own "now". The output is the
 * libmaint-plan/1 document, byte for byte what `maintctl plan --format
 * json` prints for the same input.
 */
#include <stdio.h>
#include <stdlib.h>

#include <libmaint/libmaint.h>

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintScheduler) scheduler = NULL;
  g_autoptr(MaintPlan) plan = NULL;
  g_autofree char *json = NULL;
  gsize length = 0;

  if (argc < 2 || argc > 3)
    {
      fprintf (stderr, "usage: %s FLEET.json [NOW]\n", argv[0]);
      return 2;
    }

  /* Every loading error names the file's JSON path: machines[3].group: … */
  fleet = maint_fleet_new_from_file (argv[1], &error);
  if (fleet == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 2;
    }

  scheduler = maint_scheduler_new (fleet);
  if (argc == 3)
    {
      gint64 now;

      if (!maint_instant_parse (argv[2], &now, &error))
        {
          fprintf (stderr, "NOW: %s\n", error->message);
          return 2;
        }
      maint_scheduler_set_now (scheduler, now);
    }

  plan = maint_scheduler_run (scheduler, NULL, &error);
  if (plan == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 2;
    }

  json = maint_plan_to_data (plan, &length);
  if (fwrite (json, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      perror ("plan-fleet: writing the plan");
      return 1;
    }

  fprintf (stderr, "%u activities scheduled, %u unscheduled, %u reboots (%u saved)\n",
           maint_plan_get_n_scheduled (plan), maint_plan_get_n_unscheduled (plan),
           maint_plan_get_n_reboots (plan), maint_plan_get_n_reboots_saved (plan));
  return 0;
}
