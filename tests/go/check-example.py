#!/usr/bin/python3
# Runs the Go example (examples/go, built as plan-fleet) on a fleet file
# and checks its output: exactly one libmaint-plan/1 JSON document on
# standard output, nothing on standard error, exit status 0.
#
# usage: check-example.py PLAN-FLEET FLEET.json
import json
import subprocess
import sys


def main():
    program, fleet = sys.argv[1:3]
    run = subprocess.run([program, fleet], capture_output=True, timeout=120)
    problems = []
    if run.returncode != 0:
        problems.append("exit status %d" % run.returncode)
    if run.stderr:
        problems.append("standard error: %r" % run.stderr.decode(errors="replace"))
    try:
        plan = json.loads(run.stdout.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        problems.append("output is not JSON: %s" % e)
        plan = None
    if plan is not None:
        if not isinstance(plan, dict) or plan.get("format") != "libmaint-plan/1":
            problems.append("format is %r, not libmaint-plan/1"
                            % (plan.get("format") if isinstance(plan, dict) else plan))
        elif not plan.get("slots"):
            problems.append("the plan has no slots")
        if not run.stdout.endswith(b"}\n"):
            problems.append("output does not end with the document's newline")
    if problems:
        for p in problems:
            print("FAIL: %s" % p, file=sys.stderr)
        return 1
    print("ok: %s planned %d slots, %d unscheduled"
          % (fleet, len(plan["slots"]), len(plan["unscheduled"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
