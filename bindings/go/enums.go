package maint

// #include <libmaint/libmaint.h>
import "C"

import (
	"fmt"
	"strconv"
)

// The enumerations of the domain model. Their values are the C values;
// String returns the nick the JSON formats use, and MarshalText /
// UnmarshalText read and write those nicks, so the types work with
// encoding/json and flag.TextVar.

// enumNick returns names[v], or "Type(v)" for a value out of range.
func enumNick(names []string, v int, typ string) string {
	if v >= 0 && v < len(names) {
		return names[v]
	}
	return typ + "(" + strconv.Itoa(v) + ")"
}

// enumParse finds text among names.
func enumParse(names []string, text []byte, typ string) (int, error) {
	for i, n := range names {
		if n == string(text) {
			return i, nil
		}
	}
	return 0, fmt.Errorf("maint: unknown %s %q", typ, text)
}

// enumText returns the nick of v for MarshalText.
func enumText(names []string, v int, typ string) ([]byte, error) {
	if v < 0 || v >= len(names) {
		return nil, fmt.Errorf("maint: invalid %s", enumNick(names, v, typ))
	}
	return []byte(names[v]), nil
}

// enumCheck panics if v is not a value of the enumeration: like a C
// precondition, passing one is a programming error.
func enumCheck(names []string, v int, typ string) {
	if v < 0 || v >= len(names) {
		panic("maint: invalid " + enumNick(names, v, typ))
	}
}

// MachineKind says what a machine is.
type MachineKind int

// Machine kinds.
const (
	// MachineKindVM is a virtual machine running on a host ("vm").
	MachineKindVM MachineKind = C.MAINT_MACHINE_KIND_VM
	// MachineKindHost is a virtualisation host ("host").
	MachineKindHost MachineKind = C.MAINT_MACHINE_KIND_HOST
	// MachineKindInfrastructure is an infrastructure machine that is not
	// a guest ("infrastructure").
	MachineKindInfrastructure MachineKind = C.MAINT_MACHINE_KIND_INFRASTRUCTURE
)

var machineKindNicks = []string{"vm", "host", "infrastructure"}

// String returns the JSON nick, e.g. "vm".
func (k MachineKind) String() string { return enumNick(machineKindNicks, int(k), "MachineKind") }

// MarshalText returns the JSON nick.
func (k MachineKind) MarshalText() ([]byte, error) {
	return enumText(machineKindNicks, int(k), "MachineKind")
}

// UnmarshalText parses a JSON nick.
func (k *MachineKind) UnmarshalText(text []byte) error {
	v, err := enumParse(machineKindNicks, text, "MachineKind")
	*k = MachineKind(v)
	return err
}

// Stage is the stage of a resource group or machine.
type Stage int

// Stages.
const (
	// StageNone means not set; a machine then inherits its group's stage ("none").
	StageNone Stage = C.MAINT_STAGE_NONE
	// StageTesting is a testing environment ("testing").
	StageTesting Stage = C.MAINT_STAGE_TESTING
	// StageStaging is a staging environment ("staging").
	StageStaging Stage = C.MAINT_STAGE_STAGING
	// StageProduction is a production environment ("production").
	StageProduction Stage = C.MAINT_STAGE_PRODUCTION
	// StageInfrastructure is the provider's own infrastructure ("infrastructure").
	StageInfrastructure Stage = C.MAINT_STAGE_INFRASTRUCTURE
)

var stageNicks = []string{"none", "testing", "staging", "production", "infrastructure"}

// String returns the JSON nick, e.g. "production".
func (s Stage) String() string { return enumNick(stageNicks, int(s), "Stage") }

// MarshalText returns the JSON nick.
func (s Stage) MarshalText() ([]byte, error) {
	return enumText(stageNicks, int(s), "Stage")
}

// UnmarshalText parses a JSON nick.
func (s *Stage) UnmarshalText(text []byte) error {
	v, err := enumParse(stageNicks, text, "Stage")
	*s = Stage(v)
	return err
}

// ActivityKind is the kind of a maintenance activity.
type ActivityKind int

// Activity kinds.
const (
	// ActivityKindReboot is a plain reboot ("reboot").
	ActivityKindReboot ActivityKind = C.MAINT_ACTIVITY_KIND_REBOOT
	// ActivityKindMemoryResize changes the memory size ("memory-resize").
	ActivityKindMemoryResize ActivityKind = C.MAINT_ACTIVITY_KIND_MEMORY_RESIZE
	// ActivityKindCPUChange changes the CPU count ("cpu-change").
	ActivityKindCPUChange ActivityKind = C.MAINT_ACTIVITY_KIND_CPU_CHANGE
	// ActivityKindKernelUpdate is a kernel update ("kernel-update").
	ActivityKindKernelUpdate ActivityKind = C.MAINT_ACTIVITY_KIND_KERNEL_UPDATE
	// ActivityKindSystemUpdate is an operating system update ("system-update").
	ActivityKindSystemUpdate ActivityKind = C.MAINT_ACTIVITY_KIND_SYSTEM_UPDATE
	// ActivityKindFSCheck is a file system check ("fs-check").
	ActivityKindFSCheck ActivityKind = C.MAINT_ACTIVITY_KIND_FS_CHECK
	// ActivityKindFSMigration is a file system migration ("fs-migration").
	ActivityKindFSMigration ActivityKind = C.MAINT_ACTIVITY_KIND_FS_MIGRATION
	// ActivityKindHostReboot is the reboot of a virtualisation host ("host-reboot").
	ActivityKindHostReboot ActivityKind = C.MAINT_ACTIVITY_KIND_HOST_REBOOT
	// ActivityKindCustom is anything else, described by its summary ("custom").
	ActivityKindCustom ActivityKind = C.MAINT_ACTIVITY_KIND_CUSTOM
)

var activityKindNicks = []string{
	"reboot", "memory-resize", "cpu-change", "kernel-update", "system-update",
	"fs-check", "fs-migration", "host-reboot", "custom",
}

// String returns the JSON nick, e.g. "kernel-update".
func (k ActivityKind) String() string { return enumNick(activityKindNicks, int(k), "ActivityKind") }

// MarshalText returns the JSON nick.
func (k ActivityKind) MarshalText() ([]byte, error) {
	return enumText(activityKindNicks, int(k), "ActivityKind")
}

// UnmarshalText parses a JSON nick.
func (k *ActivityKind) UnmarshalText(text []byte) error {
	v, err := enumParse(activityKindNicks, text, "ActivityKind")
	*k = ActivityKind(v)
	return err
}

// RebootKind is the reboot an activity or slot needs; cold beats warm
// beats none when activities are coalesced.
type RebootKind int

// Reboot kinds.
const (
	// RebootNone needs no reboot ("none").
	RebootNone RebootKind = C.MAINT_REBOOT_KIND_NONE
	// RebootWarm restarts the guest ("warm").
	RebootWarm RebootKind = C.MAINT_REBOOT_KIND_WARM
	// RebootCold stops and starts the guest ("cold").
	RebootCold RebootKind = C.MAINT_REBOOT_KIND_COLD
)

var rebootKindNicks = []string{"none", "warm", "cold"}

// String returns the JSON nick, e.g. "cold".
func (k RebootKind) String() string { return enumNick(rebootKindNicks, int(k), "RebootKind") }

// MarshalText returns the JSON nick.
func (k RebootKind) MarshalText() ([]byte, error) {
	return enumText(rebootKindNicks, int(k), "RebootKind")
}

// UnmarshalText parses a JSON nick.
func (k *RebootKind) UnmarshalText(text []byte) error {
	v, err := enumParse(rebootKindNicks, text, "RebootKind")
	*k = RebootKind(v)
	return err
}

// Priority is the priority of an activity.
type Priority int

// Priorities.
const (
	// PriorityNormal is regular maintenance ("normal").
	PriorityNormal Priority = C.MAINT_PRIORITY_NORMAL
	// PriorityUrgent is scheduled before normal work ("urgent").
	PriorityUrgent Priority = C.MAINT_PRIORITY_URGENT
	// PriorityEmergency is scheduled first, with the policy's emergency
	// notice ("emergency").
	PriorityEmergency Priority = C.MAINT_PRIORITY_EMERGENCY
)

var priorityNicks = []string{"normal", "urgent", "emergency"}

// String returns the JSON nick, e.g. "urgent".
func (p Priority) String() string { return enumNick(priorityNicks, int(p), "Priority") }

// MarshalText returns the JSON nick.
func (p Priority) MarshalText() ([]byte, error) {
	return enumText(priorityNicks, int(p), "Priority")
}

// UnmarshalText parses a JSON nick.
func (p *Priority) UnmarshalText(text []byte) error {
	v, err := enumParse(priorityNicks, text, "Priority")
	*p = Priority(v)
	return err
}

// UnscheduledReason says why an activity got no slot.
type UnscheduledReason int

// Reasons for unscheduled activities.
const (
	// UnscheduledAutoScheduleOff: the machine has auto_schedule off ("auto-schedule-off").
	UnscheduledAutoScheduleOff UnscheduledReason = C.MAINT_UNSCHEDULED_AUTO_SCHEDULE_OFF
	// UnscheduledNoWindow: the group has no window within the horizon ("no-window").
	UnscheduledNoWindow UnscheduledReason = C.MAINT_UNSCHEDULED_NO_WINDOW
	// UnscheduledNotice: no window late enough for the notice ("notice").
	UnscheduledNotice UnscheduledReason = C.MAINT_UNSCHEDULED_NOTICE
	// UnscheduledNotBefore: no window after the activity's not_before ("not-before").
	UnscheduledNotBefore UnscheduledReason = C.MAINT_UNSCHEDULED_NOT_BEFORE
	// UnscheduledTooLong: the slot is longer than every window ("too-long").
	UnscheduledTooLong UnscheduledReason = C.MAINT_UNSCHEDULED_TOO_LONG
	// UnscheduledCapacity: every fitting window was full ("capacity").
	UnscheduledCapacity UnscheduledReason = C.MAINT_UNSCHEDULED_CAPACITY
	// UnscheduledService: every fitting window would break a service rule ("service").
	UnscheduledService UnscheduledReason = C.MAINT_UNSCHEDULED_SERVICE
	// UnscheduledRollout: the rollout leaves no room ("rollout").
	UnscheduledRollout UnscheduledReason = C.MAINT_UNSCHEDULED_ROLLOUT
)

var unscheduledReasonNicks = []string{
	"auto-schedule-off", "no-window", "notice", "not-before", "too-long",
	"capacity", "service", "rollout",
}

// String returns the JSON nick, e.g. "no-window".
func (r UnscheduledReason) String() string {
	return enumNick(unscheduledReasonNicks, int(r), "UnscheduledReason")
}

// MarshalText returns the JSON nick.
func (r UnscheduledReason) MarshalText() ([]byte, error) {
	return enumText(unscheduledReasonNicks, int(r), "UnscheduledReason")
}

// UnmarshalText parses a JSON nick.
func (r *UnscheduledReason) UnmarshalText(text []byte) error {
	v, err := enumParse(unscheduledReasonNicks, text, "UnscheduledReason")
	*r = UnscheduledReason(v)
	return err
}

// Constraint is the hard constraint a plan breaks, as the verifier
// reports it.
type Constraint int

// Constraints checked by Verify.
const (
	// ConstraintReference: the plan names something the fleet lacks ("reference").
	ConstraintReference Constraint = C.MAINT_CONSTRAINT_REFERENCE
	// ConstraintCoverage: an activity is nowhere, or in several places ("coverage").
	ConstraintCoverage Constraint = C.MAINT_CONSTRAINT_COVERAGE
	// ConstraintSlotLength: a slot is too short for its activities ("slot-length").
	ConstraintSlotLength Constraint = C.MAINT_CONSTRAINT_SLOT_LENGTH
	// ConstraintWindow: a slot is not inside one window occurrence ("window").
	ConstraintWindow Constraint = C.MAINT_CONSTRAINT_WINDOW
	// ConstraintBlackout: a slot overlaps a blackout ("blackout").
	ConstraintBlackout Constraint = C.MAINT_CONSTRAINT_BLACKOUT
	// ConstraintHorizon: a slot starts before now or ends after the horizon ("horizon").
	ConstraintHorizon Constraint = C.MAINT_CONSTRAINT_HORIZON
	// ConstraintNotice: a slot starts before the notice runs out ("notice").
	ConstraintNotice Constraint = C.MAINT_CONSTRAINT_NOTICE
	// ConstraintNotBefore: a slot starts before an activity's not_before ("not-before").
	ConstraintNotBefore Constraint = C.MAINT_CONSTRAINT_NOT_BEFORE
	// ConstraintAutoSchedule: a new slot for a machine with auto_schedule off ("auto-schedule").
	ConstraintAutoSchedule Constraint = C.MAINT_CONSTRAINT_AUTO_SCHEDULE
	// ConstraintPinned: an announced slot was moved, changed or dropped ("pinned").
	ConstraintPinned Constraint = C.MAINT_CONSTRAINT_PINNED
	// ConstraintFleetConcurrency: too many machines down fleet-wide ("fleet-concurrency").
	ConstraintFleetConcurrency Constraint = C.MAINT_CONSTRAINT_FLEET_CONCURRENCY
	// ConstraintHostConcurrency: too many guests of one host down ("host-concurrency").
	ConstraintHostConcurrency Constraint = C.MAINT_CONSTRAINT_HOST_CONCURRENCY
	// ConstraintGroupConcurrency: too many machines of one group down ("group-concurrency").
	ConstraintGroupConcurrency Constraint = C.MAINT_CONSTRAINT_GROUP_CONCURRENCY
	// ConstraintServiceUnavailable: too many members of a service down ("service-unavailable").
	ConstraintServiceUnavailable Constraint = C.MAINT_CONSTRAINT_SERVICE_UNAVAILABLE
	// ConstraintServiceSpacing: members' downtimes too close ("service-spacing").
	ConstraintServiceSpacing Constraint = C.MAINT_CONSTRAINT_SERVICE_SPACING
	// ConstraintServiceOrder: a service's order not respected ("service-order").
	ConstraintServiceOrder Constraint = C.MAINT_CONSTRAINT_SERVICE_ORDER
	// ConstraintRollout: a rollout's rules are broken ("rollout").
	ConstraintRollout Constraint = C.MAINT_CONSTRAINT_ROLLOUT
	// ConstraintMachineOverlap: two slots of one machine overlap ("machine-overlap").
	ConstraintMachineOverlap Constraint = C.MAINT_CONSTRAINT_MACHINE_OVERLAP
)

var constraintNicks = []string{
	"reference", "coverage", "slot-length", "window", "blackout", "horizon",
	"notice", "not-before", "auto-schedule", "pinned", "fleet-concurrency",
	"host-concurrency", "group-concurrency", "service-unavailable",
	"service-spacing", "service-order", "rollout", "machine-overlap",
}

// String returns the JSON nick, e.g. "fleet-concurrency".
func (c Constraint) String() string { return enumNick(constraintNicks, int(c), "Constraint") }

// MarshalText returns the JSON nick.
func (c Constraint) MarshalText() ([]byte, error) {
	return enumText(constraintNicks, int(c), "Constraint")
}

// UnmarshalText parses a JSON nick.
func (c *Constraint) UnmarshalText(text []byte) error {
	v, err := enumParse(constraintNicks, text, "Constraint")
	*c = Constraint(v)
	return err
}

// SvgGrouping says how Plan.SVG arranges the machines of a plan down the
// picture.
type SvgGrouping int

// SVG groupings.
const (
	// SvgGroupingGroup draws one section per resource group, with the
	// group's maintenance windows shaded behind its rows ("group").
	SvgGroupingGroup SvgGrouping = C.MAINT_SVG_GROUPING_GROUP
	// SvgGroupingHost draws one section per virtualisation host: the host
	// itself, then its guests; machines on no host come last ("host").
	SvgGroupingHost SvgGrouping = C.MAINT_SVG_GROUPING_HOST
)

var svgGroupingNicks = []string{"group", "host"}

// String returns the nick, e.g. "group".
func (g SvgGrouping) String() string { return enumNick(svgGroupingNicks, int(g), "SvgGrouping") }

// MarshalText returns the nick.
func (g SvgGrouping) MarshalText() ([]byte, error) {
	return enumText(svgGroupingNicks, int(g), "SvgGrouping")
}

// UnmarshalText parses a nick.
func (g *SvgGrouping) UnmarshalText(text []byte) error {
	v, err := enumParse(svgGroupingNicks, text, "SvgGrouping")
	*g = SvgGrouping(v)
	return err
}

// NoticeKind says what a notice to a resource group's contacts is about.
// Per notifier run and group there is at most one notice of each kind.
type NoticeKind int

// Notice kinds.
const (
	// NoticeKindSettings announces the group's maintenance settings:
	// contacts, time zone, windows and notice period ("settings").
	NoticeKindSettings NoticeKind = C.MAINT_NOTICE_KIND_SETTINGS
	// NoticeKindNewWindows announces new maintenance windows of the
	// group's machines ("new-windows").
	NoticeKindNewWindows NoticeKind = C.MAINT_NOTICE_KIND_NEW_WINDOWS
	// NoticeKindChanges announces windows that moved, were cancelled or
	// now need a different reboot ("changes").
	NoticeKindChanges NoticeKind = C.MAINT_NOTICE_KIND_CHANGES
)

var noticeKindNicks = []string{"settings", "new-windows", "changes"}

// String returns the JSON nick, e.g. "new-windows".
func (k NoticeKind) String() string { return enumNick(noticeKindNicks, int(k), "NoticeKind") }

// MarshalText returns the JSON nick.
func (k NoticeKind) MarshalText() ([]byte, error) {
	return enumText(noticeKindNicks, int(k), "NoticeKind")
}

// UnmarshalText parses a JSON nick.
func (k *NoticeKind) UnmarshalText(text []byte) error {
	v, err := enumParse(noticeKindNicks, text, "NoticeKind")
	*k = NoticeKind(v)
	return err
}

// NoticeChange says how a window compares with what was announced.
type NoticeChange int

// Notice changes.
const (
	// NoticeChangeNone: announced before and unchanged as far as the
	// customer can tell; nothing to send ("none").
	NoticeChangeNone NoticeChange = C.MAINT_NOTICE_CHANGE_NONE
	// NoticeChangeNew: a window that was not announced before ("new").
	NoticeChangeNew NoticeChange = C.MAINT_NOTICE_CHANGE_NEW
	// NoticeChangeMoved: an announced window with a new start or end ("moved").
	NoticeChangeMoved NoticeChange = C.MAINT_NOTICE_CHANGE_MOVED
	// NoticeChangeCancelled: an announced window that is no longer
	// planned ("cancelled").
	NoticeChangeCancelled NoticeChange = C.MAINT_NOTICE_CHANGE_CANCELLED
	// NoticeChangeRebootChanged: an announced window at the same time
	// whose reboot changed ("reboot-changed").
	NoticeChangeRebootChanged NoticeChange = C.MAINT_NOTICE_CHANGE_REBOOT_CHANGED
)

var noticeChangeNicks = []string{"none", "new", "moved", "cancelled", "reboot-changed"}

// String returns the JSON nick, e.g. "moved".
func (c NoticeChange) String() string { return enumNick(noticeChangeNicks, int(c), "NoticeChange") }

// MarshalText returns the JSON nick.
func (c NoticeChange) MarshalText() ([]byte, error) {
	return enumText(noticeChangeNicks, int(c), "NoticeChange")
}

// UnmarshalText parses a JSON nick.
func (c *NoticeChange) UnmarshalText(text []byte) error {
	v, err := enumParse(noticeChangeNicks, text, "NoticeChange")
	*c = NoticeChange(v)
	return err
}

// FindingKind says what a Finding reports about the fleet's placement.
type FindingKind int

// Finding kinds.
const (
	// FindingServiceOnOneHost: more members of one service run on one
	// virtualisation host than the service's max_unavailable allows down
	// at once, so the host's reboot takes them down together
	// ("service-on-one-host").
	FindingServiceOnOneHost FindingKind = C.MAINT_FINDING_SERVICE_ON_ONE_HOST
)

var findingKindNicks = []string{"service-on-one-host"}

// String returns the JSON nick, e.g. "service-on-one-host".
func (k FindingKind) String() string { return enumNick(findingKindNicks, int(k), "FindingKind") }

// MarshalText returns the JSON nick.
func (k FindingKind) MarshalText() ([]byte, error) {
	return enumText(findingKindNicks, int(k), "FindingKind")
}

// UnmarshalText parses a JSON nick.
func (k *FindingKind) UnmarshalText(text []byte) error {
	v, err := enumParse(findingKindNicks, text, "FindingKind")
	*k = FindingKind(v)
	return err
}

// enumTables maps each enumeration's Go name to its nicks in Go and its
// GType in C; the tests compare the two.
func enumTables() map[string][]string {
	return map[string][]string{
		"MachineKind":       machineKindNicks,
		"Stage":             stageNicks,
		"ActivityKind":      activityKindNicks,
		"RebootKind":        rebootKindNicks,
		"Priority":          priorityNicks,
		"UnscheduledReason": unscheduledReasonNicks,
		"Constraint":        constraintNicks,
		"SvgGrouping":       svgGroupingNicks,
		"NoticeKind":        noticeKindNicks,
		"NoticeChange":      noticeChangeNicks,
		"FindingKind":       findingKindNicks,
	}
}

// cEnumNicks returns the nicks the C library registers for the
// enumeration named like its Go type, in value order.
func cEnumNicks(name string) []string {
	var gtype C.GType
	switch name {
	case "MachineKind":
		gtype = C.maint_machine_kind_get_type()
	case "Stage":
		gtype = C.maint_stage_get_type()
	case "ActivityKind":
		gtype = C.maint_activity_kind_get_type()
	case "RebootKind":
		gtype = C.maint_reboot_kind_get_type()
	case "Priority":
		gtype = C.maint_priority_get_type()
	case "UnscheduledReason":
		gtype = C.maint_unscheduled_reason_get_type()
	case "Constraint":
		gtype = C.maint_constraint_get_type()
	case "SvgGrouping":
		gtype = C.maint_svg_grouping_get_type()
	case "NoticeKind":
		gtype = C.maint_notice_kind_get_type()
	case "NoticeChange":
		gtype = C.maint_notice_change_get_type()
	case "FindingKind":
		gtype = C.maint_finding_kind_get_type()
	default:
		return nil
	}
	class := (*C.GEnumClass)(C.g_type_class_ref(gtype))
	defer C.g_type_class_unref(C.gpointer(class))
	var out []string
	for v := C.gint(0); ; v++ {
		ev := C.g_enum_get_value(class, v)
		if ev == nil {
			break
		}
		out = append(out, C.GoString(ev.value_nick))
	}
	return out
}
