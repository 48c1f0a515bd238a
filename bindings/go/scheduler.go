package maint

// #include <libmaint/libmaint.h>
import "C"

import (
	"context"
	"runtime"
	"time"
	"unsafe"
)

// Scheduler plans a fleet: it places every queued activity it can in a
// slot that satisfies all hard constraints and reports the rest as
// unscheduled, with reasons. The result is deterministic: the same fleet,
// now and previous plan give a byte-identical plan.
//
// The fleet must not be changed while a run is in progress.
type Scheduler struct {
	ptr *C.MaintScheduler
}

// c returns the C object.
func (s *Scheduler) c() *C.MaintScheduler {
	if s == nil || s.ptr == nil {
		panic("maint: Scheduler not created by NewScheduler")
	}
	return s.ptr
}

// NewScheduler returns a scheduler for the fleet.
func NewScheduler(fleet *Fleet) *Scheduler {
	defer runtime.KeepAlive(fleet)
	p := C.maint_scheduler_new(fleet.c())
	return ownObject(&Scheduler{ptr: p}, unsafe.Pointer(p))
}

// Fleet returns the fleet being planned.
func (s *Scheduler) Fleet() *Fleet {
	defer runtime.KeepAlive(s)
	return borrowFleet(C.maint_scheduler_get_fleet(s.c()))
}

// Now returns the instant set with SetNow, or the zero Time if the
// fleet's own now is used.
func (s *Scheduler) Now() time.Time {
	defer runtime.KeepAlive(s)
	return goTime(C.maint_scheduler_get_now(s.c()))
}

// SetNow sets the instant to plan for, overriding the fleet's; the zero
// Time goes back to the fleet's.
func (s *Scheduler) SetNow(t time.Time) error {
	sec, err := optionalInstant(t)
	if err != nil {
		return err
	}
	C.maint_scheduler_set_now(s.c(), sec)
	runtime.KeepAlive(s)
	return nil
}

// Previous returns the previous plan set with SetPrevious, or nil.
func (s *Scheduler) Previous() *Plan {
	defer runtime.KeepAlive(s)
	return borrowPlan(C.maint_scheduler_get_previous(s.c()))
}

// SetPrevious sets the plan computed last time: where nothing else
// decides, the scheduler keeps its slots. nil removes it.
func (s *Scheduler) SetPrevious(previous *Plan) {
	var p *C.MaintPlan
	if previous != nil {
		p = previous.c()
	}
	C.maint_scheduler_set_previous(s.c(), p)
	runtime.KeepAlive(s)
	runtime.KeepAlive(previous)
}

// Run plans the fleet, which is validated first. If ctx is cancelled or
// its deadline passes before the run ends, Run stops early and returns an
// *Error with domain IOErrorDomain and code IOErrorCancelled that also
// matches ctx.Err() with errors.Is. An invalid fleet or a missing now is
// an *Error with code SchedulerErrorInvalidFailed.
func (s *Scheduler) Run(ctx context.Context) (*Plan, error) {
	var plan *Plan
	err := withCancellable(ctx, func(cancellable *C.GCancellable) error {
		var gerr *C.GError
		p := C.maint_scheduler_run(s.c(), cancellable, &gerr)
		runtime.KeepAlive(s)
		if p == nil {
			return takeError(gerr)
		}
		plan = takePlan(p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return plan, nil
}

// Explain plans the fleet as Run does and explains in English what the
// plan does for the named machine: its slots, and for every window before
// them the constraint that excluded it. An unknown machine is an *Error
// with code SchedulerErrorUnknownFailed.
func (s *Scheduler) Explain(machine string) (string, error) {
	m := cString(machine)
	defer freeString(m)
	var gerr *C.GError
	text := C.maint_scheduler_explain(s.c(), m, &gerr)
	runtime.KeepAlive(s)
	if text == nil {
		return "", takeError(gerr)
	}
	return takeString(text), nil
}
