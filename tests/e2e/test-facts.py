#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the facts panel and the article's highlights, through AT-SPI.

On the sample article and on the reference article
(../shared/samples/kim-putin-summit.txt, skipped when absent): the "People and
Quotes" page beside the events lists people with their roles and mention
counts and quotations with their speakers; selecting a person selects a
mention of them in the article; selecting a quotation selects it in the
article; unticking "People" in the article's Highlights menu turns the
article.show-people action off.

BRIEF_FACTS_SCREENSHOTS=DIR saves screenshots of the window there.

Run under xvfb-run and dbus-run-session (see tests/meson.build); speaks TAP.
"""

import os
import sys

import desktop_atspi as ui  # the AT-SPI helpers every end-to-end test shares
from desktop_atspi import Atspi

name_of, role_of, children, find, wait_for, text_of = (ui.name_of, ui.role_of, ui.children, ui.find,
                                                       ui.wait_for, ui.text_of)
selection_text, article_of, has_state = ui.selection_text, ui.article_of, ui.has_state

SHARED = os.environ.get("BRIEF_SHARED_DIR", os.path.join(ui.SOURCE_ROOT, "..", "shared"))
KIM = os.path.join(SHARED, "samples", "kim-putin-summit.txt")
SCREENSHOTS = os.environ.get("BRIEF_FACTS_SCREENSHOTS")
TOGGLE = ("click", "activate", "toggle")


def screenshot(name):
    ui.screenshot(SCREENSHOTS, name)


def rows_of(node):
    return [n for n in children(node) if role_of(n) == "list item"]


def facts_list(app, name):
    return find(app, lambda n: name_of(n) == name and role_of(n) in ("list", "list box"))


def open_facts_page(app):
    """Clicks the "People and Quotes" switcher button; returns the two lists."""
    switch = wait_for(lambda: find(app, lambda n: name_of(n) == "People and Quotes"
                                   and ui.action_names(n)))
    ui.press(switch, TOGGLE)
    entities = wait_for(lambda: (lambda l: l if l is not None and rows_of(l) else None)(
        facts_list(app, "People and Organisations")))
    quotes = facts_list(app, "Quotes")
    return entities, quotes


def select_row(listbox, row):
    """Selects @row the way a screen reader does, through AT-SPI Selection."""
    rows = rows_of(listbox)
    all_children = list(children(listbox))
    for index in (rows.index(row), all_children.index(row)):
        if ui.safe(lambda: Atspi.Selection.select_child(listbox, index), False):
            if wait_for(lambda: has_state(row, Atspi.StateType.SELECTED), timeout=2):
                return True
    return False


def row_named(listbox, predicate):
    for row in rows_of(listbox):
        if predicate(name_of(row)):
            return row
    return None


def check_article(tap, app, tmp_name, people, quote_checks):
    """people: [(name, role or None)]; quote_checks: [(words, speaker)]"""
    entities, quotes = open_facts_page(app.node)
    names = [name_of(r) for r in rows_of(entities)] if entities else []
    ui.diag("entities: " + " | ".join(names))
    missing = []
    for person, role in people:
        row = row_named(entities, lambda n: n.startswith(person + " — " if role else person)
                        and (role is None or role in n) and "mention" in n) if entities else None
        if row is None:
            missing.append((person, role))
    tap.check(entities is not None and not missing,
              f"{tmp_name}: the panel lists {', '.join(p for p, _ in people)} with roles and mentions",
              lambda: f"missing {missing}\n" + app.diagnostics())

    quote_names = [name_of(r) for r in rows_of(quotes)] if quotes else []
    ui.diag("quotes: " + " | ".join(q[:90] for q in quote_names))
    missing = [(w, s) for w, s in quote_checks
               if not any(w in q and ("— " + s) in q for q in quote_names)]
    tap.check(quotes is not None and not missing,
              f"{tmp_name}: the Quotes list gives the quotations with their speakers",
              f"missing {missing}")

    # Selecting a person selects their first mention in the article.
    article = article_of(app.node)
    person = people[0][0]
    selected = None
    try:
        row = row_named(entities, lambda n: n.startswith(person))
        select_row(entities, row)
        selected = ui.wait_for_selection(article, person.split()[-1])
    except Exception as e:
        ui.diag(f"{type(e).__name__}: {e}")
    tap.check(selected is not None,
              f"{tmp_name}: selecting {person} selects a mention in the article",
              f"selection: {selection_text(article) if article else None!r}")
    screenshot(tmp_name + "-person")

    # Selecting a quotation selects it in the article.
    words, _ = quote_checks[0]
    selected = None
    try:
        row = row_named(quotes, lambda n: words in n)
        select_row(quotes, row)
        selected = ui.wait_for_selection(article, words)
    except Exception as e:
        ui.diag(f"{type(e).__name__}: {e}")
    tap.check(selected is not None,
              f"{tmp_name}: selecting a quotation selects it in the article",
              f"selection: {selection_text(article) if article else None!r}")
    screenshot(tmp_name + "-quote")


def name_attributes(app, name="Tomasz Wierzbicki"):
    """The text attributes GTK reports in the middle of @name in the article."""
    article = article_of(app.node)
    offset = text_of(article).index(name) + 2
    result = ui.safe(lambda: Atspi.Text.get_attribute_run(article, offset, False))
    attributes = result[0] if isinstance(result, tuple) else result
    return dict(attributes or {})


def toggle_people(tap, app):
    """Unticks People in the Highlights menu: the action's state follows."""
    ok = False
    diagnostics = ""
    try:
        button = wait_for(lambda: find(app.node, lambda n: name_of(n) == "Highlights"
                                       and ui.action_names(n)))
        styled_before = name_attributes(app)
        ui.press(button, TOGGLE)
        check = wait_for(lambda: find(app.node, lambda n: name_of(n) == "People"
                                      and role_of(n) in ("toggle button", "push button")))
        before = ui.is_checked(check)
        screenshot("highlights-menu")
        ui.press(check, TOGGLE)
        after = wait_for(lambda: not ui.is_checked(check), timeout=3)
        # The person's name loses its look: GTK reports its text attributes.
        styled_after = name_attributes(app)
        ok = before and after and (not styled_before or styled_before != styled_after)
        diagnostics = (f"before {before} after {after} actions {ui.action_names(check)}\n"
                       f"attributes before {styled_before} after {styled_after}")
        ui.diag(f"name attributes shown {styled_before}, hidden {styled_after}")
        screenshot("people-off")
        ui.press(check, TOGGLE)  # back on
        wait_for(lambda: ui.is_checked(check), timeout=3)
    except Exception as e:
        diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
    tap.check(ok, "unticking People in the Highlights menu turns article.show-people off", diagnostics)


def test_sample(tap, tmp):
    app = ui.App([ui.SAMPLE], tmp)
    try:
        wait_for(lambda: article_of(app.node))
        screenshot("sample")
        check_article(tap, app, "sample",
                      [("Helen Okafor", "cabinet member for the environment"),
                       ("Tomasz Wierzbicki", "lead engineer")],
                      [("That night showed exactly why the barrier is needed", "Helen Okafor")])
        toggle_people(tap, app)
        app.check_running(tap, "sample: the application is still running")
    finally:
        app.stop_checked(tap)


def test_reference(tap, tmp):
    descriptions = [
        "reference: the panel lists Sergei Shoigu, Kim Taewoo",
        "reference: the Quotes list gives the quotations with their speakers",
        "reference: selecting Sergei Shoigu selects a mention in the article",
        "reference: selecting a quotation selects it in the article",
        "reference: the application is still running",
    ]
    if not os.path.exists(KIM):
        tap.skip_all(descriptions, f"{KIM} missing")
        return

    # The first window's application may linger on the bus for a moment.
    wait_for(lambda: ui.find_app() is None, timeout=10)
    app = ui.App([KIM], tmp)
    try:
        wait_for(lambda: article_of(app.node))
        check_article(tap, app, "reference",
                      [("Sergei Shoigu", "Russian Defense Minister"),
                       ("Kim Taewoo", "Korea Institute for National Unification")],
                      [("Russia is in urgent need of", "Kim Taewoo"),
                       ("Their needs are matched perfectly now", "Nam Sung-wook")])
        app.check_running(tap, descriptions[4])
    finally:
        app.stop_checked(tap)


def main():
    if ui.skip_missing([(ui.APP, "the application")]):
        return 0
    tap = ui.Tap(planned=11)
    with ui.e2e_run(tap, "briefing-facts-e2e-") as tmp:
        test_sample(tap, os.path.join(tmp, "sample"))
        test_reference(tap, os.path.join(tmp, "reference"))
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
