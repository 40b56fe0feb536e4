/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "brief-briefing.h"

static const char article_text[] =
  "Bridge reopens after repairs\n"
  "Published: 2024-03-18\n"
  "\n"
  "The bridge was built in 1998. Engineers closed it on 12 June 2022 after cracks appeared.\n"
  "\n"
  "Repairs began in March 2023 and the bridge reopened on October 4, 2023.\n";

static GFile *
write_article (const char *name,
               const char *contents)
{
  /* A folder of its own: the same test may run twice at once (two builds). */
  g_autofree char *scratch = g_dir_make_tmp ("briefing-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (scratch, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

static char *
event_summary (BriefEvent *event)
{
  g_autofree char *label = brief_event_dup_date_label (event);
  return g_strdup_printf ("%s|%s", label, brief_event_get_date_text (event));
}

static void
check_article_events (BriefBriefing *briefing)
{
  GListModel *events = brief_briefing_get_events (briefing);
  static const char * const expected[] = {
    "1998|1998",
    "12 June 2022|12 June 2022",
    "March 2023|March 2023",
    "4 October 2023|October 4, 2023",
  };
  g_autoptr(BriefArticle) article = g_list_model_get_item (brief_briefing_get_articles (briefing), 0);
  const char *text = brief_article_get_text (article);

  g_assert_cmpuint (g_list_model_get_n_items (events), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(BriefEvent) event = g_list_model_get_item (events, i);
      g_autofree char *summary = event_summary (event);
      g_autofree char *date_text = g_utf8_substring (text, brief_event_get_date_start (event),
                                                     brief_event_get_date_end (event));
      g_autofree char *sentence = g_utf8_substring (text, brief_event_get_start (event),
                                                    brief_event_get_end (event));

      g_assert_cmpstr (summary, ==, expected[i]);
      g_assert_true (brief_event_get_article (event) == article);
      /* The spans point back into the article: the link from timeline to text. */
      g_assert_cmpstr (date_text, ==, brief_event_get_date_text (event));
      g_assert_nonnull (strstr (sentence, date_text));
      g_assert_cmpstr (brief_event_get_title (event), !=, "");
    }
}

static void
test_import_sync (void)
{
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  g_autoptr(GFile) file = write_article ("bridge.txt", article_text);
  g_autoptr(GError) error = NULL;
  g_autoptr(BriefArticle) article = NULL;

  g_assert_cmpstr (brief_briefing_get_title (briefing), ==, "Untitled Briefing");
  g_assert_cmpuint (brief_briefing_import_file (briefing, file, NULL, NULL, &error), ==, 1);
  g_assert_no_error (error);
  /* An imported source is unsaved work. */
  g_assert_true (brief_briefing_get_modified (briefing));

  article = g_list_model_get_item (brief_briefing_get_articles (briefing), 0);
  g_assert_nonnull (brief_briefing_get_analysis (briefing, article));
  g_assert_cmpstr (brief_analysis_get_dct (brief_briefing_get_analysis (briefing, article)), ==, "2024-03-18");
  g_assert_cmpstr (brief_briefing_get_title (briefing), ==, "Bridge reopens after repairs");
  check_article_events (briefing);

  brief_briefing_set_title (briefing, "Bridge briefing");
  g_assert_cmpstr (brief_briefing_get_title (briefing), ==, "Bridge briefing");
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out_result = user_data;
  *out_result = g_object_ref (result);
}

static void
test_import_async (void)
{
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  g_autoptr(GFile) file = write_article ("bridge-async.txt", article_text);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  brief_briefing_import_file_async (briefing, file, NULL, NULL, import_done_cb, &result);
  /* Nothing is added before the result is taken on this thread. */
  g_assert_cmpuint (g_list_model_get_n_items (brief_briefing_get_events (briefing)), ==, 0);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  n_added = brief_briefing_import_file_finish (briefing, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 1);
  check_article_events (briefing);
}

static void
test_import_errors (void)
{
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  g_autoptr(GFile) binary = write_article ("image.png", "\x89PNG\r\n\x1a\n");
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/briefing/article.txt");
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (brief_briefing_import_file (briefing, missing, NULL, NULL, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpuint (brief_briefing_import_file (briefing, binary, NULL, NULL, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_cmpuint (g_list_model_get_n_items (brief_briefing_get_articles (briefing)), ==, 0);
}

static void
test_events_merge_in_order (void)
{
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  g_autoptr(GFile) first = write_article ("one.txt", "One\n\nThe plan was agreed in March 2021.");
  g_autoptr(GFile) second = write_article ("two.txt", "Two\n\nThe site was bought in 1998 and sold on 12 June 2022.");
  GListModel *events = brief_briefing_get_events (briefing);
  BriefDate previous = { 0 };

  g_assert_cmpuint (brief_briefing_import_file (briefing, first, NULL, NULL, NULL), ==, 1);
  g_assert_cmpuint (brief_briefing_import_file (briefing, second, NULL, NULL, NULL), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 3);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BriefEvent) event = g_list_model_get_item (events, i);

      if (i > 0)
        g_assert_cmpint (brief_date_compare (&previous, brief_event_get_date (event)), <=, 0);
      previous = *brief_event_get_date (event);
    }
}

static void
test_set_published (void)
{
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  g_autoptr(GFile) file = write_article ("undated.txt", "Undated\n\nThe gates were fitted in July, after the 1998 flood was recalled.");
  GListModel *events = brief_briefing_get_events (briefing);
  g_autoptr(BriefArticle) article = NULL;
  g_autoptr(BriefEvent) first = NULL;
  g_autoptr(BriefEvent) second = NULL;

  g_assert_cmpuint (brief_briefing_import_file (briefing, file, NULL, NULL, NULL), ==, 1);
  article = g_list_model_get_item (brief_briefing_get_articles (briefing), 0);
  /* Without a publication date "July" has no year: an event said to have none. */
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 2);
  second = g_list_model_get_item (events, 1);
  g_assert_cmpstr (brief_event_get_date_text (second), ==, "July");
  g_assert_false (brief_event_get_year_known (second));
  g_clear_object (&second);

  brief_briefing_set_published (briefing, article, "2023-09-05");
  g_assert_cmpstr (brief_article_get_published (article), ==, "2023-09-05");
  g_assert_cmpstr (brief_analysis_get_dct (brief_briefing_get_analysis (briefing, article)), ==, "2023-09-05");
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 2);
  first = g_list_model_get_item (events, 0);
  second = g_list_model_get_item (events, 1);
  g_assert_cmpstr (brief_event_get_date_text (first), ==, "1998");
  g_assert_cmpstr (brief_event_get_date_text (second), ==, "July");
  g_assert_cmpint (brief_event_get_date (second)->year, ==, 2023);
  g_assert_true (brief_event_get_year_known (second));
}

static void
test_add_text (void)
{
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added;

  brief_briefing_add_text_async (briefing, article_text, "Pasted text", NULL, import_done_cb, &result);
  g_assert_cmpuint (g_list_model_get_n_items (brief_briefing_get_articles (briefing)), ==, 0);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  n_added = brief_briefing_add_text_finish (briefing, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 1);
  check_article_events (briefing);
}

static void
test_add_text_untitled (void)
{
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BriefArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  /* No headline, no publication date: the hint titles it, "July" waits for a year. */
  brief_briefing_add_text_async (briefing, "The ferry resumed in July after the 2019 storm.",
                                 "Pasted text", NULL, import_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (brief_briefing_add_text_finish (briefing, result, &error), ==, 1);
  g_assert_no_error (error);

  article = g_list_model_get_item (brief_briefing_get_articles (briefing), 0);
  g_assert_nonnull (brief_article_get_title (article));
  g_assert_null (brief_article_get_published (article));
  g_assert_cmpuint (g_list_model_get_n_items (brief_briefing_get_events (briefing)), ==, 2);
}

static void
test_add_text_errors (void)
{
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) cancelled = NULL;
  g_autoptr(GError) error = NULL;

  /* Only blanks: refused, nothing added. */
  brief_briefing_add_text_async (briefing, "  \n\t ", NULL, NULL, import_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (brief_briefing_add_text_finish (briefing, result, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  brief_briefing_add_text_async (briefing, article_text, NULL, cancellable, import_done_cb, &cancelled);
  while (cancelled == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (brief_briefing_add_text_finish (briefing, cancelled, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_list_model_get_n_items (brief_briefing_get_articles (briefing)), ==, 0);
}

/* Spans, derived dates and dates without a year reach the events. */
static const char spans_text[] =
  "Harbour works stall again\n"
  "\n"
  "The port authority ran the dredging programme from 2001 to 2009. "
  "In April 2019, two months after the talks collapsed, the union called a strike. "
  "The committee met in July to plan the reopening.\n";

static BriefEvent *
find_event (GListModel *events,
            const char *date_text)
{
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BriefEvent) event = g_list_model_get_item (events, i);

      if (g_strcmp0 (brief_event_get_date_text (event), date_text) == 0)
        return g_steal_pointer (&event);
    }
  return NULL;
}

static void
test_event_details (void)
{
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  g_autoptr(GFile) file = write_article ("harbour.txt", spans_text);
  GListModel *events;
  g_autoptr(BriefEvent) span = NULL;
  g_autoptr(BriefEvent) derived = NULL;
  g_autoptr(BriefEvent) anchor = NULL;
  g_autoptr(BriefEvent) july = NULL;
  g_autoptr(BriefEvent) last = NULL;
  g_autofree char *span_label = NULL;
  g_autofree char *derivation = NULL;
  g_autofree char *july_label = NULL;
  GDate first, end;

  g_assert_cmpuint (brief_briefing_import_file (briefing, file, NULL, NULL, NULL), ==, 1);
  events = brief_briefing_get_events (briefing);

  span = find_event (events, "2001 to 2009");
  g_assert_nonnull (span);
  g_assert_nonnull (brief_event_get_end_date (span));
  g_assert_cmpint (brief_event_get_end_date (span)->year, ==, 2009);
  span_label = brief_event_dup_date_label (span);
  g_assert_cmpstr (span_label, ==, "2001 – 2009");
  brief_event_get_extent (span, &first, &end);
  g_assert_cmpint (g_date_get_year (&first), ==, 2001);
  g_assert_cmpint (g_date_get_year (&end), ==, 2009);
  g_assert_cmpint (g_date_get_month (&end), ==, 12);
  g_assert_cmpint (g_date_get_day (&end), ==, 31);
  g_assert_false (brief_event_is_derived (span));

  derived = find_event (events, "two months before April 2019");
  g_assert_nonnull (derived);
  g_assert_cmpint (brief_event_get_date (derived)->month, ==, 2);
  g_assert_true (brief_event_is_derived (derived));
  g_assert_cmpstr (brief_event_get_derived_from (derived), ==, "April 2019");
  g_assert_cmpstr (brief_event_get_derived_offset (derived), ==, "-P2M");
  derivation = brief_event_dup_derivation_label (derived);
  g_assert_cmpstr (derivation, ==, "derived: two months before April 2019");
  anchor = find_event (events, "April 2019");
  g_assert_nonnull (anchor);
  g_assert_false (brief_event_is_derived (anchor));
  g_assert_null (brief_event_dup_derivation_label (anchor));

  /* No publication date: July of no known year, kept and said so, last. */
  july = find_event (events, "July");
  g_assert_nonnull (july);
  g_assert_false (brief_event_get_year_known (july));
  july_label = brief_event_dup_date_label (july);
  g_assert_cmpstr (july_label, ==, "July (year unknown)");
  last = g_list_model_get_item (events, g_list_model_get_n_items (events) - 1);
  g_assert_true (last == july);

  /* A date the user gives has its year and stands alone; undo brings the
   * span's end and the unknown year back. */
  {
    BriefHistory *history = brief_briefing_get_history (briefing);
    BriefDate given;

    g_assert_true (brief_date_parse_value ("2023-07", &given));
    brief_briefing_edit_event_date (briefing, july, &given, "July 2023");
    g_assert_true (brief_event_get_year_known (july));
    brief_briefing_edit_event_date (briefing, span, &given, "July 2023");
    g_assert_null (brief_event_get_end_date (span));
    g_assert_true (brief_history_undo (history));
    g_assert_nonnull (brief_event_get_end_date (span));
    g_assert_cmpint (brief_event_get_end_date (span)->year, ==, 2009);
    g_assert_true (brief_history_undo (history));
    g_assert_false (brief_event_get_year_known (july));
    g_assert_true (brief_history_redo (history));
    g_assert_true (brief_event_get_year_known (july));
  }
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/briefing/import/sync", test_import_sync);
  g_test_add_func ("/briefing/import/async", test_import_async);
  g_test_add_func ("/briefing/import/errors", test_import_errors);
  g_test_add_func ("/briefing/events/order", test_events_merge_in_order);
  g_test_add_func ("/briefing/published", test_set_published);
  g_test_add_func ("/briefing/add-text/async", test_add_text);
  g_test_add_func ("/briefing/add-text/untitled", test_add_text_untitled);
  g_test_add_func ("/briefing/add-text/errors", test_add_text_errors);
  g_test_add_func ("/briefing/events/details", test_event_details);

  return g_test_run ();
}
