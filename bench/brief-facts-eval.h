/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "brief-analysis.h"

G_BEGIN_DECLS

/* Scores of the fact extraction (events, entities, quotes) against gold
 * annotations: tests/fixtures/analysis/gold/NAME.json, each naming its text
 * ("wire-report.txt" under the fixtures, or "shared:samples/…" under the
 * shared directory), its DCT and the expected events (value, actor and
 * action words of the title), entities (name, kind, role words) and quotes
 * (first words or code point offset, speaker).  Shared by the benchmark and
 * its regression test. */
typedef struct
{
  guint tp;
  guint n_predicted;
  guint n_gold;
} BriefFactsScore;

typedef struct
{
  BriefFactsScore dates;
  BriefFactsScore titles;
  BriefFactsScore entities;
  BriefFactsScore quotes;
  guint           n_documents;
} BriefFactsEval;

/* Adds the scores of @gold_path to @eval; @log (may be NULL) receives a line
 * per miss.  @shared_dir may be NULL: a gold file of a shared text is then
 * skipped (FALSE, no error). */
gboolean            brief_facts_eval_file        (BriefDateTagger *tagger,
                                                  const char      *gold_path,
                                                  const char      *fixtures_dir,
                                                  const char      *shared_dir,
                                                  BriefFactsEval  *eval,
                                                  GString         *log,
                                                  GError         **error);

/* Reads the text a gold file names; NULL when it is not available. */
char               *brief_facts_eval_load_text   (const char      *gold_path,
                                                  const char      *fixtures_dir,
                                                  const char      *shared_dir,
                                                  char           **dct);

double              brief_facts_score_f1         (const BriefFactsScore *score,
                                                  double          *precision,
                                                  double          *recall);

G_END_DECLS
