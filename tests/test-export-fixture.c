/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-export-fixture.h"

static void
import (BriefBriefing *briefing,
        const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (brief_briefing_import_file (briefing, file, NULL, NULL, &error), ==, 1);
  g_assert_no_error (error);
}

BriefBriefing *
brief_test_export_briefing (void)
{
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  const char *root = g_getenv ("BRIEF_SOURCE_ROOT");
  g_autofree char *sample = g_build_filename (root, "data", "samples", "riverside-flood-barrier.txt", NULL);
  g_autofree char *tricky = g_test_build_filename (G_TEST_DIST, "fixtures", "export", "tricky-article.txt", NULL);
  g_autofree char *notes_path = g_test_build_filename (G_TEST_DIST, "fixtures", "export", "notes.md", NULL);
  g_autofree char *notes = NULL;
  GListModel *events;
  guint n;

  g_assert_nonnull (root);
  import (briefing, sample);
  import (briefing, tricky);
  g_assert_true (g_file_get_contents (notes_path, &notes, NULL, NULL));

  brief_briefing_edit_text (briefing, "title", "Millbrook flood barrier: progress & costs");
  brief_briefing_edit_text (briefing, "author", "Flood Resilience Unit");
  brief_briefing_edit_text (briefing, "audience", "the Minister for the Environment");
  brief_briefing_edit_text (briefing, "marking", "Official-Sensitive");
  brief_briefing_edit_text (briefing, "date", "2024-04-05");
  brief_briefing_edit_text (briefing, "notes", notes);

  events = brief_briefing_get_events (briefing);
  n = g_list_model_get_n_items (events);
  g_assert_cmpuint (n, >=, 8);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriefEvent) event = g_list_model_get_item (events, i);
      const char *title = brief_event_get_title (event);

      if (i == 2)
        brief_event_set_state (event, BRIEF_EVENT_STATE_HIDDEN);
      else if (i == 4)
        continue;  /* left suggested */
      else
        brief_event_set_state (event, BRIEF_EVENT_STATE_ACCEPTED);
      if (strstr (title, "Construction") != NULL || strstr (title, "approves") != NULL)
        brief_event_set_starred (event, TRUE);
    }
  return g_steal_pointer (&briefing);
}

BriefExportContent *
brief_test_export_content (BriefBriefing *briefing,
                           gboolean       with_people)
{
  BriefExportContent *content = brief_export_content_new (briefing, NULL);

  if (with_people)
    {
      brief_export_content_add_entity (content, "Helen Okafor", "person",
                                       "Cabinet member for the environment, Millbrook council", 1);
      brief_export_content_add_entity (content, "Tomasz Wierzbicki", "person", "Lead engineer", 1);
      brief_export_content_add_entity (content, "Quay Street Residents' Association", "organisation",
                                       NULL, 1);
      brief_export_content_add_quote (content, "That night showed exactly why the barrier is needed.",
                                      "Helen Okafor", "cabinet member for the environment", 1);
      brief_export_content_add_quote (content, "We wanted protection, and we are grateful for it, "
                                      "but we \"also\" asked for benches & planting.",
                                      "Gareth Pryce", NULL, 1);
    }
  return content;
}

BriefBriefing *
brief_test_export_large (guint n_articles,
                         guint n_events)
{
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BriefDateTagger) tagger = brief_date_tagger_new ();
  GListModel *model;

  brief_briefing_set_title (briefing, "Regional flood defences, 1990–2024");
  brief_briefing_edit_text (briefing, "marking", "OFFICIAL");
  brief_briefing_edit_text (briefing, "audience", "the Permanent Secretary");
  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(BriefArticle) article = brief_article_new ();
      g_autoptr(BriefAnalysis) analysis = NULL;
      g_autofree char *title = g_strdup_printf ("Flood report number %u from the county archive", i + 1);
      g_autofree char *url = g_strdup_printf ("https://news.example.org/floods/%u?from=archive&page=%u", i + 1, i);

      brief_article_set_title (article, title);
      brief_article_set_site (article, i % 2 ? "The Millbrook Courier" : "County Gazette");
      brief_article_set_byline (article, "Staff reporter");
      brief_article_set_published (article, "2024-03-18");
      brief_article_set_url (article, url);
      brief_article_add_paragraph (article, BRIEF_PARAGRAPH_TEXT, "Nothing dated here.");
      analysis = brief_analysis_run (tagger, brief_article_get_text (article), "2024-03-18",
                                     BRIEF_DOCUMENT_NEWS);
      brief_briefing_add_article (briefing, article, analysis);
    }
  model = brief_briefing_get_articles (briefing);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (articles, g_list_model_get_item (model, i));

  for (guint i = 0; i < n_events; i++)
    {
      static const BriefDatePrecision precisions[] = {
        BRIEF_DATE_PRECISION_DAY, BRIEF_DATE_PRECISION_MONTH, BRIEF_DATE_PRECISION_DAY,
        BRIEF_DATE_PRECISION_YEAR, BRIEF_DATE_PRECISION_QUARTER, BRIEF_DATE_PRECISION_DAY,
      };
      BriefDate date = {
        .precision = precisions[i % G_N_ELEMENTS (precisions)],
        .year = 1990 + (int) (i * 34 / MAX (n_events, 1)),
      };
      g_autofree char *title = g_strdup_printf ("Event %u: the council, \"the board\" & the river meet", i + 1);
      g_autoptr(BriefEvent) event = NULL;

      if (date.precision >= BRIEF_DATE_PRECISION_MONTH)
        date.month = 1 + (int) (i * 7 % 12);
      if (date.precision == BRIEF_DATE_PRECISION_QUARTER)
        date.quarter = 1 + (int) (i % 4);
      if (date.precision == BRIEF_DATE_PRECISION_DAY)
        date.day = 1 + (int) (i * 13 % 28);
      event = brief_event_new (&date, "then",  title,
                               articles->len > 0 ? g_ptr_array_index (articles, i % articles->len) : NULL);
      brief_event_set_sentence (event, "A sentence, with \"quotes\", commas\nand a line break.", 0, 10);
      brief_event_set_state (event, BRIEF_EVENT_STATE_ACCEPTED);
      brief_event_set_starred (event, i % 97 == 0);
      brief_briefing_add_event (briefing, event);
    }
  return g_steal_pointer (&briefing);
}

char *
brief_test_export_save (GBytes     *bytes,
                        const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("export-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dir);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

char *
brief_test_export_run (const char **argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &status, &error))
    {
      g_test_message ("%s: %s", argv[0], error->message);
      return NULL;
    }
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_test_message ("%s failed: %s", argv[0], err);
      return NULL;
    }
  return g_steal_pointer (&out);
}
