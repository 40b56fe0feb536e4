/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BRIEF_TYPE_PREFERENCES_WINDOW (brief_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (BriefPreferencesWindow, brief_preferences_window, BRIEF, PREFERENCES_WINDOW, GtkWindow)

GtkWidget *brief_preferences_window_new (GtkWindow *parent);
void       brief_preferences_apply_style (void);

G_END_DECLS
