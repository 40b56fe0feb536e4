/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "test-export-fixture.h"

static GBytes *
export (BriefExportContent *content,
        BriefExportFormat   format)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = brief_export_write (content, format, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static JsonNode *
parse_json (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_formats (void)
{
  BriefExportFormat format;
  g_autofree char *list = brief_export_format_list_extensions ();

  g_assert_true (brief_export_format_for_filename ("note.timeline.json", &format));
  g_assert_cmpint (format, ==, BRIEF_EXPORT_FORMAT_TIMELINE_JSON);
  g_assert_true (brief_export_format_for_filename ("note.JSON", &format));
  g_assert_cmpint (format, ==, BRIEF_EXPORT_FORMAT_JSON);
  g_assert_true (brief_export_format_for_filename ("/tmp/a.b/note.fodt", &format));
  g_assert_cmpint (format, ==, BRIEF_EXPORT_FORMAT_FODT);
  g_assert_false (brief_export_format_for_filename ("note.doc", NULL));
  g_assert_false (brief_export_format_for_filename ("note.briefing", NULL));
  g_assert_false (brief_export_format_for_filename (".pdf", NULL));

  for (guint i = 0; i < BRIEF_EXPORT_N_FORMATS; i++)
    {
      g_assert_nonnull (brief_export_format_get_name (i));
      g_assert_nonnull (strchr (brief_export_format_get_mime_type (i), '/'));
      g_assert_nonnull (strstr (list, brief_export_format_get_extension (i)));
    }
}

static void
test_json (void)
{
  g_autoptr(BriefBriefing) briefing = brief_test_export_briefing ();
  g_autoptr(BriefExportContent) content = brief_test_export_content (briefing, TRUE);
  g_autoptr(GBytes) bytes = export (content, BRIEF_EXPORT_FORMAT_JSON);
  g_autoptr(JsonNode) root = parse_json (bytes);
  JsonObject *object = json_node_get_object (root);
  JsonArray *events = json_object_get_array_member (object, "events");

  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Millbrook flood barrier: progress & costs");
  g_assert_cmpstr (json_object_get_string_member (object, "marking"), ==, "Official-Sensitive");
  g_assert_cmpuint (json_array_get_length (events), ==, content->events->len);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "sources")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "entities")), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "quotes")), ==, 2);
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);
      JsonObject *date = json_object_get_object_member (event, "date");

      g_assert_cmpstr (json_object_get_string_member (event, "state"), ==, "accepted");
      g_assert_cmpint (json_object_get_int_member (event, "source"), >=, 1);
      g_assert_cmpstr (json_object_get_string_member (date, "earliest"), <=,
                       json_object_get_string_member (date, "latest"));
    }
}

/* A span's dates both reach the JSON and Markdown; a month of no known
 * year is listed with no calendar days, and left out of calendars. */
static void
test_spans_and_unknown_years (void)
{
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  BriefDate start = { BRIEF_DATE_PRECISION_YEAR, 2001, 0, 0, 0 };
  BriefDate end = { BRIEF_DATE_PRECISION_YEAR, 2009, 0, 0, 0 };
  BriefDate july;
  g_autoptr(BriefEvent) span = brief_event_new (&start, "from 2001 to 2009", "Dredging runs", NULL);
  g_autoptr(BriefEvent) yearless = NULL;
  g_autoptr(BriefExportContent) content = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GBytes) markdown = NULL;
  g_autoptr(GBytes) ics = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *events;
  JsonObject *date;

  g_assert_true (brief_event_parse_yearless_value ("XXXX-07", &july));
  yearless = brief_event_new (&july, "in July", "Committee meets", NULL);
  brief_event_set_year_known (yearless, FALSE);
  brief_event_set_end_date (span, &end);
  brief_event_set_state (span, BRIEF_EVENT_STATE_ACCEPTED);
  brief_event_set_state (yearless, BRIEF_EVENT_STATE_ACCEPTED);
  brief_briefing_add_event (briefing, span);
  brief_briefing_add_event (briefing, yearless);
  content = brief_export_content_new (briefing, NULL);

  json = export (content, BRIEF_EXPORT_FORMAT_JSON);
  root = parse_json (json);
  events = json_object_get_array_member (json_node_get_object (root), "events");
  g_assert_cmpuint (json_array_get_length (events), ==, 2);
  date = json_object_get_object_member (json_array_get_object_element (events, 0), "date");
  g_assert_cmpstr (json_object_get_string_member (date, "value"), ==, "2001");
  g_assert_cmpstr (json_object_get_string_member (date, "end"), ==, "2009");
  g_assert_cmpstr (json_object_get_string_member (date, "label"), ==, "2001 – 2009");
  g_assert_cmpstr (json_object_get_string_member (date, "earliest"), ==, "2001-01-01");
  g_assert_cmpstr (json_object_get_string_member (date, "latest"), ==, "2009-12-31");
  date = json_object_get_object_member (json_array_get_object_element (events, 1), "date");
  g_assert_cmpstr (json_object_get_string_member (date, "value"), ==, "XXXX-07");
  g_assert_cmpstr (json_object_get_string_member (date, "label"), ==, "July (year unknown)");
  g_assert_true (json_node_is_null (json_object_get_member (date, "earliest")));

  markdown = export (content, BRIEF_EXPORT_FORMAT_MARKDOWN);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (markdown, NULL), g_bytes_get_size (markdown), "2001 – 2009"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (markdown, NULL), g_bytes_get_size (markdown), "July (year unknown)"));

  ics = export (content, BRIEF_EXPORT_FORMAT_ICALENDAR);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (ics, NULL), g_bytes_get_size (ics), "DTEND;VALUE=DATE:20100101"));
  g_assert_null (g_strstr_len (g_bytes_get_data (ics, NULL), g_bytes_get_size (ics), "Committee meets"));
}

/* The TimelineJS rules (https://timeline.knightlab.com/docs/json-format.html)
 * as a small schema: date parts are integers in range, partial dates say how
 * to show themselves, every slide and era has a headline. */
static void
check_timeline_date (JsonObject *date,
                     gboolean    want_display)
{
  gboolean has_day;

  g_assert_nonnull (date);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (date, "year")), ==, G_TYPE_INT64);
  if (json_object_has_member (date, "month"))
    {
      g_assert_cmpint (json_node_get_value_type (json_object_get_member (date, "month")), ==, G_TYPE_INT64);
      g_assert_cmpint (json_object_get_int_member (date, "month"), >=, 1);
      g_assert_cmpint (json_object_get_int_member (date, "month"), <=, 12);
    }
  has_day = json_object_has_member (date, "day");
  if (has_day)
    {
      g_assert_true (json_object_has_member (date, "month"));
      g_assert_cmpint (json_node_get_value_type (json_object_get_member (date, "day")), ==, G_TYPE_INT64);
      g_assert_cmpint (json_object_get_int_member (date, "day"), >=, 1);
      g_assert_cmpint (json_object_get_int_member (date, "day"), <=, 31);
    }
  if (want_display && !has_day)
    g_assert_nonnull (json_object_get_string_member (date, "display_date"));
  for (const char **key = (const char *[]) { "hour", "minute", "second", "millisecond", NULL }; *key != NULL; key++)
    g_assert_false (json_object_has_member (date, *key));
}

static void
check_headline (JsonObject *slide)
{
  JsonObject *text = json_object_get_object_member (slide, "text");

  g_assert_nonnull (text);
  g_assert_cmpstr (json_object_get_string_member (text, "headline"), !=, "");
}

static void
test_timelinejs (void)
{
  g_autoptr(BriefBriefing) briefing = brief_test_export_briefing ();
  g_autoptr(BriefExportContent) content = brief_test_export_content (briefing, FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *object;
  JsonArray *events;
  guint n_eras = 0, n_partial = 0, n_media = 0;

  /* The 1990s: a decade, which TimelineJS shows as an era. */
  for (guint i = 0; i < content->events->len; i++)
    {
      BriefExportEvent *event = g_ptr_array_index (content->events, i);
      n_eras += event->date.precision < BRIEF_DATE_PRECISION_YEAR;
    }

  bytes = export (content, BRIEF_EXPORT_FORMAT_TIMELINE_JSON);
  g_test_message ("%.*s", (int) g_bytes_get_size (bytes), (const char *) g_bytes_get_data (bytes, NULL));
  root = parse_json (bytes);
  object = json_node_get_object (root);
  check_headline (json_object_get_object_member (object, "title"));
  events = json_object_get_array_member (object, "events");
  g_assert_cmpuint (json_array_get_length (events) + n_eras, ==, content->events->len);

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);
      JsonObject *start = json_object_get_object_member (event, "start_date");
      const char *id = json_object_get_string_member (event, "unique_id");

      check_timeline_date (start, TRUE);
      if (json_object_has_member (event, "end_date"))
        check_timeline_date (json_object_get_object_member (event, "end_date"), TRUE);
      n_partial += !json_object_has_member (start, "day");
      check_headline (event);
      g_assert_nonnull (json_object_get_string_member (event, "group"));
      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, (gpointer) id);
      if (json_object_has_member (event, "media"))
        {
          const char *url = json_object_get_string_member (json_object_get_object_member (event, "media"), "url");

          g_assert_true (g_str_has_prefix (url, "<blockquote>"));
          g_assert_true (g_str_has_suffix (url, "</blockquote>"));
          g_assert_null (strstr (url + 12, "<"  "delays"));
          n_media++;
        }
    }
  g_assert_cmpuint (n_partial, >, 0);
  g_assert_cmpuint (n_media, >, 0);

  if (n_eras > 0)
    {
      JsonArray *eras = json_object_get_array_member (object, "eras");

      g_assert_cmpuint (json_array_get_length (eras), ==, n_eras);
      for (guint i = 0; i < n_eras; i++)
        {
          JsonObject *era = json_array_get_object_element (eras, i);

          check_timeline_date (json_object_get_object_member (era, "start_date"), TRUE);
          check_timeline_date (json_object_get_object_member (era, "end_date"), TRUE);
          check_headline (era);
        }
    }
  else
    g_assert_false (json_object_has_member (object, "eras"));
}

/* RFC 5545 as a reader sees it. */
static void
test_icalendar (void)
{
  g_autoptr(BriefBriefing) briefing = brief_test_export_large (3, 40);
  g_autoptr(BriefExportContent) content = brief_export_content_new (briefing, NULL);
  g_autoptr(GBytes) bytes = export (content, BRIEF_EXPORT_FORMAT_ICALENDAR);
  gsize length;
  const char *ics = g_bytes_get_data (bytes, &length);
  g_autofree char *text = g_strndup (ics, length);
  g_auto(GStrv) physical = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  guint n_events = 0, n_folded = 0;
  g_autofree char *dtstart = NULL;
  gboolean saw_escaped_comma = FALSE;

  /* CRLF everywhere, no bare LF or CR. */
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\n')
        g_assert_true (i > 0 && text[i - 1] == '\r');
      if (text[i] == '\r')
        g_assert_true (i + 1 < length && text[i + 1] == '\n');
    }

  physical = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; physical[i] != NULL && (physical[i + 1] != NULL || *physical[i] != '\0'); i++)
    {
      /* Lines of at most 75 octets, never cut inside a character. */
      g_assert_cmpuint (strlen (physical[i]), <=, 75);
      g_assert_true (g_utf8_validate (physical[i], -1, NULL));
      if (physical[i][0] == ' ' || physical[i][0] == '\t')
        {
          char *previous = g_ptr_array_index (lines, lines->len - 1);

          g_ptr_array_index (lines, lines->len - 1) = g_strconcat (previous, physical[i] + 1, NULL);
          g_free (previous);
          n_folded++;
        }
      else
        g_ptr_array_add (lines, g_strdup (physical[i]));
    }
  g_assert_cmpuint (n_folded, >, 0);

  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "BEGIN:VCALENDAR");
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      g_assert_nonnull (strchr (line, ':'));
      if (g_str_has_prefix (line, "BEGIN:"))
        g_ptr_array_add (stack, (gpointer) (line + 6));
      else if (g_str_has_prefix (line, "END:"))
        {
          g_assert_cmpuint (stack->len, >, 0);
          g_assert_cmpstr (g_ptr_array_index (stack, stack->len - 1), ==, line + 4);
          g_ptr_array_set_size (stack, stack->len - 1);
          if (g_str_equal (line, "END:VEVENT"))
            {
              g_assert_nonnull (dtstart);
              g_clear_pointer (&dtstart, g_free);
            }
        }
      else if (g_str_has_prefix (line, "DTSTART;VALUE=DATE:"))
        {
          dtstart = g_strdup (line + strlen ("DTSTART;VALUE=DATE:"));
          g_assert_cmpuint (strlen (dtstart), ==, 8);
          n_events++;
        }
      else if (g_str_has_prefix (line, "DTEND;VALUE=DATE:"))
        {
          /* Exclusive end: after the start. */
          g_assert_nonnull (dtstart);
          g_assert_cmpstr (line + strlen ("DTEND;VALUE=DATE:"), >, dtstart);
        }
      else if (g_str_has_prefix (line, "SUMMARY:"))
        saw_escaped_comma |= strstr (line, "the council\\, ") != NULL;
      else if (g_str_has_prefix (line, "DESCRIPTION:"))
        g_assert_null (strchr (line, '\n'));
    }
  g_assert_cmpuint (stack->len, ==, 0);
  g_assert_cmpuint (n_events, ==, content->events->len);
  g_assert_true (saw_escaped_comma);
  g_assert_nonnull (strstr (text, "\r\nUID:"));
  g_assert_nonnull (strstr (text, "\r\nDTSTAMP:"));
}

static void
test_icalendar_partial_dates (void)
{
  g_autoptr(BriefBriefing) briefing = brief_test_export_briefing ();
  g_autoptr(BriefExportContent) content = brief_test_export_content (briefing, FALSE);
  g_autoptr(GBytes) bytes = export (content, BRIEF_EXPORT_FORMAT_ICALENDAR);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* March 2021 is the whole month; 12 June 2022 one day. */
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20210301\r\nDTEND;VALUE=DATE:20210401\r\n"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20220612\r\nDTEND;VALUE=DATE:20220613\r\n"));
}

/* A reader of RFC 4180 records, to read the CSV back. */
static GPtrArray *
read_csv (const char *text,
          gsize       length)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gsize i = 0;

  while (i < length)
    {
      if (text[i] == '"' && field->len == 0)
        {
          for (i++; ; i++)
            {
              g_assert_cmpuint (i, <, length);
              if (text[i] == '"' && i + 1 < length && text[i + 1] == '"')
                {
                  g_string_append_c (field, '"');
                  i++;
                }
              else if (text[i] == '"')
                {
                  i++;
                  break;
                }
              else
                g_string_append_c (field, text[i]);
            }
          g_assert_true (i == length || text[i] == ',' || text[i] == '\r');
          continue;
        }
      if (text[i] == ',')
        {
          g_ptr_array_add (record, g_strdup (field->str));
          g_string_truncate (field, 0);
          i++;
        }
      else if (text[i] == '\r')
        {
          g_assert_cmpint (text[i + 1], ==, '\n');
          g_ptr_array_add (record, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (records, record);
          record = g_ptr_array_new_with_free_func (g_free);
          i += 2;
        }
      else
        {
          /* An unquoted field holds no quote, CR or LF. */
          g_assert_cmpint (text[i], !=, '"');
          g_assert_cmpint (text[i], !=, '\n');
          g_string_append_c (field, text[i++]);
        }
    }
  g_assert_cmpuint (record->len, ==, 0);
  g_ptr_array_unref (record);
  g_string_free (field, TRUE);
  return records;
}

static void
test_csv (void)
{
  g_autoptr(BriefBriefing) briefing = brief_test_export_briefing ();
  g_autoptr(BriefExportContent) content = brief_test_export_content (briefing, FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) records = NULL;
  BriefExportEvent *first = g_ptr_array_index (content->events, 0);
  const char *tricky = "He said \"no, never\",\r\nthen left; 50% \"done\"\n";

  g_free (first->sentence);
  first->sentence = g_strdup (tricky);
  g_free (first->title);
  first->title = g_strdup ("\"Quoted\", with commas");

  bytes = export (content, BRIEF_EXPORT_FORMAT_CSV);
  records = read_csv (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpuint (records->len, ==, content->events->len + 1);
  for (guint i = 0; i < records->len; i++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (records, i))->len, ==, 12);
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (records, 0), 5), ==, "title");

  for (guint i = 0; i < content->events->len; i++)
    {
      BriefExportEvent *event = g_ptr_array_index (content->events, i);
      GPtrArray *record = g_ptr_array_index (records, i + 1);

      g_assert_cmpstr (g_ptr_array_index (record, 1), ==, event->date_label);
      g_assert_cmpstr (g_ptr_array_index (record, 5), ==, event->title);
      g_assert_cmpstr (g_ptr_array_index (record, 11), ==, event->sentence ? event->sentence : "");
    }
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export/formats", test_formats);
  g_test_add_func ("/export/json", test_json);
  g_test_add_func ("/export/json/spans-and-unknown-years", test_spans_and_unknown_years);
  g_test_add_func ("/export/timelinejs", test_timelinejs);
  g_test_add_func ("/export/icalendar", test_icalendar);
  g_test_add_func ("/export/icalendar/partial-dates", test_icalendar_partial_dates);
  g_test_add_func ("/export/csv", test_csv);

  return g_test_run ();
}
