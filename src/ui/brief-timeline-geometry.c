/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-timeline-geometry"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "brief-timeline-geometry.h"

/* The last day GDate knows is far beyond any article; keep to years 1–9999. */
#define FIRST_DAY 1.0
#define LAST_DAY  3652059.0

/* The fewest days a tick unit spans, and the most ticks ever generated. */
static const double unit_min_days[BRIEF_N_TICK_UNITS] = { 1, 7, 28, 90, 365, 3652 };
#define MAX_TICKS 4000

double
brief_timeline_day_to_x (double start,
                         double end,
                         double width,
                         double day)
{
  if (end <= start)
    return 0.0;
  return (day - start) * width / (end - start);
}

double
brief_timeline_x_to_day (double start,
                         double end,
                         double width,
                         double x)
{
  if (width <= 0.0)
    return start;
  return start + x * (end - start) / width;
}

void
brief_timeline_zoom_around (double *start,
                            double *end,
                            double  anchor_day,
                            double  factor,
                            double  min_span,
                            double  max_span)
{
  double span;
  double new_span;
  double fraction;

  g_return_if_fail (start != NULL && end != NULL);
  g_return_if_fail (factor > 0.0);

  span = *end - *start;
  if (span <= 0.0)
    span = min_span;

  new_span = CLAMP (span / factor, min_span, max_span);
  fraction = (anchor_day - *start) / span;

  *start = anchor_day - fraction * new_span;
  *end = *start + new_span;
}

void
brief_timeline_clamp (double *start,
                      double *end,
                      double  lower,
                      double  upper)
{
  double span;

  g_return_if_fail (start != NULL && end != NULL);

  span = *end - *start;
  if (span > upper - lower)
    {
      *start = lower;
      *end = upper;
      return;
    }
  if (*start < lower)
    {
      *start = lower;
      *end = lower + span;
    }
  else if (*end > upper)
    {
      *end = upper;
      *start = upper - span;
    }
}

/* ---------------------------------------------------------------- ticks */

static void
tick_clear (gpointer data)
{
  BriefTimelineTick *tick = data;

  g_clear_pointer (&tick->label, g_free);
}

GArray *
brief_timeline_ticks_new (void)
{
  GArray *ticks = g_array_new (FALSE, TRUE, sizeof (BriefTimelineTick));

  g_array_set_clear_func (ticks, tick_clear);
  return ticks;
}

static void
day_to_dmy (double  day,
            int    *year,
            int    *month,
            int    *mday)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) CLAMP (floor (day), FIRST_DAY, LAST_DAY));
  *year = g_date_get_year (&date);
  *month = g_date_get_month (&date);
  *mday = g_date_get_day (&date);
}

static double
julian (int year,
        int month,
        int mday)
{
  GDate date;

  if (year < 1)
    return FIRST_DAY;
  if (year > 9999)
    return LAST_DAY + 1;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, mday, month, year);
  return g_date_get_julian (&date);
}

static char *
format_day (int         year,
            int         month,
            int         mday,
            const char *format)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_utc (year, month, mday, 0, 0, 0);

  if (date_time == NULL)
    return g_strdup ("");
  return g_date_time_format (date_time, format);
}

/* The label of a tick; @context asks for the enclosing period too. */
static char *
tick_label (BriefTickUnit unit,
            int           year,
            int           month,
            int           mday,
            gboolean      context)
{
  switch (unit)
    {
    case BRIEF_TICK_DAY:
      if (context || (month == 1 && mday == 1))
        /* Translators: a day on the timeline axis with its month and year, see g_date_time_format() */
        return format_day (year, month, mday, C_("timeline axis", "%-d %b %Y"));
      if (mday == 1)
        return format_day (year, month, mday, C_("timeline axis", "%-d %b"));
      return format_day (year, month, mday, C_("timeline axis", "%-d"));

    case BRIEF_TICK_WEEK:
      if (context)
        return format_day (year, month, mday, C_("timeline axis", "%-d %b %Y"));
      return format_day (year, month, mday, C_("timeline axis", "%-d %b"));

    case BRIEF_TICK_MONTH:
      if (context || month == 1)
        /* Translators: a month on the timeline axis with its year, see g_date_time_format() */
        return format_day (year, month, mday, C_("timeline axis", "%b %Y"));
      return format_day (year, month, mday, C_("timeline axis", "%b"));

    case BRIEF_TICK_QUARTER:
      if (context || month == 1)
        /* Translators: a quarter of a year on the timeline axis: "Q1 2021" */
        return g_strdup_printf (C_("timeline axis", "Q%d %d"), (month - 1) / 3 + 1, year);
      /* Translators: a quarter of a year on the timeline axis: "Q2" */
      return g_strdup_printf (C_("timeline axis", "Q%d"), (month - 1) / 3 + 1);

    case BRIEF_TICK_YEAR:
      return g_strdup_printf ("%d", year);

    case BRIEF_TICK_DECADE:
      /* Translators: a decade on the timeline axis: "1990s" */
      return g_strdup_printf (C_("timeline axis", "%ds"), year);

    case BRIEF_N_TICK_UNITS:
    default:
      g_assert_not_reached ();
    }
}

/* Calls @func for each day of @unit in [start, end); stops when it returns FALSE. */
typedef gboolean (*TickFunc) (double   day,
                              int      year,
                              int      month,
                              int      mday,
                              gpointer user_data);

static void
foreach_tick (BriefTickUnit unit,
              double        start,
              double        end,
              TickFunc      func,
              gpointer      user_data)
{
  int year;
  int month;
  int mday;

  start = MAX (start, FIRST_DAY);
  end = MIN (end, LAST_DAY);
  if (end <= start)
    return;

  day_to_dmy (start, &year, &month, &mday);

  switch (unit)
    {
    case BRIEF_TICK_DAY:
      for (double day = ceil (start); day < end; day++)
        {
          day_to_dmy (day, &year, &month, &mday);
          if (!func (day, year, month, mday, user_data))
            return;
        }
      break;

    case BRIEF_TICK_WEEK:
      {
        /* Julian day 1 was a Monday: weeks start on Mondays. */
        double day = ceil (start);
        double offset = fmod (day - 1.0, 7.0);

        if (offset > 0.0)
          day += 7.0 - offset;
        for (; day < end; day += 7.0)
          {
            day_to_dmy (day, &year, &month, &mday);
            if (!func (day, year, month, mday, user_data))
              return;
          }
      }
      break;

    case BRIEF_TICK_MONTH:
    case BRIEF_TICK_QUARTER:
      {
        int step = unit == BRIEF_TICK_MONTH ? 1 : 3;

        /* From the first month boundary of the unit at or after start. */
        month = ((month - 1) / step) * step + 1;
        for (;;)
          {
            double day = julian (year, month, 1);

            if (day >= end)
              return;
            if (day >= start && !func (day, year, month, 1, user_data))
              return;
            month += step;
            if (month > 12)
              {
                month -= 12;
                year++;
              }
          }
      }
      break;

    case BRIEF_TICK_YEAR:
    case BRIEF_TICK_DECADE:
      {
        int step = unit == BRIEF_TICK_YEAR ? 1 : 10;

        year = (year / step) * step;
        for (;; year += step)
          {
            double day = julian (MAX (year, 1), 1, 1);

            if (year < 1)
              continue;
            if (day >= end)
              return;
            if (day >= start && !func (day, year, 1, 1, user_data))
              return;
          }
      }
      break;

    case BRIEF_N_TICK_UNITS:
    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  BriefTickUnit             unit;
  double                    start;
  double                    end;
  double                    width;
  BriefTimelineMeasureFunc  measure;
  gpointer                  user_data;
  GArray                   *ticks;
  gboolean                  labelled;
  gboolean                  first;
  int                       last_year;
} TickBuild;

static gboolean
add_tick_cb (double   day,
             int      year,
             int      month,
             int      mday,
             gpointer user_data)
{
  TickBuild *build = user_data;
  BriefTimelineTick tick = { 0 };

  if (build->ticks->len >= MAX_TICKS)
    return FALSE;

  tick.day = day;
  tick.x = brief_timeline_day_to_x (build->start, build->end, build->width, day);
  tick.major = build->labelled;

  if (build->labelled)
    {
      gboolean context = build->first ||
                         (build->unit == BRIEF_TICK_WEEK && year != build->last_year);

      tick.label = tick_label (build->unit, year, month, mday, context);
      tick.label_width = build->measure (tick.label, build->user_data);
      tick.label_x = tick.x + 4.0;
      build->first = FALSE;
      build->last_year = year;
    }

  g_array_append_val (build->ticks, tick);
  return TRUE;
}

static gboolean
labels_fit (GArray *ticks,
            double  gap)
{
  const BriefTimelineTick *previous = NULL;

  for (guint i = 0; i < ticks->len; i++)
    {
      const BriefTimelineTick *tick = &g_array_index (ticks, BriefTimelineTick, i);

      if (tick->label == NULL)
        continue;
      if (previous != NULL && previous->label_x + previous->label_width + gap > tick->label_x)
        return FALSE;
      previous = tick;
    }

  return TRUE;
}

/* Keeps every @step-th label (by year for decades, by position otherwise). */
static void
thin_labels (GArray *ticks,
             guint   step)
{
  guint n = 0;

  for (guint i = 0; i < ticks->len; i++)
    {
      BriefTimelineTick *tick = &g_array_index (ticks, BriefTimelineTick, i);

      if (tick->label == NULL)
        continue;
      if (n++ % step != 0)
        g_clear_pointer (&tick->label, g_free);
    }
}

/* The last guard: drops any label that would touch the one before. */
static void
drop_colliding_labels (GArray *ticks,
                       double  gap)
{
  const BriefTimelineTick *previous = NULL;

  for (guint i = 0; i < ticks->len; i++)
    {
      BriefTimelineTick *tick = &g_array_index (ticks, BriefTimelineTick, i);

      if (tick->label == NULL)
        continue;
      if (previous != NULL && previous->label_x + previous->label_width + gap > tick->label_x)
        {
          g_clear_pointer (&tick->label, g_free);
          continue;
        }
      previous = tick;
    }
}

static BriefTickUnit
minor_unit_for (BriefTickUnit unit,
                double        px_per_day)
{
  switch (unit)
    {
    case BRIEF_TICK_DECADE:
      return BRIEF_TICK_YEAR;
    case BRIEF_TICK_YEAR:
      return 28 * px_per_day >= 6.0 ? BRIEF_TICK_MONTH : BRIEF_TICK_QUARTER;
    case BRIEF_TICK_QUARTER:
      return BRIEF_TICK_MONTH;
    case BRIEF_TICK_MONTH:
    case BRIEF_TICK_WEEK:
      return BRIEF_TICK_DAY;
    case BRIEF_TICK_DAY:
    case BRIEF_N_TICK_UNITS:
    default:
      return BRIEF_N_TICK_UNITS;
    }
}

BriefTickUnit
brief_timeline_compute_ticks (double                    start,
                              double                    end,
                              double                    width,
                              double                    gap,
                              BriefTimelineMeasureFunc  measure,
                              gpointer                  user_data,
                              GArray                   *ticks)
{
  TickBuild build = { 0 };
  BriefTickUnit chosen = BRIEF_TICK_DECADE;
  BriefTickUnit minor;
  double px_per_day;

  g_return_val_if_fail (measure != NULL, BRIEF_TICK_DECADE);
  g_return_val_if_fail (ticks != NULL, BRIEF_TICK_DECADE);

  g_array_set_size (ticks, 0);
  if (end <= start || width <= 0.0)
    return BRIEF_TICK_DECADE;

  px_per_day = width / (end - start);

  build.start = start;
  build.end = end;
  build.width = width;
  build.measure = measure;
  build.user_data = user_data;
  build.ticks = ticks;
  build.labelled = TRUE;

  for (BriefTickUnit unit = BRIEF_TICK_DAY; unit < BRIEF_N_TICK_UNITS; unit++)
    {
      /* Too dense to hold even a short label, or too many to count. */
      if (unit != BRIEF_TICK_DECADE &&
          (unit_min_days[unit] * px_per_day < 14.0 ||
           (end - start) / unit_min_days[unit] > MAX_TICKS))
        continue;

      g_array_set_size (ticks, 0);
      build.unit = unit;
      build.first = TRUE;
      build.last_year = G_MININT;
      foreach_tick (unit, start, end, add_tick_cb, &build);
      chosen = unit;

      if (labels_fit (ticks, gap))
        break;

      if (unit == BRIEF_TICK_DECADE)
        {
          static const guint steps[] = { 2, 5, 10, 20, 50, 100 };

          for (guint i = 0; i < G_N_ELEMENTS (steps) && !labels_fit (ticks, gap); i++)
            {
              g_array_set_size (ticks, 0);
              build.first = TRUE;
              foreach_tick (unit, start, end, add_tick_cb, &build);
              thin_labels (ticks, steps[i]);
            }
        }
    }

  drop_colliding_labels (ticks, gap);
  /* A label cut off by the edge reads as a different date: drop it. */
  for (guint i = 0; i < ticks->len; i++)
    {
      BriefTimelineTick *tick = &g_array_index (ticks, BriefTimelineTick, i);

      if (tick->label != NULL && tick->label_x + tick->label_width > width)
        g_clear_pointer (&tick->label, g_free);
    }

  /* Unlabelled minor ticks between, when they stand far enough apart. */
  minor = minor_unit_for (chosen, px_per_day);
  if (minor < BRIEF_N_TICK_UNITS && unit_min_days[minor] * px_per_day >= 5.0 &&
      (end - start) / unit_min_days[minor] <= MAX_TICKS)
    {
      guint n_major = ticks->len;

      build.unit = minor;
      build.labelled = FALSE;
      foreach_tick (minor, start, end, add_tick_cb, &build);

      /* Drop the minor ticks that stand on a major one. */
      for (guint i = ticks->len; i > n_major; i--)
        {
          const BriefTimelineTick *tick = &g_array_index (ticks, BriefTimelineTick, i - 1);

          for (guint j = 0; j < n_major; j++)
            if (g_array_index (ticks, BriefTimelineTick, j).day == tick->day)
              {
                g_array_remove_index_fast (ticks, i - 1);
                break;
              }
        }
    }

  return chosen;
}

/* ---------------------------------------------------------------- lanes */

typedef struct
{
  double end;
  guint  lane;
} BusyLane;

static void
busy_push (BusyLane *heap,
           guint    *n,
           BusyLane  value)
{
  guint i = (*n)++;

  heap[i] = value;
  while (i > 0)
    {
      guint parent = (i - 1) / 2;

      if (heap[parent].end <= heap[i].end)
        break;
      BusyLane tmp = heap[parent];
      heap[parent] = heap[i];
      heap[i] = tmp;
      i = parent;
    }
}

static BusyLane
busy_pop (BusyLane *heap,
          guint    *n)
{
  BusyLane top = heap[0];
  guint i = 0;

  heap[0] = heap[--(*n)];
  for (;;)
    {
      guint left = 2 * i + 1;
      guint right = left + 1;
      guint smallest = i;

      if (left < *n && heap[left].end < heap[smallest].end)
        smallest = left;
      if (right < *n && heap[right].end < heap[smallest].end)
        smallest = right;
      if (smallest == i)
        break;
      BusyLane tmp = heap[smallest];
      heap[smallest] = heap[i];
      heap[i] = tmp;
      i = smallest;
    }

  return top;
}

static void
free_push (guint *heap,
           guint *n,
           guint  lane)
{
  guint i = (*n)++;

  heap[i] = lane;
  while (i > 0 && heap[(i - 1) / 2] > heap[i])
    {
      guint parent = (i - 1) / 2;
      guint tmp = heap[parent];

      heap[parent] = heap[i];
      heap[i] = tmp;
      i = parent;
    }
}

static guint
free_pop (guint *heap,
          guint *n)
{
  guint top = heap[0];
  guint i = 0;

  heap[0] = heap[--(*n)];
  for (;;)
    {
      guint left = 2 * i + 1;
      guint right = left + 1;
      guint smallest = i;

      if (left < *n && heap[left] < heap[smallest])
        smallest = left;
      if (right < *n && heap[right] < heap[smallest])
        smallest = right;
      if (smallest == i)
        break;
      guint tmp = heap[smallest];
      heap[smallest] = heap[i];
      heap[i] = tmp;
      i = smallest;
    }

  return top;
}

static int
compare_by_start_cb (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const double *x0 = user_data;
  double xa = x0[*(const guint *) a];
  double xb = x0[*(const guint *) b];

  return (xa > xb) - (xa < xb);
}

/* Fills @order with 0…n-1 sorted by x0.  The layout hands the intervals
 * over nearly sorted (only titles moved left of their markers, near the
 * right edge, start early): those that break the order are sorted alone and
 * merged back, in O(n + m log m) for m of them. */
static void
sort_by_start (const double *x0,
               guint         n,
               guint        *order)
{
  g_autofree guint *outliers = NULL;
  g_autofree guint *kept = NULL;
  guint n_outliers = 0;
  guint n_kept = 0;
  double last = -G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    if (x0[i] < last)
      n_outliers++;
    else
      last = x0[i];
  if (n_outliers == 0)
    {
      for (guint i = 0; i < n; i++)
        order[i] = i;
      return;
    }

  outliers = g_new (guint, n_outliers);
  kept = g_new (guint, n - n_outliers);
  n_outliers = 0;
  last = -G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    if (x0[i] < last)
      outliers[n_outliers++] = i;
    else
      {
        kept[n_kept++] = i;
        last = x0[i];
      }
  g_qsort_with_data (outliers, (int) n_outliers, sizeof (guint), compare_by_start_cb, (gpointer) x0);

  for (guint i = 0, j = 0, k = 0; k < n; k++)
    if (j >= n_outliers || (i < n_kept && x0[kept[i]] <= x0[outliers[j]]))
      order[k] = kept[i++];
    else
      order[k] = outliers[j++];
}

guint
brief_timeline_assign_lanes (const double *x0,
                             const double *x1,
                             guint         n,
                             guint         max_lanes,
                             int          *out_lanes)
{
  g_autofree guint *order = NULL;
  g_autofree BusyLane *busy = NULL;
  g_autofree guint *free_lanes = NULL;
  guint n_busy = 0;
  guint n_free = 0;
  guint n_lanes = 0;

  g_return_val_if_fail (n == 0 || (x0 != NULL && x1 != NULL && out_lanes != NULL), 0);

  if (n == 0)
    return 0;

  order = g_new (guint, n);
  sort_by_start (x0, n, order);

  busy = g_new (BusyLane, n);
  free_lanes = g_new (guint, n);

  for (guint k = 0; k < n; k++)
    {
      guint i = order[k];
      guint lane;

      /* Lanes whose last interval ended free up. */
      while (n_busy > 0 && busy[0].end <= x0[i])
        free_push (free_lanes, &n_free, busy_pop (busy, &n_busy).lane);

      if (n_free > 0)
        lane = free_pop (free_lanes, &n_free);
      else if (max_lanes == 0 || n_lanes < max_lanes)
        lane = n_lanes++;
      else
        {
          out_lanes[i] = -1;
          continue;
        }

      out_lanes[i] = (int) lane;
      busy_push (busy, &n_busy, (BusyLane) { MAX (x1[i], x0[i]), lane });
    }

  return n_lanes;
}

/* ---------------------------------------------------------------- layout */

guint
brief_timeline_lower_bound (const BriefTimelineItem *items,
                            guint                    n_items,
                            double                   day)
{
  guint low = 0;
  guint high = n_items;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (items[mid].first_day < day)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

void
brief_timeline_collapse (const BriefTimelinePlacement *placements,
                         guint                         n,
                         const BriefTimelineItem      *items,
                         double                        bubble_width,
                         double                        gap,
                         GArray                       *clusters)
{
  BriefTimelineCluster *current = NULL;

  g_return_if_fail (clusters != NULL);

  g_array_set_size (clusters, 0);

  for (guint i = 0; i < n; i++)
    {
      const BriefTimelinePlacement *p = &placements[i];
      const BriefTimelineItem *item = &items[p->index];

      if (p->lane >= 0)
        continue;

      if (current != NULL && p->x < current->x + bubble_width + gap)
        {
          current->last = i;
          current->count++;
          current->first_day = MIN (current->first_day, item->first_day);
          current->last_day = MAX (current->last_day, item->last_day);
          continue;
        }

      g_array_append_val (clusters, ((BriefTimelineCluster) {
                                       .x = current != NULL
                                            ? MAX (p->x, current->x + bubble_width + gap)
                                            : p->x,
                                       .width = bubble_width,
                                       .first = i,
                                       .last = i,
                                       .count = 1,
                                       .first_day = item->first_day,
                                       .last_day = item->last_day,
                                     }));
      current = &g_array_index (clusters, BriefTimelineCluster, clusters->len - 1);
    }
}

/* The narrowest a title is cut to before it may cover its own marker. */
#define MIN_LABEL_WIDTH 64.0
/* Titles keep this far from the timeline's edges. */
#define EDGE_MARGIN 4.0

/* Keeps the title of @p on screen.  Beside a marker: on its right when it
 * fits, else on its left, else cut short (ellipsized) on its right while a
 * fair part of it fits there (a title on the left takes a lane over the
 * events before it), else on the roomier side; a range's title, or one
 * with no room on either side, is shifted inside. */
static void
place_label (BriefTimelinePlacement *p,
             gboolean                marker,
             double                  marker_width,
             double                  label_width,
             double                  width)
{
  double margin = width > 4 * EDGE_MARGIN + MIN_LABEL_WIDTH ? EDGE_MARGIN : 0.0;
  double right = width - margin;

  p->label_width = MIN (label_width, right - margin);

  if (p->label_x + p->label_width > right)
    {
      double right_room = right - p->label_x;
      double left_room = p->x - 4.0 - margin;

      if (marker && left_room >= p->label_width)
        p->label_x = p->x - 4.0 - p->label_width;
      else if (marker && right_room >= 1.5 * MIN_LABEL_WIDTH)
        p->label_width = right_room;
      else if (marker && MAX (left_room, right_room) >= MIN_LABEL_WIDTH)
        {
          p->label_width = MAX (left_room, right_room);
          if (left_room > right_room)
            p->label_x = margin;
        }
      else
        p->label_x = right - p->label_width;
    }
  p->label_x = MAX (p->label_x, margin);
  p->label_width = MAX (MIN (p->label_width, right - p->label_x), 1.0);
}

/* Count bubbles at the edges move inside, pushing their neighbours, so that
 * none is cut off and none overlaps another. */
static void
keep_clusters_inside (GArray *clusters,
                      double  bubble_width,
                      double  gap,
                      double  width)
{
  double limit = 0.0;

  for (guint i = 0; i < clusters->len; i++)
    {
      BriefTimelineCluster *c = &g_array_index (clusters, BriefTimelineCluster, i);

      if (c->x >= limit)
        break;
      c->x = limit;
      limit = c->x + bubble_width + gap;
    }

  limit = width - bubble_width;
  for (guint i = clusters->len; i > 0; i--)
    {
      BriefTimelineCluster *c = &g_array_index (clusters, BriefTimelineCluster, i - 1);

      if (c->x <= limit)
        break;
      c->x = MAX (limit, 0.0);
      limit = c->x - bubble_width - gap;
    }
}

void
brief_timeline_layout (const BriefTimelineItem *items,
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
                       GArray                  *clusters)
{
  g_autofree double *x0 = NULL;
  g_autofree double *x1 = NULL;
  g_autofree int *lanes = NULL;
  guint first;
  guint n;

  g_return_if_fail (placements != NULL && clusters != NULL);
  g_return_if_fail (n_items == 0 || items != NULL);

  g_array_set_size (placements, 0);
  g_array_set_size (clusters, 0);
  if (end <= start || width <= 0.0)
    return;

  first = brief_timeline_lower_bound (items, n_items, start - max_length - 1.0);

  for (guint i = first; i < n_items && items[i].first_day < end; i++)
    {
      const BriefTimelineItem *item = &items[i];
      BriefTimelinePlacement p = { .index = i };
      gboolean marker;

      if (item->last_day <= start)
        continue;

      p.x0 = brief_timeline_day_to_x (start, end, width, item->first_day);
      p.x1 = brief_timeline_day_to_x (start, end, width, item->last_day);

      marker = item->last_day - item->first_day <= 1.0 || p.x1 - p.x0 < marker_width;
      if (marker)
        {
          /* A day, or a range too narrow to see: a marker, its title beside. */
          double centre = (p.x0 + p.x1) / 2.0;

          p.x = centre - marker_width / 2.0;
          p.label_x = centre + marker_width / 2.0 + 4.0;
        }
      else
        {
          /* A range: its title rides on it, held on screen when it starts before. */
          p.x = MAX (p.x0, 0.0);
          p.label_x = p.x + 6.0;
        }
      place_label (&p, marker, marker_width, item->label_width, width);
      p.extent_start = MIN (p.x, p.label_x);
      p.extent_end = MAX (MAX (p.label_x + p.label_width, p.x + (marker ? marker_width : 0.0)), p.x1) + gap;

      g_array_append_val (placements, p);
    }

  n = placements->len;
  if (n == 0)
    return;

  x0 = g_new (double, n);
  x1 = g_new (double, n);
  lanes = g_new (int, n);
  for (guint i = 0; i < n; i++)
    {
      const BriefTimelinePlacement *p = &g_array_index (placements, BriefTimelinePlacement, i);

      x0[i] = p->extent_start;
      x1[i] = p->extent_end;
    }

  brief_timeline_assign_lanes (x0, x1, n, max_lanes, lanes);

  for (guint i = 0; i < n; i++)
    g_array_index (placements, BriefTimelinePlacement, i).lane = lanes[i];

  brief_timeline_collapse ((const BriefTimelinePlacement *) (gpointer) placements->data, n,
                           items, bubble_width, gap, clusters);
  keep_clusters_inside (clusters, bubble_width, gap, width);
}

/* ---------------------------------------------------------------- hit testing */

int
brief_timeline_hit_test (const BriefTimelineRect *rects,
                         guint                    n,
                         double                   x,
                         double                   y,
                         double                   slop)
{
  int nearest = -1;
  double nearest_distance = slop;

  for (guint i = n; i > 0; i--)
    {
      const BriefTimelineRect *r = &rects[i - 1];
      double dx;
      double dy;
      double distance;

      if (x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height)
        return (int) i - 1;

      dx = x < r->x ? r->x - x : (x >= r->x + r->width ? x - (r->x + r->width) : 0.0);
      dy = y < r->y ? r->y - y : (y >= r->y + r->height ? y - (r->y + r->height) : 0.0);
      distance = MAX (dx, dy);
      if (distance <= nearest_distance)
        {
          nearest_distance = distance;
          nearest = (int) i - 1;
        }
    }

  return nearest;
}
