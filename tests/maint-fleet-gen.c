/* maint-fleet-gen.c: seeded, deterministic random fleets for tests and benchmarks
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Everything random comes from one GRand (Mersenne Twister) seeded with
 * the parameters' seed, so a seed names a fleet on every platform.
 */
#include "config.h"

#include "maint-fleet-gen.h"

static const char * const zones[] = {
  "Europe/Berlin", "Europe/London", "America/New_York", "Asia/Tokyo",
  "Australia/Sydney", "America/Los_Angeles", "America/Chicago", "America/Denver",
  "America/Sao_Paulo", "America/Mexico_City", "America/Toronto", "America/Halifax",
  "America/St_Johns", "America/Argentina/Buenos_Aires", "America/Bogota", "America/Anchorage",
  "Pacific/Honolulu", "Pacific/Auckland", "Pacific/Chatham", "Asia/Kolkata",
  "Asia/Kathmandu", "Asia/Shanghai", "Asia/Singapore", "Asia/Dubai",
  "Asia/Tehran", "Asia/Jerusalem", "Asia/Seoul", "Asia/Jakarta",
  "Europe/Paris", "Europe/Moscow", "Europe/Istanbul", "Europe/Lisbon",
  "Europe/Helsinki", "Europe/Dublin", "Africa/Cairo", "Africa/Johannesburg",
  "Africa/Lagos", "Atlantic/Azores", "Australia/Adelaide", "UTC",
};

static const char * const windows[] = {
  "daily 22:00-05:00", "mon-fri 22:00-24:00", "sat,sun 10:00-14:00",
  "daily 02:00-05:00", "tue 04:30-06:30", "daily 23:00-01:00",
  "mon,wed,fri 21:00-23:30", "sat 22:00-02:00", "daily 01:00-03:00",
};

static const char * const tight_windows[] = {
  "daily 02:00-03:00", "daily 22:00-23:30", "mon-fri 23:00-24:00",
  "sat,sun 10:00-11:00", "daily 01:30-02:30", "tue,thu 04:00-06:00",
};

static const gint64 notices[] = { 12 * 3600, 86400, 2 * 86400, 3 * 86400, 5 * 86400 };

void
maint_fleet_gen_params_for_size (MaintFleetGenParams *params,
                                 guint                n_vms,
                                 guint32              seed)
{
  *params = (MaintFleetGenParams) {
    .seed = seed,
    .n_vms = n_vms,
    .n_hosts = MAX (1, n_vms / 50),
    .n_groups = MAX (1, n_vms / 20),
    .n_zones = 40,
    .max_activities = 2,
    .service_share = 0.25,
    .max_concurrent = MAX (10, n_vms / 100),
    .max_per_host = 5,
    .horizon = 28 * 86400,
    .rollout = TRUE,
  };
}

void
maint_fleet_gen_params_small (MaintFleetGenParams *params,
                              guint32              seed)
{
  GRand *rand = g_rand_new_with_seed (seed ^ 0x5eed);

  *params = (MaintFleetGenParams) {
    .seed = seed,
    .n_vms = g_rand_int_range (rand, 20, 61),
    .n_hosts = g_rand_int_range (rand, 2, 6),
    .n_groups = g_rand_int_range (rand, 2, 7),
    .n_zones = g_rand_int_range (rand, 1, 5),
    .max_activities = 3,
    .service_share = 0.6,
    .max_concurrent = g_rand_int_range (rand, 2, 6),
    .max_per_host = g_rand_int_range (rand, 1, 3),
    .horizon = g_rand_int_range (rand, 5, 11) * 86400,
    .tight = TRUE,
  };
  g_rand_free (rand);
}

static MaintActivityKind
random_kind (GRand *rand)
{
  static const MaintActivityKind kinds[] = {
    MAINT_ACTIVITY_KIND_REBOOT, MAINT_ACTIVITY_KIND_MEMORY_RESIZE, MAINT_ACTIVITY_KIND_CPU_CHANGE,
    MAINT_ACTIVITY_KIND_KERNEL_UPDATE, MAINT_ACTIVITY_KIND_SYSTEM_UPDATE, MAINT_ACTIVITY_KIND_FS_CHECK,
    MAINT_ACTIVITY_KIND_FS_MIGRATION, MAINT_ACTIVITY_KIND_CUSTOM,
  };
  return kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))];
}

static void
gen_wave (MaintRollout *rollout,
          const char   *name,
          gint64        from,
          gint64        until,
          gdouble       share)
{
  g_autoptr(MaintWave) wave = maint_wave_new (name);

  maint_wave_set_from (wave, from);
  maint_wave_set_until (wave, until);
  if (g_str_equal (name, "infrastructure"))
    maint_wave_set_select_kind (wave, MAINT_MACHINE_KIND_INFRASTRUCTURE);
  else if (g_str_equal (name, "representative"))
    maint_wave_set_select_representative (wave, TRUE);
  else
    maint_wave_set_share (wave, share);
  maint_rollout_add_wave (rollout, wave);
}

/* The posts' system update, a week after @now (every group's notice is at
 * most five days): infrastructure Monday morning, the representative VMs
 * Monday evening, 20 % Tuesday, 30 % Wednesday, the rest from Thursday to
 * Saturday morning, every host rebooted on Saturday from 09:00 to 13:00
 * UTC. */
static void
gen_rollout (MaintFleet *fleet,
             gint64      now)
{
  g_autoptr(MaintRollout) rollout = maint_rollout_new ("os-update");
  g_autoptr(MaintInterval) host_reboots = NULL;
  g_autoptr(GError) error = NULL;
  gint64 day = 86400, hour = 3600, base = now - now % day + 7 * day;

  maint_rollout_set_template_kind (rollout, MAINT_ACTIVITY_KIND_SYSTEM_UPDATE);
  maint_rollout_set_template_summary (rollout, "Major OS update");
  maint_rollout_set_template_estimate (rollout, 20 * 60);
  maint_rollout_set_template_reboot (rollout, MAINT_REBOOT_KIND_WARM);
  gen_wave (rollout, "infrastructure", base + 4 * hour, base + 11 * hour, 0);
  gen_wave (rollout, "representative", base + 17 * hour, base + 29 * hour, 0);
  gen_wave (rollout, "20%", base + 29 * hour, base + 53 * hour, 0.2);
  gen_wave (rollout, "30%", base + 53 * hour, base + 77 * hour, 0.375);
  gen_wave (rollout, "rest", base + 77 * hour, base + 5 * day + 9 * hour, 1.0);
  host_reboots = maint_interval_new (base + 5 * day + 9 * hour, base + 5 * day + 13 * hour);
  maint_rollout_set_host_reboots (rollout, host_reboots);
  maint_fleet_add_rollout (fleet, rollout, &error);
  g_assert_no_error (error);
  maint_policy_set_coalesce_with_host_reboot (maint_fleet_get_policy (fleet), TRUE);
}

MaintFleet *
maint_fleet_gen (const MaintFleetGenParams *params)
{
  g_autoptr(MaintFleet) fleet = maint_fleet_new ();
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (params->seed);
  MaintPolicy *policy = maint_fleet_get_policy (fleet);
  gint64 now = params->now != 0 ? params->now : 1772442000; /* 2026-03-02T09:00:00Z */
  guint n_zones = CLAMP (params->n_zones, 1, G_N_ELEMENTS (zones));
  guint n_groups = MAX (params->n_groups, 1);
  guint n_activities = 0;
  g_autofree guint *group_of = g_new (guint, MAX (params->n_vms, 1));

  maint_fleet_set_now (fleet, now);
  maint_policy_set_horizon (policy, params->horizon);
  maint_policy_set_max_concurrent (policy, params->max_concurrent);
  maint_policy_set_max_concurrent_per_host (policy, params->max_per_host);

  {
    g_autoptr(MaintResourceGroup) infra = maint_resource_group_new ("infra");
    g_autoptr(MaintWindowSpec) spec = maint_window_spec_parse ("mon-fri 05:00-08:00", NULL);
    const char * const contacts[] = { "ops@example.net", NULL };

    maint_resource_group_set_contacts (infra, contacts);
    maint_resource_group_set_timezone (infra, "Europe/Berlin");
    maint_resource_group_set_stage (infra, MAINT_STAGE_INFRASTRUCTURE);
    maint_resource_group_add_window (infra, spec);
    maint_fleet_add_group (fleet, infra, &error);
    g_assert_no_error (error);
  }

  for (guint i = 0; i < n_groups; i++)
    {
      g_autofree char *name = g_strdup_printf ("g%05u", i);
      g_autofree char *contact = g_strdup_printf ("admin@%s.example", name);
      const char * const contacts[] = { contact, NULL };
      g_autoptr(MaintResourceGroup) group = maint_resource_group_new (name);
      guint n_specs = g_rand_int_range (rand, 0, 8) == 0 ? 2 : 1;

      maint_resource_group_set_contacts (group, contacts);
      maint_resource_group_set_timezone (group, zones[g_rand_int_range (rand, 0, n_zones)]);
      maint_resource_group_set_notice (group, notices[g_rand_int_range (rand, 0, G_N_ELEMENTS (notices))]);
      maint_resource_group_set_stage (group, g_rand_int_range (rand, 0, 10) == 0 ? MAINT_STAGE_STAGING
                                                                                 : MAINT_STAGE_PRODUCTION);
      for (guint k = 0; k < n_specs; k++)
        {
          const char *text = params->tight ? tight_windows[g_rand_int_range (rand, 0, G_N_ELEMENTS (tight_windows))]
                                           : windows[g_rand_int_range (rand, 0, G_N_ELEMENTS (windows))];
          g_autoptr(MaintWindowSpec) spec = maint_window_spec_parse (text, NULL);
          maint_resource_group_add_window (group, spec);
        }
      if (g_rand_int_range (rand, 0, params->tight ? 3 : 5) == 0)
        maint_resource_group_set_max_concurrent (group, g_rand_int_range (rand, 1, 4));
      if (g_rand_int_range (rand, 0, 20) == 0)
        {
          gint64 start = now + g_rand_int_range (rand, 1, 10) * 86400;
          g_autoptr(MaintInterval) blackout = maint_interval_new (start, start + 2 * 86400);
          maint_resource_group_add_blackout (group, blackout);
        }
      maint_fleet_add_group (fleet, group, &error);
      g_assert_no_error (error);
    }

  /* Routers and the like, for the rollout's first wave; named before the
   * hosts so that the fleet stays in name order. No random draws: the rest
   * of the fleet is the same with or without the rollout. */
  if (params->rollout)
    for (guint i = 0; i < MAX (2, params->n_vms / 5000); i++)
      {
        g_autofree char *name = g_strdup_printf ("gw%04u", i);
        g_autoptr(MaintMachine) gw = maint_machine_new (name, "infra", MAINT_MACHINE_KIND_INFRASTRUCTURE);
        maint_fleet_add_machine (fleet, gw, &error);
        g_assert_no_error (error);
      }

  for (guint h = 0; h < params->n_hosts; h++)
    {
      g_autofree char *name = g_strdup_printf ("kvm%04u", h);
      g_autoptr(MaintMachine) host = maint_machine_new (name, "infra", MAINT_MACHINE_KIND_HOST);
      maint_fleet_add_machine (fleet, host, &error);
      g_assert_no_error (error);
    }

  for (guint v = 0; v < params->n_vms; v++)
    {
      /* Consecutive VMs share a group, so groups have pairs for services */
      guint g = (guint) ((guint64) v * n_groups / MAX (params->n_vms, 1));
      g_autofree char *name = g_strdup_printf ("vm%06u", v);
      g_autofree char *group = g_strdup_printf ("g%05u", g);
      g_autofree char *host = g_strdup_printf ("kvm%04u", g_rand_int_range (rand, 0, MAX (params->n_hosts, 1)));
      g_autoptr(MaintMachine) machine = maint_machine_new (name, group, MAINT_MACHINE_KIND_VM);
      guint n_acts;

      group_of[v] = g;
      if (params->n_hosts > 0)
        maint_machine_set_host (machine, host);
      if (g_rand_int_range (rand, 0, 50) == 0)
        maint_machine_set_auto_schedule (machine, FALSE);
      if (params->rollout && v % 100 == 50)
        maint_machine_set_representative (machine, TRUE);
      maint_fleet_add_machine (fleet, machine, &error);
      g_assert_no_error (error);

      n_acts = params->max_activities <= 1 ? params->max_activities
                                           : (guint) g_rand_int_range (rand, 0, params->max_activities + 1);
      for (guint k = 0; k < n_acts; k++)
        {
          g_autofree char *id = g_strdup_printf ("a%07u", n_activities++);
          g_autoptr(MaintActivity) a = maint_activity_new (id, name, random_kind (rand));
          guint roll = g_rand_int_range (rand, 0, 100);

          maint_activity_set_summary (a, "generated work");
          maint_activity_set_estimate (a, 300 * g_rand_int_range (rand, 1, params->tight ? 7 : 10));
          maint_activity_set_reboot (a, g_rand_int_range (rand, 0, 3));
          if (roll < 3)
            {
              maint_activity_set_priority (a, MAINT_PRIORITY_EMERGENCY);
              maint_activity_set_deadline (a, now + g_rand_int_range (rand, 1, 6) * 86400);
            }
          else if (roll < 10)
            maint_activity_set_priority (a, MAINT_PRIORITY_URGENT);
          if (g_rand_int_range (rand, 0, 10) == 0)
            maint_activity_set_not_before (a, now + g_rand_int_range (rand, 1, 8) * 86400);
          if (roll >= 3 && g_rand_int_range (rand, 0, 10) == 0)
            maint_activity_set_deadline (a, now + g_rand_int_range (rand, 3, 14) * 86400);
          /* A deadline before not_before does not validate */
          if (maint_activity_get_deadline (a) != 0 &&
              maint_activity_get_deadline (a) <= maint_activity_get_not_before (a))
            maint_activity_set_deadline (a, maint_activity_get_not_before (a) + 2 * 86400);
          maint_fleet_add_activity (fleet, a, &error);
          g_assert_no_error (error);
        }
    }

  /* Redundant pairs: the first two VMs of a group, passive (second) first */
  for (guint v = 0, s = 0; v + 1 < params->n_vms; v++)
    {
      if (group_of[v] != group_of[v + 1] || (v > 0 && group_of[v - 1] == group_of[v]))
        continue;
      if (g_rand_double (rand) >= params->service_share)
        continue;
      {
        g_autofree char *name = g_strdup_printf ("svc%05u", s++);
        g_autofree char *a = g_strdup_printf ("vm%06u", v);
        g_autofree char *b = g_strdup_printf ("vm%06u", v + 1);
        const char * const members[] = { a, b, NULL };
        const char * const order[] = { b, a, NULL };
        g_autoptr(MaintService) service = maint_service_new (name);

        maint_service_set_members (service, members);
        if (g_rand_int_range (rand, 0, 2) == 0)
          maint_service_set_order (service, order);
        if (g_rand_int_range (rand, 0, 3) == 0)
          maint_service_set_spacing (service, 3600);
        maint_fleet_add_service (fleet, service, &error);
        g_assert_no_error (error);
      }
    }

  if (params->rollout)
    gen_rollout (fleet, now);

  g_rand_free (rand);
  return g_steal_pointer (&fleet);
}
