#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the translations in po/.

For each language in po/LINGUAS:
- po/LANG.po passes `msgfmt --check` (format strings, plural forms, header);
- merged with a template made afresh from the sources (po/update-translations.sh
  --pot), it is at least --minimum per cent translated; fuzzy entries count as
  untranslated, because gettext does not use them.

Speaks TAP; the completeness figures are printed as comments.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

results = []


def check(ok, description, diagnostic=None):
    results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {description}", flush=True)
    if diagnostic and not ok:
        for line in str(diagnostic).splitlines():
            print(f"# {line}", flush=True)


def run(args, **kwargs):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, timeout=120, **kwargs)


def statistics(text):
    """(translated, fuzzy, untranslated) from msgfmt --statistics output."""
    def count(pattern):
        match = re.search(r"(\d+) " + pattern, text)
        return int(match.group(1)) if match else 0
    return (count(r"translated message"), count(r"fuzzy translation"),
            count(r"untranslated message"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source-root", required=True)
    parser.add_argument("--minimum", type=float, default=95.0)
    args = parser.parse_args()

    tools = {name: shutil.which(name) for name in ("xgettext", "msgmerge", "msgfmt")}
    missing = [name for name, path in tools.items() if path is None]
    if missing:
        print(f"1..0 # SKIP {', '.join(missing)} not found")
        return 0

    po_dir = os.path.join(args.source_root, "po")
    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as handle:
        languages = [line.strip() for line in handle
                     if line.strip() and not line.lstrip().startswith("#")]
    check(len(languages) >= 2, "po/LINGUAS lists at least two translations", languages)

    with tempfile.TemporaryDirectory(prefix="briefing-po-") as scratch:
        pot = os.path.join(scratch, "briefing.pot")
        result = run(["sh", os.path.join(po_dir, "update-translations.sh"), "--pot", pot])
        made = result.returncode == 0 and os.path.exists(pot)
        check(made, "a fresh template is made from po/POTFILES.in", result.stderr)
        if not made:
            print(f"1..{len(results)}")
            return 1

        for lang in languages:
            po = os.path.join(po_dir, lang + ".po")
            if not os.path.exists(po):
                check(False, f"{lang}: po/{lang}.po exists")
                continue

            result = run([tools["msgfmt"], "--check", "--statistics", "-o", os.devnull, po])
            check(result.returncode == 0, f"{lang}: msgfmt --check accepts po/{lang}.po",
                  result.stderr)

            merged = os.path.join(scratch, lang + ".po")
            result = run([tools["msgmerge"], "--quiet", "--no-fuzzy-matching",
                          "-o", merged, po, pot])
            if result.returncode != 0:
                check(False, f"{lang}: merges with the fresh template", result.stderr)
                continue
            result = run([tools["msgfmt"], "--check", "--statistics", "-o", os.devnull, merged])
            translated, fuzzy, untranslated = statistics(result.stderr)
            total = translated + fuzzy + untranslated
            percent = 100.0 * translated / total if total else 0.0
            print(f"# {lang}: {translated} of {total} messages translated ({percent:.1f} %), "
                  f"{fuzzy} fuzzy, {untranslated} untranslated", flush=True)
            if untranslated or fuzzy:
                # Name what is missing, so a failure says what to translate.
                listing = run(["msgattrib", "--untranslated", "--no-wrap", merged]).stdout \
                    if shutil.which("msgattrib") else ""
                ids = re.findall(r'^msgid "(.+)"$', listing, re.MULTILINE)
                for msgid in ids[:40]:
                    print(f"#   untranslated: {msgid}", flush=True)
            check(total > 0 and percent >= args.minimum,
                  f"{lang}: {percent:.1f} % translated (at least {args.minimum:g} %)",
                  f"run po/update-translations.sh and translate the new strings")

    print(f"1..{len(results)}", flush=True)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
