/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-html-document"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "brief-import-private.h"
#include "brief-importer.h"
#include "brief-text-decoder.h"

/* The HTML standard looks for the charset in the first 1024 bytes; saved
 * pages often carry long comments first, so look a little further. */
#define META_CHARSET_SCAN_BYTES 4096

void
_brief_xml_string_free (BriefXmlString *string)
{
  xmlFree (string);
}

gboolean
_brief_xml_name_is (xmlNode    *node,
                    const char *name)
{
  return node != NULL
         && node->type == XML_ELEMENT_NODE
         && node->name != NULL
         && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

/* The attribute's value without copying it; NULL when absent.  Values made of
 * entity references are not expanded. */
const char *
_brief_xml_get_attr (xmlNode    *node,
                     const char *name)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (g_ascii_strcasecmp ((const char *) attr->name, name) == 0)
      {
        if (attr->children != NULL
            && attr->children->type == XML_TEXT_NODE
            && attr->children->next == NULL)
          return (const char *) attr->children->content;
        return NULL;
      }
  return NULL;
}

static void
append_collapsed (GString    *out,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }
}

char *
_brief_xml_node_text (xmlNode *node)
{
  g_autoptr(GString) out = g_string_new (NULL);
  xmlNode *root = node;

  if (node == NULL)
    return NULL;

  /* Iterative walk: entity references are skipped, never expanded. */
  while (node != NULL)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (node->content != NULL)
            append_collapsed (out, (const char *) node->content);
        }
      else if (node->type == XML_ELEMENT_NODE && node->children != NULL)
        {
          node = node->children;
          continue;
        }

      while (node != root && node->next == NULL)
        node = node->parent;
      if (node == root)
        break;
      node = node->next;
    }

  g_strstrip (out->str);
  out->len = strlen (out->str);
  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Finds charset=NAME after @p, as in <meta charset="x"> or
 * <meta http-equiv="Content-Type" content="text/html; charset=x">. */
static char *
read_charset_value (const char *p,
                    const char *end)
{
  const char *start;

  p += strlen ("charset");
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  if (p >= end || *p != '=')
    return NULL;
  p++;
  while (p < end && (*p == ' ' || *p == '\t' || *p == '"' || *p == '\''))
    p++;
  start = p;
  while (p < end && (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == ':' || *p == '.'))
    p++;
  if (p == start || p - start > 40)
    return NULL;
  return g_ascii_strdown (start, p - start);
}

char *
_brief_html_find_meta_charset (const char *data,
                               gsize       length)
{
  const char *end = data + MIN (length, META_CHARSET_SCAN_BYTES);

  for (const char *p = data; p < end; p++)
    {
      const char *tag_end;

      if (*p != '<' || end - p < 6 || g_ascii_strncasecmp (p + 1, "meta", 4) != 0)
        continue;
      tag_end = memchr (p, '>', end - p);
      if (tag_end == NULL)
        break;
      for (const char *q = p; q + 7 < tag_end; q++)
        if (g_ascii_strncasecmp (q, "charset", 7) == 0)
          {
            char *charset = read_charset_value (q, tag_end);
            if (charset != NULL)
              return charset;
          }
      p = tag_end;
    }
  return NULL;
}

static gboolean
is_utf8_name (const char *charset)
{
  return g_ascii_strcasecmp (charset, "utf-8") == 0
         || g_ascii_strcasecmp (charset, "utf8") == 0
         || g_ascii_strncasecmp (charset, "utf-16", 6) == 0  /* a lie without a BOM */
         || g_ascii_strcasecmp (charset, "unicode") == 0;
}

/* Browsers read pages labelled Latin-1 or ASCII as Windows-1252. */
static const char *
charset_alias (const char *charset)
{
  if (g_ascii_strcasecmp (charset, "iso-8859-1") == 0
      || g_ascii_strcasecmp (charset, "latin1") == 0
      || g_ascii_strcasecmp (charset, "us-ascii") == 0
      || g_ascii_strcasecmp (charset, "ascii") == 0)
    return "WINDOWS-1252";
  return charset;
}

static char *
convert_from_charset (const char *data,
                      gsize       length,
                      const char *charset)
{
  gsize n_written = 0;
  char *utf8 = g_convert_with_fallback (data, length, "UTF-8", charset_alias (charset),
                                        "\xEF\xBF\xBD", NULL, &n_written, NULL);

  if (utf8 != NULL && memchr (utf8, 0, n_written) != NULL)
    g_clear_pointer (&utf8, g_free);
  return utf8;
}

static gboolean
has_bom (const char *data,
         gsize       length)
{
  return (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
         || (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0));
}

static char *
decode_page (const char  *data,
             gsize        length,
             const char  *charset,
             guint       *n_repairs,
             GError     **error)
{
  g_autofree char *meta_charset = NULL;

  if (!has_bom (data, length))
    {
      if (charset == NULL)
        charset = meta_charset = _brief_html_find_meta_charset (data, length);
      if (charset != NULL && !is_utf8_name (charset))
        {
          char *utf8 = convert_from_charset (data, length, charset);
          if (utf8 != NULL)
            return utf8;
          g_debug ("Cannot decode the page as %s; reading it as UTF-8", charset);
        }
    }

  return brief_text_decode (data, length, NULL, n_repairs, error);
}

xmlDoc *
_brief_html_parse (const char  *data,
                   gsize        length,
                   const char  *charset,
                   guint       *out_n_repairs,
                   GError     **error)
{
  g_autofree char *utf8 = NULL;
  guint n_repairs = 0;
  xmlDoc *doc;

  /* An empty MHTML part comes as empty GBytes, whose data may be NULL. */
  if (data == NULL)
    {
      data = "";
      length = 0;
    }
  utf8 = decode_page (data, length, charset, &n_repairs, error);
  if (utf8 == NULL)
    return NULL;

  /* The bytes are UTF-8 now: the parser must not switch at <meta charset>. */
  doc = htmlReadMemory (utf8, strlen (utf8), NULL, "UTF-8",
                        BRIEF_HTML_PARSE_OPTIONS | HTML_PARSE_IGNORE_ENC);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_EMPTY,
                   _("The web page has no content"));
      return NULL;
    }

  if (out_n_repairs != NULL)
    *out_n_repairs = n_repairs;
  return doc;
}

xmlDoc *
_brief_html_parse_fragment (const char *html)
{
  g_autoptr(GString) page = g_string_new ("<html><body>");

  g_assert (html != NULL);

  /* Feed content may carry bytes that are not UTF-8 (libxml2 passes them
   * through CDATA in recover mode); the HTML parser would keep them. */
  if (g_utf8_validate (html, -1, NULL))
    g_string_append (page, html);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (html, -1);
      g_string_append (page, valid);
    }
  g_string_append (page, "</body></html>");
  return htmlReadMemory (page->str, page->len, NULL, "UTF-8",
                         BRIEF_HTML_PARSE_OPTIONS | HTML_PARSE_IGNORE_ENC);
}
