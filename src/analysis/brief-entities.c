/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-entities"

#include "config.h"

#include <string.h>

#include "brief-facts-private.h"
#include "brief-sentence-splitter.h"
#include "brief-timex.h"

/* People, organisations and places in two passes over the tokens of each
 * sentence.  The first finds runs of capitalised words and tells apart,
 * from the word lists, places ("North Korea", "SEOUL"), demonyms
 * ("Russian"), organisations (a run with "Institute", "Agency"… and its
 * "for …" complement), titles ("Defense Minister") and names; a name of two
 * to four words is a person, with the title words before it or the
 * apposition after it (", former head of …,") as the role.  The second pass
 * walks the mentions in text order and gives every single word ("Putin",
 * "Kim") to the person whose last (or, for Korean names, first) word it is;
 * of several, to the one named in the same sentence, else to the one most
 * mentioned so far. */

#define FOLD_SIZE        48
#define MAX_PERSON_WORDS 4
#define MAX_ROLE_WORDS   14

enum
{
  TOK_CAP     = 1 << 0,
  TOK_FIRST   = 1 << 1,  /* first word of the sentence or of a quote */
  TOK_BREAK   = 1 << 2,  /* , ; : ( ) a dash or a quote mark follows */
  TOK_POSS    = 1 << 3,  /* "’s" removed */
  TOK_TIMEX   = 1 << 4,
  TOK_ALLCAPS = 1 << 5,
  TOK_END     = 1 << 6,  /* . ! ? follows */
  TOK_COMMA   = 1 << 7,  /* a comma follows */
};

/* What the word lists say of a token, looked up once: tok_is(). */
enum
{
  LEX_TITLE      = 1 << 0,
  LEX_ROLE_HEAD  = 1 << 1,  /* a title but not a modifier ("former") */
  LEX_ORG_SUFFIX = 1 << 2,
  LEX_FUNCTION   = 1 << 3,
  LEX_STARTER    = 1 << 4,
  LEX_SPEECH     = 1 << 5,
  LEX_PLACE_LIKE = 1 << 6,  /* begins a place or demonym: is_place_like() */
};

typedef struct
{
  gsize       start;
  gsize       end;
  guint       flags;
  guint       sentence;
  guint16     lex_known;    /* LEX_ bits looked up */
  guint16     lex;          /* LEX_ bits that hold */
  guint       place_n;      /* match_name() of the places from here, + 1; 0 unknown */
  const char *place_value;
  char        fold[FOLD_SIZE];
} Tok;

typedef enum
{
  ITEM_PLACE,
  ITEM_ORG,
  ITEM_PERSON,
  ITEM_SINGLE,
} ItemKind;

typedef struct
{
  ItemKind  kind;
  guint     first;     /* token range */
  guint     last;      /* inclusive */
  char     *name;      /* canonical place or organisation, or NULL */
  char     *role;
  gboolean  titled;
  gboolean  locative;  /* after "in", "near"…: a place unless a person */
} Item;

typedef struct
{
  char            *name;
  BriefEntityKind  kind;
  char            *role;
  GPtrArray       *aliases;
  guint            n_mentions;
  guint            order;     /* of the first mention */
  guint            index;     /* in Finder.ents, for the output */
  char             first[FOLD_SIZE];
  char             last[FOLD_SIZE];
} Ent;

typedef struct
{
  const char              *text;
  const BriefFactsLexicon *lex;
  GArray                  *toks;
  GArray                  *items;
  GPtrArray               *ents;     /* Ent */
  GHashTable              *by_name;  /* canonical name → index + 1 */
} Finder;

static void
item_clear (Item *item)
{
  g_free (item->name);
  g_free (item->role);
}

static void
ent_free (Ent *ent)
{
  g_free (ent->name);
  g_free (ent->role);
  g_ptr_array_unref (ent->aliases);
  g_free (ent);
}

/* ------------------------------------------------------------------------ */
/* Public types                                                              */

const char *
brief_entity_kind_to_string (BriefEntityKind kind)
{
  switch (kind)
    {
    case BRIEF_ENTITY_PERSON:
      return "person";
    case BRIEF_ENTITY_ORGANISATION:
      return "organisation";
    case BRIEF_ENTITY_PLACE:
      return "place";
    default:
      g_return_val_if_reached ("person");
    }
}

BriefEntity *
brief_entity_copy (const BriefEntity *entity)
{
  BriefEntity *copy;

  g_return_val_if_fail (entity != NULL, NULL);

  copy = g_new0 (BriefEntity, 1);
  *copy = *entity;
  copy->name = g_strdup (entity->name);
  copy->role = g_strdup (entity->role);
  copy->aliases = g_strdupv (entity->aliases);
  return copy;
}

void
brief_entity_free (BriefEntity *entity)
{
  if (entity == NULL)
    return;
  g_free (entity->name);
  g_free (entity->role);
  g_strfreev (entity->aliases);
  g_free (entity);
}

/* ------------------------------------------------------------------------ */
/* Tokens                                                                    */

static gboolean
is_dash (gunichar c)
{
  return c == 0x2013 || c == 0x2014;
}

static gboolean
is_edge (gunichar c)
{
  if (c < 0x80)
    return g_ascii_ispunct (c) && c != '$' && c != '%' && c != '&' && c != '@';
  return g_unichar_ispunct (c) && c != '$' && c != '%' && c != '&' && c != '@';
}

static gboolean
keeps_period (const BriefFactsLexicon *lex,
              const char              *text,
              gsize                    start,
              gsize                    end)
{
  char fold[FOLD_SIZE];

  /* "U.S." and "J." keep their period, as do "Dr." and "Inc.". */
  if (memchr (text + start, '.', end - start - 1) != NULL)
    return TRUE;
  if (end - start == 2 && g_ascii_isupper (text[start]))
    return TRUE;
  if (!_brief_fold_into (text + start, end - start - 1, fold, sizeof fold))
    return FALSE;
  return g_hash_table_contains (lex->abbreviations, fold);
}

static void
push_tok (Finder *f,
          gsize   start,
          gsize   end,
          guint   flags,
          guint   sentence)
{
  Tok t = { start, end, flags, sentence, 0, 0, 0, NULL, "" };
  gunichar first = g_utf8_get_char (f->text + start);
  gboolean all_upper = TRUE;
  guint n_letters = 0;

  if (!_brief_fold_into (f->text + start, end - start, t.fold, sizeof t.fold))
    t.fold[0] = '\0';
  if (g_unichar_isupper (first))
    t.flags |= TOK_CAP;
  for (const char *p = f->text + start; p < f->text + end; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);

      if (c < 0x80 ? g_ascii_isalpha (c) : g_unichar_isalpha (c))
        {
          n_letters++;
          if (!(c < 0x80 ? g_ascii_isupper (c) : g_unichar_isupper (c)))
            all_upper = FALSE;
        }
    }
  if (all_upper && n_letters >= 2)
    t.flags |= TOK_ALLCAPS;
  g_array_append_val (f->toks, t);
}

/* Splits "Korea-U.S.-Japan" where a capital follows a hyphen. */
static void
push_core (Finder *f,
           gsize   start,
           gsize   end,
           guint   flags,
           guint   sentence)
{
  gsize from = start;

  for (gsize i = start + 1; i + 1 < end; i++)
    {
      if (f->text[i] == '-' && g_ascii_isupper (f->text[i + 1]))
        {
          push_tok (f, from, i, flags & ~(TOK_BREAK | TOK_END | TOK_POSS | TOK_COMMA), sentence);
          flags &= ~TOK_FIRST;
          from = i + 1;
        }
    }
  push_tok (f, from, end, flags, sentence);
}

static void
mark_break_before (Finder *f,
                   guint   first_of_sentence)
{
  if (f->toks->len > first_of_sentence)
    g_array_index (f->toks, Tok, f->toks->len - 1).flags |= TOK_BREAK;
}

static void
tokenize_chunk (Finder *f,
                gsize   start,
                gsize   end,
                guint   sentence,
                guint   first_of_sentence)
{
  const char *text = f->text;
  gsize core_start = start, core_end = end;
  guint flags = 0;

  while (core_start < end && is_edge (g_utf8_get_char (text + core_start)))
    {
      gunichar c = g_utf8_get_char (text + core_start);

      mark_break_before (f, first_of_sentence);
      if (c == '"' || c == 0x201C || c == 0x201D || c == 0x2018)
        flags |= TOK_FIRST;
      core_start = g_utf8_next_char (text + core_start) - text;
    }

  while (core_end > core_start)
    {
      const char *prev = g_utf8_prev_char (text + core_end);
      gunichar c = g_utf8_get_char (prev);

      if (!is_edge (c))
        break;
      if (c == '.' && keeps_period (f->lex, text, core_start, core_end))
        break;
      if (c == '.' || c == '!' || c == '?' || c == 0x2026)
        flags |= TOK_END;
      else if (c == 0x2019 && prev > text + core_start && prev[-1] == 's'
               && core_end == end)
        ; /* "officials’" */
      else
        flags |= TOK_BREAK;
      if (c == ',')
        flags |= TOK_COMMA;
      core_end = prev - text;
    }
  if (core_end <= core_start)
    {
      if (flags & (TOK_BREAK | TOK_END))
        mark_break_before (f, first_of_sentence);
      return;
    }

  if (core_end - core_start > 2 && text[core_end - 1] == 's'
      && (text[core_end - 2] == '\''
          || (core_end - core_start > 4 && strncmp (text + core_end - 4, "\xe2\x80\x99", 3) == 0)))
    {
      core_end -= text[core_end - 2] == '\'' ? 2 : 4;
      flags |= TOK_POSS;
    }

  if (f->toks->len == first_of_sentence)
    flags |= TOK_FIRST;
  else if (f->text[start - 1] == ':' || (f->toks->len > 0 && (g_array_index (f->toks, Tok, f->toks->len - 1).flags & TOK_END)))
    flags |= TOK_FIRST;

  push_core (f, core_start, core_end, flags, sentence);
}

static void
tokenize_sentence (Finder          *f,
                   const BriefSpan *span,
                   guint            sentence)
{
  const char *text = f->text;
  guint first = f->toks->len;
  gsize i = span->byte_start;

  while (i < span->byte_end)
    {
      gsize chunk;
      gunichar c = (guchar) text[i] < 0x80 ? (gunichar) text[i] : g_utf8_get_char (text + i);

      if (c < 0x80 ? g_ascii_isspace (c) : (g_unichar_isspace (c) || is_dash (c)))
        {
          if (is_dash (c))
            mark_break_before (f, first);
          i = g_utf8_next_char (text + i) - text;
          continue;
        }
      chunk = i;
      while (i < span->byte_end)
        {
          if ((guchar) text[i] < 0x80)
            {
              if (g_ascii_isspace (text[i]))
                break;
              i++;
              continue;
            }
          c = g_utf8_get_char (text + i);
          if (g_unichar_isspace (c) || is_dash (c))
            break;
          i = g_utf8_next_char (text + i) - text;
        }
      tokenize_chunk (f, chunk, i, sentence, first);
    }
}

static void
mark_timexes (Finder    *f,
              GPtrArray *timexes)
{
  guint t = 0;

  for (guint i = 0; i < f->toks->len && timexes != NULL; i++)
    {
      Tok *tok = &g_array_index (f->toks, Tok, i);

      while (t < timexes->len
             && ((BriefTimex *) g_ptr_array_index (timexes, t))->byte_end <= tok->start)
        t++;
      if (t >= timexes->len)
        break;
      if (((BriefTimex *) g_ptr_array_index (timexes, t))->byte_start < tok->end)
        tok->flags |= TOK_TIMEX;
    }
}

/* ------------------------------------------------------------------------ */
/* Lookups                                                                   */

static inline Tok *
tok_at (Finder *f,
        guint   i)
{
  return &g_array_index (f->toks, Tok, i);
}

/* The longest name of @table that tokens from @i on spell, at most
 * @max_words capitalised words of one sentence; its length, 0 if none. */
static guint
match_name (Finder      *f,
            GHashTable  *table,
            guint        max_words,
            guint        i,
            guint        end,
            const char **value)
{
  char key[4 * FOLD_SIZE];
  gsize len = 0;
  guint best = 0;

  for (guint n = 0; n < max_words && i + n < end; n++)
    {
      Tok *t = tok_at (f, i + n);
      gsize l = strlen (t->fold);
      const char *v;

      if (!(t->flags & TOK_CAP) || (t->flags & TOK_TIMEX) || len + l + 2 > sizeof key)
        break;
      if (n > 0)
        key[len++] = ' ';
      memcpy (key + len, t->fold, l + 1);
      len += l;
      if ((v = g_hash_table_lookup (table, key)) != NULL)
        {
          best = n + 1;
          *value = v;
        }
      if (t->flags & (TOK_BREAK | TOK_POSS | TOK_END))
        break;
    }

  return best;
}

/* The places' match from token @i to the end of its sentence @end (every
 * caller scans a whole sentence, so it is the same each time): looked up
 * once. */
static guint
match_place (Finder      *f,
             guint        i,
             guint        end,
             const char **value)
{
  Tok *t = tok_at (f, i);

  if (t->place_n == 0)
    {
      const char *v = NULL;

      t->place_n = match_name (f, f->lex->places, f->lex->max_place_words, i, end, &v) + 1;
      t->place_value = v;
    }
  if (t->place_n > 1)
    *value = t->place_value;
  return t->place_n - 1;
}

static gboolean
is_place_like (Finder *f,
               guint   i,
               guint   end)
{
  Tok *t = tok_at (f, i);

  if (!(t->lex_known & LEX_PLACE_LIKE))
    {
      const char *v;

      if (match_place (f, i, end, &v) > 0 || match_name (f, f->lex->demonyms, 2, i, end, &v) > 0)
        t->lex |= LEX_PLACE_LIKE;
      t->lex_known |= LEX_PLACE_LIKE;
    }
  return (t->lex & LEX_PLACE_LIKE) != 0;
}

/* Whether the LEX_ property @what holds for token @i. */
static gboolean
tok_is (Finder *f,
        guint   i,
        guint   what)
{
  Tok *t = tok_at (f, i);

  if (!(t->lex_known & what))
    {
      const BriefFactsLexicon *lex = f->lex;
      gboolean holds;

      switch (what)
        {
        case LEX_TITLE:
          holds = g_hash_table_contains (lex->titles, t->fold);
          break;
        case LEX_ROLE_HEAD:
          {
            const char *kind = g_hash_table_lookup (lex->titles, t->fold);

            holds = kind != NULL && strcmp (kind, "mod") != 0;
          }
          break;
        case LEX_ORG_SUFFIX:
          holds = g_hash_table_contains (lex->org_suffixes, t->fold);
          break;
        case LEX_FUNCTION:
          holds = g_hash_table_contains (lex->function_words, t->fold);
          break;
        case LEX_STARTER:
          holds = g_hash_table_contains (lex->starters, t->fold);
          break;
        case LEX_SPEECH:
          holds = g_hash_table_contains (lex->speech_verbs, t->fold);
          break;
        default:
          g_assert_not_reached ();
        }
      t->lex_known |= what;
      if (holds)
        t->lex |= what;
    }
  return (t->lex & what) != 0;
}

static gboolean
is_title (Finder *f,
          guint   i)
{
  return tok_is (f, i, LEX_TITLE);
}

static gboolean
is_role_head (Finder *f,
              guint   i)
{
  return tok_is (f, i, LEX_ROLE_HEAD);
}

static gboolean
is_connector (const char *fold)
{
  return strcmp (fold, "for") == 0 || strcmp (fold, "of") == 0
         || strcmp (fold, "on") == 0 || strcmp (fold, "and") == 0
         || strcmp (fold, "de") == 0 || strcmp (fold, "&") == 0;
}

/* A run with an organisation word ("Asan Institute") and its complement
 * ("for Policy Studies"); returns its end, or @i when there is none. */
static guint
match_org (Finder *f,
           guint   i,
           guint   end)
{
  guint k = i;
  guint org_end = i;
  gboolean complement = FALSE;

  while (k < end)
    {
      Tok *t = tok_at (f, k);

      if ((t->flags & TOK_CAP) && !(t->flags & TOK_TIMEX))
        {
          /* "President Putin" is no organisation, but "General Assembly"
           * and "Ministry of Industry and Trade" are. */
          if (is_title (f, k) && !tok_is (f, k, LEX_ORG_SUFFIX) && !complement
              && is_role_head (f, k))
            break;
          if (!complement && tok_is (f, k, LEX_ORG_SUFFIX))
            org_end = k + 1;
          else if (complement)
            org_end = k + 1;
          k++;
          if (t->flags & (TOK_BREAK | TOK_POSS | TOK_END))
            break;
          continue;
        }
      if (org_end > i && k + 1 < end && is_connector (t->fold)
          && (strcmp (t->fold, "and") != 0 || complement)
          && (tok_at (f, k + 1)->flags & TOK_CAP) && !(t->flags & TOK_BREAK))
        {
          complement = TRUE;
          k++;
          continue;
        }
      break;
    }

  return org_end;
}

/* Whether every content word of the sentence is capitalised: a headline in
 * title case, where capitals do not make names. */
static gboolean
is_title_case (Finder *f,
               guint   from,
               guint   to)
{
  if (to - from < 4)
    return FALSE;
  for (guint i = from + 1; i < to; i++)
    {
      Tok *t = tok_at (f, i);

      if (!(t->flags & TOK_CAP) && g_ascii_isalpha (t->fold[0])
          && !tok_is (f, i, LEX_FUNCTION))
        return FALSE;
    }
  return TRUE;
}

static char *
span_text (Finder *f,
           guint   first,
           guint   last)
{
  return g_strndup (f->text + tok_at (f, first)->start,
                    tok_at (f, last)->end - tok_at (f, first)->start);
}

/* ", former head of Seoul’s Korea Institute for National Unification," */
static char *
apposition_role (Finder *f,
                 guint   name_last,
                 guint   end)
{
  guint k = name_last + 1;
  Tok *t;

  if (!(tok_at (f, name_last)->flags & TOK_COMMA) || k >= end)
    return NULL;
  t = tok_at (f, k);
  /* "John Smith, 45, a teacher from Leeds," */
  if (g_ascii_isdigit (t->fold[0]) && (t->flags & TOK_COMMA) && k + 1 < end)
    t = tok_at (f, ++k);
  if (strcmp (t->fold, "a") == 0 || strcmp (t->fold, "an") == 0 || strcmp (t->fold, "the") == 0)
    k++;
  if (k >= end)
    return NULL;
  {
    /* ", a fisherman from Uig,": an indefinite article makes a role. */
    gboolean found = t->fold[0] == 'a' && (t->fold[1] == '\0' || strcmp (t->fold, "an") == 0)
                     && !(tok_at (f, k)->flags & TOK_CAP) && g_ascii_isalpha (tok_at (f, k)->fold[0]);

    for (guint j = k; j < end && j < k + 3 && !found; j++)
      found = is_title (f, j) || is_place_like (f, j, end);
    if (!found)
      return NULL;
  }

  for (guint j = k; j < end && j < k + MAX_ROLE_WORDS; j++)
    {
      Tok *u = tok_at (f, j);

      if (tok_is (f, j, LEX_SPEECH))
        return NULL;
      /* "a master luthier who taught at…" */
      if (j > k && (strcmp (u->fold, "who") == 0 || strcmp (u->fold, "which") == 0
                    || strcmp (u->fold, "that") == 0))
        return span_text (f, k, j - 1);
      if (u->flags & (TOK_BREAK | TOK_END) || j + 1 == end)
        return span_text (f, k, j);
    }

  return NULL;
}

/* "the minister, Sarah Jones," "The mayor of Houston, Sylvester Turner":
 * a role before the name, set off by a comma, that opens its clause. */
static char *
role_in_front (Finder *f,
               guint   name_first)
{
  guint sentence = tok_at (f, name_first)->sentence;
  gboolean has_head = FALSE;

  if (name_first < 2 || !(tok_at (f, name_first - 1)->flags & TOK_COMMA))
    return NULL;
  for (guint k = name_first; k-- > 0 && k + 8 > name_first;)
    {
      Tok *t = tok_at (f, k);

      if (t->sentence != sentence || (k + 1 < name_first && (t->flags & (TOK_BREAK | TOK_END))))
        return NULL;
      if (is_role_head (f, k))
        has_head = TRUE;
      if (strcmp (t->fold, "the") == 0 || strcmp (t->fold, "a") == 0 || strcmp (t->fold, "an") == 0)
        {
          Tok *before = k > 0 ? tok_at (f, k - 1) : NULL;

          if (!has_head || (before != NULL && before->sentence == sentence
                            && !(before->flags & (TOK_BREAK | TOK_END))
                            && !tok_is (f, k - 1, LEX_SPEECH)))
            return NULL;
          return span_text (f, k + 1, name_first - 1);
        }
    }
  return NULL;
}

static void
add_item (Finder   *f,
          ItemKind  kind,
          guint     first,
          guint     last,
          const char *name,
          char     *role,
          gboolean  titled)
{
  Item item = { kind, first, last, g_strdup (name), role, titled };

  g_array_append_val (f->items, item);
}

/* ------------------------------------------------------------------------ */
/* First pass: items                                                         */

typedef struct
{
  int      role_start;
  gboolean has_title;
} RoleChain;

static void
role_reset (RoleChain *chain)
{
  chain->role_start = -1;
  chain->has_title = FALSE;
}

static void
role_extend (RoleChain *chain,
             Finder    *f,
             guint      i)
{
  if (chain->role_start < 0)
    chain->role_start = i;
  if (is_role_head (f, i))
    chain->has_title = TRUE;
  if (tok_at (f, i)->flags & TOK_BREAK)
    role_reset (chain);
}

static char *
role_before (Finder          *f,
             const RoleChain *chain,
             guint            name_first)
{
  if (chain->role_start < 0 || !chain->has_title || (guint) chain->role_start >= name_first)
    return NULL;
  return span_text (f, chain->role_start, name_first - 1);
}

static gboolean
is_particle (const char *fold)
{
  static const char *const particles[] = {
    "de", "van", "von", "der", "den", "da", "del", "di", "bin", "al", "le", "la", "du",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (particles); i++)
    if (strcmp (fold, particles[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_given_name (Finder *f,
               guint   i)
{
  return g_hash_table_contains (f->lex->given_names, tok_at (f, i)->fold);
}

/* Whether token @i follows a preposition of place: "born in Enugu", "at
 * La Scala".  @strict (for names of several words) leaves out "from", which
 * names people too ("a letter from Kim Taewoo"); only @strict takes "at". */
static gboolean
after_locative (Finder   *f,
                guint     i,
                gboolean  strict)
{
  static const char *const prepositions[] = {
    "in", "near", "outside", "across", "throughout", "at", "from",
  };
  Tok *prev;

  if (i == 0 || (prev = tok_at (f, i - 1))->sentence != tok_at (f, i)->sentence
      || (prev->flags & (TOK_CAP | TOK_BREAK)))
    return FALSE;
  /* "at" too names firms ("at Google"): for longer names only. */
  for (gsize k = 0; k < G_N_ELEMENTS (prepositions) - 1; k++)
    if (strcmp (prev->fold, prepositions[k]) == 0)
      return strict || strcmp (prev->fold, "at") != 0;
  return !strict && strcmp (prev->fold, "from") == 0;
}

/* "in English", "in Japanese", "in Arabic": languages, not places. */
static gboolean
is_language_like (const char *fold)
{
  return g_str_has_suffix (fold, "ish") || g_str_has_suffix (fold, "ese")
         || g_str_has_suffix (fold, "ic");
}

/* "Springfield mayor", "Enugu residents" */
static gboolean
before_place_role (Finder *f,
                   guint   i,
                   guint   end)
{
  Tok *next;

  if (i + 1 >= end || (tok_at (f, i)->flags & (TOK_BREAK | TOK_POSS | TOK_END | TOK_FIRST))
      || is_title (f, i))
    return FALSE;
  next = tok_at (f, i + 1);
  return !(next->flags & TOK_CAP) && g_hash_table_contains (f->lex->place_roles, next->fold);
}

/* "CREMONA, Italy —", "BOSTON —": the capitals that open a paragraph
 * before a comma or a dash name the place the report is filed from; the
 * number of tokens, 0 if none. */
static guint
dateline_place (Finder *f,
                guint   i,
                guint   end)
{
  Tok *t = tok_at (f, i);

  if (!(t->flags & TOK_ALLCAPS) || !(t->flags & TOK_FIRST)
      || (t->start > 0 && f->text[t->start - 1] != '\n'))
    return 0;
  for (guint n = 0; n < 3 && i + n < end; n++)
    {
      Tok *u = tok_at (f, i + n);

      if (!(u->flags & TOK_ALLCAPS) || (u->flags & (TOK_TIMEX | TOK_END | TOK_POSS)))
        return 0;
      if (u->flags & TOK_BREAK)
        return n + 1;
    }
  return 0;
}

/* "CREMONA" → "Cremona" */
static char *
title_case_span (Finder *f,
                 guint   first,
                 guint   last)
{
  g_autofree char *span = span_text (f, first, last);
  g_autofree char *lower = g_utf8_strdown (span, -1);
  GString *out = g_string_new (NULL);
  gboolean word_start = TRUE;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, word_start ? g_unichar_totitle (c) : c);
      word_start = c == ' ' || c == '-';
    }
  return g_string_free (out, FALSE);
}

/* A name: capitalised words up to a break, a place or a title. */
static guint
name_end (Finder *f,
          guint   i,
          guint   end)
{
  guint j = i;

  while (j < end)
    {
      Tok *t = tok_at (f, j);

      if (j > i && j + 1 < end && is_particle (t->fold) && !(t->flags & TOK_BREAK)
          && (tok_at (f, j + 1)->flags & TOK_CAP))
        {
          j++;
          continue;
        }
      if (!(t->flags & TOK_CAP) || (t->flags & TOK_TIMEX))
        break;
      if (j > i && (is_title (f, j) || is_place_like (f, j, end)))
        break;
      j++;
      if (t->flags & (TOK_BREAK | TOK_POSS | TOK_END))
        break;
    }

  return j;
}

static void
add_name (Finder    *f,
          RoleChain *chain,
          guint      i,
          guint      j,
          guint      end,
          gboolean   title_case)
{
  guint n = j - i;
  gboolean plain = TRUE;

  for (guint k = i; k < j; k++)
    if (tok_is (f, k, LEX_FUNCTION) || tok_is (f, k, LEX_STARTER) || tok_is (f, k, LEX_SPEECH))
      plain = FALSE;

  guint n_caps = 0;

  for (guint k = i; k < j; k++)
    if (tok_at (f, k)->flags & TOK_ALLCAPS)
      n_caps++;
  if (n >= 2 && n_caps == n)
    return;
  if (n >= 2 && n_caps > 0 && plain && !title_case)
    {
      add_item (f, ITEM_ORG, i, j - 1, NULL, NULL, FALSE);
      return;
    }
  if (n >= 2 && n <= MAX_PERSON_WORDS && plain && !title_case)
    {
      char *role = apposition_role (f, j - 1, end);

      if (role == NULL)
        role = role_before (f, chain, i);
      if (role == NULL)
        role = role_in_front (f, i);
      /* "played at La Scala", "in Buenos Aires": no given name, no role. */
      if (role == NULL && !is_given_name (f, i) && after_locative (f, i, TRUE))
        {
          g_autofree char *name = span_text (f, i, j - 1);

          add_item (f, ITEM_PLACE, i, j - 1, name, NULL, FALSE);
          return;
        }
      add_item (f, ITEM_PERSON, i, j - 1, NULL, role, FALSE);
    }
  else if (n == 1 && plain)
    {
      char *role = role_before (f, chain, i);

      add_item (f, ITEM_SINGLE, i, i, NULL, role, role != NULL);
      g_array_index (f->items, Item, f->items->len - 1).locative
        = role == NULL && !is_given_name (f, i) && !is_language_like (tok_at (f, i)->fold)
          && (after_locative (f, i, FALSE) || before_place_role (f, i, end));
    }
}

static void
scan_sentence (Finder *f,
               guint   from,
               guint   to)
{
  gboolean title_case = is_title_case (f, from, to);
  RoleChain chain;
  guint i = from;

  role_reset (&chain);
  while (i < to)
    {
      Tok *t = tok_at (f, i);
      const char *value = NULL;
      guint n, j;

      if (t->flags & TOK_TIMEX)
        {
          role_reset (&chain);
          i++;
          continue;
        }
      if (!(t->flags & TOK_CAP) || ((t->flags & TOK_FIRST)
                                    && tok_is (f, i, LEX_STARTER)))
        {
          if (is_title (f, i) || strcmp (t->fold, "then") == 0)
            role_extend (&chain, f, i);
          else
            role_reset (&chain);
          i++;
          continue;
        }

      n = match_place (f, i, to, &value);
      if (n == 0 && (j = dateline_place (f, i, to)) > 0)
        {
          g_autofree char *name = title_case_span (f, i, i + j - 1);

          add_item (f, ITEM_PLACE, i, i + j - 1, name, NULL, FALSE);
          role_reset (&chain);
          i += j;
          continue;
        }
      if ((j = match_org (f, i, to)) > i + n)
        {
          add_item (f, ITEM_ORG, i, j - 1, NULL, NULL, FALSE);
          role_reset (&chain);
          i = j;
          continue;
        }
      if ((n = match_name (f, f->lex->organisations, f->lex->max_org_words, i, to, &value)) > 0)
        {
          add_item (f, ITEM_ORG, i, i + n - 1, value, NULL, FALSE);
          role_reset (&chain);
          i += n;
          continue;
        }
      if ((n = match_place (f, i, to, &value)) > 0
          || (n = match_name (f, f->lex->demonyms, 2, i, to, &value)) > 0)
        {
          add_item (f, ITEM_PLACE, i, i + n - 1, value, NULL, FALSE);
          if (tok_at (f, i + n - 1)->flags & TOK_POSS)
            {
              role_reset (&chain);
            }
          else
            {
              if (chain.role_start < 0)
                chain.role_start = i;
              role_extend (&chain, f, i + n - 1);
            }
          i += n;
          continue;
        }
      if (((is_title (f, i) && !(t->flags & TOK_ALLCAPS)) || (i + 2 < to && is_title (f, i + 1)
                                && !(t->flags & TOK_BREAK)))
          && i + 1 < to && (tok_at (f, i + 1)->flags & TOK_CAP))
        {
          role_extend (&chain, f, i);
          i++;
          continue;
        }

      j = name_end (f, i, to);
      add_name (f, &chain, i, j, to, title_case);
      role_reset (&chain);
      i = MAX (j, i + 1);
    }
}

/* ------------------------------------------------------------------------ */
/* Second pass: entities                                                     */

static guint
find_or_add (Finder          *f,
             const char      *name,
             BriefEntityKind  kind)
{
  gpointer found = g_hash_table_lookup (f->by_name, name);
  Ent *ent;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  ent = g_new0 (Ent, 1);
  ent->name = g_strdup (name);
  ent->kind = kind;
  ent->aliases = g_ptr_array_new_with_free_func (g_free);
  ent->order = G_MAXUINT;
  g_ptr_array_add (f->ents, ent);
  g_hash_table_insert (f->by_name, ent->name, GUINT_TO_POINTER (f->ents->len));
  return f->ents->len - 1;
}

static void
add_alias (Ent        *ent,
           const char *alias)
{
  if (g_ascii_strcasecmp (alias, ent->name) == 0)
    return;
  for (guint i = 0; i < ent->aliases->len; i++)
    if (strcmp (g_ptr_array_index (ent->aliases, i), alias) == 0)
      return;
  g_ptr_array_add (ent->aliases, g_strdup (alias));
}

static void
set_role (Ent        *ent,
          const char *role)
{
  if (role == NULL)
    return;
  /* A fuller role wins over a bare title ("President"). */
  if (ent->role == NULL || (strchr (ent->role, ' ') == NULL && strchr (role, ' ') != NULL))
    {
      g_free (ent->role);
      ent->role = g_strdup (role);
      /* "then-U.S. President": a former one. */
      if (g_str_has_prefix (ent->role, "then-"))
        {
          char *former = g_strconcat ("former ", ent->role + 5, NULL);

          g_free (ent->role);
          ent->role = former;
        }
    }
}

/* Registers the people named in full, merging "Donald J. Trump" and
 * "Donald Trump". */
static void
register_people (Finder *f)
{
  for (guint i = 0; i < f->items->len; i++)
    {
      Item *item = &g_array_index (f->items, Item, i);
      Tok *first, *last;
      g_autofree char *name = NULL;
      guint e = G_MAXUINT;

      if (item->kind != ITEM_PERSON)
        continue;
      first = tok_at (f, item->first);
      last = tok_at (f, item->last);
      name = span_text (f, item->first, item->last);
      for (guint k = 0; k < f->ents->len && e == G_MAXUINT; k++)
        {
          Ent *ent = g_ptr_array_index (f->ents, k);

          if (ent->kind == BRIEF_ENTITY_PERSON && strcmp (ent->first, first->fold) == 0
              && strcmp (ent->last, last->fold) == 0)
            e = k;
        }
      if (e == G_MAXUINT)
        {
          Ent *ent;

          e = find_or_add (f, name, BRIEF_ENTITY_PERSON);
          ent = g_ptr_array_index (f->ents, e);
          g_strlcpy (ent->first, first->fold, FOLD_SIZE);
          g_strlcpy (ent->last, last->fold, FOLD_SIZE);
        }
      g_free (item->name);
      item->name = g_strdup (((Ent *) g_ptr_array_index (f->ents, e))->name);
    }
}

static gboolean
is_speech_neighbour (Finder *f,
                     guint   i)
{
  Tok *t = tok_at (f, i);

  if (i > 0 && tok_at (f, i - 1)->sentence == t->sentence && tok_is (f, i - 1, LEX_SPEECH))
    return TRUE;
  if (i + 1 < f->toks->len && tok_at (f, i + 1)->sentence == t->sentence
      && tok_is (f, i + 1, LEX_SPEECH))
    return TRUE;
  return i >= 2 && strcmp (tok_at (f, i - 1)->fold, "to") == 0
         && strcmp (tok_at (f, i - 2)->fold, "according") == 0;
}

/* Whether person @e is named in full in the sentence of item
 * @item_index.  Items are in text order: only its neighbours are looked
 * at, not every item of the text. */
static gboolean
named_in_sentence (Finder *f,
                   guint   e,
                   guint   item_index)
{
  guint sentence = tok_at (f, g_array_index (f->items, Item, item_index).first)->sentence;
  const char *name = ((Ent *) g_ptr_array_index (f->ents, e))->name;
  guint from = item_index, to = item_index + 1;

  while (from > 0
         && tok_at (f, g_array_index (f->items, Item, from - 1).first)->sentence == sentence)
    from--;
  while (to < f->items->len
         && tok_at (f, g_array_index (f->items, Item, to).first)->sentence == sentence)
    to++;

  for (guint k = from; k < to; k++)
    {
      Item *other = &g_array_index (f->items, Item, k);

      if (other->kind == ITEM_PERSON && g_strcmp0 (other->name, name) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The person a single word ("Kim") stands for, or -1. */
static int
resolve_single (Finder *f,
                guint   item_index)
{
  const char *fold = tok_at (f, g_array_index (f->items, Item, item_index).first)->fold;
  int best = -1;
  int best_score = -1;

  for (int pass = 0; pass < 2 && best < 0; pass++)
    for (guint e = 0; e < f->ents->len; e++)
      {
        Ent *ent = g_ptr_array_index (f->ents, e);
        int score;

        if (ent->kind != BRIEF_ENTITY_PERSON
            || strcmp (pass == 0 ? ent->last : ent->first, fold) != 0)
          continue;
        score = (int) ent->n_mentions;
        if (named_in_sentence (f, e, item_index))
          score += 10000;
        if (score > best_score)
          {
            best = e;
            best_score = score;
          }
      }

  return best;
}

static void
add_mention (Finder *f,
             GArray *mentions,
             guint   e,
             Item   *item)
{
  Ent *ent = g_ptr_array_index (f->ents, e);
  Tok *first = tok_at (f, item->first);
  Tok *last = tok_at (f, item->last);
  BriefEntityMention m = { e, first->start, last->end, 0, 0, first->sentence };
  g_autofree char *surface = span_text (f, item->first, item->last);

  if (ent->order == G_MAXUINT)
    ent->order = mentions->len;
  ent->n_mentions++;
  add_alias (ent, surface);
  set_role (ent, item->role);
  g_array_append_val (mentions, m);
}

/* "Acme Robotics" after "Acme Robotics Inc.": the organisation, or -1. */
static int
organisation_named (Finder     *f,
                    const char *name)
{
  gsize len = strlen (name);

  for (guint e = 0; e < f->ents->len; e++)
    {
      Ent *ent = g_ptr_array_index (f->ents, e);

      if (ent->kind == BRIEF_ENTITY_ORGANISATION && strncmp (ent->name, name, len) == 0
          && ent->name[len] == ' ')
        return e;
    }
  return -1;
}

static gboolean
is_demonym (Finder *f,
            guint   i,
            guint   end)
{
  const char *value;

  return match_name (f, f->lex->demonyms, 1, i, end, &value) == 1;
}

/* "Nguyen Van Hoa of Vietcombank": a single name right after a person's
 * "of" is where the person works. */
static gboolean
of_person (Finder *f,
           guint   item_index)
{
  Item *item = &g_array_index (f->items, Item, item_index);
  Item *prev = item_index > 0 ? &g_array_index (f->items, Item, item_index - 1) : NULL;

  return prev != NULL && prev->kind == ITEM_PERSON && prev->last + 2 == item->first
         && strcmp (tok_at (f, item->first - 1)->fold, "of") == 0
         && !(tok_at (f, prev->last)->flags & TOK_BREAK);
}

static void
resolve_items (Finder *f,
               GArray *mentions)
{
  for (guint i = 0; i < f->items->len; i++)
    {
      Item *item = &g_array_index (f->items, Item, i);
      Tok *t = tok_at (f, item->first);
      int e = -1;

      switch (item->kind)
        {
        case ITEM_PLACE:
          e = find_or_add (f, item->name, BRIEF_ENTITY_PLACE);
          break;
        case ITEM_ORG:
          if (item->name == NULL)
            item->name = span_text (f, item->first, item->last);
          e = find_or_add (f, item->name, BRIEF_ENTITY_ORGANISATION);
          /* "Vietnamese Ministry of Industry and Trade" is also "Ministry
           * of Industry and Trade". */
          if (item->last >= item->first + 2 && is_demonym (f, item->first, item->last + 1))
            {
              g_autofree char *rest = span_text (f, item->first + 1, item->last);

              add_alias (g_ptr_array_index (f->ents, e), rest);
            }
          break;
        case ITEM_PERSON:
          e = organisation_named (f, item->name);
          if (e < 0)
            e = find_or_add (f, item->name, BRIEF_ENTITY_PERSON);
          break;
        case ITEM_SINGLE:
          e = resolve_single (f, i);
          if (e < 0 && item->locative && !(t->flags & TOK_ALLCAPS))
            {
              g_autofree char *name = span_text (f, item->first, item->last);

              e = find_or_add (f, name, BRIEF_ENTITY_PLACE);
            }
          else if (e < 0 && (item->titled
                        || (is_speech_neighbour (f, item->first) && !(t->flags & TOK_FIRST))))
            {
              Ent *ent;

              g_autofree char *name = span_text (f, item->first, item->last);

              e = find_or_add (f, name, BRIEF_ENTITY_PERSON);
              ent = g_ptr_array_index (f->ents, e);
              g_strlcpy (ent->first, t->fold, FOLD_SIZE);
              g_strlcpy (ent->last, t->fold, FOLD_SIZE);
            }
          else if (e < 0 && of_person (f, i))
            {
              g_autofree char *name = span_text (f, item->first, item->last);

              e = find_or_add (f, name, BRIEF_ENTITY_ORGANISATION);
            }
          else if (e < 0 && (t->flags & TOK_ALLCAPS) && strlen (t->fold) <= 6)
            {
              g_autofree char *name = span_text (f, item->first, item->last);

              e = find_or_add (f, name, BRIEF_ENTITY_ORGANISATION);
            }
          break;
        default:
          g_assert_not_reached ();
        }

      if (e >= 0)
        add_mention (f, mentions, e, item);
    }
}

/* ------------------------------------------------------------------------ */
/* Output                                                                    */

static int
compare_order (gconstpointer a,
               gconstpointer b)
{
  const Ent *ea = *(const Ent **) a;
  const Ent *eb = *(const Ent **) b;

  return ea->order < eb->order ? -1 : ea->order > eb->order;
}

static void
emit_entities (Finder    *f,
               GPtrArray *entities,
               GArray    *mentions)
{
  g_autofree guint *remap = g_new0 (guint, MAX (f->ents->len, 1));
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  BriefCpCursor cursor = { f->text, 0, 0 };
  guint base = entities->len;

  for (guint e = 0; e < f->ents->len; e++)
    {
      Ent *ent = g_ptr_array_index (f->ents, e);

      ent->index = e;
      if (ent->n_mentions > 0)
        g_ptr_array_add (sorted, ent);
    }
  g_ptr_array_sort (sorted, compare_order);

  for (guint k = 0; k < sorted->len; k++)
    {
      Ent *ent = g_ptr_array_index (sorted, k);
      BriefEntity *out = g_new0 (BriefEntity, 1);

      remap[ent->index] = base + k;

      out->name = g_strdup (ent->name);
      out->kind = ent->kind;
      out->role = g_strdup (ent->role);
      out->n_mentions = ent->n_mentions;
      g_ptr_array_add (ent->aliases, NULL);
      out->aliases = g_strdupv ((GStrv) ent->aliases->pdata);
      g_ptr_array_add (entities, out);
    }

  for (guint m = 0; m < mentions->len; m++)
    {
      BriefEntityMention *mention = &g_array_index (mentions, BriefEntityMention, m);

      mention->entity = remap[mention->entity];
      mention->start = _brief_cp_cursor_at (&cursor, mention->byte_start);
      mention->end = _brief_cp_cursor_at (&cursor, mention->byte_end);
    }
}

void
_brief_find_entities (const char *text,
                      GArray     *sentences,
                      GPtrArray  *timexes,
                      GPtrArray  *entities,
                      GArray     *mentions)
{
  Finder f = { 0, };

  g_return_if_fail (text != NULL && sentences != NULL);

  f.text = text;
  f.lex = _brief_facts_lexicon_get ();
  f.toks = g_array_sized_new (FALSE, FALSE, sizeof (Tok), strlen (text) / 5 + 1);
  f.items = g_array_new (FALSE, FALSE, sizeof (Item));
  g_array_set_clear_func (f.items, (GDestroyNotify) item_clear);
  f.ents = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_free);
  f.by_name = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint s = 0; s < sentences->len; s++)
    tokenize_sentence (&f, &g_array_index (sentences, BriefSpan, s), s);
  mark_timexes (&f, timexes);

  for (guint i = 0; i < f.toks->len;)
    {
      guint j = i;

      while (j < f.toks->len && tok_at (&f, j)->sentence == tok_at (&f, i)->sentence)
        j++;
      scan_sentence (&f, i, j);
      i = j;
    }

  register_people (&f);
  resolve_items (&f, mentions);
  emit_entities (&f, entities, mentions);

  g_hash_table_unref (f.by_name);
  g_ptr_array_unref (f.ents);
  g_array_unref (f.items);
  g_array_unref (f.toks);
}

int
_brief_entity_at (GArray *mentions,
                  gsize   byte_start,
                  gsize   byte_end)
{
  guint lo = 0, hi = mentions->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const BriefEntityMention *m = &g_array_index (mentions, BriefEntityMention, mid);

      if (m->byte_end <= byte_start)
        lo = mid + 1;
      else if (m->byte_start >= byte_end)
        hi = mid;
      else
        return m->entity;
    }

  return -1;
}

/* "f", "m" or "u" for the given name of @entity's first word, else NULL. */
static const char *
given_name_gender (const BriefEntity *entity)
{
  const BriefFactsLexicon *lex = _brief_facts_lexicon_get ();
  const char *space = strchr (entity->name, ' ');
  char fold[FOLD_SIZE];

  if (space == NULL
      || !_brief_fold_into (entity->name, space - entity->name, fold, sizeof fold))
    return NULL;
  return g_hash_table_lookup (lex->given_names, fold);
}

char *
_brief_entity_short_name (const BriefEntity *entity)
{
  const char *space;

  g_return_val_if_fail (entity != NULL, NULL);

  if (entity->kind != BRIEF_ENTITY_PERSON)
    return g_strdup (entity->name);
  for (guint i = 0; entity->aliases != NULL && entity->aliases[i] != NULL; i++)
    if (strchr (entity->aliases[i], ' ') == NULL && g_unichar_isupper (g_utf8_get_char (entity->aliases[i])))
      return g_strdup (entity->aliases[i]);
  space = strrchr (entity->name, ' ');
  /* "Lee Min-ho", "Nam Sung-wook": the family name comes first, before a
   * hyphenated given name; not in "Mary Smith-Jones". */
  if (space != NULL && strchr (space + 1, '-') != NULL && strchr (entity->name, ' ') == space
      && given_name_gender (entity) == NULL)
    return g_strndup (entity->name, space - entity->name);
  return g_strdup (space != NULL ? space + 1 : entity->name);
}

gboolean
_brief_pronoun_fits (const char        *fold,
                     const BriefEntity *entity)
{
  const char *gender;

  g_return_val_if_fail (fold != NULL && entity != NULL, FALSE);

  if (entity->kind != BRIEF_ENTITY_PERSON)
    return FALSE;
  gender = given_name_gender (entity);
  if (gender == NULL || strcmp (gender, "u") == 0)
    return TRUE;
  if (strcmp (fold, "he") == 0 || strcmp (fold, "him") == 0 || strcmp (fold, "his") == 0)
    return strcmp (gender, "m") == 0;
  if (strcmp (fold, "she") == 0 || strcmp (fold, "her") == 0 || strcmp (fold, "hers") == 0)
    return strcmp (gender, "f") == 0;
  return TRUE;
}
