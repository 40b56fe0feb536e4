#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Starts Briefing in German and finds German labels through AT-SPI.

LANGUAGE=de selects the translation; LC_ALL is de_DE.UTF-8 when that locale
is generated, C.UTF-8 otherwise (gettext honours LANGUAGE under C.UTF-8, not
under C).  The build's translations are used through BRIEF_LOCALEDIR.  Checks
the header bar's Open button, the main menu, the empty page, a date written
with the German format, and that the French translation loads too.  Speaks TAP.
"""

import os
import re
import subprocess
import sys

try:
    import desktop_atspi as ui
except (ImportError, ValueError) as error:
    print(f"1..0 # SKIP AT-SPI bindings missing: {error}")
    sys.exit(0)


def available_locale(wanted):
    try:
        names = subprocess.run(["locale", "-a"], stdout=subprocess.PIPE, text=True).stdout.split()
    except OSError:
        return None
    normal = {n.lower().replace("-", ""): n for n in names}
    return normal.get(wanted.lower().replace("-", ""))


def run_language(tap, tmp, lang, expectations, sample):
    locale = available_locale(f"{lang}_{lang.upper()}.utf8") or "C.UTF-8"
    tap.diag(f"{lang}: LANGUAGE={lang} LC_ALL={locale}")
    args = [ui.SAMPLE] if sample else []
    run = ui.App(args, os.path.join(tmp, f"{lang}-{'sample' if sample else 'empty'}"),
                 {"LANGUAGE": lang, "LC_ALL": locale, "LANG": locale})
    app = run.node
    try:
        if not tap.check(app is not None, f"{lang}: the application appears on the accessibility bus",
                         run.log_tail):
            return

        def window():
            for frame in ui.children(app):
                if ui.find(frame, lambda n: ui.role_of(n) == "push button"
                           and ui.clean(ui.name_of(n)).rstrip("…") == expectations["open"]):
                    return frame
            return None

        frame = ui.wait_for(window, timeout=20)
        tap.check(frame is not None,
                  f"{lang}: the window has the button “{expectations['open']}”",
                  "\n".join(ui.dump(app)[:120]))
        if frame is None:
            return

        names = {ui.clean(ui.name_of(n)) for n, _ in ui.walk(frame)}
        menu = expectations["menu"]
        tap.check(menu in names, f"{lang}: the main menu button is called “{menu}”")

        if not sample:
            empty = expectations["empty"]
            tap.check(any(empty in n for n in names), f"{lang}: the empty page says “{empty}”")

        # Open the main menu and read its items.
        try:
            ui.press_menu_button(frame, menu)
        except Exception as error:  # reported by the check below
            tap.diag(f"could not open the menu: {error}")

        def menu_items():
            items = {ui.clean(ui.name_of(n)) for n in ui.find_all(
                app, lambda n: ui.role_of(n) in ("menu item", "check menu item", "push button",
                                                 "radio menu item")
                and ui.is_showing(n))}
            return items if expectations["items"][0] in items else None

        items = ui.wait_for(menu_items, timeout=10) or set()
        for item in expectations["items"]:
            tap.check(item in items, f"{lang}: the main menu has “{item}”",
                      f"items: {sorted(items)}")

        if sample:
            # A date in the event list or timeline, written with the
            # translated format (German: "12. June 2022"; the month name comes
            # from LC_TIME, English under C.UTF-8).
            pattern = re.compile(expectations["date"])

            def dated():
                return [ui.name_of(n) for n, _ in ui.walk(frame)
                        if pattern.search(ui.name_of(n)) or
                        (ui.role_of(n) in ("label", "table cell") and
                         pattern.search(ui.safe(lambda: ui.text_of(n), "") or ""))]

            found = ui.wait_for(dated, timeout=15)
            if tap.check(bool(found), f"{lang}: dates use the translated format",
                         "no label matches " + expectations["date"]):
                tap.diag(f"for example {found[0]!r}")
    finally:
        status = run.stop()
        tap.check(status == 0, f"{lang}: the application quits cleanly through app.quit",
                  f"exit status {status}\n" + ui.log_tail(run.log_path))


def run_languages(tap, tmp):
    run_language(tap, tmp, "de", {
        "open": "Öffnen",
        "menu": "Hauptmenü",
        "empty": "Öffnen Sie einen Artikel oder legen Sie ihn hier ab",
        "items": ["Neues Fenster", "Öffnen…", "Speichern", "Exportieren…", "Tastenkürzel",
                  "Info zu Briefing", "Beenden"],
    }, sample=False)
    run_language(tap, tmp, "de", {
        "open": "Öffnen",
        "menu": "Hauptmenü",
        "items": ["Neues Fenster", "Beenden"],
        "date": r"\b\d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ \d{4}\b",
    }, sample=True)
    run_language(tap, tmp, "fr", {
        "open": "Ouvrir",
        "menu": "Menu principal",
        "empty": "Ouvrez un article ou déposez-le ici",
        "items": ["Nouvelle fenêtre", "Quitter"],
    }, sample=False)


def main():
    tap = ui.Tap()
    if ui.skip_missing([(ui.APP, "the application")]):
        return 0
    mo = os.path.join(os.environ.get("BRIEF_LOCALEDIR", ""), "de", "LC_MESSAGES", "briefing.mo")
    if not tap.check(os.path.exists(mo), "the German catalogue is built", mo):
        return tap.finish()
    with ui.e2e_run(tap, "briefing-locale-e2e-") as tmp:
        run_languages(tap, tmp)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
