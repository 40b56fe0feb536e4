/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "brief-document.h"
#include "brief-window.h"

G_BEGIN_DECLS

/* brief-window.c */
BriefDocument      *_brief_window_get_document    (BriefWindow   *self);
/* Shows @document's briefing in every pane, in place of the one shown. */
void                _brief_window_set_document    (BriefWindow   *self,
                                                   BriefDocument *document);
GCancellable       *_brief_window_get_cancellable (BriefWindow   *self);
/* The event a curation or notes action is about: the one selected. */
BriefEvent         *_brief_window_get_selected_event (BriefWindow *self);

/* brief-window-session.c: files, drafts, undo and redo, the title. */
void                _brief_window_session_class_init    (GtkWidgetClass *widget_class);
void                _brief_window_session_init          (BriefWindow    *self);
void                _brief_window_session_dispose       (BriefWindow    *self);
/* Follows the document just set: title, unsaved mark, undo labels. */
void                _brief_window_session_document_set  (BriefWindow    *self);
/* Returns: TRUE to keep the window open (the user is asked first) */
gboolean            _brief_window_session_close_request (BriefWindow    *self);
gboolean            _brief_window_is_project_file       (GFile          *file);
/* Opens a .briefing in this window when it is empty, else in a new one. */
void                _brief_window_open_project          (BriefWindow    *self,
                                                         GFile          *file);

G_END_DECLS
