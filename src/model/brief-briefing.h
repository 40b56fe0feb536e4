/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "brief-analysis.h"
#include "brief-article.h"
#include "brief-event.h"

G_BEGIN_DECLS

#define BRIEF_TYPE_BRIEFING (brief_briefing_get_type ())

G_DECLARE_FINAL_TYPE (BriefBriefing, brief_briefing, BRIEF, BRIEFING, GObject)

BriefBriefing      *brief_briefing_new            (void);
const char         *brief_briefing_get_title      (BriefBriefing *self);
void                brief_briefing_set_title      (BriefBriefing *self,
                                                   const char    *title);
/* Returns: (transfer none): a GListModel of BriefArticle, in the order added */
GListModel         *brief_briefing_get_articles   (BriefBriefing *self);
/* Returns: (transfer none): a GListModel of BriefEvent, in chronological order */
GListModel         *brief_briefing_get_events     (BriefBriefing *self);
/* Adds @article and turns each dated mention of @analysis into an event. */
void                brief_briefing_add_article    (BriefBriefing *self,
                                                   BriefArticle  *article,
                                                   BriefAnalysis *analysis);
/* Sets the publication date of @article, resolves its relative dates again
 * and replaces its events. */
void                brief_briefing_set_published  (BriefBriefing *self,
                                                   BriefArticle  *article,
                                                   const char    *published);
/* Returns: (transfer none) (nullable): the analysis of @article */
BriefAnalysis      *brief_briefing_get_analysis   (BriefBriefing *self,
                                                   BriefArticle  *article);

/* Reads @file, analyses each article it holds off the calling thread and
 * adds them; the publication date found in the file (or @dct_override when
 * non-NULL) anchors relative dates. */
void                brief_briefing_import_file_async  (BriefBriefing       *self,
                                                       GFile               *file,
                                                       const char          *dct_override,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
/* Returns: the number of articles added, or 0 with @error set */
guint               brief_briefing_import_file_finish (BriefBriefing       *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
guint               brief_briefing_import_file        (BriefBriefing       *self,
                                                       GFile               *file,
                                                       const char          *dct_override,
                                                       GCancellable        *cancellable,
                                                       GError             **error);

G_END_DECLS
