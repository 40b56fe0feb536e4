/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-application"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-application.h"
#include "brief-window.h"

struct _BriefApplication
{
  GtkApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (BriefApplication, brief_application, GTK_TYPE_APPLICATION)

static BriefWindow *
brief_application_get_window (BriefApplication *self)
{
  GtkWindow *window;

  g_assert (BRIEF_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (BRIEF_IS_WINDOW (window))
    return BRIEF_WINDOW (window);

  return brief_window_new (self);
}

static void
brief_application_activate (GApplication *application)
{
  BriefApplication *self = BRIEF_APPLICATION (application);

  gtk_window_present (GTK_WINDOW (brief_application_get_window (self)));
}

static void
brief_application_open (GApplication  *application,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  BriefApplication *self = BRIEF_APPLICATION (application);
  BriefWindow *window;

  window = brief_application_get_window (self);
  brief_window_open_files (window, files, (guint) n_files);
  gtk_window_present (GTK_WINDOW (window));
}

static void
brief_application_quit_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  BriefApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  g_assert (BRIEF_IS_APPLICATION (self));

  /* Close rather than destroy, so that each window cancels its work, saves
   * its state and may one day ask before losing work; the application ends
   * with its last window. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
brief_application_about_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  BriefApplication *self = user_data;
  static const char *developers[] = { "The Briefing developers", NULL };

  g_assert (BRIEF_IS_APPLICATION (self));

  gtk_show_about_dialog (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "program-name", APP_NAME,
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Prepare briefings from news articles: "
                                       "read each article beside a timeline of the dates it mentions"),
                         "website", "https://github.com/briefingdesk/briefing",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_entries[] = {
  { "quit", brief_application_quit_action },
  { "about", brief_application_about_action },
};

static void
brief_application_startup (GApplication *application)
{
  BriefApplication *self = BRIEF_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  g_autoptr(GtkCssProvider) provider = NULL;

  G_APPLICATION_CLASS (brief_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_entries,
                                   G_N_ELEMENTS (app_entries),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);

  /* GTK 4.8 loads gtk/help-overlay.ui from the resource base path by itself,
   * but not style.css. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
brief_application_class_init (BriefApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = brief_application_activate;
  app_class->open = brief_application_open;
  app_class->startup = brief_application_startup;
}

static void
brief_application_init (BriefApplication *self)
{
}

BriefApplication *
brief_application_new (void)
{
  return g_object_new (BRIEF_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}
