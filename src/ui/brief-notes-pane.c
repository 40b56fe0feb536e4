/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-notes-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-notes-pane.h"

struct _BriefNotesPane
{
  GtkWidget      parent_instance;

  BriefBriefing *briefing;
  gboolean       updating;

  /* Template widgets */
  GtkBox        *box;
  GtkLabel      *count_label;
  GtkTextView   *text_view;
  GtkBox        *toolbar;
};

G_DEFINE_FINAL_TYPE (BriefNotesPane, brief_notes_pane, GTK_TYPE_WIDGET)

guint
brief_notes_count_words (const char *text)
{
  gboolean in_word = FALSE;
  guint n = 0;

  if (text == NULL)
    return 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean word_char = g_unichar_isalnum (c) ||
                           (in_word && (c == '\'' || c == 0x2019 || c == '-'));

      if (word_char && !in_word)
        n++;
      in_word = word_char;
    }
  return n;
}

static char *
dup_buffer_text (BriefNotesPane *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_count (BriefNotesPane *self,
              const char     *text)
{
  guint n = brief_notes_count_words (text);
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", n), n);

  gtk_label_set_text (self->count_label, label);
}

static void
buffer_changed_cb (BriefNotesPane *self,
                   GtkTextBuffer  *buffer)
{
  g_autofree char *text = dup_buffer_text (self);

  update_count (self, text);
  if (self->updating || self->briefing == NULL)
    return;

  /* Typing merges into one undo step in the briefing's history. */
  self->updating = TRUE;
  brief_briefing_edit_text (self->briefing, "notes", text);
  self->updating = FALSE;
}

static void
briefing_notify_notes_cb (BriefNotesPane *self,
                          GParamSpec     *pspec,
                          BriefBriefing  *briefing)
{
  const char *notes = brief_briefing_get_notes (briefing);
  g_autofree char *text = NULL;

  if (self->updating)
    return;
  text = dup_buffer_text (self);
  if (g_strcmp0 (text, notes != NULL ? notes : "") == 0)
    return;

  /* Undone or redone: the text follows the briefing. */
  self->updating = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), notes != NULL ? notes : "", -1);
  self->updating = FALSE;
}

static void
brief_notes_pane_dispose (GObject *object)
{
  BriefNotesPane *self = BRIEF_NOTES_PANE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BRIEF_TYPE_NOTES_PANE);
  g_clear_object (&self->briefing);

  G_OBJECT_CLASS (brief_notes_pane_parent_class)->dispose (object);
}

static gboolean
brief_notes_pane_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (BRIEF_NOTES_PANE (widget)->text_view));
}

static void
brief_notes_pane_class_init (BriefNotesPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = brief_notes_pane_dispose;
  widget_class->grab_focus = brief_notes_pane_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/brief-notes-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, BriefNotesPane, box);
  gtk_widget_class_bind_template_child (widget_class, BriefNotesPane, count_label);
  gtk_widget_class_bind_template_child (widget_class, BriefNotesPane, text_view);
  gtk_widget_class_bind_template_child (widget_class, BriefNotesPane, toolbar);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "briefnotespane");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
brief_notes_pane_init (BriefNotesPane *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  /* Ctrl+Z goes to the window, which undoes every kind of edit in order. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  update_count (self, "");
}

GtkWidget *
brief_notes_pane_new (void)
{
  return g_object_new (BRIEF_TYPE_NOTES_PANE, NULL);
}

void
brief_notes_pane_set_briefing (BriefNotesPane *self,
                               BriefBriefing  *briefing)
{
  const char *notes;

  g_return_if_fail (BRIEF_IS_NOTES_PANE (self));
  g_return_if_fail (briefing == NULL || BRIEF_IS_BRIEFING (briefing));

  if (self->briefing != NULL)
    g_signal_handlers_disconnect_by_func (self->briefing, briefing_notify_notes_cb, self);
  g_set_object (&self->briefing, briefing);

  notes = briefing != NULL ? brief_briefing_get_notes (briefing) : NULL;
  self->updating = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), notes != NULL ? notes : "", -1);
  self->updating = FALSE;

  if (briefing != NULL)
    g_signal_connect_object (briefing, "notify::notes", G_CALLBACK (briefing_notify_notes_cb), self,
                             G_CONNECT_SWAPPED);
}

void
brief_notes_pane_insert_event (BriefNotesPane *self,
                               BriefEvent     *event)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  g_autofree char *date = NULL;
  g_autofree char *line = NULL;
  g_autofree char *reference = NULL;
  BriefArticle *article;
  guint index;

  g_return_if_fail (BRIEF_IS_NOTES_PANE (self));
  g_return_if_fail (BRIEF_IS_EVENT (event));

  article = brief_event_get_article (event);
  if (article != NULL && self->briefing != NULL &&
      g_list_store_find (G_LIST_STORE (brief_briefing_get_articles (self->briefing)), article, &index))
    reference = g_strdup_printf (" [%u]", index + 1);

  date = brief_event_dup_date_label (event);
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  /* A list item starts a line of its own. */
  line = g_strdup_printf ("%s- %s: %s%s\n",
                          gtk_text_iter_starts_line (&iter) ? "" : "\n",
                          date, brief_event_get_title (event), reference != NULL ? reference : "");
  gtk_text_buffer_insert_at_cursor (buffer, line, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}
