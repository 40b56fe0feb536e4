/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "brief-article.h"

G_BEGIN_DECLS

#define BRIEF_TYPE_DATE_PROMPT (brief_date_prompt_get_type ())

G_DECLARE_FINAL_TYPE (BriefDatePrompt, brief_date_prompt, BRIEF, DATE_PROMPT, GtkWidget)

/* A banner that asks for the publication date of an article that has none,
 * without blocking anything; the user may skip it. */
GtkWidget          *brief_date_prompt_new         (void);
/* Shows the prompt when @article (nullable) has no publication date and the
 * user has not skipped it for @article. */
void                brief_date_prompt_set_article (BriefDatePrompt *self,
                                                   BriefArticle    *article);

/* Reads a date a person typed: YYYY-MM-DD, or a full date in the words of
 * the locale ("5 September 2023").
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD */
char               *brief_date_prompt_parse       (const char      *text);

G_END_DECLS
