/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "brief-date.h"
#include "brief-timeline-geometry.h"
#include "brief-timeline-private.h"

/* Geometry in pixels. */
#define PADDING          8.0
#define LEGEND_HEIGHT    26.0   /* one row of the legend */
#define LEGEND_MAX_WIDTH 170.0  /* a source's name in it, at most */
#define UNDATED_HEIGHT   LANE_HEIGHT
#define UNDATED_MAX_WIDTH 220.0
#define LANE_HEIGHT      28.0
#define CLUSTER_HEIGHT   26.0
#define AXIS_HEIGHT      30.0
#define MARKER_SIZE      10.0
#define LABEL_GAP        12.0
#define TICK_GAP         14.0
#define MAX_LABEL_WIDTH  240.0
#define RUG_BUCKET       3.0
/* Accessible children at most: the events in view, then the nearest. */
#define MAX_CHILDREN     400
#define ANIMATION_USEC   (250 * 1000)
/* Events of no known year sort after every day the axis can show, so that
 * the layout, which stops at the visible range's end, never meets them. */
#define UNDATED_DAY      1e9

/* One event: the item (days, label width) lives in a parallel array. */
typedef struct
{
  BriefEvent  *event;
  guint        position;   /* in the model */
  guint        source;     /* index into the sources, G_MAXUINT when unknown */
  gboolean     derived;    /* worked out from another date: "two months before April 2019" */
  gboolean     span;       /* from one date to another: "from 2001 to 2009" */
  gboolean     undated;    /* of no known year: in the strip above the lanes */
  double       start_fade; /* days at each end of a span where it is uncertain */
  double       end_fade;
  PangoLayout *layout;     /* the title, made when first drawn */
  GtkWidget   *child;      /* its accessible stand-in, when in view */
} Entry;

struct _BriefTimeline
{
  GtkWidget           parent_instance;

  GtkSelectionModel  *model;
  GListModel         *sources;
  BriefBriefing      *briefing;       /* edits go through it, undoably */
  BriefArticle       *current_article;
  BriefTimelineRange *range;

  GArray             *entries;       /* Entry, chronological */
  GArray             *items;         /* BriefTimelineItem, in step */
  guint              *position_map;  /* model position → entry index */
  guint               n_positions;
  double              max_length;
  double              first_day;     /* of the dated events */
  double              last_day;
  guint               n_dated;
  guint               n_undated;     /* of no known year: the last entries */
  guint               selected;      /* entry index or G_MAXUINT */
  guint               hovered;       /* entry index or G_MAXUINT */
  int                 hovered_cluster;
  guint               menu_entry;    /* the entry the menu is about */

  /* Layout of the visible range, remade when it changes. */
  GArray             *placements;
  GArray             *clusters;
  GArray             *ticks;
  GArray             *rects;         /* BriefTimelineRect of events in lanes */
  GArray             *cluster_rects;
  guint              *rug;           /* events per bucket of RUG_BUCKET pixels */
  guint               n_rug;
  double              layout_width;
  double              layout_height;
  guint               layout_dirty : 1;
  guint               children_dirty : 1;
  guint               focus_pending : 1;
  guint               model_dirty : 1;
  guint               auto_fit : 1;     /* until the user moves the view */
  double              char_width;
  double              line_height;
  double              bubble_width;
  GHashTable         *tick_layouts;  /* label → PangoLayout */
  GPtrArray          *legend_layouts;
  GPtrArray          *spare_children;  /* hidden stand-ins of events gone */
  GArray             *legend_spots;  /* graphene_point_t per source, then "Published" */
  guint               legend_rows;
  double              legend_width;  /* what legend_spots were laid out for */
  GArray             *undated;       /* BriefTimelinePlacement of events of no known year shown */

  /* Animated moves and drags. */
  guint               tick_id;
  gint64              animation_begin;
  double              from_start;
  double              from_end;
  double              to_start;
  double              to_end;
  gboolean            animating;
  double              drag_start;
  double              drag_end;
  double              zoom_start;
  double              zoom_end;
  double              pointer_x;

  /* Child widgets */
  GtkWidget          *controls;
  GtkWidget          *menu;
  GtkWidget          *title_popover;
  GtkWidget          *title_entry;
};

G_DEFINE_FINAL_TYPE (BriefTimeline, brief_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_CURRENT_ARTICLE,
  N_PROPS
};

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void brief_timeline_select_entry   (BriefTimeline *self,
                                           guint          index,
                                           gboolean       grab_focus);
static void brief_timeline_activate_entry (BriefTimeline *self,
                                           guint          index);

/* The GNOME palette, mid tones that read on light and dark backgrounds. */
static const char * const palette[] = {
  "#3584e4", "#e66100", "#2ec27e", "#9141ac", "#e01b24", "#986a44", "#c88800", "#1c71d8",
};

void
brief_timeline_get_source_color (guint    index,
                                 GdkRGBA *rgba)
{
  g_return_if_fail (rgba != NULL);

  if (index == G_MAXUINT)
    gdk_rgba_parse (rgba, "#77767b");
  else
    gdk_rgba_parse (rgba, palette[index % G_N_ELEMENTS (palette)]);
}

/* ---------------------------------------------------------------- accessible children */

/* A stand-in for one event in view: screen readers and the keyboard move
 * between them (GTK 4.8 has no virtual accessible children); it is never
 * drawn, the timeline draws the event. */
#define BRIEF_TYPE_TIMELINE_EVENT (brief_timeline_event_get_type ())

G_DECLARE_FINAL_TYPE (BriefTimelineEvent, brief_timeline_event, BRIEF, TIMELINE_EVENT, GtkWidget)

struct _BriefTimelineEvent
{
  GtkWidget   parent_instance;
  BriefEvent *event;
};

G_DEFINE_FINAL_TYPE (BriefTimelineEvent, brief_timeline_event, GTK_TYPE_WIDGET)

static guint brief_timeline_entry_of (BriefTimeline *self,
                                      BriefEvent    *event);

static void
brief_timeline_event_activate_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  BriefTimelineEvent *item = BRIEF_TIMELINE_EVENT (widget);
  BriefTimeline *self = BRIEF_TIMELINE (gtk_widget_get_parent (widget));
  guint index = brief_timeline_entry_of (self, item->event);

  if (index != G_MAXUINT)
    brief_timeline_activate_entry (self, index);
}

static void
brief_timeline_event_focus_enter_cb (BriefTimelineEvent      *item,
                                     GtkEventControllerFocus *controller)
{
  BriefTimeline *self = BRIEF_TIMELINE (gtk_widget_get_parent (GTK_WIDGET (item)));
  guint index = brief_timeline_entry_of (self, item->event);

  if (index != G_MAXUINT && index != self->selected)
    brief_timeline_select_entry (self, index, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
brief_timeline_event_dispose (GObject *object)
{
  BriefTimelineEvent *item = BRIEF_TIMELINE_EVENT (object);

  g_clear_object (&item->event);

  G_OBJECT_CLASS (brief_timeline_event_parent_class)->dispose (object);
}

static void
brief_timeline_event_class_init (BriefTimelineEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = brief_timeline_event_dispose;

  gtk_widget_class_install_action (widget_class, "event.activate", NULL,
                                   brief_timeline_event_activate_action);
  gtk_widget_class_set_css_name (widget_class, "event");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
brief_timeline_event_init (BriefTimelineEvent *item)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_set_focusable (GTK_WIDGET (item), TRUE);
  gtk_widget_set_can_target (GTK_WIDGET (item), FALSE);
  g_signal_connect_object (focus, "enter",
                           G_CALLBACK (brief_timeline_event_focus_enter_cb),
                           item, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (item), focus);
}

/* ---------------------------------------------------------------- entries */

static char *
entry_dup_date_label (const Entry *entry)
{
  g_autofree char *date = brief_event_dup_date_label (entry->event);

  if (date == NULL || *date == '\0')
    return g_strdup (brief_event_get_date_text (entry->event));
  return g_steal_pointer (&date);
}

static const char *
entry_source_name (const Entry *entry)
{
  BriefArticle *article = brief_event_get_article (entry->event);
  const char *name = NULL;

  if (article == NULL)
    return NULL;
  name = brief_article_get_site (article);
  if (name == NULL || *name == '\0')
    name = brief_article_get_title (article);
  return name;
}

/* For an event several sources tell: "2 sources: Harbour Gazette, Valley
 * Courier"; else NULL. */
static char *
entry_dup_sources_text (const Entry *entry)
{
  guint n_sources = brief_event_get_n_sources (entry->event);
  g_autofree char *count = NULL;
  g_autofree char *names = NULL;

  if (n_sources < 2)
    return NULL;
  /* The count as the event list shows it, then the names. */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources", n_sources), n_sources);
  names = brief_event_dup_source_names (entry->event);
  return g_strdup_printf ("%s: %s", count, names);
}

static Entry *
get_entry (BriefTimeline *self,
           guint          index)
{
  if (index >= self->entries->len)
    return NULL;
  return &g_array_index (self->entries, Entry, index);
}

static void
entry_update_accessible (BriefTimeline *self,
                         Entry         *entry)
{
  g_autofree char *date = NULL;
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  g_autofree char *derivation = NULL;
  g_autofree char *sources = entry_dup_sources_text (entry);
  g_autofree char *tooltip = NULL;
  const char *source;
  const char *sentence;

  if (entry->child == NULL)
    return;

  date = entry_dup_date_label (entry);
  /* Translators: how a screen reader reads an event: "April 2019 — Kim and Putin meet" */
  label = g_strdup_printf (_("%s — %s"), date, brief_event_get_title (entry->event));
  /* The user's decision is heard with the name, as it is seen. */
  if (brief_event_get_state (entry->event) != BRIEF_EVENT_STATE_SUGGESTED)
    {
      char *decided = g_strdup_printf (brief_event_get_state (entry->event) == BRIEF_EVENT_STATE_HIDDEN
                                       /* Translators: a hidden event's name for screen readers */
                                       ? _("%s (hidden)")
                                       /* Translators: an accepted event's name for screen readers */
                                       : _("%s (accepted)"), label);

      g_free (label);
      label = decided;
    }
  source = sources != NULL ? sources : entry_source_name (entry);
  derivation = brief_event_dup_derivation_label (entry->event);
  sentence = brief_event_get_sentence (entry->event);
  description = g_strdup_printf ("%s%s%s%s%s%s%s",
                                 derivation != NULL ? derivation : "",
                                 derivation != NULL ? ". " : "",
                                 brief_event_get_starred (entry->event) ? _("Starred. ") : "",
                                 source != NULL ? _("From ") : "",
                                 source != NULL ? source : "",
                                 source != NULL ? ". " : "",
                                 sentence != NULL ? sentence : "");
  /* The tooltip first: GTK makes it the description, which says more.  It
   * names every source of an event several tell. */
  if (sources != NULL)
    tooltip = g_strdup_printf ("%s\n%s", sentence != NULL ? sentence : "", sources);
  gtk_widget_set_tooltip_text (entry->child, tooltip != NULL ? tooltip : sentence);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry->child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry->child),
                               GTK_ACCESSIBLE_STATE_SELECTED, entry == get_entry (self, self->selected),
                               -1);
}

static guint
brief_timeline_entry_of (BriefTimeline *self,
                         BriefEvent    *event)
{
  for (guint i = 0; i < self->entries->len; i++)
    if (g_array_index (self->entries, Entry, i).event == event)
      return i;
  return G_MAXUINT;
}

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  if (entry->child != NULL)
    gtk_widget_unparent (entry->child);
  entry->child = NULL;
  g_clear_object (&entry->layout);
  g_clear_object (&entry->event);
}

static double
day_of (const GDate *date)
{
  return g_date_valid (date) ? g_date_get_julian (date) : 0;
}

/* The days a date leaves open, 0 for a day: where a span's end fades. */
static double
uncertain_days (const BriefDate *date)
{
  GDate earliest;
  GDate latest;

  if (date->precision == BRIEF_DATE_PRECISION_DAY)
    return 0.0;
  brief_date_get_earliest (date, &earliest);
  brief_date_get_latest (date, &latest);
  return day_of (&latest) + 1 - day_of (&earliest);
}

/* Where an event lies: its first day to the day after its last, a span's end
 * included; events of no known year lie nowhere on the axis. */
static void
entry_fill (Entry             *entry,
            BriefTimelineItem *item)
{
  BriefEvent *event = entry->event;
  const BriefDate *end_date = brief_event_get_end_date (event);
  GDate first;
  GDate last;

  entry->derived = brief_event_is_derived (event);
  entry->undated = !brief_event_get_year_known (event);
  entry->span = end_date != NULL && !entry->undated;
  entry->start_fade = entry->span ? uncertain_days (brief_event_get_date (event)) : 0.0;
  entry->end_fade = entry->span ? uncertain_days (end_date) : 0.0;

  if (entry->undated)
    {
      item->first_day = UNDATED_DAY;
      item->last_day = UNDATED_DAY;
      return;
    }
  brief_event_get_extent (event, &first, &last);
  item->first_day = day_of (&first);
  item->last_day = MAX (day_of (&last) + 1, item->first_day + 1);
}

static double
estimate_label_width (BriefTimeline *self,
                      BriefEvent    *event)
{
  const char *title = brief_event_get_title (event);
  /* The average character runs a little narrow for titles with capitals. */
  double width = 1.15 * self->char_width * (g_utf8_strlen (title, -1) + (brief_event_get_starred (event) ? 2 : 0));

  return MIN (width, MAX_LABEL_WIDTH);
}

static void
brief_timeline_invalidate_layout (BriefTimeline *self)
{
  self->layout_dirty = TRUE;
  self->children_dirty = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void brief_timeline_ensure_tick (BriefTimeline *self);

static void
event_notify_cb (BriefTimeline *self,
                 GParamSpec    *pspec,
                 BriefEvent    *event)
{
  guint index = brief_timeline_entry_of (self, event);
  Entry *entry = get_entry (self, index);

  if (entry == NULL)
    return;

  /* Where it lies changed: read the model again, in order.  Its stand-in
   * and layout say the old date: made again, not kept. */
  if (pspec->name == g_intern_static_string ("date") ||
      pspec->name == g_intern_static_string ("end-date") ||
      pspec->name == g_intern_static_string ("year-known") ||
      pspec->name == g_intern_static_string ("derived-from"))
    {
      if (entry->child != NULL)
        gtk_widget_unparent (entry->child);
      entry->child = NULL;
      g_clear_object (&entry->layout);
      self->children_dirty = TRUE;
      self->model_dirty = TRUE;
      brief_timeline_invalidate_layout (self);
      brief_timeline_ensure_tick (self);
      return;
    }

  g_clear_object (&entry->layout);
  g_array_index (self->items, BriefTimelineItem, index).label_width = estimate_label_width (self, event);
  entry_update_accessible (self, entry);
  brief_timeline_invalidate_layout (self);
  brief_timeline_ensure_tick (self);
}

typedef struct
{
  BriefTimelineItem item;
  Entry             entry;
} Row;

static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b)
{
  const Row *ra = a;
  const Row *rb = b;

  if (ra->item.first_day != rb->item.first_day)
    return ra->item.first_day < rb->item.first_day ? -1 : 1;
  if (ra->item.last_day != rb->item.last_day)
    return ra->item.last_day > rb->item.last_day ? -1 : 1;
  return (int) ra->entry.position - (int) rb->entry.position;
}

static guint
source_index (BriefTimeline *self,
              BriefArticle  *article)
{
  guint n;

  if (self->sources == NULL || article == NULL)
    return G_MAXUINT;

  n = g_list_model_get_n_items (self->sources);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->sources, i);

      if (item == (GObject *) article)
        return i;
    }
  return G_MAXUINT;
}

static void
brief_timeline_update_selected (BriefTimeline *self)
{
  guint position;

  self->selected = G_MAXUINT;
  if (self->model == NULL || self->model_dirty)
    return;

  if (GTK_IS_SINGLE_SELECTION (self->model))
    {
      position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (self->model));
    }
  else
    {
      /* Of several selected events, the first is the one shown. */
      g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (self->model);

      position = gtk_bitset_is_empty (selected) ? G_MAXUINT : gtk_bitset_get_minimum (selected);
    }
  if (position < self->n_positions)
    self->selected = self->position_map[position];
}

/* What an entry made that the next rebuild can use again, if its event is
 * still there. */
typedef struct
{
  GtkWidget   *child;
  PangoLayout *layout;
  gboolean     derived;
  gboolean     undated;
} Kept;

static void
kept_free (gpointer data)
{
  Kept *kept = data;

  if (kept->child != NULL)
    gtk_widget_unparent (kept->child);
  g_clear_object (&kept->layout);
  g_free (kept);
}

/* Moves what @entry made (its accessible stand-in, its title's layout) into
 * @kept, keyed by its event. */
static void
keep_entry (GHashTable *kept,
            Entry      *entry)
{
  Kept *k;

  if (entry->child == NULL && entry->layout == NULL)
    return;
  k = g_new0 (Kept, 1);
  k->child = g_steal_pointer (&entry->child);
  k->layout = g_steal_pointer (&entry->layout);
  k->derived = entry->derived;
  k->undated = entry->undated;
  g_hash_table_insert (kept, g_object_ref (entry->event), k);
}

/* Gives @entry back what its event's entry made before the rebuild.  The
 * stand-in says the same (a change of the event updates it, and a new date
 * drops it); the layout only if the title is drawn the same way. */
static void
reuse_entry (GHashTable *kept,
             Entry      *entry)
{
  Kept *k = g_hash_table_lookup (kept, entry->event);

  if (k == NULL)
    return;
  entry->child = g_steal_pointer (&k->child);
  if (k->derived == entry->derived && k->undated == entry->undated)
    entry->layout = g_steal_pointer (&k->layout);
  g_hash_table_remove (kept, entry->event);
}

/* Reads the model again; O(n log n), on items-changed only.  Every import
 * changes the model: the accessible stand-ins and the title layouts of the
 * events still there are kept, not made again. */
static void
brief_timeline_rebuild (BriefTimeline *self)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GHashTable) kept = g_hash_table_new_full (NULL, NULL, g_object_unref, kept_free);
  GHashTableIter iter;
  Kept *leftover;
  guint n = 0;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      g_signal_handlers_disconnect_by_func (entry->event, event_notify_cb, self);
      keep_entry (kept, entry);
    }
  g_array_set_size (self->entries, 0);
  g_array_set_size (self->items, 0);
  g_clear_pointer (&self->position_map, g_free);
  self->n_positions = 0;
  self->max_length = 0;
  self->first_day = 0;
  self->last_day = 0;
  self->n_dated = 0;
  self->n_undated = 0;
  self->hovered = G_MAXUINT;

  if (self->model != NULL)
    n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  rows = g_array_sized_new (FALSE, TRUE, sizeof (Row), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriefEvent) event = g_list_model_get_item (G_LIST_MODEL (self->model), i);
      Row row = { 0 };

      row.entry.event = g_object_ref (event);
      row.entry.position = i;
      row.entry.source = source_index (self, brief_event_get_article (event));
      entry_fill (&row.entry, &row.item);
      row.item.label_width = estimate_label_width (self, event);
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_rows_cb);

  self->position_map = g_new (guint, MAX (n, 1));
  self->n_positions = n;
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      reuse_entry (kept, &row->entry);
      g_array_append_val (self->items, row->item);
      g_array_append_val (self->entries, row->entry);
      self->position_map[row->entry.position] = i;
      g_signal_connect_object (row->entry.event, "notify",
                               G_CALLBACK (event_notify_cb), self, G_CONNECT_SWAPPED);
      if (row->entry.undated)
        {
          self->n_undated++;
          continue;
        }
      self->max_length = MAX (self->max_length, row->item.last_day - row->item.first_day);
      if (self->n_dated++ == 0 || row->item.first_day < self->first_day)
        self->first_day = row->item.first_day;
      self->last_day = MAX (self->last_day, row->item.last_day);
    }

  /* The stand-ins of events gone stand in for new ones, unless focused. */
  g_hash_table_iter_init (&iter, kept);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &leftover))
    if (leftover->child != NULL && !gtk_widget_has_focus (leftover->child))
      {
        gtk_widget_set_visible (leftover->child, FALSE);
        g_ptr_array_add (self->spare_children, g_steal_pointer (&leftover->child));
      }

  brief_timeline_update_selected (self);
  brief_timeline_invalidate_layout (self);
}

static void brief_timeline_update_bounds (BriefTimeline *self);
static void brief_timeline_keep_range    (BriefTimeline *self);

static void
brief_timeline_ensure_model (BriefTimeline *self)
{
  if (!self->model_dirty)
    return;

  self->model_dirty = FALSE;
  brief_timeline_rebuild (self);
  brief_timeline_update_bounds (self);
  if (self->auto_fit)
    {
      brief_timeline_fit_all (self, FALSE);
      self->auto_fit = TRUE;
    }
}

/* ---------------------------------------------------------------- the range */

static gboolean
animations_enabled (BriefTimeline *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);
  return enabled && gtk_widget_get_mapped (GTK_WIDGET (self));
}

static double
ease_out_cubic (double t)
{
  double p = t - 1.0;

  return p * p * p + 1.0;
}

static void brief_timeline_sync_children (BriefTimeline *self);

static gboolean
brief_timeline_tick_cb (GtkWidget     *widget,
                        GdkFrameClock *frame_clock,
                        gpointer       user_data)
{
  BriefTimeline *self = BRIEF_TIMELINE (widget);

  brief_timeline_ensure_model (self);

  if (self->animating)
    {
      gint64 now = gdk_frame_clock_get_frame_time (frame_clock);
      double t = CLAMP ((now - self->animation_begin) / (double) ANIMATION_USEC, 0.0, 1.0);
      double e = ease_out_cubic (t);

      brief_timeline_range_set (self->range,
                                self->from_start + (self->to_start - self->from_start) * e,
                                self->from_end + (self->to_end - self->from_end) * e);
      if (t >= 1.0)
        self->animating = FALSE;
    }

  if (self->children_dirty && !self->animating)
    brief_timeline_sync_children (self);

  if (self->animating || self->children_dirty)
    return G_SOURCE_CONTINUE;

  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
brief_timeline_ensure_tick (BriefTimeline *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), brief_timeline_tick_cb, NULL, NULL);
}

/* The user moved the view: stop any move under way, and stop fitting. */
static void
brief_timeline_stop_animation (BriefTimeline *self)
{
  self->animating = FALSE;
  self->auto_fit = FALSE;
}

/* Moves the range to [start, end), animated unless animations are off. */
static void
brief_timeline_move_to (BriefTimeline *self,
                        double         start,
                        double         end,
                        gboolean       animate)
{
  brief_timeline_range_constrain (self->range, &start, &end);

  if (!animate || !animations_enabled (self))
    {
      self->animating = FALSE;
      brief_timeline_range_set (self->range, start, end);
      return;
    }

  self->from_start = brief_timeline_range_get_start (self->range);
  self->from_end = brief_timeline_range_get_end (self->range);
  self->to_start = start;
  self->to_end = end;
  self->animation_begin = gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->animating = TRUE;
  brief_timeline_ensure_tick (self);
}

static void
brief_timeline_update_bounds (BriefTimeline *self)
{
  double lower;
  double upper;
  double span;

  if (self->n_dated == 0)
    return;

  span = MAX (self->last_day - self->first_day, 365.0);
  lower = self->first_day - span;
  upper = self->last_day + span;
  brief_timeline_range_set_bounds (self->range, lower, upper);
}

void
brief_timeline_fit_all (BriefTimeline *self,
                        gboolean       animate)
{
  double start;
  double end;
  double pad;

  g_return_if_fail (BRIEF_IS_TIMELINE (self));

  brief_timeline_ensure_model (self);
  if (self->n_dated == 0)
    return;

  start = self->first_day;
  end = self->last_day;
  if (self->current_article != NULL)
    {
      BriefDate date;
      GDate day;

      if (brief_date_parse_value (brief_article_get_published (self->current_article), &date))
        {
          brief_date_get_earliest (&date, &day);
          start = MIN (start, day_of (&day));
          end = MAX (end, day_of (&day) + 1);
        }
    }

  /* Room on the right for the last titles, which run on from their dates:
   * a title moved to the left of its marker would fill a lane. */
  self->auto_fit = TRUE;
  brief_timeline_keep_range (self);
  {
    double width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 400);
    double title_room = MIN (MAX_LABEL_WIDTH + 20, width * 0.45);
    double days_per_px = MAX (end - start, 30.0) / (width - title_room - 24);

    pad = 24 * days_per_px;
    brief_timeline_update_bounds (self);
    brief_timeline_move_to (self, start - pad, end + title_room * days_per_px, animate);
  }
}

void
brief_timeline_scroll_to_event (BriefTimeline *self,
                                BriefEvent    *event)
{
  guint index;
  const BriefTimelineItem *item;
  double start;
  double end;
  double span;
  double margin;

  g_return_if_fail (BRIEF_IS_TIMELINE (self));
  g_return_if_fail (BRIEF_IS_EVENT (event));

  index = brief_timeline_entry_of (self, event);
  /* Of no known year: always in view, in its strip. */
  if (index == G_MAXUINT || get_entry (self, index)->undated)
    return;

  item = &g_array_index (self->items, BriefTimelineItem, index);
  start = self->animating ? self->to_start : brief_timeline_range_get_start (self->range);
  end = self->animating ? self->to_end : brief_timeline_range_get_end (self->range);
  span = end - start;
  margin = span * 0.08;

  if (item->first_day >= start + margin && item->first_day < end - span * 0.3)
    return;

  /* Wide enough for the event, its start a third in. */
  span = MAX (span, (item->last_day - item->first_day) * 1.5);
  start = item->first_day - span / 3.0;
  brief_timeline_move_to (self, start, start + span, TRUE);
}

/* ---------------------------------------------------------------- zoom kept per briefing */

/* The days the user chose to see, kept on the briefing for the session, so
 * that switching articles, reading the sources again or coming back to the
 * briefing keeps them; Fit All forgets them. */
typedef struct
{
  double start;
  double end;
} KeptRange;

#define KEPT_RANGE_KEY "brief-timeline-kept-range"

static void
brief_timeline_keep_range (BriefTimeline *self)
{
  KeptRange *kept;

  if (self->briefing == NULL)
    return;

  if (self->auto_fit)
    {
      g_object_set_data (G_OBJECT (self->briefing), KEPT_RANGE_KEY, NULL);
      return;
    }

  kept = g_object_get_data (G_OBJECT (self->briefing), KEPT_RANGE_KEY);
  if (kept == NULL)
    {
      kept = g_new0 (KeptRange, 1);
      g_object_set_data_full (G_OBJECT (self->briefing), KEPT_RANGE_KEY, kept, g_free);
    }
  /* Where an animation is going, not where it is now. */
  kept->start = self->animating ? self->to_start : brief_timeline_range_get_start (self->range);
  kept->end = self->animating ? self->to_end : brief_timeline_range_get_end (self->range);
}

/* Back to the days kept for the briefing, or to all of its events. */
static void
brief_timeline_restore_range (BriefTimeline *self)
{
  KeptRange *kept = NULL;

  if (self->briefing != NULL)
    kept = g_object_get_data (G_OBJECT (self->briefing), KEPT_RANGE_KEY);

  brief_timeline_ensure_model (self);
  if (kept == NULL)
    {
      brief_timeline_fit_all (self, FALSE);
      return;
    }

  self->animating = FALSE;
  self->auto_fit = FALSE;
  brief_timeline_range_set (self->range, kept->start, kept->end);
}

static void
range_changed_cb (BriefTimeline      *self,
                  BriefTimelineRange *range)
{
  if (!self->auto_fit)
    brief_timeline_keep_range (self);
  brief_timeline_invalidate_layout (self);
  brief_timeline_ensure_tick (self);
}

/* ---------------------------------------------------------------- layout */

static gboolean
is_rtl (BriefTimeline *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

/* Geometry runs left to right; right-to-left locales see it mirrored. */
static double
mirror (BriefTimeline *self,
        double         x,
        double         width)
{
  return is_rtl (self) ? self->layout_width - x - width : x;
}

static PangoLayout *tick_layout (BriefTimeline *self,
                                 const char    *text);

static double
legend_height (BriefTimeline *self)
{
  return self->legend_rows * LEGEND_HEIGHT;
}

/* The strip of events of no known year, under the legend. */
static double
undated_top (BriefTimeline *self)
{
  return PADDING + legend_height (self) + 4.0;
}

static double
lanes_top (BriefTimeline *self)
{
  return undated_top (self) + (self->n_undated > 0 ? UNDATED_HEIGHT + 4.0 : 0.0) + 4.0;
}

static void
ensure_legend_layouts (BriefTimeline *self)
{
  guint n = self->sources != NULL ? g_list_model_get_n_items (self->sources) : 0;

  /* Sources added since are NULL in their place; out of step, all anew. */
  if (self->legend_layouts->len != n)
    g_ptr_array_set_size (self->legend_layouts, 0);
  while (self->legend_layouts->len < n)
    g_ptr_array_add (self->legend_layouts, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriefArticle) article = NULL;
      const char *title;
      PangoLayout *layout;

      if (g_ptr_array_index (self->legend_layouts, i) != NULL)
        continue;
      article = g_list_model_get_item (self->sources, i);
      title = brief_article_get_title (article);
      self->legend_width = -1;
      if (title == NULL || *title == '\0')
        title = brief_article_get_site (article);
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), title != NULL ? title : _("Untitled"));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      g_ptr_array_index (self->legend_layouts, i) = layout;
    }
}

/* A source's name, NULL until laid out. */
static void
free_legend_layout (gpointer layout)
{
  if (layout != NULL)
    g_object_unref (layout);
}

/* Where each source's swatch goes, row after row, so that no name is ever
 * cut off: the first row leaves room for the zoom buttons. */
static void
layout_legend (BriefTimeline *self,
               double         width)
{
  double controls = 0.0;
  double x = PADDING + 4.0;
  double name_width;
  guint row = 0;
  guint n;

  /* Measured, not allocated: the first layout comes before the buttons'. */
  if (self->controls != NULL)
    {
      int natural;

      gtk_widget_measure (self->controls, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      controls = natural + 6 + PADDING;
    }
  ensure_legend_layouts (self);
  n = self->legend_layouts->len;
  if (self->legend_width == width && self->legend_spots->len == n + 1)
    return;

  self->legend_width = width;
  g_array_set_size (self->legend_spots, 0);
  self->legend_rows = 0;
  if (n == 0)
    return;

  /* Names cut shorter as sources grow, so that about two fit on a row and
   * the legend leaves the lanes their room. */
  name_width = CLAMP (2.0 * (width - 2 * PADDING) / (n + 1) - 32.0, 72.0, LEGEND_MAX_WIDTH);

  for (guint i = 0; i <= n; i++)
    {
      /* The sources, then the line marking the publication date, explained. */
      PangoLayout *layout = i < n ? g_ptr_array_index (self->legend_layouts, i) : tick_layout (self, _("Published"));
      double limit = width - PADDING - (row == 0 ? controls : 0.0);
      double room = MAX (limit - PADDING - 4.0 - 14.0, 40.0);
      int w;

      if (i < n)
        pango_layout_set_width (layout, (int) (MIN (name_width, room) * PANGO_SCALE));
      pango_layout_get_pixel_size (layout, &w, NULL);
      if (x + 14 + w > limit && x > PADDING + 4.0)
        {
          row++;
          x = PADDING + 4.0;
        }
      g_array_append_val (self->legend_spots, GRAPHENE_POINT_INIT (x, PADDING + row * LEGEND_HEIGHT));
      x += 14 + w + 18;
    }
  self->legend_rows = row + 1;
}

static double
axis_y (BriefTimeline *self)
{
  return self->layout_height - AXIS_HEIGHT;
}

static guint
max_lanes (BriefTimeline *self)
{
  double room = axis_y (self) - lanes_top (self) - CLUSTER_HEIGHT;

  return (guint) MAX (1.0, floor (room / LANE_HEIGHT));
}

static PangoLayout *
tick_layout (BriefTimeline *self,
             const char    *text)
{
  PangoLayout *layout = g_hash_table_lookup (self->tick_layouts, text);

  if (layout == NULL)
    {
      /* A bounded cache: labels repeat as the view moves. */
      if (g_hash_table_size (self->tick_layouts) > 2000)
        g_hash_table_remove_all (self->tick_layouts);
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      g_hash_table_insert (self->tick_layouts, g_strdup (text), layout);
    }

  return layout;
}

static double
measure_tick_cb (const char *text,
                 gpointer    user_data)
{
  BriefTimeline *self = user_data;
  int width;

  pango_layout_get_pixel_size (tick_layout (self, text), &width, NULL);
  return width;
}

static void brief_timeline_ensure_model (BriefTimeline *self);

/* What the strip of events of no known year starts with. */
static PangoLayout *
undated_heading (BriefTimeline *self)
{
  return tick_layout (self, _("Year unknown:"));
}

/* Events of no known year, side by side in their strip in month order, as
 * many as fit; their hit rectangles follow those of the lanes. */
static void
layout_undated (BriefTimeline *self,
                double         width)
{
  double x;
  int heading_width;

  g_array_set_size (self->undated, 0);
  if (self->n_undated == 0)
    return;

  pango_layout_get_pixel_size (undated_heading (self), &heading_width, NULL);
  x = PADDING + 4.0 + heading_width + 10.0;

  for (guint i = self->entries->len - self->n_undated; i < self->entries->len; i++)
    {
      const BriefTimelineItem *item = &g_array_index (self->items, BriefTimelineItem, i);
      BriefTimelinePlacement p = { .index = i, .lane = 0 };
      BriefTimelineRect rect;

      double room;

      p.x = x;
      p.label_x = x + MARKER_SIZE + 4.0;
      /* Cut short rather than left out, down to a readable width; the rest
       * stay in the list, and a count says so. */
      room = width - PADDING - (i + 1 < self->entries->len ? self->bubble_width : 0.0) - p.label_x;
      p.label_width = MIN (MIN (item->label_width + self->char_width * 8, UNDATED_MAX_WIDTH), room);
      if (p.label_width < 80.0)
        break;
      p.extent_start = x;
      p.extent_end = p.label_x + p.label_width;

      rect.width = p.extent_end - p.extent_start + 4.0;
      rect.x = mirror (self, p.extent_start - 2.0, rect.width);
      rect.y = undated_top (self);
      rect.height = UNDATED_HEIGHT - 4.0;
      rect.index = i;
      g_array_append_val (self->rects, rect);
      g_array_append_val (self->undated, p);
      x = p.extent_end + LABEL_GAP;
    }
}

static void
brief_timeline_ensure_layout (BriefTimeline *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double start = brief_timeline_range_get_start (self->range);
  double end = brief_timeline_range_get_end (self->range);
  double top;

  brief_timeline_ensure_model (self);

  if (!self->layout_dirty && width == self->layout_width && height == self->layout_height)
    return;

  start = brief_timeline_range_get_start (self->range);
  end = brief_timeline_range_get_end (self->range);

  if (width != self->layout_width || height != self->layout_height)
    self->children_dirty = TRUE;

  self->layout_dirty = FALSE;
  self->layout_width = width;
  self->layout_height = height;

  layout_legend (self, width);
  brief_timeline_layout ((const BriefTimelineItem *) (gpointer) self->items->data, self->items->len,
                         self->max_length, start, end, width, max_lanes (self),
                         MARKER_SIZE, LABEL_GAP, self->bubble_width,
                         self->placements, self->clusters);
  brief_timeline_compute_ticks (start, end, width, TICK_GAP, measure_tick_cb, self, self->ticks);

  /* Hit rectangles in widget coordinates, in drawing order. */
  top = lanes_top (self);
  g_array_set_size (self->rects, 0);
  g_array_set_size (self->cluster_rects, 0);
  self->n_rug = (guint) MAX (1.0, ceil (width / RUG_BUCKET));
  g_free (self->rug);
  self->rug = g_new0 (guint, self->n_rug);

  for (guint i = 0; i < self->placements->len; i++)
    {
      const BriefTimelinePlacement *p = &g_array_index (self->placements, BriefTimelinePlacement, i);
      double centre = (MAX (p->x0, 0.0) + MIN (p->x1, width)) / 2.0;
      guint bucket = (guint) CLAMP (centre / RUG_BUCKET, 0.0, self->n_rug - 1.0);

      self->rug[is_rtl (self) ? self->n_rug - 1 - bucket : bucket]++;

      if (p->lane >= 0)
        {
          BriefTimelineRect rect;

          rect.width = p->extent_end - LABEL_GAP - p->extent_start + 4.0;
          rect.x = mirror (self, p->extent_start - 2.0, rect.width);
          rect.y = top + p->lane * LANE_HEIGHT;
          rect.height = LANE_HEIGHT - 4.0;
          rect.index = p->index;
          g_array_append_val (self->rects, rect);
        }
    }

  for (guint i = 0; i < self->clusters->len; i++)
    {
      const BriefTimelineCluster *c = &g_array_index (self->clusters, BriefTimelineCluster, i);
      BriefTimelineRect rect;

      rect.x = mirror (self, c->x, c->width);
      rect.y = top + max_lanes (self) * LANE_HEIGHT;
      rect.width = c->width;
      rect.height = CLUSTER_HEIGHT - 6.0;
      rect.index = i;
      g_array_append_val (self->cluster_rects, rect);
    }

  layout_undated (self, width);
}

static const BriefTimelineRect *
rect_of_entry (BriefTimeline *self,
               guint          index)
{
  for (guint i = 0; i < self->rects->len; i++)
    if (g_array_index (self->rects, BriefTimelineRect, i).index == index)
      return &g_array_index (self->rects, BriefTimelineRect, i);
  return NULL;
}

static void
brief_timeline_drop_spares (BriefTimeline *self)
{
  for (guint i = 0; i < self->spare_children->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->spare_children, i));
  g_ptr_array_set_size (self->spare_children, 0);
}

/* Accessible children follow the events in view: made, reordered and
 * dropped in a tick, never during size allocation. */
static void
brief_timeline_sync_children (BriefTimeline *self)
{
  g_autofree gboolean *wanted = NULL;
  GtkWidget *previous = NULL;
  guint first = G_MAXUINT;
  guint last = 0;
  guint n_wanted = 0;

  self->children_dirty = FALSE;
  brief_timeline_ensure_layout (self);

  wanted = g_new0 (gboolean, MAX (self->entries->len, 1));
  for (guint i = 0; i < self->placements->len && n_wanted < MAX_CHILDREN; i++)
    {
      guint index = g_array_index (self->placements, BriefTimelinePlacement, i).index;

      wanted[index] = TRUE;
      n_wanted++;
    }
  /* Those of no known year are always in view, in their strip. */
  for (guint i = self->entries->len - self->n_undated; i < self->entries->len && n_wanted < MAX_CHILDREN; i++)
    {
      wanted[i] = TRUE;
      n_wanted++;
    }
  /* The selected event keeps its stand-in, so that focus stays on it. */
  if (self->selected != G_MAXUINT)
    wanted[self->selected] = TRUE;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (!wanted[i])
        {
          if (entry->child != NULL)
            {
              gtk_widget_unparent (entry->child);
              entry->child = NULL;
            }
          continue;
        }

      first = MIN (first, i);
      last = MAX (last, i);

      if (entry->child == NULL)
        {
          BriefTimelineEvent *item;

          /* A spare is hidden already; a new one is made hidden. */
          if (self->spare_children->len > 0)
            item = g_ptr_array_steal_index_fast (self->spare_children, self->spare_children->len - 1);
          else
            item = g_object_new (BRIEF_TYPE_TIMELINE_EVENT, "visible", FALSE, NULL);

          g_set_object (&item->event, entry->event);
          entry->child = GTK_WIDGET (item);
          /* A tooltip set on a visible widget asks the display where the
           * pointer is, a round trip to the X server per child: set it on
           * the hidden child. */
          if (gtk_widget_get_parent (entry->child) == NULL
              || gtk_widget_get_prev_sibling (entry->child) != previous)
            gtk_widget_insert_after (entry->child, GTK_WIDGET (self), previous);
          entry_update_accessible (self, entry);
          gtk_widget_set_visible (entry->child, TRUE);
        }
      else if (gtk_widget_get_prev_sibling (entry->child) != previous)
        {
          gtk_widget_insert_after (entry->child, GTK_WIDGET (self), previous);
        }
      previous = entry->child;
    }

  brief_timeline_drop_spares (self);

  if (self->focus_pending)
    {
      Entry *entry = get_entry (self, self->selected);

      self->focus_pending = FALSE;
      if (entry != NULL && entry->child != NULL)
        gtk_widget_grab_focus (entry->child);
    }

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* ---------------------------------------------------------------- drawing */

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              const char *fallback,
              GdkRGBA    *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color))
    gdk_rgba_parse (color, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

static void
append_round (GtkSnapshot           *snapshot,
              const graphene_rect_t *rect,
              double                 radius,
              const GdkRGBA         *color)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
append_ring (GtkSnapshot           *snapshot,
             const graphene_rect_t *rect,
             double                 radius,
             double                 width,
             const GdkRGBA         *color)
{
  GskRoundedRect rounded;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* "July", "14 August": the month and day of a date of no known year. */
static char *
dup_yearless_label (const BriefDate *date)
{
  g_autoptr(GDateTime) datetime = NULL;

  datetime = g_date_time_new_utc (2000, MAX (date->month, 1),
                                  date->precision == BRIEF_DATE_PRECISION_DAY ? date->day : 1, 12, 0, 0);
  if (datetime == NULL)
    return g_strdup ("?");
  if (date->precision == BRIEF_DATE_PRECISION_DAY)
    return g_date_time_format (datetime, C_("timeline, no year", "%-d %B"));
  return g_date_time_format (datetime, C_("timeline, no year", "%OB"));
}

static PangoLayout *
entry_layout (BriefTimeline *self,
              Entry         *entry,
              double         width)
{
  if (entry->layout == NULL)
    {
      g_autofree char *text = NULL;
      PangoAttrList *attrs = pango_attr_list_new ();

      if (entry->undated)
        {
          g_autofree char *day = dup_yearless_label (brief_event_get_date (entry->event));

          /* Translators: an event of no known year in its strip: "July · Committee meets" */
          text = g_strdup_printf (_("%s · %s"), day, brief_event_get_title (entry->event));
          if (brief_event_get_starred (entry->event))
            pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
        }
      else if (brief_event_get_starred (entry->event))
        {
          text = g_strconcat ("★ ", brief_event_get_title (entry->event), NULL);
          pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
        }
      else
        text = g_strdup (brief_event_get_title (entry->event));
      if (entry->derived)
        pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));

      entry->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      pango_layout_set_attributes (entry->layout, attrs);
      pango_layout_set_ellipsize (entry->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (entry->layout, TRUE);
      pango_attr_list_unref (attrs);
    }

  /* Never wider than the room the lanes gave it. */
  pango_layout_set_width (entry->layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  return entry->layout;
}

typedef struct
{
  GdkRGBA fg;
  GdkRGBA accent;
  GdkRGBA accent_fg;
  GdkRGBA bg;
} Colors;

/* A line of dashes, for what was worked out rather than read. */
static void
append_dashes (GtkSnapshot   *snapshot,
               double         x0,
               double         x1,
               double         y,
               double         height,
               const GdkRGBA *color)
{
  for (double x = x0; x < x1; x += 7.0)
    gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, MIN (4.0, x1 - x), height));
}

/* A range or a span as a bar from its first day to its last.  Its ends fade
 * over the days they are uncertain: all of a month for "in April 2019", the
 * first and the last year of "from 2001 to 2009", nothing for exact days. */
static void
draw_bar (BriefTimeline                *self,
          GtkSnapshot                  *snapshot,
          const Entry                  *entry,
          const BriefTimelinePlacement *p,
          const GdkRGBA                *source,
          double                        y,
          double                        alpha,
          gboolean                      selected)
{
  double px_per_day = (p->x1 - p->x0) / MAX (g_array_index (self->items, BriefTimelineItem, p->index).last_day -
                                             g_array_index (self->items, BriefTimelineItem, p->index).first_day, 1.0);
  double x0 = MAX (p->x0, -20.0);
  double x1 = MIN (p->x1, self->layout_width + 20.0);
  double bar_width = MAX (x1 - x0, 1.0);
  double fade_in;
  double fade_out;
  GdkRGBA solid = with_alpha (source, (selected ? 0.9 : (entry->span ? 0.6 : 0.45)) * alpha);
  GdkRGBA line = with_alpha (source, 0.9 * alpha);
  GdkRGBA clear = with_alpha (source, 0.0);
  graphene_rect_t bar;
  graphene_rect_t base;

  if (entry->span)
    {
      /* Fractions of the bar as drawn, its clipped parts left out. */
      fade_in = CLAMP ((p->x0 + entry->start_fade * px_per_day - x0) / bar_width, 0.0, 0.45);
      fade_out = CLAMP ((x1 - (p->x1 - entry->end_fade * px_per_day)) / bar_width, 0.0, 0.45);
    }
  else
    fade_in = fade_out = MIN (0.25, 24.0 / bar_width);

  {
    GskColorStop stops[4] = {
      { 0.0, fade_in > 0.0 ? clear : solid }, { fade_in, solid },
      { 1.0 - fade_out, solid }, { 1.0, fade_out > 0.0 ? clear : solid },
    };
    GskColorStop line_stops[4] = {
      { 0.0, fade_in > 0.0 ? clear : line }, { fade_in, line },
      { 1.0 - fade_out, line }, { 1.0, fade_out > 0.0 ? clear : line },
    };

    bar = GRAPHENE_RECT_INIT (mirror (self, x0, bar_width), y + 2, bar_width, LANE_HEIGHT - 8.0);
    gtk_snapshot_append_linear_gradient (snapshot, &bar,
                                         &GRAPHENE_POINT_INIT (is_rtl (self) ? bar.origin.x + bar_width : bar.origin.x, 0),
                                         &GRAPHENE_POINT_INIT (is_rtl (self) ? bar.origin.x : bar.origin.x + bar_width, 0),
                                         stops, G_N_ELEMENTS (stops));

    /* The edge of the bar, thin, so that its extent reads; dashed when the
     * date was worked out from another. */
    base = GRAPHENE_RECT_INIT (bar.origin.x, y + LANE_HEIGHT - 7.0, bar_width, 2.0);
    if (entry->derived)
      {
        append_dashes (snapshot, base.origin.x, base.origin.x + bar_width, base.origin.y, 2.0, &line);
        append_dashes (snapshot, base.origin.x, base.origin.x + bar_width, y + 2.0, 1.5, &line);
      }
    else
      gtk_snapshot_append_linear_gradient (snapshot, &base,
                                           &GRAPHENE_POINT_INIT (is_rtl (self) ? base.origin.x + bar_width : base.origin.x, 0),
                                           &GRAPHENE_POINT_INIT (is_rtl (self) ? base.origin.x : base.origin.x + bar_width, 0),
                                           line_stops, G_N_ELEMENTS (line_stops));
  }

  /* A span's exact ends stand as end caps. */
  if (entry->span && fade_in == 0.0 && p->x0 >= -2.0)
    gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (mirror (self, p->x0, 2), y + 2, 2, LANE_HEIGHT - 8.0));
  if (entry->span && fade_out == 0.0 && p->x1 <= self->layout_width + 2.0)
    gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (mirror (self, p->x1 - 2, 2), y + 2, 2, LANE_HEIGHT - 8.0));
}

/* A day: a dot, filled when suggested, ringed when accepted; a date worked
 * out from another is a hollow diamond. */
static void
draw_marker (BriefTimeline                *self,
             GtkSnapshot                  *snapshot,
             const Colors                 *colors,
             const Entry                  *entry,
             const BriefTimelinePlacement *p,
             const GdkRGBA                *source,
             double                        centre_y,
             double                        alpha,
             gboolean                      selected)
{
  BriefEventState state = brief_event_get_state (entry->event);
  double size = brief_event_get_starred (entry->event) ? MARKER_SIZE + 4.0 : MARKER_SIZE;
  double cx = p->x + MARKER_SIZE / 2.0;
  graphene_rect_t dot = GRAPHENE_RECT_INIT (mirror (self, cx - size / 2.0, size),
                                            centre_y - size / 2.0, size, size);
  GdkRGBA fill = with_alpha (source, alpha);

  if (selected)
    append_round (snapshot, &GRAPHENE_RECT_INIT (dot.origin.x - 2, dot.origin.y - 2, size + 4, size + 4),
                  (size + 4) / 2.0, &colors->accent_fg);

  if (entry->derived)
    {
      double side = size / G_SQRT2;
      graphene_rect_t square = GRAPHENE_RECT_INIT (-side / 2.0, -side / 2.0, side, side);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (dot.origin.x + size / 2.0, centre_y));
      gtk_snapshot_rotate (snapshot, 45);
      gtk_snapshot_append_color (snapshot, &colors->bg, &square);
      append_ring (snapshot, &square, 0, 2.0, &fill);
      gtk_snapshot_restore (snapshot);
    }
  else if (state == BRIEF_EVENT_STATE_SUGGESTED)
    append_round (snapshot, &dot, size / 2.0, &fill);
  else
    {
      append_round (snapshot, &dot, size / 2.0, &fill);
      append_ring (snapshot, &dot, size / 2.0, 1.5, &colors->fg);
    }
}

static void
draw_event (BriefTimeline               *self,
            GtkSnapshot                 *snapshot,
            const Colors                *colors,
            const BriefTimelinePlacement *p,
            double                        y)
{
  Entry *entry = &g_array_index (self->entries, Entry, p->index);
  const BriefTimelineItem *item = &g_array_index (self->items, BriefTimelineItem, p->index);
  BriefEventState state = brief_event_get_state (entry->event);
  gboolean selected = p->index == self->selected;
  gboolean hovered = p->index == self->hovered;
  gboolean other_article = self->current_article != NULL &&
                           brief_event_get_article (entry->event) != self->current_article;
  double centre_y = y + (LANE_HEIGHT - 4.0) / 2.0;
  double alpha = state == BRIEF_EVENT_STATE_HIDDEN ? 0.35 : (other_article ? 0.55 : 1.0);
  GdkRGBA source;
  GdkRGBA text_color = with_alpha (&colors->fg, alpha);
  PangoLayout *layout;
  const BriefTimelineRect *rect = NULL;
  int text_width;
  int text_height;

  brief_timeline_get_source_color (entry->source, &source);

  if (selected || hovered)
    rect = rect_of_entry (self, p->index);

  /* Selected: an accent pill behind; hovered: a faint one. */
  if (rect != NULL)
    {
      graphene_rect_t pill = GRAPHENE_RECT_INIT (rect->x, rect->y, rect->width, rect->height);
      GdkRGBA fill = selected ? colors->accent : with_alpha (&colors->fg, 0.08);

      append_round (snapshot, &pill, 6, &fill);
      if (selected)
        text_color = colors->accent_fg;
    }

  if (item->last_day - item->first_day > 1.0 && p->x1 - p->x0 >= MARKER_SIZE)
    draw_bar (self, snapshot, entry, p, &source, y, alpha, selected);
  else
    draw_marker (self, snapshot, colors, entry, p, &source, centre_y, alpha, selected);

  layout = entry_layout (self, entry, p->label_width);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  append_text (snapshot, layout,
               mirror (self, p->label_x, text_width),
               centre_y - text_height / 2.0,
               &text_color);
}

static void
draw_legend (BriefTimeline *self,
             GtkSnapshot   *snapshot,
             const Colors  *colors)
{
  guint n = self->legend_layouts->len;

  if (self->legend_spots->len != n + 1)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriefArticle) article = g_list_model_get_item (self->sources, i);
      PangoLayout *layout = g_ptr_array_index (self->legend_layouts, i);
      const graphene_point_t *spot = &g_array_index (self->legend_spots, graphene_point_t, i);
      gboolean current = self->current_article == NULL || article == self->current_article;
      GdkRGBA source;
      GdkRGBA text = with_alpha (&colors->fg, current ? 0.9 : 0.55);
      int w;
      int h;

      pango_layout_get_pixel_size (layout, &w, &h);
      brief_timeline_get_source_color (i, &source);
      append_round (snapshot,
                    &GRAPHENE_RECT_INIT (mirror (self, spot->x, 10), spot->y + (LEGEND_HEIGHT - 10) / 2.0 - 2, 10, 10),
                    5, &source);
      append_text (snapshot, layout, mirror (self, spot->x + 14, w), spot->y + (LEGEND_HEIGHT - h) / 2.0 - 2, &text);
    }

  /* The line marking the publication date, explained. */
  if (self->current_article != NULL && brief_article_get_published (self->current_article) != NULL)
    {
      PangoLayout *layout = tick_layout (self, _("Published"));
      const graphene_point_t *spot = &g_array_index (self->legend_spots, graphene_point_t, n);
      int w;
      int h;

      pango_layout_get_pixel_size (layout, &w, &h);
      append_round (snapshot,
                    &GRAPHENE_RECT_INIT (mirror (self, spot->x + 3, 2), spot->y + (LEGEND_HEIGHT - 14) / 2.0 - 2, 2, 14),
                    0, &colors->accent);
      append_text (snapshot, layout, mirror (self, spot->x + 10, w), spot->y + (LEGEND_HEIGHT - h) / 2.0 - 2, &colors->fg);
    }
}

/* The strip of events of no known year: marked as such, never on the axis. */
static void
draw_undated (BriefTimeline *self,
              GtkSnapshot   *snapshot,
              const Colors  *colors)
{
  PangoLayout *heading;
  double y = undated_top (self);
  GdkRGBA band = with_alpha (&colors->fg, 0.05);
  GdkRGBA dim = with_alpha (&colors->fg, 0.7);
  int w;
  int h;

  if (self->n_undated == 0)
    return;

  append_round (snapshot, &GRAPHENE_RECT_INIT (PADDING, y - 1, self->layout_width - 2 * PADDING, UNDATED_HEIGHT - 2),
                6, &band);
  heading = undated_heading (self);
  pango_layout_get_pixel_size (heading, &w, &h);
  append_text (snapshot, heading, mirror (self, PADDING + 4.0, w), y + (UNDATED_HEIGHT - 4.0 - h) / 2.0, &dim);

  for (guint i = 0; i < self->undated->len; i++)
    draw_event (self, snapshot, colors, &g_array_index (self->undated, BriefTimelinePlacement, i), y);

  if (self->undated->len < self->n_undated)
    {
      g_autofree char *more = g_strdup_printf ("+%u", self->n_undated - self->undated->len);
      PangoLayout *layout = tick_layout (self, more);

      pango_layout_get_pixel_size (layout, &w, &h);
      append_text (snapshot, layout, mirror (self, self->layout_width - PADDING - self->bubble_width + 8, w),
                   y + (UNDATED_HEIGHT - 4.0 - h) / 2.0, &dim);
    }
}

static void
brief_timeline_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  BriefTimeline *self = BRIEF_TIMELINE (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double axis;
  double top;
  double start;
  double end;
  Colors colors;

  brief_timeline_ensure_layout (self);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colors.fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  lookup_color (widget, "accent_bg_color", "#3584e4", &colors.accent);
  lookup_color (widget, "accent_fg_color", "#ffffff", &colors.accent_fg);
  lookup_color (widget, "theme_base_color", "#ffffff", &colors.bg);

  axis = axis_y (self);
  top = lanes_top (self);
  start = brief_timeline_range_get_start (self->range);
  end = brief_timeline_range_get_end (self->range);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Grid lines at the labelled ticks. */
  for (guint i = 0; i < self->ticks->len; i++)
    {
      const BriefTimelineTick *tick = &g_array_index (self->ticks, BriefTimelineTick, i);
      GdkRGBA line = with_alpha (&colors.fg, tick->major ? 0.10 : 0.22);
      double x = mirror (self, round (tick->x), 1);

      if (tick->major)
        gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x, top - 4, 1, axis - top + 10));
      else
        gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x, axis, 1, 4));
    }

  /* The publication date of the article read. */
  if (self->current_article != NULL)
    {
      BriefDate date;

      if (brief_date_parse_value (brief_article_get_published (self->current_article), &date))
        {
          GDate day;
          double x;

          brief_date_get_earliest (&date, &day);
          x = brief_timeline_day_to_x (start, end, width, day_of (&day) + 0.5);
          if (x >= 0 && x < width)
            {
              GdkRGBA line = with_alpha (&colors.accent, 0.8);

              gtk_snapshot_append_color (snapshot, &line,
                                         &GRAPHENE_RECT_INIT (mirror (self, x - 1, 2), top - 4, 2, axis - top + 4));
            }
        }
    }

  /* Events in their lanes; the selected one last, on top. */
  for (guint i = 0; i < self->placements->len; i++)
    {
      const BriefTimelinePlacement *p = &g_array_index (self->placements, BriefTimelinePlacement, i);

      if (p->lane >= 0 && p->index != self->selected)
        draw_event (self, snapshot, &colors, p, top + p->lane * LANE_HEIGHT);
    }
  for (guint i = 0; i < self->placements->len; i++)
    {
      const BriefTimelinePlacement *p = &g_array_index (self->placements, BriefTimelinePlacement, i);

      if (p->lane >= 0 && p->index == self->selected)
        draw_event (self, snapshot, &colors, p, top + p->lane * LANE_HEIGHT);
    }

  draw_undated (self, snapshot, &colors);

  /* Clusters: what did not fit, as a count. */
  for (guint i = 0; i < self->clusters->len; i++)
    {
      const BriefTimelineCluster *c = &g_array_index (self->clusters, BriefTimelineCluster, i);
      const BriefTimelineRect *r = &g_array_index (self->cluster_rects, BriefTimelineRect, i);
      g_autofree char *text = g_strdup_printf ("+%u", c->count);
      PangoLayout *layout = tick_layout (self, text);
      GdkRGBA fill = with_alpha (&colors.fg, (int) i == self->hovered_cluster ? 0.2 : 0.1);
      int w;
      int h;

      append_round (snapshot, &GRAPHENE_RECT_INIT (r->x, r->y, r->width, r->height), r->height / 2.0, &fill);
      pango_layout_get_pixel_size (layout, &w, &h);
      append_text (snapshot, layout, r->x + (r->width - w) / 2.0, r->y + (r->height - h) / 2.0, &colors.fg);
    }

  /* The axis, a rug of where events lie, and the tick labels. */
  {
    GdkRGBA line = with_alpha (&colors.fg, 0.35);
    GdkRGBA rug = with_alpha (&colors.fg, 0.45);
    GdkRGBA label = with_alpha (&colors.fg, 0.75);

    gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, axis, width, 1));
    for (guint i = 0; i < self->n_rug; i++)
      if (self->rug[i] > 0)
        {
          double h = MIN (2.0 + self->rug[i], 6.0);

          gtk_snapshot_append_color (snapshot, &rug,
                                     &GRAPHENE_RECT_INIT (i * RUG_BUCKET, axis - h, RUG_BUCKET - 1, h));
        }

    for (guint i = 0; i < self->ticks->len; i++)
      {
        const BriefTimelineTick *tick = &g_array_index (self->ticks, BriefTimelineTick, i);

        if (tick->label == NULL)
          continue;
        gtk_snapshot_append_color (snapshot, &line,
                                   &GRAPHENE_RECT_INIT (mirror (self, round (tick->x), 1), axis, 1, 8));
        append_text (snapshot, tick_layout (self, tick->label),
                     mirror (self, tick->label_x, tick->label_width), axis + 6, &label);
      }
  }

  draw_legend (self, snapshot, &colors);

  if (self->n_dated == 0)
    {
      PangoLayout *layout = tick_layout (self, _("No dated events"));
      GdkRGBA dim = with_alpha (&colors.fg, 0.55);
      int w;
      int h;

      pango_layout_get_pixel_size (layout, &w, &h);
      append_text (snapshot, layout, (width - w) / 2.0, (axis - h) / 2.0, &dim);
    }

  /* The focus ring: around the focused event, or the whole timeline. */
  if (gtk_widget_has_focus (widget) ||
      (gtk_widget_get_focus_child (widget) != NULL &&
       gtk_widget_get_focus_child (widget) != self->controls))
    {
      GtkRoot *root = gtk_widget_get_root (widget);
      gboolean visible = root == NULL || !GTK_IS_WINDOW (root) || gtk_window_get_focus_visible (GTK_WINDOW (root));
      const BriefTimelineRect *r = rect_of_entry (self, self->selected);
      GdkRGBA ring = with_alpha (&colors.accent, 0.6);

      if (visible)
        {
          if (gtk_widget_has_focus (widget) || r == NULL)
            append_ring (snapshot, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 6, 2, &ring);
          else
            append_ring (snapshot, &GRAPHENE_RECT_INIT (r->x - 3, r->y - 3, r->width + 6, r->height + 6), 8, 2, &ring);
        }
    }

  gtk_snapshot_pop (snapshot);

  gtk_widget_snapshot_child (widget, self->controls, snapshot);
}

/* ---------------------------------------------------------------- size */

static void
brief_timeline_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  BriefTimeline *self = BRIEF_TIMELINE (widget);
  int min_controls;
  int nat_controls;

  gtk_widget_measure (self->controls, orientation, -1, &min_controls, &nat_controls, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (200, min_controls);
      *natural = 600;
    }
  else
    {
      *minimum = (int) (PADDING + LEGEND_HEIGHT + 8 + 2 * LANE_HEIGHT + CLUSTER_HEIGHT + AXIS_HEIGHT);
      *natural = 320;
    }
}

static void
brief_timeline_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  BriefTimeline *self = BRIEF_TIMELINE (widget);
  GtkRequisition controls;

  /* Until the user moves the view, it fits the events at any size. */
  if (self->auto_fit && width != self->layout_width && self->n_dated > 0)
    brief_timeline_fit_all (self, FALSE);
  brief_timeline_ensure_layout (self);

  gtk_widget_get_preferred_size (self->controls, NULL, &controls);
  gtk_widget_size_allocate (self->controls,
                            &(GtkAllocation) {
                              is_rtl (self) ? 6 : width - controls.width - 6, 4,
                              controls.width, controls.height,
                            }, -1);

  /* Each stand-in where its event is drawn, so that extents make sense:
   * first every one out of the way, then those in view in place. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!BRIEF_IS_TIMELINE_EVENT (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (child, &(GtkAllocation) { 0, 0, 1, 1 }, -1);
    }

  for (guint i = 0, r = 0; i < self->placements->len; i++)
    {
      const BriefTimelinePlacement *p = &g_array_index (self->placements, BriefTimelinePlacement, i);
      Entry *entry = &g_array_index (self->entries, Entry, p->index);
      const BriefTimelineRect *rect;

      if (p->lane < 0)
        continue;
      rect = &g_array_index (self->rects, BriefTimelineRect, r++);
      if (entry->child != NULL)
        gtk_widget_size_allocate (entry->child,
                                  &(GtkAllocation) { (int) rect->x, (int) rect->y,
                                                     (int) MAX (rect->width, 1), (int) rect->height }, -1);
    }

  for (guint i = 0; i < self->clusters->len; i++)
    {
      const BriefTimelineCluster *c = &g_array_index (self->clusters, BriefTimelineCluster, i);
      const BriefTimelineRect *rect = &g_array_index (self->cluster_rects, BriefTimelineRect, i);

      for (guint k = c->first; k <= c->last; k++)
        {
          const BriefTimelinePlacement *p = &g_array_index (self->placements, BriefTimelinePlacement, k);
          Entry *entry = &g_array_index (self->entries, Entry, p->index);

          if (p->lane < 0 && entry->child != NULL)
            gtk_widget_size_allocate (entry->child,
                                      &(GtkAllocation) { (int) rect->x, (int) rect->y,
                                                         (int) rect->width, (int) rect->height }, -1);
        }
    }

  /* Events of no known year: in their strip, or on its count. */
  for (guint i = self->entries->len - self->n_undated; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      const BriefTimelineRect *rect = rect_of_entry (self, i);
      GtkAllocation allocation = { (int) (width - PADDING - self->bubble_width), (int) undated_top (self),
                                   (int) self->bubble_width, (int) (UNDATED_HEIGHT - 4) };

      if (entry->child == NULL)
        continue;
      if (rect != NULL)
        allocation = (GtkAllocation) { (int) rect->x, (int) rect->y, (int) MAX (rect->width, 1), (int) rect->height };
      gtk_widget_size_allocate (entry->child, &allocation, -1);
    }

  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
  if (self->title_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->title_popover));

  if (self->children_dirty)
    brief_timeline_ensure_tick (self);
}

static void
brief_timeline_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  BriefTimeline *self = BRIEF_TIMELINE (widget);
  PangoContext *context;
  PangoFontMetrics *metrics;
  PangoLayout *layout;
  int w;

  GTK_WIDGET_CLASS (brief_timeline_parent_class)->css_changed (widget, change);

  /* Fonts may have changed: measure again. */
  context = gtk_widget_get_pango_context (widget);
  metrics = pango_context_get_metrics (context, NULL, NULL);
  self->char_width = pango_font_metrics_get_approximate_char_width (metrics) / (double) PANGO_SCALE;
  self->line_height = pango_font_metrics_get_height (metrics) / (double) PANGO_SCALE;
  pango_font_metrics_unref (metrics);

  layout = gtk_widget_create_pango_layout (widget, "+8888");
  pango_layout_get_pixel_size (layout, &w, NULL);
  self->bubble_width = w + 16;
  g_object_unref (layout);

  g_hash_table_remove_all (self->tick_layouts);
  g_ptr_array_set_size (self->legend_layouts, 0);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      g_clear_object (&entry->layout);
      g_array_index (self->items, BriefTimelineItem, i).label_width = estimate_label_width (self, entry->event);
    }

  brief_timeline_invalidate_layout (self);
}

static void
brief_timeline_direction_changed (GtkWidget        *widget,
                                  GtkTextDirection  previous)
{
  brief_timeline_invalidate_layout (BRIEF_TIMELINE (widget));
  GTK_WIDGET_CLASS (brief_timeline_parent_class)->direction_changed (widget, previous);
}

/* ---------------------------------------------------------------- selection */

static void
brief_timeline_select_entry (BriefTimeline *self,
                             guint          index,
                             gboolean       grab_focus)
{
  Entry *entry = get_entry (self, index);

  if (entry == NULL || self->model == NULL)
    return;

  if (self->selected != index)
    gtk_selection_model_select_item (self->model, entry->position, TRUE);

  if (grab_focus)
    {
      self->focus_pending = TRUE;
      self->children_dirty = TRUE;
      brief_timeline_ensure_tick (self);
    }
}

static void
brief_timeline_activate_entry (BriefTimeline *self,
                               guint          index)
{
  Entry *entry = get_entry (self, index);

  if (entry == NULL)
    return;

  brief_timeline_select_entry (self, index, FALSE);
  g_signal_emit (self, signals[EVENT_ACTIVATED], 0, entry->event);
}

static void
selection_changed_cb (BriefTimeline     *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *model)
{
  Entry *entry;
  guint previous = self->selected;

  brief_timeline_ensure_model (self);
  brief_timeline_update_selected (self);
  entry = get_entry (self, self->selected);
  if (get_entry (self, previous) != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (get_entry (self, previous)->child != NULL
                                                 ? get_entry (self, previous)->child : GTK_WIDGET (self)),
                                 GTK_ACCESSIBLE_STATE_SELECTED, FALSE, -1);
  if (entry != NULL && entry->child != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (entry->child), GTK_ACCESSIBLE_STATE_SELECTED, TRUE, -1);
  if (entry != NULL)
    {
      brief_timeline_scroll_to_event (self, entry->event);
      /* Focus on an event follows the selection, wherever it was made. */
      if (BRIEF_IS_TIMELINE_EVENT (gtk_widget_get_focus_child (GTK_WIDGET (self))))
        self->focus_pending = TRUE;
    }
  self->children_dirty = TRUE;
  brief_timeline_ensure_tick (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Events arrive one by one: read the model once, in the next frame. */
static void
model_items_changed_cb (BriefTimeline *self,
                        guint          position,
                        guint          removed,
                        guint          added,
                        GListModel    *model)
{
  self->model_dirty = TRUE;
  brief_timeline_invalidate_layout (self);
  brief_timeline_ensure_tick (self);
}

/* ---------------------------------------------------------------- actions */

static guint
visible_neighbour (BriefTimeline *self,
                   int            step)
{
  guint n = self->entries->len;

  if (n == 0)
    return G_MAXUINT;
  if (self->selected == G_MAXUINT)
    {
      /* From nothing: the first event in view, or the last. */
      double start = brief_timeline_range_get_start (self->range);
      guint first = brief_timeline_lower_bound ((const BriefTimelineItem *) (gpointer) self->items->data, n, start);

      return MIN (first, n - 1);
    }
  if (step < 0)
    return self->selected >= (guint) -step ? self->selected + step : 0;
  return MIN (self->selected + step, n - 1);
}

static void
brief_timeline_move_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  BriefTimeline *self = BRIEF_TIMELINE (widget);
  guint n = self->entries->len;
  guint target = G_MAXUINT;

  if (n == 0)
    return;

  if (g_str_equal (action_name, "timeline.first"))
    target = 0;
  else if (g_str_equal (action_name, "timeline.last"))
    target = n - 1;
  else if (g_str_equal (action_name, "timeline.previous") || g_str_equal (action_name, "timeline.next"))
    {
      gboolean forward = g_str_equal (action_name, "timeline.next");

      target = visible_neighbour (self, self->selected == G_MAXUINT ? 0 : (forward ? 1 : -1));
    }
  else if (g_str_equal (action_name, "timeline.page-up") || g_str_equal (action_name, "timeline.page-down"))
    {
      /* A screen earlier or later: the first event there, the view following. */
      double span = brief_timeline_range_get_span (self->range);
      /* From the selected event, unless it is of no known year (off the axis). */
      double from = self->selected != G_MAXUINT && !get_entry (self, self->selected)->undated
                    ? g_array_index (self->items, BriefTimelineItem, self->selected).first_day
                    : brief_timeline_range_get_start (self->range);
      gboolean down = g_str_equal (action_name, "timeline.page-down");
      double day = from + (down ? span : -span);

      target = brief_timeline_lower_bound ((const BriefTimelineItem *) (gpointer) self->items->data, n, day);
      if (!down && target > 0 && target == self->selected)
        target--;
      if (down && target <= self->selected && self->selected != G_MAXUINT)
        target = self->selected + 1;
      target = MIN (target, n - 1);
      brief_timeline_move_to (self, day - span / 3.0, day + 2 * span / 3.0, TRUE);
    }

  brief_timeline_select_entry (self, target, TRUE);
}

/* Left and Right follow the screen: mirrored in right-to-left locales. */
static void
brief_timeline_left_right_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  BriefTimeline *self = BRIEF_TIMELINE (widget);
  gboolean right = g_str_equal (action_name, "timeline.right");

  brief_timeline_move_action (widget, (right != is_rtl (self)) ? "timeline.next" : "timeline.previous", NULL);
}

static void
brief_timeline_activate_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  BriefTimeline *self = BRIEF_TIMELINE (widget);

  brief_timeline_activate_entry (self, self->selected);
}

static double
anchor_day (BriefTimeline *self)
{
  /* The selected event when in view, else the middle. */
  double start = brief_timeline_range_get_start (self->range);
  double end = brief_timeline_range_get_end (self->range);

  if (self->selected != G_MAXUINT)
    {
      double day = g_array_index (self->items, BriefTimelineItem, self->selected).first_day;

      if (day >= start && day < end)
        return day;
    }
  return (start + end) / 2.0;
}

static void
brief_timeline_zoom_by (BriefTimeline *self,
                        double         factor,
                        double         anchor,
                        gboolean       animate)
{
  double start = self->animating ? self->to_start : brief_timeline_range_get_start (self->range);
  double end = self->animating ? self->to_end : brief_timeline_range_get_end (self->range);

  brief_timeline_zoom_around (&start, &end, anchor, factor, 2.0, 400 * 365.25);
  brief_timeline_move_to (self, start, end, animate);
}

static void
brief_timeline_zoom_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  BriefTimeline *self = BRIEF_TIMELINE (widget);
  double factor = g_str_equal (action_name, "timeline.zoom-in") ? 2.0 : 0.5;

  self->auto_fit = FALSE;

  brief_timeline_zoom_by (self, factor, anchor_day (self), TRUE);
}

static void
brief_timeline_fit_all_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  brief_timeline_fit_all (BRIEF_TIMELINE (widget), TRUE);
}

static void
brief_timeline_popup_menu (BriefTimeline *self,
                           guint          index,
                           double         x,
                           double         y)
{
  Entry *entry = get_entry (self, index);
  const BriefTimelineRect *r;
  GdkRectangle pointing;

  if (entry == NULL)
    return;

  self->menu_entry = index;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.accept", TRUE);

  r = rect_of_entry (self, index);
  if (x < 0 && r != NULL)
    pointing = (GdkRectangle) { (int) r->x, (int) r->y, (int) r->width, (int) r->height };
  else if (x < 0)
    pointing = (GdkRectangle) { gtk_widget_get_width (GTK_WIDGET (self)) / 2, gtk_widget_get_height (GTK_WIDGET (self)) / 2, 1, 1 };
  else
    pointing = (GdkRectangle) { (int) x, (int) y, 1, 1 };

  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &pointing);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
brief_timeline_context_menu_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  BriefTimeline *self = BRIEF_TIMELINE (widget);

  brief_timeline_popup_menu (self, self->selected, -1, -1);
}

static BriefEvent *
menu_event (BriefTimeline *self)
{
  Entry *entry = get_entry (self, self->menu_entry);

  if (entry == NULL)
    entry = get_entry (self, self->selected);
  return entry != NULL ? entry->event : NULL;
}

static void
set_state (BriefTimeline   *self,
           BriefEvent      *event,
           BriefEventState  state)
{
  if (self->briefing != NULL)
    brief_briefing_edit_event_state (self->briefing, event, state);
  else
    brief_event_set_state (event, state);
}

static void
brief_timeline_event_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  BriefTimeline *self = BRIEF_TIMELINE (widget);
  BriefEvent *event = menu_event (self);

  if (event == NULL)
    return;

  if (g_str_equal (action_name, "timeline.accept"))
    set_state (self, event, brief_event_get_state (event) == BRIEF_EVENT_STATE_ACCEPTED
                            ? BRIEF_EVENT_STATE_SUGGESTED : BRIEF_EVENT_STATE_ACCEPTED);
  else if (g_str_equal (action_name, "timeline.hide"))
    set_state (self, event, brief_event_get_state (event) == BRIEF_EVENT_STATE_HIDDEN
                            ? BRIEF_EVENT_STATE_SUGGESTED : BRIEF_EVENT_STATE_HIDDEN);
  else if (g_str_equal (action_name, "timeline.star"))
    {
      if (self->briefing != NULL)
        brief_briefing_edit_event_starred (self->briefing, event, !brief_event_get_starred (event));
      else
        brief_event_set_starred (event, !brief_event_get_starred (event));
    }
  else if (g_str_equal (action_name, "timeline.show-in-article"))
    brief_timeline_activate_entry (self, brief_timeline_entry_of (self, event));
  else if (g_str_equal (action_name, "timeline.edit-title"))
    {
      const BriefTimelineRect *r = rect_of_entry (self, brief_timeline_entry_of (self, event));
      GdkRectangle pointing = { gtk_widget_get_width (widget) / 2, gtk_widget_get_height (widget) / 2, 1, 1 };

      if (r != NULL)
        pointing = (GdkRectangle) { (int) r->x, (int) r->y, (int) r->width, (int) r->height };
      gtk_editable_set_text (GTK_EDITABLE (self->title_entry), brief_event_get_title (event));
      gtk_popover_set_pointing_to (GTK_POPOVER (self->title_popover), &pointing);
      gtk_popover_popup (GTK_POPOVER (self->title_popover));
      gtk_widget_grab_focus (self->title_entry);
    }
}

static void
title_entry_activate_cb (BriefTimeline *self,
                         GtkEntry      *entry)
{
  BriefEvent *event = menu_event (self);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (event != NULL && *title != '\0' && self->briefing != NULL)
    brief_briefing_edit_event_title (self->briefing, event, title);
  else if (event != NULL && *title != '\0')
    brief_event_set_title (event, title);
  gtk_popover_popdown (GTK_POPOVER (self->title_popover));
}

/* ---------------------------------------------------------------- input */

static int
hit_entry (BriefTimeline *self,
           double         x,
           double         y)
{
  int hit;

  brief_timeline_ensure_layout (self);
  hit = brief_timeline_hit_test ((const BriefTimelineRect *) (gpointer) self->rects->data,
                                 self->rects->len, x, y, 4.0);
  return hit < 0 ? -1 : (int) g_array_index (self->rects, BriefTimelineRect, hit).index;
}

static int
hit_cluster (BriefTimeline *self,
             double         x,
             double         y)
{
  brief_timeline_ensure_layout (self);
  return brief_timeline_hit_test ((const BriefTimelineRect *) (gpointer) self->cluster_rects->data,
                                  self->cluster_rects->len, x, y, 0.0);
}

static double
day_at (BriefTimeline *self,
        double         x)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));

  if (is_rtl (self))
    x = width - x;
  return brief_timeline_x_to_day (brief_timeline_range_get_start (self->range),
                                  brief_timeline_range_get_end (self->range), width, x);
}

static void
click_pressed_cb (BriefTimeline   *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  int index = hit_entry (self, x, y);
  int cluster;

  if (index < 0 && (cluster = hit_cluster (self, x, y)) >= 0 && button == GDK_BUTTON_PRIMARY)
    {
      /* A count: zoom until its events have room. */
      const BriefTimelineCluster *c = &g_array_index (self->clusters, BriefTimelineCluster, cluster);
      double span = MAX (c->last_day - c->first_day, 2.0);

      brief_timeline_move_to (self, c->first_day - span * 0.2, c->last_day + span * 0.8, TRUE);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  if (index < 0)
    {
      if (!gtk_widget_has_focus (GTK_WIDGET (self)) && gtk_widget_get_focus_child (GTK_WIDGET (self)) == NULL)
        gtk_widget_grab_focus (GTK_WIDGET (self));
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  if (button == GDK_BUTTON_SECONDARY)
    {
      brief_timeline_select_entry (self, (guint) index, TRUE);
      brief_timeline_popup_menu (self, (guint) index, x, y);
      return;
    }

  if (n_press == 2)
    brief_timeline_activate_entry (self, (guint) index);
  else
    brief_timeline_select_entry (self, (guint) index, TRUE);
}

static void
motion_cb (BriefTimeline            *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  int index = hit_entry (self, x, y);
  int cluster = index < 0 ? hit_cluster (self, x, y) : -1;

  self->pointer_x = x;
  if ((guint) index != self->hovered || cluster != self->hovered_cluster)
    {
      self->hovered = index < 0 ? G_MAXUINT : (guint) index;
      self->hovered_cluster = cluster;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), index >= 0 || cluster >= 0 ? "pointer" : NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (BriefTimeline            *self,
          GtkEventControllerMotion *controller)
{
  self->hovered = G_MAXUINT;
  self->hovered_cluster = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
scroll_cb (BriefTimeline            *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double span = brief_timeline_range_get_span (self->range);
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
  GdkScrollUnit unit = gtk_event_controller_scroll_get_unit (controller);
  double step = unit == GDK_SCROLL_UNIT_WHEEL ? 40.0 : 1.0;

  brief_timeline_stop_animation (self);

  if (state & GDK_CONTROL_MASK)
    {
      /* Zoom around the day under the pointer. */
      double factor = pow (1.25, -dy * (unit == GDK_SCROLL_UNIT_WHEEL ? 1.0 : 0.05));

      brief_timeline_range_zoom (self->range, factor, day_at (self, self->pointer_x));
      return TRUE;
    }

  if (state & GDK_SHIFT_MASK && dx == 0)
    {
      dx = dy;
      dy = 0;
    }

  if (dx == 0)
    dx = dy;
  if (is_rtl (self))
    dx = -dx;
  brief_timeline_range_pan (self->range, dx * step * span / width);
  return TRUE;
}

static void
drag_begin_cb (BriefTimeline  *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  brief_timeline_stop_animation (self);
  self->drag_start = brief_timeline_range_get_start (self->range);
  self->drag_end = brief_timeline_range_get_end (self->range);
}

static void
drag_update_cb (BriefTimeline  *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *gesture)
{
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
  double days = offset_x * (self->drag_end - self->drag_start) / width;

  if (fabs (offset_x) < 3 && gtk_gesture_get_sequence_state (GTK_GESTURE (gesture),
                                                              gtk_gesture_single_get_current_sequence (GTK_GESTURE_SINGLE (gesture))) != GTK_EVENT_SEQUENCE_CLAIMED)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  if (is_rtl (self))
    days = -days;
  brief_timeline_range_set (self->range, self->drag_start - days, self->drag_end - days);
}

static void
drag_end_cb (BriefTimeline  *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *gesture)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
}

static void
zoom_begin_cb (BriefTimeline *self,
               GdkEventSequence *sequence,
               GtkGesture    *gesture)
{
  brief_timeline_stop_animation (self);
  self->zoom_start = brief_timeline_range_get_start (self->range);
  self->zoom_end = brief_timeline_range_get_end (self->range);
}

static void
zoom_scale_changed_cb (BriefTimeline  *self,
                       double          scale,
                       GtkGestureZoom *gesture)
{
  double x;
  double y;
  double start = self->zoom_start;
  double end = self->zoom_end;
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = width / 2.0;
  if (is_rtl (self))
    x = width - x;
  brief_timeline_zoom_around (&start, &end, brief_timeline_x_to_day (start, end, width, x),
                              scale, 2.0, 400 * 365.25);
  brief_timeline_range_set (self->range, start, end);
}

static gboolean
brief_timeline_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip)
{
  BriefTimeline *self = BRIEF_TIMELINE (widget);
  int index;
  Entry *entry;
  g_autofree char *date = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *derivation = NULL;
  const char *source;
  const char *sentence;
  const BriefTimelineRect *r;
  g_autofree char *sources = NULL;

  if (keyboard_mode)
    index = self->selected == G_MAXUINT ? -1 : (int) self->selected;
  else
    index = hit_entry (self, x, y);

  if (index < 0)
    {
      int cluster = keyboard_mode ? -1 : hit_cluster (self, x, y);

      if (cluster >= 0)
        {
          const BriefTimelineCluster *c = &g_array_index (self->clusters, BriefTimelineCluster, cluster);
          g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u more event here; click to zoom in",
                                                                "%u more events here; click to zoom in",
                                                                c->count), c->count);
          gtk_tooltip_set_text (tooltip, text);
          return TRUE;
        }
      return FALSE;
    }

  entry = get_entry (self, (guint) index);
  date = entry_dup_date_label (entry);
  source = entry_source_name (entry);
  if ((sources = entry_dup_sources_text (entry)) != NULL)
    source = sources;
  sentence = brief_event_get_sentence (entry->event);
  derivation = brief_event_dup_derivation_label (entry->event);
  markup = g_markup_printf_escaped ("<b>%s</b>\n%s · “%s”%s%s%s%s\n<i>%s</i>",
                                    brief_event_get_title (entry->event),
                                    date,
                                    brief_event_get_date_text (entry->event),
                                    derivation != NULL ? "\n" : "",
                                    derivation != NULL ? derivation : "",
                                    source != NULL ? "\n" : "",
                                    source != NULL ? source : "",
                                    sentence != NULL ? sentence : "");
  gtk_tooltip_set_markup (tooltip, markup);

  if ((r = rect_of_entry (self, (guint) index)) != NULL)
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) r->x, (int) r->y, (int) r->width, (int) r->height });
  return TRUE;
}

static gboolean
brief_timeline_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  BriefTimeline *self = BRIEF_TIMELINE (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  Entry *entry;

  /* Inside already: Tab leaves; the arrow keys are the timeline's own. */
  if (focus_child != NULL || gtk_widget_has_focus (widget))
    return FALSE;

  if (self->selected == G_MAXUINT && self->entries->len > 0)
    {
      guint first = visible_neighbour (self, 0);

      brief_timeline_select_entry (self, first, FALSE);
    }

  entry = get_entry (self, self->selected);
  if (entry != NULL && entry->child != NULL)
    return gtk_widget_grab_focus (entry->child);

  return gtk_widget_grab_focus (widget);
}

static gboolean
brief_timeline_grab_focus (GtkWidget *widget)
{
  BriefTimeline *self = BRIEF_TIMELINE (widget);
  Entry *entry = get_entry (self, self->selected);

  if (entry != NULL && entry->child != NULL)
    return gtk_widget_grab_focus (entry->child);
  return GTK_WIDGET_CLASS (brief_timeline_parent_class)->grab_focus (widget);
}

/* ---------------------------------------------------------------- object */

static void
brief_timeline_dispose (GObject *object)
{
  BriefTimeline *self = BRIEF_TIMELINE (object);

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;

  brief_timeline_set_model (self, NULL);
  g_clear_pointer (&self->entries, g_array_unref);
  if (self->spare_children != NULL)
    brief_timeline_drop_spares (self);
  g_clear_pointer (&self->spare_children, g_ptr_array_unref);
  g_clear_pointer (&self->controls, gtk_widget_unparent);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_pointer (&self->title_popover, gtk_widget_unparent);
  g_clear_object (&self->sources);
  g_clear_object (&self->briefing);
  g_clear_object (&self->current_article);

  G_OBJECT_CLASS (brief_timeline_parent_class)->dispose (object);
}

static void
brief_timeline_finalize (GObject *object)
{
  BriefTimeline *self = BRIEF_TIMELINE (object);

  g_clear_object (&self->range);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->clusters, g_array_unref);
  g_clear_pointer (&self->ticks, g_array_unref);
  g_clear_pointer (&self->rects, g_array_unref);
  g_clear_pointer (&self->cluster_rects, g_array_unref);
  g_clear_pointer (&self->tick_layouts, g_hash_table_unref);
  g_clear_pointer (&self->legend_layouts, g_ptr_array_unref);
  g_clear_pointer (&self->legend_spots, g_array_unref);
  g_clear_pointer (&self->undated, g_array_unref);
  g_clear_pointer (&self->position_map, g_free);
  g_clear_pointer (&self->rug, g_free);

  G_OBJECT_CLASS (brief_timeline_parent_class)->finalize (object);
}

static void
brief_timeline_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BriefTimeline *self = BRIEF_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_CURRENT_ARTICLE:
      g_value_set_object (value, self->current_article);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
brief_timeline_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BriefTimeline *self = BRIEF_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      brief_timeline_set_model (self, g_value_get_object (value));
      break;

    case PROP_CURRENT_ARTICLE:
      brief_timeline_set_current_article (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
brief_timeline_class_init (BriefTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = brief_timeline_dispose;
  object_class->finalize = brief_timeline_finalize;
  object_class->get_property = brief_timeline_get_property;
  object_class->set_property = brief_timeline_set_property;

  widget_class->snapshot = brief_timeline_snapshot;
  widget_class->measure = brief_timeline_measure;
  widget_class->size_allocate = brief_timeline_size_allocate;
  widget_class->css_changed = brief_timeline_css_changed;
  widget_class->direction_changed = brief_timeline_direction_changed;
  widget_class->query_tooltip = brief_timeline_query_tooltip;
  widget_class->focus = brief_timeline_focus;
  widget_class->grab_focus = brief_timeline_grab_focus;

  /**
   * BriefTimeline:model:
   *
   * The events drawn, a #GtkSelectionModel of #BriefEvent in any order.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         GTK_TYPE_SELECTION_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BriefTimeline:current-article:
   *
   * The article read now; its events stand out and its publication date is marked.
   */
  properties[PROP_CURRENT_ARTICLE] =
    g_param_spec_object ("current-article", NULL, NULL,
                         BRIEF_TYPE_ARTICLE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BriefTimeline::event-activated:
   * @self: a #BriefTimeline
   * @event: the #BriefEvent
   *
   * Emitted when the user opens an event (double click, Enter, or its
   * accessible action): show it in its article.
   */
  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BRIEF_TYPE_EVENT);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, brief_timeline_zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, brief_timeline_zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.fit-all", NULL, brief_timeline_fit_all_action);
  gtk_widget_class_install_action (widget_class, "timeline.previous", NULL, brief_timeline_move_action);
  gtk_widget_class_install_action (widget_class, "timeline.next", NULL, brief_timeline_move_action);
  gtk_widget_class_install_action (widget_class, "timeline.left", NULL, brief_timeline_left_right_action);
  gtk_widget_class_install_action (widget_class, "timeline.right", NULL, brief_timeline_left_right_action);
  gtk_widget_class_install_action (widget_class, "timeline.first", NULL, brief_timeline_move_action);
  gtk_widget_class_install_action (widget_class, "timeline.last", NULL, brief_timeline_move_action);
  gtk_widget_class_install_action (widget_class, "timeline.page-up", NULL, brief_timeline_move_action);
  gtk_widget_class_install_action (widget_class, "timeline.page-down", NULL, brief_timeline_move_action);
  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL, brief_timeline_activate_action);
  gtk_widget_class_install_action (widget_class, "timeline.context-menu", NULL, brief_timeline_context_menu_action);
  gtk_widget_class_install_action (widget_class, "timeline.accept", NULL, brief_timeline_event_action);
  gtk_widget_class_install_action (widget_class, "timeline.hide", NULL, brief_timeline_event_action);
  gtk_widget_class_install_action (widget_class, "timeline.star", NULL, brief_timeline_event_action);
  gtk_widget_class_install_action (widget_class, "timeline.edit-title", NULL, brief_timeline_event_action);
  gtk_widget_class_install_action (widget_class, "timeline.show-in-article", NULL, brief_timeline_event_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline.fit-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "timeline.fit-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "timeline.left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "timeline.right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0, "timeline.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "timeline.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_End, 0, "timeline.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "timeline.page-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Up, 0, "timeline.page-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "timeline.page-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Down, 0, "timeline.page-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "timeline.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "timeline.context-menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static GtkWidget *
control_button (const char *icon_name,
                const char *tooltip,
                const char *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_focusable (button, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static void
brief_timeline_init (BriefTimeline *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  GtkWidget *box;

  self->range = brief_timeline_range_new ();
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->items = g_array_new (FALSE, TRUE, sizeof (BriefTimelineItem));
  self->placements = g_array_new (FALSE, FALSE, sizeof (BriefTimelinePlacement));
  self->clusters = g_array_new (FALSE, FALSE, sizeof (BriefTimelineCluster));
  self->ticks = brief_timeline_ticks_new ();
  self->rects = g_array_new (FALSE, FALSE, sizeof (BriefTimelineRect));
  self->cluster_rects = g_array_new (FALSE, FALSE, sizeof (BriefTimelineRect));
  self->tick_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->legend_layouts = g_ptr_array_new_with_free_func (free_legend_layout);
  self->spare_children = g_ptr_array_new ();
  self->legend_spots = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
  self->undated = g_array_new (FALSE, FALSE, sizeof (BriefTimelinePlacement));
  self->selected = G_MAXUINT;
  self->hovered = G_MAXUINT;
  self->hovered_cluster = -1;
  self->menu_entry = G_MAXUINT;
  self->char_width = 7.5;
  self->bubble_width = 48;
  self->layout_dirty = TRUE;
  self->auto_fit = TRUE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Events in date order; activate one to show its sentence in the article"),
                                  -1);

  g_signal_connect_object (self->range, "changed", G_CALLBACK (range_changed_cb), self, G_CONNECT_SWAPPED);

  /* Zoom and fit, floating at the top end like a map's. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_add_css_class (box, "timeline-controls");
  gtk_box_append (GTK_BOX (box), control_button ("zoom-out-symbolic", _("Zoom Out (Ctrl+−)"), "timeline.zoom-out"));
  gtk_box_append (GTK_BOX (box), control_button ("zoom-fit-best-symbolic", _("Fit All (Ctrl+0)"), "timeline.fit-all"));
  gtk_box_append (GTK_BOX (box), control_button ("zoom-in-symbolic", _("Zoom In (Ctrl++)"), "timeline.zoom-in"));
  self->controls = box;
  gtk_widget_set_parent (box, GTK_WIDGET (self));

  g_menu_append (section, _("_Accept"), "timeline.accept");
  g_menu_append (section, _("_Hide"), "timeline.hide");
  g_menu_append (section, _("_Star"), "timeline.star");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_clear_object (&section);
  section = g_menu_new ();
  g_menu_append (section, _("_Edit Title…"), "timeline.edit-title");
  g_menu_append (section, _("Show in _Article"), "timeline.show-in-article");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), TRUE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));

  self->title_popover = gtk_popover_new ();
  self->title_entry = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->title_entry), 32);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Event title"), -1);
  g_signal_connect_object (self->title_entry, "activate", G_CALLBACK (title_entry_activate_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_popover_set_child (GTK_POPOVER (self->title_popover), self->title_entry);
  gtk_widget_set_parent (self->title_popover, GTK_WIDGET (self));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (click_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect_object (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-update", G_CALLBACK (drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_object (gesture, "begin", G_CALLBACK (zoom_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
brief_timeline_new (void)
{
  return g_object_new (BRIEF_TYPE_TIMELINE, NULL);
}

GtkSelectionModel *
brief_timeline_get_model (BriefTimeline *self)
{
  g_return_val_if_fail (BRIEF_IS_TIMELINE (self), NULL);
  return self->model;
}

void
brief_timeline_set_model (BriefTimeline     *self,
                          GtkSelectionModel *model)
{
  g_return_if_fail (BRIEF_IS_TIMELINE (self));
  g_return_if_fail (model == NULL || GTK_IS_SELECTION_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->model, selection_changed_cb, self);
    }

  g_set_object (&self->model, model);

  if (self->model != NULL)
    {
      g_signal_connect_object (self->model, "items-changed",
                               G_CALLBACK (model_items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->model, "selection-changed",
                               G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
    }

  if (self->entries != NULL)
    {
      brief_timeline_rebuild (self);
      brief_timeline_fit_all (self, FALSE);
      brief_timeline_ensure_tick (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

static void
sources_items_changed_cb (BriefTimeline *self,
                          guint          position,
                          guint          removed,
                          guint          added,
                          GListModel    *sources)
{
  /* The names of the sources still there are kept, laid out: an import
   * adds one at a time to many. */
  if (position + removed <= self->legend_layouts->len)
    {
      g_ptr_array_remove_range (self->legend_layouts, position, removed);
      for (guint i = 0; i < added; i++)
        g_ptr_array_insert (self->legend_layouts, position, NULL);
    }
  else
    g_ptr_array_set_size (self->legend_layouts, 0);
  /* Laid out again before the legend is drawn. */
  self->legend_width = -1;
  g_array_set_size (self->legend_spots, 0);
  /* Like the events, read once in the next frame: an import adds many. */
  self->model_dirty = TRUE;
  brief_timeline_invalidate_layout (self);
  brief_timeline_ensure_tick (self);
}

void
brief_timeline_set_sources (BriefTimeline *self,
                            GListModel    *articles)
{
  g_return_if_fail (BRIEF_IS_TIMELINE (self));
  g_return_if_fail (articles == NULL || G_IS_LIST_MODEL (articles));

  if (self->sources != NULL)
    g_signal_handlers_disconnect_by_func (self->sources, sources_items_changed_cb, self);
  g_set_object (&self->sources, articles);
  if (self->sources != NULL)
    g_signal_connect_object (self->sources, "items-changed",
                             G_CALLBACK (sources_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_set_size (self->legend_layouts, 0);
  brief_timeline_rebuild (self);
}

BriefArticle *
brief_timeline_get_current_article (BriefTimeline *self)
{
  g_return_val_if_fail (BRIEF_IS_TIMELINE (self), NULL);
  return self->current_article;
}

void
brief_timeline_set_current_article (BriefTimeline *self,
                                    BriefArticle  *article)
{
  g_return_if_fail (BRIEF_IS_TIMELINE (self));
  g_return_if_fail (article == NULL || BRIEF_IS_ARTICLE (article));

  if (!g_set_object (&self->current_article, article))
    return;

  /* Until the user zooms, the view fits, the publication date included. */
  if (self->auto_fit)
    brief_timeline_fit_all (self, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_ARTICLE]);
}

BriefTimelineRange *
brief_timeline_get_range (BriefTimeline *self)
{
  g_return_val_if_fail (BRIEF_IS_TIMELINE (self), NULL);
  return self->range;
}

void
_brief_timeline_relayout (BriefTimeline *self)
{
  self->layout_dirty = TRUE;
  brief_timeline_ensure_layout (self);
}

guint
_brief_timeline_get_n_placed (BriefTimeline *self)
{
  return self->rects->len;
}

guint
_brief_timeline_get_n_clusters (BriefTimeline *self)
{
  return self->clusters->len;
}

gboolean
brief_timeline_get_chosen_range (BriefTimeline *self,
                                 double        *start,
                                 double        *end)
{
  g_return_val_if_fail (BRIEF_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  if (self->auto_fit)
    return FALSE;
  *start = self->animating ? self->to_start : brief_timeline_range_get_start (self->range);
  *end = self->animating ? self->to_end : brief_timeline_range_get_end (self->range);
  return TRUE;
}

void
brief_timeline_choose_range (BriefTimeline *self,
                             double         start,
                             double         end)
{
  g_return_if_fail (BRIEF_IS_TIMELINE (self));
  g_return_if_fail (start < end);

  brief_timeline_ensure_model (self);
  self->animating = FALSE;
  self->auto_fit = FALSE;
  brief_timeline_range_set (self->range, start, end);
  brief_timeline_keep_range (self);
}

void
brief_timeline_set_briefing (BriefTimeline *self,
                             BriefBriefing *briefing)
{
  g_return_if_fail (BRIEF_IS_TIMELINE (self));
  g_return_if_fail (briefing == NULL || BRIEF_IS_BRIEFING (briefing));

  if (self->briefing == briefing)
    return;

  brief_timeline_keep_range (self);
  g_set_object (&self->briefing, briefing);
  brief_timeline_restore_range (self);
}
