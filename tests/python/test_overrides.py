#!/usr/bin/python3
# test_overrides.py: the PyGObject override (bindings/python/gi/overrides/Maint.py)
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Run from the build tree with GI_TYPELIB_PATH and LD_LIBRARY_PATH pointing
# at <build>/libmaint and PYTHONPATH at <source>/bindings/python (meson
# test does that).

import os
import sys
import unittest
from datetime import datetime, timedelta, timezone

import gi
gi.require_version('Maint', '1')
from gi.repository import GLib, GObject, Maint  # noqa: E402

UTC = timezone.utc
CET = timezone(timedelta(hours=1))
EXAMPLES = os.environ.get('MAINT_EXAMPLES_DIR',
                          os.path.join(os.path.dirname(__file__), '..', '..', 'examples'))
FLEET = os.path.join(EXAMPLES, 'fleets', 'gocept.json')


def utc(*args):
    return datetime(*args, tzinfo=UTC)


class OverrideLoaded(unittest.TestCase):
    def test_override_module_is_ours(self):
        # A stale installed copy must not shadow the one under test.
        path = sys.modules['gi.overrides.Maint'].__file__
        self.assertTrue(path.endswith(os.path.join('gi', 'overrides', 'Maint.py')), path)
        src = os.environ.get('MAINT_PYTHON_OVERRIDES')
        if src:
            self.assertEqual(os.path.realpath(path), os.path.realpath(src))

    def test_objects_from_c_use_the_override(self):
        fleet = Maint.Fleet.new_from_file(FLEET)
        self.assertIsInstance(fleet.machines[0], Maint.Machine)
        self.assertTrue(hasattr(fleet.machines[0], 'booted_at'))


class Instants(unittest.TestCase):
    def test_property_reads_aware_utc_datetime(self):
        m = Maint.Machine.new('vm1', 'acme', Maint.MachineKind.VM)
        self.assertIsNone(m.booted_at)            # 0 = unknown
        m.set_booted_at(1362128400)
        self.assertEqual(m.booted_at, utc(2013, 3, 1, 9))
        self.assertIs(m.booted_at.tzinfo, UTC)
        # the C view is unchanged
        self.assertEqual(m.get_booted_at(), 1362128400)
        self.assertEqual(m.props.booted_at, 1362128400)

    def test_assign_datetime_in_any_zone(self):
        a = Maint.Activity.new('a-1', 'vm1', Maint.ActivityKind.KERNEL_UPDATE)
        a.not_before = datetime(2013, 3, 2, 10, 0, tzinfo=CET)
        self.assertEqual(a.get_not_before(), 1362214800)
        self.assertEqual(a.not_before, utc(2013, 3, 2, 9))
        a.deadline = utc(2013, 3, 20)
        self.assertEqual(Maint.instant_format(a.get_deadline()), '2013-03-20T00:00:00Z')
        a.deadline = None
        self.assertEqual(a.get_deadline(), 0)
        self.assertIsNone(a.deadline)

    def test_setters_accept_datetime_and_int(self):
        a = Maint.Activity.new('a-1', 'vm1', Maint.ActivityKind.REBOOT)
        a.set_not_before(utc(2013, 3, 2, 9))
        self.assertEqual(a.get_not_before(), 1362214800)
        a.set_not_before(1362214801)
        self.assertEqual(a.not_before, utc(2013, 3, 2, 9, 0, 1))

    def test_fractional_seconds_are_floored(self):
        f = Maint.Fleet.new()
        f.now = utc(2013, 3, 1, 9, 0, 0, 999999)
        self.assertEqual(f.get_now(), 1362128400)

    def test_naive_datetime_is_refused(self):
        f = Maint.Fleet.new()
        with self.assertRaisesRegex(ValueError, 'timezone-aware'):
            f.now = datetime(2013, 3, 1, 9)
        with self.assertRaises(ValueError):
            Maint.Interval(datetime(2013, 3, 1), datetime(2013, 3, 2))
        self.assertEqual(f.get_now(), 0)

    def test_wrong_types_are_refused(self):
        a = Maint.Activity.new('a-1', 'vm1', Maint.ActivityKind.REBOOT)
        with self.assertRaises(TypeError):
            a.deadline = timedelta(days=1)
        with self.assertRaises(TypeError):
            a.estimate = utc(2013, 3, 1)
        with self.assertRaises(TypeError):
            a.deadline = '2013-03-01T00:00:00Z'

    def test_constructor_keywords(self):
        m = Maint.Machine(name='vm1', group='acme', kind=Maint.MachineKind.VM,
                          host='kvm1', booted_at=utc(2012, 9, 1))
        self.assertEqual(m.get_booted_at(), 1346457600)
        self.assertEqual(m.host, 'kvm1')
        self.assertEqual(m.kind, Maint.MachineKind.VM)

    def test_wave_from_is_spelled_from_(self):
        w = Maint.Wave(name='20%', from_=utc(2013, 3, 5), until=utc(2013, 3, 8))
        self.assertEqual(w.get_from(), 1362441600)
        self.assertEqual(w.from_, utc(2013, 3, 5))
        w.from_ = utc(2013, 3, 6)
        self.assertEqual(w.get_from(), 1362528000)

    def test_scheduler_set_now(self):
        fleet = Maint.Fleet.new_from_file(FLEET)
        s = Maint.Scheduler.new(fleet)
        s.set_now(utc(2013, 3, 4, 12))
        self.assertEqual(s.get_now(), 1362398400)
        plan = s.run()
        self.assertEqual(plan.now, utc(2013, 3, 4, 12))
        self.assertTrue(all(slot.start >= utc(2013, 3, 4, 12) for slot in plan.slots
                            if not slot.pinned))

    def test_module_functions(self):
        self.assertEqual(Maint.instant_format(utc(2026, 3, 29, 1)), '2026-03-29T01:00:00Z')
        self.assertEqual(Maint.instant_format(1774746000), '2026-03-29T01:00:00Z')
        self.assertEqual(Maint.instant_format_local(utc(2026, 3, 29, 1), 'Europe/Berlin'),
                         '2026-03-29T03:00:00+02:00')
        self.assertEqual(Maint.time_zone_offset_at('Europe/Berlin', utc(2026, 3, 29, 0, 59)),
                         3600)
        self.assertEqual(Maint.time_zone_offset_at('Europe/Berlin', utc(2026, 3, 29, 1)), 7200)
        self.assertEqual(Maint.time_zone_abbreviation_at('Europe/Berlin', utc(2026, 7, 1)),
                         'CEST')
        self.assertEqual(Maint.duration_format(timedelta(hours=1, minutes=30)), 'PT1H30M')


class Durations(unittest.TestCase):
    def test_property_reads_timedelta(self):
        g = Maint.ResourceGroup.new('acme')
        g.set_notice(172800)
        self.assertEqual(g.notice, timedelta(days=2))
        g.notice = timedelta(hours=36)
        self.assertEqual(g.get_notice(), 129600)
        self.assertEqual(g.props.notice, 129600)

    def test_policy_durations(self):
        p = Maint.Policy(horizon=timedelta(days=14), setup=timedelta(minutes=5),
                         min_slot=timedelta(minutes=15))
        self.assertEqual(p.get_horizon(), 14 * 86400)
        self.assertEqual(p.min_slot, timedelta(minutes=15))
        p.set_emergency_notice(timedelta(hours=2))
        self.assertEqual(p.get_emergency_notice(), 7200)

    def test_plan_elapsed_is_microseconds(self):
        plan = Maint.Plan.new(utc(2013, 3, 1))
        plan.set_elapsed(1500)
        self.assertEqual(plan.elapsed, timedelta(microseconds=1500))
        plan.elapsed = timedelta(milliseconds=2)
        self.assertEqual(plan.get_elapsed(), 2000)

    def test_every_int64_property_is_converted(self):
        # A gint64 property not in the override's table would come out as a
        # bare int: catch it when the C API grows one.
        table = sys.modules['gi.overrides.Maint']._TIME_PROPERTIES
        missing = []
        for name in dir(Maint):
            cls = getattr(Maint, name)
            if not (isinstance(cls, type) and issubclass(cls, GObject.Object)):
                continue
            for pspec in GObject.list_properties(cls.__gtype__):
                if pspec.owner_type != cls.__gtype__:
                    continue
                if pspec.value_type == GObject.TYPE_INT64 and \
                        pspec.name not in table.get(name, {}):
                    missing.append('%s:%s' % (name, pspec.name))
        self.assertEqual(missing, [])

    def test_every_property_is_an_attribute(self):
        for name in dir(Maint):
            cls = getattr(Maint, name)
            if not (isinstance(cls, type) and issubclass(cls, GObject.Object)):
                continue
            for pspec in GObject.list_properties(cls.__gtype__):
                attribute = pspec.name.replace('-', '_')
                if attribute == 'from':
                    attribute = 'from_'
                self.assertIsInstance(getattr(cls, attribute, None), property,
                                      '%s.%s' % (name, attribute))


class Lists(unittest.TestCase):
    def setUp(self):
        self.fleet = Maint.Fleet.new_from_file(FLEET)

    def test_fleet_lists(self):
        names = [m.name for m in self.fleet.machines]
        self.assertEqual(names, [m.get_name() for m in self.fleet.get_machines()])
        self.assertIn('kvm00', names)
        self.assertEqual(len(self.fleet.groups), len(self.fleet.get_groups()))
        self.assertTrue(all(isinstance(a, Maint.Activity) for a in self.fleet.activities))
        self.assertTrue(all(isinstance(s, Maint.Service) for s in self.fleet.services))
        self.assertTrue(all(isinstance(r, Maint.Rollout) for r in self.fleet.rollouts))

    def test_list_is_a_copy(self):
        machines = self.fleet.machines
        machines.clear()
        self.assertNotEqual(self.fleet.machines, [])

    def test_group_windows_and_rollout_waves(self):
        group = self.fleet.lookup_group('gocept-infra')
        self.assertEqual([str(w) for w in group.windows],
                         ['mon-fri 05:00-09:00', 'sat 10:00-14:00'])
        rollout = self.fleet.rollouts[0]
        self.assertEqual([w.name for w in rollout.waves], [w.get_name() for w in rollout.get_waves()])

    def test_plan_lists(self):
        plan = Maint.Scheduler.new(self.fleet).run()
        self.assertEqual(len(plan.slots), len(plan.get_slots()))
        self.assertEqual(sum(len(s.activities) for s in plan.slots), plan.n_scheduled)
        self.assertEqual(len(plan.unscheduled), plan.n_unscheduled)
        self.assertEqual(sum(c.total for c in plan.reboot_counts), plan.n_reboots)
        self.assertEqual(plan.latest_end, max(s.end for s in plan.slots))

    def test_constructor_collections(self):
        g = Maint.ResourceGroup(name='acme', timezone='Europe/Berlin',
                                windows=['daily 22:00-05:00', Maint.WindowSpec('sat 10:00-14:00')],
                                blackouts=[Maint.Interval(utc(2013, 3, 24), utc(2013, 3, 25))])
        self.assertEqual([str(w) for w in g.windows], ['daily 22:00-05:00', 'sat 10:00-14:00'])
        self.assertEqual(g.blackouts, [Maint.Interval(utc(2013, 3, 24), utc(2013, 3, 25))])
        r = Maint.Rollout(name='os', staging_lead=timedelta(hours=24),
                          waves=[Maint.Wave(name='a'), Maint.Wave(name='b', share=1.0)])
        self.assertEqual([w.name for w in r.waves], ['a', 'b'])
        self.assertEqual(r.get_staging_lead(), 86400)


class Reprs(unittest.TestCase):
    def test_machine(self):
        m = Maint.Machine.new('vm1', 'acme', Maint.MachineKind.VM)
        self.assertEqual(repr(m), '<Maint.Machine vm1 group=acme kind=vm>')
        m.host = 'kvm1'
        self.assertEqual(repr(m), '<Maint.Machine vm1 group=acme kind=vm host=kvm1>')

    def test_activity_and_slot(self):
        a = Maint.Activity(id='a-1', machine='vm1', kind=Maint.ActivityKind.KERNEL_UPDATE,
                           estimate=timedelta(minutes=10))
        self.assertEqual(repr(a), '<Maint.Activity a-1 machine=vm1 kind=kernel-update estimate=PT10M>')
        s = Maint.Slot.new('vm1', utc(2013, 3, 4, 21), utc(2013, 3, 4, 21, 20))
        s.set_activities(['a-1'])
        s.set_reboot(Maint.RebootKind.COLD)
        self.assertEqual(repr(s), '<Maint.Slot vm1 2013-03-04T21:00:00Z/2013-03-04T21:20:00Z '
                                  'activities=[a-1] reboot=cold>')

    def test_group_and_plan(self):
        g = Maint.ResourceGroup(name='acme', timezone='Europe/Berlin', windows=['daily 22:00-05:00'])
        self.assertEqual(repr(g), '<Maint.ResourceGroup acme timezone=Europe/Berlin '
                                  'windows=[daily 22:00-05:00]>')
        plan = Maint.Plan.new(utc(2013, 3, 1, 9))
        self.assertEqual(repr(plan), '<Maint.Plan now=2013-03-01T09:00:00Z scheduled=0 '
                                     'unscheduled=0 reboots=0>')

    def test_value_types(self):
        i = Maint.Interval(utc(2013, 3, 1), utc(2013, 3, 2))
        self.assertEqual(str(i), '[2013-03-01T00:00:00Z, 2013-03-02T00:00:00Z)')
        self.assertEqual(repr(i), '<Maint.Interval [2013-03-01T00:00:00Z, 2013-03-02T00:00:00Z)>')
        w = Maint.WindowSpec('MON-FRI 22:00-00:00')
        self.assertEqual(str(w), 'mon-fri 22:00-24:00')
        self.assertEqual(repr(w), "<Maint.WindowSpec 'mon-fri 22:00-24:00'>")


class ValueTypes(unittest.TestCase):
    def test_interval(self):
        a = Maint.Interval(utc(2013, 3, 1), utc(2013, 3, 2))
        b = Maint.Interval.new(1362096000, 1362182400)
        self.assertEqual(a, b)
        self.assertEqual(hash(a), hash(b))
        self.assertEqual(len({a, b}), 1)
        self.assertNotEqual(a, Maint.Interval(utc(2013, 3, 1), utc(2013, 3, 3)))
        self.assertNotEqual(a, (1362096000, 1362182400))
        self.assertEqual(a.start, utc(2013, 3, 1))
        self.assertEqual(a.end, utc(2013, 3, 2))
        self.assertEqual(a.duration, timedelta(days=1))
        self.assertIn(utc(2013, 3, 1, 12), a)
        self.assertNotIn(utc(2013, 3, 2), a)          # half-open
        self.assertTrue(a.contains(1362096000))
        later = Maint.Interval(utc(2013, 3, 5), utc(2013, 3, 6))
        self.assertEqual(sorted([later, a]), [a, later])

    def test_interval_set(self):
        s = Maint.IntervalSet([(utc(2013, 3, 1), utc(2013, 3, 2)),
                               Maint.Interval(utc(2013, 3, 5), utc(2013, 3, 6)),
                               (utc(2013, 3, 2), utc(2013, 3, 3))])
        self.assertEqual(len(s), 2)                   # normalized: adjacent ones merged
        self.assertEqual([i.start for i in s], [utc(2013, 3, 1), utc(2013, 3, 5)])
        self.assertEqual(s[1], Maint.Interval(utc(2013, 3, 5), utc(2013, 3, 6)))
        self.assertEqual(s[-1], s[1])
        with self.assertRaises(IndexError):
            s[2]
        self.assertIn(utc(2013, 3, 2, 12), s)
        self.assertNotIn(utc(2013, 3, 4), s)
        self.assertIn(Maint.Interval(utc(2013, 3, 1, 6), utc(2013, 3, 2, 6)), s)
        self.assertNotIn(Maint.Interval(utc(2013, 3, 2, 6), utc(2013, 3, 5, 6)), s)
        self.assertEqual(s.total, timedelta(days=3))
        self.assertTrue(s.overlaps(utc(2013, 3, 2, 23), utc(2013, 3, 4)))

        other = Maint.IntervalSet([(utc(2013, 3, 2), utc(2013, 3, 5, 12))])
        self.assertEqual(s | other, Maint.IntervalSet([(utc(2013, 3, 1), utc(2013, 3, 6))]))
        self.assertEqual(s & other, Maint.IntervalSet([(utc(2013, 3, 2), utc(2013, 3, 3)),
                                                       (utc(2013, 3, 5), utc(2013, 3, 5, 12))]))
        self.assertEqual(s - other, Maint.IntervalSet([(utc(2013, 3, 1), utc(2013, 3, 2)),
                                                       (utc(2013, 3, 5, 12), utc(2013, 3, 6))]))
        same = Maint.IntervalSet([(utc(2013, 3, 5), utc(2013, 3, 6)),
                                  (utc(2013, 3, 1), utc(2013, 3, 3))])
        self.assertEqual(s, same)
        self.assertEqual(hash(s), hash(same))
        self.assertEqual(len(Maint.IntervalSet()), 0)
        self.assertFalse(Maint.IntervalSet())
        added = Maint.IntervalSet().add(utc(2013, 3, 1), utc(2013, 3, 2))
        self.assertEqual(list(added), [Maint.Interval(utc(2013, 3, 1), utc(2013, 3, 2))])

    def test_window_spec(self):
        a = Maint.WindowSpec('mon,tue,wed 22:00-02:00')
        b = Maint.WindowSpec.parse('mon-wed 22:00-02:00')
        self.assertEqual(a, b)
        self.assertEqual(hash(a), hash(b))
        self.assertEqual(str(a), 'mon-wed 22:00-02:00')
        self.assertNotEqual(a, Maint.WindowSpec('mon-wed 22:00-03:00'))
        self.assertEqual(len({a, b, Maint.WindowSpec('daily 22:00-02:00')}), 2)

    def test_window_spec_occurrences_with_datetimes(self):
        spec = Maint.WindowSpec('sat 22:00-02:00')
        # Saturday 2026-03-28 22:00 CET to Sunday 03:00 CEST: the spring-forward
        # night; 02:00 does not exist and shifts to 03:00 CEST = 01:00Z
        occ = spec.next_occurrence('Europe/Berlin', utc(2026, 3, 27))
        self.assertEqual((occ.start, occ.end), (utc(2026, 3, 28, 21), utc(2026, 3, 29, 1)))
        inside = spec.occurrence_containing('Europe/Berlin', utc(2026, 3, 28, 23))
        self.assertEqual(inside, occ)
        occs = spec.occurrences('Europe/Berlin', utc(2026, 3, 27), utc(2026, 4, 12))
        self.assertEqual([o.start for o in occs],
                         [utc(2026, 3, 28, 21), utc(2026, 4, 4, 20), utc(2026, 4, 11, 20)])
        expanded = Maint.window_specs_expand(['sat 22:00-02:00', spec], 'Europe/Berlin',
                                             utc(2026, 3, 27), utc(2026, 4, 12))
        self.assertEqual(list(expanded), occs)

    def test_group_maintenance_intervals(self):
        g = Maint.ResourceGroup(name='acme', timezone='Europe/Berlin',
                                windows=['daily 22:00-05:00'],
                                blackouts=[Maint.Interval(utc(2026, 3, 2), utc(2026, 3, 3))])
        got = g.get_maintenance_intervals(utc(2026, 3, 1), utc(2026, 3, 4))
        self.assertIsInstance(got, Maint.IntervalSet)
        self.assertNotIn(utc(2026, 3, 2, 2), got)   # blacked out
        self.assertIn(utc(2026, 3, 1, 23), got)
        self.assertIn(utc(2026, 3, 3, 22), got)


class Errors(unittest.TestCase):
    def test_fleet_reference_error(self):
        data = ('{"format": "libmaint-fleet/1", "machines": '
                '[{"name": "vm1", "group": "acme", "kind": "vm"}]}')
        with self.assertRaises(GLib.Error) as cm:
            Maint.Fleet.new_from_data(data)
        e = cm.exception
        self.assertEqual(e.domain, GLib.quark_to_string(Maint.FleetError.quark()))
        self.assertEqual(e.code, Maint.FleetError.REFERENCE_FAILED)
        self.assertTrue(e.matches(Maint.FleetError.quark(), Maint.FleetError.REFERENCE_FAILED))
        self.assertTrue(e.message.startswith('machines[0].group: '), e.message)
        self.assertIn('"acme"', e.message)

    def test_fleet_bytes_and_str(self):
        data = '{"format": "libmaint-fleet/1", "now": "2013-03-01T10:00:00+01:00"}'
        self.assertEqual(Maint.Fleet.new_from_data(data).now, utc(2013, 3, 1, 9))
        self.assertEqual(Maint.Fleet.new_from_data(data.encode()).now, utc(2013, 3, 1, 9))

    def test_fleet_format_error(self):
        with self.assertRaises(GLib.Error) as cm:
            Maint.Fleet.new_from_data('{"format": "libmaint-plan/1"}')
        self.assertTrue(cm.exception.matches(Maint.FleetError.quark(),
                                             Maint.FleetError.FORMAT_FAILED))

    def test_fleet_io_error(self):
        with self.assertRaises(GLib.Error) as cm:
            Maint.Fleet.new_from_file('/nonexistent/fleet.json')
        self.assertTrue(cm.exception.matches(Maint.FleetError.quark(),
                                             Maint.FleetError.IO_FAILED))

    def test_window_spec_error(self):
        with self.assertRaises(GLib.Error) as cm:
            Maint.WindowSpec('mon 25:00-26:00')
        self.assertTrue(cm.exception.matches(Maint.WindowSpecError.quark(),
                                             Maint.WindowSpecError.PARSE_FAILED))

    def test_unknown_zone_is_an_error(self):
        spec = Maint.WindowSpec('daily 22:00-05:00')
        with self.assertRaises(GLib.Error) as cm:
            spec.next_occurrence('Mars/Olympus_Mons', utc(2026, 3, 1))
        self.assertTrue(cm.exception.matches(Maint.TimeError.quark(),
                                             Maint.TimeError.ZONE_FAILED))

    def test_plan_error(self):
        with self.assertRaises(GLib.Error) as cm:
            Maint.Plan.new_from_data('{"format": "libmaint-plan/1", "now": "tomorrow", '
                                     '"slots": [], "host_downtime": [], "unscheduled": [], '
                                     '"reboots": []}')
        self.assertEqual(cm.exception.domain, GLib.quark_to_string(Maint.PlanError.quark()))
        self.assertTrue(cm.exception.message.startswith('now: '), cm.exception.message)


class RoundTrip(unittest.TestCase):
    def test_plan_json_round_trip(self):
        fleet = Maint.Fleet.new_from_file(FLEET)
        plan = Maint.Scheduler.new(fleet).run()
        data, _ = plan.to_data()
        again = Maint.Plan.new_from_data(data)
        self.assertEqual(again.to_data()[0], data)
        self.assertEqual([(s.machine, s.start, s.end) for s in again.slots],
                         [(s.machine, s.start, s.end) for s in plan.slots])
        # the verifier sees the same plan (and its Violation objects are valid)
        self.assertEqual([(v.constraint, v.message) for v in Maint.verify_plan(fleet, again)],
                         [(v.constraint, v.message) for v in Maint.verify_plan(fleet, plan)])


class Announce(unittest.TestCase):
    def test_announce_with_datetime_and_replan(self):
        fleet = Maint.Fleet.new_from_file(FLEET)
        plan = Maint.Scheduler.new(fleet).run()
        until = utc(2013, 3, 5)
        due = [s for s in plan.slots if s.announce_by <= until]
        self.assertTrue(due)
        pinned = plan.announce(fleet, until)
        self.assertGreater(pinned, 0)
        record = fleet.lookup_activity(due[0].activities[0])
        self.assertEqual(record.scheduled.start, due[0].start)
        self.assertEqual(plan.announce(fleet, until), 0)
        # a generated activity resolves to its rollout's template
        generated = fleet.resolve_activity('os-2013-03/router01')
        self.assertEqual(generated.rollout, 'os-2013-03')
        again = Maint.Scheduler.new(fleet).run()
        kept = {(s.machine, s.start, s.end) for s in again.slots if s.pinned}
        for slot in due:
            self.assertIn((slot.machine, slot.start, slot.end), kept)
        self.assertEqual(Maint.verify_plan(fleet, again), [])

    def test_announce_everything_by_default(self):
        fleet = Maint.Fleet.new_from_file(FLEET)
        plan = Maint.Scheduler.new(fleet).run()
        plan.announce(fleet)
        for slot in plan.slots:
            for activity in slot.activities:
                self.assertIsNotNone(fleet.lookup_activity(activity).scheduled, activity)


if __name__ == '__main__':
    unittest.main(verbosity=2)
