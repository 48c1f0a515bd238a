/* maint-enums.h: enumerations of the libmaint domain model
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__MAINT_INSIDE__) && !defined(MAINT_COMPILATION)
# error "Only <libmaint/libmaint.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/**
 * MaintMachineKind:
 * @MAINT_MACHINE_KIND_VM: a virtual machine running on a host
 * @MAINT_MACHINE_KIND_HOST: a virtualisation host (KVM server)
 * @MAINT_MACHINE_KIND_INFRASTRUCTURE: an infrastructure machine (router,
 *   storage, directory) that is not a guest of a host
 *
 * What a machine is. In JSON the nicks are used: `vm`, `host`,
 * `infrastructure`.
 */
typedef enum {
  MAINT_MACHINE_KIND_VM,
  MAINT_MACHINE_KIND_HOST,
  MAINT_MACHINE_KIND_INFRASTRUCTURE,
} MaintMachineKind;

/**
 * MaintStage:
 * @MAINT_STAGE_NONE: not set; a machine with this stage inherits its
 *   resource group's stage
 * @MAINT_STAGE_TESTING: testing environment
 * @MAINT_STAGE_STAGING: staging environment
 * @MAINT_STAGE_PRODUCTION: production environment
 * @MAINT_STAGE_INFRASTRUCTURE: the provider's own infrastructure
 *
 * The stage of a resource group or machine. Rollouts update testing and
 * staging machines before production ones. JSON nicks: `testing`,
 * `staging`, `production`, `infrastructure`.
 */
typedef enum {
  MAINT_STAGE_NONE,
  MAINT_STAGE_TESTING,
  MAINT_STAGE_STAGING,
  MAINT_STAGE_PRODUCTION,
  MAINT_STAGE_INFRASTRUCTURE,
} MaintStage;

/**
 * MaintActivityKind:
 * @MAINT_ACTIVITY_KIND_REBOOT: a plain reboot
 * @MAINT_ACTIVITY_KIND_MEMORY_RESIZE: change of the memory size
 * @MAINT_ACTIVITY_KIND_CPU_CHANGE: change of the CPU count
 * @MAINT_ACTIVITY_KIND_KERNEL_UPDATE: kernel update
 * @MAINT_ACTIVITY_KIND_SYSTEM_UPDATE: operating system update
 * @MAINT_ACTIVITY_KIND_FS_CHECK: file system integrity check
 * @MAINT_ACTIVITY_KIND_FS_MIGRATION: file system migration (ext3 to ext4)
 * @MAINT_ACTIVITY_KIND_HOST_REBOOT: reboot of a virtualisation host
 * @MAINT_ACTIVITY_KIND_CUSTOM: anything else, described by its summary
 *
 * The kind of a maintenance activity. JSON nicks: `reboot`,
 * `memory-resize`, `cpu-change`, `kernel-update`, `system-update`,
 * `fs-check`, `fs-migration`, `host-reboot`, `custom`.
 */
typedef enum {
  MAINT_ACTIVITY_KIND_REBOOT,
  MAINT_ACTIVITY_KIND_MEMORY_RESIZE,
  MAINT_ACTIVITY_KIND_CPU_CHANGE,
  MAINT_ACTIVITY_KIND_KERNEL_UPDATE,
  MAINT_ACTIVITY_KIND_SYSTEM_UPDATE,
  MAINT_ACTIVITY_KIND_FS_CHECK,
  MAINT_ACTIVITY_KIND_FS_MIGRATION,
  MAINT_ACTIVITY_KIND_HOST_REBOOT,
  MAINT_ACTIVITY_KIND_CUSTOM,
} MaintActivityKind;

/**
 * MaintRebootKind:
 * @MAINT_REBOOT_KIND_NONE: the activity needs no reboot
 * @MAINT_REBOOT_KIND_WARM: a warm reboot (the guest restarts)
 * @MAINT_REBOOT_KIND_COLD: a cold reboot (the guest is stopped and started,
 *   which picks up new memory and CPU settings)
 *
 * What reboot an activity needs. When activities are coalesced into one
 * slot, cold beats warm beats none. JSON nicks: `none`, `warm`, `cold`.
 */
typedef enum {
  MAINT_REBOOT_KIND_NONE,
  MAINT_REBOOT_KIND_WARM,
  MAINT_REBOOT_KIND_COLD,
} MaintRebootKind;

/**
 * MaintPriority:
 * @MAINT_PRIORITY_NORMAL: regular maintenance
 * @MAINT_PRIORITY_URGENT: scheduled before normal work
 * @MAINT_PRIORITY_EMERGENCY: scheduled first, with the policy's emergency
 *   notice instead of the group's notice
 *
 * The priority of an activity. JSON nicks: `normal`, `urgent`,
 * `emergency`.
 */
typedef enum {
  MAINT_PRIORITY_NORMAL,
  MAINT_PRIORITY_URGENT,
  MAINT_PRIORITY_EMERGENCY,
} MaintPriority;

/**
 * MaintUnscheduledReason:
 * @MAINT_UNSCHEDULED_AUTO_SCHEDULE_OFF: the machine has `auto_schedule`
 *   off and the activity has no pinned slot
 * @MAINT_UNSCHEDULED_NO_WINDOW: the resource group has no maintenance
 *   window (after blackouts) within the horizon
 * @MAINT_UNSCHEDULED_NOTICE: windows exist, but none late enough to give
 *   the notice the group (or the emergency policy) requires
 * @MAINT_UNSCHEDULED_NOT_BEFORE: no window after the activity's
 *   `not_before` within the horizon
 * @MAINT_UNSCHEDULED_TOO_LONG: the slot the activities need is longer than
 *   every window the group has within the horizon
 * @MAINT_UNSCHEDULED_CAPACITY: every window that fits was full: fleet-wide,
 *   per-host or per-group concurrency limits
 * @MAINT_UNSCHEDULED_SERVICE: every window that fits would break a
 *   service's `max_unavailable`, `spacing` or `order`
 * @MAINT_UNSCHEDULED_ROLLOUT: the rollout's waves, staging lead or halt
 *   leave no room for the activity
 *
 * Why an activity did not get a slot. JSON nicks: `auto-schedule-off`,
 * `no-window`, `notice`, `not-before`, `too-long`, `capacity`, `service`,
 * `rollout`.
 */
typedef enum {
  MAINT_UNSCHEDULED_AUTO_SCHEDULE_OFF,
  MAINT_UNSCHEDULED_NO_WINDOW,
  MAINT_UNSCHEDULED_NOTICE,
  MAINT_UNSCHEDULED_NOT_BEFORE,
  MAINT_UNSCHEDULED_TOO_LONG,
  MAINT_UNSCHEDULED_CAPACITY,
  MAINT_UNSCHEDULED_SERVICE,
  MAINT_UNSCHEDULED_ROLLOUT,
} MaintUnscheduledReason;

/**
 * MaintConstraint:
 * @MAINT_CONSTRAINT_REFERENCE: the plan names a machine, group or activity
 *   the fleet does not have, or an activity's machine differs from its slot's
 * @MAINT_CONSTRAINT_COVERAGE: an activity is in no slot and not reported as
 *   unscheduled, or it is in more than one place
 * @MAINT_CONSTRAINT_SLOT_LENGTH: a slot is shorter than its activities'
 *   estimates plus the policy's setup, or than the policy's minimum slot
 * @MAINT_CONSTRAINT_WINDOW: a slot does not lie inside one occurrence of its
 *   group's windows
 * @MAINT_CONSTRAINT_BLACKOUT: a slot overlaps a blackout of its group
 * @MAINT_CONSTRAINT_HORIZON: a slot starts before `now` or ends after
 *   `now` + horizon
 * @MAINT_CONSTRAINT_NOTICE: a slot starts earlier than `now` plus the
 *   notice its activities require
 * @MAINT_CONSTRAINT_NOT_BEFORE: a slot starts before an activity's
 *   `not_before`
 * @MAINT_CONSTRAINT_AUTO_SCHEDULE: a new slot for a machine with
 *   `auto_schedule` off
 * @MAINT_CONSTRAINT_PINNED: a pinned (announced) slot was moved, changed or
 *   dropped
 * @MAINT_CONSTRAINT_FLEET_CONCURRENCY: more machines down at once than the
 *   policy's `max_concurrent`
 * @MAINT_CONSTRAINT_HOST_CONCURRENCY: more guests of one host down at once
 *   than the policy's `max_concurrent_per_host`
 * @MAINT_CONSTRAINT_GROUP_CONCURRENCY: more machines of one group down at
 *   once than the group's `max_concurrent`
 * @MAINT_CONSTRAINT_SERVICE_UNAVAILABLE: more members of a service down at
 *   once than its `max_unavailable`
 * @MAINT_CONSTRAINT_SERVICE_SPACING: two members' downtimes of a service
 *   closer than its `spacing`
 * @MAINT_CONSTRAINT_SERVICE_ORDER: a service's members not taken down in
 *   its `order`
 * @MAINT_CONSTRAINT_ROLLOUT: a rollout's waves, staging lead or host
 *   reboot rules are broken
 * @MAINT_CONSTRAINT_MACHINE_OVERLAP: two slots of one machine overlap
 *
 * The hard constraint a plan breaks, as reported by the verifier. JSON
 * nicks are the lowercase names with dashes, e.g. `fleet-concurrency`.
 */
typedef enum {
  MAINT_CONSTRAINT_REFERENCE,
  MAINT_CONSTRAINT_COVERAGE,
  MAINT_CONSTRAINT_SLOT_LENGTH,
  MAINT_CONSTRAINT_WINDOW,
  MAINT_CONSTRAINT_BLACKOUT,
  MAINT_CONSTRAINT_HORIZON,
  MAINT_CONSTRAINT_NOTICE,
  MAINT_CONSTRAINT_NOT_BEFORE,
  MAINT_CONSTRAINT_AUTO_SCHEDULE,
  MAINT_CONSTRAINT_PINNED,
  MAINT_CONSTRAINT_FLEET_CONCURRENCY,
  MAINT_CONSTRAINT_HOST_CONCURRENCY,
  MAINT_CONSTRAINT_GROUP_CONCURRENCY,
  MAINT_CONSTRAINT_SERVICE_UNAVAILABLE,
  MAINT_CONSTRAINT_SERVICE_SPACING,
  MAINT_CONSTRAINT_SERVICE_ORDER,
  MAINT_CONSTRAINT_ROLLOUT,
  MAINT_CONSTRAINT_MACHINE_OVERLAP,
} MaintConstraint;

/**
 * MaintSvgGrouping:
 * @MAINT_SVG_GROUPING_GROUP: one section per resource group, with the
 *   group's maintenance windows shaded behind its rows
 * @MAINT_SVG_GROUPING_HOST: one section per virtualisation host: the host
 *   itself, then its guests; machines that run on no host come last
 *
 * How [method@Maint.Plan.to_svg] arranges the machines of a plan down the
 * picture. Nicks: `group`, `host`.
 */
typedef enum {
  MAINT_SVG_GROUPING_GROUP,
  MAINT_SVG_GROUPING_HOST,
} MaintSvgGrouping;

/**
 * MaintNoticeKind:
 * @MAINT_NOTICE_KIND_SETTINGS: the resource group's maintenance settings:
 *   contacts, time zone, windows and notice period
 * @MAINT_NOTICE_KIND_NEW_WINDOWS: the new maintenance windows of the
 *   group's machines
 * @MAINT_NOTICE_KIND_CHANGES: announced windows that moved, were
 *   cancelled or now need a different reboot
 *
 * What a notice to a resource group's contacts is about. Per planning
 * run and group there is at most one notice of each kind. JSON nicks:
 * `settings`, `new-windows`, `changes`.
 */
typedef enum {
  MAINT_NOTICE_KIND_SETTINGS,
  MAINT_NOTICE_KIND_NEW_WINDOWS,
  MAINT_NOTICE_KIND_CHANGES,
} MaintNoticeKind;

/**
 * MaintNoticeChange:
 * @MAINT_NOTICE_CHANGE_NONE: announced before and unchanged as far as the
 *   customer can tell (same time, same reboot); nothing to send
 * @MAINT_NOTICE_CHANGE_NEW: a window that was not announced before
 * @MAINT_NOTICE_CHANGE_MOVED: an announced window with a new start or end
 * @MAINT_NOTICE_CHANGE_CANCELLED: an announced window that is no longer
 *   planned
 * @MAINT_NOTICE_CHANGE_REBOOT_CHANGED: an announced window at the same
 *   time whose reboot changed (e.g. an activity needing a cold reboot was
 *   merged into it)
 *
 * How a window compares with what was announced. JSON nicks: `none`,
 * `new`, `moved`, `cancelled`, `reboot-changed`.
 */
typedef enum {
  MAINT_NOTICE_CHANGE_NONE,
  MAINT_NOTICE_CHANGE_NEW,
  MAINT_NOTICE_CHANGE_MOVED,
  MAINT_NOTICE_CHANGE_CANCELLED,
  MAINT_NOTICE_CHANGE_REBOOT_CHANGED,
} MaintNoticeChange;

/**
 * MaintFindingKind:
 * @MAINT_FINDING_SERVICE_ON_ONE_HOST: more members of one service run on
 *   one virtualisation host than the service's `max_unavailable` allows
 *   down at once: the host's reboot (or failure) takes them down together
 *
 * What a [class@Maint.Finding] reports about the fleet's placement. JSON
 * nicks: `service-on-one-host`.
 */
typedef enum {
  MAINT_FINDING_SERVICE_ON_ONE_HOST, /*< nick=service-on-one-host >*/
} MaintFindingKind;

/**
 * MaintOutcome:
 * @MAINT_OUTCOME_SUCCESS: the activity was done; it is never planned again
 * @MAINT_OUTCOME_FAILURE: the activity ran and failed; the machine was
 *   down all the same, the activity is not planned again (a person must
 *   look at it), and it counts against its rollout's
 *   [property@Maint.Rollout:halt-after-failures]
 * @MAINT_OUTCOME_POSTPONED: the activity did not happen; it is planned
 *   again, with a new notice
 *
 * What happened when an activity's slot came, in a
 * [class@Maint.Simulation]. Nicks: `success`, `failure`, `postponed`.
 */
typedef enum {
  MAINT_OUTCOME_SUCCESS,
  MAINT_OUTCOME_FAILURE,
  MAINT_OUTCOME_POSTPONED,
} MaintOutcome;

/**
 * MaintActivityState:
 * @MAINT_ACTIVITY_STATE_PENDING: not run yet (also after a postponement)
 * @MAINT_ACTIVITY_STATE_SUCCEEDED: ran with %MAINT_OUTCOME_SUCCESS
 * @MAINT_ACTIVITY_STATE_FAILED: ran with %MAINT_OUTCOME_FAILURE
 * @MAINT_ACTIVITY_STATE_HALTED: its rollout halted before it ran; it is
 *   no longer planned
 *
 * Where an activity stands in a [class@Maint.Simulation]. Nicks:
 * `pending`, `succeeded`, `failed`, `halted`.
 */
typedef enum {
  MAINT_ACTIVITY_STATE_PENDING,
  MAINT_ACTIVITY_STATE_SUCCEEDED,
  MAINT_ACTIVITY_STATE_FAILED,
  MAINT_ACTIVITY_STATE_HALTED,
} MaintActivityState;

/**
 * MaintSimulationEventKind:
 * @MAINT_SIMULATION_EVENT_RAN: the activity's slot came and went; the
 *   event's outcome says what happened
 * @MAINT_SIMULATION_EVENT_ANNOUNCED: the activity's slot was announced
 *   (its `announce_by` passed); from now on it is pinned
 * @MAINT_SIMULATION_EVENT_HALTED: the activity's rollout halted; the
 *   activity is no longer planned
 * @MAINT_SIMULATION_EVENT_WITHDRAWN: the announced slot of a halted
 *   activity (or the announced host reboot that was to absorb it) was
 *   withdrawn
 *
 * What a [class@Maint.SimulationEvent] records. Nicks: `ran`,
 * `announced`, `halted`, `withdrawn`.
 */
typedef enum {
  MAINT_SIMULATION_EVENT_RAN,
  MAINT_SIMULATION_EVENT_ANNOUNCED,
  MAINT_SIMULATION_EVENT_HALTED,
  MAINT_SIMULATION_EVENT_WITHDRAWN,
} MaintSimulationEventKind;

G_END_DECLS
