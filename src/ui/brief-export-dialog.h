/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "brief-briefing.h"

G_BEGIN_DECLS

#define BRIEF_TYPE_EXPORT_DIALOG (brief_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BriefExportDialog, brief_export_dialog, BRIEF, EXPORT_DIALOG, GtkWindow)

/* Asks for a format, what to include and where, then writes the briefing
 * on a worker thread with progress and Cancel, and offers to open the
 * result.  The last choices are remembered in GSettings.
 * @suggested_name is the file name without extension: the title. */
BriefExportDialog  *brief_export_dialog_new       (GtkWindow     *parent,
                                                   BriefBriefing *briefing,
                                                   const char    *suggested_name);
/* Writes the briefing to @file with the choices shown, as after the file
 * chooser; the format is picked by @file's extension when it names one. */
void                brief_export_dialog_export_to (BriefExportDialog *self,
                                                   GFile             *file);
/* Whether a write is running (the "busy" property). */
gboolean            brief_export_dialog_get_busy  (BriefExportDialog *self);

G_END_DECLS
