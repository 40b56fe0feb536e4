/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The .briefing loader on any bytes; a file it accepts must save again and
 * that save must load. */
#include "config.h"

#include "fuzz-common.h"

#include "brief-briefing-file.h"
#include "brief-markdown-writer.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_logging ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(BriefBriefing) briefing = NULL;
  g_autoptr(BriefBriefing) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;

  briefing = brief_briefing_deserialize (bytes, &error);
  if (briefing == NULL)
    {
      if (error == NULL || error->message == NULL)
        abort ();
      return 0;
    }
  if (error != NULL)
    abort ();

  saved = brief_briefing_serialize (briefing);
  again = brief_briefing_deserialize (saved, &error);
  if (again == NULL)
    {
      fprintf (stderr, "a loaded briefing saved as a file it refuses: %s\n", error->message);
      abort ();
    }
  if (g_list_model_get_n_items (brief_briefing_get_articles (again))
        != g_list_model_get_n_items (brief_briefing_get_articles (briefing))
      || g_list_model_get_n_items (brief_briefing_get_events (again))
        != g_list_model_get_n_items (brief_briefing_get_events (briefing)))
    {
      fprintf (stderr, "articles or events lost in a save and load\n");
      abort ();
    }
  markdown = brief_markdown_write (briefing);
  if (markdown == NULL || !g_utf8_validate (markdown, -1, NULL))
    abort ();
  return 0;
}
