/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What binary data looks like from its first bytes, as a translated phrase
 * that fits "This looks like %s, not an article" ("a PDF document"), or NULL
 * when the bytes start like no known binary format. */
const char         *brief_binary_sniff            (const char         *data,
                                                   gsize               length);

G_END_DECLS
