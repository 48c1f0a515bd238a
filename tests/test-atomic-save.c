/* test-atomic-save.c: saving never leaves a broken or half-written file
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * maint_fleet_save_to_file(), maint_plan_save_to_file() and
 * `maintctl plan -o FILE` write a temporary file next to the target and
 * rename it over the target. On every error — a directory the user may
 * not write to, a target that is a directory, a write that fails half-way
 * (the file size limit, RLIMIT_FSIZE, makes write() fail with EFBIG after
 * the first bytes, as a full disk would) — the old file must be left as it
 * was and no temporary file may be left behind.
 *
 * The unwritable directory is tested in a subprocess that, when the tests
 * run as root (who may write anywhere), first becomes the user "nobody"
 * (65534). The test fails rather than skips when that is impossible.
 */
#include "config.h"

#define _GNU_SOURCE  /* setresuid(), setresgid() */

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <libmaint/libmaint.h>

#define UNPRIVILEGED_ID 65534
#define OLD_CONTENT "old content, must survive\n"

static const char fleet_json[] =
  "{\"format\": \"libmaint-fleet/1\", \"now\": \"2026-03-02T09:00:00Z\","
  " \"resource_groups\": [{\"name\": \"acme\", \"contacts\": [\"ops@acme.example\"],"
  "  \"timezone\": \"Europe/Berlin\", \"windows\": [\"daily 22:00-05:00\"], \"notice\": \"P1D\","
  "  \"stage\": \"production\"}],"
  " \"machines\": [{\"name\": \"web1\", \"group\": \"acme\", \"kind\": \"infrastructure\"},"
  "  {\"name\": \"web2\", \"group\": \"acme\", \"kind\": \"infrastructure\"}],"
  " \"activities\": [{\"id\": \"a-1\", \"machine\": \"web1\", \"kind\": \"reboot\", \"reboot\": \"warm\"},"
  "  {\"id\": \"a-2\", \"machine\": \"web2\", \"kind\": \"kernel-update\", \"reboot\": \"cold\"}]}";

/* What is saved: by the library (a fleet, a plan) or by maintctl. */
typedef enum {
  SAVE_FLEET,
  SAVE_PLAN,
  SAVE_MAINTCTL,
} SaveKind;

static MaintFleet *
load_fleet (void)
{
  g_autoptr(GError) error = NULL;
  MaintFleet *fleet = maint_fleet_new_from_data (fleet_json, -1, &error);

  g_assert_no_error (error);
  return fleet;
}

static MaintPlan *
make_plan (void)
{
  MaintPlan *plan = maint_plan_new (1772442000);
  g_autoptr(MaintSlot) slot = maint_slot_new ("web1", 1772571600, 1772573400);
  const char *activities[] = { "a-1", NULL };

  maint_slot_set_group (slot, "acme");
  maint_slot_set_activities (slot, activities);
  maint_slot_set_reboot (slot, MAINT_REBOOT_KIND_WARM);
  maint_plan_add_slot (plan, slot);
  return plan;
}

static char *
input_path (const char *dir)
{
  return g_build_filename (dir, "in.json", NULL);
}

/* Runs maintctl plan @dir/in.json -o @path; stderr goes to @out_stderr. */
static int
run_maintctl (const char  *dir,
              const char  *path,
              char       **out_stdout,
              char       **out_stderr)
{
  g_autofree char *input = input_path (dir);
  g_autoptr(GError) error = NULL;
  const char *maintctl = g_getenv ("MAINTCTL");
  const char *argv[] = { maintctl, "plan", input, "-o", path, NULL };
  int status = -1;

  g_assert_nonnull (maintctl);
  if (path == NULL)
    argv[3] = NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out_stdout, out_stderr, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* Saves what @kind saves to @path. For maintctl, a failure must be exit
 * code 2 with one line "maintctl: PATH: …" on stderr; the line is
 * returned as the error message. */
static gboolean
save (SaveKind     kind,
      const char  *dir,
      const char  *path,
      GError     **error)
{
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintPlan) plan = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *prefix = NULL;
  gboolean ok;
  int code;

  switch (kind)
    {
    case SAVE_FLEET:
      fleet = load_fleet ();
      ok = maint_fleet_save_to_file (fleet, path, error);
      if (!ok)
        g_assert_error (*error, MAINT_FLEET_ERROR, MAINT_FLEET_ERROR_IO_FAILED);
      return ok;
    case SAVE_PLAN:
      plan = make_plan ();
      ok = maint_plan_save_to_file (plan, path, error);
      if (!ok)
        g_assert_error (*error, MAINT_PLAN_ERROR, MAINT_PLAN_ERROR_IO_FAILED);
      return ok;
    case SAVE_MAINTCTL:
      code = run_maintctl (dir, path, &out, &err);
      g_assert_cmpstr (out, ==, "");
      if (code == 0)
        {
          g_assert_cmpstr (err, ==, "");
          return TRUE;
        }
      g_assert_cmpint (code, ==, 2);
      prefix = g_strdup_printf ("maintctl: %s: ", path);
      g_assert_true (g_str_has_prefix (err, prefix));
      g_assert_true (g_str_has_suffix (err, "\n"));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);  /* one line */
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, err);
      return FALSE;
    default:
      g_assert_not_reached ();
    }
}

/* What a successful save writes. */
static char *
expected_content (SaveKind    kind,
                  const char *dir)
{
  g_autoptr(MaintFleet) fleet = NULL;
  g_autoptr(MaintPlan) plan = NULL;
  char *out = NULL;

  switch (kind)
    {
    case SAVE_FLEET:
      fleet = load_fleet ();
      return maint_fleet_to_data (fleet, NULL);
    case SAVE_PLAN:
      plan = make_plan ();
      return maint_plan_to_data (plan, NULL);
    case SAVE_MAINTCTL:
      g_assert_cmpint (run_maintctl (dir, NULL, &out, NULL), ==, 0);
      g_assert_true (g_str_has_prefix (out, "Maintenance plan as of"));
      return out;
    default:
      g_assert_not_reached ();
    }
}

/* A fresh directory (mode 0755, so "nobody" can read the input) with the
 * fleet as in.json and OLD_CONTENT as out. */
static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("maint-atomic-XXXXXX", &error);
  g_autofree char *input = NULL;
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  input = input_path (dir);
  g_assert_true (g_file_set_contents (input, fleet_json, -1, &error));
  g_assert_cmpint (g_chmod (input, 0644), ==, 0);
  out = g_build_filename (dir, "out", NULL);
  g_assert_true (g_file_set_contents (out, OLD_CONTENT, -1, &error));
  g_assert_cmpint (g_chmod (out, 0644), ==, 0);
  return dir;
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_chmod (path, 0755);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* Asserts that @dir holds exactly the NULL-terminated @names: in
 * particular no temporary file was left behind. */
static void
assert_dir_holds (const char         *dir,
                  const char * const *names)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *found_text = NULL;
  g_autofree char *expected_text = NULL;
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (found, g_strdup (name));
  g_ptr_array_add (found, NULL);
  found_text = g_strjoinv (" ", (char **) found->pdata);
  expected_text = g_strjoinv (" ", (char **) names);
  /* the same names, in any order */
  if (found->len - 1 != g_strv_length ((char **) names))
    g_assert_cmpstr (found_text, ==, expected_text);
  for (guint i = 0; names[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) found->pdata, names[i]))
      g_assert_cmpstr (found_text, ==, expected_text);
}

static void
assert_content (const char *path,
                const char *expected)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);
}

/* As root, become "nobody"; in any case check that @dir really cannot be
 * written to, or the test would prove nothing. */
static void
drop_privileges (const char *dir)
{
  if (geteuid () == 0)
    {
      if (setgroups (0, NULL) != 0 ||
          setresgid (UNPRIVILEGED_ID, UNPRIVILEGED_ID, UNPRIVILEGED_ID) != 0 ||
          setresuid (UNPRIVILEGED_ID, UNPRIVILEGED_ID, UNPRIVILEGED_ID) != 0)
        g_error ("cannot become user %d to test an unwritable directory: %s",
                 UNPRIVILEGED_ID, g_strerror (errno));
    }
  g_assert_cmpint (access (dir, W_OK), !=, 0);
}

/* ------------------------------------------------------------------ */

static void
test_replace (gconstpointer data)
{
  SaveKind kind = GPOINTER_TO_INT (data);
  g_autofree char *dir = make_dir ();
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *expected = expected_content (kind, dir);
  g_autoptr(GError) error = NULL;
  const char * const names[] = { "in.json", "out", NULL };
  GStatBuf st;

  g_assert_true (save (kind, dir, out, &error));
  g_assert_no_error (error);
  assert_content (out, expected);
  assert_dir_holds (dir, names);
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));

  /* and again, over the file just written */
  g_assert_true (save (kind, dir, out, &error));
  assert_content (out, expected);
  assert_dir_holds (dir, names);
  remove_tree (dir);
}

static void
test_unwritable_directory (gconstpointer data)
{
  SaveKind kind = GPOINTER_TO_INT (data);
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL;
  const char * const names[] = { "in.json", "out", NULL };

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      dir = g_strdup (g_getenv ("MAINT_TEST_DIR"));
      out = g_build_filename (dir, "out", NULL);
      drop_privileges (dir);
      g_assert_false (save (kind, dir, out, &error));
      g_assert_nonnull (strstr (error->message, "ermission denied"));
      return;
    }

  dir = make_dir ();
  out = g_build_filename (dir, "out", NULL);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_setenv ("MAINT_TEST_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("MAINT_TEST_DIR");

  assert_content (out, OLD_CONTENT);
  assert_dir_holds (dir, names);
  remove_tree (dir);
}

static void
test_target_is_directory (gconstpointer data)
{
  SaveKind kind = GPOINTER_TO_INT (data);
  g_autofree char *dir = make_dir ();
  g_autofree char *target = g_build_filename (dir, "target", NULL);
  g_autofree char *inside = g_build_filename (target, "keep", NULL);
  g_autoptr(GError) error = NULL;
  const char * const names[] = { "in.json", "out", "target", NULL };
  const char * const inside_names[] = { "keep", NULL };

  g_assert_cmpint (g_mkdir (target, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, OLD_CONTENT, -1, NULL));

  g_assert_false (save (kind, dir, target, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_DIR));
  assert_content (inside, OLD_CONTENT);
  assert_dir_holds (target, inside_names);
  assert_dir_holds (dir, names);
  remove_tree (dir);
}

/* The file size limit lets the first bytes through, then write() fails
 * with EFBIG: the save fails in the middle of writing its data. */
static void
test_fails_midway (gconstpointer data)
{
  SaveKind kind = GPOINTER_TO_INT (data);
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL;
  const char * const names[] = { "in.json", "out", NULL };

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = NULL;
      struct rlimit limit = { 64, 64 };

      dir = g_strdup (g_getenv ("MAINT_TEST_DIR"));
      out = g_build_filename (dir, "out", NULL);
      expected = expected_content (kind, dir);
      g_assert_cmpuint (strlen (expected), >, 2 * limit.rlim_cur);

      /* EFBIG instead of SIGXFSZ; both survive exec, so maintctl too */
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (save (kind, dir, out, &error));
      g_assert_nonnull (strstr (error->message, "too large"));
      return;
    }

  dir = make_dir ();
  out = g_build_filename (dir, "out", NULL);
  g_setenv ("MAINT_TEST_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("MAINT_TEST_DIR");

  assert_content (out, OLD_CONTENT);
  assert_dir_holds (dir, names);
  remove_tree (dir);
}

/* maintctl -o LINK replaces the file the link points to, as `>` would,
 * and leaves the link a link. */
static void
test_maintctl_symlink (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *link = g_build_filename (dir, "link", NULL);
  g_autofree char *expected = expected_content (SAVE_MAINTCTL, dir);
  g_autofree char *target = NULL;
  g_autoptr(GError) error = NULL;
  const char * const names[] = { "in.json", "link", "out", NULL };

  g_assert_cmpint (symlink ("out", link), ==, 0);
  g_assert_true (save (SAVE_MAINTCTL, dir, link, &error));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  target = g_file_read_link (link, &error);
  g_assert_cmpstr (target, ==, "out");
  assert_content (out, expected);
  assert_dir_holds (dir, names);
  remove_tree (dir);
}

/* maintctl -o on a FIFO (or /dev/null, /dev/stdout) writes into it:
 * renaming a file over a device node would replace the node itself, for
 * every user of the system when maintctl runs as root. */
static void
test_maintctl_fifo (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *expected = expected_content (SAVE_MAINTCTL, dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) read_back = g_string_new (NULL);
  const char * const names[] = { "fifo", "in.json", "out", NULL };
  char buffer[4096];
  GStatBuf st;
  gssize n;
  int fd;

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  /* held open for reading (and writing, so opening it never blocks) */
  fd = g_open (fifo, O_RDWR | O_NONBLOCK, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpuint (strlen (expected), <, 65536);  /* fits the pipe buffer */

  g_assert_true (save (SAVE_MAINTCTL, dir, fifo, &error));
  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (read_back, buffer, n);
  close (fd);
  g_assert_cmpstr (read_back->str, ==, expected);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  assert_dir_holds (dir, names);
  remove_tree (dir);
}

static void
add_tests (const char *name,
           SaveKind    kind)
{
  g_autofree char *replace = g_strdup_printf ("/atomic-save/%s/replace", name);
  g_autofree char *unwritable = g_strdup_printf ("/atomic-save/%s/unwritable-directory", name);
  g_autofree char *directory = g_strdup_printf ("/atomic-save/%s/target-is-directory", name);
  g_autofree char *midway = g_strdup_printf ("/atomic-save/%s/fails-midway", name);

  g_test_add_data_func (replace, GINT_TO_POINTER (kind), test_replace);
  g_test_add_data_func (unwritable, GINT_TO_POINTER (kind), test_unwritable_directory);
  g_test_add_data_func (directory, GINT_TO_POINTER (kind), test_target_is_directory);
  g_test_add_data_func (midway, GINT_TO_POINTER (kind), test_fails_midway);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  add_tests ("fleet", SAVE_FLEET);
  add_tests ("plan", SAVE_PLAN);
  add_tests ("maintctl", SAVE_MAINTCTL);
  g_test_add_func ("/atomic-save/maintctl/symlink", test_maintctl_symlink);
  g_test_add_func ("/atomic-save/maintctl/fifo", test_maintctl_fifo);

  return g_test_run ();
}
