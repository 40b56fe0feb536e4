/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "brief-briefing.h"

G_BEGIN_DECLS

#define BRIEF_TYPE_DOCUMENT (brief_document_get_type ())

G_DECLARE_FINAL_TYPE (BriefDocument, brief_document, BRIEF, DOCUMENT, GObject)

/* A briefing and where it lives: its file, the file's etag when last read or
 * written, and a draft autosaved a few seconds after each edit under
 * $XDG_DATA_HOME/briefing/drafts/ until the briefing is saved or closed. */
BriefDocument      *brief_document_new            (BriefBriefing        *briefing,
                                                   GFile                *file,
                                                   const char           *etag);
BriefBriefing      *brief_document_get_briefing   (BriefDocument        *self);
/* Returns: (transfer none) (nullable): the file saved to or opened from */
GFile              *brief_document_get_file       (BriefDocument        *self);
const char         *brief_document_get_etag       (BriefDocument        *self);
/* The file's name, or the briefing's title while it has none. */
char               *brief_document_dup_display_name (BriefDocument      *self);
/* TRUE for a new window's briefing: no source, no file, no edit. */
gboolean            brief_document_is_empty       (BriefDocument        *self);
/* Returns: (transfer none): the draft file of this document */
GFile              *brief_document_get_draft_file (BriefDocument        *self);

/* Saves to @file (NULL: the document's file).  Over the document's own file
 * the etag is checked unless @overwrite (G_IO_ERROR_WRONG_ETAG when someone
 * else changed it); the file and etag are then kept and the draft removed. */
void                brief_document_save_async     (BriefDocument        *self,
                                                   GFile                *file,
                                                   gboolean              overwrite,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean            brief_document_save_finish    (BriefDocument        *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
void                brief_document_load_async     (GFile                *file,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
BriefDocument      *brief_document_load_finish    (GAsyncResult         *result,
                                                   GError              **error);

/* Removes the draft (after a real save or when the user discards the edits). */
void                brief_document_discard_draft  (BriefDocument        *self);

/* Drafts left behind by a crash, oldest first (GFile). */
void                brief_document_find_drafts_async  (GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
GPtrArray          *brief_document_find_drafts_finish (GAsyncResult        *result,
                                                       GError             **error);
/* Opens a draft as an unsaved briefing that keeps autosaving to it; the
 * draft of a saved briefing reopens as that file (its name, and Save
 * writes there). */
void                brief_document_restore_draft_async  (GFile               *draft,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
BriefDocument      *brief_document_restore_draft_finish (GAsyncResult        *result,
                                                         GError             **error);
/* Returns: (transfer full): $XDG_DATA_HOME/briefing/drafts */
GFile              *brief_document_get_drafts_dir (void);

G_END_DECLS
