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
import sys

import desktop_atspi as ui  # the AT-SPI helpers every end-to-end test shares
from desktop_atspi import Atspi

name_of, find, wait_for, text_of, supports = ui.name_of, ui.find, ui.wait_for, ui.text_of, ui.supports
activate, button, press = ui.activate, ui.button, ui.press

HIDE_DATE = "March 2021"
EDIT_DATE = "12 June 2022"
NEW_TITLE = "Steel piles go into the riverbank"
NOTE = "Key point: the barrier should open this summer."
# An autosave a second after an edit, for check 7.
AUTOSAVE = {"BRIEF_AUTOSAVE_SECONDS": "1"}


def item_named(app, date):
    return ui.timeline_item(ui.timeline_of(app), date)


def shown_name(node):
    """An event's decision is read with its name: "March 2021 — Title (hidden)"."""
    return name_of(node) if node is not None else ""


def drafts_left(app):
    drafts = os.path.join(app.env["XDG_DATA_HOME"], "briefing", "drafts")
    if not os.path.isdir(drafts):
        return []
    return [f for f in os.listdir(drafts) if f.endswith(".briefing")]


def quit_and_wait(app):
    app.press_quitting(lambda: press(ui.open_menu_item(app.node, "Quit")))
    # LeakSanitizer's check at exit takes a while with full stacks.
    app.proc.wait(timeout=10 * ui.WAIT_SCALE)


def hide_undo_redo(tap, app):
    """2–4: Hide an event, the unsaved mark, Undo and Redo in the menu."""
    # 2. Hide an event with the event list's Hide button.
    hidden = False
    try:
        activate(item_named(app.node, HIDE_DATE))
        ui.press_sensitive(app.node, "Hide")
        hidden = wait_for(lambda: "(hidden)" in shown_name(item_named(app.node, HIDE_DATE)),
                          timeout=5) is not None
        diagnostics = f"description: {shown_name(item_named(app.node, HIDE_DATE))!r}"
    except Exception as e:
        diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
    tap.check(hidden, "Hide hides the selected event (the timeline names it '… (hidden)')", diagnostics)

    # 3. The window title marks the unsaved edit.
    marked = wait_for(lambda: "•" in app.title(), timeout=5)
    tap.check(marked, "the window title shows the unsaved mark", f"title: {app.title()!r}")

    # 4. Undo and redo through the primary menu, with the step's name.
    undo_redo = False
    try:
        item = ui.open_menu_item(app.node, "Undo Hide Event")
        if item is None:
            raise RuntimeError("no 'Undo Hide Event' menu item: " + ", ".join(
                name_of(n) for n in ui.find_all(app.node, lambda n: name_of(n).replace("_", "").startswith("Undo"))))
        press(item)
        unhidden = wait_for(lambda: "(hidden)" not in shown_name(item_named(app.node, HIDE_DATE)),
                            timeout=5)
        item = ui.open_menu_item(app.node, "Redo Hide Event")
        if item is None:
            raise RuntimeError("no 'Redo Hide Event' menu item after undo")
        press(item)
        rehidden = wait_for(lambda: "(hidden)" in shown_name(item_named(app.node, HIDE_DATE)),
                            timeout=5)
        undo_redo = bool(unhidden and rehidden)
        diagnostics = f"undone: {bool(unhidden)}, redone: {bool(rehidden)}"
    except Exception as e:
        diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
    tap.check(undo_redo, "'Undo Hide Event' and 'Redo Hide Event' in the menu take it back and again",
              diagnostics)


def edit_title(tap, app):
    """5. Edit another event's title in the event editor."""
    edited = False
    try:
        activate(item_named(app.node, EDIT_DATE))
        ui.press_sensitive(app.node, "Edit Event")
        entry = wait_for(lambda: find(app.node, lambda n: name_of(n).startswith("Event title")
                                      and supports(n, "EditableText")), timeout=5)
        if entry is None:
            raise RuntimeError("no 'Event title' entry")
        ui.replace_text(entry, NEW_TITLE)
        apply = wait_for(lambda: button(app.node, "Apply"), timeout=3)
        if apply is None:
            raise RuntimeError("no 'Apply' button")
        press(apply)
        edited = wait_for(lambda: name_of(item_named(app.node, EDIT_DATE)) == f"{EDIT_DATE} — {NEW_TITLE}",
                          timeout=5) is not None
        diagnostics = f"event: {name_of(item_named(app.node, EDIT_DATE))!r}"
    except Exception as e:
        diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
    tap.check(edited, "the event editor changes the event's title", diagnostics)


def notes_of(app):
    """Shows the Notes pane; returns its text."""
    notes_tab = wait_for(lambda: button(app.node, "Notes"), timeout=5)
    if notes_tab is None:
        raise RuntimeError("no 'Notes' switcher button")
    press(notes_tab)
    return wait_for(lambda: find(app.node, lambda n: name_of(n) == "Notes"
                                 and supports(n, "EditableText")), timeout=5)


def write_note(tap, app):
    """6. Type a note in the Notes pane."""
    noted = False
    try:
        notes = notes_of(app)
        if notes is None:
            raise RuntimeError("no 'Notes' text")
        Atspi.EditableText.insert_text(notes, 0, NOTE, len(NOTE.encode("utf-8")))
        noted = wait_for(lambda: NOTE in text_of(notes), timeout=3) is not None
        counted = wait_for(lambda: find(app.node, lambda n: ui.role_of(n) == "label"
                                        and name_of(n) == "8 words"), timeout=3)
        diagnostics = f"notes: {text_of(notes)!r}, word count label found: {counted is not None}"
        noted = noted and counted is not None
    except Exception as e:
        diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
    tap.check(noted, "a note typed in the Notes pane is counted (8 words)", diagnostics)


def save_as(tap, app, saved_path):
    """8. Save As… through the menu and the file chooser."""
    saved = False
    try:
        item = ui.open_menu_item(app.node, "Save As")
        if item is None:
            raise RuntimeError("no 'Save As…' menu item")
        press(item)
        ui.save_in_chooser(app.node, saved_path, ".briefing")
        saved = wait_for(lambda: os.path.exists(saved_path) and os.path.getsize(saved_path) > 0) is not None
        clean = wait_for(lambda: "•" not in app.title() and "saved-name" not in app.title()
                         and os.path.basename(saved_path) in app.title(), timeout=5)
        diagnostics = f"title after saving: {app.title()!r}"
        saved = saved and clean is not None
    except Exception as e:
        diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
    tap.check(saved, "Save As… writes the .briefing and the title shows its name without the mark",
              diagnostics)


def first_session(tap, tmp, saved_path):
    app = ui.App([ui.SAMPLE], tmp, AUTOSAVE, check_leaks=True)
    try:
        ok = app.node is not None and wait_for(lambda: item_named(app.node, HIDE_DATE)) is not None
        if not tap.check(ok, "the sample opens with a 'March 2021' event on the timeline", app.diagnostics):
            return
        hide_undo_redo(tap, app)
        edit_title(tap, app)
        write_note(tap, app)

        # 7. A draft is autosaved a moment after the edits.
        drafted = wait_for(lambda: drafts_left(app), timeout=8)
        tap.check(drafted, "a draft is autosaved under $XDG_DATA_HOME/briefing/drafts",
                  f"drafts dir {app.env['XDG_DATA_HOME']}/briefing/drafts")

        save_as(tap, app, saved_path)

        # 9. Quit: nothing to ask, and no draft left behind.
        try:
            quit_and_wait(app)
            quit_ok = app.proc.returncode == 0 and not drafts_left(app)
            diagnostics = f"exit status {app.proc.returncode}, drafts left: {drafts_left(app)}"
        except Exception as e:
            quit_ok = False
            diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
        tap.check(quit_ok, "Quit ends the application without asking and removes the draft", diagnostics)
    finally:
        app.stop()


def check_saved_file(tap, saved_path):
    """The file holds the same, as documented in docs/briefing-format.md."""
    with open(saved_path, encoding="utf-8") as f:
        document = json.load(f)
    states = {e.get("title"): e.get("state") for e in document.get("events", [])}
    tap.check(document.get("format") == "io.github.briefingdesk.Briefing" and NOTE in (document.get("notes") or "")
              and states.get(NEW_TITLE) is not None and "hidden" in states.values(),
              "the saved .briefing holds the note, the new title and a hidden event",
              json.dumps(states, indent=1)[:1500])


def second_session(tap, tmp, saved_path):
    app = ui.App([saved_path], tmp, AUTOSAVE, check_leaks=True)
    try:
        ok = app.node is not None and wait_for(lambda: item_named(app.node, HIDE_DATE)) is not None
        hidden = ok and wait_for(lambda: "(hidden)" in shown_name(item_named(app.node, HIDE_DATE)),
                                 timeout=5) is not None
        tap.check(hidden, "reopened, the 'March 2021' event is still hidden",
                  f"description: {shown_name(item_named(app.node, HIDE_DATE)) if ok else None!r}\n"
                  + ("" if ok else app.diagnostics()))

        titled = ok and wait_for(lambda: item_named(app.node, EDIT_DATE) is not None and
                                 name_of(item_named(app.node, EDIT_DATE)) == f"{EDIT_DATE} — {NEW_TITLE}",
                                 timeout=5) is not None
        tap.check(titled, "reopened, the edited title is there",
                  f"event: {name_of(item_named(app.node, EDIT_DATE)) if ok else None!r}")

        notes = None
        try:
            notes = notes_of(app)
        except Exception as e:
            ui.diag(f"{type(e).__name__}: {e}")
        found = notes is not None and wait_for(lambda: NOTE in text_of(notes), timeout=5) is not None
        tap.check(found, "reopened, the note is in the Notes pane",
                  f"notes: {text_of(notes) if notes is not None else None!r}")

        check_saved_file(tap, saved_path)
        try:
            quit_and_wait(app)
        except Exception as e:
            ui.diag(f"quitting: {type(e).__name__}: {e}")
    finally:
        # In the sanitizer run a leak at exit is an unclean exit.
        app.stop_checked(tap)


def run(tap, tmp):
    saved_dir = os.path.join(tmp, "saved")
    os.makedirs(saved_dir)
    saved_path = os.path.join(saved_dir, "riverside.briefing")
    first_session(tap, tmp, saved_path)
    while tap.count < 9:
        tap.check(False, "skipped after an earlier failure")
    if os.path.exists(saved_path):
        second_session(tap, tmp, saved_path)
    while tap.count < tap.planned:
        tap.check(False, "not run: nothing was saved")


def main():
    if ui.skip_missing([(ui.APP, "the application"), (ui.SAMPLE, "the sample")]):
        return 0
    tap = ui.Tap(planned=13)
    with ui.e2e_run(tap, "briefing-session-e2e-") as tmp:
        run(tap, tmp)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
