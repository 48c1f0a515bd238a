/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "maintctl.h"

int
maintctl_windows (int argc, char **argv)
{
  return maintctl_fail ("not implemented yet");
}
