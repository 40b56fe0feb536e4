/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "brief-note-renderer.h"
#include "test-export-fixture.h"

static gboolean
have_poppler (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path == NULL)
    g_test_skip ("pdftotext (poppler-utils) is not installed");
  return path != NULL;
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  char *text = brief_test_export_run (argv);

  g_assert_nonnull (text);
  return text;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Every font in the document is embedded. */
static void
assert_fonts_embedded (const char *pdf)
{
  const char *argv[] = { "pdffonts", pdf, NULL };
  g_autofree char *fonts = brief_test_export_run (argv);
  g_auto(GStrv) lines = NULL;
  guint n_fonts = 0;

  g_assert_nonnull (fonts);
  g_test_message ("%s", fonts);
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) split = NULL;
      const char *fields[32];
      guint n = 0;

      if (*lines[i] == '\0')
        continue;
      split = g_strsplit_set (lines[i], " ", -1);
      /* name type [type] encoding emb sub uni object ID: "emb" is 5th from the end. */
      for (guint f = 0; split[f] != NULL && n < G_N_ELEMENTS (fields); f++)
        if (*split[f] != '\0')
          fields[n++] = split[f];
      g_assert_cmpuint (n, >=, 7);
      g_assert_cmpstr (fields[n - 5], ==, "yes");
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

/* The first page rendered at 30 dpi is not blank. */
static void
assert_page_not_blank (const char *pdf)
{
  g_autofree char *prefix = g_strconcat (pdf, "-page", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  const char *argv[] = { "pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", "-singlefile", pdf, prefix, NULL };
  g_autofree char *out = brief_test_export_run (argv);
  cairo_surface_t *image;
  guint dark = 0;

  g_assert_nonnull (out);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  for (int y = 0; y < cairo_image_surface_get_height (image); y++)
    {
      const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (image)
                                              + y * cairo_image_surface_get_stride (image));
      for (int x = 0; x < cairo_image_surface_get_width (image); x++)
        dark += (row[x] & 0xff) < 128;
    }
  cairo_surface_destroy (image);
  g_assert_cmpuint (dark, >, 500);
}

static void
test_briefing_note (void)
{
  g_autoptr(BriefBriefing) briefing = NULL;
  g_autoptr(BriefExportContent) content = NULL;
  g_autoptr(BriefNoteRenderer) renderer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first_page = NULL;
  g_auto(GStrv) pages = NULL;
  const char *chronology;
  const char *cursor;
  guint n_pages;

  if (!have_poppler ())
    return;

  briefing = brief_test_export_briefing ();
  content = brief_test_export_content (briefing, TRUE);
  renderer = brief_note_renderer_new (content, NULL);
  n_pages = brief_note_renderer_paginate (renderer);
  bytes = brief_note_renderer_write_pdf (renderer, &error);
  g_assert_no_error (error);
  path = brief_test_export_save (bytes, "note.pdf");
  text = pdf_text (path);
  g_test_message ("%s", text);

  /* pdftotext ends every page with a form feed. */
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages) - 1, ==, n_pages);
  first_page = g_strdup_printf ("Page 1 of %u", n_pages);
  g_assert_nonnull (strstr (pages[0], first_page));
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *label = g_strdup_printf ("Page %u of %u", i + 1, n_pages);

      /* The marking in the header and in the footer of every page. */
      g_assert_cmpuint (count (pages[i], "OFFICIAL-SENSITIVE"), ==, 2);
      g_assert_nonnull (strstr (pages[i], label));
    }

  g_assert_nonnull (strstr (text, "Millbrook flood barrier: progress & costs"));
  g_assert_nonnull (strstr (text, "Prepared for the Minister for the Environment"));
  g_assert_nonnull (strstr (text, "Prepared by Flood Resilience Unit"));
  g_assert_nonnull (strstr (text, "5 April 2024"));
  for (const char **section = (const char *[]) { "Key points", "Timeline", "Chronology",
                                                 "People and organisations", "Selected quotes",
                                                 "Notes", "Assessment", "Sources", NULL };
       *section != NULL; section++)
    g_assert_nonnull (strstr (text, *section));
  g_assert_nonnull (strstr (text, "Tomasz Wierzbicki"));
  g_assert_nonnull (strstr (text, "That night showed exactly why the barrier is needed."));
  g_assert_null (strstr (text, "raw HTML"));

  /* Every exported event in the chronology, in order, with its source. */
  chronology = strstr (text, "Chronology");
  cursor = chronology;
  g_assert_cmpuint (content->events->len, >=, 6);
  for (guint i = 0; i < content->events->len; i++)
    {
      BriefExportEvent *event = g_ptr_array_index (content->events, i);
      const char *found = strstr (cursor, event->date_label);

      g_assert_cmpint (event->state, ==, BRIEF_EVENT_STATE_ACCEPTED);
      g_assert_nonnull (found);
      cursor = found + 1;
    }
  /* Dates as precise as known, never padded to a day. */
  g_assert_nonnull (strstr (chronology, "March 2021"));
  g_assert_null (strstr (text, "2021-03-01"));

  assert_fonts_embedded (path);
  assert_page_not_blank (path);
}

static void
test_fallback_note (void)
{
  g_autoptr(BriefBriefing) briefing = brief_briefing_new ();
  g_autoptr(BriefExportContent) content = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sample = g_build_filename (g_getenv ("BRIEF_SOURCE_ROOT"), "data", "samples",
                                              "riverside-flood-barrier.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sample);

  if (!have_poppler ())
    return;

  g_assert_cmpuint (brief_briefing_import_file (briefing, file, NULL, NULL, &error), ==, 1);
  content = brief_export_content_new (briefing, NULL);
  g_assert_true (content->fell_back);
  g_assert_cmpuint (content->events->len, >, 0);
  bytes = brief_export_write (content, BRIEF_EXPORT_FORMAT_PDF, &error);
  g_assert_no_error (error);
  path = brief_test_export_save (bytes, "fallback.pdf");
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "No event has been accepted yet"));
  g_assert_nonnull (strstr (text, "Construction begins"));
}

static void
test_many_pages (void)
{
  g_autoptr(BriefBriefing) briefing = brief_test_export_large (30, 300);
  g_autoptr(BriefExportContent) content = brief_export_content_new (briefing, NULL);
  BriefPageSetup letter;
  g_autoptr(BriefNoteRenderer) renderer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *last = NULL;
  g_auto(GStrv) pages = NULL;
  gint64 start;
  guint n_pages;

  if (!have_poppler ())
    return;

  brief_page_setup_init_letter (&letter);
  renderer = brief_note_renderer_new (content, &letter);
  start = g_get_monotonic_time ();
  n_pages = brief_note_renderer_paginate (renderer);
  bytes = brief_note_renderer_write_pdf (renderer, &error);
  g_test_message ("30 sources, 300 events: %u pages in %.0f ms", n_pages,
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >, 5);
  path = brief_test_export_save (bytes, "long.pdf");
  text = pdf_text (path);
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages) - 1, ==, n_pages);
  for (guint i = 0; i < n_pages; i++)
    g_assert_cmpuint (count (pages[i], "OFFICIAL"), ==, 2);
  last = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  g_assert_nonnull (strstr (pages[n_pages - 1], last));
  /* A table carried over repeats its header. */
  g_assert_nonnull (strstr (pages[2], "Date"));
  g_assert_nonnull (strstr (pages[2], "Event"));

  {
    const char *argv[] = { "pdfinfo", path, NULL };
    info = brief_test_export_run (argv);
  }
  if (info != NULL)
    g_assert_nonnull (strstr (info, "612 x 792 pts"));
}

/* The print dialog's path: any cairo_t, any scale. */
static void
test_draw_on_any_surface (void)
{
  g_autoptr(BriefBriefing) briefing = brief_test_export_briefing ();
  g_autoptr(BriefExportContent) content = brief_test_export_content (briefing, FALSE);
  g_autoptr(BriefNoteRenderer) renderer = brief_note_renderer_new (content, NULL);
  BriefPageSetup setup;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint before, after;
  guint dark = 0;

  brief_note_renderer_get_page_setup (renderer, &setup);
  g_assert_cmpfloat_with_epsilon (setup.width, 595.28, 0.01);
  before = brief_note_renderer_get_n_pages (renderer);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (setup.width / 2), (int) (setup.height / 2));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 0.5, 0.5);
  brief_note_renderer_draw_page (renderer, cr, 0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      dark += (((guint32 *) (cairo_image_surface_get_data (surface)
                             + y * cairo_image_surface_get_stride (surface)))[x] & 0xff) < 128;
  cairo_surface_destroy (surface);
  g_assert_cmpuint (dark, >, 500);

  /* Wider margins, more pages. */
  setup.margin_left = setup.margin_right = 180;
  setup.margin_top = setup.margin_bottom = 200;
  brief_note_renderer_set_page_setup (renderer, &setup);
  after = brief_note_renderer_get_n_pages (renderer);
  g_assert_cmpuint (after, >, before);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export/pdf/briefing-note", test_briefing_note);
  g_test_add_func ("/export/pdf/fallback-note", test_fallback_note);
  g_test_add_func ("/export/pdf/many-pages", test_many_pages);
  g_test_add_func ("/export/pdf/draw-on-any-surface", test_draw_on_any_surface);

  return g_test_run ();
}
