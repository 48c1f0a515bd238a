/* maintctl-verify.c: maintctl verify FLEET.json PLAN.json
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <stdio.h>

#include "maintctl.h"

static void
print_line (const char *nick,
            const char *message)
{
  g_autofree char *line = g_strdup (message);

  /* one violation, one line: names in messages come from input files */
  for (char *p = line; *p; p++)
    if (*p == '\n' || *p == '\r')
      *p = ' ';
  printf ("%s: %s\n", nick, line);
}

int
maintctl_verify (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintPlan) plan = NULL;
  g_autoptr(GPtrArray) violations = NULL;
  g_autoptr(GEnumClass) constraints = NULL;
  GPtrArray *slots;

  context = g_option_context_new ("FLEET.json PLAN.json");
  g_option_context_set_summary (context,
                                "Check a plan against the hard constraints of a fleet.\n"
                                "Exit status: 0 if the plan holds, 1 if it breaks a "
                                "constraint (one line per violation), 2 on bad input.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return maintctl_fail ("verify: %s", error->message);
  if (argc != 3)
    return maintctl_fail ("verify: expected FLEET.json and PLAN.json (see maintctl verify --help)");

  fleet = maint_fleet_new_from_file (argv[1], &error);
  if (fleet == NULL)
    return maintctl_fail ("%s: %s", argv[1], error->message);
  plan = maint_plan_new_from_file (argv[2], &error);
  if (plan == NULL)
    return maintctl_fail ("%s: %s", argv[2], error->message);

  violations = maint_verify_plan (fleet, plan);
  slots = maint_plan_get_slots (plan);

  if (violations->len == 0)
    {
      printf ("plan holds: %u slot%s, 0 violations\n",
              slots->len, slots->len == 1 ? "" : "s");
      return MAINTCTL_EXIT_OK;
    }

  constraints = g_type_class_ref (MAINT_TYPE_CONSTRAINT);
  for (guint i = 0; i < violations->len; i++)
    {
      MaintViolation *violation = g_ptr_array_index (violations, i);
      GEnumValue *value = g_enum_get_value (constraints,
                                            maint_violation_get_constraint (violation));

      print_line (value ? value->value_nick : "unknown",
                  maint_violation_get_message (violation));
    }
  fprintf (stderr, "maintctl: %s: plan does not hold: %u slot%s, %u violation%s\n",
           argv[2], slots->len, slots->len == 1 ? "" : "s",
           violations->len, violations->len == 1 ? "" : "s");
  fflush (stdout);

  return MAINTCTL_EXIT_CHECK_FAILED;
}
