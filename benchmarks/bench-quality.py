#!/usr/bin/python3
# bench-quality.py: the solver against an exact MILP on small random fleets
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# For each seed: gen-fleet --small --max-activities 1 makes a crowded
# fleet (one activity per VM; priorities and deadlines removed so the
# objective is count, then reboots, then total delay). maintctl plans it.
# A time-indexed MILP at 5-minute granularity (every instant of these
# fleets is on that grid) is solved with coinor-cbc through PuLP,
# lexicographically like the library's objective (doc/solver.md): most
# activities scheduled; then fewest reboots with that count fixed (one
# activity per slot here, so a reboot is a scheduled rebooting activity);
# then least total delay with both fixed. Delay = slot start - the
# activity's earliest start in its group's windows ignoring capacity.
# Windows come from `maintctl windows` (the library's expansion),
# blackouts are subtracted here.
#
# The model encodes hard constraints 1-6 as the generator uses them:
# windows (one maximal interval per slot), horizon, notice, not_before,
# auto_schedule, fleet/host/group concurrency, service max_unavailable,
# spacing and order. It refuses fleets it does not model (activities on
# hosts, rollouts, pinned slots).
#
# Every cbc phase has a time limit (--time-limit, per fleet, shared by
# the phases); a fleet where cbc did not prove optimality is reported
# apart and left out of the totals, never waited for.
#
# usage: bench-quality.py GEN_FLEET MAINTCTL [N_SEEDS] [--time-limit S]
#                         [--baseline MAINTCTL] [--seeds A,B,...] [--dump DIR]
# --baseline plans the same fleets with a second maintctl (e.g. an older
# build) so before/after come from one run on one machine. --dump writes,
# per seed, our plan and the MILP's last (delay) solution side by side.
# Measures and prints; exits 0 unless a tool fails.

import argparse
import datetime
import json
import os
import re
import subprocess
import tempfile
import time

import pulp

GRID = 300


def parse_instant(text):
    return int(datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())


def fmt(t):
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_duration(text):
    m = re.fullmatch(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?", text)
    d, h, mi, s = (int(x) if x else 0 for x in m.groups())
    return ((d * 24 + h) * 60 + mi) * 60 + s


def windows(maintctl, zone, specs, start, end):
    out = subprocess.run([maintctl, "windows", "--timezone", zone, "--from", fmt(start - 86400),
                          "--until", fmt(end)] + specs, check=True, capture_output=True, text=True).stdout
    ivs = []
    for line in out.splitlines():
        a, b = (parse_instant(x) for x in line.split())
        a, b = max(a, start), min(b, end)
        if a < b:
            ivs.append((a, b))
    return ivs


def subtract(ivs, cuts):
    for c0, c1 in cuts:
        nxt = []
        for a, b in ivs:
            if b <= c0 or a >= c1:
                nxt.append((a, b))
                continue
            if a < c0:
                nxt.append((a, c0))
            if c1 < b:
                nxt.append((c1, b))
        ivs = nxt
    # merge touching
    ivs.sort()
    merged = []
    for a, b in ivs:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def plan_starts(maintctl, fleet_path):
    plan = json.loads(subprocess.run([maintctl, "plan", fleet_path, "--format", "json"], check=True,
                                     capture_output=True, text=True).stdout)
    by_act = {}
    for slot in plan["slots"]:
        for act in slot["activities"]:
            by_act[act] = parse_instant(slot["start"])
    return by_act


def plan_stats(maintctl, fleet_path, jobs, by_act=None):
    if by_act is None:
        by_act = plan_starts(maintctl, fleet_path)
    count = sum(1 for j in jobs if j["id"] in by_act)
    reboots = sum(1 for j in jobs if j["id"] in by_act and j["reboots"])
    delay = sum(by_act[j["id"]] - j["est"] for j in jobs if j["id"] in by_act)
    return count, reboots, delay


def dump(path, data, jobs, ours, opt):
    """Both plans side by side, one job a line, by the MILP's start."""
    groups = {g["name"]: g for g in data["resource_groups"]}
    with open(path, "w") as f:
        f.write("policy %s\n" % json.dumps(data.get("policy", {})))
        for g in data["resource_groups"]:
            f.write("group %s %s %s notice=%s max=%s\n" % (g["name"], g["timezone"], g.get("windows"),
                                                          g.get("notice"), g.get("max_concurrent", 0)))
        for svc in data.get("services", []):
            f.write("service %s\n" % json.dumps(svc))
        f.write("%-10s %-9s %-7s %-5s %6s %3s %-20s %-20s %8s %8s\n" % (
            "job", "machine", "group", "host", "len", "rb", "ours", "milp", "d-ours", "d-milp"))
        key = lambda j: (opt.get(j["id"], 1 << 62), ours.get(j["id"], 1 << 62), j["id"])
        for j in sorted(jobs, key=key):
            o, m = ours.get(j["id"]), opt.get(j["id"])
            f.write("%-10s %-9s %-7s %-5s %6d %3s %-20s %-20s %8s %8s%s\n" % (
                j["id"], j["machine"], j["group"], j["host"] or "-", j["length"], "R" if j["reboots"] else "",
                fmt(o) if o is not None else "-", fmt(m) if m is not None else "-",
                (o - j["est"]) // 60 if o is not None else "-", (m - j["est"]) // 60 if m is not None else "-",
                "" if o == m else "   *"))


def one_seed(gen, maintctl, seed, tmp, time_limit, baseline=None, dump_dir=None):
    fleet_path = os.path.join(tmp, "fleet-%d.json" % seed)
    data = json.loads(subprocess.run([gen, "--small", "--seed", str(seed), "--max-activities", "1"],
                                     check=True, capture_output=True, text=True).stdout)
    for a in data["activities"]:
        a.pop("priority", None)
        a.pop("deadline", None)
    hosts = {m["name"] for m in data["machines"] if m.get("kind") == "host"}
    if data.get("rollouts") or any(a["machine"] in hosts or "scheduled" in a for a in data["activities"]):
        raise SystemExit("bench-quality: seed %d: rollouts, host activities or pinned slots are not modelled"
                         % seed)
    with open(fleet_path, "w") as f:
        json.dump(data, f)

    policy = data.get("policy", {})
    now = parse_instant(data["now"])
    horizon = parse_duration(policy.get("horizon", "P28D"))
    setup = parse_duration(policy.get("setup", "PT5M"))
    min_slot = parse_duration(policy.get("min_slot", "PT15M"))
    fleet_max = policy.get("max_concurrent", 0)
    host_max = policy.get("max_concurrent_per_host", 0)
    groups = {g["name"]: g for g in data["resource_groups"]}
    machines = {m["name"]: m for m in data["machines"]}
    avail = {}
    for g in data["resource_groups"]:
        ivs = windows(maintctl, g["timezone"], g.get("windows", []), now, now + horizon) if g.get("windows") else []
        cuts = [(parse_instant(b["start"]), parse_instant(b["end"])) for b in g.get("blackouts", [])]
        avail[g["name"]] = subtract(ivs, cuts)

    jobs = []
    for a in data["activities"]:
        m = machines[a["machine"]]
        if m.get("auto_schedule", True) is False:
            continue
        g = groups[m["group"]]
        length = max(min_slot, parse_duration(a.get("estimate", "PT0S")) + setup)
        lo = now + parse_duration(g.get("notice", "PT0S"))
        if "not_before" in a:
            lo = max(lo, parse_instant(a["not_before"]))
        starts = []
        for s0, e0 in avail[g["name"]]:
            s = max(s0, lo)
            s = -(-s // GRID) * GRID
            while s + length <= e0:
                starts.append(s)
                s += GRID
        est = starts[0] if starts else None
        jobs.append(dict(id=a["id"], machine=m["name"], group=g["name"], host=m.get("host"),
                         length=length, starts=starts, est=est,
                         reboots=a.get("reboot", "none") != "none"))

    ours_starts = plan_starts(maintctl, fleet_path)
    ours_count, ours_reboots, ours_delay = plan_stats(maintctl, fleet_path, jobs, ours_starts)
    base = plan_stats(baseline, fleet_path, jobs) if baseline else None

    # the MILP
    x = {}
    for j in jobs:
        for s in j["starts"]:
            x[j["id"], s] = pulp.LpVariable("x_%s_%d" % (j["id"], s), cat="Binary")
    cover = {}  # (resource, cell) -> [vars]

    def add_cover(res, s, e, var):
        for c in range(s, e, GRID):
            cover.setdefault((res, c), []).append(var)

    services = data.get("services", [])
    member_of = {}
    for svc in services:
        for mem in svc["members"]:
            member_of.setdefault(mem, []).append(svc)
    for j in jobs:
        for s in j["starts"]:
            v = x[j["id"], s]
            e = s + j["length"]
            add_cover(("machine", j["machine"]), s, e, v)
            if fleet_max:
                add_cover(("fleet",), s, e, v)
            if host_max and j["host"]:
                add_cover(("host", j["host"]), s, e, v)
            if groups[j["group"]].get("max_concurrent", 0):
                add_cover(("group", j["group"]), s, e, v)
            for svc in member_of.get(j["machine"], []):
                sp = parse_duration(svc.get("spacing", "PT0S"))
                add_cover(("svc", svc["name"]), s, e, v)
                if sp:
                    add_cover(("spacing", svc["name"]), s - sp // 2, e + sp // 2, v)

    def limit(res):
        kind = res[0]
        if kind == "machine":
            return 1
        if kind == "fleet":
            return fleet_max
        if kind == "host":
            return host_max
        if kind == "group":
            return groups[res[1]]["max_concurrent"]
        if kind == "spacing":
            return 1
        svc = next((s for s in services if s["name"] == res[1]), None)
        assert svc is not None, res
        return svc.get("max_unavailable", 1) or 10 ** 6

    def build():
        prob = pulp.LpProblem("plan", pulp.LpMaximize)
        for j in jobs:
            if j["starts"]:
                prob += pulp.lpSum(x[j["id"], s] for s in j["starts"]) <= 1
        for (res, _cell), vars_ in cover.items():
            if len(vars_) > limit(res):
                prob += pulp.lpSum(vars_) <= limit(res)
        jobs_of = {}
        for j in jobs:
            jobs_of.setdefault(j["machine"], []).append(j)
        for svc in services:
            order = svc.get("order", [])
            for a_name, b_name in zip(order, order[1:]):
                for ja in jobs_of.get(a_name, []):
                    for jb in jobs_of.get(b_name, []):
                        for sb in jb["starts"]:
                            early = [x[ja["id"], sa] for sa in ja["starts"] if sa + ja["length"] > sb]
                            if early:
                                prob += x[jb["id"], sb] + pulp.lpSum(early) <= 1
        return prob

    # Three lexicographic phases sharing one time limit; a phase that
    # stops on the limit leaves the fleet "unproven".
    t0 = time.monotonic()
    proven = True

    def solve(prob):
        nonlocal proven
        left = max(1.0, time_limit - (time.monotonic() - t0))
        prob.solve(pulp.COIN_CMD(path="/usr/bin/cbc", msg=False, timeLimit=left))
        if prob.sol_status != pulp.LpSolutionOptimal:
            proven = False
        return round(pulp.value(prob.objective) or 0)

    count_expr = pulp.lpSum(x.values())
    reboot_expr = pulp.lpSum(x[j["id"], s] for j in jobs if j["reboots"] for s in j["starts"])
    prob = build()
    prob += count_expr
    opt_count = solve(prob)
    prob = build()
    prob.sense = pulp.LpMinimize
    prob += reboot_expr
    prob += count_expr >= opt_count
    opt_reboots = solve(prob)
    prob = build()
    prob.sense = pulp.LpMinimize
    prob += pulp.lpSum((s - j["est"]) * x[j["id"], s] for j in jobs for s in j["starts"])
    prob += count_expr >= opt_count
    prob += reboot_expr <= opt_reboots
    opt_delay = solve(prob)
    milp_time = time.monotonic() - t0
    if dump_dir:
        opt_starts = {a: s for (a, s), v in x.items() if (v.varValue or 0) > 0.5}
        dump(os.path.join(dump_dir, "seed-%d.txt" % seed), data, jobs, ours_starts, opt_starts)
    return dict(seed=seed, jobs=len(jobs), vars=len(x), ours_count=ours_count, opt_count=opt_count,
                ours_reboots=ours_reboots, opt_reboots=opt_reboots, ours_delay=ours_delay,
                opt_delay=opt_delay, base=base, proven=proven, milp_time=milp_time)


def gap(delay, opt):
    return 100.0 * (delay - opt) / opt if opt else 0.0


def summary(label, rows, key):
    """key(row) -> (count, reboots, delay) of the plan being judged."""
    equal = [r for r in rows if key(r)[0] == r["opt_count"]]
    print("%s: scheduled count equal to the optimum in %d of %d fleets (%d scheduled, optimum %d)"
          % (label, len(equal), len(rows), sum(key(r)[0] for r in rows), sum(r["opt_count"] for r in rows)))
    same = [r for r in equal if key(r)[1] == r["opt_reboots"]]
    print("%s: reboots equal to the optimum in %d of those %d" % (label, len(same), len(equal)))
    total = sum(key(r)[2] for r in equal)
    opt = sum(r["opt_delay"] for r in equal)
    within = sum(1 for r in equal if gap(key(r)[2], r["opt_delay"]) <= 2.0)
    if opt:
        print("%s: total delay where counts are equal: %d s vs optimum %d s, gap %.2f %%; "
              "%d of %d fleets within 2 %%" % (label, total, opt, gap(total, opt), within, len(equal)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gen")
    ap.add_argument("maintctl")
    ap.add_argument("n", nargs="?", type=int, default=20)
    ap.add_argument("--time-limit", type=float, default=120.0, help="cbc seconds per fleet")
    ap.add_argument("--baseline", help="a second maintctl to compare")
    ap.add_argument("--seeds", help="comma-separated seeds instead of 1..N")
    ap.add_argument("--dump", metavar="DIR", help="write our plan and the MILP's side by side, per seed")
    args = ap.parse_args()
    seeds = [int(x) for x in args.seeds.split(",")] if args.seeds else list(range(1, args.n + 1))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        print("%5s %5s %6s %10s %6s %10s %12s %12s %8s %8s %s" % (
            "seed", "jobs", "vars", "ours", "opt", "reb/opt", "ours delay", "opt delay", "gap %", "cbc s",
            "baseline (count delay gap%)" if args.baseline else ""))
        for seed in seeds:
            r = one_seed(args.gen, args.maintctl, seed, tmp, args.time_limit, args.baseline, args.dump)
            rows.append(r)
            extra = ""
            if r["base"]:
                extra = "%d %d %.2f" % (r["base"][0], r["base"][2], gap(r["base"][2], r["opt_delay"]))
            print("%5d %5d %6d %10d %6d %5d/%-4d %12d %12d %8.2f %8.2f %s%s" % (
                seed, r["jobs"], r["vars"], r["ours_count"], r["opt_count"], r["ours_reboots"],
                r["opt_reboots"], r["ours_delay"], r["opt_delay"], gap(r["ours_delay"], r["opt_delay"]),
                r["milp_time"], extra, "" if r["proven"] else "  (cbc: not proven optimal)"), flush=True)
    proven = [r for r in rows if r["proven"]]
    unproven = [r["seed"] for r in rows if not r["proven"]]
    if unproven:
        print("cbc did not prove optimality within %.0f s for seeds %s: left out below"
              % (args.time_limit, ", ".join(map(str, unproven))))
    summary("ours", proven, lambda r: (r["ours_count"], r["ours_reboots"], r["ours_delay"]))
    if args.baseline:
        summary("baseline", proven, lambda r: r["base"])



if __name__ == "__main__":
    main()
