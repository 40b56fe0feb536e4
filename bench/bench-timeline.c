/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-timeline"

#include "config.h"

#include <gtk/gtk.h>

#include "brief-timeline-private.h"

/* Times the timeline with 10,000 events in a real window (run under Xvfb):
 * reading the model, the layout of the visible range and one frame's
 * snapshot, with everything in view (Fit All) and zoomed in on a year.
 * One event in ten is a span of up to eight years, one in twenty derived
 * from another date, one in two hundred of no known year. */

#define N_EVENTS    10000
#define ITERATIONS  50

static GListModel *
make_events (void)
{
  GListStore *store = g_list_store_new (BRIEF_TYPE_EVENT);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  static const char *words[] = { "Council", "approves", "barrier", "plans", "minister", "visits",
                                 "summit", "talks", "collapse", "border", "closes", "storm",
                                 "floods", "town", "agreement", "signed" };

  for (guint i = 0; i < N_EVENTS; i++)
    {
      BriefDate date = { 0 };
      BriefDate end = { 0 };
      g_autoptr(GString) title = g_string_new (NULL);
      guint n_words = g_rand_int_range (rand, 2, 7);
      int kind = g_rand_int_range (rand, 0, 200);
      BriefEvent *event;

      date.year = g_rand_int_range (rand, 1995, 2025);
      switch (g_rand_int_range (rand, 0, 10))
        {
        case 0:
          date.precision = BRIEF_DATE_PRECISION_YEAR;
          break;
        case 1:
        case 2:
          date.precision = BRIEF_DATE_PRECISION_MONTH;
          date.month = g_rand_int_range (rand, 1, 13);
          break;
        default:
          date.precision = BRIEF_DATE_PRECISION_DAY;
          date.month = g_rand_int_range (rand, 1, 13);
          date.day = g_rand_int_range (rand, 1, 29);
        }
      for (guint w = 0; w < n_words; w++)
        g_string_append_printf (title, "%s%s", w ? " " : "", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);

      event = brief_event_new (&date, "a date", title->str, NULL);
      if (kind < 20)
        {
          end.precision = kind < 10 ? BRIEF_DATE_PRECISION_YEAR : BRIEF_DATE_PRECISION_DAY;
          end.year = date.year + g_rand_int_range (rand, 1, 9);
          end.month = kind < 10 ? 0 : 6;
          end.day = kind < 10 ? 0 : 30;
          brief_event_set_end_date (event, &end);
        }
      else if (kind < 30)
        brief_event_set_derivation (event, "the talks", "-P2M");
      else if (kind == 30)
        brief_event_set_year_known (event, FALSE);
      g_ptr_array_add (events, event);
    }

  g_list_store_splice (store, 0, 0, events->pdata, events->len);
  return G_LIST_MODEL (store);
}

static void
wait_frames (guint n)
{
  for (guint i = 0; i < n * 20; i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

static void
measure (BriefTimeline *timeline,
         const char    *what)
{
  GtkWidget *widget = GTK_WIDGET (timeline);
  double layout_total = 0;
  double layout_max = 0;
  double snapshot_total = 0;
  double snapshot_max = 0;
  double cold_snapshot;
  gint64 begin;

  /* The first frame makes the title layouts of what is in view. */
  _brief_timeline_relayout (timeline);
  begin = g_get_monotonic_time ();
  {
    GtkSnapshot *snapshot = gtk_snapshot_new ();

    GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
    g_clear_pointer (&snapshot, gtk_snapshot_free_to_node);
  }
  cold_snapshot = (g_get_monotonic_time () - begin) / 1000.0;

  for (guint i = 0; i < ITERATIONS; i++)
    {
      GskRenderNode *node;
      GtkSnapshot *snapshot;
      double ms;

      begin = g_get_monotonic_time ();
      _brief_timeline_relayout (timeline);
      ms = (g_get_monotonic_time () - begin) / 1000.0;
      layout_total += ms;
      layout_max = MAX (layout_max, ms);

      begin = g_get_monotonic_time ();
      snapshot = gtk_snapshot_new ();
      GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      ms = (g_get_monotonic_time () - begin) / 1000.0;
      snapshot_total += ms;
      snapshot_max = MAX (snapshot_max, ms);
      g_clear_pointer (&node, gsk_render_node_unref);
    }

  g_print ("%-28s layout %6.3f ms (max %6.3f)   snapshot %6.3f ms (max %6.3f, first %6.3f)   "
           "%u in lanes, %u clusters\n",
           what,
           layout_total / ITERATIONS, layout_max,
           snapshot_total / ITERATIONS, snapshot_max, cold_snapshot,
           _brief_timeline_get_n_placed (timeline), _brief_timeline_get_n_clusters (timeline));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GtkSingleSelection) selection = NULL;
  GtkWidget *window;
  GtkWidget *timeline;
  BriefTimelineRange *range;
  double start;
  gint64 begin;

  gtk_init ();

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 400);
  timeline = brief_timeline_new ();
  gtk_window_set_child (GTK_WINDOW (window), timeline);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (10);

  events = make_events ();
  selection = gtk_single_selection_new (g_object_ref (events));
  gtk_single_selection_set_autoselect (selection, FALSE);

  begin = g_get_monotonic_time ();
  brief_timeline_set_model (BRIEF_TIMELINE (timeline), GTK_SELECTION_MODEL (selection));
  g_print ("%u events, timeline %d×%d\n", N_EVENTS,
           gtk_widget_get_width (timeline), gtk_widget_get_height (timeline));
  g_print ("%-28s %6.3f ms (once per model change)\n", "reading the model",
           (g_get_monotonic_time () - begin) / 1000.0);
  wait_frames (10);

  brief_timeline_fit_all (BRIEF_TIMELINE (timeline), FALSE);
  wait_frames (5);
  measure (BRIEF_TIMELINE (timeline), "all (30 years) in view");

  range = brief_timeline_get_range (BRIEF_TIMELINE (timeline));
  start = brief_timeline_range_get_start (range) + 365 * 15;
  brief_timeline_range_set (range, start, start + 365);
  wait_frames (5);
  measure (BRIEF_TIMELINE (timeline), "one year in view");

  brief_timeline_range_set (range, start, start + 30);
  wait_frames (5);
  measure (BRIEF_TIMELINE (timeline), "one month in view");

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
