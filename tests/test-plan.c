/* test-plan.c: the plan's value types and bookkeeping
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <libmaint/libmaint.h>
#include "maint-enum-types.h"
#include "maint-plan-private.h"
#include "maint-fleet-gen.h"

#define T0 G_GINT64_CONSTANT (1362128400)   /* 2013-03-01T09:00:00Z */
#define HOUR 3600

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *counter)
{
  (*counter)++;
}

static void
test_slot_properties (void)
{
  g_autoptr(MaintSlot) slot = NULL;
  g_auto(GStrv) activities = NULL;
  g_autofree char *machine = NULL;
  const char *ids[] = { "a-1", "a-7", NULL };
  MaintRebootKind reboot;
  gint64 start, end;
  gboolean pinned;

  /* What bindings do: everything through properties. */
  slot = g_object_new (MAINT_TYPE_SLOT,
                       "machine", "acme-web1",
                       "start", T0 + 10 * HOUR,
                       "end", T0 + 11 * HOUR,
                       "group", "acme",
                       "activities", ids,
                       "reboot", MAINT_REBOOT_KIND_COLD,
                       "wave", "20%",
                       "pinned", TRUE,
                       NULL);

  g_assert_cmpstr (maint_slot_get_machine (slot), ==, "acme-web1");
  g_assert_cmpstr (maint_slot_get_group (slot), ==, "acme");
  g_assert_cmpint (maint_slot_get_start (slot), ==, T0 + 10 * HOUR);
  g_assert_cmpint (maint_slot_get_end (slot), ==, T0 + 11 * HOUR);
  g_assert_true (g_strv_equal (maint_slot_get_activities (slot), ids));
  g_assert_cmpint (maint_slot_get_reboot (slot), ==, MAINT_REBOOT_KIND_COLD);
  g_assert_cmpstr (maint_slot_get_wave (slot), ==, "20%");
  g_assert_null (maint_slot_get_rollout (slot));
  g_assert_cmpint (maint_slot_get_announce_by (slot), ==, 0);
  g_assert_true (maint_slot_get_pinned (slot));

  g_object_get (slot,
                "machine", &machine,
                "start", &start,
                "end", &end,
                "activities", &activities,
                "reboot", &reboot,
                "pinned", &pinned,
                NULL);
  g_assert_cmpstr (machine, ==, "acme-web1");
  g_assert_cmpint (start, ==, T0 + 10 * HOUR);
  g_assert_cmpint (end, ==, T0 + 11 * HOUR);
  g_assert_true (g_strv_equal ((const char * const *) activities, ids));
  g_assert_cmpint (reboot, ==, MAINT_REBOOT_KIND_COLD);
  g_assert_true (pinned);
}

static void
test_slot_defaults (void)
{
  g_autoptr(MaintSlot) slot = maint_slot_new ("m", T0, T0 + HOUR);
  const char * const *activities = maint_slot_get_activities (slot);

  g_assert_nonnull (activities);
  g_assert_null (activities[0]);
  g_assert_cmpint (maint_slot_get_reboot (slot), ==, MAINT_REBOOT_KIND_NONE);
  g_assert_null (maint_slot_get_group (slot));
  g_assert_null (maint_slot_get_local_start (slot));
  g_assert_null (maint_slot_get_local_end (slot));
  g_assert_false (maint_slot_get_pinned (slot));

  /* NULL activities are the empty list */
  maint_slot_set_activities (slot, NULL);
  g_assert_nonnull (maint_slot_get_activities (slot));
}

static void
test_slot_notify (void)
{
  g_autoptr(MaintSlot) slot = maint_slot_new ("m", T0, T0 + HOUR);
  const char *ids[] = { "a-1", NULL };
  const char *same_ids[] = { "a-1", NULL };
  guint notified = 0;

  g_signal_connect (slot, "notify", G_CALLBACK (count_notify), &notified);

  maint_slot_set_group (slot, "acme");
  maint_slot_set_group (slot, "acme");
  g_assert_cmpuint (notified, ==, 1);

  maint_slot_set_activities (slot, ids);
  maint_slot_set_activities (slot, same_ids);
  g_assert_cmpuint (notified, ==, 2);

  maint_slot_set_reboot (slot, MAINT_REBOOT_KIND_WARM);
  maint_slot_set_reboot (slot, MAINT_REBOOT_KIND_WARM);
  g_assert_cmpuint (notified, ==, 3);

  maint_slot_set_pinned (slot, TRUE);
  maint_slot_set_pinned (slot, 2);   /* any true value is the same */
  g_assert_cmpuint (notified, ==, 4);

  maint_slot_set_announce_by (slot, T0 - HOUR);
  maint_slot_set_announce_by (slot, T0 - HOUR);
  g_assert_cmpuint (notified, ==, 5);

  maint_slot_set_local_start (slot, "2013-03-01T10:00:00+01:00");
  maint_slot_set_local_end (slot, "2013-03-01T11:00:00+01:00");
  maint_slot_set_rollout (slot, "os");
  maint_slot_set_wave (slot, "rest");
  maint_slot_set_wave (slot, "rest");
  g_assert_cmpuint (notified, ==, 9);

  maint_slot_set_wave (slot, NULL);
  g_assert_cmpuint (notified, ==, 10);
  g_assert_null (maint_slot_get_wave (slot));
}

static MaintSlot *
full_slot (void)
{
  const char *ids[] = { "a-1", "a-7", NULL };
  MaintSlot *slot = maint_slot_new ("acme-web1", T0, T0 + HOUR);

  maint_slot_set_group (slot, "acme");
  maint_slot_set_local_start (slot, "2013-03-01T10:00:00+01:00");
  maint_slot_set_local_end (slot, "2013-03-01T11:00:00+01:00");
  maint_slot_set_activities (slot, ids);
  maint_slot_set_reboot (slot, MAINT_REBOOT_KIND_WARM);
  maint_slot_set_rollout (slot, "os-2013-03");
  maint_slot_set_wave (slot, "20%");
  maint_slot_set_announce_by (slot, T0 - 7 * 24 * HOUR);
  return slot;
}

static void
test_slot_equal (void)
{
  const char *other_ids[] = { "a-7", "a-1", NULL };
  g_autoptr(MaintSlot) a = full_slot ();
  g_autoptr(MaintSlot) b = NULL;

  g_assert_true (maint_slot_equal (a, a));

  /* each field on its own makes a difference */
  for (guint field = 0; field < 13; field++)
    {
      g_clear_object (&b);
      switch (field)
        {
        case 0:
          b = full_slot ();
          g_assert_true (maint_slot_equal (a, b));
          g_assert_true (maint_slot_equal (b, a));
          continue;
        case 1:
          b = maint_slot_new ("acme-web2", T0, T0 + HOUR);
          break;
        case 2:
          b = maint_slot_new ("acme-web1", T0 + 1, T0 + HOUR);
          break;
        case 3:
          b = maint_slot_new ("acme-web1", T0, T0 + HOUR + 1);
          break;
        default:
          break;
        }
      if (b == NULL)
        b = full_slot ();
      else
        {
          g_autoptr(MaintSlot) template = full_slot ();

          maint_slot_set_group (b, maint_slot_get_group (template));
          maint_slot_set_local_start (b, maint_slot_get_local_start (template));
          maint_slot_set_local_end (b, maint_slot_get_local_end (template));
          maint_slot_set_activities (b, maint_slot_get_activities (template));
          maint_slot_set_reboot (b, maint_slot_get_reboot (template));
          maint_slot_set_rollout (b, maint_slot_get_rollout (template));
          maint_slot_set_wave (b, maint_slot_get_wave (template));
          maint_slot_set_announce_by (b, maint_slot_get_announce_by (template));
        }

      switch (field)
        {
        case 4: maint_slot_set_group (b, NULL); break;
        case 5: maint_slot_set_local_start (b, "2013-03-01T09:00:00Z"); break;
        case 6: maint_slot_set_local_end (b, "2013-03-01T10:00:00Z"); break;
        case 7: maint_slot_set_activities (b, other_ids); break;
        case 8: maint_slot_set_reboot (b, MAINT_REBOOT_KIND_COLD); break;
        case 9: maint_slot_set_rollout (b, NULL); break;
        case 10: maint_slot_set_wave (b, "rest"); break;
        case 11: maint_slot_set_announce_by (b, 0); break;
        case 12: maint_slot_set_pinned (b, TRUE); break;
        default: break;
        }

      g_assert_false (maint_slot_equal (a, b));
      g_assert_false (maint_slot_equal (b, a));
    }
}

static void
test_unscheduled (void)
{
  g_autoptr(MaintUnscheduled) u = NULL;
  g_autoptr(MaintUnscheduled) v = NULL;
  MaintUnscheduledReason reason;
  g_autofree char *detail = NULL;

  u = maint_unscheduled_new ("a-9", "acme-db1", MAINT_UNSCHEDULED_CAPACITY,
                             "every window was full");
  g_assert_cmpstr (maint_unscheduled_get_activity (u), ==, "a-9");
  g_assert_cmpstr (maint_unscheduled_get_machine (u), ==, "acme-db1");
  g_assert_cmpint (maint_unscheduled_get_reason (u), ==, MAINT_UNSCHEDULED_CAPACITY);
  g_assert_cmpstr (maint_unscheduled_get_detail (u), ==, "every window was full");

  v = g_object_new (MAINT_TYPE_UNSCHEDULED,
                    "activity", "a-1", "machine", "m",
                    "reason", MAINT_UNSCHEDULED_TOO_LONG, NULL);
  g_object_get (v, "reason", &reason, "detail", &detail, NULL);
  g_assert_cmpint (reason, ==, MAINT_UNSCHEDULED_TOO_LONG);
  g_assert_null (detail);
}

static void
test_reboot_count (void)
{
  g_autoptr(MaintRebootCount) c = maint_reboot_count_new ("acme-web1", 1, 2, 1);
  g_autoptr(MaintRebootCount) big = maint_reboot_count_new ("x", G_MAXUINT, 5, 0);
  guint total = 0;

  g_assert_cmpstr (maint_reboot_count_get_machine (c), ==, "acme-web1");
  g_assert_cmpuint (maint_reboot_count_get_own (c), ==, 1);
  g_assert_cmpuint (maint_reboot_count_get_host (c), ==, 2);
  g_assert_cmpuint (maint_reboot_count_get_total (c), ==, 3);
  g_assert_cmpuint (maint_reboot_count_get_saved (c), ==, 1);
  g_object_get (c, "total", &total, NULL);
  g_assert_cmpuint (total, ==, 3);

  /* saturates instead of wrapping around */
  g_assert_cmpuint (maint_reboot_count_get_total (big), ==, G_MAXUINT);
}

static void
test_host_downtime (void)
{
  g_autoptr(MaintHostDowntime) d = maint_host_downtime_new ("acme-web1", "kvm01",
                                                            T0, T0 + HOUR);
  gint64 end = 0;

  g_assert_cmpstr (maint_host_downtime_get_guest (d), ==, "acme-web1");
  g_assert_cmpstr (maint_host_downtime_get_host (d), ==, "kvm01");
  g_assert_cmpint (maint_host_downtime_get_start (d), ==, T0);
  g_assert_cmpint (maint_host_downtime_get_end (d), ==, T0 + HOUR);
  g_object_get (d, "end", &end, NULL);
  g_assert_cmpint (end, ==, T0 + HOUR);
}

/* maint_strv_pack(): the ids in one block, freed with g_free() */
static void
test_strv_pack (void)
{
  const char * const ids[] = { "a", "bc", "", "def", NULL };
  g_autofree char **all = maint_strv_pack (ids, -1);
  g_autofree char **two = maint_strv_pack (ids, 2);
  g_autofree char **none = maint_strv_pack (ids, 0);
  g_autofree char **null = maint_strv_pack (NULL, -1);

  g_assert_true (g_strv_equal ((const char * const *) all, ids));
  g_assert_cmpuint (g_strv_length (two), ==, 2);
  g_assert_cmpstr (two[0], ==, "a");
  g_assert_cmpstr (two[1], ==, "bc");
  g_assert_null (none[0]);
  g_assert_null (null[0]);
  /* the texts follow the pointers, in order */
  g_assert_true (all[0] == (char *) (all + 5));
  g_assert_true (all[3] == all[2] + 1);
}

/* The scheduler's constructors share names; the public setters give an
 * object a name of its own, and nothing else changes with it */
static void
test_shared_names (void)
{
  char *machine = g_ref_string_new ("acme-web1");
  char *group = g_ref_string_new ("acme");
  char *wave = g_ref_string_new ("canary");
  const char * const ids[] = { "a1", "a2", NULL };
  g_autoptr(MaintSlot) one = maint_slot_new_take (machine, group, T0, T0 + HOUR, g_strdup ("l1"), g_strdup ("l2"),
                                                 maint_strv_pack (ids, -1), MAINT_REBOOT_KIND_WARM, T0 - HOUR,
                                                 FALSE, NULL, wave);
  g_autoptr(MaintSlot) two = maint_slot_new_take (machine, group, T0 + 2 * HOUR, T0 + 3 * HOUR, NULL, NULL, NULL,
                                                 MAINT_REBOOT_KIND_NONE, 0, TRUE, NULL, NULL);
  g_autoptr(MaintHostDowntime) down = maint_host_downtime_new_take (machine, machine, T0, T0 + HOUR,
                                                                    maint_strv_pack (ids, 1));
  g_autoptr(MaintRebootCount) count = maint_reboot_count_new_shared (machine, 1, 2, 3);
  g_autoptr(MaintUnscheduled) u = maint_unscheduled_new_shared ("a3", machine, MAINT_UNSCHEDULED_CAPACITY,
                                                                "no room");

  /* The callers' references go; the objects keep theirs */
  g_ref_string_release (machine);
  g_ref_string_release (group);
  g_ref_string_release (wave);

  g_assert_true (maint_slot_get_machine (one) == maint_slot_get_machine (two));
  g_assert_true (maint_reboot_count_get_machine (count) == maint_slot_get_machine (one));
  g_assert_true (maint_host_downtime_get_guest (down) == maint_slot_get_machine (one));
  g_assert_true (maint_unscheduled_get_machine (u) == maint_slot_get_machine (one));
  g_assert_cmpstr (maint_slot_get_machine (two), ==, "acme-web1");
  g_assert_cmpstr (maint_slot_get_group (two), ==, "acme");
  g_assert_cmpstr (maint_slot_get_wave (one), ==, "canary");
  g_assert_null (maint_slot_get_rollout (one));
  g_assert_null (maint_slot_get_wave (two));
  g_assert_true (g_strv_equal (maint_slot_get_activities (one), ids));
  g_assert_null (maint_slot_get_activities (two)[0]);
  g_assert_cmpstr (maint_host_downtime_get_activities (down)[0], ==, "a1");
  g_assert_null (maint_host_downtime_get_activities (down)[1]);
  g_assert_cmpuint (maint_reboot_count_get_saved (count), ==, 3);
  g_assert_cmpstr (maint_unscheduled_get_detail (u), ==, "no room");
  g_assert_cmpstr (maint_unscheduled_get_activity (u), ==, "a3");

  /* A setter changes one object only */
  maint_slot_set_group (one, "other");
  maint_slot_set_activities (one, NULL);
  g_assert_cmpstr (maint_slot_get_group (one), ==, "other");
  g_assert_cmpstr (maint_slot_get_group (two), ==, "acme");
  g_assert_null (maint_slot_get_activities (one)[0]);
  g_clear_object (&one);
  g_assert_cmpstr (maint_slot_get_machine (two), ==, "acme-web1");
  g_assert_cmpstr (maint_reboot_count_get_machine (count), ==, "acme-web1");
}

/* The objects of @plan naming a machine share its name, and a group's
 * slots their group's */
static void
assert_names_shared (MaintPlan *plan)
{
  g_autoptr(GHashTable) machines = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *slots = maint_plan_get_slots (plan), *counts = maint_plan_get_reboot_counts (plan);
  guint shared = 0;

  g_assert_cmpuint (slots->len, >, 10);
  g_assert_cmpuint (counts->len, >, 10);
  for (guint i = 0; i < slots->len; i++)
    {
      MaintSlot *slot = g_ptr_array_index (slots, i);
      const char *m = g_hash_table_lookup (machines, maint_slot_get_machine (slot));
      const char *g = g_hash_table_lookup (groups, maint_slot_get_group (slot));

      if (m == NULL)
        g_hash_table_insert (machines, (gpointer) maint_slot_get_machine (slot),
                             (gpointer) maint_slot_get_machine (slot));
      else
        g_assert_true (m == maint_slot_get_machine (slot));
      if (g == NULL)
        g_hash_table_insert (groups, (gpointer) maint_slot_get_group (slot), (gpointer) maint_slot_get_group (slot));
      else
        {
          g_assert_true (g == maint_slot_get_group (slot));
          shared++;
        }
    }
  g_assert_cmpuint (shared, >, 0);
  shared = 0;
  for (guint i = 0; i < counts->len; i++)
    {
      MaintRebootCount *count = g_ptr_array_index (counts, i);
      const char *m = g_hash_table_lookup (machines, maint_reboot_count_get_machine (count));

      if (m != NULL)
        {
          g_assert_true (m == maint_reboot_count_get_machine (count));
          shared++;
        }
    }
  g_assert_cmpuint (shared, >, 0);
}

/* Plans from the scheduler and plans read back share names */
static void
test_plan_shares_names (void)
{
  MaintFleetGenParams params;
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintScheduler) scheduler = NULL;
  g_autoptr(MaintPlan) plan = NULL;
  g_autoptr(MaintPlan) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL, *again = NULL;
  gsize length = 0;

  maint_fleet_gen_params_for_size (&params, 200, 42);
  fleet = maint_fleet_gen (&params);
  scheduler = maint_scheduler_new (fleet);
  plan = maint_scheduler_run (scheduler, NULL, &error);
  g_assert_no_error (error);
  assert_names_shared (plan);

  data = maint_plan_to_data (plan, &length);
  read = maint_plan_new_from_data (data, (gssize) length, &error);
  g_assert_no_error (error);
  assert_names_shared (read);
  again = maint_plan_to_data (read, NULL);
  g_assert_cmpstr (again, ==, data);
}

static void
test_plan_lists_and_stats (void)
{
  g_autoptr(MaintPlan) plan = maint_plan_new (T0);
  g_autoptr(MaintSlot) s1 = maint_slot_new ("web1", T0 + 2 * HOUR, T0 + 3 * HOUR);
  g_autoptr(MaintSlot) s2 = maint_slot_new ("web2", T0 + 5 * HOUR, T0 + 6 * HOUR);
  g_autoptr(MaintSlot) s3 = maint_slot_new ("db1", T0 + HOUR, T0 + 2 * HOUR);
  g_autoptr(MaintUnscheduled) u = maint_unscheduled_new ("a-9", "db2",
                                                         MAINT_UNSCHEDULED_NO_WINDOW, NULL);
  g_autoptr(MaintRebootCount) c1 = maint_reboot_count_new ("web1", 1, 1, 0);
  g_autoptr(MaintRebootCount) c2 = maint_reboot_count_new ("web2", 0, 1, 1);
  g_autoptr(MaintHostDowntime) d = maint_host_downtime_new ("web2", "kvm01",
                                                            T0 + 7 * HOUR, T0 + 8 * HOUR);
  const char *ids1[] = { "a-1", "a-2", NULL };
  const char *ids2[] = { "a-3", NULL };
  guint n_scheduled = 99, n_reboots = 99;
  gint64 latest_end = 99;

  g_assert_cmpint (maint_plan_get_now (plan), ==, T0);
  g_assert_cmpuint (maint_plan_get_n_scheduled (plan), ==, 0);
  g_assert_cmpint (maint_plan_get_latest_end (plan), ==, 0);
  g_assert_null (maint_plan_lookup_slot (plan, "a-1"));

  maint_slot_set_activities (s1, ids1);
  maint_slot_set_activities (s2, ids2);
  maint_plan_add_slot (plan, s1);
  maint_plan_add_slot (plan, s2);
  maint_plan_add_slot (plan, s3);
  maint_plan_add_unscheduled (plan, u);
  maint_plan_add_reboot_count (plan, c1);
  maint_plan_add_reboot_count (plan, c2);
  maint_plan_add_host_downtime (plan, d);

  /* order kept as added, not re-sorted */
  g_assert_cmpuint (maint_plan_get_slots (plan)->len, ==, 3);
  g_assert_true (g_ptr_array_index (maint_plan_get_slots (plan), 0) == s1);
  g_assert_true (g_ptr_array_index (maint_plan_get_slots (plan), 2) == s3);
  g_assert_true (g_ptr_array_index (maint_plan_get_unscheduled (plan), 0) == u);
  g_assert_true (g_ptr_array_index (maint_plan_get_reboot_counts (plan), 1) == c2);
  g_assert_true (g_ptr_array_index (maint_plan_get_host_downtime (plan), 0) == d);

  g_assert_cmpuint (maint_plan_get_n_scheduled (plan), ==, 3);
  g_assert_cmpuint (maint_plan_get_n_unscheduled (plan), ==, 1);
  g_assert_cmpuint (maint_plan_get_n_reboots (plan), ==, 3);
  g_assert_cmpuint (maint_plan_get_n_reboots_saved (plan), ==, 1);
  /* host downtime is not a slot */
  g_assert_cmpint (maint_plan_get_latest_end (plan), ==, T0 + 6 * HOUR);

  g_object_get (plan, "n-scheduled", &n_scheduled, "n-reboots", &n_reboots,
                "latest-end", &latest_end, NULL);
  g_assert_cmpuint (n_scheduled, ==, 3);
  g_assert_cmpuint (n_reboots, ==, 3);
  g_assert_cmpint (latest_end, ==, T0 + 6 * HOUR);

  g_assert_true (maint_plan_lookup_slot (plan, "a-1") == s1);
  g_assert_true (maint_plan_lookup_slot (plan, "a-2") == s1);
  g_assert_true (maint_plan_lookup_slot (plan, "a-3") == s2);
  g_assert_null (maint_plan_lookup_slot (plan, "a-9"));

  maint_plan_set_elapsed (plan, 1234);
  g_assert_cmpint (maint_plan_get_elapsed (plan), ==, 1234);
}

static void
test_plan_lookup_follows_changes (void)
{
  g_autoptr(MaintPlan) plan = maint_plan_new (T0);
  g_autoptr(MaintSlot) s1 = maint_slot_new ("web1", T0 + HOUR, T0 + 2 * HOUR);
  g_autoptr(MaintSlot) s2 = maint_slot_new ("web1", T0 + 3 * HOUR, T0 + 4 * HOUR);
  const char *ids1[] = { "a-1", NULL };
  const char *ids2[] = { "a-1", "a-2", NULL };
  const char *moved[] = { "a-2", NULL };
  guint notified = 0;

  g_signal_connect (plan, "notify::n-scheduled", G_CALLBACK (count_notify), &notified);

  maint_slot_set_activities (s1, ids1);
  maint_plan_add_slot (plan, s1);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (maint_plan_lookup_slot (plan, "a-1") == s1);

  /* added after the index was built; a duplicate id keeps the first slot */
  maint_slot_set_activities (s2, ids2);
  maint_plan_add_slot (plan, s2);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (maint_plan_lookup_slot (plan, "a-1") == s1);
  g_assert_true (maint_plan_lookup_slot (plan, "a-2") == s2);
  g_assert_cmpuint (maint_plan_get_n_scheduled (plan), ==, 3);

  /* a held slot changes its activities */
  maint_slot_set_activities (s1, moved);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_true (maint_plan_lookup_slot (plan, "a-1") == s2);
  g_assert_true (maint_plan_lookup_slot (plan, "a-2") == s1);
  g_assert_cmpuint (maint_plan_get_n_scheduled (plan), ==, 3);

  /* the slot outlives the plan without dangling handlers */
  g_clear_object (&plan);
  maint_slot_set_activities (s1, ids1);
  g_assert_cmpstr (maint_slot_get_activities (s1)[0], ==, "a-1");
}

static void
test_plan_notify (void)
{
  g_autoptr(MaintPlan) plan = maint_plan_new (T0);
  g_autoptr(MaintSlot) early = maint_slot_new ("m", T0 + HOUR, T0 + 2 * HOUR);
  g_autoptr(MaintSlot) late = maint_slot_new ("m", T0 + 3 * HOUR, T0 + 4 * HOUR);
  g_autoptr(MaintRebootCount) none = maint_reboot_count_new ("m", 0, 0, 0);
  g_autoptr(MaintRebootCount) one = maint_reboot_count_new ("n", 1, 0, 0);
  guint latest = 0, reboots = 0, elapsed = 0;

  g_signal_connect (plan, "notify::latest-end", G_CALLBACK (count_notify), &latest);
  g_signal_connect (plan, "notify::n-reboots", G_CALLBACK (count_notify), &reboots);
  g_signal_connect (plan, "notify::elapsed", G_CALLBACK (count_notify), &elapsed);

  maint_plan_add_slot (plan, late);
  maint_plan_add_slot (plan, early);    /* ends earlier: latest end unchanged */
  g_assert_cmpuint (latest, ==, 1);

  maint_plan_add_reboot_count (plan, none);
  g_assert_cmpuint (reboots, ==, 0);
  maint_plan_add_reboot_count (plan, one);
  g_assert_cmpuint (reboots, ==, 1);

  maint_plan_set_elapsed (plan, 10);
  maint_plan_set_elapsed (plan, 10);
  g_assert_cmpuint (elapsed, ==, 1);
}

#define N_THREADED_SLOTS 2000

static gpointer
lookup_all (gpointer data)
{
  MaintPlan *plan = data;
  guint found = 0;

  for (guint i = 0; i < N_THREADED_SLOTS; i++)
    {
      char id[32];
      MaintSlot *slot;

      g_snprintf (id, sizeof id, "a-%u", i);
      slot = maint_plan_lookup_slot (plan, id);
      if (slot != NULL && g_strcmp0 (maint_slot_get_activities (slot)[0], id) == 0)
        found++;
    }

  return GUINT_TO_POINTER (found);
}

/* A finished plan is shared by threads (the verifier, notifiers): the
 * first lookups build the index concurrently. */
static void
test_plan_threaded_lookup (void)
{
  for (guint round = 0; round < 5; round++)
    {
      g_autoptr(MaintPlan) plan = maint_plan_new (T0);
      GThread *threads[4];

      for (guint i = 0; i < N_THREADED_SLOTS; i++)
        {
          g_autoptr(MaintSlot) slot = maint_slot_new ("m", T0 + i * HOUR, T0 + i * HOUR + 900);
          g_autofree char *id = g_strdup_printf ("a-%u", i);
          const char *ids[] = { id, NULL };

          maint_slot_set_activities (slot, ids);
          maint_plan_add_slot (plan, slot);
        }

      for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
        threads[t] = g_thread_new ("lookup", lookup_all, plan);
      for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
        g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[t])), ==, N_THREADED_SLOTS);
    }
}

static void
test_preconditions (void)
{
  if (g_test_subprocess ())
    {
      /* end before start is a programming error */
      MaintSlot *slot = maint_slot_new ("m", T0 + HOUR, T0);

      g_assert_null (slot);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*end >= start*");
}

/* maint_plan_announce: recording announced slots in the fleet */
static const char announce_fleet[] =
  "{\"format\": \"libmaint-fleet/1\", \"now\": \"2013-03-01T09:00:00Z\","
  " \"resource_groups\": [{\"name\": \"acme\", \"contacts\": [\"ops@acme.example\"],"
  "   \"timezone\": \"UTC\", \"windows\": [\"daily 00:00-24:00\"]}],"
  " \"machines\": [{\"name\": \"h1\", \"group\": \"acme\", \"kind\": \"host\"},"
  "   {\"name\": \"vm1\", \"group\": \"acme\", \"kind\": \"vm\", \"host\": \"h1\"},"
  "   {\"name\": \"vm2\", \"group\": \"acme\", \"kind\": \"vm\", \"host\": \"h1\"}],"
  " \"activities\": [{\"id\": \"a1\", \"machine\": \"vm1\", \"kind\": \"fs-check\","
  "   \"estimate\": \"PT10M\"}],"
  " \"rollouts\": [{\"name\": \"r\", \"template\": {\"kind\": \"kernel-update\","
  "   \"summary\": \"Kernel\", \"estimate\": \"PT10M\", \"reboot\": \"warm\"},"
  "   \"waves\": [{\"name\": \"all\", \"share\": 1.0}]}]}";

static MaintSlot *
announce_slot (MaintPlan  *plan,
               const char *machine,
               gint64      start,
               const char *a,
               const char *b)
{
  const char *ids[] = { a, b, NULL };
  g_autoptr(MaintSlot) slot = maint_slot_new (machine, start, start + HOUR);

  maint_slot_set_group (slot, "acme");
  maint_slot_set_activities (slot, ids);
  maint_slot_set_announce_by (slot, start - 24 * HOUR);
  maint_plan_add_slot (plan, slot);
  return slot;
}

static void
assert_pinned (MaintFleet *fleet,
               const char *id,
               gint64      start,
               gint64      announced_at)
{
  MaintActivity *activity = maint_fleet_lookup_activity (fleet, id);
  MaintInterval *scheduled;

  g_assert_nonnull (activity);
  scheduled = maint_activity_get_scheduled (activity);
  g_assert_nonnull (scheduled);
  g_assert_cmpint (maint_interval_get_start (scheduled), ==, start);
  g_assert_cmpint (maint_interval_get_end (scheduled), ==, start + HOUR);
  g_assert_cmpint (maint_activity_get_announced_at (activity), ==, announced_at);
}

static void
test_plan_announce (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintFleet) fleet = maint_fleet_new_from_data (announce_fleet, -1, &error);
  g_autoptr(MaintFleet) reloaded = NULL;
  g_autoptr(MaintPlan) plan = maint_plan_new (T0);
  g_autofree char *data = NULL;
  MaintActivity *generated;

  g_assert_no_error (error);
  announce_slot (plan, "vm1", T0 + 30 * HOUR, "a1", "r/vm1");
  announce_slot (plan, "vm2", T0 + 60 * HOUR, "r/vm2", NULL);

  /* Only the first slot is due by T0 + 12 h */
  g_assert_cmpuint (maint_plan_announce (plan, fleet, T0 + 12 * HOUR, &error), ==, 2);
  g_assert_no_error (error);
  assert_pinned (fleet, "a1", T0 + 30 * HOUR, T0);
  assert_pinned (fleet, "r/vm1", T0 + 30 * HOUR, T0);
  g_assert_null (maint_fleet_lookup_activity (fleet, "r/vm2"));
  generated = maint_fleet_lookup_activity (fleet, "r/vm1");
  g_assert_cmpstr (maint_activity_get_rollout (generated), ==, "r");
  g_assert_cmpstr (maint_activity_get_machine (generated), ==, "vm1");
  g_assert_cmpstr (maint_activity_get_summary (generated), ==, "Kernel");
  g_assert_cmpint (maint_activity_get_kind (generated), ==, MAINT_ACTIVITY_KIND_KERNEL_UPDATE);

  /* Again: nothing new; then everything */
  g_assert_cmpuint (maint_plan_announce (plan, fleet, T0 + 12 * HOUR, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (maint_plan_announce (plan, fleet, G_MAXINT64, &error), ==, 1);
  g_assert_no_error (error);
  assert_pinned (fleet, "r/vm2", T0 + 60 * HOUR, T0);
  g_assert_cmpuint (maint_fleet_get_activities (fleet)->len, ==, 3);

  /* The fleet stays valid and keeps its announcements through JSON */
  g_assert_true (maint_fleet_validate (fleet, &error));
  g_assert_no_error (error);
  data = maint_fleet_to_data (fleet, NULL);
  reloaded = maint_fleet_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_true (maint_fleet_equal (fleet, reloaded));
}

static void
test_plan_announce_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintFleet) fleet = maint_fleet_new_from_data (announce_fleet, -1, &error);
  g_autoptr(MaintPlan) unknown = maint_plan_new (T0);
  g_autoptr(MaintPlan) foreign = maint_plan_new (T0);
  g_autoptr(MaintPlan) twice = maint_plan_new (T0);

  g_assert_no_error (error);
  /* a good slot first: an error must leave it unrecorded too */
  announce_slot (unknown, "vm1", T0 + 30 * HOUR, "a1", NULL);
  announce_slot (unknown, "vm2", T0 + 31 * HOUR, "r/vm2", "zz");
  g_assert_cmpuint (maint_plan_announce (unknown, fleet, G_MAXINT64, &error), ==, 0);
  g_assert_error (error, MAINT_PLAN_ERROR, MAINT_PLAN_ERROR_REFERENCE_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "slots[1].activities[1]: "));
  g_clear_error (&error);

  announce_slot (foreign, "vm2", T0 + 30 * HOUR, "a1", NULL);
  g_assert_cmpuint (maint_plan_announce (foreign, fleet, G_MAXINT64, &error), ==, 0);
  g_assert_error (error, MAINT_PLAN_ERROR, MAINT_PLAN_ERROR_REFERENCE_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "slots[0].activities[0]: "));
  g_clear_error (&error);

  announce_slot (twice, "vm1", T0 + 30 * HOUR, "a1", NULL);
  announce_slot (twice, "vm1", T0 + 40 * HOUR, "a1", NULL);
  g_assert_cmpuint (maint_plan_announce (twice, fleet, G_MAXINT64, &error), ==, 0);
  g_assert_error (error, MAINT_PLAN_ERROR, MAINT_PLAN_ERROR_INVALID_FAILED);
  g_clear_error (&error);

  /* nothing was recorded */
  g_assert_null (maint_activity_get_scheduled (maint_fleet_lookup_activity (fleet, "a1")));
  g_assert_cmpuint (maint_fleet_get_activities (fleet)->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/slot/properties", test_slot_properties);
  g_test_add_func ("/plan/slot/defaults", test_slot_defaults);
  g_test_add_func ("/plan/slot/notify", test_slot_notify);
  g_test_add_func ("/plan/slot/equal", test_slot_equal);
  g_test_add_func ("/plan/unscheduled", test_unscheduled);
  g_test_add_func ("/plan/reboot-count", test_reboot_count);
  g_test_add_func ("/plan/host-downtime", test_host_downtime);
  g_test_add_func ("/plan/strv-pack", test_strv_pack);
  g_test_add_func ("/plan/shared-names", test_shared_names);
  g_test_add_func ("/plan/shared-names-in-plan", test_plan_shares_names);
  g_test_add_func ("/plan/lists-and-stats", test_plan_lists_and_stats);
  g_test_add_func ("/plan/lookup-follows-changes", test_plan_lookup_follows_changes);
  g_test_add_func ("/plan/notify", test_plan_notify);
  g_test_add_func ("/plan/threaded-lookup", test_plan_threaded_lookup);
  g_test_add_func ("/plan/preconditions", test_preconditions);
  g_test_add_func ("/plan/announce", test_plan_announce);
  g_test_add_func ("/plan/announce/errors", test_plan_announce_errors);

  return g_test_run ();
}
