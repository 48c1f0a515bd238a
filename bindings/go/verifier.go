package maint

// #include <libmaint/libmaint.h>
import "C"

import (
	"runtime"
	"time"
	"unsafe"
)

// Violation is one broken hard constraint, as Verify reports it.
type Violation struct {
	// Constraint is the constraint that is broken.
	Constraint Constraint
	// Machines are the machines involved.
	Machines []string
	// Activities are the activities involved.
	Activities []string
	// Start is the start of the time involved, or the zero Time.
	Start time.Time
	// End is the end of the time involved, or the zero Time.
	End time.Time
	// Message explains the violation in a sentence.
	Message string
}

// String returns the constraint's nick and the message.
func (v Violation) String() string {
	return v.Constraint.String() + ": " + v.Message
}

// Verify checks any plan against a fleet — one from the scheduler, one
// read from a file, one made by hand — and lists the hard constraints it
// breaks, in a deterministic order. An empty result means the plan holds.
// Rollout rules (waves, staging lead, host reboots, absorption, reboot
// counts) are checked too.
func Verify(fleet *Fleet, plan *Plan) []Violation {
	arr := C.maint_verify_plan(fleet.c(), plan.c())
	runtime.KeepAlive(fleet)
	runtime.KeepAlive(plan)
	defer C.g_ptr_array_unref(arr)
	return goViolations(arr)
}

// goViolations copies an array of MaintViolation.
func goViolations(arr *C.GPtrArray) []Violation {
	items := ptrArray(arr)
	out := make([]Violation, 0, len(items))
	for _, it := range items {
		v := (*C.MaintViolation)(unsafe.Pointer(it))
		out = append(out, Violation{
			Constraint: Constraint(C.maint_violation_get_constraint(v)),
			Machines:   goStrv(C.maint_violation_get_machines(v)),
			Activities: goStrv(C.maint_violation_get_activities(v)),
			Start:      goTime(C.maint_violation_get_start(v)),
			End:        goTime(C.maint_violation_get_end(v)),
			Message:    goString(C.maint_violation_get_message(v)),
		})
	}
	return out
}
