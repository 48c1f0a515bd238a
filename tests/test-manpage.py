#!/usr/bin/python3
# test-manpage.py: doc/maintctl.1 renders cleanly and covers every command
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# argv[1] is the man page; MAINTCTL names the binary. Rendering needs
# groff (Debian's groff-base, which man-db depends on).

import os
import re
import shutil
import subprocess
import sys
import unittest

PAGE = sys.argv.pop(1) if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), '..', 'doc', 'maintctl.1')
MAINTCTL = os.environ['MAINTCTL']


def commands():
    """The commands `maintctl --help` lists."""
    out = subprocess.run([MAINTCTL, '--help'], capture_output=True, text=True, check=True).stdout
    section = out.split('Commands:', 1)[1]
    return re.findall(r'^\s{2}([a-z]+)\s{2,}', section, re.M)


class ManPage(unittest.TestCase):
    @unittest.skipUnless(shutil.which('groff'), 'groff is not installed')
    def test_renders_without_warnings(self):
        env = dict(os.environ, LC_ALL='C.UTF-8')
        r = subprocess.run(['groff', '-man', '-Tutf8', '-ww', '-z', PAGE],
                           capture_output=True, text=True, env=env)
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stderr, '')

    def test_every_command_is_documented(self):
        with open(PAGE) as f:
            page = f.read()
        cmds = commands()
        self.assertIn('plan', cmds)
        for cmd in cmds:
            with self.subTest(command=cmd):
                self.assertRegex(page, r'\.SS "%s\b' % cmd)
                self.assertRegex(page, r'\.SY maintctl\n\.B %s\n' % cmd)

    def test_every_option_is_documented(self):
        with open(PAGE) as f:
            page = f.read().replace('\\-', '-')
        for cmd in commands():
            out = subprocess.run([MAINTCTL, cmd, '--help'], capture_output=True, text=True).stdout
            for option in re.findall(r'^\s+(?:-\w, )?(--[a-z-]+)', out, re.M):
                if option == '--help':
                    continue
                with self.subTest(command=cmd, option=option):
                    self.assertIn(option, page)

    def test_usage_names_each_argument_once(self):
        # GLib prints the G_OPTION_REMAINING description before the
        # context's parameter string: naming the arguments in both printed
        # them twice ("plan [OPTION…] FLEET.json FLEET.json — …")
        for cmd in commands():
            out = subprocess.run([MAINTCTL, cmd, '--help'], capture_output=True, text=True).stdout
            usage = re.search(r'^\s+%s \[OPTION…\](.*)$' % cmd, out, re.M)
            with self.subTest(command=cmd):
                self.assertIsNotNone(usage, out)
                args = usage.group(1).split(' — ')[0].split()
                self.assertEqual(len(args), len(set(args)), usage.group(0))


if __name__ == '__main__':
    unittest.main(verbosity=2)
