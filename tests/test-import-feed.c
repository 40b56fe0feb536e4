/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "brief-importer.h"

/* A billion-laughs document: ten levels of ten references. */
#define LAUGHS \
  "<!DOCTYPE rss [\n" \
  " <!ENTITY lol \"lol\">\n" \
  " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n" \
  " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n" \
  " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n" \
  " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n" \
  " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n" \
  " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n" \
  " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n" \
  " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n" \
  " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n" \
  "]>\n"

static GPtrArray *
import_fixture (const char  *name,
                GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return brief_import_file (file, NULL, error);
}

static GPtrArray *
import_string (const char  *data,
               const char  *filename,
               GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, strlen (data));

  return brief_import_bytes (bytes, filename, error);
}

static gboolean
article_mentions (BriefArticle *article,
                  const char   *needle)
{
  const char *fields[] = {
    brief_article_get_text (article), brief_article_get_title (article),
    brief_article_get_byline (article), brief_article_get_site (article),
    brief_article_get_url (article),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL && strstr (fields[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_rss (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("feed.rss", &error);
  BriefArticle *first, *second;

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 2);
  first = g_ptr_array_index (articles, 0);
  second = g_ptr_array_index (articles, 1);

  g_assert_cmpstr (brief_article_get_title (first), ==, "Ferry timetable changes from April");
  g_assert_cmpstr (brief_article_get_url (first), ==, "https://ledger.example.org/news/2024/03/20/ferry-timetable");
  g_assert_cmpstr (brief_article_get_published (first), ==, "2024-03-20");
  g_assert_cmpstr (brief_article_get_byline (first), ==, "Tom Reyes");
  g_assert_cmpstr (brief_article_get_site (first), ==, "The Coastal Ledger – News");
  g_assert_cmpstr (brief_article_get_language (first), ==, "en-gb");
  /* content:encoded wins over the description, and is cleaned. */
  g_assert_cmpstr (brief_article_get_text (first), ==,
                   "The island ferry will run two fewer crossings a day from 1 April, the operator said on Tuesday.\n\n"
                   "Why the change\n\n"
                   "Fuel costs rose by a third in 2023, and passenger numbers have not recovered since the pandemic.");
  g_assert_cmpint (brief_article_get_paragraph (first, 1)->kind, ==, BRIEF_PARAGRAPH_HEADING2);

  g_assert_cmpstr (brief_article_get_published (second), ==, "2024-03-19");
  g_assert_cmpstr (brief_article_get_byline (second), ==, "News desk");
  g_assert_cmpuint (brief_article_get_n_paragraphs (second), ==, 2);
  g_assert_cmpstr (brief_article_get_paragraph (second, 1)->text, ==, "Six people were brought ashore safely.");
}

static void
test_atom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("feed.atom", &error);
  BriefArticle *first, *second;

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 2);
  first = g_ptr_array_index (articles, 0);
  second = g_ptr_array_index (articles, 1);

  g_assert_cmpstr (brief_article_get_title (first), ==, "Tide tables for the spring equinox");
  g_assert_cmpstr (brief_article_get_url (first), ==, "https://notes.example.org/2024/tide-tables");
  /* published comes before updated */
  g_assert_cmpstr (brief_article_get_published (first), ==, "2024-03-17");
  g_assert_cmpstr (brief_article_get_byline (first), ==, "Ines Varga");
  g_assert_cmpstr (brief_article_get_site (first), ==, "Harbour Notes");
  g_assert_cmpstr (brief_article_get_language (first), ==, "en");
  g_assert_cmpint (brief_article_get_paragraph (first, 1)->kind, ==, BRIEF_PARAGRAPH_BLOCKQUOTE);

  g_assert_cmpstr (brief_article_get_published (second), ==, "2024-02-29");
  g_assert_cmpstr (brief_article_get_text (second), ==,
                   "Repairs to the harbour wall finished on 29 February, a week early.\n\nCost: £1.2 million");
}

static void
test_external_entity (void)
{
  g_autofree char *secret_path = g_build_filename (g_get_tmp_dir (), "secret.txt", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *feed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  g_assert_true (g_file_set_contents (secret_path, "TOP-SECRET-7f3a91", -1, NULL));
  uri = g_filename_to_uri (secret_path, NULL, NULL);
  feed = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                          "<!DOCTYPE rss [ <!ENTITY xxe SYSTEM \"%s\"> <!ENTITY %% remote SYSTEM \"%s\"> %%remote; ]>\n"
                          "<rss version=\"2.0\"><channel><title>Feed &xxe;</title>"
                          "<item><title>Item &xxe;</title><description>Leaked: &xxe; end of the item text.</description></item>"
                          "</channel></rss>", uri, uri);

  articles = import_string (feed, "feed.rss", &error);
  if (articles == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (strstr (error->message, "TOP-SECRET") == NULL);
      return;
    }
  for (guint i = 0; i < articles->len; i++)
    g_assert_false (article_mentions (g_ptr_array_index (articles, i), "TOP-SECRET"));
}

static void
test_external_entity_html (void)
{
  g_autofree char *secret_path = g_build_filename (g_get_tmp_dir (), "secret.txt", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *page = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  g_assert_true (g_file_set_contents (secret_path, "TOP-SECRET-7f3a91", -1, NULL));
  uri = g_filename_to_uri (secret_path, NULL, NULL);
  page = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE html [ <!ENTITY xxe SYSTEM \"%s\"> ]>\n"
                          "<html><body><p>The page says &xxe; and goes on about the harbour wall.</p></body></html>", uri);
  articles = import_string (page, "page.xhtml", NULL);
  if (articles != NULL)
    g_assert_false (article_mentions (g_ptr_array_index (articles, 0), "TOP-SECRET"));
}

static void
test_billion_laughs (void)
{
  const char *feed =
    "<?xml version=\"1.0\"?>\n" LAUGHS
    "<rss version=\"2.0\"><channel><title>Laughs</title>"
    "<item><title>&lol9;</title><description>&lol9; The real text of the item is here.</description></item>"
    "</channel></rss>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  gint64 start = g_get_monotonic_time ();

  articles = import_string (feed, "laughs.rss", &error);
  /* Either refused or read without expansion: quickly, and never a gigabyte. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  if (articles != NULL)
    for (guint i = 0; i < articles->len; i++)
      {
        BriefArticle *article = g_ptr_array_index (articles, i);
        g_assert_false (article_mentions (article, "lollol"));
        g_assert_cmpuint (strlen (brief_article_get_text (article)), <, 10000);
      }
  else
    g_assert_nonnull (error);
}

static void
test_deep_feed (void)
{
  const guint depth = 100000;
  g_autoptr(GString) feed = g_string_new ("<rss version=\"2.0\"><channel><title>Deep</title><item><title>Deep</title><description>");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append (feed, "<x>");
  for (guint i = 0; i < depth; i++)
    g_string_append (feed, "</x>");
  g_string_append (feed, "</description></item></channel></rss>");

  /* The parser's depth limit stops it; what matters is no crash. */
  articles = import_string (feed->str, "deep.rss", &error);
  g_assert_true (articles != NULL || error != NULL);
}

static void
test_deep_html_content (void)
{
  const guint depth = 100000;
  g_autoptr(GString) feed = g_string_new ("<rss version=\"2.0\"><channel><title>Deep</title><item><title>Deep</title><description><![CDATA["
                                          "<p>Text at the top of a very deep item.</p>");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append (feed, "<div>");
  g_string_append (feed, "Text at the bottom, which the parser's depth limit may drop.");
  g_string_append (feed, "]]></description></item></channel></rss>");

  articles = import_string (feed->str, "deep.rss", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (brief_article_get_text (g_ptr_array_index (articles, 0)), "Text at the top"));
}

static void
test_broken_feed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_string (
    "<?xml version=\"1.0\"?><rss><channel><title>Broken</title>"
    "<item><title>First & only</title><description>An item whose feed ends too soon, with a stray ampersand.",
    "broken.rss", &error);

  if (articles != NULL)
    g_assert_cmpuint (articles->len, >=, 1);
  else
    g_assert_nonnull (error);
}

static void
test_empty_feed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_string (
    "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Nothing</title></feed>",
    NULL, &error);

  g_assert_null (articles);
  g_assert_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_EMPTY);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/import/feed/rss", test_rss);
  g_test_add_func ("/import/feed/atom", test_atom);
  g_test_add_func ("/import/feed/empty", test_empty_feed);
  g_test_add_func ("/import/feed/broken", test_broken_feed);
  g_test_add_func ("/import/feed/hostile/external-entity", test_external_entity);
  g_test_add_func ("/import/feed/hostile/external-entity-xhtml", test_external_entity_html);
  g_test_add_func ("/import/feed/hostile/billion-laughs", test_billion_laughs);
  g_test_add_func ("/import/feed/hostile/deep-nesting", test_deep_feed);
  g_test_add_func ("/import/feed/hostile/deep-item-content", test_deep_html_content);

  return g_test_run ();
}
