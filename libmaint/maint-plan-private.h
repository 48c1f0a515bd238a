/* maint-plan-private.h: what the solver needs of maint-plan.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#ifndef MAINT_COMPILATION
# error "This is a private header of libmaint."
#endif

#include "maint-plan.h"

G_BEGIN_DECLS

/* The names of machines, groups, rollouts and waves in plan objects are
 * GRefStrings (g_ref_string_new()): the scheduler makes one per name and
 * every object naming it shares it. The constructors below acquire the
 * names they are given (never plain strings); the public setters make
 * their own. */

/* A NULL-terminated copy of the first @n strings of @strv (all of them
 * if @n < 0), the pointers and the texts in one block freed with
 * g_free(): how slots and host downtimes keep their activity ids. */
char **maint_strv_pack (const char * const *strv,
                        gssize              n);

/* A slot with every field set at once, without GValues or
 * notifications; shares the names (@group, @rollout and @wave may be
 * NULL), takes @local_start, @local_end and @activities (from
 * maint_strv_pack(), or NULL for none). */
MaintSlot *maint_slot_new_take (char             *machine,
                                char             *group,
                                gint64            start,
                                gint64            end,
                                char             *local_start,
                                char             *local_end,
                                char            **activities,
                                MaintRebootKind   reboot,
                                gint64            announce_by,
                                gboolean          pinned,
                                char             *rollout,
                                char             *wave);

/* As maint_host_downtime_new(), sharing the names and taking
 * @activities (from maint_strv_pack(), or NULL for none) */
MaintHostDowntime *maint_host_downtime_new_take (char    *guest,
                                                 char    *host,
                                                 gint64   start,
                                                 gint64   end,
                                                 char   **activities);

/* As maint_reboot_count_new(), sharing @machine */
MaintRebootCount *maint_reboot_count_new_shared (char  *machine,
                                                 guint  own,
                                                 guint  host,
                                                 guint  saved);

/* As maint_unscheduled_new(), sharing @machine */
MaintUnscheduled *maint_unscheduled_new_shared (const char             *activity,
                                                char                   *machine,
                                                MaintUnscheduledReason  reason,
                                                const char             *detail);

G_END_DECLS
