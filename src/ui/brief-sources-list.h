/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "brief-briefing.h"

G_BEGIN_DECLS

#define BRIEF_TYPE_SOURCES_LIST (brief_sources_list_get_type ())

G_DECLARE_FINAL_TYPE (BriefSourcesList, brief_sources_list, BRIEF, SOURCES_LIST, GtkWidget)

/* The briefing's articles with site, date and timeline colour; add (the
 * window's Open), remove (asks first: the article's events go too). */
GtkWidget          *brief_sources_list_new             (void);
void                brief_sources_list_set_briefing    (BriefSourcesList *self,
                                                        BriefBriefing    *briefing);
/* Marks @article (nullable) as the one shown, without emitting a signal. */
void                brief_sources_list_select_article  (BriefSourcesList *self,
                                                        BriefArticle     *article);

G_END_DECLS
