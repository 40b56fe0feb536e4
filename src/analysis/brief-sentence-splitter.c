/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-sentence-splitter"

#include "config.h"

#include <string.h>

#include "brief-sentence-splitter.h"
#include "brief-word-list-private.h"

/* The splitter walks the text once, left to right.  A sentence ends at a
 * blank line, or at a terminator (. ! ? …) followed by closing quotes and
 * brackets, when what follows looks like the start of a sentence.  Periods
 * after abbreviations and initials are told apart with the word lists
 * abbreviations.txt, initialisms.txt and sentence-starters.txt. */

typedef struct
{
  GHashTable *abbreviations;  /* word → "title" | "other" */
  GHashTable *initialisms;    /* "us" → "" */
  GHashTable *starters;       /* "the" → "" */
  GHashTable *function_words; /* "of", "the": no headline ends with them */
} SplitterLexicon;

typedef struct
{
  const char            *text;
  gsize                  len;
  GArray                *spans;
  gsize                  sentence_start;
  gboolean               quote_open;
  const SplitterLexicon *lex;
} Splitter;

static const SplitterLexicon *
splitter_lexicon_get (void)
{
  static SplitterLexicon lexicon;
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      lexicon.abbreviations = _brief_word_list_load_set ("abbreviations.txt");
      lexicon.initialisms = _brief_word_list_load_set ("initialisms.txt");
      lexicon.starters = _brief_word_list_load_set ("sentence-starters.txt");
      lexicon.function_words = _brief_word_list_load_set ("title-strip-words.txt");
      g_once_init_leave (&initialised, 1);
    }

  return &lexicon;
}

static inline gunichar
char_at (const Splitter *s,
         gsize           i)
{
  if (i >= s->len)
    return 0;
  return g_utf8_get_char (s->text + i);
}

static inline gsize
next_at (const Splitter *s,
         gsize           i)
{
  return g_utf8_next_char (s->text + i) - s->text;
}

static inline gunichar
char_before (const Splitter *s,
             gsize           i)
{
  if (i == 0)
    return 0;
  return g_utf8_get_char (g_utf8_prev_char (s->text + i));
}

static gboolean
is_terminator (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026 /* … */;
}

static gboolean
is_closer (gunichar c)
{
  switch (c)
    {
    case '"':
    case '\'':
    case ')':
    case ']':
    case 0x2019: /* ’ */
    case 0x201D: /* ” */
    case 0x00BB: /* » */
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_opener (gunichar c)
{
  switch (c)
    {
    case '"':
    case '\'':
    case '`':
    case '(':
    case '[':
    case 0x2018: /* ‘ */
    case 0x201C: /* “ */
    case 0x00AB: /* « */
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_blank (gunichar c)
{
  return c != '\n' && g_unichar_isspace (c);
}

/* TRUE when a blank line starts at the newline at @i; *after is set past it. */
static gboolean
paragraph_break_at (const Splitter *s,
                    gsize           i,
                    gsize          *after)
{
  gsize j;

  g_assert (s->text[i] == '\n');

  for (j = i + 1; j < s->len && is_blank (char_at (s, j)); j = next_at (s, j))
    ;
  if (j < s->len && s->text[j] == '\n')
    {
      *after = j + 1;
      return TRUE;
    }

  return FALSE;
}

static void
emit (Splitter *s,
      gsize     end)
{
  BriefSpan span;
  gsize start = s->sentence_start;

  while (start < end && g_unichar_isspace (char_at (s, start)))
    start = next_at (s, start);
  while (end > start && g_unichar_isspace (char_before (s, end)))
    end = g_utf8_prev_char (s->text + end) - s->text;

  if (end > start)
    {
      span.byte_start = start;
      span.byte_end = end;
      g_array_append_val (s->spans, span);
    }

  s->sentence_start = end;
}

/* The lower-cased run of letters and digits starting at @i. */
static char *
word_at (const Splitter *s,
         gsize           i)
{
  gsize j = i;

  while (j < s->len && g_unichar_isalnum (char_at (s, j)))
    j = next_at (s, j);

  return _brief_word_fold (s->text + i, j - i);
}

/* The lower-cased run of letters and digits ending at @i. */
static char *
word_before (const Splitter *s,
             gsize           i,
             gsize          *start)
{
  gsize j = i;

  while (j > 0 && g_unichar_isalnum (char_before (s, j)))
    j = g_utf8_prev_char (s->text + j) - s->text;

  *start = j;
  return _brief_word_fold (s->text + j, i - j);
}

/* Whether the text from @i on starts with a capitalised sentence starter
 * ("The", "They"), possibly after an opening quote. */
static gboolean
starter_at (const Splitter *s,
            gsize           i)
{
  g_autofree char *word = NULL;

  while (i < s->len && is_opener (char_at (s, i)))
    i = next_at (s, i);
  if (!g_unichar_isupper (char_at (s, i)))
    return FALSE;

  word = word_at (s, i);
  return g_hash_table_contains (s->lex->starters, word);
}

typedef struct
{
  gsize    next;        /* first non-blank position after the candidate */
  gunichar next_char;   /* 0 at the end of the paragraph */
  gboolean spaced;      /* blanks between the candidate and next */
} Following;

static Following
following_at (const Splitter *s,
              gsize           i)
{
  Following f = { i, 0, FALSE };
  gsize after;

  while (f.next < s->len && g_unichar_isspace (char_at (s, f.next)))
    {
      if (s->text[f.next] == '\n' && paragraph_break_at (s, f.next, &after))
        {
          f.next_char = 0;
          return f;
        }
      f.spaced = TRUE;
      f.next = next_at (s, f.next);
    }

  f.next_char = char_at (s, f.next);
  return f;
}

/* Letter-period runs: "U.S.", "U.S.U.S.", "J.R.R.", "W.".  Returns the end
 * of the run; ends sentences inside and after it when warranted. */
static gsize
handle_run (Splitter *s,
            gsize     i)
{
  g_autoptr(GString) letters = g_string_new (NULL);
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize j = i;
  gsize pos;
  gboolean known = TRUE;
  Following f;

  /* Collect letter '.' pairs. */
  while (j < s->len && g_unichar_isalpha (char_at (s, j)))
    {
      gsize k = next_at (s, j);

      if (char_at (s, k) != '.')
        break;
      g_string_append_unichar (letters, g_unichar_tolower (char_at (s, j)));
      k++;
      g_array_append_val (ends, k);
      j = k;
      if (!(g_unichar_isalpha (char_at (s, j))
            && char_at (s, next_at (s, j)) == '.'))
        break;
    }

  /* Decompose into known initialisms, longest first: "usus" → us + us. */
  pos = 0;
  {
    g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (guint));
    const char *str = letters->str;
    guint n_chars = g_utf8_strlen (str, -1);

    while (pos < n_chars)
      {
        guint take;

        for (take = MIN (n_chars - pos, 5); take >= 2; take--)
          {
            g_autofree char *part = g_utf8_substring (str, pos, pos + take);

            if (g_hash_table_contains (s->lex->initialisms, part))
              break;
          }
        if (take < 2)
          {
            known = FALSE;
            break;
          }
        pos += take;
        g_array_append_val (parts, pos);
      }

    if (known && parts->len >= 2)
      {
        /* "U.S.U.S. officials": a sentence ended after the first "U.S.". */
        for (guint p = 0; p + 1 < parts->len; p++)
          emit (s, g_array_index (ends, gsize, g_array_index (parts, guint, p) - 1));
      }
  }

  f = following_at (s, j);

  if (f.next_char == 0)
    {
      emit (s, j);
      return j;
    }

  /* Only a capitalised sentence starter after an initialism or an initial
   * ends the sentence: "the U.S. They met" but not "U.S. President". */
  if (!g_unichar_islower (f.next_char) && starter_at (s, f.next))
    {
      if (known || letters->len == 1)
        emit (s, j);
    }

  return j;
}

/* Decides whether the terminator run at @i ends a sentence.  Returns the
 * position to continue scanning from. */
static gsize
handle_terminator (Splitter *s,
                   gsize     i)
{
  gsize term_end = i;
  gsize close_end;
  guint n_periods = 0;
  gboolean strong = FALSE;
  gboolean pending_quote = FALSE;
  gboolean quote_state;
  gboolean boundary = FALSE;
  gunichar c;
  Following f;

  while (term_end < s->len && is_terminator (c = char_at (s, term_end)))
    {
      if (c == '.')
        n_periods++;
      else
        strong = TRUE;
      term_end = next_at (s, term_end);
    }

  /* Closing quotes and brackets belong to the sentence, except a quote glued
   * to the next word while no quote is open: that one opens the next
   * sentence ("munitions.”Russia is…"). */
  close_end = term_end;
  quote_state = s->quote_open;
  while (close_end < s->len && is_closer (c = char_at (s, close_end)))
    {
      gsize after = next_at (s, close_end);
      gboolean glued_word = g_unichar_isalpha (char_at (s, after));

      if (c == 0x201D || c == '"')
        {
          if (!quote_state && glued_word)
            {
              pending_quote = TRUE;
              break;
            }
          quote_state = FALSE;
        }
      else if ((c == 0x2019 || c == '\'') && glued_word)
        {
          pending_quote = TRUE;
          break;
        }
      close_end = after;
    }

  if (pending_quote)
    {
      f.next = close_end;
      f.spaced = FALSE;
      f.next_char = char_at (s, next_at (s, close_end));
    }
  else
    {
      f = following_at (s, close_end);
    }

  if (f.next_char == 0)
    {
      boundary = TRUE;
    }
  else if (pending_quote)
    {
      boundary = g_unichar_isupper (f.next_char);
    }
  else if (strong || n_periods > 1)
    {
      /* ! ? … and "...": anything but a lower-case continuation. */
      if (f.spaced)
        boundary = (!g_unichar_islower (f.next_char) && !g_unichar_ispunct (f.next_char))
                   || is_opener (f.next_char);
      else
        boundary = g_unichar_isupper (f.next_char) || is_opener (f.next_char);
    }
  else
    {
      gsize word_start;
      g_autofree char *word = word_before (s, i, &word_start);
      gunichar last = char_before (s, i);
      const char *kind = g_hash_table_lookup (s->lex->abbreviations, word);
      gboolean upper_next = g_unichar_isupper (f.next_char);
      gunichar first = char_at (s, word_start);

      /* A title is written with a capital ("Gen."); "no." is a word. */
      if (kind != NULL && g_strcmp0 (kind, "title") == 0 && !g_unichar_isupper (first))
        kind = NULL;

      if (kind != NULL && g_unichar_isalpha (last))
        {
          /* "promoted to Gen. The next day": a title ends a sentence only
           * before a sentence starter. */
          if (g_strcmp0 (kind, "title") == 0)
            boundary = starter_at (s, f.next) && f.spaced;
          else
            boundary = starter_at (s, f.next);
        }
      else if (g_unichar_isdigit (last))
        {
          /* "3.5" and "1.2 million" stay; "in 2019. They" and "2020.They" end. */
          boundary = upper_next || (f.spaced && is_opener (f.next_char));
        }
      else if (f.spaced)
        {
          boundary = !g_unichar_islower (f.next_char)
                     && !(g_unichar_ispunct (f.next_char) && !is_opener (f.next_char));
        }
      else
        {
          /* Run-together text: "collapsed.Russian".  A lower-case or digit
           * continuation is a file name, a URL or a number. */
          boundary = upper_next && g_utf8_strlen (word, -1) >= 2;
        }
    }

  if (!boundary)
    return term_end;

  s->quote_open = quote_state;
  emit (s, close_end);
  return close_end;
}

#define MAX_HEADLINE_BYTES 80

/* A single newline after a short line without final punctuation, before a
 * capital or a digit, ends a headline: "Barrier plan approved\nPublished:
 * 2024-03-18".  Hard-wrapped paragraphs have longer lines. */
static gboolean
headline_break_at (const Splitter *s,
                   gsize           i)
{
  gsize line_start = i;
  gsize j = i + 1;
  gunichar last, next;

  while (line_start > s->sentence_start && s->text[line_start - 1] != '\n')
    line_start--;
  if (i - line_start > MAX_HEADLINE_BYTES || i == line_start)
    return FALSE;

  last = char_before (s, i);
  if (!g_unichar_isalnum (last))
    return FALSE;

  /* "The value of the\nIndonesian market": a wrapped line, not a headline. */
  {
    gsize word_start = i;
    g_autofree char *word = NULL;

    while (word_start > line_start && g_ascii_isalnum (s->text[word_start - 1]))
      word_start--;
    word = g_ascii_strdown (s->text + word_start, i - word_start);
    if (g_hash_table_contains (s->lex->function_words, word)
        || g_hash_table_contains (s->lex->starters, word))
      return FALSE;
  }

  while (j < s->len && (s->text[j] == ' ' || s->text[j] == '\t'))
    j++;
  next = char_at (s, j);
  return g_unichar_isupper (next) || g_unichar_isdigit (next);
}

GArray *
brief_split_sentences (const char *text)
{
  Splitter s = { 0, };
  gsize i = 0;

  s.spans = g_array_new (FALSE, FALSE, sizeof (BriefSpan));

  g_return_val_if_fail (text != NULL, s.spans);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_warning ("brief_split_sentences: text is not valid UTF-8");
      return s.spans;
    }

  s.text = text;
  s.len = strlen (text);
  s.lex = splitter_lexicon_get ();

  while (i < s.len)
    {
      gunichar c = char_at (&s, i);
      gunichar before = char_before (&s, i);
      gsize after;

      if (c == '\n' && paragraph_break_at (&s, i, &after))
        {
          emit (&s, i);
          s.sentence_start = after;
          s.quote_open = FALSE;
          i = after;
          continue;
        }

      if (c == '\n' && headline_break_at (&s, i))
        {
          emit (&s, i);
          s.sentence_start = i + 1;
          s.quote_open = FALSE;
          i = i + 1;
          continue;
        }

      if (c == 0x201C)
        {
          s.quote_open = TRUE;
        }
      else if (c == 0x201D || c == '"')
        {
          /* A closing mark used as an opening one: "…munitions.”Russia". */
          gboolean opens = !g_unichar_isalnum (before)
                           && g_unichar_isalpha (char_at (&s, next_at (&s, i)));

          if (c == '"')
            s.quote_open = !s.quote_open;
          else
            s.quote_open = opens ? TRUE : FALSE;
        }
      else if (g_unichar_isalpha (c)
               && !g_unichar_isalnum (before)
               && char_at (&s, next_at (&s, i)) == '.')
        {
          i = handle_run (&s, i);
          continue;
        }
      else if (is_terminator (c))
        {
          i = handle_terminator (&s, i);
          continue;
        }

      i = next_at (&s, i);
    }

  emit (&s, s.len);

  return s.spans;
}
