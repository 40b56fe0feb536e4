/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-date-input"
#include "config.h"

#include "brief-date-input.h"

static BriefDateTagger *tagger;

typedef struct
{
  const char           *text;
  BriefDateInputResult  result;
  const char           *value;   /* TimeML value of the date read */
} Case;

static const Case cases[] = {
  { "July 2023", BRIEF_DATE_INPUT_OK, "2023-07" },
  { "  July 2023. ", BRIEF_DATE_INPUT_OK, "2023-07" },
  { "2019-04", BRIEF_DATE_INPUT_OK, "2019-04" },
  { "2019-Q2", BRIEF_DATE_INPUT_OK, "2019-Q2" },
  { "early 2020", BRIEF_DATE_INPUT_OK, "2020" },
  { "5 September 2023", BRIEF_DATE_INPUT_OK, "2023-09-05" },
  { "September 5, 2023", BRIEF_DATE_INPUT_OK, "2023-09-05" },
  { "2023", BRIEF_DATE_INPUT_OK, "2023" },
  { "", BRIEF_DATE_INPUT_EMPTY, NULL },
  { "   ", BRIEF_DATE_INPUT_EMPTY, NULL },
  { "banana", BRIEF_DATE_INPUT_NOT_A_DATE, NULL },
  { "2019-13", BRIEF_DATE_INPUT_NOT_A_DATE, NULL },
  { "July", BRIEF_DATE_INPUT_NO_YEAR, NULL },
  /* A modifier after the date is read with it, as one before it is. */
  { "July 2023 or so", BRIEF_DATE_INPUT_OK, "2023-07" },
  { "July 2023 at the latest", BRIEF_DATE_INPUT_TRAILING, NULL },
  { "three weeks", BRIEF_DATE_INPUT_NOT_A_DATE, NULL },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BriefDate date = { 0 };
      BriefDateInputResult result = brief_date_input_parse (tagger, cases[i].text, NULL, &date);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (result, ==, cases[i].result);
      if (cases[i].value != NULL)
        {
          g_autofree char *value = brief_date_to_value (&date);

          g_assert_cmpstr (value, ==, cases[i].value);
        }
      g_assert_nonnull (brief_date_input_describe (result));
    }
}

static void
test_relative (void)
{
  BriefDate date = { 0 };

  /* "last July" needs the article's date, and then has a year. */
  g_assert_cmpint (brief_date_input_parse (tagger, "last July", "2023-09-05", &date), ==, BRIEF_DATE_INPUT_OK);
  g_assert_cmpint (date.year, ==, 2023);
  g_assert_cmpint (date.month, ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();
  tagger = brief_date_tagger_new ();

  g_test_add_func ("/date-input/cases", test_cases);
  g_test_add_func ("/date-input/relative", test_relative);

  status = g_test_run ();
  g_object_unref (tagger);
  return status;
}
