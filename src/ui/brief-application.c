/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-application"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-application.h"
#include "brief-preferences-window.h"
#include "brief-window.h"

struct _BriefApplication
{
  GtkApplication parent_instance;

  gboolean       drafts_checked;
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

  window = GTK_WINDOW (brief_window_new (self));
  /* Drafts left at the first window of a run come from a crash: the
   * application is single-instance, so no other window writes them. */
  if (!self->drafts_checked)
    {
      self->drafts_checked = TRUE;
      brief_window_offer_drafts (BRIEF_WINDOW (window));
    }
  return BRIEF_WINDOW (window);
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
  g_autolist(GtkWindow) windows = NULL;

  g_assert (BRIEF_IS_APPLICATION (self));

  /* Close rather than destroy, so that each window cancels its work, saves
   * its state and may one day ask before losing work; the application ends
   * with its last window.  Held, since closing a window destroys its dialogs. */
  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                              (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
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

static void
brief_application_help_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  BriefApplication *self = user_data;

  g_assert (BRIEF_IS_APPLICATION (self));

  /* The Mallard guide in help/, installed by gnome.yelp() and shown by Yelp
   * (or the help viewer the desktop chooses; in Flatpak through a portal). */
  gtk_show_uri (gtk_application_get_active_window (GTK_APPLICATION (self)),
                "help:briefing",
                GDK_CURRENT_TIME);
}

static void
brief_application_preferences_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  BriefApplication *self = user_data;
  GtkWindow *parent;

  g_assert (BRIEF_IS_APPLICATION (self));

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (brief_preferences_window_new (parent)));
}

static const GActionEntry app_entries[] = {
  { "quit", brief_application_quit_action },
  { "about", brief_application_about_action },
  { "help", brief_application_help_action },
  { "preferences", brief_application_preferences_action },
};

static void
brief_application_startup (GApplication *application)
{
  BriefApplication *self = BRIEF_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  g_autoptr(GtkCssProvider) provider = NULL;

  G_APPLICATION_CLASS (brief_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_entries,
                                   G_N_ELEMENTS (app_entries),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);

  /* GTK 4.8 loads gtk/help-overlay.ui from the resource base path by itself,
   * but not style.css. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  gtk_window_set_default_icon_name (APP_ID);
  brief_preferences_apply_style ();
}

static int
brief_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("briefing %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  return -1;
}

static void
brief_application_class_init (BriefApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = brief_application_handle_local_options;
  app_class->activate = brief_application_activate;
  app_class->open = brief_application_open;
  app_class->startup = brief_application_startup;
}

static void
brief_application_init (BriefApplication *self)
{
  const char *localedir = g_getenv ("BRIEF_LOCALEDIR");

  /* Tests run the uninstalled program with the translations of the build
   * directory (tests/e2e/test-locale.py); installed, LOCALEDIR is right. */
  if (localedir != NULL && *localedir != '\0')
    bindtextdomain (GETTEXT_PACKAGE, localedir);

  g_application_add_main_option (G_APPLICATION (self), "version", 'v',
                                 G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 _("Show the version and exit"), NULL);
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
