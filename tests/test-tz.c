/* test-tz.c: the TZif reader and local time resolution
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The main check compares libmaint against tz-cases.txt, which
 * gen-tz-cases.py writes at build time from Python's zoneinfo over the
 * same tz database. The other tests cover what Python cannot judge: bad
 * names and files, $TZDIR, hand-made TZif files exercising every footer
 * form, threads, and the calendar helpers.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "maint-error.h"
#include "maint-tz-private.h"

/* 2026-03-29T01:00:00Z, when Berlin springs forward. */
#define BERLIN_SPRING_2026 G_GINT64_CONSTANT (1774746000)

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-tz-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *entry;

      while ((entry = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, entry, NULL);

          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

static void
write_file (const char   *dir,
            const char   *name,
            gconstpointer data,
            gsize         len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, data, (gssize) len, &error);
  g_assert_no_error (error);
}

/* Runs @func with $TZDIR set to @dir (NULL: unset), then restores it. */
typedef struct {
  char *saved;
  gboolean had;
} TzdirGuard;

static void
tzdir_push (TzdirGuard *g,
            const char *dir)
{
  const char *old = g_getenv ("TZDIR");

  g->had = old != NULL;
  g->saved = g_strdup (old);
  if (dir != NULL)
    g_setenv ("TZDIR", dir, TRUE);
  else
    g_unsetenv ("TZDIR");
}

static void
tzdir_pop (TzdirGuard *g)
{
  if (g->had)
    g_setenv ("TZDIR", g->saved, TRUE);
  else
    g_unsetenv ("TZDIR");
  g_clear_pointer (&g->saved, g_free);
}

static const MaintTz *
get_zone (const char *name)
{
  g_autoptr(GError) error = NULL;
  const MaintTz *tz = maint_tz_get (name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tz);
  return tz;
}

static void
assert_zone_error (const char *name,
                   const char *expected_message)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (maint_tz_get (name, &error));
  g_assert_error (error, MAINT_TIME_ERROR, MAINT_TIME_ERROR_ZONE_FAILED);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_true (g_str_has_prefix (error->message, "unknown time zone \""));
  if (expected_message != NULL)
    g_assert_cmpstr (error->message, ==, expected_message);
}

/* ------------------------------------------------------------------ */
/* Cross-check against Python's zoneinfo                               */

static const char *const required_zones[] = {
  "Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
  "Pacific/Chatham", "Asia/Kathmandu", "Europe/Dublin", "Antarctica/Troll",
  "Pacific/Apia", "America/Sao_Paulo", "Asia/Tehran", "Africa/Casablanca",
  "America/Santiago", "Europe/London", "Australia/Sydney", "UTC",
};

static void
report (guint      *failures,
        const char *line,
        const char *what,
        gint64      got)
{
  if (++*failures <= 40)
    g_printerr ("MISMATCH %s: %s, libmaint gives %" G_GINT64_FORMAT "\n", line, what, got);
}

static void
test_python_cases (void)
{
  const char *env = g_getenv ("MAINT_TZ_CASES");
  g_autofree char *path = env ? g_strdup (env)
                              : g_test_build_filename (G_TEST_BUILT, "tz-cases.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = NULL;
  TzdirGuard guard = { 0 };
  guint failures = 0, cases = 0, gaps = 0, overlaps = 0, i;
  gint64 declared = -1;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_auto(GStrv) f = NULL;
      const MaintTz *tz;

      if (line[0] == '\0' || line[0] == '#')
        continue;
      f = g_strsplit (line, " ", -1);
      if (g_str_equal (f[0], "tzdir"))
        {
          /* Read the very database the expectations were made from. */
          g_assert_null (guard.saved);
          tzdir_push (&guard, f[1]);
          continue;
        }
      if (g_str_equal (f[0], "end"))
        {
          declared = g_ascii_strtoll (f[1], NULL, 10);
          continue;
        }

      cases++;
      g_hash_table_add (zones, g_strdup (f[1]));
      tz = maint_tz_get (f[1], &error);
      if (tz == NULL)
        {
          g_printerr ("zone %s: %s\n", f[1], error->message);
          g_clear_error (&error);
          failures++;
          continue;
        }

      if (g_str_equal (f[0], "O") && g_strv_length (f) == 5)
        {
          gint64 utc = g_ascii_strtoll (f[2], NULL, 10);
          gint32 offset = (gint32) g_ascii_strtoll (f[3], NULL, 10);
          const char *abbr = maint_tz_abbreviation_at (tz, utc);

          if (maint_tz_offset_at (tz, utc) != offset)
            report (&failures, line, "offset", maint_tz_offset_at (tz, utc));
          if (strcmp (abbr, f[4]) != 0)
            {
              if (++failures <= 40)
                g_printerr ("MISMATCH %s: abbreviation, libmaint gives %s\n", line, abbr);
            }
        }
      else if (g_str_equal (f[0], "L") && g_strv_length (f) == 6)
        {
          gint64 local = g_ascii_strtoll (f[2], NULL, 10);
          gint64 earliest = g_ascii_strtoll (f[3], NULL, 10);
          gint64 latest = g_ascii_strtoll (f[4], NULL, 10);
          gboolean gap = f[5][0] == '1';
          gboolean in_gap_e = !gap, in_gap_l = !gap;
          gint64 e = maint_tz_local_to_utc (tz, local, MAINT_TZ_EARLIEST, &in_gap_e);
          gint64 l = maint_tz_local_to_utc (tz, local, MAINT_TZ_LATEST, &in_gap_l);

          gaps += gap;
          overlaps += earliest != latest;
          if (e != earliest)
            report (&failures, line, "earliest", e);
          if (l != latest)
            report (&failures, line, "latest", l);
          if (in_gap_e != gap || in_gap_l != gap)
            report (&failures, line, "gap flag", in_gap_e);
        }
      else
        g_error ("malformed line in %s: %s", path, line);
    }
  tzdir_pop (&guard);

  g_test_message ("%u cases in %u zones (%u gap, %u overlap readings), %u failures",
                  cases, g_hash_table_size (zones), gaps, overlaps, failures);
  g_assert_cmpuint (failures, ==, 0);
  /* A short or truncated file must not pass quietly. */
  g_assert_cmpint (declared, ==, cases);
  g_assert_cmpuint (cases, >, 20000);
  g_assert_cmpuint (g_hash_table_size (zones), >, 300);
  g_assert_cmpuint (gaps, >, 1000);
  g_assert_cmpuint (overlaps, >, 1000);
  for (i = 0; i < G_N_ELEMENTS (required_zones); i++)
    g_assert_true (g_hash_table_contains (zones, required_zones[i]));
}

/* ------------------------------------------------------------------ */
/* Hand-checked examples from the design                               */

static gint64
civil (gint64 y, guint mo, guint d, int h, int mi)
{
  return maint_days_from_civil (y, mo, d) * 86400 + h * 3600 + mi * 60;
}

static void
check_local (const MaintTz *tz,
             gint64         local,
             gint64         earliest,
             gint64         latest,
             gboolean       gap)
{
  gboolean in_gap = !gap;

  g_assert_cmpint (maint_tz_local_to_utc (tz, local, MAINT_TZ_EARLIEST, &in_gap), ==, earliest);
  g_assert_cmpint (in_gap, ==, gap);
  in_gap = !gap;
  g_assert_cmpint (maint_tz_local_to_utc (tz, local, MAINT_TZ_LATEST, &in_gap), ==, latest);
  g_assert_cmpint (in_gap, ==, gap);
  g_assert_cmpint (maint_tz_local_to_utc (tz, local, MAINT_TZ_EARLIEST, NULL), ==, earliest);
}

static void
test_examples (void)
{
  const MaintTz *berlin = get_zone ("Europe/Berlin");
  const MaintTz *apia = get_zone ("Pacific/Apia");
  const MaintTz *dublin = get_zone ("Europe/Dublin");
  const MaintTz *lord_howe = get_zone ("Australia/Lord_Howe");
  const MaintTz *troll = get_zone ("Antarctica/Troll");

  g_assert_cmpstr (maint_tz_get_name (berlin), ==, "Europe/Berlin");
  g_assert_true (get_zone ("Europe/Berlin") == berlin);   /* cached */

  /* Spring forward: 02:00 -> 03:00 at 01:00Z; 02:30 becomes 03:30 CEST. */
  g_assert_cmpint (maint_tz_offset_at (berlin, BERLIN_SPRING_2026 - 1), ==, 3600);
  g_assert_cmpint (maint_tz_offset_at (berlin, BERLIN_SPRING_2026), ==, 7200);
  g_assert_cmpstr (maint_tz_abbreviation_at (berlin, BERLIN_SPRING_2026 - 1), ==, "CET");
  g_assert_cmpstr (maint_tz_abbreviation_at (berlin, BERLIN_SPRING_2026), ==, "CEST");
  check_local (berlin, civil (2026, 3, 29, 2, 30), civil (2026, 3, 29, 1, 30),
               civil (2026, 3, 29, 1, 30), TRUE);
  check_local (berlin, civil (2026, 3, 29, 2, 0), BERLIN_SPRING_2026,
               BERLIN_SPRING_2026, TRUE);
  check_local (berlin, civil (2026, 3, 29, 3, 0), BERLIN_SPRING_2026,
               BERLIN_SPRING_2026, FALSE);
  /* Fall back: 02:30 happens at 00:30Z (CEST) and 01:30Z (CET). */
  check_local (berlin, civil (2026, 10, 25, 2, 30), civil (2026, 10, 25, 0, 30),
               civil (2026, 10, 25, 1, 30), FALSE);
  /* After 2038 the footer rule applies: 2099-03-29 is the last Sunday. */
  check_local (berlin, civil (2099, 3, 29, 2, 30), civil (2099, 3, 29, 1, 30),
               civil (2099, 3, 29, 1, 30), TRUE);
  g_assert_cmpint (maint_tz_offset_at (berlin, civil (2100, 7, 1, 0, 0)), ==, 7200);

  /* Apia skipped 2011-12-30 entirely (-10 -> +14 at 10:00Z): the whole
   * local day is a gap, read with the old offset. */
  check_local (apia, civil (2011, 12, 30, 12, 0), civil (2011, 12, 30, 22, 0),
               civil (2011, 12, 30, 22, 0), TRUE);
  check_local (apia, civil (2011, 12, 31, 0, 0), civil (2011, 12, 30, 10, 0),
               civil (2011, 12, 30, 10, 0), FALSE);

  /* Dublin: winter time is the "negative DST" in the file; offsets are
   * what matter. 2026-10-25 01:30 local occurs twice. */
  g_assert_cmpint (maint_tz_offset_at (dublin, civil (2026, 1, 15, 12, 0)), ==, 0);
  g_assert_cmpint (maint_tz_offset_at (dublin, civil (2026, 7, 15, 12, 0)), ==, 3600);
  g_assert_cmpstr (maint_tz_abbreviation_at (dublin, civil (2026, 7, 15, 12, 0)), ==, "IST");
  g_assert_cmpstr (maint_tz_abbreviation_at (dublin, civil (2060, 1, 15, 12, 0)), ==, "GMT");
  check_local (dublin, civil (2026, 10, 25, 1, 30), civil (2026, 10, 25, 0, 30),
               civil (2026, 10, 25, 1, 30), FALSE);

  /* Lord Howe: 30-minute DST; 2026-10-04 02:00 -> 02:30 (+10:30 -> +11). */
  check_local (lord_howe, civil (2026, 10, 4, 2, 15), civil (2026, 10, 3, 15, 45),
               civil (2026, 10, 3, 15, 45), TRUE);

  /* Troll: two hours of DST, 01:00 UTC -> 03:00 local on 2026-03-29. */
  check_local (troll, civil (2026, 3, 29, 2, 0), civil (2026, 3, 29, 2, 0),
               civil (2026, 3, 29, 2, 0), TRUE);
  g_assert_cmpint (maint_tz_offset_at (troll, civil (2026, 3, 29, 1, 0)), ==, 7200);
}

static void
test_utc (void)
{
  TzdirGuard guard = { 0 };
  g_autofree char *empty = make_temp_dir ();
  const MaintTz *utc, *etc_utc;

  /* No files needed. */
  tzdir_push (&guard, empty);
  utc = get_zone ("UTC");
  etc_utc = get_zone ("Etc/UTC");
  tzdir_pop (&guard);
  remove_tree (empty);

  g_assert_cmpstr (maint_tz_get_name (utc), ==, "UTC");
  g_assert_cmpstr (maint_tz_get_name (etc_utc), ==, "Etc/UTC");
  g_assert_cmpint (maint_tz_offset_at (utc, 0), ==, 0);
  g_assert_cmpint (maint_tz_offset_at (etc_utc, G_GINT64_CONSTANT (4133980799)), ==, 0);
  g_assert_cmpstr (maint_tz_abbreviation_at (utc, 1000), ==, "UTC");
  check_local (utc, 123456789, 123456789, 123456789, FALSE);
}

/* ------------------------------------------------------------------ */
/* Bad names and files, $TZDIR                                         */

static void
test_bad_names (void)
{
  assert_zone_error ("Mars/Olympus", "unknown time zone \"Mars/Olympus\"");
  assert_zone_error ("", "unknown time zone \"\"");
  assert_zone_error ("/usr/share/zoneinfo/Europe/Berlin", NULL);
  assert_zone_error ("../zoneinfo/Europe/Berlin", NULL);
  assert_zone_error ("Europe/../Europe/Berlin", NULL);
  assert_zone_error ("Europe/Berlin/", NULL);
  assert_zone_error ("Europe//Berlin", NULL);
  assert_zone_error ("./Europe/Berlin", NULL);
  assert_zone_error ("Europe/Berlin\n", "unknown time zone \"Europe/Berlin\\n\"");
  assert_zone_error ("Europe/Berlin ", NULL);
  assert_zone_error ("europe/berlin", NULL);   /* names are case-sensitive */
  assert_zone_error ("Europe", NULL);          /* a directory */
  assert_zone_error ("localtime", NULL);       /* host setting, not a zone */
  assert_zone_error ("zone.tab", NULL);        /* not a TZif file */
  assert_zone_error ("right/Europe/Berlin", NULL);   /* leap seconds */
  assert_zone_error ("Etc/UTC\"x", "unknown time zone \"Etc/UTC\\\"x\"");
}

/* Minimal TZif writer for hand-made zones. */
typedef struct {
  gint32      utoff;
  guint8      is_dst;
  const char *abbr;
} TestType;

static void
put_be32 (GByteArray *a,
          guint32     v)
{
  guint8 b[4] = { v >> 24, v >> 16, v >> 8, v };

  g_byte_array_append (a, b, 4);
}

static void
put_header (GByteArray *a,
            char        version,
            guint32     leapcnt,
            guint32     timecnt,
            guint32     typecnt,
            guint32     charcnt)
{
  static const guint8 zeros[15] = { 0 };
  guint8 v = (guint8) version;

  g_byte_array_append (a, (const guint8 *) "TZif", 4);
  g_byte_array_append (a, &v, 1);
  g_byte_array_append (a, zeros, 15);
  put_be32 (a, 0);          /* isutcnt */
  put_be32 (a, 0);          /* isstdcnt */
  put_be32 (a, leapcnt);
  put_be32 (a, timecnt);
  put_be32 (a, typecnt);
  put_be32 (a, charcnt);
}

/* Writes @name under @dir. @version '\0' writes a version 1 file (32-bit
 * times, no footer); otherwise an empty v1 block, the 64-bit block and
 * @footer. */
static void
write_tzif (const char     *dir,
            const char     *name,
            char            version,
            const gint64   *times,
            const guint8   *idx,
            guint           n_times,
            const TestType *types,
            guint           n_types,
            guint           leapcnt,
            const char     *footer)
{
  g_autoptr(GByteArray) a = g_byte_array_new ();
  g_autoptr(GString) chars = g_string_new (NULL);
  guint desig[16];
  gboolean wide = version != '\0';
  guint i;

  g_assert_cmpuint (n_types, <=, G_N_ELEMENTS (desig));
  for (i = 0; i < n_types; i++)
    {
      desig[i] = (guint) chars->len;
      g_string_append_len (chars, types[i].abbr, (gssize) strlen (types[i].abbr) + 1);
    }

  if (wide)
    put_header (a, version, 0, 0, 0, 0);
  put_header (a, version, leapcnt, n_times, n_types, (guint32) chars->len);
  for (i = 0; i < n_times; i++)
    {
      if (wide)
        put_be32 (a, (guint32) ((guint64) times[i] >> 32));
      put_be32 (a, (guint32) times[i]);
    }
  g_byte_array_append (a, idx, n_times);
  for (i = 0; i < n_types; i++)
    {
      guint8 rest[2] = { types[i].is_dst, (guint8) desig[i] };

      put_be32 (a, (guint32) types[i].utoff);
      g_byte_array_append (a, rest, 2);
    }
  g_byte_array_append (a, (const guint8 *) chars->str, (guint) chars->len);
  for (i = 0; i < leapcnt * (wide ? 3 : 2); i++)
    put_be32 (a, 0);
  if (wide)
    {
      g_autofree char *f = g_strdup_printf ("\n%s\n", footer);

      g_byte_array_append (a, (const guint8 *) f, (guint) strlen (f));
    }
  write_file (dir, name, a->data, a->len);
}

static void
write_footer_zone (const char *dir,
                   const char *name,
                   const char *footer)
{
  static const TestType lmt = { 0, 0, "LMT" };

  write_tzif (dir, name, '2', NULL, NULL, 0, &lmt, 1, 0, footer);
}

static void
test_tzdir (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *kathmandu_path = g_build_filename (MAINT_ZONEINFO_DIR, "Asia/Kathmandu", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  TzdirGuard guard = { 0 };
  const MaintTz *system_kathmandu, *copy;
  gsize len;
  gint64 t;

  /* The system database, whatever the caller's environment says. */
  tzdir_push (&guard, NULL);
  system_kathmandu = get_zone ("Asia/Kathmandu");
  tzdir_pop (&guard);

  g_file_get_contents (kathmandu_path, &contents, &len, &error);
  g_assert_no_error (error);
  write_file (dir, "Test/Copy", contents, len);
  write_file (dir, "Test/Truncated", contents, len / 2);
  write_file (dir, "Test/Garbage", "TZjf this is not a zone\n", 24);
  write_file (dir, "Test/Empty", "", 0);

  tzdir_push (&guard, dir);
  copy = get_zone ("Test/Copy");
  for (t = 0; t < G_GINT64_CONSTANT (4133980800); t += 86400 * 7 + 3601)
    g_assert_cmpint (maint_tz_offset_at (copy, t), ==, maint_tz_offset_at (system_kathmandu, t));
  g_assert_cmpstr (maint_tz_abbreviation_at (copy, 1700000000), ==, "+0545");
  /* $TZDIR replaces the system directory: no silent fallback. */
  assert_zone_error ("Europe/Berlin", "unknown time zone \"Europe/Berlin\"");
  assert_zone_error ("Test/Truncated", NULL);
  assert_zone_error ("Test/Garbage", NULL);
  assert_zone_error ("Test/Empty", NULL);
  assert_zone_error ("Test", NULL);
  get_zone ("UTC");
  tzdir_pop (&guard);

  tzdir_push (&guard, NULL);
  assert_zone_error ("Test/Copy", NULL);
  tzdir_pop (&guard);

  remove_tree (dir);
}

/* Offsets of @a and @b agree hourly from @from to @to. */
static void
assert_same_offsets (const MaintTz *a,
                     const MaintTz *b,
                     gint64         from,
                     gint64         to)
{
  gint64 t;

  for (t = from; t < to; t += 3600)
    if (maint_tz_offset_at (a, t) != maint_tz_offset_at (b, t))
      g_error ("%s and %s differ at %" G_GINT64_FORMAT ": %d vs %d",
               maint_tz_get_name (a), maint_tz_get_name (b), t,
               maint_tz_offset_at (a, t), maint_tz_offset_at (b, t));
}

static void
test_footer_forms (void)
{
  g_autofree char *dir = make_temp_dir ();
  TzdirGuard guard = { 0 };
  const MaintTz *tz;
  gint64 t;

  write_footer_zone (dir, "F/US", "EST5EDT,M3.2.0,M11.1.0");
  write_footer_zone (dir, "F/DefaultRules", "EST5EDT");
  write_footer_zone (dir, "F/Julian", "AAA0BBB,J60/0,J300/0");
  write_footer_zone (dir, "F/Day", "AAA0BBB,59/0,299/0");
  write_footer_zone (dir, "F/LongHours", "XXX0YYY-1,M3.1.0/167,M10.1.0/-167");
  write_footer_zone (dir, "F/AllYearDST", "EST5EDT,0/0,J365/25");
  write_footer_zone (dir, "F/LordHowe", "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0");
  write_footer_zone (dir, "F/Dublin", "IST-1GMT0,M10.5.0,M3.5.0/1");
  write_footer_zone (dir, "F/Fixed", "<+0545>-5:45");
  write_footer_zone (dir, "F/Seconds", "<-0044>0:44:30");

  {
    /* Transitions in the file, then the footer takes over. */
    static const TestType types[2] = { { 0, 0, "AAA" }, { 3600, 1, "BBB" } };
    static const gint64 times[2] = { 954032400, 972781200 };   /* 2000 */
    static const guint8 idx[2] = { 1, 0 };

    write_tzif (dir, "F/FileThenFooter", '3', times, idx, 2, types, 2, 0,
                "AAA0BBB,M3.5.0/1,M10.5.0/2");
    /* Version 1: no footer, the last type stays forever. */
    write_tzif (dir, "F/Version1", '\0', times, idx, 1, types, 2, 0, NULL);
    /* Empty footer: no rule, same. */
    write_tzif (dir, "F/EmptyFooter", '2', times, idx, 1, types, 2, 0, "");
  }

  tzdir_push (&guard, dir);

  /* M rules; also matches America/New_York once its file ends. */
  tz = get_zone ("F/US");
  g_assert_cmpint (maint_tz_offset_at (tz, 1899356400 - 1), ==, -18000);
  g_assert_cmpint (maint_tz_offset_at (tz, 1899356400), ==, -14400);
  g_assert_cmpstr (maint_tz_abbreviation_at (tz, 1899356400), ==, "EDT");
  g_assert_cmpint (maint_tz_offset_at (tz, 1919916000 - 1), ==, -14400);
  g_assert_cmpint (maint_tz_offset_at (tz, 1919916000), ==, -18000);
  g_assert_cmpstr (maint_tz_abbreviation_at (tz, 1919916000), ==, "EST");
  tzdir_pop (&guard);
  assert_same_offsets (tz, get_zone ("America/New_York"), civil (2008, 1, 1, 0, 0),
                       civil (2101, 1, 1, 0, 0));
  tzdir_push (&guard, dir);
  assert_same_offsets (tz, get_zone ("F/DefaultRules"), civil (1950, 1, 1, 0, 0),
                       civil (2101, 1, 1, 0, 0));

  /* Jn never counts February 29; n does. 2028 is a leap year. */
  tz = get_zone ("F/Julian");
  g_assert_cmpint (maint_tz_offset_at (tz, 1835481600 - 1), ==, 0);        /* 2028-02-29T23:59:59Z */
  g_assert_cmpint (maint_tz_offset_at (tz, 1835481600), ==, 3600);         /* 2028-03-01 */
  g_assert_cmpint (maint_tz_offset_at (tz, 1856214000 - 1), ==, 3600);     /* J300: Oct 27 local */
  g_assert_cmpint (maint_tz_offset_at (tz, 1856214000), ==, 0);
  g_assert_cmpint (maint_tz_offset_at (tz, 1803859200), ==, 3600);         /* 2027-03-01 */
  tz = get_zone ("F/Day");
  g_assert_cmpint (maint_tz_offset_at (tz, 1835395200 - 1), ==, 0);        /* 2028-02-28T23:59:59Z */
  g_assert_cmpint (maint_tz_offset_at (tz, 1835395200), ==, 3600);         /* 2028-02-29 */
  g_assert_cmpint (maint_tz_offset_at (tz, 1856127600 - 1), ==, 3600);
  g_assert_cmpint (maint_tz_offset_at (tz, 1856127600), ==, 0);            /* Oct 26 local */
  g_assert_cmpint (maint_tz_offset_at (tz, 1803859200 - 1), ==, 0);        /* 2027: March 1 */
  g_assert_cmpint (maint_tz_offset_at (tz, 1803859200), ==, 3600);
  g_assert_cmpint (maint_tz_offset_at (tz, 1824591600), ==, 0);

  /* Rule times of +-167 hours move the change by almost a week. */
  tz = get_zone ("F/LongHours");
  g_assert_cmpint (maint_tz_offset_at (tz, 1899327600 - 1), ==, 0);        /* 2030-03-09T23:00Z */
  g_assert_cmpint (maint_tz_offset_at (tz, 1899327600), ==, 3600);
  g_assert_cmpint (maint_tz_offset_at (tz, 1916870400 - 1), ==, 3600);     /* 2030-09-29T00:00Z */
  g_assert_cmpint (maint_tz_offset_at (tz, 1916870400), ==, 0);

  /* RFC 8536 section 3.3.1: DST all year round. */
  tz = get_zone ("F/AllYearDST");
  for (t = civil (1950, 1, 1, 0, 0); t < civil (2101, 1, 1, 0, 0); t += 3600 * 7)
    g_assert_cmpint (maint_tz_offset_at (tz, t), ==, -14400);
  g_assert_cmpstr (maint_tz_abbreviation_at (tz, civil (2030, 12, 31, 23, 0)), ==, "EDT");
  check_local (tz, civil (2031, 1, 1, 0, 30), civil (2031, 1, 1, 4, 30),
               civil (2031, 1, 1, 4, 30), FALSE);

  /* Southern hemisphere, half-hour DST, and negative DST, checked
   * against the real zones (themselves checked against Python). */
  {
    const MaintTz *lh = get_zone ("F/LordHowe"), *du = get_zone ("F/Dublin");

    tzdir_pop (&guard);
    assert_same_offsets (lh, get_zone ("Australia/Lord_Howe"), civil (2008, 1, 1, 0, 0),
                         civil (2101, 1, 1, 0, 0));
    assert_same_offsets (du, get_zone ("Europe/Dublin"), civil (1997, 1, 1, 0, 0),
                         civil (2101, 1, 1, 0, 0));
    tzdir_push (&guard, dir);
    check_local (lh, civil (2040, 4, 1, 1, 45), civil (2040, 3, 31, 14, 45),
                 civil (2040, 3, 31, 15, 15), FALSE);
  }

  tz = get_zone ("F/Fixed");
  g_assert_cmpint (maint_tz_offset_at (tz, 0), ==, 20700);
  g_assert_cmpint (maint_tz_offset_at (tz, G_GINT64_CONSTANT (4133980799)), ==, 20700);
  g_assert_cmpstr (maint_tz_abbreviation_at (tz, 1), ==, "+0545");
  g_assert_cmpint (maint_tz_offset_at (get_zone ("F/Seconds"), 0), ==, -2670);

  tz = get_zone ("F/FileThenFooter");
  g_assert_cmpint (maint_tz_offset_at (tz, 0), ==, 0);
  g_assert_cmpint (maint_tz_offset_at (tz, 954032400), ==, 3600);
  g_assert_cmpint (maint_tz_offset_at (tz, 972781200), ==, 0);
  g_assert_cmpint (maint_tz_offset_at (tz, 985482000 - 1), ==, 0);         /* 2001-03-25T01:00Z */
  g_assert_cmpint (maint_tz_offset_at (tz, 985482000), ==, 3600);
  g_assert_cmpstr (maint_tz_abbreviation_at (tz, 985482000), ==, "BBB");
  g_assert_cmpint (maint_tz_offset_at (tz, 1004230800 - 1), ==, 3600);     /* 2001-10-28T01:00Z */
  g_assert_cmpint (maint_tz_offset_at (tz, 1004230800), ==, 0);
  check_local (tz, 985483800, 985483800, 985483800, TRUE);                 /* 01:30 in the gap */
  check_local (tz, 1004232600, 1004232600 - 3600, 1004232600, FALSE);      /* 01:30 twice */

  tz = get_zone ("F/Version1");
  g_assert_cmpint (maint_tz_offset_at (tz, 954032400 - 1), ==, 0);
  g_assert_cmpint (maint_tz_offset_at (tz, G_GINT64_CONSTANT (4133980799)), ==, 3600);
  tz = get_zone ("F/EmptyFooter");
  g_assert_cmpint (maint_tz_offset_at (tz, G_GINT64_CONSTANT (4133980799)), ==, 3600);

  tzdir_pop (&guard);
  remove_tree (dir);
}

static void
test_bad_files (void)
{
  static const TestType one[1] = { { 3600, 0, "CET" } };
  static const TestType huge[1] = { { 26 * 3600, 0, "BIG" } };
  static const gint64 times[2] = { 1000, 500 };
  static const guint8 bad_idx[1] = { 3 };
  static const guint8 idx[2] = { 0, 0 };
  static const char *const bad_footers[] = {
    "CET-1CEST,M3.5.0",               /* no end rule */
    "CET-1CEST,M13.5.0,M10.5.0/3",    /* month 13 */
    "CET-1CEST,M3.6.0,M10.5.0/3",     /* week 6 */
    "CET-1CEST,M3.5.7,M10.5.0/3",     /* weekday 7 */
    "CET-1CEST,M3.5.0/168,M10.5.0",   /* beyond 167 hours */
    "CET-1CEST,J0,J300",              /* J counts from 1 */
    "CET-1CEST,366,300",              /* n up to 365 */
    "CET-1CEST,M3.5.0,M10.5.0 ",      /* trailing garbage */
    "CE-1",                           /* abbreviation too short */
    "CET-25",                         /* offset beyond 24 hours */
    "CET",                            /* no offset */
    "<+01-1",                         /* unterminated <...> */
  };
  g_autofree char *dir = make_temp_dir ();
  TzdirGuard guard = { 0 };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bad_footers); i++)
    {
      g_autofree char *name = g_strdup_printf ("Bad/Footer%u", i);

      write_footer_zone (dir, name, bad_footers[i]);
    }
  write_tzif (dir, "Bad/LeapSeconds", '2', NULL, NULL, 0, one, 1, 1, "CET-1");
  write_tzif (dir, "Bad/TypeIndex", '2', times, bad_idx, 1, one, 1, 0, "CET-1");
  write_tzif (dir, "Bad/Order", '2', times, idx, 2, one, 1, 0, "CET-1");
  write_tzif (dir, "Bad/Offset", '2', NULL, NULL, 0, huge, 1, 0, "");
  write_tzif (dir, "Bad/NoTypes", '2', NULL, NULL, 0, one, 0, 0, "");
  write_tzif (dir, "Good/Control", '2', NULL, NULL, 0, one, 1, 0, "CET-1");

  tzdir_push (&guard, dir);
  for (i = 0; i < G_N_ELEMENTS (bad_footers); i++)
    {
      g_autofree char *name = g_strdup_printf ("Bad/Footer%u", i);

      assert_zone_error (name, NULL);
    }
  assert_zone_error ("Bad/LeapSeconds", NULL);
  assert_zone_error ("Bad/TypeIndex", NULL);
  assert_zone_error ("Bad/Order", NULL);
  assert_zone_error ("Bad/Offset", NULL);
  assert_zone_error ("Bad/NoTypes", NULL);
  /* The writer itself is sound. */
  g_assert_cmpint (maint_tz_offset_at (get_zone ("Good/Control"), 0), ==, 3600);
  tzdir_pop (&guard);
  remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* Threads                                                             */

typedef struct {
  GMutex         lock;
  GCond          cond;
  gboolean       go;
  const char    *name;
} ThreadStart;

static gpointer
thread_func (gpointer data)
{
  ThreadStart *start = data;
  const MaintTz *tz;
  gint64 t, sum = 0;

  g_mutex_lock (&start->lock);
  while (!start->go)
    g_cond_wait (&start->cond, &start->lock);
  g_mutex_unlock (&start->lock);

  tz = maint_tz_get (start->name, NULL);
  g_assert_nonnull (tz);
  for (t = 0; t < G_GINT64_CONSTANT (4133980800); t += 86400)
    sum += maint_tz_offset_at (tz, t) +
           maint_tz_local_to_utc (tz, t, MAINT_TZ_LATEST, NULL) - t;
  /* Hand back the zone and the checksum through the return value. */
  return g_strdup_printf ("%p %" G_GINT64_FORMAT, (gpointer) tz, sum);
}

static void
test_threads (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *berlin = g_build_filename (MAINT_ZONEINFO_DIR, "Europe/Berlin", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *first = NULL;
  g_autoptr(GError) error = NULL;
  ThreadStart start = { 0 };
  TzdirGuard guard = { 0 };
  GThread *threads[8];
  gsize len;
  guint i;

  /* A fresh directory, so every thread races to load the zone first. */
  g_file_get_contents (berlin, &contents, &len, &error);
  g_assert_no_error (error);
  write_file (dir, "Thread/Zone", contents, len);
  start.name = "Thread/Zone";
  g_mutex_init (&start.lock);
  g_cond_init (&start.cond);

  tzdir_push (&guard, dir);
  for (i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("tz", thread_func, &start);
  g_mutex_lock (&start.lock);
  start.go = TRUE;
  g_cond_broadcast (&start.cond);
  g_mutex_unlock (&start.lock);

  for (i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autofree char *result = g_thread_join (threads[i]);

      if (first == NULL)
        first = g_strdup (result);
      g_assert_cmpstr (result, ==, first);   /* one zone, same answers */
    }
  {
    g_autofree char *expected = g_strdup_printf ("%p", (gpointer) get_zone ("Thread/Zone"));

    g_assert_true (g_str_has_prefix (first, expected));
  }
  tzdir_pop (&guard);

  g_mutex_clear (&start.lock);
  g_cond_clear (&start.cond);
  remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* Calendar                                                            */

static void
test_calendar (void)
{
  gint64 days, year, prev_year = 0;
  guint month, day, prev_month = 0, prev_day = 0;

  g_assert_cmpint (maint_days_from_civil (1970, 1, 1), ==, 0);
  g_assert_cmpint (maint_days_from_civil (1969, 12, 31), ==, -1);
  g_assert_cmpint (maint_days_from_civil (2000, 3, 1), ==, 11017);
  g_assert_cmpint (maint_days_from_civil (2100, 12, 31), ==, 47846);
  g_assert_cmpint (maint_days_from_civil (0, 1, 1), ==, -719528);

  g_assert_cmpuint (maint_weekday_from_days (0), ==, 3);                              /* Thursday */
  g_assert_cmpuint (maint_weekday_from_days (maint_days_from_civil (2026, 3, 29)), ==, 6);  /* Sunday */
  g_assert_cmpuint (maint_weekday_from_days (maint_days_from_civil (1969, 12, 29)), ==, 0); /* Monday */
  g_assert_cmpuint (maint_weekday_from_days (maint_days_from_civil (1900, 1, 1)), ==, 0);   /* Monday */

  /* Every day from 1600 to 2500 follows its predecessor and round-trips. */
  for (days = maint_days_from_civil (1600, 1, 1); days <= maint_days_from_civil (2500, 1, 1); days++)
    {
      maint_civil_from_days (days, &year, &month, &day);
      g_assert_cmpint (maint_days_from_civil (year, month, day), ==, days);
      g_assert_cmpuint (maint_weekday_from_days (days), ==, (maint_weekday_from_days (days - 1) + 1) % 7);
      if (prev_month != 0)
        {
          if (day == 1)
            g_assert_true ((month == prev_month + 1 && year == prev_year) ||
                           (month == 1 && prev_month == 12 && year == prev_year + 1));
          else
            g_assert_true (day == prev_day + 1 && month == prev_month && year == prev_year);
        }
      if (month == 2 && day == 29)
        g_assert_true ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0);
      prev_year = year;
      prev_month = month;
      prev_day = day;
    }
}

static void
test_preconditions (void)
{
  if (g_test_subprocess ())
    {
      maint_tz_offset_at (NULL, 0);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*tz != NULL*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tz/calendar", test_calendar);
  g_test_add_func ("/tz/utc", test_utc);
  g_test_add_func ("/tz/examples", test_examples);
  g_test_add_func ("/tz/bad-names", test_bad_names);
  g_test_add_func ("/tz/tzdir", test_tzdir);
  g_test_add_func ("/tz/footer-forms", test_footer_forms);
  g_test_add_func ("/tz/bad-files", test_bad_files);
  g_test_add_func ("/tz/preconditions", test_preconditions);
  g_test_add_func ("/tz/python-cases", test_python_cases);
  /* Last: it starts threads, after which changing $TZDIR is frowned upon.
   * It loads its zone from a fresh directory, so nothing is cached yet. */
  g_test_add_func ("/tz/threads", test_threads);

  return g_test_run ();
}
