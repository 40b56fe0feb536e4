/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "brief-sentence-splitter.h"
#include "brief-timex.h"

G_BEGIN_DECLS

typedef enum
{
  BRIEF_DOCUMENT_NEWS,
  BRIEF_DOCUMENT_NARRATIVE,
} BriefDocumentKind;

#define BRIEF_TYPE_DATE_TAGGER (brief_date_tagger_get_type ())

G_DECLARE_FINAL_TYPE (BriefDateTagger, brief_date_tagger, BRIEF, DATE_TAGGER, GObject)

/* Compiles the word lists under data/analysis/en/ once; the tagger is then
 * immutable and may be shared between threads. */
BriefDateTagger    *brief_date_tagger_new       (void);

/* Finds the temporal expressions in @text (UTF-8) and normalises them against
 * @dct ("YYYY-MM-DD", or NULL when the publication date is unknown).
 * Returns: (transfer full) (element-type BriefTimex): in text order */
GPtrArray          *brief_date_tagger_find      (BriefDateTagger   *self,
                                                 const char        *text,
                                                 const char        *dct,
                                                 BriefDocumentKind  kind);

/* As brief_date_tagger_find(), with the sentences of @text already split by
 * brief_split_sentences() (the tense of a sentence decides whether "July"
 * is the last or the next one); @sentences may be NULL.
 * Returns: (transfer full) (element-type BriefTimex): in text order */
GPtrArray          *brief_date_tagger_find_in_sentences (BriefDateTagger   *self,
                                                         const char        *text,
                                                         GArray            *sentences,
                                                         const char        *dct,
                                                         BriefDocumentKind  kind);

G_END_DECLS
