/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-date-prompt"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "brief-date-prompt.h"

struct _BriefDatePrompt
{
  GtkWidget     parent_instance;

  BriefArticle *article;
  GPtrArray    *skipped;  /* BriefArticle the user answered "Skip" for */

  /* Template widgets */
  GtkBox       *banner;
  GtkEntry     *date_entry;
  GtkRevealer  *revealer;
};

G_DEFINE_FINAL_TYPE (BriefDatePrompt, brief_date_prompt, GTK_TYPE_WIDGET)

enum {
  DATE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
brief_date_prompt_parse (const char *text)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GDate) date = NULL;
  unsigned int year;
  unsigned int month;
  unsigned int day;
  char rest;

  if (text == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return NULL;

  if (sscanf (stripped, "%4u-%2u-%2u%c", &year, &month, &day, &rest) == 3)
    {
      if (strlen (stripped) != 10 || !g_date_valid_dmy (day, month, year))
        return NULL;
      return g_strdup (stripped);
    }

  /* "5 September 2023", "9/5/2023": GLib reads them the locale's way. A
   * date without a year is not a publication date. */
  date = g_date_new ();
  g_date_set_parse (date, stripped);
  if (!g_date_valid (date) || strpbrk (stripped, "0123456789") == NULL)
    return NULL;
  for (const char *p = stripped; *p != '\0'; p++)
    {
      /* The year must be written out: GLib guesses the current one. */
      if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]))
        return g_strdup_printf ("%04u-%02u-%02u",
                                g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
    }

  return NULL;
}

static void
brief_date_prompt_hide (BriefDatePrompt *self)
{
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
brief_date_prompt_submit (BriefDatePrompt *self)
{
  g_autofree char *published = brief_date_prompt_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)));

  if (self->article == NULL)
    return;

  if (published == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->date_entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_widget_error_bell (GTK_WIDGET (self->date_entry));
      return;
    }

  g_signal_emit (self, signals[DATE_CHOSEN], 0, published);
}

static void
date_entry_activate_cb (BriefDatePrompt *self,
                        GtkEntry        *entry)
{
  brief_date_prompt_submit (self);
}

static void
date_entry_changed_cb (BriefDatePrompt *self,
                       GtkEditable     *editable)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->date_entry), GTK_ACCESSIBLE_STATE_INVALID);
}

static void
set_button_clicked_cb (BriefDatePrompt *self,
                       GtkButton       *button)
{
  brief_date_prompt_submit (self);
}

static void
skip_button_clicked_cb (BriefDatePrompt *self,
                        GtkButton       *button)
{
  if (self->article != NULL && !g_ptr_array_find (self->skipped, self->article, NULL))
    g_ptr_array_add (self->skipped, g_object_ref (self->article));

  brief_date_prompt_hide (self);
}

void
brief_date_prompt_set_article (BriefDatePrompt *self,
                               BriefArticle    *article)
{
  gboolean ask;

  g_return_if_fail (BRIEF_IS_DATE_PROMPT (self));
  g_return_if_fail (article == NULL || BRIEF_IS_ARTICLE (article));

  if (g_set_object (&self->article, article))
    gtk_editable_set_text (GTK_EDITABLE (self->date_entry), "");

  ask = article != NULL &&
        brief_article_get_published (article) == NULL &&
        !g_ptr_array_find (self->skipped, article, NULL);

  if (!ask)
    {
      brief_date_prompt_hide (self);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

static void
brief_date_prompt_dispose (GObject *object)
{
  BriefDatePrompt *self = BRIEF_DATE_PROMPT (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BRIEF_TYPE_DATE_PROMPT);

  g_clear_object (&self->article);
  g_clear_pointer (&self->skipped, g_ptr_array_unref);

  G_OBJECT_CLASS (brief_date_prompt_parent_class)->dispose (object);
}

static void
brief_date_prompt_class_init (BriefDatePromptClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = brief_date_prompt_dispose;

  /**
   * BriefDatePrompt::date-chosen:
   * @self: a #BriefDatePrompt
   * @published: the publication date, YYYY-MM-DD
   *
   * Emitted when the user sets the publication date of the article.
   */
  signals[DATE_CHOSEN] =
    g_signal_new ("date-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/brief-date-prompt.ui");
  gtk_widget_class_bind_template_child (widget_class, BriefDatePrompt, banner);
  gtk_widget_class_bind_template_child (widget_class, BriefDatePrompt, date_entry);
  gtk_widget_class_bind_template_child (widget_class, BriefDatePrompt, revealer);
  gtk_widget_class_bind_template_callback (widget_class, date_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, set_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, skip_button_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "briefdateprompt");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
brief_date_prompt_init (BriefDatePrompt *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->skipped = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
brief_date_prompt_new (void)
{
  return g_object_new (BRIEF_TYPE_DATE_PROMPT, NULL);
}
