/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "brief-date-prompt.h"

/* What a person may type when asked for a publication date; no display. */
static void
test_parse (void)
{
  static const struct {
    const char *text;
    const char *expected;  /* NULL: refused */
  } cases[] = {
    { "2023-09-05", "2023-09-05" },
    { "  2023-09-05 ", "2023-09-05" },
    { "2024-02-29", "2024-02-29" },
    { "2023-02-29", NULL },        /* not a real day */
    { "2023-13-01", NULL },
    { "2023-9-5", NULL },          /* ISO dates are written in full */
    { "2023-09", NULL },           /* a month is not a publication date */
    { "5 September 2023", "2023-09-05" },
    { "September 5, 2023", "2023-09-05" },
    { "5 September", NULL },       /* no year: GLib would guess this one */
    { "yesterday", NULL },
    { "", NULL },
    { "   ", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *published = brief_date_prompt_parse (cases[i].text);

      g_test_message ("%s", cases[i].text ? cases[i].text : "(null)");
      g_assert_cmpstr (published, ==, cases[i].expected);
    }
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/date-prompt/parse", test_parse);

  return g_test_run ();
}
