/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads data/analysis/en/@name from the analysis GResource: one entry a line,
 * fields split on blanks, "#" starts a comment, blank lines skipped.
 * Returns: (transfer full) (element-type GStrv): never NULL */
GPtrArray          *_brief_word_list_load       (const char   *name);

/* A set of the first field of every line of @name, lower-cased; the value of
 * each key is its second field or "" (owned by the table). */
GHashTable         *_brief_word_list_load_set   (const char   *name);

/* Lower-cases an ASCII/UTF-8 word for lexicon lookups. */
char               *_brief_word_fold            (const char   *word,
                                                 gssize        len);

G_END_DECLS
