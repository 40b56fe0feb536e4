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

G_END_DECLS
