#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of the Export dialog and printing, through AT-SPI.

First a briefing with a handling marking: the Export dialog writes a PDF
through the file chooser, which pdftotext and pdftoppm read back (the
marking on every page, "Page 1 of", the events); then Print… in the primary
menu prints to a file with GTK's "Print to File" printer, and the printed PDF
has the exported one's pages and text.  Then the sample article alone: its
PDF has no marking.  Screenshots of the dialogs and both PDFs go to
$BRIEF_SCREENSHOT_DIR when it is set.  Run under xvfb-run and dbus-run-session; speaks TAP.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import desktop_atspi as h  # the AT-SPI helpers every end-to-end test shares
except (ImportError, ValueError) as e:
    print(f"1..0 # SKIP AT-SPI bindings missing: {e}")
    sys.exit(0)

CLI = os.path.join(h.BUILD_ROOT, "src", "cli", "briefing-cli")
SHOTS = os.environ.get("BRIEF_SCREENSHOT_DIR", "")

MARKING = "OFFICIAL-SENSITIVE"
EVENTS = ["March 2021", "Council approves the plans", "12 June 2022", "1998"]


def screenshot(name):
    h.screenshot(SHOTS, name)


def button(frame, label):
    return h.button(frame, label, roles=("push button",))


def pdf_pages(path):
    """The text of every page, by pdftotext."""
    out = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True,
                         check=True).stdout.decode("utf-8", "replace")
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def page_not_blank(path, tmp):
    """Renders page 1 in grey and counts the dark pixels."""
    tmp = tempfile.mkdtemp(dir=tmp)
    prefix = os.path.join(tmp, "page")
    subprocess.run(["pdftoppm", "-gray", "-r", "40", "-f", "1", "-l", "1", path, prefix],
                   check=True, capture_output=True)
    image = [f for f in os.listdir(tmp) if f.startswith("page") and f.endswith(".pgm")][0]
    with open(os.path.join(tmp, image), "rb") as f:
        data = f.read()
    # P5 <w> <h> <max>\n then the bytes
    fields = data.split(maxsplit=4)
    pixels = fields[4]
    dark = sum(1 for b in pixels if b < 128)
    return dark, len(pixels)


def complete_pdf(path):
    """Whether @path is a whole PDF: it ends with %%EOF and pdftotext reads it."""
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return False
    with open(path, "rb") as f:
        f.seek(max(0, os.path.getsize(path) - 64))
        if b"%%EOF" not in f.read():
            return False
    return subprocess.run(["pdftotext", path, os.devnull], capture_output=True).returncode == 0


def export_pdf(app, path, shot=None):
    """Export… → PDF document → Export → the chooser → Save; returns the dialog."""
    return h.export_briefing(app, "PDF document", path, ".pdf",
                             before_export=(lambda: screenshot(shot)) if shot else None)


def start(args, home):
    app = h.App(args, home)
    if app.node is not None:
        h.wait_for(lambda: h.main_frame(app.node))
    return app


def check_pdf(path, marked, tmp):
    problems = []
    pages = pdf_pages(path)
    text = "\n".join(pages)
    if not pages:
        return ["no page"]
    if "Page 1 of" not in pages[0]:
        problems.append("no 'Page 1 of' on page 1")
    for event in EVENTS:
        if event not in text:
            problems.append(f"event {event!r} missing")
    if marked:
        unmarked = [i + 1 for i, p in enumerate(pages) if MARKING not in p]
        if unmarked:
            problems.append(f"the marking is missing on pages {unmarked}")
    elif MARKING in text:
        problems.append("a marking where none was set")
    dark, total = page_not_blank(path, tmp)
    if dark < total // 200:
        problems.append(f"page 1 renders nearly blank ({dark} of {total} pixels dark)")
    return problems


def marked_project(tmp):
    """A project with a handling marking, made from the sample by the CLI."""
    project = os.path.join(tmp, "marked.briefing")
    subprocess.run([CLI, "export", "--to", project, h.SAMPLE], check=True, capture_output=True)
    with open(project, encoding="utf-8") as f:
        data = json.load(f)
    data["marking"] = MARKING
    with open(project, "w", encoding="utf-8") as f:
        json.dump(data, f)
    return project


def check_export_done(tap, app, dialog):
    """3. The dialog says where, offers Open, and closes."""
    done = dialog is not None and h.wait_for(
        lambda: h.find(dialog, lambda n: h.role_of(n) == "label"
                       and h.name_of(n).startswith("Exported to")), timeout=10)
    open_button = dialog is not None and button(dialog, "Open")
    screenshot("export-done.png")
    closed = False
    if done and open_button:
        h.press(button(dialog, "Close"))
        closed = h.wait_for(lambda: app.frame_named("Export Briefing") is None, timeout=5)
    tap.check(done and open_button and closed,
              "the dialog shows 'Exported to …' with Open, and Close closes it", app.diagnostics)


def print_to_file(app, printed):
    """Print… → Print to File → Print; whether @printed is a whole PDF."""
    h.press_menu_item(app.node, "Print…")
    print_dialog = h.wait_for(lambda: app.frame_named("Print"))
    if print_dialog is None:
        raise RuntimeError("the print dialog did not appear")
    printers = h.wait_for(lambda: h.find(print_dialog, lambda n: h.role_of(n) == "list"
                                         and h.supports(n, "Selection")
                                         and h.find(n, lambda m: h.name_of(m) == "Print to File")))
    if printers is None:
        raise RuntimeError("no printer list holding 'Print to File'")
    h.select_list_row(printers, "Print to File")
    file_button = h.wait_for(lambda: h.find(print_dialog, lambda n: h.role_of(n) == "push button"
                                            and h.name_of(n).endswith(".pdf")), timeout=5)
    h.diag(f"printing to {h.name_of(file_button) if file_button else '?'}")
    screenshot("print-dialog.png")
    h.press(button(print_dialog, "Print"))
    return h.wait_for(lambda: complete_pdf(printed), timeout=30)


def check_printed(tap, ok, exported, printed, tmp):
    """6. What prints is what exports."""
    problems = []
    if ok and SHOTS:
        shutil.copy(exported, os.path.join(SHOTS, "exported.pdf"))
        shutil.copy(printed, os.path.join(SHOTS, "printed.pdf"))
    if ok:
        a, b = pdf_pages(exported), pdf_pages(printed)
        if len(a) != len(b):
            problems.append(f"{len(b)} pages printed, {len(a)} exported")
        elif a != b:
            problems.append("the text differs:\n" + "\n".join(
                f"page {i + 1}" for i in range(len(a)) if a[i] != b[i]))
        problems += check_pdf(printed, True, tmp)
    else:
        problems.append("nothing printed")
    tap.check(not problems, "the printed PDF has the exported PDF's pages and text", "; ".join(problems))


def marked_run(tap, tmp):
    """1–7: a briefing with a marking, exported and printed; False when
    the application did not even appear."""
    exported = os.path.join(tmp, "marked.pdf")
    app = start([marked_project(tmp)], os.path.join(tmp, "marked"))
    try:
        # 1. The window appears.
        if not tap.check(app.node is not None, "the application window appears", app.diagnostics):
            return False

        # 2. The Export dialog writes the PDF chosen in the file chooser.
        dialog = None
        try:
            dialog = export_pdf(app, exported, shot="export-dialog.png")
            diagnostics = ""
        except Exception as e:
            diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
        tap.check(dialog is not None, "Export… → PDF document → Export → Save writes the PDF", diagnostics)

        check_export_done(tap, app, dialog)

        # 4. The exported PDF reads back.
        problems = check_pdf(exported, True, tmp) if dialog is not None else ["not exported"]
        tap.check(not problems, "the PDF has the marking on every page, 'Page 1 of', the events, ink",
                  "; ".join(problems))

        # 5. Print… → Print to File → Print writes output.pdf in the working folder.
        printed = os.path.join(app.cwd, "output.pdf")
        try:
            ok = print_to_file(app, printed)
            diagnostics = "" if ok else "nothing printed at " + printed
        except Exception as e:
            ok = False
            diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
        time.sleep(0.5)
        tap.check(ok, "Print… prints to a PDF file through the print dialog", diagnostics)

        check_printed(tap, ok, exported, printed, tmp)

        # 7. Quit.
        quit_ok, diagnostics = app.quit_through_menu()
        tap.check(quit_ok, "Quit ends the application cleanly", diagnostics)
        return True
    finally:
        app.stop()


def plain_run(tap, tmp):
    """8–12: the sample alone, without a marking."""
    plain = os.path.join(tmp, "plain.pdf")
    app = start([h.SAMPLE], os.path.join(tmp, "plain"))
    try:
        tap.check(app.node is not None, "the application starts again with the sample article",
                  app.diagnostics)
        dialog = None
        try:
            dialog = export_pdf(app, plain)
            diagnostics = ""
        except Exception as e:
            diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
        tap.check(dialog is not None, "the Export dialog writes the PDF of the sample", diagnostics)
        problems = check_pdf(plain, False, tmp) if dialog else ["not exported"]
        tap.check(not problems, "without a marking the PDF shows none, with the events", "; ".join(problems))
        # The main window's banner confirms too.
        banner = h.wait_for(lambda: h.find(h.main_frame(app.node), lambda n: h.role_of(n) == "label"
                                           and "Exported to" in h.text_of(n)), timeout=5)
        tap.check(banner is not None, "the window confirms the export", app.diagnostics)
        quit_ok, diagnostics = app.quit_through_menu()
        tap.check(quit_ok, "Quit ends the second run cleanly", diagnostics)
    finally:
        app.stop()


def main():
    if h.skip_missing([(h.APP, "the application"), (CLI, "briefing-cli"), (h.SAMPLE, "the sample")]):
        return 0
    for tool in ("pdftotext", "pdftoppm"):
        if shutil.which(tool) is None:
            print(f"1..0 # SKIP {tool} missing")
            return 0
    tap = h.Tap(planned=12)
    with h.e2e_run(tap, "briefing-print-") as tmp:
        if marked_run(tap, tmp):
            plain_run(tap, tmp)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
