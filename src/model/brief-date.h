/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  BRIEF_DATE_PRECISION_CENTURY,
  BRIEF_DATE_PRECISION_DECADE,
  BRIEF_DATE_PRECISION_YEAR,
  BRIEF_DATE_PRECISION_QUARTER,
  BRIEF_DATE_PRECISION_MONTH,
  BRIEF_DATE_PRECISION_DAY,
} BriefDatePrecision;

/* A calendar date as precise as the text makes it, never a bare timestamp:
 * "April 2019" is the month April 2019, not 2019-04-01. */
typedef struct
{
  BriefDatePrecision precision;
  int                year;
  int                quarter;   /* 1–4 for QUARTER precision, else 0 */
  int                month;     /* 1–12 from MONTH precision on, else 0 */
  int                day;       /* 1–31 for DAY precision, else 0 */
} BriefDate;

#define BRIEF_TYPE_DATE (brief_date_get_type ())

GType               brief_date_get_type          (void) G_GNUC_CONST;
BriefDate          *brief_date_copy              (const BriefDate *date);
void                brief_date_free              (BriefDate       *date);

/* Parses a TIMEX3 calendar value ("19", "199", "2019", "2019-Q2", "2019-04",
 * "2019-04-25", "2019-04-25T14:30" taken to the day).  Returns FALSE for
 * values that are not calendar dates (durations, PAST_REF…). */
gboolean            brief_date_parse_value       (const char      *value,
                                                  BriefDate       *out_date);
char               *brief_date_to_value          (const BriefDate *date);
/* The first and last day the date can mean. */
void                brief_date_get_earliest      (const BriefDate *date,
                                                  GDate           *out_day);
void                brief_date_get_latest        (const BriefDate *date,
                                                  GDate           *out_day);
/* As precise as known, month names from the locale: "July 2023", "5 September 2023". */
char               *brief_date_format            (const BriefDate *date);
/* Chronological order by earliest day, then by precision (wider first). */
int                 brief_date_compare           (const BriefDate *a,
                                                  const BriefDate *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriefDate, brief_date_free)

G_END_DECLS
