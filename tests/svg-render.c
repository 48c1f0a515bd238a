/* svg-render.c: writes the SVG of a plan, for test-svg.py and for looking
 * at the picture
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   svg-render --sample N [--plan-out PLAN.json] [--zone Z] [--group-by group|host] [-o OUT.svg]
 *   svg-render --fleet FLEET.json [--plan PLAN.json] ...
 *
 * Without --plan the fleet is planned with the scheduler. The sample is
 * built by hand with the public model API, so the SVG tests do not depend
 * on the scheduler: a fleet of N machines (about one host per twelve, the
 * rest VMs in customer groups of eight, all in Europe/Berlin), each VM
 * placed in a real maintenance interval of its group over the days after
 * 2026-03-26 (across the night Europe/Berlin springs forward), some
 * pinned, every third in a wave of a rollout; every host rebooted on the
 * Saturday with downtime for its guests; every eleventh VM with an
 * unscheduled second activity. Deterministic.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libmaint/libmaint.h>

#include "maint-test-util.h"

/* 2026-03-26T09:00:00Z, a Thursday. */
#define SVG_SAMPLE_NOW G_GINT64_CONSTANT (1774515600)

static const char * const customers[] = {
  "kulturverlag", "stadtwerke-ruhr", "weinhandel-mosel", "hochschule-nrw",
  "zeitungsarchiv", "reisebuero-sonne", "stiftung-kunst", "modehaus-rhein",
};
static const char * const roles[] = { "web", "db", "app", "cache", "lb", "mail", "search", "backup" };
static const char * const specs[] = {
  "daily 22:00-05:00", "mon-fri 05:00-08:00", "daily 02:00-05:00", "sat,sun 06:00-12:00",
};
static const char * const waves[] = { "representative", "20%", "30%", "30%", "rest" };
static const MaintActivityKind kinds[] = {
  MAINT_ACTIVITY_KIND_KERNEL_UPDATE, MAINT_ACTIVITY_KIND_MEMORY_RESIZE,
  MAINT_ACTIVITY_KIND_FS_CHECK, MAINT_ACTIVITY_KIND_REBOOT, MAINT_ACTIVITY_KIND_CPU_CHANGE,
};
static const MaintRebootKind reboots[] = {
  MAINT_REBOOT_KIND_WARM, MAINT_REBOOT_KIND_COLD, MAINT_REBOOT_KIND_NONE,
  MAINT_REBOOT_KIND_WARM, MAINT_REBOOT_KIND_COLD,
};

#define ZONE "Europe/Berlin"

/* A German group in ZONE with the window @spec_a and, unless %NULL,
 * @spec_b; owned by @fleet. */
static MaintResourceGroup *
add_group (MaintFleet *fleet,
           const char *name,
           const char *spec_a,
           const char *spec_b,
           gint64      notice)
{
  MaintResourceGroup *group = maint_test_add_group (fleet, name, ZONE, spec_a, notice);

  maint_resource_group_set_locale (group, "de");
  if (spec_b != NULL)
    {
      g_autoptr(MaintWindowSpec) b = maint_test_spec (spec_b);

      maint_resource_group_add_window (group, b);
    }
  return group;
}

/* The @k-th maintenance interval of @group that starts after @after. */
static MaintInterval *
nth_interval (MaintResourceGroup *group,
              gint64              after,
              guint               k)
{
  g_autoptr(MaintIntervalSet) set =
    maint_resource_group_get_maintenance_intervals (group, after, after + 21 * 86400, NULL);
  guint n;

  g_assert_nonnull (set);
  n = maint_interval_set_get_n_intervals (set);
  g_assert_cmpuint (n, >, 0);
  /* An interval cut by @after is not a whole window: skip it. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MaintInterval) interval = maint_interval_set_get_interval (set, i);
      if (maint_interval_get_start (interval) > after && k-- == 0)
        return g_steal_pointer (&interval);
    }
  return maint_interval_set_get_interval (set, n - 1);
}

static void
svg_sample_build (guint        n_machines,
                  MaintFleet **out_fleet,
                  MaintPlan  **out_plan)
{
  g_autoptr(MaintFleet) fleet = maint_fleet_new ();
  g_autoptr(MaintPlan) plan = maint_plan_new (SVG_SAMPLE_NOW);
  g_autoptr(GPtrArray) host_slots = g_ptr_array_new_with_free_func (g_object_unref);
  MaintResourceGroup *infra;
  guint n_hosts, n_vms, n_groups;

  g_assert_cmpuint (n_machines, >=, 4);
  n_hosts = MAX (1, n_machines / 12);
  n_vms = n_machines - n_hosts;
  n_groups = (n_vms + 7) / 8;

  maint_fleet_set_now (fleet, SVG_SAMPLE_NOW);
  infra = add_group (fleet, "infra", "mon-fri 05:00-08:00", "sat 10:00-14:00", 86400);
  for (guint g = 0; g < n_groups; g++)
    {
      g_autofree char *name = g < G_N_ELEMENTS (customers)
        ? g_strdup (customers[g])
        : g_strdup_printf ("%s-%u", customers[g % G_N_ELEMENTS (customers)], (guint) (g / G_N_ELEMENTS (customers)));

      add_group (fleet, name, specs[g % G_N_ELEMENTS (specs)], NULL, 2 * 86400);
    }

  /* Hosts reboot on Saturday, one after the other, in infra's window. */
  for (guint h = 0; h < n_hosts; h++)
    {
      g_autofree char *name = g_strdup_printf ("kvm%02u", h);
      g_autofree char *id = g_strdup_printf ("h-%s", name);
      g_autoptr(MaintMachine) host = maint_machine_new (name, "infra", MAINT_MACHINE_KIND_HOST);
      g_autoptr(MaintActivity) activity = maint_activity_new (id, name, MAINT_ACTIVITY_KIND_HOST_REBOOT);
      g_autoptr(MaintInterval) window = nth_interval (infra, SVG_SAMPLE_NOW + 86400, 0);
      gint64 start = maint_interval_get_start (window) + (h % 12) * 20 * 60;
      const char *activities[] = { id, NULL };
      MaintSlot *slot = maint_slot_new (name, start, start + 20 * 60);

      g_assert_true (maint_fleet_add_machine (fleet, host, NULL));
      maint_activity_set_summary (activity, "Host kernel update");
      maint_activity_set_estimate (activity, 15 * 60);
      maint_activity_set_reboot (activity, MAINT_REBOOT_KIND_COLD);
      g_assert_true (maint_fleet_add_activity (fleet, activity, NULL));

      maint_slot_set_group (slot, "infra");
      maint_slot_set_activities (slot, activities);
      maint_slot_set_reboot (slot, MAINT_REBOOT_KIND_COLD);
      maint_plan_add_slot (plan, slot);
      g_ptr_array_add (host_slots, slot);
    }

  for (guint i = 0; i < n_vms; i++)
    {
      guint g = i / 8;
      MaintResourceGroup *group = g_ptr_array_index (maint_fleet_get_groups (fleet), g + 1);
      const char *group_name = maint_resource_group_get_name (group);
      g_autofree char *name = g_strdup_printf ("%s-%s%02u", group_name, roles[i % 8], i / 8 % 100);
      g_autofree char *id = g_strdup_printf ("a-%04u", i);
      g_autofree char *id2 = g_strdup_printf ("b-%04u", i);
      g_autoptr(MaintMachine) vm = maint_machine_new (name, group_name, MAINT_MACHINE_KIND_VM);
      g_autoptr(MaintActivity) activity = NULL;
      g_autoptr(MaintInterval) window = NULL;
      g_autoptr(MaintSlot) slot = NULL;
      MaintSlot *host_slot = g_ptr_array_index (host_slots, i % n_hosts);
      const char *host = maint_slot_get_machine (host_slot);
      guint k = (i * 7 + g) % 5;
      gboolean rollout = i % 3 == 0;
      MaintActivityKind kind = rollout ? MAINT_ACTIVITY_KIND_SYSTEM_UPDATE : kinds[i % G_N_ELEMENTS (kinds)];
      MaintRebootKind reboot = rollout ? MAINT_REBOOT_KIND_WARM : reboots[i % G_N_ELEMENTS (reboots)];
      gint64 duration = (15 + 10 * (i % 4)) * 60;
      gint64 start, end;
      const char *activities[] = { id, NULL };

      maint_machine_set_host (vm, host);
      g_assert_true (maint_fleet_add_machine (fleet, vm, NULL));

      activity = maint_activity_new (id, name, kind);
      maint_activity_set_summary (activity, rollout ? "Major OS update" : "Queued maintenance");
      maint_activity_set_estimate (activity, duration - 5 * 60);
      maint_activity_set_reboot (activity, reboot);
      if (rollout)
        maint_activity_set_rollout (activity, "os-2026-03");
      g_assert_true (maint_fleet_add_activity (fleet, activity, NULL));

      window = nth_interval (group, SVG_SAMPLE_NOW + 2 * 86400, k);
      start = maint_interval_get_start (window) + ((i / 5) % 4) * 20 * 60;
      end = MIN (start + duration, maint_interval_get_end (window));
      if (end <= start)
        {
          start = maint_interval_get_start (window);
          end = MIN (start + duration, maint_interval_get_end (window));
        }
      slot = maint_slot_new (name, start, end);
      maint_slot_set_group (slot, group_name);
      maint_slot_set_activities (slot, activities);
      maint_slot_set_reboot (slot, reboot);
      maint_slot_set_pinned (slot, i % 7 == 3);
      if (rollout)
        {
          maint_slot_set_rollout (slot, "os-2026-03");
          maint_slot_set_wave (slot, waves[k]);
        }
      maint_plan_add_slot (plan, slot);

      {
        g_autoptr(MaintHostDowntime) downtime =
          maint_host_downtime_new (name, host, maint_slot_get_start (host_slot),
                                   maint_slot_get_end (host_slot));
        g_autoptr(MaintRebootCount) count =
          maint_reboot_count_new (name, reboot != MAINT_REBOOT_KIND_NONE ? 1 : 0, 1, 0);

        maint_plan_add_host_downtime (plan, downtime);
        maint_plan_add_reboot_count (plan, count);
      }

      if (i % 11 == 5)
        {
          g_autoptr(MaintActivity) second = maint_activity_new (id2, name, MAINT_ACTIVITY_KIND_FS_MIGRATION);
          g_autoptr(MaintUnscheduled) u = NULL;

          maint_activity_set_estimate (second, 4 * 3600);
          maint_activity_set_reboot (second, MAINT_REBOOT_KIND_COLD);
          g_assert_true (maint_fleet_add_activity (fleet, second, NULL));
          u = maint_unscheduled_new (id2, name, MAINT_UNSCHEDULED_TOO_LONG,
                                     "needs 4 h, the longest window is 3 h");
          maint_plan_add_unscheduled (plan, u);
        }
    }

  for (guint h = 0; h < n_hosts; h++)
    {
      MaintSlot *slot = g_ptr_array_index (host_slots, h);
      g_autoptr(MaintRebootCount) count =
        maint_reboot_count_new (maint_slot_get_machine (slot), 1, 0, 0);
      maint_plan_add_reboot_count (plan, count);
    }

  *out_fleet = g_steal_pointer (&fleet);
  *out_plan = g_steal_pointer (&plan);
}

int
main (int    argc,
      char **argv)
{
  int sample = 0;
  g_autofree char *fleet_path = NULL;
  g_autofree char *plan_path = NULL;
  g_autofree char *plan_out = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *group_by = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "sample", 0, 0, G_OPTION_ARG_INT, &sample, "Draw the hand-built sample of N machines", "N" },
    { "fleet", 0, 0, G_OPTION_ARG_FILENAME, &fleet_path, "Fleet file", "FLEET.json" },
    { "plan", 0, 0, G_OPTION_ARG_FILENAME, &plan_path, "Plan file (default: plan the fleet)", "PLAN.json" },
    { "plan-out", 0, 0, G_OPTION_ARG_FILENAME, &plan_out, "Also write the plan as JSON", "PLAN.json" },
    { "zone", 0, 0, G_OPTION_ARG_STRING, &zone, "Time zone of the picture (default UTC)", "ZONE" },
    { "group-by", 0, 0, G_OPTION_ARG_STRING, &group_by, "group (default) or host", "BY" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Output file (default: stdout)", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— draw a plan as SVG");
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintPlan) plan = NULL;
  g_autofree char *svg = NULL;
  MaintSvgGrouping grouping = MAINT_SVG_GROUPING_GROUP;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    goto fail;
  if (group_by != NULL && g_str_equal (group_by, "host"))
    grouping = MAINT_SVG_GROUPING_HOST;
  else if (group_by != NULL && !g_str_equal (group_by, "group"))
    {
      g_printerr ("svg-render: --group-by: group or host\n");
      return 2;
    }

  if (sample > 0)
    svg_sample_build (sample, &fleet, &plan);
  else if (fleet_path != NULL)
    {
      fleet = maint_fleet_new_from_file (fleet_path, &error);
      if (fleet == NULL)
        goto fail;
      if (plan_path != NULL)
        plan = maint_plan_new_from_file (plan_path, &error);
      else
        {
          g_autoptr(MaintScheduler) scheduler = maint_scheduler_new (fleet);
          plan = maint_scheduler_run (scheduler, NULL, &error);
        }
      if (plan == NULL)
        goto fail;
    }
  else
    {
      g_printerr ("svg-render: give --sample N or --fleet FLEET.json\n");
      return 2;
    }

  if (plan_out != NULL && !maint_plan_save_to_file (plan, plan_out, &error))
    goto fail;
  svg = maint_plan_to_svg (plan, fleet, zone, grouping, &error);
  if (svg == NULL)
    goto fail;
  if (output != NULL)
    {
      if (!g_file_set_contents (output, svg, -1, &error))
        goto fail;
    }
  else
    fputs (svg, stdout);
  return 0;

fail:
  g_printerr ("svg-render: %s\n", error->message);
  return 2;
}
