#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifests against what the meson build installs.

No Flatpak runtime can be downloaded offline, so the manifests cannot be
built here.  This checks what can be checked without one:

- flatpak-builder accepts each manifest with no unknown keys or wrong
  types (G_DEBUG=fatal-warnings turns its warnings into failures);
- the manifest's app id is the one meson uses for the profile the manifest
  builds (base id, or base id + ".Devel" with -Dprofile=development);
- "command" is the program the desktop file runs and the executable the
  build installs;
- the desktop file's Icon is the app id and the icons exist in data/icons;
- the sandbox permissions are exactly the expected finish-args.

Output is TAP.  Usage, as meson runs it:

  check-flatpak-manifest.py --base-id ID --app-id ID --executable NAME
      --source-root DIR [--desktop-file FILE] MANIFEST...
"""

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

EXPECTED_FINISH_ARGS = [
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
]
DEVEL_SUFFIX = ".Devel"
DEVEL_OPTION = "-Dprofile=development"


class Tap:
    """Collects results, then prints them as a TAP stream."""

    def __init__(self):
        self.lines = []
        self.failed = False

    def check(self, ok, description, diagnostic=None):
        self.lines.append(("ok" if ok else "not ok", description, None, diagnostic))
        if not ok:
            self.failed = True

    def skip(self, description, reason):
        self.lines.append(("ok", description, reason, None))

    def emit(self):
        print(f"1..{len(self.lines)}")
        for number, (status, description, skip, diagnostic) in enumerate(self.lines, 1):
            line = f"{status} {number} - {description}"
            if skip is not None:
                line += f" # SKIP {skip}"
            print(line)
            if diagnostic and status == "not ok":
                for text in str(diagnostic).splitlines():
                    print(f"# {text}")
        sys.stdout.flush()


def read_desktop_entry(path):
    """Return the keys of the [Desktop Entry] group (untranslated only)."""
    entry = {}
    group = None
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                group = line[1:-1]
                continue
            if group != "Desktop Entry" or "=" not in line:
                continue
            key, value = line.split("=", 1)
            key = key.strip()
            if "[" in key:
                continue
            entry[key] = value.strip()
    return entry


def exec_program(exec_value):
    """The program an Exec= line runs: its first word, without field codes."""
    try:
        words = shlex.split(exec_value)
    except ValueError:
        words = exec_value.split()
    words = [w for w in words if not re.fullmatch(r"%[fFuUdDnNickvm]", w)]
    return os.path.basename(words[0]) if words else ""


def show_manifest(flatpak_builder, manifest):
    """Run flatpak-builder --show-manifest in a scratch directory.

    It creates a .flatpak-builder state directory in its working directory,
    so it must not run in the source tree.  Returns (ok, parsed or None,
    message).
    """
    env = dict(os.environ)
    env["G_DEBUG"] = "fatal-warnings"
    with tempfile.TemporaryDirectory(prefix="briefing-flatpak-") as scratch:
        try:
            result = subprocess.run(
                [flatpak_builder, "--show-manifest", os.path.abspath(manifest)],
                cwd=scratch,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                timeout=30,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            return False, None, str(error)
    if result.returncode != 0:
        return False, None, f"exit status {result.returncode}\n{result.stderr.strip()}"
    try:
        return True, json.loads(result.stdout), result.stderr.strip()
    except ValueError as error:
        return False, None, f"output is not JSON: {error}"


def manifest_app_id(manifest):
    return manifest.get("app-id", manifest.get("id"))


def find_module(manifest, name):
    for module in manifest.get("modules", []):
        if isinstance(module, dict) and module.get("name") == name:
            return module
    return None


def check_manifest(tap, path, args, flatpak_builder, desktop_template):
    label = os.path.basename(path)

    try:
        with open(path, encoding="utf-8") as handle:
            manifest = json.load(handle)
        tap.check(True, f"{label}: is valid JSON")
    except (OSError, ValueError) as error:
        tap.check(False, f"{label}: is valid JSON", error)
        return

    if flatpak_builder is None:
        tap.skip(f"{label}: flatpak-builder --show-manifest", "flatpak-builder not found")
    else:
        ok, shown, message = show_manifest(flatpak_builder, path)
        tap.check(ok, f"{label}: flatpak-builder --show-manifest accepts it", message)
        if ok:
            tap.check(
                manifest_app_id(shown) == manifest_app_id(manifest),
                f"{label}: flatpak-builder reads the same app id",
                f"{manifest_app_id(shown)!r} != {manifest_app_id(manifest)!r}",
            )

    app = find_module(manifest, "briefing")
    tap.check(
        app is not None
        and app.get("buildsystem") == "meson"
        and any(
            s.get("type") == "dir" and s.get("path") == ".."
            for s in app.get("sources", [])
            if isinstance(s, dict)
        ),
        f"{label}: builds the briefing module with meson from the source tree",
    )
    modules = [m.get("name") for m in manifest.get("modules", []) if isinstance(m, dict)]
    tap.check(
        "libcmark" in modules
        and "briefing" in modules
        and modules.index("libcmark") < modules.index("briefing"),
        f"{label}: builds libcmark before briefing",
        f"modules: {modules}",
    )

    development = app is not None and DEVEL_OPTION in app.get("config-opts", [])
    expected_id = args.base_id + (DEVEL_SUFFIX if development else "")
    app_id = manifest_app_id(manifest)
    tap.check(
        app_id == expected_id,
        f"{label}: app id is {expected_id}",
        f"found {app_id!r}",
    )

    command = manifest.get("command")
    tap.check(
        command == args.executable,
        f"{label}: command is the installed executable {args.executable}",
        f"found {command!r}",
    )
    program = exec_program(desktop_template.get("Exec", ""))
    tap.check(
        command == program,
        f"{label}: command is the desktop file's Exec program",
        f"command {command!r}, Exec runs {program!r}",
    )

    icon = desktop_template.get("Icon", "").replace("@app_id@", expected_id)
    tap.check(
        icon == app_id,
        f"{label}: the desktop file's Icon is the app id",
        f"Icon={icon!r}",
    )

    finish_args = manifest.get("finish-args")
    tap.check(
        finish_args == EXPECTED_FINISH_ARGS,
        f"{label}: finish-args are exactly {' '.join(EXPECTED_FINISH_ARGS)}",
        f"found {finish_args!r}",
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-id", required=True)
    parser.add_argument("--app-id", required=True,
                        help="the app id of this build (base id or base id + .Devel)")
    parser.add_argument("--executable", required=True)
    parser.add_argument("--source-root", required=True)
    parser.add_argument("--desktop-file",
                        help="the desktop file this build generated")
    parser.add_argument("manifests", nargs="+")
    args = parser.parse_args()

    tap = Tap()
    root = args.source_root

    # The template in data/ decides Exec and Icon for every profile.
    template_path = os.path.join(root, "data", args.base_id + ".desktop.in")
    try:
        desktop_template = read_desktop_entry(template_path)
        tap.check(True, "desktop file template is readable")
    except OSError as error:
        desktop_template = {}
        tap.check(False, "desktop file template is readable", error)

    icon_dir = os.path.join(root, "data", "icons", "hicolor")
    for relative in (os.path.join("scalable", "apps", args.base_id + ".svg"),
                     os.path.join("symbolic", "apps", args.base_id + "-symbolic.svg")):
        tap.check(os.path.isfile(os.path.join(icon_dir, relative)),
                  f"icon data/icons/hicolor/{relative} exists")

    tap.check(args.app_id in (args.base_id, args.base_id + DEVEL_SUFFIX),
              f"this build's app id {args.app_id} is the base id or its {DEVEL_SUFFIX} variant")

    if args.desktop_file:
        try:
            built = read_desktop_entry(args.desktop_file)
            tap.check(os.path.basename(args.desktop_file) == args.app_id + ".desktop",
                      "the built desktop file is named after the app id",
                      os.path.basename(args.desktop_file))
            tap.check(built.get("Icon") == args.app_id,
                      "the built desktop file's Icon is this build's app id",
                      f"Icon={built.get('Icon')!r}")
            tap.check(exec_program(built.get("Exec", "")) == args.executable,
                      f"the built desktop file runs {args.executable}",
                      f"Exec={built.get('Exec')!r}")
        except OSError as error:
            tap.check(False, "the built desktop file is readable", error)

    meson_src = os.path.join(root, "src", "meson.build")
    try:
        with open(meson_src, encoding="utf-8") as handle:
            text = handle.read()
        installs = re.search(r"executable\(\s*'" + re.escape(args.executable) + r"'", text)
        tap.check(installs is not None,
                  f"src/meson.build builds the executable {args.executable}")
    except OSError as error:
        tap.check(False, f"src/meson.build builds the executable {args.executable}", error)

    flatpak_builder = shutil.which("flatpak-builder")
    seen_ids = []
    for path in args.manifests:
        check_manifest(tap, path, args, flatpak_builder, desktop_template)
        try:
            with open(path, encoding="utf-8") as handle:
                seen_ids.append(manifest_app_id(json.load(handle)))
        except (OSError, ValueError):
            pass

    tap.check(args.app_id in seen_ids,
              f"a manifest builds this build's app id {args.app_id}",
              f"manifests build {seen_ids}")

    tap.emit()
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
