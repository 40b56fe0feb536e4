/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-word-list"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "brief-analysis-data.h"
#include "brief-word-list-private.h"

#define ANALYSIS_RESOURCE_PATH "/io/github/briefingdesk/Briefing/analysis/en/"

/* The resource is compiled with --manual-register: its GResource exists only
 * once registered.  Registering also makes it visible to g_resources_*(). */
static GResource *
analysis_resource (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      brief_analysis_data_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  return brief_analysis_data_get_resource ();
}

GPtrArray *
_brief_word_list_load (const char *name)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *data;
  const char *end;
  gsize size;

  g_return_val_if_fail (name != NULL, NULL);

  /* Looking the data up through the generated getter keeps the resource in
   * the static library. */
  path = g_strconcat (ANALYSIS_RESOURCE_PATH, name, NULL);
  bytes = g_resource_lookup_data (analysis_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_critical ("Cannot read analysis data %s: %s", path, error->message);
      return g_steal_pointer (&lines);
    }

  data = g_bytes_get_data (bytes, &size);
  end = data + size;

  while (data < end)
    {
      const char *eol = memchr (data, '\n', end - data);
      g_autofree char *line = NULL;
      g_auto(GStrv) fields = NULL;
      char *hash;

      if (eol == NULL)
        eol = end;

      line = g_strndup (data, eol - data);
      data = eol + 1;

      hash = strchr (line, '#');
      if (hash != NULL)
        *hash = '\0';
      g_strdelimit (line, "\t\r", ' ');
      g_strstrip (line);
      if (*line == '\0')
        continue;

      fields = g_strsplit (line, " ", -1);
      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

        for (guint i = 0; fields[i] != NULL; i++)
          if (fields[i][0] != '\0')
            g_strv_builder_add (builder, fields[i]);

        g_ptr_array_add (lines, g_strv_builder_end (builder));
      }
    }

  return g_steal_pointer (&lines);
}

GHashTable *
_brief_word_list_load_set (const char *name)
{
  g_autoptr(GPtrArray) lines = _brief_word_list_load (name);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < lines->len; i++)
    {
      GStrv fields = g_ptr_array_index (lines, i);

      g_hash_table_replace (set,
                            _brief_word_fold (fields[0], -1),
                            g_strdup (fields[1] != NULL ? fields[1] : ""));
    }

  return set;
}

char *
_brief_word_fold (const char *word,
                  gssize      len)
{
  return g_utf8_strdown (word, len);
}
