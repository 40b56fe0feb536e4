/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BRIEF_TYPE_TIMELINE_RANGE (brief_timeline_range_get_type ())

G_DECLARE_FINAL_TYPE (BriefTimelineRange, brief_timeline_range, BRIEF, TIMELINE_RANGE, GObject)

/* The days a timeline shows: [start, end), within [lower, upper], never
 * narrower than min-span.  Days are Julian day numbers (see
 * brief-timeline-geometry.h).  Emits ::changed once per change. */
BriefTimelineRange *brief_timeline_range_new        (void);
double              brief_timeline_range_get_start  (BriefTimelineRange *self);
double              brief_timeline_range_get_end    (BriefTimelineRange *self);
double              brief_timeline_range_get_span   (BriefTimelineRange *self);
double              brief_timeline_range_get_lower  (BriefTimelineRange *self);
double              brief_timeline_range_get_upper  (BriefTimelineRange *self);
void                brief_timeline_range_set_bounds (BriefTimelineRange *self,
                                                     double              lower,
                                                     double              upper);
void                brief_timeline_range_set        (BriefTimelineRange *self,
                                                     double              start,
                                                     double              end);
/* Zooms by @factor (> 1 zooms in) keeping @anchor_day in place. */
void                brief_timeline_range_zoom       (BriefTimelineRange *self,
                                                     double              factor,
                                                     double              anchor_day);
void                brief_timeline_range_pan        (BriefTimelineRange *self,
                                                     double              days);
/* Where the range would be after brief_timeline_range_set(), without moving it. */
void                brief_timeline_range_constrain  (BriefTimelineRange *self,
                                                     double             *start,
                                                     double             *end);

G_END_DECLS
