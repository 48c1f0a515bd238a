#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes examples/fleets/gocept.json, the example fleet.

The fleet resembles the hosting provider of the posts libmaint grew from
(gocept, data centre Oberhausen) as of Friday 2013-03-01 09:00 UTC, just
before the OS update roll-out of 2013-03-04: 32 resource groups (customers
in Berlin, London, New York, Tokyo, Sydney; staging and testing groups;
the provider's own infrastructure), 6 KVM hosts with 120 VMs, 15
infrastructure machines, redundant pairs as services, queued activities of
every kind and the five-wave roll-out with the host reboots on Saturday.

Everything is derived from the tables below by arithmetic, without
randomness, so the output is the same on every run and every Python:

    /usr/bin/python3 scripts/make-example-fleet.py [OUTPUT [EMERGENCY]]

It also writes examples/fleets/gocept-emergency.json (next to OUTPUT): the
same fleet during the 200-day kernel bug, with emergency kernel updates
and no rollout.
"""

import datetime
import json
import os
import sys

UTC = datetime.timezone.utc
NOW = datetime.datetime(2013, 3, 1, 9, 0, tzinfo=UTC)


def instant(value):
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def days_ago(days, hours=0):
    return instant(NOW - datetime.timedelta(days=days, hours=hours))


# name, stage, timezone, locale, windows, notice, max_concurrent, VMs
# The VM count is per group; the sum is 120.
GROUPS = [
    ("gocept-infra", "infrastructure", "Europe/Berlin", "de",
     ["mon-fri 05:00-09:00", "sat 10:00-14:00"], "PT24H", 0, 0),
    ("gocept-services", "infrastructure", "Europe/Berlin", "de",
     ["mon-fri 05:00-08:00"], "PT24H", 0, 3),
    ("kulturverlag", "production", "Europe/Berlin", "de",
     ["daily 22:00-05:00"], "P2D", 2, 8),
    ("stadtwerke-ruhr", "production", "Europe/Berlin", "de",
     ["mon-fri 22:00-24:00", "sat,sun 10:00-14:00"], "P3D", 1, 6),
    ("weinhandel-mosel", "production", "Europe/Berlin", "de",
     ["daily 23:00-06:00"], "P2D", 0, 5),
    ("hochschule-nrw", "production", "Europe/Berlin", "de",
     ["sat,sun 06:00-12:00"], "P5D", 2, 7),
    ("zeitungsarchiv", "production", "Europe/Berlin", "de",
     ["daily 02:00-05:00"], "P2D", 0, 6),
    ("reisebuero-sonne", "production", "Europe/Berlin", "de",
     ["mon-fri 21:00-23:30"], "PT24H", 0, 3),
    ("stiftung-kunst", "production", "Europe/Berlin", "de",
     ["daily 22:00-05:00"], "P2D", 0, 6),
    ("rhein-logistik", "production", "Europe/Berlin", "de",
     ["mon-sat 23:00-04:00", "sun 12:00-18:00"], "P3D", 3, 8),
    ("baumarkt-online", "production", "Europe/Berlin", "de",
     ["tue,thu 04:30-06:30"], "P3D", 1, 5),
    ("verlag-buecherwurm", "production", "Europe/Berlin", "de",
     ["daily 22:00-05:00"], "P2D", 0, 3),
    ("energie-portal", "production", "Europe/Berlin", "en",
     ["fri-mon 22:00-04:00"], "P3D", 0, 4),
    ("praxis-software", "production", "Europe/Berlin", "de",
     ["sat 22:00-02:00", "sun 08:00-12:00"], "P7D", 1, 3),
    ("musikschule-halle", "production", "Europe/Berlin", "de",
     ["daily 20:00-23:00"], "PT24H", 0, 2),
    ("fahrradkurier", "production", "Europe/Berlin", "de",
     ["daily 22:00-05:00"], "P2D", 0, 3),
    ("immobilien-west", "production", "Europe/Berlin", "de",
     ["mon-fri 22:00-24:00"], "P2D", 0, 3),
    ("gartenbau-lenz", "production", "Europe/Berlin", "de",
     ["daily 22:00-05:00"], "P2D", 0, 2),
    ("thames-media", "production", "Europe/London", "en",
     ["daily 23:00-05:00"], "P2D", 2, 6),
    ("camden-books", "production", "Europe/London", "en",
     ["sun 02:00-06:00"], "P3D", 0, 3),
    ("highland-travel", "production", "Europe/London", "en",
     ["mon-fri 22:00-24:00"], "P2D", 0, 3),
    ("hudson-analytics", "production", "America/New_York", "en",
     ["daily 01:00-05:00"], "P2D", 1, 5),
    ("brooklyn-press", "production", "America/New_York", "en",
     ["sat,sun 00:00-06:00"], "P3D", 0, 3),
    ("shinjuku-commerce", "production", "Asia/Tokyo", "en",
     ["daily 02:00-06:00"], "P2D", 0, 4),
    ("harbour-consulting", "production", "Australia/Sydney", "en",
     ["daily 00:00-04:00"], "P2D", 0, 3),
    ("opendata-lab", "production", "UTC", "en",
     ["daily 00:00-06:00"], "PT24H", 0, 3),
    ("kulturverlag-staging", "staging", "Europe/Berlin", "de",
     ["mon-fri 08:00-18:00", "sat,sun 10:00-16:00"], "PT24H", 0, 3),
    ("stadtwerke-staging", "staging", "Europe/Berlin", "de",
     ["daily 06:00-22:00"], "PT24H", 0, 2),
    ("thames-staging", "staging", "Europe/London", "en",
     ["mon-fri 09:00-17:00", "sat,sun 09:00-17:00"], "PT24H", 0, 2),
    ("hudson-staging", "staging", "America/New_York", "en",
     ["daily 08:00-20:00"], "PT24H", 0, 2),
    ("hochschule-test", "testing", "Europe/Berlin", "de",
     ["daily 06:00-22:00"], "PT24H", 0, 2),
    ("baumarkt-test", "testing", "Europe/Berlin", "de",
     ["daily 00:00-24:00"], "PT24H", 0, 2),
]

# The roles of a customer's VMs, in the order they are created; a group
# with n VMs gets the first n. Pairs (db1/db2, lb1/lb2) become services.
ROLES = ["web1", "db1", "db2", "web2", "lb1", "lb2", "worker1", "web3"]

# Test machines inside production groups (a stage override). The roll-out
# updates testing machines 24 hours before the first production machine
# (Monday evening), so they are ones whose group admits a weekend slot
# with the notice it asks for.
TEST_VMS = {"musikschule-halle-web2", "opendata-lab-db2"}

HOSTS = ["kvm00", "kvm01", "kvm02", "kvm03", "kvm04", "kvm05"]

# infrastructure machines of the provider (kind infrastructure)
INFRASTRUCTURE = [
    "router00", "router01", "storage00", "storage01", "storage02", "storage03",
    "directory00", "directory01", "mail00", "mail01", "dns00", "dns01",
    "backup00", "monitor00", "puppet00",
]

# days of uptime: a few of the hosts and infrastructure machines are close
# to the 200-day kernel bug, as in the second post.
HOST_UPTIME = [196, 188, 150, 120, 60, 30]
INFRA_UPTIME = [197, 193, 180, 175, 140, 100, 95, 90, 80, 70, 60, 45, 30, 20, 10]

BLACKOUTS = {
    # the Easter sale and the end-of-quarter billing run
    "baumarkt-online": [("2013-03-28T00:00:00+01:00", "2013-04-02T00:00:00+02:00")],
    "stadtwerke-ruhr": [("2013-03-29T18:00:00+01:00", "2013-04-01T06:00:00+02:00")],
    "thames-media": [("2013-03-10T00:00:00Z", "2013-03-11T00:00:00Z")],
}

ACTIVITY_KINDS = [
    # kind, summary, estimate, reboot
    ("memory-resize", "RAM 4 → 8 GiB", "PT10M", "cold"),
    ("cpu-change", "2 → 4 CPUs", "PT10M", "cold"),
    ("kernel-update", "Kernel 3.4.28", "PT15M", "warm"),
    ("system-update", "Security updates", "PT20M", "warm"),
    ("fs-check", "File system integrity check", "PT10M", "warm"),
    ("fs-migration", "Migrate ext3 → ext4", "PT30M", "warm"),
    ("reboot", "Activate new kernel configuration", "PT5M", "warm"),
    ("custom", "Replace virtual network card", "PT15M", "cold"),
]


def contacts(name, locale):
    domain = name.split("-")[0] + ".example"
    if name.startswith("gocept"):
        return ["ops@gocept.example", "admin@gocept.example"]
    first = "technik" if locale == "de" else "ops"
    return ["%s@%s" % (first, domain)]


def make_fleet():
    groups, machines, services, activities = [], [], [], []

    for (name, stage, zone, locale, windows, notice, max_concurrent, _) in GROUPS:
        group = {
            "name": name,
            "contacts": contacts(name, locale),
            "timezone": zone,
            "locale": locale,
            "windows": windows,
            "notice": notice,
            "stage": stage,
        }
        if max_concurrent:
            group["max_concurrent"] = max_concurrent
        if name in BLACKOUTS:
            group["blackouts"] = [{"start": s, "end": e} for s, e in BLACKOUTS[name]]
        groups.append(group)

    for i, host in enumerate(HOSTS):
        machines.append({
            "name": host,
            "group": "gocept-infra",
            "kind": "host",
            "booted_at": days_ago(HOST_UPTIME[i], hours=i),
        })

    for i, name in enumerate(INFRASTRUCTURE):
        machine = {
            "name": name,
            "group": "gocept-infra",
            "kind": "infrastructure",
            "booted_at": days_ago(INFRA_UPTIME[i], hours=2 * i),
        }
        if name == "backup00":
            # restarted by hand only: it runs the nightly backups
            machine["auto_schedule"] = False
        machines.append(machine)

    vm_index = 0
    for (name, stage, zone, locale, windows, notice, max_concurrent, n_vms) in GROUPS:
        for role in ROLES[:n_vms]:
            vm = {
                "name": "%s-%s" % (name, role),
                "group": name,
                "kind": "vm",
                # spread over the hosts; pairs land on different hosts
                "host": HOSTS[vm_index % len(HOSTS)],
            }
            if vm_index % 17 == 5:
                vm["auto_schedule"] = False
            if role == "web1" and stage == "production" and vm_index % 4 == 0:
                vm["representative"] = True
            if "%s-%s" % (name, role) in TEST_VMS:
                # a customer's own test machine inside a production group
                vm["stage"] = "testing"
            vm["booted_at"] = days_ago(5 + (vm_index * 37) % 190, hours=vm_index % 24)
            if vm_index % 5 == 0:
                vm["reboots"] = vm_index % 3
            machines.append(vm)
            vm_index += 1

    names = {m["name"] for m in machines}
    for (name, stage, *_rest) in GROUPS:
        for a, b, spacing in (("db1", "db2", "PT1H"), ("lb1", "lb2", "PT30M")):
            first, second = "%s-%s" % (name, a), "%s-%s" % (name, b)
            if first in names and second in names:
                service = {
                    "name": "%s-%s" % (name, a[:-1]),
                    "members": [first, second],
                    "max_unavailable": 1,
                    "spacing": spacing,
                }
                if a == "db1":
                    # db1 is active, db2 the passive replica: passive first
                    service["order"] = [second, first]
                services.append(service)
    services.append({"name": "routers", "members": ["router00", "router01"],
                     "max_unavailable": 1, "spacing": "PT2H",
                     "order": ["router01", "router00"]})
    services.append({"name": "directory", "members": ["directory00", "directory01"],
                     "spacing": "PT1H"})
    services.append({"name": "mail", "members": ["mail00", "mail01"]})
    services.append({"name": "dns", "members": ["dns00", "dns01"], "spacing": "PT15M"})
    services.append({"name": "storage", "members": ["storage00", "storage01",
                                                    "storage02", "storage03"],
                     "max_unavailable": 1, "spacing": "PT30M"})

    vms = [m for m in machines if m["kind"] == "vm"]
    n = 0

    def add(machine, kind, summary, estimate, reboot, **extra):
        nonlocal n
        n += 1
        activity = {"id": "a-%03d" % n, "machine": machine, "kind": kind,
                    "summary": summary, "estimate": estimate, "reboot": reboot}
        activity.update(extra)
        activities.append(activity)

    # queued customer requests: every kind, spread over the VMs
    for i in range(40):
        kind, summary, estimate, reboot = ACTIVITY_KINDS[i % len(ACTIVITY_KINDS)]
        vm = vms[(i * 29) % len(vms)]
        extra = {}
        if i % 9 == 4:
            extra["not_before"] = "2013-03-06T00:00:00Z"
        if i % 11 == 7:
            extra["priority"] = "urgent"
            extra["deadline"] = "2013-03-15T00:00:00Z"
        add(vm["name"], kind, summary, estimate, reboot, **extra)

    # the 200-day kernel bug: emergency kernel updates for the machines
    # that reach 200 days of uptime within the horizon, due before they do
    for m in machines:
        if m["kind"] == "vm":
            continue
        booted = datetime.datetime.strptime(m["booted_at"], "%Y-%m-%dT%H:%M:%SZ")
        booted = booted.replace(tzinfo=UTC)
        deadline = booted + datetime.timedelta(days=200)
        if deadline < NOW + datetime.timedelta(days=14):
            add(m["name"], "kernel-update", "Kernel fix for the 200-day uptime bug",
                "PT15M", "warm", priority="emergency", deadline=instant(deadline))

    # a host reboot queued on its own
    add("kvm03", "host-reboot", "Replace failed fan", "PT30M", "cold",
        priority="urgent", not_before="2013-03-02T00:00:00Z")

    # already announced: pinned slots
    add("kulturverlag-web1", "memory-resize", "RAM 2 → 4 GiB", "PT10M", "cold",
        scheduled={"start": "2013-03-02T21:00:00Z", "end": "2013-03-02T21:15:00Z"},
        announced_at="2013-02-27T10:00:00Z")
    add("thames-media-db2", "fs-migration", "Migrate ext3 → ext4", "PT30M", "warm",
        scheduled={"start": "2013-03-03T23:00:00Z", "end": "2013-03-03T23:35:00Z"},
        announced_at="2013-02-28T16:30:00Z")

    # file system checks before the roll-out, part of it
    for i, vm in enumerate(vms[::23]):
        add(vm["name"], "fs-check", "File system check before the OS update",
            "PT10M", "warm", rollout="os-2013-03")

    rollout = {
        "name": "os-2013-03",
        "staging_lead": "PT24H",
        "host_reboots": {"start": "2013-03-09T09:00:00Z", "end": "2013-03-09T13:00:00Z"},
        "halt_after_failures": 3,
        "template": {"kind": "system-update",
                     "summary": "Major OS update (Varnish 3, OpenJDK)",
                     "estimate": "PT20M", "reboot": "warm", "priority": "normal"},
        "waves": [
            # The weekend before: every testing and staging machine, so
            # that it is done 24 hours before the first production slot
            # (Monday evening), as the post promised
            {"name": "staging", "select": {"stage": "staging"},
             "from": "2013-03-02T05:00:00Z", "until": "2013-03-03T17:00:00Z"},
            {"name": "testing", "select": {"stage": "testing"},
             "from": "2013-03-02T05:00:00Z", "until": "2013-03-03T17:00:00Z"},
            # Monday morning, 05:00-12:00 CET (the routers are two hours
            # apart, the four storage servers half an hour)
            {"name": "infrastructure", "select": {"kind": "infrastructure"},
             "from": "2013-03-04T04:00:00Z", "until": "2013-03-04T11:00:00Z"},
            # Monday evening and night
            {"name": "representative", "select": {"representative": True},
             "from": "2013-03-04T17:00:00Z", "until": "2013-03-05T05:00:00Z"},
            # shares of what the earlier waves left: 20 %, 30 % (of all:
            # 0.3 / 0.8 of the rest), the rest
            {"name": "20%", "share": 0.2,
             "from": "2013-03-05T05:00:00Z", "until": "2013-03-06T05:00:00Z"},
            {"name": "30%", "share": 0.375,
             "from": "2013-03-06T05:00:00Z", "until": "2013-03-07T05:00:00Z"},
            # Thursday; customers who allow maintenance only at the
            # weekend get Friday night and Saturday morning, before the
            # hosts reboot
            {"name": "rest", "share": 1.0,
             "from": "2013-03-07T05:00:00Z", "until": "2013-03-09T09:00:00Z"},
        ],
    }

    return {
        "format": "libmaint-fleet/1",
        "now": instant(NOW),
        "policy": {
            "horizon": "P28D",
            "setup": "PT5M",
            "min_slot": "PT15M",
            "max_concurrent": 20,
            "max_concurrent_per_host": 4,
            "emergency_notice": "PT1H",
            "max_uptime": "P200D",
            "coalesce_with_host_reboot": True,
        },
        "resource_groups": groups,
        "machines": machines,
        "services": services,
        "activities": activities,
        "rollouts": [rollout],
    }


def make_emergency_fleet():
    """The 200-day kernel bug of the second post, on the same fleet.

    The machines' boot times are spread so that some are past 200 days of
    uptime already, some reach it within days and most are far from it;
    policy.max_uptime (P200D) gives every reboot-requiring activity the
    implicit deadline booted_at + 200 days. Every member of a redundant
    pair, every host and every infrastructure machine gets an emergency
    kernel update (emergency notice, one hour); the services' order takes
    the passive member first. No rollout: the emergency does not wait for
    waves.
    """
    fleet = make_fleet()
    fleet["rollouts"] = []
    fleet["activities"] = []
    members = set()
    for service in fleet["services"]:
        members.update(service["members"])
    for i, m in enumerate(fleet["machines"]):
        # 11..210 days in steps of 31 (mod 200): a deterministic spread
        # with a few machines past the 200 days and some close to them
        m["booted_at"] = days_ago(210 - (i * 31) % 200, hours=(i * 7) % 24)
        m.pop("reboots", None)
    n = 0
    for m in fleet["machines"]:
        if m["name"] in members or m["kind"] != "vm":
            if m.get("auto_schedule", True) is False:
                continue
            n += 1
            fleet["activities"].append({
                "id": "kernel-%03d" % n, "machine": m["name"],
                "kind": "kernel-update",
                "summary": "Kernel fix for the 200-day uptime bug",
                "estimate": "PT15M", "reboot": "warm", "priority": "emergency"})
    fleet["policy"]["max_uptime"] = "P200D"
    fleet["policy"]["emergency_notice"] = "PT1H"
    return fleet


def write(out, fleet):
    text = json.dumps(fleet, indent=2, ensure_ascii=False) + "\n"
    with open(out + ".tmp", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(out + ".tmp", out)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        here, "..", "examples", "fleets", "gocept.json")
    emergency = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(out), "gocept-emergency.json")
    assert sum(g[7] for g in GROUPS) == 120
    write(out, make_fleet())
    write(emergency, make_emergency_fleet())


if __name__ == "__main__":
    main()
