/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "brief-article.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)

/* xmlChar strings returned by libxml2 are released with xmlFree. */
typedef xmlChar BriefXmlString;
void                _brief_xml_string_free         (BriefXmlString     *string);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriefXmlString, _brief_xml_string_free)

/* Recover from broken markup, never touch the network, stay quiet. */
#define BRIEF_HTML_PARSE_OPTIONS \
  (HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER)

/* A gzip stream may not inflate beyond this: a bomb is refused, not read. */
#define BRIEF_IMPORT_MAX_INFLATED_BYTES (BRIEF_IMPORT_MAX_BYTES)

/* brief-import-date.c: dates as "YYYY-MM-DD", or NULL when none is found. */
char               *_brief_date_parse              (const char         *text);
char               *_brief_date_from_url           (const char         *url);
char               *_brief_date_from_dateline      (const char         *text);

/* brief-gzip.c */
gboolean            _brief_gzip_has_magic          (const char         *data,
                                                    gsize               length);
GBytes             *_brief_gzip_inflate            (const char         *data,
                                                    gsize               length,
                                                    gsize               max_length,
                                                    GError            **error);

/* brief-mhtml.c: the first text/html part of a MIME multipart archive,
 * decoded from its transfer encoding, with its charset and location. */
gboolean            _brief_mhtml_sniff             (const char         *data,
                                                    gsize               length);
GBytes             *_brief_mhtml_get_html          (const char         *data,
                                                    gsize               length,
                                                    char              **out_charset,
                                                    char              **out_location,
                                                    GError            **error);

/* brief-html-document.c: decodes (BOM, then @charset, then <meta charset>,
 * then UTF-8) and parses a page with libxml2's HTML parser in recover mode. */
char               *_brief_html_find_meta_charset  (const char         *data,
                                                    gsize               length);
xmlDoc             *_brief_html_parse              (const char         *data,
                                                    gsize               length,
                                                    const char         *charset,
                                                    guint              *out_n_repairs,
                                                    GError            **error);
/* Parses an HTML fragment already in UTF-8 (a feed item's content). */
xmlDoc             *_brief_html_parse_fragment     (const char         *html);
/* Text of @node's text and CDATA descendants, never expanding entities,
 * whitespace collapsed; NULL when empty. */
char               *_brief_xml_node_text           (xmlNode            *node);
const char         *_brief_xml_get_attr            (xmlNode            *node,
                                                    const char         *name);
gboolean            _brief_xml_name_is             (xmlNode            *node,
                                                    const char         *name);

/* brief-html-extractor.c */
typedef enum
{
  BRIEF_EXTRACT_PAGE,      /* find the article among the page's boilerplate */
  BRIEF_EXTRACT_FRAGMENT,  /* the whole fragment is the article (feed items) */
} BriefExtractMode;

void                _brief_html_extract            (xmlDoc             *doc,
                                                    BriefExtractMode    mode,
                                                    const char         *title,
                                                    BriefArticle       *article);

/* brief-html-metadata.c: title, byline, site, URL, language, published. */
void                _brief_html_read_metadata      (xmlDoc             *doc,
                                                    BriefArticle       *article);
/* The headline as the page shows it in its <h1>, for dropping it from the body. */
char               *_brief_html_find_headline      (xmlDoc             *doc);

/* brief-html-importer.c */
BriefArticle       *_brief_html_import             (const char         *data,
                                                    gsize               length,
                                                    const char         *charset,
                                                    const char         *filename,
                                                    GError            **error);

/* brief-feed-importer.c: NULL with @error unset when @data is no feed. */
gboolean            _brief_feed_sniff              (const char         *data,
                                                    gsize               length);
GPtrArray          *_brief_feed_import             (const char         *data,
                                                    gsize               length,
                                                    const char         *filename,
                                                    GError            **error);

G_END_DECLS
