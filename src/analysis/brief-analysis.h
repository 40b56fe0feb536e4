/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "brief-date-tagger.h"
#include "brief-entities.h"
#include "brief-sentence-splitter.h"
#include "brief-timex.h"

G_BEGIN_DECLS

/* A dated mention in the text: the seed of a timeline event.  There is one
 * for every DATE timex whose value is a calendar date ("2019-04", "1991") or
 * an underspecified one whose year is unknown ("XXXX-07", when there is no
 * document creation time); tell them apart with brief_timex_is_calendar().
 * A range ("from 2001 to 2003") is one mention whose end_timex is the second
 * date.  The title is never empty: a present-tense headline, "Shoigu
 * visits Pyongyang", with pronoun subjects resolved ("They met" → "Kim and
 * Putin meet"). */
typedef struct
{
  guint   timex_index;  /* into brief_analysis_get_timexes() */
  char   *title;        /* short headline-style title */
  char   *sentence;
  gsize   start;        /* code points of the sentence */
  gsize   end;
  /* Derived dates only (brief_analysis_get_derived()), else -1 and NULL:
   * "in April 2019, two months after the talks collapsed" dates the
   * collapse 2019-02: derived_from is the index of "April 2019", timex_index
   * that of "two months", offset "-P2M" (the event is before the anchor),
   * value "2019-02" and the title names the anchored event. */
  int     derived_from;
  char   *offset;
  char   *value;
  /* Who and where: entity names (brief_analysis_get_entities()). */
  GStrv     actors;     /* never NULL, maybe empty */
  char     *place;      /* or NULL */
  int       end_timex;  /* a range's second date, else -1 */
  gsize     date_start; /* code points of the date, or of the range */
  gsize     date_end;
  gboolean  is_state;   /* "have suspected since last year": a state */
  guint     rank;       /* 2 a happening with actors, 1 without, 0 a state */
} BriefMention;

/* The value of the date of @mention: its own for a derived mention, else
 * that of its timex in @timexes. */
const char         *brief_mention_get_value      (const BriefMention *mention,
                                                  GPtrArray          *timexes);

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
/* Every dated mention, the derived ones included (value set), in text order.
 * Returns: (transfer none) (element-type BriefMention) */
GPtrArray          *brief_analysis_get_mentions  (BriefAnalysis     *self);
/* Events dated by an offset from a date of their sentence ("two months
 * after X"), in text order; they are among the mentions too.
 * Returns: (transfer none) (element-type BriefMention) */
GPtrArray          *brief_analysis_get_derived   (BriefAnalysis     *self);
/* People, organisations and places, in order of first mention.
 * Returns: (transfer none) (element-type BriefEntity) */
GPtrArray          *brief_analysis_get_entities  (BriefAnalysis     *self);
/* Where each entity is named, in text order, with code point spans for
 * highlighting.
 * Returns: (transfer none) (element-type BriefEntityMention) */
GArray             *brief_analysis_get_entity_mentions (BriefAnalysis *self);
/* Direct quotations with their speakers, in text order.
 * Returns: (transfer none) (element-type BriefQuote) */
GPtrArray          *brief_analysis_get_quotes    (BriefAnalysis     *self);

G_END_DECLS
