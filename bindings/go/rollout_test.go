package maint

import (
	"errors"
	"reflect"
	"testing"
	"time"
)

// rolloutFleet builds in code the fleet of libmaint's rollout test: two
// hosts, four production VMs and a staging VM, and a rollout "r" in three
// waves (the staging machine, half the rest, the rest) with the hosts
// rebooted at the end.
func rolloutFleet(t *testing.T, coalesce bool) *Fleet {
	t.Helper()
	fleet := NewFleet()
	must(t, fleet.SetNow(utc(t, "2026-03-02T00:00:00Z")))
	policy := fleet.Policy()
	must(t, policy.SetHorizon(14*24*time.Hour))
	must(t, policy.SetSetup(5*time.Minute))
	must(t, policy.SetMinSlot(15*time.Minute))
	policy.SetCoalesceWithHostReboot(coalesce)

	for _, g := range []struct {
		name  string
		stage Stage
	}{{"hosts", StageInfrastructure}, {"cust", StageProduction}, {"stage", StageStaging}} {
		group := NewResourceGroup(g.name)
		group.SetContacts([]string{"ops@example.org"})
		group.SetTimezone("UTC")
		group.AddWindow(MustParseWindowSpec("daily 00:00-24:00"))
		must(t, group.SetNotice(time.Hour))
		group.SetStage(g.stage)
		must(t, fleet.AddGroup(group))
	}
	for _, h := range []string{"h1", "h2"} {
		must(t, fleet.AddMachine(NewMachine(h, "hosts", MachineKindHost)))
	}
	for _, m := range []struct{ name, group, host string }{
		{"vm1", "cust", "h1"}, {"vm2", "cust", "h1"}, {"vm3", "cust", "h2"},
		{"vm4", "cust", "h2"}, {"vm5", "stage", "h1"},
	} {
		vm := NewMachine(m.name, m.group, MachineKindVM)
		vm.SetHost(m.host)
		must(t, fleet.AddMachine(vm))
	}
	pair := NewService("pair")
	pair.SetMembers([]string{"vm1", "vm3"})
	must(t, fleet.AddService(pair))

	r := NewRollout("r")
	must(t, r.SetStagingLead(24*time.Hour))
	must(t, r.SetHostReboots(Interval{utc(t, "2026-03-07T00:00:00Z"), utc(t, "2026-03-07T12:00:00Z")}))
	r.SetTemplateKind(ActivityKindSystemUpdate)
	must(t, r.SetTemplateEstimate(20*time.Minute))
	r.SetTemplateReboot(RebootWarm)
	r.SetTemplateSummary("spring update")

	staging := NewWave("staging")
	staging.SetSelectStage(StageStaging)
	must(t, staging.SetFrom(utc(t, "2026-03-02T06:00:00Z")))
	must(t, staging.SetUntil(utc(t, "2026-03-03T00:00:00Z")))
	r.AddWave(staging)
	for _, w := range []struct {
		name        string
		share       float64
		from, until string
	}{
		{"first", 0.5, "2026-03-04T00:00:00Z", "2026-03-05T00:00:00Z"},
		{"rest", 1, "2026-03-05T00:00:00Z", "2026-03-06T00:00:00Z"},
	} {
		wave := NewWave(w.name)
		must(t, wave.SetShare(w.share))
		must(t, wave.SetFrom(utc(t, w.from)))
		must(t, wave.SetUntil(utc(t, w.until)))
		r.AddWave(wave)
	}
	must(t, fleet.AddRollout(r))
	must(t, fleet.Validate())
	return fleet
}

func TestRolloutModel(t *testing.T) {
	fleet := rolloutFleet(t, false)

	rollouts := fleet.Rollouts()
	if len(rollouts) != 1 || rollouts[0].Name() != "r" {
		t.Fatalf("Rollouts() = %v", rollouts)
	}
	r := fleet.Rollout("r")
	if r == nil || fleet.Rollout("nope") != nil {
		t.Fatal("Rollout lookup wrong")
	}
	if r.StagingLead() != 24*time.Hour || r.TemplateKind() != ActivityKindSystemUpdate ||
		r.TemplateEstimate() != 20*time.Minute || r.TemplateReboot() != RebootWarm ||
		r.TemplatePriority() != PriorityNormal || r.TemplateSummary() != "spring update" ||
		r.HostRebootEstimate() != 30*time.Minute || r.HaltAfterFailures() != 0 {
		t.Errorf("rollout read back wrong")
	}
	if iv, ok := r.HostReboots(); !ok || !iv.Start.Equal(utc(t, "2026-03-07T00:00:00Z")) || iv.Duration() != 12*time.Hour {
		t.Errorf("HostReboots = %v, %v", iv, ok)
	}
	waves := r.Waves()
	var names []string
	for _, w := range waves {
		names = append(names, w.Name())
	}
	if !reflect.DeepEqual(names, []string{"staging", "first", "rest"}) {
		t.Fatalf("waves %q", names)
	}
	if waves[0].SelectStage() != StageStaging || waves[0].Share() != 0 || waves[1].Share() != 0.5 ||
		!waves[1].From().Equal(utc(t, "2026-03-04T00:00:00Z")) || !waves[2].Until().Equal(utc(t, "2026-03-06T00:00:00Z")) {
		t.Error("waves read back wrong")
	}
	if _, ok := waves[0].SelectKind(); ok {
		t.Error("the staging wave selects by kind")
	}

	// Wrappers share the C objects: a change through one is in the fleet.
	r.SetHaltAfterFailures(3)
	waves[0].SetSelectRepresentative(true)
	if fleet.Rollout("r").HaltAfterFailures() != 3 || !fleet.Rollout("r").Waves()[0].SelectRepresentative() {
		t.Error("changes through wrappers not seen by the fleet")
	}
	waves[0].SetSelectRepresentative(false)
	waves[0].SetSelectKind(MachineKindVM)
	if k, ok := fleet.Rollout("r").Waves()[0].SelectKind(); !ok || k != MachineKindVM {
		t.Errorf("SelectKind = %v, %v", k, ok)
	}
	waves[0].UnsetSelectKind()
	if _, ok := waves[0].SelectKind(); ok {
		t.Error("UnsetSelectKind did not unset")
	}

	// The rollout survives a round trip through JSON.
	back, err := ParseFleet(fleet.Bytes())
	must(t, err)
	if !back.Equal(fleet) || !back.Rollout("r").Equal(r) || !back.Rollout("r").Waves()[1].Equal(waves[1]) {
		t.Error("fleet with a rollout differs after a round trip")
	}
	if back.Rollout("r").Waves()[1].Equal(waves[2]) {
		t.Error("different waves compare equal")
	}

	// Errors: duplicates, values out of range.
	err = fleet.AddRollout(NewRollout("r"))
	if !errors.Is(err, &Error{Domain: FleetErrorDomain, Code: FleetErrorDuplicateFailed}) {
		t.Errorf("duplicate rollout: %v", err)
	}
	for _, share := range []float64{-0.1, 1.5} {
		if e := asError(t, waves[1].SetShare(share)); e.Code != FleetErrorInvalidFailed {
			t.Errorf("share %g: %v", share, e)
		}
	}
	if waves[1].Share() != 0.5 {
		t.Error("a refused share changed the wave")
	}
	if e := asError(t, r.SetHostRebootEstimate(0)); e.Code != TimeErrorDurationFailed {
		t.Errorf("zero host reboot estimate: %v", e)
	}
	r.ClearHostReboots()
	if _, ok := r.HostReboots(); ok {
		t.Error("ClearHostReboots did not clear")
	}
	// A wave with both a selection and a share does not validate.
	waves[1].SetSelectStage(StageProduction)
	if e := asError(t, fleet.Validate()); e.Code != FleetErrorInvalidFailed {
		t.Errorf("wave with selection and share: %v", e)
	}
}

func TestRolloutPlanned(t *testing.T) {
	fleet := rolloutFleet(t, false)
	plan := planFleet(t, fleet)
	if len(plan.Unscheduled()) != 0 {
		t.Fatalf("unscheduled: %v", plan.Unscheduled())
	}
	waves := map[string]*Wave{}
	for _, w := range fleet.Rollout("r").Waves() {
		waves[w.Name()] = w
	}
	hostReboots, _ := fleet.Rollout("r").HostReboots()
	count := map[string]int{}
	var lastGuestEnd time.Time
	for _, s := range plan.Slots() {
		if s.Rollout != "r" {
			t.Errorf("slot of %s not in the rollout: %+v", s.Machine, s)
		}
		m := fleet.Machine(s.Machine)
		if m.Kind() == MachineKindHost {
			if s.Wave != "" || s.Start.Before(hostReboots.Start) || s.End.After(hostReboots.End) {
				t.Errorf("host slot %+v outside the host reboots %v", s, hostReboots)
			}
			count["host"]++
			continue
		}
		w := waves[s.Wave]
		if w == nil {
			t.Fatalf("guest slot %+v has no wave of the rollout", s)
		}
		if s.Start.Before(w.From()) || s.End.After(w.Until()) {
			t.Errorf("slot of %s at %v–%v outside wave %s", s.Machine, s.Start, s.End, s.Wave)
		}
		if s.Machine == "vm5" && s.Wave != "staging" {
			t.Errorf("the staging VM is in wave %s", s.Wave)
		}
		if !reflect.DeepEqual(s.Activities, []string{"r/" + s.Machine}) {
			t.Errorf("slot of %s holds %q", s.Machine, s.Activities)
		}
		if s.End.After(lastGuestEnd) {
			lastGuestEnd = s.End
		}
		count[s.Wave]++
	}
	if !reflect.DeepEqual(count, map[string]int{"staging": 1, "first": 2, "rest": 2, "host": 2}) {
		t.Errorf("slots per wave: %v", count)
	}
	slotVM1, _ := plan.SlotFor("r/vm1")
	slotVM3, _ := plan.SlotFor("r/vm3")
	if slotVM1.Wave == "" || slotVM1.Wave == slotVM3.Wave {
		t.Errorf("the service pair is not spread over waves: %q %q", slotVM1.Wave, slotVM3.Wave)
	}
	// Without absorption, each guest is down for its host's reboot too,
	// and that downtime absorbs none of its activities.
	downtime := plan.HostDowntime()
	if len(downtime) != 5 {
		t.Fatalf("%d host downtimes, want 5", len(downtime))
	}
	for _, d := range downtime {
		if len(d.Activities) != 0 || d.Start.Before(lastGuestEnd) {
			t.Errorf("downtime %+v", d)
		}
	}
}

func TestRolloutAbsorbedInHostReboots(t *testing.T) {
	fleet := rolloutFleet(t, true)
	plan := planFleet(t, fleet)
	// vm1..vm4 are updated in their hosts' reboots; the staging vm5 in
	// its wave.
	if n := len(plan.Slots()); n != 3 {
		t.Errorf("%d slots, want the two hosts and vm5", n)
	}
	downtime := plan.HostDowntime()
	if len(downtime) != 5 {
		t.Fatalf("%d host downtimes, want 5", len(downtime))
	}
	for _, d := range downtime {
		var want []string
		if d.Guest != "vm5" {
			want = []string{"r/" + d.Guest}
		}
		if !reflect.DeepEqual(d.Activities, want) {
			t.Errorf("downtime of %s absorbs %q, want %q", d.Guest, d.Activities, want)
		}
	}
	if plan.Stats().RebootsSaved != 4 {
		t.Errorf("%d reboots saved, want 4", plan.Stats().RebootsSaved)
	}
	// The absorbed activities survive the plan's JSON.
	back, err := ParsePlan(plan.JSON())
	must(t, err)
	if !reflect.DeepEqual(back.HostDowntime(), downtime) {
		t.Errorf("host downtime after a round trip: %+v", back.HostDowntime())
	}
}

// The activities a plan names resolve to the rollout's template (a VM) or
// to the host reboot (a host), as in C.
func TestResolveGeneratedActivity(t *testing.T) {
	fleet := rolloutFleet(t, false)
	vm := fleet.ResolveActivity("r/vm1")
	if vm == nil {
		t.Fatal("r/vm1 did not resolve")
	}
	if fleet.Activity("r/vm1") != nil {
		t.Error("the generated activity is not the fleet's own")
	}
	if vm.ID() != "r/vm1" || vm.Machine() != "vm1" || vm.Rollout() != "r" ||
		vm.Kind() != ActivityKindSystemUpdate || vm.Summary() != "spring update" {
		t.Errorf("r/vm1 = %q %q %q %v %q", vm.ID(), vm.Machine(), vm.Rollout(), vm.Kind(), vm.Summary())
	}
	host := fleet.ResolveActivity("r/h1")
	if host == nil || host.Kind() != ActivityKindHostReboot || host.Summary() != "Host reboot" {
		t.Errorf("r/h1 = %v", host)
	}
	direct := fleet.Rollout("r").NewActivity(fleet.Machine("vm2"))
	if direct.ID() != "r/vm2" || direct.Summary() != "spring update" {
		t.Errorf("NewActivity = %q %q", direct.ID(), direct.Summary())
	}
	for _, id := range []string{"x/vm1", "r/nope", "r", "r/"} {
		if a := fleet.ResolveActivity(id); a != nil {
			t.Errorf("%q resolved to %q", id, a.ID())
		}
	}
}

// Recording announced slots: the generated activities become fleet
// activities pinned to their slots, and the next plan keeps them.
func TestAnnounceAndReplan(t *testing.T) {
	fleet := rolloutFleet(t, false)
	plan := planFleet(t, fleet)
	n, err := plan.Announce(fleet, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(plan.Slots()) {
		t.Errorf("pinned %d activities, want one per slot (%d)", n, len(plan.Slots()))
	}
	rec := fleet.Activity("r/vm1")
	if rec == nil || rec.Rollout() != "r" {
		t.Fatalf("r/vm1 was not recorded: %v", rec)
	}
	again := planFleet(t, fleet)
	for _, s := range plan.Slots() {
		kept, ok := again.SlotFor(s.Activities[0])
		if !ok || !kept.Pinned || !kept.Start.Equal(s.Start) || !kept.End.Equal(s.End) || kept.Wave != s.Wave {
			t.Errorf("slot %+v became %+v", s, kept)
		}
	}
	if n, err := again.Announce(fleet, time.Time{}); err != nil || n != 0 {
		t.Errorf("announcing again pinned %d (%v)", n, err)
	}
	empty := NewFleet()
	if _, err := plan.Announce(empty, time.Time{}); err == nil {
		t.Error("announcing into a fleet without the activities succeeded")
	} else if e, ok := err.(*Error); !ok || e.Code != PlanErrorReferenceFailed {
		t.Errorf("error %v", err)
	}
}
