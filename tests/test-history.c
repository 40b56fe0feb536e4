/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "brief-briefing.h"

static BriefEvent *
make_event (const char *value,
            const char *title)
{
  BriefDate date;

  g_assert_true (brief_date_parse_value (value, &date));
  return brief_event_new (&date, value, title, NULL);
}

static void
test_property_edits (void)
{
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  g_autoptr(BriefEvent) event = make_event ("2019-04", "Kim and Putin meet");
  BriefHistory *history = brief_briefing_get_history (briefing);
  guint n_changed = 0;

  g_signal_connect_swapped (briefing, "changed", G_CALLBACK (g_atomic_int_inc), &n_changed);
  brief_briefing_add_event (briefing, event);
  brief_briefing_edit_event_state (briefing, event, BRIEF_EVENT_STATE_HIDDEN);
  brief_briefing_edit_event_starred (briefing, event, TRUE);
  brief_briefing_edit_event_title (briefing, event, "First Kim–Putin summit");
  g_assert_cmpuint (n_changed, ==, 4);
  g_assert_true (brief_briefing_get_modified (briefing));
  g_assert_cmpstr (brief_history_get_undo_label (history), ==, "Edit Event Title");

  g_assert_true (brief_history_undo (history));
  g_assert_cmpstr (brief_event_get_title (event), ==, "Kim and Putin meet");
  g_assert_true (brief_history_undo (history));
  g_assert_false (brief_event_get_starred (event));
  g_assert_true (brief_history_undo (history));
  g_assert_cmpint (brief_event_get_state (event), ==, BRIEF_EVENT_STATE_SUGGESTED);
  g_assert_true (brief_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (brief_briefing_get_events (briefing)), ==, 0);
  g_assert_false (brief_history_get_can_undo (history));
  g_assert_false (brief_history_undo (history));

  g_assert_true (brief_history_redo (history));
  g_assert_true (brief_history_redo (history));
  g_assert_cmpuint (g_list_model_get_n_items (brief_briefing_get_events (briefing)), ==, 1);
  g_assert_cmpint (brief_event_get_state (event), ==, BRIEF_EVENT_STATE_HIDDEN);
  g_assert_true (brief_history_get_can_redo (history));

  /* A new edit drops the undone future. */
  brief_briefing_edit_event_state (briefing, event, BRIEF_EVENT_STATE_ACCEPTED);
  g_assert_false (brief_history_get_can_redo (history));
  g_assert_cmpuint (n_changed, ==, 11);
}

static void
test_no_op_edits (void)
{
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  g_autoptr(BriefEvent) event = make_event ("2020-01", "Borders close");
  BriefHistory *history = brief_briefing_get_history (briefing);

  brief_briefing_edit_event_state (briefing, event, BRIEF_EVENT_STATE_SUGGESTED);
  brief_briefing_edit_text (briefing, "notes", NULL);
  brief_briefing_edit_text (briefing, "author", "");
  g_assert_false (brief_history_get_can_undo (history));
  g_assert_false (brief_briefing_get_modified (briefing));
}

static void
test_groups (void)
{
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  g_autoptr(BriefEvent) first = make_event ("2019-02", "Diplomacy collapses");
  g_autoptr(BriefEvent) second = make_event ("2019-04", "Kim and Putin meet");
  BriefHistory *history = brief_briefing_get_history (briefing);

  brief_briefing_add_event (briefing, first);
  brief_briefing_add_event (briefing, second);

  /* A bulk action on a multi-selection is one step. */
  brief_history_begin_group (history, "Hide Events");
  brief_briefing_edit_event_state (briefing, first, BRIEF_EVENT_STATE_HIDDEN);
  brief_history_begin_group (history, "nested");
  brief_briefing_edit_event_state (briefing, second, BRIEF_EVENT_STATE_HIDDEN);
  brief_history_end_group (history);
  brief_history_end_group (history);
  g_assert_cmpstr (brief_history_get_undo_label (history), ==, "Hide Events");

  g_assert_true (brief_history_undo (history));
  g_assert_cmpint (brief_event_get_state (first), ==, BRIEF_EVENT_STATE_SUGGESTED);
  g_assert_cmpint (brief_event_get_state (second), ==, BRIEF_EVENT_STATE_SUGGESTED);
  g_assert_true (brief_history_redo (history));
  g_assert_cmpint (brief_event_get_state (first), ==, BRIEF_EVENT_STATE_HIDDEN);
  g_assert_cmpint (brief_event_get_state (second), ==, BRIEF_EVENT_STATE_HIDDEN);

  /* An empty group leaves no step behind. */
  brief_history_begin_group (history, "Nothing");
  brief_history_end_group (history);
  g_assert_cmpstr (brief_history_get_undo_label (history), ==, "Hide Events");
}

static void
test_typing_merges (void)
{
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  BriefHistory *history = brief_briefing_get_history (briefing);

  brief_briefing_edit_text (briefing, "notes", "K");
  brief_briefing_edit_text (briefing, "notes", "Ke");
  brief_briefing_edit_text (briefing, "notes", "Key points");
  brief_briefing_edit_text (briefing, "author", "A. Analyst");

  g_assert_true (brief_history_undo (history));
  g_assert_null (brief_briefing_get_author (briefing));
  g_assert_cmpstr (brief_briefing_get_notes (briefing), ==, "Key points");

  /* The typing was one step: undo empties the notes, redo restores them all. */
  g_assert_true (brief_history_undo (history));
  g_assert_null (brief_briefing_get_notes (briefing));
  g_assert_false (brief_history_get_can_undo (history));
  g_assert_true (brief_history_redo (history));
  g_assert_cmpstr (brief_briefing_get_notes (briefing), ==, "Key points");
}

static void
test_notify_can_undo (void)
{
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  BriefHistory *history = brief_briefing_get_history (briefing);
  guint n_notified = 0;

  g_signal_connect_swapped (history, "notify::can-undo", G_CALLBACK (g_atomic_int_inc), &n_notified);
  brief_briefing_edit_text (briefing, "title", "Korea briefing");
  brief_briefing_edit_text (briefing, "marking", "OFFICIAL");
  g_assert_cmpuint (n_notified, ==, 1);
  brief_history_clear (history);
  g_assert_cmpuint (n_notified, ==, 2);
  g_assert_cmpstr (brief_briefing_get_title (briefing), ==, "Korea briefing");
}

static void
record_label (GString      *labels,
              GParamSpec   *pspec,
              BriefHistory *history)
{
  g_string_append_printf (labels, "%s;", brief_history_get_undo_label (history));
}

/* Menus read the labels when they are notified: after the step is recorded
 * or moved, not when the edit's own ::changed comes (before it is). */
static void
test_notify_labels (void)
{
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  BriefHistory *history = brief_briefing_get_history (briefing);
  g_autoptr(GString) labels = g_string_new (NULL);

  g_signal_connect_swapped (history, "notify::undo-label", G_CALLBACK (record_label), labels);
  brief_briefing_edit_text (briefing, "title", "Korea briefing");
  brief_briefing_edit_text (briefing, "notes", "Talks");
  g_assert_cmpstr (labels->str, ==, "Edit Title;Edit Notes;");
  brief_history_undo (history);
  g_assert_cmpstr (labels->str, ==, "Edit Title;Edit Notes;Edit Title;");
  g_assert_cmpstr (brief_history_get_redo_label (history), ==, "Edit Notes");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/history/property-edits", test_property_edits);
  g_test_add_func ("/history/no-op", test_no_op_edits);
  g_test_add_func ("/history/groups", test_groups);
  g_test_add_func ("/history/typing-merges", test_typing_merges);
  g_test_add_func ("/history/notify", test_notify_can_undo);
  g_test_add_func ("/history/notify-labels", test_notify_labels);

  return g_test_run ();
}
