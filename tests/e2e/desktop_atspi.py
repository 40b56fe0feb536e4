# SPDX-License-Identifier: GPL-3.0-or-later
"""The AT-SPI helpers of every end-to-end test.

Starts the uninstalled application in a private home under the virtual
display of xvfb-run/dbus-run-session, finds it on the accessibility bus,
walks its tree, presses its controls and menus, and quits it through its
app.quit action, so that LeakSanitizer checks it at exit.  Imported by
every tests/e2e/test-*.py; run with Debian's /usr/bin/python3.

A script reports through a Tap, runs inside e2e_run() (the accessibility
bus and a scratch folder kept when a check failed), starts the application
as an App in a scratch home, and quits it through app.quit.
"""

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

# AT-SPI gives an application 800 ms to answer a call.  Built with
# AddressSanitizer (the CI's second run) the application takes longer to
# activate an event or open a dialog, and the call failed although the
# application did what was asked: wait as long as wait_for() does.
Atspi.set_timeout(20000, 30000)

BUILD_ROOT = os.environ.get("BRIEF_BUILD_ROOT", "")
SOURCE_ROOT = os.environ.get("BRIEF_SOURCE_ROOT", "")
APP = os.path.join(BUILD_ROOT, "src", "briefing")
SAMPLE = os.path.join(SOURCE_ROOT, "data", "samples", "riverside-flood-barrier.txt")


class Tap:
    """A TAP reporter.  With @planned the plan is printed first (plan())
    and a run with another number of checks fails; without, the plan
    follows the checks (finish())."""

    def __init__(self, planned=None):
        self.planned = planned
        self.count = 0
        self.failed = False

    def plan(self):
        if self.planned is not None:
            print(f"1..{self.planned}", flush=True)

    def check(self, ok, description, diagnostic=None):
        """Reports @ok; @diagnostic, a string or a function giving one (the
        tree dump is slow: only made for a failure), follows a failure."""
        self.count += 1
        print(f"{'ok' if ok else 'not ok'} {self.count} - {description}", flush=True)
        if not ok:
            self.failed = True
            if callable(diagnostic):
                diagnostic = diagnostic()
            if diagnostic:
                self.diag(diagnostic)
        return bool(ok)

    def todo(self, ok, description, reason, diagnostic=None):
        """A known failure that is not ours (TAP TODO: reported, not fatal)."""
        self.count += 1
        print(f"{'ok' if ok else 'not ok'} {self.count} - {description} # TODO {reason}", flush=True)
        if not ok and diagnostic:
            self.diag(diagnostic)

    def skip(self, description, reason):
        self.count += 1
        print(f"ok {self.count} - {description} # SKIP {reason}", flush=True)

    def skip_all(self, descriptions, reason):
        for description in descriptions:
            self.skip(description, reason)

    def fail(self, message):
        """A failure outside any check, such as an unclean exit."""
        self.failed = True
        self.diag(message)

    @staticmethod
    def diag(message):
        diag(message)

    @property
    def passed(self):
        return not self.failed and self.planned in (None, self.count)

    def finish(self):
        """Prints the plan when it comes last; returns the exit status."""
        if self.planned is None:
            print(f"1..{self.count}", flush=True)
        return 0 if self.passed else 1


def diag(message):
    """Prints @message as TAP diagnostics."""
    for line in str(message).splitlines():
        print(f"# {line}", flush=True)


def safe(fn, default=None):
    try:
        return fn()
    except Exception:  # a node that went away while we looked
        return default


def name_of(node):
    return safe(lambda: node.get_name(), "") or ""


def role_of(node):
    return safe(lambda: node.get_role_name(), "") or ""


def children(node):
    count = safe(lambda: node.get_child_count(), 0) or 0
    for i in range(count):
        child = safe(lambda: node.get_child_at_index(i))
        if child is not None:
            yield child


def walk(node, depth=0, max_depth=80):
    yield node, depth
    if depth < max_depth:
        for child in children(node):
            yield from walk(child, depth + 1, max_depth)


def find_all(root, predicate):
    return [n for n, _ in walk(root) if safe(lambda: predicate(n), False)]


def find(root, predicate):
    for node, _ in walk(root):
        if safe(lambda: predicate(node), False):
            return node
    return None


def supports(node, interface):
    return interface in (safe(lambda: node.get_interfaces(), []) or [])


def has_state(node, state):
    return bool(safe(lambda: node.get_state_set().contains(state), False))


def is_showing(node):
    return has_state(node, Atspi.StateType.SHOWING) or has_state(node, Atspi.StateType.VISIBLE)


def action_names(node):
    """The actions' names; GTK 4.8 names them after the widget's actions."""
    if not supports(node, "Action"):
        return []
    count = safe(lambda: Atspi.Action.get_n_actions(node), 0) or 0
    return [safe(lambda: Atspi.Action.get_action_name(node, i), "?") for i in range(count)]


def has_action(node):
    return len(action_names(node)) > 0


def text_of(node):
    if not supports(node, "Text"):
        return ""
    count = Atspi.Text.get_character_count(node)
    # An end offset of -1 gives an empty string on GTK 4.8.
    return Atspi.Text.get_text(node, 0, count)


def press(node, wanted=None):
    """Does the first of the actions @wanted that @node has; without
    @wanted, its first action (a button's click, a row's activate)."""
    names = action_names(node)
    if wanted is None and names:
        return Atspi.Action.do_action(node, 0)
    for name in wanted or ():
        if name in names:
            return Atspi.Action.do_action(node, names.index(name))
    raise RuntimeError(f"{role_of(node)} {name_of(node)!r} has no action among {wanted}: {names}")


def activate(node):
    """Timeline and event list rows: their own activate action selects them."""
    return press(node, ("activate", "event.activate", "click"))


def sensitive(node):
    return node is not None and has_state(node, Atspi.StateType.SENSITIVE)


def is_checked(node):
    return has_state(node, Atspi.StateType.CHECKED) or has_state(node, Atspi.StateType.PRESSED)


def description_of(node):
    return safe(lambda: node.get_description(), "") or ""


def clean(label):
    """A label without its mnemonic underscore; GTK 4.8 may name a button
    with a mnemonic "_Open Open"."""
    label = label.strip()
    if label.startswith("_") and " " in label:
        label = label.split(" ", 1)[1]
    return label.replace("_", "").strip()


def clean_label(name):
    return name.replace("_", "").replace("…", "...").strip()


def labelled(node, label):
    """GTK 4.8 names a button with a mnemonic "_Save Save": accept the
    mnemonic-free label, the last word of such a name, or a child label."""
    name = name_of(node)
    wanted = clean_label(label)
    if clean_label(name) == wanted:
        return True
    if name.startswith("_") and clean_label(name.split(" ", 1)[-1]) == wanted:
        return True
    return any(role_of(c) == "label" and clean_label(name_of(c)) == wanted for c in children(node))


BUTTON_ROLES = ("push button", "toggle button", "page tab")


def ends_with_label(node, label):
    """The accessible name is @label, or ends with it (GTK 4.8 may put the
    mnemonic label first)."""
    name = name_of(node)
    return name == label or name.endswith(" " + label)


def button(root, label, roles=BUTTON_ROLES, match=labelled, need_action=True):
    """The button under @root labelled @label: a sensitive one if any."""
    nodes = find_all(root, lambda n: role_of(n) in roles and match(n, label)
                     and (not need_action or has_action(n)))
    live = [n for n in nodes if sensitive(n)]
    return (live or nodes or [None])[0]


def sensitive_button(root, label, timeout=5, **how):
    """The button(root, label, **how) once it is sensitive, or None."""
    return wait_for(lambda: (lambda b: b if sensitive(b) else None)(button(root, label, **how)),
                    timeout=timeout)


def press_sensitive(root, label, timeout=5, **how):
    node = sensitive_button(root, label, timeout, **how)
    if node is None:
        raise RuntimeError(f"no sensitive {label!r} button")
    press(node)


# On a loaded machine, and built with AddressSanitizer, the application
# takes far longer than usual to appear on the bus: waits are long, and
# only a failing check waits to the end.
WAIT_SECONDS = 60.0

# A wait of a few seconds for a dialog or a row is plenty on an idle machine,
# too short beside a busy unit test, and far too short built with
# AddressSanitizer: every wait is stretched by this factor, twice by default,
# more in the sanitizer setup (tests/meson.build).
WAIT_SCALE = max(1.0, float(os.environ.get("BRIEF_E2E_WAIT_SCALE") or 2))


def wait_for(fn, timeout=WAIT_SECONDS, interval=0.2):
    """Calls @fn until it returns something true, for at most @timeout
    seconds (stretched by WAIT_SCALE); returns that, or None."""
    deadline = time.monotonic() + timeout * WAIT_SCALE
    while True:
        value = safe(fn)
        if value:
            return value
        if time.monotonic() >= deadline:
            return None
        time.sleep(interval)


def dump(node, out=None, max_depth=40):
    """The tree under @node, a line a node, with actions and telling states."""
    out = [] if out is None else out
    telling = (Atspi.StateType.SHOWING, Atspi.StateType.SENSITIVE,
               Atspi.StateType.FOCUSED, Atspi.StateType.SELECTED)
    for n, depth in walk(node, max_depth=max_depth):
        states = safe(lambda: n.get_state_set().get_states(), []) or []
        shown = [state.value_nick for state in states if state in telling]
        actions = action_names(n)
        out.append("  " * depth + f"[{role_of(n)}] {name_of(n)!r}"
                   + (f" actions={actions}" if actions else "")
                   + (f" {','.join(shown)}" if shown else ""))
    return out


def start_accessibility_bus():
    """Starts the accessibility bus with its output on stderr.

    Left to D-Bus activation, the bus and its registry inherit the session
    bus's stdout, which is the TAP stream, and print a line into it.
    Returns the launcher process, or None when it is not needed."""
    launcher = "/usr/libexec/at-spi-bus-launcher"
    try:
        from gi.repository import Gio, GLib

        session = Gio.bus_get_sync(Gio.BusType.SESSION, None)

        def has_owner():
            reply = session.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus",
                                      "org.freedesktop.DBus", "NameHasOwner",
                                      GLib.Variant("(s)", ("org.a11y.Bus",)),
                                      GLib.VariantType("(b)"), Gio.DBusCallFlags.NONE,
                                      -1, None)
            return reply.unpack()[0]

        if has_owner() or not os.path.exists(launcher):
            return None
        proc = subprocess.Popen([launcher, "--launch-immediately"],
                                stdout=sys.stderr, stderr=sys.stderr)
        wait_for(has_owner, timeout=10)
        return proc
    except Exception as error:  # fall back on activation
        print(f"# could not start the accessibility bus: {error}", flush=True)
        return None


def skip_missing(needed):
    """Prints a plan that skips the whole test when a file of @needed, a
    list of (path, what), is missing; returns whether it did."""
    for path, what in needed:
        if not os.path.exists(path):
            print(f"1..0 # SKIP {what} missing: {path}")
            return True
    return False


def stop_accessibility_bus(launcher):
    if launcher is not None and launcher.poll() is None:
        launcher.terminate()
        try:
            launcher.wait(timeout=5)
        except subprocess.TimeoutExpired:
            launcher.kill()


@contextlib.contextmanager
def e2e_run(tap, prefix="briefing-e2e-"):
    """Starts the accessibility bus, prints @tap's plan and gives a scratch
    folder; at the end stops the bus and removes the folder, unless a check
    failed: then it is kept for inspection."""
    launcher = start_accessibility_bus()
    # The registry prints a line when it starts: let that go to stderr too.
    safe(lambda: Atspi.get_desktop(0).get_child_count())
    tap.plan()
    scratch = tempfile.mkdtemp(prefix=prefix)
    try:
        yield scratch
    finally:
        stop_accessibility_bus(launcher)
        if tap.passed:
            shutil.rmtree(scratch, ignore_errors=True)
        else:
            tap.diag(f"kept {scratch} for inspection")


def scratch_env(home, extra_env=None):
    """The environment of an application with its own home, settings and
    runtime folders under @home, settings in memory, and AT-SPI on."""
    env = dict(os.environ)
    env.pop("GTK_A11Y", None)  # none/test would hide the app from AT-SPI
    for var, sub in (("HOME", "home"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                     ("XDG_STATE_HOME", "state"), ("XDG_RUNTIME_DIR", "runtime")):
        path = os.path.join(home, sub)
        os.makedirs(path, mode=0o700, exist_ok=True)
        env[var] = path
    env["GSETTINGS_BACKEND"] = "memory"
    env.setdefault("GSETTINGS_SCHEMA_DIR", os.path.join(BUILD_ROOT, "data"))
    env["NO_AT_BRIDGE"] = "0"
    env.update(extra_env or {})
    return env


def find_app(pid=None):
    """The application on the AT-SPI desktop; with @pid, that process's."""
    desktop = Atspi.get_desktop(0)
    for app in children(desktop):
        if name_of(app).lower().startswith("briefing") and \
                (pid is None or safe(lambda: app.get_process_id()) == pid):
            return app
    return None


# The sanitizer run (tests/meson.build, setup asandisplay) names here the
# AddressSanitizer options that check the application for leaks at exit:
# full stacks make it several times slower, so only the tests that ask for
# it (App(check_leaks=True)) pay for it.
LEAK_CHECK_OPTIONS = os.environ.get("BRIEF_E2E_LEAK_CHECK_ASAN_OPTIONS", "")


class App:
    """The application started with @args in a scratch home under @home
    (its working folder, where its log goes too), found on the bus.  With
    @check_leaks, in the sanitizer run, a leak makes it exit with an error."""

    def __init__(self, args, home, extra_env=None, check_leaks=False):
        os.makedirs(home, exist_ok=True)
        self.cwd = home
        self.env = scratch_env(home, extra_env)
        if check_leaks and LEAK_CHECK_OPTIONS:
            self.env["ASAN_OPTIONS"] = LEAK_CHECK_OPTIONS
        # Two runs may share a home: each its own log.
        runs = len([f for f in os.listdir(home) if f.endswith(".log")])
        self.log_path = os.path.join(home, f"briefing-{runs}.log")
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen([APP, *args], env=self.env, stdout=self.log,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     cwd=home)
        self.node = wait_for(lambda: find_app(self.proc.pid))

    def launch_again(self, args):
        """As a file manager does: a second launch hands @args to the first."""
        second = subprocess.run([APP, *args], env=self.env, stdout=self.log,
                                stderr=subprocess.STDOUT, cwd=self.cwd, timeout=30)
        if second.returncode != 0:
            raise RuntimeError(f"the second launch exited with {second.returncode}")

    def frame_named(self, name):
        return next((f for f in app_frames(self.node) if name_of(f) == name), None)

    def title(self):
        frame = main_frame(self.node)
        return name_of(frame) if frame is not None else ""

    def log_tail(self, lines=60):
        self.log.flush()
        return log_tail(self.log_path, lines)

    def diagnostics(self):
        """The tree, the end of the log and the exit status, for a failure."""
        if self.node is not None:
            lines = dump(self.node)
        else:
            lines = ["no application on the bus; on the desktop: "
                     + ", ".join(repr(name_of(a)) for a in children(Atspi.get_desktop(0)))]
        output = self.log_tail()
        if output.strip():
            lines += ["--- application output ---", *output.splitlines()]
        if self.proc.poll() is not None:
            lines.append(f"application exited with {self.proc.returncode}")
        return "\n".join(lines)

    def press_quitting(self, press_quit):
        """Calls @press_quit, a press that quits the application: it may
        leave the bus before it answers, which is no error."""
        try:
            press_quit()
        except Exception as e:
            if self.proc.poll() is None and "disconnected" not in str(e):
                raise

    def quit_through_menu(self):
        """Quit in the primary menu, answering Discard to unsaved work;
        returns (whether it ended cleanly, diagnostics)."""
        try:
            self.press_quitting(lambda: press_menu_item(self.node, "Quit"))
            status = quit_app(self.proc, self.node, activate=False)
            return status == 0, f"exit status {status}\n" + ("" if status == 0 else self.diagnostics())
        except Exception as e:
            return False, f"{type(e).__name__}: {e}\n" + self.diagnostics()

    def stop(self):
        """Ends the application if it still runs, through app.quit so that
        LeakSanitizer checks it; returns its exit status (None when it had
        to be killed)."""
        status = quit_app(self.proc, self.node)
        self.log.close()
        return status

    def check_running(self, tap, description="the application is still running"):
        tap.check(self.proc.poll() is None, description, self.diagnostics)

    def stop_checked(self, tap):
        """stop(); an unclean exit fails @tap's run."""
        status = self.stop()
        if status != 0:
            tap.fail(f"the application did not quit cleanly: exit status {status}")


def app_frames(app):
    # GTK 4.8 gives a GtkDialog the role "filler": take every toplevel.
    return list(children(app))


def main_frame(app, menu_name="Main Menu"):
    for frame in app_frames(app):
        if find(frame, lambda n: name_of(n) == menu_name):
            return frame
    return None


def press_menu_button(root, menu_name="Main Menu"):
    """Opens the menu of the menu button named @menu_name under @root."""
    menu_button = find(root, lambda n: clean(name_of(n)) == menu_name)
    if menu_button is None:
        raise RuntimeError(f"no {menu_name!r} button")
    target = menu_button if has_action(menu_button) else find(menu_button, has_action)
    if target is None:
        raise RuntimeError("the main menu button has no action")
    press(target)


def press_menu_item(app, label, menu_name="Main Menu"):
    """Opens the primary menu with its button and presses the item @label."""
    frame = main_frame(app, menu_name)
    if frame is None:
        raise RuntimeError("main window not found")
    press_menu_button(frame, menu_name)

    def item():
        items = find_all(app, lambda n: role_of(n) in ("menu item", "push button",
                                                       "check menu item")
                         and labelled(n, label) and has_action(n))
        showing = [n for n in items if safe(lambda: is_showing(n), False)]
        return (showing or items or [None])[0]

    node = wait_for(item, timeout=5)
    if node is None:
        raise RuntimeError(f"no showing menu item {label!r}")
    press(node)


def open_menu_item(app, prefix):
    """Opens the primary menu; returns its showing item whose name starts
    with @prefix ("Undo Hide Event"), or None."""
    press_menu_button(main_frame(app))
    return wait_for(lambda: next((n for n in find_all(app, lambda n: role_of(n) in ("menu item", "push button")
                                                      and name_of(n).replace("_", "").startswith(prefix)
                                                      and has_action(n))
                                  if safe(lambda: is_showing(n), False)), None), timeout=5)


def save_in_chooser(app, path, suffix):
    """In the file chooser that offers Save, types @path over the suggested
    name ending with @suffix, as a person would, and presses Save."""
    def chooser():
        for frame in app_frames(app):
            save = find(frame, lambda n: role_of(n) == "push button"
                        and labelled(n, "Save") and has_action(n))
            if save is not None:
                return frame, save
        return None

    found = wait_for(chooser)
    if found is None:
        raise RuntimeError("the save dialog did not appear")
    frame, save = found
    entry = wait_for(lambda: next((n for n in find_all(frame, lambda n: supports(n, "EditableText"))
                                   if text_of(n).endswith(suffix)), None), timeout=5)
    if entry is None:
        raise RuntimeError(f"no name entry holding a suggested {suffix!r} name")
    diag(f"suggested name: {text_of(entry)!r}")
    replace_text(entry, path)
    if not wait_for(lambda: text_of(entry) == path, timeout=3):
        raise RuntimeError(f"the name entry holds {text_of(entry)!r}")
    press(save)


def replace_text(entry, text):
    count = Atspi.Text.get_character_count(entry)
    if count:
        Atspi.EditableText.delete_text(entry, 0, count)
    Atspi.EditableText.insert_text(entry, 0, text, len(text.encode("utf-8")))


def select_list_row(list_node, label):
    """Selects the row named @label (or holding a node so named) in a list
    through AT-SPI's Selection, as a screen reader does."""
    rows = list(children(list_node))
    for i, row in enumerate(rows):
        if name_of(row) == label or find(row, lambda n: name_of(n) == label):
            return Atspi.Selection.select_child(list_node, i)
    raise RuntimeError(f"no row {label!r} among {[name_of(r) for r in rows]}")


def export_briefing(app, format_label, path, suffix, before_export=None):
    """Export… in the primary menu, @format_label in the Export dialog,
    Export, and @path in the file chooser; returns the Export dialog once
    the file is written."""
    press_menu_item(app.node, "Export…")
    dialog = wait_for(lambda: app.frame_named("Export Briefing"))
    if dialog is None:
        raise RuntimeError("the Export dialog did not appear")
    formats = wait_for(lambda: find(dialog, lambda n: role_of(n) == "list"
                                    and name_of(n) == "Format"))
    if formats is None:
        raise RuntimeError("no list named 'Format' in the Export dialog")
    select_list_row(formats, format_label)
    time.sleep(0.3)
    if before_export is not None:
        before_export()
    export = button(dialog, "Export", roles=("push button",))
    if export is None:
        raise RuntimeError("no 'Export' button in the Export dialog")
    press(export)
    save_in_chooser(app.node, path, suffix)
    if wait_for(lambda: os.path.exists(path) and os.path.getsize(path) > 0) is None:
        raise RuntimeError("nothing written at " + path)
    return dialog


def timeline_of(app):
    return find(app, lambda n: name_of(n) == "Timeline"
                and role_of(n) in ("list", "list box", "table", "tree"))


def timeline_items(timeline):
    return [n for n in children(timeline) if role_of(n) == "list item"] if timeline else []


def timeline_item(timeline, date):
    """The event of @timeline named "@date — title"."""
    return next((n for n in timeline_items(timeline) if name_of(n).startswith(date + " — ")), None)


def article_of(app):
    return find(app, lambda n: name_of(n) == "Article" and supports(n, "Text"))


def selection_text(article):
    """The text selected in the article view, or None."""
    if Atspi.Text.get_n_selections(article) < 1:
        return None
    span = Atspi.Text.get_selection(article, 0)
    return text_of(article)[span.start_offset:span.end_offset] or None


def wait_for_selection(article, needle, timeout=5):
    """The article's selection once it holds @needle, or None."""
    return wait_for(lambda: (lambda s: s if s and needle in s else None)(selection_text(article)),
                    timeout=timeout)


def screenshot(directory, name):
    """Saves the screen as @directory/@name.png when @directory is set."""
    if not directory or shutil.which("import") is None:
        return
    os.makedirs(directory, exist_ok=True)
    time.sleep(0.6)  # let revealers finish sliding
    if not name.endswith(".png"):
        name += ".png"
    subprocess.run(["import", "-window", "root", os.path.join(directory, name)],
                   stdout=sys.stderr, stderr=sys.stderr, check=False)


def activate_quit():
    """Activates app.quit, the action of the Quit menu item and Ctrl+Q,
    through the application's org.gtk.Actions interface on the session bus:
    the same action in every language.  Returns whether it was called."""
    from gi.repository import Gio, GLib

    try:
        session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        names = session.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus",
                                  "org.freedesktop.DBus", "ListNames", None,
                                  GLib.VariantType("(as)"), Gio.DBusCallFlags.NONE,
                                  -1, None).unpack()[0]
    except Exception as error:
        print(f"# could not list the session bus's names: {error}", flush=True)
        return False
    ours = [n for n in names if n.startswith("io.github.briefingdesk.Briefing")]
    for name in ours:
        try:
            session.call_sync(name, "/" + name.replace(".", "/"), "org.gtk.Actions", "Activate",
                              GLib.Variant("(sava{sv})", ("quit", [], {})),
                              None, Gio.DBusCallFlags.NONE, 30000, None)
        except Exception as error:  # it may end before it answers
            print(f"# app.quit: {error}", flush=True)
    return bool(ours)


DISCARD_LABELS = ("Discard", "Verwerfen", "Abandonner")


def quit_app(proc, app=None, timeout=60, activate=True):
    """Quits the app through app.quit (unless the test already chose Quit
    itself: @activate false), answers "Discard" when it asks about unsaved
    work, and waits for it to end (LeakSanitizer's check at exit takes a
    while).  Returns its exit status, or None when it had to be killed."""
    if proc.poll() is None and (not activate or activate_quit()):
        deadline = time.monotonic() + timeout
        while proc.poll() is None and time.monotonic() < deadline:
            for frame in (app_frames(app) if app is not None else []):
                answer = find(frame, lambda n: role_of(n) == "push button" and has_action(n)
                              and any(labelled(n, label) for label in DISCARD_LABELS))
                if answer is not None:
                    safe(lambda: press(answer))
            time.sleep(0.3)
        if proc.poll() is not None:
            return proc.returncode
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        return None
    return proc.returncode


def log_tail(log_path, lines=30):
    try:
        with open(log_path, encoding="utf-8", errors="replace") as handle:
            return "".join(handle.readlines()[-lines:])
    except OSError:
        return ""
