#!/usr/bin/python3
# test-svg.py: the SVG pictures of plans parse as XML and show every slot
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: test-svg.py SVG-RENDER
#
# SVG-RENDER (tests/svg-render.c) draws a hand-built sample plan and writes
# the plan as libmaint-plan/1 JSON next to it; the SVG is checked against
# that JSON with Python's own XML parser, independently of the C code.

import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'
RENDER = sys.argv[1]
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


def render(tmp, *args):
    svg_path = os.path.join(tmp, 'out.svg')
    plan_path = os.path.join(tmp, 'plan.json')
    subprocess.run([RENDER, *args, '--plan-out', plan_path, '-o', svg_path], check=True)
    with open(svg_path, 'rb') as f:
        data = f.read()
    with open(plan_path, encoding='utf-8') as f:
        plan = json.load(f)
    return data, ET.fromstring(data), plan


def shapes(root, cls):
    return [e for e in root.iter() if cls in (e.get('class') or '').split()]


def title_of(e):
    t = e.find(SVG + 'title')
    return t.text if t is not None else None


def check(cond, what):
    if not cond:
        raise AssertionError(what)


@test
def per_machine(tmp):
    data, root, plan = render(tmp, '--sample', '50', '--zone', 'Europe/Berlin')
    check(root.tag == SVG + 'svg', 'root is <svg>')
    slots = shapes(root, 'slot')
    check(len(slots) == len(plan['slots']) > 0,
          f'{len(slots)} slot shapes for {len(plan["slots"])} slots')
    check(all(e.tag == SVG + 'rect' for e in slots), 'slots are rects')
    # Every slot of the plan has a shape whose tooltip names its machine.
    titles = sorted(title_of(e).split(' \u00b7 ')[0] for e in slots)
    check(titles == sorted(s['machine'] for s in plan['slots']), 'slot titles name the machines')
    downtimes = shapes(root, 'host-downtime')
    check(len(downtimes) == len(plan['host_downtime']) > 0, 'one shape per host downtime')
    pinned = [e for e in slots if e.get('stroke')]
    check(len(pinned) == sum(1 for s in plan['slots'] if s.get('pinned')), 'pinned slots outlined')
    # Widths and positions are plain C-locale numbers.
    for e in slots:
        for a in ('x', 'y', 'width', 'height'):
            check(re.fullmatch(r'-?\d+(\.\d)?', e.get(a)), f'number {a}={e.get(a)!r}')
    # One row label per machine the plan touches.
    machines = {s['machine'] for s in plan['slots']} | {d['guest'] for d in plan['host_downtime']}
    check(len(shapes(root, 'machine')) == len(machines), 'one label per machine')
    check(len(shapes(root, 'density')) == 0, 'not aggregated')


@test
def per_host(tmp):
    _, root, plan = render(tmp, '--sample', '50', '--group-by', 'host')
    check(len(shapes(root, 'slot')) == len(plan['slots']), 'slot shapes by host')
    sections = [''.join(e.itertext()) for e in shapes(root, 'section')]
    hosts = sorted({d['host'] for d in plan['host_downtime']})
    check(sections == hosts, f'one section per host, sorted: {sections}')


@test
def deterministic(tmp):
    a, _, _ = render(tmp, '--sample', '60', '--zone', 'Europe/Berlin')
    b, _, _ = render(tmp, '--sample', '60', '--zone', 'Europe/Berlin')
    check(a == b, 'same plan, same bytes')


@test
def aggregated(tmp):
    _, root, plan = render(tmp, '--sample', '600', '--zone', 'Europe/Berlin')
    check(len(shapes(root, 'slot')) == 0, 'no per-slot shapes when aggregated')
    cells = shapes(root, 'density')
    check(len(cells) > 0, 'density cells')
    groups = {s['group'] for s in plan['slots']}
    check(len(shapes(root, 'section')) == len(groups), 'one row per group')
    for e in cells:
        down = int(e.get('data-down'))
        check(down > 0, 'cells only where machines are down')
        check(re.match(r'.*: %d of \d+ machines? down' % down, title_of(e)), 'count in the tooltip')


@test
def unknown_zone(tmp):
    r = subprocess.run([RENDER, '--sample', '10', '--zone', 'Mars/Olympus_Mons'],
                       capture_output=True, text=True)
    check(r.returncode != 0 and 'Mars/Olympus_Mons' in r.stderr, 'unknown zone is an error')


def main():
    print(f'1..{len(TESTS)}')
    failed = 0
    for i, fn in enumerate(TESTS, 1):
        with tempfile.TemporaryDirectory() as tmp:
            try:
                fn(tmp)
                print(f'ok {i} {fn.__name__}')
            except Exception as e:  # report and go on
                failed += 1
                print(f'not ok {i} {fn.__name__}: {e!r}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
