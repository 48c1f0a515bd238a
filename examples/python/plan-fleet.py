#!/usr/bin/python3
# plan-fleet.py: load a fleet, plan, print the plan as JSON
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The Python twin of examples/c/plan-fleet.c; both print the same bytes as
# `maintctl plan --format json FLEET.json`.
#
#   python3 plan-fleet.py FLEET.json [NOW]

import sys
from datetime import datetime

import gi
gi.require_version('Maint', '1')
from gi.repository import GLib, Maint  # noqa: E402


def main(argv):
    if len(argv) not in (2, 3):
        print('usage: %s FLEET.json [NOW]' % argv[0], file=sys.stderr)
        return 2
    try:
        fleet = Maint.Fleet.new_from_file(argv[1])
        scheduler = Maint.Scheduler.new(fleet)
        if len(argv) == 3:
            # datetime.fromisoformat reads RFC 3339 with an offset (Python 3.11)
            scheduler.set_now(datetime.fromisoformat(argv[2]))
        plan = scheduler.run()
    except (GLib.Error, ValueError) as e:
        print('%s: %s' % (argv[1], getattr(e, 'message', e)), file=sys.stderr)
        return 2
    data, _length = plan.to_data()
    sys.stdout.buffer.write(data.encode('utf-8'))
    print('%d activities scheduled, %d unscheduled, %d reboots (%d saved)' % (
        plan.n_scheduled, plan.n_unscheduled, plan.n_reboots, plan.n_reboots_saved),
        file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
