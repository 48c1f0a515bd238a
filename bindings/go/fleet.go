package maint

// #include <stdlib.h>
// #include <libmaint/libmaint.h>
import "C"

import (
	"runtime"
	"time"
	"unsafe"
)

// FleetFormat is the value of the format member of the fleet documents
// this version reads and writes.
const FleetFormat = "libmaint-fleet/1"

// Fleet is the whole planning input: the policy, resource groups,
// machines, services, activities and rollouts, and optionally the instant
// to plan for. It reads and writes the libmaint-fleet/1 JSON format.
type Fleet struct {
	ptr *C.MaintFleet
}

// takeFleet wraps a (transfer full) fleet.
func takeFleet(p *C.MaintFleet) *Fleet {
	return ownObject(&Fleet{ptr: p}, unsafe.Pointer(p))
}

// borrowFleet wraps a (transfer none) fleet, taking a reference.
func borrowFleet(p *C.MaintFleet) *Fleet {
	return takeFleet((*C.MaintFleet)(refObject(unsafe.Pointer(p))))
}

// c returns the C object.
func (f *Fleet) c() *C.MaintFleet {
	if f == nil || f.ptr == nil {
		panic("maint: Fleet not created by NewFleet, LoadFleet or ParseFleet")
	}
	return f.ptr
}

// NewFleet returns an empty fleet with the default policy.
func NewFleet() *Fleet {
	return takeFleet(C.maint_fleet_new())
}

// LoadFleet reads and validates a libmaint-fleet/1 file. Errors are
// *Error values in FleetErrorDomain whose messages start with the JSON
// path at fault.
func LoadFleet(path string) (*Fleet, error) {
	if err := checkPath(path, FleetErrorDomain, FleetErrorIOFailed); err != nil {
		return nil, err
	}
	p := C.CString(path)
	defer C.free(unsafe.Pointer(p))
	var gerr *C.GError
	f := C.maint_fleet_new_from_file(p, &gerr)
	if f == nil {
		return nil, takeError(gerr)
	}
	return takeFleet(f), nil
}

// ParseFleet reads and validates a libmaint-fleet/1 document.
func ParseFleet(data []byte) (*Fleet, error) {
	var gerr *C.GError
	f := C.maint_fleet_new_from_data(bytesPtr(data), C.gssize(len(data)), &gerr)
	runtime.KeepAlive(data)
	if f == nil {
		return nil, takeError(gerr)
	}
	return takeFleet(f), nil
}

// bytesPtr points the C API at data for the length of a call; the C side
// copies what it keeps.
func bytesPtr(data []byte) *C.char {
	if len(data) == 0 {
		return nil
	}
	return (*C.char)(unsafe.Pointer(&data[0]))
}

// checkPath rejects a path the C API cannot take: one with a NUL byte.
func checkPath(path, domain string, code int) error {
	for i := 0; i < len(path); i++ {
		if path[i] == 0 {
			return newError(domain, code, "%q: file name contains a NUL byte", path)
		}
	}
	return nil
}

// Save writes the fleet as a libmaint-fleet/1 document. The file is
// written to a temporary name and renamed, so it is never left partial.
func (f *Fleet) Save(path string) error {
	if err := checkPath(path, FleetErrorDomain, FleetErrorIOFailed); err != nil {
		return err
	}
	p := C.CString(path)
	defer C.free(unsafe.Pointer(p))
	var gerr *C.GError
	ok := C.maint_fleet_save_to_file(f.c(), p, &gerr)
	runtime.KeepAlive(f)
	if ok == C.FALSE {
		return takeError(gerr)
	}
	return nil
}

// Bytes returns the fleet as a libmaint-fleet/1 document.
func (f *Fleet) Bytes() []byte {
	var n C.gsize
	s := C.maint_fleet_to_data(f.c(), &n)
	runtime.KeepAlive(f)
	return takeBytes(s, n)
}

// Validate checks the whole fleet: references between objects, time
// zones, window specs, limits. Errors name the JSON path of the value at
// fault, as if the fleet had been read from JSON.
func (f *Fleet) Validate() error {
	var gerr *C.GError
	ok := C.maint_fleet_validate(f.c(), &gerr)
	runtime.KeepAlive(f)
	if ok == C.FALSE {
		return takeError(gerr)
	}
	return nil
}

// Now returns the instant the fleet is planned for, or the zero Time.
func (f *Fleet) Now() time.Time {
	defer runtime.KeepAlive(f)
	return goTime(C.maint_fleet_get_now(f.c()))
}

// SetNow sets the instant the fleet is planned for; the zero Time unsets
// it.
func (f *Fleet) SetNow(t time.Time) error {
	s, err := optionalInstant(t)
	if err != nil {
		return err
	}
	C.maint_fleet_set_now(f.c(), s)
	runtime.KeepAlive(f)
	return nil
}

// Policy returns the fleet's policy; changes to it change the fleet.
func (f *Fleet) Policy() *Policy {
	defer runtime.KeepAlive(f)
	return borrowPolicy(C.maint_fleet_get_policy(f.c()))
}

// SetPolicy replaces the fleet's policy; the fleet shares it with p.
func (f *Fleet) SetPolicy(p *Policy) {
	C.maint_fleet_set_policy(f.c(), p.c())
	runtime.KeepAlive(f)
	runtime.KeepAlive(p)
}

// AddGroup appends a resource group, which the fleet then shares with g.
// A second group of the same name is an *Error with code
// FleetErrorDuplicateFailed.
func (f *Fleet) AddGroup(g *ResourceGroup) error {
	var gerr *C.GError
	ok := C.maint_fleet_add_group(f.c(), g.c(), &gerr)
	runtime.KeepAlive(f)
	runtime.KeepAlive(g)
	if ok == C.FALSE {
		return takeError(gerr)
	}
	return nil
}

// AddMachine appends a machine, which the fleet then shares with m. A
// second machine of the same name is an error.
func (f *Fleet) AddMachine(m *Machine) error {
	var gerr *C.GError
	ok := C.maint_fleet_add_machine(f.c(), m.c(), &gerr)
	runtime.KeepAlive(f)
	runtime.KeepAlive(m)
	if ok == C.FALSE {
		return takeError(gerr)
	}
	return nil
}

// AddService appends a service, which the fleet then shares with s. A
// second service of the same name is an error.
func (f *Fleet) AddService(s *Service) error {
	var gerr *C.GError
	ok := C.maint_fleet_add_service(f.c(), s.c(), &gerr)
	runtime.KeepAlive(f)
	runtime.KeepAlive(s)
	if ok == C.FALSE {
		return takeError(gerr)
	}
	return nil
}

// AddActivity appends an activity, which the fleet then shares with a. A
// second activity with the same id is an error.
func (f *Fleet) AddActivity(a *Activity) error {
	var gerr *C.GError
	ok := C.maint_fleet_add_activity(f.c(), a.c(), &gerr)
	runtime.KeepAlive(f)
	runtime.KeepAlive(a)
	if ok == C.FALSE {
		return takeError(gerr)
	}
	return nil
}

// AddRollout appends a rollout, which the fleet then shares with r. A
// second rollout of the same name is an *Error with code
// FleetErrorDuplicateFailed.
func (f *Fleet) AddRollout(r *Rollout) error {
	var gerr *C.GError
	ok := C.maint_fleet_add_rollout(f.c(), r.c(), &gerr)
	runtime.KeepAlive(f)
	runtime.KeepAlive(r)
	if ok == C.FALSE {
		return takeError(gerr)
	}
	return nil
}

// Groups returns the resource groups in fleet order.
func (f *Fleet) Groups() []*ResourceGroup {
	defer runtime.KeepAlive(f)
	items := ptrArray(C.maint_fleet_get_groups(f.c()))
	out := make([]*ResourceGroup, 0, len(items))
	for _, p := range items {
		out = append(out, borrowResourceGroup((*C.MaintResourceGroup)(unsafe.Pointer(p))))
	}
	return out
}

// Machines returns the machines in fleet order.
func (f *Fleet) Machines() []*Machine {
	defer runtime.KeepAlive(f)
	items := ptrArray(C.maint_fleet_get_machines(f.c()))
	out := make([]*Machine, 0, len(items))
	for _, p := range items {
		out = append(out, borrowMachine((*C.MaintMachine)(unsafe.Pointer(p))))
	}
	return out
}

// Services returns the services in fleet order.
func (f *Fleet) Services() []*Service {
	defer runtime.KeepAlive(f)
	items := ptrArray(C.maint_fleet_get_services(f.c()))
	out := make([]*Service, 0, len(items))
	for _, p := range items {
		out = append(out, borrowService((*C.MaintService)(unsafe.Pointer(p))))
	}
	return out
}

// Activities returns the activities in fleet order.
func (f *Fleet) Activities() []*Activity {
	defer runtime.KeepAlive(f)
	items := ptrArray(C.maint_fleet_get_activities(f.c()))
	out := make([]*Activity, 0, len(items))
	for _, p := range items {
		out = append(out, borrowActivity((*C.MaintActivity)(unsafe.Pointer(p))))
	}
	return out
}

// Rollouts returns the rollouts in fleet order.
func (f *Fleet) Rollouts() []*Rollout {
	defer runtime.KeepAlive(f)
	items := ptrArray(C.maint_fleet_get_rollouts(f.c()))
	out := make([]*Rollout, 0, len(items))
	for _, p := range items {
		out = append(out, borrowRollout((*C.MaintRollout)(unsafe.Pointer(p))))
	}
	return out
}

// Group returns the resource group of that name, or nil.
func (f *Fleet) Group(name string) *ResourceGroup {
	s := cString(name)
	defer freeString(s)
	defer runtime.KeepAlive(f)
	return borrowResourceGroup(C.maint_fleet_lookup_group(f.c(), s))
}

// Machine returns the machine of that name, or nil.
func (f *Fleet) Machine(name string) *Machine {
	s := cString(name)
	defer freeString(s)
	defer runtime.KeepAlive(f)
	return borrowMachine(C.maint_fleet_lookup_machine(f.c(), s))
}

// Service returns the service of that name, or nil.
func (f *Fleet) Service(name string) *Service {
	s := cString(name)
	defer freeString(s)
	defer runtime.KeepAlive(f)
	return borrowService(C.maint_fleet_lookup_service(f.c(), s))
}

// Activity returns the activity with that id, or nil.
func (f *Fleet) Activity(id string) *Activity {
	s := cString(id)
	defer freeString(s)
	defer runtime.KeepAlive(f)
	return borrowActivity(C.maint_fleet_lookup_activity(f.c(), s))
}

// ResolveActivity returns the activity a plan names: the fleet's own, or
// the one a rollout generates ("<rollout>/<machine>"); nil if id names
// neither. A generated activity is a new object each time.
func (f *Fleet) ResolveActivity(id string) *Activity {
	s := cString(id)
	defer freeString(s)
	defer runtime.KeepAlive(f)
	p := C.maint_fleet_resolve_activity(f.c(), s)
	if p == nil {
		return nil
	}
	return takeActivity(p)
}

// Rollout returns the rollout of that name, or nil.
func (f *Fleet) Rollout(name string) *Rollout {
	s := cString(name)
	defer freeString(s)
	defer runtime.KeepAlive(f)
	return borrowRollout(C.maint_fleet_lookup_rollout(f.c(), s))
}

// MachineStage returns the stage of a machine of the fleet: its own, or
// else its group's.
func (f *Fleet) MachineStage(m *Machine) Stage {
	defer runtime.KeepAlive(f)
	defer runtime.KeepAlive(m)
	return Stage(C.maint_fleet_get_machine_stage(f.c(), m.c()))
}

// Equal reports whether two fleets hold the same data.
func (f *Fleet) Equal(other *Fleet) bool {
	defer runtime.KeepAlive(f)
	defer runtime.KeepAlive(other)
	return C.maint_fleet_equal(f.c(), other.c()) != C.FALSE
}
