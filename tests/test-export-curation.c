/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "brief-briefing.h"
#include "brief-export.h"

/* What curation puts in the briefing note: an event several sources tell
 * cites each of them, the chosen quotes and key people have their sections,
 * and the sources are numbered in the user's order.  Every format is read
 * back. */

static BriefBriefing *
curated_briefing (void)
{
  static const char * const names[] = { "ferry-gazette.html", "ferry-courier.html" };
  BriefBriefing *briefing = brief_briefing_new ();
  g_autoptr(BriefArticle) gazette = NULL;
  g_autoptr(BriefArticle) courier = NULL;
  BriefAnalysis *analysis;
  GPtrArray *entities;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "briefing", names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_assert_cmpuint (brief_briefing_import_file (briefing, file, NULL, NULL, &error), ==, 1);
      g_assert_no_error (error);
    }
  gazette = g_list_model_get_item (brief_briefing_get_articles (briefing), 0);
  courier = g_list_model_get_item (brief_briefing_get_articles (briefing), 1);

  /* The Courier first: it becomes source [1]. */
  brief_briefing_move_article (briefing, courier, 0);
  analysis = brief_briefing_get_analysis (briefing, gazette);
  brief_briefing_select_quote (briefing, gazette, g_ptr_array_index (brief_analysis_get_quotes (analysis), 0), TRUE);
  entities = brief_analysis_get_entities (brief_briefing_get_analysis (briefing, courier));
  for (guint i = 0; i < entities->len; i++)
    {
      const BriefEntity *entity = g_ptr_array_index (entities, i);

      if (g_strcmp0 (entity->name, "Tomas Breck") == 0)
        brief_briefing_mark_key_person (briefing, courier, entity, TRUE);
    }
  return briefing;
}

static char *
export_text (BriefBriefing     *briefing,
             BriefExportFormat  format)
{
  g_autoptr(BriefExportContent) content = brief_export_content_new (briefing, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = brief_export_write (content, format, &error);
  gsize length;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &length);
  return g_strndup (data, length);
}

/* The line of @text that has @needle. */
static char *
line_with (const char *text,
           const char *needle)
{
  const char *found = strstr (text, needle);
  const char *start, *end;

  g_assert_nonnull (found);
  for (start = found; start > text && start[-1] != '\n'; start--)
    ;
  end = strchr (found, '\n');
  return g_strndup (start, end != NULL ? end - start : (gssize) strlen (start));
}

static void
test_markdown (void)
{
  g_autoptr(BriefBriefing) briefing = curated_briefing ();
  g_autofree char *text = export_text (briefing, BRIEF_EXPORT_FORMAT_MARKDOWN);
  g_autofree char *storm = line_with (text, "damag");
  g_autofree char *sources = NULL;

  g_test_message ("%s", text);
  /* The storm both tell cites both: first the Gazette, whose sentence is
   * quoted, then the Courier, moved first and so [1]. */
  g_assert_nonnull (strstr (storm, "[2] [1]"));
  g_assert_nonnull (strstr (text, "We owe the islanders a reliable crossing"));
  g_assert_nonnull (strstr (text, "Marta Quell"));
  g_assert_nonnull (strstr (text, "Tomas Breck"));
  g_assert_nonnull (strstr (text, "council leader"));
  /* The purchase the sources date differently says so. */
  g_assert_nonnull (strstr (text, "Sources disagree: Valley Courier says April 2022, Harbour Gazette says March 2022"));
  sources = line_with (text, "Kellin Island crossing to reopen, *Valley Courier*");
  g_assert_true (g_str_has_prefix (sources, "1."));
}

static void
test_html_and_fodt (void)
{
  g_autoptr(BriefBriefing) briefing = curated_briefing ();
  g_autofree char *html = export_text (briefing, BRIEF_EXPORT_FORMAT_HTML);
  g_autofree char *fodt = export_text (briefing, BRIEF_EXPORT_FORMAT_FODT);

  g_assert_nonnull (strstr (html, "href=\"#source-1\""));
  g_assert_nonnull (strstr (html, "We owe the islanders a reliable crossing"));
  g_assert_nonnull (strstr (html, "Tomas Breck"));
  g_assert_nonnull (strstr (html, "<p class=\"conflict\">Sources disagree: "));
  g_assert_nonnull (strstr (fodt, "We owe the islanders a reliable crossing"));
  g_assert_nonnull (strstr (fodt, "Tomas Breck"));
  g_assert_nonnull (strstr (fodt, "Sources disagree: Harbour Gazette says March 2022"));
  /* Both references of the storm, in its row. */
  {
    const char *storm = strstr (fodt, "damages the ferry pier</text:p>");
    g_autofree char *row = NULL;

    g_assert_nonnull (storm);
    row = g_strndup (storm, strstr (storm, "</table:table-row>") - storm);
    g_assert_nonnull (strstr (row, "\">[2]</text:span>"));
    g_assert_nonnull (strstr (row, "\">[1]</text:span>"));
  }
}

static void
test_json (void)
{
  g_autoptr(BriefBriefing) briefing = curated_briefing ();
  g_autofree char *json = export_text (briefing, BRIEF_EXPORT_FORMAT_JSON);

  g_assert_nonnull (strstr (json, "\"more_sources\""));
  g_assert_nonnull (strstr (json, "\"conflict\""));
  g_assert_nonnull (strstr (json, "We owe the islanders a reliable crossing"));
}

static void
test_pdf (void)
{
  g_autoptr(BriefBriefing) briefing = curated_briefing ();
  g_autoptr(BriefExportContent) content = brief_export_content_new (briefing, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = brief_export_write (content, BRIEF_EXPORT_FORMAT_PDF, &error);
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  /* A folder of its own: the same test may run twice at once (two builds). */
  g_autofree char *scratch = g_dir_make_tmp ("briefing-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (scratch, "curation.pdf", NULL);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  int status;

  g_assert_no_error (error);
  if (program == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  /* Lines wrap anywhere in a PDF: compare without them. */
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  g_assert_nonnull (strstr (flat, "[2] [1]"));
  g_assert_nonnull (strstr (flat, "reliable crossing"));
  g_assert_nonnull (strstr (flat, "Tomas Breck"));
  g_assert_nonnull (strstr (flat, "Sources disagree"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export-curation/markdown", test_markdown);
  g_test_add_func ("/export-curation/html-and-fodt", test_html_and_fodt);
  g_test_add_func ("/export-curation/json", test_json);
  g_test_add_func ("/export-curation/pdf", test_pdf);

  return g_test_run ();
}
