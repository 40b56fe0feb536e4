/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "brief-briefing.h"

G_BEGIN_DECLS

/* Writes the briefing note as CommonMark: title, the dated events in
 * chronological order with their sentences, and the numbered sources. */
char               *brief_markdown_write          (BriefBriefing *briefing);

G_END_DECLS
