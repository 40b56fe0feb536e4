/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "brief-export-private.h"

typedef struct
{
  const char *name;
  const char *extension;
  const char *mime_type;
} FormatInfo;

static const FormatInfo formats[BRIEF_EXPORT_N_FORMATS] = {
  [BRIEF_EXPORT_FORMAT_PDF] = { N_("PDF document"), ".pdf", "application/pdf" },
  [BRIEF_EXPORT_FORMAT_FODT] = { N_("OpenDocument text (flat XML)"), ".fodt",
                                 "application/vnd.oasis.opendocument.text-flat-xml" },
  [BRIEF_EXPORT_FORMAT_HTML] = { N_("Web page"), ".html", "text/html" },
  [BRIEF_EXPORT_FORMAT_MARKDOWN] = { N_("Markdown"), ".md", "text/markdown" },
  [BRIEF_EXPORT_FORMAT_JSON] = { N_("JSON data"), ".json", "application/json" },
  [BRIEF_EXPORT_FORMAT_TIMELINE_JSON] = { N_("TimelineJS data"), ".timeline.json", "application/json" },
  [BRIEF_EXPORT_FORMAT_ICALENDAR] = { N_("iCalendar events"), ".ics", "text/calendar" },
  [BRIEF_EXPORT_FORMAT_CSV] = { N_("CSV table of events"), ".csv", "text/csv" },
};

void
brief_export_options_init (BriefExportOptions *options)
{
  g_return_if_fail (options != NULL);

  options->sections = BRIEF_EXPORT_SECTION_ALL;
  options->include_hidden = FALSE;
  options->fall_back_to_suggested = TRUE;
}

const char *
brief_export_format_get_name (BriefExportFormat format)
{
  g_return_val_if_fail (format < BRIEF_EXPORT_N_FORMATS, NULL);
  return _(formats[format].name);
}

const char *
brief_export_format_get_extension (BriefExportFormat format)
{
  g_return_val_if_fail (format < BRIEF_EXPORT_N_FORMATS, NULL);
  return formats[format].extension;
}

const char *
brief_export_format_get_mime_type (BriefExportFormat format)
{
  g_return_val_if_fail (format < BRIEF_EXPORT_N_FORMATS, NULL);
  return formats[format].mime_type;
}

gboolean
brief_export_format_for_filename (const char        *filename,
                                  BriefExportFormat *out_format)
{
  g_autofree char *lower = NULL;
  gsize best_length = 0;
  gboolean found = FALSE;

  g_return_val_if_fail (filename != NULL, FALSE);

  lower = g_ascii_strdown (filename, -1);
  for (guint i = 0; i < BRIEF_EXPORT_N_FORMATS; i++)
    {
      gsize length = strlen (formats[i].extension);

      if (length > best_length && g_str_has_suffix (lower, formats[i].extension)
          && strlen (lower) > length)
        {
          best_length = length;
          found = TRUE;
          if (out_format != NULL)
            *out_format = i;
        }
    }
  return found;
}

char *
brief_export_format_list_extensions (void)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < BRIEF_EXPORT_N_FORMATS; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, formats[i].extension);
    }
  return g_string_free (list, FALSE);
}

static void
source_free (BriefExportSource *source)
{
  g_free (source->title);
  g_free (source->site);
  g_free (source->byline);
  g_free (source->published);
  g_free (source->url);
  g_free (source->path);
  g_free (source);
}

static void
event_free (BriefExportEvent *event)
{
  g_free (event->date_label);
  g_free (event->title);
  g_free (event->sentence);
  g_clear_pointer (&event->more_sources, g_array_unref);
  g_free (event->conflict);
  g_free (event);
}

static void
entity_free (BriefExportEntity *entity)
{
  g_free (entity->name);
  g_free (entity->kind);
  g_free (entity->role);
  g_free (entity);
}

static void
quote_free (BriefExportQuote *quote)
{
  g_free (quote->text);
  g_free (quote->speaker);
  g_free (quote->role);
  g_free (quote);
}

/* NULL for missing and blank text, so writers test one thing. */
static char *
dup_text (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

static char *
format_briefing_date (const char *date,
                      GDateTime  *now)
{
  BriefDate parsed;

  if (date != NULL && *date != '\0')
    {
      if (brief_date_parse_value (date, &parsed) && parsed.precision == BRIEF_DATE_PRECISION_DAY)
        return brief_date_format (&parsed);
      return g_strdup (date);
    }

  /* A note without a date is dated the day it is written. */
  parsed = (BriefDate) {
    .precision = BRIEF_DATE_PRECISION_DAY,
    .year = g_date_time_get_year (now),
    .month = g_date_time_get_month (now),
    .day = g_date_time_get_day_of_month (now),
  };
  return brief_date_format (&parsed);
}

static guint
article_number (GListModel   *articles,
                BriefArticle *article)
{
  guint n = g_list_model_get_n_items (articles);

  if (article == NULL)
    return 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriefArticle) item = g_list_model_get_item (articles, i);

      if (item == article)
        return i + 1;
    }
  return 0;
}

static gboolean
is_web_address (const char *url)
{
  return url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://"));
}

static void
content_free (BriefExportContent *content)
{
  g_free (content->title);
  g_free (content->author);
  g_free (content->audience);
  g_free (content->marking);
  g_free (content->date);
  g_free (content->notes);
  g_clear_pointer (&content->generated, g_date_time_unref);
  g_ptr_array_unref (content->sources);
  g_ptr_array_unref (content->events);
  g_ptr_array_unref (content->entities);
  g_ptr_array_unref (content->quotes);
}

static gboolean
event_is_selected (BriefEvent               *event,
                   const BriefExportOptions *options,
                   gboolean                  fell_back)
{
  switch (brief_event_get_state (event))
    {
    case BRIEF_EVENT_STATE_ACCEPTED:
      return TRUE;
    case BRIEF_EVENT_STATE_HIDDEN:
      return options->include_hidden;
    case BRIEF_EVENT_STATE_SUGGESTED:
    default:
      return fell_back;
    }
}

/* The numbers of the sources of @event other than @first, or NULL. */
static GArray *
more_sources_of (BriefEvent *event,
                 GListModel *articles,
                 guint       first)
{
  g_autoptr(GPtrArray) sources = NULL;
  GArray *numbers = NULL;

  if (brief_event_get_parts (event) == NULL)
    return NULL;
  sources = brief_event_dup_sources (event);
  for (guint i = 0; i < sources->len; i++)
    {
      guint number = article_number (articles, g_ptr_array_index (sources, i));

      if (number == 0 || number == first)
        continue;
      if (numbers == NULL)
        numbers = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (numbers, number);
    }
  return numbers;
}

/* The quotes and key people the user chose for the note. */
static void
add_chosen_facts (BriefExportContent *content,
                  BriefBriefing      *briefing,
                  GListModel         *articles)
{
  g_autoptr(GPtrArray) quotes = brief_briefing_dup_selected_quotes (briefing);
  g_autoptr(GPtrArray) people = brief_briefing_dup_key_people (briefing);

  for (guint i = 0; i < people->len; i++)
    {
      BriefSelectedFact *fact = g_ptr_array_index (people, i);

      brief_export_content_add_entity (content, fact->person->name, "person", fact->person->role,
                                       article_number (articles, fact->article));
    }
  for (guint i = 0; i < quotes->len; i++)
    {
      BriefSelectedFact *fact = g_ptr_array_index (quotes, i);
      const char *speaker = fact->quote->speaker_name;

      brief_export_content_add_quote (content, fact->quote->text,
                                      speaker != NULL ? speaker : _("Speaker unknown"),
                                      fact->quote->role, article_number (articles, fact->article));
    }
}

char *
_brief_export_conflict_note (const BriefExportEvent *event)
{
  if (event->conflict == NULL)
    return NULL;
  /* Translators: an event that sources date differently */
  return g_strdup_printf (_("Sources disagree: %s"), event->conflict);
}

char *
_brief_export_event_references (const BriefExportEvent *event)
{
  GString *refs = g_string_new (NULL);

  if (event->source > 0)
    g_string_append_printf (refs, "[%u]", event->source);
  for (guint i = 0; event->more_sources != NULL && i < event->more_sources->len; i++)
    g_string_append_printf (refs, "%s[%u]", refs->len > 0 ? " " : "",
                            g_array_index (event->more_sources, guint, i));
  return g_string_free (refs, FALSE);
}

BriefExportContent *
brief_export_content_new (BriefBriefing            *briefing,
                          const BriefExportOptions *options)
{
  BriefExportContent *content;
  GListModel *articles;
  GListModel *events;
  guint n_articles, n_events;
  gboolean any_accepted = FALSE;

  g_return_val_if_fail (BRIEF_IS_BRIEFING (briefing), NULL);

  content = g_atomic_rc_box_new0 (BriefExportContent);
  if (options != NULL)
    content->options = *options;
  else
    brief_export_options_init (&content->options);

  content->generated = g_date_time_new_now_utc ();
  content->title = g_strdup (brief_briefing_get_title (briefing));
  content->author = dup_text (brief_briefing_get_author (briefing));
  content->audience = dup_text (brief_briefing_get_audience (briefing));
  content->marking = dup_text (brief_briefing_get_marking (briefing));
  content->notes = dup_text (brief_briefing_get_notes (briefing));
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (content->generated);
    content->date = format_briefing_date (brief_briefing_get_date (briefing), local);
  }
  content->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  content->events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  content->entities = g_ptr_array_new_with_free_func ((GDestroyNotify) entity_free);
  content->quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) quote_free);

  articles = brief_briefing_get_articles (briefing);
  n_articles = g_list_model_get_n_items (articles);
  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(BriefArticle) article = g_list_model_get_item (articles, i);
      BriefExportSource *source = g_new0 (BriefExportSource, 1);
      const char *url = brief_article_get_url (article);

      source->number = i + 1;
      source->title = dup_text (brief_article_get_title (article));
      if (source->title == NULL)
        source->title = g_strdup (_("Untitled article"));
      source->site = dup_text (brief_article_get_site (article));
      source->byline = dup_text (brief_article_get_byline (article));
      source->published = dup_text (brief_article_get_published (article));
      source->url = is_web_address (url) ? g_strdup (url) : NULL;
      source->path = dup_text (brief_article_get_source_path (article));
      g_ptr_array_add (content->sources, source);
    }

  events = brief_briefing_get_events (briefing);
  n_events = g_list_model_get_n_items (events);
  for (guint i = 0; i < n_events && !any_accepted; i++)
    {
      g_autoptr(BriefEvent) event = g_list_model_get_item (events, i);
      any_accepted = brief_event_get_state (event) == BRIEF_EVENT_STATE_ACCEPTED;
    }
  content->fell_back = !any_accepted && content->options.fall_back_to_suggested && n_events > 0;

  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(BriefEvent) event = g_list_model_get_item (events, i);
      BriefExportEvent *item;

      if (!event_is_selected (event, &content->options, content->fell_back))
        continue;

      item = g_new0 (BriefExportEvent, 1);
      item->date = *brief_event_get_date (event);
      item->date_label = brief_event_dup_date_label (event);
      item->title = g_strdup (brief_event_get_title (event));
      item->sentence = dup_text (brief_event_get_sentence (event));
      item->source = article_number (articles, brief_event_get_article (event));
      item->starred = brief_event_get_starred (event);
      item->state = brief_event_get_state (event);
      item->year_known = brief_event_get_year_known (event);
      item->has_end = brief_event_get_end_date (event) != NULL;
      if (item->has_end)
        item->end_date = *brief_event_get_end_date (event);
      item->more_sources = more_sources_of (event, articles, item->source);
      item->conflict = dup_text (brief_event_get_conflict (event));
      g_ptr_array_add (content->events, item);
    }

  add_chosen_facts (content, briefing, articles);
  return content;
}

BriefExportContent *
brief_export_content_ref (BriefExportContent *content)
{
  g_return_val_if_fail (content != NULL, NULL);
  return g_atomic_rc_box_acquire (content);
}

void
brief_export_content_unref (BriefExportContent *content)
{
  g_return_if_fail (content != NULL);
  g_atomic_rc_box_release_full (content, (GDestroyNotify) content_free);
}

void
brief_export_content_add_entity (BriefExportContent *content,
                                 const char         *name,
                                 const char         *kind,
                                 const char         *role,
                                 guint               source)
{
  BriefExportEntity *entity;

  g_return_if_fail (content != NULL);
  g_return_if_fail (name != NULL);

  entity = g_new0 (BriefExportEntity, 1);
  entity->name = g_strdup (name);
  entity->kind = g_strdup (kind != NULL ? kind : "person");
  entity->role = dup_text (role);
  entity->source = source;
  g_ptr_array_add (content->entities, entity);
}

void
brief_export_content_add_quote (BriefExportContent *content,
                                const char         *text,
                                const char         *speaker,
                                const char         *role,
                                guint               source)
{
  BriefExportQuote *quote;

  g_return_if_fail (content != NULL);
  g_return_if_fail (text != NULL);

  quote = g_new0 (BriefExportQuote, 1);
  quote->text = g_strdup (text);
  quote->speaker = g_strdup (speaker != NULL ? speaker : _("Unknown speaker"));
  quote->role = dup_text (role);
  quote->source = source;
  g_ptr_array_add (content->quotes, quote);
}

guint
brief_export_content_count_starred (BriefExportContent *content)
{
  guint n = 0;

  g_return_val_if_fail (content != NULL, 0);

  for (guint i = 0; i < content->events->len; i++)
    {
      BriefExportEvent *event = g_ptr_array_index (content->events, i);
      n += event->starred ? 1 : 0;
    }
  return n;
}

gboolean
brief_export_content_has_section (BriefExportContent  *content,
                                  BriefExportSections  section)
{
  g_return_val_if_fail (content != NULL, FALSE);

  if ((content->options.sections & section) == 0)
    return FALSE;

  switch (section)
    {
    case BRIEF_EXPORT_SECTION_KEY_POINTS:
      return brief_export_content_count_starred (content) > 0;
    case BRIEF_EXPORT_SECTION_TIMELINE:
      return content->events->len > 0;
    case BRIEF_EXPORT_SECTION_CHRONOLOGY:
      return TRUE;  /* says so when there are no events */
    case BRIEF_EXPORT_SECTION_PEOPLE:
      return content->entities->len > 0;
    case BRIEF_EXPORT_SECTION_QUOTES:
      return content->quotes->len > 0;
    case BRIEF_EXPORT_SECTION_NOTES:
      return content->notes != NULL;
    case BRIEF_EXPORT_SECTION_SOURCES:
      return content->sources->len > 0;
    case BRIEF_EXPORT_SECTION_ALL:
    default:
      return FALSE;
    }
}

BriefExportSource *
brief_export_content_get_source (BriefExportContent *content,
                                 guint               number)
{
  g_return_val_if_fail (content != NULL, NULL);

  if (number == 0 || number > content->sources->len)
    return NULL;
  return g_ptr_array_index (content->sources, number - 1);
}

const char *
_brief_export_section_title (BriefExportSections section)
{
  switch (section)
    {
    case BRIEF_EXPORT_SECTION_KEY_POINTS: return _("Key points");
    case BRIEF_EXPORT_SECTION_TIMELINE: return _("Timeline");
    case BRIEF_EXPORT_SECTION_CHRONOLOGY: return _("Chronology");
    case BRIEF_EXPORT_SECTION_PEOPLE: return _("People and organisations");
    case BRIEF_EXPORT_SECTION_QUOTES: return _("Selected quotes");
    case BRIEF_EXPORT_SECTION_NOTES: return _("Notes");
    case BRIEF_EXPORT_SECTION_SOURCES: return _("Sources");
    case BRIEF_EXPORT_SECTION_ALL:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
_brief_export_events_note (BriefExportContent *content)
{
  if (content->fell_back)
    return _("No event has been accepted yet: every event found and not hidden is shown.");
  return NULL;
}

char *
_brief_export_prepared_for (BriefExportContent *content)
{
  if (content->audience == NULL)
    return NULL;
  /* Translators: the audience of a briefing note */
  return g_strdup_printf (_("Prepared for %s"), content->audience);
}

char *
_brief_export_prepared_by (BriefExportContent *content)
{
  if (content->author == NULL)
    return NULL;
  /* Translators: the author of a briefing note */
  return g_strdup_printf (_("Prepared by %s"), content->author);
}

char *
_brief_export_source_details (BriefExportSource *source)
{
  GString *details = g_string_new (NULL);
  const char *parts[] = { source->site, source->byline, NULL };
  BriefDate published;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL)
        continue;
      if (details->len > 0)
        g_string_append (details, ", ");
      g_string_append (details, parts[i]);
    }

  if (source->published != NULL)
    {
      g_autofree char *label = NULL;

      if (brief_date_parse_value (source->published, &published))
        label = brief_date_format (&published);
      if (details->len > 0)
        g_string_append (details, ", ");
      g_string_append (details, label != NULL ? label : source->published);
    }
  return g_string_free (details, FALSE);
}

void
_brief_export_date_span (const BriefDate *date,
                         guint32         *out_first,
                         guint32         *out_last)
{
  GDate first, last;

  brief_date_get_earliest (date, &first);
  brief_date_get_latest (date, &last);
  *out_first = g_date_get_julian (&first);
  *out_last = g_date_get_julian (&last);
}

void
_brief_export_event_span (const BriefExportEvent *event,
                          guint32                *out_first,
                          guint32                *out_last)
{
  _brief_export_date_span (&event->date, out_first, out_last);
  if (event->has_end)
    {
      guint32 end_first, end_last;

      _brief_export_date_span (&event->end_date, &end_first, &end_last);
      *out_last = MAX (*out_last, end_last);
    }
}

GBytes *
brief_export_write (BriefExportContent  *content,
                    BriefExportFormat    format,
                    GError             **error)
{
  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (format < BRIEF_EXPORT_N_FORMATS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case BRIEF_EXPORT_FORMAT_PDF:
      return _brief_export_write_pdf (content, error);
    case BRIEF_EXPORT_FORMAT_FODT:
      return _brief_export_write_fodt (content);
    case BRIEF_EXPORT_FORMAT_HTML:
      return _brief_export_write_html (content);
    case BRIEF_EXPORT_FORMAT_MARKDOWN:
      return _brief_export_write_markdown (content);
    case BRIEF_EXPORT_FORMAT_JSON:
      return _brief_export_write_json (content);
    case BRIEF_EXPORT_FORMAT_TIMELINE_JSON:
      return _brief_export_write_timelinejs (content);
    case BRIEF_EXPORT_FORMAT_ICALENDAR:
      return _brief_export_write_icalendar (content);
    case BRIEF_EXPORT_FORMAT_CSV:
      return _brief_export_write_csv (content);
    case BRIEF_EXPORT_N_FORMATS:
    default:
      g_return_val_if_reached (NULL);
    }
}
