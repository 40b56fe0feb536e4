/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A saved web page through brief_import_bytes(): decoding, libxml2's HTML
 * parser, metadata, JSON-LD and extraction; the last byte picks the file name
 * so MHTML archives and gzip streams are reached as well. */
#include "config.h"

#include "fuzz-common.h"

#include "brief-importer.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_logging ();
  return 0;
}

static void
check_articles (GPtrArray *articles)
{
  for (guint i = 0; i < articles->len; i++)
    {
      BriefArticle *article = g_ptr_array_index (articles, i);
      const char *text = brief_article_get_text (article);
      guint n = brief_article_get_n_paragraphs (article);

      fuzz_check_utf8 ("article text", text);
      if (brief_article_get_title (article) != NULL)
        fuzz_check_utf8 ("article title", brief_article_get_title (article));
      for (guint p = 0; p < n; p++)
        fuzz_check_utf8 ("paragraph", brief_article_get_paragraph (article, p)->text);
      for (guint p = 0; p < n; p++)
        {
          const BriefParagraph *paragraph = brief_article_get_paragraph (article, p);
          if (paragraph->start > strlen (text))
            abort ();
        }
      (void) brief_article_is_in_body (article, strlen (text) / 2);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const filenames[] = { "page.html", "page.mhtml", "page.html.gz", NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  const char *filename;

  if (size == 0)
    return 0;
  filename = filenames[data[size - 1] % G_N_ELEMENTS (filenames)];
  bytes = g_bytes_new (data, size - 1);
  articles = brief_import_bytes (bytes, filename, &error);
  if (articles == NULL)
    {
      if (error == NULL)
        abort ();
      return 0;
    }
  if (error != NULL || articles->len == 0)
    abort ();
  check_articles (articles);
  return 0;
}
