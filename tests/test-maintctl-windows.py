#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Tests of `maintctl windows`, run by meson with $MAINTCTL set; prints TAP.

Expected values are worked out by hand from the design's rules (the dates
are Europe/Berlin's 2026 transitions: 29 March 02:00 CET -> 03:00 CEST,
25 October 03:00 CEST -> 02:00 CET), not taken from maintctl's output.
"""

import json
import os
import subprocess
import sys

MAINTCTL = os.environ.get("MAINTCTL")
results = []


def run(*args):
    p = subprocess.run([MAINTCTL, "windows", *args], capture_output=True, text=True,
                       timeout=60)
    return p.returncode, p.stdout, p.stderr


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def expect_lines(name, args, lines):
    rc, out, err = run(*args)
    check(name, rc == 0 and out.splitlines() == lines,
          "rc=%d\nstdout:\n%s\nstderr:\n%s\nexpected:\n%s" % (rc, out, err, "\n".join(lines)))


def expect_error(name, args, fragment):
    rc, out, err = run(*args)
    check(name, rc == 2 and out == "" and err.count("\n") == 1
          and err.startswith("maintctl: ") and fragment in err,
          "rc=%d stdout=%r stderr=%r (wanted %r)" % (rc, out, err, fragment))


BERLIN = ["--timezone", "Europe/Berlin"]
FROM = ["--from", "2026-03-27T00:00:00Z"]


def main():
    if not MAINTCTL:
        print("1..1\nnot ok 1 MAINTCTL is not set")
        return 1

    # one spec, --count; the gap night's window shrinks: 01:30 CET to
    # 02:30 -> 03:30 CEST
    expect_lines("count", BERLIN + FROM + ["--count", "3", "daily 01:30-02:30"], [
        "2026-03-27T00:30:00Z 2026-03-27T01:30:00Z",
        "2026-03-28T00:30:00Z 2026-03-28T01:30:00Z",
        "2026-03-29T00:30:00Z 2026-03-29T01:30:00Z",
    ])

    # two specs merged: sun 02:00-04:00 is 03:00-04:00 CEST on the gap
    # night (01:00Z-02:00Z) and overlaps the daily window (00:30Z-01:30Z)
    expect_lines("merge", BERLIN + FROM + ["--count", "4", "daily 01:30-02:30",
                                            "sun 02:00-04:00"], [
        "2026-03-27T00:30:00Z 2026-03-27T01:30:00Z",
        "2026-03-28T00:30:00Z 2026-03-28T01:30:00Z",
        "2026-03-29T00:30:00Z 2026-03-29T02:00:00Z",
        "2026-03-29T23:30:00Z 2026-03-30T00:30:00Z",
    ])

    # touching occurrences merge too; the same spec twice changes nothing
    expect_lines("touching", ["--timezone", "UTC", "--from", "2026-03-02T00:00:00Z",
                              "--count", "2", "mon 10:00-12:00", "mon 12:00-13:00",
                              "mon 12:00-13:00"], [
        "2026-03-02T10:00:00Z 2026-03-02T13:00:00Z",
        "2026-03-09T10:00:00Z 2026-03-09T13:00:00Z",
    ])

    # --until: intervals starting before it; --from excludes an occurrence
    # that started before it (Sat 22:00 UTC is before Sun 00:00)
    expect_lines("until", ["--timezone", "UTC", "--from", "2026-03-29T00:00:00Z",
                           "--until", "2026-04-05T22:00:00Z", "sat,sun 22:00-02:00"], [
        "2026-03-29T22:00:00Z 2026-03-30T02:00:00Z",
        "2026-04-04T22:00:00Z 2026-04-05T02:00:00Z",
    ])

    # fall-back night: earliest 02:30 CEST (00:30Z) to latest 02:45 CET
    expect_lines("fall-back", BERLIN + ["--from", "2026-10-25T00:00:00Z", "--count", "1",
                                        "sun 02:30-02:45"], [
        "2026-10-25T00:30:00Z 2026-10-25T01:45:00Z",
    ])

    # nothing in span: empty output, success
    expect_lines("empty", ["--timezone", "UTC", "--from", "2026-03-02T00:00:00Z",
                           "--until", "2026-03-02T09:00:00Z", "mon 10:00-12:00"], [])

    # --json
    rc, out, err = run(*BERLIN, "--from", "2026-03-28T12:00:00Z", "--count", "1", "--json",
                       "daily 22:00-05:00")
    expected = [{
        "start": "2026-03-28T21:00:00Z",
        "end": "2026-03-29T03:00:00Z",
        "local_start": "2026-03-28T22:00:00+01:00",
        "local_end": "2026-03-29T05:00:00+02:00",
    }]
    try:
        parsed = json.loads(out)
    except ValueError:
        parsed = None
    check("json", rc == 0 and parsed == expected, "rc=%d out=%r err=%r" % (rc, out, err))

    # a 45-minute offset in the local forms
    rc, out, err = run("--timezone", "Asia/Kathmandu", "--from", "2026-01-01T00:00:00Z",
                       "--count", "1", "--json", "daily 00:00-01:00")
    expected = [{
        "start": "2026-01-01T18:15:00Z",
        "end": "2026-01-01T19:15:00Z",
        "local_start": "2026-01-02T00:00:00+05:45",
        "local_end": "2026-01-02T01:00:00+05:45",
    }]
    check("json-offset", rc == 0 and json.loads(out or "null") == expected,
          "rc=%d out=%r err=%r" % (rc, out, err))

    # back-to-back 24-hour windows form one interval; the search stops
    # at its horizon instead of running forever
    rc, out, err = run("--timezone", "UTC", "--from", "2026-01-01T00:00:00Z", "--count", "2",
                       "daily 00:00-24:00")
    check("endless", rc == 0 and len(out.splitlines()) == 1
          and out.startswith("2026-01-01T00:00:00Z "), "rc=%d out=%r err=%r" % (rc, out, err))

    # errors: exit 2, one line on stderr, nothing on stdout
    spec = "daily 01:00-02:00"
    expect_error("bad-zone", ["--timezone", "Mars/Olympus", *FROM, "--count", "1", spec],
                 "Mars/Olympus")
    expect_error("bad-spec", [*BERLIN, *FROM, "--count", "1", spec, "mon 25:00-26:00"],
                 "column 5")
    expect_error("bad-spec-day", [*BERLIN, *FROM, "--count", "1", "funday 01:00-02:00"],
                 "column 1")
    expect_error("unquoted-spec", [*BERLIN, *FROM, "--count", "1", "daily", "01:00-02:00"],
                 "quote each spec")
    expect_error("bad-from", [*BERLIN, "--from", "yesterday", "--count", "1", spec],
                 "--from")
    expect_error("bad-until", [*BERLIN, *FROM, "--until", "2026-13-01T00:00:00Z", spec],
                 "--until")
    expect_error("until-before-from", [*BERLIN, *FROM, "--until", "2026-03-01T00:00:00Z", spec],
                 "--until must be after --from")
    expect_error("until-too-far", [*BERLIN, *FROM, "--until", "2040-01-01T00:00:00Z", spec],
                 "3660 days")
    expect_error("count-zero", [*BERLIN, *FROM, "--count", "0", spec], "--count")
    expect_error("count-too-big", [*BERLIN, *FROM, "--count", "100001", spec], "--count")
    expect_error("count-not-number", [*BERLIN, *FROM, "--count", "5x", spec], "--count")
    expect_error("count-and-until", [*BERLIN, *FROM, "--count", "1",
                                     "--until", "2026-04-01T00:00:00Z", spec], "--until")
    expect_error("neither", [*BERLIN, *FROM, spec], "--count or --until")
    expect_error("no-zone", [*FROM, "--count", "1", spec], "--timezone")
    expect_error("no-from", [*BERLIN, "--count", "1", spec], "--from")
    expect_error("no-spec", [*BERLIN, *FROM, "--count", "1"], "spec")
    expect_error("unknown-option", [*BERLIN, *FROM, "--count", "1", "--frobnicate", spec],
                 "frobnicate")
    expect_error("spec-with-newline", [*BERLIN, *FROM, "--count", "1", "mon 01:00-02:00\nx"],
                 "column 16")

    rc, out, err = run("--help")
    check("help", rc == 0 and "--timezone" in out and "--until" in out, err)

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
