#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints 'N passed, N failed' from meson's JSON test log (skips count as neither)."""

import json
import sys

with open(sys.argv[1], encoding="utf-8") as log:
    results = [json.loads(line)["result"] for line in log if line.strip()]
passed = sum(result in ("OK", "EXPECTEDFAIL") for result in results)
skipped = results.count("SKIP")
print(f"{passed} passed, {len(results) - passed - skipped} failed")
