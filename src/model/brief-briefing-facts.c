/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-briefing"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-briefing-private.h"

/* Quotes and key people chosen for the briefing note.  Each is kept as a
 * copy with its article: the note shows what the user chose, even if a
 * later version of the analysis words it differently. */

BriefSelectedFact *
brief_selected_fact_new (BriefArticle      *article,
                         const BriefQuote  *quote,
                         const BriefEntity *person)
{
  BriefSelectedFact *fact;

  g_return_val_if_fail (BRIEF_IS_ARTICLE (article), NULL);
  g_return_val_if_fail ((quote == NULL) != (person == NULL), NULL);

  fact = g_new0 (BriefSelectedFact, 1);
  fact->article = g_object_ref (article);
  fact->quote = quote != NULL ? brief_quote_copy (quote) : NULL;
  fact->person = person != NULL ? brief_entity_copy (person) : NULL;
  return fact;
}

void
brief_selected_fact_free (BriefSelectedFact *fact)
{
  if (fact == NULL)
    return;
  g_clear_object (&fact->article);
  g_clear_pointer (&fact->quote, brief_quote_free);
  g_clear_pointer (&fact->person, brief_entity_free);
  g_free (fact);
}

static gboolean
same_quote (const BriefSelectedFact *fact,
            BriefArticle            *article,
            const BriefQuote        *quote)
{
  return fact->article == article && fact->quote->start == quote->start
         && g_strcmp0 (fact->quote->text, quote->text) == 0;
}

static int
find_quote (BriefBriefing    *self,
            BriefArticle     *article,
            const BriefQuote *quote)
{
  GPtrArray *quotes = _brief_briefing_get_facts (self, FALSE);

  for (guint i = 0; i < quotes->len; i++)
    if (same_quote (g_ptr_array_index (quotes, i), article, quote))
      return i;
  return -1;
}

static int
find_person (BriefBriefing *self,
             const char    *name)
{
  GPtrArray *people = _brief_briefing_get_facts (self, TRUE);

  for (guint i = 0; i < people->len; i++)
    {
      BriefSelectedFact *fact = g_ptr_array_index (people, i);

      if (g_strcmp0 (fact->person->name, name) == 0)
        return i;
    }
  return -1;
}

/* Choosing or unchoosing one fact: the inverse of one is the other. */
typedef struct
{
  BriefBriefing     *briefing;
  BriefSelectedFact *fact;      /* a copy; the list holds its own */
  guint              position;
  gboolean           adds;
} FactEdit;

static void
fact_edit_free (gpointer data)
{
  FactEdit *edit = data;

  brief_selected_fact_free (edit->fact);
  g_free (edit);
}

static BriefSelectedFact *
copy_fact (const BriefSelectedFact *fact)
{
  return brief_selected_fact_new (fact->article, fact->quote, fact->person);
}

static void
fact_edit_apply (gpointer data,
                 gboolean undo)
{
  FactEdit *edit = data;
  gboolean people = edit->fact->person != NULL;
  GPtrArray *facts = _brief_briefing_get_facts (edit->briefing, people);

  if (edit->adds != undo)
    g_ptr_array_insert (facts, MIN (edit->position, facts->len), copy_fact (edit->fact));
  else
    {
      int index = people ? find_person (edit->briefing, edit->fact->person->name)
                         : find_quote (edit->briefing, edit->fact->article, edit->fact->quote);

      if (index >= 0)
        g_ptr_array_remove_index (facts, index);
    }
  _brief_briefing_changed (edit->briefing);
}

static void
record_fact (BriefBriefing     *self,
             BriefSelectedFact *fact,
             int                found,
             const char        *label)
{
  FactEdit *edit = g_new0 (FactEdit, 1);
  GPtrArray *facts = _brief_briefing_get_facts (self, fact->person != NULL);

  edit->briefing = self;
  edit->fact = fact;
  edit->adds = found < 0;
  edit->position = found < 0 ? facts->len : (guint) found;
  fact_edit_apply (edit, FALSE);
  brief_history_record (brief_briefing_get_history (self), label, NULL,
                        fact_edit_apply, edit, fact_edit_free);
}

void
brief_briefing_select_quote (BriefBriefing    *self,
                             BriefArticle     *article,
                             const BriefQuote *quote,
                             gboolean          selected)
{
  int found;

  g_return_if_fail (BRIEF_IS_BRIEFING (self));
  g_return_if_fail (BRIEF_IS_ARTICLE (article));
  g_return_if_fail (quote != NULL);

  found = find_quote (self, article, quote);
  if ((found >= 0) == !!selected)
    return;
  record_fact (self, brief_selected_fact_new (article, quote, NULL), found,
               selected ? _("Select Quote") : _("Unselect Quote"));
}

gboolean
brief_briefing_has_quote (BriefBriefing    *self,
                          BriefArticle     *article,
                          const BriefQuote *quote)
{
  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), FALSE);
  g_return_val_if_fail (quote != NULL, FALSE);

  return find_quote (self, article, quote) >= 0;
}

void
brief_briefing_mark_key_person (BriefBriefing     *self,
                                BriefArticle      *article,
                                const BriefEntity *person,
                                gboolean           key)
{
  int found;

  g_return_if_fail (BRIEF_IS_BRIEFING (self));
  g_return_if_fail (BRIEF_IS_ARTICLE (article));
  g_return_if_fail (person != NULL && person->name != NULL);

  found = find_person (self, person->name);
  if ((found >= 0) == !!key)
    return;
  /* Unmarking removes the copy that was marked, whatever its article. */
  record_fact (self,
               found >= 0 ? copy_fact (g_ptr_array_index (_brief_briefing_get_facts (self, TRUE), found))
                          : brief_selected_fact_new (article, NULL, person),
               found, key ? _("Mark Key Person") : _("Unmark Key Person"));
}

gboolean
brief_briefing_has_key_person (BriefBriefing *self,
                               const char    *name)
{
  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), FALSE);
  return find_person (self, name) >= 0;
}

static guint
article_position (BriefBriefing *self,
                  BriefArticle  *article)
{
  guint position = G_MAXUINT;

  g_list_store_find (G_LIST_STORE (brief_briefing_get_articles (self)), article, &position);
  return position;
}

/* Facts of a removed source stay, unlisted, so that undoing the removal
 * brings them back. */
static GPtrArray *
dup_listed (BriefBriefing *self,
            gboolean       people)
{
  GPtrArray *facts = _brief_briefing_get_facts (self, people);
  GPtrArray *listed = g_ptr_array_new ();

  for (guint i = 0; i < facts->len; i++)
    {
      BriefSelectedFact *fact = g_ptr_array_index (facts, i);

      if (article_position (self, fact->article) != G_MAXUINT)
        g_ptr_array_add (listed, fact);
    }
  return listed;
}

static int
compare_quotes_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  BriefSelectedFact *fa = *(BriefSelectedFact **) a;
  BriefSelectedFact *fb = *(BriefSelectedFact **) b;
  guint pa = article_position (user_data, fa->article);
  guint pb = article_position (user_data, fb->article);

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return fa->quote->start < fb->quote->start ? -1 : fa->quote->start > fb->quote->start;
}

GPtrArray *
brief_briefing_dup_selected_quotes (BriefBriefing *self)
{
  GPtrArray *quotes;

  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), NULL);

  quotes = dup_listed (self, FALSE);
  g_ptr_array_sort_with_data (quotes, compare_quotes_cb, self);
  return quotes;
}

GPtrArray *
brief_briefing_dup_key_people (BriefBriefing *self)
{
  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), NULL);
  return dup_listed (self, TRUE);
}
