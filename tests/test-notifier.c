/* test-notifier.c: notices, calendars and e-mails from plans
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Plans are built by hand, so exact times do not depend on the
 * scheduler's choices. Rendered messages are compared with reviewed files
 * in tests/data/notify/; set MAINT_UPDATE_EXPECTED=1 to rewrite them (and
 * then read the diff).
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libmaint/libmaint.h>
#include "maint-enum-types.h"
#include "maint-icu-private.h"
#include "maint-notifier-private.h"
#include "maint-test-util.h"

#define MINUTE 60
#define HOUR 3600
#define DAY 86400

/* 2026-03-25T09:00:00Z, a Wednesday */
#define NOW G_GINT64_CONSTANT (1774429200)

/* ------------------------------------------------------------------ */
/* Fixture                                                             */

/* Two days' notice, weeknights and weekends, two contacts (the
 * recipients of the rendered messages) */
static void
add_group (MaintFleet *fleet,
           const char *name,
           const char *locale,
           const char *zone)
{
  MaintResourceGroup *group = maint_test_add_group (fleet, name, zone, "mon-fri 22:00-05:00", 2 * DAY);
  g_autoptr(MaintWindowSpec) weekend = maint_test_spec ("sat,sun 00:00-24:00");
  const char *contacts[] = { "ops@acme.example", "cto@acme.example", NULL };

  maint_resource_group_add_window (group, weekend);
  maint_resource_group_set_contacts (group, contacts);
  maint_resource_group_set_locale (group, locale);
}

static MaintActivity *
add_activity (MaintFleet        *fleet,
              const char        *id,
              const char        *machine,
              MaintActivityKind  kind,
              const char        *summary,
              gint64             estimate,
              MaintRebootKind    reboot)
{
  g_autoptr(MaintActivity) activity = maint_activity_new (id, machine, kind);
  g_autoptr(GError) error = NULL;

  maint_activity_set_summary (activity, summary);
  maint_activity_set_estimate (activity, estimate);
  maint_activity_set_reboot (activity, reboot);
  g_assert_true (maint_fleet_add_activity (fleet, activity, &error));
  g_assert_no_error (error);
  return activity;   /* the fleet holds a reference */
}

/* The customer "acme" (German, Berlin) with four VMs on the host kvm01 of
 * the provider's own group. */
static MaintFleet *
make_fleet (void)
{
  MaintFleet *fleet = maint_fleet_new ();

  add_group (fleet, "acme", "de", "Europe/Berlin");
  add_group (fleet, "provider", "en", "UTC");
  maint_test_add_machine (fleet, "kvm01", "provider", MAINT_MACHINE_KIND_HOST, NULL);
  maint_test_add_machine (fleet, "web01", "acme", MAINT_MACHINE_KIND_VM, "kvm01");
  maint_test_add_machine (fleet, "db01", "acme", MAINT_MACHINE_KIND_VM, "kvm01");
  maint_test_add_machine (fleet, "app01", "acme", MAINT_MACHINE_KIND_VM, "kvm01");
  maint_test_add_machine (fleet, "mail01", "acme", MAINT_MACHINE_KIND_VM, "kvm01");

  add_activity (fleet, "a1", "web01", MAINT_ACTIVITY_KIND_KERNEL_UPDATE,
                "Kernel 6.1.90", 10 * MINUTE, MAINT_REBOOT_KIND_WARM);
  add_activity (fleet, "a2", "web01", MAINT_ACTIVITY_KIND_MEMORY_RESIZE,
                "RAM 4 → 8 GiB", 5 * MINUTE, MAINT_REBOOT_KIND_COLD);
  add_activity (fleet, "a3", "db01", MAINT_ACTIVITY_KIND_FS_CHECK,
                NULL, 10 * MINUTE, MAINT_REBOOT_KIND_WARM);
  add_activity (fleet, "a4", "db01", MAINT_ACTIVITY_KIND_SYSTEM_UPDATE,
                "Security updates; PostgreSQL 15.7, OpenSSL 3.0", 20 * MINUTE,
                MAINT_REBOOT_KIND_WARM);
  add_activity (fleet, "a5", "app01", MAINT_ACTIVITY_KIND_KERNEL_UPDATE,
                NULL, 10 * MINUTE, MAINT_REBOOT_KIND_WARM);
  add_activity (fleet, "a6", "mail01", MAINT_ACTIVITY_KIND_CUSTOM,
                "Move the mail spool to new storage", 15 * MINUTE, MAINT_REBOOT_KIND_NONE);
  add_activity (fleet, "a7", "web01", MAINT_ACTIVITY_KIND_CUSTOM,
                "Rotate TLS certificates", 5 * MINUTE, MAINT_REBOOT_KIND_NONE);
  return fleet;
}

static MaintSlot *
add_slot (MaintPlan       *plan,
          const char      *machine,
          const char      *start,
          const char      *end,
          const char      *a,
          const char      *b,
          MaintRebootKind  reboot)
{
  g_autoptr(MaintSlot) slot = maint_slot_new (machine, maint_test_at (start), maint_test_at (end));
  const char *ids[] = { a, b, NULL };

  maint_slot_set_group (slot, "acme");
  maint_slot_set_activities (slot, ids);
  maint_slot_set_reboot (slot, reboot);
  maint_slot_set_announce_by (slot, maint_test_at (start) - 2 * DAY);
  maint_plan_add_slot (plan, slot);
  return slot;
}

static void
add_count (MaintPlan  *plan,
           const char *machine,
           guint       own,
           guint       host)
{
  g_autoptr(MaintRebootCount) count = maint_reboot_count_new (machine, own, host, 0);
  maint_plan_add_reboot_count (plan, count);
}

/* The plan: a window in the spring-forward night (01:30 CET – 03:30
 * CEST), one in the fall-back night (02:30 CEST – 02:30 CET), a plain
 * evening, a window without reboot, and a host reboot of kvm01. */
static MaintPlan *
make_plan (void)
{
  MaintPlan *plan = maint_plan_new (NOW);
  g_autoptr(MaintHostDowntime) downtime =
    maint_host_downtime_new ("web01", "kvm01", maint_test_at ("2026-03-30T20:00:00Z"),
                             maint_test_at ("2026-03-30T20:30:00Z"));

  add_slot (plan, "db01", "2026-03-28T21:00:00Z", "2026-03-28T21:45:00Z", "a3", NULL, MAINT_REBOOT_KIND_WARM);
  add_slot (plan, "web01", "2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z", "a1", "a2", MAINT_REBOOT_KIND_COLD);
  add_slot (plan, "app01", "2026-03-30T21:00:00Z", "2026-03-30T21:30:00Z", "a5", NULL, MAINT_REBOOT_KIND_WARM);
  add_slot (plan, "mail01", "2026-03-31T22:00:00Z", "2026-03-31T22:20:00Z", "a6", NULL, MAINT_REBOOT_KIND_NONE);
  add_slot (plan, "db01", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "a4", NULL, MAINT_REBOOT_KIND_WARM);
  maint_plan_add_host_downtime (plan, downtime);
  add_count (plan, "app01", 1, 0);
  add_count (plan, "db01", 2, 0);
  add_count (plan, "mail01", 0, 0);
  add_count (plan, "web01", 1, 1);
  return plan;
}

/* A copy of @plan (slots, downtime, counts), optionally moving one
 * machine's slot holding @activity by @shift seconds and/or dropping the
 * slot holding @drop. */
static MaintPlan *
copy_plan (MaintPlan  *plan,
           const char *activity,
           gint64      shift,
           const char *drop)
{
  MaintPlan *copy = maint_plan_new (maint_plan_get_now (plan));
  GPtrArray *slots = maint_plan_get_slots (plan);
  GPtrArray *downtimes = maint_plan_get_host_downtime (plan);
  GPtrArray *counts = maint_plan_get_reboot_counts (plan);

  for (guint i = 0; i < slots->len; i++)
    {
      MaintSlot *s = g_ptr_array_index (slots, i);
      gboolean moved = activity && g_strv_contains (maint_slot_get_activities (s), activity);
      g_autoptr(MaintSlot) c = NULL;

      if (drop && g_strv_contains (maint_slot_get_activities (s), drop))
        continue;
      c = maint_slot_new (maint_slot_get_machine (s),
                          maint_slot_get_start (s) + (moved ? shift : 0),
                          maint_slot_get_end (s) + (moved ? shift : 0));
      maint_slot_set_group (c, maint_slot_get_group (s));
      maint_slot_set_activities (c, maint_slot_get_activities (s));
      maint_slot_set_reboot (c, maint_slot_get_reboot (s));
      maint_slot_set_announce_by (c, maint_slot_get_announce_by (s) + (moved ? shift : 0));
      maint_plan_add_slot (copy, c);
    }
  for (guint i = 0; i < downtimes->len; i++)
    maint_plan_add_host_downtime (copy, g_ptr_array_index (downtimes, i));
  /* reboot counts only when nothing was dropped: without them the
   * notifier counts the plan's windows itself */
  for (guint i = 0; drop == NULL && i < counts->len; i++)
    maint_plan_add_reboot_count (copy, g_ptr_array_index (counts, i));
  return copy;
}

static GPtrArray *
run (MaintNotifier *notifier)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *notices = maint_notifier_run (notifier, &error);

  g_assert_no_error (error);
  g_assert_nonnull (notices);
  return notices;
}

static MaintNotice *
find_notice (GPtrArray       *notices,
             const char      *group,
             MaintNoticeKind  kind)
{
  for (guint i = 0; i < notices->len; i++)
    {
      MaintNotice *n = g_ptr_array_index (notices, i);
      if (g_str_equal (maint_notice_get_group (n), group) && maint_notice_get_kind (n) == kind)
        return n;
    }
  return NULL;
}

/* Subject, blank line, body: what a reviewer reads. */
static void
assert_expected (MaintNotice *notice,
                 const char  *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "notify", name, NULL);
  g_autofree char *actual = g_strdup_printf ("Subject: %s\n\n%s", maint_notice_get_subject (notice),
                                             maint_notice_get_body (notice));
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("MAINT_UPDATE_EXPECTED") != NULL)
    {
      g_assert_true (g_file_set_contents (path, actual, -1, &error));
      g_assert_no_error (error);
    }
  g_assert_true (g_file_get_contents (path, &expected, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (actual, ==, expected);
}

/* A slot holding an activity a rollout generates: the notice shows the
 * rollout template's kind and summary, not the generated id. */
static void
test_rollout_activity (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintRollout) rollout = maint_rollout_new ("os-2026-04");
  g_autoptr(MaintWave) wave = maint_wave_new ("all");
  g_autoptr(MaintPlan) plan = maint_plan_new (NOW);
  g_autoptr(MaintNotifier) notifier = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GError) error = NULL;
  MaintNotice *notice;
  const char *body;

  maint_wave_set_share (wave, 1.0);
  maint_rollout_add_wave (rollout, wave);
  maint_rollout_set_template_kind (rollout, MAINT_ACTIVITY_KIND_SYSTEM_UPDATE);
  maint_rollout_set_template_summary (rollout, "Debian 13 upgrade");
  maint_rollout_set_template_estimate (rollout, 20 * MINUTE);
  maint_rollout_set_template_reboot (rollout, MAINT_REBOOT_KIND_WARM);
  g_assert_true (maint_fleet_add_rollout (fleet, rollout, &error));
  g_assert_no_error (error);
  add_slot (plan, "app01", "2026-03-30T21:00:00Z", "2026-03-30T21:30:00Z",
            "os-2026-04/app01", NULL, MAINT_REBOOT_KIND_WARM);

  notifier = maint_notifier_new (fleet, plan);
  notices = run (notifier);
  notice = find_notice (notices, "acme", MAINT_NOTICE_KIND_NEW_WINDOWS);
  g_assert_nonnull (notice);
  body = maint_notice_get_body (notice);
  g_assert_nonnull (strstr (body, "Debian 13 upgrade"));
}

/* ------------------------------------------------------------------ */
/* New windows                                                         */

static void
test_new_windows_de (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintPlan) plan = make_plan ();
  g_autoptr(MaintNotifier) notifier = maint_notifier_new (fleet, plan);
  g_autoptr(GPtrArray) notices = run (notifier);
  MaintNotice *notice;
  const char *body;

  /* one message for the group, not one per machine; nothing for the
   * provider's group, which has no windows */
  g_assert_cmpuint (notices->len, ==, 1);
  notice = find_notice (notices, "acme", MAINT_NOTICE_KIND_NEW_WINDOWS);
  g_assert_nonnull (notice);
  g_assert_cmpstr (maint_notice_get_locale (notice), ==, "de");
  g_assert_true (g_strv_equal (maint_notice_get_recipients (notice),
                               (const char *[]) { "ops@acme.example", "cto@acme.example", NULL }));
  g_assert_cmpstr (maint_notice_get_sender (notice), ==, MAINT_NOTIFIER_DEFAULT_SENDER);
  g_assert_cmpint (maint_notice_get_created (notice), ==, NOW);
  /* the earliest window starts on 2026-03-28T21:00Z, notice two days */
  g_assert_cmpint (maint_notice_get_send_by (notice), ==, maint_test_at ("2026-03-26T21:00:00Z"));
  /* five slots and the host reboot */
  g_assert_cmpuint (maint_notice_get_items (notice)->len, ==, 6);
  g_assert_cmpuint (maint_notice_get_slots (notice)->len, ==, 6);

  body = maint_notice_get_body (notice);
  /* spring forward: 01:30 is still CET, 03:30 already CEST */
  g_assert_nonnull (strstr (body, "Sonntag, 29. März 2026, 01:30 CET – 03:30 CEST (UTC: 00:30 – 01:30)"));
  /* fall back: 02:30 CEST, an hour later 02:30 CET again */
  g_assert_nonnull (strstr (body, "Sonntag, 25. Oktober 2026, 02:30 CEST – 02:30 CET (UTC: 00:30 – 01:30)"));
  g_assert_nonnull (strstr (body, "Montag, 30. März 2026, 23:00 CEST – 23:30 CEST (UTC: 21:00 – 21:30)"));
  /* UTC on another date than the local time shows the date */
  g_assert_nonnull (strstr (body, "Mittwoch, 1. April 2026, 00:00 CEST – 00:20 CEST (UTC: 31. März 2026, 22:00 – 22:20)"));
  /* plurals */
  g_assert_nonnull (strstr (body, "app01: 1 Neustart\n"));
  g_assert_nonnull (strstr (body, "db01: 2 Neustarts\n"));
  g_assert_nonnull (strstr (body, "mail01: kein Neustart\n"));
  g_assert_nonnull (strstr (body, "web01: 2 Neustarts (davon 1 durch den Neustart des Wirtssystems)\n"));
  g_assert_nonnull (strstr (body, "erwartete Ausfallzeit: 45 Minuten"));
  /* an activity without summary is named by its kind */
  g_assert_nonnull (strstr (body, "Dateisystemprüfung; erwartete Ausfallzeit"));
  g_assert_nonnull (strstr (body, "Neustart des Wirtssystems kvm01"));

  assert_expected (notice, "new-windows.de.txt");
}

static void
test_new_windows_en (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintPlan) plan = make_plan ();
  g_autoptr(MaintNotifier) notifier = maint_notifier_new (fleet, plan);
  g_autoptr(GPtrArray) notices = NULL;
  MaintNotice *notice;
  const char *body;

  maint_notifier_set_locale (notifier, "en");
  notices = run (notifier);
  g_assert_cmpuint (notices->len, ==, 1);
  notice = find_notice (notices, "acme", MAINT_NOTICE_KIND_NEW_WINDOWS);
  g_assert_cmpstr (maint_notice_get_locale (notice), ==, "en");
  body = maint_notice_get_body (notice);

  /* ICU 72's English puts a narrow no-break space before AM/PM */
  g_assert_nonnull (strstr (body, "Sunday, March 29, 2026, 1:30\u202fAM CET – 3:30\u202fAM CEST"));
  g_assert_nonnull (strstr (body, "Sunday, October 25, 2026, 2:30\u202fAM CEST – 2:30\u202fAM CET"));
  g_assert_nonnull (strstr (body, "app01: 1 reboot\n"));
  g_assert_nonnull (strstr (body, "db01: 2 reboots\n"));
  g_assert_nonnull (strstr (body, "web01: 2 reboots (1 by the restart of its host)\n"));
  g_assert_nonnull (strstr (body, "expected downtime: 20 minutes; no reboot"));
  g_assert_cmpstr (maint_notice_get_subject (notice), ==,
                   "Scheduled maintenance for acme: 4 machines from Saturday, March 28, 2026");

  assert_expected (notice, "new-windows.en.txt");
}

static void
test_locale_fallback (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintPlan) plan = make_plan ();
  g_autoptr(MaintNotifier) notifier = maint_notifier_new (fleet, plan);
  g_autoptr(GPtrArray) notices = NULL;
  MaintNotice *notice;

  /* no French template: English words and English dates */
  maint_notifier_set_locale (notifier, "fr_FR");
  notices = run (notifier);
  notice = find_notice (notices, "acme", MAINT_NOTICE_KIND_NEW_WINDOWS);
  g_assert_cmpstr (maint_notice_get_locale (notice), ==, "en");
  g_assert_nonnull (strstr (maint_notice_get_body (notice), "Sunday, March 29, 2026"));

  /* a region of a known language keeps its region for dates */
  maint_notifier_set_locale (notifier, "de-AT");
  g_clear_pointer (&notices, g_ptr_array_unref);
  notices = run (notifier);
  notice = find_notice (notices, "acme", MAINT_NOTICE_KIND_NEW_WINDOWS);
  g_assert_cmpstr (maint_notice_get_locale (notice), ==, "de_AT");
  g_assert_nonnull (strstr (maint_notice_get_body (notice), "Sonntag, 29. März 2026"));
  g_assert_nonnull (strstr (maint_notice_get_body (notice), "Neustarts"));
}

static void
test_settings (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintPlan) plan = maint_plan_new (NOW);
  g_autoptr(MaintNotifier) notifier = maint_notifier_new (fleet, plan);
  g_autoptr(GPtrArray) notices = NULL;
  MaintNotice *notice;

  /* nothing planned, nothing asked: nothing sent */
  notices = run (notifier);
  g_assert_cmpuint (notices->len, ==, 0);
  g_clear_pointer (&notices, g_ptr_array_unref);

  maint_notifier_set_announce_settings (notifier, TRUE);
  notices = run (notifier);
  g_assert_cmpuint (notices->len, ==, 2);
  notice = find_notice (notices, "acme", MAINT_NOTICE_KIND_SETTINGS);
  g_assert_nonnull (notice);
  g_assert_null (maint_notice_get_calendar (notice));
  g_assert_cmpuint (maint_notice_get_items (notice)->len, ==, 0);
  g_assert_cmpint (maint_notice_get_send_by (notice), ==, NOW);
  g_assert_nonnull (strstr (maint_notice_get_body (notice), "Mo–Fr 22:00–05:00; Sa, So 00:00–24:00"));
  g_assert_nonnull (strstr (maint_notice_get_body (notice), "Vorlaufzeit:         2 Tage"));
  assert_expected (notice, "settings.de.txt");

  notice = find_notice (notices, "provider", MAINT_NOTICE_KIND_SETTINGS);
  g_assert_cmpstr (maint_notice_get_locale (notice), ==, "en");
  g_assert_nonnull (strstr (maint_notice_get_body (notice), "Time zone:           UTC (now UTC)"));
  g_assert_nonnull (strstr (maint_notice_get_body (notice), "Notice period:       2 days"));
}

/* ------------------------------------------------------------------ */
/* Changes                                                             */

static MaintNoticeItem *
find_item (GPtrArray  *items,
           const char *machine,
           const char *host)
{
  for (guint i = 0; i < items->len; i++)
    {
      MaintNoticeItem *item = g_ptr_array_index (items, i);
      if (g_str_equal (maint_notice_item_get_machine (item), machine) &&
          g_strcmp0 (maint_notice_item_get_host (item), host) == 0)
        return item;
    }
  return NULL;
}

static char *
uid_of (MaintFleet *fleet,
        MaintPlan  *plan,
        const char *machine)
{
  g_autoptr(MaintNotifier) notifier = maint_notifier_new (fleet, plan);
  g_autoptr(GPtrArray) items = NULL;

  g_ptr_array_unref (run (notifier));
  items = maint_notifier_get_items (notifier);

  return g_strdup (maint_notice_item_get_uid (find_item (items, machine, NULL)));
}

static void
test_unchanged (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintPlan) previous = make_plan ();
  g_autoptr(MaintPlan) plan = copy_plan (previous, NULL, 0, NULL);
  g_autoptr(MaintNotifier) notifier = maint_notifier_new (fleet, plan);
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GPtrArray) items = NULL;

  maint_notifier_set_previous (notifier, previous);
  notices = run (notifier);
  g_assert_cmpuint (notices->len, ==, 0);

  /* every window is still known, unchanged, with sequence 0 */
  items = maint_notifier_get_items (notifier);
  g_assert_cmpuint (items->len, ==, 6);
  for (guint i = 0; i < items->len; i++)
    {
      g_assert_cmpint (maint_notice_item_get_change (g_ptr_array_index (items, i)), ==, MAINT_NOTICE_CHANGE_NONE);
      g_assert_cmpuint (maint_notice_item_get_sequence (g_ptr_array_index (items, i)), ==, 0);
    }
}

static void
test_moved (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintPlan) previous = make_plan ();
  /* web01's window a day later */
  g_autoptr(MaintPlan) plan = copy_plan (previous, "a1", DAY, NULL);
  g_autoptr(MaintNotifier) notifier = maint_notifier_new (fleet, plan);
  g_autoptr(GPtrArray) notices = NULL;
  g_autofree char *uid = uid_of (fleet, previous, "web01");
  MaintNotice *notice;
  MaintNoticeItem *item;
  const char *calendar;

  maint_notifier_set_previous (notifier, previous);
  notices = run (notifier);
  g_assert_cmpuint (notices->len, ==, 1);
  notice = find_notice (notices, "acme", MAINT_NOTICE_KIND_CHANGES);
  g_assert_nonnull (notice);
  g_assert_cmpuint (maint_notice_get_items (notice)->len, ==, 1);
  item = g_ptr_array_index (maint_notice_get_items (notice), 0);
  g_assert_cmpstr (maint_notice_item_get_machine (item), ==, "web01");
  g_assert_cmpint (maint_notice_item_get_change (item), ==, MAINT_NOTICE_CHANGE_MOVED);
  g_assert_cmpint (maint_slot_get_start (maint_notice_item_get_previous (item)), ==,
                   maint_test_at ("2026-03-29T00:30:00Z"));
  g_assert_cmpint (maint_slot_get_start (maint_notice_item_get_slot (item)), ==,
                   maint_test_at ("2026-03-30T00:30:00Z"));
  /* same UID as when it was announced, one more sequence */
  g_assert_cmpstr (maint_notice_item_get_uid (item), ==, uid);
  g_assert_cmpuint (maint_notice_item_get_sequence (item), ==, 1);
  calendar = maint_notice_get_calendar (notice);
  g_assert_nonnull (strstr (calendar, "SEQUENCE:1\r\n"));
  g_assert_nonnull (strstr (calendar, "DTSTART:20260330T003000Z\r\n"));
  /* must reach the customer before the announced start */
  g_assert_cmpint (maint_notice_get_send_by (notice), ==, maint_test_at ("2026-03-28T00:30:00Z"));
  g_assert_nonnull (strstr (maint_notice_get_body (notice),
                            "Verschoben von Sonntag, 29. März 2026, 01:30 CET – 03:30 CEST\n"
                            "    auf Montag, 30. März 2026, 02:30 CEST – 03:30 CEST"));

  /* the number the caller kept from the last announcement is raised */
  maint_notifier_set_sequence (notifier, uid, 4);
  g_clear_pointer (&notices, g_ptr_array_unref);
  notices = run (notifier);
  item = g_ptr_array_index (maint_notice_get_items (g_ptr_array_index (notices, 0)), 0);
  g_assert_cmpuint (maint_notice_item_get_sequence (item), ==, 5);
}

static void
test_cancelled (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintPlan) previous = make_plan ();
  g_autoptr(MaintPlan) plan = copy_plan (previous, "a1", DAY, "a3");
  g_autoptr(MaintNotifier) notifier = maint_notifier_new (fleet, plan);
  g_autoptr(GPtrArray) notices = NULL;
  g_autofree char *uid = uid_of (fleet, previous, "db01");
  MaintNotice *notice;
  MaintNoticeItem *item;
  GPtrArray *items;

  maint_notifier_set_previous (notifier, previous);
  notices = run (notifier);
  /* moved and cancelled windows of one group: one message */
  g_assert_cmpuint (notices->len, ==, 1);
  notice = find_notice (notices, "acme", MAINT_NOTICE_KIND_CHANGES);
  items = maint_notice_get_items (notice);
  g_assert_cmpuint (items->len, ==, 2);
  item = g_ptr_array_index (items, 0);   /* db01 before web01 */
  g_assert_cmpstr (maint_notice_item_get_machine (item), ==, "db01");
  g_assert_cmpint (maint_notice_item_get_change (item), ==, MAINT_NOTICE_CHANGE_CANCELLED);
  g_assert_null (maint_notice_item_get_slot (item));
  g_assert_cmpint (maint_slot_get_start (maint_notice_item_get_previous (item)), ==,
                   maint_test_at ("2026-03-28T21:00:00Z"));
  g_assert_cmpstr (maint_notice_item_get_uid (item), ==, uid);
  g_assert_cmpuint (maint_notice_item_get_sequence (item), ==, 1);
  /* the slots of a notice: the cancelled one as announced */
  g_assert_cmpint (maint_slot_get_start (g_ptr_array_index (maint_notice_get_slots (notice), 0)), ==,
                   maint_test_at ("2026-03-28T21:00:00Z"));
  g_assert_nonnull (strstr (maint_notice_get_calendar (notice), "STATUS:CANCELLED\r\n"));
  g_assert_nonnull (strstr (maint_notice_get_calendar (notice), "STATUS:CONFIRMED\r\n"));
  /* the earlier of: the cancelled start, the moved window's old start */
  g_assert_cmpint (maint_notice_get_send_by (notice), ==, maint_test_at ("2026-03-28T00:30:00Z"));

  assert_expected (notice, "changes.de.txt");

  /* a window that is over is not cancelled, it happened */
  maint_notifier_set_now (notifier, maint_test_at ("2026-03-28T22:00:00Z"));
  g_clear_pointer (&notices, g_ptr_array_unref);
  notices = run (notifier);
  notice = find_notice (notices, "acme", MAINT_NOTICE_KIND_CHANGES);
  g_assert_cmpuint (maint_notice_get_items (notice)->len, ==, 1);
  item = g_ptr_array_index (maint_notice_get_items (notice), 0);
  g_assert_cmpint (maint_notice_item_get_change (item), ==, MAINT_NOTICE_CHANGE_MOVED);
}

static void
test_merged (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintPlan) previous = maint_plan_new (NOW);
  g_autoptr(MaintPlan) plan = maint_plan_new (NOW);
  g_autoptr(MaintPlan) plan_cold = maint_plan_new (NOW);
  g_autoptr(MaintNotifier) notifier = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autofree char *uid = NULL;
  MaintNoticeItem *item;

  /* announced: the kernel update alone, a warm reboot */
  add_slot (previous, "web01", "2026-03-29T20:00:00Z", "2026-03-29T20:30:00Z", "a1", NULL, MAINT_REBOOT_KIND_WARM);
  uid = uid_of (fleet, previous, "web01");

  /* the certificate rotation (no reboot) joins it: same time, same
   * reboot, nothing to tell */
  add_slot (plan, "web01", "2026-03-29T20:00:00Z", "2026-03-29T20:30:00Z", "a1", "a7", MAINT_REBOOT_KIND_WARM);
  notifier = maint_notifier_new (fleet, plan);
  maint_notifier_set_previous (notifier, previous);
  notices = run (notifier);
  g_assert_cmpuint (notices->len, ==, 0);
  g_clear_object (&notifier);
  g_clear_pointer (&notices, g_ptr_array_unref);

  /* the memory resize joins it: the reboot becomes cold, which the
   * customer notices */
  add_slot (plan_cold, "web01", "2026-03-29T20:00:00Z", "2026-03-29T20:30:00Z", "a1", "a2", MAINT_REBOOT_KIND_COLD);
  notifier = maint_notifier_new (fleet, plan_cold);
  maint_notifier_set_previous (notifier, previous);
  maint_notifier_set_locale (notifier, "en");
  notices = run (notifier);
  g_assert_cmpuint (notices->len, ==, 1);
  item = g_ptr_array_index (maint_notice_get_items (g_ptr_array_index (notices, 0)), 0);
  g_assert_cmpint (maint_notice_item_get_change (item), ==, MAINT_NOTICE_CHANGE_REBOOT_CHANGED);
  g_assert_cmpstr (maint_notice_item_get_uid (item), ==, uid);
  g_assert_cmpuint (maint_notice_item_get_sequence (item), ==, 1);
  g_assert_nonnull (strstr (maint_notice_get_body (g_ptr_array_index (notices, 0)),
                            "Now with a cold reboot instead of a reboot: Kernel 6.1.90, RAM 4 → 8 GiB"));
}

/* Without a previous plan, pinned slots were announced; the fleet's pinned
 * activities say with which reboot. */
static void
test_pinned_without_previous (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintPlan) plan = maint_plan_new (NOW);
  g_autoptr(MaintPlan) plan_cold = maint_plan_new (NOW);
  g_autoptr(MaintInterval) scheduled = maint_interval_new (maint_test_at ("2026-03-29T20:00:00Z"),
                                                           maint_test_at ("2026-03-29T20:30:00Z"));
  g_autoptr(MaintNotifier) notifier = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  MaintActivity *a1 = maint_fleet_lookup_activity (fleet, "a1");

  maint_activity_set_scheduled (a1, scheduled);
  maint_activity_set_announced_at (a1, NOW - DAY);

  maint_slot_set_pinned (add_slot (plan, "web01", "2026-03-29T20:00:00Z", "2026-03-29T20:30:00Z",
                                   "a1", "a7", MAINT_REBOOT_KIND_WARM), TRUE);
  notifier = maint_notifier_new (fleet, plan);
  notices = run (notifier);
  g_assert_cmpuint (notices->len, ==, 0);
  g_clear_object (&notifier);
  g_clear_pointer (&notices, g_ptr_array_unref);

  maint_slot_set_pinned (add_slot (plan_cold, "web01", "2026-03-29T20:00:00Z", "2026-03-29T20:30:00Z",
                                   "a1", "a2", MAINT_REBOOT_KIND_COLD), TRUE);
  notifier = maint_notifier_new (fleet, plan_cold);
  notices = run (notifier);
  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_cmpint (maint_notice_item_get_change (g_ptr_array_index (maint_notice_get_items (g_ptr_array_index (notices, 0)), 0)),
                   ==, MAINT_NOTICE_CHANGE_REBOOT_CHANGED);
}

/* The UID follows the activity announced first, so it survives a merge of
 * an activity whose id sorts first, over several runs. */
static void
test_uid_stable_across_merges (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintPlan) first = maint_plan_new (NOW);
  g_autoptr(MaintPlan) second = maint_plan_new (NOW);
  g_autofree char *uid_first = NULL;
  g_autofree char *uid_second = NULL;
  MaintActivity *a7 = maint_fleet_lookup_activity (fleet, "a7");
  MaintActivity *a1 = maint_fleet_lookup_activity (fleet, "a1");

  add_slot (first, "web01", "2026-03-29T20:00:00Z", "2026-03-29T20:30:00Z", "a7", NULL, MAINT_REBOOT_KIND_NONE);
  uid_first = uid_of (fleet, first, "web01");

  /* a7 was announced; a1 (smaller id) joins later */
  maint_activity_set_announced_at (a7, NOW - DAY);
  maint_activity_set_announced_at (a1, 0);
  add_slot (second, "web01", "2026-03-29T20:00:00Z", "2026-03-29T20:30:00Z", "a1", "a7", MAINT_REBOOT_KIND_WARM);
  uid_second = uid_of (fleet, second, "web01");
  g_assert_cmpstr (uid_first, ==, uid_second);
  g_assert_true (g_str_has_suffix (uid_first, "@localhost"));
}

/* ------------------------------------------------------------------ */
/* Templates                                                           */

static void
test_template_replace (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintPlan) plan = make_plan ();
  g_autoptr(MaintNotifier) notifier = maint_notifier_new (fleet, plan);
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *custom = NULL;
  const char *text;

  /* the defaults are there to start from */
  text = maint_notifier_get_template (notifier, "de_CH", MAINT_NOTICE_KIND_NEW_WINDOWS);
  g_assert_nonnull (strstr (text, "@window\n"));
  g_assert_nonnull (strstr (text, "Neustarts"));
  /* unknown languages get English */
  text = maint_notifier_get_template (notifier, "nl", MAINT_NOTICE_KIND_SETTINGS);
  g_assert_nonnull (strstr (text, "Maintenance settings"));

  custom = g_strconcat ("# Swiss German\n"
                        "@subject\nWartung {group}: {windows, plural, one {# Fenster} other {# Fenster}}\n"
                        "@header\nGrüezi\n"
                        "@machine\n{machine} ({reboots, plural, one {# Neustart} other {# Neustarts}})\n"
                        "@window\n{start_date} {start_time} {start_zone} bis {end_time} {end_zone}: {activities}\n"
                        "@activity\n{kind}\n"
                        "@footer\nEn schöne Tag\n"
                        "@event-summary\n{machine}\n"
                        "@event-description\n{activities}\n", NULL);
  g_assert_true (maint_notifier_set_template (notifier, "de-CH", MAINT_NOTICE_KIND_NEW_WINDOWS, custom, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (maint_notifier_get_template (notifier, "de_CH", MAINT_NOTICE_KIND_NEW_WINDOWS), ==, custom);

  maint_notifier_set_locale (notifier, "de_CH");
  notices = run (notifier);
  g_assert_cmpstr (maint_notice_get_subject (g_ptr_array_index (notices, 0)), ==, "Wartung acme: 6 Fenster");
  g_assert_true (g_str_has_prefix (maint_notice_get_body (g_ptr_array_index (notices, 0)),
                                   "Grüezi\napp01 (1 Neustart)\nMontag, 30. März 2026 23:00 CEST bis 23:30 CEST: kernel_update\n"));

  /* back to the default */
  g_assert_true (maint_notifier_set_template (notifier, "de_CH", MAINT_NOTICE_KIND_NEW_WINDOWS, NULL, &error));
  g_assert_cmpstr (maint_notifier_get_template (notifier, "de_CH", MAINT_NOTICE_KIND_NEW_WINDOWS), ==,
                   maint_notifier_get_template (notifier, "de", MAINT_NOTICE_KIND_NEW_WINDOWS));
}

static void
test_template_errors (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintPlan) plan = make_plan ();
  g_autoptr(MaintNotifier) notifier = maint_notifier_new (fleet, plan);
  const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "@subject\nx\n", "section “@body” is missing" },
    { "@subject\nx\n@body\ny\n@footer\nz\n", "unknown section “@footer”" },
    { "hello\n@subject\nx\n@body\ny\n", "line 1: text before the first section" },
    { "@subject\n{grop}\n@body\ny\n", "unknown argument “grop”" },
    { "@subject\n{group, plural, one {#} other {#}}\n@body\ny\n", "“group” is text and cannot be used with “plural”" },
    { "@subject\n{notice_days, select, x {a} other {b}}\n@body\ny\n", "is a number and cannot be used with “select”" },
    { "@subject\n{group, select, x {a}}\n@body\ny\n", "ICU: " },
    { "@subject\n{group\n@body\ny\n", "expected “,” or “}”" },
    { "@subject\nx}\n@body\ny\n", "unmatched “}”" },
    { "@subject\n{zone_now, date}\n@body\ny\n", "dates and times are given as formatted text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (maint_notifier_set_template (notifier, "de", MAINT_NOTICE_KIND_SETTINGS,
                                                   cases[i].text, &error));
      g_assert_error (error, MAINT_NOTIFIER_ERROR, MAINT_NOTIFIER_ERROR_TEMPLATE_FAILED);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message, cases[i].message);
    }
  /* nothing changed */
  g_assert_cmpstr (maint_notifier_get_template (notifier, "de", MAINT_NOTICE_KIND_SETTINGS), ==,
                   maint_template_default_text ("de", MAINT_NOTICE_KIND_SETTINGS));
}

/* Quoting, nested arguments and plural "#" through the renaming. */
static void
test_message_format (void)
{
  const MaintMessageArg args[] = {
    { "name", MAINT_MESSAGE_ARG_STRING, "{web'01}", 0 },
    { "n", MAINT_MESSAGE_ARG_NUMBER, NULL, 2 },
    { "kind", MAINT_MESSAGE_ARG_STRING, "cold", 0 },
    { "unused", MAINT_MESSAGE_ARG_NUMBER, NULL, 7 },
  };
  const struct {
    const char *pattern;
    const char *expected;
  } cases[] = {
    { "{name}", "{web'01}" },
    { "'{name}' is {name}", "{name} is {web'01}" },
    { "it''s {n}", "it's 2" },
    { "{n, plural, one {# item} other {# items of {name}}}", "2 items of {web'01}" },
    { "{n, plural, other {'#' and #}}", "# and 2" },
    { "{kind, select, cold {{n, plural, one {# cold} other {# colds}}} other {?}}", "2 colds" },
    { "{n, number, integer} {n,selectordinal, one {#st} two {#nd} other {#th}}", "2 2nd" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = maint_icu_format_message (NULL, "en", cases[i].pattern, args,
                                                       G_N_ELEMENTS (args), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, cases[i].expected);
    }
}

/* ------------------------------------------------------------------ */
/* iCalendar                                                           */

static void
test_ics_text (void)
{
  g_autofree char *escaped = maint_ics_escape_text ("a\\b;c,d\ne\r\nf\x01g");
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) unfolded = g_string_new (NULL);
  g_autofree char *value = NULL;
  g_auto(GStrv) lines = NULL;
  GString *v = g_string_new (NULL);

  g_assert_cmpstr (escaped, ==, "a\\\\b\\;c\\,d\\ne\\nf g");

  /* 2-, 3- and 4-octet sequences, so that 75 falls inside some */
  for (guint i = 0; i < 40; i++)
    g_string_append (v, i % 3 == 0 ? "ä" : i % 3 == 1 ? "€" : "🔧");
  value = g_string_free (v, FALSE);
  maint_ics_append_line (out, "SUMMARY", value);

  g_assert_true (g_str_has_suffix (out->str, "\r\n"));
  lines = g_strsplit (out->str, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 2);
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_null (strchr (lines[i], '\n'));
      /* every physical line is whole UTF-8 */
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      if (i > 0)
        {
          g_assert_cmpint (lines[i][0], ==, ' ');
          g_string_append (unfolded, lines[i] + 1);
        }
      else
        g_string_append (unfolded, lines[i]);
    }
  g_assert_cmpstr (unfolded->str + strlen ("SUMMARY:"), ==, value);
}

static void
test_full_calendar (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintPlan) previous = make_plan ();
  g_autoptr(MaintPlan) plan = copy_plan (previous, NULL, 0, "a3");
  g_autoptr(MaintNotifier) notifier = maint_notifier_new (fleet, plan);
  g_autoptr(GPtrArray) notices = NULL;
  g_autofree char *calendar = NULL;
  g_autofree char *empty = NULL;
  guint events = 0;

  maint_notifier_set_previous (notifier, previous);
  notices = run (notifier);
  calendar = maint_notifier_get_calendar (notifier, "acme");
  for (const char *p = calendar; (p = strstr (p, "BEGIN:VEVENT")) != NULL; p++)
    events++;
  /* five windows left and the cancelled one */
  g_assert_cmpuint (events, ==, 6);
  g_assert_nonnull (strstr (calendar, "STATUS:CANCELLED"));
  g_assert_true (g_str_has_prefix (calendar, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  g_assert_true (g_str_has_suffix (calendar, "END:VCALENDAR\r\n"));
  /* the system update's summary, escaped */
  g_assert_nonnull (strstr (calendar, "Security updates\\; PostgreSQL 15.7\\, OpenSSL 3.0"));
  for (const char *p = calendar; *p; p++)
    if (*p == '\n')
      g_assert_cmpint (p[-1], ==, '\r');

  empty = maint_notifier_get_calendar (notifier, "provider");
  g_assert_null (strstr (empty, "VEVENT"));
}

/* ------------------------------------------------------------------ */
/* E-mail                                                              */

/* Parses @message with Python's email package (the independent parser)
 * and returns what it says as "Name: decoded value" lines, then the
 * parts' types and decoded payload lengths. */
static char *
python_parse (const char *message)
{
  static const char script[] =
    "import sys, email, email.policy\n"
    "m = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)\n"
    "for k, v in m.items():\n"
    "    print('%s: %s' % (k, str(v).replace('\\n', '\\\\n')))\n"
    "print('defects: %d' % len(m.defects))\n"
    "for part in m.iter_parts():\n"
    "    print('part: %s %s' % (part.get_content_type(), part.get_filename()))\n"
    "    print(part.get_content().replace('\\r\\n', '\\n'))\n";
  g_autofree char *dir = g_dir_make_tmp ("test-notifier-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "message.eml", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/usr/bin/python3", "-c", script, NULL };
  int fd;
  int status = 0;

  g_assert_true (g_file_set_contents (path, message, -1, &error));
  fd = g_open (path, O_RDONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  {
    g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                          G_SUBPROCESS_FLAGS_STDERR_PIPE);
    g_autoptr(GSubprocess) process = NULL;

    g_subprocess_launcher_setenv (launcher, "PYTHONIOENCODING", "utf-8", TRUE);
    g_subprocess_launcher_take_stdin_fd (launcher, fd);
    process = g_subprocess_launcher_spawnv (launcher, argv, &error);
    g_assert_no_error (error);
    g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error));
    g_assert_no_error (error);
    status = g_subprocess_get_exit_status (process);
  }
  if (status != 0)
    g_error ("python: %s", err);
  g_unlink (path);
  g_rmdir (dir);
  return g_steal_pointer (&out);
}

static MaintNotice *
evil_notice (MaintFleet **out_fleet,
             MaintPlan  **out_plan,
             GPtrArray  **out_notices)
{
  MaintFleet *fleet = maint_fleet_new ();
  MaintPlan *plan = maint_plan_new (NOW);
  g_autoptr(MaintNotifier) notifier = NULL;
  g_autoptr(MaintSlot) slot = maint_slot_new ("web\r\nBcc: y@z\r\n\r\n01", maint_test_at ("2026-03-29T20:00:00Z"),
                                              maint_test_at ("2026-03-29T20:30:00Z"));
  const char *ids[] = { "a1", NULL };

  add_group (fleet, "evil\r\nBcc: x@y", "de", "Europe/Berlin");
  maint_test_add_machine (fleet, "web\r\nBcc: y@z\r\n\r\n01", "evil\r\nBcc: x@y", MAINT_MACHINE_KIND_VM, NULL);
  add_activity (fleet, "a1", "web\r\nBcc: y@z\r\n\r\n01", MAINT_ACTIVITY_KIND_REBOOT,
                "Reboot\r\nX-Injected: 1", 10 * MINUTE, MAINT_REBOOT_KIND_WARM);
  maint_slot_set_activities (slot, ids);
  maint_slot_set_reboot (slot, MAINT_REBOOT_KIND_WARM);
  maint_plan_add_slot (plan, slot);

  notifier = maint_notifier_new (fleet, plan);
  *out_notices = run (notifier);
  *out_fleet = fleet;
  *out_plan = plan;
  g_assert_cmpuint ((*out_notices)->len, ==, 1);
  return g_ptr_array_index (*out_notices, 0);
}

static void
test_email_injection (void)
{
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintPlan) plan = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GError) error = NULL;
  MaintNotice *notice = evil_notice (&fleet, &plan, &notices);
  g_autofree char *message = maint_notice_to_email (notice, NULL, &error);
  g_autofree char *parsed = NULL;
  g_auto(GStrv) lines = NULL;
  const char *header_end;
  guint n_headers = 0;

  g_assert_no_error (error);
  /* our own reading: header lines are either "Name:" or folded */
  header_end = strstr (message, "\r\n\r\n");
  g_assert_nonnull (header_end);
  {
    g_autofree char *headers = g_strndup (message, header_end - message);
    lines = g_strsplit (headers, "\r\n", -1);
  }
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_false (g_str_has_prefix (lines[i], "Bcc"));
      g_assert_false (g_str_has_prefix (lines[i], "X-Injected"));
      if (lines[i][0] != ' ')
        n_headers++;
      for (const char *p = lines[i]; *p; p++)
        g_assert_true (*p >= 0x20 && *p < 0x7f);
    }
  g_assert_cmpuint (n_headers, ==, 9);

  /* Python's reading */
  parsed = python_parse (message);
  g_test_message ("%s", parsed);
  {
    g_autofree char *headers = g_strndup (parsed, strstr (parsed, "\ndefects:") - parsed);

    g_assert_null (strstr (headers, "\nBcc:"));
    g_assert_null (strstr (headers, "\nX-Injected:"));
  }
  g_assert_true (g_str_has_prefix (parsed, "From: maintenance@localhost\n"
                                           "To: ops@acme.example, cto@acme.example\n"
                                           "Subject: Geplante Wartung für evil  Bcc: x@y: 1 Maschine ab Sonntag, 29. März 2026\n"));
  g_assert_nonnull (strstr (parsed, "\ndefects: 0\n"));
  /* the names arrive intact in the body, where they do no harm */
  g_assert_nonnull (strstr (parsed, "part: text/plain None\n"));
  g_assert_nonnull (strstr (parsed, "part: text/calendar maintenance.ics\n"));
  g_assert_nonnull (strstr (strstr (parsed, "part: text/plain"), "Reboot"));
  g_assert_nonnull (strstr (strstr (parsed, "part: text/plain"), "X-Injected: 1"));
}

static void
test_email_structure (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintPlan) plan = make_plan ();
  g_autoptr(MaintNotifier) notifier = maint_notifier_new (fleet, plan);
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *again = NULL;
  g_autofree char *parsed = NULL;
  g_autofree char *id = NULL;
  g_autofree char *expected_text = NULL;
  MaintNotice *notice;
  gsize length = 0;

  maint_notifier_set_sender (notifier, "wartung@provider.example");
  notices = run (notifier);
  notice = g_ptr_array_index (notices, 0);
  message = maint_notice_to_email (notice, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, strlen (message));

  /* deterministic: the same notice gives the same bytes */
  again = maint_notice_to_email (notice, NULL, NULL);
  g_assert_cmpstr (message, ==, again);
  id = maint_notice_get_message_id (notice);
  g_assert_true (g_str_has_suffix (id, "@provider.example>"));
  g_assert_true (g_str_has_prefix (id, "<"));

  /* CRLF throughout, no line over 78 octets except none at all */
  for (const char *p = message, *line = message; *p; p++)
    if (*p == '\n')
      {
        g_assert_cmpint (p[-1], ==, '\r');
        g_assert_cmpint (p - line, <=, 78);
        line = p + 1;
      }

  parsed = python_parse (message);
  g_assert_true (g_str_has_prefix (parsed, "From: wartung@provider.example\n"));
  g_assert_nonnull (strstr (parsed, "\nSubject: Geplante Wartung für acme: 4 Maschinen ab Samstag, 28. März 2026\n"));
  g_assert_nonnull (strstr (parsed, "\nDate: Wed, 25 Mar 2026 09:00:00 +0000\n"));
  g_assert_nonnull (strstr (parsed, "\nMIME-Version: 1.0\n"));
  g_assert_nonnull (strstr (parsed, "\ndefects: 0\n"));
  /* the text part decodes to the body exactly */
  expected_text = g_strdup_printf ("part: text/plain None\n%s\n", maint_notice_get_body (notice));
  if (strstr (parsed, expected_text) == NULL)
    g_error ("text part not found:\n%s\nin\n%s", expected_text, parsed);
  g_assert_nonnull (strstr (parsed, "part: text/calendar maintenance.ics\nBEGIN:VCALENDAR"));

  /* a sender that is no address is refused before anything is made */
  maint_notifier_set_sender (notifier, "Wartung <w@x.example>");
  g_clear_pointer (&notices, g_ptr_array_unref);
  notices = maint_notifier_run (notifier, &error);
  g_assert_error (error, MAINT_NOTIFIER_ERROR, MAINT_NOTIFIER_ERROR_INVALID_FAILED);
  g_assert_null (notices);
}

static void
test_header_encoding (void)
{
  g_autofree char *plain = maint_eml_header_unstructured ("Subject", "Maintenance for acme");
  g_autofree char *encoded = maint_eml_header_unstructured ("Subject", "Wartung für acme\r\nBcc: x@y");
  g_autofree char *trick = maint_eml_header_unstructured ("Subject", "=?UTF-8?B?QmNjOiB4?=");
  g_autofree char *date = maint_eml_date (NOW);
  g_autofree char *qp = maint_eml_quoted_printable ("From here = there \nä\n");

  g_assert_cmpstr (plain, ==, "Subject: Maintenance for acme");
  g_assert_true (g_str_has_prefix (encoded, "Subject: =?UTF-8?B?"));
  for (const char *p = encoded; *p; p++)
    g_assert_true ((*p >= 0x20 && *p < 0x7f) || (*p == '\r' && p[1] == '\n' && p[2] == ' ') ||
                   (*p == '\n' && p[-1] == '\r'));
  /* text that looks like an encoded word is encoded itself */
  g_assert_true (g_str_has_prefix (trick, "Subject: =?UTF-8?B?"));
  g_assert_cmpstr (date, ==, "Wed, 25 Mar 2026 09:00:00 +0000");
  g_assert_cmpstr (qp, ==, "=46rom here =3D there=20\r\n=C3=A4\r\n");
}

static void
test_deterministic (void)
{
  g_autoptr(MaintFleet) fleet = make_fleet ();
  g_autoptr(MaintPlan) plan = make_plan ();
  g_autoptr(MaintNotifier) a = maint_notifier_new (fleet, plan);
  g_autoptr(MaintNotifier) b = maint_notifier_new (fleet, plan);
  g_autoptr(GPtrArray) na = run (a);
  g_autoptr(GPtrArray) nb = run (b);

  g_assert_cmpuint (na->len, ==, nb->len);
  for (guint i = 0; i < na->len; i++)
    {
      g_autofree char *ea = maint_notice_to_email (g_ptr_array_index (na, i), NULL, NULL);
      g_autofree char *eb = maint_notice_to_email (g_ptr_array_index (nb, i), NULL, NULL);
      g_assert_cmpstr (ea, ==, eb);
    }
}

static void
test_bad_zone (void)
{
  g_autoptr(MaintFleet) fleet = maint_fleet_new ();
  g_autoptr(MaintPlan) plan = maint_plan_new (NOW);
  g_autoptr(MaintNotifier) notifier = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GError) error = NULL;

  add_group (fleet, "mars", "en", "Mars/Olympus_Mons");
  notifier = maint_notifier_new (fleet, plan);
  notices = maint_notifier_run (notifier, &error);
  g_assert_error (error, MAINT_NOTIFIER_ERROR, MAINT_NOTIFIER_ERROR_INVALID_FAILED);
  g_assert_nonnull (strstr (error->message, "mars"));
  g_assert_null (notices);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notifier/new-windows/de", test_new_windows_de);
  g_test_add_func ("/notifier/new-windows/en", test_new_windows_en);
  g_test_add_func ("/notifier/new-windows/locale-fallback", test_locale_fallback);
  g_test_add_func ("/notifier/settings", test_settings);
  g_test_add_func ("/notifier/rollout-activity", test_rollout_activity);
  g_test_add_func ("/notifier/changes/unchanged", test_unchanged);
  g_test_add_func ("/notifier/changes/moved", test_moved);
  g_test_add_func ("/notifier/changes/cancelled", test_cancelled);
  g_test_add_func ("/notifier/changes/merged", test_merged);
  g_test_add_func ("/notifier/changes/pinned-without-previous", test_pinned_without_previous);
  g_test_add_func ("/notifier/changes/uid-stable", test_uid_stable_across_merges);
  g_test_add_func ("/notifier/template/replace", test_template_replace);
  g_test_add_func ("/notifier/template/errors", test_template_errors);
  g_test_add_func ("/notifier/template/message-format", test_message_format);
  g_test_add_func ("/notifier/ics/text", test_ics_text);
  g_test_add_func ("/notifier/ics/full-calendar", test_full_calendar);
  g_test_add_func ("/notifier/email/injection", test_email_injection);
  g_test_add_func ("/notifier/email/structure", test_email_structure);
  g_test_add_func ("/notifier/email/headers", test_header_encoding);
  g_test_add_func ("/notifier/deterministic", test_deterministic);
  g_test_add_func ("/notifier/bad-zone", test_bad_zone);

  return g_test_run ();
}
