/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "brief-timex.h"
#include "test-timex-expectation.h"

/* What the engine found, in the cases' notation. */
char *
test_timex_describe (GPtrArray *timexes)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < timexes->len; i++)
    {
      const BriefTimex *t = g_ptr_array_index (timexes, i);

      g_string_append_printf (s, "%s%s=%s:%s", i > 0 ? " | " : "", t->text,
                              brief_timex_type_to_string (t->type), t->value);
      if (t->mod != NULL)
        g_string_append_printf (s, "@%s", t->mod);
      if (t->freq != NULL)
        g_string_append_printf (s, "#%s", t->freq);
      if (t->quant != NULL)
        g_string_append_printf (s, "/%s", t->quant);
    }

  return g_string_free (s, FALSE);
}

/* A case's expectations, up to the first NULL or @max_expect of them. */
char *
test_timex_join (const char * const *expect,
                 gsize               max_expect)
{
  GString *s = g_string_new (NULL);

  for (gsize i = 0; i < max_expect && expect[i] != NULL; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? " | " : "", expect[i]);

  return g_string_free (s, FALSE);
}
