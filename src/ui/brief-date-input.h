/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "brief-date.h"
#include "brief-date-tagger.h"

G_BEGIN_DECLS

typedef enum
{
  BRIEF_DATE_INPUT_OK,
  BRIEF_DATE_INPUT_EMPTY,
  BRIEF_DATE_INPUT_NOT_A_DATE,
  BRIEF_DATE_INPUT_NO_YEAR,
  BRIEF_DATE_INPUT_TRAILING,
} BriefDateInputResult;

/* Reads a date a person typed ("July 2023", "2019-04", "early 2020",
 * "5 September 2023") with the article date tagger; relative words ("last
 * July") are read against @dct (YYYY-MM-DD, may be NULL).  The whole text
 * must be one calendar date. */
BriefDateInputResult brief_date_input_parse      (BriefDateTagger *tagger,
                                                  const char      *text,
                                                  const char      *dct,
                                                  BriefDate       *out_date);
/* Returns: (transfer none): why @result is not a date, in words for the user */
const char          *brief_date_input_describe   (BriefDateInputResult result);

G_END_DECLS
