/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Geometry of the printed timeline figure, as pure functions of numbers:
 * days are Julian day numbers (GDate), positions are points. */

typedef struct
{
  double x0;          /* where the first day starts */
  double x1;          /* where the day after the last one starts */
  double first_day;   /* 1 January of the first year shown */
  double end_day;     /* 1 January of the year after the last one shown */
  int    first_year;
  int    end_year;    /* the year after the last one shown */
} BriefFigureScale;

/* Fits whole years from the year of @first_day to that of @last_day into
 * [@x0, @x1]. */
void                brief_figure_scale_init       (BriefFigureScale       *scale,
                                                   guint32                 first_day,
                                                   guint32                 last_day,
                                                   double                  x0,
                                                   double                  x1);
double              brief_figure_scale_to_x       (const BriefFigureScale *scale,
                                                   double                  julian_day);
/* The x of 1 January of @year. */
double              brief_figure_scale_year_x     (const BriefFigureScale *scale,
                                                   int                     year);
/* Years between labelled ticks (1, 2, 5, 10, 20, 25, 50, 100…), the smallest
 * that keeps ticks at least @min_spacing apart. */
int                 brief_figure_tick_step        (const BriefFigureScale *scale,
                                                   double                  min_spacing);

/* A span on one row of marks: [x0, x1]; lane is the row, from 0. */
typedef struct
{
  double x0;
  double x1;
  int    lane;
} BriefFigureSpan;

/* Puts each span, taken in the order given (sort by x0), in the first lane
 * where it keeps @gap from the previous span; past @max_lanes, in the lane
 * that frees first, where it may overlap.  Returns the lanes used. */
guint               brief_figure_stack_spans      (BriefFigureSpan *spans,
                                                   guint            n_spans,
                                                   double           gap,
                                                   guint            max_lanes);

/* A label of @width wanted centred on @anchor; placed at left edge x in
 * lane, or lane -1 when it cannot be placed without overlapping. */
typedef struct
{
  double anchor;
  double width;
  double x;
  int    lane;
} BriefFigureLabel;

/* Places labels, taken in the order given (sort by anchor), inside
 * [@x0, @x1], never overlapping in a lane (at least @gap apart), in at most
 * @max_lanes lanes.  Returns the lanes used. */
guint               brief_figure_place_labels     (BriefFigureLabel *labels,
                                                   guint             n_labels,
                                                   double            x0,
                                                   double            x1,
                                                   double            gap,
                                                   guint             max_lanes);

G_END_DECLS
