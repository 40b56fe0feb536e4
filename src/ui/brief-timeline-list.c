/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-timeline-list"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-timeline-list.h"

struct _BriefTimelineList
{
  GtkWidget   parent_instance;

  GListModel *model;

  /* Template widgets */
  GtkBox     *box;
  GtkLabel   *heading_label;
  GtkListBox *list_box;
  GtkStack   *stack;
};

G_DEFINE_FINAL_TYPE (BriefTimelineList, brief_timeline_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* A row that screen readers and other AT-SPI clients can activate: GTK 4.8
 * exposes a widget's installed actions, and a plain GtkListBoxRow has none. */
#define BRIEF_TYPE_TIMELINE_ROW (brief_timeline_row_get_type ())

G_DECLARE_FINAL_TYPE (BriefTimelineRow, brief_timeline_row, BRIEF, TIMELINE_ROW, GtkListBoxRow)

struct _BriefTimelineRow
{
  GtkListBoxRow parent_instance;
};

G_DEFINE_FINAL_TYPE (BriefTimelineRow, brief_timeline_row, GTK_TYPE_LIST_BOX_ROW)

static void
brief_timeline_row_activate_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  gtk_widget_activate (widget);
}

static void
brief_timeline_row_class_init (BriefTimelineRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "row.activate", NULL,
                                   brief_timeline_row_activate_action);
}

static void
brief_timeline_row_init (BriefTimelineRow *self)
{
}

static GtkWidget *
brief_timeline_list_create_row (gpointer item,
                                gpointer user_data)
{
  BriefEvent *event = item;
  BriefArticle *article;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *date_label;
  GtkWidget *title_label;
  GtkWidget *source_label;
  g_autofree char *date = NULL;
  g_autofree char *accessible_label = NULL;
  g_autofree char *accessible_description = NULL;
  g_autoptr(GString) source = g_string_new (NULL);
  const char *title;
  const char *sentence;

  g_assert (BRIEF_IS_EVENT (event));

  date = brief_event_dup_date_label (event);
  if (date == NULL || *date == '\0')
    {
      g_free (date);
      date = g_strdup (brief_event_get_date_text (event));
    }
  title = brief_event_get_title (event);
  if (title == NULL)
    title = "";
  sentence = brief_event_get_sentence (event);

  article = brief_event_get_article (event);
  if (article != NULL)
    {
      const char *site = brief_article_get_site (article);
      const char *article_title = brief_article_get_title (article);

      if (site != NULL && *site != '\0')
        g_string_append (source, site);
      if (article_title != NULL && *article_title != '\0')
        {
          if (source->len > 0)
            g_string_append (source, " · ");
          g_string_append (source, article_title);
        }
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  date_label = gtk_label_new (date);
  gtk_label_set_xalign (GTK_LABEL (date_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (date_label), TRUE);
  gtk_widget_add_css_class (date_label, "brief-event-date");
  gtk_box_append (GTK_BOX (box), date_label);

  title_label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title_label, "brief-event-title");
  gtk_box_append (GTK_BOX (box), title_label);

  if (source->len > 0)
    {
      source_label = gtk_label_new (source->str);
      gtk_label_set_xalign (GTK_LABEL (source_label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (source_label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (source_label, "dim-label");
      gtk_widget_add_css_class (source_label, "brief-event-source");
      gtk_box_append (GTK_BOX (box), source_label);
    }

  row = g_object_new (BRIEF_TYPE_TIMELINE_ROW, NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "brief-timeline-row");
  if (sentence != NULL && *sentence != '\0')
    gtk_widget_set_tooltip_text (row, sentence);

  /* Translators: how a screen reader reads a timeline row: "April 2019 — Kim and Putin meet" */
  accessible_label = g_strdup_printf (_("%s — %s"), date != NULL ? date : "", title);
  if (source->len > 0)
    /* Translators: %s names the article an event comes from */
    accessible_description = g_strdup_printf (_("From %s"), source->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  accessible_description != NULL ? accessible_description : "",
                                  -1);

  return row;
}

static void
brief_timeline_list_update_empty (BriefTimelineList *self)
{
  gboolean empty = self->model == NULL || g_list_model_get_n_items (self->model) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
model_items_changed_cb (BriefTimelineList *self,
                        guint              position,
                        guint              removed,
                        guint              added,
                        GListModel        *model)
{
  g_assert (BRIEF_IS_TIMELINE_LIST (self));

  brief_timeline_list_update_empty (self);
}

static void
list_box_row_activated_cb (BriefTimelineList *self,
                           GtkListBoxRow     *row,
                           GtkListBox        *list_box)
{
  g_autoptr(BriefEvent) event = NULL;
  int position;

  g_assert (BRIEF_IS_TIMELINE_LIST (self));

  position = gtk_list_box_row_get_index (row);
  if (self->model == NULL || position < 0)
    return;

  event = g_list_model_get_item (self->model, (guint) position);
  if (event != NULL)
    g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event);
}

static void
brief_timeline_list_dispose (GObject *object)
{
  BriefTimelineList *self = BRIEF_TIMELINE_LIST (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), BRIEF_TYPE_TIMELINE_LIST);

  g_clear_object (&self->model);

  G_OBJECT_CLASS (brief_timeline_list_parent_class)->dispose (object);
}

static void
brief_timeline_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BriefTimelineList *self = BRIEF_TIMELINE_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
brief_timeline_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BriefTimelineList *self = BRIEF_TIMELINE_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      brief_timeline_list_set_model (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
brief_timeline_list_class_init (BriefTimelineListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = brief_timeline_list_dispose;
  object_class->get_property = brief_timeline_list_get_property;
  object_class->set_property = brief_timeline_list_set_property;

  /**
   * BriefTimelineList:model:
   *
   * The events shown, a #GListModel of #BriefEvent in the order to show.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BriefTimelineList::event-activated:
   * @self: a #BriefTimelineList
   * @event: the #BriefEvent of the row
   *
   * Emitted when the user activates an event's row (click, Enter or Space).
   */
  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, BRIEF_TYPE_EVENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/brief-timeline-list.ui");
  gtk_widget_class_bind_template_child (widget_class, BriefTimelineList, box);
  gtk_widget_class_bind_template_child (widget_class, BriefTimelineList, heading_label);
  gtk_widget_class_bind_template_child (widget_class, BriefTimelineList, list_box);
  gtk_widget_class_bind_template_child (widget_class, BriefTimelineList, stack);
  gtk_widget_class_bind_template_callback (widget_class, list_box_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "brieftimelinelist");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
brief_timeline_list_init (BriefTimelineList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  brief_timeline_list_update_empty (self);
}

GtkWidget *
brief_timeline_list_new (void)
{
  return g_object_new (BRIEF_TYPE_TIMELINE_LIST, NULL);
}

GListModel *
brief_timeline_list_get_model (BriefTimelineList *self)
{
  g_return_val_if_fail (BRIEF_IS_TIMELINE_LIST (self), NULL);

  return self->model;
}

void
brief_timeline_list_set_model (BriefTimelineList *self,
                               GListModel        *model)
{
  g_return_if_fail (BRIEF_IS_TIMELINE_LIST (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);

  g_set_object (&self->model, model);

  if (self->model != NULL)
    g_signal_connect_object (self->model,
                             "items-changed",
                             G_CALLBACK (model_items_changed_cb),
                             self,
                             G_CONNECT_SWAPPED);

  gtk_list_box_bind_model (self->list_box,
                           self->model,
                           brief_timeline_list_create_row,
                           NULL, NULL);

  brief_timeline_list_update_empty (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}
