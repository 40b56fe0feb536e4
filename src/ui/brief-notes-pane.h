/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "brief-briefing.h"

G_BEGIN_DECLS

#define BRIEF_TYPE_NOTES_PANE (brief_notes_pane_get_type ())

G_DECLARE_FINAL_TYPE (BriefNotesPane, brief_notes_pane, BRIEF, NOTES_PANE, GtkWidget)

/* The analyst's notes (Markdown), edited undoably in the briefing, with a
 * word count. */
GtkWidget          *brief_notes_pane_new           (void);
void                brief_notes_pane_set_briefing  (BriefNotesPane *self,
                                                    BriefBriefing  *briefing);
/* Inserts "- July 2023: Title [n]" at the cursor, n the event's source. */
void                brief_notes_pane_insert_event  (BriefNotesPane *self,
                                                    BriefEvent     *event);
/* Words in @text: runs of letters and digits (apostrophes and hyphens join). */
guint               brief_notes_count_words        (const char     *text);

G_END_DECLS
