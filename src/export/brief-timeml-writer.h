/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "brief-analysis.h"

G_BEGIN_DECLS

/* Writes TempEval-3 TimeML: @text inside <TEXT> with inline <TIMEX3 tid type
 * value mod> tags, the DCT as the creation time, so standard scorers read it. */
char               *brief_timeml_write            (const char *docid,
                                                   const char *text,
                                                   const char *dct,
                                                   GPtrArray  *timexes);

G_END_DECLS
