/* maint-fleet-json.c: the libmaint-fleet/1 JSON format
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Reads and writes fleets with the helpers of maint-json-private.h.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "maint-error.h"
#include "maint-enum-types.h"
#include "maint-fleet.h"
#include "maint-json-private.h"
#include "maint-time.h"
#include "maint-window-spec.h"

/* ------------------------------------------------------------------ */
/* Reading fleets                                                      */
/* ------------------------------------------------------------------ */

static const MaintJsonErrorMap fleet_errors = {
  maint_fleet_error_quark,
  {
    [MAINT_JSON_ERROR_PARSE] = MAINT_FLEET_ERROR_PARSE_FAILED,
    [MAINT_JSON_ERROR_FORMAT] = MAINT_FLEET_ERROR_FORMAT_FAILED,
    [MAINT_JSON_ERROR_INVALID] = MAINT_FLEET_ERROR_INVALID_FAILED,
    [MAINT_JSON_ERROR_REFERENCE] = MAINT_FLEET_ERROR_REFERENCE_FAILED,
    [MAINT_JSON_ERROR_DUPLICATE] = MAINT_FLEET_ERROR_DUPLICATE_FAILED,
    [MAINT_JSON_ERROR_LIMIT] = MAINT_FLEET_ERROR_LIMIT_FAILED,
    [MAINT_JSON_ERROR_IO] = MAINT_FLEET_ERROR_IO_FAILED,
  },
};

typedef struct {
  MaintJsonReader *r;
  MaintFleet *fleet;
  /* names seen so far; the keys belong to the reader */
  GHashTable *groups;
  GHashTable *machines;
  GHashTable *services;
  GHashTable *activities;
  GHashTable *rollouts;
} FleetReader;

/* Adds an object the codec built to the fleet. The codec has checked
 * what the fleet could refuse, so a refusal is reported at the object. */
static gboolean
fleet_added (FleetReader  *fr,
             gboolean      ok,
             GError      **error,
             GError       *local_error)
{
  if (ok)
    return TRUE;
  maint_json_reader_fail (fr->r, error, MAINT_JSON_ERROR_INVALID, "%s",
                          local_error != NULL ? local_error->message : "refused by the fleet");
  g_clear_error (&local_error);
  return FALSE;
}

static gboolean
read_policy (FleetReader  *fr,
             JsonNode     *node,
             GError      **error)
{
  g_autoptr(MaintPolicy) policy = maint_policy_new ();
  MaintJsonReader *r = fr->r;
  MaintJsonMemberIter iter;
  JsonObject *object;
  const char *name;
  JsonNode *member;

  if (!maint_json_read_object (r, node, &object, error))
    return FALSE;

  maint_json_member_iter_init (&iter, r, object);
  while (maint_json_member_iter_next (&iter, &name, &member))
    {
      gint64 seconds = 0;
      guint count = 0;
      gboolean flag = FALSE;

      if (g_str_equal (name, "horizon"))
        {
          if (!maint_json_read_duration (r, member, &seconds, error))
            return FALSE;
          maint_policy_set_horizon (policy, seconds);
        }
      else if (g_str_equal (name, "setup"))
        {
          if (!maint_json_read_duration (r, member, &seconds, error))
            return FALSE;
          maint_policy_set_setup (policy, seconds);
        }
      else if (g_str_equal (name, "min_slot"))
        {
          if (!maint_json_read_duration (r, member, &seconds, error))
            return FALSE;
          maint_policy_set_min_slot (policy, seconds);
        }
      else if (g_str_equal (name, "max_concurrent"))
        {
          if (!maint_json_read_uint (r, member, &count, error))
            return FALSE;
          maint_policy_set_max_concurrent (policy, count);
        }
      else if (g_str_equal (name, "max_concurrent_per_host"))
        {
          if (!maint_json_read_uint (r, member, &count, error))
            return FALSE;
          maint_policy_set_max_concurrent_per_host (policy, count);
        }
      else if (g_str_equal (name, "emergency_notice"))
        {
          if (!maint_json_read_duration (r, member, &seconds, error))
            return FALSE;
          maint_policy_set_emergency_notice (policy, seconds);
        }
      else if (g_str_equal (name, "max_uptime"))
        {
          if (!maint_json_read_duration (r, member, &seconds, error))
            return FALSE;
          maint_policy_set_max_uptime (policy, seconds);
        }
      else if (g_str_equal (name, "coalesce_with_host_reboot"))
        {
          if (!maint_json_read_bool (r, member, &flag, error))
            return FALSE;
          maint_policy_set_coalesce_with_host_reboot (policy, flag);
        }
      else if (!maint_json_reader_unknown_member (r, name, error))
        return FALSE;
    }

  maint_fleet_set_policy (fr->fleet, policy);
  return TRUE;
}

static gboolean
read_group (FleetReader  *fr,
            JsonNode     *node,
            GError      **error)
{
  static const char * const required[] = { "name", "contacts", "timezone", NULL };
  MaintJsonReader *r = fr->r;
  g_autoptr(MaintResourceGroup) group = NULL;
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func ((GDestroyNotify) maint_window_spec_unref);
  g_autoptr(GPtrArray) blackouts = g_ptr_array_new_with_free_func ((GDestroyNotify) maint_interval_unref);
  g_auto(GStrv) contacts = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *group_name = NULL, *zone = NULL, *locale = NULL;
  gint64 notice = -1;
  int stage = -1;
  guint max_concurrent = 0;
  gboolean has_max_concurrent = FALSE;
  MaintJsonMemberIter iter;
  JsonObject *object;
  const char *name;
  JsonNode *member;

  if (!maint_json_read_object (r, node, &object, error))
    return FALSE;

  maint_json_member_iter_init (&iter, r, object);
  while (maint_json_member_iter_next (&iter, &name, &member))
    {
      gboolean ok;

      if (g_str_equal (name, "name"))
        ok = maint_json_read_string (r, member, MAINT_JSON_FLAGS_NAME, &group_name, error) &&
             maint_json_reader_claim (r, fr->groups, group_name, "resource group name", error);
      else if (g_str_equal (name, "contacts"))
        ok = maint_json_read_strv (r, member,
                                   MAINT_JSON_FLAGS_EMAIL | MAINT_JSON_FLAGS_NON_EMPTY |
                                   MAINT_JSON_FLAGS_UNIQUE,
                                   &contacts, error);
      else if (g_str_equal (name, "timezone"))
        ok = maint_json_read_time_zone (r, member, &zone, error);
      else if (g_str_equal (name, "locale"))
        ok = maint_json_read_string (r, member, MAINT_JSON_FLAGS_LOCALE, &locale, error);
      else if (g_str_equal (name, "windows"))
        {
          JsonArray *array = NULL;

          ok = maint_json_read_array (r, member, MAINT_JSON_FLAGS_NONE, &array, error);
          for (guint i = 0; ok && i < json_array_get_length (array); i++)
            {
              const char *text;
              MaintWindowSpec *spec;

              maint_json_reader_push_index (r, i);
              if (!maint_json_read_string (r, json_array_get_element (array, i),
                                           MAINT_JSON_FLAGS_NONE, &text, error))
                return FALSE;
              spec = maint_window_spec_parse (text, &local_error);
              if (spec == NULL)
                return maint_json_reader_fail (r, error, MAINT_JSON_ERROR_INVALID,
                                               "%s", local_error->message);
              g_ptr_array_add (windows, spec);
              maint_json_reader_pop (r);
            }
        }
      else if (g_str_equal (name, "notice"))
        ok = maint_json_read_duration (r, member, &notice, error);
      else if (g_str_equal (name, "stage"))
        ok = maint_json_read_enum (r, member, MAINT_TYPE_STAGE, MAINT_STAGE_NONE,
                                   &stage, error);
      else if (g_str_equal (name, "max_concurrent"))
        ok = has_max_concurrent = maint_json_read_uint (r, member, &max_concurrent, error);
      else if (g_str_equal (name, "blackouts"))
        {
          JsonArray *array = NULL;

          ok = maint_json_read_array (r, member, MAINT_JSON_FLAGS_NONE, &array, error);
          for (guint i = 0; ok && i < json_array_get_length (array); i++)
            {
              MaintInterval *interval;

              maint_json_reader_push_index (r, i);
              if (!maint_json_read_interval (r, json_array_get_element (array, i),
                                             &interval, error))
                return FALSE;
              g_ptr_array_add (blackouts, interval);
              maint_json_reader_pop (r);
            }
        }
      else
        ok = maint_json_reader_unknown_member (r, name, error);

      if (!ok)
        return FALSE;
    }

  if (!maint_json_reader_require (r, object, required, error))
    return FALSE;

  group = maint_resource_group_new (group_name);
  maint_resource_group_set_contacts (group, (const char * const *) contacts);
  maint_resource_group_set_timezone (group, zone);
  if (locale != NULL)
    maint_resource_group_set_locale (group, locale);
  for (guint i = 0; i < windows->len; i++)
    maint_resource_group_add_window (group, g_ptr_array_index (windows, i));
  if (notice >= 0)
    maint_resource_group_set_notice (group, notice);
  if (stage >= 0)
    maint_resource_group_set_stage (group, stage);
  if (has_max_concurrent)
    maint_resource_group_set_max_concurrent (group, max_concurrent);
  for (guint i = 0; i < blackouts->len; i++)
    maint_resource_group_add_blackout (group, g_ptr_array_index (blackouts, i));

  return fleet_added (fr, maint_fleet_add_group (fr->fleet, group, &local_error),
                      error, g_steal_pointer (&local_error));
}

static gboolean
read_machine (FleetReader  *fr,
              JsonNode     *node,
              GError      **error)
{
  static const char * const required[] = { "name", "group", "kind", NULL };
  MaintJsonReader *r = fr->r;
  g_autoptr(MaintMachine) machine = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *machine_name = NULL, *group = NULL, *host = NULL;
  int kind = 0, stage = -1;
  gboolean auto_schedule = FALSE, representative = FALSE;
  gboolean has_auto_schedule = FALSE, has_representative = FALSE;
  gint64 booted_at = 0;
  guint reboots = 0;
  gboolean has_reboots = FALSE;
  MaintJsonMemberIter iter;
  JsonObject *object;
  const char *name;
  JsonNode *member;

  if (!maint_json_read_object (r, node, &object, error))
    return FALSE;

  maint_json_member_iter_init (&iter, r, object);
  while (maint_json_member_iter_next (&iter, &name, &member))
    {
      gboolean ok;

      if (g_str_equal (name, "name"))
        ok = maint_json_read_string (r, member, MAINT_JSON_FLAGS_NAME, &machine_name, error) &&
             maint_json_reader_claim (r, fr->machines, machine_name, "machine name", error);
      else if (g_str_equal (name, "group"))
        ok = maint_json_read_string (r, member, MAINT_JSON_FLAGS_NAME, &group, error);
      else if (g_str_equal (name, "kind"))
        ok = maint_json_read_enum (r, member, MAINT_TYPE_MACHINE_KIND, -1, &kind, error);
      else if (g_str_equal (name, "host"))
        ok = maint_json_read_string (r, member, MAINT_JSON_FLAGS_NAME, &host, error);
      else if (g_str_equal (name, "auto_schedule"))
        ok = has_auto_schedule = maint_json_read_bool (r, member, &auto_schedule, error);
      else if (g_str_equal (name, "representative"))
        ok = has_representative = maint_json_read_bool (r, member, &representative, error);
      else if (g_str_equal (name, "stage"))
        ok = maint_json_read_enum (r, member, MAINT_TYPE_STAGE, MAINT_STAGE_NONE,
                                   &stage, error);
      else if (g_str_equal (name, "booted_at"))
        ok = maint_json_read_instant (r, member, &booted_at, error);
      else if (g_str_equal (name, "reboots"))
        ok = has_reboots = maint_json_read_uint (r, member, &reboots, error);
      else
        ok = maint_json_reader_unknown_member (r, name, error);

      if (!ok)
        return FALSE;
    }

  if (!maint_json_reader_require (r, object, required, error))
    return FALSE;

  machine = maint_machine_new (machine_name, group, kind);
  if (host != NULL)
    maint_machine_set_host (machine, host);
  if (has_auto_schedule)
    maint_machine_set_auto_schedule (machine, auto_schedule);
  if (has_representative)
    maint_machine_set_representative (machine, representative);
  if (stage >= 0)
    maint_machine_set_stage (machine, stage);
  if (booted_at != 0)
    maint_machine_set_booted_at (machine, booted_at);
  if (has_reboots)
    maint_machine_set_reboots (machine, reboots);

  return fleet_added (fr, maint_fleet_add_machine (fr->fleet, machine, &local_error),
                      error, g_steal_pointer (&local_error));
}

static gboolean
read_service (FleetReader  *fr,
              JsonNode     *node,
              GError      **error)
{
  static const char * const required[] = { "name", "members", NULL };
  MaintJsonReader *r = fr->r;
  g_autoptr(MaintService) service = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) members = NULL;
  g_auto(GStrv) order = NULL;
  const char *service_name = NULL;
  guint max_unavailable = 0;
  gboolean has_max_unavailable = FALSE;
  gint64 spacing = -1;
  MaintJsonMemberIter iter;
  JsonObject *object;
  const char *name;
  JsonNode *member;

  if (!maint_json_read_object (r, node, &object, error))
    return FALSE;

  maint_json_member_iter_init (&iter, r, object);
  while (maint_json_member_iter_next (&iter, &name, &member))
    {
      gboolean ok;

      if (g_str_equal (name, "name"))
        ok = maint_json_read_string (r, member, MAINT_JSON_FLAGS_NAME, &service_name, error) &&
             maint_json_reader_claim (r, fr->services, service_name, "service name", error);
      else if (g_str_equal (name, "members"))
        ok = maint_json_read_strv (r, member,
                                   MAINT_JSON_FLAGS_NAME | MAINT_JSON_FLAGS_NON_EMPTY | MAINT_JSON_FLAGS_UNIQUE,
                                   &members, error);
      else if (g_str_equal (name, "max_unavailable"))
        {
          ok = has_max_unavailable = maint_json_read_uint (r, member, &max_unavailable, error);
          if (ok && max_unavailable == 0)
            return maint_json_reader_fail (r, error, MAINT_JSON_ERROR_INVALID,
                                           "expected a positive integer, got 0");
        }
      else if (g_str_equal (name, "spacing"))
        ok = maint_json_read_duration (r, member, &spacing, error);
      else if (g_str_equal (name, "order"))
        ok = maint_json_read_strv (r, member, MAINT_JSON_FLAGS_NAME | MAINT_JSON_FLAGS_UNIQUE, &order, error);
      else
        ok = maint_json_reader_unknown_member (r, name, error);

      if (!ok)
        return FALSE;
    }

  if (!maint_json_reader_require (r, object, required, error))
    return FALSE;

  service = maint_service_new (service_name);
  maint_service_set_members (service, (const char * const *) members);
  if (has_max_unavailable)
    maint_service_set_max_unavailable (service, max_unavailable);
  if (spacing >= 0)
    maint_service_set_spacing (service, spacing);
  if (order != NULL)
    maint_service_set_order (service, (const char * const *) order);

  return fleet_added (fr, maint_fleet_add_service (fr->fleet, service, &local_error),
                      error, g_steal_pointer (&local_error));
}

static gboolean
read_activity (FleetReader  *fr,
               JsonNode     *node,
               GError      **error)
{
  static const char * const required[] = { "id", "machine", "kind", NULL };
  MaintJsonReader *r = fr->r;
  g_autoptr(MaintActivity) activity = NULL;
  g_autoptr(MaintInterval) scheduled = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *id = NULL, *machine = NULL, *summary = NULL, *rollout = NULL;
  int kind = 0, reboot = -1, priority = -1;
  gint64 estimate = -1, not_before = 0, deadline = 0, announced_at = 0;
  MaintJsonMemberIter iter;
  JsonObject *object;
  const char *name;
  JsonNode *member;

  if (!maint_json_read_object (r, node, &object, error))
    return FALSE;

  maint_json_member_iter_init (&iter, r, object);
  while (maint_json_member_iter_next (&iter, &name, &member))
    {
      gboolean ok;

      if (g_str_equal (name, "id"))
        ok = maint_json_read_string (r, member, MAINT_JSON_FLAGS_NAME, &id, error) &&
             maint_json_reader_claim (r, fr->activities, id, "activity id", error);
      else if (g_str_equal (name, "machine"))
        ok = maint_json_read_string (r, member, MAINT_JSON_FLAGS_NAME, &machine, error);
      else if (g_str_equal (name, "kind"))
        ok = maint_json_read_enum (r, member, MAINT_TYPE_ACTIVITY_KIND, -1, &kind, error);
      else if (g_str_equal (name, "summary"))
        ok = maint_json_read_string (r, member, MAINT_JSON_FLAGS_NONE, &summary, error);
      else if (g_str_equal (name, "estimate"))
        ok = maint_json_read_duration (r, member, &estimate, error);
      else if (g_str_equal (name, "reboot"))
        ok = maint_json_read_enum (r, member, MAINT_TYPE_REBOOT_KIND, -1, &reboot, error);
      else if (g_str_equal (name, "priority"))
        ok = maint_json_read_enum (r, member, MAINT_TYPE_PRIORITY, -1, &priority, error);
      else if (g_str_equal (name, "not_before"))
        ok = maint_json_read_instant (r, member, &not_before, error);
      else if (g_str_equal (name, "deadline"))
        ok = maint_json_read_instant (r, member, &deadline, error);
      else if (g_str_equal (name, "rollout"))
        ok = maint_json_read_string (r, member, MAINT_JSON_FLAGS_NAME, &rollout, error);
      else if (g_str_equal (name, "scheduled"))
        ok = maint_json_read_interval (r, member, &scheduled, error);
      else if (g_str_equal (name, "announced_at"))
        ok = maint_json_read_instant (r, member, &announced_at, error);
      else
        ok = maint_json_reader_unknown_member (r, name, error);

      if (!ok)
        return FALSE;
    }

  if (!maint_json_reader_require (r, object, required, error))
    return FALSE;

  activity = maint_activity_new (id, machine, kind);
  if (summary != NULL)
    maint_activity_set_summary (activity, summary);
  if (estimate >= 0)
    maint_activity_set_estimate (activity, estimate);
  if (reboot >= 0)
    maint_activity_set_reboot (activity, reboot);
  if (priority >= 0)
    maint_activity_set_priority (activity, priority);
  if (not_before != 0)
    maint_activity_set_not_before (activity, not_before);
  if (deadline != 0)
    maint_activity_set_deadline (activity, deadline);
  if (rollout != NULL)
    maint_activity_set_rollout (activity, rollout);
  if (scheduled != NULL)
    maint_activity_set_scheduled (activity, scheduled);
  if (announced_at != 0)
    maint_activity_set_announced_at (activity, announced_at);

  return fleet_added (fr, maint_fleet_add_activity (fr->fleet, activity, &local_error),
                      error, g_steal_pointer (&local_error));
}

typedef struct {
  int kind;
  const char *summary;
  gint64 estimate;
  int reboot;
  int priority;
} Template;

static gboolean
read_template (MaintJsonReader  *r,
               JsonNode         *node,
               Template         *t,
               GError          **error)
{
  MaintJsonMemberIter iter;
  JsonObject *object;
  const char *name;
  JsonNode *member;

  if (!maint_json_read_object (r, node, &object, error))
    return FALSE;

  maint_json_member_iter_init (&iter, r, object);
  while (maint_json_member_iter_next (&iter, &name, &member))
    {
      gboolean ok;

      if (g_str_equal (name, "kind"))
        ok = maint_json_read_enum (r, member, MAINT_TYPE_ACTIVITY_KIND, -1, &t->kind, error);
      else if (g_str_equal (name, "summary"))
        ok = maint_json_read_string (r, member, MAINT_JSON_FLAGS_NONE, &t->summary, error);
      else if (g_str_equal (name, "estimate"))
        ok = maint_json_read_duration (r, member, &t->estimate, error);
      else if (g_str_equal (name, "reboot"))
        ok = maint_json_read_enum (r, member, MAINT_TYPE_REBOOT_KIND, -1, &t->reboot, error);
      else if (g_str_equal (name, "priority"))
        ok = maint_json_read_enum (r, member, MAINT_TYPE_PRIORITY, -1, &t->priority, error);
      else
        ok = maint_json_reader_unknown_member (r, name, error);

      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_select (MaintJsonReader  *r,
             JsonNode         *node,
             MaintWave        *wave,
             GError          **error)
{
  MaintJsonMemberIter iter;
  JsonObject *object;
  const char *name;
  JsonNode *member;

  if (!maint_json_read_object (r, node, &object, error))
    return FALSE;

  maint_json_member_iter_init (&iter, r, object);
  while (maint_json_member_iter_next (&iter, &name, &member))
    {
      int value;
      gboolean flag;

      if (g_str_equal (name, "kind"))
        {
          if (!maint_json_read_enum (r, member, MAINT_TYPE_MACHINE_KIND, -1, &value, error))
            return FALSE;
          maint_wave_set_select_kind (wave, value);
        }
      else if (g_str_equal (name, "representative"))
        {
          if (!maint_json_read_bool (r, member, &flag, error))
            return FALSE;
          maint_wave_set_select_representative (wave, flag);
        }
      else if (g_str_equal (name, "stage"))
        {
          if (!maint_json_read_enum (r, member, MAINT_TYPE_STAGE, MAINT_STAGE_NONE, &value, error))
            return FALSE;
          maint_wave_set_select_stage (wave, value);
        }
      else if (!maint_json_reader_unknown_member (r, name, error))
        return FALSE;
    }
  return TRUE;
}

static MaintWave *
read_wave (MaintJsonReader  *r,
           JsonNode         *node,
           GHashTable       *names,
           GError          **error)
{
  static const char * const required[] = { "name", NULL };
  g_autoptr(MaintWave) wave = NULL;
  const char *wave_name = NULL;
  JsonNode *select = NULL;
  gboolean has_share = FALSE;
  double share = 0;
  gint64 from = 0, until = 0;
  MaintJsonMemberIter iter;
  JsonObject *object;
  const char *name;
  JsonNode *member;

  if (!maint_json_read_object (r, node, &object, error))
    return NULL;

  /* The select criteria are set on the wave, which needs its name first:
   * check the criteria in document order, apply them afterwards. */
  maint_json_member_iter_init (&iter, r, object);
  while (maint_json_member_iter_next (&iter, &name, &member))
    {
      gboolean ok;

      if (g_str_equal (name, "name"))
        ok = maint_json_read_string (r, member, MAINT_JSON_FLAGS_NAME, &wave_name, error) &&
             maint_json_reader_claim (r, names, wave_name, "wave name", error);
      else if (g_str_equal (name, "select"))
        {
          g_autoptr(MaintWave) scratch = maint_wave_new ("select");

          if (has_share)
            {
              maint_json_reader_fail (r, error, MAINT_JSON_ERROR_INVALID,
                                      "a wave has either \"select\" or \"share\", not both");
              return NULL;
            }
          ok = read_select (r, member, scratch, error);
          select = member;
        }
      else if (g_str_equal (name, "share"))
        {
          if (select != NULL)
            {
              maint_json_reader_fail (r, error, MAINT_JSON_ERROR_INVALID,
                                      "a wave has either \"select\" or \"share\", not both");
              return NULL;
            }
          ok = has_share = maint_json_read_double (r, member, 0, 1, &share, error);
          if (ok && share <= 0)
            {
              maint_json_reader_fail (r, error, MAINT_JSON_ERROR_INVALID,
                                      "expected a share greater than 0, got 0");
              return NULL;
            }
        }
      else if (g_str_equal (name, "from"))
        ok = maint_json_read_instant (r, member, &from, error);
      else if (g_str_equal (name, "until"))
        ok = maint_json_read_instant (r, member, &until, error);
      else
        ok = maint_json_reader_unknown_member (r, name, error);

      if (!ok)
        return NULL;
    }

  if (!maint_json_reader_require (r, object, required, error))
    return NULL;
  if (from != 0 && until != 0 && until <= from)
    {
      maint_json_reader_push_member (r, "until");
      maint_json_reader_fail (r, error, MAINT_JSON_ERROR_INVALID,
                              "\"until\" must be after \"from\"");
      return NULL;
    }

  wave = maint_wave_new (wave_name);
  if (select != NULL)
    {
      maint_json_reader_push_member (r, "select");
      if (!read_select (r, select, wave, error))
        return NULL;
      maint_json_reader_pop (r);
    }
  if (has_share)
    maint_wave_set_share (wave, share);
  if (from != 0)
    maint_wave_set_from (wave, from);
  if (until != 0)
    maint_wave_set_until (wave, until);
  return g_steal_pointer (&wave);
}

static gboolean
read_rollout (FleetReader  *fr,
              JsonNode     *node,
              GError      **error)
{
  static const char * const required[] = { "name", "waves", NULL };
  MaintJsonReader *r = fr->r;
  g_autoptr(MaintRollout) rollout = NULL;
  g_autoptr(MaintInterval) host_reboots = NULL;
  g_autoptr(GPtrArray) waves = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) wave_names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  const char *rollout_name = NULL;
  gint64 staging_lead = -1;
  gint64 host_reboot_estimate = -1;
  guint halt_after_failures = 0;
  gboolean has_halt = FALSE, has_template = FALSE;
  Template t = { -1, NULL, -1, -1, -1 };
  MaintJsonMemberIter iter;
  JsonObject *object;
  const char *name;
  JsonNode *member;

  if (!maint_json_read_object (r, node, &object, error))
    return FALSE;

  maint_json_member_iter_init (&iter, r, object);
  while (maint_json_member_iter_next (&iter, &name, &member))
    {
      gboolean ok;

      if (g_str_equal (name, "name"))
        ok = maint_json_read_string (r, member, MAINT_JSON_FLAGS_NAME, &rollout_name, error) &&
             maint_json_reader_claim (r, fr->rollouts, rollout_name, "rollout name", error);
      else if (g_str_equal (name, "staging_lead"))
        ok = maint_json_read_duration (r, member, &staging_lead, error);
      else if (g_str_equal (name, "host_reboots"))
        ok = maint_json_read_interval (r, member, &host_reboots, error);
      else if (g_str_equal (name, "host_reboot_estimate"))
        {
          ok = maint_json_read_duration (r, member, &host_reboot_estimate, error);
          if (ok && host_reboot_estimate <= 0)
            ok = maint_json_reader_fail (r, error, MAINT_JSON_ERROR_INVALID,
                                         "must be a positive duration");
        }
      else if (g_str_equal (name, "halt_after_failures"))
        ok = has_halt = maint_json_read_uint (r, member, &halt_after_failures, error);
      else if (g_str_equal (name, "template"))
        ok = has_template = read_template (r, member, &t, error);
      else if (g_str_equal (name, "waves"))
        {
          JsonArray *array = NULL;

          ok = maint_json_read_array (r, member, MAINT_JSON_FLAGS_NON_EMPTY, &array, error);
          for (guint i = 0; ok && i < json_array_get_length (array); i++)
            {
              MaintWave *wave;

              maint_json_reader_push_index (r, i);
              wave = read_wave (r, json_array_get_element (array, i), wave_names, error);
              if (wave == NULL)
                return FALSE;
              g_ptr_array_add (waves, wave);
              maint_json_reader_pop (r);
            }
        }
      else
        ok = maint_json_reader_unknown_member (r, name, error);

      if (!ok)
        return FALSE;
    }

  if (!maint_json_reader_require (r, object, required, error))
    return FALSE;

  rollout = maint_rollout_new (rollout_name);
  if (staging_lead >= 0)
    maint_rollout_set_staging_lead (rollout, staging_lead);
  if (host_reboots != NULL)
    maint_rollout_set_host_reboots (rollout, host_reboots);
  if (host_reboot_estimate > 0)
    maint_rollout_set_host_reboot_estimate (rollout, host_reboot_estimate);
  if (has_halt)
    maint_rollout_set_halt_after_failures (rollout, halt_after_failures);
  if (has_template)
    {
      if (t.kind >= 0)
        maint_rollout_set_template_kind (rollout, t.kind);
      if (t.summary != NULL)
        maint_rollout_set_template_summary (rollout, t.summary);
      if (t.estimate >= 0)
        maint_rollout_set_template_estimate (rollout, t.estimate);
      if (t.reboot >= 0)
        maint_rollout_set_template_reboot (rollout, t.reboot);
      if (t.priority >= 0)
        maint_rollout_set_template_priority (rollout, t.priority);
    }
  for (guint i = 0; i < waves->len; i++)
    maint_rollout_add_wave (rollout, g_ptr_array_index (waves, i));

  return fleet_added (fr, maint_fleet_add_rollout (fr->fleet, rollout, &local_error),
                      error, g_steal_pointer (&local_error));
}

typedef gboolean (*ReadElementFunc) (FleetReader *fr, JsonNode *node, GError **error);

static gboolean
read_section (FleetReader      *fr,
              JsonNode         *node,
              ReadElementFunc   read_element,
              GError          **error)
{
  JsonArray *array = NULL;

  if (!maint_json_read_array (fr->r, node, MAINT_JSON_FLAGS_NONE, &array, error))
    return FALSE;

  for (guint i = 0; i < maint_json_reader_array_length (fr->r, array); i++)
    {
      g_autoptr(JsonNode) element = maint_json_reader_array_element (fr->r, array, i, error);

      if (element == NULL)
        return FALSE;
      maint_json_reader_push_index (fr->r, i);
      if (!read_element (fr, element, error))
        return FALSE;
      maint_json_reader_pop (fr->r);
    }
  return TRUE;
}

static gboolean
read_format (MaintJsonReader  *r,
             JsonObject       *root,
             GError          **error)
{
  JsonNode *node = json_object_get_member (root, "format");
  const char *format;
  gboolean ok;

  if (node == NULL)
    return maint_json_reader_fail (r, error, MAINT_JSON_ERROR_FORMAT,
                                   "missing required field \"format\" (expected \"%s\")",
                                   MAINT_FLEET_FORMAT);

  maint_json_reader_push_member (r, "format");
  if (!maint_json_node_is_string (node))
    {
      g_autofree char *got = maint_json_describe_node (node);
      return maint_json_reader_fail (r, error, MAINT_JSON_ERROR_FORMAT,
                                     "expected \"%s\", got %s", MAINT_FLEET_FORMAT, got);
    }
  format = json_node_get_string (node);
  ok = g_str_equal (format, MAINT_FLEET_FORMAT);
  if (!ok)
    {
      g_autofree char *quoted = maint_json_quote (format);
      return maint_json_reader_fail (r, error, MAINT_JSON_ERROR_FORMAT,
                                     "unsupported format %s (expected \"%s\")",
                                     quoted, MAINT_FLEET_FORMAT);
    }
  maint_json_reader_pop (r);
  return TRUE;
}

static MaintFleet *
read_fleet (MaintJsonReader  *r,
            JsonNode         *root,
            GError          **error)
{
  g_autoptr(MaintFleet) fleet = maint_fleet_new ();
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) machines = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) services = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) activities = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) rollouts = g_hash_table_new (g_str_hash, g_str_equal);
  FleetReader fr = { r, fleet, groups, machines, services, activities, rollouts };
  MaintJsonMemberIter iter;
  JsonObject *object;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *got = maint_json_describe_node (root);
      maint_json_reader_fail (r, error, MAINT_JSON_ERROR_FORMAT,
                              "expected a %s document (an object), got %s",
                              MAINT_FLEET_FORMAT, got);
      return NULL;
    }
  object = json_node_get_object (root);

  /* The format first, wherever it is: a plan or some other document
   * should be named as such, not picked apart field by field. */
  if (!read_format (r, object, error))
    return NULL;

  maint_json_member_iter_init (&iter, r, object);
  while (maint_json_member_iter_next (&iter, &name, &member))
    {
      gboolean ok;

      if (g_str_equal (name, "format"))
        ok = TRUE;
      else if (g_str_equal (name, "now"))
        {
          gint64 now = 0;
          ok = maint_json_read_instant (r, member, &now, error);
          if (ok)
            maint_fleet_set_now (fleet, now);
        }
      else if (g_str_equal (name, "policy"))
        ok = read_policy (&fr, member, error);
      else if (g_str_equal (name, "resource_groups"))
        ok = read_section (&fr, member, read_group, error);
      else if (g_str_equal (name, "machines"))
        ok = read_section (&fr, member, read_machine, error);
      else if (g_str_equal (name, "services"))
        ok = read_section (&fr, member, read_service, error);
      else if (g_str_equal (name, "activities"))
        ok = read_section (&fr, member, read_activity, error);
      else if (g_str_equal (name, "rollouts"))
        ok = read_section (&fr, member, read_rollout, error);
      else
        ok = maint_json_reader_unknown_member (r, name, error);

      if (!ok)
        return NULL;
    }

  /* Cross-object rules (references, kinds of hosts, …) live with the
   * model, so fleets built in code get the same checks; its paths index
   * the fleet's arrays, which are in document order. */
  if (!maint_fleet_validate (fleet, error))
    return NULL;

  return g_steal_pointer (&fleet);
}

/* ------------------------------------------------------------------ */
/* Writing fleets                                                      */
/* ------------------------------------------------------------------ */

/* A field is written when it differs from a freshly constructed object's,
 * so loading the output gives back an equal object whatever defaults the
 * model has. Required fields are always written. */

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  gsize i;

  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  for (i = 0; a[i] != NULL && b[i] != NULL; i++)
    if (!g_str_equal (a[i], b[i]))
      return FALSE;
  return a[i] == NULL && b[i] == NULL;
}

static gboolean
interval_equal0 (const MaintInterval *a,
                 const MaintInterval *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return maint_interval_equal (a, b);
}

static void
write_policy (MaintJsonWriter *w,
              MaintPolicy     *policy)
{
  g_autoptr(MaintPolicy) d = maint_policy_new ();
  gboolean horizon, setup, min_slot, max_concurrent, per_host, emergency, max_uptime, coalesce;

  if (policy == NULL)
    return;

  horizon = maint_policy_get_horizon (policy) != maint_policy_get_horizon (d);
  setup = maint_policy_get_setup (policy) != maint_policy_get_setup (d);
  min_slot = maint_policy_get_min_slot (policy) != maint_policy_get_min_slot (d);
  max_concurrent = maint_policy_get_max_concurrent (policy) != maint_policy_get_max_concurrent (d);
  per_host = maint_policy_get_max_concurrent_per_host (policy) !=
             maint_policy_get_max_concurrent_per_host (d);
  emergency = maint_policy_get_emergency_notice (policy) != maint_policy_get_emergency_notice (d);
  max_uptime = maint_policy_get_max_uptime (policy) != maint_policy_get_max_uptime (d);
  coalesce = !maint_policy_get_coalesce_with_host_reboot (policy) !=
             !maint_policy_get_coalesce_with_host_reboot (d);

  if (!(horizon || setup || min_slot || max_concurrent || per_host || emergency ||
        max_uptime || coalesce))
    return;

  maint_json_writer_member (w, "policy");
  maint_json_writer_begin_object (w, FALSE);
  if (horizon)
    {
      maint_json_writer_member (w, "horizon");
      maint_json_writer_duration (w, maint_policy_get_horizon (policy));
    }
  if (setup)
    {
      maint_json_writer_member (w, "setup");
      maint_json_writer_duration (w, maint_policy_get_setup (policy));
    }
  if (min_slot)
    {
      maint_json_writer_member (w, "min_slot");
      maint_json_writer_duration (w, maint_policy_get_min_slot (policy));
    }
  if (max_concurrent)
    {
      maint_json_writer_member (w, "max_concurrent");
      maint_json_writer_int (w, maint_policy_get_max_concurrent (policy));
    }
  if (per_host)
    {
      maint_json_writer_member (w, "max_concurrent_per_host");
      maint_json_writer_int (w, maint_policy_get_max_concurrent_per_host (policy));
    }
  if (emergency)
    {
      maint_json_writer_member (w, "emergency_notice");
      maint_json_writer_duration (w, maint_policy_get_emergency_notice (policy));
    }
  if (max_uptime)
    {
      maint_json_writer_member (w, "max_uptime");
      maint_json_writer_duration (w, maint_policy_get_max_uptime (policy));
    }
  if (coalesce)
    {
      maint_json_writer_member (w, "coalesce_with_host_reboot");
      maint_json_writer_bool (w, maint_policy_get_coalesce_with_host_reboot (policy));
    }
  maint_json_writer_end_object (w);
}

static void
write_group (MaintJsonWriter    *w,
             MaintResourceGroup *g)
{
  g_autoptr(MaintResourceGroup) d = maint_resource_group_new (maint_resource_group_get_name (g));
  GPtrArray *windows = maint_resource_group_get_windows (g);
  GPtrArray *blackouts = maint_resource_group_get_blackouts (g);

  maint_json_writer_begin_object (w, FALSE);
  maint_json_writer_member (w, "name");
  maint_json_writer_string (w, maint_resource_group_get_name (g));
  maint_json_writer_member (w, "contacts");
  maint_json_writer_strv (w, maint_resource_group_get_contacts (g));
  if (maint_resource_group_get_timezone (g) != NULL)
    {
      maint_json_writer_member (w, "timezone");
      maint_json_writer_string (w, maint_resource_group_get_timezone (g));
    }
  if (maint_resource_group_get_locale (g) != NULL &&
      g_strcmp0 (maint_resource_group_get_locale (g), maint_resource_group_get_locale (d)) != 0)
    {
      maint_json_writer_member (w, "locale");
      maint_json_writer_string (w, maint_resource_group_get_locale (g));
    }
  if (windows != NULL && windows->len > 0)
    {
      maint_json_writer_member (w, "windows");
      maint_json_writer_begin_array (w, TRUE);
      for (guint i = 0; i < windows->len; i++)
        {
          g_autofree char *text = maint_window_spec_to_string (g_ptr_array_index (windows, i));
          maint_json_writer_string (w, text);
        }
      maint_json_writer_end_array (w);
    }
  if (maint_resource_group_get_notice (g) != maint_resource_group_get_notice (d))
    {
      maint_json_writer_member (w, "notice");
      maint_json_writer_duration (w, maint_resource_group_get_notice (g));
    }
  if (maint_resource_group_get_stage (g) != maint_resource_group_get_stage (d) &&
      maint_resource_group_get_stage (g) != MAINT_STAGE_NONE)
    {
      maint_json_writer_member (w, "stage");
      maint_json_writer_enum (w, MAINT_TYPE_STAGE, maint_resource_group_get_stage (g));
    }
  if (maint_resource_group_get_max_concurrent (g) != maint_resource_group_get_max_concurrent (d))
    {
      maint_json_writer_member (w, "max_concurrent");
      maint_json_writer_int (w, maint_resource_group_get_max_concurrent (g));
    }
  if (blackouts != NULL && blackouts->len > 0)
    {
      maint_json_writer_member (w, "blackouts");
      maint_json_writer_begin_array (w, FALSE);
      for (guint i = 0; i < blackouts->len; i++)
        maint_json_writer_interval (w, g_ptr_array_index (blackouts, i));
      maint_json_writer_end_array (w);
    }
  maint_json_writer_end_object (w);
}

static void
write_machine (MaintJsonWriter *w,
               MaintMachine    *m)
{
  g_autoptr(MaintMachine) d = maint_machine_new (maint_machine_get_name (m),
                                                 maint_machine_get_group (m),
                                                 maint_machine_get_kind (m));

  maint_json_writer_begin_object (w, FALSE);
  maint_json_writer_member (w, "name");
  maint_json_writer_string (w, maint_machine_get_name (m));
  maint_json_writer_member (w, "group");
  maint_json_writer_string (w, maint_machine_get_group (m));
  maint_json_writer_member (w, "kind");
  maint_json_writer_enum (w, MAINT_TYPE_MACHINE_KIND, maint_machine_get_kind (m));
  if (maint_machine_get_host (m) != NULL &&
      g_strcmp0 (maint_machine_get_host (m), maint_machine_get_host (d)) != 0)
    {
      maint_json_writer_member (w, "host");
      maint_json_writer_string (w, maint_machine_get_host (m));
    }
  if (!maint_machine_get_auto_schedule (m) != !maint_machine_get_auto_schedule (d))
    {
      maint_json_writer_member (w, "auto_schedule");
      maint_json_writer_bool (w, maint_machine_get_auto_schedule (m));
    }
  if (!maint_machine_get_representative (m) != !maint_machine_get_representative (d))
    {
      maint_json_writer_member (w, "representative");
      maint_json_writer_bool (w, maint_machine_get_representative (m));
    }
  if (maint_machine_get_stage (m) != maint_machine_get_stage (d) &&
      maint_machine_get_stage (m) != MAINT_STAGE_NONE)
    {
      maint_json_writer_member (w, "stage");
      maint_json_writer_enum (w, MAINT_TYPE_STAGE, maint_machine_get_stage (m));
    }
  if (maint_machine_get_booted_at (m) != maint_machine_get_booted_at (d) &&
      maint_machine_get_booted_at (m) != 0)
    {
      maint_json_writer_member (w, "booted_at");
      maint_json_writer_instant (w, maint_machine_get_booted_at (m));
    }
  if (maint_machine_get_reboots (m) != maint_machine_get_reboots (d))
    {
      maint_json_writer_member (w, "reboots");
      maint_json_writer_int (w, maint_machine_get_reboots (m));
    }
  maint_json_writer_end_object (w);
}

static void
write_service (MaintJsonWriter *w,
               MaintService    *s)
{
  g_autoptr(MaintService) d = maint_service_new (maint_service_get_name (s));
  const char * const *order = maint_service_get_order (s);

  maint_json_writer_begin_object (w, FALSE);
  maint_json_writer_member (w, "name");
  maint_json_writer_string (w, maint_service_get_name (s));
  maint_json_writer_member (w, "members");
  maint_json_writer_strv (w, maint_service_get_members (s));
  if (maint_service_get_max_unavailable (s) != maint_service_get_max_unavailable (d))
    {
      maint_json_writer_member (w, "max_unavailable");
      maint_json_writer_int (w, maint_service_get_max_unavailable (s));
    }
  if (maint_service_get_spacing (s) != maint_service_get_spacing (d))
    {
      maint_json_writer_member (w, "spacing");
      maint_json_writer_duration (w, maint_service_get_spacing (s));
    }
  if (order != NULL && order[0] != NULL && !strv_equal0 (order, maint_service_get_order (d)))
    {
      maint_json_writer_member (w, "order");
      maint_json_writer_strv (w, order);
    }
  maint_json_writer_end_object (w);
}

static void
write_activity (MaintJsonWriter *w,
                MaintActivity   *a)
{
  g_autoptr(MaintActivity) d = maint_activity_new (maint_activity_get_id (a),
                                                   maint_activity_get_machine (a),
                                                   maint_activity_get_kind (a));
  MaintInterval *scheduled = maint_activity_get_scheduled (a);

  maint_json_writer_begin_object (w, FALSE);
  maint_json_writer_member (w, "id");
  maint_json_writer_string (w, maint_activity_get_id (a));
  maint_json_writer_member (w, "machine");
  maint_json_writer_string (w, maint_activity_get_machine (a));
  maint_json_writer_member (w, "kind");
  maint_json_writer_enum (w, MAINT_TYPE_ACTIVITY_KIND, maint_activity_get_kind (a));
  if (maint_activity_get_summary (a) != NULL &&
      g_strcmp0 (maint_activity_get_summary (a), maint_activity_get_summary (d)) != 0)
    {
      maint_json_writer_member (w, "summary");
      maint_json_writer_string (w, maint_activity_get_summary (a));
    }
  if (maint_activity_get_estimate (a) != maint_activity_get_estimate (d))
    {
      maint_json_writer_member (w, "estimate");
      maint_json_writer_duration (w, maint_activity_get_estimate (a));
    }
  if (maint_activity_get_reboot (a) != maint_activity_get_reboot (d))
    {
      maint_json_writer_member (w, "reboot");
      maint_json_writer_enum (w, MAINT_TYPE_REBOOT_KIND, maint_activity_get_reboot (a));
    }
  if (maint_activity_get_priority (a) != maint_activity_get_priority (d))
    {
      maint_json_writer_member (w, "priority");
      maint_json_writer_enum (w, MAINT_TYPE_PRIORITY, maint_activity_get_priority (a));
    }
  if (maint_activity_get_not_before (a) != 0)
    {
      maint_json_writer_member (w, "not_before");
      maint_json_writer_instant (w, maint_activity_get_not_before (a));
    }
  if (maint_activity_get_deadline (a) != 0)
    {
      maint_json_writer_member (w, "deadline");
      maint_json_writer_instant (w, maint_activity_get_deadline (a));
    }
  if (maint_activity_get_rollout (a) != NULL)
    {
      maint_json_writer_member (w, "rollout");
      maint_json_writer_string (w, maint_activity_get_rollout (a));
    }
  if (scheduled != NULL)
    {
      maint_json_writer_member (w, "scheduled");
      maint_json_writer_interval (w, scheduled);
    }
  if (maint_activity_get_announced_at (a) != 0)
    {
      maint_json_writer_member (w, "announced_at");
      maint_json_writer_instant (w, maint_activity_get_announced_at (a));
    }
  maint_json_writer_end_object (w);
}

static void
write_wave (MaintJsonWriter *w,
            MaintWave       *wave)
{
  g_autoptr(MaintWave) d = maint_wave_new (maint_wave_get_name (wave));
  gboolean by_kind = maint_wave_get_select_by_kind (wave);
  gboolean representative = maint_wave_get_select_representative (wave) &&
                            !maint_wave_get_select_representative (d);
  gboolean stage = maint_wave_get_select_stage (wave) != MAINT_STAGE_NONE;

  maint_json_writer_begin_object (w, FALSE);
  maint_json_writer_member (w, "name");
  maint_json_writer_string (w, maint_wave_get_name (wave));
  if (by_kind || representative || stage)
    {
      maint_json_writer_member (w, "select");
      maint_json_writer_begin_object (w, TRUE);
      if (by_kind)
        {
          maint_json_writer_member (w, "kind");
          maint_json_writer_enum (w, MAINT_TYPE_MACHINE_KIND, maint_wave_get_select_kind (wave));
        }
      if (representative)
        {
          maint_json_writer_member (w, "representative");
          maint_json_writer_bool (w, TRUE);
        }
      if (stage)
        {
          maint_json_writer_member (w, "stage");
          maint_json_writer_enum (w, MAINT_TYPE_STAGE, maint_wave_get_select_stage (wave));
        }
      maint_json_writer_end_object (w);
    }
  if (maint_wave_get_share (wave) != maint_wave_get_share (d))
    {
      maint_json_writer_member (w, "share");
      maint_json_writer_double (w, maint_wave_get_share (wave));
    }
  if (maint_wave_get_from (wave) != 0)
    {
      maint_json_writer_member (w, "from");
      maint_json_writer_instant (w, maint_wave_get_from (wave));
    }
  if (maint_wave_get_until (wave) != 0)
    {
      maint_json_writer_member (w, "until");
      maint_json_writer_instant (w, maint_wave_get_until (wave));
    }
  maint_json_writer_end_object (w);
}

static void
write_rollout (MaintJsonWriter *w,
               MaintRollout    *ro)
{
  g_autoptr(MaintRollout) d = maint_rollout_new (maint_rollout_get_name (ro));
  MaintInterval *host_reboots = maint_rollout_get_host_reboots (ro);
  GPtrArray *waves = maint_rollout_get_waves (ro);
  gboolean kind, summary, estimate, reboot, priority;

  maint_json_writer_begin_object (w, FALSE);
  maint_json_writer_member (w, "name");
  maint_json_writer_string (w, maint_rollout_get_name (ro));
  if (maint_rollout_get_staging_lead (ro) != maint_rollout_get_staging_lead (d))
    {
      maint_json_writer_member (w, "staging_lead");
      maint_json_writer_duration (w, maint_rollout_get_staging_lead (ro));
    }
  if (host_reboots != NULL && !interval_equal0 (host_reboots, maint_rollout_get_host_reboots (d)))
    {
      maint_json_writer_member (w, "host_reboots");
      maint_json_writer_interval (w, host_reboots);
    }
  if (maint_rollout_get_host_reboot_estimate (ro) != maint_rollout_get_host_reboot_estimate (d))
    {
      maint_json_writer_member (w, "host_reboot_estimate");
      maint_json_writer_duration (w, maint_rollout_get_host_reboot_estimate (ro));
    }
  if (maint_rollout_get_halt_after_failures (ro) != maint_rollout_get_halt_after_failures (d))
    {
      maint_json_writer_member (w, "halt_after_failures");
      maint_json_writer_int (w, maint_rollout_get_halt_after_failures (ro));
    }

  kind = maint_rollout_get_template_kind (ro) != maint_rollout_get_template_kind (d);
  summary = maint_rollout_get_template_summary (ro) != NULL &&
            g_strcmp0 (maint_rollout_get_template_summary (ro),
                       maint_rollout_get_template_summary (d)) != 0;
  estimate = maint_rollout_get_template_estimate (ro) != maint_rollout_get_template_estimate (d);
  reboot = maint_rollout_get_template_reboot (ro) != maint_rollout_get_template_reboot (d);
  priority = maint_rollout_get_template_priority (ro) != maint_rollout_get_template_priority (d);
  if (kind || summary || estimate || reboot || priority)
    {
      maint_json_writer_member (w, "template");
      maint_json_writer_begin_object (w, FALSE);
      if (kind)
        {
          maint_json_writer_member (w, "kind");
          maint_json_writer_enum (w, MAINT_TYPE_ACTIVITY_KIND, maint_rollout_get_template_kind (ro));
        }
      if (summary)
        {
          maint_json_writer_member (w, "summary");
          maint_json_writer_string (w, maint_rollout_get_template_summary (ro));
        }
      if (estimate)
        {
          maint_json_writer_member (w, "estimate");
          maint_json_writer_duration (w, maint_rollout_get_template_estimate (ro));
        }
      if (reboot)
        {
          maint_json_writer_member (w, "reboot");
          maint_json_writer_enum (w, MAINT_TYPE_REBOOT_KIND, maint_rollout_get_template_reboot (ro));
        }
      if (priority)
        {
          maint_json_writer_member (w, "priority");
          maint_json_writer_enum (w, MAINT_TYPE_PRIORITY, maint_rollout_get_template_priority (ro));
        }
      maint_json_writer_end_object (w);
    }

  maint_json_writer_member (w, "waves");
  maint_json_writer_begin_array (w, FALSE);
  for (guint i = 0; waves != NULL && i < waves->len; i++)
    write_wave (w, g_ptr_array_index (waves, i));
  maint_json_writer_end_array (w);
  maint_json_writer_end_object (w);
}

typedef void (*WriteElementFunc) (MaintJsonWriter *w, gpointer object);

static void
write_section (MaintJsonWriter  *w,
               const char       *name,
               GPtrArray        *objects,
               WriteElementFunc  write_element)
{
  if (objects == NULL || objects->len == 0)
    return;
  maint_json_writer_member (w, name);
  maint_json_writer_begin_array (w, FALSE);
  for (guint i = 0; i < objects->len; i++)
    write_element (w, g_ptr_array_index (objects, i));
  maint_json_writer_end_array (w);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

/**
 * maint_fleet_new_from_data:
 * @data: (array length=length) (element-type guint8): a `libmaint-fleet/1`
 *   JSON document
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError, or %NULL
 *
 * Loads a fleet from a `libmaint-fleet/1` document and validates it
 * completely: syntax, types, unknown fields (members whose names start
 * with `x-` are extensions and ignored), required fields, duplicate names,
 * durations, instants, time zones, window specs, e-mail addresses and
 * then the references between objects (see maint_fleet_validate()).
 *
 * Errors are in the %MAINT_FLEET_ERROR domain. The message of the first
 * error in the document starts with its JSON path, for example
 * `machines[12].group: unknown resource group "acme"`; syntax errors name
 * the line and column instead. Documents larger than 128 MiB, nested deeper
 * than 64 levels, with strings longer than 4096 bytes or containers of
 * more than 2,000,000 elements are refused with
 * %MAINT_FLEET_ERROR_LIMIT_FAILED.
 *
 * Returns: (transfer full): the fleet, or %NULL with @error set
 */
MaintFleet *
maint_fleet_new_from_data (const char  *data,
                           gssize       length,
                           GError     **error)
{
  /* The sections are read one element at a time (maint-json-private.h) */
  static const char * const sections[] = {
    "resource_groups", "machines", "services", "activities", "rollouts", NULL
  };
  g_autoptr(MaintJsonReader) r = maint_json_reader_new (&fleet_errors);
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (data != NULL || length <= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";
  if (length < 0)
    length = strlen (data);

  root = maint_json_reader_parse (r, data, length, sections, error);
  if (root == NULL)
    return NULL;
  return read_fleet (r, root, error);
}

/**
 * maint_fleet_new_from_file:
 * @path: (type filename): the file to read
 * @error: return location for a #GError, or %NULL
 *
 * Loads a fleet from a `libmaint-fleet/1` file, like
 * maint_fleet_new_from_data(). A file that cannot be read gives
 * %MAINT_FLEET_ERROR_IO_FAILED with @path in the message.
 *
 * Returns: (transfer full): the fleet, or %NULL with @error set
 */
MaintFleet *
maint_fleet_new_from_file (const char  *path,
                           GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!maint_json_load_file (path, &fleet_errors, &data, &length, error))
    return NULL;
  return maint_fleet_new_from_data (data, length, error);
}

/**
 * maint_fleet_to_data:
 * @self: a #MaintFleet
 * @length: (out) (optional): return location for the length in bytes
 *
 * Writes @self as a `libmaint-fleet/1` document: every field that differs
 * from its default, in a fixed order, indented by two spaces, instants in
 * UTC with seconds (`2013-03-01T09:00:00Z`), durations and window specs in
 * their canonical form, with a trailing newline. The output is
 * deterministic, and maint_fleet_new_from_data() reads it back into an
 * equal fleet (see maint_fleet_equal()) if @self is valid.
 *
 * Returns: (transfer full): the nul-terminated UTF-8 document
 */
char *
maint_fleet_to_data (MaintFleet *self,
                     gsize      *length)
{
  MaintJsonWriter *w;

  g_return_val_if_fail (MAINT_IS_FLEET (self), NULL);

  w = maint_json_writer_new ();
  maint_json_writer_begin_object (w, FALSE);
  maint_json_writer_member (w, "format");
  maint_json_writer_string (w, MAINT_FLEET_FORMAT);
  if (maint_fleet_get_now (self) != 0)
    {
      maint_json_writer_member (w, "now");
      maint_json_writer_instant (w, maint_fleet_get_now (self));
    }
  write_policy (w, maint_fleet_get_policy (self));
  write_section (w, "resource_groups", maint_fleet_get_groups (self),
                 (WriteElementFunc) write_group);
  write_section (w, "machines", maint_fleet_get_machines (self),
                 (WriteElementFunc) write_machine);
  write_section (w, "services", maint_fleet_get_services (self),
                 (WriteElementFunc) write_service);
  write_section (w, "activities", maint_fleet_get_activities (self),
                 (WriteElementFunc) write_activity);
  write_section (w, "rollouts", maint_fleet_get_rollouts (self),
                 (WriteElementFunc) write_rollout);
  maint_json_writer_end_object (w);

  return maint_json_writer_finish (w, length);
}

/**
 * maint_fleet_save_to_file:
 * @self: a #MaintFleet
 * @path: (type filename): the file to write
 * @error: return location for a #GError, or %NULL
 *
 * Writes maint_fleet_to_data() to @path atomically: the data goes to a
 * temporary file in the same directory, which is synced and renamed over
 * @path, so readers see the old or the new file, never a part of one. On
 * error the old file is left as it was and @error is set to
 * %MAINT_FLEET_ERROR_IO_FAILED naming @path.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
maint_fleet_save_to_file (MaintFleet  *self,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (MAINT_IS_FLEET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = maint_fleet_to_data (self, &length);
  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0666, &local_error))
    {
      g_autofree char *quoted = maint_json_quote (path);
      maint_json_set_error (&fleet_errors, error, MAINT_JSON_ERROR_IO,
                            "cannot write %s: %s", quoted, local_error->message);
      return FALSE;
    }
  return TRUE;
}
