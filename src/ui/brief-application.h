/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BRIEF_TYPE_APPLICATION (brief_application_get_type ())

G_DECLARE_FINAL_TYPE (BriefApplication, brief_application, BRIEF, APPLICATION, GtkApplication)

BriefApplication   *brief_application_new         (void);

G_END_DECLS
