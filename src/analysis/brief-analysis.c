/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-analysis"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "brief-analysis.h"
#include "brief-word-list-private.h"

#define MAX_TITLE_WORDS 10

struct _BriefAnalysis
{
  GObject            parent_instance;

  char              *text;
  char              *dct;
  BriefDocumentKind  kind;
  GArray            *sentences;  /* BriefSpan */
  GArray            *sentence_offsets;  /* gsize pairs: code point start, end */
  GPtrArray         *timexes;    /* BriefTimex */
  GPtrArray         *mentions;   /* BriefMention */
  GPtrArray         *derived;    /* BriefMention */
};

G_DEFINE_FINAL_TYPE (BriefAnalysis, brief_analysis, G_TYPE_OBJECT)

/* ------------------------------------------------------------------------ */
/* Mentions                                                                  */

BriefMention *
brief_mention_copy (const BriefMention *mention)
{
  BriefMention *copy;

  g_return_val_if_fail (mention != NULL, NULL);

  copy = g_new0 (BriefMention, 1);
  *copy = *mention;
  copy->title = g_strdup (mention->title);
  copy->sentence = g_strdup (mention->sentence);
  copy->offset = g_strdup (mention->offset);
  copy->value = g_strdup (mention->value);

  return copy;
}

void
brief_mention_free (BriefMention *mention)
{
  if (mention == NULL)
    return;

  g_free (mention->title);
  g_free (mention->sentence);
  g_free (mention->offset);
  g_free (mention->value);
  g_free (mention);
}

/* ------------------------------------------------------------------------ */
/* Titles                                                                    */

/* Word lists for titles, read once. */
typedef struct
{
  GHashTable *openers;      /* word → "" | "lower" */
  GHashTable *strip;        /* word → flags ("lead", "trail") */
  GHashTable *date_context; /* word → "" | "year" | "determiner" */
  GHashTable *verbs;        /* word → "": clause starts without a subject */
} TitleLexicon;

static const TitleLexicon *
title_lexicon_get (void)
{
  static TitleLexicon lexicon;
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      g_autoptr(GPtrArray) lines = _brief_word_list_load ("title-strip-words.txt");

      lexicon.openers = _brief_word_list_load_set ("clause-openers.txt");
      lexicon.date_context = _brief_word_list_load_set ("date-context.txt");
      lexicon.verbs = _brief_word_list_load_set ("clause-verbs.txt");
      lexicon.strip = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < lines->len; i++)
        {
          GStrv fields = g_ptr_array_index (lines, i);
          guint flags = 0;

          for (guint j = 1; fields[j] != NULL; j++)
            {
              if (strcmp (fields[j], "lead") == 0)
                flags |= 1;
              else if (strcmp (fields[j], "trail") == 0)
                flags |= 2;
            }
          g_hash_table_replace (lexicon.strip, _brief_word_fold (fields[0], -1),
                                GUINT_TO_POINTER (flags));
        }
      g_once_init_leave (&initialised, 1);
    }

  return &lexicon;
}

#define STRIP_LEAD  1
#define STRIP_TRAIL 2

typedef struct
{
  gsize     start;        /* bytes into the text */
  gsize     end;
  char     *fold;
  gboolean  break_after;  /* a comma, a colon, a dash or a bracket follows */
  gboolean  opener;       /* opens a clause ("since", "and asked") */
  gboolean  weak_opener;  /* "and", "but": only ends a clause */
  gboolean  date;         /* part of a date, or its "in"/"since" */
  gboolean  upper;
} Word;

static void
word_clear (Word *w)
{
  g_free (w->fold);
}

static gboolean
is_edge_punct (gunichar c)
{
  return g_unichar_ispunct (c) && c != '$' && c != '%' && c != '&';
}

static gboolean
is_clause_punct (gunichar c)
{
  /* Not the period: inside a sentence it ends "Nov." or "Dr.". */
  return c == ',' || c == ';' || c == ':' || c == '(' || c == ')'
         || c == 0x2013 || c == 0x2014;
}

static gboolean
is_separator (gunichar c)
{
  /* Em and en dashes separate words even when glued ("Korea—North"). */
  return g_unichar_isspace (c) || c == 0x2013 || c == 0x2014;
}

/* Splits @text[@start, @end) into words, trimming quotes and punctuation
 * from their edges; a comma, a dash or a bracket ends a clause. */
static GArray *
split_words (const char *text,
             gsize       start,
             gsize       end)
{
  GArray *words = g_array_new (FALSE, TRUE, sizeof (Word));
  gsize i = start;

  g_array_set_clear_func (words, (GDestroyNotify) word_clear);

  while (i < end)
    {
      gsize chunk_start, chunk_end, core_start, core_end;
      gboolean brk = FALSE;
      Word w = { 0, };

      while (i < end && is_separator (g_utf8_get_char (text + i)))
        {
          gunichar c = g_utf8_get_char (text + i);

          if (c == 0x2013 || c == 0x2014)
            {
              if (words->len > 0)
                g_array_index (words, Word, words->len - 1).break_after = TRUE;
            }
          i = g_utf8_next_char (text + i) - text;
        }
      if (i >= end)
        break;

      chunk_start = i;
      while (i < end && !is_separator (g_utf8_get_char (text + i)))
        i = g_utf8_next_char (text + i) - text;
      chunk_end = i;

      core_start = chunk_start;
      while (core_start < chunk_end && is_edge_punct (g_utf8_get_char (text + core_start)))
        {
          if (g_utf8_get_char (text + core_start) == '(' && words->len > 0)
            g_array_index (words, Word, words->len - 1).break_after = TRUE;
          core_start = g_utf8_next_char (text + core_start) - text;
        }

      core_end = chunk_end;
      while (core_end > core_start)
        {
          const char *prev = g_utf8_prev_char (text + core_end);
          gunichar c = g_utf8_get_char (prev);

          if (!is_edge_punct (c))
            break;
          /* Inside the sentence a period ends "Mr." or "U.S.": keep it. */
          if (c == '.' && chunk_end < end)
            break;
          if (is_clause_punct (c))
            brk = TRUE;
          core_end = prev - text;
        }

      if (core_end <= core_start)
        {
          if (brk && words->len > 0)
            g_array_index (words, Word, words->len - 1).break_after = TRUE;
          continue;
        }

      w.start = core_start;
      w.end = core_end;
      w.fold = _brief_word_fold (text + core_start, core_end - core_start);
      w.break_after = brk;
      w.upper = g_unichar_isupper (g_utf8_get_char (text + core_start));
      g_array_append_val (words, w);
    }

  return words;
}

static gboolean
word_overlaps (const Word       *w,
               const BriefTimex *timex)
{
  return w->start < timex->byte_end && timex->byte_start < w->end;
}

/* Marks the words of the dates in the sentence, and the "in", "since"... just
 * before each; marks the clause openers. */
static void
mark_words (GArray             *words,
            GPtrArray          *timexes,
            const TitleLexicon *lex)
{
  for (guint i = 0; i < words->len; i++)
    {
      Word *w = &g_array_index (words, Word, i);
      const char *kind = g_hash_table_lookup (lex->openers, w->fold);

      if (kind != NULL && i > 0)
        {
          Word *next = i + 1 < words->len ? &g_array_index (words, Word, i + 1) : NULL;

          w->weak_opener = strcmp (kind, "lower") == 0;
          w->opener = !w->weak_opener || (next != NULL && !next->upper);
        }

      for (guint t = 0; t < timexes->len; t++)
        {
          const BriefTimex *timex = g_ptr_array_index (timexes, t);

          if (!word_overlaps (w, timex))
            continue;

          w->date = TRUE;
          if (i > 0)
            {
              Word *prev = &g_array_index (words, Word, i - 1);
              const char *context = g_hash_table_lookup (lex->date_context, prev->fold);

              /* "in", "since", "for"; not "the" of "the 1991 collapse". */
              if (!prev->date && !prev->break_after
                  && context != NULL && strcmp (context, "determiner") != 0
                  && prev->end <= timex->byte_start)
                prev->date = TRUE;
            }
        }
    }
}

/* Builds a title from words [@from, @to) that are not dates; returns NULL
 * when fewer than @min_words remain. */
static char *
title_from_words (const char         *text,
                  GArray             *words,
                  guint               from,
                  guint               to,
                  guint               min_words,
                  guint               subject_end,
                  const TitleLexicon *lex)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GString) title = g_string_new (NULL);
  guint lead = 0;

  for (guint i = from; i < to; i++)
    {
      Word *w = &g_array_index (words, Word, i);

      if (!w->date)
        g_ptr_array_add (kept, w);
    }

  /* Relative pronouns and the like go: "who were invited…". */
  while (kept->len > 0)
    {
      Word *w = g_ptr_array_index (kept, 0);
      guint flags = GPOINTER_TO_UINT (g_hash_table_lookup (lex->strip, w->fold));

      if (!(flags & STRIP_LEAD))
        break;
      g_ptr_array_remove_index (kept, 0);
    }

  /* A clause that starts with its verb ("Diana de Cardenas, 33, | was born
   * in Cuba in 1984") borrows the sentence's opening words as its subject
   * when they are few. */
  if (kept->len > 0 && subject_end > 0 && subject_end <= 5 && from >= subject_end
      && g_hash_table_contains (lex->verbs, ((Word *) g_ptr_array_index (kept, 0))->fold))
    {
      for (guint i = subject_end; i > 0; i--)
        {
          Word *w = &g_array_index (words, Word, i - 1);

          if (!w->date)
            g_ptr_array_insert (kept, 0, w);
        }
    }

  /* Leading discourse words and subordinators: "But since North Korea…". */
  while (lead < kept->len)
    {
      Word *w = g_ptr_array_index (kept, lead);
      guint flags = GPOINTER_TO_UINT (g_hash_table_lookup (lex->strip, w->fold));

      if (!(flags & STRIP_LEAD))
        break;
      lead++;
    }
  if (lead > 0)
    g_ptr_array_remove_range (kept, 0, lead);

  if (kept->len > MAX_TITLE_WORDS)
    g_ptr_array_set_size (kept, MAX_TITLE_WORDS);

  while (kept->len > 0)
    {
      Word *w = g_ptr_array_index (kept, kept->len - 1);
      guint flags = GPOINTER_TO_UINT (g_hash_table_lookup (lex->strip, w->fold));

      if (!(flags & STRIP_TRAIL))
        break;
      g_ptr_array_set_size (kept, kept->len - 1);
    }

  if (kept->len < min_words)
    return NULL;

  for (guint i = 0; i < kept->len; i++)
    {
      Word *w = g_ptr_array_index (kept, i);

      if (i > 0)
        g_string_append_c (title, ' ');
      if (i == 0)
        {
          gunichar c = g_utf8_get_char (text + w->start);
          const char *rest = g_utf8_next_char (text + w->start);

          g_string_append_unichar (title, g_unichar_totitle (c));
          g_string_append_len (title, rest, text + w->end - rest);
        }
      else
        {
          g_string_append_len (title, text + w->start, w->end - w->start);
        }
    }

  return g_string_free (g_steal_pointer (&title), FALSE);
}

/* A short headline-style title for the date @timex in the sentence
 * [@sentence_start, @sentence_end): the clause that holds the date, without
 * the date, its preposition and leading discourse words, at most
 * MAX_TITLE_WORDS words.  "… since North Korea closed its borders in January
 * 2020." gives "North Korea closed its borders".  Never empty. */
static char *
make_title (const char       *text,
            gsize             sentence_start,
            gsize             sentence_end,
            const BriefTimex *timex,
            GPtrArray        *sentence_timexes)
{
  const TitleLexicon *lex = title_lexicon_get ();
  g_autoptr(GArray) words = split_words (text, sentence_start, sentence_end);
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) weak = g_array_new (FALSE, FALSE, sizeof (gboolean));
  const guint zero = 0;
  const gboolean no = FALSE;
  guint date_word = 0;
  char *title;

  mark_words (words, sentence_timexes, lex);

  /* Clause bounds: before an opener, after a comma or a dash.  A weak opener
   * ("and asked") ends the clause of a date before it but does not start
   * one: "Kim visited Moscow in 2019 and returned in 2021" titles 2021 as
   * "Kim visited Moscow and returned". */
  g_array_append_val (bounds, zero);
  g_array_append_val (weak, no);
  for (guint i = 0; i < words->len; i++)
    {
      Word *w = &g_array_index (words, Word, i);

      if (w->opener && i > g_array_index (bounds, guint, bounds->len - 1))
        {
          gboolean is_weak = w->weak_opener;

          g_array_append_val (bounds, i);
          g_array_append_val (weak, is_weak);
        }
      if (w->break_after && i + 1 < words->len)
        {
          guint b = i + 1;

          g_array_append_val (bounds, b);
          g_array_append_val (weak, no);
        }
    }
  g_array_append_val (bounds, words->len);
  g_array_append_val (weak, no);

  for (guint i = 0; i < words->len; i++)
    if (word_overlaps (&g_array_index (words, Word, i), timex))
      {
        date_word = i;
        break;
      }

  /* [start, end): from the last strong bound at or before the date to the
   * first bound after it. */
  {
    guint start = 0, end = words->len, prev_start = 0;
    /* The sentence's first clause, a possible subject: "Kopp, who…". */
    guint subject_end = bounds->len > 1 ? g_array_index (bounds, guint, 1) : 0;
    guint start_index = 0;

    for (guint b = 0; b < bounds->len; b++)
      {
        guint at = g_array_index (bounds, guint, b);

        if (at <= date_word && !g_array_index (weak, gboolean, b))
          {
            start = at;
            start_index = b;
          }
        if (at > date_word)
          {
            end = at;
            break;
          }
      }
    for (guint b = 0; b < start_index; b++)
      if (!g_array_index (weak, gboolean, b))
        prev_start = g_array_index (bounds, guint, b);

    /* The date's clause, else the clause before it ("prices rose | since
     * 2010"), else the ones after ("In July, | however, | Shoigu
     * traveled"). */
    title = title_from_words (text, words, start, end, 2, subject_end, lex);
    if (title == NULL && start > 0)
      title = title_from_words (text, words, prev_start, start, 2, subject_end, lex);
    for (guint b = 0; title == NULL && b + 1 < bounds->len; b++)
      {
        guint from = g_array_index (bounds, guint, b);
        guint to = g_array_index (bounds, guint, b + 1);

        if (from >= end && to > from)
          title = title_from_words (text, words, from, to, 2, subject_end, lex);
      }
    if (title != NULL)
      return title;
  }

  /* The first words of the sentence. */
  title = title_from_words (text, words, 0, words->len, 1, 0, lex);
  if (title != NULL)
    return title;

  return g_strdup (timex->text);
}

/* ------------------------------------------------------------------------ */
/* The analysis                                                              */

static void
brief_analysis_finalize (GObject *object)
{
  BriefAnalysis *self = (BriefAnalysis *) object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->dct, g_free);
  g_clear_pointer (&self->sentences, g_array_unref);
  g_clear_pointer (&self->sentence_offsets, g_array_unref);
  g_clear_pointer (&self->timexes, g_ptr_array_unref);
  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  g_clear_pointer (&self->derived, g_ptr_array_unref);

  G_OBJECT_CLASS (brief_analysis_parent_class)->finalize (object);
}

static void
brief_analysis_class_init (BriefAnalysisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = brief_analysis_finalize;
}

static void
brief_analysis_init (BriefAnalysis *self)
{
  self->sentences = g_array_new (FALSE, FALSE, sizeof (BriefSpan));
  self->sentence_offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->timexes = g_ptr_array_new_with_free_func ((GDestroyNotify) brief_timex_free);
  self->mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) brief_mention_free);
  self->derived = g_ptr_array_new_with_free_func ((GDestroyNotify) brief_mention_free);
}

/* The sentence holding @byte, by bisection; G_MAXUINT when none does. */
static guint
find_sentence (GArray *sentences,
               gsize   byte)
{
  guint lo = 0;
  guint hi = sentences->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const BriefSpan *span = &g_array_index (sentences, BriefSpan, mid);

      if (byte < span->byte_start)
        hi = mid;
      else if (byte >= span->byte_end)
        lo = mid + 1;
      else
        return mid;
    }

  return G_MAXUINT;
}

static void
compute_sentence_offsets (BriefAnalysis *self)
{
  const char *p = self->text;
  gsize cp = 0;

  g_array_set_size (self->sentence_offsets, 0);
  for (guint i = 0; i < self->sentences->len; i++)
    {
      const BriefSpan *span = &g_array_index (self->sentences, BriefSpan, i);
      gsize start, end;

      cp += g_utf8_strlen (p, self->text + span->byte_start - p);
      p = self->text + span->byte_start;
      start = cp;
      cp += g_utf8_strlen (p, self->text + span->byte_end - p);
      p = self->text + span->byte_end;
      end = cp;

      g_array_append_val (self->sentence_offsets, start);
      g_array_append_val (self->sentence_offsets, end);
    }
}

static void
build_mentions (BriefAnalysis *self)
{
  for (guint i = 0; i < self->timexes->len; i++)
    {
      const BriefTimex *timex = g_ptr_array_index (self->timexes, i);
      g_autoptr(GPtrArray) siblings = g_ptr_array_new ();
      BriefMention *mention;
      gsize s_start, s_end, cp_start, cp_end;
      guint s;

      if (timex->type != BRIEF_TIMEX_DATE
          || !(brief_timex_is_calendar (timex) || brief_timex_is_underspecified (timex)))
        continue;

      s = find_sentence (self->sentences, timex->byte_start);
      if (s != G_MAXUINT)
        {
          const BriefSpan *span = &g_array_index (self->sentences, BriefSpan, s);

          s_start = span->byte_start;
          s_end = MAX (span->byte_end, timex->byte_end);
          cp_start = g_array_index (self->sentence_offsets, gsize, 2 * s);
          cp_end = g_array_index (self->sentence_offsets, gsize, 2 * s + 1);
          if (s_end > span->byte_end)
            cp_end = timex->end;
        }
      else
        {
          s_start = timex->byte_start;
          s_end = timex->byte_end;
          cp_start = timex->start;
          cp_end = timex->end;
        }

      for (guint j = 0; j < self->timexes->len; j++)
        {
          BriefTimex *other = g_ptr_array_index (self->timexes, j);

          if (other->byte_start >= s_start && other->byte_end <= s_end)
            g_ptr_array_add (siblings, other);
        }

      mention = g_new0 (BriefMention, 1);
      mention->derived_from = -1;
      mention->timex_index = i;
      mention->sentence = g_strndup (self->text + s_start, s_end - s_start);
      mention->start = cp_start;
      mention->end = cp_end;
      mention->title = make_title (self->text, s_start, s_end, timex, siblings);
      g_ptr_array_add (self->mentions, mention);
    }
}


/* ------------------------------------------------------------------------ */
/* Derived dates                                                             */

/* "2019-04" → 2019-04-01 with month precision (1 day, 2 month, 3 year). */
static int
parse_calendar (const char *value,
                GDate      *date)
{
  int y = 0, mo = 1, d = 1;
  int n = sscanf (value, "%4d-%2d-%2d", &y, &mo, &d);

  if (n < 1 || y < 1000 || strlen (value) < 4 || !g_ascii_isdigit (value[3])
      || (n >= 2 && (strlen (value) < 7 || !g_ascii_isdigit (value[6]))))
    return 0;
  if (n == 1)
    mo = d = 1;
  if (!g_date_valid_dmy (d, mo, y))
    return 0;
  g_date_set_dmy (date, d, mo, y);
  return n == 3 ? 1 : n == 2 ? 2 : 3;
}

/* The date @sign * @duration ("P2M", "P3Y", "P10D", "P2W") from @anchor,
 * at the coarser precision of the two. */
static char *
shift_value (const char *anchor,
             const char *duration,
             int         sign)
{
  GDate date;
  int precision = parse_calendar (anchor, &date);
  char *end = NULL;
  gint64 n;
  int unit_precision;

  if (precision == 0 || duration == NULL || duration[0] != 'P' || !g_ascii_isdigit (duration[1]))
    return NULL;
  n = g_ascii_strtoll (duration + 1, &end, 10);
  if (n <= 0 || n > 1000 || end == NULL || end[1] != '\0')
    return NULL;

  switch (*end)
    {
    case 'D':
      sign > 0 ? g_date_add_days (&date, n) : g_date_subtract_days (&date, n);
      unit_precision = 1;
      break;
    case 'W':
      sign > 0 ? g_date_add_days (&date, 7 * n) : g_date_subtract_days (&date, 7 * n);
      unit_precision = 1;
      break;
    case 'M':
      sign > 0 ? g_date_add_months (&date, n) : g_date_subtract_months (&date, n);
      unit_precision = 2;
      break;
    case 'Y':
      sign > 0 ? g_date_add_years (&date, n) : g_date_subtract_years (&date, n);
      unit_precision = 3;
      break;
    default:
      return NULL;
    }

  switch (MAX (precision, unit_precision))
    {
    case 1:
      return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                              g_date_get_month (&date), g_date_get_day (&date));
    case 2:
      return g_strdup_printf ("%04d-%02d", g_date_get_year (&date), g_date_get_month (&date));
    default:
      return g_strdup_printf ("%04d", g_date_get_year (&date));
    }
}

/* The word right after @byte ("after", "before"), or 0 when none; *@next
 * is set to the byte after it. */
static int
relation_after (const char *text,
                gsize       byte,
                gsize      *next)
{
  const char *p = text + byte;

  while (*p == ' ')
    p++;
  if (strncmp (p, "after ", 6) == 0)
    {
      *next = p + 6 - text;
      return 1;
    }
  if (strncmp (p, "before ", 7) == 0)
    {
      *next = p + 7 - text;
      return -1;
    }
  return 0;
}

/* A title for the event in [@start, @end): its first clause, at most
 * MAX_TITLE_WORDS words, capitalised, without final punctuation. */
static char *
event_title (const char *text,
             gsize       start,
             gsize       end)
{
  g_autoptr(GArray) words = split_words (text, start, end);
  g_autoptr(GString) title = g_string_new (NULL);

  for (guint i = 0; i < words->len && i < MAX_TITLE_WORDS; i++)
    {
      const Word *w = &g_array_index (words, Word, i);
      gsize len = w->end - w->start;

      if (i > 0)
        g_string_append_c (title, ' ');
      g_string_append_len (title, text + w->start, len);
      if (w->break_after)
        break;
    }

  while (title->len > 0 && strchr (".,;:!?", title->str[title->len - 1]) != NULL)
    g_string_truncate (title, title->len - 1);
  if (title->len == 0)
    return NULL;
  if (g_ascii_islower (title->str[0]))
    title->str[0] = g_ascii_toupper (title->str[0]);

  return g_string_free (g_steal_pointer (&title), FALSE);
}

/* "They met in April 2019, two months after the talks collapsed": the
 * collapse is dated April 2019 minus two months. */
static void
build_derived (BriefAnalysis *self)
{
  for (guint i = 0; i < self->timexes->len; i++)
    {
      const BriefTimex *duration = g_ptr_array_index (self->timexes, i);
      const BriefSpan *span;
      BriefMention *mention;
      g_autofree char *value = NULL;
      char *title;
      gsize event_start = 0;
      int sign, anchor = -1;
      guint s;

      if (duration->type != BRIEF_TIMEX_DURATION
          || (sign = relation_after (self->text, duration->byte_end, &event_start)) == 0)
        continue;
      s = find_sentence (self->sentences, duration->byte_start);
      if (s == G_MAXUINT)
        continue;
      span = &g_array_index (self->sentences, BriefSpan, s);

      /* The nearest calendar date before it in the sentence. */
      for (guint j = i; j-- > 0;)
        {
          const BriefTimex *t = g_ptr_array_index (self->timexes, j);

          if (t->byte_start < span->byte_start)
            break;
          if (brief_timex_is_calendar (t))
            {
              anchor = j;
              break;
            }
        }
      if (anchor < 0)
        continue;

      /* "after" X: X is before the anchor. */
      value = shift_value (((BriefTimex *) g_ptr_array_index (self->timexes, anchor))->value,
                           duration->value, -sign);
      title = event_title (self->text, event_start, MAX (span->byte_end, event_start));
      if (value == NULL || title == NULL)
        {
          g_free (title);
          continue;
        }

      mention = g_new0 (BriefMention, 1);
      mention->timex_index = i;
      mention->derived_from = anchor;
      mention->offset = g_strdup_printf ("%s%s", sign > 0 ? "-" : "+", duration->value);
      mention->value = g_steal_pointer (&value);
      mention->title = title;
      mention->sentence = g_strndup (self->text + span->byte_start,
                                     span->byte_end - span->byte_start);
      mention->start = g_array_index (self->sentence_offsets, gsize, 2 * s);
      mention->end = g_array_index (self->sentence_offsets, gsize, 2 * s + 1);
      g_ptr_array_add (self->derived, mention);
    }
}

BriefAnalysis *
brief_analysis_run (BriefDateTagger   *tagger,
                    const char        *text,
                    const char        *dct,
                    BriefDocumentKind  kind)
{
  g_autoptr(BriefDateTagger) own_tagger = NULL;
  g_autoptr(GPtrArray) timexes = NULL;
  BriefAnalysis *self;

  g_return_val_if_fail (tagger == NULL || BRIEF_IS_DATE_TAGGER (tagger), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (BRIEF_TYPE_ANALYSIS, NULL);
  self->dct = g_strdup (dct);
  self->kind = kind;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_warning ("brief_analysis_run: text is not valid UTF-8");
      self->text = g_strdup ("");
      return self;
    }

  self->text = g_strdup (text);

  if (tagger == NULL)
    tagger = own_tagger = brief_date_tagger_new ();

  g_array_unref (self->sentences);
  self->sentences = brief_split_sentences (self->text);
  compute_sentence_offsets (self);

  timexes = brief_date_tagger_find_in_sentences (tagger, self->text, self->sentences, dct, kind);
  g_ptr_array_extend_and_steal (self->timexes, g_steal_pointer (&timexes));

  build_mentions (self);
  build_derived (self);

  return self;
}

const char *
brief_analysis_get_text (BriefAnalysis *self)
{
  g_return_val_if_fail (BRIEF_IS_ANALYSIS (self), NULL);

  return self->text;
}

const char *
brief_analysis_get_dct (BriefAnalysis *self)
{
  g_return_val_if_fail (BRIEF_IS_ANALYSIS (self), NULL);

  return self->dct;
}

BriefDocumentKind
brief_analysis_get_kind (BriefAnalysis *self)
{
  g_return_val_if_fail (BRIEF_IS_ANALYSIS (self), BRIEF_DOCUMENT_NEWS);

  return self->kind;
}

GArray *
brief_analysis_get_sentences (BriefAnalysis *self)
{
  g_return_val_if_fail (BRIEF_IS_ANALYSIS (self), NULL);

  return self->sentences;
}

GPtrArray *
brief_analysis_get_timexes (BriefAnalysis *self)
{
  g_return_val_if_fail (BRIEF_IS_ANALYSIS (self), NULL);

  return self->timexes;
}

GPtrArray *
brief_analysis_get_mentions (BriefAnalysis *self)
{
  g_return_val_if_fail (BRIEF_IS_ANALYSIS (self), NULL);

  return self->mentions;
}

GPtrArray *
brief_analysis_get_derived (BriefAnalysis *self)
{
  g_return_val_if_fail (BRIEF_IS_ANALYSIS (self), NULL);

  return self->derived;
}
