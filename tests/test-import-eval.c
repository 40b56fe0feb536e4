/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "brief-extraction-eval.h"

/* Measured on the development split when the extractor was written
 * (bench/bench-extraction); the test fails half a point below it. */
#define REACHED_F1 0.9726
#define TOLERANCE 0.005

static void
test_dev_set (void)
{
  const char *shared = g_getenv ("BRIEF_SHARED_DIR");
  g_autofree char *dir = NULL;
  g_auto(BriefEvalResult) result = { 0 };
  g_autoptr(GError) error = NULL;

  if (shared != NULL)
    dir = g_build_filename (shared, "data", "article-extraction", "dev", NULL);
  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("The article-extraction development set is not available");
      return;
    }

  g_assert_true (brief_eval_run (dir, &result, &error));
  g_assert_no_error (error);
  g_test_message ("precision %.4f recall %.4f F1 %.4f median %.2f ms",
                  result.precision, result.recall, result.f1, result.median_ms);
  g_assert_cmpuint (result.pages->len, >, 100);
  g_assert_cmpfloat (result.f1, >=, REACHED_F1 - TOLERANCE);
}

static void
test_scoring (void)
{
  double tp, fp, fn;

  brief_eval_score_text ("one two three four five", "one two three four five", &tp, &fp, &fn);
  g_assert_cmpfloat (tp, ==, 1.0);
  brief_eval_score_text ("one two three four five", "zero one two three four", &tp, &fp, &fn);
  g_assert_cmpfloat_with_epsilon (tp, 1.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (fp, 1.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (fn, 1.0 / 3, 1e-9);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/import/eval/scoring", test_scoring);
  g_test_add_func ("/import/eval/dev-set", test_dev_set);

  return g_test_run ();
}
