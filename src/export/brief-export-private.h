/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "brief-export.h"

G_BEGIN_DECLS

/* The notes' CommonMark as a flat list of blocks of styled runs, for the
 * writers that do not take HTML (PDF, OpenDocument). */
typedef enum
{
  BRIEF_NOTE_BLOCK_PARAGRAPH,
  BRIEF_NOTE_BLOCK_HEADING,
  BRIEF_NOTE_BLOCK_ITEM,       /* the first paragraph of a list item */
  BRIEF_NOTE_BLOCK_CODE,
} BriefNoteBlockKind;

typedef enum
{
  BRIEF_NOTE_RUN_STRONG   = 1 << 0,
  BRIEF_NOTE_RUN_EMPHASIS = 1 << 1,
  BRIEF_NOTE_RUN_CODE     = 1 << 2,
} BriefNoteRunFlags;

typedef struct
{
  char              *text;
  BriefNoteRunFlags  flags;
  char              *link;     /* or NULL */
} BriefNoteRun;

typedef struct
{
  BriefNoteBlockKind  kind;
  guint               level;   /* heading level 1–6 */
  guint               indent;  /* list nesting, 0 outside lists */
  guint               number;  /* ordered list item number, 0 for bullets */
  gboolean            quote;   /* inside a block quote */
  GPtrArray          *runs;    /* BriefNoteRun */
} BriefNoteBlock;

/* Returns: (transfer full): a GPtrArray of BriefNoteBlock */
GPtrArray          *_brief_export_parse_notes     (const char *markdown);
/* The notes as HTML without raw HTML, for the HTML writer. */
char               *_brief_export_notes_to_html   (const char *markdown);
/* The notes as CommonMark with their headings below level 2. */
char               *_brief_export_notes_demoted   (const char *markdown);

/* Translated section headings. */
const char         *_brief_export_section_title   (BriefExportSections section);
/* The line that says which events are shown when none were accepted, or NULL. */
const char         *_brief_export_events_note     (BriefExportContent *content);
/* "Prepared for …", "Prepared by …" or NULL. */
char               *_brief_export_prepared_for    (BriefExportContent *content);
char               *_brief_export_prepared_by     (BriefExportContent *content);
/* "Site, byline, date", what follows the title of a source. */
char               *_brief_export_source_details  (BriefExportSource  *source);
/* The first and last day of @date, as Julian days. */
/* The first and last day of @event, a span's end included. */
void                _brief_export_event_span      (const BriefExportEvent *event,
                                                   guint32            *out_first,
                                                   guint32            *out_last);
void                _brief_export_date_span       (const BriefDate    *date,
                                                   guint32            *out_first,
                                                   guint32            *out_last);

/* "[1] [3]": the references of every source of @event, or "". */
char               *_brief_export_event_references (const BriefExportEvent *event);
/* "Sources disagree: …" for an event its sources date differently, or NULL. */
char               *_brief_export_conflict_note   (const BriefExportEvent *event);

GBytes             *_brief_export_write_markdown  (BriefExportContent *content);
GBytes             *_brief_export_write_html      (BriefExportContent *content);
GBytes             *_brief_export_write_fodt      (BriefExportContent *content);
GBytes             *_brief_export_write_json      (BriefExportContent *content);
GBytes             *_brief_export_write_timelinejs (BriefExportContent *content);
GBytes             *_brief_export_write_icalendar (BriefExportContent *content);
GBytes             *_brief_export_write_csv       (BriefExportContent *content);
GBytes             *_brief_export_write_pdf       (BriefExportContent  *content,
                                                   GError             **error);

G_END_DECLS
