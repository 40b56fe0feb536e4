/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Also compiled into tests/test-import-eval, which names its own domain. */
#ifndef G_LOG_DOMAIN
#define G_LOG_DOMAIN "brief-extraction-eval"
#endif

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "brief-extraction-eval.h"
#include "brief-import-private.h"
#include "brief-importer.h"

#define SHINGLE_SIZE 4

static void
eval_page_free (gpointer data)
{
  BriefEvalPage *page = data;

  g_free (page->id);
  g_free (page->url);
  g_free (page->gold);
  g_free (page->extracted);
  g_free (page);
}

void
brief_eval_result_clear (BriefEvalResult *result)
{
  g_clear_pointer (&result->pages, g_ptr_array_unref);
}

/* Python's \w: letters, digits and numerals of any script, and "_". */
static gboolean
is_word_char (gunichar c)
{
  if (c == '_' || g_unichar_isalnum (c))
    return TRUE;
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
      return TRUE;
    default:
      return FALSE;
    }
}

static GPtrArray *
tokenize (const char *text)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gboolean word = *p != '\0' && is_word_char (g_utf8_get_char (p));

      if (word && start == NULL)
        start = p;
      else if (!word && start != NULL)
        {
          g_ptr_array_add (tokens, g_strndup (start, p - start));
          start = NULL;
        }
      if (*p == '\0')
        break;
    }
  return tokens;
}

/* Bag of shingles: joined key → count. */
static GHashTable *
shingles (const char *text)
{
  g_autoptr(GPtrArray) tokens = tokenize (text != NULL ? text : "");
  GHashTable *bag = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = tokens->len > SHINGLE_SIZE ? tokens->len - SHINGLE_SIZE + 1 : 1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) key = g_string_new (NULL);
      guint count;

      for (guint j = i; j < i + SHINGLE_SIZE && j < tokens->len; j++)
        {
          g_string_append (key, g_ptr_array_index (tokens, j));
          g_string_append_c (key, '\x1f');
        }
      if (key->len == 0)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (bag, key->str));
      g_hash_table_replace (bag, g_string_free (g_steal_pointer (&key), FALSE), GUINT_TO_POINTER (count + 1));
    }
  return bag;
}

void
brief_eval_score_text (const char *gold,
                       const char *extracted,
                       double     *out_tp,
                       double     *out_fp,
                       double     *out_fn)
{
  g_autoptr(GHashTable) gold_bag = shingles (gold);
  g_autoptr(GHashTable) extracted_bag = shingles (extracted);
  GHashTableIter iter;
  gpointer key, value;
  double tp = 0, fp = 0, fn = 0, sum;

  g_hash_table_iter_init (&iter, gold_bag);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint gold_count = GPOINTER_TO_UINT (value);
      guint extracted_count = GPOINTER_TO_UINT (g_hash_table_lookup (extracted_bag, key));

      tp += MIN (gold_count, extracted_count);
      fn += gold_count > extracted_count ? gold_count - extracted_count : 0;
    }
  g_hash_table_iter_init (&iter, extracted_bag);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint extracted_count = GPOINTER_TO_UINT (value);
      guint gold_count = GPOINTER_TO_UINT (g_hash_table_lookup (gold_bag, key));

      fp += extracted_count > gold_count ? extracted_count - gold_count : 0;
    }

  sum = tp + fp + fn;
  if (sum > 0)
    {
      tp /= sum;
      fp /= sum;
      fn /= sum;
    }
  *out_tp = tp;
  *out_fp = fp;
  *out_fn = fn;
}

double
brief_eval_page_precision (const BriefEvalPage *page)
{
  if (page->fp == 0 && page->fn == 0)
    return 1.0;
  if (page->tp == 0 && page->fp == 0)
    return 0.0;
  return page->tp / (page->tp + page->fp);
}

double
brief_eval_page_recall (const BriefEvalPage *page)
{
  if (page->fp == 0 && page->fn == 0)
    return 1.0;
  if (page->tp == 0 && page->fn == 0)
    return 0.0;
  return page->tp / (page->tp + page->fn);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
summarise (BriefEvalResult *result)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double precision_sum = 0, recall_sum = 0, time_sum = 0;
  guint n_precision = 0, n_recall = 0;

  for (guint i = 0; i < result->pages->len; i++)
    {
      const BriefEvalPage *page = g_ptr_array_index (result->pages, i);

      if (page->tp + page->fp > 0)
        {
          precision_sum += brief_eval_page_precision (page);
          n_precision++;
        }
      if (page->tp + page->fn > 0)
        {
          recall_sum += brief_eval_page_recall (page);
          n_recall++;
        }
      g_array_append_val (times, page->milliseconds);
      time_sum += page->milliseconds;
    }

  result->precision = n_precision > 0 ? precision_sum / n_precision : 0;
  result->recall = n_recall > 0 ? recall_sum / n_recall : 0;
  result->f1 = result->precision + result->recall > 0
               ? 2 * result->precision * result->recall / (result->precision + result->recall) : 0;
  g_array_sort (times, compare_doubles);
  if (times->len > 0)
    {
      guint mid = times->len / 2;
      result->median_ms = times->len % 2 ? g_array_index (times, double, mid)
                          : (g_array_index (times, double, mid - 1) + g_array_index (times, double, mid)) / 2;
      result->mean_ms = time_sum / times->len;
    }
}

static char *
load_page (const char  *dir,
           const char  *id,
           gsize       *length,
           GError     **error)
{
  g_autofree char *name = g_strconcat (id, ".html.gz", NULL);
  g_autofree char *path = g_build_filename (dir, "html", name, NULL);
  g_autofree char *compressed = NULL;
  g_autoptr(GBytes) html = NULL;
  gsize compressed_length;

  if (!g_file_get_contents (path, &compressed, &compressed_length, error))
    return NULL;
  html = _brief_gzip_inflate (compressed, compressed_length, G_MAXSIZE / 2, error);
  if (html == NULL)
    return NULL;
  return g_bytes_unref_to_data (g_steal_pointer (&html), length);
}

static BriefEvalPage *
run_page (const char  *dir,
          const char  *id,
          JsonObject  *truth,
          GError     **error)
{
  g_autofree char *html = NULL;
  g_autoptr(BriefArticle) article = NULL;
  BriefEvalPage *page;
  gsize length;
  gint64 start;

  html = load_page (dir, id, &length, error);
  if (html == NULL)
    return NULL;

  page = g_new0 (BriefEvalPage, 1);
  page->id = g_strdup (id);
  page->gold = g_strdup (json_object_get_string_member_with_default (truth, "articleBody", ""));
  page->url = g_strdup (json_object_get_string_member_with_default (truth, "url", ""));

  /* The pages are stored as UTF-8, whatever their <meta charset> says. */
  start = g_get_monotonic_time ();
  article = _brief_html_import (html, length, "utf-8", NULL, NULL);
  page->milliseconds = (g_get_monotonic_time () - start) / 1000.0;

  page->extracted = g_strdup (article != NULL ? brief_article_get_text (article) : "");
  brief_eval_score_text (page->gold, page->extracted, &page->tp, &page->fp, &page->fn);
  return page;
}

gboolean
brief_eval_run (const char       *dir,
                BriefEvalResult  *result,
                GError          **error)
{
  g_autofree char *truth_path = g_build_filename (dir, "ground-truth.json", NULL);
  g_autofree char *ids_path = g_build_filename (dir, "ids.txt", NULL);
  g_autofree char *ids_text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) ids = NULL;
  JsonObject *truth;

  if (!json_parser_load_from_file (parser, truth_path, error)
      || !g_file_get_contents (ids_path, &ids_text, NULL, error))
    return FALSE;
  truth = json_node_get_object (json_parser_get_root (parser));
  ids = g_strsplit (ids_text, "\n", -1);

  result->pages = g_ptr_array_new_with_free_func (eval_page_free);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      BriefEvalPage *page;

      g_strstrip (ids[i]);
      if (*ids[i] == '\0' || !json_object_has_member (truth, ids[i]))
        continue;
      page = run_page (dir, ids[i], json_object_get_object_member (truth, ids[i]), error);
      if (page == NULL)
        return FALSE;
      g_ptr_array_add (result->pages, page);
    }

  summarise (result);
  return TRUE;
}
