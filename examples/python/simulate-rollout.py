#!/usr/bin/python3
# simulate-rollout.py: what happens to the March 2013 rollout if two
# testing machines fail
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Runs the example fleet's OS update rollout (os-2013-03) forward in time
# with Maint.Simulation, a day at a time: the two testing machines updated
# first fail, the rollout is set to halt after two failures, so the later
# waves and the host reboots stop while the staging and testing waves
# finish. Prints every event (announcements, runs, halts, withdrawals),
# then the rollout's state. Exits 1 if the rollout did not halt or a plan
# breaks a rule.
#
#   python3 simulate-rollout.py [FLEET.json]

import os
import sys
from datetime import timedelta

import gi
gi.require_version('Maint', '1')
from gi.repository import GLib, Maint  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_FLEET = os.path.join(HERE, '..', 'fleets', 'gocept.json')
ROLLOUT = 'os-2013-03'


def main(argv):
    path = argv[1] if len(argv) > 1 else DEFAULT_FLEET
    try:
        fleet = Maint.Fleet.new_from_file(path)
    except GLib.Error as e:
        print('%s: %s' % (path, e.message), file=sys.stderr)
        return 2

    fleet.lookup_rollout(ROLLOUT).halt_after_failures = 2
    sim = Maint.Simulation.new(fleet)          # starts at the fleet's now
    plan = sim.replan()

    # the first two testing machines of the rollout fail
    testing = sorted((s for s in plan.slots if s.wave == 'testing'), key=lambda s: (s.end, s.machine))
    failing = [a for s in testing[:2] for a in s.activities if a.startswith(ROLLOUT + '/')]
    for activity in failing:
        sim.set_outcome(activity, Maint.Outcome.FAILURE)
    print('%s: %d slots planned; %s will fail' % (Maint.instant_format(sim.now), len(plan.slots),
                                                  ', '.join(failing)))

    end = sim.now + timedelta(days=10)
    while sim.now < end:
        sim.advance(sim.now + timedelta(days=1))
        problems = sim.verify()
        if problems:
            for v in problems:
                print('violation: %s' % v.message, file=sys.stderr)
            return 1

    for event in sim.events:
        print(event)

    states = {}
    for event in sim.events:
        states[event.activity] = sim.get_activity_state(event.activity)
    counts = {}
    for state in states.values():
        counts[state.value_nick] = counts.get(state.value_nick, 0) + 1
    print()
    print('rollout %s: %d failures, %s' % (ROLLOUT, sim.get_failures(ROLLOUT),
                                         'halted' if sim.is_halted(ROLLOUT) else 'running'))
    print('activities: %s' % ', '.join('%d %s' % (n, s) for s, n in sorted(counts.items())))
    halted = [u for u in sim.plan.unscheduled if states.get(u.activity) == Maint.ActivityState.HALTED]
    if halted:
        print('e.g. %s: %s' % (halted[0].activity, halted[0].detail))
    return 0 if sim.is_halted(ROLLOUT) and halted else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
