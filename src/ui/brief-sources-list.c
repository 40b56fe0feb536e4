/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-sources-list"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-sources-list.h"
#include "brief-timeline.h"

struct _BriefSourcesList
{
  GtkWidget      parent_instance;

  BriefBriefing *briefing;
  guint          rebuild_id;
  gboolean       selecting;

  /* Template widgets */
  GtkBox        *box;
  GtkListBox    *list_box;
  GtkBox        *toolbar;
};

G_DEFINE_FINAL_TYPE (BriefSourcesList, brief_sources_list, GTK_TYPE_WIDGET)

enum {
  ARTICLE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void add_drag_and_drop (BriefSourcesList *self,
                               GtkWidget        *row);

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  BriefSourcesList *self = user_data;
  BriefArticle *article = item;
  GListModel *articles = brief_briefing_get_articles (self->briefing);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *dot = gtk_label_new (NULL);
  GtkWidget *title_label;
  GtkWidget *detail_label;
  const char *title = brief_article_get_title (article);
  const char *site = brief_article_get_site (article);
  const char *published = brief_article_get_published (article);
  g_autofree char *markup = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *accessible = NULL;
  guint index = 0;
  GdkRGBA color;

  g_list_store_find (G_LIST_STORE (articles), article, &index);
  brief_timeline_get_source_color (index, &color);
  markup = g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">●</span>",
                            (guint) (color.red * 255), (guint) (color.green * 255), (guint) (color.blue * 255));
  gtk_label_set_markup (GTK_LABEL (dot), markup);
  gtk_widget_set_valign (dot, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dot), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);

  if (title == NULL || *title == '\0')
    title = _("Untitled");
  title_label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (title_label), 2);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  /* A tooltip set on a visible widget asks the display where the pointer
   * is, a round trip to the X server per article an import adds: set it
   * while the new label is hidden. */
  gtk_widget_set_visible (title_label, FALSE);
  gtk_widget_set_tooltip_text (title_label, title);
  gtk_widget_set_visible (title_label, TRUE);

  /* Translators: an article's site and publication date */
  detail = g_strdup_printf (_("%s · %s"),
                            site != NULL && *site != '\0' ? site : _("Unknown site"),
                            published != NULL ? published : _("no date"));
  detail_label = gtk_label_new (detail);
  gtk_label_set_xalign (GTK_LABEL (detail_label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (detail_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail_label, "dim-label");
  gtk_widget_add_css_class (detail_label, "caption");

  gtk_box_append (GTK_BOX (texts), title_label);
  gtk_box_append (GTK_BOX (texts), detail_label);
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: the accessible name of a source: title, site and date */
  accessible = g_strdup_printf (_("Source %u: %s, %s"), index + 1, title, detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (row), "article", g_object_ref (article), g_object_unref);
  add_drag_and_drop (self, row);
  return row;
}

static BriefArticle *
selected_article (BriefSourcesList *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "article") : NULL;
}

static guint
article_position (BriefSourcesList *self,
                  BriefArticle     *article)
{
  guint position = G_MAXUINT;

  if (self->briefing != NULL && article != NULL)
    g_list_store_find (G_LIST_STORE (brief_briefing_get_articles (self->briefing)), article, &position);
  return position;
}

static void
update_actions (BriefSourcesList *self)
{
  BriefArticle *article = selected_article (self);
  guint position = article_position (self, article);
  guint n = self->briefing != NULL ? g_list_model_get_n_items (brief_briefing_get_articles (self->briefing)) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.remove", article != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.move-up", position != G_MAXUINT && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sources.move-down", position != G_MAXUINT && position + 1 < n);
}

/* Moves @article to @position and keeps it the one selected. */
static void
move_article (BriefSourcesList *self,
              BriefArticle     *article,
              guint             position)
{
  g_autoptr(BriefArticle) moved = g_object_ref (article);

  if (brief_briefing_move_article (self->briefing, moved, position))
    brief_sources_list_select_article (self, moved);
  update_actions (self);
}

static void
brief_sources_list_move_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  BriefSourcesList *self = BRIEF_SOURCES_LIST (widget);
  BriefArticle *article = selected_article (self);
  guint position = article_position (self, article);

  if (position == G_MAXUINT)
    return;
  if (g_str_equal (action_name, "sources.move-up") && position > 0)
    move_article (self, article, position - 1);
  else if (g_str_equal (action_name, "sources.move-down"))
    move_article (self, article, position + 1);
}

/* Drag a source onto another to take its place in the order. */
static GdkContentProvider *
row_drag_prepare_cb (GtkWidget     *row,
                     double         x,
                     double         y,
                     GtkDragSource *source)
{
  BriefArticle *article = g_object_get_data (G_OBJECT (row), "article");

  return gdk_content_provider_new_typed (BRIEF_TYPE_ARTICLE, article);
}

static gboolean
row_drop_cb (BriefSourcesList *self,
             const GValue     *value,
             double            x,
             double            y,
             GtkDropTarget    *target)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  BriefArticle *onto = g_object_get_data (G_OBJECT (row), "article");
  BriefArticle *dragged = g_value_get_object (value);
  guint position = article_position (self, onto);

  if (dragged == NULL || dragged == onto || position == G_MAXUINT
      || article_position (self, dragged) == G_MAXUINT)
    return FALSE;
  move_article (self, dragged, position);
  return TRUE;
}

static void
add_drag_and_drop (BriefSourcesList *self,
                   GtkWidget        *row)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (BRIEF_TYPE_ARTICLE, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (row_drag_prepare_cb), row, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect_object (target, "drop", G_CALLBACK (row_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}

static void
list_box_row_selected_cb (BriefSourcesList *self,
                          GtkListBoxRow    *row,
                          GtkListBox       *list_box)
{
  update_actions (self);
  if (row != NULL && !self->selecting)
    g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "article"));
}

static void
remove_response_cb (BriefSourcesList *self,
                    int               response,
                    GtkDialog        *dialog)
{
  BriefArticle *article = g_object_get_data (G_OBJECT (dialog), "article");

  if (response == GTK_RESPONSE_ACCEPT && article != NULL && self->briefing != NULL)
    brief_briefing_remove_article (self->briefing, article);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
brief_sources_list_remove_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  BriefSourcesList *self = BRIEF_SOURCES_LIST (widget);
  BriefArticle *article = selected_article (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *title;
  GtkWidget *dialog;
  GtkWidget *button;

  if (article == NULL || self->briefing == NULL)
    return;

  title = brief_article_get_title (article);
  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Remove “%s”?"), title != NULL ? title : _("Untitled"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Its events go too, with your decisions about them. "
                                              "Undo brings them back."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Remove"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  g_object_set_data_full (G_OBJECT (dialog), "article", g_object_ref (article), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
brief_sources_list_dispose (GObject *object)
{
  BriefSourcesList *self = BRIEF_SOURCES_LIST (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BRIEF_TYPE_SOURCES_LIST);
  g_clear_object (&self->briefing);

  G_OBJECT_CLASS (brief_sources_list_parent_class)->dispose (object);
}

static void
brief_sources_list_class_init (BriefSourcesListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = brief_sources_list_dispose;

  /**
   * BriefSourcesList::article-activated:
   * @self: a #BriefSourcesList
   * @article: the #BriefArticle chosen
   *
   * Emitted when the user chooses a source to read.
   */
  signals[ARTICLE_ACTIVATED] =
    g_signal_new ("article-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BRIEF_TYPE_ARTICLE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/brief-sources-list.ui");
  gtk_widget_class_bind_template_child (widget_class, BriefSourcesList, box);
  gtk_widget_class_bind_template_child (widget_class, BriefSourcesList, list_box);
  gtk_widget_class_bind_template_child (widget_class, BriefSourcesList, toolbar);
  gtk_widget_class_bind_template_callback (widget_class, list_box_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "sources.remove", NULL, brief_sources_list_remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "sources.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "sources.remove", NULL);
  gtk_widget_class_install_action (widget_class, "sources.move-up", NULL, brief_sources_list_move_action);
  gtk_widget_class_install_action (widget_class, "sources.move-down", NULL, brief_sources_list_move_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "sources.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "sources.move-down", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "briefsourceslist");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
brief_sources_list_init (BriefSourcesList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

GtkWidget *
brief_sources_list_new (void)
{
  return g_object_new (BRIEF_TYPE_SOURCES_LIST, NULL);
}

static gboolean
rebuild_rows_cb (gpointer user_data)
{
  BriefSourcesList *self = user_data;
  g_autoptr(BriefArticle) selected = NULL;

  self->rebuild_id = 0;
  if (self->briefing == NULL)
    return G_SOURCE_REMOVE;
  selected = selected_article (self) ? g_object_ref (selected_article (self)) : NULL;
  gtk_list_box_bind_model (self->list_box, brief_briefing_get_articles (self->briefing),
                           create_row_cb, self, NULL);
  if (selected != NULL)
    brief_sources_list_select_article (self, selected);
  return G_SOURCE_REMOVE;
}

static void
articles_items_changed_cb (BriefSourcesList *self,
                           guint             position,
                           guint             removed,
                           guint             added,
                           GListModel       *articles)
{
  /* Colours follow positions: when the rows after a change move, they are
   * made again with their new colours. */
  if (position + added < g_list_model_get_n_items (articles) && self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_rows_cb, self);
  update_actions (self);
}

void
brief_sources_list_set_briefing (BriefSourcesList *self,
                                 BriefBriefing    *briefing)
{
  g_return_if_fail (BRIEF_IS_SOURCES_LIST (self));
  g_return_if_fail (briefing == NULL || BRIEF_IS_BRIEFING (briefing));

  if (self->briefing != NULL)
    g_signal_handlers_disconnect_by_func (brief_briefing_get_articles (self->briefing),
                                          articles_items_changed_cb, self);
  g_set_object (&self->briefing, briefing);
  gtk_list_box_bind_model (self->list_box,
                           briefing != NULL ? brief_briefing_get_articles (briefing) : NULL,
                           create_row_cb, self, NULL);
  if (briefing != NULL)
    g_signal_connect_object (brief_briefing_get_articles (briefing), "items-changed",
                             G_CALLBACK (articles_items_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

void
brief_sources_list_select_article (BriefSourcesList *self,
                                   BriefArticle     *article)
{
  g_return_if_fail (BRIEF_IS_SOURCES_LIST (self));

  self->selecting = TRUE;
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

      if (row == NULL)
        {
          gtk_list_box_unselect_all (self->list_box);
          break;
        }
      if (g_object_get_data (G_OBJECT (row), "article") == (gpointer) article)
        {
          gtk_list_box_select_row (self->list_box, row);
          break;
        }
    }
  self->selecting = FALSE;
}
