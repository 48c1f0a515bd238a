/* maint-error.c: error domains
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "maint-error.h"

G_DEFINE_QUARK (maint-time-error-quark, maint_time_error)
G_DEFINE_QUARK (maint-window-spec-error-quark, maint_window_spec_error)
G_DEFINE_QUARK (maint-fleet-error-quark, maint_fleet_error)
