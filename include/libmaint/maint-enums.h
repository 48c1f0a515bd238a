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

G_END_DECLS
