# SPDX-License-Identifier: GPL-3.0-or-later
"""The AT-SPI helpers of every end-to-end test.

Starts the uninstalled application in a private home under the virtual
display of xvfb-run/dbus-run-session, finds it on the accessibility bus,
walks its tree, presses its controls and menus, and quits it through its
app.quit action, so that LeakSanitizer checks it at exit.  Imported by
every tests/e2e/test-*.py; run with Debian's /usr/bin/python3.
"""

import os
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
    def __init__(self):
        self.count = 0
        self.failed = False

    def check(self, ok, description, diagnostic=None):
        self.count += 1
        print(f"{'ok' if ok else 'not ok'} {self.count} - {description}", flush=True)
        if not ok:
            self.failed = True
            if diagnostic:
                self.diag(diagnostic)
        return ok

    def todo(self, ok, description, reason, diagnostic=None):
        """A known failure that is not ours (TAP TODO: reported, not fatal)."""
        self.count += 1
        print(f"{'ok' if ok else 'not ok'} {self.count} - {description} # TODO {reason}", flush=True)
        if not ok and diagnostic:
            self.diag(diagnostic)

    def skip(self, description, reason):
        self.count += 1
        print(f"ok {self.count} - {description} # SKIP {reason}", flush=True)

    @staticmethod
    def diag(message):
        for line in str(message).splitlines():
            print(f"# {line}", flush=True)

    def finish(self):
        print(f"1..{self.count}", flush=True)
        return 1 if self.failed else 0


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
    if "Action" not in (safe(lambda: node.get_interfaces(), []) or []):
        return []
    count = safe(lambda: Atspi.Action.get_n_actions(node), 0) or 0
    return [safe(lambda: Atspi.Action.get_name(node, i), "?") for i in range(count)]


def has_action(node):
    return len(action_names(node)) > 0


def text_of(node):
    if not supports(node, "Text"):
        return ""
    count = Atspi.Text.get_character_count(node)
    # An end offset of -1 gives an empty string on GTK 4.8.
    return Atspi.Text.get_text(node, 0, count)


def press(node):
    names = action_names(node)
    for wanted in ("click", "activate", "press", "toggle"):
        if wanted in names:
            return Atspi.Action.do_action(node, names.index(wanted))
    if names:
        return Atspi.Action.do_action(node, 0)
    raise RuntimeError(f"{role_of(node)} {name_of(node)!r} has no action")


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


_bus_launcher = None


def start_app(args=(), extra_env=None):
    """Starts the app in a scratch home; returns (process, scratch dir, log path)."""
    global _bus_launcher
    if _bus_launcher is None:
        _bus_launcher = start_accessibility_bus()
    scratch = tempfile.mkdtemp(prefix="briefing-e2e-")
    env = dict(os.environ)
    for var, sub in (("HOME", "home"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                     ("XDG_STATE_HOME", "state"), ("XDG_RUNTIME_DIR", "runtime")):
        path = os.path.join(scratch, sub)
        os.makedirs(path, mode=0o700, exist_ok=True)
        env[var] = path
    env["GSETTINGS_BACKEND"] = "memory"
    env.pop("GTK_A11Y", None)
    env["NO_AT_BRIDGE"] = "0"
    env.update(extra_env or {})
    log_path = os.path.join(scratch, "app.log")
    log = open(log_path, "w")
    proc = subprocess.Popen([APP, *args], env=env, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL)
    return proc, scratch, log_path


def find_app(names=("briefing", "briefing (development)")):
    desktop = Atspi.get_desktop(0)
    for app in children(desktop):
        if name_of(app).lower() in names:
            return app
    return None


def stop_bus():
    global _bus_launcher
    if _bus_launcher is not None and _bus_launcher.poll() is None:
        _bus_launcher.terminate()
        try:
            _bus_launcher.wait(timeout=5)
        except subprocess.TimeoutExpired:
            _bus_launcher.kill()
    _bus_launcher = None


def app_frames(app):
    # GTK 4.8 gives a GtkDialog the role "filler": take every toplevel.
    return list(children(app))


def main_frame(app, menu_name="Main Menu"):
    for frame in app_frames(app):
        if find(frame, lambda n: name_of(n) == menu_name):
            return frame
    return None


def press_menu_item(app, label, menu_name="Main Menu"):
    """Opens the primary menu with its button and presses the item @label."""
    frame = main_frame(app, menu_name)
    if frame is None:
        raise RuntimeError("main window not found")
    menu_button = find(frame, lambda n: name_of(n) == menu_name)
    target = menu_button if has_action(menu_button) else find(menu_button, has_action)
    if target is None:
        raise RuntimeError("the main menu button has no action")
    press(target)

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


def stop_app(proc, app=None):
    """Ends the app started by start_app through its quit action; returns
    its exit status (None when it had to be killed)."""
    return quit_app(proc, app)


def log_tail(log_path, lines=30):
    try:
        with open(log_path, encoding="utf-8", errors="replace") as handle:
            return "".join(handle.readlines()[-lines:])
    except OSError:
        return ""
