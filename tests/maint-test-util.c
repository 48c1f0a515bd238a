/* maint-test-util.c: small fixtures shared by the GTest programs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "maint-test-util.h"

gint64
maint_test_at (const char *text)
{
  gint64 instant = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (maint_instant_parse (text, &instant, &error));
  g_assert_no_error (error);
  return instant;
}

MaintWindowSpec *
maint_test_spec (const char *text)
{
  g_autoptr(GError) error = NULL;
  MaintWindowSpec *spec = maint_window_spec_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (spec);
  return spec;
}

MaintResourceGroup *
maint_test_add_group (MaintFleet *fleet,
                      const char *name,
                      const char *zone,
                      const char *window,
                      gint64      notice)
{
  g_autoptr(MaintResourceGroup) group = maint_resource_group_new (name);
  g_autoptr(GError) error = NULL;

  maint_resource_group_set_timezone (group, zone);
  maint_resource_group_set_notice (group, notice);
  if (window != NULL)
    {
      g_autoptr(MaintWindowSpec) spec = maint_test_spec (window);

      maint_resource_group_add_window (group, spec);
    }
  g_assert_true (maint_fleet_add_group (fleet, group, &error));
  g_assert_no_error (error);
  return group;   /* the fleet holds a reference */
}

MaintMachine *
maint_test_add_machine (MaintFleet       *fleet,
                        const char       *name,
                        const char       *group,
                        MaintMachineKind  kind,
                        const char       *host)
{
  g_autoptr(MaintMachine) machine = maint_machine_new (name, group, kind);
  g_autoptr(GError) error = NULL;

  if (host != NULL)
    maint_machine_set_host (machine, host);
  g_assert_true (maint_fleet_add_machine (fleet, machine, &error));
  g_assert_no_error (error);
  return machine;   /* the fleet holds a reference */
}

MaintSlot *
maint_test_slot_of (MaintPlan  *plan,
                    const char *activity)
{
  MaintSlot *slot = maint_plan_lookup_slot (plan, activity);

  g_assert_nonnull (slot);
  return slot;
}

MaintFleet *
maint_test_load_fleet (const char *json)
{
  g_autoptr(GError) error = NULL;
  MaintFleet *fleet = maint_fleet_new_from_data (json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (fleet);
  return fleet;
}

MaintPlan *
maint_test_plan_and_verify (MaintFleet *fleet)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintScheduler) scheduler = maint_scheduler_new (fleet);
  MaintPlan *plan = maint_scheduler_run (scheduler, NULL, &error);
  g_autoptr(GPtrArray) violations = NULL;

  g_assert_no_error (error);
  violations = maint_verify_plan (fleet, plan);
  for (guint i = 0; i < violations->len; i++)
    g_test_message ("violation: %s", maint_violation_get_message (g_ptr_array_index (violations, i)));
  g_assert_cmpuint (violations->len, ==, 0);
  return plan;
}
