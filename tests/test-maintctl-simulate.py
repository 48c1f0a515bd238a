#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Tests of `maintctl simulate`, run by meson with $MAINTCTL set; prints TAP.

The fleet: three production machines of one UTC group (window daily
22:00-23:00, notice 12 h, one machine down at a time), a rollout "r" whose
first wave is the representative m1 and whose second wave takes the rest
from 2026-03-04 on, halting after one failure. Slots are 15 minutes (10 min
estimate + 5 min setup), so the expected instants are worked out by hand:
m1 2026-03-02 22:00-22:15; m2 and m3 2026-03-04 22:00-22:15 and 22:15-22:30.
"""

import json
import os
import subprocess
import tempfile

MAINTCTL = os.environ.get("MAINTCTL")
results = []

FLEET = {
    "format": "libmaint-fleet/1",
    "now": "2026-03-02T00:00:00Z",
    "policy": {"setup": "PT5M", "min_slot": "PT15M", "horizon": "P14D", "max_concurrent": 1},
    "resource_groups": [{
        "name": "acme", "contacts": ["ops@acme.example"], "timezone": "UTC",
        "windows": ["daily 22:00-23:00"], "notice": "PT12H", "stage": "production",
    }],
    "machines": [
        {"name": "m1", "group": "acme", "kind": "infrastructure", "representative": True},
        {"name": "m2", "group": "acme", "kind": "infrastructure"},
        {"name": "m3", "group": "acme", "kind": "infrastructure"},
    ],
    "rollouts": [{
        "name": "r",
        "halt_after_failures": 1,
        "template": {"kind": "system-update", "summary": "Update", "estimate": "PT10M",
                     "reboot": "warm"},
        "waves": [
            {"name": "first", "select": {"representative": True}},
            {"name": "rest", "share": 1.0, "from": "2026-03-04T00:00:00Z",
             "until": "2026-03-06T00:00:00Z"},
        ],
    }],
}


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def run(*args):
    p = subprocess.run([MAINTCTL, "simulate", *args], capture_output=True, text=True,
                       timeout=60)
    return p.returncode, p.stdout, p.stderr


def lines_with(out, *fragments):
    return [line for line in out.splitlines() if all(f in line for f in fragments)]


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
        fleet = os.path.join(d, "fleet.json")
        with open(fleet, "w", encoding="utf-8") as f:
            json.dump(FLEET, f)
        until = "--until=2026-03-05T00:00:00Z"

        # All goes well: three successes, in time order.
        rc, out, err = run(fleet, until)
        ran = lines_with(out, " ran ")
        check("success-exit", rc == 0 and err == "", "rc=%d stderr=%r" % (rc, err))
        check("success-ran", len(ran) == 3 and all("success" in line for line in ran)
              and "r/m1" in ran[0] and "2026-03-02T22:15:00Z" in ran[0]
              and "2026-03-04T22:00:00Z to 2026-03-04T22:15:00Z" in ran[1]
              and "2026-03-04T22:15:00Z to 2026-03-04T22:30:00Z" in ran[2], out)
        check("success-announced", len(lines_with(out, "announced")) == 3, out)
        check("success-summary", "3 succeeded, 0 failed, 0 postponed, 0 halted" in out
              and lines_with(out, "rollout r: 0 failures (halt_after_failures 1)"), out)

        # m1 fails: the rollout halts after its first wave, m2 and m3 never run.
        rc, out, err = run(fleet, until, "--fail", "r/m1")
        check("fail-exit", rc == 0, "rc=%d stderr=%r" % (rc, err))
        check("fail-ran", len(lines_with(out, " ran ")) == 1
              and lines_with(out, " ran ", "r/m1", "failure"), out)
        check("fail-halted", len(lines_with(out, "halted", "r/m2")) == 1
              and len(lines_with(out, "halted", "r/m3")) == 1, out)
        check("fail-summary", "0 succeeded, 1 failed, 0 postponed, 2 halted" in out
              and lines_with(out, "rollout r: 1 failure, halted (halt_after_failures 1)"), out)

        # m1 is postponed: it gets a new slot the next evening (12 h notice
        # from the step at 2026-03-03T00:00Z), and the plan at the end is
        # written with -o.
        plan_path = os.path.join(d, "plan.json")
        rc, out, err = run(fleet, until, "--postpone", "r/m1", "-o", plan_path)
        m1 = lines_with(out, " ran ", "r/m1")
        check("postpone-exit", rc == 0, "rc=%d stderr=%r" % (rc, err))
        check("postpone-ran", len(m1) == 2 and "postponed" in m1[0]
              and "success" in m1[1] and "2026-03-03T22:00:00Z to 2026-03-03T22:15:00Z" in m1[1], out)
        check("postpone-summary", "3 succeeded, 0 failed, 1 postponed, 0 halted" in out, out)
        try:
            with open(plan_path, encoding="utf-8") as f:
                plan = json.load(f)
            check("postpone-output", plan["format"] == "libmaint-plan/1"
                  and plan["now"] == "2026-03-05T00:00:00Z" and plan["slots"] == [], plan)
        except (OSError, ValueError, KeyError) as e:
            check("postpone-output", False, repr(e))

        # Bad input: exit 2, one line on stderr, nothing on stdout.
        expect_error("no-until", [fleet], ["--until is required"])
        expect_error("bad-until", [fleet, "--until=tomorrow"], ["--until"])
        expect_error("until-before-now", [fleet, "--until=2026-03-01T00:00:00Z"],
                     ["--until", "before"])
        expect_error("bad-step", [fleet, until, "--step=P0D"], ["--step"])
        expect_error("unknown-activity", [fleet, until, "--fail", "r/m9"], ["--fail r/m9"])
        expect_error("no-fleet", [os.path.join(d, "missing.json"), until], ["missing.json"])
        expect_error("two-fleets", [fleet, fleet, until], ["expected one FLEET.json"])

    print("1..%d" % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d %s" % ("ok" if ok else "not ok", i, name))
        if not ok:
            for line in str(detail).splitlines():
                print("# " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
