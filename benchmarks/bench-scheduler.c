/* bench-scheduler.c: planning time and peak memory at 1k, 10k, 100k VMs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Measures; does not judge. Each size runs in a child process of its own
 * so that ru_maxrss is that size's peak. The fleet is the design's
 * benchmark fleet (tests/maint-fleet-gen.c) scaled: 20 VMs per group, 50
 * per host, 40 time zones, services in a quarter of the groups, 28 days,
 * and the posts' system update as a five-wave rollout that reboots every
 * host. The peak is ru_maxrss after the plans; "replan peak" is the same
 * after the re-plan below, which holds the fleet with every slot
 * announced, the last plan and the new one at once.
 *
 * The 100k/10k ratio comes from one more child that builds both fleets
 * first (not timed) and then alternates: three plans of 10k, one of
 * 100k, seven rounds. Times are CPU time of the process (the machine is
 * shared); a size's time is the best of its runs, and the medians are
 * printed too. Interleaving puts both sizes under the same load, and a
 * 10k plan (some 0.05 s) gets three chances to each one of 100k. The
 * paired ratio is the median over the rounds of each round's own ratio
 * (its 100k plan over the median of its three 10k plans): the machine's
 * speed drifts between rounds, by up to 2x, and pairing within a round
 * keeps that drift out of the ratio.
 *
 * Each size also announces its plan's every slot into the fleet
 * (maint_plan_announce) and plans again, as a provisioning system does
 * every day: "replan cpu" is that plan's time, with every slot pinned.
 *
 *   bench-scheduler                 all sizes, then the ratio session
 *   bench-scheduler --vms N         one size, in this process
 *   bench-scheduler --ratio ROUNDS  the ratio session, in this process
 *   bench-scheduler --repeat N K    K plans of the N-VM fleet and nothing
 *                                   else, each plan's CPU seconds on a
 *                                   line (for perf and callgrind)
 *
 * --no-rollout before any of these plans the fleet without its rollout
 * (and infrastructure machines), as the benchmark did before the
 * seventh session.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "maint-fleet-gen.h"

static gboolean with_rollout = TRUE;

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

/* The design's benchmark fleet at @n_vms VMs, always the same one */
static MaintFleet *
bench_fleet (guint n_vms)
{
  MaintFleetGenParams params;

  maint_fleet_gen_params_for_size (&params, n_vms, 42);
  params.rollout = with_rollout;
  return maint_fleet_gen (&params);
}

/* One plan; returns its CPU time in µs (wall time in @wall), or -1. */
static gint64
plan_once (MaintFleet *fleet,
           gint64     *wall,
           MaintPlan **out)
{
  g_autoptr(MaintScheduler) scheduler = maint_scheduler_new (fleet);
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time (), c0 = cpu_usec ();
  g_autoptr(MaintPlan) plan = maint_scheduler_run (scheduler, NULL, &error);
  gint64 c = cpu_usec () - c0;

  *wall = g_get_monotonic_time () - t0;
  if (plan == NULL)
    {
      fprintf (stderr, "bench-scheduler: %s\n", error->message);
      return -1;
    }
  if (out != NULL)
    *out = g_steal_pointer (&plan);
  return c;
}

static int
gint64_cmp (const void *pa,
            const void *pb)
{
  gint64 a = *(const gint64 *) pa, b = *(const gint64 *) pb;
  return (a > b) - (a < b);
}

static double
median_s (gint64 *v,
          guint   n)
{
  qsort (v, n, sizeof (gint64), gint64_cmp);
  return (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2) / 1e6;
}

static int
double_cmp (const void *pa,
            const void *pb)
{
  double a = *(const double *) pa, b = *(const double *) pb;
  return (a > b) - (a < b);
}

/* Both fleets built first, then @rounds rounds of three 10k plans, one
 * 100k plan and a batch of ten 10k plans. One line: min10 med10 min100
 * med100 n10 n100 (CPU s, the single 10k plans), then the paired ratio:
 * the median, lowest and highest over the rounds of each round's 100k
 * time over the median of its three 10k times; then the batches' best and
 * median per plan.
 *
 * Pairing within a round compares both sizes under the same state of
 * the machine, which drifts between rounds by more than the ratio's
 * margin; the best of all runs compares each size's luckiest moment. A
 * batch of ten 10k plans takes as long as one 100k plan, and there are
 * as many batches as 100k plans: their best times are minima over as
 * many samples of the same length, which the single plans' are not (the
 * best of 21 plans of 60 ms each finds a quieter moment of the machine
 * than the best of seven of 800 ms). */
static int
run_ratio (guint rounds)
{
  g_autoptr(MaintFleet) small = bench_fleet (10000), large = bench_fleet (100000);
  g_autofree gint64 *t_small = g_new (gint64, 3 * rounds);
  g_autofree gint64 *t_large = g_new (gint64, rounds);
  g_autofree gint64 *t_batch = g_new (gint64, rounds);
  g_autofree double *paired = g_new (double, rounds);
  guint n_small = 0, n_large = 0;
  gint64 wall;

  for (guint r = 0; r < rounds; r++)
    {
      gint64 round_small[3], t;

      for (guint k = 0; k < 3; k++)
        if ((t_small[n_small++] = round_small[k] = plan_once (small, &wall, NULL)) < 0)
          return 1;
      if ((t_large[n_large++] = plan_once (large, &wall, NULL)) < 0)
        return 1;
      paired[r] = t_large[r] / 1e6 / median_s (round_small, 3);
      t_batch[r] = 0;
      for (guint k = 0; k < 10; k++)
        {
          if ((t = plan_once (small, &wall, NULL)) < 0)
            return 1;
          t_batch[r] += t;
        }
    }
  qsort (t_small, n_small, sizeof (gint64), gint64_cmp);
  qsort (t_large, n_large, sizeof (gint64), gint64_cmp);
  qsort (t_batch, rounds, sizeof (gint64), gint64_cmp);
  qsort (paired, rounds, sizeof (double), double_cmp);
  printf ("%.4f %.4f %.4f %.4f %u %u %.3f %.3f %.3f %.4f %.4f\n", t_small[0] / 1e6, median_s (t_small, n_small),
          t_large[0] / 1e6, median_s (t_large, n_large), n_small, n_large,
          rounds % 2 ? paired[rounds / 2] : (paired[rounds / 2 - 1] + paired[rounds / 2]) / 2,
          paired[0], paired[rounds - 1], t_batch[0] / 1e7, median_s (t_batch, rounds) / 10);
  return 0;
}

static int
run_one (guint n_vms,
         guint repeat)
{
  g_autoptr(MaintFleet) fleet = bench_fleet (n_vms);
  g_autoptr(MaintPlan) last = NULL;
  g_autoptr(GError) error = NULL;
  gint64 best = G_MAXINT64, best_cpu = G_MAXINT64, replan_cpu = G_MAXINT64, wall;
  long before, plan_peak;
  guint scheduled = 0, unscheduled = 0, slots = 0, announced;

  before = peak_kib ();

  for (guint r = 0; r < repeat; r++)
    {
      g_autoptr(MaintPlan) plan = NULL;
      gint64 t, c = plan_once (fleet, &t, &plan);

      if (c < 0)
        return 1;
      best = MIN (best, t);
      best_cpu = MIN (best_cpu, c);
      scheduled = maint_plan_get_n_scheduled (plan);
      unscheduled = maint_plan_get_n_unscheduled (plan);
      slots = maint_plan_get_slots (plan)->len;
      /* Only one plan at a time: the peak is that of planning once */
      if (r + 1 == repeat)
        last = g_steal_pointer (&plan);
    }
  plan_peak = peak_kib ();

  /* The usual next step: every slot announced (pinned in the fleet), then
   * the fleet planned again. Each re-plan keeps tens of thousands of
   * pinned slots and merges into them. */
  announced = maint_plan_announce (last, fleet, G_MAXINT64, &error);
  if (error != NULL)
    {
      fprintf (stderr, "bench-scheduler: announce: %s\n", error->message);
      return 1;
    }
  for (guint r = 0; r < repeat; r++)
    {
      gint64 c = plan_once (fleet, &wall, NULL);

      if (c < 0)
        return 1;
      replan_cpu = MIN (replan_cpu, c);
    }

  /* one machine-readable line: vms seconds cpu_seconds plan_peak_mib
   * fleet_mib ... replan_peak_mib */
  printf ("%u %.4f %.4f %.1f %.1f %u %u %u %.4f %u %.1f\n", n_vms, best / 1e6, best_cpu / 1e6, plan_peak / 1024.0,
          before / 1024.0, scheduled, unscheduled, slots, replan_cpu / 1e6, announced, peak_kib () / 1024.0);
  return 0;
}

static int
run_repeat (guint n_vms,
            guint plans)
{
  g_autoptr(MaintFleet) fleet = bench_fleet (n_vms);
  gint64 wall;

  for (guint k = 0; k < plans; k++)
    {
      gint64 c = plan_once (fleet, &wall, NULL);

      if (c < 0)
        return 1;
      printf ("%.4f\n", c / 1e6);
    }
  return 0;
}

/* Runs this program again with @args (and --no-rollout if this run has
 * it); its standard output in @out. */
static gboolean
run_child (const char  *self,
           const char **args,
           char       **out,
           GError     **error)
{
  g_autoptr(GPtrArray) child = g_ptr_array_new ();
  int status = 0;

  g_ptr_array_add (child, (char *) self);
  if (!with_rollout)
    g_ptr_array_add (child, "--no-rollout");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (child, (char *) args[i]);
  g_ptr_array_add (child, NULL);
  return g_spawn_sync (NULL, (char **) child->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, NULL, &status, error) &&
         g_spawn_check_wait_status (status, error);
}

int
main (int    argc,
      char **argv)
{
  static const guint sizes[] = { 1000, 10000, 100000 };
  double seconds[G_N_ELEMENTS (sizes)] = { 0, }, cpu[G_N_ELEMENTS (sizes)] = { 0, };

  if (argc >= 2 && g_str_equal (argv[1], "--no-rollout"))
    {
      with_rollout = FALSE;
      argv[1] = argv[0];
      argv++;
      argc--;
    }

  if (argc == 3 && g_str_equal (argv[1], "--vms"))
    return run_one ((guint) atoi (argv[2]), atoi (argv[2]) >= 100000 ? 3 : 5);
  if (argc == 3 && g_str_equal (argv[1], "--ratio"))
    return run_ratio ((guint) MAX (atoi (argv[2]), 1));
  if (argc == 4 && g_str_equal (argv[1], "--repeat"))
    return run_repeat ((guint) atoi (argv[2]), (guint) atoi (argv[3]));

  printf ("%-8s %10s %10s %12s %12s %10s %10s %8s %10s %10s %12s\n", "VMs", "plan s", "cpu s", "peak MiB", "fleet MiB",
          "scheduled", "unsched", "slots", "replan cpu", "announced", "replan peak");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *n = g_strdup_printf ("%u", sizes[i]);
      const char *args[] = { "--vms", n, NULL };
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      guint vms, sched, unsched, slots, announced;
      double secs, cpus, peak, fleet, replan, replan_peak;

      if (!run_child (argv[0], args, &out, &error) ||
          sscanf (out, "%u %lf %lf %lf %lf %u %u %u %lf %u %lf", &vms, &secs, &cpus, &peak, &fleet, &sched, &unsched,
                  &slots, &replan, &announced, &replan_peak) != 11)
        {
          fprintf (stderr, "bench-scheduler: %u VMs: %s\n", sizes[i], error ? error->message : out);
          return 1;
        }
      seconds[i] = secs;
      cpu[i] = cpus;
      printf ("%-8u %10.3f %10.3f %12.1f %12.1f %10u %10u %8u %10.3f %10u %12.1f\n", vms, secs, cpus, peak, fleet,
              sched, unsched, slots, replan, announced, replan_peak);
    }
  printf ("time ratio 100k/10k, separate processes: %.2f wall, %.2f cpu\n",
          seconds[2] / seconds[1], cpu[2] / cpu[1]);

  /* The ratio itself: both sizes in one process, interleaved */
  {
    const char *args[] = { "--ratio", "7", NULL };
    g_autofree char *out = NULL;
    g_autoptr(GError) error = NULL;
    double min10, med10, min100, med100, paired, paired_lo, paired_hi, batch_min, batch_med;
    guint n10, n100;

    if (!run_child (argv[0], args, &out, &error) ||
        sscanf (out, "%lf %lf %lf %lf %u %u %lf %lf %lf %lf %lf", &min10, &med10, &min100, &med100, &n10, &n100,
                &paired, &paired_lo, &paired_hi, &batch_min, &batch_med) != 11)
      {
        fprintf (stderr, "bench-scheduler: ratio: %s\n", error ? error->message : out);
        return 1;
      }
    printf ("interleaved in one process, cpu s: 10k best %.3f median %.3f (%u runs), "
            "100k best %.3f median %.3f (%u runs)\n", min10, med10, n10, min100, med100, n100);
    printf ("time ratio 100k/10k: %.2f best, %.2f median, %.2f paired (median of the %u rounds' own ratios, "
            "%.2f-%.2f) (design: <= 12)\n",
            min100 / min10, med100 / med10, paired, n100, paired_lo, paired_hi);
    printf ("in batches of ten 10k plans (one per round, as long as a 100k plan): best %.3f median %.3f per plan; "
            "time ratio %.2f best, %.2f median\n", batch_min, batch_med, min100 / batch_min, med100 / batch_med);
  }
  printf ("(1k runs the order local search and 60,000 placement moves; 10k and 100k\n"
          " only the moves, a fifth of a placement per unit: see doc/solver.md)\n");
  return 0;
}
