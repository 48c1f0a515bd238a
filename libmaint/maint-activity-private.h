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

/* What the activity a rollout generates for a machine is, besides its id
 * ("<rollout>/<machine>"), machine and rollout: the template's fields,
 * or for a host its reboot (cold, "Host reboot", the host reboot
 * estimate). */
typedef struct
{
  MaintActivityKind  kind;
  const char        *summary;     /* the rollout's */
  gint64             estimate;
  MaintRebootKind    reboot;
  MaintPriority      priority;
} MaintRolloutGenerated;

/* maint-rollout.c: fills @out for @machine; the one place that says what
 * maint_rollout_new_activity() and the solver's generated activities are */
void           maint_rollout_generated (MaintRollout          *self,
                                        MaintMachine          *machine,
                                        MaintRolloutGenerated *out);

G_END_DECLS
