#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Stage `meson install` into a scratch DESTDIR and check it file by file.

Every file a distribution expects must be there (binaries, desktop file,
metainfo, icons, schema, MIME type, translations, help, man pages), nothing
else may be, the staged desktop file and metainfo must validate, and the
installed programs must run `--version`.

Usage: check-install.py --build-root DIR --meson MESON --prefix PREFIX
           --bindir REL --datadir REL --mandir REL --localedir REL
           --app-id ID --base-id ID --languages "de fr" --help-pages "a.page …"
Speaks TAP.
"""

import argparse
import os
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


def skip(description, reason):
    results.append(True)
    print(f"ok {len(results)} - {description} # SKIP {reason}", flush=True)


def expected_files(a):
    bindir, datadir, mandir, localedir = a.bindir, a.datadir, a.mandir, a.localedir
    files = [
        f"{bindir}/briefing",
        f"{bindir}/briefing-cli",
        f"{datadir}/applications/{a.app_id}.desktop",
        f"{datadir}/metainfo/{a.app_id}.metainfo.xml",
        f"{datadir}/icons/hicolor/scalable/apps/{a.app_id}.svg",
        f"{datadir}/icons/hicolor/symbolic/apps/{a.app_id}-symbolic.svg",
        f"{datadir}/glib-2.0/schemas/{a.base_id}.gschema.xml",
        f"{datadir}/mime/packages/{a.app_id}.xml",
        f"{mandir}/man1/briefing.1",
        f"{mandir}/man1/briefing-cli.1",
    ]
    files += [f"{localedir}/{lang}/LC_MESSAGES/briefing.mo" for lang in a.languages.split()]
    files += [f"{datadir}/help/C/briefing/{page}" for page in a.help_pages.split()]
    return sorted(files)


def main():
    parser = argparse.ArgumentParser()
    for option in ("build-root", "meson", "prefix", "bindir", "datadir", "mandir",
                   "localedir", "app-id", "base-id", "languages", "help-pages"):
        parser.add_argument("--" + option, required=True)
    a = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="briefing-install-") as destdir:
        env = dict(os.environ)
        env.pop("DESTDIR", None)
        result = subprocess.run(
            [a.meson, "install", "-C", a.build_root, "--destdir", destdir,
             "--no-rebuild", "--quiet"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, timeout=300)
        check(result.returncode == 0, "meson install --destdir succeeds", result.stdout)
        if result.returncode != 0:
            print(f"1..{len(results)}")
            return 1

        root = os.path.join(destdir, a.prefix.lstrip("/"))
        installed = set()
        for directory, _, names in os.walk(destdir):
            for name in names:
                path = os.path.join(directory, name)
                installed.add(os.path.relpath(path, root))

        expected = expected_files(a)
        for relative in expected:
            path = os.path.join(root, relative)
            ok = os.path.isfile(path) and os.path.getsize(path) > 0
            if ok and relative.startswith(a.bindir + "/"):
                ok = os.access(path, os.X_OK)
            check(ok, f"installs {relative}")
        unexpected = sorted(installed - set(expected))
        check(not unexpected, "installs nothing else",
              "unexpected: " + ", ".join(unexpected) +
              "\n(add them to tests/check-install.py if they belong)")

        for program in ("briefing", "briefing-cli"):
            path = os.path.join(root, a.bindir, program)
            if not os.path.exists(path):
                check(False, f"installed {program} runs --version", "not installed")
                continue
            run_env = dict(os.environ, GTK_A11Y="none")
            run_env.pop("DISPLAY", None)
            run_env.pop("WAYLAND_DISPLAY", None)
            try:
                result = subprocess.run([path, "--version"], stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True,
                                        env=run_env, timeout=30)
                output = result.stdout.strip()
                check(result.returncode == 0 and output.startswith(program + " "),
                      f"installed {program} runs --version ({output})", output)
            except (OSError, subprocess.TimeoutExpired) as error:
                check(False, f"installed {program} runs --version", error)

        desktop = os.path.join(root, a.datadir, "applications", a.app_id + ".desktop")
        validator = shutil.which("desktop-file-validate")
        if validator and os.path.exists(desktop):
            result = subprocess.run([validator, desktop], stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, text=True)
            check(result.returncode == 0 and not result.stdout.strip(),
                  "the installed desktop file validates", result.stdout)
        else:
            skip("the installed desktop file validates", "desktop-file-validate not found")

        metainfo = os.path.join(root, a.datadir, "metainfo", a.app_id + ".metainfo.xml")
        appstreamcli = shutil.which("appstreamcli")
        if appstreamcli and os.path.exists(metainfo):
            result = subprocess.run([appstreamcli, "validate", "--no-net", "--strict", metainfo],
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            check(result.returncode == 0, "the installed metainfo validates", result.stdout)
        else:
            skip("the installed metainfo validates", "appstreamcli not found")

        compiler = shutil.which("glib-compile-schemas")
        if compiler:
            schemas = os.path.join(root, a.datadir, "glib-2.0", "schemas")
            result = subprocess.run([compiler, "--strict", "--dry-run", schemas],
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            check(result.returncode == 0, "the installed schemas compile", result.stdout)
        else:
            skip("the installed schemas compile", "glib-compile-schemas not found")

    print(f"1..{len(results)}", flush=True)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
