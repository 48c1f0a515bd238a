package maint

// #include <libmaint/libmaint.h>
import "C"

import (
	"runtime"
	"time"
	"unsafe"
)

// Machine is a VM, a virtualisation host or an infrastructure machine,
// member of a resource group.
type Machine struct {
	ptr *C.MaintMachine
}

// takeMachine wraps a (transfer full) machine.
func takeMachine(p *C.MaintMachine) *Machine {
	return ownObject(&Machine{ptr: p}, unsafe.Pointer(p))
}

// borrowMachine wraps a (transfer none) machine, taking a reference; NULL
// gives nil.
func borrowMachine(p *C.MaintMachine) *Machine {
	if p == nil {
		return nil
	}
	return takeMachine((*C.MaintMachine)(refObject(unsafe.Pointer(p))))
}

// c returns the C object.
func (m *Machine) c() *C.MaintMachine {
	if m == nil || m.ptr == nil {
		panic("maint: Machine not created by NewMachine or a Fleet")
	}
	return m.ptr
}

// NewMachine returns a machine of the named resource group, with
// auto-scheduling on. It panics if kind is not one of the MachineKind
// constants. Add it to a fleet with Fleet.AddMachine.
func NewMachine(name, group string, kind MachineKind) *Machine {
	enumCheck(machineKindNicks, int(kind), "MachineKind")
	n := cString(name)
	defer freeString(n)
	g := cString(group)
	defer freeString(g)
	return takeMachine(C.maint_machine_new(n, g, C.MaintMachineKind(kind)))
}

// Name returns the machine's name.
func (m *Machine) Name() string {
	defer runtime.KeepAlive(m)
	return goString(C.maint_machine_get_name(m.c()))
}

// Group returns the name of the machine's resource group.
func (m *Machine) Group() string {
	defer runtime.KeepAlive(m)
	return goString(C.maint_machine_get_group(m.c()))
}

// SetGroup sets the name of the machine's resource group.
func (m *Machine) SetGroup(group string) {
	s := cStringOrNil(group)
	defer freeString(s)
	C.maint_machine_set_group(m.c(), s)
	runtime.KeepAlive(m)
}

// Kind returns what the machine is.
func (m *Machine) Kind() MachineKind {
	defer runtime.KeepAlive(m)
	return MachineKind(C.maint_machine_get_kind(m.c()))
}

// SetKind sets what the machine is. It panics if kind is not one of the
// MachineKind constants.
func (m *Machine) SetKind(kind MachineKind) {
	enumCheck(machineKindNicks, int(kind), "MachineKind")
	C.maint_machine_set_kind(m.c(), C.MaintMachineKind(kind))
	runtime.KeepAlive(m)
}

// Host returns the name of the host a VM runs on, or "".
func (m *Machine) Host() string {
	defer runtime.KeepAlive(m)
	return goString(C.maint_machine_get_host(m.c()))
}

// SetHost sets the name of the host a VM runs on; "" unsets it.
func (m *Machine) SetHost(host string) {
	s := cStringOrNil(host)
	defer freeString(s)
	C.maint_machine_set_host(m.c(), s)
	runtime.KeepAlive(m)
}

// AutoSchedule reports whether the planner may give the machine new slots.
func (m *Machine) AutoSchedule() bool {
	defer runtime.KeepAlive(m)
	return C.maint_machine_get_auto_schedule(m.c()) != C.FALSE
}

// SetAutoSchedule sets whether the planner may give the machine new slots.
func (m *Machine) SetAutoSchedule(auto bool) {
	C.maint_machine_set_auto_schedule(m.c(), cBool(auto))
	runtime.KeepAlive(m)
}

// Representative reports whether the machine belongs to a rollout's
// representative set.
func (m *Machine) Representative() bool {
	defer runtime.KeepAlive(m)
	return C.maint_machine_get_representative(m.c()) != C.FALSE
}

// SetRepresentative sets whether the machine belongs to a rollout's
// representative set.
func (m *Machine) SetRepresentative(representative bool) {
	C.maint_machine_set_representative(m.c(), cBool(representative))
	runtime.KeepAlive(m)
}

// Stage returns the machine's own stage, StageNone if it inherits its
// group's; Fleet.MachineStage resolves the inheritance.
func (m *Machine) Stage() Stage {
	defer runtime.KeepAlive(m)
	return Stage(C.maint_machine_get_stage(m.c()))
}

// SetStage overrides the group's stage for this machine; StageNone
// removes the override. It panics if stage is not a Stage constant.
func (m *Machine) SetStage(stage Stage) {
	enumCheck(stageNicks, int(stage), "Stage")
	C.maint_machine_set_stage(m.c(), C.MaintStage(stage))
	runtime.KeepAlive(m)
}

// BootedAt returns when the machine last booted, or the zero Time.
func (m *Machine) BootedAt() time.Time {
	defer runtime.KeepAlive(m)
	return goTime(C.maint_machine_get_booted_at(m.c()))
}

// SetBootedAt sets when the machine last booted; the zero Time unsets it.
func (m *Machine) SetBootedAt(t time.Time) error {
	s, err := optionalInstant(t)
	if err != nil {
		return err
	}
	C.maint_machine_set_booted_at(m.c(), s)
	runtime.KeepAlive(m)
	return nil
}

// Reboots returns the number of reboots recorded so far.
func (m *Machine) Reboots() uint {
	defer runtime.KeepAlive(m)
	return uint(C.maint_machine_get_reboots(m.c()))
}

// SetReboots sets the number of reboots recorded so far.
func (m *Machine) SetReboots(n uint) {
	C.maint_machine_set_reboots(m.c(), C.guint(n))
	runtime.KeepAlive(m)
}

// Equal reports whether two machines have the same name and settings.
func (m *Machine) Equal(other *Machine) bool {
	defer runtime.KeepAlive(m)
	defer runtime.KeepAlive(other)
	return C.maint_machine_equal(m.c(), other.c()) != C.FALSE
}
