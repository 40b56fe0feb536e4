/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-json-ld"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "brief-json-ld.h"
#include "brief-json-limits.h"

/* json-glib parses recursively: refuse deeper documents before parsing. */
#define MAX_JSON_DEPTH 64
/* Metadata blocks are small; a page's JSON-LD beyond this is not read. */
#define MAX_JSON_BYTES (1024 * 1024)
/* Nodes visited while looking for the article object. */
#define MAX_JSON_NODES 10000

static const char * const article_types[] = {
  "NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting",
  "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
  "ReviewNewsArticle", "LiveBlogPosting", "Report", "ScholarlyArticle",
  "SocialMediaPosting", "TechArticle", NULL
};

void
brief_json_ld_clear (BriefJsonLd *self)
{
  g_clear_pointer (&self->headline, g_free);
  g_clear_pointer (&self->published, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->url, g_free);
}

static gboolean
type_is_article (JsonNode *type)
{
  if (type == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (type) && json_node_get_value_type (type) == G_TYPE_STRING)
    {
      const char *name = json_node_get_string (type);
      if (g_str_has_prefix (name, "http://schema.org/") || g_str_has_prefix (name, "https://schema.org/"))
        name = strrchr (name, '/') + 1;
      return g_strv_contains (article_types, name);
    }
  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *array = json_node_get_array (type);
      for (guint i = 0; i < json_array_get_length (array); i++)
        if (type_is_article (json_array_get_element (array, i)))
          return TRUE;
    }
  return FALSE;
}

static char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  value = json_node_get_string (node);
  if (value == NULL || *value == '\0')
    return NULL;
  return g_strstrip (g_strdup (value));
}

/* "Jane Doe", { "name": "Jane Doe" } or a list of either, joined by commas. */
static char *
names_of (JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *name = json_node_get_string (node);
      if (name == NULL || *name == '\0' || g_str_has_prefix (name, "http"))
        return NULL;
      return g_strstrip (g_strdup (name));
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    return string_member (json_node_get_object (node), "name");
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array) && i < 20; i++)
        {
          g_autofree char *name = names_of (json_array_get_element (array, i));
          if (name == NULL)
            continue;
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, name);
        }
      return names->len > 0 ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
    }
  return NULL;
}

static void
read_article (JsonObject  *object,
              BriefJsonLd *out)
{
  JsonNode *entity;

  out->found = TRUE;
  out->headline = string_member (object, "headline");
  if (out->headline == NULL)
    out->headline = string_member (object, "name");
  out->published = string_member (object, "datePublished");
  if (out->published == NULL)
    out->published = string_member (object, "dateCreated");
  out->author = names_of (json_object_get_member (object, "author"));
  out->publisher = names_of (json_object_get_member (object, "publisher"));
  out->url = string_member (object, "url");
  entity = json_object_get_member (object, "mainEntityOfPage");
  if (out->url == NULL && entity != NULL)
    {
      if (JSON_NODE_HOLDS_OBJECT (entity))
        out->url = string_member (json_node_get_object (entity), "@id");
      else if (JSON_NODE_HOLDS_VALUE (entity) && json_node_get_value_type (entity) == G_TYPE_STRING)
        out->url = g_strdup (json_node_get_string (entity));
    }
}

/* Breadth-first over objects and arrays (including "@graph"), bounded. */
static void
find_article (JsonNode    *root,
              BriefJsonLd *out)
{
  g_autoptr(GQueue) queue = g_queue_new ();
  guint n_visited = 0;

  g_queue_push_tail (queue, root);
  while (!g_queue_is_empty (queue) && n_visited++ < MAX_JSON_NODES)
    {
      JsonNode *node = g_queue_pop_head (queue);

      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          for (guint i = 0; i < json_array_get_length (array); i++)
            g_queue_push_tail (queue, json_array_get_element (array, i));
        }
      else if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *object = json_node_get_object (node);
          JsonNode *graph = json_object_get_member (object, "@graph");

          if (type_is_article (json_object_get_member (object, "@type")))
            {
              read_article (object, out);
              return;
            }
          if (graph != NULL)
            g_queue_push_tail (queue, graph);
          if (json_object_has_member (object, "mainEntity"))
            g_queue_push_tail (queue, json_object_get_member (object, "mainEntity"));
        }
    }
}

/* The first "datePublished" anywhere in the block, breadth-first, bounded. */
static char *
find_any_date_published (JsonNode *root)
{
  g_autoptr(GQueue) queue = g_queue_new ();
  guint n_visited = 0;

  g_queue_push_tail (queue, root);
  while (!g_queue_is_empty (queue) && n_visited++ < MAX_JSON_NODES)
    {
      JsonNode *node = g_queue_pop_head (queue);

      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          for (guint i = 0; i < json_array_get_length (array); i++)
            g_queue_push_tail (queue, json_array_get_element (array, i));
        }
      else if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *object = json_node_get_object (node);
          char *published = string_member (object, "datePublished");
          g_autoptr(GList) values = NULL;

          if (published != NULL)
            return published;
          values = json_object_get_values (object);
          for (GList *l = values; l != NULL; l = l->next)
            g_queue_push_tail (queue, l->data);
        }
    }
  return NULL;
}

/* Malformed JSON-LD is common (a stray entity, a trailing comma): read the
 * value of the first "datePublished" key from the text itself. */
static char *
scan_date_published (const char *data)
{
  static const char key[] = "\"datePublished\"";
  const char *p = strstr (data, key);
  const char *end;

  if (p == NULL)
    return NULL;
  p += strlen (key);
  while (g_ascii_isspace (*p))
    p++;
  if (*p++ != ':')
    return NULL;
  while (g_ascii_isspace (*p))
    p++;
  if (*p++ != '"')
    return NULL;
  /* A date is short and plain: no escapes, no line breaks. */
  for (end = p; *end != '\0' && *end != '"' && *end != '\\' && *end != '\n' && end - p < 64; end++)
    ;
  if (*end != '"' || end == p)
    return NULL;
  return g_strndup (p, end - p);
}

char *
brief_json_ld_read_any_date_published (const char *data)
{
  g_autoptr(JsonParser) parser = NULL;
  gsize length;

  g_return_val_if_fail (data != NULL, NULL);

  length = strlen (data);
  if (length > MAX_JSON_BYTES || !brief_json_nesting_within (data, length, MAX_JSON_DEPTH))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, NULL))
    return scan_date_published (data);

  return find_any_date_published (json_parser_get_root (parser));
}

gboolean
brief_json_ld_read (const char  *data,
                    BriefJsonLd *out)
{
  g_autoptr(JsonParser) parser = NULL;
  gsize length;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  length = strlen (data);
  if (length > MAX_JSON_BYTES || !brief_json_nesting_within (data, length, MAX_JSON_DEPTH))
    return FALSE;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, NULL))
    return FALSE;   /* malformed JSON-LD is common and simply ignored */

  find_article (json_parser_get_root (parser), out);
  return out->found;
}
