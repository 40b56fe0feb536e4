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
static const char * const paragraph_kind_names[] = { "p", "h1", "h2", "h3", "blockquote", "li" };

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int_member (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
serialize_article (JsonBuilder  *builder,
                   BriefArticle *article)
{
  const char *text = brief_article_get_text (article);

  json_builder_begin_object (builder);
  add_string_member (builder, "title", brief_article_get_title (article));
  add_string_member (builder, "byline", brief_article_get_byline (article));
  add_string_member (builder, "site", brief_article_get_site (article));
  add_string_member (builder, "url", brief_article_get_url (article));
  add_string_member (builder, "published", brief_article_get_published (article));
  add_string_member (builder, "language", brief_article_get_language (article));
  add_string_member (builder, "source_path", brief_article_get_source_path (article));
  add_string_member (builder, "text", text);

  json_builder_set_member_name (builder, "paragraphs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < brief_article_get_n_paragraphs (article); i++)
    {
      const BriefParagraph *paragraph = brief_article_get_paragraph (article, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "kind", paragraph_kind_names[paragraph->kind]);
      add_int_member (builder, "start", g_utf8_pointer_to_offset (text, text + paragraph->start));
      add_int_member (builder, "length", g_utf8_strlen (paragraph->text, -1));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
serialize_event (JsonBuilder *builder,
                 BriefEvent  *event,
                 GListModel  *articles)
{
  g_autofree char *value = brief_date_to_value (brief_event_get_date (event));
  BriefArticle *article = brief_event_get_article (event);
  guint article_index;

  json_builder_begin_object (builder);
  add_string_member (builder, "date", value);
  add_string_member (builder, "date_text", brief_event_get_date_text (event));
  add_string_member (builder, "title", brief_event_get_title (event));
  add_string_member (builder, "state", state_names[brief_event_get_state (event)]);
  json_builder_set_member_name (builder, "starred");
  json_builder_add_boolean_value (builder, brief_event_get_starred (event));
  if (article != NULL && g_list_store_find (G_LIST_STORE (articles), article, &article_index))
    {
      /* The sentence is the article's text between start and end: not
       * stored twice, which keeps large briefings small and quick. */
      add_int_member (builder, "article", article_index);
      add_int_member (builder, "start", brief_event_get_start (event));
      add_int_member (builder, "end", brief_event_get_end (event));
      add_int_member (builder, "date_start", brief_event_get_date_start (event));
      add_int_member (builder, "date_end", brief_event_get_date_end (event));
    }
  json_builder_end_object (builder);
}

GBytes *
brief_briefing_serialize (BriefBriefing *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *articles;
  GListModel *events;
  g_autofree char *data = NULL;
  gsize length;
  g_autofree char *title = NULL;

  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), NULL);

  articles = brief_briefing_get_articles (self);
  events = brief_briefing_get_events (self);
  g_object_get (self, "title", &title, NULL);

  json_builder_begin_object (builder);
  add_string_member (builder, "format", BRIEF_BRIEFING_FILE_FORMAT);
  add_int_member (builder, "version", BRIEF_BRIEFING_FILE_VERSION);
  add_string_member (builder, "generator", "Briefing " PACKAGE_VERSION);
  add_string_member (builder, "title", title);
  add_string_member (builder, "author", brief_briefing_get_author (self));
  add_string_member (builder, "audience", brief_briefing_get_audience (self));
  add_string_member (builder, "marking", brief_briefing_get_marking (self));
  add_string_member (builder, "date", brief_briefing_get_date (self));
  add_string_member (builder, "notes", brief_briefing_get_notes (self));

  json_builder_set_member_name (builder, "articles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(BriefArticle) article = g_list_model_get_item (articles, i);
      serialize_article (builder, article);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BriefEvent) event = g_list_model_get_item (events, i);
      serialize_event (builder, event, articles);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (g_steal_pointer (&data), length);
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

static gboolean
restore_paragraphs (BriefArticle  *article,
                    JsonArray     *paragraphs,
                    GError       **error)
{
  const char *text = brief_article_get_text (article);
  gint64 n_chars = g_utf8_strlen (text, -1);

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

      begin = g_utf8_offset_to_pointer (text, start);
      if (!brief_article_add_paragraph_span (article, kind, begin - text,
                                             g_utf8_offset_to_pointer (begin, length) - begin))
        return set_damaged (error, _("a paragraph is out of place"));
    }
  return TRUE;
}

static BriefArticle *
restore_article (JsonNode  *node,
                 GError   **error)
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

  paragraphs = get_array (object, "paragraphs");
  if (paragraphs != NULL && !restore_paragraphs (article, paragraphs, error))
    return NULL;

  return g_steal_pointer (&article);
}

static gboolean
restore_event_source (BriefEvent    *event,
                      JsonObject    *object,
                      BriefArticle  *article,
                      gint64         n_chars,
                      GError       **error)
{
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
      const char *text = brief_article_get_text (article);
      const char *begin = g_utf8_offset_to_pointer (text, start);
      g_autofree char *from_text = g_strndup (begin, g_utf8_offset_to_pointer (begin, end - start) - begin);

      brief_event_set_sentence (event, from_text, start, end);
    }
  brief_event_set_date_span (event, date_start, date_end);
  return TRUE;
}

static BriefEvent *
restore_event (JsonNode   *node,
               GPtrArray  *articles,
               GArray     *article_lengths,
               GError    **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *value = NULL, *date_text = NULL, *title = NULL, *state_name = NULL;
  g_autoptr(BriefEvent) event = NULL;
  BriefArticle *article = NULL;
  JsonNode *starred;
  BriefDate date;
  gint64 article_index = 0;
  int state;

  if (object == NULL
      || !get_optional_string (object, "date", &value) || !brief_date_parse_value (value, &date)
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
  brief_event_set_state (event, state);
  starred = json_object_get_member (object, "starred");
  if (starred != NULL && JSON_NODE_HOLDS_VALUE (starred)
      && json_node_get_value_type (starred) == G_TYPE_BOOLEAN)
    brief_event_set_starred (event, json_node_get_boolean (starred));

  if (article != NULL
      && !restore_event_source (event, object, article,
                                g_array_index (article_lengths, gint64, article_index), error))
    return NULL;

  return g_steal_pointer (&event);
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

BriefBriefing *
brief_briefing_deserialize (GBytes  *bytes,
                            GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) article_lengths = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonObject *root;
  JsonArray *article_nodes;
  JsonArray *event_nodes;

  g_return_val_if_fail (bytes != NULL, NULL);

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
      BriefArticle *article = restore_article (json_array_get_element (article_nodes, i), error);

      if (article == NULL)
        return NULL;
      g_ptr_array_add (articles, article);
    }

  for (guint i = 0; i < articles->len; i++)
    {
      BriefArticle *article = g_ptr_array_index (articles, i);
      /* Measured once: every event's span is checked against it. */
      gint64 n_chars = g_utf8_strlen (brief_article_get_text (article), -1);

      g_array_append_val (article_lengths, n_chars);
      _brief_briefing_restore_article (briefing, article);
    }

  for (guint i = 0; i < json_array_get_length (event_nodes); i++)
    {
      g_autoptr(BriefEvent) event = restore_event (json_array_get_element (event_nodes, i), articles,
                                                      article_lengths, error);

      if (event == NULL)
        return NULL;
      _brief_briefing_insert_event (briefing, event);
    }

  brief_briefing_set_modified (briefing, FALSE);
  return g_steal_pointer (&briefing);
}

static void
replace_contents_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autofree char *new_etag = NULL;
  GError *error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, &new_etag, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&new_etag), g_free);
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
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (BRIEF_IS_BRIEFING (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, brief_briefing_save_async);

  /* Serialising is quick; writing is what must stay off this thread.  The
   * file is written beside the old one and renamed over it, old kept as "~". */
  bytes = brief_briefing_serialize (self);
  g_file_replace_contents_bytes_async (file, bytes, etag, TRUE, G_FILE_CREATE_NONE,
                                       cancellable, replace_contents_cb, g_steal_pointer (&task));
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
