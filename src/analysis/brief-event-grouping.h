/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One event of one article, as the grouping sees it. */
typedef struct
{
  guint               article;
  guint32             earliest;  /* Julian days (g_date_get_julian()) */
  guint32             latest;
  const char         *title;
  const char * const *actors;    /* NULL-terminated, or NULL */
  /* brief_grouping_title_stems() of @title, kept by the caller for the
   * next call; NULL: made from @title. */
  GHashTable         *stems;
} BriefGroupingEvent;

/* Two events of different articles that tell the same happening with dates
 * that do not overlap. */
typedef struct
{
  guint a;
  guint b;
} BriefGroupingConflict;

/* Groups the events of different articles that have compatible dates and
 * similar titles or actors; a pure function.  Returns the group of every
 * event (groups are numbered from 0 in order of their first event); when
 * @conflicts is not NULL it receives BriefGroupingConflict pairs.
 * Returns: (transfer full) (element-type guint) */
GArray             *brief_group_events          (const BriefGroupingEvent *events,
                                                 guint                     n_events,
                                                 GArray                   *conflicts);

/* As brief_group_events(), but compares only the pairs with an event at or
 * after @first_new: the events before it were compared with each other
 * before, and what linked them is not found again.  Adding one article to
 * a large briefing costs its events, not the whole briefing. */
GArray             *brief_group_new_events      (const BriefGroupingEvent *events,
                                                 guint                     n_events,
                                                 guint                     first_new,
                                                 GArray                   *conflicts);

/* The stems of the content words of @title, as the grouping compares them.
 * Returns: (transfer full) */
GHashTable         *brief_grouping_title_stems  (const char               *title);

/* How alike two events are, from 0 to 1: shared title words and actors;
 * 0 when they share one title word or none and no actor. */
double              brief_grouping_similarity   (const BriefGroupingEvent *a,
                                                 const BriefGroupingEvent *b);

G_END_DECLS
