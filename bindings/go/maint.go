// Package maint is the Go binding of libmaint, the C library that plans
// hosting maintenance: given a fleet of resource groups, machines,
// services and queued activities, it computes a dated, explained plan
// that respects every group's maintenance windows, notice periods,
// concurrency limits and redundancy rules.
//
// The binding follows the C API closely but speaks Go: instants are
// time.Time (the zero Time means "not set"), durations are time.Duration
// (libmaint counts whole seconds; sub-second parts are dropped), lists are
// slices, enumerations are typed constants whose String method returns the
// nick used in the JSON formats, and a GError becomes an *Error that keeps
// its domain, code and message.
//
// Every wrapper (*Fleet, *ResourceGroup, *Machine, *Service, *Activity,
// *Rollout, *Wave, *Policy, *Scheduler, *Plan, *WindowSpec, *Notifier,
// *Notice) holds one reference to its C object and drops it in a
// finalizer, so nothing has to be freed by hand. Wrappers returned by a
// fleet's getters share the C object with the fleet: changing a group
// obtained from Fleet.Groups changes the fleet.
// Like the C objects, wrappers are not safe for concurrent mutation; a
// fleet that is only read (planned, verified, saved) may be used from
// several goroutines at once.
//
// Plans, their slots, late activities, findings and host downtime, the
// notifier's items and the verifier's violations are copied out into
// plain Go structs.
package maint

// #cgo pkg-config: libmaint-1
// #include <stdlib.h>
// #include <libmaint/libmaint.h>
import "C"

import (
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"time"
	"unsafe"
)

// Error domains, as reported in Error.Domain. They are the names of the
// GLib error quarks of libmaint (and of GIO for cancellation).
const (
	// TimeErrorDomain is the domain of errors about instants, durations
	// and time zones.
	TimeErrorDomain = "maint-time-error-quark"
	// WindowSpecErrorDomain is the domain of window spec parse errors.
	WindowSpecErrorDomain = "maint-window-spec-error-quark"
	// FleetErrorDomain is the domain of errors about fleets and the
	// libmaint-fleet/1 format. Messages start with the JSON path at fault.
	FleetErrorDomain = "maint-fleet-error-quark"
	// PlanErrorDomain is the domain of errors about the libmaint-plan/1
	// format. Messages start with the JSON path at fault.
	PlanErrorDomain = "maint-plan-error-quark"
	// SchedulerErrorDomain is the domain of scheduler errors.
	SchedulerErrorDomain = "maint-scheduler-error-quark"
	// NotifierErrorDomain is the domain of notifier errors: templates,
	// locales, addresses.
	NotifierErrorDomain = "maint-notifier-error-quark"
	// IOErrorDomain is GIO's error domain; the scheduler reports a
	// cancelled run in it with code IOErrorCancelled.
	IOErrorDomain = "g-io-error-quark"
)

// Error codes of TimeErrorDomain.
const (
	// TimeErrorInstantFailed: not an RFC 3339 instant, or outside 1970 to 2100.
	TimeErrorInstantFailed = int(C.MAINT_TIME_ERROR_INSTANT_FAILED)
	// TimeErrorDurationFailed: not a supported ISO 8601 duration, negative or too long.
	TimeErrorDurationFailed = int(C.MAINT_TIME_ERROR_DURATION_FAILED)
	// TimeErrorZoneFailed: a time zone unknown to the system tz database.
	TimeErrorZoneFailed = int(C.MAINT_TIME_ERROR_ZONE_FAILED)
)

// Error codes of WindowSpecErrorDomain.
const (
	// WindowSpecErrorParseFailed: the spec text is malformed.
	WindowSpecErrorParseFailed = int(C.MAINT_WINDOW_SPEC_ERROR_PARSE_FAILED)
)

// Error codes of FleetErrorDomain.
const (
	// FleetErrorParseFailed: not well-formed JSON, or not UTF-8.
	FleetErrorParseFailed = int(C.MAINT_FLEET_ERROR_PARSE_FAILED)
	// FleetErrorFormatFailed: the format member is missing or unsupported.
	FleetErrorFormatFailed = int(C.MAINT_FLEET_ERROR_FORMAT_FAILED)
	// FleetErrorInvalidFailed: a wrong type, an unknown field or a value out of range.
	FleetErrorInvalidFailed = int(C.MAINT_FLEET_ERROR_INVALID_FAILED)
	// FleetErrorReferenceFailed: a name refers to nothing, or to the wrong kind of thing.
	FleetErrorReferenceFailed = int(C.MAINT_FLEET_ERROR_REFERENCE_FAILED)
	// FleetErrorDuplicateFailed: a name or id is used twice.
	FleetErrorDuplicateFailed = int(C.MAINT_FLEET_ERROR_DUPLICATE_FAILED)
	// FleetErrorLimitFailed: the input is larger or deeper than accepted.
	FleetErrorLimitFailed = int(C.MAINT_FLEET_ERROR_LIMIT_FAILED)
	// FleetErrorIOFailed: the file cannot be read or written.
	FleetErrorIOFailed = int(C.MAINT_FLEET_ERROR_IO_FAILED)
)

// Error codes of PlanErrorDomain.
const (
	// PlanErrorParseFailed: not well-formed JSON, or not UTF-8.
	PlanErrorParseFailed = int(C.MAINT_PLAN_ERROR_PARSE_FAILED)
	// PlanErrorFormatFailed: the format member is missing or unsupported.
	PlanErrorFormatFailed = int(C.MAINT_PLAN_ERROR_FORMAT_FAILED)
	// PlanErrorInvalidFailed: a wrong type, an unknown field or a value out of range.
	PlanErrorInvalidFailed = int(C.MAINT_PLAN_ERROR_INVALID_FAILED)
	// PlanErrorLimitFailed: the input is larger or deeper than accepted.
	PlanErrorLimitFailed = int(C.MAINT_PLAN_ERROR_LIMIT_FAILED)
	// PlanErrorIOFailed: the file cannot be read or written.
	PlanErrorIOFailed = int(C.MAINT_PLAN_ERROR_IO_FAILED)
	// PlanErrorReferenceFailed: the plan names an activity or machine the
	// fleet does not have.
	PlanErrorReferenceFailed = int(C.MAINT_PLAN_ERROR_REFERENCE_FAILED)
)

// Error codes of SchedulerErrorDomain.
const (
	// SchedulerErrorInvalidFailed: the fleet does not validate, or no "now" is known.
	SchedulerErrorInvalidFailed = int(C.MAINT_SCHEDULER_ERROR_INVALID_FAILED)
	// SchedulerErrorLimitFailed: the problem is larger than the scheduler accepts.
	SchedulerErrorLimitFailed = int(C.MAINT_SCHEDULER_ERROR_LIMIT_FAILED)
	// SchedulerErrorUnknownFailed: a machine named in a request is not in the fleet.
	SchedulerErrorUnknownFailed = int(C.MAINT_SCHEDULER_ERROR_UNKNOWN_FAILED)
)

// Error codes of NotifierErrorDomain.
const (
	// NotifierErrorTemplateFailed: a template is malformed (a missing or
	// unknown section, a MessageFormat syntax error, an unknown argument).
	NotifierErrorTemplateFailed = int(C.MAINT_NOTIFIER_ERROR_TEMPLATE_FAILED)
	// NotifierErrorLocaleFailed: ICU has no date formats for a locale.
	NotifierErrorLocaleFailed = int(C.MAINT_NOTIFIER_ERROR_LOCALE_FAILED)
	// NotifierErrorInvalidFailed: the fleet, plan or settings cannot be
	// notified: an unknown time zone, a slot of an unknown machine, no
	// now, a sender or contact that is not a plain local@domain address.
	NotifierErrorInvalidFailed = int(C.MAINT_NOTIFIER_ERROR_INVALID_FAILED)
)

// IOErrorCancelled is the code of IOErrorDomain for a cancelled operation.
const IOErrorCancelled = int(C.G_IO_ERROR_CANCELLED)

// Error is a libmaint error: a GError turned into a Go value. Use
// errors.As to get at it; errors.Is matches another *Error with the same
// domain and code. A run cancelled through its context also matches the
// context's error (context.Canceled or context.DeadlineExceeded).
type Error struct {
	// Domain is the GLib error domain, e.g. FleetErrorDomain.
	Domain string
	// Code is the error code within the domain, e.g. FleetErrorReferenceFailed.
	Code int
	// Message is the human-readable message. Errors about JSON documents
	// start with the JSON path, e.g. `machines[12].group: unknown
	// resource group "acme"`.
	Message string

	cause error
}

// Error returns the message, as libmaint's own tools print it.
func (e *Error) Error() string {
	return e.Message
}

// Is reports whether target is an *Error with the same domain and code.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Domain == e.Domain && t.Code == e.Code
}

// Unwrap returns the context error that caused a cancelled run, or nil.
func (e *Error) Unwrap() error {
	return e.cause
}

// takeError converts err into an *Error and frees it; nil stays nil.
func takeError(err *C.GError) error {
	if err == nil {
		return nil
	}
	e := &Error{
		Domain:  C.GoString(C.g_quark_to_string(err.domain)),
		Code:    int(err.code),
		Message: C.GoString(err.message),
	}
	C.g_error_free(err)
	return e
}

// newError builds an error that the binding raises itself, in one of
// libmaint's domains, for values the C API would reject as a programming
// error.
func newError(domain string, code int, format string, args ...interface{}) *Error {
	return &Error{Domain: domain, Code: code, Message: fmt.Sprintf(format, args...)}
}

// finalized counts wrapper finalizers that have run; the leak test reads it.
var finalized atomic.Int64

// ownObject makes w own the GObject reference obj (transfer full): the
// reference is dropped when w becomes unreachable.
func ownObject[T any](w *T, obj unsafe.Pointer) *T {
	runtime.SetFinalizer(w, func(*T) {
		C.g_object_unref(C.gpointer(obj))
		finalized.Add(1)
	})
	return w
}

// refObject returns obj with a new reference, for wrapping a (transfer
// none) result.
func refObject(obj unsafe.Pointer) unsafe.Pointer {
	return unsafe.Pointer(C.g_object_ref(C.gpointer(obj)))
}

// cString returns a C copy of s for the C API, to be freed with C.free.
// libmaint's strings are NUL-terminated, so a NUL byte cannot be passed
// on; it is a programming error, like passing NULL where C forbids it.
func cString(s string) *C.char {
	if strings.IndexByte(s, 0) >= 0 {
		panic(fmt.Sprintf("maint: string %q contains a NUL byte", s))
	}
	return C.CString(s)
}

// cStringOrNil is cString, but "" becomes NULL (for nullable arguments).
func cStringOrNil(s string) *C.char {
	if s == "" {
		return nil
	}
	return cString(s)
}

// freeString frees a string from cString or cStringOrNil.
func freeString(s *C.char) {
	if s != nil {
		C.free(unsafe.Pointer(s))
	}
}

// goString copies a (transfer none) C string; NULL becomes "".
func goString(s *C.char) string {
	if s == nil {
		return ""
	}
	return C.GoString(s)
}

// takeString copies a (transfer full) C string and frees it with g_free.
func takeString(s *C.char) string {
	if s == nil {
		return ""
	}
	defer C.g_free(C.gpointer(s))
	return C.GoString(s)
}

// takeBytes copies a (transfer full) C buffer of n bytes and frees it.
func takeBytes(s *C.char, n C.gsize) []byte {
	if s == nil {
		return nil
	}
	defer C.g_free(C.gpointer(s))
	return C.GoBytes(unsafe.Pointer(s), C.int(n))
}

// goStrv copies a (transfer none) NULL-terminated string array; NULL
// becomes nil.
func goStrv(v **C.char) []string {
	if v == nil {
		return nil
	}
	var out []string
	for p := v; *p != nil; p = (**C.char)(unsafe.Add(unsafe.Pointer(p), unsafe.Sizeof(*p))) {
		out = append(out, C.GoString(*p))
	}
	return out
}

// cStrv is a NULL-terminated string array allocated in C memory.
type cStrv struct {
	ptr **C.char
	n   int
}

// newCStrv copies list into C memory; free it with free. A nil or empty
// list still gives a valid, empty array.
func newCStrv(list []string) cStrv {
	size := unsafe.Sizeof((*C.char)(nil))
	p := (**C.char)(C.calloc(C.size_t(len(list)+1), C.size_t(size)))
	items := unsafe.Slice(p, len(list)+1)
	for i, s := range list {
		if strings.IndexByte(s, 0) >= 0 {
			for _, q := range items[:i] {
				C.free(unsafe.Pointer(q))
			}
			C.free(unsafe.Pointer(p))
			panic(fmt.Sprintf("maint: string %q contains a NUL byte", s))
		}
		items[i] = C.CString(s)
	}
	return cStrv{ptr: p, n: len(list)}
}

// free releases the array and its strings.
func (v cStrv) free() {
	for _, q := range unsafe.Slice(v.ptr, v.n) {
		C.free(unsafe.Pointer(q))
	}
	C.free(unsafe.Pointer(v.ptr))
}

// constPtr gives the array as the `const char * const *` libmaint takes.
func (v cStrv) constPtr() **C.char {
	return v.ptr
}

// ptrArray returns the elements of a GPtrArray without copying; the
// slice is valid as long as the array is.
func ptrArray(a *C.GPtrArray) []C.gpointer {
	if a == nil || a.len == 0 {
		return nil
	}
	return unsafe.Slice(a.pdata, a.len)
}

// cBool converts a Go bool to a gboolean.
func cBool(b bool) C.gboolean {
	if b {
		return C.TRUE
	}
	return C.FALSE
}

// Time conversions. libmaint counts instants in whole seconds since the
// Unix epoch, with 0 meaning "not set", and durations in whole seconds.

// goTime converts a libmaint instant; 0 becomes the zero Time. Instants
// are returned in UTC.
func goTime(s C.gint64) time.Time {
	if s == 0 {
		return time.Time{}
	}
	return time.Unix(int64(s), 0).UTC()
}

// goDuration converts libmaint seconds to a Duration.
func goDuration(s C.gint64) time.Duration {
	return time.Duration(s) * time.Second
}

// optionalInstant converts t for a setter whose instant may be unset: the
// zero Time becomes 0; others must lie in libmaint's range.
func optionalInstant(t time.Time) (C.gint64, error) {
	if t.IsZero() {
		return 0, nil
	}
	return requiredInstant(t)
}

// requiredInstant converts t, which must lie in libmaint's range (1970 to
// 2100); the sub-second part is dropped.
func requiredInstant(t time.Time) (C.gint64, error) {
	s := t.Unix()
	if t.IsZero() || s < C.MAINT_INSTANT_MIN || s > C.MAINT_INSTANT_MAX {
		return 0, newError(TimeErrorDomain, TimeErrorInstantFailed,
			"instant %s is outside the supported range (1970-01-01T00:00:01Z to 2100-12-31T23:59:59Z)",
			t.UTC().Format(time.RFC3339))
	}
	return C.gint64(s), nil
}

// cDuration converts d to whole seconds (rounding towards zero); it must
// not be negative or longer than libmaint's maximum of 3660 days.
func cDuration(d time.Duration) (C.gint64, error) {
	s := int64(d / time.Second)
	if d < 0 || s > C.MAINT_DURATION_MAX {
		return 0, newError(TimeErrorDomain, TimeErrorDurationFailed,
			"duration %s is outside the supported range (0 to 3660 days)", d)
	}
	return C.gint64(s), nil
}
