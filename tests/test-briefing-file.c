/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "brief-briefing-file.h"

static BriefBriefing *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "briefing", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  BriefBriefing *briefing = brief_briefing_load (file, NULL, &etag, &error);

  g_assert_no_error (error);
  g_assert_nonnull (etag);
  return briefing;
}

static BriefEvent *
event_at (BriefBriefing *briefing,
          guint          position)
{
  return g_list_model_get_item (brief_briefing_get_events (briefing), position);
}

static void
test_version_1 (void)
{
  g_autoptr(BriefBriefing) briefing = load_fixture ("version-1.briefing");
  g_autoptr(BriefArticle) article = g_list_model_get_item (brief_briefing_get_articles (briefing), 0);
  g_autoptr(BriefEvent) first = event_at (briefing, 0);
  g_autoptr(BriefEvent) second = event_at (briefing, 1);
  g_autoptr(BriefEvent) by_hand = event_at (briefing, 2);

  g_assert_cmpstr (brief_briefing_get_title (briefing), ==, "Millbrook flood defences");
  g_assert_cmpstr (brief_briefing_get_author (briefing), ==, "A. Analyst");
  g_assert_cmpstr (brief_briefing_get_audience (briefing), ==, "Council cabinet");
  g_assert_cmpstr (brief_briefing_get_marking (briefing), ==, "OFFICIAL — internal");
  g_assert_cmpstr (brief_briefing_get_date (briefing), ==, "2024-03-20");
  g_assert_true (g_str_has_prefix (brief_briefing_get_notes (briefing), "## Key points"));
  g_assert_false (brief_briefing_get_modified (briefing));

  g_assert_cmpstr (brief_article_get_site (article), ==, "Millbrook Courier");
  g_assert_cmpstr (brief_article_get_published (article), ==, "2024-03-18");
  g_assert_cmpuint (brief_article_get_n_paragraphs (article), ==, 2);
  g_assert_cmpint (brief_article_get_paragraph (article, 0)->kind, ==, BRIEF_PARAGRAPH_HEADING1);
  g_assert_cmpstr (brief_article_get_paragraph (article, 1)->text, ==,
                   "The council approved the barrier in March 2021. Work began on 12 June 2022 at the mill.");
  /* The analysis is made afresh, for the highlights. */
  g_assert_nonnull (brief_briefing_get_analysis (briefing, article));

  g_assert_cmpuint (g_list_model_get_n_items (brief_briefing_get_events (briefing)), ==, 3);
  g_assert_cmpstr (brief_event_get_title (first), ==, "Council approves the barrier");
  g_assert_cmpint (brief_event_get_state (first), ==, BRIEF_EVENT_STATE_ACCEPTED);
  g_assert_true (brief_event_get_starred (first));
  g_assert_true (brief_event_get_article (first) == article);
  g_assert_cmpuint (brief_event_get_date_start (first), ==, 54);
  g_assert_cmpint (brief_event_get_state (second), ==, BRIEF_EVENT_STATE_HIDDEN);
  g_assert_null (brief_event_get_article (by_hand));
  g_assert_cmpint (brief_event_get_date (by_hand)->precision, ==, BRIEF_DATE_PRECISION_MONTH);
}

static void
assert_same_briefing (BriefBriefing *a,
                      BriefBriefing *b)
{
  g_autoptr(GBytes) bytes_a = brief_briefing_serialize (a);
  g_autoptr(GBytes) bytes_b = brief_briefing_serialize (b);

  g_assert_true (g_bytes_equal (bytes_a, bytes_b));
}

static void
test_round_trip (void)
{
  g_autoptr(BriefBriefing) original = load_fixture ("version-1.briefing");
  g_autoptr(BriefEvent) event = event_at (original, 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BriefBriefing) copy = NULL;
  g_autoptr(GError) error = NULL;

  /* Edits survive the trip, and a second trip changes nothing. */
  brief_briefing_edit_event_title (original, event, "Piling starts at the mill “today”");
  brief_briefing_edit_text (original, "notes", "Emoji 🌊 and right-to-left עברית survive.");
  brief_briefing_edit_text (original, "audience", NULL);

  bytes = brief_briefing_serialize (original);
  copy = brief_briefing_deserialize (bytes, &error);
  g_assert_no_error (error);
  assert_same_briefing (original, copy);
  g_assert_null (brief_briefing_get_audience (copy));
  g_assert_cmpstr (brief_briefing_get_notes (copy), ==, "Emoji 🌊 and right-to-left עברית survive.");
}

/* A span's end, a derivation and an unknown year survive a save; a file
 * without them (version-1.briefing) loads as before, as checked above. */
static void
test_event_details (void)
{
  g_autoptr(BriefBriefing) original = brief_briefing_new ();
  g_autoptr(BriefEvent) span = NULL;
  g_autoptr(BriefEvent) derived = NULL;
  g_autoptr(BriefEvent) yearless = NULL;
  g_autoptr(BriefEvent) loaded_span = NULL;
  g_autoptr(BriefEvent) loaded_derived = NULL;
  g_autoptr(BriefEvent) loaded_yearless = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BriefBriefing) copy = NULL;
  g_autoptr(GError) error = NULL;
  BriefDate start = { BRIEF_DATE_PRECISION_YEAR, 2001, 0, 0, 0 };
  BriefDate end = { BRIEF_DATE_PRECISION_YEAR, 2009, 0, 0, 0 };
  BriefDate february = { BRIEF_DATE_PRECISION_MONTH, 2019, 0, 2, 0 };
  BriefDate july;

  span = brief_event_new (&start, "from 2001 to 2009", "Dredging", NULL);
  brief_event_set_end_date (span, &end);
  derived = brief_event_new (&february, "two months before April 2019", "Talks collapse", NULL);
  brief_event_set_derivation (derived, "April 2019", "-P2M");
  g_assert_true (brief_event_parse_yearless_value ("XXXX-07-14", &july));
  g_assert_false (brief_event_parse_yearless_value ("XXXX", &july));
  g_assert_false (brief_event_parse_yearless_value ("2019-07", &july));
  g_assert_true (brief_event_parse_yearless_value ("XXXX-07", &july));
  yearless = brief_event_new (&july, "in July", "Committee meets", NULL);
  brief_event_set_year_known (yearless, FALSE);
  brief_briefing_add_event (original, span);
  brief_briefing_add_event (original, derived);
  brief_briefing_add_event (original, yearless);

  bytes = brief_briefing_serialize (original);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "\"XXXX-07\""));
  copy = brief_briefing_deserialize (bytes, &error);
  g_assert_no_error (error);
  assert_same_briefing (original, copy);

  loaded_span = event_at (copy, 0);
  loaded_derived = event_at (copy, 1);
  loaded_yearless = event_at (copy, 2);
  g_assert_cmpstr (brief_event_get_title (loaded_span), ==, "Dredging");
  g_assert_nonnull (brief_event_get_end_date (loaded_span));
  g_assert_cmpint (brief_event_get_end_date (loaded_span)->year, ==, 2009);
  g_assert_null (brief_event_get_end_date (loaded_derived));
  g_assert_cmpstr (brief_event_get_derived_from (loaded_derived), ==, "April 2019");
  g_assert_cmpstr (brief_event_get_derived_offset (loaded_derived), ==, "-P2M");
  g_assert_false (brief_event_is_derived (loaded_span));
  g_assert_false (brief_event_get_year_known (loaded_yearless));
  g_assert_true (brief_event_get_year_known (loaded_span));
  g_assert_cmpint (brief_event_get_date (loaded_yearless)->month, ==, 7);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out_result = user_data;
  *out_result = g_object_ref (result);
}

static void
test_save_and_load (void)
{
  g_autoptr(BriefBriefing) original = load_fixture ("version-1.briefing");
  /* A folder of its own: the same test may run twice at once (two builds). */
  g_autofree char *scratch = g_dir_make_tmp ("briefing-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (scratch, "saved.briefing", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *second_etag = NULL;
  g_autoptr(BriefBriefing) loaded = NULL;

  brief_briefing_save_async (original, file, NULL, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  etag = brief_briefing_save_finish (original, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (etag);
  g_clear_object (&result);

  loaded = brief_briefing_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same_briefing (original, loaded);

  /* Someone else changes the file: saving with the old etag must not overwrite it. */
  /* Local etags carry microseconds: a short pause is enough to differ. */
  g_usleep (G_USEC_PER_SEC / 50);
  g_assert_true (g_file_set_contents (path, "changed elsewhere", -1, NULL));
  brief_briefing_save_async (original, file, etag, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  second_etag = brief_briefing_save_finish (original, result, &error);
  g_assert_null (second_etag);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "changed elsewhere");
  }
  /* The first save kept no backup (there was nothing to back up); saving
   * over its own file keeps the previous version beside it. */
  g_clear_object (&result);
  g_clear_pointer (&etag, g_free);
  g_assert_true (g_file_set_contents (path, "previous version", -1, NULL));
  brief_briefing_save_async (original, file, NULL, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  etag = brief_briefing_save_finish (original, result, &error);
  g_assert_no_error (error);
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (backup, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "previous version");
  }
}

typedef struct
{
  const char *name;
  const char *json;
  int         code;
} DamageCase;

static const DamageCase damage_cases[] = {
  { "empty", "", BRIEF_BRIEFING_FILE_ERROR_NOT_A_BRIEFING },
  { "not-json", "Kim and Putin may meet", BRIEF_BRIEFING_FILE_ERROR_NOT_A_BRIEFING },
  { "truncated", "{\"format\": \"io.github.briefingdesk.Briefing\", \"version\": 1, \"articles\": [", BRIEF_BRIEFING_FILE_ERROR_NOT_A_BRIEFING },
  { "array", "[1, 2, 3]", BRIEF_BRIEFING_FILE_ERROR_NOT_A_BRIEFING },
  { "other-format", "{\"format\": \"something-else\", \"version\": 1}", BRIEF_BRIEFING_FILE_ERROR_NOT_A_BRIEFING },
  { "newer", "{\"format\": \"io.github.briefingdesk.Briefing\", \"version\": 7, \"articles\": [], \"events\": []}", BRIEF_BRIEFING_FILE_ERROR_NEWER_VERSION },
  { "no-version", "{\"format\": \"io.github.briefingdesk.Briefing\", \"articles\": [], \"events\": []}", BRIEF_BRIEFING_FILE_ERROR_DAMAGED },
  { "version-string", "{\"format\": \"io.github.briefingdesk.Briefing\", \"version\": \"1\", \"articles\": [], \"events\": []}", BRIEF_BRIEFING_FILE_ERROR_DAMAGED },
  { "no-events", "{\"format\": \"io.github.briefingdesk.Briefing\", \"version\": 1, \"articles\": []}", BRIEF_BRIEFING_FILE_ERROR_DAMAGED },
  { "title-number", "{\"format\": \"io.github.briefingdesk.Briefing\", \"version\": 1, \"title\": 5, \"articles\": [], \"events\": []}", BRIEF_BRIEFING_FILE_ERROR_DAMAGED },
  { "article-without-text", "{\"format\": \"io.github.briefingdesk.Briefing\", \"version\": 1, \"articles\": [{\"title\": \"x\"}], \"events\": []}", BRIEF_BRIEFING_FILE_ERROR_DAMAGED },
  { "paragraph-outside", "{\"format\": \"io.github.briefingdesk.Briefing\", \"version\": 1, \"articles\": [{\"text\": \"abc\", \"paragraphs\": [{\"kind\": \"p\", \"start\": 2, \"length\": 9}]}], \"events\": []}", BRIEF_BRIEFING_FILE_ERROR_DAMAGED },
  { "paragraph-kind", "{\"format\": \"io.github.briefingdesk.Briefing\", \"version\": 1, \"articles\": [{\"text\": \"abc\", \"paragraphs\": [{\"kind\": \"marquee\", \"start\": 0, \"length\": 1}]}], \"events\": []}", BRIEF_BRIEFING_FILE_ERROR_DAMAGED },
  { "event-bad-date", "{\"format\": \"io.github.briefingdesk.Briefing\", \"version\": 1, \"articles\": [], \"events\": [{\"date\": \"2019-13\", \"title\": \"x\", \"state\": \"accepted\"}]}", BRIEF_BRIEFING_FILE_ERROR_DAMAGED },
  { "event-bad-state", "{\"format\": \"io.github.briefingdesk.Briefing\", \"version\": 1, \"articles\": [], \"events\": [{\"date\": \"2019\", \"title\": \"x\", \"state\": \"maybe\"}]}", BRIEF_BRIEFING_FILE_ERROR_DAMAGED },
  { "event-missing-article", "{\"format\": \"io.github.briefingdesk.Briefing\", \"version\": 1, \"articles\": [], \"events\": [{\"date\": \"2019\", \"title\": \"x\", \"state\": \"accepted\", \"article\": 0}]}", BRIEF_BRIEFING_FILE_ERROR_DAMAGED },
  { "event-span-outside", "{\"format\": \"io.github.briefingdesk.Briefing\", \"version\": 1, \"articles\": [{\"text\": \"abc\"}], \"events\": [{\"date\": \"2019\", \"title\": \"x\", \"state\": \"accepted\", \"article\": 0, \"start\": 0, \"end\": 99, \"date_start\": 0, \"date_end\": 1}]}", BRIEF_BRIEFING_FILE_ERROR_DAMAGED },
  { "event-bad-end-date", "{\"format\": \"io.github.briefingdesk.Briefing\", \"version\": 1, \"articles\": [], \"events\": [{\"date\": \"2019\", \"end_date\": \"soon\", \"title\": \"x\", \"state\": \"accepted\"}]}", BRIEF_BRIEFING_FILE_ERROR_DAMAGED },
  { "event-half-derivation", "{\"format\": \"io.github.briefingdesk.Briefing\", \"version\": 1, \"articles\": [], \"events\": [{\"date\": \"2019\", \"derived_from\": \"2020\", \"title\": \"x\", \"state\": \"accepted\"}]}", BRIEF_BRIEFING_FILE_ERROR_DAMAGED },
  { "negative-offset", "{\"format\": \"io.github.briefingdesk.Briefing\", \"version\": 1, \"articles\": [{\"text\": \"abc\"}], \"events\": [{\"date\": \"2019\", \"title\": \"x\", \"state\": \"accepted\", \"article\": 0, \"start\": -1, \"end\": 1, \"date_start\": 0, \"date_end\": 1}]}", BRIEF_BRIEFING_FILE_ERROR_DAMAGED },
};

static void
test_damaged (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (damage_cases); i++)
    {
      const DamageCase *c = &damage_cases[i];
      g_autoptr(GBytes) bytes = g_bytes_new_static (c->json, strlen (c->json));
      g_autoptr(GError) error = NULL;
      g_autoptr(BriefBriefing) briefing = NULL;

      g_test_message ("case %s", c->name);
      briefing = brief_briefing_deserialize (bytes, &error);
      g_assert_null (briefing);
      g_assert_error (error, BRIEF_BRIEFING_FILE_ERROR, c->code);
      g_assert_cmpstr (error->message, !=, "");
    }
}

static void
test_hostile (void)
{
  GString *deep = g_string_new ("{\"format\": \"io.github.briefingdesk.Briefing\", \"version\": 1, \"notes\": ");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char invalid_utf8[] = "{\"format\": \"io.github.briefingdesk.Briefing\", \"version\": 1, \"title\": \"\xff\xfe\", \"articles\": [], \"events\": []}";
  g_autoptr(GBytes) invalid = g_bytes_new_static (invalid_utf8, sizeof invalid_utf8 - 1);

  /* 100,000 nested arrays would exhaust the recursive parser's stack. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  bytes = g_string_free_to_bytes (deep);
  g_assert_null (brief_briefing_deserialize (bytes, &error));
  g_assert_error (error, BRIEF_BRIEFING_FILE_ERROR, BRIEF_BRIEFING_FILE_ERROR_NOT_A_BRIEFING);
  g_clear_error (&error);

  g_assert_null (brief_briefing_deserialize (invalid, &error));
  g_assert_error (error, BRIEF_BRIEFING_FILE_ERROR, BRIEF_BRIEFING_FILE_ERROR_NOT_A_BRIEFING);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/briefing-file/version-1", test_version_1);
  g_test_add_func ("/briefing-file/round-trip", test_round_trip);
  g_test_add_func ("/briefing-file/event-details", test_event_details);
  g_test_add_func ("/briefing-file/save-and-load", test_save_and_load);
  g_test_add_func ("/briefing-file/damaged", test_damaged);
  g_test_add_func ("/briefing-file/hostile", test_hostile);

  return g_test_run ();
}
