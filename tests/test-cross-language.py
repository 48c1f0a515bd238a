#!/usr/bin/python3
# test-cross-language.py: C, Python, Go and maintctl make the same plan
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Plans every example fleet with
#   - maintctl plan --format json            (MAINTCTL)
#   - examples/c/plan-fleet                   (MAINT_PLAN_FLEET_C)
#   - examples/python/plan-fleet.py           (needs GI_TYPELIB_PATH etc.)
#   - the Go example                          (MAINT_PLAN_FLEET_GO: a built
#     binary, or a directory holding a Go main package, run with `go run`)
# with and without an explicit NOW, and checks that the outputs are
# byte-identical. A language whose program is not configured is reported
# as skipped, never silently passed.

import glob
import os
import shutil
import subprocess
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)
EXAMPLES = os.environ.get('MAINT_EXAMPLES_DIR', os.path.join(SOURCE, 'examples'))
FLEETS = sorted(glob.glob(os.path.join(EXAMPLES, 'fleets', '*.json')))
NOWS = [None, '2013-03-05T10:00:00+01:00']


def run(argv, cwd=None):
    r = subprocess.run(argv, capture_output=True, cwd=cwd, timeout=600)
    if r.returncode != 0:
        raise AssertionError('%s exited with %d: %s' % (' '.join(argv), r.returncode,
                                                        r.stderr.decode(errors='replace')))
    return r.stdout


def planners():
    """name -> function(fleet, now) -> bytes, for every configured language."""
    found = {}
    maintctl = os.environ['MAINTCTL']
    found['maintctl'] = lambda fleet, now: run(
        [maintctl, 'plan', '--format', 'json'] + (['--now', now] if now else []) + [fleet])

    c = os.environ.get('MAINT_PLAN_FLEET_C')
    if c:
        found['c'] = lambda fleet, now: run([c, fleet] + ([now] if now else []))

    if os.environ.get('GI_TYPELIB_PATH'):
        script = os.path.join(EXAMPLES, 'python', 'plan-fleet.py')
        found['python'] = lambda fleet, now: run(
            ['/usr/bin/python3', script, fleet] + ([now] if now else []))

    go = os.environ.get('MAINT_PLAN_FLEET_GO')
    if go and os.path.isdir(go) and shutil.which('go'):
        found['go'] = lambda fleet, now: run(
            ['go', 'run', '.', fleet] + ([now] if now else []), cwd=go)
    elif go and os.path.isfile(go) and os.access(go, os.X_OK):
        found['go'] = lambda fleet, now: run([go, fleet] + ([now] if now else []))
    return found


class SamePlanEverywhere(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.planners = planners()

    def test_there_is_something_to_compare(self):
        self.assertTrue(FLEETS)
        self.assertIn('c', self.planners)
        self.assertGreaterEqual(len(self.planners), 2)

    def check(self, language):
        if language not in self.planners:
            self.skipTest('no %s planner configured' % language)
        for fleet in FLEETS:
            for now in NOWS:
                with self.subTest(fleet=os.path.basename(fleet), now=now):
                    expected = self.planners['maintctl'](fleet, now)
                    self.assertTrue(expected.startswith(b'{\n  "format": "libmaint-plan/1"'))
                    got = self.planners[language](fleet, now)
                    self.assertEqual(got, expected)

    def test_now_changes_the_plan(self):
        # otherwise the NOW argument could be ignored everywhere unnoticed
        fleet = os.path.join(EXAMPLES, 'fleets', 'gocept.json')
        self.assertNotEqual(self.planners['maintctl'](fleet, None),
                            self.planners['maintctl'](fleet, NOWS[1]))

    def test_c(self):
        self.check('c')

    def test_python(self):
        self.check('python')

    def test_go(self):
        self.check('go')


if __name__ == '__main__':
    unittest.main(verbosity=2)
