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

// churn creates and drops fleets, plans and their wrappers, watching every
// GObject it gets a wrapper for; it returns the number of wrappers made.
func churn(t *testing.T, rounds int) int {
	data := buildFleet(t).Bytes()
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
