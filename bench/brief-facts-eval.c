/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Also compiled into tests/test-facts-eval, which names its own domain. */
#ifndef G_LOG_DOMAIN
#define G_LOG_DOMAIN "brief-facts-eval"
#endif

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "brief-facts-eval.h"

double
brief_facts_score_f1 (const BriefFactsScore *score,
                      double                *precision,
                      double                *recall)
{
  double p = score->n_predicted > 0 ? (double) score->tp / score->n_predicted : 0.0;
  double r = score->n_gold > 0 ? (double) score->tp / score->n_gold : 0.0;

  if (precision != NULL)
    *precision = p;
  if (recall != NULL)
    *recall = r;
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

static JsonObject *
load_gold (const char  *path,
           JsonParser  *parser,
           GError     **error)
{
  JsonNode *root;

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: not a JSON object", path);
      return NULL;
    }
  return json_node_get_object (root);
}

static char *
text_path (JsonObject *gold,
           const char *fixtures_dir,
           const char *shared_dir)
{
  const char *name = json_object_get_string_member_with_default (gold, "text", "");

  if (g_str_has_prefix (name, "shared:"))
    return shared_dir != NULL ? g_build_filename (shared_dir, name + strlen ("shared:"), NULL) : NULL;
  return g_build_filename (fixtures_dir, name, NULL);
}

char *
brief_facts_eval_load_text (const char  *gold_path,
                            const char  *fixtures_dir,
                            const char  *shared_dir,
                            char       **dct)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = NULL;
  JsonObject *gold;
  char *text = NULL;

  if ((gold = load_gold (gold_path, parser, NULL)) == NULL
      || (path = text_path (gold, fixtures_dir, shared_dir)) == NULL
      || !g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  if (dct != NULL)
    *dct = g_strdup (json_object_get_string_member_with_default (gold, "dct", NULL));
  return text;
}

/* ------------------------------------------------------------------------ */

static gboolean
contains_ci (const char *haystack,
             const char *needle)
{
  g_autofree char *h = g_utf8_casefold (haystack, -1);
  g_autofree char *n = g_utf8_casefold (needle, -1);

  return strstr (h, n) != NULL;
}

/* Every actor word is in the title (or among the actors), and a word of
 * the title starts with one of the action stems. */
static gboolean
title_fits (const BriefMention *mention,
            JsonObject         *event)
{
  JsonArray *actors = json_object_get_array_member (event, "actors");
  JsonArray *actions = json_object_get_array_member (event, "action");
  g_autofree char *title = g_utf8_casefold (mention->title, -1);
  g_auto(GStrv) words = g_strsplit_set (title, " –-", -1);
  gboolean action = FALSE;

  for (guint i = 0; actors != NULL && i < json_array_get_length (actors); i++)
    {
      const char *actor = json_array_get_string_element (actors, i);
      gboolean found = contains_ci (mention->title, actor);

      for (guint k = 0; !found && mention->actors[k] != NULL; k++)
        found = contains_ci (mention->actors[k], actor);
      if (!found)
        return FALSE;
    }
  for (guint i = 0; actions != NULL && i < json_array_get_length (actions) && !action; i++)
    {
      g_autofree char *stem = g_utf8_casefold (json_array_get_string_element (actions, i), -1);

      for (guint w = 0; words[w] != NULL && !action; w++)
        action = g_str_has_prefix (words[w], stem);
    }
  return action;
}

static void
score_events (BriefAnalysis  *analysis,
              JsonArray      *gold,
              BriefFactsEval *eval,
              GString        *log)
{
  GPtrArray *mentions = brief_analysis_get_mentions (analysis);
  GPtrArray *timexes = brief_analysis_get_timexes (analysis);
  g_autofree gboolean *used = g_new0 (gboolean, mentions->len + 1);
  guint n_predicted = 0;

  for (guint i = 0; i < mentions->len; i++)
    {
      const BriefMention *m = g_ptr_array_index (mentions, i);

      if (brief_timex_is_underspecified (g_ptr_array_index (timexes, m->timex_index))
          && m->value == NULL)
        used[i] = TRUE;
      else
        n_predicted++;
    }
  eval->dates.n_predicted += n_predicted;
  eval->titles.n_predicted += n_predicted;
  eval->dates.n_gold += json_array_get_length (gold);
  eval->titles.n_gold += json_array_get_length (gold);

  for (guint g = 0; g < json_array_get_length (gold); g++)
    {
      JsonObject *event = json_array_get_object_element (gold, g);
      const char *value = json_object_get_string_member (event, "value");
      int found = -1;

      for (guint i = 0; i < mentions->len && found < 0; i++)
        if (!used[i] && g_strcmp0 (brief_mention_get_value (g_ptr_array_index (mentions, i), timexes),
                                   value) == 0)
          found = i;
      if (found < 0)
        {
          if (log != NULL)
            g_string_append_printf (log, "  event %s: missed\n", value);
          continue;
        }
      used[found] = TRUE;
      eval->dates.tp++;
      if (title_fits (g_ptr_array_index (mentions, found), event))
        eval->titles.tp++;
      else if (log != NULL)
        g_string_append_printf (log, "  event %s: title “%s”\n", value,
                                ((BriefMention *) g_ptr_array_index (mentions, found))->title);
    }
}

static gboolean
entity_named (const BriefEntity *entity,
              const char        *name)
{
  if (g_ascii_strcasecmp (entity->name, name) == 0)
    return TRUE;
  for (guint i = 0; entity->aliases[i] != NULL; i++)
    if (g_ascii_strcasecmp (entity->aliases[i], name) == 0)
      return TRUE;
  return FALSE;
}

static void
score_entities (BriefAnalysis  *analysis,
                JsonArray      *gold,
                BriefFactsEval *eval,
                GString        *log)
{
  GPtrArray *entities = brief_analysis_get_entities (analysis);

  eval->entities.n_predicted += entities->len;
  eval->entities.n_gold += json_array_get_length (gold);

  for (guint g = 0; g < json_array_get_length (gold); g++)
    {
      JsonObject *expected = json_array_get_object_element (gold, g);
      const char *name = json_object_get_string_member (expected, "name");
      const char *kind = json_object_get_string_member (expected, "kind");
      const char *role = json_object_get_string_member_with_default (expected, "role", NULL);
      const BriefEntity *found = NULL;

      for (guint i = 0; i < entities->len && found == NULL; i++)
        if (entity_named (g_ptr_array_index (entities, i), name))
          found = g_ptr_array_index (entities, i);

      if (found == NULL)
        {
          if (log != NULL)
            g_string_append_printf (log, "  entity %s: missed\n", name);
        }
      else if (strcmp (brief_entity_kind_to_string (found->kind), kind) != 0)
        {
          if (log != NULL)
            g_string_append_printf (log, "  entity %s: kind %s\n", name,
                                    brief_entity_kind_to_string (found->kind));
        }
      else if (role != NULL && (found->role == NULL || !contains_ci (found->role, role)))
        {
          if (log != NULL)
            g_string_append_printf (log, "  entity %s: role “%s”\n", name,
                                    found->role != NULL ? found->role : "");
        }
      else
        {
          eval->entities.tp++;
        }
    }

  for (guint i = 0; i < entities->len && log != NULL; i++)
    {
      const BriefEntity *entity = g_ptr_array_index (entities, i);
      gboolean expected = FALSE;

      for (guint g = 0; g < json_array_get_length (gold) && !expected; g++)
        expected = entity_named (entity, json_object_get_string_member (json_array_get_object_element (gold, g), "name"));
      if (!expected)
        g_string_append_printf (log, "  entity %s (%s): not in gold\n", entity->name,
                                brief_entity_kind_to_string (entity->kind));
    }
}

static void
score_quotes (BriefAnalysis  *analysis,
              JsonArray      *gold,
              BriefFactsEval *eval,
              GString        *log)
{
  GPtrArray *quotes = brief_analysis_get_quotes (analysis);

  eval->quotes.n_predicted += quotes->len;
  eval->quotes.n_gold += json_array_get_length (gold);

  for (guint g = 0; g < json_array_get_length (gold); g++)
    {
      JsonObject *expected = json_array_get_object_element (gold, g);
      const char *starts = json_object_get_string_member_with_default (expected, "starts", NULL);
      gint64 start = json_object_get_int_member_with_default (expected, "start", -1);
      const char *speaker = json_object_get_string_member (expected, "speaker");
      const BriefQuote *found = NULL;

      for (guint i = 0; i < quotes->len && found == NULL; i++)
        {
          const BriefQuote *q = g_ptr_array_index (quotes, i);

          if ((starts != NULL && g_str_has_prefix (q->text, starts))
              || (start >= 0 && q->start <= (gsize) start && (gsize) start < q->end))
            found = q;
        }
      if (found != NULL && g_strcmp0 (found->speaker_name, speaker) == 0)
        eval->quotes.tp++;
      else if (log != NULL)
        g_string_append_printf (log, "  quote of %s: %s\n", speaker,
                                found == NULL ? "missed"
                                : found->speaker_name != NULL ? found->speaker_name : "no speaker");
    }
}

gboolean
brief_facts_eval_file (BriefDateTagger *tagger,
                       const char      *gold_path,
                       const char      *fixtures_dir,
                       const char      *shared_dir,
                       BriefFactsEval  *eval,
                       GString         *log,
                       GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(BriefAnalysis) analysis = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  JsonObject *gold;

  if ((gold = load_gold (gold_path, parser, error)) == NULL)
    return FALSE;
  path = text_path (gold, fixtures_dir, shared_dir);
  if (path == NULL)
    return FALSE;
  if (!g_file_get_contents (path, &text, NULL, error))
    return FALSE;

  analysis = brief_analysis_run (tagger, text,
                                 json_object_get_string_member_with_default (gold, "dct", NULL),
                                 BRIEF_DOCUMENT_NEWS);
  if (log != NULL)
    g_string_append_printf (log, "%s\n", gold_path);
  score_events (analysis, json_object_get_array_member (gold, "events"), eval, log);
  score_entities (analysis, json_object_get_array_member (gold, "entities"), eval, log);
  score_quotes (analysis, json_object_get_array_member (gold, "quotes"), eval, log);
  eval->n_documents++;
  return TRUE;
}
