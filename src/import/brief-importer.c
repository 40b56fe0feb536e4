/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "brief-importer.h"
#include "brief-text-decoder.h"

/* Header lines a saved article may start with, before its body. */
#define HEADER_LINES_TO_SCAN 6

G_DEFINE_QUARK (brief-import-error-quark, brief_import_error)

static gboolean
has_markup_extension (const char *filename)
{
  static const char * const extensions[] = {
    ".html", ".htm", ".xhtml", ".mht", ".mhtml", ".rss", ".atom", ".xml", NULL
  };
  g_autofree char *lower = NULL;

  if (filename == NULL)
    return FALSE;

  lower = g_ascii_strdown (filename, -1);
  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;
  return FALSE;
}

static gboolean
starts_like_markup (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;
  return g_ascii_strncasecmp (text, "<!doctype", 9) == 0
         || g_ascii_strncasecmp (text, "<html", 5) == 0
         || g_ascii_strncasecmp (text, "<?xml", 5) == 0;
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

GPtrArray *
brief_import_bytes (GBytes      *bytes,
                    const char  *filename,
                    GError     **error)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;
  const char *data;
  gsize length;
  guint n_repairs = 0;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length > BRIEF_IMPORT_MAX_BYTES)
    {
      g_set_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_TOO_LARGE,
                   _("The file is larger than %d MB, too large for an article"),
                   BRIEF_IMPORT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  text = brief_text_decode (data, length, NULL, &n_repairs, error);
  if (text == NULL)
    return NULL;

  if (has_markup_extension (filename) || starts_like_markup (text))
    {
      g_set_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_UNSUPPORTED,
                   _("Web pages and feeds cannot be imported yet; save the article as plain text"));
      return NULL;
    }

  /* The text stays verbatim: offsets and TimeML output refer to it. */
  if (text[strspn (text, " \t\r\n\f\v")] == '\0')
    {
      g_set_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_EMPTY,
                   _("The file is empty"));
      return NULL;
    }

  g_ptr_array_add (articles, import_plain_text (text, filename, n_repairs));
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

static void
import_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  GPtrArray *articles;

  articles = brief_import_file (file, cancellable, &error);
  if (articles == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, articles, (GDestroyNotify) g_ptr_array_unref);
}

void
brief_import_file_async (GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, brief_import_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_file_thread);
}

GPtrArray *
brief_import_file_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == brief_import_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
