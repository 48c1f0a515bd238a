package maint

// #include <libmaint/libmaint.h>
import "C"

import (
	"runtime"
	"time"
	"unsafe"
)

// Activity is a queued maintenance activity of one machine: a memory
// resize, a kernel update, a reboot, … Once announced it carries its
// pinned Scheduled slot, which the planner keeps exactly.
type Activity struct {
	ptr *C.MaintActivity
}

// takeActivity wraps a (transfer full) activity.
func takeActivity(p *C.MaintActivity) *Activity {
	return ownObject(&Activity{ptr: p}, unsafe.Pointer(p))
}

// borrowActivity wraps a (transfer none) activity, taking a reference;
// NULL gives nil.
func borrowActivity(p *C.MaintActivity) *Activity {
	if p == nil {
		return nil
	}
	return takeActivity((*C.MaintActivity)(refObject(unsafe.Pointer(p))))
}

// c returns the C object.
func (a *Activity) c() *C.MaintActivity {
	if a == nil || a.ptr == nil {
		panic("maint: Activity not created by NewActivity or a Fleet")
	}
	return a.ptr
}

// NewActivity returns an activity of the named machine with libmaint's
// defaults for its kind. It panics if kind is not one of the ActivityKind
// constants. Add it with Fleet.AddActivity.
func NewActivity(id, machine string, kind ActivityKind) *Activity {
	enumCheck(activityKindNicks, int(kind), "ActivityKind")
	i := cString(id)
	defer freeString(i)
	m := cString(machine)
	defer freeString(m)
	return takeActivity(C.maint_activity_new(i, m, C.MaintActivityKind(kind)))
}

// ID returns the activity's id.
func (a *Activity) ID() string {
	defer runtime.KeepAlive(a)
	return goString(C.maint_activity_get_id(a.c()))
}

// Machine returns the name of the machine the activity is for.
func (a *Activity) Machine() string {
	defer runtime.KeepAlive(a)
	return goString(C.maint_activity_get_machine(a.c()))
}

// SetMachine sets the name of the machine the activity is for.
func (a *Activity) SetMachine(machine string) {
	s := cStringOrNil(machine)
	defer freeString(s)
	C.maint_activity_set_machine(a.c(), s)
	runtime.KeepAlive(a)
}

// Kind returns the kind of the activity.
func (a *Activity) Kind() ActivityKind {
	defer runtime.KeepAlive(a)
	return ActivityKind(C.maint_activity_get_kind(a.c()))
}

// SetKind sets the kind of the activity. It panics if kind is not one of
// the ActivityKind constants.
func (a *Activity) SetKind(kind ActivityKind) {
	enumCheck(activityKindNicks, int(kind), "ActivityKind")
	C.maint_activity_set_kind(a.c(), C.MaintActivityKind(kind))
	runtime.KeepAlive(a)
}

// Summary returns the one-line description, or "".
func (a *Activity) Summary() string {
	defer runtime.KeepAlive(a)
	return goString(C.maint_activity_get_summary(a.c()))
}

// SetSummary sets the one-line description; "" unsets it.
func (a *Activity) SetSummary(summary string) {
	s := cStringOrNil(summary)
	defer freeString(s)
	C.maint_activity_set_summary(a.c(), s)
	runtime.KeepAlive(a)
}

// Estimate returns how long the activity takes.
func (a *Activity) Estimate() time.Duration {
	defer runtime.KeepAlive(a)
	return goDuration(C.maint_activity_get_estimate(a.c()))
}

// SetEstimate sets how long the activity takes.
func (a *Activity) SetEstimate(d time.Duration) error {
	s, err := cDuration(d)
	if err != nil {
		return err
	}
	C.maint_activity_set_estimate(a.c(), s)
	runtime.KeepAlive(a)
	return nil
}

// Reboot returns the reboot the activity needs.
func (a *Activity) Reboot() RebootKind {
	defer runtime.KeepAlive(a)
	return RebootKind(C.maint_activity_get_reboot(a.c()))
}

// SetReboot sets the reboot the activity needs. It panics if reboot is not
// one of the RebootKind constants.
func (a *Activity) SetReboot(reboot RebootKind) {
	enumCheck(rebootKindNicks, int(reboot), "RebootKind")
	C.maint_activity_set_reboot(a.c(), C.MaintRebootKind(reboot))
	runtime.KeepAlive(a)
}

// Priority returns the activity's priority.
func (a *Activity) Priority() Priority {
	defer runtime.KeepAlive(a)
	return Priority(C.maint_activity_get_priority(a.c()))
}

// SetPriority sets the activity's priority. It panics if priority is not
// one of the Priority constants.
func (a *Activity) SetPriority(priority Priority) {
	enumCheck(priorityNicks, int(priority), "Priority")
	C.maint_activity_set_priority(a.c(), C.MaintPriority(priority))
	runtime.KeepAlive(a)
}

// NotBefore returns the earliest instant the activity may start, or the
// zero Time.
func (a *Activity) NotBefore() time.Time {
	defer runtime.KeepAlive(a)
	return goTime(C.maint_activity_get_not_before(a.c()))
}

// SetNotBefore sets the earliest instant the activity may start; the zero
// Time unsets it.
func (a *Activity) SetNotBefore(t time.Time) error {
	s, err := optionalInstant(t)
	if err != nil {
		return err
	}
	C.maint_activity_set_not_before(a.c(), s)
	runtime.KeepAlive(a)
	return nil
}

// Deadline returns the instant by which the activity should be done, or
// the zero Time.
func (a *Activity) Deadline() time.Time {
	defer runtime.KeepAlive(a)
	return goTime(C.maint_activity_get_deadline(a.c()))
}

// SetDeadline sets the instant by which the activity should be done; the
// zero Time unsets it.
func (a *Activity) SetDeadline(t time.Time) error {
	s, err := optionalInstant(t)
	if err != nil {
		return err
	}
	C.maint_activity_set_deadline(a.c(), s)
	runtime.KeepAlive(a)
	return nil
}

// Rollout returns the name of the rollout the activity belongs to, or "".
func (a *Activity) Rollout() string {
	defer runtime.KeepAlive(a)
	return goString(C.maint_activity_get_rollout(a.c()))
}

// SetRollout sets the name of the rollout the activity belongs to; ""
// unsets it.
func (a *Activity) SetRollout(rollout string) {
	s := cStringOrNil(rollout)
	defer freeString(s)
	C.maint_activity_set_rollout(a.c(), s)
	runtime.KeepAlive(a)
}

// Scheduled returns the announced (pinned) slot; the boolean is false if
// the activity has none.
func (a *Activity) Scheduled() (Interval, bool) {
	defer runtime.KeepAlive(a)
	iv := C.maint_activity_get_scheduled(a.c())
	if iv == nil {
		return Interval{}, false
	}
	return goInterval(iv), true
}

// SetScheduled pins the activity to an announced slot.
func (a *Activity) SetScheduled(slot Interval) error {
	iv, err := newCInterval(slot)
	if err != nil {
		return err
	}
	defer C.maint_interval_unref(iv)
	C.maint_activity_set_scheduled(a.c(), iv)
	runtime.KeepAlive(a)
	return nil
}

// ClearScheduled removes the announced slot.
func (a *Activity) ClearScheduled() {
	C.maint_activity_set_scheduled(a.c(), nil)
	runtime.KeepAlive(a)
}

// AnnouncedAt returns when the scheduled slot was announced, or the zero
// Time.
func (a *Activity) AnnouncedAt() time.Time {
	defer runtime.KeepAlive(a)
	return goTime(C.maint_activity_get_announced_at(a.c()))
}

// SetAnnouncedAt sets when the scheduled slot was announced; the zero
// Time unsets it.
func (a *Activity) SetAnnouncedAt(t time.Time) error {
	s, err := optionalInstant(t)
	if err != nil {
		return err
	}
	C.maint_activity_set_announced_at(a.c(), s)
	runtime.KeepAlive(a)
	return nil
}

// Equal reports whether two activities have the same id and settings.
func (a *Activity) Equal(other *Activity) bool {
	defer runtime.KeepAlive(a)
	defer runtime.KeepAlive(other)
	return C.maint_activity_equal(a.c(), other.c()) != C.FALSE
}
