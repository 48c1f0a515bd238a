/* maintctl.c: the command-line face of libmaint
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "maintctl.h"

typedef struct {
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} Subcommand;

static const Subcommand subcommands[] = {
  { "check", maintctl_check, "validate a fleet file and summarise it" },
  { "windows", maintctl_windows, "expand window specs in a time zone" },
  { "plan", maintctl_plan, "plan the queued maintenance of a fleet" },
  { "verify", maintctl_verify, "check a plan against a fleet" },
  { "explain", maintctl_explain, "explain why a machine got its slot" },
  { "notify", maintctl_notify, "notices to the contacts of resource groups" },
  { "announce", maintctl_announce, "record a plan's announced slots in the fleet" },
  { "simulate", maintctl_simulate, "advance a clock over the plan, with outcomes" },
};

int
maintctl_fail (const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* One line, always: messages may quote user input */
  for (char *p = message; *p; p++)
    if (*p == '\n' || *p == '\r')
      *p = ' ';

  fprintf (stderr, "maintctl: %s\n", message);
  return MAINTCTL_EXIT_BAD_INPUT;
}

/* Writes to a device or a FIFO as it is: it cannot be replaced atomically,
 * and must not be replaced at all. */
static gboolean
write_in_place (const char  *path,
                const char  *data,
                gsize        length,
                GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_NOCTTY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "cannot open: %s", g_strerror (saved_errno));
      return FALSE;
    }
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          saved_errno = n < 0 ? errno : ENOSPC;
          close (fd);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "cannot write: %s", g_strerror (saved_errno));
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
    }
  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "cannot write: %s", g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
maintctl_write_output (const char  *path,
                       const char  *data,
                       gsize        length,
                       GError     **error)
{
  g_autofree char *target = NULL;
  GStatBuf st;

  if (path == NULL || g_str_equal (path, "-"))
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_IO,
                               "cannot write to standard output");
          return FALSE;
        }
      return TRUE;
    }

  if (g_stat (path, &st) == 0)
    {
      /* -o /dev/null, -o /dev/stdout, a FIFO: renaming a file over it
       * would replace the device node (for every user, when run as root) */
      if (!S_ISREG (st.st_mode) && !S_ISDIR (st.st_mode))
        return write_in_place (path, data, length, error);
      /* through a symbolic link, replace the file it points to, as the
       * shell's > does, rather than the link */
      if (S_ISREG (st.st_mode) && g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        target = realpath (path, NULL);
    }

  /* A temporary file next to the target, written, fsynced and renamed over
   * it, then the directory fsynced (GLib 2.74; DURABLE fsyncs even where
   * CONSISTENT alone would rely on the file system's ordering). On any
   * error the temporary file is removed and the old file left as it was. */
  return g_file_set_contents_full (target != NULL ? target : path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}

static void
usage (FILE *out)
{
  fprintf (out, "Usage: maintctl COMMAND [OPTION…]\n\nCommands:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    fprintf (out, "  %-10s %s\n", subcommands[i].name, subcommands[i].summary);
  fprintf (out, "\nRun “maintctl COMMAND --help” for the options of a command.\n");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");

  if (argc < 2)
    {
      usage (stderr);
      return MAINTCTL_EXIT_BAD_INPUT;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      usage (stdout);
      return MAINTCTL_EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("maintctl %s\n", MAINT_VERSION_S);
      return MAINTCTL_EXIT_OK;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      return subcommands[i].run (argc - 1, argv + 1);

  return maintctl_fail ("unknown command “%s” (see maintctl --help)", argv[1]);
}
