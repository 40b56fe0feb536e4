/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-event-grouping"

#include "config.h"

#include <string.h>

#include "brief-event-grouping.h"
#include "brief-facts-private.h"

/* Events alike enough to be one happening; dates then decide between a
 * group (they overlap) and a conflict (they do not). */
#define SAME_HAPPENING 0.5
#define ACTOR_BONUS    0.25
#define STEM_LENGTH    4
/* One shared word is too little to tell the same happening: "A break" and
 * "News break" share only "break". */
#define MIN_SHARED     2

/* The stems of the content words of @title: "Shoigu visits Pyongyang" →
 * shoi, visi, pyon. */
static GHashTable *
title_stems (const char *title)
{
  const BriefFactsLexicon *lex = _brief_facts_lexicon_get ();
  GHashTable *stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *fold = g_utf8_strdown (title != NULL ? title : "", -1);
  char *p = fold;

  while (*p != '\0')
    {
      char *start;

      while (*p != '\0' && !g_ascii_isalnum (*p) && !((guchar) *p >= 0x80))
        p++;
      start = p;
      while (*p != '\0' && (g_ascii_isalnum (*p) || (guchar) *p >= 0x80))
        p++;
      if (p - start >= 3)
        {
          g_autofree char *word = g_strndup (start, p - start);

          if (!g_hash_table_contains (lex->function_words, word)
              && !g_hash_table_contains (lex->starters, word))
            g_hash_table_add (stems, g_strndup (word, STEM_LENGTH));
        }
    }

  return stems;
}

static gboolean
share_actor (const char * const *a,
             const char * const *b)
{
  for (guint i = 0; a != NULL && a[i] != NULL; i++)
    for (guint j = 0; b != NULL && b[j] != NULL; j++)
      if (strcmp (a[i], b[j]) == 0)
        return TRUE;
  return FALSE;
}

static double
stems_similarity (GHashTable         *sa,
                  GHashTable         *sb,
                  const char * const *actors_a,
                  const char * const *actors_b)
{
  GHashTableIter iter;
  gpointer key;
  guint shared = 0, total;
  double score;

  g_hash_table_iter_init (&iter, sa);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_hash_table_contains (sb, key))
      shared++;
  total = g_hash_table_size (sa) + g_hash_table_size (sb) - shared;
  score = total > 0 ? (double) shared / total : 0.0;
  if (share_actor (actors_a, actors_b))
    score += ACTOR_BONUS;
  else if (shared < MIN_SHARED)
    return 0.0;
  return MIN (score, 1.0);
}

GHashTable *
brief_grouping_title_stems (const char *title)
{
  return title_stems (title);
}

double
brief_grouping_similarity (const BriefGroupingEvent *a,
                           const BriefGroupingEvent *b)
{
  g_autoptr(GHashTable) sa = NULL;
  g_autoptr(GHashTable) sb = NULL;

  g_return_val_if_fail (a != NULL && b != NULL, 0.0);

  sa = a->stems != NULL ? g_hash_table_ref (a->stems) : title_stems (a->title);
  sb = b->stems != NULL ? g_hash_table_ref (b->stems) : title_stems (b->title);
  return stems_similarity (sa, sb, a->actors, b->actors);
}

/* Events that share no stem and no actor score 0: an index from each stem
 * and actor to its events finds the pairs worth comparing, so that a
 * briefing of thousands of events is not compared pair by pair. */
static GHashTable *
index_events (const BriefGroupingEvent  *events,
              guint                      n_events,
              GHashTable               **stems)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < n_events; i++)
    {
      GHashTableIter iter;
      gpointer key;
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

      g_hash_table_iter_init (&iter, stems[i]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (keys, g_strconcat ("s:", key, NULL));
      for (guint k = 0; events[i].actors != NULL && events[i].actors[k] != NULL; k++)
        g_ptr_array_add (keys, g_strconcat ("a:", events[i].actors[k], NULL));

      for (guint k = 0; k < keys->len; k++)
        {
          GArray *list = g_hash_table_lookup (index, g_ptr_array_index (keys, k));

          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (index, g_strdup (g_ptr_array_index (keys, k)), list);
            }
          /* A title may name an actor twice: one entry per event. */
          if (list->len == 0 || g_array_index (list, guint, list->len - 1) != i)
            g_array_append_val (list, i);
        }
    }
  return index;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The events that share a stem or an actor with @i and that it is compared
 * with: those after it, and the old ones (before @first_new), in order. */
static void
candidates_of (guint       i,
               guint       first_new,
               GHashTable *index,
               GHashTable *stems,
               const char * const *actors,
               guint      *seen,
               GArray     *out)
{
  GHashTableIter iter;
  gpointer key;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  g_array_set_size (out, 0);
  g_hash_table_iter_init (&iter, stems);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, g_strconcat ("s:", key, NULL));
  for (guint k = 0; actors != NULL && actors[k] != NULL; k++)
    g_ptr_array_add (keys, g_strconcat ("a:", actors[k], NULL));

  for (guint k = 0; k < keys->len; k++)
    {
      GArray *list = g_hash_table_lookup (index, g_ptr_array_index (keys, k));

      for (guint m = 0; list != NULL && m < list->len; m++)
        {
          guint j = g_array_index (list, guint, m);

          if ((j > i || j < first_new) && seen[j] != i + 1)
            {
              seen[j] = i + 1;
              g_array_append_val (out, j);
            }
        }
    }
  g_array_sort (out, compare_uint);
}

static guint
find_root (guint *parent,
           guint  i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}

GArray *
brief_group_events (const BriefGroupingEvent *events,
                    guint                     n_events,
                    GArray                   *conflicts)
{
  return brief_group_new_events (events, n_events, 0, conflicts);
}

GArray *
brief_group_new_events (const BriefGroupingEvent *events,
                        guint                     n_events,
                        guint                     first_new,
                        GArray                   *conflicts)
{
  g_autofree guint *parent = g_new (guint, MAX (n_events, 1));
  g_autofree guint *number = g_new (guint, MAX (n_events, 1));
  GArray *groups = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_events);
  g_autofree GHashTable **stems = NULL;
  g_autoptr(GHashTable) index = NULL;
  g_autofree guint *seen = NULL;
  g_autoptr(GArray) candidates = NULL;
  guint n_groups = 0;

  g_return_val_if_fail (events != NULL || n_events == 0, groups);
  g_return_val_if_fail (first_new <= n_events, groups);

  for (guint i = 0; i < n_events; i++)
    parent[i] = i;

  stems = g_new0 (GHashTable *, MAX (n_events, 1));
  for (guint i = 0; i < n_events; i++)
    stems[i] = events[i].stems != NULL ? g_hash_table_ref (events[i].stems) : title_stems (events[i].title);
  index = index_events (events, n_events, stems);
  seen = g_new0 (guint, MAX (n_events, 1));
  candidates = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Pairs of old events were compared before: each new one is compared
   * with the old ones and the new ones after it. */
  for (guint i = first_new; i < n_events; i++)
    {
      candidates_of (i, first_new, index, stems[i], events[i].actors, seen, candidates);
      for (guint c = 0; c < candidates->len; c++)
        {
          guint j = g_array_index (candidates, guint, c);
          const BriefGroupingEvent *a = &events[i];
          const BriefGroupingEvent *b = &events[j];
          gboolean overlap;

          if (a->article == b->article
              || stems_similarity (stems[i], stems[j], a->actors, b->actors) < SAME_HAPPENING)
            continue;
          overlap = a->earliest <= b->latest && b->earliest <= a->latest;
          if (overlap)
            {
              parent[find_root (parent, j)] = find_root (parent, i);
            }
          else if (conflicts != NULL)
            {
              BriefGroupingConflict conflict = { MIN (i, j), MAX (i, j) };

              g_array_append_val (conflicts, conflict);
            }
        }
    }

  for (guint i = 0; i < n_events; i++)
    g_hash_table_unref (stems[i]);

  for (guint i = 0; i < n_events; i++)
    number[i] = G_MAXUINT;
  for (guint i = 0; i < n_events; i++)
    {
      guint root = find_root (parent, i);

      if (number[root] == G_MAXUINT)
        number[root] = n_groups++;
      g_array_append_val (groups, number[root]);
    }

  return groups;
}
