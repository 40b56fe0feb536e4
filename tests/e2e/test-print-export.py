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
    import gi

    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi
except (ImportError, ValueError) as e:
    print(f"1..0 # SKIP AT-SPI bindings missing: {e}")
    sys.exit(0)

import desktop_atspi as h  # noqa: E402  the AT-SPI helpers every end-to-end test shares

BUILD_ROOT = os.environ.get("BRIEF_BUILD_ROOT", "")
SOURCE_ROOT = os.environ.get("BRIEF_SOURCE_ROOT", "")
APP = os.path.join(BUILD_ROOT, "src", "briefing")
CLI = os.path.join(BUILD_ROOT, "src", "cli", "briefing-cli")
SAMPLE = os.path.join(SOURCE_ROOT, "data", "samples", "riverside-flood-barrier.txt")
SHOTS = os.environ.get("BRIEF_SCREENSHOT_DIR", "")

MARKING = "OFFICIAL-SENSITIVE"
EVENTS = ["March 2021", "Council approves the plans", "12 June 2022", "1998"]

_results = []
_planned = 12


def tap(ok, description, diagnostics=None):
    _results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(_results)} - {description}", flush=True)
    if not ok and diagnostics:
        h.diag(diagnostics)
    return ok


def screenshot(name):
    if not SHOTS or shutil.which("import") is None:
        return
    os.makedirs(SHOTS, exist_ok=True)
    subprocess.run(["import", "-window", "root", os.path.join(SHOTS, name)],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


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


def select_list_row(list_node, label):
    """Selects the row named @label in a list through AT-SPI's Selection."""
    rows = [c for c in h.children(list_node)]
    for i, row in enumerate(rows):
        if h.name_of(row) == label or h.find(row, lambda n: h.name_of(n) == label):
            return Atspi.Selection.select_child(list_node, i)
    raise RuntimeError(f"no row {label!r} among {[h.name_of(r) for r in rows]}")


def button(frame, label):
    return h.find(frame, lambda n: h.role_of(n) == "push button" and h.labelled(n, label)
                  and h.has_action(n))


class App:
    def __init__(self, args, tmp, name):
        self.tmp = tmp
        env = dict(os.environ)
        env.pop("GTK_A11Y", None)
        for var, sub in (("HOME", "home"), ("XDG_CONFIG_HOME", "config"),
                         ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                         ("XDG_STATE_HOME", "state"), ("XDG_RUNTIME_DIR", "runtime")):
            path = os.path.join(tmp, name, sub)
            os.makedirs(path, mode=0o700, exist_ok=True)
            env[var] = path
        env["GSETTINGS_BACKEND"] = "memory"
        env.setdefault("GSETTINGS_SCHEMA_DIR", os.path.join(BUILD_ROOT, "data"))
        self.cwd = os.path.join(tmp, name)
        self.log_path = os.path.join(tmp, name + ".log")
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen([APP] + args, env=env, stdout=self.log,
                                     stderr=subprocess.STDOUT, cwd=self.cwd)
        self.app = h.wait_for(lambda: self.find_mine())
        if self.app is not None:
            h.wait_for(lambda: h.main_frame(self.app))

    def find_mine(self):
        desktop = Atspi.get_desktop(0)
        for app in h.children(desktop):
            if h.name_of(app).lower().startswith("briefing") and \
                    h.safe(lambda: app.get_process_id()) == self.proc.pid:
                return app
        return None

    def diagnostics(self):
        lines = []
        if self.app is not None:
            lines += h.dump(self.app)
        self.log.flush()
        with open(self.log_path, "rb") as f:
            lines += f.read().decode("utf-8", "replace").splitlines()[-40:]
        return "\n".join(lines)

    def frame_named(self, name):
        for frame in h.app_frames(self.app):
            if h.name_of(frame) == name:
                return frame
        return None

    def export_pdf(self, path, shot=None):
        """Export… → PDF document → Export → the chooser → Save; returns the dialog."""
        h.press_menu_item(self.app, "Export…")
        dialog = h.wait_for(lambda: self.frame_named("Export Briefing"))
        if dialog is None:
            raise RuntimeError("the Export dialog did not appear")
        formats = h.wait_for(lambda: h.find(dialog, lambda n: h.role_of(n) == "list"
                                            and h.name_of(n) == "Format"))
        if formats is None:
            raise RuntimeError("no list named 'Format' in the Export dialog")
        select_list_row(formats, "PDF document")
        time.sleep(0.3)
        if shot:
            screenshot(shot)
        export = button(dialog, "Export")
        if export is None:
            raise RuntimeError("no 'Export' button")
        h.press(export)

        def chooser():
            for frame in h.app_frames(self.app):
                save = button(frame, "Save")
                if save is not None:
                    return frame, save
            return None

        found = h.wait_for(chooser)
        if found is None:
            raise RuntimeError("the file chooser did not appear")
        frame, save = found
        entry = h.wait_for(lambda: next((n for n in h.find_all(frame, lambda n: h.supports(n, "EditableText"))
                                         if h.text_of(n).endswith(".pdf")), None), timeout=5)
        if entry is None:
            raise RuntimeError("no name field holding a suggested '.pdf' name")
        h.diag(f"suggested name: {h.text_of(entry)!r}")
        Atspi.EditableText.delete_text(entry, 0, Atspi.Text.get_character_count(entry))
        Atspi.EditableText.insert_text(entry, 0, path, len(path.encode("utf-8")))
        if not h.wait_for(lambda: h.text_of(entry) == path, timeout=3):
            raise RuntimeError(f"the name field holds {h.text_of(entry)!r}")
        h.press(save)
        if h.wait_for(lambda: os.path.exists(path) and os.path.getsize(path) > 0) is None:
            raise RuntimeError("nothing written at " + path)
        return dialog

    def quit(self):
        try:
            try:
                h.press_menu_item(self.app, "Quit")
            except Exception as e:
                # The application may leave the bus before it answers the click.
                if self.proc.poll() is None and "disconnected" not in str(e):
                    raise
            status = h.quit_app(self.proc, self.app, activate=False)
            return status == 0, f"exit status {status}"
        except Exception as e:
            return False, f"{type(e).__name__}: {e}\n" + self.diagnostics()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


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


def main():
    for path, what in ((APP, "the application"), (CLI, "briefing-cli"), (SAMPLE, "the sample")):
        if not os.path.exists(path):
            print(f"1..0 # SKIP {what} missing: {path}")
            return 0
    for tool in ("pdftotext", "pdftoppm"):
        if shutil.which(tool) is None:
            print(f"1..0 # SKIP {tool} missing")
            return 0

    a11y_bus = h.start_accessibility_bus()
    Atspi.get_desktop(0).get_child_count()
    print(f"1..{_planned}", flush=True)

    tmp = tempfile.mkdtemp(prefix="briefing-print-")
    # A project with a handling marking, made from the sample by the CLI.
    project = os.path.join(tmp, "marked.briefing")
    subprocess.run([CLI, "export", "--to", project, SAMPLE], check=True, capture_output=True)
    with open(project, encoding="utf-8") as f:
        data = json.load(f)
    data["marking"] = MARKING
    with open(project, "w", encoding="utf-8") as f:
        json.dump(data, f)

    exported = os.path.join(tmp, "marked.pdf")
    app = App([project], tmp, "marked")
    try:
        # 1. The window appears.
        if not tap(app.app is not None, "the application window appears", app.diagnostics()):
            return 1

        # 2. The Export dialog writes the PDF chosen in the file chooser.
        dialog = None
        try:
            dialog = app.export_pdf(exported, shot="export-dialog.png")
            diagnostics = ""
        except Exception as e:
            diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
        tap(dialog is not None, "Export… → PDF document → Export → Save writes the PDF", diagnostics)

        # 3. The dialog says where, offers Open, and closes.
        done = dialog is not None and h.wait_for(
            lambda: h.find(dialog, lambda n: h.role_of(n) == "label"
                           and h.name_of(n).startswith("Exported to")), timeout=10)
        open_button = dialog is not None and button(dialog, "Open")
        screenshot("export-done.png")
        closed = False
        if done and open_button:
            h.press(button(dialog, "Close"))
            closed = h.wait_for(lambda: app.frame_named("Export Briefing") is None, timeout=5)
        tap(bool(done and open_button and closed),
            "the dialog shows 'Exported to …' with Open, and Close closes it", app.diagnostics())

        # 4. The exported PDF reads back.
        problems = check_pdf(exported, True, tmp) if dialog is not None else ["not exported"]
        tap(not problems, "the PDF has the marking on every page, 'Page 1 of', the events, ink",
            "; ".join(problems))

        # 5. Print… → Print to File → Print writes output.pdf in the working folder.
        printed = os.path.join(app.cwd, "output.pdf")
        try:
            h.press_menu_item(app.app, "Print…")
            print_dialog = h.wait_for(lambda: app.frame_named("Print"))
            if print_dialog is None:
                raise RuntimeError("the print dialog did not appear")
            printers = h.wait_for(lambda: h.find(print_dialog, lambda n: h.role_of(n) == "list"
                                                 and h.supports(n, "Selection")
                                                 and h.find(n, lambda m: h.name_of(m) == "Print to File")))
            if printers is None:
                raise RuntimeError("no printer list holding 'Print to File'")
            select_list_row(printers, "Print to File")
            file_button = h.wait_for(lambda: h.find(print_dialog, lambda n: h.role_of(n) == "push button"
                                                    and h.name_of(n).endswith(".pdf")), timeout=5)
            h.diag(f"printing to {h.name_of(file_button) if file_button else '?'}")
            screenshot("print-dialog.png")
            h.press(button(print_dialog, "Print"))
            ok = h.wait_for(lambda: complete_pdf(printed), timeout=30)
            diagnostics = "" if ok else "nothing printed at " + printed
        except Exception as e:
            ok = False
            diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
        time.sleep(0.5)
        tap(bool(ok), "Print… prints to a PDF file through the print dialog", diagnostics)

        # 6. What prints is what exports.
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
        tap(not problems, "the printed PDF has the exported PDF's pages and text", "; ".join(problems))

        # 7. Quit.
        quit_ok, diagnostics = app.quit()
        tap(quit_ok, "Quit ends the application cleanly", diagnostics)
    finally:
        app.stop()

    # Without a marking.
    plain = os.path.join(tmp, "plain.pdf")
    app = App([SAMPLE], tmp, "plain")
    try:
        tap(app.app is not None, "the application starts again with the sample article",
            app.diagnostics())
        dialog = None
        try:
            dialog = app.export_pdf(plain)
            diagnostics = ""
        except Exception as e:
            diagnostics = f"{type(e).__name__}: {e}\n" + app.diagnostics()
        tap(dialog is not None, "the Export dialog writes the PDF of the sample", diagnostics)
        problems = check_pdf(plain, False, tmp) if dialog else ["not exported"]
        tap(not problems, "without a marking the PDF shows none, with the events", "; ".join(problems))
        # The main window's banner confirms too.
        banner = h.wait_for(lambda: h.find(h.main_frame(app.app), lambda n: h.role_of(n) == "label"
                                           and "Exported to" in h.text_of(n)), timeout=5)
        tap(banner is not None, "the window confirms the export", app.diagnostics())
        quit_ok, diagnostics = app.quit()
        tap(quit_ok, "Quit ends the second run cleanly", diagnostics)
    finally:
        app.stop()
        if a11y_bus is not None and a11y_bus.poll() is None:
            a11y_bus.terminate()
            try:
                a11y_bus.wait(timeout=5)
            except subprocess.TimeoutExpired:
                a11y_bus.kill()
        if all(_results) and len(_results) == _planned:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            h.diag(f"kept {tmp} for inspection")

    return 0 if all(_results) and len(_results) == _planned else 1


if __name__ == "__main__":
    sys.exit(main())
