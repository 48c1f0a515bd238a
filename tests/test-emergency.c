/* test-emergency.c: emergencies (the 200-day kernel bug), late
 * activities and anti-affinity findings
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include <libmaint/libmaint.h>

#include "maint-test-util.h"

/* One machine down at a time, so the order of the slots is the order the
 * solver chose. Implicit deadlines (booted_at + P200D): c 2026-02-26
 * (past), web 03-03, a 03-04, db1 03-05, b 03-08, db2 03-10. The group's
 * notice is two days; emergencies need one hour. */
static const char *emergency_json =
  "{\"format\": \"libmaint-fleet/1\", \"now\": \"2026-03-02T00:00:00Z\","
  " \"policy\": {\"horizon\": \"P14D\", \"setup\": \"PT5M\", \"min_slot\": \"PT15M\","
  "   \"max_concurrent\": 1, \"emergency_notice\": \"PT1H\", \"max_uptime\": \"P200D\"},"
  " \"resource_groups\": ["
  "  {\"name\": \"g\", \"contacts\": [\"ops@example.org\"], \"timezone\": \"UTC\","
  "   \"windows\": [\"daily 00:00-24:00\"], \"notice\": \"P2D\", \"stage\": \"production\"}],"
  " \"machines\": ["
  "  {\"name\": \"a\", \"group\": \"g\", \"kind\": \"infrastructure\", \"booted_at\": \"2025-08-16T00:00:00Z\"},"
  "  {\"name\": \"b\", \"group\": \"g\", \"kind\": \"infrastructure\", \"booted_at\": \"2025-08-20T00:00:00Z\"},"
  "  {\"name\": \"c\", \"group\": \"g\", \"kind\": \"infrastructure\", \"booted_at\": \"2025-08-10T00:00:00Z\"},"
  "  {\"name\": \"web\", \"group\": \"g\", \"kind\": \"infrastructure\", \"booted_at\": \"2025-08-15T00:00:00Z\"},"
  "  {\"name\": \"db1\", \"group\": \"g\", \"kind\": \"infrastructure\", \"booted_at\": \"2025-08-17T00:00:00Z\"},"
  "  {\"name\": \"db2\", \"group\": \"g\", \"kind\": \"infrastructure\", \"booted_at\": \"2025-08-22T00:00:00Z\"}],"
  " \"services\": [{\"name\": \"db\", \"members\": [\"db1\", \"db2\"], \"order\": [\"db2\", \"db1\"]}],"
  " \"activities\": ["
  "  {\"id\": \"k-a\", \"machine\": \"a\", \"kind\": \"kernel-update\", \"estimate\": \"PT15M\", \"reboot\": \"warm\", \"priority\": \"emergency\"},"
  "  {\"id\": \"k-b\", \"machine\": \"b\", \"kind\": \"kernel-update\", \"estimate\": \"PT15M\", \"reboot\": \"warm\", \"priority\": \"emergency\"},"
  "  {\"id\": \"k-c\", \"machine\": \"c\", \"kind\": \"kernel-update\", \"estimate\": \"PT15M\", \"reboot\": \"warm\", \"priority\": \"emergency\"},"
  "  {\"id\": \"k-web\", \"machine\": \"web\", \"kind\": \"kernel-update\", \"estimate\": \"PT15M\", \"reboot\": \"warm\", \"priority\": \"emergency\"},"
  "  {\"id\": \"k-db1\", \"machine\": \"db1\", \"kind\": \"kernel-update\", \"estimate\": \"PT15M\", \"reboot\": \"warm\", \"priority\": \"emergency\"},"
  "  {\"id\": \"k-db2\", \"machine\": \"db2\", \"kind\": \"kernel-update\", \"estimate\": \"PT15M\", \"reboot\": \"warm\", \"priority\": \"emergency\"},"
  "  {\"id\": \"fs-web\", \"machine\": \"web\", \"kind\": \"fs-check\", \"estimate\": \"PT10M\", \"reboot\": \"none\"}]}";

static void
test_emergency_order (void)
{
  g_autoptr(MaintFleet) fleet = maint_test_load_fleet (emergency_json);
  g_autoptr(MaintPlan) plan = maint_test_plan_and_verify (fleet);
  gint64 now = maint_test_at ("2026-03-02T00:00:00Z");
  /* earliest deadline first: c (already late), web, a, then the pair:
   * db1's deadline is earlier than b's, but db2 (passive) goes first */
  const char *order[] = { "k-c", "k-web", "k-a", "k-b", "k-db2", "k-db1" };

  g_assert_cmpuint (maint_plan_get_n_unscheduled (plan), ==, 0);

  /* the emergency notice (1 h), not the group's two days */
  g_assert_cmpint (maint_slot_get_start (maint_test_slot_of (plan, "k-c")), ==, now + 3600);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      MaintSlot *slot = maint_test_slot_of (plan, order[i]);
      g_assert_cmpint (maint_slot_get_start (slot), >=, now + 3600);
      g_assert_cmpint (maint_slot_get_start (slot), <, now + 2 * 86400);
    }

  /* the order of deadlines among the machines outside the service */
  for (guint i = 0; i + 1 < 4; i++)
    g_assert_cmpint (maint_slot_get_start (maint_test_slot_of (plan, order[i])), <,
                     maint_slot_get_start (maint_test_slot_of (plan, order[i + 1])));
  /* passive first, whatever the deadlines say */
  g_assert_cmpint (maint_slot_get_end (maint_test_slot_of (plan, "k-db2")), <=,
                   maint_slot_get_start (maint_test_slot_of (plan, "k-db1")));
  /* the normal fs-check on web waits for the notice or shares the
   * emergency slot; either way it is not before the notice allows */
  g_assert_cmpint (maint_slot_get_start (maint_test_slot_of (plan, "fs-web")), >=, now + 3600);
}

static void
test_late (void)
{
  g_autoptr(MaintFleet) fleet = maint_test_load_fleet (emergency_json);
  g_autoptr(MaintPlan) plan = maint_test_plan_and_verify (fleet);
  g_autoptr(MaintPlan) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  g_autofree char *text = NULL;
  GPtrArray *late = maint_plan_get_late (plan);
  MaintLateActivity *l;
  MaintSlot *slot = maint_test_slot_of (plan, "k-c");

  /* c passed its 200 days before now: late, by end − deadline; nobody
   * else is late (one hour notice, one machine at a time) */
  g_assert_cmpuint (late->len, ==, 1);
  l = g_ptr_array_index (late, 0);
  g_assert_cmpstr (maint_late_activity_get_activity (l), ==, "k-c");
  g_assert_cmpstr (maint_late_activity_get_machine (l), ==, "c");
  g_assert_cmpint (maint_late_activity_get_deadline (l), ==, maint_test_at ("2026-02-26T00:00:00Z"));
  g_assert_cmpint (maint_late_activity_get_end (l), ==, maint_slot_get_end (slot));
  g_assert_cmpint (maint_late_activity_get_lateness (l), ==,
                   maint_slot_get_end (slot) - maint_test_at ("2026-02-26T00:00:00Z"));

  /* the document carries it and reads back byte for byte */
  data = maint_plan_to_data (plan, NULL);
  g_assert_nonnull (strstr (data, "\"late\""));
  g_assert_nonnull (strstr (data, "\"lateness\": \"P4DT1H20M\""));
  back = maint_plan_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (maint_plan_get_late (back)->len, ==, 1);
  data2 = maint_plan_to_data (back, NULL);
  g_assert_cmpstr (data, ==, data2);

  text = maint_plan_to_text (plan, fleet);
  g_assert_nonnull (strstr (text, "Late: 1 activity misses a deadline"));
  g_assert_nonnull (strstr (text, "k-c kernel-update on c: deadline 2026-02-26T00:00:00Z"));
}

static void
test_late_json_checked (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintPlan) plan = NULL;
  const char *bad =
    "{\"format\": \"libmaint-plan/1\", \"now\": \"2026-03-02T00:00:00Z\", \"slots\": [],"
    " \"host_downtime\": [], \"unscheduled\": [], \"reboots\": [],"
    " \"late\": [{\"activity\": \"x\", \"machine\": \"m\", \"deadline\": \"2026-03-02T00:00:00Z\","
    "            \"end\": \"2026-03-02T01:00:00Z\", \"lateness\": \"PT2H\"}]}";

  plan = maint_plan_new_from_data (bad, -1, &error);
  g_assert_error (error, MAINT_PLAN_ERROR, MAINT_PLAN_ERROR_INVALID_FAILED);
  g_assert_nonnull (strstr (error->message, "late[0].lateness"));
  g_assert_null (plan);
}

static const char *affinity_json =
  "{\"format\": \"libmaint-fleet/1\", \"now\": \"2026-03-02T00:00:00Z\","
  " \"policy\": {\"horizon\": \"P14D\"},"
  " \"resource_groups\": ["
  "  {\"name\": \"g\", \"contacts\": [\"ops@example.org\"], \"timezone\": \"UTC\","
  "   \"windows\": [\"daily 00:00-24:00\"], \"notice\": \"PT1H\"}],"
  " \"machines\": ["
  "  {\"name\": \"h1\", \"group\": \"g\", \"kind\": \"host\"},"
  "  {\"name\": \"h2\", \"group\": \"g\", \"kind\": \"host\"},"
  "  {\"name\": \"lb1\", \"group\": \"g\", \"kind\": \"vm\", \"host\": \"h1\"},"
  "  {\"name\": \"lb2\", \"group\": \"g\", \"kind\": \"vm\", \"host\": \"h1\"},"
  "  {\"name\": \"web1\", \"group\": \"g\", \"kind\": \"vm\", \"host\": \"h1\"},"
  "  {\"name\": \"web2\", \"group\": \"g\", \"kind\": \"vm\", \"host\": \"h1\"},"
  "  {\"name\": \"db1\", \"group\": \"g\", \"kind\": \"vm\", \"host\": \"h1\"},"
  "  {\"name\": \"db2\", \"group\": \"g\", \"kind\": \"vm\", \"host\": \"h2\"}],"
  " \"services\": ["
  "  {\"name\": \"lb\", \"members\": [\"lb2\", \"lb1\"]},"
  "  {\"name\": \"web\", \"members\": [\"web1\", \"web2\"], \"max_unavailable\": 2},"
  "  {\"name\": \"db\", \"members\": [\"db1\", \"db2\"]}],"
  " \"activities\": ["
  "  {\"id\": \"r\", \"machine\": \"h1\", \"kind\": \"host-reboot\", \"estimate\": \"PT30M\", \"reboot\": \"cold\"}]}";

static void
test_findings (void)
{
  g_autoptr(MaintFleet) fleet = maint_test_load_fleet (affinity_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintScheduler) scheduler = maint_scheduler_new (fleet);
  g_autoptr(MaintPlan) plan = maint_scheduler_run (scheduler, NULL, &error);
  g_autoptr(MaintPlan) back = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  g_autofree char *text = NULL;
  GPtrArray *findings;
  MaintFinding *f;
  const char * const *machines;

  g_assert_no_error (error);
  findings = maint_plan_get_findings (plan);
  /* lb: both on h1 with max_unavailable 1. web may lose both (2), db is
   * split over two hosts: neither is a finding */
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpint (maint_finding_get_kind (f), ==, MAINT_FINDING_SERVICE_ON_ONE_HOST);
  g_assert_cmpstr (maint_finding_get_service (f), ==, "lb");
  g_assert_cmpstr (maint_finding_get_host (f), ==, "h1");
  machines = maint_finding_get_machines (f);
  g_assert_cmpstr (machines[0], ==, "lb1");
  g_assert_cmpstr (machines[1], ==, "lb2");
  g_assert_null (machines[2]);
  g_assert_nonnull (strstr (maint_finding_get_detail (f), "every reboot of h1 takes them down together"));

  /* the host reboot would take both down: no schedule can place it, and
   * the finding says why */
  {
    g_autoptr(GPtrArray) violations = maint_verify_plan (fleet, plan);
    MaintUnscheduled *u;

    g_assert_cmpuint (violations->len, ==, 0);
    g_assert_cmpuint (maint_plan_get_unscheduled (plan)->len, ==, 1);
    u = g_ptr_array_index (maint_plan_get_unscheduled (plan), 0);
    g_assert_cmpstr (maint_unscheduled_get_activity (u), ==, "r");
    g_assert_cmpint (maint_unscheduled_get_reason (u), ==, MAINT_UNSCHEDULED_SERVICE);
  }

  data = maint_plan_to_data (plan, NULL);
  g_assert_nonnull (strstr (data, "\"findings\""));
  g_assert_nonnull (strstr (data, "\"service-on-one-host\""));
  back = maint_plan_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  data2 = maint_plan_to_data (back, NULL);
  g_assert_cmpstr (data, ==, data2);

  text = maint_plan_to_text (plan, fleet);
  g_assert_nonnull (strstr (text, "Findings: 1"));
  g_assert_nonnull (strstr (text, "service-on-one-host: service “lb”: 2 members (lb1, lb2) run on host h1"));
}

static void
test_emergency_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "examples", "fleets",
                                                 "gocept-emergency.json", NULL);
  g_autoptr(MaintFleet) fleet = maint_fleet_new_from_file (path, &error);
  g_autoptr(MaintPlan) plan = NULL;
  GPtrArray *late;
  GPtrArray *services;
  guint n_pairs = 0;

  g_assert_no_error (error);
  plan = maint_test_plan_and_verify (fleet);
  g_assert_cmpuint (maint_plan_get_n_unscheduled (plan), ==, 0);

  /* the late ones are exactly those past their 200 days already */
  late = maint_plan_get_late (plan);
  g_assert_cmpuint (late->len, >, 0);
  for (guint i = 0; i < late->len; i++)
    {
      MaintLateActivity *l = g_ptr_array_index (late, i);
      MaintMachine *m = maint_fleet_lookup_machine (fleet, maint_late_activity_get_machine (l));
      g_assert_cmpint (maint_late_activity_get_deadline (l), ==,
                       maint_machine_get_booted_at (m) + 200 * 86400);
      g_assert_cmpint (maint_late_activity_get_deadline (l), <,
                       maint_plan_get_now (plan) + 86400);
    }

  /* passive first in every ordered pair */
  services = maint_fleet_get_services (fleet);
  for (guint i = 0; i < services->len; i++)
    {
      const char * const *order = maint_service_get_order (g_ptr_array_index (services, i));
      for (guint j = 0; order != NULL && order[j] != NULL && order[j + 1] != NULL; j++)
        {
          GPtrArray *slots = maint_plan_get_slots (plan);
          gint64 end_first = 0, start_next = 0;
          for (guint k = 0; k < slots->len; k++)
            {
              MaintSlot *s = g_ptr_array_index (slots, k);
              if (g_str_equal (maint_slot_get_machine (s), order[j]))
                end_first = maint_slot_get_end (s);
              if (g_str_equal (maint_slot_get_machine (s), order[j + 1]))
                start_next = maint_slot_get_start (s);
            }
          /* machines with auto_schedule off have no activity */
          if (end_first == 0 || start_next == 0)
            continue;
          g_assert_cmpint (end_first, <=, start_next);
          n_pairs++;
        }
    }
  g_assert_cmpuint (n_pairs, >=, 20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/emergency/order", test_emergency_order);
  g_test_add_func ("/emergency/late", test_late);
  g_test_add_func ("/emergency/late-json-checked", test_late_json_checked);
  g_test_add_func ("/emergency/findings", test_findings);
  g_test_add_func ("/emergency/example", test_emergency_example);
  return g_test_run ();
}
