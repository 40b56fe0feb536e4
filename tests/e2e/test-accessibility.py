#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Walks Briefing's accessibility tree and fails on unnamed controls.

Starts the app on the sample article, walks the main window, then opens the
main menu, the About dialog and the Open dialog (GtkFileChooserNative shows
GTK's own dialog when no portal runs) and walks those.  Every push button,
toggle button, menu button, check box, entry, editable text and menu item
that is showing must have an accessible name (its label, accessible label
or labelled-by relation); GTK's fallback of the widget's type name, such as
"GtkToggleButton", does not count.  Speaks TAP.
"""

import os
import re
import sys

try:
    import desktop_atspi as ui
    from desktop_atspi import Atspi
except (ImportError, ValueError) as error:
    print(f"1..0 # SKIP AT-SPI bindings missing: {error}")
    sys.exit(0)

CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button", "spin button",
    "combo box", "entry", "password text", "menu item", "check menu item",
    "radio menu item", "slider", "link",
}


def is_control(node):
    role = ui.role_of(node)
    if role in CONTROL_ROLES:
        return True
    # Editable text (GtkTextView, GtkText inside an entry).
    return role in ("text", "paragraph", "document text") and \
        ui.has_state(node, Atspi.StateType.EDITABLE)


def is_type_name(name):
    """GTK 4.8 falls back on the widget's type name ("GtkToggleButton"),
    which tells a screen-reader user nothing: count it as no name."""
    return re.fullmatch(r"Gtk[A-Z][A-Za-z]+|Brief[A-Z][A-Za-z]+", name) is not None


def inside_named_combo_box(node):
    """The button inside a GtkDropDown is GTK's own part of a combo box that
    carries the name; screen readers present the combo box."""
    parent = ui.safe(lambda: node.get_parent())
    for _ in range(3):
        if parent is None:
            return False
        if ui.role_of(parent) == "combo box":
            name = ui.name_of(parent).strip()
            return bool(name) and not is_type_name(name)
        parent = ui.safe(lambda: parent.get_parent())
    return False


def accessible_name(node):
    name = ui.name_of(node).strip()
    if name and not is_type_name(name):
        return name
    if name and inside_named_combo_box(node):
        return name
    # A labelled-by relation names the control too.
    relations = ui.safe(lambda: node.get_relation_set(), []) or []
    for relation in relations:
        if relation.get_relation_type() == Atspi.RelationType.LABELLED_BY:
            for i in range(relation.get_n_targets()):
                target_name = ui.name_of(relation.get_target(i)).strip()
                if target_name and not is_type_name(target_name):
                    return target_name
    return ""


def path_to(node):
    parts = []
    current = node
    for _ in range(12):
        if current is None:
            break
        parts.append(f"{ui.role_of(current)}:{ui.name_of(current)!r}")
        current = ui.safe(lambda: current.get_parent())
    return " < ".join(parts)


def inside_gtk_file_chooser(node):
    current = ui.safe(lambda: node.get_parent())
    for _ in range(60):
        if current is None:
            return False
        if ui.name_of(current) == "GtkFileChooserWidget":
            return True
        current = ui.safe(lambda: current.get_parent())
    return False


def unnamed_controls(root, showing_only=True):
    bad = []
    seen = 0
    for node, _ in ui.walk(root):
        if not is_control(node):
            continue
        if showing_only and not ui.is_showing(node):
            continue
        seen += 1
        if not accessible_name(node):
            bad.append(path_to(node))
    return seen, bad


def unnamed_nodes(root):
    return [n for n, _ in ui.walk(root)
            if is_control(n) and ui.is_showing(n) and not accessible_name(n)]


def check_tree(tap, root, what):
    seen, bad = unnamed_controls(root)
    tap.check(seen > 0, f"{what}: has controls to check ({seen})")
    tap.check(not bad, f"{what}: every control has an accessible name",
              "unnamed:\n" + "\n".join(bad[:40]))


def check_app(tap, tmp):
    run = ui.App([ui.SAMPLE], tmp, {"LANGUAGE": "en", "LC_ALL": "C.UTF-8"})
    app = run.node
    try:
        if not tap.check(app is not None, "the application appears on the accessibility bus",
                         run.log_tail):
            return

        window = ui.wait_for(lambda: ui.main_frame(app), timeout=20)
        if not tap.check(window is not None, "the main window is found",
                         lambda: "\n".join(ui.dump(app)[:100])):
            return
        # Let the article load and the timeline fill.
        ui.wait_for(lambda: ui.find(window, lambda n: "2021" in ui.name_of(n)), timeout=15)
        check_tree(tap, window, "main window with an article")

        # The main menu.
        ui.press_menu_button(window)

        def open_menu():
            items = ui.find_all(app, lambda n: ui.role_of(n) == "menu item" and ui.is_showing(n))
            return items or None

        items = ui.wait_for(open_menu, timeout=10) or []
        tap.check(bool(items), "the main menu opens", "\n".join(ui.dump(window)[:80]))
        seen, bad = 0, []
        for frame in ui.app_frames(app):
            s, b = unnamed_controls(frame)
            seen, bad = seen + s, bad + b
        tap.check(not bad, f"main menu: every item and control has a name ({seen} checked)",
                  "unnamed:\n" + "\n".join(bad[:40]))

        # The About dialog, from the menu.
        about = next((i for i in items if ui.clean(ui.name_of(i)) == "About Briefing"), None)
        if about is None:
            tap.skip("About dialog: every control has a name", "no About item in the menu")
        else:
            ui.press(about)

            def about_dialog():
                for frame in ui.app_frames(app):
                    if ui.find(frame, lambda n: "0.1" in ui.name_of(n) or
                               ui.name_of(n) in ("Credits", "About")):
                        if frame is not None and ui.find(frame, lambda n: ui.name_of(n) == "Main Menu") is None:
                            return frame
                return None

            dialog = ui.wait_for(about_dialog, timeout=10)
            if tap.check(dialog is not None, "the About dialog opens",
                         "\n".join(sum((ui.dump(f, max_depth=6) for f in ui.app_frames(app)), [])[:80])):
                check_tree(tap, dialog, "About dialog")
                close = ui.find(dialog, lambda n: ui.role_of(n) == "push button"
                                and ui.name_of(n) in ("Close", "_Close"))
                if close is not None:
                    ui.safe(lambda: ui.press(close))

        # The Preferences window, through the application's D-Bus actions
        # (app.preferences, Ctrl+comma).
        try:
            from gi.repository import Gio

            bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
            app_id = os.environ.get("BRIEF_APP_ID", "io.github.briefingdesk.Briefing")
            actions = Gio.DBusActionGroup.get(bus, app_id, "/" + app_id.replace(".", "/"))
            actions.activate_action("preferences", None)
            bus.flush_sync(None)
            opened = True
        except Exception as error:  # reported below
            tap.diag(f"could not activate app.preferences: {error}")
            opened = False

        def preferences():
            for frame in ui.app_frames(app):
                if ui.name_of(frame) == "Preferences":
                    return frame
            return None

        dialog = ui.wait_for(preferences, timeout=10) if opened else None
        if tap.check(dialog is not None, "the Preferences window opens",
                     "\n".join(ui.name_of(f) for f in ui.app_frames(app))):
            check_tree(tap, dialog, "Preferences window")
            names = {ui.clean(ui.name_of(n)) for n, _ in ui.walk(dialog)}
            for wanted in ("Author", "Handling marking", "Export format", "Paper size", "Style"):
                tap.check(wanted in names, f"Preferences window: a control is named “{wanted}”")
            close = ui.find(dialog, lambda n: ui.role_of(n) == "push button"
                            and ui.name_of(n) == "Close")
            if close is not None:
                ui.safe(lambda: ui.press(close))

        # The Open dialog (GTK's file chooser without a portal).
        open_button = ui.find(window, lambda n: ui.role_of(n) == "push button"
                              and ui.clean(ui.name_of(n)).rstrip("…") == "Open")
        if open_button is None:
            tap.skip("Open dialog: every control has a name", "no Open button")
        else:
            ui.press(open_button)

            def chooser():
                for frame in ui.app_frames(app):
                    if ui.name_of(frame) == "Open Articles" or \
                            ui.find(frame, lambda n: ui.role_of(n) == "table" or
                                    ui.name_of(n) == "Open Articles", ):
                        if ui.find(frame, lambda n: ui.name_of(n) == "Main Menu") is None:
                            return frame
                return None

            dialog = ui.wait_for(chooser, timeout=10)
            if tap.check(dialog is not None, "the Open dialog opens"):
                seen, bad = unnamed_controls(dialog)
                # GTK 4.8's own GtkFileChooserWidget (shown when no portal
                # runs; a sandbox gets the portal's chooser) leaves its path
                # bar, search entry and filter unnamed: reported, not fatal.
                ours = [path_to(n) for n in unnamed_nodes(dialog) if not inside_gtk_file_chooser(n)]
                tap.check(seen > 0 and not ours,
                          f"Open dialog: Briefing's controls have accessible names ({seen} checked)",
                          "unnamed:\n" + "\n".join(ours[:40]))
                tap.todo(not bad, "Open dialog: GTK's file chooser names its own controls",
                         "GTK 4.8 GtkFileChooserWidget", "unnamed:\n" + "\n".join(bad[:12]))
                cancel = ui.find(dialog, lambda n: ui.role_of(n) == "push button"
                                 and ui.clean(ui.name_of(n)) == "Cancel")
                if cancel is not None:
                    ui.safe(lambda: ui.press(cancel))
    finally:
        status = run.stop()
        tap.check(status == 0, "the application quits cleanly through app.quit",
                  f"exit status {status}\n" + ui.log_tail(run.log_path))


def main():
    if ui.skip_missing([(ui.APP, "the application")]):
        return 0
    tap = ui.Tap()
    with ui.e2e_run(tap, "briefing-a11y-e2e-") as tmp:
        check_app(tap, tmp)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
