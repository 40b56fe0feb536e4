/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cmark.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "test-export-fixture.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathContext, xmlXPathFreeContext)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathObject, xmlXPathFreeObject)

static guint n_parse_errors;

static void
count_error (void        *data,
             xmlErrorPtr  error)
{
  /* libxml2 2.9 knows HTML 4 only: <section>, <main>, <time>… are valid HTML5. */
  if (error->code == XML_HTML_UNKNOWN_TAG)
    return;
  g_test_message ("libxml2: %s", error->message);
  n_parse_errors++;
}

static guint
xpath_count (xmlXPathContext *xpath,
             const char      *expression)
{
  g_autoptr(xmlXPathObject) result = xmlXPathEvalExpression (BAD_CAST expression, xpath);

  g_assert_nonnull (result);
  return result->nodesetval != NULL ? (guint) result->nodesetval->nodeNr : 0;
}

static char *
xpath_string (xmlXPathContext *xpath,
              const char      *expression)
{
  g_autofree char *wrapped = g_strdup_printf ("string(%s)", expression);
  g_autoptr(xmlXPathObject) result = xmlXPathEvalExpression (BAD_CAST wrapped, xpath);

  g_assert_nonnull (result);
  return g_strdup ((const char *) result->stringval);
}

static GBytes *
export (BriefExportFormat     format,
        BriefExportContent  **out_content)
{
  g_autoptr(BriefBriefing) briefing = brief_test_export_briefing ();
  g_autoptr(BriefExportContent) content = brief_test_export_content (briefing, TRUE);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = brief_export_write (content, format, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  *out_content = g_steal_pointer (&content);
  return bytes;
}

static void
test_html (void)
{
  g_autoptr(BriefExportContent) content = NULL;
  g_autoptr(GBytes) bytes = export (BRIEF_EXPORT_FORMAT_HTML, &content);
  gsize length;
  const char *html = g_bytes_get_data (bytes, &length);
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(xmlXPathContext) xpath = NULL;
  g_autofree char *title = NULL;

  g_test_message ("%.*s", (int) length, html);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));

  n_parse_errors = 0;
  xmlSetStructuredErrorFunc (NULL, count_error);
  doc = htmlReadMemory (html, (int) length, NULL, "UTF-8", HTML_PARSE_NONET);
  xmlSetStructuredErrorFunc (NULL, NULL);
  g_assert_nonnull (doc);
  g_assert_cmpuint (n_parse_errors, ==, 0);

  xpath = xmlXPathNewContext (doc);
  title = xpath_string (xpath, "//h1");
  g_assert_cmpstr (title, ==, "Millbrook flood barrier: progress & costs");
  g_assert_cmpuint (xpath_count (xpath, "/html/head/style"), ==, 1);
  g_assert_cmpuint (xpath_count (xpath, "//p[contains(@class,'marking')]"), ==, 2);
  g_assert_cmpuint (xpath_count (xpath, "//section[@id='key-points']//li"), ==, 2);
  g_assert_cmpuint (xpath_count (xpath, "//section[@id='chronology']//tbody/tr"), ==, content->events->len);
  g_assert_cmpuint (xpath_count (xpath, "//section[@id='people']//tbody/tr"), ==, 3);
  g_assert_cmpuint (xpath_count (xpath, "//section[@id='quotes']/blockquote"), ==, 2);
  g_assert_cmpuint (xpath_count (xpath, "//section[@id='sources']//li"), ==, 2);
  g_assert_cmpuint (xpath_count (xpath, "//section[@id='notes']/h3"), ==, 1);
  g_assert_cmpuint (xpath_count (xpath, "//section[@id='notes']//ol/li"), ==, 2);
  g_assert_cmpuint (xpath_count (xpath, "//a[@href='https://example.org/papers?a=1&b=2']"), ==, 1);
  /* Every event row cites its source, which exists. */
  g_assert_cmpuint (xpath_count (xpath, "//section[@id='chronology']//tbody/tr/td[3]/a[starts-with(@href,'#source-')]"),
                    ==, content->events->len);
  g_assert_cmpuint (xpath_count (xpath, "//li[@id='source-1'] | //li[@id='source-2']"), ==, 2);

  /* Standalone and inert: no scripts, no external resources. */
  g_assert_cmpuint (xpath_count (xpath, "//script | //link | //iframe | //img | //*[@src]"), ==, 0);
  g_assert_null (strstr (html, "alert("));

  /* Events in chronological order. */
  for (guint i = 0; i < content->events->len; i++)
    {
      BriefExportEvent *event = g_ptr_array_index (content->events, i);
      g_autofree char *expression = g_strdup_printf ("//section[@id='chronology']//tbody/tr[%u]/td[1]", i + 1);
      g_autofree char *date = xpath_string (xpath, expression);

      g_assert_cmpstr (date, ==, event->date_label);
    }

  /* A title with markup characters is text, not markup. */
  g_assert_nonnull (strstr (html, "&lt;delays&gt;"));
}

static void
test_fodt (void)
{
  g_autoptr(BriefExportContent) content = NULL;
  g_autoptr(GBytes) bytes = export (BRIEF_EXPORT_FORMAT_FODT, &content);
  gsize length;
  const char *xml = g_bytes_get_data (bytes, &length);
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(xmlXPathContext) xpath = NULL;
  g_autofree char *mimetype = NULL;
  g_autofree char *marking = NULL;
  g_autofree char *soffice = NULL;

  n_parse_errors = 0;
  xmlSetStructuredErrorFunc (NULL, count_error);
  doc = xmlReadMemory (xml, (int) length, NULL, NULL, XML_PARSE_NONET);
  xmlSetStructuredErrorFunc (NULL, NULL);
  g_assert_nonnull (doc);
  g_assert_cmpuint (n_parse_errors, ==, 0);

  xpath = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (xpath, BAD_CAST "office", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:office:1.0");
  xmlXPathRegisterNs (xpath, BAD_CAST "style", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:style:1.0");
  xmlXPathRegisterNs (xpath, BAD_CAST "text", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:text:1.0");
  xmlXPathRegisterNs (xpath, BAD_CAST "table", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:table:1.0");
  xmlXPathRegisterNs (xpath, BAD_CAST "dc", BAD_CAST "http://purl.org/dc/elements/1.1/");

  mimetype = xpath_string (xpath, "/office:document/@office:mimetype");
  g_assert_cmpstr (mimetype, ==, "application/vnd.oasis.opendocument.text");
  g_assert_cmpuint (xpath_count (xpath, "/office:document[@office:version='1.3']"), ==, 1);
  g_assert_cmpuint (xpath_count (xpath, "/office:document/office:meta/dc:title"), ==, 1);
  g_assert_cmpuint (xpath_count (xpath, "/office:document/office:styles/style:style[@style:name='Heading_20_1']"), ==, 1);

  /* Every style used is defined. */
  {
    g_autoptr(xmlXPathObject) used = xmlXPathEvalExpression (BAD_CAST "//@text:style-name | //@table:style-name", xpath);

    for (int i = 0; i < used->nodesetval->nodeNr; i++)
      {
        g_autofree char *name = (char *) xmlNodeGetContent (used->nodesetval->nodeTab[i]);
        g_autofree char *expression = g_strdup_printf ("//style:style[@style:name='%s']", name);

        if (xpath_count (xpath, expression) != 1)
          g_error ("style %s is used but not defined", name);
      }
  }

  /* Marking and "Page N of M" in the header and footer of every page. */
  marking = xpath_string (xpath, "//style:master-page/style:header/text:p");
  g_assert_cmpstr (marking, ==, "Official-Sensitive");
  g_assert_cmpuint (xpath_count (xpath, "//style:master-page/style:footer//text:page-number"), ==, 1);
  g_assert_cmpuint (xpath_count (xpath, "//style:master-page/style:footer//text:page-count"), ==, 1);

  g_assert_cmpuint (xpath_count (xpath, "//office:text/text:h[@text:outline-level='1']"), ==, 6);
  g_assert_cmpuint (xpath_count (xpath, "//table:table[@table:name='Chronology']/table:table-header-rows/table:table-row"), ==, 1);
  g_assert_cmpuint (xpath_count (xpath, "//table:table[@table:name='Chronology']/table:table-row"), ==, content->events->len);
  g_assert_cmpuint (xpath_count (xpath, "//table:table[@table:name='Chronology']/table:table-column"), ==, 3);
  g_assert_cmpuint (xpath_count (xpath, "//table:table[@table:name='People']/table:table-row"), ==, 3);
  g_assert_cmpuint (xpath_count (xpath, "//text:p[@text:style-name='Source']"), ==, 2);
  g_assert_cmpuint (xpath_count (xpath, "//text:h[.='Assessment']"), ==, 1);
  xmlXPathRegisterNs (xpath, BAD_CAST "xlink", BAD_CAST "http://www.w3.org/1999/xlink");
  g_assert_cmpuint (xpath_count (xpath, "//text:a[@xlink:href='https://example.org/papers?a=1&b=2']"), ==, 1);
  g_assert_null (g_strstr_len (xml, length, "alert("));

  /* Opens in LibreOffice, when it is installed. */
  soffice = g_find_program_in_path ("soffice");
  if (soffice != NULL)
    {
      g_autofree char *path = brief_test_export_save (bytes, "note.fodt");
      g_autofree char *dir = g_path_get_dirname (path);
      const char *argv[] = { soffice, "--headless", "--convert-to", "pdf", "--outdir", dir, path, NULL };
      g_autofree char *out = brief_test_export_run (argv);
      g_autofree char *pdf = g_build_filename (dir, "note.pdf", NULL);

      g_assert_nonnull (out);
      g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }
  else
    g_test_message ("LibreOffice is not installed: the .fodt was checked for structure only");
}

static void
test_markdown (void)
{
  g_autoptr(BriefExportContent) content = NULL;
  g_autoptr(GBytes) bytes = export (BRIEF_EXPORT_FORMAT_MARKDOWN, &content);
  g_autofree char *markdown = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  char *rendered = cmark_markdown_to_html (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  g_autofree char *html = g_strdup (rendered);
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  guint n_rows = 0;
  gboolean in_table = FALSE;

  free (rendered);
  g_test_message ("%s", markdown);
  g_assert_true (g_str_has_prefix (markdown, "# Millbrook flood barrier: progress & costs\n"));
  for (const char **section = (const char *[]) { "Key points", "Timeline", "Chronology",
                                                 "People and organisations", "Selected quotes",
                                                 "Notes", "Sources", NULL };
       *section != NULL; section++)
    {
      g_autofree char *heading = g_strdup_printf ("<h2>%s</h2>", *section);
      g_assert_nonnull (strstr (html, heading));
    }
  /* The notes' headings sit under the note's sections; raw HTML is gone. */
  g_assert_nonnull (strstr (html, "<h3>Assessment</h3>"));
  g_assert_nonnull (strstr (html, "<h4>Risks</h4>"));
  g_assert_null (strstr (markdown, "<script>"));
  /* The marking above and below. */
  {
    const char *first = strstr (html, "<strong>Official-Sensitive</strong>");

    g_assert_nonnull (first);
    g_assert_nonnull (strstr (first + 1, "<strong>Official-Sensitive</strong>"));
  }

  /* The chronology is a pipe table: one row per event, three cells each. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_equal (lines[i], "| Date | Event | Source |"))
        {
          in_table = TRUE;
          continue;
        }
      if (in_table && *lines[i] == '\0')
        break;
      if (in_table && !g_str_has_prefix (lines[i], "| ---"))
        {
          guint pipes = 0;

          for (const char *p = lines[i]; *p != '\0'; p++)
            pipes += *p == '|' && (p == lines[i] || p[-1] != '\\');
          g_assert_cmpuint (pipes, ==, 4);
          n_rows++;
        }
    }
  g_assert_cmpuint (n_rows, ==, content->events->len);
}

static void
test_sections_off (void)
{
  g_autoptr(BriefBriefing) briefing = brief_test_export_briefing ();
  BriefExportOptions options;
  g_autoptr(BriefExportContent) content = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *markdown = NULL;

  brief_export_options_init (&options);
  options.sections &= ~(BRIEF_EXPORT_SECTION_NOTES | BRIEF_EXPORT_SECTION_KEY_POINTS);
  options.include_hidden = TRUE;
  content = brief_export_content_new (briefing, &options);
  bytes = brief_export_write (content, BRIEF_EXPORT_FORMAT_MARKDOWN, NULL);
  markdown = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_null (strstr (markdown, "## Notes"));
  g_assert_null (strstr (markdown, "## Key points"));
  g_assert_nonnull (strstr (markdown, "## Chronology"));

  /* Hidden events come too when asked for; suggested ones do not. */
  {
    guint hidden = 0, suggested = 0;

    for (guint i = 0; i < content->events->len; i++)
      {
        BriefExportEvent *event = g_ptr_array_index (content->events, i);
        hidden += event->state == BRIEF_EVENT_STATE_HIDDEN;
        suggested += event->state == BRIEF_EVENT_STATE_SUGGESTED;
      }
    g_assert_cmpuint (hidden, ==, 1);
    g_assert_cmpuint (suggested, ==, 0);
  }
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export/html", test_html);
  g_test_add_func ("/export/fodt", test_fodt);
  g_test_add_func ("/export/markdown", test_markdown);
  g_test_add_func ("/export/sections-off", test_sections_off);

  return g_test_run ();
}
