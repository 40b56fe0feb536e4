/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-json-writer"

#include "config.h"

#include "brief-date.h"
#include "brief-json-writer.h"

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_article_members (JsonBuilder  *builder,
                     BriefArticle *article)
{
  add_nullable_string (builder, "title", brief_article_get_title (article));
  add_nullable_string (builder, "byline", brief_article_get_byline (article));
  add_nullable_string (builder, "site", brief_article_get_site (article));
  add_nullable_string (builder, "url", brief_article_get_url (article));
  add_nullable_string (builder, "published", brief_article_get_published (article));
  add_nullable_string (builder, "language", brief_article_get_language (article));
  add_nullable_string (builder, "text", brief_article_get_text (article));

  json_builder_set_member_name (builder, "paragraphs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < brief_article_get_n_paragraphs (article); i++)
    {
      const BriefParagraph *paragraph = brief_article_get_paragraph (article, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, brief_paragraph_kind_to_string (paragraph->kind));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, paragraph->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (brief_article_get_n_repairs (article) > 0)
    {
      json_builder_set_member_name (builder, "repaired_bytes");
      json_builder_add_int_value (builder, brief_article_get_n_repairs (article));
    }
}

JsonNode *
brief_json_from_article (BriefArticle *article)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (BRIEF_IS_ARTICLE (article), NULL);

  json_builder_begin_object (builder);
  add_article_members (builder, article);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
add_timex (JsonBuilder      *builder,
           const BriefTimex *timex)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, timex->start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, timex->end);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, timex->text);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, brief_timex_type_to_string (timex->type));
  add_nullable_string (builder, "value", timex->value);
  add_nullable_string (builder, "mod", timex->mod);
  json_builder_end_object (builder);
}

static void
add_iso_day (JsonBuilder *builder,
             const char  *name,
             const GDate *day)
{
  char buffer[16];

  g_snprintf (buffer, sizeof buffer, "%04d-%02d-%02d",
              g_date_get_year (day), g_date_get_month (day), g_date_get_day (day));
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, buffer);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *name,
          const char * const *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

/* "earliest" and "latest" of @value, nulls when it is not a calendar date;
 * a range takes its latest day from @end_value. */
static void
add_bounds (JsonBuilder *builder,
            const char  *value,
            const char  *end_value)
{
  BriefDate date, end;

  if (value == NULL || !brief_date_parse_value (value, &date))
    {
      add_nullable_string (builder, "earliest", NULL);
      add_nullable_string (builder, "latest", NULL);
      return;
    }
  if (end_value == NULL || !brief_date_parse_value (end_value, &end))
    end = date;

  {
    GDate earliest, latest;

    brief_date_get_earliest (&date, &earliest);
    brief_date_get_latest (&end, &latest);
    add_iso_day (builder, "earliest", &earliest);
    add_iso_day (builder, "latest", &latest);
  }
}

static void
add_event (JsonBuilder        *builder,
           BriefAnalysis      *analysis,
           const BriefMention *mention)
{
  GPtrArray *timexes = brief_analysis_get_timexes (analysis);
  const BriefTimex *timex = g_ptr_array_index (timexes, mention->timex_index);
  const BriefTimex *last = mention->end_timex >= 0 ? g_ptr_array_index (timexes, mention->end_timex) : NULL;
  const char *value = brief_mention_get_value (mention, timexes);
  g_autofree char *text = NULL;

  if (last != NULL)
    text = g_utf8_substring (brief_analysis_get_text (analysis), mention->date_start, mention->date_end);
  else
    text = g_strdup (timex->text);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "date");
  json_builder_begin_object (builder);
  add_nullable_string (builder, "value", value);
  add_nullable_string (builder, "text", text);
  add_bounds (builder, value, last != NULL ? last->value : NULL);
  if (mention->derived_from >= 0)
    {
      const BriefTimex *anchor = g_ptr_array_index (timexes, mention->derived_from);

      add_nullable_string (builder, "offset", mention->offset);
      add_nullable_string (builder, "anchor", anchor->value);
    }
  json_builder_end_object (builder);

  add_nullable_string (builder, "title", mention->title);
  add_nullable_string (builder, "sentence", mention->sentence);
  add_int (builder, "start", mention->start);
  add_int (builder, "end", mention->end);
  add_strv (builder, "actors", (const char * const *) mention->actors);
  add_nullable_string (builder, "place", mention->place);
  add_int (builder, "rank", mention->rank);
  json_builder_set_member_name (builder, "is_state");
  json_builder_add_boolean_value (builder, mention->is_state);

  json_builder_end_object (builder);
}

static void
add_entity (JsonBuilder       *builder,
            const BriefEntity *entity)
{
  json_builder_begin_object (builder);
  add_nullable_string (builder, "name", entity->name);
  add_nullable_string (builder, "kind", brief_entity_kind_to_string (entity->kind));
  add_nullable_string (builder, "role", entity->role);
  add_strv (builder, "aliases", (const char * const *) entity->aliases);
  add_int (builder, "mentions", entity->n_mentions);
  json_builder_end_object (builder);
}

static void
add_quote (JsonBuilder      *builder,
           const BriefQuote *quote)
{
  json_builder_begin_object (builder);
  add_nullable_string (builder, "text", quote->text);
  add_nullable_string (builder, "speaker", quote->speaker_name);
  add_nullable_string (builder, "role", quote->role);
  add_int (builder, "start", quote->start);
  add_int (builder, "end", quote->end);
  json_builder_end_object (builder);
}

JsonNode *
brief_json_from_analysis (BriefArticle  *article,
                          BriefAnalysis *analysis)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GPtrArray *timexes;
  GPtrArray *mentions;
  GPtrArray *entities;
  GPtrArray *quotes;

  g_return_val_if_fail (BRIEF_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (BRIEF_IS_ANALYSIS (analysis), NULL);

  timexes = brief_analysis_get_timexes (analysis);
  mentions = brief_analysis_get_mentions (analysis);
  entities = brief_analysis_get_entities (analysis);
  quotes = brief_analysis_get_quotes (analysis);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "article");
  json_builder_begin_object (builder);
  add_article_members (builder, article);
  json_builder_end_object (builder);

  add_nullable_string (builder, "dct", brief_analysis_get_dct (analysis));

  json_builder_set_member_name (builder, "timexes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < timexes->len; i++)
    add_timex (builder, g_ptr_array_index (timexes, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < mentions->len; i++)
    {
      const BriefMention *mention = g_ptr_array_index (mentions, i);
      const BriefTimex *timex = g_ptr_array_index (timexes, mention->timex_index);

      /* Header fields such as "Published: …" are metadata, not events. */
      if (brief_article_is_in_body (article, timex->byte_start))
        add_event (builder, analysis, mention);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "entities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entities->len; i++)
    add_entity (builder, g_ptr_array_index (entities, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "quotes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < quotes->len; i++)
    add_quote (builder, g_ptr_array_index (quotes, i));
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
brief_json_to_string (JsonNode *node,
                      gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_return_val_if_fail (node != NULL, NULL);

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}
