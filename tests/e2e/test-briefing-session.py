#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of a briefing session through AT-SPI, as a person works.

Opens the sample article, hides an event, undoes and redoes that through the
primary menu's Undo/Redo items, edits another event's title in the event
editor, types a note, saves the briefing through Save As… and the file
chooser, quits (no question: everything is saved, no draft is left), starts
the application again on the saved .briefing and finds the hidden event, the
new title and the note.

Run under xvfb-run and dbus-run-session (see tests/meson.build); speaks TAP.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import desktop_atspi as common  # noqa: E402  the AT-SPI helpers every end-to-end test shares

Atspi = common.Atspi
safe, name_of, role_of, children = common.safe, common.name_of, common.role_of, common.children
find, find_all, wait_for, text_of, dump = (common.find, common.find_all, common.wait_for,
                                           common.text_of, common.dump)
labelled, has_action, press, supports = common.labelled, common.has_action, common.press, common.supports

APP = common.APP
SAMPLE = common.SAMPLE
BUILD_ROOT = common.BUILD_ROOT

HIDE_DATE = "March 2021"
EDIT_DATE = "12 June 2022"
NEW_TITLE = "Steel piles go into the riverbank"
NOTE = "Key point: the barrier should open this summer."

PLANNED = 13
results = []


def tap(ok, description, diagnostics=None):
    results.append(bool(ok))
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {description}", flush=True)
    if not ok and diagnostics:
        for line in str(diagnostics).splitlines():
            print(f"# {line}", flush=True)
    return ok


def timeline_items(app):
    timeline = find(app, lambda n: name_of(n) == "Timeline" and role_of(n) == "list")
    if timeline is None:
        return []
    return [n for n in children(timeline) if role_of(n) == "list item"]


def item_named(app, date):
    for item in timeline_items(app):
        if name_of(item).startswith(date + " — "):
            return item
    return None


def description_of(node):
    """An event's decision is read with its name: "March 2021 — Title (hidden)"."""
    return name_of(node) if node is not None else ""


def activate(node):
    """Timeline events: their own activate action selects them."""
    names = [Atspi.Action.get_action_name(node, i) for i in range(Atspi.Action.get_n_actions(node))]
    for wanted in ("activate", "event.activate", "click"):
        if wanted in names:
            return Atspi.Action.do_action(node, names.index(wanted))
    raise RuntimeError(f"{name_of(node)!r} has no activate action: {names}")


def button(app, label):
    nodes = find_all(app, lambda n: role_of(n) in ("push button", "toggle button", "page tab")
                     and labelled(n, label) and has_action(n))
    sensitive = [n for n in nodes if n.get_state_set().contains(Atspi.StateType.SENSITIVE)]
    return (sensitive or nodes or [None])[0]


def menu_items(app, prefix):
    return [n for n in find_all(app, lambda n: role_of(n) in ("menu item", "push button")
                                and name_of(n).replace("_", "").startswith(prefix) and has_action(n))]


def open_menu_and_find(app, prefix):
    """Opens the primary menu and returns the showing item starting with @prefix."""
    frame = common.main_frame(app)
    menu_button = find(frame, lambda n: name_of(n) == "Main Menu")
    target = menu_button if has_action(menu_button) else find(menu_button, has_action)
    press(target)

    def item():
        items = menu_items(app, prefix)
        showing = [n for n in items if safe(lambda: common.is_showing(n), False)]
        return (showing or [None])[0]

    return wait_for(item, timeout=5)


def close_menu(app):
    frame = common.main_frame(app)
    # Escape on a popover: press the menu button again closes it.
    menu_button = find(frame, lambda n: name_of(n) == "Main Menu")
    target = menu_button if has_action(menu_button) else find(menu_button, has_action)
    press(target)


def main_title(app):
    frame = common.main_frame(app)
    return name_of(frame) if frame is not None else ""


class App:
    def __init__(self, args, tmp):
        env = dict(os.environ)
        env.pop("GTK_A11Y", None)
        for var, sub in (("HOME", "home"), ("XDG_CONFIG_HOME", "config"),
                         ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                         ("XDG_STATE_HOME", "state"), ("XDG_RUNTIME_DIR", "runtime")):
            os.makedirs(os.path.join(tmp, sub), mode=0o700, exist_ok=True)
            env[var] = os.path.join(tmp, sub)
        env["GSETTINGS_BACKEND"] = "memory"
        env["BRIEF_AUTOSAVE_SECONDS"] = "1"
        env.setdefault("GSETTINGS_SCHEMA_DIR", os.path.join(BUILD_ROOT, "data"))
        self.drafts = os.path.join(tmp, "data", "briefing", "drafts")
        self.log_path = os.path.join(tmp, f"briefing-{len(os.listdir(tmp))}.log")
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen([APP] + args, env=env, stdout=self.log,
                                     stderr=subprocess.STDOUT, cwd=tmp)
        self.node = wait_for(common.find_app)

    def diagnostics(self):
        lines = dump(self.node) if self.node is not None else ["no application on the bus"]
        self.log.flush()
        with open(self.log_path, "rb") as f:
            lines += f.read().decode("utf-8", "replace").splitlines()[-40:]
        return "\n".join(lines)

    def drafts_left(self):
        if not os.path.isdir(self.drafts):
            return []
        return [f for f in os.listdir(self.drafts) if f.endswith(".briefing")]

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def first_session(tmp, saved_path):
    app = App([SAMPLE], tmp)
    try:
        ok = app.node is not None and wait_for(lambda: item_named(app.node, HIDE_DATE)) is not None
        if not tap(ok, "the sample opens with a 'March 2021' event on the timeline", app.diagnostics()):
            return

        # 2. Hide an event with the event list's Hide button.
        hidden = False
        try:
            activate(item_named(app.node, HIDE_DATE))
            hide = wait_for(lambda: (lambda b: b if b is not None and b.get_state_set().contains(
                Atspi.StateType.SENSITIVE) else None)(button(app.node, "Hide")), timeout=5)
            if hide is None:
                raise RuntimeError("no sensitive 'Hide' button")
            press(hide)
            hidden = wait_for(lambda: "(hidden)" in description_of(item_named(app.node, HIDE_DATE)),
                              timeout=5) is not None
            diagnostics = f"description: {description_of(item_named(app.node, HIDE_DATE))!r}"
        except Exception as e:
            diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
        tap(hidden, "Hide hides the selected event (the timeline names it '… (hidden)')", diagnostics)

        # 3. The window title marks the unsaved edit.
        marked = wait_for(lambda: "•" in main_title(app.node), timeout=5)
        tap(marked, "the window title shows the unsaved mark", f"title: {main_title(app.node)!r}")

        # 4. Undo and redo through the primary menu, with the step's name.
        undo_redo = False
        try:
            item = open_menu_and_find(app.node, "Undo Hide Event")
            if item is None:
                raise RuntimeError("no 'Undo Hide Event' menu item: "
                                   + ", ".join(name_of(n) for n in menu_items(app.node, "Undo")))
            press(item)
            unhidden = wait_for(lambda: "(hidden)" not in description_of(item_named(app.node, HIDE_DATE)),
                                timeout=5)
            item = open_menu_and_find(app.node, "Redo Hide Event")
            if item is None:
                raise RuntimeError("no 'Redo Hide Event' menu item after undo")
            press(item)
            rehidden = wait_for(lambda: "(hidden)" in description_of(item_named(app.node, HIDE_DATE)),
                                timeout=5)
            undo_redo = bool(unhidden and rehidden)
            diagnostics = f"undone: {bool(unhidden)}, redone: {bool(rehidden)}"
        except Exception as e:
            diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
        tap(undo_redo, "'Undo Hide Event' and 'Redo Hide Event' in the menu take it back and again",
            diagnostics)

        # 5. Edit another event's title in the event editor.
        edited = False
        try:
            activate(item_named(app.node, EDIT_DATE))
            edit = wait_for(lambda: (lambda b: b if b is not None and b.get_state_set().contains(
                Atspi.StateType.SENSITIVE) else None)(button(app.node, "Edit Event")), timeout=5)
            if edit is None:
                raise RuntimeError("no sensitive 'Edit Event' button")
            press(edit)
            entry = wait_for(lambda: find(app.node, lambda n: name_of(n).startswith("Event title")
                                          and supports(n, "EditableText")), timeout=5)
            if entry is None:
                raise RuntimeError("no 'Event title' entry")
            count = Atspi.Text.get_character_count(entry)
            Atspi.EditableText.delete_text(entry, 0, count)
            Atspi.EditableText.insert_text(entry, 0, NEW_TITLE, len(NEW_TITLE.encode("utf-8")))
            apply = wait_for(lambda: button(app.node, "Apply"), timeout=3)
            if apply is None:
                raise RuntimeError("no 'Apply' button")
            press(apply)
            edited = wait_for(lambda: name_of(item_named(app.node, EDIT_DATE)) == f"{EDIT_DATE} — {NEW_TITLE}",
                              timeout=5) is not None
            diagnostics = f"event: {name_of(item_named(app.node, EDIT_DATE))!r}"
        except Exception as e:
            diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
        tap(edited, "the event editor changes the event's title", diagnostics)

        # 6. Type a note in the Notes pane.
        noted = False
        try:
            notes_tab = wait_for(lambda: button(app.node, "Notes"), timeout=5)
            if notes_tab is None:
                raise RuntimeError("no 'Notes' switcher button")
            press(notes_tab)
            notes = wait_for(lambda: find(app.node, lambda n: name_of(n) == "Notes"
                                          and supports(n, "EditableText")), timeout=5)
            if notes is None:
                raise RuntimeError("no 'Notes' text")
            Atspi.EditableText.insert_text(notes, 0, NOTE, len(NOTE.encode("utf-8")))
            noted = wait_for(lambda: NOTE in text_of(notes), timeout=3) is not None
            counted = wait_for(lambda: find(app.node, lambda n: role_of(n) == "label"
                                            and name_of(n) == "8 words"), timeout=3)
            diagnostics = f"notes: {text_of(notes)!r}, word count label found: {counted is not None}"
            noted = noted and counted is not None
        except Exception as e:
            diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
        tap(noted, "a note typed in the Notes pane is counted (8 words)", diagnostics)

        # 7. A draft is autosaved a moment after the edits.
        drafted = wait_for(lambda: app.drafts_left(), timeout=8)
        tap(drafted, "a draft is autosaved under $XDG_DATA_HOME/briefing/drafts", f"drafts dir {app.drafts}")

        # 8. Save As… through the menu and the file chooser.
        saved = False
        try:
            item = open_menu_and_find(app.node, "Save As")
            if item is None:
                raise RuntimeError("no 'Save As…' menu item")
            press(item)

            def save_dialog():
                for frame in common.app_frames(app.node):
                    save = find(frame, lambda n: role_of(n) == "push button"
                                and labelled(n, "Save") and has_action(n))
                    if save is not None:
                        return frame, save
                return None

            found = wait_for(save_dialog)
            if found is None:
                raise RuntimeError("the save dialog did not appear")
            dialog, save_button = found
            entry = wait_for(lambda: next((n for n in find_all(dialog, lambda n: supports(n, "EditableText"))
                                           if text_of(n).endswith(".briefing")), None), timeout=5)
            if entry is None:
                raise RuntimeError("no name entry holding a suggested '.briefing' name")
            common.diag(f"suggested name: {text_of(entry)!r}")
            count = Atspi.Text.get_character_count(entry)
            Atspi.EditableText.delete_text(entry, 0, count)
            Atspi.EditableText.insert_text(entry, 0, saved_path, len(saved_path.encode("utf-8")))
            if not wait_for(lambda: text_of(entry) == saved_path, timeout=3):
                raise RuntimeError(f"the name entry holds {text_of(entry)!r}")
            press(save_button)
            saved = wait_for(lambda: os.path.exists(saved_path) and os.path.getsize(saved_path) > 0) is not None
            clean = wait_for(lambda: "•" not in main_title(app.node) and "saved-name" not in main_title(app.node)
                             and os.path.basename(saved_path) in main_title(app.node), timeout=5)
            diagnostics = f"title after saving: {main_title(app.node)!r}"
            saved = saved and clean is not None
        except Exception as e:
            diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
        tap(saved, "Save As… writes the .briefing and the title shows its name without the mark",
            diagnostics)

        # 9. Quit: nothing to ask, and no draft left behind.
        try:
            item = open_menu_and_find(app.node, "Quit")
            press(item)
            app.proc.wait(timeout=10)
            quit_ok = app.proc.returncode == 0 and not app.drafts_left()
            diagnostics = f"exit status {app.proc.returncode}, drafts left: {app.drafts_left()}"
        except Exception as e:
            quit_ok = False
            diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
        tap(quit_ok, "Quit ends the application without asking and removes the draft", diagnostics)
    finally:
        app.close()


def second_session(tmp, saved_path):
    app = App([saved_path], tmp)
    try:
        ok = app.node is not None and wait_for(lambda: item_named(app.node, HIDE_DATE)) is not None
        hidden = ok and wait_for(lambda: "(hidden)" in description_of(item_named(app.node, HIDE_DATE)),
                                 timeout=5) is not None
        tap(hidden, "reopened, the 'March 2021' event is still hidden",
            f"description: {description_of(item_named(app.node, HIDE_DATE)) if ok else None!r}\n"
            + ("" if ok else app.diagnostics()))

        titled = ok and wait_for(lambda: item_named(app.node, EDIT_DATE) is not None and
                                 name_of(item_named(app.node, EDIT_DATE)) == f"{EDIT_DATE} — {NEW_TITLE}",
                                 timeout=5) is not None
        tap(titled, "reopened, the edited title is there",
            f"event: {name_of(item_named(app.node, EDIT_DATE)) if ok else None!r}")

        notes = None
        try:
            press(wait_for(lambda: button(app.node, "Notes"), timeout=5))
            notes = wait_for(lambda: find(app.node, lambda n: name_of(n) == "Notes"
                                          and supports(n, "EditableText")), timeout=5)
        except Exception as e:
            common.diag(f"{type(e).__name__}: {e}")
        found = notes is not None and wait_for(lambda: NOTE in text_of(notes), timeout=5) is not None
        tap(found, "reopened, the note is in the Notes pane",
            f"notes: {text_of(notes) if notes is not None else None!r}")

        # The file holds the same, as documented in docs/briefing-format.md.
        with open(saved_path, encoding="utf-8") as f:
            document = json.load(f)
        states = {e.get("title"): e.get("state") for e in document.get("events", [])}
        tap(document.get("format") == "io.github.briefingdesk.Briefing" and NOTE in (document.get("notes") or "")
            and states.get(NEW_TITLE) is not None and "hidden" in states.values(),
            "the saved .briefing holds the note, the new title and a hidden event",
            json.dumps(states, indent=1)[:1500])
        try:
            press(open_menu_and_find(app.node, "Quit"))
            app.proc.wait(timeout=10)
        except Exception as e:
            common.diag(f"quitting: {type(e).__name__}: {e}")
    finally:
        app.close()


def main():
    if not os.path.exists(APP):
        print(f"1..0 # SKIP {APP} not built")
        return 0
    if not os.path.exists(SAMPLE):
        print(f"1..0 # SKIP sample {SAMPLE} missing")
        return 0
    a11y_bus = common.start_accessibility_bus()
    Atspi.get_desktop(0).get_child_count()
    print(f"1..{PLANNED}", flush=True)

    tmp = tempfile.mkdtemp(prefix="briefing-session-e2e-")
    saved_dir = os.path.join(tmp, "saved")
    os.makedirs(saved_dir)
    saved_path = os.path.join(saved_dir, "riverside.briefing")
    try:
        first_session(tmp, saved_path)
        if len(results) < 9:
            for _ in range(9 - len(results)):
                tap(False, "skipped after an earlier failure")
        if os.path.exists(saved_path):
            second_session(tmp, saved_path)
        while len(results) < PLANNED:
            tap(False, "not run: nothing was saved")
    finally:
        if a11y_bus is not None and a11y_bus.poll() is None:
            a11y_bus.terminate()
            try:
                a11y_bus.wait(timeout=5)
            except subprocess.TimeoutExpired:
                a11y_bus.kill()
        if all(results) and len(results) == PLANNED:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            common.diag(f"kept {tmp} for inspection")

    return 0 if all(results) and len(results) == PLANNED else 1


if __name__ == "__main__":
    sys.exit(main())
