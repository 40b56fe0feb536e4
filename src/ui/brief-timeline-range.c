/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-timeline-range"

#include "config.h"

#include "brief-timeline-geometry.h"
#include "brief-timeline-range.h"

/* Two days at the closest, four centuries at the farthest. */
#define MIN_SPAN 2.0
#define MAX_SPAN (400.0 * 365.25)

struct _BriefTimelineRange
{
  GObject parent_instance;

  double  start;
  double  end;
  double  lower;
  double  upper;
};

G_DEFINE_FINAL_TYPE (BriefTimelineRange, brief_timeline_range, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_START,
  PROP_END,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
brief_timeline_range_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BriefTimelineRange *self = BRIEF_TIMELINE_RANGE (object);

  switch (prop_id)
    {
    case PROP_START:
      g_value_set_double (value, self->start);
      break;

    case PROP_END:
      g_value_set_double (value, self->end);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
brief_timeline_range_class_init (BriefTimelineRangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = brief_timeline_range_get_property;

  properties[PROP_START] =
    g_param_spec_double ("start", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_END] =
    g_param_spec_double ("end", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BriefTimelineRange::changed:
   * @self: a #BriefTimelineRange
   *
   * Emitted once after the start, the end or both changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
brief_timeline_range_init (BriefTimelineRange *self)
{
  GDate date;

  /* Years 1 to 9999, showing the last ten years of the 2010s until told. */
  self->lower = 1;
  self->upper = 3652059;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 2015);
  self->start = g_date_get_julian (&date);
  self->end = self->start + 10 * 365.25;
}

BriefTimelineRange *
brief_timeline_range_new (void)
{
  return g_object_new (BRIEF_TYPE_TIMELINE_RANGE, NULL);
}

double
brief_timeline_range_get_start (BriefTimelineRange *self)
{
  g_return_val_if_fail (BRIEF_IS_TIMELINE_RANGE (self), 0);
  return self->start;
}

double
brief_timeline_range_get_end (BriefTimelineRange *self)
{
  g_return_val_if_fail (BRIEF_IS_TIMELINE_RANGE (self), 0);
  return self->end;
}

double
brief_timeline_range_get_span (BriefTimelineRange *self)
{
  g_return_val_if_fail (BRIEF_IS_TIMELINE_RANGE (self), 0);
  return self->end - self->start;
}

double
brief_timeline_range_get_lower (BriefTimelineRange *self)
{
  g_return_val_if_fail (BRIEF_IS_TIMELINE_RANGE (self), 0);
  return self->lower;
}

double
brief_timeline_range_get_upper (BriefTimelineRange *self)
{
  g_return_val_if_fail (BRIEF_IS_TIMELINE_RANGE (self), 0);
  return self->upper;
}

void
brief_timeline_range_constrain (BriefTimelineRange *self,
                                double             *start,
                                double             *end)
{
  double centre;
  double span;

  g_return_if_fail (BRIEF_IS_TIMELINE_RANGE (self));

  span = CLAMP (*end - *start, MIN_SPAN, MIN (MAX_SPAN, self->upper - self->lower));
  centre = (*start + *end) / 2.0;
  *start = centre - span / 2.0;
  *end = centre + span / 2.0;
  brief_timeline_clamp (start, end, self->lower, self->upper);
}

void
brief_timeline_range_set (BriefTimelineRange *self,
                          double              start,
                          double              end)
{
  gboolean start_changed;
  gboolean end_changed;

  g_return_if_fail (BRIEF_IS_TIMELINE_RANGE (self));

  brief_timeline_range_constrain (self, &start, &end);

  start_changed = start != self->start;
  end_changed = end != self->end;
  if (!start_changed && !end_changed)
    return;

  self->start = start;
  self->end = end;

  if (start_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
  if (end_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
brief_timeline_range_set_bounds (BriefTimelineRange *self,
                                 double              lower,
                                 double              upper)
{
  g_return_if_fail (BRIEF_IS_TIMELINE_RANGE (self));
  g_return_if_fail (lower < upper);

  self->lower = MAX (lower, 1.0);
  self->upper = MIN (upper, 3652059.0);
  brief_timeline_range_set (self, self->start, self->end);
}

void
brief_timeline_range_zoom (BriefTimelineRange *self,
                           double              factor,
                           double              anchor_day)
{
  double start;
  double end;

  g_return_if_fail (BRIEF_IS_TIMELINE_RANGE (self));
  g_return_if_fail (factor > 0);

  start = self->start;
  end = self->end;
  brief_timeline_zoom_around (&start, &end, anchor_day, factor,
                              MIN_SPAN, MIN (MAX_SPAN, self->upper - self->lower));
  brief_timeline_clamp (&start, &end, self->lower, self->upper);
  brief_timeline_range_set (self, start, end);
}

void
brief_timeline_range_pan (BriefTimelineRange *self,
                          double              days)
{
  g_return_if_fail (BRIEF_IS_TIMELINE_RANGE (self));

  brief_timeline_range_set (self, self->start + days, self->end + days);
}
