#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of importing articles in the real Briefing window, through AT-SPI.

Opens a saved news page (tests/fixtures/import/news-page.html) from the command
line and reads the article header and text: the title, site, byline and link,
a highlighted date, and none of the page's navigation, ads or comments.  Pastes
text from the clipboard as a second article (the clipboard is set by xclip or
by a small GTK helper process; the paste checks are skipped when neither is
at hand).  Opens an undated article, answers the publication-date prompt and
checks that its relative dates reach the timeline.  Opens several files, one of
them not an article, and reads the errors listed at the end.  Quits through
the menu.  Run under xvfb-run and dbus-run-session (see tests/meson.build);
speaks TAP.  With BRIEF_E2E_SCREENSHOTS=DIR, screenshots are written there.
"""

import os
import shutil
import subprocess
import sys
import time

try:
    import desktop_atspi as ui
    from desktop_atspi import Atspi
except (ImportError, ValueError) as e:
    print(f"1..0 # SKIP AT-SPI bindings missing: {e}")
    sys.exit(0)

FIXTURES = os.path.join(ui.SOURCE_ROOT, "tests", "fixtures")
PAGE = os.path.join(FIXTURES, "import", "news-page.html")
UNDATED = os.path.join(FIXTURES, "e2e", "undated-ferry.txt")
SHOTS = os.environ.get("BRIEF_E2E_SCREENSHOTS")

PAGE_TITLE = "Harbour council approves flood barrier after decade of delay"
PAGE_SITE = "The Coastal Ledger"
PAGE_BYLINE = "Mira Okafor"
PAGE_URL = "https://ledger.example.org/news/2024/03/18/flood-barrier"
PAGE_SENTENCE = "The first proposal for a barrier was drawn up in March 2013"
PAGE_DATE = "March 2013"
# Navigation, ads, share bar, related and most-read lists, comments, footer.
PAGE_CHAFF = ["Sport", "Advertisement", "Share on Facebook", "Sign up for our morning newsletter",
              "Related stories", "Comments (3)", "my cellar has flooded", "Most read",
              "Seal pup rescued", "retired sailor", "All rights reserved", "Accept all cookies"]

PASTED_TITLE = "Lighthouse keeper's cottage opens as museum"
PASTED_TEXT = (PASTED_TITLE + "\n\n"
               "The cottage beside the old lighthouse opened to visitors on 2 May 2024, "
               "twenty years after the last keeper left in 2004.\n")

UNDATED_TITLE = "Island ferry back in service after hull repairs"
UNDATED_EVENT = "corrosion"     # found "in March": no year without a publication date
UNKNOWN_YEAR = "March (year unknown) — "  # how the timeline names it until the date is set
PUBLISHED = "2023-09-05"
RESOLVED = "March 2023"



def showing_named(root, name, role=None):
    return ui.find(root, lambda n: ui.name_of(n) == name and ui.is_showing(n)
                   and (role is None or ui.role_of(n) == role))


def screenshot(name):
    ui.screenshot(SHOTS, name)


# ---------------------------------------------------------------- the clipboard

GTK_CLIPBOARD_HELPER = r"""
import sys
import gi
gi.require_version("Gtk", "4.0")
gi.require_version("Gdk", "4.0")
from gi.repository import Gdk, GLib, Gtk
Gtk.init()
text = sys.stdin.read()
data = GLib.Bytes.new(text.encode("utf-8"))
provider = Gdk.ContentProvider.new_union([
    Gdk.ContentProvider.new_for_bytes("text/plain;charset=utf-8", data),
    Gdk.ContentProvider.new_for_bytes("text/plain", data),
])
Gdk.Display.get_default().get_clipboard().set_content(provider)
print("ready", flush=True)
GLib.MainLoop().run()
"""


def set_clipboard(text, env):
    """Owns the X clipboard with @text from another process, as a text editor
    would.  Returns (process or None, how), or (None, None) when no tool works."""
    xclip = shutil.which("xclip")
    if xclip:
        proc = subprocess.Popen([xclip, "-selection", "clipboard", "-loops", "1"],
                                stdin=subprocess.PIPE, stdout=sys.stderr, stderr=sys.stderr, env=env)
        proc.stdin.write(text.encode("utf-8"))
        proc.stdin.close()
        time.sleep(0.3)
        return proc, "xclip"
    try:
        proc = subprocess.Popen([sys.executable, "-c", GTK_CLIPBOARD_HELPER],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=sys.stderr, env=env)
        proc.stdin.write(text.encode("utf-8"))
        proc.stdin.close()
        line = proc.stdout.readline().decode().strip()
        if line == "ready":
            return proc, "a GTK 4 helper"
        proc.wait(timeout=5)
    except Exception as e:
        ui.diag(f"no GTK clipboard helper: {e}")
    return None, None


# ---------------------------------------------------------------- the app


def highlighted(article, needle):
    """TRUE when the text @needle in the article carries a background colour
    (the date highlight) in its text attributes."""
    text = ui.text_of(article)
    offset = text.find(needle)
    if offset < 0:
        return None
    attributes = Atspi.Text.get_text_attributes(article, offset + 1)
    # (attributes, start, end) from PyGObject
    attrs = attributes[0] if isinstance(attributes, tuple) else attributes
    keys = {k: v for k, v in (attrs or {}).items()}
    if any(k in keys for k in ("bg-color", "background", "bg-full-height")):
        return keys
    return None


def timeline_row(app, needle):
    timeline = ui.timeline_of(app.node)
    if timeline is None:
        return None
    return ui.find(timeline, lambda n: n is not timeline and ui.name_of(n).startswith(needle))


def article_text_has(app, needle):
    return ui.wait_for(lambda: needle in ui.text_of(ui.article_of(app.node)))


def showing_label(app, predicate, timeout=ui.WAIT_SECONDS):
    return ui.wait_for(lambda: ui.find(app.node, lambda n: ui.role_of(n) == "label" and ui.is_showing(n)
                                       and predicate(ui.name_of(n))), timeout=timeout)


def check_page(tap, app):
    """2–6: the saved page's header, text and dates, and no chaff."""
    # 2. The header names the article by its headline, not the page title.
    title = ui.wait_for(lambda: showing_named(app.node, PAGE_TITLE, "label"))
    tap.check(title is not None, "the article header shows the page's headline", app.diagnostics)
    screenshot("1-page")

    # 3. Site, byline and link in the header.
    source = ui.find(app.node, lambda n: ui.role_of(n) == "label" and PAGE_SITE in ui.name_of(n)
                     and PAGE_BYLINE in ui.name_of(n) and ui.is_showing(n))
    link = ui.find(app.node, lambda n: ui.name_of(n) == "Article address" and ui.is_showing(n))
    link_text = " ".join(ui.name_of(c) for c, _ in ui.walk(link)) if link is not None else ""
    tap.check(source is not None and PAGE_URL in link_text,
              "the header shows the site, the byline and the link",
              f"source label: {source and ui.name_of(source)!r}; link: {link_text!r}")

    # 4. The article text, with its dates highlighted.
    article = ui.article_of(app.node)
    text = article_text_has(app, PAGE_SENTENCE) and ui.text_of(article)
    attrs = highlighted(article, PAGE_DATE) if text else None
    row = ui.wait_for(lambda: timeline_row(app, PAGE_DATE), timeout=5)
    tap.check(bool(text) and attrs is not None and row is not None,
              f"the article view shows the body with '{PAGE_DATE}' highlighted and on the timeline",
              f"attributes at the date: {attrs!r}; timeline row: {row and ui.name_of(row)!r}\n"
              f"text: {ui.text_of(article)[:300]!r}")

    # 5. None of the page around the article.
    leaked = [c for c in PAGE_CHAFF if c in (text or "")]
    tap.check(bool(text) and not leaked, "navigation, ads, comments and lists stay out of the article",
              f"leaked: {leaked}")

    # 6. A dated page asks nothing.
    asked = ui.find(app.node, lambda n: (ui.name_of(n) == "Publication date unknown"
                                         or ui.name_of(n).startswith("Set Publication Date"))
                    and ui.is_showing(n))
    tap.check(asked is None, "a page with a publication date does not ask for one",
              asked and f"showing: {ui.name_of(asked)!r}")


def check_paste(tap, app, helpers):
    """7. Paste text from the clipboard: a second article."""
    clip, how = set_clipboard(PASTED_TEXT, app.env)
    if clip is None:
        tap.skip("text pasted from the clipboard becomes a second article",
                 "neither xclip nor GTK 4 for Python can set the clipboard")
        return
    helpers.append(clip)
    ui.diag(f"clipboard set with {how}")
    try:
        ui.press_menu_item(app.node, "Paste as New Article")
        pasted = article_text_has(app, "twenty years after the last keeper left")
        header = ui.wait_for(lambda: showing_named(app.node, PASTED_TITLE, "label"), timeout=5)
        # The events of both articles are on the timeline.
        sources = ui.wait_for(lambda: timeline_row(app, "2 May 2024") and timeline_row(app, PAGE_DATE),
                              timeout=5)
        ok = bool(pasted) and header is not None and sources is not None
        diagnostics = (f"pasted text shown: {bool(pasted)}; header: {header is not None}; "
                       f"first article still listed: {sources is not None}")
    except Exception as e:
        ok, diagnostics = False, f"{type(e).__name__}: {e}"
    tap.check(ok, "text pasted from the clipboard becomes a second article",
              lambda: diagnostics + "\n" + app.diagnostics())
    screenshot("2-pasted")


def check_undated(tap, app):
    """8. An undated article: the header says so, the prompt asks, "March"
    waits.  Returns the prompt's entry."""
    try:
        app.launch_again([UNDATED])
        shown = article_text_has(app, "corrosion below the waterline in March")
        unknown = ui.wait_for(lambda: showing_named(app.node, "Publication date unknown", "label"), timeout=5)
        # GTK 4.8 appends the mnemonic label to an entry's name.
        entry = ui.wait_for(lambda: ui.find(app.node, lambda n: ui.name_of(n).startswith("Date of publication")
                                            and ui.supports(n, "EditableText") and ui.is_showing(n)),
                            timeout=5)
        # "March" is kept, said to be of no known year, until the date is set.
        unresolved = (timeline_row(app, RESOLVED) is None
                      and ui.wait_for(lambda: timeline_row(app, UNKNOWN_YEAR), timeout=5) is not None
                      and all(ui.name_of(n).startswith(UNKNOWN_YEAR)
                              for n in ui.find_all(app.node, lambda n: ui.role_of(n) == "list item"
                                                   and UNDATED_EVENT in ui.name_of(n))))
        ok = bool(shown) and unknown is not None and entry is not None and unresolved
        diagnostics = (f"shown: {bool(shown)}; 'Publication date unknown': {unknown is not None}; "
                       f"prompt entry: {entry is not None}; March unresolved: {unresolved}")
    except Exception as e:
        ok, entry, diagnostics = False, None, f"{type(e).__name__}: {e}"
    tap.check(ok, "an undated article says 'Publication date unknown' and asks for the date",
              lambda: diagnostics + "\n" + app.diagnostics())
    screenshot("3-prompt")
    return entry


def check_prompt(tap, app, entry):
    """9. Answering the prompt resolves "March" on the timeline."""
    try:
        if entry is None:
            raise RuntimeError("no prompt to answer")
        Atspi.EditableText.insert_text(entry, 0, PUBLISHED, len(PUBLISHED))
        if not ui.wait_for(lambda: ui.text_of(entry) == PUBLISHED, timeout=3):
            raise RuntimeError(f"the entry holds {ui.text_of(entry)!r}")
        set_button = ui.find(app.node, lambda n: ui.name_of(n).startswith("Set Publication Date")
                             and ui.has_action(n))
        ui.press(set_button)
        row = ui.wait_for(lambda: timeline_row(app, RESOLVED))
        gone = ui.wait_for(lambda: showing_named(app.node, "Publication date unknown", "label") is None,
                           timeout=5)
        published = ui.find(app.node, lambda n: ui.name_of(n).startswith("Publication date")
                            and ui.supports(n, "EditableText"))
        ok = row is not None and bool(gone) and ui.text_of(published) == PUBLISHED
        diagnostics = (f"row: {row and ui.name_of(row)!r}; prompt gone: {bool(gone)}; "
                       f"header date: {ui.text_of(published)!r}")
    except Exception as e:
        ok, diagnostics = False, f"{type(e).__name__}: {e}"
    tap.check(ok, f"setting the date through the prompt puts '{RESOLVED}' on the timeline",
              lambda: diagnostics + "\n" + app.diagnostics())
    screenshot("4-date-set")


def check_batch(tap, app, tmp):
    """10–11. Several files, one not an article: the others are imported,
    the error listed; the French one carries a note."""
    bad = os.path.join(tmp, "holiday-photo.png")
    with open(bad, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    batch = [os.path.join(FIXTURES, "import", name)
             for name in ("windows-1252.html", "feed.rss", "utf16le.html")]
    try:
        app.launch_again([batch[0], bad] + batch[1:])
        summary = showing_label(app, lambda name: "could not be imported" in name)
        errors = showing_label(app, lambda name: name.startswith("Could not open"), timeout=5)
        listed = ui.name_of(errors) if errors is not None else ""
        ok = (summary is not None and "1 of 4" in ui.name_of(summary)
              and "holiday-photo.png" in listed and len(listed.splitlines()) == 1)
        diagnostics = f"summary: {summary and ui.name_of(summary)!r}; errors: {listed!r}"
    except Exception as e:
        ok, diagnostics = False, f"{type(e).__name__}: {e}"
    tap.check(ok, "a batch goes on past a file that is not an article and lists it at the end",
              lambda: diagnostics + "\n" + app.diagnostics())

    # 11. The first article of the batch is French: the header says the analysis reads English.
    note = showing_label(app, lambda name: "English only" in name, timeout=5)
    tap.check(note is not None, "a French article carries the note that the analysis reads English only",
              app.diagnostics)
    screenshot("5-batch")


def run(tap, tmp):
    app = ui.App([PAGE], tmp)
    helpers = []
    try:
        # 1. The window opens on the saved page.
        if not tap.check(app.node is not None and ui.wait_for(lambda: ui.main_frame(app.node)) is not None,
                         "the application window appears on the AT-SPI desktop", app.diagnostics):
            return
        check_page(tap, app)
        check_paste(tap, app, helpers)
        entry = check_undated(tap, app)
        check_prompt(tap, app, entry)
        check_batch(tap, app, tmp)

        # 12. Quit through the menu; the imported articles are unsaved work, so
        # the window asks first: discard them.
        quit_ok, diagnostics = app.quit_through_menu()
        tap.check(quit_ok, "Quit in the primary menu ends the application cleanly", diagnostics)
    finally:
        for helper in helpers:
            if helper.poll() is None:
                helper.kill()
                helper.wait()
        app.stop()


def main():
    if ui.skip_missing([(ui.APP, "the application"), (PAGE, "the page fixture"),
                        (UNDATED, "the undated fixture")]):
        return 0
    tap = ui.Tap(planned=12)
    with ui.e2e_run(tap, "briefing-e2e-import-") as tmp:
        run(tap, tmp)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
