/* test-scheduler-quality.c: the solver's plans against known optima
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Small crowded fleets as benchmarks/bench-quality.py makes them
 * (tests/maint-fleet-gen.c, one activity per VM, priorities and deadlines
 * removed). The expected counts and delays are the optima coinor-cbc
 * proved for the time-indexed MILP of bench-quality.py (5-minute grid,
 * lexicographic: count, reboots, delay). The solver before the placement
 * moves (doc/solver.md, "Moves on the placement") missed each of them.
 * Every plan is checked by the verifier and planned twice to the same
 * bytes.
 */
#include "config.h"

#include <libmaint/libmaint.h>

#include "maint-fleet-gen.h"
#include "maint-scheduler-private.h"
#include "maint-test-util.h"

static MaintFleet *
quality_fleet (guint32 seed)
{
  MaintFleetGenParams params;
  MaintFleet *fleet;
  GPtrArray *activities;

  maint_fleet_gen_params_small (&params, seed);
  params.max_activities = 1;
  fleet = maint_fleet_gen (&params);
  activities = maint_fleet_get_activities (fleet);
  for (guint i = 0; i < activities->len; i++)
    {
      maint_activity_set_priority (g_ptr_array_index (activities, i), MAINT_PRIORITY_NORMAL);
      maint_activity_set_deadline (g_ptr_array_index (activities, i), 0);
    }
  return fleet;
}

static MaintPlan *
plan_checked (MaintFleet *fleet)
{
  g_autoptr(MaintScheduler) first = maint_scheduler_new (fleet);
  g_autoptr(MaintScheduler) second = maint_scheduler_new (fleet);
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintPlan) plan = maint_scheduler_run (first, NULL, &error);
  g_autoptr(MaintPlan) again = NULL;
  g_autoptr(GPtrArray) violations = NULL;
  g_autofree char *a = NULL, *b = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  violations = maint_verify_plan (fleet, plan);
  for (guint i = 0; i < violations->len; i++)
    g_printerr ("violation: %s\n", maint_violation_get_message (g_ptr_array_index (violations, i)));
  g_assert_cmpuint (violations->len, ==, 0);

  again = maint_scheduler_run (second, NULL, &error);
  g_assert_no_error (error);
  a = maint_plan_to_data (plan, NULL);
  b = maint_plan_to_data (again, NULL);
  g_assert_cmpstr (a, ==, b);
  return g_steal_pointer (&plan);
}

/* Total delay: each slot's start minus its activity's earliest start in
 * the group's maintenance intervals, ignoring capacity (one activity per
 * slot in these fleets). */
static gint64
total_delay (MaintFleet *fleet,
             MaintPlan  *plan)
{
  MaintPolicy *policy = maint_fleet_get_policy (fleet);
  gint64 now = maint_fleet_get_now (fleet);
  GPtrArray *slots = maint_plan_get_slots (plan);
  gint64 delay = 0;

  for (guint i = 0; i < slots->len; i++)
    {
      MaintSlot *slot = g_ptr_array_index (slots, i);
      const char * const *ids = maint_slot_get_activities (slot);
      MaintActivity *a = maint_fleet_lookup_activity (fleet, ids[0]);
      MaintMachine *m = maint_fleet_lookup_machine (fleet, maint_activity_get_machine (a));
      MaintResourceGroup *g = maint_fleet_lookup_group (fleet, maint_machine_get_group (m));
      g_autoptr(MaintIntervalSet) avail = NULL;
      gint64 length = MAX (maint_activity_get_estimate (a) + maint_policy_get_setup (policy),
                           maint_policy_get_min_slot (policy));
      gint64 lo = MAX (now + maint_resource_group_get_notice (g), maint_activity_get_not_before (a));
      gint64 earliest = -1;

      g_assert_null (ids[1]);
      avail = maint_resource_group_get_maintenance_intervals (g, now, now + maint_policy_get_horizon (policy), NULL);
      g_assert_nonnull (avail);
      for (guint k = 0; k < maint_interval_set_get_n_intervals (avail) && earliest < 0; k++)
        {
          g_autoptr(MaintInterval) iv = maint_interval_set_get_interval (avail, k);
          gint64 s = MAX (maint_interval_get_start (iv), lo);

          if (maint_interval_get_end (iv) - s >= length)
            earliest = s;
        }
      g_assert_cmpint (earliest, >=, 0);
      g_assert_cmpint (maint_slot_get_start (slot), >=, earliest);
      delay += maint_slot_get_start (slot) - earliest;
    }
  return delay;
}

typedef struct
{
  guint32 seed;
  guint   count;          /* cbc's optimum */
  gint64  delay;          /* cbc's optimum, seconds */
  gint64  allowed;        /* the design's 2 % */
} Optimum;

/* Proven optimal by cbc (bench-quality.py, 2026 run); the greedy with
 * the order search alone was 0.16 %, 0.33 %, 0.69 % and 14.9 % above on
 * seeds 6 to 9. Seeds 2, 11, 12 and 13: the placement moves without the
 * annealing of the order (doc/solver.md) were 4.6 %, 7.6 % and 5.6 %
 * above the optimal delay and one activity short of the optimal count
 * (31 of 32). */
static const Optimum optima[] = {
  { 2, 48, 1854000, 1854000 / 50 },
  { 6, 23, 185400, 0 },
  { 7, 30, 273900, 0 },
  { 8, 34, 741000, 0 },
  { 9, 25, 1141800, 1141800 / 50 },
  { 11, 44, 2219400, 2219400 / 50 },
  { 12, 48, 301500, 301500 / 50 },
  { 13, 32, 3144900, 3144900 / 50 },
};

static void
test_optimum (gconstpointer data)
{
  const Optimum *opt = data;
  g_autoptr(MaintFleet) fleet = quality_fleet (opt->seed);
  g_autoptr(MaintPlan) plan = plan_checked (fleet);

  g_assert_cmpuint (maint_plan_get_n_scheduled (plan), ==, opt->count);
  g_assert_cmpint (total_delay (fleet, plan), <=, opt->delay + opt->allowed);
}

/* Seeds 16, 17 and 19: cbc schedules more than the old greedy did (37,
 * 54 and 50 against 35, 52 and 49); the moves must keep at least the
 * counts they reach now, and every plan must hold. Seed 11: 44 is the
 * optimum cbc proved (bench-quality.py); the moves without the exact
 * repacking stopped at 43 (its delay is checked with the optima above). */
static void
test_counts (void)
{
  static const struct { guint32 seed; guint at_least; } cases[] = {
    { 11, 44 }, { 16, 36 }, { 17, 53 }, { 19, 50 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MaintFleet) fleet = quality_fleet (cases[i].seed);
      g_autoptr(MaintPlan) plan = plan_checked (fleet);

      g_assert_cmpuint (maint_plan_get_n_scheduled (plan), >=, cases[i].at_least);
    }
}

/* Seed 16: every move of the strict annealing walk loses an activity, so
 * it accepts none and the plan stayed 3.5 % above cbc's best (2,469,900
 * s against 2,385,900 s). The second walk, which may pass through plans
 * with an activity fewer, reaches cbc's best plan. cbc did not prove it
 * optimal in 900 s, so this checks "no worse than the best known". */
static void
test_stuck_walk (void)
{
  g_autoptr(MaintFleet) fleet = quality_fleet (16);
  g_autoptr(MaintPlan) plan = plan_checked (fleet);

  g_assert_cmpuint (maint_plan_get_n_scheduled (plan), ==, 37);
  g_assert_cmpint (total_delay (fleet, plan), <=, 2385900);
}

static char *
plan_data (MaintFleet *fleet)
{
  g_autoptr(MaintPlan) plan = maint_test_plan_and_verify (fleet);

  return maint_plan_to_data (plan, NULL);
}

/* The annealing's memory of the orders it tried only saves greedy runs:
 * with it and without it, the same plans to the byte. Random small fleets
 * (priorities, deadlines, several activities per machine) and a crowded
 * quality fleet, whose walk accepts many moves. */
static void
test_anneal_memory (void)
{
  for (guint32 seed = 1; seed <= 5; seed++)
    {
      g_autoptr(MaintFleet) fleet = NULL;
      g_autofree char *with = NULL, *without = NULL;
      MaintFleetGenParams params;

      if (seed < 5)
        {
          maint_fleet_gen_params_small (&params, seed);
          fleet = maint_fleet_gen (&params);
        }
      else
        fleet = quality_fleet (6);
      maint_solver_set_anneal_memory (TRUE);
      with = plan_data (fleet);
      maint_solver_set_anneal_memory (FALSE);
      without = plan_data (fleet);
      maint_solver_set_anneal_memory (TRUE);
      g_assert_cmpstr (with, ==, without);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (optima); i++)
    {
      g_autofree char *path = g_strdup_printf ("/scheduler-quality/optimum/seed-%u", optima[i].seed);
      g_test_add_data_func (path, &optima[i], test_optimum);
    }
  g_test_add_func ("/scheduler-quality/counts", test_counts);
  g_test_add_func ("/scheduler-quality/stuck-walk", test_stuck_walk);
  g_test_add_func ("/scheduler-quality/anneal-memory", test_anneal_memory);
  return g_test_run ();
}
