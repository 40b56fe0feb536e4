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

G_END_DECLS
