/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "brief-briefing.h"
#include "brief-event.h"

G_BEGIN_DECLS

#define BRIEF_TYPE_EVENT_LIST (brief_event_list_get_type ())

G_DECLARE_FINAL_TYPE (BriefEventList, brief_event_list, BRIEF, EVENT_LIST, GtkWidget)

GtkWidget          *brief_event_list_new           (void);
/* Shows @events (BriefEvent) of @articles (BriefArticle, for the source filter). */
void                brief_event_list_set_models    (BriefEventList *self,
                                                    GListModel     *events,
                                                    GListModel     *articles);
/* Returns: (transfer none): the selection shared with the timeline: the
 * events searched, filtered and sorted; several may be selected */
GtkSelectionModel  *brief_event_list_get_selection (BriefEventList *self);
/* The briefing that curation edits (accept, hide, star, edit) go through. */
void                brief_event_list_set_briefing  (BriefEventList *self,
                                                    BriefBriefing  *briefing);
/* Returns: (transfer container) (element-type BriefEvent): the selected events */
GPtrArray          *brief_event_list_get_selected_events (BriefEventList *self);
/* Selects only @event, if listed; returns whether it is. */
gboolean            brief_event_list_select_event  (BriefEventList *self,
                                                    BriefEvent     *event);

G_END_DECLS
