#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the timeline and the article view, linked, through AT-SPI.

On the sample article: the timeline exposes its events in date order, each
named "date — title"; activating one selects its sentence in the article;
placing the caret on a date in the article and running the article's
select-date-at-caret action selects that date's event on the timeline.

On the reference article (../shared/samples/kim-putin-summit.txt, skipped
when absent): typing the publication date in the article header resolves the
relative dates, and the timeline then lists April 2019, January 2020 and
July 2023 in that order; activating January 2020 selects its sentence.

On an article of our own with spans and a derived date
(tests/fixtures/e2e/harbour-dredging.txt): a span is one event whose name
gives both dates ("2001 – 2009 — …"), and the date worked out from another
("two months after … collapsed" in April 2019) is described as derived.
The event editor takes a new title for the span, its dates untouched.
Zoomed in, the timeline keeps its zoom (the events it exposes, those in
view) when a new publication date has the article read again; Fit All
brings every event back.

Run under xvfb-run and dbus-run-session (see tests/meson.build); speaks TAP.
"""

import os
import re
import sys
import time

import desktop_atspi as ui  # the AT-SPI helpers every end-to-end test shares
from desktop_atspi import Atspi

SHARED = os.environ.get("BRIEF_SHARED_DIR", os.path.join(ui.SOURCE_ROOT, "..", "shared"))
KIM = os.path.join(SHARED, "samples", "kim-putin-summit.txt")

SPANS = os.path.join(ui.SOURCE_ROOT, "tests", "fixtures", "e2e", "harbour-dredging.txt")

name_of, role_of, find, find_all, wait_for, text_of = (ui.name_of, ui.role_of, ui.find, ui.find_all,
                                                       ui.wait_for, ui.text_of)
selection_text, press = ui.selection_text, ui.activate
item_named = ui.timeline_item


def position_of(names, date):
    for i, name in enumerate(names):
        if name.startswith(date + " — "):
            return i
    return -1


def test_sample(tap, tmp):
    app = ui.App([ui.SAMPLE], tmp)
    try:
        timeline = wait_for(lambda: ui.timeline_of(app.node)) if app.node else None
        names = []
        if timeline is not None:
            wait_for(lambda: len(ui.timeline_items(timeline)) >= 8)
            names = [name_of(n) for n in ui.timeline_items(timeline)]
        ui.diag("timeline: " + " | ".join(names))

        # 1. Every event named "date — title", in date order.
        order = [position_of(names, d) for d in ("1998", "March 2021", "12 June 2022",
                                                  "4 October 2023", "15 January 2024")]
        well_named = names and all(re.match(r"^.+ — .+$", n) for n in names)
        tap.check(well_named and -1 not in order and order == sorted(order),
                  "the Timeline lists its events as 'date — title' in chronological order",
                  lambda: f"positions {order}\n" + app.diagnostics())

        # 2. Activating March 2021 selects its sentence in the article.
        article = ui.article_of(app.node) if app.node else None
        selected = None
        try:
            item = item_named(timeline, "March 2021")
            press(item)
            selected = ui.wait_for_selection(article, "council approved the plans")
        except Exception as e:
            ui.diag(f"{type(e).__name__}: {e}")
        tap.check(selected is not None,
                  "activating the 'March 2021' event selects its sentence in the article",
                  f"selection: {selection_text(article) if article else None!r}")

        # 3. A date in the article selects its event on the timeline.
        ok = False
        diagnostics = ""
        try:
            text = text_of(article)
            offset = text.index("12 June 2022") + 3
            Atspi.Text.set_caret_offset(article, offset)
            names_of_actions = ui.action_names(article)
            index = next(i for i, n in enumerate(names_of_actions) if "select-date-at-caret" in n)
            Atspi.Action.do_action(article, index)
            item = wait_for(lambda: (lambda i: i if i is not None and ui.has_state(i, Atspi.StateType.SELECTED) else None)(
                item_named(timeline, "12 June 2022")), timeout=5)
            sentence = ui.wait_for_selection(article, "Construction began")
            ok = item is not None and sentence is not None
            diagnostics = f"actions: {names_of_actions}\nselection: {selection_text(article)!r}"
        except Exception as e:
            diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
        tap.check(ok, "the caret on '12 June 2022' and select-date-at-caret select that event on the timeline",
                  diagnostics)

        # 4. Keyboard: the timeline's next event follows the selection.
        app.check_running(tap)
    finally:
        app.stop_checked(tap)


def test_reference(tap, tmp):
    descriptions = [
        "the article header takes the publication date 2023-09-05",
        "the timeline lists April 2019, January 2020 and July 2023 in order",
        "activating 'January 2020' selects its sentence in the article",
        "the application is still running",
    ]
    if not os.path.exists(KIM):
        tap.skip_all(descriptions, f"{KIM} missing")
        return

    app = ui.App([KIM], tmp)
    try:
        entry = wait_for(lambda: find(app.node, lambda n: name_of(n).startswith("Publication date")
                                      and ui.supports(n, "EditableText")))
        entered = False
        diagnostics = ""
        try:
            ui.replace_text(entry, "2023-09-05")
            wait_for(lambda: text_of(entry) == "2023-09-05", timeout=3)
            press(entry)
            entered = text_of(entry) == "2023-09-05"
            diagnostics = f"entry: {text_of(entry)!r} actions: {ui.action_names(entry)}"
        except Exception as e:
            diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
        tap.check(entered, descriptions[0], diagnostics)

        timeline = ui.timeline_of(app.node)

        def ordered():
            names = [name_of(n) for n in ui.timeline_items(timeline)]
            positions = [position_of(names, d) for d in ("April 2019", "January 2020", "July 2023")]
            return (names, positions) if -1 not in positions else None

        found = wait_for(ordered, timeout=10)
        names = [name_of(n) for n in ui.timeline_items(timeline)] if timeline else []
        ui.diag("timeline: " + " | ".join(names))
        tap.check(found is not None and found[1] == sorted(found[1]), descriptions[1],
                  lambda: f"{found}\n" + app.diagnostics())

        selected = None
        try:
            article = ui.article_of(app.node)
            press(item_named(timeline, "January 2020"))
            selected = ui.wait_for_selection(article, "January 2020")
        except Exception as e:
            ui.diag(f"{type(e).__name__}: {e}")
        tap.check(selected is not None, descriptions[2], f"selection: {selected!r}")

        app.check_running(tap, descriptions[3])
    finally:
        app.stop_checked(tap)


def test_spans(tap, tmp):
    app = ui.App([SPANS], tmp)
    try:
        timeline = wait_for(lambda: ui.timeline_of(app.node)) if app.node else None
        names = []
        if timeline is not None:
            wait_for(lambda: item_named(timeline, "February 2019") is not None, timeout=10)
            names = [name_of(n) for n in ui.timeline_items(timeline)]
        ui.diag("timeline: " + " | ".join(names))

        # A span: one event, named with both of its dates, before the next.
        span = item_named(timeline, "2001 – 2009") if timeline else None
        order = [position_of(names, d) for d in ("2001 – 2009", "2012 – 2015", "February 2019", "April 2019")]
        tap.check(span is not None and "derived" not in ui.description_of(span)
                  and -1 not in order and order == sorted(order),
                  "a span is one event named with both dates, '2001 – 2009 — …', in order",
                  lambda: f"positions {order}\n" + app.diagnostics())

        # A derived date: its description says how it was worked out.
        derived = item_named(timeline, "February 2019") if timeline else None
        description = ui.description_of(derived) if derived else None
        anchor = item_named(timeline, "April 2019") if timeline else None
        tap.check(description is not None and "derived: two months before April 2019" in description
                  and anchor is not None and "derived" not in ui.description_of(anchor),
                  "the event dated two months before April 2019 is described as derived",
                  lambda: f"description: {description!r}\n" + app.diagnostics())

        # The editor shows the span's dates as they are and takes a new title.
        renamed = False
        diagnostics = ""
        try:
            press(span)

            def sensitive_button(label):
                return ui.sensitive_button(app.node, label, roles=("push button",), need_action=False)

            press(sensitive_button("Edit Event"))
            entry = wait_for(lambda: next((n for n in find_all(app.node, lambda n: name_of(n).startswith("Event title")
                                                               and ui.supports(n, "EditableText"))
                                           if ui.is_showing(n)), None), timeout=5)
            new_title = "Dredging of the outer channel"
            ui.replace_text(entry, new_title)
            press(sensitive_button("Apply"))
            renamed = wait_for(lambda: item_named(timeline, "2001 – 2009") is not None and
                               name_of(item_named(timeline, "2001 – 2009")) == f"2001 – 2009 — {new_title}",
                               timeout=5)
            diagnostics = f"span: {name_of(item_named(timeline, '2001 – 2009'))!r}"
        except Exception as e:
            diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
        tap.check(bool(renamed), "the event editor renames the span, its dates untouched", diagnostics)

        # Zoom in: fewer events in view, so fewer exposed.
        every = len(ui.timeline_items(timeline)) if timeline else 0
        zoomed = None
        try:
            zoom_in = find(app.node, lambda n: name_of(n).startswith("Zoom In") and role_of(n) == "push button")
            # Twice, about the middle: closer, not so close that nothing is left.
            for _ in range(2):
                press(zoom_in)
                time.sleep(0.5)
            zoomed = wait_for(lambda: (lambda n: n if 0 < n < every else None)(len(ui.timeline_items(timeline))),
                              timeout=5)
        except Exception as e:
            ui.diag(f"{type(e).__name__}: {e}")

        # A new publication date reads the article again: the zoom stays.
        kept = False
        diagnostics = ""
        try:
            entry = find(app.node, lambda n: name_of(n).startswith("Publication date")
                         and ui.supports(n, "EditableText"))
            ui.replace_text(entry, "2023-05-12")
            press(entry)
            wait_for(lambda: text_of(entry) == "2023-05-12", timeout=3)
            time.sleep(2)
            after = len(ui.timeline_items(timeline))
            kept = zoomed is not None and 0 < after < every
            diagnostics = f"all {every}, zoomed {zoomed}, after the new date {after}"
        except Exception as e:
            diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
        tap.check(kept, "the zoom stays when a new publication date has the article read again", diagnostics)

        # Fit All forgets it: every event in view again.
        fitted = None
        try:
            press(find(app.node, lambda n: name_of(n).startswith("Fit All") and role_of(n) == "push button"))
            fitted = wait_for(lambda: (lambda n: n if n >= every else None)(len(ui.timeline_items(timeline))),
                              timeout=5)
        except Exception as e:
            ui.diag(f"{type(e).__name__}: {e}")
        tap.check(fitted is not None, "Fit All shows every event again", f"all {every}, after Fit All {fitted}")

        app.check_running(tap)
    finally:
        app.stop_checked(tap)


def main():
    if ui.skip_missing([(ui.APP, "the application")]):
        return 0
    tap = ui.Tap(planned=14)
    with ui.e2e_run(tap, "briefing-timeline-e2e-") as tmp:
        test_sample(tap, os.path.join(tmp, "sample"))
        test_reference(tap, os.path.join(tmp, "reference"))
        test_spans(tap, os.path.join(tmp, "spans"))
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
