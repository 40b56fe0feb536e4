/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-facts-eval"

#include "config.h"

#include <stdio.h>
#include <time.h>

#include "brief-facts-eval.h"

/* Scores events, entities and quotes on the gold set and measures the speed
 * of the whole analysis (dates, events, entities, quotes).
 *   bench-facts-eval [-v] [GOLD_DIR [FIXTURES_DIR [SHARED_DIR]]] */

#define SPEED_SECONDS 2.0

/* The process's CPU time in µs: on a loaded machine wall-clock time measures
 * the other processes too. */
static gint64
cpu_time_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
print_score (const char            *kind,
             const BriefFactsScore *score)
{
  double p, r;
  double f1 = brief_facts_score_f1 (score, &p, &r);

  printf ("%-10s P %.3f  R %.3f  F1 %.3f  (tp %u, predicted %u, gold %u)\n",
          kind, p, r, f1, score->tp, score->n_predicted, score->n_gold);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static GPtrArray *
gold_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (files, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (files, compare_paths);
  return files;
}

static void
measure_speed (BriefDateTagger *tagger,
               GPtrArray       *files,
               const char      *fixtures_dir,
               const char      *shared_dir)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) dcts = g_ptr_array_new_with_free_func (g_free);
  guint64 n_chars = 0, total = 0;
  gint64 start, cpu_start, elapsed = 0, cpu_elapsed = 0;
  guint rounds = 0;

  for (guint i = 0; i < files->len; i++)
    {
      char *dct = NULL;
      char *text = brief_facts_eval_load_text (g_ptr_array_index (files, i), fixtures_dir,
                                               shared_dir, &dct);

      if (text == NULL)
        continue;
      n_chars += g_utf8_strlen (text, -1);
      g_ptr_array_add (texts, text);
      g_ptr_array_add (dcts, dct);
    }

  start = g_get_monotonic_time ();
  cpu_start = cpu_time_us ();
  while (cpu_elapsed < SPEED_SECONDS * G_USEC_PER_SEC && texts->len > 0)
    {
      for (guint i = 0; i < texts->len; i++)
        g_object_unref (brief_analysis_run (tagger, g_ptr_array_index (texts, i),
                                            g_ptr_array_index (dcts, i), BRIEF_DOCUMENT_NEWS));
      total += n_chars;
      rounds++;
      elapsed = g_get_monotonic_time () - start;
      cpu_elapsed = cpu_time_us () - cpu_start;
    }

  printf ("speed: %.2f M chars/s of CPU time, %.2f M chars/s wall-clock "
          "(%u documents, %" G_GUINT64_FORMAT " chars, %u rounds)\n",
          cpu_elapsed > 0 ? total / (cpu_elapsed / 1e6) / 1e6 : 0.0,
          elapsed > 0 ? total / (elapsed / 1e6) / 1e6 : 0.0, texts->len, n_chars, rounds);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BriefDateTagger) tagger = brief_date_tagger_new ();
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GPtrArray) files = NULL;
  BriefFactsEval eval = { 0, };
  gboolean verbose = argc > 1 && g_strcmp0 (argv[1], "-v") == 0;
  int a = verbose ? 2 : 1;
  const char *gold_dir = argc > a ? argv[a] : BRIEF_SOURCE_DIR "/tests/fixtures/analysis/gold";
  const char *fixtures_dir = argc > a + 1 ? argv[a + 1] : BRIEF_SOURCE_DIR "/tests/fixtures/analysis";
  const char *shared_dir = argc > a + 2 ? argv[a + 2] : g_getenv ("BRIEF_SHARED_DIR");

  if (shared_dir == NULL)
    shared_dir = BRIEF_DEFAULT_SHARED_DIR;

  files = gold_files (gold_dir);
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!brief_facts_eval_file (tagger, g_ptr_array_index (files, i), fixtures_dir, shared_dir,
                                  &eval, log, &error) && error != NULL)
        g_printerr ("%s\n", error->message);
    }

  if (verbose)
    printf ("%s\n", log->str);
  printf ("%u documents\n", eval.n_documents);
  print_score ("dates", &eval.dates);
  print_score ("titles", &eval.titles);
  print_score ("entities", &eval.entities);
  print_score ("quotes", &eval.quotes);
  measure_speed (tagger, files, fixtures_dir, shared_dir);

  return 0;
}
