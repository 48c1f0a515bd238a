/* maintctl.h: subcommands of maintctl
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <libmaint/libmaint.h>

G_BEGIN_DECLS

/* Exit codes as the design states them. */
enum {
  MAINTCTL_EXIT_OK = 0,
  MAINTCTL_EXIT_CHECK_FAILED = 1,
  MAINTCTL_EXIT_BAD_INPUT = 2,
};

/* Each subcommand gets argv with argv[0] = the subcommand name and returns
 * the exit code. Bad input prints one line "maintctl: FILE: MESSAGE" (or
 * "maintctl: MESSAGE") to stderr and returns MAINTCTL_EXIT_BAD_INPUT. */
int maintctl_check   (int argc, char **argv);
int maintctl_windows (int argc, char **argv);
int maintctl_plan    (int argc, char **argv);
int maintctl_verify  (int argc, char **argv);
int maintctl_explain (int argc, char **argv);
int maintctl_announce (int argc, char **argv);
int maintctl_simulate (int argc, char **argv);
int maintctl_notify  (int argc, char **argv);

/* Prints "maintctl: " + the formatted message as one line (line breaks in
 * the message are replaced by spaces) to stderr and returns
 * MAINTCTL_EXIT_BAD_INPUT. */
int maintctl_fail    (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* Writes @data to @path atomically (temporary file, fsync, rename, fsync
 * of the directory; the old file stays intact on any error), or to stdout
 * when @path is NULL or "-". Through a symbolic link the file it points to
 * is replaced; a device or FIFO (/dev/null) is written to in place. */
gboolean maintctl_write_output (const char  *path,
                                const char  *data,
                                gsize        length,
                                GError     **error);

G_END_DECLS
