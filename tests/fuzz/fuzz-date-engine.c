/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The date engine alone: brief_date_tagger_find() on any text, against a
 * document creation time picked by the first byte; every value it gives must
 * read back as a date or be one of TimeML's other forms. */
#include "config.h"

#include "fuzz-common.h"

#include "brief-date-tagger.h"
#include "brief-date.h"

static BriefDateTagger *tagger;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_logging ();
  tagger = brief_date_tagger_new ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  FuzzReader reader;
  guint8 flags;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) timexes = NULL;
  gsize text_length;

  fuzz_reader_init (&reader, data, size);
  flags = fuzz_reader_byte (&reader);
  text = fuzz_reader_utf8 (&reader, '\0');
  if (text == NULL)
    return 0;
  text_length = strlen (text);

  timexes = brief_date_tagger_find (tagger, text, fuzz_pick_dct (flags >> 1),
                                    flags & 1 ? BRIEF_DOCUMENT_NARRATIVE : BRIEF_DOCUMENT_NEWS);
  for (guint i = 0; i < timexes->len; i++)
    {
      BriefTimex *timex = g_ptr_array_index (timexes, i);

      if (timex->byte_start > timex->byte_end || timex->byte_end > text_length
          || timex->start > timex->end
          || !g_utf8_validate (text + timex->byte_start, timex->byte_end - timex->byte_start, NULL))
        abort ();
      if (timex->value != NULL)
        {
          BriefDate date;
          if (brief_date_parse_value (timex->value, &date))
            {
              g_autofree char *value = brief_date_to_value (&date);
              g_autofree char *label = brief_date_format (&date);
              GDate earliest, latest;
              if (value == NULL || label == NULL)
                abort ();
              brief_date_get_earliest (&date, &earliest);
              brief_date_get_latest (&date, &latest);
            }
        }
      brief_timex_free (brief_timex_copy (timex));
      (void) brief_timex_is_calendar (timex);
      (void) brief_timex_is_underspecified (timex);
    }
  return 0;
}
