/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "brief-analysis.h"
#include "brief-article.h"
#include "brief-briefing.h"

G_BEGIN_DECLS

#define BRIEF_TYPE_FACTS_PANEL (brief_facts_panel_get_type ())

G_DECLARE_FINAL_TYPE (BriefFactsPanel, brief_facts_panel, BRIEF, FACTS_PANEL, GtkWidget)

GtkWidget          *brief_facts_panel_new         (void);
/* Lists the people, organisations, places and quotations of @analysis, the
 * analysis of @article; both may be NULL. */
void                brief_facts_panel_set_article (BriefFactsPanel *self,
                                                   BriefArticle    *article,
                                                   BriefAnalysis   *analysis);
/* Returns: (transfer none) (nullable): the article listed */
BriefArticle       *brief_facts_panel_get_article (BriefFactsPanel *self);
/* The briefing the quotes and key people are chosen for (nullable). */
void                brief_facts_panel_set_briefing (BriefFactsPanel *self,
                                                    BriefBriefing   *briefing);

G_END_DECLS
