#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The catalogue of bad inputs: `maintctl check` on each tests/data/bad/NN-name.json.

Each file holds one kind of mistake a user makes; NN-name.expected holds
the exit code on its first line and the exact line maintctl must print to
stderr on its second (maintctl runs in tests/data/bad, so the file name in
the message is just "NN-name.json"). Standard output must stay empty, and
maintctl must answer within a few seconds: bad input is an error, never a
crash or a hang.

Run by meson with $MAINTCTL set; prints TAP.
Usage: test-bad-inputs.py [--update]   (--update rewrites the .expected
files from maintctl's answers; review the diff before committing it)
"""

import os
import subprocess
import sys

MAINTCTL = os.environ.get("MAINTCTL")
HERE = os.path.dirname(os.path.abspath(__file__))
BAD = os.path.join(HERE, "data", "bad")
TIMEOUT = 20


def run(name):
    return subprocess.run([MAINTCTL, "check", name], cwd=BAD, capture_output=True,
                          timeout=TIMEOUT)


def main():
    update = "--update" in sys.argv[1:]
    if not MAINTCTL:
        print("Bail out! $MAINTCTL is not set")
        return 1
    names = sorted(n for n in os.listdir(BAD) if n.endswith(".json"))
    expected_files = sorted(n for n in os.listdir(BAD) if n.endswith(".expected"))
    print("1..%d" % (len(names) + 1))

    failed = 0
    # The catalogue itself: every input has its expectation and the other
    # way round, and there is something to test.
    stems = [n[:-len(".json")] for n in names]
    orphans = [n for n in expected_files if n[:-len(".expected")] not in stems]
    if len(names) < 40 or orphans:
        print("not ok 1 - catalogue # %d inputs, orphaned: %s" % (len(names), orphans))
        failed += 1
    else:
        print("ok 1 - catalogue of %d inputs" % len(names))

    for number, name in enumerate(names, 2):
        stem = name[:-len(".json")]
        expected_path = os.path.join(BAD, stem + ".expected")
        try:
            result = run(name)
        except subprocess.TimeoutExpired:
            print("not ok %d - %s # no answer within %d s" % (number, stem, TIMEOUT))
            failed += 1
            continue
        stderr = result.stderr.decode("utf-8", "backslashreplace")
        got = "%d\n%s" % (result.returncode, stderr)

        if update:
            with open(expected_path, "w", encoding="utf-8") as f:
                f.write(got)
        try:
            with open(expected_path, encoding="utf-8") as f:
                want = f.read()
        except FileNotFoundError:
            want = None

        problems = []
        if want is None:
            problems.append("%s.expected is missing" % stem)
        elif got != want:
            problems.append("expected %r, got %r" % (want, got))
        if result.stdout:
            problems.append("output on stdout: %r" % result.stdout[:200])
        if result.returncode < 0:
            problems.append("killed by signal %d" % -result.returncode)
        if stderr.count("\n") != 1:
            problems.append("%d lines on stderr" % stderr.count("\n"))
        if problems:
            print("not ok %d - %s" % (number, stem))
            for p in problems:
                print("# " + p.replace("\n", "\\n"))
            failed += 1
        else:
            print("ok %d - %s" % (number, stem))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
