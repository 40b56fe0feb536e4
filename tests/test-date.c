/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "brief-date.h"

typedef struct
{
  const char         *value;
  BriefDatePrecision  precision;
  const char         *earliest;
  const char         *latest;
  const char         *label;
} DateCase;

static const DateCase date_cases[] = {
  { "2019-04", BRIEF_DATE_PRECISION_MONTH, "2019-04-01", "2019-04-30", "April 2019" },
  { "2020-02", BRIEF_DATE_PRECISION_MONTH, "2020-02-01", "2020-02-29", "February 2020" },
  { "2023-09-05", BRIEF_DATE_PRECISION_DAY, "2023-09-05", "2023-09-05", "5 September 2023" },
  { "2019-04-25T14:30", BRIEF_DATE_PRECISION_DAY, "2019-04-25", "2019-04-25", "25 April 2019" },
  { "1991", BRIEF_DATE_PRECISION_YEAR, "1991-01-01", "1991-12-31", "1991" },
  { "2019-Q2", BRIEF_DATE_PRECISION_QUARTER, "2019-04-01", "2019-06-30", "Q2 2019" },
  { "199", BRIEF_DATE_PRECISION_DECADE, "1990-01-01", "1999-12-31", "the 1990s" },
  { "19", BRIEF_DATE_PRECISION_CENTURY, "1900-01-01", "1999-12-31", "the 1900s" },
};

static char *
iso (const GDate *day)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (day),
                          g_date_get_month (day), g_date_get_day (day));
}

static void
test_parse_values (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      const DateCase *c = &date_cases[i];
      BriefDate date;
      GDate earliest, latest;
      g_autofree char *earliest_iso = NULL;
      g_autofree char *latest_iso = NULL;
      g_autofree char *label = NULL;

      g_test_message ("value %s", c->value);
      g_assert_true (brief_date_parse_value (c->value, &date));
      g_assert_cmpint (date.precision, ==, c->precision);

      brief_date_get_earliest (&date, &earliest);
      brief_date_get_latest (&date, &latest);
      earliest_iso = iso (&earliest);
      latest_iso = iso (&latest);
      label = brief_date_format (&date);
      g_assert_cmpstr (earliest_iso, ==, c->earliest);
      g_assert_cmpstr (latest_iso, ==, c->latest);
      g_assert_cmpstr (label, ==, c->label);
    }
}

static void
test_round_trip (void)
{
  static const char * const values[] = { "19", "199", "1991", "2019-Q2", "2019-04", "2023-09-05" };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      BriefDate date;
      g_autofree char *value = NULL;

      g_assert_true (brief_date_parse_value (values[i], &date));
      value = brief_date_to_value (&date);
      g_assert_cmpstr (value, ==, values[i]);
    }
}

static void
test_reject_values (void)
{
  static const char * const values[] = {
    NULL, "", "P2M", "PAST_REF", "XXXX-07", "2019-13", "2019-02-30", "2019-Q5",
    "20190405", "2019-04-", "0000", "abcd", "2019-04-05x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      BriefDate date;

      g_test_message ("value %s", values[i]);
      g_assert_false (brief_date_parse_value (values[i], &date));
    }
}

static void
test_compare (void)
{
  BriefDate year, month, day, later;

  g_assert_true (brief_date_parse_value ("2019", &year));
  g_assert_true (brief_date_parse_value ("2019-01", &month));
  g_assert_true (brief_date_parse_value ("2019-01-01", &day));
  g_assert_true (brief_date_parse_value ("2019-04", &later));

  /* Same first day: the wider date first. */
  g_assert_cmpint (brief_date_compare (&year, &month), <, 0);
  g_assert_cmpint (brief_date_compare (&month, &day), <, 0);
  g_assert_cmpint (brief_date_compare (&later, &year), >, 0);
  g_assert_cmpint (brief_date_compare (&later, &later), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  /* Month names come from the locale; the expected labels are English. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/date/parse", test_parse_values);
  g_test_add_func ("/date/round-trip", test_round_trip);
  g_test_add_func ("/date/reject", test_reject_values);
  g_test_add_func ("/date/compare", test_compare);

  return g_test_run ();
}
