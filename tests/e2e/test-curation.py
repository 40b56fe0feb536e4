#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of curating across sources, through AT-SPI, as a person works.

Opens two reports of the same island ferry (tests/fixtures/briefing/ferry-*),
finds the storm damage both tell as one event with 2 sources and the ferry's
purchase flagged as dated differently, merges two events with the event
list's Merge button, splits them with Split and brings the merge back with
Undo, ticks a quotation for the briefing note in the facts panel, moves the
second source up, saves with Save As…, quits, starts again on the saved file
and finds all of it, in the window and in the file.

Uses the helpers of desktop_atspi.py.  Run under xvfb-run and
dbus-run-session (see tests/meson.build); speaks TAP.
"""

import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import desktop_atspi as d  # noqa: E402
from desktop_atspi import Atspi, find, find_all, name_of, role_of, children, wait_for, safe  # noqa: E402

FIXTURES = os.path.join(d.SOURCE_ROOT, "tests", "fixtures", "briefing")
GAZETTE = os.path.join(FIXTURES, "ferry-gazette.html")
COURIER = os.path.join(FIXTURES, "ferry-courier.html")

# Ends of titles: their first words are the analysis's choice.
STORM = "the ferry pier"
PURCHASE = "Council buys the new ferry"
# The end of the title: how the name is shortened is the analysis's choice.
APPOINTED = "as harbour master"
FINISHED = "Repair crews finish the new pier"
QUOTE_CHECK = "Use Quote in Briefing: Marta Quell"

tap = d.Tap()


def supports(node, interface):
    return interface in (safe(lambda: node.get_interfaces(), []) or [])


def sensitive(node):
    return node is not None and d.has_state(node, Atspi.StateType.SENSITIVE)


def description_of(node):
    return safe(lambda: node.get_description(), "") or ""


def button(app, label):
    """The (sensitive, if any) button whose accessible name is @label."""
    nodes = find_all(app, lambda n: role_of(n) in ("push button", "toggle button", "check box", "page tab")
                     and (name_of(n) == label or name_of(n).endswith(" " + label)))
    live = [n for n in nodes if sensitive(n)]
    return (live or nodes or [None])[0]


_found = {}


def cached(key, finder):
    """Walking the whole tree over D-Bus is slow: widgets that stay are
    looked up once per application."""
    node = _found.get(key)
    if node is None or not safe(lambda: node.get_role_name()):
        node = finder()
        if node is not None:
            _found[key] = node
    return node


def event_list(app):
    def finder():
        table = find(app, lambda n: name_of(n) == "Event list")
        return find(table, lambda n: role_of(n) == "list" and supports(n, "Selection")) if table else None
    return cached((id(app), "events"), finder)


def sensitive_button(app, label, timeout=5):
    """The button @label, once it is sensitive: found once, then watched."""
    node = wait_for(lambda: cached((id(app), label), lambda: button(app, label)), timeout=timeout)
    return wait_for(lambda: node if sensitive(node) else None, timeout=timeout) if node else None


def rows(app):
    """The event list's rows, each with the texts of its cells."""
    listing = event_list(app)
    if listing is None:
        return []
    out = []
    for row in children(listing):
        labels = [n for n in find_all(row, lambda n: role_of(n) == "label")]
        out.append((row, labels))
    return out


def row_with(app, title):
    for row, labels in rows(app):
        if any(name_of(label).endswith(title) for label in labels):
            return row, labels
    return None


def row_texts(app, title):
    found = row_with(app, title)
    return [name_of(label) for label in found[1]] if found else None


def count_rows(app, title):
    return sum(1 for _, labels in rows(app) if any(name_of(l).endswith(title) for l in labels))


def select_rows(app, titles):
    """Selects the rows with @titles through AT-SPI Selection, as a screen
    reader does: the first one alone, the others added."""
    listing = event_list(app)
    all_rows = list(children(listing))
    indices = []
    for title in titles:
        found = row_with(app, title)
        if found is None:
            raise RuntimeError(f"no row {title!r}")
        indices.append(all_rows.index(found[0]))
    Atspi.Selection.clear_selection(listing)
    for index in indices:
        Atspi.Selection.select_child(listing, index)
    return wait_for(lambda: Atspi.Selection.get_n_selected_children(listing) == len(indices), timeout=3)


def main_frame(app):
    for frame in children(app):
        if find(frame, lambda n: name_of(n) == "Main Menu"):
            return frame
    return None


def press_menu_item(app, prefix):
    menu_button = find(main_frame(app), lambda n: name_of(n) == "Main Menu")
    target = menu_button if d.action_names(menu_button) else find(menu_button, d.action_names)
    d.press(target)
    item = wait_for(lambda: next((n for n in find_all(app, lambda n: role_of(n) in ("menu item", "push button")
                                                      and name_of(n).replace("_", "").startswith(prefix)
                                                      and d.is_showing(n)
                                                      and d.action_names(n))), None), timeout=5)
    if item is None:
        raise RuntimeError(f"no menu item {prefix!r}")
    d.press(item)


def text_of(node):
    if not supports(node, "Text"):
        return ""
    return Atspi.Text.get_text(node, 0, Atspi.Text.get_character_count(node))


def title_of(app):
    frame = main_frame(app)
    return name_of(frame) if frame is not None else ""


def sources_list(app):
    return cached((id(app), "sources"),
                  lambda: find(app, lambda n: name_of(n) == "Sources" and role_of(n) == "list"))


def sources(app):
    listing = sources_list(app)
    return [n for n in children(listing) if role_of(n) == "list item"] if listing else []


def open_facts(app):
    switch = wait_for(lambda: button(app, "People and Quotes"))
    d.press(switch)
    return wait_for(lambda: button(app, QUOTE_CHECK), timeout=5)


def is_checked(node):
    return d.has_state(node, Atspi.StateType.CHECKED) or d.has_state(node, Atspi.StateType.PRESSED)


def tick_quote(app):
    """Ticks the quotation as a user does: press, look, and press again if
    the tick did not take (the panel may still be filling in as it is first
    shown on a loaded machine).  Returns the ticked button, or None."""
    check = open_facts(app)
    for _ in range(3):
        check = wait_for(lambda: next((n for n in find_all(app, lambda n: name_of(n).endswith(QUOTE_CHECK))
                                       if d.is_showing(n) and sensitive(n)), None), timeout=5)
        if check is None:
            raise RuntimeError(f"no {QUOTE_CHECK!r} check button showing")
        if is_checked(check):
            return check
        d.press(check)
        if wait_for(lambda: button(app, QUOTE_CHECK) is not None and is_checked(button(app, QUOTE_CHECK)),
                    timeout=3):
            return button(app, QUOTE_CHECK)
    return None


def start(args, scratch_env):
    _found.clear()
    proc, scratch, log = d.start_app(args, scratch_env)
    app = wait_for(d.find_app)
    return proc, scratch, log, app


def fail_with(proc_log, error):
    return f"{type(error).__name__}: {error}\n{d.log_tail(proc_log)}"


def first_session(saved_path, env):
    proc, scratch, log, app = start([GAZETTE, COURIER], env)
    try:
        ready = app is not None and wait_for(lambda: row_with(app, STORM), timeout=20)
        texts = row_texts(app, STORM) if ready else None
        tap.check(texts is not None and "● 2 sources" in texts and count_rows(app, STORM) == 1,
                  "the storm both articles tell is one event with '2 sources'", f"row: {texts}")

        timeline = find(app, lambda n: name_of(n) == "Timeline" and role_of(n) == "list")
        item = timeline and find(timeline, lambda n: name_of(n).startswith("January 2024 — ") and name_of(n).endswith(STORM))
        tap.check(item is not None and "2 sources: Harbour Gazette, Valley Courier" in description_of(item),
                  "the timeline names both sources of the storm",
                  f"description: {description_of(item) if item else None!r}")

        conflict = find(app, lambda n: role_of(n) == "label" and name_of(n) == "⚠ " + PURCHASE)
        tap.check(conflict is not None and "Harbour Gazette says March 2022, Valley Courier says April 2022"
                  in description_of(conflict),
                  "the purchase dated differently is marked and explained",
                  f"label: {name_of(conflict) if conflict else None!r}, "
                  f"description: {description_of(conflict) if conflict else None!r}")

        # Merge two events with the Merge button.
        merged = False
        try:
            if not select_rows(app, [APPOINTED, FINISHED]):
                raise RuntimeError("the two rows are not both selected")
            merge = sensitive_button(app, "Merge Events")
            if merge is None:
                raise RuntimeError("no sensitive 'Merge Events' button")
            d.press(merge)
            merged = wait_for(lambda: count_rows(app, FINISHED) == 0
                              and "● 2 sources" in (row_texts(app, APPOINTED) or []), timeout=5)
            diagnostic = f"rows: {[[name_of(l) for l in labels] for _, labels in rows(app)]}"
        except Exception as error:
            diagnostic = fail_with(log, error)
        tap.check(merged, "Merge Events makes one event with 2 sources of the two selected", diagnostic)

        # Split it again, then take the split back with Undo.
        split = undone = False
        try:
            select_rows(app, [APPOINTED])
            button_split = sensitive_button(app, "Split Event")
            if button_split is None:
                raise RuntimeError("no sensitive 'Split Event' button")
            d.press(button_split)
            split = wait_for(lambda: count_rows(app, FINISHED) == 1 and count_rows(app, APPOINTED) == 1
                             and "● 2 sources" not in (row_texts(app, APPOINTED) or []), timeout=5)
            press_menu_item(app, "Undo Split Event")
            undone = wait_for(lambda: count_rows(app, FINISHED) == 0, timeout=5)
            diagnostic = f"split: {bool(split)}, undone: {bool(undone)}"
        except Exception as error:
            diagnostic = fail_with(log, error)
        tap.check(split and undone, "Split Event gives the two events back, and Undo merges them again",
                  diagnostic)

        # Tick a quotation for the note.
        ticked = False
        try:
            check = tick_quote(app)
            ticked = check is not None
            diagnostic = f"states: {safe(lambda: button(app, QUOTE_CHECK).get_state_set().get_states())}"
        except Exception as error:
            diagnostic = fail_with(log, error)
        tap.check(ticked, "a quotation is chosen for the briefing note in the facts panel", diagnostic)

        # Move the Courier up.
        moved = False
        try:
            Atspi.Selection.select_child(sources_list(app), 1)
            up = sensitive_button(app, "Move Source Up")
            if up is None:
                raise RuntimeError("no sensitive 'Move Source Up' button")
            d.press(up)
            moved = wait_for(lambda: name_of(sources(app)[0]).startswith("Source 1: Kellin Island crossing"),
                             timeout=5)
            diagnostic = f"sources: {[name_of(n) for n in sources(app)]}"
        except Exception as error:
            diagnostic = fail_with(log, error)
        tap.check(moved, "Move Source Up puts the second source first", diagnostic)

        # Save As… through the menu and the file chooser.
        saved = False
        try:
            press_menu_item(app, "Save As")

            def dialog():
                for frame in children(app):
                    save = find(frame, lambda n: role_of(n) == "push button"
                                and name_of(n).replace("_", "").split(" ")[-1] == "Save" and d.action_names(n))
                    if save is not None:
                        return frame, save
                return None

            found = wait_for(dialog)
            if found is None:
                raise RuntimeError("the save dialog did not appear")
            frame, save = found
            entry = wait_for(lambda: next((n for n in find_all(frame, lambda n: supports(n, "EditableText"))
                                           if text_of(n).endswith(".briefing")), None), timeout=5)
            if entry is None:
                raise RuntimeError("no name entry")
            Atspi.EditableText.delete_text(entry, 0, Atspi.Text.get_character_count(entry))
            Atspi.EditableText.insert_text(entry, 0, saved_path, len(saved_path.encode("utf-8")))
            wait_for(lambda: text_of(entry) == saved_path, timeout=3)
            d.press(save)
            saved = wait_for(lambda: os.path.exists(saved_path) and "•" not in title_of(app), timeout=10)
            diagnostic = f"title: {title_of(app)!r}"
        except Exception as error:
            diagnostic = fail_with(log, error)
        tap.check(saved, "Save As… writes the briefing", diagnostic)

        try:
            press_menu_item(app, "Quit")
            proc.wait(timeout=10)
        except Exception as error:
            tap.diag(f"quitting: {error}")
    finally:
        d.stop_app(proc)
        shutil.rmtree(scratch, ignore_errors=True)


def second_session(saved_path, env):
    proc, scratch, log, app = start([saved_path], env)
    try:
        ready = app is not None and wait_for(lambda: row_with(app, APPOINTED), timeout=20)
        texts = row_texts(app, APPOINTED) if ready else None
        tap.check(texts is not None and "● 2 sources" in texts and count_rows(app, FINISHED) == 0
                  and "● 2 sources" in (row_texts(app, STORM) or []),
                  "reopened: the merged event and the storm each have 2 sources",
                  f"rows: {[[name_of(l) for l in labels] for _, labels in rows(app)] if app else None}")

        names = [name_of(n) for n in sources(app)] if app else []
        tap.check(len(names) == 2 and names[0].startswith("Source 1: Kellin Island crossing"),
                  "reopened: the sources keep the order chosen", f"sources: {names}")

        chosen = False
        try:
            Atspi.Selection.select_child(sources_list(app), 1)
            check = open_facts(app)
            chosen = check is not None and wait_for(lambda: is_checked(check), timeout=5)
            diagnostic = f"check: {name_of(check) if check else None!r}"
        except Exception as error:
            diagnostic = fail_with(log, error)
        tap.check(chosen, "reopened: the quotation is still chosen", diagnostic)

        with open(saved_path, encoding="utf-8") as handle:
            document = json.load(handle)
        groups = [e for e in document.get("events", []) if "parts" in e]
        quotes = document.get("quotes", [])
        tap.check(len(groups) == 2 and {g.get("grouping") for g in groups} == {"suggested", "merged"}
                  and len(quotes) == 1 and quotes[0].get("speaker") == "Marta Quell"
                  and document["articles"][0].get("site") == "Valley Courier",
                  "the saved file holds the groups, the quotation and the order",
                  json.dumps({"groups": [(g.get("title"), g.get("grouping")) for g in groups],
                              "quotes": quotes}, ensure_ascii=False)[:1500])
        try:
            press_menu_item(app, "Quit")
            proc.wait(timeout=10)
        except Exception as error:
            tap.diag(f"quitting: {error}")
    finally:
        d.stop_app(proc)
        shutil.rmtree(scratch, ignore_errors=True)


def main():
    if not os.path.exists(d.APP):
        print(f"1..0 # SKIP {d.APP} not built")
        return 0
    env = {"BRIEF_AUTOSAVE_SECONDS": "1"}
    saved_dir = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"briefing-curation-{os.getpid()}")
    os.makedirs(saved_dir, exist_ok=True)
    saved_path = os.path.join(saved_dir, "ferry.briefing")
    try:
        first_session(saved_path, env)
        if os.path.exists(saved_path):
            second_session(saved_path, env)
        else:
            tap.check(False, "reopening: nothing was saved")
    finally:
        d.stop_bus()
        if not tap.failed:
            shutil.rmtree(saved_dir, ignore_errors=True)
        else:
            tap.diag(f"kept {saved_dir}")
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
