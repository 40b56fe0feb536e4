/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "brief-briefing-file.h"
#include "brief-cli-commands.h"
#include "brief-export.h"
#include "brief-json-writer.h"
#include "brief-timeml-writer.h"

static gboolean
parse_options (GOptionContext   *context,
               int              *argc,
               char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      fprintf (stderr, "briefing-cli: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_inputs (int argc)
{
  if (argc < 2)
    {
      fprintf (stderr, "briefing-cli: %s\n", _("no input file given"));
      return FALSE;
    }
  return TRUE;
}

/* Accepts a publication date as YYYY-MM-DD. */
static gboolean
check_dct (const char *dct)
{
  guint year, month, day;
  int consumed = 0;

  if (dct == NULL)
    return TRUE;

  if (sscanf (dct, "%4u-%2u-%2u%n", &year, &month, &day, &consumed) == 3
      && consumed == 10 && dct[10] == '\0' && g_date_valid_dmy (day, month, year))
    return TRUE;

  fprintf (stderr, _("briefing-cli: --dct wants a date as YYYY-MM-DD, not “%s”\n"), dct);
  return FALSE;
}

static gboolean
parse_kind (const char        *kind,
            BriefDocumentKind *out_kind)
{
  if (kind == NULL || strcmp (kind, "news") == 0)
    *out_kind = BRIEF_DOCUMENT_NEWS;
  else if (strcmp (kind, "narrative") == 0)
    *out_kind = BRIEF_DOCUMENT_NARRATIVE;
  else
    {
      fprintf (stderr, _("briefing-cli: --kind is news or narrative, not “%s”\n"), kind);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_project (const char *path)
{
  return g_str_has_suffix (path, ".briefing");
}

/* Reads the inputs into a briefing: a .briefing project among them is the
 * starting point, and articles are added to it.  Reports each failure. */
static BriefBriefing *
load_inputs (int          argc,
             char       **argv,
             const char  *dct)
{
  g_autoptr(BriefBriefing) briefing = NULL;
  gboolean ok = TRUE;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;

      if (!is_project (argv[i]))
        continue;
      if (briefing != NULL)
        {
          fprintf (stderr, "briefing-cli: %s\n", _("only one .briefing project can be an input"));
          return NULL;
        }
      file = g_file_new_for_commandline_arg (argv[i]);
      briefing = brief_briefing_load (file, NULL, NULL, &error);
      if (briefing == NULL)
        {
          fprintf (stderr, "briefing-cli: %s: %s\n", argv[i], error->message);
          return NULL;
        }
    }

  if (briefing == NULL)
    briefing = brief_briefing_new ();

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GError) error = NULL;

      if (is_project (argv[i]))
        continue;
      if (brief_briefing_import_file (briefing, file, dct, NULL, &error) == 0)
        {
          fprintf (stderr, "briefing-cli: %s: %s\n", argv[i], error->message);
          ok = FALSE;
        }
    }

  return ok ? g_steal_pointer (&briefing) : NULL;
}

static void
print_and_free (char *text)
{
  fputs (text, stdout);
  if (*text != '\0' && text[strlen (text) - 1] != '\n')
    fputc ('\n', stdout);
  g_free (text);
}

static void
print_articles_as_text (GListModel *articles)
{
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(BriefArticle) article = g_list_model_get_item (articles, i);
      const char *published = brief_article_get_published (article);

      printf ("%s\n", brief_article_get_title (article) ? brief_article_get_title (article) : "");
      if (published != NULL)
        printf (_("Published: %s\n"), published);
      printf ("\n%s\n", brief_article_get_text (article));
    }
}

BriefCliStatus
brief_cli_import (int    argc,
                  char **argv)
{
  g_autofree char *format = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BriefBriefing) briefing = NULL;
  g_autoptr(JsonArray) array = NULL;
  g_autoptr(JsonNode) root = NULL;
  GListModel *articles;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: json or text"), "FORMAT" },
    { NULL }
  };

  context = g_option_context_new (_("FILE… — print the cleaned article and its metadata"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv) || !check_inputs (argc))
    return BRIEF_CLI_USAGE;
  if (format != NULL && strcmp (format, "json") != 0 && strcmp (format, "text") != 0)
    {
      fprintf (stderr, _("briefing-cli: --format is json or text, not “%s”\n"), format);
      return BRIEF_CLI_USAGE;
    }

  if ((briefing = load_inputs (argc, argv, NULL)) == NULL)
    return BRIEF_CLI_BAD_INPUT;

  articles = brief_briefing_get_articles (briefing);
  if (g_strcmp0 (format, "text") == 0)
    {
      print_articles_as_text (articles);
      return BRIEF_CLI_OK;
    }

  array = json_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(BriefArticle) article = g_list_model_get_item (articles, i);
      json_array_add_element (array, brief_json_from_article (article));
    }
  root = json_node_init_array (json_node_alloc (), array);
  print_and_free (brief_json_to_string (root, TRUE));
  return BRIEF_CLI_OK;
}

static void
print_analysis_as_text (BriefAnalysis *analysis)
{
  GPtrArray *timexes = brief_analysis_get_timexes (analysis);
  GPtrArray *mentions = brief_analysis_get_mentions (analysis);

  for (guint i = 0; i < timexes->len; i++)
    {
      const BriefTimex *timex = g_ptr_array_index (timexes, i);

      printf ("%zu\t%zu\t%s\t%s\t%s\n", timex->start, timex->end,
              brief_timex_type_to_string (timex->type),
              timex->value ? timex->value : "", timex->text);
    }
  for (guint i = 0; i < mentions->len; i++)
    {
      const BriefMention *mention = g_ptr_array_index (mentions, i);
      const BriefTimex *timex = g_ptr_array_index (timexes, mention->timex_index);

      printf ("%s\t%s\n", timex->value ? timex->value : "", mention->title);
    }
}

static char *
docid_for (BriefArticle *article)
{
  const char *path = brief_article_get_source_path (article);

  return path != NULL ? g_path_get_basename (path) : g_strdup ("document");
}

BriefCliStatus
brief_cli_extract (int    argc,
                   char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *dct = NULL;
  g_autofree char *kind_name = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BriefBriefing) briefing = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  BriefDocumentKind kind;
  GListModel *articles;
  guint n_articles;
  GOptionEntry entries[] = {
    { "dct", 'd', 0, G_OPTION_ARG_STRING, &dct, N_("Publication date that anchors relative dates"), "YYYY-MM-DD" },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name, N_("Document kind: news or narrative"), "KIND" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: json, jsonl, timeml or text"), "FORMAT" },
    { NULL }
  };

  context = g_option_context_new (_("FILE… — print the dates and events found in articles"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv) || !check_inputs (argc)
      || !check_dct (dct) || !parse_kind (kind_name, &kind))
    return BRIEF_CLI_USAGE;

  if (format == NULL)
    format = g_strdup ("json");
  if (strcmp (format, "json") != 0 && strcmp (format, "jsonl") != 0
      && strcmp (format, "timeml") != 0 && strcmp (format, "text") != 0)
    {
      fprintf (stderr, _("briefing-cli: --format is json, jsonl, timeml or text, not “%s”\n"), format);
      return BRIEF_CLI_USAGE;
    }
  if (strcmp (format, "timeml") == 0 && argc != 2)
    {
      fprintf (stderr, "briefing-cli: %s\n", _("--format timeml takes exactly one input file"));
      return BRIEF_CLI_USAGE;
    }

  /* The kind only changes how relative dates are anchored; the analysis of
   * this version reads every document as news. */
  (void) kind;

  if ((briefing = load_inputs (argc, argv, dct)) == NULL)
    return BRIEF_CLI_BAD_INPUT;

  articles = brief_briefing_get_articles (briefing);
  n_articles = g_list_model_get_n_items (articles);
  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(BriefArticle) article = g_list_model_get_item (articles, i);
      BriefAnalysis *analysis = brief_briefing_get_analysis (briefing, article);

      if (strcmp (format, "timeml") == 0)
        {
          g_autofree char *docid = docid_for (article);
          print_and_free (brief_timeml_write (docid, brief_article_get_text (article),
                                              brief_analysis_get_dct (analysis),
                                              brief_analysis_get_timexes (analysis)));
        }
      else if (strcmp (format, "text") == 0)
        print_analysis_as_text (analysis);
      else if (strcmp (format, "jsonl") == 0)
        {
          g_autoptr(JsonNode) node = brief_json_from_analysis (article, analysis);
          print_and_free (brief_json_to_string (node, FALSE));
        }
      else
        json_array_add_element (array, brief_json_from_analysis (article, analysis));
    }

  if (strcmp (format, "json") == 0)
    {
      g_autoptr(JsonNode) root = NULL;

      /* One article gives one object, as DESIGN.md shows; several an array. */
      if (n_articles == 1)
        root = json_array_dup_element (array, 0);
      else
        root = json_node_init_array (json_node_alloc (), array);
      print_and_free (brief_json_to_string (root, TRUE));
    }

  return BRIEF_CLI_OK;
}


/* Whether @output names a format: a .briefing project or an export format. */
static gboolean
is_known_output (const char *output)
{
  return is_project (output) || brief_export_format_for_filename (output, NULL);
}

/* The writer for @output's extension; NULL with @error set when it fails. */
static GBytes *
render_output (BriefBriefing  *briefing,
               const char     *output,
               GError        **error)
{
  g_autoptr(BriefExportContent) content = NULL;
  BriefExportFormat format;

  if (is_project (output))
    return brief_briefing_serialize (briefing);
  if (!brief_export_format_for_filename (output, &format))
    g_return_val_if_reached (NULL);

  content = brief_export_content_new (briefing, NULL);
  return brief_export_write (content, format, error);
}

static gboolean
write_output (const char  *path,
              GBytes      *contents,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  gsize length;
  const char *data = g_bytes_get_data (contents, &length);

  /* Written beside the old file and renamed over it: never half a file. */
  return g_file_replace_contents (file, data, length, NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}

BriefCliStatus
brief_cli_export (int    argc,
                  char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *dct = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BriefBriefing) briefing = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "to", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The briefing note to write; its extension picks the format"), "OUTPUT" },
    { "dct", 'd', 0, G_OPTION_ARG_STRING, &dct, N_("Publication date that anchors relative dates"), "YYYY-MM-DD" },
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("Title of the briefing"), "TITLE" },
    { NULL }
  };

  context = g_option_context_new (_("INPUT… — write a briefing note from articles or a .briefing project"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  {
    g_autofree char *extensions = brief_export_format_list_extensions ();
    g_autofree char *description = g_strdup_printf (_("Formats: %s, and .briefing (a Briefing project)"),
                                                    extensions);
    g_option_context_set_description (context, description);
  }
  if (!parse_options (context, &argc, &argv) || !check_inputs (argc) || !check_dct (dct))
    return BRIEF_CLI_USAGE;

  if (output == NULL)
    {
      fprintf (stderr, "briefing-cli: %s\n", _("--to OUTPUT is required"));
      return BRIEF_CLI_USAGE;
    }
  if (!is_known_output (output))
    {
      g_autofree char *extensions = brief_export_format_list_extensions ();

      fprintf (stderr, _("briefing-cli: cannot tell the format of “%s”; the formats are %s and .briefing\n"),
               output, extensions);
      return BRIEF_CLI_USAGE;
    }

  if ((briefing = load_inputs (argc, argv, dct)) == NULL)
    return BRIEF_CLI_BAD_INPUT;

  if (title != NULL)
    brief_briefing_set_title (briefing, title);

  contents = render_output (briefing, output, &error);
  if (contents == NULL || !write_output (output, contents, &error))
    {
      fprintf (stderr, "briefing-cli: %s: %s\n", output, error->message);
      return BRIEF_CLI_BAD_INPUT;
    }

  return BRIEF_CLI_OK;
}
