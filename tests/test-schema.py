#!/usr/bin/python3
# test-schema.py: the JSON Schemas in doc/schema/ against real documents
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# - every example fleet (examples/fleets/*.json) and the plan maintctl makes
#   of it validate;
# - broken documents are rejected by the schema *and* by libmaint (maintctl
#   check / verify), so the schema documents what the library enforces;
# - with PyGObject available, the schema's patterns for window specs,
#   durations and instants accept exactly what libmaint's parsers accept.
#
# Needs python3-jsonschema (Debian package); MAINTCTL names the binary.

import copy
import glob
import json
import os
import subprocess
import tempfile
import unittest

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)
SCHEMA_DIR = os.path.join(SOURCE, 'doc', 'schema')
EXAMPLES = os.environ.get('MAINT_EXAMPLES_DIR', os.path.join(SOURCE, 'examples'))
MAINTCTL = os.environ['MAINTCTL']
FLEETS = sorted(glob.glob(os.path.join(EXAMPLES, 'fleets', '*.json')))
GOCEPT = os.path.join(EXAMPLES, 'fleets', 'gocept.json')


def load_schema(name):
    with open(os.path.join(SCHEMA_DIR, name)) as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


FLEET_SCHEMA = load_schema('libmaint-fleet-1.schema.json')
PLAN_SCHEMA = load_schema('libmaint-plan-1.schema.json')


def maintctl(*args):
    return subprocess.run([MAINTCTL] + list(args), capture_output=True)


def write_temp(doc):
    f = tempfile.NamedTemporaryFile('w', suffix='.json', delete=False)
    with f:
        json.dump(doc, f)
    return f.name


def plan_of(fleet_path):
    r = maintctl('plan', '--format', 'json', fleet_path)
    if r.returncode != 0:
        raise AssertionError('maintctl plan %s: %s' % (fleet_path, r.stderr.decode()))
    return json.loads(r.stdout)


class Examples(unittest.TestCase):
    def test_there_are_examples(self):
        self.assertIn(GOCEPT, FLEETS)

    def test_example_fleets_validate(self):
        for path in FLEETS:
            with self.subTest(fleet=os.path.basename(path)):
                with open(path) as f:
                    errors = [e.message for e in FLEET_SCHEMA.iter_errors(json.load(f))]
                self.assertEqual(errors, [])

    def test_plans_of_example_fleets_validate(self):
        for path in FLEETS:
            with self.subTest(fleet=os.path.basename(path)):
                plan = plan_of(path)
                self.assertEqual([e.message for e in PLAN_SCHEMA.iter_errors(plan)], [])

    def test_saved_fleet_validates(self):
        # what libmaint writes (defaults omitted, canonical forms) is valid too
        with open(GOCEPT) as f:
            doc = json.load(f)
        doc['x-note'] = 'extensions are allowed'
        doc['machines'][0]['x-rack'] = 'B12'
        self.assertEqual([e.message for e in FLEET_SCHEMA.iter_errors(doc)], [])
        path = write_temp(doc)
        try:
            self.assertEqual(maintctl('check', path).returncode, 0)
        finally:
            os.unlink(path)


def fleet_mutations():
    """(name, function that breaks a copy of the gocept fleet)"""
    def setter(path, value):
        def mutate(doc):
            target = doc
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
        return mutate

    def deleter(path):
        def mutate(doc):
            target = doc
            for key in path[:-1]:
                target = target[key]
            del target[path[-1]]
        return mutate

    return [
        ('wrong format', setter(['format'], 'libmaint-fleet/2')),
        ('missing format', deleter(['format'])),
        ('unknown top-level member', setter(['bogus'], 1)),
        ('now not RFC 3339', setter(['now'], '2013-03-01 09:00')),
        ('now without offset', setter(['now'], '2013-03-01T09:00:00')),
        ('horizon in months', setter(['policy', 'horizon'], 'P1M')),
        ('negative setup', setter(['policy', 'setup'], '-PT5M')),
        ('max_concurrent negative', setter(['policy', 'max_concurrent'], -1)),
        ('max_concurrent a string', setter(['policy', 'max_concurrent'], '20')),
        ('unknown policy member', setter(['policy', 'max_parallel'], 3)),
        ('group without contacts', deleter(['resource_groups', 0, 'contacts'])),
        ('empty contacts', setter(['resource_groups', 0, 'contacts'], [])),
        ('contact not an address', setter(['resource_groups', 0, 'contacts'], ['ops at example'])),
        ('contact with a line break', setter(['resource_groups', 0, 'contacts'],
                                             ['ops@example.com\nBcc: x@evil.example'])),
        ('duplicate contacts', setter(['resource_groups', 0, 'contacts'],
                                      ['a@b.example', 'a@b.example'])),
        ('bad window spec', setter(['resource_groups', 0, 'windows'], ['weekdays 22:00-24:00'])),
        ('window hour 25', setter(['resource_groups', 0, 'windows'], ['mon 25:00-26:00'])),
        ('window end 24:30', setter(['resource_groups', 0, 'windows'], ['mon 22:00-24:30'])),
        ('bad locale', setter(['resource_groups', 0, 'locale'], 'german language')),
        ('unknown stage', setter(['resource_groups', 0, 'stage'], 'none')),
        ('blackout without end', setter(['resource_groups', 0, 'blackouts'],
                                        [{'start': '2013-03-24T00:00:00Z'}])),
        ('empty group name', setter(['resource_groups', 0, 'name'], '')),
        ('machine kind', setter(['machines', 0, 'kind'], 'container')),
        ('machine without group', deleter(['machines', 0, 'group'])),
        ('machine name with a newline', setter(['machines', 0, 'name'], 'kvm00\n')),
        ('auto_schedule a string', setter(['machines', 0, 'auto_schedule'], 'yes')),
        ('reboots fractional', setter(['machines', 0, 'reboots'], 1.5)),
        ('service without members', setter(['services', 0, 'members'], [])),
        ('max_unavailable 0', setter(['services', 0, 'max_unavailable'], 0)),
        ('activity kind', setter(['activities', 0, 'kind'], 'reinstall')),
        ('activity reboot', setter(['activities', 0, 'reboot'], 'hard')),
        ('activity priority', setter(['activities', 0, 'priority'], 'high')),
        ('estimate with fraction', setter(['activities', 0, 'estimate'], 'PT1.5H')),
        ('estimate as a number', setter(['activities', 0, 'estimate'], 600)),
        ('activity without id', deleter(['activities', 0, 'id'])),
        ('rollout without waves', setter(['rollouts', 0, 'waves'], [])),
        ('wave with select and share', setter(['rollouts', 0, 'waves', 0, 'share'], 0.5)),
        ('wave share 0', setter(['rollouts', 0, 'waves', 2], {'name': 'none', 'share': 0})),
        ('wave share above 1', setter(['rollouts', 0, 'waves', 2], {'name': 'most', 'share': 1.5})),
        ('wave select unknown', setter(['rollouts', 0, 'waves', 0, 'select'], {'rack': 'B'})),
        ('template unknown member', setter(['rollouts', 0, 'template'], {'command': 'apt upgrade'})),
    ]


PLAN_MUTATIONS = [
    ('wrong format', lambda p: p.__setitem__('format', 'libmaint-fleet/1')),
    ('missing now', lambda p: p.__delitem__('now')),
    ('missing host_downtime', lambda p: p.__delitem__('host_downtime')),
    ('unknown member', lambda p: p.__setitem__('comment', 'hi')),
    ('slot without reboot', lambda p: p['slots'][0].__delitem__('reboot')),
    ('slot start not an instant', lambda p: p['slots'][0].__setitem__('start', 'tomorrow')),
    ('slot pinned a string', lambda p: p['slots'][0].__setitem__('pinned', 'no')),
    ('slot activities duplicated', lambda p: p['slots'][0].__setitem__(
        'activities', p['slots'][0]['activities'] * 2)),
    ('unscheduled reason', lambda p: p['unscheduled'][0].__setitem__('reason', 'busy')),
    ('reboot count negative', lambda p: p['reboots'][0].__setitem__('own', -1)),
    ('reboot count missing saved', lambda p: p['reboots'][0].__delitem__('saved')),
    ('stats without latest_end', lambda p: p['stats'].__delitem__('latest_end')),
]


class Invalid(unittest.TestCase):
    def test_broken_fleets_are_rejected_by_schema_and_library(self):
        with open(GOCEPT) as f:
            original = json.load(f)
        for name, mutate in fleet_mutations():
            with self.subTest(name):
                doc = copy.deepcopy(original)
                mutate(doc)
                self.assertFalse(FLEET_SCHEMA.is_valid(doc), 'the schema accepts it')
                path = write_temp(doc)
                try:
                    r = maintctl('check', path)
                finally:
                    os.unlink(path)
                self.assertEqual(r.returncode, 2, 'libmaint accepts it')

    def test_broken_plans_are_rejected_by_schema_and_library(self):
        original = plan_of(GOCEPT)
        self.assertTrue(original['slots'] and original['unscheduled'] and original['reboots'])
        for name, mutate in PLAN_MUTATIONS:
            with self.subTest(name):
                doc = copy.deepcopy(original)
                mutate(doc)
                self.assertFalse(PLAN_SCHEMA.is_valid(doc), 'the schema accepts it')
                path = write_temp(doc)
                try:
                    r = maintctl('verify', GOCEPT, path)
                finally:
                    os.unlink(path)
                self.assertEqual(r.returncode, 2, 'libmaint accepts it: %s' % r.stdout.decode())


@unittest.skipUnless(os.environ.get('GI_TYPELIB_PATH'), 'needs the Maint typelib')
class PatternsMatchTheParsers(unittest.TestCase):
    """The schema's string patterns agree with libmaint's parsers."""

    @classmethod
    def setUpClass(cls):
        import gi
        gi.require_version('Maint', '1')
        from gi.repository import GLib, Maint
        cls.GLib, cls.Maint = GLib, Maint
        defs = FLEET_SCHEMA.schema['$defs']
        cls.validator = {k: jsonschema.Draft202012Validator(dict(defs[k], **{'$defs': defs}))
                         for k in ('window_spec', 'duration', 'instant')}

    def agree(self, kind, texts, parse):
        for text in texts:
            with self.subTest(kind=kind, text=text):
                try:
                    parse(text)
                    parsed = True
                except self.GLib.Error:
                    parsed = False
                self.assertEqual(self.validator[kind].is_valid(text), parsed)

    def test_window_specs(self):
        self.agree('window_spec', [
            'daily 22:00-05:00', 'Daily 22:00-05:00', 'mon-fri 22:00-24:00', 'sat,sun 10:00-14:00',
            'tue 04:30-06:30', 'fri-mon 23:00-01:00', 'MON  09:00-10:00', 'mon\t09:00-10:00',
            'mon,wed-fri 00:00-00:00', 'sun 23:59-24:00',
            ' daily 22:00-05:00', 'daily 22:00-05:00 ', 'weekdays 22:00-24:00', 'mon 9:00-10:00',
            'mon 24:00-01:00', 'mon 22:00-24:01', 'mon 22:60-23:00', 'daily 22:00-05:00\n',
            'mon,,tue 01:00-02:00', 'mon 01:00 - 02:00', 'mon', 'daily', 'monday 01:00-02:00',
        ], self.Maint.WindowSpec.parse)

    def test_known_gap_same_day_range(self):
        # documented in the schema: only the library refuses "mon-mon"
        self.assertTrue(self.validator['window_spec'].is_valid('mon-mon 01:00-02:00'))
        with self.assertRaises(self.GLib.Error):
            self.Maint.WindowSpec.parse('mon-mon 01:00-02:00')

    def test_durations(self):
        self.agree('duration', [
            'PT15M', 'P7D', 'PT1H30M', 'P2W', 'PT0S', 'P1DT12H', 'P3660D',
            'P', 'PT', 'P1M', 'P1Y', 'PT1.5H', '-PT1H', 'P1W2D', 'PT1M1H', 'P1DT', '15M', 'pt15m',
            'PT15M\n',
        ], self.Maint.duration_parse)

    def test_instants(self):
        self.agree('instant', [
            '2026-03-29T01:00:00Z', '2026-03-29T03:00:00+02:00', '2026-03-29t01:00:00z',
            '2026-03-29T01:00:00.123Z', '2026-03-29T01:00:00-05:00',
            '2026-03-29 01:00:00Z', '2026-03-29T01:00Z', '2026-03-29T01:00:00', '2026-3-29T01:00:00Z',
            '2026-03-29T01:00:00+0200', 'tomorrow', '2026-03-29T01:00:00Z\n',
        ], self.Maint.instant_parse)


if __name__ == '__main__':
    unittest.main(verbosity=2)
