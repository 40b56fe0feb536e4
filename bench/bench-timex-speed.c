/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-timex-speed"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "brief-date-tagger.h"
#include "brief-timeml-gold.h"

/* Measures the date engine on all the TimeBank + AQUAINT text in one
 * process: load time of the rules, characters per second (repeated until at
 * least a second has passed, loading excluded) and peak RSS.
 *
 *   bench-timex-speed [DIR…] */

/* User + system CPU time in microseconds: unlike the wall clock, it does
 * not count the time other processes on a busy machine take. */
static gint64
cpu_time (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gint64) usage.ru_utime.tv_sec * G_USEC_PER_SEC + usage.ru_utime.tv_usec
         + (gint64) usage.ru_stime.tv_sec * G_USEC_PER_SEC + usage.ru_stime.tv_usec;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(BriefDateTagger) tagger = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);
  guint64 n_chars = 0, n_bytes = 0, total_chars = 0, n_timexes = 0;
  gint64 t0, t1, load_start, cpu0, cpu1;
  guint rounds = 0;
  struct rusage usage;

  for (int i = 1; i < argc; i++)
    g_ptr_array_add (dirs, g_strdup (argv[i]));
  if (dirs->len == 0)
    {
      const char *shared = g_getenv ("BRIEF_SHARED_DIR");

      if (shared == NULL)
        shared = "/work/shared";
      g_ptr_array_add (dirs, g_build_filename (shared, "data/tempeval3/train/TimeBank", NULL));
      g_ptr_array_add (dirs, g_build_filename (shared, "data/tempeval3/train/AQUAINT", NULL));
    }
  g_ptr_array_add (dirs, NULL);

  docs = gold_documents_load_dirs ((const char * const *) dirs->pdata, &error);
  if (docs == NULL)
    {
      fprintf (stderr, "bench-timex-speed: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < docs->len; i++)
    {
      const GoldDocument *doc = g_ptr_array_index (docs, i);

      n_chars += g_utf8_strlen (doc->text, -1);
      n_bytes += strlen (doc->text);
    }

  load_start = g_get_monotonic_time ();
  tagger = brief_date_tagger_new ();
  t0 = g_get_monotonic_time ();
  cpu0 = cpu_time ();
  printf ("load + compile: %.2f ms\n", (t0 - load_start) / 1000.0);

  do
    {
      for (guint i = 0; i < docs->len; i++)
        {
          const GoldDocument *doc = g_ptr_array_index (docs, i);
          g_autoptr(GPtrArray) sys = brief_date_tagger_find (tagger, doc->text, doc->dct,
                                                              BRIEF_DOCUMENT_NEWS);

          n_timexes += sys->len;
        }
      total_chars += n_chars;
      rounds++;
      t1 = g_get_monotonic_time ();
    }
  while (t1 - t0 < G_USEC_PER_SEC);
  cpu1 = cpu_time ();

  getrusage (RUSAGE_SELF, &usage);
  printf ("%u documents, %" G_GUINT64_FORMAT " chars (%" G_GUINT64_FORMAT " bytes), %u rounds, "
          "%" G_GUINT64_FORMAT " timexes a round\n",
          docs->len, n_chars, n_bytes, rounds, n_timexes / rounds);
  printf ("speed: %.2f M chars/s (wall clock), %.2f M chars/s (CPU time of this process)\n",
          total_chars / ((t1 - t0) / 1e6) / 1e6,
          total_chars / (MAX (cpu1 - cpu0, 1) / 1e6) / 1e6);
  printf ("peak RSS: %.1f MB\n", usage.ru_maxrss / 1024.0);

  return 0;
}
