#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the Briefing window through AT-SPI, as a person uses it.

Opens the sample article from the command line, reads the article view and
the timeline through the accessibility tree, exports the briefing through the
primary menu, the Export dialog (Markdown) and the save dialog, checks the
Markdown written, and quits
through the menu.  Run under xvfb-run and dbus-run-session (see
tests/meson.build); speaks TAP.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import gi

    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi
except (ImportError, ValueError) as e:
    print(f"1..0 # SKIP AT-SPI bindings missing: {e}")
    sys.exit(0)

BUILD_ROOT = os.environ.get("BRIEF_BUILD_ROOT", "")
SOURCE_ROOT = os.environ.get("BRIEF_SOURCE_ROOT", "")
APP = os.path.join(BUILD_ROOT, "src", "briefing")
SAMPLE = os.path.join(SOURCE_ROOT, "data", "samples", "riverside-flood-barrier.txt")

HEADLINE = "Riverside flood barrier nears completion"
KNOWN_SENTENCE = "In March 2021 the council approved the plans"
DATE_LABEL = "March 2021"

_results = []
_planned = 8


def tap(ok, description, diagnostics=None):
    number = len(_results) + 1
    _results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {number} - {description}", flush=True)
    if not ok and diagnostics:
        for line in str(diagnostics).splitlines():
            print(f"# {line}", flush=True)
    return ok


def diag(message):
    for line in str(message).splitlines():
        print(f"# {line}", flush=True)


# The AT-SPI helpers every end-to-end test shares.
from desktop_atspi import (  # noqa: E402
    app_frames, children, dump, find, find_all, find_app, has_action,
    labelled, main_frame, name_of, press, press_menu_item, quit_app, role_of,
    start_accessibility_bus, supports, text_of, wait_for)


def main():
    if not os.path.exists(APP):
        print(f"1..0 # SKIP {APP} not built")
        return 0
    if not os.path.exists(SAMPLE):
        print(f"1..0 # SKIP sample {SAMPLE} missing")
        return 0

    a11y_bus = start_accessibility_bus()
    # The registry prints a line when it starts: let that go to stderr too.
    Atspi.get_desktop(0).get_child_count()

    print(f"1..{_planned}", flush=True)

    tmp = tempfile.mkdtemp(prefix="briefing-e2e-")
    env = dict(os.environ)
    env.pop("GTK_A11Y", None)  # none/test would hide the app from AT-SPI
    for var, sub in (("HOME", "home"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                     ("XDG_STATE_HOME", "state"), ("XDG_RUNTIME_DIR", "runtime")):
        path = os.path.join(tmp, sub)
        os.makedirs(path, mode=0o700, exist_ok=True)
        env[var] = path
    env["GSETTINGS_BACKEND"] = "memory"
    env.setdefault("GSETTINGS_SCHEMA_DIR", os.path.join(BUILD_ROOT, "data"))
    export_dir = os.path.join(tmp, "export")
    os.makedirs(export_dir)
    export_path = os.path.join(export_dir, "riverside-briefing.md")

    log_path = os.path.join(tmp, "briefing.log")
    log = open(log_path, "wb")
    proc = subprocess.Popen([APP, SAMPLE], env=env, stdout=log, stderr=subprocess.STDOUT,
                            cwd=tmp)
    app = None

    def failure_diagnostics():
        lines = []
        if app is not None:
            lines += dump(app)
        else:
            desktop = Atspi.get_desktop(0)
            lines.append("applications on the desktop: "
                         + ", ".join(repr(name_of(a)) for a in children(desktop)))
        log.flush()
        with open(log_path, "rb") as f:
            output = f.read().decode("utf-8", "replace")
        if output.strip():
            lines.append("--- application output ---")
            lines += output.splitlines()[-60:]
        if proc.poll() is not None:
            lines.append(f"application exited with {proc.returncode}")
        return "\n".join(lines)

    try:
        # 1. The application appears on the accessibility bus.
        app = wait_for(find_app)
        if not tap(app is not None and wait_for(lambda: main_frame(app)) is not None,
                   "the application window appears on the AT-SPI desktop",
                   failure_diagnostics()):
            return 1

        # 2. The article view shows the article opened from the command line.
        article = wait_for(lambda: find(app, lambda n: name_of(n) == "Article"
                                        and supports(n, "Text")))
        text = wait_for(lambda: (lambda t: t if KNOWN_SENTENCE in t else None)(text_of(article))) \
            if article is not None else None
        tap(text is not None,
            "the text view named 'Article' shows the article text",
            (f"text seen: {text_of(article)[:400]!r}\n" if article is not None else "")
            + failure_diagnostics())

        # 3. The timeline lists the dated events.
        timeline = wait_for(lambda: find(app, lambda n: name_of(n) == "Timeline"
                                         and role_of(n) in ("list", "list box", "table", "tree")))

        def dated_row():
            return find(timeline, lambda n: n is not timeline and DATE_LABEL in name_of(n))

        row = wait_for(dated_row) if timeline is not None else None
        tap(row is not None,
            f"the 'Timeline' list has a row named with the date '{DATE_LABEL}'",
            failure_diagnostics())
        if row is not None:
            diag(f"row: {name_of(row)!r}")

        # 4. Activating the row shows its sentence, selected, in the article.
        selected = ""
        try:
            if row is None or article is None:
                raise RuntimeError("no row or no article view")
            press(row)

            def selection():
                if Atspi.Text.get_n_selections(article) < 1:
                    return None
                span = Atspi.Text.get_selection(article, 0)
                return text_of(article)[span.start_offset:span.end_offset] or None

            selected = wait_for(selection, timeout=5) or ""
            diagnostics = f"selected: {selected!r}"
        except Exception as e:
            diagnostics = f"{type(e).__name__}: {e}"
        tap(KNOWN_SENTENCE in selected,
            "activating the row selects the event's sentence in the article", diagnostics)

        # 5. Export through the primary menu, the Export dialog, then the save dialog.
        exported = False
        export_dialog = None
        try:
            press_menu_item(app, "Export…")

            def export_dialog_frame():
                for frame in app_frames(app):
                    if name_of(frame) == "Export Briefing":
                        return frame
                return None

            export_dialog = wait_for(export_dialog_frame)
            if export_dialog is None:
                raise RuntimeError("the Export dialog did not appear")
            formats = wait_for(lambda: find(export_dialog, lambda n: role_of(n) == "list"
                                            and name_of(n) == "Format"))
            if formats is None:
                raise RuntimeError("no list named 'Format' in the Export dialog")
            rows = list(children(formats))
            index = next((i for i, r in enumerate(rows) if name_of(r) == "Markdown"), None)
            if index is None:
                raise RuntimeError(f"no 'Markdown' among {[name_of(r) for r in rows]}")
            Atspi.Selection.select_child(formats, index)
            export_button = find(export_dialog, lambda n: role_of(n) == "push button"
                                 and labelled(n, "Export") and has_action(n))
            if export_button is None:
                raise RuntimeError("no 'Export' button in the Export dialog")
            press(export_button)

            def save_dialog():
                for frame in app_frames(app):
                    save = find(frame, lambda n: role_of(n) == "push button"
                                and labelled(n, "Save") and has_action(n))
                    if save is not None:
                        return frame, save
                return None

            found = wait_for(save_dialog)
            if found is None:
                raise RuntimeError("the save dialog did not appear")
            dialog, save_button = found

            def name_entry():
                for node in find_all(dialog, lambda n: supports(n, "EditableText")):
                    if text_of(node).endswith(".md"):
                        return node
                return None

            entry = wait_for(name_entry, timeout=5)
            if entry is None:
                raise RuntimeError("no name entry holding the suggested '.md' name")
            diag(f"suggested name: {text_of(entry)!r}")

            # Type the absolute path, as a person would after clearing the field.
            count = Atspi.Text.get_character_count(entry)
            Atspi.EditableText.delete_text(entry, 0, count)
            Atspi.EditableText.insert_text(entry, 0, export_path, len(export_path.encode("utf-8")))
            if not wait_for(lambda: text_of(entry) == export_path, timeout=3):
                raise RuntimeError(f"the name entry holds {text_of(entry)!r}")
            press(save_button)

            exported = wait_for(lambda: os.path.exists(export_path)
                                and os.path.getsize(export_path) > 0) is not None
            diagnostics = "" if exported else "no file at " + export_path
        except Exception as e:  # report, dump, go on to quit
            diagnostics = f"{type(e).__name__}: {e}"
        tap(exported, "Export…, Markdown and Export write the file chosen in the save dialog",
            diagnostics + "\n" + failure_diagnostics())

        # 6. The Markdown holds the briefing's title, a dated event with its sentence, the source.
        markdown = ""
        if exported:
            time.sleep(0.2)
            with open(export_path, encoding="utf-8") as f:
                markdown = f.read()
        problems = []
        if not markdown.startswith("# ") or HEADLINE not in markdown.splitlines()[0]:
            problems.append("no '# <headline>' title line")
        event_lines = [line for line in markdown.splitlines() if DATE_LABEL in line
                       and line.lstrip().startswith("- ")]
        if not event_lines:
            problems.append(f"no event line dated {DATE_LABEL}")
        if KNOWN_SENTENCE not in markdown:
            problems.append("the event's sentence is missing")
        if "riverside-flood-barrier.txt" not in markdown and "Sources" not in markdown:
            problems.append("no source")
        tap(exported and not problems, "the exported Markdown has title, dated event, sentence and source",
            "; ".join(problems) + "\n--- markdown ---\n" + markdown[:2000])

        # 7. The export is confirmed in the window.
        confirmed = wait_for(lambda: find(app, lambda n: name_of(n).startswith("Exported to")
                                          or "Exported to" in (text_of(n) if role_of(n) == "label"
                                                               else "")), timeout=5)
        tap(confirmed is not None, "the window confirms the export", failure_diagnostics())
        if export_dialog is not None:
            close = find(export_dialog, lambda n: role_of(n) == "push button"
                         and labelled(n, "Close") and has_action(n))
            if close is not None:
                press(close)

        # 8. Quit through the menu; the window asks before losing the unsaved
        # briefing: discard it.
        try:
            press_menu_item(app, "Quit")
            status = quit_app(proc, app, activate=False)
            quit_ok = status == 0
            diagnostics = f"exit status {status}\n" + failure_diagnostics()
        except Exception as e:
            quit_ok = False
            diagnostics = f"{type(e).__name__}: {e}\n" + failure_diagnostics()
        tap(quit_ok, "Quit in the primary menu ends the application cleanly", diagnostics)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()
        if a11y_bus is not None and a11y_bus.poll() is None:
            a11y_bus.terminate()
            try:
                a11y_bus.wait(timeout=5)
            except subprocess.TimeoutExpired:
                a11y_bus.kill()
        if all(_results) and len(_results) == _planned:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            diag(f"kept {tmp} for inspection")

    return 0 if all(_results) and len(_results) == _planned else 1


if __name__ == "__main__":
    sys.exit(main())
