/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-analysis"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "brief-analysis.h"
#include "brief-facts-private.h"
#include "brief-word-list-private.h"

#define MAX_TITLE_WORDS 10
/* A sentence's first clause lends its words to a later clause without a
 * subject when it is no longer: "The first section of the wall, | which…, |
 * was unveiled". */
#define MAX_SUBJECT_WORDS 7

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
  GPtrArray         *entities;   /* BriefEntity */
  GArray            *entity_mentions;  /* BriefEntityMention */
  GPtrArray         *quotes;     /* BriefQuote */
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
  copy->actors = g_strdupv (mention->actors);
  copy->place = g_strdup (mention->place);

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
  g_strfreev (mention->actors);
  g_free (mention->place);
  g_free (mention);
}

const char *
brief_mention_get_value (const BriefMention *mention,
                         GPtrArray          *timexes)
{
  g_return_val_if_fail (mention != NULL, NULL);
  g_return_val_if_fail (timexes != NULL && mention->timex_index < timexes->len, NULL);

  if (mention->value != NULL)
    return mention->value;
  return ((BriefTimex *) g_ptr_array_index (timexes, mention->timex_index))->value;
}

/* ------------------------------------------------------------------------ */
/* Titles                                                                    */

#define STRIP_LEAD  1
#define STRIP_TRAIL 2
#define STRIP_PREP  4   /* opens a phrase before the subject */
#define STRIP_DROP  8   /* goes wherever it stands: "Inc." */

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

          char *fold = _brief_word_fold (fields[0], -1);

          for (guint j = 1; fields[j] != NULL; j++)
            {
              if (strcmp (fields[j], "lead") == 0)
                flags |= STRIP_LEAD;
              else if (strcmp (fields[j], "trail") == 0)
                flags |= STRIP_TRAIL;
              else if (strcmp (fields[j], "prep") == 0)
                flags |= STRIP_PREP;
              else if (strcmp (fields[j], "drop") == 0)
                flags |= STRIP_DROP;
            }
          /* A word may have several lines. */
          flags |= GPOINTER_TO_UINT (g_hash_table_lookup (lexicon.strip, fold));
          g_hash_table_replace (lexicon.strip, fold, GUINT_TO_POINTER (flags));
        }
      g_once_init_leave (&initialised, 1);
    }

  return &lexicon;
}

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
  /* For ASCII the same answer as g_unichar_ispunct(), without its tables. */
  if (c < 0x80)
    return g_ascii_ispunct (c) && c != '$' && c != '%' && c != '&';
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
  if (c < 0x80)
    return g_ascii_isspace (c);
  /* Em and en dashes separate words even when glued ("Korea—North"). */
  return g_unichar_isspace (c) || c == 0x2013 || c == 0x2014;
}

static inline gunichar
char_at (const char *p)
{
  return (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);
}

/* _brief_word_fold() of @len bytes at @word, quicker for ASCII words (the
 * same result: lower case). */
static char *
fold_word (const char *word,
           gsize       len)
{
  char *fold;

  for (gsize i = 0; i < len; i++)
    if ((guchar) word[i] >= 0x80)
      return _brief_word_fold (word, len);

  fold = g_malloc (len + 1);
  for (gsize i = 0; i < len; i++)
    fold[i] = word[i] >= 'A' && word[i] <= 'Z' ? word[i] + ('a' - 'A') : word[i];
  fold[len] = '\0';
  return fold;
}

/* Splits @text[@start, @end) into words, trimming quotes and punctuation
 * from their edges; a comma, a dash or a bracket ends a clause. */
static GArray *
split_words (const char *text,
             gsize       start,
             gsize       end)
{
  GArray *words = g_array_sized_new (FALSE, TRUE, sizeof (Word), (end - start) / 5 + 4);
  gsize i = start;

  g_array_set_clear_func (words, (GDestroyNotify) word_clear);

  while (i < end)
    {
      gsize chunk_start, chunk_end, core_start, core_end;
      gboolean brk = FALSE;
      Word w = { 0, };

      while (i < end && is_separator (char_at (text + i)))
        {
          gunichar c = char_at (text + i);

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
      while (i < end && !is_separator (char_at (text + i)))
        i = g_utf8_next_char (text + i) - text;
      chunk_end = i;

      core_start = chunk_start;
      while (core_start < chunk_end && is_edge_punct (char_at (text + core_start)))
        {
          if (char_at (text + core_start) == '(' && words->len > 0)
            g_array_index (words, Word, words->len - 1).break_after = TRUE;
          core_start = g_utf8_next_char (text + core_start) - text;
        }

      core_end = chunk_end;
      while (core_end > core_start)
        {
          const char *prev = g_utf8_prev_char (text + core_end);
          gunichar c = char_at (prev);

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
      w.fold = fold_word (text + core_start, core_end - core_start);
      w.break_after = brk;
      w.upper = g_unichar_isupper (char_at (text + core_start));
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

static gboolean
is_determiner (const char *fold)
{
  return strcmp (fold, "the") == 0 || strcmp (fold, "a") == 0 || strcmp (fold, "an") == 0;
}

/* A clause that starts with its verb: "was born", "died", "stepped down". */
static gboolean
starts_without_subject (const Word         *w,
                        const TitleLexicon *lex)
{
  const BriefFactsLexicon *facts = _brief_facts_lexicon_get ();
  g_autofree char *present = NULL;

  if (w->upper)
    return FALSE;
  if (g_hash_table_contains (lex->verbs, w->fold) || g_hash_table_contains (facts->past_forms, w->fold))
    return TRUE;
  return g_str_has_suffix (w->fold, "ed") && (present = _brief_present_tense (w->fold, FALSE)) != NULL;
}

static gboolean
is_subject_word (const Word *w)
{
  static const char *const subjects[] = {
    "the", "a", "an", "this", "his", "her", "its", "their", "he", "she", "it", "they", "we",
    "i", "you",
  };

  if (w->upper)
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (subjects); i++)
    if (strcmp (w->fold, subjects[i]) == 0)
      return TRUE;
  return FALSE;
}

/* When the clause at @from opens with "who", "which" or a relative "that",
 * the noun it stands for, just before, as the words [start, *@stop): "the
 * Federal Bureau of Investigation, | which…" → "Federal Bureau of
 * Investigation"; "a trial | that began" → "trial"; "a petition signed by
 * 3,000 people, | which was handed…" → "petition".  Else @from. */
static guint
relative_antecedent (GArray *words,
                     guint   from,
                     guint  *stop)
{
  const char *fold = g_array_index (words, Word, from).fold;
  guint i = from;

  *stop = from;
  if (from == 0 || (strcmp (fold, "who") != 0 && strcmp (fold, "which") != 0
                    && strcmp (fold, "that") != 0))
    return from;
  /* "said | that the crossing had lost…": "that" before a subject joins a
   * clause, it stands for nothing. */
  if (strcmp (fold, "that") == 0
      && (from + 1 >= words->len || is_subject_word (&g_array_index (words, Word, from + 1))))
    return from;

  if (g_array_index (words, Word, from - 1).upper)
    {
      /* A name, with its "of" and "for": back to a break or a lower word. */
      while (i > 0)
        {
          const Word *w = &g_array_index (words, Word, i - 1);

          if (i < from && w->break_after)
            break;
          if (!w->upper && !(i < from && i > 1 && g_array_index (words, Word, i - 2).upper
                             && (strcmp (w->fold, "of") == 0 || strcmp (w->fold, "for") == 0)))
            break;
          i--;
        }
      return i;
    }

  /* A common noun: the words after its article, up to a participle or a
   * preposition ("petition | signed by"), eight words back at most. */
  for (guint n = 0; n < 8 && i > 0; n++)
    {
      const Word *w = &g_array_index (words, Word, i - 1);

      if ((i < from && w->break_after) || w->date)
        return from;
      if (is_determiner (w->fold))
        {
          const BriefFactsLexicon *facts = _brief_facts_lexicon_get ();
          guint end = i;

          while (end < from && end < i + 3)
            {
              const Word *u = &g_array_index (words, Word, end);

              if (end > i && (g_str_has_suffix (u->fold, "ed")
                              || g_hash_table_contains (facts->past_forms, u->fold)
                              || g_hash_table_contains (facts->function_words, u->fold)))
                break;
              end++;
              if (u->break_after)
                break;
            }
          *stop = end;
          return end > i ? i : from;
        }
      i--;
    }
  return from;
}

static gboolean
is_auxiliary (const char *fold)
{
  static const char *const auxiliaries[] = {
    "had", "has", "have", "was", "were", "is", "are", "will", "would", "could", "can", "may",
    "might",
  };

  for (gsize k = 0; k < G_N_ELEMENTS (auxiliaries); k++)
    if (strcmp (fold, auxiliaries[k]) == 0)
      return TRUE;
  return FALSE;
}

/* "the drought that began in 2021 | had cut harvests": without a comma
 * to end it, a relative clause ends before the next auxiliary. */
static void
end_relative_clause (GPtrArray *kept)
{
  gboolean verb = FALSE;

  for (guint i = 1; i < kept->len; i++)
    {
      const Word *w = g_ptr_array_index (kept, i);
      gboolean aux = is_auxiliary (w->fold);

      if (aux && verb)
        {
          g_ptr_array_set_size (kept, i);
          return;
        }
      verb |= !w->upper && (aux || g_str_has_suffix (w->fold, "ed")
                            || g_hash_table_contains (_brief_facts_lexicon_get ()->past_forms, w->fold));
    }
}

/* Whether [@from, @to) is "(first) held in 1970," between commas right
 * after the subject, with more of the sentence to come. */
static gboolean
is_participle_clause (GPtrArray          *kept,
                      GArray             *words,
                      guint               from,
                      guint               to,
                      guint               subject_end,
                      const TitleLexicon *lex)
{
  const Word *first = g_ptr_array_index (kept, 0);
  const Word *verb = first;

  if (from != subject_end || to >= words->len
      || !g_array_index (words, Word, to - 1).break_after)
    return FALSE;
  if ((strcmp (first->fold, "first") == 0 || g_str_has_suffix (first->fold, "ly")) && kept->len > 1)
    verb = g_ptr_array_index (kept, 1);
  return !verb->upper && !g_hash_table_contains (lex->verbs, verb->fold)
         && starts_without_subject (verb, lex);
}

/* Not a date, not "Inc.". */
static gboolean
keeps_word (const Word         *w,
            const TitleLexicon *lex)
{
  return !w->date && !(GPOINTER_TO_UINT (g_hash_table_lookup (lex->strip, w->fold)) & STRIP_DROP);
}

/* The words [@from, @to) that are not dates, without leading discourse
 * words and trailing function words, at most MAX_TITLE_WORDS; NULL when
 * fewer than @min_words remain.  A clause that starts with its verb borrows
 * the sentence's first clause as its subject when it is short. */
static GPtrArray *
title_words (GArray             *words,
             guint               from,
             guint               to,
             guint               min_words,
             guint               subject_end,
             const TitleLexicon *lex,
             const Word        **passive)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  guint lead = 0;

  guint antecedent_end = from;
  guint antecedent = from < to ? relative_antecedent (words, from, &antecedent_end) : from;

  for (guint i = from; i < to; i++)
    {
      Word *w = &g_array_index (words, Word, i);

      if (keeps_word (w, lex))
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

  /* "Hale, who resigned in June 2020, …": Hale resigns. */
  if (kept->len > 0 && antecedent < from)
    {
      for (guint i = antecedent_end < from ? antecedent_end : from; i > antecedent; i--)
        {
          Word *w = &g_array_index (words, Word, i - 1);

          if (keeps_word (w, lex))
            g_ptr_array_insert (kept, 0, w);
        }
      end_relative_clause (kept);
    }
  /* "Diana de Cardenas, 33, | was born in Cuba in 1984"; "Margaret Okafor,
   * the first woman to lead it, | died on Sunday". */
  else if (kept->len > 0 && subject_end > 0 && subject_end <= MAX_SUBJECT_WORDS && from >= subject_end
           && (starts_without_subject (g_ptr_array_index (kept, 0), lex)
               || is_participle_clause (kept, words, from, to, subject_end, lex)))
    {
      /* "The festival, first held in 1970, | draws…": set off by commas
       * right after the subject, a participle is a passive. */
      if (passive != NULL && is_participle_clause (kept, words, from, to, subject_end, lex))
        {
          if (kept->len > 1 && !starts_without_subject (g_ptr_array_index (kept, 0), lex))
            g_ptr_array_remove_index (kept, 0);
          *passive = g_ptr_array_index (kept, 0);
        }
      for (guint i = subject_end; i > 0; i--)
        {
          Word *w = &g_array_index (words, Word, i - 1);

          if (keeps_word (w, lex))
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

  /* Titles and first names go later: the headline is cut to
   * MAX_TITLE_WORDS once written. */
  if (kept->len > 2 * MAX_TITLE_WORDS)
    g_ptr_array_set_size (kept, 2 * MAX_TITLE_WORDS);
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
  return g_steal_pointer (&kept);
}

/* ------------------------------------------------------------------------ */
/* Headlines                                                                 */

/* What make_title() finds: a present-tense title, its actors and place. */
typedef struct
{
  char      *title;
  GPtrArray *actors;     /* entity indices, as pointers + 1 */
  int        place;      /* entity index or -1 */
  gboolean   is_state;
} Headline;

typedef struct
{
  BriefAnalysis           *self;
  const BriefFactsLexicon *facts;
  const char              *text;
  guint                    sentence;
  Headline                *out;
  char                    *base;   /* of the main verb */
  const Word              *passive; /* a participle to write as a passive */
} HeadlineBuilder;

static void
headline_clear (Headline *h)
{
  g_clear_pointer (&h->title, g_free);
  g_clear_pointer (&h->actors, g_ptr_array_unref);
}

static int
word_entity (HeadlineBuilder *b,
             const Word      *w)
{
  return _brief_entity_at (b->self->entity_mentions, w->start, w->end);
}

static const BriefEntity *
entity_get (HeadlineBuilder *b,
            int              e)
{
  return g_ptr_array_index (b->self->entities, e);
}

static void
add_actor (HeadlineBuilder *b,
           int              e)
{
  gpointer p = GINT_TO_POINTER (e + 1);

  if (e >= 0 && !g_ptr_array_find (b->out->actors, p, NULL))
    g_ptr_array_add (b->out->actors, p);
}

static gboolean
is_possessive (const Word *w)
{
  return g_str_has_suffix (w->fold, "’s") || g_str_has_suffix (w->fold, "'s");
}

static gboolean
is_modal (const char *fold)
{
  static const char *const modals[] = {
    "will", "would", "can", "could", "may", "might", "must", "should", "shall",
    "is", "are", "has", "have", "does", "do",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (modals); i++)
    if (strcmp (fold, modals[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_past_form (HeadlineBuilder *b,
              const char      *fold)
{
  return g_hash_table_contains (b->facts->past_forms, fold)
         || (g_str_has_suffix (fold, "ed") && strlen (fold) > 4);
}

/* The index of the main verb (or its auxiliary) in @kept, or -1. */
static int
find_verb (HeadlineBuilder *b,
           GPtrArray       *kept)
{
  for (guint i = 1; i < kept->len; i++)
    {
      const Word *w = g_ptr_array_index (kept, i);
      g_autofree char *present = NULL;

      if (w->upper || w->break_after)
        continue;
      if (is_modal (w->fold) || g_hash_table_contains (b->facts->past_forms, w->fold))
        return i;
      /* Not "glass-topped", "long-awaited": adjectives. */
      if (is_past_form (b, w->fold) && strchr (w->fold, '-') == NULL
          && (present = _brief_present_tense (w->fold, FALSE)) != NULL)
        return i;
    }
  return -1;
}

/* The people named in the @reach sentences before the word @w and in its
 * own, whom the pronoun @w may stand for, nearest first; only the nearest
 * one when @singular. */
static void
people_before (HeadlineBuilder *b,
               const Word      *w,
               gboolean         singular,
               guint            reach,
               GArray          *people)
{
  GArray *mentions = b->self->entity_mentions;

  for (guint m = mentions->len; m-- > 0;)
    {
      const BriefEntityMention *mention = &g_array_index (mentions, BriefEntityMention, m);
      int e = mention->entity;
      gboolean seen = FALSE;

      if (mention->byte_start >= w->start || !_brief_pronoun_fits (w->fold, entity_get (b, e)))
        continue;
      if (singular)
        {
          g_array_append_val (people, e);
          return;
        }
      if (mention->sentence + reach < b->sentence)
        break;
      for (guint k = 0; k < people->len; k++)
        seen |= g_array_index (people, int, k) == e;
      if (!seen)
        g_array_append_val (people, e);
    }
}

/* The people a pronoun stands for: "he" the nearest person named before,
 * "they" the people of the sentence before when there are two or more,
 * else of the one before it ("Boric was greeted by Chinh. The two men met
 * in 2023. They agreed…"). */
static void
resolve_pronoun (HeadlineBuilder *b,
                 const Word      *w,
                 const char      *number,
                 GArray          *people)
{
  gboolean singular = strcmp (number, "singular") == 0;

  people_before (b, w, singular, 1, people);
  if (singular || people->len >= 2)
    return;
  g_array_set_size (people, 0);
  people_before (b, w, FALSE, 2, people);
  if (people->len < 2)
    g_array_set_size (people, 0);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static void
append_names (HeadlineBuilder *b,
              GString         *out,
              GArray          *people,
              const char      *separator)
{
  g_array_sort (people, compare_ints);
  for (guint k = 0; k < people->len; k++)
    {
      g_autofree char *name = _brief_entity_short_name (entity_get (b, g_array_index (people, int, k)));

      if (k > 0)
        g_string_append (out, separator);
      g_string_append (out, name);
      add_actor (b, g_array_index (people, int, k));
    }
}

static gboolean
is_role_word (HeadlineBuilder *b,
              const Word      *w)
{
  return g_hash_table_contains (b->facts->titles, w->fold)
         || g_hash_table_contains (b->facts->demonyms, w->fold)
         || g_str_has_prefix (w->fold, "then-")
         || strcmp (w->fold, "and") == 0 || strcmp (w->fold, "the") == 0;
}

static gboolean
is_person_word (HeadlineBuilder *b,
                const Word      *w)
{
  int e = word_entity (b, w);

  return e >= 0 && entity_get (b, e)->kind == BRIEF_ENTITY_PERSON;
}

/* Whether kept word @i belongs to the titles before a person's name:
 * "former Springfield mayor | Thomas Hale", "Polish Agriculture Minister |
 * Czeslaw Siekierski".  Headlines name people without them. */
static gboolean
is_name_prefix (HeadlineBuilder *b,
                GPtrArray       *kept,
                guint            i)
{
  gboolean title = FALSE;

  for (guint j = i; j < kept->len && j < i + 5; j++)
    {
      const Word *w = g_ptr_array_index (kept, j);
      int e;

      /* Most words are lower-case and no title: answered without a
       * look-up of the entities. */
      if (!w->upper)
        {
          if (!g_hash_table_contains (b->facts->titles, w->fold)
              && !g_str_has_prefix (w->fold, "then-"))
            return FALSE;
          if (w->break_after)
            return FALSE;
          title = TRUE;
          continue;
        }
      e = word_entity (b, w);
      if (e >= 0 && entity_get (b, e)->kind == BRIEF_ENTITY_PERSON)
        return j > i && (title || j == i + 1);
      if (w->break_after)
        return FALSE;
      if (g_hash_table_contains (b->facts->titles, w->fold))
        title = TRUE;
      else if (e >= 0 && entity_get (b, e)->kind != BRIEF_ENTITY_PLACE)
        return FALSE;
    }
  return FALSE;
}

static void
append_word (GString    *out,
             const char *text,
             const Word *w)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_len (out, text + w->start, w->end - w->start);
}

/* "The two men met": plurals without an "s". */
static gboolean
is_irregular_plural (const char *fold)
{
  static const char *const plurals[] = {
    "men", "women", "people", "children", "police", "feet", "mice", "geese",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (plurals); i++)
    if (strcmp (fold, plurals[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Writes the subject, words [0, @v) of @kept, with people by their short
 * names; returns whether it is plural. */
static gboolean
write_subject (HeadlineBuilder *b,
               GPtrArray       *kept,
               guint            v,
               GString         *out)
{
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (int));
  const Word *first = g_ptr_array_index (kept, 0);
  const char *number = g_hash_table_lookup (b->facts->pronouns, first->fold);
  g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean only_people = TRUE;
  int possessor = -1;
  const Word *possessor_word = NULL;
  const Word *last;

  if (v == 1 && number != NULL)
    {
      resolve_pronoun (b, first, number, people);
      if (people->len > 0)
        {
          append_names (b, out, people, " and ");
          return people->len > 1;
        }
    }
  if (v == 1 && (strcmp (first->fold, "they") == 0 || strcmp (first->fold, "we") == 0
                 || strcmp (first->fold, "i") == 0 || strcmp (first->fold, "you") == 0))
    {
      append_word (out, b->text, first);
      return TRUE;
    }

  for (guint i = 0; i < v; i++)
    {
      const Word *w = g_ptr_array_index (kept, i);
      int e = word_entity (b, w);

      if (e >= 0 && entity_get (b, e)->kind == BRIEF_ENTITY_PERSON)
        {
          gboolean seen = FALSE;

          for (guint k = 0; k < people->len; k++)
            seen |= g_array_index (people, int, k) == e;
          if (!seen)
            g_array_append_val (people, e);
          if (is_possessive (w) && possessor < 0)
            possessor = e;
        }
      else
        {
          if (e >= 0)
            g_array_append_val (others, e);
          else if (w->upper && is_possessive (w) && possessor_word == NULL)
            possessor_word = w;
          if (!is_role_word (b, w) && !is_name_prefix (b, kept, i))
            only_people = FALSE;
        }
    }

  if (people->len > 0 && only_people)
    {
      append_names (b, out, people, " and ");
      return people->len > 1;
    }
  if (possessor >= 0 || (possessor_word != NULL && people->len > 0))
    {
      /* "Kim’s high-stakes nuclear diplomacy with then-U.S. President Donald
       * Trump" → "Kim–Trump high-stakes nuclear diplomacy". */
      if (possessor < 0)
        {
          gsize len = possessor_word->end - possessor_word->start;

          len -= g_str_has_suffix (possessor_word->fold, "’s") ? strlen ("’s") : 2;
          g_string_append_len (out, b->text + possessor_word->start, len);
          g_string_append (out, "–");
        }
      append_names (b, out, people, "–");
      for (guint i = 0; i < v; i++)
        {
          const Word *w = g_ptr_array_index (kept, i);

          if (word_entity (b, w) < 0 && !is_role_word (b, w) && !w->upper && w != possessor_word
              && !g_hash_table_contains (b->facts->function_words, w->fold))
            append_word (out, b->text, w);
        }
      return FALSE;
    }

  for (guint i = 0; i < v; i++)
    {
      const Word *w = g_ptr_array_index (kept, i);
      int e = word_entity (b, w);
      const Word *next = i + 1 < v ? g_ptr_array_index (kept, i + 1) : NULL;

      if (e >= 0 && entity_get (b, e)->kind == BRIEF_ENTITY_PERSON)
        {
          g_autofree char *name = NULL;

          if (i > 0 && word_entity (b, g_ptr_array_index (kept, i - 1)) == e)
            continue;
          name = _brief_entity_short_name (entity_get (b, e));
          if (out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append (out, name);
          continue;
        }
      /* "Defense Minister" before a name goes. */
      if ((next != NULL && g_hash_table_contains (b->facts->titles, w->fold)
           && word_entity (b, next) >= 0) || is_name_prefix (b, kept, i))
        continue;
      append_word (out, b->text, w);
    }
  for (guint k = 0; k < people->len; k++)
    add_actor (b, g_array_index (people, int, k));
  for (guint k = 0; k < others->len; k++)
    add_actor (b, g_array_index (others, int, k));

  /* "Talks", "U.S. officials"; not "Harris".  The head is before the
   * first preposition: "Dock workers at Europe's largest port". */
  last = g_ptr_array_index (kept, v - 1);
  for (guint i = 1; i < v; i++)
    {
      const Word *w = g_ptr_array_index (kept, i);

      if (strcmp (w->fold, "and") == 0)
        return TRUE;
      if (g_hash_table_contains (b->facts->function_words, w->fold))
        {
          last = g_ptr_array_index (kept, i - 1);
          break;
        }
    }
  if (is_irregular_plural (last->fold))
    return TRUE;
  /* A capital only counts for a name, not for the sentence's first word. */
  return (!last->upper || v == 1 || (last == first && word_entity (b, last) < 0))
         && g_str_has_suffix (last->fold, "s")
         && !g_str_has_suffix (last->fold, "ss") && !g_str_has_suffix (last->fold, "us");
}

static void
set_base (HeadlineBuilder *b,
          const char      *fold)
{
  g_free (b->base);
  b->base = _brief_present_tense (fold, TRUE);
  if (b->base != NULL && strcmp (b->base, "are") == 0)
    {
      g_free (b->base);
      b->base = g_strdup ("be");
    }
}

/* Whether the subject written to @out is a pronoun left as it is: "We
 * will meet" stays, not "We to meet". */
static gboolean
pronoun_subject (GPtrArray     *kept,
                 guint          v,
                 const GString *out)
{
  static const char *const pronouns[] = { "i", "we", "you", "they", "he", "she", "it" };
  const Word *first = g_ptr_array_index (kept, 0);

  if (v != 1 || out->len != first->end - first->start + 1)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (pronouns); i++)
    if (strcmp (first->fold, pronouns[i]) == 0)
      return TRUE;
  return FALSE;
}

/* "will reopen", "would be reviewed": a future that headlines write "to". */
static gboolean
is_future (const Word *w,
           const Word *next)
{
  static const char *const not_verbs[] = { "not", "never", "have", "also", "still", "likely" };

  if ((strcmp (w->fold, "will") != 0 && strcmp (w->fold, "would") != 0) || next == NULL
      || next->upper || g_str_has_suffix (next->fold, "ly"))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (not_verbs); i++)
    if (strcmp (next->fold, not_verbs[i]) == 0)
      return FALSE;
  return TRUE;
}

/* Writes the verb at @v in the present tense and the words after it;
 * "had stayed" → "stays", "were" → "are". */
static void
write_predicate (HeadlineBuilder *b,
                 GPtrArray       *kept,
                 guint            v,
                 gboolean         plural,
                 GString         *out)
{
  const Word *w = g_ptr_array_index (kept, v);
  const Word *next = v + 1 < kept->len ? g_ptr_array_index (kept, v + 1) : NULL;
  g_autofree char *present = NULL;
  guint i = v + 1;

  if (out->len > 0)
    g_string_append_c (out, ' ');

  if ((strcmp (w->fold, "had") == 0 || strcmp (w->fold, "has") == 0
       || strcmp (w->fold, "have") == 0) && next != NULL
      && (strcmp (next->fold, "been") == 0 || is_past_form (b, next->fold)))
    {
      set_base (b, next->fold);
      present = strcmp (next->fold, "been") == 0 ? g_strdup (plural ? "are" : "is")
                                                 : _brief_present_tense (next->fold, plural);
      i = v + 2;
    }
  else if ((strcmp (w->fold, "was") == 0 || strcmp (w->fold, "were") == 0) && next != NULL
           && is_past_form (b, next->fold))
    {
      /* A passive is a happening: "was founded". */
      set_base (b, next->fold);
      present = g_strdup (plural ? "are" : "is");
    }
  else if (w == b->passive)
    {
      set_base (b, w->fold);
      present = g_strdup_printf ("%s %.*s", plural ? "are" : "is", (int) (w->end - w->start),
                                 b->text + w->start);
    }
  else if (is_future (w, next) && !pronoun_subject (kept, v, out))
    {
      /* Headlines say "Airport to reopen", "Deal to be reviewed". */
      const Word *after = v + 2 < kept->len ? g_ptr_array_index (kept, v + 2) : NULL;

      set_base (b, strcmp (next->fold, "be") == 0 && after != NULL && is_past_form (b, after->fold)
                   ? after->fold : next->fold);
      present = g_strdup ("to");
    }
  else if (!is_modal (w->fold) || strcmp (w->fold, "have") == 0 || strcmp (w->fold, "has") == 0)
    {
      set_base (b, w->fold);
      present = _brief_present_tense (w->fold, plural);
    }

  if (present != NULL)
    g_string_append (out, present);
  else
    g_string_append_len (out, b->text + w->start, w->end - w->start);

  for (; i < kept->len; i++)
    {
      const Word *u = g_ptr_array_index (kept, i);
      const Word *before = g_ptr_array_index (kept, i - 1);
      g_autofree char *coordinated = NULL;

      /* "visited Moscow and returned" → "visits Moscow and returns" */
      if (strcmp (before->fold, "and") == 0 && !u->upper && is_past_form (b, u->fold)
          && (coordinated = _brief_present_tense (u->fold, plural)) != NULL)
        {
          g_string_append_c (out, ' ');
          g_string_append (out, coordinated);
          continue;
        }
      /* "convicted former mayor Thomas Hale" → "convicts Hale" */
      if (is_person_word (b, u))
        {
          g_autofree char *name = NULL;

          if (word_entity (b, before) == word_entity (b, u))
            continue;
          name = _brief_entity_short_name (entity_get (b, word_entity (b, u)));
          g_string_append_printf (out, " %s", name);
          continue;
        }
      if (is_name_prefix (b, kept, i))
        continue;
      append_word (out, b->text, u);
    }
}

/* "Disintegration of the Soviet Union" → "Soviet Union disintegrates";
 * "Russia’s invasion of Ukraine" → "Russia invades Ukraine". */
/* "his retirement" → "Bellini retires": a possessive pronoun and the
 * noun of an intransitive happening. */
static gboolean
write_pronoun_nominal (HeadlineBuilder *b,
                       GPtrArray       *kept,
                       GString         *out)
{
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (int));
  const Word *owner = kept->len == 2 ? g_ptr_array_index (kept, 0) : NULL;
  const char *entry;
  g_auto(GStrv) fields = NULL;
  gboolean plural;

  if (owner == NULL || (strcmp (owner->fold, "his") != 0 && strcmp (owner->fold, "her") != 0
                        && strcmp (owner->fold, "their") != 0)
      || (entry = g_hash_table_lookup (b->facts->nominals,
                                       ((Word *) g_ptr_array_index (kept, 1))->fold)) == NULL)
    return FALSE;
  fields = g_strsplit (entry, " ", 2);
  if (fields[1] == NULL || strcmp (fields[1], "intransitive") != 0)
    return FALSE;
  plural = strcmp (owner->fold, "their") == 0;
  resolve_pronoun (b, owner, plural ? "plural" : "singular", people);
  if (people->len == 0)
    return FALSE;
  append_names (b, out, people, " and ");
  g_strdelimit (fields[0], "_", ' ');
  if (plural)
    {
      g_autofree char *base = _brief_present_tense (fields[0], TRUE);

      /* "retires" → "retire" */
      if (g_str_has_suffix (fields[0], "s") && strchr (fields[0], ' ') == NULL)
        fields[0][strlen (fields[0]) - 1] = '\0';
    }
  g_string_append_printf (out, " %s", fields[0]);
  return TRUE;
}

static gboolean
write_nominal (HeadlineBuilder *b,
               GPtrArray       *kept,
               GString         *out)
{
  guint n = 0;
  const char *entry = NULL;
  const Word *possessor = NULL;
  g_auto(GStrv) fields = NULL;
  g_autofree char *verb = NULL;

  if (kept->len >= 4 && is_possessive (g_ptr_array_index (kept, 0)))
    {
      possessor = g_ptr_array_index (kept, 0);
      n = 1;
    }
  if (kept->len < n + 3
      || strcmp (((Word *) g_ptr_array_index (kept, n + 1))->fold, "of") != 0
      || (entry = g_hash_table_lookup (b->facts->nominals,
                                       ((Word *) g_ptr_array_index (kept, n))->fold)) == NULL)
    return FALSE;

  fields = g_strsplit (entry, " ", 2);
  if (fields[1] == NULL || (possessor != NULL) != (strcmp (fields[1], "transitive") == 0))
    return FALSE;
  verb = g_strdelimit (g_strdup (fields[0]), "_", ' ');

  if (possessor != NULL)
    {
      gsize len = possessor->end - possessor->start;

      len -= g_str_has_suffix (possessor->fold, "’s") ? strlen ("’s") : 2;
      g_string_append_len (out, b->text + possessor->start, len);
      g_string_append_printf (out, " %s", verb);
      add_actor (b, word_entity (b, possessor));
    }
  for (guint i = n + 2; i < kept->len; i++)
    {
      const Word *w = g_ptr_array_index (kept, i);

      if (i == n + 2 && strcmp (w->fold, "the") == 0)
        continue;
      /* "… of Ukraine | changed everything" */
      if (!w->upper && (is_modal (w->fold) || is_past_form (b, w->fold)))
        break;
      append_word (out, b->text, w);
      if (possessor == NULL)
        add_actor (b, word_entity (b, w));
    }
  if (possessor == NULL)
    g_string_append_printf (out, " %s", verb);
  set_base (b, "be");
  g_clear_pointer (&b->base, g_free);
  return TRUE;
}

static void
capitalise (GString *s)
{
  gunichar c;
  char buf[8];
  int len;

  if (s->len == 0)
    return;
  c = g_utf8_get_char (s->str);
  len = g_unichar_to_utf8 (g_unichar_totitle (c), buf);
  g_string_erase (s, 0, g_utf8_next_char (s->str) - s->str);
  g_string_insert_len (s, 0, buf, len);
}

/* The title-strip-words.txt flags of the @len bytes at @word. */
static guint
strip_flags (const TitleLexicon *lex,
             const char         *word,
             gsize               len)
{
  char fold[32];

  if (!_brief_fold_into (word, len, fold, sizeof fold))
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (lex->strip, fold));
}

/* Cuts @s to MAX_TITLE_WORDS words, and then the function words a cut
 * leaves at its end ("… grain transit through"). */
static void
limit_words (GString *s)
{
  const TitleLexicon *lex = title_lexicon_get ();
  guint n = 0;
  gsize cut = 0, phrase = 0;

  /* Most titles are short enough: counted without a look-up. */
  for (gsize i = 0; i < s->len; i++)
    n += s->str[i] == ' ';
  if (n < MAX_TITLE_WORDS)
    return;

  n = 0;
  for (gsize i = 0; i < s->len && n < MAX_TITLE_WORDS; i++)
    if (s->str[i] == ' ')
      {
        const char *word = s->str + i + 1;
        const char *space = strchr (word, ' ');
        guint flags = strip_flags (lex, word, space != NULL ? (gsize) (space - word) : strlen (word));

        if (++n == MAX_TITLE_WORDS)
          cut = i;
        /* A preposition from the sixth word on can end the title instead. */
        if (flags != 0 && n >= 5)
          phrase = i;
        if (n == MAX_TITLE_WORDS && flags == 0 && phrase > 0)
          cut = phrase;  /* not "… grain transit through Polish" */
      }
  g_string_truncate (s, cut);
  for (const char *space; (space = strrchr (s->str, ' ')) != NULL;)
    {
      if (!(strip_flags (lex, space + 1, strlen (space + 1)) & STRIP_TRAIL))
        break;
      g_string_truncate (s, space - s->str);
    }
}

/* "in", "to": the place of the event follows; not "suspect North Korea…"
 * or "former Springfield mayor…". */
static gboolean
is_place_preposition (const char *fold)
{
  static const char *const prepositions[] = {
    "in", "at", "to", "near", "from", "into", "outside", "inside", "across",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (prepositions); i++)
    if (strcmp (fold, prepositions[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Entities named by the words of the title: the people and organisations
 * are actors, the first place after the verb and a preposition is the
 * place. */
static void
collect_entities (HeadlineBuilder *b,
                  GPtrArray       *kept,
                  int              v)
{
  for (guint i = 0; i < kept->len; i++)
    {
      int e = word_entity (b, g_ptr_array_index (kept, i));

      if (e < 0)
        continue;
      if (entity_get (b, e)->kind != BRIEF_ENTITY_PLACE)
        add_actor (b, e);
      else if ((int) i > v && b->out->place < 0 && i > 0
               && is_place_preposition (((Word *) g_ptr_array_index (kept, i - 1))->fold))
        b->out->place = e;
    }
}

/* "Under her leadership | the hospital opened…": a phrase before the
 * subject goes, the subject starting at its article or its name. */
static void
drop_leading_phrase (HeadlineBuilder *b,
                     GPtrArray       *kept)
{
  const TitleLexicon *lex = title_lexicon_get ();
  const Word *first = kept->len > 3 ? g_ptr_array_index (kept, 0) : NULL;
  int v;

  if (first == NULL
      || !(GPOINTER_TO_UINT (g_hash_table_lookup (lex->strip, first->fold)) & STRIP_PREP)
      || (v = find_verb (b, kept)) < 3)
    return;
  for (int k = v - 1; k >= 2; k--)
    {
      const Word *w = g_ptr_array_index (kept, k);

      if (is_determiner (w->fold)
          || (w->upper && !((const Word *) g_ptr_array_index (kept, k - 1))->upper))
        {
          g_ptr_array_remove_range (kept, 0, k);
          return;
        }
    }
}

/* A title too long loses the phrase after the subject's noun: "Council |
 * of a small island town | votes to restore a ferry link".  Returns the
 * verb's new index. */
static int
shorten_subject (HeadlineBuilder *b,
                 GPtrArray       *kept,
                 int              v)
{
  static const char *const prepositions[] = { "of", "at", "in", "from", "with", "for", "on" };

  for (int p = 1; p < v; p++)
    {
      const Word *w = g_ptr_array_index (kept, p);

      if (word_entity (b, w) >= 0)
        continue;
      for (gsize k = 0; k < G_N_ELEMENTS (prepositions); k++)
        if (strcmp (w->fold, prepositions[k]) == 0)
          {
            g_ptr_array_remove_range (kept, p, v - p);
            return p;
          }
    }
  return v;
}

/* Whether @w says what someone said: "said", "announced"; not "called
 * her instruments…" or "told reporters", whose object comes first. */
static gboolean
is_reporting_verb (HeadlineBuilder *b,
                   const Word      *w)
{
  static const char *const with_object[] = {
    "called", "described", "told", "tells", "asked", "asks",
  };

  if (w->upper || !g_hash_table_contains (b->facts->speech_verbs, w->fold))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (with_object); i++)
    if (strcmp (w->fold, with_object[i]) == 0)
      return FALSE;
  return TRUE;
}

/* "Officials said the airport would reopen in August": when the date
 * belongs to what was said, the title is that ("Airport to reopen"). */
static void
drop_reporting_clause (HeadlineBuilder *b,
                       GPtrArray       *kept,
                       const Word      *date)
{
  for (guint i = 1; i + 2 < kept->len; i++)
    {
      const Word *w = g_ptr_array_index (kept, i);
      g_autoptr(GPtrArray) said = NULL;
      guint c = i + 1;

      if (date != NULL && w > date)
        return;
      if (!is_reporting_verb (b, w))
        continue;
      if (strcmp (((Word *) g_ptr_array_index (kept, c))->fold, "that") == 0)
        c++;
      /* "announced in April | that it would…": the date is the saying's. */
      if (date != NULL && (const Word *) g_ptr_array_index (kept, c) > date)
        return;
      said = g_ptr_array_new ();
      for (guint k = c; k < kept->len; k++)
        g_ptr_array_add (said, g_ptr_array_index (kept, k));
      if (said->len >= 2 && find_verb (b, said) > 0)
        g_ptr_array_remove_range (kept, 0, c);
      return;
    }
}

static void
finish_headline (HeadlineBuilder *b,
                 GPtrArray       *kept,
                 const Word      *date)
{
  g_autoptr(GString) out = g_string_new (NULL);
  int v;

  drop_reporting_clause (b, kept, date);
  drop_leading_phrase (b, kept);
  /* Headlines go without a leading article: "Trial begins". */
  while (kept->len > 1 && is_determiner (((Word *) g_ptr_array_index (kept, 0))->fold))
    g_ptr_array_remove_index (kept, 0);
  /* "was unveiled" with no subject to be found: "Unveiled", not "Was
   * unveil". */
  if (kept->len > 1 && is_auxiliary (((Word *) g_ptr_array_index (kept, 0))->fold))
    g_ptr_array_remove_index (kept, 0);
  v = find_verb (b, kept);
  if (kept->len > MAX_TITLE_WORDS && v >= 3)
    v = shorten_subject (b, kept, v);

  if (write_pronoun_nominal (b, kept, out) || write_nominal (b, kept, out))
    {
      collect_entities (b, kept, kept->len);
    }
  else if (v > 0)
    {
      gboolean plural = write_subject (b, kept, v, out);

      write_predicate (b, kept, v, plural, out);
      collect_entities (b, kept, v);
    }
  else
    {
      for (guint i = 0; i < kept->len; i++)
        append_word (out, b->text, g_ptr_array_index (kept, i));
      collect_entities (b, kept, -1);
    }

  if (b->base != NULL && g_hash_table_contains (b->facts->state_verbs, b->base))
    b->out->is_state = TRUE;
  limit_words (out);
  capitalise (out);
  b->out->title = g_string_free (g_steal_pointer (&out), FALSE);
}

/* Whether the date is introduced by "since", "until"…: it bounds a state. */
static gboolean
bounds_a_state (GArray           *words,
                const BriefTimex *timex)
{
  for (guint i = 1; i < words->len; i++)
    {
      const Word *w = &g_array_index (words, Word, i);

      if (word_overlaps (w, timex))
        {
          const char *prev = g_array_index (words, Word, i - 1).fold;

          return strcmp (prev, "since") == 0 || strcmp (prev, "until") == 0
                 || strcmp (prev, "throughout") == 0;
        }
    }
  return FALSE;
}

/* A short headline for the date @timex in the sentence of @words (split
 * and marked by sentence_words()): the clause that holds the date, without the date, its
 * preposition and leading discourse words, at most MAX_TITLE_WORDS words,
 * in the present tense with people by their short names.  "… since North
 * Korea closed its borders in January 2020." gives "North Korea closes its
 * borders".  Never empty. */
/* The words of [@start, @end), with its dates @timexes marked: shared by
 * the titles of all the dates of a sentence. */
static GArray *
sentence_words (const char         *text,
                gsize               start,
                gsize               end,
                GPtrArray          *timexes,
                const TitleLexicon *lex)
{
  GArray *words = split_words (text, start, end);

  mark_words (words, timexes, lex);
  return words;
}

/* "U.S. officials have suspected since last year | that North Korea is
 * providing…": a clause that ends on a verb of saying or thinking takes
 * its "that" clause, or it says nothing. */
static void
add_complement (GPtrArray          *kept,
                GArray             *words,
                guint               end,
                GArray             *bounds,
                const TitleLexicon *lex)
{
  const BriefFactsLexicon *facts = _brief_facts_lexicon_get ();
  const Word *last = g_ptr_array_index (kept, kept->len - 1);
  g_autofree char *base = NULL;
  g_autoptr(GPtrArray) complement = NULL;
  guint to = words->len;

  if (end + 1 >= words->len || strcmp (g_array_index (words, Word, end).fold, "that") != 0
      || last->upper || last->break_after)
    return;
  base = _brief_present_tense (last->fold, TRUE);
  if (!g_hash_table_contains (facts->speech_verbs, last->fold)
      && !g_hash_table_contains (facts->state_verbs, base != NULL ? base : last->fold))
    return;
  for (guint i = 0; i < bounds->len; i++)
    if (g_array_index (bounds, guint, i) > end)
      {
        to = g_array_index (bounds, guint, i);
        break;
      }
  complement = title_words (words, end + 1, to, 2, 0, lex, NULL);
  if (complement != NULL)
    g_ptr_array_extend (kept, complement, NULL, NULL);
}

static void
make_title (BriefAnalysis    *self,
            guint             sentence,
            GArray           *words,
            const TitleLexicon *lex,
            const BriefTimex *timex,
            Headline         *out)
{
  const char *text = self->text;
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) weak = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GPtrArray) kept = NULL;
  HeadlineBuilder b = { self, _brief_facts_lexicon_get (), text, sentence, out, NULL, NULL };
  const guint zero = 0;
  const gboolean no = FALSE;
  guint date_word = 0;

  out->actors = g_ptr_array_new ();
  out->place = -1;
  out->is_state = bounds_a_state (words, timex);

  /* Clause bounds: before an opener, after a comma or a dash.  A weak opener
   * ("and asked") ends the clause of a date before it but does not start
   * one: "Kim visited Moscow in 2019 and returned in 2021" titles 2021 as
   * "Kim visits Moscow and returns". */
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
          guint at = i + 1;

          g_array_append_val (bounds, at);
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

    for (guint i = 0; i < bounds->len; i++)
      {
        guint at = g_array_index (bounds, guint, i);

        if (at <= date_word && !g_array_index (weak, gboolean, i))
          {
            start = at;
            start_index = i;
          }
        if (at > date_word)
          {
            end = at;
            break;
          }
      }
    for (guint i = 0; i < start_index; i++)
      if (!g_array_index (weak, gboolean, i))
        prev_start = g_array_index (bounds, guint, i);

    /* The date's clause, else the clause before it ("prices rose | since
     * 2010"), else the ones after ("In July, | however, | Shoigu
     * traveled"). */
    guint kept_end = end;

    kept = title_words (words, start, end, 2, subject_end, lex, &b.passive);
    if (kept == NULL && start > 0)
      {
        kept = title_words (words, prev_start, start, 2, subject_end, lex, &b.passive);
        kept_end = start;
      }
    for (guint i = 0; kept == NULL && i + 1 < bounds->len; i++)
      {
        guint from = g_array_index (bounds, guint, i);
        guint to = g_array_index (bounds, guint, i + 1);

        if (from >= end && to > from)
          {
            kept = title_words (words, from, to, 2, subject_end, lex, &b.passive);
            kept_end = to;
          }
      }
    if (kept != NULL)
      add_complement (kept, words, kept_end, bounds, lex);
  }

  /* Else the first words of the sentence. */
  if (kept == NULL)
    kept = title_words (words, 0, words->len, 1, 0, lex, NULL);
  if (kept != NULL)
    finish_headline (&b, kept, &g_array_index (words, Word, date_word));
  else
    out->title = g_strdup (timex->text);
  g_free (b.base);
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
  g_clear_pointer (&self->entities, g_ptr_array_unref);
  g_clear_pointer (&self->entity_mentions, g_array_unref);
  g_clear_pointer (&self->quotes, g_ptr_array_unref);

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
  self->entities = g_ptr_array_new_with_free_func ((GDestroyNotify) brief_entity_free);
  self->entity_mentions = g_array_new (FALSE, FALSE, sizeof (BriefEntityMention));
  self->quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) brief_quote_free);
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

      cp += _brief_utf8_count (p, self->text + span->byte_start - p);
      p = self->text + span->byte_start;
      start = cp;
      cp += _brief_utf8_count (p, self->text + span->byte_end - p);
      p = self->text + span->byte_end;
      end = cp;

      g_array_append_val (self->sentence_offsets, start);
      g_array_append_val (self->sentence_offsets, end);
    }
}

static GStrv
actor_names (BriefAnalysis *self,
             GPtrArray     *actors)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; actors != NULL && i < actors->len; i++)
    {
      int e = GPOINTER_TO_INT (g_ptr_array_index (actors, i)) - 1;

      g_strv_builder_add (builder, ((BriefEntity *) g_ptr_array_index (self->entities, e))->name);
    }
  return g_strv_builder_end (builder);
}

/* Moves what make_title() found into @mention. */
static void
take_headline (BriefAnalysis *self,
               BriefMention  *mention,
               Headline      *h)
{
  mention->title = g_steal_pointer (&h->title);
  mention->actors = actor_names (self, h->actors);
  mention->place = h->place >= 0
                   ? g_strdup (((BriefEntity *) g_ptr_array_index (self->entities, h->place))->name)
                   : NULL;
  mention->is_state = h->is_state;
  mention->rank = h->is_state ? 0 : g_strv_length (mention->actors) > 0 ? 2 : 1;
  headline_clear (h);
}

/* "from 2001 to 2003", "between 2001 and 2003", "2001–2003": the index of
 * the second date of a range that starts at timex @i, or -1. */
static int
range_end (BriefAnalysis *self,
           guint          i)
{
  const BriefTimex *a = g_ptr_array_index (self->timexes, i);
  const BriefTimex *b;
  g_autofree char *between = NULL;
  g_autofree char *before = NULL;
  gsize from;

  if (i + 1 >= self->timexes->len)
    return -1;
  b = g_ptr_array_index (self->timexes, i + 1);
  if (b->type != BRIEF_TIMEX_DATE || !brief_timex_is_calendar (b) || b->byte_start < a->byte_end
      || b->byte_start - a->byte_end > 12)
    return -1;

  between = g_strstrip (g_strndup (self->text + a->byte_end, b->byte_start - a->byte_end));
  from = a->byte_start >= 9 ? a->byte_start - 9 : 0;
  before = g_ascii_strdown (self->text + from, a->byte_start - from);

  if (strcmp (between, "-") == 0 || strcmp (between, "–") == 0)
    return i + 1;
  if ((strcmp (between, "to") == 0 || strcmp (between, "until") == 0
       || strcmp (between, "through") == 0) && g_str_has_suffix (before, "from "))
    return i + 1;
  if (strcmp (between, "and") == 0 && g_str_has_suffix (before, "between "))
    return i + 1;
  return -1;
}

/* Whether a mention of the sentence at @cp_start already has the date of
 * @timex: "LYON, May 14, 2024 — Acme today announced…" is one event. */
static gboolean
dates_again (BriefAnalysis    *self,
             gsize             cp_start,
             const BriefTimex *timex)
{
  for (guint i = self->mentions->len; i-- > 0;)
    {
      const BriefMention *m = g_ptr_array_index (self->mentions, i);

      if (m->start != cp_start)
        return FALSE;
      if (m->end_timex < 0 && brief_timex_is_calendar (timex)
          && g_strcmp0 (brief_mention_get_value (m, self->timexes), timex->value) == 0)
        return TRUE;
    }
  return FALSE;
}

#define MAX_SENTENCE_BYTES 2000
#define WINDOW_BYTES       120

/* A "sentence" of hundreds of kilobytes (a list without periods) gives each
 * of its dates a window of words around it instead; TRUE when it does. */
static gboolean
clamp_window (const char       *text,
              const BriefTimex *timex,
              gsize            *s_start,
              gsize            *s_end)
{
  gsize from, to;

  if (*s_end - *s_start <= MAX_SENTENCE_BYTES)
    return FALSE;

  from = timex->byte_start > *s_start + WINDOW_BYTES ? timex->byte_start - WINDOW_BYTES : *s_start;
  to = timex->byte_end + WINDOW_BYTES < *s_end ? timex->byte_end + WINDOW_BYTES : *s_end;
  /* After a space, before a space: on character boundaries. */
  while (from > *s_start && from < timex->byte_start && text[from - 1] != ' ')
    from++;
  while (to < *s_end && to > timex->byte_end && text[to] != ' ')
    to--;
  *s_start = from;
  *s_end = to;
  return TRUE;
}

static void
build_mentions (BriefAnalysis *self)
{
  const TitleLexicon *lex = title_lexicon_get ();
  /* The words of the last sentence (or window), for its other dates. */
  g_autoptr(GArray) words = NULL;
  gsize words_start = 0, words_end = 0;

  for (guint i = 0; i < self->timexes->len; i++)
    {
      const BriefTimex *timex = g_ptr_array_index (self->timexes, i);
      BriefMention *mention;
      Headline headline = { 0, };
      gsize s_start, s_end, cp_start, cp_end;
      int last;
      guint s;

      if (timex->type != BRIEF_TIMEX_DATE
          || !(brief_timex_is_calendar (timex) || brief_timex_is_underspecified (timex)))
        continue;

      last = brief_timex_is_calendar (timex) ? range_end (self, i) : -1;
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
          s = 0;
        }
      if (clamp_window (self->text, timex, &s_start, &s_end))
        {
          cp_start = timex->start - g_utf8_strlen (self->text + s_start, timex->byte_start - s_start);
          cp_end = timex->end + g_utf8_strlen (self->text + timex->byte_end, s_end - timex->byte_end);
        }
      if (dates_again (self, cp_start, timex))
        continue;

      /* The dates of the sentence, around this one (timexes are in text
       * order), marked in its words. */
      if (words == NULL || s_start != words_start || s_end != words_end)
      {
        g_autoptr(GPtrArray) siblings = g_ptr_array_new ();
        guint first = i;

        while (first > 0
               && ((BriefTimex *) g_ptr_array_index (self->timexes, first - 1))->byte_start >= s_start)
          first--;
        for (guint j = first; j < self->timexes->len; j++)
          {
            BriefTimex *other = g_ptr_array_index (self->timexes, j);

            if (other->byte_start >= s_end)
              break;
            if (other->byte_start >= s_start && other->byte_end <= s_end)
              g_ptr_array_add (siblings, other);
          }
        g_clear_pointer (&words, g_array_unref);
        words = sentence_words (self->text, s_start, s_end, siblings, lex);
        words_start = s_start;
        words_end = s_end;
      }

      mention = g_new0 (BriefMention, 1);
      mention->derived_from = -1;
      mention->timex_index = i;
      mention->end_timex = last;
      mention->date_start = timex->start;
      mention->date_end = last >= 0 ? ((BriefTimex *) g_ptr_array_index (self->timexes, last))->end
                                    : timex->end;
      mention->sentence = g_strndup (self->text + s_start, s_end - s_start);
      mention->start = cp_start;
      mention->end = cp_end;
      make_title (self, s, words, lex, timex, &headline);
      take_headline (self, mention, &headline);
      g_ptr_array_add (self->mentions, mention);
      if (last >= 0)
        i = last;
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

/* A headline for the event in [@start, @end): its first clause, at most
 * MAX_TITLE_WORDS words, in the present tense; FALSE when it is empty. */
static gboolean
event_title (BriefAnalysis *self,
             guint          sentence,
             gsize          start,
             gsize          end,
             Headline      *out)
{
  g_autoptr(GArray) words = split_words (self->text, start, end);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  HeadlineBuilder b = { self, _brief_facts_lexicon_get (), self->text, sentence, out, NULL, NULL };

  for (guint i = 0; i < words->len && i < MAX_TITLE_WORDS; i++)
    {
      Word *w = &g_array_index (words, Word, i);

      g_ptr_array_add (kept, w);
      if (w->break_after)
        break;
    }
  if (kept->len == 0)
    return FALSE;

  out->actors = g_ptr_array_new ();
  out->place = -1;
  finish_headline (&b, kept, NULL);
  g_free (b.base);
  return out->title != NULL && out->title[0] != '\0';
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
      Headline headline = { 0, };
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
      if (value == NULL
          || !event_title (self, s, event_start, MAX (span->byte_end, event_start), &headline))
        {
          headline_clear (&headline);
          continue;
        }

      mention = g_new0 (BriefMention, 1);
      mention->timex_index = i;
      mention->derived_from = anchor;
      mention->end_timex = -1;
      mention->offset = g_strdup_printf ("%s%s", sign > 0 ? "-" : "+", duration->value);
      mention->value = g_steal_pointer (&value);
      mention->sentence = g_strndup (self->text + span->byte_start,
                                     span->byte_end - span->byte_start);
      mention->start = g_array_index (self->sentence_offsets, gsize, 2 * s);
      mention->end = g_array_index (self->sentence_offsets, gsize, 2 * s + 1);
      mention->date_start = duration->start;
      mention->date_end = duration->end;
      take_headline (self, mention, &headline);
      g_ptr_array_add (self->derived, mention);
    }
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  const BriefMention *ma = *(const BriefMention **) a;
  const BriefMention *mb = *(const BriefMention **) b;

  return ma->timex_index < mb->timex_index ? -1 : ma->timex_index > mb->timex_index;
}

/* The derived mentions join the others, in text order. */
static void
merge_derived (BriefAnalysis *self)
{
  for (guint i = 0; i < self->derived->len; i++)
    g_ptr_array_add (self->mentions, brief_mention_copy (g_ptr_array_index (self->derived, i)));
  g_ptr_array_sort (self->mentions, compare_mentions);
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

  _brief_find_entities (self->text, self->sentences, self->timexes,
                        self->entities, self->entity_mentions);
  _brief_find_quotes (self->text, self->sentences, self->entities,
                      self->entity_mentions, self->quotes);
  build_mentions (self);
  build_derived (self);
  merge_derived (self);

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

GPtrArray *
brief_analysis_get_entities (BriefAnalysis *self)
{
  g_return_val_if_fail (BRIEF_IS_ANALYSIS (self), NULL);

  return self->entities;
}

GArray *
brief_analysis_get_entity_mentions (BriefAnalysis *self)
{
  g_return_val_if_fail (BRIEF_IS_ANALYSIS (self), NULL);

  return self->entity_mentions;
}

GPtrArray *
brief_analysis_get_quotes (BriefAnalysis *self)
{
  g_return_val_if_fail (BRIEF_IS_ANALYSIS (self), NULL);

  return self->quotes;
}
