/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "brief-facts-eval.h"

/* The gold set regression: the targets of the fact extraction. */

static void
test_gold_set (void)
{
  const char *source = g_getenv ("BRIEF_SOURCE_ROOT");
  g_autofree char *gold_dir = g_build_filename (source, "tests", "fixtures", "analysis", "gold", NULL);
  g_autofree char *fixtures = g_build_filename (source, "tests", "fixtures", "analysis", NULL);
  g_autoptr(BriefDateTagger) tagger = brief_date_tagger_new ();
  g_autoptr(GDir) dir = g_dir_open (gold_dir, 0, NULL);
  g_autoptr(GString) log = g_string_new (NULL);
  BriefFactsEval eval = { 0, };
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (gold_dir, name, NULL);
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      brief_facts_eval_file (tagger, path, fixtures, g_getenv ("BRIEF_SHARED_DIR"), &eval, log, &error);
      g_assert_no_error (error);
    }
  g_test_message ("%s", log->str);

  g_assert_cmpuint (eval.n_documents, >=, 6);
  g_assert_cmpfloat (brief_facts_score_f1 (&eval.dates, NULL, NULL), >=, 0.85);
  g_assert_cmpfloat (brief_facts_score_f1 (&eval.entities, NULL, NULL), >=, 0.9);
  g_assert_cmpfloat (brief_facts_score_f1 (&eval.quotes, NULL, NULL), >=, 0.9);
  g_assert_cmpfloat (brief_facts_score_f1 (&eval.titles, NULL, NULL), >=, 0.8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/facts/gold-set", test_gold_set);

  return g_test_run ();
}
