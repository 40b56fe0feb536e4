/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Date-engine test cases write what they expect as
 * "text=TYPE:value[@MOD][#freq][/quant]", in text order, joined by " | ". */

char *test_timex_describe (GPtrArray          *timexes);
char *test_timex_join     (const char * const *expect,
                           gsize               max_expect);

G_END_DECLS
