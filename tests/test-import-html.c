/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "brief-importer.h"

static GPtrArray *
import_fixture (const char  *name,
                GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return brief_import_file (file, NULL, error);
}

static BriefArticle *
import_one (const char *data,
            const char *filename)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, strlen (data));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = brief_import_bytes (bytes, filename, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  return g_object_ref (g_ptr_array_index (articles, 0));
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in “%s”", needle, haystack);
}

static void
assert_lacks (const char *haystack,
              const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("“%s” should not be in “%s”", needle, haystack);
}

static void
check_news_page (BriefArticle *article)
{
  static const char * const boilerplate[] = {
    "cookies", "Sport", "Advertisement", "sea-view", "Share on", "Agency Pictures",
    "high tide last winter", "morning newsletter", "Related stories", "Inquiry rejects",
    "cellar", "white elephant", "Most read", "Seal pup", "retired sailor",
    "All rights reserved", "Floods", "Environment correspondent", NULL
  };
  const char *text = brief_article_get_text (article);
  gboolean seen_h2 = FALSE, seen_quote = FALSE, seen_item = FALSE;

  g_assert_cmpstr (brief_article_get_title (article), ==, "Harbour council approves flood barrier after decade of delay");
  g_assert_cmpstr (brief_article_get_byline (article), ==, "Mira Okafor");
  g_assert_cmpstr (brief_article_get_site (article), ==, "The Coastal Ledger");
  g_assert_cmpstr (brief_article_get_url (article), ==, "https://ledger.example.org/news/2024/03/18/flood-barrier");
  g_assert_cmpstr (brief_article_get_published (article), ==, "2024-03-18");
  g_assert_cmpstr (brief_article_get_language (article), ==, "en-GB");

  g_assert_true (g_str_has_prefix (text, "The harbour council voted on Monday"));
  assert_contains (text, "cost £412 million, is expected");   /* entities, no-break space */
  assert_contains (text, "late 2028.\nResidents can see");     /* <br> */
  assert_contains (text, "cut homes off from the waterfront."); /* after the related list */
  for (guint i = 0; boilerplate[i] != NULL; i++)
    assert_lacks (text, boilerplate[i]);
  /* The headline is the title, not a paragraph of the body. */
  assert_lacks (text, "decade of delay");

  for (guint i = 0; i < brief_article_get_n_paragraphs (article); i++)
    {
      const BriefParagraph *paragraph = brief_article_get_paragraph (article, i);

      g_assert_cmpstr (text + paragraph->start, !=, NULL);
      g_assert_true (strncmp (text + paragraph->start, paragraph->text, strlen (paragraph->text)) == 0);
      if (paragraph->kind == BRIEF_PARAGRAPH_HEADING2)
        seen_h2 = g_str_equal (paragraph->text, "A long road to approval");
      else if (paragraph->kind == BRIEF_PARAGRAPH_BLOCKQUOTE)
        seen_quote = g_str_has_prefix (paragraph->text, "“We have talked");
      else if (paragraph->kind == BRIEF_PARAGRAPH_LIST_ITEM)
        seen_item = TRUE;
    }
  g_assert_true (seen_h2);
  g_assert_true (seen_quote);
  g_assert_true (seen_item);
}

static void
test_news_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("news-page.html", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  check_news_page (g_ptr_array_index (articles, 0));
}

static void
test_gzip_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("news-page.html.gz", &error);

  g_assert_no_error (error);
  check_news_page (g_ptr_array_index (articles, 0));
}

static void
test_mhtml_quoted_printable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("news-page.mhtml", &error);

  g_assert_no_error (error);
  check_news_page (g_ptr_array_index (articles, 0));
}

static void
test_mhtml_base64_charset (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("base64-1252.mht", &error);
  BriefArticle *article;

  g_assert_no_error (error);
  article = g_ptr_array_index (articles, 0);
  g_assert_cmpstr (brief_article_get_url (article), ==, "https://courrier.example.fr/digue");
  assert_contains (brief_article_get_text (article), "construction d’une digue, après plus");
  assert_contains (brief_article_get_text (article), "« Nous en parlons");
}

static void
test_utf16_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("utf16le.html", &error);
  BriefArticle *article;

  g_assert_no_error (error);
  article = g_ptr_array_index (articles, 0);
  g_assert_cmpstr (brief_article_get_title (article), ==, "Hafenrat beschließt Sperrwerk");
  g_assert_cmpstr (brief_article_get_language (article), ==, "de");
  assert_contains (brief_article_get_text (article), "nach über zehn Jahren Streit");
}

static void
test_windows_1252_meta (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("windows-1252.html", &error);
  BriefArticle *article;

  g_assert_no_error (error);
  article = g_ptr_array_index (articles, 0);
  g_assert_cmpstr (brief_article_get_title (article), ==, "Le conseil approuve la digue");
  assert_contains (brief_article_get_text (article), "a voté lundi la construction d’une digue");
  assert_contains (brief_article_get_text (article), "millions d’€uros");
}

static void
test_meta_charset_latin1 (void)
{
  const char page[] = "<html><head><meta charset=\"iso-8859-1\"></head><body>"
                      "<p>Caf\xE9 owners in the old town were told on Tuesday to close by ten.</p></body></html>";
  g_autoptr(BriefArticle) article = import_one (page, "cafe.html");

  assert_contains (brief_article_get_text (article), "Café owners");
}

/* ---- Metadata, one source at a time ---- */

typedef struct
{
  const char *name;
  const char *head;
  const char *body_prefix;
  const char *url;
  const char *published;
} DateCase;

static const DateCase date_cases[] = {
  { "article-published-time",
    "<meta property=\"article:published_time\" content=\"2023-09-05T08:00:00+09:00\">"
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2020-01-01\"}</script>",
    "<time datetime=\"2019-04-25\">", NULL, "2023-09-05" },
  { "json-ld",
    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
    "\"datePublished\":\"2023-09-05T10:00:00Z\"}</script>", "", NULL, "2023-09-05" },
  { "json-ld-graph",
    "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\",\"datePublished\":\"2001-01-01\"},"
    "{\"@type\":\"ReportageNewsArticle\",\"datePublished\":\"2023-09-05\"}]}</script>", "", NULL, "2023-09-05" },
  { "json-ld-array",
    "<script type=\"application/ld+json\">[{\"@type\":\"BreadcrumbList\"},"
    "{\"@type\":[\"BlogPosting\"],\"datePublished\":\"2023-09-05T23:59:00-07:00\"}]</script>", "", NULL, "2023-09-05" },
  { "json-ld-malformed",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2020-01-01\",,}</script>"
    "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"datePublished\":\"2023-09-05\"}</script>",
    "", NULL, "2023-09-05" },
  /* The date on the graph's WebPage node, the Article in a broken block. */
  { "json-ld-webpage-date",
    "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebSite\"},"
    "{\"@type\":\"WebPage\",\"datePublished\":\"2023-09-05T14:39:09+02:00\"}]}</script>"
    "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"Summit\",}</script>",
    "", NULL, "2023-09-05" },
  /* The only block is not valid JSON; its datePublished is still read. */
  { "json-ld-broken-only",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\": \"2023-09-05T08:00:00Z\","
    "\"articleBody\": \"a \\x stray escape\"}</script>",
    "", NULL, "2023-09-05" },
  { "itemprop",
    "", "<span itemprop=\"datePublished\" content=\"2023-09-05\">5 Sept</span>", NULL, "2023-09-05" },
  { "time-datetime",
    "", "<time datetime=\"2023-09-05T07:00:00Z\">Tuesday</time>", NULL, "2023-09-05" },
  { "dublin-core",
    "<meta name=\"DC.date\" content=\"2023-09-05\">", "", NULL, "2023-09-05" },
  { "dcterms-created",
    "<meta name=\"dcterms.created\" content=\"2023-09-05\">", "", NULL, "2023-09-05" },
  { "url-path",
    "<link rel=\"canonical\" href=\"https://news.example.com/world/2023/09/05/summit.html\">", "", NULL, "2023-09-05" },
  { "dateline",
    "", "<p>SEOUL, Sept. 5, 2023 —</p>", NULL, "2023-09-05" },
  { "none", "", "", NULL, NULL },
};

static void
test_date_case (gconstpointer data)
{
  const DateCase *test_case = data;
  g_autofree char *page = g_strdup_printf (
    "<!DOCTYPE html><html><head><title>Summit</title>%s</head><body><article>%s"
    "<p>The two leaders met in the far east of Russia, their first meeting since April 2019, "
    "and talked about weapons, satellites and food.</p></article></body></html>",
    test_case->head, test_case->body_prefix);
  g_autoptr(BriefArticle) article = import_one (page, "summit.html");

  g_assert_cmpstr (brief_article_get_published (article), ==, test_case->published);
}

static void
test_title_sources (void)
{
  g_autoptr(BriefArticle) suffix = import_one (
    "<html><head><title>Kim arrives in Vladivostok by train | World News Daily</title></head>"
    "<body><p>The armoured train crossed the border early on Tuesday morning, officials said.</p></body></html>", NULL);
  g_autoptr(BriefArticle) dash = import_one (
    "<html><head><title>Kim arrives in Vladivostok by train - WND</title>"
    "<meta property=\"og:site_name\" content=\"WND\"></head>"
    "<body><p>The armoured train crossed the border early on Tuesday morning, officials said.</p></body></html>", NULL);
  g_autoptr(BriefArticle) h1 = import_one (
    "<html><body><h1>Kim arrives in Vladivostok</h1>"
    "<p>The armoured train crossed the border early on Tuesday morning, officials said.</p></body></html>", NULL);

  g_assert_cmpstr (brief_article_get_title (suffix), ==, "Kim arrives in Vladivostok by train");
  g_assert_cmpstr (brief_article_get_title (dash), ==, "Kim arrives in Vladivostok by train");
  g_assert_cmpstr (brief_article_get_site (dash), ==, "WND");
  g_assert_cmpstr (brief_article_get_title (h1), ==, "Kim arrives in Vladivostok");
}

static void
test_byline_sources (void)
{
  const char *body = "<p>The armoured train crossed the border early on Tuesday morning, officials said.</p></body></html>";
  g_autofree char *meta = g_strconcat ("<html><head><meta name=\"author\" content=\"By Lee Min-ji\"></head><body>", body, NULL);
  g_autofree char *json_ld = g_strconcat ("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                                          "\"author\":[{\"@type\":\"Person\",\"name\":\"Lee Min-ji\"},\"Ivan Petrov\"],"
                                          "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Far East Wire\"}}</script></head><body>",
                                          body, NULL);
  g_autofree char *rel = g_strconcat ("<html><body><a rel=\"author\" href=\"/lee\">Lee Min-ji</a>", body, NULL);
  g_autofree char *itemprop = g_strconcat ("<html><body><span itemprop=\"author\">Lee Min-ji</span>", body, NULL);
  g_autoptr(BriefArticle) a = import_one (meta, NULL);
  g_autoptr(BriefArticle) b = import_one (json_ld, NULL);
  g_autoptr(BriefArticle) c = import_one (rel, NULL);
  g_autoptr(BriefArticle) d = import_one (itemprop, NULL);

  g_assert_cmpstr (brief_article_get_byline (a), ==, "Lee Min-ji");
  g_assert_cmpstr (brief_article_get_byline (b), ==, "Lee Min-ji, Ivan Petrov");
  g_assert_cmpstr (brief_article_get_site (b), ==, "Far East Wire");
  g_assert_cmpstr (brief_article_get_byline (c), ==, "Lee Min-ji");
  g_assert_cmpstr (brief_article_get_byline (d), ==, "Lee Min-ji");
}

static void
test_url_sources (void)
{
  g_autoptr(BriefArticle) canonical = import_one (
    "<html lang=\"ko\"><head><link rel=\"canonical\" href=\"https://a.example/x\">"
    "<meta property=\"og:url\" content=\"https://b.example/y\"></head>"
    "<body><p>The armoured train crossed the border early on Tuesday morning, officials said.</p></body></html>", NULL);
  g_autoptr(BriefArticle) og = import_one (
    "<html><head><meta property=\"og:url\" content=\"https://b.example/y\"></head>"
    "<body><p>The armoured train crossed the border early on Tuesday morning, officials said.</p></body></html>", NULL);

  g_assert_cmpstr (brief_article_get_url (canonical), ==, "https://a.example/x");
  g_assert_cmpstr (brief_article_get_language (canonical), ==, "ko");
  g_assert_cmpstr (brief_article_get_url (og), ==, "https://b.example/y");
}

/* ---- Bad and hostile input ---- */

typedef struct
{
  const char *name;
  const char *data;
  gsize       length;
  const char *kind;
} BinaryCase;

#define BINARY(name, data, kind) { name, data, sizeof data - 1, kind }

static const BinaryCase binary_cases[] = {
  BINARY ("pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
  BINARY ("png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06", "PNG"),
  BINARY ("jpeg", "\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0", "JPEG"),
  BINARY ("gif", "GIF89a\x10\0\x10\0\x80\0\0\xFF\xFF\xFF\0\0\0!", "GIF"),
  BINARY ("zip", "PK\x03\x04\x14\0\0\0\x08\0notes/readme.txt", "ZIP"),
  BINARY ("docx", "PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0[Content_Types].xml word/document.xml", "Word"),
  BINARY ("elf", "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", "ELF"),
  BINARY ("gzip-of-binary", "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\x0b\xf0\x66\x66\x11\x61\x60\x60\xe0\x60\xc8\xcb\x2f"
          "\x49\x2d\xd6\x2f\x4a\x4d\x4c\xc9\x4d\xd5\x2b\xa9\x28\x01\x00\xa8\x20\xe3\xb1\x1a\x00\x00\x00", "ZIP"),
};

static void
test_binary_case (gconstpointer data)
{
  const BinaryCase *test_case = data;
  g_autoptr(GBytes) bytes = g_bytes_new_static (test_case->data, test_case->length);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = brief_import_bytes (bytes, "download.html", &error);

  g_assert_null (articles);
  g_assert_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_NOT_TEXT);
  assert_contains (error->message, test_case->kind);
  assert_contains (error->message, "not an article");
}

static void
test_windows_program (void)
{
  guint8 exe[256] = { 'M', 'Z' };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  exe[60] = 128;
  memcpy (exe + 128, "PE\0\0", 4);
  bytes = g_bytes_new (exe, sizeof exe);
  articles = brief_import_bytes (bytes, "setup.exe", &error);
  g_assert_null (articles);
  g_assert_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_NOT_TEXT);
  assert_contains (error->message, "Windows");
}

static GBytes *
gzip_compress (const char *data,
               gsize       length)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) stream = g_converter_output_stream_new (memory, G_CONVERTER (compressor));

  g_assert_true (g_output_stream_write_all (stream, data, length, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
test_gzip_bomb (void)
{
  gsize length = BRIEF_IMPORT_MAX_BYTES + 1024 * 1024;
  g_autofree char *spaces = g_malloc (length);
  g_autoptr(GBytes) bomb = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  memset (spaces, ' ', length);
  bomb = gzip_compress (spaces, length);
  g_clear_pointer (&spaces, g_free);
  g_assert_cmpuint (g_bytes_get_size (bomb), <, 1024 * 1024);

  articles = brief_import_bytes (bomb, "page.html.gz", &error);
  g_assert_null (articles);
  g_assert_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_TOO_LARGE);
}

static void
test_too_large (void)
{
  gsize length = BRIEF_IMPORT_MAX_BYTES + 1;
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (length), length);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = brief_import_bytes (bytes, "huge.html", &error);

  g_assert_null (articles);
  g_assert_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_TOO_LARGE);
  assert_contains (error->message, "MB");
}

static void
test_deep_nesting (void)
{
  const guint depth = 100000;
  g_autoptr(GString) page = g_string_new ("<html><body><p>Before the deep part, the council published its decision on the barrier.</p>");
  g_autoptr(BriefArticle) article = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append (page, i % 3 == 0 ? "<div>" : i % 3 == 1 ? "<section><p>" : "<blockquote>");
  /* libxml2 stops at its depth limit: this may be lost, nothing may crash. */
  g_string_append (page, "Deep inside the page, a sentence that the parser may drop.");
  for (guint i = 0; i < depth; i++)
    g_string_append (page, "</div>");
  g_string_append (page, "</body></html>");

  article = import_one (page->str, "deep.html");
  assert_contains (brief_article_get_text (article), "the council published its decision");
}

static void
test_broken_markup (void)
{
  g_autoptr(BriefArticle) article = import_one (
    "<html><body><div class=story><p>The ferry left at dawn, with forty passengers aboard, the captain said"
    "<p>It returned at noon <b><i>after</b></i> the storm<table><tr><td>had passed over the bay, late"
    "</div></div></span><p attr=\"unterminated>Half a tag <!-- open comment", "broken.html");

  assert_contains (brief_article_get_text (article), "forty passengers aboard");
}

static void
test_entities_and_script (void)
{
  g_autoptr(BriefArticle) article = import_one (
    "<html><body><article><p>Tom &amp; Jerry&#8217;s caf&eacute; raised &euro;5,000 &mdash; a record, the owners said.</p>"
    "<script>document.write('<p>injected text that should never appear</p>')</script>"
    "<style>p { color: red }</style><noscript>Please enable JavaScript to read comments.</noscript>"
    "</article></body></html>", "page.html");
  const char *text = brief_article_get_text (article);

  assert_contains (text, "Tom & Jerry’s café raised €5,000 — a record");
  assert_lacks (text, "injected");
  assert_lacks (text, "color");
  assert_lacks (text, "JavaScript");
}

static void
test_not_a_page (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("<html><body><nav><a href=\"/\">Home</a></nav></body></html>", 55);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = brief_import_bytes (bytes, "empty.html", &error);

  g_assert_null (articles);
  g_assert_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_EMPTY);
}

/* ---- Pasted text ---- */

static void
test_paste_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plain = brief_import_text ("The council met on Monday. It approved the barrier.", "Barrier vote", &error);
  g_autoptr(GPtrArray) headline = NULL;
  g_autoptr(GPtrArray) html = NULL;
  g_autoptr(GPtrArray) empty = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (brief_article_get_title (g_ptr_array_index (plain, 0)), ==, "Barrier vote");
  g_assert_cmpstr (brief_article_get_text (g_ptr_array_index (plain, 0)), ==, "The council met on Monday. It approved the barrier.");

  headline = brief_import_text ("Barrier approved\n\nThe council met on Monday.", "ignored", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (brief_article_get_title (g_ptr_array_index (headline, 0)), ==, "Barrier approved");

  html = brief_import_text ("<div><h1>Pasted headline</h1><p>The pasted article text talks about the harbour and its new wall.</p></div>",
                            NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (brief_article_get_title (g_ptr_array_index (html, 0)), ==, "Pasted headline");
  g_assert_cmpstr (brief_article_get_text (g_ptr_array_index (html, 0)), ==,
                   "The pasted article text talks about the harbour and its new wall.");

  empty = brief_import_text ("  \n ", NULL, &error);
  g_assert_null (empty);
  g_assert_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_EMPTY);
}

static void
test_markdown (void)
{
  g_autoptr(BriefArticle) article = import_one ("# Barrier approved\n\nThe council met on *Monday*.\n", "notes.md");

  g_assert_cmpstr (brief_article_get_title (article), ==, "Barrier approved");
  assert_contains (brief_article_get_text (article), "The council met on *Monday*.");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/import/html/news-page", test_news_page);
  g_test_add_func ("/import/html/encoding/gzip", test_gzip_page);
  g_test_add_func ("/import/html/encoding/mhtml-quoted-printable", test_mhtml_quoted_printable);
  g_test_add_func ("/import/html/encoding/mhtml-base64-charset", test_mhtml_base64_charset);
  g_test_add_func ("/import/html/encoding/utf16-bom", test_utf16_bom);
  g_test_add_func ("/import/html/encoding/windows-1252-meta", test_windows_1252_meta);
  g_test_add_func ("/import/html/encoding/latin1-meta", test_meta_charset_latin1);
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/import/html/metadata/date/", date_cases[i].name, NULL);
      g_test_add_data_func (path, &date_cases[i], test_date_case);
    }
  g_test_add_func ("/import/html/metadata/title", test_title_sources);
  g_test_add_func ("/import/html/metadata/byline", test_byline_sources);
  g_test_add_func ("/import/html/metadata/url", test_url_sources);
  for (guint i = 0; i < G_N_ELEMENTS (binary_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/import/html/binary/", binary_cases[i].name, NULL);
      g_test_add_data_func (path, &binary_cases[i], test_binary_case);
    }
  g_test_add_func ("/import/html/binary/windows-program", test_windows_program);
  g_test_add_func ("/import/html/hostile/gzip-bomb", test_gzip_bomb);
  g_test_add_func ("/import/html/hostile/too-large", test_too_large);
  g_test_add_func ("/import/html/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/import/html/hostile/broken-markup", test_broken_markup);
  g_test_add_func ("/import/html/entities-and-scripts", test_entities_and_script);
  g_test_add_func ("/import/html/no-article", test_not_a_page);
  g_test_add_func ("/import/paste/text", test_paste_text);
  g_test_add_func ("/import/text/markdown", test_markdown);

  return g_test_run ();
}
