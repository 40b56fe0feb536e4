/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "brief-article.h"
#include "brief-date.h"

G_BEGIN_DECLS

/* What the user decided about an extracted event. */
typedef enum
{
  BRIEF_EVENT_STATE_SUGGESTED,
  BRIEF_EVENT_STATE_ACCEPTED,
  BRIEF_EVENT_STATE_HIDDEN,
} BriefEventState;

#define BRIEF_TYPE_EVENT_STATE (brief_event_state_get_type ())
GType               brief_event_state_get_type   (void) G_GNUC_CONST;

/* How an event that stands for several came to be. */
typedef enum
{
  BRIEF_EVENT_GROUPING_NONE,       /* one mention in one article */
  BRIEF_EVENT_GROUPING_SUGGESTED,  /* grouped across sources by Briefing */
  BRIEF_EVENT_GROUPING_MERGED,     /* merged, or a suggestion accepted, by the user */
} BriefEventGrouping;

#define BRIEF_TYPE_EVENT_GROUPING (brief_event_grouping_get_type ())
GType               brief_event_grouping_get_type (void) G_GNUC_CONST;

#define BRIEF_TYPE_EVENT (brief_event_get_type ())

G_DECLARE_FINAL_TYPE (BriefEvent, brief_event, BRIEF, EVENT, GObject)

BriefEvent         *brief_event_new              (const BriefDate *date,
                                                  const char      *date_text,
                                                  const char      *title,
                                                  BriefArticle    *article);
const BriefDate    *brief_event_get_date         (BriefEvent      *self);
/* The date as the article wrote it: "in July". */
const char         *brief_event_get_date_text    (BriefEvent      *self);
/* Changes the date and the words it was given in; notifies "date". */
void                brief_event_set_date         (BriefEvent      *self,
                                                  const BriefDate *date,
                                                  const char      *date_text);
/* The date as precise as known, for display: "July 2023". */
char               *brief_event_dup_date_label   (BriefEvent      *self);
const char         *brief_event_get_title        (BriefEvent      *self);
void                brief_event_set_title        (BriefEvent      *self,
                                                  const char      *title);
BriefArticle       *brief_event_get_article      (BriefEvent      *self);
const char         *brief_event_get_sentence     (BriefEvent      *self);
void                brief_event_set_sentence     (BriefEvent      *self,
                                                  const char      *sentence,
                                                  guint            start,
                                                  guint            end);
/* Code points of the sentence in the article text. */
guint               brief_event_get_start        (BriefEvent      *self);
guint               brief_event_get_end          (BriefEvent      *self);
/* Code points of the date expression in the article text. */
void                brief_event_set_date_span    (BriefEvent      *self,
                                                  guint            start,
                                                  guint            end);
guint               brief_event_get_date_start   (BriefEvent      *self);
guint               brief_event_get_date_end     (BriefEvent      *self);
BriefEventState     brief_event_get_state        (BriefEvent      *self);
void                brief_event_set_state        (BriefEvent      *self,
                                                  BriefEventState  state);
gboolean            brief_event_get_starred      (BriefEvent      *self);
void                brief_event_set_starred      (BriefEvent      *self,
                                                  gboolean         starred);
int                 brief_event_compare          (BriefEvent      *a,
                                                  BriefEvent      *b);

/* A span's end: "from 2001 to 2009" starts in 2001 and ends in 2009.  NULL
 * for an event at one date; setting NULL makes it one.  Notifies "end-date". */
const BriefDate    *brief_event_get_end_date     (BriefEvent      *self);
void                brief_event_set_end_date     (BriefEvent      *self,
                                                  const BriefDate *end_date);
/* The first and the last day the event can cover, its span's end included. */
void                brief_event_get_extent       (BriefEvent      *self,
                                                  GDate           *out_first,
                                                  GDate           *out_last);

/* A date derived from another: "two months before April 2019" is derived
 * from "April 2019" (the anchor as written) by "-P2M" (a TIMEX3 duration,
 * negative before the anchor).  Both NULL for a date the text gives.
 * Notifies "derived-from" and "derived-offset". */
void                brief_event_set_derivation   (BriefEvent      *self,
                                                  const char      *from_text,
                                                  const char      *offset);
const char         *brief_event_get_derived_from (BriefEvent      *self);
const char         *brief_event_get_derived_offset (BriefEvent    *self);
gboolean            brief_event_is_derived       (BriefEvent      *self);
/* "derived: two months before April 2019", or NULL when not derived. */
char               *brief_event_dup_derivation_label (BriefEvent  *self);

/* FALSE when the article gave no year and nothing to infer it from ("in
 * July" in an article without a publication date): only the month and day
 * of the date mean anything, its year does not.  Notifies "year-known". */
gboolean            brief_event_get_year_known   (BriefEvent      *self);
void                brief_event_set_year_known   (BriefEvent      *self,
                                                  gboolean         year_known);
/* The TIMEX3 value of a date whose year is unknown ("XXXX-07") parsed into
 * @out_date with year 1, which then means nothing.  FALSE for other values. */
gboolean            brief_event_parse_yearless_value (const char  *value,
                                                      BriefDate   *out_date);
/* Grouping across sources.  A combined event stands for its @parts (two or
 * more events, the first of which gives it its date, title and sentence);
 * the parts keep their own decisions, for when it is split again. */
BriefEvent         *brief_event_new_combined     (GPtrArray          *parts,
                                                  BriefEventGrouping  grouping);
/* Returns: (transfer none) (nullable) (element-type BriefEvent): the parts */
GPtrArray          *brief_event_get_parts        (BriefEvent         *self);
/* Whether @article tells this event (or one of its parts). */
gboolean            brief_event_is_from          (BriefEvent         *self,
                                                  BriefArticle       *article);
/* Returns: (transfer container) (element-type BriefArticle): the articles
 * that tell the event, each once, in the order of its parts */
GPtrArray          *brief_event_dup_sources      (BriefEvent         *self);
guint               brief_event_get_n_sources    (BriefEvent         *self);
/* The sources' names (site, else title), joined: "Harbour Gazette, Valley Courier" */
char               *brief_event_dup_source_names (BriefEvent         *self);
BriefEventGrouping  brief_event_get_grouping     (BriefEvent         *self);
void                brief_event_set_grouping     (BriefEvent         *self,
                                                  BriefEventGrouping  grouping);
/* Set on the parts of a group the user split: not suggested together again. */
gboolean            brief_event_get_kept_apart   (BriefEvent         *self);
void                brief_event_set_kept_apart   (BriefEvent         *self,
                                                  gboolean            kept_apart);
/* What other sources say when they date this happening differently. */
const char         *brief_event_get_conflict     (BriefEvent         *self);
void                brief_event_set_conflict     (BriefEvent         *self,
                                                  const char         *conflict);

G_END_DECLS
