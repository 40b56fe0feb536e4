/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-extraction"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "brief-extraction-eval.h"

#define N_WORST 15

static double
page_f1 (const BriefEvalPage *page)
{
  double p = brief_eval_page_precision (page), r = brief_eval_page_recall (page);

  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static int
compare_f1 (gconstpointer a,
            gconstpointer b)
{
  double x = page_f1 (*(BriefEvalPage **) a), y = page_f1 (*(BriefEvalPage **) b);

  return x < y ? -1 : x > y;
}

static void
print_errors (BriefEvalResult *result)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; i < result->pages->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (result->pages, i));

  g_ptr_array_sort (sorted, compare_f1);
  printf ("\nworst pages (F1, precision, recall, id, url):\n");
  for (guint i = 0; i < sorted->len && i < N_WORST; i++)
    {
      const BriefEvalPage *page = g_ptr_array_index (sorted, i);
      printf ("  %.3f  P %.3f  R %.3f  %.12s  %s\n", page_f1 (page),
              brief_eval_page_precision (page), brief_eval_page_recall (page),
              page->id, page->url);
    }
}

static void
print_page (BriefEvalResult *result,
            const char      *id)
{
  for (guint i = 0; i < result->pages->len; i++)
    {
      const BriefEvalPage *page = g_ptr_array_index (result->pages, i);

      if (!g_str_has_prefix (page->id, id))
        continue;
      printf ("=== %s %s\nP %.3f R %.3f\n--- extracted\n%s\n--- gold\n%s\n", page->id, page->url,
              brief_eval_page_precision (page), brief_eval_page_recall (page),
              page->extracted, page->gold);
    }
}

static char *
default_dir (void)
{
  const char *shared = g_getenv ("BRIEF_SHARED_DIR");

  if (shared == NULL)
    shared = BRIEF_DEFAULT_SHARED_DIR;
  return g_build_filename (shared, "data", "article-extraction", "dev", NULL);
}

int
main (int    argc,
      char **argv)
{
  gboolean errors = FALSE;
  char *show = NULL;
  g_autofree char *dir = NULL;
  g_auto(BriefEvalResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("[DIR] — score main-content extraction");
  GOptionEntry entries[] = {
    { "errors", 'e', 0, G_OPTION_ARG_NONE, &errors, "List the worst pages", NULL },
    { "show", 's', 0, G_OPTION_ARG_STRING, &show, "Print the extracted and gold text of page ID", "ID" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-extraction: %s\n", error->message);
      return 2;
    }
  dir = argc > 1 ? g_strdup (argv[1]) : default_dir ();

  if (!brief_eval_run (dir, &result, &error))
    {
      fprintf (stderr, "bench-extraction: %s\n", error->message);
      return 1;
    }

  if (show != NULL)
    print_page (&result, show);
  printf ("pages %u  precision %.4f  recall %.4f  F1 %.4f  median %.2f ms  mean %.2f ms\n",
          result.pages->len, result.precision, result.recall, result.f1,
          result.median_ms, result.mean_ms);
  if (errors)
    print_errors (&result);
  g_free (show);
  return 0;
}
