/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "brief-briefing.h"

G_BEGIN_DECLS

#define BRIEF_TYPE_IMPORT_CONTROLLER (brief_import_controller_get_type ())

G_DECLARE_FINAL_TYPE (BriefImportController, brief_import_controller, BRIEF, IMPORT_CONTROLLER, GtkWidget)

/* Imports files and text into a briefing one after the other, off the main
 * thread, and shows the progress, a Cancel button and the errors of a batch
 * in a banner (the widget itself). */
GtkWidget          *brief_import_controller_new             (void);
void                brief_import_controller_set_briefing    (BriefImportController  *self,
                                                             BriefBriefing          *briefing);
/* Imports stop when @cancellable (the window's, cancelled on close) is. */
void                brief_import_controller_set_cancellable (BriefImportController  *self,
                                                             GCancellable           *cancellable);
gboolean            brief_import_controller_get_busy        (BriefImportController  *self);
void                brief_import_controller_import_files    (BriefImportController  *self,
                                                             GFile                 **files,
                                                             guint                   n_files);
/* Adds pasted or dropped @text as a new article; @title_hint (nullable)
 * titles it when it has no headline. */
void                brief_import_controller_import_text     (BriefImportController  *self,
                                                             const char             *text,
                                                             const char             *title_hint);
/* Reads the clipboard of @self: files are imported, text becomes an article. */
void                brief_import_controller_paste           (BriefImportController  *self);
/* Cancels the files still to import; what was imported stays. */
void                brief_import_controller_cancel          (BriefImportController  *self);

/* Adds the filters of the Open dialog to @chooser and selects "All supported". */
void                brief_import_add_file_filters           (GtkFileChooser         *chooser);

G_END_DECLS
