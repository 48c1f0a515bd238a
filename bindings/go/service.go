package maint

// #include <libmaint/libmaint.h>
import "C"

import (
	"runtime"
	"time"
	"unsafe"
)

// Service is a redundancy set of machines (an active/passive database
// pair, a pair of load balancers): at most MaxUnavailable members may be
// down at once, their downtimes are Spacing apart, and Order (if set)
// says who goes first.
type Service struct {
	ptr *C.MaintService
}

// takeService wraps a (transfer full) service.
func takeService(p *C.MaintService) *Service {
	return ownObject(&Service{ptr: p}, unsafe.Pointer(p))
}

// borrowService wraps a (transfer none) service, taking a reference; NULL
// gives nil.
func borrowService(p *C.MaintService) *Service {
	if p == nil {
		return nil
	}
	return takeService((*C.MaintService)(refObject(unsafe.Pointer(p))))
}

// c returns the C object.
func (s *Service) c() *C.MaintService {
	if s == nil || s.ptr == nil {
		panic("maint: Service not created by NewService or a Fleet")
	}
	return s.ptr
}

// NewService returns a service with no members and libmaint's defaults
// (one member unavailable at a time). Add it with Fleet.AddService.
func NewService(name string) *Service {
	n := cString(name)
	defer freeString(n)
	return takeService(C.maint_service_new(n))
}

// Name returns the service's name.
func (s *Service) Name() string {
	defer runtime.KeepAlive(s)
	return goString(C.maint_service_get_name(s.c()))
}

// Members returns the names of the member machines.
func (s *Service) Members() []string {
	defer runtime.KeepAlive(s)
	return goStrv(C.maint_service_get_members(s.c()))
}

// SetMembers sets the names of the member machines.
func (s *Service) SetMembers(members []string) {
	v := newCStrv(members)
	defer v.free()
	C.maint_service_set_members(s.c(), v.constPtr())
	runtime.KeepAlive(s)
}

// MaxUnavailable returns how many members may be down at once.
func (s *Service) MaxUnavailable() uint {
	defer runtime.KeepAlive(s)
	return uint(C.maint_service_get_max_unavailable(s.c()))
}

// SetMaxUnavailable sets how many members may be down at once.
func (s *Service) SetMaxUnavailable(n uint) {
	C.maint_service_set_max_unavailable(s.c(), C.guint(n))
	runtime.KeepAlive(s)
}

// Spacing returns the least time between two members' downtimes.
func (s *Service) Spacing() time.Duration {
	defer runtime.KeepAlive(s)
	return goDuration(C.maint_service_get_spacing(s.c()))
}

// SetSpacing sets the least time between two members' downtimes.
func (s *Service) SetSpacing(d time.Duration) error {
	sec, err := cDuration(d)
	if err != nil {
		return err
	}
	C.maint_service_set_spacing(s.c(), sec)
	runtime.KeepAlive(s)
	return nil
}

// Order returns the order in which members are taken down (e.g. passive
// before active), or nil if any order will do.
func (s *Service) Order() []string {
	defer runtime.KeepAlive(s)
	return goStrv(C.maint_service_get_order(s.c()))
}

// SetOrder sets the order in which members are taken down; nil removes it.
func (s *Service) SetOrder(order []string) {
	if order == nil {
		C.maint_service_set_order(s.c(), nil)
		runtime.KeepAlive(s)
		return
	}
	v := newCStrv(order)
	defer v.free()
	C.maint_service_set_order(s.c(), v.constPtr())
	runtime.KeepAlive(s)
}

// Equal reports whether two services have the same name and settings.
func (s *Service) Equal(other *Service) bool {
	defer runtime.KeepAlive(s)
	defer runtime.KeepAlive(other)
	return C.maint_service_equal(s.c(), other.c()) != C.FALSE
}
