/* maint-plan-json.c: the libmaint-plan/1 document and the text rendering of a plan
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "maint-plan.h"
#include "maint-plan-private.h"
#include "maint-enum-types.h"
#include "maint-json-private.h"
#include "maint-time.h"

/* The document:
 *
 *   { "format": "libmaint-plan/1", "now": INSTANT,
 *     "slots": [ { "machine", "group"?, "start", "end", "local_start"?,
 *                  "local_end"?, "activities", "reboot", "rollout"?,
 *                  "wave"?, "announce_by"?, "pinned" } … ],
 *     "host_downtime": [ { "guest", "host", "start", "end", "activities"? } … ],
 *     "unscheduled": [ { "activity", "machine", "reason", "detail"? } … ],
 *     "reboots": [ { "machine", "own", "host", "total", "saved" } … ],
 *     "late"?: [ { "activity", "machine", "deadline", "end", "lateness" } … ],
 *     "findings"?: [ { "kind", "service"?, "machines", "host"?, "detail"? } … ],
 *     "stats": { "scheduled", "unscheduled", "reboots", "reboots_saved",
 *                "latest_end" } }
 *
 * Members marked "?" are written only when set, so every plan built in
 * code survives a round trip. Lists are written in plan order: the
 * scheduler already adds them in a deterministic order, and re-sorting
 * here would hide it if it ever did not.
 *
 * Statistics are derived data. On input `stats` is optional (tools that
 * write plans need not compute it), but when present it must agree with
 * the lists: a summary that contradicts the content means the document
 * was edited carelessly or is corrupt, and quietly recomputing it would
 * hide that. `total` of a reboot count must likewise equal own + host.
 *
 * What the reader does not check is whether the plan is any good:
 * overlapping slots, an activity in two slots, a slot outside its
 * windows. Those are for the verifier, which must be able to load a
 * broken plan to report on it.
 */

static const MaintJsonErrorMap plan_error_map = {
  maint_plan_error_quark,
  {
    [MAINT_JSON_ERROR_PARSE]     = MAINT_PLAN_ERROR_PARSE_FAILED,
    [MAINT_JSON_ERROR_FORMAT]    = MAINT_PLAN_ERROR_FORMAT_FAILED,
    [MAINT_JSON_ERROR_INVALID]   = MAINT_PLAN_ERROR_INVALID_FAILED,
    [MAINT_JSON_ERROR_REFERENCE] = MAINT_PLAN_ERROR_INVALID_FAILED,
    [MAINT_JSON_ERROR_DUPLICATE] = MAINT_PLAN_ERROR_INVALID_FAILED,
    [MAINT_JSON_ERROR_LIMIT]     = MAINT_PLAN_ERROR_LIMIT_FAILED,
    [MAINT_JSON_ERROR_IO]        = MAINT_PLAN_ERROR_IO_FAILED,
  },
};

/* ------------------------------------------------------------------ */
/* Reading                                                             */

/* Fails with @message at the member @name of the current object. */
static gboolean
fail_at_member (MaintJsonReader  *r,
                const char       *name,
                GError          **error,
                const char       *message)
{
  maint_json_reader_push_member (r, name);
  return maint_json_reader_fail (r, error, MAINT_JSON_ERROR_INVALID, "%s", message);
}

/* A local time must be an RFC 3339 text for the same instant as the UTC
 * one; the offset is the group's and is not checked here (the reader has
 * no fleet). */
static gboolean
read_local (MaintJsonReader  *r,
            JsonNode         *node,
            gint64            expected,
            const char       *utc_name,
            char            **out,
            GError          **error)
{
  const char *text = NULL;
  gint64 instant = 0;

  if (!maint_json_read_string (r, node, MAINT_JSON_FLAGS_NAME, &text, error))
    return FALSE;
  if (!maint_instant_parse (text, &instant, NULL))
    {
      g_autofree char *quoted = maint_json_quote (text);

      return maint_json_reader_fail (r, error, MAINT_JSON_ERROR_INVALID,
                                     "expected an RFC 3339 instant with the group's offset, got %s",
                                     quoted);
    }
  if (expected != 0 && instant != expected)
    {
      g_autofree char *quoted = maint_json_quote (text);

      return maint_json_reader_fail (r, error, MAINT_JSON_ERROR_INVALID,
                                     "%s is not the same instant as %s", quoted, utc_name);
    }

  *out = g_strdup (text);
  return TRUE;
}

/* What reading a plan's lists keeps: the plan, and the names its objects
 * share (maint-plan-private.h), by their text. */
typedef struct
{
  MaintPlan  *plan;
  GHashTable *names;   /* a GRefString, as its own key */
} PlanRead;

/* @text's shared name (borrowed), or NULL for NULL */
static char *
shared_name (PlanRead   *ctx,
             const char *text)
{
  char *name;

  if (text == NULL)
    return NULL;
  name = g_hash_table_lookup (ctx->names, text);
  if (name == NULL)
    {
      name = g_ref_string_new (text);
      g_hash_table_add (ctx->names, name);
    }
  return name;
}

static gboolean
read_slot (MaintJsonReader  *r,
           JsonNode         *node,
           PlanRead         *ctx,
           GError          **error)
{
  static const char * const required[] = {
    "machine", "start", "end", "activities", "reboot", "pinned", NULL
  };
  g_autoptr(MaintSlot) slot = NULL;
  g_auto(GStrv) activities = NULL;
  g_autofree char *local_start = NULL;
  g_autofree char *local_end = NULL;
  JsonNode *local_start_node = NULL;
  JsonNode *local_end_node = NULL;
  const char *machine = NULL;
  const char *group = NULL;
  const char *rollout = NULL;
  const char *wave = NULL;
  gint64 start = 0, end = 0, announce_by = 0;
  gboolean pinned = FALSE;
  int reboot = MAINT_REBOOT_KIND_NONE;
  JsonObject *object = NULL;
  MaintJsonMemberIter iter;
  const char *name = NULL;
  JsonNode *value = NULL;

  if (!maint_json_read_object (r, node, &object, error) ||
      !maint_json_reader_require (r, object, required, error))
    return FALSE;

  maint_json_member_iter_init (&iter, r, object);
  while (maint_json_member_iter_next (&iter, &name, &value))
    {
      gboolean ok;

      if (g_str_equal (name, "machine"))
        ok = maint_json_read_string (r, value, MAINT_JSON_FLAGS_NAME, &machine, error);
      else if (g_str_equal (name, "group"))
        ok = maint_json_read_string (r, value, MAINT_JSON_FLAGS_NAME, &group, error);
      else if (g_str_equal (name, "start"))
        ok = maint_json_read_instant (r, value, &start, error);
      else if (g_str_equal (name, "end"))
        ok = maint_json_read_instant (r, value, &end, error);
      else if (g_str_equal (name, "local_start"))
        {
          /* checked against start once all members are read */
          local_start_node = value;
          ok = TRUE;
        }
      else if (g_str_equal (name, "local_end"))
        {
          local_end_node = value;
          ok = TRUE;
        }
      else if (g_str_equal (name, "activities"))
        ok = maint_json_read_strv (r, value,
                                   MAINT_JSON_FLAGS_NAME | MAINT_JSON_FLAGS_UNIQUE,
                                   &activities, error);
      else if (g_str_equal (name, "reboot"))
        ok = maint_json_read_enum (r, value, MAINT_TYPE_REBOOT_KIND, -1, &reboot, error);
      else if (g_str_equal (name, "rollout"))
        ok = maint_json_read_string (r, value, MAINT_JSON_FLAGS_NAME, &rollout, error);
      else if (g_str_equal (name, "wave"))
        ok = maint_json_read_string (r, value, MAINT_JSON_FLAGS_NAME, &wave, error);
      else if (g_str_equal (name, "announce_by"))
        ok = maint_json_read_instant (r, value, &announce_by, error);
      else if (g_str_equal (name, "pinned"))
        ok = maint_json_read_bool (r, value, &pinned, error);
      else
        ok = maint_json_reader_unknown_member (r, name, error);

      if (!ok)
        return FALSE;
    }

  if (end <= start)
    return fail_at_member (r, "end", error, "must be after start");

  if (local_start_node != NULL)
    {
      gboolean ok;

      maint_json_reader_push_member (r, "local_start");
      ok = read_local (r, local_start_node, start, "start", &local_start, error);
      maint_json_reader_pop (r);
      if (!ok)
        return FALSE;
    }
  if (local_end_node != NULL)
    {
      gboolean ok;

      maint_json_reader_push_member (r, "local_end");
      ok = read_local (r, local_end_node, end, "end", &local_end, error);
      maint_json_reader_pop (r);
      if (!ok)
        return FALSE;
    }

  slot = maint_slot_new_take (shared_name (ctx, machine), shared_name (ctx, group), start, end,
                              g_steal_pointer (&local_start), g_steal_pointer (&local_end),
                              maint_strv_pack ((const char * const *) activities, -1), reboot, announce_by, pinned,
                              shared_name (ctx, rollout), shared_name (ctx, wave));
  maint_plan_add_slot (ctx->plan, slot);

  return TRUE;
}

static gboolean
read_host_downtime (MaintJsonReader  *r,
                    JsonNode         *node,
                    PlanRead         *ctx,
                    GError          **error)
{
  static const char * const required[] = { "guest", "host", "start", "end", NULL };
  g_autoptr(MaintHostDowntime) downtime = NULL;
  const char *guest = NULL;
  const char *host = NULL;
  g_auto(GStrv) activities = NULL;
  gint64 start = 0, end = 0;
  JsonObject *object = NULL;
  MaintJsonMemberIter iter;
  const char *name = NULL;
  JsonNode *value = NULL;

  if (!maint_json_read_object (r, node, &object, error) ||
      !maint_json_reader_require (r, object, required, error))
    return FALSE;

  maint_json_member_iter_init (&iter, r, object);
  while (maint_json_member_iter_next (&iter, &name, &value))
    {
      gboolean ok;

      if (g_str_equal (name, "guest"))
        ok = maint_json_read_string (r, value, MAINT_JSON_FLAGS_NAME, &guest, error);
      else if (g_str_equal (name, "host"))
        ok = maint_json_read_string (r, value, MAINT_JSON_FLAGS_NAME, &host, error);
      else if (g_str_equal (name, "start"))
        ok = maint_json_read_instant (r, value, &start, error);
      else if (g_str_equal (name, "end"))
        ok = maint_json_read_instant (r, value, &end, error);
      else if (g_str_equal (name, "activities"))
        ok = maint_json_read_strv (r, value,
                                   MAINT_JSON_FLAGS_NAME | MAINT_JSON_FLAGS_UNIQUE,
                                   &activities, error);
      else
        ok = maint_json_reader_unknown_member (r, name, error);

      if (!ok)
        return FALSE;
    }

  if (end <= start)
    return fail_at_member (r, "end", error, "must be after start");

  downtime = maint_host_downtime_new_take (shared_name (ctx, guest), shared_name (ctx, host), start, end,
                                           maint_strv_pack ((const char * const *) activities, -1));
  maint_plan_add_host_downtime (ctx->plan, downtime);

  return TRUE;
}

static gboolean
read_late (MaintJsonReader  *r,
           JsonNode         *node,
           PlanRead         *ctx,
           GError          **error)
{
  static const char * const required[] = { "activity", "machine", "deadline", "end", NULL };
  g_autoptr(MaintLateActivity) late = NULL;
  const char *activity = NULL;
  const char *machine = NULL;
  gint64 deadline = 0, end = 0, lateness = 0;
  gboolean has_lateness = FALSE;
  JsonObject *object = NULL;
  MaintJsonMemberIter iter;
  const char *name = NULL;
  JsonNode *value = NULL;

  if (!maint_json_read_object (r, node, &object, error) ||
      !maint_json_reader_require (r, object, required, error))
    return FALSE;

  maint_json_member_iter_init (&iter, r, object);
  while (maint_json_member_iter_next (&iter, &name, &value))
    {
      gboolean ok;

      if (g_str_equal (name, "activity"))
        ok = maint_json_read_string (r, value, MAINT_JSON_FLAGS_NAME, &activity, error);
      else if (g_str_equal (name, "machine"))
        ok = maint_json_read_string (r, value, MAINT_JSON_FLAGS_NAME, &machine, error);
      else if (g_str_equal (name, "deadline"))
        ok = maint_json_read_instant (r, value, &deadline, error);
      else if (g_str_equal (name, "end"))
        ok = maint_json_read_instant (r, value, &end, error);
      else if (g_str_equal (name, "lateness"))
        ok = has_lateness = maint_json_read_duration (r, value, &lateness, error);
      else
        ok = maint_json_reader_unknown_member (r, name, error);

      if (!ok)
        return FALSE;
    }

  if (end <= deadline)
    return fail_at_member (r, "end", error, "must be after the deadline");
  /* derived, like a reboot count's total: it must agree */
  if (has_lateness && lateness != end - deadline)
    return fail_at_member (r, "lateness", error, "must be end − deadline");

  late = maint_late_activity_new (activity, machine, deadline, end);
  maint_plan_add_late (ctx->plan, late);

  return TRUE;
}

static gboolean
read_finding (MaintJsonReader  *r,
              JsonNode         *node,
              PlanRead         *ctx,
              GError          **error)
{
  static const char * const required[] = { "kind", "machines", NULL };
  g_autoptr(MaintFinding) finding = NULL;
  const char *service = NULL;
  const char *host = NULL;
  const char *detail = NULL;
  g_auto(GStrv) machines = NULL;
  int kind = 0;
  JsonObject *object = NULL;
  MaintJsonMemberIter iter;
  const char *name = NULL;
  JsonNode *value = NULL;

  if (!maint_json_read_object (r, node, &object, error) ||
      !maint_json_reader_require (r, object, required, error))
    return FALSE;

  maint_json_member_iter_init (&iter, r, object);
  while (maint_json_member_iter_next (&iter, &name, &value))
    {
      gboolean ok;

      if (g_str_equal (name, "kind"))
        ok = maint_json_read_enum (r, value, MAINT_TYPE_FINDING_KIND, -1, &kind, error);
      else if (g_str_equal (name, "service"))
        ok = maint_json_read_string (r, value, MAINT_JSON_FLAGS_NAME, &service, error);
      else if (g_str_equal (name, "machines"))
        ok = maint_json_read_strv (r, value,
                                   MAINT_JSON_FLAGS_NAME | MAINT_JSON_FLAGS_UNIQUE,
                                   &machines, error);
      else if (g_str_equal (name, "host"))
        ok = maint_json_read_string (r, value, MAINT_JSON_FLAGS_NAME, &host, error);
      else if (g_str_equal (name, "detail"))
        ok = maint_json_read_string (r, value, MAINT_JSON_FLAGS_NONE, &detail, error);
      else
        ok = maint_json_reader_unknown_member (r, name, error);

      if (!ok)
        return FALSE;
    }

  finding = maint_finding_new (kind, service, (const char * const *) machines, host, detail);
  maint_plan_add_finding (ctx->plan, finding);

  return TRUE;
}

static gboolean
read_unscheduled (MaintJsonReader  *r,
                  JsonNode         *node,
                  PlanRead         *ctx,
                  GError          **error)
{
  static const char * const required[] = { "activity", "machine", "reason", NULL };
  g_autoptr(MaintUnscheduled) unscheduled = NULL;
  const char *activity = NULL;
  const char *machine = NULL;
  const char *detail = NULL;
  int reason = 0;
  JsonObject *object = NULL;
  MaintJsonMemberIter iter;
  const char *name = NULL;
  JsonNode *value = NULL;

  if (!maint_json_read_object (r, node, &object, error) ||
      !maint_json_reader_require (r, object, required, error))
    return FALSE;

  maint_json_member_iter_init (&iter, r, object);
  while (maint_json_member_iter_next (&iter, &name, &value))
    {
      gboolean ok;

      if (g_str_equal (name, "activity"))
        ok = maint_json_read_string (r, value, MAINT_JSON_FLAGS_NAME, &activity, error);
      else if (g_str_equal (name, "machine"))
        ok = maint_json_read_string (r, value, MAINT_JSON_FLAGS_NAME, &machine, error);
      else if (g_str_equal (name, "reason"))
        ok = maint_json_read_enum (r, value, MAINT_TYPE_UNSCHEDULED_REASON, -1, &reason, error);
      else if (g_str_equal (name, "detail"))
        ok = maint_json_read_string (r, value, MAINT_JSON_FLAGS_NONE, &detail, error);
      else
        ok = maint_json_reader_unknown_member (r, name, error);

      if (!ok)
        return FALSE;
    }

  unscheduled = maint_unscheduled_new_shared (activity, shared_name (ctx, machine), reason, detail);
  maint_plan_add_unscheduled (ctx->plan, unscheduled);

  return TRUE;
}

static gboolean
read_reboot_count (MaintJsonReader  *r,
                   JsonNode         *node,
                   PlanRead         *ctx,
                   GError          **error)
{
  static const char * const required[] = {
    "machine", "own", "host", "total", "saved", NULL
  };
  g_autoptr(MaintRebootCount) count = NULL;
  const char *machine = NULL;
  guint own = 0, host = 0, total = 0, saved = 0;
  JsonObject *object = NULL;
  MaintJsonMemberIter iter;
  const char *name = NULL;
  JsonNode *value = NULL;

  if (!maint_json_read_object (r, node, &object, error) ||
      !maint_json_reader_require (r, object, required, error))
    return FALSE;

  maint_json_member_iter_init (&iter, r, object);
  while (maint_json_member_iter_next (&iter, &name, &value))
    {
      gboolean ok;

      if (g_str_equal (name, "machine"))
        ok = maint_json_read_string (r, value, MAINT_JSON_FLAGS_NAME, &machine, error);
      else if (g_str_equal (name, "own"))
        ok = maint_json_read_uint (r, value, &own, error);
      else if (g_str_equal (name, "host"))
        ok = maint_json_read_uint (r, value, &host, error);
      else if (g_str_equal (name, "total"))
        ok = maint_json_read_uint (r, value, &total, error);
      else if (g_str_equal (name, "saved"))
        ok = maint_json_read_uint (r, value, &saved, error);
      else
        ok = maint_json_reader_unknown_member (r, name, error);

      if (!ok)
        return FALSE;
    }

  if ((guint64) own + host != total)
    {
      maint_json_reader_push_member (r, "total");
      return maint_json_reader_fail (r, error, MAINT_JSON_ERROR_INVALID,
                                     "must be own + host = %" G_GUINT64_FORMAT ", got %u",
                                     (guint64) own + host, total);
    }

  count = maint_reboot_count_new_shared (shared_name (ctx, machine), own, host, saved);
  maint_plan_add_reboot_count (ctx->plan, count);

  return TRUE;
}

typedef gboolean (*ReadItemFunc) (MaintJsonReader  *r,
                                  JsonNode         *node,
                                  PlanRead         *ctx,
                                  GError          **error);

static gboolean
read_list (MaintJsonReader  *r,
           JsonNode         *node,
           ReadItemFunc      read_item,
           PlanRead         *ctx,
           GError          **error)
{
  JsonArray *array = NULL;
  guint n;

  if (!maint_json_read_array (r, node, MAINT_JSON_FLAGS_NONE, &array, error))
    return FALSE;

  n = maint_json_reader_array_length (r, array);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JsonNode) element = maint_json_reader_array_element (r, array, i, error);

      if (element == NULL)
        return FALSE;
      maint_json_reader_push_index (r, i);
      if (!read_item (r, element, ctx, error))
        return FALSE;
      maint_json_reader_pop (r);
    }

  return TRUE;
}

/* Checks `stats` against the lists just read (see the top of the file). */
static gboolean
check_stats (MaintJsonReader  *r,
             JsonNode         *node,
             MaintPlan        *plan,
             GError          **error)
{
  static const char * const required[] = {
    "scheduled", "unscheduled", "reboots", "reboots_saved", "latest_end", NULL
  };
  JsonObject *object = NULL;
  MaintJsonMemberIter iter;
  const char *name = NULL;
  JsonNode *value = NULL;

  if (!maint_json_read_object (r, node, &object, error) ||
      !maint_json_reader_require (r, object, required, error))
    return FALSE;

  maint_json_member_iter_init (&iter, r, object);
  while (maint_json_member_iter_next (&iter, &name, &value))
    {
      guint count = 0, expected;
      const char *what;

      if (g_str_equal (name, "latest_end"))
        {
          gint64 latest_end = 0;
          gint64 actual = maint_plan_get_latest_end (plan);
          g_autofree char *said = NULL;
          g_autofree char *text = NULL;

          if (!JSON_NODE_HOLDS_NULL (value) &&
              !maint_json_read_instant (r, value, &latest_end, error))
            return FALSE;
          if (latest_end == actual)
            continue;

          said = latest_end ? maint_instant_format (latest_end) : g_strdup ("null");
          if (actual == 0)
            return maint_json_reader_fail (r, error, MAINT_JSON_ERROR_INVALID,
                                           "says %s, but the plan has no slots (null)", said);
          text = maint_instant_format (actual);
          return maint_json_reader_fail (r, error, MAINT_JSON_ERROR_INVALID,
                                         "says %s, but the latest slot ends at %s",
                                         said, text);
        }

      if (g_str_equal (name, "scheduled"))
        {
          expected = maint_plan_get_n_scheduled (plan);
          what = "the slots hold";
        }
      else if (g_str_equal (name, "unscheduled"))
        {
          expected = maint_plan_get_n_unscheduled (plan);
          what = "the unscheduled list has";
        }
      else if (g_str_equal (name, "reboots"))
        {
          expected = maint_plan_get_n_reboots (plan);
          what = "the reboot totals add up to";
        }
      else if (g_str_equal (name, "reboots_saved"))
        {
          expected = maint_plan_get_n_reboots_saved (plan);
          what = "the saved reboots add up to";
        }
      else
        {
          if (!maint_json_reader_unknown_member (r, name, error))
            return FALSE;
          continue;
        }

      if (!maint_json_read_uint (r, value, &count, error))
        return FALSE;
      if (count != expected)
        return maint_json_reader_fail (r, error, MAINT_JSON_ERROR_INVALID,
                                       "says %u, but %s %u", count, what, expected);
    }

  return TRUE;
}

static MaintPlan *
plan_from_root (MaintJsonReader  *r,
                JsonNode         *root,
                GError          **error)
{
  static const char * const required[] = {
    "now", "slots", "host_downtime", "unscheduled", "reboots", NULL
  };
  g_autoptr(MaintPlan) plan = NULL;
  g_autoptr(GHashTable) names = NULL;
  PlanRead ctx;
  JsonObject *object = NULL;
  JsonNode *format_node;
  JsonNode *stats_node = NULL;
  const char *format = NULL;
  gint64 now = 0;
  MaintJsonMemberIter iter;
  const char *name = NULL;
  JsonNode *value = NULL;

  if (!maint_json_read_object (r, root, &object, error))
    return NULL;

  /* The format decides how to read everything else, so it goes first
   * wherever it stands in the document. */
  format_node = json_object_get_member (object, "format");
  if (format_node == NULL)
    {
      maint_json_reader_fail (r, error, MAINT_JSON_ERROR_FORMAT,
                              "missing required field \"format\"; expected \"%s\"",
                              MAINT_PLAN_FORMAT);
      return NULL;
    }
  maint_json_reader_push_member (r, "format");
  if (!maint_json_read_string (r, format_node, MAINT_JSON_FLAGS_NONE, &format, error))
    return NULL;
  if (!g_str_equal (format, MAINT_PLAN_FORMAT))
    {
      g_autofree char *quoted = maint_json_quote (format);

      maint_json_reader_fail (r, error, MAINT_JSON_ERROR_FORMAT,
                              "expected \"%s\", got %s", MAINT_PLAN_FORMAT, quoted);
      return NULL;
    }
  maint_json_reader_pop (r);

  if (!maint_json_reader_require (r, object, required, error))
    return NULL;

  /* `now` is needed to create the plan; it is read here and skipped in
   * the loop below. */
  maint_json_reader_push_member (r, "now");
  if (!maint_json_read_instant (r, json_object_get_member (object, "now"), &now, error))
    return NULL;
  maint_json_reader_pop (r);

  plan = maint_plan_new (now);
  ctx.plan = plan;
  ctx.names = names = g_hash_table_new_full (g_str_hash, g_str_equal, (GDestroyNotify) g_ref_string_release, NULL);

  maint_json_member_iter_init (&iter, r, object);
  while (maint_json_member_iter_next (&iter, &name, &value))
    {
      gboolean ok;

      if (g_str_equal (name, "format") || g_str_equal (name, "now"))
        ok = TRUE;
      else if (g_str_equal (name, "slots"))
        ok = read_list (r, value, read_slot, &ctx, error);
      else if (g_str_equal (name, "host_downtime"))
        ok = read_list (r, value, read_host_downtime, &ctx, error);
      else if (g_str_equal (name, "unscheduled"))
        ok = read_list (r, value, read_unscheduled, &ctx, error);
      else if (g_str_equal (name, "reboots"))
        ok = read_list (r, value, read_reboot_count, &ctx, error);
      else if (g_str_equal (name, "late"))
        ok = read_list (r, value, read_late, &ctx, error);
      else if (g_str_equal (name, "findings"))
        ok = read_list (r, value, read_finding, &ctx, error);
      else if (g_str_equal (name, "stats"))
        {
          /* checked once the lists are read, wherever it stands */
          stats_node = value;
          ok = TRUE;
        }
      else
        ok = maint_json_reader_unknown_member (r, name, error);

      if (!ok)
        return NULL;
    }

  if (stats_node != NULL)
    {
      maint_json_reader_push_member (r, "stats");
      if (!check_stats (r, stats_node, plan, error))
        return NULL;
      maint_json_reader_pop (r);
    }

  return g_steal_pointer (&plan);
}

/**
 * maint_plan_new_from_data:
 * @data: (array length=length) (element-type guint8): a `libmaint-plan/1`
 *   document, UTF-8
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError
 *
 * Reads a plan document. The document is checked strictly: unknown
 * members (other than `x-…` extensions, which are ignored), values of the
 * wrong type, missing required members, instants that are not RFC 3339,
 * unknown enumeration nicks, a slot or downtime whose end is not after its
 * start, a local time that is not the same instant as its UTC one, a
 * reboot `total` other than `own` + `host`, and — when the optional
 * `stats` member is present — statistics that disagree with the lists.
 *
 * Every error is in the %MAINT_PLAN_ERROR domain and its message starts
 * with the JSON path of the value at fault, e.g. `slots[3].start: expected
 * an RFC 3339 instant, got "tomorrow"`. Documents larger than 128 MiB or
 * nested deeper than 64 levels are refused with
 * %MAINT_PLAN_ERROR_LIMIT_FAILED before they are parsed.
 *
 * Whether the plan satisfies a fleet's constraints is not checked here;
 * use [func@Maint.verify_plan] for that.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
MaintPlan *
maint_plan_new_from_data (const char  *data,
                          gssize       length,
                          GError     **error)
{
  /* The lists are read one element at a time (maint-json-private.h) */
  static const char * const lists[] = {
    "slots", "host_downtime", "unscheduled", "reboots", "late", "findings", NULL
  };
  g_autoptr(MaintJsonReader) reader = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (data);

  reader = maint_json_reader_new (&plan_error_map);
  root = maint_json_reader_parse (reader, data ? data : "", (gsize) length, lists, error);
  if (root == NULL)
    return NULL;
  return plan_from_root (reader, root, error);
}

/**
 * maint_plan_new_from_file:
 * @path: (type filename): the file to read
 * @error: return location for a #GError
 *
 * Reads a plan document from a file; see [ctor@Maint.Plan.new_from_data]
 * for what is checked. A file that cannot be read is
 * %MAINT_PLAN_ERROR_IO_FAILED, one larger than 128 MiB
 * %MAINT_PLAN_ERROR_LIMIT_FAILED.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
MaintPlan *
maint_plan_new_from_file (const char  *path,
                          GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!maint_json_load_file (path, &plan_error_map, &data, &length, error))
    return NULL;

  return maint_plan_new_from_data (data, (gssize) length, error);
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

/* Required instants are 0 only in plans built with g_object_new() and no
 * value; null keeps the writer total, and the reader refuses it. */
static void
write_instant_or_null (MaintJsonWriter *w,
                       gint64           instant)
{
  if (instant > 0)
    maint_json_writer_instant (w, instant);
  else
    maint_json_writer_null (w);
}

static void
write_string_member (MaintJsonWriter *w,
                     const char      *name,
                     const char      *value)
{
  maint_json_writer_member (w, name);
  if (value != NULL)
    maint_json_writer_string (w, value);
  else
    maint_json_writer_null (w);
}

static void
write_optional_string_member (MaintJsonWriter *w,
                              const char      *name,
                              const char      *value)
{
  if (value == NULL)
    return;
  maint_json_writer_member (w, name);
  maint_json_writer_string (w, value);
}

static void
write_slot (MaintJsonWriter *w,
            MaintSlot       *slot)
{
  gint64 announce_by = maint_slot_get_announce_by (slot);

  maint_json_writer_begin_object (w, FALSE);
  write_string_member (w, "machine", maint_slot_get_machine (slot));
  write_optional_string_member (w, "group", maint_slot_get_group (slot));
  maint_json_writer_member (w, "start");
  write_instant_or_null (w, maint_slot_get_start (slot));
  maint_json_writer_member (w, "end");
  write_instant_or_null (w, maint_slot_get_end (slot));
  write_optional_string_member (w, "local_start", maint_slot_get_local_start (slot));
  write_optional_string_member (w, "local_end", maint_slot_get_local_end (slot));
  maint_json_writer_member (w, "activities");
  maint_json_writer_strv (w, maint_slot_get_activities (slot));
  maint_json_writer_member (w, "reboot");
  maint_json_writer_enum (w, MAINT_TYPE_REBOOT_KIND, maint_slot_get_reboot (slot));
  write_optional_string_member (w, "rollout", maint_slot_get_rollout (slot));
  write_optional_string_member (w, "wave", maint_slot_get_wave (slot));
  if (announce_by > 0)
    {
      maint_json_writer_member (w, "announce_by");
      maint_json_writer_instant (w, announce_by);
    }
  maint_json_writer_member (w, "pinned");
  maint_json_writer_bool (w, maint_slot_get_pinned (slot));
  maint_json_writer_end_object (w);
}

/**
 * maint_plan_to_data:
 * @self: a plan
 * @length: (out) (optional): return location for the length in bytes
 *
 * Writes the plan as a `libmaint-plan/1` document: UTF-8 JSON with
 * 2-space indentation and a trailing newline, lists in plan order,
 * instants in UTC with seconds (`2013-03-04T21:00:00Z`). Members that are
 * not set (`group`, `local_start`, `local_end`, `rollout`, `wave`,
 * `announce_by`, `detail`) are left out; lists are always present;
 * `stats.latest_end` is null when there are no slots.
 *
 * [property@Maint.Plan:elapsed] is not written, so the same plan always
 * gives the same bytes, and reading the document back with
 * [ctor@Maint.Plan.new_from_data] and writing it again gives it byte for
 * byte.
 *
 * Returns: (transfer full): the document
 */
char *
maint_plan_to_data (MaintPlan *self,
                    gsize     *length)
{
  g_autoptr(MaintJsonWriter) w = NULL;
  GPtrArray *list;
  gint64 latest_end;

  g_return_val_if_fail (MAINT_IS_PLAN (self), NULL);

  w = maint_json_writer_new ();
  maint_json_writer_begin_object (w, FALSE);

  maint_json_writer_member (w, "format");
  maint_json_writer_string (w, MAINT_PLAN_FORMAT);
  maint_json_writer_member (w, "now");
  write_instant_or_null (w, maint_plan_get_now (self));

  maint_json_writer_member (w, "slots");
  maint_json_writer_begin_array (w, FALSE);
  list = maint_plan_get_slots (self);
  for (guint i = 0; i < list->len; i++)
    write_slot (w, g_ptr_array_index (list, i));
  maint_json_writer_end_array (w);

  /* The smaller records go on one line each: a large plan has tens of
   * thousands of them. */
  maint_json_writer_member (w, "host_downtime");
  maint_json_writer_begin_array (w, FALSE);
  list = maint_plan_get_host_downtime (self);
  for (guint i = 0; i < list->len; i++)
    {
      MaintHostDowntime *downtime = g_ptr_array_index (list, i);

      maint_json_writer_begin_object (w, TRUE);
      write_string_member (w, "guest", maint_host_downtime_get_guest (downtime));
      write_string_member (w, "host", maint_host_downtime_get_host (downtime));
      maint_json_writer_member (w, "start");
      write_instant_or_null (w, maint_host_downtime_get_start (downtime));
      maint_json_writer_member (w, "end");
      write_instant_or_null (w, maint_host_downtime_get_end (downtime));
      if (maint_host_downtime_get_activities (downtime)[0] != NULL)
        {
          maint_json_writer_member (w, "activities");
          maint_json_writer_strv (w, maint_host_downtime_get_activities (downtime));
        }
      maint_json_writer_end_object (w);
    }
  maint_json_writer_end_array (w);

  maint_json_writer_member (w, "unscheduled");
  maint_json_writer_begin_array (w, FALSE);
  list = maint_plan_get_unscheduled (self);
  for (guint i = 0; i < list->len; i++)
    {
      MaintUnscheduled *unscheduled = g_ptr_array_index (list, i);

      maint_json_writer_begin_object (w, TRUE);
      write_string_member (w, "activity", maint_unscheduled_get_activity (unscheduled));
      write_string_member (w, "machine", maint_unscheduled_get_machine (unscheduled));
      maint_json_writer_member (w, "reason");
      maint_json_writer_enum (w, MAINT_TYPE_UNSCHEDULED_REASON,
                              maint_unscheduled_get_reason (unscheduled));
      write_optional_string_member (w, "detail", maint_unscheduled_get_detail (unscheduled));
      maint_json_writer_end_object (w);
    }
  maint_json_writer_end_array (w);

  maint_json_writer_member (w, "reboots");
  maint_json_writer_begin_array (w, FALSE);
  list = maint_plan_get_reboot_counts (self);
  for (guint i = 0; i < list->len; i++)
    {
      MaintRebootCount *count = g_ptr_array_index (list, i);

      maint_json_writer_begin_object (w, TRUE);
      write_string_member (w, "machine", maint_reboot_count_get_machine (count));
      maint_json_writer_member (w, "own");
      maint_json_writer_int (w, maint_reboot_count_get_own (count));
      maint_json_writer_member (w, "host");
      maint_json_writer_int (w, maint_reboot_count_get_host (count));
      maint_json_writer_member (w, "total");
      maint_json_writer_int (w, maint_reboot_count_get_total (count));
      maint_json_writer_member (w, "saved");
      maint_json_writer_int (w, maint_reboot_count_get_saved (count));
      maint_json_writer_end_object (w);
    }
  maint_json_writer_end_array (w);

  /* Written only when there are any, so plans without late activities
   * or findings read the same in readers that predate them. */
  list = maint_plan_get_late (self);
  if (list->len > 0)
    {
      maint_json_writer_member (w, "late");
      maint_json_writer_begin_array (w, FALSE);
      for (guint i = 0; i < list->len; i++)
        {
          MaintLateActivity *late = g_ptr_array_index (list, i);

          maint_json_writer_begin_object (w, TRUE);
          write_string_member (w, "activity", maint_late_activity_get_activity (late));
          write_string_member (w, "machine", maint_late_activity_get_machine (late));
          maint_json_writer_member (w, "deadline");
          maint_json_writer_instant (w, maint_late_activity_get_deadline (late));
          maint_json_writer_member (w, "end");
          maint_json_writer_instant (w, maint_late_activity_get_end (late));
          maint_json_writer_member (w, "lateness");
          maint_json_writer_duration (w, maint_late_activity_get_lateness (late));
          maint_json_writer_end_object (w);
        }
      maint_json_writer_end_array (w);
    }

  list = maint_plan_get_findings (self);
  if (list->len > 0)
    {
      maint_json_writer_member (w, "findings");
      maint_json_writer_begin_array (w, FALSE);
      for (guint i = 0; i < list->len; i++)
        {
          MaintFinding *finding = g_ptr_array_index (list, i);

          maint_json_writer_begin_object (w, FALSE);
          maint_json_writer_member (w, "kind");
          maint_json_writer_enum (w, MAINT_TYPE_FINDING_KIND, maint_finding_get_kind (finding));
          write_optional_string_member (w, "service", maint_finding_get_service (finding));
          maint_json_writer_member (w, "machines");
          maint_json_writer_strv (w, maint_finding_get_machines (finding));
          write_optional_string_member (w, "host", maint_finding_get_host (finding));
          write_optional_string_member (w, "detail", maint_finding_get_detail (finding));
          maint_json_writer_end_object (w);
        }
      maint_json_writer_end_array (w);
    }

  maint_json_writer_member (w, "stats");
  maint_json_writer_begin_object (w, FALSE);
  maint_json_writer_member (w, "scheduled");
  maint_json_writer_int (w, maint_plan_get_n_scheduled (self));
  maint_json_writer_member (w, "unscheduled");
  maint_json_writer_int (w, maint_plan_get_n_unscheduled (self));
  maint_json_writer_member (w, "reboots");
  maint_json_writer_int (w, maint_plan_get_n_reboots (self));
  maint_json_writer_member (w, "reboots_saved");
  maint_json_writer_int (w, maint_plan_get_n_reboots_saved (self));
  maint_json_writer_member (w, "latest_end");
  latest_end = maint_plan_get_latest_end (self);
  write_instant_or_null (w, latest_end);
  maint_json_writer_end_object (w);

  maint_json_writer_end_object (w);

  return maint_json_writer_finish (g_steal_pointer (&w), length);
}

/**
 * maint_plan_save_to_file:
 * @self: a plan
 * @path: (type filename): the file to write
 * @error: return location for a #GError
 *
 * Writes the document of [method@Maint.Plan.to_data] to @path
 * atomically: the data goes to a temporary file in the same directory,
 * which is synced and renamed over @path, so readers see the old file or
 * the new one, never a part.
 *
 * Returns: whether the file was written; %FALSE with
 *   %MAINT_PLAN_ERROR_IO_FAILED set otherwise
 */
gboolean
maint_plan_save_to_file (MaintPlan   *self,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (MAINT_IS_PLAN (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = maint_plan_to_data (self, &length);
  if (!g_file_set_contents_full (path, data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0666,
                                 &local_error))
    {
      g_set_error (error, MAINT_PLAN_ERROR, MAINT_PLAN_ERROR_IO_FAILED,
                   "%s: %s", path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Text                                                                */

#define TEXT_MAX_LINE 159   /* characters per line, not counting the newline */
#define NO_GROUP      "(no group)"

/* Appends @text with control characters replaced, so that no name can
 * break the one-record-per-line layout. */
static void
append_clean (GString    *out,
              const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "?");
      return;
    }
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (out, ((guchar) *p < 0x20 || *p == 0x7f) ? '?' : *p);
}

/* Appends @line to @out, wrapped at spaces so that no line is longer
 * than TEXT_MAX_LINE characters; continuation lines are indented by
 * @indent spaces. A word too long for a line is cut. */
static void
emit_line (GString    *out,
           const char *line,
           guint       indent)
{
  g_auto(GStrv) words = NULL;
  glong column = 0;
  gboolean line_has_word = FALSE;

  if (g_utf8_strlen (line, -1) <= TEXT_MAX_LINE)
    {
      g_string_append (out, line);
      g_string_append_c (out, '\n');
      return;
    }

  indent = MIN (indent, TEXT_MAX_LINE / 2);
  words = g_strsplit (line, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      glong len = g_utf8_strlen (word, -1);

      /* Leading spaces of the first line (empty words) are kept; inner
       * runs of spaces too, unless the line breaks there. */
      if (line_has_word && column + 1 + len > TEXT_MAX_LINE)
        {
          g_string_append_c (out, '\n');
          g_string_append_printf (out, "%*s", (int) indent, "");
          column = indent;
          line_has_word = FALSE;
          if (len == 0)
            continue;
        }
      else if (i > 0)
        {
          g_string_append_c (out, ' ');
          column++;
        }

      while (column + len > TEXT_MAX_LINE)
        {
          glong room = TEXT_MAX_LINE - column;
          const char *cut = g_utf8_offset_to_pointer (word, room);

          g_string_append_len (out, word, cut - word);
          g_string_append_c (out, '\n');
          g_string_append_printf (out, "%*s", (int) indent, "");
          column = indent;
          word = cut;
          len -= room;
        }
      g_string_append (out, word);
      column += len;
      if (len > 0)
        line_has_word = TRUE;
    }
  g_string_append_c (out, '\n');
}

/* The local wall-clock date and time of @instant, and the name of its
 * offset. With @zone, the zone's abbreviation; otherwise taken from
 * @local_text (an RFC 3339 text with offset), as "UTC+01:00"; failing
 * both, UTC. */
typedef struct {
  char date[16];
  char time[8];
  char *abbreviation;
} LocalTime;

static void
local_time_clear (LocalTime *lt)
{
  g_clear_pointer (&lt->abbreviation, g_free);
}

static gboolean
parse_offset (const char *text,
              gint32     *out_offset,
              char      **out_name)
{
  gsize len;
  const char *suffix;
  int sign, hours, minutes;

  if (text == NULL || (len = strlen (text)) < 20)
    return FALSE;

  if (text[len - 1] == 'Z' || text[len - 1] == 'z')
    {
      *out_offset = 0;
      *out_name = g_strdup ("UTC");
      return TRUE;
    }

  suffix = text + len - 6;
  if ((suffix[0] != '+' && suffix[0] != '-') ||
      !g_ascii_isdigit (suffix[1]) || !g_ascii_isdigit (suffix[2]) ||
      suffix[3] != ':' ||
      !g_ascii_isdigit (suffix[4]) || !g_ascii_isdigit (suffix[5]))
    return FALSE;

  sign = suffix[0] == '-' ? -1 : 1;
  hours = (suffix[1] - '0') * 10 + (suffix[2] - '0');
  minutes = (suffix[4] - '0') * 10 + (suffix[5] - '0');
  if (hours > 23 || minutes > 59)
    return FALSE;

  *out_offset = sign * (hours * 3600 + minutes * 60);
  *out_name = g_strdup_printf ("UTC%s", suffix);
  return TRUE;
}

static void
local_time_init (LocalTime  *lt,
                 gint64      instant,
                 const char *zone,
                 const char *local_text)
{
  g_autoptr(GDateTime) dt = NULL;
  gint32 offset = 0;
  gboolean have_offset = FALSE;

  lt->abbreviation = NULL;

  if (zone != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      offset = maint_time_zone_offset_at (zone, instant, &local_error);
      if (local_error == NULL)
        {
          lt->abbreviation = maint_time_zone_abbreviation_at (zone, instant, NULL);
          have_offset = lt->abbreviation != NULL;
        }
    }
  if (!have_offset)
    {
      g_clear_pointer (&lt->abbreviation, g_free);
      have_offset = parse_offset (local_text, &offset, &lt->abbreviation);
    }
  if (!have_offset)
    {
      offset = 0;
      lt->abbreviation = g_strdup ("UTC");
    }

  dt = g_date_time_new_from_unix_utc (instant + offset);
  if (dt == NULL)
    {
      g_strlcpy (lt->date, "(invalid)", sizeof lt->date);
      g_strlcpy (lt->time, "--:--", sizeof lt->time);
      return;
    }
  g_snprintf (lt->date, sizeof lt->date, "%04d-%02d-%02d",
              g_date_time_get_year (dt), g_date_time_get_month (dt),
              g_date_time_get_day_of_month (dt));
  g_snprintf (lt->time, sizeof lt->time, "%02d:%02d",
              g_date_time_get_hour (dt), g_date_time_get_minute (dt));
}

/* "2013-03-04 22:00-22:30 CET", "2013-03-04 22:00-2013-03-05 01:00 CET",
 * "2013-03-31 01:00 CET-03:30 CEST" */
static void
append_range (GString    *out,
              gint64      start,
              gint64      end,
              const char *zone,
              const char *local_start,
              const char *local_end)
{
  LocalTime s, e;
  gboolean same_abbreviation;

  local_time_init (&s, start, zone, local_start);
  local_time_init (&e, end, zone, local_end);
  same_abbreviation = g_str_equal (s.abbreviation, e.abbreviation);

  g_string_append_printf (out, "%s %s", s.date, s.time);
  if (!same_abbreviation)
    {
      g_string_append_c (out, ' ');
      append_clean (out, s.abbreviation);
    }
  g_string_append_c (out, '-');
  if (!g_str_equal (s.date, e.date))
    g_string_append_printf (out, "%s ", e.date);
  g_string_append_printf (out, "%s ", e.time);
  append_clean (out, e.abbreviation);

  local_time_clear (&s);
  local_time_clear (&e);
}

typedef struct {
  char      *name;
  GPtrArray *slots;      /* (element-type MaintSlot) borrowed */
  GPtrArray *downtimes;  /* (element-type MaintHostDowntime) borrowed */
} TextGroup;

static void
text_group_free (gpointer data)
{
  TextGroup *group = data;

  g_free (group->name);
  g_ptr_array_unref (group->slots);
  g_ptr_array_unref (group->downtimes);
  g_free (group);
}

static TextGroup *
text_group_get (GHashTable *groups,
                const char *name)
{
  TextGroup *group = g_hash_table_lookup (groups, name);

  if (group == NULL)
    {
      group = g_new0 (TextGroup, 1);
      group->name = g_strdup (name);
      group->slots = g_ptr_array_new ();
      group->downtimes = g_ptr_array_new ();
      g_hash_table_insert (groups, group->name, group);
    }

  return group;
}

static int
compare_group_names (gconstpointer a,
                     gconstpointer b)
{
  const char *na = *(const char * const *) a;
  const char *nb = *(const char * const *) b;
  gboolean a_none = g_str_equal (na, NO_GROUP);
  gboolean b_none = g_str_equal (nb, NO_GROUP);

  /* machines of unknown groups come last */
  if (a_none != b_none)
    return a_none ? 1 : -1;
  return strcmp (na, nb);
}

/* The group a machine's lines go under: the fleet's word first, then
 * what the plan's slots say. */
static const char *
machine_group (MaintFleet *fleet,
               GHashTable *slot_groups,
               const char *machine)
{
  const char *group = NULL;

  if (fleet != NULL && machine != NULL)
    {
      MaintMachine *m = maint_fleet_lookup_machine (fleet, machine);

      if (m != NULL)
        group = maint_machine_get_group (m);
    }
  if (group == NULL && machine != NULL)
    group = g_hash_table_lookup (slot_groups, machine);

  return group != NULL ? group : NO_GROUP;
}

static void
append_activity (GString    *line,
                 MaintFleet *fleet,
                 const char *id)
{
  g_autoptr(MaintActivity) activity = fleet ? maint_fleet_resolve_activity (fleet, id) : NULL;

  append_clean (line, id);
  if (activity != NULL)
    g_string_append_printf (line, " %s",
                            maint_json_enum_nick (MAINT_TYPE_ACTIVITY_KIND, maint_activity_get_kind (activity)));
}

static void
append_group (GString    *out,
              MaintFleet *fleet,
              TextGroup  *group)
{
  g_autoptr(GString) line = g_string_new (NULL);
  MaintResourceGroup *rg = NULL;
  const char *zone = NULL;

  if (fleet != NULL && !g_str_equal (group->name, NO_GROUP))
    rg = maint_fleet_lookup_group (fleet, group->name);
  if (rg != NULL)
    zone = maint_resource_group_get_timezone (rg);

  append_clean (line, group->name);
  if (rg != NULL)
    {
      g_autofree char *notice = maint_duration_format (maint_resource_group_get_notice (rg));

      g_string_append (line, ": time zone ");
      append_clean (line, zone ? zone : "UTC");
      g_string_append_printf (line, ", notice %s", notice ? notice : "?");
    }
  g_string_append_printf (line, ", %u slot%s", group->slots->len,
                          group->slots->len == 1 ? "" : "s");
  if (group->downtimes->len > 0)
    g_string_append_printf (line, ", %u host downtime%s", group->downtimes->len,
                            group->downtimes->len == 1 ? "" : "s");
  emit_line (out, line->str, 4);

  for (guint i = 0; i < group->slots->len; i++)
    {
      MaintSlot *slot = g_ptr_array_index (group->slots, i);
      const char * const *activities = maint_slot_get_activities (slot);
      MaintRebootKind reboot = maint_slot_get_reboot (slot);
      const char *rollout = maint_slot_get_rollout (slot);
      const char *wave = maint_slot_get_wave (slot);

      g_string_truncate (line, 0);
      g_string_append (line, "  ");
      append_clean (line, maint_slot_get_machine (slot));
      g_string_append (line, "  ");
      /* local time, unless nothing says what it is */
      if (zone != NULL || maint_slot_get_local_start (slot) != NULL)
        {
          append_range (line, maint_slot_get_start (slot), maint_slot_get_end (slot),
                        zone, maint_slot_get_local_start (slot),
                        maint_slot_get_local_end (slot));
          g_string_append (line, " = ");
        }
      append_range (line, maint_slot_get_start (slot), maint_slot_get_end (slot),
                    NULL, NULL, NULL);
      if (reboot == MAINT_REBOOT_KIND_NONE)
        g_string_append (line, "  no reboot");
      else
        g_string_append_printf (line, "  %s reboot",
                                maint_json_enum_nick (MAINT_TYPE_REBOOT_KIND, reboot));
      if (rollout != NULL || wave != NULL)
        {
          g_string_append (line, "  wave ");
          if (rollout != NULL)
            {
              append_clean (line, rollout);
              if (wave != NULL)
                g_string_append_c (line, '/');
            }
          if (wave != NULL)
            append_clean (line, wave);
        }
      g_string_append (line, ":");
      if (activities[0] == NULL)
        g_string_append (line, " (no activities)");
      for (guint j = 0; activities[j] != NULL; j++)
        {
          g_string_append (line, j > 0 ? ", " : " ");
          append_activity (line, fleet, activities[j]);
        }
      if (maint_slot_get_pinned (slot))
        g_string_append (line, "  [pinned]");
      emit_line (out, line->str, 6);
    }

  for (guint i = 0; i < group->downtimes->len; i++)
    {
      MaintHostDowntime *downtime = g_ptr_array_index (group->downtimes, i);

      g_string_truncate (line, 0);
      g_string_append (line, "  ");
      append_clean (line, maint_host_downtime_get_guest (downtime));
      g_string_append (line, "  ");
      if (zone != NULL)
        {
          append_range (line, maint_host_downtime_get_start (downtime),
                        maint_host_downtime_get_end (downtime), zone, NULL, NULL);
          g_string_append (line, " = ");
        }
      append_range (line, maint_host_downtime_get_start (downtime),
                    maint_host_downtime_get_end (downtime), NULL, NULL, NULL);
      g_string_append (line, "  down for the reboot of host ");
      append_clean (line, maint_host_downtime_get_host (downtime));
      emit_line (out, line->str, 6);
    }
}

static void
append_late (GString    *out,
             GString    *line,
             MaintFleet *fleet,
             GPtrArray  *late)
{
  if (late->len == 0)
    return;
  g_string_append_printf (out, "\nLate: %u activit%s miss%s a deadline\n",
                          late->len, late->len == 1 ? "y" : "ies", late->len == 1 ? "es" : "");
  for (guint i = 0; i < late->len; i++)
    {
      MaintLateActivity *l = g_ptr_array_index (late, i);
      g_autofree char *deadline = maint_instant_format (maint_late_activity_get_deadline (l));
      g_autofree char *end = maint_instant_format (maint_late_activity_get_end (l));
      g_autofree char *lateness = maint_duration_format (maint_late_activity_get_lateness (l));

      g_string_truncate (line, 0);
      g_string_append (line, "  ");
      append_activity (line, fleet, maint_late_activity_get_activity (l));
      g_string_append (line, " on ");
      append_clean (line, maint_late_activity_get_machine (l));
      g_string_append_printf (line, ": deadline %s, ends %s, %s late",
                              deadline ? deadline : "?", end ? end : "?", lateness ? lateness : "?");
      emit_line (out, line->str, 6);
    }
}

static void
append_findings (GString   *out,
                 GString   *line,
                 GPtrArray *findings)
{
  if (findings->len == 0)
    return;
  g_string_append_printf (out, "\nFindings: %u\n", findings->len);
  for (guint i = 0; i < findings->len; i++)
    {
      MaintFinding *f = g_ptr_array_index (findings, i);
      const char *detail = maint_finding_get_detail (f);

      g_string_truncate (line, 0);
      g_string_append_printf (line, "  %s: ", maint_json_enum_nick (MAINT_TYPE_FINDING_KIND, maint_finding_get_kind (f)));
      if (detail != NULL)
        append_clean (line, detail);
      else
        {
          g_autofree char *machines = g_strjoinv (", ", (char **) maint_finding_get_machines (f));
          append_clean (line, machines);
        }
      emit_line (out, line->str, 6);
    }
}

/* One line per rollout wave: how many slots, first start, last end; in
 * the order of the waves' first slots. */
static void
append_waves (GString   *out,
              GPtrArray *slots)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) first = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GArray) last = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GArray) count = g_array_new (FALSE, TRUE, sizeof (guint));

  for (guint i = 0; i < slots->len; i++)
    {
      MaintSlot *slot = g_ptr_array_index (slots, i);
      const char *rollout = maint_slot_get_rollout (slot);
      const char *wave = maint_slot_get_wave (slot);
      g_autofree char *key = NULL;
      guint k;

      if (rollout == NULL)
        continue;
      key = g_strdup_printf ("%s/%s", rollout, wave != NULL ? wave : "host reboots");
      for (k = 0; k < keys->len; k++)
        if (g_str_equal (g_ptr_array_index (keys, k), key))
          break;
      if (k == keys->len)
        {
          gint64 zero = 0;
          guint none = 0;

          g_ptr_array_add (keys, g_steal_pointer (&key));
          g_array_append_val (first, zero);
          g_array_append_val (last, zero);
          g_array_append_val (count, none);
        }
      if (g_array_index (count, guint, k) == 0 ||
          maint_slot_get_start (slot) < g_array_index (first, gint64, k))
        g_array_index (first, gint64, k) = maint_slot_get_start (slot);
      if (maint_slot_get_end (slot) > g_array_index (last, gint64, k))
        g_array_index (last, gint64, k) = maint_slot_get_end (slot);
      g_array_index (count, guint, k)++;
    }
  if (keys->len == 0)
    return;

  /* by first start, then name: a handful of waves, insertion sort */
  for (guint a = 1; a < keys->len; a++)
    for (guint b = a; b > 0; b--)
      {
        gint64 fa = g_array_index (first, gint64, b - 1), fb = g_array_index (first, gint64, b);
        gpointer tmp;
        gint64 t;
        guint c;

        if (fa < fb || (fa == fb && strcmp (g_ptr_array_index (keys, b - 1), g_ptr_array_index (keys, b)) <= 0))
          break;
        tmp = keys->pdata[b - 1]; keys->pdata[b - 1] = keys->pdata[b]; keys->pdata[b] = tmp;
        t = fa; g_array_index (first, gint64, b - 1) = fb; g_array_index (first, gint64, b) = t;
        t = g_array_index (last, gint64, b - 1);
        g_array_index (last, gint64, b - 1) = g_array_index (last, gint64, b);
        g_array_index (last, gint64, b) = t;
        c = g_array_index (count, guint, b - 1);
        g_array_index (count, guint, b - 1) = g_array_index (count, guint, b);
        g_array_index (count, guint, b) = c;
      }

  g_string_append (out, "\nWaves:\n");
  for (guint k = 0; k < keys->len; k++)
    {
      g_autofree char *from = maint_instant_format (g_array_index (first, gint64, k));
      g_autofree char *until = maint_instant_format (g_array_index (last, gint64, k));
      guint n = g_array_index (count, guint, k);

      g_string_append (out, "  ");
      append_clean (out, g_ptr_array_index (keys, k));
      g_string_append_printf (out, "  %u slot%s, %s to %s\n", n, n == 1 ? "" : "s",
                              from ? from : "?", until ? until : "?");
    }
}

/**
 * maint_plan_to_text:
 * @self: a plan
 * @fleet: (nullable): the fleet the plan is for, to show time zones,
 *   notice periods and activity kinds
 *
 * Renders the plan for an operator to read:
 *
 * - a header with `now` and the statistics;
 * - per resource group, sorted by name: the group's time zone and notice,
 *   then one line per slot with the machine, the local start and end with
 *   the zone's abbreviation, the same in UTC, the reboot, the wave, the
 *   activities (with their kinds when @fleet knows them) and a `[pinned]`
 *   marker; then the guests' downtimes caused by host reboots;
 * - the unscheduled activities with their reason and its explanation;
 * - the late activities (deadline, end, lateness) and the findings;
 * - per rollout wave (and the rollout's host reboots) the number of slots,
 *   the first start and the last end;
 * - the reboots: the fleet's totals and every machine that is rebooted or
 *   had a reboot saved.
 *
 * Without @fleet, local times come from the slots' `local_start` and
 * `local_end` and are labelled with their UTC offset. The output is
 * deterministic; no line is longer than 159 characters (long lines wrap
 * with indentation).
 *
 * Returns: (transfer full): the text, ending with a newline
 */
char *
maint_plan_to_text (MaintPlan  *self,
                    MaintFleet *fleet)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GString) line = NULL;
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GHashTable) slot_groups = NULL;
  g_autofree const char **names = NULL;
  g_autofree char *now = NULL;
  GPtrArray *slots, *downtimes, *unscheduled, *counts;
  guint n_names = 0;
  guint n_rebooted = 0;

  g_return_val_if_fail (MAINT_IS_PLAN (self), NULL);
  g_return_val_if_fail (fleet == NULL || MAINT_IS_FLEET (fleet), NULL);

  out = g_string_new (NULL);
  line = g_string_new (NULL);
  slots = maint_plan_get_slots (self);
  downtimes = maint_plan_get_host_downtime (self);
  unscheduled = maint_plan_get_unscheduled (self);
  counts = maint_plan_get_reboot_counts (self);

  /* Header */
  now = maint_plan_get_now (self) > 0 ? maint_instant_format (maint_plan_get_now (self)) : NULL;
  g_string_append_printf (line, "Maintenance plan as of %s: %u scheduled, %u unscheduled, "
                          "%u reboot%s (%u saved), ",
                          now ? now : "(unset)",
                          maint_plan_get_n_scheduled (self),
                          maint_plan_get_n_unscheduled (self),
                          maint_plan_get_n_reboots (self),
                          maint_plan_get_n_reboots (self) == 1 ? "" : "s",
                          maint_plan_get_n_reboots_saved (self));
  if (maint_plan_get_latest_end (self) > 0)
    {
      g_autofree char *latest = maint_instant_format (maint_plan_get_latest_end (self));

      g_string_append_printf (line, "latest end %s", latest ? latest : "?");
    }
  else
    g_string_append (line, "no slots");
  emit_line (out, line->str, 4);

  /* Groups */
  slot_groups = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < slots->len; i++)
    {
      MaintSlot *slot = g_ptr_array_index (slots, i);
      const char *machine = maint_slot_get_machine (slot);
      const char *group = maint_slot_get_group (slot);

      if (machine != NULL && group != NULL && !g_hash_table_contains (slot_groups, machine))
        g_hash_table_insert (slot_groups, (gpointer) machine, (gpointer) group);
    }

  groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, text_group_free);
  for (guint i = 0; i < slots->len; i++)
    {
      MaintSlot *slot = g_ptr_array_index (slots, i);
      const char *group = maint_slot_get_group (slot);

      if (group == NULL)
        group = machine_group (fleet, slot_groups, maint_slot_get_machine (slot));
      g_ptr_array_add (text_group_get (groups, group)->slots, slot);
    }
  for (guint i = 0; i < downtimes->len; i++)
    {
      MaintHostDowntime *downtime = g_ptr_array_index (downtimes, i);
      const char *group = machine_group (fleet, slot_groups,
                                         maint_host_downtime_get_guest (downtime));

      g_ptr_array_add (text_group_get (groups, group)->downtimes, downtime);
    }

  names = (const char **) g_hash_table_get_keys_as_array (groups, &n_names);
  if (n_names > 0)
    qsort (names, n_names, sizeof (char *), compare_group_names);
  for (guint i = 0; i < n_names; i++)
    {
      g_string_append_c (out, '\n');
      append_group (out, fleet, g_hash_table_lookup (groups, names[i]));
    }

  /* Unscheduled */
  if (unscheduled->len > 0)
    {
      g_string_append_printf (out, "\nUnscheduled: %u activit%s\n",
                              unscheduled->len, unscheduled->len == 1 ? "y" : "ies");
      for (guint i = 0; i < unscheduled->len; i++)
        {
          MaintUnscheduled *u = g_ptr_array_index (unscheduled, i);
          const char *detail = maint_unscheduled_get_detail (u);

          g_string_truncate (line, 0);
          g_string_append (line, "  ");
          append_activity (line, fleet, maint_unscheduled_get_activity (u));
          g_string_append (line, " on ");
          append_clean (line, maint_unscheduled_get_machine (u));
          g_string_append_printf (line, ": %s",
                                  maint_json_enum_nick (MAINT_TYPE_UNSCHEDULED_REASON,
                                             maint_unscheduled_get_reason (u)));
          if (detail != NULL)
            {
              g_string_append (line, " - ");
              append_clean (line, detail);
            }
          emit_line (out, line->str, 6);
        }
    }

  /* Late activities and findings */
  append_late (out, line, fleet, maint_plan_get_late (self));
  append_findings (out, line, maint_plan_get_findings (self));
  append_waves (out, slots);

  /* Reboots */
  for (guint i = 0; i < counts->len; i++)
    {
      MaintRebootCount *count = g_ptr_array_index (counts, i);

      if (maint_reboot_count_get_total (count) > 0 || maint_reboot_count_get_saved (count) > 0)
        n_rebooted++;
    }
  g_string_append_printf (out, "\nReboots: %u in all, %u saved, %u machine%s rebooted\n",
                          maint_plan_get_n_reboots (self),
                          maint_plan_get_n_reboots_saved (self),
                          n_rebooted, n_rebooted == 1 ? "" : "s");
  for (guint i = 0; i < counts->len; i++)
    {
      MaintRebootCount *count = g_ptr_array_index (counts, i);

      if (maint_reboot_count_get_total (count) == 0 && maint_reboot_count_get_saved (count) == 0)
        continue;

      g_string_truncate (line, 0);
      g_string_append (line, "  ");
      append_clean (line, maint_reboot_count_get_machine (count));
      g_string_append_printf (line, "  own %u, host %u, total %u, saved %u",
                              maint_reboot_count_get_own (count),
                              maint_reboot_count_get_host (count),
                              maint_reboot_count_get_total (count),
                              maint_reboot_count_get_saved (count));
      emit_line (out, line->str, 6);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
