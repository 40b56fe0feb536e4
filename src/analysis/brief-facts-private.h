/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "brief-entities.h"

G_BEGIN_DECLS

/* Word lists for entities, quotes and headlines, read once from
 * data/analysis/en/ and never changed after: safe to share between threads. */
typedef struct
{
  GHashTable *places;        /* folded name or alias → canonical name */
  GHashTable *demonyms;      /* folded "north korean" → canonical place */
  GHashTable *organisations; /* folded name or alias → canonical name */
  GHashTable *org_suffixes;  /* "institute" */
  GHashTable *titles;        /* "president" → "pre" | "mod" | "role" */
  GHashTable *starters;      /* capitalised words that begin sentences */
  GHashTable *function_words;/* "of", "the", "since" */
  GHashTable *speech_verbs;  /* "said" */
  GHashTable *pronouns;      /* "he" → "singular" | "plural" */
  GHashTable *past_forms;    /* "met" → "meet" */
  GHashTable *e_bases;       /* "close": its past drops the e */
  GHashTable *nominals;      /* "disintegration" → "disintegrates intransitive" */
  GHashTable *state_verbs;   /* "remain": base forms */
  GHashTable *abbreviations; /* "dr", "gen", "inc": their period is kept */
  GHashTable *given_names;   /* "maria" → "f" | "m" | "u" */
  GHashTable *place_roles;   /* "mayor": a place comes before it */
  guint       max_place_words;
  guint       max_org_words;
} BriefFactsLexicon;

const BriefFactsLexicon *_brief_facts_lexicon_get (void);

/* Lower-cases the ASCII letters of @len bytes at @word into @buf (size
 * @size), the typographic apostrophe made straight; FALSE when it does not
 * fit. */
gboolean            _brief_fold_into            (const char   *word,
                                                 gsize         len,
                                                 char         *buf,
                                                 gsize         size);

/* Converts increasing byte offsets of @text to code points in one pass. */
typedef struct
{
  const char *text;
  gsize       byte;
  gsize       cp;
} BriefCpCursor;

gsize               _brief_cp_cursor_at         (BriefCpCursor *cursor,
                                                 gsize          byte);

/* The characters in @length bytes of valid UTF-8 at @text that end on a
 * character boundary: g_utf8_strlen (@text, @length), quicker. */
gsize               _brief_utf8_count           (const char    *text,
                                                 gsize          length);

/* Finds the people, organisations and places of @text.  @entities receives
 * BriefEntity (transfer full), @mentions BriefEntityMention in text order. */
void                _brief_find_entities        (const char   *text,
                                                 GArray       *sentences,
                                                 GPtrArray    *timexes,
                                                 GPtrArray    *entities,
                                                 GArray       *mentions);

/* Finds the direct quotations of @text and their speakers among @entities. */
void                _brief_find_quotes          (const char   *text,
                                                 GArray       *sentences,
                                                 GPtrArray    *entities,
                                                 GArray       *mentions,
                                                 GPtrArray    *quotes);

/* The present tense of the past or base verb @word for a subject that is
 * @plural ("met" → "meet"/"meets", "closed" → "closes"); NULL when @word is
 * not a verb form this knows. */
char               *_brief_present_tense        (const char   *word,
                                                 gboolean      plural);

/* The entity named at [@byte_start, @byte_end), or -1. */
int                 _brief_entity_at            (GArray       *mentions,
                                                 gsize         byte_start,
                                                 gsize         byte_end);

/* The short name of a person for headlines: "Shoigu", "Kim". */
char               *_brief_entity_short_name    (const BriefEntity *entity);

/* Whether the pronoun @fold ("he", "her", "they") may stand for @entity: a
 * person whose given name does not say otherwise. */
gboolean            _brief_pronoun_fits         (const char        *fold,
                                                 const BriefEntity *entity);

G_END_DECLS
