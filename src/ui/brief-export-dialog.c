/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-export.h"
#include "brief-export-dialog.h"

/* The schema id stays the base id in development builds, so both share it. */
#define BRIEF_SETTINGS_SCHEMA_ID "io.github.briefingdesk.Briefing"

/* Below this, a write ends before a progress page would be read. */
#define PROGRESS_DELAY_MS 250

struct _BriefExportDialog
{
  GtkWindow             parent_instance;

  BriefBriefing        *briefing;
  char                 *suggested_name;
  GSettings            *settings;
  GCancellable         *cancellable;  /* the write running, or NULL */
  GtkNativeDialog      *chooser;
  GFile                *result;       /* the file written */
  guint                 progress_source;

  /* Template widgets */
  GtkButton            *cancel_button;
  GtkCheckButton       *chronology_check;
  GtkLabel             *data_format_label;
  GtkLabel             *error_label;
  GtkButton            *export_button;
  GtkListBox           *format_list;
  GtkCheckButton       *hidden_check;
  GtkGrid              *include_grid;
  GtkCheckButton       *key_points_check;
  GtkCheckButton       *notes_check;
  GtkButton            *open_button;
  GtkCheckButton       *people_check;
  GtkProgressBar       *progress_bar;
  GtkCheckButton       *quotes_check;
  GtkLabel             *result_label;
  GtkCheckButton       *sources_check;
  GtkStack             *stack;
  GtkCheckButton       *timeline_check;
};

G_DEFINE_FINAL_TYPE (BriefExportDialog, brief_export_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The format's name in GSettings, by BriefExportFormat. */
static const char * const format_ids[BRIEF_EXPORT_N_FORMATS] = {
  [BRIEF_EXPORT_FORMAT_PDF] = "pdf",
  [BRIEF_EXPORT_FORMAT_FODT] = "fodt",
  [BRIEF_EXPORT_FORMAT_HTML] = "html",
  [BRIEF_EXPORT_FORMAT_MARKDOWN] = "markdown",
  [BRIEF_EXPORT_FORMAT_JSON] = "json",
  [BRIEF_EXPORT_FORMAT_TIMELINE_JSON] = "timeline-json",
  [BRIEF_EXPORT_FORMAT_ICALENDAR] = "icalendar",
  [BRIEF_EXPORT_FORMAT_CSV] = "csv",
};

/* The sections with a check button, as named in GSettings; the notes have a key of their own. */
static const struct {
  BriefExportSections  section;
  const char          *id;
  gsize                offset;
} section_checks[] = {
  { BRIEF_EXPORT_SECTION_KEY_POINTS, "key-points", G_STRUCT_OFFSET (BriefExportDialog, key_points_check) },
  { BRIEF_EXPORT_SECTION_TIMELINE, "timeline", G_STRUCT_OFFSET (BriefExportDialog, timeline_check) },
  { BRIEF_EXPORT_SECTION_CHRONOLOGY, "chronology", G_STRUCT_OFFSET (BriefExportDialog, chronology_check) },
  { BRIEF_EXPORT_SECTION_PEOPLE, "people", G_STRUCT_OFFSET (BriefExportDialog, people_check) },
  { BRIEF_EXPORT_SECTION_QUOTES, "quotes", G_STRUCT_OFFSET (BriefExportDialog, quotes_check) },
  { BRIEF_EXPORT_SECTION_SOURCES, "sources", G_STRUCT_OFFSET (BriefExportDialog, sources_check) },
};

static GtkCheckButton *
section_check (BriefExportDialog *self,
               guint              i)
{
  return G_STRUCT_MEMBER (GtkCheckButton *, self, section_checks[i].offset);
}

static gboolean
format_is_data (BriefExportFormat format)
{
  return format == BRIEF_EXPORT_FORMAT_JSON ||
         format == BRIEF_EXPORT_FORMAT_TIMELINE_JSON ||
         format == BRIEF_EXPORT_FORMAT_ICALENDAR ||
         format == BRIEF_EXPORT_FORMAT_CSV;
}

static BriefExportFormat
brief_export_dialog_get_format (BriefExportDialog *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->format_list);

  /* The rows are in the order of the formats. */
  return row != NULL ? (BriefExportFormat) gtk_list_box_row_get_index (row) : BRIEF_EXPORT_FORMAT_PDF;
}

static void
brief_export_dialog_set_format (BriefExportDialog *self,
                                BriefExportFormat  format)
{
  gtk_list_box_select_row (self->format_list, gtk_list_box_get_row_at_index (self->format_list, format));
}

static void
brief_export_dialog_get_options (BriefExportDialog  *self,
                                 BriefExportOptions *options)
{
  brief_export_options_init (options);
  options->sections = 0;
  for (guint i = 0; i < G_N_ELEMENTS (section_checks); i++)
    if (gtk_check_button_get_active (section_check (self, i)))
      options->sections |= section_checks[i].section;
  if (gtk_check_button_get_active (self->notes_check))
    options->sections |= BRIEF_EXPORT_SECTION_NOTES;
  options->include_hidden = gtk_check_button_get_active (self->hidden_check);
}

static void
brief_export_dialog_load_settings (BriefExportDialog *self)
{
  g_autofree char *format_id = g_settings_get_string (self->settings, "export-format");
  g_auto(GStrv) sections = g_settings_get_strv (self->settings, "export-sections");

  for (guint i = 0; i < BRIEF_EXPORT_N_FORMATS; i++)
    if (g_str_equal (format_ids[i], format_id))
      brief_export_dialog_set_format (self, i);

  for (guint i = 0; i < G_N_ELEMENTS (section_checks); i++)
    gtk_check_button_set_active (section_check (self, i),
                                 g_strv_contains ((const char * const *) sections, section_checks[i].id));
  gtk_check_button_set_active (self->notes_check,
                               g_settings_get_boolean (self->settings, "export-include-notes"));
  gtk_check_button_set_active (self->hidden_check,
                               g_settings_get_boolean (self->settings, "export-include-hidden"));
}

static void
brief_export_dialog_save_settings (BriefExportDialog *self,
                                   BriefExportFormat  format)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) sections = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (section_checks); i++)
    if (gtk_check_button_get_active (section_check (self, i)))
      g_strv_builder_add (builder, section_checks[i].id);
  sections = g_strv_builder_end (builder);

  g_settings_set_string (self->settings, "export-format", format_ids[format]);
  g_settings_set_strv (self->settings, "export-sections", (const char * const *) sections);
  g_settings_set_boolean (self->settings, "export-include-notes",
                          gtk_check_button_get_active (self->notes_check));
  g_settings_set_boolean (self->settings, "export-include-hidden",
                          gtk_check_button_get_active (self->hidden_check));
}

static void
format_list_selected_rows_changed_cb (BriefExportDialog *self,
                                      GtkListBox        *list)
{
  gboolean data = format_is_data (brief_export_dialog_get_format (self));

  /* The data formats are the events alone: the sections do not apply. */
  for (guint i = 0; i < G_N_ELEMENTS (section_checks); i++)
    gtk_widget_set_sensitive (GTK_WIDGET (section_check (self, i)), !data);
  gtk_widget_set_sensitive (GTK_WIDGET (self->notes_check), !data);
  gtk_widget_set_visible (GTK_WIDGET (self->data_format_label), data);
}

/* Interactive while choosing, Cancel alone while writing, Open and Close when done. */
static void
brief_export_dialog_set_page (BriefExportDialog *self,
                              const char        *page)
{
  gboolean options = g_str_equal (page, "options");
  gboolean done = g_str_equal (page, "done");

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), options);
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), done);
  gtk_button_set_label (self->cancel_button, done ? _("_Close") : _("_Cancel"));
  if (done)
    gtk_widget_grab_focus (GTK_WIDGET (self->open_button));
}

static void
brief_export_dialog_stop_progress (BriefExportDialog *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
}

static gboolean
progress_pulse_cb (gpointer user_data)
{
  BriefExportDialog *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

static gboolean
progress_delay_cb (gpointer user_data)
{
  BriefExportDialog *self = user_data;

  /* The writer reports no fraction: a pulse says it is alive. */
  brief_export_dialog_set_page (self, "progress");
  gtk_progress_bar_pulse (self->progress_bar);
  self->progress_source = g_timeout_add (100, progress_pulse_cb, self);

  return G_SOURCE_REMOVE;
}

/* The work on the thread: the snapshot written as the format, then the file
 * replaced whole, never half-written. */
typedef struct
{
  BriefExportContent *content;
  BriefExportFormat   format;
  GFile              *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->content, brief_export_content_unref);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gconstpointer data;
  gsize length;

  bytes = brief_export_write (job->content, job->format, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Cancelled while rendering: the file on disk stays as it was. */
  if (g_task_return_error_if_cancelled (task))
    return;

  data = g_bytes_get_data (bytes, &length);
  if (!g_file_replace_contents (job->file, data, length, NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
brief_export_dialog_show_error (BriefExportDialog *self,
                                const char        *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  brief_export_dialog_set_page (self, "options");
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  BriefExportDialog *self = BRIEF_EXPORT_DIALOG (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  brief_export_dialog_stop_progress (self);
  g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  name = g_file_get_parse_name (job->file);

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not export to %s: %s", name, error->message);

  /* Closed while writing: the widgets are gone. */
  if (self->stack == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), TRUE);

  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          brief_export_dialog_set_page (self, "options");
          return;
        }
      /* Translators: the first %s is a file name, the second the reason */
      message = g_strdup_printf (_("Could not export to “%s”: %s"), name, error->message);
      brief_export_dialog_show_error (self, message);
      return;
    }

  g_set_object (&self->result, job->file);
  /* Translators: %s is the full name of the file written */
  message = g_strdup_printf (_("Exported to “%s”"), name);
  gtk_label_set_text (self->result_label, message);
  brief_export_dialog_set_page (self, "done");

  g_signal_emit (self, signals[EXPORTED], 0, job->file);
}

void
brief_export_dialog_export_to (BriefExportDialog *self,
                               GFile             *file)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) folder = NULL;
  BriefExportOptions options;
  BriefExportFormat format;
  ExportJob *job;

  g_return_if_fail (BRIEF_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->cancellable != NULL)
    return;

  /* A name typed with another format's extension says which format is meant. */
  if (!brief_export_format_for_filename (g_file_peek_path (file), &format))
    format = brief_export_dialog_get_format (self);
  brief_export_dialog_set_format (self, format);
  brief_export_dialog_save_settings (self, format);

  folder = g_file_get_parent (file);
  if (folder != NULL && g_file_peek_path (folder) != NULL)
    g_settings_set_string (self->settings, "last-export-folder", g_file_peek_path (folder));

  brief_export_dialog_get_options (self, &options);

  job = g_new0 (ExportJob, 1);
  /* The snapshot is taken here, on the UI thread; the thread only reads it. */
  job->content = brief_export_content_new (self->briefing, &options);
  job->format = format;
  job->file = g_object_ref (file);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), FALSE);
  self->cancellable = g_cancellable_new ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  self->progress_source = g_timeout_add (PROGRESS_DELAY_MS, progress_delay_cb, self);

  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, brief_export_dialog_export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
chooser_response_cb (BriefExportDialog *self,
                     int                response,
                     GtkNativeDialog   *chooser)
{
  g_autoptr(GtkNativeDialog) owned = g_steal_pointer (&self->chooser);

  g_assert (BRIEF_IS_EXPORT_DIALOG (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        brief_export_dialog_export_to (self, file);
    }

  gtk_native_dialog_destroy (chooser);
}

static GFile *
brief_export_dialog_dup_folder (BriefExportDialog *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "last-export-folder");
  const char *documents;

  if (path[0] != '\0' && g_file_test (path, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (path);

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);

  return g_file_new_for_path (g_get_home_dir ());
}

static void
export_button_clicked_cb (BriefExportDialog *self,
                          GtkButton         *button)
{
  g_autoptr(GtkFileChooserNative) native = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GtkFileFilter) all = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;
  BriefExportFormat format = brief_export_dialog_get_format (self);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (self->chooser);
      return;
    }

  brief_export_dialog_save_settings (self, format);

  native = gtk_file_chooser_native_new (_("Export Briefing"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, brief_export_format_get_name (format));
  gtk_file_filter_add_mime_type (filter, brief_export_format_get_mime_type (format));
  pattern = g_strconcat ("*", brief_export_format_get_extension (format), NULL);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);

  folder = brief_export_dialog_dup_folder (self);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  name = g_strconcat (self->suggested_name, brief_export_format_get_extension (format), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect_object (native,
                           "response",
                           G_CALLBACK (chooser_response_cb),
                           self,
                           G_CONNECT_SWAPPED);

  self->chooser = GTK_NATIVE_DIALOG (g_steal_pointer (&native));
  gtk_native_dialog_show (self->chooser);
}

static void
cancel_button_clicked_cb (BriefExportDialog *self,
                          GtkButton         *button)
{
  /* Cancel stops a write; otherwise, and when done, it closes. */
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
launch_default_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(BriefExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_app_info_launch_default_for_uri_finish (result, &error))
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  g_warning ("Could not open the exported file: %s", error->message);
  /* Translators: %s is the reason */
  message = g_strdup_printf (_("Could not open the file: %s"), error->message);
  gtk_label_set_text (self->result_label, message);
}

static void
open_button_clicked_cb (BriefExportDialog *self,
                        GtkButton         *button)
{
  g_autoptr(GdkAppLaunchContext) context = NULL;
  g_autofree char *uri = NULL;

  if (self->result == NULL)
    return;

  /* Through the OpenURI portal when sandboxed, the default application otherwise. */
  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));
  uri = g_file_get_uri (self->result);
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           launch_default_cb, g_object_ref (self));
}

static gboolean
brief_export_dialog_close_request (GtkWindow *window)
{
  BriefExportDialog *self = BRIEF_EXPORT_DIALOG (window);

  /* Closing while writing stops the write; the old file stays. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (brief_export_dialog_parent_class)->close_request (window);
}

static void
brief_export_dialog_dispose (GObject *object)
{
  BriefExportDialog *self = BRIEF_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  brief_export_dialog_stop_progress (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  /* GtkWindow drops its child and titlebar itself, and on GTK 4.8
   * gtk_widget_dispose_template () after gtk_window_destroy () unparents
   * widgets already gone.  The list tells its rows' removal: not to the
   * check buttons gone before it.  A NULL stack says the widgets are gone. */
  if (self->format_list != NULL)
    g_signal_handlers_disconnect_by_data (self->format_list, self);
  self->format_list = NULL;
  self->stack = NULL;

  g_clear_object (&self->briefing);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->result);
  g_clear_pointer (&self->suggested_name, g_free);

  G_OBJECT_CLASS (brief_export_dialog_parent_class)->dispose (object);
}

static void
brief_export_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BriefExportDialog *self = BRIEF_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, brief_export_dialog_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
brief_export_dialog_class_init (BriefExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = brief_export_dialog_dispose;
  object_class->get_property = brief_export_dialog_get_property;
  window_class->close_request = brief_export_dialog_close_request;

  /**
   * BriefExportDialog:busy:
   *
   * Whether the briefing is being written.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BriefExportDialog::exported:
   * @self: a #BriefExportDialog
   * @file: the file written
   *
   * Emitted when the briefing has been written to @file.
   */
  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/brief-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BriefExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, BriefExportDialog, chronology_check);
  gtk_widget_class_bind_template_child (widget_class, BriefExportDialog, data_format_label);
  gtk_widget_class_bind_template_child (widget_class, BriefExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, BriefExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, BriefExportDialog, format_list);
  gtk_widget_class_bind_template_child (widget_class, BriefExportDialog, hidden_check);
  gtk_widget_class_bind_template_child (widget_class, BriefExportDialog, include_grid);
  gtk_widget_class_bind_template_child (widget_class, BriefExportDialog, key_points_check);
  gtk_widget_class_bind_template_child (widget_class, BriefExportDialog, notes_check);
  gtk_widget_class_bind_template_child (widget_class, BriefExportDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, BriefExportDialog, people_check);
  gtk_widget_class_bind_template_child (widget_class, BriefExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BriefExportDialog, quotes_check);
  gtk_widget_class_bind_template_child (widget_class, BriefExportDialog, result_label);
  gtk_widget_class_bind_template_child (widget_class, BriefExportDialog, sources_check);
  gtk_widget_class_bind_template_child (widget_class, BriefExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, BriefExportDialog, timeline_check);
  gtk_widget_class_bind_template_callback (widget_class, cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_list_selected_rows_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
brief_export_dialog_init (BriefExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BRIEF_SETTINGS_SCHEMA_ID);

  /* One row a format, named as the export module names it, in its order. */
  for (guint i = 0; i < BRIEF_EXPORT_N_FORMATS; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *name = gtk_label_new (brief_export_format_get_name (i));
      GtkWidget *extension = gtk_label_new (brief_export_format_get_extension (i));

      gtk_label_set_xalign (GTK_LABEL (name), 0.0f);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_add_css_class (extension, "dim-label");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), extension);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, brief_export_format_get_name (i),
                                      -1);
      gtk_list_box_append (self->format_list, row);
    }
  brief_export_dialog_set_format (self, BRIEF_EXPORT_FORMAT_PDF);

  brief_export_dialog_load_settings (self);
  format_list_selected_rows_changed_cb (self, self->format_list);
}

BriefExportDialog *
brief_export_dialog_new (GtkWindow     *parent,
                         BriefBriefing *briefing,
                         const char    *suggested_name)
{
  BriefExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BRIEF_IS_BRIEFING (briefing), NULL);
  g_return_val_if_fail (suggested_name != NULL, NULL);

  self = g_object_new (BRIEF_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->briefing = g_object_ref (briefing);
  self->suggested_name = g_strdup (suggested_name);

  return self;
}

gboolean
brief_export_dialog_get_busy (BriefExportDialog *self)
{
  g_return_val_if_fail (BRIEF_IS_EXPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}
