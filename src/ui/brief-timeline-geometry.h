/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Pure geometry of the timeline: no GTK, no display, unit-tested.
 *
 * Time is counted in days: day d is the Julian day number of GDate (1 = 1
 * January of year 1) and covers [d, d + 1).  A visible range is a pair of
 * days [start, end) mapped onto [0, width) pixels, left to right; the widget
 * mirrors x itself in right-to-left locales. */

typedef enum
{
  BRIEF_TICK_DAY,
  BRIEF_TICK_WEEK,
  BRIEF_TICK_MONTH,
  BRIEF_TICK_QUARTER,
  BRIEF_TICK_YEAR,
  BRIEF_TICK_DECADE,
  BRIEF_N_TICK_UNITS
} BriefTickUnit;

typedef struct
{
  double   day;          /* the day the tick stands at */
  double   x;
  char    *label;        /* NULL for a tick without a label */
  double   label_x;      /* where the label starts (left edge, LTR) */
  double   label_width;
  gboolean major;        /* a tick of the labelled unit, not a minor one */
} BriefTimelineTick;

/* Returns the width in pixels @text takes. */
typedef double (*BriefTimelineMeasureFunc) (const char *text,
                                            gpointer    user_data);

typedef struct
{
  double first_day;      /* the first day the date can mean */
  double last_day;       /* the day after the last day it can mean */
  double label_width;    /* pixels the title takes beside it */
} BriefTimelineItem;

typedef struct
{
  guint  index;          /* into the items */
  int    lane;           /* 0 is the top lane; -1 when collapsed into a cluster */
  double x;              /* anchor: where the marker or the range starts, clamped on screen */
  double x0;             /* the date's extent in pixels (x0 == x1 - day width for a day) */
  double x1;
  double label_x;        /* where the title starts */
  double label_width;    /* the room the title has: never past either edge */
  double extent_start;   /* where the marker or the title starts, whichever is first */
  double extent_end;     /* where the title ends, plus the gap */
} BriefTimelinePlacement;

typedef struct
{
  double x;              /* where the count bubble starts */
  double width;
  guint  first;          /* first and last collapsed placement (indices into placements) */
  guint  last;
  guint  count;
  double first_day;      /* the days the collapsed events cover */
  double last_day;
} BriefTimelineCluster;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
  guint  index;
} BriefTimelineRect;

double              brief_timeline_day_to_x        (double start,
                                                    double end,
                                                    double width,
                                                    double day);
double              brief_timeline_x_to_day        (double start,
                                                    double end,
                                                    double width,
                                                    double x);
/* Zooms [*start, *end) by @factor (> 1 zooms in) keeping @anchor_day at the
 * same place; the span stays within [@min_span, @max_span]. */
void                brief_timeline_zoom_around     (double *start,
                                                    double *end,
                                                    double  anchor_day,
                                                    double  factor,
                                                    double  min_span,
                                                    double  max_span);
/* Shifts [*start, *end) to lie within [@lower, @upper], shrinking it when wider. */
void                brief_timeline_clamp           (double *start,
                                                    double *end,
                                                    double  lower,
                                                    double  upper);

/* The ticks of [start, end) on @width pixels: the finest unit whose labels
 * (measured with @measure, at least @gap apart) do not collide, plus unlabelled
 * minor ticks of the next finer unit when they are far enough apart.  Fills
 * @ticks (an array of BriefTimelineTick made with brief_timeline_ticks_new())
 * and returns the unit labelled.  Month names come from the locale. */
BriefTickUnit       brief_timeline_compute_ticks   (double                    start,
                                                    double                    end,
                                                    double                    width,
                                                    double                    gap,
                                                    BriefTimelineMeasureFunc  measure,
                                                    gpointer                  user_data,
                                                    GArray                   *ticks);
GArray             *brief_timeline_ticks_new       (void);

/* Lanes for intervals [x0[i], x1[i]), in any order, in O(n log n): each gets the
 * lowest lane free at its start; intervals in one lane never overlap.  With
 * @max_lanes > 0, intervals that would need a lane beyond it get -1.
 * Returns the number of lanes used. */
guint               brief_timeline_assign_lanes    (const double *x0,
                                                    const double *x1,
                                                    guint         n,
                                                    guint         max_lanes,
                                                    int          *out_lanes);

/* Places the items (sorted by first_day; none longer than @max_length days)
 * that meet [start, end): markers @marker_width wide, titles beside them, in
 * at most @max_lanes lanes; the rest collapse into clusters whose count
 * bubbles, @bubble_width wide, never overlap.  Only visible items are
 * touched, found by binary search.  A title never runs past either edge of
 * [0, width): near the right edge it goes to the left of its marker, or is
 * shifted inside, or is narrowed as a last resort. */
void                brief_timeline_layout          (const BriefTimelineItem *items,
                                                    guint                    n_items,
                                                    double                   max_length,
                                                    double                   start,
                                                    double                   end,
                                                    double                   width,
                                                    guint                    max_lanes,
                                                    double                   marker_width,
                                                    double                   gap,
                                                    double                   bubble_width,
                                                    GArray                  *placements,
                                                    GArray                  *clusters);
/* Groups the collapsed placements (lane -1; sorted by x) into clusters. */
void                brief_timeline_collapse        (const BriefTimelinePlacement *placements,
                                                    guint                         n,
                                                    const BriefTimelineItem      *items,
                                                    double                        bubble_width,
                                                    double                        gap,
                                                    GArray                       *clusters);
/* The rect under (@x, @y) — the last one drawn wins — or the nearest within
 * @slop pixels; -1 when none. */
int                 brief_timeline_hit_test        (const BriefTimelineRect *rects,
                                                    guint                    n,
                                                    double                   x,
                                                    double                   y,
                                                    double                   slop);

/* The first index whose first_day is >= @day, by binary search. */
guint               brief_timeline_lower_bound     (const BriefTimelineItem *items,
                                                    guint                    n_items,
                                                    double                   day);

G_END_DECLS
