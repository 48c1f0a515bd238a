/* test-fleet-json.c: the libmaint-fleet/1 codec
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <libmaint/libmaint.h>

#include "maint-json-private.h"
#include "maint-test-util.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

/* Saves, loads, saves again: equal fleets, identical bytes. */
static void
assert_round_trip (MaintFleet *fleet)
{
  g_autoptr(MaintFleet) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length = 0, second_length = 0;

  first = maint_fleet_to_data (fleet, &first_length);
  g_assert_cmpuint (strlen (first), ==, first_length);
  g_assert_true (g_str_has_suffix (first, "}\n"));

  again = maint_fleet_new_from_data (first, first_length, &error);
  g_assert_no_error (error);
  g_assert_true (maint_fleet_equal (fleet, again));

  second = maint_fleet_to_data (again, &second_length);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (first_length, ==, second_length);
}

static char *
example_path (void)
{
  const char *dir = g_getenv ("MAINT_EXAMPLES_DIR");

  if (dir != NULL)
    return g_build_filename (dir, "fleets", "gocept.json", NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "examples", "fleets", "gocept.json", NULL);
}

/* ------------------------------------------------------------------ */
/* Round trips                                                         */
/* ------------------------------------------------------------------ */

static void
test_example_round_trip (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(GError) error = NULL;
  MaintResourceGroup *group;
  MaintMachine *machine;
  MaintActivity *activity;
  MaintRollout *rollout;

  fleet = maint_fleet_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fleet);

  /* what the generator promises */
  g_assert_cmpint (maint_fleet_get_now (fleet), ==, maint_test_at ("2013-03-01T09:00:00Z"));
  g_assert_cmpuint (maint_fleet_get_groups (fleet)->len, ==, 32);
  g_assert_cmpuint (maint_fleet_get_machines (fleet)->len, ==, 141);
  g_assert_cmpuint (maint_fleet_get_rollouts (fleet)->len, ==, 1);

  group = maint_fleet_lookup_group (fleet, "kulturverlag");
  g_assert_nonnull (group);
  g_assert_cmpstr (maint_resource_group_get_timezone (group), ==, "Europe/Berlin");
  g_assert_cmpstr (maint_resource_group_get_locale (group), ==, "de");
  g_assert_cmpint (maint_resource_group_get_notice (group), ==, 2 * 86400);
  g_assert_cmpuint (maint_resource_group_get_max_concurrent (group), ==, 2);

  machine = maint_fleet_lookup_machine (fleet, "kvm00");
  g_assert_nonnull (machine);
  g_assert_cmpint (maint_machine_get_kind (machine), ==, MAINT_MACHINE_KIND_HOST);

  activity = maint_fleet_lookup_activity (fleet, "a-001");
  g_assert_nonnull (activity);
  g_assert_cmpint (maint_activity_get_kind (activity), ==, MAINT_ACTIVITY_KIND_MEMORY_RESIZE);
  g_assert_cmpstr (maint_activity_get_summary (activity), ==, "RAM 4 → 8 GiB");

  rollout = maint_fleet_lookup_rollout (fleet, "os-2013-03");
  g_assert_nonnull (rollout);
  g_assert_cmpuint (maint_rollout_get_waves (rollout)->len, ==, 7);
  g_assert_cmpint (maint_rollout_get_staging_lead (rollout), ==, 86400);
  g_assert_cmpint (maint_interval_get_start (maint_rollout_get_host_reboots (rollout)), ==,
                   maint_test_at ("2013-03-09T10:00:00+01:00"));

  assert_round_trip (fleet);
}

/* A fleet in which every field differs from its default. */
static MaintFleet *
build_full_fleet (void)
{
  g_autoptr(MaintFleet) fleet = maint_fleet_new ();
  g_autoptr(MaintPolicy) policy = maint_policy_new ();
  g_autoptr(MaintResourceGroup) group = maint_resource_group_new ("acme");
  g_autoptr(MaintResourceGroup) infra = maint_resource_group_new ("infra");
  g_autoptr(MaintMachine) host = maint_machine_new ("kvm01", "infra", MAINT_MACHINE_KIND_HOST);
  g_autoptr(MaintMachine) db1 = maint_machine_new ("acme-db1", "acme", MAINT_MACHINE_KIND_VM);
  g_autoptr(MaintMachine) db2 = maint_machine_new ("acme-db2", "acme", MAINT_MACHINE_KIND_VM);
  g_autoptr(MaintService) service = maint_service_new ("acme-db");
  g_autoptr(MaintActivity) activity = maint_activity_new ("a-1", "acme-db1",
                                                          MAINT_ACTIVITY_KIND_MEMORY_RESIZE);
  g_autoptr(MaintRollout) rollout = maint_rollout_new ("os-2013-03");
  g_autoptr(MaintWave) w1 = maint_wave_new ("infrastructure");
  g_autoptr(MaintWave) w2 = maint_wave_new ("representative");
  g_autoptr(MaintWave) w3 = maint_wave_new ("staging");
  g_autoptr(MaintWave) w4 = maint_wave_new ("20%");
  g_autoptr(MaintWave) w5 = maint_wave_new ("rest");
  g_autoptr(MaintWindowSpec) spec1 = NULL;
  g_autoptr(MaintWindowSpec) spec2 = NULL;
  g_autoptr(MaintInterval) blackout = maint_interval_new (maint_test_at ("2013-03-24T00:00:00Z"),
                                                          maint_test_at ("2013-03-25T00:00:00Z"));
  g_autoptr(MaintInterval) scheduled = maint_interval_new (maint_test_at ("2013-03-02T21:00:00Z"),
                                                           maint_test_at ("2013-03-02T21:30:00Z"));
  g_autoptr(MaintInterval) host_reboots = maint_interval_new (maint_test_at ("2013-03-09T09:00:00Z"),
                                                              maint_test_at ("2013-03-09T13:00:00Z"));
  const char *contacts[] = { "ops@acme.example", "cto@acme.example", NULL };
  const char *infra_contacts[] = { "ops@gocept.example", NULL };
  const char *members[] = { "acme-db1", "acme-db2", NULL };
  const char *order[] = { "acme-db2", "acme-db1", NULL };
  g_autoptr(GError) error = NULL;

  maint_fleet_set_now (fleet, maint_test_at ("2013-03-01T09:00:00Z"));

  maint_policy_set_horizon (policy, 14 * 86400);
  maint_policy_set_setup (policy, 600);
  maint_policy_set_min_slot (policy, 1800);
  maint_policy_set_max_concurrent (policy, 20);
  maint_policy_set_max_concurrent_per_host (policy, 4);
  maint_policy_set_emergency_notice (policy, 7200);
  maint_policy_set_max_uptime (policy, 200 * 86400);
  maint_policy_set_coalesce_with_host_reboot (policy, FALSE);
  maint_fleet_set_policy (fleet, policy);

  spec1 = maint_window_spec_parse ("daily 22:00-05:00", &error);
  g_assert_no_error (error);
  spec2 = maint_window_spec_parse ("sat,sun 10:00-14:00", &error);
  g_assert_no_error (error);
  maint_resource_group_set_contacts (group, contacts);
  maint_resource_group_set_timezone (group, "Europe/Berlin");
  maint_resource_group_set_locale (group, "de");
  maint_resource_group_add_window (group, spec1);
  maint_resource_group_add_window (group, spec2);
  maint_resource_group_set_notice (group, 2 * 86400 + 3600 + 60);
  maint_resource_group_set_stage (group, MAINT_STAGE_STAGING);
  maint_resource_group_set_max_concurrent (group, 2);
  maint_resource_group_add_blackout (group, blackout);
  g_assert_true (maint_fleet_add_group (fleet, group, &error));

  maint_resource_group_set_contacts (infra, infra_contacts);
  maint_resource_group_set_stage (infra, MAINT_STAGE_INFRASTRUCTURE);
  g_assert_true (maint_fleet_add_group (fleet, infra, &error));

  maint_machine_set_booted_at (host, maint_test_at ("2012-08-14T03:00:00Z"));
  g_assert_true (maint_fleet_add_machine (fleet, host, &error));

  maint_machine_set_host (db1, "kvm01");
  maint_machine_set_auto_schedule (db1, FALSE);
  maint_machine_set_representative (db1, TRUE);
  maint_machine_set_stage (db1, MAINT_STAGE_TESTING);
  maint_machine_set_booted_at (db1, maint_test_at ("2012-09-01T00:00:00Z"));
  maint_machine_set_reboots (db1, 3);
  g_assert_true (maint_fleet_add_machine (fleet, db1, &error));
  maint_machine_set_host (db2, "kvm01");
  g_assert_true (maint_fleet_add_machine (fleet, db2, &error));

  maint_service_set_members (service, members);
  maint_service_set_max_unavailable (service, 2);
  maint_service_set_spacing (service, 3600);
  maint_service_set_order (service, order);
  g_assert_true (maint_fleet_add_service (fleet, service, &error));

  maint_activity_set_summary (activity, "RAM 4 → 8 GiB, \"quoted\" \\ and\ttab");
  maint_activity_set_estimate (activity, 600);
  maint_activity_set_reboot (activity, MAINT_REBOOT_KIND_COLD);
  maint_activity_set_priority (activity, MAINT_PRIORITY_URGENT);
  maint_activity_set_not_before (activity, maint_test_at ("2013-03-02T00:00:00Z"));
  maint_activity_set_deadline (activity, maint_test_at ("2013-03-10T00:00:00Z"));
  maint_activity_set_rollout (activity, "os-2013-03");
  maint_activity_set_scheduled (activity, scheduled);
  maint_activity_set_announced_at (activity, maint_test_at ("2013-02-27T10:00:00Z"));
  g_assert_true (maint_fleet_add_activity (fleet, activity, &error));

  maint_rollout_set_staging_lead (rollout, 86400);
  maint_rollout_set_host_reboots (rollout, host_reboots);
  maint_rollout_set_halt_after_failures (rollout, 3);
  maint_rollout_set_template_kind (rollout, MAINT_ACTIVITY_KIND_KERNEL_UPDATE);
  maint_rollout_set_template_summary (rollout, "OS update");
  maint_rollout_set_template_estimate (rollout, 1200);
  maint_rollout_set_template_reboot (rollout, MAINT_REBOOT_KIND_WARM);
  maint_rollout_set_template_priority (rollout, MAINT_PRIORITY_EMERGENCY);
  maint_wave_set_select_kind (w1, MAINT_MACHINE_KIND_INFRASTRUCTURE);
  maint_wave_set_from (w1, maint_test_at ("2013-03-04T05:00:00Z"));
  maint_wave_set_until (w1, maint_test_at ("2013-03-04T11:00:00Z"));
  maint_wave_set_select_representative (w2, TRUE);
  maint_wave_set_select_stage (w3, MAINT_STAGE_STAGING);
  maint_wave_set_share (w4, 0.2);
  maint_wave_set_share (w5, 1.0);
  maint_rollout_add_wave (rollout, w1);
  maint_rollout_add_wave (rollout, w2);
  maint_rollout_add_wave (rollout, w3);
  maint_rollout_add_wave (rollout, w4);
  maint_rollout_add_wave (rollout, w5);
  g_assert_true (maint_fleet_add_rollout (fleet, rollout, &error));
  g_assert_no_error (error);

  g_assert_true (maint_fleet_validate (fleet, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&fleet);
}

static void
test_every_field_round_trip (void)
{
  g_autoptr(MaintFleet) fleet = build_full_fleet ();
  g_autofree char *data = maint_fleet_to_data (fleet, NULL);

  assert_round_trip (fleet);

  /* every field is written, canonically */
  g_assert_nonnull (strstr (data, "\"format\": \"libmaint-fleet/1\",\n  \"now\": \"2013-03-01T09:00:00Z\""));
  g_assert_nonnull (strstr (data, "\"horizon\": \"P14D\""));
  g_assert_nonnull (strstr (data, "\"coalesce_with_host_reboot\": false"));
  g_assert_nonnull (strstr (data, "\"contacts\": [\"ops@acme.example\", \"cto@acme.example\"]"));
  g_assert_nonnull (strstr (data, "\"windows\": [\"daily 22:00-05:00\", \"sat,sun 10:00-14:00\"]"));
  g_assert_nonnull (strstr (data, "\"notice\": \"P2DT1H1M\""));
  g_assert_nonnull (strstr (data, "{\"start\": \"2013-03-24T00:00:00Z\", \"end\": \"2013-03-25T00:00:00Z\"}"));
  g_assert_nonnull (strstr (data, "\"auto_schedule\": false"));
  g_assert_nonnull (strstr (data, "\"representative\": true"));
  g_assert_nonnull (strstr (data, "\"reboots\": 3"));
  g_assert_nonnull (strstr (data, "\"order\": [\"acme-db2\", \"acme-db1\"]"));
  g_assert_nonnull (strstr (data, "\"summary\": \"RAM 4 → 8 GiB, \\\"quoted\\\" \\\\ and\\ttab\""));
  g_assert_nonnull (strstr (data, "\"priority\": \"urgent\""));
  g_assert_nonnull (strstr (data, "\"announced_at\": \"2013-02-27T10:00:00Z\""));
  g_assert_nonnull (strstr (data, "\"select\": {\"kind\": \"infrastructure\"}"));
  g_assert_nonnull (strstr (data, "\"select\": {\"representative\": true}"));
  g_assert_nonnull (strstr (data, "\"select\": {\"stage\": \"staging\"}"));
  g_assert_nonnull (strstr (data, "\"share\": 0.2\n"));
  g_assert_nonnull (strstr (data, "\"share\": 1.0\n"));
  g_assert_nonnull (strstr (data, "\"kind\": \"kernel-update\""));
  g_assert_nonnull (strstr (data, "\"priority\": \"emergency\""));

  /* the order of the sections and of the fields */
  g_assert_true (strstr (data, "\"policy\"") < strstr (data, "\"resource_groups\""));
  g_assert_true (strstr (data, "\"resource_groups\"") < strstr (data, "\"machines\""));
  g_assert_true (strstr (data, "\"machines\"") < strstr (data, "\"services\""));
  g_assert_true (strstr (data, "\"services\"") < strstr (data, "\"activities\""));
  g_assert_true (strstr (data, "\"activities\"") < strstr (data, "\"rollouts\""));
  g_assert_true (strstr (data, "\"not_before\"") < strstr (data, "\"deadline\""));
  g_assert_true (strstr (data, "\"scheduled\"") < strstr (data, "\"announced_at\""));
}

/* Defaults are left out; a minimal fleet is written minimally. */
static void
test_minimal_output (void)
{
  g_autoptr(MaintFleet) fleet = maint_test_load_fleet (
    "{\"format\": \"libmaint-fleet/1\", \"resource_groups\": [{\"name\": \"g\","
    " \"contacts\": [\"a@b.example\"], \"timezone\": \"UTC\"}],"
    " \"machines\": [{\"name\": \"m\", \"group\": \"g\", \"kind\": \"infrastructure\"}]}");
  g_autofree char *data = maint_fleet_to_data (fleet, NULL);
  MaintPolicy *policy = maint_fleet_get_policy (fleet);
  MaintMachine *machine = maint_fleet_lookup_machine (fleet, "m");

  g_assert_cmpstr (data, ==,
                   "{\n"
                   "  \"format\": \"libmaint-fleet/1\",\n"
                   "  \"resource_groups\": [\n"
                   "    {\n"
                   "      \"name\": \"g\",\n"
                   "      \"contacts\": [\"a@b.example\"],\n"
                   "      \"timezone\": \"UTC\"\n"
                   "    }\n"
                   "  ],\n"
                   "  \"machines\": [\n"
                   "    {\n"
                   "      \"name\": \"m\",\n"
                   "      \"group\": \"g\",\n"
                   "      \"kind\": \"infrastructure\"\n"
                   "    }\n"
                   "  ]\n"
                   "}\n");

  /* the policy defaults the format documents */
  g_assert_cmpint (maint_policy_get_horizon (policy), ==, 28 * 86400);
  g_assert_cmpint (maint_policy_get_setup (policy), ==, 5 * 60);
  g_assert_cmpint (maint_policy_get_min_slot (policy), ==, 15 * 60);
  g_assert_cmpuint (maint_policy_get_max_concurrent (policy), ==, 0);
  g_assert_cmpuint (maint_policy_get_max_concurrent_per_host (policy), ==, 0);
  g_assert_cmpint (maint_policy_get_emergency_notice (policy), ==, 3600);
  g_assert_cmpint (maint_policy_get_max_uptime (policy), ==, 0);
  g_assert_true (maint_policy_get_coalesce_with_host_reboot (policy));
  g_assert_cmpint (maint_fleet_get_now (fleet), ==, 0);
  g_assert_true (maint_machine_get_auto_schedule (machine));

  /* an empty fleet */
  {
    g_autoptr(MaintFleet) empty = maint_fleet_new ();
    g_autofree char *text = maint_fleet_to_data (empty, NULL);
    g_assert_cmpstr (text, ==, "{\n  \"format\": \"libmaint-fleet/1\"\n}\n");
    assert_round_trip (empty);
  }
}

/* Input in other forms is written canonically. */
static void
test_canonical_output (void)
{
  g_autoptr(MaintFleet) fleet = maint_test_load_fleet (
    "{\"now\": \"2013-03-01T10:00:00+01:00\", \"format\": \"libmaint-fleet/1\","
    " \"policy\": {\"setup\": \"PT90M\", \"max_uptime\": \"PT4800H\"},"
    " \"resource_groups\": [{\"name\": \"g\", \"contacts\": [\"a@b.example\"],"
    " \"timezone\": \"Europe/London\", \"x-note\": {\"any\": [1, 2.5, null]},"
    " \"blackouts\": [{\"end\": \"2013-03-25T01:00:00+01:00\", \"start\": \"2013-03-24T00:00:00Z\"}]}]}");
  g_autofree char *data = maint_fleet_to_data (fleet, NULL);

  g_assert_nonnull (strstr (data, "\"now\": \"2013-03-01T09:00:00Z\""));
  g_assert_nonnull (strstr (data, "\"setup\": \"PT1H30M\""));
  g_assert_nonnull (strstr (data, "\"max_uptime\": \"P200D\""));
  g_assert_nonnull (strstr (data, "{\"start\": \"2013-03-24T00:00:00Z\", \"end\": \"2013-03-25T00:00:00Z\"}"));
  /* extensions are not kept */
  g_assert_null (strstr (data, "x-note"));
  assert_round_trip (fleet);
}

/* ------------------------------------------------------------------ */
/* Validation rules: one test each                                      */
/* ------------------------------------------------------------------ */

/* In snippets ' stands for ". A snippet starting with '=' is the whole
 * document; otherwise it follows "{'format': 'libmaint-fleet/1', ". */
typedef struct {
  const char *name;
  const char *json;
  int code;             /* -1: loads */
  const char *message;  /* expected prefix of the message */
} Rule;

#define G "'resource_groups': [{'name': 'g', 'contacts': ['a@b.example'], 'timezone': 'UTC'}]"
#define GG(x) "'resource_groups': [{'name': 'g', 'contacts': ['a@b.example'], 'timezone': 'UTC', " x "}]"
#define M "{'name': 'h', 'group': 'g', 'kind': 'host'}, {'name': 'm', 'group': 'g', 'kind': 'vm', 'host': 'h'}"
#define GM G ", 'machines': [" M "]"
#define W "'waves': [{'name': 'w', 'share': 1}]"

#define PARSE MAINT_FLEET_ERROR_PARSE_FAILED
#define FORMAT MAINT_FLEET_ERROR_FORMAT_FAILED
#define INVALID MAINT_FLEET_ERROR_INVALID_FAILED
#define REFERENCE MAINT_FLEET_ERROR_REFERENCE_FAILED
#define DUPLICATE MAINT_FLEET_ERROR_DUPLICATE_FAILED
#define LIMIT MAINT_FLEET_ERROR_LIMIT_FAILED

static const Rule rules[] = {
  /* syntax */
  { "parse/not-json", "=hello", PARSE, "line 1, column 1: expected a value, got 'h'" },
  { "parse/empty", "=", PARSE, "line 1, column 1: the document is empty" },
  { "parse/whitespace-only", "=  \n  ", PARSE, "line 2, column 3: the document is empty" },
  { "parse/truncated", "={'format': 'libmaint-fleet/1', 'machines': [{'name'", PARSE,
    "line 1, column 52: expected ':' after a member name, got end of input" },
  { "parse/truncated-string", "={'format': 'libmaint-fl", PARSE,
    "line 1, column 12: unterminated string" },
  { "parse/line-column", "={\n  'format': 'libmaint-fleet/1',\n  'now': tru\n}", PARSE,
    "line 3, column 10: invalid literal" },
  { "parse/trailing-comma", "={'format': 'libmaint-fleet/1',}", PARSE,
    "line 1, column 31: expected a member name in double quotes, got '}'" },
  { "parse/trailing-comma-array", "'machines': [],'services': [1,]", PARSE,
    "line 1, column 62: expected a value, got ']'" },
  { "parse/comment", "=/* fleet */ {'format': 'libmaint-fleet/1'}", PARSE,
    "line 1, column 1: expected a value, got '/'" },
  { "parse/single-quotes", "!{\"format\": 'libmaint-fleet/1'}", PARSE,
    "line 1, column 12: expected a value, got '''" },
  { "parse/unquoted-name", "={format: 'libmaint-fleet/1'}", PARSE,
    "line 1, column 2: expected a member name in double quotes, got 'f'" },
  { "parse/leading-zero", "'policy': {'max_concurrent': 012}", PARSE,
    "line 1, column 62: expected ',' or '}', got '1'" },
  { "parse/hex", "'policy': {'max_concurrent': 0x10}", PARSE,
    "line 1, column 62: expected ',' or '}', got 'x'" },
  { "parse/nan", "'policy': {'max_concurrent': NaN}", PARSE,
    "line 1, column 61: expected a value, got 'N'" },
  { "parse/bad-escape", "'x-a': '\\q'", PARSE, "line 1, column 40: invalid escape in a string" },
  { "parse/lone-surrogate", "'x-a': '\\ud800'", PARSE,
    "line 1, column 40: lone surrogate \\ud800 in a string" },
  { "parse/escaped-nul", "'x-a': '\\u0000'", PARSE,
    "line 1, column 40: \\u0000 is not allowed in a string" },
  { "parse/raw-newline-in-string", "'x-a': 'a\nb'", PARSE,
    "line 1, column 41: control character U+000A in a string" },
  { "parse/not-utf8", "!{\"format\": \"libmaint-fleet/1\", \"x-a\": \"\xff\"}", PARSE,
    "line 1, column 40: the document is not valid UTF-8" },
  { "parse/overlong-utf8", "!{\"format\": \"libmaint-fleet/1\", \"x-a\": \"\xc0\xaf\"}", PARSE,
    "line 1, column 40: the document is not valid UTF-8" },
  { "parse/trailing-data", "={'format': 'libmaint-fleet/1'} {}", PARSE,
    "line 1, column 32: unexpected data after the JSON value" },
  { "parse/duplicate-member", "'policy': {'setup': 'PT1M', 'setup': 'PT2M'}", DUPLICATE,
    "policy: duplicate member \"setup\"" },
  { "parse/duplicate-member-escaped", "'x-a': 1, 'x-\\u0061': 2", DUPLICATE,
    "$: duplicate member \"x-a\"" },
  { "parse/surrogate-pair", "'x-a': '\\ud83d\\ude00'", -1, NULL },

  /* format and top level */
  { "format/missing", "={}", FORMAT, "$: missing required field \"format\"" },
  { "format/other", "={'format': 'libmaint-plan/1'}", FORMAT,
    "format: unsupported format \"libmaint-plan/1\" (expected \"libmaint-fleet/1\")" },
  { "format/number", "={'format': 1}", FORMAT, "format: expected \"libmaint-fleet/1\", got 1" },
  { "format/checked-first", "={'bogus': 1, 'format': 'libmaint-fleet/2'}", FORMAT,
    "format: unsupported format" },
  { "format/top-level-array", "=[]", FORMAT,
    "$: expected a libmaint-fleet/1 document (an object), got an array" },
  { "format/top-level-string", "='libmaint-fleet/1'", FORMAT,
    "$: expected a libmaint-fleet/1 document (an object), got a string" },
  { "format/top-level-null", "=null", FORMAT,
    "$: expected a libmaint-fleet/1 document (an object), got null" },
  { "top/unknown-field", "'bogus': 1", INVALID,
    "bogus: unknown field (extensions must start with \"x-\")" },
  { "top/odd-unknown-field", "'a b': 1", INVALID, "[\"a b\"]: unknown field" },
  { "top/extension", "'x-generator': {'any': ['thing', 1, null]}", -1, NULL },
  { "top/section-null", "'machines': null", INVALID, "machines: expected an array, got null" },
  { "top/section-object", "'machines': {}", INVALID, "machines: expected an array, got an object" },
  { "top/section-empty", "'machines': [], 'services': [], 'activities': [], 'rollouts': []", -1, NULL },
  { "top/now-null", "'now': null", INVALID,
    "now: expected an RFC 3339 instant between 1970 and 2100 such as \"2013-03-01T09:00:00Z\", got null" },
  { "top/now-bad", "'now': 'yesterday'", INVALID,
    "now: expected an RFC 3339 instant between 1970 and 2100 such as \"2013-03-01T09:00:00Z\", got \"yesterday\"" },
  { "top/now-out-of-range", "'now': '2101-01-01T00:00:00Z'", INVALID,
    "now: expected an RFC 3339 instant" },
  { "top/now-number", "'now': 1362128400", INVALID, "now: expected an RFC 3339 instant" },

  /* policy */
  { "policy/not-object", "'policy': []", INVALID, "policy: expected an object, got an array" },
  { "policy/unknown-field", "'policy': {'horizont': 'P1D'}", INVALID,
    "policy.horizont: unknown field (extensions must start with \"x-\")" },
  { "policy/extension", "'policy': {'x-comment': 'fine'}", -1, NULL },
  { "policy/negative", "'policy': {'max_concurrent': -1}", INVALID,
    "policy.max_concurrent: expected a non-negative integer, got -1" },
  { "policy/string-count", "'policy': {'max_concurrent': '20'}", INVALID,
    "policy.max_concurrent: expected a non-negative integer, got a string" },
  { "policy/float-count", "'policy': {'max_concurrent_per_host': 2.5}", INVALID,
    "policy.max_concurrent_per_host: expected a non-negative integer, got 2.5" },
  { "policy/integral-float-count", "'policy': {'max_concurrent': 2.0}", INVALID,
    "policy.max_concurrent: expected a non-negative integer, got 2.0" },
  { "policy/exponent-count", "'policy': {'max_concurrent': 1e3}", INVALID,
    "policy.max_concurrent: expected a non-negative integer, got 1000.0" },
  { "policy/bool-count", "'policy': {'max_concurrent': true}", INVALID,
    "policy.max_concurrent: expected a non-negative integer, got true" },
  { "policy/beyond-guint", "'policy': {'max_concurrent': 4294967296}", INVALID,
    "policy.max_concurrent: expected a non-negative integer up to 4294967295, got 4294967296" },
  { "policy/beyond-int64", "'policy': {'max_concurrent': 99999999999999999999}", INVALID,
    "policy.max_concurrent: number 99999999999999999999 is out of range" },
  { "policy/beyond-double", "'policy': {'max_concurrent': 1e400}", INVALID,
    "policy.max_concurrent: number 1e400 is out of range" },
  { "policy/bad-duration", "'policy': {'setup': '5 minutes'}", INVALID,
    "policy.setup: expected an ISO 8601 duration such as \"PT15M\", got \"5 minutes\"" },
  { "policy/negative-duration", "'policy': {'min_slot': '-PT15M'}", INVALID,
    "policy.min_slot: expected an ISO 8601 duration such as \"PT15M\", got \"-PT15M\"" },
  { "policy/duration-number", "'policy': {'horizon': 300}", INVALID,
    "policy.horizon: expected an ISO 8601 duration such as \"PT15M\", got 300" },
  /* limits: a 100-year horizon is not a duration libmaint takes at all,
   * one over a year is refused by validation */
  { "policy/horizon-100-years", "'policy': {'horizon': 'P36500D'}", INVALID,
    "policy.horizon: \"P36500D\" is longer than the maximum of P3660D" },
  { "policy/horizon-over-a-year", "'policy': {'horizon': 'P367D'}", INVALID,
    "policy.horizon: P367D is longer than the maximum of P366D" },
  { "policy/bool-string", "'policy': {'coalesce_with_host_reboot': 'yes'}", INVALID,
    "policy.coalesce_with_host_reboot: expected true or false, got a string" },
  { "policy/bool-null", "'policy': {'coalesce_with_host_reboot': null}", INVALID,
    "policy.coalesce_with_host_reboot: expected true or false, got null" },
  { "policy/horizon-zero", "'policy': {'horizon': 'PT0S'}", INVALID,
    "policy.horizon: must be longer than 0" },

  /* resource groups */
  { "group/not-object", "'resource_groups': ['acme']", INVALID,
    "resource_groups[0]: expected an object, got a string" },
  { "group/missing-name", "'resource_groups': [{'contacts': ['a@b.example'], 'timezone': 'UTC'}]",
    INVALID, "resource_groups[0]: missing required field \"name\"" },
  { "group/missing-contacts", "'resource_groups': [{'name': 'g', 'timezone': 'UTC'}]",
    INVALID, "resource_groups[0]: missing required field \"contacts\"" },
  { "group/missing-timezone", "'resource_groups': [{'name': 'g', 'contacts': ['a@b.example']}]",
    INVALID, "resource_groups[0]: missing required field \"timezone\"" },
  { "group/name-empty", "'resource_groups': [{'name': ''}]", INVALID,
    "resource_groups[0].name: expected a non-empty string" },
  { "group/name-number", "'resource_groups': [{'name': 5}]", INVALID,
    "resource_groups[0].name: expected a string, got 5" },
  { "group/name-line-break", "'resource_groups': [{'name': 'a\\nBcc: x'}]", INVALID,
    "resource_groups[0].name: control characters are not allowed" },
  { "parse/duplicate-section", G ", 'resource_groups': []", DUPLICATE,
    "$: duplicate member \"resource_groups\"" },
  { "group/duplicate-group", "'resource_groups': [{'name': 'g', 'contacts': ['a@b.example'], 'timezone': 'UTC'},"
    " {'name': 'g'}]", DUPLICATE, "resource_groups[1].name: duplicate resource group name \"g\"" },
  { "parse/duplicate-in-group", GG ("'contacts': []"), DUPLICATE,
    "resource_groups[0]: duplicate member \"contacts\"" },
  { "group/contacts-empty-list", "'resource_groups': [{'name': 'g', 'contacts': []}]", INVALID,
    "resource_groups[0].contacts: expected at least one element, got an empty array" },
  { "group/contacts-string", "'resource_groups': [{'name': 'g', 'contacts': 'a@b.example'}]", INVALID,
    "resource_groups[0].contacts: expected an array, got a string" },
  { "group/contact-malformed", "'resource_groups': [{'name': 'g', 'contacts': ['a@b.example', 'ops at acme']}]",
    INVALID, "resource_groups[0].contacts[1]: expected an e-mail address such as \"ops@example.com\", got \"ops at acme\"" },
  { "group/contact-no-domain-dot", "'resource_groups': [{'name': 'g', 'contacts': ['root@localhost']}]",
    INVALID, "resource_groups[0].contacts[0]: expected an e-mail address" },
  { "group/contact-double-dot", "'resource_groups': [{'name': 'g', 'contacts': ['a..b@acme.example']}]",
    INVALID, "resource_groups[0].contacts[0]: expected an e-mail address" },
  { "group/contact-header-injection", "'resource_groups': [{'name': 'g', 'contacts': ['a@b.example\\r\\nBcc: c@d.example']}]",
    INVALID, "resource_groups[0].contacts[0]: control characters are not allowed" },
  { "group/contact-number", "'resource_groups': [{'name': 'g', 'contacts': [5]}]", INVALID,
    "resource_groups[0].contacts[0]: expected an e-mail address, got 5" },
  { "group/contact-duplicate", "'resource_groups': [{'name': 'g', 'contacts': ['a@b.example', 'a@b.example']}]",
    DUPLICATE, "resource_groups[0].contacts[1]: duplicate element \"a@b.example\"" },
  { "group/timezone-mars", "'resource_groups': [{'name': 'g', 'timezone': 'Mars/Base'}]", INVALID,
    "resource_groups[0].timezone: unknown time zone \"Mars/Base\"" },
  { "group/timezone-path", "'resource_groups': [{'name': 'g', 'timezone': '../../../etc/passwd'}]",
    INVALID, "resource_groups[0].timezone: unknown time zone \"../../../etc/passwd\"" },
  { "group/timezone-number", "'resource_groups': [{'name': 'g', 'timezone': 1}]", INVALID,
    "resource_groups[0].timezone: expected a string, got 1" },
  { "group/locale-bad", GG ("'locale': 'deutsch!'"), INVALID,
    "resource_groups[0].locale: expected a locale such as \"en\" or \"de-DE\", got \"deutsch!\"" },
  { "group/windows-not-array", GG ("'windows': 'daily 22:00-05:00'"), INVALID,
    "resource_groups[0].windows: expected an array, got a string" },
  { "group/window-spec", GG ("'windows': ['daily 22:00-05:00', 'mon-fri 25:00-26:00']"), INVALID,
    "resource_groups[0].windows[1]: column " },
  { "group/window-number", GG ("'windows': [2200]"), INVALID,
    "resource_groups[0].windows[0]: expected a string, got 2200" },
  { "group/notice-bad", GG ("'notice': '2 days'"), INVALID,
    "resource_groups[0].notice: expected an ISO 8601 duration such as \"PT15M\", got \"2 days\"" },
  { "group/stage-bad", GG ("'stage': 'prod'"), INVALID,
    "resource_groups[0].stage: expected one of \"testing\", \"staging\", \"production\", \"infrastructure\", got \"prod\"" },
  { "group/stage-none", GG ("'stage': 'none'"), INVALID,
    "resource_groups[0].stage: expected one of \"testing\", \"staging\", \"production\", \"infrastructure\", got \"none\"" },
  { "group/max-concurrent-negative", GG ("'max_concurrent': -2"), INVALID,
    "resource_groups[0].max_concurrent: expected a non-negative integer, got -2" },
  { "group/blackouts-not-array", GG ("'blackouts': {}"), INVALID,
    "resource_groups[0].blackouts: expected an array, got an object" },
  { "group/blackout-not-object", GG ("'blackouts': ['2013-03-24']"), INVALID,
    "resource_groups[0].blackouts[0]: expected an interval object {\"start\": INSTANT, \"end\": INSTANT}, got a string" },
  { "group/blackout-missing-end", GG ("'blackouts': [{'start': '2013-03-24T00:00:00Z'}]"), INVALID,
    "resource_groups[0].blackouts[0]: missing required field \"end\"" },
  { "group/blackout-reversed", GG ("'blackouts': [{'start': '2013-03-24T00:00:00Z', 'end': '2013-03-23T00:00:00Z'}]"),
    INVALID, "resource_groups[0].blackouts[0].end: the end must be after the start" },
  { "group/blackout-empty", GG ("'blackouts': [{'start': '2013-03-24T00:00:00Z', 'end': '2013-03-24T01:00:00+01:00'}]"),
    INVALID, "resource_groups[0].blackouts[0].end: the end must be after the start" },
  { "group/blackout-unknown-field", GG ("'blackouts': [{'start': '2013-03-24T00:00:00Z', 'until': 1}]"), INVALID,
    "resource_groups[0].blackouts[0].until: unknown field" },
  { "group/blackout-bad-instant", GG ("'blackouts': [{'start': '2013-02-30T00:00:00Z', 'end': '2013-03-24T00:00:00Z'}]"),
    INVALID, "resource_groups[0].blackouts[0].start: expected an RFC 3339 instant" },
  { "group/unknown-field", GG ("'window': []"), INVALID,
    "resource_groups[0].window: unknown field (extensions must start with \"x-\")" },

  /* machines */
  { "machine/not-object", G ", 'machines': [[]]", INVALID, "machines[0]: expected an object, got an array" },
  { "machine/missing-name", G ", 'machines': [{'group': 'g', 'kind': 'host'}]", INVALID,
    "machines[0]: missing required field \"name\"" },
  { "machine/missing-group", G ", 'machines': [" M ", {'name': 'x', 'kind': 'host'}]", INVALID,
    "machines[2]: missing required field \"group\"" },
  { "machine/missing-kind", G ", 'machines': [{'name': 'x', 'group': 'g'}]", INVALID,
    "machines[0]: missing required field \"kind\"" },
  { "machine/kind-bad", G ", 'machines': [{'name': 'x', 'group': 'g', 'kind': 'server'}]", INVALID,
    "machines[0].kind: expected one of \"vm\", \"host\", \"infrastructure\", got \"server\"" },
  { "machine/kind-number", G ", 'machines': [{'name': 'x', 'group': 'g', 'kind': 1}]", INVALID,
    "machines[0].kind: expected one of \"vm\", \"host\", \"infrastructure\", got 1" },
  { "machine/duplicate-name", G ", 'machines': [" M ", {'name': 'm', 'group': 'g', 'kind': 'host'}]",
    DUPLICATE, "machines[2].name: duplicate machine name \"m\"" },
  { "machine/auto-schedule-type", G ", 'machines': [{'name': 'x', 'auto_schedule': 1}]", INVALID,
    "machines[0].auto_schedule: expected true or false, got 1" },
  { "machine/representative-type", G ", 'machines': [{'name': 'x', 'representative': 'yes'}]", INVALID,
    "machines[0].representative: expected true or false, got a string" },
  { "machine/stage-bad", G ", 'machines': [{'name': 'x', 'stage': 'live'}]", INVALID,
    "machines[0].stage: expected one of" },
  { "machine/booted-at-bad", G ", 'machines': [{'name': 'x', 'booted_at': '2012-09-01'}]", INVALID,
    "machines[0].booted_at: expected an RFC 3339 instant" },
  { "machine/reboots-negative", G ", 'machines': [{'name': 'x', 'reboots': -1}]", INVALID,
    "machines[0].reboots: expected a non-negative integer, got -1" },
  { "machine/host-type", G ", 'machines': [{'name': 'x', 'host': ['h']}]", INVALID,
    "machines[0].host: expected a string, got an array" },
  { "machine/unknown-field", G ", 'machines': [{'name': 'x', 'ip': '10.0.0.1'}]", INVALID,
    "machines[0].ip: unknown field" },
  { "machine/unknown-group", G ", 'machines': [{'name': 'x', 'group': 'acme', 'kind': 'host'}]", REFERENCE,
    "machines[0].group: unknown resource group \"acme\"" },
  { "machine/unknown-host", G ", 'machines': [{'name': 'x', 'group': 'g', 'kind': 'vm', 'host': 'kvm9'}]",
    REFERENCE, "machines[0].host: unknown machine \"kvm9\"" },
  { "machine/host-not-a-host", G ", 'machines': [" M ", {'name': 'x', 'group': 'g', 'kind': 'vm', 'host': 'm'}]",
    REFERENCE, "machines[2].host: \"m\" is not a host" },
  { "machine/vm-without-host", G ", 'machines': [{'name': 'x', 'group': 'g', 'kind': 'vm'}]", INVALID,
    "machines[0].host: a VM needs a host" },
  { "machine/host-with-host", G ", 'machines': [" M ", {'name': 'x', 'group': 'g', 'kind': 'host', 'host': 'h'}]",
    INVALID, "machines[2].host: only a VM has a host" },
  { "machine/booted-after-now", "'now': '2013-03-01T09:00:00Z', " G ", 'machines': [{'name': 'x', 'group': 'g',"
    " 'kind': 'host', 'booted_at': '2013-03-02T00:00:00Z'}]", INVALID, "machines[0].booted_at: after the fleet's now" },

  /* services */
  { "service/missing-members", GM ", 'services': [{'name': 's'}]", INVALID,
    "services[0]: missing required field \"members\"" },
  { "service/members-empty", GM ", 'services': [{'name': 's', 'members': []}]", INVALID,
    "services[0].members: expected at least one element, got an empty array" },
  { "service/member-duplicate", GM ", 'services': [{'name': 's', 'members': ['m', 'm']}]", DUPLICATE,
    "services[0].members[1]: duplicate element \"m\"" },
  { "service/member-empty", GM ", 'services': [{'name': 's', 'members': ['']}]", INVALID,
    "services[0].members[0]: expected a non-empty string" },
  { "service/member-unknown", GM ", 'services': [{'name': 's', 'members': ['m', 'db9']}]", REFERENCE,
    "services[0].members[1]: unknown machine \"db9\"" },
  { "service/max-unavailable-zero", GM ", 'services': [{'name': 's', 'members': ['m'], 'max_unavailable': 0}]",
    INVALID, "services[0].max_unavailable: expected a positive integer, got 0" },
  { "service/spacing-bad", GM ", 'services': [{'name': 's', 'members': ['m'], 'spacing': '1h'}]", INVALID,
    "services[0].spacing: expected an ISO 8601 duration such as \"PT15M\", got \"1h\"" },
  { "service/order-type", GM ", 'services': [{'name': 's', 'members': ['m'], 'order': 'm'}]", INVALID,
    "services[0].order: expected an array, got a string" },
  { "service/order-not-member", GM ", 'services': [{'name': 's', 'members': ['m'], 'order': ['h']}]",
    REFERENCE, "services[0].order[0]: \"h\" is not a member of the service" },
  { "service/duplicate-name", GM ", 'services': [{'name': 's', 'members': ['m']}, {'name': 's', 'members': ['h']}]",
    DUPLICATE, "services[1].name: duplicate service name \"s\"" },
  { "service/unknown-field", GM ", 'services': [{'name': 's', 'members': ['m'], 'active': 'm'}]", INVALID,
    "services[0].active: unknown field" },

  /* activities */
  { "activity/missing-id", GM ", 'activities': [{'machine': 'm', 'kind': 'reboot'}]", INVALID,
    "activities[0]: missing required field \"id\"" },
  { "activity/missing-machine", GM ", 'activities': [{'id': 'a', 'kind': 'reboot'}]", INVALID,
    "activities[0]: missing required field \"machine\"" },
  { "activity/missing-kind", GM ", 'activities': [{'id': 'a', 'machine': 'm'}]", INVALID,
    "activities[0]: missing required field \"kind\"" },
  { "activity/kind-bad", GM ", 'activities': [{'id': 'a', 'machine': 'm', 'kind': 'upgrade'}]", INVALID,
    "activities[0].kind: expected one of \"reboot\", \"memory-resize\", \"cpu-change\", \"kernel-update\","
    " \"system-update\", \"fs-check\", \"fs-migration\", \"host-reboot\", \"custom\", got \"upgrade\"" },
  { "activity/duplicate-id", GM ", 'activities': [{'id': 'a', 'machine': 'm', 'kind': 'reboot'},"
    " {'id': 'a', 'machine': 'm', 'kind': 'fs-check'}]", DUPLICATE, "activities[1].id: duplicate activity id \"a\"" },
  { "activity/reboot-bad", GM ", 'activities': [{'id': 'a', 'reboot': 'hard'}]", INVALID,
    "activities[0].reboot: expected one of \"none\", \"warm\", \"cold\", got \"hard\"" },
  { "activity/priority-bad", GM ", 'activities': [{'id': 'a', 'priority': 'high'}]", INVALID,
    "activities[0].priority: expected one of \"normal\", \"urgent\", \"emergency\", got \"high\"" },
  { "activity/estimate-bad", GM ", 'activities': [{'id': 'a', 'estimate': 'PT'}]", INVALID,
    "activities[0].estimate: expected an ISO 8601 duration such as \"PT15M\", got \"PT\"" },
  { "activity/not-before-bad", GM ", 'activities': [{'id': 'a', 'not_before': '2013-13-01T00:00:00Z'}]",
    INVALID, "activities[0].not_before: expected an RFC 3339 instant" },
  { "activity/deadline-null", GM ", 'activities': [{'id': 'a', 'deadline': null}]", INVALID,
    "activities[0].deadline: expected an RFC 3339 instant between 1970 and 2100 such as \"2013-03-01T09:00:00Z\", got null" },
  { "activity/summary-type", GM ", 'activities': [{'id': 'a', 'summary': ['x']}]", INVALID,
    "activities[0].summary: expected a string, got an array" },
  { "activity/summary-too-long", NULL, LIMIT, "activities[0].summary: string longer than 4096 bytes" },
  { "activity/scheduled-bad", GM ", 'activities': [{'id': 'a', 'scheduled': {'start': '2013-03-02T21:00:00Z'}}]",
    INVALID, "activities[0].scheduled: missing required field \"end\"" },
  { "activity/announced-at-bad", GM ", 'activities': [{'id': 'a', 'announced_at': 'now'}]", INVALID,
    "activities[0].announced_at: expected an RFC 3339 instant" },
  { "activity/unknown-field", GM ", 'activities': [{'id': 'a', 'host': 'h'}]", INVALID,
    "activities[0].host: unknown field" },
  { "activity/unknown-machine", GM ", 'activities': [{'id': 'a', 'machine': 'nope', 'kind': 'reboot'}]",
    REFERENCE, "activities[0].machine: unknown machine \"nope\"" },
  { "activity/unknown-rollout", GM ", 'activities': [{'id': 'a', 'machine': 'm', 'kind': 'reboot', 'rollout': 'r'}]",
    REFERENCE, "activities[0].rollout: unknown rollout \"r\"" },
  { "activity/host-reboot-of-vm", GM ", 'activities': [{'id': 'a', 'machine': 'm', 'kind': 'host-reboot'}]",
    REFERENCE, "activities[0].kind: a host-reboot activity needs a host" },
  { "activity/custom-without-summary", GM ", 'activities': [{'id': 'a', 'machine': 'm', 'kind': 'custom'}]",
    INVALID, "activities[0].summary: a custom activity needs a summary" },
  { "activity/deadline-before-not-before", GM ", 'activities': [{'id': 'a', 'machine': 'm', 'kind': 'reboot',"
    " 'not_before': '2013-03-05T00:00:00Z', 'deadline': '2013-03-04T00:00:00Z'}]", INVALID,
    "activities[0].deadline: before not_before" },
  { "activity/announced-without-slot", GM ", 'activities': [{'id': 'a', 'machine': 'm', 'kind': 'reboot',"
    " 'announced_at': '2013-03-01T00:00:00Z'}]", INVALID,
    "activities[0].announced_at: set without a scheduled slot" },

  /* rollouts */
  { "rollout/missing-waves", "'rollouts': [{'name': 'r'}]", INVALID,
    "rollouts[0]: missing required field \"waves\"" },
  { "rollout/missing-name", "'rollouts': [{" W "}]", INVALID, "rollouts[0]: missing required field \"name\"" },
  { "rollout/waves-empty", "'rollouts': [{'name': 'r', 'waves': []}]", INVALID,
    "rollouts[0].waves: expected at least one element, got an empty array" },
  { "rollout/duplicate-name", "'rollouts': [{'name': 'r', " W "}, {'name': 'r', " W "}]", DUPLICATE,
    "rollouts[1].name: duplicate rollout name \"r\"" },
  { "rollout/staging-lead-bad", "'rollouts': [{'name': 'r', 'staging_lead': '24h'}]", INVALID,
    "rollouts[0].staging_lead: expected an ISO 8601 duration such as \"PT15M\", got \"24h\"" },
  { "rollout/host-reboots-bad", "'rollouts': [{'name': 'r', 'host_reboots': {'start': 1, 'end': 2}}]", INVALID,
    "rollouts[0].host_reboots.start: expected an RFC 3339 instant" },
  { "rollout/halt-negative", "'rollouts': [{'name': 'r', 'halt_after_failures': -3}]", INVALID,
    "rollouts[0].halt_after_failures: expected a non-negative integer, got -3" },
  { "rollout/template-not-object", "'rollouts': [{'name': 'r', 'template': 'system-update'}]", INVALID,
    "rollouts[0].template: expected an object, got a string" },
  { "rollout/template-unknown-field", "'rollouts': [{'name': 'r', 'template': {'machine': 'm'}}]", INVALID,
    "rollouts[0].template.machine: unknown field" },
  { "rollout/template-kind-bad", "'rollouts': [{'name': 'r', 'template': {'kind': 'update'}}]", INVALID,
    "rollouts[0].template.kind: expected one of \"reboot\"" },
  { "rollout/template-reboot-bad", "'rollouts': [{'name': 'r', 'template': {'reboot': true}}]", INVALID,
    "rollouts[0].template.reboot: expected one of \"none\", \"warm\", \"cold\", got true" },
  { "rollout/unknown-field", "'rollouts': [{'name': 'r', 'wave': []}]", INVALID, "rollouts[0].wave: unknown field" },
  { "wave/not-object", "'rollouts': [{'name': 'r', 'waves': ['w']}]", INVALID,
    "rollouts[0].waves[0]: expected an object, got a string" },
  { "wave/missing-name", "'rollouts': [{'name': 'r', 'waves': [{'share': 1}]}]", INVALID,
    "rollouts[0].waves[0]: missing required field \"name\"" },
  { "wave/duplicate-name", "'rollouts': [{'name': 'r', 'waves': [{'name': 'w', 'share': 0.5}, {'name': 'w'}]}]",
    DUPLICATE, "rollouts[0].waves[1].name: duplicate wave name \"w\"" },
  { "wave/same-name-in-two-rollouts", "'rollouts': [{'name': 'r', " W "}, {'name': 's', " W "}]", -1, NULL },
  { "wave/select-and-share", "'rollouts': [{'name': 'r', 'waves': [{'name': 'w', 'select': {'kind': 'vm'}, 'share': 0.5}]}]",
    INVALID, "rollouts[0].waves[0].share: a wave has either \"select\" or \"share\", not both" },
  { "wave/share-and-select", "'rollouts': [{'name': 'r', 'waves': [{'name': 'w', 'share': 0.5, 'select': {}}]}]",
    INVALID, "rollouts[0].waves[0].select: a wave has either \"select\" or \"share\", not both" },
  { "wave/neither", "'rollouts': [{'name': 'r', 'waves': [{'name': 'w'}]}]", INVALID,
    "rollouts[0].waves[0]: a wave needs a selection or a share" },
  { "wave/share-too-big", "'rollouts': [{'name': 'r', 'waves': [{'name': 'w', 'share': 1.5}]}]", INVALID,
    "rollouts[0].waves[0].share: expected a number from 0 to 1, got 1.5" },
  { "wave/share-zero", "'rollouts': [{'name': 'r', 'waves': [{'name': 'w', 'share': 0}]}]", INVALID,
    "rollouts[0].waves[0].share: expected a share greater than 0, got 0" },
  { "wave/share-string", "'rollouts': [{'name': 'r', 'waves': [{'name': 'w', 'share': '20%'}]}]", INVALID,
    "rollouts[0].waves[0].share: expected a number from 0 to 1, got a string" },
  { "wave/select-not-object", "'rollouts': [{'name': 'r', 'waves': [{'name': 'w', 'select': 'vm'}]}]", INVALID,
    "rollouts[0].waves[0].select: expected an object, got a string" },
  { "wave/select-unknown-field", "'rollouts': [{'name': 'r', 'waves': [{'name': 'w', 'select': {'group': 'g'}}]}]",
    INVALID, "rollouts[0].waves[0].select.group: unknown field" },
  { "wave/select-kind-bad", "'rollouts': [{'name': 'r', 'waves': [{'name': 'w', 'select': {'kind': 'vms'}}]}]",
    INVALID, "rollouts[0].waves[0].select.kind: expected one of \"vm\", \"host\", \"infrastructure\", got \"vms\"" },
  { "wave/select-stage-none", "'rollouts': [{'name': 'r', 'waves': [{'name': 'w', 'select': {'stage': 'none'}}]}]",
    INVALID, "rollouts[0].waves[0].select.stage: expected one of \"testing\"" },
  { "wave/select-representative-type", "'rollouts': [{'name': 'r', 'waves': [{'name': 'w', 'select': {'representative': 1}}]}]",
    INVALID, "rollouts[0].waves[0].select.representative: expected true or false, got 1" },
  { "wave/until-before-from", "'rollouts': [{'name': 'r', 'waves': [{'name': 'w', 'share': 1,"
    " 'from': '2013-03-05T00:00:00Z', 'until': '2013-03-04T00:00:00Z'}]}]", INVALID,
    "rollouts[0].waves[0].until: \"until\" must be after \"from\"" },
  { "wave/unknown-field", "'rollouts': [{'name': 'r', 'waves': [{'name': 'w', 'shares': 1}]}]", INVALID,
    "rollouts[0].waves[0].shares: unknown field" },

  /* the first error in document order wins */
  { "order/first-of-two", G ", 'machines': [{'name': 'x', 'group': 'g', 'kind': 'bogus', 'reboots': -1}]",
    INVALID, "machines[0].kind: expected one of" },
  { "order/member-order", G ", 'machines': [{'reboots': -1, 'name': 'x', 'kind': 'bogus'}]",
    INVALID, "machines[0].reboots: expected a non-negative integer, got -1" },
  { "order/section-order", "'machines': [{'name': 1}], 'resource_groups': [{'name': 2}]",
    INVALID, "machines[0].name: expected a string, got 1" },
  { "order/value-before-missing", G ", 'machines': [{'name': 'x', 'kind': 'bogus'}]",
    INVALID, "machines[0].kind: expected one of" },
  { "order/extensions-everywhere", GG ("'x-crm-id': 42, 'blackouts': [{'start': '2013-03-24T00:00:00Z',"
    " 'end': '2013-03-25T00:00:00Z', 'x-reason': 'easter'}]") ", 'machines': [{'name': 'h', 'group': 'g',"
    " 'kind': 'host', 'x-rack': 'A3'}], 'rollouts': [{'name': 'r', 'x-ticket': 1, 'template': {'x-a': 1},"
    " 'waves': [{'name': 'w', 'x-b': 2, 'select': {'kind': 'vm', 'x-c': 3}}]}]", -1, NULL },
};

static char *
rule_document (const Rule *rule)
{
  g_autofree char *text = NULL;

  if (rule->json == NULL)
    {
      /* a summary just over the string limit */
      g_autofree char *summary = g_strnfill (MAINT_JSON_MAX_STRING + 1, 's');
      return g_strdup_printf ("{\"format\": \"libmaint-fleet/1\", \"activities\": "
                              "[{\"id\": \"a\", \"summary\": \"%s\"}]}", summary);
    }

  if (rule->json[0] == '!')
    return g_strdup (rule->json + 1);
  if (rule->json[0] == '=')
    text = g_strdup (rule->json + 1);
  else
    text = g_strconcat ("{'format': 'libmaint-fleet/1', ", rule->json, "}", NULL);
  g_strdelimit (text, "'", '"');
  return g_steal_pointer (&text);
}

static void
test_rule (gconstpointer data)
{
  const Rule *rule = data;
  g_autofree char *json = rule_document (rule);
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(GError) error = NULL;

  fleet = maint_fleet_new_from_data (json, -1, &error);
  if (rule->code < 0)
    {
      g_assert_no_error (error);
      g_assert_nonnull (fleet);
      return;
    }

  g_assert_null (fleet);
  g_assert_nonnull (error);
  if (!g_str_has_prefix (error->message, rule->message) || error->code != rule->code)
    g_test_message ("document: %s\nmessage:  %s\nexpected: %s (code %d, got %d)",
                    json, error->message, rule->message, rule->code, error->code);
  g_assert_error (error, MAINT_FLEET_ERROR, rule->code);
  g_assert_true (g_str_has_prefix (error->message, rule->message));
  g_assert_null (strchr (error->message, '\n'));
}

/* ------------------------------------------------------------------ */
/* Limits                                                              */
/* ------------------------------------------------------------------ */

static void
assert_load_fails (const char *data,
                   gsize       length,
                   int         code,
                   const char *message)
{
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(GError) error = NULL;

  fleet = maint_fleet_new_from_data (data, length, &error);
  g_assert_null (fleet);
  g_assert_error (error, MAINT_FLEET_ERROR, code);
  if (!g_str_has_prefix (error->message, message))
    g_test_message ("message: %s\nexpected: %s", error->message, message);
  g_assert_true (g_str_has_prefix (error->message, message));
}

static char *
nested (guint       depth,
        const char *inner)
{
  GString *s = g_string_new ("{\"format\": \"libmaint-fleet/1\", \"x-deep\": ");

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  g_string_append (s, inner);
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

static void
test_limit_depth (void)
{
  g_autofree char *ok = nested (MAINT_JSON_MAX_DEPTH - 1, "1");
  g_autofree char *deep = nested (MAINT_JSON_MAX_DEPTH, "1");
  g_autofree char *very_deep = NULL;
  g_autofree char *unclosed = NULL;
  g_autofree char *path = NULL;
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(GError) error = NULL;

  /* the object itself is level 1: 63 brackets inside make 64 levels */
  fleet = maint_fleet_new_from_data (ok, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fleet);

  path = g_strdup ("x-deep");
  for (guint i = 0; i < MAINT_JSON_MAX_DEPTH - 1; i++)
    {
      char *longer = g_strconcat (path, "[0]", NULL);
      g_free (path);
      path = longer;
    }
  {
    g_autofree char *expected = g_strconcat (path, ": nesting deeper than 64 levels", NULL);
    assert_load_fails (deep, strlen (deep), MAINT_FLEET_ERROR_LIMIT_FAILED, expected);
  }

  /* 100000 levels: refused before anything recurses */
  very_deep = nested (100000, "1");
  assert_load_fails (very_deep, strlen (very_deep), MAINT_FLEET_ERROR_LIMIT_FAILED, "x-deep[0]");

  unclosed = g_strnfill (100000, '[');
  assert_load_fails (unclosed, strlen (unclosed), MAINT_FLEET_ERROR_LIMIT_FAILED,
                     "[0][0][0]");
}

static void
test_limit_size (void)
{
  gsize size = MAINT_JSON_MAX_SIZE + 1;
  g_autofree char *big = g_malloc (size + 1);

  /* a valid document one byte over the limit */
  memset (big, ' ', size);
  memcpy (big, "{\"format\": \"libmaint-fleet/1\"}", 30);
  big[size] = '\0';
  assert_load_fails (big, size, MAINT_FLEET_ERROR_LIMIT_FAILED,
                     "the document is larger than 128 MiB");

  /* and the same at the limit loads */
  {
    g_autoptr(MaintFleet) fleet = NULL;
    g_autoptr(GError) error = NULL;

    fleet = maint_fleet_new_from_data (big, size - 1, &error);
    g_assert_no_error (error);
    g_assert_nonnull (fleet);
  }
}

static char *
euro_document (guint n)
{
  GString *s = g_string_new ("{\"format\": \"libmaint-fleet/1\", \"x-a\": \"");

  for (guint i = 0; i < n; i++)
    g_string_append (s, "\\u20ac");
  g_string_append (s, "\"}");
  return g_string_free (s, FALSE);
}

static void
test_limit_strings (void)
{
  g_autofree char *at_limit = g_strnfill (MAINT_JSON_MAX_STRING, 'a');
  g_autofree char *over = g_strnfill (MAINT_JSON_MAX_STRING + 1, 'a');
  g_autofree char *doc = NULL;
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(GError) error = NULL;

  doc = g_strdup_printf ("{\"format\": \"libmaint-fleet/1\", \"x-a\": \"%s\"}", at_limit);
  fleet = maint_fleet_new_from_data (doc, -1, &error);
  g_assert_no_error (error);
  g_clear_object (&fleet);
  g_clear_pointer (&doc, g_free);

  doc = g_strdup_printf ("{\"format\": \"libmaint-fleet/1\", \"x-a\": \"%s\"}", over);
  assert_load_fails (doc, strlen (doc), MAINT_FLEET_ERROR_LIMIT_FAILED,
                     "x-a: string longer than 4096 bytes");
  g_clear_pointer (&doc, g_free);

  /* member names count too */
  doc = g_strdup_printf ("{\"format\": \"libmaint-fleet/1\", \"x-%s\": 1}", over);
  assert_load_fails (doc, strlen (doc), MAINT_FLEET_ERROR_LIMIT_FAILED,
                     "$: member name longer than 4096 bytes");
  g_clear_pointer (&doc, g_free);

  /* the decoded length counts: "\u20ac" is six bytes of JSON but three
   * of UTF-8, so 1365 of them (4095 bytes) pass and 1366 (4098) do not */
  doc = euro_document (1365);
  fleet = maint_fleet_new_from_data (doc, -1, &error);
  g_assert_no_error (error);
  g_clear_object (&fleet);
  g_clear_pointer (&doc, g_free);

  doc = euro_document (1366);
  assert_load_fails (doc, strlen (doc), MAINT_FLEET_ERROR_LIMIT_FAILED,
                     "x-a: string longer than 4096 bytes");
}

static void
test_limit_elements (void)
{
  GString *s = g_string_new ("{\"format\": \"libmaint-fleet/1\", \"x-many\": [0");
  g_autofree char *doc = NULL;

  for (guint i = 1; i < MAINT_JSON_MAX_ELEMENTS; i++)
    g_string_append (s, ",0");

  /* exactly the limit loads */
  {
    g_autofree char *ok = g_strconcat (s->str, "]}", NULL);
    g_autoptr(MaintFleet) fleet = NULL;
    g_autoptr(GError) error = NULL;

    fleet = maint_fleet_new_from_data (ok, -1, &error);
    g_assert_no_error (error);
    g_assert_nonnull (fleet);
  }

  g_string_append (s, ",0]}");
  doc = g_string_free (s, FALSE);
  assert_load_fails (doc, strlen (doc), MAINT_FLEET_ERROR_LIMIT_FAILED,
                     "x-many: more than 2000000 elements");
}

static void
test_nul_byte (void)
{
  static const char doc[] = "{\"format\": \"libmaint-fleet/1\", \"x-a\": \"a\0b\"}";

  /* with an explicit length the NUL is part of the document */
  assert_load_fails (doc, sizeof doc - 1, MAINT_FLEET_ERROR_PARSE_FAILED,
                     "line 1, column 41: NUL byte in the document");
  /* with -1 the document ends there: an unterminated string */
  assert_load_fails (doc, -1, MAINT_FLEET_ERROR_PARSE_FAILED,
                     "line 1, column 39: unterminated string");
}

/* ------------------------------------------------------------------ */
/* Files                                                               */
/* ------------------------------------------------------------------ */

static void
test_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-fleet-json-XXXXXX", &error);
  g_autofree char *missing = NULL;
  g_autofree char *big = NULL;
  g_autofree char *unreadable = NULL;
  g_autoptr(MaintFleet) fleet = NULL;
  int fd;

  g_assert_no_error (error);

  missing = g_build_filename (dir, "missing.json", NULL);
  fleet = maint_fleet_new_from_file (missing, &error);
  g_assert_null (fleet);
  g_assert_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_IO_FAILED);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
  g_clear_error (&error);

  /* a directory */
  fleet = maint_fleet_new_from_file (dir, &error);
  g_assert_null (fleet);
  g_assert_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_IO_FAILED);
  g_assert_nonnull (strstr (error->message, dir));
  g_clear_error (&error);

  /* a (sparse) file over the limit is refused before it is read */
  big = g_build_filename (dir, "big.json", NULL);
  fd = g_open (big, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) MAINT_JSON_MAX_SIZE + 1), ==, 0);
  close (fd);
  fleet = maint_fleet_new_from_file (big, &error);
  g_assert_null (fleet);
  g_assert_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_LIMIT_FAILED);
  g_assert_nonnull (strstr (error->message, "larger than 128 MiB"));
  g_clear_error (&error);
  g_assert_cmpint (g_unlink (big), ==, 0);

  /* an unreadable file; root reads it anyway */
  unreadable = g_build_filename (dir, "unreadable.json", NULL);
  g_assert_true (g_file_set_contents (unreadable, "{\"format\": \"libmaint-fleet/1\"}", -1, &error));
  g_assert_cmpint (g_chmod (unreadable, 0), ==, 0);
  fleet = maint_fleet_new_from_file (unreadable, &error);
  if (geteuid () != 0)
    {
      g_assert_null (fleet);
      g_assert_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_IO_FAILED);
      g_assert_nonnull (strstr (error->message, unreadable));
      g_clear_error (&error);
    }
  g_clear_object (&fleet);
  g_clear_error (&error);
  g_assert_cmpint (g_unlink (unreadable), ==, 0);

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_file_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-fleet-json-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "fleet.json", NULL);
  g_autoptr(MaintFleet) fleet = build_full_fleet ();
  g_autoptr(MaintFleet) loaded = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *data = maint_fleet_to_data (fleet, NULL);

  g_assert_true (maint_fleet_save_to_file (fleet, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, data);

  loaded = maint_fleet_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (maint_fleet_equal (fleet, loaded));

  /* saving over an existing file replaces it */
  g_assert_true (maint_fleet_save_to_file (loaded, path, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_save_atomic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-fleet-json-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "fleet.json", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no-such-dir", "fleet.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(MaintFleet) fleet = build_full_fleet ();
  static const char old[] = "{\"format\": \"libmaint-fleet/1\"}\n";

  g_assert_no_error (error);

  /* a missing directory: an error naming the path */
  g_assert_false (maint_fleet_save_to_file (fleet, nowhere, &error));
  g_assert_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_IO_FAILED);
  g_assert_nonnull (strstr (error->message, nowhere));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, old, -1, &error));

  if (geteuid () == 0)
    {
      /* root writes into read-only directories, so the error cannot be
       * provoked this way */
      g_test_skip ("running as root: a read-only directory does not stop root");
    }
  else
    {
      /* the temporary file cannot be created: the old file stays */
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      g_assert_false (maint_fleet_save_to_file (fleet, path, &error));
      g_assert_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_IO_FAILED);
      g_assert_nonnull (strstr (error->message, path));
      g_clear_error (&error);
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

      g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
      g_assert_cmpstr (contents, ==, old);
      g_clear_pointer (&contents, g_free);
    }

  /* no temporary files are left behind */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
    const char *name;
    guint n = 0;

    g_assert_no_error (error);
    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_assert_cmpstr (name, ==, "fleet.json");
        n++;
      }
    g_assert_cmpuint (n, ==, 1);
  }

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* ------------------------------------------------------------------ */
/* The helpers                                                          */
/* ------------------------------------------------------------------ */

/* The helpers' tests raise their errors in the fleet's domain, each
 * kind as the code of its own number */
static const MaintJsonErrorMap map = {
  maint_fleet_error_quark,
  { 0, 1, 2, 3, 4, 5, 6 },
};

static void
test_quote (void)
{
  g_autofree char *plain = maint_json_quote ("vm-1");
  g_autofree char *escaped = maint_json_quote ("a\"b\\c\nd\te\x01");
  g_autofree char *unicode = maint_json_quote ("Grüße");
  g_autofree char *invalid = maint_json_quote ("a\xff");
  g_autofree char *long_text = g_strnfill (200, 'x');
  g_autofree char *cut = maint_json_quote (long_text);

  g_assert_cmpstr (plain, ==, "\"vm-1\"");
  g_assert_cmpstr (escaped, ==, "\"a\\\"b\\\\c\\nd\\te\\u0001\"");
  g_assert_cmpstr (unicode, ==, "\"Grüße\"");
  g_assert_cmpstr (invalid, ==, "\"a\\xff\"");
  g_assert_true (g_str_has_suffix (cut, "…\""));
  g_assert_cmpuint (strlen (cut), <, 100);
}

static void
test_writer (void)
{
  MaintJsonWriter *w = maint_json_writer_new ();
  const char *strv[] = { "a", "b", NULL };
  g_autofree char *out = NULL;
  gsize length = 0;

  maint_json_writer_begin_object (w, FALSE);
  maint_json_writer_member (w, "s");
  maint_json_writer_string (w, "line\nbreak \"q\" \x7f é");
  maint_json_writer_member (w, "n");
  maint_json_writer_int (w, -42);
  maint_json_writer_member (w, "d");
  maint_json_writer_double (w, 0.1);
  maint_json_writer_member (w, "third");
  maint_json_writer_double (w, 1.0 / 3.0);
  maint_json_writer_member (w, "big");
  maint_json_writer_double (w, 1e300);
  maint_json_writer_member (w, "empty");
  maint_json_writer_begin_array (w, FALSE);
  maint_json_writer_end_array (w);
  maint_json_writer_member (w, "strv");
  maint_json_writer_strv (w, strv);
  maint_json_writer_member (w, "nested");
  maint_json_writer_begin_array (w, FALSE);
  maint_json_writer_begin_object (w, TRUE);
  maint_json_writer_member (w, "x");
  maint_json_writer_begin_array (w, FALSE);  /* inline because its parent is */
  maint_json_writer_bool (w, TRUE);
  maint_json_writer_null (w);
  maint_json_writer_end_array (w);
  maint_json_writer_end_object (w);
  maint_json_writer_end_array (w);
  maint_json_writer_end_object (w);
  out = maint_json_writer_finish (w, &length);

  g_assert_cmpstr (out, ==,
                   "{\n"
                   "  \"s\": \"line\\nbreak \\\"q\\\" \\u007f é\",\n"
                   "  \"n\": -42,\n"
                   "  \"d\": 0.1,\n"
                   "  \"third\": 0.3333333333333333,\n"
                   "  \"big\": 1e+300,\n"
                   "  \"empty\": [],\n"
                   "  \"strv\": [\"a\", \"b\"],\n"
                   "  \"nested\": [\n"
                   "    {\"x\": [true, null]}\n"
                   "  ]\n"
                   "}\n");
  g_assert_cmpuint (length, ==, strlen (out));

  /* what the writer writes, the reader reads */
  {
    g_autoptr(JsonNode) root = NULL;
    g_autoptr(GError) error = NULL;

    root = maint_json_parse (out, length, &map, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (root), "third"),
                       ==, 1.0 / 3.0);
  }
}

/* The reader's path and member iteration. */
static void
test_reader_paths (void)
{
  g_autoptr(MaintJsonReader) r = maint_json_reader_new (&map);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (maint_json_reader_get_path (r), ==, "$");
  maint_json_reader_push_member (r, "machines");
  maint_json_reader_push_index (r, 12);
  maint_json_reader_push_member (r, "group");
  g_assert_cmpstr (maint_json_reader_get_path (r), ==, "machines[12].group");
  g_assert_false (maint_json_reader_fail (r, &error, MAINT_JSON_ERROR_REFERENCE,
                                          "unknown resource group %s", "\"acme\""));
  g_assert_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_REFERENCE_FAILED);
  g_assert_cmpstr (error->message, ==, "machines[12].group: unknown resource group \"acme\"");
  maint_json_reader_pop (r);
  maint_json_reader_pop (r);
  maint_json_reader_push_member (r, "with space");
  g_assert_cmpstr (maint_json_reader_get_path (r), ==, "machines[\"with space\"]");
  maint_json_reader_pop (r);
  maint_json_reader_pop (r);
  g_assert_cmpstr (maint_json_reader_get_path (r), ==, "$");
}

/* The elements @r hands out for the deferred @deferred, one by one,
 * are those of @whole, the same array parsed whole: @n of them. */
static void
assert_elements_equal (MaintJsonReader *r,
                       JsonArray       *deferred,
                       JsonArray       *whole,
                       guint            n)
{
  g_assert_cmpuint (json_array_get_length (deferred), ==, 0);
  g_assert_cmpuint (maint_json_reader_array_length (r, deferred), ==, n);
  g_assert_cmpuint (json_array_get_length (whole), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) element = maint_json_reader_array_element (r, deferred, i, &error);

      g_assert_no_error (error);
      g_assert_nonnull (element);
      g_assert_true (json_node_equal (element, json_array_get_element (whole, i)));
    }
}

/* Deferred arrays: the root's arrays of the given names come back empty
 * and their elements one at a time, parsed again; everything else, and
 * every error, is what maint_json_parse() gives. */
static void
test_reader_deferred (void)
{
  static const char * const deferred[] = { "machines", "empty", "scalar", NULL };
  static const char doc[] =
    "{\"machines\": [ {\"name\": \"vm-1\", \"tags\": [1, 2]},\n"
    "  \"text\", [3, {\"machines\": [4]}], -5.5e1, null ],\n"
    " \"empty\": [], \"scalar\": 7, \"other\": [8, 9],\n"
    " \"nested\": {\"machines\": [10]}}";
  g_autoptr(MaintJsonReader) r = maint_json_reader_new (&map);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) whole = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object, *whole_object;
  JsonArray *other, *nested;

  root = maint_json_reader_parse (r, doc, strlen (doc), deferred, &error);
  g_assert_no_error (error);
  whole = maint_json_parse (doc, strlen (doc), &map, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  whole_object = json_node_get_object (whole);

  /* the deferred array is empty in the tree, its elements come one by one */
  assert_elements_equal (r, json_object_get_array_member (object, "machines"),
                         json_object_get_array_member (whole_object, "machines"), 5);
  g_assert_cmpuint (maint_json_reader_array_length (r, json_object_get_array_member (object, "empty")),
                    ==, 0);
  /* a deferred name that is not an array, other arrays and nested arrays
   * of a deferred name: in the tree as always */
  g_assert_cmpint (json_object_get_int_member (object, "scalar"), ==, 7);
  other = json_object_get_array_member (object, "other");
  g_assert_cmpuint (json_array_get_length (other), ==, 2);
  g_assert_cmpuint (maint_json_reader_array_length (r, other), ==, 2);
  {
    g_autoptr(JsonNode) nine = maint_json_reader_array_element (r, other, 1, &error);

    g_assert_no_error (error);
    g_assert_true (nine == json_array_get_element (other, 1));
  }
  nested = json_object_get_array_member (json_object_get_object_member (object, "nested"), "machines");
  g_assert_cmpuint (json_array_get_length (nested), ==, 1);

  /* names repeat in nested and sibling objects without being duplicates,
   * also past the names kept in a list */
  {
    static const char good[] =
      "{\"machines\": [{\"a\": 1, \"b\": {\"a\": 2, \"b\": {\"a\": 3}}, \"c\": [{\"a\": 1}, {\"a\": 1}],"
      " \"k1\": 1, \"k2\": 1, \"k3\": 1, \"k4\": 1, \"k5\": 1, \"k6\": 1, \"k7\": 1, \"k8\": 1,"
      " \"k9\": 1, \"k10\": 1, \"k11\": 1, \"k12\": 1, \"k13\": 1, \"k14\": 1,"
      " \"k15\": {\"k1\": 1, \"k15\": 2}, \"k16\": 1, \"k17\": 1}, {\"a\": 1}]}";
    g_autoptr(MaintJsonReader) r2 = maint_json_reader_new (&map);
    g_autoptr(JsonNode) a = maint_json_reader_parse (r2, good, strlen (good), deferred, &error);
    g_autoptr(JsonNode) b = maint_json_parse (good, strlen (good), &map, &error);

    g_assert_no_error (error);
    assert_elements_equal (r2, json_object_get_array_member (json_node_get_object (a), "machines"),
                           json_object_get_array_member (json_node_get_object (b), "machines"), 2);
  }

  /* errors inside a deferred array are those of the whole parse */
  {
    static const char * const bad[] = {
      "{\"machines\": [{\"a\": 1}, {\"a\": 1, \"a\": 2}]}",
      /* after a nested object that had the same names */
      "{\"machines\": [{\"a\": 1, \"b\": {\"a\": 1, \"c\": 2}, \"c\": 3, \"b\": 4}]}",
      /* beyond the names kept in a list: in the set */
      "{\"machines\": [{\"k1\": 1, \"k2\": 1, \"k3\": 1, \"k4\": 1, \"k5\": 1, \"k6\": 1,"
      " \"k7\": 1, \"k8\": 1, \"k9\": 1, \"k10\": 1, \"k11\": 1, \"k12\": 1, \"k13\": 1,"
      " \"k14\": 1, \"k15\": 1, \"k16\": 1, \"k17\": 1, \"k18\": 1, \"k3\": 2}]}",
      "{\"machines\": [{\"k1\": 1, \"k2\": 1, \"k3\": 1, \"k4\": 1, \"k5\": 1, \"k6\": 1,"
      " \"k7\": 1, \"k8\": 1, \"k9\": 1, \"k10\": 1, \"k11\": 1, \"k12\": 1, \"k13\": 1,"
      " \"k14\": 1, \"k15\": 1, \"k16\": 1, \"k16\": 1}]}",
      "{\"machines\": [1,\n 2 3]}",
      "{\"machines\": [1, 99999999999999999999]}",
      "{\"machines\": [1, \"\\x\"]}",
      "{\"machines\": [1, [[[]]], ]}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(MaintJsonReader) r2 = maint_json_reader_new (&map);
        g_autoptr(GError) deferred_error = NULL;
        g_autoptr(GError) whole_error = NULL;
        g_autoptr(JsonNode) a = maint_json_reader_parse (r2, bad[i], strlen (bad[i]), deferred,
                                                         &deferred_error);
        g_autoptr(JsonNode) b = maint_json_parse (bad[i], strlen (bad[i]), &map, &whole_error);

        g_assert_null (a);
        g_assert_null (b);
        g_assert_nonnull (deferred_error);
        g_assert_nonnull (whole_error);
        g_assert_cmpint (deferred_error->code, ==, whole_error->code);
        g_assert_cmpstr (deferred_error->message, ==, whole_error->message);
      }
  }
}

/* The names a reader claims outlive the nodes they came from. */
static void
test_reader_claim_copies (void)
{
  g_autoptr(MaintJsonReader) r = maint_json_reader_new (&map);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  char *name = g_strdup ("vm-1");

  g_assert_true (maint_json_reader_claim (r, seen, name, "machine name", &error));
  g_assert_no_error (error);
  g_free (name);
  g_assert_true (g_hash_table_contains (seen, "vm-1"));
  g_assert_false (maint_json_reader_claim (r, seen, "vm-1", "machine name", &error));
  g_assert_error (error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_DUPLICATE_FAILED);
  g_assert_cmpstr (error->message, ==, "$: duplicate machine name \"vm-1\"");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fleet-json/round-trip/example", test_example_round_trip);
  g_test_add_func ("/fleet-json/round-trip/every-field", test_every_field_round_trip);
  g_test_add_func ("/fleet-json/output/minimal", test_minimal_output);
  g_test_add_func ("/fleet-json/output/canonical", test_canonical_output);

  for (gsize i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *path = g_strconcat ("/fleet-json/rule/", rules[i].name, NULL);
      g_test_add_data_func (path, &rules[i], test_rule);
    }

  g_test_add_func ("/fleet-json/limit/depth", test_limit_depth);
  g_test_add_func ("/fleet-json/limit/size", test_limit_size);
  g_test_add_func ("/fleet-json/limit/strings", test_limit_strings);
  g_test_add_func ("/fleet-json/limit/elements", test_limit_elements);
  g_test_add_func ("/fleet-json/parse/nul-byte", test_nul_byte);
  g_test_add_func ("/fleet-json/file/errors", test_file_errors);
  g_test_add_func ("/fleet-json/file/round-trip", test_file_round_trip);
  g_test_add_func ("/fleet-json/file/save-atomic", test_save_atomic);
  g_test_add_func ("/fleet-json/helpers/quote", test_quote);
  g_test_add_func ("/fleet-json/helpers/writer", test_writer);
  g_test_add_func ("/fleet-json/helpers/reader-paths", test_reader_paths);
  g_test_add_func ("/fleet-json/helpers/reader-deferred", test_reader_deferred);
  g_test_add_func ("/fleet-json/helpers/reader-claim-copies", test_reader_claim_copies);

  return g_test_run ();
}
