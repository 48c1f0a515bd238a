package maint

// #include <stdlib.h>
// #include <libmaint/libmaint.h>
import "C"

import "runtime"

// MaxSVGMachineRows is the most machines Plan.SVG draws one row each. A
// plan that touches more is drawn aggregated: one row per section, as a
// strip of how many of its machines are down in each time bucket.
const MaxSVGMachineRows = int(C.MAINT_SVG_MAX_MACHINE_ROWS)

// SVG draws the plan as an SVG 1.1 timeline (UTF-8): time runs across,
// machines down, in one section per resource group or host. Each slot is
// one `<rect class="slot">` with a `<title>` describing it (unless the
// plan touches more than MaxSVGMachineRows machines); a guest's downtime
// caused by its host's reboot is a `<rect class="host-downtime">`.
//
// The fleet supplies the groups' windows, hosts and activity kinds; it
// may be nil. Days start at midnight in zone, a name from the system tz
// database such as "Europe/Berlin"; "" means UTC. An unknown zone (or
// group zone) is an *Error in TimeErrorDomain with code
// TimeErrorZoneFailed. It panics if grouping is not an SvgGrouping
// constant. The output is deterministic.
func (p *Plan) SVG(fleet *Fleet, zone string, grouping SvgGrouping) ([]byte, error) {
	enumCheck(svgGroupingNicks, int(grouping), "SvgGrouping")
	z := cStringOrNil(zone)
	defer freeString(z)
	var f *C.MaintFleet
	if fleet != nil {
		f = fleet.c()
	}
	var gerr *C.GError
	s := C.maint_plan_to_svg(p.c(), f, z, C.MaintSvgGrouping(grouping), &gerr)
	runtime.KeepAlive(p)
	runtime.KeepAlive(fleet)
	if s == nil {
		return nil, takeError(gerr)
	}
	return takeBytes(s, C.gsize(C.strlen(s))), nil
}
