/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a page's schema.org JSON-LD says about its article. */
typedef struct
{
  gboolean  found;
  char     *headline;
  char     *published;   /* as written: "2023-09-05T08:00:00+09:00" */
  char     *author;      /* names joined by ", " */
  char     *publisher;
  char     *url;
} BriefJsonLd;

void                brief_json_ld_clear            (BriefJsonLd        *self);

/* Reads the first NewsArticle, Article, BlogPosting… object of a
 * <script type="application/ld+json"> block, also inside arrays and
 * "@graph".  Malformed or too deeply nested JSON gives FALSE. */
gboolean            brief_json_ld_read             (const char         *data,
                                                    BriefJsonLd        *out);

/* The first "datePublished" of any node in the block, also when the block
 * is not valid JSON: some sites date the WebPage node of their graph and not
 * the Article, or break the JSON with a stray character.  NULL when none. */
char               *brief_json_ld_read_any_date_published (const char *data);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BriefJsonLd, brief_json_ld_clear)

G_END_DECLS
