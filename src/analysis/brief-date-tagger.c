/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-date-tagger"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief-date-tagger.h"
#include "brief-sentence-splitter.h"
#include "brief-word-list-private.h"

/* How the tagger works
 *
 * brief_date_tagger_new() reads the word lists and the patterns from the
 * analysis GResource (data/analysis/en/) into one lexicon, a hash table from
 * lower-cased word to what the word can be (month, weekday, number, unit,
 * relative word, date context word, tense marker...), and an array of
 * compiled patterns, each with the TIMEX3 type and the rule that builds its
 * value (see date-patterns.txt).  Nothing changes after that, so one tagger
 * can serve any number of threads.
 *
 * brief_date_tagger_find() splits the text into tokens (runs of letters and
 * digits, single punctuation marks), looking every word up once, and then
 * walks the tokens once from left to right.  At each token it tries the
 * patterns that can start there (a modifier prefix such as "early" or "more
 * than" first), keeps the longest match, checks the context of the
 * ambiguous ones (a lone "May", a bare year), builds the value against the
 * anchor (the document creation time in news, the last date mentioned in
 * narratives and for "the following day") and the tense of the clause, and
 * jumps past the match. */

typedef enum
{
  LEX_MONTH_STRICT   = 1 << 0,
  LEX_MONTH_ABBR     = 1 << 1,
  LEX_WEEKDAY_STRICT = 1 << 2,
  LEX_WEEKDAY_ABBR   = 1 << 3,
  LEX_DATE_CONTEXT   = 1 << 4,
  LEX_COUNT_NOUN     = 1 << 5,
  LEX_FUTURE         = 1 << 6,
  LEX_YEAR_CONTEXT   = 1 << 7,  /* before a year only ("for 1990") */
  LEX_DETERMINER     = 1 << 8,  /* before a year and a noun ("his 1996 campaign") */
  LEX_NUMBER         = 1 << 9,
  LEX_ORDINAL        = 1 << 10,
  LEX_UNIT           = 1 << 11,
  LEX_PLURAL         = 1 << 12,
  LEX_REL            = 1 << 13,
  LEX_REF            = 1 << 14, /* counted from the last date mentioned */
  LEX_OFFSET         = 1 << 15,
  LEX_SEASON_STRICT  = 1 << 16,
  LEX_ZONE           = 1 << 17,
  LEX_PAST           = 1 << 18,
  LEX_DUR_CONTEXT    = 1 << 19,
  LEX_AMPM           = 1 << 20,
  LEX_STARTER        = 1 << 21, /* a literal that can start a pattern */
  LEX_TENS           = 1 << 22,
  LEX_WEEKDAY_NAME   = 1 << 23, /* "Black" Friday, "Super" Tuesday */
  LEX_NEXT_DATE      = 1 << 24, /* the date after it is still to come ("effective") */
  LEX_PRESENT        = 1 << 25, /* a present-tense verb: the nearer date */
  LEX_FUTURE_TO      = 1 << 26, /* future before "to" only ("set to resume") */
  LEX_MODAL          = 1 << 27, /* future, past before "have" ("may have been") */
  LEX_GENERIC_NOW    = 1 << 28, /* "today's world": the present age, no day */
  LEX_SPEECH         = 1 << 29, /* attributes a report: "said", "told" */
  LEX_COMPARE        = 1 << 30, /* introduces a figure compared with: "from" */
} LexFlags;

typedef enum
{
  UNIT_NONE,
  UNIT_MIN,
  UNIT_HOUR,
  UNIT_DAY,
  UNIT_WEEKEND,
  UNIT_WEEK,
  UNIT_FORTNIGHT,
  UNIT_MONTH,
  UNIT_QUARTER,
  UNIT_HALF,
  UNIT_YEAR,
  UNIT_DECADE,
  UNIT_CENTURY,
  UNIT_MILLENNIUM,
  N_UNITS
} Unit;

/* Codes in units.txt and letters in durations, by Unit. */
static const struct
{
  const char *code;
  const char *letter;
  int         count;
  gboolean    clock;
} unit_info[N_UNITS] = {
  { "", "", 0, FALSE },
  { "MIN", "M", 1, TRUE },
  { "H", "H", 1, TRUE },
  { "D", "D", 1, FALSE },
  { "WE", "WE", 1, FALSE },
  { "W", "W", 1, FALSE },
  { "W2", "W", 2, FALSE },
  { "M", "M", 1, FALSE },
  { "Q", "Q", 1, FALSE },
  { "HY", "", 1, FALSE },
  { "Y", "Y", 1, FALSE },
  { "DE", "DE", 1, FALSE },
  { "CE", "CE", 1, FALSE },
  { "ML", "ML", 1, FALSE },
};

/* A set of patterns, one bit a pattern (by line order): what can start at
 * a token is the union of what its classes, its word and its punctuation
 * can start. */
#define MAX_PATTERNS 256
#define PATTERN_SET_WORDS (MAX_PATTERNS / 64)

typedef struct
{
  guint64 w[PATTERN_SET_WORDS];
} PatternSet;

static inline void
pattern_set_add (PatternSet       *set,
                 const PatternSet *other)
{
  for (guint k = 0; k < PATTERN_SET_WORDS; k++)
    set->w[k] |= other->w[k];
}

static inline gboolean
pattern_set_is_empty (const PatternSet *set)
{
  guint64 any = 0;

  for (guint k = 0; k < PATTERN_SET_WORDS; k++)
    any |= set->w[k];
  return any == 0;
}

static inline void
pattern_set_insert (PatternSet *set,
                    guint       p)
{
  set->w[p / 64] |= G_GUINT64_CONSTANT (1) << (p % 64);
}

/* Holidays that move with Easter: EASTER_BASE + days from Easter Sunday. */
#define EASTER_BASE 20000
#define IS_EASTER_FEAST(h) ((h) >= EASTER_BASE - 100 && (h) <= EASTER_BASE + 100)

static const char * const season_codes[] = { "", "SP", "SU", "FA", "WI" };
static const char * const pod_codes[] = { "", "MO", "AF", "EV", "NI" };

typedef struct
{
  guint32     flags;      /* LexFlags */
  guint8      month;      /* 1-12, 0 when not a month */
  guint8      weekday;    /* 1-7 (Monday = 1) */
  guint8      unit;       /* Unit */
  guint8      ordinal;
  guint8      season;     /* index into season_codes */
  guint8      pod;        /* index into pod_codes */
  gint8       rel;        /* with LEX_REL */
  gint8       offset;     /* with LEX_OFFSET */
  gint16      number;     /* with LEX_NUMBER; -1 for a vague one */
  gint16      decade;     /* a decade in words: 199 for "nineties" */
  gint16      holiday;    /* month * 100 + day, or -(month * 100 + n * 10 +
                           * weekday) for the nth weekday of the month, or
                           * EASTER_BASE + n for n days from Easter Sunday */
  PatternSet  starts;     /* bit p: the word can start pattern p */
} LexEntry;

typedef enum
{
  CLASS_MONTH   = 1 << 0,
  CLASS_WEEKDAY = 1 << 1,
  CLASS_DAY     = 1 << 2,
  CLASS_YEAR    = 1 << 3,
  CLASS_DECADE  = 1 << 4,
  CLASS_MM      = 1 << 5,
  CLASS_DD      = 1 << 6,
  CLASS_DASH    = 1 << 7,
  CLASS_NUM     = 1 << 8,
  CLASS_ORD     = 1 << 9,
  CLASS_UNIT    = 1 << 10,
  CLASS_UNIT1   = 1 << 11,
  CLASS_UNITS   = 1 << 12,
  CLASS_REL     = 1 << 13,
  CLASS_SEASON  = 1 << 14,
  CLASS_POD     = 1 << 15,
  CLASS_OFFSET  = 1 << 16,
  CLASS_HOUR    = 1 << 17,
  CLASS_MIN     = 1 << 18,
  CLASS_AMPM    = 1 << 19,
  CLASS_ZONE    = 1 << 20,
  CLASS_HOLIDAY = 1 << 21,
  CLASS_SPOKEN_YEAR = 1 << 22,  /* can start "nineteen ninety-six", "two thousand" */
  CLASS_WEEKDAYS = 1 << 23,     /* "Tuesdays": every one of them */
  CLASS_PODS    = 1 << 24,      /* "nights", as in "Tuesday nights" */
} TokenClass;

/* What "next", "last" must come before to speak of time. */
#define TIME_WORD_CLASSES (CLASS_MONTH | CLASS_WEEKDAY | CLASS_UNIT | CLASS_SEASON \
                           | CLASS_HOLIDAY | CLASS_NUM | CLASS_ORD | CLASS_POD | CLASS_DAY)

static const struct
{
  const char *name;
  TokenClass  cls;
} class_names[] = {
  { "MONTH", CLASS_MONTH },
  { "WEEKDAY", CLASS_WEEKDAY },
  { "DAY", CLASS_DAY },
  { "YEAR", CLASS_YEAR },
  { "DECADE", CLASS_DECADE },
  { "MM", CLASS_MM },
  { "DD", CLASS_DD },
  { "DASH", CLASS_DASH },
  { "NUM", CLASS_NUM },
  { "ORD", CLASS_ORD },
  { "UNIT", CLASS_UNIT },
  { "UNIT1", CLASS_UNIT1 },
  { "UNITS", CLASS_UNITS },
  { "REL", CLASS_REL },
  { "SEASON", CLASS_SEASON },
  { "POD", CLASS_POD },
  { "PODS", CLASS_PODS },
  { "WEEKDAYS", CLASS_WEEKDAYS },
  { "OFFSET", CLASS_OFFSET },
  { "HOUR", CLASS_HOUR },
  { "MIN", CLASS_MIN },
  { "AMPM", CLASS_AMPM },
  { "ZONE", CLASS_ZONE },
  { "HOLIDAY", CLASS_HOLIDAY },
  { "SPOKENYEAR", CLASS_SPOKEN_YEAR },
};

#define MAX_ALTERNATIVES 6

typedef struct
{
  guint           cls;       /* a TokenClass, or 0 for a literal */
  const LexEntry *words[MAX_ALTERNATIVES];  /* literal words, NULL-ended */
  gunichar        punct;     /* a literal punctuation mark, or 0 */
  gboolean        optional;
  gboolean        glued;
} Element;

typedef enum
{
  RULE_DATE,
  RULE_NUMERIC,
  RULE_QUARTER,
  RULE_REL,
  RULE_OFFSET,
  RULE_DUR,
  RULE_SET,
  RULE_DAY,
  RULE_TIME,
  RULE_PERIOD,
  RULE_WEEK_OF,
  RULE_LITERAL,
} Rule;

#define TYPE_PREFIX 100

typedef struct
{
  char     *name;
  GArray   *elements;      /* Element */
  guint     first;         /* classes that can start a match, for a quick test */
  const LexEntry *first_words[12];  /* words that can start it, NULL-ended */
  gunichar  first_punct;   /* punctuation that can start it */
  int       type;          /* BriefTimexType or TYPE_PREFIX */
  gboolean  after_prefix;  /* only after a modifier prefix */
  Rule      rule;
  int       param;         /* rel:N, day:N, time:HH:MM (minutes) */
  gboolean  has_param;
  int       pod;           /* day:N:CODE */
  char     *literal;       /* =VALUE */
  guint     index;         /* line order, for ties */
  gboolean  point;         /* PREFIX also before a point in time (PREFIX@point) */
  gboolean  part_of_day_only;  /* PREFIX before a weekday only with its part of
                                  the day (PREFIX@pod) */
  gboolean  era_only;      /* PREFIX only before a decade or a century
                              (PREFIX@era) */
  gboolean  quick_second;  /* first element one literal word, second required */
} Pattern;

struct _BriefDateTagger
{
  GObject     parent_instance;

  GHashTable *lexicon;        /* folded word → LexEntry */
  guint32     word_lengths[128];  /* by folded first byte: bit n, a word of n bytes */
  GPtrArray  *patterns;       /* Pattern */
  guint       first_classes;  /* classes that can start any pattern */
  gunichar    first_punct[4]; /* punctuation that can start one */
  PatternSet  class_starts[32];  /* by class bit: patterns it can start */
  PatternSet  punct_starts;
  PatternSet  prefixes;          /* the PREFIX patterns */
};

G_DEFINE_FINAL_TYPE (BriefDateTagger, brief_date_tagger, G_TYPE_OBJECT)

/* ------------------------------------------------------------------------ */
/* Tokens                                                                    */

typedef enum
{
  TOKEN_WORD,     /* letters */
  TOKEN_NUMBER,   /* digits */
  TOKEN_ORDINAL,  /* 5th, 21st */
  TOKEN_DECADE,   /* 1990s, 90s */
  TOKEN_MIXED,    /* any other run of letters and digits */
  TOKEN_PUNCT,    /* one other character */
} TokenKind;

typedef struct
{
  gsize           byte_start;
  gsize           byte_end;
  gsize           start;       /* code points */
  gsize           end;
  const char     *fold;        /* lower-cased text when in the lexicon, else "" */
  const LexEntry *lex;         /* NULL when not in the lexicon */
  guint           classes;
  guint           number;      /* value of NUMBER, ORDINAL, DECADE */
  guint           sentence;
  gunichar        ch;          /* the character of a PUNCT */
  guint8          kind;        /* TokenKind */
  guint8          n_digits;
  gint8           tense;       /* nearest tense marker: 1 future, -2 past, -1
                                * likely past ("closed") */
  gint8           tense_before;  /* the last one before it in the sentence */
  guint           spaced : 1;  /* blank before the token */
  guint           upper : 1;   /* starts with a capital */
  guint           all_upper : 1;
} Token;

typedef struct
{
  GDate  date;
  Unit   precision;   /* UNIT_DAY, UNIT_MONTH, UNIT_YEAR...; NONE when invalid */
  guint  sentence;
} Anchor;

/* Everything one call of find() needs; the tagger itself is left alone. */
typedef struct
{
  const BriefDateTagger *tagger;
  const char            *text;
  GArray                *tokens;      /* Token */
  BriefDocumentKind      kind;
  GDate                  dct;         /* invalid when unknown */
  int                    anchor_year; /* narrative: last year mentioned */
  Anchor                 ref;         /* the last date mentioned */
  guint                  last_year_token;  /* token after the last bare year */
  guint                  last_end;    /* token after the last timex */
  gboolean               last_set_ref;  /* the last timex was the ref */
  int                    report_quarter;  /* the first quarter mentioned, 1-4, or 0 */
  int                    report_year;     /* and its year */
  gboolean               report_nine_months;  /* "the nine months" since the last quarter */
  int                    report_months;   /* and their number, 0 for a year */
  GPtrArray             *result;
} Finder;

#define TOK(f, i) (&g_array_index ((f)->tokens, Token, (i)))

static guint
classify_word (const Token *t)
{
  const LexEntry *lex = t->lex;
  guint classes = 0;

  if (lex == NULL)
    return 0;
  if (t->upper && lex->month)
    classes |= CLASS_MONTH;
  if (t->upper && lex->weekday)
    classes |= (lex->flags & LEX_PLURAL) ? CLASS_WEEKDAYS : CLASS_WEEKDAY;
  if (t->upper && lex->holiday)
    classes |= CLASS_HOLIDAY;
  if (t->all_upper && (lex->flags & LEX_ZONE))
    classes |= CLASS_ZONE;
  if (lex->flags & LEX_NUMBER)
    classes |= CLASS_NUM;
  if ((lex->flags & LEX_NUMBER) && t->kind == TOKEN_WORD
      && (lex->number == 2 || (lex->number >= 11 && lex->number <= 20)))
    classes |= CLASS_SPOKEN_YEAR;
  if (lex->flags & LEX_ORDINAL)
    classes |= CLASS_ORD;
  if (lex->unit)
    classes |= CLASS_UNIT | ((lex->flags & LEX_PLURAL) ? CLASS_UNITS : CLASS_UNIT1);
  if (lex->flags & LEX_REL)
    classes |= CLASS_REL;
  if (lex->season)
    classes |= CLASS_SEASON;
  if (lex->decade)
    classes |= CLASS_DECADE;
  if (lex->pod)
    classes |= (lex->flags & LEX_PLURAL) ? CLASS_PODS : CLASS_POD;
  if (lex->flags & LEX_OFFSET)
    classes |= CLASS_OFFSET;
  if (lex->flags & LEX_AMPM)
    classes |= CLASS_AMPM;

  return classes;
}

static guint
classify (const Token *t)
{
  guint classes = 0;

  switch (t->kind)
    {
    case TOKEN_WORD:
      return classify_word (t);

    case TOKEN_NUMBER:
      if (t->n_digits <= 2 && t->number >= 1 && t->number <= 31)
        classes |= CLASS_DAY;
      if (t->n_digits == 2 && t->number >= 1 && t->number <= 12)
        classes |= CLASS_MM;
      if (t->n_digits == 2 && t->number >= 1 && t->number <= 31)
        classes |= CLASS_DD;
      if (t->n_digits == 4 && t->number >= 1000 && t->number <= 2999)
        classes |= CLASS_YEAR;
      if (t->n_digits <= 4)
        classes |= CLASS_NUM;
      if (t->n_digits <= 2 && t->number <= 24)
        classes |= CLASS_HOUR;
      if (t->n_digits == 2 && t->number <= 59)
        classes |= CLASS_MIN;
      break;

    case TOKEN_ORDINAL:
      if (t->number >= 1 && t->number <= 31)
        classes |= CLASS_DAY;
      classes |= CLASS_ORD;
      break;

    case TOKEN_DECADE:
      classes |= CLASS_DECADE;
      break;

    case TOKEN_PUNCT:
      if (t->ch == '-' || t->ch == 0x2010 || t->ch == 0x2011 || t->ch == 0x2013)
        classes |= CLASS_DASH;
      break;

    case TOKEN_MIXED:
    default:
      break;
    }

  return classes;
}

static const LexEntry *
lookup (const BriefDateTagger  *tagger,
        const char             *s,
        gsize                   len,
        const char            **key)
{
  char buf[64];
  gpointer orig_key = NULL, value = NULL;

  if (len >= sizeof buf)
    return NULL;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = s[i];

      if (c >= 0x80)
        {
          g_autofree char *fold = _brief_word_fold (s, len);

          if (g_hash_table_lookup_extended (tagger->lexicon, fold, &orig_key, &value))
            *key = orig_key;
          return value;
        }
      buf[i] = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
  buf[len] = '\0';

  /* Most words are in no list: skip the hash when no word of the lexicon
   * has this first letter and length. */
  if (len < 32 && !(tagger->word_lengths[(guchar) buf[0]] & (1u << len)))
    return NULL;

  if (g_hash_table_lookup_extended (tagger->lexicon, buf, &orig_key, &value))
    *key = orig_key;
  return value;
}

static void
finish_alnum_token (Finder *f,
                    Token  *t)
{
  const char *s = f->text + t->byte_start;
  gsize len = t->byte_end - t->byte_start;
  gsize digits = 0;

  while (digits < len && g_ascii_isdigit (s[digits]))
    digits++;

  t->fold = "";
  if (digits == 0)
    {
      gboolean letters_only = TRUE;
      gboolean all_upper = TRUE;

      for (gsize i = 0; i < len; i++)
        {
          guchar c = s[i];

          if (c < 0x80)
            {
              if (!g_ascii_isalpha (c))
                letters_only = FALSE;
              if (!g_ascii_isupper (c))
                all_upper = FALSE;
            }
        }

      t->kind = letters_only ? TOKEN_WORD : TOKEN_MIXED;
      t->lex = lookup (f->tagger, s, len, &t->fold);
      if ((guchar) s[0] < 0x80)
        t->upper = g_ascii_isupper (s[0]);
      else
        t->upper = g_unichar_isupper (g_utf8_get_char (s));
      t->all_upper = all_upper && t->upper;
    }
  else
    {
      const char *suffix = s + digits;
      gsize n_suffix = len - digits;

      t->n_digits = MIN (digits, 255);
      t->number = digits <= 9 ? (guint) strtoul (s, NULL, 10) : G_MAXUINT;

      if (n_suffix == 0)
        t->kind = TOKEN_NUMBER;
      else if (digits <= 2 && n_suffix == 2
               && (g_ascii_strncasecmp (suffix, "st", 2) == 0
                   || g_ascii_strncasecmp (suffix, "nd", 2) == 0
                   || g_ascii_strncasecmp (suffix, "rd", 2) == 0
                   || g_ascii_strncasecmp (suffix, "th", 2) == 0))
        t->kind = TOKEN_ORDINAL;
      else if ((digits == 4 || digits == 2) && n_suffix == 1
               && (suffix[0] == 's' || suffix[0] == 'S') && t->number % 10 == 0)
        {
          t->kind = TOKEN_DECADE;
          if (digits == 2)
            t->number += t->number >= 10 ? 1900 : 2000;
        }
      else
        t->kind = TOKEN_MIXED;
    }

  t->classes = classify (t);
}

static gboolean
is_number_suffix (const char *s,
                  gsize       len)
{
  static const char * const suffixes[] = { "st", "nd", "rd", "th", "s" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (strlen (suffixes[i]) == len && g_ascii_strncasecmp (s, suffixes[i], len) == 0)
      return TRUE;
  return FALSE;
}

/* Adds the run of letters and digits @run as tokens: split where digits
 * meet letters ("05T10" → 05 T 10, "COVID19"), except for the suffixes of
 * ordinals and decades ("5th", "1990s"). */
static void
add_alnum_run (Finder *f,
               Token  *run,
               gboolean ascii)
{
  const char *s = f->text + run->byte_start;
  const char *end = f->text + run->byte_end;
  const char *p = s;
  gsize cp = run->start;
  gboolean first = TRUE;

  while (p < end)
    {
      gboolean digit = g_ascii_isdigit (*p);
      const char *q = p;
      gsize n_chars = 0;
      Token t = *run;

      while (q < end && (g_ascii_isdigit (*q) != 0) == digit)
        {
          q = ascii ? q + 1 : g_utf8_next_char (q);
          n_chars++;
        }

      /* "5th", "1990s" stay whole. */
      if (digit && q < end)
        {
          const char *r = q;
          gsize n_suffix = 0;

          while (r < end && !g_ascii_isdigit (*r))
            {
              r = ascii ? r + 1 : g_utf8_next_char (r);
              n_suffix++;
            }
          if (r == end && is_number_suffix (q, r - q))
            {
              q = r;
              n_chars += n_suffix;
            }
        }

      t.byte_start = p - f->text;
      t.byte_end = q - f->text;
      t.start = cp;
      t.end = cp + n_chars;
      t.spaced = first ? run->spaced : FALSE;
      finish_alnum_token (f, &t);
      g_array_append_val (f->tokens, t);

      cp += n_chars;
      p = q;
      first = FALSE;
    }
}

static gboolean
token_is (Finder     *f,
          guint       i,
          const char *fold)
{
  return i < f->tokens->len && strcmp (TOK (f, i)->fold, fold) == 0;
}

static gboolean
is_lower_word (Finder *f,
               guint   i)
{
  return i < f->tokens->len && TOK (f, i)->kind == TOKEN_WORD && !TOK (f, i)->upper;
}

/* 2 for a listed past marker ("was", "began"), 1 for a guess ("closed",
 * "visited", but also participles: "to be paid Dec. 14"), else 0. */
static int
is_past_marker (Finder *f,
                guint   i)
{
  const Token *t = TOK (f, i);
  const char *s;
  gsize len;
  int past;

  /* A speech verb is listed only to find attributions: "added" is still
   * a guess. */
  if (t->lex != NULL && t->lex->flags != LEX_SPEECH)
    past = (t->lex->flags & LEX_PAST) != 0 ? 2 : 0;
  else if (t->kind != TOKEN_WORD || t->upper)
    past = 0;
  else
    {
      s = f->text + t->byte_start;
      len = t->byte_end - t->byte_start;
      past = len > 4 && s[len - 2] == 'e' && s[len - 1] == 'd' ? 1 : 0;
    }

  /* A participle takes the tense of its auxiliary: "was signed" is past,
   * "will be paid", "has been extended" say nothing by themselves. */
  if (past != 0 && i > 0 && TOK (f, i - 1)->lex != NULL)
    {
      const Token *aux = TOK (f, i - 1);

      if (strcmp (aux->fold, "be") == 0 || strcmp (aux->fold, "been") == 0
          || strcmp (aux->fold, "is") == 0 || strcmp (aux->fold, "are") == 0
          || strcmp (aux->fold, "being") == 0)
        return 0;
      if (aux->lex->flags & LEX_PAST)
        return 2;
    }
  /* A guessed participle before "by" with no auxiliary modifies a noun
   * ("markets untouched by the crisis"): it has no tense of its own. */
  if (past == 1 && token_is (f, i + 1, "by"))
    return 0;
  return past;
}

/* The tense marker at token @i: 1 future, -2 past, -1 likely past, 0
 * present ("is", "are": the nearer date), NO_MARKER when none. */
#define NO_MARKER G_MININT8
#define INFINITIVE_MARKER G_MAXINT8

static gint8
tense_marker (Finder *f,
              guint   i)
{
  const Token *t = TOK (f, i);
  int past;

  /* "next" and "last" speak of time only before one: not in "next to the
   * embassy", "the last man". */
  if (t->lex != NULL && (t->lex->flags & LEX_REL) && (t->lex->flags & (LEX_FUTURE | LEX_PAST))
      && (i + 1 >= f->tokens->len || !(TOK (f, i + 1)->classes & TIME_WORD_CLASSES)))
    return NO_MARKER;
  /* "had been scheduled to expire Friday": a plan of the past, for a day
   * that has passed. */
  if (t->lex != NULL && (t->lex->flags & (LEX_FUTURE | LEX_FUTURE_TO | LEX_MODAL)) && i >= 2
      && token_is (f, i - 1, "been") && token_is (f, i - 2, "had"))
    return -2;
  if (t->lex != NULL && (t->lex->flags & LEX_FUTURE))
    return 1;
  if (t->lex != NULL && (t->lex->flags & LEX_FUTURE_TO) && token_is (f, i + 1, "to"))
    return 1;
  /* "may meet Friday", but "may have fallen Friday"; "May" is a month. */
  if (t->lex != NULL && (t->lex->flags & LEX_MODAL) && !t->upper)
    return token_is (f, i + 1, "have") ? -2 : 1;
  if ((past = is_past_marker (f, i)) != 0)
    return -past;
  /* "is to resume trading Tuesday" speaks of the future. */
  if (t->lex != NULL && (t->lex->flags & LEX_PRESENT))
    return token_is (f, i + 1, "to") ? 1 : 0;
  /* "decided to admit them in March": what was decided may still be to
   * come (compute_tense()). */
  if (strcmp (t->fold, "to") == 0 && is_lower_word (f, i + 1)
      && (TOK (f, i + 1)->lex == NULL || TOK (f, i + 1)->lex->flags == LEX_SPEECH)
      && i > 0 && TOK (f, i - 1)->kind == TOKEN_WORD && !TOK (f, i - 1)->upper)
    return INFINITIVE_MARKER;
  return NO_MARKER;
}

/* The tense of each token: that of the nearest tense marker in its sentence
 * (the one before on a tie). */
static void
compute_tense (Finder *f)
{
  guint n = f->tokens->len;
  g_autofree int *before = g_new (int, n + 1);
  g_autofree gint8 *markers = g_new (gint8, n + 1);
  int last = NO_MARKER;
  guint last_at = 0;

  for (guint i = 0; i < n; i++)
    {
      Token *t = TOK (f, i);

      if (i > 0 && t->sentence != TOK (f, i - 1)->sentence)
        last = NO_MARKER;
      markers[i] = tense_marker (f, i);
      /* An infinitive after a past verb leaves the time open: "agreed to
       * buy it in February" takes the nearer February. */
      if (markers[i] == INFINITIVE_MARKER)
        markers[i] = last != NO_MARKER && last < 0 ? 0 : NO_MARKER;
      if (markers[i] != NO_MARKER)
        last = markers[i], last_at = i;
      before[i] = last != NO_MARKER ? (int) (i - last_at) : -1;
      t->tense = last != NO_MARKER ? last : 0;
      t->tense_before = last != NO_MARKER && last_at < i ? last : 0;
    }

  last = NO_MARKER;
  for (guint i = n; i-- > 0;)
    {
      Token *t = TOK (f, i);

      if (i + 1 < n && t->sentence != TOK (f, i + 1)->sentence)
        last = NO_MARKER;
      /* "... in early March, an official said": an attribution after a
       * comma has the tense of the telling, not of what is told. */
      if (t->ch == ',' && last != NO_MARKER && TOK (f, last_at)->lex != NULL
          && (TOK (f, last_at)->lex->flags & LEX_SPEECH))
        last = NO_MARKER;
      if (markers[i] != NO_MARKER)
        last = markers[i], last_at = i;
      if (last != NO_MARKER && (before[i] < 0 || (int) (last_at - i) < before[i]))
        t->tense = last;
    }
}

static void
tokenize (Finder *f,
          GArray *sentences)
{
  const char *p = f->text;
  gsize cp = 0;
  gboolean spaced = TRUE;
  guint sentence = 0;
  gsize sentence_end = sentences != NULL && sentences->len > 0
                       ? g_array_index (sentences, BriefSpan, 0).byte_end : G_MAXSIZE;
  gboolean in_alnum = FALSE;
  gboolean ascii_run = TRUE;
  Token cur = { 0, };

  while (TRUE)
    {
      guchar b = *p;
      gunichar c = b < 0x80 ? b : g_utf8_get_char (p);
      gsize byte = p - f->text;
      gboolean alnum = b < 0x80 ? g_ascii_isalnum (b) : g_unichar_isalnum (c);

      if (in_alnum && !alnum)
        {
          cur.byte_end = byte;
          cur.end = cp;
          add_alnum_run (f, &cur, ascii_run);
          in_alnum = FALSE;
          spaced = FALSE;
        }

      if (c == 0)
        break;

      while (byte >= sentence_end)
        {
          sentence++;
          sentence_end = sentence < sentences->len
                         ? g_array_index (sentences, BriefSpan, sentence).byte_end : G_MAXSIZE;
        }

      if (alnum)
        {
          if (!in_alnum)
            {
              memset (&cur, 0, sizeof cur);
              cur.byte_start = byte;
              cur.start = cp;
              cur.spaced = spaced;
              cur.sentence = sentence;
              in_alnum = TRUE;
              ascii_run = TRUE;
            }
          if (b >= 0x80)
            ascii_run = FALSE;
        }
      else if (b < 0x80 ? g_ascii_isspace (b) : g_unichar_isspace (c))
        {
          spaced = TRUE;
        }
      else
        {
          Token t = { 0, };

          t.byte_start = byte;
          t.byte_end = byte + (b < 0x80 ? 1 : g_utf8_next_char (p) - p);
          t.start = cp;
          t.end = cp + 1;
          t.kind = TOKEN_PUNCT;
          t.ch = c;
          t.fold = "";
          t.spaced = spaced;
          t.sentence = sentence;
          t.classes = classify (&t);
          g_array_append_val (f->tokens, t);
          spaced = FALSE;
        }

      p = b < 0x80 ? p + 1 : g_utf8_next_char (p);
      cp++;
    }

  compute_tense (f);
}

/* ------------------------------------------------------------------------ */
/* Matching                                                                  */

typedef struct
{
  guint       first;     /* first token */
  guint       end;       /* token after the last one */
  int         year;      /* 0 when absent */
  int         month;
  int         day;
  int         decade;    /* 199 for the 1990s */
  int         weekday;
  int         number;    /* NUM: -1 vague; has_number */
  int         ordinal;
  int         rel;       /* REL: with has_rel */
  int         offset;    /* OFFSET */
  int         season;
  int         pod;
  int         hour;
  int         minute;
  int         holiday;
  Unit        unit;
  Unit        grain;     /* a unit noun after an offset: "the year-ago quarter" */
  char        ampm;      /* 'a', 'p' or 0 */
  const char *mod;
  guint       month_token;
  guint       weekday_token;
  guint       unit_token;
  guint       offset_token;
  guint       rel_token;
  guint       decade_token;
  gboolean    has_day;
  gboolean    has_month_name;
  gboolean    has_number;
  gboolean    has_rel;
  gboolean    plural;
  gboolean    rel_ref;
  gboolean    offset_ref;
  gboolean    half;      /* "5 1/2 hours", "a year and a half" */
  guint       spoken_token;  /* 1 + first token of a year in words, or 0 */
} Match;

static gboolean
glued_punct (Finder   *f,
             guint     i,
             gunichar  ch)
{
  return i < f->tokens->len && TOK (f, i)->ch == ch && !TOK (f, i)->spaced;
}

/* A number word, with "twenty-four", "twenty four", "a few", "a couple of". */
static guint
match_number (Finder *f,
              guint   i,
              Match  *m)
{
  const Token *t = TOK (f, i);
  guint n = f->tokens->len;
  guint taken = 1;

  m->has_number = TRUE;
  if (t->kind != TOKEN_WORD)
    {
      m->number = t->number;
      /* "5 1/2 hours" */
      if (i + 3 < n && t->n_digits <= 3 && TOK (f, i + 1)->kind == TOKEN_NUMBER
          && TOK (f, i + 1)->number == 1 && TOK (f, i + 1)->spaced
          && TOK (f, i + 2)->ch == '/' && !TOK (f, i + 2)->spaced
          && TOK (f, i + 3)->kind == TOKEN_NUMBER && TOK (f, i + 3)->number == 2
          && !TOK (f, i + 3)->spaced)
        {
          m->half = TRUE;
          return 4;
        }
      return 1;
    }

  m->number = t->lex->number;
  if ((t->lex->flags & LEX_TENS) && i + 1 < n)
    {
      guint j = i + 1;

      if ((TOK (f, j)->classes & CLASS_DASH) && !TOK (f, j)->spaced && j + 1 < n
          && !TOK (f, j + 1)->spaced)
        j++;
      if (TOK (f, j)->kind == TOKEN_WORD && TOK (f, j)->lex != NULL
          && (TOK (f, j)->lex->flags & LEX_NUMBER)
          && TOK (f, j)->lex->number >= 1 && TOK (f, j)->lex->number <= 9
          && strcmp (TOK (f, j)->fold, "a") != 0 && strcmp (TOK (f, j)->fold, "an") != 0)
        {
          m->number += TOK (f, j)->lex->number;
          taken = j + 1 - i;
        }
    }
  else if ((token_is (f, i, "a") || token_is (f, i, "an")) && i + 1 < n
           && TOK (f, i + 1)->lex != NULL && (TOK (f, i + 1)->lex->flags & LEX_NUMBER)
           && TOK (f, i + 1)->kind == TOKEN_WORD
           && (TOK (f, i + 1)->lex->number < 0 || TOK (f, i + 1)->lex->number >= 12
               || strcmp (TOK (f, i + 1)->fold, "couple") == 0))
    {
      /* "a few", "a couple of", "a dozen" */
      m->number = TOK (f, i + 1)->lex->number;
      taken = 2;
      if (token_is (f, i + 2, "of"))
        taken = 3;
    }
  else if (token_is (f, i, "couple") && token_is (f, i + 1, "of"))
    {
      taken = 2;
    }

  return taken;
}

/* A year in words, as read out on air: "nineteen ninety-six", "eighteen
 * twelve", "two thousand", "two thousand and one". */
static guint
match_spoken_year (Finder *f,
                   guint   i,
                   Match  *m)
{
  const Token *t = TOK (f, i);
  guint n = f->tokens->len;
  Match rest = { 0, };
  guint taken;

  if (t->lex->number == 2)
    {
      if (!token_is (f, i + 1, "thousand"))
        return 0;
      m->year = 2000;
      taken = 2;
      if (token_is (f, i + 2, "and"))
        taken++;
      if (i + taken < n && TOK (f, i + taken)->kind == TOKEN_WORD
          && (TOK (f, i + taken)->classes & CLASS_NUM)
          && TOK (f, i + taken)->lex->number >= 1 && TOK (f, i + taken)->lex->number <= 99
          && !token_is (f, i + taken, "a") && !token_is (f, i + taken, "an"))
        {
          guint k = match_number (f, i + taken, &rest);

          m->year += rest.number;
          return taken + k;
        }
      return token_is (f, i + 2, "and") ? 2 : taken;
    }

  /* The century, then a number from ten to ninety-nine in words. */
  if (i + 1 >= n || TOK (f, i + 1)->kind != TOKEN_WORD || !(TOK (f, i + 1)->classes & CLASS_NUM)
      || TOK (f, i + 1)->lex->number < 10 || TOK (f, i + 1)->lex->number > 90
      || TOK (f, i + 1)->spaced == FALSE)
    return 0;
  taken = match_number (f, i + 1, &rest);
  if (rest.number < 10 || rest.number > 99)
    return 0;
  m->year = t->lex->number * 100 + rest.number;
  return 1 + taken;
}

/* "a.m.", "am", "p.m." */
static guint
match_ampm (Finder *f,
            guint   i,
            Match  *m)
{
  const Token *t = TOK (f, i);

  if (strcmp (t->fold, "am") == 0 || strcmp (t->fold, "pm") == 0)
    {
      m->ampm = t->fold[0];
      return 1;
    }
  if ((strcmp (t->fold, "a") == 0 || strcmp (t->fold, "p") == 0)
      && glued_punct (f, i + 1, '.') && token_is (f, i + 2, "m") && !TOK (f, i + 2)->spaced)
    {
      m->ampm = t->fold[0];
      /* The last period of "p.m." that ends a sentence is the sentence's. */
      return glued_punct (f, i + 3, '.') && i + 4 < f->tokens->len
             && TOK (f, i + 4)->sentence == t->sentence ? 4 : 3;
    }
  return 0;
}

static gboolean
literal_matches (const Element *e,
                 const Token   *t)
{
  if (e->punct != 0)
    return t->ch == e->punct;
  if (t->lex == NULL)
    return FALSE;
  for (guint k = 0; k < MAX_ALTERNATIVES && e->words[k] != NULL; k++)
    if (e->words[k] == t->lex)
      return TRUE;
  return FALSE;
}

/* Matches one element at token @i; returns the number of tokens taken, 0 on
 * failure. */
static guint
match_element (Finder        *f,
               const Element *e,
               guint          i,
               Match         *m)
{
  const Token *t;
  guint n = f->tokens->len;

  if (i >= n)
    return 0;

  t = TOK (f, i);

  if (i > m->first && t->sentence != TOK (f, m->first)->sentence)
    return 0;
  if (e->glued && i > m->first && t->spaced)
    return 0;

  if (e->cls == 0)
    {
      if (!literal_matches (e, t))
        return 0;
      /* "year-earlier": a literal offset still counts as one. */
      if (t->lex != NULL && (t->lex->flags & LEX_OFFSET))
        {
          m->offset = t->lex->offset;
          m->offset_ref = (t->lex->flags & LEX_REF) != 0;
          m->offset_token = i;
        }
      /* "a year and a half": the half is of the unit before it. */
      if (t->lex != NULL && t->lex->unit == UNIT_HALF && m->unit != UNIT_NONE
          && m->unit != UNIT_HALF)
        m->half = TRUE;
      /* "the year-ago quarter": the noun after the offset sets the grain. */
      else if (t->lex != NULL && t->lex->unit != UNIT_NONE && m->offset != 0)
        m->grain = t->lex->unit;
      /* "the quarter", "half": literal units still count as units. */
      else if (t->lex != NULL && t->lex->unit != UNIT_NONE)
        {
          m->unit = t->lex->unit;
          m->plural = (t->lex->flags & LEX_PLURAL) != 0;
          m->unit_token = i;
        }
      return 1;
    }

  if ((t->classes & e->cls) == 0)
    return 0;

  switch (e->cls)
    {
    case CLASS_MONTH:
      m->month = t->lex->month;
      m->month_token = i;
      m->has_month_name = TRUE;
      /* "Jan." takes its period. */
      if ((t->lex->flags & LEX_MONTH_ABBR) && glued_punct (f, i + 1, '.'))
        return 2;
      return 1;

    case CLASS_WEEKDAY:
      m->weekday = t->lex->weekday;
      m->weekday_token = i;
      if ((t->lex->flags & LEX_WEEKDAY_ABBR) && glued_punct (f, i + 1, '.'))
        return 2;
      return 1;

    case CLASS_DAY:
    case CLASS_DD:
      m->day = t->number;
      m->has_day = TRUE;
      return 1;

    case CLASS_MM:
      m->month = t->number;
      return 1;

    case CLASS_YEAR:
      m->year = t->number;
      return 1;

    case CLASS_DECADE:
      m->decade = t->kind == TOKEN_WORD ? t->lex->decade : (int) t->number / 10;
      m->decade_token = i;
      return 1;

    case CLASS_NUM:
      return match_number (f, i, m);

    case CLASS_ORD:
      m->ordinal = t->kind == TOKEN_WORD ? t->lex->ordinal : (int) t->number;
      return 1;

    case CLASS_UNIT:
    case CLASS_UNIT1:
    case CLASS_UNITS:
      m->unit = t->lex->unit;
      m->plural = (t->lex->flags & LEX_PLURAL) != 0;
      m->unit_token = i;
      return 1;

    case CLASS_REL:
      m->rel = t->lex->rel;
      m->has_rel = TRUE;
      m->rel_ref = (t->lex->flags & LEX_REF) != 0;
      m->rel_token = i;
      return 1;

    case CLASS_SEASON:
      m->season = t->lex->season;
      return 1;

    case CLASS_POD:
    case CLASS_PODS:
      m->pod = t->lex->pod;
      return 1;

    case CLASS_WEEKDAYS:
      m->weekday = t->lex->weekday;
      m->weekday_token = i;
      return 1;

    case CLASS_OFFSET:
      m->offset = t->lex->offset;
      m->offset_ref = (t->lex->flags & LEX_REF) != 0;
      m->offset_token = i;
      return 1;

    case CLASS_HOUR:
      m->hour = t->number;
      return 1;

    case CLASS_MIN:
      m->minute = t->number;
      return 1;

    case CLASS_AMPM:
      return match_ampm (f, i, m);

    case CLASS_SPOKEN_YEAR:
      m->spoken_token = i + 1;
      return match_spoken_year (f, i, m);

    case CLASS_HOLIDAY:
      m->holiday = t->lex->holiday;
      if (IS_EASTER_FEAST (m->holiday))
        {
          /* Its day is known once the year is (date_value()); spring
           * until then. */
          m->month = 4;
          m->day = 1;
          m->has_day = TRUE;
          m->month_token = i;
          return 1;
        }
      m->month = ABS (t->lex->holiday) / 100;
      /* A floating holiday ("Thanksgiving"): its earliest day until the
       * year is known. */
      m->day = t->lex->holiday > 0 ? t->lex->holiday % 100
                                   : 1 + (ABS (t->lex->holiday) % 100 / 10 - 1) * 7;
      m->has_day = TRUE;
      m->month_token = i;
      return 1;

    case CLASS_ZONE:
    case CLASS_DASH:
    default:
      return 1;
    }
}

/* Matches @p from element @e at token @i, optional elements taken greedily,
 * backtracking when the rest fails. */
static gboolean
match_from (Finder        *f,
            const Pattern *p,
            guint          e,
            guint          i,
            Match         *m)
{
  const Element *el;
  Match taken;
  guint n;

  if (e == p->elements->len)
    {
      m->end = i;
      return TRUE;
    }

  el = &g_array_index (p->elements, Element, e);

  /* A required element needs no copy to come back to: if the rest fails,
   * the whole match from here fails, and the optional element before it
   * (if any) tried it on a copy. */
  if (!el->optional)
    {
      n = match_element (f, el, i, m);
      return n > 0 && match_from (f, p, e + 1, i + n, m);
    }

  taken = *m;
  n = match_element (f, el, i, &taken);
  if (n > 0 && match_from (f, p, e + 1, i + n, &taken))
    {
      *m = taken;
      return TRUE;
    }

  return match_from (f, p, e + 1, i, m);
}

/* ------------------------------------------------------------------------ */
/* Context checks                                                            */

static gboolean
is_currency_or_sign (const Token *t)
{
  return t->kind == TOKEN_PUNCT
         && (g_unichar_type (t->ch) == G_UNICODE_CURRENCY_SYMBOL
             || t->ch == '#' || t->ch == '+' || t->ch == '%');
}

static gboolean
is_number_joiner (const Token *t)
{
  return t->kind == TOKEN_PUNCT
         && (t->ch == ',' || t->ch == '.' || t->ch == ':' || t->ch == '/'
             || (t->classes & CLASS_DASH));
}

static gboolean
is_numeric (const Token *t)
{
  return t->kind == TOKEN_NUMBER || t->kind == TOKEN_ORDINAL || t->kind == TOKEN_DECADE;
}

/* A number glued to money signs or to other numbers ("$2019", "2,019",
 * "555-2019", "20:19") is no date. */
static gboolean
glued_before (Finder *f,
              guint   first)
{
  const Token *prev;

  if (first == 0 || TOK (f, first)->spaced)
    return FALSE;

  prev = TOK (f, first - 1);
  if (is_currency_or_sign (prev) || is_numeric (prev) || prev->kind == TOKEN_WORD
      || prev->kind == TOKEN_MIXED)
    return TRUE;

  return is_number_joiner (prev) && first > 1 && !prev->spaced
         && is_numeric (TOK (f, first - 2));
}

static gboolean
glued_after (Finder *f,
             guint   end)
{
  const Token *next;

  if (end >= f->tokens->len || TOK (f, end)->spaced)
    return FALSE;

  next = TOK (f, end);
  if (next->ch == '%' || is_numeric (next))
    return TRUE;
  /* "2019abc", but "2023-09-05T10:30" is a date and a time, "10am" a time. */
  if ((next->kind == TOKEN_WORD || next->kind == TOKEN_MIXED) && strcmp (next->fold, "t") != 0
      && !(next->classes & CLASS_AMPM))
    return TRUE;

  return is_number_joiner (next) && end + 1 < f->tokens->len
         && !TOK (f, end + 1)->spaced && is_numeric (TOK (f, end + 1));
}

static gboolean
has_flag (Finder   *f,
          guint     i,
          LexFlags  flag)
{
  const Token *t;

  if (i >= f->tokens->len)
    return FALSE;

  t = TOK (f, i);
  return t->lex != NULL && (t->lex->flags & flag) != 0;
}

static gboolean
is_capitalised_word (Finder *f,
                     guint   i)
{
  return i < f->tokens->len && TOK (f, i)->kind == TOKEN_WORD && TOK (f, i)->upper;
}

/* The token before @i in the same sentence, or G_MAXUINT. */
static guint
prev_in_sentence (Finder *f,
                  guint   i)
{
  if (i == 0 || i >= f->tokens->len || TOK (f, i - 1)->sentence != TOK (f, i)->sentence)
    return G_MAXUINT;
  return i - 1;
}

/* The token @i if it is in the same sentence as @ref, or G_MAXUINT. */
static guint
next_in_sentence (Finder *f,
                  guint   i,
                  guint   ref)
{
  if (i >= f->tokens->len || TOK (f, i)->sentence != TOK (f, ref)->sentence)
    return G_MAXUINT;
  return i;
}

static gboolean
context_before (Finder *f,
                guint   i)
{
  guint prev = prev_in_sentence (f, i);

  return prev != G_MAXUINT && has_flag (f, prev, LEX_DATE_CONTEXT);
}

/* "the", "his", or the "s" of a possessive "’s". */
static gboolean
is_determiner (Finder *f,
               guint   i)
{
  const Token *t;

  if (i >= f->tokens->len)
    return FALSE;
  t = TOK (f, i);
  if (has_flag (f, i, LEX_DETERMINER))
    return TRUE;

  return strcmp (t->fold, "s") == 0 && !t->spaced && i > 0
         && (TOK (f, i - 1)->ch == '\'' || TOK (f, i - 1)->ch == 0x2019);
}

/* Whether a year-like number from token @first (a modifier or the year) to
 * the year token @year stands where a year is meant: "in 1991", "since the
 * 1991 collapse", "the 2020 election", "(1997)", "between 1991 and 1995".
 * Not "the 1991 Sunday Times", "the 1500 troops" nor "1991 votes". */
static gboolean
bare_year_in_context (Finder     *f,
                      guint       first,
                      guint       year,
                      const char *mod)
{
  guint prev = prev_in_sentence (f, first);
  guint next = next_in_sentence (f, year + 1, year);
  guint number = TOK (f, year)->number;

  if (has_flag (f, next, LEX_COUNT_NOUN))
    return FALSE;

  if (mod != NULL)
    return TRUE;

  if (prev == G_MAXUINT)
    return FALSE;

  if (has_flag (f, prev, LEX_DATE_CONTEXT | LEX_YEAR_CONTEXT))
    return TRUE;

  /* "(1997)" */
  if (TOK (f, prev)->ch == '(' && next != G_MAXUINT && TOK (f, next)->ch == ')')
    return TRUE;

  /* The next year of "between 1991 and 1995", "from 1991 to 1995", "in
   * 1994, 1995 and 1997". */
  if (f->last_year_token != 0 && prev == f->last_year_token
      && (token_is (f, prev, "and") || token_is (f, prev, "to")
          || token_is (f, prev, "or") || TOK (f, prev)->ch == ','
          || (TOK (f, prev)->classes & CLASS_DASH)))
    return TRUE;

  /* "the 1991 collapse", "his 1996 campaign", "the company’s 1989 results",
   * "since the 1991 disintegration"; not "the 1991 Sunday Times" nor "the
   * 1500 troops". */
  if (is_determiner (f, prev))
    {
      guint prev2 = prev_in_sentence (f, prev);

      /* "the 1996 Olympic bombing", "his 1990 Anheuser earnings": one
       * name before the noun; not "the 1991 Sunday Times". */
      if (is_capitalised_word (f, next))
        return number >= 1800 && number <= 2099 && !TOK (f, next)->all_upper
               && is_lower_word (f, next + 1)
               && next_in_sentence (f, next + 1, year) != G_MAXUINT
               && !has_flag (f, next + 1, LEX_COUNT_NOUN | LEX_PAST)
               && !is_past_marker (f, next + 1);
      if (prev2 != G_MAXUINT && has_flag (f, prev2, LEX_DATE_CONTEXT | LEX_YEAR_CONTEXT))
        return TRUE;
      return number >= 1800 && number <= 2099 && is_lower_word (f, next);
    }

  /* "his unsuccessful 1996 campaign": one adjective between the
   * determiner and the year, a noun after it. */
  if (is_lower_word (f, prev) && TOK (f, prev)->lex == NULL && number >= 1800 && number <= 2099
      && is_determiner (f, prev_in_sentence (f, prev)) && is_lower_word (f, next)
      && !has_flag (f, next, LEX_PAST) && !is_past_marker (f, next))
    return TRUE;

  return FALSE;
}

/* "1991-1995", "1991–95": returns the token of the second year, or
 * G_MAXUINT. */
static guint
year_range_end (Finder *f,
                guint   year_token)
{
  const Token *first = TOK (f, year_token);
  const Token *dash;
  const Token *second;
  guint value;

  if (year_token + 2 >= f->tokens->len)
    return G_MAXUINT;

  dash = TOK (f, year_token + 1);
  second = TOK (f, year_token + 2);
  if (!(dash->classes & CLASS_DASH) || dash->spaced || second->spaced
      || second->kind != TOKEN_NUMBER)
    return G_MAXUINT;

  if (second->n_digits == 4)
    value = second->number;
  else if (second->n_digits == 2)
    value = first->number / 100 * 100 + second->number;
  else
    return G_MAXUINT;

  if (value <= first->number || value > first->number + 100)
    return G_MAXUINT;

  return year_token + 2;
}

static guint
range_second_year (Finder *f,
                   guint   token,
                   guint   first_year)
{
  const Token *t = TOK (f, token);

  return t->n_digits == 4 ? t->number : first_year / 100 * 100 + t->number;
}


/* ------------------------------------------------------------------------ */
/* Values                                                                    */

static gboolean
is_future (Finder *f,
           guint   token)
{
  return TOK (f, token)->tense > 0;
}

/* The date that relative expressions count from: the last date mentioned
 * when @use_ref (or in narratives), else the document creation time. */
static const GDate *
anchor_date (Finder   *f,
             gboolean  use_ref,
             Unit     *precision)
{
  if ((use_ref || f->kind == BRIEF_DOCUMENT_NARRATIVE) && f->ref.precision != UNIT_NONE)
    {
      *precision = f->ref.precision;
      return &f->ref.date;
    }
  *precision = UNIT_DAY;
  return g_date_valid (&f->dct) ? &f->dct : NULL;
}

/* The year of an underspecified month (and day): in news the latest one not
 * after the DCT, or the next one not before it when the clause speaks of
 * the future; in narratives the year last mentioned. */
static int
resolve_year (Finder *f,
              int     month,
              int     day,
              guint   token)
{
  int dct_month, dct_day, dct_year;
  gboolean future;
  int cmp, explicit;

  if (f->kind == BRIEF_DOCUMENT_NARRATIVE && f->anchor_year > 0)
    return f->anchor_year;

  if (!g_date_valid (&f->dct))
    return 0;

  dct_year = g_date_get_year (&f->dct);
  dct_month = g_date_get_month (&f->dct);
  dct_day = g_date_get_day (&f->dct);

  future = is_future (f, token);
  {
    guint prev = prev_in_sentence (f, token);

    explicit = 0;

    /* "this September": the one of the document's year. */
    if (prev != G_MAXUINT && (token_is (f, prev, "this") || token_is (f, prev, "current")))
      return dct_year;
    if (prev != G_MAXUINT && ((has_flag (f, prev, LEX_REL) && TOK (f, prev)->lex->rel > 0)
                              || has_flag (f, prev, LEX_NEXT_DATE)))
      future = TRUE, explicit = 1;
    else if (prev != G_MAXUINT && (has_flag (f, prev, LEX_REL) && TOK (f, prev)->lex->rel < 0))
      future = FALSE, explicit = -2;
    /* "up 5% since March": what a change is counted from has passed. */
    else if (prev != G_MAXUINT && token_is (f, prev, "since"))
      future = FALSE, explicit = -2;
  }

  if (month != dct_month)
    cmp = month < dct_month ? -1 : 1;
  else if (day == 0 || day == dct_day)
    cmp = 0;
  else
    cmp = day < dct_day ? -1 : 1;

  {
    int tense = explicit != 0 ? explicit : future ? 1 : TOK (f, token)->tense;
    int past_year = cmp <= 0 ? dct_year : dct_year - 1;
    int next_year = cmp >= 0 ? dct_year : dct_year + 1;
    int past_gap = (dct_year - past_year) * 12 + dct_month - month;
    int next_gap = (next_year - dct_year) * 12 + month - dct_month;

    /* A future clause takes the next one, a past clause the last one (when
     * only a word in "-ed" says so, unless that is most of a year back:
     * "to be paid Jan. 14" in late December); a clause without tense the
     * nearer one. */
    /* "would take effect Jan. 14" written on Jan. 15: a future clause
     * about a day of the past week (the future seen from before it), not
     * one nearly a year ahead. */
    if (tense > 0 && explicit == 0 && day > 0 && past_gap == 0 && dct_day - day <= 7)
      return past_year;
    if (tense > 0)
      return next_year;
    /* "was set to expire Nov. 6" written on Nov. 2: a day in the coming
     * weeks, as news gives the year of a day a year back. */
    if (explicit == 0 && day > 0 && next_gap <= 1 && past_gap >= 11)
      return next_year;
    if (tense == -2 || (tense < 0 && past_gap <= 8))
      return past_year;
    return next_gap < past_gap ? next_year : past_year;
  }
}

static char *
format_day (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

static char *
weekday_value (Finder *f,
               int     weekday,
               guint   token)
{
  GDate date;
  int delta;
  gboolean future;
  guint prev = prev_in_sentence (f, token);
  Unit precision;
  /* "the previous Friday", "the following Monday" count from the day last
   * mentioned. */
  gboolean from_ref = prev != G_MAXUINT && has_flag (f, prev, LEX_REL)
                      && has_flag (f, prev, LEX_REF) && f->ref.precision == UNIT_DAY;
  const GDate *anchor = anchor_date (f, from_ref, &precision);

  if (anchor == NULL || precision != UNIT_DAY)
    return g_strdup_printf ("XXXX-WXX-%d", weekday);

  date = *anchor;
  delta = weekday - (int) g_date_get_weekday (&date);
  /* A weekday in news is the last one unless a future marker governs it
   * ("will meet Friday"); a marker after it rarely does ("Friday, when
   * they will..."). */
  future = TOK (f, token)->tense_before > 0;
  if (prev != G_MAXUINT && has_flag (f, prev, LEX_REL))
    future = TOK (f, prev)->lex->rel > 0;

  if (future)
    {
      if (delta < 0)
        delta += 7;
      if (delta == 0 && prev != G_MAXUINT && has_flag (f, prev, LEX_REL))
        delta = 7;
      g_date_add_days (&date, delta);
    }
  else
    {
      if (delta > 0)
        delta -= 7;
      if (delta == 0 && prev != G_MAXUINT && has_flag (f, prev, LEX_REL)
          && TOK (f, prev)->lex->rel < 0)
        delta = -7;
      g_date_subtract_days (&date, -delta);
    }

  return format_day (&date);
}

static gboolean
valid_day (int year,
           int month,
           int day)
{
  /* 2000 is a leap year: "February 29" without a year stays possible. */
  return g_date_valid_dmy (day, month, year > 0 ? year : 2000);
}

static char *
with_pod (char *value,
          int   pod)
{
  char *full;

  if (pod == 0)
    return value;
  full = g_strdup_printf ("%sT%s", value, pod_codes[pod]);
  g_free (value);
  return full;
}

/* Easter Sunday of the Gregorian @year (the anonymous Gregorian
 * computus). */
static void
easter_sunday (int    year,
               GDate *date)
{
  int a = year % 19;
  int b = year / 100, c = year % 100;
  int d = b / 4, e = b % 4;
  int g = (8 * b + 13) / 25;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int n = (a + 11 * h + 19 * l) / 433;
  int month = (h + l - 7 * n + 90) / 25;
  int day = (h + l - 7 * n + 33 * month + 19) % 32;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

/* RULE_DATE: the TIMEX3 value of a calendar match, or NULL when the match
 * is no date. */
static char *
date_value (Finder      *f,
            const Match *m)
{
  /* "January last year", "June 5 this year": the year named by the
   * relative word. */
  if (m->year == 0 && m->has_rel && m->unit == UNIT_YEAR && m->month > 0)
    {
      Match dated = *m;

      if (!g_date_valid (&f->dct))
        return NULL;
      dated.year = g_date_get_year (&f->dct) + m->rel;
      dated.has_rel = FALSE;
      return date_value (f, &dated);
    }

  if (IS_EASTER_FEAST (m->holiday))
    {
      /* "Easter", "Easter 1999", "Easter Eve": its day in the year given,
       * else in the year the tense and the anchor choose. */
      Match feast = *m;
      GDate date;
      int year = m->year > 0 ? m->year : resolve_year (f, 4, 0, m->month_token);
      int shift = m->holiday - EASTER_BASE;

      if (year < 1583 || year > 9999)
        return g_strdup ("XXXX-XX-XX");
      easter_sunday (year, &date);
      if (m->end > m->first && token_is (f, m->end - 1, "eve"))
        shift--;
      if (shift >= 0)
        g_date_add_days (&date, shift);
      else
        g_date_subtract_days (&date, -shift);
      feast.holiday = 0;
      feast.year = year;
      feast.month = g_date_get_month (&date);
      feast.day = g_date_get_day (&date);
      feast.end = m->first;  /* no "eve" any more */
      return date_value (f, &feast);
    }

  if (m->decade > 0)
    return g_strdup_printf ("%03d", m->decade);

  if (m->ordinal > 0 && m->unit == UNIT_CENTURY && m->month == 0)
    {
      /* "the 20th century" */
      if (m->ordinal > 30)
        return NULL;
      return g_strdup_printf ("%02d", m->ordinal - 1);
    }

  if (m->holiday > 0 && m->end > m->first && token_is (f, m->end - 1, "eve"))
    {
      /* "Christmas Eve" */
      Match eve = *m;
      GDate date;

      g_date_set_dmy (&date, m->day, m->month, 2001);
      g_date_subtract_days (&date, 1);
      eve.month = g_date_get_month (&date);
      eve.day = g_date_get_day (&date);
      eve.holiday = 0;
      return date_value (f, &eve);
    }

  if (m->month > 0 && m->has_day)
    {
      int year = m->year > 0 ? m->year : resolve_year (f, m->month, m->day, m->month_token);

      int day = m->day;

      if (!valid_day (year, m->month, m->day))
        return NULL;
      if (m->holiday < 0 && year > 0)
        {
          GDate first;
          int weekday = ABS (m->holiday) % 10;

          g_date_set_dmy (&first, 1, m->month, year);
          day += (weekday - (int) g_date_get_weekday (&first) + 7) % 7;
        }
      if (year == 0)
        return g_strdup_printf ("XXXX-%02d-%02d", m->month, day);
      return g_strdup_printf ("%04d-%02d-%02d", year, m->month, day);
    }

  if (m->month > 0)
    {
      int year = m->year > 0 ? m->year : resolve_year (f, m->month, 0, m->month_token);

      if (year == 0)
        return g_strdup_printf ("XXXX-%02d", m->month);
      return g_strdup_printf ("%04d-%02d", year, m->month);
    }

  if (m->season > 0)
    {
      static const int season_month[] = { 0, 4, 7, 10, 1 };
      int year = m->year > 0 ? m->year : resolve_year (f, season_month[m->season], 0, m->first);

      if (year == 0)
        return g_strdup_printf ("XXXX-%s", season_codes[m->season]);
      return g_strdup_printf ("%04d-%s", year, season_codes[m->season]);
    }

  if (m->year > 0)
    return g_strdup_printf ("%04d", m->year);

  if (m->weekday > 0)
    return with_pod (weekday_value (f, m->weekday, m->weekday_token), m->pod);

  return NULL;
}

/* RULE_NUMERIC: 4/25/2019 (month first) or 25/4/2019 (day first when the
 * first number cannot be a month). */
static char *
numeric_value (Finder      *f,
               const Match *m)
{
  int a = TOK (f, m->first)->number;
  int b = TOK (f, m->first + 2)->number;
  int month = a, day = b;

  if (a > 12)
    month = b, day = a;
  if (month > 12 || !valid_day (m->year, month, day))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", m->year, month, day);
}

/* RULE_QUARTER: "the third quarter", "the first half of 2019". */
static char *
quarter_value (Finder      *f,
               const Match *m)
{
  int n = m->ordinal;
  int year = m->year;
  gboolean half = m->unit == UNIT_HALF;

  /* "the last half of 1989", "the final quarter": the last one. */
  if (n == 0 && (token_is (f, m->first, "last") || token_is (f, m->first + 1, "last")
                 || token_is (f, m->first, "final") || token_is (f, m->first + 1, "final")))
    n = half ? 2 : 4;
  if (!(m->unit == UNIT_QUARTER || half) || n < 1 || n > (half ? 2 : 4))
    return NULL;

  /* "next year's first quarter" */
  if (year == 0 && m->has_rel && g_date_valid (&f->dct))
    year = g_date_get_year (&f->dct) + m->rel;

  /* "the third quarter" in news is one of the document's year, even when
   * it is still to come or long past. */
  if (year == 0 && f->kind == BRIEF_DOCUMENT_NEWS && g_date_valid (&f->dct))
    year = g_date_get_year (&f->dct);
  if (year == 0)
    year = resolve_year (f, half ? 6 * n - 5 : 3 * n - 2, 0, m->first);
  if (year == 0)
    return g_strdup_printf ("XXXX-%s%d", half ? "H" : "Q", n);
  return g_strdup_printf ("%04d-%s%d", year, half ? "H" : "Q", n);
}

static void
iso_week (const GDate *date,
          int         *year,
          int         *week)
{
  GDate thursday = *date;
  int wd = g_date_get_weekday (date);

  if (wd < 4)
    g_date_add_days (&thursday, 4 - wd);
  else if (wd > 4)
    g_date_subtract_days (&thursday, wd - 4);
  *year = g_date_get_year (&thursday);
  *week = g_date_get_iso8601_week_of_year (date);
}

static void
shift_date (GDate *date,
            Unit   unit,
            int    n)
{
  switch (unit)
    {
    case UNIT_DAY:
      n >= 0 ? g_date_add_days (date, n) : g_date_subtract_days (date, -n);
      break;
    case UNIT_WEEK:
    case UNIT_WEEKEND:
    case UNIT_FORTNIGHT:
      n *= unit == UNIT_FORTNIGHT ? 14 : 7;
      n >= 0 ? g_date_add_days (date, n) : g_date_subtract_days (date, -n);
      break;
    case UNIT_MONTH:
    case UNIT_QUARTER:
    case UNIT_HALF:
      n *= unit == UNIT_MONTH ? 1 : unit == UNIT_QUARTER ? 3 : 6;
      n >= 0 ? g_date_add_months (date, n) : g_date_subtract_months (date, -n);
      break;
    case UNIT_YEAR:
    case UNIT_DECADE:
    case UNIT_CENTURY:
    case UNIT_MILLENNIUM:
      n *= unit == UNIT_YEAR ? 1 : unit == UNIT_DECADE ? 10 : unit == UNIT_CENTURY ? 100 : 1000;
      if (g_date_get_year (date) + n < 1 || g_date_get_year (date) + n > 9999)
        return;
      n >= 0 ? g_date_add_years (date, n) : g_date_subtract_years (date, -n);
      break;
    default:
      break;
    }
}

/* @date as a TIMEX3 value at the precision of @unit. */
static char *
format_at (const GDate *date,
           Unit         unit)
{
  int y = g_date_get_year (date);
  int mo = g_date_get_month (date);
  int week_year, week;

  switch (unit)
    {
    case UNIT_MIN:
    case UNIT_HOUR:
    case UNIT_DAY:
      return format_day (date);
    case UNIT_WEEK:
    case UNIT_FORTNIGHT:
      iso_week (date, &week_year, &week);
      return g_strdup_printf ("%04d-W%02d", week_year, week);
    case UNIT_WEEKEND:
      iso_week (date, &week_year, &week);
      return g_strdup_printf ("%04d-W%02d-WE", week_year, week);
    case UNIT_MONTH:
      return g_strdup_printf ("%04d-%02d", y, mo);
    case UNIT_QUARTER:
      return g_strdup_printf ("%04d-Q%d", y, (mo - 1) / 3 + 1);
    case UNIT_HALF:
      return g_strdup_printf ("%04d-H%d", y, (mo - 1) / 6 + 1);
    case UNIT_YEAR:
      return g_strdup_printf ("%04d", y);
    case UNIT_DECADE:
      return g_strdup_printf ("%03d", y / 10);
    case UNIT_CENTURY:
      return g_strdup_printf ("%02d", y / 100);
    case UNIT_MILLENNIUM:
      return g_strdup_printf ("%d", y / 1000);
    case UNIT_NONE:
    case N_UNITS:
    default:
      return NULL;
    }
}

static const char *
ref_for_direction (int dir)
{
  return dir < 0 ? "PAST_REF" : dir > 0 ? "FUTURE_REF" : "PRESENT_REF";
}

/* Whether the sentence of @m compares a figure with it: "compared with",
 * "more than" (comparison-words.txt) before it; "from" only with a figure
 * between ("up from $10 million last year") or after a possessive ("from
 * last year's $1.55 billion"), not in "moved from Paris last year". */
static gboolean
compares_before (Finder      *f,
                 const Match *m)
{
  gboolean figure = m->end < f->tokens->len
                    && (TOK (f, m->end)->ch == '\'' || TOK (f, m->end)->ch == 0x2019);

  for (guint j = prev_in_sentence (f, m->first); j != G_MAXUINT; j = prev_in_sentence (f, j))
    {
      if (TOK (f, j)->kind == TOKEN_NUMBER || has_flag (f, j, LEX_NUMBER))
        figure = TRUE;
      if (has_flag (f, j, LEX_COMPARE) && (figure || !token_is (f, j, "from")))
        return TRUE;
    }
  return FALSE;
}

/* "compared with $3 million last year", "from last year's $1.55 billion":
 * a report of a quarter compares with the same quarter a year before,
 * the one last spoken of, or the report's own when that one came before
 * it.  Returns NULL when @m is no such comparison. */
static char *
report_last_year (Finder      *f,
                  const Match *m,
                  int          dir)
{
  GDate date;

  if (m->unit != UNIT_YEAR || dir != -1 || m->rel_ref || f->report_quarter == 0
      || f->report_nine_months || f->ref.precision != UNIT_QUARTER
      || token_is (f, m->first, "the") || !compares_before (f, m))
    return NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, (f->report_quarter - 1) * 3 + 1, f->report_year);
  if (g_date_compare (&f->ref.date, &date) >= 0)
    date = f->ref.date;
  shift_date (&date, UNIT_YEAR, -1);
  return format_at (&date, UNIT_QUARTER);
}

/* RULE_REL: "last year", "this week", "next summer", "the following day". */
static char *
rel_value (Finder        *f,
           const Pattern *p,
           const Match   *m)
{
  int dir = p->has_param ? p->param : m->rel;
  Unit precision;
  /* "the next day", "the previous day": the day after or before the one
   * last mentioned, as for "the next morning" (day_value()); "next week"
   * without the article counts from now. */
  gboolean from_ref = m->rel_ref
                      || (m->unit == UNIT_DAY && m->has_rel && m->rel != 0
                          && token_is (f, m->first, "the") && f->ref.precision == UNIT_DAY);
  const GDate *anchor = anchor_date (f, from_ref, &precision);
  GDate date;
  int year;
  char *value;

  if (anchor == NULL)
    return g_strdup (ref_for_direction (dir));

  value = report_last_year (f, m, dir);
  if (value != NULL)
    return value;

  date = *anchor;
  if (m->season > 0)
    {
      int now = (g_date_get_month (&date) % 12) / 3;   /* 0 winter, 1 spring... */
      int target = m->season % 4;                        /* WI = 4 → 0 */

      year = g_date_get_year (&date);
      if (dir < 0 && target >= now)
        year--;
      else if (dir > 0 && target <= now)
        year++;
      return g_strdup_printf ("%04d-%s", year, season_codes[m->season]);
    }

  /* "the latest period" of a report is the quarter just spoken of, else
   * the report's own quarter. */
  if (m->unit == UNIT_NONE && p->has_param && f->ref.precision == UNIT_QUARTER)
    return format_at (&f->ref.date, UNIT_QUARTER);
  if (m->unit == UNIT_NONE && p->has_param && f->report_quarter > 0)
    return g_strdup_printf ("%04d-Q%d", f->report_year, f->report_quarter);

  if (m->unit == UNIT_NONE || unit_info[m->unit].clock)
    return NULL;

  /* "the quarter" is the one just spoken of, else the last one. */
  if (p->has_param && m->unit == UNIT_QUARTER && f->ref.precision == UNIT_QUARTER
      && !m->has_rel)
    return format_at (&f->ref.date, UNIT_QUARTER);

  /* "It fell Friday. For the week, it lost 4%": the week of the day just
   * spoken of. */
  if (p->has_param && m->unit == UNIT_WEEK && !m->has_rel && f->ref.precision == UNIT_DAY)
    return format_at (&f->ref.date, UNIT_WEEK);

  /* "over the weekend": the last one, unless the clause speaks of the
   * future ("ahead of the weekend" stays this week's). */
  if (m->unit == UNIT_WEEKEND && dir == 0 && !m->has_rel && precision == UNIT_DAY
      && TOK (f, m->first)->tense_before <= 0)
    {
      int wd = g_date_get_weekday (&date);

      if (wd < G_DATE_SATURDAY)
        g_date_subtract_days (&date, wd + 1);
    }

  /* "that day" needs a day to refer to: after a mere year it is none. */
  if (m->rel_ref && dir == 0 && precision > m->unit)
    return NULL;

  shift_date (&date, m->unit, dir);
  return format_at (&date, MAX (m->unit, precision));
}

/* Whether the quarter last mentioned is one still to come, named in an
 * earlier sentence: "losses through the third quarter of 1990.  In the
 * year-ago period..." compares with the report's quarter, not with a
 * forecast's. */
static gboolean
forecast_quarter (Finder      *f,
                  const Match *m)
{
  return f->ref.precision == UNIT_QUARTER && g_date_valid (&f->dct)
         && g_date_compare (&f->ref.date, &f->dct) > 0
         && f->ref.sentence != TOK (f, m->first)->sentence;
}

/* RULE_OFFSET: "two weeks ago", "a year earlier", "years ago". */
static char *
offset_value (Finder      *f,
              const Match *m)
{
  Unit precision;
  const GDate *anchor = anchor_date (f, m->offset_ref, &precision);
  int n = m->has_number ? m->number : (m->plural ? -1 : 1);
  GDate date, report;
  Unit unit = m->unit;

  if (n < 0 || anchor == NULL || unit_info[unit].clock)
    return g_strdup (ref_for_direction (m->offset));

  /* "a decade ago" is a year ten years back, not the decade before this
   * one. */
  if (unit > UNIT_YEAR)
    unit = UNIT_YEAR;
  unit = MAX (unit, precision);

  /* "a year ago", "a year earlier", "the year-ago quarter": in reports of
   * quarterly results the comparison is with the same quarter a year
   * before the last one mentioned, or before the report's own quarter
   * (the first one of its year it names) when the last one came before
   * it ("after a flat second quarter") or none was just mentioned. */
  if (f->report_quarter > 0)
    {
      g_date_clear (&report, 1);
      g_date_set_dmy (&report, 1, (f->report_quarter - 1) * 3 + 1, f->report_year);
    }
  if (m->unit == UNIT_YEAR && (m->grain == UNIT_NONE || m->grain == UNIT_QUARTER)
      && f->report_quarter > 0 && !f->report_nine_months
      && ((f->ref.precision == UNIT_QUARTER
           && (g_date_compare (&f->ref.date, &report) < 0 || forecast_quarter (f, m)))
          || (f->ref.precision != UNIT_QUARTER && m->grain == UNIT_QUARTER)))
    {
      anchor = &report;
      unit = UNIT_QUARTER;
    }
  else if (m->unit == UNIT_YEAR && f->ref.precision == UNIT_QUARTER
           && (m->grain == UNIT_NONE || m->grain == UNIT_QUARTER))
    {
      anchor = &f->ref.date;
      unit = UNIT_QUARTER;
    }
  else if (m->grain == UNIT_QUARTER)
    unit = UNIT_QUARTER;
  /* "for the six months ended Aug. 12, ... compared with ... a year
   * earlier": a year before the day the same sentence closes its period
   * with is that day a year back, unless a length came after the day
   * ("for the first nine months"). */
  else if (m->unit == UNIT_YEAR && n == 1 && m->offset_ref && precision == UNIT_DAY
           && f->ref.sentence == TOK (f, m->first)->sentence && f->last_set_ref)
    unit = UNIT_DAY;

  date = *anchor;
  shift_date (&date, m->unit, n * m->offset);
  return format_at (&date, unit);
}

/* RULE_DUR: "two months" P2M, "five hours" PT5H, "years" PXY. */
static char *
duration_value (const Match *m)
{
  int n = m->has_number ? m->number : (m->plural ? -1 : 1);
  const char *letter = unit_info[m->unit].letter;
  const char *t = unit_info[m->unit].clock ? "T" : "";

  if (m->unit == UNIT_NONE || m->unit == UNIT_HALF || (m->has_number && n == 0))
    return NULL;
  if (m->unit == UNIT_WEEKEND)
    return n < 0 ? g_strdup ("PXWE") : g_strdup_printf ("P%dWE", n);
  if (n < 0)
    return g_strdup_printf ("P%sX%s", t, letter);
  if (m->half)
    {
      /* The half in the next smaller unit: P2Y6M, PT5H30M. */
      switch (m->unit)
        {
        case UNIT_YEAR:
          return g_strdup_printf ("P%dY6M", n);
        case UNIT_DECADE:
          return g_strdup_printf ("P%dY", n * 10 + 5);
        case UNIT_MONTH:
          return g_strdup_printf ("P%dM15D", n);
        case UNIT_DAY:
          return g_strdup_printf ("P%dDT12H", n);
        case UNIT_HOUR:
          return g_strdup_printf ("PT%dH30M", n);
        case UNIT_MIN:
          return g_strdup_printf ("PT%dM30S", n);
        default:
          break;
        }
    }
  /* TimeBank counts decades and centuries in years: "two decades" P20Y. */
  if (m->unit == UNIT_DECADE || m->unit == UNIT_CENTURY || m->unit == UNIT_MILLENNIUM)
    return g_strdup_printf ("P%dY", n * (m->unit == UNIT_DECADE ? 10
                                         : m->unit == UNIT_CENTURY ? 100 : 1000));
  return g_strdup_printf ("P%s%d%s", t, n * unit_info[m->unit].count, letter);
}

/* The weekday in or just after a bracket that follows a clock time: "10:35
 * a.m. (0735 GMT) Friday", "4 in the morning (4 a.m. EDT Thursday)". */
static guint
bracketed_weekday (Finder *f,
                   guint   i)
{
  guint sentence;

  if (i >= f->tokens->len || TOK (f, i)->ch != '(')
    return G_MAXUINT;
  sentence = TOK (f, i)->sentence;
  for (guint k = i + 1; k < f->tokens->len && k < i + 9; k++)
    {
      const Token *t = TOK (f, k);

      if (t->sentence != sentence)
        return G_MAXUINT;
      if (t->classes & CLASS_WEEKDAY)
        return k;
      if (t->ch == ')')
        return k + 1 < f->tokens->len && TOK (f, k + 1)->sentence == sentence
               && (TOK (f, k + 1)->classes & CLASS_WEEKDAY) ? k + 1 : G_MAXUINT;
    }
  return G_MAXUINT;
}

static char *
clock_value (Finder        *f,
             const Pattern *p,
             const Match   *m)
{
  int hour = m->hour, minute = m->minute;
  g_autofree char *day = NULL;
  guint weekday_token = G_MAXUINT;

  if (p->has_param)
    hour = p->param / 60, minute = p->param % 60;

  /* "4 in the morning", "10 in the evening" */
  if (m->ampm == 0 && m->pod != 0 && !p->has_param)
    {
      if (hour < 1 || hour > 12)
        return NULL;
      if (pod_codes[m->pod][0] != 'M' && hour < 12 && !(pod_codes[m->pod][0] == 'N' && hour <= 4))
        hour += 12;
    }
  else if (m->ampm != 0)
    {
      if (hour < 1 || hour > 12)
        return NULL;
      if (m->ampm == 'p' && hour < 12)
        hour += 12;
      else if (m->ampm == 'a' && hour == 12)
        hour = 0;
    }
  if (hour > 24 || minute > 59)
    return NULL;

  /* The day after it ("10 p.m. Wednesday", "5 p.m. EST, Nov. 9", also
   * past a bracket: "10:35 a.m. (0735 GMT) Friday"), that of a date just
   * before in the sentence ("Friday at 3 p.m."), else the document's. */
  if (m->weekday == 0)
    weekday_token = bracketed_weekday (f, m->end);
  if (m->weekday > 0)
    day = weekday_value (f, m->weekday, m->weekday_token);
  else if (weekday_token != G_MAXUINT)
    day = weekday_value (f, TOK (f, weekday_token)->lex->weekday, weekday_token);
  else if (m->month > 0 && m->has_day)
    {
      int year = resolve_year (f, m->month, m->day, m->month_token);

      if (!valid_day (year, m->month, m->day))
        return NULL;
      day = year > 0 ? g_strdup_printf ("%04d-%02d-%02d", year, m->month, m->day)
                     : g_strdup_printf ("XXXX-%02d-%02d", m->month, m->day);
    }
  else if (f->ref.precision == UNIT_DAY && m->first > 0
      && f->ref.sentence == TOK (f, m->first)->sentence)
    day = format_day (&f->ref.date);
  else if (g_date_valid (&f->dct))
    day = format_day (&f->dct);
  else
    day = g_strdup ("XXXX-XX-XX");

  return g_strdup_printf ("%sT%02d:%02d", day, hour, minute);
}

static char *
day_value (Finder        *f,
           const Pattern *p,
           const Match   *m)
{
  GDate date;
  char *value;
  Unit precision = UNIT_NONE;
  const GDate *anchor = g_date_valid (&f->dct) ? &f->dct : NULL;
  int shift = p->param;

  /* "the next morning", "that night": a relative word moves the day, from
   * the day last mentioned when it says so or takes the article (a story
   * told: "appeared in court the next morning"). */
  if (m->has_rel && p->param == 0 && !token_is (f, m->first, "this"))
    {
      if (m->rel < 0 && !m->rel_ref)
        return NULL;  /* "the last night", "the past evening" */
      shift = m->rel;
      anchor = anchor_date (f, m->rel_ref || token_is (f, m->first, "the"), &precision);
      if (anchor != NULL && precision != UNIT_DAY)
        anchor = g_date_valid (&f->dct) ? &f->dct : NULL;
    }

  if (anchor == NULL)
    value = g_strdup (shift == 0 ? "PRESENT_REF" : "XXXX-XX-XX");
  else
    {
      date = *anchor;
      shift_date (&date, UNIT_DAY, shift);
      value = format_day (&date);
    }

  return with_pod (value, m->pod != 0 ? m->pod : p->pod);
}

typedef struct
{
  int         type;
  char       *value;
  const char *freq;
  const char *quant;
  char        freq_buf[16];
  gboolean    keep_ref;  /* leave the last date mentioned as it is */
} Value;

/* RULE_SET: "every week", "each Monday", "each July", "twice a year". */
static char *
set_value (Finder      *f,
           const Match *m,
           Value       *v)
{
  const Token *first = TOK (f, m->first);
  int n = m->has_number && m->number > 0 ? m->number : 1;

  if (strcmp (first->fold, "every") == 0)
    v->quant = "EVERY";
  else if (strcmp (first->fold, "each") == 0)
    v->quant = "EACH";

  if (strcmp (first->fold, "once") == 0 || strcmp (first->fold, "twice") == 0
      || (m->end > m->first + 2 && token_is (f, m->unit_token - 2, "times")))
    {
      int times = strcmp (first->fold, "once") == 0 ? 1 : strcmp (first->fold, "twice") == 0 ? 2 : n;

      g_snprintf (v->freq_buf, sizeof v->freq_buf, "%dX", times);
      v->freq = v->freq_buf;
      n = 1;
    }
  else if (!m->has_number)
    n = 1;

  if (m->weekday > 0)
    return with_pod (g_strdup_printf ("XXXX-WXX-%d", m->weekday), m->pod);
  if (m->month > 0)
    return g_strdup_printf ("XXXX-%02d", m->month);
  if (m->season > 0)
    return g_strdup_printf ("XXXX-%s", season_codes[m->season]);
  if (m->unit == UNIT_NONE || m->unit == UNIT_HALF)
    return NULL;
  if (m->unit == UNIT_WEEKEND)
    return g_strdup ("XXXX-WXX-WE");
  return g_strdup_printf ("P%s%d%s", unit_info[m->unit].clock ? "T" : "",
                          n * unit_info[m->unit].count, unit_info[m->unit].letter);
}

/* RULE_PERIOD: "the 1988 period", "the corresponding period last year":
 * the period a report speaks of in the year given: the quarter it named
 * first (a report opens with its quarter, "after a flat second quarter"
 * comes later), else the year. */
static char *
period_value (Finder      *f,
              const Match *m)
{
  int year = m->year;

  if (year == 0 && m->has_rel && g_date_valid (&f->dct))
    year = g_date_get_year (&f->dct) + m->rel;
  if (year <= 0)
    return NULL;
  if (f->report_quarter > 0 && !f->report_nine_months)
    return g_strdup_printf ("%04d-Q%d", year, f->report_quarter);
  return g_strdup_printf ("%04d", year);
}

/* RULE_WEEK_OF: "the week of March 6": the ISO week of that day. */
static char *
week_of_value (Finder      *f,
               const Match *m)
{
  g_autofree char *day = date_value (f, m);
  int y = 0, mo = 0, d = 0;
  GDate date;

  if (day == NULL || sscanf (day, "%4d-%2d-%2d", &y, &mo, &d) != 3 || !g_date_valid_dmy (d, mo, y))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, mo, y);
  return format_at (&date, UNIT_WEEK);
}

/* Builds the value of @m by the rule of @p; FALSE when the match is none. */
static gboolean
rule_value (Finder        *f,
            const Pattern *p,
            const Match   *m,
            Value         *v)
{
  v->type = p->type;
  switch (p->rule)
    {
    case RULE_DATE:
      /* "Tuesday night" keeps the pattern's type: TimeBank marks a part
       * of a named day as a DATE (1998-02-10TNI). */
      if (p->has_param)
        {
          /* date:MMDD, a fixed day of a year the clause chooses
           * ("year-end" is Dec. 31). */
          Match fixed = *m;

          fixed.month = p->param / 100;
          fixed.day = p->param % 100;
          fixed.has_day = TRUE;
          fixed.month_token = m->first;
          v->value = date_value (f, &fixed);
        }
      else
        v->value = date_value (f, m);
      break;
    case RULE_NUMERIC:
      v->value = numeric_value (f, m);
      break;
    case RULE_QUARTER:
      v->value = quarter_value (f, m);
      break;
    case RULE_REL:
      v->value = rel_value (f, p, m);
      break;
    case RULE_OFFSET:
      v->value = offset_value (f, m);
      break;
    case RULE_DUR:
      v->value = duration_value (m);
      break;
    case RULE_SET:
      v->value = set_value (f, m, v);
      break;
    case RULE_DAY:
      v->value = day_value (f, p, m);
      v->type = m->pod != 0 || p->pod != 0 ? BRIEF_TIMEX_TIME : BRIEF_TIMEX_DATE;
      break;
    case RULE_TIME:
      v->value = clock_value (f, p, m);
      break;
    case RULE_WEEK_OF:
      v->value = week_of_value (f, m);
      break;
    case RULE_PERIOD:
      /* A comparison: the period compared with stays the anchor. */
      v->value = period_value (f, m);
      v->keep_ref = TRUE;
      break;
    case RULE_LITERAL:
    default:
      v->value = g_strdup (p->literal);
      break;
    }

  return v->value != NULL;
}

/* ------------------------------------------------------------------------ */
/* Emitting                                                                  */

static void
set_ref (Finder     *f,
         const char *value,
         guint       sentence)
{
  int y = 0, mo = 0, d = 0;
  int n = sscanf (value, "%4d-%2d-%2d", &y, &mo, &d);

  if (n < 1 || strlen (value) < 4 || !g_ascii_isdigit (value[3]) || y < 1000)
    return;
  if (value[4] == '-' && value[5] == 'Q' && value[6] >= '1' && value[6] <= '4')
    {
      /* A report's quarter is of its year or the one before it; "the
       * third quarter of 1984" is history. */
      if (f->report_quarter == 0 && g_date_valid (&f->dct)
          && (y == g_date_get_year (&f->dct) || y + 1 == g_date_get_year (&f->dct)))
        {
          f->report_quarter = value[6] - '0';
          f->report_year = y;
        }
      f->report_nine_months = FALSE;
      g_date_set_dmy (&f->ref.date, 1, (value[6] - '1') * 3 + 1, y);
      f->ref.precision = UNIT_QUARTER;
    }
  else if (n >= 2 && value[4] == '-' && g_ascii_isdigit (value[5]) && mo >= 1 && mo <= 12)
    {
      if (n == 3 && g_date_valid_dmy (d, mo, y))
        {
          g_date_set_dmy (&f->ref.date, d, mo, y);
          f->ref.precision = UNIT_DAY;
        }
      else
        {
          g_date_set_dmy (&f->ref.date, 1, mo, y);
          f->ref.precision = UNIT_MONTH;
        }
    }
  else
    {
      g_date_set_dmy (&f->ref.date, 1, 1, y);
      f->ref.precision = UNIT_YEAR;
    }
  f->ref.sentence = sentence;
  f->anchor_year = y;
}

/* Reports move from the quarter to "the nine months" or "the year": a
 * "year earlier" after that compares with the year, not the quarter. */
static void
widen_report_period (Finder     *f,
                     const char *duration)
{
  char *end = NULL;
  gint64 n;

  if (f->report_quarter == 0 || duration[0] != 'P' || !g_ascii_isdigit (duration[1]))
    return;
  n = g_ascii_strtoll (duration + 1, &end, 10);
  if (g_strcmp0 (end, "Y") == 0 || (g_strcmp0 (end, "M") == 0 && n != 3))
    {
      if (f->ref.precision == UNIT_QUARTER)
        f->ref.precision = UNIT_YEAR;
      f->report_nine_months = TRUE;
      f->report_months = g_strcmp0 (end, "M") == 0 ? (int) n : 0;
    }
}

/* "the quarter ended Sept. 30": the day only closes the period the
 * sentence speaks of, which stays the quarter a "year ago" compares with. */
static gboolean
closes_quarter (Finder *f,
                guint   first)
{
  guint prev = prev_in_sentence (f, first);

  return prev != G_MAXUINT && (token_is (f, prev, "ended") || token_is (f, prev, "ending"))
         && f->ref.precision == UNIT_QUARTER && f->ref.sentence == TOK (f, first)->sentence;
}

static void
emit_timex (Finder     *f,
            guint       first,
            guint       end,
            Value      *v,
            const char *mod)
{
  const Token *a = TOK (f, first);
  const Token *b = TOK (f, end - 1);
  BriefTimex *timex = brief_timex_new ();

  timex->byte_start = a->byte_start;
  timex->byte_end = b->byte_end;
  timex->start = a->start;
  timex->end = b->end;
  timex->text = g_strndup (f->text + a->byte_start, b->byte_end - a->byte_start);
  timex->type = v->type;
  timex->value = g_steal_pointer (&v->value);
  timex->mod = g_strdup (mod);
  timex->freq = g_strdup (v->freq);
  timex->quant = g_strdup (v->quant);

  f->last_set_ref = (timex->type == BRIEF_TIMEX_DATE || timex->type == BRIEF_TIMEX_TIME)
                    && !v->keep_ref && !closes_quarter (f, first);
  if (f->last_set_ref)
    set_ref (f, timex->value, a->sentence);
  else if (timex->type == BRIEF_TIMEX_DURATION)
    widen_report_period (f, timex->value);
  f->last_end = end;

  g_ptr_array_add (f->result, timex);
}

static void
emit_year (Finder     *f,
           guint       first,
           guint       end,
           guint       year,
           const char *mod)
{
  Value v = { BRIEF_TIMEX_DATE, g_strdup_printf ("%04u", year), NULL, NULL, { 0, } };

  emit_timex (f, first, end, &v, mod);
}

/* A bare year range, "1991-1995" or "(1991–95)": safe after a date context
 * word, a modifier, "the" or an opening bracket.  Returns the token to go on
 * from, or 0. */
static guint
accept_year_range (Finder     *f,
                   Match      *m,
                   guint       second,
                   const char *mod)
{
  guint year = m->end - 1;
  guint after = second + 1;
  guint prev = prev_in_sentence (f, m->first);
  gboolean safe;

  if (glued_before (f, m->first) || glued_after (f, after)
      || has_flag (f, next_in_sentence (f, after, second), LEX_COUNT_NOUN))
    return 0;

  safe = mod != NULL
         || (prev != G_MAXUINT
             && (has_flag (f, prev, LEX_DATE_CONTEXT | LEX_YEAR_CONTEXT)
                 || TOK (f, prev)->ch == '('
                 || is_determiner (f, prev)));
  if (!safe)
    return 0;

  emit_year (f, m->first, m->end, m->year, mod);
  emit_year (f, second, after, range_second_year (f, second, TOK (f, year)->number), NULL);
  f->last_year_token = after;

  return after;
}

/* "between March and May", "from Monday to Friday": the second date of a
 * range needs no other context. */
static gboolean
second_of_range (Finder *f,
                 guint   first)
{
  guint prev = prev_in_sentence (f, first);

  return prev != G_MAXUINT && f->last_end == prev
         && (token_is (f, prev, "and") || token_is (f, prev, "to") || token_is (f, prev, "or")
             || token_is (f, prev, "through") || token_is (f, prev, "until")
             || (TOK (f, prev)->classes & CLASS_DASH));
}

/* A lone weekday is a date unless it starts a sentence without a context
 * word or a name follows ("the Sunday Times"). */
static gboolean
lone_weekday_ok (Finder      *f,
                 const Match *m)
{
  const LexEntry *lex = TOK (f, m->weekday_token)->lex;
  guint prev = prev_in_sentence (f, m->first);

  if ((lex->flags & LEX_WEEKDAY_STRICT) || is_capitalised_word (f, m->end))
    return FALSE;
  if (context_before (f, m->first) || second_of_range (f, m->first))
    return TRUE;
  /* "Friday, an official said", "Sunday's service": a weekday that opens
   * the sentence before a comma or a possessive. */
  if (prev == G_MAXUINT)
    return m->end < f->tokens->len && !TOK (f, m->end)->spaced
           && (TOK (f, m->end)->ch == ',' || is_determiner (f, m->end + 1));
  /* "Earlier Friday,", "Also Friday": a capital that only starts the
   * sentence. */
  if (is_capitalised_word (f, prev) && prev_in_sentence (f, prev) == G_MAXUINT
      && !TOK (f, prev)->all_upper && !has_flag (f, prev, LEX_WEEKDAY_NAME))
    return TRUE;
  /* "in Miami Wednesday,", "met with Sununu Sunday.": after a name when
   * no name goes on after it; not "Black Friday". */
  if (is_capitalised_word (f, prev))
    return !has_flag (f, prev, LEX_WEEKDAY_NAME);
  /* "said Friday", "late Friday", ", Friday". */
  return TOK (f, prev)->ch != '\'';
}

/* "a June agreement", "the March accession": a month between a
 * determiner and the noun it dates; not "a March to the capital" nor "the
 * May of old". */
static gboolean
month_before_noun (Finder      *f,
                   const Match *m)
{
  guint prev = prev_in_sentence (f, m->first);
  guint next = next_in_sentence (f, m->end, m->first);

  return prev != G_MAXUINT && next != G_MAXUINT && has_flag (f, prev, LEX_DETERMINER)
         && is_lower_word (f, next)
         && !has_flag (f, next, LEX_DATE_CONTEXT | LEX_YEAR_CONTEXT | LEX_COUNT_NOUN | LEX_PAST)
         && !token_is (f, next, "to") && !token_is (f, next, "of")
         && !token_is (f, next, "and") && !token_is (f, next, "or");
}

/* Checks the context of a calendar match (a lone "May" or a bare year needs
 * one); returns FALSE when the match is dropped. */
static gboolean
date_context_ok (Finder      *f,
                 const Match *m,
                 const char  *mod)
{
  gboolean lone_month = m->month > 0 && !m->has_day && m->year == 0 && m->holiday == 0
                        && !m->has_rel;
  gboolean lone_weekday = m->weekday > 0 && m->month == 0 && m->year == 0 && !m->has_rel
                          && m->pod == 0;
  gboolean lone_season = m->season > 0 && m->year == 0 && !m->has_rel;

  if (m->decade > 0 && TOK (f, m->decade_token)->n_digits == 2
      && m->decade_token == m->first)
    return FALSE;

  /* "last Sat." but not "that Sun Microsystems": an abbreviated weekday
   * after a relative word needs its period. */
  if (m->has_rel && m->weekday > 0
      && (TOK (f, m->weekday_token)->lex->flags & LEX_WEEKDAY_ABBR)
      && !glued_punct (f, m->weekday_token + 1, '.'))
    return FALSE;

  /* "the nineties" takes its article, "the 1990s" leaves it out (the
   * next token matches "1990s" alone), unless a modifier takes it with
   * it: "the end of the 1990s". */
  if (m->decade > 0 && token_is (f, m->first, "the") && mod == NULL
      && TOK (f, m->decade_token)->kind != TOKEN_WORD)
    return FALSE;

  /* "the nineties", "the late sixties"; not "in his sixties". */
  if (m->decade > 0 && TOK (f, m->decade_token)->kind == TOKEN_WORD && mod == NULL
      && !(m->decade_token > m->first
           || token_is (f, prev_in_sentence (f, m->first), "the")))
    return FALSE;

  if (lone_month)
    {
      const LexEntry *lex = TOK (f, m->month_token)->lex;

      /* "Kim may travel", "Putin May Meet", "a March to the capital",
       * "April Ryan said": these words are months only after "in", "by"... */
      if ((lex->flags & LEX_MONTH_STRICT) && mod == NULL && !context_before (f, m->first)
          && !second_of_range (f, m->first) && !month_before_noun (f, m))
        return FALSE;
    }
  else if (lone_weekday)
    {
      if (!lone_weekday_ok (f, m))
        return FALSE;
    }
  else if (lone_season)
    {
      guint season = token_is (f, m->first, "the") ? m->first + 1 : m->first;
      guint prev = prev_in_sentence (f, season);
      guint prev2 = prev != G_MAXUINT ? prev_in_sentence (f, prev) : G_MAXUINT;

      if (TOK (f, season)->lex->flags & LEX_SEASON_STRICT)
        return FALSE;
      /* "in spring", "during the summer", "well into the summer". */
      if (!(mod != NULL || context_before (f, season)
            || (prev2 != G_MAXUINT && token_is (f, prev, "the")
                && has_flag (f, prev2, LEX_DATE_CONTEXT | LEX_YEAR_CONTEXT))))
        return FALSE;
    }

  return TRUE;
}

/* Whether token @i is the first one inside an opening quote mark. */
static gboolean
after_opening_quote (Finder *f,
                     guint   i)
{
  const Token *q;

  if (i == 0 || TOK (f, i)->spaced)
    return FALSE;
  q = TOK (f, i - 1);
  if (q->kind != TOKEN_PUNCT)
    return FALSE;
  if (q->ch == 0x201C || q->ch == '`')
    return TRUE;
  /* A straight quote opens when a space or the text's start comes before it. */
  return (q->ch == '"' || q->ch == '\'') && (i == 1 || q->spaced);
}

static gboolean
mod_fits (Finder        *f,
          const Pattern *prefix,
          const Pattern *found,
          const Match   *m)
{
  const char *mod = prefix->literal;
  gboolean quantity = strcmp (mod, "APPROX") == 0 || strcmp (mod, "LESS_THAN") == 0
                      || strcmp (mod, "MORE_THAN") == 0 || g_str_has_prefix (mod, "EQUAL_OR");

  /* "around 7:15 p.m.", "around Nov. 1": an approximate point in time
   * ("about" is as often "talk about Nov. 1"). */
  if (prefix->point && (found->rule == RULE_TIME || (m->month > 0 && m->has_day)))
    return TRUE;

  /* "more than four hours", "about 1990"; not "over the past year". */
  if (quantity)
    return (TOK (f, m->first)->classes & CLASS_NUM) != 0
           && (m->has_number || (m->year > 0 && m->month == 0));

  /* "the first half of the 1990s": a year has halves of its own, a
   * decade or a century only this mod. */
  if (prefix->era_only)
    return m->decade > 0 || (m->unit == UNIT_CENTURY && m->ordinal > 0 && m->month == 0);

  /* TimeBank leaves "earlier", "late" outside a day named by its weekday:
   * "Earlier Friday," "Late Monday,". */
  if (prefix->part_of_day_only && m->weekday > 0 && m->month == 0 && m->pod == 0)
    return FALSE;

  return found->type == BRIEF_TIMEX_DATE || found->type == BRIEF_TIMEX_TIME;
}

/* "$500 million a year", "four flights a week", "24 hours a day": a rate,
 * so "a year" after an amount is a SET. */
static gboolean
rate_context (Finder *f,
              guint   first)
{
  guint prev = prev_in_sentence (f, first);

  for (guint k = 0; k < 3 && prev != G_MAXUINT; k++)
    {
      const Token *t = TOK (f, prev);

      if (is_numeric (t) || t->ch == '%' || (t->lex != NULL && (t->lex->flags & LEX_NUMBER)
                                              && t->lex->number > 1))
        return TRUE;
      if (t->kind != TOKEN_WORD || t->upper || (t->lex != NULL && t->lex->flags != LEX_STARTER
                                                  && t->lex->flags != 0))
        return FALSE;
      prev = prev_in_sentence (f, prev);
    }
  return FALSE;
}

/* A modifier written after the expression: "the next year or so",
 * "1994 or later", "1990 and beyond".  Moves *@end past it. */
static const char *
suffix_mod (Finder *f,
            guint   first,
            guint  *end,
            int     type)
{
  static const struct { const char *a, *b, *mod; gboolean dates_only; } suffixes[] = {
    { "or", "so", "APPROX", FALSE },
    { "or", "later", "ON_OR_AFTER", TRUE },
    { "or", "after", "ON_OR_AFTER", TRUE },
    { "and", "beyond", "ON_OR_AFTER", TRUE },
    { "or", "earlier", "ON_OR_BEFORE", TRUE },
    { "or", "before", "ON_OR_BEFORE", TRUE },
  };
  guint i = *end;
  /* "or so" ends the phrase: not "or so many"; nor are "later years",
   * "earlier results" modifiers. */
  gboolean word_after = i + 2 < f->tokens->len && TOK (f, i + 2)->kind == TOKEN_WORD
                        && TOK (f, i + 2)->sentence == TOK (f, first)->sentence;
  gboolean noun_after = word_after && ((TOK (f, i + 2)->classes & CLASS_UNIT)
                                       || has_flag (f, i + 2, LEX_COUNT_NOUN));

  if (i + 1 >= f->tokens->len || TOK (f, i + 1)->sentence != TOK (f, first)->sentence
      || (type != BRIEF_TIMEX_DATE && type != BRIEF_TIMEX_DURATION))
    return NULL;

  for (guint k = 0; k < G_N_ELEMENTS (suffixes); k++)
    if (token_is (f, i, suffixes[k].a) && token_is (f, i + 1, suffixes[k].b)
        && (!suffixes[k].dates_only || type == BRIEF_TIMEX_DATE)
        && !(k == 0 ? word_after : noun_after))
      {
        *end = i + 2;
        return suffixes[k].mod;
      }
  return NULL;
}

/* "April 24 and 25", "May 3 to 5", "April 25-26": the second day of a
 * range after a day just emitted at @end has its month and year.  Not "April
 * 24 and 25 people" nor "25%". */
static guint
accept_day_range (Finder *f,
                  guint   end,
                  int     first_day)
{
  const BriefTimex *first = g_ptr_array_index (f->result, f->result->len - 1);
  const Token *joiner, *day;
  guint after = end + 2;
  Value v = { BRIEF_TIMEX_DATE, NULL, NULL, NULL, { 0, }, FALSE };

  if (end + 1 >= f->tokens->len || strlen (first->value) != 10 || first->value[7] != '-')
    return end;
  joiner = TOK (f, end);
  day = TOK (f, end + 1);
  if (day->sentence != joiner->sentence || !(day->classes & CLASS_DAY)
      || day->kind != TOKEN_NUMBER || (int) day->number <= first_day || day->number > 31)
    return end;
  if (!(token_is (f, end, "and") || token_is (f, end, "to") || token_is (f, end, "through")
        || token_is (f, end, "or") || (joiner->classes & CLASS_DASH)))
    return end;
  /* Only a day: what follows it ends the phrase. */
  if (after < f->tokens->len && TOK (f, after)->sentence == day->sentence
      && !(TOK (f, after)->kind == TOKEN_PUNCT && TOK (f, after)->ch != '%'
           && TOK (f, after)->ch != '-' && TOK (f, after)->ch != '/')
      && !has_flag (f, after, LEX_DATE_CONTEXT))
    return end;
  if (glued_after (f, after))
    return end;

  v.value = g_strdup_printf ("%.8s%02u", first->value, day->number);
  if (!valid_day (atoi (first->value), atoi (first->value + 5), (int) day->number)
      && first->value[0] != 'X')
    {
      g_free (v.value);
      return end;
    }
  emit_timex (f, end + 1, after, &v, NULL);
  return after;
}

/* The count of the number at token @i, or 0. */
static guint
number_at (Finder *f,
           guint   i)
{
  const Token *t;

  if (i >= f->tokens->len)
    return 0;
  t = TOK (f, i);
  if (t->kind == TOKEN_NUMBER)
    return t->number;
  return t->lex != NULL && (t->lex->flags & LEX_NUMBER) && t->lex->number > 0 ? t->lex->number : 0;
}

/* Whether @n units at token @unit, then "a" or "per" and the unit after
 * it, fill that whole unit: "24 hours a day", "seven days a week", "365
 * days a year" say "all the time". */
static gboolean
fills_unit (Finder *f,
            guint   n,
            guint   unit)
{
  static const struct { Unit part; guint n; Unit whole; } wholes[] = {
    { UNIT_HOUR, 24, UNIT_DAY }, { UNIT_DAY, 7, UNIT_WEEK }, { UNIT_DAY, 365, UNIT_YEAR },
    { UNIT_WEEK, 52, UNIT_YEAR }, { UNIT_MONTH, 12, UNIT_YEAR },
  };
  const Token *part = TOK (f, unit);

  if (part->lex == NULL || unit + 2 >= f->tokens->len
      || !(token_is (f, unit + 1, "a") || token_is (f, unit + 1, "per"))
      || TOK (f, unit + 2)->lex == NULL)
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (wholes); k++)
    if (part->lex->unit == wholes[k].part && n == wholes[k].n
        && TOK (f, unit + 2)->lex->unit == wholes[k].whole)
      return TRUE;
  return FALSE;
}

/* Words that look like a time in a use that is none: "the last night of the
 * fair", "high noon", "USA Today", "today's youth", "a quarter of the
 * market". */
static gboolean
is_idiom (Finder        *f,
          const Pattern *p,
          const Match   *m,
          guint          start)
{
  /* "the week of work": a week of something is no date ("the week of
   * March 6" is matched whole). */
  if (p->rule == RULE_REL && p->has_param && m->unit == UNIT_WEEK && !m->has_rel
      && token_is (f, m->end, "of"))
    return TRUE;

  /* "the last night of the festival", "his last night": the final one,
   * not yesterday's. */
  if (p->rule == RULE_DAY && token_is (f, m->first, "last") && m->first > 0
      && (token_is (f, m->first - 1, "the") || has_flag (f, m->first - 1, LEX_DETERMINER)
          || token_is (f, m->end, "of")))
    return TRUE;

  /* "high noon" is a showdown, not a clock time. */
  if (p->rule == RULE_TIME && p->has_param && m->first > 0
      && token_is (f, m->first - 1, "high"))
    return TRUE;

  /* "USA Today", "VOA Today": a capitalised "Today" after a name inside
   * a sentence ends the name of a paper or a show. */
  if (p->rule == RULE_DAY && m->end == m->first + 1 && TOK (f, m->first)->upper
      && m->first > 0 && prev_in_sentence (f, m->first) == m->first - 1
      && TOK (f, m->first - 1)->kind == TOKEN_WORD && TOK (f, m->first - 1)->upper
      && prev_in_sentence (f, m->first - 1) != G_MAXUINT)
    return TRUE;

  /* "today's youth", "today's world": the present age, not a day. */
  if (p->rule == RULE_DAY && m->end == m->first + 1 && m->end + 2 < f->tokens->len
      && (TOK (f, m->end)->ch == '\'' || TOK (f, m->end)->ch == 0x2019)
      && token_is (f, m->end + 1, "s") && has_flag (f, m->end + 2, LEX_GENERIC_NOW))
    return TRUE;

  /* "the people of tomorrow", "the world of today": an age, not a day
   * ("the end of today", "the events of today's session" keep it). */
  if (p->rule == RULE_DAY && m->end == m->first + 1 && m->first >= 2 && start == m->first
      && (token_is (f, m->first, "today") || token_is (f, m->first, "tomorrow"))
      && token_is (f, m->first - 1, "of") && is_lower_word (f, m->first - 2)
      && !(TOK (f, m->first - 2)->classes & TIME_WORD_CLASSES)
      && (m->end >= f->tokens->len || TOK (f, m->end)->kind != TOKEN_PUNCT
          || (TOK (f, m->end)->ch != '\'' && TOK (f, m->end)->ch != 0x2019)))
    return TRUE;

  /* "24 hours a day, seven days a week": always, neither a length nor a
   * rate. */
  if (p->rule == RULE_DUR && m->has_number && m->end == m->unit_token + 1
      && fills_unit (f, m->number, m->unit_token))
    return TRUE;
  if (p->rule == RULE_DUR && m->first >= 2 && m->end == m->first + 2
      && (token_is (f, m->first, "a") || token_is (f, m->first, "per"))
      && fills_unit (f, number_at (f, m->first - 2), m->first - 1))
    return TRUE;

  /* "a quarter of the market", "three quarters of its voters": a share,
   * not three months; "a quarter of a century" and "several quarters of
   * losses" stay times. */
  if (p->rule == RULE_DUR && m->unit == UNIT_QUARTER && token_is (f, m->end, "of")
      && m->end + 2 < f->tokens->len && has_flag (f, m->end + 1, LEX_DETERMINER)
      && !(TOK (f, m->end + 2)->classes & (CLASS_UNIT | CLASS_YEAR)))
    return TRUE;

  return FALSE;
}

/* "Islam will one day be...": "one day" between an auxiliary and its verb
 * is "some day", a time to come, not a length. */
static gboolean
is_some_day (Finder        *f,
             const Pattern *p,
             const Match   *m)
{
  guint aux = m->first - 1;

  return p->rule == RULE_DUR && m->end == m->first + 2 && token_is (f, m->first, "one")
         && m->unit == UNIT_DAY && m->first > 0 && is_lower_word (f, m->end)
         && (token_is (f, aux, "will") || token_is (f, aux, "would")
             || token_is (f, aux, "may") || token_is (f, aux, "might")
             || token_is (f, aux, "could") || token_is (f, aux, "can"));
}

/* Checks the context of the match @m of @p (after the modifier @mod from
 * token @start, if any), emits it and returns the token to go on from, or 0
 * when the match is dropped. */
static guint
accept_match (Finder        *f,
              const Pattern *p,
              Match         *m,
              guint          start,
              const char    *mod)
{
  const Token *first = TOK (f, m->first);
  const Token *last = TOK (f, m->end - 1);
  guint end;
  gboolean lone_year = p->rule == RULE_DATE && m->year > 0 && m->month == 0 && m->season == 0
                       && m->holiday == 0 && m->first + 1 == m->end;
  Value v = { 0, };

  /* "$2019", "2,019", "555-2019", "June 5,000"; but "April 25-26" is a
   * date and its range. */
  if ((first->kind != TOKEN_WORD && is_numeric (first) && glued_before (f, m->first))
      || (is_numeric (last) && glued_after (f, m->end)
          && !(m->has_month_name && (TOK (f, m->end)->classes & CLASS_DASH))))
    {
      if (!(lone_year && year_range_end (f, m->end - 1) != G_MAXUINT))
        return 0;
    }

  if (lone_year)
    {
      guint second = year_range_end (f, m->end - 1);

      if (second != G_MAXUINT)
        return accept_year_range (f, m, second, mod);

      if (!bare_year_in_context (f, start, m->end - 1, mod) && !second_of_range (f, m->first))
        return 0;

      f->last_year_token = m->end;
    }
  else if (p->rule == RULE_DATE && !date_context_ok (f, m, mod))
    return 0;

  /* A lone plural unit is a duration after "for", "over"...: "for years". */
  if (p->rule == RULE_DUR && !m->has_number && m->plural && m->first == m->unit_token
      && m->end == m->unit_token + 1
      && mod == NULL && !has_flag (f, prev_in_sentence (f, m->first), LEX_DUR_CONTEXT))
    return 0;

  /* "the CBS program 60 Minutes", "28 Days Later": a capitalised unit
   * inside a sentence is part of a title. */
  if (p->rule == RULE_DUR && m->unit_token > m->first && TOK (f, m->unit_token)->upper
      && !TOK (f, m->unit_token)->all_upper && prev_in_sentence (f, m->first) != G_MAXUINT)
    return 0;

  /* ABC's "This Week": a relative date in title case just inside an
   * opening quote names a show or a work. */
  if (p->rule == RULE_REL && m->unit_token > m->first && TOK (f, m->unit_token)->upper
      && TOK (f, m->first)->upper && after_opening_quote (f, m->first))
    return 0;

  /* "Now, he says, ...": a sentence opened by "Now," is a turn in the
   * argument, not a time. */
  if (p->rule == RULE_LITERAL && m->end == m->first + 1 && token_is (f, m->first, "now")
      && prev_in_sentence (f, m->first) == G_MAXUINT && m->end < f->tokens->len
      && TOK (f, m->end)->ch == ',')
    return 0;

  if (is_idiom (f, p, m, start))
    return 0;

  /* "two thousand people": a year in words needs no count after it, and
   * "two thousand" one before it ("in", "the year"), as it is a number as
   * often as a year. */
  if (m->spoken_token != 0)
    {
      if (has_flag (f, next_in_sentence (f, m->end, m->first), LEX_COUNT_NOUN)
          || is_numeric (TOK (f, MIN (m->end, f->tokens->len - 1))))
        return 0;
      if (m->year >= 2000 && m->month == 0 && m->season == 0
          && m->spoken_token == m->first + 1 && !context_before (f, m->first))
        return 0;
    }

  /* "the year-ago results": the year starts a compound, matched from
   * "year"; "last Oct. 23" is matched from "Oct.", the year from "last". */
  if (m->end < f->tokens->len && !TOK (f, m->end)->spaced
      && (TOK (f, m->end)->classes & CLASS_DASH) && p->rule == RULE_REL)
    return 0;
  if (m->has_rel && m->month > 0 && !m->has_day && m->end < f->tokens->len
      && TOK (f, m->end)->sentence == first->sentence
      && (TOK (f, m->end)->classes & CLASS_DAY) && !glued_after (f, m->end + 1))
    return 0;

  /* Ages are no durations in TimeML: "a 6-year-old boy", "52 years old";
   * "a year-earlier quarter" is a date that starts at "year", "a day-long
   * strike" a length that does. */
  if (p->rule == RULE_DUR && m->has_number
      && (token_is (f, m->end, "old")
          || (m->end + 1 < f->tokens->len && (TOK (f, m->end)->classes & CLASS_DASH)
              && !TOK (f, m->end)->spaced
              && (token_is (f, m->end + 1, "old") || token_is (f, m->end + 1, "earlier")
                  || token_is (f, m->end + 1, "ago") || token_is (f, m->end + 1, "long")))))
    return 0;

  /* Numbers that count something else: "1500 troops" never reaches here;
   * "30 days" after "$" is money. */
  if (m->has_number && first->kind == TOKEN_NUMBER && p->rule == RULE_DUR
      && first->n_digits > 3)
    return 0;

  if (!rule_value (f, p, m, &v))
    return 0;

  if (p->rule == RULE_DUR && mod == NULL && !m->plural && m->end == m->first + 2
      && (token_is (f, m->first, "a") || token_is (f, m->first, "an"))
      && rate_context (f, m->first))
    v.type = BRIEF_TIMEX_SET;


  if (is_some_day (f, p, m))
    {
      g_free (v.value);
      v.value = g_strdup ("FUTURE_REF");
      v.type = BRIEF_TIMEX_DATE;
    }

  /* "a year earlier" compares with the quarter spoken of, which stays the
   * one the next "a year ago" compares with.  News compares: the next "a
   * year earlier" or "year-earlier" is the same period again, not the year
   * before it (narratives chain them: "two years later... a year later"). */
  if (p->rule == RULE_OFFSET
      && (strstr (v.value, "-Q") != NULL || f->kind == BRIEF_DOCUMENT_NEWS))
    v.keep_ref = TRUE;

  /* "for the year ended March 31": a fiscal year, counted as a length. */
  if (p->rule == RULE_REL && !m->has_rel && m->unit == UNIT_YEAR
      && (token_is (f, m->end, "ended") || token_is (f, m->end, "ending")))
    {
      g_free (v.value);
      v.value = g_strdup ("P1Y");
      v.type = BRIEF_TIMEX_DURATION;
    }

  /* "For the nine months, ... in the year-earlier period": the period
   * compared with is a length of months as the report's own is. */
  if (p->rule == RULE_OFFSET && m->unit == UNIT_YEAR && f->report_nine_months
      && f->report_months > 0 && token_is (f, m->end - 1, "period"))
    {
      g_free (v.value);
      v.value = g_strdup_printf ("P%dM", f->report_months);
      v.type = BRIEF_TIMEX_DURATION;
    }

  /* TimeBank leaves "about", "almost" and "over" outside a counted
   * length ("about five hours", "over three years") but takes them into
   * an offset ("about two years ago") and before "a" ("over a week"). */
  if (mod != NULL && start < m->first && p->rule == RULE_DUR
      && (token_is (f, start, "about") || token_is (f, start, "almost")
          || token_is (f, start, "over"))
      && !token_is (f, m->first, "a") && !token_is (f, m->first, "an"))
    start = m->first;

  /* "the third-quarter results": the article goes with the noun the
   * compound qualifies, not with the quarter. */
  if (p->rule == RULE_QUARTER && start == m->first && token_is (f, m->first, "the")
      && m->unit_token > m->first + 1 && (TOK (f, m->unit_token - 1)->classes & CLASS_DASH)
      && !TOK (f, m->unit_token)->spaced)
    start = m->first + 1;

  /* "a week or so ago" */
  end = m->end;
  if (mod == NULL && p->rule == RULE_OFFSET && m->end > m->first + 2
      && token_is (f, m->end - 2, "so"))
    mod = "APPROX";
  if (mod == NULL)
    mod = suffix_mod (f, m->first, &end, v.type);

  emit_timex (f, start, end, &v, mod);
  if (p->rule == RULE_DATE && m->month > 0 && m->has_day && m->weekday == 0)
    end = accept_day_range (f, end, m->day);
  return end;
}

static gboolean
may_start (const BriefDateTagger *tagger,
           const Token           *t)
{
  if (t->kind == TOKEN_PUNCT)
    {
      for (guint k = 0; k < G_N_ELEMENTS (tagger->first_punct); k++)
        if (tagger->first_punct[k] == t->ch)
          return TRUE;
      return FALSE;
    }

  return (t->classes & tagger->first_classes) != 0
         || (t->lex != NULL && (t->lex->flags & LEX_STARTER));
}

static inline gboolean
can_start (const Pattern *p,
           const Token   *t)
{
  if ((t->classes & p->first) != 0)
    return TRUE;
  if (t->kind == TOKEN_PUNCT)
    return p->first_punct != 0 && p->first_punct == t->ch;
  if (t->lex == NULL)
    return FALSE;
  for (guint k = 0; p->first_words[k] != NULL; k++)
    if (p->first_words[k] == t->lex)
      return TRUE;
  return FALSE;
}

/* Whether token @t can be the first token of element @e (a cheap test). */
static inline gboolean
element_may_match (const Element *e,
                   const Token   *t)
{
  if (e->cls != 0)
    return (t->classes & e->cls) != 0;
  return literal_matches (e, t);
}

/* The longest match at token @i of the patterns that are (@prefix) or are
 * not modifiers; returns its pattern or NULL. */
static const Pattern *
longest_match (Finder           *f,
               guint             i,
               const PatternSet *starts,
               gboolean          after_prefix,
               Match            *best)
{
  const Token *t = TOK (f, i);
  const Pattern *found = NULL;

  for (guint w = 0; w < PATTERN_SET_WORDS; w++)
    for (guint64 bits = starts->w[w]; bits != 0; bits &= bits - 1)
      {
        guint p = w * 64 + __builtin_ctzll (bits);
        const Pattern *pattern = g_ptr_array_index (f->tagger->patterns, p);
        static const Match empty = { 0, };
        Match m;

        if (pattern->after_prefix && !after_prefix)
          continue;
        if (!can_start (pattern, t))
          continue;

        /* "the" starts many patterns: test the word after it first. */
        if (pattern->quick_second
            && (i + 1 >= f->tokens->len
                || !element_may_match (&g_array_index (pattern->elements, Element, 1),
                                       TOK (f, i + 1))))
          continue;

        /* Cleared only now: this loop runs for many tokens that fail the
         * tests above. */
        memcpy (&m, &empty, sizeof m);
        m.first = i;
        if (match_from (f, pattern, 0, i, &m) && m.end > i
            && (found == NULL || m.end > best->end
                || (m.end == best->end && pattern->index < found->index)))
          {
            *best = m;
            found = pattern;
          }
      }

  return found;
}

/* The patterns that can start at token @i, prefixes apart. */
static void
token_starts (Finder     *f,
              guint       i,
              PatternSet *starts,
              PatternSet *prefix_starts)
{
  const Token *t = TOK (f, i);

  memset (starts, 0, sizeof *starts);
  /* Only the patterns that can start at this token. */
  for (guint classes = t->classes; classes != 0; classes &= classes - 1)
    pattern_set_add (starts, &f->tagger->class_starts[g_bit_nth_lsf (classes, -1)]);
  if (t->lex != NULL)
    pattern_set_add (starts, &t->lex->starts);
  if (t->kind == TOKEN_PUNCT)
    pattern_set_add (starts, &f->tagger->punct_starts);

  for (guint w = 0; w < PATTERN_SET_WORDS; w++)
    {
      prefix_starts->w[w] = starts->w[w] & f->tagger->prefixes.w[w];
      starts->w[w] &= ~f->tagger->prefixes.w[w];
    }
}

static guint
match_at (Finder *f,
          guint   i)
{
  /* Filled in by longest_match() when it finds one; not cleared here, as
   * this runs at every token. */
  Match prefix_match;
  Match best;
  const Pattern *prefix = NULL;
  const Pattern *found;
  PatternSet starts, prefix_starts;

  if (!may_start (f->tagger, TOK (f, i)))
    return 0;

  token_starts (f, i, &starts, &prefix_starts);

  /* "early", "the end of", "more than" + an expression */
  if (!pattern_set_is_empty (&prefix_starts))
    prefix = longest_match (f, i, &prefix_starts, FALSE, &prefix_match);
  if (prefix != NULL && prefix_match.end < f->tokens->len
      && TOK (f, prefix_match.end)->sentence == TOK (f, i)->sentence
      && may_start (f->tagger, TOK (f, prefix_match.end)))
    {
      PatternSet next_starts, next_prefix_starts;

      token_starts (f, prefix_match.end, &next_starts, &next_prefix_starts);
      found = longest_match (f, prefix_match.end, &next_starts, TRUE, &best);
      if (found != NULL && mod_fits (f, prefix, found, &best))
        {
          guint next = accept_match (f, found, &best, i, prefix->literal);

          if (next > 0)
            return next;
        }
    }

  if (pattern_set_is_empty (&starts))
    return 0;
  found = longest_match (f, i, &starts, FALSE, &best);
  if (found == NULL)
    return 0;

  return accept_match (f, found, &best, i, NULL);
}

GPtrArray *
brief_date_tagger_find_in_sentences (BriefDateTagger   *self,
                                     const char        *text,
                                     GArray            *sentences,
                                     const char        *dct,
                                     BriefDocumentKind  kind)
{
  g_autoptr(GArray) own_sentences = NULL;
  g_autoptr(GArray) tokens = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) brief_timex_free);
  Finder f = { 0, };
  guint i = 0;

  g_return_val_if_fail (BRIEF_IS_DATE_TAGGER (self), result);
  g_return_val_if_fail (text != NULL, result);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_warning ("brief_date_tagger_find: text is not valid UTF-8");
      return result;
    }

  if (sentences == NULL)
    sentences = own_sentences = brief_split_sentences (text);

  tokens = g_array_sized_new (FALSE, TRUE, sizeof (Token), strlen (text) / 5 + 16);

  f.tagger = self;
  f.text = text;
  f.tokens = tokens;
  f.kind = kind;
  f.result = result;
  f.last_end = G_MAXUINT;
  g_date_clear (&f.dct, 1);
  g_date_clear (&f.ref.date, 1);
  if (dct != NULL)
    {
      int y = 0, mo = 0, d = 0;

      /* Anchors are shifted by days, weeks and years: a DCT at the edge of
       * the calendar would step outside what GDate can hold. */
      if (sscanf (dct, "%4d-%2d-%2d", &y, &mo, &d) == 3 && g_date_valid_dmy (d, mo, y)
          && y >= 100 && y <= 9000)
        g_date_set_dmy (&f.dct, d, mo, y);
      else
        g_debug ("Ignoring document creation time “%s”", dct);
    }

  tokenize (&f, sentences);

  while (i < tokens->len)
    {
      guint next = match_at (&f, i);

      i = next > i ? next : i + 1;
    }

  return result;
}

GPtrArray *
brief_date_tagger_find (BriefDateTagger   *self,
                        const char        *text,
                        const char        *dct,
                        BriefDocumentKind  kind)
{
  return brief_date_tagger_find_in_sentences (self, text, NULL, dct, kind);
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                   */

static LexEntry *
lexicon_entry (BriefDateTagger *self,
               const char      *word)
{
  g_autofree char *fold = _brief_word_fold (word, -1);
  LexEntry *entry = g_hash_table_lookup (self->lexicon, fold);

  if (entry == NULL)
    {
      entry = g_new0 (LexEntry, 1);
      g_hash_table_insert (self->lexicon, g_steal_pointer (&fold), entry);
    }

  return entry;
}

static gboolean
fields_have (GStrv       fields,
             const char *flag)
{
  for (guint i = 2; fields[0] != NULL && fields[1] != NULL && fields[i] != NULL; i++)
    if (strcmp (fields[i], flag) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
parse_int (const char *name,
           GStrv       fields,
           int         min,
           int         max,
           int        *out)
{
  gint64 number = 0;

  if (fields[1] == NULL
      || !g_ascii_string_to_signed (fields[1], 10, min, max, &number, NULL))
    {
      g_warning ("%s: bad line for “%s”", name, fields[0]);
      return FALSE;
    }
  *out = number;
  return TRUE;
}

static void
load_calendar_words (BriefDateTagger *self,
                     const char      *name,
                     gboolean         months)
{
  g_autoptr(GPtrArray) lines = _brief_word_list_load (name);

  for (guint i = 0; i < lines->len; i++)
    {
      GStrv fields = g_ptr_array_index (lines, i);
      LexEntry *entry;
      int number;

      if (!parse_int (name, fields, 1, months ? 12 : 7, &number))
        continue;

      entry = lexicon_entry (self, fields[0]);
      if (months)
        {
          entry->month = number;
          if (fields_have (fields, "strict"))
            entry->flags |= LEX_MONTH_STRICT;
          if (fields_have (fields, "abbr"))
            entry->flags |= LEX_MONTH_ABBR;
        }
      else
        {
          entry->weekday = number;
          if (fields_have (fields, "strict"))
            entry->flags |= LEX_WEEKDAY_STRICT;
          if (fields_have (fields, "plural"))
            entry->flags |= LEX_PLURAL;
          if (fields_have (fields, "abbr"))
            entry->flags |= LEX_WEEKDAY_ABBR;
        }
    }
}

static void
load_flag_words (BriefDateTagger *self,
                 const char      *name,
                 LexFlags         flag)
{
  g_autoptr(GPtrArray) lines = _brief_word_list_load (name);

  for (guint i = 0; i < lines->len; i++)
    {
      GStrv fields = g_ptr_array_index (lines, i);
      LexFlags word_flag = flag;

      /* "set to": the word marks the future only before "to". */
      if (flag == LEX_FUTURE && fields[1] != NULL && strcmp (fields[1], "to") == 0)
        word_flag = LEX_FUTURE_TO;
      else if (flag == LEX_FUTURE && fields[1] != NULL && strcmp (fields[1], "modal") == 0)
        word_flag = LEX_MODAL;
      else if (fields[1] != NULL)
        g_warning ("%s: unknown kind “%s”", name, fields[1]);

      lexicon_entry (self, fields[0])->flags |= word_flag;
    }
}

static void
load_date_context (BriefDateTagger *self)
{
  g_autoptr(GPtrArray) lines = _brief_word_list_load ("date-context.txt");

  for (guint i = 0; i < lines->len; i++)
    {
      GStrv fields = g_ptr_array_index (lines, i);
      LexFlags flag = LEX_DATE_CONTEXT;

      if (fields[1] != NULL && strcmp (fields[1], "year") == 0)
        flag = LEX_YEAR_CONTEXT;
      else if (fields[1] != NULL && strcmp (fields[1], "determiner") == 0)
        flag = LEX_DETERMINER;
      else if (fields[1] != NULL && strcmp (fields[1], "weekday-name") == 0)
        flag = LEX_WEEKDAY_NAME;
      else if (fields[1] != NULL && strcmp (fields[1], "next") == 0)
        flag = LEX_NEXT_DATE;
      else if (fields[1] != NULL && strcmp (fields[1], "generic") == 0)
        flag = LEX_GENERIC_NOW;
      else if (fields[1] != NULL)
        g_warning ("date-context.txt: unknown kind “%s”", fields[1]);

      lexicon_entry (self, fields[0])->flags |= flag;
    }
}

static int
code_index (const char * const *codes,
            guint               n_codes,
            const char         *code)
{
  for (guint k = 1; k < n_codes; k++)
    if (g_strcmp0 (codes[k], code) == 0)
      return k;
  return 0;
}

/* Numbers, ordinals, units, relative words, offsets, seasons, parts of the
 * day and holidays: WORD VALUE [flags]. */
static void
load_value_words (BriefDateTagger *self,
                  const char      *name)
{
  g_autoptr(GPtrArray) lines = _brief_word_list_load (name);

  for (guint i = 0; i < lines->len; i++)
    {
      GStrv fields = g_ptr_array_index (lines, i);
      LexEntry *e;
      int n = 0;

      if (fields[1] == NULL)
        {
          g_warning ("%s: no value for “%s”", name, fields[0]);
          continue;
        }
      e = lexicon_entry (self, fields[0]);

      if (strcmp (name, "numbers.txt") == 0)
        {
          if (strcmp (fields[1], "X") == 0)
            n = -1;
          else if (!parse_int (name, fields, 0, 1000, &n))
            continue;
          e->flags |= LEX_NUMBER | (n >= 20 && n <= 90 && n % 10 == 0 ? LEX_TENS : 0);
          e->number = n;
        }
      else if (strcmp (name, "ordinals.txt") == 0 && parse_int (name, fields, 1, 99, &n))
        {
          e->flags |= LEX_ORDINAL;
          e->ordinal = n;
        }
      else if (strcmp (name, "units.txt") == 0)
        {
          for (guint u = 1; u < N_UNITS; u++)
            if (strcmp (unit_info[u].code, fields[1]) == 0)
              e->unit = u;
          if (e->unit == UNIT_NONE)
            g_warning ("%s: unknown unit “%s”", name, fields[1]);
          if (fields_have (fields, "plural"))
            e->flags |= LEX_PLURAL;
        }
      else if (strcmp (name, "relative.txt") == 0 && parse_int (name, fields, -9, 9, &n))
        {
          e->flags |= LEX_REL | (fields_have (fields, "ref") ? LEX_REF : 0);
          e->rel = n;
        }
      else if (strcmp (name, "offsets.txt") == 0 && parse_int (name, fields, -1, 1, &n))
        {
          e->flags |= LEX_OFFSET | (fields_have (fields, "ref") ? LEX_REF : 0);
          e->offset = n;
        }
      else if (strcmp (name, "seasons.txt") == 0)
        {
          e->season = code_index (season_codes, G_N_ELEMENTS (season_codes), fields[1]);
          if (fields_have (fields, "strict"))
            e->flags |= LEX_SEASON_STRICT;
        }
      else if (strcmp (name, "decades.txt") == 0 && parse_int (name, fields, 100, 299, &n))
        {
          e->decade = n;
        }
      else if (strcmp (name, "day-parts.txt") == 0)
        {
          e->pod = code_index (pod_codes, G_N_ELEMENTS (pod_codes), fields[1]);
          if (fields_have (fields, "plural"))
            e->flags |= LEX_PLURAL;
        }
      else if (strcmp (name, "holidays.txt") == 0)
        {
          int mo = 0, d = 0, nth = 0, wd = 0;

          if (sscanf (fields[1], "%2d-%2d", &mo, &d) == 2 && valid_day (0, mo, d))
            e->holiday = mo * 100 + d;
          else if (fields[1][0] == 'E' && (fields[1][1] == '+' || fields[1][1] == '-')
               && (d = atoi (fields[1] + 1), d >= -99 && d <= 99))
        e->holiday = EASTER_BASE + d;
      else if (sscanf (fields[1], "%2d-W%1d-%1d", &mo, &nth, &wd) == 3
                   && mo >= 1 && mo <= 12 && nth >= 1 && nth <= 4 && wd >= 1 && wd <= 7)
            e->holiday = -(mo * 100 + nth * 10 + wd);
          else
            g_warning ("%s: bad date for “%s”", name, fields[0]);
        }
    }
}

static void
pattern_free (Pattern *p)
{
  g_array_unref (p->elements);
  g_free (p->name);
  g_free (p->literal);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pattern, pattern_free)

static gboolean
parse_type (Pattern    *p,
            const char *spec)
{
  static const char * const types[] = { "DATE", "TIME", "DURATION", "SET" };
  gsize len = strlen (spec);

  if (len > 1 && spec[len - 1] == '^')
    {
      p->after_prefix = TRUE;
      len--;
    }
  if (len >= 6 && strncmp (spec, "PREFIX", 6) == 0)
    {
      p->type = TYPE_PREFIX;
      if (len == 6)
        return TRUE;
      p->point = len == 12 && strncmp (spec + 6, "@point", 6) == 0;
      p->part_of_day_only = len == 10 && strncmp (spec + 6, "@pod", 4) == 0;
      p->era_only = len == 10 && strncmp (spec + 6, "@era", 4) == 0;
      return p->point || p->part_of_day_only || p->era_only;
    }
  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    if (strlen (types[t]) == len && strncmp (types[t], spec, len) == 0)
      {
        p->type = t;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_rule (Pattern    *p,
            const char *spec)
{
  static const struct { const char *name; Rule rule; } rules[] = {
    { "date", RULE_DATE }, { "numeric", RULE_NUMERIC }, { "quarter", RULE_QUARTER },
    { "rel", RULE_REL }, { "offset", RULE_OFFSET }, { "dur", RULE_DUR },
    { "set", RULE_SET }, { "day", RULE_DAY }, { "time", RULE_TIME },
    { "period", RULE_PERIOD }, { "week-of", RULE_WEEK_OF },
  };
  g_auto(GStrv) parts = NULL;

  if (spec[0] == '=')
    {
      p->rule = RULE_LITERAL;
      p->literal = g_strdup (spec + 1);
      return spec[1] != '\0';
    }

  parts = g_strsplit (spec, ":", 3);
  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    if (strcmp (parts[0], rules[r].name) == 0)
      {
        p->rule = rules[r].rule;
        if (parts[1] == NULL)
          return TRUE;
        p->has_param = TRUE;
        p->param = atoi (parts[1]);
        if (parts[2] != NULL && p->rule == RULE_TIME)
          p->param = p->param * 60 + atoi (parts[2]);
        else if (parts[2] != NULL)
          p->pod = code_index (pod_codes, G_N_ELEMENTS (pod_codes), parts[2]);
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_element (BriefDateTagger *self,
               const char      *spec,
               Element         *e)
{
  gsize len = strlen (spec);
  g_autofree char *word = NULL;
  g_auto(GStrv) alternatives = NULL;

  if (spec[0] == '~' && len > 1)
    {
      e->glued = TRUE;
      spec++;
      len--;
    }
  if (len > 1 && spec[len - 1] == '?')
    {
      e->optional = TRUE;
      len--;
    }

  for (guint c = 0; c < G_N_ELEMENTS (class_names); c++)
    if (strlen (class_names[c].name) == len && strncmp (class_names[c].name, spec, len) == 0)
      {
        e->cls = class_names[c].cls;
        return TRUE;
      }

  word = g_strndup (spec, len);
  if (!g_unichar_isalnum (g_utf8_get_char (word)))
    {
      e->punct = g_utf8_get_char (word);
      return TRUE;
    }

  alternatives = g_strsplit (word, "|", MAX_ALTERNATIVES);
  for (guint k = 0; alternatives[k] != NULL && k < MAX_ALTERNATIVES - 1; k++)
    e->words[k] = lexicon_entry (self, alternatives[k]);
  return TRUE;
}

/* NAME TYPE RULE ELEMENT... */
static Pattern *
pattern_compile (BriefDateTagger *self,
                 GStrv            fields)
{
  g_autoptr(Pattern) p = g_new0 (Pattern, 1);
  gboolean leading = TRUE;

  p->name = g_strdup (fields[0]);
  p->elements = g_array_new (FALSE, TRUE, sizeof (Element));

  if (fields[1] == NULL || !parse_type (p, fields[1])
      || fields[2] == NULL || !parse_rule (p, fields[2]))
    return NULL;

  for (guint i = 3; fields[i] != NULL; i++)
    {
      Element e = { 0, };

      if (!parse_element (self, fields[i], &e))
        return NULL;

      if (leading)
        {
          guint n_words = 0;

          while (p->first_words[n_words] != NULL)
            n_words++;
          p->first |= e.cls;
          if (e.punct != 0)
            p->first_punct = e.punct;
          for (guint k = 0; k < MAX_ALTERNATIVES && e.words[k] != NULL; k++)
            if (n_words + 1 < G_N_ELEMENTS (p->first_words))
              p->first_words[n_words++] = e.words[k];
          leading = e.optional;
        }

      g_array_append_val (p->elements, e);
    }

  if (p->elements->len == 0 || (p->type == TYPE_PREFIX && p->rule != RULE_LITERAL))
    return NULL;

  if (p->elements->len >= 2)
    {
      const Element *e0 = &g_array_index (p->elements, Element, 0);
      const Element *e1 = &g_array_index (p->elements, Element, 1);

      /* Elements that always take exactly one token: a number may take
       * several ("twenty four"), a month its period ("Jan."). */
      guint multi = CLASS_NUM | CLASS_MONTH | CLASS_WEEKDAY | CLASS_AMPM | CLASS_SPOKEN_YEAR;

      p->quick_second = !e0->optional && !e1->optional && (e0->cls & multi) == 0;
    }

  return g_steal_pointer (&p);
}

/* Marks what can start pattern @p, for a quick test at every token. */
static void
note_starters (BriefDateTagger *self,
               const Pattern   *p)
{
  for (guint i = 0; i < p->elements->len; i++)
    {
      Element *e = &g_array_index (p->elements, Element, i);

      for (guint classes = e->cls; classes != 0; classes &= classes - 1)
        pattern_set_insert (&self->class_starts[g_bit_nth_lsf (classes, -1)], p->index);
      self->first_classes |= e->cls;
      for (guint k = 0; k < MAX_ALTERNATIVES && e->words[k] != NULL; k++)
        {
          ((LexEntry *) e->words[k])->flags |= LEX_STARTER;
          pattern_set_insert (&((LexEntry *) e->words[k])->starts, p->index);
        }
      if (e->punct != 0)
        {
          pattern_set_insert (&self->punct_starts, p->index);
          for (guint k = 0; k < G_N_ELEMENTS (self->first_punct); k++)
            if (self->first_punct[k] == 0 || self->first_punct[k] == e->punct)
              {
                self->first_punct[k] = e->punct;
                break;
              }
        }
      if (!e->optional)
        break;
    }
}

static void
load_patterns (BriefDateTagger *self)
{
  g_autoptr(GPtrArray) lines = _brief_word_list_load ("date-patterns.txt");

  for (guint i = 0; i < lines->len; i++)
    {
      GStrv fields = g_ptr_array_index (lines, i);
      Pattern *p = pattern_compile (self, fields);

      if (p == NULL)
        {
          g_warning ("date-patterns.txt: bad pattern “%s”", fields[0]);
          continue;
        }
      if (self->patterns->len >= MAX_PATTERNS)
        {
          g_warning ("date-patterns.txt: more than %d patterns", MAX_PATTERNS);
          pattern_free (p);
          break;
        }
      p->index = self->patterns->len;
      if (p->type == TYPE_PREFIX)
        pattern_set_insert (&self->prefixes, p->index);
      note_starters (self, p);
      g_ptr_array_add (self->patterns, p);
    }
}

static void
brief_date_tagger_finalize (GObject *object)
{
  BriefDateTagger *self = (BriefDateTagger *) object;

  g_clear_pointer (&self->lexicon, g_hash_table_unref);
  g_clear_pointer (&self->patterns, g_ptr_array_unref);

  G_OBJECT_CLASS (brief_date_tagger_parent_class)->finalize (object);
}

static void
brief_date_tagger_class_init (BriefDateTaggerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = brief_date_tagger_finalize;
}

static void
brief_date_tagger_init (BriefDateTagger *self)
{
  /* Words the C code tests by name (context checks, a.m./p.m.). */
  static const char * const internal[] = {
    "s", "t", "m", "and", "to", "or", "through", "until", "the", "this", "current",
    "every", "each", "once", "twice", "times", "of", "old", "ended", "ending",
    "be", "been", "is", "are", "being", "couple", "thousand", "now", "long",
    "so", "later", "after", "beyond", "earlier", "before", "have", "by", "since", "high", "one", "could", "can",
  };
  static const char * const ampm[] = { "a", "p", "am", "pm" };
  static const char * const value_lists[] = {
    "numbers.txt", "ordinals.txt", "units.txt", "relative.txt", "offsets.txt",
    "seasons.txt", "day-parts.txt", "holidays.txt", "decades.txt",
  };

  self->lexicon = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->patterns = g_ptr_array_new_with_free_func ((GDestroyNotify) pattern_free);

  for (guint i = 0; i < G_N_ELEMENTS (internal); i++)
    lexicon_entry (self, internal[i]);
  for (guint i = 0; i < G_N_ELEMENTS (ampm); i++)
    lexicon_entry (self, ampm[i])->flags |= LEX_AMPM;

  load_calendar_words (self, "months.txt", TRUE);
  load_calendar_words (self, "weekdays.txt", FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (value_lists); i++)
    load_value_words (self, value_lists[i]);
  load_date_context (self);
  load_flag_words (self, "count-nouns.txt", LEX_COUNT_NOUN);
  load_flag_words (self, "future-markers.txt", LEX_FUTURE);
  load_flag_words (self, "past-markers.txt", LEX_PAST);
  load_flag_words (self, "present-markers.txt", LEX_PRESENT);
  load_flag_words (self, "speech-verbs.txt", LEX_SPEECH);
  load_flag_words (self, "duration-context.txt", LEX_DUR_CONTEXT);
  load_flag_words (self, "comparison-words.txt", LEX_COMPARE);
  /* In the lexicon without a tense flag, they mark no tense. */
  load_flag_words (self, "untensed-ed.txt", 0);
  load_flag_words (self, "time-zones.txt", LEX_ZONE);
  load_patterns (self);

  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, self->lexicon);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        const guchar *word = key;
        gsize len = strlen (key);

        /* Folded non-ASCII words and long ones are always looked up. */
        if (word[0] >= 0x80 || len >= 32)
          memset (self->word_lengths, 0xff, sizeof self->word_lengths);
        else
          self->word_lengths[word[0]] |= 1u << len;
      }
  }
}

BriefDateTagger *
brief_date_tagger_new (void)
{
  return g_object_new (BRIEF_TYPE_DATE_TAGGER, NULL);
}
