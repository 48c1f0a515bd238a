/* libmaint.h: the libmaint umbrella header
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#define __MAINT_INSIDE__

#include <libmaint/maint-version.h>
#include <libmaint/maint-version-macros.h>
#include <libmaint/maint-enums.h>
#include <libmaint/maint-enum-types.h>
#include <libmaint/maint-error.h>
#include <libmaint/maint-time.h>
#include <libmaint/maint-interval.h>
#include <libmaint/maint-window-spec.h>
#include <libmaint/maint-policy.h>
#include <libmaint/maint-resource-group.h>
#include <libmaint/maint-machine.h>
#include <libmaint/maint-service.h>
#include <libmaint/maint-activity.h>
#include <libmaint/maint-rollout.h>
#include <libmaint/maint-fleet.h>
#include <libmaint/maint-plan.h>
#include <libmaint/maint-scheduler.h>
#include <libmaint/maint-verifier.h>
#include <libmaint/maint-simulation.h>
#include <libmaint/maint-notifier.h>
#include <libmaint/maint-svg.h>

#undef __MAINT_INSIDE__
