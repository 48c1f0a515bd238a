package maint

// #include <stdlib.h>
// #include <libmaint/libmaint.h>
import "C"

import (
	"math"
	"runtime"
	"time"
	"unsafe"
)

// PlanFormat is the value of the format member of the plan documents this
// version reads and writes.
const PlanFormat = "libmaint-plan/1"

// Plan is a dated maintenance plan: slots, unscheduled activities with
// reasons, host downtime, reboot accounting, late activities and findings
// about the fleet. It reads and writes the
// libmaint-plan/1 JSON format. The getters copy the plan's records into Go
// structs.
type Plan struct {
	ptr *C.MaintPlan
}

// takePlan wraps a (transfer full) plan.
func takePlan(p *C.MaintPlan) *Plan {
	return ownObject(&Plan{ptr: p}, unsafe.Pointer(p))
}

// borrowPlan wraps a (transfer none) plan, taking a reference; NULL gives
// nil.
func borrowPlan(p *C.MaintPlan) *Plan {
	if p == nil {
		return nil
	}
	return takePlan((*C.MaintPlan)(refObject(unsafe.Pointer(p))))
}

// c returns the C object.
func (p *Plan) c() *C.MaintPlan {
	if p == nil || p.ptr == nil {
		panic("maint: Plan not created by NewPlan, LoadPlan, ParsePlan or a Scheduler")
	}
	return p.ptr
}

// Slot is one machine's downtime [Start, End), holding one or more of its
// activities.
type Slot struct {
	// Machine is the machine's name.
	Machine string
	// Group is the machine's resource group, or "".
	Group string
	// Start is when the machine goes down.
	Start time.Time
	// End is when it is back.
	End time.Time
	// LocalStart is Start in the group's time zone, RFC 3339 with the
	// offset, or "".
	LocalStart string
	// LocalEnd is End in the group's time zone, or "".
	LocalEnd string
	// Activities are the ids of the activities done in the slot.
	Activities []string
	// Reboot is the reboot the slot causes.
	Reboot RebootKind
	// Rollout is the rollout the slot belongs to, or "".
	Rollout string
	// Wave is the rollout wave, or "".
	Wave string
	// AnnounceBy is the latest instant to send the notice, or the zero Time.
	AnnounceBy time.Time
	// Pinned is true for an announced slot that is kept as it is.
	Pinned bool
}

// Unscheduled is an activity the plan could not place.
type Unscheduled struct {
	// Activity is the activity's id.
	Activity string
	// Machine is the machine's name.
	Machine string
	// Reason is the reason code.
	Reason UnscheduledReason
	// Detail is a sentence explaining the reason, or "".
	Detail string
}

// RebootCount is the reboot accounting of one machine.
type RebootCount struct {
	// Machine is the machine's name.
	Machine string
	// Own counts the machine's own reboots.
	Own int
	// Host counts the reboots its host's reboot causes.
	Host int
	// Total is Own + Host.
	Total int
	// Saved counts the reboots saved by absorbing them in a host reboot.
	Saved int
}

// HostDowntime is a guest's downtime caused by its host's reboot.
type HostDowntime struct {
	// Guest is the guest's name.
	Guest string
	// Host is the host's name.
	Host string
	// Start is when the guest goes down.
	Start time.Time
	// End is when it is back.
	End time.Time
	// Activities are the ids of the guest's activities absorbed in the
	// host's reboot, possibly none.
	Activities []string
}

// LateActivity is an activity that is planned but whose slot ends after
// its deadline (its own, or the implicit one of the policy's max uptime).
type LateActivity struct {
	// Activity is the activity's id.
	Activity string
	// Machine is the machine's name.
	Machine string
	// Deadline is the deadline it misses.
	Deadline time.Time
	// End is the end of its slot.
	End time.Time
	// Lateness is End - Deadline.
	Lateness time.Duration
}

// Finding is a problem of the fleet that the scheduler reports instead of
// hiding it, e.g. the members of a service on one host.
type Finding struct {
	// Kind says what the finding is about.
	Kind FindingKind
	// Service is the service concerned, or "".
	Service string
	// Machines are the machines concerned.
	Machines []string
	// Host is the host concerned, or "".
	Host string
	// Detail is a sentence describing it, or "".
	Detail string
}

// PlanStats summarizes a plan.
type PlanStats struct {
	// Scheduled counts activity ids over all slots.
	Scheduled int
	// Unscheduled counts activities that got no slot.
	Unscheduled int
	// Reboots is the sum of the reboot counts' totals.
	Reboots int
	// RebootsSaved is the sum of the reboots saved.
	RebootsSaved int
	// LatestEnd is the latest end of any slot, or the zero Time.
	LatestEnd time.Time
	// Elapsed is how long the scheduler took (zero for a plan read from
	// JSON); it is not part of the JSON document.
	Elapsed time.Duration
}

// NewPlan returns an empty plan for the instant now, to be filled with
// AddSlot and friends, e.g. to check a hand-made plan with Verify.
func NewPlan(now time.Time) (*Plan, error) {
	s, err := requiredInstant(now)
	if err != nil {
		return nil, err
	}
	return takePlan(C.maint_plan_new(s)), nil
}

// LoadPlan reads a libmaint-plan/1 file. Errors are *Error values in
// PlanErrorDomain whose messages start with the JSON path at fault.
func LoadPlan(path string) (*Plan, error) {
	if err := checkPath(path, PlanErrorDomain, PlanErrorIOFailed); err != nil {
		return nil, err
	}
	s := C.CString(path)
	defer C.free(unsafe.Pointer(s))
	var gerr *C.GError
	p := C.maint_plan_new_from_file(s, &gerr)
	if p == nil {
		return nil, takeError(gerr)
	}
	return takePlan(p), nil
}

// ParsePlan reads a libmaint-plan/1 document.
func ParsePlan(data []byte) (*Plan, error) {
	var gerr *C.GError
	p := C.maint_plan_new_from_data(bytesPtr(data), C.gssize(len(data)), &gerr)
	runtime.KeepAlive(data)
	if p == nil {
		return nil, takeError(gerr)
	}
	return takePlan(p), nil
}

// JSON returns the plan as a libmaint-plan/1 document: the same plan
// always gives the same bytes, whichever language asked for them.
func (p *Plan) JSON() []byte {
	var n C.gsize
	s := C.maint_plan_to_data(p.c(), &n)
	runtime.KeepAlive(p)
	return takeBytes(s, n)
}

// Save writes the plan as a libmaint-plan/1 document, through a temporary
// file that is renamed, so the file is never left partial.
func (p *Plan) Save(path string) error {
	if err := checkPath(path, PlanErrorDomain, PlanErrorIOFailed); err != nil {
		return err
	}
	s := C.CString(path)
	defer C.free(unsafe.Pointer(s))
	var gerr *C.GError
	ok := C.maint_plan_save_to_file(p.c(), s, &gerr)
	runtime.KeepAlive(p)
	if ok == C.FALSE {
		return takeError(gerr)
	}
	return nil
}

// Announce records in fleet that the plan's slots whose notice is due by
// until were announced: their activities get the slot as their scheduled
// interval (and the plan's now as announced-at), and those a rollout
// generates are added to the fleet. The zero Time announces every slot.
// It returns how many activities it pinned; on an error (a slot naming an
// activity the fleet does not have) the fleet is unchanged.
func (p *Plan) Announce(fleet *Fleet, until time.Time) (int, error) {
	limit := C.gint64(math.MaxInt64)
	if !until.IsZero() {
		var err error
		if limit, err = requiredInstant(until); err != nil {
			return 0, err
		}
	}
	var gerr *C.GError
	n := C.maint_plan_announce(p.c(), fleet.c(), limit, &gerr)
	runtime.KeepAlive(p)
	runtime.KeepAlive(fleet)
	if gerr != nil {
		return 0, takeError(gerr)
	}
	return int(n), nil
}

// Text renders the plan for people, with times in each group's zone; the
// fleet supplies the groups and machines.
func (p *Plan) Text(fleet *Fleet) string {
	defer runtime.KeepAlive(p)
	defer runtime.KeepAlive(fleet)
	return takeString(C.maint_plan_to_text(p.c(), fleet.c()))
}

// Now returns the instant the plan was computed for.
func (p *Plan) Now() time.Time {
	defer runtime.KeepAlive(p)
	return goTime(C.maint_plan_get_now(p.c()))
}

// goSlot copies a MaintSlot.
func goSlot(s *C.MaintSlot) Slot {
	return Slot{
		Machine:    goString(C.maint_slot_get_machine(s)),
		Group:      goString(C.maint_slot_get_group(s)),
		Start:      goTime(C.maint_slot_get_start(s)),
		End:        goTime(C.maint_slot_get_end(s)),
		LocalStart: goString(C.maint_slot_get_local_start(s)),
		LocalEnd:   goString(C.maint_slot_get_local_end(s)),
		Activities: goStrv(C.maint_slot_get_activities(s)),
		Reboot:     RebootKind(C.maint_slot_get_reboot(s)),
		Rollout:    goString(C.maint_slot_get_rollout(s)),
		Wave:       goString(C.maint_slot_get_wave(s)),
		AnnounceBy: goTime(C.maint_slot_get_announce_by(s)),
		Pinned:     C.maint_slot_get_pinned(s) != C.FALSE,
	}
}

// Slots returns the slots in plan order (by start, then machine).
func (p *Plan) Slots() []Slot {
	defer runtime.KeepAlive(p)
	items := ptrArray(C.maint_plan_get_slots(p.c()))
	out := make([]Slot, 0, len(items))
	for _, s := range items {
		out = append(out, goSlot((*C.MaintSlot)(unsafe.Pointer(s))))
	}
	return out
}

// SlotFor returns the slot holding the activity; the boolean is false if
// it has none.
func (p *Plan) SlotFor(activity string) (Slot, bool) {
	a := cString(activity)
	defer freeString(a)
	defer runtime.KeepAlive(p)
	s := C.maint_plan_lookup_slot(p.c(), a)
	if s == nil {
		return Slot{}, false
	}
	return goSlot(s), true
}

// Unscheduled returns the activities that got no slot, with reasons.
func (p *Plan) Unscheduled() []Unscheduled {
	defer runtime.KeepAlive(p)
	items := ptrArray(C.maint_plan_get_unscheduled(p.c()))
	out := make([]Unscheduled, 0, len(items))
	for _, it := range items {
		u := (*C.MaintUnscheduled)(unsafe.Pointer(it))
		out = append(out, Unscheduled{
			Activity: goString(C.maint_unscheduled_get_activity(u)),
			Machine:  goString(C.maint_unscheduled_get_machine(u)),
			Reason:   UnscheduledReason(C.maint_unscheduled_get_reason(u)),
			Detail:   goString(C.maint_unscheduled_get_detail(u)),
		})
	}
	return out
}

// RebootCounts returns the reboot accounting per machine.
func (p *Plan) RebootCounts() []RebootCount {
	defer runtime.KeepAlive(p)
	items := ptrArray(C.maint_plan_get_reboot_counts(p.c()))
	out := make([]RebootCount, 0, len(items))
	for _, it := range items {
		r := (*C.MaintRebootCount)(unsafe.Pointer(it))
		out = append(out, RebootCount{
			Machine: goString(C.maint_reboot_count_get_machine(r)),
			Own:     int(C.maint_reboot_count_get_own(r)),
			Host:    int(C.maint_reboot_count_get_host(r)),
			Total:   int(C.maint_reboot_count_get_total(r)),
			Saved:   int(C.maint_reboot_count_get_saved(r)),
		})
	}
	return out
}

// HostDowntime returns the guests' downtimes caused by host reboots.
func (p *Plan) HostDowntime() []HostDowntime {
	defer runtime.KeepAlive(p)
	items := ptrArray(C.maint_plan_get_host_downtime(p.c()))
	out := make([]HostDowntime, 0, len(items))
	for _, it := range items {
		d := (*C.MaintHostDowntime)(unsafe.Pointer(it))
		out = append(out, HostDowntime{
			Guest:      goString(C.maint_host_downtime_get_guest(d)),
			Host:       goString(C.maint_host_downtime_get_host(d)),
			Start:      goTime(C.maint_host_downtime_get_start(d)),
			End:        goTime(C.maint_host_downtime_get_end(d)),
			Activities: goStrv(C.maint_host_downtime_get_activities(d)),
		})
	}
	return out
}

// Late returns the activities whose slots end after their deadlines, in
// plan order (the scheduler adds them by activity id).
func (p *Plan) Late() []LateActivity {
	defer runtime.KeepAlive(p)
	items := ptrArray(C.maint_plan_get_late(p.c()))
	out := make([]LateActivity, 0, len(items))
	for _, it := range items {
		l := (*C.MaintLateActivity)(unsafe.Pointer(it))
		out = append(out, LateActivity{
			Activity: goString(C.maint_late_activity_get_activity(l)),
			Machine:  goString(C.maint_late_activity_get_machine(l)),
			Deadline: goTime(C.maint_late_activity_get_deadline(l)),
			End:      goTime(C.maint_late_activity_get_end(l)),
			Lateness: goDuration(C.maint_late_activity_get_lateness(l)),
		})
	}
	return out
}

// Findings returns the problems of the fleet the scheduler found while
// planning, in plan order.
func (p *Plan) Findings() []Finding {
	defer runtime.KeepAlive(p)
	items := ptrArray(C.maint_plan_get_findings(p.c()))
	out := make([]Finding, 0, len(items))
	for _, it := range items {
		f := (*C.MaintFinding)(unsafe.Pointer(it))
		out = append(out, Finding{
			Kind:     FindingKind(C.maint_finding_get_kind(f)),
			Service:  goString(C.maint_finding_get_service(f)),
			Machines: goStrv(C.maint_finding_get_machines(f)),
			Host:     goString(C.maint_finding_get_host(f)),
			Detail:   goString(C.maint_finding_get_detail(f)),
		})
	}
	return out
}

// Stats returns the plan's summary numbers.
func (p *Plan) Stats() PlanStats {
	defer runtime.KeepAlive(p)
	c := p.c()
	return PlanStats{
		Scheduled:    int(C.maint_plan_get_n_scheduled(c)),
		Unscheduled:  int(C.maint_plan_get_n_unscheduled(c)),
		Reboots:      int(C.maint_plan_get_n_reboots(c)),
		RebootsSaved: int(C.maint_plan_get_n_reboots_saved(c)),
		LatestEnd:    goTime(C.maint_plan_get_latest_end(c)),
		Elapsed:      time.Duration(C.maint_plan_get_elapsed(c)) * time.Microsecond,
	}
}

// AddSlot appends a slot. Start and End must lie in libmaint's range,
// End not before Start; the Reboot must be a RebootKind constant.
func (p *Plan) AddSlot(slot Slot) error {
	start, err := requiredInstant(slot.Start)
	if err != nil {
		return err
	}
	end, err := requiredInstant(slot.End)
	if err != nil {
		return err
	}
	if end < start {
		return newError(TimeErrorDomain, TimeErrorInstantFailed,
			"slot of %s ends before it starts", slot.Machine)
	}
	announce, err := optionalInstant(slot.AnnounceBy)
	if err != nil {
		return err
	}
	enumCheck(rebootKindNicks, int(slot.Reboot), "RebootKind")

	m := cString(slot.Machine)
	defer freeString(m)
	s := C.maint_slot_new(m, start, end)
	defer C.g_object_unref(C.gpointer(s))
	setString := func(set func(*C.MaintSlot, *C.char), v string) {
		cs := cStringOrNil(v)
		defer freeString(cs)
		set(s, cs)
	}
	setString(func(s *C.MaintSlot, v *C.char) { C.maint_slot_set_group(s, v) }, slot.Group)
	setString(func(s *C.MaintSlot, v *C.char) { C.maint_slot_set_local_start(s, v) }, slot.LocalStart)
	setString(func(s *C.MaintSlot, v *C.char) { C.maint_slot_set_local_end(s, v) }, slot.LocalEnd)
	setString(func(s *C.MaintSlot, v *C.char) { C.maint_slot_set_rollout(s, v) }, slot.Rollout)
	setString(func(s *C.MaintSlot, v *C.char) { C.maint_slot_set_wave(s, v) }, slot.Wave)
	acts := newCStrv(slot.Activities)
	defer acts.free()
	C.maint_slot_set_activities(s, acts.constPtr())
	C.maint_slot_set_reboot(s, C.MaintRebootKind(slot.Reboot))
	C.maint_slot_set_announce_by(s, announce)
	C.maint_slot_set_pinned(s, cBool(slot.Pinned))

	C.maint_plan_add_slot(p.c(), s)
	runtime.KeepAlive(p)
	return nil
}

// AddUnscheduled appends an unscheduled record. It panics if the reason is
// not an UnscheduledReason constant.
func (p *Plan) AddUnscheduled(u Unscheduled) {
	enumCheck(unscheduledReasonNicks, int(u.Reason), "UnscheduledReason")
	a := cString(u.Activity)
	defer freeString(a)
	m := cString(u.Machine)
	defer freeString(m)
	d := cStringOrNil(u.Detail)
	defer freeString(d)
	r := C.maint_unscheduled_new(a, m, C.MaintUnscheduledReason(u.Reason), d)
	defer C.g_object_unref(C.gpointer(r))
	C.maint_plan_add_unscheduled(p.c(), r)
	runtime.KeepAlive(p)
}

// AddRebootCount appends a machine's reboot accounting; Total is computed
// as Own + Host. Negative counts are taken as zero.
func (p *Plan) AddRebootCount(count RebootCount) {
	m := cString(count.Machine)
	defer freeString(m)
	r := C.maint_reboot_count_new(m, cCount(count.Own), cCount(count.Host), cCount(count.Saved))
	defer C.g_object_unref(C.gpointer(r))
	C.maint_plan_add_reboot_count(p.c(), r)
	runtime.KeepAlive(p)
}

// cCount converts a count, clamping negative values to zero.
func cCount(n int) C.guint {
	if n < 0 {
		return 0
	}
	return C.guint(n)
}

// AddHostDowntime appends a guest's downtime caused by its host's reboot.
func (p *Plan) AddHostDowntime(d HostDowntime) error {
	start, err := requiredInstant(d.Start)
	if err != nil {
		return err
	}
	end, err := requiredInstant(d.End)
	if err != nil {
		return err
	}
	if end < start {
		return newError(TimeErrorDomain, TimeErrorInstantFailed,
			"downtime of %s ends before it starts", d.Guest)
	}
	g := cString(d.Guest)
	defer freeString(g)
	h := cString(d.Host)
	defer freeString(h)
	r := C.maint_host_downtime_new(g, h, start, end)
	defer C.g_object_unref(C.gpointer(r))
	acts := newCStrv(d.Activities)
	defer acts.free()
	C.maint_host_downtime_set_activities(r, acts.constPtr())
	C.maint_plan_add_host_downtime(p.c(), r)
	runtime.KeepAlive(p)
	return nil
}

// AddLate appends an activity whose slot ends after its deadline; its
// Lateness is computed as End - Deadline. Both instants must lie in
// libmaint's range, End after Deadline (as the plan format requires).
func (p *Plan) AddLate(l LateActivity) error {
	deadline, err := requiredInstant(l.Deadline)
	if err != nil {
		return err
	}
	end, err := requiredInstant(l.End)
	if err != nil {
		return err
	}
	if end <= deadline {
		return newError(TimeErrorDomain, TimeErrorInstantFailed,
			"late activity %s does not end after its deadline", l.Activity)
	}
	a := cString(l.Activity)
	defer freeString(a)
	m := cString(l.Machine)
	defer freeString(m)
	r := C.maint_late_activity_new(a, m, deadline, end)
	defer C.g_object_unref(C.gpointer(r))
	C.maint_plan_add_late(p.c(), r)
	runtime.KeepAlive(p)
	return nil
}

// AddFinding appends a finding about the fleet. It panics if the kind is
// not a FindingKind constant.
func (p *Plan) AddFinding(f Finding) {
	enumCheck(findingKindNicks, int(f.Kind), "FindingKind")
	svc := cStringOrNil(f.Service)
	defer freeString(svc)
	machines := newCStrv(f.Machines)
	defer machines.free()
	host := cStringOrNil(f.Host)
	defer freeString(host)
	detail := cStringOrNil(f.Detail)
	defer freeString(detail)
	r := C.maint_finding_new(C.MaintFindingKind(f.Kind), svc, machines.constPtr(), host, detail)
	defer C.g_object_unref(C.gpointer(r))
	C.maint_plan_add_finding(p.c(), r)
	runtime.KeepAlive(p)
}
