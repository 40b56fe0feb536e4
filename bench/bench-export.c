/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "../tests/test-export-fixture.h"

/* Exports a briefing of 100 articles and 1,000 events to every format and
 * prints the milliseconds each takes (best of three runs). */
int
main (int    argc,
      char **argv)
{
  g_autoptr(BriefBriefing) briefing = NULL;
  g_autoptr(BriefExportContent) content = NULL;
  gint64 start;

  setlocale (LC_ALL, "");
  start = g_get_monotonic_time ();
  briefing = brief_test_export_large (100, 1000);
  content = brief_export_content_new (briefing, NULL);
  printf ("briefing: 100 articles, 1000 events, snapshot in %.1f ms\n",
          (g_get_monotonic_time () - start) / 1000.0);

  for (guint format = 0; format < BRIEF_EXPORT_N_FORMATS; format++)
    {
      double best = G_MAXDOUBLE;
      gsize size = 0;

      for (guint run = 0; run < 3; run++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GBytes) bytes = NULL;

          start = g_get_monotonic_time ();
          bytes = brief_export_write (content, format, &error);
          if (bytes == NULL)
            {
              fprintf (stderr, "%s: %s\n", brief_export_format_get_extension (format), error->message);
              return 1;
            }
          best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
          size = g_bytes_get_size (bytes);
        }
      printf ("%-15s %8.1f ms  %9zu bytes\n", brief_export_format_get_extension (format), best, size);
    }
  return 0;
}
