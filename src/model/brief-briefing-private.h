/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "brief-briefing.h"

G_BEGIN_DECLS

/* Marks the briefing modified and emits ::changed. */
void                _brief_briefing_changed       (BriefBriefing *self);
/* Inserts @event at its place in time, without recording an edit. */
void                _brief_briefing_insert_event  (BriefBriefing *self,
                                                   BriefEvent    *event);
/* Inserts @events (BriefEvent, any order) at their places in time, without
 * recording an edit; into an empty list in one step. */
void                _brief_briefing_insert_events (BriefBriefing *self,
                                                   GPtrArray     *events);
/* Removes @event without recording an edit; FALSE if it was not there. */
gboolean            _brief_briefing_take_event    (BriefBriefing *self,
                                                   BriefEvent    *event);

/* Adds a saved article with its fresh @analysis (taken; made here when
 * NULL) but without events: the saved events, with the user's decisions,
 * are restored instead. */
void                _brief_briefing_restore_article (BriefBriefing *self,
                                                     BriefArticle  *article,
                                                     BriefAnalysis *analysis);
BriefDateTagger    *_brief_briefing_get_tagger    (BriefBriefing *self);

G_END_DECLS
