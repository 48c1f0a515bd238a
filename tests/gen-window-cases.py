#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Expected occurrences of window specs, computed independently of libmaint.

The design's resolution rules, written out again with Python's zoneinfo over
the same system tz database:

  - an occurrence opens on a local date D whose weekday is in the spec;
  - start = the earliest instant at which the local clock reads D + start
    (fold=0); end = the latest instant at which it reads the end (fold=1),
    the end being on D + 1 when it is not after the start (24:00 = D + 1
    00:00);
  - a local time that does not exist is shifted forward by the length of
    the gap, i.e. converted with the offset in force before the gap;
  - an occurrence whose end is not after its start is dropped.

Writes one case per line, tab-separated:

  occ   ZONE SPEC FROM TO      START END START END ...  (starts in [FROM, TO))
  exp   ZONE SPEC|SPEC FROM TO START END ...            (union, clipped)
  next  ZONE SPEC AFTER        START END | -            (first start >= AFTER)
  in    ZONE SPEC INSTANT      START END | -            (earliest open one)

Instants are seconds since the Unix epoch. Usage: gen-window-cases.py OUT
"""

import sys
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

UTC = timezone.utc
DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

SPECS = [
    "daily 01:30-02:30",
    "daily 02:00-03:00",
    "daily 22:00-05:00",
    "sun 02:30-02:45",
    "sat 23:30-00:30",
    "mon-fri 22:00-24:00",
    "daily 00:00-01:00",
    "fri-mon 02:15-03:15",
    "daily 03:00-03:00",
    "tue 04:30-06:30",
    "sat,sun 00:30-23:30",
    "daily 23:00-00:00",
    "fri 10:00-11:00",
    "thu 23:30-02:00",
]

# zone -> years whose transitions are tested (and fixed dates for zones
# without transitions in those years)
ZONES = {
    "Europe/Berlin": [2024, 2026, 2040, 2099],
    "America/New_York": [1974, 2024, 2045, 2095],
    "Australia/Lord_Howe": [2024, 2050],
    "Pacific/Chatham": [2024, 2060],
    "Asia/Kathmandu": [1985, date(2024, 6, 12), date(2041, 2, 3)],
    "Europe/Dublin": [2024, 2071],
    "Antarctica/Troll": [2024, 2050],
    "Pacific/Apia": [2011, 2012, 2021],
    "America/Sao_Paulo": [2018, 2019, date(2040, 11, 4)],
    "Asia/Tehran": [2021, 2022, date(2045, 3, 22)],
    "America/Santiago": [2024, 2055],
    "Australia/Sydney": [2024, 2080],
    "Europe/London": [2024, 2100],
}

# the span libmaint accepts (maint-time.h)
INSTANT_MAX = 4133980799


def parse_spec(text):
    """(weekday set, start minute, end minute) from DAYS HH:MM-HH:MM."""
    days_text, times = text.split()
    if days_text.lower() == "daily":
        days = set(range(7))
    else:
        days = set()
        for item in days_text.lower().split(","):
            if "-" in item:
                a, b = (DAY_NAMES.index(x) for x in item.split("-"))
                d = a
                while True:
                    days.add(d)
                    if d == b:
                        break
                    d = (d + 1) % 7
            else:
                days.add(DAY_NAMES.index(item))
    start_text, end_text = times.split("-")
    sh, sm = map(int, start_text.split(":"))
    eh, em = map(int, end_text.split(":"))
    return days, sh * 60 + sm, eh * 60 + em


def local_reading(zone, instant):
    return datetime.fromtimestamp(instant, zone).replace(tzinfo=None)


def resolve(zone, naive, latest):
    """UTC seconds for a naive local datetime, by the design's rules."""
    early = int(naive.replace(tzinfo=zone, fold=0).timestamp())
    late = int(naive.replace(tzinfo=zone, fold=1).timestamp())
    exists = [t for t in sorted({early, late}) if local_reading(zone, t) == naive]
    if exists:
        return exists[-1] if latest else exists[0]
    # A gap. The offset in force before it is the one of the last instant
    # before the transition; the transition lies between the two readings.
    lo, hi = min(early, late) - 2 * 86400, max(early, late) + 2 * 86400
    # bisect for the first instant whose local reading is after naive
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if local_reading(zone, mid) > naive:
            hi = mid
        else:
            lo = mid
    before = datetime.fromtimestamp(hi - 1, zone).utcoffset()
    after = datetime.fromtimestamp(hi, zone).utcoffset()
    assert after > before, (zone, naive)
    result = int((naive - before).replace(tzinfo=UTC).timestamp())
    # shifted forward by the gap: reads naive + (after - before)
    assert local_reading(zone, result) == naive + (after - before), (zone, naive)
    return result


def occurrence(zone, spec, day):
    days, start, end = spec
    if day.weekday() not in days:
        return None
    midnight = datetime.combine(day, time())
    start_naive = midnight + timedelta(minutes=start)
    end_naive = midnight + timedelta(minutes=end)
    if end <= start:
        end_naive += timedelta(days=1)
    s = resolve(zone, start_naive, latest=False)
    e = resolve(zone, end_naive, latest=True)
    return (s, e) if e > s else None


def occurrences(zone, spec, first_day, last_day):
    out = []
    day = first_day
    while day <= last_day:
        o = occurrence(zone, spec, day)
        if o is not None:
            out.append(o)
        day += timedelta(days=1)
    return sorted(set(out))


def transitions(zone, year):
    """UTC instants in @year at which the offset changes."""
    t = int(datetime(year, 1, 1, tzinfo=UTC).timestamp())
    end = int(datetime(year + 1, 1, 1, tzinfo=UTC).timestamp())
    step = 3 * 3600
    out = []
    prev = datetime.fromtimestamp(t, zone).utcoffset()
    while t < end:
        nxt = t + step
        off = datetime.fromtimestamp(nxt, zone).utcoffset()
        if off != prev:
            lo, hi = t, nxt
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if datetime.fromtimestamp(mid, zone).utcoffset() == prev:
                    lo = mid
                else:
                    hi = mid
            out.append(hi)
            prev = off
        t = nxt
    return out


def fmt_pairs(pairs):
    return " ".join("%d %d" % p for p in pairs)


def union_clipped(lists, lo, hi):
    pieces = sorted((max(s, lo), min(e, hi)) for lst in lists for s, e in lst
                    if s < hi and e > lo)
    merged = []
    for s, e in pieces:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def cases_around(out, name, zone, center):
    """All kinds of cases for the five local dates around @center."""
    center_day = local_reading(zone, center).date()
    lo = center - int(2.5 * 86400)
    hi = min(center + int(2.5 * 86400), INSTANT_MAX)
    wide_first = center_day - timedelta(days=6)
    wide_last = center_day + timedelta(days=24)
    per_spec = {}
    for text in SPECS:
        spec = parse_spec(text)
        wide = occurrences(zone, spec, wide_first, wide_last)
        per_spec[text] = wide
        inside = [o for o in wide if lo <= o[0] < hi]
        out.append("occ\t%s\t%s\t%d\t%d\t%s" % (name, text, lo, hi, fmt_pairs(inside)))

        probes = set(range(lo, hi, 3 * 3600 + 17 * 60))
        probes.update((center - 1, center, center + 1))
        for s, e in wide:
            if lo - 86400 <= s <= hi:
                probes.update((s - 1, s, s + 1, e - 1, e))
        for t in sorted(probes):
            later = [o for o in wide if o[0] >= t]
            # the list reaches far enough ahead for the probes to have an answer
            assert later and later[0][0] < int(datetime.combine(
                wide_last, time(), tzinfo=UTC).timestamp()) - 2 * 86400, (name, text, t)
            out.append("next\t%s\t%s\t%d\t%d %d" % (name, text, t, *later[0]))
            open_ = [o for o in wide if o[0] <= t < o[1]]
            out.append("in\t%s\t%s\t%d\t%s" % (name, text, t,
                                                "%d %d" % min(open_) if open_ else "-"))

    for i in range(0, len(SPECS), 2):
        pair = SPECS[i:i + 2]
        merged = union_clipped([per_spec[p] for p in pair], lo, hi)
        out.append("exp\t%s\t%s\t%d\t%d\t%s" % (name, "|".join(pair), lo, hi,
                                                  fmt_pairs(merged)))


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: gen-window-cases.py OUT")

    # The tz database must be the system's, like libmaint's.
    import zoneinfo
    assert "/usr/share/zoneinfo" in zoneinfo.TZPATH

    out = []
    for name, years in ZONES.items():
        zone = ZoneInfo(name)
        centers = []
        for y in years:
            if isinstance(y, date):
                centers.append(int(datetime.combine(y, time(12), tzinfo=UTC).timestamp()))
            else:
                found = transitions(zone, y)
                assert found, (name, y)
                centers.extend(found)
        for c in centers:
            cases_around(out, name, zone, c)

    # Sanity of the data the cases rest on: Apia skipped 2011-12-30.
    apia = ZoneInfo("Pacific/Apia")
    assert local_reading(apia, 1325239199).date() == date(2011, 12, 29)
    assert local_reading(apia, 1325239200).date() == date(2011, 12, 31)

    with open(sys.argv[1], "w", encoding="utf-8") as f:
        f.write("# generated by gen-window-cases.py from the system tz database\n")
        f.write("\n".join(out))
        f.write("\n")


if __name__ == "__main__":
    main()
