package maint

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// examplesDir finds examples/ of the source tree: $MAINT_EXAMPLES_DIR (set
// by the meson test), or relative to this package's directory.
func examplesDir() string {
	if dir := os.Getenv("MAINT_EXAMPLES_DIR"); dir != "" {
		return dir
	}
	return filepath.Join("..", "..", "examples")
}

// utc parses an RFC 3339 instant for the tests.
func utc(t *testing.T, text string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, text)
	if err != nil {
		t.Fatal(err)
	}
	return v.UTC()
}

// must fails the test on an error.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
}

// asError unwraps err to *Error or fails the test.
func asError(t *testing.T, err error) *Error {
	t.Helper()
	if err == nil {
		t.Fatal("expected an error, got nil")
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not a *maint.Error", err, err)
	}
	return e
}

func TestLoadExampleFleet(t *testing.T) {
	path := filepath.Join(examplesDir(), "fleets", "gocept.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("example fleet missing: %v", err)
	}
	// The file's own view of itself, read with encoding/json, to compare
	// the binding's getters with.
	var doc struct {
		Format         string
		Now            string
		ResourceGroups []struct {
			Name     string
			Contacts []string
			Timezone string
			Locale   string
			Windows  []string
			Notice   string
			Stage    string
		} `json:"resource_groups"`
		Machines []struct {
			Name     string
			Group    string
			Kind     string
			Host     string
			BootedAt string `json:"booted_at"`
		}
		Services   []struct{ Name string }
		Activities []struct {
			ID      string
			Machine string
			Kind    string
		}
	}
	must(t, json.Unmarshal(raw, &doc))

	fleet, err := LoadFleet(path)
	must(t, err)
	must(t, fleet.Validate())

	if doc.Now != "" && !fleet.Now().Equal(utc(t, doc.Now)) {
		t.Errorf("Now() = %v, file says %s", fleet.Now(), doc.Now)
	}
	groups := fleet.Groups()
	if len(groups) != len(doc.ResourceGroups) || len(groups) == 0 {
		t.Fatalf("%d groups, file has %d", len(groups), len(doc.ResourceGroups))
	}
	for i, g := range groups {
		want := doc.ResourceGroups[i]
		if g.Name() != want.Name || g.Timezone() != want.Timezone {
			t.Errorf("group %d = %s in %s, want %s in %s", i, g.Name(), g.Timezone(), want.Name, want.Timezone)
		}
		if !reflect.DeepEqual(g.Contacts(), want.Contacts) {
			t.Errorf("group %s contacts %q, want %q", g.Name(), g.Contacts(), want.Contacts)
		}
		if want.Locale != "" && g.Locale() != want.Locale {
			t.Errorf("group %s locale %q, want %q", g.Name(), g.Locale(), want.Locale)
		}
		var specs []string
		for _, w := range g.Windows() {
			specs = append(specs, w.String())
		}
		if !reflect.DeepEqual(specs, want.Windows) {
			t.Errorf("group %s windows %q, want %q", g.Name(), specs, want.Windows)
		}
		if want.Notice != "" {
			notice, err := ParseDuration(want.Notice)
			must(t, err)
			if g.Notice() != notice {
				t.Errorf("group %s notice %v, want %v", g.Name(), g.Notice(), notice)
			}
		}
		if want.Stage != "" && g.Stage().String() != want.Stage {
			t.Errorf("group %s stage %v, want %s", g.Name(), g.Stage(), want.Stage)
		}
		if same := fleet.Group(g.Name()); same == nil || !same.Equal(g) {
			t.Errorf("Group(%q) does not find the group", g.Name())
		}
	}

	machines := fleet.Machines()
	if len(machines) != len(doc.Machines) {
		t.Fatalf("%d machines, file has %d", len(machines), len(doc.Machines))
	}
	for i, m := range machines {
		want := doc.Machines[i]
		if m.Name() != want.Name || m.Group() != want.Group || m.Kind().String() != want.Kind ||
			m.Host() != want.Host {
			t.Errorf("machine %d = %s/%s/%v/%q, want %s/%s/%s/%q", i,
				m.Name(), m.Group(), m.Kind(), m.Host(), want.Name, want.Group, want.Kind, want.Host)
		}
		if want.BootedAt != "" && !m.BootedAt().Equal(utc(t, want.BootedAt)) {
			t.Errorf("machine %s booted at %v, want %s", m.Name(), m.BootedAt(), want.BootedAt)
		}
		if fleet.Group(m.Group()) == nil {
			t.Errorf("machine %s: group %s not found", m.Name(), m.Group())
		}
	}
	if fleet.Machine("no-such-machine") != nil {
		t.Error("Machine() of an unknown name is not nil")
	}

	if n := len(fleet.Services()); n != len(doc.Services) {
		t.Errorf("%d services, file has %d", n, len(doc.Services))
	}
	activities := fleet.Activities()
	if len(activities) != len(doc.Activities) {
		t.Fatalf("%d activities, file has %d", len(activities), len(doc.Activities))
	}
	for i, a := range activities {
		want := doc.Activities[i]
		if a.ID() != want.ID || a.Machine() != want.Machine || a.Kind().String() != want.Kind {
			t.Errorf("activity %d = %s/%s/%v, want %s/%s/%s", i, a.ID(), a.Machine(), a.Kind(),
				want.ID, want.Machine, want.Kind)
		}
		if fleet.Activity(a.ID()) == nil {
			t.Errorf("Activity(%q) not found", a.ID())
		}
	}

	// Writing and reading back gives the same fleet.
	again, err := ParseFleet(fleet.Bytes())
	must(t, err)
	if !again.Equal(fleet) {
		t.Error("fleet read back from Bytes() differs")
	}
}

// buildFleet makes a small fleet in code: one group with a nightly window,
// a host with two VMs forming a database service, and a third VM with
// auto-scheduling off.
func buildFleet(t *testing.T) *Fleet {
	t.Helper()
	fleet := NewFleet()
	must(t, fleet.SetNow(utc(t, "2026-03-02T12:00:00Z")))

	policy := fleet.Policy()
	must(t, policy.SetHorizon(14*24*time.Hour))
	must(t, policy.SetSetup(5*time.Minute))
	must(t, policy.SetMinSlot(15*time.Minute))
	policy.SetMaxConcurrent(10)
	policy.SetMaxConcurrentPerHost(2)

	group := NewResourceGroup("acme")
	group.SetContacts([]string{"ops@acme.example"})
	group.SetTimezone("Europe/Berlin")
	group.SetLocale("en")
	group.AddWindow(MustParseWindowSpec("daily 22:00-02:00"))
	must(t, group.SetNotice(24*time.Hour))
	group.SetStage(StageProduction)
	must(t, group.AddBlackout(Interval{
		Start: utc(t, "2026-03-03T21:00:00Z"),
		End:   utc(t, "2026-03-04T01:00:00Z"),
	}))
	must(t, fleet.AddGroup(group))

	host := NewMachine("kvm1", "acme", MachineKindHost)
	must(t, fleet.AddMachine(host))
	for _, name := range []string{"db1", "db2", "web1"} {
		vm := NewMachine(name, "acme", MachineKindVM)
		vm.SetHost("kvm1")
		must(t, vm.SetBootedAt(utc(t, "2026-01-10T08:00:00Z")))
		if name == "web1" {
			vm.SetAutoSchedule(false)
		}
		must(t, fleet.AddMachine(vm))
	}

	service := NewService("acme-db")
	service.SetMembers([]string{"db1", "db2"})
	service.SetMaxUnavailable(1)
	must(t, service.SetSpacing(time.Hour))
	service.SetOrder([]string{"db2", "db1"})
	must(t, fleet.AddService(service))

	for _, a := range []struct {
		id, machine string
		kind        ActivityKind
		estimate    time.Duration
		reboot      RebootKind
	}{
		{"a1", "db1", ActivityKindKernelUpdate, 20 * time.Minute, RebootWarm},
		{"a2", "db2", ActivityKindMemoryResize, 10 * time.Minute, RebootCold},
		{"a3", "db1", ActivityKindFSCheck, 30 * time.Minute, RebootCold},
		{"a4", "web1", ActivityKindCPUChange, 10 * time.Minute, RebootCold},
	} {
		act := NewActivity(a.id, a.machine, a.kind)
		act.SetSummary("test " + a.id)
		must(t, act.SetEstimate(a.estimate))
		act.SetReboot(a.reboot)
		must(t, fleet.AddActivity(act))
	}
	return fleet
}

func TestBuildFleet(t *testing.T) {
	fleet := buildFleet(t)
	must(t, fleet.Validate())

	// Getters see what the setters set, through the fleet's own objects.
	g := fleet.Group("acme")
	if g == nil || g.Timezone() != "Europe/Berlin" || g.Notice() != 24*time.Hour ||
		g.Stage() != StageProduction || g.Locale() != "en" ||
		!reflect.DeepEqual(g.Contacts(), []string{"ops@acme.example"}) {
		t.Fatalf("group read back wrong: %+v", g)
	}
	if w := g.Windows(); len(w) != 1 || w[0].String() != "daily 22:00-02:00" {
		t.Errorf("windows = %v", w)
	}
	if b := g.Blackouts(); len(b) != 1 || b[0].Duration() != 4*time.Hour {
		t.Errorf("blackouts = %v", b)
	}
	db1 := fleet.Machine("db1")
	if db1.Host() != "kvm1" || db1.Kind() != MachineKindVM || !db1.AutoSchedule() ||
		!db1.BootedAt().Equal(utc(t, "2026-01-10T08:00:00Z")) {
		t.Errorf("db1 read back wrong")
	}
	if fleet.Machine("web1").AutoSchedule() {
		t.Error("web1 auto_schedule should be off")
	}
	if fleet.MachineStage(db1) != StageProduction || db1.Stage() != StageNone {
		t.Errorf("stage: own %v, effective %v", db1.Stage(), fleet.MachineStage(db1))
	}
	s := fleet.Service("acme-db")
	if !reflect.DeepEqual(s.Members(), []string{"db1", "db2"}) ||
		!reflect.DeepEqual(s.Order(), []string{"db2", "db1"}) || s.Spacing() != time.Hour {
		t.Errorf("service read back wrong: %v %v %v", s.Members(), s.Order(), s.Spacing())
	}
	a2 := fleet.Activity("a2")
	if a2.Estimate() != 10*time.Minute || a2.Reboot() != RebootCold || a2.Kind() != ActivityKindMemoryResize ||
		a2.Summary() != "test a2" || a2.Priority() != PriorityNormal {
		t.Errorf("a2 read back wrong")
	}
	if p := fleet.Policy(); p.Horizon() != 14*24*time.Hour || p.MaxConcurrentPerHost() != 2 {
		t.Errorf("policy read back wrong")
	}

	// A wrapper shares its C object with the fleet.
	fleet.Machine("db2").SetRepresentative(true)
	if !fleet.Machine("db2").Representative() {
		t.Error("change through a wrapper is not seen by the fleet")
	}

	// Round trip through a file and through bytes.
	path := filepath.Join(t.TempDir(), "fleet.json")
	must(t, fleet.Save(path))
	loaded, err := LoadFleet(path)
	must(t, err)
	if !loaded.Equal(fleet) {
		t.Error("fleet saved and loaded differs")
	}
	if !bytes.Contains(fleet.Bytes(), []byte(`"format": "`+FleetFormat+`"`)) {
		t.Errorf("Bytes() lacks the format: %s", fleet.Bytes())
	}

	// Duplicates are refused with their code.
	err = fleet.AddGroup(NewResourceGroup("acme"))
	if e := asError(t, err); e.Domain != FleetErrorDomain || e.Code != FleetErrorDuplicateFailed {
		t.Errorf("duplicate group: %s/%d %q", e.Domain, e.Code, e.Message)
	}
	if !errors.Is(err, &Error{Domain: FleetErrorDomain, Code: FleetErrorDuplicateFailed}) {
		t.Error("errors.Is does not match domain and code")
	}
	if errors.Is(err, &Error{Domain: FleetErrorDomain, Code: FleetErrorIOFailed}) {
		t.Error("errors.Is matches another code")
	}

	// Values out of libmaint's range are errors, and change nothing.
	if e := asError(t, g.SetNotice(-time.Second)); e.Domain != TimeErrorDomain || e.Code != TimeErrorDurationFailed {
		t.Errorf("negative notice: %v", e)
	}
	if e := asError(t, g.SetNotice(3661*24*time.Hour)); e.Code != TimeErrorDurationFailed {
		t.Errorf("long notice: %v", e)
	}
	if g.Notice() != 24*time.Hour {
		t.Error("a refused notice changed the group")
	}
	if e := asError(t, db1.SetBootedAt(utc(t, "1969-12-31T00:00:00Z"))); e.Code != TimeErrorInstantFailed {
		t.Errorf("1969 boot: %v", e)
	}
	must(t, db1.SetBootedAt(time.Time{}))
	if !db1.BootedAt().IsZero() {
		t.Error("zero Time does not unset booted_at")
	}
}

func TestBadFleetErrors(t *testing.T) {
	cases := []struct {
		name   string
		doc    string
		code   int
		prefix string
	}{
		{"unknown group", `{"format": "libmaint-fleet/1",
		  "resource_groups": [{"name": "g", "contacts": ["a@b.example"], "timezone": "Europe/Berlin",
		                       "windows": ["daily 22:00-02:00"], "notice": "PT1H"}],
		  "machines": [{"name": "m1", "group": "g", "kind": "infrastructure"},
		               {"name": "m2", "group": "acme", "kind": "infrastructure"}]}`,
			FleetErrorReferenceFailed, `machines[1].group: `},
		{"unknown zone", `{"format": "libmaint-fleet/1",
		  "resource_groups": [{"name": "g", "contacts": ["a@b.example"], "timezone": "Mars/Base",
		                       "windows": ["daily 22:00-02:00"], "notice": "PT1H"}]}`,
			FleetErrorInvalidFailed, `resource_groups[0].timezone: `},
		{"bad window", `{"format": "libmaint-fleet/1",
		  "resource_groups": [{"name": "g", "contacts": ["a@b.example"], "timezone": "Europe/Berlin",
		                       "windows": ["daily 22:00-02:00", "tue 25:00-26:00"], "notice": "PT1H"}]}`,
			FleetErrorInvalidFailed, `resource_groups[0].windows[1]: `},
		{"unknown format", `{"format": "libmaint-fleet/9"}`, FleetErrorFormatFailed, `format: `},
		{"not JSON", `{"format": `, FleetErrorParseFailed, ``},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fleet, err := ParseFleet([]byte(c.doc))
			if fleet != nil {
				t.Error("a fleet came back with the error")
			}
			e := asError(t, err)
			if e.Domain != "maint-fleet-error-quark" || e.Code != c.code {
				t.Errorf("got %s/%d %q, want %s/%d", e.Domain, e.Code, e.Message, FleetErrorDomain, c.code)
			}
			if !strings.HasPrefix(e.Message, c.prefix) || len(e.Message) <= len(c.prefix) {
				t.Errorf("message %q does not start with the path %q", e.Message, c.prefix)
			}
			if e.Error() != e.Message {
				t.Errorf("Error() = %q, Message = %q", e.Error(), e.Message)
			}
		})
	}

	_, err := LoadFleet(filepath.Join(t.TempDir(), "missing.json"))
	if e := asError(t, err); e.Domain != FleetErrorDomain || e.Code != FleetErrorIOFailed {
		t.Errorf("missing file: %s/%d %q", e.Domain, e.Code, e.Message)
	}
	_, err = LoadFleet("bad\x00name.json")
	if e := asError(t, err); e.Code != FleetErrorIOFailed {
		t.Errorf("NUL in a file name: %v", e)
	}

	// A fleet built in code is validated with the same paths.
	fleet := buildFleet(t)
	fleet.Machine("db2").SetGroup("nobody")
	e := asError(t, fleet.Validate())
	if e.Domain != FleetErrorDomain || e.Code != FleetErrorReferenceFailed ||
		!strings.HasPrefix(e.Message, "machines[2].group: ") {
		t.Errorf("Validate: %s/%d %q", e.Domain, e.Code, e.Message)
	}
	_, err = NewScheduler(fleet).Run(context.Background())
	if e := asError(t, err); e.Domain != SchedulerErrorDomain || e.Code != SchedulerErrorInvalidFailed {
		t.Errorf("Run on an invalid fleet: %s/%d %q", e.Domain, e.Code, e.Message)
	}
}

func TestStringsWithNULPanic(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic for a name with a NUL byte")
		}
	}()
	NewResourceGroup("a\x00b")
}

func TestInvalidEnumPanics(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "MachineKind(7)") {
			t.Errorf("recovered %v, want a panic naming MachineKind(7)", r)
		}
	}()
	NewMachine("m", "g", MachineKind(7))
}

func TestZeroWrapperPanicsClearly(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "NewFleet") {
			t.Errorf("recovered %v, want a panic pointing at NewFleet", r)
		}
	}()
	var f Fleet
	f.Validate()
}
