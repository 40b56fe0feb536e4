/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "brief-article.h"

G_BEGIN_DECLS

#define BRIEF_IMPORT_ERROR (brief_import_error_quark ())

typedef enum
{
  BRIEF_IMPORT_ERROR_NOT_TEXT,      /* binary data: images, archives… */
  BRIEF_IMPORT_ERROR_TOO_LARGE,
  BRIEF_IMPORT_ERROR_EMPTY,
  BRIEF_IMPORT_ERROR_UNSUPPORTED,
} BriefImportError;

/* Articles larger than this are refused rather than read into memory. */
#define BRIEF_IMPORT_MAX_BYTES (64 * 1024 * 1024)

GQuark              brief_import_error_quark      (void);

/* Reads articles from @bytes; @filename (nullable) hints at the format.
 * Returns: (transfer full) (element-type BriefArticle): one or more articles */
GPtrArray          *brief_import_bytes            (GBytes              *bytes,
                                                   const char          *filename,
                                                   GError             **error);
/* Reads pasted or dropped text: plain text, or HTML markup when it starts
 * like a page; @title_hint (nullable) titles an article without a headline.
 * Returns: (transfer full) (element-type BriefArticle): one article */
GPtrArray          *brief_import_text             (const char          *text,
                                                   const char          *title_hint,
                                                   GError             **error);
GPtrArray          *brief_import_file             (GFile               *file,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

G_END_DECLS
