/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-export-notes"

#include "config.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "brief-export-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cmark_node, cmark_node_free)

typedef struct
{
  GPtrArray         *blocks;
  BriefNoteBlock    *current;   /* the block runs go to */
  BriefNoteRunFlags  flags;
  const char        *link;
  guint              indent;
  guint              quote;
  gboolean           item_open; /* the next paragraph starts a list item */
  guint              item_number;
} Walker;

static void
run_free (BriefNoteRun *run)
{
  g_free (run->text);
  g_free (run->link);
  g_free (run);
}

static void
block_free (BriefNoteBlock *block)
{
  g_ptr_array_unref (block->runs);
  g_free (block);
}

static BriefNoteBlock *
open_block (Walker             *walker,
            BriefNoteBlockKind  kind)
{
  BriefNoteBlock *block = g_new0 (BriefNoteBlock, 1);

  block->kind = kind;
  block->indent = walker->indent;
  block->quote = walker->quote > 0;
  block->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) run_free);
  if (kind == BRIEF_NOTE_BLOCK_PARAGRAPH && walker->item_open)
    {
      block->kind = BRIEF_NOTE_BLOCK_ITEM;
      block->number = walker->item_number;
      walker->item_open = FALSE;
    }
  g_ptr_array_add (walker->blocks, block);
  walker->current = block;
  return block;
}

static void
add_run (Walker            *walker,
         const char        *text,
         BriefNoteRunFlags  extra)
{
  BriefNoteRun *run;

  if (text == NULL || *text == '\0')
    return;
  if (walker->current == NULL)
    open_block (walker, BRIEF_NOTE_BLOCK_PARAGRAPH);

  run = g_new0 (BriefNoteRun, 1);
  run->text = g_strdup (text);
  run->flags = walker->flags | extra;
  run->link = g_strdup (walker->link);
  g_ptr_array_add (walker->current->runs, run);
}

static void
walk (Walker     *walker,
      cmark_node *node)
{
  for (cmark_node *child = cmark_node_first_child (node); child != NULL;
       child = cmark_node_next (child))
    {
      switch (cmark_node_get_type (child))
        {
        case CMARK_NODE_PARAGRAPH:
          open_block (walker, BRIEF_NOTE_BLOCK_PARAGRAPH);
          walk (walker, child);
          walker->current = NULL;
          break;
        case CMARK_NODE_HEADING:
          open_block (walker, BRIEF_NOTE_BLOCK_HEADING)->level = cmark_node_get_heading_level (child);
          walk (walker, child);
          walker->current = NULL;
          break;
        case CMARK_NODE_CODE_BLOCK:
          {
            g_autofree char *code = g_strdup (cmark_node_get_literal (child));

            g_strchomp (code);
            open_block (walker, BRIEF_NOTE_BLOCK_CODE);
            add_run (walker, code, BRIEF_NOTE_RUN_CODE);
            walker->current = NULL;
          }
          break;
        case CMARK_NODE_BLOCK_QUOTE:
          walker->quote++;
          walk (walker, child);
          walker->quote--;
          break;
        case CMARK_NODE_LIST:
          {
            gboolean ordered = cmark_node_get_list_type (child) == CMARK_ORDERED_LIST;
            guint number = ordered ? (guint) MAX (cmark_node_get_list_start (child), 0) : 0;

            walker->indent++;
            for (cmark_node *item = cmark_node_first_child (child); item != NULL;
                 item = cmark_node_next (item))
              {
                walker->item_open = TRUE;
                walker->item_number = number;
                walk (walker, item);
                walker->item_open = FALSE;
                if (ordered)
                  number++;
              }
            walker->indent--;
          }
          break;
        case CMARK_NODE_THEMATIC_BREAK:
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE:
          /* Raw HTML is not shown: the notes are text. */
          break;
        case CMARK_NODE_TEXT:
          add_run (walker, cmark_node_get_literal (child), 0);
          break;
        case CMARK_NODE_CODE:
          add_run (walker, cmark_node_get_literal (child), BRIEF_NOTE_RUN_CODE);
          break;
        case CMARK_NODE_SOFTBREAK:
          add_run (walker, " ", 0);
          break;
        case CMARK_NODE_LINEBREAK:
          add_run (walker, "\n", 0);
          break;
        case CMARK_NODE_STRONG:
        case CMARK_NODE_EMPH:
          {
            BriefNoteRunFlags saved = walker->flags;

            walker->flags |= cmark_node_get_type (child) == CMARK_NODE_STRONG
                               ? BRIEF_NOTE_RUN_STRONG : BRIEF_NOTE_RUN_EMPHASIS;
            walk (walker, child);
            walker->flags = saved;
          }
          break;
        case CMARK_NODE_LINK:
          {
            const char *saved = walker->link;

            walker->link = cmark_node_get_url (child);
            walk (walker, child);
            walker->link = saved;
          }
          break;
        case CMARK_NODE_IMAGE:
          /* No external resources: an image is its description. */
          walk (walker, child);
          break;
        default:
          walk (walker, child);
          break;
        }
    }
}

GPtrArray *
_brief_export_parse_notes (const char *markdown)
{
  g_autoptr(cmark_node) document = NULL;
  Walker walker = { 0 };

  walker.blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  if (markdown == NULL)
    return walker.blocks;

  document = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  walk (&walker, document);
  return walker.blocks;
}

static char *
take_cmark_string (char *text)
{
  char *copy = g_strdup (text);

  free (text);
  return copy;
}

static void
demote_headings (cmark_node *node,
                 int         by)
{
  for (cmark_node *child = cmark_node_first_child (node); child != NULL;
       child = cmark_node_next (child))
    {
      if (cmark_node_get_type (child) == CMARK_NODE_HEADING)
        cmark_node_set_heading_level (child, MIN (cmark_node_get_heading_level (child) + by, 6));
      demote_headings (child, by);
    }
}

char *
_brief_export_notes_to_html (const char *markdown)
{
  g_autoptr(cmark_node) document = NULL;

  document = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  demote_headings (document, 2);
  /* SAFE drops raw HTML and javascript: links. */
  return take_cmark_string (cmark_render_html (document, CMARK_OPT_SAFE));
}

/* Raw HTML is not carried over: the notes are text wherever they go. */
static void
drop_html (cmark_node *node)
{
  cmark_node *child = cmark_node_first_child (node);

  while (child != NULL)
    {
      cmark_node *next = cmark_node_next (child);
      cmark_node_type type = cmark_node_get_type (child);

      if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE)
        cmark_node_free (child);  /* unlinks it */
      else
        drop_html (child);
      child = next;
    }
}

char *
_brief_export_notes_demoted (const char *markdown)
{
  g_autoptr(cmark_node) document = NULL;

  document = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  demote_headings (document, 2);
  drop_html (document);
  return take_cmark_string (cmark_render_commonmark (document, CMARK_OPT_SAFE, 0));
}
