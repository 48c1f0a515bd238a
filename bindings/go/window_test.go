package maint

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

// The expected instants below are worked out by hand from the EU rules:
// in 2026 Europe/Berlin springs forward on 29 March at 01:00 UTC (02:00
// CET becomes 03:00 CEST) and falls back on 25 October at 01:00 UTC
// (03:00 CEST becomes 02:00 CET).

func TestNextOccurrenceAcrossDST(t *testing.T) {
	cases := []struct {
		name       string
		spec       string
		after      string
		start, end string
	}{
		// 01:30 CET is 00:30Z; 03:30 exists only in CEST, 01:30Z: the
		// window shrinks from two hours to one.
		{"spring forward shrinks", "daily 01:30-03:30", "2026-03-28T23:00:00Z",
			"2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z"},
		// 02:30 falls in the gap and moves forward by its length to
		// 03:30 CEST (01:30Z); 04:00 CEST is 02:00Z.
		{"start in the gap", "daily 02:30-04:00", "2026-03-28T23:00:00Z",
			"2026-03-29T01:30:00Z", "2026-03-29T02:00:00Z"},
		// 01:30 CEST is 23:30Z the day before; 03:30 is read once,
		// in CET, 02:30Z: the window grows from two hours to three.
		{"fall back grows", "daily 01:30-03:30", "2026-10-24T20:00:00Z",
			"2026-10-24T23:30:00Z", "2026-10-25T02:30:00Z"},
		// 02:30 and 02:45 are read twice on the fall-back night: the
		// start is the earliest (02:30 CEST, 00:30Z), the end the latest
		// (02:45 CET, 01:45Z).
		{"ambiguous start and end", "sun 02:30-02:45", "2026-10-24T20:00:00Z",
			"2026-10-25T00:30:00Z", "2026-10-25T01:45:00Z"},
		// Crossing midnight: Saturday 22:00 CET to Sunday 02:00, which
		// on 29 March does not exist and becomes 03:00 CEST (01:00Z).
		{"crosses midnight into the gap", "sat 22:00-02:00", "2026-03-26T00:00:00Z",
			"2026-03-28T21:00:00Z", "2026-03-29T01:00:00Z"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			spec, err := ParseWindowSpec(c.spec)
			must(t, err)
			iv, ok, err := spec.NextOccurrence("Europe/Berlin", utc(t, c.after))
			must(t, err)
			if !ok {
				t.Fatal("no occurrence found")
			}
			want := Interval{Start: utc(t, c.start), End: utc(t, c.end)}
			if !iv.Start.Equal(want.Start) || !iv.End.Equal(want.End) {
				t.Errorf("NextOccurrence = %v, want %v", iv, want)
			}
			if iv.Start.Location() != time.UTC {
				t.Errorf("instants are not in UTC: %v", iv.Start.Location())
			}
		})
	}
}

func TestOccurrences(t *testing.T) {
	spec := MustParseWindowSpec("sat 22:00-02:00")
	got, err := spec.Occurrences("Europe/Berlin", utc(t, "2026-03-20T00:00:00Z"), utc(t, "2026-04-05T00:00:00Z"))
	must(t, err)
	want := []Interval{
		{utc(t, "2026-03-21T21:00:00Z"), utc(t, "2026-03-22T01:00:00Z")},
		{utc(t, "2026-03-28T21:00:00Z"), utc(t, "2026-03-29T01:00:00Z")},
		{utc(t, "2026-04-04T20:00:00Z"), utc(t, "2026-04-05T00:00:00Z")},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Occurrences = %v, want %v", got, want)
	}

	iv, ok, err := spec.OccurrenceContaining("Europe/Berlin", utc(t, "2026-03-28T23:59:00Z"))
	must(t, err)
	if !ok || !reflect.DeepEqual(iv, want[1]) {
		t.Errorf("OccurrenceContaining = %v %v, want %v", iv, ok, want[1])
	}
	_, ok, err = spec.OccurrenceContaining("Europe/Berlin", utc(t, "2026-03-28T12:00:00Z"))
	if ok || err != nil {
		t.Errorf("OccurrenceContaining outside a window = %v, %v", ok, err)
	}

	// Union of two specs, clipped to the span (CET is UTC+1).
	union, err := ExpandWindows([]*WindowSpec{
		MustParseWindowSpec("daily 22:00-02:00"),
		MustParseWindowSpec("mon 01:00-03:00"),
	}, "Europe/Berlin", utc(t, "2026-01-04T00:00:00Z"), utc(t, "2026-01-06T00:00:00Z"))
	must(t, err)
	wantUnion := []Interval{
		{utc(t, "2026-01-04T00:00:00Z"), utc(t, "2026-01-04T01:00:00Z")},
		{utc(t, "2026-01-04T21:00:00Z"), utc(t, "2026-01-05T02:00:00Z")},
		{utc(t, "2026-01-05T21:00:00Z"), utc(t, "2026-01-06T00:00:00Z")},
	}
	if !reflect.DeepEqual(union, wantUnion) {
		t.Errorf("ExpandWindows = %v, want %v", union, wantUnion)
	}

	// A group's maintenance intervals are its windows minus blackouts.
	group := buildFleet(t).Group("acme")
	avail, err := group.MaintenanceIntervals(utc(t, "2026-03-03T00:00:00Z"), utc(t, "2026-03-05T00:00:00Z"))
	must(t, err)
	wantAvail := []Interval{
		{utc(t, "2026-03-03T00:00:00Z"), utc(t, "2026-03-03T01:00:00Z")},
		{utc(t, "2026-03-04T21:00:00Z"), utc(t, "2026-03-05T00:00:00Z")},
	}
	if !reflect.DeepEqual(avail, wantAvail) {
		t.Errorf("MaintenanceIntervals = %v, want %v", avail, wantAvail)
	}
}

func TestWindowSpecParse(t *testing.T) {
	spec, err := ParseWindowSpec("fri-mon 10:00-12:30")
	must(t, err)
	if got := spec.Days(); !reflect.DeepEqual(got, []time.Weekday{time.Monday, time.Friday, time.Saturday, time.Sunday}) {
		t.Errorf("Days = %v", got)
	}
	if spec.Start() != 10*time.Hour || spec.End() != 12*time.Hour+30*time.Minute || spec.CrossesMidnight() {
		t.Errorf("Start %v End %v crosses %v", spec.Start(), spec.End(), spec.CrossesMidnight())
	}
	if !MustParseWindowSpec("sat 22:00-02:00").CrossesMidnight() {
		t.Error("sat 22:00-02:00 does not cross midnight")
	}
	if s := MustParseWindowSpec("mon-fri 22:00-24:00").String(); s != "mon-fri 22:00-24:00" {
		t.Errorf("String = %q", s)
	}
	if !MustParseWindowSpec("daily 01:00-02:00").Equal(MustParseWindowSpec("mon-sun 01:00-02:00")) {
		t.Error("daily and mon-sun differ")
	}

	for _, c := range []struct{ text, column string }{
		{"daily 25:00-03:00", "column 7"},
		{"funday 10:00-12:00", "column 1"},
		{"", ""},
	} {
		spec, err := ParseWindowSpec(c.text)
		if spec != nil {
			t.Errorf("%q: a spec came back with the error", c.text)
		}
		e := asError(t, err)
		if e.Domain != "maint-window-spec-error-quark" || e.Code != WindowSpecErrorParseFailed ||
			!strings.Contains(e.Message, c.column) || e.Message == "" {
			t.Errorf("%q: %s/%d %q", c.text, e.Domain, e.Code, e.Message)
		}
	}

	_, _, err = spec.NextOccurrence("Mars/Base", utc(t, "2026-01-01T00:00:00Z"))
	if e := asError(t, err); e.Domain != TimeErrorDomain || e.Code != TimeErrorZoneFailed {
		t.Errorf("unknown zone: %s/%d %q", e.Domain, e.Code, e.Message)
	}
	_, _, err = spec.NextOccurrence("Europe/Berlin", time.Time{})
	if e := asError(t, err); e.Code != TimeErrorInstantFailed {
		t.Errorf("zero instant: %v", e)
	}
}

func TestTimeHelpers(t *testing.T) {
	d, err := ParseDuration("PT1H30M")
	must(t, err)
	if d != 90*time.Minute {
		t.Errorf("ParseDuration = %v", d)
	}
	if s, err := FormatDuration(7 * 24 * time.Hour); err != nil || s != "P7D" {
		t.Errorf("FormatDuration = %q, %v", s, err)
	}
	if _, err := ParseDuration("1h"); asError(t, err).Code != TimeErrorDurationFailed {
		t.Errorf("ParseDuration(1h): %v", err)
	}

	at, err := ParseInstant("2026-03-29T03:30:00+02:00")
	must(t, err)
	if !at.Equal(utc(t, "2026-03-29T01:30:00Z")) || FormatInstant(at) != "2026-03-29T01:30:00Z" {
		t.Errorf("ParseInstant = %v", at)
	}
	if s, err := FormatLocal(at, "Europe/Berlin"); err != nil || s != "2026-03-29T03:30:00+02:00" {
		t.Errorf("FormatLocal = %q, %v", s, err)
	}
	if off, err := ZoneOffsetAt("Europe/Berlin", at); err != nil || off != 2*time.Hour {
		t.Errorf("ZoneOffsetAt = %v, %v", off, err)
	}
	if abbr, err := ZoneAbbreviationAt("Europe/Berlin", utc(t, "2026-01-01T00:00:00Z")); err != nil || abbr != "CET" {
		t.Errorf("ZoneAbbreviationAt = %q, %v", abbr, err)
	}
	must(t, CheckTimeZone("America/New_York"))
	if e := asError(t, CheckTimeZone("Mars/Base")); e.Code != TimeErrorZoneFailed {
		t.Errorf("CheckTimeZone: %v", e)
	}

	iv := Interval{utc(t, "2026-03-29T01:00:00Z"), utc(t, "2026-03-29T02:00:00Z")}
	if iv.String() != "[2026-03-29T01:00:00Z, 2026-03-29T02:00:00Z)" || iv.Duration() != time.Hour || iv.IsEmpty() {
		t.Errorf("Interval %v", iv)
	}
	if !iv.Contains(iv.Start) || iv.Contains(iv.End) {
		t.Error("Interval is not half-open")
	}
	next := Interval{iv.End, iv.End.Add(time.Hour)}
	if iv.Overlaps(next) || !iv.Overlaps(Interval{iv.Start.Add(time.Minute), iv.End}) {
		t.Error("Overlaps wrong at the boundary")
	}
}

func TestEnumNicksMatchC(t *testing.T) {
	for name, goNicks := range enumTables() {
		if c := cEnumNicks(name); !reflect.DeepEqual(c, goNicks) {
			t.Errorf("%s: Go nicks %q, C nicks %q", name, goNicks, c)
		}
	}
	if s := ConstraintServiceUnavailable.String(); s != "service-unavailable" {
		t.Errorf("String = %q", s)
	}
	if s := MachineKind(9).String(); s != "MachineKind(9)" {
		t.Errorf("String of an invalid value = %q", s)
	}

	// The text methods make the enums usable with encoding/json.
	type rec struct {
		Kind   ActivityKind
		Reason UnscheduledReason
	}
	out, err := json.Marshal(rec{ActivityKindFSMigration, UnscheduledAutoScheduleOff})
	must(t, err)
	if string(out) != `{"Kind":"fs-migration","Reason":"auto-schedule-off"}` {
		t.Errorf("json.Marshal = %s", out)
	}
	var back rec
	must(t, json.Unmarshal(out, &back))
	if back.Kind != ActivityKindFSMigration || back.Reason != UnscheduledAutoScheduleOff {
		t.Errorf("json.Unmarshal = %+v", back)
	}
	if err := json.Unmarshal([]byte(`{"Kind":"nap"}`), &back); err == nil {
		t.Error("unknown nick accepted")
	}
	if _, err := json.Marshal(rec{Kind: ActivityKind(99)}); err == nil {
		t.Error("invalid value marshalled")
	}
}
