/* maint-svg.h: a picture of a plan as SVG
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__MAINT_INSIDE__) && !defined(MAINT_COMPILATION)
# error "Only <libmaint/libmaint.h> can be included directly."
#endif

#include <glib-object.h>

#include <libmaint/maint-version-macros.h>
#include <libmaint/maint-enums.h>
#include <libmaint/maint-fleet.h>
#include <libmaint/maint-plan.h>

G_BEGIN_DECLS

/**
 * MAINT_SVG_MAX_MACHINE_ROWS:
 *
 * The most machines [method@Maint.Plan.to_svg] draws one row each. A plan
 * that touches more machines is drawn aggregated: one row per section
 * (resource group or host), as a strip of how many of its machines are
 * down in each time bucket.
 */
#define MAINT_SVG_MAX_MACHINE_ROWS 200

MAINT_AVAILABLE_IN_1_0
char *maint_plan_to_svg (MaintPlan         *self,
                         MaintFleet        *fleet,
                         const char        *zone,
                         MaintSvgGrouping   grouping,
                         GError           **error);

G_END_DECLS
