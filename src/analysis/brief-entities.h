/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BRIEF_ENTITY_PERSON,
  BRIEF_ENTITY_ORGANISATION,
  BRIEF_ENTITY_PLACE,
} BriefEntityKind;

/* A person, an organisation or a place, with every name the text gives it
 * merged: "Vladimir Putin" and "Putin" are one entity, "Kim Jong Un" and
 * "Kim Taewoo" two. */
typedef struct
{
  char            *name;        /* the fullest name: "Vladimir Putin", "Russia" */
  BriefEntityKind  kind;
  char            *role;        /* "Russian Defense Minister", or NULL */
  GStrv            aliases;     /* the other names used: "Putin"; "Russian" */
  guint            n_mentions;
} BriefEntity;

/* One place in the text where an entity is named, in text order. */
typedef struct
{
  guint  entity;      /* into brief_analysis_get_entities() */
  gsize  byte_start;
  gsize  byte_end;
  gsize  start;       /* code points */
  gsize  end;
  guint  sentence;    /* into brief_analysis_get_sentences() */
} BriefEntityMention;

/* A direct quotation and its speaker. */
typedef struct
{
  char  *text;        /* the words inside the marks; paragraphs joined */
  int    speaker;     /* into brief_analysis_get_entities(), or -1 */
  char  *speaker_name;/* the entity's name, else "experts", "a U.S. official", or NULL */
  char  *role;        /* the speaker's role, or NULL */
  gsize  byte_start;  /* the marks included */
  gsize  byte_end;
  gsize  start;       /* code points */
  gsize  end;
} BriefQuote;

const char         *brief_entity_kind_to_string (BriefEntityKind    kind);
BriefEntity        *brief_entity_copy           (const BriefEntity *entity);
void                brief_entity_free           (BriefEntity       *entity);
BriefQuote         *brief_quote_copy            (const BriefQuote  *quote);
void                brief_quote_free            (BriefQuote        *quote);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriefEntity, brief_entity_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriefQuote, brief_quote_free)

G_END_DECLS
