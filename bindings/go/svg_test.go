package maint

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

// svgShapes parses an SVG document with encoding/xml and returns the root
// element's name and, for each element of the given class, the text of
// its <title> child.
func svgShapes(t *testing.T, doc []byte, class string) (xml.Name, []string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var root xml.Name
	var titles []string
	depth := 0
	inShape := -1 // depth of the open shape of the class, or -1
	inTitle := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("SVG does not parse: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 1 {
				root = el.Name
			}
			for _, a := range el.Attr {
				if a.Name.Local == "class" && a.Value == class {
					if inShape >= 0 {
						t.Fatalf("nested %q elements", class)
					}
					inShape = depth
					titles = append(titles, "")
				}
			}
			inTitle = inShape >= 0 && depth == inShape+1 && el.Name.Local == "title"
		case xml.EndElement:
			if depth == inShape {
				inShape = -1
			}
			inTitle = false
			depth--
		case xml.CharData:
			if inTitle {
				titles[len(titles)-1] += string(el)
			}
		}
	}
	if depth != 0 {
		t.Fatal("SVG ends inside an element")
	}
	return root, titles
}

func TestPlanSVG(t *testing.T) {
	fleet := notifierFleet(t)
	plan := planFleet(t, fleet)
	slots := plan.Slots()
	if len(slots) < 2 {
		t.Fatalf("only %d slots", len(slots))
	}

	for _, grouping := range []SvgGrouping{SvgGroupingGroup, SvgGroupingHost} {
		doc, err := plan.SVG(fleet, "Europe/Berlin", grouping)
		must(t, err)
		root, titles := svgShapes(t, doc, "slot")
		if root.Space != "http://www.w3.org/2000/svg" || root.Local != "svg" {
			t.Errorf("%v: root element %v", grouping, root)
		}
		// One class="slot" element per slot, each titled with its machine.
		if len(titles) != len(slots) {
			t.Errorf("%v: %d slot elements for %d slots", grouping, len(titles), len(slots))
		}
		for _, s := range slots {
			found := false
			for _, title := range titles {
				found = found || strings.Contains(title, s.Machine) && strings.Contains(title, s.Activities[0])
			}
			if !found {
				t.Errorf("%v: no slot element titled with %s and %s: %q", grouping, s.Machine, s.Activities[0], titles)
			}
		}
		// Deterministic.
		again, err := plan.SVG(fleet, "Europe/Berlin", grouping)
		must(t, err)
		if !bytes.Equal(doc, again) {
			t.Errorf("%v: two drawings of one plan differ", grouping)
		}
	}

	// Without a fleet, in UTC; the grouping changes the picture.
	doc, err := plan.SVG(nil, "", SvgGroupingGroup)
	must(t, err)
	if _, titles := svgShapes(t, doc, "slot"); len(titles) != len(slots) {
		t.Errorf("without a fleet: %d slot elements for %d slots", len(titles), len(slots))
	}
	byGroup, _ := plan.SVG(fleet, "UTC", SvgGroupingGroup)
	byHost, _ := plan.SVG(fleet, "UTC", SvgGroupingHost)
	if bytes.Equal(byGroup, byHost) {
		t.Error("group and host grouping draw the same picture")
	}

	// An unknown zone is an error of the time domain.
	_, err = plan.SVG(fleet, "Mars/Olympus_Mons", SvgGroupingGroup)
	if e := asError(t, err); e.Domain != TimeErrorDomain || e.Code != TimeErrorZoneFailed {
		t.Errorf("unknown zone: %s/%d %q", e.Domain, e.Code, e.Message)
	}
}

func TestRolloutSVG(t *testing.T) {
	fleet := rolloutFleet(t, false)
	plan := planFleet(t, fleet)
	doc, err := plan.SVG(fleet, "UTC", SvgGroupingHost)
	must(t, err)
	if _, titles := svgShapes(t, doc, "slot"); len(titles) != len(plan.Slots()) {
		t.Errorf("%d slot elements for %d slots", len(titles), len(plan.Slots()))
	}
	if _, down := svgShapes(t, doc, "host-downtime"); len(down) != len(plan.HostDowntime()) {
		t.Errorf("%d host-downtime elements for %d host downtimes", len(down), len(plan.HostDowntime()))
	}
}
