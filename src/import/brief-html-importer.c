/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-html-importer"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-import-private.h"
#include "brief-importer.h"

BriefArticle *
_brief_html_import (const char  *data,
                    gsize        length,
                    const char  *charset,
                    const char  *filename,
                    GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(BriefArticle) article = NULL;
  g_autofree char *headline = NULL;
  guint n_repairs = 0;

  doc = _brief_html_parse (data, length, charset, &n_repairs, error);
  if (doc == NULL)
    return NULL;

  article = brief_article_new ();
  _brief_html_read_metadata (doc, article);
  headline = _brief_html_find_headline (doc);
  _brief_html_extract (doc, BRIEF_EXTRACT_PAGE,
                       headline != NULL ? headline : brief_article_get_title (article),
                       article);

  if (brief_article_get_n_paragraphs (article) == 0)
    {
      g_set_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_EMPTY,
                   _("The web page holds no article text"));
      return NULL;
    }

  if (brief_article_get_title (article) == NULL)
    brief_article_set_title (article, headline);
  if (brief_article_get_published (article) == NULL)
    {
      g_autofree char *date = _brief_date_from_dateline (brief_article_get_text (article));
      brief_article_set_published (article, date);
    }
  brief_article_set_source_path (article, filename);
  brief_article_set_n_repairs (article, n_repairs);

  return g_steal_pointer (&article);
}
