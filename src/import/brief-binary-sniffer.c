/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-binary-sniffer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "brief-binary-sniffer.h"

/* ZIP members that tell an office document from a plain archive. */
#define ZIP_SCAN_BYTES 4096

typedef struct
{
  gsize       offset;
  const char *magic;
  gsize       magic_length;
  const char *description;
} Signature;

#define SIG(offset, magic, description) { offset, magic, sizeof magic - 1, description }

static const Signature signatures[] = {
  SIG (0, "%PDF-", N_("a PDF document")),
  SIG (0, "\x89PNG\r\n\x1a\n", N_("a PNG image")),
  SIG (0, "\xFF\xD8\xFF", N_("a JPEG image")),
  SIG (0, "GIF87a", N_("a GIF image")),
  SIG (0, "GIF89a", N_("a GIF image")),
  SIG (8, "WEBP", N_("a WebP image")),
  SIG (0, "II*\0", N_("a TIFF image")),
  SIG (0, "MM\0*", N_("a TIFF image")),
  SIG (0, "\0\0\1\0", N_("an icon")),
  SIG (4, "ftypheic", N_("a HEIC image")),
  SIG (4, "ftyp", N_("a video")),
  SIG (0, "\x1a\x45\xdf\xa3", N_("a video")),
  SIG (0, "OggS", N_("an audio or video file")),
  SIG (0, "ID3\x03", N_("an MP3 audio file")),
  SIG (0, "ID3\x04", N_("an MP3 audio file")),
  SIG (0, "fLaC", N_("a FLAC audio file")),
  SIG (8, "WAVE", N_("a WAV audio file")),
  SIG (8, "AVI ", N_("a video")),
  SIG (0, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", N_("an old Microsoft Office document")),
  SIG (0, "\x1f\x8b", N_("a gzip-compressed file")),
  SIG (0, "BZh", N_("a bzip2-compressed file")),
  SIG (0, "\xFD" "7zXZ\0", N_("an xz-compressed file")),
  SIG (0, "\x28\xB5\x2F\xFD", N_("a zstd-compressed file")),
  SIG (0, "7z\xBC\xAF\x27\x1C", N_("a 7-Zip archive")),
  SIG (0, "Rar!\x1a\x07", N_("a RAR archive")),
  SIG (257, "ustar", N_("a tar archive")),
  SIG (0, "\x7f" "ELF", N_("a program (ELF executable)")),
  SIG (0, "\xCA\xFE\xBA\xBE", N_("a program (Java class or Mach-O)")),
  SIG (0, "\xCF\xFA\xED\xFE", N_("a program (Mach-O executable)")),
  SIG (0, "\0asm", N_("a WebAssembly program")),
  SIG (0, "SQLite format 3\0", N_("an SQLite database")),
  SIG (0, "wOFF", N_("a font")),
  SIG (0, "wOF2", N_("a font")),
  SIG (0, "\0\1\0\0\0", N_("a font")),
  SIG (0, "OTTO", N_("a font")),
  SIG (0, "%!PS", N_("a PostScript document")),
};

static gboolean
contains (const char *data,
          gsize       length,
          const char *needle)
{
  gsize needle_length = strlen (needle);

  if (length < needle_length)
    return FALSE;
  for (gsize i = 0; i + needle_length <= length; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, needle_length) == 0)
      return TRUE;
  return FALSE;
}

static const char *
sniff_zip (const char *data,
           gsize       length)
{
  gsize scan = MIN (length, ZIP_SCAN_BYTES);

  if (contains (data, scan, "word/"))
    return _("a Word document");
  if (contains (data, scan, "xl/"))
    return _("an Excel spreadsheet");
  if (contains (data, scan, "ppt/"))
    return _("a PowerPoint presentation");
  if (contains (data, scan, "application/vnd.oasis.opendocument"))
    return _("an OpenDocument file");
  if (contains (data, scan, "application/epub+zip"))
    return _("an EPUB e-book");
  if (contains (data, scan, "[Content_Types].xml"))
    return _("a Microsoft Office document");
  return _("a ZIP archive");
}

/* "MZ" starts DOS and Windows programs; the PE header confirms. */
static gboolean
is_windows_program (const char *data,
                    gsize       length)
{
  guint32 pe_offset;

  if (length < 64 || data[0] != 'M' || data[1] != 'Z')
    return FALSE;
  pe_offset = (guchar) data[60] | (guchar) data[61] << 8 | (guchar) data[62] << 16 | (guint32) (guchar) data[63] << 24;
  if (pe_offset < length - 4 && memcmp (data + pe_offset, "PE\0\0", 4) == 0)
    return TRUE;
  /* A DOS stub without a reachable PE header: still no article. */
  return contains (data, MIN (length, 256), "This program cannot be run in DOS mode");
}

const char *
brief_binary_sniff (const char *data,
                    gsize       length)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    return sniff_zip (data, length);
  if (length >= 4 && (memcmp (data, "PK\x05\x06", 4) == 0 || memcmp (data, "PK\x07\x08", 4) == 0))
    return _("a ZIP archive");
  if (is_windows_program (data, length))
    return _("a program (Windows executable)");

  for (guint i = 0; i < G_N_ELEMENTS (signatures); i++)
    {
      const Signature *signature = &signatures[i];

      if (length >= signature->offset + signature->magic_length
          && memcmp (data + signature->offset, signature->magic, signature->magic_length) == 0)
        return _(signature->description);
    }

  return NULL;
}
