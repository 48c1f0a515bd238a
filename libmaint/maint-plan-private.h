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

/* A slot with every field set at once, without GValues or
 * notifications; takes @local_start, @local_end and @activities (a
 * NULL-terminated array of g_strdup()ed ids, or NULL for none). */
MaintSlot *maint_slot_new_take (const char       *machine,
                                const char       *group,
                                gint64            start,
                                gint64            end,
                                char             *local_start,
                                char             *local_end,
                                char            **activities,
                                MaintRebootKind   reboot,
                                gint64            announce_by,
                                gboolean          pinned);

G_END_DECLS
