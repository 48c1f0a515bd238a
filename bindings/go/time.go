package maint

// #include <stdlib.h>
// #include <libmaint/libmaint.h>
import "C"

import "time"

// Interval is a half-open span of time [Start, End) in UTC, as libmaint's
// MaintInterval. Intervals are plain values; copy them freely.
type Interval struct {
	// Start is the first instant inside the interval.
	Start time.Time
	// End is the first instant after the interval.
	End time.Time
}

// Duration returns End - Start.
func (iv Interval) Duration() time.Duration {
	return iv.End.Sub(iv.Start)
}

// IsEmpty reports whether the interval contains no instant.
func (iv Interval) IsEmpty() bool {
	return !iv.End.After(iv.Start)
}

// Contains reports whether t lies in [Start, End).
func (iv Interval) Contains(t time.Time) bool {
	return !t.Before(iv.Start) && t.Before(iv.End)
}

// Overlaps reports whether the two intervals share an instant.
func (iv Interval) Overlaps(other Interval) bool {
	return iv.Start.Before(other.End) && other.Start.Before(iv.End) &&
		!iv.IsEmpty() && !other.IsEmpty()
}

// String formats the interval like libmaint does, for example
// `[2026-03-29T01:00:00Z, 2026-03-29T02:00:00Z)`.
func (iv Interval) String() string {
	return "[" + FormatInstant(iv.Start) + ", " + FormatInstant(iv.End) + ")"
}

// goInterval copies a MaintInterval.
func goInterval(iv *C.MaintInterval) Interval {
	return Interval{
		Start: goTime(C.maint_interval_get_start(iv)),
		End:   goTime(C.maint_interval_get_end(iv)),
	}
}

// takeInterval copies a (transfer full) MaintInterval and unrefs it.
func takeInterval(iv *C.MaintInterval) Interval {
	defer C.maint_interval_unref(iv)
	return goInterval(iv)
}

// newCInterval creates a MaintInterval (transfer full) from iv, which must
// lie in libmaint's range and must not end before it starts.
func newCInterval(iv Interval) (*C.MaintInterval, error) {
	start, err := requiredInstant(iv.Start)
	if err != nil {
		return nil, err
	}
	end, err := requiredInstant(iv.End)
	if err != nil {
		return nil, err
	}
	if end < start {
		return nil, newError(TimeErrorDomain, TimeErrorInstantFailed,
			"interval %s ends before it starts", iv)
	}
	return C.maint_interval_new(start, end), nil
}

// takeIntervalSet copies a (transfer full) MaintIntervalSet into a slice of
// disjoint, ordered intervals and unrefs the set.
func takeIntervalSet(set *C.MaintIntervalSet) []Interval {
	defer C.maint_interval_set_unref(set)
	n := C.maint_interval_set_get_n_intervals(set)
	out := make([]Interval, 0, int(n))
	for i := C.guint(0); i < n; i++ {
		out = append(out, goInterval(C.maint_interval_set_get_interval(set, i)))
	}
	return out
}

// ParseInstant parses an RFC 3339 instant with any offset, as libmaint
// reads them in its JSON formats. The result is in UTC.
func ParseInstant(text string) (time.Time, error) {
	s := cString(text)
	defer freeString(s)
	var out C.gint64
	var gerr *C.GError
	if C.maint_instant_parse(s, &out, &gerr) == C.FALSE {
		return time.Time{}, takeError(gerr)
	}
	return goTime(out), nil
}

// FormatInstant formats t as libmaint writes instants: UTC with seconds
// and a `Z`, e.g. `2026-03-29T01:00:00Z`. The zero Time gives "".
func FormatInstant(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02T15:04:05Z")
}

// FormatLocal formats t in the tz database zone as RFC 3339 with the
// zone's offset, e.g. `2026-03-29T03:30:00+02:00`, using the system tz
// database like the rest of libmaint.
func FormatLocal(t time.Time, zone string) (string, error) {
	instant, err := requiredInstant(t)
	if err != nil {
		return "", err
	}
	z := cString(zone)
	defer freeString(z)
	var gerr *C.GError
	s := C.maint_instant_format_local(instant, z, &gerr)
	if s == nil {
		return "", takeError(gerr)
	}
	return takeString(s), nil
}

// ParseDuration parses an ISO 8601 duration such as `PT15M`, `P7D` or
// `PT1H30M`.
func ParseDuration(text string) (time.Duration, error) {
	s := cString(text)
	defer freeString(s)
	var out C.gint64
	var gerr *C.GError
	if C.maint_duration_parse(s, &out, &gerr) == C.FALSE {
		return 0, takeError(gerr)
	}
	return goDuration(out), nil
}

// FormatDuration formats d as an ISO 8601 duration the way libmaint
// writes them, e.g. `PT1H30M`. Sub-second parts are dropped.
func FormatDuration(d time.Duration) (string, error) {
	s, err := cDuration(d)
	if err != nil {
		return "", err
	}
	return takeString(C.maint_duration_format(s)), nil
}

// CheckTimeZone returns an error (TimeErrorZoneFailed) unless zone is a
// name in the system tz database, such as `Europe/Berlin`.
func CheckTimeZone(zone string) error {
	z := cString(zone)
	defer freeString(z)
	var gerr *C.GError
	if C.maint_time_zone_check(z, &gerr) == C.FALSE {
		return takeError(gerr)
	}
	return nil
}

// ZoneOffsetAt returns the UTC offset of zone at instant t, e.g. two hours
// for Europe/Berlin in summer.
func ZoneOffsetAt(zone string, t time.Time) (time.Duration, error) {
	instant, err := requiredInstant(t)
	if err != nil {
		return 0, err
	}
	z := cString(zone)
	defer freeString(z)
	var gerr *C.GError
	off := C.maint_time_zone_offset_at(z, instant, &gerr)
	if gerr != nil {
		return 0, takeError(gerr)
	}
	return time.Duration(off) * time.Second, nil
}

// ZoneAbbreviationAt returns the abbreviation zone uses at instant t, e.g.
// `CEST`.
func ZoneAbbreviationAt(zone string, t time.Time) (string, error) {
	instant, err := requiredInstant(t)
	if err != nil {
		return "", err
	}
	z := cString(zone)
	defer freeString(z)
	var gerr *C.GError
	s := C.maint_time_zone_abbreviation_at(z, instant, &gerr)
	if s == nil {
		return "", takeError(gerr)
	}
	return takeString(s), nil
}
