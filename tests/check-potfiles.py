#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every source file with strings marked for translation is in po/POTFILES.in,
and every file listed there exists: otherwise translators never see them."""

import os
import re
import sys

SOURCE = sys.argv[1]
MARKED = re.compile(r'\b(?:N?_|C_|NC_|g_dngettext|ngettext)\s*\(\s*"|translatable="yes"')
SUFFIXES = (".c", ".ui", ".in", ".xml")

listed = set()
with open(os.path.join(SOURCE, "po", "POTFILES.in"), encoding="utf-8") as potfiles:
    for line in potfiles:
        line = line.strip()
        if line and not line.startswith("#"):
            listed.add(line)

marked = set()
for folder in ("src", "data"):
    for root, _dirs, files in os.walk(os.path.join(SOURCE, folder)):
        for name in files:
            if not name.endswith(SUFFIXES) or name.endswith(".gresource.xml"):
                continue
            path = os.path.join(root, name)
            with open(path, encoding="utf-8", errors="replace") as f:
                if MARKED.search(f.read()):
                    marked.add(os.path.relpath(path, SOURCE))

checks = []
for path in sorted(marked):
    checks.append((path in listed, f"{path} is in po/POTFILES.in"))
for path in sorted(listed):
    checks.append((os.path.exists(os.path.join(SOURCE, path)), f"{path} listed in po/POTFILES.in exists"))

print(f"1..{len(checks)}")
for number, (ok, name) in enumerate(checks, 1):
    print(f"{'ok' if ok else 'not ok'} {number} - {name}")
sys.exit(0 if all(ok for ok, _ in checks) else 1)
