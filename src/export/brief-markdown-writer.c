/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-markdown-writer"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-export-private.h"
#include "brief-markdown-writer.h"

/* Backslash-escapes what CommonMark would read as markup inside a line. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': case '`': case '*': case '_': case '[': case ']':
        case '<': case '>': case '#': case '|': case '~': case '!':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        case '\r':
          break;
        case '\n':
          g_string_append_c (out, ' ');
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

static void
append_autolink (GString    *out,
                 const char *url)
{
  g_string_append (out, ". <");
  /* Inside an autolink only '<', '>' and spaces break the link. */
  for (const char *p = url; *p != '\0'; p++)
    {
      if (*p == '<' || *p == '>' || *p == ' ')
        g_string_append_printf (out, "%%%02X", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '>');
}

/* A code span whose fence is longer than any run of backticks inside it. */
static void
append_code (GString    *out,
             const char *text)
{
  guint longest_run = 0;
  guint run = 0;
  g_autofree char *fence = NULL;

  for (const char *p = text; *p != '\0'; p++)
    {
      run = *p == '`' ? run + 1 : 0;
      longest_run = MAX (longest_run, run);
    }

  fence = g_strnfill (longest_run + 1, '`');
  g_string_append_printf (out, "%s %s %s", fence, text, fence);
}

static void
append_reference (GString *out,
                  guint    source)
{
  if (source > 0)
    g_string_append_printf (out, " [%u]", source);
}

/* One reference for each source that tells @event. */
static void
append_event_references (GString                *out,
                         const BriefExportEvent *event)
{
  append_reference (out, event->source);
  for (guint i = 0; event->more_sources != NULL && i < event->more_sources->len; i++)
    append_reference (out, g_array_index (event->more_sources, guint, i));
}

static void
write_title_block (GString            *out,
                   BriefExportContent *content)
{
  g_autofree char *prepared_for = _brief_export_prepared_for (content);
  g_autofree char *prepared_by = _brief_export_prepared_by (content);

  g_string_append (out, "# ");
  append_escaped (out, content->title);
  g_string_append (out, "\n\n");

  if (content->marking != NULL)
    {
      g_string_append (out, "**");
      append_escaped (out, content->marking);
      g_string_append (out, "**\n\n");
    }
  if (prepared_for != NULL)
    {
      g_string_append_c (out, '*');
      append_escaped (out, prepared_for);
      g_string_append (out, "*\\\n");
    }
  if (prepared_by != NULL)
    {
      append_escaped (out, prepared_by);
      g_string_append (out, " · ");
    }
  append_escaped (out, content->date);
  g_string_append (out, "\n\n");
}

static void
write_key_points (GString            *out,
                  BriefExportContent *content)
{
  g_string_append_printf (out, "## %s\n\n", _brief_export_section_title (BRIEF_EXPORT_SECTION_KEY_POINTS));
  for (guint i = 0; i < content->events->len; i++)
    {
      BriefExportEvent *event = g_ptr_array_index (content->events, i);

      if (!event->starred)
        continue;
      g_string_append (out, "- **");
      append_escaped (out, event->date_label);
      g_string_append (out, "** — ");
      append_escaped (out, event->title);
      append_event_references (out, event);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

static void
write_events (GString            *out,
              BriefExportContent *content)
{
  const char *note = _brief_export_events_note (content);

  g_string_append_printf (out, "## %s\n\n", _brief_export_section_title (BRIEF_EXPORT_SECTION_TIMELINE));

  if (content->events->len == 0)
    {
      g_string_append_printf (out, "%s\n\n", _("No dated events were found in the sources."));
      return;
    }
  if (note != NULL)
    {
      append_escaped (out, note);
      g_string_append (out, "\n\n");
    }

  for (guint i = 0; i < content->events->len; i++)
    {
      BriefExportEvent *event = g_ptr_array_index (content->events, i);

      g_string_append (out, "- **");
      append_escaped (out, event->date_label);
      g_string_append (out, "**: ");
      append_escaped (out, event->title);
      append_event_references (out, event);
      g_string_append_c (out, '\n');
      if (event->sentence != NULL)
        {
          g_string_append (out, "\n  > ");
          append_escaped (out, event->sentence);
          g_string_append (out, "\n\n");
        }
      if (event->conflict != NULL)
        {
          g_autofree char *disagree = _brief_export_conflict_note (event);

          g_string_append (out, "  ⚠ *");
          append_escaped (out, disagree);
          g_string_append (out, "*\n\n");
        }
    }
  g_string_append_c (out, '\n');
}

/* A table as GitHub-flavoured Markdown has them; other CommonMark readers
 * show its rows as plain lines. */
static void
write_table_head (GString     *out,
                  const char **titles,
                  guint        n)
{
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, "| ");
      append_escaped (out, titles[i]);
      g_string_append_c (out, ' ');
    }
  g_string_append (out, "|\n");
  for (guint i = 0; i < n; i++)
    g_string_append (out, "| --- ");
  g_string_append (out, "|\n");
}

static void
write_chronology (GString            *out,
                  BriefExportContent *content)
{
  const char *titles[] = { _("Date"), _("Event"), _("Source") };

  if (content->events->len == 0)
    return;
  g_string_append_printf (out, "## %s\n\n", _brief_export_section_title (BRIEF_EXPORT_SECTION_CHRONOLOGY));
  write_table_head (out, titles, G_N_ELEMENTS (titles));
  for (guint i = 0; i < content->events->len; i++)
    {
      BriefExportEvent *event = g_ptr_array_index (content->events, i);

      g_string_append (out, "| ");
      append_escaped (out, event->date_label);
      g_string_append (out, event->starred ? " | **" : " | ");
      append_escaped (out, event->title);
      g_string_append (out, event->starred ? "** |" : " |");
      append_event_references (out, event);
      g_string_append (out, " |\n");
    }
  g_string_append_c (out, '\n');
}

static void
write_people (GString            *out,
              BriefExportContent *content)
{
  const char *titles[] = { _("Name"), _("Role"), _("Source") };

  g_string_append_printf (out, "## %s\n\n", _brief_export_section_title (BRIEF_EXPORT_SECTION_PEOPLE));
  write_table_head (out, titles, G_N_ELEMENTS (titles));
  for (guint i = 0; i < content->entities->len; i++)
    {
      BriefExportEntity *entity = g_ptr_array_index (content->entities, i);

      g_string_append (out, "| ");
      append_escaped (out, entity->name);
      g_string_append (out, " | ");
      append_escaped (out, entity->role != NULL ? entity->role : "");
      g_string_append (out, " |");
      append_reference (out, entity->source);
      g_string_append (out, " |\n");
    }
  g_string_append_c (out, '\n');
}

static void
write_quotes (GString            *out,
              BriefExportContent *content)
{
  g_string_append_printf (out, "## %s\n\n", _brief_export_section_title (BRIEF_EXPORT_SECTION_QUOTES));
  for (guint i = 0; i < content->quotes->len; i++)
    {
      BriefExportQuote *quote = g_ptr_array_index (content->quotes, i);

      g_string_append (out, "> “");
      append_escaped (out, quote->text);
      g_string_append (out, "”\\\n> — ");
      append_escaped (out, quote->speaker);
      if (quote->role != NULL)
        {
          g_string_append (out, ", ");
          append_escaped (out, quote->role);
        }
      append_reference (out, quote->source);
      g_string_append (out, "\n\n");
    }
}

static void
write_notes (GString            *out,
             BriefExportContent *content)
{
  g_autofree char *notes = _brief_export_notes_demoted (content->notes);

  g_string_append_printf (out, "## %s\n\n", _brief_export_section_title (BRIEF_EXPORT_SECTION_NOTES));
  g_string_append (out, notes);
  if (!g_str_has_suffix (notes, "\n"))
    g_string_append_c (out, '\n');
  g_string_append_c (out, '\n');
}

static void
write_source (GString           *out,
              BriefExportSource *source)
{
  g_string_append_printf (out, "%u. ", source->number);
  append_escaped (out, source->title);
  if (source->site != NULL)
    {
      g_string_append (out, ", *");
      append_escaped (out, source->site);
      g_string_append_c (out, '*');
    }
  if (source->byline != NULL)
    {
      g_string_append (out, ", ");
      append_escaped (out, source->byline);
    }
  if (source->published != NULL)
    {
      g_string_append (out, ", ");
      append_escaped (out, source->published);
    }
  if (source->url != NULL)
    append_autolink (out, source->url);
  else if (source->path != NULL)
    {
      /* Renderers strip file: links as unsafe; the path is what a reader needs. */
      g_string_append (out, ". ");
      append_code (out, source->path);
    }
  g_string_append_c (out, '\n');
}

GBytes *
_brief_export_write_markdown (BriefExportContent *content)
{
  GString *out = g_string_new (NULL);

  write_title_block (out, content);
  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_KEY_POINTS))
    write_key_points (out, content);
  if (content->options.sections & BRIEF_EXPORT_SECTION_TIMELINE)
    write_events (out, content);
  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_CHRONOLOGY))
    write_chronology (out, content);
  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_PEOPLE))
    write_people (out, content);
  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_QUOTES))
    write_quotes (out, content);
  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_NOTES))
    write_notes (out, content);
  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_SOURCES))
    {
      g_string_append_printf (out, "## %s\n\n", _brief_export_section_title (BRIEF_EXPORT_SECTION_SOURCES));
      for (guint i = 0; i < content->sources->len; i++)
        write_source (out, g_ptr_array_index (content->sources, i));
    }
  if (content->marking != NULL)
    {
      g_string_append (out, "\n**");
      append_escaped (out, content->marking);
      g_string_append (out, "**\n");
    }
  return g_string_free_to_bytes (out);
}

char *
brief_markdown_write (BriefBriefing *briefing)
{
  g_autoptr(BriefExportContent) content = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (BRIEF_IS_BRIEFING (briefing), NULL);

  content = brief_export_content_new (briefing, NULL);
  bytes = _brief_export_write_markdown (content);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}
