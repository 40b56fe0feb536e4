/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "brief-cli-commands.h"

typedef struct
{
  const char     *name;
  BriefCliStatus (*run) (int argc, char **argv);
  const char     *summary;
} Command;

static void
print_usage (FILE          *stream,
             const Command *commands)
{
  fprintf (stream, "%s\n", _("Usage: briefing-cli COMMAND [OPTION…] FILE…"));
  fprintf (stream, "\n%s\n", _("Prepare briefings from news articles, without a display."));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; commands[i].name != NULL; i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “briefing-cli COMMAND --help” for the options of a command."));
  fprintf (stream, "%s\n", _("Exit status: 0 success, 1 bad input, 2 usage error."));
}

int
main (int    argc,
      char **argv)
{
  static const Command commands[] = {
    { "import", brief_cli_import, N_("Print the cleaned article and its metadata") },
    { "extract", brief_cli_extract, N_("Print the dates and events found in articles") },
    { "export", brief_cli_export, N_("Write a briefing note from articles") },
    { NULL, NULL, NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("briefing-cli");

  if (argc < 2)
    {
      print_usage (stderr, commands);
      return BRIEF_CLI_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
      || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout, commands);
      return BRIEF_CLI_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("briefing-cli %s\n", PACKAGE_VERSION);
      return BRIEF_CLI_OK;
    }

  for (guint i = 0; commands[i].name != NULL; i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  fprintf (stderr, _("briefing-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr, commands);
  return BRIEF_CLI_USAGE;
}
