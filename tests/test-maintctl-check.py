#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Tests of `maintctl check FLEET.json`, run by meson with $MAINTCTL and
$MAINT_EXAMPLES_DIR set; unittest prints its own summary.

A good fleet gives exit 0 and a summary on stdout; bad input of any kind
gives exit 2, nothing on stdout and exactly one line on stderr,
"maintctl: FILE: PATH: message"; nothing makes maintctl crash or hang.
"""

import json
import os
import subprocess
import sys
import tempfile
import unittest

MAINTCTL = os.environ.get("MAINTCTL")
EXAMPLES = os.environ.get("MAINT_EXAMPLES_DIR",
                          os.path.join(os.path.dirname(__file__), "..", "examples"))
EXAMPLE = os.path.join(EXAMPLES, "fleets", "gocept.json")

GROUP = {"name": "acme", "contacts": ["ops@acme.example"], "timezone": "Europe/Berlin",
         "locale": "de", "windows": ["daily 22:00-05:00"], "notice": "P2D",
         "stage": "production"}
INFRA = {"name": "infra", "contacts": ["ops@gocept.example"], "timezone": "UTC",
         "stage": "infrastructure"}


def fleet(**sections):
    doc = {"format": "libmaint-fleet/1", "now": "2013-03-01T09:00:00Z",
           "resource_groups": [GROUP, INFRA],
           "machines": [{"name": "kvm01", "group": "infra", "kind": "host"},
                        {"name": "acme-web1", "group": "acme", "kind": "vm", "host": "kvm01"}]}
    doc.update(sections)
    return doc


class CheckTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, data):
        path = os.path.join(self.tmp.name, name)
        if isinstance(data, dict):
            data = json.dumps(data)
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        return path

    def run_check(self, *args, timeout=60):
        return subprocess.run([MAINTCTL, "check", *args], capture_output=True,
                              timeout=timeout)

    def assert_bad(self, path, message):
        """Exit 2, no output, one line naming the file and the message."""
        result = self.run_check(path)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertEqual(result.stdout, b"")
        stderr = result.stderr.decode("utf-8", "replace")
        self.assertTrue(stderr.endswith("\n"), stderr)
        self.assertEqual(stderr.count("\n"), 1, stderr)
        self.assertTrue(stderr.startswith("maintctl: %s: %s" % (path, message)),
                        "%r does not start with %r" % (stderr, message))
        return stderr

    def test_example(self):
        result = self.run_check(EXAMPLE)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, b"")
        lines = result.stdout.decode("utf-8").splitlines()
        self.assertEqual(lines[0], "fleet: %s (libmaint-fleet/1)" % EXAMPLE)
        self.assertIn("now: 2013-03-01T09:00:00Z", lines)
        self.assertIn("resource groups: 32 (testing 2, staging 4, production 24, "
                      "infrastructure 2)", lines)
        self.assertIn("machines: 141 (vm 120, host 6, infrastructure 15)", lines)
        self.assertIn("rollouts: 1 (7 waves)", lines)
        self.assertIn("time zones: America/New_York, Asia/Tokyo, Australia/Sydney, "
                      "Europe/Berlin, Europe/London, UTC", lines)
        activities = [l for l in lines if l.startswith("activities: ")]
        self.assertEqual(len(activities), 1)
        for kind in ("reboot", "memory-resize", "cpu-change", "kernel-update",
                     "system-update", "fs-check", "fs-migration", "host-reboot", "custom"):
            self.assertRegex(activities[0], r"[ (]%s \d+[,)]" % kind)

    def test_summary_counts(self):
        doc = fleet(services=[{"name": "web", "members": ["acme-web1"]}],
                    activities=[{"id": "a", "machine": "acme-web1", "kind": "reboot"},
                                {"id": "b", "machine": "acme-web1", "kind": "reboot"},
                                {"id": "c", "machine": "kvm01", "kind": "host-reboot"}])
        result = self.run_check(self.write("f.json", doc))
        self.assertEqual(result.returncode, 0, result.stderr)
        out = result.stdout.decode("utf-8")
        self.assertIn("resource groups: 2 (production 1, infrastructure 1)\n", out)
        self.assertIn("machines: 2 (vm 1, host 1)\n", out)
        self.assertIn("services: 1\n", out)
        self.assertIn("activities: 3 (reboot 2, host-reboot 1)\n", out)
        self.assertIn("rollouts: 0 (0 waves)\n", out)
        self.assertIn("time zones: Europe/Berlin, UTC\n", out)

    def test_empty_fleet(self):
        result = self.run_check(self.write("f.json", '{"format": "libmaint-fleet/1"}'))
        self.assertEqual(result.returncode, 0, result.stderr)
        out = result.stdout.decode("utf-8")
        self.assertIn("resource groups: 0\n", out)
        self.assertIn("time zones: none\n", out)
        self.assertNotIn("now:", out)

    def test_unknown_group(self):
        doc = fleet()
        doc["machines"].append({"name": "x", "group": "nope", "kind": "infrastructure"})
        self.assert_bad(self.write("f.json", doc),
                        'machines[2].group: unknown resource group "nope"')

    def test_vm_on_non_host(self):
        doc = fleet()
        doc["machines"].append({"name": "x", "group": "acme", "kind": "vm", "host": "acme-web1"})
        self.assert_bad(self.write("f.json", doc), 'machines[2].host: "acme-web1" is not a host')

    def test_bad_values(self):
        cases = [
            (dict(policy={"max_concurrent": -1}),
             "policy.max_concurrent: expected a non-negative integer, got -1"),
            (dict(resource_groups=[dict(GROUP, notice="2 days"), INFRA]),
             'resource_groups[0].notice: expected an ISO 8601 duration such as "PT15M", got "2 days"'),
            (dict(resource_groups=[dict(GROUP, timezone="Mars/Base"), INFRA]),
             'resource_groups[0].timezone: unknown time zone "Mars/Base"'),
            (dict(resource_groups=[dict(GROUP, windows=["daily 25:00-05:00"]), INFRA]),
             "resource_groups[0].windows[0]: column "),
            (dict(resource_groups=[dict(GROUP, contacts=[]), INFRA]),
             "resource_groups[0].contacts: expected at least one element"),
            (dict(resource_groups=[dict(GROUP, contacts=["ops"]), INFRA]),
             "resource_groups[0].contacts[0]: expected an e-mail address"),
            (dict(activities=[{"id": "a", "machine": "acme-web1", "kind": "reboot", "bogus": 1}]),
             'activities[0].bogus: unknown field (extensions must start with "x-")'),
            (dict(format="libmaint-plan/1"), 'format: unsupported format "libmaint-plan/1"'),
        ]
        for sections, message in cases:
            with self.subTest(message=message):
                self.assert_bad(self.write("f.json", fleet(**sections)), message)

    def test_line_breaks_stay_on_one_line(self):
        doc = fleet()
        doc["machines"][1]["x\nBcc: y\r"] = 1
        stderr = self.assert_bad(self.write("f.json", doc),
                                 'machines[1]["x\\nBcc: y\\r"]: unknown field')
        self.assertNotIn("\r", stderr)
        doc = fleet()
        doc["machines"][1]["group"] = "a\nb"
        self.assert_bad(self.write("f.json", doc),
                        "machines[1].group: control characters are not allowed")

    def test_truncated(self):
        text = open(EXAMPLE, "rb").read()
        for cut in (1, 100, len(text) // 3, len(text) // 2, len(text) - 2):
            with self.subTest(cut=cut):
                self.assert_bad(self.write("t.json", text[:cut]), "line ")

    def test_huge_numbers(self):
        for number, message in (("1e400", "number 1e400 is out of range"),
                                ("99999999999999999999", "number 99999999999999999999 is out of range"),
                                ("-99999999999999999999", "number -99999999999999999999 is out of range"),
                                ("4294967296", "expected a non-negative integer up to 4294967295"),
                                ("1" * 5000, "number 1111111111")):
            with self.subTest(number=number[:30]):
                path = self.write("n.json", '{"format": "libmaint-fleet/1", "policy": '
                                  '{"max_concurrent": %s}}' % number)
                self.assert_bad(path, "policy.max_concurrent: " + message)

    def test_deep_nesting(self):
        for doc in ("[" * 100000 + "]" * 100000,
                    "[" * 100000,
                    '{"format": "libmaint-fleet/1", "x-a": ' + "[" * 100000 + "]" * 100000 + "}",
                    '{"a":' * 100000):
            with self.subTest(length=len(doc)):
                self.assert_bad(self.write("d.json", doc), "")
                result = self.run_check(os.path.join(self.tmp.name, "d.json"))
                self.assertIn(b"nesting deeper than 64 levels", result.stderr)

    def test_not_utf8(self):
        for data in (b'{"format": "libmaint-fleet/1", "x-a": "\xff\xfe"}',
                     b'\xef\xbb\xbf{"format": "libmaint-fleet/1"}',
                     b'{"format": "libmaint-fleet/1"\x00}',
                     bytes(range(256))):
            with self.subTest(data=data[:20]):
                self.assert_bad(self.write("u.json", data), "line 1, column ")

    def test_not_json(self):
        for data, message in ((b"", "line 1, column 1: the document is empty"),
                              (b"   \n", "line 2, column 1: the document is empty"),
                              (b"fleet", "line 1, column 1: invalid literal"),
                              (b"<fleet/>", "line 1, column 1: expected a value, got '<'"),
                              (b"[]", "$: expected a libmaint-fleet/1 document"),
                              (b"{}", '$: missing required field "format"'),
                              (b'{"format": "libmaint-fleet/1"} trailing', "line 1, column 32:")):
            with self.subTest(data=data):
                self.assert_bad(self.write("j.json", data), message)

    def test_files(self):
        missing = os.path.join(self.tmp.name, "missing.json")
        self.assert_bad(missing, 'cannot read "%s": No such file or directory' % missing)
        self.assert_bad(self.tmp.name, 'cannot read "%s": Is a directory' % self.tmp.name)

    def test_usage(self):
        for args in ((), ("a.json", "b.json"), ("--bogus",)):
            with self.subTest(args=args):
                result = self.run_check(*args)
                self.assertEqual(result.returncode, 2)
                self.assertEqual(result.stderr.count(b"\n"), 1, result.stderr)
                self.assertTrue(result.stderr.startswith(b"maintctl: check: "))
        result = self.run_check("--help")
        self.assertEqual(result.returncode, 0)
        self.assertIn(b"FLEET.json", result.stdout)

    def test_random_corruption(self):
        """Flip bytes of the example deterministically: never a crash."""
        text = bytearray(open(EXAMPLE, "rb").read())
        for i in range(40):
            data = bytearray(text)
            pos = (i * 7919 * 31) % len(data)
            data[pos] = (data[pos] + 1 + i) % 256
            path = self.write("c.json", bytes(data))
            result = self.run_check(path)
            with self.subTest(pos=pos):
                self.assertIn(result.returncode, (0, 2), result.stderr)
                if result.returncode == 2:
                    self.assertEqual(result.stderr.count(b"\n"), 1)


if __name__ == "__main__":
    if not MAINTCTL:
        sys.exit("MAINTCTL is not set")
    unittest.main(verbosity=2)
