/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-event"

#include "config.h"

#include "brief-event.h"

struct _BriefEvent
{
  GObject       parent_instance;

  BriefDate     date;
  char         *date_text;
  char         *title;
  BriefArticle *article;
  char         *sentence;
  guint         start;
  guint         end;
  guint         date_start;
  guint         date_end;
  BriefEventState state;
  guint         starred : 1;

  /* Grouping across sources: the events this one stands for (NULL for a
   * single mention), how they came together, and what other sources say. */
  GPtrArray          *parts;
  BriefEventGrouping  grouping;
  gboolean            kept_apart;
  char               *conflict;
};

G_DEFINE_ENUM_TYPE (BriefEventState, brief_event_state,
                    G_DEFINE_ENUM_VALUE (BRIEF_EVENT_STATE_SUGGESTED, "suggested"),
                    G_DEFINE_ENUM_VALUE (BRIEF_EVENT_STATE_ACCEPTED, "accepted"),
                    G_DEFINE_ENUM_VALUE (BRIEF_EVENT_STATE_HIDDEN, "hidden"))

G_DEFINE_ENUM_TYPE (BriefEventGrouping, brief_event_grouping,
                    G_DEFINE_ENUM_VALUE (BRIEF_EVENT_GROUPING_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (BRIEF_EVENT_GROUPING_SUGGESTED, "suggested"),
                    G_DEFINE_ENUM_VALUE (BRIEF_EVENT_GROUPING_MERGED, "merged"))

G_DEFINE_FINAL_TYPE (BriefEvent, brief_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_STATE,
  PROP_STARRED,
  PROP_DATE,
  PROP_GROUPING,
  PROP_CONFLICT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
brief_event_dispose (GObject *object)
{
  BriefEvent *self = (BriefEvent *)object;

  g_clear_object (&self->article);
  g_clear_pointer (&self->parts, g_ptr_array_unref);

  G_OBJECT_CLASS (brief_event_parent_class)->dispose (object);
}

static void
brief_event_finalize (GObject *object)
{
  BriefEvent *self = (BriefEvent *)object;

  g_clear_pointer (&self->date_text, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->sentence, g_free);
  g_clear_pointer (&self->conflict, g_free);

  G_OBJECT_CLASS (brief_event_parent_class)->finalize (object);
}

static void
brief_event_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BriefEvent *self = BRIEF_EVENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_STARRED:
      g_value_set_boolean (value, self->starred);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, &self->date);
      break;
    case PROP_GROUPING:
      g_value_set_enum (value, self->grouping);
      break;
    case PROP_CONFLICT:
      g_value_set_string (value, self->conflict);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
brief_event_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BriefEvent *self = BRIEF_EVENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      brief_event_set_title (self, g_value_get_string (value));
      break;
    case PROP_STATE:
      brief_event_set_state (self, g_value_get_enum (value));
      break;
    case PROP_STARRED:
      brief_event_set_starred (self, g_value_get_boolean (value));
      break;
    case PROP_GROUPING:
      brief_event_set_grouping (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
brief_event_class_init (BriefEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = brief_event_dispose;
  object_class->finalize = brief_event_finalize;
  object_class->get_property = brief_event_get_property;
  object_class->set_property = brief_event_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BriefEvent:state:
   *
   * Whether the event is only suggested, accepted into the briefing or hidden.
   */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       BRIEF_TYPE_EVENT_STATE,
                       BRIEF_EVENT_STATE_SUGGESTED,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BriefEvent:starred:
   *
   * Whether the user marked the event as important.
   */
  properties[PROP_STARRED] =
    g_param_spec_boolean ("starred", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BriefEvent:date:
   *
   * When the event happened, as precise as known; set with
   * brief_event_set_date() together with its words.
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        BRIEF_TYPE_DATE,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BriefEvent:grouping:
   *
   * For an event that stands for several: whether Briefing suggested the
   * group or the user merged (or accepted) it.
   */
  properties[PROP_GROUPING] =
    g_param_spec_enum ("grouping", NULL, NULL,
                       BRIEF_TYPE_EVENT_GROUPING,
                       BRIEF_EVENT_GROUPING_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BriefEvent:conflict:
   *
   * When another source dates the same happening differently, what each
   * says: "Reuters says March 2021, AP says April 2021"; else NULL.
   */
  properties[PROP_CONFLICT] =
    g_param_spec_string ("conflict", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
brief_event_init (BriefEvent *self)
{
}

BriefEvent *
brief_event_new (const BriefDate *date,
                 const char      *date_text,
                 const char      *title,
                 BriefArticle    *article)
{
  BriefEvent *self;

  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (article == NULL || BRIEF_IS_ARTICLE (article), NULL);

  self = g_object_new (BRIEF_TYPE_EVENT, NULL);
  self->date = *date;
  self->date_text = g_strdup (date_text);
  self->title = g_strdup (title);
  g_set_object (&self->article, article);

  return self;
}

const BriefDate *
brief_event_get_date (BriefEvent *self)
{
  g_return_val_if_fail (BRIEF_IS_EVENT (self), NULL);
  return &self->date;
}

const char *
brief_event_get_date_text (BriefEvent *self)
{
  g_return_val_if_fail (BRIEF_IS_EVENT (self), NULL);
  return self->date_text;
}

void
brief_event_set_date (BriefEvent      *self,
                      const BriefDate *date,
                      const char      *date_text)
{
  g_return_if_fail (BRIEF_IS_EVENT (self));
  g_return_if_fail (date != NULL);

  if (brief_date_compare (&self->date, date) == 0 &&
      self->date.precision == date->precision &&
      g_strcmp0 (self->date_text, date_text) == 0)
    return;

  self->date = *date;
  g_free (self->date_text);
  self->date_text = g_strdup (date_text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

char *
brief_event_dup_date_label (BriefEvent *self)
{
  g_return_val_if_fail (BRIEF_IS_EVENT (self), NULL);
  return brief_date_format (&self->date);
}

const char *
brief_event_get_title (BriefEvent *self)
{
  g_return_val_if_fail (BRIEF_IS_EVENT (self), NULL);
  return self->title;
}

void
brief_event_set_title (BriefEvent *self,
                       const char *title)
{
  g_return_if_fail (BRIEF_IS_EVENT (self));
  g_return_if_fail (title != NULL);

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

BriefArticle *
brief_event_get_article (BriefEvent *self)
{
  g_return_val_if_fail (BRIEF_IS_EVENT (self), NULL);
  return self->article;
}

const char *
brief_event_get_sentence (BriefEvent *self)
{
  g_return_val_if_fail (BRIEF_IS_EVENT (self), NULL);
  return self->sentence;
}

void
brief_event_set_sentence (BriefEvent *self,
                          const char *sentence,
                          guint       start,
                          guint       end)
{
  g_return_if_fail (BRIEF_IS_EVENT (self));
  g_return_if_fail (start <= end);

  g_free (self->sentence);
  self->sentence = g_strdup (sentence);
  self->start = start;
  self->end = end;
}

guint
brief_event_get_start (BriefEvent *self)
{
  g_return_val_if_fail (BRIEF_IS_EVENT (self), 0);
  return self->start;
}

guint
brief_event_get_end (BriefEvent *self)
{
  g_return_val_if_fail (BRIEF_IS_EVENT (self), 0);
  return self->end;
}

void
brief_event_set_date_span (BriefEvent *self,
                           guint       start,
                           guint       end)
{
  g_return_if_fail (BRIEF_IS_EVENT (self));
  g_return_if_fail (start <= end);

  self->date_start = start;
  self->date_end = end;
}

guint
brief_event_get_date_start (BriefEvent *self)
{
  g_return_val_if_fail (BRIEF_IS_EVENT (self), 0);
  return self->date_start;
}

guint
brief_event_get_date_end (BriefEvent *self)
{
  g_return_val_if_fail (BRIEF_IS_EVENT (self), 0);
  return self->date_end;
}

BriefEventState
brief_event_get_state (BriefEvent *self)
{
  g_return_val_if_fail (BRIEF_IS_EVENT (self), BRIEF_EVENT_STATE_SUGGESTED);
  return self->state;
}

void
brief_event_set_state (BriefEvent      *self,
                       BriefEventState  state)
{
  g_return_if_fail (BRIEF_IS_EVENT (self));
  g_return_if_fail (state <= BRIEF_EVENT_STATE_HIDDEN);

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

gboolean
brief_event_get_starred (BriefEvent *self)
{
  g_return_val_if_fail (BRIEF_IS_EVENT (self), FALSE);
  return self->starred;
}

void
brief_event_set_starred (BriefEvent *self,
                         gboolean    starred)
{
  g_return_if_fail (BRIEF_IS_EVENT (self));

  starred = !!starred;
  if (self->starred == (guint) starred)
    return;

  self->starred = starred;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARRED]);
}

int
brief_event_compare (BriefEvent *a,
                     BriefEvent *b)
{
  int order = brief_date_compare (&a->date, &b->date);

  if (order != 0)
    return order;
  if (a->article == b->article)
    return (int) a->date_start - (int) b->date_start;
  return 0;
}

/* Grouping across sources */

static void
collect_sources (BriefEvent *self,
                 GPtrArray  *sources)
{
  if (self->parts == NULL)
    {
      if (self->article != NULL && !g_ptr_array_find (sources, self->article, NULL))
        g_ptr_array_add (sources, g_object_ref (self->article));
      return;
    }
  for (guint i = 0; i < self->parts->len; i++)
    collect_sources (g_ptr_array_index (self->parts, i), sources);
}

static BriefEventState
combined_state (GPtrArray *parts)
{
  gboolean all_hidden = TRUE;

  for (guint i = 0; i < parts->len; i++)
    {
      BriefEventState state = brief_event_get_state (g_ptr_array_index (parts, i));

      if (state == BRIEF_EVENT_STATE_ACCEPTED)
        return BRIEF_EVENT_STATE_ACCEPTED;
      all_hidden = all_hidden && state == BRIEF_EVENT_STATE_HIDDEN;
    }
  return all_hidden ? BRIEF_EVENT_STATE_HIDDEN : BRIEF_EVENT_STATE_SUGGESTED;
}

BriefEvent *
brief_event_new_combined (GPtrArray          *parts,
                          BriefEventGrouping  grouping)
{
  BriefEvent *lead;
  BriefEvent *self;

  g_return_val_if_fail (parts != NULL && parts->len >= 2, NULL);
  g_return_val_if_fail (grouping != BRIEF_EVENT_GROUPING_NONE, NULL);

  /* The first part speaks for the group: its date, title and sentence. */
  lead = g_ptr_array_index (parts, 0);
  self = brief_event_new (&lead->date, lead->date_text, lead->title, lead->article);
  brief_event_set_sentence (self, lead->sentence, lead->start, lead->end);
  brief_event_set_date_span (self, lead->date_start, lead->date_end);
  self->state = combined_state (parts);
  for (guint i = 0; i < parts->len; i++)
    self->starred |= brief_event_get_starred (g_ptr_array_index (parts, i));
  self->parts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < parts->len; i++)
    g_ptr_array_add (self->parts, g_object_ref (g_ptr_array_index (parts, i)));
  self->grouping = grouping;
  return self;
}

GPtrArray *
brief_event_get_parts (BriefEvent *self)
{
  g_return_val_if_fail (BRIEF_IS_EVENT (self), NULL);
  return self->parts;
}

gboolean
brief_event_is_from (BriefEvent   *self,
                     BriefArticle *article)
{
  g_return_val_if_fail (BRIEF_IS_EVENT (self), FALSE);

  if (self->parts == NULL)
    return self->article == article;
  for (guint i = 0; i < self->parts->len; i++)
    if (brief_event_is_from (g_ptr_array_index (self->parts, i), article))
      return TRUE;
  return FALSE;
}

GPtrArray *
brief_event_dup_sources (BriefEvent *self)
{
  GPtrArray *sources;

  g_return_val_if_fail (BRIEF_IS_EVENT (self), NULL);

  sources = g_ptr_array_new_with_free_func (g_object_unref);
  collect_sources (self, sources);
  return sources;
}

guint
brief_event_get_n_sources (BriefEvent *self)
{
  g_autoptr(GPtrArray) sources = NULL;

  g_return_val_if_fail (BRIEF_IS_EVENT (self), 0);

  if (self->parts == NULL)
    return self->article != NULL ? 1 : 0;
  sources = brief_event_dup_sources (self);
  return sources->len;
}

BriefEventGrouping
brief_event_get_grouping (BriefEvent *self)
{
  g_return_val_if_fail (BRIEF_IS_EVENT (self), BRIEF_EVENT_GROUPING_NONE);
  return self->grouping;
}

void
brief_event_set_grouping (BriefEvent         *self,
                          BriefEventGrouping  grouping)
{
  g_return_if_fail (BRIEF_IS_EVENT (self));
  g_return_if_fail (grouping <= BRIEF_EVENT_GROUPING_MERGED);
  /* A single mention cannot become a group, nor a group a single mention. */
  g_return_if_fail ((self->parts != NULL) == (grouping != BRIEF_EVENT_GROUPING_NONE));

  if (self->grouping == grouping)
    return;
  self->grouping = grouping;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUPING]);
}

gboolean
brief_event_get_kept_apart (BriefEvent *self)
{
  g_return_val_if_fail (BRIEF_IS_EVENT (self), FALSE);
  return self->kept_apart;
}

void
brief_event_set_kept_apart (BriefEvent *self,
                            gboolean    kept_apart)
{
  g_return_if_fail (BRIEF_IS_EVENT (self));
  self->kept_apart = !!kept_apart;
}

const char *
brief_event_get_conflict (BriefEvent *self)
{
  g_return_val_if_fail (BRIEF_IS_EVENT (self), NULL);
  return self->conflict;
}

void
brief_event_set_conflict (BriefEvent *self,
                          const char *conflict)
{
  g_return_if_fail (BRIEF_IS_EVENT (self));

  if (g_strcmp0 (self->conflict, conflict) == 0)
    return;
  g_free (self->conflict);
  self->conflict = g_strdup (conflict);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICT]);
}
