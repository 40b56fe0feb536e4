#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints 'N passed, N failed' from one or more of meson's JSON test logs
(testlog.json, testlog-SETUP.json), counted together; skips count as neither.
The tests that failed are named first, a line each, so that the end of a
long CI log still tells which ones they were.

usage: summarize-testlog.py LOG [LOG…]

A log named on the command line but missing counts as one failure: the run
that should have written it did not get as far as its tests."""

import json
import os
import sys

passed = failed = 0
for path in sys.argv[1:]:
    if not os.path.exists(path):
        print(f"{path}: missing, counted as one failure", file=sys.stderr)
        failed += 1
        continue
    entries = []
    with open(path, encoding="utf-8", errors="replace") as log:
        for number, line in enumerate(log, 1):
            if not line.strip():
                continue
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError:
                # A log cut short (a killed run) still counts what it holds.
                print(f"{path}:{number}: not a JSON line, counted as one failure",
                      file=sys.stderr)
                entries.append({"name": f"{os.path.basename(path)}:{number}", "result": "ERROR"})
    results = [entry["result"] for entry in entries]
    for entry in entries:
        if entry["result"] not in ("OK", "EXPECTEDFAIL", "SKIP"):
            print(f"FAILED {entry['name']} ({entry['result']}, {os.path.basename(path)})")
    ok = sum(result in ("OK", "EXPECTEDFAIL") for result in results)
    skipped = results.count("SKIP")
    passed += ok
    failed += len(results) - ok - skipped
print(f"{passed} passed, {failed} failed")
