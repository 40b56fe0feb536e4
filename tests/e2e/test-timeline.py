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

Run under xvfb-run and dbus-run-session (see tests/meson.build); speaks TAP.
"""

import os
import re
import subprocess
import sys
import tempfile
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

PLANNED = 8
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
