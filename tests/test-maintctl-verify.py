#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Tests of `maintctl verify FLEET.json PLAN.json`, run by meson with
$MAINTCTL set; prints TAP.

Exit 0 and "plan holds: N slots, 0 violations" when the plan holds; exit 1
and one line "CONSTRAINT-NICK: message" per violation on stdout when it
breaks a constraint; exit 2 and one line "maintctl: ..." on stderr (naming
the file and the JSON path) on bad input.

The fleet's group keeps Europe/Berlin time: its window "daily 22:00-02:00"
is 21:00Z-01:00Z in March 2026 (CET), so the expected instants below are
worked out by hand, not taken from maintctl's output.
"""

import copy
import json
import os
import subprocess
import sys
import tempfile

MAINTCTL = os.environ.get("MAINTCTL")
results = []

FLEET = {
    "format": "libmaint-fleet/1",
    "now": "2026-03-02T12:00:00Z",
    "policy": {"setup": "PT5M", "min_slot": "PT15M"},
    "resource_groups": [{
        "name": "acme",
        "contacts": ["ops@acme.example"],
        "timezone": "Europe/Berlin",
        "locale": "en",
        "windows": ["daily 22:00-02:00"],
        "notice": "P1D",
        "stage": "production",
    }],
    "machines": [
        {"name": "h1", "group": "acme", "kind": "host"},
        {"name": "vm1", "group": "acme", "kind": "vm", "host": "h1"},
        {"name": "vm2", "group": "acme", "kind": "vm", "host": "h1"},
    ],
    "services": [{"name": "db", "members": ["vm1", "vm2"]}],
    "activities": [
        {"id": "a1", "machine": "vm1", "kind": "kernel-update", "estimate": "PT10M"},
        {"id": "a2", "machine": "vm2", "kind": "kernel-update", "estimate": "PT10M"},
    ],
}


def slot(machine, start, end, activities):
    return {"machine": machine, "group": "acme", "start": start, "end": end,
            "activities": activities, "reboot": "warm", "pinned": False}


GOOD_PLAN = {
    "format": "libmaint-plan/1",
    "now": "2026-03-02T12:00:00Z",
    "slots": [
        slot("vm1", "2026-03-03T21:00:00Z", "2026-03-03T21:15:00Z", ["a1"]),
        # local 23:15+01:00 written with an offset: input accepts any offset
        slot("vm2", "2026-03-03T22:15:00+01:00", "2026-03-03T22:30:00+01:00", ["a2"]),
    ],
    "host_downtime": [],
    "unscheduled": [],
    "reboots": [],
}


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def run(*args):
    p = subprocess.run([MAINTCTL, "verify", *args], capture_output=True, text=True,
                       timeout=60)
    return p.returncode, p.stdout, p.stderr


def write(directory, name, document):
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8") as f:
        if isinstance(document, str):
            f.write(document)
        else:
            json.dump(document, f, indent=2)
    return path


def expect_output(name, args, rc_wanted, lines):
    rc, out, err = run(*args)
    check(name, rc == rc_wanted and out.splitlines() == lines,
          "rc=%d (wanted %d)\nstdout:\n%s\nstderr:\n%s\nexpected:\n%s"
          % (rc, rc_wanted, out, err, "\n".join(lines)))


def expect_error(name, args, fragments):
    rc, out, err = run(*args)
    check(name, rc == 2 and out == "" and err.count("\n") == 1
          and err.startswith("maintctl: ") and all(f in err for f in fragments),
          "rc=%d stdout=%r stderr=%r (wanted %r)" % (rc, out, err, fragments))


def main():
    if not MAINTCTL:
        print("1..1\nnot ok 1 MAINTCTL is not set")
        return 1

    with tempfile.TemporaryDirectory() as d:
        fleet = write(d, "fleet.json", FLEET)
        good = write(d, "good.json", GOOD_PLAN)

        expect_output("holds", [fleet, good], 0,
                      ["plan holds: 2 slots, 0 violations"])

        # every activity unscheduled also holds
        idle = copy.deepcopy(GOOD_PLAN)
        idle["slots"] = []
        idle["unscheduled"] = [
            {"activity": "a1", "machine": "vm1", "reason": "capacity"},
            {"activity": "a2", "machine": "vm2", "reason": "capacity"},
        ]
        expect_output("holds-unscheduled", [fleet, write(d, "idle.json", idle)], 0,
                      ["plan holds: 0 slots, 0 violations"])

        # vm2 overlaps vm1 (a service of two with max_unavailable 1), and
        # vm1 starts before the window opens at 21:00Z
        bad = copy.deepcopy(GOOD_PLAN)
        bad["slots"] = [
            slot("vm1", "2026-03-03T20:55:00Z", "2026-03-03T21:10:00Z", ["a1"]),
            slot("vm2", "2026-03-03T21:05:00Z", "2026-03-03T21:20:00Z", ["a2"]),
        ]
        expect_output("violations", [fleet, write(d, "bad.json", bad)], 1, [
            "window: slot of vm1 from 2026-03-03T20:55:00Z to 2026-03-03T21:10:00Z "
            "is not inside one maintenance window of group acme "
            "(daily 22:00-02:00 in Europe/Berlin)",
            "service-unavailable: 2 members of service db are down at once from "
            "2026-03-03T21:05:00Z to 2026-03-03T21:10:00Z, more than its "
            "max_unavailable of 1: vm1, vm2",
        ])

        # an activity left out, and a host reboot that takes both members down
        host = copy.deepcopy(FLEET)
        host["activities"].append({"id": "hr", "machine": "h1", "kind": "host-reboot",
                                   "estimate": "PT20M", "reboot": "cold"})
        hostfile = write(d, "host-fleet.json", host)
        expect_output("missing-activity", [hostfile, good], 1, [
            "coverage: activity hr of h1 is neither in a slot nor listed as unscheduled",
        ])
        rebooting = copy.deepcopy(GOOD_PLAN)
        rebooting["slots"].append(
            slot("h1", "2026-03-04T22:00:00Z", "2026-03-04T22:30:00Z", ["hr"]))
        rebooting["host_downtime"] = [
            {"guest": g, "host": "h1",
             "start": "2026-03-04T22:00:00Z", "end": "2026-03-04T22:30:00Z"}
            for g in ("vm1", "vm2")
        ]
        rc, out, err = run(hostfile, write(d, "rebooting.json", rebooting))
        check("host-reboot-counts", rc == 1 and out.splitlines() == [
            "service-unavailable: 2 members of service db are down at once from "
            "2026-03-04T22:00:00Z to 2026-03-04T22:30:00Z, more than its "
            "max_unavailable of 1: vm1, vm2"], "rc=%d\n%s%s" % (rc, out, err))

        # the same plan against a fleet where the service allows two
        roomy = copy.deepcopy(host)
        roomy["services"][0]["max_unavailable"] = 2
        expect_output("host-reboot-allowed",
                      [write(d, "roomy.json", roomy), write(d, "rebooting2.json", rebooting)],
                      0, ["plan holds: 3 slots, 0 violations"])

        # bad input: exit 2, one line naming the file and the JSON path
        expect_error("missing-plan", [fleet, os.path.join(d, "nope.json")], ["nope.json"])
        expect_error("missing-fleet", [os.path.join(d, "nope.json"), good], ["nope.json"])
        expect_error("plan-not-json", [fleet, write(d, "garbage.json", "{\"format\": ")],
                     ["garbage.json"])
        wrong = copy.deepcopy(GOOD_PLAN)
        wrong["format"] = "libmaint-plan/99"
        expect_error("plan-format", [fleet, write(d, "wrong.json", wrong)],
                     ["wrong.json", "format"])
        badtime = copy.deepcopy(GOOD_PLAN)
        badtime["slots"][1]["start"] = "tomorrow"
        expect_error("plan-path", [fleet, write(d, "badtime.json", badtime)],
                     ["badtime.json", "slots[1].start"])
        badfleet = copy.deepcopy(FLEET)
        badfleet["machines"][2]["group"] = "nobody"
        expect_error("fleet-path", [write(d, "badfleet.json", badfleet), good],
                     ["badfleet.json", "machines[2].group"])
        expect_error("plan-as-fleet", [good, good], ["good.json"])
        expect_error("one-argument", [fleet], ["FLEET.json"])
        expect_error("three-arguments", [fleet, good, good], ["FLEET.json"])

        rc, out, err = run("--help")
        check("help", rc == 0 and "FLEET.json PLAN.json" in out, err)

    print("1..%d" % len(results))
    failed = 0
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d %s" % ("ok" if ok else "not ok", i, name))
        if not ok:
            failed += 1
            for line in detail.splitlines():
                print("# " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
