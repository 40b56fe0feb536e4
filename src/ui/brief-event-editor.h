/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "brief-briefing.h"

G_BEGIN_DECLS

#define BRIEF_TYPE_EVENT_EDITOR (brief_event_editor_get_type ())

G_DECLARE_FINAL_TYPE (BriefEventEditor, brief_event_editor, BRIEF, EVENT_EDITOR, GtkWindow)

/* A dialog editing @event's title and date in one undo step. */
BriefEventEditor   *brief_event_editor_new_edit   (GtkWindow     *parent,
                                                   BriefBriefing *briefing,
                                                   BriefEvent    *event);
/* A dialog adding an event by hand; with @article, tied to the span
 * [@start, @end) of its text (@text, the words there, suggests the title). */
BriefEventEditor   *brief_event_editor_new_add    (GtkWindow     *parent,
                                                   BriefBriefing *briefing,
                                                   BriefArticle  *article,
                                                   guint          start,
                                                   guint          end,
                                                   const char    *text);

G_END_DECLS
