package maint_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"libmaint/maint"
)

// A window that opens at 01:30 and closes at 03:30 Berlin time is only
// one hour long on the night the clocks spring forward.
func ExampleWindowSpec_NextOccurrence() {
	spec, err := maint.ParseWindowSpec("daily 01:30-03:30")
	if err != nil {
		panic(err)
	}
	after := time.Date(2026, time.March, 28, 23, 0, 0, 0, time.UTC)
	occ, ok, err := spec.NextOccurrence("Europe/Berlin", after)
	if err != nil || !ok {
		panic(err)
	}
	fmt.Println(occ, occ.Duration())
	// Output: [2026-03-29T00:30:00Z, 2026-03-29T01:30:00Z) 1h0m0s
}

// Errors keep libmaint's domain, code and message; the message of a
// fleet error starts with the JSON path at fault.
func ExampleParseFleet_error() {
	_, err := maint.ParseFleet([]byte(`{"format": "libmaint-fleet/1", "machines": [{"name": "m"}]}`))
	var e *maint.Error
	if errors.As(err, &e) {
		fmt.Println(e.Domain == maint.FleetErrorDomain, e.Message)
	}
	// Output: true machines[0]: missing required field "group"
}

// The notifier turns a plan into one message per resource group, in the
// group's language.
func ExampleNotifier_Run() {
	fleet, err := maint.ParseFleet([]byte(`{
	  "format": "libmaint-fleet/1", "now": "2026-03-02T12:00:00Z",
	  "resource_groups": [{"name": "kunde", "contacts": ["it@kunde.example"],
	    "timezone": "Europe/Berlin", "locale": "de",
	    "windows": ["daily 22:00-02:00"], "notice": "P2D"}],
	  "machines": [{"name": "web1", "group": "kunde", "kind": "infrastructure"}],
	  "activities": [{"id": "k1", "machine": "web1", "kind": "kernel-update",
	    "estimate": "PT20M", "reboot": "warm"}]}`))
	if err != nil {
		panic(err)
	}
	plan, err := maint.NewScheduler(fleet).Run(context.Background())
	if err != nil {
		panic(err)
	}
	notices, err := maint.NewNotifier(fleet, plan).Run()
	if err != nil {
		panic(err)
	}
	for _, n := range notices {
		fmt.Println(n.Kind(), n.Recipients(), n.Subject())
	}
	// Output: new-windows [it@kunde.example] Geplante Wartung für kunde: 1 Maschine ab Mittwoch, 4. März 2026
}
