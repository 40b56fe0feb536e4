/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-quotes"

#include "config.h"

#include <string.h>

#include "brief-facts-private.h"
#include "brief-sentence-splitter.h"

/* Direct quotations: one pass over the text pairs the double quote marks,
 * straight or curly, and takes a closing mark glued to a word ("munitions.
 * ”Russia is…") for an opening one.  A quotation left open at the end of a
 * paragraph goes on when the next paragraph opens with a mark (the English
 * rule for long quotes) and else ends there.  A second pass pairs single
 * marks outside those, telling quotations from apostrophes.  The speaker is looked for after the
 * quotation ("…,” said Kim; "…,” Kim said; "…,” he said; according to
 * Kim), then before it (Kim said: “…”), else it is the speaker of the
 * quotation just before in the same or the previous paragraph. */

#define MIN_QUOTE_WORDS   4
#define MAX_SUBJECT_WORDS 6
#define WINDOW_WORDS      12
#define FOLD_SIZE         32

typedef struct
{
  gsize    start;
  gsize    end;
  char     fold[FOLD_SIZE];
  gboolean comma;   /* a comma or a colon follows */
} Word;

typedef struct
{
  const char              *text;
  const BriefFactsLexicon *lex;
  GPtrArray               *entities;
  GArray                  *mentions;
  GArray                  *sentences;
  GPtrArray               *quotes;
} Quoter;

BriefQuote *
brief_quote_copy (const BriefQuote *quote)
{
  BriefQuote *copy;

  g_return_val_if_fail (quote != NULL, NULL);

  copy = g_new0 (BriefQuote, 1);
  *copy = *quote;
  copy->text = g_strdup (quote->text);
  copy->speaker_name = g_strdup (quote->speaker_name);
  copy->role = g_strdup (quote->role);
  return copy;
}

void
brief_quote_free (BriefQuote *quote)
{
  if (quote == NULL)
    return;
  g_free (quote->text);
  g_free (quote->speaker_name);
  g_free (quote->role);
  g_free (quote);
}

/* ------------------------------------------------------------------------ */
/* Marks                                                                     */

typedef struct
{
  gboolean  open;
  gsize     start;      /* of the opening mark */
  gsize     content;    /* after it */
  GString  *text;       /* paragraphs before the current one */
} Pending;

static gboolean
is_word_char (gunichar c)
{
  /* For ASCII the same answer as g_unichar_isalnum(), without its tables. */
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c);
}

static inline gunichar
char_at (const char *p)
{
  return (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);
}

static gunichar
char_before (const char *text,
             gsize       i)
{
  return i == 0 ? 0 : g_utf8_get_char (g_utf8_prev_char (text + i));
}

static guint
count_words (const char *s)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (; *s != '\0'; s++)
    {
      gboolean blank = g_ascii_isspace (*s);

      if (!blank && !in_word)
        n++;
      in_word = !blank;
    }
  return n;
}

static void
finish_quote (Quoter  *q,
              Pending *p,
              gsize    content_end,
              gsize    end)
{
  g_autofree char *last = g_strndup (q->text + p->content, content_end - p->content);
  BriefQuote *quote;

  g_string_append (p->text, last);
  g_strstrip (p->text->str);
  p->text->len = strlen (p->text->str);
  p->open = FALSE;

  if (count_words (p->text->str) < MIN_QUOTE_WORDS)
    {
      g_string_truncate (p->text, 0);
      return;
    }

  quote = g_new0 (BriefQuote, 1);
  quote->text = g_strdup (p->text->str);
  quote->speaker = -1;
  quote->byte_start = p->start;
  quote->byte_end = end;
  g_ptr_array_add (q->quotes, quote);
  g_string_truncate (p->text, 0);
}

static void
open_quote (Pending *p,
            gsize    start,
            gsize    content)
{
  p->open = TRUE;
  p->start = start;
  p->content = content;
}

static gboolean
is_double_mark (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x00AB || c == 0x00BB
         || c == 0x201E;
}

/* The first non-blank after a paragraph break at @i, or 0 when @i does not
 * start a blank line. */
static gsize
paragraph_after (const char *text,
                 gsize       i)
{
  gsize j = i + 1;

  while (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')
    j++;
  if (text[j] != '\n')
    return 0;
  while (g_ascii_isspace (text[j]))
    j++;
  return j;
}

static void
find_marks (Quoter *q)
{
  const char *text = q->text;
  Pending p = { FALSE, 0, 0, g_string_new (NULL) };
  gsize i = 0;

  while (text[i] != '\0')
    {
      guchar byte = text[i];
      gunichar c, before, after;
      gsize next, para;

      /* Only '"', a newline and the lead bytes of « » “ ” „ matter. */
      if (byte != '"' && byte != '\n' && byte != 0xC2 && byte != 0xE2)
        {
          i += strcspn (text + i, "\"\n\xC2\xE2");
          continue;
        }
      c = g_utf8_get_char (text + i);
      next = g_utf8_next_char (text + i) - text;
      before = char_before (text, i);
      after = g_utf8_get_char (text + next);

      if (c == '\n' && p.open && (para = paragraph_after (text, i)) > 0)
        {
          gsize end = i;

          while (end > p.content && g_ascii_isspace (text[end - 1]))
            end--;
          if (is_double_mark (g_utf8_get_char (text + para)))
            {
              /* The quotation goes on in the next paragraph. */
              g_string_append_len (p.text, text + p.content, end - p.content);
              g_string_append_c (p.text, ' ');
              p.content = g_utf8_next_char (text + para) - text;
              i = p.content;
              continue;
            }
          finish_quote (q, &p, end, end);
          i = para;
          continue;
        }

      if (is_double_mark (c))
        {
          gboolean opens_here = !is_word_char (before) && !g_unichar_isspace (after) && after != 0;

          if (c == 0x201C || c == 0x00AB || c == 0x201E)
            {
              if (p.open)
                finish_quote (q, &p, i, i);
              open_quote (&p, i, next);
            }
          else if (p.open && !g_unichar_isspace (before))
            {
              finish_quote (q, &p, i, next);
            }
          else if (p.open && opens_here)
            {
              /* A mark before a word while one is open: the closing one was
               * left out. */
              finish_quote (q, &p, i, i);
              open_quote (&p, i, next);
            }
          else if (!p.open && opens_here)
            {
              open_quote (&p, i, next);
            }
        }
      i = next;
    }

  if (p.open)
    {
      gsize end = i;

      while (end > p.content && g_ascii_isspace (text[end - 1]))
        end--;
      finish_quote (q, &p, end, end);
    }
  g_string_free (p.text, TRUE);
}

/* ------------------------------------------------------------------------ */
/* Single marks                                                              */

static gboolean
is_single_mark (gunichar c)
{
  return c == '\'' || c == 0x2018 || c == 0x2019;
}

/* A single mark opens a quotation after a blank, a bracket or a dash and
 * before a letter: not in "don't", "’90s" or "rock ’n’ roll"'s first mark
 * (whose quotation is too short to count anyway). */
static gboolean
single_opens (gunichar before,
              gunichar after,
              gunichar c)
{
  if (c == 0x2019 && before != 0 && !g_unichar_isspace (before))
    return FALSE;
  return (before == 0 || g_unichar_isspace (before) || before == '(' || before == 0x2014
          || before == 0x2013 || before == '"' || before == 0x201C)
         && g_unichar_isalpha (after);
}

/* A single mark closes after a letter or punctuation and before a blank or
 * punctuation, but "the voters' choice" is a plural possessive: after an
 * "s", before a blank and a lower-case word. */
static gboolean
single_closes (const char *text,
               gsize       next,
               gunichar    before,
               gunichar    after)
{
  const char *p = text + next;

  if (before == 0 || g_unichar_isspace (before) || is_word_char (after))
    return FALSE;
  if (before == 's' && after == ' ')
    {
      while (*p == ' ')
        p++;
      if (g_unichar_islower (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

static int
compare_quotes (gconstpointer a,
                gconstpointer b)
{
  const BriefQuote *qa = *(const BriefQuote **) a;
  const BriefQuote *qb = *(const BriefQuote **) b;

  return qa->byte_start < qb->byte_start ? -1 : qa->byte_start > qb->byte_start;
}

/* Quotations in single marks ('We will win,' she said), the British
 * house style, outside the double-marked ones; unlike a double mark, an
 * unclosed single mark is an apostrophe, so the quotation must close in its
 * paragraph.  A double-marked quotation inside a single-marked one is a
 * nested quotation and goes. */
static void
find_single_marks (Quoter *q)
{
  const char *text = q->text;
  guint n_double = q->quotes->len;
  guint d = 0;
  gboolean open = FALSE;
  gsize start = 0;
  gsize i = 0;

  while (text[i] != '\0')
    {
      guchar byte = text[i];
      gunichar c, before, after;
      gsize next, para;

      if (byte != '\'' && byte != '\n' && byte != 0xE2)
        {
          i += strcspn (text + i, "'\n\xE2");
          continue;
        }
      /* Inside a double-marked quotation the single marks are nested. */
      while (d < n_double && ((BriefQuote *) g_ptr_array_index (q->quotes, d))->byte_end <= i)
        d++;
      if (!open && d < n_double && ((BriefQuote *) g_ptr_array_index (q->quotes, d))->byte_start <= i)
        {
          i = ((BriefQuote *) g_ptr_array_index (q->quotes, d))->byte_end;
          continue;
        }

      c = g_utf8_get_char (text + i);
      next = g_utf8_next_char (text + i) - text;
      if (c == '\n' && (para = paragraph_after (text, i)) > 0)
        {
          open = FALSE;
          i = para;
          continue;
        }
      if (!is_single_mark (c))
        {
          i = next;
          continue;
        }
      before = char_before (text, i);
      after = g_utf8_get_char (text + next);
      if (open && c != 0x2018 && single_closes (text, next, before, after))
        {
          Pending p = { TRUE, start, g_utf8_next_char (text + start) - text, g_string_new (NULL) };

          /* Not a scare quote inside a sentence ("the trend 'is not a
           * blip'"): a quotation starts with a capital or ends with its
           * own punctuation. */
          if (g_unichar_isupper (g_utf8_get_char (text + p.content)) || strchr (",.?!", text[i - 1]) != NULL)
            finish_quote (q, &p, i, next);
          g_string_free (p.text, TRUE);
          open = FALSE;
        }
      else if (single_opens (before, after, c))
        {
          open = TRUE;
          start = i;
        }
      i = next;
    }

  if (q->quotes->len == n_double)
    return;
  g_ptr_array_sort (q->quotes, compare_quotes);
  /* A quotation inside another is nested in it. */
  for (guint k = 1; k < q->quotes->len;)
    {
      BriefQuote *outer = g_ptr_array_index (q->quotes, k - 1);
      BriefQuote *inner = g_ptr_array_index (q->quotes, k);

      if (inner->byte_end <= outer->byte_end)
        g_ptr_array_remove_index (q->quotes, k);
      else
        k++;
    }
}

/* ------------------------------------------------------------------------ */
/* Words around a quotation                                                  */

/* Up to WINDOW_WORDS words of [@from, @to), from the start (@forward) or
 * ending at @to. */
static GArray *
words_in (const char *text,
          gsize       from,
          gsize       to)
{
  GArray *words = g_array_sized_new (FALSE, TRUE, sizeof (Word), MIN ((to - from) / 4 + 4, 64));
  gsize i = from;

  while (i < to)
    {
      Word w = { 0, };
      gsize end;

      while (i < to && !is_word_char (char_at (text + i)))
        i = g_utf8_next_char (text + i) - text;
      if (i >= to)
        break;
      w.start = i;
      while (i < to)
        {
          gunichar c = char_at (text + i);

          if (!(is_word_char (c) || c == '-' || c == '.' || c == '\'' || c == 0x2019))
            break;
          i = g_utf8_next_char (text + i) - text;
        }
      end = i;
      while (end > w.start && strchr (".'", text[end - 1]) != NULL
             && !(end - w.start > 2 && memchr (text + w.start, '.', end - w.start - 1) != NULL))
        end--;
      w.end = end;
      _brief_fold_into (text + w.start, MIN (w.end - w.start, FOLD_SIZE - 1), w.fold, sizeof w.fold);
      if (i < to && (text[i] == ',' || text[i] == ':'))
        w.comma = TRUE;
      if (i < to && (text[i] == '.' || text[i] == '?' || text[i] == '!'))
        {
          g_array_append_val (words, w);
          break;
        }
      g_array_append_val (words, w);
    }

  return words;
}

static gboolean
is_speech (Quoter     *q,
           const Word *w)
{
  return g_hash_table_contains (q->lex->speech_verbs, w->fold);
}

static gboolean
inside_quote (Quoter *q,
              gsize   byte)
{
  for (guint i = 0; i < q->quotes->len; i++)
    {
      BriefQuote *quote = g_ptr_array_index (q->quotes, i);

      if (byte >= quote->byte_start && byte < quote->byte_end)
        return TRUE;
      if (quote->byte_start > byte)
        break;
    }
  return FALSE;
}

/* The nearest person named before @byte, outside quotations, whom the
 * pronoun @fold may stand for. */
static int
nearest_person (Quoter     *q,
                gsize       byte,
                const char *fold)
{
  for (guint m = q->mentions->len; m-- > 0;)
    {
      const BriefEntityMention *mention = &g_array_index (q->mentions, BriefEntityMention, m);
      const BriefEntity *entity;

      if (mention->byte_end > byte)
        continue;
      entity = g_ptr_array_index (q->entities, mention->entity);
      if (_brief_pronoun_fits (fold, entity) && !inside_quote (q, mention->byte_start))
        return mention->entity;
    }
  return -1;
}

static void
set_speaker_entity (Quoter     *q,
                    BriefQuote *quote,
                    int         e)
{
  const BriefEntity *entity = g_ptr_array_index (q->entities, e);

  quote->speaker = e;
  g_free (quote->speaker_name);
  quote->speaker_name = g_strdup (entity->name);
  g_free (quote->role);
  quote->role = g_strdup (entity->role);
}

/* Gives @quote the speaker named by words [@from, @to): an entity, a
 * pronoun, or else the words themselves ("experts"). */
static gboolean
speaker_from_words (Quoter     *q,
                    BriefQuote *quote,
                    GArray     *words,
                    guint       from,
                    guint       to)
{
  const Word *first;
  const char *pronoun;

  if (from >= to || to - from > MAX_SUBJECT_WORDS)
    return FALSE;

  for (guint i = from; i < to; i++)
    {
      const Word *w = &g_array_index (words, Word, i);
      int e = _brief_entity_at (q->mentions, w->start, w->end);

      if (e >= 0 && ((BriefEntity *) g_ptr_array_index (q->entities, e))->kind != BRIEF_ENTITY_PLACE)
        {
          set_speaker_entity (q, quote, e);
          return TRUE;
        }
    }

  first = &g_array_index (words, Word, from);
  pronoun = g_hash_table_lookup (q->lex->pronouns, first->fold);
  if (pronoun != NULL && to - from == 1)
    {
      int e = strcmp (pronoun, "singular") == 0 ? nearest_person (q, quote->byte_start, first->fold) : -1;

      if (e >= 0)
        set_speaker_entity (q, quote, e);
      return e >= 0;
    }

  quote->speaker_name = g_strndup (q->text + first->start,
                                   g_array_index (words, Word, to - 1).end - first->start);
  return TRUE;
}

/* Words up to the first comma from @from, at most MAX_SUBJECT_WORDS. */
static guint
phrase_end (GArray *words,
            guint   from)
{
  guint i = from;

  while (i < words->len && i < from + MAX_SUBJECT_WORDS)
    {
      gboolean comma = g_array_index (words, Word, i).comma;

      i++;
      if (comma)
        break;
    }
  return i;
}

/* The first person or organisation named by words [@from, @to), or -1. */
static int
entity_in_words (Quoter *q,
                 GArray *words,
                 guint   from,
                 guint   to)
{
  for (guint i = from; i < to; i++)
    {
      const Word *w = &g_array_index (words, Word, i);
      int e = _brief_entity_at (q->mentions, w->start, w->end);

      if (e >= 0 && ((BriefEntity *) g_ptr_array_index (q->entities, e))->kind != BRIEF_ENTITY_PLACE)
        return e;
    }
  return -1;
}

/* "…,” said Kim", "…,” Kim said", "…,” according to Kim". */
static gboolean
speaker_after (Quoter     *q,
               BriefQuote *quote,
               gsize       limit)
{
  g_autoptr(GArray) words = words_in (q->text, quote->byte_end, limit);

  if (words->len == 0)
    return FALSE;
  if (is_speech (q, &g_array_index (words, Word, 0)))
    return speaker_from_words (q, quote, words, 1, phrase_end (words, 1));
  if (words->len >= 3 && strcmp (g_array_index (words, Word, 0).fold, "according") == 0)
    return speaker_from_words (q, quote, words, 2, phrase_end (words, 2));
  for (guint k = 1; k < words->len && k <= MAX_SUBJECT_WORDS; k++)
    {
      if (is_speech (q, &g_array_index (words, Word, k)))
        return speaker_from_words (q, quote, words, 0, k);
      if (g_array_index (words, Word, k - 1).comma)
        break;
    }
  /* "…,” the minister, Sarah Jones, said": a named person in apposition. */
  for (guint k = 2; k < words->len && k <= 2 * MAX_SUBJECT_WORDS; k++)
    if (is_speech (q, &g_array_index (words, Word, k)) && g_array_index (words, Word, k - 1).comma)
      {
        int e = entity_in_words (q, words, 0, k);

        if (e < 0 || ((BriefEntity *) g_ptr_array_index (q->entities, e))->kind != BRIEF_ENTITY_PERSON)
          return FALSE;
        set_speaker_entity (q, quote, e);
        return TRUE;
      }
  return FALSE;
}

/* "Kim said: “…”", "said Kim, “…”", "According to Kim, “…”", "Ferri
 * called her instruments “…”". */
static gboolean
speaker_before (Quoter     *q,
                BriefQuote *quote,
                gsize       sentence_start)
{
  g_autoptr(GArray) words = NULL;
  const char *p = q->text + quote->byte_start;
  gboolean introduced;

  while (p > q->text + sentence_start && g_ascii_isspace (p[-1]))
    p--;
  if (p == q->text + sentence_start)
    return FALSE;
  introduced = p[-1] == ':' || p[-1] == ',';

  words = words_in (q->text, sentence_start, quote->byte_start);
  for (guint k = words->len; k-- > 0;)
    {
      const Word *w = &g_array_index (words, Word, k);
      int e;

      if (introduced && k + 1 < words->len && strcmp (w->fold, "according") == 0)
        return speaker_from_words (q, quote, words, k + 2, words->len);
      if (!is_speech (q, w))
        continue;
      if (k + 1 < words->len && (e = entity_in_words (q, words, k + 1, k + 2)) >= 0)
        {
          set_speaker_entity (q, quote, e);
          return TRUE;
        }
      if ((e = entity_in_words (q, words, 0, k)) >= 0)
        {
          set_speaker_entity (q, quote, e);
          return TRUE;
        }
      if (!introduced)
        return FALSE;
      return speaker_from_words (q, quote, words, k > MAX_SUBJECT_WORDS ? k - MAX_SUBJECT_WORDS : 0, k);
    }
  return FALSE;
}

static guint
sentence_of (GArray *sentences,
             gsize   byte)
{
  guint lo = 0, hi = sentences->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (sentences, BriefSpan, mid).byte_start <= byte)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo > 0 ? lo - 1 : 0;
}

/* Whether a blank line lies between @from and @to, more than one counts
 * twice: the continuation of a speaker reaches over one paragraph break. */
static guint
paragraph_breaks (const char *text,
                  gsize       from,
                  gsize       to)
{
  guint n = 0;

  for (gsize i = from; i < to; i++)
    if (text[i] == '\n' && paragraph_after (text, i) > 0)
      {
        n++;
        while (i < to && g_ascii_isspace (text[i + 1]))
          i++;
      }
  return n;
}

static void
attribute (Quoter *q)
{
  for (guint i = 0; i < q->quotes->len; i++)
    {
      BriefQuote *quote = g_ptr_array_index (q->quotes, i);
      BriefQuote *next = i + 1 < q->quotes->len ? g_ptr_array_index (q->quotes, i + 1) : NULL;
      BriefQuote *prev = i > 0 ? g_ptr_array_index (q->quotes, i - 1) : NULL;
      guint s_end = sentence_of (q->sentences, quote->byte_end > 0 ? quote->byte_end - 1 : 0);
      guint s_start = sentence_of (q->sentences, quote->byte_start);
      gsize limit = q->sentences->len > 0
                    ? MAX (g_array_index (q->sentences, BriefSpan, s_end).byte_end, quote->byte_end)
                    : strlen (q->text);

      /* The rest of the sentence, or up to the next quotation. */
      if (limit <= quote->byte_end + 2 && s_end + 1 < q->sentences->len
          && paragraph_breaks (q->text, quote->byte_end,
                               g_array_index (q->sentences, BriefSpan, s_end + 1).byte_start) == 0)
        limit = g_array_index (q->sentences, BriefSpan, s_end + 1).byte_end;
      if (next != NULL && next->byte_start < limit)
        limit = next->byte_start;

      if (speaker_after (q, quote, limit))
        continue;
      if (q->sentences->len > 0
          && speaker_before (q, quote, g_array_index (q->sentences, BriefSpan, s_start).byte_start))
        continue;
      if (prev != NULL && prev->speaker_name != NULL
          && paragraph_breaks (q->text, prev->byte_end, quote->byte_start) <= 1)
        {
          quote->speaker = prev->speaker;
          quote->speaker_name = g_strdup (prev->speaker_name);
          quote->role = g_strdup (prev->role);
        }
    }
}

void
_brief_find_quotes (const char *text,
                    GArray     *sentences,
                    GPtrArray  *entities,
                    GArray     *mentions,
                    GPtrArray  *quotes)
{
  Quoter q = { text, _brief_facts_lexicon_get (), entities, mentions, sentences, quotes };
  BriefCpCursor cursor = { text, 0, 0 };

  g_return_if_fail (text != NULL);

  find_marks (&q);
  find_single_marks (&q);
  attribute (&q);

  for (guint i = 0; i < quotes->len; i++)
    {
      BriefQuote *quote = g_ptr_array_index (quotes, i);

      quote->start = _brief_cp_cursor_at (&cursor, quote->byte_start);
      quote->end = _brief_cp_cursor_at (&cursor, quote->byte_end);
    }
}
