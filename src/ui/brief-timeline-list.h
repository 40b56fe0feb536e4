/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "brief-event.h"

G_BEGIN_DECLS

#define BRIEF_TYPE_TIMELINE_LIST (brief_timeline_list_get_type ())

G_DECLARE_FINAL_TYPE (BriefTimelineList, brief_timeline_list, BRIEF, TIMELINE_LIST, GtkWidget)

GtkWidget          *brief_timeline_list_new        (void);
/* Returns: (transfer none) (nullable): the GListModel of BriefEvent shown */
GListModel         *brief_timeline_list_get_model  (BriefTimelineList *self);
void                brief_timeline_list_set_model  (BriefTimelineList *self,
                                                    GListModel        *model);

G_END_DECLS
