/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "brief-article.h"
#include "brief-briefing.h"
#include "brief-event.h"
#include "brief-timeline-range.h"

G_BEGIN_DECLS

#define BRIEF_TYPE_TIMELINE (brief_timeline_get_type ())

G_DECLARE_FINAL_TYPE (BriefTimeline, brief_timeline, BRIEF, TIMELINE, GtkWidget)

GtkWidget          *brief_timeline_new                 (void);
/* Returns: (transfer none) (nullable): the events, a selection model of BriefEvent */
GtkSelectionModel  *brief_timeline_get_model          (BriefTimeline     *self);
void                brief_timeline_set_model          (BriefTimeline     *self,
                                                       GtkSelectionModel *model);
/* The articles, in order: an event's colour is its article's position here. */
void                brief_timeline_set_sources        (BriefTimeline     *self,
                                                       GListModel        *articles);
/* The briefing the context menu's edits go through, undoably (may be NULL:
 * the events are then changed directly). */
void                brief_timeline_set_briefing       (BriefTimeline     *self,
                                                       BriefBriefing     *briefing);
/* The article read now: its events stand out, its publication date is marked. */
BriefArticle       *brief_timeline_get_current_article (BriefTimeline    *self);
void                brief_timeline_set_current_article (BriefTimeline    *self,
                                                        BriefArticle     *article);
/* Returns: (transfer none): the days shown */
BriefTimelineRange *brief_timeline_get_range          (BriefTimeline     *self);
void                brief_timeline_fit_all            (BriefTimeline     *self,
                                                       gboolean           animate);
/* Moves the visible range, animated, until @event is in view. */
void                brief_timeline_scroll_to_event    (BriefTimeline     *self,
                                                       BriefEvent        *event);
/* The days the user chose to see ([*start, *end), Julian day numbers), or
 * FALSE while the timeline fits all its events. */
gboolean            brief_timeline_get_chosen_range   (BriefTimeline     *self,
                                                       double            *start,
                                                       double            *end);
/* Shows [start, end) as if the user had chosen it: kept until Fit All. */
void                brief_timeline_choose_range       (BriefTimeline     *self,
                                                       double             start,
                                                       double             end);
/* The colour of the source at @index in the palette. */
void                brief_timeline_get_source_color   (guint              index,
                                                       GdkRGBA           *rgba);

G_END_DECLS
