/* test-simulation.c: MaintSimulation (issue 5: outcomes, re-planning,
 * halting a rollout)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every plan a simulation makes is checked with maint_simulation_verify()
 * (the verifier's rules, knowing which generated activities ran or were
 * announced) and against the simulation's own log: whatever was
 * announced and has not run is in a pinned slot of exactly its
 * announced interval, and nothing that ran is planned again.
 */
#include "config.h"

#include <string.h>

#include <libmaint/libmaint.h>

#include "maint-test-util.h"

/* Two hosts, six production VMs and one staging VM; one fleet activity
 * outside the rollout (a1, after the waves, before the host reboots).
 * One machine down at a time, so the slots of a wave follow each other.
 * Customers need a day's notice. */
static const char *small_json =
  "{\"format\": \"libmaint-fleet/1\", \"now\": \"2026-03-02T00:00:00Z\","
  " \"policy\": {\"horizon\": \"P14D\", \"setup\": \"PT5M\", \"min_slot\": \"PT15M\", \"max_concurrent\": 1,"
  "   \"coalesce_with_host_reboot\": false},"
  " \"resource_groups\": ["
  "  {\"name\": \"hosts\", \"contacts\": [\"ops@example.org\"], \"timezone\": \"UTC\", \"windows\": [\"daily 00:00-24:00\"], \"notice\": \"PT1H\", \"stage\": \"infrastructure\"},"
  "  {\"name\": \"cust\", \"contacts\": [\"ops@example.org\"], \"timezone\": \"UTC\", \"windows\": [\"daily 00:00-24:00\"], \"notice\": \"P1D\", \"stage\": \"production\"},"
  "  {\"name\": \"stage\", \"contacts\": [\"ops@example.org\"], \"timezone\": \"UTC\", \"windows\": [\"daily 00:00-24:00\"], \"notice\": \"PT1H\", \"stage\": \"staging\"}],"
  " \"machines\": ["
  "  {\"name\": \"h1\", \"group\": \"hosts\", \"kind\": \"host\"},"
  "  {\"name\": \"h2\", \"group\": \"hosts\", \"kind\": \"host\"},"
  "  {\"name\": \"vm1\", \"group\": \"cust\", \"kind\": \"vm\", \"host\": \"h1\", \"booted_at\": \"2026-01-01T00:00:00Z\", \"reboots\": 4},"
  "  {\"name\": \"vm2\", \"group\": \"cust\", \"kind\": \"vm\", \"host\": \"h1\"},"
  "  {\"name\": \"vm3\", \"group\": \"cust\", \"kind\": \"vm\", \"host\": \"h1\"},"
  "  {\"name\": \"vm4\", \"group\": \"cust\", \"kind\": \"vm\", \"host\": \"h2\"},"
  "  {\"name\": \"vm5\", \"group\": \"cust\", \"kind\": \"vm\", \"host\": \"h2\"},"
  "  {\"name\": \"vm6\", \"group\": \"cust\", \"kind\": \"vm\", \"host\": \"h2\"},"
  "  {\"name\": \"vm7\", \"group\": \"stage\", \"kind\": \"vm\", \"host\": \"h1\"}],"
  " \"activities\": [{\"id\": \"a1\", \"machine\": \"vm1\", \"kind\": \"kernel-update\", \"estimate\": \"PT10M\","
  "   \"reboot\": \"warm\", \"not_before\": \"2026-03-06T12:00:00Z\"}],"
  " \"rollouts\": [{\"name\": \"r\", \"staging_lead\": \"PT24H\", \"halt_after_failures\": %u,"
  "   \"host_reboots\": {\"start\": \"2026-03-08T00:00:00Z\", \"end\": \"2026-03-08T12:00:00Z\"},"
  "   \"template\": {\"kind\": \"system-update\", \"estimate\": \"PT20M\", \"reboot\": \"warm\"},"
  "   \"waves\": ["
  "    {\"name\": \"staging\", \"select\": {\"stage\": \"staging\"}, \"from\": \"2026-03-02T06:00:00Z\", \"until\": \"2026-03-03T00:00:00Z\"},"
  "    {\"name\": \"first\", \"share\": 0.34, \"from\": \"2026-03-04T00:00:00Z\", \"until\": \"2026-03-05T00:00:00Z\"},"
  "    {\"name\": \"second\", \"share\": 0.5, \"from\": \"2026-03-05T00:00:00Z\", \"until\": \"2026-03-06T00:00:00Z\"},"
  "    {\"name\": \"rest\", \"share\": 1.0, \"from\": \"2026-03-06T00:00:00Z\", \"until\": \"2026-03-07T00:00:00Z\"}]}]}";

static const char * const small_waves[] = { "staging", "first", "second", "rest" };

static MaintFleet *
small_fleet (guint halt_after)
{
  g_autofree char *text = g_strdup_printf (small_json, halt_after);

  return maint_test_load_fleet (text);
}

static MaintFleet *
seed_fleet (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "examples", "fleets", "gocept.json", NULL);
  MaintFleet *fleet = maint_fleet_new_from_file (path, &error);

  g_assert_no_error (error);
  return fleet;
}

static void
assert_no_violations (GPtrArray *violations)
{
  for (guint i = 0; i < violations->len; i++)
    g_test_message ("violation: %s", maint_violation_get_message (g_ptr_array_index (violations, i)));
  g_assert_cmpuint (violations->len, ==, 0);
}

/* The host downtime entry that absorbs @id, or NULL. */
static MaintHostDowntime *
absorbing (MaintPlan  *plan,
           const char *id)
{
  GPtrArray *downtime = maint_plan_get_host_downtime (plan);

  for (guint i = 0; i < downtime->len; i++)
    {
      const char * const *ids = maint_host_downtime_get_activities (g_ptr_array_index (downtime, i));
      if (ids != NULL && g_strv_contains (ids, id))
        return g_ptr_array_index (downtime, i);
    }
  return NULL;
}

static MaintUnscheduled *
unscheduled (MaintPlan  *plan,
             const char *id)
{
  GPtrArray *list = maint_plan_get_unscheduled (plan);

  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (maint_unscheduled_get_activity (g_ptr_array_index (list, i)), id))
      return g_ptr_array_index (list, i);
  return NULL;
}

static gboolean
in_plan (MaintPlan  *plan,
         const char *id)
{
  return maint_plan_lookup_slot (plan, id) != NULL || absorbing (plan, id) != NULL ||
         unscheduled (plan, id) != NULL;
}

/* Activities whose slot is announced and who have not run, from the log:
 * id → "start end" */
static GHashTable *
announced_from_log (MaintSimulation *sim)
{
  GPtrArray *events = maint_simulation_get_events (sim);
  GHashTable *announced = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < events->len; i++)
    {
      MaintSimulationEvent *e = g_ptr_array_index (events, i);
      const char *id = maint_simulation_event_get_activity (e);

      if (maint_simulation_event_get_kind (e) == MAINT_SIMULATION_EVENT_ANNOUNCED)
        g_hash_table_insert (announced, (gpointer) id,
                             g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                              maint_simulation_event_get_start (e),
                                              maint_simulation_event_get_end (e)));
      else
        g_hash_table_remove (announced, id);
    }
  return announced;
}

/* What must hold after every step. */
static void
check_consistent (MaintSimulation *sim)
{
  MaintPlan *plan = maint_simulation_get_plan (sim);
  g_autoptr(GPtrArray) violations = maint_simulation_verify (sim);
  g_autoptr(GHashTable) announced = announced_from_log (sim);
  GPtrArray *events = maint_simulation_get_events (sim);
  GHashTableIter iter;
  gpointer key, value;

  g_assert_nonnull (plan);
  g_assert_cmpint (maint_plan_get_now (plan), ==, maint_simulation_get_now (sim));
  g_assert_cmpint (maint_fleet_get_now (maint_simulation_get_fleet (sim)), ==, maint_simulation_get_now (sim));
  assert_no_violations (violations);

  /* design constraint 4: announced slots stay exactly as announced */
  g_hash_table_iter_init (&iter, announced);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      MaintSlot *slot = maint_plan_lookup_slot (plan, key);
      MaintHostDowntime *d = absorbing (plan, key);
      g_autofree char *have = NULL;

      g_assert_cmpint (maint_simulation_get_activity_state (sim, key), ==, MAINT_ACTIVITY_STATE_PENDING);
      if (slot != NULL)
        {
          g_assert_true (maint_slot_get_pinned (slot));
          have = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                  maint_slot_get_start (slot), maint_slot_get_end (slot));
        }
      else
        {
          g_assert_nonnull (d);
          have = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                  maint_host_downtime_get_start (d), maint_host_downtime_get_end (d));
        }
      g_assert_cmpstr (have, ==, value);
    }

  /* what ran is never planned again; the log is in time order */
  for (guint i = 0; i < events->len; i++)
    {
      MaintSimulationEvent *e = g_ptr_array_index (events, i);
      const char *id = maint_simulation_event_get_activity (e);
      MaintActivityState state = maint_simulation_get_activity_state (sim, id);

      g_assert_cmpint (maint_simulation_event_get_at (e), <=, maint_simulation_get_now (sim));
      if (i > 0)
        {
          MaintSimulationEvent *p = g_ptr_array_index (events, i - 1);

          g_assert_cmpint (maint_simulation_event_get_at (p), <=, maint_simulation_event_get_at (e));
          /* at one instant: runs before what they cause */
          if (maint_simulation_event_get_at (p) == maint_simulation_event_get_at (e))
            g_assert_cmpint (maint_simulation_event_get_kind (p), <=, maint_simulation_event_get_kind (e));
        }
      if (state == MAINT_ACTIVITY_STATE_SUCCEEDED || state == MAINT_ACTIVITY_STATE_FAILED)
        {
          g_assert_false (in_plan (plan, id));
          g_assert_null (maint_fleet_lookup_activity (maint_simulation_get_fleet (sim), id));
        }
    }
}

static MaintSimulation *
simulation (MaintFleet *fleet)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintSimulation) sim = maint_simulation_new (fleet, 0, &error);
  g_autoptr(MaintPlan) plan = NULL;
  g_autoptr(GPtrArray) violations = NULL;

  g_assert_no_error (error);
  g_assert_null (maint_simulation_get_plan (sim));
  plan = maint_simulation_plan (sim, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (plan == maint_simulation_get_plan (sim));
  /* before anything ran or was announced, the plain verifier agrees */
  violations = maint_verify_plan (maint_simulation_get_fleet (sim), plan);
  assert_no_violations (violations);
  check_consistent (sim);
  return g_steal_pointer (&sim);
}

static void
advance (MaintSimulation *sim,
         gint64           until)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (maint_simulation_advance (sim, until, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (maint_simulation_get_now (sim), ==, until);
  check_consistent (sim);
}

static void
set_outcome (MaintSimulation *sim,
             const char      *id,
             MaintOutcome     outcome)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (maint_simulation_set_outcome (sim, id, outcome, &error));
  g_assert_no_error (error);
}

static MaintSimulationEvent *
find_event (MaintSimulation          *sim,
            MaintSimulationEventKind  kind,
            const char               *id)
{
  GPtrArray *events = maint_simulation_get_events (sim);
  MaintSimulationEvent *found = NULL;

  for (guint i = 0; i < events->len; i++)
    {
      MaintSimulationEvent *e = g_ptr_array_index (events, i);
      if (maint_simulation_event_get_kind (e) == kind &&
          g_str_equal (maint_simulation_event_get_activity (e), id))
        found = e;
    }
  return found;
}

static guint
count_events (MaintSimulation          *sim,
              MaintSimulationEventKind  kind,
              const char               *id)
{
  GPtrArray *events = maint_simulation_get_events (sim);
  guint n = 0;

  for (guint i = 0; i < events->len; i++)
    {
      MaintSimulationEvent *e = g_ptr_array_index (events, i);
      n += maint_simulation_event_get_kind (e) == kind &&
           (id == NULL || g_str_equal (maint_simulation_event_get_activity (e), id));
    }
  return n;
}

/* The machines of @wave in @plan (slots of generated activities), by start */
static GPtrArray *
wave_slots (MaintPlan  *plan,
            const char *wave)
{
  GPtrArray *slots = maint_plan_get_slots (plan);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < slots->len; i++)
    if (g_strcmp0 (maint_slot_get_wave (g_ptr_array_index (slots, i)), wave) == 0)
      g_ptr_array_add (out, g_ptr_array_index (slots, i));
  return out;
}

static guint
wave_index (const char *wave)
{
  for (guint i = 0; i < G_N_ELEMENTS (small_waves); i++)
    if (g_str_equal (small_waves[i], wave))
      return i;
  g_assert_not_reached ();
}

static MaintRebootKind
reboot_of (MaintFleet *fleet,
           const char *id)
{
  g_autoptr(MaintActivity) a = maint_fleet_resolve_activity (fleet, id);

  g_assert_nonnull (a);
  return maint_activity_get_reboot (a);
}

/* (1) All successes over the seed rollout: each step runs exactly the
 * slots of the previous plan that ended, at their ends; in the end every
 * activity of the first plan ran once, nothing is left, and the machines'
 * booted_at and reboots say what ran. */
static void
test_all_succeed (void)
{
  g_autoptr(MaintFleet) input = seed_fleet ();
  g_autoptr(MaintSimulation) sim = simulation (input);
  g_autoptr(GHashTable) first = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) ran = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) absorbed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) intervals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) g_hash_table_unref);
  g_autofree char *before = maint_fleet_to_data (input, NULL);
  g_autoptr(MaintPlan) plan0 = g_object_ref (maint_simulation_get_plan (sim));
  GPtrArray *slots = maint_plan_get_slots (plan0);
  GPtrArray *events = maint_simulation_get_events (sim);
  GPtrArray *machines;
  MaintFleet *fleet;
  gint64 t = maint_simulation_get_now (sim);
  guint n_first = 0, n_later = 0;

  for (guint i = 0; i < slots->len; i++)
    for (const char * const *id = maint_slot_get_activities (g_ptr_array_index (slots, i)); *id; id++)
      g_hash_table_add (first, (gpointer) *id);
  for (guint i = 0; i < maint_plan_get_host_downtime (plan0)->len; i++)
    for (const char * const *id = maint_host_downtime_get_activities (g_ptr_array_index (maint_plan_get_host_downtime (plan0), i));
         id && *id; id++)
      g_hash_table_add (first, (gpointer) *id);
  n_first = g_hash_table_size (first);
  g_assert_cmpuint (n_first, >, 150);

  for (guint step = 0; step < 3; step++)
    {
      g_autoptr(MaintPlan) previous = g_object_ref (maint_simulation_get_plan (sim));
      guint n_before = events->len, n_expected = 0, n_ran = 0;
      GPtrArray *prev_slots = maint_plan_get_slots (previous);

      t += 3 * 24 * 3600;
      advance (sim, t);

      /* what ran is exactly what the previous plan had ending by now */
      for (guint i = 0; i < prev_slots->len; i++)
        {
          MaintSlot *slot = g_ptr_array_index (prev_slots, i);

          if (maint_slot_get_end (slot) > t)
            continue;
          for (const char * const *id = maint_slot_get_activities (slot); *id; id++)
            {
              MaintSimulationEvent *e = find_event (sim, MAINT_SIMULATION_EVENT_RAN, *id);

              n_expected++;
              g_assert_nonnull (e);
              g_assert_cmpint (maint_simulation_event_get_at (e), ==, maint_slot_get_end (slot));
              g_assert_cmpint (maint_simulation_event_get_start (e), ==, maint_slot_get_start (slot));
              g_assert_cmpint (maint_simulation_event_get_outcome (e), ==, MAINT_OUTCOME_SUCCESS);
              g_assert_cmpint (maint_simulation_get_activity_state (sim, *id), ==, MAINT_ACTIVITY_STATE_SUCCEEDED);
            }
        }
      for (guint i = 0; i < maint_plan_get_host_downtime (previous)->len; i++)
        {
          MaintHostDowntime *d = g_ptr_array_index (maint_plan_get_host_downtime (previous), i);
          if (maint_host_downtime_get_end (d) <= t)
            for (const char * const *id = maint_host_downtime_get_activities (d); id && *id; id++)
              {
                n_expected++;
                g_hash_table_add (absorbed, g_strdup (*id));
              }
        }
      for (guint i = n_before; i < events->len; i++)
        n_ran += maint_simulation_event_get_kind (g_ptr_array_index (events, i)) == MAINT_SIMULATION_EVENT_RAN;
      g_assert_cmpuint (n_ran, ==, n_expected);
    }

  /* everything ran, once, successfully */
  for (guint i = 0; i < events->len; i++)
    {
      MaintSimulationEvent *e = g_ptr_array_index (events, i);
      const char *id = maint_simulation_event_get_activity (e);

      if (maint_simulation_event_get_kind (e) != MAINT_SIMULATION_EVENT_RAN)
        continue;
      g_assert_false (g_hash_table_contains (ran, id));
      /* planned at first, or planned later (an unscheduled one that found
       * room as others finished) */
      g_assert_true (g_hash_table_contains (first, id) || unscheduled (plan0, id) != NULL);
      g_hash_table_add (ran, (gpointer) id);
      n_later += !g_hash_table_contains (first, id);
    }
  g_assert_cmpuint (g_hash_table_size (ran), ==, n_first + n_later);
  g_assert_cmpuint (count_events (sim, MAINT_SIMULATION_EVENT_HALTED, NULL), ==, 0);
  g_assert_cmpuint (maint_plan_get_slots (maint_simulation_get_plan (sim))->len, ==, 0);
  g_assert_cmpuint (maint_plan_get_n_unscheduled (maint_simulation_get_plan (sim)), ==,
                    maint_plan_get_n_unscheduled (plan0) - n_later);

  /* booted_at and reboots: every distinct rebooting interval of the
   * machine's own slots and of its host's slots, from the log */
  fleet = maint_simulation_get_fleet (sim);
  for (guint i = 0; i < events->len; i++)
    {
      MaintSimulationEvent *e = g_ptr_array_index (events, i);
      const char *machine = maint_simulation_event_get_machine (e);
      MaintMachine *m = maint_fleet_lookup_machine (input, machine);
      GHashTable *set;

      /* absorbed work reboots with the host, counted there */
      if (maint_simulation_event_get_kind (e) != MAINT_SIMULATION_EVENT_RAN ||
          reboot_of (input, maint_simulation_event_get_activity (e)) == MAINT_REBOOT_KIND_NONE ||
          g_hash_table_contains (absorbed, maint_simulation_event_get_activity (e)))
        continue;
      /* a host's reboot counts for each of its guests */
      for (guint k = 0; k < maint_fleet_get_machines (input)->len; k++)
        {
          MaintMachine *g = g_ptr_array_index (maint_fleet_get_machines (input), k);
          const char *name = maint_machine_get_name (g);

          if (g != m && g_strcmp0 (maint_machine_get_host (g), machine) != 0)
            continue;
          set = g_hash_table_lookup (intervals, name);
          if (set == NULL)
            {
              set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
              g_hash_table_insert (intervals, g_strdup (name), set);
            }
          /* one reboot per rebooting slot: the machine's, or its host's */
          g_hash_table_add (set, g_strdup_printf ("%" G_GINT64_FORMAT " %s",
                                                  maint_simulation_event_get_end (e), machine));
        }
    }
  machines = maint_fleet_get_machines (fleet);
  for (guint i = 0; i < machines->len; i++)
    {
      MaintMachine *m = g_ptr_array_index (machines, i);
      MaintMachine *orig = maint_fleet_lookup_machine (input, maint_machine_get_name (m));
      GHashTable *set = g_hash_table_lookup (intervals, maint_machine_get_name (m));
      gint64 last = maint_machine_get_booted_at (orig);
      GHashTableIter iter;
      gpointer key;

      if (set != NULL)
        {
          g_hash_table_iter_init (&iter, set);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            last = MAX (last, g_ascii_strtoll (key, NULL, 10));
        }
      g_assert_cmpuint (maint_machine_get_reboots (m), ==,
                        maint_machine_get_reboots (orig) + (set ? g_hash_table_size (set) : 0));
      g_assert_cmpint (maint_machine_get_booted_at (m), ==, last);
    }
  g_assert_nonnull (g_hash_table_lookup (intervals, "baumarkt-online-db2"));

  /* the input fleet is untouched */
  {
    g_autofree char *after = maint_fleet_to_data (input, NULL);
    g_assert_cmpstr (before, ==, after);
  }
}

/* (2) Announced slots stay exactly as announced across re-plans; a slot
 * is announced at its announce_by (and for the first plan's not yet
 * announced slots, not before). check_consistent() compares every pinned
 * slot with the log after each step; here the log is compared with the
 * plans it came from. */
static void
test_announced_stay (void)
{
  g_autoptr(MaintFleet) fleet = small_fleet (0);
  g_autoptr(MaintSimulation) sim = simulation (fleet);
  gint64 t = maint_simulation_get_now (sim);
  guint n_pinned = 0, n_unpinned = 0;

  for (guint step = 0; step < 7; step++)
    {
      g_autoptr(MaintPlan) previous = g_object_ref (maint_simulation_get_plan (sim));
      GPtrArray *slots = maint_plan_get_slots (previous);
      MaintPlan *plan;

      t += 24 * 3600;
      advance (sim, t);
      plan = maint_simulation_get_plan (sim);

      for (guint i = 0; i < slots->len; i++)
        {
          MaintSlot *old = g_ptr_array_index (slots, i);
          const char *id = maint_slot_get_activities (old)[0];
          MaintSlot *now = maint_plan_lookup_slot (plan, id);
          MaintSimulationEvent *e = find_event (sim, MAINT_SIMULATION_EVENT_ANNOUNCED, id);

          if (maint_slot_get_announce_by (old) > t)
            {
              /* not announced yet: may move, is not pinned */
              g_assert_null (e);
              if (now != NULL)
                g_assert_false (maint_slot_get_pinned (now));
              continue;
            }
          g_assert_nonnull (e);
          g_assert_cmpint (maint_simulation_event_get_start (e), ==, maint_slot_get_start (old));
          g_assert_cmpint (maint_simulation_event_get_end (e), ==, maint_slot_get_end (old));
          if (maint_slot_get_end (old) <= t)
            continue;
          /* announced and still to come: identical, pinned */
          g_assert_nonnull (now);
          g_assert_true (maint_slot_get_pinned (now));
          g_assert_cmpint (maint_slot_get_start (now), ==, maint_slot_get_start (old));
          g_assert_cmpint (maint_slot_get_end (now), ==, maint_slot_get_end (old));
          n_pinned++;
        }
      for (guint i = 0; i < maint_plan_get_slots (plan)->len; i++)
        n_unpinned += !maint_slot_get_pinned (g_ptr_array_index (maint_plan_get_slots (plan), i));
    }
  g_assert_cmpuint (n_pinned, >, 0);
  g_assert_cmpuint (n_unpinned, >, 0);
  /* the small fleet's rollout and a1 all ran */
  g_assert_cmpuint (count_events (sim, MAINT_SIMULATION_EVENT_RAN, NULL), ==, 7 + 2 + 1);
  g_assert_cmpint (maint_simulation_get_activity_state (sim, "r/h1"), ==, MAINT_ACTIVITY_STATE_SUCCEEDED);
  g_assert_cmpint (maint_simulation_get_activity_state (sim, "a1"), ==, MAINT_ACTIVITY_STATE_SUCCEEDED);
}

/* (3) Postponed: the slot runs without the activity; it is planned again
 * after a new notice, its old slot gone. In its rollout's wave, the
 * wave's end can leave no room: unscheduled, reason rollout. */
static void
test_postponed (void)
{
  g_autoptr(MaintFleet) fleet = small_fleet (0);
  g_autoptr(MaintSimulation) sim = simulation (fleet);
  MaintPlan *plan = maint_simulation_get_plan (sim);
  MaintSlot *slot = maint_plan_lookup_slot (plan, "a1");
  g_autoptr(GPtrArray) first = wave_slots (plan, "first");
  MaintSlot *wave_slot = g_ptr_array_index (first, 0);
  g_autofree char *wave_id = g_strdup (maint_slot_get_activities (wave_slot)[0]);
  gint64 start = maint_slot_get_start (slot), end = maint_slot_get_end (slot);
  gint64 notice = 24 * 3600;
  guint reboots;
  gint64 again_start;
  MaintSlot *again;
  MaintUnscheduled *u;

  /* a rollout activity postponed at the end of its slot: its wave ends
   * before a new notice would let it run again */
  set_outcome (sim, wave_id, MAINT_OUTCOME_POSTPONED);
  advance (sim, maint_slot_get_end (wave_slot));
  g_assert_cmpint (maint_simulation_event_get_outcome (find_event (sim, MAINT_SIMULATION_EVENT_RAN, wave_id)), ==,
                   MAINT_OUTCOME_POSTPONED);
  g_assert_cmpint (maint_simulation_get_activity_state (sim, wave_id), ==, MAINT_ACTIVITY_STATE_PENDING);
  g_assert_null (maint_plan_lookup_slot (maint_simulation_get_plan (sim), wave_id));
  u = unscheduled (maint_simulation_get_plan (sim), wave_id);
  g_assert_nonnull (u);
  g_assert_cmpint (maint_unscheduled_get_reason (u), ==, MAINT_UNSCHEDULED_ROLLOUT);
  g_assert_nonnull (strstr (maint_unscheduled_get_detail (u), "wave “first”"));

  /* a fleet activity: a new slot after a new notice */
  advance (sim, start);
  reboots = maint_machine_get_reboots (maint_fleet_lookup_machine (maint_simulation_get_fleet (sim), "vm1"));
  set_outcome (sim, "a1", MAINT_OUTCOME_POSTPONED);
  advance (sim, end);
  g_assert_cmpint (maint_simulation_event_get_outcome (find_event (sim, MAINT_SIMULATION_EVENT_RAN, "a1")), ==,
                   MAINT_OUTCOME_POSTPONED);
  g_assert_cmpint (maint_simulation_get_activity_state (sim, "a1"), ==, MAINT_ACTIVITY_STATE_PENDING);
  /* nothing happened to vm1 */
  g_assert_cmpuint (maint_machine_get_reboots (maint_fleet_lookup_machine (maint_simulation_get_fleet (sim), "vm1")),
                    ==, reboots);
  /* announced before (notice P1D), no longer */
  g_assert_nonnull (find_event (sim, MAINT_SIMULATION_EVENT_ANNOUNCED, "a1"));
  g_assert_null (maint_activity_get_scheduled (maint_fleet_lookup_activity (maint_simulation_get_fleet (sim), "a1")));
  again = maint_plan_lookup_slot (maint_simulation_get_plan (sim), "a1");
  g_assert_nonnull (again);
  g_assert_false (maint_slot_get_pinned (again));
  g_assert_cmpint (maint_slot_get_start (again), >=, end + notice);
  g_assert_cmpint (maint_slot_get_start (again), !=, start);
  again_start = maint_slot_get_start (again);

  /* the outcome was used up: next time a1 succeeds */
  advance (sim, maint_slot_get_end (again));
  g_assert_cmpint (maint_simulation_get_activity_state (sim, "a1"), ==, MAINT_ACTIVITY_STATE_SUCCEEDED);
  g_assert_cmpuint (count_events (sim, MAINT_SIMULATION_EVENT_RAN, "a1"), ==, 2);
  g_assert_cmpint (maint_simulation_event_get_start (find_event (sim, MAINT_SIMULATION_EVENT_RAN, "a1")), ==,
                   again_start);
  g_assert_cmpuint (maint_machine_get_reboots (maint_fleet_lookup_machine (maint_simulation_get_fleet (sim), "vm1")),
                    ==, reboots + 1);
}

/* (4) A failure is not planned again; the machine was down all the same. */
static void
test_failure (void)
{
  g_autoptr(MaintFleet) fleet = small_fleet (0);
  g_autoptr(MaintSimulation) sim = simulation (fleet);
  MaintSlot *slot = maint_plan_lookup_slot (maint_simulation_get_plan (sim), "a1");
  gint64 end = maint_slot_get_end (slot);
  g_autoptr(GError) error = NULL;
  MaintMachine *vm1;

  set_outcome (sim, "a1", MAINT_OUTCOME_FAILURE);
  advance (sim, end);
  g_assert_cmpint (maint_simulation_get_activity_state (sim, "a1"), ==, MAINT_ACTIVITY_STATE_FAILED);
  g_assert_cmpint (maint_simulation_event_get_outcome (find_event (sim, MAINT_SIMULATION_EVENT_RAN, "a1")), ==,
                   MAINT_OUTCOME_FAILURE);
  g_assert_false (in_plan (maint_simulation_get_plan (sim), "a1"));
  /* not a rollout's */
  g_assert_cmpuint (maint_simulation_get_failures (sim, "r"), ==, 0);
  vm1 = maint_fleet_lookup_machine (maint_simulation_get_fleet (sim), "vm1");
  g_assert_cmpint (maint_machine_get_booted_at (vm1), ==, end);
  /* 4 before, its rollout slot, a1 */
  g_assert_cmpuint (maint_machine_get_reboots (vm1), ==, 6);

  advance (sim, end + 5 * 24 * 3600);
  g_assert_false (in_plan (maint_simulation_get_plan (sim), "a1"));
  g_assert_cmpuint (count_events (sim, MAINT_SIMULATION_EVENT_RAN, "a1"), ==, 1);
  g_assert_false (maint_simulation_set_outcome (sim, "a1", MAINT_OUTCOME_SUCCESS, &error));
  g_assert_error (error, MAINT_SIMULATION_ERROR, MAINT_SIMULATION_ERROR_FINISHED_FAILED);
}

/* (5) halt_after_failures: two failures in wave "first" halt "second",
 * "rest" and the host reboots; "first" continues. */
static void
run_halting (guint     halt_after,
             gboolean *halted_out)
{
  g_autoptr(MaintFleet) fleet = small_fleet (halt_after);
  g_autoptr(MaintSimulation) sim = simulation (fleet);
  g_autoptr(GPtrArray) first = wave_slots (maint_simulation_get_plan (sim), "first");
  g_autoptr(GPtrArray) later = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) wave_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GPtrArray *slots = maint_plan_get_slots (maint_simulation_get_plan (sim));
  MaintSlot *fail1, *fail2, *third;
  g_autofree char *third_id = NULL;
  gint64 halt_at;
  MaintPlan *plan;
  guint n_withdrawn = 0;

  g_assert_cmpuint (first->len, ==, 3);
  fail1 = g_ptr_array_index (first, 0);
  fail2 = g_ptr_array_index (first, 1);
  third = g_ptr_array_index (first, 2);
  halt_at = maint_slot_get_end (fail2);
  third_id = g_strdup (maint_slot_get_activities (third)[0]);
  for (guint i = 0; i < slots->len; i++)
    {
      MaintSlot *s = g_ptr_array_index (slots, i);
      const char *wave = maint_slot_get_wave (s);

      if (maint_slot_get_rollout (s) == NULL)
        continue;
      if (wave == NULL || wave_index (wave) > wave_index ("first"))
        g_ptr_array_add (later, g_strdup (maint_slot_get_activities (s)[0]));
    }
  g_assert_cmpuint (later->len, ==, 3 + 2);   /* second, rest, h1 and h2 */

  set_outcome (sim, maint_slot_get_activities (fail1)[0], MAINT_OUTCOME_FAILURE);
  set_outcome (sim, maint_slot_get_activities (fail2)[0], MAINT_OUTCOME_FAILURE);
  advance (sim, halt_at + 3600);
  plan = maint_simulation_get_plan (sim);

  g_assert_cmpuint (maint_simulation_get_failures (sim, "r"), ==, 2);
  g_assert_cmpint (maint_simulation_get_activity_state (sim, third_id), ==,
                   MAINT_ACTIVITY_STATE_SUCCEEDED);
  *halted_out = maint_simulation_is_halted (sim, "r");
  if (!*halted_out)
    {
      /* never halts: every later activity still has its slot */
      g_assert_cmpuint (count_events (sim, MAINT_SIMULATION_EVENT_HALTED, NULL), ==, 0);
      for (guint i = 0; i < later->len; i++)
        g_assert_nonnull (maint_plan_lookup_slot (plan, g_ptr_array_index (later, i)));
      return;
    }

  for (guint i = 0; i < later->len; i++)
    {
      const char *id = g_ptr_array_index (later, i);
      MaintUnscheduled *u = unscheduled (plan, id);
      MaintSimulationEvent *h = find_event (sim, MAINT_SIMULATION_EVENT_HALTED, id);

      g_assert_cmpint (maint_simulation_get_activity_state (sim, id), ==, MAINT_ACTIVITY_STATE_HALTED);
      g_assert_nonnull (u);
      g_assert_cmpint (maint_unscheduled_get_reason (u), ==, MAINT_UNSCHEDULED_ROLLOUT);
      g_assert_nonnull (strstr (maint_unscheduled_get_detail (u),
                                "rollout “r” halted after 2 failures (halt_after_failures 2)"));
      g_assert_nonnull (h);
      g_assert_cmpint (maint_simulation_event_get_at (h), ==, halt_at);
      g_assert_cmpstr (maint_simulation_event_get_rollout (h), ==, "r");
      /* announced slots are withdrawn; the others were never announced */
      if (find_event (sim, MAINT_SIMULATION_EVENT_ANNOUNCED, id) != NULL)
        {
          g_assert_nonnull (find_event (sim, MAINT_SIMULATION_EVENT_WITHDRAWN, id));
          n_withdrawn++;
        }
      else
        g_assert_null (find_event (sim, MAINT_SIMULATION_EVENT_WITHDRAWN, id));
    }
  /* the second wave (from 03-05, one day's notice) was announced */
  g_assert_cmpuint (n_withdrawn, >, 0);
  g_assert_cmpuint (count_events (sim, MAINT_SIMULATION_EVENT_HALTED, NULL), ==, later->len);
  g_assert_true (maint_simulation_is_halted (sim, "r"));

  /* a1 is no part of the rollout: it continues */
  g_assert_nonnull (maint_plan_lookup_slot (plan, "a1"));
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (maint_simulation_set_outcome (sim, g_ptr_array_index (later, 0), MAINT_OUTCOME_SUCCESS, &error));
    g_assert_error (error, MAINT_SIMULATION_ERROR, MAINT_SIMULATION_ERROR_FINISHED_FAILED);
  }

  /* halted stays halted: nothing of it runs later */
  advance (sim, maint_test_at ("2026-03-10T00:00:00Z"));
  for (guint i = 0; i < later->len; i++)
    g_assert_null (find_event (sim, MAINT_SIMULATION_EVENT_RAN, g_ptr_array_index (later, i)));
  g_assert_cmpint (maint_simulation_get_activity_state (sim, "a1"), ==, MAINT_ACTIVITY_STATE_SUCCEEDED);
}

static void
test_halt (void)
{
  gboolean halted = FALSE;

  run_halting (2, &halted);
  g_assert_true (halted);
  run_halting (0, &halted);
  g_assert_false (halted);
  /* one failure is not enough for 3 */
  run_halting (3, &halted);
  g_assert_false (halted);
}

/* (6) The waves of the first plan are kept in every re-plan, although a
 * later `now` would assign share waves differently. */
static void
test_fixed_waves (void)
{
  g_autoptr(MaintFleet) fleet = seed_fleet ();
  g_autoptr(MaintSimulation) sim = simulation (fleet);
  g_autoptr(GHashTable) waves = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) rest = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *slots = maint_plan_get_slots (maint_simulation_get_plan (sim));
  gint64 t = maint_simulation_get_now (sim);
  guint checked = 0;

  for (guint i = 0; i < slots->len; i++)
    {
      MaintSlot *s = g_ptr_array_index (slots, i);
      if (maint_slot_get_wave (s) == NULL)
        continue;
      g_hash_table_insert (waves, g_strdup (maint_slot_get_machine (s)), g_strdup (maint_slot_get_wave (s)));
      if (g_str_equal (maint_slot_get_wave (s), "rest"))
        g_ptr_array_add (rest, g_strdup (maint_slot_get_activities (s)[0]));
    }

  for (guint step = 0; step < 2; step++)
    {
      MaintPlan *plan;

      t += 3 * 24 * 3600;
      /* postponing keeps work in the plan for longer */
      for (guint i = 0; i < rest->len && step == 1; i++)
        set_outcome (sim, g_ptr_array_index (rest, i), MAINT_OUTCOME_POSTPONED);
      advance (sim, t);
      plan = maint_simulation_get_plan (sim);
      for (guint i = 0; i < maint_plan_get_slots (plan)->len; i++)
        {
          MaintSlot *s = g_ptr_array_index (maint_plan_get_slots (plan), i);
          const char *expected = g_hash_table_lookup (waves, maint_slot_get_machine (s));

          if (maint_slot_get_wave (s) == NULL)
            continue;
          g_assert_nonnull (expected);
          g_assert_cmpstr (maint_slot_get_wave (s), ==, expected);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 50);

  /* the scheduler alone, at a later `now`, chooses other share waves:
   * the simulation's fixed assignment is not a coincidence */
  {
    g_autoptr(MaintFleet) later = seed_fleet ();
    g_autoptr(MaintScheduler) scheduler = maint_scheduler_new (later);
    g_autoptr(MaintPlan) plan = NULL;
    guint differ = 0;

    maint_scheduler_set_now (scheduler, maint_test_at ("2013-03-05T09:00:00Z"));
    plan = maint_scheduler_run (scheduler, NULL, NULL);
    g_assert_nonnull (plan);
    for (guint i = 0; i < maint_plan_get_slots (plan)->len; i++)
      {
        MaintSlot *s = g_ptr_array_index (maint_plan_get_slots (plan), i);
        const char *expected = g_hash_table_lookup (waves, maint_slot_get_machine (s));

        if (maint_slot_get_wave (s) != NULL && expected != NULL)
          differ += !g_str_equal (maint_slot_get_wave (s), expected);
      }
    g_assert_cmpuint (differ, >, 0);
  }
}

/* (7) Activities absorbed by a host reboot get their outcome when the
 * host reboot ends; the guest is rebooted then. */
static void
test_absorbed (void)
{
  g_autoptr(MaintFleet) fleet = seed_fleet ();
  g_autoptr(MaintSimulation) sim = simulation (fleet);
  GPtrArray *downtime = maint_plan_get_host_downtime (maint_simulation_get_plan (sim));
  g_autofree char *id = NULL;
  g_autofree char *guest = NULL;
  g_autofree char *other = NULL;
  gint64 end = 0;
  MaintSimulationEvent *e;
  MaintMachine *m;

  for (guint i = 0; i < downtime->len && other == NULL; i++)
    {
      MaintHostDowntime *d = g_ptr_array_index (downtime, i);
      const char * const *ids = maint_host_downtime_get_activities (d);

      if (ids == NULL || ids[0] == NULL)
        continue;
      if (id == NULL)
        {
          id = g_strdup (ids[0]);
          guest = g_strdup (maint_host_downtime_get_guest (d));
          end = maint_host_downtime_get_end (d);
        }
      else
        other = g_strdup (ids[0]);
    }
  g_assert_nonnull (other);
  set_outcome (sim, id, MAINT_OUTCOME_FAILURE);

  /* the absorbed work stays absorbed while its host reboot comes closer
   * than the guest group's notice (it was announced) */
  for (gint64 t = maint_simulation_get_now (sim) + 3 * 24 * 3600; t < end; t += 3 * 24 * 3600)
    {
      advance (sim, t);
      g_assert_nonnull (absorbing (maint_simulation_get_plan (sim), id));
      g_assert_null (find_event (sim, MAINT_SIMULATION_EVENT_RAN, id));
    }
  advance (sim, end);
  e = find_event (sim, MAINT_SIMULATION_EVENT_RAN, id);
  g_assert_nonnull (e);
  g_assert_cmpint (maint_simulation_event_get_at (e), ==, end);
  g_assert_cmpstr (maint_simulation_event_get_machine (e), ==, guest);
  g_assert_cmpint (maint_simulation_event_get_outcome (e), ==, MAINT_OUTCOME_FAILURE);
  g_assert_cmpint (maint_simulation_get_activity_state (sim, id), ==, MAINT_ACTIVITY_STATE_FAILED);
  g_assert_cmpuint (maint_simulation_get_failures (sim, "os-2013-03"), ==, 1);
  g_assert_nonnull (find_event (sim, MAINT_SIMULATION_EVENT_ANNOUNCED, id));
  m = maint_fleet_lookup_machine (maint_simulation_get_fleet (sim), guest);
  g_assert_cmpint (maint_machine_get_booted_at (m), ==, end);
}

/* (8) A slot that has started but not ended stays, pinned, and runs in a
 * later step. */
static void
test_in_progress (void)
{
  g_autoptr(MaintFleet) fleet = small_fleet (0);
  g_autoptr(MaintSimulation) sim = simulation (fleet);
  g_autoptr(GPtrArray) first = wave_slots (maint_simulation_get_plan (sim), "first");
  MaintSlot *slot = g_ptr_array_index (first, 0);
  g_autofree char *id = g_strdup (maint_slot_get_activities (slot)[0]);
  gint64 start = maint_slot_get_start (slot), end = maint_slot_get_end (slot);
  MaintSlot *now;

  advance (sim, start + 600);
  now = maint_plan_lookup_slot (maint_simulation_get_plan (sim), id);
  g_assert_nonnull (now);
  g_assert_true (maint_slot_get_pinned (now));
  g_assert_cmpint (maint_slot_get_start (now), ==, start);
  g_assert_cmpint (maint_slot_get_end (now), ==, end);
  g_assert_cmpint (maint_simulation_get_activity_state (sim, id), ==, MAINT_ACTIVITY_STATE_PENDING);
  g_assert_null (find_event (sim, MAINT_SIMULATION_EVENT_RAN, id));

  advance (sim, end - 1);
  g_assert_null (find_event (sim, MAINT_SIMULATION_EVENT_RAN, id));
  advance (sim, end);
  g_assert_nonnull (find_event (sim, MAINT_SIMULATION_EVENT_RAN, id));
  g_assert_cmpint (maint_simulation_get_activity_state (sim, id), ==, MAINT_ACTIVITY_STATE_SUCCEEDED);
}

/* (9) Errors change nothing. */
static void
test_errors (void)
{
  g_autoptr(MaintFleet) fleet = small_fleet (2);
  g_autoptr(MaintSimulation) sim = simulation (fleet);
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  MaintPlan *plan;
  MaintFleet *current;
  guint n_events;
  gint64 now;

  advance (sim, maint_test_at ("2026-03-04T00:30:00Z"));
  plan = maint_simulation_get_plan (sim);
  current = maint_simulation_get_fleet (sim);
  n_events = maint_simulation_get_events (sim)->len;
  now = maint_simulation_get_now (sim);
  g_assert_cmpuint (n_events, >, 0);

  g_assert_false (maint_simulation_advance (sim, now - 1, NULL, &error));
  g_assert_error (error, MAINT_SIMULATION_ERROR, MAINT_SIMULATION_ERROR_CLOCK_FAILED);
  g_clear_error (&error);

  g_assert_false (maint_simulation_set_outcome (sim, "no-such-activity", MAINT_OUTCOME_FAILURE, &error));
  g_assert_error (error, MAINT_SIMULATION_ERROR, MAINT_SIMULATION_ERROR_UNKNOWN_FAILED);
  g_clear_error (&error);
  g_assert_false (maint_simulation_set_outcome (sim, "r/no-such-machine", MAINT_OUTCOME_FAILURE, &error));
  g_assert_error (error, MAINT_SIMULATION_ERROR, MAINT_SIMULATION_ERROR_UNKNOWN_FAILED);
  g_clear_error (&error);

  /* a cancelled re-plan: the outcomes set are not used up either */
  set_outcome (sim, "a1", MAINT_OUTCOME_FAILURE);
  g_cancellable_cancel (cancellable);
  g_assert_false (maint_simulation_advance (sim, maint_test_at ("2026-03-09T00:00:00Z"), cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_true (maint_simulation_get_plan (sim) == plan);
  g_assert_true (maint_simulation_get_fleet (sim) == current);
  g_assert_cmpuint (maint_simulation_get_events (sim)->len, ==, n_events);
  g_assert_cmpint (maint_simulation_get_now (sim), ==, now);
  g_assert_cmpint (maint_simulation_get_activity_state (sim, "a1"), ==, MAINT_ACTIVITY_STATE_PENDING);
  g_assert_cmpuint (maint_simulation_get_failures (sim, "r"), ==, 0);

  advance (sim, maint_test_at ("2026-03-09T00:00:00Z"));
  g_assert_cmpint (maint_simulation_get_activity_state (sim, "a1"), ==, MAINT_ACTIVITY_STATE_FAILED);

  /* a bad fleet: the fleet's own error */
  {
    g_autoptr(MaintFleet) bad = small_fleet (0);
    g_autoptr(MaintSimulation) none = NULL;

    maint_machine_set_group (maint_fleet_lookup_machine (bad, "vm1"), "no-such-group");
    none = maint_simulation_new (bad, 0, &error);
    g_assert_null (none);
    g_assert_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_REFERENCE_FAILED);
    g_clear_error (&error);
  }
  /* no clock */
  {
    g_autoptr(MaintFleet) timeless = small_fleet (0);
    g_autoptr(MaintSimulation) none = NULL;

    maint_fleet_set_now (timeless, 0);
    none = maint_simulation_new (timeless, 0, &error);
    g_assert_null (none);
    g_assert_error (error, MAINT_SIMULATION_ERROR, MAINT_SIMULATION_ERROR_INVALID_FAILED);
    g_clear_error (&error);
    none = maint_simulation_new (timeless, maint_test_at ("2026-03-02T00:00:00Z"), &error);
    g_assert_no_error (error);
    g_assert_nonnull (none);
  }
}

/* (10) Same fleet, same outcomes: the same log and the same plans. */
static char *
run_seed (GPtrArray *plans)
{
  g_autoptr(MaintFleet) fleet = seed_fleet ();
  g_autoptr(MaintSimulation) sim = NULL;
  g_autoptr(GError) error = NULL;
  GString *log = g_string_new (NULL);
  GPtrArray *events;
  static const guint days[] = { 1, 9 };

  maint_rollout_set_halt_after_failures (maint_fleet_lookup_rollout (fleet, "os-2013-03"), 2);
  sim = maint_simulation_new (fleet, 0, &error);
  g_assert_no_error (error);
  set_outcome (sim, "os-2013-03/baumarkt-test-db1", MAINT_OUTCOME_FAILURE);
  set_outcome (sim, "os-2013-03/hochschule-test-web1", MAINT_OUTCOME_POSTPONED);
  set_outcome (sim, "os-2013-03/baumarkt-test-web1", MAINT_OUTCOME_FAILURE);
  for (guint step = 0; step < G_N_ELEMENTS (days); step++)
    {
      advance (sim, maint_test_at ("2013-03-01T09:00:00Z") + days[step] * 24 * 3600);
      g_ptr_array_add (plans, maint_plan_to_data (maint_simulation_get_plan (sim), NULL));
    }
  events = maint_simulation_get_events (sim);
  for (guint i = 0; i < events->len; i++)
    {
      g_autofree char *line = maint_simulation_event_to_string (g_ptr_array_index (events, i));
      g_string_append_printf (log, "%s\n", line);
    }
  return g_string_free (log, FALSE);
}

static void
test_deterministic (void)
{
  g_autoptr(GPtrArray) plans_a = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) plans_b = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *a = run_seed (plans_a);
  g_autofree char *b = run_seed (plans_b);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpuint (plans_a->len, ==, plans_b->len);
  for (guint i = 0; i < plans_a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (plans_a, i), ==, g_ptr_array_index (plans_b, i));
  /* and it did something: two failures halt the later waves */
  g_assert_nonnull (strstr (a, " ran os-2013-03/baumarkt-test-db1 on baumarkt-test-db1: failure"));
  g_assert_nonnull (strstr (a, " ran os-2013-03/baumarkt-test-web1 on baumarkt-test-web1: failure"));
  g_assert_nonnull (strstr (a, " halted os-2013-03/kvm"));
  g_assert_nonnull (strstr (a, " ran os-2013-03/hochschule-test-web1 on hochschule-test-web1: postponed"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/simulation/all-succeed", test_all_succeed);
  g_test_add_func ("/simulation/announced-stay", test_announced_stay);
  g_test_add_func ("/simulation/postponed", test_postponed);
  g_test_add_func ("/simulation/failure", test_failure);
  g_test_add_func ("/simulation/halt", test_halt);
  g_test_add_func ("/simulation/fixed-waves", test_fixed_waves);
  g_test_add_func ("/simulation/absorbed", test_absorbed);
  g_test_add_func ("/simulation/in-progress", test_in_progress);
  g_test_add_func ("/simulation/errors", test_errors);
  g_test_add_func ("/simulation/deterministic", test_deterministic);

  return g_test_run ();
}
