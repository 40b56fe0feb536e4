/* SPDX-License-Identifier: GPL-3.0-or-later */
/* RSS and Atom feeds through brief_import_bytes(): libxml2's XML reader with
 * entities left unexpanded, and each item's HTML content. */
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

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;

  articles = brief_import_bytes (bytes, size % 2 ? "feed.rss" : "feed.atom", &error);
  if ((articles == NULL) != (error != NULL))
    {
      fprintf (stderr, "articles %p but error %p\n", (void *) articles, (void *) error);
      abort ();
    }
  if (articles != NULL)
    for (guint i = 0; i < articles->len; i++)
      {
        const char *text = brief_article_get_text (g_ptr_array_index (articles, i));
        fuzz_check_utf8 ("article text", text);
      }
  return 0;
}
