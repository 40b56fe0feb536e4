/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-html-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <string.h>

#include "brief-export-private.h"

/* Standalone HTML: one file, no external resources, built as a libxml2 tree
 * so that every text and attribute is escaped by the serialiser. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* The BCP 47 tag of the user's language, "en-GB" from "en_GB.UTF-8". */
static char *
document_language (void)
{
  const char *name = g_get_language_names ()[0];
  GString *tag = g_string_new (NULL);

  if (name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX"))
    name = "en";
  for (const char *p = name; *p != '\0' && *p != '.' && *p != '@'; p++)
    g_string_append_c (tag, *p == '_' ? '-' : *p);
  return g_string_free (tag, FALSE);
}

static const char style_sheet[] =
  ":root { color: #1a1a1f; background: #fff; }\n"
  "body { font: 11pt/1.45 'Noto Serif', 'Source Serif 4', Georgia, serif; max-width: 46em;"
  " margin: 2em auto; padding: 0 1.5em; hyphens: auto; }\n"
  "h1, h2, h3, h4, th, .kicker, .marking, .meta, figcaption, .refs {"
  " font-family: Cantarell, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif; }\n"
  "h1 { color: #1f3a5f; font-size: 2em; line-height: 1.15; margin: .2em 0 .3em; }\n"
  "h2 { color: #1f3a5f; font-size: 1.3em; margin-top: 1.6em; break-after: avoid; page-break-after: avoid; }\n"
  "h3, h4 { color: #1f3a5f; break-after: avoid; page-break-after: avoid; }\n"
  ".kicker { letter-spacing: .15em; color: #61666f; font-size: .8em; margin: 0; }\n"
  ".subtitle { font-size: 1.2em; margin: 0; }\n"
  ".meta { color: #61666f; margin: .3em 0 1em; }\n"
  ".marking { text-align: center; font-weight: bold; color: #9e1414; text-transform: uppercase;"
  " letter-spacing: .05em; }\n"
  "header.title { border-bottom: 2px solid #1f3a5f; margin-bottom: 1em; }\n"
  "table { border-collapse: collapse; width: 100%; font-size: .95em; }\n"
  "th { text-align: left; background: #e1e6ed; border-bottom: 1px solid #1f3a5f; }\n"
  "th, td { padding: .25em .5em; vertical-align: top; }\n"
  "tbody tr:nth-child(even) { background: #eef0f4; }\n"
  "tr, blockquote, li { break-inside: avoid; page-break-inside: avoid; }\n"
  "td.date { white-space: nowrap; font-family: Cantarell, 'Noto Sans', Arial, sans-serif; }\n"
  "blockquote { border-left: 3px solid #b8bdc7; margin: .8em 0; padding-left: 1em; font-style: italic; }\n"
  "blockquote footer { font-style: normal; font-size: .9em; }\n"
  ".note { color: #61666f; font-style: italic; font-size: .9em; }\n"
  ".conflict { color: #8a4b00; font-style: italic; font-size: .9em; margin: .2em 0; }\n"
  "ol.sources { padding-left: 2.2em; }\n"
  "ol.sources .location { font-family: 'Noto Sans Mono', monospace; font-size: .85em; word-break: break-all; }\n"
  "a { color: #1f3a5f; }\n"
  "@page { size: A4; margin: 20mm; }\n"
  "@media print {\n"
  "  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }\n"
  "  .marking { position: fixed; left: 0; right: 0; }\n"
  "  .marking.top { top: -12mm; }\n"
  "  .marking.bottom { bottom: -12mm; }\n"
  "  a { color: inherit; text-decoration: none; }\n"
  "}\n";

static xmlNode *
add_element (xmlNode    *parent,
             const char *name,
             const char *class_name,
             const char *text)
{
  xmlNode *node = xmlNewChild (parent, NULL, BAD_CAST name, NULL);

  if (class_name != NULL)
    xmlSetProp (node, BAD_CAST "class", BAD_CAST class_name);
  if (text != NULL)
    xmlAddChild (node, xmlNewText (BAD_CAST text));
  return node;
}

static void
add_text (xmlNode    *parent,
          const char *text)
{
  xmlAddChild (parent, xmlNewText (BAD_CAST text));
}

static void
add_reference (xmlNode *parent,
               guint    source)
{
  g_autofree char *href = NULL;
  g_autofree char *label = NULL;
  xmlNode *link;

  if (source == 0)
    return;
  href = g_strdup_printf ("#source-%u", source);
  label = g_strdup_printf ("[%u]", source);
  add_text (parent, " ");
  link = add_element (parent, "a", "ref", label);
  xmlSetProp (link, BAD_CAST "href", BAD_CAST href);
}

/* One link for each source that tells @event. */
static void
add_event_references (xmlNode                *parent,
                      const BriefExportEvent *event)
{
  add_reference (parent, event->source);
  for (guint i = 0; event->more_sources != NULL && i < event->more_sources->len; i++)
    add_reference (parent, g_array_index (event->more_sources, guint, i));
}

static xmlNode *
add_section (xmlNode             *body,
             BriefExportSections  section,
             const char          *id)
{
  xmlNode *node = add_element (body, "section", NULL, NULL);

  xmlSetProp (node, BAD_CAST "id", BAD_CAST id);
  add_element (node, "h2", NULL, _brief_export_section_title (section));
  return node;
}

static xmlNode *
add_table (xmlNode     *parent,
           const char **titles,
           guint        n)
{
  xmlNode *table = add_element (parent, "table", NULL, NULL);
  xmlNode *row = add_element (add_element (table, "thead", NULL, NULL), "tr", NULL, NULL);

  for (guint i = 0; i < n; i++)
    xmlSetProp (add_element (row, "th", NULL, titles[i]), BAD_CAST "scope", BAD_CAST "col");
  return add_element (table, "tbody", NULL, NULL);
}

static void
add_title_block (xmlNode            *body,
                 BriefExportContent *content)
{
  xmlNode *header = add_element (body, "header", "title", NULL);
  g_autofree char *prepared_for = _brief_export_prepared_for (content);
  g_autofree char *prepared_by = _brief_export_prepared_by (content);
  GString *meta = g_string_new (NULL);

  add_element (header, "p", "kicker", _("BRIEFING NOTE"));
  add_element (header, "h1", NULL, content->title);
  if (prepared_for != NULL)
    add_element (header, "p", "subtitle", prepared_for);
  if (prepared_by != NULL)
    g_string_append_printf (meta, "%s · ", prepared_by);
  g_string_append (meta, content->date);
  add_element (header, "p", "meta", meta->str);
  g_string_free (meta, TRUE);
}

static void
add_events (xmlNode            *body,
            BriefExportContent *content)
{
  const char *titles[] = { _("Date"), _("Event"), _("Source") };
  const char *note = _brief_export_events_note (content);
  xmlNode *section = add_section (body, BRIEF_EXPORT_SECTION_CHRONOLOGY, "chronology");
  xmlNode *rows;

  if (content->events->len == 0)
    {
      add_element (section, "p", NULL, _("No dated events were found in the sources."));
      return;
    }
  if (note != NULL)
    add_element (section, "p", "note", note);

  rows = add_table (section, titles, G_N_ELEMENTS (titles));
  for (guint i = 0; i < content->events->len; i++)
    {
      BriefExportEvent *event = g_ptr_array_index (content->events, i);
      xmlNode *row = add_element (rows, "tr", event->starred ? "key" : NULL, NULL);
      xmlNode *date = add_element (row, "td", "date", NULL);
      xmlNode *time = add_element (date, "time", NULL, event->date_label);
      g_autofree char *value = brief_date_to_value (&event->date);
      xmlNode *title = add_element (row, "td", NULL, NULL);

      /* HTML's datetime takes years and months; quarters and wider dates stay text. */
      if (event->year_known && !event->has_end &&
          (event->date.precision >= BRIEF_DATE_PRECISION_MONTH || event->date.precision == BRIEF_DATE_PRECISION_YEAR))
        xmlSetProp (time, BAD_CAST "datetime", BAD_CAST value);
      if (event->starred)
        add_element (title, "strong", NULL, event->title);
      else
        add_text (title, event->title);
      if (event->sentence != NULL)
        add_element (add_element (title, "blockquote", NULL, NULL), "p", NULL, event->sentence);
      if (event->conflict != NULL)
        {
          g_autofree char *disagree = _brief_export_conflict_note (event);

          add_element (title, "p", "conflict", disagree);
        }
      add_event_references (add_element (row, "td", "refs", NULL), event);
    }
}

static void
add_sources (xmlNode            *body,
             BriefExportContent *content)
{
  xmlNode *section = add_section (body, BRIEF_EXPORT_SECTION_SOURCES, "sources");
  xmlNode *list = add_element (section, "ol", "sources", NULL);

  for (guint i = 0; i < content->sources->len; i++)
    {
      BriefExportSource *source = g_ptr_array_index (content->sources, i);
      g_autofree char *id = g_strdup_printf ("source-%u", source->number);
      g_autofree char *details = _brief_export_source_details (source);
      xmlNode *item = add_element (list, "li", NULL, NULL);

      xmlSetProp (item, BAD_CAST "id", BAD_CAST id);
      add_element (item, "cite", NULL, source->title);
      if (*details != '\0')
        {
          add_text (item, ". ");
          add_text (item, details);
        }
      add_text (item, ". ");
      if (source->url != NULL)
        {
          xmlNode *link = add_element (item, "a", "location", source->url);
          xmlSetProp (link, BAD_CAST "href", BAD_CAST source->url);
        }
      else if (source->path != NULL)
        add_element (item, "span", "location", source->path);
    }
}

/* The notes go through CommonMark's renderer without raw HTML, then through
 * libxml2's HTML parser into the tree, so that they are escaped like the rest. */
static void
add_notes (xmlNode            *body,
           BriefExportContent *content)
{
  xmlNode *section = add_section (body, BRIEF_EXPORT_SECTION_NOTES, "notes");
  g_autofree char *fragment = _brief_export_notes_to_html (content->notes);
  g_autofree char *page = g_strdup_printf ("<html><body><div>%s</div></body></html>", fragment);
  g_autoptr(xmlDoc) notes = htmlReadMemory (page, (int) strlen (page), NULL, "UTF-8",
                                            HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  xmlNode *root = notes != NULL ? xmlDocGetRootElement (notes) : NULL;
  xmlNode *div = NULL;

  for (xmlNode *node = root != NULL ? root->children : NULL; node != NULL && div == NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, BAD_CAST "body"))
      div = node->children;
  if (div == NULL)
    return;
  for (xmlNode *node = div->children; node != NULL; node = node->next)
    xmlAddChild (section, xmlDocCopyNode (node, section->doc, 1));
}

GBytes *
_brief_export_write_html (BriefExportContent *content)
{
  g_autoptr(xmlDoc) doc = htmlNewDocNoDtD (NULL, NULL);
  xmlNode *html = xmlNewNode (NULL, BAD_CAST "html");
  xmlNode *head, *body, *meta, *main;
  xmlChar *text = NULL;
  int length = 0;
  g_autofree char *language = document_language ();
  GString *out;

  xmlCreateIntSubset (doc, BAD_CAST "html", NULL, NULL);
  xmlDocSetRootElement (doc, html);
  xmlSetProp (html, BAD_CAST "lang", BAD_CAST language);

  head = add_element (html, "head", NULL, NULL);
  meta = add_element (head, "meta", NULL, NULL);
  xmlSetProp (meta, BAD_CAST "charset", BAD_CAST "utf-8");
  meta = add_element (head, "meta", NULL, NULL);
  xmlSetProp (meta, BAD_CAST "name", BAD_CAST "viewport");
  xmlSetProp (meta, BAD_CAST "content", BAD_CAST "width=device-width, initial-scale=1");
  meta = add_element (head, "meta", NULL, NULL);
  xmlSetProp (meta, BAD_CAST "name", BAD_CAST "generator");
  xmlSetProp (meta, BAD_CAST "content", BAD_CAST "Briefing " PACKAGE_VERSION);
  if (content->author != NULL)
    {
      meta = add_element (head, "meta", NULL, NULL);
      xmlSetProp (meta, BAD_CAST "name", BAD_CAST "author");
      xmlSetProp (meta, BAD_CAST "content", BAD_CAST content->author);
    }
  add_element (head, "title", NULL, content->title);
  add_element (head, "style", NULL, style_sheet);

  body = add_element (html, "body", NULL, NULL);
  if (content->marking != NULL)
    add_element (body, "p", "marking top", content->marking);
  main = add_element (body, "main", NULL, NULL);
  add_title_block (main, content);

  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_KEY_POINTS))
    {
      xmlNode *list = add_element (add_section (main, BRIEF_EXPORT_SECTION_KEY_POINTS, "key-points"),
                                   "ul", NULL, NULL);

      for (guint i = 0; i < content->events->len; i++)
        {
          BriefExportEvent *event = g_ptr_array_index (content->events, i);
          xmlNode *item;

          if (!event->starred)
            continue;
          item = add_element (list, "li", NULL, NULL);
          add_element (item, "strong", NULL, event->date_label);
          add_text (item, " — ");
          add_text (item, event->title);
          add_event_references (item, event);
        }
    }
  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_CHRONOLOGY))
    add_events (main, content);
  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_PEOPLE))
    {
      const char *titles[] = { _("Name"), _("Role"), _("Source") };
      xmlNode *rows = add_table (add_section (main, BRIEF_EXPORT_SECTION_PEOPLE, "people"),
                                 titles, G_N_ELEMENTS (titles));

      for (guint i = 0; i < content->entities->len; i++)
        {
          BriefExportEntity *entity = g_ptr_array_index (content->entities, i);
          xmlNode *row = add_element (rows, "tr", entity->kind, NULL);

          add_element (row, "td", NULL, entity->name);
          add_element (row, "td", NULL, entity->role != NULL ? entity->role : "");
          add_reference (add_element (row, "td", "refs", NULL), entity->source);
        }
    }
  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_QUOTES))
    {
      xmlNode *section = add_section (main, BRIEF_EXPORT_SECTION_QUOTES, "quotes");

      for (guint i = 0; i < content->quotes->len; i++)
        {
          BriefExportQuote *quote = g_ptr_array_index (content->quotes, i);
          xmlNode *block = add_element (section, "blockquote", NULL, NULL);
          xmlNode *footer;
          g_autofree char *attribution = NULL;

          add_element (block, "p", NULL, quote->text);
          footer = add_element (block, "footer", NULL, "— ");
          add_element (footer, "cite", NULL, quote->speaker);
          if (quote->role != NULL)
            {
              attribution = g_strdup_printf (", %s", quote->role);
              add_text (footer, attribution);
            }
          add_reference (footer, quote->source);
        }
    }
  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_NOTES))
    add_notes (main, content);
  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_SOURCES))
    add_sources (main, content);
  if (content->marking != NULL)
    add_element (body, "p", "marking bottom", content->marking);

  htmlDocDumpMemoryFormat (doc, &text, &length, 1);
  out = g_string_new_len ((const char *) text, length);
  xmlFree (text);
  return g_string_free_to_bytes (out);
}
