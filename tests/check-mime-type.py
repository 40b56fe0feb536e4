#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the shared-mime-info description of the .briefing file type.

- the XML is well-formed (xmllint --noout, when xmllint is installed);
- update-mime-database accepts it in a scratch directory and writes a
  *.briefing glob and a magic rule for application/x-briefing+json;
- a saved briefing is recognised by its content alone (GIO, when the Python
  bindings are there), and a plain JSON file is not;
- the desktop file lists the type in MimeType.

Usage: check-mime-type.py MIME.xml DESKTOP-FILE SAMPLE.briefing.  Speaks TAP.
"""

import os
import shutil
import subprocess
import sys
import tempfile

MIME_TYPE = "application/x-briefing+json"

results = []


def check(ok, description, diagnostic=None):
    results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {description}", flush=True)
    if not ok and diagnostic:
        for line in str(diagnostic).splitlines():
            print(f"# {line}", flush=True)


def skip(description, reason):
    results.append(True)
    print(f"ok {len(results)} - {description} # SKIP {reason}", flush=True)


def run(args, **kwargs):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=60, **kwargs)


def guess(data_dir, path):
    """The content type GIO gives PATH's bytes (no file name) with DATA_DIR first."""
    code = (
        "import sys, gi\n"
        "gi.require_version('Gio', '2.0')\n"
        "from gi.repository import Gio\n"
        "data = open(sys.argv[1], 'rb').read()\n"
        "print(Gio.content_type_guess(None, data)[0])\n"
    )
    env = dict(os.environ)
    env["XDG_DATA_DIRS"] = data_dir + os.pathsep + env.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share")
    env["XDG_DATA_HOME"] = os.path.join(data_dir, "no-home")
    result = run(["/usr/bin/python3", "-c", code, path], env=env)
    return result.returncode, result.stdout.strip()


def main():
    mime_xml, desktop_file, sample = sys.argv[1:4]

    xmllint = shutil.which("xmllint")
    if xmllint:
        result = run([xmllint, "--noout", mime_xml])
        check(result.returncode == 0, "the MIME description is well-formed XML", result.stdout)
    else:
        skip("the MIME description is well-formed XML", "xmllint not found")

    update = shutil.which("update-mime-database")
    with tempfile.TemporaryDirectory(prefix="briefing-mime-") as scratch:
        mime_dir = os.path.join(scratch, "mime")
        os.makedirs(os.path.join(mime_dir, "packages"))
        shutil.copy(mime_xml, os.path.join(mime_dir, "packages", "briefing.xml"))
        if update is None:
            skip("update-mime-database accepts it", "update-mime-database not found")
        else:
            env = dict(os.environ, PKGSYSTEM_ENABLE_FSYNC="0")
            result = run([update, "-V", mime_dir], env=env)
            # It reports problems on stderr but still exits 0 for some of them.
            problems = [l for l in result.stdout.splitlines()
                        if "warning" in l.lower() or "error" in l.lower() or "unknown" in l.lower()]
            check(result.returncode == 0 and not problems,
                  "update-mime-database accepts it without warnings", result.stdout)

            def read(name):
                try:
                    with open(os.path.join(mime_dir, name), "rb") as handle:
                        return handle.read().decode("utf-8", "replace")
                except OSError:
                    return ""

            globs = read("globs2")
            check(f"{MIME_TYPE}:*.briefing" in globs, "*.briefing files are " + MIME_TYPE, globs)
            magic = read("magic")
            check(MIME_TYPE in magic and "io.github.briefingdesk.Briefing" in magic,
                  "a magic rule matches the format string", magic)
            subclasses = read("subclasses")
            check(f"{MIME_TYPE} application/json" in subclasses,
                  "the type is a kind of application/json", subclasses)

            code, sniffed = guess(scratch, sample)
            if code != 0:
                skip("a saved briefing is recognised by its content", "GIO bindings unavailable")
            else:
                check(sniffed == MIME_TYPE,
                      "a saved briefing is recognised by its content", f"guessed {sniffed}")
                plain = os.path.join(scratch, "plain.json")
                with open(plain, "w", encoding="utf-8") as handle:
                    handle.write('{\n "format": "something else",\n "version": 1\n}\n')
                code, sniffed = guess(scratch, plain)
                check(code == 0 and sniffed != MIME_TYPE,
                      "other JSON is not taken for a briefing", f"guessed {sniffed}")

    mime_types = []
    with open(desktop_file, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("MimeType="):
                mime_types = [t for t in line.strip().split("=", 1)[1].split(";") if t]
    check(MIME_TYPE in mime_types, "the desktop file opens " + MIME_TYPE, f"MimeType={mime_types}")

    print(f"1..{len(results)}", flush=True)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
