/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-html-metadata"

#include "config.h"

#include <string.h>

#include "brief-import-private.h"
#include "brief-json-ld.h"

/* Longer "names" are sentences that happen to sit in an author field. */
#define MAX_BYLINE_CHARS 120

/* What the page says about itself, gathered in one walk. */
typedef struct
{
  GHashTable *meta;              /* lower-case name/property → content */
  char       *title_element;
  char       *headline;          /* the first <h1> */
  char       *canonical;
  char       *rel_author;
  char       *itemprop_author;
  char       *itemprop_published;
  char       *time_published;    /* the first <time datetime> */
  char       *language;
  GPtrArray  *json_ld;           /* script texts */
} PageFacts;

static void
page_facts_clear (PageFacts *facts)
{
  g_clear_pointer (&facts->meta, g_hash_table_unref);
  g_clear_pointer (&facts->title_element, g_free);
  g_clear_pointer (&facts->headline, g_free);
  g_clear_pointer (&facts->canonical, g_free);
  g_clear_pointer (&facts->rel_author, g_free);
  g_clear_pointer (&facts->itemprop_author, g_free);
  g_clear_pointer (&facts->itemprop_published, g_free);
  g_clear_pointer (&facts->time_published, g_free);
  g_clear_pointer (&facts->language, g_free);
  g_clear_pointer (&facts->json_ld, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PageFacts, page_facts_clear)

static void
set_once (char       **field,
          const char  *value)
{
  if (*field == NULL && value != NULL && *value != '\0')
    *field = g_strstrip (g_strdup (value));
}

static void
set_once_owned (char **field,
                char  *value)
{
  if (*field == NULL && value != NULL && *value != '\0')
    *field = value;
  else
    g_free (value);
}

static void
read_meta (PageFacts *facts,
           xmlNode   *node)
{
  static const char * const keys[] = { "property", "name", "itemprop", "http-equiv", NULL };
  const char *content = _brief_xml_get_attr (node, "content");

  if (content == NULL || *content == '\0')
    return;
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *key = _brief_xml_get_attr (node, keys[i]);
      char *lower;

      if (key == NULL)
        continue;
      lower = g_ascii_strdown (key, -1);
      if (g_hash_table_contains (facts->meta, lower))
        g_free (lower);
      else
        g_hash_table_insert (facts->meta, lower, g_strstrip (g_strdup (content)));
    }
}

static void
read_link (PageFacts *facts,
           xmlNode   *node)
{
  const char *rel = _brief_xml_get_attr (node, "rel");

  if (rel == NULL)
    return;
  if (g_ascii_strcasecmp (rel, "canonical") == 0)
    set_once (&facts->canonical, _brief_xml_get_attr (node, "href"));
}

static gboolean
is_json_ld (xmlNode *node)
{
  const char *type = _brief_xml_get_attr (node, "type");

  return type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0;
}

/* itemprop="author" holds a name directly, in content, or in itemprop="name". */
static char *
read_item_text (xmlNode *node)
{
  const char *content = _brief_xml_get_attr (node, "content");
  const char *datetime = _brief_xml_get_attr (node, "datetime");

  if (datetime != NULL)
    return g_strdup (datetime);
  if (content != NULL)
    return g_strdup (content);
  return _brief_xml_node_text (node);
}

static void
read_itemprop (PageFacts *facts,
               xmlNode   *node)
{
  const char *itemprop = _brief_xml_get_attr (node, "itemprop");

  if (itemprop == NULL || _brief_xml_name_is (node, "meta"))
    return;
  if (g_ascii_strcasecmp (itemprop, "author") == 0 || g_ascii_strcasecmp (itemprop, "creator") == 0)
    set_once_owned (&facts->itemprop_author, read_item_text (node));
  else if (g_ascii_strcasecmp (itemprop, "datePublished") == 0)
    set_once_owned (&facts->itemprop_published, read_item_text (node));
}

static void
read_element (PageFacts *facts,
              xmlNode   *node)
{
  const char *name = (const char *) node->name;

  if (strcmp (name, "meta") == 0)
    read_meta (facts, node);
  else if (strcmp (name, "link") == 0)
    read_link (facts, node);
  else if (strcmp (name, "title") == 0 && facts->title_element == NULL)
    facts->title_element = _brief_xml_node_text (node);
  else if (strcmp (name, "h1") == 0 && facts->headline == NULL)
    facts->headline = _brief_xml_node_text (node);
  else if (strcmp (name, "html") == 0)
    set_once (&facts->language, _brief_xml_get_attr (node, "lang"));
  else if (strcmp (name, "script") == 0 && is_json_ld (node))
    {
      char *text = _brief_xml_node_text (node);
      if (text != NULL)
        g_ptr_array_add (facts->json_ld, text);
    }
  else if (strcmp (name, "time") == 0 && facts->time_published == NULL)
    set_once (&facts->time_published, _brief_xml_get_attr (node, "datetime"));
  else if (strcmp (name, "a") == 0 && facts->rel_author == NULL)
    {
      const char *rel = _brief_xml_get_attr (node, "rel");
      if (rel != NULL && g_ascii_strcasecmp (rel, "author") == 0)
        facts->rel_author = _brief_xml_node_text (node);
    }

  read_itemprop (facts, node);
}

static void
gather_facts (xmlDoc    *doc,
              PageFacts *facts)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *node = root;

  facts->meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  facts->json_ld = g_ptr_array_new_with_free_func (g_free);

  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE)
        {
          read_element (facts, node);
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

static const char *
meta (PageFacts  *facts,
      const char *key)
{
  const char *value = g_hash_table_lookup (facts->meta, key);

  return value != NULL && *value != '\0' ? value : NULL;
}

/* ---- Title ---- */

static gboolean
is_separator (const char *p,
              gsize      *out_length)
{
  static const char * const separators[] = {
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " / ", NULL
  };

  for (guint i = 0; separators[i] != NULL; i++)
    if (g_str_has_prefix (p, separators[i]))
      {
        *out_length = strlen (separators[i]);
        return TRUE;
      }
  return FALSE;
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean letter = !g_ascii_isspace (*p);
      if (letter && !in_word)
        n++;
      in_word = letter;
    }
  return n;
}

/* "Kim meets Putin | The Daily Planet" → "Kim meets Putin": the last segment
 * goes when it names the site or is much shorter than the rest. */
static char *
strip_site_suffix (const char *title,
                   const char *site)
{
  const char *cut = NULL;
  const char *suffix = NULL;

  for (const char *p = title; *p != '\0'; p++)
    {
      gsize length;
      if (is_separator (p, &length))
        {
          cut = p;
          suffix = p + length;
        }
    }

  if (cut == NULL || cut == title)
    return g_strdup (title);
  if ((site != NULL && g_ascii_strcasecmp (suffix, site) == 0)
      || (count_words (suffix) <= 4 && count_words (suffix) * 2 < count_words (title)))
    {
      g_autofree char *head = g_strndup (title, cut - title);
      return strip_site_suffix (g_strstrip (head), site);
    }
  return g_strdup (title);
}

static char *
choose_title (PageFacts   *facts,
              BriefJsonLd *json_ld,
              const char  *site)
{
  const char *title = meta (facts, "og:title");

  if (title == NULL)
    title = meta (facts, "twitter:title");
  if (title == NULL)
    title = json_ld->headline;
  if (title == NULL)
    title = facts->title_element;
  if (title == NULL)
    title = facts->headline;
  if (title == NULL)
    return NULL;

  /* A page whose <h1> starts its <title> names the article in the <h1>. */
  if (facts->headline != NULL && g_str_has_prefix (title, facts->headline)
      && strlen (facts->headline) > 10)
    return g_strdup (facts->headline);
  return strip_site_suffix (title, site);
}

/* ---- Byline, site, URL, language ---- */

static char *
clean_byline (const char *byline)
{
  g_autofree char *copy = NULL;
  char *start;

  if (byline == NULL || g_str_has_prefix (byline, "http") || strchr (byline, '@') != NULL)
    return NULL;
  copy = g_strstrip (g_strdup (byline));
  start = copy;
  if (g_ascii_strncasecmp (start, "by ", 3) == 0)
    start += 3;
  g_strstrip (start);
  if (*start == '\0' || g_utf8_strlen (start, -1) > MAX_BYLINE_CHARS)
    return NULL;
  return g_strdup (start);
}

static char *
choose_byline (PageFacts   *facts,
               BriefJsonLd *json_ld)
{
  const char *sources[] = {
    meta (facts, "author"), json_ld->author, facts->itemprop_author,
    facts->rel_author, meta (facts, "article:author"), meta (facts, "byl"),
    meta (facts, "parsely-author"), meta (facts, "sailthru.author"),
    meta (facts, "dc.creator"), meta (facts, "dcterms.creator"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      char *byline = clean_byline (sources[i]);
      if (byline != NULL)
        return byline;
    }
  return NULL;
}

static const char *
choose_site (PageFacts   *facts,
             BriefJsonLd *json_ld)
{
  if (meta (facts, "og:site_name") != NULL)
    return meta (facts, "og:site_name");
  if (json_ld->publisher != NULL)
    return json_ld->publisher;
  return meta (facts, "application-name");
}

static const char *
absolute_url (const char *url)
{
  if (url != NULL && (g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://")))
    return url;
  return NULL;
}

static const char *
choose_url (PageFacts   *facts,
            BriefJsonLd *json_ld)
{
  const char *url = absolute_url (facts->canonical);

  if (url == NULL)
    url = absolute_url (meta (facts, "og:url"));
  if (url == NULL)
    url = absolute_url (json_ld->url);
  return url;
}

static char *
choose_language (PageFacts *facts)
{
  const char *language = facts->language;

  if (language == NULL)
    language = meta (facts, "content-language");
  if (language == NULL)
    language = meta (facts, "og:locale");
  if (language == NULL || *language == '\0')
    return NULL;
  return g_strdelimit (g_strdup (language), "_", '-');
}

/* ---- Publication date ---- */

static char *
choose_published (PageFacts   *facts,
                  BriefJsonLd *json_ld,
                  const char  *url)
{
  /* Explicit statements of publication first, then weaker hints. */
  const char *sources[] = {
    meta (facts, "article:published_time"),
    meta (facts, "og:article:published_time"),
    json_ld->published,
    meta (facts, "datepublished"),
    facts->itemprop_published,
    meta (facts, "dc.date.issued"),
    meta (facts, "dcterms.issued"),
    meta (facts, "dcterms.created"),
    meta (facts, "dc.date"),
    meta (facts, "dcterms.date"),
    meta (facts, "dc.date.created"),
    meta (facts, "publish-date"),
    meta (facts, "publication_date"),
    meta (facts, "pubdate"),
    meta (facts, "parsely-pub-date"),
    meta (facts, "sailthru.date"),
    meta (facts, "date"),
    facts->time_published,
  };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      char *date = _brief_date_parse (sources[i]);
      if (date != NULL)
        return date;
    }
  return _brief_date_from_url (url);
}

void
_brief_html_read_metadata (xmlDoc       *doc,
                           BriefArticle *article)
{
  g_auto(PageFacts) facts = { 0 };
  g_auto(BriefJsonLd) json_ld = { 0 };
  g_autofree char *title = NULL;
  g_autofree char *byline = NULL;
  g_autofree char *language = NULL;
  g_autofree char *published = NULL;
  const char *site;
  const char *url;

  g_assert (doc != NULL);
  g_assert (BRIEF_IS_ARTICLE (article));

  gather_facts (doc, &facts);
  for (guint i = 0; i < facts.json_ld->len && !json_ld.found; i++)
    {
      brief_json_ld_clear (&json_ld);
      brief_json_ld_read (g_ptr_array_index (facts.json_ld, i), &json_ld);
    }
  /* Last, any datePublished the blocks hold; the other sources of the date
   * still come first in choose_published(). */
  for (guint i = 0; i < facts.json_ld->len && json_ld.published == NULL; i++)
    json_ld.published = brief_json_ld_read_any_date_published (g_ptr_array_index (facts.json_ld, i));

  site = choose_site (&facts, &json_ld);
  url = choose_url (&facts, &json_ld);
  title = choose_title (&facts, &json_ld, site);
  byline = choose_byline (&facts, &json_ld);
  language = choose_language (&facts);
  published = choose_published (&facts, &json_ld, url);

  brief_article_set_title (article, title);
  brief_article_set_byline (article, byline);
  brief_article_set_site (article, site);
  brief_article_set_url (article, url);
  brief_article_set_language (article, language);
  brief_article_set_published (article, published);
}

char *
_brief_html_find_headline (xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *node = root;

  while (node != NULL)
    {
      if (_brief_xml_name_is (node, "h1"))
        {
          char *text = _brief_xml_node_text (node);
          if (text != NULL)
            return text;
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
  return NULL;
}
