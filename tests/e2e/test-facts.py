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

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("timeline_e2e", os.path.join(HERE, "test-timeline.py"))
timeline = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(timeline)  # its main() runs only as a script

import desktop_atspi as common  # noqa: E402  the AT-SPI helpers every end-to-end test shares
Atspi = common.Atspi
name_of, role_of, children, find, find_all = (common.name_of, common.role_of, common.children,
                                              common.find, common.find_all)
wait_for, text_of = common.wait_for, common.text_of
press, selection_text, article_of = timeline.press, timeline.selection_text, timeline.article_of
App = timeline.App

SAMPLE = common.SAMPLE
SHARED = os.environ.get("BRIEF_SHARED_DIR", os.path.join(common.SOURCE_ROOT, "..", "shared"))
KIM = os.path.join(SHARED, "samples", "kim-putin-summit.txt")
SCREENSHOTS = os.environ.get("BRIEF_FACTS_SCREENSHOTS")

results = []
PLANNED = 11


def tap(ok, description, diagnostics=None):
    results.append(bool(ok))
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {description}", flush=True)
    if not ok and diagnostics:
        for line in str(diagnostics).splitlines():
            print(f"# {line}", flush=True)


def skip(description, reason):
    results.append(True)
    print(f"ok {len(results)} - {description} # SKIP {reason}", flush=True)


def screenshot(name):
    if not SCREENSHOTS:
        return
    os.makedirs(SCREENSHOTS, exist_ok=True)
    subprocess.run(["import", "-window", "root", os.path.join(SCREENSHOTS, name + ".png")],
                   check=False)


def has_state(node, state):
    return common.safe(lambda: node.get_state_set().contains(state), False)


def rows_of(node):
    return [n for n in children(node) if role_of(n) == "list item"]


def facts_list(app, name):
    return find(app, lambda n: name_of(n) == name and role_of(n) in ("list", "list box"))


def open_facts_page(app):
    """Clicks the "People and Quotes" switcher button; returns the two lists."""
    switch = wait_for(lambda: find(app, lambda n: name_of(n) == "People and Quotes"
                                   and timeline.action_names(n)))
    press(switch, ("click", "activate", "toggle"))
    entities = wait_for(lambda: (lambda l: l if l is not None and rows_of(l) else None)(
        facts_list(app, "People and Organisations")))
    quotes = facts_list(app, "Quotes")
    return entities, quotes


def select_row(listbox, row):
    """Selects @row the way a screen reader does, through AT-SPI Selection."""
    rows = rows_of(listbox)
    all_children = list(children(listbox))
    for index in (rows.index(row), all_children.index(row)):
        if common.safe(lambda: Atspi.Selection.select_child(listbox, index), False):
            if wait_for(lambda: has_state(row, Atspi.StateType.SELECTED), timeout=2):
                return True
    return False


def row_named(listbox, predicate):
    for row in rows_of(listbox):
        if predicate(name_of(row)):
            return row
    return None


def check_article(app, tmp_name, people, quote_checks):
    """people: [(name, role or None)]; quote_checks: [(words, speaker)]"""
    entities, quotes = open_facts_page(app.node)
    names = [name_of(r) for r in rows_of(entities)] if entities else []
    common.diag("entities: " + " | ".join(names))
    missing = []
    for person, role in people:
        row = row_named(entities, lambda n: n.startswith(person + " — " if role else person)
                        and (role is None or role in n) and "mention" in n) if entities else None
        if row is None:
            missing.append((person, role))
    tap(entities is not None and not missing,
        f"{tmp_name}: the panel lists {', '.join(p for p, _ in people)} with roles and mentions",
        f"missing {missing}\n" + app.diagnostics())

    quote_names = [name_of(r) for r in rows_of(quotes)] if quotes else []
    common.diag("quotes: " + " | ".join(q[:90] for q in quote_names))
    missing = [(w, s) for w, s in quote_checks
               if not any(w in q and ("— " + s) in q for q in quote_names)]
    tap(quotes is not None and not missing,
        f"{tmp_name}: the Quotes list gives the quotations with their speakers",
        f"missing {missing}")

    # Selecting a person selects their first mention in the article.
    article = article_of(app.node)
    person = people[0][0]
    selected = None
    try:
        row = row_named(entities, lambda n: n.startswith(person))
        select_row(entities, row)
        selected = wait_for(lambda: (lambda s: s if s and person.split()[-1] in s else None)(
            selection_text(article)), timeout=5)
    except Exception as e:
        common.diag(f"{type(e).__name__}: {e}")
    tap(selected is not None,
        f"{tmp_name}: selecting {person} selects a mention in the article",
        f"selection: {selection_text(article) if article else None!r}")
    screenshot(tmp_name + "-person")

    # Selecting a quotation selects it in the article.
    words, _ = quote_checks[0]
    selected = None
    try:
        row = row_named(quotes, lambda n: words in n)
        select_row(quotes, row)
        selected = wait_for(lambda: (lambda s: s if s and words in s else None)(
            selection_text(article)), timeout=5)
    except Exception as e:
        common.diag(f"{type(e).__name__}: {e}")
    tap(selected is not None,
        f"{tmp_name}: selecting a quotation selects it in the article",
        f"selection: {selection_text(article) if article else None!r}")
    screenshot(tmp_name + "-quote")


def name_attributes(app, name="Tomasz Wierzbicki"):
    """The text attributes GTK reports in the middle of @name in the article."""
    article = article_of(app.node)
    offset = text_of(article).index(name) + 2
    result = common.safe(lambda: Atspi.Text.get_attribute_run(article, offset, False))
    attributes = result[0] if isinstance(result, tuple) else result
    return dict(attributes or {})


def toggle_people(app):
    """Unticks People in the Highlights menu: the action's state follows."""
    ok = False
    diagnostics = ""
    try:
        button = wait_for(lambda: find(app.node, lambda n: name_of(n) == "Highlights"
                                       and timeline.action_names(n)))
        styled_before = name_attributes(app)
        press(button, ("click", "activate", "toggle"))
        check = wait_for(lambda: find(app.node, lambda n: name_of(n) == "People"
                                      and role_of(n) in ("toggle button", "push button")))
        before = has_state(check, Atspi.StateType.CHECKED) or has_state(check, Atspi.StateType.PRESSED)
        screenshot("highlights-menu")
        press(check, ("click", "activate", "toggle"))
        after = wait_for(lambda: not (has_state(check, Atspi.StateType.CHECKED)
                                      or has_state(check, Atspi.StateType.PRESSED)), timeout=3)
        # The person's name loses its look: GTK reports its text attributes.
        styled_after = name_attributes(app)
        ok = before and after and (not styled_before or styled_before != styled_after)
        diagnostics = (f"before {before} after {after} actions {timeline.action_names(check)}\n"
                       f"attributes before {styled_before} after {styled_after}")
        common.diag(f"name attributes shown {styled_before}, hidden {styled_after}")
        screenshot("people-off")
        press(check, ("click", "activate", "toggle"))  # back on
        wait_for(lambda: has_state(check, Atspi.StateType.CHECKED)
                 or has_state(check, Atspi.StateType.PRESSED), timeout=3)
    except Exception as e:
        diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
    tap(ok, "unticking People in the Highlights menu turns article.show-people off", diagnostics)


def test_sample(tmp):
    app = App(SAMPLE, tmp)
    try:
        wait_for(lambda: article_of(app.node))
        screenshot("sample")
        check_article(app, "sample",
                      [("Helen Okafor", "cabinet member for the environment"),
                       ("Tomasz Wierzbicki", "lead engineer")],
                      [("That night showed exactly why the barrier is needed", "Helen Okafor")])
        toggle_people(app)
        tap(app.proc.poll() is None, "sample: the application is still running", app.diagnostics())
    finally:
        app.close()


def test_reference(tmp):
    descriptions = [
        "reference: the panel lists Sergei Shoigu, Kim Taewoo",
        "reference: the Quotes list gives the quotations with their speakers",
        "reference: selecting Sergei Shoigu selects a mention in the article",
        "reference: selecting a quotation selects it in the article",
        "reference: the application is still running",
    ]
    if not os.path.exists(KIM):
        for d in descriptions:
            skip(d, f"{KIM} missing")
        return

    # The first window's application may linger on the bus for a moment.
    wait_for(lambda: common.find_app() is None, timeout=10)
    app = App(KIM, tmp)
    try:
        wait_for(lambda: article_of(app.node))
        check_article(app, "reference",
                      [("Sergei Shoigu", "Russian Defense Minister"),
                       ("Kim Taewoo", "Korea Institute for National Unification")],
                      [("Russia is in urgent need of", "Kim Taewoo"),
                       ("Their needs are matched perfectly now", "Nam Sung-wook")])
        tap(app.proc.poll() is None, descriptions[4], app.diagnostics())
    finally:
        app.close()


def main():
    if not os.path.exists(common.APP):
        print(f"1..0 # SKIP {common.APP} not built")
        return 0
    a11y_bus = common.start_accessibility_bus()
    Atspi.get_desktop(0).get_child_count()
    print(f"1..{PLANNED}", flush=True)

    tmp = tempfile.mkdtemp(prefix="briefing-facts-e2e-")
    try:
        test_sample(os.path.join(tmp, "sample"))
        test_reference(os.path.join(tmp, "reference"))
    finally:
        if a11y_bus is not None and a11y_bus.poll() is None:
            a11y_bus.terminate()
            try:
                a11y_bus.wait(timeout=5)
            except subprocess.TimeoutExpired:
                a11y_bus.kill()
        if all(results):
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            common.diag(f"kept {tmp} for inspection")

    return 0 if all(results) and len(results) == PLANNED else 1


if __name__ == "__main__":
    sys.exit(main())
