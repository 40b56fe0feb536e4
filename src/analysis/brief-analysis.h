/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "brief-date-tagger.h"
#include "brief-sentence-splitter.h"
#include "brief-timex.h"

G_BEGIN_DECLS

/* A dated mention in the text: the seed of a timeline event.  There is one
 * for every DATE timex whose value is a calendar date ("2019-04", "1991") or
 * an underspecified one whose year is unknown ("XXXX-07", when there is no
 * document creation time); tell them apart with brief_timex_is_calendar().
 * The title is never empty. */
typedef struct
{
  guint   timex_index;  /* into brief_analysis_get_timexes() */
  char   *title;        /* short headline-style title */
  char   *sentence;
  gsize   start;        /* code points of the sentence */
  gsize   end;
} BriefMention;

BriefMention       *brief_mention_copy           (const BriefMention *mention);
void                brief_mention_free           (BriefMention      *mention);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriefMention, brief_mention_free)

#define BRIEF_TYPE_ANALYSIS (brief_analysis_get_type ())

G_DECLARE_FINAL_TYPE (BriefAnalysis, brief_analysis, BRIEF, ANALYSIS, GObject)

/* Runs the whole analysis of @text; @dct may be NULL, @tagger may be NULL
 * (a tagger is then made for this call).  Invalid UTF-8 gives an empty
 * analysis. */
BriefAnalysis      *brief_analysis_run           (BriefDateTagger   *tagger,
                                                  const char        *text,
                                                  const char        *dct,
                                                  BriefDocumentKind  kind);
const char         *brief_analysis_get_text      (BriefAnalysis     *self);
const char         *brief_analysis_get_dct       (BriefAnalysis     *self);
BriefDocumentKind   brief_analysis_get_kind      (BriefAnalysis     *self);
/* Returns: (transfer none) (element-type BriefSpan): the sentences, in bytes */
GArray             *brief_analysis_get_sentences (BriefAnalysis     *self);
/* Returns: (transfer none) (element-type BriefTimex) */
GPtrArray          *brief_analysis_get_timexes   (BriefAnalysis     *self);
/* Returns: (transfer none) (element-type BriefMention) */
GPtrArray          *brief_analysis_get_mentions  (BriefAnalysis     *self);

G_END_DECLS
