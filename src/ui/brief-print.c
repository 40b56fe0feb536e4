/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-print"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-print.h"

/* The schema id stays the base id in development builds, so both share it. */
#define BRIEF_SETTINGS_SCHEMA_ID "io.github.briefingdesk.Briefing"

/* The printer and its options, kept from one print to the next. */
static GtkPrintSettings *last_print_settings;

void
brief_print_page_setup_to_brief (GtkPageSetup   *page_setup,
                                 BriefPageSetup *out_setup)
{
  g_return_if_fail (GTK_IS_PAGE_SETUP (page_setup));
  g_return_if_fail (out_setup != NULL);

  /* The paper as it lies, turned for landscape. */
  out_setup->width = gtk_page_setup_get_paper_width (page_setup, GTK_UNIT_POINTS);
  out_setup->height = gtk_page_setup_get_paper_height (page_setup, GTK_UNIT_POINTS);
  out_setup->margin_top = gtk_page_setup_get_top_margin (page_setup, GTK_UNIT_POINTS);
  out_setup->margin_right = gtk_page_setup_get_right_margin (page_setup, GTK_UNIT_POINTS);
  out_setup->margin_bottom = gtk_page_setup_get_bottom_margin (page_setup, GTK_UNIT_POINTS);
  out_setup->margin_left = gtk_page_setup_get_left_margin (page_setup, GTK_UNIT_POINTS);
}

GtkPageSetup *
brief_print_page_setup_load (GSettings *settings)
{
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autofree char *size = NULL;
  g_autofree char *orientation = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  size = g_settings_get_string (settings, "page-size");
  orientation = g_settings_get_string (settings, "page-orientation");

  paper = gtk_paper_size_new (g_str_equal (size, "letter") ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (page_setup, paper);
  gtk_page_setup_set_orientation (page_setup,
                                  g_str_equal (orientation, "landscape")
                                  ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_top_margin (page_setup, g_settings_get_double (settings, "margin-top"), GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (page_setup, g_settings_get_double (settings, "margin-bottom"), GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (page_setup, g_settings_get_double (settings, "margin-left"), GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (page_setup, g_settings_get_double (settings, "margin-right"), GTK_UNIT_MM);

  return g_steal_pointer (&page_setup);
}

static void
save_margin (GSettings  *settings,
             const char *key,
             double      millimetres)
{
  /* The schema's range: a printer's odd hardware margin is not an error. */
  g_settings_set_double (settings, key, CLAMP (millimetres, 0.0, 100.0));
}

void
brief_print_page_setup_save (GSettings    *settings,
                             GtkPageSetup *page_setup)
{
  GtkPaperSize *paper;
  gboolean letter;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (GTK_IS_PAGE_SETUP (page_setup));

  paper = gtk_page_setup_get_paper_size (page_setup);
  letter = g_str_equal (gtk_paper_size_get_name (paper), GTK_PAPER_NAME_LETTER);

  g_settings_set_string (settings, "page-size", letter ? "letter" : "a4");
  g_settings_set_string (settings, "page-orientation",
                         gtk_page_setup_get_orientation (page_setup) == GTK_PAGE_ORIENTATION_LANDSCAPE
                         ? "landscape" : "portrait");
  save_margin (settings, "margin-top", gtk_page_setup_get_top_margin (page_setup, GTK_UNIT_MM));
  save_margin (settings, "margin-bottom", gtk_page_setup_get_bottom_margin (page_setup, GTK_UNIT_MM));
  save_margin (settings, "margin-left", gtk_page_setup_get_left_margin (page_setup, GTK_UNIT_MM));
  save_margin (settings, "margin-right", gtk_page_setup_get_right_margin (page_setup, GTK_UNIT_MM));
}

static void
operation_begin_print_cb (BriefNoteRenderer *renderer,
                          GtkPrintContext   *context,
                          GtkPrintOperation *operation)
{
  GtkPageSetup *page_setup = gtk_print_context_get_page_setup (context);
  BriefPageSetup setup;

  g_assert (BRIEF_IS_NOTE_RENDERER (renderer));

  /* The paper and margins chosen in the print dialog win. */
  brief_print_page_setup_to_brief (page_setup, &setup);
  brief_note_renderer_set_page_setup (renderer, &setup);
  gtk_print_operation_set_n_pages (operation, MAX (1, (int) brief_note_renderer_paginate (renderer)));
}

static void
operation_draw_page_cb (BriefNoteRenderer *renderer,
                        GtkPrintContext   *context,
                        int                page,
                        GtkPrintOperation *operation)
{
  g_assert (BRIEF_IS_NOTE_RENDERER (renderer));
  g_assert (page >= 0);

  if ((guint) page >= brief_note_renderer_get_n_pages (renderer))
    return;

  brief_note_renderer_draw_page (renderer, gtk_print_context_get_cairo_context (context), page);
}

GtkPrintOperation *
brief_print_operation_new (BriefExportContent *content,
                           GtkPageSetup       *page_setup)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(BriefNoteRenderer) renderer = NULL;
  g_autofree char *job_name = NULL;
  BriefPageSetup setup;

  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (page_setup == NULL || GTK_IS_PAGE_SETUP (page_setup), NULL);

  if (page_setup != NULL)
    brief_print_page_setup_to_brief (page_setup, &setup);
  else
    brief_page_setup_init_a4 (&setup);
  renderer = brief_note_renderer_new (content, &setup);

  operation = gtk_print_operation_new ();
  /* The renderer draws from the paper's corner in points, margins included. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  if (page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, page_setup);

  job_name = g_strdup (content->title != NULL && *content->title != '\0'
                       ? content->title : _("Briefing"));
  gtk_print_operation_set_job_name (operation, job_name);

  g_signal_connect_object (operation, "begin-print",
                           G_CALLBACK (operation_begin_print_cb),
                           renderer,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (operation, "draw-page",
                           G_CALLBACK (operation_draw_page_cb),
                           renderer,
                           G_CONNECT_SWAPPED);
  /* The operation keeps the renderer as long as it lives. */
  g_object_set_data_full (G_OBJECT (operation), "brief-note-renderer",
                          g_steal_pointer (&renderer), g_object_unref);

  return g_steal_pointer (&operation);
}

static void
operation_done_cb (GTask                   *task,
                   GtkPrintOperationResult  result,
                   GtkPrintOperation       *operation)
{
  g_autoptr(GError) error = NULL;

  g_assert (G_IS_TASK (task));

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_print_settings, gtk_print_operation_get_print_settings (operation));

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error == NULL)
        g_set_error_literal (&error, GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL, _("Printing failed"));
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    {
      g_task_return_boolean (task, TRUE);
    }

  /* The operation held the task; the task holds the operation no more. */
  g_signal_handlers_disconnect_by_func (operation, operation_done_cb, task);
  g_object_unref (task);
}

void
brief_print_briefing_async (GtkWindow               *parent,
                            BriefBriefing           *briefing,
                            GtkPrintOperationAction  action,
                            GCancellable            *cancellable,
                            GAsyncReadyCallback      callback,
                            gpointer                 user_data)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(BriefExportContent) content = NULL;
  g_autoptr(GError) error = NULL;
  GTask *task;
  GtkPrintOperationResult result;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (BRIEF_IS_BRIEFING (briefing));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, brief_print_briefing_async);

  settings = g_settings_new (BRIEF_SETTINGS_SCHEMA_ID);
  page_setup = brief_print_page_setup_load (settings);
  content = brief_export_content_new (briefing, NULL);

  operation = brief_print_operation_new (content, page_setup);
  if (last_print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_print_settings);
  g_task_set_task_data (task, g_object_ref (operation), g_object_unref);
  g_signal_connect_swapped (operation, "done", G_CALLBACK (operation_done_cb), task);

  result = gtk_print_operation_run (operation, action, parent, &error);
  /* Not async here (or it ended at once): ::done was not emitted. */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS &&
      g_signal_handler_find (operation, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA,
                             0, 0, NULL, operation_done_cb, task) != 0)
    {
      if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
        {
          g_signal_handlers_disconnect_by_func (operation, operation_done_cb, task);
          g_task_return_error (task, g_steal_pointer (&error));
          g_object_unref (task);
          return;
        }
      operation_done_cb (task, result, operation);
    }
}

gboolean
brief_print_briefing_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == brief_print_briefing_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
page_setup_done_cb (GtkPageSetup *page_setup,
                    gpointer      user_data)
{
  g_autoptr(GSettings) settings = NULL;

  /* NULL when the dialog was cancelled. */
  if (page_setup == NULL)
    return;

  settings = g_settings_new (BRIEF_SETTINGS_SCHEMA_ID);
  brief_print_page_setup_save (settings, page_setup);
}

void
brief_print_run_page_setup (GtkWindow *parent)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  settings = g_settings_new (BRIEF_SETTINGS_SCHEMA_ID);
  page_setup = brief_print_page_setup_load (settings);
  gtk_print_run_page_setup_dialog_async (parent, page_setup, last_print_settings,
                                         page_setup_done_cb, NULL);
}
