/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-article-view"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-article-view.h"
#include "brief-date.h"
#include "brief-date-prompt.h"

#include <stdio.h>
#include <string.h>

/* How long an event's sentence flashes when the timeline shows it. */
#define FLASH_DURATION_MS 900

/* The schema id stays the base id in development builds, so both share it. */
#define BRIEF_SETTINGS_SCHEMA_ID "io.github.briefingdesk.Briefing"

/* What the article can highlight; each kind has an article.show-KIND action
 * and is remembered by name in the highlight-kinds key. */
typedef enum
{
  HIGHLIGHT_PEOPLE,
  HIGHLIGHT_ORGANISATIONS,
  HIGHLIGHT_PLACES,
  HIGHLIGHT_QUOTES,
  HIGHLIGHT_DATES,
  N_HIGHLIGHTS
} HighlightKind;

static const char * const highlight_names[N_HIGHLIGHTS] = {
  "people", "organisations", "places", "quotes", "dates",
};

struct _BriefArticleView
{
  GtkWidget      parent_instance;

  BriefArticle  *article;
  BriefAnalysis *analysis;

  /* The article text starts this many characters into the buffer (the
   * heading block comes first); negative when its own headline is reused. */
  int            text_offset;
  guint          text_length;

  GtkTextTag    *heading_tag;
  GtkTextTag    *meta_tag;
  GtkTextTag    *subheading_tag;
  GtkTextTag    *quote_tag;
  GtkTextTag    *date_tag;
  GtkTextTag    *sentence_tag;
  GtkTextTag    *flash_tag;
  GtkTextTag    *quotation_tag;
  GtkTextTag    *entity_tags[3];  /* by BriefEntityKind */
  GtkTextTag    *selected_tag;
  GtkTextMark   *span_mark;
  guint          flash_source;
  int            selected_entity;

  gboolean       shown[N_HIGHLIGHTS];
  GSettings     *settings;

  /* Template widgets */
  GtkBox            *box;
  BriefDatePrompt   *date_prompt;
  GtkBox            *header;
  GtkLabel          *language_note;
  GtkLinkButton     *link_button;
  GtkLabel          *link_label;
  GtkEntry          *published_entry;
  GtkLabel          *published_error;
  GtkLabel          *published_unknown;
  GtkScrolledWindow *scrolled_window;
  GtkLabel          *source_label;
  GtkTextView       *text_view;
  GtkLabel          *title_label;
};

G_DEFINE_FINAL_TYPE (BriefArticleView, brief_article_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_SHOW_PEOPLE,
  PROP_SHOW_ORGANISATIONS,
  PROP_SHOW_PLACES,
  PROP_SHOW_QUOTES,
  PROP_SHOW_DATES,
  N_PROPS
};

enum {
  DATE_ACTIVATED,
  PUBLISHED_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The text itself: a text view that reads at a comfortable measure and
 * turns a date under the caret or the pointer into its event. */
#define BRIEF_TYPE_ARTICLE_TEXT (brief_article_text_get_type ())

G_DECLARE_FINAL_TYPE (BriefArticleText, brief_article_text, BRIEF, ARTICLE_TEXT, GtkTextView)

struct _BriefArticleText
{
  GtkTextView parent_instance;
};

G_DEFINE_FINAL_TYPE (BriefArticleText, brief_article_text, GTK_TYPE_TEXT_VIEW)

/* GtkEntry on GTK 4.8 sets no activate signal, so that gtk_widget_activate(),
 * which the AT-SPI "activate" action calls, does nothing: this one does. */
#define BRIEF_TYPE_DATE_ENTRY (brief_date_entry_get_type ())

G_DECLARE_FINAL_TYPE (BriefDateEntry, brief_date_entry, BRIEF, DATE_ENTRY, GtkEntry)

struct _BriefDateEntry
{
  GtkEntry parent_instance;
};

G_DEFINE_FINAL_TYPE (BriefDateEntry, brief_date_entry, GTK_TYPE_ENTRY)

static void
brief_date_entry_class_init (BriefDateEntryClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_activate_signal_from_name (widget_class, "activate");
}

static void
brief_date_entry_init (BriefDateEntry *self)
{
}

/* About 75 characters a line: wider lines tire the eye. */
#define MAX_MEASURE_CHARS 75
#define MIN_MARGIN        32

static gboolean brief_article_view_activate_date_at (BriefArticleView  *self,
                                                     const GtkTextIter *iter);

static void
brief_article_text_select_date_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  GtkWidget *view = gtk_widget_get_ancestor (widget, BRIEF_TYPE_ARTICLE_VIEW);
  GtkTextIter iter;

  if (view == NULL)
    return;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  if (!brief_article_view_activate_date_at (BRIEF_ARTICLE_VIEW (view), &iter))
    gtk_widget_error_bell (widget);
}

static void
brief_article_text_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (widget);
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int char_width = pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE;
  int measure = (int) (char_width * 1.1 * MAX_MEASURE_CHARS);
  int margin = MAX (MIN_MARGIN, (width - measure) / 2);

  pango_font_metrics_unref (metrics);

  if (ABS (gtk_text_view_get_left_margin (text_view) - margin) > 1)
    {
      gtk_text_view_set_left_margin (text_view, margin);
      gtk_text_view_set_right_margin (text_view, margin);
    }

  GTK_WIDGET_CLASS (brief_article_text_parent_class)->size_allocate (widget, width, height, baseline);
}

/* Ctrl+V in the (read-only) article pastes a new article. */
static void
brief_article_text_paste_clipboard (GtkTextView *text_view)
{
  if (gtk_text_view_get_editable (text_view))
    GTK_TEXT_VIEW_CLASS (brief_article_text_parent_class)->paste_clipboard (text_view);
  else
    gtk_widget_activate_action (GTK_WIDGET (text_view), "win.paste", NULL);
}

static void
brief_article_text_class_init (BriefArticleTextClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  widget_class->size_allocate = brief_article_text_size_allocate;
  text_view_class->paste_clipboard = brief_article_text_paste_clipboard;

  /* Also reachable by screen readers: place the caret, then run the action. */
  gtk_widget_class_install_action (widget_class, "article.select-date-at-caret", NULL,
                                   brief_article_text_select_date_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "article.select-date-at-caret", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "article.select-date-at-caret", NULL);
}

static void
brief_article_text_init (BriefArticleText *self)
{
}

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const char      *fallback,
              GdkRGBA         *color)
{
  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

/* Tag colours come from style.css (named colours), so that they can be read
 * in both the light and the dark style. */
static void
brief_article_view_update_colors (BriefArticleView *self)
{
  GtkStyleContext *context;
  GdkRGBA date_color;
  GdkRGBA sentence_color;
  GdkRGBA flash_color;
  GdkRGBA meta_color;
  GdkRGBA color;

  context = gtk_widget_get_style_context (GTK_WIDGET (self->text_view));

  lookup_color (context, "brief_date_highlight", "rgba(246,211,45,0.35)", &date_color);
  lookup_color (context, "brief_sentence_highlight", "rgba(53,132,228,0.18)", &sentence_color);
  lookup_color (context, "brief_sentence_flash", "rgba(53,132,228,0.40)", &flash_color);

  gtk_style_context_get_color (context, &meta_color);
  meta_color.alpha *= 0.65;

  g_object_set (self->date_tag, "background-rgba", &date_color, NULL);
  g_object_set (self->date_tag, "background-set", self->shown[HIGHLIGHT_DATES], NULL);

  /* Each kind differs in shape as well as colour: people bold and
   * underlined, organisations underlined twice, places with a wavy line,
   * quotations in italics on a tint. */
  lookup_color (context, "brief_person_highlight", "#1c71d8", &color);
  g_object_set (self->entity_tags[BRIEF_ENTITY_PERSON],
                "underline", PANGO_UNDERLINE_SINGLE,
                "underline-rgba", &color,
                "weight", PANGO_WEIGHT_SEMIBOLD,
                "underline-set", self->shown[HIGHLIGHT_PEOPLE],
                "underline-rgba-set", self->shown[HIGHLIGHT_PEOPLE],
                "weight-set", self->shown[HIGHLIGHT_PEOPLE],
                NULL);
  lookup_color (context, "brief_organisation_highlight", "#9141ac", &color);
  g_object_set (self->entity_tags[BRIEF_ENTITY_ORGANISATION],
                "underline", PANGO_UNDERLINE_DOUBLE,
                "underline-rgba", &color,
                "weight", PANGO_WEIGHT_MEDIUM,
                "underline-set", self->shown[HIGHLIGHT_ORGANISATIONS],
                "underline-rgba-set", self->shown[HIGHLIGHT_ORGANISATIONS],
                "weight-set", self->shown[HIGHLIGHT_ORGANISATIONS],
                NULL);
  lookup_color (context, "brief_place_highlight", "#26a269", &color);
  /* Not an overline: GTK 4.8 text tags with an overline colour corrupt
   * memory once several of them meet in a paragraph. */
  g_object_set (self->entity_tags[BRIEF_ENTITY_PLACE],
                "underline", PANGO_UNDERLINE_ERROR,
                "underline-rgba", &color,
                "underline-set", self->shown[HIGHLIGHT_PLACES],
                "underline-rgba-set", self->shown[HIGHLIGHT_PLACES],
                NULL);
  lookup_color (context, "brief_quote_highlight", "rgba(145,65,172,0.12)", &color);
  g_object_set (self->quotation_tag,
                "background-rgba", &color,
                "style", PANGO_STYLE_ITALIC,
                "background-set", self->shown[HIGHLIGHT_QUOTES],
                "style-set", self->shown[HIGHLIGHT_QUOTES],
                NULL);
  lookup_color (context, "brief_selected_highlight", "rgba(255,120,0,0.40)", &color);
  g_object_set (self->selected_tag, "background-rgba", &color, NULL);
  g_object_set (self->sentence_tag, "background-rgba", &sentence_color, NULL);
  g_object_set (self->flash_tag, "background-rgba", &flash_color, NULL);
  g_object_set (self->meta_tag, "foreground-rgba", &meta_color, NULL);
}

static void
brief_article_view_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  BriefArticleView *self = BRIEF_ARTICLE_VIEW (widget);

  GTK_WIDGET_CLASS (brief_article_view_parent_class)->css_changed (widget, change);

  if (self->selected_tag != NULL)
    brief_article_view_update_colors (self);
}

static gboolean
brief_article_view_buffer_range (BriefArticleView *self,
                                 guint             start,
                                 guint             end,
                                 GtkTextIter      *start_iter,
                                 GtkTextIter      *end_iter)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  int first = MAX (0, -self->text_offset);

  end = MIN (end, self->text_length);
  if ((int) end <= first || start >= end)
    return FALSE;

  start = MAX ((int) start, first);

  gtk_text_buffer_get_iter_at_offset (buffer, start_iter, self->text_offset + (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, end_iter, self->text_offset + (int) end);

  return TRUE;
}

static gboolean
text_starts_with_line (const char *text,
                       const char *line,
                       gsize      *out_skip)
{
  gsize len;
  const char *p;

  if (line == NULL || *line == '\0')
    return FALSE;

  len = strlen (line);
  if (strncmp (text, line, len) != 0)
    return FALSE;

  p = text + len;
  if (*p != '\0' && *p != '\n' && *p != '\r')
    return FALSE;
  while (*p == '\n' || *p == '\r')
    p++;

  *out_skip = p - text;
  return TRUE;
}

static void
brief_article_view_update_header (BriefArticleView *self)
{
  const char *title = NULL;
  const char *site = NULL;
  const char *byline = NULL;
  const char *url = NULL;
  const char *language = NULL;
  const char *published = NULL;
  g_autofree char *source = NULL;
  gboolean foreign;

  if (self->article != NULL)
    {
      title = brief_article_get_title (self->article);
      site = brief_article_get_site (self->article);
      byline = brief_article_get_byline (self->article);
      url = brief_article_get_url (self->article);
      language = brief_article_get_language (self->article);
      published = brief_article_get_published (self->article);
    }

  gtk_label_set_text (self->title_label, title != NULL ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), title != NULL && *title != '\0');

  /* "The Coastal Ledger · Mira Okafor" */
  if (site != NULL && *site != '\0' && byline != NULL && *byline != '\0')
    source = g_strdup_printf ("%s · %s", site, byline);
  else
    source = g_strdup (site != NULL && *site != '\0' ? site : byline);
  gtk_label_set_text (self->source_label, source != NULL ? source : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->source_label), source);

  /* Shown, never fetched: Briefing does not go on the network. */
  /* A web address; a local file's is its source path, not a link. */
  if (url != NULL && !g_str_has_prefix (url, "http://") && !g_str_has_prefix (url, "https://"))
    url = NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->link_button), url != NULL);
  gtk_link_button_set_uri (self->link_button, url != NULL ? url : "");
  gtk_label_set_text (self->link_label, url != NULL ? url : "");

  foreign = language != NULL && *language != '\0' &&
            g_ascii_strncasecmp (language, "en", 2) != 0;
  if (foreign)
    {
      g_autofree char *note = NULL;

      /* Translators: %s is a language code such as "fr" or "de-CH" */
      note = g_strdup_printf (_("This article is in “%s”: the analysis reads English only, so its dates may be missed or misread"),
                              language);
      gtk_label_set_text (self->language_note, note);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->language_note), foreign);

  gtk_widget_set_visible (GTK_WIDGET (self->published_unknown),
                          self->article != NULL && (published == NULL || *published == '\0'));
  brief_date_prompt_set_article (self->date_prompt, self->article);
  gtk_editable_set_text (GTK_EDITABLE (self->published_entry), published != NULL ? published : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->published_entry), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->published_error), FALSE);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->published_entry), GTK_ACCESSIBLE_STATE_INVALID);
}

/* People, organisations and places where they are named, and quotations:
 * always tagged, shown or not by the look of their tags. */
static void
brief_article_view_tag_facts (BriefArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GPtrArray *entities = brief_analysis_get_entities (self->analysis);
  GArray *mentions = brief_analysis_get_entity_mentions (self->analysis);
  GPtrArray *quotes = brief_analysis_get_quotes (self->analysis);

  for (guint i = 0; quotes != NULL && i < quotes->len; i++)
    {
      const BriefQuote *quote = g_ptr_array_index (quotes, i);
      GtkTextIter start;
      GtkTextIter end;

      if (brief_article_view_buffer_range (self, (guint) quote->start, (guint) quote->end,
                                           &start, &end))
        gtk_text_buffer_apply_tag (buffer, self->quotation_tag, &start, &end);
    }

  for (guint i = 0; mentions != NULL && entities != NULL && i < mentions->len; i++)
    {
      const BriefEntityMention *mention = &g_array_index (mentions, BriefEntityMention, i);
      const BriefEntity *entity;
      GtkTextIter start;
      GtkTextIter end;

      if (mention->entity >= entities->len)
        continue;
      entity = g_ptr_array_index (entities, mention->entity);
      if ((guint) entity->kind >= G_N_ELEMENTS (self->entity_tags))
        continue;
      if (brief_article_view_buffer_range (self, (guint) mention->start, (guint) mention->end,
                                           &start, &end))
        gtk_text_buffer_apply_tag (buffer, self->entity_tags[entity->kind], &start, &end);
    }
}

static void
brief_article_view_fill (BriefArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *title;
  const char *text;
  GtkTextIter iter;
  gsize skip = 0;

  gtk_text_buffer_set_text (buffer, "", 0);
  self->text_offset = 0;
  self->text_length = 0;
  self->selected_entity = -1;

  brief_article_view_update_header (self);

  if (self->article == NULL)
    return;

  title = brief_article_get_title (self->article);
  text = brief_article_get_text (self->article);
  if (text == NULL)
    text = "";

  /* The header shows the title: a plain-text article that starts with its
   * own headline shows it once. */
  text_starts_with_line (text, title, &skip);

  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_insert (buffer, &iter, text + skip, -1);

  self->text_offset = - (int) g_utf8_pointer_to_offset (text, text + skip);
  self->text_length = (guint) g_utf8_strlen (text, -1);

  /* Headings and quotations inside the article. */
  for (guint i = 0; i < brief_article_get_n_paragraphs (self->article); i++)
    {
      const BriefParagraph *paragraph = brief_article_get_paragraph (self->article, i);
      GtkTextTag *tag = NULL;
      GtkTextIter start;
      GtkTextIter end;
      guint offset;

      switch (paragraph->kind)
        {
        case BRIEF_PARAGRAPH_HEADING1:
        case BRIEF_PARAGRAPH_HEADING2:
        case BRIEF_PARAGRAPH_HEADING3:
          tag = self->subheading_tag;
          break;

        case BRIEF_PARAGRAPH_BLOCKQUOTE:
          tag = self->quote_tag;
          break;

        case BRIEF_PARAGRAPH_TEXT:
        case BRIEF_PARAGRAPH_LIST_ITEM:
        default:
          break;
        }

      if (tag == NULL || paragraph->text == NULL || paragraph->start > strlen (text))
        continue;

      offset = (guint) g_utf8_pointer_to_offset (text, text + paragraph->start);
      if (brief_article_view_buffer_range (self, offset,
                                           offset + (guint) g_utf8_strlen (paragraph->text, -1),
                                           &start, &end))
        gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
    }

  /* Every date expression the analysis found. */
  if (self->analysis != NULL)
    {
      GPtrArray *timexes = brief_analysis_get_timexes (self->analysis);

      for (guint i = 0; timexes != NULL && i < timexes->len; i++)
        {
          const BriefTimex *timex = g_ptr_array_index (timexes, i);
          GtkTextIter start;
          GtkTextIter end;

          if (brief_article_view_buffer_range (self, (guint) timex->start, (guint) timex->end,
                                               &start, &end))
            gtk_text_buffer_apply_tag (buffer, self->date_tag, &start, &end);
        }

      brief_article_view_tag_facts (self);
    }

  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_buffer_move_mark (buffer, self->span_mark, &iter);
  gtk_text_view_scroll_to_mark (self->text_view, self->span_mark, 0.0, TRUE, 0.0, 0.0);
}

static gboolean
brief_article_view_flash_done_cb (gpointer user_data)
{
  BriefArticleView *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start;
  GtkTextIter end;

  self->flash_source = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->flash_tag, &start, &end);

  return G_SOURCE_REMOVE;
}

/* Emits ::date-activated when @iter lies in a highlighted date. */
static gboolean
brief_article_view_activate_date_at (BriefArticleView  *self,
                                     const GtkTextIter *iter)
{
  GtkTextIter start = *iter;
  int offset;

  if (!gtk_text_iter_has_tag (&start, self->date_tag))
    {
      /* Just after a date counts too: the caret often stops there. */
      if (!gtk_text_iter_backward_char (&start) || !gtk_text_iter_has_tag (&start, self->date_tag))
        return FALSE;
    }

  offset = gtk_text_iter_get_offset (&start) - self->text_offset;
  if (offset < 0)
    return FALSE;

  g_signal_emit (self, signals[DATE_ACTIVATED], 0, (guint) offset);
  return TRUE;
}

static void
text_view_click_released_cb (BriefArticleView *self,
                             int               n_press,
                             double            x,
                             double            y,
                             GtkGestureClick  *gesture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;
  int bx;
  int by;

  /* A drag that selected text is not a click on a date. */
  if (n_press != 1 || gtk_text_buffer_get_has_selection (buffer))
    return;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  if (gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by) &&
      gtk_text_iter_has_tag (&iter, self->date_tag))
    brief_article_view_activate_date_at (self, &iter);
}

/* YYYY-MM-DD, a real day. */
static gboolean
parse_published (const char *text)
{
  unsigned int year;
  unsigned int month;
  unsigned int day;
  char rest;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &rest) != 3)
    return FALSE;
  return g_date_valid_dmy (day, month, year);
}

static void
published_entry_changed_cb (BriefArticleView *self,
                            GtkEditable      *editable)
{
  /* Typing again clears the error until the next Enter. */
  gtk_widget_remove_css_class (GTK_WIDGET (self->published_entry), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->published_error), FALSE);
}

static void
published_entry_activate_cb (BriefArticleView *self,
                             GtkEntry         *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (self->article == NULL)
    return;

  if (!parse_published (text))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->published_error), TRUE);
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return;
    }

  gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
  g_signal_emit (self, signals[PUBLISHED_CHANGED], 0, text);
}

static void
date_prompt_date_chosen_cb (BriefArticleView *self,
                            const char       *published,
                            BriefDatePrompt  *date_prompt)
{
  if (self->article == NULL)
    return;

  g_signal_emit (self, signals[PUBLISHED_CHANGED], 0, published);
}

static void
brief_article_view_dispose (GObject *object)
{
  BriefArticleView *self = BRIEF_ARTICLE_VIEW (object);

  g_clear_handle_id (&self->flash_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), BRIEF_TYPE_ARTICLE_VIEW);

  g_clear_object (&self->article);
  g_clear_object (&self->analysis);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (brief_article_view_parent_class)->dispose (object);
}

/* Remembers the kinds shown, as their names. */
static void
brief_article_view_save_shown (BriefArticleView *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kinds = NULL;

  if (self->settings == NULL)
    return;

  for (guint i = 0; i < N_HIGHLIGHTS; i++)
    if (self->shown[i])
      g_strv_builder_add (builder, highlight_names[i]);
  kinds = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "highlight-kinds", (const char * const *) kinds);
}

static void
brief_article_view_set_shown (BriefArticleView *self,
                              HighlightKind     kind,
                              gboolean          shown)
{
  g_assert (kind < N_HIGHLIGHTS);

  shown = !!shown;
  if (self->shown[kind] == shown)
    return;

  self->shown[kind] = shown;
  brief_article_view_update_colors (self);
  brief_article_view_save_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PEOPLE + kind]);
}

static void
settings_changed_cb (BriefArticleView *self,
                     const char       *key,
                     GSettings        *settings)
{
  g_auto(GStrv) kinds = g_settings_get_strv (settings, "highlight-kinds");

  for (guint i = 0; i < N_HIGHLIGHTS; i++)
    brief_article_view_set_shown (self, i, g_strv_contains ((const char * const *) kinds,
                                                            highlight_names[i]));
}

static void
brief_article_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BriefArticleView *self = BRIEF_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    case PROP_SHOW_PEOPLE:
    case PROP_SHOW_ORGANISATIONS:
    case PROP_SHOW_PLACES:
    case PROP_SHOW_QUOTES:
    case PROP_SHOW_DATES:
      g_value_set_boolean (value, self->shown[prop_id - PROP_SHOW_PEOPLE]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
brief_article_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BriefArticleView *self = BRIEF_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_PEOPLE:
    case PROP_SHOW_ORGANISATIONS:
    case PROP_SHOW_PLACES:
    case PROP_SHOW_QUOTES:
    case PROP_SHOW_DATES:
      brief_article_view_set_shown (self, prop_id - PROP_SHOW_PEOPLE, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
brief_article_view_class_init (BriefArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = brief_article_view_dispose;
  object_class->get_property = brief_article_view_get_property;
  object_class->set_property = brief_article_view_set_property;

  widget_class->css_changed = brief_article_view_css_changed;

  /**
   * BriefArticleView:article:
   *
   * The article shown, or %NULL.
   */
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         BRIEF_TYPE_ARTICLE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BriefArticleView:show-people:
   *
   * Whether the people named in the article are highlighted.
   */
  properties[PROP_SHOW_PEOPLE] =
    g_param_spec_boolean ("show-people", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BriefArticleView:show-organisations:
   *
   * Whether the organisations named in the article are highlighted.
   */
  properties[PROP_SHOW_ORGANISATIONS] =
    g_param_spec_boolean ("show-organisations", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BriefArticleView:show-places:
   *
   * Whether the places named in the article are highlighted.
   */
  properties[PROP_SHOW_PLACES] =
    g_param_spec_boolean ("show-places", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BriefArticleView:show-quotes:
   *
   * Whether direct quotations are highlighted.
   */
  properties[PROP_SHOW_QUOTES] =
    g_param_spec_boolean ("show-quotes", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BriefArticleView:show-dates:
   *
   * Whether date expressions are highlighted.
   */
  properties[PROP_SHOW_DATES] =
    g_param_spec_boolean ("show-dates", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_property_action (widget_class, "article.show-people", "show-people");
  gtk_widget_class_install_property_action (widget_class, "article.show-organisations", "show-organisations");
  gtk_widget_class_install_property_action (widget_class, "article.show-places", "show-places");
  gtk_widget_class_install_property_action (widget_class, "article.show-quotes", "show-quotes");
  gtk_widget_class_install_property_action (widget_class, "article.show-dates", "show-dates");

  /**
   * BriefArticleView::date-activated:
   * @self: a #BriefArticleView
   * @offset: the code point in the article text of the date activated
   *
   * Emitted when the user clicks a highlighted date, or presses Enter on it.
   */
  signals[DATE_ACTIVATED] =
    g_signal_new ("date-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * BriefArticleView::published-changed:
   * @self: a #BriefArticleView
   * @published: the new publication date, YYYY-MM-DD
   *
   * Emitted when the user sets or corrects the publication date in the header.
   */
  signals[PUBLISHED_CHANGED] =
    g_signal_new ("published-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (BRIEF_TYPE_ARTICLE_TEXT);
  g_type_ensure (BRIEF_TYPE_DATE_ENTRY);
  g_type_ensure (BRIEF_TYPE_DATE_PROMPT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/brief-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BriefArticleView, box);
  gtk_widget_class_bind_template_child (widget_class, BriefArticleView, date_prompt);
  gtk_widget_class_bind_template_child (widget_class, BriefArticleView, header);
  gtk_widget_class_bind_template_child (widget_class, BriefArticleView, language_note);
  gtk_widget_class_bind_template_child (widget_class, BriefArticleView, link_button);
  gtk_widget_class_bind_template_child (widget_class, BriefArticleView, link_label);
  gtk_widget_class_bind_template_child (widget_class, BriefArticleView, published_entry);
  gtk_widget_class_bind_template_child (widget_class, BriefArticleView, published_error);
  gtk_widget_class_bind_template_child (widget_class, BriefArticleView, published_unknown);
  gtk_widget_class_bind_template_child (widget_class, BriefArticleView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, BriefArticleView, source_label);
  gtk_widget_class_bind_template_child (widget_class, BriefArticleView, text_view);
  gtk_widget_class_bind_template_child (widget_class, BriefArticleView, title_label);
  gtk_widget_class_bind_template_callback (widget_class, date_prompt_date_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, published_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, published_entry_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "briefarticleview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
brief_article_view_init (BriefArticleView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkGesture *gesture;
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selected_entity = -1;
  for (guint i = 0; i < N_HIGHLIGHTS; i++)
    self->shown[i] = TRUE;

  /* Widget tests may run without the schema installed. */
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                            BRIEF_SETTINGS_SCHEMA_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "highlight-kinds"))
    {
      self->settings = g_settings_new (BRIEF_SETTINGS_SCHEMA_ID);
      g_signal_connect_object (self->settings, "changed::highlight-kinds",
                               G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
    }

  buffer = gtk_text_view_get_buffer (self->text_view);
  self->heading_tag = gtk_text_buffer_create_tag (buffer, "heading",
                                                  "weight", PANGO_WEIGHT_BOLD,
                                                  "scale", 1.6,
                                                  "pixels-below-lines", 6,
                                                  "wrap-mode", GTK_WRAP_WORD,
                                                  NULL);
  self->meta_tag = gtk_text_buffer_create_tag (buffer, "meta",
                                               "scale", 0.9,
                                               NULL);
  self->subheading_tag = gtk_text_buffer_create_tag (buffer, "subheading",
                                                     "weight", PANGO_WEIGHT_BOLD,
                                                     "scale", 1.2,
                                                     NULL);
  self->quote_tag = gtk_text_buffer_create_tag (buffer, "quote",
                                                "style", PANGO_STYLE_ITALIC,
                                                "left-margin", 56,
                                                NULL);
  /* Later tags win: a quotation lies under the sentence, the sentence
   * under the dates and names it holds, the selection and the flash over
   * them all. */
  self->quotation_tag = gtk_text_buffer_create_tag (buffer, "quotation", NULL);
  self->sentence_tag = gtk_text_buffer_create_tag (buffer, "sentence", NULL);
  self->date_tag = gtk_text_buffer_create_tag (buffer, "date", NULL);
  self->entity_tags[BRIEF_ENTITY_PERSON] = gtk_text_buffer_create_tag (buffer, "person", NULL);
  self->entity_tags[BRIEF_ENTITY_ORGANISATION] = gtk_text_buffer_create_tag (buffer, "organisation", NULL);
  self->entity_tags[BRIEF_ENTITY_PLACE] = gtk_text_buffer_create_tag (buffer, "place", NULL);
  self->selected_tag = gtk_text_buffer_create_tag (buffer, "selected-entity", NULL);
  self->flash_tag = gtk_text_buffer_create_tag (buffer, "flash", NULL);

  gtk_text_buffer_get_start_iter (buffer, &start);
  self->span_mark = gtk_text_buffer_create_mark (buffer, "span", &start, TRUE);

  if (self->settings != NULL)
    settings_changed_cb (self, "highlight-kinds", self->settings);
  brief_article_view_update_colors (self);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (gesture, "released", G_CALLBACK (text_view_click_released_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (gesture));
}

GtkWidget *
brief_article_view_new (void)
{
  return g_object_new (BRIEF_TYPE_ARTICLE_VIEW, NULL);
}

BriefArticle *
brief_article_view_get_article (BriefArticleView *self)
{
  g_return_val_if_fail (BRIEF_IS_ARTICLE_VIEW (self), NULL);

  return self->article;
}

void
brief_article_view_set_article (BriefArticleView *self,
                                BriefArticle     *article,
                                BriefAnalysis    *analysis)
{
  gboolean changed;

  g_return_if_fail (BRIEF_IS_ARTICLE_VIEW (self));
  g_return_if_fail (article == NULL || BRIEF_IS_ARTICLE (article));
  g_return_if_fail (analysis == NULL || BRIEF_IS_ANALYSIS (analysis));

  changed = g_set_object (&self->article, article);
  g_set_object (&self->analysis, analysis);

  g_clear_handle_id (&self->flash_source, g_source_remove);
  brief_article_view_fill (self);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

void
brief_article_view_show_span (BriefArticleView *self,
                              guint             start,
                              guint             end)
{
  GtkTextBuffer *buffer;
  GtkTextIter all_start;
  GtkTextIter all_end;
  GtkTextIter span_start;
  GtkTextIter span_end;

  g_return_if_fail (BRIEF_IS_ARTICLE_VIEW (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &all_start, &all_end);
  gtk_text_buffer_remove_tag (buffer, self->sentence_tag, &all_start, &all_end);
  gtk_text_buffer_remove_tag (buffer, self->flash_tag, &all_start, &all_end);
  g_clear_handle_id (&self->flash_source, g_source_remove);

  if (!brief_article_view_buffer_range (self, start, end, &span_start, &span_end))
    return;

  gtk_text_buffer_apply_tag (buffer, self->sentence_tag, &span_start, &span_end);
  gtk_text_buffer_apply_tag (buffer, self->flash_tag, &span_start, &span_end);
  gtk_text_buffer_select_range (buffer, &span_start, &span_end);

  self->flash_source = g_timeout_add (FLASH_DURATION_MS, brief_article_view_flash_done_cb, self);

  /* A mark, not an iter: the layout may not be ready yet after a switch. */
  gtk_text_buffer_move_mark (buffer, self->span_mark, &span_start);
  gtk_text_view_scroll_to_mark (self->text_view, self->span_mark, 0.05, TRUE, 0.0, 0.3);
}

char *
brief_article_view_dup_selection (BriefArticleView *self,
                                  guint            *out_start,
                                  guint            *out_end)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  int first, last;

  g_return_val_if_fail (BRIEF_IS_ARTICLE_VIEW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return NULL;

  /* Code points of the article's text, which may start after a header. */
  first = gtk_text_iter_get_offset (&start) - self->text_offset;
  last = gtk_text_iter_get_offset (&end) - self->text_offset;
  if (last <= 0 || first >= (int) self->text_length)
    return NULL;
  first = CLAMP (first, 0, (int) self->text_length);
  last = CLAMP (last, first, (int) self->text_length);
  if (last == first)
    return NULL;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, self->text_offset + first);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, self->text_offset + last);
  if (out_start != NULL)
    *out_start = (guint) first;
  if (out_end != NULL)
    *out_end = (guint) last;
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
brief_article_view_select_entity (BriefArticleView *self,
                                  int               entity)
{
  GtkTextBuffer *buffer;
  GtkTextIter all_start;
  GtkTextIter all_end;
  GArray *mentions;
  gboolean first = TRUE;

  g_return_if_fail (BRIEF_IS_ARTICLE_VIEW (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &all_start, &all_end);
  gtk_text_buffer_remove_tag (buffer, self->selected_tag, &all_start, &all_end);
  self->selected_entity = entity;

  if (entity < 0 || self->analysis == NULL)
    return;

  mentions = brief_analysis_get_entity_mentions (self->analysis);
  for (guint i = 0; mentions != NULL && i < mentions->len; i++)
    {
      const BriefEntityMention *mention = &g_array_index (mentions, BriefEntityMention, i);
      GtkTextIter start;
      GtkTextIter end;

      if (mention->entity != (guint) entity ||
          !brief_article_view_buffer_range (self, (guint) mention->start, (guint) mention->end,
                                            &start, &end))
        continue;

      gtk_text_buffer_apply_tag (buffer, self->selected_tag, &start, &end);

      /* The first mention is selected, so that the caret and a screen
       * reader go there too. */
      if (first)
        {
          first = FALSE;
          gtk_text_buffer_select_range (buffer, &start, &end);
          gtk_text_buffer_move_mark (buffer, self->span_mark, &start);
          gtk_text_view_scroll_to_mark (self->text_view, self->span_mark, 0.05, TRUE, 0.0, 0.3);
        }
    }
}
