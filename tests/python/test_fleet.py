#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The fleet API and the libmaint-fleet/1 codec from Python (PyGObject).

Run by meson with /usr/bin/python3, GI_TYPELIB_PATH and LD_LIBRARY_PATH
pointing into the build tree, PYTHONPATH=bindings/python and
MAINT_EXAMPLES_DIR; unittest prints its own summary.
"""

import os
import tempfile
import unittest

import gi

gi.require_version("Maint", "1")
from gi.repository import GLib, Maint  # noqa: E402

EXAMPLES = os.environ.get("MAINT_EXAMPLES_DIR",
                          os.path.join(os.path.dirname(__file__), "..", "..", "examples"))
EXAMPLE = os.path.join(EXAMPLES, "fleets", "gocept.json")
FLEET_ERROR = "maint-fleet-error-quark"


def instant(text):
    ok, value = Maint.instant_parse(text)
    assert ok
    return value


class ExampleFleetTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fleet = Maint.Fleet.new_from_file(EXAMPLE)

    def test_counts(self):
        self.assertEqual(self.fleet.get_now(), instant("2013-03-01T09:00:00Z"))
        self.assertEqual(self.fleet.props.now, instant("2013-03-01T09:00:00Z"))
        self.assertEqual(len(self.fleet.get_groups()), 32)
        self.assertEqual(len(self.fleet.get_machines()), 141)
        kinds = [m.props.kind for m in self.fleet.get_machines()]
        self.assertEqual(kinds.count(Maint.MachineKind.VM), 120)
        self.assertEqual(kinds.count(Maint.MachineKind.HOST), 6)
        self.assertEqual(kinds.count(Maint.MachineKind.INFRASTRUCTURE), 15)

    def test_group_properties(self):
        group = self.fleet.lookup_group("kulturverlag")
        self.assertEqual(group.props.name, "kulturverlag")
        self.assertEqual(group.get_name(), "kulturverlag")
        self.assertEqual(list(group.props.contacts), ["technik@kulturverlag.example"])
        self.assertEqual(group.props.timezone, "Europe/Berlin")
        self.assertEqual(group.props.locale, "de")
        self.assertEqual(group.props.notice, 2 * 86400)
        self.assertEqual(group.props.stage, Maint.Stage.PRODUCTION)
        self.assertEqual(group.props.max_concurrent, 2)
        self.assertEqual([w.to_string() for w in group.get_windows()], ["daily 22:00-05:00"])
        london = self.fleet.lookup_group("thames-media")
        self.assertEqual(london.props.timezone, "Europe/London")
        self.assertEqual(len(london.get_blackouts()), 1)

    def test_machine_properties(self):
        host = self.fleet.lookup_machine("kvm00")
        self.assertEqual(host.props.kind, Maint.MachineKind.HOST)
        self.assertEqual(host.props.group, "gocept-infra")
        self.assertIsNone(host.props.host)
        self.assertGreater(host.props.booted_at, 0)
        vm = self.fleet.lookup_machine("kulturverlag-web1")
        self.assertEqual(vm.props.kind, Maint.MachineKind.VM)
        self.assertIn(vm.props.host, ["kvm%02d" % i for i in range(6)])
        self.assertTrue(vm.props.auto_schedule)
        self.assertFalse(self.fleet.lookup_machine("backup00").props.auto_schedule)

    def test_services_and_rollout(self):
        db = self.fleet.lookup_service("kulturverlag-db")
        self.assertEqual(list(db.props.members), ["kulturverlag-db1", "kulturverlag-db2"])
        self.assertEqual(list(db.props.order), ["kulturverlag-db2", "kulturverlag-db1"])
        self.assertEqual(db.props.spacing, 3600)
        rollout = self.fleet.lookup_rollout("os-2013-03")
        waves = rollout.get_waves()
        self.assertEqual([w.props.name for w in waves],
                         ["staging", "testing", "infrastructure", "representative",
                          "20%", "30%", "rest"])
        self.assertEqual(waves[0].props.select_stage, Maint.Stage.STAGING)
        self.assertEqual(waves[2].props.select_kind, Maint.MachineKind.INFRASTRUCTURE)
        self.assertTrue(waves[3].props.select_representative)
        self.assertAlmostEqual(waves[4].props.share, 0.2)
        self.assertEqual(rollout.props.staging_lead, 86400)

    def test_round_trip(self):
        text, length = self.fleet.to_data()
        self.assertEqual(len(text.encode("utf-8")), length)
        again = Maint.Fleet.new_from_data(text.encode("utf-8"))
        self.assertTrue(self.fleet.equal(again))
        self.assertEqual(again.to_data()[0], text)


class BuildFleetTest(unittest.TestCase):
    def build(self):
        fleet = Maint.Fleet()
        fleet.set_now(instant("2013-03-01T09:00:00Z"))
        policy = Maint.Policy(max_concurrent=5)
        fleet.set_policy(policy)

        group = Maint.ResourceGroup(name="acme", contacts=["ops@acme.example"],
                                    timezone="Europe/Berlin", locale="de",
                                    notice=86400, stage=Maint.Stage.STAGING)
        group.add_window(Maint.WindowSpec.parse("mon-fri 22:00-24:00"))
        group.add_blackout(Maint.Interval.new(instant("2013-03-24T00:00:00Z"),
                                              instant("2013-03-25T00:00:00Z")))
        infra = Maint.ResourceGroup(name="infra", contacts=["ops@gocept.example"],
                                    timezone="UTC", stage=Maint.Stage.INFRASTRUCTURE)
        fleet.add_group(group)
        fleet.add_group(infra)

        fleet.add_machine(Maint.Machine(name="kvm01", group="infra", kind=Maint.MachineKind.HOST))
        for name in ("acme-db1", "acme-db2"):
            fleet.add_machine(Maint.Machine(name=name, group="acme", kind=Maint.MachineKind.VM,
                                            host="kvm01", representative=name.endswith("1")))

        fleet.add_service(Maint.Service(name="acme-db", members=["acme-db1", "acme-db2"],
                                        order=["acme-db2", "acme-db1"], spacing=3600))

        activity = Maint.Activity(id="a-1", machine="acme-db1",
                                  kind=Maint.ActivityKind.MEMORY_RESIZE)
        activity.props.summary = "RAM 4 → 8 GiB"
        activity.props.estimate = 600
        activity.props.reboot = Maint.RebootKind.COLD
        activity.props.priority = Maint.Priority.URGENT
        activity.props.deadline = instant("2013-03-10T00:00:00Z")
        fleet.add_activity(activity)

        rollout = Maint.Rollout(name="os")
        wave = Maint.Wave(name="all", share=1.0)
        rollout.add_wave(wave)
        fleet.add_rollout(rollout)
        fleet.validate()
        return fleet

    def test_save_and_reload(self):
        fleet = self.build()
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "fleet.json")
            fleet.save_to_file(path)
            loaded = Maint.Fleet.new_from_file(path)
            self.assertTrue(fleet.equal(loaded))
            with open(path, encoding="utf-8") as f:
                text = f.read()
        self.assertIn('"windows": ["mon-fri 22:00-24:00"]', text)
        self.assertIn('"summary": "RAM 4 → 8 GiB"', text)
        self.assertIn('"order": ["acme-db2", "acme-db1"]', text)
        self.assertEqual(loaded.lookup_activity("a-1").props.reboot, Maint.RebootKind.COLD)
        self.assertEqual(loaded.lookup_group("acme").props.stage, Maint.Stage.STAGING)
        self.assertTrue(loaded.lookup_machine("acme-db1").props.representative)

    def test_change_is_noticed(self):
        fleet = self.build()
        other = Maint.Fleet.new_from_data(fleet.to_data()[0].encode("utf-8"))
        self.assertTrue(fleet.equal(other))
        other.lookup_machine("acme-db2").props.reboots = 1
        self.assertFalse(fleet.equal(other))

    def test_save_error(self):
        fleet = self.build()
        path = os.path.join(tempfile.gettempdir(), "no-such-dir-libmaint", "fleet.json")
        with self.assertRaises(GLib.Error) as cm:
            fleet.save_to_file(path)
        self.assertEqual(cm.exception.domain, FLEET_ERROR)
        self.assertEqual(cm.exception.code, Maint.FleetError.IO_FAILED)
        self.assertIn(path, cm.exception.message)


class ErrorTest(unittest.TestCase):
    def load_error(self, text):
        with self.assertRaises(GLib.Error) as cm:
            Maint.Fleet.new_from_data(text.encode("utf-8"))
        return cm.exception

    def test_unknown_group(self):
        error = self.load_error('{"format": "libmaint-fleet/1", "machines": '
                                '[{"name": "x", "group": "acme", "kind": "host"}]}')
        self.assertEqual(error.domain, FLEET_ERROR)
        self.assertEqual(error.code, Maint.FleetError.REFERENCE_FAILED)
        self.assertEqual(error.message, 'machines[0].group: unknown resource group "acme"')

    def test_bad_duration(self):
        error = self.load_error('{"format": "libmaint-fleet/1", "resource_groups": [{"name": "g",'
                                ' "contacts": ["a@b.example"], "timezone": "UTC", "notice": "2 days"}]}')
        self.assertEqual(error.code, Maint.FleetError.INVALID_FAILED)
        self.assertEqual(error.message, 'resource_groups[0].notice: expected an ISO 8601 duration'
                                        ' such as "PT15M", got "2 days"')

    def test_parse_error(self):
        error = self.load_error('{"format": "libmaint-fleet/1",\n "machines": [}')
        self.assertEqual(error.code, Maint.FleetError.PARSE_FAILED)
        self.assertTrue(error.message.startswith("line 2, column 15: "), error.message)

    def test_format(self):
        error = self.load_error('{"format": "libmaint-fleet/9"}')
        self.assertEqual(error.code, Maint.FleetError.FORMAT_FAILED)
        self.assertTrue(error.message.startswith("format: "))

    def test_missing_file(self):
        with self.assertRaises(GLib.Error) as cm:
            Maint.Fleet.new_from_file("/nonexistent/fleet.json")
        self.assertEqual(cm.exception.domain, FLEET_ERROR)
        self.assertEqual(cm.exception.code, Maint.FleetError.IO_FAILED)
        self.assertIn("/nonexistent/fleet.json", cm.exception.message)


if __name__ == "__main__":
    unittest.main(verbosity=2)
