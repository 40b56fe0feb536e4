/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-briefing-io"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <time.h>

#include <glib/gstdio.h>

#include "brief-briefing-file.h"
#include "brief-document.h"

/* Opening and saving a 100-article briefing (about 1.5 MB of text): the
 * issue's targets are ≤ 1 s to open it (read, parse, analyse every article
 * again, rebuild the model) and ≤ 100 ms to save it.  Prints the best and
 * median of several runs, in-process, in wall-clock time and in the process's
 * CPU time (all threads): on a loaded machine only the latter is stable. */

#define N_ARTICLES 100
#define TARGET_BYTES_PER_ARTICLE 15000
#define RUNS 5

static const char *paragraphs[] = {
  "Work on the riverside flood barrier is expected to finish this summer, almost three years after "
  "the council gave the scheme the go-ahead, engineers told a public meeting on Friday evening.",
  "In March 2021 the council approved the plans after a consultation that drew more than 600 responses. "
  "Construction began on 12 June 2022, when contractors started driving steel piles into the riverbank.",
  "Older residents still remember the night the river burst its banks in 1998, when water reached the "
  "windowsills of several terraced houses. Smaller floods followed in 2007 and 2015.",
  "The first section of glass-topped wall was unveiled on October 4, 2023. A council incident report "
  "dated 15 January 2024 blamed the delay on the weather, and crews lost nearly three weeks in February.",
  "Officials said the final gates should be fitted by May 2024, and the committee will meet again "
  "in early 2025 to review the costs, which rose by a tenth since 2019.",
  "The minister visited the site last July and promised a further grant; the agency had warned in "
  "2020 that the lower town faced a one-in-75-year risk every winter until the barrier was complete.",
  /* News text is not all dates: about one per 180 characters, as in the sample. */
  "The £4.2 million barrier runs for just over a kilometre along the east bank of the river, from the "
  "old wool mill to the station bridge. The cost is shared between the council and a national grant.",
  "Once complete, it is designed to protect about 1,200 homes and 90 businesses in the lower town, "
  "many of which have been flooded more than once. Insurers have raised premiums across the riverside.",
  "Residents who spoke at the meeting welcomed the progress but asked for clearer signs around the "
  "works, safer crossings for children walking to school and a longer notice before roads are closed.",
};

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static BriefBriefing *
make_briefing (BriefDateTagger *tagger,
               gsize           *out_text_bytes)
{
  BriefBriefing *briefing = brief_briefing_new ();
  gsize total = 0;

  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autoptr(BriefArticle) article = brief_article_new ();
      g_autoptr(BriefAnalysis) analysis = NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *title = g_strdup_printf ("Flood barrier report %u", i + 1);
      g_autofree char *site = g_strdup_printf ("news%u.example.org", i % 7);

      g_string_append_printf (text, "%s\n\nPublished: 2024-03-%02u\n\n", title, 1 + i % 28);
      for (guint p = 0; text->len < TARGET_BYTES_PER_ARTICLE; p++)
        g_string_append_printf (text, "%s\n\n", paragraphs[(p + i) % G_N_ELEMENTS (paragraphs)]);

      brief_article_set_plain_text (article, text->str);
      brief_article_set_title (article, title);
      brief_article_set_site (article, site);
      brief_article_set_published (article, "2024-03-18");
      analysis = brief_analysis_run (tagger, brief_article_get_text (article), "2024-03-18", BRIEF_DOCUMENT_NEWS);
      brief_briefing_add_article (briefing, article, analysis);
      total += text->len;
    }

  brief_briefing_edit_text (briefing, "notes", "Key points: the barrier opens this summer.");
  *out_text_bytes = total;
  return briefing;
}

typedef struct
{
  gboolean  done;
  GError   *error;
} SaveState;

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SaveState *state = user_data;
  g_autofree char *etag = brief_briefing_save_finish (BRIEF_BRIEFING (object), result, &state->error);

  state->done = TRUE;
  g_main_context_wakeup (NULL);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  BriefDocument **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = brief_document_load_finish (result, &error);
  if (*out == NULL)
    g_error ("load: %s", error->message);
  g_main_context_wakeup (NULL);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        double     *ms,
        double     *cpu,
        double      target)
{
  qsort (ms, RUNS, sizeof (double), compare_doubles);
  qsort (cpu, RUNS, sizeof (double), compare_doubles);
  printf ("%-34s best %8.1f ms   median %8.1f ms   target ≤ %4.0f ms   %s\n",
          what, ms[0], ms[RUNS / 2], target, ms[RUNS / 2] <= target ? "OK" : "OVER");
  printf ("%-34s best %8.1f ms   median %8.1f ms\n", "  CPU time, all threads", cpu[0], cpu[RUNS / 2]);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(BriefDateTagger) tagger = NULL;
  g_autoptr(BriefBriefing) briefing = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  double save_ms[RUNS], open_ms[RUNS], save_cpu[RUNS], open_cpu[RUNS];
  gsize text_bytes = 0;
  guint n_events = 0;
  GStatBuf st;

  setlocale (LC_ALL, "");
  tagger = brief_date_tagger_new ();
  briefing = make_briefing (tagger, &text_bytes);
  dir = g_dir_make_tmp ("bench-briefing-io-XXXXXX", NULL);
  path = g_build_filename (dir, "large.briefing", NULL);
  file = g_file_new_for_path (path);

  for (guint run = 0; run < RUNS; run++)
    {
      SaveState state = { FALSE, NULL };
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      brief_briefing_save_async (briefing, file, NULL, NULL, save_cb, &state);
      while (!state.done)
        g_main_context_iteration (NULL, TRUE);
      save_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      save_cpu[run] = cpu_ms () - cpu_start;
      if (state.error != NULL)
        g_error ("save: %s", state.error->message);
      if (run + 1 < RUNS)
        {
          g_autofree char *backup = g_strconcat (path, "~", NULL);

          g_unlink (path);
          g_unlink (backup);
        }
    }

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(BriefDocument) document = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();
      GListModel *events;

      brief_document_load_async (file, NULL, load_cb, &document);
      while (document == NULL)
        g_main_context_iteration (NULL, TRUE);
      /* What the window reads to show it: every article and event once. */
      events = brief_briefing_get_events (brief_document_get_briefing (document));
      n_events = g_list_model_get_n_items (events);
      for (guint i = 0; i < n_events; i++)
        {
          g_autoptr(BriefEvent) event = g_list_model_get_item (events, i);
          g_autofree char *label = brief_event_dup_date_label (event);
        }
      open_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      open_cpu[run] = cpu_ms () - cpu_start;
    }

  if (g_stat (path, &st) != 0)
    st.st_size = 0;
  printf ("briefing: %u articles, %.2f MB of text, %u events; file %.2f MB\n",
          N_ARTICLES, text_bytes / 1e6, n_events, st.st_size / 1e6);
  report ("open (read, analyse, model)", open_ms, open_cpu, 1000.0);
  report ("save (serialise, atomic write)", save_ms, save_cpu, 100.0);

  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    g_unlink (path);
    g_unlink (backup);
    g_rmdir (dir);
  }
  return 0;
}
