/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "brief-binary-sniffer.h"
#include "brief-import-private.h"
#include "brief-importer.h"
#include "brief-text-decoder.h"

/* Header lines a saved article may start with, before its body. */
#define HEADER_LINES_TO_SCAN 6
/* The start of a file that tells its format. */
#define SNIFF_BYTES 4096

G_DEFINE_QUARK (brief-import-error-quark, brief_import_error)

typedef enum
{
  FORMAT_TEXT,
  FORMAT_HTML,
  FORMAT_FEED,
  FORMAT_MHTML,
} ImportFormat;

static gboolean
has_extension (const char         *filename,
               const char * const *extensions)
{
  g_autofree char *lower = NULL;

  if (filename == NULL)
    return FALSE;
  lower = g_ascii_strdown (filename, -1);
  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;
  return FALSE;
}

/* The start of @data as UTF-8 text, enough to recognise its format. */
static char *
sniff_head (const char *data,
            gsize       length)
{
  gsize head_length = MIN (length, SNIFF_BYTES);

  if (length >= 2 && ((guchar) data[0] == 0xFF || (guchar) data[0] == 0xFE))
    {
      const char *charset = (guchar) data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      char *head = g_convert_with_fallback (data + 2, (head_length - 2) & ~(gsize) 1, "UTF-8", charset,
                                            "?", NULL, NULL, NULL);
      if (head != NULL)
        return head;
    }
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    return g_strndup (data + 3, head_length - 3);
  return g_strndup (data, head_length);
}

static gboolean
head_looks_like_html (const char *head)
{
  g_autofree char *lower = g_ascii_strdown (head, -1);
  const char *start = lower + strspn (lower, " \t\r\n");

  if (strstr (lower, "<html") != NULL || strstr (lower, "<!doctype html") != NULL
      || strstr (lower, "<head") != NULL || strstr (lower, "<body") != NULL)
    return TRUE;
  /* A fragment: markup from its first character on. */
  return *start == '<'
         && (strstr (lower, "</p>") != NULL || strstr (lower, "<div") != NULL
             || strstr (lower, "<br") != NULL || strstr (lower, "<article") != NULL);
}

static ImportFormat
sniff_format (const char *data,
              gsize       length,
              const char *filename)
{
  static const char * const html_extensions[] = { ".html", ".htm", ".xhtml", ".shtml", NULL };
  static const char * const feed_extensions[] = { ".rss", ".atom", NULL };
  static const char * const mhtml_extensions[] = { ".mht", ".mhtml", NULL };
  g_autofree char *head = sniff_head (data, length);

  if (_brief_mhtml_sniff (head, strlen (head)))
    return FORMAT_MHTML;
  if (_brief_feed_sniff (head, strlen (head)))
    return FORMAT_FEED;
  if (head_looks_like_html (head))
    return FORMAT_HTML;

  if (has_extension (filename, mhtml_extensions))
    return FORMAT_MHTML;
  if (has_extension (filename, feed_extensions))
    return FORMAT_FEED;
  if (has_extension (filename, html_extensions))
    return FORMAT_HTML;
  return FORMAT_TEXT;
}

static gboolean
starts_like_markup (const char *text)
{
  g_autofree char *head = g_strndup (text, SNIFF_BYTES);

  return head_looks_like_html (head);
}

/* Reads an ISO 8601 calendar date at the start of @text into "YYYY-MM-DD". */
static char *
parse_iso_date (const char *text)
{
  static const char pattern[] = "dddd-dd-dd";
  guint year, month, day;

  while (*text == ' ' || *text == '\t')
    text++;

  for (guint i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return NULL;
  if (g_ascii_isdigit (text[10]))
    return NULL;

  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strndup (text, 10);
}

/* A plain-text article saved by a tool often starts with lines such as
 * "Published: 2023-09-05" under its headline; the date anchors relative dates. */
static char *
find_published_line (const char *text)
{
  static const char * const labels[] = { "published:", "date:", "updated:", NULL };
  g_auto(GStrv) lines = g_strsplit (text, "\n", HEADER_LINES_TO_SCAN + 1);

  for (guint i = 0; lines[i] != NULL && i < HEADER_LINES_TO_SCAN; i++)
    {
      const char *line = lines[i];

      while (g_ascii_isspace (*line))
        line++;
      for (guint j = 0; labels[j] != NULL; j++)
        {
          gsize label_length = strlen (labels[j]);

          if (g_ascii_strncasecmp (line, labels[j], label_length) == 0)
            {
              char *date = parse_iso_date (line + label_length);
              if (date != NULL)
                return date;
            }
        }
    }

  return NULL;
}

static char *
title_from_filename (const char *filename)
{
  g_autofree char *basename = g_path_get_basename (filename);
  char *dot = strrchr (basename, '.');

  if (dot != NULL && dot != basename)
    *dot = '\0';
  g_strdelimit (basename, "_-", ' ');
  return g_steal_pointer (&basename);
}

static BriefArticle *
import_plain_text (const char *text,
                   const char *filename,
                   guint       n_repairs)
{
  g_autoptr(BriefArticle) article = brief_article_new ();
  g_autofree char *published = find_published_line (text);

  brief_article_set_plain_text (article, text);
  brief_article_set_published (article, published);
  brief_article_set_n_repairs (article, n_repairs);
  if (filename != NULL)
    {
      brief_article_set_source_path (article, filename);
      if (brief_article_get_title (article) == NULL)
        {
          g_autofree char *title = title_from_filename (filename);
          brief_article_set_title (article, title);
        }
    }

  return g_steal_pointer (&article);
}

static gboolean
check_size (gsize    length,
            GError **error)
{
  if (length <= BRIEF_IMPORT_MAX_BYTES)
    return TRUE;
  g_set_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_TOO_LARGE,
               _("The file is larger than %d MB, too large for an article"),
               BRIEF_IMPORT_MAX_BYTES / (1024 * 1024));
  return FALSE;
}

static gboolean
check_not_binary (const char  *data,
                  gsize        length,
                  GError     **error)
{
  const char *kind = brief_binary_sniff (data, length);

  if (kind == NULL)
    return TRUE;
  /* TRANSLATORS: %s is a kind of file, such as "a PDF document" */
  g_set_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_NOT_TEXT,
               _("This looks like %s, not an article: it holds no text to read"), kind);
  return FALSE;
}

static gboolean
is_blank_text (const char *text)
{
  return text[strspn (text, " \t\r\n\f\v")] == '\0';
}

/* A Markdown headline loses its "#" marks in the title. */
static void
strip_markdown_title (BriefArticle *article)
{
  const char *title = brief_article_get_title (article);

  if (title != NULL && title[0] == '#')
    {
      g_autofree char *stripped = g_strstrip (g_strdup (title + strspn (title, "#")));
      if (*stripped != '\0')
        brief_article_set_title (article, stripped);
    }
}

static GPtrArray *
import_text_bytes (const char  *data,
                   gsize        length,
                   const char  *filename,
                   GError     **error)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;
  BriefArticle *article;
  guint n_repairs = 0;

  text = brief_text_decode (data, length, NULL, &n_repairs, error);
  if (text == NULL)
    return NULL;

  /* The text stays verbatim: offsets and TimeML output refer to it. */
  if (is_blank_text (text))
    {
      g_set_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_EMPTY,
                   _("The file is empty"));
      return NULL;
    }

  article = import_plain_text (text, filename, n_repairs);
  strip_markdown_title (article);
  g_ptr_array_add (articles, article);
  return g_steal_pointer (&articles);
}

static GPtrArray *
single_article (BriefArticle *article)
{
  GPtrArray *articles;

  if (article == NULL)
    return NULL;
  articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (articles, article);
  return articles;
}

static GPtrArray *
import_mhtml (const char  *data,
              gsize        length,
              const char  *filename,
              GError     **error)
{
  g_autofree char *charset = NULL;
  g_autofree char *location = NULL;
  g_autoptr(GBytes) html = _brief_mhtml_get_html (data, length, &charset, &location, error);
  BriefArticle *article;
  gsize html_length;
  const char *html_data;

  if (html == NULL)
    return NULL;
  html_data = g_bytes_get_data (html, &html_length);
  article = _brief_html_import (html_data, html_length, charset, filename, error);
  if (article != NULL && brief_article_get_url (article) == NULL
      && location != NULL && g_str_has_prefix (location, "http"))
    brief_article_set_url (article, location);
  return single_article (article);
}

static GPtrArray *
import_bytes (const char  *data,
              gsize        length,
              const char  *filename,
              guint        depth,
              GError     **error);

static GPtrArray *
import_gzip (const char  *data,
             gsize        length,
             const char  *filename,
             guint        depth,
             GError     **error)
{
  g_autoptr(GBytes) inflated = NULL;
  g_autofree char *inner_name = NULL;
  const char *inflated_data;
  gsize inflated_length;

  /* A compressed file inside a compressed file is no saved page. */
  if (depth > 0)
    {
      check_not_binary (data, length, error);
      return NULL;
    }

  inflated = _brief_gzip_inflate (data, length, BRIEF_IMPORT_MAX_INFLATED_BYTES, error);
  if (inflated == NULL)
    return NULL;

  if (filename != NULL)
    {
      inner_name = g_strdup (filename);
      if (g_str_has_suffix (inner_name, ".gz"))
        inner_name[strlen (inner_name) - 3] = '\0';
    }
  inflated_data = g_bytes_get_data (inflated, &inflated_length);
  return import_bytes (inflated_data, inflated_length, inner_name, depth + 1, error);
}

static GPtrArray *
import_bytes (const char  *data,
              gsize        length,
              const char  *filename,
              guint        depth,
              GError     **error)
{
  if (data == NULL)
    data = "";
  if (!check_size (length, error))
    return NULL;
  if (_brief_gzip_has_magic (data, length))
    return import_gzip (data, length, filename, depth, error);
  if (!check_not_binary (data, length, error))
    return NULL;

  switch (sniff_format (data, length, filename))
    {
    case FORMAT_MHTML:
      return import_mhtml (data, length, filename, error);
    case FORMAT_FEED:
      return _brief_feed_import (data, length, filename, error);
    case FORMAT_HTML:
      return single_article (_brief_html_import (data, length, NULL, filename, error));
    case FORMAT_TEXT:
    default:
      return import_text_bytes (data, length, filename, error);
    }
}

GPtrArray *
brief_import_bytes (GBytes      *bytes,
                    const char  *filename,
                    GError     **error)
{
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  return import_bytes (data, length, filename, 0, error);
}

GPtrArray *
brief_import_text (const char  *text,
                   const char  *title_hint,
                   GError     **error)
{
  g_autoptr(GPtrArray) articles = NULL;
  g_autofree char *valid = NULL;
  guint n_repairs = 0;
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);

  length = strlen (text);
  if (!check_size (length, error))
    return NULL;
  if (!g_utf8_validate_len (text, length, NULL))
    {
      valid = brief_text_decode (text, length, NULL, &n_repairs, error);
      if (valid == NULL)
        return NULL;
      text = valid;
      length = strlen (text);
    }
  if (is_blank_text (text))
    {
      g_set_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_EMPTY,
                   _("The text is empty"));
      return NULL;
    }

  articles = g_ptr_array_new_with_free_func (g_object_unref);
  if (starts_like_markup (text))
    {
      BriefArticle *article = _brief_html_import (text, length, "utf-8", NULL, error);
      if (article == NULL)
        return NULL;
      g_ptr_array_add (articles, article);
    }
  else
    g_ptr_array_add (articles, import_plain_text (text, NULL, 0));

  for (guint i = 0; i < articles->len; i++)
    {
      BriefArticle *article = g_ptr_array_index (articles, i);
      if (brief_article_get_title (article) == NULL && title_hint != NULL)
        brief_article_set_title (article, title_hint);
      brief_article_set_n_repairs (article, brief_article_get_n_repairs (article) + n_repairs);
    }
  return g_steal_pointer (&articles);
}

GPtrArray *
brief_import_file (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_UNSUPPORTED,
                   _("It is a folder, not an article"));
      return NULL;
    }

  if (g_file_info_get_size (info) > BRIEF_IMPORT_MAX_BYTES)
    {
      g_set_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_TOO_LARGE,
                   _("The file is larger than %d MB, too large for an article"),
                   BRIEF_IMPORT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;

  path = g_file_get_path (file);
  if (path == NULL)
    path = g_file_get_uri (file);

  articles = brief_import_bytes (bytes, path, error);
  if (articles != NULL)
    {
      for (guint i = 0; i < articles->len; i++)
        if (brief_article_get_url (g_ptr_array_index (articles, i)) == NULL)
          {
            g_autofree char *uri = g_file_get_uri (file);
            brief_article_set_url (g_ptr_array_index (articles, i), uri);
          }
    }

  return g_steal_pointer (&articles);
}
