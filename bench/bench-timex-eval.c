/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-timex-eval"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "brief-date-tagger.h"
#include "brief-timeml-gold.h"

/* Runs the date engine over TimeML gold files and prints the TempEval-3
 * measures for temporal expressions:
 *
 *   bench-timex-eval [--errors] [DIR…]
 *
 * DIR defaults to $BRIEF_SHARED_DIR/data/tempeval3/train/{TimeBank,AQUAINT}. */

static const char * const type_names[] = { "DATE", "TIME", "DURATION", "SET" };

static void
print_error_cb (const GoldDocument *doc,
                const char         *what,
                const char         *text,
                const char         *gold,
                const char         *sys,
                gpointer            data)
{
  g_autofree char *flat = g_strdup (text);

  g_strdelimit (flat, "\n\t", ' ');
  printf ("%-5s %-28s %-40s gold=%-28s sys=%s\n", what, doc->name, flat,
          gold ? gold : "-", sys ? sys : "-");
}

static void
print_line (const char   *label,
            const Counts *c,
            guint         sys_relaxed)
{
  double rp = c->n_sys ? (double) sys_relaxed / c->n_sys : 0;
  double rr = c->n_gold ? (double) c->relaxed / c->n_gold : 0;
  double rf = rp + rr > 0 ? 2 * rp * rr / (rp + rr) : 0;
  double sp = c->n_sys ? (double) c->strict / c->n_sys : 0;
  double sr = c->n_gold ? (double) c->strict / c->n_gold : 0;
  double sf = sp + sr > 0 ? 2 * sp * sr / (sp + sr) : 0;
  double type_acc = c->relaxed ? (double) c->type_ok / c->relaxed : 0;
  double value_acc = c->relaxed ? (double) c->value_ok / c->relaxed : 0;

  printf ("%-9s gold %4u sys %4u | strict P %.4f R %.4f F1 %.4f | relaxed P %.4f R %.4f F1 %.4f"
          " | type F1 %.4f | value acc %.4f F1 %.4f\n",
          label, c->n_gold, c->n_sys, sp, sr, sf, rp, rr, rf,
          rf * type_acc, value_acc, rf * value_acc);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(BriefDateTagger) tagger = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);
  gboolean errors = FALSE;
  Scores scores = { 0, };

  for (int i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--errors") == 0)
        errors = TRUE;
      else
        g_ptr_array_add (dirs, g_strdup (argv[i]));
    }

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
      fprintf (stderr, "bench-timex-eval: %s\n", error->message);
      return 1;
    }

  tagger = brief_date_tagger_new ();
  for (guint i = 0; i < docs->len; i++)
    {
      const GoldDocument *doc = g_ptr_array_index (docs, i);
      g_autoptr(GPtrArray) sys = brief_date_tagger_find (tagger, doc->text, doc->dct,
                                                          BRIEF_DOCUMENT_NEWS);

      gold_score_document (doc, sys, &scores, errors ? print_error_cb : NULL, NULL);
    }

  printf ("%u documents\n", docs->len);
  print_line ("all", &scores.all, scores.all.relaxed);
  for (guint t = 0; t < G_N_ELEMENTS (type_names); t++)
    print_line (type_names[t], &scores.by_type[t], scores.sys_relaxed_by_type[t]);

  return 0;
}
