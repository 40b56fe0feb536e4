/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-event-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-date-input.h"
#include "brief-event-editor.h"

struct _BriefEventEditor
{
  GtkWindow        parent_instance;

  BriefBriefing   *briefing;
  BriefEvent      *event;      /* NULL when adding */
  BriefArticle    *article;
  guint            start;
  guint            end;
  char            *sentence;
  BriefDateTagger *tagger;

  /* Template widgets */
  GtkButton       *apply_button;
  GtkEntry        *date_entry;
  GtkLabel        *date_message;
  GtkEntry        *title_entry;
};

G_DEFINE_FINAL_TYPE (BriefEventEditor, brief_event_editor, GTK_TYPE_WINDOW)

/* One tagger for every editor: it compiles its word lists once. */
static BriefDateTagger *
shared_tagger (void)
{
  static BriefDateTagger *tagger;

  if (tagger == NULL)
    tagger = brief_date_tagger_new ();
  return tagger;
}

static const char *
dct_of (BriefEventEditor *self)
{
  BriefArticle *article = self->event != NULL ? brief_event_get_article (self->event) : self->article;

  return article != NULL ? brief_article_get_published (article) : NULL;
}

/* The event's date as shown, untouched: it stands as it is, even a span
 * ("2001 – 2009") or a date of no known year, which the entry cannot read. */
static gboolean
date_is_untouched (BriefEventEditor *self,
                   const char       *date_text)
{
  g_autofree char *label = NULL;

  if (self->event == NULL)
    return FALSE;
  label = brief_event_dup_date_label (self->event);
  return g_strcmp0 (label, date_text) == 0;
}

static gboolean
check (BriefEventEditor *self,
       BriefDate        *out_date)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  BriefDateInputResult result;
  BriefDate date = { 0 };
  g_autofree char *stripped = g_strstrip (g_strdup (title));
  gboolean untouched = date_is_untouched (self, date_text);

  if (untouched)
    {
      result = BRIEF_DATE_INPUT_OK;
      date = *brief_event_get_date (self->event);
    }
  else
    result = brief_date_input_parse (self->tagger, date_text, dct_of (self), &date);
  if (result == BRIEF_DATE_INPUT_OK)
    {
      g_autofree char *shown = untouched ? brief_event_dup_date_label (self->event) : brief_date_format (&date);

      gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->date_message), "dim-label");
      gtk_label_set_text (self->date_message, shown);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->date_entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->date_message), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_message), "dim-label");
      gtk_label_set_text (self->date_message, brief_date_input_describe (result));
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->date_entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }

  if (out_date != NULL)
    *out_date = date;
  return result == BRIEF_DATE_INPUT_OK && *stripped != '\0';
}

static void
entry_changed_cb (BriefEventEditor *self,
                  GtkEditable      *editable)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), check (self, NULL));
}

static void
apply_button_clicked_cb (BriefEventEditor *self,
                         GtkButton        *button)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));
  g_autofree char *date_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_entry))));
  BriefHistory *history = brief_briefing_get_history (self->briefing);
  BriefDate date;

  if (!check (self, &date))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (self->event != NULL)
    {
      g_autofree char *old_date = brief_event_dup_date_label (self->event);
      g_autofree char *new_date = brief_date_format (&date);

      /* Title and date are one step: "Undo Edit Event". */
      brief_history_begin_group (history, _("Edit Event"));
      brief_briefing_edit_event_title (self->briefing, self->event, title);
      /* An untouched date keeps the words the article used. */
      if (g_strcmp0 (old_date, date_text) != 0 && g_strcmp0 (old_date, new_date) != 0)
        brief_briefing_edit_event_date (self->briefing, self->event, &date, date_text);
      brief_history_end_group (history);
    }
  else
    {
      g_autoptr(BriefEvent) event = brief_event_new (&date, date_text, title, self->article);

      if (self->article != NULL && self->end > self->start)
        brief_event_set_sentence (event, self->sentence, self->start, self->end);
      /* Made by hand: the user wants it in the briefing. */
      brief_event_set_state (event, BRIEF_EVENT_STATE_ACCEPTED);
      brief_briefing_add_event (self->briefing, event);
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
brief_event_editor_dispose (GObject *object)
{
  BriefEventEditor *self = BRIEF_EVENT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BRIEF_TYPE_EVENT_EDITOR);
  g_clear_object (&self->briefing);
  g_clear_object (&self->event);
  g_clear_object (&self->article);
  g_clear_pointer (&self->sentence, g_free);

  G_OBJECT_CLASS (brief_event_editor_parent_class)->dispose (object);
}

static void
brief_event_editor_class_init (BriefEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = brief_event_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/brief-event-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BriefEventEditor, apply_button);
  gtk_widget_class_bind_template_child (widget_class, BriefEventEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, BriefEventEditor, date_message);
  gtk_widget_class_bind_template_child (widget_class, BriefEventEditor, title_entry);
  gtk_widget_class_bind_template_callback (widget_class, apply_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
brief_event_editor_init (BriefEventEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->tagger = shared_tagger ();
}

static BriefEventEditor *
editor_new (GtkWindow     *parent,
            BriefBriefing *briefing)
{
  BriefEventEditor *self = g_object_new (BRIEF_TYPE_EVENT_EDITOR,
                                         "transient-for", parent,
                                         NULL);

  self->briefing = g_object_ref (briefing);
  return self;
}

BriefEventEditor *
brief_event_editor_new_edit (GtkWindow     *parent,
                             BriefBriefing *briefing,
                             BriefEvent    *event)
{
  BriefEventEditor *self;
  g_autofree char *date = NULL;

  g_return_val_if_fail (BRIEF_IS_BRIEFING (briefing), NULL);
  g_return_val_if_fail (BRIEF_IS_EVENT (event), NULL);

  self = editor_new (parent, briefing);
  self->event = g_object_ref (event);
  date = brief_event_dup_date_label (event);
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), brief_event_get_title (event));
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
  check (self, NULL);
  return self;
}

BriefEventEditor *
brief_event_editor_new_add (GtkWindow     *parent,
                            BriefBriefing *briefing,
                            BriefArticle  *article,
                            guint          start,
                            guint          end,
                            const char    *text)
{
  BriefEventEditor *self;

  g_return_val_if_fail (BRIEF_IS_BRIEFING (briefing), NULL);
  g_return_val_if_fail (article == NULL || BRIEF_IS_ARTICLE (article), NULL);

  self = editor_new (parent, briefing);
  gtk_window_set_title (GTK_WINDOW (self), _("Add Event"));
  gtk_button_set_label (self->apply_button, _("_Add"));
  if (article != NULL)
    self->article = g_object_ref (article);
  self->start = start;
  self->end = end;
  self->sentence = g_strdup (text);

  if (text != NULL && *text != '\0')
    {
      g_autofree char *title = g_strstrip (g_strdup (text));
      BriefDate date;

      /* A selection holding a date gives it; its words suggest the title. */
      if (g_utf8_strlen (title, -1) > 80)
        *g_utf8_offset_to_pointer (title, 80) = '\0';
      gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title);
      {
        g_autoptr(GPtrArray) timexes = brief_date_tagger_find (self->tagger, text, dct_of (self),
                                                                BRIEF_DOCUMENT_NEWS);

        for (guint i = 0; timexes != NULL && i < timexes->len; i++)
          {
            const BriefTimex *timex = g_ptr_array_index (timexes, i);

            if (timex->type == BRIEF_TIMEX_DATE && timex->value != NULL &&
                brief_date_parse_value (timex->value, &date))
              {
                gtk_editable_set_text (GTK_EDITABLE (self->date_entry), timex->text);
                break;
              }
          }
      }
    }
  entry_changed_cb (self, NULL);
  return self;
}
