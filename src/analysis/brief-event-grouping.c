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

double
brief_grouping_similarity (const BriefGroupingEvent *a,
                           const BriefGroupingEvent *b)
{
  g_autoptr(GHashTable) sa = NULL;
  g_autoptr(GHashTable) sb = NULL;
  GHashTableIter iter;
  gpointer key;
  guint shared = 0, total;
  double score;

  g_return_val_if_fail (a != NULL && b != NULL, 0.0);

  sa = title_stems (a->title);
  sb = title_stems (b->title);
  g_hash_table_iter_init (&iter, sa);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_hash_table_contains (sb, key))
      shared++;
  total = g_hash_table_size (sa) + g_hash_table_size (sb) - shared;
  score = total > 0 ? (double) shared / total : 0.0;
  if (share_actor (a->actors, b->actors))
    score += ACTOR_BONUS;
  return MIN (score, 1.0);
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
  g_autofree guint *parent = g_new (guint, MAX (n_events, 1));
  g_autofree guint *number = g_new (guint, MAX (n_events, 1));
  GArray *groups = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_events);
  guint n_groups = 0;

  g_return_val_if_fail (events != NULL || n_events == 0, groups);

  for (guint i = 0; i < n_events; i++)
    parent[i] = i;

  for (guint i = 0; i < n_events; i++)
    for (guint j = i + 1; j < n_events; j++)
      {
        const BriefGroupingEvent *a = &events[i];
        const BriefGroupingEvent *b = &events[j];
        gboolean overlap;

        if (a->article == b->article || brief_grouping_similarity (a, b) < SAME_HAPPENING)
          continue;
        overlap = a->earliest <= b->latest && b->earliest <= a->latest;
        if (overlap)
          {
            parent[find_root (parent, j)] = find_root (parent, i);
          }
        else if (conflicts != NULL)
          {
            BriefGroupingConflict conflict = { i, j };

            g_array_append_val (conflicts, conflict);
          }
      }

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
