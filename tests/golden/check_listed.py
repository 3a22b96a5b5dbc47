#!/usr/bin/python3
"""check_listed.py MESON_BUILD CASES_DIR: every case folder is listed in
golden_cases of tests/golden/meson.build, and every listed case exists."""
import os
import re
import sys

build, cases = sys.argv[1], sys.argv[2]
text = open(build, encoding="utf-8").read()
block = re.search(r"golden_cases = \[(.*?)\]", text, re.S).group(1)
listed = set(re.findall(r"'([^']+)'", block))
present = {n for n in os.listdir(cases) if os.path.isdir(os.path.join(cases, n))}
for n in sorted(present - listed):
    print("case folder %s is not in golden_cases of meson.build" % n)
for n in sorted(listed - present):
    print("golden_cases names %s, which has no folder" % n)
sys.exit(1 if present != listed else 0)
