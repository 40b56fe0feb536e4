/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-facts-lexicon"

#include "config.h"

#include <string.h>

#include "brief-facts-private.h"
#include "brief-word-list-private.h"

#define MAX_KEY 128

/* "North_Korea" → "north korea" */
static char *
fold_name (const char *field)
{
  char *fold = _brief_word_fold (field, -1);

  g_strdelimit (fold, "_", ' ');
  return fold;
}

static char *
display_name (const char *field)
{
  char *name = g_strdup (field);

  g_strdelimit (name, "_", ' ');
  return name;
}

static guint
count_words (const char *fold)
{
  guint n = 1;

  for (const char *p = fold; *p != '\0'; p++)
    if (*p == ' ')
      n++;
  return n;
}

/* Lines "Canonical [kind] alias…": every name and alias maps to the
 * canonical one.  @skip fields after the first are not aliases. */
static GHashTable *
load_names (const char *file,
            guint       skip,
            guint      *max_words)
{
  g_autoptr(GPtrArray) lines = _brief_word_list_load (file);
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < lines->len; i++)
    {
      GStrv fields = g_ptr_array_index (lines, i);

      for (guint f = 0; fields[f] != NULL; f++)
        {
          char *fold;

          if (f >= 1 && f <= skip)
            continue;
          fold = fold_name (fields[f]);
          *max_words = MAX (*max_words, count_words (fold));
          g_hash_table_replace (table, fold, display_name (fields[0]));
        }
    }

  return table;
}

static GHashTable *
load_pairs (const char *file,
            GHashTable *singles)
{
  g_autoptr(GPtrArray) lines = _brief_word_list_load (file);
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < lines->len; i++)
    {
      GStrv fields = g_ptr_array_index (lines, i);

      if (fields[1] == NULL)
        {
          if (singles != NULL)
            g_hash_table_add (singles, fold_name (fields[0]));
          continue;
        }
      if (fields[2] != NULL)
        g_hash_table_replace (table, fold_name (fields[0]),
                              g_strdup_printf ("%s %s", fields[1], fields[2]));
      else
        g_hash_table_replace (table, fold_name (fields[0]), display_name (fields[1]));
    }

  return table;
}

const BriefFactsLexicon *
_brief_facts_lexicon_get (void)
{
  static BriefFactsLexicon lexicon;
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      lexicon.places = load_names ("places.txt", 1, &lexicon.max_place_words);
      lexicon.organisations = load_names ("organisations.txt", 0, &lexicon.max_org_words);
      lexicon.demonyms = load_pairs ("demonyms.txt", NULL);
      lexicon.org_suffixes = _brief_word_list_load_set ("org-suffixes.txt");
      lexicon.titles = _brief_word_list_load_set ("titles.txt");
      lexicon.starters = _brief_word_list_load_set ("sentence-starters.txt");
      lexicon.function_words = _brief_word_list_load_set ("title-strip-words.txt");
      lexicon.speech_verbs = _brief_word_list_load_set ("speech-verbs.txt");
      lexicon.pronouns = _brief_word_list_load_set ("pronouns.txt");
      lexicon.e_bases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      lexicon.past_forms = load_pairs ("verb-forms.txt", lexicon.e_bases);
      lexicon.nominals = load_pairs ("nominals.txt", NULL);
      lexicon.state_verbs = _brief_word_list_load_set ("state-verbs.txt");
      lexicon.abbreviations = _brief_word_list_load_set ("abbreviations.txt");
      lexicon.given_names = _brief_word_list_load_set ("given-names.txt");
      lexicon.place_roles = _brief_word_list_load_set ("place-roles.txt");
      g_once_init_leave (&initialised, 1);
    }

  return &lexicon;
}

gboolean
_brief_fold_into (const char *word,
                  gsize       len,
                  char       *buf,
                  gsize       size)
{
  gsize o = 0;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = word[i];

      if (o + 1 >= size)
        return FALSE;
      /* ’ (E2 80 99) → ' */
      if (c == 0xE2 && i + 2 < len && (guchar) word[i + 1] == 0x80
          && (guchar) word[i + 2] == 0x99)
        {
          buf[o++] = '\'';
          i += 2;
          continue;
        }
      /* g_ascii_tolower(), inline: this runs for every word. */
      buf[o++] = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
  buf[o] = '\0';
  return TRUE;
}

gsize
_brief_cp_cursor_at (BriefCpCursor *cursor,
                     gsize          byte)
{
  if (byte < cursor->byte)
    {
      cursor->byte = 0;
      cursor->cp = 0;
    }
  cursor->cp += _brief_utf8_count (cursor->text + cursor->byte, byte - cursor->byte);
  cursor->byte = byte;
  return cursor->cp;
}

gsize
_brief_utf8_count (const char *text,
                   gsize       length)
{
  gsize n = 0;

  /* Every byte but the continuation bytes starts a character. */
  for (gsize i = 0; i < length; i++)
    n += ((guchar) text[i] & 0xC0) != 0x80;
  return n;
}

/* ------------------------------------------------------------------------ */
/* Present tense                                                             */

static gboolean
is_vowel (char c)
{
  return strchr ("aeiou", c) != NULL;
}

/* "closed" → "close", "stopped" → "stop", "tried" → "try"; NULL when @word
 * is not a regular past form. */
static char *
regular_base (const BriefFactsLexicon *lex,
              const char              *word)
{
  gsize len = strlen (word);
  g_autofree char *stem = NULL;
  g_autofree char *with_e = NULL;
  gsize n;

  if (len < 5 || !g_str_has_suffix (word, "ed"))
    return NULL;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_islower (word[i]) && word[i] != '-')
      return NULL;

  stem = g_strndup (word, len - 2);
  n = len - 2;
  with_e = g_strconcat (stem, "e", NULL);
  if (g_hash_table_contains (lex->e_bases, with_e))
    return g_steal_pointer (&with_e);
  if (stem[n - 1] == 'i')
    {
      stem[n - 1] = 'y';
      return g_steal_pointer (&stem);
    }
  if (n >= 3 && stem[n - 1] == stem[n - 2] && !is_vowel (stem[n - 1])
      && strchr ("lsfz", stem[n - 1]) == NULL)
    {
      stem[n - 1] = '\0';
      return g_steal_pointer (&stem);
    }
  /* "negotiat", "recogniz", "announc", "collaps", "arriv", "chang", "damag" */
  if (g_str_has_suffix (stem, "at") || g_str_has_suffix (stem, "iz")
      || g_str_has_suffix (stem, "is") || g_str_has_suffix (stem, "ys")
      || g_str_has_suffix (stem, "ps") || g_str_has_suffix (stem, "ns")
      || g_str_has_suffix (stem, "rs") || g_str_has_suffix (stem, "ls")
      || (g_str_has_suffix (stem, "ng") && n >= 4 && stem[n - 3] == 'a')
      || strchr ("cvu", stem[n - 1]) != NULL
      || g_str_has_suffix (stem, "rg") || g_str_has_suffix (stem, "dg")
      || (g_str_has_suffix (stem, "ag") && n >= 4 && !is_vowel (stem[n - 3]))
      || g_str_has_suffix (stem, "ur") || g_str_has_suffix (stem, "uc")
      || (g_str_has_suffix (stem, "ut") && n >= 4 && !is_vowel (stem[n - 3])))
    return g_steal_pointer (&with_e);

  return g_steal_pointer (&stem);
}

static char *
third_person (const char *base)
{
  gsize len = strlen (base);

  if (strcmp (base, "be") == 0)
    return g_strdup ("is");
  if (strcmp (base, "have") == 0)
    return g_strdup ("has");
  if (strcmp (base, "do") == 0 || strcmp (base, "go") == 0)
    return g_strconcat (base, "es", NULL);
  if (len >= 2 && base[len - 1] == 'y' && !is_vowel (base[len - 2]))
    return g_strdup_printf ("%.*sies", (int) len - 1, base);
  if (g_str_has_suffix (base, "s") || g_str_has_suffix (base, "sh")
      || g_str_has_suffix (base, "ch") || g_str_has_suffix (base, "x")
      || g_str_has_suffix (base, "z"))
    return g_strconcat (base, "es", NULL);
  return g_strconcat (base, "s", NULL);
}

char *
_brief_present_tense (const char *word,
                      gboolean    plural)
{
  const BriefFactsLexicon *lex = _brief_facts_lexicon_get ();
  char fold[MAX_KEY];
  g_autofree char *base = NULL;
  const char *irregular;

  if (!_brief_fold_into (word, strlen (word), fold, sizeof fold))
    return NULL;

  irregular = g_hash_table_lookup (lex->past_forms, fold);
  if (irregular != NULL)
    base = g_strdup (irregular);
  else
    base = regular_base (lex, fold);
  if (base == NULL)
    return NULL;

  if (plural)
    return strcmp (base, "be") == 0 ? g_strdup ("are") : g_steal_pointer (&base);
  return third_person (base);
}
