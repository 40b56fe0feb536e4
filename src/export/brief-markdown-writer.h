/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "brief-briefing.h"

G_BEGIN_DECLS

/* Writes the briefing note as CommonMark with the export's default options:
 * title block, key points, the dated events in chronological order with
 * their sentences, a chronology table, notes and the numbered sources.
 * brief_export_write() does the same for any options. */
char               *brief_markdown_write          (BriefBriefing *briefing);

G_END_DECLS
