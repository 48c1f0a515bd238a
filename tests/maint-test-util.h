/* maint-test-util.h: small fixtures shared by the GTest programs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every function here fails the running test (g_assert; outside a test,
 * as in svg-render, it aborts) when what it parses, loads or adds is
 * refused; none of them returns an error.
 */
#pragma once

#include <libmaint/libmaint.h>

G_BEGIN_DECLS

/* The instant of the RFC 3339 date-time @text (maint_instant_parse());
 * fails the test if @text does not parse. */
gint64              maint_test_at              (const char       *text);

/* A new window spec parsed from @text (maint_window_spec_parse()), to be
 * freed by the caller; fails the test if @text does not parse. */
MaintWindowSpec    *maint_test_spec            (const char       *text);

/* Adds a resource group @name in @zone with @notice seconds of notice and
 * the window @window (none if %NULL) to @fleet, and returns it, owned by
 * the fleet (transfer none). Contacts and locale are left at their
 * defaults: callers that need them set them on the returned group. Fails
 * the test if @window does not parse or the fleet refuses the group. */
MaintResourceGroup *maint_test_add_group       (MaintFleet       *fleet,
                                                const char       *name,
                                                const char       *zone,
                                                const char       *window,
                                                gint64            notice);

/* Adds a machine @name of @kind in @group to @fleet, on the host @host
 * (none if %NULL), and returns it, owned by the fleet (transfer none).
 * Fails the test if the fleet refuses the machine. */
MaintMachine       *maint_test_add_machine     (MaintFleet       *fleet,
                                                const char       *name,
                                                const char       *group,
                                                MaintMachineKind  kind,
                                                const char       *host);

/* The slot of @activity in @plan, owned by the plan (transfer none);
 * fails the test if the plan has none. */
MaintSlot          *maint_test_slot_of         (MaintPlan        *plan,
                                                const char       *activity);

/* A new fleet read from the libmaint-fleet/1 document @json
 * (maint_fleet_new_from_data()); fails the test if it does not load. */
MaintFleet         *maint_test_load_fleet      (const char       *json);

/* Plans @fleet with the scheduler and checks the plan with the verifier;
 * returns the new plan. Fails the test if the scheduler fails or the
 * verifier finds any violation (each one is logged with
 * g_test_message()). */
MaintPlan          *maint_test_plan_and_verify (MaintFleet       *fleet);

G_END_DECLS
