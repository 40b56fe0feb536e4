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
import subprocess
import sys
import tempfile
import time
import shutil

import desktop_atspi as common  # noqa: E402  the AT-SPI helpers every end-to-end test shares

Atspi = common.Atspi
safe, name_of, role_of, children, find, find_all = (common.safe, common.name_of, common.role_of,
                                                    common.children, common.find, common.find_all)
wait_for, text_of, dump = common.wait_for, common.text_of, common.dump


def action_names(node):
    """The actions' names; GTK 4.8 names them after the widget's actions."""
    if not common.supports(node, "Action"):
        return []
    return [Atspi.Action.get_action_name(node, i) for i in range(Atspi.Action.get_n_actions(node))]


def press(node, wanted=("activate", "event.activate", "click")):
    names = action_names(node)
    for name in wanted:
        if name in names:
            return Atspi.Action.do_action(node, names.index(name))
    raise RuntimeError(f"{role_of(node)} {name_of(node)!r} has no action among {wanted}: {names}")

BUILD_ROOT = common.BUILD_ROOT
APP = common.APP
SAMPLE = common.SAMPLE
SHARED = os.environ.get("BRIEF_SHARED_DIR", os.path.join(common.SOURCE_ROOT, "..", "shared"))
KIM = os.path.join(SHARED, "samples", "kim-putin-summit.txt")

SPANS = os.path.join(common.SOURCE_ROOT, "tests", "fixtures", "e2e", "harbour-dredging.txt")

PLANNED = 14
results = []


def tap(ok, description, diagnostics=None):
    results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {description}", flush=True)
    if not ok and diagnostics:
        for line in str(diagnostics).splitlines():
            print(f"# {line}", flush=True)


def skip(description, reason):
    results.append(True)
    print(f"ok {len(results)} - {description} # SKIP {reason}", flush=True)


def timeline_of(app):
    return find(app, lambda n: name_of(n) == "Timeline" and role_of(n) == "list")


def timeline_items(timeline):
    return [n for n in children(timeline) if role_of(n) == "list item"]


def article_of(app):
    return find(app, lambda n: name_of(n) == "Article" and common.supports(n, "Text"))


def selection_text(article):
    if Atspi.Text.get_n_selections(article) < 1:
        return None
    span = Atspi.Text.get_selection(article, 0)
    return text_of(article)[span.start_offset:span.end_offset] or None


def is_selected(node):
    return node.get_state_set().contains(Atspi.StateType.SELECTED)


def item_named(timeline, date):
    for item in timeline_items(timeline):
        if name_of(item).startswith(date + " — "):
            return item
    return None


def position_of(names, date):
    for i, name in enumerate(names):
        if name.startswith(date + " — "):
            return i
    return -1


class App:
    def __init__(self, path, tmp):
        env = dict(os.environ)
        env.pop("GTK_A11Y", None)
        for var, sub in (("HOME", "home"), ("XDG_CONFIG_HOME", "config"),
                         ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                         ("XDG_STATE_HOME", "state"), ("XDG_RUNTIME_DIR", "runtime")):
            os.makedirs(os.path.join(tmp, sub), mode=0o700, exist_ok=True)
            env[var] = os.path.join(tmp, sub)
        env["GSETTINGS_BACKEND"] = "memory"
        env.setdefault("GSETTINGS_SCHEMA_DIR", os.path.join(BUILD_ROOT, "data"))
        self.log_path = os.path.join(tmp, "briefing.log")
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen([APP, path], env=env, stdout=self.log,
                                     stderr=subprocess.STDOUT, cwd=tmp)
        self.node = wait_for(common.find_app)

    def diagnostics(self):
        lines = dump(self.node) if self.node is not None else ["no application on the bus"]
        self.log.flush()
        with open(self.log_path, "rb") as f:
            lines += f.read().decode("utf-8", "replace").splitlines()[-40:]
        return "\n".join(lines)

    def close(self):
        # Through app.quit, so that LeakSanitizer checks the application.
        status = common.quit_app(self.proc, self.node)
        if status != 0:
            common.diag(f"the application did not quit cleanly: exit status {status}")
            results.append(False)
        self.log.close()


def test_sample(tmp):
    app = App(SAMPLE, tmp)
    try:
        timeline = wait_for(lambda: timeline_of(app.node)) if app.node else None
        names = []
        if timeline is not None:
            wait_for(lambda: len(timeline_items(timeline)) >= 8)
            names = [name_of(n) for n in timeline_items(timeline)]
        common.diag("timeline: " + " | ".join(names))

        # 1. Every event named "date — title", in date order.
        order = [position_of(names, d) for d in ("1998", "March 2021", "12 June 2022",
                                                  "4 October 2023", "15 January 2024")]
        well_named = names and all(re.match(r"^.+ — .+$", n) for n in names)
        tap(well_named and -1 not in order and order == sorted(order),
            "the Timeline lists its events as 'date — title' in chronological order",
            f"positions {order}\n" + app.diagnostics())

        # 2. Activating March 2021 selects its sentence in the article.
        article = article_of(app.node) if app.node else None
        selected = None
        try:
            item = item_named(timeline, "March 2021")
            press(item)
            selected = wait_for(lambda: (lambda s: s if s and "council approved the plans" in s else None)(
                selection_text(article)), timeout=5)
        except Exception as e:
            common.diag(f"{type(e).__name__}: {e}")
        tap(selected is not None,
            "activating the 'March 2021' event selects its sentence in the article",
            f"selection: {selection_text(article) if article else None!r}")

        # 3. A date in the article selects its event on the timeline.
        ok = False
        diagnostics = ""
        try:
            text = text_of(article)
            offset = text.index("12 June 2022") + 3
            Atspi.Text.set_caret_offset(article, offset)
            names_of_actions = action_names(article)
            index = next(i for i, n in enumerate(names_of_actions) if "select-date-at-caret" in n)
            Atspi.Action.do_action(article, index)
            item = wait_for(lambda: (lambda i: i if i is not None and is_selected(i) else None)(
                item_named(timeline, "12 June 2022")), timeout=5)
            sentence = wait_for(lambda: (lambda s: s if s and "Construction began" in s else None)(
                selection_text(article)), timeout=5)
            ok = item is not None and sentence is not None
            diagnostics = f"actions: {names_of_actions}\nselection: {selection_text(article)!r}"
        except Exception as e:
            diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
        tap(ok, "the caret on '12 June 2022' and select-date-at-caret select that event on the timeline",
            diagnostics)

        # 4. Keyboard: the timeline's next event follows the selection.
        tap(app.proc.poll() is None, "the application is still running", app.diagnostics())
    finally:
        app.close()


def test_reference(tmp):
    descriptions = [
        "the article header takes the publication date 2023-09-05",
        "the timeline lists April 2019, January 2020 and July 2023 in order",
        "activating 'January 2020' selects its sentence in the article",
        "the application is still running",
    ]
    if not os.path.exists(KIM):
        for d in descriptions:
            skip(d, f"{KIM} missing")
        return

    app = App(KIM, tmp)
    try:
        entry = wait_for(lambda: find(app.node, lambda n: name_of(n).startswith("Publication date")
                                      and common.supports(n, "EditableText")))
        entered = False
        diagnostics = ""
        try:
            count = Atspi.Text.get_character_count(entry)
            if count:
                Atspi.EditableText.delete_text(entry, 0, count)
            Atspi.EditableText.insert_text(entry, 0, "2023-09-05", len("2023-09-05"))
            wait_for(lambda: text_of(entry) == "2023-09-05", timeout=3)
            press(entry)
            entered = text_of(entry) == "2023-09-05"
            diagnostics = f"entry: {text_of(entry)!r} actions: {action_names(entry)}"
        except Exception as e:
            diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
        tap(entered, descriptions[0], diagnostics)

        timeline = timeline_of(app.node)

        def ordered():
            names = [name_of(n) for n in timeline_items(timeline)]
            positions = [position_of(names, d) for d in ("April 2019", "January 2020", "July 2023")]
            return (names, positions) if -1 not in positions else None

        found = wait_for(ordered, timeout=10)
        names = [name_of(n) for n in timeline_items(timeline)] if timeline else []
        common.diag("timeline: " + " | ".join(names))
        tap(found is not None and found[1] == sorted(found[1]), descriptions[1],
            f"{found}\n" + app.diagnostics())

        selected = None
        try:
            article = article_of(app.node)
            press(item_named(timeline, "January 2020"))
            selected = wait_for(lambda: (lambda s: s if s and "January 2020" in s else None)(
                selection_text(article)), timeout=5)
        except Exception as e:
            common.diag(f"{type(e).__name__}: {e}")
        tap(selected is not None, descriptions[2], f"selection: {selected!r}")

        tap(app.proc.poll() is None, descriptions[3], app.diagnostics())
    finally:
        app.close()


def is_sensitive(node):
    return node.get_state_set().contains(Atspi.StateType.SENSITIVE)


def description_of(node):
    return safe(lambda: Atspi.Accessible.get_description(node), "") or ""


def test_spans(tmp):
    app = App(SPANS, tmp)
    try:
        timeline = wait_for(lambda: timeline_of(app.node)) if app.node else None
        names = []
        if timeline is not None:
            wait_for(lambda: item_named(timeline, "February 2019") is not None, timeout=10)
            names = [name_of(n) for n in timeline_items(timeline)]
        common.diag("timeline: " + " | ".join(names))

        # A span: one event, named with both of its dates, before the next.
        span = item_named(timeline, "2001 – 2009") if timeline else None
        order = [position_of(names, d) for d in ("2001 – 2009", "2012 – 2015", "February 2019", "April 2019")]
        tap(span is not None and "derived" not in description_of(span)
            and -1 not in order and order == sorted(order),
            "a span is one event named with both dates, '2001 – 2009 — …', in order",
            f"positions {order}\n" + app.diagnostics())

        # A derived date: its description says how it was worked out.
        derived = item_named(timeline, "February 2019") if timeline else None
        description = description_of(derived) if derived else None
        anchor = item_named(timeline, "April 2019") if timeline else None
        tap(description is not None and "derived: two months before April 2019" in description
            and anchor is not None and "derived" not in description_of(anchor),
            "the event dated two months before April 2019 is described as derived",
            f"description: {description!r}\n" + app.diagnostics())

        # The editor shows the span's dates as they are and takes a new title.
        renamed = False
        diagnostics = ""
        try:
            press(span)

            def sensitive_button(label):
                nodes = find_all(app.node, lambda n: role_of(n) == "push button" and common.labelled(n, label))
                return next((n for n in nodes if is_sensitive(n)), None)

            press(wait_for(lambda: sensitive_button("Edit Event"), timeout=5))
            entry = wait_for(lambda: next((n for n in find_all(app.node, lambda n: name_of(n).startswith("Event title")
                                                               and common.supports(n, "EditableText"))
                                           if common.is_showing(n)), None), timeout=5)
            Atspi.EditableText.delete_text(entry, 0, Atspi.Text.get_character_count(entry))
            new_title = "Dredging of the outer channel"
            Atspi.EditableText.insert_text(entry, 0, new_title, len(new_title))
            press(wait_for(lambda: sensitive_button("Apply"), timeout=5))
            renamed = wait_for(lambda: item_named(timeline, "2001 – 2009") is not None and
                               name_of(item_named(timeline, "2001 – 2009")) == f"2001 – 2009 — {new_title}",
                               timeout=5)
            diagnostics = f"span: {name_of(item_named(timeline, '2001 – 2009'))!r}"
        except Exception as e:
            diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
        tap(bool(renamed), "the event editor renames the span, its dates untouched", diagnostics)

        # Zoom in: fewer events in view, so fewer exposed.
        every = len(timeline_items(timeline)) if timeline else 0
        zoomed = None
        try:
            zoom_in = find(app.node, lambda n: name_of(n).startswith("Zoom In") and role_of(n) == "push button")
            # Twice, about the middle: closer, not so close that nothing is left.
            for _ in range(2):
                press(zoom_in)
                time.sleep(0.5)
            zoomed = wait_for(lambda: (lambda n: n if 0 < n < every else None)(len(timeline_items(timeline))),
                              timeout=5)
        except Exception as e:
            common.diag(f"{type(e).__name__}: {e}")

        # A new publication date reads the article again: the zoom stays.
        kept = False
        diagnostics = ""
        try:
            entry = find(app.node, lambda n: name_of(n).startswith("Publication date")
                         and common.supports(n, "EditableText"))
            count = Atspi.Text.get_character_count(entry)
            Atspi.EditableText.delete_text(entry, 0, count)
            Atspi.EditableText.insert_text(entry, 0, "2023-05-12", len("2023-05-12"))
            press(entry)
            wait_for(lambda: text_of(entry) == "2023-05-12", timeout=3)
            time.sleep(2)
            after = len(timeline_items(timeline))
            kept = zoomed is not None and 0 < after < every
            diagnostics = f"all {every}, zoomed {zoomed}, after the new date {after}"
        except Exception as e:
            diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
        tap(kept, "the zoom stays when a new publication date has the article read again", diagnostics)

        # Fit All forgets it: every event in view again.
        fitted = None
        try:
            press(find(app.node, lambda n: name_of(n).startswith("Fit All") and role_of(n) == "push button"))
            fitted = wait_for(lambda: (lambda n: n if n >= every else None)(len(timeline_items(timeline))),
                              timeout=5)
        except Exception as e:
            common.diag(f"{type(e).__name__}: {e}")
        tap(fitted is not None, "Fit All shows every event again", f"all {every}, after Fit All {fitted}")

        tap(app.proc.poll() is None, "the application is still running", app.diagnostics())
    finally:
        app.close()


def main():
    if not os.path.exists(APP):
        print(f"1..0 # SKIP {APP} not built")
        return 0
    a11y_bus = common.start_accessibility_bus()
    Atspi.get_desktop(0).get_child_count()
    print(f"1..{PLANNED}", flush=True)

    tmp = tempfile.mkdtemp(prefix="briefing-timeline-e2e-")
    try:
        test_sample(os.path.join(tmp, "sample"))
        test_reference(os.path.join(tmp, "reference"))
        test_spans(os.path.join(tmp, "spans"))
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
