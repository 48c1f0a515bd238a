#!/usr/bin/python3
# test_policy.py: unit tests for a maintenance policy, to copy and adapt
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# A team writes down what its customers were promised ("database pairs
# are never down together, the passive one goes first", "two days'
# notice", "only on weekday nights") as tests: build a small fleet in
# code, fix `now`, plan, assert. libmaint is deterministic, so these tests
# are too.
#
#   python3 -m unittest test_policy.py

import unittest
from datetime import datetime, timedelta, timezone

import gi
gi.require_version('Maint', '1')
from gi.repository import Maint  # noqa: E402

UTC = timezone.utc
# Fixing `now` makes the plan reproducible: Monday 2026-03-23, 09:00 UTC.
NOW = datetime(2026, 3, 23, 9, 0, tzinfo=UTC)


def build_fleet():
    fleet = Maint.Fleet.new()
    fleet.now = NOW
    fleet.set_policy(Maint.Policy(horizon=timedelta(days=21),
                                  setup=timedelta(minutes=5),
                                  min_slot=timedelta(minutes=15)))

    fleet.add_group(Maint.ResourceGroup(
        name='infra', contacts=['ops@hoster.example'], timezone='Europe/Berlin',
        windows=['daily 00:00-24:00'], stage=Maint.Stage.INFRASTRUCTURE))
    # What the customer agreed to: weekday nights, Berlin time, two days'
    # notice, never more than two machines down at once.
    fleet.add_group(Maint.ResourceGroup(
        name='acme', contacts=['it@acme.example'], timezone='Europe/Berlin',
        locale='de', windows=['mon-fri 22:00-24:00', 'sat 22:00-02:00'],
        notice=timedelta(days=2), stage=Maint.Stage.PRODUCTION, max_concurrent=2))

    fleet.add_machine(Maint.Machine(name='kvm1', group='infra', kind=Maint.MachineKind.HOST))
    for name in ('acme-db1', 'acme-db2', 'acme-web1'):
        fleet.add_machine(Maint.Machine(name=name, group='acme', kind=Maint.MachineKind.VM,
                                        host='kvm1'))

    # The database pair: db2 is the passive member and goes first; an
    # hour between the two so replication can catch up.
    fleet.add_service(Maint.Service(name='acme-db', members=['acme-db1', 'acme-db2'],
                                    max_unavailable=1, spacing=timedelta(hours=1),
                                    order=['acme-db2', 'acme-db1']))

    for i, machine in enumerate(('acme-db1', 'acme-db2')):
        fleet.add_activity(Maint.Activity(
            id='kernel-%d' % i, machine=machine, kind=Maint.ActivityKind.KERNEL_UPDATE,
            summary='Kernel 3.2.0-4', estimate=timedelta(minutes=20),
            reboot=Maint.RebootKind.WARM))
    fleet.add_activity(Maint.Activity(
        id='ram-web1', machine='acme-web1', kind=Maint.ActivityKind.MEMORY_RESIZE,
        summary='RAM 4 -> 8 GiB', estimate=timedelta(minutes=10),
        reboot=Maint.RebootKind.COLD))
    fleet.validate()
    return fleet


class AcmePolicy(unittest.TestCase):
    def setUp(self):
        self.fleet = build_fleet()
        self.plan = Maint.Scheduler.new(self.fleet).run()
        self.slots = {s.machine: s for s in self.plan.slots}

    def test_everything_is_scheduled(self):
        self.assertEqual(self.plan.unscheduled, [])
        self.assertEqual(sorted(self.slots), ['acme-db1', 'acme-db2', 'acme-web1'])

    def test_slots_lie_in_the_agreed_windows(self):
        group = self.fleet.lookup_group('acme')
        for slot in self.plan.slots:
            inside = [w.occurrence_containing(group.timezone, slot.start) for w in group.windows]
            self.assertTrue(any(o is not None and o.end >= slot.end for o in inside),
                            '%r is outside %s' % (slot, [str(w) for w in group.windows]))
            # the same, as the customer reads it: between 22:00 and 02:00 local time
            local = datetime.fromisoformat(slot.local_start)
            self.assertTrue(local.hour >= 22 or local.hour < 2, slot.local_start)

    def test_two_days_notice(self):
        for slot in self.plan.slots:
            self.assertGreaterEqual(slot.start, NOW + timedelta(days=2))
            self.assertLessEqual(slot.announce_by, slot.start - timedelta(days=2))
            self.assertGreaterEqual(slot.announce_by, NOW)

    def test_passive_database_first_and_never_both(self):
        db1, db2 = self.slots['acme-db1'], self.slots['acme-db2']
        self.assertLessEqual(db2.end + timedelta(hours=1), db1.start)

    def test_one_reboot_per_machine(self):
        totals = {c.machine: c.total for c in self.plan.reboot_counts}
        self.assertEqual(totals, {'acme-db1': 1, 'acme-db2': 1, 'acme-web1': 1})

    def test_memory_resize_is_a_cold_reboot(self):
        self.assertEqual(self.slots['acme-web1'].reboot, Maint.RebootKind.COLD)

    def test_the_independent_verifier_agrees(self):
        self.assertEqual(Maint.verify_plan(self.fleet, self.plan), [])

    def test_same_input_same_plan(self):
        again = Maint.Scheduler.new(build_fleet()).run()
        self.assertEqual(again.to_data()[0], self.plan.to_data()[0])

    def test_a_week_later_nothing_is_planned_in_the_past(self):
        scheduler = Maint.Scheduler.new(self.fleet)
        scheduler.set_now(NOW + timedelta(days=7))
        plan = scheduler.run()
        self.assertEqual(plan.unscheduled, [])
        self.assertTrue(all(s.start >= NOW + timedelta(days=9) for s in plan.slots))


if __name__ == '__main__':
    unittest.main(verbosity=2)
