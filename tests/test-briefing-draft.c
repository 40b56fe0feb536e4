/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "brief-briefing-file.h"
#include "brief-document.h"

/* A crash leaves a draft of a saved briefing behind: restored, it is that
 * file again, unsaved, and Save writes to it.  No display is needed. */

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static GPtrArray *
find_drafts (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *drafts;

  brief_document_find_drafts_async (NULL, store_result_cb, &result);
  drafts = brief_document_find_drafts_finish (wait_result (&result), &error);
  g_assert_no_error (error);
  return drafts;
}

static void
save (BriefDocument *document,
      GFile         *file)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  brief_document_save_async (document, file, FALSE, NULL, store_result_cb, &result);
  g_assert_true (brief_document_save_finish (document, wait_result (&result), &error));
  g_assert_no_error (error);
}

/* Waits for the autosave (a second, BRIEF_AUTOSAVE_SECONDS) to have
 * written @draft whole: the file is replaced in place, empty at first. */
static void
wait_for_draft (GFile *draft)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (draft, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);

      if (info != NULL && g_file_info_get_size (info) > 0)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  /* The save ends on the main loop: let it. */
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
}

static void
test_restore_keeps_path (void)
{
  /* A folder of its own: the same test may run twice at once (two builds). */
  g_autofree char *scratch = g_dir_make_tmp ("briefing-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (scratch, "ferry.briefing", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  g_autoptr(BriefDocument) document = NULL;
  g_autoptr(BriefDocument) restored = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BriefBriefing) reopened = NULL;
  g_autoptr(GFile) draft = NULL;
  g_autofree char *name = NULL;
  g_autofree char *origin_path = NULL;

  brief_briefing_edit_text (briefing, "title", "Island ferry");
  document = brief_document_new (briefing, NULL, NULL);
  save (document, file);

  /* An edit after saving; its draft is written, then the app "crashes":
   * the document goes without discarding its draft. */
  brief_briefing_edit_text (briefing, "notes", "The pier is finished.");
  draft = g_object_ref (brief_document_get_draft_file (document));
  wait_for_draft (draft);
  origin_path = g_strconcat (g_file_peek_path (draft), ".origin", NULL);
  g_assert_true (g_file_test (origin_path, G_FILE_TEST_EXISTS));
  g_clear_object (&document);

  drafts = find_drafts ();
  g_assert_cmpuint (drafts->len, ==, 1);
  brief_document_restore_draft_async (g_ptr_array_index (drafts, 0), NULL, store_result_cb, &result);
  restored = brief_document_restore_draft_finish (wait_result (&result), &error);
  g_assert_no_error (error);

  /* The file it was, with unsaved work: the window shows "• ferry.briefing". */
  g_assert_nonnull (brief_document_get_file (restored));
  g_assert_true (g_file_equal (brief_document_get_file (restored), file));
  g_assert_true (brief_briefing_get_modified (brief_document_get_briefing (restored)));
  name = brief_document_dup_display_name (restored);
  g_assert_cmpstr (name, ==, "ferry.briefing");

  /* Save (no file given) writes the original path, whose etag still
   * matches, and the draft and its origin go. */
  save (restored, NULL);
  reopened = brief_briefing_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (brief_briefing_get_notes (reopened), ==, "The pier is finished.");
  while (g_file_test (origin_path, G_FILE_TEST_EXISTS) || g_file_query_exists (draft, NULL))
    g_main_context_iteration (NULL, TRUE);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = find_drafts ();
  g_assert_cmpuint (drafts->len, ==, 0);
}

static void
test_restore_unsaved (void)
{
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  g_autoptr(BriefDocument) document = brief_document_new (briefing, NULL, NULL);
  g_autoptr(BriefDocument) restored = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) draft = NULL;
  g_autofree char *origin_path = NULL;

  /* Never saved: no origin, and it comes back as a new briefing. */
  brief_briefing_edit_text (briefing, "notes", "Draft only.");
  draft = g_object_ref (brief_document_get_draft_file (document));
  wait_for_draft (draft);
  origin_path = g_strconcat (g_file_peek_path (draft), ".origin", NULL);
  g_assert_false (g_file_test (origin_path, G_FILE_TEST_EXISTS));
  g_clear_object (&document);

  brief_document_restore_draft_async (draft, NULL, store_result_cb, &result);
  restored = brief_document_restore_draft_finish (wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_null (brief_document_get_file (restored));
  g_assert_cmpstr (brief_briefing_get_notes (brief_document_get_briefing (restored)), ==, "Draft only.");
  brief_document_discard_draft (restored);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("BRIEF_AUTOSAVE_SECONDS", "1", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/briefing-draft/restore-keeps-path", test_restore_keeps_path);
  g_test_add_func ("/briefing-draft/restore-unsaved", test_restore_unsaved);

  return g_test_run ();
}
