/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "brief-export.h"
#include "brief-note-renderer.h"

G_BEGIN_DECLS

/* Paper and margins of @page_setup, in points, for the note renderer. */
void                brief_print_page_setup_to_brief    (GtkPageSetup   *page_setup,
                                                        BriefPageSetup *out_setup);
/* The page setup remembered in @settings (page-size, page-orientation,
 * margin-*); A4 with 20 mm margins by default. */
GtkPageSetup       *brief_print_page_setup_load        (GSettings      *settings);
/* Remembers @page_setup: US Letter is kept as such, any other paper as A4. */
void                brief_print_page_setup_save        (GSettings      *settings,
                                                        GtkPageSetup   *page_setup);

/* A print operation that prints @content with the briefing note renderer,
 * the one behind PDF export, on @page_setup (or the paper chosen in the
 * print dialog); asynchronous where the platform allows it. */
GtkPrintOperation  *brief_print_operation_new          (BriefExportContent *content,
                                                        GtkPageSetup       *page_setup);

/* Prints @briefing (its snapshot taken now) on the page setup remembered
 * in GSettings, through the print dialog for PRINT_DIALOG, straight to
 * GTK's preview for PREVIEW.  The printer settings chosen are remembered
 * for the rest of the session.  Finishes when the job is handed over or
 * cancelled (not an error). */
void                brief_print_briefing_async         (GtkWindow               *parent,
                                                        BriefBriefing           *briefing,
                                                        GtkPrintOperationAction  action,
                                                        GCancellable            *cancellable,
                                                        GAsyncReadyCallback      callback,
                                                        gpointer                 user_data);
gboolean            brief_print_briefing_finish        (GAsyncResult            *result,
                                                        GError                 **error);
/* Shows the page setup dialog for paper and margins and remembers the choice. */
void                brief_print_run_page_setup         (GtkWindow               *parent);

G_END_DECLS
