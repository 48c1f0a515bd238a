package maint

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestSchedulerAndVerify(t *testing.T) {
	fleet := buildFleet(t)
	now := fleet.Now()
	sched := NewScheduler(fleet)
	plan, err := sched.Run(context.Background())
	must(t, err)

	if !plan.Now().Equal(now) {
		t.Errorf("plan.Now() = %v, want %v", plan.Now(), now)
	}
	if v := Verify(fleet, plan); len(v) != 0 {
		t.Fatalf("the scheduler's own plan breaks constraints: %v", v)
	}

	// web1 has auto-scheduling off, so a4 cannot be placed.
	un := plan.Unscheduled()
	if len(un) != 1 || un[0].Activity != "a4" || un[0].Machine != "web1" ||
		un[0].Reason != UnscheduledAutoScheduleOff || un[0].Detail == "" {
		t.Errorf("Unscheduled = %+v", un)
	}

	slots := plan.Slots()
	if len(slots) != 2 {
		t.Fatalf("Slots = %+v, want one slot for db1 and one for db2", slots)
	}
	byMachine := map[string]Slot{}
	window := MustParseWindowSpec("daily 22:00-02:00")
	for _, s := range slots {
		byMachine[s.Machine] = s
		if s.Group != "acme" || s.Pinned || s.LocalStart == "" || s.AnnounceBy.IsZero() {
			t.Errorf("slot %+v", s)
		}
		// 24 h notice, and inside one occurrence of the window.
		if s.Start.Before(now.Add(24 * time.Hour)) {
			t.Errorf("slot of %s at %v starts before the notice runs out", s.Machine, s.Start)
		}
		occ, ok, err := window.OccurrenceContaining("Europe/Berlin", s.Start)
		must(t, err)
		if !ok || s.End.After(occ.End) {
			t.Errorf("slot of %s %v is not inside a window (%v, %v)", s.Machine, Interval{s.Start, s.End}, occ, ok)
		}
		local, err := FormatLocal(s.Start, "Europe/Berlin")
		must(t, err)
		if s.LocalStart != local {
			t.Errorf("LocalStart %q, want %q", s.LocalStart, local)
		}
	}
	db1, db2 := byMachine["db1"], byMachine["db2"]
	// The window of 3 March (21:00Z) is blacked out, so the first
	// possible slot is at 22:00 CET on 4 March; db2 goes first (the
	// service's order), db1 at least an hour (the spacing) after it.
	if !db2.Start.Equal(utc(t, "2026-03-04T21:00:00Z")) {
		t.Errorf("db2 starts at %v, want 2026-03-04T21:00:00Z", db2.Start)
	}
	if db1.Start.Before(db2.End.Add(time.Hour)) {
		t.Errorf("db1 at %v is less than an hour after db2 ends at %v", db1.Start, db2.End)
	}
	// a1 (warm) and a3 (cold) share one downtime, with the cold reboot,
	// 20 + 30 minutes plus 5 minutes setup long.
	if !reflect.DeepEqual(db1.Activities, []string{"a1", "a3"}) || db1.Reboot != RebootCold ||
		db1.End.Sub(db1.Start) < 55*time.Minute {
		t.Errorf("db1 slot %+v", db1)
	}
	if s, ok := plan.SlotFor("a3"); !ok || !reflect.DeepEqual(s, db1) {
		t.Errorf("SlotFor(a3) = %+v, %v", s, ok)
	}
	if _, ok := plan.SlotFor("a4"); ok {
		t.Error("SlotFor(a4) found a slot")
	}

	counts := map[string]RebootCount{}
	for _, r := range plan.RebootCounts() {
		counts[r.Machine] = r
		if r.Total != r.Own+r.Host {
			t.Errorf("reboot count %+v does not add up", r)
		}
	}
	if counts["db1"].Own != 1 || counts["db1"].Saved != 1 {
		t.Errorf("db1 reboots %+v: two reboot activities in one slot reboot once", counts["db1"])
	}
	stats := plan.Stats()
	if stats.Scheduled != 3 || stats.Unscheduled != 1 || !stats.LatestEnd.Equal(db1.End) {
		t.Errorf("Stats = %+v", stats)
	}

	// The JSON document: format, determinism, round trip.
	doc := plan.JSON()
	if !bytes.Contains(doc, []byte(`"format": "`+PlanFormat+`"`)) || !bytes.HasSuffix(doc, []byte("}\n")) {
		t.Errorf("JSON() = %s", doc)
	}
	again, err := NewScheduler(fleet).Run(context.Background())
	must(t, err)
	if !bytes.Equal(again.JSON(), doc) {
		t.Error("two runs give different plans")
	}
	read, err := ParsePlan(doc)
	must(t, err)
	if !bytes.Equal(read.JSON(), doc) || !reflect.DeepEqual(read.Slots(), slots) {
		t.Error("plan read back from JSON differs")
	}
	if v := Verify(fleet, read); len(v) != 0 {
		t.Errorf("plan read back breaks constraints: %v", v)
	}

	// A previous plan is kept.
	sched.SetPrevious(plan)
	if sched.Previous() == nil {
		t.Fatal("Previous() is nil after SetPrevious")
	}
	stable, err := sched.Run(context.Background())
	must(t, err)
	if !reflect.DeepEqual(stable.Slots(), slots) {
		t.Errorf("with the previous plan, slots moved: %+v", stable.Slots())
	}
	sched.SetPrevious(nil)
	if sched.Previous() != nil {
		t.Error("SetPrevious(nil) does not clear")
	}

	if text := plan.Text(fleet); !strings.Contains(text, "db1") || !strings.Contains(text, "db2") {
		t.Errorf("Text() = %q", text)
	}
	explanation, err := sched.Explain("db1")
	must(t, err)
	if !strings.Contains(explanation, "db1") {
		t.Errorf("Explain(db1) = %q", explanation)
	}
	_, err = sched.Explain("nope")
	if e := asError(t, err); e.Domain != SchedulerErrorDomain || e.Code != SchedulerErrorUnknownFailed {
		t.Errorf("Explain(nope): %s/%d %q", e.Domain, e.Code, e.Message)
	}
	if sched.Fleet() == nil || !sched.Fleet().Equal(fleet) {
		t.Error("Fleet() is not the scheduler's fleet")
	}
}

func TestSchedulerNow(t *testing.T) {
	fleet := buildFleet(t)
	must(t, fleet.SetNow(time.Time{}))
	sched := NewScheduler(fleet)
	_, err := sched.Run(context.Background())
	if e := asError(t, err); e.Code != SchedulerErrorInvalidFailed {
		t.Errorf("Run without now: %s/%d %q", e.Domain, e.Code, e.Message)
	}
	later := utc(t, "2026-03-05T12:00:00Z")
	must(t, sched.SetNow(later))
	if !sched.Now().Equal(later) {
		t.Errorf("Now() = %v", sched.Now())
	}
	plan, err := sched.Run(context.Background())
	must(t, err)
	if !plan.Now().Equal(later) {
		t.Errorf("plan.Now() = %v", plan.Now())
	}
	for _, s := range plan.Slots() {
		if s.Start.Before(later.Add(24 * time.Hour)) {
			t.Errorf("slot %+v ignores the scheduler's now", s)
		}
	}
}

func TestVerifyFindsViolations(t *testing.T) {
	fleet := buildFleet(t)
	plan, err := NewPlan(fleet.Now())
	must(t, err)
	// db1's activities in the blacked-out window of 3 March; a2 and a4
	// are neither placed nor reported as unscheduled.
	must(t, plan.AddSlot(Slot{
		Machine:    "db1",
		Group:      "acme",
		Start:      utc(t, "2026-03-03T21:00:00Z"),
		End:        utc(t, "2026-03-03T22:00:00Z"),
		Activities: []string{"a1", "a3"},
		Reboot:     RebootCold,
	}))
	plan.AddRebootCount(RebootCount{Machine: "db1", Own: 1, Saved: 1})
	if c := plan.RebootCounts(); len(c) != 1 || c[0].Total != 1 {
		t.Errorf("RebootCounts = %+v", c)
	}

	found := map[Constraint][]Violation{}
	for _, v := range Verify(fleet, plan) {
		found[v.Constraint] = append(found[v.Constraint], v)
		if v.Message == "" || !strings.HasPrefix(v.String(), v.Constraint.String()+": ") {
			t.Errorf("violation %+v", v)
		}
	}
	if b := found[ConstraintBlackout]; len(b) != 1 || !reflect.DeepEqual(b[0].Machines, []string{"db1"}) ||
		!b[0].Start.Equal(utc(t, "2026-03-03T21:00:00Z")) {
		t.Errorf("blackout violations %+v", b)
	}
	var missing []string
	for _, v := range found[ConstraintCoverage] {
		missing = append(missing, v.Activities...)
	}
	if !reflect.DeepEqual(missing, []string{"a2", "a4"}) {
		t.Errorf("coverage violations name %v, want a2 and a4", missing)
	}

	// Reporting them as unscheduled, and moving the slot out of the
	// blackout, makes the plan hold.
	fixed, err := NewPlan(fleet.Now())
	must(t, err)
	must(t, fixed.AddSlot(Slot{
		Machine: "db1", Group: "acme",
		Start: utc(t, "2026-03-04T21:00:00Z"), End: utc(t, "2026-03-04T22:00:00Z"),
		Activities: []string{"a1", "a3"}, Reboot: RebootCold,
	}))
	fixed.AddUnscheduled(Unscheduled{Activity: "a2", Machine: "db2", Reason: UnscheduledCapacity, Detail: "by hand"})
	fixed.AddUnscheduled(Unscheduled{Activity: "a4", Machine: "web1", Reason: UnscheduledAutoScheduleOff})
	if v := Verify(fleet, fixed); len(v) != 0 {
		t.Errorf("fixed plan: %v", v)
	}

	// Slots with impossible instants are refused before reaching C.
	err = plan.AddSlot(Slot{Machine: "db1", Start: utc(t, "2026-03-04T22:00:00Z"), End: utc(t, "2026-03-04T21:00:00Z")})
	if e := asError(t, err); e.Code != TimeErrorInstantFailed {
		t.Errorf("reversed slot: %v", e)
	}
}

func TestLoadPlanErrors(t *testing.T) {
	empty, err := NewPlan(utc(t, "2026-03-02T12:00:00Z"))
	must(t, err)
	good := empty.JSON()
	if _, err := ParsePlan(good); err != nil {
		t.Fatalf("an empty plan does not read back: %v\n%s", err, good)
	}
	bad := bytes.Replace(good, []byte(`"slots": []`), []byte(`"slots": 7`), 1)
	if bytes.Equal(bad, good) {
		t.Fatalf("no slots member to spoil in %s", good)
	}
	_, err = ParsePlan(bad)
	e := asError(t, err)
	if e.Domain != PlanErrorDomain || e.Code != PlanErrorInvalidFailed || !strings.HasPrefix(e.Message, "slots: ") {
		t.Errorf("bad plan: %s/%d %q", e.Domain, e.Code, e.Message)
	}
	_, err = LoadPlan(t.TempDir() + "/missing.json")
	if e := asError(t, err); e.Domain != PlanErrorDomain || e.Code != PlanErrorIOFailed {
		t.Errorf("missing plan: %s/%d %q", e.Domain, e.Code, e.Message)
	}

	// Save and load.
	fleet := buildFleet(t)
	plan, err := NewScheduler(fleet).Run(context.Background())
	must(t, err)
	path := t.TempDir() + "/plan.json"
	must(t, plan.Save(path))
	loaded, err := LoadPlan(path)
	must(t, err)
	if !bytes.Equal(loaded.JSON(), plan.JSON()) {
		t.Error("saved plan loads differently")
	}
}

// cancelFleet is large enough that planning it takes a while: 500 groups
// of a host and 20 VMs, each VM with a kernel update.
func cancelFleet(t *testing.T) *Fleet {
	t.Helper()
	fleet := NewFleet()
	must(t, fleet.SetNow(utc(t, "2026-03-02T12:00:00Z")))
	fleet.Policy().SetMaxConcurrent(50)
	window := MustParseWindowSpec("daily 22:00-02:00")
	for g := 0; g < 500; g++ {
		group := NewResourceGroup(fmt.Sprintf("g%03d", g))
		group.SetContacts([]string{"ops@example.org"})
		group.SetTimezone("Europe/Berlin")
		group.AddWindow(window)
		must(t, group.SetNotice(24*time.Hour))
		must(t, fleet.AddGroup(group))
		host := fmt.Sprintf("h%03d", g)
		must(t, fleet.AddMachine(NewMachine(host, group.Name(), MachineKindHost)))
		for v := 0; v < 20; v++ {
			name := fmt.Sprintf("g%03d-vm%02d", g, v)
			vm := NewMachine(name, group.Name(), MachineKindVM)
			vm.SetHost(host)
			must(t, fleet.AddMachine(vm))
			act := NewActivity(name+"-kernel", name, ActivityKindKernelUpdate)
			must(t, act.SetEstimate(20*time.Minute))
			act.SetReboot(RebootWarm)
			must(t, fleet.AddActivity(act))
		}
	}
	return fleet
}

// checkCancelled checks that err is a cancelled run that matches want.
func checkCancelled(t *testing.T, err, want error) {
	t.Helper()
	e := asError(t, err)
	if e.Domain != IOErrorDomain || e.Code != IOErrorCancelled {
		t.Errorf("cancelled run: %s/%d %q", e.Domain, e.Code, e.Message)
	}
	if !errors.Is(err, want) {
		t.Errorf("errors.Is(%v, %v) is false", err, want)
	}
}

func TestRunCancelled(t *testing.T) {
	goroutines := runtime.NumGoroutine()

	// Cancelled before the run starts.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	plan, err := NewScheduler(buildFleet(t)).Run(ctx)
	if plan != nil {
		t.Error("a cancelled run returned a plan")
	}
	checkCancelled(t, err, context.Canceled)

	// Cancelled by a deadline while it runs.
	fleet := cancelFleet(t)
	ctx, cancel = context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	began := time.Now()
	plan, err = NewScheduler(fleet).Run(ctx)
	took := time.Since(began)
	if err == nil {
		// The run beat the deadline: only acceptable if it was quick,
		// i.e. the fleet is too small for this machine to test with.
		if took > 200*time.Millisecond {
			t.Fatalf("the run ignored the deadline: finished after %v", took)
		}
		t.Skipf("the run finished in %v, before the deadline could stop it", took)
	}
	if plan != nil {
		t.Error("a cancelled run returned a plan")
	}
	checkCancelled(t, err, context.DeadlineExceeded)

	// The fleet still plans when not cancelled.
	plan, err = NewScheduler(fleet).Run(context.Background())
	must(t, err)
	if n := plan.Stats().Scheduled; n != 10000 {
		t.Errorf("uncancelled run scheduled %d of 10000", n)
	}

	// The goroutine that watches the context is gone.
	for i := 0; i < 50 && runtime.NumGoroutine() > goroutines; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > goroutines {
		t.Errorf("%d goroutines after the runs, %d before", n, goroutines)
	}
}
