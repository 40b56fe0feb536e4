/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <gtk/gtk.h>

#include "brief-export-dialog.h"
#include "brief-print.h"
#include "test-export-fixture.h"

/* The settings of the app's schema, from the build's data dir (memory backend). */
static GSettings *
new_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.briefingdesk.Briefing");

  g_settings_reset (settings, "page-size");
  g_settings_reset (settings, "page-orientation");
  g_settings_reset (settings, "margin-top");
  g_settings_reset (settings, "margin-bottom");
  g_settings_reset (settings, "margin-left");
  g_settings_reset (settings, "margin-right");
  return g_steal_pointer (&settings);
}

static void
test_page_setup_default (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GtkPageSetup) page_setup = brief_print_page_setup_load (settings);
  BriefPageSetup setup, a4;

  brief_print_page_setup_to_brief (page_setup, &setup);
  brief_page_setup_init_a4 (&a4);
  /* A4 with 20 mm margins, as the renderer's own default. */
  g_assert_cmpfloat_with_epsilon (setup.width, a4.width, 0.5);
  g_assert_cmpfloat_with_epsilon (setup.height, a4.height, 0.5);
  g_assert_cmpfloat_with_epsilon (setup.margin_top, a4.margin_top, 0.5);
  g_assert_cmpfloat_with_epsilon (setup.margin_left, a4.margin_left, 0.5);
}

static void
test_page_setup_remembered (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPageSetup) loaded = NULL;
  g_autoptr(GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  g_autofree char *size = NULL;
  BriefPageSetup setup;

  gtk_page_setup_set_paper_size (page_setup, letter);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_page_setup_set_top_margin (page_setup, 10, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (page_setup, 12, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (page_setup, 25.4, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (page_setup, 500, GTK_UNIT_MM);  /* out of range: clamped */
  brief_print_page_setup_save (settings, page_setup);

  size = g_settings_get_string (settings, "page-size");
  g_assert_cmpstr (size, ==, "letter");
  loaded = brief_print_page_setup_load (settings);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (loaded)), ==,
                   GTK_PAPER_NAME_LETTER);
  brief_print_page_setup_to_brief (loaded, &setup);
  /* Landscape Letter: 11 × 8.5 inches. */
  g_assert_cmpfloat_with_epsilon (setup.width, 11 * 72, 0.5);
  g_assert_cmpfloat_with_epsilon (setup.height, 8.5 * 72, 0.5);
  g_assert_cmpfloat_with_epsilon (setup.margin_top, 10 / 25.4 * 72, 0.1);
  g_assert_cmpfloat_with_epsilon (setup.margin_left, 72, 0.1);
  g_assert_cmpfloat_with_epsilon (setup.margin_right, 100 / 25.4 * 72, 0.1);
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-layout", pdf, "-", NULL };
  char *text = brief_test_export_run (argv);

  g_assert_nonnull (text);
  return text;
}

static guint
count_pages (const char *text)
{
  guint n = 0;

  for (const char *p = strchr (text, '\f'); p != NULL; p = strchr (p + 1, '\f'))
    n++;
  return n;
}

/* Printing through GtkPrintOperation's export path gives the PDF export's
 * pages and text: one renderer behind both. */
static void
check_print_matches_export (GtkPageSetup *page_setup)
{
  g_autoptr(BriefBriefing) briefing = brief_test_export_briefing ();
  g_autoptr(BriefExportContent) content = brief_test_export_content (briefing, TRUE);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(BriefNoteRenderer) renderer = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *printed_path = NULL;
  g_autofree char *exported_path = NULL;
  g_autofree char *printed_text = NULL;
  g_autofree char *exported_text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  GtkPrintOperationResult result;
  BriefPageSetup setup;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  brief_print_page_setup_to_brief (page_setup, &setup);
  renderer = brief_note_renderer_new (content, &setup);
  exported = brief_note_renderer_write_pdf (renderer, &error);
  g_assert_no_error (error);
  exported_path = brief_test_export_save (exported, "exported.pdf");

  dir = g_path_get_dirname (exported_path);
  printed_path = g_build_filename (dir, "printed.pdf", NULL);
  operation = brief_print_operation_new (content, page_setup);
  gtk_print_operation_set_export_filename (operation, printed_path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (printed_path, G_FILE_TEST_IS_REGULAR));

  printed_text = pdf_text (printed_path);
  exported_text = pdf_text (exported_path);
  g_test_message ("%u pages printed, %u exported", count_pages (printed_text), count_pages (exported_text));
  g_assert_cmpuint (count_pages (printed_text), >=, 2);
  g_assert_cmpuint (count_pages (printed_text), ==, count_pages (exported_text));
  g_assert_cmpstr (printed_text, ==, exported_text);
  g_assert_nonnull (strstr (printed_text, "Page 1 of"));
}

static void
test_print_matches_export_a4 (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GtkPageSetup) page_setup = brief_print_page_setup_load (settings);

  check_print_matches_export (page_setup);
}

static void
test_print_matches_export_letter (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(GtkPageSetup) page_setup = NULL;

  g_settings_set_string (settings, "page-size", "letter");
  g_settings_set_double (settings, "margin-left", 30);
  page_setup = brief_print_page_setup_load (settings);
  check_print_matches_export (page_setup);
}

static void
exported_cb (BriefExportDialog *dialog,
             GFile             *file,
             gboolean          *exported)
{
  *exported = TRUE;
}

static GtkWidget *
dialog_child (BriefExportDialog *dialog,
              const char        *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), BRIEF_TYPE_EXPORT_DIALOG, name));
}

/* Built with AddressSanitizer (CI's second run), writing the large PDF
 * takes several times as long. */
#if defined(__SANITIZE_ADDRESS__)
#define EXPORT_DEADLINE_SECONDS 300
#else
#define EXPORT_DEADLINE_SECONDS 60
#endif

/* A large briefing is written on a thread: the dialog shows progress, then
 * "Exported to", and remembers the format. */
static void
test_export_dialog_large (void)
{
  g_autoptr(BriefBriefing) briefing = brief_test_export_large (30, 3000);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.briefingdesk.Briefing");
  g_autofree char *dir = g_dir_make_tmp ("export-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.pdf", NULL);
  g_autofree char *format = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BriefExportDialog *dialog = NULL;
  gboolean exported = FALSE;
  gboolean saw_progress = FALSE;
  gint64 deadline = g_get_monotonic_time () + EXPORT_DEADLINE_SECONDS * G_USEC_PER_SEC;

  g_settings_set_string (settings, "export-format", "csv");
  dialog = brief_export_dialog_new (NULL, briefing, "Large");
  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  gtk_window_present (GTK_WINDOW (dialog));

  brief_export_dialog_export_to (dialog, file);
  g_assert_true (brief_export_dialog_get_busy (dialog));
  while (!exported && brief_export_dialog_get_busy (dialog) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (dialog_child (dialog, "stack"))), "progress") == 0)
        saw_progress = TRUE;
    }
  g_test_message ("progress shown: %s", saw_progress ? "yes" : "no (written within the delay)");

  g_assert_true (exported);
  g_assert_false (brief_export_dialog_get_busy (dialog));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (dialog_child (dialog, "stack"))), ==, "done");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (dialog_child (dialog, "result_label"))),
                                   "Exported to"));
  /* The name's extension picked the format, remembered for next time. */
  format = g_settings_get_string (settings, "export-format");
  g_assert_cmpstr (format, ==, "pdf");

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* Cancel stops the write and leaves no file. */
static void
test_export_dialog_cancel (void)
{
  g_autoptr(BriefBriefing) briefing = brief_test_export_large (30, 3000);
  g_autofree char *dir = g_dir_make_tmp ("export-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cancelled.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BriefExportDialog *dialog = brief_export_dialog_new (NULL, briefing, "Cancelled");
  gboolean exported = FALSE;
  gint64 deadline = g_get_monotonic_time () + EXPORT_DEADLINE_SECONDS * G_USEC_PER_SEC;

  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  gtk_window_present (GTK_WINDOW (dialog));

  brief_export_dialog_export_to (dialog, file);
  g_assert_true (brief_export_dialog_get_busy (dialog));
  g_signal_emit_by_name (dialog_child (dialog, "cancel_button"), "clicked");
  while (brief_export_dialog_get_busy (dialog) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (brief_export_dialog_get_busy (dialog));
  g_assert_false (exported);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* Back to the choices, the dialog still open. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (dialog_child (dialog, "stack"))), ==, "options");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!gtk_init_check ())
    {
      g_test_message ("no display");
      printf ("1..0 # SKIP no display\n");
      return 0;
    }

  g_test_add_func ("/print/page-setup/default", test_page_setup_default);
  g_test_add_func ("/print/page-setup/remembered", test_page_setup_remembered);
  g_test_add_func ("/print/export/a4", test_print_matches_export_a4);
  g_test_add_func ("/print/export/letter", test_print_matches_export_letter);
  g_test_add_func ("/export-dialog/large", test_export_dialog_large);
  g_test_add_func ("/export-dialog/cancel", test_export_dialog_cancel);

  return g_test_run ();
}
