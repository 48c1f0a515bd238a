/* test-model.c: the domain model: properties, defaults, the fleet's
 * indexes and every rule of maint_fleet_validate()
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include <libmaint/libmaint.h>

/* 2026-03-20T00:00:00Z */
#define NOW G_GINT64_CONSTANT (1773964800)
#define HOUR 3600
#define DAY (24 * HOUR)

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal (a, b);
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (pspec->value_type == G_TYPE_STRV)
    return strv_equal0 (g_value_get_boxed (a), g_value_get_boxed (b));
  if (pspec->value_type == MAINT_TYPE_INTERVAL)
    {
      const MaintInterval *x = g_value_get_boxed (a);
      const MaintInterval *y = g_value_get_boxed (b);

      if (x == NULL || y == NULL)
        return x == y;
      return maint_interval_equal (x, y);
    }
  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Sets @name to @value through GObject, checks that it reads back, that
 * exactly one notify was emitted, and that setting the same value again
 * emits none. */
static void
check_property (gpointer      object,
                const char   *name,
                const GValue *value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
  g_autofree char *detailed = g_strconcat ("notify::", name, NULL);
  g_auto(GValue) got = G_VALUE_INIT;
  g_auto(GValue) before = G_VALUE_INIT;
  guint count = 0;
  gulong id;

  g_test_message ("property %s:%s", G_OBJECT_TYPE_NAME (object), name);
  g_assert_nonnull (pspec);
  g_assert_cmphex (pspec->flags & G_PARAM_READWRITE, ==, G_PARAM_READWRITE);
  g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
  g_assert_true ((pspec->flags & G_PARAM_STATIC_STRINGS) == G_PARAM_STATIC_STRINGS);

  /* the new value must differ, or the notify count proves nothing */
  g_value_init (&before, pspec->value_type);
  g_object_get_property (object, name, &before);
  g_assert_false (values_equal (pspec, &before, value));

  id = g_signal_connect (object, detailed, G_CALLBACK (count_notify), &count);

  g_object_set_property (object, name, value);
  g_assert_cmpuint (count, ==, 1);

  g_value_init (&got, pspec->value_type);
  g_object_get_property (object, name, &got);
  g_assert_true (values_equal (pspec, value, &got));

  g_object_set_property (object, name, value);
  g_assert_cmpuint (count, ==, 1);

  g_signal_handler_disconnect (object, id);
}

static void
check_int64 (gpointer object, const char *name, gint64 v)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, v);
  check_property (object, name, &value);
}

static void
check_uint (gpointer object, const char *name, guint v)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, v);
  check_property (object, name, &value);
}

static void
check_boolean (gpointer object, const char *name, gboolean v)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, v);
  check_property (object, name, &value);
}

static void
check_double (gpointer object, const char *name, gdouble v)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, v);
  check_property (object, name, &value);
}

static void
check_enum (gpointer object, const char *name, GType type, gint v)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, type);
  g_value_set_enum (&value, v);
  check_property (object, name, &value);
}

static void
check_string (gpointer object, const char *name, const char *v)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, v);
  check_property (object, name, &value);
}

static void
check_strv (gpointer object, const char *name, const char * const *v)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, v);
  check_property (object, name, &value);
}

static void
check_interval (gpointer object, const char *name, gint64 start, gint64 end)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, MAINT_TYPE_INTERVAL);
  g_value_take_boxed (&value, maint_interval_new (start, end));
  check_property (object, name, &value);
}

/* Every property of a freshly constructed object that is neither
 * construct-only nor a string list has the value its GParamSpec
 * documents as default. */
static void
check_pspec_defaults (gpointer object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY)
        continue;
      if (pspecs[i]->value_type == G_TYPE_STRV)
        continue;
      g_test_message ("default of %s:%s", G_OBJECT_TYPE_NAME (object), pspecs[i]->name);
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      g_assert_true (g_param_value_defaults (pspecs[i], &value));
    }
}

static MaintInterval *
interval (gint64 start, gint64 end)
{
  return maint_interval_new (start, end);
}

/* Asserts that @fleet does not validate, with @code and a message that
 * starts with "@path: ". */
static void
assert_invalid (MaintFleet *fleet,
                gint        code,
                const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strconcat (path, ": ", NULL);

  g_assert_false (maint_fleet_validate (fleet, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, MAINT_FLEET_ERROR, code);
  if (!g_str_has_prefix (error->message, prefix))
    g_assert_cmpstr (error->message, ==, prefix);  /* fails, showing both */
}

static void
assert_invalid_message (MaintFleet *fleet,
                        gint        code,
                        const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (maint_fleet_validate (fleet, &error));
  g_assert_error (error, MAINT_FLEET_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_valid (MaintFleet *fleet)
{
  g_autoptr(GError) error = NULL;

  maint_fleet_validate (fleet, &error);
  g_assert_no_error (error);
}

static void
add_group (MaintFleet *fleet, MaintResourceGroup *group)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (maint_fleet_add_group (fleet, group, &error));
  g_assert_no_error (error);
  g_object_unref (group);
}

static void
add_machine (MaintFleet *fleet, MaintMachine *machine)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (maint_fleet_add_machine (fleet, machine, &error));
  g_assert_no_error (error);
  g_object_unref (machine);
}

static MaintMachine *
vm (const char *name, const char *group, const char *host)
{
  MaintMachine *machine = maint_machine_new (name, group, MAINT_MACHINE_KIND_VM);

  maint_machine_set_host (machine, host);
  return machine;
}

static MaintWave *
wave_share (const char *name, gdouble share)
{
  MaintWave *wave = maint_wave_new (name);

  maint_wave_set_share (wave, share);
  return wave;
}

/* A small valid fleet, indices as the validation tests use them:
 *
 * resource_groups: [0] acme (Europe/Berlin), [1] provider (UTC,
 *   infrastructure)
 * machines: [0] kvm-1 host, [1] kvm-2 host, [2] router-1 infrastructure,
 *   [3] vm-1, [4] vm-2, [5] db-1, [6] db-2 (VMs of acme)
 * services: [0] db (db-1, db-2; order db-2, db-1)
 * activities: [0] a-kernel (vm-1), [1] a-custom (db-1, in rollout r1,
 *   announced), [2] a-host (kvm-1 host-reboot)
 * rollouts: [0] r1 with waves infra (kind), rep (representative),
 *   staging (stage), rest (share 1)
 */
static MaintFleet *
make_fleet (void)
{
  MaintFleet *fleet = maint_fleet_new ();
  MaintResourceGroup *group;
  MaintMachine *machine;
  g_autoptr(MaintService) service = NULL;
  g_autoptr(MaintActivity) a_kernel = NULL;
  g_autoptr(MaintActivity) a_custom = NULL;
  g_autoptr(MaintActivity) a_host = NULL;
  g_autoptr(MaintRollout) rollout = NULL;
  g_autoptr(MaintInterval) slot = NULL;
  g_autoptr(MaintInterval) blackout = NULL;
  g_autoptr(MaintWave) w_infra = NULL;
  g_autoptr(MaintWave) w_rep = NULL;
  g_autoptr(MaintWave) w_staging = NULL;
  g_autoptr(MaintWave) w_rest = NULL;
  const char *acme_contacts[] = { "ops@acme.example", "on-call.team+maint@mail.acme.example", NULL };
  const char *provider_contacts[] = { "noc@provider.example", NULL };
  const char *members[] = { "db-1", "db-2", NULL };
  const char *order[] = { "db-2", "db-1", NULL };

  maint_fleet_set_now (fleet, NOW);

  group = maint_resource_group_new ("acme");
  maint_resource_group_set_contacts (group, acme_contacts);
  maint_resource_group_set_timezone (group, "Europe/Berlin");
  maint_resource_group_set_locale (group, "de");
  maint_resource_group_set_notice (group, 7 * DAY);
  blackout = interval (NOW + 2 * DAY, NOW + 3 * DAY);
  maint_resource_group_add_blackout (group, blackout);
  add_group (fleet, group);

  group = maint_resource_group_new ("provider");
  maint_resource_group_set_contacts (group, provider_contacts);
  maint_resource_group_set_stage (group, MAINT_STAGE_INFRASTRUCTURE);
  add_group (fleet, group);

  add_machine (fleet, maint_machine_new ("kvm-1", "provider", MAINT_MACHINE_KIND_HOST));
  add_machine (fleet, maint_machine_new ("kvm-2", "provider", MAINT_MACHINE_KIND_HOST));
  add_machine (fleet, maint_machine_new ("router-1", "provider", MAINT_MACHINE_KIND_INFRASTRUCTURE));
  machine = vm ("vm-1", "acme", "kvm-1");
  maint_machine_set_representative (machine, TRUE);
  maint_machine_set_booted_at (machine, NOW - 200 * DAY);
  add_machine (fleet, machine);
  machine = vm ("vm-2", "acme", "kvm-2");
  maint_machine_set_stage (machine, MAINT_STAGE_STAGING);
  add_machine (fleet, machine);
  add_machine (fleet, vm ("db-1", "acme", "kvm-1"));
  add_machine (fleet, vm ("db-2", "acme", "kvm-2"));

  service = maint_service_new ("db");
  maint_service_set_members (service, members);
  maint_service_set_order (service, order);
  maint_service_set_spacing (service, HOUR);
  g_assert_true (maint_fleet_add_service (fleet, service, NULL));

  a_kernel = maint_activity_new ("a-kernel", "vm-1", MAINT_ACTIVITY_KIND_KERNEL_UPDATE);
  maint_activity_set_reboot (a_kernel, MAINT_REBOOT_KIND_WARM);
  maint_activity_set_estimate (a_kernel, 600);
  maint_activity_set_not_before (a_kernel, NOW + DAY);
  maint_activity_set_deadline (a_kernel, NOW + 10 * DAY);
  g_assert_true (maint_fleet_add_activity (fleet, a_kernel, NULL));

  a_custom = maint_activity_new ("a-custom", "db-1", MAINT_ACTIVITY_KIND_CUSTOM);
  maint_activity_set_summary (a_custom, "Move the data directory");
  maint_activity_set_rollout (a_custom, "r1");
  slot = interval (NOW + 8 * DAY, NOW + 8 * DAY + HOUR);
  maint_activity_set_scheduled (a_custom, slot);
  maint_activity_set_announced_at (a_custom, NOW - DAY);
  g_assert_true (maint_fleet_add_activity (fleet, a_custom, NULL));

  a_host = maint_activity_new ("a-host", "kvm-1", MAINT_ACTIVITY_KIND_HOST_REBOOT);
  g_assert_true (maint_fleet_add_activity (fleet, a_host, NULL));

  rollout = maint_rollout_new ("r1");
  w_infra = maint_wave_new ("infra");
  maint_wave_set_select_kind (w_infra, MAINT_MACHINE_KIND_INFRASTRUCTURE);
  maint_wave_set_until (w_infra, NOW + 5 * DAY);
  maint_rollout_add_wave (rollout, w_infra);
  w_rep = maint_wave_new ("rep");
  maint_wave_set_select_representative (w_rep, TRUE);
  maint_wave_set_from (w_rep, NOW + 5 * DAY);
  maint_wave_set_until (w_rep, NOW + 6 * DAY);
  maint_rollout_add_wave (rollout, w_rep);
  w_staging = maint_wave_new ("staging");
  maint_wave_set_select_stage (w_staging, MAINT_STAGE_STAGING);
  maint_rollout_add_wave (rollout, w_staging);
  w_rest = wave_share ("rest", 1.0);
  maint_rollout_add_wave (rollout, w_rest);
  maint_rollout_set_staging_lead (rollout, DAY);
  g_assert_true (maint_fleet_add_rollout (fleet, rollout, NULL));

  return fleet;
}

#define GROUP(f, i) ((MaintResourceGroup *) g_ptr_array_index (maint_fleet_get_groups (f), (i)))
#define MACHINE(f, i) ((MaintMachine *) g_ptr_array_index (maint_fleet_get_machines (f), (i)))
#define SERVICE(f, i) ((MaintService *) g_ptr_array_index (maint_fleet_get_services (f), (i)))
#define ACTIVITY(f, i) ((MaintActivity *) g_ptr_array_index (maint_fleet_get_activities (f), (i)))
#define ROLLOUT(f, i) ((MaintRollout *) g_ptr_array_index (maint_fleet_get_rollouts (f), (i)))
#define WAVE(f, i, j) ((MaintWave *) g_ptr_array_index (maint_rollout_get_waves (ROLLOUT (f, i)), (j)))

/* ------------------------------------------------------------------ */
/* Types: defaults, properties, notify                                 */

static void
test_policy_defaults (void)
{
  g_autoptr(MaintPolicy) policy = maint_policy_new ();

  g_assert_cmpint (maint_policy_get_horizon (policy), ==, 2419200);
  g_assert_cmpint (maint_policy_get_setup (policy), ==, 300);
  g_assert_cmpint (maint_policy_get_min_slot (policy), ==, 900);
  g_assert_cmpuint (maint_policy_get_max_concurrent (policy), ==, 0);
  g_assert_cmpuint (maint_policy_get_max_concurrent_per_host (policy), ==, 0);
  g_assert_cmpint (maint_policy_get_emergency_notice (policy), ==, 3600);
  g_assert_cmpint (maint_policy_get_max_uptime (policy), ==, 0);
  g_assert_true (maint_policy_get_coalesce_with_host_reboot (policy));
  check_pspec_defaults (policy);
}

static void
test_policy_properties (void)
{
  g_autoptr(MaintPolicy) policy = maint_policy_new ();
  g_autoptr(MaintPolicy) other = maint_policy_new ();

  g_assert_true (maint_policy_equal (policy, other));

  check_int64 (policy, "horizon", 14 * DAY);
  check_int64 (policy, "setup", 600);
  check_int64 (policy, "min-slot", 1800);
  check_uint (policy, "max-concurrent", 40);
  check_uint (policy, "max-concurrent-per-host", 3);
  check_int64 (policy, "emergency-notice", 2 * HOUR);
  check_int64 (policy, "max-uptime", 200 * DAY);
  check_boolean (policy, "coalesce-with-host-reboot", FALSE);

  g_assert_cmpint (maint_policy_get_horizon (policy), ==, 14 * DAY);
  g_assert_cmpint (maint_policy_get_max_uptime (policy), ==, 200 * DAY);
  g_assert_false (maint_policy_equal (policy, other));

  g_object_set (other,
                "horizon", (gint64) 14 * DAY, "setup", (gint64) 600,
                "min-slot", (gint64) 1800, "max-concurrent", 40u,
                "max-concurrent-per-host", 3u, "emergency-notice", (gint64) 2 * HOUR,
                "max-uptime", (gint64) 200 * DAY, "coalesce-with-host-reboot", FALSE,
                NULL);
  g_assert_true (maint_policy_equal (policy, other));
  maint_policy_set_setup (other, 601);
  g_assert_false (maint_policy_equal (policy, other));
}

static void
test_policy_setter_notify (void)
{
  g_autoptr(MaintPolicy) policy = maint_policy_new ();
  guint count = 0;

  g_signal_connect (policy, "notify", G_CALLBACK (count_notify), &count);
  maint_policy_set_horizon (policy, 2419200);  /* the default: no change */
  maint_policy_set_coalesce_with_host_reboot (policy, TRUE);
  g_assert_cmpuint (count, ==, 0);
  maint_policy_set_horizon (policy, DAY);
  g_assert_cmpuint (count, ==, 1);
  maint_policy_set_horizon (policy, DAY);
  g_assert_cmpuint (count, ==, 1);
}

static void
test_policy_preconditions (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(MaintPolicy) policy = maint_policy_new ();

      maint_policy_set_horizon (policy, -1);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*seconds >= 0*");
}

static void
test_group_defaults (void)
{
  g_autoptr(MaintResourceGroup) group = maint_resource_group_new ("acme");

  g_assert_cmpstr (maint_resource_group_get_name (group), ==, "acme");
  g_assert_nonnull (maint_resource_group_get_contacts (group));
  g_assert_cmpuint (g_strv_length ((char **) maint_resource_group_get_contacts (group)), ==, 0);
  g_assert_cmpstr (maint_resource_group_get_timezone (group), ==, "UTC");
  g_assert_cmpstr (maint_resource_group_get_locale (group), ==, "en");
  g_assert_cmpint (maint_resource_group_get_notice (group), ==, 0);
  g_assert_cmpint (maint_resource_group_get_stage (group), ==, MAINT_STAGE_PRODUCTION);
  g_assert_cmpuint (maint_resource_group_get_max_concurrent (group), ==, 0);
  g_assert_cmpuint (maint_resource_group_get_windows (group)->len, ==, 0);
  g_assert_cmpuint (maint_resource_group_get_blackouts (group)->len, ==, 0);
  check_pspec_defaults (group);
}

static void
test_group_properties (void)
{
  g_autoptr(MaintResourceGroup) group = NULL;
  g_autoptr(MaintResourceGroup) other = NULL;
  const char *contacts[] = { "a@example.com", "b@example.com", NULL };
  const char *contacts2[] = { "a@example.com", NULL };
  g_autofree char *name = NULL;

  /* the way Python and Go construct it */
  group = g_object_new (MAINT_TYPE_RESOURCE_GROUP,
                        "name", "acme",
                        "timezone", "Europe/Berlin",
                        "stage", MAINT_STAGE_STAGING,
                        NULL);
  g_assert_cmpstr (maint_resource_group_get_timezone (group), ==, "Europe/Berlin");
  g_assert_cmpint (maint_resource_group_get_stage (group), ==, MAINT_STAGE_STAGING);
  g_object_get (group, "name", &name, NULL);
  g_assert_cmpstr (name, ==, "acme");

  check_strv (group, "contacts", contacts);
  check_strv (group, "contacts", contacts2);
  check_string (group, "timezone", "America/New_York");
  check_string (group, "locale", "de_CH");
  check_int64 (group, "notice", 3 * DAY);
  check_enum (group, "stage", MAINT_TYPE_STAGE, MAINT_STAGE_TESTING);
  check_uint (group, "max-concurrent", 5);

  g_assert_true (g_strv_equal (maint_resource_group_get_contacts (group), contacts2));

  /* NULL contacts are an empty list, and a change from a non-empty one */
  {
    guint count = 0;

    g_signal_connect (group, "notify::contacts", G_CALLBACK (count_notify), &count);
    maint_resource_group_set_contacts (group, NULL);
    g_assert_cmpuint (count, ==, 1);
    g_assert_nonnull (maint_resource_group_get_contacts (group));
    g_assert_null (maint_resource_group_get_contacts (group)[0]);
    maint_resource_group_set_contacts (group, NULL);
    g_assert_cmpuint (count, ==, 1);
  }

  other = maint_resource_group_new ("acme");
  g_assert_false (maint_resource_group_equal (group, other));
  g_object_set (other, "timezone", "America/New_York", "locale", "de_CH",
                "notice", (gint64) 3 * DAY, "stage", MAINT_STAGE_TESTING,
                "max-concurrent", 5u, NULL);
  g_assert_true (maint_resource_group_equal (group, other));
}

static void
test_group_windows_blackouts (void)
{
  g_autoptr(MaintResourceGroup) group = maint_resource_group_new ("acme");
  g_autoptr(MaintResourceGroup) other = maint_resource_group_new ("acme");
  g_autoptr(MaintWindowSpec) spec = NULL;
  g_autoptr(MaintWindowSpec) spec2 = NULL;
  g_autoptr(MaintInterval) b1 = interval (NOW, NOW + HOUR);
  g_autoptr(MaintInterval) b2 = interval (NOW + DAY, NOW + DAY + HOUR);
  g_autoptr(GError) error = NULL;

  spec = maint_window_spec_parse ("daily 22:00-05:00", &error);
  g_assert_no_error (error);
  spec2 = maint_window_spec_parse ("sat,sun 10:00-14:00", &error);
  g_assert_no_error (error);

  maint_resource_group_add_window (group, spec);
  maint_resource_group_add_window (group, spec2);
  maint_resource_group_add_blackout (group, b1);
  maint_resource_group_add_blackout (group, b2);

  g_assert_cmpuint (maint_resource_group_get_windows (group)->len, ==, 2);
  g_assert_true (g_ptr_array_index (maint_resource_group_get_windows (group), 0) == spec);
  g_assert_true (g_ptr_array_index (maint_resource_group_get_windows (group), 1) == spec2);
  g_assert_cmpuint (maint_resource_group_get_blackouts (group)->len, ==, 2);
  g_assert_true (g_ptr_array_index (maint_resource_group_get_blackouts (group), 1) == b2);

  /* equal compares windows and blackouts in order */
  maint_resource_group_add_window (other, spec2);
  maint_resource_group_add_window (other, spec);
  maint_resource_group_add_blackout (other, b1);
  maint_resource_group_add_blackout (other, b2);
  g_assert_false (maint_resource_group_equal (group, other));
  maint_resource_group_clear_windows (other);
  maint_resource_group_add_window (other, spec);
  maint_resource_group_add_window (other, spec2);
  g_assert_true (maint_resource_group_equal (group, other));
  maint_resource_group_clear_blackouts (other);
  g_assert_false (maint_resource_group_equal (group, other));

  maint_resource_group_clear_windows (group);
  maint_resource_group_clear_blackouts (group);
  g_assert_cmpuint (maint_resource_group_get_windows (group)->len, ==, 0);
  g_assert_cmpuint (maint_resource_group_get_blackouts (group)->len, ==, 0);
}

static void
test_group_maintenance_intervals (void)
{
  g_autoptr(MaintResourceGroup) group = maint_resource_group_new ("acme");
  g_autoptr(MaintWindowSpec) spec = NULL;
  g_autoptr(MaintInterval) blackout = NULL;
  g_autoptr(MaintIntervalSet) set = NULL;
  g_autoptr(MaintInterval) first = NULL;
  g_autoptr(GError) error = NULL;
  /* 2026-03-20T00:00:00Z is a Friday */
  gint64 day0 = NOW;

  /* no windows: nothing, but no error */
  set = maint_resource_group_get_maintenance_intervals (group, day0, day0 + 3 * DAY, &error);
  g_assert_no_error (error);
  g_assert_true (maint_interval_set_is_empty (set));
  g_clear_pointer (&set, maint_interval_set_unref);

  spec = maint_window_spec_parse ("daily 01:00-03:00", &error);
  g_assert_no_error (error);
  maint_resource_group_add_window (group, spec);

  set = maint_resource_group_get_maintenance_intervals (group, day0, day0 + 3 * DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (maint_interval_set_get_n_intervals (set), ==, 3);
  g_assert_cmpint (maint_interval_set_get_total (set), ==, 3 * 2 * HOUR);
  g_assert_true (maint_interval_set_contains (set, day0 + DAY + HOUR));
  g_assert_false (maint_interval_set_contains (set, day0 + DAY + 3 * HOUR));
  g_clear_pointer (&set, maint_interval_set_unref);

  /* a blackout over the second night's window and half of the third's */
  blackout = interval (day0 + DAY, day0 + 2 * DAY + 2 * HOUR);
  maint_resource_group_add_blackout (group, blackout);
  set = maint_resource_group_get_maintenance_intervals (group, day0, day0 + 3 * DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (maint_interval_set_get_n_intervals (set), ==, 2);
  g_assert_cmpint (maint_interval_set_get_total (set), ==, 2 * HOUR + HOUR);
  g_assert_false (maint_interval_set_contains (set, day0 + DAY + HOUR));
  g_assert_true (maint_interval_set_contains (set, day0 + 2 * DAY + 2 * HOUR));
  g_clear_pointer (&set, maint_interval_set_unref);

  /* the windows are resolved in the group's zone: CET is UTC+1 in March
   * before the 29th */
  maint_resource_group_clear_blackouts (group);
  maint_resource_group_set_timezone (group, "Europe/Berlin");
  set = maint_resource_group_get_maintenance_intervals (group, day0, day0 + DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (maint_interval_set_get_n_intervals (set), ==, 1);
  first = maint_interval_set_get_interval (set, 0);
  g_assert_cmpint (maint_interval_get_start (first), ==, day0);
  g_assert_cmpint (maint_interval_get_end (first), ==, day0 + 2 * HOUR);
  g_clear_pointer (&set, maint_interval_set_unref);

  maint_resource_group_set_timezone (group, "Mars/Base");
  set = maint_resource_group_get_maintenance_intervals (group, day0, day0 + DAY, &error);
  g_assert_null (set);
  g_assert_error (error, MAINT_TIME_ERROR, MAINT_TIME_ERROR_ZONE_FAILED);
}

static void
test_machine_defaults (void)
{
  g_autoptr(MaintMachine) machine = maint_machine_new ("vm-1", "acme", MAINT_MACHINE_KIND_VM);
  g_autoptr(MaintMachine) bare = g_object_new (MAINT_TYPE_MACHINE, "name", "x", NULL);
  g_autoptr(MaintMachine) host = maint_machine_new ("kvm-1", "acme", MAINT_MACHINE_KIND_HOST);

  g_assert_cmpstr (maint_machine_get_name (machine), ==, "vm-1");
  g_assert_cmpstr (maint_machine_get_group (machine), ==, "acme");
  g_assert_cmpint (maint_machine_get_kind (machine), ==, MAINT_MACHINE_KIND_VM);
  g_assert_cmpint (maint_machine_get_kind (host), ==, MAINT_MACHINE_KIND_HOST);
  g_assert_null (maint_machine_get_host (machine));
  g_assert_true (maint_machine_get_auto_schedule (machine));
  g_assert_false (maint_machine_get_representative (machine));
  g_assert_cmpint (maint_machine_get_stage (machine), ==, MAINT_STAGE_NONE);
  g_assert_cmpint (maint_machine_get_booted_at (machine), ==, 0);
  g_assert_cmpuint (maint_machine_get_reboots (machine), ==, 0);
  check_pspec_defaults (bare);
}

static void
test_machine_properties (void)
{
  g_autoptr(MaintMachine) machine = NULL;
  g_autoptr(MaintMachine) other = NULL;

  machine = g_object_new (MAINT_TYPE_MACHINE,
                          "name", "vm1", "group", "acme",
                          "kind", MAINT_MACHINE_KIND_INFRASTRUCTURE,
                          NULL);
  g_assert_cmpstr (maint_machine_get_name (machine), ==, "vm1");
  g_assert_cmpstr (maint_machine_get_group (machine), ==, "acme");
  g_assert_cmpint (maint_machine_get_kind (machine), ==, MAINT_MACHINE_KIND_INFRASTRUCTURE);

  check_string (machine, "group", "globex");
  check_enum (machine, "kind", MAINT_TYPE_MACHINE_KIND, MAINT_MACHINE_KIND_VM);
  check_string (machine, "host", "kvm-3");
  check_string (machine, "host", NULL);
  check_string (machine, "host", "kvm-4");
  check_boolean (machine, "auto-schedule", FALSE);
  check_boolean (machine, "representative", TRUE);
  check_enum (machine, "stage", MAINT_TYPE_STAGE, MAINT_STAGE_TESTING);
  check_int64 (machine, "booted-at", NOW - 30 * DAY);
  check_uint (machine, "reboots", 4);

  other = maint_machine_new ("vm1", "globex", MAINT_MACHINE_KIND_VM);
  g_assert_false (maint_machine_equal (machine, other));
  g_object_set (other, "host", "kvm-4", "auto-schedule", FALSE, "representative", TRUE,
                "stage", MAINT_STAGE_TESTING, "booted-at", NOW - 30 * DAY,
                "reboots", 4u, NULL);
  g_assert_true (maint_machine_equal (machine, other));
  maint_machine_set_reboots (other, 5);
  g_assert_false (maint_machine_equal (machine, other));
}

static void
test_service_defaults (void)
{
  g_autoptr(MaintService) service = maint_service_new ("db");

  g_assert_cmpstr (maint_service_get_name (service), ==, "db");
  g_assert_nonnull (maint_service_get_members (service));
  g_assert_null (maint_service_get_members (service)[0]);
  g_assert_cmpuint (maint_service_get_max_unavailable (service), ==, 1);
  g_assert_cmpint (maint_service_get_spacing (service), ==, 0);
  g_assert_null (maint_service_get_order (service));
  check_pspec_defaults (service);
}

static void
test_service_properties (void)
{
  g_autoptr(MaintService) service = NULL;
  g_autoptr(MaintService) other = NULL;
  const char *members[] = { "db-1", "db-2", NULL };
  const char *order[] = { "db-2", "db-1", NULL };
  const char *empty[] = { NULL };
  guint count = 0;

  service = g_object_new (MAINT_TYPE_SERVICE, "name", "db", "members", members, NULL);
  g_assert_true (g_strv_equal (maint_service_get_members (service), members));

  check_strv (service, "members", order);
  check_uint (service, "max-unavailable", 2);
  check_int64 (service, "spacing", HOUR);
  check_strv (service, "order", order);

  /* an empty order is no order: one representation, one notify */
  g_signal_connect (service, "notify::order", G_CALLBACK (count_notify), &count);
  maint_service_set_order (service, empty);
  g_assert_cmpuint (count, ==, 1);
  g_assert_null (maint_service_get_order (service));
  maint_service_set_order (service, NULL);
  g_assert_cmpuint (count, ==, 1);

  other = maint_service_new ("db");
  maint_service_set_members (other, order);
  maint_service_set_max_unavailable (other, 2);
  maint_service_set_spacing (other, HOUR);
  maint_service_set_order (other, empty);
  g_assert_true (maint_service_equal (service, other));
  maint_service_set_order (other, members);
  g_assert_false (maint_service_equal (service, other));
}

static void
test_activity_defaults (void)
{
  g_autoptr(MaintActivity) activity = maint_activity_new ("a1", "vm-1", MAINT_ACTIVITY_KIND_FS_CHECK);
  g_autoptr(MaintActivity) bare = g_object_new (MAINT_TYPE_ACTIVITY, "id", "x", NULL);

  g_assert_cmpstr (maint_activity_get_id (activity), ==, "a1");
  g_assert_cmpstr (maint_activity_get_machine (activity), ==, "vm-1");
  g_assert_cmpint (maint_activity_get_kind (activity), ==, MAINT_ACTIVITY_KIND_FS_CHECK);
  g_assert_null (maint_activity_get_summary (activity));
  g_assert_cmpint (maint_activity_get_estimate (activity), ==, 0);
  g_assert_cmpint (maint_activity_get_reboot (activity), ==, MAINT_REBOOT_KIND_NONE);
  g_assert_cmpint (maint_activity_get_priority (activity), ==, MAINT_PRIORITY_NORMAL);
  g_assert_cmpint (maint_activity_get_not_before (activity), ==, 0);
  g_assert_cmpint (maint_activity_get_deadline (activity), ==, 0);
  g_assert_null (maint_activity_get_rollout (activity));
  g_assert_null (maint_activity_get_scheduled (activity));
  g_assert_cmpint (maint_activity_get_announced_at (activity), ==, 0);
  check_pspec_defaults (bare);
}

static void
test_activity_properties (void)
{
  g_autoptr(MaintActivity) activity = NULL;
  g_autoptr(MaintActivity) other = NULL;
  g_autoptr(MaintInterval) slot = interval (NOW + DAY, NOW + DAY + HOUR);

  activity = g_object_new (MAINT_TYPE_ACTIVITY,
                           "id", "a1", "machine", "vm-1",
                           "kind", MAINT_ACTIVITY_KIND_MEMORY_RESIZE,
                           "reboot", MAINT_REBOOT_KIND_COLD,
                           NULL);
  g_assert_cmpint (maint_activity_get_kind (activity), ==, MAINT_ACTIVITY_KIND_MEMORY_RESIZE);
  g_assert_cmpint (maint_activity_get_reboot (activity), ==, MAINT_REBOOT_KIND_COLD);

  check_string (activity, "machine", "vm-2");
  check_enum (activity, "kind", MAINT_TYPE_ACTIVITY_KIND, MAINT_ACTIVITY_KIND_FS_MIGRATION);
  check_string (activity, "summary", "ext3 to ext4");
  check_int64 (activity, "estimate", 2 * HOUR);
  check_enum (activity, "reboot", MAINT_TYPE_REBOOT_KIND, MAINT_REBOOT_KIND_WARM);
  check_enum (activity, "priority", MAINT_TYPE_PRIORITY, MAINT_PRIORITY_EMERGENCY);
  check_int64 (activity, "not-before", NOW);
  check_int64 (activity, "deadline", NOW + 5 * DAY);
  check_string (activity, "rollout", "r1");
  check_interval (activity, "scheduled", NOW + DAY, NOW + DAY + HOUR);
  check_interval (activity, "scheduled", NOW + DAY, NOW + DAY + 2 * HOUR);
  check_int64 (activity, "announced-at", NOW - HOUR);

  /* a distinct but equal interval is the same value: no notify */
  {
    g_autoptr(MaintInterval) same = interval (NOW + DAY, NOW + DAY + 2 * HOUR);
    guint count = 0;

    g_signal_connect (activity, "notify::scheduled", G_CALLBACK (count_notify), &count);
    maint_activity_set_scheduled (activity, same);
    g_assert_cmpuint (count, ==, 0);
    maint_activity_set_scheduled (activity, NULL);
    g_assert_cmpuint (count, ==, 1);
    maint_activity_set_scheduled (activity, same);
    g_assert_cmpuint (count, ==, 2);
  }

  other = maint_activity_new ("a1", "vm-2", MAINT_ACTIVITY_KIND_FS_MIGRATION);
  g_object_set (other, "summary", "ext3 to ext4", "estimate", (gint64) 2 * HOUR,
                "reboot", MAINT_REBOOT_KIND_WARM, "priority", MAINT_PRIORITY_EMERGENCY,
                "not-before", NOW, "deadline", NOW + 5 * DAY, "rollout", "r1",
                "announced-at", NOW - HOUR, NULL);
  g_assert_false (maint_activity_equal (activity, other));
  maint_activity_set_scheduled (other, slot);
  g_assert_false (maint_activity_equal (activity, other));
  g_clear_pointer (&slot, maint_interval_unref);
  slot = interval (NOW + DAY, NOW + DAY + 2 * HOUR);
  maint_activity_set_scheduled (other, slot);
  g_assert_true (maint_activity_equal (activity, other));
  g_assert_true (maint_activity_get_scheduled (other) == slot);

  maint_activity_set_scheduled (other, NULL);
  g_assert_null (maint_activity_get_scheduled (other));
  g_assert_false (maint_activity_equal (activity, other));
}

static void
test_wave_defaults (void)
{
  g_autoptr(MaintWave) wave = maint_wave_new ("w");

  g_assert_cmpstr (maint_wave_get_name (wave), ==, "w");
  g_assert_cmpint (maint_wave_get_from (wave), ==, 0);
  g_assert_cmpint (maint_wave_get_until (wave), ==, 0);
  g_assert_cmpfloat (maint_wave_get_share (wave), ==, 0.0);
  g_assert_false (maint_wave_get_select_by_kind (wave));
  g_assert_false (maint_wave_get_select_representative (wave));
  g_assert_cmpint (maint_wave_get_select_stage (wave), ==, MAINT_STAGE_NONE);
  check_pspec_defaults (wave);
}

static void
test_wave_properties (void)
{
  g_autoptr(MaintWave) wave = maint_wave_new ("w");
  g_autoptr(MaintWave) other = maint_wave_new ("w");
  g_autoptr(MaintWave) py = NULL;
  guint by_kind = 0, kind = 0;

  check_int64 (wave, "from", NOW);
  check_int64 (wave, "until", NOW + DAY);
  check_double (wave, "share", 0.2);
  check_boolean (wave, "select-representative", TRUE);
  check_enum (wave, "select-stage", MAINT_TYPE_STAGE, MAINT_STAGE_STAGING);
  check_boolean (wave, "select-by-kind", TRUE);
  check_enum (wave, "select-kind", MAINT_TYPE_MACHINE_KIND, MAINT_MACHINE_KIND_HOST);

  /* setting the kind turns on selection by kind, with one notify each */
  g_signal_connect (other, "notify::select-by-kind", G_CALLBACK (count_notify), &by_kind);
  g_signal_connect (other, "notify::select-kind", G_CALLBACK (count_notify), &kind);
  maint_wave_set_select_kind (other, MAINT_MACHINE_KIND_HOST);
  g_assert_true (maint_wave_get_select_by_kind (other));
  g_assert_cmpint (maint_wave_get_select_kind (other), ==, MAINT_MACHINE_KIND_HOST);
  g_assert_cmpuint (by_kind, ==, 1);
  g_assert_cmpuint (kind, ==, 1);
  maint_wave_set_select_kind (other, MAINT_MACHINE_KIND_HOST);
  g_assert_cmpuint (by_kind, ==, 1);
  g_assert_cmpuint (kind, ==, 1);
  maint_wave_unset_select_kind (other);
  g_assert_false (maint_wave_get_select_by_kind (other));
  g_assert_cmpuint (by_kind, ==, 2);
  maint_wave_unset_select_kind (other);
  g_assert_cmpuint (by_kind, ==, 2);

  /* equal ignores the kind when the wave does not select by kind */
  g_object_set (other, "from", NOW, "until", NOW + DAY, "share", 0.2,
                "select-representative", TRUE, "select-stage", MAINT_STAGE_STAGING,
                NULL);
  g_assert_false (maint_wave_equal (wave, other));
  maint_wave_unset_select_kind (wave);
  maint_wave_set_select_kind (other, MAINT_MACHINE_KIND_INFRASTRUCTURE);
  maint_wave_unset_select_kind (other);
  g_assert_true (maint_wave_equal (wave, other));
  maint_wave_set_select_kind (wave, MAINT_MACHINE_KIND_HOST);
  maint_wave_set_select_kind (other, MAINT_MACHINE_KIND_INFRASTRUCTURE);
  g_assert_false (maint_wave_equal (wave, other));

  /* Python: Maint.Wave(name="infra", select_kind=Maint.MachineKind.INFRASTRUCTURE) */
  py = g_object_new (MAINT_TYPE_WAVE, "name", "infra",
                     "select-kind", MAINT_MACHINE_KIND_INFRASTRUCTURE, NULL);
  g_assert_true (maint_wave_get_select_by_kind (py));
  g_assert_cmpint (maint_wave_get_select_kind (py), ==, MAINT_MACHINE_KIND_INFRASTRUCTURE);
}

static void
test_rollout_defaults (void)
{
  g_autoptr(MaintRollout) rollout = maint_rollout_new ("r1");

  g_assert_cmpstr (maint_rollout_get_name (rollout), ==, "r1");
  g_assert_cmpint (maint_rollout_get_staging_lead (rollout), ==, 0);
  g_assert_null (maint_rollout_get_host_reboots (rollout));
  g_assert_cmpuint (maint_rollout_get_halt_after_failures (rollout), ==, 0);
  g_assert_cmpint (maint_rollout_get_template_kind (rollout), ==, MAINT_ACTIVITY_KIND_SYSTEM_UPDATE);
  g_assert_null (maint_rollout_get_template_summary (rollout));
  g_assert_cmpint (maint_rollout_get_template_estimate (rollout), ==, 0);
  g_assert_cmpint (maint_rollout_get_template_reboot (rollout), ==, MAINT_REBOOT_KIND_NONE);
  g_assert_cmpint (maint_rollout_get_template_priority (rollout), ==, MAINT_PRIORITY_NORMAL);
  g_assert_cmpuint (maint_rollout_get_waves (rollout)->len, ==, 0);
  check_pspec_defaults (rollout);
}

static void
test_rollout_properties (void)
{
  g_autoptr(MaintRollout) rollout = maint_rollout_new ("r1");
  g_autoptr(MaintRollout) other = maint_rollout_new ("r1");
  g_autoptr(MaintWave) w1 = wave_share ("a", 0.2);
  g_autoptr(MaintWave) w1b = wave_share ("a", 0.2);
  g_autoptr(MaintWave) w2 = wave_share ("b", 1.0);
  g_autoptr(MaintInterval) reboots = interval (NOW + 20 * DAY, NOW + 21 * DAY);

  check_int64 (rollout, "staging-lead", DAY);
  check_interval (rollout, "host-reboots", NOW + 20 * DAY, NOW + 21 * DAY);
  check_uint (rollout, "halt-after-failures", 3);
  check_enum (rollout, "template-kind", MAINT_TYPE_ACTIVITY_KIND, MAINT_ACTIVITY_KIND_KERNEL_UPDATE);
  check_string (rollout, "template-summary", "Kernel 3.2.0-4");
  check_int64 (rollout, "template-estimate", 900);
  check_enum (rollout, "template-reboot", MAINT_TYPE_REBOOT_KIND, MAINT_REBOOT_KIND_WARM);
  check_enum (rollout, "template-priority", MAINT_TYPE_PRIORITY, MAINT_PRIORITY_URGENT);

  maint_rollout_add_wave (rollout, w1);
  maint_rollout_add_wave (rollout, w2);
  g_assert_cmpuint (maint_rollout_get_waves (rollout)->len, ==, 2);
  g_assert_true (g_ptr_array_index (maint_rollout_get_waves (rollout), 0) == w1);
  g_assert_true (g_ptr_array_index (maint_rollout_get_waves (rollout), 1) == w2);

  g_object_set (other, "staging-lead", (gint64) DAY, "host-reboots", reboots,
                "halt-after-failures", 3u,
                "template-kind", MAINT_ACTIVITY_KIND_KERNEL_UPDATE,
                "template-summary", "Kernel 3.2.0-4", "template-estimate", (gint64) 900,
                "template-reboot", MAINT_REBOOT_KIND_WARM,
                "template-priority", MAINT_PRIORITY_URGENT, NULL);
  maint_rollout_add_wave (other, w1b);
  g_assert_false (maint_rollout_equal (rollout, other));  /* one wave short */
  maint_rollout_add_wave (other, w2);
  g_assert_true (maint_rollout_equal (rollout, other));   /* waves compared deeply */
  maint_wave_set_share (w1b, 0.3);
  g_assert_false (maint_rollout_equal (rollout, other));
}

static void
test_fleet_defaults (void)
{
  g_autoptr(MaintFleet) fleet = maint_fleet_new ();
  g_autoptr(MaintPolicy) defaults = maint_policy_new ();
  g_autoptr(MaintPolicy) policy = maint_policy_new ();
  MaintPolicy *got = NULL;
  guint count = 0;

  g_assert_cmpint (maint_fleet_get_now (fleet), ==, 0);
  g_assert_nonnull (maint_fleet_get_policy (fleet));
  g_assert_true (maint_policy_equal (maint_fleet_get_policy (fleet), defaults));
  g_assert_cmpuint (maint_fleet_get_groups (fleet)->len, ==, 0);
  g_assert_cmpuint (maint_fleet_get_machines (fleet)->len, ==, 0);
  g_assert_cmpuint (maint_fleet_get_services (fleet)->len, ==, 0);
  g_assert_cmpuint (maint_fleet_get_activities (fleet)->len, ==, 0);
  g_assert_cmpuint (maint_fleet_get_rollouts (fleet)->len, ==, 0);

  /* an empty fleet is valid */
  assert_valid (fleet);

  check_int64 (fleet, "now", NOW);

  g_signal_connect (fleet, "notify::policy", G_CALLBACK (count_notify), &count);
  maint_fleet_set_policy (fleet, policy);
  g_assert_cmpuint (count, ==, 1);
  maint_fleet_set_policy (fleet, policy);
  g_assert_cmpuint (count, ==, 1);
  g_object_get (fleet, "policy", &got, NULL);
  g_assert_true (got == policy);
  g_object_unref (got);
}

static void
test_fleet_add_lookup (void)
{
  g_autoptr(MaintFleet) fleet = maint_fleet_new ();
  g_autoptr(MaintResourceGroup) group = maint_resource_group_new ("acme");
  g_autoptr(MaintMachine) machine = maint_machine_new ("vm-1", "acme", MAINT_MACHINE_KIND_VM);
  g_autoptr(MaintMachine) machine2 = maint_machine_new ("vm-2", "acme", MAINT_MACHINE_KIND_VM);
  g_autoptr(MaintService) service = maint_service_new ("db");
  g_autoptr(MaintActivity) activity = maint_activity_new ("a1", "vm-1", MAINT_ACTIVITY_KIND_REBOOT);
  g_autoptr(MaintRollout) rollout = maint_rollout_new ("r1");
  g_autoptr(GError) error = NULL;

  /* a machine may come before its group */
  g_assert_true (maint_fleet_add_machine (fleet, machine, &error));
  g_assert_no_error (error);
  g_assert_true (maint_fleet_add_machine (fleet, machine2, &error));
  g_assert_true (maint_fleet_add_group (fleet, group, &error));
  g_assert_true (maint_fleet_add_service (fleet, service, &error));
  g_assert_true (maint_fleet_add_activity (fleet, activity, &error));
  g_assert_true (maint_fleet_add_rollout (fleet, rollout, &error));
  g_assert_no_error (error);

  /* the fleet took a reference */
  g_assert_cmpuint (G_OBJECT (machine)->ref_count, ==, 2);

  g_assert_true (maint_fleet_lookup_group (fleet, "acme") == group);
  g_assert_true (maint_fleet_lookup_machine (fleet, "vm-1") == machine);
  g_assert_true (maint_fleet_lookup_machine (fleet, "vm-2") == machine2);
  g_assert_true (maint_fleet_lookup_service (fleet, "db") == service);
  g_assert_true (maint_fleet_lookup_activity (fleet, "a1") == activity);
  g_assert_true (maint_fleet_lookup_rollout (fleet, "r1") == rollout);
  g_assert_null (maint_fleet_lookup_group (fleet, "vm-1"));
  g_assert_null (maint_fleet_lookup_machine (fleet, "acme"));
  g_assert_null (maint_fleet_lookup_service (fleet, "nope"));
  g_assert_null (maint_fleet_lookup_activity (fleet, "a2"));
  g_assert_null (maint_fleet_lookup_rollout (fleet, "r2"));

  g_assert_cmpuint (maint_fleet_get_machines (fleet)->len, ==, 2);
  g_assert_true (g_ptr_array_index (maint_fleet_get_machines (fleet), 0) == machine);
  g_assert_true (g_ptr_array_index (maint_fleet_get_machines (fleet), 1) == machine2);
  g_assert_true (g_ptr_array_index (maint_fleet_get_groups (fleet), 0) == group);
  g_assert_true (g_ptr_array_index (maint_fleet_get_services (fleet), 0) == service);
  g_assert_true (g_ptr_array_index (maint_fleet_get_activities (fleet), 0) == activity);
  g_assert_true (g_ptr_array_index (maint_fleet_get_rollouts (fleet), 0) == rollout);

  /* objects outlive the fleet that held them */
  g_clear_object (&fleet);
  g_assert_cmpuint (G_OBJECT (machine)->ref_count, ==, 1);
  g_assert_cmpstr (maint_machine_get_name (machine), ==, "vm-1");
}

static void
test_fleet_duplicates (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintResourceGroup) group = maint_resource_group_new ("acme");
  g_autoptr(MaintMachine) machine = maint_machine_new ("vm-1", "provider", MAINT_MACHINE_KIND_HOST);
  g_autoptr(MaintService) service = maint_service_new ("db");
  g_autoptr(MaintActivity) activity = maint_activity_new ("a-kernel", "vm-2", MAINT_ACTIVITY_KIND_REBOOT);
  g_autoptr(MaintRollout) rollout = maint_rollout_new ("r1");
  g_autoptr(GError) error = NULL;
  guint n_machines = maint_fleet_get_machines (fleet)->len;
  MaintMachine *original = maint_fleet_lookup_machine (fleet, "vm-1");

  g_assert_false (maint_fleet_add_group (fleet, group, &error));
  g_assert_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_DUPLICATE_FAILED);
  g_assert_cmpstr (error->message, ==, "duplicate resource group name \"acme\"");
  g_clear_error (&error);

  g_assert_false (maint_fleet_add_machine (fleet, machine, &error));
  g_assert_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_DUPLICATE_FAILED);
  g_assert_cmpstr (error->message, ==, "duplicate machine name \"vm-1\"");
  g_clear_error (&error);

  g_assert_false (maint_fleet_add_service (fleet, service, &error));
  g_assert_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_DUPLICATE_FAILED);
  g_assert_cmpstr (error->message, ==, "duplicate service name \"db\"");
  g_clear_error (&error);

  g_assert_false (maint_fleet_add_activity (fleet, activity, &error));
  g_assert_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_DUPLICATE_FAILED);
  g_assert_cmpstr (error->message, ==, "duplicate activity id \"a-kernel\"");
  g_clear_error (&error);

  g_assert_false (maint_fleet_add_rollout (fleet, rollout, &error));
  g_assert_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_DUPLICATE_FAILED);
  g_assert_cmpstr (error->message, ==, "duplicate rollout name \"r1\"");
  g_clear_error (&error);

  /* nothing was added or replaced, and no reference was taken */
  g_assert_cmpuint (maint_fleet_get_machines (fleet)->len, ==, n_machines);
  g_assert_true (maint_fleet_lookup_machine (fleet, "vm-1") == original);
  g_assert_cmpuint (G_OBJECT (machine)->ref_count, ==, 1);
  assert_valid (fleet);
}

static void
test_fleet_machine_stage (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintMachine) stray = maint_machine_new ("stray", "nowhere", MAINT_MACHINE_KIND_VM);

  /* vm-1 inherits acme's production; vm-2 overrides it with staging */
  g_assert_cmpint (maint_fleet_get_machine_stage (fleet, MACHINE (fleet, 3)), ==, MAINT_STAGE_PRODUCTION);
  g_assert_cmpint (maint_fleet_get_machine_stage (fleet, MACHINE (fleet, 4)), ==, MAINT_STAGE_STAGING);
  g_assert_cmpint (maint_fleet_get_machine_stage (fleet, MACHINE (fleet, 0)), ==, MAINT_STAGE_INFRASTRUCTURE);
  maint_resource_group_set_stage (GROUP (fleet, 0), MAINT_STAGE_TESTING);
  g_assert_cmpint (maint_fleet_get_machine_stage (fleet, MACHINE (fleet, 3)), ==, MAINT_STAGE_TESTING);
  g_assert_cmpint (maint_fleet_get_machine_stage (fleet, MACHINE (fleet, 4)), ==, MAINT_STAGE_STAGING);
  g_assert_cmpint (maint_fleet_get_machine_stage (fleet, stray), ==, MAINT_STAGE_NONE);
  maint_machine_set_stage (stray, MAINT_STAGE_TESTING);
  g_assert_cmpint (maint_fleet_get_machine_stage (fleet, stray), ==, MAINT_STAGE_TESTING);
}

/* The activities a rollout generates, as plans name them */
static void
test_fleet_resolve_activity (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  MaintRollout *rollout = ROLLOUT (fleet, 0);
  g_autoptr(MaintActivity) own = maint_fleet_resolve_activity (fleet, "a-kernel");
  g_autoptr(MaintActivity) vm = NULL;
  g_autoptr(MaintActivity) host = NULL;
  g_autoptr(MaintActivity) slashed = NULL;
  g_autoptr(MaintRollout) odd = maint_rollout_new ("os/2013");

  /* the fleet's own activity is returned as it is */
  g_assert_true (own == maint_fleet_lookup_activity (fleet, "a-kernel"));

  maint_rollout_set_template_kind (rollout, MAINT_ACTIVITY_KIND_SYSTEM_UPDATE);
  maint_rollout_set_template_summary (rollout, "System update");
  maint_rollout_set_template_estimate (rollout, 20 * 60);
  maint_rollout_set_template_reboot (rollout, MAINT_REBOOT_KIND_WARM);
  maint_rollout_set_template_priority (rollout, MAINT_PRIORITY_URGENT);
  maint_rollout_set_host_reboot_estimate (rollout, 45 * 60);

  vm = maint_fleet_resolve_activity (fleet, "r1/vm-1");
  g_assert_nonnull (vm);
  g_assert_null (maint_fleet_lookup_activity (fleet, "r1/vm-1"));
  g_assert_cmpstr (maint_activity_get_id (vm), ==, "r1/vm-1");
  g_assert_cmpstr (maint_activity_get_machine (vm), ==, "vm-1");
  g_assert_cmpstr (maint_activity_get_rollout (vm), ==, "r1");
  g_assert_cmpint (maint_activity_get_kind (vm), ==, MAINT_ACTIVITY_KIND_SYSTEM_UPDATE);
  g_assert_cmpstr (maint_activity_get_summary (vm), ==, "System update");
  g_assert_cmpint (maint_activity_get_estimate (vm), ==, 20 * 60);
  g_assert_cmpint (maint_activity_get_reboot (vm), ==, MAINT_REBOOT_KIND_WARM);
  g_assert_cmpint (maint_activity_get_priority (vm), ==, MAINT_PRIORITY_URGENT);

  host = maint_fleet_resolve_activity (fleet, "r1/kvm-1");
  g_assert_nonnull (host);
  g_assert_cmpint (maint_activity_get_kind (host), ==, MAINT_ACTIVITY_KIND_HOST_REBOOT);
  g_assert_cmpstr (maint_activity_get_summary (host), ==, "Host reboot");
  g_assert_cmpint (maint_activity_get_estimate (host), ==, 45 * 60);
  g_assert_cmpint (maint_activity_get_reboot (host), ==, MAINT_REBOOT_KIND_COLD);

  /* unknown rollout, unknown machine, no separator */
  g_assert_null (maint_fleet_resolve_activity (fleet, "r2/vm-1"));
  g_assert_null (maint_fleet_resolve_activity (fleet, "r1/vm-99"));
  g_assert_null (maint_fleet_resolve_activity (fleet, "r1"));
  g_assert_null (maint_fleet_resolve_activity (fleet, "r1/"));

  /* a rollout name with a slash in it */
  g_assert_true (maint_fleet_add_rollout (fleet, odd, NULL));
  slashed = maint_fleet_resolve_activity (fleet, "os/2013/vm-2");
  g_assert_nonnull (slashed);
  g_assert_cmpstr (maint_activity_get_rollout (slashed), ==, "os/2013");
  g_assert_cmpstr (maint_activity_get_machine (slashed), ==, "vm-2");
}

typedef void (*Mutation) (MaintFleet *fleet);

static void mut_now (MaintFleet *f) { maint_fleet_set_now (f, NOW + 1); }
static void mut_policy (MaintFleet *f) { maint_policy_set_max_uptime (maint_fleet_get_policy (f), DAY); }
static void mut_group (MaintFleet *f) { maint_resource_group_set_locale (GROUP (f, 0), "en"); }
static void mut_group_blackout (MaintFleet *f) { maint_resource_group_clear_blackouts (GROUP (f, 0)); }
static void mut_machine (MaintFleet *f) { maint_machine_set_auto_schedule (MACHINE (f, 6), FALSE); }
static void mut_service (MaintFleet *f) { maint_service_set_order (SERVICE (f, 0), NULL); }
static void mut_activity (MaintFleet *f) { maint_activity_set_announced_at (ACTIVITY (f, 1), NOW - 2 * DAY); }
static void mut_rollout (MaintFleet *f) { maint_rollout_set_halt_after_failures (ROLLOUT (f, 0), 1); }
static void mut_wave (MaintFleet *f) { maint_wave_set_from (WAVE (f, 0, 2), NOW); }

static void
mut_extra_machine (MaintFleet *f)
{
  add_machine (f, maint_machine_new ("kvm-3", "provider", MAINT_MACHINE_KIND_HOST));
}

static void
test_fleet_equal (void)
{
  const Mutation mutations[] = {
    mut_now, mut_policy, mut_group, mut_group_blackout, mut_machine,
    mut_service, mut_activity, mut_rollout, mut_wave, mut_extra_machine,
  };
  g_autoptr(MaintFleet) a = make_fleet ();
  g_autoptr(MaintFleet) b = make_fleet ();

  g_assert_true (maint_fleet_equal (a, a));
  g_assert_true (maint_fleet_equal (a, b));
  g_assert_true (maint_fleet_equal (b, a));

  for (gsize i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autoptr(MaintFleet) c = make_fleet ();

      g_test_message ("mutation %" G_GSIZE_FORMAT, i);
      g_assert_true (maint_fleet_equal (a, c));
      mutations[i] (c);
      g_assert_false (maint_fleet_equal (a, c));
      g_assert_false (maint_fleet_equal (c, a));
    }
}

/* ------------------------------------------------------------------ */
/* Validation: the reference fleet, then one test per rule             */

static void
test_validate_ok (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintWindowSpec) spec = NULL;
  g_autoptr(GError) error = NULL;

  assert_valid (fleet);

  /* a group without windows is legal (acme has none); so is one with */
  g_assert_cmpuint (maint_resource_group_get_windows (GROUP (fleet, 0))->len, ==, 0);
  spec = maint_window_spec_parse ("mon-fri 22:00-24:00", &error);
  g_assert_no_error (error);
  maint_resource_group_add_window (GROUP (fleet, 1), spec);
  assert_valid (fleet);

  /* an estimate of 0 is fine, and so is a deadline equal to not_before */
  maint_activity_set_estimate (ACTIVITY (fleet, 0), 0);
  maint_activity_set_deadline (ACTIVITY (fleet, 0), maint_activity_get_not_before (ACTIVITY (fleet, 0)));
  assert_valid (fleet);

  /* without now, booted_at is not compared with it */
  maint_fleet_set_now (fleet, 0);
  maint_machine_set_booted_at (MACHINE (fleet, 3), MAINT_INSTANT_MAX);
  assert_valid (fleet);
}

static void
test_validate_first_error (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintWave) wave = maint_wave_new ("rest");

  /* errors in rollouts, activities, services, machines, groups and the
   * policy: the policy's is reported, then each next one in document
   * order as the earlier ones are fixed */
  maint_rollout_add_wave (ROLLOUT (fleet, 0), wave);
  maint_activity_set_machine (ACTIVITY (fleet, 2), "ghost");
  maint_service_set_max_unavailable (SERVICE (fleet, 0), 0);
  maint_machine_set_group (MACHINE (fleet, 5), "ghost");
  maint_machine_set_group (MACHINE (fleet, 6), "ghost");
  maint_resource_group_set_timezone (GROUP (fleet, 1), "Mars/Base");
  maint_policy_set_horizon (maint_fleet_get_policy (fleet), 0);

  assert_invalid (fleet, MAINT_FLEET_ERROR_INVALID_FAILED, "policy.horizon");
  /* at least the 7 days of notice group acme asks for */
  maint_policy_set_horizon (maint_fleet_get_policy (fleet), 7 * DAY);
  assert_invalid (fleet, MAINT_FLEET_ERROR_INVALID_FAILED, "resource_groups[1].timezone");
  maint_resource_group_set_timezone (GROUP (fleet, 1), "UTC");
  assert_invalid (fleet, MAINT_FLEET_ERROR_REFERENCE_FAILED, "machines[5].group");
  maint_machine_set_group (MACHINE (fleet, 5), "acme");
  assert_invalid (fleet, MAINT_FLEET_ERROR_REFERENCE_FAILED, "machines[6].group");
  maint_machine_set_group (MACHINE (fleet, 6), "acme");
  assert_invalid (fleet, MAINT_FLEET_ERROR_INVALID_FAILED, "services[0].max_unavailable");
  maint_service_set_max_unavailable (SERVICE (fleet, 0), 1);
  assert_invalid (fleet, MAINT_FLEET_ERROR_REFERENCE_FAILED, "activities[2].machine");
  maint_activity_set_machine (ACTIVITY (fleet, 2), "kvm-2");
  /* the new wave "rest" is a duplicate name, and selects nothing */
  assert_invalid (fleet, MAINT_FLEET_ERROR_DUPLICATE_FAILED, "rollouts[0].waves[4].name");
}

/* policy */

static void
test_validate_policy_horizon (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_policy_set_horizon (maint_fleet_get_policy (fleet), 0);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "policy.horizon: must be longer than 0");
}

static void
test_validate_policy_setup (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  MaintPolicy *policy = maint_fleet_get_policy (fleet);

  maint_policy_set_horizon (policy, HOUR);
  maint_policy_set_min_slot (policy, HOUR);
  maint_policy_set_setup (policy, HOUR);
  maint_resource_group_set_notice (GROUP (fleet, 0), HOUR);  /* not longer than the horizon */
  assert_valid (fleet);
  maint_policy_set_setup (policy, HOUR + 1);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "policy.setup: longer than policy.horizon");
}

static void
test_validate_policy_min_slot (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  MaintPolicy *policy = maint_fleet_get_policy (fleet);

  maint_policy_set_horizon (policy, HOUR);
  maint_policy_set_min_slot (policy, HOUR + 1);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "policy.min_slot: longer than policy.horizon");
}

static void
test_validate_policy_empty_slot (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  MaintPolicy *policy = maint_fleet_get_policy (fleet);

  maint_policy_set_min_slot (policy, 0);
  assert_valid (fleet);  /* setup still gives every slot a length */
  maint_policy_set_setup (policy, 0);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "policy.min_slot: must be longer than 0 when policy.setup is 0");
}

/* Limits that keep the solver's work bounded */
static void
test_validate_policy_horizon_limit (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  MaintPolicy *policy = maint_fleet_get_policy (fleet);

  maint_policy_set_horizon (policy, 366 * DAY);
  assert_valid (fleet);
  maint_policy_set_horizon (policy, 366 * DAY + 1);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "policy.horizon: P366DT1S is longer than the maximum of P366D");
  maint_policy_set_horizon (policy, 3660 * DAY);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "policy.horizon: P3660D is longer than the maximum of P366D");
}

static void
test_validate_policy_emergency_notice (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  MaintPolicy *policy = maint_fleet_get_policy (fleet);

  maint_policy_set_emergency_notice (policy, 28 * DAY);
  assert_valid (fleet);
  maint_policy_set_emergency_notice (policy, 28 * DAY + 1);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "policy.emergency_notice: longer than policy.horizon");
}

static void
test_validate_group_notice_horizon (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_resource_group_set_notice (GROUP (fleet, 1), 28 * DAY);
  assert_valid (fleet);
  maint_resource_group_set_notice (GROUP (fleet, 1), 35 * DAY);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "resource_groups[1].notice: P35D is longer than the policy's horizon "
                          "(P28D), so no window of the group could ever be used");
}

/* A billion occurrences are refused before anything expands them: daily
 * specs over 366 days count 7 × 54 occurrences each, so 44,384 of them
 * fit the budget of 16 Mi and one more does not. */
static void
test_validate_group_window_budget (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintWindowSpec) daily = maint_window_spec_parse ("daily 22:00-23:00", NULL);
  g_autoptr(MaintWindowSpec) weekly = maint_window_spec_parse ("sun 22:00-23:00", NULL);
  guint budget = 16u * 1024 * 1024, per_spec = 7 * (366 / 7 + 2);

  maint_policy_set_horizon (maint_fleet_get_policy (fleet), 366 * DAY);
  for (guint i = 0; i < budget / per_spec; i++)
    maint_resource_group_add_window (GROUP (fleet, 1), daily);
  assert_valid (fleet);
  maint_resource_group_add_window (GROUP (fleet, 1), weekly);
  assert_valid (fleet);  /* 54 left: one weekly spec still fits */
  maint_resource_group_add_window (GROUP (fleet, 1), daily);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_LIMIT_FAILED,
                          "resource_groups[1].windows[44385]: the resource groups' windows open "
                          "more than 16777216 times within the horizon; use fewer window specs "
                          "or a shorter policy.horizon");
  /* the same specs over the default 28 days are fine */
  maint_policy_set_horizon (maint_fleet_get_policy (fleet), 28 * DAY);
  assert_valid (fleet);
}

/* resource groups */

static void
test_validate_group_name (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintResourceGroup) group = maint_resource_group_new ("");
  const char *contacts[] = { "x@example.com", NULL };

  maint_resource_group_set_contacts (group, contacts);
  g_assert_true (maint_fleet_add_group (fleet, group, NULL));
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "resource_groups[2].name: must not be empty");
}

static void
test_validate_group_no_contacts (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_resource_group_set_contacts (GROUP (fleet, 0), NULL);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "resource_groups[0].contacts: at least one contact address is required");
}

static void
test_validate_group_contact_malformed (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  const char *contacts[] = { "ops@acme.example", "foo@", NULL };

  maint_resource_group_set_contacts (GROUP (fleet, 0), contacts);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "resource_groups[0].contacts[1]: malformed e-mail address \"foo@\"");
}

static void
test_validate_group_contact_forms (void)
{
  const char *good[] = {
    "a@b", "ops@example.com", "first.last@example.co.uk", "o'brien@example.ie",
    "x+tag@sub-domain.example.com", "!#$%&'*+-/=?^_`{|}~@example.com",
    "a@1.2.3.4", "UPPER@EXAMPLE.COM",
  };
  const char *bad[] = {
    "", "plain", "@example.com", "foo@", "a@@example.com", "a@b@example.com",
    ".a@example.com", "a.@example.com", "a..b@example.com", "a b@example.com",
    "a@exa mple.com", "a@example..com", "a@.example.com", "a@example.com.",
    "a@-example.com", "a@example-.com", "a@exam_ple.com", "\"a b\"@example.com",
    "Ops <ops@example.com>", "ops@example.com\r\nBcc: x@evil.example",
    "a\t@example.com", "m\xc3\xbcller@example.com", "a@[192.0.2.1]", "a(comment)@example.com",
  };
  g_autofree char *long_local = g_strnfill (65, 'a');
  g_autofree char *long_label = g_strnfill (64, 'b');
  g_autofree char *too_long_local = g_strconcat (long_local, "@example.com", NULL);
  g_autofree char *too_long_label = g_strconcat ("a@", long_label, ".com", NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (good) + 1; i++)
    {
      g_autoptr(MaintFleet) fleet = make_fleet ();
      g_autofree char *ok_local = g_strnfill (64, 'a');
      g_autofree char *ok_long = g_strconcat (ok_local, "@example.com", NULL);
      const char *address = i < G_N_ELEMENTS (good) ? good[i] : ok_long;
      const char *contacts[] = { address, NULL };

      g_test_message ("good: %s", address);
      maint_resource_group_set_contacts (GROUP (fleet, 1), contacts);
      assert_valid (fleet);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad) + 2; i++)
    {
      g_autoptr(MaintFleet) fleet = make_fleet ();
      const char *address = i < G_N_ELEMENTS (bad) ? bad[i] :
                            i == G_N_ELEMENTS (bad) ? too_long_local : too_long_label;
      const char *contacts[] = { "noc@provider.example", address, NULL };

      g_test_message ("bad: %s", address);
      maint_resource_group_set_contacts (GROUP (fleet, 1), contacts);
      assert_invalid (fleet, MAINT_FLEET_ERROR_INVALID_FAILED, "resource_groups[1].contacts[1]");
    }
}

static void
test_validate_group_contact_quoting (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  const char *contacts[] = { "ops@example.com\nBcc: \"x\"@evil.example", NULL };

  /* a line break in a value cannot break the one-line message */
  maint_resource_group_set_contacts (GROUP (fleet, 0), contacts);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "resource_groups[0].contacts[0]: malformed e-mail address "
                          "\"ops@example.com\\nBcc: \\\"x\\\"@evil.example\"");
}

static void
test_validate_group_timezone (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintResourceGroup) group = maint_resource_group_new ("mars");
  g_autoptr(MaintResourceGroup) group2 = maint_resource_group_new ("venus");
  const char *contacts[] = { "x@example.com", NULL };

  maint_resource_group_set_contacts (group, contacts);
  maint_resource_group_set_contacts (group2, contacts);
  maint_resource_group_set_timezone (group2, "America/Argentina/Buenos_Aires");
  g_assert_true (maint_fleet_add_group (fleet, group2, NULL));
  assert_valid (fleet);
  g_assert_true (maint_fleet_add_group (fleet, group, NULL));
  maint_resource_group_set_timezone (group, "Mars/Base");
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "resource_groups[3].timezone: unknown time zone \"Mars/Base\"");
}

static void
test_validate_group_locale (void)
{
  const char *good[] = { "en", "de", "de_DE", "de-CH", "sr_Latn_RS", "zh-Hant-TW" };
  const char *bad[] = { "", "e", "en_", "de DE", "de_DE.UTF-8", "123", "en__US", "toolonglanguage" };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(MaintFleet) fleet = make_fleet ();

      maint_resource_group_set_locale (GROUP (fleet, 1), good[i]);
      assert_valid (fleet);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(MaintFleet) fleet = make_fleet ();

      g_test_message ("bad locale: %s", bad[i]);
      maint_resource_group_set_locale (GROUP (fleet, 1), bad[i]);
      assert_invalid (fleet, MAINT_FLEET_ERROR_INVALID_FAILED, "resource_groups[1].locale");
    }
}

static void
test_validate_group_stage (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_resource_group_set_stage (GROUP (fleet, 0), MAINT_STAGE_NONE);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "resource_groups[0].stage: a resource group needs a stage");
}

static void
test_validate_group_blackout_empty (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintInterval) empty = interval (NOW, NOW);

  maint_resource_group_add_blackout (GROUP (fleet, 0), empty);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "resource_groups[0].blackouts[1]: the end is not after the start");
}

static void
test_validate_group_blackout_range (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintInterval) early = interval (-DAY, NOW);
  g_autoptr(MaintInterval) late = interval (NOW, MAINT_INSTANT_MAX + 1);

  maint_resource_group_add_blackout (GROUP (fleet, 1), early);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "resource_groups[1].blackouts[0]: outside the supported range of instants (1970 to 2100)");
  maint_resource_group_clear_blackouts (GROUP (fleet, 1));
  maint_resource_group_add_blackout (GROUP (fleet, 1), late);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "resource_groups[1].blackouts[0]: outside the supported range of instants (1970 to 2100)");
}

/* machines */

static void
test_validate_machine_name (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  add_machine (fleet, maint_machine_new ("", "provider", MAINT_MACHINE_KIND_HOST));
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "machines[7].name: must not be empty");
}

static void
test_validate_machine_no_group (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_machine_set_group (MACHINE (fleet, 2), NULL);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "machines[2].group: a resource group is required");
  maint_machine_set_group (MACHINE (fleet, 2), "");
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "machines[2].group: a resource group is required");
}

static void
test_validate_machine_unknown_group (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("extra-%u", i);

      add_machine (fleet, maint_machine_new (name, "provider", MAINT_MACHINE_KIND_INFRASTRUCTURE));
    }
  maint_machine_set_group (MACHINE (fleet, 12), "acme2");
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_REFERENCE_FAILED,
                          "machines[12].group: unknown resource group \"acme2\"");
}

static void
test_validate_vm_without_host (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_machine_set_host (MACHINE (fleet, 4), NULL);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "machines[4].host: a VM needs a host");
}

static void
test_validate_vm_own_host (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_machine_set_host (MACHINE (fleet, 4), "vm-2");
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_REFERENCE_FAILED,
                          "machines[4].host: a machine cannot be its own host");
}

static void
test_validate_vm_unknown_host (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_machine_set_host (MACHINE (fleet, 4), "kvm-9");
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_REFERENCE_FAILED,
                          "machines[4].host: unknown machine \"kvm-9\"");
}

static void
test_validate_vm_host_not_host (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  add_machine (fleet, vm ("vm-7", "acme", "kvm-1"));
  maint_machine_set_host (MACHINE (fleet, 4), "vm-7");
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_REFERENCE_FAILED,
                          "machines[4].host: \"vm-7\" is not a host");
  /* an infrastructure machine is not a host either */
  maint_machine_set_host (MACHINE (fleet, 4), "router-1");
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_REFERENCE_FAILED,
                          "machines[4].host: \"router-1\" is not a host");
}

static void
test_validate_non_vm_with_host (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_machine_set_host (MACHINE (fleet, 1), "kvm-1");
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "machines[1].host: only a VM has a host, this machine is of kind \"host\"");
  maint_machine_set_host (MACHINE (fleet, 1), NULL);
  assert_valid (fleet);
  maint_machine_set_host (MACHINE (fleet, 2), "kvm-1");
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "machines[2].host: only a VM has a host, this machine is of kind \"infrastructure\"");
  /* a host naming itself is reported as a non-VM with a host */
  maint_machine_set_host (MACHINE (fleet, 2), NULL);
  maint_machine_set_host (MACHINE (fleet, 0), "kvm-1");
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "machines[0].host: only a VM has a host, this machine is of kind \"host\"");
}

static void
test_validate_machine_booted_at (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_machine_set_booted_at (MACHINE (fleet, 3), NOW);
  assert_valid (fleet);
  maint_machine_set_booted_at (MACHINE (fleet, 3), NOW + 1);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "machines[3].booted_at: after the fleet's now");
}

/* services */

static void
test_validate_service_name (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintService) service = maint_service_new ("");
  const char *members[] = { "vm-1", NULL };

  maint_service_set_members (service, members);
  g_assert_true (maint_fleet_add_service (fleet, service, NULL));
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "services[1].name: must not be empty");
}

static void
test_validate_service_no_members (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_service_set_order (SERVICE (fleet, 0), NULL);
  maint_service_set_members (SERVICE (fleet, 0), NULL);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "services[0].members: at least one member is required");
}

static void
test_validate_service_unknown_member (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintService) s1 = maint_service_new ("lb");
  g_autoptr(MaintService) s2 = maint_service_new ("web");
  const char *ok[] = { "vm-1", "vm-2", NULL };
  const char *members[] = { "db-1", "db-9", NULL };

  maint_service_set_members (s1, ok);
  maint_service_set_members (s2, members);
  g_assert_true (maint_fleet_add_service (fleet, s1, NULL));
  g_assert_true (maint_fleet_add_service (fleet, s2, NULL));
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_REFERENCE_FAILED,
                          "services[2].members[1]: unknown machine \"db-9\"");
}

static void
test_validate_service_duplicate_member (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  const char *members[] = { "db-1", "db-2", "db-1", NULL };

  maint_service_set_members (SERVICE (fleet, 0), members);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_DUPLICATE_FAILED,
                          "services[0].members[2]: duplicate member \"db-1\"");
}

static void
test_validate_service_max_unavailable (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_service_set_max_unavailable (SERVICE (fleet, 0), 0);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "services[0].max_unavailable: must be at least 1");
}

static void
test_validate_service_order_not_member (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  const char *order[] = { "db-2", "vm-1", NULL };

  /* vm-1 is a machine, but not a member */
  maint_service_set_order (SERVICE (fleet, 0), order);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_REFERENCE_FAILED,
                          "services[0].order[1]: \"vm-1\" is not a member of the service");
}

static void
test_validate_service_order_duplicate (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  const char *order[] = { "db-2", "db-2", NULL };
  const char *partial[] = { "db-2", NULL };

  maint_service_set_order (SERVICE (fleet, 0), partial);
  assert_valid (fleet);  /* an order need not list every member */
  maint_service_set_order (SERVICE (fleet, 0), order);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_DUPLICATE_FAILED,
                          "services[0].order[1]: duplicate entry \"db-2\"");
}

/* activities */

static void
test_validate_activity_id (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintActivity) activity = maint_activity_new ("", "vm-1", MAINT_ACTIVITY_KIND_REBOOT);

  g_assert_true (maint_fleet_add_activity (fleet, activity, NULL));
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "activities[3].id: must not be empty");
}

static void
test_validate_activity_no_machine (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_activity_set_machine (ACTIVITY (fleet, 0), NULL);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "activities[0].machine: a machine is required");
}

static void
test_validate_activity_unknown_machine (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_activity_set_machine (ACTIVITY (fleet, 1), "db-9");
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_REFERENCE_FAILED,
                          "activities[1].machine: unknown machine \"db-9\"");
}

static void
test_validate_activity_host_reboot (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_activity_set_machine (ACTIVITY (fleet, 2), "vm-1");
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_REFERENCE_FAILED,
                          "activities[2].kind: a host-reboot activity needs a host, \"vm-1\" is not a host");
}

static void
test_validate_activity_custom_summary (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_activity_set_summary (ACTIVITY (fleet, 1), "");
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "activities[1].summary: a custom activity needs a summary");
  maint_activity_set_summary (ACTIVITY (fleet, 1), NULL);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "activities[1].summary: a custom activity needs a summary");
  /* other kinds need none */
  maint_activity_set_kind (ACTIVITY (fleet, 1), MAINT_ACTIVITY_KIND_FS_CHECK);
  assert_valid (fleet);
}

static void
test_validate_activity_deadline (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  MaintActivity *activity = ACTIVITY (fleet, 0);

  maint_activity_set_deadline (activity, maint_activity_get_not_before (activity) - 1);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "activities[0].deadline: before not_before");
  /* either alone is fine */
  maint_activity_set_not_before (activity, 0);
  assert_valid (fleet);
}

static void
test_validate_activity_unknown_rollout (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_activity_set_rollout (ACTIVITY (fleet, 1), "r2");
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_REFERENCE_FAILED,
                          "activities[1].rollout: unknown rollout \"r2\"");
}

static void
test_validate_activity_scheduled_empty (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintInterval) empty = interval (NOW + DAY, NOW + DAY);

  maint_activity_set_scheduled (ACTIVITY (fleet, 1), empty);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "activities[1].scheduled: the end is not after the start");
}

static void
test_validate_activity_scheduled_range (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintInterval) early = interval (0, HOUR);

  maint_activity_set_scheduled (ACTIVITY (fleet, 1), early);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "activities[1].scheduled: outside the supported range of instants (1970 to 2100)");
}

static void
test_validate_activity_announced_without_slot (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_activity_set_scheduled (ACTIVITY (fleet, 1), NULL);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "activities[1].announced_at: set without a scheduled slot");
  maint_activity_set_announced_at (ACTIVITY (fleet, 1), 0);
  assert_valid (fleet);
}

/* rollouts */

static MaintRollout *
add_rollout (MaintFleet *fleet,
             const char *name)
{
  g_autoptr(MaintRollout) rollout = maint_rollout_new (name);

  g_assert_true (maint_fleet_add_rollout (fleet, rollout, NULL));
  return rollout;  /* the fleet holds it */
}

static void
test_validate_rollout_name (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintWave) wave = wave_share ("all", 1.0);

  maint_rollout_add_wave (add_rollout (fleet, ""), wave);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "rollouts[1].name: must not be empty");
}

static void
test_validate_rollout_no_waves (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  add_rollout (fleet, "r2");
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "rollouts[1].waves: at least one wave is required");
}

static void
test_validate_wave_name (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintWave) wave = wave_share ("", 0.5);

  maint_rollout_add_wave (ROLLOUT (fleet, 0), wave);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "rollouts[0].waves[4].name: must not be empty");
}

static void
test_validate_wave_duplicate_name (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintWave) wave = wave_share ("rep", 0.5);
  g_autoptr(MaintWave) other = wave_share ("rep", 0.5);

  /* the same name in another rollout is fine */
  maint_rollout_add_wave (add_rollout (fleet, "r2"), other);
  assert_valid (fleet);
  maint_rollout_add_wave (ROLLOUT (fleet, 0), wave);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_DUPLICATE_FAILED,
                          "rollouts[0].waves[4].name: duplicate wave name \"rep\"");
}

static void
test_validate_wave_share_range (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_wave_set_share (WAVE (fleet, 0, 3), 1.5);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "rollouts[0].waves[3].share: 1.5 is not in (0, 1]");
  maint_wave_set_share (WAVE (fleet, 0, 3), 1e-9);
  assert_valid (fleet);
}

static void
test_validate_wave_selection_and_share (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_wave_set_share (WAVE (fleet, 0, 1), 0.2);  /* rep selects representatives */
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "rollouts[0].waves[1]: a wave has either a selection or a share, not both");
  maint_wave_set_share (WAVE (fleet, 0, 1), 0.0);
  maint_wave_set_select_stage (WAVE (fleet, 0, 3), MAINT_STAGE_PRODUCTION);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "rollouts[0].waves[3]: a wave has either a selection or a share, not both");
  maint_wave_set_select_stage (WAVE (fleet, 0, 3), MAINT_STAGE_NONE);
  maint_wave_set_select_kind (WAVE (fleet, 0, 3), MAINT_MACHINE_KIND_VM);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "rollouts[0].waves[3]: a wave has either a selection or a share, not both");
}

static void
test_validate_wave_neither (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();

  maint_wave_unset_select_kind (WAVE (fleet, 0, 0));
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "rollouts[0].waves[0]: a wave needs a selection or a share");
}

static void
test_validate_wave_until (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  MaintWave *wave = WAVE (fleet, 0, 1);

  maint_wave_set_until (wave, maint_wave_get_from (wave));
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "rollouts[0].waves[1].until: not after from");
  /* one bound alone is fine */
  maint_wave_set_from (wave, 0);
  assert_valid (fleet);
}

static void
test_validate_rollout_host_reboots (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintInterval) ok = interval (NOW + 20 * DAY, NOW + 21 * DAY);
  g_autoptr(MaintInterval) empty = interval (NOW + 20 * DAY, NOW + 20 * DAY);

  maint_rollout_set_host_reboots (ROLLOUT (fleet, 0), ok);
  assert_valid (fleet);
  maint_rollout_set_host_reboots (ROLLOUT (fleet, 0), empty);
  assert_invalid_message (fleet, MAINT_FLEET_ERROR_INVALID_FAILED,
                          "rollouts[0].host_reboots: the end is not after the start");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/policy/defaults", test_policy_defaults);
  g_test_add_func ("/model/policy/properties", test_policy_properties);
  g_test_add_func ("/model/policy/setter-notify", test_policy_setter_notify);
  g_test_add_func ("/model/policy/preconditions", test_policy_preconditions);
  g_test_add_func ("/model/resource-group/defaults", test_group_defaults);
  g_test_add_func ("/model/resource-group/properties", test_group_properties);
  g_test_add_func ("/model/resource-group/windows-blackouts", test_group_windows_blackouts);
  g_test_add_func ("/model/resource-group/maintenance-intervals", test_group_maintenance_intervals);
  g_test_add_func ("/model/machine/defaults", test_machine_defaults);
  g_test_add_func ("/model/machine/properties", test_machine_properties);
  g_test_add_func ("/model/service/defaults", test_service_defaults);
  g_test_add_func ("/model/service/properties", test_service_properties);
  g_test_add_func ("/model/activity/defaults", test_activity_defaults);
  g_test_add_func ("/model/activity/properties", test_activity_properties);
  g_test_add_func ("/model/wave/defaults", test_wave_defaults);
  g_test_add_func ("/model/wave/properties", test_wave_properties);
  g_test_add_func ("/model/rollout/defaults", test_rollout_defaults);
  g_test_add_func ("/model/rollout/properties", test_rollout_properties);
  g_test_add_func ("/model/fleet/defaults", test_fleet_defaults);
  g_test_add_func ("/model/fleet/add-lookup", test_fleet_add_lookup);
  g_test_add_func ("/model/fleet/duplicates", test_fleet_duplicates);
  g_test_add_func ("/model/fleet/machine-stage", test_fleet_machine_stage);
  g_test_add_func ("/model/fleet/resolve-activity", test_fleet_resolve_activity);
  g_test_add_func ("/model/fleet/equal", test_fleet_equal);

  g_test_add_func ("/model/validate/ok", test_validate_ok);
  g_test_add_func ("/model/validate/first-error", test_validate_first_error);
  g_test_add_func ("/model/validate/policy/horizon", test_validate_policy_horizon);
  g_test_add_func ("/model/validate/policy/setup", test_validate_policy_setup);
  g_test_add_func ("/model/validate/policy/min-slot", test_validate_policy_min_slot);
  g_test_add_func ("/model/validate/policy/empty-slot", test_validate_policy_empty_slot);
  g_test_add_func ("/model/validate/policy/horizon-limit", test_validate_policy_horizon_limit);
  g_test_add_func ("/model/validate/policy/emergency-notice", test_validate_policy_emergency_notice);
  g_test_add_func ("/model/validate/group/notice-horizon", test_validate_group_notice_horizon);
  g_test_add_func ("/model/validate/group/window-budget", test_validate_group_window_budget);
  g_test_add_func ("/model/validate/group/name", test_validate_group_name);
  g_test_add_func ("/model/validate/group/no-contacts", test_validate_group_no_contacts);
  g_test_add_func ("/model/validate/group/contact-malformed", test_validate_group_contact_malformed);
  g_test_add_func ("/model/validate/group/contact-forms", test_validate_group_contact_forms);
  g_test_add_func ("/model/validate/group/contact-quoting", test_validate_group_contact_quoting);
  g_test_add_func ("/model/validate/group/timezone", test_validate_group_timezone);
  g_test_add_func ("/model/validate/group/locale", test_validate_group_locale);
  g_test_add_func ("/model/validate/group/stage", test_validate_group_stage);
  g_test_add_func ("/model/validate/group/blackout-empty", test_validate_group_blackout_empty);
  g_test_add_func ("/model/validate/group/blackout-range", test_validate_group_blackout_range);
  g_test_add_func ("/model/validate/machine/name", test_validate_machine_name);
  g_test_add_func ("/model/validate/machine/no-group", test_validate_machine_no_group);
  g_test_add_func ("/model/validate/machine/unknown-group", test_validate_machine_unknown_group);
  g_test_add_func ("/model/validate/machine/vm-without-host", test_validate_vm_without_host);
  g_test_add_func ("/model/validate/machine/vm-own-host", test_validate_vm_own_host);
  g_test_add_func ("/model/validate/machine/vm-unknown-host", test_validate_vm_unknown_host);
  g_test_add_func ("/model/validate/machine/vm-host-not-host", test_validate_vm_host_not_host);
  g_test_add_func ("/model/validate/machine/non-vm-with-host", test_validate_non_vm_with_host);
  g_test_add_func ("/model/validate/machine/booted-at", test_validate_machine_booted_at);
  g_test_add_func ("/model/validate/service/name", test_validate_service_name);
  g_test_add_func ("/model/validate/service/no-members", test_validate_service_no_members);
  g_test_add_func ("/model/validate/service/unknown-member", test_validate_service_unknown_member);
  g_test_add_func ("/model/validate/service/duplicate-member", test_validate_service_duplicate_member);
  g_test_add_func ("/model/validate/service/max-unavailable", test_validate_service_max_unavailable);
  g_test_add_func ("/model/validate/service/order-not-member", test_validate_service_order_not_member);
  g_test_add_func ("/model/validate/service/order-duplicate", test_validate_service_order_duplicate);
  g_test_add_func ("/model/validate/activity/id", test_validate_activity_id);
  g_test_add_func ("/model/validate/activity/no-machine", test_validate_activity_no_machine);
  g_test_add_func ("/model/validate/activity/unknown-machine", test_validate_activity_unknown_machine);
  g_test_add_func ("/model/validate/activity/host-reboot", test_validate_activity_host_reboot);
  g_test_add_func ("/model/validate/activity/custom-summary", test_validate_activity_custom_summary);
  g_test_add_func ("/model/validate/activity/deadline", test_validate_activity_deadline);
  g_test_add_func ("/model/validate/activity/unknown-rollout", test_validate_activity_unknown_rollout);
  g_test_add_func ("/model/validate/activity/scheduled-empty", test_validate_activity_scheduled_empty);
  g_test_add_func ("/model/validate/activity/scheduled-range", test_validate_activity_scheduled_range);
  g_test_add_func ("/model/validate/activity/announced-without-slot", test_validate_activity_announced_without_slot);
  g_test_add_func ("/model/validate/rollout/name", test_validate_rollout_name);
  g_test_add_func ("/model/validate/rollout/no-waves", test_validate_rollout_no_waves);
  g_test_add_func ("/model/validate/rollout/wave-name", test_validate_wave_name);
  g_test_add_func ("/model/validate/rollout/wave-duplicate-name", test_validate_wave_duplicate_name);
  g_test_add_func ("/model/validate/rollout/wave-share-range", test_validate_wave_share_range);
  g_test_add_func ("/model/validate/rollout/wave-selection-and-share", test_validate_wave_selection_and_share);
  g_test_add_func ("/model/validate/rollout/wave-neither", test_validate_wave_neither);
  g_test_add_func ("/model/validate/rollout/wave-until", test_validate_wave_until);
  g_test_add_func ("/model/validate/rollout/host-reboots", test_validate_rollout_host_reboots);

  return g_test_run ();
}
