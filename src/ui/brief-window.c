/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-window"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-article-view.h"
#include "brief-markdown-writer.h"
#include "brief-event-list.h"
#include "brief-timeline.h"
#include "brief-window.h"

/* The schema id stays the base id in development builds, so both share it. */
#define BRIEF_SETTINGS_SCHEMA_ID "io.github.briefingdesk.Briefing"

struct _BriefWindow
{
  GtkApplicationWindow  parent_instance;

  BriefBriefing        *briefing;
  GSettings            *settings;
  GCancellable         *cancellable;
  GtkNativeDialog      *open_dialog;
  GtkNativeDialog      *export_dialog;
  guint                 n_pending;
  guint                 last_serial;
  guint                 shown_serial;

  /* Template widgets */
  BriefArticleView     *article_view;
  GtkOverlay           *banner;
  GtkLabel             *banner_label;
  GtkRevealer          *banner_revealer;
  BriefEventList       *event_list;
  GtkPaned             *paned;
  GtkPaned             *side_paned;
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

/* One file being imported: the window stays alive until the import ends. */
typedef struct
{
  BriefWindow *self;
  GFile       *file;
  guint        serial;
} BriefWindowOp;

static BriefWindowOp *
brief_window_op_new (BriefWindow *self,
                     GFile       *file,
                     guint        serial)
{
  BriefWindowOp *op = g_new0 (BriefWindowOp, 1);

  op->self = g_object_ref (self);
  op->file = g_object_ref (file);
  op->serial = serial;

  return op;
}

static void
brief_window_op_free (BriefWindowOp *op)
{
  g_clear_object (&op->self);
  g_clear_object (&op->file);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriefWindowOp, brief_window_op_free)

static char *
dup_file_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return g_filename_display_basename (path);

  return g_file_get_parse_name (file);
}

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
  brief_timeline_set_current_article (self->timeline, article);

  title = brief_article_get_title (article);
  gtk_label_set_text (self->subtitle_label, title != NULL ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), title != NULL && *title != '\0');
}

static void
brief_window_update_pending (BriefWindow *self)
{
  gboolean busy = self->n_pending > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
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

static void
selection_changed_cb (BriefWindow       *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *selection)
{
  BriefEvent *event = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));

  if (event != NULL)
    brief_window_show_event (self, event);
}

/* A date clicked in the article: select its event, wherever it is listed. */
static void
article_view_date_activated_cb (BriefWindow      *self,
                                guint             offset,
                                BriefArticleView *article_view)
{
  GtkSingleSelection *selection = brief_event_list_get_selection (self->event_list);
  BriefArticle *article = brief_article_view_get_article (article_view);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BriefEvent) event = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (brief_event_get_article (event) == article &&
          brief_event_get_date_start (event) <= offset && offset < brief_event_get_date_end (event))
        {
          gtk_single_selection_set_selected (selection, i);
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
  brief_timeline_fit_all (self->timeline, TRUE);
}

static void
brief_window_import_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  BriefBriefing *briefing = BRIEF_BRIEFING (object);
  g_autoptr(BriefWindowOp) op = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  BriefWindow *self = op->self;
  guint n_added;

  n_added = brief_briefing_import_file_finish (briefing, result, &error);

  if (brief_window_is_closed (self) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_assert (self->n_pending > 0);
  self->n_pending--;
  brief_window_update_pending (self);

  name = dup_file_display_name (op->file);

  if (error != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: the first %s is a file name, the second the reason */
      message = g_strdup_printf (_("Could not open “%s”: %s"), name, error->message);
      brief_window_show_message (self, BANNER_ERROR, message);
      return;
    }

  if (n_added == 0)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("“%s” holds no article"), name);
      brief_window_show_message (self, BANNER_ERROR, message);
      return;
    }

  /* Imports end in any order: show the article of the most recent request.
   * The briefing appends the articles of an import just before it returns. */
  if (op->serial >= self->shown_serial)
    {
      GListModel *articles = brief_briefing_get_articles (self->briefing);
      guint n_articles = g_list_model_get_n_items (articles);
      g_autoptr(BriefArticle) article = NULL;

      if (n_articles >= n_added)
        article = g_list_model_get_item (articles, n_articles - n_added);

      if (article != NULL)
        {
          self->shown_serial = op->serial;
          brief_window_show_article (self, article);
        }
    }
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

  for (guint i = 0; i < n_files; i++)
    {
      BriefWindowOp *op = brief_window_op_new (self, files[i], ++self->last_serial);

      self->n_pending++;
      brief_briefing_import_file_async (self->briefing,
                                        files[i],
                                        NULL,
                                        self->cancellable,
                                        brief_window_import_cb,
                                        op);
    }

  brief_window_update_pending (self);
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
  g_autoptr(GtkFileFilter) text_filter = NULL;
  g_autoptr(GtkFileFilter) all_filter = NULL;

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

  text_filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (text_filter, _("Text files"));
  gtk_file_filter_add_mime_type (text_filter, "text/plain");
  gtk_file_filter_add_suffix (text_filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), text_filter);

  all_filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (all_filter, _("All files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all_filter);

  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), text_filter);

  g_signal_connect_object (native,
                           "response",
                           G_CALLBACK (open_dialog_response_cb),
                           self,
                           G_CONNECT_SWAPPED);

  self->open_dialog = GTK_NATIVE_DIALOG (g_steal_pointer (&native));
  gtk_native_dialog_show (self->open_dialog);
}

static void
brief_window_export_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  GFile *file = G_FILE (object);
  g_autoptr(BriefWindowOp) op = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  BriefWindow *self = op->self;
  GApplication *application = g_application_get_default ();

  if (application != NULL)
    g_application_release (application);

  if (!g_file_replace_contents_finish (file, result, NULL, &error))
    {
      g_autofree char *display = dup_file_display_name (file);

      g_warning ("Could not export to %s: %s", g_file_peek_path (file), error->message);
      if (brief_window_is_closed (self))
        return;

      /* Translators: the first %s is a file name, the second the reason */
      message = g_strdup_printf (_("Could not export to “%s”: %s"), display, error->message);
      brief_window_show_message (self, BANNER_ERROR, message);
      return;
    }

  if (brief_window_is_closed (self))
    return;

  name = g_file_get_parse_name (file);
  /* Translators: %s is the full name of the file written */
  message = g_strdup_printf (_("Exported to “%s”"), name);
  brief_window_show_message (self, BANNER_INFO, message);
}

static void
brief_window_export_to (BriefWindow *self,
                        GFile       *file)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GApplication *application;
  char *markdown;

  g_assert (BRIEF_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  folder = g_file_get_parent (file);
  if (folder != NULL && g_file_peek_path (folder) != NULL)
    {
      g_settings_set_string (self->settings, "last-export-folder", g_file_peek_path (folder));
      g_settings_apply (self->settings);
    }

  markdown = brief_markdown_write (self->briefing);
  bytes = g_bytes_new_take (markdown, strlen (markdown));

  /* The write is not cancelled when the window closes, so that an export
   * the user asked for is never lost; the application waits for it. */
  application = g_application_get_default ();
  if (application != NULL)
    g_application_hold (application);

  g_file_replace_contents_bytes_async (file,
                                       bytes,
                                       NULL,
                                       FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL,
                                       brief_window_export_cb,
                                       brief_window_op_new (self, file, 0));
}

static void
export_dialog_response_cb (BriefWindow     *self,
                           int              response,
                           GtkNativeDialog *dialog)
{
  g_autoptr(GtkNativeDialog) owned = NULL;

  g_assert (BRIEF_IS_WINDOW (self));

  owned = g_steal_pointer (&self->export_dialog);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        brief_window_export_to (self, file);
    }

  gtk_native_dialog_destroy (dialog);
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

  return g_strconcat (name, ".md", NULL);
}

static void
brief_window_export_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  BriefWindow *self = BRIEF_WINDOW (widget);
  g_autoptr(GtkFileChooserNative) native = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *folder_path = NULL;
  g_autofree char *name = NULL;

  if (self->export_dialog != NULL)
    {
      gtk_native_dialog_show (self->export_dialog);
      return;
    }

  native = gtk_file_chooser_native_new (_("Export Briefing"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Markdown"));
  gtk_file_filter_add_mime_type (filter, "text/markdown");
  gtk_file_filter_add_suffix (filter, "md");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  folder_path = g_settings_get_string (self->settings, "last-export-folder");
  if (folder_path[0] == '\0' || !g_file_test (folder_path, G_FILE_TEST_IS_DIR))
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

      g_free (folder_path);
      if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
        folder_path = g_strdup (documents);
      else
        folder_path = g_strdup (g_get_home_dir ());
    }
  folder = g_file_new_for_path (folder_path);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);

  name = brief_window_dup_export_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect_object (native,
                           "response",
                           G_CALLBACK (export_dialog_response_cb),
                           self,
                           G_CONNECT_SWAPPED);

  self->export_dialog = GTK_NATIVE_DIALOG (g_steal_pointer (&native));
  gtk_native_dialog_show (self->export_dialog);
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

static void
brief_window_save_state (BriefWindow *self)
{
  if (self->settings != NULL)
    g_settings_apply (self->settings);
}

static gboolean
brief_window_close_request (GtkWindow *window)
{
  BriefWindow *self = BRIEF_WINDOW (window);

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
    gtk_native_dialog_destroy (self->export_dialog);
  g_clear_object (&self->export_dialog);

  gtk_widget_dispose_template (GTK_WIDGET (self), BRIEF_TYPE_WINDOW);

  g_clear_object (&self->briefing);
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
  g_type_ensure (BRIEF_TYPE_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/brief-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, event_list);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, side_paned);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BriefWindow, timeline);
  gtk_widget_class_bind_template_callback (widget_class, article_view_date_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, article_view_published_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, banner_close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, event_list_event_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, timeline_event_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, brief_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, brief_window_export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
brief_window_init (BriefWindow *self)
{
  GtkDropTarget *drop_target;
  GListModel *articles;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->cancellable = g_cancellable_new ();
  self->briefing = brief_briefing_new ();

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

  articles = brief_briefing_get_articles (self->briefing);
  g_signal_connect_object (articles,
                           "items-changed",
                           G_CALLBACK (articles_items_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  articles_items_changed_cb (self, 0, 0, 0, articles);

  /* The list and the timeline share one selection over the events searched
   * and filtered in the list. */
  brief_event_list_set_models (self->event_list,
                               brief_briefing_get_events (self->briefing),
                               articles);
  brief_timeline_set_sources (self->timeline, articles);
  brief_timeline_set_model (self->timeline,
                            GTK_SELECTION_MODEL (brief_event_list_get_selection (self->event_list)));
  g_signal_connect_object (brief_event_list_get_selection (self->event_list),
                           "selection-changed",
                           G_CALLBACK (selection_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);

  /* The widget takes the controller. */
  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target,
                           "drop",
                           G_CALLBACK (drop_target_drop_cb),
                           self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
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
