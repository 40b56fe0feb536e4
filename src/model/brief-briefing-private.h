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
/* The events as they are being changed, which the views see only once a
 * batch of changes ends; outside one, brief_briefing_get_events(). */
GListStore         *_brief_briefing_get_event_store (BriefBriefing *self);
/* brief_grouping_title_stems() of @title, kept for the briefing's life.
 * Returns: (transfer none) */
GHashTable         *_brief_briefing_get_title_stems (BriefBriefing *self,
                                                     const char    *title);
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

/* Records an undoable change of @property of @target to @value. */
void                _brief_briefing_edit_property (BriefBriefing *self,
                                                   const char    *label,
                                                   gpointer       target,
                                                   const char    *property,
                                                   const GValue  *value);

/* Returns: (transfer none): the selected quotes or the key people
 * (@people), BriefSelectedFact in the order chosen */
GPtrArray          *_brief_briefing_get_facts     (BriefBriefing *self,
                                                   gboolean       people);

/* Grouping across sources (brief-briefing-grouping.c), none of it recorded
 * as an edit. */
/* Suggests groups of events that several sources tell, comparing the
 * events of the @added articles (BriefArticle; NULL: every event) with the
 * others; then marks conflicts. */
void                _brief_briefing_regroup       (BriefBriefing *self,
                                                   GPtrArray     *added);
/* Marks events that sources date differently. */
void                _brief_briefing_update_conflicts (BriefBriefing *self);
/* Takes the groups with a part from @article out of the list, putting their
 * other parts back.  Returns: (transfer full): the groups, for undo */
GPtrArray          *_brief_briefing_dissolve_groups_of (BriefBriefing *self,
                                                        BriefArticle  *article);
/* Dissolves (@undo FALSE) or restores one group dissolved for @article. */
void                _brief_briefing_apply_dissolve (BriefBriefing *self,
                                                    BriefEvent    *combined,
                                                    BriefArticle  *article,
                                                    gboolean       undo);

G_END_DECLS
