/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "brief-export.h"

G_BEGIN_DECLS

/* The sample article and a tricky one, with details, notes and decisions:
 * most events accepted, one hidden, one left suggested, two starred. */
BriefBriefing      *brief_test_export_briefing    (void);
/* The snapshot of it, with people and quotes added by hand when @with_people. */
BriefExportContent *brief_test_export_content     (BriefBriefing *briefing,
                                                   gboolean       with_people);
/* A briefing of @n_articles articles and @n_events accepted events, made by hand. */
BriefBriefing      *brief_test_export_large       (guint          n_articles,
                                                   guint          n_events);
/* Writes @bytes to a file named @name in a temporary directory. */
char               *brief_test_export_save        (GBytes        *bytes,
                                                   const char    *name);
/* Runs @argv and returns its standard output, or NULL when it failed. */
char               *brief_test_export_run         (const char   **argv);

G_END_DECLS
