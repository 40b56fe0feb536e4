/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-date-input"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-date-input.h"

/* Only spaces and punctuation may surround the date: "July 2023." is fine,
 * "July 2023 or so" is not. */
static gboolean
is_filler (const char *start,
           const char *end)
{
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && !g_unichar_ispunct (c))
        return FALSE;
    }
  return TRUE;
}

BriefDateInputResult
brief_date_input_parse (BriefDateTagger *tagger,
                        const char      *text,
                        const char      *dct,
                        BriefDate       *out_date)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GPtrArray) timexes = NULL;
  const BriefTimex *timex = NULL;
  BriefDate date;

  g_return_val_if_fail (BRIEF_IS_DATE_TAGGER (tagger), BRIEF_DATE_INPUT_NOT_A_DATE);
  g_return_val_if_fail (out_date != NULL, BRIEF_DATE_INPUT_NOT_A_DATE);

  if (text == NULL)
    return BRIEF_DATE_INPUT_EMPTY;
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return BRIEF_DATE_INPUT_EMPTY;

  /* A TimeML value typed as such: "2019-04", "2019-Q2", "2023-09-05". */
  if (brief_date_parse_value (stripped, &date))
    {
      *out_date = date;
      return BRIEF_DATE_INPUT_OK;
    }

  timexes = brief_date_tagger_find (tagger, stripped, dct, BRIEF_DOCUMENT_NEWS);
  for (guint i = 0; timexes != NULL && i < timexes->len; i++)
    {
      const BriefTimex *candidate = g_ptr_array_index (timexes, i);

      if (candidate->type != BRIEF_TIMEX_DATE)
        continue;
      if (timex != NULL)
        return BRIEF_DATE_INPUT_TRAILING;
      timex = candidate;
    }

  if (timex == NULL)
    return BRIEF_DATE_INPUT_NOT_A_DATE;
  if (!is_filler (stripped, stripped + timex->byte_start) ||
      !is_filler (stripped + timex->byte_end, stripped + strlen (stripped)))
    return BRIEF_DATE_INPUT_TRAILING;
  if (brief_timex_is_underspecified (timex))
    return BRIEF_DATE_INPUT_NO_YEAR;
  if (timex->value == NULL || !brief_date_parse_value (timex->value, &date))
    return BRIEF_DATE_INPUT_NOT_A_DATE;

  *out_date = date;
  return BRIEF_DATE_INPUT_OK;
}

const char *
brief_date_input_describe (BriefDateInputResult result)
{
  switch (result)
    {
    case BRIEF_DATE_INPUT_OK:
      return "";
    case BRIEF_DATE_INPUT_EMPTY:
      return _("Enter a date, such as “July 2023” or “2019-04”");
    case BRIEF_DATE_INPUT_NO_YEAR:
      return _("Add the year, such as “July 2023”");
    case BRIEF_DATE_INPUT_TRAILING:
      return _("Enter one date only, such as “early 2020”");
    case BRIEF_DATE_INPUT_NOT_A_DATE:
    default:
      return _("Not a date: try “July 2023”, “2019-04” or “5 September 2023”");
    }
}
