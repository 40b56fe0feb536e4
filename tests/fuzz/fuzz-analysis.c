/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The whole analysis: sentences, dates, mentions and derived dates. */
#include "config.h"

#include "fuzz-common.h"

#include "brief-analysis.h"

static BriefDateTagger *tagger;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_logging ();
  tagger = brief_date_tagger_new ();
  return 0;
}

static void
check_mentions (GPtrArray  *mentions,
                GPtrArray  *timexes,
                glong       n_chars)
{
  for (guint i = 0; i < mentions->len; i++)
    {
      BriefMention *mention = g_ptr_array_index (mentions, i);

      if (mention->timex_index >= timexes->len || mention->title == NULL
          || mention->title[0] == '\0' || mention->start > mention->end
          || mention->end > (gsize) n_chars)
        abort ();
      if (mention->derived_from >= (int) timexes->len)
        abort ();
      brief_mention_free (brief_mention_copy (mention));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  FuzzReader reader;
  guint8 flags;
  g_autofree char *text = NULL;
  g_autoptr(BriefAnalysis) analysis = NULL;
  GArray *sentences;
  GPtrArray *timexes;
  gsize length;

  fuzz_reader_init (&reader, data, size);
  flags = fuzz_reader_byte (&reader);
  text = fuzz_reader_utf8 (&reader, '\0');
  if (text == NULL)
    return 0;
  length = strlen (text);

  analysis = brief_analysis_run (flags & 0x80 ? NULL : tagger, text, fuzz_pick_dct (flags >> 1),
                                 flags & 1 ? BRIEF_DOCUMENT_NARRATIVE : BRIEF_DOCUMENT_NEWS);
  sentences = brief_analysis_get_sentences (analysis);
  for (guint i = 0; i < sentences->len; i++)
    {
      BriefSpan *span = &g_array_index (sentences, BriefSpan, i);
      if (span->byte_start > span->byte_end || span->byte_end > length)
        abort ();
    }
  timexes = brief_analysis_get_timexes (analysis);
  check_mentions (brief_analysis_get_mentions (analysis), timexes, g_utf8_strlen (text, -1));
  check_mentions (brief_analysis_get_derived (analysis), timexes, g_utf8_strlen (text, -1));
  return 0;
}
