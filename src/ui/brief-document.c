/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-document"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>

#include <glib/gstdio.h>

#include "brief-briefing-file.h"
#include "brief-document.h"

/* Seconds between the last edit and the draft written for it. */

struct _BriefDocument
{
  GObject        parent_instance;

  BriefBriefing *briefing;
  GFile         *file;
  char          *etag;
  GFile         *draft;
  GCancellable  *cancellable;   /* the drafts' writes */
  guint          autosave_id;
  guint          change_serial;
  guint          draft_serial;  /* the change the draft being written holds */
  gboolean       draft_saving;
  gboolean       draft_exists;
};

G_DEFINE_FINAL_TYPE (BriefDocument, brief_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BRIEFING,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void brief_document_write_draft (BriefDocument *self);

GFile *
brief_document_get_drafts_dir (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "briefing", "drafts", NULL);
}

static guint
autosave_delay (void)
{
  const char *env = g_getenv ("BRIEF_AUTOSAVE_SECONDS");
  guint64 value;

  g_autoptr(GSettings) settings = NULL;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, 3600, &value, NULL))
    return (guint) value;

  /* Read at each edit, so a change in Preferences applies at once. */
  settings = g_settings_new ("io.github.briefingdesk.Briefing");
  return MAX (g_settings_get_int (settings, "autosave-interval"), 1);
}

static gboolean
autosave_timeout_cb (gpointer user_data)
{
  BriefDocument *self = user_data;

  self->autosave_id = 0;
  brief_document_write_draft (self);
  return G_SOURCE_REMOVE;
}

static void
briefing_changed_cb (BriefDocument *self,
                     BriefBriefing *briefing)
{
  self->change_serial++;
  if (self->autosave_id == 0)
    self->autosave_id = g_timeout_add_seconds (autosave_delay (), autosave_timeout_cb, self);
}

/* A draft of a briefing that has a file says which, beside it: after a
 * crash the draft reopens as that file, and Save writes there.  The draft
 * itself is an ordinary .briefing file. */
#define ORIGIN_GROUP "Draft"

static GFile *
origin_file_of (GFile *draft)
{
  g_autofree char *path = g_strconcat (g_file_peek_path (draft), ".origin", NULL);

  return g_file_new_for_path (path);
}

/* The key file naming @file and its @etag, or NULL without a file. */
static char *
dup_origin_data (GFile      *file,
                 const char *etag)
{
  g_autoptr(GKeyFile) keys = NULL;
  g_autofree char *uri = NULL;

  if (file == NULL)
    return NULL;
  keys = g_key_file_new ();
  uri = g_file_get_uri (file);
  g_key_file_set_string (keys, ORIGIN_GROUP, "file", uri);
  if (etag != NULL)
    g_key_file_set_string (keys, ORIGIN_GROUP, "etag", etag);
  return g_key_file_to_data (keys, NULL, NULL);
}

typedef struct
{
  GFile *origin;  /* where the origin is written */
  char  *data;    /* what, or NULL to remove it */
} DraftDirData;

static void
draft_dir_data_free (DraftDirData *data)
{
  g_clear_object (&data->origin);
  g_free (data->data);
  g_free (data);
}

static void
make_drafts_dir_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  DraftDirData *data = task_data;
  g_autoptr(GFile) dir = brief_document_get_drafts_dir ();
  const char *path = g_file_peek_path (dir);
  GError *error = NULL;

  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               "%s: %s", path, g_strerror (saved));
      return;
    }
  /* Written first: a draft is never left without the file it belongs to. */
  if (data->data != NULL
      && !g_file_set_contents (g_file_peek_path (data->origin), data->data, -1, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (data->data == NULL)
    g_unlink (g_file_peek_path (data->origin));
  g_task_return_boolean (task, TRUE);
}

static void
draft_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BriefDocument) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  etag = brief_briefing_save_finish (BRIEF_BRIEFING (object), result, &error);
  self->draft_saving = FALSE;
  if (etag == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not write the draft %s: %s", g_file_peek_path (self->draft), error->message);
      return;
    }

  self->draft_exists = TRUE;
  /* Edits made while writing get their own draft. */
  if (self->draft_serial != self->change_serial && self->autosave_id == 0 &&
      brief_briefing_get_modified (self->briefing))
    self->autosave_id = g_timeout_add_seconds (autosave_delay (), autosave_timeout_cb, self);
}

static void
drafts_dir_made_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(BriefDocument) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      self->draft_saving = FALSE;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not make the drafts folder: %s", error->message);
      return;
    }

  /* Saved since the edit that asked for this draft: nothing to keep. */
  if (!brief_briefing_get_modified (self->briefing) || g_cancellable_is_cancelled (self->cancellable))
    {
      self->draft_saving = FALSE;
      return;
    }

  /* The save serialises now, on this thread; remember which change it holds. */
  self->draft_serial = self->change_serial;
  brief_briefing_save_async (self->briefing, self->draft, NULL, self->cancellable,
                             draft_saved_cb, g_object_ref (self));
}

static void
brief_document_write_draft (BriefDocument *self)
{
  g_autoptr(GTask) task = NULL;
  DraftDirData *data;

  if (!brief_briefing_get_modified (self->briefing))
    return;
  if (self->draft_saving)
    {
      /* Try again once the write in progress ends. */
      self->autosave_id = g_timeout_add_seconds (autosave_delay (), autosave_timeout_cb, self);
      return;
    }

  self->draft_saving = TRUE;
  data = g_new0 (DraftDirData, 1);
  data->origin = origin_file_of (self->draft);
  data->data = dup_origin_data (self->file, self->etag);
  task = g_task_new (NULL, self->cancellable, drafts_dir_made_cb, g_object_ref (self));
  g_task_set_source_tag (task, brief_document_write_draft);
  g_task_set_task_data (task, data, (GDestroyNotify) draft_dir_data_free);
  g_task_run_in_thread (task, make_drafts_dir_thread);
}

static void
brief_document_dispose (GObject *object)
{
  BriefDocument *self = BRIEF_DOCUMENT (object);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->briefing != NULL)
    g_signal_handlers_disconnect_by_func (self->briefing, briefing_changed_cb, self);

  G_OBJECT_CLASS (brief_document_parent_class)->dispose (object);
}

static void
brief_document_finalize (GObject *object)
{
  BriefDocument *self = BRIEF_DOCUMENT (object);

  g_clear_object (&self->briefing);
  g_clear_object (&self->file);
  g_clear_pointer (&self->etag, g_free);
  g_clear_object (&self->draft);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (brief_document_parent_class)->finalize (object);
}

static void
brief_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BriefDocument *self = BRIEF_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_BRIEFING:
      g_value_set_object (value, self->briefing);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
brief_document_class_init (BriefDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = brief_document_dispose;
  object_class->finalize = brief_document_finalize;
  object_class->get_property = brief_document_get_property;

  properties[PROP_BRIEFING] =
    g_param_spec_object ("briefing", NULL, NULL, BRIEF_TYPE_BRIEFING,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BriefDocument:file:
   *
   * The file the briefing was opened from or last saved to.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
brief_document_init (BriefDocument *self)
{
  self->cancellable = g_cancellable_new ();
}

static BriefDocument *
document_new (BriefBriefing *briefing,
              GFile         *file,
              const char    *etag,
              GFile         *draft)
{
  BriefDocument *self = g_object_new (BRIEF_TYPE_DOCUMENT, NULL);

  self->briefing = g_object_ref (briefing);
  self->file = file != NULL ? g_object_ref (file) : NULL;
  self->etag = g_strdup (etag);
  if (draft != NULL)
    {
      self->draft = g_object_ref (draft);
      self->draft_exists = TRUE;
    }
  else
    {
      g_autoptr(GFile) dir = brief_document_get_drafts_dir ();
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *name = g_strconcat (uuid, ".briefing", NULL);

      self->draft = g_file_get_child (dir, name);
    }
  g_signal_connect_object (briefing, "changed", G_CALLBACK (briefing_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

BriefDocument *
brief_document_new (BriefBriefing *briefing,
                    GFile         *file,
                    const char    *etag)
{
  g_return_val_if_fail (BRIEF_IS_BRIEFING (briefing), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  return document_new (briefing, file, etag, NULL);
}

BriefBriefing *
brief_document_get_briefing (BriefDocument *self)
{
  g_return_val_if_fail (BRIEF_IS_DOCUMENT (self), NULL);
  return self->briefing;
}

GFile *
brief_document_get_file (BriefDocument *self)
{
  g_return_val_if_fail (BRIEF_IS_DOCUMENT (self), NULL);
  return self->file;
}

const char *
brief_document_get_etag (BriefDocument *self)
{
  g_return_val_if_fail (BRIEF_IS_DOCUMENT (self), NULL);
  return self->etag;
}

GFile *
brief_document_get_draft_file (BriefDocument *self)
{
  g_return_val_if_fail (BRIEF_IS_DOCUMENT (self), NULL);
  return self->draft;
}

char *
brief_document_dup_display_name (BriefDocument *self)
{
  g_return_val_if_fail (BRIEF_IS_DOCUMENT (self), NULL);

  if (self->file != NULL)
    {
      g_autofree char *path = g_file_get_path (self->file);

      if (path != NULL)
        return g_filename_display_basename (path);
      return g_file_get_parse_name (self->file);
    }
  return g_strdup (brief_briefing_get_title (self->briefing));
}

gboolean
brief_document_is_empty (BriefDocument *self)
{
  g_return_val_if_fail (BRIEF_IS_DOCUMENT (self), FALSE);

  return self->file == NULL &&
         !brief_briefing_get_modified (self->briefing) &&
         g_list_model_get_n_items (brief_briefing_get_articles (self->briefing)) == 0;
}

static void
delete_quietly_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_delete_finish (G_FILE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("Could not remove the draft %s: %s", g_file_peek_path (G_FILE (object)), error->message);
}

void
brief_document_discard_draft (BriefDocument *self)
{
  g_autofree char *backup_path = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autoptr(GFile) origin = NULL;

  g_return_if_fail (BRIEF_IS_DOCUMENT (self));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  /* A draft being written is stopped; one already written goes. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->draft_saving = FALSE;

  backup_path = g_strconcat (g_file_peek_path (self->draft), "~", NULL);
  backup = g_file_new_for_path (backup_path);
  /* The application waits for these: they are quick, and a draft left
   * behind would be offered back at the next start. */
  g_file_delete_async (self->draft, G_PRIORITY_DEFAULT, NULL, delete_quietly_cb, NULL);
  g_file_delete_async (backup, G_PRIORITY_DEFAULT, NULL, delete_quietly_cb, NULL);
  origin = origin_file_of (self->draft);
  g_file_delete_async (origin, G_PRIORITY_DEFAULT, NULL, delete_quietly_cb, NULL);
  self->draft_exists = FALSE;
}

typedef struct
{
  GFile *file;
  guint  serial;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

static void
document_saved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BriefDocument *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  GError *error = NULL;
  g_autofree char *etag = NULL;

  etag = brief_briefing_save_finish (BRIEF_BRIEFING (object), result, &error);
  if (etag == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_free (self->etag);
  self->etag = g_steal_pointer (&etag);
  if (g_set_object (&self->file, data->file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);

  /* Edits made while writing are still unsaved, and their draft stays. */
  if (data->serial == self->change_serial)
    {
      brief_briefing_set_modified (self->briefing, FALSE);
      brief_document_discard_draft (self);
    }
  g_task_return_boolean (task, TRUE);
}

void
brief_document_save_async (BriefDocument       *self,
                           GFile               *file,
                           gboolean             overwrite,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;
  const char *etag = NULL;

  g_return_if_fail (BRIEF_IS_DOCUMENT (self));
  g_return_if_fail (file != NULL || self->file != NULL);

  if (file == NULL)
    file = self->file;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, brief_document_save_async);
  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->serial = self->change_serial;
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  /* Another file was chosen in the save dialog, which asked before replacing
   * it; our own file must be as we left it. */
  if (!overwrite && self->file != NULL && g_file_equal (file, self->file))
    etag = self->etag;

  brief_briefing_save_async (self->briefing, file, etag, cancellable,
                             document_saved_cb, g_steal_pointer (&task));
}

gboolean
brief_document_save_finish (BriefDocument  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (BRIEF_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  GFile    *file;
  gboolean  is_draft;
  GFile    *origin;       /* a draft's own file, or NULL */
  char     *origin_etag;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->origin);
  g_free (data->origin_etag);
  g_free (data);
}

static void
document_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(BriefBriefing) briefing = NULL;
  g_autofree char *etag = NULL;
  GError *error = NULL;

  briefing = brief_briefing_load_finish (result, &etag, &error);
  if (briefing == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (data->is_draft)
    {
      /* Unsaved work: it keeps its draft until saved, to its own file
       * when it had one. */
      brief_briefing_set_modified (briefing, TRUE);
      g_task_return_pointer (task, document_new (briefing, data->origin, data->origin_etag, data->file),
                             g_object_unref);
    }
  else
    {
      g_task_return_pointer (task, document_new (briefing, data->file, etag, NULL), g_object_unref);
    }
}

/* A draft without an origin (a briefing never saved, or a draft of an
 * older version) restores as a new briefing. */
static void
origin_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *contents = NULL;
  g_autofree char *uri = NULL;
  gsize length;

  if (g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, NULL)
      && g_key_file_load_from_data (keys, contents, length, G_KEY_FILE_NONE, NULL)
      && (uri = g_key_file_get_string (keys, ORIGIN_GROUP, "file", NULL)) != NULL)
    {
      data->origin = g_file_new_for_uri (uri);
      data->origin_etag = g_key_file_get_string (keys, ORIGIN_GROUP, "etag", NULL);
    }
  brief_briefing_load_async (data->file, g_task_get_cancellable (task), document_loaded_cb, task);
}

static void
load_async (GFile               *file,
            gboolean             is_draft,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->is_draft = is_draft;
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  if (is_draft)
    {
      g_autoptr(GFile) origin = origin_file_of (file);

      g_file_load_contents_async (origin, cancellable, origin_loaded_cb, task);
      return;
    }
  brief_briefing_load_async (file, cancellable, document_loaded_cb, task);
}

void
brief_document_load_async (GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  load_async (file, FALSE, brief_document_load_async, cancellable, callback, user_data);
}

BriefDocument *
brief_document_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
brief_document_restore_draft_async (GFile               *draft,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  load_async (draft, TRUE, brief_document_restore_draft_async, cancellable, callback, user_data);
}

BriefDocument *
brief_document_restore_draft_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static int
compare_mtime_cb (gconstpointer a,
                  gconstpointer b)
{
  GFileInfo *info_a = *(GFileInfo **) a;
  GFileInfo *info_b = *(GFileInfo **) b;
  guint64 ta = g_file_info_get_attribute_uint64 (info_a, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  guint64 tb = g_file_info_get_attribute_uint64 (info_b, G_FILE_ATTRIBUTE_TIME_MODIFIED);

  return ta < tb ? -1 : ta > tb;
}

static void
find_drafts_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  g_autoptr(GFile) dir = brief_document_get_drafts_dir ();
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  enumerator = g_file_enumerate_children (dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                          G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                          G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (enumerator == NULL)
    {
      /* No folder: no draft. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_task_return_pointer (task, g_steal_pointer (&files), (GDestroyNotify) g_ptr_array_unref);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (;;)
    {
      GFileInfo *info = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (info == NULL)
        break;
      if (g_str_has_suffix (g_file_info_get_name (info), ".briefing") && g_file_info_get_size (info) > 0)
        g_ptr_array_add (infos, g_object_ref (info));
    }

  g_ptr_array_sort (infos, compare_mtime_cb);
  for (guint i = 0; i < infos->len; i++)
    g_ptr_array_add (files, g_file_get_child (dir, g_file_info_get_name (g_ptr_array_index (infos, i))));
  g_task_return_pointer (task, g_steal_pointer (&files), (GDestroyNotify) g_ptr_array_unref);
}

void
brief_document_find_drafts_async (GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, brief_document_find_drafts_async);
  g_task_run_in_thread (task, find_drafts_thread);
}

GPtrArray *
brief_document_find_drafts_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
