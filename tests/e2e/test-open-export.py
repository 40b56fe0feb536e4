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
import sys
import time

try:
    import desktop_atspi as ui
except (ImportError, ValueError) as e:
    print(f"1..0 # SKIP AT-SPI bindings missing: {e}")
    sys.exit(0)

HEADLINE = "Riverside flood barrier nears completion"
KNOWN_SENTENCE = "In March 2021 the council approved the plans"
DATE_LABEL = "March 2021"


def check_markdown(tap, exported, markdown):
    """6. The Markdown holds the briefing's title, a dated event with its sentence, the source."""
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
    tap.check(exported and not problems, "the exported Markdown has title, dated event, sentence and source",
              "; ".join(problems) + "\n--- markdown ---\n" + markdown[:2000])


def run(tap, tmp):
    export_dir = os.path.join(tmp, "export")
    os.makedirs(export_dir)
    export_path = os.path.join(export_dir, "riverside-briefing.md")
    app = ui.App([ui.SAMPLE], tmp)
    try:
        # 1. The application appears on the accessibility bus.
        if not tap.check(app.node is not None and ui.wait_for(lambda: ui.main_frame(app.node)) is not None,
                         "the application window appears on the AT-SPI desktop", app.diagnostics):
            return

        # 2. The article view shows the article opened from the command line.
        article = ui.wait_for(lambda: ui.article_of(app.node))
        text = ui.wait_for(lambda: (lambda t: t if KNOWN_SENTENCE in t else None)(ui.text_of(article))) \
            if article is not None else None
        tap.check(text is not None,
                  "the text view named 'Article' shows the article text",
                  lambda: (f"text seen: {ui.text_of(article)[:400]!r}\n" if article is not None else "")
                  + app.diagnostics())

        # 3. The timeline lists the dated events.
        timeline = ui.wait_for(lambda: ui.timeline_of(app.node))

        def dated_row():
            return ui.find(timeline, lambda n: n is not timeline and DATE_LABEL in ui.name_of(n))

        row = ui.wait_for(dated_row) if timeline is not None else None
        tap.check(row is not None,
                  f"the 'Timeline' list has a row named with the date '{DATE_LABEL}'", app.diagnostics)
        if row is not None:
            ui.diag(f"row: {ui.name_of(row)!r}")

        # 4. Activating the row shows its sentence, selected, in the article.
        selected = ""
        try:
            if row is None or article is None:
                raise RuntimeError("no row or no article view")
            ui.press(row)
            selected = ui.wait_for(lambda: ui.selection_text(article), timeout=5) or ""
            diagnostics = f"selected: {selected!r}"
        except Exception as e:
            diagnostics = f"{type(e).__name__}: {e}"
        tap.check(KNOWN_SENTENCE in selected,
                  "activating the row selects the event's sentence in the article", diagnostics)

        # 5. Export through the primary menu, the Export dialog, then the save dialog.
        exported = False
        export_dialog = None
        try:
            export_dialog = ui.export_briefing(app, "Markdown", export_path, ".md")
            exported = True
            diagnostics = ""
        except Exception as e:  # report, dump, go on to quit
            diagnostics = f"{type(e).__name__}: {e}"
        tap.check(exported, "Export…, Markdown and Export write the file chosen in the save dialog",
                  lambda: diagnostics + "\n" + app.diagnostics())

        markdown = ""
        if exported:
            time.sleep(0.2)
            with open(export_path, encoding="utf-8") as f:
                markdown = f.read()
        check_markdown(tap, exported, markdown)

        # 7. The export is confirmed in the window.
        confirmed = ui.wait_for(lambda: ui.find(app.node, lambda n: ui.name_of(n).startswith("Exported to")
                                                or "Exported to" in (ui.text_of(n) if ui.role_of(n) == "label"
                                                                     else "")), timeout=5)
        tap.check(confirmed is not None, "the window confirms the export", app.diagnostics)
        if export_dialog is not None:
            close = ui.button(export_dialog, "Close", roles=("push button",))
            if close is not None:
                ui.press(close)

        # 8. Quit through the menu; the window asks before losing the unsaved
        # briefing: discard it.
        quit_ok, diagnostics = app.quit_through_menu()
        tap.check(quit_ok, "Quit in the primary menu ends the application cleanly", diagnostics)
    finally:
        app.stop()


def main():
    if ui.skip_missing([(ui.APP, "the application"), (ui.SAMPLE, "the sample")]):
        return 0
    tap = ui.Tap(planned=8)
    with ui.e2e_run(tap) as tmp:
        run(tap, tmp)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
