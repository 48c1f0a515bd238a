#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The Python baseline of bench-windows: next-occurrence computations with
zoneinfo, by the same rules and over the same inputs as the C side.

Usage: bench-windows.py N_AFTERS   prints "RATE CHECKSUM COUNT"
"""

import sys
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

# keep in sync with bench-windows.c
ZONES = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham",
         "Asia/Kathmandu", "Europe/Dublin", "America/Santiago", "Australia/Sydney",
         "Asia/Tokyo", "America/Sao_Paulo"]
# (weekdays, start minute, end minute)
SPECS = [
    ({0, 1, 2, 3, 4, 5, 6}, 22 * 60, 5 * 60),      # daily 22:00-05:00
    ({0, 1, 2, 3, 4}, 22 * 60, 24 * 60),            # mon-fri 22:00-24:00
    ({5, 6}, 10 * 60, 14 * 60),                     # sat,sun 10:00-14:00
    ({1}, 4 * 60 + 30, 6 * 60 + 30),                # tue 04:30-06:30
    ({4, 5, 6, 0}, 23 * 60 + 30, 30),               # fri-mon 23:30-00:30
    ({0, 1, 2, 3, 4, 5, 6}, 2 * 60 + 30, 3 * 60),   # daily 02:30-03:00
]

MASK64 = (1 << 64) - 1
BASE = 946684800            # 2000-01-01
SPAN = 40 * 365 * 86400


def afters(n):
    x = 0x2545F4914F6CDD1D
    out = []
    for _ in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) & MASK64
        out.append(BASE + (x >> 33) % SPAN)
    return out


ONE_DAY = timedelta(days=1)


def next_occurrence(zone, days, start, end, after):
    # the design's rules: start = fold=0 (earliest, or shifted past a gap);
    # end = the later of fold=0/fold=1 (latest, or shifted past a gap)
    day = datetime.fromtimestamp(after, zone).date() - ONE_DAY
    crosses = end <= start
    for _ in range(400):
        if day.weekday() in days:
            midnight = datetime(day.year, day.month, day.day, tzinfo=zone)
            s = int((midnight + timedelta(minutes=start)).timestamp())
            if s >= after:
                e_local = midnight + timedelta(minutes=end + (1440 if crosses else 0))
                e = int(max(e_local.timestamp(), e_local.replace(fold=1).timestamp()))
                if e > s:
                    return s, e
        day += ONE_DAY
    return None


def main():
    # CPU time of this thread, like the C side
    n = int(sys.argv[1])
    zones = [ZoneInfo(z) for z in ZONES]
    ts = afters(n)
    checksum = 0
    count = 0
    t0 = time.thread_time()
    for zone in zones:
        for days, start, end in SPECS:
            for after in ts:
                r = next_occurrence(zone, days, start, end, after)
                if r:
                    checksum = (checksum + r[0] * 3 + r[1]) & MASK64
                count += 1
    elapsed = time.thread_time() - t0
    print("%.1f %d %d" % (count / elapsed, checksum, count))


if __name__ == "__main__":
    main()
