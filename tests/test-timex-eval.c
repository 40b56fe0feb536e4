/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef G_LOG_DOMAIN
#define G_LOG_DOMAIN "test-timex-eval"
#endif

#include "config.h"

#include "brief-date-tagger.h"
#include "brief-timeml-gold.h"

/* Runs the date engine over the TempEval-3 training files (TimeBank +
 * AQUAINT) when $BRIEF_SHARED_DIR/data/tempeval3/train exists and fails when
 * a figure drops more than half a point below what the engine reached
 * (bench/bench-timex-eval prints them all). */

/* Reached on 2026-11-28, sixth round (0.9001 / 0.9484 / 0.9148 / 0.8208
 * after the fifth): report periods ("last year" as the figure compared
 * with, the day or the quarter a period closes with, "the year-earlier
 * nine months", a forecast's quarter), a future clause about a day just
 * past, "then-current", words in "ed" that are no past forms; raise them
 * as the rules improve. */
#define REACHED_STRICT_F1   0.9014
#define REACHED_RELAXED_F1  0.9487
#define REACHED_TYPE_F1     0.9161
#define REACHED_VALUE_F1    0.8276
#define TOLERANCE           0.005

static void
test_eval_train (gconstpointer data)
{
  const char *train = data;
  g_autofree char *timebank = g_build_filename (train, "TimeBank", NULL);
  g_autofree char *aquaint = g_build_filename (train, "AQUAINT", NULL);
  const char *dirs[] = { timebank, aquaint, NULL };
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(BriefDateTagger) tagger = brief_date_tagger_new ();
  g_autoptr(GError) error = NULL;
  Scores scores = { 0, };
  double relaxed, strict, type_f1, value_f1;

  docs = gold_documents_load_dirs (dirs, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < docs->len; i++)
    {
      const GoldDocument *doc = g_ptr_array_index (docs, i);
      g_autoptr(GPtrArray) sys = brief_date_tagger_find (tagger, doc->text, doc->dct,
                                                          BRIEF_DOCUMENT_NEWS);

      gold_score_document (doc, sys, &scores, NULL, NULL);
    }

  strict = gold_f1 (scores.all.strict, scores.all.n_sys, scores.all.n_gold);
  relaxed = gold_f1 (scores.all.relaxed, scores.all.n_sys, scores.all.n_gold);
  type_f1 = scores.all.relaxed ? relaxed * scores.all.type_ok / scores.all.relaxed : 0;
  value_f1 = scores.all.relaxed ? relaxed * scores.all.value_ok / scores.all.relaxed : 0;

  g_test_message ("%u documents: strict F1 %.4f relaxed F1 %.4f type F1 %.4f value F1 %.4f",
                  docs->len, strict, relaxed, type_f1, value_f1);
  g_assert_cmpfloat (strict, >=, REACHED_STRICT_F1 - TOLERANCE);
  g_assert_cmpfloat (relaxed, >=, REACHED_RELAXED_F1 - TOLERANCE);
  g_assert_cmpfloat (type_f1, >=, REACHED_TYPE_F1 - TOLERANCE);
  g_assert_cmpfloat (value_f1, >=, REACHED_VALUE_F1 - TOLERANCE);
}

static void
test_eval_absent (void)
{
  g_test_skip ("$BRIEF_SHARED_DIR/data/tempeval3/train is absent");
}

int
main (int   argc,
      char *argv[])
{
  const char *shared = g_getenv ("BRIEF_SHARED_DIR");
  g_autofree char *train = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (shared != NULL)
    train = g_build_filename (shared, "data", "tempeval3", "train", NULL);
  if (train == NULL || !g_file_test (train, G_FILE_TEST_IS_DIR))
    {
      g_test_add_func ("/timex/eval/train", test_eval_absent);
      return g_test_run ();
    }

  g_test_add_data_func ("/timex/eval/train", train, test_eval_train);

  return g_test_run ();
}
