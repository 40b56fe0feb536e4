/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-mhtml"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "brief-import-private.h"
#include "brief-importer.h"

/* Browsers write a handful of header lines before the first part. */
#define MHTML_SNIFF_BYTES 4096

typedef struct
{
  char *content_type;     /* lower case, parameters removed */
  char *charset;
  char *boundary;
  char *encoding;         /* Content-Transfer-Encoding, lower case */
  char *location;
} MimeHeaders;

static void
mime_headers_clear (MimeHeaders *headers)
{
  g_clear_pointer (&headers->content_type, g_free);
  g_clear_pointer (&headers->charset, g_free);
  g_clear_pointer (&headers->boundary, g_free);
  g_clear_pointer (&headers->encoding, g_free);
  g_clear_pointer (&headers->location, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MimeHeaders, mime_headers_clear)

gboolean
_brief_mhtml_sniff (const char *data,
                    gsize       length)
{
  g_autofree char *head = g_ascii_strdown (data, MIN (length, MHTML_SNIFF_BYTES));

  return (g_str_has_prefix (head, "from:") || g_str_has_prefix (head, "mime-version:")
          || g_str_has_prefix (head, "content-type:") || g_str_has_prefix (head, "subject:")
          || g_str_has_prefix (head, "date:") || g_str_has_prefix (head, "snapshot-content-location:")
          || g_str_has_prefix (head, "content-location:"))
         && strstr (head, "multipart/related") != NULL;
}

/* The value of parameter @name in "multipart/related; boundary="x"". */
static char *
header_parameter (const char *value,
                  const char *name)
{
  gsize name_length = strlen (name);

  for (const char *p = strchr (value, ';'); p != NULL; p = strchr (p + 1, ';'))
    {
      const char *start = p + 1;
      const char *end;

      while (g_ascii_isspace (*start))
        start++;
      if (g_ascii_strncasecmp (start, name, name_length) != 0 || start[name_length] != '=')
        continue;
      start += name_length + 1;
      if (*start == '"')
        {
          start++;
          end = strchr (start, '"');
        }
      else
        end = start + strcspn (start, "; \t");
      if (end == NULL)
        end = start + strlen (start);
      return g_strndup (start, end - start);
    }
  return NULL;
}

static void
apply_header (MimeHeaders *headers,
              const char  *line)
{
  const char *colon = strchr (line, ':');
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;

  if (colon == NULL)
    return;
  name = g_ascii_strdown (line, colon - line);
  value = g_strstrip (g_strdup (colon + 1));

  if (strcmp (name, "content-type") == 0 && headers->content_type == NULL)
    {
      headers->content_type = g_ascii_strdown (value, strcspn (value, "; \t"));
      headers->charset = header_parameter (value, "charset");
      headers->boundary = header_parameter (value, "boundary");
    }
  else if (strcmp (name, "content-transfer-encoding") == 0 && headers->encoding == NULL)
    headers->encoding = g_ascii_strdown (value, -1);
  else if ((strcmp (name, "content-location") == 0 || strcmp (name, "snapshot-content-location") == 0)
           && headers->location == NULL)
    headers->location = g_strdup (value);
}

/* Reads header lines (unfolding continuations) up to the blank line; returns
 * where the body starts. */
static const char *
read_headers (const char  *p,
              const char  *end,
              MimeHeaders *headers)
{
  g_autoptr(GString) line = g_string_new (NULL);

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *next = eol != NULL ? eol + 1 : end;
      gsize length = (eol != NULL ? eol : end) - p;

      if (length > 0 && p[length - 1] == '\r')
        length--;
      if (length > 0 && (p[0] == ' ' || p[0] == '\t') && line->len > 0)
        {
          g_string_append_c (line, ' ');
          g_string_append_len (line, p, length);
        }
      else
        {
          if (line->len > 0)
            apply_header (headers, line->str);
          g_string_assign (line, "");
          if (length == 0)
            return next;
          g_string_append_len (line, p, length);
        }
      p = next;
    }
  if (line->len > 0)
    apply_header (headers, line->str);
  return end;
}

static int
hex_value (char c)
{
  if (g_ascii_isdigit (c))
    return c - '0';
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

static GBytes *
decode_quoted_printable (const char *data,
                         gsize       length)
{
  g_autoptr(GByteArray) out = g_byte_array_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      guint8 c = data[i];

      if (c == '=' && i + 1 < length && (data[i + 1] == '\n' || data[i + 1] == '\r'))
        {
          /* soft line break */
          i++;
          if (data[i] == '\r' && i + 1 < length && data[i + 1] == '\n')
            i++;
          continue;
        }
      if (c == '=' && i + 2 < length && hex_value (data[i + 1]) >= 0 && hex_value (data[i + 2]) >= 0)
        {
          c = hex_value (data[i + 1]) << 4 | hex_value (data[i + 2]);
          i += 2;
        }
      g_byte_array_append (out, &c, 1);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static GBytes *
decode_base64 (const char *data,
               gsize       length)
{
  g_autofree char *copy = g_strndup (data, length);
  gsize decoded_length = 0;
  guchar *decoded;

  /* GLib refuses (with a critical) to decode fewer than two characters. */
  if (strlen (copy) < 2)
    return g_bytes_new (NULL, 0);
  decoded = g_base64_decode_inplace (copy, &decoded_length);
  return g_bytes_new (decoded, decoded_length);
}

static GBytes *
decode_body (const char *encoding,
             const char *data,
             gsize       length)
{
  if (g_strcmp0 (encoding, "quoted-printable") == 0)
    return decode_quoted_printable (data, length);
  if (g_strcmp0 (encoding, "base64") == 0)
    return decode_base64 (data, length);
  return g_bytes_new (data, length);
}

/* Finds the next "--boundary" at the start of a line after @p. */
static const char *
find_delimiter (const char *p,
                const char *end,
                const char *delimiter)
{
  gsize length = strlen (delimiter);

  while (p < end)
    {
      const char *hit = g_strstr_len (p, end - p, delimiter);

      if (hit == NULL)
        return NULL;
      if (hit == p || hit[-1] == '\n')
        return hit;
      p = hit + length;
    }
  return NULL;
}

static GBytes *
html_part (const char  *data,
           gsize        length,
           const char  *boundary,
           char       **out_charset,
           char       **out_location)
{
  g_autofree char *delimiter = g_strconcat ("--", boundary, NULL);
  const char *end = data + length;
  const char *p = find_delimiter (data, end, delimiter);

  while (p != NULL)
    {
      g_auto(MimeHeaders) headers = { 0 };
      const char *body, *body_end;

      p += strlen (delimiter);
      if (p + 2 <= end && p[0] == '-' && p[1] == '-')
        break;   /* the closing delimiter */
      p = memchr (p, '\n', end - p);
      if (p == NULL)
        break;
      body = read_headers (p + 1, end, &headers);
      body_end = find_delimiter (body, end, delimiter);
      if (body_end == NULL)
        body_end = end;

      if (g_strcmp0 (headers.content_type, "text/html") == 0
          || g_strcmp0 (headers.content_type, "application/xhtml+xml") == 0)
        {
          *out_charset = g_steal_pointer (&headers.charset);
          *out_location = g_steal_pointer (&headers.location);
          return decode_body (headers.encoding, body, body_end - body);
        }
      p = body_end == end ? NULL : body_end;
    }
  return NULL;
}

GBytes *
_brief_mhtml_get_html (const char  *data,
                       gsize        length,
                       char       **out_charset,
                       char       **out_location,
                       GError     **error)
{
  g_auto(MimeHeaders) headers = { 0 };
  const char *body = read_headers (data, data + length, &headers);
  g_autofree char *charset = NULL;
  g_autofree char *location = NULL;
  GBytes *html = NULL;

  if (headers.boundary != NULL && g_str_has_prefix (headers.content_type, "multipart/"))
    html = html_part (body, data + length - body, headers.boundary, &charset, &location);
  else if (g_strcmp0 (headers.content_type, "text/html") == 0)
    {
      html = decode_body (headers.encoding, body, data + length - body);
      charset = g_steal_pointer (&headers.charset);
    }

  if (html == NULL)
    {
      g_set_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_UNSUPPORTED,
                   _("The web archive holds no web page"));
      return NULL;
    }

  if (location == NULL)
    location = g_steal_pointer (&headers.location);
  if (out_charset != NULL)
    *out_charset = g_steal_pointer (&charset);
  if (out_location != NULL)
    *out_location = g_steal_pointer (&location);
  return html;
}
