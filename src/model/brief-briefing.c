/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-briefing"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-briefing-private.h"
#include "brief-event-grouping.h"
#include "brief-importer.h"

struct _BriefBriefing
{
  GObject          parent_instance;

  char            *title;
  char            *author;
  char            *audience;
  char            *marking;
  char            *date;
  char            *notes;
  GListStore      *articles;
  GListStore      *shown;      /* the events, as the views see them */
  GListStore      *events;     /* the events being changed: @shown, or its
                                * copy while a batch changes them */
  GHashTable      *analyses;   /* BriefArticle → BriefAnalysis */
  BriefDateTagger *tagger;
  BriefHistory    *history;
  gboolean         modified;
  GPtrArray       *quotes;      /* BriefSelectedFact: quotes chosen for the note */
  GPtrArray       *key_people;  /* BriefSelectedFact: people marked as key */
  GPtrArray       *adding;      /* while importing several: the articles added */
  GHashTable      *title_stems; /* title → its stems, as grouping compares them */
};

G_DEFINE_FINAL_TYPE (BriefBriefing, brief_briefing, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_AUTHOR,
  PROP_AUDIENCE,
  PROP_MARKING,
  PROP_DATE,
  PROP_NOTES,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
brief_briefing_dispose (GObject *object)
{
  BriefBriefing *self = (BriefBriefing *)object;

  g_clear_object (&self->events);
  g_clear_object (&self->shown);
  g_clear_object (&self->articles);
  g_clear_pointer (&self->analyses, g_hash_table_unref);
  g_clear_object (&self->tagger);
  g_clear_object (&self->history);
  g_clear_pointer (&self->quotes, g_ptr_array_unref);
  g_clear_pointer (&self->key_people, g_ptr_array_unref);
  g_clear_pointer (&self->title_stems, g_hash_table_unref);

  G_OBJECT_CLASS (brief_briefing_parent_class)->dispose (object);
}

static void
brief_briefing_finalize (GObject *object)
{
  BriefBriefing *self = (BriefBriefing *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->audience, g_free);
  g_clear_pointer (&self->marking, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (brief_briefing_parent_class)->finalize (object);
}

static void
brief_briefing_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BriefBriefing *self = BRIEF_BRIEFING (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_AUDIENCE:
      g_value_set_string (value, self->audience);
      break;
    case PROP_MARKING:
      g_value_set_string (value, self->marking);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static char **
text_field (BriefBriefing *self,
            guint          prop_id)
{
  switch (prop_id)
    {
    case PROP_TITLE: return &self->title;
    case PROP_AUTHOR: return &self->author;
    case PROP_AUDIENCE: return &self->audience;
    case PROP_MARKING: return &self->marking;
    case PROP_DATE: return &self->date;
    case PROP_NOTES: return &self->notes;
    default: g_assert_not_reached ();
    }
}

static void
set_text_field (BriefBriefing *self,
                guint          prop_id,
                const char    *value)
{
  char **field = text_field (self, prop_id);

  /* An empty field is an unset one: the file and exports treat them alike. */
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
brief_briefing_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BriefBriefing *self = BRIEF_BRIEFING (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      brief_briefing_set_title (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR:
    case PROP_AUDIENCE:
    case PROP_MARKING:
    case PROP_DATE:
    case PROP_NOTES:
      set_text_field (self, prop_id, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
brief_briefing_class_init (BriefBriefingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = brief_briefing_dispose;
  object_class->finalize = brief_briefing_finalize;
  object_class->get_property = brief_briefing_get_property;
  object_class->set_property = brief_briefing_set_property;

  /**
   * BriefBriefing:title:
   *
   * The briefing's title; until one is set, the first article's title.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_AUDIENCE] =
    g_param_spec_string ("audience", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * BriefBriefing:marking:
   *
   * The handling marking printed on every page, such as "OFFICIAL — internal".
   */
  properties[PROP_MARKING] =
    g_param_spec_string ("marking", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * BriefBriefing:date:
   *
   * The date the briefing is for, as YYYY-MM-DD.
   */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * BriefBriefing:notes:
   *
   * The analyst's notes, as Markdown.
   */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * BriefBriefing:modified:
   *
   * Whether the briefing has edits that are not saved.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BriefBriefing::changed:
   *
   * Emitted after every edit, undo and redo: the moment to schedule an autosave.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
brief_briefing_init (BriefBriefing *self)
{
  self->articles = g_list_store_new (BRIEF_TYPE_ARTICLE);
  self->shown = g_list_store_new (BRIEF_TYPE_EVENT);
  self->events = g_object_ref (self->shown);
  self->analyses = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->title_stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_hash_table_unref);
  self->history = brief_history_new ();
  self->quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) brief_selected_fact_free);
  self->key_people = g_ptr_array_new_with_free_func ((GDestroyNotify) brief_selected_fact_free);
}

BriefBriefing *
brief_briefing_new (void)
{
  return g_object_new (BRIEF_TYPE_BRIEFING, NULL);
}

const char *
brief_briefing_get_title (BriefBriefing *self)
{
  g_autoptr(BriefArticle) first = NULL;

  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), NULL);

  if (self->title != NULL)
    return self->title;

  first = g_list_model_get_item (G_LIST_MODEL (self->articles), 0);
  if (first != NULL && brief_article_get_title (first) != NULL)
    return brief_article_get_title (first);

  return _("Untitled Briefing");
}

void
brief_briefing_set_title (BriefBriefing *self,
                          const char    *title)
{
  g_return_if_fail (BRIEF_IS_BRIEFING (self));
  set_text_field (self, PROP_TITLE, title);
}

const char *
brief_briefing_get_author (BriefBriefing *self)
{
  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), NULL);
  return self->author;
}

const char *
brief_briefing_get_audience (BriefBriefing *self)
{
  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), NULL);
  return self->audience;
}

const char *
brief_briefing_get_marking (BriefBriefing *self)
{
  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), NULL);
  return self->marking;
}

const char *
brief_briefing_get_date (BriefBriefing *self)
{
  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), NULL);
  return self->date;
}

const char *
brief_briefing_get_notes (BriefBriefing *self)
{
  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), NULL);
  return self->notes;
}

gboolean
brief_briefing_get_modified (BriefBriefing *self)
{
  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), FALSE);
  return self->modified;
}

void
brief_briefing_set_modified (BriefBriefing *self,
                             gboolean       modified)
{
  g_return_if_fail (BRIEF_IS_BRIEFING (self));

  modified = !!modified;
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

BriefHistory *
brief_briefing_get_history (BriefBriefing *self)
{
  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), NULL);
  return self->history;
}

void
_brief_briefing_changed (BriefBriefing *self)
{
  brief_briefing_set_modified (self, TRUE);
  g_signal_emit (self, signals[CHANGED], 0);
}

GListModel *
brief_briefing_get_articles (BriefBriefing *self)
{
  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), NULL);
  return G_LIST_MODEL (self->articles);
}

GListModel *
brief_briefing_get_events (BriefBriefing *self)
{
  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), NULL);
  return G_LIST_MODEL (self->shown);
}

/* Grouping compares every event with the new ones after each import: the
 * stems of a title are worked out once. */
GHashTable *
_brief_briefing_get_title_stems (BriefBriefing *self,
                                 const char    *title)
{
  const char *key = title != NULL ? title : "";
  GHashTable *stems = g_hash_table_lookup (self->title_stems, key);

  if (stems == NULL)
    {
      stems = brief_grouping_title_stems (key);
      g_hash_table_insert (self->title_stems, g_strdup (key), stems);
    }
  return stems;
}

GListStore *
_brief_briefing_get_event_store (BriefBriefing *self)
{
  return self->events;
}

static GPtrArray *
dup_items (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

/* Changes to the events from here to end_events_batch() are made on a copy
 * of the list: an article adds its events one by one and groups some, and
 * every change seen would move and bind again the rows of the views.
 * Returns whether this call began the batch (FALSE inside one). */
static gboolean
begin_events_batch (BriefBriefing *self)
{
  g_autoptr(GPtrArray) items = NULL;

  if (self->events != self->shown)
    return FALSE;

  items = dup_items (G_LIST_MODEL (self->shown));
  g_object_unref (self->events);
  self->events = g_list_store_new (BRIEF_TYPE_EVENT);
  g_list_store_splice (self->events, 0, 0, items->pdata, items->len);
  return TRUE;
}

/* Shows the batch's changes with one ::items-changed, over the span from
 * the first event that differs to the last. */
static void
end_events_batch (BriefBriefing *self)
{
  g_autoptr(GPtrArray) before = dup_items (G_LIST_MODEL (self->shown));
  g_autoptr(GPtrArray) after = dup_items (G_LIST_MODEL (self->events));
  guint prefix = 0, suffix = 0;

  g_assert (self->events != self->shown);

  while (prefix < before->len && prefix < after->len
         && before->pdata[prefix] == after->pdata[prefix])
    prefix++;
  while (suffix < before->len - prefix && suffix < after->len - prefix
         && before->pdata[before->len - 1 - suffix] == after->pdata[after->len - 1 - suffix])
    suffix++;

  g_set_object (&self->events, self->shown);
  if (prefix + suffix < MAX (before->len, after->len))
    g_list_store_splice (self->shown, prefix, before->len - prefix - suffix,
                         after->pdata + prefix, after->len - prefix - suffix);
}

BriefAnalysis *
brief_briefing_get_analysis (BriefBriefing *self,
                             BriefArticle  *article)
{
  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), NULL);
  return g_hash_table_lookup (self->analyses, article);
}

static int
compare_events_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return brief_event_compare ((BriefEvent *) a, (BriefEvent *) b);
}

/* What the analysis knows beyond one date: where a span ends ("from 2001 to
 * 2009"), and what a derived date was worked out from. */
static void
event_add_mention_details (BriefEvent         *event,
                           GPtrArray          *timexes,
                           const BriefMention *mention)
{
  if (mention->end_timex >= 0 && (guint) mention->end_timex < timexes->len)
    {
      const BriefTimex *end = g_ptr_array_index (timexes, mention->end_timex);
      BriefDate end_date;

      if (brief_date_parse_value (end->value, &end_date))
        brief_event_set_end_date (event, &end_date);
    }

  if (mention->derived_from >= 0 && (guint) mention->derived_from < timexes->len &&
      mention->offset != NULL)
    {
      const BriefTimex *anchor = g_ptr_array_index (timexes, mention->derived_from);

      brief_event_set_derivation (event, anchor->text, mention->offset);
    }
}

static BriefEvent *
event_from_mention (BriefArticle       *article,
                    GPtrArray          *timexes,
                    const BriefMention *mention)
{
  const BriefTimex *timex = g_ptr_array_index (timexes, mention->timex_index);
  g_autofree char *date_text = NULL;
  gboolean year_known = TRUE;
  BriefDate date;
  BriefEvent *event;

  /* A derived mention carries its own value: "two months" before "April
   * 2019" is 2019-02. */
  if (!brief_date_parse_value (brief_mention_get_value (mention, timexes), &date))
    {
      /* "In July" with no publication date: kept, marked as without a year. */
      if (!brief_event_parse_yearless_value (brief_mention_get_value (mention, timexes), &date))
        return NULL;
      year_known = FALSE;
    }
  /* A date in the header fields is metadata (the publication date), not an event. */
  if (!brief_article_is_in_body (article, timex->byte_start))
    return NULL;

  if (mention->derived_from >= 0)
    date_text = g_strdup_printf ("%s %s %s", timex->text,
                                 mention->offset[0] == '-' ? "before" : "after",
                                 ((BriefTimex *) g_ptr_array_index (timexes, mention->derived_from))->text);
  else if (mention->end_timex >= 0 && mention->date_end > mention->date_start &&
           mention->date_end <= (gsize) g_utf8_strlen (brief_article_get_text (article), -1))
    /* A span in the words it was given in: "2001 to 2009". */
    date_text = g_utf8_substring (brief_article_get_text (article), mention->date_start, mention->date_end);
  else
    date_text = g_strdup (timex->text);

  event = brief_event_new (&date, date_text, mention->title, article);
  brief_event_set_sentence (event, mention->sentence, mention->start, mention->end);
  brief_event_set_date_span (event, mention->date_start, mention->date_end);
  brief_event_set_year_known (event, year_known);
  event_add_mention_details (event, timexes, mention);
  return event;
}

static void
add_events_of (BriefBriefing *self,
               BriefArticle  *article,
               BriefAnalysis *analysis)
{
  GPtrArray *timexes = brief_analysis_get_timexes (analysis);
  GPtrArray *mentions = brief_analysis_get_mentions (analysis);
  g_autoptr(GPtrArray) events = g_ptr_array_new_full (mentions->len, g_object_unref);

  for (guint i = 0; i < mentions->len; i++)
    {
      const BriefMention *mention = g_ptr_array_index (mentions, i);
      BriefEvent *event;

      g_assert (mention->timex_index < timexes->len);
      event = event_from_mention (article, timexes, mention);
      if (event != NULL)
        g_ptr_array_add (events, event);
    }
  _brief_briefing_insert_events (self, events);
}

void
_brief_briefing_insert_event (BriefBriefing *self,
                              BriefEvent    *event)
{
  g_list_store_insert_sorted (self->events, event, compare_events_cb, NULL);
}

static int
compare_event_pointers_cb (gconstpointer a,
                           gconstpointer b)
{
  return brief_event_compare (*(BriefEvent **) a, *(BriefEvent **) b);
}

void
_brief_briefing_insert_events (BriefBriefing *self,
                               GPtrArray     *events)
{
  g_autoptr(GPtrArray) sorted = NULL;

  if (events->len == 0)
    return;

  /* Into a list that has events already, one by one: the views keep their
   * place.  Into an empty one (opening a file, the first source), sorted
   * here and added with one ::items-changed.  The sort is stable, so events
   * at the same time keep their order, as insert_sorted() keeps it. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->events)) > 0)
    {
      for (guint i = 0; i < events->len; i++)
        _brief_briefing_insert_event (self, g_ptr_array_index (events, i));
      return;
    }

  sorted = g_ptr_array_copy (events, NULL, NULL);
  /* The copy borrows the events: it must not unref them as @events does. */
  g_ptr_array_set_free_func (sorted, NULL);
  g_ptr_array_sort (sorted, compare_event_pointers_cb);
  g_list_store_splice (self->events, 0, 0, sorted->pdata, sorted->len);
}

gboolean
_brief_briefing_take_event (BriefBriefing *self,
                            BriefEvent    *event)
{
  guint position;

  if (!g_list_store_find (self->events, event, &position))
    return FALSE;
  g_list_store_remove (self->events, position);
  return TRUE;
}

static void
remove_events_of (BriefBriefing *self,
                  BriefArticle  *article)
{
  g_autoptr(GPtrArray) dissolved = _brief_briefing_dissolve_groups_of (self, article);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->events));

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(BriefEvent) event = g_list_model_get_item (G_LIST_MODEL (self->events), i - 1);

      if (brief_event_get_article (event) == article)
        g_list_store_remove (self->events, i - 1);
    }
}

void
brief_briefing_add_article (BriefBriefing *self,
                            BriefArticle  *article,
                            BriefAnalysis *analysis)
{
  gboolean title_was_default;

  g_return_if_fail (BRIEF_IS_BRIEFING (self));
  g_return_if_fail (BRIEF_IS_ARTICLE (article));
  g_return_if_fail (BRIEF_IS_ANALYSIS (analysis));

  title_was_default = self->title == NULL && g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 0;
  g_hash_table_insert (self->analyses, article, g_object_ref (analysis));
  g_list_store_append (self->articles, article);
  if (self->adding == NULL)
    {
      g_autoptr(GPtrArray) added = g_ptr_array_new ();
      gboolean batch = begin_events_batch (self);

      add_events_of (self, article, analysis);
      g_ptr_array_add (added, article);
      _brief_briefing_regroup (self, added);
      if (batch)
        end_events_batch (self);
    }
  else
    {
      add_events_of (self, article, analysis);
      g_ptr_array_add (self->adding, article);
    }

  if (title_was_default)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static BriefDateTagger *
ensure_tagger (BriefBriefing *self)
{
  if (self->tagger == NULL)
    self->tagger = brief_date_tagger_new ();
  return self->tagger;
}

BriefDateTagger *
_brief_briefing_get_tagger (BriefBriefing *self)
{
  return ensure_tagger (self);
}

void
_brief_briefing_restore_article (BriefBriefing *self,
                                 BriefArticle  *article,
                                 BriefAnalysis *analysis)
{
  if (analysis == NULL)
    analysis = brief_analysis_run (ensure_tagger (self), brief_article_get_text (article),
                                   brief_article_get_published (article), BRIEF_DOCUMENT_NEWS);

  /* The table takes the reference. */
  g_hash_table_insert (self->analyses, article, analysis);
  g_list_store_append (self->articles, article);
}

void
brief_briefing_set_published (BriefBriefing *self,
                              BriefArticle  *article,
                              const char    *published)
{
  g_autoptr(BriefAnalysis) analysis = NULL;

  g_return_if_fail (BRIEF_IS_BRIEFING (self));
  g_return_if_fail (BRIEF_IS_ARTICLE (article));
  g_return_if_fail (g_hash_table_contains (self->analyses, article));

  if (g_strcmp0 (brief_article_get_published (article), published) == 0)
    return;

  brief_article_set_published (article, published);
  /* Analysing one article takes about a millisecond: no thread needed. */
  analysis = brief_analysis_run (ensure_tagger (self), brief_article_get_text (article),
                                 published, BRIEF_DOCUMENT_NEWS);
  g_hash_table_insert (self->analyses, article, g_object_ref (analysis));
  {
    g_autoptr(GPtrArray) added = g_ptr_array_new ();
    gboolean batch = begin_events_batch (self);

    remove_events_of (self, article);
    add_events_of (self, article, analysis);
    g_ptr_array_add (added, article);
    _brief_briefing_regroup (self, added);
    if (batch)
      end_events_batch (self);
  }
}

typedef struct
{
  GFile           *file;      /* or text, pasted or dropped */
  char            *text;
  char            *title_hint;
  char            *dct_override;
  BriefDateTagger *tagger;
  GPtrArray       *articles;  /* BriefArticle, filled by the thread */
  GPtrArray       *analyses;  /* BriefAnalysis, in step with articles */
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->text, g_free);
  g_clear_pointer (&data->title_hint, g_free);
  g_clear_pointer (&data->dct_override, g_free);
  g_clear_object (&data->tagger);
  g_clear_pointer (&data->articles, g_ptr_array_unref);
  g_clear_pointer (&data->analyses, g_ptr_array_unref);
  g_free (data);
}

static void
import_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ImportData *data = task_data;
  GError *error = NULL;

  if (data->text != NULL)
    data->articles = brief_import_text (data->text, data->title_hint, &error);
  else
    data->articles = brief_import_file (data->file, cancellable, &error);
  if (data->articles == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data->analyses = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < data->articles->len; i++)
    {
      BriefArticle *article = g_ptr_array_index (data->articles, i);
      const char *dct = data->dct_override ? data->dct_override : brief_article_get_published (article);

      if (g_task_return_error_if_cancelled (task))
        return;

      g_ptr_array_add (data->analyses,
                       brief_analysis_run (data->tagger, brief_article_get_text (article),
                                           dct, BRIEF_DOCUMENT_NEWS));
    }

  g_task_return_boolean (task, TRUE);
}

void
brief_briefing_import_file_async (BriefBriefing       *self,
                                  GFile               *file,
                                  const char          *dct_override,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (BRIEF_IS_BRIEFING (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ImportData, 1);
  data->file = g_object_ref (file);
  data->dct_override = g_strdup (dct_override);
  data->tagger = g_object_ref (ensure_tagger (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, brief_briefing_import_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_file_thread);
}

static guint
add_imported (BriefBriefing *self,
              ImportData    *data)
{
  gboolean batch = begin_events_batch (self);

  /* A feed's items are grouped with the rest once, not one by one. */
  self->adding = g_ptr_array_new ();
  for (guint i = 0; i < data->articles->len; i++)
    brief_briefing_add_article (self,
                                g_ptr_array_index (data->articles, i),
                                g_ptr_array_index (data->analyses, i));
  _brief_briefing_regroup (self, self->adding);
  g_clear_pointer (&self->adding, g_ptr_array_unref);
  if (batch)
    end_events_batch (self);
  /* New sources are work to save: ask before closing, and autosave them. */
  if (data->articles->len > 0)
    _brief_briefing_changed (self);
  return data->articles->len;
}

guint
brief_briefing_import_file_finish (BriefBriefing  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == brief_briefing_import_file_async, 0);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return 0;

  /* Added on the caller's thread, where the list models' signals belong. */
  return add_imported (self, g_task_get_task_data (G_TASK (result)));
}

guint
brief_briefing_import_file (BriefBriefing  *self,
                            GFile          *file,
                            const char     *dct_override,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), 0);
  g_return_val_if_fail (G_IS_FILE (file), 0);

  data = g_new0 (ImportData, 1);
  data->file = g_object_ref (file);
  data->dct_override = g_strdup (dct_override);
  data->tagger = g_object_ref (ensure_tagger (self));

  task = g_task_new (self, cancellable, NULL, NULL);
  g_task_set_source_tag (task, brief_briefing_import_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread_sync (task, import_file_thread);

  return brief_briefing_import_file_finish (self, G_ASYNC_RESULT (task), error);
}

/* Removing a source takes its events with it; undo puts back both, the
 * article at its place in the list and the events with their decisions. */
typedef struct
{
  BriefBriefing *briefing;
  BriefArticle  *article;
  BriefAnalysis *analysis;
  guint          position;
  GPtrArray     *events;
  GPtrArray     *dissolved;  /* groups with a part from the article */
} ArticleRemoval;

static void
article_removal_free (gpointer data)
{
  ArticleRemoval *edit = data;

  g_clear_object (&edit->article);
  g_clear_object (&edit->analysis);
  g_clear_pointer (&edit->events, g_ptr_array_unref);
  g_clear_pointer (&edit->dissolved, g_ptr_array_unref);
  g_free (edit);
}

static void
article_removal_apply (gpointer data,
                       gboolean undo)
{
  ArticleRemoval *edit = data;
  BriefBriefing *self = edit->briefing;
  guint position;

  if (undo)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->articles));

      if (edit->analysis != NULL)
        g_hash_table_insert (self->analyses, edit->article, g_object_ref (edit->analysis));
      g_list_store_insert (self->articles, MIN (edit->position, n), edit->article);
      for (guint i = 0; i < edit->events->len; i++)
        _brief_briefing_insert_event (self, g_ptr_array_index (edit->events, i));
      for (guint i = edit->dissolved->len; i > 0; i--)
        _brief_briefing_apply_dissolve (self, g_ptr_array_index (edit->dissolved, i - 1),
                                        edit->article, TRUE);
    }
  else
    {
      for (guint i = 0; i < edit->dissolved->len; i++)
        _brief_briefing_apply_dissolve (self, g_ptr_array_index (edit->dissolved, i),
                                        edit->article, FALSE);
      for (guint i = 0; i < edit->events->len; i++)
        _brief_briefing_take_event (self, g_ptr_array_index (edit->events, i));
      if (g_list_store_find (self->articles, edit->article, &position))
        g_list_store_remove (self->articles, position);
      g_hash_table_remove (self->analyses, edit->article);
    }
  _brief_briefing_update_conflicts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  _brief_briefing_changed (self);
}

void
brief_briefing_remove_article (BriefBriefing *self,
                               BriefArticle  *article)
{
  ArticleRemoval *edit;
  guint position;
  guint n;

  g_return_if_fail (BRIEF_IS_BRIEFING (self));
  g_return_if_fail (BRIEF_IS_ARTICLE (article));

  if (!g_list_store_find (self->articles, article, &position))
    return;

  edit = g_new0 (ArticleRemoval, 1);
  edit->briefing = self;
  edit->article = g_object_ref (article);
  edit->analysis = g_hash_table_lookup (self->analyses, article);
  if (edit->analysis != NULL)
    g_object_ref (edit->analysis);
  edit->position = position;
  edit->events = g_ptr_array_new_with_free_func (g_object_unref);
  edit->dissolved = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  for (guint i = 0; i < n; i++)
    {
      BriefEvent *event = g_list_model_get_item (G_LIST_MODEL (self->events), i);

      /* The article's parts of a group stay in the group, which is kept
       * whole for undo while its other parts go back into the list. */
      if (brief_event_get_parts (event) != NULL && brief_event_is_from (event, article))
        g_ptr_array_add (edit->dissolved, event);
      else if (brief_event_get_article (event) == article)
        g_ptr_array_add (edit->events, event);
      else
        g_object_unref (event);
    }

  article_removal_apply (edit, FALSE);
  brief_history_record (self->history, _("Remove Source"), NULL,
                        article_removal_apply, edit, article_removal_free);
}

GPtrArray *
_brief_briefing_get_facts (BriefBriefing *self,
                           gboolean       people)
{
  return people ? self->key_people : self->quotes;
}

/* Moving a source: undo moves it back. */
typedef struct
{
  BriefBriefing *briefing;
  BriefArticle  *article;
  guint          from;
  guint          to;
} ArticleMove;

static void
article_move_free (gpointer data)
{
  ArticleMove *edit = data;

  g_clear_object (&edit->article);
  g_free (edit);
}

static void
article_move_apply (gpointer data,
                    gboolean undo)
{
  ArticleMove *edit = data;
  BriefBriefing *self = edit->briefing;
  guint position;

  if (!g_list_store_find (self->articles, edit->article, &position))
    return;
  /* The list keeps its own reference while the article moves. */
  g_object_ref (edit->article);
  g_list_store_remove (self->articles, position);
  g_list_store_insert (self->articles, undo ? edit->from : edit->to, edit->article);
  g_object_unref (edit->article);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  _brief_briefing_changed (self);
}

gboolean
brief_briefing_move_article (BriefBriefing *self,
                             BriefArticle  *article,
                             guint          position)
{
  ArticleMove *edit;
  guint from;
  guint n;

  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), FALSE);
  g_return_val_if_fail (BRIEF_IS_ARTICLE (article), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->articles));
  if (!g_list_store_find (self->articles, article, &from) || position >= n || position == from)
    return FALSE;

  edit = g_new0 (ArticleMove, 1);
  edit->briefing = self;
  edit->article = g_object_ref (article);
  edit->from = from;
  edit->to = position;
  article_move_apply (edit, FALSE);
  brief_history_record (self->history, position < from ? _("Move Source Up") : _("Move Source Down"),
                        NULL, article_move_apply, edit, article_move_free);
  return TRUE;
}

void
brief_briefing_add_text_async (BriefBriefing       *self,
                               const char          *text,
                               const char          *title_hint,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (BRIEF_IS_BRIEFING (self));
  g_return_if_fail (text != NULL);

  data = g_new0 (ImportData, 1);
  data->text = g_strdup (text);
  data->title_hint = g_strdup (title_hint);
  data->tagger = g_object_ref (ensure_tagger (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, brief_briefing_add_text_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_file_thread);
}

guint
brief_briefing_add_text_finish (BriefBriefing  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == brief_briefing_add_text_async, 0);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return 0;

  return add_imported (self, g_task_get_task_data (G_TASK (result)));
}
