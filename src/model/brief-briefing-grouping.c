/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-briefing"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "brief-briefing-private.h"
#include "brief-event-grouping.h"

/* Events across sources: Briefing suggests groups of events that several
 * articles tell (combined events, grouping SUGGESTED), flags the same
 * happening given different dates, and the user merges, splits and accepts
 * groups.  A combined event holds its parts; the parts are out of the list
 * while it is in it. */

static GListModel *
events_of (BriefBriefing *self)
{
  return G_LIST_MODEL (_brief_briefing_get_event_store (self));
}

/* Each article's position in the list, plus one: looked up once per event
 * grouped, the list searched each time would cost articles × events. */
static GHashTable *
article_positions (BriefBriefing *self)
{
  GListModel *articles = brief_briefing_get_articles (self);
  guint n = g_list_model_get_n_items (articles);
  GHashTable *positions = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) article = g_list_model_get_item (articles, i);

      g_hash_table_insert (positions, article, GUINT_TO_POINTER (i + 1));
    }
  return positions;
}

static guint
article_position (GHashTable   *positions,
                  BriefArticle *article)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, article));

  return position > 0 ? position - 1 : G_MAXUINT;
}

static void
fill_grouping_event (BriefBriefing      *self,
                     BriefGroupingEvent *out,
                     BriefEvent         *event,
                     guint               article)
{
  GDate day;

  brief_date_get_earliest (brief_event_get_date (event), &day);
  out->earliest = g_date_get_julian (&day);
  brief_date_get_latest (brief_event_get_date (event), &day);
  out->latest = g_date_get_julian (&day);
  out->article = article;
  out->title = brief_event_get_title (event);
  out->actors = NULL;
  out->stems = _brief_briefing_get_title_stems (self, out->title);
}

static const char *
source_name (BriefArticle *article)
{
  const char *name = article != NULL ? brief_article_get_site (article) : NULL;

  if (name == NULL || *name == '\0')
    name = article != NULL ? brief_article_get_title (article) : NULL;
  return name != NULL && *name != '\0' ? name : _("Untitled");
}

static void
append_conflict (GHashTable *texts,
                 BriefEvent *event,
                 BriefEvent *other)
{
  GString *text = g_hash_table_lookup (texts, event);
  g_autofree char *mine = brief_event_dup_date_label (event);
  g_autofree char *theirs = brief_event_dup_date_label (other);
  g_autofree char *line = NULL;

  /* TRANSLATORS: "Reuters says March 2021, AP says April 2021" */
  line = g_strdup_printf (_("%s says %s, %s says %s"),
                          source_name (brief_event_get_article (event)), mine,
                          source_name (brief_event_get_article (other)), theirs);
  if (text == NULL)
    g_hash_table_insert (texts, event, g_string_new (line));
  else if (strstr (text->str, line) == NULL)
    g_string_append_printf (text, "; %s", line);
}

static void
free_gstring (gpointer data)
{
  g_string_free (data, TRUE);
}

void
_brief_briefing_update_conflicts (BriefBriefing *self)
{
  GListModel *events = events_of (self);
  guint n = g_list_model_get_n_items (events);
  g_autofree BriefGroupingEvent *input = g_new0 (BriefGroupingEvent, MAX (n, 1));
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) conflicts = g_array_new (FALSE, FALSE, sizeof (BriefGroupingConflict));
  g_autoptr(GHashTable) texts = g_hash_table_new_full (NULL, NULL, NULL, free_gstring);
  g_autoptr(GHashTable) positions = article_positions (self);
  g_autoptr(GArray) groups = NULL;

  for (guint i = 0; i < n; i++)
    {
      BriefEvent *event = g_list_model_get_item (events, i);
      BriefArticle *article = brief_event_get_article (event);

      /* Events made by hand have no source to disagree with. */
      if (article == NULL)
        {
          g_object_unref (event);
          continue;
        }
      fill_grouping_event (self, &input[listed->len], event, article_position (positions, article));
      g_ptr_array_add (listed, event);
    }

  groups = brief_group_events (input, listed->len, conflicts);
  for (guint i = 0; i < conflicts->len; i++)
    {
      BriefGroupingConflict *c = &g_array_index (conflicts, BriefGroupingConflict, i);
      BriefEvent *a = g_ptr_array_index (listed, c->a);
      BriefEvent *b = g_ptr_array_index (listed, c->b);

      append_conflict (texts, a, b);
      append_conflict (texts, b, a);
    }

  for (guint i = 0; i < listed->len; i++)
    {
      BriefEvent *event = g_ptr_array_index (listed, i);
      GString *text = g_hash_table_lookup (texts, event);

      brief_event_set_conflict (event, text != NULL ? text->str : NULL);
    }
}

static void
add_candidate (GPtrArray  *leaves,
               GPtrArray  *owners,
               BriefEvent *leaf,
               BriefEvent *owner)
{
  g_ptr_array_add (leaves, g_object_ref (leaf));
  g_ptr_array_add (owners, g_object_ref (owner));
}

/* The events the suggestions are made from: the single mentions of the
 * list not kept apart by the user, and the parts of the groups Briefing
 * suggested before (so that a third source can join them); those of the
 * @added articles (NULL: none is new) last, from *@first_new on.  @owners
 * gets the listed event each stands in. */
static GPtrArray *
grouping_candidates (BriefBriefing *self,
                     GPtrArray     *added,
                     GPtrArray     *owners,
                     guint         *first_new)
{
  GListModel *events = events_of (self);
  guint n = g_list_model_get_n_items (events);
  GPtrArray *leaves = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) new_events = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriefEvent) event = g_list_model_get_item (events, i);
      GPtrArray *parts = brief_event_get_parts (event);
      BriefArticle *article = brief_event_get_article (event);

      if (brief_event_get_grouping (event) == BRIEF_EVENT_GROUPING_SUGGESTED)
        for (guint k = 0; k < parts->len; k++)
          add_candidate (leaves, owners, g_ptr_array_index (parts, k), event);
      else if (parts == NULL && article != NULL && !brief_event_get_kept_apart (event))
        {
          if (added != NULL && g_ptr_array_find (added, article, NULL))
            g_ptr_array_add (new_events, g_object_ref (event));
          else
            add_candidate (leaves, owners, event, event);
        }
    }

  *first_new = added != NULL ? leaves->len : 0;
  for (guint i = 0; i < new_events->len; i++)
    add_candidate (leaves, owners, g_ptr_array_index (new_events, i), g_ptr_array_index (new_events, i));
  return leaves;
}

/* Puts @parts together as one suggested event in place of @owners; a
 * suggested group that grows passes its decisions on. */
static void
suggest_group (BriefBriefing *self,
               GPtrArray     *owners,
               GPtrArray     *parts)
{
  g_autoptr(BriefEvent) combined = NULL;
  BriefEvent *previous = NULL;

  for (guint i = 0; i < owners->len; i++)
    if (brief_event_get_grouping (g_ptr_array_index (owners, i)) == BRIEF_EVENT_GROUPING_SUGGESTED)
      previous = g_ptr_array_index (owners, i);

  combined = brief_event_new_combined (parts, BRIEF_EVENT_GROUPING_SUGGESTED);
  if (previous != NULL)
    {
      brief_event_set_state (combined, brief_event_get_state (previous));
      brief_event_set_starred (combined, brief_event_get_starred (previous));
    }
  for (guint i = 0; i < owners->len; i++)
    _brief_briefing_take_event (self, g_ptr_array_index (owners, i));
  _brief_briefing_insert_event (self, combined);
}

/* Whether the group numbered @group brings together two listed events, of
 * which at most one is a suggested group already; its parts are the single
 * events and every part of that group. */
static gboolean
collect_group (const guint *members,
               guint        n_members,
               GPtrArray   *owners,
               GPtrArray   *out_owners,
               GPtrArray   *out_parts)
{
  guint n_suggested = 0;

  for (guint m = 0; m < n_members; m++)
    {
      BriefEvent *owner;
      GPtrArray *parts;

      owner = g_ptr_array_index (owners, members[m]);
      if (g_ptr_array_find (out_owners, owner, NULL))
        continue;
      g_ptr_array_add (out_owners, owner);
      if ((parts = brief_event_get_parts (owner)) == NULL)
        {
          g_ptr_array_add (out_parts, owner);
          continue;
        }
      n_suggested++;
      for (guint k = 0; k < parts->len; k++)
        g_ptr_array_add (out_parts, g_ptr_array_index (parts, k));
    }
  return out_owners->len >= 2 && n_suggested <= 1;
}

void
_brief_briefing_regroup (BriefBriefing *self,
                         GPtrArray     *added)
{
  g_autoptr(GPtrArray) owners = g_ptr_array_new_with_free_func (g_object_unref);
  guint first_new = 0;
  g_autoptr(GPtrArray) leaves = grouping_candidates (self, added, owners, &first_new);
  g_autofree BriefGroupingEvent *input = g_new0 (BriefGroupingEvent, MAX (leaves->len, 1));
  g_autoptr(GHashTable) positions = article_positions (self);
  g_autoptr(GArray) groups = NULL;
  g_autofree guint *start = NULL;
  g_autofree guint *members = NULL;
  guint n_groups = 0;

  for (guint i = 0; i < leaves->len; i++)
    {
      BriefEvent *leaf = g_ptr_array_index (leaves, i);

      fill_grouping_event (self, &input[i], leaf, article_position (positions, brief_event_get_article (leaf)));
    }
  groups = brief_group_new_events (input, leaves->len, first_new, NULL);
  for (guint i = 0; i < groups->len; i++)
    n_groups = MAX (n_groups, g_array_index (groups, guint, i) + 1);

  /* The leaves of each group in order, group by group: those of group g
   * are members[start[g]] to members[start[g + 1] - 1]. */
  start = g_new0 (guint, n_groups + 1);
  members = g_new (guint, MAX (groups->len, 1));
  for (guint i = 0; i < groups->len; i++)
    start[g_array_index (groups, guint, i) + 1]++;
  for (guint group = 0; group < n_groups; group++)
    start[group + 1] += start[group];
  {
    g_autofree guint *next = g_memdup2 (start, (n_groups + 1) * sizeof (guint));

    for (guint i = 0; i < groups->len; i++)
      members[next[g_array_index (groups, guint, i)]++] = i;
  }

  for (guint group = 0; group < n_groups; group++)
    {
      g_autoptr(GPtrArray) group_owners = NULL;
      g_autoptr(GPtrArray) parts = NULL;

      /* A leaf alone makes no group. */
      if (start[group + 1] - start[group] < 2)
        continue;
      group_owners = g_ptr_array_new ();
      parts = g_ptr_array_new ();
      if (collect_group (members + start[group], start[group + 1] - start[group], owners, group_owners, parts))
        suggest_group (self, group_owners, parts);
    }

  _brief_briefing_update_conflicts (self);
}

/* Takes @event out of the list for an edit that puts it in a group.  A
 * source added since the edit was undone may have put it in a group
 * Briefing suggested: that suggestion gives way, its other parts go back
 * into the list. */
static void
take_for_group (BriefBriefing *self,
                BriefEvent    *event)
{
  GListModel *events = events_of (self);

  if (_brief_briefing_take_event (self, event))
    return;
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(BriefEvent) owner = g_list_model_get_item (events, i);
      GPtrArray *parts = brief_event_get_parts (owner);

      if (brief_event_get_grouping (owner) != BRIEF_EVENT_GROUPING_SUGGESTED
          || !g_ptr_array_find (parts, event, NULL))
        continue;
      _brief_briefing_take_event (self, owner);
      for (guint k = 0; k < parts->len; k++)
        if (g_ptr_array_index (parts, k) != event)
          _brief_briefing_insert_event (self, g_ptr_array_index (parts, k));
      return;
    }
}

/* Merging and splitting: the inverse of one is the other. */
typedef struct
{
  BriefBriefing *briefing;
  BriefEvent    *combined;
  GPtrArray     *listed;      /* the events listed when apart */
  GArray        *kept_apart;  /* of gboolean, the parts' flags before a split */
  gboolean       merges;
} GroupEdit;

static void
group_edit_free (gpointer data)
{
  GroupEdit *edit = data;

  g_clear_object (&edit->combined);
  g_clear_pointer (&edit->listed, g_ptr_array_unref);
  g_clear_pointer (&edit->kept_apart, g_array_unref);
  g_free (edit);
}

static void
group_edit_apply (gpointer data,
                  gboolean undo)
{
  GroupEdit *edit = data;
  GPtrArray *parts = edit->listed;
  gboolean together = edit->merges != undo;

  if (together)
    {
      for (guint i = 0; i < parts->len; i++)
        take_for_group (edit->briefing, g_ptr_array_index (parts, i));
      _brief_briefing_insert_event (edit->briefing, edit->combined);
    }
  else
    {
      _brief_briefing_take_event (edit->briefing, edit->combined);
      for (guint i = 0; i < parts->len; i++)
        _brief_briefing_insert_event (edit->briefing, g_ptr_array_index (parts, i));
    }

  /* Parts the user split are not suggested together again, until undone. */
  if (!edit->merges)
    for (guint i = 0; i < parts->len; i++)
      brief_event_set_kept_apart (g_ptr_array_index (parts, i),
                                  together ? g_array_index (edit->kept_apart, gboolean, i) : TRUE);

  _brief_briefing_update_conflicts (edit->briefing);
  _brief_briefing_changed (edit->briefing);
}

static gboolean
is_listed (BriefBriefing *self,
           BriefEvent    *event)
{
  guint position;

  return g_list_store_find (G_LIST_STORE (events_of (self)), event, &position);
}

static int
compare_event_pointers (gconstpointer a,
                        gconstpointer b)
{
  return brief_event_compare (*(BriefEvent **) a, *(BriefEvent **) b);
}

/* Merging a merged event merges its parts: groups stay one level deep, so
 * no number of merges makes a file too deeply nested to open again. */
static void
add_leaves (GPtrArray  *leaves,
            BriefEvent *event)
{
  GPtrArray *parts = brief_event_get_parts (event);

  if (parts == NULL)
    {
      g_ptr_array_add (leaves, event);
      return;
    }
  for (guint i = 0; i < parts->len; i++)
    add_leaves (leaves, g_ptr_array_index (parts, i));
}

BriefEvent *
brief_briefing_merge_events (BriefBriefing *self,
                             GPtrArray     *events)
{
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GPtrArray) leaves = NULL;
  GroupEdit *edit;

  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), NULL);
  g_return_val_if_fail (events != NULL, NULL);

  parts = g_ptr_array_new ();
  for (guint i = 0; i < events->len; i++)
    {
      BriefEvent *event = g_ptr_array_index (events, i);

      g_return_val_if_fail (BRIEF_IS_EVENT (event), NULL);
      if (is_listed (self, event) && !g_ptr_array_find (parts, event, NULL))
        g_ptr_array_add (parts, event);
    }
  if (parts->len < 2)
    return NULL;

  /* The earliest part speaks for the whole: "first reported in March". */
  g_ptr_array_sort (parts, compare_event_pointers);
  leaves = g_ptr_array_new ();
  for (guint i = 0; i < parts->len; i++)
    add_leaves (leaves, g_ptr_array_index (parts, i));
  g_ptr_array_sort (leaves, compare_event_pointers);
  edit = g_new0 (GroupEdit, 1);
  edit->briefing = self;
  edit->combined = brief_event_new_combined (leaves, BRIEF_EVENT_GROUPING_MERGED);
  edit->listed = g_ptr_array_new_full (parts->len, g_object_unref);
  for (guint i = 0; i < parts->len; i++)
    g_ptr_array_add (edit->listed, g_object_ref (g_ptr_array_index (parts, i)));
  /* The decisions the user made on merged groups hold for the whole. */
  brief_event_set_title (edit->combined, brief_event_get_title (g_ptr_array_index (parts, 0)));
  for (guint i = 0; i < parts->len; i++)
    {
      BriefEvent *part = g_ptr_array_index (parts, i);

      if (brief_event_get_state (part) == BRIEF_EVENT_STATE_ACCEPTED)
        brief_event_set_state (edit->combined, BRIEF_EVENT_STATE_ACCEPTED);
      if (brief_event_get_starred (part))
        brief_event_set_starred (edit->combined, TRUE);
    }
  edit->merges = TRUE;
  group_edit_apply (edit, FALSE);
  brief_history_record (brief_briefing_get_history (self), _("Merge Events"), NULL,
                        group_edit_apply, edit, group_edit_free);
  return edit->combined;
}

gboolean
brief_briefing_split_event (BriefBriefing *self,
                            BriefEvent    *event)
{
  GPtrArray *parts;
  GroupEdit *edit;

  g_return_val_if_fail (BRIEF_IS_BRIEFING (self), FALSE);
  g_return_val_if_fail (BRIEF_IS_EVENT (event), FALSE);

  parts = brief_event_get_parts (event);
  if (parts == NULL || !is_listed (self, event))
    return FALSE;

  edit = g_new0 (GroupEdit, 1);
  edit->briefing = self;
  edit->combined = g_object_ref (event);
  edit->listed = g_ptr_array_ref (parts);
  edit->kept_apart = g_array_new (FALSE, FALSE, sizeof (gboolean));
  for (guint i = 0; i < parts->len; i++)
    {
      gboolean kept = brief_event_get_kept_apart (g_ptr_array_index (parts, i));

      g_array_append_val (edit->kept_apart, kept);
    }
  group_edit_apply (edit, FALSE);
  brief_history_record (brief_briefing_get_history (self), _("Split Event"), NULL,
                        group_edit_apply, edit, group_edit_free);
  return TRUE;
}

void
brief_briefing_accept_group (BriefBriefing *self,
                             BriefEvent    *event)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (BRIEF_IS_BRIEFING (self));
  g_return_if_fail (BRIEF_IS_EVENT (event));

  if (brief_event_get_grouping (event) != BRIEF_EVENT_GROUPING_SUGGESTED)
    return;
  g_value_init (&value, BRIEF_TYPE_EVENT_GROUPING);
  g_value_set_enum (&value, BRIEF_EVENT_GROUPING_MERGED);
  _brief_briefing_edit_property (self, _("Accept Event"), event, "grouping", &value);
}

/* Removing a source dissolves the groups it is part of: the other parts
 * go back into the list.  Returns the groups dissolved. */
GPtrArray *
_brief_briefing_dissolve_groups_of (BriefBriefing *self,
                                    BriefArticle  *article)
{
  GListModel *events = events_of (self);
  GPtrArray *dissolved = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = g_list_model_get_n_items (events); i > 0; i--)
    {
      g_autoptr(BriefEvent) event = g_list_model_get_item (events, i - 1);

      if (brief_event_get_parts (event) != NULL && brief_event_is_from (event, article))
        g_ptr_array_add (dissolved, g_steal_pointer (&event));
    }
  for (guint i = 0; i < dissolved->len; i++)
    _brief_briefing_apply_dissolve (self, g_ptr_array_index (dissolved, i), article, FALSE);
  return dissolved;
}

static void
collect_leaves_not_from (BriefEvent   *event,
                         BriefArticle *article,
                         GPtrArray    *out)
{
  GPtrArray *parts = brief_event_get_parts (event);

  if (parts == NULL)
    {
      if (brief_event_get_article (event) != article)
        g_ptr_array_add (out, event);
      return;
    }
  for (guint i = 0; i < parts->len; i++)
    collect_leaves_not_from (g_ptr_array_index (parts, i), article, out);
}

void
_brief_briefing_apply_dissolve (BriefBriefing *self,
                                BriefEvent    *combined,
                                BriefArticle  *article,
                                gboolean       undo)
{
  g_autoptr(GPtrArray) others = g_ptr_array_new ();

  /* The group itself is never changed, so undo puts it back whole. */
  collect_leaves_not_from (combined, article, others);
  if (undo)
    {
      for (guint i = 0; i < others->len; i++)
        take_for_group (self, g_ptr_array_index (others, i));
      _brief_briefing_insert_event (self, combined);
    }
  else
    {
      _brief_briefing_take_event (self, combined);
      for (guint i = 0; i < others->len; i++)
        _brief_briefing_insert_event (self, g_ptr_array_index (others, i));
    }
}
