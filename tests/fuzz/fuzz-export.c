/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The exporters fed with a random briefing: fields, articles and the user's
 * decisions about events all come from the fuzz input, then every writer runs.
 * Oracles: Markdown and JSON are valid UTF-8, the JSON parses, the TimeML and
 * FODT are well-formed XML and the .briefing file loads back.  The writers of
 * brief-export.h (PDF, FODT, HTML, Markdown, JSON, iCalendar, CSV) run when
 * that header exists. */
#include "config.h"

#include "fuzz-common.h"

#include <libxml/parser.h>

#include "brief-analysis.h"
#include "brief-briefing-file.h"
#include "brief-briefing.h"
#include "brief-json-writer.h"
#include "brief-markdown-writer.h"
#include "brief-timeml-writer.h"
#if __has_include("brief-export.h")
#include "brief-export.h"
#define HAVE_BRIEF_EXPORT 1
#endif

#define SEPARATOR '\x1e'
#define MAX_ARTICLES 4

static BriefDateTagger *tagger;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_logging ();
  tagger = brief_date_tagger_new ();
  xmlInitParser ();
  return 0;
}

static void
check_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (json == NULL || !g_utf8_validate (json, -1, NULL))
    abort ();
  if (!json_parser_load_from_data (parser, json, -1, &error))
    {
      fprintf (stderr, "the JSON writer wrote JSON that does not parse: %s\n", error->message);
      abort ();
    }
}

static void
check_timeml (const char *timeml)
{
  xmlDoc *doc;

  if (timeml == NULL)
    abort ();
  doc = xmlReadMemory (timeml, strlen (timeml), "fuzz.tml", "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      fprintf (stderr, "the TimeML writer wrote a document that is not well-formed XML\n");
      abort ();
    }
  xmlFreeDoc (doc);
}

static void
edit_events (BriefBriefing *briefing,
             FuzzReader    *reader)
{
  GListModel *events = brief_briefing_get_events (briefing);
  guint n = g_list_model_get_n_items (events);

  for (guint i = 0; i < n && i < 16; i++)
    {
      g_autoptr(BriefEvent) event = g_list_model_get_item (events, i);
      guint8 action = fuzz_reader_byte (reader);

      switch (action % 5)
        {
        case 0:
          brief_briefing_edit_event_state (briefing, event, BRIEF_EVENT_STATE_ACCEPTED);
          break;
        case 1:
          brief_briefing_edit_event_state (briefing, event, BRIEF_EVENT_STATE_HIDDEN);
          break;
        case 2:
          brief_briefing_edit_event_starred (briefing, event, TRUE);
          break;
        case 3:
          {
            g_autofree char *title = fuzz_reader_utf8 (reader, SEPARATOR);
            if (title != NULL)
              brief_briefing_edit_event_title (briefing, event, title);
          }
          break;
        default:
          break;
        }
    }
}

#ifdef HAVE_BRIEF_EXPORT
/* Every format of brief_export_write() on a snapshot of @briefing with the
 * sections @flags pick; the XML ones must be well-formed, the JSON ones
 * must parse.  PDF (slow) only for one input in four. */
static void
write_every_format (BriefBriefing *briefing,
                    guint8         flags,
                    FuzzReader    *reader)
{
  BriefExportOptions options;
  g_autoptr(BriefExportContent) content = NULL;
  g_autofree char *name = fuzz_reader_utf8 (reader, SEPARATOR);
  g_autofree char *quote = fuzz_reader_utf8 (reader, SEPARATOR);

  brief_export_options_init (&options);
  options.sections = fuzz_reader_byte (reader) & BRIEF_EXPORT_SECTION_ALL;
  options.include_hidden = flags & 4;
  options.fall_back_to_suggested = flags & 8;
  content = brief_export_content_new (briefing, &options);
  if (name != NULL && name[0] != '\0')
    brief_export_content_add_entity (content, name, flags & 16 ? "person" : "organisation",
                                     quote, 1);
  if (quote != NULL && quote[0] != '\0')
    brief_export_content_add_quote (content, quote, name != NULL ? name : "Someone", NULL, 1);

  for (guint format = 0; format < BRIEF_EXPORT_N_FORMATS; format++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize length;
      const char *data;

      if (format == BRIEF_EXPORT_FORMAT_PDF && (flags & 0x30) != 0x30)
        continue;
      bytes = brief_export_write (content, format, &error);
      if (bytes == NULL)
        {
          if (error == NULL)
            abort ();
          continue;
        }
      data = g_bytes_get_data (bytes, &length);
      if (format == BRIEF_EXPORT_FORMAT_FODT)
        {
          xmlDoc *doc = xmlReadMemory (data, (int) length, "fuzz.fodt", NULL,
                                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
          if (doc == NULL)
            {
              fprintf (stderr, "the FODT writer wrote a document that is not well-formed XML\n");
              abort ();
            }
          xmlFreeDoc (doc);
        }
      else if (format == BRIEF_EXPORT_FORMAT_JSON || format == BRIEF_EXPORT_FORMAT_TIMELINE_JSON)
        {
          g_autofree char *json = g_strndup (data, length);
          check_json (json);
        }
      else if (format != BRIEF_EXPORT_FORMAT_PDF && !g_utf8_validate (data, length, NULL))
        {
          fprintf (stderr, "%s export is not valid UTF-8\n", brief_export_format_get_name (format));
          abort ();
        }
    }
}
#endif

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const properties[] = { "title", "author", "audience", "marking", "date", "notes" };
  FuzzReader reader;
  guint8 flags;
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(BriefBriefing) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;

  fuzz_reader_init (&reader, data, size);
  flags = fuzz_reader_byte (&reader);

  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      g_autofree char *value = fuzz_reader_utf8 (&reader, SEPARATOR);
      if (value != NULL && value[0] != '\0')
        brief_briefing_edit_text (briefing, properties[i], value);
    }

  for (guint i = 0; i < MAX_ARTICLES; i++)
    {
      g_autofree char *title = fuzz_reader_utf8 (&reader, SEPARATOR);
      g_autofree char *text = fuzz_reader_utf8 (&reader, SEPARATOR);
      g_autoptr(BriefArticle) article = NULL;
      g_autoptr(BriefAnalysis) analysis = NULL;
      g_autoptr(JsonNode) article_json = NULL;
      g_autoptr(JsonNode) analysis_json = NULL;
      g_autofree char *json = NULL;
      g_autofree char *timeml = NULL;
      const char *dct = fuzz_pick_dct (flags + i);

      if (text == NULL)
        break;
      article = brief_article_new ();
      brief_article_set_plain_text (article, text);
      if (title[0] != '\0')
        brief_article_set_title (article, title);
      brief_article_set_published (article, dct);
      brief_article_set_url (article, i % 2 ? "https://example.org/a?b=1&c=<2>" : NULL);
      analysis = brief_analysis_run (tagger, brief_article_get_text (article), dct,
                                     flags & 1 ? BRIEF_DOCUMENT_NARRATIVE : BRIEF_DOCUMENT_NEWS);
      brief_briefing_add_article (briefing, article, analysis);

      article_json = brief_json_from_article (article);
      analysis_json = brief_json_from_analysis (article, analysis);
      json = brief_json_to_string (analysis_json, flags & 2);
      check_json (json);
      g_clear_pointer (&json, g_free);
      json = brief_json_to_string (article_json, FALSE);
      check_json (json);

      timeml = brief_timeml_write (title, brief_analysis_get_text (analysis), dct,
                                   brief_analysis_get_timexes (analysis));
      check_timeml (timeml);
    }

  edit_events (briefing, &reader);

  markdown = brief_markdown_write (briefing);
  if (markdown == NULL || !g_utf8_validate (markdown, -1, NULL))
    abort ();

#ifdef HAVE_BRIEF_EXPORT
  write_every_format (briefing, flags, &reader);
#endif

  saved = brief_briefing_serialize (briefing);
  loaded = brief_briefing_deserialize (saved, &error);
  if (loaded == NULL)
    {
      fprintf (stderr, "a saved briefing does not load: %s\n", error->message);
      abort ();
    }
  return 0;
}
