/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-window"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-article-view.h"
#include "brief-event-editor.h"
#include "brief-event-list.h"
#include "brief-export-dialog.h"
#include "brief-facts-panel.h"
#include "brief-import-controller.h"
#include "brief-notes-pane.h"
#include "brief-print.h"
#include "brief-sources-list.h"
#include "brief-timeline.h"
#include "brief-window-private.h"

/* The schema id stays the base id in development builds, so both share it. */
#define BRIEF_SETTINGS_SCHEMA_ID "io.github.briefingdesk.Briefing"

struct _BriefWindow
{
  GtkApplicationWindow  parent_instance;

  BriefBriefing        *briefing;     /* the document's */
  BriefDocument        *document;
  GSettings            *settings;
  GCancellable         *cancellable;
  GtkNativeDialog      *open_dialog;
  GtkWindow            *export_dialog;  /* weak */

  /* Template widgets */
  BriefArticleView     *article_view;
  GtkOverlay           *banner;
  GtkLabel             *banner_label;
  GtkRevealer          *banner_revealer;
  BriefEventList       *event_list;
  BriefFactsPanel      *facts_panel;
  BriefImportController *import_controller;
  BriefNotesPane       *notes_pane;
  GtkPaned             *paned;
  GtkPaned             *side_paned;
  BriefSourcesList     *sources_list;
  GtkSpinner           *spinner;
  GtkStack             *stack;
  GtkLabel             *subtitle_label;
  BriefTimeline        *timeline;
};

G_DEFINE_FINAL_TYPE (BriefWindow, brief_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BRIEFING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
brief_window_is_closed (BriefWindow *self)
{
  return self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable);
}

typedef enum
{
  BANNER_INFO,
  BANNER_ERROR,
} BannerKind;

static gboolean
brief_window_banner_shows_error (BriefWindow *self)
{
  return gtk_revealer_get_reveal_child (self->banner_revealer) &&
         gtk_widget_has_css_class (GTK_WIDGET (self->banner), "error");
}

/* A message in words above the content: errors stay until closed. */
static void
brief_window_show_message (BriefWindow *self,
                           BannerKind   kind,
                           const char  *message)
{
  g_assert (BRIEF_IS_WINDOW (self));
  g_assert (message != NULL);

  /* Several files failing at once: keep every message. */
  if (kind == BANNER_ERROR && brief_window_banner_shows_error (self))
    {
      g_autofree char *joined = g_strconcat (gtk_label_get_text (self->banner_label),
                                             "\n", message, NULL);

      gtk_label_set_text (self->banner_label, joined);
    }
  else
    {
      gtk_label_set_text (self->banner_label, message);
    }

  if (kind == BANNER_ERROR)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->banner), "info");
      gtk_widget_add_css_class (GTK_WIDGET (self->banner), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->banner), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->banner), "info");
    }

  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static void
banner_close_clicked_cb (BriefWindow *self,
                         GtkButton   *button)
{
  g_assert (BRIEF_IS_WINDOW (self));

  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

static void
brief_window_show_article (BriefWindow  *self,
                           BriefArticle *article)
{
  BriefAnalysis *analysis;
  const char *title;

  g_assert (BRIEF_IS_WINDOW (self));
  g_assert (BRIEF_IS_ARTICLE (article));

  analysis = brief_briefing_get_analysis (self->briefing, article);
  brief_article_view_set_article (self->article_view, article, analysis);
  brief_facts_panel_set_article (self->facts_panel, article, analysis);
  brief_timeline_set_current_article (self->timeline, article);
  brief_sources_list_select_article (self->sources_list, article);

  title = brief_article_get_title (article);
  gtk_label_set_text (self->subtitle_label, title != NULL ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), title != NULL && *title != '\0');
}

static void
articles_items_changed_cb (BriefWindow *self,
                           guint        position,
                           guint        removed,
                           guint        added,
                           GListModel  *articles)
{
  guint n_articles = g_list_model_get_n_items (articles);

  g_assert (BRIEF_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->stack, n_articles > 0 ? "main" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", n_articles > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", n_articles > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-preview", n_articles > 0);
}

/* Shows @event's sentence in its article, switching articles if need be. */
static void
brief_window_show_event (BriefWindow *self,
                         BriefEvent  *event)
{
  BriefArticle *article;

  g_assert (BRIEF_IS_WINDOW (self));
  g_assert (BRIEF_IS_EVENT (event));

  article = brief_event_get_article (event);
  if (article != NULL && article != brief_article_view_get_article (self->article_view))
    brief_window_show_article (self, article);

  brief_article_view_show_span (self->article_view,
                                brief_event_get_start (event),
                                brief_event_get_end (event));
}

static void
timeline_event_activated_cb (BriefWindow   *self,
                             BriefEvent    *event,
                             BriefTimeline *timeline)
{
  brief_window_show_event (self, event);
}

static void
event_list_event_activated_cb (BriefWindow    *self,
                               BriefEvent     *event,
                               BriefEventList *event_list)
{
  brief_window_show_event (self, event);
  brief_timeline_scroll_to_event (self->timeline, event);
}

/* A person, organisation or place picked in the facts panel: mark where the
 * article names it. */
static void
facts_panel_entity_selected_cb (BriefWindow     *self,
                                int              entity,
                                BriefFactsPanel *facts_panel)
{
  if (brief_facts_panel_get_article (facts_panel) == brief_article_view_get_article (self->article_view))
    brief_article_view_select_entity (self->article_view, entity);
}

static void
facts_panel_quote_activated_cb (BriefWindow     *self,
                                guint            start,
                                guint            end,
                                BriefFactsPanel *facts_panel)
{
  if (brief_facts_panel_get_article (facts_panel) == brief_article_view_get_article (self->article_view))
    brief_article_view_show_span (self->article_view, start, end);
}

static void
selection_changed_cb (BriefWindow       *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *selection)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  g_autoptr(BriefEvent) event = NULL;

  /* Several selected for a bulk action: the article stays where it is. */
  if (gtk_bitset_get_size (selected) != 1)
    return;
  event = g_list_model_get_item (G_LIST_MODEL (selection), gtk_bitset_get_minimum (selected));
  if (event != NULL)
    brief_window_show_event (self, event);
}

/* A date clicked in the article: select its event, wherever it is listed. */
static void
article_view_date_activated_cb (BriefWindow      *self,
                                guint             offset,
                                BriefArticleView *article_view)
{
  GtkSelectionModel *selection = brief_event_list_get_selection (self->event_list);
  BriefArticle *article = brief_article_view_get_article (article_view);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriefEvent) event = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (brief_event_get_article (event) == article &&
          brief_event_get_date_start (event) <= offset && offset < brief_event_get_date_end (event))
        {
          gtk_selection_model_select_item (selection, i, TRUE);
          brief_timeline_scroll_to_event (self->timeline, event);
          return;
        }
    }

  gtk_widget_error_bell (GTK_WIDGET (article_view));
}

static void
article_view_published_changed_cb (BriefWindow      *self,
                                   const char       *published,
                                   BriefArticleView *article_view)
{
  BriefArticle *article = brief_article_view_get_article (article_view);

  if (article == NULL)
    return;

  /* Relative dates are read again against the new date; the events follow. */
  brief_briefing_set_published (self->briefing, article, published);
  brief_window_show_article (self, article);
}

static void
import_controller_show_article_cb (BriefWindow           *self,
                                   BriefArticle          *article,
                                   BriefImportController *import_controller)
{
  brief_window_show_article (self, article);
}

void
brief_window_open_files (BriefWindow  *self,
                         GFile       **files,
                         guint         n_files)
{
  g_return_if_fail (BRIEF_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (brief_window_is_closed (self))
    return;

  /* Projects open in a window of their own (this one when it is empty);
   * articles are added to the briefing. */
  {
    g_autoptr(GPtrArray) articles = g_ptr_array_new ();

    for (guint i = 0; i < n_files; i++)
      {
        if (_brief_window_is_project_file (files[i]))
          _brief_window_open_project (self, files[i]);
        else
          g_ptr_array_add (articles, files[i]);
      }
    if (articles->len == 0)
      return;

    /* One after the other, with progress, Cancel and the errors at the end. */
    brief_import_controller_import_files (self->import_controller,
                                          (GFile **) articles->pdata, articles->len);
  }
}

static void
brief_window_paste_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  BriefWindow *self = BRIEF_WINDOW (widget);

  brief_import_controller_paste (self->import_controller);
}

static void
open_dialog_response_cb (BriefWindow     *self,
                         int              response,
                         GtkNativeDialog *dialog)
{
  g_autoptr(GtkNativeDialog) owned = NULL;

  g_assert (BRIEF_IS_WINDOW (self));

  owned = g_steal_pointer (&self->open_dialog);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) selected = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
      guint n_items = g_list_model_get_n_items (selected);

      for (guint i = 0; i < n_items; i++)
        g_ptr_array_add (files, g_list_model_get_item (selected, i));

      brief_window_open_files (self, (GFile **) files->pdata, files->len);
    }

  gtk_native_dialog_destroy (dialog);
}

static void
brief_window_open_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BriefWindow *self = BRIEF_WINDOW (widget);
  g_autoptr(GtkFileChooserNative) native = NULL;

  if (self->open_dialog != NULL)
    {
      gtk_native_dialog_show (self->open_dialog);
      return;
    }

  native = gtk_file_chooser_native_new (_("Open Articles"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);

  brief_import_add_file_filters (GTK_FILE_CHOOSER (native));

  g_signal_connect_object (native,
                           "response",
                           G_CALLBACK (open_dialog_response_cb),
                           self,
                           G_CONNECT_SWAPPED);

  self->open_dialog = GTK_NATIVE_DIALOG (g_steal_pointer (&native));
  gtk_native_dialog_show (self->open_dialog);
}

static char *
brief_window_dup_export_name (BriefWindow *self)
{
  BriefArticle *article;
  const char *title;
  g_autofree char *name = NULL;

  title = brief_briefing_get_title (self->briefing);
  if (title == NULL || *title == '\0')
    {
      article = brief_article_view_get_article (self->article_view);
      title = article != NULL ? brief_article_get_title (article) : NULL;
    }
  if (title == NULL || *title == '\0')
    title = _("Briefing");

  name = g_strstrip (g_strdup (title));
  g_strdelimit (name, "/\\:*?\"<>|\n\r\t", '-');

  /* Long headlines make unwieldy file names: stop at a word before 60 characters. */
  if (g_utf8_strlen (name, -1) > 60)
    {
      char *cut = g_utf8_offset_to_pointer (name, 60);
      char *space = g_utf8_strrchr (name, cut - name, ' ');

      if (space != NULL && space - name > 20)
        cut = space;
      *cut = '\0';
      g_strchomp (name);
    }

  return g_steal_pointer (&name);
}

static void
export_dialog_exported_cb (BriefWindow       *self,
                           GFile             *file,
                           BriefExportDialog *dialog)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *message = NULL;

  /* Translators: %s is the full name of the file written */
  message = g_strdup_printf (_("Exported to “%s”"), name);
  brief_window_show_message (self, BANNER_INFO, message);
}

/* Format, sections and destination in the Export dialog, which writes on a
 * worker thread (src/ui/brief-export-dialog.c). */
static void
brief_window_export_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  BriefWindow *self = BRIEF_WINDOW (widget);
  g_autofree char *name = NULL;
  BriefExportDialog *dialog;

  if (self->export_dialog != NULL)
    {
      gtk_window_present (self->export_dialog);
      return;
    }

  name = brief_window_dup_export_name (self);
  dialog = brief_export_dialog_new (GTK_WINDOW (self), self->briefing, name);
  g_signal_connect_object (dialog,
                           "exported",
                           G_CALLBACK (export_dialog_exported_cb),
                           self,
                           G_CONNECT_SWAPPED);
  self->export_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->export_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
brief_window_print_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(BriefWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (brief_print_briefing_finish (result, &error) || brief_window_is_closed (self))
    return;

  g_warning ("Could not print: %s", error->message);
  /* Translators: %s is the reason */
  message = g_strdup_printf (_("Could not print: %s"), error->message);
  brief_window_show_message (self, BANNER_ERROR, message);
}

/* win.print and win.print-preview: the briefing note as exported to PDF,
 * through GtkPrintOperation (src/ui/brief-print.c). */
static void
brief_window_print_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  BriefWindow *self = BRIEF_WINDOW (widget);
  gboolean preview = g_str_equal (action_name, "win.print-preview");

  brief_print_briefing_async (GTK_WINDOW (self), self->briefing,
                              preview ? GTK_PRINT_OPERATION_ACTION_PREVIEW
                                      : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                              self->cancellable, brief_window_print_cb, g_object_ref (self));
}

static void
brief_window_page_setup_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  brief_print_run_page_setup (GTK_WINDOW (widget));
}

static gboolean
drop_target_drop_cb (BriefWindow   *self,
                     const GValue  *value,
                     double         x,
                     double         y,
                     GtkDropTarget *drop_target)
{
  g_autoptr(GSList) list = NULL;
  g_autoptr(GPtrArray) files = NULL;
  GdkFileList *file_list;

  g_assert (BRIEF_IS_WINDOW (self));

  /* Text dragged from a browser or an editor becomes an article. */
  if (G_VALUE_HOLDS (value, G_TYPE_STRING))
    {
      const char *text = g_value_get_string (value);

      if (text == NULL || *text == '\0')
        return FALSE;
      brief_import_controller_import_text (self->import_controller, text, _("Dropped text"));
      return TRUE;
    }

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  file_list = g_value_get_boxed (value);
  list = gdk_file_list_get_files (file_list);
  if (list == NULL)
    return FALSE;

  files = g_ptr_array_new ();
  for (const GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);

  brief_window_open_files (self, (GFile **) files->pdata, files->len);

  return TRUE;
}

static const char * const bound_window_keys[][2] = {
  { "window-width", "default-width" },
  { "window-height", "default-height" },
  { "window-maximized", "maximized" },
};

#define MAX_TIMELINE_RANGES 20

/* The timeline's zoom for the document's file, kept in settings (or
 * forgotten when it fits everything), the most recent first. */
static void
brief_window_remember_timeline_range (BriefWindow *self)
{
  GFile *file = self->document != NULL ? brief_document_get_file (self->document) : NULL;
  g_autoptr(GVariant) ranges = NULL;
  g_autofree char *uri = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  double start, end;
  guint n = 0;

  if (self->settings == NULL || file == NULL || self->timeline == NULL)
    return;

  uri = g_file_get_uri (file);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{s(dd)}"));
  if (brief_timeline_get_chosen_range (self->timeline, &start, &end))
    {
      g_variant_builder_add (&builder, "{s(dd)}", uri, start, end);
      n++;
    }
  ranges = g_settings_get_value (self->settings, "timeline-ranges");
  g_variant_iter_init (&iter, ranges);
  while (n < MAX_TIMELINE_RANGES && g_variant_iter_next (&iter, "{&s(dd)}", &key, &start, &end))
    if (g_strcmp0 (key, uri) != 0)
      {
        g_variant_builder_add (&builder, "{s(dd)}", key, start, end);
        n++;
      }
  g_settings_set_value (self->settings, "timeline-ranges", g_variant_builder_end (&builder));
}

static void
brief_window_restore_timeline_range (BriefWindow *self)
{
  GFile *file = brief_document_get_file (self->document);
  g_autoptr(GVariant) ranges = NULL;
  g_autofree char *uri = NULL;
  double start, end;

  if (self->settings == NULL || file == NULL)
    return;

  uri = g_file_get_uri (file);
  ranges = g_settings_get_value (self->settings, "timeline-ranges");
  if (g_variant_lookup (ranges, uri, "(dd)", &start, &end) && start < end)
    brief_timeline_choose_range (self->timeline, start, end);
}

static void
brief_window_save_state (BriefWindow *self)
{
  brief_window_remember_timeline_range (self);
  if (self->settings != NULL)
    g_settings_apply (self->settings);
}

static gboolean
brief_window_close_request (GtkWindow *window)
{
  BriefWindow *self = BRIEF_WINDOW (window);

  /* Unsaved edits: the user is asked first, and the window may stay. */
  if (_brief_window_session_close_request (self))
    return TRUE;

  brief_window_save_state (self);
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (brief_window_parent_class)->close_request (window);
}

static void
brief_window_dispose (GObject *object)
{
  BriefWindow *self = BRIEF_WINDOW (object);

  g_cancellable_cancel (self->cancellable);

  if (self->settings != NULL)
    {
      /* Stop following the widgets before they go, then keep what we have. */
      for (guint i = 0; i < G_N_ELEMENTS (bound_window_keys); i++)
        g_settings_unbind (self, bound_window_keys[i][1]);
      if (self->paned != NULL)
        g_settings_unbind (self->paned, "position");
      brief_window_save_state (self);
    }

  if (self->open_dialog != NULL)
    gtk_native_dialog_destroy (self->open_dialog);
  g_clear_object (&self->open_dialog);
  if (self->export_dialog != NULL)
    gtk_window_destroy (self->export_dialog);

  _brief_window_session_dispose (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), BRIEF_TYPE_WINDOW);

  g_clear_object (&self->briefing);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (brief_window_parent_class)->dispose (object);
}

static void
brief_window_finalize (GObject *object)
{
  BriefWindow *self = BRIEF_WINDOW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (brief_window_parent_class)->finalize (object);
}

static void
brief_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BriefWindow *self = BRIEF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BRIEFING:
      g_value_set_object (value, self->briefing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sources_list_article_activated_cb (BriefWindow      *self,
                                   BriefArticle     *article,
                                   BriefSourcesList *sources_list)
{
  if (article != brief_article_view_get_article (self->article_view))
    brief_window_show_article (self, article);
}

/* An event made by hand, tied to the text selected in the article if any. */
static void
brief_window_add_event_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  BriefWindow *self = BRIEF_WINDOW (widget);
  BriefArticle *article = brief_article_view_get_article (self->article_view);
  g_autofree char *text = NULL;
  BriefEventEditor *editor;
  guint start = 0, end = 0;

  if (article != NULL)
    text = brief_article_view_dup_selection (self->article_view, &start, &end);
  editor = brief_event_editor_new_add (GTK_WINDOW (self), self->briefing,
                                       text != NULL ? article : NULL, start, end, text);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
brief_window_insert_event_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  BriefWindow *self = BRIEF_WINDOW (widget);
  g_autoptr(GPtrArray) events = brief_event_list_get_selected_events (self->event_list);
  GtkStack *sidebar = GTK_STACK (gtk_widget_get_template_child (widget, BRIEF_TYPE_WINDOW, "sidebar_stack"));

  if (events->len == 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  if (sidebar != NULL)
    gtk_stack_set_visible_child_name (sidebar, "notes");
  for (guint i = 0; i < events->len; i++)
    brief_notes_pane_insert_event (self->notes_pane, g_ptr_array_index (events, i));
}

static void
brief_window_show_pane_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  GtkStack *sidebar = GTK_STACK (gtk_widget_get_template_child (widget, BRIEF_TYPE_WINDOW, "sidebar_stack"));
  BriefWindow *self = BRIEF_WINDOW (widget);
  gboolean notes = g_str_equal (action_name, "win.show-notes");

  if (sidebar == NULL)
    return;
  gtk_stack_set_visible_child_name (sidebar, notes ? "notes" : "sources");
  gtk_widget_grab_focus (notes ? GTK_WIDGET (self->notes_pane) : GTK_WIDGET (self->sources_list));
}

static void
brief_window_class_init (BriefWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = brief_window_dispose;
  object_class->finalize = brief_window_finalize;
  object_class->get_property = brief_window_get_property;

  window_class->close_request = brief_window_close_request;

  /**
   * BriefWindow:briefing:
   *
   * The briefing the window shows and edits.
   */
  properties[PROP_BRIEFING] =
    g_param_spec_object ("briefing", NULL, NULL,
                         BRIEF_TYPE_BRIEFING,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BRIEF_TYPE_ARTICLE_VIEW);
  g_type_ensure (BRIEF_TYPE_EVENT_LIST);
  g_type_ensure (BRIEF_TYPE_FACTS_PANEL);
  g_type_ensure (BRIEF_TYPE_IMPORT_CONTROLLER);
  g_type_ensure (BRIEF_TYPE_NOTES_PANE);
  g_type_ensure (BRIEF_TYPE_SOURCES_LIST);
  g_type_ensure (BRIEF_TYPE_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/brief-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, event_list);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, facts_panel);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, import_controller);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, notes_pane);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, side_paned);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, sources_list);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, timeline);
  gtk_widget_class_bind_template_callback (widget_class, article_view_date_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, article_view_published_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, banner_close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, event_list_event_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, facts_panel_entity_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, facts_panel_quote_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_controller_show_article_cb);
  gtk_widget_class_bind_template_callback (widget_class, sources_list_article_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, timeline_event_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, brief_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, brief_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, brief_window_print_action);
  gtk_widget_class_install_action (widget_class, "win.print-preview", NULL, brief_window_print_action);
  gtk_widget_class_install_action (widget_class, "win.page-setup", NULL, brief_window_page_setup_action);
  gtk_widget_class_install_action (widget_class, "win.paste", NULL, brief_window_paste_action);
  gtk_widget_class_install_action (widget_class, "win.add-event", NULL, brief_window_add_event_action);
  gtk_widget_class_install_action (widget_class, "win.insert-event", NULL, brief_window_insert_event_action);
  gtk_widget_class_install_action (widget_class, "win.show-sources", NULL, brief_window_show_pane_action);
  gtk_widget_class_install_action (widget_class, "win.show-notes", NULL, brief_window_show_pane_action);
  _brief_window_session_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.print-preview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "win.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.insert-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-sources", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-notes", NULL);
}

static void
brief_window_init (BriefWindow *self)
{
  g_autoptr(BriefDocument) document = NULL;
  g_autofree char *author = NULL;
  g_autofree char *marking = NULL;
  GtkDropTarget *drop_target;
  BriefBriefing *briefing;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->cancellable = g_cancellable_new ();
  brief_import_controller_set_cancellable (self->import_controller, self->cancellable);
  _brief_window_session_init (self);

  /* Changes are held back and written when the window closes, not on every
   * step of a resize. */
  self->settings = g_settings_new (BRIEF_SETTINGS_SCHEMA_ID);
  g_settings_delay (self->settings);
  for (guint i = 0; i < G_N_ELEMENTS (bound_window_keys); i++)
    g_settings_bind (self->settings, bound_window_keys[i][0],
                     self, bound_window_keys[i][1],
                     G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "paned-position",
                   self->paned, "position",
                   G_SETTINGS_BIND_DEFAULT);

  /* The list and the timeline share one selection over the events searched
   * and filtered in the list. */
  brief_timeline_set_model (self->timeline, brief_event_list_get_selection (self->event_list));
  g_signal_connect_object (brief_event_list_get_selection (self->event_list),
                           "selection-changed",
                           G_CALLBACK (selection_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);

  /* The widget takes the controller. */
  drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop_target, (GType[2]) { GDK_TYPE_FILE_LIST, G_TYPE_STRING }, 2);
  g_signal_connect_object (drop_target,
                           "drop",
                           G_CALLBACK (drop_target_drop_cb),
                           self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  /* A new briefing starts with the author and marking set in Preferences. */
  briefing = brief_briefing_new ();
  author = g_settings_get_string (self->settings, "author-name");
  marking = g_settings_get_string (self->settings, "default-marking");
  g_object_set (briefing, "author", author, "marking", marking, NULL);
  document = brief_document_new (briefing, NULL, NULL);
  g_object_unref (briefing);
  _brief_window_set_document (self, document);
}

BriefWindow *
brief_window_new (BriefApplication *application)
{
  g_return_val_if_fail (BRIEF_IS_APPLICATION (application), NULL);

  return g_object_new (BRIEF_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

BriefBriefing *
brief_window_get_briefing (BriefWindow *self)
{
  g_return_val_if_fail (BRIEF_IS_WINDOW (self), NULL);

  return self->briefing;
}

BriefDocument *
_brief_window_get_document (BriefWindow *self)
{
  g_return_val_if_fail (BRIEF_IS_WINDOW (self), NULL);
  return self->document;
}

GCancellable *
_brief_window_get_cancellable (BriefWindow *self)
{
  g_return_val_if_fail (BRIEF_IS_WINDOW (self), NULL);
  return self->cancellable;
}

void
_brief_window_set_document (BriefWindow   *self,
                            BriefDocument *document)
{
  GListModel *articles;
  g_autoptr(BriefArticle) first = NULL;

  g_return_if_fail (BRIEF_IS_WINDOW (self));
  g_return_if_fail (BRIEF_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  brief_window_remember_timeline_range (self);
  if (self->briefing != NULL)
    g_signal_handlers_disconnect_by_func (brief_briefing_get_articles (self->briefing),
                                          articles_items_changed_cb, self);
  g_set_object (&self->document, document);
  g_set_object (&self->briefing, brief_document_get_briefing (document));

  articles = brief_briefing_get_articles (self->briefing);
  g_signal_connect_object (articles,
                           "items-changed",
                           G_CALLBACK (articles_items_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);

  brief_import_controller_set_briefing (self->import_controller, self->briefing);
  brief_event_list_set_models (self->event_list, brief_briefing_get_events (self->briefing), articles);
  brief_event_list_set_briefing (self->event_list, self->briefing);
  brief_timeline_set_sources (self->timeline, articles);
  brief_timeline_set_briefing (self->timeline, self->briefing);
  brief_sources_list_set_briefing (self->sources_list, self->briefing);
  brief_notes_pane_set_briefing (self->notes_pane, self->briefing);
  brief_facts_panel_set_briefing (self->facts_panel, self->briefing);
  articles_items_changed_cb (self, 0, 0, 0, articles);
  _brief_window_session_document_set (self);

  first = g_list_model_get_item (articles, 0);
  /* The timeline shows the days kept for this briefing, or fits them all. */
  if (first != NULL)
    brief_window_show_article (self, first);
  brief_window_restore_timeline_range (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRIEFING]);
}

BriefEvent *
_brief_window_get_selected_event (BriefWindow *self)
{
  g_autoptr(GPtrArray) events = NULL;

  g_return_val_if_fail (BRIEF_IS_WINDOW (self), NULL);

  events = brief_event_list_get_selected_events (self->event_list);
  return events->len > 0 ? g_ptr_array_index (events, 0) : NULL;
}
