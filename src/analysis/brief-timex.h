/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BRIEF_TIMEX_DATE,
  BRIEF_TIMEX_TIME,
  BRIEF_TIMEX_DURATION,
  BRIEF_TIMEX_SET,
} BriefTimexType;

/* A temporal expression found in a text, in TimeML TIMEX3 terms.  Offsets are
 * given both in bytes (for C callers) and in Unicode code points (for JSON and
 * for GtkTextBuffer iterators). */
typedef struct
{
  gsize           byte_start;
  gsize           byte_end;
  gsize           start;      /* code points */
  gsize           end;        /* code points, exclusive */
  char           *text;
  BriefTimexType  type;
  char           *value;      /* "2019-04", "1991", "P2M", "PAST_REF"… */
  char           *mod;        /* "START", "APPROX"… or NULL */
  char           *freq;       /* SET: "2X" ("twice a week") or NULL */
  char           *quant;      /* SET: "EVERY", "EACH" or NULL */
} BriefTimex;

BriefTimex         *brief_timex_new             (void);
BriefTimex         *brief_timex_copy            (const BriefTimex *timex);
void                brief_timex_free            (BriefTimex       *timex);
const char         *brief_timex_type_to_string  (BriefTimexType    type);
/* TRUE for a DATE whose value starts with a year ("1991", "2023-07-15"). */
gboolean            brief_timex_is_calendar     (const BriefTimex *timex);
/* TRUE for a DATE whose year is unknown ("XXXX-07", "XXXX-WXX-1"). */
gboolean            brief_timex_is_underspecified (const BriefTimex *timex);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriefTimex, brief_timex_free)

G_END_DECLS
