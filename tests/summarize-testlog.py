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
    with open(path, encoding="utf-8") as log:
        entries = [json.loads(line) for line in log if line.strip()]
    results = [entry["result"] for entry in entries]
    for entry in entries:
        if entry["result"] not in ("OK", "EXPECTEDFAIL", "SKIP"):
            print(f"FAILED {entry['name']} ({entry['result']}, {os.path.basename(path)})")
    ok = sum(result in ("OK", "EXPECTEDFAIL") for result in results)
    skipped = results.count("SKIP")
    passed += ok
    failed += len(results) - ok - skipped
print(f"{passed} passed, {failed} failed")
