/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-note-renderer"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "brief-export-figure.h"
#include "brief-export-private.h"
#include "brief-note-renderer.h"

#define MM (72.0 / 25.4)

/* Type: a serif text face and a sans face for headings, as fontconfig has them. */
#define SERIF "Noto Serif, Source Serif 4, Nimbus Roman, DejaVu Serif, serif"
#define SANS "Cantarell, Noto Sans, Nimbus Sans, DejaVu Sans, sans-serif"
#define MONO "Noto Sans Mono, DejaVu Sans Mono, monospace"
#define BODY_SIZE 10.5

/* Colours */
#define INK 0.10, 0.10, 0.12
#define ACCENT 0.12, 0.23, 0.37
#define MUTED 0.38, 0.40, 0.44
#define RULE 0.72, 0.74, 0.78
#define SHADE 0.93, 0.94, 0.96
#define MARKING 0.62, 0.08, 0.08
#define STAR 0.75, 0.33, 0.05

#define ACCENT_HEX "#1f3a5f"
#define MUTED_HEX "#61666f"

#define MAX_CELLS 4

typedef enum
{
  BLOCK_TEXT,
  BLOCK_ROW,
  BLOCK_FIGURE,
  BLOCK_RULE,
} BlockKind;

typedef struct
{
  double       x0, x1;   /* mark */
  int          lane;
  gboolean     point;
  gboolean     starred;
  PangoLayout *label;    /* or NULL */
  double       label_x;
  int          label_lane;
} FigureMark;

typedef struct
{
  BlockKind    kind;
  double       indent;
  double       space_before;
  double       space_after;
  gboolean     keep_with_next;
  gboolean     quote_bar;
  /* BLOCK_TEXT */
  PangoLayout *layout;
  guint        n_lines;
  double      *line_top;
  double      *line_height;
  /* BLOCK_ROW */
  PangoLayout *cells[MAX_CELLS];
  double       cell_x[MAX_CELLS];
  guint        n_cells;
  gboolean     header_row;
  gboolean     ruled;     /* a line under the row */
  gboolean     shaded;
  int          header;    /* block index of the table's header row, or -1 */
  /* BLOCK_FIGURE */
  BriefFigureScale scale;
  GArray      *marks;     /* FigureMark */
  GPtrArray   *ticks;     /* PangoLayout of the year labels */
  int          tick_step;
  guint        n_label_lanes;
  guint        n_mark_lanes;

  double       height;
} Block;

typedef struct
{
  guint  block;
  guint  page;
  double y;
  guint  first_line;
  guint  n_lines;   /* for text blocks */
} Placement;

struct _BriefNoteRenderer
{
  GObject             parent_instance;

  BriefExportContent *content;
  BriefPageSetup      setup;
  PangoContext       *context;
  GArray             *blocks;      /* Block */
  GArray             *placements;  /* Placement */
  guint               n_pages;
  gboolean            paginated;
};

G_DEFINE_FINAL_TYPE (BriefNoteRenderer, brief_note_renderer, G_TYPE_OBJECT)

void
brief_page_setup_init_a4 (BriefPageSetup *setup)
{
  g_return_if_fail (setup != NULL);

  *setup = (BriefPageSetup) {
    .width = 210 * MM, .height = 297 * MM,
    .margin_top = 20 * MM, .margin_right = 20 * MM,
    .margin_bottom = 20 * MM, .margin_left = 20 * MM,
  };
}

void
brief_page_setup_init_letter (BriefPageSetup *setup)
{
  g_return_if_fail (setup != NULL);

  *setup = (BriefPageSetup) {
    .width = 612, .height = 792,
    .margin_top = 54, .margin_right = 54, .margin_bottom = 54, .margin_left = 54,
  };
}

static void
block_clear (Block *block)
{
  g_clear_object (&block->layout);
  g_clear_pointer (&block->line_top, g_free);
  g_clear_pointer (&block->line_height, g_free);
  for (guint i = 0; i < MAX_CELLS; i++)
    g_clear_object (&block->cells[i]);
  if (block->marks != NULL)
    {
      for (guint i = 0; i < block->marks->len; i++)
        g_clear_object (&g_array_index (block->marks, FigureMark, i).label);
      g_clear_pointer (&block->marks, g_array_unref);
    }
  g_clear_pointer (&block->ticks, g_ptr_array_unref);
}

static void
brief_note_renderer_finalize (GObject *object)
{
  BriefNoteRenderer *self = BRIEF_NOTE_RENDERER (object);

  g_clear_pointer (&self->content, brief_export_content_unref);
  g_clear_object (&self->context);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);

  G_OBJECT_CLASS (brief_note_renderer_parent_class)->finalize (object);
}

static void
brief_note_renderer_class_init (BriefNoteRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = brief_note_renderer_finalize;
}

static void
brief_note_renderer_init (BriefNoteRenderer *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  brief_page_setup_init_a4 (&self->setup);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, (GDestroyNotify) block_clear);
  self->placements = g_array_new (FALSE, TRUE, sizeof (Placement));

  /* Device-independent layout: metrics unhinted, so the same lines break
   * the same way on paper, in the preview and in the PDF. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  pango_context_set_language (self->context, pango_language_get_default ());
  cairo_font_options_destroy (options);
}

BriefNoteRenderer *
brief_note_renderer_new (BriefExportContent   *content,
                         const BriefPageSetup *setup)
{
  BriefNoteRenderer *self;

  g_return_val_if_fail (content != NULL, NULL);

  self = g_object_new (BRIEF_TYPE_NOTE_RENDERER, NULL);
  self->content = brief_export_content_ref (content);
  if (setup != NULL)
    self->setup = *setup;
  return self;
}

void
brief_note_renderer_set_page_setup (BriefNoteRenderer    *self,
                                    const BriefPageSetup *setup)
{
  g_return_if_fail (BRIEF_IS_NOTE_RENDERER (self));
  g_return_if_fail (setup != NULL);

  if (memcmp (&self->setup, setup, sizeof *setup) == 0)
    return;
  self->setup = *setup;
  self->paginated = FALSE;
}

void
brief_note_renderer_get_page_setup (BriefNoteRenderer *self,
                                    BriefPageSetup    *out_setup)
{
  g_return_if_fail (BRIEF_IS_NOTE_RENDERER (self));
  g_return_if_fail (out_setup != NULL);

  *out_setup = self->setup;
}

static double
content_width (BriefNoteRenderer *self)
{
  return MAX (self->setup.width - self->setup.margin_left - self->setup.margin_right, 72);
}

/* Layouts */

static PangoLayout *
new_layout (BriefNoteRenderer *self,
            const char        *family,
            double             size,
            double             width,
            const char        *markup)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (family);
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  /* Words longer than the line break inside, with a hyphen where Pango
   * allows one (soft hyphens, long words); lines keep a little leading. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_line_spacing (layout, 1.18f);
  pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (TRUE));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static Block *
append_block (BriefNoteRenderer *self,
              BlockKind          kind)
{
  Block block = { .kind = kind, .header = -1 };

  g_array_append_val (self->blocks, block);
  return &g_array_index (self->blocks, Block, self->blocks->len - 1);
}

static Block *
add_text (BriefNoteRenderer *self,
          const char        *family,
          double             size,
          double             indent,
          const char        *markup)
{
  Block *block = append_block (self, BLOCK_TEXT);
  PangoLayoutIter *iter;
  guint i = 0;

  block->indent = indent;
  block->layout = new_layout (self, family, size, content_width (self) - indent, markup);
  block->n_lines = pango_layout_get_line_count (block->layout);
  block->line_top = g_new (double, block->n_lines);
  block->line_height = g_new (double, block->n_lines);

  iter = pango_layout_get_iter (block->layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      block->line_top[i] = (double) logical.y / PANGO_SCALE;
      block->line_height[i] = (double) logical.height / PANGO_SCALE;
      i++;
    }
  while (i < block->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  block->height = layout_height (block->layout);
  block->space_after = 0.45 * size;
  return block;
}

static double
lines_height (Block *block,
              guint  first,
              guint  n)
{
  guint last = first + n - 1;

  if (n == 0)
    return 0;
  return block->line_top[last] + block->line_height[last] - block->line_top[first];
}

/* A row of cells; @widths are fractions of the width left after @indent. */
static Block *
add_row (BriefNoteRenderer *self,
         double             indent,
         const double      *widths,
         const char       **families,
         double             size,
         const char       **markups,
         guint              n_cells)
{
  Block *block = append_block (self, BLOCK_ROW);
  double width = content_width (self) - indent;
  double x = indent;
  const double padding = 4;

  g_assert (n_cells <= MAX_CELLS);

  block->indent = indent;
  block->n_cells = n_cells;
  for (guint i = 0; i < n_cells; i++)
    {
      double cell_width = widths[i] * width;

      block->cell_x[i] = x;
      block->cells[i] = new_layout (self, families[i], size, cell_width - padding, markups[i]);
      block->height = MAX (block->height, layout_height (block->cells[i]));
      x += cell_width;
    }
  return block;
}

static void
add_heading (BriefNoteRenderer *self,
             const char        *text,
             double             size,
             double             space_before)
{
  g_autofree char *markup = g_markup_printf_escaped ("<span weight='bold' foreground='"
                                                     ACCENT_HEX "'>%s</span>", text);
  Block *block = add_text (self, SANS, size, 0, markup);

  block->space_before = space_before;
  block->space_after = 0.45 * size;
  block->keep_with_next = TRUE;
}

static void
add_section_heading (BriefNoteRenderer   *self,
                     BriefExportSections  section)
{
  add_heading (self, _brief_export_section_title (section), 14, 16);
}

static char *
source_ref (guint source)
{
  return source > 0 ? g_strdup_printf ("[%u]", source) : g_strdup ("");
}

static void
add_small_note (BriefNoteRenderer *self,
                const char        *text)
{
  g_autofree char *markup = g_markup_printf_escaped ("<span style='italic' foreground='"
                                                     MUTED_HEX "'>%s</span>", text);
  add_text (self, SERIF, 9, 0, markup);
}

/* Title block */

static void
add_title_block (BriefNoteRenderer *self)
{
  BriefExportContent *content = self->content;
  g_autofree char *kicker = g_markup_printf_escaped ("<span foreground='" MUTED_HEX
                                                     "' letter_spacing='1536'>%s</span>",
                                                     _("BRIEFING NOTE"));
  g_autofree char *title = g_markup_printf_escaped ("<span weight='bold' foreground='"
                                                    ACCENT_HEX "'>%s</span>", content->title);
  g_autofree char *prepared_for = _brief_export_prepared_for (content);
  g_autofree char *prepared_by = _brief_export_prepared_by (content);
  GString *meta = g_string_new (NULL);
  g_autofree char *meta_markup = NULL;
  Block *block;

  block = add_text (self, SANS, 8.5, 0, kicker);
  block->space_after = 4;
  block = add_text (self, SANS, 22, 0, title);
  block->space_after = 6;
  block->keep_with_next = TRUE;
  if (prepared_for != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (prepared_for, -1);
      block = add_text (self, SANS, 13, 0, markup);
      block->space_after = 4;
    }

  if (prepared_by != NULL)
    g_string_append (meta, prepared_by);
  if (content->date != NULL)
    {
      if (meta->len > 0)
        g_string_append (meta, "  ·  ");
      g_string_append (meta, content->date);
    }
  meta_markup = g_markup_printf_escaped ("<span foreground='" MUTED_HEX "'>%s</span>", meta->str);
  g_string_free (meta, TRUE);
  block = add_text (self, SANS, 10, 0, meta_markup);
  block->space_after = 10;

  block = append_block (self, BLOCK_RULE);
  block->height = 1.2;
  block->space_after = 6;
}

/* Key points: starred events as bullets */

static void
add_bullet (BriefNoteRenderer *self,
            double             indent,
            const char        *bullet,
            const char        *markup)
{
  const double widths[] = { 0.04, 0.96 };
  const char *families[] = { SERIF, SERIF };
  const char *markups[] = { bullet, markup };
  Block *block;

  block = add_row (self, indent, widths, families, BODY_SIZE, markups, 2);
  block->space_after = 3;
}

static void
add_key_points (BriefNoteRenderer *self)
{
  add_section_heading (self, BRIEF_EXPORT_SECTION_KEY_POINTS);
  for (guint i = 0; i < self->content->events->len; i++)
    {
      BriefExportEvent *event = g_ptr_array_index (self->content->events, i);
      g_autofree char *ref = NULL;
      g_autofree char *markup = NULL;

      if (!event->starred)
        continue;
      ref = _brief_export_event_references (event);
      markup = g_markup_printf_escaped ("<b>%s</b> — %s <span foreground='" MUTED_HEX "'>%s</span>",
                                        event->date_label, event->title, ref);
      add_bullet (self, 0, "•", markup);
    }
}

/* Timeline figure */

#define LABEL_LANE 13.0
#define MARK_LANE 7.0
#define AXIS_SPACE 20.0
#define MAX_LABEL_LANES 5
#define MAX_MARK_LANES 6
#define MAX_LABEL_WIDTH 150.0

/* The events the figure can place: those of a known year. */
static GPtrArray *
dup_placed_events (BriefExportContent *content)
{
  GPtrArray *events = g_ptr_array_new ();

  for (guint i = 0; i < content->events->len; i++)
    {
      BriefExportEvent *event = g_ptr_array_index (content->events, i);

      if (event->year_known)
        g_ptr_array_add (events, event);
    }
  return events;
}

static void
add_figure (BriefNoteRenderer *self)
{
  BriefExportContent *content = self->content;
  g_autoptr(GPtrArray) events = dup_placed_events (content);
  Block *block;
  guint32 first = G_MAXUINT32, last = 0;
  g_autofree BriefFigureSpan *spans = NULL;
  g_autofree BriefFigureLabel *labels = NULL;
  g_autofree guint *label_marks = NULL;
  guint n_labels = 0;
  guint n_starred = brief_export_content_count_starred (content);
  gboolean label_all = n_starred == 0 && events->len <= 8;
  double width = content_width (self);
  double x0 = 4, x1 = width - 4;

  /* Nothing to draw: no figure, the chronology still lists what there is. */
  if (events->len == 0)
    return;

  add_section_heading (self, BRIEF_EXPORT_SECTION_TIMELINE);

  block = append_block (self, BLOCK_FIGURE);
  block->marks = g_array_new (FALSE, TRUE, sizeof (FigureMark));
  block->ticks = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < events->len; i++)
    {
      BriefExportEvent *event = g_ptr_array_index (events, i);
      guint32 day0, day1;

      _brief_export_event_span (event, &day0, &day1);
      first = MIN (first, day0);
      last = MAX (last, day1);
    }
  brief_figure_scale_init (&block->scale, first, last, x0, x1);

  spans = g_new0 (BriefFigureSpan, events->len);
  labels = g_new0 (BriefFigureLabel, events->len);
  label_marks = g_new0 (guint, events->len);
  for (guint i = 0; i < events->len; i++)
    {
      BriefExportEvent *event = g_ptr_array_index (events, i);
      FigureMark mark = { .label_lane = -1 };
      guint32 day0, day1;

      _brief_export_event_span (event, &day0, &day1);
      mark.x0 = brief_figure_scale_to_x (&block->scale, day0);
      mark.x1 = brief_figure_scale_to_x (&block->scale, day1 + 1.0);
      mark.point = (event->date.precision == BRIEF_DATE_PRECISION_DAY && !event->has_end) || mark.x1 - mark.x0 < 5;
      if (mark.point)
        {
          double centre = (mark.x0 + mark.x1) / 2;
          mark.x0 = centre - 3;
          mark.x1 = centre + 3;
        }
      mark.starred = event->starred;
      spans[i] = (BriefFigureSpan) { mark.x0, mark.x1, 0 };

      if (event->starred || label_all)
        {
          g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>  %s", event->date_label, event->title);

          mark.label = new_layout (self, SANS, 7.5, MAX_LABEL_WIDTH, markup);
          pango_layout_set_wrap (mark.label, PANGO_WRAP_WORD);
          pango_layout_set_ellipsize (mark.label, PANGO_ELLIPSIZE_END);
          pango_layout_set_width (mark.label, -1);
          {
            PangoRectangle logical;

            pango_layout_get_extents (mark.label, NULL, &logical);
            if (logical.width > MAX_LABEL_WIDTH * PANGO_SCALE)
              pango_layout_set_width (mark.label, (int) (MAX_LABEL_WIDTH * PANGO_SCALE));
            pango_layout_get_extents (mark.label, NULL, &logical);
            labels[n_labels] = (BriefFigureLabel) {
              .anchor = (mark.x0 + mark.x1) / 2,
              .width = (double) logical.width / PANGO_SCALE + 4,
            };
          }
          label_marks[n_labels++] = i;
        }
      g_array_append_val (block->marks, mark);
    }

  block->n_mark_lanes = brief_figure_stack_spans (spans, events->len, 1.5, MAX_MARK_LANES);
  block->n_label_lanes = brief_figure_place_labels (labels, n_labels, 0, width, 6, MAX_LABEL_LANES);
  for (guint i = 0; i < events->len; i++)
    g_array_index (block->marks, FigureMark, i).lane = spans[i].lane;
  for (guint i = 0; i < n_labels; i++)
    {
      FigureMark *mark = &g_array_index (block->marks, FigureMark, label_marks[i]);

      mark->label_lane = labels[i].lane;
      mark->label_x = labels[i].x + 2;
      if (labels[i].lane < 0)
        g_clear_object (&mark->label);
    }

  block->tick_step = brief_figure_tick_step (&block->scale, 34);
  for (int year = block->scale.first_year; year <= block->scale.end_year; year++)
    {
      g_autofree char *text = NULL;

      if (year % block->tick_step != 0)
        continue;
      text = g_strdup_printf ("%d", year);
      g_ptr_array_add (block->ticks, new_layout (self, SANS, 7.5, 60, text));
    }

  block->height = block->n_label_lanes * LABEL_LANE + 8
                  + MAX (block->n_mark_lanes, 1) * MARK_LANE + AXIS_SPACE;
  block->space_before = 2;
  block->space_after = 6;

  if (n_labels > 0)
    add_small_note (self, n_starred > 0
                      ? _("Key events are labelled; every event is in the chronology.")
                      : _("Every event is labelled where space allows; all are in the chronology."));
}

static void
draw_figure (Block   *block,
             cairo_t *cr,
             double   x,
             double   y)
{
  double marks_top = y + block->n_label_lanes * LABEL_LANE + 8;
  double axis_y = marks_top + MAX (block->n_mark_lanes, 1) * MARK_LANE + 2;
  guint tick = 0;

  cairo_save (cr);
  cairo_translate (cr, x, 0);

  /* Year bands and ticks */
  for (int year = block->scale.first_year; year < block->scale.end_year; year++)
    {
      double left = brief_figure_scale_year_x (&block->scale, year);
      double right = brief_figure_scale_year_x (&block->scale, year + 1);

      if ((year - block->scale.first_year) % 2 == 0)
        {
          cairo_set_source_rgb (cr, 0.965, 0.97, 0.98);
          cairo_rectangle (cr, left, marks_top - 3, right - left, axis_y - marks_top + 3);
          cairo_fill (cr);
        }
    }

  cairo_set_source_rgb (cr, MUTED);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, block->scale.x0, axis_y);
  cairo_line_to (cr, block->scale.x1, axis_y);
  cairo_stroke (cr);

  for (int year = block->scale.first_year; year <= block->scale.end_year; year++)
    {
      double tx = brief_figure_scale_year_x (&block->scale, year);
      gboolean labelled = year % block->tick_step == 0;

      cairo_set_line_width (cr, labelled ? 0.8 : 0.4);
      cairo_move_to (cr, tx, axis_y);
      cairo_line_to (cr, tx, axis_y + (labelled ? 4 : 2));
      cairo_stroke (cr);
      if (labelled && tick < block->ticks->len)
        {
          PangoLayout *text = g_ptr_array_index (block->ticks, tick++);
          PangoRectangle logical;

          pango_layout_get_extents (text, NULL, &logical);
          cairo_move_to (cr, tx - (double) logical.width / PANGO_SCALE / 2, axis_y + 5);
          pango_cairo_show_layout (cr, text);
        }
    }

  /* Leader lines under the labels, then marks, then labels on white. */
  for (guint i = 0; i < block->marks->len; i++)
    {
      FigureMark *mark = &g_array_index (block->marks, FigureMark, i);
      double centre = (mark->x0 + mark->x1) / 2;
      double mark_y = axis_y - 2 - (mark->lane + 1) * MARK_LANE + MARK_LANE / 2;
      double label_bottom;

      if (mark->label == NULL)
        continue;
      label_bottom = y + (block->n_label_lanes - mark->label_lane) * LABEL_LANE;
      cairo_set_source_rgb (cr, RULE);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, centre, label_bottom - 1);
      cairo_line_to (cr, centre, mark_y);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < block->marks->len; i++)
    {
      FigureMark *mark = &g_array_index (block->marks, FigureMark, i);
      double mark_y = axis_y - 2 - (mark->lane + 1) * MARK_LANE + MARK_LANE / 2;

      if (mark->starred)
        cairo_set_source_rgb (cr, STAR);
      else
        cairo_set_source_rgb (cr, ACCENT);
      if (mark->point)
        {
          double centre = (mark->x0 + mark->x1) / 2;

          cairo_move_to (cr, centre, mark_y - 3);
          cairo_line_to (cr, centre + 3, mark_y);
          cairo_line_to (cr, centre, mark_y + 3);
          cairo_line_to (cr, centre - 3, mark_y);
          cairo_close_path (cr);
          cairo_fill (cr);
        }
      else
        {
          cairo_save (cr);
          cairo_rectangle (cr, mark->x0 + 0.5, mark_y - 2.2, mark->x1 - mark->x0 - 1, 4.4);
          cairo_fill_preserve (cr);
          cairo_restore (cr);
          cairo_new_path (cr);
        }
    }

  for (guint i = 0; i < block->marks->len; i++)
    {
      FigureMark *mark = &g_array_index (block->marks, FigureMark, i);
      double top;
      PangoRectangle logical;

      if (mark->label == NULL)
        continue;
      top = y + (block->n_label_lanes - 1 - mark->label_lane) * LABEL_LANE;
      pango_layout_get_extents (mark->label, NULL, &logical);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, mark->label_x - 2, top, (double) logical.width / PANGO_SCALE + 4, LABEL_LANE - 2);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, INK);
      cairo_move_to (cr, mark->label_x, top + 1);
      pango_cairo_show_layout (cr, mark->label);
    }

  cairo_restore (cr);
}

/* Chronology table */

static void
add_chronology (BriefNoteRenderer *self)
{
  BriefExportContent *content = self->content;
  const double widths[] = { 0.22, 0.68, 0.10 };
  const char *families[] = { SANS, SANS, SANS };
  g_autofree char *date_head = g_markup_printf_escaped ("<b>%s</b>", _("Date"));
  g_autofree char *event_head = g_markup_printf_escaped ("<b>%s</b>", _("Event"));
  g_autofree char *source_head = g_markup_printf_escaped ("<b>%s</b>", _("Source"));
  const char *head[] = { date_head, event_head, source_head };
  const char *note = _brief_export_events_note (content);
  Block *block;
  int header;

  add_section_heading (self, BRIEF_EXPORT_SECTION_CHRONOLOGY);
  if (content->events->len == 0)
    {
      g_autofree char *text = g_markup_escape_text (_("No dated events were found in the sources."), -1);
      add_text (self, SERIF, BODY_SIZE, 0, text);
      return;
    }
  if (note != NULL && !brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_TIMELINE))
    add_small_note (self, note);

  block = add_row (self, 0, widths, families, 9, head, 3);
  block->header_row = TRUE;
  block->keep_with_next = TRUE;
  block->ruled = TRUE;
  header = (int) self->blocks->len - 1;

  for (guint i = 0; i < content->events->len; i++)
    {
      BriefExportEvent *event = g_ptr_array_index (content->events, i);
      g_autofree char *date = g_markup_escape_text (event->date_label, -1);
      g_autofree char *disagree = _brief_export_conflict_note (event);
      g_autofree char *title = disagree == NULL
        ? g_markup_printf_escaped (event->starred ? "<b>%s</b>" : "%s", event->title)
        : g_markup_printf_escaped (event->starred ? "<b>%s</b>\n<i>%s</i>" : "%s\n<i>%s</i>",
                                   event->title, disagree);
      g_autofree char *ref = _brief_export_event_references (event);
      g_autofree char *ref_markup = g_markup_escape_text (ref, -1);
      const char *cells[] = { date, title, ref_markup };
      const char *row_families[] = { SANS, SERIF, SANS };

      block = add_row (self, 0, widths, row_families, 9.5, cells, 3);
      block->header = header;
      block->shaded = i % 2 == 1;
    }
  block->space_after = 6;
}

/* People and organisations, quotes */

static void
add_people (BriefNoteRenderer *self)
{
  BriefExportContent *content = self->content;
  const double widths[] = { 0.34, 0.56, 0.10 };
  const char *families[] = { SANS, SANS, SANS };
  g_autofree char *name_head = g_markup_printf_escaped ("<b>%s</b>", _("Name"));
  g_autofree char *role_head = g_markup_printf_escaped ("<b>%s</b>", _("Role"));
  g_autofree char *source_head = g_markup_printf_escaped ("<b>%s</b>", _("Source"));
  const char *head[] = { name_head, role_head, source_head };
  Block *block;
  int header;

  add_section_heading (self, BRIEF_EXPORT_SECTION_PEOPLE);
  block = add_row (self, 0, widths, families, 9, head, 3);
  block->header_row = TRUE;
  block->keep_with_next = TRUE;
  block->ruled = TRUE;
  header = (int) self->blocks->len - 1;

  for (guint i = 0; i < content->entities->len; i++)
    {
      BriefExportEntity *entity = g_ptr_array_index (content->entities, i);
      g_autofree char *name = g_markup_escape_text (entity->name, -1);
      g_autofree char *role = g_markup_escape_text (entity->role != NULL ? entity->role : "", -1);
      g_autofree char *ref = source_ref (entity->source);
      const char *cells[] = { name, role, ref };
      const char *row_families[] = { SANS, SERIF, SANS };

      block = add_row (self, 0, widths, row_families, 9.5, cells, 3);
      block->header = header;
      block->shaded = i % 2 == 1;
    }
  block->space_after = 6;
}

static void
add_quotes (BriefNoteRenderer *self)
{
  add_section_heading (self, BRIEF_EXPORT_SECTION_QUOTES);
  for (guint i = 0; i < self->content->quotes->len; i++)
    {
      BriefExportQuote *quote = g_ptr_array_index (self->content->quotes, i);
      g_autofree char *ref = source_ref (quote->source);
      g_autofree char *markup = NULL;
      Block *block;

      if (quote->role != NULL)
        markup = g_markup_printf_escaped ("<i>“%s”</i>\n<span font_family='" SANS "' size='small'>"
                                          "— %s, %s %s</span>", quote->text, quote->speaker,
                                          quote->role, ref);
      else
        markup = g_markup_printf_escaped ("<i>“%s”</i>\n<span font_family='" SANS "' size='small'>"
                                          "— %s %s</span>", quote->text, quote->speaker, ref);
      block = add_text (self, SERIF, BODY_SIZE, 14, markup);
      block->quote_bar = TRUE;
      block->space_after = 8;
    }
}

/* Notes */

static char *
runs_to_markup (GPtrArray *runs)
{
  GString *markup = g_string_new (NULL);

  for (guint i = 0; i < runs->len; i++)
    {
      BriefNoteRun *run = g_ptr_array_index (runs, i);
      g_autofree char *text = g_markup_escape_text (run->text, -1);

      if (run->flags & BRIEF_NOTE_RUN_STRONG)
        g_string_append (markup, "<b>");
      if (run->flags & BRIEF_NOTE_RUN_EMPHASIS)
        g_string_append (markup, "<i>");
      if (run->flags & BRIEF_NOTE_RUN_CODE)
        g_string_append (markup, "<span font_family='" MONO "' size='90%'>");
      if (run->link != NULL)
        g_string_append (markup, "<span foreground='" ACCENT_HEX "' underline='single'>");
      g_string_append (markup, text);
      if (run->link != NULL)
        g_string_append (markup, "</span>");
      if (run->flags & BRIEF_NOTE_RUN_CODE)
        g_string_append (markup, "</span>");
      if (run->flags & BRIEF_NOTE_RUN_EMPHASIS)
        g_string_append (markup, "</i>");
      if (run->flags & BRIEF_NOTE_RUN_STRONG)
        g_string_append (markup, "</b>");
    }
  return g_string_free (markup, FALSE);
}

static void
add_notes (BriefNoteRenderer *self)
{
  g_autoptr(GPtrArray) blocks = _brief_export_parse_notes (self->content->notes);

  add_section_heading (self, BRIEF_EXPORT_SECTION_NOTES);
  for (guint i = 0; i < blocks->len; i++)
    {
      BriefNoteBlock *note = g_ptr_array_index (blocks, i);
      g_autofree char *markup = runs_to_markup (note->runs);
      double indent = (note->indent > 0 ? (note->indent - 1) * 16 : 0) + (note->quote ? 14 : 0);
      Block *block;

      switch (note->kind)
        {
        case BRIEF_NOTE_BLOCK_HEADING:
          {
            g_autofree char *wrapped = g_strdup_printf ("<span weight='bold' foreground='"
                                                        ACCENT_HEX "'>%s</span>", markup);
            block = add_text (self, SANS, note->level <= 1 ? 12 : 11, indent, wrapped);
            block->space_before = 8;
            block->keep_with_next = TRUE;
          }
          break;
        case BRIEF_NOTE_BLOCK_ITEM:
          {
            g_autofree char *bullet = note->number > 0 ? g_strdup_printf ("%u.", note->number)
                                                       : g_strdup (note->indent > 1 ? "–" : "•");
            add_bullet (self, indent, bullet, markup);
          }
          break;
        case BRIEF_NOTE_BLOCK_CODE:
          block = add_text (self, MONO, 8.5, indent + 8, markup);
          break;
        case BRIEF_NOTE_BLOCK_PARAGRAPH:
        default:
          block = add_text (self, SERIF, BODY_SIZE, indent + (note->indent > 0 ? 0.04 * content_width (self) : 0),
                            markup);
          block->quote_bar = note->quote;
          break;
        }
    }
}

/* Sources */

static void
add_sources (BriefNoteRenderer *self)
{
  const double widths[] = { 0.06, 0.94 };
  const char *families[] = { SANS, SERIF };

  add_section_heading (self, BRIEF_EXPORT_SECTION_SOURCES);
  for (guint i = 0; i < self->content->sources->len; i++)
    {
      BriefExportSource *source = g_ptr_array_index (self->content->sources, i);
      g_autofree char *number = g_strdup_printf ("[%u]", source->number);
      g_autofree char *details = _brief_export_source_details (source);
      const char *location = source->url != NULL ? source->url : source->path;
      GString *markup = g_string_new (NULL);
      g_autofree char *text = NULL;
      const char *cells[2];
      Block *block;

      g_string_append_printf (markup, "<b>%s</b>", (text = g_markup_escape_text (source->title, -1)));
      g_clear_pointer (&text, g_free);
      if (*details != '\0')
        {
          text = g_markup_escape_text (details, -1);
          g_string_append_printf (markup, ". %s", text);
          g_clear_pointer (&text, g_free);
        }
      if (location != NULL)
        {
          text = g_markup_escape_text (location, -1);
          /* Addresses break anywhere, without a hyphen that is not theirs. */
          g_string_append_printf (markup, ".\n<span font_family='" MONO "' size='85%%' foreground='"
                                  MUTED_HEX "' insert_hyphens='false'>%s</span>", text);
        }
      cells[0] = number;
      cells[1] = markup->str;
      block = add_row (self, 0, widths, families, 9.5, cells, 2);
      block->space_after = 5;
      g_string_free (markup, TRUE);
    }
}

static void
build_blocks (BriefNoteRenderer *self)
{
  BriefExportContent *content = self->content;

  g_array_set_size (self->blocks, 0);
  add_title_block (self);

  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_KEY_POINTS))
    add_key_points (self);
  /* The analyst's assessment before the evidence. */
  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_NOTES))
    add_notes (self);
  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_TIMELINE))
    {
      const char *note = _brief_export_events_note (content);

      add_figure (self);
      if (note != NULL)
        add_small_note (self, note);
    }
  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_CHRONOLOGY))
    add_chronology (self);
  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_PEOPLE))
    add_people (self);
  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_QUOTES))
    add_quotes (self);
  if (brief_export_content_has_section (content, BRIEF_EXPORT_SECTION_SOURCES))
    add_sources (self);
}

/* Pagination */

/* The least of @block that must stand on a page with what keeps with it. */
static double
min_height (Block *block)
{
  if (block->kind == BLOCK_TEXT)
    return lines_height (block, 0, MIN (block->n_lines, 2));
  return block->height;
}

static double
body_top (BriefNoteRenderer *self)
{
  return self->setup.margin_top;
}

static double
body_bottom (BriefNoteRenderer *self)
{
  return self->setup.height - self->setup.margin_bottom;
}

static void
place (BriefNoteRenderer *self,
       guint              block,
       guint              page,
       double             y,
       guint              first_line,
       guint              n_lines)
{
  Placement placement = { block, page, y, first_line, n_lines };

  g_array_append_val (self->placements, placement);
}

guint
brief_note_renderer_paginate (BriefNoteRenderer *self)
{
  double top, bottom, y;
  guint page = 0;

  g_return_val_if_fail (BRIEF_IS_NOTE_RENDERER (self), 0);

  if (self->paginated)
    return self->n_pages;

  build_blocks (self);
  g_array_set_size (self->placements, 0);
  top = body_top (self);
  bottom = body_bottom (self);
  y = top;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      double before = y > top ? block->space_before : 0;
      double need = before + block->height;

      if (block->kind == BLOCK_TEXT && block->n_lines > 1 && !block->keep_with_next
          && y + need > bottom)
        {
          guint first = 0;

          /* Split between lines: never one line alone at either end. */
          while (first < block->n_lines)
            {
              guint left = block->n_lines - first;
              guint fit = 0;

              while (fit < left && y + before + lines_height (block, first, fit + 1) <= bottom)
                fit++;
              if (fit == left)
                {
                  place (self, i, page, y + before, first, fit);
                  y += before + lines_height (block, first, fit) + block->space_after;
                  break;
                }
              if (left - fit < 2 && fit > 2)
                fit = left - 2;
              if (fit >= 2 || (y == top && fit >= 1))
                {
                  place (self, i, page, y + before, first, fit);
                  first += fit;
                }
              page++;
              y = top;
              before = 0;
            }
          continue;
        }

      if (block->keep_with_next)
        {
          /* A heading and what follows it share a page: chain through every
           * block that keeps with the next one. */
          for (guint j = i + 1; j < self->blocks->len; j++)
            {
              Block *next = &g_array_index (self->blocks, Block, j);

              need += next->space_before + (next->keep_with_next ? next->height : min_height (next));
              if (!next->keep_with_next)
                break;
            }
        }

      if (y + need > bottom && y > top)
        {
          page++;
          y = top;
          before = 0;
        }

      /* A table carried over to a new page repeats its header row. */
      if (block->kind == BLOCK_ROW && block->header >= 0 && y == top)
        {
          Block *header = &g_array_index (self->blocks, Block, block->header);

          place (self, block->header, page, y, 0, 0);
          y += header->height + 4;
        }

      place (self, i, page, y + before, 0, block->kind == BLOCK_TEXT ? block->n_lines : 0);
      y += before + block->height + (block->kind == BLOCK_ROW ? 4 : 0) + block->space_after;
    }

  self->n_pages = page + 1;
  self->paginated = TRUE;
  return self->n_pages;
}

guint
brief_note_renderer_get_n_pages (BriefNoteRenderer *self)
{
  g_return_val_if_fail (BRIEF_IS_NOTE_RENDERER (self), 0);

  return brief_note_renderer_paginate (self);
}

/* Drawing */

static void
show_text_lines (cairo_t *cr,
                 Block   *block,
                 double   x,
                 double   y,
                 guint    first,
                 guint    n)
{
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);
  guint index = 0;

  do
    {
      if (index >= first && index < first + n)
        {
          PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
          PangoRectangle logical;
          double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                         y + baseline - block->line_top[first]);
          pango_cairo_show_layout_line (cr, line);
        }
      index++;
    }
  while (index < first + n && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_block (BriefNoteRenderer *self,
            cairo_t           *cr,
            Placement         *placement)
{
  Block *block = &g_array_index (self->blocks, Block, placement->block);
  double x = self->setup.margin_left + block->indent;
  double width = content_width (self) - block->indent;
  double y = placement->y;

  cairo_set_source_rgb (cr, INK);
  switch (block->kind)
    {
    case BLOCK_TEXT:
      if (block->quote_bar)
        {
          cairo_set_source_rgb (cr, RULE);
          cairo_rectangle (cr, x - 9, y, 2, lines_height (block, placement->first_line, placement->n_lines));
          cairo_fill (cr);
          cairo_set_source_rgb (cr, INK);
        }
      show_text_lines (cr, block, x, y, placement->first_line, placement->n_lines);
      break;

    case BLOCK_ROW:
      if (block->shaded || block->header_row)
        {
          cairo_set_source_rgb (cr, SHADE);
          if (block->header_row)
            cairo_set_source_rgb (cr, 0.88, 0.90, 0.93);
          cairo_rectangle (cr, x - 3, y - 2, width + 3, block->height + 4);
          cairo_fill (cr);
        }
      cairo_set_source_rgb (cr, INK);
      for (guint i = 0; i < block->n_cells; i++)
        {
          cairo_move_to (cr, self->setup.margin_left + block->cell_x[i], y);
          pango_cairo_show_layout (cr, block->cells[i]);
        }
      if (block->ruled)
        {
          cairo_set_source_rgb (cr, ACCENT);
          cairo_set_line_width (cr, 0.8);
          cairo_move_to (cr, x - 3, y + block->height + 2);
          cairo_line_to (cr, x + width, y + block->height + 2);
          cairo_stroke (cr);
        }
      break;

    case BLOCK_FIGURE:
      draw_figure (block, cr, x, y);
      break;

    case BLOCK_RULE:
      cairo_set_source_rgb (cr, ACCENT);
      cairo_rectangle (cr, x, y, width, block->height);
      cairo_fill (cr);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
draw_header_and_footer (BriefNoteRenderer *self,
                        cairo_t           *cr,
                        guint              page)
{
  BriefExportContent *content = self->content;
  double left = self->setup.margin_left;
  double width = content_width (self);
  double footer_y = self->setup.height - self->setup.margin_bottom + 10;
  g_autofree char *page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  g_autofree char *page_markup = g_markup_escape_text (page_text, -1);
  g_autofree char *title_markup = g_markup_escape_text (content->title, -1);
  g_autoptr(PangoLayout) number = new_layout (self, SANS, 8, width, page_markup);
  g_autoptr(PangoLayout) title = new_layout (self, SANS, 8, width * 0.4, title_markup);

  cairo_set_source_rgb (cr, RULE);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, left, footer_y - 4);
  cairo_line_to (cr, left + width, footer_y - 4);
  cairo_stroke (cr);

  if (content->marking != NULL)
    {
      g_autofree char *upper = g_utf8_strup (content->marking, -1);
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", upper);
      g_autoptr(PangoLayout) marking = new_layout (self, SANS, 9, width * 0.5, markup);
      PangoRectangle logical;

      pango_layout_set_alignment (marking, PANGO_ALIGN_CENTER);
      pango_layout_get_extents (marking, NULL, &logical);
      cairo_set_source_rgb (cr, MARKING);
      cairo_move_to (cr, left + width * 0.25, MAX (self->setup.margin_top / 2 - layout_height (marking) / 2, 6));
      pango_cairo_show_layout (cr, marking);
      cairo_move_to (cr, left + width * 0.25, footer_y);
      pango_cairo_show_layout (cr, marking);
    }

  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_wrap (title, PANGO_WRAP_WORD);
  pango_layout_set_height (title, 0);
  pango_layout_set_alignment (number, PANGO_ALIGN_RIGHT);
  cairo_set_source_rgb (cr, MUTED);
  cairo_move_to (cr, left, footer_y);
  pango_cairo_show_layout (cr, title);
  cairo_move_to (cr, left, footer_y);
  pango_cairo_show_layout (cr, number);
}

void
brief_note_renderer_draw_page (BriefNoteRenderer *self,
                               cairo_t           *cr,
                               guint              page)
{
  g_return_if_fail (BRIEF_IS_NOTE_RENDERER (self));
  g_return_if_fail (cr != NULL);

  brief_note_renderer_paginate (self);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *placement = &g_array_index (self->placements, Placement, i);

      if (placement->page == page)
        draw_block (self, cr, placement);
    }
  draw_header_and_footer (self, cr, page);
  cairo_restore (cr);
}

static cairo_status_t
append_to_byte_array (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
brief_note_renderer_write_pdf (BriefNoteRenderer  *self,
                               GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (BRIEF_IS_NOTE_RENDERER (self), NULL);

  n_pages = brief_note_renderer_paginate (self);
  surface = cairo_pdf_surface_create_for_stream (append_to_byte_array, bytes,
                                                 self->setup.width, self->setup.height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->content->title);
  if (self->content->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->content->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Briefing " PACKAGE_VERSION);

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      brief_note_renderer_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the PDF document: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

GBytes *
_brief_export_write_pdf (BriefExportContent  *content,
                         GError             **error)
{
  g_autoptr(BriefNoteRenderer) renderer = brief_note_renderer_new (content, NULL);

  return brief_note_renderer_write_pdf (renderer, error);
}
