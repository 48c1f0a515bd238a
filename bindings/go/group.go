package maint

// #include <libmaint/libmaint.h>
import "C"

import (
	"runtime"
	"time"
	"unsafe"
)

// ResourceGroup is a customer's set of machines with its maintenance
// settings: contacts, time zone, locale, window specs, notice, stage,
// concurrency limit and blackouts.
type ResourceGroup struct {
	ptr *C.MaintResourceGroup
}

// takeResourceGroup wraps a (transfer full) group.
func takeResourceGroup(p *C.MaintResourceGroup) *ResourceGroup {
	return ownObject(&ResourceGroup{ptr: p}, unsafe.Pointer(p))
}

// borrowResourceGroup wraps a (transfer none) group, taking a reference;
// NULL gives nil.
func borrowResourceGroup(p *C.MaintResourceGroup) *ResourceGroup {
	if p == nil {
		return nil
	}
	return takeResourceGroup((*C.MaintResourceGroup)(refObject(unsafe.Pointer(p))))
}

// c returns the C object.
func (g *ResourceGroup) c() *C.MaintResourceGroup {
	if g == nil || g.ptr == nil {
		panic("maint: ResourceGroup not created by NewResourceGroup or a Fleet")
	}
	return g.ptr
}

// NewResourceGroup returns a group with the given name and libmaint's
// defaults for everything else. Add it to a fleet with Fleet.AddGroup.
func NewResourceGroup(name string) *ResourceGroup {
	s := cString(name)
	defer freeString(s)
	return takeResourceGroup(C.maint_resource_group_new(s))
}

// Name returns the group's name.
func (g *ResourceGroup) Name() string {
	defer runtime.KeepAlive(g)
	return goString(C.maint_resource_group_get_name(g.c()))
}

// Contacts returns the technical contact addresses.
func (g *ResourceGroup) Contacts() []string {
	defer runtime.KeepAlive(g)
	return goStrv(C.maint_resource_group_get_contacts(g.c()))
}

// SetContacts sets the technical contact addresses; Fleet.Validate
// checks them.
func (g *ResourceGroup) SetContacts(contacts []string) {
	v := newCStrv(contacts)
	defer v.free()
	C.maint_resource_group_set_contacts(g.c(), v.constPtr())
	runtime.KeepAlive(g)
}

// Timezone returns the tz database name of the group's time zone, in
// which its windows are resolved.
func (g *ResourceGroup) Timezone() string {
	defer runtime.KeepAlive(g)
	return goString(C.maint_resource_group_get_timezone(g.c()))
}

// SetTimezone sets the group's time zone, e.g. "Europe/Berlin";
// Fleet.Validate rejects names the system tz database does not know.
func (g *ResourceGroup) SetTimezone(zone string) {
	s := cString(zone)
	defer freeString(s)
	C.maint_resource_group_set_timezone(g.c(), s)
	runtime.KeepAlive(g)
}

// Locale returns the locale of the group's announcements, e.g. "de".
func (g *ResourceGroup) Locale() string {
	defer runtime.KeepAlive(g)
	return goString(C.maint_resource_group_get_locale(g.c()))
}

// SetLocale sets the locale of the group's announcements.
func (g *ResourceGroup) SetLocale(locale string) {
	s := cString(locale)
	defer freeString(s)
	C.maint_resource_group_set_locale(g.c(), s)
	runtime.KeepAlive(g)
}

// Notice returns how long before maintenance the group must be told.
func (g *ResourceGroup) Notice() time.Duration {
	defer runtime.KeepAlive(g)
	return goDuration(C.maint_resource_group_get_notice(g.c()))
}

// SetNotice sets how long before maintenance the group must be told.
func (g *ResourceGroup) SetNotice(d time.Duration) error {
	s, err := cDuration(d)
	if err != nil {
		return err
	}
	C.maint_resource_group_set_notice(g.c(), s)
	runtime.KeepAlive(g)
	return nil
}

// Stage returns the stage of the group's machines.
func (g *ResourceGroup) Stage() Stage {
	defer runtime.KeepAlive(g)
	return Stage(C.maint_resource_group_get_stage(g.c()))
}

// SetStage sets the stage of the group's machines. It panics if stage is
// not one of the Stage constants.
func (g *ResourceGroup) SetStage(stage Stage) {
	enumCheck(stageNicks, int(stage), "Stage")
	C.maint_resource_group_set_stage(g.c(), C.MaintStage(stage))
	runtime.KeepAlive(g)
}

// MaxConcurrent returns how many of the group's machines may be down at
// once; 0 means no limit.
func (g *ResourceGroup) MaxConcurrent() uint {
	defer runtime.KeepAlive(g)
	return uint(C.maint_resource_group_get_max_concurrent(g.c()))
}

// SetMaxConcurrent sets how many of the group's machines may be down at
// once; 0 means no limit.
func (g *ResourceGroup) SetMaxConcurrent(n uint) {
	C.maint_resource_group_set_max_concurrent(g.c(), C.guint(n))
	runtime.KeepAlive(g)
}

// Windows returns the group's maintenance window specs.
func (g *ResourceGroup) Windows() []*WindowSpec {
	defer runtime.KeepAlive(g)
	items := ptrArray(C.maint_resource_group_get_windows(g.c()))
	out := make([]*WindowSpec, 0, len(items))
	for _, p := range items {
		out = append(out, takeWindowSpec(C.maint_window_spec_ref((*C.MaintWindowSpec)(unsafe.Pointer(p)))))
	}
	return out
}

// AddWindow appends a window spec; the group's windows are the union of
// its specs' occurrences.
func (g *ResourceGroup) AddWindow(spec *WindowSpec) {
	C.maint_resource_group_add_window(g.c(), spec.c())
	runtime.KeepAlive(g)
	runtime.KeepAlive(spec)
}

// ClearWindows removes all window specs.
func (g *ResourceGroup) ClearWindows() {
	C.maint_resource_group_clear_windows(g.c())
	runtime.KeepAlive(g)
}

// Blackouts returns the intervals subtracted from the group's windows.
func (g *ResourceGroup) Blackouts() []Interval {
	defer runtime.KeepAlive(g)
	items := ptrArray(C.maint_resource_group_get_blackouts(g.c()))
	out := make([]Interval, 0, len(items))
	for _, p := range items {
		out = append(out, goInterval((*C.MaintInterval)(unsafe.Pointer(p))))
	}
	return out
}

// AddBlackout adds an interval in which the group must not be maintained.
func (g *ResourceGroup) AddBlackout(blackout Interval) error {
	iv, err := newCInterval(blackout)
	if err != nil {
		return err
	}
	defer C.maint_interval_unref(iv)
	C.maint_resource_group_add_blackout(g.c(), iv)
	runtime.KeepAlive(g)
	return nil
}

// ClearBlackouts removes all blackouts.
func (g *ResourceGroup) ClearBlackouts() {
	C.maint_resource_group_clear_blackouts(g.c())
	runtime.KeepAlive(g)
}

// MaintenanceIntervals returns the instants in [from, to) available for
// maintenance: the union of the window occurrences in the group's time
// zone minus the blackouts, as disjoint intervals in order.
func (g *ResourceGroup) MaintenanceIntervals(from, to time.Time) ([]Interval, error) {
	f, err := requiredInstant(from)
	if err != nil {
		return nil, err
	}
	t, err := requiredInstant(to)
	if err != nil {
		return nil, err
	}
	if t < f {
		return nil, newError(TimeErrorDomain, TimeErrorInstantFailed,
			"span ends (%s) before it starts (%s)", FormatInstant(to), FormatInstant(from))
	}
	var gerr *C.GError
	set := C.maint_resource_group_get_maintenance_intervals(g.c(), f, t, &gerr)
	runtime.KeepAlive(g)
	if set == nil {
		return nil, takeError(gerr)
	}
	return takeIntervalSet(set), nil
}

// Equal reports whether two groups have the same name and settings.
func (g *ResourceGroup) Equal(other *ResourceGroup) bool {
	defer runtime.KeepAlive(g)
	defer runtime.KeepAlive(other)
	return C.maint_resource_group_equal(g.c(), other.c()) != C.FALSE
}
