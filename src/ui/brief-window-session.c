/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-window"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-briefing-file.h"
#include "brief-window-private.h"

/* The window's files: New, Open, Save, Save As, recent files, drafts offered
 * back after a crash, asking before losing edits; undo and redo; the title. */

#define BRIEFING_MIME_TYPE "application/x-briefing+json"
#define MAX_RECENT 10

enum {
  RESPONSE_SAVE = 1,
  RESPONSE_DISCARD,
  RESPONSE_SAVE_AS,
  RESPONSE_OVERWRITE,
  RESPONSE_RESTORE,
};

typedef struct
{
  GtkNativeDialog *save_dialog;
  GtkWindow       *question;
  GPtrArray       *drafts;            /* GFile, offered back */
  gboolean         close_after_save;
  gboolean         close_confirmed;
  gboolean         saving;
} Session;

typedef void (*AnswerFunc) (BriefWindow *self,
                            int          response);

static GQuark session_quark;

static void brief_window_save_as (BriefWindow *self);

static void
session_free (gpointer data)
{
  Session *session = data;

  if (session->save_dialog != NULL)
    gtk_native_dialog_destroy (session->save_dialog);
  g_clear_object (&session->save_dialog);
  if (session->question != NULL)
    gtk_window_destroy (session->question);
  g_clear_pointer (&session->drafts, g_ptr_array_unref);
  g_free (session);
}

static Session *
get_session (BriefWindow *self)
{
  return g_object_get_qdata (G_OBJECT (self), session_quark);
}

gboolean
_brief_window_is_project_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && g_str_has_suffix (name, ".briefing");
}

static char *
dup_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return g_filename_display_basename (path);
  return g_file_get_parse_name (file);
}

/* ---------------------------------------------------------------- questions */

static void
question_response_cb (BriefWindow *self,
                      int          response,
                      GtkDialog   *dialog)
{
  Session *session = get_session (self);
  AnswerFunc func = g_object_get_data (G_OBJECT (dialog), "answer-func");

  if (session != NULL && session->question == GTK_WINDOW (dialog))
    session->question = NULL;
  /* The answer may close this window, and the dialog outlives it until its
   * response signal returns: let go of the parent now, or the dialog would
   * disconnect from a finalized window when it goes. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (func != NULL)
    func (self, response);
}

/* Asks with buttons given as label, response, style class (may be NULL)
 * triples ended by NULL; the last button is the default. */
static void
ask (BriefWindow *self,
     const char  *primary,
     const char  *secondary,
     AnswerFunc   func,
     const char  *first_label,
     ...)
{
  Session *session = get_session (self);
  GtkWidget *dialog;
  GtkWidget *button = NULL;
  const char *label = first_label;
  int last_response = GTK_RESPONSE_CANCEL;
  va_list args;

  if (session->question != NULL)
    gtk_window_destroy (session->question);

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   "%s", primary);
  if (secondary != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);

  va_start (args, first_label);
  while (label != NULL)
    {
      int response = va_arg (args, int);
      const char *style = va_arg (args, const char *);

      button = gtk_dialog_add_button (GTK_DIALOG (dialog), label, response);
      if (style != NULL)
        gtk_widget_add_css_class (button, style);
      last_response = response;
      label = va_arg (args, const char *);
    }
  va_end (args);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), last_response);

  g_object_set_data (G_OBJECT (dialog), "answer-func", func);
  g_signal_connect_object (dialog, "response", G_CALLBACK (question_response_cb), self,
                           G_CONNECT_SWAPPED);
  session->question = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* An error the user must read before going on, with Save As as a way out. */
static void
tell (BriefWindow *self,
      const char  *primary,
      const char  *secondary,
      AnswerFunc   func,
      gboolean     offer_save_as)
{
  if (offer_save_as)
    ask (self, primary, secondary, func,
         _("_Cancel"), GTK_RESPONSE_CANCEL, NULL,
         _("Save _As…"), RESPONSE_SAVE_AS, "suggested-action",
         NULL);
  else
    ask (self, primary, secondary, func,
         _("_Close"), GTK_RESPONSE_CLOSE, NULL,
         NULL);
}

/* ---------------------------------------------------------------- title */

static void
brief_window_update_title (BriefWindow *self)
{
  BriefDocument *document = _brief_window_get_document (self);
  GtkLabel *label;
  g_autofree char *name = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *title = NULL;
  gboolean modified;

  if (document == NULL)
    return;

  name = brief_document_dup_display_name (document);
  modified = brief_briefing_get_modified (brief_document_get_briefing (document));
  /* The unsaved mark goes before the name, where it is seen. */
  shown = modified ? g_strconcat ("• ", name, NULL) : g_strdup (name);
  /* Translators: the window title: a file name, then the application */
  title = g_strdup_printf (_("%s — Briefing"), shown);
  gtk_window_set_title (GTK_WINDOW (self), title);

  label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (self), BRIEF_TYPE_WINDOW, "title_label"));
  if (label != NULL)
    {
      const char *tooltip = modified ? _("This briefing has unsaved changes") : NULL;

      gtk_label_set_text (label, shown);
      /* Setting a tooltip asks the display where the pointer is; every
       * article an import adds comes here with the same one. */
      if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (label)), tooltip) != 0)
        gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
    }
}

/* ---------------------------------------------------------------- undo */

/* Whether @section's item @index is labelled @label already. */
static gboolean
menu_item_has_label (GMenuModel *section,
                     int         index,
                     const char *label)
{
  g_autofree char *current = NULL;

  if (index >= g_menu_model_get_n_items (section)
      || !g_menu_model_get_item_attribute (section, index, G_MENU_ATTRIBUTE_LABEL, "s", &current))
    return FALSE;
  return g_strcmp0 (current, label) == 0;
}

static void
brief_window_update_history (BriefWindow *self)
{
  BriefDocument *document = _brief_window_get_document (self);
  BriefHistory *history;
  GMenu *section;
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;
  const char *label;

  if (document == NULL)
    return;

  history = brief_briefing_get_history (brief_document_get_briefing (document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", brief_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", brief_history_get_can_redo (history));

  label = brief_history_get_undo_label (history);
  /* Translators: %s is an edit, as in "Undo Hide Event" */
  undo = label != NULL ? g_strdup_printf (_("_Undo %s"), label) : g_strdup (_("_Undo"));
  label = brief_history_get_redo_label (history);
  /* Translators: %s is an edit, as in "Redo Hide Event" */
  redo = label != NULL ? g_strdup_printf (_("_Redo %s"), label) : g_strdup (_("_Redo"));

  section = G_MENU (gtk_widget_get_template_child (GTK_WIDGET (self), BRIEF_TYPE_WINDOW, "edit_section"));
  /* A changed menu makes its popover build its items again: every article
   * an import adds comes here, mostly with the same labels. */
  if (section != NULL
      && !(g_menu_model_get_n_items (G_MENU_MODEL (section)) == 2
           && menu_item_has_label (G_MENU_MODEL (section), 0, undo)
           && menu_item_has_label (G_MENU_MODEL (section), 1, redo)))
    {
      g_menu_remove_all (section);
      g_menu_append (section, undo, "win.undo");
      g_menu_append (section, redo, "win.redo");
    }
}

static void
briefing_changed_cb (BriefWindow   *self,
                     BriefBriefing *briefing)
{
  brief_window_update_history (self);
  brief_window_update_title (self);
}

static void
notify_cb (BriefWindow *self,
           GParamSpec  *pspec,
           GObject     *object)
{
  brief_window_update_history (self);
  brief_window_update_title (self);
}

void
_brief_window_session_document_set (BriefWindow *self)
{
  BriefDocument *document = _brief_window_get_document (self);
  BriefBriefing *briefing = brief_document_get_briefing (document);

  g_signal_connect_object (document, "notify::file", G_CALLBACK (notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (briefing, "notify::modified", G_CALLBACK (notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (briefing, "notify::title", G_CALLBACK (notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (briefing, "changed", G_CALLBACK (briefing_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (brief_briefing_get_history (briefing), "notify", G_CALLBACK (notify_cb), self,
                           G_CONNECT_SWAPPED);
  brief_window_update_history (self);
  brief_window_update_title (self);
}

static void
brief_window_undo_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BriefWindow *self = BRIEF_WINDOW (widget);
  BriefBriefing *briefing = brief_document_get_briefing (_brief_window_get_document (self));
  BriefHistory *history = brief_briefing_get_history (briefing);

  if (g_str_equal (action_name, "win.undo"))
    brief_history_undo (history);
  else
    brief_history_redo (history);
  brief_window_update_history (self);
}

/* ---------------------------------------------------------------- recent */

static void
brief_window_add_recent (BriefWindow *self,
                         GFile       *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) BRIEFING_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "briefing %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static int
compare_recent_cb (gconstpointer a,
                   gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;
  GDateTime *ta = gtk_recent_info_get_modified (info_a);
  GDateTime *tb = gtk_recent_info_get_modified (info_b);

  return -g_date_time_compare (ta, tb);
}

static void
recent_manager_changed_cb (BriefWindow      *self,
                           GtkRecentManager *manager)
{
  GMenu *menu = G_MENU (gtk_widget_get_template_child (GTK_WIDGET (self), BRIEF_TYPE_WINDOW, "recent_menu"));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *list;

  if (menu == NULL)
    return;

  list = gtk_recent_manager_get_items (manager);
  for (GList *l = list; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_str_has_suffix (gtk_recent_info_get_uri (info), ".briefing"))
        g_ptr_array_add (items, gtk_recent_info_ref (info));
    }
  g_list_free_full (list, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (items, compare_recent_cb);

  g_menu_remove_all (menu);
  for (guint i = 0; i < items->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (items, i);
      g_autoptr(GMenuItem) item = NULL;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (menu, item);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-recent", items->len > 0);
}

static void
brief_window_open_recent_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  BriefWindow *self = BRIEF_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  _brief_window_open_project (self, file);
}

/* ---------------------------------------------------------------- open */

static BriefWindow *
find_window_of (GFile *file)
{
  GApplication *application = g_application_get_default ();

  if (!GTK_IS_APPLICATION (application))
    return NULL;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL; l = l->next)
    {
      BriefDocument *document;

      if (!BRIEF_IS_WINDOW (l->data))
        continue;
      document = _brief_window_get_document (l->data);
      if (document != NULL && brief_document_get_file (document) != NULL &&
          g_file_equal (brief_document_get_file (document), file))
        return l->data;
    }
  return NULL;
}

static void
project_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(BriefWindow) self = user_data;
  g_autoptr(BriefDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file = g_object_get_data (G_OBJECT (self), "loading-file");

  document = brief_document_load_finish (result, &error);
  if (document == NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *primary = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      name = file != NULL ? dup_display_name (file) : g_strdup ("");
      /* Translators: %s is a file name */
      primary = g_strdup_printf (_("Could not open “%s”"), name);
      /* Damaged or newer files: the message says which; nothing is lost. */
      tell (self, primary, error->message, NULL, FALSE);
      return;
    }

  _brief_window_set_document (self, document);
  brief_window_add_recent (self, brief_document_get_file (document));
}

void
_brief_window_open_project (BriefWindow *self,
                            GFile       *file)
{
  BriefWindow *target = find_window_of (file);

  g_return_if_fail (BRIEF_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (target != NULL)
    {
      gtk_window_present (GTK_WINDOW (target));
      return;
    }

  target = self;
  if (!brief_document_is_empty (_brief_window_get_document (self)))
    {
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

      target = brief_window_new (BRIEF_APPLICATION (application));
      gtk_window_present (GTK_WINDOW (target));
    }

  /* The file name stays with the window, for the error message. */
  g_object_set_data_full (G_OBJECT (target), "loading-file", g_object_ref (file), g_object_unref);
  brief_document_load_async (file, _brief_window_get_cancellable (target),
                             project_loaded_cb, g_object_ref (target));
}

/* ---------------------------------------------------------------- save */

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data);

static void
save_answer_cb (BriefWindow *self,
                int          response)
{
  Session *session = get_session (self);

  switch (response)
    {
    case RESPONSE_OVERWRITE:
      session->saving = TRUE;
      brief_document_save_async (_brief_window_get_document (self), NULL, TRUE,
                                 _brief_window_get_cancellable (self), saved_cb, g_object_ref (self));
      break;
    case RESPONSE_SAVE_AS:
      brief_window_save_as (self);
      break;
    default:
      session->close_after_save = FALSE;
      break;
    }
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  BriefDocument *document = BRIEF_DOCUMENT (object);
  g_autoptr(BriefWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  Session *session = get_session (self);
  g_autofree char *name = NULL;
  g_autofree char *primary = NULL;

  if (session == NULL)
    return;
  session->saving = FALSE;

  if (brief_document_save_finish (document, result, &error))
    {
      brief_window_add_recent (self, brief_document_get_file (document));
      brief_window_update_title (self);
      if (session->close_after_save && !brief_briefing_get_modified (brief_document_get_briefing (document)))
        {
          session->close_confirmed = TRUE;
          gtk_window_close (GTK_WINDOW (self));
        }
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  name = g_object_get_data (G_OBJECT (self), "saving-name")
         ? g_strdup (g_object_get_data (G_OBJECT (self), "saving-name"))
         : brief_document_dup_display_name (document);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    {
      primary = g_strdup_printf (_("“%s” was changed by someone else"), name);
      ask (self, primary,
           _("The file changed since you opened or saved it. Replace it with your "
             "version, or save yours under another name?"),
           save_answer_cb,
           _("_Cancel"), GTK_RESPONSE_CANCEL, NULL,
           _("Save _As…"), RESPONSE_SAVE_AS, NULL,
           _("_Overwrite"), RESPONSE_OVERWRITE, "destructive-action",
           NULL);
      return;
    }

  /* Read-only places, full disks, vanished folders: the edits are still
   * here, and Save As finds another place. */
  primary = g_strdup_printf (_("Could not save “%s”"), name);
  tell (self, primary, error->message, save_answer_cb, TRUE);
}

static void
brief_window_save_to (BriefWindow *self,
                      GFile       *file)
{
  Session *session = get_session (self);
  BriefDocument *document = _brief_window_get_document (self);

  if (session->saving)
    return;
  session->saving = TRUE;
  g_object_set_data_full (G_OBJECT (self), "saving-name",
                          dup_display_name (file != NULL ? file : brief_document_get_file (document)),
                          g_free);
  brief_document_save_async (document, file, FALSE, _brief_window_get_cancellable (self),
                             saved_cb, g_object_ref (self));
}

static void
save_dialog_response_cb (BriefWindow     *self,
                         int              response,
                         GtkNativeDialog *dialog)
{
  Session *session = get_session (self);
  g_autoptr(GtkNativeDialog) owned = g_steal_pointer (&session->save_dialog);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        brief_window_save_to (self, file);
    }
  else
    {
      session->close_after_save = FALSE;
    }
  gtk_native_dialog_destroy (dialog);
}

static char *
suggested_name (BriefDocument *document)
{
  g_autofree char *title = g_strstrip (g_strdup (brief_briefing_get_title (brief_document_get_briefing (document))));

  if (*title == '\0')
    {
      g_free (title);
      title = g_strdup (_("Briefing"));
    }
  g_strdelimit (title, "/\\:*?\"<>|\n\r\t", '-');
  if (g_utf8_strlen (title, -1) > 60)
    *g_utf8_offset_to_pointer (title, 60) = '\0';
  g_strchomp (title);
  return g_strconcat (title, ".briefing", NULL);
}

static void
brief_window_save_as (BriefWindow *self)
{
  Session *session = get_session (self);
  BriefDocument *document = _brief_window_get_document (self);
  g_autoptr(GtkFileChooserNative) native = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  GFile *file = brief_document_get_file (document);

  if (session->save_dialog != NULL)
    {
      gtk_native_dialog_show (session->save_dialog);
      return;
    }

  native = gtk_file_chooser_native_new (_("Save Briefing"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Briefings"));
  gtk_file_filter_add_mime_type (filter, BRIEFING_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "briefing");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  if (file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
      name = dup_display_name (file);
    }
  else
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

      if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GFile) folder = g_file_new_for_path (documents);

          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
        }
      name = suggested_name (document);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect_object (native, "response", G_CALLBACK (save_dialog_response_cb), self,
                           G_CONNECT_SWAPPED);
  session->save_dialog = GTK_NATIVE_DIALOG (g_steal_pointer (&native));
  gtk_native_dialog_show (session->save_dialog);
}

static void
brief_window_save (BriefWindow *self)
{
  if (brief_document_get_file (_brief_window_get_document (self)) == NULL)
    brief_window_save_as (self);
  else
    brief_window_save_to (self, NULL);
}

static void
brief_window_save_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BriefWindow *self = BRIEF_WINDOW (widget);

  if (g_str_equal (action_name, "win.save-as"))
    brief_window_save_as (self);
  else
    brief_window_save (self);
}

static void
brief_window_new_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BriefWindow *self = BRIEF_WINDOW (widget);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  /* An empty window is already a new briefing. */
  if (application == NULL || brief_document_is_empty (_brief_window_get_document (self)))
    return;
  gtk_window_present (GTK_WINDOW (brief_window_new (BRIEF_APPLICATION (application))));
}

/* ---------------------------------------------------------------- closing */

static void
close_answer_cb (BriefWindow *self,
                 int          response)
{
  Session *session = get_session (self);

  switch (response)
    {
    case RESPONSE_SAVE:
      session->close_after_save = TRUE;
      brief_window_save (self);
      break;
    case RESPONSE_DISCARD:
      session->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;
    default:
      break;
    }
}

gboolean
_brief_window_session_close_request (BriefWindow *self)
{
  Session *session = get_session (self);
  BriefDocument *document = _brief_window_get_document (self);
  g_autofree char *name = NULL;
  g_autofree char *primary = NULL;

  if (document == NULL)
    return FALSE;

  if (!session->close_confirmed && brief_briefing_get_modified (brief_document_get_briefing (document)))
    {
      gtk_window_present (GTK_WINDOW (self));
      name = brief_document_dup_display_name (document);
      primary = g_strdup_printf (_("Save changes to “%s” before closing?"), name);
      ask (self, primary, _("If you don’t save, your changes will be lost."),
           close_answer_cb,
           _("_Cancel"), GTK_RESPONSE_CANCEL, NULL,
           _("_Discard"), RESPONSE_DISCARD, "destructive-action",
           _("_Save"), RESPONSE_SAVE, "suggested-action",
           NULL);
      return TRUE;
    }

  /* A clean close: the draft has nothing left to keep. */
  brief_document_discard_draft (document);
  return FALSE;
}

/* ---------------------------------------------------------------- drafts */

static void
draft_restored_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(BriefWindow) self = user_data;
  g_autoptr(BriefDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = brief_document_restore_draft_finish (result, &error);
  if (document == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tell (self, _("Could not restore a draft"), error->message, NULL, FALSE);
      return;
    }
  _brief_window_set_document (self, document);
}

static void
drafts_answer_cb (BriefWindow *self,
                  int          response)
{
  Session *session = get_session (self);
  g_autoptr(GPtrArray) drafts = g_steal_pointer (&session->drafts);

  if (drafts == NULL)
    return;

  for (guint i = 0; i < drafts->len; i++)
    {
      GFile *draft = g_ptr_array_index (drafts, i);

      if (response == RESPONSE_RESTORE)
        {
          BriefWindow *target = self;

          if (!brief_document_is_empty (_brief_window_get_document (self)) || i > 0)
            {
              target = brief_window_new (BRIEF_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
              gtk_window_present (GTK_WINDOW (target));
            }
          brief_document_restore_draft_async (draft, _brief_window_get_cancellable (target),
                                              draft_restored_cb, g_object_ref (target));
        }
      else if (response == RESPONSE_DISCARD)
        {
          g_autofree char *backup_path = g_strconcat (g_file_peek_path (draft), "~", NULL);
          g_autoptr(GFile) backup = g_file_new_for_path (backup_path);

          g_file_delete_async (draft, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
          g_file_delete_async (backup, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
        }
      /* Cancel keeps them for the next start. */
    }
}

static void
drafts_found_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BriefWindow) self = user_data;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  Session *session = get_session (self);
  g_autofree char *primary = NULL;

  drafts = brief_document_find_drafts_finish (result, &error);
  if (drafts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not look for drafts: %s", error->message);
      return;
    }
  if (drafts->len == 0 || session == NULL)
    return;

  session->drafts = g_steal_pointer (&drafts);
  primary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Restore an unsaved briefing?",
                                          "Restore %u unsaved briefings?",
                                          session->drafts->len),
                             session->drafts->len);
  ask (self, primary,
       _("Briefing did not close properly last time. Your unsaved work was kept as a draft."),
       drafts_answer_cb,
       _("_Later"), GTK_RESPONSE_CANCEL, NULL,
       _("_Discard"), RESPONSE_DISCARD, "destructive-action",
       _("_Restore"), RESPONSE_RESTORE, "suggested-action",
       NULL);
}

void
brief_window_offer_drafts (BriefWindow *self)
{
  g_return_if_fail (BRIEF_IS_WINDOW (self));

  brief_document_find_drafts_async (_brief_window_get_cancellable (self), drafts_found_cb,
                                    g_object_ref (self));
}

/* ---------------------------------------------------------------- setup */

void
_brief_window_session_class_init (GtkWidgetClass *widget_class)
{
  session_quark = g_quark_from_static_string ("brief-window-session");

  /* Template objects found by name (gtk_widget_get_template_child ()) only. */
  gtk_widget_class_bind_template_child_full (widget_class, "edit_section", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "recent_menu", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "sidebar_stack", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "title_label", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, brief_window_new_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, brief_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, brief_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", brief_window_open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, brief_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, brief_window_undo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
}

void
_brief_window_session_dispose (BriefWindow *self)
{
  g_object_set_qdata (G_OBJECT (self), session_quark, NULL);
}

void
_brief_window_session_init (BriefWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();

  g_object_set_qdata_full (G_OBJECT (self), session_quark, g_new0 (Session, 1), session_free);
  g_signal_connect_object (manager, "changed", G_CALLBACK (recent_manager_changed_cb), self,
                           G_CONNECT_SWAPPED);
  recent_manager_changed_cb (self, manager);
}
