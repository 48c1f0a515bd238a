#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Maint.Simulation from Python: the example fleet's March 2013 rollout
run forward with outcomes — halting after failures, postponing, pinned
slots — through the override's datetime API.

Run by meson with /usr/bin/python3, GI_TYPELIB_PATH and LD_LIBRARY_PATH
pointing into the build tree, PYTHONPATH=bindings/python and
MAINT_EXAMPLES_DIR; unittest prints its own summary.
"""

import os
import unittest
from datetime import datetime, timedelta, timezone

import gi

gi.require_version("Maint", "1")
from gi.repository import GLib, Maint  # noqa: E402

EXAMPLES = os.environ.get("MAINT_EXAMPLES_DIR",
                          os.path.join(os.path.dirname(__file__), "..", "..", "examples"))
EXAMPLE = os.path.join(EXAMPLES, "fleets", "gocept.json")
ROLLOUT = "os-2013-03"
SIMULATION_ERROR = "maint-simulation-error-quark"
UTC = timezone.utc
State = Maint.ActivityState
Kind = Maint.SimulationEventKind


def simulation(halt_after=None):
    fleet = Maint.Fleet.new_from_file(EXAMPLE)
    if halt_after is not None:
        fleet.lookup_rollout(ROLLOUT).halt_after_failures = halt_after
    sim = Maint.Simulation.new(fleet)
    sim.replan()
    return fleet, sim


def where(plan, activity):
    """('slot', slot) / ('absorbed', downtime) / ('unscheduled', entry) / None"""
    slot = plan.lookup_slot(activity)
    if slot is not None:
        return "slot", slot
    for d in plan.host_downtime:
        if activity in (d.get_activities() or []):
            return "absorbed", d
    for u in plan.unscheduled:
        if u.activity == activity:
            return "unscheduled", u
    return None


class SimulationTest(unittest.TestCase):
    def assertVerified(self, sim):
        self.assertEqual([v.message for v in sim.verify()], [])

    def test_starts_at_the_fleets_now(self):
        fleet, sim = simulation()
        self.assertEqual(sim.now, datetime(2013, 3, 1, 9, tzinfo=UTC))
        self.assertEqual(sim.now, fleet.now)
        self.assertIsNotNone(sim.plan)
        self.assertEqual(sim.plan.now, sim.now)
        self.assertEqual(sim.events, [])
        # a copy: the simulation's fleet is not the caller's
        self.assertIsNot(sim.fleet, fleet)
        self.assertEqual(Maint.verify_plan(sim.fleet, sim.plan), [])

    def test_halt_after_failures(self):
        fleet, sim = simulation(halt_after=2)
        plan = sim.plan
        waves = [w.name for w in fleet.lookup_rollout(ROLLOUT).waves]
        # the rollout's activities (a slot may also hold other work of its machine)
        wave_of = {a: s.wave for s in plan.slots if s.wave
                   for a in s.activities if a.startswith(ROLLOUT + "/")}
        testing = sorted((s for s in plan.slots if s.wave == "testing"), key=lambda s: s.end)
        self.assertGreaterEqual(len(testing), 2)
        failing = [s.activities[0] for s in testing[:2]]
        for activity in failing:
            sim.set_outcome(activity, Maint.Outcome.FAILURE)
        halt_at = max(s.end for s in testing[:2])

        sim.advance(halt_at + timedelta(hours=1))
        self.assertVerified(sim)
        self.assertTrue(sim.is_halted(ROLLOUT))
        self.assertEqual(sim.get_failures(ROLLOUT), 2)
        for activity in failing:
            self.assertEqual(sim.get_activity_state(activity), State.FAILED)
            self.assertIsNone(where(sim.plan, activity))

        later = [a for a, w in wave_of.items() if waves.index(w) > waves.index("testing")]
        earlier = [a for a, w in wave_of.items() if waves.index(w) < waves.index("testing")]
        self.assertTrue(later and earlier)
        for activity in later:
            self.assertEqual(sim.get_activity_state(activity), State.HALTED, activity)
            kind, entry = where(sim.plan, activity)
            self.assertEqual(kind, "unscheduled")
            self.assertEqual(entry.reason, Maint.UnscheduledReason.ROLLOUT)
            self.assertIn("rollout “%s” halted after 2 failures (halt_after_failures 2)" % ROLLOUT,
                          entry.detail)
        # the staging wave went before and is untouched by the halt
        for activity in earlier:
            self.assertNotEqual(sim.get_activity_state(activity), State.HALTED)

        halted = [e for e in sim.events if e.kind == Kind.HALTED]
        self.assertEqual({e.activity for e in halted} >= set(later), True)
        self.assertTrue(all(e.at == halt_at and e.rollout == ROLLOUT for e in halted))
        # the host reboots are halted too
        hosts = [e for e in halted if e.machine.startswith("kvm")]
        self.assertTrue(hosts)
        # withdrawn only what had been announced
        announced = {e.activity for e in sim.events if e.kind == Kind.ANNOUNCED}
        withdrawn = {e.activity for e in sim.events if e.kind == Kind.WITHDRAWN}
        self.assertTrue(withdrawn)
        self.assertLessEqual(withdrawn, announced)

        # with halt_after_failures 0 the same failures halt nothing
        fleet, sim = simulation(halt_after=0)
        for activity in failing:
            sim.set_outcome(activity, Maint.Outcome.FAILURE)
        sim.advance(halt_at + timedelta(hours=1))
        self.assertFalse(sim.is_halted(ROLLOUT))
        self.assertEqual(sim.get_failures(ROLLOUT), 2)
        self.assertEqual([e for e in sim.events if e.kind == Kind.HALTED], [])

    def test_postponed_gets_a_new_notice(self):
        fleet, sim = simulation()
        # a fleet activity outside the rollout, with a slot of its own and
        # the group's notice (not an emergency)
        slot = next(s for s in sim.plan.slots
                    if s.rollout is None and not s.pinned and len(s.activities) == 1 and
                    fleet.lookup_activity(s.activities[0]).priority != Maint.Priority.EMERGENCY)
        activity = slot.activities[0]
        group = fleet.lookup_group(slot.group)
        sim.set_outcome(activity, Maint.Outcome.POSTPONED)

        sim.advance(slot.end)
        self.assertVerified(sim)
        ran = [e for e in sim.events if e.kind == Kind.RAN and e.activity == activity]
        self.assertEqual([e.outcome for e in ran], [Maint.Outcome.POSTPONED])
        self.assertEqual(sim.get_activity_state(activity), State.PENDING)
        kind, entry = where(sim.plan, activity)
        if kind == "slot":
            self.assertGreaterEqual(entry.start, sim.now + group.notice)
            self.assertFalse(entry.pinned)
        else:
            self.assertEqual(kind, "unscheduled")
        self.assertIsNone(sim.fleet.lookup_activity(activity).scheduled)

    def test_announced_slots_are_pinned(self):
        fleet, sim = simulation()
        before = sim.plan
        until = sim.now + timedelta(days=2)
        sim.advance(until)
        self.assertVerified(sim)
        pinned = 0
        for old in before.slots:
            if old.announce_by > until or old.end <= until:
                continue
            for activity in old.activities:
                kind, new = where(sim.plan, activity)
                self.assertEqual(kind, "slot")
                self.assertTrue(new.pinned)
                self.assertEqual((new.start, new.end), (old.start, old.end))
                pinned += 1
                a = sim.fleet.lookup_activity(activity)
                if a is not None:
                    # a fleet activity is pinned in the simulation's fleet
                    self.assertEqual(a.scheduled, Maint.Interval(old.start, old.end))
        self.assertGreater(pinned, 0)
        self.assertTrue(any(e.kind == Kind.ANNOUNCED and isinstance(e.at, datetime)
                            for e in sim.events))

    def test_events(self):
        fleet, sim = simulation()
        sim.advance(sim.now + timedelta(days=1, hours=12))
        events = sim.events
        self.assertTrue(events)
        self.assertEqual(events, sorted(events, key=lambda e: (e.at, int(e.kind), e.machine, e.activity)))
        ran = [e for e in events if e.kind == Kind.RAN]
        self.assertTrue(ran)
        for e in ran:
            self.assertEqual(e.at, e.end)
            self.assertLess(e.start, e.end)
            self.assertIs(e.at.tzinfo, UTC)
            self.assertEqual(e.outcome, Maint.Outcome.SUCCESS)
            self.assertEqual(sim.get_activity_state(e.activity), State.SUCCEEDED)
            self.assertIn(e.activity, str(e))

    def test_errors(self):
        fleet, sim = simulation()
        now = sim.now
        with self.assertRaises(GLib.Error) as cm:
            sim.advance(now - timedelta(seconds=1))
        self.assertEqual(cm.exception.domain, SIMULATION_ERROR)
        self.assertEqual(cm.exception.code, Maint.SimulationError.CLOCK_FAILED)
        self.assertEqual(sim.now, now)
        with self.assertRaises(GLib.Error) as cm:
            sim.set_outcome("no-such-activity", Maint.Outcome.FAILURE)
        self.assertEqual(cm.exception.code, Maint.SimulationError.UNKNOWN_FAILED)
        with self.assertRaises(ValueError):
            sim.advance(datetime(2013, 3, 2))   # naive
        self.assertEqual(sim.events, [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
