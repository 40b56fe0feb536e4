/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-gzip"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-import-private.h"
#include "brief-importer.h"

#define INFLATE_CHUNK (64 * 1024)

gboolean
_brief_gzip_has_magic (const char *data,
                       gsize       length)
{
  return length >= 3
         && (guchar) data[0] == 0x1f && (guchar) data[1] == 0x8b && data[2] == 8;
}

static GBytes *
too_large (GError **error,
           gsize    max_length)
{
  g_set_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_TOO_LARGE,
               _("The compressed file unpacks to more than %" G_GSIZE_FORMAT " MB, too large for an article"),
               max_length / (1024 * 1024));
  return NULL;
}

GBytes *
_brief_gzip_inflate (const char  *data,
                     gsize        length,
                     gsize        max_length,
                     GError     **error)
{
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize consumed = 0;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gsize n_read = 0, n_written = 0;
      GConverterResult result;
      guint offset = out->len;

      g_byte_array_set_size (out, offset + INFLATE_CHUNK);
      result = g_converter_convert (G_CONVERTER (decompressor),
                                    data + consumed, length - consumed,
                                    out->data + offset, INFLATE_CHUNK,
                                    G_CONVERTER_INPUT_AT_END,
                                    &n_read, &n_written, &local_error);
      g_byte_array_set_size (out, offset + n_written);
      consumed += n_read;

      if (result == G_CONVERTER_ERROR)
        {
          g_set_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_NOT_TEXT,
                       _("The compressed file is damaged: %s"), local_error->message);
          return NULL;
        }
      if (out->len > max_length)
        return too_large (error, max_length);
      if (result == G_CONVERTER_FINISHED)
        break;
      if (n_read == 0 && n_written == 0)
        {
          g_set_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_NOT_TEXT,
                       _("The compressed file is cut short"));
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
