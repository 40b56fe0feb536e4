/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-feed-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "brief-import-private.h"
#include "brief-importer.h"

/* No network, no external entities or DTDs (no XML_PARSE_NOENT, no
 * XML_PARSE_DTDLOAD), no huge documents: the parser keeps its depth and
 * entity-amplification limits. */
#define FEED_PARSE_OPTIONS \
  (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_RECOVER)

/* Where the first element of a feed must appear. */
#define FEED_SNIFF_BYTES 4096

/* What the feed says about all its items. */
typedef struct
{
  const char *site;
  const char *language;
} FeedContext;

/* ---- Sniffing ---- */

static const char *
skip_prolog_item (const char *p)
{
  const char *terminator;
  const char *end;

  if (g_str_has_prefix (p, "<?"))
    terminator = "?>";
  else if (g_str_has_prefix (p, "<!--"))
    terminator = "-->";
  else if (g_ascii_strncasecmp (p, "<!doctype", 9) == 0)
    terminator = ">";
  else
    return NULL;
  end = strstr (p, terminator);
  return end != NULL ? end + strlen (terminator) : NULL;
}

gboolean
_brief_feed_sniff (const char *data,
                   gsize       length)
{
  g_autofree char *head = g_strndup (data, MIN (length, FEED_SNIFF_BYTES));
  const char *p = head;
  const char *name;
  gsize name_length;

  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  for (;;)
    {
      const char *next;

      while (g_ascii_isspace (*p))
        p++;
      next = skip_prolog_item (p);
      if (next == NULL)
        break;
      p = next;
    }
  if (*p != '<')
    return FALSE;

  name = p + 1;
  name_length = strcspn (name, " \t\r\n>/");
  if (memchr (name, ':', name_length) != NULL)
    {
      const char *colon = memchr (name, ':', name_length);
      name_length -= colon + 1 - name;
      name = colon + 1;
    }
  return (name_length == 3 && g_ascii_strncasecmp (name, "rss", 3) == 0)
         || (name_length == 4 && strncmp (name, "feed", 4) == 0)
         || (name_length == 3 && strncmp (name, "RDF", 3) == 0);
}

/* ---- Reading ---- */

static gboolean
local_name_is (xmlNode    *node,
               const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

static xmlNode *
child_named (xmlNode    *parent,
             const char *name)
{
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    if (local_name_is (child, name))
      return child;
  return NULL;
}

static char *
child_text (xmlNode    *parent,
            const char *name)
{
  xmlNode *child = child_named (parent, name);

  return child != NULL ? _brief_xml_node_text (child) : NULL;
}

/* The raw text of an element, entity references left out. */
static char *
raw_text (xmlNode *node)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) && child->content != NULL)
      g_string_append (text, (const char *) child->content);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Atom's <link rel="alternate" href="…"/>, or RSS's <link>…</link>. */
static char *
item_link (xmlNode *item)
{
  for (xmlNode *child = item->children; child != NULL; child = child->next)
    {
      const char *href, *rel;

      if (!local_name_is (child, "link"))
        continue;
      href = _brief_xml_get_attr (child, "href");
      rel = _brief_xml_get_attr (child, "rel");
      if (href != NULL && (rel == NULL || strcmp (rel, "alternate") == 0))
        return g_strdup (href);
      if (href == NULL)
        return _brief_xml_node_text (child);
    }
  return NULL;
}

/* RSS writes "desk@example.org (News desk)": the name is in parentheses. */
static char *
name_from_email (char *author)
{
  char *open, *close;

  if (author == NULL || strchr (author, '@') == NULL)
    return author;
  open = strchr (author, '(');
  close = open != NULL ? strrchr (open, ')') : NULL;
  if (close == NULL || close - open < 2)
    {
      g_free (author);
      return NULL;
    }
  *close = '\0';
  memmove (author, open + 1, close - open);
  return g_strstrip (author);
}

static char *
item_author (xmlNode *item)
{
  xmlNode *author = child_named (item, "author");

  if (author != NULL && child_named (author, "name") != NULL)
    return child_text (author, "name");
  if (author != NULL)
    return name_from_email (_brief_xml_node_text (author));
  return child_text (item, "creator");
}

static char *
item_published (xmlNode *item)
{
  static const char * const names[] = { "pubDate", "published", "date", "issued", "updated", "modified", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *text = child_text (item, names[i]);
      char *date = _brief_date_parse (text);
      if (date != NULL)
        return date;
    }
  return NULL;
}

static void
add_plain_paragraphs (BriefArticle *article,
                      const char   *text)
{
  g_auto(GStrv) blocks = g_strsplit (text, "\n\n", -1);

  for (guint i = 0; blocks[i] != NULL; i++)
    {
      g_strstrip (blocks[i]);
      if (*blocks[i] != '\0')
        brief_article_add_paragraph (article, BRIEF_PARAGRAPH_TEXT, blocks[i]);
    }
}

static void
add_html_content (BriefArticle *article,
                  const char   *html)
{
  g_autoptr(xmlDoc) doc = _brief_html_parse_fragment (html);

  if (doc != NULL)
    _brief_html_extract (doc, BRIEF_EXTRACT_FRAGMENT, NULL, article);
}

static char *
serialize_children (xmlNode *node)
{
  g_autoptr(GString) html = g_string_new (NULL);
  xmlBuffer *buffer = xmlBufferCreate ();

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    xmlNodeDump (buffer, node->doc, child, 0, 0);
  g_string_append_len (html, (const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return g_string_free (g_steal_pointer (&html), FALSE);
}

/* content:encoded or Atom's content first, then description or summary. */
static void
add_item_content (BriefArticle *article,
                  xmlNode      *item)
{
  static const char * const names[] = { "encoded", "content", "description", "summary", NULL };

  for (guint i = 0; names[i] != NULL && brief_article_get_n_paragraphs (article) == 0; i++)
    {
      xmlNode *content = child_named (item, names[i]);
      const char *type;
      g_autofree char *text = NULL;

      if (content == NULL)
        continue;
      type = _brief_xml_get_attr (content, "type");
      if (g_strcmp0 (type, "xhtml") == 0)
        {
          text = serialize_children (content);
          add_html_content (article, text);
        }
      else if (g_strcmp0 (type, "text") == 0)
        {
          text = raw_text (content);
          add_plain_paragraphs (article, text);
        }
      else
        {
          text = raw_text (content);
          add_html_content (article, text);
        }
    }
}

static BriefArticle *
read_item (xmlNode           *item,
           const FeedContext *context,
           const char        *filename)
{
  g_autoptr(BriefArticle) article = brief_article_new ();
  g_autofree char *title = child_text (item, "title");
  g_autofree char *link = item_link (item);
  g_autofree char *author = item_author (item);
  g_autofree char *published = item_published (item);

  add_item_content (article, item);
  if (brief_article_get_n_paragraphs (article) == 0 && title != NULL)
    brief_article_add_paragraph (article, BRIEF_PARAGRAPH_TEXT, title);
  if (brief_article_get_n_paragraphs (article) == 0)
    return NULL;

  brief_article_set_title (article, title);
  brief_article_set_url (article, link);
  brief_article_set_byline (article, author);
  brief_article_set_published (article, published);
  brief_article_set_site (article, context->site);
  brief_article_set_language (article, context->language);
  brief_article_set_source_path (article, filename);
  return g_steal_pointer (&article);
}

static void
read_items (xmlNode           *parent,
            const FeedContext *context,
            const char        *filename,
            GPtrArray         *articles)
{
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    if (local_name_is (child, "item") || local_name_is (child, "entry"))
      {
        BriefArticle *article = read_item (child, context, filename);
        if (article != NULL)
          g_ptr_array_add (articles, article);
      }
}

/* libxml2 2.9 in recover mode lets bytes that are not UTF-8 through into
 * CDATA and text: repair them as U+FFFD, walking without recursion (a
 * hostile feed nests deeply). */
static void
make_text_valid_utf8 (xmlNode *node)
{
  if (node->content != NULL && !g_utf8_validate ((const char *) node->content, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid ((const char *) node->content, -1);
      xmlNodeSetContent (node, (const xmlChar *) valid);
    }
}

static void
make_doc_valid_utf8 (xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *node = root;

  while (node != NULL)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        make_text_valid_utf8 (node);
      else if (node->type == XML_ELEMENT_NODE)
        {
          for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
            for (xmlNode *value = attr->children; value != NULL; value = value->next)
              if (value->type == XML_TEXT_NODE)
                make_text_valid_utf8 (value);
          if (node->children != NULL)
            {
              node = node->children;
              continue;
            }
        }

      while (node != root && node->next == NULL)
        node = node->parent;
      if (node == root)
        break;
      node = node->next;
    }
}

static xmlDoc *
parse_feed (const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(xmlParserCtxt) context = xmlNewParserCtxt ();
  xmlDoc *doc;

  if (context == NULL || length > G_MAXINT)
    {
      g_set_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_TOO_LARGE,
                   _("The feed is too large"));
      return NULL;
    }
  doc = xmlCtxtReadMemory (context, data, (int) length, NULL, NULL, FEED_PARSE_OPTIONS);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_UNSUPPORTED,
                   _("The feed cannot be read: it is not well-formed XML"));
      return NULL;
    }
  make_doc_valid_utf8 (doc);
  return doc;
}

GPtrArray *
_brief_feed_import (const char  *data,
                    gsize        length,
                    const char  *filename,
                    GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *site = NULL;
  g_autofree char *language = NULL;
  FeedContext context = { NULL, NULL };
  xmlNode *root, *channel;

  doc = parse_feed (data, length, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  channel = child_named (root, "channel");
  site = child_text (channel != NULL ? channel : root, "title");
  language = channel != NULL ? child_text (channel, "language") : NULL;
  if (language == NULL)
    {
      g_autoptr(BriefXmlString) lang = xmlNodeGetLang (root);
      language = lang != NULL ? g_strdup ((const char *) lang) : NULL;
    }
  context.site = site;
  context.language = language;

  /* RSS 2.0 puts items in <channel>, RSS 1.0 beside it, Atom in <feed>. */
  if (channel != NULL)
    read_items (channel, &context, filename, articles);
  read_items (root, &context, filename, articles);

  if (articles->len == 0)
    {
      g_set_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_EMPTY,
                   _("The feed holds no articles"));
      return NULL;
    }
  return g_steal_pointer (&articles);
}
