/* test-plan-json.c: the libmaint-plan/1 document and the text rendering
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include <libmaint/libmaint.h>

#include "maint-test-util.h"

#define T0    G_GINT64_CONSTANT (1362128400)   /* 2013-03-01T09:00:00Z */
#define HOUR  3600
#define DAY   (24 * HOUR)

static MaintSlot *
add_slot (MaintPlan          *plan,
          const char         *machine,
          const char         *group,
          const char         *start,
          const char         *end,
          const char         *local_start,
          const char         *local_end,
          const char * const *activities,
          MaintRebootKind     reboot)
{
  g_autoptr(MaintSlot) slot = maint_slot_new (machine, maint_test_at (start), maint_test_at (end));

  maint_slot_set_group (slot, group);
  maint_slot_set_local_start (slot, local_start);
  maint_slot_set_local_end (slot, local_end);
  maint_slot_set_activities (slot, activities);
  maint_slot_set_reboot (slot, reboot);
  maint_plan_add_slot (plan, slot);
  return slot;
}

/* A plan with a bit of everything: optional members set and unset, a
 * pinned slot, a guest's host downtime, unscheduled activities with and
 * without detail, reboot counts. */
static MaintPlan *
build_plan (void)
{
  MaintPlan *plan = maint_plan_new (T0);
  const char *web_ids[] = { "a-1", "a-7", NULL };
  const char *db_ids[] = { "a-8", NULL };
  const char *app_ids[] = { "b-1", NULL };
  MaintSlot *slot;
  g_autoptr(MaintHostDowntime) downtime = NULL;
  g_autoptr(MaintUnscheduled) u1 = NULL;
  g_autoptr(MaintUnscheduled) u2 = NULL;
  g_autoptr(MaintRebootCount) c1 = NULL;
  g_autoptr(MaintRebootCount) c2 = NULL;
  g_autoptr(MaintRebootCount) c3 = NULL;

  slot = add_slot (plan, "acme-web1", "acme",
                   "2013-03-04T21:00:00Z", "2013-03-04T22:00:00Z",
                   "2013-03-04T22:00:00+01:00", "2013-03-04T23:00:00+01:00",
                   web_ids, MAINT_REBOOT_KIND_COLD);
  maint_slot_set_rollout (slot, "os-2013-03");
  maint_slot_set_wave (slot, "20%");
  maint_slot_set_announce_by (slot, maint_test_at ("2013-02-25T21:00:00Z"));
  maint_slot_set_pinned (slot, TRUE);

  slot = add_slot (plan, "acme-db1", "acme",
                   "2013-03-05T22:30:00Z", "2013-03-05T23:30:00Z",
                   "2013-03-05T23:30:00+01:00", "2013-03-06T00:30:00+01:00",
                   db_ids, MAINT_REBOOT_KIND_WARM);
  maint_slot_set_announce_by (slot, maint_test_at ("2013-02-26T22:30:00Z"));

  /* across the US spring-forward night */
  add_slot (plan, "beta-app1", "beta",
            "2013-03-10T06:30:00Z", "2013-03-10T07:30:00Z",
            "2013-03-10T01:30:00-05:00", "2013-03-10T03:30:00-04:00",
            app_ids, MAINT_REBOOT_KIND_NONE);

  downtime = maint_host_downtime_new ("acme-web1", "kvm01",
                                      maint_test_at ("2013-03-07T02:00:00Z"),
                                      maint_test_at ("2013-03-07T02:30:00Z"));
  maint_plan_add_host_downtime (plan, downtime);

  u1 = maint_unscheduled_new ("a-9", "acme-db1", MAINT_UNSCHEDULED_CAPACITY,
                              "every window that fits was full");
  u2 = maint_unscheduled_new ("b-2", "beta-app1", MAINT_UNSCHEDULED_AUTO_SCHEDULE_OFF, NULL);
  maint_plan_add_unscheduled (plan, u1);
  maint_plan_add_unscheduled (plan, u2);

  c1 = maint_reboot_count_new ("acme-web1", 1, 1, 1);
  c2 = maint_reboot_count_new ("acme-db1", 1, 0, 0);
  c3 = maint_reboot_count_new ("beta-app1", 0, 0, 0);
  maint_plan_add_reboot_count (plan, c1);
  maint_plan_add_reboot_count (plan, c2);
  maint_plan_add_reboot_count (plan, c3);

  return plan;
}

static const char expected_document[] =
  "{\n"
  "  \"format\": \"libmaint-plan/1\",\n"
  "  \"now\": \"2013-03-01T09:00:00Z\",\n"
  "  \"slots\": [\n"
  "    {\n"
  "      \"machine\": \"acme-web1\",\n"
  "      \"group\": \"acme\",\n"
  "      \"start\": \"2013-03-04T21:00:00Z\",\n"
  "      \"end\": \"2013-03-04T22:00:00Z\",\n"
  "      \"local_start\": \"2013-03-04T22:00:00+01:00\",\n"
  "      \"local_end\": \"2013-03-04T23:00:00+01:00\",\n"
  "      \"activities\": [\"a-1\", \"a-7\"],\n"
  "      \"reboot\": \"cold\",\n"
  "      \"rollout\": \"os-2013-03\",\n"
  "      \"wave\": \"20%\",\n"
  "      \"announce_by\": \"2013-02-25T21:00:00Z\",\n"
  "      \"pinned\": true\n"
  "    },\n"
  "    {\n"
  "      \"machine\": \"acme-db1\",\n"
  "      \"group\": \"acme\",\n"
  "      \"start\": \"2013-03-05T22:30:00Z\",\n"
  "      \"end\": \"2013-03-05T23:30:00Z\",\n"
  "      \"local_start\": \"2013-03-05T23:30:00+01:00\",\n"
  "      \"local_end\": \"2013-03-06T00:30:00+01:00\",\n"
  "      \"activities\": [\"a-8\"],\n"
  "      \"reboot\": \"warm\",\n"
  "      \"announce_by\": \"2013-02-26T22:30:00Z\",\n"
  "      \"pinned\": false\n"
  "    },\n"
  "    {\n"
  "      \"machine\": \"beta-app1\",\n"
  "      \"group\": \"beta\",\n"
  "      \"start\": \"2013-03-10T06:30:00Z\",\n"
  "      \"end\": \"2013-03-10T07:30:00Z\",\n"
  "      \"local_start\": \"2013-03-10T01:30:00-05:00\",\n"
  "      \"local_end\": \"2013-03-10T03:30:00-04:00\",\n"
  "      \"activities\": [\"b-1\"],\n"
  "      \"reboot\": \"none\",\n"
  "      \"pinned\": false\n"
  "    }\n"
  "  ],\n"
  "  \"host_downtime\": [\n"
  "    {\"guest\": \"acme-web1\", \"host\": \"kvm01\", \"start\": \"2013-03-07T02:00:00Z\", "
  "\"end\": \"2013-03-07T02:30:00Z\"}\n"
  "  ],\n"
  "  \"unscheduled\": [\n"
  "    {\"activity\": \"a-9\", \"machine\": \"acme-db1\", \"reason\": \"capacity\", "
  "\"detail\": \"every window that fits was full\"},\n"
  "    {\"activity\": \"b-2\", \"machine\": \"beta-app1\", \"reason\": \"auto-schedule-off\"}\n"
  "  ],\n"
  "  \"reboots\": [\n"
  "    {\"machine\": \"acme-web1\", \"own\": 1, \"host\": 1, \"total\": 2, \"saved\": 1},\n"
  "    {\"machine\": \"acme-db1\", \"own\": 1, \"host\": 0, \"total\": 1, \"saved\": 0},\n"
  "    {\"machine\": \"beta-app1\", \"own\": 0, \"host\": 0, \"total\": 0, \"saved\": 0}\n"
  "  ],\n"
  "  \"stats\": {\n"
  "    \"scheduled\": 4,\n"
  "    \"unscheduled\": 2,\n"
  "    \"reboots\": 3,\n"
  "    \"reboots_saved\": 1,\n"
  "    \"latest_end\": \"2013-03-10T07:30:00Z\"\n"
  "  }\n"
  "}\n";

static void
assert_plans_equal (MaintPlan *a,
                    MaintPlan *b)
{
  GPtrArray *la, *lb;

  g_assert_cmpint (maint_plan_get_now (a), ==, maint_plan_get_now (b));

  la = maint_plan_get_slots (a);
  lb = maint_plan_get_slots (b);
  g_assert_cmpuint (la->len, ==, lb->len);
  for (guint i = 0; i < la->len; i++)
    g_assert_true (maint_slot_equal (g_ptr_array_index (la, i), g_ptr_array_index (lb, i)));

  la = maint_plan_get_host_downtime (a);
  lb = maint_plan_get_host_downtime (b);
  g_assert_cmpuint (la->len, ==, lb->len);
  for (guint i = 0; i < la->len; i++)
    {
      MaintHostDowntime *x = g_ptr_array_index (la, i), *y = g_ptr_array_index (lb, i);

      g_assert_cmpstr (maint_host_downtime_get_guest (x), ==, maint_host_downtime_get_guest (y));
      g_assert_cmpstr (maint_host_downtime_get_host (x), ==, maint_host_downtime_get_host (y));
      g_assert_cmpint (maint_host_downtime_get_start (x), ==, maint_host_downtime_get_start (y));
      g_assert_cmpint (maint_host_downtime_get_end (x), ==, maint_host_downtime_get_end (y));
    }

  la = maint_plan_get_unscheduled (a);
  lb = maint_plan_get_unscheduled (b);
  g_assert_cmpuint (la->len, ==, lb->len);
  for (guint i = 0; i < la->len; i++)
    {
      MaintUnscheduled *x = g_ptr_array_index (la, i), *y = g_ptr_array_index (lb, i);

      g_assert_cmpstr (maint_unscheduled_get_activity (x), ==, maint_unscheduled_get_activity (y));
      g_assert_cmpstr (maint_unscheduled_get_machine (x), ==, maint_unscheduled_get_machine (y));
      g_assert_cmpint (maint_unscheduled_get_reason (x), ==, maint_unscheduled_get_reason (y));
      g_assert_cmpstr (maint_unscheduled_get_detail (x), ==, maint_unscheduled_get_detail (y));
    }

  la = maint_plan_get_reboot_counts (a);
  lb = maint_plan_get_reboot_counts (b);
  g_assert_cmpuint (la->len, ==, lb->len);
  for (guint i = 0; i < la->len; i++)
    {
      MaintRebootCount *x = g_ptr_array_index (la, i), *y = g_ptr_array_index (lb, i);

      g_assert_cmpstr (maint_reboot_count_get_machine (x), ==, maint_reboot_count_get_machine (y));
      g_assert_cmpuint (maint_reboot_count_get_own (x), ==, maint_reboot_count_get_own (y));
      g_assert_cmpuint (maint_reboot_count_get_host (x), ==, maint_reboot_count_get_host (y));
      g_assert_cmpuint (maint_reboot_count_get_saved (x), ==, maint_reboot_count_get_saved (y));
    }

  g_assert_cmpuint (maint_plan_get_n_scheduled (a), ==, maint_plan_get_n_scheduled (b));
  g_assert_cmpuint (maint_plan_get_n_unscheduled (a), ==, maint_plan_get_n_unscheduled (b));
  g_assert_cmpuint (maint_plan_get_n_reboots (a), ==, maint_plan_get_n_reboots (b));
  g_assert_cmpuint (maint_plan_get_n_reboots_saved (a), ==, maint_plan_get_n_reboots_saved (b));
  g_assert_cmpint (maint_plan_get_latest_end (a), ==, maint_plan_get_latest_end (b));
}

static void
test_write_document (void)
{
  g_autoptr(MaintPlan) plan = build_plan ();
  g_autofree char *data = NULL;
  gsize length = 0;

  /* elapsed is not part of the document */
  maint_plan_set_elapsed (plan, 123456);

  data = maint_plan_to_data (plan, &length);
  g_assert_cmpstr (data, ==, expected_document);
  g_assert_cmpuint (length, ==, strlen (expected_document));
}

static void
test_round_trip (void)
{
  g_autoptr(MaintPlan) plan = build_plan ();
  g_autoptr(MaintPlan) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_length = 0, second_length = 0;

  first = maint_plan_to_data (plan, &first_length);
  copy = maint_plan_new_from_data (first, (gssize) first_length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  assert_plans_equal (plan, copy);

  second = maint_plan_to_data (copy, &second_length);
  g_assert_cmpuint (first_length, ==, second_length);
  g_assert_cmpmem (first, first_length, second, second_length);

  /* the index is rebuilt for a plan read from a document */
  g_assert_cmpstr (maint_slot_get_machine (maint_plan_lookup_slot (copy, "a-7")), ==,
                   "acme-web1");
}

static void
test_round_trip_empty (void)
{
  g_autoptr(MaintPlan) plan = maint_plan_new (T0);
  g_autoptr(MaintPlan) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;

  data = maint_plan_to_data (plan, NULL);
  g_assert_cmpstr (data, ==,
                   "{\n"
                   "  \"format\": \"libmaint-plan/1\",\n"
                   "  \"now\": \"2013-03-01T09:00:00Z\",\n"
                   "  \"slots\": [],\n"
                   "  \"host_downtime\": [],\n"
                   "  \"unscheduled\": [],\n"
                   "  \"reboots\": [],\n"
                   "  \"stats\": {\n"
                   "    \"scheduled\": 0,\n"
                   "    \"unscheduled\": 0,\n"
                   "    \"reboots\": 0,\n"
                   "    \"reboots_saved\": 0,\n"
                   "    \"latest_end\": null\n"
                   "  }\n"
                   "}\n");

  copy = maint_plan_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  assert_plans_equal (plan, copy);
  again = maint_plan_to_data (copy, NULL);
  g_assert_cmpstr (again, ==, data);
}

/* A slot with only the required members, and everything unusual that is
 * still valid: no activities, strings that need escaping. */
static void
test_round_trip_minimal (void)
{
  g_autoptr(MaintPlan) plan = maint_plan_new (T0);
  g_autoptr(MaintSlot) bare = maint_slot_new ("bare", T0 + DAY, T0 + DAY + 900);
  g_autoptr(MaintSlot) odd = maint_slot_new ("caf\xc3\xa9 \"1\"", T0 + DAY, T0 + DAY + 900);
  g_autoptr(MaintUnscheduled) u = maint_unscheduled_new ("x", "bare", MAINT_UNSCHEDULED_ROLLOUT,
                                                         "line one\n\tline \"two\" \\ caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x94\xa7");
  g_autoptr(MaintPlan) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  const char *ids[] = { "a\\b", NULL };

  maint_slot_set_activities (odd, ids);
  maint_plan_add_slot (plan, bare);
  maint_plan_add_slot (plan, odd);
  maint_plan_add_unscheduled (plan, u);

  data = maint_plan_to_data (plan, NULL);
  g_assert_nonnull (strstr (data, "      \"activities\": [],\n"));
  g_assert_null (strstr (data, "\"group\""));
  g_assert_null (strstr (data, "\"local_start\""));
  g_assert_null (strstr (data, "\"announce_by\""));

  copy = maint_plan_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  assert_plans_equal (plan, copy);
  again = maint_plan_to_data (copy, NULL);
  g_assert_cmpstr (again, ==, data);
}

/* Input may use any offset, any member order and x- extensions; output
 * is normalized. */
static void
test_read_lenient_forms (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintPlan) plan = NULL;
  g_autofree char *data = NULL;
  MaintSlot *slot;
  const char *doc =
    "{\"x-generator\": {\"name\": \"hand\", \"depth\": [[1]]},"
    " \"reboots\": [], \"unscheduled\": [], \"host_downtime\": [],"
    " \"slots\": [{\"pinned\": true, \"reboot\": \"warm\", \"activities\": [\"a-1\"],"
    "             \"end\": \"2013-03-04T23:00:00+01:00\", \"start\": \"2013-03-04T21:00:00Z\","
    "             \"machine\": \"m\", \"x-note\": \"ignored\"}],"
    " \"now\": \"2013-03-01T10:00:00+01:00\", \"format\": \"libmaint-plan/1\"}";

  plan = maint_plan_new_from_data (doc, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (maint_plan_get_now (plan), ==, T0);
  slot = g_ptr_array_index (maint_plan_get_slots (plan), 0);
  g_assert_cmpint (maint_slot_get_end (slot), ==, maint_test_at ("2013-03-04T22:00:00Z"));
  g_assert_true (maint_slot_get_pinned (slot));

  data = maint_plan_to_data (plan, NULL);
  g_assert_nonnull (strstr (data, "\"now\": \"2013-03-01T09:00:00Z\""));
  g_assert_nonnull (strstr (data, "\"end\": \"2013-03-04T22:00:00Z\""));
  g_assert_null (strstr (data, "x-"));
}

/* ------------------------------------------------------------------ */
/* Errors                                                              */

/* Documents are written with ' for " to keep them legible. */
#define HEAD  "{'format': 'libmaint-plan/1', 'now': '2013-03-01T09:00:00Z', "
#define LISTS "'host_downtime': [], 'unscheduled': [], 'reboots': []"
#define SLOT  "{'machine': 'm1', 'start': '2013-03-04T21:00:00Z', " \
              "'end': '2013-03-04T22:00:00Z', 'activities': ['a-1'], " \
              "'reboot': 'warm', 'pinned': false"
#define STATS "'stats': {'scheduled': 1, 'unscheduled': 0, 'reboots': 0, " \
              "'reboots_saved': 0, 'latest_end': '2013-03-04T22:00:00Z'"

typedef struct {
  const char     *name;
  const char     *document;
  MaintPlanError  code;
  const char     *prefix;    /* the message starts with it */
  const char     *mentions;  /* and contains this, if not NULL */
} ErrorCase;

static const ErrorCase error_cases[] = {
  /* parse */
  { "not-json", "{'format': ", MAINT_PLAN_ERROR_PARSE_FAILED, "", NULL },
  { "trailing-garbage", HEAD "'slots': [], " LISTS "} x",
    MAINT_PLAN_ERROR_PARSE_FAILED, "", NULL },
  { "not-utf8", "{'format': '\xff'}", MAINT_PLAN_ERROR_PARSE_FAILED, "", NULL },
  /* format */
  { "format-missing", "{'now': '2013-03-01T09:00:00Z', 'slots': [], " LISTS "}",
    MAINT_PLAN_ERROR_FORMAT_FAILED, "$: ", "format" },
  { "format-other", "{'format': 'libmaint-fleet/1', 'now': '2013-03-01T09:00:00Z', "
    "'slots': [], " LISTS "}",
    MAINT_PLAN_ERROR_FORMAT_FAILED, "format: ", "libmaint-fleet/1" },
  { "format-type", "{'format': 1}", MAINT_PLAN_ERROR_INVALID_FAILED, "format: ", NULL },
  /* wrong types */
  { "root-array", "[]", MAINT_PLAN_ERROR_INVALID_FAILED, "$: ", NULL },
  { "slots-object", HEAD "'slots': {}, " LISTS "}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "slots: ", NULL },
  { "slot-string", HEAD "'slots': ['m1'], " LISTS "}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "slots[0]: ", NULL },
  { "pinned-string", HEAD "'slots': [" SLOT ", 'x-a': 1}, "
    "{'machine': 'm2', 'start': '2013-03-04T21:00:00Z', 'end': '2013-03-04T22:00:00Z', "
    "'activities': [], 'reboot': 'none', 'pinned': 'yes'}], " LISTS "}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "slots[1].pinned: ", NULL },
  { "activities-number", HEAD "'slots': [{'machine': 'm1', 'start': '2013-03-04T21:00:00Z', "
    "'end': '2013-03-04T22:00:00Z', 'activities': ['a-1', 7], 'reboot': 'warm', "
    "'pinned': false}], " LISTS "}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "slots[0].activities[1]: ", NULL },
  { "own-negative", HEAD "'slots': [], 'host_downtime': [], 'unscheduled': [], "
    "'reboots': [{'machine': 'm', 'own': -1, 'host': 0, 'total': -1, 'saved': 0}]}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "reboots[0].own: ", NULL },
  { "machine-empty", HEAD "'slots': [{'machine': '', 'start': '2013-03-04T21:00:00Z', "
    "'end': '2013-03-04T22:00:00Z', 'activities': [], 'reboot': 'warm', "
    "'pinned': false}], " LISTS "}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "slots[0].machine: ", NULL },
  /* instants */
  { "start-tomorrow", HEAD "'slots': [{'machine': 'm1', 'start': 'tomorrow', "
    "'end': '2013-03-04T22:00:00Z', 'activities': [], 'reboot': 'warm', "
    "'pinned': false}], " LISTS "}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "slots[0].start: ", "\"tomorrow\"" },
  { "now-number", "{'format': 'libmaint-plan/1', 'now': 1362128400, 'slots': [], " LISTS "}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "now: ", NULL },
  { "downtime-end", HEAD "'slots': [], 'unscheduled': [], 'reboots': [], "
    "'host_downtime': [{'guest': 'g', 'host': 'h', 'start': '2013-03-04T21:00:00Z', "
    "'end': '2013-03-04'}]}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "host_downtime[0].end: ", NULL },
  { "announce-by", HEAD "'slots': [" SLOT ", 'announce_by': '2013-02-30T00:00:00Z'}], "
    LISTS "}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "slots[0].announce_by: ", NULL },
  /* unknown fields */
  { "unknown-top", HEAD "'slots': [], " LISTS ", 'colour': 'red'}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "colour: ", NULL },
  { "unknown-slot", HEAD "'slots': [" SLOT ", 'colour': 'red'}], " LISTS "}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "slots[0].colour: ", NULL },
  { "unknown-reboots", HEAD "'slots': [], 'host_downtime': [], 'unscheduled': [], "
    "'reboots': [{'machine': 'm', 'own': 0, 'host': 0, 'total': 0, 'saved': 0, 'why': 1}]}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "reboots[0].why: ", NULL },
  { "unknown-stats", HEAD "'slots': [" SLOT "}], " LISTS ", " STATS ", 'elapsed': 5}}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "stats.elapsed: ", NULL },
  /* missing required fields */
  { "missing-now", "{'format': 'libmaint-plan/1', 'slots': [], " LISTS "}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "$: ", "now" },
  { "missing-reboots", HEAD "'slots': [], 'host_downtime': [], 'unscheduled': []}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "$: ", "reboots" },
  { "missing-end", HEAD "'slots': [{'machine': 'm1', 'start': '2013-03-04T21:00:00Z', "
    "'activities': [], 'reboot': 'warm', 'pinned': false}], " LISTS "}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "slots[0]: ", "end" },
  { "missing-reason", HEAD "'slots': [], 'host_downtime': [], 'reboots': [], "
    "'unscheduled': [{'activity': 'a', 'machine': 'm'}]}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "unscheduled[0]: ", "reason" },
  /* enum nicks */
  { "reboot-nick", HEAD "'slots': [{'machine': 'm1', 'start': '2013-03-04T21:00:00Z', "
    "'end': '2013-03-04T22:00:00Z', 'activities': [], 'reboot': 'lukewarm', "
    "'pinned': false}], " LISTS "}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "slots[0].reboot: ", "lukewarm" },
  { "reason-nick", HEAD "'slots': [], 'host_downtime': [], 'reboots': [], "
    "'unscheduled': [{'activity': 'a', 'machine': 'm', 'reason': 'CAPACITY'}]}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "unscheduled[0].reason: ", NULL },
  { "machine-control", HEAD "'slots': [], 'host_downtime': [], 'reboots': [], "
    "'unscheduled': [{'activity': 'a', 'machine': 'm\\nX-Injected: 1', 'reason': 'capacity'}]}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "unscheduled[0].machine: ", NULL },
  /* values that contradict each other */
  { "end-before-start", HEAD "'slots': [{'machine': 'm1', 'start': '2013-03-04T21:00:00Z', "
    "'end': '2013-03-04T21:00:00Z', 'activities': [], 'reboot': 'warm', "
    "'pinned': false}], " LISTS "}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "slots[0].end: ", "after start" },
  { "downtime-backwards", HEAD "'slots': [], 'unscheduled': [], 'reboots': [], "
    "'host_downtime': [{'guest': 'g', 'host': 'h', 'start': '2013-03-04T21:00:00Z', "
    "'end': '2013-03-04T20:00:00Z'}]}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "host_downtime[0].end: ", NULL },
  { "local-start-other-instant", HEAD "'slots': [" SLOT
    ", 'local_start': '2013-03-04T21:00:00+01:00'}], " LISTS "}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "slots[0].local_start: ", "start" },
  { "local-end-not-instant", HEAD "'slots': [" SLOT ", 'local_end': '23:00'}], " LISTS "}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "slots[0].local_end: ", "RFC 3339" },
  { "duplicate-activity", HEAD "'slots': [{'machine': 'm1', 'start': '2013-03-04T21:00:00Z', "
    "'end': '2013-03-04T22:00:00Z', 'activities': ['a-1', 'a-1'], 'reboot': 'warm', "
    "'pinned': false}], " LISTS "}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "slots[0].activities", NULL },
  { "total", HEAD "'slots': [], 'host_downtime': [], 'unscheduled': [], "
    "'reboots': [{'machine': 'm', 'own': 1, 'host': 1, 'total': 3, 'saved': 0}]}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "reboots[0].total: ", "2" },
  /* stats, when present, must match the lists */
  { "stats-scheduled", HEAD "'slots': [" SLOT "}], " LISTS ", "
    "'stats': {'scheduled': 2, 'unscheduled': 0, 'reboots': 0, 'reboots_saved': 0, "
    "'latest_end': '2013-03-04T22:00:00Z'}}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "stats.scheduled: ", "says 2, but the slots hold 1" },
  { "stats-reboots", HEAD "'slots': [], 'host_downtime': [], 'unscheduled': [], "
    "'reboots': [{'machine': 'm', 'own': 1, 'host': 1, 'total': 2, 'saved': 0}], "
    "'stats': {'scheduled': 0, 'unscheduled': 0, 'reboots': 1, 'reboots_saved': 0, "
    "'latest_end': null}}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "stats.reboots: ", NULL },
  { "stats-latest-end", HEAD "'slots': [" SLOT "}], " LISTS ", "
    "'stats': {'scheduled': 1, 'unscheduled': 0, 'reboots': 0, 'reboots_saved': 0, "
    "'latest_end': '2013-03-04T23:00:00Z'}}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "stats.latest_end: ", "says 2013-03-04T23:00:00Z, but the latest slot ends at 2013-03-04T22:00:00Z" },
  { "stats-latest-end-null", HEAD "'slots': [" SLOT "}], " LISTS ", "
    "'stats': {'scheduled': 1, 'unscheduled': 0, 'reboots': 0, 'reboots_saved': 0, "
    "'latest_end': null}}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "stats.latest_end: ", NULL },
  { "stats-missing-member", HEAD "'slots': [], " LISTS ", 'stats': {'scheduled': 0}}",
    MAINT_PLAN_ERROR_INVALID_FAILED, "stats: ", "unscheduled" },
};

static void
test_error_case (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autofree char *document = g_strdelimit (g_strdup (c->document), "'", '"');
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintPlan) plan = NULL;

  plan = maint_plan_new_from_data (document, -1, &error);
  g_assert_null (plan);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, MAINT_PLAN_ERROR, (int) c->code);
  if (!g_str_has_prefix (error->message, c->prefix))
    g_error ("%s: message \"%s\" does not start with \"%s\"", c->name, error->message, c->prefix);
  if (c->mentions != NULL && strstr (error->message, c->mentions) == NULL)
    g_error ("%s: message \"%s\" does not mention \"%s\"", c->name, error->message, c->mentions);
}

/* The valid skeletons the error cases are made from do load: so each case
 * fails for the reason it names. */
static void
test_error_skeletons_valid (void)
{
  const char *documents[] = {
    HEAD "'slots': [" SLOT "}], " LISTS "}",
    HEAD "'slots': [" SLOT "}], " LISTS ", " STATS "}}",
    HEAD "'slots': [" SLOT ", 'local_start': '2013-03-04T22:00:00+01:00', "
    "'local_end': '2013-03-04T17:00:00-05:00'}], " LISTS "}",
    HEAD "'slots': [], 'host_downtime': [], 'unscheduled': [], "
    "'reboots': [{'machine': 'm', 'own': 1, 'host': 1, 'total': 2, 'saved': 0}], "
    "'stats': {'scheduled': 0, 'unscheduled': 0, 'reboots': 2, 'reboots_saved': 0, "
    "'latest_end': null}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autofree char *document = g_strdelimit (g_strdup (documents[i]), "'", '"');
      g_autoptr(GError) error = NULL;
      g_autoptr(MaintPlan) plan = maint_plan_new_from_data (document, -1, &error);

      g_assert_no_error (error);
      g_assert_nonnull (plan);
    }
}

/* ------------------------------------------------------------------ */
/* Limits and files                                                    */

#define MAX_SIZE (128 * 1024 * 1024)

static void
test_limit_size_data (void)
{
  g_autofree char *data = g_malloc (MAX_SIZE + 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintPlan) plan = NULL;

  /* a well-formed document, padded with whitespace past the limit */
  memset (data, ' ', MAX_SIZE + 1);
  memcpy (data, "{}", 2);
  data[MAX_SIZE + 1] = '\0';

  plan = maint_plan_new_from_data (data, MAX_SIZE + 1, &error);
  g_assert_null (plan);
  g_assert_error (error, MAINT_PLAN_ERROR, MAINT_PLAN_ERROR_LIMIT_FAILED);
}

static void
test_limit_size_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-plan-json-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintPlan) plan = NULL;
  int fd;

  /* sparse: nothing is written, the size alone must be refused */
  fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, MAX_SIZE + 1), ==, 0);
  close (fd);

  plan = maint_plan_new_from_file (path, &error);
  g_assert_null (plan);
  g_assert_error (error, MAINT_PLAN_ERROR, MAINT_PLAN_ERROR_LIMIT_FAILED);

  g_unlink (path);
  g_rmdir (dir);
}

static char *
nested_document (guint depth)
{
  GString *s = g_string_new ("{\"format\": \"libmaint-plan/1\", \"now\": \"2013-03-01T09:00:00Z\", "
                             "\"slots\": [], \"host_downtime\": [], \"unscheduled\": [], "
                             "\"reboots\": [], \"x-deep\": ");

  /* the root object is one level */
  for (guint i = 1; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 1; i < depth; i++)
    g_string_append_c (s, ']');
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

static void
test_limit_depth (void)
{
  g_autofree char *ok = nested_document (64);
  g_autofree char *too_deep = nested_document (65);
  g_autofree char *very_deep = nested_document (100000);
  g_autoptr(GError) error = NULL;
  g_autoptr(MaintPlan) plan = NULL;

  plan = maint_plan_new_from_data (ok, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_clear_object (&plan);

  plan = maint_plan_new_from_data (too_deep, -1, &error);
  g_assert_null (plan);
  g_assert_error (error, MAINT_PLAN_ERROR, MAINT_PLAN_ERROR_LIMIT_FAILED);
  g_clear_error (&error);

  /* refused before json-glib could recurse into it */
  plan = maint_plan_new_from_data (very_deep, -1, &error);
  g_assert_null (plan);
  g_assert_error (error, MAINT_PLAN_ERROR, MAINT_PLAN_ERROR_LIMIT_FAILED);
}

static void
test_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-plan-json-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *missing_dir = g_build_filename (dir, "no", "such", "plan.json", NULL);
  g_autoptr(MaintPlan) plan = build_plan ();
  g_autoptr(MaintPlan) copy = NULL;
  g_autoptr(MaintPlan) empty = maint_plan_new (T0);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  gsize length = 0;
  g_autoptr(GDir) listing = NULL;
  guint n_entries = 0;

  g_assert_true (maint_plan_save_to_file (plan, path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  expected = maint_plan_to_data (plan, NULL);
  g_assert_cmpstr (contents, ==, expected);

  copy = maint_plan_new_from_file (path, &error);
  g_assert_no_error (error);
  assert_plans_equal (plan, copy);

  /* overwriting replaces the file and leaves no temporary behind */
  g_assert_true (maint_plan_save_to_file (empty, path, &error));
  g_assert_no_error (error);
  g_clear_object (&copy);
  copy = maint_plan_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (maint_plan_get_slots (copy)->len, ==, 0);
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_entries++;
  g_assert_cmpuint (n_entries, ==, 1);

  /* unwritable and unreadable places */
  g_assert_false (maint_plan_save_to_file (plan, missing_dir, &error));
  g_assert_error (error, MAINT_PLAN_ERROR, MAINT_PLAN_ERROR_IO_FAILED);
  g_assert_true (g_str_has_prefix (error->message, missing_dir));
  g_clear_error (&error);

  g_clear_object (&copy);
  copy = maint_plan_new_from_file (missing_dir, &error);
  g_assert_null (copy);
  g_assert_error (error, MAINT_PLAN_ERROR, MAINT_PLAN_ERROR_IO_FAILED);

  g_unlink (path);
  g_rmdir (dir);
}

/* ------------------------------------------------------------------ */
/* Text                                                                */

static void
add_activity (MaintFleet        *fleet,
              const char        *id,
              const char        *machine,
              MaintActivityKind  kind)
{
  g_autoptr(MaintActivity) activity = maint_activity_new (id, machine, kind);
  g_autoptr(GError) error = NULL;

  g_assert_true (maint_fleet_add_activity (fleet, activity, &error));
  g_assert_no_error (error);
}

static MaintFleet *
build_fleet (void)
{
  MaintFleet *fleet = maint_fleet_new ();

  /* added out of order: the text sorts groups by name */
  maint_test_add_group (fleet, "infra", "UTC", NULL, 0);
  maint_test_add_group (fleet, "beta", "America/New_York", NULL, 2 * DAY);
  maint_test_add_group (fleet, "acme", "Europe/Berlin", NULL, 7 * DAY);
  maint_test_add_machine (fleet, "kvm01", "infra", MAINT_MACHINE_KIND_HOST, NULL);
  maint_test_add_machine (fleet, "acme-web1", "acme", MAINT_MACHINE_KIND_VM, "kvm01");
  maint_test_add_machine (fleet, "acme-db1", "acme", MAINT_MACHINE_KIND_VM, "kvm01");
  maint_test_add_machine (fleet, "beta-app1", "beta", MAINT_MACHINE_KIND_VM, "kvm01");
  add_activity (fleet, "a-1", "acme-web1", MAINT_ACTIVITY_KIND_KERNEL_UPDATE);
  add_activity (fleet, "a-7", "acme-web1", MAINT_ACTIVITY_KIND_MEMORY_RESIZE);
  add_activity (fleet, "a-8", "acme-db1", MAINT_ACTIVITY_KIND_REBOOT);
  add_activity (fleet, "a-9", "acme-db1", MAINT_ACTIVITY_KIND_FS_CHECK);
  add_activity (fleet, "b-1", "beta-app1", MAINT_ACTIVITY_KIND_SYSTEM_UPDATE);
  add_activity (fleet, "b-2", "beta-app1", MAINT_ACTIVITY_KIND_CUSTOM);

  return fleet;
}

static void
assert_has_line (const char *text,
                 const char *line)
{
  g_autofree char *needle = g_strdup_printf ("\n%s\n", line);
  g_autofree char *haystack = g_strdup_printf ("\n%s", text);

  if (strstr (haystack, needle) == NULL)
    g_error ("line not found:\n%s\nin:\n%s", line, text);
}

static gsize
line_position (const char *text,
               const char *line)
{
  g_autofree char *needle = g_strdup_printf ("\n%s\n", line);
  g_autofree char *haystack = g_strdup_printf ("\n%s", text);
  const char *found = strstr (haystack, needle);

  g_assert_nonnull (found);
  return found - haystack;
}

static void
assert_lines_short (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_true (g_str_has_suffix (text, "\n"));
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_utf8_strlen (lines[i], -1) >= 160)
      g_error ("line %u is %ld characters long: %s", i + 1,
               g_utf8_strlen (lines[i], -1), lines[i]);
}

static void
test_text_with_fleet (void)
{
  g_autoptr(MaintFleet) fleet = build_fleet ();
  g_autoptr(MaintPlan) plan = build_plan ();
  g_autofree char *text = maint_plan_to_text (plan, fleet);
  g_autofree char *again = maint_plan_to_text (plan, fleet);

  g_test_message ("%s", text);
  g_assert_cmpstr (text, ==, again);
  assert_lines_short (text);

  assert_has_line (text, "Maintenance plan as of 2013-03-01T09:00:00Z: 4 scheduled, 2 unscheduled, "
                   "3 reboots (1 saved), latest end 2013-03-10T07:30:00Z");
  assert_has_line (text, "acme: time zone Europe/Berlin, notice P7D, 2 slots, 1 host downtime");
  assert_has_line (text, "  acme-web1  2013-03-04 22:00-23:00 CET = 2013-03-04 21:00-22:00 UTC  "
                   "cold reboot  wave os-2013-03/20%: a-1 kernel-update, a-7 memory-resize  [pinned]");
  /* across local midnight */
  assert_has_line (text, "  acme-db1  2013-03-05 23:30-2013-03-06 00:30 CET = "
                   "2013-03-05 22:30-23:30 UTC  warm reboot: a-8 reboot");
  assert_has_line (text, "  acme-web1  2013-03-07 03:00-03:30 CET = 2013-03-07 02:00-02:30 UTC  "
                   "down for the reboot of host kvm01");
  assert_has_line (text, "beta: time zone America/New_York, notice P2D, 1 slot");
  /* across the spring-forward gap: the abbreviation changes */
  assert_has_line (text, "  beta-app1  2013-03-10 01:30 EST-03:30 EDT = "
                   "2013-03-10 06:30-07:30 UTC  no reboot: b-1 system-update");
  assert_has_line (text, "Unscheduled: 2 activities");
  assert_has_line (text, "  a-9 fs-check on acme-db1: capacity - every window that fits was full");
  assert_has_line (text, "  b-2 custom on beta-app1: auto-schedule-off");
  assert_has_line (text, "Reboots: 3 in all, 1 saved, 2 machines rebooted");
  assert_has_line (text, "  acme-web1  own 1, host 1, total 2, saved 1");
  assert_has_line (text, "  acme-db1  own 1, host 0, total 1, saved 0");
  /* machines without reboots are not listed */
  g_assert_null (strstr (text, "beta-app1  own"));

  /* groups sorted by name; sections in order */
  g_assert_cmpuint (line_position (text, "acme: time zone Europe/Berlin, notice P7D, 2 slots, "
                                   "1 host downtime"),
                    <, line_position (text, "beta: time zone America/New_York, notice P2D, 1 slot"));
  g_assert_cmpuint (line_position (text, "beta: time zone America/New_York, notice P2D, 1 slot"),
                    <, line_position (text, "Unscheduled: 2 activities"));
  g_assert_cmpuint (line_position (text, "Unscheduled: 2 activities"),
                    <, line_position (text, "Reboots: 3 in all, 1 saved, 2 machines rebooted"));
}

static void
test_text_without_fleet (void)
{
  g_autoptr(MaintPlan) plan = build_plan ();
  g_autofree char *text = maint_plan_to_text (plan, NULL);

  g_test_message ("%s", text);
  assert_lines_short (text);

  /* ids only; local times labelled with the offsets the slots carry */
  assert_has_line (text, "acme, 2 slots, 1 host downtime");
  assert_has_line (text, "  acme-web1  2013-03-04 22:00-23:00 UTC+01:00 = 2013-03-04 21:00-22:00 UTC  "
                   "cold reboot  wave os-2013-03/20%: a-1, a-7  [pinned]");
  assert_has_line (text, "  beta-app1  2013-03-10 01:30 UTC-05:00-03:30 UTC-04:00 = "
                   "2013-03-10 06:30-07:30 UTC  no reboot: b-1");
  assert_has_line (text, "  a-9 on acme-db1: capacity - every window that fits was full");
  /* no zone and no local time known: UTC only */
  assert_has_line (text, "  acme-web1  2013-03-07 02:00-02:30 UTC  down for the reboot of host kvm01");
}

static void
test_text_long_lines (void)
{
  g_autoptr(MaintPlan) plan = maint_plan_new (T0);
  g_autoptr(MaintSlot) slot = maint_slot_new ("acme-web1", T0 + DAY, T0 + DAY + HOUR);
  g_autoptr(MaintUnscheduled) u = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *long_word = g_strnfill (300, 'x');

  for (guint i = 0; i < 60; i++)
    g_ptr_array_add (ids, g_strdup_printf ("activity-%02u", i));
  g_ptr_array_add (ids, NULL);
  maint_slot_set_activities (slot, (const char * const *) ids->pdata);
  maint_plan_add_slot (plan, slot);

  for (guint i = 0; i < 40; i++)
    g_string_append (detail, "every window is full ");
  g_string_append (detail, long_word);   /* one word longer than a line */
  u = maint_unscheduled_new ("z", "m\nFake: header", MAINT_UNSCHEDULED_CAPACITY, detail->str);
  maint_plan_add_unscheduled (plan, u);

  text = maint_plan_to_text (plan, NULL);
  g_test_message ("%s", text);
  assert_lines_short (text);

  /* nothing lost in the wrapping */
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *id = g_strdup_printf ("activity-%02u%s", i, i == 59 ? "" : ",");

      g_assert_nonnull (strstr (text, id));
    }
  /* a name cannot start a line of its own */
  g_assert_null (strstr (text, "\nFake: header"));
  assert_has_line (text, "  z on m?Fake: header: capacity - every window is full every window is full "
                   "every window is full every window is full every window is full every window is full");
  /* the over-long word is cut, not dropped: undo the wrapping and find
   * it whole */
  {
    g_auto(GStrv) pieces = g_strsplit (text, "\n      ", -1);
    g_autofree char *x301 = g_strnfill (301, 'x');

    flat = g_strjoinv ("", pieces);
    g_assert_nonnull (strstr (flat, long_word));
    g_assert_null (strstr (flat, x301));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-json/write", test_write_document);
  g_test_add_func ("/plan-json/round-trip", test_round_trip);
  g_test_add_func ("/plan-json/round-trip/empty", test_round_trip_empty);
  g_test_add_func ("/plan-json/round-trip/minimal", test_round_trip_minimal);
  g_test_add_func ("/plan-json/read/lenient-forms", test_read_lenient_forms);
  g_test_add_func ("/plan-json/errors/skeletons-valid", test_error_skeletons_valid);
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/plan-json/errors/%s", error_cases[i].name);

      g_test_add_data_func (path, &error_cases[i], test_error_case);
    }
  g_test_add_func ("/plan-json/limits/size-data", test_limit_size_data);
  g_test_add_func ("/plan-json/limits/size-file", test_limit_size_file);
  g_test_add_func ("/plan-json/limits/depth", test_limit_depth);
  g_test_add_func ("/plan-json/files", test_files);
  g_test_add_func ("/plan-json/text/with-fleet", test_text_with_fleet);
  g_test_add_func ("/plan-json/text/without-fleet", test_text_without_fleet);
  g_test_add_func ("/plan-json/text/long-lines", test_text_long_lines);

  return g_test_run ();
}
