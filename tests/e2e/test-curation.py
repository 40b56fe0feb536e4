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
import sys

import desktop_atspi as ui  # the AT-SPI helpers every end-to-end test shares
from desktop_atspi import Atspi, find, find_all, name_of, role_of, children, wait_for, safe

FIXTURES = os.path.join(ui.SOURCE_ROOT, "tests", "fixtures", "briefing")
GAZETTE = os.path.join(FIXTURES, "ferry-gazette.html")
COURIER = os.path.join(FIXTURES, "ferry-courier.html")

# Ends of titles: their first words are the analysis's choice.
STORM = "the ferry pier"
PURCHASE = "Council buys the new ferry"
# The end of the title: how the name is shortened is the analysis's choice.
APPOINTED = "as harbour master"
FINISHED = "Repair crews finish the new pier"
QUOTE_CHECK = "Use Quote in Briefing: Marta Quell"

sensitive, description_of, is_checked, text_of = ui.sensitive, ui.description_of, ui.is_checked, ui.text_of


def button(app, label):
    """The (sensitive, if any) button whose accessible name is @label."""
    return ui.button(app, label, roles=("push button", "toggle button", "check box", "page tab"),
                     match=ui.ends_with_label, need_action=False)


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
        return find(table, lambda n: role_of(n) == "list" and ui.supports(n, "Selection")) if table else None
    return cached((id(app), "events"), finder)


def press_sensitive(app, label, timeout=5):
    """Presses the button @label once it is sensitive: found once, then watched."""
    node = wait_for(lambda: cached((id(app), label), lambda: button(app, label)), timeout=timeout)
    if node is None or wait_for(lambda: sensitive(node), timeout=timeout) is None:
        raise RuntimeError(f"no sensitive {label!r} button")
    ui.press(node)


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


def press_menu_item(app, prefix):
    item = ui.open_menu_item(app, prefix)
    if item is None:
        raise RuntimeError(f"no menu item {prefix!r}")
    ui.press(item)


def sources_list(app):
    return cached((id(app), "sources"),
                  lambda: find(app, lambda n: name_of(n) == "Sources" and role_of(n) == "list"))


def sources(app):
    listing = sources_list(app)
    return [n for n in children(listing) if role_of(n) == "list item"] if listing else []


def open_facts(app):
    switch = wait_for(lambda: button(app, "People and Quotes"))
    ui.press(switch)
    return wait_for(lambda: button(app, QUOTE_CHECK), timeout=5)


def tick_quote(app):
    """Ticks the quotation as a user does: press, look, and press again if
    the tick did not take (the panel may still be filling in as it is first
    shown on a loaded machine).  Returns the ticked button, or None."""
    check = open_facts(app)
    for _ in range(3):
        check = wait_for(lambda: next((n for n in find_all(app, lambda n: name_of(n).endswith(QUOTE_CHECK))
                                       if ui.is_showing(n) and sensitive(n)), None), timeout=5)
        if check is None:
            raise RuntimeError(f"no {QUOTE_CHECK!r} check button showing")
        if is_checked(check):
            return check
        ui.press(check)
        if wait_for(lambda: button(app, QUOTE_CHECK) is not None and is_checked(button(app, QUOTE_CHECK)),
                    timeout=3):
            return button(app, QUOTE_CHECK)
    return None


def start(args, home):
    """Starts the application; returns it and its node on the bus."""
    _found.clear()
    run = ui.App(args, home, {"BRIEF_AUTOSAVE_SECONDS": "1"})
    return run, run.node


def quit_through_menu(tap, run, app):
    """Quit in the primary menu, nothing being unsaved: the run ends."""
    try:
        run.press_quitting(lambda: press_menu_item(app, "Quit"))
        run.proc.wait(timeout=10 * ui.WAIT_SCALE)
    except Exception as error:
        tap.diag(f"quitting: {error}")


def fail_with(run, error):
    return f"{type(error).__name__}: {error}\n{run.log_tail(30)}"


def first_session(tap, home, saved_path):
    run, app = start([GAZETTE, COURIER], home)
    try:
        ready = app is not None and wait_for(lambda: row_with(app, STORM), timeout=20)
        texts = row_texts(app, STORM) if ready else None
        tap.check(texts is not None and "● 2 sources" in texts and count_rows(app, STORM) == 1,
                  "the storm both articles tell is one event with '2 sources'", f"row: {texts}")

        timeline = ui.timeline_of(app)
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
            press_sensitive(app, "Merge Events")
            merged = wait_for(lambda: count_rows(app, FINISHED) == 0
                              and "● 2 sources" in (row_texts(app, APPOINTED) or []), timeout=5)
            diagnostic = f"rows: {[[name_of(l) for l in labels] for _, labels in rows(app)]}"
        except Exception as error:
            diagnostic = fail_with(run, error)
        tap.check(merged, "Merge Events makes one event with 2 sources of the two selected", diagnostic)

        # Split it again, then take the split back with Undo.
        split = undone = False
        try:
            select_rows(app, [APPOINTED])
            press_sensitive(app, "Split Event")
            split = wait_for(lambda: count_rows(app, FINISHED) == 1 and count_rows(app, APPOINTED) == 1
                             and "● 2 sources" not in (row_texts(app, APPOINTED) or []), timeout=5)
            press_menu_item(app, "Undo Split Event")
            undone = wait_for(lambda: count_rows(app, FINISHED) == 0, timeout=5)
            diagnostic = f"split: {bool(split)}, undone: {bool(undone)}"
        except Exception as error:
            diagnostic = fail_with(run, error)
        tap.check(split and undone, "Split Event gives the two events back, and Undo merges them again",
                  diagnostic)

        # Tick a quotation for the note.
        ticked = False
        try:
            check = tick_quote(app)
            ticked = check is not None
            diagnostic = f"states: {safe(lambda: button(app, QUOTE_CHECK).get_state_set().get_states())}"
        except Exception as error:
            diagnostic = fail_with(run, error)
        tap.check(ticked, "a quotation is chosen for the briefing note in the facts panel", diagnostic)

        # Move the Courier up.
        moved = False
        try:
            Atspi.Selection.select_child(sources_list(app), 1)
            press_sensitive(app, "Move Source Up")
            moved = wait_for(lambda: name_of(sources(app)[0]).startswith("Source 1: Kellin Island crossing"),
                             timeout=5)
            diagnostic = f"sources: {[name_of(n) for n in sources(app)]}"
        except Exception as error:
            diagnostic = fail_with(run, error)
        tap.check(moved, "Move Source Up puts the second source first", diagnostic)

        # Save As… through the menu and the file chooser.
        saved = False
        try:
            press_menu_item(app, "Save As")
            ui.save_in_chooser(app, saved_path, ".briefing")
            saved = wait_for(lambda: os.path.exists(saved_path) and "•" not in run.title(), timeout=10)
            diagnostic = f"title: {run.title()!r}"
        except Exception as error:
            diagnostic = fail_with(run, error)
        tap.check(saved, "Save As… writes the briefing", diagnostic)

        quit_through_menu(tap, run, app)
    finally:
        # Ending with an error (a crash at exit, or a sanitizer's report)
        # fails the run.
        run.stop_checked(tap)


def second_session(tap, home, saved_path):
    run, app = start([saved_path], home)
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
            diagnostic = fail_with(run, error)
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
        quit_through_menu(tap, run, app)
    finally:
        # Ending with an error (a crash at exit, or a sanitizer's report)
        # fails the run.
        run.stop_checked(tap)


def main():
    if ui.skip_missing([(ui.APP, "the application")]):
        return 0
    tap = ui.Tap()
    with ui.e2e_run(tap, "briefing-curation-") as tmp:
        saved_path = os.path.join(tmp, "ferry.briefing")
        first_session(tap, os.path.join(tmp, "first"), saved_path)
        if os.path.exists(saved_path):
            second_session(tap, os.path.join(tmp, "second"), saved_path)
        else:
            tap.check(False, "reopening: nothing was saved")
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
