/* maintctl.c: the command-line face of libmaint
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

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

gboolean
maintctl_write_output (const char  *path,
                       const char  *data,
                       gsize        length,
                       GError     **error)
{
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

  /* g_file_set_contents writes a temporary file, fsyncs and renames it */
  return g_file_set_contents_full (path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT,
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
