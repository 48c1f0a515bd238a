/* test-rollout.c: rollouts in the solver (doc/rollout-contract.txt)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include <libmaint/libmaint.h>

#include "maint-test-util.h"

static const char *fleet_json =
  "{\"format\": \"libmaint-fleet/1\", \"now\": \"2026-03-02T00:00:00Z\","
  " \"policy\": {\"horizon\": \"P14D\", \"setup\": \"PT5M\", \"min_slot\": \"PT15M\","
  "   \"coalesce_with_host_reboot\": %s},"
  " \"resource_groups\": ["
  "  {\"name\": \"hosts\", \"contacts\": [\"ops@example.org\"], \"timezone\": \"UTC\", \"windows\": [\"daily 00:00-24:00\"], \"notice\": \"PT1H\", \"stage\": \"infrastructure\"},"
  "  {\"name\": \"cust\", \"contacts\": [\"ops@example.org\"], \"timezone\": \"UTC\", \"windows\": [\"daily 00:00-24:00\"], \"notice\": \"PT1H\", \"stage\": \"production\"},"
  "  {\"name\": \"stage\", \"contacts\": [\"ops@example.org\"], \"timezone\": \"UTC\", \"windows\": [\"daily 00:00-24:00\"], \"notice\": \"PT1H\", \"stage\": \"staging\"}],"
  " \"machines\": ["
  "  {\"name\": \"h1\", \"group\": \"hosts\", \"kind\": \"host\"},"
  "  {\"name\": \"h2\", \"group\": \"hosts\", \"kind\": \"host\"},"
  "  {\"name\": \"vm1\", \"group\": \"cust\", \"kind\": \"vm\", \"host\": \"h1\"},"
  "  {\"name\": \"vm2\", \"group\": \"cust\", \"kind\": \"vm\", \"host\": \"h1\"},"
  "  {\"name\": \"vm3\", \"group\": \"cust\", \"kind\": \"vm\", \"host\": \"h2\"},"
  "  {\"name\": \"vm4\", \"group\": \"cust\", \"kind\": \"vm\", \"host\": \"h2\"},"
  "  {\"name\": \"vm5\", \"group\": \"stage\", \"kind\": \"vm\", \"host\": \"h1\"}],"
  " \"services\": [{\"name\": \"pair\", \"members\": [\"vm1\", \"vm3\"]}],"
  " \"rollouts\": [{\"name\": \"r\", \"staging_lead\": \"PT24H\","
  "   \"host_reboots\": {\"start\": \"2026-03-07T00:00:00Z\", \"end\": \"2026-03-07T12:00:00Z\"},"
  "   \"template\": {\"kind\": \"system-update\", \"estimate\": \"PT20M\", \"reboot\": \"warm\"},"
  "   \"waves\": ["
  "    {\"name\": \"staging\", \"select\": {\"stage\": \"staging\"}, \"from\": \"2026-03-02T06:00:00Z\", \"until\": \"2026-03-03T00:00:00Z\"},"
  "    {\"name\": \"first\", \"share\": 0.5, \"from\": \"2026-03-04T00:00:00Z\", \"until\": \"2026-03-05T00:00:00Z\"},"
  "    {\"name\": \"rest\", \"share\": 1.0, \"from\": \"2026-03-05T00:00:00Z\", \"until\": \"2026-03-06T00:00:00Z\"}]}]}";

static MaintFleet *
load (gboolean coalesce)
{
  g_autofree char *text = g_strdup_printf (fleet_json, coalesce ? "true" : "false");

  return maint_test_load_fleet (text);
}

static MaintRebootCount *
count_of (MaintPlan  *plan,
          const char *machine)
{
  GPtrArray *counts = maint_plan_get_reboot_counts (plan);

  for (guint i = 0; i < counts->len; i++)
    if (g_str_equal (maint_reboot_count_get_machine (g_ptr_array_index (counts, i)), machine))
      return g_ptr_array_index (counts, i);
  g_assert_not_reached ();
}

static void
test_waves_and_hosts (void)
{
  g_autoptr(MaintFleet) fleet = load (FALSE);
  g_autoptr(MaintPlan) plan = maint_test_plan_and_verify (fleet);
  GPtrArray *slots = maint_plan_get_slots (plan);
  const char *wave_vm1 = NULL, *wave_vm3 = NULL;
  guint n_first = 0, n_rest = 0, n_host = 0;
  gint64 last_guest_end = 0, first_host = G_MAXINT64, staging_end = 0, first_production = G_MAXINT64;

  g_assert_cmpuint (maint_plan_get_n_unscheduled (plan), ==, 0);
  for (guint i = 0; i < slots->len; i++)
    {
      MaintSlot *slot = g_ptr_array_index (slots, i);
      const char *machine = maint_slot_get_machine (slot);
      const char *wave = maint_slot_get_wave (slot);

      g_assert_cmpstr (maint_slot_get_rollout (slot), ==, "r");
      if (g_str_has_prefix (machine, "h"))
        {
          g_assert_null (wave);
          g_assert_cmpint (maint_slot_get_start (slot), >=, maint_test_at ("2026-03-07T00:00:00Z"));
          g_assert_cmpint (maint_slot_get_end (slot), <=, maint_test_at ("2026-03-07T12:00:00Z"));
          first_host = MIN (first_host, maint_slot_get_start (slot));
          n_host++;
          continue;
        }
      last_guest_end = MAX (last_guest_end, maint_slot_get_end (slot));
      if (g_str_equal (wave, "staging"))
        g_assert_cmpstr (machine, ==, "vm5");
      else if (g_str_equal (wave, "first"))
        {
          n_first++;
          g_assert_cmpint (maint_slot_get_start (slot), >=, maint_test_at ("2026-03-04T00:00:00Z"));
          g_assert_cmpint (maint_slot_get_end (slot), <=, maint_test_at ("2026-03-05T00:00:00Z"));
        }
      else
        {
          g_assert_cmpstr (wave, ==, "rest");
          n_rest++;
          g_assert_cmpint (maint_slot_get_start (slot), >=, maint_test_at ("2026-03-05T00:00:00Z"));
          g_assert_cmpint (maint_slot_get_end (slot), <=, maint_test_at ("2026-03-06T00:00:00Z"));
        }
      if (g_str_equal (machine, "vm5"))
        staging_end = maint_slot_get_end (slot);
      else
        first_production = MIN (first_production, maint_slot_get_start (slot));
      if (g_str_equal (machine, "vm1"))
        wave_vm1 = wave;
      if (g_str_equal (machine, "vm3"))
        wave_vm3 = wave;
    }
  /* R1: ceil (0.5 × 4) = 2, then the 2 left */
  g_assert_cmpuint (n_first, ==, 2);
  g_assert_cmpuint (n_rest, ==, 2);
  g_assert_cmpuint (n_host, ==, 2);
  /* spreading: the two members of the pair in different waves */
  g_assert_nonnull (wave_vm1);
  g_assert_nonnull (wave_vm3);
  g_assert_cmpstr (wave_vm1, !=, wave_vm3);
  /* R4: the staging machine 24 h before production */
  g_assert_cmpint (staging_end + 24 * 3600, <=, first_production);
  /* R5: hosts after their guests */
  g_assert_cmpint (first_host, >=, last_guest_end);
  g_assert_cmpuint (maint_plan_get_host_downtime (plan)->len, ==, 5);

  /* R7 without absorption: two reboots per VM */
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("vm%u", i);
      MaintRebootCount *count = count_of (plan, name);
      g_assert_cmpuint (maint_reboot_count_get_own (count), ==, 1);
      g_assert_cmpuint (maint_reboot_count_get_host (count), ==, 1);
      g_assert_cmpuint (maint_reboot_count_get_total (count), ==, 2);
      g_assert_cmpuint (maint_reboot_count_get_saved (count), ==, 0);
    }
}

static void
test_absorption (void)
{
  g_autoptr(MaintFleet) fleet = load (TRUE);
  g_autoptr(MaintPlan) plan = maint_test_plan_and_verify (fleet);
  GPtrArray *downtime = maint_plan_get_host_downtime (plan);

  g_assert_cmpuint (maint_plan_get_n_unscheduled (plan), ==, 0);
  /* the host reboots, and vm5: a staging machine is updated in its wave,
   * before production, not absorbed by the host reboot at the end */
  g_assert_cmpuint (maint_plan_get_slots (plan)->len, ==, 3);
  g_assert_nonnull (maint_plan_lookup_slot (plan, "r/vm5"));
  g_assert_cmpuint (maint_reboot_count_get_own (count_of (plan, "vm5")), ==, 1);
  g_assert_cmpuint (maint_reboot_count_get_total (count_of (plan, "vm5")), ==, 2);
  g_assert_cmpuint (maint_reboot_count_get_saved (count_of (plan, "vm5")), ==, 0);
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("vm%u", i);
      MaintRebootCount *count = count_of (plan, name);
      g_assert_cmpuint (maint_reboot_count_get_own (count), ==, 0);
      g_assert_cmpuint (maint_reboot_count_get_host (count), ==, 1);
      g_assert_cmpuint (maint_reboot_count_get_total (count), ==, 1);
      g_assert_cmpuint (maint_reboot_count_get_saved (count), ==, 1);
    }
  g_assert_cmpuint (downtime->len, ==, 5);
  for (guint i = 0; i < downtime->len; i++)
    {
      MaintHostDowntime *d = g_ptr_array_index (downtime, i);
      g_autofree char *id = g_strdup_printf ("r/%s", maint_host_downtime_get_guest (d));
      const char * const *acts = maint_host_downtime_get_activities (d);
      if (g_str_equal (maint_host_downtime_get_guest (d), "vm5"))
        {
          g_assert_null (acts[0]);
          continue;
        }
      g_assert_cmpstr (acts[0], ==, id);
      g_assert_null (acts[1]);
    }
  g_assert_cmpuint (maint_plan_get_n_reboots_saved (plan), ==, 4);
}

static void
test_seed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "examples", "fleets", "gocept.json", NULL);
  g_autoptr(MaintFleet) fleet = maint_fleet_new_from_file (path, &error);
  g_autoptr(MaintPlan) plan = NULL;
  GPtrArray *counts;
  guint absorbed = 0;

  g_assert_no_error (error);
  plan = maint_test_plan_and_verify (fleet);
  counts = maint_plan_get_reboot_counts (plan);
  for (guint i = 0; i < counts->len; i++)
    {
      MaintRebootCount *c = g_ptr_array_index (counts, i);
      g_assert_cmpuint (maint_reboot_count_get_total (c), ==,
                        maint_reboot_count_get_own (c) + maint_reboot_count_get_host (c));
    }
  for (guint i = 0; i < maint_plan_get_host_downtime (plan)->len; i++)
    absorbed += maint_host_downtime_get_activities (g_ptr_array_index (maint_plan_get_host_downtime (plan), i))[0] != NULL;
  /* the post promised two reboots; absorption makes it one for some */
  g_assert_cmpuint (absorbed, >, 0);
  g_assert_cmpuint (maint_plan_get_n_reboots_saved (plan), >=, absorbed);
}

/* Whether @vm's only activity is its generated one and its host reboots
 * only for the rollout: then the post's promise is exact. */
static gboolean
plain_guest (MaintFleet   *fleet,
             MaintMachine *vm)
{
  GPtrArray *acts = maint_fleet_get_activities (fleet);
  const char *host = maint_machine_get_host (vm);

  if (maint_machine_get_kind (vm) != MAINT_MACHINE_KIND_VM || host == NULL ||
      !maint_machine_get_auto_schedule (vm))
    return FALSE;
  for (guint i = 0; i < acts->len; i++)
    {
      MaintActivity *a = g_ptr_array_index (acts, i);
      const char *m = maint_activity_get_machine (a);
      if (g_str_equal (m, maint_machine_get_name (vm)) ||
          (g_str_equal (m, host) && maint_activity_get_reboot (a) != MAINT_REBOOT_KIND_NONE))
        return FALSE;
    }
  return TRUE;
}

static gboolean
absorbed_in (MaintPlan  *plan,
             const char *id)
{
  GPtrArray *downtime = maint_plan_get_host_downtime (plan);

  for (guint i = 0; i < downtime->len; i++)
    if (g_strv_contains (maint_host_downtime_get_activities (g_ptr_array_index (downtime, i)), id))
      return TRUE;
  return FALSE;
}

/* The seed scenario (the posts' 2013 update, examples/fleets/gocept.json):
 * without absorption every VM of the rollout is rebooted twice, as the
 * post told the customers; with it, once wherever its group admits the
 * host reboot. */
static void
test_seed_reboot_counts (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "examples", "fleets", "gocept.json", NULL);
  g_autoptr(MaintFleet) fleet = maint_fleet_new_from_file (path, &error);
  g_autoptr(MaintPlan) off = NULL;
  g_autoptr(MaintPlan) on = NULL;
  GPtrArray *machines;
  guint n_plain = 0, n_absorbed = 0, n_own = 0;

  g_assert_no_error (error);
  machines = maint_fleet_get_machines (fleet);

  maint_policy_set_coalesce_with_host_reboot (maint_fleet_get_policy (fleet), FALSE);
  off = maint_test_plan_and_verify (fleet);
  maint_policy_set_coalesce_with_host_reboot (maint_fleet_get_policy (fleet), TRUE);
  on = maint_test_plan_and_verify (fleet);

  for (guint i = 0; i < machines->len; i++)
    {
      MaintMachine *vm = g_ptr_array_index (machines, i);
      const char *name = maint_machine_get_name (vm);
      g_autofree char *id = g_strdup_printf ("os-2013-03/%s", name);
      MaintRebootCount *c;

      if (!plain_guest (fleet, vm) || maint_plan_lookup_slot (off, id) == NULL)
        continue;
      n_plain++;
      c = count_of (off, name);
      g_assert_cmpuint (maint_reboot_count_get_own (c), ==, 1);
      g_assert_cmpuint (maint_reboot_count_get_host (c), ==, 1);
      g_assert_cmpuint (maint_reboot_count_get_total (c), ==, 2);
      g_assert_cmpuint (maint_reboot_count_get_saved (c), ==, 0);
      g_assert_false (absorbed_in (off, id));

      c = count_of (on, name);
      if (absorbed_in (on, id))
        {
          n_absorbed++;
          g_assert_null (maint_plan_lookup_slot (on, id));
          g_assert_cmpuint (maint_reboot_count_get_own (c), ==, 0);
          g_assert_cmpuint (maint_reboot_count_get_host (c), ==, 1);
          g_assert_cmpuint (maint_reboot_count_get_total (c), ==, 1);
          g_assert_cmpuint (maint_reboot_count_get_saved (c), ==, 1);
        }
      else if (maint_plan_lookup_slot (on, id) != NULL)
        {
          n_own++;
          g_assert_cmpuint (maint_reboot_count_get_total (c), ==, 2);
        }
    }
  g_test_message ("%u plain rollout VMs: %u absorbed, %u with a slot of their own",
                  n_plain, n_absorbed, n_own);
  g_assert_cmpuint (n_plain, >=, 20);
  g_assert_cmpuint (n_absorbed, >, 0);
  g_assert_cmpuint (maint_plan_get_n_reboots (on), <, maint_plan_get_n_reboots (off));
  g_assert_cmpuint (maint_plan_get_n_reboots_saved (on), >, maint_plan_get_n_reboots_saved (off));
}

/* explain names the rollout's bounds: windows before a machine's wave
 * opens, and windows after its wave closes. The customers' window is an
 * hour each evening here, so there are windows on both sides. */
static void
test_explain (void)
{
  g_autofree char *text = g_strdup_printf (fleet_json, "false");
  g_autofree char *narrow = NULL;
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintScheduler) scheduler = NULL;
  g_autoptr(GError) error = NULL;
  GString *json = g_string_new (text);

  g_assert_cmpuint (g_string_replace (json, "\"windows\": [\"daily 00:00-24:00\"], \"notice\": \"PT1H\", "
                                      "\"stage\": \"production\"",
                                      "\"windows\": [\"daily 22:00-23:00\"], \"notice\": \"PT1H\", "
                                      "\"stage\": \"production\"", 1), ==, 1);
  narrow = g_string_free (json, FALSE);
  fleet = maint_fleet_new_from_data (narrow, -1, &error);
  g_assert_no_error (error);
  scheduler = maint_scheduler_new (fleet);

  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *machine = g_strdup_printf ("vm%u", i);
      g_autofree char *why = maint_scheduler_explain (scheduler, machine, &error);

      g_assert_no_error (error);
      g_test_message ("%s", why);
      /* every production VM is in wave "first" (from 03-04) or "rest"
       * (from 03-05), and production starts a day after the staging VM's
       * slot (03-02, 06:00 at the earliest): the evening of 03-02 comes
       * before both, for one of the two reasons */
      g_assert_nonnull (strstr (why, "2026-03-02 22:00 UTC – 2026-03-02 23:00 UTC"));
      g_assert_true (strstr (why, "before wave “first” of rollout “r” opens (2026-03-04 00:00 UTC)") != NULL ||
                     strstr (why, "before wave “rest” of rollout “r” opens (2026-03-05 00:00 UTC)") != NULL ||
                     strstr (why, "before production machines of rollout “r” may start, 24 h after its "
                                  "testing and staging slots (2026-03-0") != NULL);
      g_assert_null (strstr (why, "before not_before"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rollout/waves-and-hosts", test_waves_and_hosts);
  g_test_add_func ("/rollout/absorption", test_absorption);
  g_test_add_func ("/rollout/seed", test_seed);
  g_test_add_func ("/rollout/seed-reboot-counts", test_seed_reboot_counts);
  g_test_add_func ("/rollout/explain", test_explain);
  return g_test_run ();
}
