/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-text-decoder"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "brief-importer.h"
#include "brief-text-decoder.h"

const char *
brief_text_encoding_to_string (BriefTextEncoding encoding)
{
  switch (encoding)
    {
    case BRIEF_TEXT_ENCODING_UTF8: return "UTF-8";
    case BRIEF_TEXT_ENCODING_UTF8_BOM: return "UTF-8";
    case BRIEF_TEXT_ENCODING_UTF16LE: return "UTF-16LE";
    case BRIEF_TEXT_ENCODING_UTF16BE: return "UTF-16BE";
    case BRIEF_TEXT_ENCODING_WINDOWS_1252: return "WINDOWS-1252";
    default: g_return_val_if_reached ("UTF-8");
    }
}

static gboolean
has_prefix (const char *data,
            gsize       length,
            const char *prefix,
            gsize       prefix_length)
{
  return length >= prefix_length && memcmp (data, prefix, prefix_length) == 0;
}

gboolean
brief_text_looks_binary (const char *data,
                         gsize       length)
{
  gsize sample = MIN (length, 65536);
  gsize n_control = 0;

  for (gsize i = 0; i < sample; i++)
    {
      guchar c = (guchar) data[i];

      if (c == 0)
        return TRUE;
      /* Tab, newline, form feed and carriage return occur in text; the other
       * C0 controls almost never do. */
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b)
        n_control++;
    }

  return sample > 0 && n_control * 100 > sample;
}

/* Counts the well-formed multi-byte UTF-8 sequences: text in a legacy 8-bit
 * encoding has almost none, damaged UTF-8 has many. */
static gsize
count_utf8_sequences (const char *data,
                      gsize       length)
{
  const char *p = data;
  const char *end = data + length;
  gsize n = 0;

  while (p < end)
    {
      if ((guchar) *p < 0x80)
        {
          p++;
          continue;
        }

      gunichar c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }

      n++;
      p = g_utf8_next_char (p);
    }

  return n;
}

static gsize
count_invalid_utf8 (const char *data,
                    gsize       length)
{
  const char *p = data;
  const char *end = data + length;
  gsize n = 0;

  while (p < end)
    {
      const char *stop = NULL;

      if (g_utf8_validate_len (p, end - p, &stop))
        break;
      n++;
      p = stop + 1;
    }

  return n;
}

static char *
decode_utf16 (const char         *data,
              gsize               length,
              BriefTextEncoding   encoding,
              GError            **error)
{
  const char *charset = brief_text_encoding_to_string (encoding);
  g_autoptr(GError) local_error = NULL;
  gsize n_written = 0;
  char *utf8;

  utf8 = g_convert_with_fallback (data, length & ~(gsize) 1, "UTF-8", charset,
                                  "\xEF\xBF\xBD", NULL, &n_written, &local_error);
  /* A NUL would cut the text short in every C API: that is not a text file. */
  if (utf8 != NULL && memchr (utf8, 0, n_written) != NULL)
    g_clear_pointer (&utf8, g_free);
  if (utf8 == NULL)
    {
      g_set_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_NOT_TEXT,
                   _("The file claims to be %s text but cannot be read as such"),
                   charset);
      return NULL;
    }

  return utf8;
}

static char *
decode_windows_1252 (const char *data,
                     gsize       length,
                     guint      *n_repairs)
{
  g_autofree char *copy = g_memdup2 (data, length);
  char *utf8;

  /* Five bytes have no character in Windows-1252; iconv rejects them. */
  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) copy[i];

      if (c == 0x81 || c == 0x8d || c == 0x8f || c == 0x90 || c == 0x9d)
        {
          copy[i] = '?';
          (*n_repairs)++;
        }
    }

  utf8 = g_convert (copy, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  if (utf8 == NULL)
    {
      /* Not expected with the five holes filled, but never fail on text. */
      *n_repairs += count_invalid_utf8 (data, length);
      utf8 = g_utf8_make_valid (data, length);
    }

  return utf8;
}

char *
brief_text_decode (const char         *data,
                   gsize               length,
                   BriefTextEncoding  *out_encoding,
                   guint              *out_n_repairs,
                   GError            **error)
{
  BriefTextEncoding encoding = BRIEF_TEXT_ENCODING_UTF8;
  guint n_repairs = 0;
  char *text = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (has_prefix (data, length, "\xEF\xBB\xBF", 3))
    {
      encoding = BRIEF_TEXT_ENCODING_UTF8_BOM;
      data += 3;
      length -= 3;
    }
  else if (has_prefix (data, length, "\xFF\xFE", 2) || has_prefix (data, length, "\xFE\xFF", 2))
    {
      encoding = (guchar) data[0] == 0xFF ? BRIEF_TEXT_ENCODING_UTF16LE
                                          : BRIEF_TEXT_ENCODING_UTF16BE;
      text = decode_utf16 (data + 2, length - 2, encoding, error);
      if (text == NULL)
        return NULL;
      if (brief_text_looks_binary (text, strlen (text)))
        {
          g_free (text);
          g_set_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_NOT_TEXT,
                       _("The file does not contain text"));
          return NULL;
        }
    }

  if (text == NULL)
    {
      if (brief_text_looks_binary (data, length))
        {
          g_set_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_NOT_TEXT,
                       _("The file does not contain text"));
          return NULL;
        }

      if (g_utf8_validate_len (data, length, NULL))
        text = g_strndup (data, length);
      else if (encoding == BRIEF_TEXT_ENCODING_UTF8
               && count_utf8_sequences (data, length) == 0)
        {
          encoding = BRIEF_TEXT_ENCODING_WINDOWS_1252;
          text = decode_windows_1252 (data, length, &n_repairs);
        }
      else
        {
          n_repairs = count_invalid_utf8 (data, length);
          text = g_utf8_make_valid (data, length);
        }
    }

  if (out_encoding != NULL)
    *out_encoding = encoding;
  if (out_n_repairs != NULL)
    *out_n_repairs = n_repairs;

  return text;
}
