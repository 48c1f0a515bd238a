/* maint-scheduler-private.h: the solver's compiled model
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * maint-scheduler.c compiles a fleet into the flat arrays below once per
 * run; the greedy, the repair loop and the explanation all work on them.
 * Indices are into the arrays of one MaintSolver.
 */
#pragma once

#ifndef MAINT_COMPILATION
# error "This is a private header of libmaint."
#endif

#include "maint-scheduler.h"
#include "maint-timeline-private.h"

G_BEGIN_DECLS

typedef struct
{
  MaintResourceGroup *group;
  const char         *name;
  const char         *zone;
  gint64              notice;
  guint               max_concurrent;
  MaintIntervalSet   *available;   /* windows minus blackouts, in the horizon */
  const gint64       *bounds;      /* 2 * n_bounds values, from available */
  guint               n_bounds;
  MaintTlList         down;        /* downtimes of its machines, tag = machine */
} MaintSolverGroup;

typedef struct
{
  guint  service;
  gint   position;                 /* in the service's order, or -1 */
} MaintSolverMembership;

typedef struct
{
  MaintMachine *machine;
  const char   *name;
  gint32        group;
  gint32        host;              /* into hosts, or -1 */
  gboolean      auto_schedule;
  guint         first_membership;
  guint         n_memberships;
  guint         first_act;         /* into act_order */
  guint         n_acts;
  MaintTlList   down;              /* its own downtimes */
} MaintSolverMachine;

typedef struct
{
  MaintService *service;
  const char   *name;
  guint         max_unavailable;
  gint64        spacing;
  gint32       *order;             /* machine indices, in order */
  guint         n_order;
  MaintTlList   down;              /* members' downtimes, tag = machine */
} MaintSolverService;

typedef struct
{
  MaintActivity          *activity;
  const char             *id;
  gint32                  machine;
  gint64                  estimate;
  gint64                  not_before;
  gint64                  deadline;
  MaintPriority           priority;
  MaintRebootKind         reboot;
  gboolean                pinned;
  gint64                  earliest;  /* alone, ignoring capacity; 0 = none */
  gint32                  slot;      /* -1 while unscheduled */
  MaintUnscheduledReason  reason;
  char                   *detail;
} MaintSolverAct;

typedef struct
{
  gint32          machine;
  gint64          start;
  gint64          end;
  guint          *acts;
  guint           n_acts;
  MaintRebootKind reboot;
  gint64          notice;
  gboolean        pinned;
  gboolean        live;
} MaintSolverSlot;

/* Which constraint rejected a candidate start. */
typedef enum
{
  MAINT_BLOCK_NONE,
  MAINT_BLOCK_MACHINE,
  MAINT_BLOCK_ORDER,
  MAINT_BLOCK_HOST,
  MAINT_BLOCK_GROUP,
  MAINT_BLOCK_SERVICE,
  MAINT_BLOCK_SPACING,
  MAINT_BLOCK_FLEET,
  MAINT_N_BLOCKS
} MaintBlock;

typedef struct
{
  MaintBlock      block;
  MaintTlConflict conflict;
  guint           service;         /* for ORDER, SERVICE, SPACING */
} MaintBlockInfo;

typedef struct _MaintSolver MaintSolver;

G_END_DECLS
