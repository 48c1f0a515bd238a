package maint

// #include <stdlib.h>
// #include <libmaint/libmaint.h>
import "C"

import (
	"runtime"
	"time"
	"unsafe"
)

// WindowSpec is a recurring maintenance window such as `daily 22:00-05:00`,
// `mon-fri 22:00-24:00` or `sat,sun 10:00-14:00`: the days name the local
// date on which the window opens; an end not after the start crosses
// midnight. A WindowSpec is an immutable value.
//
// Occurrences are resolved in a tz database zone: the start is the
// earliest instant at which local time reads the start, the end the latest
// instant at which it reads the end, and a local time in a spring-forward
// gap is shifted forward by the gap's length; an occurrence that resolves
// to nothing is dropped.
type WindowSpec struct {
	ptr *C.MaintWindowSpec
}

// takeWindowSpec wraps a (transfer full) spec.
func takeWindowSpec(p *C.MaintWindowSpec) *WindowSpec {
	w := &WindowSpec{ptr: p}
	runtime.SetFinalizer(w, func(*WindowSpec) {
		C.maint_window_spec_unref(p)
		finalized.Add(1)
	})
	return w
}

// c returns the C spec; a WindowSpec must come from ParseWindowSpec.
func (w *WindowSpec) c() *C.MaintWindowSpec {
	if w == nil || w.ptr == nil {
		panic("maint: WindowSpec not created by ParseWindowSpec")
	}
	return w.ptr
}

// ParseWindowSpec parses a window spec. A malformed spec gives an *Error
// in WindowSpecErrorDomain whose message names the column of the mistake.
func ParseWindowSpec(text string) (*WindowSpec, error) {
	s := cString(text)
	defer freeString(s)
	var gerr *C.GError
	p := C.maint_window_spec_parse(s, &gerr)
	if p == nil {
		return nil, takeError(gerr)
	}
	return takeWindowSpec(p), nil
}

// MustParseWindowSpec is ParseWindowSpec for specs known to be valid, such
// as literals in code: it panics on an error.
func MustParseWindowSpec(text string) *WindowSpec {
	w, err := ParseWindowSpec(text)
	if err != nil {
		panic("maint: " + err.Error())
	}
	return w
}

// String returns the spec in its normalized text form.
func (w *WindowSpec) String() string {
	defer runtime.KeepAlive(w)
	return takeString(C.maint_window_spec_to_string(w.c()))
}

// Days returns the weekdays on which the window opens, Monday first.
func (w *WindowSpec) Days() []time.Weekday {
	mask := C.maint_window_spec_get_days(w.c())
	runtime.KeepAlive(w)
	var out []time.Weekday
	for bit := 0; bit < 7; bit++ {
		if mask&(1<<bit) != 0 {
			out = append(out, time.Weekday((bit+1)%7))
		}
	}
	return out
}

// Start returns the local opening time as the offset from midnight.
func (w *WindowSpec) Start() time.Duration {
	defer runtime.KeepAlive(w)
	return time.Duration(C.maint_window_spec_get_start_minute(w.c())) * time.Minute
}

// End returns the local closing time as the offset from midnight, up to
// 24 hours (a window ending at midnight). For a window that crosses
// midnight it is a time on the next day.
func (w *WindowSpec) End() time.Duration {
	defer runtime.KeepAlive(w)
	return time.Duration(C.maint_window_spec_get_end_minute(w.c())) * time.Minute
}

// CrossesMidnight reports whether the window closes on the day after it
// opens, like `sat 22:00-02:00`.
func (w *WindowSpec) CrossesMidnight() bool {
	defer runtime.KeepAlive(w)
	return C.maint_window_spec_crosses_midnight(w.c()) != C.FALSE
}

// Equal reports whether two specs describe the same windows.
func (w *WindowSpec) Equal(other *WindowSpec) bool {
	defer runtime.KeepAlive(w)
	defer runtime.KeepAlive(other)
	return C.maint_window_spec_equal(w.c(), other.c()) != C.FALSE
}

// NextOccurrence finds the first occurrence in zone whose start is at or
// after after. The boolean is false, with a nil error, when no occurrence
// starts in the next 400 local days (or before 2101). An unknown zone is
// an *Error with code TimeErrorZoneFailed.
func (w *WindowSpec) NextOccurrence(zone string, after time.Time) (Interval, bool, error) {
	t, err := requiredInstant(after)
	if err != nil {
		return Interval{}, false, err
	}
	z := cString(zone)
	defer freeString(z)
	var gerr *C.GError
	iv := C.maint_window_spec_next_occurrence(w.c(), z, t, &gerr)
	runtime.KeepAlive(w)
	if iv == nil {
		return Interval{}, false, takeError(gerr)
	}
	return takeInterval(iv), true, nil
}

// OccurrenceContaining finds the occurrence in zone that is open at t
// (start <= t < end). The boolean is false, with a nil error, if none is.
func (w *WindowSpec) OccurrenceContaining(zone string, t time.Time) (Interval, bool, error) {
	instant, err := requiredInstant(t)
	if err != nil {
		return Interval{}, false, err
	}
	z := cString(zone)
	defer freeString(z)
	var gerr *C.GError
	iv := C.maint_window_spec_occurrence_containing(w.c(), z, instant, &gerr)
	runtime.KeepAlive(w)
	if iv == nil {
		return Interval{}, false, takeError(gerr)
	}
	return takeInterval(iv), true, nil
}

// Occurrences lists the occurrences in zone whose start lies in
// [from, to), ordered by start.
func (w *WindowSpec) Occurrences(zone string, from, to time.Time) ([]Interval, error) {
	f, err := requiredInstant(from)
	if err != nil {
		return nil, err
	}
	t, err := requiredInstant(to)
	if err != nil {
		return nil, err
	}
	z := cString(zone)
	defer freeString(z)
	var gerr *C.GError
	arr := C.maint_window_spec_occurrences(w.c(), z, f, t, &gerr)
	runtime.KeepAlive(w)
	if arr == nil {
		return nil, takeError(gerr)
	}
	defer C.g_ptr_array_unref(arr)
	items := ptrArray(arr)
	out := make([]Interval, 0, len(items))
	for _, p := range items {
		out = append(out, goInterval((*C.MaintInterval)(unsafe.Pointer(p))))
	}
	return out, nil
}

// ExpandWindows computes the instants in [from, to) at which at least one
// of specs is open in zone: the union of their occurrences, clipped to the
// span, as disjoint intervals in order.
func ExpandWindows(specs []*WindowSpec, zone string, from, to time.Time) ([]Interval, error) {
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
	z := cString(zone)
	defer freeString(z)
	// The C array of spec pointers lives in C memory: cgo forbids
	// passing Go memory that holds pointers the C side follows.
	var arr **C.MaintWindowSpec
	if len(specs) > 0 {
		arr = (**C.MaintWindowSpec)(C.calloc(C.size_t(len(specs)), C.size_t(unsafe.Sizeof(uintptr(0)))))
		defer C.free(unsafe.Pointer(arr))
		items := unsafe.Slice(arr, len(specs))
		for i, spec := range specs {
			items[i] = spec.c()
		}
	}
	var gerr *C.GError
	set := C.maint_window_specs_expand(arr, C.gsize(len(specs)), z, f, t, &gerr)
	runtime.KeepAlive(specs)
	if set == nil {
		return nil, takeError(gerr)
	}
	return takeIntervalSet(set), nil
}
