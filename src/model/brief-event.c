/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-event"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "brief-event.h"

/* The year a date whose year is unknown is kept in: a leap year, so that
 * "29 February" stays a date.  It is never shown. */
#define YEARLESS_YEAR 4

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
  guint         has_end : 1;
  guint         year_unknown : 1;
  BriefDate     end_date;
  char         *derived_from;
  char         *derived_offset;

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
  PROP_END_DATE,
  PROP_DERIVED_FROM,
  PROP_DERIVED_OFFSET,
  PROP_YEAR_KNOWN,
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
  g_clear_pointer (&self->derived_from, g_free);
  g_clear_pointer (&self->derived_offset, g_free);
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
    case PROP_END_DATE:
      g_value_set_boxed (value, brief_event_get_end_date (self));
      break;
    case PROP_DERIVED_FROM:
      g_value_set_string (value, self->derived_from);
      break;
    case PROP_DERIVED_OFFSET:
      g_value_set_string (value, self->derived_offset);
      break;
    case PROP_YEAR_KNOWN:
      g_value_set_boolean (value, !self->year_unknown);
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
    case PROP_END_DATE:
      brief_event_set_end_date (self, g_value_get_boxed (value));
      break;
    case PROP_YEAR_KNOWN:
      brief_event_set_year_known (self, g_value_get_boolean (value));
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
   * BriefEvent:end-date:
   *
   * Where a span ends ("from 2001 to 2009": 2009), or %NULL for an event at
   * one date.
   */
  properties[PROP_END_DATE] =
    g_param_spec_boxed ("end-date", NULL, NULL,
                        BRIEF_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BriefEvent:derived-from:
   *
   * The date, as written, that this event's date was worked out from
   * ("April 2019"), or %NULL; set with brief_event_set_derivation().
   */
  properties[PROP_DERIVED_FROM] =
    g_param_spec_string ("derived-from", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BriefEvent:derived-offset:
   *
   * How far from #BriefEvent:derived-from the date lies, a TIMEX3 duration
   * ("-P2M" is two months before), or %NULL.
   */
  properties[PROP_DERIVED_OFFSET] =
    g_param_spec_string ("derived-offset", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BriefEvent:year-known:
   *
   * %FALSE when the year of the date is not known ("in July", with no
   * publication date to place it).
   */
  properties[PROP_YEAR_KNOWN] =
    g_param_spec_boolean ("year-known", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

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

/* "July", "5 July": the date without its year, which is not known. */
static char *
format_yearless (const BriefDate *date)
{
  g_autoptr(GDateTime) datetime = NULL;

  if (date->precision < BRIEF_DATE_PRECISION_MONTH)
    return g_strdup (_("Date unknown"));
  datetime = g_date_time_new_utc (2000, date->month, date->precision == BRIEF_DATE_PRECISION_DAY ? date->day : 1,
                                  12, 0, 0);
  if (datetime == NULL)
    return g_strdup (_("Date unknown"));
  if (date->precision == BRIEF_DATE_PRECISION_DAY)
    /* Translators: a day of a month whose year is unknown, see strftime(3) */
    return g_date_time_format (datetime, _("%-d %B"));
  /* Translators: a month whose year is unknown, see strftime(3); %OB is the standalone month name */
  return g_date_time_format (datetime, _("%OB"));
}

char *
brief_event_dup_date_label (BriefEvent *self)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (BRIEF_IS_EVENT (self), NULL);

  if (self->year_unknown)
    {
      g_autofree char *date = format_yearless (&self->date);

      /* Translators: a date whose year the article does not give: "July (year unknown)" */
      return g_strdup_printf (_("%s (year unknown)"), date);
    }

  start = brief_date_format (&self->date);
  if (!self->has_end)
    return g_steal_pointer (&start);
  end = brief_date_format (&self->end_date);
  /* Translators: a span of time from one date to another: "2001 – 2009" */
  return g_strdup_printf (_("%s – %s"), start, end);
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
  int order;

  /* Events whose year is unknown come after every dated one, by month. */
  if (a->year_unknown != b->year_unknown)
    return a->year_unknown ? 1 : -1;
  order = brief_date_compare (&a->date, &b->date);
  if (order != 0)
    return order;
  if (a->article == b->article)
    return (int) a->date_start - (int) b->date_start;
  return 0;
}

const BriefDate *
brief_event_get_end_date (BriefEvent *self)
{
  g_return_val_if_fail (BRIEF_IS_EVENT (self), NULL);
  return self->has_end ? &self->end_date : NULL;
}

void
brief_event_set_end_date (BriefEvent      *self,
                          const BriefDate *end_date)
{
  g_return_if_fail (BRIEF_IS_EVENT (self));

  if (end_date == NULL && !self->has_end)
    return;
  if (end_date != NULL && self->has_end &&
      brief_date_compare (&self->end_date, end_date) == 0 &&
      self->end_date.precision == end_date->precision)
    return;

  self->has_end = end_date != NULL;
  if (end_date != NULL)
    self->end_date = *end_date;
  else
    memset (&self->end_date, 0, sizeof self->end_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_DATE]);
}

void
brief_event_get_extent (BriefEvent *self,
                        GDate      *out_first,
                        GDate      *out_last)
{
  g_return_if_fail (BRIEF_IS_EVENT (self));
  g_return_if_fail (out_first != NULL && out_last != NULL);

  brief_date_get_earliest (&self->date, out_first);
  brief_date_get_latest (&self->date, out_last);
  if (self->has_end)
    {
      GDate end;

      /* "From 2009 to 2001" is read as written, but never drawn backwards. */
      brief_date_get_latest (&self->end_date, &end);
      if (g_date_compare (&end, out_last) > 0)
        *out_last = end;
    }
}

void
brief_event_set_derivation (BriefEvent *self,
                            const char *from_text,
                            const char *offset)
{
  g_return_if_fail (BRIEF_IS_EVENT (self));
  g_return_if_fail ((from_text == NULL) == (offset == NULL));

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->derived_from, from_text) != 0)
    {
      g_free (self->derived_from);
      self->derived_from = g_strdup (from_text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DERIVED_FROM]);
    }
  if (g_strcmp0 (self->derived_offset, offset) != 0)
    {
      g_free (self->derived_offset);
      self->derived_offset = g_strdup (offset);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DERIVED_OFFSET]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
brief_event_get_derived_from (BriefEvent *self)
{
  g_return_val_if_fail (BRIEF_IS_EVENT (self), NULL);
  return self->derived_from;
}

const char *
brief_event_get_derived_offset (BriefEvent *self)
{
  g_return_val_if_fail (BRIEF_IS_EVENT (self), NULL);
  return self->derived_offset;
}

gboolean
brief_event_is_derived (BriefEvent *self)
{
  g_return_val_if_fail (BRIEF_IS_EVENT (self), FALSE);
  return self->derived_from != NULL;
}

char *
brief_event_dup_derivation_label (BriefEvent *self)
{
  const char *how;

  g_return_val_if_fail (BRIEF_IS_EVENT (self), NULL);

  if (self->derived_from == NULL)
    return NULL;

  /* The words of the date say it best ("two months before April 2019") as
   * long as they name the anchor; else the offset, as the analysis gave it. */
  if (self->date_text != NULL && strstr (self->date_text, self->derived_from) != NULL)
    how = self->date_text;
  else
    how = NULL;

  if (how != NULL)
    /* Translators: how a date was worked out: "derived: two months before April 2019" */
    return g_strdup_printf (_("derived: %s"), how);
  /* Translators: how a date was worked out: "derived from April 2019 by -P2M" */
  return g_strdup_printf (_("derived from %s by %s"), self->derived_from, self->derived_offset);
}

gboolean
brief_event_get_year_known (BriefEvent *self)
{
  g_return_val_if_fail (BRIEF_IS_EVENT (self), TRUE);
  return !self->year_unknown;
}

void
brief_event_set_year_known (BriefEvent *self,
                            gboolean    year_known)
{
  g_return_if_fail (BRIEF_IS_EVENT (self));

  year_known = !!year_known;
  if ((gboolean) !self->year_unknown == year_known)
    return;

  self->year_unknown = !year_known;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR_KNOWN]);
}

gboolean
brief_event_parse_yearless_value (const char *value,
                                  BriefDate  *out_date)
{
  g_autofree char *placed = NULL;
  BriefDate date;

  g_return_val_if_fail (out_date != NULL, FALSE);

  /* Only a month or a day: "XXXX" alone, or a week, is no date at all. */
  if (value == NULL || !g_str_has_prefix (value, "XXXX-") || !g_ascii_isdigit (value[5]))
    return FALSE;

  placed = g_strdup_printf ("%04d%s", YEARLESS_YEAR, value + 4);
  if (!brief_date_parse_value (placed, &date) || date.precision < BRIEF_DATE_PRECISION_MONTH)
    return FALSE;
  *out_date = date;
  return TRUE;
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
  brief_event_set_end_date (self, brief_event_get_end_date (lead));
  brief_event_set_derivation (self, lead->derived_from, lead->derived_offset);
  self->year_unknown = lead->year_unknown;
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

char *
brief_event_dup_source_names (BriefEvent *self)
{
  g_autoptr(GPtrArray) sources = NULL;
  GString *names;

  g_return_val_if_fail (BRIEF_IS_EVENT (self), NULL);

  sources = brief_event_dup_sources (self);
  names = g_string_new (NULL);
  for (guint i = 0; i < sources->len; i++)
    {
      BriefArticle *article = g_ptr_array_index (sources, i);
      const char *name = brief_article_get_site (article);

      if (name == NULL || *name == '\0')
        name = brief_article_get_title (article);
      /* Translators: the separator between the names of sources */
      g_string_append_printf (names, "%s%s", i > 0 ? _(", ") : "", name != NULL ? name : _("Untitled"));
    }
  return g_string_free (names, FALSE);
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
