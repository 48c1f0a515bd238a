/* test-scheduler.c: the scheduling solver
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every plan a test produces goes through the verifier (independent
 * code) and must hold. The property tests also check, by brute force and
 * without the solver's search, that every unscheduled activity really had
 * no feasible start left.
 */
#include "config.h"

#include <string.h>

#include <libmaint/libmaint.h>

#include "maint-fleet-gen.h"
#include "maint-scheduler-private.h"
#include "maint-test-util.h"

/* ---- helpers ---------------------------------------------------------- */

static MaintFleet *
new_fleet (const char *now)
{
  MaintFleet *fleet = maint_fleet_new ();
  MaintPolicy *policy = maint_fleet_get_policy (fleet);

  maint_fleet_set_now (fleet, maint_test_at (now));
  maint_policy_set_horizon (policy, 28 * 86400);
  maint_policy_set_setup (policy, 5 * 60);
  maint_policy_set_min_slot (policy, 15 * 60);
  maint_policy_set_emergency_notice (policy, 3600);
  return fleet;
}

/* A group with a contact (the scheduler validates the fleet) */
static MaintResourceGroup *
add_group (MaintFleet *fleet,
           const char *name,
           const char *zone,
           const char *spec,
           gint64      notice)
{
  MaintResourceGroup *group = maint_test_add_group (fleet, name, zone, spec, notice);
  const char * const contacts[] = { "ops@example.net", NULL };

  maint_resource_group_set_contacts (group, contacts);
  return group;
}

/* A VM, and its host (in the VM's group) unless the fleet has it */
static MaintMachine *
add_machine (MaintFleet *fleet,
             const char *name,
             const char *group,
             const char *host)
{
  /* Every VM needs a host; without a per-host limit it does not matter */
  if (host == NULL)
    host = "kvm0";
  if (maint_fleet_lookup_machine (fleet, host) == NULL)
    maint_test_add_machine (fleet, host, group, MAINT_MACHINE_KIND_HOST, NULL);
  return maint_test_add_machine (fleet, name, group, MAINT_MACHINE_KIND_VM, host);
}

static MaintActivity *
add_activity (MaintFleet      *fleet,
              const char      *id,
              const char      *machine,
              gint64           estimate,
              MaintRebootKind  reboot)
{
  g_autoptr(MaintActivity) activity = maint_activity_new (id, machine, MAINT_ACTIVITY_KIND_CUSTOM);
  g_autoptr(GError) error = NULL;

  maint_activity_set_summary (activity, "test work");
  maint_activity_set_estimate (activity, estimate);
  maint_activity_set_reboot (activity, reboot);
  g_assert_true (maint_fleet_add_activity (fleet, activity, &error));
  g_assert_no_error (error);
  return activity;
}

static void
add_service (MaintFleet         *fleet,
             const char         *name,
             const char * const *members,
             guint               max_unavailable,
             gint64              spacing,
             const char * const *order)
{
  g_autoptr(MaintService) service = maint_service_new (name);
  g_autoptr(GError) error = NULL;

  maint_service_set_members (service, members);
  maint_service_set_max_unavailable (service, max_unavailable);
  maint_service_set_spacing (service, spacing);
  if (order != NULL)
    maint_service_set_order (service, order);
  g_assert_true (maint_fleet_add_service (fleet, service, &error));
  g_assert_no_error (error);
}

static void
assert_verified (MaintFleet *fleet,
                 MaintPlan  *plan)
{
  g_autoptr(GPtrArray) violations = maint_verify_plan (fleet, plan);

  for (guint i = 0; i < violations->len; i++)
    g_printerr ("violation: %s\n", maint_violation_get_message (g_ptr_array_index (violations, i)));
  g_assert_cmpuint (violations->len, ==, 0);
}

static MaintPlan *
plan_fleet (MaintFleet *fleet)
{
  g_autoptr(MaintScheduler) scheduler = maint_scheduler_new (fleet);
  g_autoptr(GError) error = NULL;
  MaintPlan *plan = maint_scheduler_run (scheduler, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  assert_verified (fleet, plan);
  return plan;
}

static MaintUnscheduled *
unscheduled_of (MaintPlan  *plan,
                const char *activity)
{
  GPtrArray *list = maint_plan_get_unscheduled (plan);

  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (maint_unscheduled_get_activity (g_ptr_array_index (list, i)), activity))
      return g_ptr_array_index (list, i);
  g_assert_not_reached ();
}

static void
assert_slot (MaintPlan  *plan,
             const char *activity,
             const char *start,
             const char *end)
{
  MaintSlot *slot = maint_test_slot_of (plan, activity);

  g_assert_cmpint (maint_slot_get_start (slot), ==, maint_test_at (start));
  g_assert_cmpint (maint_slot_get_end (slot), ==, maint_test_at (end));
}

static void
assert_reason (MaintPlan              *plan,
               const char             *activity,
               MaintUnscheduledReason  reason)
{
  MaintUnscheduled *u = unscheduled_of (plan, activity);

  g_assert_null (maint_plan_lookup_slot (plan, activity));
  g_assert_cmpint (maint_unscheduled_get_reason (u), ==, reason);
  g_assert_nonnull (maint_unscheduled_get_detail (u));
  g_assert_true (g_str_has_prefix (maint_unscheduled_get_detail (u),
                                   maint_unscheduled_get_machine (u)));
}

/* ---- windows, notice, horizon ----------------------------------------- */

static void
test_window_earliest (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;
  MaintSlot *slot;

  add_group (fleet, "acme", "Europe/Berlin", "daily 22:00-05:00", 0);
  add_machine (fleet, "db1", "acme", NULL);
  add_activity (fleet, "a1", "db1", 1200, MAINT_REBOOT_KIND_WARM);
  plan = plan_fleet (fleet);

  /* 22:00 CET is 21:00 UTC; 20 min + 5 min setup */
  assert_slot (plan, "a1", "2026-03-02T21:00:00Z", "2026-03-02T21:25:00Z");
  slot = maint_test_slot_of (plan, "a1");
  g_assert_cmpstr (maint_slot_get_group (slot), ==, "acme");
  g_assert_cmpstr (maint_slot_get_local_start (slot), ==, "2026-03-02T22:00:00+01:00");
  g_assert_cmpint (maint_slot_get_reboot (slot), ==, MAINT_REBOOT_KIND_WARM);
  g_assert_false (maint_slot_get_pinned (slot));
  g_assert_cmpint (maint_slot_get_announce_by (slot), ==, maint_test_at ("2026-03-02T21:00:00Z"));
}

static void
test_window_midnight (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;

  /* Saturday 22:00 to Sunday 02:00; 3 h of work crosses midnight */
  add_group (fleet, "acme", "Europe/Berlin", "sat 22:00-02:00", 86400);
  add_machine (fleet, "db1", "acme", NULL);
  add_activity (fleet, "a1", "db1", 3 * 3600, MAINT_REBOOT_KIND_NONE);
  plan = plan_fleet (fleet);
  assert_slot (plan, "a1", "2026-03-07T21:00:00Z", "2026-03-08T00:05:00Z");
}

static void
test_window_dst (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-27T12:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;

  /* Spring forward in Berlin on 2026-03-29: 01:00 CET .. 04:00 CEST is
   * only two hours (00:00Z-02:00Z). 1 h 50 fits, 2 h 30 does not. */
  add_group (fleet, "acme", "Europe/Berlin", "sun 01:00-04:00", 0);
  add_machine (fleet, "short", "acme", NULL);
  add_machine (fleet, "long", "acme", NULL);
  add_activity (fleet, "s", "short", 6600 - 300, MAINT_REBOOT_KIND_NONE);
  add_activity (fleet, "l", "long", 9000 - 300, MAINT_REBOOT_KIND_NONE);
  plan = plan_fleet (fleet);
  assert_slot (plan, "s", "2026-03-29T00:00:00Z", "2026-03-29T01:50:00Z");
  /* The next Sunday is CEST all night: 01:00 CEST = 23:00Z Saturday */
  assert_slot (plan, "l", "2026-04-04T23:00:00Z", "2026-04-05T01:30:00Z");
}

static void
test_blackout (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;
  MaintResourceGroup *group = add_group (fleet, "acme", "UTC", "daily 22:00-23:00", 0);
  g_autoptr(MaintInterval) blackout = maint_interval_new (maint_test_at ("2026-03-02T00:00:00Z"),
                                                          maint_test_at ("2026-03-04T22:30:00Z"));

  maint_resource_group_add_blackout (group, blackout);
  add_machine (fleet, "db1", "acme", NULL);
  add_machine (fleet, "db2", "acme", NULL);
  add_activity (fleet, "a1", "db1", 600, MAINT_REBOOT_KIND_NONE);
  add_activity (fleet, "a2", "db2", 3000, MAINT_REBOOT_KIND_NONE);
  plan = plan_fleet (fleet);
  /* The rest of the 4th's window after the blackout is 30 min */
  assert_slot (plan, "a1", "2026-03-04T22:30:00Z", "2026-03-04T22:45:00Z");
  assert_slot (plan, "a2", "2026-03-05T22:00:00Z", "2026-03-05T22:55:00Z");
}

static void
test_horizon (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;

  maint_policy_set_horizon (maint_fleet_get_policy (fleet), 3 * 86400);
  /* Monday now; the only window is Saturday */
  add_group (fleet, "acme", "UTC", "sat 10:00-14:00", 0);
  add_machine (fleet, "db1", "acme", NULL);
  add_activity (fleet, "a1", "db1", 600, MAINT_REBOOT_KIND_NONE);
  plan = plan_fleet (fleet);
  assert_reason (plan, "a1", MAINT_UNSCHEDULED_NO_WINDOW);
}

static void
test_notice (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;
  MaintActivity *e;

  add_group (fleet, "acme", "UTC", "daily 22:00-23:00", 2 * 86400 + 3600);
  add_machine (fleet, "db1", "acme", NULL);
  add_machine (fleet, "db2", "acme", NULL);
  add_activity (fleet, "a1", "db1", 600, MAINT_REBOOT_KIND_NONE);
  e = add_activity (fleet, "e1", "db2", 600, MAINT_REBOOT_KIND_NONE);
  maint_activity_set_priority (e, MAINT_PRIORITY_EMERGENCY);
  plan = plan_fleet (fleet);
  /* now + 2 days 1 h = 2026-03-04T10:00Z: the 4th's window */
  assert_slot (plan, "a1", "2026-03-04T22:00:00Z", "2026-03-04T22:15:00Z");
  g_assert_cmpint (maint_slot_get_announce_by (maint_test_slot_of (plan, "a1")), ==,
                   maint_test_at ("2026-03-04T22:00:00Z") - (2 * 86400 + 3600));
  /* Emergency: one hour of notice, so tonight */
  assert_slot (plan, "e1", "2026-03-02T22:00:00Z", "2026-03-02T22:15:00Z");
  g_assert_cmpint (maint_slot_get_announce_by (maint_test_slot_of (plan, "e1")), ==,
                   maint_test_at ("2026-03-02T21:00:00Z"));
}

static void
test_not_before (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;
  MaintActivity *a;

  add_group (fleet, "acme", "UTC", "daily 22:00-23:00", 0);
  add_machine (fleet, "db1", "acme", NULL);
  a = add_activity (fleet, "a1", "db1", 600, MAINT_REBOOT_KIND_NONE);
  maint_activity_set_not_before (a, maint_test_at ("2026-03-05T22:10:00Z"));
  plan = plan_fleet (fleet);
  assert_slot (plan, "a1", "2026-03-05T22:10:00Z", "2026-03-05T22:25:00Z");
}

static void
test_auto_schedule_off (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;
  MaintMachine *m;
  MaintActivity *pinned;
  g_autoptr(MaintInterval) when = maint_interval_new (maint_test_at ("2026-03-03T12:00:00Z"),
                                                      maint_test_at ("2026-03-03T12:30:00Z"));

  add_group (fleet, "acme", "UTC", "daily 22:00-23:00", 0);
  m = add_machine (fleet, "db1", "acme", NULL);
  maint_machine_set_auto_schedule (m, FALSE);
  add_activity (fleet, "a1", "db1", 600, MAINT_REBOOT_KIND_NONE);
  pinned = add_activity (fleet, "a2", "db1", 600, MAINT_REBOOT_KIND_NONE);
  maint_activity_set_scheduled (pinned, when);
  maint_activity_set_announced_at (pinned, maint_test_at ("2026-03-01T12:00:00Z"));
  plan = plan_fleet (fleet);
  assert_reason (plan, "a1", MAINT_UNSCHEDULED_AUTO_SCHEDULE_OFF);
  assert_slot (plan, "a2", "2026-03-03T12:00:00Z", "2026-03-03T12:30:00Z");
  g_assert_cmpuint (maint_plan_get_slots (plan)->len, ==, 1);
}

static void
test_pinned (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;
  g_autoptr(MaintInterval) when = maint_interval_new (maint_test_at ("2026-03-02T21:50:00Z"),
                                                      maint_test_at ("2026-03-02T22:37:00Z"));
  MaintActivity *p1, *p2;
  MaintSlot *slot;

  /* A pinned slot outside the window, shorter notice than the group's,
   * consuming the one fleet-wide unit of capacity */
  maint_policy_set_max_concurrent (maint_fleet_get_policy (fleet), 1);
  add_group (fleet, "acme", "UTC", "daily 22:00-23:00", 86400 * 3);
  add_machine (fleet, "db1", "acme", NULL);
  add_machine (fleet, "db2", "acme", NULL);
  p1 = add_activity (fleet, "p1", "db1", 600, MAINT_REBOOT_KIND_WARM);
  p2 = add_activity (fleet, "p2", "db1", 600, MAINT_REBOOT_KIND_COLD);
  maint_activity_set_scheduled (p1, when);
  maint_activity_set_scheduled (p2, when);
  maint_activity_set_announced_at (p1, maint_test_at ("2026-02-20T12:00:00Z"));
  maint_activity_set_announced_at (p2, maint_test_at ("2026-02-20T12:00:00Z"));
  add_activity (fleet, "a1", "db2", 600, MAINT_REBOOT_KIND_NONE);
  maint_policy_set_horizon (maint_fleet_get_policy (fleet), 7 * 86400);
  maint_resource_group_set_notice (maint_fleet_lookup_group (fleet, "acme"), 0);
  plan = plan_fleet (fleet);

  slot = maint_test_slot_of (plan, "p1");
  g_assert_true (slot == maint_test_slot_of (plan, "p2"));
  g_assert_true (maint_slot_get_pinned (slot));
  g_assert_cmpint (maint_slot_get_start (slot), ==, maint_test_at ("2026-03-02T21:50:00Z"));
  g_assert_cmpint (maint_slot_get_end (slot), ==, maint_test_at ("2026-03-02T22:37:00Z"));
  g_assert_cmpint (maint_slot_get_reboot (slot), ==, MAINT_REBOOT_KIND_COLD);
  /* The other machine waits for the pinned slot to end */
  assert_slot (plan, "a1", "2026-03-02T22:37:00Z", "2026-03-02T22:52:00Z");
}

static void
test_pinned_merge (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;
  g_autoptr(MaintInterval) when = maint_interval_new (maint_test_at ("2026-03-05T22:00:00Z"),
                                                      maint_test_at ("2026-03-05T23:00:00Z"));
  MaintActivity *p;

  add_group (fleet, "acme", "UTC", "daily 22:00-23:00", 86400);
  add_machine (fleet, "db1", "acme", NULL);
  p = add_activity (fleet, "p1", "db1", 600, MAINT_REBOOT_KIND_WARM);
  maint_activity_set_scheduled (p, when);
  maint_activity_set_announced_at (p, maint_test_at ("2026-03-01T12:00:00Z"));
  /* Fits into the announced hour: merged, no second downtime */
  add_activity (fleet, "a1", "db1", 1200, MAINT_REBOOT_KIND_WARM);
  plan = plan_fleet (fleet);
  g_assert_true (maint_test_slot_of (plan, "a1") == maint_test_slot_of (plan, "p1"));
  g_assert_cmpuint (maint_plan_get_slots (plan)->len, ==, 1);
  g_assert_cmpint (maint_slot_get_start (maint_test_slot_of (plan, "a1")), ==, maint_test_at ("2026-03-05T22:00:00Z"));
}

/* ---- capacity ---------------------------------------------------------- */

static void
test_fleet_concurrency (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;

  maint_policy_set_max_concurrent (maint_fleet_get_policy (fleet), 2);
  add_group (fleet, "a", "UTC", "daily 22:00-23:00", 0);
  add_group (fleet, "b", "UTC", "daily 22:00-23:00", 0);
  add_machine (fleet, "m1", "a", NULL);
  add_machine (fleet, "m2", "a", NULL);
  add_machine (fleet, "m3", "b", NULL);
  add_activity (fleet, "x1", "m1", 600, MAINT_REBOOT_KIND_NONE);
  add_activity (fleet, "x2", "m2", 1200, MAINT_REBOOT_KIND_NONE);
  add_activity (fleet, "x3", "m3", 600, MAINT_REBOOT_KIND_NONE);
  plan = plan_fleet (fleet);
  assert_slot (plan, "x1", "2026-03-02T22:00:00Z", "2026-03-02T22:15:00Z");
  assert_slot (plan, "x2", "2026-03-02T22:00:00Z", "2026-03-02T22:25:00Z");
  /* The third starts when the first ends */
  assert_slot (plan, "x3", "2026-03-02T22:15:00Z", "2026-03-02T22:30:00Z");
}

static void
test_host_concurrency (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;

  maint_policy_set_max_concurrent_per_host (maint_fleet_get_policy (fleet), 1);
  add_group (fleet, "a", "UTC", "daily 22:00-23:00", 0);
  add_machine (fleet, "m1", "a", "kvm1");
  add_machine (fleet, "m2", "a", "kvm1");
  add_machine (fleet, "m3", "a", "kvm2");
  add_activity (fleet, "x1", "m1", 600, MAINT_REBOOT_KIND_NONE);
  add_activity (fleet, "x2", "m2", 600, MAINT_REBOOT_KIND_NONE);
  add_activity (fleet, "x3", "m3", 600, MAINT_REBOOT_KIND_NONE);
  plan = plan_fleet (fleet);
  assert_slot (plan, "x1", "2026-03-02T22:00:00Z", "2026-03-02T22:15:00Z");
  assert_slot (plan, "x2", "2026-03-02T22:15:00Z", "2026-03-02T22:30:00Z");
  assert_slot (plan, "x3", "2026-03-02T22:00:00Z", "2026-03-02T22:15:00Z");
}

static void
test_group_concurrency (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;
  MaintResourceGroup *a = add_group (fleet, "a", "UTC", "daily 22:00-22:30", 0);

  maint_resource_group_set_max_concurrent (a, 1);
  add_group (fleet, "b", "UTC", "daily 22:00-22:30", 0);
  add_machine (fleet, "m1", "a", NULL);
  add_machine (fleet, "m2", "a", NULL);
  add_machine (fleet, "m3", "b", NULL);
  add_machine (fleet, "m4", "b", NULL);
  add_activity (fleet, "x1", "m1", 1200, MAINT_REBOOT_KIND_NONE);
  add_activity (fleet, "x2", "m2", 1200, MAINT_REBOOT_KIND_NONE);
  add_activity (fleet, "x3", "m3", 1200, MAINT_REBOOT_KIND_NONE);
  add_activity (fleet, "x4", "m4", 1200, MAINT_REBOOT_KIND_NONE);
  plan = plan_fleet (fleet);
  assert_slot (plan, "x1", "2026-03-02T22:00:00Z", "2026-03-02T22:25:00Z");
  /* 25 min slots: the second of group a must wait for the next night */
  assert_slot (plan, "x2", "2026-03-03T22:00:00Z", "2026-03-03T22:25:00Z");
  assert_slot (plan, "x3", "2026-03-02T22:00:00Z", "2026-03-02T22:25:00Z");
  assert_slot (plan, "x4", "2026-03-02T22:00:00Z", "2026-03-02T22:25:00Z");
}

static void
test_service_unavailable (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;
  const char * const members[] = { "db1", "db2", "db3", NULL };

  add_group (fleet, "a", "UTC", "daily 22:00-23:00", 0);
  add_machine (fleet, "db1", "a", NULL);
  add_machine (fleet, "db2", "a", NULL);
  add_machine (fleet, "db3", "a", NULL);
  add_service (fleet, "db", members, 2, 0, NULL);
  add_activity (fleet, "x1", "db1", 600, MAINT_REBOOT_KIND_NONE);
  add_activity (fleet, "x2", "db2", 600, MAINT_REBOOT_KIND_NONE);
  add_activity (fleet, "x3", "db3", 600, MAINT_REBOOT_KIND_NONE);
  plan = plan_fleet (fleet);
  assert_slot (plan, "x1", "2026-03-02T22:00:00Z", "2026-03-02T22:15:00Z");
  assert_slot (plan, "x2", "2026-03-02T22:00:00Z", "2026-03-02T22:15:00Z");
  assert_slot (plan, "x3", "2026-03-02T22:15:00Z", "2026-03-02T22:30:00Z");
}

static void
test_service_spacing (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;
  const char * const members[] = { "db1", "db2", NULL };

  add_group (fleet, "a", "UTC", "daily 22:00-23:00", 0);
  add_machine (fleet, "db1", "a", NULL);
  add_machine (fleet, "db2", "a", NULL);
  add_service (fleet, "db", members, 1, 30 * 60, NULL);
  add_activity (fleet, "x1", "db1", 600, MAINT_REBOOT_KIND_NONE);
  add_activity (fleet, "x2", "db2", 600, MAINT_REBOOT_KIND_NONE);
  plan = plan_fleet (fleet);
  assert_slot (plan, "x1", "2026-03-02T22:00:00Z", "2026-03-02T22:15:00Z");
  /* 22:15 + 30 min spacing */
  assert_slot (plan, "x2", "2026-03-02T22:45:00Z", "2026-03-02T23:00:00Z");
}

static void
test_service_order (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;
  const char * const members[] = { "db1", "db2", NULL };
  const char * const order[] = { "db2", "db1", NULL };
  MaintActivity *a;

  add_group (fleet, "a", "UTC", "daily 22:00-23:00", 0);
  add_machine (fleet, "db1", "a", NULL);
  add_machine (fleet, "db2", "a", NULL);
  add_service (fleet, "db", members, 2, 0, order);
  /* The active one is more urgent, but the passive one goes first */
  a = add_activity (fleet, "x1", "db1", 600, MAINT_REBOOT_KIND_NONE);
  maint_activity_set_priority (a, MAINT_PRIORITY_URGENT);
  add_activity (fleet, "x2", "db2", 600, MAINT_REBOOT_KIND_NONE);
  plan = plan_fleet (fleet);
  assert_slot (plan, "x2", "2026-03-02T22:00:00Z", "2026-03-02T22:15:00Z");
  assert_slot (plan, "x1", "2026-03-02T22:15:00Z", "2026-03-02T22:30:00Z");
}

static void
test_service_host_reboot (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;
  const char * const members[] = { "db1", "db2", NULL };

  /* kvm1's reboot takes db1 down: db2 may not be down at the same time */
  add_group (fleet, "a", "UTC", "daily 22:00-23:00", 0);
  add_machine (fleet, "db1", "a", "kvm1");
  add_machine (fleet, "db2", "a", "kvm2");
  add_service (fleet, "db", members, 1, 0, NULL);
  add_activity (fleet, "h1", "kvm1", 600, MAINT_REBOOT_KIND_WARM);
  add_activity (fleet, "x2", "db2", 600, MAINT_REBOOT_KIND_NONE);
  plan = plan_fleet (fleet);
  /* Equally early either way; the name breaks the tie (db2 < kvm1) */
  assert_slot (plan, "x2", "2026-03-02T22:00:00Z", "2026-03-02T22:15:00Z");
  assert_slot (plan, "h1", "2026-03-02T22:15:00Z", "2026-03-02T22:30:00Z");
}

/* ---- coalescing, deadlines, stability ---------------------------------- */

static void
test_coalesce (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;
  MaintSlot *slot;
  const char * const *ids;
  MaintRebootCount *count;

  add_group (fleet, "a", "UTC", "daily 22:00-23:00", 0);
  add_machine (fleet, "db1", "a", NULL);
  add_activity (fleet, "x1", "db1", 600, MAINT_REBOOT_KIND_WARM);
  add_activity (fleet, "x2", "db1", 900, MAINT_REBOOT_KIND_COLD);
  add_activity (fleet, "x3", "db1", 300, MAINT_REBOOT_KIND_NONE);
  plan = plan_fleet (fleet);
  slot = maint_test_slot_of (plan, "x1");
  g_assert_true (slot == maint_test_slot_of (plan, "x2"));
  g_assert_true (slot == maint_test_slot_of (plan, "x3"));
  g_assert_cmpint (maint_slot_get_reboot (slot), ==, MAINT_REBOOT_KIND_COLD);
  g_assert_cmpint (maint_slot_get_end (slot) - maint_slot_get_start (slot), ==, 600 + 900 + 300 + 300);
  ids = maint_slot_get_activities (slot);
  g_assert_cmpstr (ids[0], ==, "x1");
  g_assert_cmpstr (ids[1], ==, "x2");
  g_assert_cmpstr (ids[2], ==, "x3");
  g_assert_null (ids[3]);
  g_assert_cmpuint (maint_plan_get_reboot_counts (plan)->len, ==, 1);
  count = g_ptr_array_index (maint_plan_get_reboot_counts (plan), 0);
  g_assert_cmpuint (maint_reboot_count_get_own (count), ==, 1);
  g_assert_cmpuint (maint_reboot_count_get_saved (count), ==, 1);
  g_assert_cmpuint (maint_reboot_count_get_total (count), ==, 1);
}

static void
test_coalesce_split (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;

  /* Together 85 min, the window is one hour: two slots */
  add_group (fleet, "a", "UTC", "daily 22:00-23:00", 0);
  add_machine (fleet, "db1", "a", NULL);
  add_activity (fleet, "x1", "db1", 2400, MAINT_REBOOT_KIND_WARM);
  add_activity (fleet, "x2", "db1", 2400, MAINT_REBOOT_KIND_WARM);
  plan = plan_fleet (fleet);
  g_assert_true (maint_test_slot_of (plan, "x1") != maint_test_slot_of (plan, "x2"));
  assert_slot (plan, "x1", "2026-03-02T22:00:00Z", "2026-03-02T22:45:00Z");
  assert_slot (plan, "x2", "2026-03-03T22:00:00Z", "2026-03-03T22:45:00Z");
}

/* One machine with more activities than a slot holds, and more than
 * the solver sorts in place (16): each night takes one, most important
 * first (priority, then deadline, then id) */
static void
test_coalesce_many (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;
  const char *expected[20];
  MaintActivity *x;
  guint n = 0;

  add_group (fleet, "a", "UTC", "daily 22:00-23:00", 0);
  add_machine (fleet, "db1", "a", NULL);
  /* Added in reverse, so that the fleet's order is not the answer */
  for (int i = 19; i >= 0; i--)
    {
      g_autofree char *id = g_strdup_printf ("x%02d", i);

      x = add_activity (fleet, id, "db1", 2400, MAINT_REBOOT_KIND_WARM);
      if (i == 7)
        maint_activity_set_priority (x, MAINT_PRIORITY_EMERGENCY);
      if (i == 13)
        maint_activity_set_priority (x, MAINT_PRIORITY_URGENT);
      if (i == 17)
        maint_activity_set_deadline (x, maint_test_at ("2026-03-05T00:00:00Z"));
      if (i == 11)
        maint_activity_set_deadline (x, maint_test_at ("2026-03-07T00:00:00Z"));
    }
  expected[n++] = "x07";
  expected[n++] = "x13";
  expected[n++] = "x17";
  expected[n++] = "x11";
  for (guint i = 0; i < 20; i++)
    if (i != 7 && i != 13 && i != 17 && i != 11)
      {
        char id[8];

        g_snprintf (id, sizeof id, "x%02u", i);
        expected[n++] = g_intern_string (id);
      }
  g_assert_cmpuint (n, ==, 20);

  plan = plan_fleet (fleet);
  for (guint night = 0; night < n; night++)
    {
      MaintSlot *slot = maint_test_slot_of (plan, expected[night]);

      g_assert_cmpint (maint_slot_get_start (slot), ==,
                       maint_test_at ("2026-03-02T22:00:00Z") + (gint64) night * 86400);
      g_assert_cmpint (maint_slot_get_end (slot) - maint_slot_get_start (slot), ==, 45 * 60);
    }
}

static void
test_coalesce_emergency_deadline (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;
  MaintActivity *e;

  /* Together they need the group's 3 days of notice, which would make the
   * emergency late: it goes alone tonight */
  add_group (fleet, "a", "UTC", "daily 22:00-23:00", 3 * 86400);
  add_machine (fleet, "db1", "a", NULL);
  e = add_activity (fleet, "e1", "db1", 600, MAINT_REBOOT_KIND_WARM);
  maint_activity_set_priority (e, MAINT_PRIORITY_EMERGENCY);
  maint_activity_set_deadline (e, maint_test_at ("2026-03-03T00:00:00Z"));
  add_activity (fleet, "x1", "db1", 600, MAINT_REBOOT_KIND_WARM);
  plan = plan_fleet (fleet);
  assert_slot (plan, "e1", "2026-03-02T22:00:00Z", "2026-03-02T22:15:00Z");
  assert_slot (plan, "x1", "2026-03-05T22:00:00Z", "2026-03-05T22:15:00Z");
}

static void
test_deadline_edf (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;
  MaintActivity *x;

  maint_policy_set_max_concurrent (maint_fleet_get_policy (fleet), 1);
  add_group (fleet, "a", "UTC", "daily 22:00-22:30", 0);
  add_machine (fleet, "m1", "a", NULL);
  add_machine (fleet, "m2", "a", NULL);
  add_machine (fleet, "m3", "a", NULL);
  add_activity (fleet, "x1", "m1", 1200, MAINT_REBOOT_KIND_NONE);
  x = add_activity (fleet, "x2", "m2", 1200, MAINT_REBOOT_KIND_NONE);
  maint_activity_set_deadline (x, maint_test_at ("2026-03-05T00:00:00Z"));
  x = add_activity (fleet, "x3", "m3", 1200, MAINT_REBOOT_KIND_NONE);
  maint_activity_set_deadline (x, maint_test_at ("2026-03-04T00:00:00Z"));
  plan = plan_fleet (fleet);
  assert_slot (plan, "x3", "2026-03-02T22:00:00Z", "2026-03-02T22:25:00Z");
  assert_slot (plan, "x2", "2026-03-03T22:00:00Z", "2026-03-03T22:25:00Z");
  assert_slot (plan, "x1", "2026-03-04T22:00:00Z", "2026-03-04T22:25:00Z");
}

static void
test_stability (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintScheduler) scheduler = NULL;
  g_autoptr(MaintPlan) previous = maint_plan_new (maint_test_at ("2026-03-01T09:00:00Z"));
  g_autoptr(MaintPlan) plan = NULL;
  g_autoptr(MaintSlot) s1 = maint_slot_new ("m1", maint_test_at ("2026-03-03T22:00:00Z"),
                                            maint_test_at ("2026-03-03T22:15:00Z"));
  g_autoptr(MaintSlot) s2 = maint_slot_new ("m2", maint_test_at ("2026-03-02T22:00:00Z"),
                                            maint_test_at ("2026-03-02T22:15:00Z"));
  const char * const a1[] = { "x1", NULL }, * const a2[] = { "x2", NULL };
  g_autoptr(GError) error = NULL;

  maint_policy_set_max_concurrent (maint_fleet_get_policy (fleet), 1);
  add_group (fleet, "a", "UTC", "daily 22:00-22:15", 0);
  add_machine (fleet, "m1", "a", NULL);
  add_machine (fleet, "m2", "a", NULL);
  add_activity (fleet, "x1", "m1", 600, MAINT_REBOOT_KIND_NONE);
  add_activity (fleet, "x2", "m2", 600, MAINT_REBOOT_KIND_NONE);

  /* Without a previous plan, the name decides */
  plan = plan_fleet (fleet);
  assert_slot (plan, "x1", "2026-03-02T22:00:00Z", "2026-03-02T22:15:00Z");
  g_clear_object (&plan);

  /* The previous plan had m2 first: equally good, so it is kept */
  maint_slot_set_activities (s1, a1);
  maint_slot_set_activities (s2, a2);
  maint_plan_add_slot (previous, s1);
  maint_plan_add_slot (previous, s2);
  scheduler = maint_scheduler_new (fleet);
  maint_scheduler_set_previous (scheduler, previous);
  plan = maint_scheduler_run (scheduler, NULL, &error);
  g_assert_no_error (error);
  assert_verified (fleet, plan);
  assert_slot (plan, "x2", "2026-03-02T22:00:00Z", "2026-03-02T22:15:00Z");
  assert_slot (plan, "x1", "2026-03-03T22:00:00Z", "2026-03-03T22:15:00Z");
}

/* ---- reason codes ------------------------------------------------------ */

static void
test_reasons (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintPlan) plan = NULL;
  MaintActivity *a;
  g_autoptr(MaintInterval) busy1 = maint_interval_new (maint_test_at ("2026-03-02T02:00:00Z"),
                                                       maint_test_at ("2026-03-04T03:00:00Z"));
  g_autoptr(MaintInterval) early = maint_interval_new (maint_test_at ("2026-03-02T12:00:00Z"),
                                                       maint_test_at ("2026-03-02T12:30:00Z"));
  const char * const members[] = { "s1", "s2", NULL };
  const char * const order[] = { "s2", "s1", NULL };
  g_autoptr(MaintInterval) slow_blackout = maint_interval_new (maint_test_at ("2026-03-03T00:00:00Z"),
                                                               maint_test_at ("2026-03-05T00:00:00Z"));
  MaintResourceGroup *full;
  MaintResourceGroup *slow;

  maint_policy_set_horizon (maint_fleet_get_policy (fleet), 2 * 86400);

  /* no-window: a group without windows */
  add_group (fleet, "none", "UTC", NULL, 0);
  add_machine (fleet, "n1", "none", NULL);
  add_activity (fleet, "no-window", "n1", 600, MAINT_REBOOT_KIND_NONE);

  /* notice: windows exist in the horizon, but a blackout takes every
   * one that opens after the day of notice (a notice longer than the
   * horizon itself is refused by validation) */
  slow = add_group (fleet, "slow", "Europe/Berlin", "daily 22:00-05:00", 86400);
  maint_resource_group_add_blackout (slow, slow_blackout);
  add_machine (fleet, "w1", "slow", NULL);
  add_activity (fleet, "notice", "w1", 600, MAINT_REBOOT_KIND_NONE);

  /* not-before after the last window */
  add_group (fleet, "plain", "UTC", "daily 22:00-23:00", 0);
  add_machine (fleet, "p1", "plain", NULL);
  a = add_activity (fleet, "not-before", "p1", 600, MAINT_REBOOT_KIND_NONE);
  maint_activity_set_not_before (a, maint_test_at ("2026-03-03T23:30:00Z"));

  /* too-long: three hours of work, one hour windows */
  add_machine (fleet, "p2", "plain", NULL);
  add_activity (fleet, "too-long", "p2", 3 * 3600, MAINT_REBOOT_KIND_NONE);

  /* capacity: the group allows one machine down and a pinned slot holds
   * both windows */
  full = add_group (fleet, "full", "UTC", "daily 02:00-03:00", 0);
  maint_resource_group_set_max_concurrent (full, 1);
  add_machine (fleet, "f1", "full", NULL);
  add_machine (fleet, "f2", "full", NULL);
  a = add_activity (fleet, "pinned", "f1", 600, MAINT_REBOOT_KIND_NONE);
  maint_activity_set_scheduled (a, busy1);
  maint_activity_set_announced_at (a, maint_test_at ("2026-02-20T12:00:00Z"));
  add_activity (fleet, "capacity", "f2", 600, MAINT_REBOOT_KIND_NONE);

  /* service: s2 must go before s1, whose announced slot is today */
  add_machine (fleet, "s1", "plain", NULL);
  add_machine (fleet, "s2", "plain", NULL);
  add_service (fleet, "pair", members, 1, 0, order);
  a = add_activity (fleet, "s1-pinned", "s1", 600, MAINT_REBOOT_KIND_NONE);
  maint_activity_set_scheduled (a, early);
  maint_activity_set_announced_at (a, maint_test_at ("2026-02-20T12:00:00Z"));
  add_activity (fleet, "service", "s2", 600, MAINT_REBOOT_KIND_NONE);

  plan = plan_fleet (fleet);
  assert_reason (plan, "no-window", MAINT_UNSCHEDULED_NO_WINDOW);
  assert_reason (plan, "notice", MAINT_UNSCHEDULED_NOTICE);
  assert_reason (plan, "not-before", MAINT_UNSCHEDULED_NOT_BEFORE);
  assert_reason (plan, "too-long", MAINT_UNSCHEDULED_TOO_LONG);
  assert_reason (plan, "capacity", MAINT_UNSCHEDULED_CAPACITY);
  assert_reason (plan, "service", MAINT_UNSCHEDULED_SERVICE);
  g_assert_nonnull (strstr (maint_unscheduled_get_detail (unscheduled_of (plan, "notice")),
                            "leaves 1 day notice"));
  g_assert_nonnull (strstr (maint_unscheduled_get_detail (unscheduled_of (plan, "notice")),
                            "daily 22:00-05:00, Europe/Berlin"));
  g_assert_nonnull (strstr (maint_unscheduled_get_detail (unscheduled_of (plan, "capacity")),
                            "group “full”"));
}

/* ---- API behaviour ----------------------------------------------------- */

static void
test_no_now (void)
{
  g_autoptr(MaintFleet) fleet = maint_fleet_new ();
  g_autoptr(MaintScheduler) scheduler = maint_scheduler_new (fleet);
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintPlan) plan = maint_scheduler_run (scheduler, NULL, &error);

  g_assert_error (error, MAINT_SCHEDULER_ERROR, MAINT_SCHEDULER_ERROR_INVALID_FAILED);
  g_assert_null (plan);
}

static void
test_now_override (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintScheduler) scheduler = maint_scheduler_new (fleet);
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintPlan) plan = NULL;

  add_group (fleet, "a", "UTC", "daily 22:00-23:00", 0);
  add_machine (fleet, "m1", "a", NULL);
  add_activity (fleet, "x1", "m1", 600, MAINT_REBOOT_KIND_NONE);
  maint_scheduler_set_now (scheduler, maint_test_at ("2026-03-10T23:00:00Z"));
  plan = maint_scheduler_run (scheduler, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (maint_plan_get_now (plan), ==, maint_test_at ("2026-03-10T23:00:00Z"));
  g_assert_cmpint (maint_slot_get_start (maint_test_slot_of (plan, "x1")), ==, maint_test_at ("2026-03-11T22:00:00Z"));
}

static void
test_cancelled (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintScheduler) scheduler = maint_scheduler_new (fleet);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintPlan) plan = NULL;

  add_group (fleet, "a", "UTC", "daily 22:00-23:00", 0);
  add_machine (fleet, "m1", "a", NULL);
  add_activity (fleet, "x1", "m1", 600, MAINT_REBOOT_KIND_NONE);
  g_cancellable_cancel (cancellable);
  plan = maint_scheduler_run (scheduler, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (plan);
}

static void
test_explain (void)
{
  g_autoptr(MaintFleet) fleet = new_fleet ("2026-03-02T09:00:00Z");
  g_autoptr(MaintScheduler) scheduler = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *none = NULL;
  MaintResourceGroup *g;

  maint_policy_set_max_concurrent (maint_fleet_get_policy (fleet), 1);
  g = add_group (fleet, "acme", "Europe/Berlin", "daily 22:00-23:00", 86400);
  add_group (fleet, "other", "Europe/Berlin", "daily 22:00-23:00", 86400);
  maint_resource_group_set_max_concurrent (g, 1);
  add_machine (fleet, "db1", "acme", NULL);
  add_machine (fleet, "db2", "acme", NULL);
  add_machine (fleet, "web1", "other", NULL);
  add_activity (fleet, "x1", "db1", 3000, MAINT_REBOOT_KIND_WARM);
  add_activity (fleet, "x2", "db2", 3000, MAINT_REBOOT_KIND_WARM);
  add_activity (fleet, "x3", "web1", 3000, MAINT_REBOOT_KIND_WARM);
  scheduler = maint_scheduler_new (fleet);
  text = maint_scheduler_explain (scheduler, "web1", &error);
  g_assert_no_error (error);
  /* db1 on the 3rd, db2 on the 4th, web1 on the 5th */
  g_assert_nonnull (strstr (text, "web1: group “other”"));
  g_assert_nonnull (strstr (text, "2026-03-05 23:00 CET"));
  g_assert_nonnull (strstr (text, "before the 1 day notice runs out"));
  g_assert_nonnull (strstr (text, "fleet concurrency: 1 machines already down (at most 1)"));
  g_assert_nonnull (strstr (text, "chosen"));

  none = maint_scheduler_explain (scheduler, "nope", &error);
  g_assert_error (error, MAINT_SCHEDULER_ERROR, MAINT_SCHEDULER_ERROR_UNKNOWN_FAILED);
  g_assert_null (none);
}

/* ---- determinism and property tests ------------------------------------ */

/* A generated fleet of @n_vms VMs, planned twice: both plans verified
 * and the same bytes. Returns the first. */
static MaintPlan *
plan_twice (guint   n_vms,
            guint32 seed)
{
  MaintFleetGenParams params;
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintPlan) p1 = NULL;
  g_autoptr(MaintPlan) p2 = NULL;
  g_autofree char *d1 = NULL;
  g_autofree char *d2 = NULL;

  maint_fleet_gen_params_for_size (&params, n_vms, seed);
  fleet = maint_fleet_gen (&params);
  p1 = plan_fleet (fleet);
  p2 = plan_fleet (fleet);
  d1 = maint_plan_to_data (p1, NULL);
  d2 = maint_plan_to_data (p2, NULL);
  g_assert_cmpstr (d1, ==, d2);
  return g_steal_pointer (&p1);
}

static void
test_deterministic (void)
{
  g_autoptr(MaintPlan) plan = plan_twice (2000, 7);

  g_assert_cmpuint (maint_plan_get_n_scheduled (plan), >, 1000);
}

/* 20,000 VMs: the solver's activity and machine arrays are 1 MiB or
 * more, so they are mappings of their own (maint-bigmem.c) outside ASan. */
static void
test_large (void)
{
  g_autoptr(MaintPlan) plan = plan_twice (20000, 3);

  g_assert_cmpuint (maint_plan_get_n_scheduled (plan), >, 15000);
}

/* Brute force, independent of the solver's search: can @act alone start
 * anywhere (60 s steps) without breaking a constraint against the plan? */
typedef struct
{
  const char *machine;
  const char *group;
  const char *host;
  gint64      start;
  gint64      end;
} FlatSlot;

static gboolean
overlaps (gint64 a0, gint64 a1, gint64 b0, gint64 b1)
{
  return a0 < b1 && b0 < a1;
}

/* Highest number of @slots (filtered by @keep) down at one instant of [s, e) */
static guint
max_down (const FlatSlot *slots,
          guint           n,
          gint64          s,
          gint64          e,
          gboolean      (*keep) (const FlatSlot *, gconstpointer),
          gconstpointer   data)
{
  guint best = 0;

  /* The count only rises at s or at a slot's start */
  for (guint i = 0; i <= n; i++)
    {
      gint64 t = i == n ? s : slots[i].start;
      guint c = 0;

      if (t < s || t >= e)
        continue;
      for (guint j = 0; j < n; j++)
        if (slots[j].start <= t && t < slots[j].end && (keep == NULL || keep (&slots[j], data)))
          c++;
      best = MAX (best, c);
    }
  return best;
}

static gboolean
keep_host (const FlatSlot *slot, gconstpointer host)
{
  return g_strcmp0 (slot->host, host) == 0;
}

static gboolean
keep_group (const FlatSlot *slot, gconstpointer group)
{
  return g_strcmp0 (slot->group, group) == 0;
}

static gboolean
keep_members (const FlatSlot *slot, gconstpointer members)
{
  return g_strv_contains (members, slot->machine);
}

static gboolean
start_feasible (MaintFleet     *fleet,
                const FlatSlot *slots,
                guint           n,
                MaintMachine   *machine,
                gint64          s,
                gint64          e)
{
  MaintPolicy *policy = maint_fleet_get_policy (fleet);
  const char *name = maint_machine_get_name (machine);
  const char *host = maint_machine_get_host (machine);
  MaintResourceGroup *group = maint_fleet_lookup_group (fleet, maint_machine_get_group (machine));
  GPtrArray *services = maint_fleet_get_services (fleet);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (slots[i].machine, name) && overlaps (s, e, slots[i].start, slots[i].end))
      return FALSE;
  if (maint_policy_get_max_concurrent (policy) > 0 &&
      max_down (slots, n, s, e, NULL, NULL) >= maint_policy_get_max_concurrent (policy))
    return FALSE;
  if (maint_policy_get_max_concurrent_per_host (policy) > 0 && host != NULL &&
      max_down (slots, n, s, e, keep_host, host) >= maint_policy_get_max_concurrent_per_host (policy))
    return FALSE;
  if (maint_resource_group_get_max_concurrent (group) > 0 &&
      max_down (slots, n, s, e, keep_group, maint_machine_get_group (machine)) >=
      maint_resource_group_get_max_concurrent (group))
    return FALSE;

  for (guint k = 0; k < services->len; k++)
    {
      MaintService *service = g_ptr_array_index (services, k);
      const char * const *members = maint_service_get_members (service);
      const char * const *order = maint_service_get_order (service);
      gint64 spacing = maint_service_get_spacing (service);
      gint pos = -1;

      if (!g_strv_contains (members, name))
        continue;
      if (maint_service_get_max_unavailable (service) > 0 &&
          max_down (slots, n, s, e, keep_members, members) >= maint_service_get_max_unavailable (service))
        return FALSE;
      for (guint i = 0; i < n; i++)
        if (!g_str_equal (slots[i].machine, name) && g_strv_contains (members, slots[i].machine) &&
            overlaps (s - spacing, e + spacing, slots[i].start, slots[i].end) && spacing > 0)
          return FALSE;
      for (guint j = 0; order != NULL && order[j] != NULL; j++)
        if (g_str_equal (order[j], name))
          pos = j;
      for (guint j = 0; pos >= 0 && order[j] != NULL; j++)
        for (guint i = 0; i < n; i++)
          if ((gint) j != pos && g_str_equal (slots[i].machine, order[j]) &&
              ((gint) j < pos ? slots[i].end > s : slots[i].start < e))
            return FALSE;
    }
  return TRUE;
}

static void
check_unscheduled_really (MaintFleet *fleet,
                          MaintPlan  *plan)
{
  GPtrArray *plan_slots = maint_plan_get_slots (plan);
  GPtrArray *unscheduled = maint_plan_get_unscheduled (plan);
  MaintPolicy *policy = maint_fleet_get_policy (fleet);
  gint64 now = maint_fleet_get_now (fleet);
  g_autofree FlatSlot *slots = g_new0 (FlatSlot, plan_slots->len + 1);

  for (guint i = 0; i < plan_slots->len; i++)
    {
      MaintSlot *slot = g_ptr_array_index (plan_slots, i);
      MaintMachine *m = maint_fleet_lookup_machine (fleet, maint_slot_get_machine (slot));
      slots[i] = (FlatSlot) { maint_machine_get_name (m), maint_machine_get_group (m),
                              maint_machine_get_kind (m) == MAINT_MACHINE_KIND_VM ? maint_machine_get_host (m) : NULL,
                              maint_slot_get_start (slot), maint_slot_get_end (slot) };
    }

  for (guint u = 0; u < unscheduled->len; u++)
    {
      MaintUnscheduled *un = g_ptr_array_index (unscheduled, u);
      MaintActivity *a = maint_fleet_lookup_activity (fleet, maint_unscheduled_get_activity (un));
      MaintMachine *m = maint_fleet_lookup_machine (fleet, maint_activity_get_machine (a));
      MaintResourceGroup *g = maint_fleet_lookup_group (fleet, maint_machine_get_group (m));
      g_autoptr(MaintIntervalSet) avail = NULL;
      gint64 length = MAX (maint_policy_get_min_slot (policy),
                           maint_activity_get_estimate (a) + maint_policy_get_setup (policy));
      gint64 notice = maint_activity_get_priority (a) == MAINT_PRIORITY_EMERGENCY ?
                      maint_policy_get_emergency_notice (policy) : maint_resource_group_get_notice (g);
      gint64 lo = MAX (now + notice, maint_activity_get_not_before (a));

      if (maint_unscheduled_get_reason (un) == MAINT_UNSCHEDULED_AUTO_SCHEDULE_OFF)
        {
          g_assert_false (maint_machine_get_auto_schedule (m));
          continue;
        }
      avail = maint_resource_group_get_maintenance_intervals (g, now, now + maint_policy_get_horizon (policy), NULL);
      for (guint i = 0; i < maint_interval_set_get_n_intervals (avail); i++)
        {
          g_autoptr(MaintInterval) iv = maint_interval_set_get_interval (avail, i);
          gint64 b = maint_interval_get_end (iv);

          for (gint64 s = MAX (maint_interval_get_start (iv), lo); s + length <= b; s += 60)
            if (start_feasible (fleet, slots, plan_slots->len, m, s, s + length))
              {
                g_autofree char *when = maint_instant_format (s);
                g_error ("%s (%s) is unscheduled, but could start at %s",
                         maint_activity_get_id (a), maint_unscheduled_get_detail (un), when);
              }
        }
    }
}

/* The daily cycle on crowded fleets: plan, announce the slots due within
 * two days, queue more work on every machine with an announced slot, plan
 * again. The announced slots come back exactly; the new work joins them
 * where it fits (merges), which the repair and annealing rounds undo and
 * redo many times over; the plan verifies, nothing that was left out
 * could have been placed, and planning twice gives the same plan. */
static void
test_replan_announced (void)
{
  /* MAINT_TEST_REDUCED=1 (ASan): two fleets */
  guint32 last = g_strcmp0 (g_getenv ("MAINT_TEST_REDUCED"), "1") == 0 ? 2 : 5;
  guint n_merged = 0, n_pinned = 0;

  for (guint32 seed = 1; seed <= last; seed++)
    {
      MaintFleetGenParams params;
      g_autoptr(MaintFleet) fleet = NULL;
      g_autoptr(MaintPlan) plan = NULL, again = NULL, twice = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *json = NULL, *json_twice = NULL;
      g_autoptr(GHashTable) extra = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      GPtrArray *slots;
      guint announced;

      maint_fleet_gen_params_small (&params, seed);
      fleet = maint_fleet_gen (&params);
      /* Room in the slots for work to join them */
      maint_policy_set_min_slot (maint_fleet_get_policy (fleet), 3600);
      plan = plan_fleet (fleet);
      announced = maint_plan_announce (plan, fleet, maint_fleet_get_now (fleet) + 2 * 86400, &error);
      g_assert_no_error (error);
      n_pinned += announced;

      slots = maint_plan_get_slots (plan);
      for (guint i = 0; i < slots->len; i++)
        {
          MaintSlot *slot = g_ptr_array_index (slots, i);
          const char *machine = maint_slot_get_machine (slot);
          g_autofree char *id = NULL;

          if (maint_slot_get_announce_by (slot) > maint_fleet_get_now (fleet) + 2 * 86400 ||
              g_hash_table_contains (extra, machine))
            continue;
          id = g_strdup_printf ("extra-%s", machine);
          /* Every third one reboots: it may only join a rebooting slot's
           * machine when that is not a host with guests */
          add_activity (fleet, id, machine, 60, i % 3 == 0 ? MAINT_REBOOT_KIND_WARM : MAINT_REBOOT_KIND_NONE);
          g_hash_table_insert (extra, g_strdup (machine), g_steal_pointer (&id));
        }

      again = plan_fleet (fleet);
      check_unscheduled_really (fleet, again);
      for (guint i = 0; i < slots->len; i++)
        {
          MaintSlot *slot = g_ptr_array_index (slots, i);
          const char * const *acts = maint_slot_get_activities (slot);
          MaintSlot *now;

          if (maint_slot_get_announce_by (slot) > maint_fleet_get_now (fleet) + 2 * 86400)
            continue;
          now = maint_test_slot_of (again, acts[0]);
          g_assert_nonnull (now);
          g_assert_cmpstr (maint_slot_get_machine (now), ==, maint_slot_get_machine (slot));
          g_assert_cmpint (maint_slot_get_start (now), ==, maint_slot_get_start (slot));
          g_assert_cmpint (maint_slot_get_end (now), ==, maint_slot_get_end (slot));
          for (guint j = 0; acts[j] != NULL; j++)
            g_assert_true (maint_test_slot_of (again, acts[j]) == now);
          if (g_strv_length ((char **) maint_slot_get_activities (now)) > g_strv_length ((char **) acts))
            n_merged++;
        }

      twice = plan_fleet (fleet);
      json = maint_plan_to_data (again, NULL);
      json_twice = maint_plan_to_data (twice, NULL);
      g_assert_cmpstr (json, ==, json_twice);
    }
  g_test_message ("%u activities announced, %u announced slots took new work", n_pinned, n_merged);
  g_assert_cmpuint (n_pinned, >, 20 * last);
  g_assert_cmpuint (n_merged, >, 5 * last);
}

/* A small crowded fleet whose strict annealing walk accepts none of its
 * moves, so the second walk runs: cheap enough for valgrind, which skips
 * the slower fleets that get there (scripts/test-reliability.sh). Its
 * plan holds, nothing unscheduled had room, and planning again gives the
 * same bytes. */
static void
test_second_walk (void)
{
  MaintFleetGenParams params;
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintPlan) plan = NULL, again = NULL;
  g_autofree char *json = NULL, *json_again = NULL;
  guint before = maint_solver_get_n_second_walks ();

  maint_fleet_gen_params_small (&params, 14);
  fleet = maint_fleet_gen (&params);
  plan = plan_fleet (fleet);
  g_assert_cmpuint (maint_solver_get_n_second_walks (), ==, before + 1);
  check_unscheduled_really (fleet, plan);
  again = plan_fleet (fleet);
  json = maint_plan_to_data (plan, NULL);
  json_again = maint_plan_to_data (again, NULL);
  g_assert_cmpstr (json, ==, json_again);
}

/* Seeds [first, last] of the 200: two test cases, so that meson can run
 * them side by side (tests/meson.build) */
typedef struct
{
  guint32 first;
  guint32 last;
} SeedRange;

static void
test_random_fleets (gconstpointer data)
{
  const SeedRange *range = data;
  guint n_unscheduled = 0, n_scheduled = 0;
  guint reasons[MAINT_UNSCHEDULED_ROLLOUT + 1] = { 0, };

  for (guint32 seed = range->first; seed <= range->last; seed++)
    {
      MaintFleetGenParams params;
      g_autoptr(MaintFleet) fleet = NULL;
      g_autoptr(MaintPlan) plan = NULL;
      GPtrArray *unscheduled;

      maint_fleet_gen_params_small (&params, seed);
      fleet = maint_fleet_gen (&params);
      plan = plan_fleet (fleet);
      check_unscheduled_really (fleet, plan);
      unscheduled = maint_plan_get_unscheduled (plan);
      for (guint i = 0; i < unscheduled->len; i++)
        reasons[maint_unscheduled_get_reason (g_ptr_array_index (unscheduled, i))]++;
      n_unscheduled += unscheduled->len;
      n_scheduled += maint_plan_get_n_scheduled (plan);
    }
  g_test_message ("%u fleets: %u scheduled, %u unscheduled (capacity %u, service %u, too-long %u)",
                  range->last - range->first + 1, n_scheduled, n_unscheduled, reasons[MAINT_UNSCHEDULED_CAPACITY],
                  reasons[MAINT_UNSCHEDULED_SERVICE], reasons[MAINT_UNSCHEDULED_TOO_LONG]);
  /* The fleets are crowded enough to exercise the limits */
  g_assert_cmpuint (n_scheduled, >, 500);
  g_assert_cmpuint (reasons[MAINT_UNSCHEDULED_CAPACITY] + reasons[MAINT_UNSCHEDULED_SERVICE], >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scheduler/window/earliest", test_window_earliest);
  g_test_add_func ("/scheduler/window/midnight", test_window_midnight);
  g_test_add_func ("/scheduler/window/dst", test_window_dst);
  g_test_add_func ("/scheduler/window/blackout", test_blackout);
  g_test_add_func ("/scheduler/window/horizon", test_horizon);
  g_test_add_func ("/scheduler/notice", test_notice);
  g_test_add_func ("/scheduler/not-before", test_not_before);
  g_test_add_func ("/scheduler/auto-schedule-off", test_auto_schedule_off);
  g_test_add_func ("/scheduler/pinned/kept", test_pinned);
  g_test_add_func ("/scheduler/pinned/merge", test_pinned_merge);
  g_test_add_func ("/scheduler/pinned/replan-announced", test_replan_announced);
  g_test_add_func ("/scheduler/capacity/fleet", test_fleet_concurrency);
  g_test_add_func ("/scheduler/capacity/host", test_host_concurrency);
  g_test_add_func ("/scheduler/capacity/group", test_group_concurrency);
  g_test_add_func ("/scheduler/service/unavailable", test_service_unavailable);
  g_test_add_func ("/scheduler/service/spacing", test_service_spacing);
  g_test_add_func ("/scheduler/service/order", test_service_order);
  g_test_add_func ("/scheduler/service/host-reboot", test_service_host_reboot);
  g_test_add_func ("/scheduler/coalesce/one-slot", test_coalesce);
  g_test_add_func ("/scheduler/coalesce/split", test_coalesce_split);
  g_test_add_func ("/scheduler/coalesce/many", test_coalesce_many);
  g_test_add_func ("/scheduler/coalesce/emergency-deadline", test_coalesce_emergency_deadline);
  g_test_add_func ("/scheduler/deadline/edf", test_deadline_edf);
  g_test_add_func ("/scheduler/stability", test_stability);
  g_test_add_func ("/scheduler/reasons", test_reasons);
  g_test_add_func ("/scheduler/api/no-now", test_no_now);
  g_test_add_func ("/scheduler/api/now-override", test_now_override);
  g_test_add_func ("/scheduler/api/cancelled", test_cancelled);
  g_test_add_func ("/scheduler/explain", test_explain);
  g_test_add_func ("/scheduler/anneal/second-walk", test_second_walk);
  g_test_add_func ("/scheduler/deterministic", test_deterministic);
  g_test_add_func ("/scheduler/large", test_large);
  {
    static const SeedRange halves[] = { { 1, 100 }, { 101, 200 } };

    for (guint i = 0; i < G_N_ELEMENTS (halves); i++)
      {
        g_autofree char *path = g_strdup_printf ("/scheduler/random-fleets/%u-%u",
                                                 halves[i].first, halves[i].last);
        g_test_add_data_func (path, &halves[i], test_random_fleets);
      }
  }

  return g_test_run ();
}
