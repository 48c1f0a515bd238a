package maint

// #include <libmaint/libmaint.h>
import "C"

import (
	"runtime"
	"time"
	"unsafe"
)

// Policy is the fleet-wide planning policy: the horizon, setup time and
// minimum slot length, fleet-wide and per-host concurrency, the notice for
// emergencies, the maximum uptime, and whether a guest's reboot may be
// absorbed by its host's reboot.
type Policy struct {
	ptr *C.MaintPolicy
}

// takePolicy wraps a (transfer full) policy.
func takePolicy(p *C.MaintPolicy) *Policy {
	return ownObject(&Policy{ptr: p}, unsafe.Pointer(p))
}

// borrowPolicy wraps a (transfer none) policy, taking a reference.
func borrowPolicy(p *C.MaintPolicy) *Policy {
	return takePolicy((*C.MaintPolicy)(refObject(unsafe.Pointer(p))))
}

// c returns the C object.
func (p *Policy) c() *C.MaintPolicy {
	if p == nil || p.ptr == nil {
		panic("maint: Policy not created by NewPolicy or Fleet.Policy")
	}
	return p.ptr
}

// NewPolicy returns a policy with libmaint's defaults.
func NewPolicy() *Policy {
	return takePolicy(C.maint_policy_new())
}

// Horizon returns how far ahead of now slots may lie.
func (p *Policy) Horizon() time.Duration {
	defer runtime.KeepAlive(p)
	return goDuration(C.maint_policy_get_horizon(p.c()))
}

// SetHorizon sets how far ahead of now slots may lie.
func (p *Policy) SetHorizon(d time.Duration) error {
	s, err := cDuration(d)
	if err != nil {
		return err
	}
	C.maint_policy_set_horizon(p.c(), s)
	runtime.KeepAlive(p)
	return nil
}

// Setup returns the time added to every slot on top of its activities'
// estimates.
func (p *Policy) Setup() time.Duration {
	defer runtime.KeepAlive(p)
	return goDuration(C.maint_policy_get_setup(p.c()))
}

// SetSetup sets the time added to every slot.
func (p *Policy) SetSetup(d time.Duration) error {
	s, err := cDuration(d)
	if err != nil {
		return err
	}
	C.maint_policy_set_setup(p.c(), s)
	runtime.KeepAlive(p)
	return nil
}

// MinSlot returns the shortest slot the planner makes.
func (p *Policy) MinSlot() time.Duration {
	defer runtime.KeepAlive(p)
	return goDuration(C.maint_policy_get_min_slot(p.c()))
}

// SetMinSlot sets the shortest slot the planner makes.
func (p *Policy) SetMinSlot(d time.Duration) error {
	s, err := cDuration(d)
	if err != nil {
		return err
	}
	C.maint_policy_set_min_slot(p.c(), s)
	runtime.KeepAlive(p)
	return nil
}

// MaxConcurrent returns how many machines may be down at once fleet-wide.
func (p *Policy) MaxConcurrent() uint {
	defer runtime.KeepAlive(p)
	return uint(C.maint_policy_get_max_concurrent(p.c()))
}

// SetMaxConcurrent sets how many machines may be down at once fleet-wide.
func (p *Policy) SetMaxConcurrent(n uint) {
	C.maint_policy_set_max_concurrent(p.c(), C.guint(n))
	runtime.KeepAlive(p)
}

// MaxConcurrentPerHost returns how many guests of one host may be down at
// once.
func (p *Policy) MaxConcurrentPerHost() uint {
	defer runtime.KeepAlive(p)
	return uint(C.maint_policy_get_max_concurrent_per_host(p.c()))
}

// SetMaxConcurrentPerHost sets how many guests of one host may be down at
// once.
func (p *Policy) SetMaxConcurrentPerHost(n uint) {
	C.maint_policy_set_max_concurrent_per_host(p.c(), C.guint(n))
	runtime.KeepAlive(p)
}

// EmergencyNotice returns the notice emergency activities need instead of
// their group's notice.
func (p *Policy) EmergencyNotice() time.Duration {
	defer runtime.KeepAlive(p)
	return goDuration(C.maint_policy_get_emergency_notice(p.c()))
}

// SetEmergencyNotice sets the notice emergency activities need.
func (p *Policy) SetEmergencyNotice(d time.Duration) error {
	s, err := cDuration(d)
	if err != nil {
		return err
	}
	C.maint_policy_set_emergency_notice(p.c(), s)
	runtime.KeepAlive(p)
	return nil
}

// MaxUptime returns the uptime after which a machine needs a reboot.
func (p *Policy) MaxUptime() time.Duration {
	defer runtime.KeepAlive(p)
	return goDuration(C.maint_policy_get_max_uptime(p.c()))
}

// SetMaxUptime sets the uptime after which a machine needs a reboot.
func (p *Policy) SetMaxUptime(d time.Duration) error {
	s, err := cDuration(d)
	if err != nil {
		return err
	}
	C.maint_policy_set_max_uptime(p.c(), s)
	runtime.KeepAlive(p)
	return nil
}

// CoalesceWithHostReboot reports whether a guest's reboot may be absorbed
// by its host's reboot.
func (p *Policy) CoalesceWithHostReboot() bool {
	defer runtime.KeepAlive(p)
	return C.maint_policy_get_coalesce_with_host_reboot(p.c()) != C.FALSE
}

// SetCoalesceWithHostReboot sets whether a guest's reboot may be absorbed
// by its host's reboot.
func (p *Policy) SetCoalesceWithHostReboot(coalesce bool) {
	C.maint_policy_set_coalesce_with_host_reboot(p.c(), cBool(coalesce))
	runtime.KeepAlive(p)
}

// Equal reports whether two policies have the same settings.
func (p *Policy) Equal(other *Policy) bool {
	defer runtime.KeepAlive(p)
	defer runtime.KeepAlive(other)
	return C.maint_policy_equal(p.c(), other.c()) != C.FALSE
}
