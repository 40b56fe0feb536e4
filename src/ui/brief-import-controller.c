/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-import-controller"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-import-controller.h"

/* One thing to import: a file, or text pasted or dropped. */
typedef struct
{
  GFile *file;
  char  *text;
  char  *title_hint;
} ImportItem;

static void
import_item_free (ImportItem *item)
{
  g_clear_object (&item->file);
  g_clear_pointer (&item->text, g_free);
  g_clear_pointer (&item->title_hint, g_free);
  g_free (item);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportItem, import_item_free)

struct _BriefImportController
{
  GtkWidget       parent_instance;

  BriefBriefing  *briefing;
  GCancellable   *parent_cancellable;
  GCancellable   *cancellable;     /* the batch's, cancelled by Cancel */
  GQueue          queue;           /* ImportItem */
  ImportItem     *current;
  GString        *errors;          /* one line per item that failed */

  /* The current item's result, waiting for the window to have drawn. */
  GAsyncResult   *pending;
  guint           apply_idle_id;
  guint           apply_timeout_id;

  /* A batch runs from the first item queued while idle to the last done. */
  guint           n_total;
  guint           n_done;
  guint           n_failed;
  guint           cancelled : 1;
  guint           shown_one : 1;   /* a file of this batch was shown */

  /* Template widgets */
  GtkOverlay     *banner;
  GtkButton      *cancel_button;
  GtkButton      *close_button;
  GtkLabel       *errors_label;
  GtkProgressBar *progress_bar;
  GtkRevealer    *revealer;
  GtkLabel       *status_label;
};

G_DEFINE_FINAL_TYPE (BriefImportController, brief_import_controller, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  SHOW_ARTICLE,
  OPEN_PROJECT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void brief_import_controller_start_next (BriefImportController *self);

static gboolean
brief_import_controller_is_closed (BriefImportController *self)
{
  return self->briefing == NULL ||
         (self->parent_cancellable != NULL && g_cancellable_is_cancelled (self->parent_cancellable));
}

static char *
dup_item_name (const ImportItem *item)
{
  if (item->file != NULL)
    {
      g_autofree char *path = g_file_get_path (item->file);

      if (path != NULL)
        return g_filename_display_basename (path);
      return g_file_get_parse_name (item->file);
    }

  return g_strdup (item->title_hint != NULL ? item->title_hint : _("Pasted text"));
}

static void
brief_import_controller_update_banner (BriefImportController *self)
{
  gboolean busy = self->current != NULL;
  gboolean has_errors = self->errors->len > 0;

  gtk_widget_remove_css_class (GTK_WIDGET (self->banner), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->banner), "info");
  gtk_widget_add_css_class (GTK_WIDGET (self->banner), has_errors && !busy ? "error" : "info");

  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), busy);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  gtk_label_set_text (self->errors_label, has_errors ? self->errors->str : "");
  gtk_widget_set_visible (GTK_WIDGET (self->errors_label), has_errors);

  if (busy && self->n_total > 1)
    {
      g_autofree char *status = NULL;
      g_autofree char *name = dup_item_name (self->current);

      /* Translators: "Importing 3 of 12…" */
      status = g_strdup_printf (_("Importing %u of %u…"), self->n_done + 1, self->n_total);
      gtk_label_set_text (self->status_label, status);
      gtk_progress_bar_set_fraction (self->progress_bar, (double) self->n_done / self->n_total);
      gtk_progress_bar_set_text (self->progress_bar, name);
      gtk_progress_bar_set_show_text (self->progress_bar, TRUE);
      gtk_revealer_set_reveal_child (self->revealer, TRUE);
    }
  else if (!busy && (self->cancelled || has_errors))
    {
      g_autofree char *status = NULL;
      guint n_imported = self->n_done - self->n_failed;

      if (self->cancelled)
        /* Translators: "Import cancelled: 3 of 12 files imported" */
        status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Import cancelled: %u of %u file imported",
                                               "Import cancelled: %u of %u files imported",
                                               self->n_total),
                                  n_imported, self->n_total);
      else if (self->n_total == 1)
        status = g_strdup (_("Could not import:"));
      else
        status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u of %u file could not be imported:",
                                               "%u of %u files could not be imported:",
                                               self->n_total),
                                  self->n_failed, self->n_total);
      gtk_label_set_text (self->status_label, status);
      gtk_revealer_set_reveal_child (self->revealer, TRUE);
    }
  else if (!busy || self->n_total <= 1)
    {
      gtk_revealer_set_reveal_child (self->revealer, FALSE);
    }
}

static void
brief_import_controller_add_error (BriefImportController *self,
                                   const char            *message)
{
  if (self->errors->len > 0)
    g_string_append_c (self->errors, '\n');
  g_string_append (self->errors, message);
}

/* A message outside a batch, such as an empty clipboard. */
static void
brief_import_controller_report (BriefImportController *self,
                                const char            *message)
{
  if (self->current == NULL)
    {
      self->n_total = self->n_done = self->n_failed = 0;
      self->cancelled = FALSE;
      g_string_truncate (self->errors, 0);
    }

  brief_import_controller_add_error (self, message);
  brief_import_controller_update_banner (self);
}

static void
brief_import_controller_set_current (BriefImportController *self,
                                     ImportItem            *item)
{
  gboolean was_busy = self->current != NULL;

  g_clear_pointer (&self->current, import_item_free);
  self->current = item;

  if (was_busy != (item != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
brief_import_controller_apply (BriefImportController *self,
                               GAsyncResult          *result)
{
  g_autoptr(BriefBriefing) briefing = BRIEF_BRIEFING (g_async_result_get_source_object (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  guint n_added = 0;

  /* Cancelled while it waited: the article is dropped, as if it had been
   * stopped on the way. */
  if (self->cancellable != NULL && g_cancellable_is_cancelled (self->cancellable))
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
  else if (g_async_result_is_tagged (result, brief_briefing_add_text_async))
    n_added = brief_briefing_add_text_finish (briefing, result, &error);
  else
    n_added = brief_briefing_import_file_finish (briefing, result, &error);

  /* The window closed, or another briefing took this one's place. */
  if (brief_import_controller_is_closed (self) || briefing != self->briefing || self->current == NULL)
    return;

  self->n_done++;
  name = dup_item_name (self->current);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Counted as not imported; the summary says the batch was cancelled. */
      self->n_failed++;
    }
  else if (error != NULL)
    {
      g_autofree char *message = NULL;

      self->n_failed++;
      /* Translators: the first %s is a file name, the second the reason */
      message = g_strdup_printf (_("Could not open “%s”: %s"), name, error->message);
      brief_import_controller_add_error (self, message);
    }
  else if (n_added == 0)
    {
      g_autofree char *message = NULL;

      self->n_failed++;
      message = g_strdup_printf (_("“%s” holds no article"), name);
      brief_import_controller_add_error (self, message);
    }
  else if (self->current->text != NULL || !self->shown_one)
    {
      /* The first file of a batch is shown at once, and pasted text always;
       * switching at every file of a long batch would only flicker. */
      GListModel *articles = brief_briefing_get_articles (self->briefing);
      guint n_articles = g_list_model_get_n_items (articles);
      g_autoptr(BriefArticle) article = NULL;

      if (n_articles >= n_added)
        article = g_list_model_get_item (articles, n_articles - n_added);
      if (article != NULL)
        {
          self->shown_one = TRUE;
          g_signal_emit (self, signals[SHOW_ARTICLE], 0, article);
        }
    }

  brief_import_controller_start_next (self);
}

static gboolean
apply_pending_cb (gpointer user_data)
{
  BriefImportController *self = user_data;
  g_autoptr(GAsyncResult) result = g_steal_pointer (&self->pending);

  g_clear_handle_id (&self->apply_idle_id, g_source_remove);
  g_clear_handle_id (&self->apply_timeout_id, g_source_remove);
  if (result != NULL)
    brief_import_controller_apply (self, result);
  return G_SOURCE_REMOVE;
}

/* The worker may hand articles back faster than the window draws, and
 * adding one costs the main loop some milliseconds: a result waits for an
 * idle moment, below the priority of redrawing, so that a long batch never
 * holds up frames, or at most APPLY_WAIT_MS when drawing is slower than that
 * (software rendering), so that drawing never holds up the batch. */
#define APPLY_WAIT_MS 40

static void
brief_import_controller_import_cb (GObject      *object,
                                   GAsyncResult *result,
                                   gpointer      user_data)
{
  g_autoptr(BriefImportController) self = user_data;

  if (brief_import_controller_is_closed (self))
    return;

  g_assert (self->pending == NULL);
  self->pending = g_object_ref (result);
  self->apply_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, apply_pending_cb, self, NULL);
  self->apply_timeout_id = g_timeout_add (APPLY_WAIT_MS, apply_pending_cb, self);
}

static gboolean
brief_import_controller_refuse (BriefImportController *self,
                                ImportItem            *item)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gboolean handled = FALSE;

  if (item->file == NULL)
    return FALSE;

  name = dup_item_name (item);

  /* Never read over the network, not even through GVfs. */
  if (!g_file_is_native (item->file))
    {
      message = g_strdup_printf (_("“%s” is not a local file; save it first, then open the saved copy"), name);
    }
  else if (g_str_has_suffix (name, ".briefing"))
    {
      g_signal_emit (self, signals[OPEN_PROJECT], 0, item->file, &handled);
      if (handled)
        return TRUE;
      message = g_strdup_printf (_("“%s” is a briefing, not an article"), name);
    }
  else
    {
      return FALSE;
    }

  self->n_done++;
  self->n_failed++;
  brief_import_controller_add_error (self, message);
  return TRUE;
}

static void
brief_import_controller_start_next (BriefImportController *self)
{
  ImportItem *item;

  while ((item = g_queue_pop_head (&self->queue)) != NULL)
    {
      if (!brief_import_controller_refuse (self, item))
        break;
      import_item_free (item);
    }

  brief_import_controller_set_current (self, item);

  if (item != NULL)
    {
      if (item->text != NULL)
        brief_briefing_add_text_async (self->briefing, item->text, item->title_hint,
                                       self->cancellable,
                                       brief_import_controller_import_cb,
                                       g_object_ref (self));
      else
        brief_briefing_import_file_async (self->briefing, item->file, NULL,
                                          self->cancellable,
                                          brief_import_controller_import_cb,
                                          g_object_ref (self));
    }

  brief_import_controller_update_banner (self);
}

static void
brief_import_controller_enqueue (BriefImportController *self,
                                 ImportItem            *item)
{
  g_assert (BRIEF_IS_IMPORT_CONTROLLER (self));

  if (brief_import_controller_is_closed (self))
    {
      import_item_free (item);
      return;
    }

  /* A new batch: forget the last one's report. */
  if (self->current == NULL)
    {
      self->n_total = self->n_done = self->n_failed = 0;
      self->cancelled = FALSE;
      self->shown_one = FALSE;
      g_string_truncate (self->errors, 0);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
    }

  self->n_total++;
  g_queue_push_tail (&self->queue, item);

  if (self->current == NULL)
    brief_import_controller_start_next (self);
  else
    brief_import_controller_update_banner (self);
}

void
brief_import_controller_import_files (BriefImportController  *self,
                                      GFile                 **files,
                                      guint                   n_files)
{
  g_return_if_fail (BRIEF_IS_IMPORT_CONTROLLER (self));
  g_return_if_fail (files != NULL || n_files == 0);

  for (guint i = 0; i < n_files; i++)
    {
      ImportItem *item = g_new0 (ImportItem, 1);

      item->file = g_object_ref (files[i]);
      brief_import_controller_enqueue (self, item);
    }
}

void
brief_import_controller_import_text (BriefImportController *self,
                                     const char            *text,
                                     const char            *title_hint)
{
  ImportItem *item;

  g_return_if_fail (BRIEF_IS_IMPORT_CONTROLLER (self));
  g_return_if_fail (text != NULL);

  item = g_new0 (ImportItem, 1);
  item->text = g_strdup (text);
  item->title_hint = g_strdup (title_hint);
  brief_import_controller_enqueue (self, item);
}

void
brief_import_controller_cancel (BriefImportController *self)
{
  g_return_if_fail (BRIEF_IS_IMPORT_CONTROLLER (self));

  if (self->current == NULL)
    return;

  self->cancelled = TRUE;
  g_queue_clear_full (&self->queue, (GDestroyNotify) import_item_free);
  g_cancellable_cancel (self->cancellable);
  brief_import_controller_update_banner (self);
}

static void
paste_text_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BriefImportController) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);

  if (brief_import_controller_is_closed (self))
    return;

  if (text == NULL || *g_strstrip (text) == '\0')
    {
      if (error != NULL)
        g_debug ("Could not read the clipboard: %s", error->message);
      brief_import_controller_report (self, _("The clipboard holds no text to paste as an article"));
      return;
    }

  brief_import_controller_import_text (self, text, _("Pasted text"));
}

static void
paste_files_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BriefImportController) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) list = NULL;
  g_autoptr(GPtrArray) files = NULL;
  const GValue *value;

  value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (object), result, &error);

  if (brief_import_controller_is_closed (self))
    return;

  if (value == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      /* Some programs offer a file list they cannot deliver: try the text. */
      gdk_clipboard_read_text_async (GDK_CLIPBOARD (object), self->parent_cancellable,
                                     paste_text_cb, g_object_ref (self));
      return;
    }

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  files = g_ptr_array_new ();
  for (const GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  brief_import_controller_import_files (self, (GFile **) files->pdata, files->len);
}

void
brief_import_controller_paste (BriefImportController *self)
{
  GdkClipboard *clipboard;
  GdkContentFormats *formats;

  g_return_if_fail (BRIEF_IS_IMPORT_CONTROLLER (self));

  if (brief_import_controller_is_closed (self))
    return;

  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  formats = gdk_clipboard_get_formats (clipboard);

  /* Files copied in a file manager come as a list of files, with their
   * names as text too: open the files. */
  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT,
                                    self->parent_cancellable, paste_files_cb, g_object_ref (self));
  else
    gdk_clipboard_read_text_async (clipboard, self->parent_cancellable,
                                   paste_text_cb, g_object_ref (self));
}

static void
cancel_button_clicked_cb (BriefImportController *self,
                          GtkButton             *button)
{
  brief_import_controller_cancel (self);
}

static void
close_button_clicked_cb (BriefImportController *self,
                         GtkButton             *button)
{
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

static void
parent_cancellable_cancelled_cb (BriefImportController *self,
                                 GCancellable          *cancellable)
{
  g_queue_clear_full (&self->queue, (GDestroyNotify) import_item_free);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

void
brief_import_controller_set_cancellable (BriefImportController *self,
                                         GCancellable          *cancellable)
{
  g_return_if_fail (BRIEF_IS_IMPORT_CONTROLLER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (self->parent_cancellable != NULL)
    g_signal_handlers_disconnect_by_func (self->parent_cancellable,
                                          parent_cancellable_cancelled_cb, self);
  g_set_object (&self->parent_cancellable, cancellable);
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled",
                             G_CALLBACK (parent_cancellable_cancelled_cb),
                             self, G_CONNECT_SWAPPED);
}

void
brief_import_controller_set_briefing (BriefImportController *self,
                                      BriefBriefing         *briefing)
{
  g_return_if_fail (BRIEF_IS_IMPORT_CONTROLLER (self));
  g_return_if_fail (briefing == NULL || BRIEF_IS_BRIEFING (briefing));

  if (!g_set_object (&self->briefing, briefing))
    return;

  /* What was queued for the old briefing is not imported into the new one. */
  g_queue_clear_full (&self->queue, (GDestroyNotify) import_item_free);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  brief_import_controller_set_current (self, NULL);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

gboolean
brief_import_controller_get_busy (BriefImportController *self)
{
  g_return_val_if_fail (BRIEF_IS_IMPORT_CONTROLLER (self), FALSE);

  return self->current != NULL;
}

static void
brief_import_controller_dispose (GObject *object)
{
  BriefImportController *self = BRIEF_IMPORT_CONTROLLER (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_queue_clear_full (&self->queue, (GDestroyNotify) import_item_free);
  g_clear_pointer (&self->current, import_item_free);
  g_clear_handle_id (&self->apply_idle_id, g_source_remove);
  g_clear_handle_id (&self->apply_timeout_id, g_source_remove);
  g_clear_object (&self->pending);

  gtk_widget_dispose_template (GTK_WIDGET (self), BRIEF_TYPE_IMPORT_CONTROLLER);

  g_clear_object (&self->briefing);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->parent_cancellable);

  G_OBJECT_CLASS (brief_import_controller_parent_class)->dispose (object);
}

static void
brief_import_controller_finalize (GObject *object)
{
  BriefImportController *self = BRIEF_IMPORT_CONTROLLER (object);

  g_string_free (self->errors, TRUE);

  G_OBJECT_CLASS (brief_import_controller_parent_class)->finalize (object);
}

static void
brief_import_controller_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  BriefImportController *self = BRIEF_IMPORT_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, brief_import_controller_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
brief_import_controller_class_init (BriefImportControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = brief_import_controller_dispose;
  object_class->finalize = brief_import_controller_finalize;
  object_class->get_property = brief_import_controller_get_property;

  /**
   * BriefImportController:busy:
   *
   * Whether a file or text is being imported.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BriefImportController::show-article:
   * @self: a #BriefImportController
   * @article: the article to show
   *
   * Emitted for the first article of a batch of files and for pasted text.
   */
  signals[SHOW_ARTICLE] =
    g_signal_new ("show-article",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BRIEF_TYPE_ARTICLE);

  /**
   * BriefImportController::open-project:
   * @self: a #BriefImportController
   * @file: a .briefing file
   *
   * Emitted for a .briefing project among the files to import, which is
   * not an article. Returns: %TRUE when a handler opened it
   */
  signals[OPEN_PROJECT] =
    g_signal_new ("open-project",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/brief-import-controller.ui");
  gtk_widget_class_bind_template_child (widget_class, BriefImportController, banner);
  gtk_widget_class_bind_template_child (widget_class, BriefImportController, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, BriefImportController, close_button);
  gtk_widget_class_bind_template_child (widget_class, BriefImportController, errors_label);
  gtk_widget_class_bind_template_child (widget_class, BriefImportController, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BriefImportController, revealer);
  gtk_widget_class_bind_template_child (widget_class, BriefImportController, status_label);
  gtk_widget_class_bind_template_callback (widget_class, cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_button_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "briefimportcontroller");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
brief_import_controller_init (BriefImportController *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_queue_init (&self->queue);
  self->errors = g_string_new (NULL);
}

GtkWidget *
brief_import_controller_new (void)
{
  return g_object_new (BRIEF_TYPE_IMPORT_CONTROLLER, NULL);
}

/* ---------------------------------------------------------------- Open dialog filters */

static const char * const text_suffixes[] = { "txt", "text", "md", "markdown", NULL };
static const char * const text_types[] = { "text/plain", "text/markdown", NULL };
static const char * const page_suffixes[] = { "html", "htm", "xhtml", "gz", "mht", "mhtml", NULL };
static const char * const page_types[] = {
  "text/html", "application/xhtml+xml", "application/gzip",
  "application/x-mimearchive", "multipart/related", "message/rfc822", NULL
};
static const char * const feed_suffixes[] = { "rss", "atom", "xml", NULL };
static const char * const feed_types[] = { "application/rss+xml", "application/atom+xml", NULL };

static GtkFileFilter *
add_filter (GtkFileChooser     *chooser,
            GtkFileFilter      *filter,
            const char         *name,
            const char * const *suffixes,
            const char * const *types)
{
  if (filter == NULL)
    {
      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, name);
      gtk_file_chooser_add_filter (chooser, filter);
      g_object_unref (filter);  /* the chooser holds it */
    }

  /* Suffixes match whatever a desktop guesses the type to be. */
  for (guint i = 0; suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  for (guint i = 0; types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, types[i]);

  return filter;
}

void
brief_import_add_file_filters (GtkFileChooser *chooser)
{
  static const char * const project_suffixes[] = { "briefing", NULL };
  static const char * const no_types[] = { NULL };
  static const char * const all_patterns[] = { "*", NULL };
  GtkFileFilter *supported;
  GtkFileFilter *all;

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  supported = add_filter (chooser, NULL, _("All supported files"), text_suffixes, text_types);
  add_filter (chooser, supported, NULL, page_suffixes, page_types);
  add_filter (chooser, supported, NULL, feed_suffixes, feed_types);
  add_filter (chooser, supported, NULL, project_suffixes, no_types);

  add_filter (chooser, NULL, _("Text files"), text_suffixes, text_types);
  add_filter (chooser, NULL, _("Web pages"), page_suffixes, page_types);
  add_filter (chooser, NULL, _("Feeds"), feed_suffixes, feed_types);

  all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("All files"));
  for (guint i = 0; all_patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (all, all_patterns[i]);
  gtk_file_chooser_add_filter (chooser, all);
  g_object_unref (all);

  gtk_file_chooser_set_filter (chooser, supported);
}
