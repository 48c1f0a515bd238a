/* maintctl-check.c: maintctl check FLEET.json
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Loads (and so validates) a fleet file and prints a short summary:
 * how many groups by stage, machines by kind, activities by kind, the
 * rollouts and the time zones in use.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "maintctl.h"

/* "32 (testing 2, staging 4, …)": counts by enum value, zeros left out */
static char *
count_by_enum (GType         enum_type,
               const guint  *counts,
               guint         n_counts,
               guint         total)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GString *out = g_string_new (NULL);
  guint listed = 0;

  g_string_append_printf (out, "%u", total);
  for (guint i = 0; i < klass->n_values; i++)
    {
      int value = klass->values[i].value;

      if (value < 0 || (guint) value >= n_counts || counts[value] == 0)
        continue;
      g_string_append (out, listed++ == 0 ? " (" : ", ");
      g_string_append_printf (out, "%s %u", klass->values[i].value_nick, counts[value]);
    }
  if (listed > 0)
    g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
print_summary (const char *path,
               MaintFleet *fleet)
{
  GPtrArray *groups = maint_fleet_get_groups (fleet);
  GPtrArray *machines = maint_fleet_get_machines (fleet);
  GPtrArray *activities = maint_fleet_get_activities (fleet);
  GPtrArray *rollouts = maint_fleet_get_rollouts (fleet);
  g_autoptr(GHashTable) zones = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree const char **zone_list = NULL;
  g_autofree char *zone_text = NULL;
  g_autofree char *group_text = NULL;
  g_autofree char *machine_text = NULL;
  g_autofree char *activity_text = NULL;
  guint stages[MAINT_STAGE_INFRASTRUCTURE + 1] = { 0, };
  guint kinds[MAINT_MACHINE_KIND_INFRASTRUCTURE + 1] = { 0, };
  guint activity_kinds[MAINT_ACTIVITY_KIND_CUSTOM + 1] = { 0, };
  guint n_waves = 0;

  for (guint i = 0; i < groups->len; i++)
    {
      MaintResourceGroup *group = g_ptr_array_index (groups, i);

      stages[maint_resource_group_get_stage (group)]++;
      g_hash_table_add (zones, (gpointer) maint_resource_group_get_timezone (group));
    }
  for (guint i = 0; i < machines->len; i++)
    kinds[maint_machine_get_kind (g_ptr_array_index (machines, i))]++;
  for (guint i = 0; i < activities->len; i++)
    activity_kinds[maint_activity_get_kind (g_ptr_array_index (activities, i))]++;
  for (guint i = 0; i < rollouts->len; i++)
    n_waves += maint_rollout_get_waves (g_ptr_array_index (rollouts, i))->len;

  group_text = count_by_enum (MAINT_TYPE_STAGE, stages, G_N_ELEMENTS (stages), groups->len);
  machine_text = count_by_enum (MAINT_TYPE_MACHINE_KIND, kinds, G_N_ELEMENTS (kinds),
                                machines->len);
  activity_text = count_by_enum (MAINT_TYPE_ACTIVITY_KIND, activity_kinds,
                                 G_N_ELEMENTS (activity_kinds), activities->len);

  zone_list = (const char **) g_hash_table_get_keys_as_array (zones, NULL);
  qsort (zone_list, g_hash_table_size (zones), sizeof (char *), compare_strings);
  zone_text = g_strjoinv (", ", (char **) zone_list);

  printf ("fleet: %s (%s)\n", path, MAINT_FLEET_FORMAT);
  if (maint_fleet_get_now (fleet) != 0)
    {
      g_autofree char *now = maint_instant_format (maint_fleet_get_now (fleet));
      printf ("now: %s\n", now);
    }
  printf ("resource groups: %s\n", group_text);
  printf ("machines: %s\n", machine_text);
  printf ("services: %u\n", maint_fleet_get_services (fleet)->len);
  printf ("activities: %s\n", activity_text);
  printf ("rollouts: %u (%u wave%s)\n", rollouts->len, n_waves, n_waves == 1 ? "" : "s");
  printf ("time zones: %s\n", zone_list[0] != NULL ? zone_text : "none");
}

int
maintctl_check (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(GError) error = NULL;

  context = g_option_context_new ("FLEET.json");
  g_option_context_set_summary (context,
                                "Validate a libmaint-fleet/1 file and print a summary of it.\n"
                                "Exits with 2 and one line naming the JSON path of the first\n"
                                "problem when the fleet is not valid.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return maintctl_fail ("check: %s", error->message);
  if (argc != 2)
    return maintctl_fail ("check: expected one fleet file (see maintctl check --help)");

  fleet = maint_fleet_new_from_file (argv[1], &error);
  if (fleet == NULL)
    return maintctl_fail ("%s: %s", argv[1], error->message);

  print_summary (argv[1], fleet);
  if (fflush (stdout) != 0)
    return maintctl_fail ("cannot write to standard output");
  return MAINTCTL_EXIT_OK;
}
