/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BRIEF_TEXT_ENCODING_UTF8,
  BRIEF_TEXT_ENCODING_UTF8_BOM,
  BRIEF_TEXT_ENCODING_UTF16LE,
  BRIEF_TEXT_ENCODING_UTF16BE,
  BRIEF_TEXT_ENCODING_WINDOWS_1252,
} BriefTextEncoding;

const char         *brief_text_encoding_to_string (BriefTextEncoding   encoding);

/* TRUE when @data holds NUL bytes or control characters that no text file
 * has (images, archives, executables). */
gboolean            brief_text_looks_binary       (const char         *data,
                                                   gsize               length);

/* Decodes @data to UTF-8: a UTF-8 or UTF-16 byte-order mark decides when
 * present, valid UTF-8 is taken as is, text without any UTF-8 sequence is read
 * as Windows-1252, and invalid bytes in UTF-8 become U+FFFD and are counted in
 * @out_n_repairs.  Fails only for binary data.  The result never holds NUL. */
char               *brief_text_decode             (const char         *data,
                                                   gsize               length,
                                                   BriefTextEncoding  *out_encoding,
                                                   guint              *out_n_repairs,
                                                   GError            **error);

G_END_DECLS
