/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cmark.h>
#include <locale.h>
#include <string.h>

#include "brief-markdown-writer.h"

static BriefBriefing *
briefing_from_text (const char *name,
                    const char *text)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_cmpuint (brief_briefing_import_file (briefing, file, NULL, NULL, &error), ==, 1);
  g_assert_no_error (error);
  return g_steal_pointer (&briefing);
}

/* Reads the Markdown back with the CommonMark reference parser. */
static char *
render_html (const char *markdown)
{
  char *html = cmark_markdown_to_html (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  char *copy = g_strdup (html);

  free (html);
  return copy;
}

static void
test_briefing_note (void)
{
  g_autoptr(BriefBriefing) briefing = briefing_from_text ("barrier.txt",
    "Barrier plan approved\n"
    "Published: 2024-03-18\n"
    "\n"
    "The council approved the barrier in March 2021. Work started on 12 June 2022.\n");
  g_autofree char *markdown = brief_markdown_write (briefing);
  g_autofree char *html = render_html (markdown);
  const char *march, *june;

  g_test_message ("%s", markdown);
  g_assert_true (g_str_has_prefix (markdown, "# Barrier plan approved\n"));
  g_assert_nonnull (strstr (html, "<h1>Barrier plan approved</h1>"));
  g_assert_nonnull (strstr (html, "<h2>Timeline</h2>"));
  g_assert_nonnull (strstr (html, "<h2>Sources</h2>"));

  /* Dated events in chronological order, each with its sentence and source. */
  march = strstr (html, "<strong>March 2021</strong>");
  june = strstr (html, "<strong>12 June 2022</strong>");
  g_assert_nonnull (march);
  g_assert_nonnull (june);
  g_assert_true (march < june);
  g_assert_nonnull (strstr (html, "<blockquote>\n<p>The council approved the barrier in March 2021.</p>"));
  g_assert_nonnull (strstr (html, "[1]"));
  g_assert_nonnull (strstr (html, "<ol>\n<li>Barrier plan approved, 2024-03-18. <code>/"));
  g_assert_nonnull (strstr (html, "barrier.txt</code></li>\n</ol>"));
}

static void
test_escapes_markup (void)
{
  g_autoptr(BriefBriefing) briefing = briefing_from_text ("markup.txt",
    "Costs *rise* for <the> [barrier]\n"
    "\n"
    "In March 2021 the | council | spent_money on *it*.\n");
  g_autofree char *markdown = brief_markdown_write (briefing);
  g_autofree char *html = render_html (markdown);

  g_test_message ("%s", markdown);
  g_assert_null (strstr (html, "<em>"));
  g_assert_nonnull (strstr (html, "<h1>Costs *rise* for &lt;the&gt; [barrier]</h1>"));
  g_assert_nonnull (strstr (html, "the | council | spent_money on *it*."));
}

static void
test_no_events (void)
{
  g_autoptr(BriefBriefing) briefing = briefing_from_text ("undated.txt",
    "Nothing dated\n\nThe council met and talked.\n");
  g_autofree char *markdown = brief_markdown_write (briefing);

  g_assert_nonnull (strstr (markdown, "No dated events were found in the sources."));
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/markdown/briefing-note", test_briefing_note);
  g_test_add_func ("/markdown/escapes", test_escapes_markup);
  g_test_add_func ("/markdown/no-events", test_no_events);

  return g_test_run ();
}
