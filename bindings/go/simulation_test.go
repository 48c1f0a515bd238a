package maint

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// slotsOfWave returns the slots of a wave, in plan order.
func slotsOfWave(plan *Plan, wave string) []Slot {
	var out []Slot
	for _, s := range plan.Slots() {
		if s.Wave == wave {
			out = append(out, s)
		}
	}
	return out
}

func checkVerified(t *testing.T, sim *Simulation) {
	t.Helper()
	for _, v := range sim.Verify() {
		t.Errorf("violation: %v", v)
	}
}

// One failure in wave "first" with HaltAfterFailures 1: "rest" and the
// host reboots are halted, the rest of "first" continues.
func TestSimulationHalt(t *testing.T) {
	ctx := context.Background()
	fleet := rolloutFleet(t, false)
	fleet.Rollout("r").SetHaltAfterFailures(1)
	sim, err := NewSimulation(fleet, time.Time{})
	must(t, err)
	if !sim.Now().Equal(utc(t, "2026-03-02T00:00:00Z")) || sim.Plan() != nil {
		t.Fatalf("new simulation: now %v, plan %v", sim.Now(), sim.Plan())
	}
	plan, err := sim.Replan(ctx)
	must(t, err)
	checkVerified(t, sim)
	first, rest := slotsOfWave(plan, "first"), slotsOfWave(plan, "rest")
	if len(first) != 2 || len(rest) != 2 {
		t.Fatalf("waves: first %v, rest %v", first, rest)
	}
	failing, other := first[0].Activities[0], first[1].Activities[0]
	must(t, sim.SetOutcome(failing, OutcomeFailure))

	must(t, sim.Advance(ctx, first[0].End.Add(time.Hour)))
	checkVerified(t, sim)
	if !sim.Halted("r") || sim.Failures("r") != 1 {
		t.Fatalf("halted %v after %d failures", sim.Halted("r"), sim.Failures("r"))
	}
	if sim.ActivityState(failing) != ActivityFailed || sim.ActivityState(other) != ActivitySucceeded {
		t.Errorf("first wave: %v %v", sim.ActivityState(failing), sim.ActivityState(other))
	}
	unscheduled := map[string]Unscheduled{}
	for _, u := range sim.Plan().Unscheduled() {
		unscheduled[u.Activity] = u
	}
	halted := []string{rest[0].Activities[0], rest[1].Activities[0], "r/h1", "r/h2"}
	for _, id := range halted {
		u, ok := unscheduled[id]
		if sim.ActivityState(id) != ActivityHalted || !ok || u.Reason != UnscheduledRollout ||
			!strings.Contains(u.Detail, "halted after 1 failures (halt_after_failures 1)") {
			t.Errorf("%s: %v, unscheduled %v", id, sim.ActivityState(id), u)
		}
	}
	var ran, halts int
	for _, e := range sim.Events() {
		switch e.Kind {
		case EventRan:
			if e.Activity == failing && (e.Outcome != OutcomeFailure || !e.At.Equal(first[0].End)) {
				t.Errorf("ran: %v", e)
			}
			ran++
		case EventHalted:
			if !e.At.Equal(first[0].End) || e.Rollout != "r" {
				t.Errorf("halted: %v", e)
			}
			halts++
		}
	}
	if ran != 3 || halts != len(halted) { // vm5 in staging, both of "first"
		t.Errorf("%d ran, %d halted", ran, halts)
	}
	// the fleet's activities stay as they were; the copy is the simulation's
	if sim.Fleet() == nil || len(sim.Fleet().Rollouts()) != 1 {
		t.Error("simulation fleet")
	}
}

// A postponed activity gets a new slot after a new notice, in its wave.
func TestSimulationPostponed(t *testing.T) {
	ctx := context.Background()
	sim, err := NewSimulation(rolloutFleet(t, false), time.Time{})
	must(t, err)
	plan, err := sim.Replan(ctx)
	must(t, err)
	slot := slotsOfWave(plan, "first")[0]
	id := slot.Activities[0]
	must(t, sim.SetOutcome(id, OutcomePostponed))
	must(t, sim.Advance(ctx, slot.End))
	checkVerified(t, sim)
	again, ok := sim.Plan().SlotFor(id)
	if !ok || again.Pinned || again.Start.Before(slot.End.Add(time.Hour)) || again.Wave != "first" {
		t.Fatalf("postponed %s: %v, %v", id, again, ok)
	}
	if sim.ActivityState(id) != ActivityPending {
		t.Errorf("state %v", sim.ActivityState(id))
	}
	must(t, sim.Advance(ctx, again.End))
	if sim.ActivityState(id) != ActivitySucceeded {
		t.Errorf("state %v after its new slot", sim.ActivityState(id))
	}
}

func TestSimulationErrors(t *testing.T) {
	ctx := context.Background()
	sim, err := NewSimulation(rolloutFleet(t, false), time.Time{})
	must(t, err)
	now := sim.Now()

	err = sim.Advance(ctx, now.Add(-time.Second))
	if e := asError(t, err); e.Domain != SimulationErrorDomain || e.Code != SimulationErrorClockFailed {
		t.Errorf("advance backwards: %v", err)
	}
	if !errors.Is(err, &Error{Domain: SimulationErrorDomain, Code: SimulationErrorClockFailed}) {
		t.Error("errors.Is does not match the code")
	}
	err = sim.SetOutcome("r/nope", OutcomeFailure)
	if e := asError(t, err); e.Code != SimulationErrorUnknownFailed {
		t.Errorf("unknown activity: %v", err)
	}

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	err = sim.Advance(cancelled, now.Add(24*time.Hour))
	if e := asError(t, err); e.Domain != IOErrorDomain || e.Code != IOErrorCancelled || !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	if !sim.Now().Equal(now) || len(sim.Events()) != 0 {
		t.Error("a failed advance changed the simulation")
	}

	timeless := rolloutFleet(t, false)
	must(t, timeless.SetNow(time.Time{}))
	if _, err := NewSimulation(timeless, time.Time{}); asError(t, err).Code != SimulationErrorInvalidFailed {
		t.Errorf("no now: %v", err)
	}
}
