/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-markdown-writer"

#include "config.h"

#include <glib/gi18n.h>

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

static guint
source_number (GListModel   *articles,
               BriefArticle *article)
{
  guint n = g_list_model_get_n_items (articles);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriefArticle) item = g_list_model_get_item (articles, i);
      if (item == article)
        return i + 1;
    }
  return 0;
}

static void
write_events (GString       *out,
              BriefBriefing *briefing)
{
  GListModel *events = brief_briefing_get_events (briefing);
  GListModel *articles = brief_briefing_get_articles (briefing);
  guint n_events = g_list_model_get_n_items (events);

  g_string_append_printf (out, "## %s\n\n", _("Timeline"));

  if (n_events == 0)
    {
      g_string_append_printf (out, "%s\n\n", _("No dated events were found in the sources."));
      return;
    }

  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(BriefEvent) event = g_list_model_get_item (events, i);
      g_autofree char *date_label = brief_event_dup_date_label (event);
      const char *sentence = brief_event_get_sentence (event);

      g_string_append (out, "- **");
      append_escaped (out, date_label);
      g_string_append (out, "**: ");
      append_escaped (out, brief_event_get_title (event));
      g_string_append_printf (out, " [%u]\n",
                              source_number (articles, brief_event_get_article (event)));
      if (sentence != NULL && *sentence != '\0')
        {
          g_string_append (out, "\n  > ");
          append_escaped (out, sentence);
          g_string_append (out, "\n\n");
        }
    }
  g_string_append_c (out, '\n');
}

static void
write_source (GString      *out,
              guint         number,
              BriefArticle *article)
{
  const char *title = brief_article_get_title (article);
  const char *site = brief_article_get_site (article);
  const char *byline = brief_article_get_byline (article);
  const char *published = brief_article_get_published (article);
  const char *location = brief_article_get_url (article);

  g_string_append_printf (out, "%u. ", number);
  append_escaped (out, title ? title : _("Untitled article"));
  if (site != NULL)
    {
      g_string_append (out, ", *");
      append_escaped (out, site);
      g_string_append_c (out, '*');
    }
  if (byline != NULL)
    {
      g_string_append (out, ", ");
      append_escaped (out, byline);
    }
  if (published != NULL)
    {
      g_string_append (out, ", ");
      append_escaped (out, published);
    }
  if (location != NULL && (g_str_has_prefix (location, "https://") || g_str_has_prefix (location, "http://")))
    append_autolink (out, location);
  else if (brief_article_get_source_path (article) != NULL)
    {
      /* Renderers strip file: links as unsafe; the path is what a reader needs. */
      g_string_append (out, ". ");
      append_code (out, brief_article_get_source_path (article));
    }
  g_string_append_c (out, '\n');
}

char *
brief_markdown_write (BriefBriefing *briefing)
{
  GString *out = g_string_new (NULL);
  GListModel *articles;
  guint n_articles;

  g_return_val_if_fail (BRIEF_IS_BRIEFING (briefing), NULL);

  articles = brief_briefing_get_articles (briefing);
  n_articles = g_list_model_get_n_items (articles);

  g_string_append (out, "# ");
  append_escaped (out, brief_briefing_get_title (briefing));
  g_string_append (out, "\n\n");

  write_events (out, briefing);

  g_string_append_printf (out, "## %s\n\n", _("Sources"));
  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(BriefArticle) article = g_list_model_get_item (articles, i);
      write_source (out, i + 1, article);
    }

  return g_string_free (out, FALSE);
}
