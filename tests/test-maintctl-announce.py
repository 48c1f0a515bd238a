#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Tests of `maintctl announce FLEET.json PLAN.json`, run by meson with
$MAINTCTL set; prints TAP.

The round trip a provisioning system makes: plan, announce the slots whose
notice is due, plan again from the recorded fleet. Announced slots
(including those of activities a rollout generates, which announce adds to
the fleet) must come back exactly, pinned, and the new plan must hold.
"""

import json
import os
import subprocess
import tempfile

MAINTCTL = os.environ.get("MAINTCTL")
EXAMPLE = os.path.join(os.environ.get("MAINT_EXAMPLES_DIR", "examples"), "fleets", "gocept.json")
results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def run(*args):
    p = subprocess.run([MAINTCTL, *args], capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def slot_key(slot):
    return (slot["machine"], slot["start"], slot["end"])


def main():
    if not MAINTCTL:
        print("1..1\nnot ok 1 MAINTCTL is not set")
        return 1
    with tempfile.TemporaryDirectory() as d:
        plan1 = os.path.join(d, "plan1.json")
        fleet2 = os.path.join(d, "fleet2.json")
        plan2 = os.path.join(d, "plan2.json")
        until = "2013-03-05T00:00:00Z"

        rc, out, err = run("plan", "--format", "json", "-o", plan1, EXAMPLE)
        check("plan", rc == 0, err)
        first = load(plan1)
        due = [s for s in first["slots"] if s["announce_by"] <= until]
        later = [s for s in first["slots"] if s["announce_by"] > until]
        due_ids = {a for s in due for a in s["activities"]}
        check("example-has-both", due and later and any("/" in a for a in due_ids),
              "%d due, %d later" % (len(due), len(later)))

        already = {a["id"] for a in load(EXAMPLE)["activities"] if "scheduled" in a}
        new_ids = due_ids - already
        rc, out, err = run("announce", "--until", until, "-o", fleet2, EXAMPLE, plan1)
        check("announce-exit", rc == 0 and out == "" and already and
              err == "maintctl: %d activities pinned to announced slots\n" % len(new_ids), err)
        fleet = load(fleet2)
        pinned = {a["id"]: a for a in fleet["activities"] if "scheduled" in a}
        check("announce-pins-due", set(pinned) == due_ids | already,
              sorted(set(pinned) ^ (due_ids | already))[:10])
        check("announce-generated-added",
              all(pinned[i].get("rollout") == "os-2013-03" for i in due_ids if i.startswith("os-2013-03/")))
        check("announce-at-plan-now",
              all(pinned[i]["announced_at"] == first["now"] for i in new_ids))

        rc, out, err = run("plan", "--format", "json", "-o", plan2, fleet2)
        check("replan", rc == 0, err)
        if rc == 0:
            second = load(plan2)
            kept = {slot_key(s): s for s in second["slots"] if s["pinned"]}
            check("announced-kept-exactly",
                  all(slot_key(s) in kept and set(s["activities"]) <= set(kept[slot_key(s)]["activities"])
                      for s in due), "")
            scheduled2 = {a for s in second["slots"] for a in s["activities"]}
            scheduled1 = {a for s in first["slots"] for a in s["activities"]}
            check("nothing-lost", scheduled1 <= scheduled2 | {u["activity"] for u in second["unscheduled"]}
                  | {a for h in second.get("host_downtime", []) for a in h.get("activities", [])})
            rc, out, err = run("verify", fleet2, plan2)
            check("replan-holds", rc == 0, out + err)

        # an activity that takes a generated id but names another machine
        # (or no rollout) is refused when planning
        broken = load(fleet2)
        victim = next(a for a in broken["activities"] if a["id"].startswith("os-2013-03/") and "scheduled" in a)
        del victim["rollout"]
        broken_path = os.path.join(d, "broken.json")
        with open(broken_path, "w", encoding="utf-8") as f:
            json.dump(broken, f)
        rc, out, err = run("plan", broken_path)
        check("generated-id-misused", rc == 2 and victim["id"] in err
              and "must name that rollout and machine" in err, err)

        # announcing twice pins nothing new; a fleet that lacks the plan's
        # activities is refused with the JSON path of the slot
        rc, out, err = run("announce", "--until", until, fleet2, plan1)
        check("announce-again", rc == 0 and err == "maintctl: 0 activities pinned to announced slots\n", err)
        empty = os.path.join(d, "empty.json")
        with open(empty, "w", encoding="utf-8") as f:
            json.dump({"format": "libmaint-fleet/1", "resource_groups": [], "machines": []}, f)
        rc, out, err = run("announce", empty, plan1)
        check("announce-unknown", rc == 2 and out == "" and "slots[0].activities[0]" in err, err)
        rc, out, err = run("announce", EXAMPLE)
        check("announce-usage", rc == 2 and "expected FLEET.json PLAN.json" in err, err)
        rc, out, err = run("announce", "--until", "soon", EXAMPLE, plan1)
        check("announce-bad-until", rc == 2 and "--until" in err, err)

    print("1..%d" % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d %s" % ("ok" if ok else "not ok", i, name))
        if not ok:
            for line in str(detail).splitlines():
                print("# " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
