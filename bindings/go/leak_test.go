package maint

import (
	"context"
	"runtime"
	"testing"
	"time"
	"unsafe"
)

// settle runs the garbage collector until every watched GObject is
// finalized, or gives up after about a second; it returns how many are
// still alive.
func settle() int {
	for i := 0; i < 100 && watchedAlive() > 0; i++ {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	return watchedAlive()
}

// churn creates and drops fleets, plans, rollouts, notifiers, notices and
// their wrappers, watching every GObject it gets a wrapper for; it returns
// the number of wrappers made.
func churn(t *testing.T, rounds int) int {
	data := buildFleet(t).Bytes()
	rolloutData := rolloutFleet(t, false).Bytes()
	if settle() != 0 {
		t.Fatal("watched objects alive before the churn")
	}
	wrappers := 0
	watch := func(p unsafe.Pointer) {
		watchObject(p)
		wrappers++
	}
	for i := 0; i < rounds; i++ {
		fleet, err := ParseFleet(data)
		must(t, err)
		watch(unsafe.Pointer(fleet.ptr))
		for _, g := range fleet.Groups() {
			watch(unsafe.Pointer(g.ptr))
			wrappers += len(g.Windows())
		}
		for _, m := range fleet.Machines() {
			watch(unsafe.Pointer(m.ptr))
		}
		for _, s := range fleet.Services() {
			watch(unsafe.Pointer(s.ptr))
		}
		for _, a := range fleet.Activities() {
			watch(unsafe.Pointer(a.ptr))
		}
		watch(unsafe.Pointer(fleet.Policy().ptr))

		sched := NewScheduler(fleet)
		watch(unsafe.Pointer(sched.ptr))
		plan, err := sched.Run(context.Background())
		must(t, err)
		watch(unsafe.Pointer(plan.ptr))
		if len(plan.Slots()) == 0 || len(Verify(fleet, plan)) != 0 || len(plan.JSON()) == 0 {
			t.Fatal("the churned plan is not the expected one")
		}
		if _, err := sched.Explain("db1"); err != nil {
			t.Fatal(err)
		}
		sched.SetPrevious(plan)
		watch(unsafe.Pointer(sched.Previous().ptr))
		watch(unsafe.Pointer(sched.Fleet().ptr))

		// A fleet built in code, a plan made by hand, errors.
		built := buildFleet(t)
		watch(unsafe.Pointer(built.ptr))
		handmade, err := NewPlan(built.Now())
		must(t, err)
		watch(unsafe.Pointer(handmade.ptr))
		must(t, handmade.AddSlot(plan.Slots()[0]))
		_ = Verify(built, handmade)
		if _, err := ParseFleet(data[:len(data)/2]); err == nil {
			t.Fatal("half a fleet parsed")
		}
		if _, err := ParseWindowSpec("daily 25:00-26:00"); err == nil {
			t.Fatal("bad spec parsed")
		}
		spec := MustParseWindowSpec("daily 22:00-02:00")
		if _, err := spec.Occurrences("Europe/Berlin", built.Now(), built.Now().Add(7*24*time.Hour)); err != nil {
			t.Fatal(err)
		}
		wrappers++

		// The notifier, its notices and the SVG picture.
		notifier := NewNotifier(fleet, plan)
		watch(unsafe.Pointer(notifier.ptr))
		watch(unsafe.Pointer(notifier.Fleet().ptr))
		watch(unsafe.Pointer(notifier.Plan().ptr))
		notifier.SetPrevious(handmade)
		watch(unsafe.Pointer(notifier.Previous().ptr))
		notifier.SetPrevious(nil)
		notices, err := notifier.Run()
		must(t, err)
		if len(notices) == 0 {
			t.Fatal("the churned notifier made no notices")
		}
		for _, n := range notices {
			watch(unsafe.Pointer(n.ptr))
			if _, err := n.Email(); err != nil || n.MessageID() == "" || len(n.Items()) == 0 {
				t.Fatalf("churned notice: %v", err)
			}
		}
		if len(notifier.Items()) == 0 || notifier.Calendar("acme") == "" {
			t.Fatal("the churned notifier has no items")
		}
		if err := notifier.SetTemplate("de", NoticeKindSettings, "@subject\n{grop}\n@body\nx\n"); err == nil {
			t.Fatal("bad template accepted")
		}
		if _, err := plan.SVG(fleet, "Europe/Berlin", SvgGroupingHost); err != nil {
			t.Fatal(err)
		}
		if _, err := plan.SVG(fleet, "Nowhere/Else", SvgGroupingGroup); err == nil {
			t.Fatal("unknown zone drawn")
		}

		// Rollouts and waves, built and read back, and a plan with late
		// activities and findings.
		rolled, err := ParseFleet(rolloutData)
		must(t, err)
		watch(unsafe.Pointer(rolled.ptr))
		for _, r := range rolled.Rollouts() {
			watch(unsafe.Pointer(r.ptr))
			for _, w := range r.Waves() {
				watch(unsafe.Pointer(w.ptr))
			}
		}
		watch(unsafe.Pointer(rolled.Rollout("r").ptr))
		rollout := NewRollout("extra")
		watch(unsafe.Pointer(rollout.ptr))
		wave := NewWave("all")
		watch(unsafe.Pointer(wave.ptr))
		must(t, wave.SetShare(1))
		rollout.AddWave(wave)
		must(t, rolled.AddRollout(rollout))
		if err := rolled.AddRollout(NewRollout("extra")); err == nil {
			t.Fatal("duplicate rollout accepted")
		}
		must(t, handmade.AddLate(LateActivity{Activity: "a1", Machine: "db1",
			Deadline: built.Now(), End: built.Now().Add(time.Hour)}))
		handmade.AddFinding(Finding{Kind: FindingServiceOnOneHost, Machines: []string{"db1", "db2"}})
		if len(handmade.Late()) != 1 || len(handmade.Findings()) != 1 {
			t.Fatal("late activity or finding lost")
		}
		if _, err := ParsePlan(handmade.JSON()); err != nil {
			t.Fatal(err)
		}
	}
	return wrappers
}

func TestNoLeaks(t *testing.T) {
	// The check itself must be able to fail: an object with one
	// reference too many stays alive however often the GC runs.
	extra := func() unsafe.Pointer {
		leaked := NewFleet()
		watchObject(unsafe.Pointer(leaked.ptr))
		return refObject(unsafe.Pointer(leaked.ptr))
	}()
	if n := settle(); n != 1 {
		t.Fatalf("%d watched objects alive with an extra reference, want 1", n)
	}
	unrefObject(extra)
	if n := settle(); n != 0 {
		t.Fatalf("%d watched objects alive after dropping the extra reference", n)
	}

	before := finalizersRun()
	wrappers := churn(t, 200)
	if n := settle(); n != 0 {
		t.Fatalf("%d GObjects still alive after dropping every wrapper", n)
	}
	// Wait for the remaining finalizers (boxed window specs, objects
	// not watched) and check that every wrapper made was finalized.
	for i := 0; i < 100 && finalizersRun()-before < int64(wrappers); i++ {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if ran := finalizersRun() - before; ran < int64(wrappers) {
		t.Errorf("%d finalizers ran for %d wrappers", ran, wrappers)
	}
}
