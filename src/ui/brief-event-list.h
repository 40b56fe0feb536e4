/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

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
 * events searched, filtered and sorted */
GtkSingleSelection *brief_event_list_get_selection (BriefEventList *self);

G_END_DECLS
