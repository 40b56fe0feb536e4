/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving never loses work: whatever fails (a read-only folder, a full disk,
 * a file another program changed, a path that cannot be a file, a save
 * killed half-way), the file on disk is the old briefing or the new one,
 * whole, and the caller gets an error to show.
 *
 * Read-only folders and full disks need mounts: the program enters a private
 * mount namespace first thing (as root, or through a user namespace when
 * unprivileged ones are allowed) and mounts small tmpfs there; those cases
 * are skipped when neither is possible. */
#define _GNU_SOURCE  /* unshare () */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "brief-analysis.h"
#include "brief-briefing-file.h"
#include "brief-briefing.h"

static gboolean can_mount;
static const char *no_mount_reason = "not tried";
static BriefDateTagger *tagger;

/* ---- Mount namespace, before any thread exists ---- */

static gboolean
write_proc_file (const char *path,
                 const char *text)
{
  int fd = open (path, O_WRONLY);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = write (fd, text, strlen (text)) == (ssize_t) strlen (text);
  close (fd);
  return ok;
}

static void
enter_mount_namespace (void)
{
  uid_t uid = getuid ();
  gid_t gid = getgid ();

  if (geteuid () == 0)
    {
      if (unshare (CLONE_NEWNS) != 0)
        {
          no_mount_reason = "unshare (CLONE_NEWNS) is not allowed here";
          return;
        }
    }
  else
    {
      char map[64];

      if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0)
        {
          no_mount_reason = "unprivileged user namespaces are not allowed here";
          return;
        }
      write_proc_file ("/proc/self/setgroups", "deny");
      g_snprintf (map, sizeof map, "0 %u 1", (guint) uid);
      write_proc_file ("/proc/self/uid_map", map);
      g_snprintf (map, sizeof map, "0 %u 1", (guint) gid);
      write_proc_file ("/proc/self/gid_map", map);
    }
  /* Nothing mounted here may leak out to the rest of the machine. */
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    {
      no_mount_reason = "cannot make the mounts private";
      return;
    }
  can_mount = TRUE;
}

/* Mounts a tmpfs of @size bytes on @dir; FALSE (the test is skipped) when
 * mounting is impossible here. */
static gboolean
mount_tmpfs (const char *dir,
             gsize       size,
             gboolean    read_only)
{
  g_autofree char *options = g_strdup_printf ("size=%zu,mode=0755", size);

  if (!can_mount)
    {
      g_test_skip (no_mount_reason);
      return FALSE;
    }
  if (mount ("briefing-test", dir, "tmpfs", read_only ? MS_RDONLY : 0, options) != 0)
    {
      g_autofree char *reason = g_strdup_printf ("cannot mount a tmpfs: %s", g_strerror (errno));
      g_test_skip (reason);
      return FALSE;
    }
  return TRUE;
}

/* ---- Briefings ---- */

/* A briefing of one analysed article, and notes that make its file about
 * @size bytes. */
static BriefBriefing *
make_briefing (const char *title,
               gsize       size)
{
  BriefBriefing *briefing = brief_briefing_new ();
  g_autoptr(BriefArticle) article = brief_article_new ();
  g_autoptr(BriefAnalysis) analysis = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);

  brief_article_set_plain_text (article, "Barrier vote\n\n"
                                "The council voted on 5 May 2023 to build the barrier.\n");
  brief_article_set_published (article, "2023-09-05");
  analysis = brief_analysis_run (tagger, brief_article_get_text (article), "2023-09-05",
                                 BRIEF_DOCUMENT_NEWS);
  brief_briefing_add_article (briefing, article, analysis);
  brief_briefing_edit_text (briefing, "title", title);
  while (notes->len < size)
    g_string_append (notes, "Ask the council about the barrier's budget. ");
  brief_briefing_edit_text (briefing, "notes", notes->str);
  return briefing;
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Saves @briefing to @path and waits; returns the new etag or NULL with
 * @error set. */
static char *
save (BriefBriefing *briefing,
      const char    *path,
      const char    *etag,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  brief_briefing_save_async (briefing, file, etag, cancellable, save_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return brief_briefing_save_finish (briefing, result, error);
}

/* The title of the briefing in @path, or NULL when it does not load. */
static char *
load_title (const char *path,
            char      **out_etag)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BriefBriefing) briefing = brief_briefing_load (file, NULL, out_etag, &error);

  if (briefing == NULL)
    {
      g_test_message ("%s does not load: %s", path, error->message);
      return NULL;
    }
  return g_strdup (brief_briefing_get_title (briefing));
}

static void
assert_title (const char *path,
              const char *title)
{
  g_autofree char *found = load_title (path, NULL);

  g_assert_cmpstr (found, ==, title);
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("briefing-save-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Names in @dir besides @expected (temporary files left behind). */
static guint
count_strays (const char         *dir,
              const char * const *expected)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (!g_strv_contains (expected, name))
      {
        g_test_message ("left behind: %s", name);
        n++;
      }
  return n;
}

/* ---- Cases ---- */

static void
test_save_and_backup (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "work.briefing", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(BriefBriefing) first = make_briefing ("First", 200);
  g_autoptr(BriefBriefing) second = make_briefing ("Second", 200);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *etag2 = NULL;
  const char * const expected[] = { "work.briefing", "work.briefing~", NULL };

  etag = save (first, path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (etag);
  assert_title (path, "First");

  etag2 = save (second, path, etag, NULL, &error);
  g_assert_no_error (error);
  assert_title (path, "Second");
  /* The old version is kept beside it. */
  assert_title (backup, "First");
  g_assert_cmpuint (count_strays (dir, expected), ==, 0);
}

/* Another program rewrote the file since it was loaded: saving must refuse
 * and leave that program's file as it is. */
static void
test_changed_by_another_program (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "work.briefing", NULL);
  g_autoptr(BriefBriefing) ours = make_briefing ("Ours", 200);
  g_autoptr(BriefBriefing) theirs = make_briefing ("Theirs", 200);
  g_autoptr(BriefBriefing) edited = make_briefing ("Ours, edited", 200);
  g_autoptr(GBytes) their_bytes = brief_briefing_serialize (theirs);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *loaded_etag = NULL;
  g_autofree char *result = NULL;
  g_autofree char *title = NULL;
  struct timeval later[2];

  etag = save (ours, path, NULL, NULL, &error);
  g_assert_no_error (error);
  title = load_title (path, &loaded_etag);
  g_assert_cmpstr (title, ==, "Ours");
  g_assert_cmpstr (loaded_etag, ==, etag);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (their_bytes, NULL),
                                      g_bytes_get_size (their_bytes), NULL));
  /* A second later, whatever the clock's resolution. */
  later[0].tv_sec = later[1].tv_sec = time (NULL) + 10;
  later[0].tv_usec = later[1].tv_usec = 0;
  g_assert_cmpint (utimes (path, later), ==, 0);

  result = save (edited, path, loaded_etag, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_test_message ("changed by another program: %s", error->message);
  assert_title (path, "Theirs");
  /* The briefing is still unsaved for its window to offer a choice. */
  g_assert_true (brief_briefing_get_modified (edited));
}

static void
test_not_a_folder (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *plain = g_build_filename (dir, "plain.txt", NULL);
  g_autofree char *under_file = g_build_filename (plain, "work.briefing", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.briefing", NULL);
  g_autofree char *inside = g_build_filename (folder, "keep.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "folder", "work.briefing", NULL);
  g_autoptr(BriefBriefing) briefing = make_briefing ("Work", 200);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (plain, "plain", -1, NULL));
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "keep", -1, NULL));

  /* A path under a file (ENOTDIR). */
  etag = save (briefing, under_file, NULL, NULL, &error);
  g_assert_null (etag);
  g_assert_nonnull (error);
  g_test_message ("under a file: %s", error->message);
  g_assert_true (g_file_get_contents (plain, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "plain");
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);

  /* The target is a folder. */
  etag = save (briefing, folder, NULL, NULL, &error);
  g_assert_null (etag);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_test_message ("a folder: %s", error->message);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_get_contents (inside, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep");
  g_clear_error (&error);

  /* A folder that does not exist. */
  etag = save (briefing, missing, NULL, NULL, &error);
  g_assert_null (etag);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (brief_briefing_get_modified (briefing));
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "work.briefing", NULL);
  g_autoptr(BriefBriefing) old = make_briefing ("Old", 200);
  g_autoptr(BriefBriefing) briefing = make_briefing ("New", 200);
  g_autoptr(GBytes) old_bytes = brief_briefing_serialize (old);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  const char * const expected[] = { "work.briefing", NULL };

  /* The old file, then the folder made read-only by a read-only bind mount
   * (which stops root too; chmod would not). */
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (old_bytes, NULL),
                                      g_bytes_get_size (old_bytes), NULL));
  if (!can_mount)
    {
      g_test_skip (no_mount_reason);
      return;
    }
  if (mount (dir, dir, NULL, MS_BIND, NULL) != 0
      || mount (NULL, dir, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL) != 0)
    {
      g_autofree char *reason = g_strdup_printf ("cannot bind-mount read-only: %s", g_strerror (errno));
      g_test_skip (reason);
      return;
    }

  etag = save (briefing, path, NULL, NULL, &error);
  g_assert_null (etag);
  g_assert_nonnull (error);
  g_test_message ("read-only folder: %s", error->message);
  assert_title (path, "Old");
  g_assert_true (brief_briefing_get_modified (briefing));
  g_assert_cmpuint (count_strays (dir, expected), ==, 0);
  g_assert_cmpint (umount (dir), ==, 0);
  /* The same save works once the folder is writable again. */
  g_clear_error (&error);
  etag = save (briefing, path, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_title (path, "New");
}

static void
test_disk_full (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "work.briefing", NULL);
  g_autoptr(BriefBriefing) small = make_briefing ("Small", 200);
  g_autoptr(BriefBriefing) big = make_briefing ("Big", 2 * 1024 * 1024);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *big_etag = NULL;
  g_autofree char *title = NULL;
  const char * const expected[] = { "work.briefing", "work.briefing~", NULL };

  /* 1 MB: room for the small briefing and its backup, not for the big one. */
  if (!mount_tmpfs (dir, 1024 * 1024, FALSE))
    return;

  etag = save (small, path, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_title (path, "Small");

  big_etag = save (big, path, etag, NULL, &error);
  g_assert_null (big_etag);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_test_message ("disk full: %s", error->message);
  title = load_title (path, NULL);
  g_assert_true (brief_briefing_get_modified (big));
  /* The failed save removed its temporary file and kept the old briefing:
   * GLib's replace closes plainly after a failed write, which would rename
   * a truncated file over the old one, so saving closes with a cancelled
   * GCancellable instead (brief_briefing_save_async). */
  g_assert_cmpstr (title, ==, "Small");
  g_assert_cmpuint (count_strays (dir, expected), ==, 0);

  /* Busy when the failed save still holds its file open: a leak of the
   * save, reported; the mount goes away with the namespace anyway. */
  if (umount (dir) != 0)
    {
      g_test_message ("the full disk stays busy after the failed save: %s", g_strerror (errno));
      umount2 (dir, MNT_DETACH);
    }
}

static void
test_cancelled (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "work.briefing", NULL);
  g_autoptr(BriefBriefing) old = make_briefing ("Old", 200);
  g_autoptr(BriefBriefing) briefing = make_briefing ("New", 200);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *new_etag = NULL;

  etag = save (old, path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  new_etag = save (briefing, path, etag, cancellable, &error);
  g_assert_null (new_etag);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_title (path, "Old");
}

/* ---- Killed while saving ---- */

#define KILL_ROUNDS 100

/* The child: saves two briefings in turn, forever, until it is killed. */
static int
save_loop (const char *path)
{
  g_autoptr(BriefBriefing) a = make_briefing ("Version A", 256 * 1024);
  g_autoptr(BriefBriefing) b = make_briefing ("Version B", 256 * 1024);

  for (guint i = 0;; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *etag = save (i % 2 ? b : a, path, NULL, NULL, &error);

      if (etag == NULL)
        {
          g_printerr ("save failed: %s\n", error->message);
          return 1;
        }
      if (i == 0)
        {
          g_print ("saving\n");
          fflush (stdout);
        }
    }
  return 0;
}

static void
test_killed_while_saving (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "work.briefing", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);
  g_autoptr(BriefBriefing) first = make_briefing ("Version A", 200);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = save (first, path, NULL, NULL, &error);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  g_assert_no_error (error);
  g_assert_nonnull (self);

  for (guint round = 0; round < KILL_ROUNDS; round++)
    {
      const char *argv[] = { self, "--save-loop", path, NULL };
      g_autofree char *title = NULL;
      GPid pid;
      int out_fd;
      char ready[16];
      int status;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);
      /* Once it has saved at least once, at a random moment. */
      g_assert_cmpint (read (out_fd, ready, sizeof ready), >, 0);
      close (out_fd);
      g_usleep (g_rand_int_range (rand, 0, 60000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);

      title = load_title (path, NULL);
      g_assert_nonnull (title);
      g_assert_true (g_str_equal (title, "Version A") || g_str_equal (title, "Version B"));
    }
}

int
main (int    argc,
      char **argv)
{
  int result;

  /* First of all: a mount namespace needs a process without threads. */
  if (argc < 2 || strcmp (argv[1], "--save-loop") != 0)
    enter_mount_namespace ();

  tagger = brief_date_tagger_new ();
  if (argc == 3 && strcmp (argv[1], "--save-loop") == 0)
    return save_loop (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/save/ok/backup", test_save_and_backup);
  g_test_add_func ("/save/fail/changed-by-another-program", test_changed_by_another_program);
  g_test_add_func ("/save/fail/not-a-folder", test_not_a_folder);
  g_test_add_func ("/save/fail/read-only-folder", test_read_only_folder);
  g_test_add_func ("/save/fail/disk-full", test_disk_full);
  g_test_add_func ("/save/fail/cancelled", test_cancelled);
  g_test_add_func ("/save/fail/killed", test_killed_while_saving);

  result = g_test_run ();
  g_clear_object (&tagger);
  return result;
}
