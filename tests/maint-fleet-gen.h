/* maint-fleet-gen.h: seeded, deterministic random fleets for tests and benchmarks
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <libmaint/libmaint.h>

G_BEGIN_DECLS

typedef struct
{
  guint32 seed;
  guint   n_vms;
  guint   n_hosts;
  guint   n_groups;
  guint   n_zones;              /* at most 40 */
  guint   max_activities;       /* per VM, 0..max (a VM gets at least one when 1) */
  gdouble service_share;        /* share of groups with a redundant pair */
  guint   max_concurrent;       /* policy, 0 = unlimited */
  guint   max_per_host;         /* policy, 0 = unlimited */
  gint64  horizon;              /* seconds */
  gint64  now;                  /* 0: 2026-03-02T09:00:00Z */
  gboolean tight;               /* small fleets: short windows, group limits, not_before */
  gboolean rollout;             /* the design's five-wave rollout, with host
                                 * reboots and infrastructure machines */
} MaintFleetGenParams;

/* The design's benchmark fleet scaled to @n_vms VMs: 50 VMs per host, 20
 * per group, 40 zones, services in a quarter of the groups, one
 * infrastructure machine per 5,000 VMs (at least two), one VM in a hundred
 * representative, and the posts' system update as a five-wave rollout
 * (infrastructure, representative, 20 %, 30 %, the rest) that reboots
 * every host on the Saturday after, with coalescing on. */
void        maint_fleet_gen_params_for_size (MaintFleetGenParams       *params,
                                             guint                      n_vms,
                                             guint32                    seed);

/* A small, crowded fleet for property tests and the MILP comparison. */
void        maint_fleet_gen_params_small    (MaintFleetGenParams       *params,
                                             guint32                    seed);

MaintFleet *maint_fleet_gen                 (const MaintFleetGenParams *params);

G_END_DECLS
