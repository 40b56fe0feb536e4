/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "brief-briefing.h"
#include "brief-briefing-file.h"
#include "brief-event-grouping.h"

/* Two reports of the same island ferry (tests/fixtures/briefing/ferry-*):
 * both tell the storm damage of January 2024, and they date the purchase
 * of the ferry differently (March and April 2022). */

static BriefBriefing *
two_sources (void)
{
  static const char * const names[] = { "ferry-gazette.html", "ferry-courier.html" };
  BriefBriefing *briefing = brief_briefing_new ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "briefing", names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_assert_cmpuint (brief_briefing_import_file (briefing, file, NULL, NULL, &error), ==, 1);
      g_assert_no_error (error);
    }
  return briefing;
}

static BriefArticle *
article_at (BriefBriefing *briefing,
            guint          position)
{
  BriefArticle *article = g_list_model_get_item (brief_briefing_get_articles (briefing), position);

  /* The list keeps it alive. */
  g_object_unref (article);
  return article;
}

/* The listed event whose title has @words, or NULL; with @n_found the
 * number of such events. */
static BriefEvent *
find_event (BriefBriefing *briefing,
            const char    *words,
            guint         *n_found)
{
  GListModel *events = brief_briefing_get_events (briefing);
  BriefEvent *found = NULL;
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BriefEvent) event = g_list_model_get_item (events, i);

      if (strstr (brief_event_get_title (event), words) != NULL)
        {
          found = event;
          n++;
        }
    }
  if (n_found != NULL)
    *n_found = n;
  return found;
}

static guint
count_events (BriefBriefing *briefing)
{
  return g_list_model_get_n_items (brief_briefing_get_events (briefing));
}

static void
test_grouped_across_sources (void)
{
  g_autoptr(BriefBriefing) briefing = two_sources ();
  g_autoptr(GPtrArray) sources = NULL;
  BriefEvent *storm;
  guint n;

  /* The storm is one event told by both. */
  storm = find_event (briefing, "pier", &n);
  g_assert_nonnull (storm);
  storm = find_event (briefing, "damag", &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (brief_event_get_grouping (storm), ==, BRIEF_EVENT_GROUPING_SUGGESTED);
  g_assert_cmpuint (brief_event_get_parts (storm)->len, ==, 2);
  g_assert_cmpuint (brief_event_get_n_sources (storm), ==, 2);
  sources = brief_event_dup_sources (storm);
  g_assert_true (g_ptr_array_index (sources, 0) == article_at (briefing, 0));
  g_assert_true (g_ptr_array_index (sources, 1) == article_at (briefing, 1));
  g_assert_true (brief_event_is_from (storm, article_at (briefing, 1)));
  g_assert_null (brief_event_get_conflict (storm));
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* A third source of the storm, pasted, joins the group Briefing suggested. */
static void
test_third_source_joins (void)
{
  g_autoptr(BriefBriefing) briefing = two_sources ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint before = count_events (briefing);
  BriefEvent *storm;
  guint n;

  brief_briefing_add_text_async (briefing, "Storm Ilsa damaged the ferry pier in January 2024.\n",
                                 "Pier repairs", NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (brief_briefing_add_text_finish (briefing, result, &error), ==, 1);
  g_assert_no_error (error);

  storm = find_event (briefing, "damag", &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (brief_event_get_n_sources (storm), ==, 3);
  g_assert_cmpuint (brief_event_get_parts (storm)->len, ==, 3);
  g_assert_cmpuint (count_events (briefing), ==, before);
}

/* Redoing a merge after a new source put one of its events in a suggested
 * group: the suggestion gives way, and no event is listed twice. */
static void
test_redo_merge_after_import (void)
{
  g_autoptr(BriefBriefing) briefing = two_sources ();
  BriefHistory *history = brief_briefing_get_history (briefing);
  g_autoptr(GPtrArray) pair = g_ptr_array_new ();
  g_autoptr(GAsyncResult) result = NULL;
  BriefEvent *finished = find_event (briefing, "finish", NULL);
  BriefEvent *merged;
  BriefEvent *suggested;
  guint n;

  g_ptr_array_add (pair, find_event (briefing, "appoints", NULL));
  g_ptr_array_add (pair, finished);
  merged = g_object_ref (brief_briefing_merge_events (briefing, pair));
  g_assert_true (brief_history_undo (history));

  brief_briefing_add_text_async (briefing, "Repair crews finished the new pier in June 2024.\n",
                                 "Pier done", NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (brief_briefing_add_text_finish (briefing, result, NULL), ==, 1);
  suggested = find_event (briefing, "finish", &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (g_ptr_array_find (brief_event_get_parts (suggested), finished, NULL));

  g_assert_true (brief_history_redo (history));
  g_assert_true (find_event (briefing, "appoints", NULL) == merged);
  suggested = find_event (briefing, "finish", &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_null (brief_event_get_parts (suggested));
  g_assert_true (suggested != finished);
  g_object_unref (merged);
}

/* Only pairs with a new event are compared: what linked the old ones was
 * found before and is not found again. */
static void
test_group_new_events (void)
{
  BriefGroupingEvent events[] = {
    { 0, 100, 130, "Ferry pier reopens", NULL },
    { 1, 110, 110, "Ferry pier reopens", NULL },
    { 2, 110, 110, "Ferry pier reopens", NULL },
    { 2, 500, 530, "Council buys new ferry", NULL },
  };
  g_autoptr(GArray) conflicts = g_array_new (FALSE, FALSE, sizeof (BriefGroupingConflict));
  g_autoptr(GArray) all = brief_group_events (events, 3, NULL);
  g_autoptr(GArray) groups = brief_group_new_events (events, G_N_ELEMENTS (events), 2, conflicts);

  g_assert_cmpuint (g_array_index (all, guint, 0), ==, g_array_index (all, guint, 1));
  /* 2 is linked to 0 and 1 (new with old), 0 and 1 through it. */
  g_assert_cmpuint (g_array_index (groups, guint, 2), ==, g_array_index (groups, guint, 0));
  g_assert_cmpuint (g_array_index (groups, guint, 2), ==, g_array_index (groups, guint, 1));
  g_assert_cmpuint (g_array_index (groups, guint, 3), !=, g_array_index (groups, guint, 0));
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_clear_pointer (&groups, g_array_unref);
  /* One shared word is not the same happening (found in real pages). */
  {
    BriefGroupingEvent a = { 0, 100, 130, "A break", NULL };
    BriefGroupingEvent b = { 1, 110, 110, "News break", NULL };

    g_assert_cmpfloat (brief_grouping_similarity (&a, &b), ==, 0.0);
  }
  /* With nothing new, nothing is compared. */
  groups = brief_group_new_events (events, 2, 2, NULL);
  g_assert_cmpuint (g_array_index (groups, guint, 0), !=, g_array_index (groups, guint, 1));
}

static void
test_conflict (void)
{
  g_autoptr(BriefBriefing) briefing = two_sources ();
  GListModel *events = brief_briefing_get_events (briefing);
  guint n_conflicts = 0;

  /* The purchase, March in one and April in the other: two events, each
   * saying what the other source says. */
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BriefEvent) event = g_list_model_get_item (events, i);
      const char *conflict = brief_event_get_conflict (event);

      if (conflict == NULL)
        continue;
      n_conflicts++;
      g_assert_nonnull (strstr (brief_event_get_title (event), "ferry"));
      g_assert_nonnull (strstr (conflict, "Harbour Gazette says March 2022"));
      g_assert_nonnull (strstr (conflict, "Valley Courier says April 2022"));
    }
  g_assert_cmpuint (n_conflicts, ==, 2);

  /* Putting the Courier's date right ends the disagreement; undo brings it back. */
  {
    BriefEvent *april = find_event (briefing, "buys", NULL);
    BriefDate march = { .precision = BRIEF_DATE_PRECISION_MONTH, .year = 2022, .month = 3 };

    g_assert_nonnull (brief_event_get_conflict (april));
    brief_briefing_edit_event_date (briefing, april, &march, "March 2022");
    g_assert_null (brief_event_get_conflict (april));
    g_assert_true (brief_history_undo (brief_briefing_get_history (briefing)));
    g_assert_nonnull (brief_event_get_conflict (april));
  }
}

static void
test_merge_and_split (void)
{
  g_autoptr(BriefBriefing) briefing = two_sources ();
  BriefHistory *history = brief_briefing_get_history (briefing);
  g_autoptr(GPtrArray) pair = g_ptr_array_new ();
  BriefEvent *appointed = find_event (briefing, "appoints", NULL);
  BriefEvent *finished = find_event (briefing, "finish", NULL);
  BriefEvent *merged;
  guint before = count_events (briefing);

  g_assert_nonnull (appointed);
  g_assert_nonnull (finished);
  brief_briefing_edit_event_starred (briefing, finished, TRUE);

  g_ptr_array_add (pair, finished);
  g_ptr_array_add (pair, appointed);
  merged = brief_briefing_merge_events (briefing, pair);
  g_assert_nonnull (merged);
  g_assert_cmpuint (count_events (briefing), ==, before - 1);
  g_assert_cmpint (brief_event_get_grouping (merged), ==, BRIEF_EVENT_GROUPING_MERGED);
  /* The earlier event (May) speaks for the whole; the star carries over. */
  g_assert_cmpstr (brief_event_get_title (merged), ==, brief_event_get_title (appointed));
  g_assert_true (brief_event_get_starred (merged));
  g_assert_cmpuint (brief_event_get_n_sources (merged), ==, 2);
  g_assert_cmpstr (brief_history_get_undo_label (history), ==, "Merge Events");

  g_assert_true (brief_history_undo (history));
  g_assert_cmpuint (count_events (briefing), ==, before);
  g_assert_nonnull (find_event (briefing, "appoints", NULL));
  g_assert_true (brief_history_redo (history));
  g_assert_cmpuint (count_events (briefing), ==, before - 1);

  /* Split gives back the parts with their own decisions. */
  g_assert_true (brief_briefing_split_event (briefing, merged));
  g_assert_cmpuint (count_events (briefing), ==, before);
  g_assert_true (brief_event_get_starred (finished));
  g_assert_false (brief_event_get_starred (appointed));
  g_assert_true (brief_event_get_kept_apart (finished));
  g_assert_true (brief_history_undo (history));
  g_assert_cmpuint (count_events (briefing), ==, before - 1);
  g_assert_false (brief_event_get_kept_apart (finished));

  /* A single event is no group: nothing to split or merge. */
  g_assert_false (brief_briefing_split_event (briefing, find_event (briefing, "Islanders", NULL)));
  g_ptr_array_set_size (pair, 1);
  g_assert_null (brief_briefing_merge_events (briefing, pair));
}

static void
test_suggestion_accept_and_split (void)
{
  g_autoptr(BriefBriefing) briefing = two_sources ();
  BriefHistory *history = brief_briefing_get_history (briefing);
  BriefEvent *storm = find_event (briefing, "damag", NULL);
  guint before = count_events (briefing);

  /* Accepting a suggested group keeps it, in one step. */
  brief_briefing_edit_event_state (briefing, storm, BRIEF_EVENT_STATE_ACCEPTED);
  g_assert_cmpint (brief_event_get_grouping (storm), ==, BRIEF_EVENT_GROUPING_MERGED);
  g_assert_true (brief_history_undo (history));
  g_assert_cmpint (brief_event_get_grouping (storm), ==, BRIEF_EVENT_GROUPING_SUGGESTED);
  g_assert_cmpint (brief_event_get_state (storm), ==, BRIEF_EVENT_STATE_SUGGESTED);

  /* Split, the two reports are not suggested together again when another
   * source comes or goes. */
  g_assert_true (brief_briefing_split_event (briefing, storm));
  g_assert_cmpuint (count_events (briefing), ==, before + 1);
  {
    const char *text = "Fishing fleet waits\n\nThe fleet stayed in port in March 2023.\n";
    g_autoptr(BriefArticle) third = brief_article_new ();
    g_autoptr(BriefAnalysis) analysis = brief_analysis_run (NULL, text, "2024-06-12", BRIEF_DOCUMENT_NEWS);
    guint n;

    brief_article_set_text (third, text);
    brief_briefing_add_article (briefing, third, analysis);
    find_event (briefing, "damag", &n);
    g_assert_cmpuint (n, ==, 2);
  }
}

static void
test_remove_source_with_group (void)
{
  g_autoptr(BriefBriefing) briefing = two_sources ();
  BriefHistory *history = brief_briefing_get_history (briefing);
  BriefEvent *storm = find_event (briefing, "damag", NULL);
  BriefArticle *courier = article_at (briefing, 1);
  guint before = count_events (briefing);
  BriefEvent *left;
  guint n;

  g_object_ref (storm);
  brief_briefing_remove_article (briefing, courier);
  /* The Gazette's part of the storm stays, on its own, and conflicts go. */
  left = find_event (briefing, "damag", &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (left != storm);
  g_assert_null (brief_event_get_parts (left));
  g_assert_true (brief_event_get_article (left) == article_at (briefing, 0));
  g_assert_null (brief_event_get_conflict (find_event (briefing, "buys", NULL)));

  g_assert_true (brief_history_undo (history));
  g_assert_cmpuint (count_events (briefing), ==, before);
  g_assert_true (find_event (briefing, "damag", NULL) == storm);
  g_assert_nonnull (brief_event_get_conflict (find_event (briefing, "buys", NULL)));
  g_assert_true (brief_history_redo (history));
  g_assert_true (find_event (briefing, "damag", NULL) == left);
  g_object_unref (storm);
}

static void
test_move_sources (void)
{
  g_autoptr(BriefBriefing) briefing = two_sources ();
  BriefHistory *history = brief_briefing_get_history (briefing);
  BriefArticle *gazette = article_at (briefing, 0);
  BriefArticle *courier = article_at (briefing, 1);

  g_assert_true (brief_briefing_move_article (briefing, courier, 0));
  g_assert_true (article_at (briefing, 0) == courier);
  g_assert_true (article_at (briefing, 1) == gazette);
  g_assert_cmpstr (brief_history_get_undo_label (history), ==, "Move Source Up");
  /* Nowhere to go. */
  g_assert_false (brief_briefing_move_article (briefing, courier, 0));
  g_assert_false (brief_briefing_move_article (briefing, courier, 2));

  g_assert_true (brief_history_undo (history));
  g_assert_true (article_at (briefing, 0) == gazette);
  g_assert_true (brief_history_redo (history));
  g_assert_true (article_at (briefing, 0) == courier);
}

static const BriefQuote *
first_quote (BriefBriefing *briefing,
             BriefArticle  *article)
{
  GPtrArray *quotes = brief_analysis_get_quotes (brief_briefing_get_analysis (briefing, article));

  g_assert_cmpuint (quotes->len, >, 0);
  return g_ptr_array_index (quotes, 0);
}

static const BriefEntity *
person_named (BriefBriefing *briefing,
              BriefArticle  *article,
              const char    *name)
{
  GPtrArray *entities = brief_analysis_get_entities (brief_briefing_get_analysis (briefing, article));

  for (guint i = 0; i < entities->len; i++)
    {
      const BriefEntity *entity = g_ptr_array_index (entities, i);

      if (g_strcmp0 (entity->name, name) == 0)
        return entity;
    }
  g_assert_not_reached ();
}

static void
test_quotes_and_people (void)
{
  g_autoptr(BriefBriefing) briefing = two_sources ();
  BriefHistory *history = brief_briefing_get_history (briefing);
  BriefArticle *gazette = article_at (briefing, 0);
  BriefArticle *courier = article_at (briefing, 1);
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GPtrArray) people = NULL;
  BriefSelectedFact *fact;

  /* Chosen in the Courier first; listed in the order of the sources. */
  brief_briefing_select_quote (briefing, courier, first_quote (briefing, courier), TRUE);
  brief_briefing_select_quote (briefing, gazette, first_quote (briefing, gazette), TRUE);
  g_assert_true (brief_briefing_has_quote (briefing, gazette, first_quote (briefing, gazette)));
  quotes = brief_briefing_dup_selected_quotes (briefing);
  g_assert_cmpuint (quotes->len, ==, 2);
  fact = g_ptr_array_index (quotes, 0);
  g_assert_true (fact->article == gazette);
  g_assert_cmpstr (fact->quote->speaker_name, ==, "Marta Quell");
  g_clear_pointer (&quotes, g_ptr_array_unref);

  g_assert_true (brief_history_undo (history));
  g_assert_false (brief_briefing_has_quote (briefing, gazette, first_quote (briefing, gazette)));
  g_assert_true (brief_briefing_has_quote (briefing, courier, first_quote (briefing, courier)));
  g_assert_true (brief_history_redo (history));
  g_assert_true (brief_briefing_has_quote (briefing, gazette, first_quote (briefing, gazette)));

  brief_briefing_mark_key_person (briefing, courier, person_named (briefing, courier, "Tomas Breck"), TRUE);
  g_assert_true (brief_briefing_has_key_person (briefing, "Tomas Breck"));
  people = brief_briefing_dup_key_people (briefing);
  g_assert_cmpuint (people->len, ==, 1);
  fact = g_ptr_array_index (people, 0);
  g_assert_cmpstr (fact->person->role, ==, "council leader");
  brief_briefing_mark_key_person (briefing, courier, person_named (briefing, courier, "Tomas Breck"), FALSE);
  g_assert_false (brief_briefing_has_key_person (briefing, "Tomas Breck"));
  g_assert_cmpstr (brief_history_get_undo_label (history), ==, "Unmark Key Person");
  g_assert_true (brief_history_undo (history));
  g_assert_true (brief_briefing_has_key_person (briefing, "Tomas Breck"));

  /* The facts of a removed source leave the note, and come back with it. */
  brief_briefing_remove_article (briefing, gazette);
  quotes = brief_briefing_dup_selected_quotes (briefing);
  g_assert_cmpuint (quotes->len, ==, 1);
  g_clear_pointer (&quotes, g_ptr_array_unref);
  g_assert_true (brief_history_undo (history));
  quotes = brief_briefing_dup_selected_quotes (briefing);
  g_assert_cmpuint (quotes->len, ==, 2);
}

/* Every listed event, with its parts, as one line each. */
static char *
describe_events (BriefBriefing *briefing)
{
  GListModel *events = brief_briefing_get_events (briefing);
  GListModel *articles = brief_briefing_get_articles (briefing);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BriefEvent) event = g_list_model_get_item (events, i);
      g_autoptr(GPtrArray) sources = brief_event_dup_sources (event);
      g_autofree char *date = brief_event_dup_date_label (event);

      g_string_append_printf (out, "%s|%s|%d|%d|%d|%d|%s|", date, brief_event_get_title (event),
                              brief_event_get_state (event), brief_event_get_starred (event),
                              brief_event_get_grouping (event), brief_event_get_kept_apart (event),
                              brief_event_get_conflict (event) ? brief_event_get_conflict (event) : "");
      for (guint k = 0; k < sources->len; k++)
        {
          guint position = G_MAXUINT;

          g_list_store_find (G_LIST_STORE (articles), g_ptr_array_index (sources, k), &position);
          g_string_append_printf (out, "%u,", position);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static char *
describe_facts (BriefBriefing *briefing)
{
  g_autoptr(GPtrArray) quotes = brief_briefing_dup_selected_quotes (briefing);
  g_autoptr(GPtrArray) people = brief_briefing_dup_key_people (briefing);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < quotes->len; i++)
    {
      BriefSelectedFact *fact = g_ptr_array_index (quotes, i);

      g_string_append_printf (out, "%s|%s|%s|%s\n", brief_article_get_site (fact->article),
                              fact->quote->text, fact->quote->speaker_name, fact->quote->role);
    }
  for (guint i = 0; i < people->len; i++)
    {
      BriefSelectedFact *fact = g_ptr_array_index (people, i);

      g_string_append_printf (out, "%s|%s|%s\n", brief_article_get_site (fact->article),
                              fact->person->name, fact->person->role);
    }
  return g_string_free (out, FALSE);
}

static void
test_round_trip (void)
{
  g_autoptr(BriefBriefing) briefing = two_sources ();
  g_autoptr(GPtrArray) pair = g_ptr_array_new ();
  BriefArticle *gazette = article_at (briefing, 0);
  BriefArticle *courier = article_at (briefing, 1);
  g_autoptr(BriefBriefing) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *events = NULL;
  g_autofree char *copied_events = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *copied_facts = NULL;
  BriefEvent *merged;

  g_ptr_array_add (pair, find_event (briefing, "appoints", NULL));
  g_ptr_array_add (pair, find_event (briefing, "finish", NULL));
  merged = brief_briefing_merge_events (briefing, pair);
  brief_briefing_edit_event_title (briefing, merged, "Harbour master appointed, pier finished");
  brief_briefing_edit_event_state (briefing, merged, BRIEF_EVENT_STATE_ACCEPTED);
  /* A merged event merged again: one group of all three. */
  g_ptr_array_set_size (pair, 0);
  g_ptr_array_add (pair, merged);
  g_ptr_array_add (pair, find_event (briefing, "Islanders", NULL));
  merged = brief_briefing_merge_events (briefing, pair);
  g_assert_cmpuint (brief_event_get_parts (merged)->len, ==, 3);
  g_assert_cmpint (brief_event_get_state (merged), ==, BRIEF_EVENT_STATE_ACCEPTED);
  brief_briefing_split_event (briefing, find_event (briefing, "damag", NULL));
  brief_briefing_move_article (briefing, courier, 0);
  brief_briefing_select_quote (briefing, gazette, first_quote (briefing, gazette), TRUE);
  brief_briefing_mark_key_person (briefing, courier, person_named (briefing, courier, "Tomas Breck"), TRUE);

  bytes = brief_briefing_serialize (briefing);
  copy = brief_briefing_deserialize (bytes, &error);
  g_assert_no_error (error);
  events = describe_events (briefing);
  copied_events = describe_events (copy);
  g_assert_cmpstr (copied_events, ==, events);
  facts = describe_facts (briefing);
  copied_facts = describe_facts (copy);
  g_assert_cmpstr (copied_facts, ==, facts);
  g_assert_nonnull (strstr (facts, "Harbour Gazette|We owe the islanders a reliable crossing"));
  g_assert_nonnull (strstr (events, "Harbour master appointed, pier finished"));

  /* What was loaded splits as what was saved. */
  g_assert_true (brief_briefing_split_event (copy, find_event (copy, "appointed", NULL)));
  g_assert_nonnull (find_event (copy, "Islanders", NULL));
  g_assert_nonnull (find_event (copy, "appoints", NULL));
  g_assert_null (find_event (copy, "appointed", NULL));

  /* A second trip writes the same file. */
  g_clear_object (&copy);
  copy = brief_briefing_deserialize (bytes, &error);
  g_assert_no_error (error);
  again = brief_briefing_serialize (copy);
  g_assert_true (g_bytes_equal (bytes, again));
}

/* However often the user merges, a group holds events, not groups: the
 * file never grows too deep to open, and undo gives back what was listed. */
static void
test_merge_many_times (void)
{
  g_autoptr(BriefBriefing) briefing = two_sources ();
  GListModel *events = brief_briefing_get_events (briefing);
  g_autoptr(BriefBriefing) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint before = count_events (briefing);
  guint merges = 0;

  while (g_list_model_get_n_items (events) >= 2)
    {
      g_autoptr(GPtrArray) pair = g_ptr_array_new_with_free_func (g_object_unref);
      BriefEvent *merged;

      g_ptr_array_add (pair, g_list_model_get_item (events, 0));
      g_ptr_array_add (pair, g_list_model_get_item (events, 1));
      merged = brief_briefing_merge_events (briefing, pair);
      g_assert_nonnull (merged);
      for (guint i = 0; i < brief_event_get_parts (merged)->len; i++)
        g_assert_null (brief_event_get_parts (g_ptr_array_index (brief_event_get_parts (merged), i)));
      merges++;
    }
  g_assert_cmpuint (merges, ==, before - 1);
  g_assert_cmpuint (merges, >=, 3);

  bytes = brief_briefing_serialize (briefing);
  copy = brief_briefing_deserialize (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_events (copy), ==, 1);

  for (guint i = 0; i < merges; i++)
    g_assert_true (brief_history_undo (brief_briefing_get_history (briefing)));
  g_assert_cmpuint (count_events (briefing), ==, before);
}

static void
test_damaged_groups (void)
{
  static const char * const damaged[] = {
    /* A group of one, a part that is not an event, an unknown grouping. */
    "\"parts\": [ { \"date\": \"2024\", \"title\": \"A\", \"state\": \"suggested\" } ], \"grouping\": \"merged\"",
    "\"parts\": [ 1, 2 ], \"grouping\": \"merged\"",
    "\"parts\": [ { \"date\": \"2024\", \"title\": \"A\", \"state\": \"suggested\" },"
    " { \"date\": \"2024\", \"title\": \"B\", \"state\": \"suggested\" } ], \"grouping\": \"none\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autofree char *text = g_strdup_printf ("{ \"format\": \"%s\", \"version\": 1, \"articles\": [],"
                                               " \"events\": [ { \"date\": \"2024\", \"title\": \"G\","
                                               " \"state\": \"accepted\", %s } ] }",
                                               BRIEF_BRIEFING_FILE_FORMAT, damaged[i]);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(GError) error = NULL;
      g_autoptr(BriefBriefing) briefing = brief_briefing_deserialize (bytes, &error);

      g_assert_null (briefing);
      g_assert_error (error, BRIEF_BRIEFING_FILE_ERROR, BRIEF_BRIEFING_FILE_ERROR_DAMAGED);
    }

  {
    g_autofree char *text = g_strdup_printf ("{ \"format\": \"%s\", \"version\": 1, \"articles\": [],"
                                             " \"events\": [], \"quotes\": [ { \"article\": 0 } ] }",
                                             BRIEF_BRIEFING_FILE_FORMAT);
    g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
    g_autoptr(GError) error = NULL;
    g_autoptr(BriefBriefing) briefing = brief_briefing_deserialize (bytes, &error);

    g_assert_null (briefing);
    g_assert_error (error, BRIEF_BRIEFING_FILE_ERROR, BRIEF_BRIEFING_FILE_ERROR_DAMAGED);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/briefing-sources/grouped", test_grouped_across_sources);
  g_test_add_func ("/briefing-sources/third-source", test_third_source_joins);
  g_test_add_func ("/briefing-sources/group-new-events", test_group_new_events);
  g_test_add_func ("/briefing-sources/redo-merge-after-import", test_redo_merge_after_import);
  g_test_add_func ("/briefing-sources/conflict", test_conflict);
  g_test_add_func ("/briefing-sources/merge-and-split", test_merge_and_split);
  g_test_add_func ("/briefing-sources/suggestion", test_suggestion_accept_and_split);
  g_test_add_func ("/briefing-sources/remove-source", test_remove_source_with_group);
  g_test_add_func ("/briefing-sources/move", test_move_sources);
  g_test_add_func ("/briefing-sources/quotes-and-people", test_quotes_and_people);
  g_test_add_func ("/briefing-sources/round-trip", test_round_trip);
  g_test_add_func ("/briefing-sources/merge-many-times", test_merge_many_times);
  g_test_add_func ("/briefing-sources/damaged", test_damaged_groups);

  return g_test_run ();
}
