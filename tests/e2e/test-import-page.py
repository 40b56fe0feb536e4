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
import tempfile
import time

try:
    import gi

    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi
except (ImportError, ValueError) as e:
    print(f"1..0 # SKIP AT-SPI bindings missing: {e}")
    sys.exit(0)

BUILD_ROOT = os.environ.get("BRIEF_BUILD_ROOT", "")
SOURCE_ROOT = os.environ.get("BRIEF_SOURCE_ROOT", "")
APP = os.path.join(BUILD_ROOT, "src", "briefing")
FIXTURES = os.path.join(SOURCE_ROOT, "tests", "fixtures")
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

_results = []
_planned = 12


def tap(ok, description, diagnostics=None, skip=None):
    number = len(_results) + 1
    _results.append(True if skip else ok)
    if skip:
        print(f"ok {number} - {description} # SKIP {skip}", flush=True)
        return True
    print(f"{'ok' if ok else 'not ok'} {number} - {description}", flush=True)
    if not ok and diagnostics:
        for line in str(diagnostics).splitlines():
            print(f"# {line}", flush=True)
    return ok


def diag(message):
    for line in str(message).splitlines():
        print(f"# {line}", flush=True)


# The AT-SPI helpers every end-to-end test shares.
from desktop_atspi import (  # noqa: E402
    dump, find, find_all, find_app, has_action, is_showing, main_frame, name_of, press,
    press_menu_item, quit_app, role_of, start_accessibility_bus, supports, text_of,
    wait_for, walk)


def showing_named(root, name, role=None):
    return find(root, lambda n: name_of(n) == name and is_showing(n)
                and (role is None or role_of(n) == role))


def screenshot(name):
    if not SHOTS:
        return
    os.makedirs(SHOTS, exist_ok=True)
    time.sleep(0.6)  # let revealers finish sliding
    subprocess.run(["import", "-window", "root", os.path.join(SHOTS, name + ".png")],
                   stdout=sys.stderr, stderr=sys.stderr, check=False)


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
        diag(f"no GTK clipboard helper: {e}")
    return None, None


# ---------------------------------------------------------------- the app


def highlighted(article, needle):
    """TRUE when the text @needle in the article carries a background colour
    (the date highlight) in its text attributes."""
    text = text_of(article)
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


def main():
    for path, what in ((APP, "the application"), (PAGE, "the page fixture"),
                       (UNDATED, "the undated fixture")):
        if not os.path.exists(path):
            print(f"1..0 # SKIP {what} {path} missing")
            return 0

    a11y_bus = start_accessibility_bus()
    Atspi.get_desktop(0).get_child_count()

    print(f"1..{_planned}", flush=True)

    tmp = tempfile.mkdtemp(prefix="briefing-e2e-import-")
    env = dict(os.environ)
    env.pop("GTK_A11Y", None)  # none/test would hide the app from AT-SPI
    for var, sub in (("HOME", "home"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                     ("XDG_STATE_HOME", "state"), ("XDG_RUNTIME_DIR", "runtime")):
        path = os.path.join(tmp, sub)
        os.makedirs(path, mode=0o700, exist_ok=True)
        env[var] = path
    env["GSETTINGS_BACKEND"] = "memory"
    env.setdefault("GSETTINGS_SCHEMA_DIR", os.path.join(BUILD_ROOT, "data"))

    log_path = os.path.join(tmp, "briefing.log")
    log = open(log_path, "wb")
    proc = subprocess.Popen([APP, PAGE], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=tmp)
    helpers = []
    app = None

    def failure_diagnostics():
        lines = []
        if app is not None:
            lines += dump(app)
        log.flush()
        with open(log_path, "rb") as f:
            output = f.read().decode("utf-8", "replace")
        if output.strip():
            lines.append("--- application output ---")
            lines += output.splitlines()[-60:]
        if proc.poll() is not None:
            lines.append(f"application exited with {proc.returncode}")
        return "\n".join(lines)

    def open_in_running_app(paths):
        # As a file manager does: a second launch hands the files to the first.
        second = subprocess.run([APP] + paths, env=env, stdout=log, stderr=subprocess.STDOUT,
                                cwd=tmp, timeout=30)
        if second.returncode != 0:
            raise RuntimeError(f"the second launch exited with {second.returncode}")

    def article_view():
        return find(app, lambda n: name_of(n) == "Article" and supports(n, "Text"))

    def article_text_has(needle):
        return wait_for(lambda: needle in text_of(article_view()))

    def timeline_row(needle):
        timeline = find(app, lambda n: name_of(n) == "Timeline"
                        and role_of(n) in ("list", "list box", "table", "tree"))
        if timeline is None:
            return None
        return find(timeline, lambda n: n is not timeline and name_of(n).startswith(needle))

    try:
        # 1. The window opens on the saved page.
        app = wait_for(find_app)
        if not tap(app is not None and wait_for(lambda: main_frame(app)) is not None,
                   "the application window appears on the AT-SPI desktop",
                   failure_diagnostics()):
            return 1

        # 2. The header names the article by its headline, not the page title.
        title = wait_for(lambda: showing_named(app, PAGE_TITLE, "label"))
        tap(title is not None, "the article header shows the page's headline", failure_diagnostics())
        screenshot("1-page")

        # 3. Site, byline and link in the header.
        source = find(app, lambda n: role_of(n) == "label" and PAGE_SITE in name_of(n)
                      and PAGE_BYLINE in name_of(n) and is_showing(n))
        link = find(app, lambda n: name_of(n) == "Article address" and is_showing(n))
        link_text = " ".join(name_of(c) for c, _ in walk(link)) if link is not None else ""
        tap(source is not None and PAGE_URL in link_text,
            "the header shows the site, the byline and the link",
            f"source label: {source and name_of(source)!r}; link: {link_text!r}")

        # 4. The article text, with its dates highlighted.
        article = article_view()
        text = article_text_has(PAGE_SENTENCE) and text_of(article)
        attrs = highlighted(article, PAGE_DATE) if text else None
        row = wait_for(lambda: timeline_row(PAGE_DATE), timeout=5)
        tap(bool(text) and attrs is not None and row is not None,
            f"the article view shows the body with '{PAGE_DATE}' highlighted and on the timeline",
            f"attributes at the date: {attrs!r}; timeline row: {row and name_of(row)!r}\n"
            f"text: {text_of(article)[:300]!r}")

        # 5. None of the page around the article.
        leaked = [c for c in PAGE_CHAFF if c in (text or "")]
        tap(bool(text) and not leaked, "navigation, ads, comments and lists stay out of the article",
            f"leaked: {leaked}")

        # 6. A dated page asks nothing.
        asked = find(app, lambda n: (name_of(n) == "Publication date unknown"
                                     or name_of(n).startswith("Set Publication Date"))
                     and is_showing(n))
        tap(asked is None, "a page with a publication date does not ask for one",
            asked and f"showing: {name_of(asked)!r}")

        # 7. Paste text from the clipboard: a second article.
        clip, how = set_clipboard(PASTED_TEXT, env)
        if clip is None:
            tap(True, "text pasted from the clipboard becomes a second article",
                skip="neither xclip nor GTK 4 for Python can set the clipboard")
        else:
            helpers.append(clip)
            diag(f"clipboard set with {how}")
            try:
                press_menu_item(app, "Paste as New Article")
                pasted = article_text_has("twenty years after the last keeper left")
                header = wait_for(lambda: showing_named(app, PASTED_TITLE, "label"), timeout=5)
                # The events of both articles are on the timeline.
                sources = wait_for(lambda: timeline_row("2 May 2024") and timeline_row(PAGE_DATE),
                                   timeout=5)
                ok = bool(pasted) and header is not None and sources is not None
                diagnostics = (f"pasted text shown: {bool(pasted)}; header: {header is not None}; "
                               f"first article still listed: {sources is not None}")
            except Exception as e:
                ok, diagnostics = False, f"{type(e).__name__}: {e}"
            tap(ok, "text pasted from the clipboard becomes a second article",
                diagnostics + "\n" + ("" if ok else failure_diagnostics()))
            screenshot("2-pasted")

        # 8. An undated article: the header says so, the prompt asks, "March" waits.
        try:
            open_in_running_app([UNDATED])
            shown = article_text_has("corrosion below the waterline in March")
            unknown = wait_for(lambda: showing_named(app, "Publication date unknown", "label"), timeout=5)
            # GTK 4.8 appends the mnemonic label to an entry's name.
            entry = wait_for(lambda: find(app, lambda n: name_of(n).startswith("Date of publication")
                                          and supports(n, "EditableText") and is_showing(n)),
                             timeout=5)
            # "March" is kept, said to be of no known year, until the date is set.
            unresolved = (timeline_row(RESOLVED) is None
                          and wait_for(lambda: timeline_row(UNKNOWN_YEAR), timeout=5) is not None
                          and all(name_of(n).startswith(UNKNOWN_YEAR)
                                  for n in find_all(app, lambda n: role_of(n) == "list item"
                                                    and UNDATED_EVENT in name_of(n))))
            ok = bool(shown) and unknown is not None and entry is not None and unresolved
            diagnostics = (f"shown: {bool(shown)}; 'Publication date unknown': {unknown is not None}; "
                           f"prompt entry: {entry is not None}; March unresolved: {unresolved}")
        except Exception as e:
            ok, entry, diagnostics = False, None, f"{type(e).__name__}: {e}"
        tap(ok, "an undated article says 'Publication date unknown' and asks for the date",
            diagnostics + "\n" + ("" if ok else failure_diagnostics()))
        screenshot("3-prompt")

        # 9. Answering the prompt resolves "March" on the timeline.
        try:
            if entry is None:
                raise RuntimeError("no prompt to answer")
            Atspi.EditableText.insert_text(entry, 0, PUBLISHED, len(PUBLISHED))
            if not wait_for(lambda: text_of(entry) == PUBLISHED, timeout=3):
                raise RuntimeError(f"the entry holds {text_of(entry)!r}")
            set_button = find(app, lambda n: name_of(n).startswith("Set Publication Date")
                              and has_action(n))
            press(set_button)
            row = wait_for(lambda: timeline_row(RESOLVED))
            gone = wait_for(lambda: showing_named(app, "Publication date unknown", "label") is None,
                            timeout=5)
            published = find(app, lambda n: name_of(n).startswith("Publication date")
                             and supports(n, "EditableText"))
            ok = row is not None and bool(gone) and text_of(published) == PUBLISHED
            diagnostics = (f"row: {row and name_of(row)!r}; prompt gone: {bool(gone)}; "
                           f"header date: {text_of(published)!r}")
        except Exception as e:
            ok, diagnostics = False, f"{type(e).__name__}: {e}"
        tap(ok, f"setting the date through the prompt puts '{RESOLVED}' on the timeline",
            diagnostics + "\n" + ("" if ok else failure_diagnostics()))
        screenshot("4-date-set")

        # 10. Several files, one not an article: the others are imported, the error listed.
        bad = os.path.join(tmp, "holiday-photo.png")
        with open(bad, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
        batch = [os.path.join(FIXTURES, "import", name)
                 for name in ("windows-1252.html", "feed.rss", "utf16le.html")]
        try:
            open_in_running_app([batch[0], bad] + batch[1:])
            summary = wait_for(lambda: find(app, lambda n: role_of(n) == "label" and is_showing(n)
                                            and "could not be imported" in name_of(n)))
            errors = wait_for(lambda: find(app, lambda n: role_of(n) == "label" and is_showing(n)
                                           and name_of(n).startswith("Could not open")), timeout=5)
            listed = name_of(errors) if errors is not None else ""
            ok = (summary is not None and "1 of 4" in name_of(summary)
                  and "holiday-photo.png" in listed and len(listed.splitlines()) == 1)
            diagnostics = f"summary: {summary and name_of(summary)!r}; errors: {listed!r}"
        except Exception as e:
            ok, diagnostics = False, f"{type(e).__name__}: {e}"
        tap(ok, "a batch goes on past a file that is not an article and lists it at the end",
            diagnostics + "\n" + ("" if ok else failure_diagnostics()))

        # 11. The first article of the batch is French: the header says the analysis reads English.
        note = wait_for(lambda: find(app, lambda n: role_of(n) == "label" and is_showing(n)
                                     and "English only" in name_of(n)), timeout=5)
        tap(note is not None, "a French article carries the note that the analysis reads English only",
            failure_diagnostics() if note is None else None)
        screenshot("5-batch")

        # 12. Quit through the menu; the imported articles are unsaved work, so
        # the window asks first: discard them.
        try:
            press_menu_item(app, "Quit")
            status = quit_app(proc, app, activate=False)
            quit_ok = status == 0
            diagnostics = f"exit status {status}"
        except Exception as e:
            quit_ok = False
            diagnostics = f"{type(e).__name__}: {e}\n" + failure_diagnostics()
        tap(quit_ok, "Quit in the primary menu ends the application cleanly", diagnostics)
    finally:
        for helper in helpers:
            if helper.poll() is None:
                helper.kill()
                helper.wait()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()
        if a11y_bus is not None and a11y_bus.poll() is None:
            a11y_bus.terminate()
            try:
                a11y_bus.wait(timeout=5)
            except subprocess.TimeoutExpired:
                a11y_bus.kill()
        if all(_results) and len(_results) == _planned:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            diag(f"kept {tmp} for inspection")

    return 0 if all(_results) and len(_results) == _planned else 1


if __name__ == "__main__":
    sys.exit(main())
