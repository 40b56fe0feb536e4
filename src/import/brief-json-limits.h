/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when the JSON in @data nests arrays and objects no deeper than
 * @max_depth.  json-glib's parser recurses once per level, so hostile input
 * must be measured before it is parsed. */
gboolean            brief_json_nesting_within     (const char *data,
                                                   gsize       length,
                                                   guint       max_depth);

G_END_DECLS
