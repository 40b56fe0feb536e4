/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hostile and broken inputs through the public API: each gives a clear
 * message or a correct result, in bounded time and memory, never a crash.
 * The inputs the fuzzers found live in tests/fixtures/hostile/ and are all
 * replayed; the large ones are made here. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "brief-analysis.h"
#include "brief-briefing-file.h"
#include "brief-briefing.h"
#include "brief-export.h"
#include "brief-importer.h"
#include "brief-json-writer.h"
#include "brief-markdown-writer.h"
#include "brief-timeml-writer.h"

/* Under AddressSanitizer freed memory sits in a quarantine of 256 MB and
 * every byte has shadow memory: resident sizes are reported, not judged,
 * and time limits are ten times as long. */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifdef UNDER_ASAN
#define assert_rss_growth_below(growth, limit) \
  g_test_message ("RSS +%.0f MB (limit %.0f MB without ASan)", (double) (growth), (double) (limit))
#define TIME_FACTOR 10
#else
#define assert_rss_growth_below(growth, limit) g_assert_cmpfloat ((growth), <, (limit))
#define TIME_FACTOR 1
#endif

/* Shared by every test: compiling the word lists takes a moment. */
static BriefDateTagger *tagger;

/* ---- Helpers ---- */

/* The peak resident size of this process so far, in MB. */
static double
max_rss_mb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss / 1024.0;
}

/* The peak resident size (VmHWM) since the last reset_peak_rss (), in MB. */
static double
peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "\nVmHWM:")) == NULL)
    return max_rss_mb ();
  return g_ascii_strtod (line + strlen ("\nVmHWM:"), NULL) / 1024.0;
}

/* Lowers the peak to the present size, so that the next peak is a test's
 * own (Linux's clear_refs; without it, the process's peak so far is a
 * looser bound that still holds). */
static void
reset_peak_rss (void)
{
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

/* Time and peak resident size from bounds_begin() on: every hostile input
 * is judged on both; the limits leave room for a loaded machine. */
typedef struct
{
  gint64 start;
  double rss_mb;
} Bounds;

static Bounds
bounds_begin (void)
{
  reset_peak_rss ();
  return (Bounds) { g_get_monotonic_time (), peak_rss_mb () };
}

static void
assert_bounds (const Bounds *bounds,
               const char   *what,
               double        seconds,
               double        megabytes)
{
  double elapsed = (g_get_monotonic_time () - bounds->start) / (double) G_USEC_PER_SEC;

  g_test_message ("%s: %.2f s, peak RSS +%.0f MB", what, elapsed, peak_rss_mb () - bounds->rss_mb);
  g_assert_cmpfloat (elapsed, <, TIME_FACTOR * seconds);
  assert_rss_growth_below (peak_rss_mb () - bounds->rss_mb, megabytes);
}

/* A message a person can read: present, not a bare code, no format left. */
static void
assert_clear_message (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_null (strstr (error->message, "%"));
}

static void
assert_article_sane (BriefArticle *article)
{
  const char *text = brief_article_get_text (article);
  gsize length;

  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  length = strlen (text);
  if (brief_article_get_title (article) != NULL)
    g_assert_true (g_utf8_validate (brief_article_get_title (article), -1, NULL));
  for (guint i = 0; i < brief_article_get_n_paragraphs (article); i++)
    {
      const BriefParagraph *paragraph = brief_article_get_paragraph (article, i);
      g_assert_true (g_utf8_validate (paragraph->text, -1, NULL));
      g_assert_cmpuint (paragraph->start, <=, length);
    }
}

/* Imports @data as @filename: either articles with valid text, or an error
 * with a clear message.  Returns: (transfer full) (nullable) the articles */
static GPtrArray *
import_checked (const char *data,
                gsize       length,
                const char *filename)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GError) error = NULL;
  GPtrArray *articles = brief_import_bytes (bytes, filename, &error);

  if (articles == NULL)
    {
      assert_clear_message (error);
      g_test_message ("%s: %s", filename ? filename : "(no name)", error->message);
      return NULL;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, >, 0);
  for (guint i = 0; i < articles->len; i++)
    assert_article_sane (g_ptr_array_index (articles, i));
  return articles;
}

/* Runs the analysis over @text and checks every offset it gives. */
static BriefAnalysis *
analyse_checked (const char *text,
                 const char *dct)
{
  BriefAnalysis *analysis = brief_analysis_run (tagger, text, dct, BRIEF_DOCUMENT_NEWS);
  GPtrArray *timexes = brief_analysis_get_timexes (analysis);
  gsize length = strlen (text);

  for (guint i = 0; i < timexes->len; i++)
    {
      BriefTimex *timex = g_ptr_array_index (timexes, i);
      g_assert_cmpuint (timex->byte_start, <=, timex->byte_end);
      g_assert_cmpuint (timex->byte_end, <=, length);
      g_assert_true (g_utf8_validate_len (text + timex->byte_start,
                                          timex->byte_end - timex->byte_start, NULL));
    }
  return analysis;
}

/* The briefing of @articles, written by every writer; the writers' output
 * must be text a reader accepts, and the .briefing file must load again. */
static void
export_checked (GPtrArray *articles)
{
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  g_autoptr(BriefBriefing) loaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;

  for (guint i = 0; i < articles->len; i++)
    {
      BriefArticle *article = g_ptr_array_index (articles, i);
      g_autoptr(BriefAnalysis) analysis = analyse_checked (brief_article_get_text (article),
                                                           brief_article_get_published (article));
      g_autoptr(JsonNode) node = brief_json_from_analysis (article, analysis);
      g_autofree char *json = brief_json_to_string (node, FALSE);
      g_autofree char *timeml = brief_timeml_write ("hostile", brief_analysis_get_text (analysis),
                                                    brief_analysis_get_dct (analysis),
                                                    brief_analysis_get_timexes (analysis));
      g_autoptr(JsonParser) parser = json_parser_new ();

      g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
      g_assert_nonnull (timeml);
      brief_briefing_add_article (briefing, article, analysis);
    }

  markdown = brief_markdown_write (briefing);
  g_assert_true (g_utf8_validate (markdown, -1, NULL));
  saved = brief_briefing_serialize (briefing);
  loaded = brief_briefing_deserialize (saved, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (brief_briefing_get_articles (loaded)), ==,
                    articles->len);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("briefing-hostile-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* ---- The fuzzers' findings ---- */

static void
replay_dir (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) handle = g_dir_open (dir, 0, &error);
  const char *name;
  guint n_files = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;
      gsize length;
      g_autoptr(GPtrArray) articles = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(BriefBriefing) briefing = NULL;
      g_autoptr(GError) load_error = NULL;

      if (g_str_has_suffix (name, ".md") || g_str_has_prefix (name, ".")
          || g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;
      g_test_message ("replaying %s", name);
      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      n_files++;

      /* As the importer gets it: by name, by content, and pasted. */
      articles = import_checked (data, length, name);
      if (articles != NULL)
        export_checked (articles);
      g_clear_pointer (&articles, g_ptr_array_unref);
      articles = import_checked (data, length, NULL);
      g_clear_pointer (&articles, g_ptr_array_unref);
      if (g_utf8_validate_len (data, length, NULL) && memchr (data, '\0', length) == NULL)
        {
          g_autoptr(GError) text_error = NULL;
          articles = brief_import_text (data, "Pasted", &text_error);
          g_assert_true ((articles == NULL) == (text_error != NULL));
          g_clear_pointer (&articles, g_ptr_array_unref);
        }

      /* As a project file, and as text for the analysis. */
      bytes = g_bytes_new (data, length);
      briefing = brief_briefing_deserialize (bytes, &load_error);
      if (briefing == NULL)
        assert_clear_message (load_error);
      else
        {
          g_autofree char *markdown = brief_markdown_write (briefing);
          g_assert_true (g_utf8_validate (markdown, -1, NULL));
        }
      if (g_utf8_validate_len (data, length, NULL) && memchr (data, '\0', length) == NULL)
        g_object_unref (analyse_checked (data, "2023-09-05"));
    }
  g_assert_cmpuint (n_files, >, 0);
}

static void
test_fixtures (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", NULL);

  replay_dir (dir);
}

/* Findings whose fix belongs to another part of the code and is still to
 * come (tests/fixtures/hostile/pending/README.md says where): replayed with
 * BRIEF_TEST_PENDING=1; once fixed, move the file up a level. */
static void
test_pending_fixtures (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", "pending", NULL);

  if (g_getenv ("BRIEF_TEST_PENDING") == NULL)
    {
      g_test_skip ("findings awaiting a fix elsewhere; set BRIEF_TEST_PENDING=1 to replay them");
      return;
    }
  replay_dir (dir);
}

/* ---- XML tricks ---- */

/* Watches @dir for any opening of its files: the proof that a parser never
 * read a file, where a missing marker in the output would only suggest it. */
static int
watch_opens (const char *dir)
{
  int fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (inotify_add_watch (fd, dir, IN_OPEN | IN_ACCESS), >=, 0);
  return fd;
}

static guint
count_opens (int fd)
{
  char buffer[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  guint n = 0;
  ssize_t length;

  while ((length = read (fd, buffer, sizeof buffer)) > 0)
    for (char *p = buffer; p < buffer + length;)
      {
        struct inotify_event *event = (struct inotify_event *) p;
        g_test_message ("opened: %s", event->len > 0 ? event->name : "?");
        n++;
        p += sizeof (struct inotify_event) + event->len;
      }
  return n;
}

static void
assert_no_secret (GPtrArray  *articles,
                  const char *secret)
{
  for (guint i = 0; articles != NULL && i < articles->len; i++)
    {
      BriefArticle *article = g_ptr_array_index (articles, i);
      g_assert_null (strstr (brief_article_get_text (article), secret));
      g_assert_null (strstr (brief_article_get_title (article) ? brief_article_get_title (article) : "", secret));
    }
}

static void
test_xxe (void)
{
  static const char secret[] = "TOP-SECRET-7f3a9c";
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *secret_path = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *dtd_path = g_build_filename (dir, "evil.dtd", NULL);
  g_autofree char *dtd = NULL;
  g_autofree char *rss = NULL;
  g_autofree char *atom = NULL;
  g_autofree char *rss_dtd = NULL;
  g_autofree char *html = NULL;
  const char *inputs[4][2];
  int fd;

  g_assert_true (g_file_set_contents (secret_path, secret, -1, NULL));
  dtd = g_strdup_printf ("<!ENTITY %% file SYSTEM \"file://%s\">\n"
                         "<!ENTITY leak \"%%file;\">\n", secret_path);
  g_assert_true (g_file_set_contents (dtd_path, dtd, -1, NULL));

  /* A general external entity, in text and in an attribute's place. */
  rss = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                         "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://%s\">]>\n"
                         "<rss version=\"2.0\"><channel><title>&xxe;</title>\n"
                         "<item><title>Leak &xxe;</title><description>Text &xxe; here, "
                         "on 5 May 2023.</description></item></channel></rss>\n", secret_path);
  atom = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                          "<!DOCTYPE feed [<!ENTITY xxe SYSTEM \"%s\">]>\n"
                          "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>\n"
                          "<entry><title>&xxe;</title><content type=\"text\">Body &xxe;."
                          "</content></entry></feed>\n", secret_path);
  /* A parameter entity through an external DTD. */
  rss_dtd = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                             "<!DOCTYPE rss SYSTEM \"file://%s\">\n"
                             "<rss version=\"2.0\"><channel><item><title>DTD &leak;</title>"
                             "<description>Body &leak; text.</description></item></channel></rss>\n",
                             dtd_path);
  html = g_strdup_printf ("<!DOCTYPE html [<!ENTITY xxe SYSTEM \"file://%s\">]>\n"
                          "<html><head><title>&xxe;</title></head><body><article>"
                          "<p>Some text &xxe; about the vote on 5 May 2023.</p></article>"
                          "</body></html>\n", secret_path);
  inputs[0][0] = rss;
  inputs[0][1] = "xxe.rss";
  inputs[1][0] = atom;
  inputs[1][1] = "xxe.atom";
  inputs[2][0] = rss_dtd;
  inputs[2][1] = "xxe-dtd.rss";
  inputs[3][0] = html;
  inputs[3][1] = "xxe.html";

  fd = watch_opens (dir);
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GPtrArray) articles = import_checked (inputs[i][0], strlen (inputs[i][0]), inputs[i][1]);
      assert_no_secret (articles, secret);
      g_clear_pointer (&articles, g_ptr_array_unref);
      articles = brief_import_text (inputs[i][0], NULL, NULL);
      assert_no_secret (articles, secret);
    }
  g_assert_cmpuint (count_opens (fd), ==, 0);
  close (fd);
  remove_tree (dir);
}

/* Billion laughs (nested entities) and quadratic blowup (one big entity used
 * many times): a feed under 200 KB must not become gigabytes. */
static void
test_entity_bombs (void)
{
  g_autoptr(GString) laughs = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
                                            "<!ENTITY lol \"lol\">\n");
  g_autoptr(GString) quadratic = g_string_new (NULL);
  g_autofree char *big = g_strnfill (50000, 'a');
  double rss_before = max_rss_mb ();
  gint64 start = g_get_monotonic_time ();

  for (guint i = 1; i <= 9; i++)
    {
      g_string_append_printf (laughs, "<!ENTITY lol%u \"", i);
      for (guint j = 0; j < 10; j++)
        g_string_append_printf (laughs, i == 1 ? "&lol;" : "&lol%u;", i - 1);
      g_string_append (laughs, "\">\n");
    }
  g_string_append (laughs, "]>\n<rss version=\"2.0\"><channel><title>&lol9;</title>"
                           "<item><title>Laughs &lol9;</title><description>&lol9; and the vote "
                           "on 5 May 2023.</description></item></channel></rss>\n");

  g_string_append_printf (quadratic, "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a \"%s\">]>\n"
                          "<rss version=\"2.0\"><channel><item><title>Blowup</title><description>",
                          big);
  for (guint i = 0; i < 30000; i++)
    g_string_append (quadratic, "&a;");
  g_string_append (quadratic, "</description></item></channel></rss>\n");

  {
    g_autoptr(GPtrArray) articles = import_checked (laughs->str, laughs->len, "laughs.rss");
    g_autoptr(GPtrArray) more = import_checked (quadratic->str, quadratic->len, "blowup.rss");
    g_autoptr(GPtrArray) pasted = brief_import_text (laughs->str, NULL, NULL);

    for (guint i = 0; articles != NULL && i < articles->len; i++)
      g_assert_cmpuint (strlen (brief_article_get_text (g_ptr_array_index (articles, i))), <, 1000000);
    for (guint i = 0; more != NULL && i < more->len; i++)
      g_assert_cmpuint (strlen (brief_article_get_text (g_ptr_array_index (more, i))), <, 10000000);
  }
  g_test_message ("entity bombs: %.0f ms, peak RSS +%.0f MB",
                  (g_get_monotonic_time () - start) / 1000.0, max_rss_mb () - rss_before);
  assert_rss_growth_below (max_rss_mb () - rss_before, 200);
  g_assert_cmpint (g_get_monotonic_time () - start, <, TIME_FACTOR * 5 * G_USEC_PER_SEC);
}

/* ---- Nesting 100,000 deep ---- */

#define DEEP 100000

static char *
nest (const char *prefix,
      const char *open,
      const char *middle,
      const char *close,
      const char *suffix)
{
  GString *out = g_string_new (prefix);

  for (guint i = 0; i < DEEP; i++)
    g_string_append (out, open);
  g_string_append (out, middle);
  for (guint i = 0; i < DEEP; i++)
    g_string_append (out, close);
  g_string_append (out, suffix);
  return g_string_free (out, FALSE);
}

static void
test_deep_html (void)
{
  g_autofree char *divs = nest ("<html><body><article>", "<div>",
                                "<p>Deep inside, the vote on 5 May 2023 passed.</p>",
                                "</div>", "</article></body></html>");
  g_autofree char *unclosed = nest ("<html><body>", "<span><b><i>", "Unclosed on 5 May 2023.",
                                    "", "");
  Bounds bounds = bounds_begin ();
  g_autoptr(GPtrArray) articles = import_checked (divs, strlen (divs), "deep.html");
  g_autoptr(GPtrArray) more = import_checked (unclosed, strlen (unclosed), "unclosed.html");
  g_autoptr(GPtrArray) pasted = brief_import_text (divs, NULL, NULL);

  if (articles != NULL)
    export_checked (articles);
  assert_bounds (&bounds, "100,000-deep HTML", 10, 256);
}

static void
test_deep_feed (void)
{
  g_autofree char *rss = nest ("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><item>"
                               "<title>Deep</title><description type=\"xhtml\">",
                               "<x>", "Deep text on 5 May 2023.", "</x>",
                               "</description></item></channel></rss>\n");
  g_autofree char *atom = nest ("<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                                "<entry><title>Deep</title><content type=\"xhtml\">",
                                "<div>", "Deep text on 5 May 2023.", "</div>",
                                "</content></entry></feed>\n");
  /* Escaped HTML in a description, parsed a second time as a page. */
  g_autofree char *escaped = nest ("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><item>"
                                   "<title>Escaped</title><description>",
                                   "&lt;div&gt;", "Deep text on 5 May 2023.", "&lt;/div&gt;",
                                   "</description></item></channel></rss>\n");
  Bounds bounds = bounds_begin ();
  g_autoptr(GPtrArray) a = import_checked (rss, strlen (rss), "deep.rss");
  g_autoptr(GPtrArray) b = import_checked (atom, strlen (atom), "deep.atom");
  g_autoptr(GPtrArray) c = import_checked (escaped, strlen (escaped), "escaped.rss");

  assert_bounds (&bounds, "100,000-deep feeds", 10, 256);
}

static void
test_deep_briefing (void)
{
  const char *shapes[][3] = {
    { "[", "1", "]" },
    { "{\"a\":", "1", "}" },
  };
  Bounds bounds = bounds_begin ();

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autofree char *deep = nest ("{\"format\":\"" BRIEF_BRIEFING_FILE_FORMAT "\",\"version\":1,"
                                    "\"title\":", shapes[i][0], shapes[i][1], shapes[i][2],
                                    ",\"articles\":[],\"events\":[]}");
      g_autofree char *in_articles = nest ("{\"format\":\"" BRIEF_BRIEFING_FILE_FORMAT "\",\"version\":1,"
                                           "\"articles\":[", shapes[i][0], shapes[i][1], shapes[i][2],
                                           "],\"events\":[]}");
      const char *documents[] = { deep, in_articles };

      for (guint j = 0; j < G_N_ELEMENTS (documents); j++)
        {
          g_autoptr(GBytes) bytes = g_bytes_new (documents[j], strlen (documents[j]));
          g_autoptr(GError) error = NULL;
          g_autoptr(BriefBriefing) briefing = brief_briefing_deserialize (bytes, &error);

          g_assert_null (briefing);
          assert_clear_message (error);
          g_test_message ("deep .briefing: %s", error->message);
        }
    }
  assert_bounds (&bounds, "100,000-deep .briefing files", 5, 128);
}

/* ---- Size ---- */

/* A sparse file of @size bytes: instant to make, and reading it would show
 * in the resident size. */
static char *
make_sparse_file (const char *dir,
                  const char *name,
                  goffset     size,
                  const char *head)
{
  char *path = g_build_filename (dir, name, NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

  g_assert_cmpint (fd, >=, 0);
  if (head != NULL)
    g_assert_cmpint (write (fd, head, strlen (head)), ==, (gssize) strlen (head));
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  close (fd);
  return path;
}

static void
test_huge_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *article_path = make_sparse_file (dir, "huge.html", 200 * 1024 * 1024,
                                                    "<html><body><p>Big");
  g_autofree char *briefing_path = make_sparse_file (dir, "huge.briefing",
                                                     BRIEF_BRIEFING_FILE_MAX_BYTES + 1024,
                                                     "{\"format\":\"" BRIEF_BRIEFING_FILE_FORMAT "\"");
  g_autoptr(GFile) article_file = g_file_new_for_path (article_path);
  g_autoptr(GFile) briefing_file = g_file_new_for_path (briefing_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(BriefBriefing) briefing = NULL;
  g_autoptr(BriefBriefing) target = brief_briefing_new ();
  double rss_before = max_rss_mb ();
  gint64 start = g_get_monotonic_time ();

  articles = brief_import_file (article_file, NULL, &error);
  g_assert_null (articles);
  g_assert_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_TOO_LARGE);
  assert_clear_message (error);
  g_test_message ("200 MB article: %s", error->message);
  g_clear_error (&error);

  /* Through the briefing, as the window imports. */
  g_assert_cmpuint (brief_briefing_import_file (target, article_file, NULL, NULL, &error), ==, 0);
  assert_clear_message (error);
  g_clear_error (&error);

  briefing = brief_briefing_load (briefing_file, NULL, NULL, &error);
  g_assert_null (briefing);
  g_assert_error (error, BRIEF_BRIEFING_FILE_ERROR, BRIEF_BRIEFING_FILE_ERROR_TOO_LARGE);
  assert_clear_message (error);
  g_test_message ("huge .briefing: %s", error->message);

  /* Refused by size, before reading: neither time nor memory was spent. */
  assert_rss_growth_below (max_rss_mb () - rss_before, 32);
  g_assert_cmpint (g_get_monotonic_time () - start, <, TIME_FACTOR * 2 * G_USEC_PER_SEC);
  remove_tree (dir);
}

static GBytes *
gzip (const char *data,
      gsize       length,
      gsize       repeat)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 1);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint8 buffer[65536];

  for (gsize i = 0; i <= repeat; i++)
    {
      gboolean last = i == repeat;
      const char *in = last ? NULL : data;
      gsize in_left = last ? 0 : length;

      for (;;)
        {
          gsize read = 0, written = 0;
          GConverterResult result;
          g_autoptr(GError) error = NULL;

          result = g_converter_convert (G_CONVERTER (compressor), in, in_left, buffer, sizeof buffer,
                                        last ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                        &read, &written, &error);
          g_assert_no_error (error);
          g_byte_array_append (out, buffer, written);
          in += read;
          in_left -= read;
          if (result == G_CONVERTER_FINISHED || (!last && in_left == 0))
            break;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
test_gzip_bomb (void)
{
  g_autofree char *block = g_strnfill (1024 * 1024, 'a');
  g_autoptr(GBytes) bomb = NULL;
  g_autoptr(GBytes) inner = NULL;
  g_autoptr(GBytes) nested = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  double rss_before;
  gint64 start;

  /* 100 MB of text in about 400 KB, beyond the 64 MB an article may be. */
  bomb = gzip (block, 1024 * 1024, 100);
  g_test_message ("gzip bomb: %zu bytes", g_bytes_get_size (bomb));
  rss_before = max_rss_mb ();
  start = g_get_monotonic_time ();
  articles = brief_import_bytes (bomb, "bomb.html.gz", &error);
  g_assert_null (articles);
  g_assert_error (error, BRIEF_IMPORT_ERROR, BRIEF_IMPORT_ERROR_TOO_LARGE);
  assert_clear_message (error);
  g_test_message ("gzip bomb: %s, %.0f ms, peak RSS +%.0f MB", error->message,
                  (g_get_monotonic_time () - start) / 1000.0, max_rss_mb () - rss_before);
  /* Inflating stops at the limit: at most the limit and its buffer's growth. */
  assert_rss_growth_below (max_rss_mb () - rss_before, 3.0 * BRIEF_IMPORT_MAX_BYTES / (1024 * 1024));
  g_clear_error (&error);

  /* A gzip stream inside a gzip stream is no saved page. */
  inner = gzip ("<p>Hello on 5 May 2023</p>", 26, 1);
  nested = gzip (g_bytes_get_data (inner, NULL), g_bytes_get_size (inner), 1);
  articles = brief_import_bytes (nested, "nested.html.gz", &error);
  g_assert_null (articles);
  assert_clear_message (error);
}

/* ---- Bytes that are not text ---- */

static void
test_invalid_utf8 (void)
{
  static const char broken[] =
    "Council vote\n\nThe council voted on 5 May 2023 \xC3 to \xED\xA0\x80 approve "
    "the \xF4\x90\x80\x80 barrier \xC0\xAF and \xFF\xFE the caf\xE9 \x80\x80\x80.\n";
  g_autoptr(GPtrArray) articles = import_checked (broken, sizeof broken - 1, "broken.txt");
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GError) error = NULL;
  BriefArticle *article;

  g_assert_nonnull (articles);
  article = g_ptr_array_index (articles, 0);
  g_assert_cmpuint (brief_article_get_n_repairs (article), >, 0);
  g_assert_nonnull (strstr (brief_article_get_text (article), "approve"));
  export_checked (articles);

  pasted = brief_import_text (broken, NULL, &error);
  g_assert_no_error (error);
  assert_article_sane (g_ptr_array_index (pasted, 0));

  /* The analysis refuses invalid UTF-8 by giving nothing, not by crashing. */
  {
    g_autoptr(BriefAnalysis) analysis = NULL;

    g_test_expect_message ("brief-analysis", G_LOG_LEVEL_WARNING, "*not valid UTF-8*");
    analysis = brief_analysis_run (tagger, broken, NULL, BRIEF_DOCUMENT_NEWS);
    g_test_assert_expected_messages ();
    g_assert_nonnull (analysis);
    g_assert_cmpuint (brief_analysis_get_timexes (analysis)->len, ==, 0);
  }
}

static void
test_nul_bytes (void)
{
  static const char text[] = "Headline\n\nThe vote\0 on 5 May 2023 passed.\n";
  static const char html[] = "<html><body><p>The vote\0 on 5 May 2023 passed.</p></body></html>";
  static const char rss[] = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item>"
                            "<title>T\0</title><description>Vote\0 passed</description>"
                            "</item></channel></rss>";
  const struct { const char *data; gsize length; const char *name; } inputs[] = {
    { text, sizeof text - 1, "nul.txt" },
    { html, sizeof html - 1, "nul.html" },
    { rss, sizeof rss - 1, "nul.rss" },
    { "\0\0\0\0", 4, "zeros.txt" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GPtrArray) articles = import_checked (inputs[i].data, inputs[i].length, inputs[i].name);
      /* Either refused as binary, or read without the NUL. */
      if (articles != NULL)
        export_checked (articles);
    }
}

/* ---- Long lines, scripts and emoji ---- */

static void
test_long_lines (void)
{
  g_autoptr(GString) words = g_string_new ("Long line\n\n");
  g_autofree char *letters = g_strnfill (3 * 1000 * 1000, 'x');
  g_autofree char *html = NULL;
  gint64 start = g_get_monotonic_time ();
  Bounds bounds = bounds_begin ();

  /* A million characters of words without a full stop, a date inside. */
  while (words->len < 1000 * 1000)
    g_string_append (words, words->len == 500016 ? "on 5 May 2023 " : "barrier council flood ");
  g_string_append (words, "on 5 May 2023 the end");

  {
    g_autoptr(GPtrArray) articles = import_checked (words->str, words->len, "words.txt");
    g_autoptr(BriefAnalysis) analysis = NULL;

    g_assert_nonnull (articles);
    analysis = analyse_checked (brief_article_get_text (g_ptr_array_index (articles, 0)), "2023-09-05");
    g_assert_cmpuint (brief_analysis_get_timexes (analysis)->len, >=, 1);
    g_assert_cmpuint (brief_analysis_get_mentions (analysis)->len, >=, 1);
  }
  g_test_message ("a line of 1 M characters of words: %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  {
    g_autoptr(GPtrArray) articles = import_checked (letters, strlen (letters), "letters.txt");
    g_autoptr(BriefAnalysis) analysis = analyse_checked (letters, NULL);

    g_assert_nonnull (articles);
    g_assert_cmpuint (brief_analysis_get_timexes (analysis)->len, ==, 0);
  }
  html = g_strconcat ("<html><body><p>", letters, "</p></body></html>", NULL);
  {
    g_autoptr(GPtrArray) articles = import_checked (html, strlen (html), "letters.html");
    g_assert_nonnull (articles);
  }
  g_test_message ("a line of 3 M letters: %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  assert_bounds (&bounds, "lines of millions of characters", 20, 512);
}

static void
test_bidi_emoji (void)
{
  /* Right-to-left overrides and isolates, Arabic and Hebrew, family and
   * flag emoji (ZWJ sequences), combining marks, a variation selector. */
  static const char text[] =
    "\xE2\x80\xAE" "Council \xE2\x80\xAC" "vote \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\n\n"
    "On 5 May 2023 \xE2\x81\xA7\xD8\xA7\xD9\x84\xD9\x85\xD8\xAC\xD9\x84\xD8\xB3 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\xE2\x81\xA9 "
    "the council \xF0\x9F\x87\xAC\xF0\x9F\x87\xA7 voted e\xCC\x81\xCC\x81 \xE2\x9D\xA4\xEF\xB8\x8F. "
    "Two months later, in July 2023\xE2\x80\x8F, \xF0\x9F\x8C\x8A the barrier \xE2\x80\xAEopened\xE2\x80\xAC.\n";
  g_autoptr(GPtrArray) articles = import_checked (text, sizeof text - 1, "bidi.txt");
  g_autoptr(BriefAnalysis) analysis = NULL;
  GPtrArray *timexes;
  const char *article_text;

  g_assert_nonnull (articles);
  article_text = brief_article_get_text (g_ptr_array_index (articles, 0));
  analysis = analyse_checked (article_text, "2023-09-05");
  timexes = brief_analysis_get_timexes (analysis);
  g_assert_cmpuint (timexes->len, >=, 2);
  /* Code point offsets agree with byte offsets. */
  for (guint i = 0; i < timexes->len; i++)
    {
      BriefTimex *timex = g_ptr_array_index (timexes, i);
      g_assert_cmpint (g_utf8_pointer_to_offset (article_text, article_text + timex->byte_start), ==,
                       timex->start);
      g_assert_cmpint (g_utf8_pointer_to_offset (article_text, article_text + timex->byte_end), ==,
                       timex->end);
    }
  export_checked (articles);
}

/* ---- A million dates ---- */

static void
test_million_dates (void)
{
  static const char * const months[] = { "January", "March", "May", "July", "September", "November" };
  /* Under AddressSanitizer the same sentences, 50,000 of them: a million
   * took eleven minutes of CI there and exercise no other code. */
#ifdef UNDER_ASAN
  const guint n_dates = 50 * 1000;
#else
  const guint n_dates = 1000 * 1000;
#endif
  const guint per_chunk = 25000;
  g_autoptr(GString) chunk = g_string_new (NULL);
  guint n_found = 0;
  Bounds bounds = bounds_begin ();

  /* In chunks of 25,000 dated sentences (about 1 MB, a long report), each
   * through the whole analysis. */
  for (guint done = 0; done < n_dates; done += per_chunk)
    {
      g_autoptr(BriefAnalysis) analysis = NULL;

      g_string_truncate (chunk, 0);
      for (guint i = 0; i < per_chunk; i++)
        g_string_append_printf (chunk, "The council met on %u %s %u. ", 1 + (done + i) % 28,
                                months[(done + i) % G_N_ELEMENTS (months)], 1900 + (done + i) % 200);
      analysis = brief_analysis_run (tagger, chunk->str, "2023-09-05", BRIEF_DOCUMENT_NEWS);
      n_found += brief_analysis_get_timexes (analysis)->len;
    }
  g_assert_cmpuint (n_found, ==, n_dates);
  /* About 25 s on a quiet machine: the bound is linear time, not speed. */
  assert_bounds (&bounds, "a million dates", 180, 256);
}

/* Many dates in one sentence (a table or a list pasted as text): every
 * mention's title looks at the sentence's other dates, so this is the
 * analysis's worst case. */
static void
test_dates_in_one_sentence (void)
{
  const guint n_dates = 1000;
  g_autoptr(GString) text = g_string_new ("Meetings: ");
  g_autoptr(BriefAnalysis) analysis = NULL;
  Bounds bounds;

  for (guint i = 0; i < n_dates; i++)
    g_string_append_printf (text, "%u May %u, ", 1 + i % 28, 1900 + i % 100);
  g_string_append (text, "and no more.");
  bounds = bounds_begin ();
  analysis = analyse_checked (text->str, "2023-09-05");
  g_assert_cmpuint (brief_analysis_get_timexes (analysis)->len, >=, n_dates);
  assert_bounds (&bounds, "1,000 dates in one sentence", 5, 64);
}

/* ---- Writers ---- */

/* An article titled with control characters and noncharacters (fuzz-export
 * found it): the TimeML document, named after the title, stays well-formed
 * XML 1.0. */
static void
test_timeml_control_characters (void)
{
  static const char title[] = "Second\x02T\xEF\xBF\xBF\x08 talks";
  static const char text[] = "The talks\x01 collapsed on 4 September 2023 \xEF\xBF\xBE again.";
  g_autoptr(BriefAnalysis) analysis = analyse_checked (text, "2023-09-06");
  g_autofree char *timeml = brief_timeml_write (title, brief_analysis_get_text (analysis),
                                                "2023-09-06\x02", brief_analysis_get_timexes (analysis));
  xmlDoc *doc;

  g_assert_nonnull (timeml);
  g_assert_true (g_utf8_validate (timeml, -1, NULL));
  doc = xmlReadMemory (timeml, strlen (timeml), "hostile.tml", "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  xmlFreeDoc (doc);
}

/* The same characters in a briefing's title and an article (fuzz-export
 * found it): the flat OpenDocument file stays well-formed XML 1.0. */
static void
test_fodt_control_characters (void)
{
  static const char text[] = "Talks end\n\nThe talks collapsed on 4 September 2023 again.";
  g_autoptr(GPtrArray) articles = import_checked (text, strlen (text), "controls.txt");
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  g_autoptr(BriefExportContent) content = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  BriefExportOptions options;
  gsize length;
  const char *xml;
  xmlDoc *doc;

  g_assert_nonnull (articles);
  for (guint i = 0; i < articles->len; i++)
    {
      BriefArticle *article = g_ptr_array_index (articles, i);
      g_autoptr(BriefAnalysis) analysis = analyse_checked (brief_article_get_text (article), "2023-09-06");

      brief_article_set_title (article, "Talks\x02 end \xEF\xBF\xBE");
      brief_briefing_add_article (briefing, article, analysis);
    }
  brief_briefing_set_title (briefing, "Brief\x03ing \xEF\xBF\xBF");
  brief_export_options_init (&options);
  content = brief_export_content_new (briefing, &options);
  bytes = brief_export_write (content, BRIEF_EXPORT_FORMAT_FODT, &error);
  g_assert_no_error (error);
  xml = g_bytes_get_data (bytes, &length);
  doc = xmlReadMemory (xml, (int) length, "hostile.fodt", "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  xmlFreeDoc (doc);
}

int
main (int    argc,
      char **argv)
{
  int result;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tagger = brief_date_tagger_new ();

  g_test_add_func ("/hostile/fixtures", test_fixtures);
  g_test_add_func ("/hostile/fixtures-pending", test_pending_fixtures);
  g_test_add_func ("/hostile/xml/xxe", test_xxe);
  g_test_add_func ("/hostile/xml/entity-bombs", test_entity_bombs);
  g_test_add_func ("/hostile/nesting/html", test_deep_html);
  g_test_add_func ("/hostile/nesting/feed", test_deep_feed);
  g_test_add_func ("/hostile/nesting/briefing", test_deep_briefing);
  g_test_add_func ("/hostile/size/200-mb", test_huge_file);
  g_test_add_func ("/hostile/size/gzip-bomb", test_gzip_bomb);
  g_test_add_func ("/hostile/bytes/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/hostile/bytes/nul", test_nul_bytes);
  g_test_add_func ("/hostile/text/long-lines", test_long_lines);
  g_test_add_func ("/hostile/text/bidi-emoji", test_bidi_emoji);
  g_test_add_func ("/hostile/text/million-dates", test_million_dates);
  g_test_add_func ("/hostile/text/dates-in-one-sentence", test_dates_in_one_sentence);
  g_test_add_func ("/hostile/export/timeml-control-characters", test_timeml_control_characters);
  g_test_add_func ("/hostile/export/fodt-control-characters", test_fodt_control_characters);

  result = g_test_run ();
  g_clear_object (&tagger);
  return result;
}
