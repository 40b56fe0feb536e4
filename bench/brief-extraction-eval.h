/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One page of the article-extraction benchmark, scored. */
typedef struct
{
  char   *id;
  char   *url;
  char   *gold;
  char   *extracted;
  double  tp, fp, fn;        /* shingle counts, scaled to sum to 1 */
  double  milliseconds;      /* parse + extract, loading excluded */
} BriefEvalPage;

typedef struct
{
  GPtrArray *pages;          /* of BriefEvalPage */
  double     precision;
  double     recall;
  double     f1;
  double     median_ms;
  double     mean_ms;
} BriefEvalResult;

void                brief_eval_result_clear        (BriefEvalResult    *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BriefEvalResult, brief_eval_result_clear)

/* Shingle matching as the benchmark's evaluate.py defines it: \w+ tokens,
 * bags of 4-token shingles, counts scaled so each page weighs the same. */
void                brief_eval_score_text          (const char         *gold,
                                                    const char         *extracted,
                                                    double             *tp,
                                                    double             *fp,
                                                    double             *fn);
double              brief_eval_page_precision      (const BriefEvalPage *page);
double              brief_eval_page_recall         (const BriefEvalPage *page);

/* Runs the extractor over @dir (html/<id>.html.gz, ground-truth.json, ids.txt). */
gboolean            brief_eval_run                 (const char         *dir,
                                                    BriefEvalResult    *result,
                                                    GError            **error);

G_END_DECLS
