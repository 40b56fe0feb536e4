/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "brief-importer.h"
#include "brief-text-decoder.h"

static GPtrArray *
import_string (const char  *data,
               gsize        length,
               const char  *filename,
               GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  return brief_import_bytes (bytes, filename, error);
}

static void
test_decode_utf8 (void)
{
  const char *text = "Kim’s first summit — April 2019";
  BriefTextEncoding encoding;
  guint n_repairs = 99;
  g_autofree char *decoded = brief_text_decode (text, strlen (text), &encoding, &n_repairs, NULL);

  g_assert_cmpstr (decoded, ==, text);
  g_assert_cmpint (encoding, ==, BRIEF_TEXT_ENCODING_UTF8);
  g_assert_cmpuint (n_repairs, ==, 0);
}

static void
test_decode_utf8_bom (void)
{
  const char data[] = "\xEF\xBB\xBFHello";
  BriefTextEncoding encoding;
  g_autofree char *decoded = brief_text_decode (data, sizeof data - 1, &encoding, NULL, NULL);

  g_assert_cmpstr (decoded, ==, "Hello");
  g_assert_cmpint (encoding, ==, BRIEF_TEXT_ENCODING_UTF8_BOM);
}

static void
test_decode_utf16 (void)
{
  const char le[] = "\xFF\xFEH\0i\0 \0\xAC\x20";
  const char be[] = "\xFE\xFF\0H\0i";
  BriefTextEncoding encoding;
  g_autofree char *decoded_le = brief_text_decode (le, sizeof le - 1, &encoding, NULL, NULL);
  g_autofree char *decoded_be = NULL;

  g_assert_cmpstr (decoded_le, ==, "Hi €");
  g_assert_cmpint (encoding, ==, BRIEF_TEXT_ENCODING_UTF16LE);

  decoded_be = brief_text_decode (be, sizeof be - 1, &encoding, NULL, NULL);
  g_assert_cmpstr (decoded_be, ==, "Hi");
  g_assert_cmpint (encoding, ==, BRIEF_TEXT_ENCODING_UTF16BE);
}

static void
test_decode_windows_1252 (void)
{
  /* "Café “summit” – 5 €" in Windows-1252: no UTF-8 sequence at all. */
  const char data[] = "Caf\xE9 \x93summit\x94 \x96 5 \x80";
  BriefTextEncoding encoding;
  guint n_repairs = 99;
  g_autofree char *decoded = brief_text_decode (data, sizeof data - 1, &encoding, &n_repairs, NULL);

  g_assert_cmpstr (decoded, ==, "Café “summit” – 5 €");
  g_assert_cmpint (encoding, ==, BRIEF_TEXT_ENCODING_WINDOWS_1252);
  g_assert_cmpuint (n_repairs, ==, 0);
}

static void
test_decode_damaged_utf8 (void)
{
  /* Valid UTF-8 with two stray bytes: repaired, counted, never dropped silently. */
  const char data[] = "Kim’s \xFF trip \xC3 in July";
  guint n_repairs = 0;
  g_autofree char *decoded = brief_text_decode (data, sizeof data - 1, NULL, &n_repairs, NULL);

  g_assert_nonnull (decoded);
  g_assert_true (g_utf8_validate (decoded, -1, NULL));
  g_assert_cmpuint (n_repairs, ==, 2);
  g_assert_nonnull (strstr (decoded, "in July"));
  g_assert_nonnull (strstr (decoded, "\xEF\xBF\xBD"));
}

static void
test_decode_binary (void)
{
  const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  g_autoptr(GError) error = NULL;
  g_autofree char *decoded = brief_text_decode (png, sizeof png - 1, NULL, NULL, &error);

  g_assert_null (decoded);
  g_assert_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_NOT_TEXT);
}

static void
test_plain_text_article (void)
{
  const char *text =
    "Council backs the new barrier\n"
    "Published: 2024-03-18\n"
    "\n"
    "The council approved the plan in March 2021.\n"
    "It cost more than expected.\n"
    "\n"
    "  \n"
    "Work began on 12 June 2022.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_string (text, strlen (text), "/tmp/barrier.txt", &error);
  BriefArticle *article;
  const BriefParagraph *paragraph;

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  article = g_ptr_array_index (articles, 0);

  g_assert_cmpstr (brief_article_get_title (article), ==, "Council backs the new barrier");
  g_assert_cmpstr (brief_article_get_published (article), ==, "2024-03-18");
  g_assert_cmpstr (brief_article_get_source_path (article), ==, "/tmp/barrier.txt");
  /* The text is kept verbatim so that offsets and TimeML refer to the file. */
  g_assert_cmpstr (brief_article_get_text (article), ==, text);

  g_assert_cmpuint (brief_article_get_n_paragraphs (article), ==, 3);
  paragraph = brief_article_get_paragraph (article, 0);
  g_assert_cmpint (paragraph->kind, ==, BRIEF_PARAGRAPH_HEADING1);
  g_assert_cmpstr (paragraph->text, ==, "Council backs the new barrier");
  /* The header field is metadata: outside the body. */
  g_assert_false (brief_article_is_in_body (article, strstr (text, "2024-03-18") - text));
  g_assert_true (brief_article_is_in_body (article, strstr (text, "March 2021") - text));
  paragraph = brief_article_get_paragraph (article, 1);
  g_assert_cmpstr (paragraph->text, ==, "The council approved the plan in March 2021.\nIt cost more than expected.");
  g_assert_cmpuint (paragraph->start, ==, strstr (text, "The council") - text);
  paragraph = brief_article_get_paragraph (article, 2);
  g_assert_cmpstr (paragraph->text, ==, "Work began on 12 June 2022.");
}

static void
test_headline_paragraph (void)
{
  const char *text = "A headline alone\n\nBody text. More of it.";
  g_autoptr(GPtrArray) articles = import_string (text, strlen (text), NULL, NULL);
  BriefArticle *article = g_ptr_array_index (articles, 0);

  g_assert_cmpstr (brief_article_get_title (article), ==, "A headline alone");
  g_assert_cmpint (brief_article_get_paragraph (article, 0)->kind, ==, BRIEF_PARAGRAPH_HEADING1);
  g_assert_cmpint (brief_article_get_paragraph (article, 1)->kind, ==, BRIEF_PARAGRAPH_TEXT);
}

static void
test_title_from_filename (void)
{
  const char *text = "The first line is a sentence. It ends with a full stop.";
  g_autoptr(GPtrArray) articles = import_string (text, strlen (text), "/tmp/flood_barrier-notes.txt", NULL);

  g_assert_cmpstr (brief_article_get_title (g_ptr_array_index (articles, 0)), ==, "flood barrier notes");
}

static void
test_rejects_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) empty = import_string (" \n\t\n", 4, "empty.txt", &error);
  g_autoptr(GPtrArray) binary = NULL;

  g_assert_null (empty);
  g_assert_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  binary = import_string ("PK\x03\x04\0\0\0\0", 8, "archive.zip", &error);
  g_assert_null (binary);
  g_assert_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_NOT_TEXT);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_import_file (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "article.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (g_get_tmp_dir ());
  g_autoptr(GError) error = NULL;
  BriefArticle *article;

  g_assert_true (g_file_set_contents (path, "Title line\n\nIn 1998 it flooded.", -1, NULL));
  articles = brief_import_file (file, NULL, &error);
  g_assert_no_error (error);
  article = g_ptr_array_index (articles, 0);
  g_assert_cmpstr (brief_article_get_source_path (article), ==, path);
  g_assert_true (g_str_has_prefix (brief_article_get_url (article), "file://"));

  g_assert_null (brief_import_file (folder, NULL, &error));
  g_assert_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_UNSUPPORTED);
  g_clear_error (&error);

  g_assert_true (g_file_delete (file, NULL, NULL));
  g_assert_null (brief_import_file (file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/import/decode/utf8", test_decode_utf8);
  g_test_add_func ("/import/decode/utf8-bom", test_decode_utf8_bom);
  g_test_add_func ("/import/decode/utf16", test_decode_utf16);
  g_test_add_func ("/import/decode/windows-1252", test_decode_windows_1252);
  g_test_add_func ("/import/decode/damaged-utf8", test_decode_damaged_utf8);
  g_test_add_func ("/import/decode/binary", test_decode_binary);
  g_test_add_func ("/import/text/article", test_plain_text_article);
  g_test_add_func ("/import/text/headline", test_headline_paragraph);
  g_test_add_func ("/import/text/title-from-filename", test_title_from_filename);
  g_test_add_func ("/import/text/bad-input", test_rejects_bad_input);
  g_test_add_func ("/import/file", test_import_file);

  return g_test_run ();
}
