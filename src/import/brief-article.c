/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-article"

#include "config.h"

#include <string.h>

#include "brief-article.h"

struct _BriefArticle
{
  GObject    parent_instance;

  char      *title;
  char      *byline;
  char      *site;
  char      *url;
  char      *language;
  char      *published;
  char      *source_path;
  GString   *text;
  GArray    *paragraphs;   /* of BriefParagraph */
  guint      n_repairs;
};

G_DEFINE_FINAL_TYPE (BriefArticle, brief_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SITE,
  PROP_PUBLISHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A headline is one short line without a full stop at its end. */
#define HEADLINE_MAX_CHARS 200

const char *
brief_paragraph_kind_to_string (BriefParagraphKind kind)
{
  switch (kind)
    {
    case BRIEF_PARAGRAPH_TEXT: return "p";
    case BRIEF_PARAGRAPH_HEADING1: return "h1";
    case BRIEF_PARAGRAPH_HEADING2: return "h2";
    case BRIEF_PARAGRAPH_HEADING3: return "h3";
    case BRIEF_PARAGRAPH_BLOCKQUOTE: return "blockquote";
    case BRIEF_PARAGRAPH_LIST_ITEM: return "li";
    default: g_return_val_if_reached ("p");
    }
}

static void
paragraph_clear (gpointer data)
{
  BriefParagraph *paragraph = data;

  g_clear_pointer (&paragraph->text, g_free);
}

static void
brief_article_finalize (GObject *object)
{
  BriefArticle *self = (BriefArticle *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->byline, g_free);
  g_clear_pointer (&self->site, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->published, g_free);
  g_clear_pointer (&self->source_path, g_free);
  g_string_free (self->text, TRUE);
  g_clear_pointer (&self->paragraphs, g_array_unref);

  G_OBJECT_CLASS (brief_article_parent_class)->finalize (object);
}

static void
brief_article_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BriefArticle *self = BRIEF_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SITE:
      g_value_set_string (value, self->site);
      break;
    case PROP_PUBLISHED:
      g_value_set_string (value, self->published);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
brief_article_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BriefArticle *self = BRIEF_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      brief_article_set_title (self, g_value_get_string (value));
      break;
    case PROP_SITE:
      brief_article_set_site (self, g_value_get_string (value));
      break;
    case PROP_PUBLISHED:
      brief_article_set_published (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
brief_article_class_init (BriefArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = brief_article_finalize;
  object_class->get_property = brief_article_get_property;
  object_class->set_property = brief_article_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SITE] =
    g_param_spec_string ("site", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PUBLISHED] =
    g_param_spec_string ("published", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
brief_article_init (BriefArticle *self)
{
  self->text = g_string_new (NULL);
  self->paragraphs = g_array_new (FALSE, TRUE, sizeof (BriefParagraph));
  g_array_set_clear_func (self->paragraphs, paragraph_clear);
}

BriefArticle *
brief_article_new (void)
{
  return g_object_new (BRIEF_TYPE_ARTICLE, NULL);
}

/* Stores @value in @field and returns whether it changed. */
static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

const char *
brief_article_get_title (BriefArticle *self)
{
  g_return_val_if_fail (BRIEF_IS_ARTICLE (self), NULL);
  return self->title;
}

void
brief_article_set_title (BriefArticle *self,
                         const char   *title)
{
  g_return_if_fail (BRIEF_IS_ARTICLE (self));

  if (replace_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
brief_article_get_byline (BriefArticle *self)
{
  g_return_val_if_fail (BRIEF_IS_ARTICLE (self), NULL);
  return self->byline;
}

void
brief_article_set_byline (BriefArticle *self,
                          const char   *byline)
{
  g_return_if_fail (BRIEF_IS_ARTICLE (self));
  replace_string (&self->byline, byline);
}

const char *
brief_article_get_site (BriefArticle *self)
{
  g_return_val_if_fail (BRIEF_IS_ARTICLE (self), NULL);
  return self->site;
}

void
brief_article_set_site (BriefArticle *self,
                        const char   *site)
{
  g_return_if_fail (BRIEF_IS_ARTICLE (self));

  if (replace_string (&self->site, site))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITE]);
}

const char *
brief_article_get_url (BriefArticle *self)
{
  g_return_val_if_fail (BRIEF_IS_ARTICLE (self), NULL);
  return self->url;
}

void
brief_article_set_url (BriefArticle *self,
                       const char   *url)
{
  g_return_if_fail (BRIEF_IS_ARTICLE (self));
  replace_string (&self->url, url);
}

const char *
brief_article_get_language (BriefArticle *self)
{
  g_return_val_if_fail (BRIEF_IS_ARTICLE (self), NULL);
  return self->language;
}

void
brief_article_set_language (BriefArticle *self,
                            const char   *language)
{
  g_return_if_fail (BRIEF_IS_ARTICLE (self));
  replace_string (&self->language, language);
}

const char *
brief_article_get_published (BriefArticle *self)
{
  g_return_val_if_fail (BRIEF_IS_ARTICLE (self), NULL);
  return self->published;
}

void
brief_article_set_published (BriefArticle *self,
                             const char   *published)
{
  g_return_if_fail (BRIEF_IS_ARTICLE (self));

  if (replace_string (&self->published, published))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHED]);
}

const char *
brief_article_get_source_path (BriefArticle *self)
{
  g_return_val_if_fail (BRIEF_IS_ARTICLE (self), NULL);
  return self->source_path;
}

void
brief_article_set_source_path (BriefArticle *self,
                               const char   *source_path)
{
  g_return_if_fail (BRIEF_IS_ARTICLE (self));
  replace_string (&self->source_path, source_path);
}

guint
brief_article_get_n_repairs (BriefArticle *self)
{
  g_return_val_if_fail (BRIEF_IS_ARTICLE (self), 0);
  return self->n_repairs;
}

void
brief_article_set_n_repairs (BriefArticle *self,
                             guint         n_repairs)
{
  g_return_if_fail (BRIEF_IS_ARTICLE (self));
  self->n_repairs = n_repairs;
}

static void
append_paragraph (BriefArticle       *self,
                  BriefParagraphKind  kind,
                  const char         *text,
                  gsize               length,
                  gsize               start)
{
  BriefParagraph paragraph = { kind, g_strndup (text, length), start };

  g_array_append_val (self->paragraphs, paragraph);
}

void
brief_article_add_paragraph (BriefArticle       *self,
                             BriefParagraphKind  kind,
                             const char         *text)
{
  g_return_if_fail (BRIEF_IS_ARTICLE (self));
  g_return_if_fail (text != NULL);

  if (self->text->len > 0)
    g_string_append (self->text, "\n\n");
  append_paragraph (self, kind, text, strlen (text), self->text->len);
  g_string_append (self->text, text);
}

void
brief_article_set_text (BriefArticle *self,
                        const char   *text)
{
  g_return_if_fail (BRIEF_IS_ARTICLE (self));
  g_return_if_fail (text != NULL);

  g_string_assign (self->text, text);
  g_array_set_size (self->paragraphs, 0);
}

gboolean
brief_article_add_paragraph_span (BriefArticle       *self,
                                  BriefParagraphKind  kind,
                                  gsize               start,
                                  gsize               length)
{
  const char *text;

  g_return_val_if_fail (BRIEF_IS_ARTICLE (self), FALSE);

  text = self->text->str;
  /* Spans come from files: check them before trusting them. */
  if (kind > BRIEF_PARAGRAPH_LIST_ITEM
      || start > self->text->len || length > self->text->len - start
      || !g_utf8_validate_len (text + start, length, NULL)
      || (start > 0 && (text[start] & 0xC0) == 0x80)
      || (start + length < self->text->len && (text[start + length] & 0xC0) == 0x80))
    return FALSE;

  append_paragraph (self, kind, text + start, length, start);
  return TRUE;
}

static gboolean
is_blank (const char *start,
          const char *end)
{
  for (const char *p = start; p < end; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
reads_as_headline (const char *line,
                   gsize       length)
{
  g_autofree char *stripped = g_strstrip (g_strndup (line, length));
  gsize n_chars = g_utf8_strlen (stripped, -1);

  return n_chars > 0
         && n_chars <= HEADLINE_MAX_CHARS
         && !g_str_has_suffix (stripped, ".");
}

/* Splits @text into paragraphs at blank lines, trimming the space around each. */
static void
derive_paragraphs (BriefArticle *self)
{
  const char *text = self->text->str;
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;
      const char *end;

      /* A paragraph runs until a line holding only white space. */
      while (*p != '\0')
        {
          const char *line_end = strchr (p, '\n');
          const char *next = line_end ? line_end + 1 : p + strlen (p);

          if (p != start && is_blank (p, line_end ? line_end : next))
            break;
          p = next;
        }
      end = p;

      while (start < end && g_ascii_isspace (*start))
        start++;
      while (end > start && g_ascii_isspace (end[-1]))
        end--;
      if (end > start)
        append_paragraph (self, BRIEF_PARAGRAPH_TEXT, start, end - start, start - text);

      while (*p != '\0' && g_ascii_isspace (*p))
        p++;
    }
}

/* "Published: 2024-03-18", "By: Jane Doe": a short label, a colon, a value. */
static gboolean
reads_as_header_field (const char *line,
                       gsize       length)
{
  const char *colon = memchr (line, ':', length);
  guint n_words = 1;

  if (colon == NULL || colon == line || length > 120 || colon[1] != ' ')
    return FALSE;
  for (const char *p = line; p < colon; p++)
    {
      if (*p == ' ')
        n_words++;
      else if (!g_ascii_isalpha (*p) && *p != '-')
        return FALSE;
    }
  return n_words <= 3;
}

/* A saved article often opens with its headline and header fields in one
 * block; the headline becomes a heading and the fields leave the body. */
static void
split_headline_block (BriefArticle *self)
{
  BriefParagraph *first = &g_array_index (self->paragraphs, BriefParagraph, 0);
  g_autofree char *block = g_steal_pointer (&first->text);
  gsize block_start = first->start;
  const char *rest;
  const char *newline = strchr (block, '\n');
  gsize headline_length = newline ? (gsize) (newline - block) : strlen (block);
  g_autofree char *title = NULL;

  first->text = g_strndup (block, headline_length);
  g_strchomp (first->text);

  if (!reads_as_headline (block, headline_length))
    {
      g_free (first->text);
      first->text = g_steal_pointer (&block);
      return;
    }

  first->kind = BRIEF_PARAGRAPH_HEADING1;
  title = g_strstrip (g_strdup (first->text));
  if (self->title == NULL)
    brief_article_set_title (self, title);

  rest = newline ? newline + 1 : NULL;
  while (rest != NULL && *rest != '\0')
    {
      const char *line_end = strchr (rest, '\n');
      gsize length = line_end ? (gsize) (line_end - rest) : strlen (rest);

      if (!reads_as_header_field (rest, length))
        break;
      rest = line_end ? line_end + 1 : rest + length;
    }

  if (rest != NULL && *rest != '\0')
    {
      BriefParagraph paragraph = { BRIEF_PARAGRAPH_TEXT, g_strdup (rest), block_start + (rest - block) };
      g_array_insert_val (self->paragraphs, 1, paragraph);
    }
}

void
brief_article_set_plain_text (BriefArticle *self,
                              const char   *text)
{
  g_return_if_fail (BRIEF_IS_ARTICLE (self));
  g_return_if_fail (text != NULL);

  g_string_assign (self->text, text);
  g_array_set_size (self->paragraphs, 0);
  derive_paragraphs (self);

  if (self->paragraphs->len > 0)
    split_headline_block (self);
}

gboolean
brief_article_is_in_body (BriefArticle *self,
                          gsize         byte_offset)
{
  g_return_val_if_fail (BRIEF_IS_ARTICLE (self), FALSE);

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      const BriefParagraph *paragraph = &g_array_index (self->paragraphs, BriefParagraph, i);

      if (byte_offset >= paragraph->start && byte_offset < paragraph->start + strlen (paragraph->text))
        return TRUE;
    }
  return FALSE;
}

guint
brief_article_get_n_paragraphs (BriefArticle *self)
{
  g_return_val_if_fail (BRIEF_IS_ARTICLE (self), 0);
  return self->paragraphs->len;
}

const BriefParagraph *
brief_article_get_paragraph (BriefArticle *self,
                             guint         index)
{
  g_return_val_if_fail (BRIEF_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (index < self->paragraphs->len, NULL);

  return &g_array_index (self->paragraphs, BriefParagraph, index);
}

const char *
brief_article_get_text (BriefArticle *self)
{
  g_return_val_if_fail (BRIEF_IS_ARTICLE (self), NULL);
  return self->text->str;
}
