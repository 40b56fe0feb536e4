/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "brief-timeline.h"

G_BEGIN_DECLS

/* For the benchmark: lays the visible events out again, as on a range change. */
void                _brief_timeline_relayout          (BriefTimeline *self);
/* The events placed in lanes and the clusters of the last layout. */
guint               _brief_timeline_get_n_placed      (BriefTimeline *self);
guint               _brief_timeline_get_n_clusters    (BriefTimeline *self);

G_END_DECLS
