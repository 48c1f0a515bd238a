package maint

// #include <libmaint/libmaint.h>
import "C"

import (
	"math"
	"runtime"
	"time"
	"unsafe"
)

// Wave is one wave of a Rollout: the set of machines updated together,
// and when. A wave either selects machines by properties (their kind,
// whether they are representative, their stage; every criterion that is
// set must hold) or takes a share (0 < share ≤ 1) of the machines no
// earlier wave took, never both. Its slots start at or after From and end
// by Until when those are set.
type Wave struct {
	ptr *C.MaintWave
}

// takeWave wraps a (transfer full) wave.
func takeWave(p *C.MaintWave) *Wave {
	return ownObject(&Wave{ptr: p}, unsafe.Pointer(p))
}

// borrowWave wraps a (transfer none) wave, taking a reference; NULL gives
// nil.
func borrowWave(p *C.MaintWave) *Wave {
	if p == nil {
		return nil
	}
	return takeWave((*C.MaintWave)(refObject(unsafe.Pointer(p))))
}

// c returns the C object.
func (w *Wave) c() *C.MaintWave {
	if w == nil || w.ptr == nil {
		panic("maint: Wave not created by NewWave or a Rollout")
	}
	return w.ptr
}

// NewWave returns a wave that neither selects nor takes a share yet; set
// one of them, then add it with Rollout.AddWave.
func NewWave(name string) *Wave {
	n := cString(name)
	defer freeString(n)
	return takeWave(C.maint_wave_new(n))
}

// Name returns the wave's name.
func (w *Wave) Name() string {
	defer runtime.KeepAlive(w)
	return goString(C.maint_wave_get_name(w.c()))
}

// From returns the earliest start of the wave's slots, or the zero Time
// for no bound.
func (w *Wave) From() time.Time {
	defer runtime.KeepAlive(w)
	return goTime(C.maint_wave_get_from(w.c()))
}

// SetFrom sets the earliest start of the wave's slots; the zero Time
// removes the bound.
func (w *Wave) SetFrom(t time.Time) error {
	s, err := optionalInstant(t)
	if err != nil {
		return err
	}
	C.maint_wave_set_from(w.c(), s)
	runtime.KeepAlive(w)
	return nil
}

// Until returns the latest end of the wave's slots, or the zero Time for
// no bound.
func (w *Wave) Until() time.Time {
	defer runtime.KeepAlive(w)
	return goTime(C.maint_wave_get_until(w.c()))
}

// SetUntil sets the latest end of the wave's slots; the zero Time removes
// the bound.
func (w *Wave) SetUntil(t time.Time) error {
	s, err := optionalInstant(t)
	if err != nil {
		return err
	}
	C.maint_wave_set_until(w.c(), s)
	runtime.KeepAlive(w)
	return nil
}

// Share returns the share of the remaining machines the wave takes, or 0
// for a selecting wave.
func (w *Wave) Share() float64 {
	defer runtime.KeepAlive(w)
	return float64(C.maint_wave_get_share(w.c()))
}

// SetShare sets the share of the remaining machines the wave takes, in
// (0, 1]; 0 makes it no share wave. Other values (and NaN) are an *Error
// with code FleetErrorInvalidFailed and change nothing.
func (w *Wave) SetShare(share float64) error {
	if math.IsNaN(share) || share < 0 || share > 1 {
		return newError(FleetErrorDomain, FleetErrorInvalidFailed,
			"wave %q: share %g is not in (0, 1]", w.Name(), share)
	}
	C.maint_wave_set_share(w.c(), C.gdouble(share))
	runtime.KeepAlive(w)
	return nil
}

// SelectKind returns the kind of machines the wave selects; the boolean
// is false if it does not select by kind.
func (w *Wave) SelectKind() (MachineKind, bool) {
	defer runtime.KeepAlive(w)
	if C.maint_wave_get_select_by_kind(w.c()) == C.FALSE {
		return 0, false
	}
	return MachineKind(C.maint_wave_get_select_kind(w.c())), true
}

// SetSelectKind makes the wave select machines of that kind. It panics if
// kind is not one of the MachineKind constants.
func (w *Wave) SetSelectKind(kind MachineKind) {
	enumCheck(machineKindNicks, int(kind), "MachineKind")
	C.maint_wave_set_select_kind(w.c(), C.MaintMachineKind(kind))
	runtime.KeepAlive(w)
}

// UnsetSelectKind makes the wave stop selecting by kind.
func (w *Wave) UnsetSelectKind() {
	C.maint_wave_unset_select_kind(w.c())
	runtime.KeepAlive(w)
}

// SelectRepresentative reports whether the wave selects representative
// machines.
func (w *Wave) SelectRepresentative() bool {
	defer runtime.KeepAlive(w)
	return C.maint_wave_get_select_representative(w.c()) != C.FALSE
}

// SetSelectRepresentative sets whether the wave selects representative
// machines.
func (w *Wave) SetSelectRepresentative(representative bool) {
	C.maint_wave_set_select_representative(w.c(), cBool(representative))
	runtime.KeepAlive(w)
}

// SelectStage returns the stage the wave selects, or StageNone.
func (w *Wave) SelectStage() Stage {
	defer runtime.KeepAlive(w)
	return Stage(C.maint_wave_get_select_stage(w.c()))
}

// SetSelectStage sets the stage the wave selects; StageNone selects by no
// stage. It panics if stage is not one of the Stage constants.
func (w *Wave) SetSelectStage(stage Stage) {
	enumCheck(stageNicks, int(stage), "Stage")
	C.maint_wave_set_select_stage(w.c(), C.MaintStage(stage))
	runtime.KeepAlive(w)
}

// Equal reports whether two waves have the same name and settings.
func (w *Wave) Equal(other *Wave) bool {
	defer runtime.KeepAlive(w)
	defer runtime.KeepAlive(other)
	return C.maint_wave_equal(w.c(), other.c()) != C.FALSE
}

// Rollout is a big update rolled out over the fleet in waves: every
// machine a wave takes gets an activity "<rollout>/<machine>" made from
// the rollout's template; testing and staging machines come at least
// StagingLead before production ones, and the virtualisation hosts are
// rebooted at the end, inside HostReboots. Slots of a rollout carry its
// name and their wave's (Slot.Rollout, Slot.Wave).
type Rollout struct {
	ptr *C.MaintRollout
}

// takeRollout wraps a (transfer full) rollout.
func takeRollout(p *C.MaintRollout) *Rollout {
	return ownObject(&Rollout{ptr: p}, unsafe.Pointer(p))
}

// borrowRollout wraps a (transfer none) rollout, taking a reference; NULL
// gives nil.
func borrowRollout(p *C.MaintRollout) *Rollout {
	if p == nil {
		return nil
	}
	return takeRollout((*C.MaintRollout)(refObject(unsafe.Pointer(p))))
}

// c returns the C object.
func (r *Rollout) c() *C.MaintRollout {
	if r == nil || r.ptr == nil {
		panic("maint: Rollout not created by NewRollout or a Fleet")
	}
	return r.ptr
}

// NewRollout returns a rollout without waves whose template is a system
// update without a reboot. Add it with Fleet.AddRollout.
func NewRollout(name string) *Rollout {
	n := cString(name)
	defer freeString(n)
	return takeRollout(C.maint_rollout_new(n))
}

// Name returns the rollout's name.
func (r *Rollout) Name() string {
	defer runtime.KeepAlive(r)
	return goString(C.maint_rollout_get_name(r.c()))
}

// StagingLead returns how long before production machines the testing
// and staging machines are updated.
func (r *Rollout) StagingLead() time.Duration {
	defer runtime.KeepAlive(r)
	return goDuration(C.maint_rollout_get_staging_lead(r.c()))
}

// SetStagingLead sets how long before production machines the testing
// and staging machines are updated; 0 for no lead.
func (r *Rollout) SetStagingLead(d time.Duration) error {
	s, err := cDuration(d)
	if err != nil {
		return err
	}
	C.maint_rollout_set_staging_lead(r.c(), s)
	runtime.KeepAlive(r)
	return nil
}

// HostReboots returns the interval in which the hosts are rebooted; the
// boolean is false if none is set.
func (r *Rollout) HostReboots() (Interval, bool) {
	defer runtime.KeepAlive(r)
	iv := C.maint_rollout_get_host_reboots(r.c())
	if iv == nil {
		return Interval{}, false
	}
	return goInterval(iv), true
}

// SetHostReboots sets the interval in which the hosts are rebooted.
func (r *Rollout) SetHostReboots(iv Interval) error {
	civ, err := newCInterval(iv)
	if err != nil {
		return err
	}
	defer C.maint_interval_unref(civ)
	C.maint_rollout_set_host_reboots(r.c(), civ)
	runtime.KeepAlive(r)
	return nil
}

// ClearHostReboots removes the interval for host reboots.
func (r *Rollout) ClearHostReboots() {
	C.maint_rollout_set_host_reboots(r.c(), nil)
	runtime.KeepAlive(r)
}

// HostRebootEstimate returns how long one host reboot takes.
func (r *Rollout) HostRebootEstimate() time.Duration {
	defer runtime.KeepAlive(r)
	return goDuration(C.maint_rollout_get_host_reboot_estimate(r.c()))
}

// SetHostRebootEstimate sets how long one host reboot takes: at least a
// second.
func (r *Rollout) SetHostRebootEstimate(d time.Duration) error {
	s, err := cDuration(d)
	if err != nil {
		return err
	}
	if s < 1 {
		return newError(TimeErrorDomain, TimeErrorDurationFailed,
			"host reboot estimate %s is shorter than a second", d)
	}
	C.maint_rollout_set_host_reboot_estimate(r.c(), s)
	runtime.KeepAlive(r)
	return nil
}

// HaltAfterFailures returns after how many failed machines the rollout
// stops; 0 means never.
func (r *Rollout) HaltAfterFailures() uint {
	defer runtime.KeepAlive(r)
	return uint(C.maint_rollout_get_halt_after_failures(r.c()))
}

// SetHaltAfterFailures sets after how many failed machines the rollout
// stops; 0 means never.
func (r *Rollout) SetHaltAfterFailures(n uint) {
	C.maint_rollout_set_halt_after_failures(r.c(), C.guint(n))
	runtime.KeepAlive(r)
}

// TemplateKind returns the kind of the activities the rollout makes.
func (r *Rollout) TemplateKind() ActivityKind {
	defer runtime.KeepAlive(r)
	return ActivityKind(C.maint_rollout_get_template_kind(r.c()))
}

// SetTemplateKind sets the kind of the activities the rollout makes. It
// panics if kind is not one of the ActivityKind constants.
func (r *Rollout) SetTemplateKind(kind ActivityKind) {
	enumCheck(activityKindNicks, int(kind), "ActivityKind")
	C.maint_rollout_set_template_kind(r.c(), C.MaintActivityKind(kind))
	runtime.KeepAlive(r)
}

// TemplateSummary returns the summary of the activities the rollout
// makes, or "".
func (r *Rollout) TemplateSummary() string {
	defer runtime.KeepAlive(r)
	return goString(C.maint_rollout_get_template_summary(r.c()))
}

// SetTemplateSummary sets the summary of the activities the rollout
// makes; "" unsets it.
func (r *Rollout) SetTemplateSummary(summary string) {
	s := cStringOrNil(summary)
	defer freeString(s)
	C.maint_rollout_set_template_summary(r.c(), s)
	runtime.KeepAlive(r)
}

// TemplateEstimate returns how long each activity of the rollout takes.
func (r *Rollout) TemplateEstimate() time.Duration {
	defer runtime.KeepAlive(r)
	return goDuration(C.maint_rollout_get_template_estimate(r.c()))
}

// SetTemplateEstimate sets how long each activity of the rollout takes.
func (r *Rollout) SetTemplateEstimate(d time.Duration) error {
	s, err := cDuration(d)
	if err != nil {
		return err
	}
	C.maint_rollout_set_template_estimate(r.c(), s)
	runtime.KeepAlive(r)
	return nil
}

// TemplateReboot returns the reboot each activity of the rollout needs.
func (r *Rollout) TemplateReboot() RebootKind {
	defer runtime.KeepAlive(r)
	return RebootKind(C.maint_rollout_get_template_reboot(r.c()))
}

// SetTemplateReboot sets the reboot each activity of the rollout needs.
// It panics if reboot is not one of the RebootKind constants.
func (r *Rollout) SetTemplateReboot(reboot RebootKind) {
	enumCheck(rebootKindNicks, int(reboot), "RebootKind")
	C.maint_rollout_set_template_reboot(r.c(), C.MaintRebootKind(reboot))
	runtime.KeepAlive(r)
}

// TemplatePriority returns the priority of the activities the rollout
// makes.
func (r *Rollout) TemplatePriority() Priority {
	defer runtime.KeepAlive(r)
	return Priority(C.maint_rollout_get_template_priority(r.c()))
}

// SetTemplatePriority sets the priority of the activities the rollout
// makes. It panics if priority is not one of the Priority constants.
func (r *Rollout) SetTemplatePriority(priority Priority) {
	enumCheck(priorityNicks, int(priority), "Priority")
	C.maint_rollout_set_template_priority(r.c(), C.MaintPriority(priority))
	runtime.KeepAlive(r)
}

// Waves returns the rollout's waves in order; they share their C objects
// with the rollout.
func (r *Rollout) Waves() []*Wave {
	defer runtime.KeepAlive(r)
	items := ptrArray(C.maint_rollout_get_waves(r.c()))
	out := make([]*Wave, 0, len(items))
	for _, p := range items {
		out = append(out, borrowWave((*C.MaintWave)(unsafe.Pointer(p))))
	}
	return out
}

// AddWave appends a wave, which the rollout then shares with w. Whether
// wave names are unique is checked by Fleet.Validate.
func (r *Rollout) AddWave(w *Wave) {
	C.maint_rollout_add_wave(r.c(), w.c())
	runtime.KeepAlive(r)
	runtime.KeepAlive(w)
}

// NewActivity makes the activity the rollout generates for a machine (its
// template), or for a host its reboot, as the scheduler does for every
// machine of a wave.
func (r *Rollout) NewActivity(m *Machine) *Activity {
	defer runtime.KeepAlive(r)
	defer runtime.KeepAlive(m)
	return takeActivity(C.maint_rollout_new_activity(r.c(), m.c()))
}

// Equal reports whether two rollouts have the same settings and waves.
func (r *Rollout) Equal(other *Rollout) bool {
	defer runtime.KeepAlive(r)
	defer runtime.KeepAlive(other)
	return C.maint_rollout_equal(r.c(), other.c()) != C.FALSE
}
