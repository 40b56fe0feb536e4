/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-html-extractor"

#include "config.h"

#include <string.h>

#include "brief-import-private.h"

/*
 * Main-content extraction.
 *
 * 1. A walk over the page turns its text into blocks: runs of text that a
 *    block-level element (or two <br>) delimits, each with its owner element,
 *    its length, its link text, its commas and whether a boilerplate element
 *    (by tag, role, class or id) encloses it.
 * 2. Each substantial block votes for the elements that hold it, the nearer
 *    the more; the votes are weighed by the element's link density and its
 *    class/id hints, and the best element is the article's container.
 * 3. The container's siblings that read like the article join it, and the
 *    blocks inside them, without boilerplate, captions, link lists and the
 *    headline, become the article's paragraphs.
 *
 * Every walk is iterative: the parser caps the depth, but nothing here relies
 * on that.
 */

/* Blocks shorter than this are too short to vote for a container. */
#define MIN_VOTING_CHARS 25
/* How many ancestors of a block receive its vote. */
#define VOTING_LEVELS 4
/* A candidate scoring this share of the best one is a rival for the article. */
#define RIVAL_SHARE 0.5
/* How far above the best candidate a common ancestor with a rival may be. */
#define MAX_WIDENING_LEVELS 6
/* Ancestor chains are followed this far at most. */
#define MAX_ANCESTOR_WALK 512

typedef enum
{
  TAG_INLINE    = 0,
  TAG_DROP      = 1 << 0,   /* never text: scripts, styles, forms' controls… */
  TAG_BLOCK     = 1 << 1,   /* starts a new block of text */
  TAG_PARAGRAPH = 1 << 2,   /* holds text rather than other blocks */
  TAG_BOILER    = 1 << 3,   /* navigation, asides, footers */
} TagFlags;

typedef struct
{
  const char *name;
  TagFlags    flags;
} TagInfo;

static const TagInfo tag_table[] = {
  { "script", TAG_DROP }, { "style", TAG_DROP }, { "noscript", TAG_DROP },
  { "template", TAG_DROP }, { "svg", TAG_DROP }, { "math", TAG_DROP },
  { "iframe", TAG_DROP }, { "object", TAG_DROP }, { "embed", TAG_DROP },
  { "canvas", TAG_DROP }, { "button", TAG_DROP }, { "select", TAG_DROP },
  { "input", TAG_DROP }, { "textarea", TAG_DROP }, { "option", TAG_DROP },
  { "head", TAG_DROP }, { "title", TAG_DROP }, { "meta", TAG_DROP },
  { "link", TAG_DROP }, { "video", TAG_DROP }, { "audio", TAG_DROP },
  { "img", TAG_DROP }, { "picture", TAG_DROP }, { "map", TAG_DROP },
  { "dialog", TAG_DROP }, { "frameset", TAG_DROP }, { "applet", TAG_DROP },
  { "label", TAG_DROP },
  { "nav", TAG_BLOCK | TAG_BOILER }, { "aside", TAG_BLOCK | TAG_BOILER },
  { "footer", TAG_BLOCK | TAG_BOILER }, { "menu", TAG_BLOCK | TAG_BOILER },
  { "p", TAG_BLOCK | TAG_PARAGRAPH }, { "h1", TAG_BLOCK | TAG_PARAGRAPH },
  { "h2", TAG_BLOCK | TAG_PARAGRAPH }, { "h3", TAG_BLOCK | TAG_PARAGRAPH },
  { "h4", TAG_BLOCK | TAG_PARAGRAPH }, { "h5", TAG_BLOCK | TAG_PARAGRAPH },
  { "h6", TAG_BLOCK | TAG_PARAGRAPH }, { "li", TAG_BLOCK | TAG_PARAGRAPH },
  { "pre", TAG_BLOCK | TAG_PARAGRAPH }, { "dd", TAG_BLOCK | TAG_PARAGRAPH },
  { "dt", TAG_BLOCK | TAG_PARAGRAPH }, { "figcaption", TAG_BLOCK | TAG_PARAGRAPH },
  { "caption", TAG_BLOCK | TAG_PARAGRAPH }, { "summary", TAG_BLOCK | TAG_PARAGRAPH },
  { "legend", TAG_BLOCK | TAG_PARAGRAPH }, { "address", TAG_BLOCK | TAG_PARAGRAPH },
  { "blockquote", TAG_BLOCK }, { "div", TAG_BLOCK }, { "section", TAG_BLOCK },
  { "article", TAG_BLOCK }, { "main", TAG_BLOCK }, { "header", TAG_BLOCK },
  { "body", TAG_BLOCK }, { "html", TAG_BLOCK }, { "center", TAG_BLOCK },
  { "dl", TAG_BLOCK }, { "ol", TAG_BLOCK }, { "ul", TAG_BLOCK }, { "dir", TAG_BLOCK },
  { "details", TAG_BLOCK }, { "fieldset", TAG_BLOCK }, { "figure", TAG_BLOCK },
  { "form", TAG_BLOCK }, { "hgroup", TAG_BLOCK }, { "hr", TAG_BLOCK },
  { "table", TAG_BLOCK }, { "tbody", TAG_BLOCK }, { "thead", TAG_BLOCK },
  { "tfoot", TAG_BLOCK }, { "tr", TAG_BLOCK }, { "td", TAG_BLOCK }, { "th", TAG_BLOCK },
};

/* Class and id words that mark boilerplate, matched inside the words. */
static const char * const negative_parts[] = {
  "comment", "sidebar", "newsletter", "subscri", "related", "footer", "outbrain",
  "taboola", "advert", "sponsor", "cookie", "popup", "modal", "breadcrumb",
  "pagination", "disqus", "recommend", "mostread", "most-read", "most_read",
  "mostpopular", "most-popular", "trending", "social", "share", "sharing",
  "promo", "banner", "masthead", "navbar", "navigation", "menu", "widget",
  "byline", "caption", "credit", "toolbar", "signup", "sign-up",
  "tooltip", "readmore", "read-more", "more-stories", "jump-link", "skip-link",
  "author-bio", "newsfeed", "nocontent", "masthead", "consent", "gdpr",
  NULL
};

/* Class and id words that mark boilerplate when they stand alone. */
static const char * const negative_words[] = {
  "ad", "ads", "adv", "nav", "tags", "print", "rss", "meta", "hide",
  "skip", "links", "pager", "topics", "keywords", NULL
};

static const char * const positive_parts[] = {
  "article", "content", "story", "body", "post", "entry", "main", "text",
  "prose", NULL
};

/* Whole class names of text meant only for screen readers, or hidden. */
static const char * const hidden_classes[] = {
  "hidden", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
  "screen-reader-only", "element-invisible", "is-hidden", "u-hidden", NULL
};

static const char * const boiler_roles[] = {
  "navigation", "banner", "contentinfo", "complementary", "search", "menu",
  "menubar", "dialog", "alertdialog", "toolbar", NULL
};

typedef struct
{
  gsize    text;            /* bytes of text the element holds */
  gint8    hint;
  guint8   hint_known : 1;
  guint8   structural : 1;  /* hint from the tag or role */
} NodeData;

typedef struct
{
  GHashTable *nodes;        /* xmlNode → NodeData */
  GHashTable *candidates;   /* xmlNode → Candidate */
  xmlNode    *body;
} Extractor;

typedef struct
{
  xmlNode            *owner;
  gsize               start;       /* in Walker.text */
  gsize               length;
  guint               n_chars;
  guint               link_chars;
  guint               n_commas;
  BriefParagraphKind  kind;
  guint               boiler : 1;
  guint               caption : 1;
} Block;

typedef struct
{
  Extractor *ex;
  gboolean  structural_only;  /* scoring trusts tags and roles, not names */
  xmlNode  *root;
  GString  *text;
  GArray   *blocks;
  /* the block being built */
  gsize     start;
  guint     n_chars;
  guint     link_chars;
  guint     n_commas;
  gboolean  pending_space;
  gboolean  pending_newline;
  gboolean  after_br;
  /* how many open elements of each sort enclose the walk's position */
  guint     link_depth;
  guint     boiler_depth;
  guint     quote_depth;
  guint     item_depth;
  guint     caption_depth;
} Walker;

typedef struct
{
  double score;
  guint  n_chars;
  guint  link_chars;
} Candidate;

static GHashTable *
tag_flags_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *new_table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (tag_table); i++)
        g_hash_table_insert (new_table, (gpointer) tag_table[i].name,
                             GUINT_TO_POINTER (tag_table[i].flags));
      g_once_init_leave (&table, new_table);
    }
  return table;
}

static TagFlags
tag_flags (xmlNode *node)
{
  /* libxml2's HTML parser gives element names in lower case. */
  return GPOINTER_TO_UINT (g_hash_table_lookup (tag_flags_table (), node->name));
}

static gboolean
in_list (const char        *word,
         gsize              length,
         const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strlen (list[i]) == length && g_ascii_strncasecmp (word, list[i], length) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_hidden_class (const char *classes)
{
  const char *p = classes;

  while (*p != '\0')
    {
      gsize length;

      while (g_ascii_isspace (*p))
        p++;
      length = strcspn (p, " \t\r\n");
      if (length > 0 && in_list (p, length, hidden_classes))
        return TRUE;
      p += length;
    }
  return FALSE;
}

static gboolean
style_hides (const char *style)
{
  g_autofree char *compact = NULL;
  char *out;

  if (style == NULL)
    return FALSE;
  compact = g_ascii_strdown (style, -1);
  out = compact;
  for (const char *p = compact; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      *out++ = *p;
  *out = '\0';
  return strstr (compact, "display:none") != NULL
         || strstr (compact, "visibility:hidden") != NULL;
}

static gboolean
is_hidden (xmlNode *node)
{
  const char *classes = _brief_xml_get_attr (node, "class");
  const char *aria = _brief_xml_get_attr (node, "aria-hidden");

  if (xmlHasProp (node, (const xmlChar *) "hidden") != NULL)
    return TRUE;
  if (aria != NULL && g_ascii_strcasecmp (aria, "true") == 0)
    return TRUE;
  if (classes != NULL && has_hidden_class (classes))
    return TRUE;
  return style_hides (_brief_xml_get_attr (node, "style"));
}

/* Scores the words of a class or id attribute: > 0 content, < 0 boilerplate. */
static void
scan_names (const char *names,
            gboolean   *positive,
            gboolean   *negative)
{
  g_autofree char *lower = NULL;
  const char *p;

  if (names == NULL || *names == '\0')
    return;
  lower = g_ascii_strdown (names, -1);

  for (guint i = 0; negative_parts[i] != NULL && !*negative; i++)
    if (strstr (lower, negative_parts[i]) != NULL)
      *negative = TRUE;
  for (guint i = 0; positive_parts[i] != NULL && !*positive; i++)
    if (strstr (lower, positive_parts[i]) != NULL)
      *positive = TRUE;

  for (p = lower; *p != '\0' && !*negative;)
    {
      gsize length;

      while (*p != '\0' && !g_ascii_isalnum (*p))
        p++;
      length = 0;
      while (g_ascii_isalnum (p[length]))
        length++;
      if (length > 0 && in_list (p, length, negative_words))
        *negative = TRUE;
      p += length;
    }
}

/* +2 the article's body, +1 likely content, 0 nothing known, -1 probably
 * boilerplate, -2 boilerplate; @structural tells a hint from the tag or the
 * ARIA role, which is surer than one from class and id names. */
static int
compute_hint (xmlNode  *node,
              gboolean *structural)
{
  const char *itemprop = _brief_xml_get_attr (node, "itemprop");
  const char *role = _brief_xml_get_attr (node, "role");
  TagFlags flags = tag_flags (node);
  gboolean positive = FALSE;
  gboolean negative = FALSE;

  if (_brief_xml_name_is (node, "body") || _brief_xml_name_is (node, "html"))
    return 0;
  if (itemprop != NULL && g_ascii_strcasecmp (itemprop, "articleBody") == 0)
    return 2;
  *structural = TRUE;
  if (flags & TAG_BOILER)
    return -2;
  if (role != NULL)
    {
      gsize length = strlen (role);
      if (in_list (role, length, boiler_roles))
        return -2;
      if (g_ascii_strcasecmp (role, "main") == 0 || g_ascii_strcasecmp (role, "article") == 0)
        positive = TRUE;
    }
  if (_brief_xml_name_is (node, "article") || _brief_xml_name_is (node, "main"))
    positive = TRUE;

  scan_names (_brief_xml_get_attr (node, "class"), &positive, &negative);
  scan_names (_brief_xml_get_attr (node, "id"), &positive, &negative);

  *structural = FALSE;
  if (negative)
    return positive ? -1 : -2;
  if (_brief_xml_name_is (node, "header"))
    return -1;
  return positive ? 1 : 0;
}

/* ---- What the extractor knows of each element ---- */

static NodeData *
node_data (Extractor *ex,
           xmlNode   *node)
{
  NodeData *data = g_hash_table_lookup (ex->nodes, node);

  if (data == NULL)
    {
      data = g_new0 (NodeData, 1);
      g_hash_table_insert (ex->nodes, node, data);
    }
  if (!data->hint_known)
    {
      gboolean structural = FALSE;

      data->hint = compute_hint (node, &structural);
      data->structural = structural;
      data->hint_known = TRUE;
    }
  return data;
}

static int
node_hint (Extractor *ex,
           xmlNode   *node)
{
  return node_data (ex, node)->hint;
}

static gsize
text_size (Extractor *ex,
           xmlNode   *node)
{
  NodeData *data = g_hash_table_lookup (ex->nodes, node);

  return data != NULL ? data->text : 0;
}

static gboolean
measure_enter (Extractor *ex,
               xmlNode   *node)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL && node->parent != NULL)
        node_data (ex, node->parent)->text += strlen ((const char *) node->content);
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE || node->name == NULL)
    return FALSE;
  return !(tag_flags (node) & TAG_DROP);
}

static void
measure_leave (Extractor *ex,
               xmlNode   *root,
               xmlNode   *node)
{
  if (node != root && node->parent != NULL)
    node_data (ex, node->parent)->text += text_size (ex, node);
}

/* Learns how many bytes of text each element under @root holds. */
static void
measure_text (Extractor *ex,
              xmlNode   *root)
{
  xmlNode *node = root;
  gboolean descend = measure_enter (ex, node);

  for (;;)
    {
      if (descend && node->children != NULL)
        {
          node = node->children;
          descend = measure_enter (ex, node);
          continue;
        }
      if (descend)
        measure_leave (ex, root, node);
      while (node != root && node->next == NULL)
        {
          node = node->parent;
          measure_leave (ex, root, node);
        }
      if (node == root)
        break;
      node = node->next;
      descend = measure_enter (ex, node);
    }
}

/* A boilerplate hint holds only for an element that is not most of the text
 * under @root: a page-wide wrapper named "page-ad-margins" is no advert.
 * With @structural_only, names are not trusted, only tags and roles. */
static gboolean
is_boiler (Extractor *ex,
           xmlNode   *root,
           xmlNode   *node,
           gboolean   structural_only)
{
  NodeData *data = node_data (ex, node);

  if (data->hint >= 0 || (structural_only && !data->structural))
    return FALSE;
  return data->text * 2 <= text_size (ex, root);
}

/* ---- Walking the page into blocks ---- */

static xmlNode *
nearest_block (Walker  *w,
               xmlNode *node)
{
  for (guint i = 0; node != NULL && i < MAX_ANCESTOR_WALK; i++, node = node->parent)
    {
      if (node == w->root || (node->type == XML_ELEMENT_NODE && (tag_flags (node) & TAG_BLOCK)))
        return node;
    }
  return w->root;
}

static BriefParagraphKind
block_kind (Walker  *w,
            xmlNode *owner)
{
  const char *name = (const char *) owner->name;

  if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
    return name[1] == '1' ? BRIEF_PARAGRAPH_HEADING1
           : name[1] == '2' ? BRIEF_PARAGRAPH_HEADING2 : BRIEF_PARAGRAPH_HEADING3;
  if (w->item_depth > 0)
    return BRIEF_PARAGRAPH_LIST_ITEM;
  if (w->quote_depth > 0)
    return BRIEF_PARAGRAPH_BLOCKQUOTE;
  return BRIEF_PARAGRAPH_TEXT;
}

static void
walker_flush (Walker  *w,
              xmlNode *owner)
{
  Block block = { 0 };

  w->pending_space = FALSE;
  w->pending_newline = FALSE;
  w->after_br = FALSE;

  if (w->n_chars > 0)
    {
      block.owner = owner;
      block.start = w->start;
      block.length = w->text->len - w->start;
      block.n_chars = w->n_chars;
      block.link_chars = w->link_chars;
      block.n_commas = w->n_commas;
      block.kind = block_kind (w, owner);
      block.boiler = w->boiler_depth > 0;
      block.caption = w->caption_depth > 0;
      g_array_append_val (w->blocks, block);
      g_string_append_c (w->text, '\0');
    }
  else
    g_string_truncate (w->text, w->start);

  w->start = w->text->len;
  w->n_chars = 0;
  w->link_chars = 0;
  w->n_commas = 0;
}

/* Characters that read as white space, or as nothing at all. */
static gboolean
skip_special_space (const guchar *p,
                    gboolean     *is_space,
                    guint        *skip)
{
  if (p[0] == 0xC2 && p[1] == 0xA0)
    *is_space = TRUE, *skip = 2;                       /* no-break space */
  else if (p[0] == 0xC2 && p[1] == 0xAD)
    *is_space = FALSE, *skip = 2;                      /* soft hyphen */
  else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x8B || p[2] == 0x8C || p[2] == 0x8D))
    *is_space = FALSE, *skip = 3;                      /* zero-width characters */
  else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xAF || (p[2] >= 0x80 && p[2] <= 0x8A)))
    *is_space = TRUE, *skip = 3;                       /* typographic spaces */
  else if (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
    *is_space = FALSE, *skip = 3;                      /* stray byte-order mark */
  else
    return FALSE;
  return TRUE;
}

static void
walker_add_text (Walker     *w,
                 const char *text)
{
  const guchar *p = (const guchar *) text;

  while (*p != '\0')
    {
      gboolean is_space;
      guint skip;

      if (skip_special_space (p, &is_space, &skip))
        {
          p += skip;
          if (is_space)
            w->pending_space = TRUE;
          continue;
        }
      if (g_ascii_isspace (*p))
        {
          w->pending_space = TRUE;
          p++;
          continue;
        }

      if (w->n_chars > 0 && (w->pending_space || w->pending_newline))
        {
          g_string_append_c (w->text, w->pending_newline ? '\n' : ' ');
          w->n_chars++;
          if (w->link_depth > 0)
            w->link_chars++;
        }
      w->pending_space = FALSE;
      w->pending_newline = FALSE;
      w->after_br = FALSE;

      if ((*p & 0xC0) != 0x80)
        {
          w->n_chars++;
          if (w->link_depth > 0)
            w->link_chars++;
        }
      if (*p == ',')
        w->n_commas++;
      else if (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C)
        w->n_commas++;                                 /* fullwidth comma */
      g_string_append_c (w->text, (char) *p);
      p++;
    }
}

static void
walker_line_break (Walker  *w,
                   xmlNode *br)
{
  if (w->after_br)
    walker_flush (w, nearest_block (w, br->parent));
  else if (w->n_chars > 0)
    {
      w->pending_newline = TRUE;
      w->after_br = TRUE;
    }
}

static void
walker_count (Walker  *w,
              xmlNode *node,
              int      delta)
{
  const char *name = (const char *) node->name;

  if (strcmp (name, "a") == 0)
    w->link_depth += delta;
  else if (strcmp (name, "blockquote") == 0)
    w->quote_depth += delta;
  else if (strcmp (name, "li") == 0)
    w->item_depth += delta;
  else if (strcmp (name, "figcaption") == 0 || strcmp (name, "figure") == 0)
    w->caption_depth += delta;

  if (node != w->root && is_boiler (w->ex, w->root, node, w->structural_only))
    w->boiler_depth += delta;
}

/* Returns whether the walk goes into @node's children. */
static gboolean
walker_enter (Walker  *w,
              xmlNode *node)
{
  TagFlags flags;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        walker_add_text (w, (const char *) node->content);
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE || node->name == NULL)
    return FALSE;

  if (strcmp ((const char *) node->name, "br") == 0)
    {
      walker_line_break (w, node);
      return FALSE;
    }

  flags = tag_flags (node);
  if ((flags & TAG_DROP) || is_hidden (node))
    return FALSE;

  if (flags & TAG_BLOCK)
    walker_flush (w, nearest_block (w, node->parent));
  walker_count (w, node, +1);
  return TRUE;
}

static void
walker_leave (Walker  *w,
              xmlNode *node)
{
  if (node->type != XML_ELEMENT_NODE)
    return;
  if (tag_flags (node) & TAG_BLOCK || node == w->root)
    walker_flush (w, node);
  walker_count (w, node, -1);
}

/* Appends the blocks under @root to @blocks, their text to @text. */
static void
collect_blocks (Extractor *ex,
                xmlNode   *root,
                gboolean   structural_only,
                GString   *text,
                GArray    *blocks)
{
  Walker w = { 0 };
  xmlNode *node = root;
  gboolean descend;

  w.ex = ex;
  w.structural_only = structural_only;
  w.root = root;
  w.text = text;
  w.blocks = blocks;
  w.start = text->len;

  descend = walker_enter (&w, node);
  for (;;)
    {
      if (descend && node->children != NULL)
        {
          node = node->children;
          descend = walker_enter (&w, node);
          continue;
        }
      if (descend)
        walker_leave (&w, node);
      while (node != root && node->next == NULL)
        {
          node = node->parent;
          walker_leave (&w, node);
        }
      if (node == root)
        break;
      node = node->next;
      descend = walker_enter (&w, node);
    }
  walker_flush (&w, root);
}

/* ---- Choosing the container ---- */

static double
block_vote (const Block *block)
{
  double link_density = (double) block->link_chars / block->n_chars;

  return (1.0 + block->n_commas + MIN (block->n_chars / 100.0, 3.0)) * (1.0 - link_density);
}

static Candidate *
candidate_for (Extractor *ex,
               xmlNode   *node)
{
  Candidate *candidate = g_hash_table_lookup (ex->candidates, node);

  if (candidate == NULL)
    {
      candidate = g_new0 (Candidate, 1);
      g_hash_table_insert (ex->candidates, node, candidate);
    }
  return candidate;
}

static void
vote (Extractor   *ex,
      const Block *block)
{
  xmlNode *node = block->owner;
  double value = block_vote (block);

  if (tag_flags (node) & TAG_PARAGRAPH)
    node = node->parent;
  for (guint level = 0; level < VOTING_LEVELS && node != NULL && node->type == XML_ELEMENT_NODE; level++)
    {
      candidate_for (ex, node)->score += level == 0 ? value : value / (2.0 * level);
      node = node->parent;
    }
}

/* Every candidate learns how much text, and link text, it holds. */
static void
measure_candidates (Extractor *ex,
                    GArray    *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *block = &g_array_index (blocks, Block, i);
      xmlNode *node = block->owner;

      for (guint j = 0; node != NULL && j < MAX_ANCESTOR_WALK; j++, node = node->parent)
        {
          Candidate *candidate = g_hash_table_lookup (ex->candidates, node);
          if (candidate != NULL)
            {
              candidate->n_chars += block->n_chars;
              candidate->link_chars += block->link_chars;
            }
          if (node == ex->body)
            break;
        }
    }
}

static double
hint_factor (int hint)
{
  switch (hint)
    {
    case 2: return 2.0;
    case 1: return 1.25;
    case -1: return 0.5;
    case -2: return 0.2;
    default: return 1.0;
    }
}

/* Inside an element whose name says boilerplate, and which is not most of
 * the page, a candidate is less likely the article. */
static double
ancestry_factor (Extractor *ex,
                 xmlNode   *node)
{
  for (guint i = 0; node != NULL && node != ex->body && i < MAX_ANCESTOR_WALK; i++, node = node->parent)
    if (node->type == XML_ELEMENT_NODE && is_boiler (ex, ex->body, node, FALSE))
      return 0.35;
  return 1.0;
}

static double
final_score (Extractor       *ex,
             xmlNode         *node,
             const Candidate *candidate)
{
  double link_density = candidate->n_chars > 0 ? (double) candidate->link_chars / candidate->n_chars : 0.0;

  return candidate->score * (1.0 - link_density) * hint_factor (node_hint (ex, node))
         * ancestry_factor (ex, node->parent);
}

static xmlNode *
choose_container (Extractor *ex,
                  GArray    *blocks,
                  double    *out_score)
{
  GHashTableIter iter;
  gpointer key, value;
  xmlNode *best = NULL;
  double best_score = 0.0;

  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *block = &g_array_index (blocks, Block, i);
      if (!block->boiler && block->n_chars >= MIN_VOTING_CHARS)
        vote (ex, block);
    }
  measure_candidates (ex, blocks);

  g_hash_table_iter_init (&iter, ex->candidates);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double score = final_score (ex, key, value);
      if (score > best_score)
        {
          best = key;
          best_score = score;
        }
    }

  *out_score = best_score;
  return best;
}

/* ---- Gathering the article around the container ---- */

static gboolean
is_ancestor (xmlNode *ancestor,
             xmlNode *node)
{
  for (guint i = 0; node != NULL && i < MAX_ANCESTOR_WALK; i++, node = node->parent)
    if (node == ancestor)
      return TRUE;
  return FALSE;
}

/* An article split into sections gives several strong candidates: their
 * nearest common ancestor, when close, holds the whole article. */
static xmlNode *
widen_container (Extractor *ex,
                 xmlNode   *best,
                 double     best_score)
{
  GHashTableIter iter;
  gpointer key, value;
  xmlNode *container = best;

  g_hash_table_iter_init (&iter, ex->candidates);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      xmlNode *other = key;
      xmlNode *ancestor = container;

      if (is_ancestor (container, other) || is_ancestor (other, container)
          || final_score (ex, other, value) < best_score * RIVAL_SHARE)
        continue;
      for (guint level = 0; ancestor != NULL && level < MAX_WIDENING_LEVELS; level++)
        {
          ancestor = ancestor->parent;
          if (ancestor == NULL || ancestor == ex->body || ancestor->type != XML_ELEMENT_NODE)
            return container;
          if (is_ancestor (ancestor, other))
            break;
        }
      if (ancestor == NULL || !is_ancestor (ancestor, other))
        continue;
      container = ancestor;
    }
  return container;
}

static gboolean
sibling_belongs (Extractor *ex,
                 xmlNode   *sibling,
                 double     best_score)
{
  Candidate *candidate = g_hash_table_lookup (ex->candidates, sibling);

  if (node_hint (ex, sibling) < 0)
    return FALSE;
  return candidate != NULL && final_score (ex, sibling, candidate) >= MAX (3.0, best_score * 0.2);
}

static gboolean
paragraph_sibling_belongs (const Block *block,
                           const char  *text)
{
  double link_density = (double) block->link_chars / block->n_chars;

  if (block->boiler || link_density > 0.25)
    return FALSE;
  if (block->n_chars >= 80)
    return TRUE;
  return block->link_chars == 0 && g_str_has_suffix (text, ".");
}

/* Compares letters and digits only, ignoring case, space and punctuation. */
static gboolean
same_text (const char *a,
           const char *b)
{
  if (a == NULL || b == NULL)
    return FALSE;
  for (;;)
    {
      while (*a != '\0' && !g_unichar_isalnum (g_utf8_get_char (a)))
        a = g_utf8_next_char (a);
      while (*b != '\0' && !g_unichar_isalnum (g_utf8_get_char (b)))
        b = g_utf8_next_char (b);
      if (*a == '\0' || *b == '\0')
        return *a == *b;
      if (g_unichar_tolower (g_utf8_get_char (a)) != g_unichar_tolower (g_utf8_get_char (b)))
        return FALSE;
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
    }
}

static gboolean
keep_block (const Block *block,
            const char  *text,
            const char  *headline)
{
  double link_density = (double) block->link_chars / block->n_chars;

  if (block->boiler || block->caption)
    return FALSE;
  if (link_density > 0.5 || (block->n_chars < 40 && link_density > 0.3))
    return FALSE;
  if (block->kind == BRIEF_PARAGRAPH_HEADING1 && same_text (text, headline))
    return FALSE;
  return TRUE;
}

static void
emit_blocks (Extractor    *ex,
             xmlNode      *root,
             const char   *headline,
             BriefArticle *article)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) blocks = g_array_new (FALSE, FALSE, sizeof (Block));

  collect_blocks (ex, root, FALSE, text, blocks);
  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *block = &g_array_index (blocks, Block, i);
      const char *block_text = text->str + block->start;

      if (keep_block (block, block_text, headline))
        brief_article_add_paragraph (article, block->kind, block_text);
    }
}

/* A sibling that holds its own text (a <p> beside the container's <div>). */
static void
emit_paragraph_sibling (Extractor    *ex,
                        xmlNode      *sibling,
                        BriefArticle *article)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) blocks = g_array_new (FALSE, FALSE, sizeof (Block));

  collect_blocks (ex, sibling, FALSE, text, blocks);
  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *block = &g_array_index (blocks, Block, i);
      const char *block_text = text->str + block->start;

      if (paragraph_sibling_belongs (block, block_text))
        brief_article_add_paragraph (article, block->kind, block_text);
    }
}

static void
emit_article (Extractor    *ex,
              xmlNode      *container,
              double        best_score,
              const char   *headline,
              BriefArticle *article)
{
  xmlNode *parent = container->parent;

  if (container == ex->body || parent == NULL || parent->type != XML_ELEMENT_NODE)
    {
      emit_blocks (ex, container, headline, article);
      return;
    }

  for (xmlNode *sibling = parent->children; sibling != NULL; sibling = sibling->next)
    {
      if (sibling == container)
        emit_blocks (ex, container, headline, article);
      else if (sibling->type != XML_ELEMENT_NODE || (tag_flags (sibling) & TAG_DROP))
        continue;
      else if (sibling_belongs (ex, sibling, best_score))
        emit_blocks (ex, sibling, headline, article);
      else if (tag_flags (sibling) & TAG_PARAGRAPH && node_hint (ex, sibling) >= 0)
        emit_paragraph_sibling (ex, sibling, article);
    }
}

static xmlNode *
find_body (xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  if (root == NULL)
    return NULL;
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (_brief_xml_name_is (child, "body"))
      return child;
  return root;
}

static void
debug_container (Extractor *ex,
                 GArray    *blocks,
                 xmlNode   *container,
                 double     score)
{
  if (g_getenv ("BRIEF_DEBUG_EXTRACT") == NULL)
    return;
  g_printerr ("%u blocks; container <%s class=%s id=%s> score %.1f\n", blocks->len,
              container ? (const char *) container->name : "-",
              container ? _brief_xml_get_attr (container, "class") : "-",
              container ? _brief_xml_get_attr (container, "id") : "-", score);
  for (xmlNode *n = container; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
    g_printerr ("  <%s class=%s id=%s> hint %d text %zu\n", n->name,
                _brief_xml_get_attr (n, "class"), _brief_xml_get_attr (n, "id"),
                node_hint (ex, n), text_size (ex, n));
}

void
_brief_html_extract (xmlDoc           *doc,
                     BriefExtractMode  mode,
                     const char       *headline,
                     BriefArticle     *article)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(GArray) blocks = NULL;
  Extractor ex = { 0 };
  xmlNode *container;
  double best_score = 0.0;

  g_assert (doc != NULL);
  g_assert (BRIEF_IS_ARTICLE (article));

  ex.body = find_body (doc);
  if (ex.body == NULL)
    return;
  ex.nodes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  ex.candidates = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  measure_text (&ex, ex.body);

  if (mode == BRIEF_EXTRACT_FRAGMENT)
    emit_blocks (&ex, ex.body, headline, article);
  else
    {
      text = g_string_new (NULL);
      blocks = g_array_new (FALSE, FALSE, sizeof (Block));
      collect_blocks (&ex, ex.body, TRUE, text, blocks);

      container = choose_container (&ex, blocks, &best_score);
      if (container != NULL)
        container = widen_container (&ex, container, best_score);
      debug_container (&ex, blocks, container, best_score);
      if (container == NULL)
        emit_blocks (&ex, ex.body, headline, article);
      else
        emit_article (&ex, container, best_score, headline, article);
    }

  g_hash_table_unref (ex.candidates);
  g_hash_table_unref (ex.nodes);
}
