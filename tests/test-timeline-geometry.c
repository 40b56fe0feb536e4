/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-timeline-geometry"

#include "config.h"

#include <locale.h>
#include <math.h>

#include "brief-timeline-geometry.h"

static double
julian (int year,
        int month,
        int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* A monospace font of 7 pixels a character. */
static double
measure_cb (const char *text,
            gpointer    user_data)
{
  return 7.0 * g_utf8_strlen (text, -1);
}

static void
test_x_day_roundtrip (void)
{
  double start = julian (2019, 1, 1);
  double end = julian (2024, 1, 1);

  g_assert_cmpfloat_with_epsilon (brief_timeline_day_to_x (start, end, 800, start), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (brief_timeline_day_to_x (start, end, 800, end), 800.0, 1e-9);

  for (double x = 0; x <= 800; x += 37.5)
    {
      double day = brief_timeline_x_to_day (start, end, 800, x);

      g_assert_cmpfloat_with_epsilon (brief_timeline_day_to_x (start, end, 800, day), x, 1e-6);
    }
}

static void
test_zoom_around_point (void)
{
  double start = julian (2019, 1, 1);
  double end = julian (2024, 1, 1);
  double width = 1000.0;

  for (double pointer = 0.0; pointer <= width; pointer += 125.0)
    {
      double s = start;
      double e = end;
      double anchor = brief_timeline_x_to_day (s, e, width, pointer);

      brief_timeline_zoom_around (&s, &e, anchor, 2.0, 1.0, 1e6);
      g_assert_cmpfloat_with_epsilon (e - s, (end - start) / 2.0, 1e-6);
      /* The day under the pointer stays under the pointer. */
      g_assert_cmpfloat_with_epsilon (brief_timeline_day_to_x (s, e, width, anchor), pointer, 1e-6);

      brief_timeline_zoom_around (&s, &e, anchor, 0.5, 1.0, 1e6);
      g_assert_cmpfloat_with_epsilon (s, start, 1e-6);
      g_assert_cmpfloat_with_epsilon (e, end, 1e-6);
    }

  /* The span stays within its limits, the anchor still in place. */
  {
    double s = start;
    double e = start + 10.0;
    double anchor = start + 5.0;

    brief_timeline_zoom_around (&s, &e, anchor, 100.0, 2.0, 1e6);
    g_assert_cmpfloat_with_epsilon (e - s, 2.0, 1e-9);
    g_assert_cmpfloat_with_epsilon (anchor - s, 1.0, 1e-9);
  }
}

static void
test_clamp (void)
{
  double s = 50.0;
  double e = 150.0;

  brief_timeline_clamp (&s, &e, 100.0, 1000.0);
  g_assert_cmpfloat (s, ==, 100.0);
  g_assert_cmpfloat (e, ==, 200.0);

  s = 950.0;
  e = 1050.0;
  brief_timeline_clamp (&s, &e, 100.0, 1000.0);
  g_assert_cmpfloat (s, ==, 900.0);
  g_assert_cmpfloat (e, ==, 1000.0);

  s = 0.0;
  e = 5000.0;
  brief_timeline_clamp (&s, &e, 100.0, 1000.0);
  g_assert_cmpfloat (s, ==, 100.0);
  g_assert_cmpfloat (e, ==, 1000.0);
}

static void
assert_labels_apart (GArray *ticks,
                     double  gap,
                     double  width,
                     guint  *out_n_labels)
{
  const BriefTimelineTick *previous = NULL;
  guint n_labels = 0;

  for (guint i = 0; i < ticks->len; i++)
    {
      const BriefTimelineTick *tick = &g_array_index (ticks, BriefTimelineTick, i);

      if (tick->label == NULL)
        continue;
      g_assert_true (tick->major);
      if (previous != NULL)
        {
          g_assert_cmpfloat (previous->x, <, tick->x);
          g_assert_cmpfloat (previous->label_x + previous->label_width + gap, <=, tick->label_x);
        }
      /* Never cut off by the right edge. */
      g_assert_cmpfloat (tick->label_x + tick->label_width, <=, width);
      previous = tick;
      n_labels++;
    }

  *out_n_labels = n_labels;
}

static void
test_ticks_never_overlap (void)
{
  g_autoptr(GArray) ticks = brief_timeline_ticks_new ();
  static const double widths[] = { 120, 333, 800, 1280, 2560 };
  double centre = julian (2021, 3, 15);
  guint n_checked = 0;

  /* From a few hours to four thousand years, at every width. */
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (double span = 0.25; span < 1.5e6; span *= 1.23)
      {
        double start = MAX (centre - span / 2.0, 1.0);
        double end = start + span;
        guint n_labels;

        brief_timeline_compute_ticks (start, end, widths[w], 8.0, measure_cb, NULL, ticks);
        assert_labels_apart (ticks, 8.0, widths[w], &n_labels);
        /* Something to read, unless less than a day is shown between ticks. */
        if (span >= 2.0 && widths[w] >= 300)
          g_assert_cmpuint (n_labels, >, 0);
        for (guint i = 0; i < ticks->len; i++)
          {
            double day = g_array_index (ticks, BriefTimelineTick, i).day;

            g_assert_cmpfloat (day, >=, start);
            g_assert_cmpfloat (day, <, end);
          }
        n_checked++;
      }

  g_assert_cmpuint (n_checked, >, 300);
}

static BriefTickUnit
ticks_for (double  start,
           double  end,
           double  width,
           GArray *ticks)
{
  return brief_timeline_compute_ticks (start, end, width, 8.0, measure_cb, NULL, ticks);
}

static const char *
first_label (GArray *ticks)
{
  for (guint i = 0; i < ticks->len; i++)
    if (g_array_index (ticks, BriefTimelineTick, i).label != NULL)
      return g_array_index (ticks, BriefTimelineTick, i).label;
  return NULL;
}

static void
test_ticks_adapt (void)
{
  g_autoptr(GArray) ticks = brief_timeline_ticks_new ();

  /* Two weeks on a wide screen: days. */
  g_assert_cmpint (ticks_for (julian (2021, 3, 1), julian (2021, 3, 15), 1200, ticks), ==, BRIEF_TICK_DAY);
  g_assert_cmpstr (first_label (ticks), ==, "1 Mar 2021");

  /* A year: months, named in the locale (C here), the first with its year. */
  g_assert_cmpint (ticks_for (julian (2021, 1, 1), julian (2022, 1, 1), 1000, ticks), ==, BRIEF_TICK_MONTH);
  g_assert_cmpstr (first_label (ticks), ==, "Jan 2021");
  g_assert_cmpstr (g_array_index (ticks, BriefTimelineTick, 1).label, ==, "Feb");

  /* Thirty years on 900 pixels: years or decades, never months. */
  g_assert_cmpint (ticks_for (julian (1995, 1, 1), julian (2025, 1, 1), 900, ticks), >=, BRIEF_TICK_YEAR);

  /* Six centuries: decades, thinned. */
  g_assert_cmpint (ticks_for (julian (1500, 1, 1), julian (2100, 1, 1), 600, ticks), ==, BRIEF_TICK_DECADE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The largest number of intervals over any one point: no lane assignment can do better. */
static guint
max_depth (const double *x0,
           const double *x1,
           guint         n)
{
  g_autofree double *starts = g_memdup2 (x0, n * sizeof (double));
  g_autofree double *ends = g_memdup2 (x1, n * sizeof (double));
  guint i = 0;
  guint j = 0;
  guint depth = 0;
  guint best = 0;

  g_qsort_with_data (starts, (int) n, sizeof (double), compare_doubles, NULL);
  g_qsort_with_data (ends, (int) n, sizeof (double), compare_doubles, NULL);

  while (i < n)
    {
      if (starts[i] < ends[j])
        {
          depth++;
          best = MAX (best, depth);
          i++;
        }
      else
        {
          depth--;
          j++;
        }
    }

  return best;
}

static void
test_lanes_thousands (void)
{
  const guint n = 5000;
  g_autofree double *x0 = g_new (double, n);
  g_autofree double *x1 = g_new (double, n);
  g_autofree int *lanes = g_new (int, n);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint n_lanes;
  gint64 begin;
  gint64 elapsed;

  for (guint i = 0; i < n; i++)
    {
      x0[i] = g_rand_double_range (rand, 0, 20000);
      x1[i] = x0[i] + g_rand_double_range (rand, 1, 400);
    }

  begin = g_get_monotonic_time ();
  n_lanes = brief_timeline_assign_lanes (x0, x1, n, 0, lanes);
  elapsed = g_get_monotonic_time () - begin;
  g_test_message ("%u spans in %u lanes in %.2f ms", n, n_lanes, elapsed / 1000.0);

  /* As few lanes as the deepest overlap: the greedy sweep is optimal. */
  g_assert_cmpuint (n_lanes, ==, max_depth (x0, x1, n));

  /* No two spans in one lane overlap: sort each lane's spans and compare neighbours. */
  for (guint lane = 0; lane < n_lanes; lane++)
    {
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (double) * 2);

      for (guint i = 0; i < n; i++)
        if (lanes[i] == (int) lane)
          {
            double span[2] = { x0[i], x1[i] };
            g_array_append_vals (spans, span, 1);
          }
      g_array_sort_with_data (spans, compare_doubles, NULL);
      for (guint k = 1; k < spans->len; k++)
        g_assert_cmpfloat (((double *) spans->data)[2 * (k - 1) + 1], <=,
                           ((double *) spans->data)[2 * k]);
    }

  /* Capped: the rest are left out, the lanes still never overlap. */
  n_lanes = brief_timeline_assign_lanes (x0, x1, n, 4, lanes);
  g_assert_cmpuint (n_lanes, ==, 4);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (lanes[i], <, 4);

}

static void
test_layout_clusters (void)
{
  const guint n = 10000;
  g_autofree BriefTimelineItem *items = g_new0 (BriefTimelineItem, n);
  g_autoptr(GArray) placements = g_array_new (FALSE, FALSE, sizeof (BriefTimelinePlacement));
  g_autoptr(GArray) clusters = g_array_new (FALSE, FALSE, sizeof (BriefTimelineCluster));
  double start = julian (2000, 1, 1);
  double end = julian (2025, 1, 1);
  guint hidden = 0;
  guint counted = 0;

  for (guint i = 0; i < n; i++)
    {
      items[i].first_day = start + (end - start) * i / n;
      items[i].last_day = items[i].first_day + (i % 3 == 0 ? 31 : 1);
      items[i].label_width = 80 + i % 60;
    }

  brief_timeline_layout (items, n, 31, start, end, 1000, 6, 10, 8, 40, placements, clusters);
  g_assert_cmpuint (placements->len, ==, n);

  for (guint i = 0; i < placements->len; i++)
    if (g_array_index (placements, BriefTimelinePlacement, i).lane < 0)
      hidden++;
  for (guint i = 0; i < clusters->len; i++)
    {
      const BriefTimelineCluster *c = &g_array_index (clusters, BriefTimelineCluster, i);

      counted += c->count;
      g_assert_cmpfloat (c->x, >=, 0.0);
      g_assert_cmpfloat (c->x + c->width, <=, 1000.0);
      if (i > 0)
        {
          const BriefTimelineCluster *prev = &g_array_index (clusters, BriefTimelineCluster, i - 1);
          g_assert_cmpfloat (prev->x + prev->width, <=, c->x);
        }
    }
  g_assert_cmpuint (hidden, >, 0);
  g_assert_cmpuint (counted, ==, hidden);

  /* Zoomed in on a month, only what is visible is placed. */
  brief_timeline_layout (items, n, 31, julian (2010, 3, 1), julian (2010, 4, 1), 1000, 6, 10, 8, 40,
                         placements, clusters);
  g_assert_cmpuint (placements->len, <, 60);
  g_assert_cmpuint (placements->len, >, 0);
}

/* Every title inside [0, width), whatever its event's place. */
static void
assert_labels_inside (GArray *placements,
                      double  width)
{
  for (guint i = 0; i < placements->len; i++)
    {
      const BriefTimelinePlacement *p = &g_array_index (placements, BriefTimelinePlacement, i);

      g_assert_cmpfloat (p->label_x, >=, 0.0);
      g_assert_cmpfloat (p->label_x + p->label_width, <=, width);
      g_assert_cmpfloat (p->label_width, >, 0.0);
      g_assert_cmpfloat (p->extent_start, <=, p->label_x);
      g_assert_cmpfloat (p->extent_end, >=, p->label_x + p->label_width);
    }
}

static const BriefTimelinePlacement *
placement_of (GArray *placements,
              guint   index)
{
  for (guint i = 0; i < placements->len; i++)
    if (g_array_index (placements, BriefTimelinePlacement, i).index == index)
      return &g_array_index (placements, BriefTimelinePlacement, i);
  g_assert_not_reached ();
}

static void
test_labels_at_edges (void)
{
  g_autoptr(GArray) placements = g_array_new (FALSE, FALSE, sizeof (BriefTimelinePlacement));
  g_autoptr(GArray) clusters = g_array_new (FALSE, FALSE, sizeof (BriefTimelineCluster));
  double start = julian (2020, 1, 1);
  double end = julian (2021, 1, 1);
  const double width = 800;
  /* In date order, as the layout wants them. */
  BriefTimelineItem items[] = {
    /* A day near the left edge, and one mid-way. */
    { julian (2020, 1, 2), julian (2020, 1, 3), 150 },
    { julian (2020, 7, 1), julian (2020, 7, 2), 150 },
    /* Mid-way, a title too wide for either side: cut short on the roomier one. */
    { julian (2020, 7, 3), julian (2020, 7, 4), 600 },
    /* A month at the right edge: its title rides on it, shifted inside. */
    { julian (2020, 12, 1), julian (2021, 1, 1), 200 },
    /* A day near the right edge. */
    { julian (2020, 12, 28), julian (2020, 12, 29), 150 },
    /* A day whose title is wider than the whole timeline. */
    { julian (2020, 12, 30), julian (2020, 12, 31), 2000 },
  };
  const BriefTimelinePlacement *p;

  brief_timeline_layout (items, G_N_ELEMENTS (items), 31, start, end, width, 10, 10, 8, 40,
                         placements, clusters);
  g_assert_cmpuint (placements->len, ==, G_N_ELEMENTS (items));
  assert_labels_inside (placements, width);

  /* Room on the right: the title follows its marker. */
  p = placement_of (placements, 1);
  g_assert_cmpfloat (p->label_x, >, p->x);
  g_assert_cmpfloat (p->label_width, ==, 150);
  /* Too wide for either side: cut short, never over its own marker. */
  p = placement_of (placements, 2);
  g_assert_cmpfloat (p->label_width, <, 600);
  g_assert_cmpfloat (p->label_width, >=, 64);
  g_assert_true (p->label_x + p->label_width <= p->x || p->label_x >= p->x + 10);
  /* The month's title is shifted inside, whole. */
  p = placement_of (placements, 3);
  g_assert_cmpfloat (p->label_x + p->label_width, <=, width);
  g_assert_cmpfloat (p->label_x + p->label_width, >=, width - 8);
  g_assert_cmpfloat (p->label_width, ==, 200);
  /* No room on the right: it goes to the left of the marker, whole. */
  p = placement_of (placements, 4);
  g_assert_cmpfloat (p->label_x + p->label_width, <=, p->x);
  g_assert_cmpfloat (p->label_width, ==, 150);
  g_assert_cmpfloat (p->extent_start, ==, p->label_x);
  /* Too wide for anything: narrowed to the timeline. */
  p = placement_of (placements, 5);
  g_assert_cmpfloat (p->label_width, <=, width);

  /* Lanes hold the titles on the left too: none overlaps another in its lane. */
  for (guint i = 0; i < placements->len; i++)
    for (guint j = i + 1; j < placements->len; j++)
      {
        const BriefTimelinePlacement *a = &g_array_index (placements, BriefTimelinePlacement, i);
        const BriefTimelinePlacement *b = &g_array_index (placements, BriefTimelinePlacement, j);

        if (a->lane >= 0 && a->lane == b->lane)
          g_assert_true (a->extent_end <= b->extent_start || b->extent_end <= a->extent_start);
      }

  /* At every zoom, on a narrow timeline too, titles stay inside. */
  for (double w = 200; w <= 1400; w += 300)
    for (double span = 20; span < 3000; span *= 3)
      {
        double s = julian (2020, 12, 31) - span;

        brief_timeline_layout (items, G_N_ELEMENTS (items), 31, s, s + span, w, 10, 10, 8, 40,
                               placements, clusters);
        assert_labels_inside (placements, w);
      }
}

/* Spans from one date to another: bars over years, thousands of them
 * overlapping, each in a lane of its own reach, each hit where drawn. */
static void
test_spans (void)
{
  const guint n = 3000;
  g_autofree BriefTimelineItem *items = g_new0 (BriefTimelineItem, n);
  g_autoptr(GArray) placements = g_array_new (FALSE, FALSE, sizeof (BriefTimelinePlacement));
  g_autoptr(GArray) clusters = g_array_new (FALSE, FALSE, sizeof (BriefTimelineCluster));
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree BriefTimelineRect *rects = NULL;
  double start = julian (1990, 1, 1);
  double end = julian (2030, 1, 1);
  double max_length = 0;
  guint n_rects = 0;

  for (guint i = 0; i < n; i++)
    {
      /* From the first day of a year to the last day of a later one: "from 2001 to 2009". */
      int first_year = 1990 + (int) (i * 40 / n);
      int last_year = first_year + g_rand_int_range (rand, 0, 12);

      items[i].first_day = julian (first_year, 1, 1);
      items[i].last_day = julian (last_year + 1, 1, 1);
      items[i].label_width = g_rand_double_range (rand, 60, 240);
      max_length = MAX (max_length, items[i].last_day - items[i].first_day);
    }

  brief_timeline_layout (items, n, max_length, start, end, 1200, 0, 10, 8, 40, placements, clusters);
  g_assert_cmpuint (placements->len, ==, n);
  assert_labels_inside (placements, 1200);
  rects = g_new (BriefTimelineRect, n);

  for (guint i = 0; i < placements->len; i++)
    {
      const BriefTimelinePlacement *p = &g_array_index (placements, BriefTimelinePlacement, i);
      const BriefTimelineItem *item = &items[p->index];

      /* Unlimited lanes: every span has one; a bar from its first day to its last. */
      g_assert_cmpint (p->lane, >=, 0);
      g_assert_cmpfloat_with_epsilon (p->x0, brief_timeline_day_to_x (start, end, 1200, item->first_day), 1e-6);
      g_assert_cmpfloat_with_epsilon (p->x1, brief_timeline_day_to_x (start, end, 1200, item->last_day), 1e-6);
      g_assert_cmpfloat (p->extent_end, >=, p->x1);
      rects[n_rects++] = (BriefTimelineRect) { p->extent_start, p->lane * 28.0, p->extent_end - 8 - p->extent_start,
                                               24.0, p->index };
    }

  /* Spans in one lane never overlap, bars or titles. */
  for (guint i = 0; i < placements->len; i++)
    for (guint j = i + 1; j < placements->len; j++)
      {
        const BriefTimelinePlacement *a = &g_array_index (placements, BriefTimelinePlacement, i);
        const BriefTimelinePlacement *b = &g_array_index (placements, BriefTimelinePlacement, j);

        if (a->lane == b->lane)
          g_assert_true (a->extent_end <= b->extent_start || b->extent_end <= a->extent_start);
      }

  /* A point in the middle of any span's bar hits that span. */
  for (guint i = 0; i < n_rects; i += 97)
    {
      const BriefTimelinePlacement *p = &g_array_index (placements, BriefTimelinePlacement, i);
      int hit = brief_timeline_hit_test (rects, n_rects, (MAX (p->x0, 0) + MIN (p->x1, 1200)) / 2, p->lane * 28.0 + 12, 0);

      g_assert_cmpint (hit, >=, 0);
      g_assert_cmpuint (rects[hit].index, ==, p->index);
    }
}

static void
test_hit_test (void)
{
  const BriefTimelineRect rects[] = {
    { 10, 10, 100, 20, 0 },
    { 50, 10, 100, 20, 1 },   /* over the first */
    { 300, 50, 20, 20, 2 },
  };

  g_assert_cmpint (brief_timeline_hit_test (rects, 3, 20, 15, 0), ==, 0);
  g_assert_cmpint (brief_timeline_hit_test (rects, 3, 60, 15, 0), ==, 1);
  g_assert_cmpint (brief_timeline_hit_test (rects, 3, 310, 60, 0), ==, 2);
  g_assert_cmpint (brief_timeline_hit_test (rects, 3, 500, 500, 0), ==, -1);
  g_assert_cmpint (brief_timeline_hit_test (rects, 3, 325, 60, 6), ==, 2);
  g_assert_cmpint (brief_timeline_hit_test (rects, 0, 0, 0, 6), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/timeline/geometry/x-day-roundtrip", test_x_day_roundtrip);
  g_test_add_func ("/timeline/geometry/zoom-around-point", test_zoom_around_point);
  g_test_add_func ("/timeline/geometry/clamp", test_clamp);
  g_test_add_func ("/timeline/geometry/ticks/never-overlap", test_ticks_never_overlap);
  g_test_add_func ("/timeline/geometry/ticks/adapt", test_ticks_adapt);
  g_test_add_func ("/timeline/geometry/lanes/thousands", test_lanes_thousands);
  g_test_add_func ("/timeline/geometry/layout/clusters", test_layout_clusters);
  g_test_add_func ("/timeline/geometry/hit-test", test_hit_test);
  g_test_add_func ("/timeline/geometry/layout/labels-at-edges", test_labels_at_edges);
  g_test_add_func ("/timeline/geometry/layout/spans", test_spans);

  return g_test_run ();
}
