/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "brief-export-figure.h"

static guint32
julian (int year,
        int month,
        int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static void
test_scale (void)
{
  BriefFigureScale scale;

  brief_figure_scale_init (&scale, julian (1998, 6, 1), julian (2024, 5, 31), 10, 530);
  g_assert_cmpint (scale.first_year, ==, 1998);
  g_assert_cmpint (scale.end_year, ==, 2025);
  g_assert_cmpfloat_with_epsilon (brief_figure_scale_year_x (&scale, 1998), 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (brief_figure_scale_year_x (&scale, 2025), 530, 1e-9);
  g_assert_cmpfloat (brief_figure_scale_to_x (&scale, julian (2010, 1, 1)), <,
                     brief_figure_scale_to_x (&scale, julian (2010, 1, 2)));

  /* One day still gets a whole year. */
  brief_figure_scale_init (&scale, julian (2023, 7, 4), julian (2023, 7, 4), 0, 100);
  g_assert_cmpint (scale.first_year, ==, 2023);
  g_assert_cmpint (scale.end_year, ==, 2024);
}

static void
test_tick_step (void)
{
  struct { int first, last; double width; int step; } cases[] = {
    { 2020, 2024, 480, 1 },
    { 1998, 2024, 480, 2 },
    { 1900, 2024, 480, 10 },
    { 1500, 2024, 480, 50 },
    { 1000, 2024, 480, 100 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BriefFigureScale scale;
      int step;

      brief_figure_scale_init (&scale, julian (cases[i].first, 1, 1), julian (cases[i].last, 1, 1),
                               0, cases[i].width);
      step = brief_figure_tick_step (&scale, 34);
      g_assert_cmpint (step, ==, cases[i].step);
      g_assert_cmpfloat (step * cases[i].width / (scale.end_year - scale.first_year), >=, 34);
    }
}

static void
test_labels_never_overlap (void)
{
  GRand *rand = g_rand_new_with_seed (8);

  for (guint round = 0; round < 200; round++)
    {
      guint n = g_rand_int_range (rand, 1, 40);
      g_autofree BriefFigureLabel *labels = g_new0 (BriefFigureLabel, n);
      double anchor = 0;
      guint lanes;

      for (guint i = 0; i < n; i++)
        {
          anchor += g_rand_double_range (rand, 0, 40);
          labels[i].anchor = MIN (anchor, 480);
          labels[i].width = g_rand_double_range (rand, 20, 160);
        }
      lanes = brief_figure_place_labels (labels, n, 0, 480, 6, 4);
      g_assert_cmpuint (lanes, <=, 4);

      for (guint i = 0; i < n; i++)
        {
          if (labels[i].lane < 0)
            continue;
          g_assert_cmpint (labels[i].lane, <, (int) lanes);
          /* Inside the figure, standing over its anchor. */
          g_assert_cmpfloat (labels[i].x, >=, 0);
          g_assert_cmpfloat (labels[i].x + labels[i].width, <=, 480 + 1e-6);
          g_assert_cmpfloat (labels[i].x, <=, labels[i].anchor + 1e-6);
          g_assert_cmpfloat (labels[i].x + labels[i].width, >=, labels[i].anchor - 1e-6);
          for (guint j = 0; j < i; j++)
            if (labels[j].lane == labels[i].lane)
              g_assert_true (labels[j].x + labels[j].width + 6 <= labels[i].x + 1e-6
                             || labels[i].x + labels[i].width + 6 <= labels[j].x + 1e-6);
        }
    }
  g_rand_free (rand);
}

static void
test_labels_first_lane (void)
{
  BriefFigureLabel labels[] = {
    { .anchor = 50, .width = 40 },
    { .anchor = 200, .width = 40 },
    { .anchor = 210, .width = 40 },
    { .anchor = 5, .width = 40 },   /* out of order: clamped to the left edge */
  };

  g_assert_cmpuint (brief_figure_place_labels (labels, 2, 0, 300, 6, 3), ==, 1);
  g_assert_cmpint (labels[0].lane, ==, 0);
  g_assert_cmpfloat_with_epsilon (labels[0].x, 30, 1e-9);
  g_assert_cmpint (labels[1].lane, ==, 0);

  /* The third cannot stand beside the second and over its anchor: next lane. */
  g_assert_cmpuint (brief_figure_place_labels (labels, 3, 0, 300, 6, 3), ==, 2);
  g_assert_cmpint (labels[2].lane, ==, 1);

  /* With one lane, it is left out rather than overlapping. */
  brief_figure_place_labels (labels, 3, 0, 300, 6, 1);
  g_assert_cmpint (labels[2].lane, ==, -1);
}

static void
test_spans (void)
{
  BriefFigureSpan spans[] = {
    { 0, 100, 0 }, { 10, 20, 0 }, { 30, 40, 0 }, { 101, 110, 0 }, { 105, 106, 0 },
  };
  guint lanes = brief_figure_stack_spans (spans, G_N_ELEMENTS (spans), 0.5, 6);

  g_assert_cmpuint (lanes, ==, 2);
  g_assert_cmpint (spans[0].lane, ==, 0);
  g_assert_cmpint (spans[1].lane, ==, 1);
  g_assert_cmpint (spans[2].lane, ==, 1);
  g_assert_cmpint (spans[3].lane, ==, 0);
  g_assert_cmpint (spans[4].lane, ==, 1);

  /* Capped: the extra spans share the lane that frees first. */
  g_assert_cmpuint (brief_figure_stack_spans (spans, 3, 0.5, 1), ==, 1);
  g_assert_cmpint (spans[2].lane, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export/figure/scale", test_scale);
  g_test_add_func ("/export/figure/tick-step", test_tick_step);
  g_test_add_func ("/export/figure/labels-never-overlap", test_labels_never_overlap);
  g_test_add_func ("/export/figure/labels-first-lane", test_labels_first_lane);
  g_test_add_func ("/export/figure/spans", test_spans);

  return g_test_run ();
}
