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
 * brief_date_tagger_new() reads the word lists and the date patterns from
 * the analysis GResource (data/analysis/en/) into one lexicon, a hash table
 * from lower-cased word to what the word can be (month, weekday, modifier,
 * date context word, count noun, future marker), and an array of compiled
 * patterns.  Nothing changes after that, so one tagger can serve any number
 * of threads.
 *
 * brief_date_tagger_find() splits the text into tokens (runs of letters and
 * digits, single punctuation marks), looking every word up once, and then
 * walks the tokens once from left to right.  At each token it tries the
 * patterns that can start there, keeps the longest match, checks the
 * context of the ambiguous ones (a lone "May", a bare year), normalises the
 * value against the document creation time and the tense of the sentence,
 * and jumps past the match. */

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
} LexFlags;

typedef struct
{
  guint8      month;    /* 1-12, 0 when not a month */
  guint8      weekday;  /* 1-7 (Monday = 1), 0 when not a weekday */
  guint16     flags;    /* LexFlags */
  const char *mod;      /* TIMEX3 mod when a modifier ("START"), interned */
} LexEntry;

typedef enum
{
  CLASS_MONTH   = 1 << 0,
  CLASS_WEEKDAY = 1 << 1,
  CLASS_DAY     = 1 << 2,
  CLASS_YEAR    = 1 << 3,
  CLASS_DECADE  = 1 << 4,
  CLASS_MOD     = 1 << 5,
  CLASS_MM      = 1 << 6,
  CLASS_DD      = 1 << 7,
  CLASS_DASH    = 1 << 8,
} TokenClass;

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
  { "MOD", CLASS_MOD },
  { "MM", CLASS_MM },
  { "DD", CLASS_DD },
  { "DASH", CLASS_DASH },
};

typedef struct
{
  guint     cls;       /* a TokenClass, or 0 for a literal */
  char     *literal;   /* lower-cased */
  gboolean  optional;
  gboolean  glued;
} Element;

typedef struct
{
  char    *name;
  GArray  *elements;   /* Element */
  guint    first;      /* classes that can start a match, for a quick test */
  gboolean first_literal;
} Pattern;

struct _BriefDateTagger
{
  GObject     parent_instance;

  GHashTable *lexicon;   /* folded word → LexEntry */
  GPtrArray  *patterns;  /* Pattern */
};

G_DEFINE_FINAL_TYPE (BriefDateTagger, brief_date_tagger, G_TYPE_OBJECT)

/* ------------------------------------------------------------------------ */
/* Tokens                                                                    */

typedef enum
{
  TOKEN_WORD,     /* letters */
  TOKEN_NUMBER,   /* digits */
  TOKEN_ORDINAL,  /* 5th, 21st */
  TOKEN_DECADE,   /* 1990s */
  TOKEN_MIXED,    /* any other run of letters and digits */
  TOKEN_PUNCT,    /* one other character */
} TokenKind;

typedef struct
{
  gsize           byte_start;
  gsize           byte_end;
  gsize           start;       /* code points */
  gsize           end;
  const char     *fold;        /* lower-cased text, in the chunk */
  const LexEntry *lex;         /* NULL when not in the lexicon */
  TokenKind       kind;
  guint           classes;
  guint           number;      /* value of NUMBER, ORDINAL, DECADE */
  guint           n_digits;
  guint           sentence;
  gunichar        ch;          /* the character of a PUNCT */
  guint           spaced : 1;  /* blank before the token */
  guint           upper : 1;   /* starts with a capital */
} Token;

/* Everything one call of find() needs; the tagger itself is left alone. */
typedef struct
{
  const BriefDateTagger *tagger;
  const char            *text;
  GArray                *tokens;      /* Token */
  GStringChunk          *chunk;
  GArray                *future;      /* gboolean per sentence */
  BriefDocumentKind      kind;
  GDate                  dct;         /* invalid when unknown */
  int                    anchor_year; /* narrative: last year mentioned */
  guint                  last_year_token;  /* token after the last bare year */
  GPtrArray             *result;
} Finder;

#define TOK(f, i) (&g_array_index ((f)->tokens, Token, (i)))

static guint
classify (const Token *t)
{
  guint classes = 0;

  switch (t->kind)
    {
    case TOKEN_WORD:
      if (t->lex == NULL || !t->upper)
        break;
      if (t->lex->month)
        classes |= CLASS_MONTH;
      if (t->lex->weekday)
        classes |= CLASS_WEEKDAY;
      break;

    case TOKEN_NUMBER:
      if (t->n_digits <= 2 && t->number >= 1 && t->number <= 31)
        classes |= CLASS_DAY;
      if (t->n_digits == 2 && t->number >= 1 && t->number <= 12)
        classes |= CLASS_MM;
      if (t->n_digits == 2 && t->number >= 1 && t->number <= 31)
        classes |= CLASS_DD;
      if (t->n_digits == 4 && t->number >= 1000 && t->number <= 2999)
        classes |= CLASS_YEAR;
      break;

    case TOKEN_ORDINAL:
      if (t->number >= 1 && t->number <= 31)
        classes |= CLASS_DAY;
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

  /* Modifiers are lower-case as often as not ("in early July"). */
  if (t->kind == TOKEN_WORD && t->lex != NULL && t->lex->mod != NULL)
    classes |= CLASS_MOD;

  return classes;
}

static void
finish_alnum_token (Finder *f,
                    Token  *t)
{
  const char *s = f->text + t->byte_start;
  gsize len = t->byte_end - t->byte_start;
  gsize digits = 0;
  g_autofree char *fold = NULL;

  while (digits < len && g_ascii_isdigit (s[digits]))
    digits++;

  fold = _brief_word_fold (s, len);
  t->fold = g_string_chunk_insert_const (f->chunk, fold);

  if (digits == 0)
    {
      gboolean letters_only = TRUE;

      for (const char *p = fold; *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isalpha (g_utf8_get_char (p)))
          letters_only = FALSE;

      t->kind = letters_only ? TOKEN_WORD : TOKEN_MIXED;
      t->lex = g_hash_table_lookup (f->tagger->lexicon, fold);
      t->upper = g_unichar_isupper (g_utf8_get_char (s));
    }
  else
    {
      const char *suffix = fold + digits;

      t->n_digits = digits;
      t->number = digits <= 9 ? (guint) strtoul (fold, NULL, 10) : G_MAXUINT;

      if (*suffix == '\0')
        t->kind = TOKEN_NUMBER;
      else if (digits <= 2
               && (strcmp (suffix, "st") == 0 || strcmp (suffix, "nd") == 0
                   || strcmp (suffix, "rd") == 0 || strcmp (suffix, "th") == 0))
        t->kind = TOKEN_ORDINAL;
      else if (digits == 4 && strcmp (suffix, "s") == 0 && t->number % 10 == 0)
        t->kind = TOKEN_DECADE;
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
               Token  *run)
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
          q = g_utf8_next_char (q);
          n_chars++;
        }

      /* "5th", "1990s" stay whole. */
      if (digit && q < end)
        {
          const char *r = q;
          gsize n_suffix = 0;

          while (r < end && !g_ascii_isdigit (*r))
            {
              r = g_utf8_next_char (r);
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

static void
tokenize (Finder *f,
          GArray *sentences)
{
  const char *p = f->text;
  gsize cp = 0;
  gboolean spaced = TRUE;
  guint sentence = 0;
  gboolean in_alnum = FALSE;
  Token cur = { 0, };

  while (TRUE)
    {
      gunichar c = g_utf8_get_char (p);
      gsize byte = p - f->text;

      if (in_alnum && (c == 0 || !g_unichar_isalnum (c)))
        {
          cur.byte_end = byte;
          cur.end = cp;
          add_alnum_run (f, &cur);
          in_alnum = FALSE;
          spaced = FALSE;
        }

      if (c == 0)
        break;

      while (sentences != NULL && sentence < sentences->len
             && byte >= g_array_index (sentences, BriefSpan, sentence).byte_end)
        sentence++;

      if (g_unichar_isspace (c))
        {
          spaced = TRUE;
        }
      else if (g_unichar_isalnum (c))
        {
          if (!in_alnum)
            {
              memset (&cur, 0, sizeof cur);
              cur.byte_start = byte;
              cur.start = cp;
              cur.spaced = spaced;
              cur.sentence = sentence;
              in_alnum = TRUE;
            }
        }
      else
        {
          Token t = { 0, };
          char buf[8] = { 0, };

          g_unichar_to_utf8 (c, buf);
          t.byte_start = byte;
          t.byte_end = byte + strlen (buf);
          t.start = cp;
          t.end = cp + 1;
          t.kind = TOKEN_PUNCT;
          t.ch = c;
          t.fold = g_string_chunk_insert_const (f->chunk, buf);
          t.spaced = spaced;
          t.sentence = sentence;
          t.classes = classify (&t);
          g_array_append_val (f->tokens, t);
          spaced = FALSE;
        }

      p = g_utf8_next_char (p);
      cp++;
    }

  /* Sentence tense: a future marker anywhere in the sentence. */
  for (guint i = 0; i < f->tokens->len; i++)
    {
      const Token *t = TOK (f, i);

      if (t->sentence >= f->future->len)
        g_array_set_size (f->future, t->sentence + 1);
      if (t->lex != NULL && (t->lex->flags & LEX_FUTURE))
        g_array_index (f->future, gboolean, t->sentence) = TRUE;
    }
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
  const char *mod;
  guint       month_token;
  guint       weekday_token;
  gboolean    has_day;
  gboolean    has_month_name;
} Match;

static gboolean
token_is (Finder     *f,
          guint       i,
          const char *fold)
{
  return i < f->tokens->len && strcmp (TOK (f, i)->fold, fold) == 0;
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
    return strcmp (t->fold, e->literal) == 0 ? 1 : 0;

  if ((t->classes & e->cls) == 0)
    return 0;

  switch (e->cls)
    {
    case CLASS_MONTH:
      m->month = t->lex->month;
      m->month_token = i;
      m->has_month_name = TRUE;
      /* "Jan." takes its period. */
      if ((t->lex->flags & LEX_MONTH_ABBR) && i + 1 < n
          && TOK (f, i + 1)->ch == '.' && !TOK (f, i + 1)->spaced)
        return 2;
      return 1;

    case CLASS_WEEKDAY:
      m->weekday = t->lex->weekday;
      m->weekday_token = i;
      if ((t->lex->flags & LEX_WEEKDAY_ABBR) && i + 1 < n
          && TOK (f, i + 1)->ch == '.' && !TOK (f, i + 1)->spaced)
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
      m->decade = t->number / 10;
      return 1;

    case CLASS_MOD:
      m->mod = t->lex->mod;
      /* "mid-July" */
      if (i + 2 < n && (TOK (f, i + 1)->classes & CLASS_DASH)
          && !TOK (f, i + 1)->spaced && !TOK (f, i + 2)->spaced)
        return 2;
      return 1;

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
  taken = *m;
  n = match_element (f, el, i, &taken);
  if (n > 0 && match_from (f, p, e + 1, i + n, &taken))
    {
      *m = taken;
      return TRUE;
    }

  if (el->optional)
    return match_from (f, p, e + 1, i, m);

  return FALSE;
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
  /* "2019abc", but "2023-09-05T10:30" is a date and a time. */
  if ((next->kind == TOKEN_WORD || next->kind == TOKEN_MIXED) && strcmp (next->fold, "t") != 0)
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

static gboolean
is_lower_word (Finder *f,
               guint   i)
{
  return i < f->tokens->len && TOK (f, i)->kind == TOKEN_WORD && !TOK (f, i)->upper;
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
  const Token *t = TOK (f, i);

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
          || token_is (f, prev, "or") || token_is (f, prev, ",")
          || (TOK (f, prev)->classes & CLASS_DASH)))
    return TRUE;

  /* "the 1991 collapse", "his 1996 campaign", "the company’s 1989 results",
   * "since the 1991 disintegration"; not "the 1991 Sunday Times" nor "the
   * 1500 troops". */
  if (is_determiner (f, prev))
    {
      guint prev2 = prev_in_sentence (f, prev);

      if (is_capitalised_word (f, next))
        return FALSE;
      if (prev2 != G_MAXUINT && has_flag (f, prev2, LEX_DATE_CONTEXT | LEX_YEAR_CONTEXT))
        return TRUE;
      return number >= 1800 && number <= 2099 && is_lower_word (f, next);
    }

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
sentence_is_future (Finder *f,
                    guint   token)
{
  guint s = TOK (f, token)->sentence;

  return s < f->future->len && g_array_index (f->future, gboolean, s);
}

/* The year of an underspecified month (and day): in news the latest one not
 * after the DCT, or the next one not before it when the sentence speaks of
 * the future; in narratives the year last mentioned. */
static int
resolve_year (Finder *f,
              int     month,
              int     day,
              guint   token)
{
  int dct_month, dct_day, dct_year;
  gboolean future;
  int cmp;

  if (f->kind == BRIEF_DOCUMENT_NARRATIVE && f->anchor_year > 0)
    return f->anchor_year;

  if (!g_date_valid (&f->dct))
    return 0;

  dct_year = g_date_get_year (&f->dct);
  dct_month = g_date_get_month (&f->dct);
  dct_day = g_date_get_day (&f->dct);

  future = sentence_is_future (f, token);
  {
    guint prev = prev_in_sentence (f, token);

    /* "this September": the one of the document's year. */
    if (prev != G_MAXUINT && token_is (f, prev, "this"))
      return dct_year;
    if (prev != G_MAXUINT && token_is (f, prev, "next"))
      future = TRUE;
    else if (prev != G_MAXUINT && token_is (f, prev, "last"))
      future = FALSE;
  }

  if (month != dct_month)
    cmp = month < dct_month ? -1 : 1;
  else if (day == 0 || day == dct_day)
    cmp = 0;
  else
    cmp = day < dct_day ? -1 : 1;

  if (future)
    return cmp >= 0 ? dct_year : dct_year + 1;
  return cmp <= 0 ? dct_year : dct_year - 1;
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

  if (!g_date_valid (&f->dct))
    return g_strdup_printf ("XXXX-WXX-%d", weekday);

  future = sentence_is_future (f, token);
  if (prev != G_MAXUINT && token_is (f, prev, "next"))
    future = TRUE;
  else if (prev != G_MAXUINT && token_is (f, prev, "last"))
    future = FALSE;

  date = f->dct;
  delta = weekday - (int) g_date_get_weekday (&date);
  if (future)
    {
      if (delta < 0)
        delta += 7;
      g_date_add_days (&date, delta);
    }
  else
    {
      if (delta > 0)
        delta -= 7;
      g_date_subtract_days (&date, -delta);
    }

  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (&date),
                          g_date_get_month (&date),
                          g_date_get_day (&date));
}

static gboolean
valid_day (int year,
           int month,
           int day)
{
  /* 2000 is a leap year: "February 29" without a year stays possible. */
  return g_date_valid_dmy (day, month, year > 0 ? year : 2000);
}

/* Builds the TIMEX3 value of @m, or NULL when the match is no date. */
static char *
match_value (Finder      *f,
             const Match *m)
{
  if (m->decade > 0)
    return g_strdup_printf ("%03d", m->decade);

  if (m->month > 0 && m->has_day)
    {
      int year = m->year > 0 ? m->year : resolve_year (f, m->month, m->day, m->month_token);

      if (!valid_day (year, m->month, m->day))
        return NULL;
      if (year == 0)
        return g_strdup_printf ("XXXX-%02d-%02d", m->month, m->day);
      return g_strdup_printf ("%04d-%02d-%02d", year, m->month, m->day);
    }

  if (m->month > 0)
    {
      int year = m->year > 0 ? m->year : resolve_year (f, m->month, 0, m->month_token);

      if (year == 0)
        return g_strdup_printf ("XXXX-%02d", m->month);
      return g_strdup_printf ("%04d-%02d", year, m->month);
    }

  if (m->year > 0)
    return g_strdup_printf ("%04d", m->year);

  if (m->weekday > 0)
    return weekday_value (f, m->weekday, m->weekday_token);

  return NULL;
}

static void
emit_timex (Finder     *f,
            guint       first,
            guint       end,
            char       *value,
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
  timex->type = BRIEF_TIMEX_DATE;
  timex->value = value;
  timex->mod = g_strdup (mod);

  if (g_ascii_isdigit (value[0]))
    f->anchor_year = atoi (value) > 999 ? atoi (value) : f->anchor_year;

  g_ptr_array_add (f->result, timex);
}

/* A bare year range, "1991-1995" or "(1991–95)": safe after a date context
 * word, a modifier, "the" or an opening bracket.  Returns the token to go on
 * from, or 0. */
static guint
accept_year_range (Finder *f,
                   Match  *m,
                   guint   second)
{
  guint year = m->end - 1;
  guint after = second + 1;
  guint prev = prev_in_sentence (f, m->first);
  gboolean safe;

  if (glued_before (f, m->first) || glued_after (f, after)
      || has_flag (f, next_in_sentence (f, after, second), LEX_COUNT_NOUN))
    return 0;

  safe = m->mod != NULL
         || (prev != G_MAXUINT
             && (has_flag (f, prev, LEX_DATE_CONTEXT | LEX_YEAR_CONTEXT)
                 || TOK (f, prev)->ch == '('
                 || is_determiner (f, prev)));
  if (!safe)
    return 0;

  emit_timex (f, m->first, m->end, g_strdup_printf ("%04d", m->year), m->mod);
  emit_timex (f, second, after,
              g_strdup_printf ("%04u", range_second_year (f, second, TOK (f, year)->number)),
              NULL);
  f->last_year_token = after;

  return after;
}

/* Checks the context of a match (a lone "May" or a bare year needs one),
 * emits it and returns the token to go on from, or 0 when the match is
 * dropped. */
static guint
accept_match (Finder *f,
              Match  *m)
{
  const Token *first = TOK (f, m->first);
  const Token *last = TOK (f, m->end - 1);
  gboolean lone_month = m->month > 0 && !m->has_day && m->year == 0;
  gboolean lone_weekday = m->weekday > 0 && m->month == 0 && m->year == 0;
  gboolean lone_year = m->year > 0 && m->month == 0;
  char *value;

  /* "$2019", "2,019", "555-2019", "June 5,000"; but "April 25-26" is a
   * date and its range. */
  if ((is_numeric (first) && glued_before (f, m->first))
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
        return accept_year_range (f, m, second);

      if (!bare_year_in_context (f, m->first, m->end - 1, m->mod))
        return 0;

      f->last_year_token = m->end;
    }
  else if (lone_month)
    {
      const LexEntry *lex = TOK (f, m->month_token)->lex;

      /* "Kim may travel", "Putin May Meet", "a March to the capital",
       * "April Ryan said": these words are months only after "in", "by"... */
      if ((lex->flags & LEX_MONTH_STRICT) && m->mod == NULL && !context_before (f, m->first))
        return 0;
    }
  else if (lone_weekday)
    {
      const LexEntry *lex = TOK (f, m->weekday_token)->lex;

      /* "on Monday", not "the Sunday Times"; "Sun" and "Sat" alone are
       * never sure enough. */
      if ((lex->flags & LEX_WEEKDAY_STRICT) || !context_before (f, m->first)
          || is_capitalised_word (f, m->end))
        return 0;
    }

  value = match_value (f, m);
  if (value == NULL)
    return 0;

  emit_timex (f, m->first, m->end, value, m->mod);
  return m->end;
}

static guint
match_at (Finder *f,
          guint   i)
{
  const Token *t = TOK (f, i);
  Match best = { 0, };
  gboolean found = FALSE;

  /* A date does not start with a comma ("WEEKDAY? ,? MONTH DAY"). */
  if (t->kind == TOKEN_PUNCT)
    return 0;

  for (guint p = 0; p < f->tagger->patterns->len; p++)
    {
      const Pattern *pattern = g_ptr_array_index (f->tagger->patterns, p);
      Match m = { 0, };

      if ((t->classes & pattern->first) == 0 && !pattern->first_literal)
        continue;

      m.first = i;
      if (match_from (f, pattern, 0, i, &m) && m.end > i
          && (!found || m.end > best.end))
        {
          best = m;
          found = TRUE;
        }
    }

  if (!found)
    return 0;

  return accept_match (f, &best);
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
  g_autoptr(GArray) future = NULL;
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

  tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  future = g_array_new (FALSE, TRUE, sizeof (gboolean));

  f.tagger = self;
  f.text = text;
  f.tokens = tokens;
  f.future = future;
  f.chunk = g_string_chunk_new (1024);
  f.kind = kind;
  f.result = result;
  g_date_clear (&f.dct, 1);
  if (dct != NULL)
    {
      int y = 0, mo = 0, d = 0;

      if (sscanf (dct, "%4d-%2d-%2d", &y, &mo, &d) == 3 && g_date_valid_dmy (d, mo, y))
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

  g_string_chunk_free (f.chunk);

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
      guint64 number = 0;

      if (fields[1] == NULL
          || !g_ascii_string_to_unsigned (fields[1], 10, 1, months ? 12 : 7, &number, NULL))
        {
          g_warning ("%s: bad line for “%s”", name, fields[0]);
          continue;
        }

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

      lexicon_entry (self, fields[0])->flags |= flag;
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
      else if (fields[1] != NULL)
        g_warning ("date-context.txt: unknown kind “%s”", fields[1]);

      lexicon_entry (self, fields[0])->flags |= flag;
    }
}

static void
load_modifiers (BriefDateTagger *self)
{
  g_autoptr(GPtrArray) lines = _brief_word_list_load ("modifiers.txt");

  for (guint i = 0; i < lines->len; i++)
    {
      GStrv fields = g_ptr_array_index (lines, i);

      if (fields[1] == NULL)
        continue;
      lexicon_entry (self, fields[0])->mod = g_intern_string (fields[1]);
    }
}

static void
pattern_free (Pattern *p)
{
  for (guint i = 0; i < p->elements->len; i++)
    g_free (g_array_index (p->elements, Element, i).literal);
  g_array_unref (p->elements);
  g_free (p->name);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pattern, pattern_free)

static Pattern *
pattern_compile (GStrv fields)
{
  g_autoptr(Pattern) p = g_new0 (Pattern, 1);
  gboolean leading = TRUE;

  p->name = g_strdup (fields[0]);
  p->elements = g_array_new (FALSE, TRUE, sizeof (Element));

  for (guint i = 1; fields[i] != NULL; i++)
    {
      const char *spec = fields[i];
      gsize len = strlen (spec);
      Element e = { 0, };

      if (spec[0] == '~' && len > 1)
        {
          e.glued = TRUE;
          spec++;
          len--;
        }
      if (len > 1 && spec[len - 1] == '?')
        {
          e.optional = TRUE;
          len--;
        }

      for (guint c = 0; c < G_N_ELEMENTS (class_names); c++)
        if (strlen (class_names[c].name) == len
            && strncmp (class_names[c].name, spec, len) == 0)
          e.cls = class_names[c].cls;

      if (e.cls == 0)
        e.literal = _brief_word_fold (spec, len);

      if (leading)
        {
          if (e.cls != 0)
            p->first |= e.cls;
          else
            p->first_literal = TRUE;
          leading = e.optional;
        }

      g_array_append_val (p->elements, e);
    }

  if (p->elements->len == 0)
    return NULL;

  return g_steal_pointer (&p);
}

static void
load_patterns (BriefDateTagger *self)
{
  g_autoptr(GPtrArray) lines = _brief_word_list_load ("date-patterns.txt");

  for (guint i = 0; i < lines->len; i++)
    {
      Pattern *p = pattern_compile (g_ptr_array_index (lines, i));

      if (p == NULL)
        {
          g_warning ("date-patterns.txt: empty pattern on entry %u", i);
          continue;
        }
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
  self->lexicon = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->patterns = g_ptr_array_new_with_free_func ((GDestroyNotify) pattern_free);

  load_calendar_words (self, "months.txt", TRUE);
  load_calendar_words (self, "weekdays.txt", FALSE);
  load_modifiers (self);
  load_date_context (self);
  load_flag_words (self, "count-nouns.txt", LEX_COUNT_NOUN);
  load_flag_words (self, "future-markers.txt", LEX_FUTURE);
  load_patterns (self);
}

BriefDateTagger *
brief_date_tagger_new (void)
{
  return g_object_new (BRIEF_TYPE_DATE_TAGGER, NULL);
}
