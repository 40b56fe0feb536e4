/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-event-list"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-event-editor.h"
#include "brief-event-list.h"
#include "brief-timeline.h"

typedef enum
{
  COLUMN_DATE,
  COLUMN_TITLE,
  COLUMN_SOURCE,
} Column;

struct _BriefEventList
{
  GtkWidget           parent_instance;

  BriefBriefing      *briefing;
  GListModel         *articles;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkMultiSelection  *selection;
  GtkCustomFilter    *filter;
  GtkStringList      *source_names;
  GtkWidget          *menu;

  /* Template widgets */
  GtkBox             *box;
  GtkColumnView      *column_view;
  GtkScrolledWindow  *scrolled_window;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *source_dropdown;
  GtkDropDown        *state_dropdown;
  GtkBox             *toolbar;
};

/* The state filter's choices, in the order of its drop-down. */
enum {
  STATE_FILTER_ALL,
  STATE_FILTER_SUGGESTED,
  STATE_FILTER_ACCEPTED,
  STATE_FILTER_HIDDEN,
  STATE_FILTER_NOT_HIDDEN,
};

G_DEFINE_FINAL_TYPE (BriefEventList, brief_event_list, GTK_TYPE_WIDGET)

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void select_also (BriefEventList *self,
                         BriefEvent     *event);

static const char *
event_source_name (BriefEvent *event)
{
  BriefArticle *article = brief_event_get_article (event);
  const char *name;

  if (article == NULL)
    return "";
  name = brief_article_get_site (article);
  if (name == NULL || *name == '\0')
    name = brief_article_get_title (article);
  return name != NULL ? name : "";
}

static guint
article_index (BriefEventList *self,
               BriefArticle   *article)
{
  guint n = self->articles != NULL ? g_list_model_get_n_items (self->articles) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->articles, i);

      if (item == (GObject *) article)
        return i;
    }
  return G_MAXUINT;
}

/* The date in full, as written, and how it was worked out when it was:
 * "February 2019 · “two months before April 2019”\nderived: …". */
static char *
dup_date_tooltip (BriefEvent *event,
                  const char *date)
{
  g_autofree char *derivation = brief_event_dup_derivation_label (event);
  const char *written = brief_event_get_date_text (event);
  GString *tooltip = g_string_new (date);

  if (written != NULL && *written != '\0')
    /* Translators: the date as the article wrote it, after the date: 2009 · “in 2009” */
    g_string_append_printf (tooltip, _(" · “%s”"), written);
  if (derivation != NULL)
    g_string_append_printf (tooltip, "\n%s", derivation);
  return g_string_free (tooltip, FALSE);
}

/* The names of the sources when several tell @event, else NULL:
 * "Harbour Gazette, Valley Courier". */
static char *
dup_source_names (BriefEvent *event)
{
  if (brief_event_get_n_sources (event) < 2)
    return NULL;
  return brief_event_dup_source_names (event);
}

/* What sources that date @event differently say, else NULL. */
static char *
dup_conflict_tooltip (BriefEvent *event)
{
  const char *conflict = brief_event_get_conflict (event);

  if (conflict == NULL)
    return NULL;
  /* Translators: the tooltip of an event that sources date differently */
  return g_strdup_printf (_("Sources disagree: %s"), conflict);
}

/* The tooltip of @event's cell in @column, or NULL for none. */
static char *
dup_cell_tooltip (BriefEvent *event,
                  Column      column)
{
  switch (column)
    {
    case COLUMN_DATE:
      {
        g_autofree char *date = brief_event_dup_date_label (event);

        return dup_date_tooltip (event, date);
      }

    case COLUMN_TITLE:
      {
        char *conflict = dup_conflict_tooltip (event);

        return conflict != NULL ? conflict : g_strdup (brief_event_get_sentence (event));
      }

    case COLUMN_SOURCE:
      return dup_source_names (event);

    default:
      g_assert_not_reached ();
    }
}

/* Tooltips are made when asked for: setting one on a visible label asks
 * the display where the pointer is, a round trip to the X server for every
 * cell bound while an import moves the rows. */
static gboolean
cell_query_tooltip_cb (GtkWidget  *label,
                       int         x,
                       int         y,
                       gboolean    keyboard_mode,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  BriefEvent *event = g_object_get_data (G_OBJECT (label), "event");
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "column"));
  g_autofree char *text = NULL;

  if (event == NULL)
    return FALSE;
  text = dup_cell_tooltip (event, column);
  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
set_description (GtkWidget  *label,
                 const char *description)
{
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* An event several sources tell is listed under each of them. */
static gboolean
told_by_source (BriefEventList *self,
                BriefEvent     *event,
                guint           index)
{
  g_autoptr(BriefArticle) article = self->articles != NULL ? g_list_model_get_item (self->articles, index) : NULL;

  if (brief_event_get_parts (event) == NULL)
    return article_index (self, brief_event_get_article (event)) == index;
  return article != NULL && brief_event_is_from (event, article);
}

static void
update_cell (GtkListItem *list_item)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  BriefEvent *event = gtk_list_item_get_item (list_item);
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "column"));

  if (event == NULL)
    return;

  switch (column)
    {
    case COLUMN_DATE:
      {
        g_autofree char *date = brief_event_dup_date_label (event);
        g_autofree char *tooltip = dup_date_tooltip (event, date);

        gtk_label_set_text (label, date);
        /* What a tooltip set on the label would describe. */
        set_description (GTK_WIDGET (label), tooltip);
      }
      break;

    case COLUMN_TITLE:
      {
        g_autofree char *conflict = dup_conflict_tooltip (event);
        g_autofree char *text = NULL;

        /* Sources that date the event differently: a warning sign. */
        text = g_strconcat (conflict != NULL ? "⚠ " : "", brief_event_get_starred (event) ? "★ " : "",
                            brief_event_get_title (event), NULL);
        gtk_label_set_text (label, text);
        if (brief_event_get_state (event) == BRIEF_EVENT_STATE_HIDDEN)
          gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
        else
          gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
        if (conflict != NULL)
          gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
        else
          gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
        set_description (GTK_WIDGET (label), conflict);
      }
      break;

    case COLUMN_SOURCE:
      {
        BriefEventList *self = g_object_get_data (G_OBJECT (label), "list");
        g_autofree char *names = dup_source_names (event);
        g_autofree char *markup = NULL;
        g_autofree char *color_text = NULL;
        GdkRGBA color;

        brief_timeline_get_source_color (article_index (self, brief_event_get_article (event)), &color);
        color_text = g_strdup_printf ("#%02x%02x%02x", (guint) (color.red * 255),
                                      (guint) (color.green * 255), (guint) (color.blue * 255));
        if (names != NULL)
          {
            guint n = brief_event_get_n_sources (event);
            /* Translators: an event that several articles tell */
            g_autofree char *count = g_strdup_printf (ngettext ("%u source", "%u sources", n), n);

            /* Events several sources tell: "2 sources", naming them in the
             * tooltip. */
            markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span> %s", color_text, count);
          }
        else
          markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span> %s",
                                            color_text, event_source_name (event));
        gtk_label_set_markup (label, markup);
        set_description (GTK_WIDGET (label), names);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
event_notify_cb (GtkListItem *list_item,
                 GParamSpec  *pspec,
                 BriefEvent  *event)
{
  update_cell (list_item);
}

static void
factory_setup_cb (BriefEventList           *self,
                  GtkListItem              *list_item,
                  GtkSignalListItemFactory *factory)
{
  GtkWidget *label = gtk_label_new (NULL);
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_object_set_data (G_OBJECT (label), "column", GUINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (label), "list", self);
  if (column == COLUMN_DATE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
  gtk_list_item_set_child (list_item, label);
}

static void
factory_bind_cb (BriefEventList           *self,
                 GtkListItem              *list_item,
                 GtkSignalListItemFactory *factory)
{
  BriefEvent *event = gtk_list_item_get_item (list_item);

  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "event", event);
  update_cell (list_item);
  g_signal_connect_object (event, "notify", G_CALLBACK (event_notify_cb), list_item, G_CONNECT_SWAPPED);
}

static void
factory_unbind_cb (BriefEventList           *self,
                   GtkListItem              *list_item,
                   GtkSignalListItemFactory *factory)
{
  BriefEvent *event = gtk_list_item_get_item (list_item);

  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "event", NULL);
  if (event != NULL)
    g_signal_handlers_disconnect_by_func (event, event_notify_cb, list_item);
}

static int
compare_dates_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return brief_event_compare ((BriefEvent *) a, (BriefEvent *) b);
}

static int
compare_titles_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return g_utf8_collate (brief_event_get_title ((BriefEvent *) a), brief_event_get_title ((BriefEvent *) b));
}

static int
compare_sources_cb (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return g_utf8_collate (event_source_name ((BriefEvent *) a), event_source_name ((BriefEvent *) b));
}

static void
add_column (BriefEventList   *self,
            Column            column,
            const char       *title,
            GCompareDataFunc  compare,
            gboolean          expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (compare, NULL, NULL);

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (column));
  g_signal_connect_object (factory, "setup", G_CALLBACK (factory_setup_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (factory_bind_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (factory_unbind_cb), self, G_CONNECT_SWAPPED);

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (view_column, GTK_SORTER (sorter));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
}

/* ---------------------------------------------------------------- filters */

static void
dropdown_label_setup_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *list_item,
                         gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_list_item_set_child (list_item, label);
}

static void
dropdown_label_bind_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *list_item,
                        gpointer                  user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (item));
}

/* A drop-down is as wide as its widest item, and the source filter's items
 * are article titles: its button shows the chosen item ellipsized so the
 * window fits an 800 pixel wide screen, while the popup keeps the default
 * rows, whole and with their check mark. */
static void
ellipsize_dropdown (GtkDropDown *dropdown)
{
  GtkListItemFactory *list_factory = gtk_drop_down_get_factory (dropdown);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  if (list_factory != NULL)
    gtk_drop_down_set_list_factory (dropdown, list_factory);
  g_signal_connect (factory, "setup", G_CALLBACK (dropdown_label_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (dropdown_label_bind_cb), NULL);
  gtk_drop_down_set_factory (dropdown, factory);
}

static gboolean
filter_event_cb (gpointer item,
                 gpointer user_data)
{
  BriefEventList *self = user_data;
  BriefEvent *event = item;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint source = gtk_drop_down_get_selected (self->source_dropdown);
  BriefEventState state = brief_event_get_state (event);

  switch (gtk_drop_down_get_selected (self->state_dropdown))
    {
    case STATE_FILTER_SUGGESTED:
      if (state != BRIEF_EVENT_STATE_SUGGESTED)
        return FALSE;
      break;
    case STATE_FILTER_ACCEPTED:
      if (state != BRIEF_EVENT_STATE_ACCEPTED)
        return FALSE;
      break;
    case STATE_FILTER_HIDDEN:
      if (state != BRIEF_EVENT_STATE_HIDDEN)
        return FALSE;
      break;
    case STATE_FILTER_NOT_HIDDEN:
      if (state == BRIEF_EVENT_STATE_HIDDEN)
        return FALSE;
      break;
    default:
      break;
    }

  if (source != GTK_INVALID_LIST_POSITION && source > 0 && !told_by_source (self, event, source - 1))
    return FALSE;

  if (search != NULL && *search != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (search, -1);
      g_autofree char *date = brief_event_dup_date_label (event);
      g_autofree char *haystack = NULL;
      g_autofree char *folded = NULL;

      haystack = g_strjoin ("\n", brief_event_get_title (event), date,
                            brief_event_get_sentence (event) ? brief_event_get_sentence (event) : "",
                            event_source_name (event), NULL);
      folded = g_utf8_casefold (haystack, -1);
      if (strstr (folded, needle) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
search_entry_search_changed_cb (BriefEventList *self,
                                GtkSearchEntry *entry)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
source_dropdown_notify_selected_cb (BriefEventList *self,
                                    GParamSpec     *pspec,
                                    GtkDropDown    *dropdown)
{
  if (self->filter == NULL)
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
column_view_activate_cb (BriefEventList *self,
                         guint           position,
                         GtkColumnView  *column_view)
{
  g_autoptr(BriefEvent) event = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (event != NULL)
    g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event);
}

static void
articles_items_changed_cb (BriefEventList *self,
                           guint           position,
                           guint           removed,
                           guint           added,
                           GListModel     *articles)
{
  guint n = g_list_model_get_n_items (articles);
  guint selected = gtk_drop_down_get_selected (self->source_dropdown);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  /* Row 0 is "All Sources", article i is row i + 1; only the rows that
   * changed are replaced, as an import adds articles one at a time. */
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(BriefArticle) article = g_list_model_get_item (articles, i);
      const char *name = brief_article_get_title (article);

      if (name == NULL || *name == '\0')
        name = brief_article_get_site (article);
      g_ptr_array_add (names, g_strdup (name != NULL ? name : _("Untitled")));
    }
  g_ptr_array_add (names, NULL);

  gtk_string_list_splice (self->source_names, position + 1, removed,
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->source_dropdown, selected < n + 1 ? selected : 0);
  gtk_widget_set_visible (GTK_WIDGET (self->source_dropdown), n > 1);
}

/* ---------------------------------------------------------------- curation */

GPtrArray *
brief_event_list_get_selected_events (BriefEventList *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  GPtrArray *events;
  guint position;

  g_return_val_if_fail (BRIEF_IS_EVENT_LIST (self), NULL);

  events = g_ptr_array_new_with_free_func (g_object_unref);
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (events, g_list_model_get_item (G_LIST_MODEL (self->selection), position));
  return events;
}

/* Merge wants two events or more; split one that stands for several. */
static void
update_grouping_actions (BriefEventList *self,
                         guint64         n)
{
  gboolean can_split = FALSE;

  if (self->briefing != NULL && n == 1)
    {
      g_autoptr(GPtrArray) events = brief_event_list_get_selected_events (self);

      can_split = brief_event_get_parts (g_ptr_array_index (events, 0)) != NULL;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.merge", self->briefing != NULL && n >= 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.split", can_split);
}

static void
brief_event_list_merge_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  BriefEventList *self = BRIEF_EVENT_LIST (widget);
  g_autoptr(GPtrArray) events = brief_event_list_get_selected_events (self);
  BriefEvent *merged;

  if (self->briefing == NULL || events->len < 2)
    return;
  merged = brief_briefing_merge_events (self->briefing, events);
  if (merged != NULL)
    brief_event_list_select_event (self, merged);
}

static void
brief_event_list_split_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  BriefEventList *self = BRIEF_EVENT_LIST (widget);
  g_autoptr(GPtrArray) events = brief_event_list_get_selected_events (self);
  g_autoptr(BriefEvent) group = NULL;
  GPtrArray *parts;

  if (self->briefing == NULL || events->len != 1)
    return;
  group = g_object_ref (g_ptr_array_index (events, 0));
  parts = brief_event_get_parts (group);
  if (parts == NULL || !brief_briefing_split_event (self->briefing, group))
    return;
  /* The parts stay selected, ready to be curated one by one. */
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  for (guint i = 0; i < parts->len; i++)
    select_also (self, g_ptr_array_index (parts, i));
}

static void
update_actions (BriefEventList *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint64 n = gtk_bitset_get_size (selected);
  gboolean can_edit = self->briefing != NULL && n > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.accept", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.hide", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.star", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.edit", self->briefing != NULL && n == 1);
  update_grouping_actions (self, n);
}

static void
selection_changed_cb (BriefEventList    *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *selection)
{
  update_actions (self);
}

static void
selection_items_changed_cb (BriefEventList    *self,
                            guint              position,
                            guint              removed,
                            guint              added,
                            GtkSelectionModel *selection)
{
  update_actions (self);
}

/* Accept, hide and star toggle: on a selection where every event already
 * is so, they take it back; otherwise they apply to all, as one step. */
static void
brief_event_list_curate_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  BriefEventList *self = BRIEF_EVENT_LIST (widget);
  g_autoptr(GPtrArray) events = brief_event_list_get_selected_events (self);
  BriefHistory *history;
  gboolean all = TRUE;
  const char *label;
  BriefEventState state = BRIEF_EVENT_STATE_SUGGESTED;
  gboolean star = g_str_equal (action_name, "events.star");

  if (self->briefing == NULL || events->len == 0)
    return;

  if (g_str_equal (action_name, "events.accept"))
    state = BRIEF_EVENT_STATE_ACCEPTED;
  else if (g_str_equal (action_name, "events.hide"))
    state = BRIEF_EVENT_STATE_HIDDEN;

  for (guint i = 0; i < events->len; i++)
    {
      BriefEvent *event = g_ptr_array_index (events, i);

      if (star ? !brief_event_get_starred (event) : brief_event_get_state (event) != state)
        all = FALSE;
    }

  if (star)
    label = all ? _("Unstar Events") : _("Star Events");
  else if (all)
    label = _("Reset Events");
  else
    label = state == BRIEF_EVENT_STATE_ACCEPTED ? _("Accept Events") : _("Hide Events");

  history = brief_briefing_get_history (self->briefing);
  /* A single event keeps the model's own label: "Undo Hide Event". */
  if (events->len > 1)
    brief_history_begin_group (history, label);
  for (guint i = 0; i < events->len; i++)
    {
      BriefEvent *event = g_ptr_array_index (events, i);

      if (star)
        brief_briefing_edit_event_starred (self->briefing, event, !all);
      else
        brief_briefing_edit_event_state (self->briefing, event, all ? BRIEF_EVENT_STATE_SUGGESTED : state);
    }
  if (events->len > 1)
    brief_history_end_group (history);
}

static void
brief_event_list_edit_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  BriefEventList *self = BRIEF_EVENT_LIST (widget);
  g_autoptr(GPtrArray) events = brief_event_list_get_selected_events (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  BriefEventEditor *editor;

  if (self->briefing == NULL || events->len == 0)
    return;

  editor = brief_event_editor_new_edit (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->briefing, g_ptr_array_index (events, 0));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
popup_menu (BriefEventList *self,
            double          x,
            double          y)
{
  GdkRectangle pointing = { (int) x, (int) y, 1, 1 };

  if (x < 0 || y < 0)
    {
      pointing.x = gtk_widget_get_width (GTK_WIDGET (self)) / 2;
      pointing.y = gtk_widget_get_height (GTK_WIDGET (self)) / 2;
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &pointing);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
brief_event_list_menu_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  popup_menu (BRIEF_EVENT_LIST (widget), -1, -1);
}

static void
click_pressed_cb (BriefEventList  *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  /* A right click on an unselected row selects it first, as file managers do. */
  for (GtkWidget *w = picked; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    {
      GtkWidget *child = w;

      if (GTK_IS_LABEL (child) && g_object_get_data (G_OBJECT (child), "list") == self)
        {
          BriefEvent *event = g_object_get_data (G_OBJECT (child), "event");
          guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

          for (guint i = 0; event != NULL && i < n; i++)
            {
              g_autoptr(BriefEvent) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

              if (item == event)
                {
                  if (!gtk_bitset_contains (selected, i))
                    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
                  break;
                }
            }
          break;
        }
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (self, x, y);
}

static void
setup_curation (BriefEventList *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  GtkShortcutController *shortcuts;
  GtkGesture *click;
  static const struct { guint key; const char *action; } keys[] = {
    { GDK_KEY_a, "events.accept" },
    { GDK_KEY_h, "events.hide" },
    { GDK_KEY_Delete, "events.hide" },
    { GDK_KEY_s, "events.star" },
    { GDK_KEY_F2, "events.edit" },
    { GDK_KEY_m, "events.merge" },
    { GDK_KEY_Menu, "events.context-menu" },
  };

  g_menu_append (section, _("_Accept"), "events.accept");
  g_menu_append (section, _("_Hide"), "events.hide");
  g_menu_append (section, _("_Star"), "events.star");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
  section = g_menu_new ();
  g_menu_append (section, _("Merge Events"), "events.merge");
  g_menu_append (section, _("Split Event"), "events.split");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
  section = g_menu_new ();
  g_menu_append (section, _("_Edit Event…"), "events.edit");
  g_menu_append (section, _("Add Event…"), "win.add-event");
  g_menu_append (section, _("Insert in _Notes"), "win.insert-event");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), TRUE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (click_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));

  /* Single keys while the list has the focus (not the search entry). */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (shortcuts,
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, 0),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK),
                                                          gtk_named_action_new ("events.context-menu")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (shortcuts));
}

static void
state_dropdown_notify_selected_cb (BriefEventList *self,
                                   GParamSpec     *pspec,
                                   GtkDropDown    *dropdown)
{
  if (self->filter == NULL)
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
brief_event_list_dispose (GObject *object)
{
  BriefEventList *self = BRIEF_EVENT_LIST (object);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), BRIEF_TYPE_EVENT_LIST);

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->briefing);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->articles);

  G_OBJECT_CLASS (brief_event_list_parent_class)->dispose (object);
}

static void
brief_event_list_class_init (BriefEventListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = brief_event_list_dispose;

  /**
   * BriefEventList::event-activated:
   * @self: a #BriefEventList
   * @event: the #BriefEvent
   *
   * Emitted when the user activates a row (double click or Enter).
   */
  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BRIEF_TYPE_EVENT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/brief-event-list.ui");
  gtk_widget_class_bind_template_child (widget_class, BriefEventList, box);
  gtk_widget_class_bind_template_child (widget_class, BriefEventList, column_view);
  gtk_widget_class_bind_template_child (widget_class, BriefEventList, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, BriefEventList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BriefEventList, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BriefEventList, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BriefEventList, toolbar);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_dropdown_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, state_dropdown_notify_selected_cb);

  gtk_widget_class_install_action (widget_class, "events.accept", NULL, brief_event_list_curate_action);
  gtk_widget_class_install_action (widget_class, "events.hide", NULL, brief_event_list_curate_action);
  gtk_widget_class_install_action (widget_class, "events.star", NULL, brief_event_list_curate_action);
  gtk_widget_class_install_action (widget_class, "events.edit", NULL, brief_event_list_edit_action);
  gtk_widget_class_install_action (widget_class, "events.context-menu", NULL, brief_event_list_menu_action);
  gtk_widget_class_install_action (widget_class, "events.merge", NULL, brief_event_list_merge_action);
  gtk_widget_class_install_action (widget_class, "events.split", NULL, brief_event_list_split_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "briefeventlist");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
brief_event_list_init (BriefEventList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_column (self, COLUMN_DATE, _("Date"), compare_dates_cb, FALSE);
  add_column (self, COLUMN_TITLE, _("Event"), compare_titles_cb, TRUE);
  add_column (self, COLUMN_SOURCE, _("Source"), compare_sources_cb, FALSE);

  self->source_names = gtk_string_list_new ((const char * const []) { _("All Sources"), NULL });
  gtk_drop_down_set_model (self->source_dropdown, G_LIST_MODEL (self->source_names));
  g_object_unref (self->source_names);
  gtk_widget_set_visible (GTK_WIDGET (self->source_dropdown), FALSE);
  ellipsize_dropdown (self->source_dropdown);
  ellipsize_dropdown (self->state_dropdown);

  self->filter = gtk_custom_filter_new (filter_event_cb, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_items_changed_cb), self, G_CONNECT_SWAPPED);

  setup_curation (self);
  update_actions (self);
}

GtkWidget *
brief_event_list_new (void)
{
  return g_object_new (BRIEF_TYPE_EVENT_LIST, NULL);
}

void
brief_event_list_set_models (BriefEventList *self,
                             GListModel     *events,
                             GListModel     *articles)
{
  g_return_if_fail (BRIEF_IS_EVENT_LIST (self));
  g_return_if_fail (events == NULL || G_IS_LIST_MODEL (events));
  g_return_if_fail (articles == NULL || G_IS_LIST_MODEL (articles));

  if (self->articles != NULL)
    g_signal_handlers_disconnect_by_func (self->articles, articles_items_changed_cb, self);
  g_set_object (&self->articles, articles);
  if (self->articles != NULL)
    {
      g_signal_connect_object (self->articles, "items-changed",
                               G_CALLBACK (articles_items_changed_cb), self, G_CONNECT_SWAPPED);
      articles_items_changed_cb (self, 0,
                                 g_list_model_get_n_items (G_LIST_MODEL (self->source_names)) - 1,
                                 g_list_model_get_n_items (self->articles), self->articles);
    }

  gtk_filter_list_model_set_model (self->filter_model, events);
}

GtkSelectionModel *
brief_event_list_get_selection (BriefEventList *self)
{
  g_return_val_if_fail (BRIEF_IS_EVENT_LIST (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

/* A decision changed: under a state filter the event may leave the list. */
static void
briefing_changed_cb (BriefEventList *self,
                     BriefBriefing  *briefing)
{
  if (gtk_drop_down_get_selected (self->state_dropdown) != STATE_FILTER_ALL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
brief_event_list_set_briefing (BriefEventList *self,
                               BriefBriefing  *briefing)
{
  g_return_if_fail (BRIEF_IS_EVENT_LIST (self));
  g_return_if_fail (briefing == NULL || BRIEF_IS_BRIEFING (briefing));

  if (self->briefing != NULL)
    g_signal_handlers_disconnect_by_func (self->briefing, briefing_changed_cb, self);
  g_set_object (&self->briefing, briefing);
  if (self->briefing != NULL)
    g_signal_connect_object (self->briefing, "changed", G_CALLBACK (briefing_changed_cb), self,
                             G_CONNECT_SWAPPED);
  update_actions (self);
}

gboolean
brief_event_list_select_event (BriefEventList *self,
                               BriefEvent     *event)
{
  guint n;

  g_return_val_if_fail (BRIEF_IS_EVENT_LIST (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriefEvent) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (item == event)
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          return TRUE;
        }
    }
  return FALSE;
}

/* Adds @event, if listed, to the selection. */
static void
select_also (BriefEventList *self,
             BriefEvent     *event)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriefEvent) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (item == event)
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, FALSE);
          return;
        }
    }
}
