/* test-verifier.c: the plan verifier, one hard constraint at a time
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every test builds a small fleet and a plan by hand, breaks exactly one
 * constraint and expects exactly that violation (constraint, machines,
 * activities, instants); then it fixes the plan and expects none.
 */
#include "config.h"

#include <string.h>

#include <libmaint/libmaint.h>

#include "maint-test-util.h"

/* Monday 2 March 2026, 21:30 UTC */
#define NOW "2026-03-02T21:30:00Z"

static MaintActivity *
add_activity (MaintFleet *fleet,
              const char *id,
              const char *machine,
              gint64      estimate)
{
  g_autoptr(MaintActivity) activity =
    maint_activity_new (id, machine, MAINT_ACTIVITY_KIND_KERNEL_UPDATE);
  g_autoptr(GError) error = NULL;

  maint_activity_set_estimate (activity, estimate);
  maint_activity_set_reboot (activity, MAINT_REBOOT_KIND_WARM);
  g_assert_true (maint_fleet_add_activity (fleet, activity, &error));
  g_assert_no_error (error);
  return activity;
}

static MaintService *
add_service (MaintFleet         *fleet,
             const char         *name,
             const char * const *members)
{
  g_autoptr(MaintService) service = maint_service_new (name);
  g_autoptr(GError) error = NULL;

  maint_service_set_members (service, members);
  g_assert_true (maint_fleet_add_service (fleet, service, &error));
  g_assert_no_error (error);
  return service;
}

/* The test fleet: group acme (UTC, daily 22:00-02:00, a day's notice);
 * host h1 with guests vm1, vm2, vm3; host h2 with guest vm4; one
 * ten-minute activity a1..a4 per guest. With the default setup (5 min)
 * and minimum slot (15 min) every slot of one activity lasts 15 min. */
static MaintFleet *
make_fleet (void)
{
  MaintFleet *fleet = maint_fleet_new ();
  MaintPolicy *policy = maint_fleet_get_policy (fleet);

  maint_fleet_set_now (fleet, maint_test_at (NOW));
  maint_policy_set_horizon (policy, 28 * 86400);
  maint_policy_set_setup (policy, 300);
  maint_policy_set_min_slot (policy, 900);
  maint_policy_set_emergency_notice (policy, 3600);
  maint_policy_set_max_concurrent (policy, 0);
  maint_policy_set_max_concurrent_per_host (policy, 0);

  maint_test_add_group (fleet, "acme", "UTC", "daily 22:00-02:00", 86400);
  maint_test_add_machine (fleet, "h1", "acme", MAINT_MACHINE_KIND_HOST, NULL);
  maint_test_add_machine (fleet, "h2", "acme", MAINT_MACHINE_KIND_HOST, NULL);
  maint_test_add_machine (fleet, "vm1", "acme", MAINT_MACHINE_KIND_VM, "h1");
  maint_test_add_machine (fleet, "vm2", "acme", MAINT_MACHINE_KIND_VM, "h1");
  maint_test_add_machine (fleet, "vm3", "acme", MAINT_MACHINE_KIND_VM, "h1");
  maint_test_add_machine (fleet, "vm4", "acme", MAINT_MACHINE_KIND_VM, "h2");
  add_activity (fleet, "a1", "vm1", 600);
  add_activity (fleet, "a2", "vm2", 600);
  add_activity (fleet, "a3", "vm3", 600);
  add_activity (fleet, "a4", "vm4", 600);
  return fleet;
}

static MaintPlan *
make_plan (void)
{
  return maint_plan_new (maint_test_at (NOW));
}

/* Adds a slot; activity ids follow, NULL-terminated. */
static MaintSlot *
add_slot (MaintFleet *fleet,
          MaintPlan  *plan,
          const char *machine,
          const char *start,
          const char *end,
          ...) G_GNUC_NULL_TERMINATED;

static MaintSlot *
add_slot (MaintFleet *fleet,
          MaintPlan  *plan,
          const char *machine,
          const char *start,
          const char *end,
          ...)
{
  g_autoptr(MaintSlot) slot = maint_slot_new (machine, maint_test_at (start), maint_test_at (end));
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  MaintMachine *m = maint_fleet_lookup_machine (fleet, machine);
  const char *id;
  va_list args;

  va_start (args, end);
  while ((id = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (ids, (gpointer) id);
  va_end (args);
  g_ptr_array_add (ids, NULL);

  maint_slot_set_activities (slot, (const char * const *) ids->pdata);
  if (m != NULL)
    maint_slot_set_group (slot, maint_machine_get_group (m));
  maint_plan_add_slot (plan, slot);
  return slot;
}

static void
add_unscheduled (MaintPlan  *plan,
                 const char *activity,
                 const char *machine)
{
  g_autoptr(MaintUnscheduled) u =
    maint_unscheduled_new (activity, machine, MAINT_UNSCHEDULED_CAPACITY, "no room");

  maint_plan_add_unscheduled (plan, u);
}

/* Downtime of every guest of @host from @start to @end, as a host reboot
 * gives them. */
static void
add_host_downtime (MaintFleet *fleet,
                   MaintPlan  *plan,
                   const char *host,
                   const char *start,
                   const char *end)
{
  GPtrArray *machines = maint_fleet_get_machines (fleet);

  for (guint i = 0; i < machines->len; i++)
    {
      MaintMachine *m = g_ptr_array_index (machines, i);

      if (g_strcmp0 (maint_machine_get_host (m), host) == 0)
        {
          g_autoptr(MaintHostDowntime) hd =
            maint_host_downtime_new (maint_machine_get_name (m), host, maint_test_at (start), maint_test_at (end));

          maint_plan_add_host_downtime (plan, hd);
        }
    }
}

/* The plan that holds for the test fleet: the four guests one after
 * another on Tuesday night. */
static MaintPlan *
make_good_plan (MaintFleet *fleet)
{
  MaintPlan *plan = make_plan ();

  add_slot (fleet, plan, "vm1", "2026-03-03T22:00:00Z", "2026-03-03T22:15:00Z", "a1", NULL);
  add_slot (fleet, plan, "vm2", "2026-03-03T22:15:00Z", "2026-03-03T22:30:00Z", "a2", NULL);
  add_slot (fleet, plan, "vm3", "2026-03-03T22:30:00Z", "2026-03-03T22:45:00Z", "a3", NULL);
  add_slot (fleet, plan, "vm4", "2026-03-03T22:45:00Z", "2026-03-03T23:00:00Z", "a4", NULL);
  return plan;
}

static const char *
constraint_nick (MaintConstraint constraint)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (MAINT_TYPE_CONSTRAINT);
  GEnumValue *value = g_enum_get_value (klass, constraint);

  g_assert_nonnull (value);
  return value->value_nick;
}

static void
append_list (GString            *str,
             const char * const *items)
{
  g_string_append_c (str, ' ');
  if (items[0] == NULL)
    g_string_append_c (str, '-');
  for (guint i = 0; items[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (str, ',');
      g_string_append (str, items[i]);
    }
}

static void
append_instant (GString *str,
                gint64   instant)
{
  g_autofree char *text = instant ? maint_instant_format (instant) : g_strdup ("-");

  g_string_append_c (str, ' ');
  g_string_append (str, text);
}

/* One line per violation: "nick machines activities start end". */
static char *
summarize (GPtrArray *violations)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < violations->len; i++)
    {
      MaintViolation *v = g_ptr_array_index (violations, i);

      g_string_append (str, constraint_nick (maint_violation_get_constraint (v)));
      append_list (str, maint_violation_get_machines (v));
      append_list (str, maint_violation_get_activities (v));
      append_instant (str, maint_violation_get_start (v));
      append_instant (str, maint_violation_get_end (v));
      g_string_append_c (str, '\n');

      /* every message is one sentence that names the machines */
      g_assert_cmpstr (maint_violation_get_message (v), !=, "");
      g_assert_null (strchr (maint_violation_get_message (v), '\n'));
      for (const char * const *m = maint_violation_get_machines (v); *m; m++)
        g_assert_nonnull (strstr (maint_violation_get_message (v), *m));
      g_test_message ("%s: %s", constraint_nick (maint_violation_get_constraint (v)),
                      maint_violation_get_message (v));
    }
  return g_string_free (str, FALSE);
}

static void
assert_verify (MaintFleet *fleet,
               MaintPlan  *plan,
               const char *expected)
{
  g_autoptr(GPtrArray) violations = maint_verify_plan (fleet, plan);
  g_autofree char *actual = summarize (violations);

  g_assert_cmpstr (actual, ==, expected);
}

static void
test_holds (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintPlan) plan = make_good_plan (fleet);
  g_autoptr(MaintPlan) empty = make_plan ();

  assert_verify (fleet, plan, "");

  /* everything unscheduled holds too */
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autofree char *machine = g_strdup_printf ("vm%u", i);

      add_unscheduled (empty, id, machine);
    }
  assert_verify (fleet, empty, "");
}

static void
test_violation_object (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintPlan) plan = make_plan ();
  g_autoptr(GPtrArray) violations = NULL;
  MaintViolation *v;
  MaintConstraint constraint;
  g_auto(GStrv) machines = NULL;
  g_auto(GStrv) activities = NULL;
  g_autofree char *message = NULL;
  gint64 start, end;
  GParamSpec *pspec;

  add_slot (fleet, plan, "vm1", "2026-03-03T21:50:00Z", "2026-03-03T22:05:00Z", "a1", NULL);
  add_unscheduled (plan, "a2", "vm2");
  add_unscheduled (plan, "a3", "vm3");
  add_unscheduled (plan, "a4", "vm4");
  violations = maint_verify_plan (fleet, plan);
  g_assert_cmpuint (violations->len, ==, 1);
  v = g_ptr_array_index (violations, 0);

  g_object_get (v,
                "constraint", &constraint,
                "machines", &machines,
                "activities", &activities,
                "start", &start,
                "end", &end,
                "message", &message,
                NULL);
  g_assert_cmpint (constraint, ==, MAINT_CONSTRAINT_WINDOW);
  g_assert_cmpstrv (machines, ((const char * const[]) { "vm1", NULL }));
  g_assert_cmpstrv (activities, ((const char * const[]) { "a1", NULL }));
  g_assert_cmpint (start, ==, maint_test_at ("2026-03-03T21:50:00Z"));
  g_assert_cmpint (end, ==, maint_test_at ("2026-03-03T22:05:00Z"));
  /* instants in messages are UTC with Z and seconds */
  g_assert_nonnull (strstr (message, "2026-03-03T21:50:00Z"));
  g_assert_nonnull (strstr (message, "2026-03-03T22:05:00Z"));
  g_assert_nonnull (strstr (message, "vm1"));
  g_assert_nonnull (strstr (message, "acme"));

  /* read-only for users: construct-only properties */
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (v), "constraint");
  g_assert_nonnull (pspec);
  g_assert_true (pspec->flags & G_PARAM_CONSTRUCT_ONLY);
  g_assert_true (G_IS_PARAM_SPEC_ENUM (pspec));
  g_assert_true (pspec->value_type == MAINT_TYPE_CONSTRAINT);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (v), "message");
  g_assert_true (pspec->flags & G_PARAM_CONSTRUCT_ONLY);
}

static void
test_reference (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  /* a slot for a machine the fleet does not have */
  {
    g_autoptr(MaintPlan) plan = make_good_plan (fleet);

    add_slot (fleet, plan, "vm9", "2026-03-03T23:00:00Z", "2026-03-03T23:15:00Z", NULL);
    assert_verify (fleet, plan,
                   "reference vm9 - 2026-03-03T23:00:00Z 2026-03-03T23:15:00Z\n");
  }

  /* a slot naming the wrong group */
  {
    g_autoptr(MaintPlan) plan = make_plan ();
    MaintSlot *slot;

    slot = add_slot (fleet, plan, "vm1", "2026-03-03T22:00:00Z", "2026-03-03T22:15:00Z", "a1", NULL);
    maint_slot_set_group (slot, "other");
    add_slot (fleet, plan, "vm2", "2026-03-03T22:15:00Z", "2026-03-03T22:30:00Z", "a2", NULL);
    add_slot (fleet, plan, "vm3", "2026-03-03T22:30:00Z", "2026-03-03T22:45:00Z", "a3", NULL);
    add_slot (fleet, plan, "vm4", "2026-03-03T22:45:00Z", "2026-03-03T23:00:00Z", "a4", NULL);
    assert_verify (fleet, plan,
                   "reference vm1 a1 2026-03-03T22:00:00Z 2026-03-03T22:15:00Z\n");
    maint_slot_set_group (slot, "acme");
    assert_verify (fleet, plan, "");
  }

  /* activities of another machine, and an unknown activity */
  {
    g_autoptr(MaintPlan) plan = make_plan ();

    add_slot (fleet, plan, "vm1", "2026-03-03T22:00:00Z", "2026-03-03T22:15:00Z", "a2", NULL);
    add_slot (fleet, plan, "vm2", "2026-03-03T22:15:00Z", "2026-03-03T22:30:00Z", "a1", NULL);
    add_slot (fleet, plan, "vm3", "2026-03-03T22:30:00Z", "2026-03-03T22:45:00Z", "a3", "zz", NULL);
    add_slot (fleet, plan, "vm4", "2026-03-03T22:45:00Z", "2026-03-03T23:00:00Z", "a4", NULL);
    assert_verify (fleet, plan,
                   "reference vm1 a2 2026-03-03T22:00:00Z 2026-03-03T22:15:00Z\n"
                   "reference vm2 a1 2026-03-03T22:15:00Z 2026-03-03T22:30:00Z\n"
                   "reference vm3 zz 2026-03-03T22:30:00Z 2026-03-03T22:45:00Z\n");
  }

  /* a slot without activities */
  {
    g_autoptr(MaintPlan) plan = make_good_plan (fleet);

    add_slot (fleet, plan, "h1", "2026-03-04T22:00:00Z", "2026-03-04T22:15:00Z", NULL);
    assert_verify (fleet, plan,
                   "reference h1 - 2026-03-04T22:00:00Z 2026-03-04T22:15:00Z\n");
  }

  /* unscheduled entries: unknown activity, wrong machine */
  {
    g_autoptr(MaintPlan) plan = make_good_plan (fleet);

    add_unscheduled (plan, "zz", "vm1");
    assert_verify (fleet, plan, "reference vm1 zz - -\n");
  }
  {
    g_autoptr(MaintPlan) plan = make_plan ();

    add_unscheduled (plan, "a1", "vm2");
    add_unscheduled (plan, "a2", "vm2");
    add_unscheduled (plan, "a3", "vm3");
    add_unscheduled (plan, "a4", "vm4");
    assert_verify (fleet, plan, "reference vm2 a1 - -\n");
  }
}

static void
test_reference_host_downtime (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  const char *hs = "2026-03-04T23:00:00Z", *he = "2026-03-04T23:30:00Z";

  add_activity (fleet, "hr1", "h1", 1200);

  /* the host's slot with its guests' downtime holds */
  {
    g_autoptr(MaintPlan) plan = make_good_plan (fleet);

    add_slot (fleet, plan, "h1", hs, he, "hr1", NULL);
    add_host_downtime (fleet, plan, "h1", hs, he);
    assert_verify (fleet, plan, "");
  }

  /* downtime outside every slot of the host */
  {
    g_autoptr(MaintPlan) plan = make_good_plan (fleet);
    g_autoptr(MaintHostDowntime) hd =
      maint_host_downtime_new ("vm1", "h1", maint_test_at ("2026-03-05T23:00:00Z"),
                               maint_test_at ("2026-03-05T23:30:00Z"));

    add_slot (fleet, plan, "h1", hs, he, "hr1", NULL);
    add_host_downtime (fleet, plan, "h1", hs, he);
    maint_plan_add_host_downtime (plan, hd);
    assert_verify (fleet, plan,
                   "reference h1,vm1 - 2026-03-05T23:00:00Z 2026-03-05T23:30:00Z\n");
  }

  /* a guest of another host, and an unknown guest */
  {
    g_autoptr(MaintPlan) plan = make_good_plan (fleet);
    g_autoptr(MaintHostDowntime) other =
      maint_host_downtime_new ("vm4", "h1", maint_test_at (hs), maint_test_at (he));
    g_autoptr(MaintHostDowntime) unknown =
      maint_host_downtime_new ("vm9", "h1", maint_test_at (hs), maint_test_at (he));

    add_slot (fleet, plan, "h1", hs, he, "hr1", NULL);
    add_host_downtime (fleet, plan, "h1", hs, he);
    maint_plan_add_host_downtime (plan, other);
    maint_plan_add_host_downtime (plan, unknown);
    assert_verify (fleet, plan,
                   "reference h1,vm4 - 2026-03-04T23:00:00Z 2026-03-04T23:30:00Z\n"
                   "reference h1,vm9 - 2026-03-04T23:00:00Z 2026-03-04T23:30:00Z\n");
  }
}

static void
test_coverage (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  /* a4 missing */
  {
    g_autoptr(MaintPlan) plan = make_plan ();

    add_slot (fleet, plan, "vm1", "2026-03-03T22:00:00Z", "2026-03-03T22:15:00Z", "a1", NULL);
    add_slot (fleet, plan, "vm2", "2026-03-03T22:15:00Z", "2026-03-03T22:30:00Z", "a2", NULL);
    add_slot (fleet, plan, "vm3", "2026-03-03T22:30:00Z", "2026-03-03T22:45:00Z", "a3", NULL);
    assert_verify (fleet, plan, "coverage vm4 a4 - -\n");

    /* fixed: reported as unscheduled */
    add_unscheduled (plan, "a4", "vm4");
    assert_verify (fleet, plan, "");

    /* broken again: both scheduled and unscheduled */
    add_slot (fleet, plan, "vm4", "2026-03-03T22:45:00Z", "2026-03-03T23:00:00Z", "a4", NULL);
    assert_verify (fleet, plan,
                   "coverage vm4 a4 2026-03-03T22:45:00Z 2026-03-03T23:00:00Z\n");
  }

  /* in two slots */
  {
    g_autoptr(MaintPlan) plan = make_good_plan (fleet);

    add_slot (fleet, plan, "vm1", "2026-03-04T22:00:00Z", "2026-03-04T22:15:00Z", "a1", NULL);
    assert_verify (fleet, plan,
                   "coverage vm1 a1 2026-03-03T22:00:00Z 2026-03-03T22:15:00Z\n");
  }
}

static void
test_slot_length (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  add_activity (fleet, "a1b", "vm1", 1200);

  /* shorter than the minimum slot */
  {
    g_autoptr(MaintPlan) plan = make_plan ();

    add_slot (fleet, plan, "vm1", "2026-03-03T22:00:00Z", "2026-03-03T22:10:00Z", "a1", NULL);
    add_slot (fleet, plan, "vm1", "2026-03-04T22:00:00Z", "2026-03-04T22:25:00Z", "a1b", NULL);
    add_slot (fleet, plan, "vm2", "2026-03-03T22:15:00Z", "2026-03-03T22:30:00Z", "a2", NULL);
    add_slot (fleet, plan, "vm3", "2026-03-03T22:30:00Z", "2026-03-03T22:45:00Z", "a3", NULL);
    add_slot (fleet, plan, "vm4", "2026-03-03T22:45:00Z", "2026-03-03T23:00:00Z", "a4", NULL);
    assert_verify (fleet, plan,
                   "slot-length vm1 a1 2026-03-03T22:00:00Z 2026-03-03T22:10:00Z\n");
  }

  /* coalesced: 10 + 20 min estimates + 5 min setup need 35 min */
  {
    g_autoptr(MaintPlan) plan = make_plan ();

    add_slot (fleet, plan, "vm1", "2026-03-03T22:00:00Z", "2026-03-03T22:30:00Z", "a1", "a1b", NULL);
    add_unscheduled (plan, "a2", "vm2");
    add_unscheduled (plan, "a3", "vm3");
    add_unscheduled (plan, "a4", "vm4");
    assert_verify (fleet, plan,
                   "slot-length vm1 a1,a1b 2026-03-03T22:00:00Z 2026-03-03T22:30:00Z\n");
  }
  {
    g_autoptr(MaintPlan) plan = make_plan ();

    add_slot (fleet, plan, "vm1", "2026-03-03T22:00:00Z", "2026-03-03T22:35:00Z", "a1", "a1b", NULL);
    add_unscheduled (plan, "a2", "vm2");
    add_unscheduled (plan, "a3", "vm3");
    add_unscheduled (plan, "a4", "vm4");
    assert_verify (fleet, plan, "");
  }
}

/* A plan whose only slot is @machine's from @start to @end holding
 * @activity; every other activity of the standard fleet is unscheduled. */
static MaintPlan *
single_slot_plan (MaintFleet *fleet,
                  const char *machine,
                  const char *activity,
                  const char *start,
                  const char *end)
{
  MaintPlan *plan = make_plan ();
  GPtrArray *activities = maint_fleet_get_activities (fleet);

  add_slot (fleet, plan, machine, start, end, activity, NULL);
  for (guint i = 0; i < activities->len; i++)
    {
      MaintActivity *a = g_ptr_array_index (activities, i);

      if (!g_str_equal (maint_activity_get_id (a), activity))
        add_unscheduled (plan, maint_activity_get_id (a), maint_activity_get_machine (a));
    }
  return plan;
}

static void
check_single (MaintFleet *fleet,
              const char *machine,
              const char *activity,
              const char *start,
              const char *end,
              const char *nick)
{
  g_autoptr(MaintPlan) plan = single_slot_plan (fleet, machine, activity, start, end);
  g_autofree char *expected = NULL;

  if (nick != NULL)
    expected = g_strdup_printf ("%s %s %s %s %s\n", nick, machine, activity, start, end);
  assert_verify (fleet, plan, expected ? expected : "");
}

static void
test_window (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  /* daily 22:00-02:00 crosses midnight */
  check_single (fleet, "vm1", "a1", "2026-03-03T21:50:00Z", "2026-03-03T22:05:00Z", "window");
  check_single (fleet, "vm1", "a1", "2026-03-03T22:00:00Z", "2026-03-03T22:15:00Z", NULL);
  check_single (fleet, "vm1", "a1", "2026-03-03T23:55:00Z", "2026-03-04T00:10:00Z", NULL);
  check_single (fleet, "vm1", "a1", "2026-03-04T01:45:00Z", "2026-03-04T02:00:00Z", NULL);
  check_single (fleet, "vm1", "a1", "2026-03-04T01:50:00Z", "2026-03-04T02:05:00Z", "window");
  check_single (fleet, "vm1", "a1", "2026-03-04T12:00:00Z", "2026-03-04T12:15:00Z", "window");
  /* a slot spanning two occurrences is in neither */
  check_single (fleet, "vm1", "a1", "2026-03-04T01:00:00Z", "2026-03-04T22:30:00Z", "window");
}

static void
test_window_union (void)
{
  g_autoptr(MaintFleet) fleet = maint_fleet_new ();
  g_autoptr(MaintWindowSpec) late = maint_test_spec ("mon-fri 22:00-24:00");
  g_autoptr(MaintWindowSpec) early = maint_test_spec ("daily 00:00-01:00");
  MaintResourceGroup *group;

  maint_fleet_set_now (fleet, maint_test_at (NOW));
  maint_policy_set_setup (maint_fleet_get_policy (fleet), 300);
  maint_policy_set_min_slot (maint_fleet_get_policy (fleet), 900);
  group = maint_test_add_group (fleet, "split", "UTC", "sat 10:00-11:00", 3600);
  maint_resource_group_add_window (group, late);
  maint_resource_group_add_window (group, early);
  maint_test_add_machine (fleet, "m", "split", MAINT_MACHINE_KIND_INFRASTRUCTURE, NULL);
  add_activity (fleet, "x", "m", 600);

  /* Wednesday 22:00-24:00 and Thursday 00:00-01:00 touch: one interval */
  check_single (fleet, "m", "x", "2026-03-04T23:50:00Z", "2026-03-05T00:05:00Z", NULL);
  /* Saturday night has only the 00:00-01:00 of Sunday */
  check_single (fleet, "m", "x", "2026-03-07T23:50:00Z", "2026-03-08T00:05:00Z", "window");
  check_single (fleet, "m", "x", "2026-03-07T10:00:00Z", "2026-03-07T10:15:00Z", NULL);
}

static void
test_window_dst (void)
{
  g_autoptr(MaintFleet) fleet = maint_fleet_new ();

  maint_fleet_set_now (fleet, maint_test_at ("2026-03-20T00:00:00Z"));
  maint_policy_set_setup (maint_fleet_get_policy (fleet), 300);
  maint_policy_set_min_slot (maint_fleet_get_policy (fleet), 900);
  maint_policy_set_horizon (maint_fleet_get_policy (fleet), 300 * 86400);
  maint_test_add_group (fleet, "berlin", "Europe/Berlin", "daily 02:30-04:00", 86400);
  maint_test_add_machine (fleet, "b1", "berlin", MAINT_MACHINE_KIND_INFRASTRUCTURE, NULL);
  add_activity (fleet, "x", "b1", 600);

  /* Saturday 28 March (CET): 02:30-04:00 local is 01:30Z-03:00Z */
  check_single (fleet, "b1", "x", "2026-03-28T01:30:00Z", "2026-03-28T01:45:00Z", NULL);
  check_single (fleet, "b1", "x", "2026-03-28T02:40:00Z", "2026-03-28T02:55:00Z", NULL);
  /* Sunday 29 March, spring forward at 02:00: 02:30 does not exist and
   * becomes 03:30 CEST; the window is 01:30Z-02:00Z */
  check_single (fleet, "b1", "x", "2026-03-29T01:30:00Z", "2026-03-29T01:45:00Z", NULL);
  check_single (fleet, "b1", "x", "2026-03-29T01:45:00Z", "2026-03-29T02:00:00Z", NULL);
  check_single (fleet, "b1", "x", "2026-03-29T01:50:00Z", "2026-03-29T02:05:00Z", "window");
  check_single (fleet, "b1", "x", "2026-03-29T02:40:00Z", "2026-03-29T02:55:00Z", "window");
  /* a naive reading of 02:30 local as 00:30Z (CEST) is outside */
  check_single (fleet, "b1", "x", "2026-03-29T00:30:00Z", "2026-03-29T00:45:00Z", "window");
  /* Monday 30 March (CEST): 00:30Z-02:00Z */
  check_single (fleet, "b1", "x", "2026-03-30T00:30:00Z", "2026-03-30T00:45:00Z", NULL);
  check_single (fleet, "b1", "x", "2026-03-30T02:40:00Z", "2026-03-30T02:55:00Z", "window");
  /* Sunday 25 October, fall back at 03:00: the window grows from the
   * first 02:30 (CEST, 00:30Z) to the last 04:00 (CET, 03:00Z) */
  check_single (fleet, "b1", "x", "2026-10-25T00:30:00Z", "2026-10-25T00:45:00Z", NULL);
  check_single (fleet, "b1", "x", "2026-10-25T02:40:00Z", "2026-10-25T02:55:00Z", NULL);
  check_single (fleet, "b1", "x", "2026-10-24T02:40:00Z", "2026-10-24T02:55:00Z", "window");
}

static void
test_blackout (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  MaintResourceGroup *group = maint_fleet_lookup_group (fleet, "acme");
  g_autoptr(MaintInterval) blackout =
    maint_interval_new (maint_test_at ("2026-03-03T22:00:00Z"), maint_test_at ("2026-03-03T23:00:00Z"));

  maint_resource_group_add_blackout (group, blackout);

  check_single (fleet, "vm1", "a1", "2026-03-03T22:00:00Z", "2026-03-03T22:15:00Z", "blackout");
  check_single (fleet, "vm1", "a1", "2026-03-03T22:50:00Z", "2026-03-03T23:05:00Z", "blackout");
  check_single (fleet, "vm1", "a1", "2026-03-03T23:00:00Z", "2026-03-03T23:15:00Z", NULL);
  /* outside the windows anyway: a window problem */
  check_single (fleet, "vm1", "a1", "2026-03-03T21:50:00Z", "2026-03-03T22:05:00Z", "window");
}

static void
test_horizon (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_policy_set_horizon (maint_fleet_get_policy (fleet), 7 * 86400);
  maint_resource_group_set_notice (maint_fleet_lookup_group (fleet, "acme"), 0);

  /* now + P7D = 2026-03-09T21:30Z */
  check_single (fleet, "vm1", "a1", "2026-03-09T21:15:00Z", "2026-03-09T21:30:00Z", "window");
  check_single (fleet, "vm1", "a1", "2026-03-09T22:00:00Z", "2026-03-09T22:15:00Z", "horizon");
  check_single (fleet, "vm1", "a1", "2026-03-08T22:00:00Z", "2026-03-08T22:15:00Z", NULL);
  /* before now */
  check_single (fleet, "vm1", "a1", "2026-03-01T22:00:00Z", "2026-03-01T22:15:00Z", "horizon");
  check_single (fleet, "vm1", "a1", "2026-03-02T22:00:00Z", "2026-03-02T22:15:00Z", NULL);
}

static void
test_notice (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  MaintActivity *a1 = maint_fleet_lookup_activity (fleet, "a1");

  /* a day's notice from Monday 21:30: Tuesday 21:30 */
  check_single (fleet, "vm1", "a1", "2026-03-02T22:00:00Z", "2026-03-02T22:15:00Z", "notice");
  check_single (fleet, "vm1", "a1", "2026-03-03T01:00:00Z", "2026-03-03T01:15:00Z", "notice");
  check_single (fleet, "vm1", "a1", "2026-03-03T22:00:00Z", "2026-03-03T22:15:00Z", NULL);

  /* emergencies need the policy's hour */
  maint_activity_set_priority (a1, MAINT_PRIORITY_EMERGENCY);
  check_single (fleet, "vm1", "a1", "2026-03-02T22:00:00Z", "2026-03-02T22:15:00Z", "notice");
  check_single (fleet, "vm1", "a1", "2026-03-02T22:30:00Z", "2026-03-02T22:45:00Z", NULL);

  /* a normal activity in the same slot needs the group's notice again */
  {
    g_autoptr(MaintPlan) plan = make_plan ();

    add_activity (fleet, "a1n", "vm1", 60);
    add_slot (fleet, plan, "vm1", "2026-03-02T22:30:00Z", "2026-03-02T22:50:00Z", "a1", "a1n", NULL);
    add_unscheduled (plan, "a2", "vm2");
    add_unscheduled (plan, "a3", "vm3");
    add_unscheduled (plan, "a4", "vm4");
    assert_verify (fleet, plan,
                   "notice vm1 a1,a1n 2026-03-02T22:30:00Z 2026-03-02T22:50:00Z\n");
  }
}

static void
test_not_before (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_activity_set_not_before (maint_fleet_lookup_activity (fleet, "a1"),
                                 maint_test_at ("2026-03-04T00:00:00Z"));
  /* deadlines are objectives, not constraints */
  maint_activity_set_deadline (maint_fleet_lookup_activity (fleet, "a1"),
                               maint_test_at ("2026-03-03T00:00:00Z"));

  check_single (fleet, "vm1", "a1", "2026-03-03T23:30:00Z", "2026-03-03T23:45:00Z", "not-before");
  check_single (fleet, "vm1", "a1", "2026-03-04T00:00:00Z", "2026-03-04T00:15:00Z", NULL);
}

static void
test_auto_schedule (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintPlan) plan = make_plan ();

  maint_machine_set_auto_schedule (maint_fleet_lookup_machine (fleet, "vm1"), FALSE);
  check_single (fleet, "vm1", "a1", "2026-03-03T22:00:00Z", "2026-03-03T22:15:00Z", "auto-schedule");

  /* fixed: left unscheduled */
  add_unscheduled (plan, "a1", "vm1");
  add_slot (fleet, plan, "vm2", "2026-03-03T22:15:00Z", "2026-03-03T22:30:00Z", "a2", NULL);
  add_slot (fleet, plan, "vm3", "2026-03-03T22:30:00Z", "2026-03-03T22:45:00Z", "a3", NULL);
  add_slot (fleet, plan, "vm4", "2026-03-03T22:45:00Z", "2026-03-03T23:00:00Z", "a4", NULL);
  assert_verify (fleet, plan, "");
}

/* a1 announced for Tuesday 12:00-12:15: outside the windows and within
 * the notice, which is the fleet's business once announced */
static MaintFleet *
make_pinned_fleet (void)
{
  MaintFleet *fleet = make_fleet ();
  MaintActivity *a1 = maint_fleet_lookup_activity (fleet, "a1");
  g_autoptr(MaintInterval) scheduled =
    maint_interval_new (maint_test_at ("2026-03-03T12:00:00Z"), maint_test_at ("2026-03-03T12:15:00Z"));

  maint_activity_set_scheduled (a1, scheduled);
  maint_activity_set_announced_at (a1, maint_test_at ("2026-02-20T00:00:00Z"));
  maint_machine_set_auto_schedule (maint_fleet_lookup_machine (fleet, "vm1"), FALSE);
  return fleet;
}

static MaintPlan *
pinned_plan (MaintFleet *fleet,
             const char *start,
             const char *end,
             gboolean    pinned)
{
  MaintPlan *plan = single_slot_plan (fleet, "vm1", "a1", start, end);

  maint_slot_set_pinned (g_ptr_array_index (maint_plan_get_slots (plan), 0), pinned);
  return plan;
}

static void
test_pinned (void)
{
  g_autoptr(MaintFleet) fleet = make_pinned_fleet ();

  /* kept: no window, notice or auto-schedule complaint */
  {
    g_autoptr(MaintPlan) plan = pinned_plan (fleet, "2026-03-03T12:00:00Z", "2026-03-03T12:15:00Z", TRUE);

    assert_verify (fleet, plan, "");
  }

  /* kept, but not marked: then it is judged as new as well */
  {
    g_autoptr(MaintPlan) plan = pinned_plan (fleet, "2026-03-03T12:00:00Z", "2026-03-03T12:15:00Z", FALSE);

    assert_verify (fleet, plan,
                   "window vm1 a1 2026-03-03T12:00:00Z 2026-03-03T12:15:00Z\n"
                   "notice vm1 a1 2026-03-03T12:00:00Z 2026-03-03T12:15:00Z\n"
                   "auto-schedule vm1 a1 2026-03-03T12:00:00Z 2026-03-03T12:15:00Z\n"
                   "pinned vm1 a1 2026-03-03T12:00:00Z 2026-03-03T12:15:00Z\n");
  }

  /* moved (still marked pinned): pinned, and the new slot is no pin */
  {
    g_autoptr(MaintFleet) f = make_pinned_fleet ();
    g_autoptr(MaintPlan) plan = NULL;

    maint_machine_set_auto_schedule (maint_fleet_lookup_machine (f, "vm1"), TRUE);
    plan = pinned_plan (f, "2026-03-04T22:00:00Z", "2026-03-04T22:15:00Z", TRUE);
    assert_verify (f, plan,
                   "pinned vm1 a1 2026-03-04T22:00:00Z 2026-03-04T22:15:00Z\n"
                   "pinned vm1 a1 2026-03-04T22:00:00Z 2026-03-04T22:15:00Z\n");
  }

  /* dropped */
  {
    g_autoptr(MaintPlan) plan = make_plan ();

    add_unscheduled (plan, "a1", "vm1");
    add_unscheduled (plan, "a2", "vm2");
    add_unscheduled (plan, "a3", "vm3");
    add_unscheduled (plan, "a4", "vm4");
    assert_verify (fleet, plan,
                   "pinned vm1 a1 2026-03-03T12:00:00Z 2026-03-03T12:15:00Z\n");
  }

  /* a pin no activity was announced for does not switch checks off */
  {
    g_autoptr(MaintFleet) f = make_fleet ();
    g_autoptr(MaintPlan) plan = pinned_plan (f, "2026-03-03T12:00:00Z", "2026-03-03T12:15:00Z", TRUE);

    assert_verify (f, plan,
                   "window vm1 a1 2026-03-03T12:00:00Z 2026-03-03T12:15:00Z\n"
                   "notice vm1 a1 2026-03-03T12:00:00Z 2026-03-03T12:15:00Z\n"
                   "pinned vm1 a1 2026-03-03T12:00:00Z 2026-03-03T12:15:00Z\n");
  }
}

/* a1x merged into a1's announced slot */
static MaintPlan *
merged_plan (MaintFleet *fleet)
{
  MaintPlan *plan = make_plan ();

  maint_slot_set_pinned (add_slot (fleet, plan, "vm1", "2026-03-03T12:00:00Z", "2026-03-03T12:15:00Z",
                                   "a1", "a1x", NULL), TRUE);
  add_unscheduled (plan, "a2", "vm2");
  add_unscheduled (plan, "a3", "vm3");
  add_unscheduled (plan, "a4", "vm4");
  return plan;
}

static void
test_pinned_merged (void)
{
  g_autoptr(MaintFleet) fleet = make_pinned_fleet ();
  MaintActivity *extra;

  /* no setup time: 10 + 1 minutes fit the announced 15 */
  maint_policy_set_setup (maint_fleet_get_policy (fleet), 0);
  maint_machine_set_auto_schedule (maint_fleet_lookup_machine (fleet, "vm1"), TRUE);
  extra = add_activity (fleet, "a1x", "vm1", 60);

  /* merging a one-minute activity into the 15 minutes: fits */
  {
    g_autoptr(MaintPlan) plan = merged_plan (fleet);
    assert_verify (fleet, plan, "");
  }

  /* a merged activity that may not start yet */
  maint_activity_set_not_before (extra, maint_test_at ("2026-03-03T13:00:00Z"));
  {
    g_autoptr(MaintPlan) plan = merged_plan (fleet);
    assert_verify (fleet, plan,
                   "not-before vm1 a1x 2026-03-03T12:00:00Z 2026-03-03T12:15:00Z\n");
  }
  maint_activity_set_not_before (extra, 0);

  /* merged work that does not fit the announced length */
  maint_activity_set_estimate (extra, 1200);
  {
    g_autoptr(MaintPlan) plan = merged_plan (fleet);
    assert_verify (fleet, plan,
                   "slot-length vm1 a1,a1x 2026-03-03T12:00:00Z 2026-03-03T12:15:00Z\n");
  }

  /* an announced slot too short for its own work is as announced */
  maint_activity_set_estimate (maint_fleet_lookup_activity (fleet, "a1"), 7200);
  {
    g_autoptr(MaintPlan) plan = pinned_plan (fleet, "2026-03-03T12:00:00Z", "2026-03-03T12:15:00Z", TRUE);

    assert_verify (fleet, plan, "");
  }

  /* merging into a machine with auto-schedule off is new scheduling */
  maint_activity_set_estimate (maint_fleet_lookup_activity (fleet, "a1"), 600);
  maint_activity_set_estimate (extra, 60);
  maint_machine_set_auto_schedule (maint_fleet_lookup_machine (fleet, "vm1"), FALSE);
  {
    g_autoptr(MaintPlan) plan = merged_plan (fleet);
    assert_verify (fleet, plan,
                   "auto-schedule vm1 a1x 2026-03-03T12:00:00Z 2026-03-03T12:15:00Z\n");
  }
}

static void
test_machine_overlap (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  add_activity (fleet, "a1b", "vm1", 600);
  {
    g_autoptr(MaintPlan) plan = make_good_plan (fleet);

    add_slot (fleet, plan, "vm1", "2026-03-03T22:10:00Z", "2026-03-03T22:25:00Z", "a1b", NULL);
    assert_verify (fleet, plan,
                   "machine-overlap vm1 a1,a1b 2026-03-03T22:10:00Z 2026-03-03T22:15:00Z\n");
  }
  {
    g_autoptr(MaintPlan) plan = make_good_plan (fleet);

    add_slot (fleet, plan, "vm1", "2026-03-03T22:15:00Z", "2026-03-03T22:30:00Z", "a1b", NULL);
    assert_verify (fleet, plan, "");
  }
}

/* All four guests at once on Tuesday 22:00-22:15. */
static MaintPlan *
make_parallel_plan (MaintFleet *fleet)
{
  MaintPlan *plan = make_plan ();

  add_slot (fleet, plan, "vm1", "2026-03-03T22:00:00Z", "2026-03-03T22:15:00Z", "a1", NULL);
  add_slot (fleet, plan, "vm2", "2026-03-03T22:00:00Z", "2026-03-03T22:15:00Z", "a2", NULL);
  add_slot (fleet, plan, "vm3", "2026-03-03T22:05:00Z", "2026-03-03T22:20:00Z", "a3", NULL);
  add_slot (fleet, plan, "vm4", "2026-03-03T22:15:00Z", "2026-03-03T22:30:00Z", "a4", NULL);
  return plan;
}

static void
test_fleet_concurrency (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  MaintPolicy *policy = maint_fleet_get_policy (fleet);

  {
    g_autoptr(MaintPlan) plan = make_parallel_plan (fleet);

    /* unlimited */
    assert_verify (fleet, plan, "");

    /* three down from 22:05 to 22:15; at 22:15 two end and vm4 starts */
    maint_policy_set_max_concurrent (policy, 2);
    assert_verify (fleet, plan,
                   "fleet-concurrency vm1,vm2,vm3 a1,a2,a3 2026-03-03T22:05:00Z 2026-03-03T22:15:00Z\n");
    maint_policy_set_max_concurrent (policy, 3);
    assert_verify (fleet, plan, "");
  }

  /* two separate episodes are two violations */
  maint_policy_set_max_concurrent (policy, 1);
  {
    g_autoptr(MaintPlan) plan = make_plan ();

    add_slot (fleet, plan, "vm1", "2026-03-03T22:00:00Z", "2026-03-03T22:15:00Z", "a1", NULL);
    add_slot (fleet, plan, "vm2", "2026-03-03T22:10:00Z", "2026-03-03T22:25:00Z", "a2", NULL);
    add_slot (fleet, plan, "vm3", "2026-03-03T23:00:00Z", "2026-03-03T23:15:00Z", "a3", NULL);
    add_slot (fleet, plan, "vm4", "2026-03-03T23:14:00Z", "2026-03-03T23:29:00Z", "a4", NULL);
    assert_verify (fleet, plan,
                   "fleet-concurrency vm1,vm2 a1,a2 2026-03-03T22:10:00Z 2026-03-03T22:15:00Z\n"
                   "fleet-concurrency vm3,vm4 a3,a4 2026-03-03T23:14:00Z 2026-03-03T23:15:00Z\n");
  }

  /* a host reboot counts as one machine (the host), not one per guest:
   * its three guests are down, but only the host is in maintenance */
  maint_policy_set_max_concurrent (policy, 1);
  add_activity (fleet, "hr1", "h1", 1200);
  {
    g_autoptr(MaintPlan) plan = make_good_plan (fleet);

    add_slot (fleet, plan, "h1", "2026-03-04T23:00:00Z", "2026-03-04T23:30:00Z", "hr1", NULL);
    add_host_downtime (fleet, plan, "h1", "2026-03-04T23:00:00Z", "2026-03-04T23:30:00Z");
    assert_verify (fleet, plan, "");
  }
}

static void
test_host_concurrency (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  MaintPolicy *policy = maint_fleet_get_policy (fleet);
  g_autoptr(MaintPlan) plan = make_parallel_plan (fleet);

  /* vm1-vm3 on h1 overlap from 22:05 to 22:15; vm4 is on h2 */
  maint_policy_set_max_concurrent_per_host (policy, 2);
  assert_verify (fleet, plan,
                 "host-concurrency vm1,vm2,vm3 a1,a2,a3 2026-03-03T22:05:00Z 2026-03-03T22:15:00Z\n");
  maint_policy_set_max_concurrent_per_host (policy, 3);
  assert_verify (fleet, plan, "");

  /* a host reboot is one event, not three guests against the limit */
  maint_policy_set_max_concurrent_per_host (policy, 1);
  add_activity (fleet, "hr1", "h1", 1200);
  {
    g_autoptr(MaintPlan) staggered = make_good_plan (fleet);

    add_slot (fleet, staggered, "h1", "2026-03-04T23:00:00Z", "2026-03-04T23:30:00Z", "hr1", NULL);
    add_host_downtime (fleet, staggered, "h1", "2026-03-04T23:00:00Z", "2026-03-04T23:30:00Z");
    assert_verify (fleet, staggered, "");
  }
}

static void
test_group_concurrency (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  MaintResourceGroup *acme = maint_fleet_lookup_group (fleet, "acme");
  g_autoptr(MaintPlan) plan = make_parallel_plan (fleet);

  maint_test_add_group (fleet, "other", "UTC", "daily 22:00-02:00", 86400);
  maint_machine_set_group (maint_fleet_lookup_machine (fleet, "vm3"), "other");
  maint_slot_set_group (g_ptr_array_index (maint_plan_get_slots (plan), 2), "other");

  /* acme: vm1, vm2 from 22:00 to 22:15; vm3 is in "other" */
  maint_resource_group_set_max_concurrent (acme, 1);
  assert_verify (fleet, plan,
                 "group-concurrency vm1,vm2 a1,a2 2026-03-03T22:00:00Z 2026-03-03T22:15:00Z\n");
  maint_resource_group_set_max_concurrent (acme, 2);
  assert_verify (fleet, plan, "");
}

static void
test_service_unavailable (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  add_service (fleet, "db", (const char * const[]) { "vm1", "vm2", NULL });
  {
    g_autoptr(MaintPlan) plan = make_parallel_plan (fleet);

    assert_verify (fleet, plan,
                   "service-unavailable vm1,vm2 a1,a2 2026-03-03T22:00:00Z 2026-03-03T22:15:00Z\n");
    maint_service_set_max_unavailable (maint_fleet_lookup_service (fleet, "db"), 2);
    assert_verify (fleet, plan, "");
    maint_service_set_max_unavailable (maint_fleet_lookup_service (fleet, "db"), 1);
  }
  {
    g_autoptr(MaintPlan) plan = make_good_plan (fleet);

    assert_verify (fleet, plan, "");
  }
}

static void
test_service_host_downtime (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  const char *hs = "2026-03-04T23:00:00Z", *he = "2026-03-04T23:30:00Z";

  add_activity (fleet, "hr1", "h1", 1200);

  /* vm1 and vm2 both run on h1: its reboot takes the service down */
  add_service (fleet, "db", (const char * const[]) { "vm1", "vm2", NULL });
  {
    g_autoptr(MaintPlan) plan = make_good_plan (fleet);

    add_slot (fleet, plan, "h1", hs, he, "hr1", NULL);
    add_host_downtime (fleet, plan, "h1", hs, he);
    assert_verify (fleet, plan,
                   "service-unavailable vm1,vm2 - 2026-03-04T23:00:00Z 2026-03-04T23:30:00Z\n");
  }

  /* the plan need not list the host downtime: a rebooting host slot is
   * downtime for its guests all the same */
  {
    g_autoptr(MaintPlan) plan = make_good_plan (fleet);

    add_slot (fleet, plan, "h1", hs, he, "hr1", NULL);
    assert_verify (fleet, plan,
                   "service-unavailable vm1,vm2 - 2026-03-04T23:00:00Z 2026-03-04T23:30:00Z\n");
  }

  /* host work without a reboot leaves the guests running */
  maint_activity_set_reboot (maint_fleet_lookup_activity (fleet, "hr1"), MAINT_REBOOT_KIND_NONE);
  {
    g_autoptr(MaintPlan) plan = make_good_plan (fleet);

    add_slot (fleet, plan, "h1", hs, he, "hr1", NULL);
    assert_verify (fleet, plan, "");
  }

  /* vm1 and vm4 are on different hosts: fine, unless vm4's own slot
   * overlaps h1's reboot */
  {
    g_autoptr(MaintFleet) f = make_fleet ();
    g_autoptr(MaintPlan) plan = make_plan ();

    add_activity (f, "hr1", "h1", 1200);
    add_service (f, "web", (const char * const[]) { "vm1", "vm4", NULL });
    add_slot (f, plan, "vm1", "2026-03-03T22:00:00Z", "2026-03-03T22:15:00Z", "a1", NULL);
    add_slot (f, plan, "vm2", "2026-03-03T22:15:00Z", "2026-03-03T22:30:00Z", "a2", NULL);
    add_slot (f, plan, "vm3", "2026-03-03T22:30:00Z", "2026-03-03T22:45:00Z", "a3", NULL);
    add_slot (f, plan, "vm4", "2026-03-04T23:20:00Z", "2026-03-04T23:35:00Z", "a4", NULL);
    add_slot (f, plan, "h1", hs, he, "hr1", NULL);
    add_host_downtime (f, plan, "h1", hs, he);
    assert_verify (f, plan,
                   "service-unavailable vm1,vm4 a4 2026-03-04T23:20:00Z 2026-03-04T23:30:00Z\n");
  }
  {
    g_autoptr(MaintFleet) f = make_fleet ();
    g_autoptr(MaintPlan) plan = make_good_plan (f);

    add_activity (f, "hr1", "h1", 1200);
    add_service (f, "web", (const char * const[]) { "vm1", "vm4", NULL });
    add_slot (f, plan, "h1", hs, he, "hr1", NULL);
    add_host_downtime (f, plan, "h1", hs, he);
    assert_verify (f, plan, "");
  }
}

static void
test_service_spacing (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  MaintService *db;

  add_service (fleet, "db", (const char * const[]) { "vm1", "vm2", NULL });
  db = maint_fleet_lookup_service (fleet, "db");
  maint_service_set_spacing (db, 3600);

  {
    g_autoptr(MaintPlan) plan = make_plan ();

    /* 30 minutes between vm1's end and vm2's start */
    add_slot (fleet, plan, "vm1", "2026-03-03T22:00:00Z", "2026-03-03T22:15:00Z", "a1", NULL);
    add_slot (fleet, plan, "vm2", "2026-03-03T22:45:00Z", "2026-03-03T23:00:00Z", "a2", NULL);
    add_unscheduled (plan, "a3", "vm3");
    add_unscheduled (plan, "a4", "vm4");
    assert_verify (fleet, plan,
                   "service-spacing vm1,vm2 a1,a2 2026-03-03T22:15:00Z 2026-03-03T22:45:00Z\n");

    maint_service_set_spacing (db, 1800);
    assert_verify (fleet, plan, "");
    maint_service_set_spacing (db, 3600);
  }
  {
    g_autoptr(MaintPlan) plan = make_plan ();

    /* a full hour, with vm2 first this time */
    add_slot (fleet, plan, "vm1", "2026-03-03T23:15:00Z", "2026-03-03T23:30:00Z", "a1", NULL);
    add_slot (fleet, plan, "vm2", "2026-03-03T22:00:00Z", "2026-03-03T22:15:00Z", "a2", NULL);
    add_unscheduled (plan, "a3", "vm3");
    add_unscheduled (plan, "a4", "vm4");
    assert_verify (fleet, plan, "");
  }
}

static void
test_service_order (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  MaintService *db;

  /* vm2 is the passive member: it goes first */
  add_service (fleet, "db", (const char * const[]) { "vm1", "vm2", "vm3", NULL });
  db = maint_fleet_lookup_service (fleet, "db");
  maint_service_set_order (db, (const char * const[]) { "vm2", "vm3", "vm1", NULL });

  {
    g_autoptr(MaintPlan) plan = make_plan ();

    add_slot (fleet, plan, "vm1", "2026-03-03T22:00:00Z", "2026-03-03T22:15:00Z", "a1", NULL);
    add_slot (fleet, plan, "vm2", "2026-03-03T22:30:00Z", "2026-03-03T22:45:00Z", "a2", NULL);
    add_unscheduled (plan, "a3", "vm3");
    add_unscheduled (plan, "a4", "vm4");
    /* vm3 has no slot: vm2 must still come before vm1 */
    assert_verify (fleet, plan,
                   "service-order vm1,vm2 a1,a2 2026-03-03T22:00:00Z 2026-03-03T22:45:00Z\n");
  }
  {
    g_autoptr(MaintPlan) plan = make_plan ();

    add_slot (fleet, plan, "vm1", "2026-03-03T22:30:00Z", "2026-03-03T22:45:00Z", "a1", NULL);
    add_slot (fleet, plan, "vm2", "2026-03-03T22:00:00Z", "2026-03-03T22:15:00Z", "a2", NULL);
    add_unscheduled (plan, "a3", "vm3");
    add_unscheduled (plan, "a4", "vm4");
    assert_verify (fleet, plan, "");
  }
  {
    g_autoptr(MaintPlan) plan = make_plan ();

    /* vm3 between them, but after vm1 */
    add_slot (fleet, plan, "vm1", "2026-03-03T22:30:00Z", "2026-03-03T22:45:00Z", "a1", NULL);
    add_slot (fleet, plan, "vm2", "2026-03-03T22:00:00Z", "2026-03-03T22:15:00Z", "a2", NULL);
    add_slot (fleet, plan, "vm3", "2026-03-03T23:00:00Z", "2026-03-03T23:15:00Z", "a3", NULL);
    add_unscheduled (plan, "a4", "vm4");
    assert_verify (fleet, plan,
                   "service-order vm1,vm3 a1,a3 2026-03-03T22:30:00Z 2026-03-03T23:15:00Z\n");
  }
}

static void
test_pinned_capacity (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  MaintResourceGroup *acme = maint_fleet_lookup_group (fleet, "acme");
  const char *s = "2026-03-03T22:00:00Z", *e = "2026-03-03T22:15:00Z";

  /* vm1 and vm2 were both announced for the same time */
  for (guint i = 1; i <= 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autoptr(MaintInterval) scheduled = maint_interval_new (maint_test_at (s), maint_test_at (e));

      maint_activity_set_scheduled (maint_fleet_lookup_activity (fleet, id), scheduled);
    }
  maint_resource_group_set_max_concurrent (acme, 1);
  add_service (fleet, "db", (const char * const[]) { "vm1", "vm2", NULL });

  /* only pinned slots: the plan could not help it */
  {
    g_autoptr(MaintPlan) plan = make_plan ();

    maint_slot_set_pinned (add_slot (fleet, plan, "vm1", s, e, "a1", NULL), TRUE);
    maint_slot_set_pinned (add_slot (fleet, plan, "vm2", s, e, "a2", NULL), TRUE);
    add_slot (fleet, plan, "vm3", "2026-03-03T22:30:00Z", "2026-03-03T22:45:00Z", "a3", NULL);
    add_slot (fleet, plan, "vm4", "2026-03-03T22:45:00Z", "2026-03-03T23:00:00Z", "a4", NULL);
    assert_verify (fleet, plan, "");
  }

  /* a new slot joining them is the plan's fault */
  {
    g_autoptr(MaintPlan) plan = make_plan ();

    maint_slot_set_pinned (add_slot (fleet, plan, "vm1", s, e, "a1", NULL), TRUE);
    maint_slot_set_pinned (add_slot (fleet, plan, "vm2", s, e, "a2", NULL), TRUE);
    add_slot (fleet, plan, "vm3", "2026-03-03T22:10:00Z", "2026-03-03T22:25:00Z", "a3", NULL);
    add_slot (fleet, plan, "vm4", "2026-03-03T22:45:00Z", "2026-03-03T23:00:00Z", "a4", NULL);
    assert_verify (fleet, plan,
                   "group-concurrency vm1,vm2,vm3 a1,a2,a3 2026-03-03T22:00:00Z 2026-03-03T22:15:00Z\n");
  }
}

static void
test_sorted_and_deterministic (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintPlan) plan = make_plan ();
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;

  maint_policy_set_max_concurrent (maint_fleet_get_policy (fleet), 1);
  add_slot (fleet, plan, "vm4", "2026-03-04T12:00:00Z", "2026-03-04T12:15:00Z", "a4", NULL);
  add_slot (fleet, plan, "vm2", "2026-03-03T12:00:00Z", "2026-03-03T12:15:00Z", "a2", NULL);
  add_slot (fleet, plan, "vm1", "2026-03-03T12:00:00Z", "2026-03-03T12:15:00Z", "a1", NULL);
  add_unscheduled (plan, "zz", "vm3");

  assert_verify (fleet, plan,
                 "reference vm3 zz - -\n"
                 "coverage vm3 a3 - -\n"
                 "window vm1 a1 2026-03-03T12:00:00Z 2026-03-03T12:15:00Z\n"
                 "window vm2 a2 2026-03-03T12:00:00Z 2026-03-03T12:15:00Z\n"
                 "window vm4 a4 2026-03-04T12:00:00Z 2026-03-04T12:15:00Z\n"
                 "notice vm1 a1 2026-03-03T12:00:00Z 2026-03-03T12:15:00Z\n"
                 "notice vm2 a2 2026-03-03T12:00:00Z 2026-03-03T12:15:00Z\n"
                 "fleet-concurrency vm1,vm2 a1,a2 2026-03-03T12:00:00Z 2026-03-03T12:15:00Z\n");

  first = maint_verify_plan (fleet, plan);
  second = maint_verify_plan (fleet, plan);
  g_assert_cmpuint (first->len, ==, second->len);
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpstr (maint_violation_get_message (g_ptr_array_index (first, i)), ==,
                     maint_violation_get_message (g_ptr_array_index (second, i)));
}

/* ------------------------------------------------------------------------
 * Rollouts (doc/rollout-contract.txt)
 * --------------------------------------------------------------------- */

/* Groups stage (staging), prod and prod2 (production), all UTC, daily
 * 22:00-02:00, a day's notice; hosts (four days' notice). Host h1 runs
 * s1 (stage), p1, p2 (prod); host h2 runs p3 (prod2). Rollout upd: a
 * ten-minute warm system update; waves "staging" (select staging),
 * "first" (share 0.5, from Wednesday) and "rest" (share 1.0, from
 * Thursday); staging lead a day; host reboots Wednesday to Sunday. */
static MaintFleet *
make_rollout_fleet (void)
{
  MaintFleet *fleet = maint_fleet_new ();
  MaintPolicy *policy = maint_fleet_get_policy (fleet);
  g_autoptr(MaintRollout) rollout = maint_rollout_new ("upd");
  g_autoptr(MaintWave) staging = maint_wave_new ("staging");
  g_autoptr(MaintWave) first = maint_wave_new ("first");
  g_autoptr(MaintWave) rest = maint_wave_new ("rest");
  g_autoptr(MaintInterval) host_reboots =
    maint_interval_new (maint_test_at ("2026-03-04T00:00:00Z"), maint_test_at ("2026-03-08T00:00:00Z"));
  g_autoptr(GError) error = NULL;

  maint_fleet_set_now (fleet, maint_test_at (NOW));
  maint_policy_set_horizon (policy, 28 * 86400);
  maint_policy_set_setup (policy, 300);
  maint_policy_set_min_slot (policy, 900);
  maint_policy_set_max_concurrent (policy, 0);
  maint_policy_set_max_concurrent_per_host (policy, 0);
  maint_policy_set_coalesce_with_host_reboot (policy, TRUE);

  maint_resource_group_set_stage (maint_test_add_group (fleet, "stage", "UTC", "daily 22:00-02:00", 86400),
                                  MAINT_STAGE_STAGING);
  maint_resource_group_set_stage (maint_test_add_group (fleet, "prod", "UTC", "daily 22:00-02:00", 86400),
                                  MAINT_STAGE_PRODUCTION);
  maint_resource_group_set_stage (maint_test_add_group (fleet, "prod2", "UTC", "daily 22:00-02:00", 86400),
                                  MAINT_STAGE_PRODUCTION);
  maint_resource_group_set_stage (maint_test_add_group (fleet, "hosts", "UTC", "daily 22:00-02:00", 4 * 86400),
                                  MAINT_STAGE_INFRASTRUCTURE);
  maint_test_add_machine (fleet, "h1", "hosts", MAINT_MACHINE_KIND_HOST, NULL);
  maint_test_add_machine (fleet, "h2", "hosts", MAINT_MACHINE_KIND_HOST, NULL);
  maint_test_add_machine (fleet, "s1", "stage", MAINT_MACHINE_KIND_VM, "h1");
  maint_test_add_machine (fleet, "p1", "prod", MAINT_MACHINE_KIND_VM, "h1");
  maint_test_add_machine (fleet, "p2", "prod", MAINT_MACHINE_KIND_VM, "h1");
  maint_test_add_machine (fleet, "p3", "prod2", MAINT_MACHINE_KIND_VM, "h2");

  maint_rollout_set_template_kind (rollout, MAINT_ACTIVITY_KIND_SYSTEM_UPDATE);
  maint_rollout_set_template_summary (rollout, "System update");
  maint_rollout_set_template_estimate (rollout, 600);
  maint_rollout_set_template_reboot (rollout, MAINT_REBOOT_KIND_WARM);
  maint_rollout_set_staging_lead (rollout, 86400);
  maint_rollout_set_host_reboots (rollout, host_reboots);
  maint_rollout_set_host_reboot_estimate (rollout, 1800);
  maint_wave_set_select_stage (staging, MAINT_STAGE_STAGING);
  maint_wave_set_share (first, 0.5);
  maint_wave_set_from (first, maint_test_at ("2026-03-04T00:00:00Z"));
  maint_wave_set_share (rest, 1.0);
  maint_wave_set_from (rest, maint_test_at ("2026-03-05T00:00:00Z"));
  maint_rollout_add_wave (rollout, staging);
  maint_rollout_add_wave (rollout, first);
  maint_rollout_add_wave (rollout, rest);
  g_assert_true (maint_fleet_add_rollout (fleet, rollout, &error));
  g_assert_no_error (error);
  return fleet;
}

static MaintSlot *
add_rollout_slot (MaintFleet *fleet,
                  MaintPlan  *plan,
                  const char *machine,
                  const char *wave,
                  const char *start,
                  const char *end)
{
  g_autofree char *id = g_strdup_printf ("upd/%s", machine);
  MaintSlot *slot = add_slot (fleet, plan, machine, start, end, id, NULL);

  maint_slot_set_rollout (slot, "upd");
  maint_slot_set_wave (slot, wave);
  maint_slot_set_reboot (slot, wave ? MAINT_REBOOT_KIND_WARM : MAINT_REBOOT_KIND_COLD);
  return slot;
}

static void
add_count (MaintPlan  *plan,
           const char *machine,
           guint       own,
           guint       host,
           guint       saved)
{
  g_autoptr(MaintRebootCount) count = maint_reboot_count_new (machine, own, host, saved);

  maint_plan_add_reboot_count (plan, count);
}

/* Options for the rollout plan, each breaking or changing one thing. */
typedef enum {
  RP_NONE = 0,
  RP_ABSORB_P3 = 1 << 0,         /* p3's update absorbed by h2's reboot */
  RP_NO_P3_DOWNTIME = 1 << 1,    /* h2's reboot lists no downtime for p3 */
  RP_NO_H2_REBOOT = 1 << 2,      /* h2 is not rebooted at all */
  RP_NO_S1 = 1 << 3,             /* s1's update is missing */
} RolloutPlanFlags;

/* The plan that holds: s1 Tuesday night, p1 and p3 (wave first)
 * Wednesday night from 22:30 (a day after s1 ends), one after another, p2 (rest) Thursday
 * night, h1 and h2 rebooted Saturday night (35 minutes: the estimate
 * plus setup), with their guests' downtime and the reboot counts. */
typedef struct {
  const char *machine;
  const char *start;
  const char *end;
} Move;

/* @move, when not NULL, gives one machine's slot other times (for a host
 * also its guests' downtime). */
static MaintPlan *
make_rollout_plan (MaintFleet       *fleet,
                   RolloutPlanFlags  flags,
                   const Move       *move)
{
  MaintPlan *plan = make_plan ();
  const char *times[][3] = {
    { "s1", "2026-03-03T22:00:00Z", "2026-03-03T22:15:00Z" },
    { "p1", "2026-03-04T22:30:00Z", "2026-03-04T22:45:00Z" },
    { "p3", "2026-03-04T22:45:00Z", "2026-03-04T23:00:00Z" },
    { "p2", "2026-03-05T22:00:00Z", "2026-03-05T22:15:00Z" },
    { "h1", "2026-03-07T22:00:00Z", "2026-03-07T22:35:00Z" },
    { "h2", "2026-03-07T23:00:00Z", "2026-03-07T23:35:00Z" },
  };
  const char *h2s, *h2e;

  for (guint i = 0; move != NULL && i < G_N_ELEMENTS (times); i++)
    if (g_str_equal (times[i][0], move->machine))
      {
        times[i][1] = move->start;
        times[i][2] = move->end;
      }
  h2s = times[5][1];
  h2e = times[5][2];

  if (!(flags & RP_NO_S1))
    add_rollout_slot (fleet, plan, "s1", "staging", times[0][1], times[0][2]);
  add_rollout_slot (fleet, plan, "p1", "first", times[1][1], times[1][2]);
  if (!(flags & RP_ABSORB_P3))
    add_rollout_slot (fleet, plan, "p3", "first", times[2][1], times[2][2]);
  add_rollout_slot (fleet, plan, "p2", "rest", times[3][1], times[3][2]);
  add_rollout_slot (fleet, plan, "h1", NULL, times[4][1], times[4][2]);
  add_host_downtime (fleet, plan, "h1", times[4][1], times[4][2]);
  if (!(flags & RP_NO_H2_REBOOT))
    {
      add_rollout_slot (fleet, plan, "h2", NULL, h2s, h2e);
      if (!(flags & RP_NO_P3_DOWNTIME))
        {
          g_autoptr(MaintHostDowntime) hd =
            maint_host_downtime_new ("p3", "h2", maint_test_at (h2s), maint_test_at (h2e));

          if (flags & RP_ABSORB_P3)
            maint_host_downtime_set_activities (hd, (const char * const[]) { "upd/p3", NULL });
          maint_plan_add_host_downtime (plan, hd);
        }
      add_count (plan, "h2", 1, 0, 0);
    }

  add_count (plan, "h1", 1, 0, 0);
  add_count (plan, "s1", (flags & RP_NO_S1) ? 0 : 1, 1, 0);
  add_count (plan, "p1", 1, 1, 0);
  add_count (plan, "p2", 1, 1, 0);
  if (flags & RP_ABSORB_P3)
    add_count (plan, "p3", 0, 1, 1);
  else if (flags & (RP_NO_P3_DOWNTIME | RP_NO_H2_REBOOT))
    add_count (plan, "p3", 1, 0, 0);
  else
    add_count (plan, "p3", 1, 1, 0);
  return plan;
}


static void
assert_rollout (RolloutPlanFlags  flags,
                const Move       *move,
                const char       *expected)
{
  g_autoptr(MaintFleet) fleet = make_rollout_fleet ();
  g_autoptr(MaintPlan) plan = make_rollout_plan (fleet, flags, move);

  assert_verify (fleet, plan, expected);
}

static void
test_rollout_holds (void)
{
  assert_rollout (RP_NONE, NULL, "");
  /* absorbed by the host reboot: p3 has no slot, one reboot */
  assert_rollout (RP_ABSORB_P3, NULL, "");
}

/* R3: a slot of wave rest before the wave's from */
static void
test_rollout_wave_interval (void)
{
  Move move = { "p2", "2026-03-04T23:00:00Z", "2026-03-04T23:15:00Z" };

  assert_rollout (RP_NONE, &move,
                  "rollout p2 upd/p2 2026-03-04T23:00:00Z 2026-03-04T23:15:00Z\n");
}

/* a slot's wave must be a wave of its rollout; a rollout slot names both */
static void
test_rollout_slot_names (void)
{
  g_autoptr(MaintFleet) fleet = make_rollout_fleet ();
  g_autoptr(MaintPlan) plan = make_rollout_plan (fleet, RP_NONE, NULL);

  maint_slot_set_wave (maint_test_slot_of (plan, "upd/p2"), "nope");
  assert_verify (fleet, plan,
                 "rollout p2 upd/p2 2026-03-05T22:00:00Z 2026-03-05T22:15:00Z\n");
  maint_slot_set_wave (maint_test_slot_of (plan, "upd/p2"), NULL);
  assert_verify (fleet, plan,
                 "rollout p2 upd/p2 2026-03-05T22:00:00Z 2026-03-05T22:15:00Z\n");
  maint_slot_set_wave (maint_test_slot_of (plan, "upd/p2"), "rest");
  maint_slot_set_rollout (maint_test_slot_of (plan, "upd/p2"), "other");
  assert_verify (fleet, plan,
                 "rollout p2 upd/p2 2026-03-05T22:00:00Z 2026-03-05T22:15:00Z\n");
  maint_slot_set_rollout (maint_test_slot_of (plan, "upd/p2"), "upd");
  /* a host reboot belongs to no wave */
  maint_slot_set_wave (maint_test_slot_of (plan, "upd/h1"), "rest");
  assert_verify (fleet, plan,
                 "rollout h1 upd/h1 2026-03-07T22:00:00Z 2026-03-07T22:35:00Z\n");
  maint_slot_set_wave (maint_test_slot_of (plan, "upd/h1"), NULL);
  assert_verify (fleet, plan, "");
}

/* share waves: first takes ceil(0.5 × 3) = 2, rest the 1 left */
static void
test_rollout_share_count (void)
{
  Move move = { "p3", "2026-03-05T22:30:00Z", "2026-03-05T22:45:00Z" };
  g_autoptr(MaintFleet) fleet = make_rollout_fleet ();
  g_autoptr(MaintPlan) plan = make_rollout_plan (fleet, RP_NONE, &move);

  /* p3 moved to Thursday and into wave rest: first has 1, rest 2 */
  maint_slot_set_wave (maint_test_slot_of (plan, "upd/p3"), "rest");
  assert_verify (fleet, plan, "rollout p1 - - -\n");
  /* in wave first on Thursday it holds */
  maint_slot_set_wave (maint_test_slot_of (plan, "upd/p3"), "first");
  assert_verify (fleet, plan, "");
}

/* a select wave holds exactly its matches: s1 is staging */
static void
test_rollout_select (void)
{
  g_autoptr(MaintFleet) fleet = make_rollout_fleet ();
  g_autoptr(MaintPlan) plan = make_rollout_plan (fleet, RP_NO_S1, NULL);

  assert_verify (fleet, plan, "rollout s1 upd/s1 - -\n");
}

/* no machine in two waves */
static void
test_rollout_two_waves (void)
{
  g_autoptr(MaintFleet) fleet = make_rollout_fleet ();
  g_autoptr(MaintPlan) plan = make_rollout_plan (fleet, RP_NONE, NULL);
  g_autoptr(MaintActivity) extra = maint_activity_new ("x1", "p1", MAINT_ACTIVITY_KIND_FS_CHECK);
  MaintSlot *slot;

  /* a fleet activity naming the rollout, in a slot of wave rest */
  maint_activity_set_estimate (extra, 600);
  maint_activity_set_rollout (extra, "upd");
  g_assert_true (maint_fleet_add_activity (fleet, extra, NULL));
  slot = add_slot (fleet, plan, "p1", "2026-03-05T23:00:00Z", "2026-03-05T23:15:00Z", "x1", NULL);
  maint_slot_set_rollout (slot, "upd");
  maint_slot_set_wave (slot, "rest");
  assert_verify (fleet, plan,
                 "rollout p1 - 2026-03-04T22:30:00Z 2026-03-05T23:15:00Z\n");
  maint_slot_set_wave (slot, "first");
  assert_verify (fleet, plan, "");
}

/* a generated activity is covered exactly once */
static void
test_rollout_coverage (void)
{
  g_autoptr(MaintFleet) fleet = make_rollout_fleet ();
  g_autoptr(MaintPlan) plan = make_rollout_plan (fleet, RP_NONE, NULL);

  add_unscheduled (plan, "upd/p2", "p2");
  assert_verify (fleet, plan,
                 "rollout p2 upd/p2 2026-03-05T22:00:00Z 2026-03-05T22:15:00Z\n");
}

/* R4: s1 (staging) ends 22:45, later than a day before p1's 22:30 */
static void
test_rollout_staging_lead (void)
{
  Move move = { "s1", "2026-03-03T22:30:00Z", "2026-03-03T22:45:00Z" };

  assert_rollout (RP_NONE, &move,
                  "rollout p1,s1 upd/s1 2026-03-03T22:30:00Z 2026-03-03T22:45:00Z\n");
}

/* R5: after host_reboots ends */
static void
test_rollout_host_window (void)
{
  Move move = { "h2", "2026-03-08T00:30:00Z", "2026-03-08T01:05:00Z" };

  assert_rollout (RP_NONE, &move,
                  "rollout h2 upd/h2 2026-03-08T00:30:00Z 2026-03-08T01:05:00Z\n");
}

/* R5: the host reboots before its guest's rollout slot ends; p3's own
 * slot and its host's reboot overlap */
static void
test_rollout_host_after_guests (void)
{
  Move move = { "h2", "2026-03-06T22:00:00Z", "2026-03-06T22:35:00Z" };
  Move early = { "h2", "2026-03-04T22:50:00Z", "2026-03-04T23:25:00Z" };

  /* Friday night is inside host_reboots and the hosts' notice */
  assert_rollout (RP_NONE, &move, "");
  /* Wednesday 22:50 is too early for the hosts' notice, and before p3 ends */
  assert_rollout (RP_NONE, &early,
                  "rollout h2 upd/h2 2026-03-04T22:50:00Z 2026-03-04T23:25:00Z\n"
                  "rollout h2,p3 upd/h2,upd/p3 2026-03-04T22:50:00Z 2026-03-04T23:00:00Z\n");
}

/* R5: the host group's notice (four days: not before Friday 21:30) */
static void
test_rollout_host_notice (void)
{
  Move move = { "h2", "2026-03-05T23:00:00Z", "2026-03-05T23:35:00Z" };

  assert_rollout (RP_NONE, &move,
                  "rollout h2 upd/h2 2026-03-05T23:00:00Z 2026-03-05T23:35:00Z\n");
}

/* R5: one host downtime entry per guest, one reboot per host */
static void
test_rollout_host_downtime (void)
{
  assert_rollout (RP_NO_P3_DOWNTIME, NULL,
                  "rollout h2,p3 - 2026-03-07T23:00:00Z 2026-03-07T23:35:00Z\n");
  assert_rollout (RP_NO_H2_REBOOT, NULL, "rollout h2 upd/h2 - -\n");
}

/* R6: absorption needs the policy and the guest group's notice and windows */
static void
test_rollout_absorption (void)
{
  g_autoptr(MaintFleet) fleet = make_rollout_fleet ();
  g_autoptr(MaintPlan) plan = make_rollout_plan (fleet, RP_ABSORB_P3, NULL);
  MaintResourceGroup *prod2 = maint_fleet_lookup_group (fleet, "prod2");
  g_autoptr(MaintInterval) blackout =
    maint_interval_new (maint_test_at ("2026-03-07T23:30:00Z"), maint_test_at ("2026-03-08T00:00:00Z"));

  assert_verify (fleet, plan, "");

  maint_policy_set_coalesce_with_host_reboot (maint_fleet_get_policy (fleet), FALSE);
  assert_verify (fleet, plan,
                 "rollout h2,p3 upd/p3 2026-03-07T23:00:00Z 2026-03-07T23:35:00Z\n");
  maint_policy_set_coalesce_with_host_reboot (maint_fleet_get_policy (fleet), TRUE);

  maint_resource_group_set_notice (prod2, 6 * 86400);
  assert_verify (fleet, plan,
                 "rollout h2,p3 upd/p3 2026-03-07T23:00:00Z 2026-03-07T23:35:00Z\n");
  maint_resource_group_set_notice (prod2, 86400);

  maint_resource_group_add_blackout (prod2, blackout);
  assert_verify (fleet, plan,
                 "rollout h2,p3 upd/p3 2026-03-07T23:00:00Z 2026-03-07T23:35:00Z\n");
  maint_resource_group_clear_blackouts (prod2);
  assert_verify (fleet, plan, "");
}

/* R7: the counts say what the slots and host downtime say */
static void
test_rollout_reboot_counts (void)
{
  g_autoptr(MaintFleet) fleet = make_rollout_fleet ();
  g_autoptr(MaintPlan) plan = make_rollout_plan (fleet, RP_NONE, NULL);

  /* p1 counted a second time, with no host reboot */
  add_count (plan, "p1", 1, 0, 0);
  assert_verify (fleet, plan, "reference p1 - - -\n");
  g_clear_object (&plan);

  /* absorbed, but counted as if it was not */
  plan = make_rollout_plan (fleet, RP_ABSORB_P3, NULL);
  g_ptr_array_remove_index (maint_plan_get_reboot_counts (plan),
                            maint_plan_get_reboot_counts (plan)->len - 1);
  add_count (plan, "p3", 1, 1, 0);
  assert_verify (fleet, plan, "reference p3 - - -\n");
}

/* each host reboot counts as one machine against max_concurrent */
static void
test_rollout_fleet_concurrency (void)
{
  Move move = { "h2", "2026-03-07T22:00:00Z", "2026-03-07T22:35:00Z" };
  g_autoptr(MaintFleet) fleet = make_rollout_fleet ();
  g_autoptr(MaintPlan) plan = make_rollout_plan (fleet, RP_NONE, &move);

  maint_policy_set_max_concurrent (maint_fleet_get_policy (fleet), 2);
  assert_verify (fleet, plan, "");
  maint_policy_set_max_concurrent (maint_fleet_get_policy (fleet), 1);
  assert_verify (fleet, plan,
                 "fleet-concurrency h1,h2 upd/h1,upd/h2 2026-03-07T22:00:00Z 2026-03-07T22:35:00Z\n");
}

/* 100,000 guests on 2,000 hosts in 500 groups, one slot each spread over
 * the nights of a fortnight; one guest doubled up into a service partner's
 * slot. The verifier must find exactly that, quickly. */
static void
test_large (void)
{
  g_autoptr(MaintFleet) fleet = maint_fleet_new ();
  g_autoptr(MaintPlan) plan = NULL;
  g_autoptr(GPtrArray) violations = NULL;
  g_autofree char *summary = NULL;
  gint64 now = maint_test_at ("2026-03-02T00:00:00Z");
  gint64 t0;
  const guint n_vms = 100000, n_hosts = 2000, n_groups = 500;

  maint_fleet_set_now (fleet, now);
  maint_policy_set_max_concurrent (maint_fleet_get_policy (fleet), 5000);
  maint_policy_set_max_concurrent_per_host (maint_fleet_get_policy (fleet), 2);
  for (guint g = 0; g < n_groups; g++)
    {
      g_autofree char *name = g_strdup_printf ("g%u", g);

      maint_resource_group_set_max_concurrent (
        maint_test_add_group (fleet, name, g % 2 ? "Europe/Berlin" : "UTC", "daily 00:00-24:00", 0), 100);
    }
  for (guint h = 0; h < n_hosts; h++)
    {
      g_autofree char *name = g_strdup_printf ("h%u", h);

      maint_test_add_machine (fleet, name, "g0", MAINT_MACHINE_KIND_HOST, NULL);
    }
  plan = maint_plan_new (now);
  for (guint i = 0; i < n_vms; i++)
    {
      g_autofree char *name = g_strdup_printf ("vm%u", i);
      g_autofree char *host = g_strdup_printf ("h%u", i % n_hosts);
      g_autofree char *group = g_strdup_printf ("g%u", i % n_groups);
      g_autofree char *id = g_strdup_printf ("act%u", i);
      g_autoptr(MaintSlot) slot = NULL;
      /* guest k of a host gets the k-th quarter hour of day k/96 */
      guint k = i / n_hosts;
      gint64 start = now + 86400 + (k / 96) * 86400 + (k % 96) * 900;

      maint_test_add_machine (fleet, name, group, MAINT_MACHINE_KIND_VM, host);
      add_activity (fleet, id, name, 600);
      slot = maint_slot_new (name, start, start + 900);
      maint_slot_set_group (slot, group);
      maint_slot_set_activities (slot, (const char * const[]) { id, NULL });
      maint_plan_add_slot (plan, slot);
    }
  /* vm0 and vm2000 share h0 and the service; vm2000 comes a quarter
   * hour after vm0 — move it onto vm0's quarter */
  add_service (fleet, "pair", (const char * const[]) { "vm0", "vm2000", NULL });
  {
    g_autoptr(MaintSlot) slot = maint_slot_new ("vm2000", now + 86400, now + 86400 + 900);
    MaintSlot *old = g_ptr_array_index (maint_plan_get_slots (plan), 2000);

    maint_slot_set_group (slot, maint_slot_get_group (old));
    maint_slot_set_activities (slot, (const char * const[]) { "act2000", NULL });
    maint_slot_set_activities (old, (const char * const[]) { NULL });
    maint_plan_add_slot (plan, slot);
  }

  t0 = g_get_monotonic_time ();
  violations = maint_verify_plan (fleet, plan);
  g_test_message ("verified %u slots in %.3f s",
                  maint_plan_get_slots (plan)->len,
                  (g_get_monotonic_time () - t0) / 1e6);
  summary = summarize (violations);
  g_assert_cmpstr (summary, ==,
                   "reference vm2000 - 2026-03-03T00:15:00Z 2026-03-03T00:30:00Z\n"
                   "service-unavailable vm0,vm2000 act0,act2000 2026-03-03T00:00:00Z 2026-03-03T00:15:00Z\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/verifier/holds", test_holds);
  g_test_add_func ("/verifier/violation-object", test_violation_object);
  g_test_add_func ("/verifier/reference", test_reference);
  g_test_add_func ("/verifier/reference-host-downtime", test_reference_host_downtime);
  g_test_add_func ("/verifier/coverage", test_coverage);
  g_test_add_func ("/verifier/slot-length", test_slot_length);
  g_test_add_func ("/verifier/window", test_window);
  g_test_add_func ("/verifier/window-union", test_window_union);
  g_test_add_func ("/verifier/window-dst", test_window_dst);
  g_test_add_func ("/verifier/blackout", test_blackout);
  g_test_add_func ("/verifier/horizon", test_horizon);
  g_test_add_func ("/verifier/notice", test_notice);
  g_test_add_func ("/verifier/not-before", test_not_before);
  g_test_add_func ("/verifier/auto-schedule", test_auto_schedule);
  g_test_add_func ("/verifier/pinned", test_pinned);
  g_test_add_func ("/verifier/pinned-merged", test_pinned_merged);
  g_test_add_func ("/verifier/pinned-capacity", test_pinned_capacity);
  g_test_add_func ("/verifier/machine-overlap", test_machine_overlap);
  g_test_add_func ("/verifier/fleet-concurrency", test_fleet_concurrency);
  g_test_add_func ("/verifier/host-concurrency", test_host_concurrency);
  g_test_add_func ("/verifier/group-concurrency", test_group_concurrency);
  g_test_add_func ("/verifier/service-unavailable", test_service_unavailable);
  g_test_add_func ("/verifier/service-host-downtime", test_service_host_downtime);
  g_test_add_func ("/verifier/service-spacing", test_service_spacing);
  g_test_add_func ("/verifier/service-order", test_service_order);
  g_test_add_func ("/verifier/sorted", test_sorted_and_deterministic);
  g_test_add_func ("/verifier/rollout/holds", test_rollout_holds);
  g_test_add_func ("/verifier/rollout/wave-interval", test_rollout_wave_interval);
  g_test_add_func ("/verifier/rollout/slot-names", test_rollout_slot_names);
  g_test_add_func ("/verifier/rollout/share-count", test_rollout_share_count);
  g_test_add_func ("/verifier/rollout/select", test_rollout_select);
  g_test_add_func ("/verifier/rollout/two-waves", test_rollout_two_waves);
  g_test_add_func ("/verifier/rollout/coverage", test_rollout_coverage);
  g_test_add_func ("/verifier/rollout/staging-lead", test_rollout_staging_lead);
  g_test_add_func ("/verifier/rollout/host-window", test_rollout_host_window);
  g_test_add_func ("/verifier/rollout/host-after-guests", test_rollout_host_after_guests);
  g_test_add_func ("/verifier/rollout/host-notice", test_rollout_host_notice);
  g_test_add_func ("/verifier/rollout/host-downtime", test_rollout_host_downtime);
  g_test_add_func ("/verifier/rollout/absorption", test_rollout_absorption);
  g_test_add_func ("/verifier/rollout/reboot-counts", test_rollout_reboot_counts);
  g_test_add_func ("/verifier/rollout/fleet-concurrency", test_rollout_fleet_concurrency);
  g_test_add_func ("/verifier/large", test_large);

  return g_test_run ();
}
