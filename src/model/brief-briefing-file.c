/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-briefing-file"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "brief-briefing-file.h"
#include "brief-briefing-private.h"
#include "brief-json-limits.h"

/* Deeper JSON than any briefing has is an attack on the recursive parser. */
#define MAX_JSON_DEPTH 32

G_DEFINE_QUARK (brief-briefing-file-error-quark, brief_briefing_file_error)

static const char * const state_names[] = { "suggested", "accepted", "hidden" };
static const char * const grouping_names[] = { "none", "suggested", "merged" };
static const char * const paragraph_kind_names[] = { "p", "h1", "h2", "h3", "blockquote", "li" };

/* The file is written by hand into one GString rather than through a
 * JsonBuilder tree and JsonGenerator: a briefing of a hundred articles has
 * tens of thousands of events, and building and pretty-printing their tree
 * took most of the time of a save.  The layout stays readable and diffable:
 * one member per line, one line per paragraph and per event. */

static void
append_json_string (GString    *out,
                    const char *value)
{
  static const char hex[] = "0123456789abcdef";
  const char *run = value;
  const char *p;

  g_string_append_c (out, '"');
  for (p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"':
          g_string_append_len (out, "\\\"", 2);
          break;
        case '\\':
          g_string_append_len (out, "\\\\", 2);
          break;
        case '\n':
          g_string_append_len (out, "\\n", 2);
          break;
        case '\r':
          g_string_append_len (out, "\\r", 2);
          break;
        case '\t':
          g_string_append_len (out, "\\t", 2);
          break;
        case '\b':
          g_string_append_len (out, "\\b", 2);
          break;
        case '\f':
          g_string_append_len (out, "\\f", 2);
          break;
        default:
          {
            char escape[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF] };

            g_string_append_len (out, escape, sizeof escape);
          }
        }
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/* Members of one object: the separator and indentation before each. */
typedef struct
{
  GString    *out;
  const char *indent;  /* before each member, after the first "{" or "," */
  gboolean    first;
} Members;

static void
begin_member (Members    *m,
              const char *name)
{
  if (!m->first)
    g_string_append_c (m->out, ',');
  m->first = FALSE;
  g_string_append (m->out, m->indent);
  g_string_append_c (m->out, '"');
  g_string_append (m->out, name);
  g_string_append_len (m->out, "\": ", 3);
}

static void
add_string_member (Members    *m,
                   const char *name,
                   const char *value)
{
  if (value == NULL)
    return;
  begin_member (m, name);
  append_json_string (m->out, value);
}

static void
add_int_member (Members    *m,
                const char *name,
                gint64      value)
{
  begin_member (m, name);
  g_string_append_printf (m->out, "%" G_GINT64_FORMAT, value);
}

static void
add_boolean_member (Members    *m,
                    const char *name,
                    gboolean    value)
{
  begin_member (m, name);
  g_string_append (m->out, value ? "true" : "false");
}

/* The number of characters in @length bytes of UTF-8 at @p that end on a
 * character boundary: every byte but the continuation bytes. */
static gsize
count_chars (const char *p,
             gsize       length)
{
  gsize n = 0;

  for (gsize i = 0; i < length; i++)
    n += ((guchar) p[i] & 0xC0) != 0x80;
  return n;
}

static void
serialize_article (GString      *out,
                   BriefArticle *article)
{
  const char *text = brief_article_get_text (article);
  Members m = { out, "\n   ", TRUE };
  guint n_paragraphs = brief_article_get_n_paragraphs (article);
  gsize byte = 0, chars = 0;

  g_string_append_len (out, "\n  {", 4);
  add_string_member (&m, "title", brief_article_get_title (article));
  add_string_member (&m, "byline", brief_article_get_byline (article));
  add_string_member (&m, "site", brief_article_get_site (article));
  add_string_member (&m, "url", brief_article_get_url (article));
  add_string_member (&m, "published", brief_article_get_published (article));
  add_string_member (&m, "language", brief_article_get_language (article));
  add_string_member (&m, "source_path", brief_article_get_source_path (article));
  add_string_member (&m, "text", text);

  begin_member (&m, "paragraphs");
  g_string_append_c (out, '[');
  for (guint i = 0; i < n_paragraphs; i++)
    {
      const BriefParagraph *paragraph = brief_article_get_paragraph (article, i);
      Members pm = { out, " ", TRUE };

      /* Paragraphs are in text order: count characters from the last one. */
      if (paragraph->start < byte)
        byte = chars = 0;
      chars += count_chars (text + byte, paragraph->start - byte);
      byte = paragraph->start;

      g_string_append (out, i == 0 ? "\n    {" : ",\n    {");
      add_string_member (&pm, "kind", paragraph_kind_names[paragraph->kind]);
      add_int_member (&pm, "start", chars);
      add_int_member (&pm, "length", g_utf8_strlen (paragraph->text, -1));
      g_string_append_len (out, " }", 2);
    }
  g_string_append (out, n_paragraphs > 0 ? "\n   ]\n  }" : "]\n  }");
}

/* The date's TIMEX3 value; "XXXX-07" when its year is unknown. */
static char *
dup_event_date_value (BriefEvent *event)
{
  g_autofree char *value = brief_date_to_value (brief_event_get_date (event));

  if (brief_event_get_year_known (event) || strlen (value) < 4)
    return g_steal_pointer (&value);
  return g_strconcat ("XXXX", value + 4, NULL);
}

/* A span's end and a derived date's origin, only when there are any: older
 * files have neither and stay as they were. */
static void
serialize_event_details (Members    *m,
                         BriefEvent *event)
{
  const BriefDate *end_date = brief_event_get_end_date (event);

  if (end_date != NULL)
    {
      g_autofree char *end_value = brief_date_to_value (end_date);

      add_string_member (m, "end_date", end_value);
    }
  add_string_member (m, "derived_from", brief_event_get_derived_from (event));
  add_string_member (m, "derived_offset", brief_event_get_derived_offset (event));
}

static void serialize_event (GString    *out,
                             BriefEvent *event,
                             GHashTable *article_indices);

/* An event that stands for several holds them, each with its own
 * decisions, so that splitting it later gives them back. */
static void
serialize_grouping (Members    *m,
                    BriefEvent *event,
                    GHashTable *article_indices)
{
  GPtrArray *parts = brief_event_get_parts (event);

  if (brief_event_get_kept_apart (event))
    add_boolean_member (m, "kept_apart", TRUE);
  if (parts == NULL)
    return;
  add_string_member (m, "grouping", grouping_names[brief_event_get_grouping (event)]);
  begin_member (m, "parts");
  g_string_append_c (m->out, '[');
  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append_len (m->out, ", ", 2);
      serialize_event (m->out, g_ptr_array_index (parts, i), article_indices);
    }
  g_string_append_c (m->out, ']');
}

static void
serialize_fact (GString           *out,
                BriefSelectedFact *fact,
                GHashTable        *article_indices)
{
  Members m = { out, " ", TRUE };
  gpointer index;

  if (!g_hash_table_lookup_extended (article_indices, fact->article, NULL, &index))
    return;
  g_string_append_c (out, '{');
  add_int_member (&m, "article", GPOINTER_TO_UINT (index));
  if (fact->quote != NULL)
    {
      add_string_member (&m, "text", fact->quote->text);
      add_string_member (&m, "speaker", fact->quote->speaker_name);
      add_string_member (&m, "role", fact->quote->role);
      add_int_member (&m, "start", fact->quote->start);
      add_int_member (&m, "end", fact->quote->end);
    }
  else
    {
      add_string_member (&m, "name", fact->person->name);
      add_string_member (&m, "role", fact->person->role);
    }
  g_string_append_len (out, " }", 2);
}

/* Facts of sources no longer in the briefing are left out. */
static void
serialize_facts (Members    *m,
                 const char *name,
                 GPtrArray  *facts,
                 GHashTable *article_indices)
{
  guint written = 0;

  if (facts->len == 0)
    return;
  begin_member (m, name);
  g_string_append_c (m->out, '[');
  for (guint i = 0; i < facts->len; i++)
    {
      BriefSelectedFact *fact = g_ptr_array_index (facts, i);

      if (!g_hash_table_contains (article_indices, fact->article))
        continue;
      g_string_append (m->out, written++ == 0 ? "\n  " : ",\n  ");
      serialize_fact (m->out, fact, article_indices);
    }
  g_string_append (m->out, written > 0 ? "\n ]" : "]");
}

static void
serialize_event (GString     *out,
                 BriefEvent  *event,
                 GHashTable  *article_indices)
{
  g_autofree char *value = dup_event_date_value (event);
  BriefArticle *article = brief_event_get_article (event);
  Members m = { out, " ", TRUE };
  gpointer index;

  g_string_append_c (out, '{');
  add_string_member (&m, "date", value);
  add_string_member (&m, "date_text", brief_event_get_date_text (event));
  add_string_member (&m, "title", brief_event_get_title (event));
  add_string_member (&m, "state", state_names[brief_event_get_state (event)]);
  add_boolean_member (&m, "starred", brief_event_get_starred (event));
  serialize_event_details (&m, event);
  if (article != NULL && g_hash_table_lookup_extended (article_indices, article, NULL, &index))
    {
      /* The sentence is the article's text between start and end: not
       * stored twice, which keeps large briefings small and quick. */
      add_int_member (&m, "article", GPOINTER_TO_UINT (index));
      add_int_member (&m, "start", brief_event_get_start (event));
      add_int_member (&m, "end", brief_event_get_end (event));
      add_int_member (&m, "date_start", brief_event_get_date_start (event));
      add_int_member (&m, "date_end", brief_event_get_date_end (event));
    }
  serialize_grouping (&m, event, article_indices);
  g_string_append_len (out, " }", 2);
}

GBytes *
brief_briefing_serialize (BriefBriefing *self)
{
  g_autoptr(GHashTable) article_indices = g_hash_table_new (NULL, NULL);
  GListModel *articles;
  GListModel *events;
  g_autofree char *title = NULL;
  GString *out;
  Members m;
  guint n_articles, n_events;
  gsize text_bytes = 0;

  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), NULL);

  articles = brief_briefing_get_articles (self);
  events = brief_briefing_get_events (self);
  n_articles = g_list_model_get_n_items (articles);
  n_events = g_list_model_get_n_items (events);
  g_object_get (self, "title", &title, NULL);

  for (guint i = 0; i < n_articles; i++)
    {
      BriefArticle *article = g_list_model_get_item (articles, i);

      g_hash_table_insert (article_indices, article, GUINT_TO_POINTER (i));
      text_bytes += strlen (brief_article_get_text (article));
      /* The list holds its own reference. */
      g_object_unref (article);
    }

  /* Room for the texts and about 300 bytes an event: few reallocations. */
  out = g_string_sized_new (text_bytes + text_bytes / 8 + 300 * (gsize) n_events + 4096);
  m = (Members) { out, "\n ", TRUE };
  g_string_append_c (out, '{');
  add_string_member (&m, "format", BRIEF_BRIEFING_FILE_FORMAT);
  add_int_member (&m, "version", BRIEF_BRIEFING_FILE_VERSION);
  add_string_member (&m, "generator", "Briefing " PACKAGE_VERSION);
  add_string_member (&m, "title", title);
  add_string_member (&m, "author", brief_briefing_get_author (self));
  add_string_member (&m, "audience", brief_briefing_get_audience (self));
  add_string_member (&m, "marking", brief_briefing_get_marking (self));
  add_string_member (&m, "date", brief_briefing_get_date (self));
  add_string_member (&m, "notes", brief_briefing_get_notes (self));

  begin_member (&m, "articles");
  g_string_append_c (out, '[');
  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(BriefArticle) article = g_list_model_get_item (articles, i);

      if (i > 0)
        g_string_append_c (out, ',');
      serialize_article (out, article);
    }
  g_string_append (out, n_articles > 0 ? "\n ]" : "]");

  {
    g_autoptr(GPtrArray) quotes = brief_briefing_dup_selected_quotes (self);
    g_autoptr(GPtrArray) people = brief_briefing_dup_key_people (self);

    serialize_facts (&m, "quotes", quotes, article_indices);
    serialize_facts (&m, "key_people", people, article_indices);
  }

  begin_member (&m, "events");
  g_string_append_c (out, '[');
  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(BriefEvent) event = g_list_model_get_item (events, i);

      g_string_append (out, i == 0 ? "\n  " : ",\n  ");
      serialize_event (out, event, article_indices);
    }
  g_string_append (out, n_events > 0 ? "\n ]\n}\n" : "]\n}\n");

  return g_string_free_to_bytes (out);
}

static gboolean
set_damaged (GError     **error,
             const char  *what)
{
  g_set_error (error, BRIEF_BRIEFING_FILE_ERROR, BRIEF_BRIEFING_FILE_ERROR_DAMAGED,
               _("The briefing file is damaged: %s"), what);
  return FALSE;
}

/* The string member @name, or NULL when absent; FALSE when it has another type. */
static gboolean
get_optional_string (JsonObject  *object,
                     const char  *name,
                     const char **out_value)
{
  JsonNode *node = json_object_get_member (object, name);

  *out_value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *out_value = json_node_get_string (node);
  return g_utf8_validate (*out_value, -1, NULL);
}

static gboolean
get_int (JsonObject *object,
         const char *name,
         gint64      max,
         gint64     *out_value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out_value = json_node_get_int (node);
  return *out_value >= 0 && *out_value <= max;
}

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static int
find_name (const char * const *names,
           guint               n_names,
           const char         *name)
{
  for (guint i = 0; name != NULL && i < n_names; i++)
    if (g_str_equal (names[i], name))
      return i;
  return -1;
}

/* Code point offsets to byte offsets in an article's text: the byte offset
 * of every CHAR_STRIDE-th character, so that an event's span is found in a
 * few steps rather than by walking the text from its start (which made
 * opening a large briefing quadratic). */
#define CHAR_STRIDE 64

typedef struct
{
  const char *text;
  gint64      n_chars;
  GArray     *marks;  /* gsize */
} CharIndex;

static void
char_index_clear (CharIndex *index)
{
  g_clear_pointer (&index->marks, g_array_unref);
}

static void
char_index_init (CharIndex  *index,
                 const char *text)
{
  gsize n = 0;
  const char *p;

  index->text = text;
  index->marks = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (p = text; *p != '\0'; p++)
    {
      if (((guchar) *p & 0xC0) == 0x80)
        continue;
      if (n % CHAR_STRIDE == 0)
        {
          gsize byte = p - text;

          g_array_append_val (index->marks, byte);
        }
      n++;
    }
  if (n % CHAR_STRIDE == 0)
    {
      gsize byte = p - text;

      g_array_append_val (index->marks, byte);
    }
  index->n_chars = n;
}

/* The byte at character @offset, at most n_chars. */
static const char *
char_index_pointer (const CharIndex *index,
                    gint64           offset)
{
  const char *p;

  g_assert (offset >= 0 && offset <= index->n_chars);
  p = index->text + g_array_index (index->marks, gsize, offset / CHAR_STRIDE);
  for (gint64 i = offset % CHAR_STRIDE; i > 0; i--)
    p = g_utf8_next_char (p);
  return p;
}

static gboolean
restore_paragraphs (BriefArticle     *article,
                    const CharIndex  *index,
                    JsonArray        *paragraphs,
                    GError          **error)
{
  const char *text = brief_article_get_text (article);
  gint64 n_chars = index->n_chars;

  for (guint i = 0; i < json_array_get_length (paragraphs); i++)
    {
      JsonNode *node = json_array_get_element (paragraphs, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *kind_name = NULL;
      gint64 start, length;
      const char *begin;
      int kind;

      if (object == NULL || !get_optional_string (object, "kind", &kind_name)
          || (kind = find_name (paragraph_kind_names, G_N_ELEMENTS (paragraph_kind_names), kind_name)) < 0
          || !get_int (object, "start", n_chars, &start)
          || !get_int (object, "length", n_chars - start, &length))
        return set_damaged (error, _("a paragraph is out of place"));

      begin = char_index_pointer (index, start);
      if (!brief_article_add_paragraph_span (article, kind, begin - text,
                                             char_index_pointer (index, start + length) - begin))
        return set_damaged (error, _("a paragraph is out of place"));
    }
  return TRUE;
}

/* The article of @node, and in @index its text's character index. */
static BriefArticle *
restore_article (JsonNode   *node,
                 CharIndex  *index,
                 GError    **error)
{
  g_autoptr(BriefArticle) article = brief_article_new ();
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *fields[7] = { NULL };
  static const char * const names[7] = {
    "title", "byline", "site", "url", "published", "language", "source_path"
  };
  const char *text = NULL;
  JsonArray *paragraphs;

  if (object == NULL)
    {
      set_damaged (error, _("an article is not an object"));
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (!get_optional_string (object, names[i], &fields[i]))
      {
        set_damaged (error, _("an article field has the wrong type"));
        return NULL;
      }
  if (!get_optional_string (object, "text", &text) || text == NULL)
    {
      set_damaged (error, _("an article has no text"));
      return NULL;
    }

  brief_article_set_title (article, fields[0]);
  brief_article_set_byline (article, fields[1]);
  brief_article_set_site (article, fields[2]);
  brief_article_set_url (article, fields[3]);
  brief_article_set_published (article, fields[4]);
  brief_article_set_language (article, fields[5]);
  brief_article_set_source_path (article, fields[6]);
  brief_article_set_text (article, text);
  char_index_init (index, brief_article_get_text (article));

  paragraphs = get_array (object, "paragraphs");
  if (paragraphs != NULL && !restore_paragraphs (article, index, paragraphs, error))
    return NULL;

  return g_steal_pointer (&article);
}

static gboolean
restore_event_source (BriefEvent       *event,
                      JsonObject       *object,
                      const CharIndex  *index,
                      GError          **error)
{
  gint64 n_chars = index->n_chars;
  gint64 start, end, date_start, date_end;
  const char *sentence = NULL;

  if (!get_int (object, "start", n_chars, &start) || !get_int (object, "end", n_chars, &end)
      || !get_int (object, "date_start", n_chars, &date_start)
      || !get_int (object, "date_end", n_chars, &date_end)
      || start > end || date_start > date_end
      || !get_optional_string (object, "sentence", &sentence))
    return set_damaged (error, _("an event points outside its article"));

  if (sentence != NULL)
    brief_event_set_sentence (event, sentence, start, end);
  else
    {
      const char *begin = char_index_pointer (index, start);
      g_autofree char *from_text = g_strndup (begin, char_index_pointer (index, end) - begin);

      brief_event_set_sentence (event, from_text, start, end);
    }
  brief_event_set_date_span (event, date_start, date_end);
  return TRUE;
}

/* The optional members serialize_event_details() writes. */
static gboolean
restore_event_details (BriefEvent  *event,
                       JsonObject  *object,
                       GError     **error)
{
  const char *end_value = NULL, *derived_from = NULL, *derived_offset = NULL;
  BriefDate end_date;

  if (!get_optional_string (object, "end_date", &end_value)
      || (end_value != NULL && !brief_date_parse_value (end_value, &end_date))
      || !get_optional_string (object, "derived_from", &derived_from)
      || !get_optional_string (object, "derived_offset", &derived_offset)
      || (derived_from == NULL) != (derived_offset == NULL))
    return set_damaged (error, _("an event is incomplete"));

  if (end_value != NULL)
    brief_event_set_end_date (event, &end_date);
  brief_event_set_derivation (event, derived_from, derived_offset);
  return TRUE;
}

static BriefEvent *restore_event (JsonNode   *node,
                                  GPtrArray  *articles,
                                  GArray     *char_indices,
                                  GError    **error);

/* A group of the file: its parts, then its own title, date and decisions
 * over those the first part gave it. */
static BriefEvent *
restore_group (JsonObject  *object,
               BriefEvent  *own,
               GPtrArray   *articles,
               GArray      *char_indices,
               GError     **error)
{
  JsonArray *nodes = get_array (object, "parts");
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_object_unref);
  const char *grouping_name = NULL;
  BriefEvent *group;
  int grouping;

  if (nodes == NULL || json_array_get_length (nodes) < 2
      || !get_optional_string (object, "grouping", &grouping_name)
      || (grouping = find_name (grouping_names, G_N_ELEMENTS (grouping_names), grouping_name)) <= 0)
    {
      set_damaged (error, _("an event is incomplete"));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (nodes); i++)
    {
      BriefEvent *part = restore_event (json_array_get_element (nodes, i), articles, char_indices, error);

      if (part == NULL)
        return NULL;
      g_ptr_array_add (parts, part);
    }

  group = brief_event_new_combined (parts, grouping);
  brief_event_set_date (group, brief_event_get_date (own), brief_event_get_date_text (own));
  brief_event_set_end_date (group, brief_event_get_end_date (own));
  brief_event_set_derivation (group, brief_event_get_derived_from (own),
                              brief_event_get_derived_offset (own));
  brief_event_set_year_known (group, brief_event_get_year_known (own));
  brief_event_set_title (group, brief_event_get_title (own));
  brief_event_set_state (group, brief_event_get_state (own));
  brief_event_set_starred (group, brief_event_get_starred (own));
  return group;
}

static BriefEvent *
restore_event (JsonNode   *node,
               GPtrArray  *articles,
               GArray     *char_indices,
               GError    **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *value = NULL, *date_text = NULL, *title = NULL, *state_name = NULL;
  g_autoptr(BriefEvent) event = NULL;
  BriefArticle *article = NULL;
  JsonNode *starred;
  JsonNode *kept_apart;
  BriefDate date;
  gint64 article_index = 0;
  int state;
  gboolean year_known = TRUE;

  /* "XXXX-07": a month whose year the article did not give. */
  if (object != NULL && get_optional_string (object, "date", &value)
      && !brief_date_parse_value (value, &date)
      && brief_event_parse_yearless_value (value, &date))
    year_known = FALSE;

  if (object == NULL
      || !get_optional_string (object, "date", &value)
      || (year_known && !brief_date_parse_value (value, &date))
      || !get_optional_string (object, "date_text", &date_text)
      || !get_optional_string (object, "title", &title) || title == NULL
      || !get_optional_string (object, "state", &state_name)
      || (state = find_name (state_names, G_N_ELEMENTS (state_names), state_name)) < 0)
    {
      set_damaged (error, _("an event is incomplete"));
      return NULL;
    }

  if (json_object_has_member (object, "article"))
    {
      if (articles->len == 0 || !get_int (object, "article", articles->len - 1, &article_index))
        {
          set_damaged (error, _("an event names an article that is not there"));
          return NULL;
        }
      article = g_ptr_array_index (articles, article_index);
    }

  event = brief_event_new (&date, date_text, title, article);
  brief_event_set_year_known (event, year_known);
  if (!restore_event_details (event, object, error))
    return NULL;
  brief_event_set_state (event, state);
  starred = json_object_get_member (object, "starred");
  if (starred != NULL && JSON_NODE_HOLDS_VALUE (starred)
      && json_node_get_value_type (starred) == G_TYPE_BOOLEAN)
    brief_event_set_starred (event, json_node_get_boolean (starred));

  if (article != NULL
      && !restore_event_source (event, object,
                                &g_array_index (char_indices, CharIndex, article_index), error))
    return NULL;

  kept_apart = json_object_get_member (object, "kept_apart");
  if (kept_apart != NULL && JSON_NODE_HOLDS_VALUE (kept_apart)
      && json_node_get_value_type (kept_apart) == G_TYPE_BOOLEAN)
    brief_event_set_kept_apart (event, json_node_get_boolean (kept_apart));
  if (json_object_has_member (object, "parts"))
    return restore_group (object, event, articles, char_indices, error);

  return g_steal_pointer (&event);
}

/* A quote or key person of the file, copied as it was chosen. */
static BriefSelectedFact *
restore_fact (JsonNode    *node,
              GPtrArray   *articles,
              gboolean     people,
              GError     **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *text = NULL, *speaker = NULL, *role = NULL;
  gint64 article_index = 0, start = 0, end = 0;
  BriefArticle *article;

  if (object == NULL || articles->len == 0
      || !get_int (object, "article", articles->len - 1, &article_index)
      || !get_optional_string (object, people ? "name" : "text", &text) || text == NULL
      || !get_optional_string (object, "role", &role)
      || (!people && (!get_optional_string (object, "speaker", &speaker)
                      || !get_int (object, "start", G_MAXINT, &start)
                      || !get_int (object, "end", G_MAXINT, &end))))
    {
      set_damaged (error, _("a field has the wrong type"));
      return NULL;
    }

  article = g_ptr_array_index (articles, article_index);
  if (people)
    {
      BriefEntity person = { .name = (char *) text, .kind = BRIEF_ENTITY_PERSON, .role = (char *) role };

      return brief_selected_fact_new (article, NULL, &person);
    }
  else
    {
      BriefQuote quote = { .text = (char *) text, .speaker = -1, .speaker_name = (char *) speaker,
                           .role = (char *) role, .start = start, .end = end };

      return brief_selected_fact_new (article, &quote, NULL);
    }
}

/* Files saved before quotes and people could be chosen have neither
 * member: both are optional. */
static gboolean
restore_facts (BriefBriefing  *briefing,
               JsonObject     *root,
               GPtrArray      *articles,
               GError        **error)
{
  static const char * const names[] = { "quotes", "key_people" };

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      JsonArray *nodes = NULL;

      if (!json_object_has_member (root, names[k]))
        continue;
      if ((nodes = get_array (root, names[k])) == NULL)
        return set_damaged (error, _("a field has the wrong type"));
      for (guint i = 0; i < json_array_get_length (nodes); i++)
        {
          BriefSelectedFact *fact = restore_fact (json_array_get_element (nodes, i), articles, k == 1, error);

          if (fact == NULL)
            return FALSE;
          g_ptr_array_add (_brief_briefing_get_facts (briefing, k == 1), fact);
        }
    }
  return TRUE;
}

static gboolean
check_header (JsonObject  *root,
              GError     **error)
{
  const char *format = NULL;
  gint64 version;

  if (!get_optional_string (root, "format", &format) || g_strcmp0 (format, BRIEF_BRIEFING_FILE_FORMAT) != 0)
    {
      g_set_error (error, BRIEF_BRIEFING_FILE_ERROR, BRIEF_BRIEFING_FILE_ERROR_NOT_A_BRIEFING,
                   _("This is not a briefing file"));
      return FALSE;
    }
  if (!get_int (root, "version", G_MAXINT, &version) || version < 1)
    return set_damaged (error, _("its version is missing"));
  if (version > BRIEF_BRIEFING_FILE_VERSION)
    {
      g_set_error (error, BRIEF_BRIEFING_FILE_ERROR, BRIEF_BRIEFING_FILE_ERROR_NEWER_VERSION,
                   _("This briefing was saved by a newer version of Briefing (file version %d); "
                     "update Briefing to open it"), (int) version);
      return FALSE;
    }
  return TRUE;
}

static gboolean
restore_fields (BriefBriefing  *briefing,
                JsonObject     *root,
                GError        **error)
{
  static const char * const names[] = { "title", "author", "audience", "marking", "date", "notes" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *value = NULL;

      if (!get_optional_string (root, names[i], &value))
        return set_damaged (error, _("a field has the wrong type"));
      g_object_set (briefing, names[i], value, NULL);
    }
  return TRUE;
}

static JsonObject *
parse_root (GBytes      *bytes,
            JsonParser  *parser,
            GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;

  if (length > BRIEF_BRIEFING_FILE_MAX_BYTES)
    {
      g_set_error (error, BRIEF_BRIEFING_FILE_ERROR, BRIEF_BRIEFING_FILE_ERROR_TOO_LARGE,
                   _("The file is too large to be a briefing"));
      return NULL;
    }
  if (data == NULL || length == 0 || !g_utf8_validate_len (data, length, NULL)
      || !brief_json_nesting_within (data, length, MAX_JSON_DEPTH)
      || !json_parser_load_from_data (parser, data, length, &parse_error))
    {
      g_set_error (error, BRIEF_BRIEFING_FILE_ERROR, BRIEF_BRIEFING_FILE_ERROR_NOT_A_BRIEFING,
                   _("This is not a briefing file, or it is damaged or incomplete"));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, BRIEF_BRIEFING_FILE_ERROR, BRIEF_BRIEFING_FILE_ERROR_NOT_A_BRIEFING,
                   _("This is not a briefing file"));
      return NULL;
    }
  return json_node_get_object (root);
}

/* Analysing the articles again is most of the work of opening a briefing;
 * the date tagger and the word lists are immutable, so the articles are
 * shared out between a few threads. */
#define MAX_ANALYSIS_THREADS 8

typedef struct
{
  BriefDateTagger  *tagger;
  GPtrArray        *articles;
  BriefAnalysis   **analyses;  /* in step with articles */
  guint             next;      /* atomic: the next article to analyse */
} AnalysisJob;

static gpointer
analyse_articles (gpointer data)
{
  AnalysisJob *job = data;
  guint i;

  while ((i = (guint) g_atomic_int_add ((gint *) &job->next, 1)) < job->articles->len)
    {
      BriefArticle *article = g_ptr_array_index (job->articles, i);

      job->analyses[i] = brief_analysis_run (job->tagger, brief_article_get_text (article),
                                             brief_article_get_published (article),
                                             BRIEF_DOCUMENT_NEWS);
    }
  return NULL;
}

static void
restore_analyses (BriefBriefing *briefing,
                  GPtrArray     *articles)
{
  AnalysisJob job = { _brief_briefing_get_tagger (briefing), articles, NULL, 0 };
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  guint n_threads = MIN (MIN (g_get_num_processors (), MAX_ANALYSIS_THREADS), articles->len);

  job.analyses = g_new0 (BriefAnalysis *, MAX (articles->len, 1));
  /* This thread is one of them. */
  for (guint i = 1; i < n_threads; i++)
    {
      GThread *thread = g_thread_try_new ("brief-analysis", analyse_articles, &job, NULL);

      if (thread == NULL)
        break;
      g_ptr_array_add (threads, thread);
    }
  analyse_articles (&job);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));

  for (guint i = 0; i < articles->len; i++)
    _brief_briefing_restore_article (briefing, g_ptr_array_index (articles, i), job.analyses[i]);
  g_free (job.analyses);
}

BriefBriefing *
brief_briefing_deserialize (GBytes  *bytes,
                            GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) char_indices = g_array_new (FALSE, TRUE, sizeof (CharIndex));
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *root;
  JsonArray *article_nodes;
  JsonArray *event_nodes;

  g_return_val_if_fail (bytes != NULL, NULL);

  g_array_set_clear_func (char_indices, (GDestroyNotify) char_index_clear);
  if ((root = parse_root (bytes, parser, error)) == NULL || !check_header (root, error)
      || !restore_fields (briefing, root, error))
    return NULL;

  article_nodes = get_array (root, "articles");
  event_nodes = get_array (root, "events");
  if (article_nodes == NULL || event_nodes == NULL)
    {
      set_damaged (error, _("its articles or events are missing"));
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (article_nodes); i++)
    {
      CharIndex index = { NULL, 0, NULL };
      BriefArticle *article = restore_article (json_array_get_element (article_nodes, i), &index, error);

      /* Kept with or without its article, to be cleared. */
      g_array_append_val (char_indices, index);
      if (article == NULL)
        return NULL;
      g_ptr_array_add (articles, article);
    }

  for (guint i = 0; i < json_array_get_length (event_nodes); i++)
    {
      BriefEvent *event = restore_event (json_array_get_element (event_nodes, i), articles,
                                         char_indices, error);

      if (event == NULL)
        return NULL;
      g_ptr_array_add (events, event);
    }

  if (!restore_facts (briefing, root, articles, error))
    return NULL;

  /* The file is sound: now the expensive part. */
  restore_analyses (briefing, articles);
  _brief_briefing_insert_events (briefing, events);
  _brief_briefing_update_conflicts (briefing);

  brief_briefing_set_modified (briefing, FALSE);
  return g_steal_pointer (&briefing);
}

/* Saving writes a temporary file beside the old one and renames it over the
 * old one on close.  After a failed write (a full disk) the stream must be
 * closed with a cancelled GCancellable: that deletes the temporary file and
 * keeps the old one, where a plain close would rename a truncated file over
 * it.  g_file_replace_contents_async() closes plainly, hence these steps. */

static void
discard_stream (GOutputStream *stream)
{
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();

  g_cancellable_cancel (cancelled);
  g_output_stream_close (stream, cancelled, NULL);
}

static void
save_close_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GOutputStream *stream = G_OUTPUT_STREAM (source);
  GError *error = NULL;

  if (!g_output_stream_close_finish (stream, result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_file_output_stream_get_etag (G_FILE_OUTPUT_STREAM (stream)), g_free);
}

static void
save_write_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GOutputStream *stream = G_OUTPUT_STREAM (source);
  GError *error = NULL;

  if (!g_output_stream_write_all_finish (stream, result, NULL, &error))
    {
      discard_stream (stream);
      g_task_return_error (task, error);
      return;
    }

  g_output_stream_close_async (stream, G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                               save_close_cb, g_object_ref (task));
}

static void
save_replace_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GFileOutputStream) stream = NULL;
  GBytes *bytes = g_task_get_task_data (task);
  GError *error = NULL;

  stream = g_file_replace_finish (G_FILE (source), result, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_output_stream_write_all_async (G_OUTPUT_STREAM (stream),
                                   g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                   save_write_cb, g_object_ref (task));
}

void
brief_briefing_save_async (BriefBriefing       *self,
                           GFile               *file,
                           const char          *etag,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BRIEF_IS_BRIEFING (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, brief_briefing_save_async);
  /* Serialising is quick; writing is what must stay off this thread.  The
   * old file is kept as "NAME~". */
  g_task_set_task_data (task, brief_briefing_serialize (self), (GDestroyNotify) g_bytes_unref);
  g_file_replace_async (file, etag, TRUE, G_FILE_CREATE_NONE, G_PRIORITY_DEFAULT,
                        cancellable, save_replace_cb, g_steal_pointer (&task));
}

char *
brief_briefing_save_finish (BriefBriefing  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  BriefBriefing *briefing;
  char          *etag;
} LoadResult;

static void
load_result_free (LoadResult *load)
{
  g_clear_object (&load->briefing);
  g_clear_pointer (&load->etag, g_free);
  g_free (load);
}

BriefBriefing *
brief_briefing_load (GFile         *file,
                     GCancellable  *cancellable,
                     char         **out_etag,
                     GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *etag = NULL;
  BriefBriefing *briefing;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > BRIEF_BRIEFING_FILE_MAX_BYTES)
    {
      g_set_error (error, BRIEF_BRIEFING_FILE_ERROR, BRIEF_BRIEFING_FILE_ERROR_TOO_LARGE,
                   _("The file is too large to be a briefing"));
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, &etag, error);
  if (bytes == NULL)
    return NULL;

  briefing = brief_briefing_deserialize (bytes, error);
  if (briefing != NULL && out_etag != NULL)
    *out_etag = g_steal_pointer (&etag);
  return briefing;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadResult *load = g_new0 (LoadResult, 1);
  GError *error = NULL;

  load->briefing = brief_briefing_load (task_data, cancellable, &load->etag, &error);
  if (load->briefing == NULL)
    {
      load_result_free (load);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, load, (GDestroyNotify) load_result_free);
}

void
brief_briefing_load_async (GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, brief_briefing_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

BriefBriefing *
brief_briefing_load_finish (GAsyncResult  *result,
                            char         **out_etag,
                            GError       **error)
{
  LoadResult *load;
  BriefBriefing *briefing;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  load = g_task_propagate_pointer (G_TASK (result), error);
  if (load == NULL)
    return NULL;

  briefing = g_steal_pointer (&load->briefing);
  if (out_etag != NULL)
    *out_etag = g_steal_pointer (&load->etag);
  load_result_free (load);
  return briefing;
}
