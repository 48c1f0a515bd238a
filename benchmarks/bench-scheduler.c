/* bench-scheduler.c: planning time and peak memory at 1k, 10k, 100k VMs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Measures; does not judge. Each size runs in a child process of its own
 * so that ru_maxrss is that size's peak. The fleet is the design's
 * benchmark fleet (tests/maint-fleet-gen.c) scaled: 20 VMs per group, 50
 * per host, 40 time zones, services in a quarter of the groups, 28 days.
 *
 *   bench-scheduler                 all sizes, with the 100k/10k ratio
 *   bench-scheduler --vms N         one size, in this process
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "maint-fleet-gen.h"

static long
peak_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* CPU time of this process: the machine may be busy with other work */
static gint64
cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static int
run_one (guint n_vms,
         guint repeat)
{
  MaintFleetGenParams params;
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(GError) error = NULL;
  gint64 best = G_MAXINT64, best_cpu = G_MAXINT64;
  long before;
  guint scheduled = 0, unscheduled = 0, slots = 0;

  maint_fleet_gen_params_for_size (&params, n_vms, 42);
  fleet = maint_fleet_gen (&params);
  before = peak_kib ();

  for (guint r = 0; r < repeat; r++)
    {
      g_autoptr(MaintScheduler) scheduler = maint_scheduler_new (fleet);
      gint64 t0 = g_get_monotonic_time (), c0 = cpu_usec ();
      g_autoptr(MaintPlan) plan = maint_scheduler_run (scheduler, NULL, &error);
      gint64 t = g_get_monotonic_time () - t0, c = cpu_usec () - c0;

      if (plan == NULL)
        {
          fprintf (stderr, "bench-scheduler: %s\n", error->message);
          return 1;
        }
      best = MIN (best, t);
      best_cpu = MIN (best_cpu, c);
      scheduled = maint_plan_get_n_scheduled (plan);
      unscheduled = maint_plan_get_n_unscheduled (plan);
      slots = maint_plan_get_slots (plan)->len;
    }

  /* one machine-readable line: vms seconds cpu_seconds peak_mib fleet_mib ... */
  printf ("%u %.4f %.4f %.1f %.1f %u %u %u\n", n_vms, best / 1e6, best_cpu / 1e6, peak_kib () / 1024.0,
          before / 1024.0, scheduled, unscheduled, slots);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  static const guint sizes[] = { 1000, 10000, 100000 };
  double seconds[G_N_ELEMENTS (sizes)] = { 0, }, cpu[G_N_ELEMENTS (sizes)] = { 0, };

  if (argc == 3 && g_str_equal (argv[1], "--vms"))
    return run_one ((guint) atoi (argv[2]), atoi (argv[2]) >= 100000 ? 3 : 5);

  printf ("%-8s %10s %10s %12s %12s %10s %10s %8s\n", "VMs", "plan s", "cpu s", "peak MiB", "fleet MiB",
          "scheduled", "unsched", "slots");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *n = g_strdup_printf ("%u", sizes[i]);
      char *child[] = { argv[0], "--vms", n, NULL };
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      int status = 0;
      guint vms, sched, unsched, slots;
      double secs, cpus, peak, fleet;

      if (!g_spawn_sync (NULL, child, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error) ||
          sscanf (out, "%u %lf %lf %lf %lf %u %u %u", &vms, &secs, &cpus, &peak, &fleet, &sched, &unsched, &slots) != 8)
        {
          fprintf (stderr, "bench-scheduler: %u VMs: %s\n", sizes[i], error ? error->message : out);
          return 1;
        }
      seconds[i] = secs;
      cpu[i] = cpus;
      printf ("%-8u %10.3f %10.3f %12.1f %12.1f %10u %10u %8u\n", vms, secs, cpus, peak, fleet, sched, unsched, slots);
    }
  printf ("time ratio 100k/10k: %.2f wall, %.2f cpu (design: <= 12)\n",
          seconds[2] / seconds[1], cpu[2] / cpu[1]);
  printf ("(1k runs the order local search and 60,000 placement moves; 10k and 100k\n"
          " only the moves, a fifth of a placement per unit: see doc/solver.md)\n");
  return 0;
}
