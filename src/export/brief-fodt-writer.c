/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-fodt-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "brief-export-private.h"

/* OpenDocument Text as one flat XML file (ODF 1.3 part 3, section 2.2.1),
 * written with libxml2's xmlTextWriter. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextWriter, xmlFreeTextWriter)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlBuffer, xmlBufferFree)

#define W(call) G_STMT_START { if ((call) < 0) g_warning ("xmlTextWriter failed at %s", #call); } G_STMT_END

static const char *namespaces[][2] = {
  { "xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
  { "xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
  { "xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
  { "xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0" },
  { "xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" },
  { "xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" },
  { "xmlns:xlink", "http://www.w3.org/1999/xlink" },
  { "xmlns:dc", "http://purl.org/dc/elements/1.1/" },
  { "xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0" },
};

static void
start (xmlTextWriter *writer,
       const char    *name)
{
  W (xmlTextWriterStartElement (writer, BAD_CAST name));
}

static void
end (xmlTextWriter *writer)
{
  W (xmlTextWriterEndElement (writer));
}

/* XML 1.0 cannot carry most C0 control characters, even escaped, nor the
 * noncharacters U+FFFE and U+FFFF: a title or note may hold them. */
static char *
xml_safe (const char *value)
{
  GString *safe = g_string_sized_new (strlen (value));

  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        g_string_append (safe, "\xEF\xBF\xBD");
      else if (c == 0xEF && (guchar) p[1] == 0xBF && ((guchar) p[2] == 0xBE || (guchar) p[2] == 0xBF))
        {
          g_string_append (safe, "\xEF\xBF\xBD");
          p += 2;
        }
      else
        g_string_append_c (safe, (char) c);
    }
  return g_string_free (safe, FALSE);
}

static void
attribute (xmlTextWriter *writer,
           const char    *name,
           const char    *value)
{
  g_autofree char *safe = xml_safe (value);

  W (xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST safe));
}

static void
text (xmlTextWriter *writer,
      const char    *value)
{
  g_autofree char *safe = xml_safe (value);

  W (xmlTextWriterWriteString (writer, BAD_CAST safe));
}

static void
paragraph (xmlTextWriter *writer,
           const char    *style,
           const char    *value)
{
  start (writer, "text:p");
  attribute (writer, "text:style-name", style);
  if (value != NULL)
    text (writer, value);
  end (writer);
}

static void
heading (xmlTextWriter *writer,
         guint          level,
         const char    *value)
{
  g_autofree char *style = g_strdup_printf ("Heading_20_%u", MIN (level, 3));
  g_autofree char *outline = g_strdup_printf ("%u", level);

  start (writer, "text:h");
  attribute (writer, "text:style-name", style);
  attribute (writer, "text:outline-level", outline);
  text (writer, value);
  end (writer);
}

static void
reference (xmlTextWriter *writer,
           guint          source)
{
  g_autofree char *label = NULL;

  if (source == 0)
    return;
  label = g_strdup_printf ("[%u]", source);
  start (writer, "text:span");
  attribute (writer, "text:style-name", "Reference");
  text (writer, label);
  end (writer);
}

/* One reference for each source that tells @event. */
static void
event_references (xmlTextWriter          *writer,
                  const BriefExportEvent *event)
{
  reference (writer, event->source);
  for (guint i = 0; event->more_sources != NULL && i < event->more_sources->len; i++)
    {
      text (writer, " ");
      reference (writer, g_array_index (event->more_sources, guint, i));
    }
}

/* A paragraph style: @parent, then "key=value" pairs for paragraph-properties
 * and text-properties separated by a "|". */
static void
style (xmlTextWriter *writer,
       const char    *name,
       const char    *display_name,
       const char    *parent,
       const char   **paragraph_properties,
       const char   **text_properties)
{
  start (writer, "style:style");
  attribute (writer, "style:name", name);
  if (display_name != NULL)
    attribute (writer, "style:display-name", display_name);
  attribute (writer, "style:family", "paragraph");
  if (parent != NULL)
    attribute (writer, "style:parent-style-name", parent);
  if (paragraph_properties != NULL)
    {
      start (writer, "style:paragraph-properties");
      for (const char **p = paragraph_properties; *p != NULL; p += 2)
        attribute (writer, p[0], p[1]);
      end (writer);
    }
  if (text_properties != NULL)
    {
      start (writer, "style:text-properties");
      for (const char **p = text_properties; *p != NULL; p += 2)
        attribute (writer, p[0], p[1]);
      end (writer);
    }
  end (writer);
}

static void
font_face (xmlTextWriter *writer,
           const char    *name,
           const char    *family,
           const char    *generic)
{
  start (writer, "style:font-face");
  attribute (writer, "style:name", name);
  attribute (writer, "svg:font-family", family);
  attribute (writer, "style:font-family-generic", generic);
  end (writer);
}

static void
write_span_styles (xmlTextWriter *writer)
{
  const char *names[][3] = {
    { "Strong", "fo:font-weight", "bold" },
    { "Emphasis", "fo:font-style", "italic" },
    { "Code", "style:font-name", "Mono" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      start (writer, "style:style");
      attribute (writer, "style:name", names[i][0]);
      attribute (writer, "style:family", "text");
      start (writer, "style:text-properties");
      attribute (writer, names[i][1], names[i][2]);
      end (writer);
      end (writer);
    }
  start (writer, "style:style");
  attribute (writer, "style:name", "StrongEmphasis");
  attribute (writer, "style:family", "text");
  start (writer, "style:text-properties");
  attribute (writer, "fo:font-weight", "bold");
  attribute (writer, "fo:font-style", "italic");
  end (writer);
  end (writer);
}

static void
write_styles (xmlTextWriter *writer)
{
  start (writer, "office:font-face-decls");
  font_face (writer, "Serif", "'Noto Serif'", "roman");
  font_face (writer, "Sans", "Cantarell", "swiss");
  font_face (writer, "Mono", "'Noto Sans Mono'", "modern");
  end (writer);

  start (writer, "office:styles");
  start (writer, "style:default-style");
  attribute (writer, "style:family", "paragraph");
  start (writer, "style:text-properties");
  attribute (writer, "style:font-name", "Serif");
  attribute (writer, "fo:font-size", "10.5pt");
  attribute (writer, "fo:hyphenate", "true");
  end (writer);
  end (writer);

  style (writer, "Standard", NULL, NULL, NULL, NULL);
  style (writer, "Text_20_body", "Text body", "Standard",
         (const char *[]) { "fo:margin-bottom", "0.2cm", "fo:line-height", "118%",
                            "fo:orphans", "2", "fo:widows", "2", NULL },
         NULL);
  style (writer, "Heading", NULL, "Standard",
         (const char *[]) { "fo:margin-top", "0.5cm", "fo:margin-bottom", "0.2cm",
                            "fo:keep-with-next", "always", NULL },
         (const char *[]) { "style:font-name", "Sans", "fo:font-weight", "bold",
                            "fo:color", "#1f3a5f", "fo:hyphenate", "false", NULL });
  style (writer, "Heading_20_1", "Heading 1", "Heading", NULL,
         (const char *[]) { "fo:font-size", "14pt", NULL });
  style (writer, "Heading_20_2", "Heading 2", "Heading", NULL,
         (const char *[]) { "fo:font-size", "12pt", NULL });
  style (writer, "Heading_20_3", "Heading 3", "Heading", NULL,
         (const char *[]) { "fo:font-size", "11pt", NULL });
  style (writer, "Title", NULL, "Heading",
         (const char *[]) { "fo:margin-top", "0cm", NULL },
         (const char *[]) { "fo:font-size", "22pt", NULL });
  style (writer, "Subtitle", NULL, "Standard", NULL,
         (const char *[]) { "style:font-name", "Sans", "fo:font-size", "13pt", NULL });
  style (writer, "Kicker", NULL, "Standard", NULL,
         (const char *[]) { "style:font-name", "Sans", "fo:font-size", "8.5pt",
                            "fo:letter-spacing", "0.06cm", "fo:color", "#61666f", NULL });
  style (writer, "Meta", NULL, "Standard",
         (const char *[]) { "fo:margin-bottom", "0.3cm", "fo:border-bottom", "1.2pt solid #1f3a5f",
                            "fo:padding-bottom", "0.2cm", NULL },
         (const char *[]) { "style:font-name", "Sans", "fo:color", "#61666f", NULL });
  style (writer, "Marking", NULL, "Standard",
         (const char *[]) { "fo:text-align", "center", NULL },
         (const char *[]) { "style:font-name", "Sans", "fo:font-size", "9pt", "fo:font-weight", "bold",
                            "fo:color", "#9e1414", "fo:text-transform", "uppercase", NULL });
  style (writer, "Footer", NULL, "Standard",
         (const char *[]) { "fo:text-align", "end", NULL },
         (const char *[]) { "style:font-name", "Sans", "fo:font-size", "8pt", "fo:color", "#61666f", NULL });
  style (writer, "Note", NULL, "Text_20_body", NULL,
         (const char *[]) { "fo:font-size", "9pt", "fo:font-style", "italic", "fo:color", "#61666f", NULL });
  style (writer, "Table_20_Heading", "Table Heading", "Standard", NULL,
         (const char *[]) { "style:font-name", "Sans", "fo:font-size", "9pt", "fo:font-weight", "bold", NULL });
  style (writer, "Table_20_Contents", "Table Contents", "Standard", NULL,
         (const char *[]) { "fo:font-size", "9.5pt", NULL });
  style (writer, "Quotations", NULL, "Text_20_body",
         (const char *[]) { "fo:margin-left", "0.6cm", "fo:border-left", "1.5pt solid #b8bdc7",
                            "fo:padding-left", "0.3cm", "fo:keep-together", "always", NULL },
         (const char *[]) { "fo:font-style", "italic", NULL });
  style (writer, "Attribution", NULL, "Quotations",
         (const char *[]) { "fo:margin-bottom", "0.3cm", NULL },
         (const char *[]) { "fo:font-style", "normal", "style:font-name", "Sans", "fo:font-size", "9pt", NULL });
  style (writer, "List_20_Item", "List Item", "Text_20_body",
         (const char *[]) { "fo:margin-left", "0.6cm", "fo:text-indent", "-0.4cm",
                            "fo:margin-bottom", "0.1cm", NULL },
         NULL);
  style (writer, "Source", NULL, "Text_20_body",
         (const char *[]) { "fo:margin-left", "0.9cm", "fo:text-indent", "-0.9cm",
                            "fo:keep-together", "always", NULL },
         (const char *[]) { "fo:font-size", "9.5pt", NULL });
  style (writer, "Preformatted_20_Text", "Preformatted Text", "Standard", NULL,
         (const char *[]) { "style:font-name", "Mono", "fo:font-size", "8.5pt", NULL });

  start (writer, "style:style");
  attribute (writer, "style:name", "Reference");
  attribute (writer, "style:family", "text");
  start (writer, "style:text-properties");
  attribute (writer, "fo:color", "#61666f");
  end (writer);
  end (writer);
  write_span_styles (writer);
  end (writer);
}

static void
column_style (xmlTextWriter *writer,
              const char    *name,
              const char    *width)
{
  start (writer, "style:style");
  attribute (writer, "style:name", name);
  attribute (writer, "style:family", "table-column");
  start (writer, "style:table-column-properties");
  attribute (writer, "style:column-width", width);
  end (writer);
  end (writer);
}

static void
write_automatic_styles (xmlTextWriter *writer)
{
  start (writer, "office:automatic-styles");

  start (writer, "style:style");
  attribute (writer, "style:name", "Table");
  attribute (writer, "style:family", "table");
  start (writer, "style:table-properties");
  attribute (writer, "style:width", "17cm");
  attribute (writer, "table:align", "margins");
  attribute (writer, "fo:margin-bottom", "0.3cm");
  end (writer);
  end (writer);
  column_style (writer, "ColumnDate", "3.7cm");
  column_style (writer, "ColumnWide", "11.6cm");
  column_style (writer, "ColumnName", "5.8cm");
  column_style (writer, "ColumnRole", "9.5cm");
  column_style (writer, "ColumnSource", "1.7cm");

  /* Table rows never split across pages. */
  start (writer, "style:style");
  attribute (writer, "style:name", "Row");
  attribute (writer, "style:family", "table-row");
  start (writer, "style:table-row-properties");
  attribute (writer, "fo:keep-together", "always");
  end (writer);
  end (writer);

  start (writer, "style:style");
  attribute (writer, "style:name", "Cell");
  attribute (writer, "style:family", "table-cell");
  start (writer, "style:table-cell-properties");
  attribute (writer, "fo:padding", "0.08cm");
  attribute (writer, "fo:border-bottom", "0.5pt solid #b8bdc7");
  end (writer);
  end (writer);

  start (writer, "style:style");
  attribute (writer, "style:name", "HeadCell");
  attribute (writer, "style:family", "table-cell");
  start (writer, "style:table-cell-properties");
  attribute (writer, "fo:padding", "0.08cm");
  attribute (writer, "fo:background-color", "#e1e6ed");
  attribute (writer, "fo:border-bottom", "0.8pt solid #1f3a5f");
  end (writer);
  end (writer);

  start (writer, "style:page-layout");
  attribute (writer, "style:name", "Page");
  start (writer, "style:page-layout-properties");
  attribute (writer, "fo:page-width", "21cm");
  attribute (writer, "fo:page-height", "29.7cm");
  attribute (writer, "style:print-orientation", "portrait");
  attribute (writer, "fo:margin-top", "1.2cm");
  attribute (writer, "fo:margin-bottom", "1.2cm");
  attribute (writer, "fo:margin-left", "2cm");
  attribute (writer, "fo:margin-right", "2cm");
  end (writer);
  start (writer, "style:header-style");
  start (writer, "style:header-footer-properties");
  attribute (writer, "fo:min-height", "0.6cm");
  attribute (writer, "fo:margin-bottom", "0.4cm");
  end (writer);
  end (writer);
  start (writer, "style:footer-style");
  start (writer, "style:header-footer-properties");
  attribute (writer, "fo:min-height", "0.6cm");
  attribute (writer, "fo:margin-top", "0.4cm");
  end (writer);
  end (writer);
  end (writer);

  end (writer);
}

static void
write_master_page (xmlTextWriter      *writer,
                   BriefExportContent *content)
{
  /* "Page %u of %u" is cut around its numbers, which become fields. */
  g_auto(GStrv) parts = g_strsplit (_("Page %u of %u"), "%u", -1);

  start (writer, "office:master-styles");
  start (writer, "style:master-page");
  attribute (writer, "style:name", "Standard");
  attribute (writer, "style:page-layout-name", "Page");

  start (writer, "style:header");
  paragraph (writer, "Marking", content->marking);
  end (writer);

  start (writer, "style:footer");
  paragraph (writer, "Marking", content->marking);
  start (writer, "text:p");
  attribute (writer, "text:style-name", "Footer");
  if (g_strv_length (parts) == 3)
    {
      text (writer, parts[0]);
      start (writer, "text:page-number");
      attribute (writer, "text:select-page", "current");
      text (writer, "1");
      end (writer);
      text (writer, parts[1]);
      start (writer, "text:page-count");
      text (writer, "1");
      end (writer);
      text (writer, parts[2]);
    }
  else
    {
      start (writer, "text:page-number");
      attribute (writer, "text:select-page", "current");
      text (writer, "1");
      end (writer);
    }
  end (writer);
  end (writer);

  end (writer);
  end (writer);
}

static void
start_table (xmlTextWriter *writer,
             const char    *name,
             const char   **columns,
             const char   **titles,
             guint          n)
{
  start (writer, "table:table");
  attribute (writer, "table:name", name);
  attribute (writer, "table:style-name", "Table");
  for (guint i = 0; i < n; i++)
    {
      start (writer, "table:table-column");
      attribute (writer, "table:style-name", columns[i]);
      end (writer);
    }
  start (writer, "table:table-header-rows");
  start (writer, "table:table-row");
  attribute (writer, "table:style-name", "Row");
  for (guint i = 0; i < n; i++)
    {
      start (writer, "table:table-cell");
      attribute (writer, "table:style-name", "HeadCell");
      attribute (writer, "office:value-type", "string");
      paragraph (writer, "Table_20_Heading", titles[i]);
      end (writer);
    }
  end (writer);
  end (writer);
}

static void
start_cell (xmlTextWriter *writer)
{
  start (writer, "table:table-cell");
  attribute (writer, "table:style-name", "Cell");
  attribute (writer, "office:value-type", "string");
}

static void
text_cell (xmlTextWriter *writer,
           const char    *value)
{
  start_cell (writer);
  paragraph (writer, "Table_20_Contents", value);
  end (writer);
}

static void
reference_cell (xmlTextWriter *writer,
                guint          source)
{
  start_cell (writer);
  start (writer, "text:p");
  attribute (writer, "text:style-name", "Table_20_Contents");
  reference (writer, source);
  end (writer);
  end (writer);
}

static void
write_runs (xmlTextWriter *writer,
            GPtrArray     *runs)
{
  for (guint i = 0; i < runs->len; i++)
    {
      BriefNoteRun *run = g_ptr_array_index (runs, i);
      const char *style_name = NULL;

      if (run->link != NULL)
        {
          start (writer, "text:a");
          attribute (writer, "xlink:type", "simple");
          attribute (writer, "xlink:href", run->link);
        }
      if (run->flags & BRIEF_NOTE_RUN_CODE)
        style_name = "Code";
      else if ((run->flags & BRIEF_NOTE_RUN_STRONG) && (run->flags & BRIEF_NOTE_RUN_EMPHASIS))
        style_name = "StrongEmphasis";
      else if (run->flags & BRIEF_NOTE_RUN_STRONG)
        style_name = "Strong";
      else if (run->flags & BRIEF_NOTE_RUN_EMPHASIS)
        style_name = "Emphasis";

      if (style_name != NULL)
        {
          start (writer, "text:span");
          attribute (writer, "text:style-name", style_name);
        }
      if (g_str_equal (run->text, "\n"))
        {
          start (writer, "text:line-break");
          end (writer);
        }
      else
        text (writer, run->text);
      if (style_name != NULL)
        end (writer);
      if (run->link != NULL)
        end (writer);
    }
}

static void
write_notes (xmlTextWriter      *writer,
             BriefExportContent *content)
{
  g_autoptr(GPtrArray) blocks = _brief_export_parse_notes (content->notes);

  heading (writer, 1, _brief_export_section_title (BRIEF_EXPORT_SECTION_NOTES));
  for (guint i = 0; i < blocks->len; i++)
    {
      BriefNoteBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == BRIEF_NOTE_BLOCK_HEADING)
        {
          g_autofree char *level = g_strdup_printf ("%u", MIN (block->level + 1, 10));

          start (writer, "text:h");
          attribute (writer, "text:style-name", block->level <= 1 ? "Heading_20_2" : "Heading_20_3");
          attribute (writer, "text:outline-level", level);
          write_runs (writer, block->runs);
          end (writer);
          continue;
        }

      start (writer, "text:p");
      switch (block->kind)
        {
        case BRIEF_NOTE_BLOCK_ITEM:
          attribute (writer, "text:style-name", "List_20_Item");
          if (block->number > 0)
            {
              g_autofree char *number = g_strdup_printf ("%u.\t", block->number);
              text (writer, number);
            }
          else
            text (writer, "•\t");
          break;
        case BRIEF_NOTE_BLOCK_CODE:
          attribute (writer, "text:style-name", "Preformatted_20_Text");
          break;
        case BRIEF_NOTE_BLOCK_PARAGRAPH:
        case BRIEF_NOTE_BLOCK_HEADING:
        default:
          attribute (writer, "text:style-name", block->quote ? "Quotations" : "Text_20_body");
          break;
        }
      write_runs (writer, block->runs);
      end (writer);
    }
}

static void
write_body (xmlTextWriter      *writer,
            BriefExportContent *content)
{
  g_autofree char *prepared_for = _brief_export_prepared_for (content);
  g_autofree char *prepared_by = _brief_export_prepared_by (content);
  g_autofree char *meta = prepared_by != NULL ? g_strdup_printf ("%s · %s", prepared_by, content->date)
                                              : g_strdup (content->date);

  start (writer, "office:body");
  start (writer, "office:text");

  paragraph (writer, "Kicker", _("BRIEFING NOTE"));
  paragraph (writer, "Title", content->title);
  if (prepared_for != NULL)
    paragraph (writer, "Subtitle", prepared_for);
  paragraph (writer, "Meta", meta);

  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_KEY_POINTS))
    {
      heading (writer, 1, _brief_export_section_title (BRIEF_EXPORT_SECTION_KEY_POINTS));
      for (guint i = 0; i < content->events->len; i++)
        {
          BriefExportEvent *event = g_ptr_array_index (content->events, i);

          if (!event->starred)
            continue;
          start (writer, "text:p");
          attribute (writer, "text:style-name", "List_20_Item");
          text (writer, "•\t");
          start (writer, "text:span");
          attribute (writer, "text:style-name", "Strong");
          text (writer, event->date_label);
          end (writer);
          text (writer, " — ");
          text (writer, event->title);
          text (writer, " ");
          event_references (writer, event);
          end (writer);
        }
    }

  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_CHRONOLOGY))
    {
      const char *columns[] = { "ColumnDate", "ColumnWide", "ColumnSource" };
      const char *titles[] = { _("Date"), _("Event"), _("Source") };
      const char *note = _brief_export_events_note (content);

      heading (writer, 1, _brief_export_section_title (BRIEF_EXPORT_SECTION_CHRONOLOGY));
      if (note != NULL)
        paragraph (writer, "Note", note);
      if (content->events->len == 0)
        paragraph (writer, "Text_20_body", _("No dated events were found in the sources."));
      else
        {
          start_table (writer, "Chronology", columns, titles, 3);
          for (guint i = 0; i < content->events->len; i++)
            {
              BriefExportEvent *event = g_ptr_array_index (content->events, i);

              start (writer, "table:table-row");
              attribute (writer, "table:style-name", "Row");
              text_cell (writer, event->date_label);
              start_cell (writer);
              start (writer, "text:p");
              attribute (writer, "text:style-name", "Table_20_Contents");
              if (event->starred)
                {
                  start (writer, "text:span");
                  attribute (writer, "text:style-name", "Strong");
                }
              text (writer, event->title);
              if (event->starred)
                end (writer);
              end (writer);
              if (event->conflict != NULL)
                {
                  g_autofree char *disagree = _brief_export_conflict_note (event);

                  paragraph (writer, "Table_20_Contents", disagree);
                }
              end (writer);
              start_cell (writer);
              start (writer, "text:p");
              attribute (writer, "text:style-name", "Table_20_Contents");
              event_references (writer, event);
              end (writer);
              end (writer);
              end (writer);
            }
          end (writer);
        }
    }

  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_PEOPLE))
    {
      const char *columns[] = { "ColumnName", "ColumnRole", "ColumnSource" };
      const char *titles[] = { _("Name"), _("Role"), _("Source") };

      heading (writer, 1, _brief_export_section_title (BRIEF_EXPORT_SECTION_PEOPLE));
      start_table (writer, "People", columns, titles, 3);
      for (guint i = 0; i < content->entities->len; i++)
        {
          BriefExportEntity *entity = g_ptr_array_index (content->entities, i);

          start (writer, "table:table-row");
          attribute (writer, "table:style-name", "Row");
          text_cell (writer, entity->name);
          text_cell (writer, entity->role != NULL ? entity->role : "");
          reference_cell (writer, entity->source);
          end (writer);
        }
      end (writer);
    }

  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_QUOTES))
    {
      heading (writer, 1, _brief_export_section_title (BRIEF_EXPORT_SECTION_QUOTES));
      for (guint i = 0; i < content->quotes->len; i++)
        {
          BriefExportQuote *quote = g_ptr_array_index (content->quotes, i);
          g_autofree char *quoted = g_strdup_printf ("“%s”", quote->text);
          g_autofree char *speaker = quote->role != NULL
                                       ? g_strdup_printf ("— %s, %s ", quote->speaker, quote->role)
                                       : g_strdup_printf ("— %s ", quote->speaker);

          paragraph (writer, "Quotations", quoted);
          start (writer, "text:p");
          attribute (writer, "text:style-name", "Attribution");
          text (writer, speaker);
          reference (writer, quote->source);
          end (writer);
        }
    }

  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_NOTES))
    write_notes (writer, content);

  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_SOURCES))
    {
      heading (writer, 1, _brief_export_section_title (BRIEF_EXPORT_SECTION_SOURCES));
      for (guint i = 0; i < content->sources->len; i++)
        {
          BriefExportSource *source = g_ptr_array_index (content->sources, i);
          g_autofree char *number = g_strdup_printf ("[%u]\t", source->number);
          g_autofree char *details = _brief_export_source_details (source);

          start (writer, "text:p");
          attribute (writer, "text:style-name", "Source");
          text (writer, number);
          start (writer, "text:span");
          attribute (writer, "text:style-name", "Strong");
          text (writer, source->title);
          end (writer);
          if (*details != '\0')
            {
              text (writer, ". ");
              text (writer, details);
            }
          text (writer, ". ");
          if (source->url != NULL)
            {
              start (writer, "text:a");
              attribute (writer, "xlink:type", "simple");
              attribute (writer, "xlink:href", source->url);
              text (writer, source->url);
              end (writer);
            }
          else if (source->path != NULL)
            {
              start (writer, "text:span");
              attribute (writer, "text:style-name", "Code");
              text (writer, source->path);
              end (writer);
            }
          end (writer);
        }
    }

  end (writer);
  end (writer);
}

GBytes *
_brief_export_write_fodt (BriefExportContent *content)
{
  g_autoptr(xmlBuffer) buffer = xmlBufferCreate ();
  g_autoptr(xmlTextWriter) writer = xmlNewTextWriterMemory (buffer, 0);
  g_autofree char *generated = g_date_time_format_iso8601 (content->generated);

  W (xmlTextWriterSetIndent (writer, 1));
  W (xmlTextWriterSetIndentString (writer, BAD_CAST " "));
  W (xmlTextWriterStartDocument (writer, NULL, "UTF-8", NULL));
  start (writer, "office:document");
  for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
    attribute (writer, namespaces[i][0], namespaces[i][1]);
  attribute (writer, "office:version", "1.3");
  attribute (writer, "office:mimetype", "application/vnd.oasis.opendocument.text");

  start (writer, "office:meta");
  start (writer, "dc:title");
  text (writer, content->title);
  end (writer);
  if (content->author != NULL)
    {
      start (writer, "dc:creator");
      text (writer, content->author);
      end (writer);
    }
  start (writer, "dc:date");
  text (writer, generated);
  end (writer);
  start (writer, "meta:generator");
  text (writer, "Briefing/" PACKAGE_VERSION);
  end (writer);
  end (writer);

  write_styles (writer);
  write_automatic_styles (writer);
  write_master_page (writer, content);
  write_body (writer, content);

  end (writer);
  W (xmlTextWriterEndDocument (writer));
  g_clear_pointer (&writer, xmlFreeTextWriter);

  return g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
}
