/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "brief-export.h"

G_BEGIN_DECLS

/* A page in points (1/72 inch): paper size and margins. */
typedef struct
{
  double width;
  double height;
  double margin_top;
  double margin_right;
  double margin_bottom;
  double margin_left;
} BriefPageSetup;

/* A4 portrait, 20 mm margins. */
void                brief_page_setup_init_a4      (BriefPageSetup *setup);
/* US Letter portrait, 0.75 inch margins. */
void                brief_page_setup_init_letter  (BriefPageSetup *setup);

#define BRIEF_TYPE_NOTE_RENDERER (brief_note_renderer_get_type ())

/* The paginated briefing note, drawn with cairo and Pango: the one renderer
 * behind PDF export and printing, so what prints is what exports.
 *
 * For GtkPrintOperation: gtk_print_operation_set_use_full_page (TRUE) and
 * gtk_print_operation_set_unit (GTK_UNIT_POINTS); in ::begin-print set the
 * page setup from the GtkPageSetup (paper size and margins in points) and
 * set_n_pages (brief_note_renderer_paginate ()); in ::draw-page call
 * brief_note_renderer_draw_page () with gtk_print_context_get_cairo_context (). */
G_DECLARE_FINAL_TYPE (BriefNoteRenderer, brief_note_renderer, BRIEF, NOTE_RENDERER, GObject)

BriefNoteRenderer  *brief_note_renderer_new       (BriefExportContent   *content,
                                                   const BriefPageSetup *setup);
/* Changes paper or margins; the next call below lays the note out again. */
void                brief_note_renderer_set_page_setup (BriefNoteRenderer    *self,
                                                        const BriefPageSetup *setup);
void                brief_note_renderer_get_page_setup (BriefNoteRenderer    *self,
                                                        BriefPageSetup       *out_setup);
/* Lays the note out on pages (without drawing) and returns their number. */
guint               brief_note_renderer_paginate  (BriefNoteRenderer    *self);
guint               brief_note_renderer_get_n_pages (BriefNoteRenderer  *self);
/* Draws page @page (from 0) on @cr, whose user space is the page in points
 * with its origin at the top left corner of the paper. */
void                brief_note_renderer_draw_page (BriefNoteRenderer    *self,
                                                   cairo_t              *cr,
                                                   guint                 page);
/* Every page as a PDF document, fonts embedded. */
GBytes             *brief_note_renderer_write_pdf (BriefNoteRenderer    *self,
                                                   GError              **error);

G_END_DECLS
