/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  BRIEF_PARAGRAPH_TEXT,
  BRIEF_PARAGRAPH_HEADING1,
  BRIEF_PARAGRAPH_HEADING2,
  BRIEF_PARAGRAPH_HEADING3,
  BRIEF_PARAGRAPH_BLOCKQUOTE,
  BRIEF_PARAGRAPH_LIST_ITEM,
} BriefParagraphKind;

typedef struct
{
  BriefParagraphKind kind;
  char              *text;
  gsize              start;  /* byte offset of the paragraph in the article text */
} BriefParagraph;

const char         *brief_paragraph_kind_to_string (BriefParagraphKind kind);

#define BRIEF_TYPE_ARTICLE (brief_article_get_type ())

G_DECLARE_FINAL_TYPE (BriefArticle, brief_article, BRIEF, ARTICLE, GObject)

BriefArticle       *brief_article_new               (void);
const char         *brief_article_get_title         (BriefArticle       *self);
void                brief_article_set_title         (BriefArticle       *self,
                                                     const char         *title);
const char         *brief_article_get_byline        (BriefArticle       *self);
void                brief_article_set_byline        (BriefArticle       *self,
                                                     const char         *byline);
const char         *brief_article_get_site          (BriefArticle       *self);
void                brief_article_set_site          (BriefArticle       *self,
                                                     const char         *site);
const char         *brief_article_get_url           (BriefArticle       *self);
void                brief_article_set_url           (BriefArticle       *self,
                                                     const char         *url);
const char         *brief_article_get_language      (BriefArticle       *self);
void                brief_article_set_language      (BriefArticle       *self,
                                                     const char         *language);
const char         *brief_article_get_published     (BriefArticle       *self);
void                brief_article_set_published     (BriefArticle       *self,
                                                     const char         *published);
const char         *brief_article_get_source_path   (BriefArticle       *self);
void                brief_article_set_source_path   (BriefArticle       *self,
                                                     const char         *source_path);
/* Appends a paragraph to the text, separated from the previous by a blank line. */
void                brief_article_add_paragraph     (BriefArticle       *self,
                                                     BriefParagraphKind  kind,
                                                     const char         *text);
/* Sets the text and clears the paragraphs, to restore a saved article with
 * brief_article_add_paragraph_span(). */
void                brief_article_set_text          (BriefArticle       *self,
                                                     const char         *text);
/* Marks @length bytes from @start of the text as a paragraph; FALSE when
 * the span is outside the text or cuts a character. */
gboolean            brief_article_add_paragraph_span (BriefArticle      *self,
                                                      BriefParagraphKind kind,
                                                      gsize              start,
                                                      gsize              length);
/* Sets the text verbatim (plain-text files keep their own layout) and derives
 * paragraphs from its blank lines; the first line becomes the title when it
 * reads as a headline. */
void                brief_article_set_plain_text    (BriefArticle       *self,
                                                     const char         *text);
/* Whether @byte_offset of the text lies in a paragraph, not in header fields
 * such as "Published: …" or the blank lines between paragraphs. */
gboolean            brief_article_is_in_body        (BriefArticle       *self,
                                                     gsize               byte_offset);
guint               brief_article_get_n_paragraphs  (BriefArticle       *self);
const BriefParagraph *brief_article_get_paragraph   (BriefArticle       *self,
                                                     guint               index);
const char         *brief_article_get_text          (BriefArticle       *self);
guint               brief_article_get_n_repairs     (BriefArticle       *self);
void                brief_article_set_n_repairs     (BriefArticle       *self,
                                                     guint               n_repairs);

G_END_DECLS
