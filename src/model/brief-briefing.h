/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "brief-analysis.h"
#include "brief-article.h"
#include "brief-entities.h"
#include "brief-event.h"
#include "brief-history.h"

G_BEGIN_DECLS

#define BRIEF_TYPE_BRIEFING (brief_briefing_get_type ())

G_DECLARE_FINAL_TYPE (BriefBriefing, brief_briefing, BRIEF, BRIEFING, GObject)

BriefBriefing      *brief_briefing_new            (void);
const char         *brief_briefing_get_title      (BriefBriefing *self);
void                brief_briefing_set_title      (BriefBriefing *self,
                                                   const char    *title);
const char         *brief_briefing_get_author     (BriefBriefing *self);
const char         *brief_briefing_get_audience   (BriefBriefing *self);
const char         *brief_briefing_get_marking    (BriefBriefing *self);
const char         *brief_briefing_get_date       (BriefBriefing *self);
const char         *brief_briefing_get_notes      (BriefBriefing *self);
gboolean            brief_briefing_get_modified   (BriefBriefing *self);
/* Called after saving (FALSE) and by every edit (TRUE). */
void                brief_briefing_set_modified   (BriefBriefing *self,
                                                   gboolean       modified);
/* Returns: (transfer none): the undo history of the edits below */
BriefHistory       *brief_briefing_get_history    (BriefBriefing *self);

/* Edits a user makes; each is undoable and emits BriefBriefing::changed.
 * @property is one of "title", "author", "audience", "marking", "date" and
 * "notes"; typing into one field merges into one undo step. */
void                brief_briefing_edit_text      (BriefBriefing   *self,
                                                   const char      *property,
                                                   const char      *value);
void                brief_briefing_edit_event_state (BriefBriefing   *self,
                                                     BriefEvent      *event,
                                                     BriefEventState  state);
void                brief_briefing_edit_event_starred (BriefBriefing *self,
                                                       BriefEvent    *event,
                                                       gboolean       starred);
void                brief_briefing_edit_event_title (BriefBriefing   *self,
                                                     BriefEvent      *event,
                                                     const char      *title);
/* A new date, with the words it was given in ("early 2020"). */
void                brief_briefing_edit_event_date (BriefBriefing   *self,
                                                    BriefEvent      *event,
                                                    const BriefDate *date,
                                                    const char      *date_text);
/* Adds an event made by hand (its article may be NULL). */
void                brief_briefing_add_event      (BriefBriefing   *self,
                                                   BriefEvent      *event);
void                brief_briefing_remove_event   (BriefBriefing   *self,
                                                   BriefEvent      *event);

/* Events across sources.  Merges the listed @events (two or more) into one
 * event with several sources; returns it (transfer none), or NULL when
 * fewer than two of @events are listed. */
BriefEvent         *brief_briefing_merge_events   (BriefBriefing   *self,
                                                   GPtrArray       *events);
/* Splits a merged or suggested group back into its parts, which are then
 * not suggested together again; FALSE if @event is not a listed group. */
gboolean            brief_briefing_split_event    (BriefBriefing   *self,
                                                   BriefEvent      *event);
/* Keeps a group Briefing suggested: it becomes a merged one. */
void                brief_briefing_accept_group   (BriefBriefing   *self,
                                                   BriefEvent      *event);

/* Returns: (transfer none): a GListModel of BriefArticle, in the user's order */
GListModel         *brief_briefing_get_articles   (BriefBriefing *self);
/* Returns: (transfer none): a GListModel of BriefEvent, in chronological order */
GListModel         *brief_briefing_get_events     (BriefBriefing *self);
/* Adds @article and turns each dated mention of @analysis into an event. */
void                brief_briefing_add_article    (BriefBriefing *self,
                                                   BriefArticle  *article,
                                                   BriefAnalysis *analysis);
/* Removes @article and its events, undoably. */
void                brief_briefing_remove_article (BriefBriefing *self,
                                                   BriefArticle  *article);
/* Moves @article to @position in the list of sources (the order exports
 * number them in), undoably; FALSE when there is nothing to move. */
gboolean            brief_briefing_move_article   (BriefBriefing *self,
                                                   BriefArticle  *article,
                                                   guint          position);
/* Sets the publication date of @article, resolves its relative dates again
 * and replaces its events. */
void                brief_briefing_set_published  (BriefBriefing *self,
                                                   BriefArticle  *article,
                                                   const char    *published);
/* Returns: (transfer none) (nullable): the analysis of @article */
BriefAnalysis      *brief_briefing_get_analysis   (BriefBriefing *self,
                                                   BriefArticle  *article);

/* Reads @file, analyses each article it holds off the calling thread and
 * adds them; the publication date found in the file (or @dct_override when
 * non-NULL) anchors relative dates. */
void                brief_briefing_import_file_async  (BriefBriefing       *self,
                                                       GFile               *file,
                                                       const char          *dct_override,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
/* Returns: the number of articles added, or 0 with @error set */
guint               brief_briefing_import_file_finish (BriefBriefing       *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
guint               brief_briefing_import_file        (BriefBriefing       *self,
                                                       GFile               *file,
                                                       const char          *dct_override,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
/* Reads pasted or dropped @text (plain text or HTML) as one article,
 * analyses it off the calling thread and adds it; @title_hint (nullable)
 * titles an article without a headline. */
void                brief_briefing_add_text_async     (BriefBriefing       *self,
                                                       const char          *text,
                                                       const char          *title_hint,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
/* Returns: the number of articles added (1), or 0 with @error set */
guint               brief_briefing_add_text_finish    (BriefBriefing       *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Quotes and people chosen for the briefing note, with their source: a
 * copy, so that the note keeps them as chosen. */
typedef struct
{
  BriefArticle *article;
  BriefQuote   *quote;   /* for a selected quote, else NULL */
  BriefEntity  *person;  /* for a key person, else NULL */
} BriefSelectedFact;

BriefSelectedFact  *brief_selected_fact_new       (BriefArticle      *article,
                                                   const BriefQuote  *quote,
                                                   const BriefEntity *person);
void                brief_selected_fact_free      (BriefSelectedFact *fact);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriefSelectedFact, brief_selected_fact_free)

/* Selects or unselects @quote of @article for the note, undoably. */
void                brief_briefing_select_quote   (BriefBriefing     *self,
                                                   BriefArticle      *article,
                                                   const BriefQuote  *quote,
                                                   gboolean           selected);
gboolean            brief_briefing_has_quote      (BriefBriefing     *self,
                                                   BriefArticle      *article,
                                                   const BriefQuote  *quote);
/* Marks or unmarks @person (named in @article) as a key person, undoably;
 * people are told apart by name across articles. */
void                brief_briefing_mark_key_person (BriefBriefing     *self,
                                                    BriefArticle      *article,
                                                    const BriefEntity *person,
                                                    gboolean           key);
gboolean            brief_briefing_has_key_person (BriefBriefing     *self,
                                                   const char        *name);
/* The selected quotes of the sources still in the briefing, by source and
 * place in it.  Returns: (transfer container) (element-type BriefSelectedFact) */
GPtrArray          *brief_briefing_dup_selected_quotes (BriefBriefing *self);
/* The key people, in the order marked.
 * Returns: (transfer container) (element-type BriefSelectedFact) */
GPtrArray          *brief_briefing_dup_key_people (BriefBriefing     *self);

G_END_DECLS
