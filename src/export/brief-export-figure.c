/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-export-figure"

#include "config.h"

#include <math.h>

#include "brief-export-figure.h"

static double
january_first (int year)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, CLAMP (year, 1, 9999));
  return g_date_get_julian (&day);
}

static int
year_of (guint32 julian_day)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, MAX (julian_day, 1));
  return g_date_get_year (&day);
}

void
brief_figure_scale_init (BriefFigureScale *scale,
                         guint32           first_day,
                         guint32           last_day,
                         double            x0,
                         double            x1)
{
  g_return_if_fail (scale != NULL);
  g_return_if_fail (first_day <= last_day);

  scale->x0 = x0;
  scale->x1 = x1;
  scale->first_year = year_of (first_day);
  scale->end_year = year_of (last_day) + 1;
  scale->first_day = january_first (scale->first_year);
  scale->end_day = january_first (scale->end_year);
}

double
brief_figure_scale_to_x (const BriefFigureScale *scale,
                         double                  julian_day)
{
  g_return_val_if_fail (scale != NULL, 0);

  return scale->x0 + (julian_day - scale->first_day) * (scale->x1 - scale->x0)
                     / (scale->end_day - scale->first_day);
}

double
brief_figure_scale_year_x (const BriefFigureScale *scale,
                           int                     year)
{
  return brief_figure_scale_to_x (scale, january_first (year));
}

int
brief_figure_tick_step (const BriefFigureScale *scale,
                        double                  min_spacing)
{
  static const int steps[] = { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000 };
  double per_year;

  g_return_val_if_fail (scale != NULL, 1);

  per_year = (scale->x1 - scale->x0) / MAX (scale->end_year - scale->first_year, 1);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * per_year >= min_spacing)
      return steps[i];
  return steps[G_N_ELEMENTS (steps) - 1];
}

guint
brief_figure_stack_spans (BriefFigureSpan *spans,
                          guint            n_spans,
                          double           gap,
                          guint            max_lanes)
{
  g_autofree double *ends = NULL;
  guint n_lanes = 0;

  g_return_val_if_fail (n_spans == 0 || spans != NULL, 0);
  g_return_val_if_fail (max_lanes > 0, 0);

  ends = g_new (double, max_lanes);
  for (guint lane = 0; lane < max_lanes; lane++)
    ends[lane] = -INFINITY;

  for (guint i = 0; i < n_spans; i++)
    {
      BriefFigureSpan *span = &spans[i];
      guint earliest = 0;

      span->lane = -1;
      for (guint lane = 0; lane < max_lanes; lane++)
        {
          if (ends[lane] + gap <= span->x0)
            {
              span->lane = (int) lane;
              break;
            }
          if (ends[lane] < ends[earliest])
            earliest = lane;
        }
      if (span->lane < 0)
        span->lane = (int) earliest;
      ends[span->lane] = MAX (ends[span->lane], span->x1);
      n_lanes = MAX (n_lanes, (guint) span->lane + 1);
    }
  return n_lanes;
}

guint
brief_figure_place_labels (BriefFigureLabel *labels,
                           guint             n_labels,
                           double            x0,
                           double            x1,
                           double            gap,
                           guint             max_lanes)
{
  g_autofree double *ends = NULL;
  guint n_lanes = 0;

  g_return_val_if_fail (n_labels == 0 || labels != NULL, 0);
  g_return_val_if_fail (max_lanes > 0, 0);

  ends = g_new (double, max_lanes);
  for (guint lane = 0; lane < max_lanes; lane++)
    ends[lane] = -INFINITY;

  for (guint i = 0; i < n_labels; i++)
    {
      BriefFigureLabel *label = &labels[i];
      double width = MIN (label->width, x1 - x0);
      double ideal = CLAMP (label->anchor - width / 2, x0, x1 - width);

      label->lane = -1;
      for (guint lane = 0; lane < max_lanes; lane++)
        {
          double x = MAX (ideal, ends[lane] + gap);

          /* Pushed right, it must still stand over its anchor and in the figure. */
          if (x + width > x1 + 1e-9 || x > label->anchor + 1e-9)
            continue;
          label->x = x;
          label->lane = (int) lane;
          ends[lane] = x + width;
          n_lanes = MAX (n_lanes, lane + 1);
          break;
        }
    }
  return n_lanes;
}
