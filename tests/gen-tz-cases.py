#!/usr/bin/env python3
# gen-tz-cases.py: expected time zone results for test-tz
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The expectations come from Python's zoneinfo reading the same system tz
# database as libmaint, not from libmaint itself. libmaint's rules for
# local readings are written out here separately:
#
#   earliest  = the fold=0 mapping of a reading that exists
#   latest    = the fold=1 mapping
#   gap       = a reading that does not exist resolves to
#               local - (the offset in force before the gap) (RFC 5545)
#
# Transitions are found by stepping through time and bisecting wherever
# utcoffset() or tzname() changes, so they too come from zoneinfo.
#
# Output, one case per line:
#   tzdir DIR
#   O ZONE UTC OFFSET ABBR                  offset/abbreviation at UTC
#   L ZONE LOCAL EARLIEST LATEST GAP        local reading -> instants
#   end COUNT

import argparse
import os
import random
import sys
import zoneinfo
from datetime import datetime, timedelta, timezone

EPOCH = datetime(1970, 1, 1)
EPOCH_UTC = datetime(1970, 1, 1, tzinfo=timezone.utc)
FIRST = -86400                 # 1969-12-31, so a transition at 1970 is seen
LAST = 4133980800              # 2101-01-01T00:00:00Z
# No zone has had two transitions within 12 h since 1970 (checked against
# a 30-minute step for the focus zones and a sample of others).
STEP = 12 * 3600

FOCUS = [
    "Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
    "Pacific/Chatham", "Asia/Kathmandu", "Europe/Dublin", "Antarctica/Troll",
    "Pacific/Apia", "America/Sao_Paulo", "Asia/Tehran", "Africa/Casablanca",
    "America/Santiago", "Europe/London", "Australia/Sydney", "UTC",
    "America/Nuuk", "Africa/Monrovia",
]


def state(z, t):
    d = datetime.fromtimestamp(t, z)
    return (int(d.utcoffset().total_seconds()), d.tzname())


def transitions(z, lo, hi):
    """[(T, (offset, abbr) before, (offset, abbr) from T on)] in (lo, hi]."""
    out = []
    t, s = lo, state(z, lo)
    while t < hi:
        n = min(t + STEP, hi)
        sn = state(z, n)
        if sn == s:
            t = n
            continue
        a, b = t, n                 # state(a) == s != state(b)
        while b - a > 1:
            m = (a + b) // 2
            if state(z, m) == s:
                a = m
            else:
                b = m
        sb = state(z, b)
        out.append((b, s, sb))
        t, s = b, sb
    return out


def gap_result(z, local):
    """RFC 5545: the reading shifted forward by the gap, i.e. read with the
    offset in force before the transition that opened the gap."""
    for t, before, after in transitions(z, local - 30 * 3600, local + 30 * 3600):
        if before[0] < after[0] and t + before[0] <= local < t + after[0]:
            return local - before[0]
    raise SystemExit(f"{z.key}: no gap found for local reading {local}")


def resolve(z, local):
    """(earliest, latest, in_gap) for a wall-clock reading."""
    wall = EPOCH + timedelta(seconds=local)
    result = []
    for fold in (0, 1):
        aware = wall.replace(tzinfo=z, fold=fold)
        u = (aware - EPOCH_UTC) // timedelta(seconds=1)
        back = datetime.fromtimestamp(u, z).replace(tzinfo=None)
        result.append((u, back == wall))
    (e, e_ok), (l, l_ok) = result
    if e_ok and l_ok:
        if e > l:
            raise SystemExit(f"{z.key}: fold=0 after fold=1 at {local}")
        return e, l, 0
    if not e_ok and not l_ok:
        g = gap_result(z, local)
        return g, g, 1
    raise SystemExit(f"{z.key}: only one fold valid at {local}")


class Writer:
    def __init__(self, out):
        self.out = out
        self.count = 0
        self.seen = set()

    def offset(self, z, t):
        key = ("O", z.key, t)
        if key in self.seen:
            return
        self.seen.add(key)
        off, abbr = state(z, t)
        self.out.write(f"O {z.key} {t} {off} {abbr}\n")
        self.count += 1

    def local(self, z, local):
        key = ("L", z.key, local)
        if key in self.seen:
            return
        self.seen.add(key)
        e, l, g = resolve(z, local)
        self.out.write(f"L {z.key} {local} {e} {l} {g}\n")
        self.count += 1

    def around(self, z, t, before, after):
        """Instants around a transition, and the local readings at the
        edges and in the middle of its gap or overlap."""
        for u in (t - 1, t, t + 1):
            self.offset(z, u)
        lo = t + min(before[0], after[0])
        hi = t + max(before[0], after[0])
        for r in sorted({lo - 1, lo, lo + 1, (lo + hi) // 2, hi - 1, hi, hi + 1}):
            self.local(z, r)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tzdir", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--seed", type=int, default=20260329)
    ap.add_argument("--random-zones", type=int, default=0,
                    help="limit the all-zone sample to N zones (0: all)")
    args = ap.parse_args()

    zoneinfo.reset_tzpath([args.tzdir])
    rng = random.Random(args.seed)
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8") as out:
        w = Writer(out)
        out.write("# generated by gen-tz-cases.py with Python zoneinfo; do not edit\n")
        out.write(f"tzdir {args.tzdir}\n")

        # Every transition from 1970 to 2100 in the zones that matter most.
        for name in FOCUS:
            z = zoneinfo.ZoneInfo(name)
            for t, before, after in transitions(z, FIRST, LAST):
                w.around(z, t, before, after)
            for _ in range(100):
                w.offset(z, rng.randrange(FIRST, LAST))
                w.local(z, rng.randrange(FIRST, LAST))

        # A seeded sample over every zone: two whole years each, and a few
        # random instants and readings.
        names = sorted(zoneinfo.available_timezones())
        if args.random_zones:
            names = rng.sample(names, args.random_zones)
        for name in names:
            if name == "localtime" or not os.path.isfile(os.path.join(args.tzdir, name)):
                # "localtime" is the host's setting, not a zone name (libmaint
                # rejects it); zoneinfo may fall back to the tzdata package.
                continue
            z = zoneinfo.ZoneInfo(name)
            for _ in range(2):
                year_start = (rng.randrange(1970, 2101) - 1970) * 31556952
                for t, before, after in transitions(z, year_start, year_start + 31556952):
                    w.around(z, t, before, after)
            for _ in range(3):
                w.offset(z, rng.randrange(FIRST, LAST))
                w.local(z, rng.randrange(FIRST, LAST))

        out.write(f"end {w.count}\n")
    os.replace(tmp, args.output)


if __name__ == "__main__":
    main()
