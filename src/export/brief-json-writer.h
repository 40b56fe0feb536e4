/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "brief-analysis.h"
#include "brief-article.h"

G_BEGIN_DECLS

/* The shapes of DESIGN.md: an imported article, and the analysis of one. */
JsonNode           *brief_json_from_article       (BriefArticle  *article);
JsonNode           *brief_json_from_analysis      (BriefArticle  *article,
                                                   BriefAnalysis *analysis);
char               *brief_json_to_string          (JsonNode      *node,
                                                   gboolean       pretty);

G_END_DECLS
