/* maint-activity-private.h: the activities rollouts generate
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#ifndef MAINT_COMPILATION
# error "This is a private header of libmaint."
#endif

#include "maint-activity.h"
#include "maint-rollout.h"

G_BEGIN_DECLS

/* An activity with these fields set at once, without GValues or
 * notifications (a rollout makes one per machine); takes @id, a
 * g_strdup()ed string. The rest is as maint_activity_new() leaves it. */
MaintActivity *maint_activity_new_take (char              *id,
                                        const char        *machine,
                                        MaintActivityKind  kind,
                                        const char        *summary,
                                        gint64             estimate,
                                        MaintRebootKind    reboot,
                                        MaintPriority      priority,
                                        const char        *rollout);

/* maint-rollout.c: the summary of the activity @self generates for
 * @machine ("Host reboot" for a host) */
const char    *maint_rollout_generated_summary (MaintRollout *self,
                                                MaintMachine *machine);

G_END_DECLS
