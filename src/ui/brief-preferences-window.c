/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-preferences-window.h"

/* The preferences, each bound to its GSettings key: the author and handling
 * marking of new briefings, the export format and paper size, the kinds the
 * article highlights, the autosave delay and the light or dark style. */

struct _BriefPreferencesWindow
{
  GtkWindow       parent_instance;

  GSettings      *settings;

  GtkEntry       *author_entry;
  GtkSpinButton  *autosave_spin;
  GtkCheckButton *dates_check;
  GtkDropDown    *format_dropdown;
  GtkEntry       *marking_entry;
  GtkCheckButton *organisations_check;
  GtkDropDown    *page_size_dropdown;
  GtkCheckButton *people_check;
  GtkCheckButton *places_check;
  GtkCheckButton *quotes_check;
  GtkDropDown    *style_dropdown;

  gboolean        updating_highlights;
};

G_DEFINE_FINAL_TYPE (BriefPreferencesWindow, brief_preferences_window, GTK_TYPE_WINDOW)

/* In the order of the drop-downs' items in the .ui file. */
static const char * const export_formats[] = {
  "pdf", "fodt", "html", "markdown", "json", "timeline-json", "icalendar", "csv", NULL
};
static const char * const page_sizes[] = { "a4", "letter", NULL };
static const char * const styles[] = { "system", "light", "dark", NULL };
static const char * const highlight_kinds[] = {
  "people", "organisations", "places", "quotes", "dates", NULL
};

static gboolean
choice_to_position (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *choices = user_data;
  const char *choice = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    {
      if (g_str_equal (choices[i], choice))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }
  return FALSE;
}

static GVariant *
position_to_choice (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char * const *choices = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) choices))
    return NULL;
  return g_variant_new_string (choices[position]);
}

static void
bind_choice (BriefPreferencesWindow *self,
             const char             *key,
             GtkDropDown            *dropdown,
             const char * const     *choices)
{
  g_settings_bind_with_mapping (self->settings, key, dropdown, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                choice_to_position, position_to_choice,
                                (gpointer) choices, NULL);
}

static GtkCheckButton *
highlight_check (BriefPreferencesWindow *self,
                 guint                   i)
{
  GtkCheckButton *checks[] = {
    self->people_check, self->organisations_check, self->places_check,
    self->quotes_check, self->dates_check,
  };

  g_assert (i < G_N_ELEMENTS (checks));
  return checks[i];
}

static void
settings_changed_highlights_cb (BriefPreferencesWindow *self,
                                const char             *key,
                                GSettings              *settings)
{
  g_auto(GStrv) kinds = g_settings_get_strv (settings, "highlight-kinds");

  self->updating_highlights = TRUE;
  for (guint i = 0; highlight_kinds[i] != NULL; i++)
    gtk_check_button_set_active (highlight_check (self, i),
                                 g_strv_contains ((const char * const *) kinds, highlight_kinds[i]));
  self->updating_highlights = FALSE;
}

static void
highlight_check_toggled_cb (BriefPreferencesWindow *self,
                            GtkCheckButton         *check)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) kinds = NULL;

  if (self->updating_highlights)
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; highlight_kinds[i] != NULL; i++)
    if (gtk_check_button_get_active (highlight_check (self, i)))
      g_strv_builder_add (builder, highlight_kinds[i]);
  kinds = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "highlight-kinds", (const char * const *) kinds);
}

static void
brief_preferences_window_dispose (GObject *object)
{
  BriefPreferencesWindow *self = BRIEF_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (brief_preferences_window_parent_class)->dispose (object);
}

static void
brief_preferences_window_class_init (BriefPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = brief_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/brief-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BriefPreferencesWindow, author_entry);
  gtk_widget_class_bind_template_child (widget_class, BriefPreferencesWindow, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, BriefPreferencesWindow, dates_check);
  gtk_widget_class_bind_template_child (widget_class, BriefPreferencesWindow, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BriefPreferencesWindow, marking_entry);
  gtk_widget_class_bind_template_child (widget_class, BriefPreferencesWindow, organisations_check);
  gtk_widget_class_bind_template_child (widget_class, BriefPreferencesWindow, page_size_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BriefPreferencesWindow, people_check);
  gtk_widget_class_bind_template_child (widget_class, BriefPreferencesWindow, places_check);
  gtk_widget_class_bind_template_child (widget_class, BriefPreferencesWindow, quotes_check);
  gtk_widget_class_bind_template_child (widget_class, BriefPreferencesWindow, style_dropdown);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
brief_preferences_window_init (BriefPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new ("io.github.briefingdesk.Briefing");

  g_settings_bind (self->settings, "author-name", self->author_entry, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "default-marking", self->marking_entry, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "autosave-interval", self->autosave_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  bind_choice (self, "export-format", self->format_dropdown, export_formats);
  bind_choice (self, "page-size", self->page_size_dropdown, page_sizes);
  bind_choice (self, "style", self->style_dropdown, styles);

  settings_changed_highlights_cb (self, "highlight-kinds", self->settings);
  g_signal_connect_object (self->settings, "changed::highlight-kinds",
                           G_CALLBACK (settings_changed_highlights_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; highlight_kinds[i] != NULL; i++)
    g_signal_connect_object (highlight_check (self, i), "toggled",
                             G_CALLBACK (highlight_check_toggled_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
brief_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (BRIEF_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}

/* The style: GTK 4.8 without libadwaita does not follow the desktop's dark
 * preference by itself.  "system" reads org.gnome.desktop.interface
 * color-scheme when that schema is installed (through the settings portal
 * in a sandbox), and stays light otherwise. */

static GSettings *
interface_settings (void)
{
  static GSettings *settings;
  static gboolean looked;

  if (!looked)
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      looked = TRUE;
      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
      if (schema != NULL && g_settings_schema_has_key (schema, "color-scheme"))
        settings = g_settings_new ("org.gnome.desktop.interface");
    }
  return settings;
}

static void
update_style (GSettings *settings)
{
  g_autofree char *style = g_settings_get_string (settings, "style");
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  gboolean dark = FALSE;

  if (gtk_settings == NULL)
    return;

  if (g_str_equal (style, "dark"))
    dark = TRUE;
  else if (g_str_equal (style, "system") && interface_settings () != NULL)
    {
      g_autofree char *scheme = g_settings_get_string (interface_settings (), "color-scheme");

      dark = g_str_equal (scheme, "prefer-dark");
    }

  g_object_set (gtk_settings, "gtk-application-prefer-dark-theme", dark, NULL);
}

void
brief_preferences_apply_style (void)
{
  static GSettings *settings;

  if (settings != NULL)
    return;

  settings = g_settings_new ("io.github.briefingdesk.Briefing");
  g_signal_connect (settings, "changed::style", G_CALLBACK (update_style), NULL);
  if (interface_settings () != NULL)
    g_signal_connect_swapped (interface_settings (), "changed::color-scheme",
                              G_CALLBACK (update_style), settings);
  update_style (settings);
}
