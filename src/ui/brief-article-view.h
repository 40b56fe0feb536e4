/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "brief-analysis.h"
#include "brief-article.h"

G_BEGIN_DECLS

#define BRIEF_TYPE_ARTICLE_VIEW (brief_article_view_get_type ())

G_DECLARE_FINAL_TYPE (BriefArticleView, brief_article_view, BRIEF, ARTICLE_VIEW, GtkWidget)

GtkWidget          *brief_article_view_new         (void);
/* Returns: (transfer none) (nullable): the article shown */
BriefArticle       *brief_article_view_get_article (BriefArticleView *self);
/* Shows @article with the date expressions of @analysis (may be NULL) highlighted. */
void                brief_article_view_set_article (BriefArticleView *self,
                                                    BriefArticle     *article,
                                                    BriefAnalysis    *analysis);
/* Scrolls to the span [@start, @end) (code points of the article text),
 * selects it and marks it as the current sentence. */
void                brief_article_view_show_span   (BriefArticleView *self,
                                                    guint             start,
                                                    guint             end);
/* Marks every mention of @entity (an index into brief_analysis_get_entities()
 * of the article's analysis, or -1 for none), selects the first and scrolls
 * to it. */
void                brief_article_view_select_entity (BriefArticleView *self,
                                                      int               entity);

/* Returns: (transfer full) (nullable): the text selected in the article, its
 * span in code points of the article text in @out_start and @out_end */
char               *brief_article_view_dup_selection (BriefArticleView *self,
                                                      guint            *out_start,
                                                      guint            *out_end);

G_END_DECLS
