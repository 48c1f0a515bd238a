package maint

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

func TestPlanLateFindingsAndAbsorbedActivities(t *testing.T) {
	now := utc(t, "2026-03-02T12:00:00Z")
	plan, err := NewPlan(now)
	must(t, err)
	if plan.Late() == nil || len(plan.Late()) != 0 || len(plan.Findings()) != 0 {
		t.Fatal("a new plan has late activities or findings")
	}

	late := LateActivity{
		Activity: "a1",
		Machine:  "db1",
		Deadline: utc(t, "2026-03-03T00:00:00Z"),
		End:      utc(t, "2026-03-03T02:30:00Z"),
	}
	must(t, plan.AddLate(late))
	late.Lateness = 150 * time.Minute
	finding := Finding{
		Kind:     FindingServiceOnOneHost,
		Service:  "acme-db",
		Machines: []string{"db1", "db2"},
		Host:     "kvm1",
		Detail:   "both members of acme-db run on kvm1",
	}
	plan.AddFinding(finding)
	bare := Finding{Kind: FindingServiceOnOneHost}
	plan.AddFinding(bare)
	down := HostDowntime{
		Guest:      "db1",
		Host:       "kvm1",
		Start:      utc(t, "2026-03-03T22:00:00Z"),
		End:        utc(t, "2026-03-03T22:30:00Z"),
		Activities: []string{"a1", "a3"},
	}
	must(t, plan.AddHostDowntime(down))
	plain := down
	plain.Guest, plain.Activities = "db2", nil
	must(t, plan.AddHostDowntime(plain))

	check := func(what string, p *Plan) {
		t.Helper()
		if got := p.Late(); !reflect.DeepEqual(got, []LateActivity{late}) {
			t.Errorf("%s: Late() = %+v, want %+v", what, got, late)
		}
		if got := p.Findings(); !reflect.DeepEqual(got, []Finding{finding, bare}) {
			t.Errorf("%s: Findings() = %+v", what, got)
		}
		if got := p.HostDowntime(); !reflect.DeepEqual(got, []HostDowntime{down, plain}) {
			t.Errorf("%s: HostDowntime() = %+v", what, got)
		}
	}
	check("built", plan)

	// Everything survives the libmaint-plan/1 document, which has them
	// where the format says.
	data := plan.JSON()
	back, err := ParsePlan(data)
	must(t, err)
	check("parsed", back)
	if !bytes.Equal(back.JSON(), data) {
		t.Error("JSON differs after a round trip")
	}
	var doc struct {
		Late []struct {
			Activity string
			Lateness string
		}
		Findings []struct {
			Kind     FindingKind
			Machines []string
		}
		HostDowntime []struct {
			Activities []string
		} `json:"host_downtime"`
	}
	must(t, json.Unmarshal(data, &doc))
	if len(doc.Late) != 1 || doc.Late[0].Activity != "a1" || doc.Late[0].Lateness != "PT2H30M" ||
		len(doc.Findings) != 2 || doc.Findings[0].Kind != FindingServiceOnOneHost ||
		len(doc.HostDowntime) != 2 || !reflect.DeepEqual(doc.HostDowntime[0].Activities, []string{"a1", "a3"}) {
		t.Errorf("document: %s", data)
	}

	// A late activity must end after its deadline.
	early := late
	early.End = early.Deadline
	if e := asError(t, plan.AddLate(early)); e.Code != TimeErrorInstantFailed {
		t.Errorf("not late: %v", e)
	}
	if len(plan.Late()) != 1 {
		t.Error("a refused late activity was added")
	}
}
