/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "brief-application.h"
#include "brief-briefing.h"

G_BEGIN_DECLS

#define BRIEF_TYPE_WINDOW (brief_window_get_type ())

G_DECLARE_FINAL_TYPE (BriefWindow, brief_window, BRIEF, WINDOW, GtkApplicationWindow)

BriefWindow        *brief_window_new              (BriefApplication  *application);
/* Returns: (transfer none): the briefing shown by the window */
BriefBriefing      *brief_window_get_briefing     (BriefWindow       *self);
/* Imports each file in the background and adds it to the briefing; the
 * article view shows the last of them. Errors are shown in the window. */
void                brief_window_open_files       (BriefWindow       *self,
                                                   GFile            **files,
                                                   guint              n_files);

/* Offers back the drafts a crash left behind, if any. */
void                brief_window_offer_drafts     (BriefWindow       *self);

G_END_DECLS
