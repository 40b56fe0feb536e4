/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gsize byte_start;
  gsize byte_end;   /* exclusive, trailing space trimmed */
} BriefSpan;

/* Splits @text into sentences, robust to abbreviations ("U.S.", "Dr.") and to
 * run-together text saved from web pages ("collapsed.Russian").
 * Returns: (transfer full) (element-type BriefSpan) */
GArray             *brief_split_sentences       (const char *text);

G_END_DECLS
