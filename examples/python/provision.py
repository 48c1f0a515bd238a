#!/usr/bin/python3
# provision.py: what a provisioning tool does after a customer changes a VM
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Loads the fleet, queues a memory resize for one machine (as the directory
# would when a customer books more RAM), plans, and prints the new windows
# of every resource group in the group's own time zone, ready to be
# announced. Exits 1 if the new activity could not be scheduled.
#
#   python3 provision.py [FLEET.json [MACHINE]]

import os
import sys
from datetime import datetime, timedelta

import gi
gi.require_version('Maint', '1')
from gi.repository import GLib, Maint  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_FLEET = os.path.join(HERE, '..', 'fleets', 'gocept.json')


def local_time(instant, zone, date=True):
    """'Mon 2013-03-04 22:00 CET' (or '22:00 CET') for an instant in @zone."""
    text = Maint.instant_format_local(instant, zone)      # 2013-03-04T22:00:00+01:00
    clock = '%s %s' % (text[11:16], Maint.time_zone_abbreviation_at(zone, instant))
    if not date:
        return clock
    return '%s %s' % (datetime.fromisoformat(text).strftime('%a %Y-%m-%d'), clock)


def main(argv):
    path = argv[1] if len(argv) > 1 else DEFAULT_FLEET
    machine_name = argv[2] if len(argv) > 2 else 'kulturverlag-web2'

    try:
        fleet = Maint.Fleet.new_from_file(path)
    except GLib.Error as e:
        # e.message starts with the JSON path: machines[3].group: ...
        print('%s: %s' % (path, e.message), file=sys.stderr)
        return 2

    machine = fleet.lookup_machine(machine_name)
    if machine is None:
        print('%s: no machine %r' % (path, machine_name), file=sys.stderr)
        return 2

    # The customer booked 8 GiB instead of 4: a cold reboot, ten minutes.
    activity = Maint.Activity(id='provision-%s-ram' % machine.name,
                              machine=machine.name,
                              kind=Maint.ActivityKind.MEMORY_RESIZE,
                              summary='RAM 4 GiB -> 8 GiB',
                              estimate=timedelta(minutes=10),
                              reboot=Maint.RebootKind.COLD)
    try:
        fleet.add_activity(activity)
    except GLib.Error as e:
        print('%s: %s' % (activity.id, e.message), file=sys.stderr)
        return 2

    plan = Maint.Scheduler.new(fleet).run()

    # One message per group: its machines' new (not yet announced) windows.
    by_group = {}
    for slot in plan.slots:
        if not slot.pinned:
            by_group.setdefault(slot.group, []).append(slot)

    for group in fleet.groups:
        slots = by_group.get(group.name)
        if not slots:
            continue
        zone = group.timezone
        print('%s (%s, notice %s, to %s)' % (group.name, zone, Maint.duration_format(group.notice),
                                            ', '.join(group.contacts)))
        for slot in slots:
            print('  %s - %s  %-24s %s  announce by %s' % (
                local_time(slot.start, zone), local_time(slot.end, zone, date=False),
                slot.machine, ' '.join(slot.activities),
                Maint.instant_format(slot.announce_by)))

    for u in plan.unscheduled:
        print('not scheduled: %s (%s): %s' % (u.activity, u.reason.value_nick, u.detail))

    if plan.lookup_slot(activity.id) is None:
        print('%s could not be scheduled' % activity.id, file=sys.stderr)
        return 1
    slot = plan.lookup_slot(activity.id)
    print('%s: %s (%s UTC)' % (activity.id, local_time(slot.start, machine_zone(fleet, machine)),
                               Maint.instant_format(slot.start)))
    return 0


def machine_zone(fleet, machine):
    return fleet.lookup_group(machine.group).timezone


if __name__ == '__main__':
    sys.exit(main(sys.argv))
