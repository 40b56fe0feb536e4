/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-data-writers"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "brief-export-private.h"

/* The data formats: JSON, TimelineJS JSON, iCalendar and CSV. */

static const char *
precision_name (BriefDatePrecision precision)
{
  switch (precision)
    {
    case BRIEF_DATE_PRECISION_CENTURY: return "century";
    case BRIEF_DATE_PRECISION_DECADE: return "decade";
    case BRIEF_DATE_PRECISION_YEAR: return "year";
    case BRIEF_DATE_PRECISION_QUARTER: return "quarter";
    case BRIEF_DATE_PRECISION_MONTH: return "month";
    case BRIEF_DATE_PRECISION_DAY: return "day";
    default: g_return_val_if_reached ("day");
    }
}

static const char *
state_name (BriefEventState state)
{
  switch (state)
    {
    case BRIEF_EVENT_STATE_ACCEPTED: return "accepted";
    case BRIEF_EVENT_STATE_HIDDEN: return "hidden";
    case BRIEF_EVENT_STATE_SUGGESTED:
    default: return "suggested";
    }
}

static char *
iso_day (guint32 julian)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, julian);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&day),
                          g_date_get_month (&day), g_date_get_day (&day));
}

static GBytes *
bytes_from_string (GString *text)
{
  return g_string_free_to_bytes (text);
}

static GBytes *
bytes_from_node (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  char *text;
  gsize length;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* The other sources of an event told by several: "more_sources": [2, 3]. */
static void
add_more_sources (JsonBuilder            *builder,
                  const BriefExportEvent *event)
{
  if (event->more_sources == NULL)
    return;
  json_builder_set_member_name (builder, "more_sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < event->more_sources->len; i++)
    json_builder_add_int_value (builder, g_array_index (event->more_sources, guint, i));
  json_builder_end_array (builder);
}

/* JSON: the briefing's content */

GBytes *
_brief_export_write_json (BriefExportContent *content)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *generated = g_date_time_format_iso8601 (content->generated);

  json_builder_begin_object (builder);
  add_string_or_null (builder, "title", content->title);
  add_string_or_null (builder, "author", content->author);
  add_string_or_null (builder, "audience", content->audience);
  add_string_or_null (builder, "marking", content->marking);
  add_string_or_null (builder, "date", content->date);
  add_string_or_null (builder, "generated", generated);
  add_string_or_null (builder, "events_note", _brief_export_events_note (content));

  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < content->events->len; i++)
    {
      BriefExportEvent *event = g_ptr_array_index (content->events, i);
      g_autofree char *value = brief_date_to_value (&event->date);
      g_autofree char *end_value = NULL;
      guint32 first, last;
      g_autofree char *earliest = NULL;
      g_autofree char *latest = NULL;

      _brief_export_event_span (event, &first, &last);
      /* A month of no known year is nowhere on the calendar. */
      if (event->year_known)
        {
          earliest = iso_day (first);
          latest = iso_day (last);
        }
      else if (value != NULL && strlen (value) >= 4)
        memcpy (value, "XXXX", 4);
      if (event->has_end)
        end_value = brief_date_to_value (&event->end_date);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_begin_object (builder);
      add_string_or_null (builder, "value", value);
      if (end_value != NULL)
        add_string_or_null (builder, "end", end_value);
      add_string_or_null (builder, "label", event->date_label);
      add_string_or_null (builder, "precision", precision_name (event->date.precision));
      add_string_or_null (builder, "earliest", earliest);
      add_string_or_null (builder, "latest", latest);
      json_builder_end_object (builder);
      add_string_or_null (builder, "title", event->title);
      add_string_or_null (builder, "sentence", event->sentence);
      add_string_or_null (builder, "state", state_name (event->state));
      json_builder_set_member_name (builder, "starred");
      json_builder_add_boolean_value (builder, event->starred);
      json_builder_set_member_name (builder, "source");
      if (event->source > 0)
        json_builder_add_int_value (builder, event->source);
      else
        json_builder_add_null_value (builder);
      add_more_sources (builder, event);
      if (event->conflict != NULL)
        add_string_or_null (builder, "conflict", event->conflict);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "entities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < content->entities->len; i++)
    {
      BriefExportEntity *entity = g_ptr_array_index (content->entities, i);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "name", entity->name);
      add_string_or_null (builder, "kind", entity->kind);
      add_string_or_null (builder, "role", entity->role);
      json_builder_set_member_name (builder, "source");
      json_builder_add_int_value (builder, entity->source);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "quotes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < content->quotes->len; i++)
    {
      BriefExportQuote *quote = g_ptr_array_index (content->quotes, i);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "text", quote->text);
      add_string_or_null (builder, "speaker", quote->speaker);
      add_string_or_null (builder, "role", quote->role);
      json_builder_set_member_name (builder, "source");
      json_builder_add_int_value (builder, quote->source);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_string_or_null (builder, "notes", content->notes);

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < content->sources->len; i++)
    {
      BriefExportSource *source = g_ptr_array_index (content->sources, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, source->number);
      add_string_or_null (builder, "title", source->title);
      add_string_or_null (builder, "site", source->site);
      add_string_or_null (builder, "byline", source->byline);
      add_string_or_null (builder, "published", source->published);
      add_string_or_null (builder, "url", source->url);
      add_string_or_null (builder, "path", source->path);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return bytes_from_node (root);
}

/* TimelineJS: https://timeline.knightlab.com/docs/json-format.html */

static void
add_timeline_date (JsonBuilder *builder,
                   const char  *member,
                   int          year,
                   int          month,
                   int          day,
                   const char  *display_date)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, year);
  if (month > 0)
    {
      json_builder_set_member_name (builder, "month");
      json_builder_add_int_value (builder, month);
    }
  if (day > 0)
    {
      json_builder_set_member_name (builder, "day");
      json_builder_add_int_value (builder, day);
    }
  if (display_date != NULL)
    add_string_or_null (builder, "display_date", display_date);
  json_builder_end_object (builder);
}

static void
add_timeline_text (JsonBuilder *builder,
                   const char  *headline,
                   const char  *html)
{
  json_builder_set_member_name (builder, "text");
  json_builder_begin_object (builder);
  add_string_or_null (builder, "headline", headline);
  if (html != NULL)
    add_string_or_null (builder, "text", html);
  json_builder_end_object (builder);
}

static char *
source_group (BriefExportSource *source)
{
  if (source == NULL)
    return g_strdup (_("Added by hand"));
  return g_strdup_printf ("[%u] %s", source->number,
                          source->site != NULL ? source->site : source->title);
}

static char *
source_citation_html (BriefExportSource *source)
{
  g_autofree char *title = g_markup_escape_text (source->title, -1);

  if (source->url != NULL)
    {
      g_autofree char *url = g_markup_escape_text (source->url, -1);
      return g_strdup_printf ("[%u] <a href=\"%s\">%s</a>", source->number, url, title);
    }
  return g_strdup_printf ("[%u] %s", source->number, title);
}

GBytes *
_brief_export_write_timelinejs (BriefExportContent *content)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *prepared_for = _brief_export_prepared_for (content);
  g_autofree char *prepared_by = _brief_export_prepared_by (content);
  GString *intro = g_string_new (NULL);
  gboolean any_era = FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_begin_object (builder);
  {
    const char *lines[] = { prepared_for, prepared_by, content->date };

    for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
      if (lines[i] != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (lines[i], -1);
          g_string_append_printf (intro, "<p>%s</p>", escaped);
        }
  }
  add_timeline_text (builder, content->title, intro->len > 0 ? intro->str : NULL);
  g_string_free (intro, TRUE);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < content->events->len; i++)
    {
      BriefExportEvent *event = g_ptr_array_index (content->events, i);
      BriefExportSource *source = brief_export_content_get_source (content, event->source);
      const BriefDate *date = &event->date;
      g_autofree char *group = source_group (source);
      g_autofree char *id = g_strdup_printf ("event-%u", i + 1);
      GString *text = g_string_new (NULL);
      gboolean partial = date->precision != BRIEF_DATE_PRECISION_DAY;
      GDate first, last;

      /* A timeline cannot place a month of no known year. */
      if (!event->year_known)
        {
          g_string_free (text, TRUE);
          continue;
        }

      if (date->precision < BRIEF_DATE_PRECISION_YEAR)
        {
          /* Decades and centuries are backdrops: eras. */
          any_era = TRUE;
          g_string_free (text, TRUE);
          continue;
        }

      brief_date_get_earliest (date, &first);
      brief_date_get_latest (date, &last);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "unique_id", id);
      add_timeline_date (builder, "start_date", g_date_get_year (&first),
                         date->precision >= BRIEF_DATE_PRECISION_QUARTER ? g_date_get_month (&first) : 0,
                         date->precision == BRIEF_DATE_PRECISION_DAY ? g_date_get_day (&first) : 0,
                         partial ? event->date_label : NULL);
      if (date->precision == BRIEF_DATE_PRECISION_QUARTER)
        add_timeline_date (builder, "end_date", g_date_get_year (&last), g_date_get_month (&last), 0,
                           event->date_label);

      if (source != NULL)
        {
          g_autofree char *citation = source_citation_html (source);
          g_string_append_printf (text, "<p>%s</p>", citation);
        }
      add_timeline_text (builder, event->title, text->len > 0 ? text->str : NULL);
      g_string_free (text, TRUE);
      add_string_or_null (builder, "group", group);

      if (event->sentence != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (event->sentence, -1);
          g_autofree char *quote = g_strdup_printf ("<blockquote>%s</blockquote>", escaped);

          json_builder_set_member_name (builder, "media");
          json_builder_begin_object (builder);
          add_string_or_null (builder, "url", quote);
          if (source != NULL)
            {
              add_string_or_null (builder, "caption", source->title);
              if (source->site != NULL)
                add_string_or_null (builder, "credit", source->site);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (any_era)
    {
      json_builder_set_member_name (builder, "eras");
      json_builder_begin_array (builder);
      for (guint i = 0; i < content->events->len; i++)
        {
          BriefExportEvent *event = g_ptr_array_index (content->events, i);
          GDate first, last;

          if (event->date.precision >= BRIEF_DATE_PRECISION_YEAR || !event->year_known)
            continue;
          brief_date_get_earliest (&event->date, &first);
          brief_date_get_latest (&event->date, &last);
          json_builder_begin_object (builder);
          add_timeline_date (builder, "start_date", g_date_get_year (&first), 0, 0, event->date_label);
          add_timeline_date (builder, "end_date", g_date_get_year (&last), 0, 0, event->date_label);
          add_timeline_text (builder, event->title, NULL);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return bytes_from_node (root);
}

/* iCalendar, RFC 5545 */

/* Escapes a TEXT value (3.3.11). */
static void
append_ical_text (GString    *line,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (line, "\\\\"); break;
        case ';': g_string_append (line, "\\;"); break;
        case ',': g_string_append (line, "\\,"); break;
        case '\n': g_string_append (line, "\\n"); break;
        case '\r': break;
        default:
          if ((guchar) *p < 0x20 && *p != '\t')
            g_string_append_c (line, ' ');
          else
            g_string_append_c (line, *p);
        }
    }
}

/* Ends a content line with CRLF, folded so that no line is longer than 75
 * octets, never inside a UTF-8 character (3.1). */
static void
fold_line (GString    *out,
           const char *line)
{
  gsize length = strlen (line);
  gsize start = 0;
  gsize limit = 75;

  while (length - start > limit)
    {
      gsize end = start + limit;

      while (end > start && ((guchar) line[end] & 0xC0) == 0x80)
        end--;
      g_string_append_len (out, line + start, end - start);
      g_string_append (out, "\r\n ");
      start = end;
      limit = 74;  /* the leading space counts */
    }
  g_string_append (out, line + start);
  g_string_append (out, "\r\n");
}

static void
ical_property (GString    *out,
               const char *name,
               const char *text)
{
  GString *line = g_string_new (name);

  g_string_append_c (line, ':');
  append_ical_text (line, text);
  fold_line (out, line->str);
  g_string_free (line, TRUE);
}

static char *
ical_day (guint32 julian)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, julian);
  return g_strdup_printf ("%04d%02d%02d", g_date_get_year (&day),
                          g_date_get_month (&day), g_date_get_day (&day));
}

GBytes *
_brief_export_write_icalendar (BriefExportContent *content)
{
  GString *out = g_string_new (NULL);
  g_autofree char *stamp = g_date_time_format (content->generated, "%Y%m%dT%H%M%SZ");

  fold_line (out, "BEGIN:VCALENDAR");
  fold_line (out, "VERSION:2.0");
  fold_line (out, "PRODID:-//Briefing//Briefing " PACKAGE_VERSION "//EN");
  fold_line (out, "CALSCALE:GREGORIAN");
  fold_line (out, "METHOD:PUBLISH");
  ical_property (out, "X-WR-CALNAME", content->title);

  for (guint i = 0; i < content->events->len; i++)
    {
      BriefExportEvent *event = g_ptr_array_index (content->events, i);
      BriefExportSource *source = brief_export_content_get_source (content, event->source);
      g_autofree char *value = brief_date_to_value (&event->date);
      g_autofree char *key = g_strdup_printf ("%u\n%s\n%s\n%u", i, value, event->title, event->source);
      g_autofree char *checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, key, -1);
      g_autofree char *uid = g_strdup_printf ("%s@briefing", checksum);
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      g_autofree char *line = NULL;
      GString *description;
      guint32 first, last;

      /* A calendar has no place for a month of no known year. */
      if (!event->year_known)
        continue;
      description = g_string_new (NULL);
      _brief_export_event_span (event, &first, &last);
      start = ical_day (first);
      end = ical_day (last + 1);  /* DTEND is exclusive */

      fold_line (out, "BEGIN:VEVENT");
      ical_property (out, "UID", uid);
      line = g_strdup_printf ("DTSTAMP:%s", stamp);
      fold_line (out, line);
      g_clear_pointer (&line, g_free);
      line = g_strdup_printf ("DTSTART;VALUE=DATE:%s", start);
      fold_line (out, line);
      g_clear_pointer (&line, g_free);
      line = g_strdup_printf ("DTEND;VALUE=DATE:%s", end);
      fold_line (out, line);
      ical_property (out, "SUMMARY", event->title);

      if (event->date.precision != BRIEF_DATE_PRECISION_DAY || event->has_end)
        /* Translators: in a calendar event that spans a partial date */
        g_string_append_printf (description, _("Date: %s"), event->date_label);
      if (event->sentence != NULL)
        {
          if (description->len > 0)
            g_string_append (description, "\n\n");
          g_string_append_printf (description, "“%s”", event->sentence);
        }
      if (source != NULL)
        {
          g_autofree char *details = _brief_export_source_details (source);

          if (description->len > 0)
            g_string_append (description, "\n\n");
          g_string_append_printf (description, "[%u] %s", source->number, source->title);
          if (*details != '\0')
            g_string_append_printf (description, ", %s", details);
        }
      if (description->len > 0)
        ical_property (out, "DESCRIPTION", description->str);
      g_string_free (description, TRUE);
      if (source != NULL && source->url != NULL)
        {
          g_autofree char *url = g_strdup_printf ("URL:%s", source->url);
          fold_line (out, url);
        }
      if (event->starred)
        fold_line (out, "PRIORITY:1");
      fold_line (out, "TRANSP:TRANSPARENT");
      fold_line (out, "END:VEVENT");
    }
  fold_line (out, "END:VCALENDAR");
  return bytes_from_string (out);
}

/* CSV, RFC 4180 */

static void
append_csv_field (GString    *out,
                  const char *field,
                  gboolean    last)
{
  if (field == NULL)
    field = "";
  if (strpbrk (field, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, field);
  g_string_append (out, last ? "\r\n" : ",");
}

GBytes *
_brief_export_write_csv (BriefExportContent *content)
{
  GString *out = g_string_new (NULL);
  const char *header[] = { "date", "label", "precision", "earliest", "latest", "title",
                           "state", "starred", "source", "source_title", "source_url", "sentence" };

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_csv_field (out, header[i], i + 1 == G_N_ELEMENTS (header));

  for (guint i = 0; i < content->events->len; i++)
    {
      BriefExportEvent *event = g_ptr_array_index (content->events, i);
      BriefExportSource *source = brief_export_content_get_source (content, event->source);
      g_autofree char *value = brief_date_to_value (&event->date);
      g_autofree char *number = event->source > 0 ? g_strdup_printf ("%u", event->source) : NULL;
      g_autofree char *earliest = NULL;
      g_autofree char *latest = NULL;
      guint32 first, last;
      const char *fields[12];

      _brief_export_event_span (event, &first, &last);
      if (event->year_known)
        {
          earliest = iso_day (first);
          latest = iso_day (last);
        }
      else if (value != NULL && strlen (value) >= 4)
        memcpy (value, "XXXX", 4);
      fields[0] = value;
      fields[1] = event->date_label;
      fields[2] = precision_name (event->date.precision);
      fields[3] = earliest;
      fields[4] = latest;
      fields[5] = event->title;
      fields[6] = state_name (event->state);
      fields[7] = event->starred ? "yes" : "no";
      fields[8] = number;
      fields[9] = source != NULL ? source->title : NULL;
      fields[10] = source != NULL ? (source->url != NULL ? source->url : source->path) : NULL;
      fields[11] = event->sentence;
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        append_csv_field (out, fields[f], f + 1 == G_N_ELEMENTS (fields));
    }
  return bytes_from_string (out);
}
