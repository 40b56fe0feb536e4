/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-date"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "brief-date.h"

G_DEFINE_BOXED_TYPE (BriefDate, brief_date, brief_date_copy, brief_date_free)

BriefDate *
brief_date_copy (const BriefDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  return g_memdup2 (date, sizeof *date);
}

void
brief_date_free (BriefDate *date)
{
  g_free (date);
}

/* Reads exactly @n_digits digits at *@p, advancing it. */
static gboolean
read_digits (const char **p,
             guint        n_digits,
             int         *out_value)
{
  int value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + ((*p)[i] - '0');
    }

  *p += n_digits;
  *out_value = value;
  return TRUE;
}

static gboolean
at_value_end (const char *p)
{
  /* A time of day ("T14:30") narrows a day further; the day is what we keep. */
  return *p == '\0' || *p == 'T';
}

gboolean
brief_date_parse_value (const char *value,
                        BriefDate  *out_date)
{
  BriefDate date = { 0 };
  const char *p = value;
  int number;

  g_return_val_if_fail (out_date != NULL, FALSE);

  if (value == NULL)
    return FALSE;

  if (read_digits (&p, 2, &number) && *p == '\0')
    {
      date.precision = BRIEF_DATE_PRECISION_CENTURY;
      date.year = number * 100;
      *out_date = date;
      return TRUE;
    }

  p = value;
  if (read_digits (&p, 3, &number) && *p == '\0')
    {
      date.precision = BRIEF_DATE_PRECISION_DECADE;
      date.year = number * 10;
      *out_date = date;
      return TRUE;
    }

  p = value;
  if (!read_digits (&p, 4, &date.year) || date.year < 1)
    return FALSE;
  date.precision = BRIEF_DATE_PRECISION_YEAR;
  if (*p == '\0')
    {
      *out_date = date;
      return TRUE;
    }

  if (*p++ != '-')
    return FALSE;

  if (*p == 'Q')
    {
      p++;
      if (!read_digits (&p, 1, &date.quarter) || date.quarter < 1 || date.quarter > 4 || *p != '\0')
        return FALSE;
      date.precision = BRIEF_DATE_PRECISION_QUARTER;
      *out_date = date;
      return TRUE;
    }

  if (!read_digits (&p, 2, &date.month) || date.month < 1 || date.month > 12)
    return FALSE;
  date.precision = BRIEF_DATE_PRECISION_MONTH;
  if (*p == '\0')
    {
      *out_date = date;
      return TRUE;
    }

  if (*p++ != '-' || !read_digits (&p, 2, &date.day) || !at_value_end (p))
    return FALSE;
  if (!g_date_valid_dmy (date.day, date.month, date.year))
    return FALSE;
  date.precision = BRIEF_DATE_PRECISION_DAY;
  *out_date = date;
  return TRUE;
}

char *
brief_date_to_value (const BriefDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  switch (date->precision)
    {
    case BRIEF_DATE_PRECISION_CENTURY:
      return g_strdup_printf ("%02d", date->year / 100);
    case BRIEF_DATE_PRECISION_DECADE:
      return g_strdup_printf ("%03d", date->year / 10);
    case BRIEF_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%04d", date->year);
    case BRIEF_DATE_PRECISION_QUARTER:
      return g_strdup_printf ("%04d-Q%d", date->year, date->quarter);
    case BRIEF_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04d-%02d", date->year, date->month);
    case BRIEF_DATE_PRECISION_DAY:
      return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);
    default:
      g_return_val_if_reached (NULL);
    }
}

static int
first_month (const BriefDate *date)
{
  switch (date->precision)
    {
    case BRIEF_DATE_PRECISION_QUARTER:
      return (date->quarter - 1) * 3 + 1;
    case BRIEF_DATE_PRECISION_MONTH:
    case BRIEF_DATE_PRECISION_DAY:
      return date->month;
    default:
      return 1;
    }
}

static int
last_month (const BriefDate *date)
{
  switch (date->precision)
    {
    case BRIEF_DATE_PRECISION_QUARTER:
      return date->quarter * 3;
    case BRIEF_DATE_PRECISION_MONTH:
    case BRIEF_DATE_PRECISION_DAY:
      return date->month;
    default:
      return 12;
    }
}

static int
last_year (const BriefDate *date)
{
  switch (date->precision)
    {
    case BRIEF_DATE_PRECISION_CENTURY:
      return date->year + 99;
    case BRIEF_DATE_PRECISION_DECADE:
      return date->year + 9;
    default:
      return date->year;
    }
}

void
brief_date_get_earliest (const BriefDate *date,
                         GDate           *out_day)
{
  g_return_if_fail (date != NULL);
  g_return_if_fail (out_day != NULL);

  g_date_clear (out_day, 1);
  g_date_set_dmy (out_day,
                  date->precision == BRIEF_DATE_PRECISION_DAY ? date->day : 1,
                  first_month (date), MAX (date->year, 1));
}

void
brief_date_get_latest (const BriefDate *date,
                       GDate           *out_day)
{
  int year = MAX (last_year (date), 1);
  int month = last_month (date);

  g_return_if_fail (date != NULL);
  g_return_if_fail (out_day != NULL);

  g_date_clear (out_day, 1);
  g_date_set_dmy (out_day,
                  date->precision == BRIEF_DATE_PRECISION_DAY
                    ? date->day : g_date_get_days_in_month (month, year),
                  month, year);
}

static char *
format_month (int month,
              int year,
              int day)
{
  g_autoptr(GDateTime) datetime = g_date_time_new_local (year, month, MAX (day, 1), 12, 0, 0);

  if (datetime == NULL)
    return g_strdup_printf ("%04d-%02d", year, month);
  /* Translators: a date as precise as a day, see strftime(3) */
  if (day > 0)
    return g_date_time_format (datetime, _("%-d %B %Y"));
  /* Translators: a month of a year, see strftime(3); %OB is the standalone month name */
  return g_date_time_format (datetime, _("%OB %Y"));
}

char *
brief_date_format (const BriefDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  switch (date->precision)
    {
    case BRIEF_DATE_PRECISION_CENTURY:
      /* Translators: a century, e.g. "the 1900s" */
      return g_strdup_printf (_("the %d00s"), date->year / 100);
    case BRIEF_DATE_PRECISION_DECADE:
      /* Translators: a decade, e.g. "the 1990s" */
      return g_strdup_printf (_("the %ds"), date->year);
    case BRIEF_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%d", date->year);
    case BRIEF_DATE_PRECISION_QUARTER:
      /* Translators: a quarter of a year, e.g. "Q2 2019" */
      return g_strdup_printf (_("Q%d %d"), date->quarter, date->year);
    case BRIEF_DATE_PRECISION_MONTH:
      return format_month (date->month, date->year, 0);
    case BRIEF_DATE_PRECISION_DAY:
      return format_month (date->month, date->year, date->day);
    default:
      g_return_val_if_reached (NULL);
    }
}

int
brief_date_compare (const BriefDate *a,
                    const BriefDate *b)
{
  GDate day_a, day_b;
  int order;

  brief_date_get_earliest (a, &day_a);
  brief_date_get_earliest (b, &day_b);
  order = g_date_compare (&day_a, &day_b);
  if (order != 0)
    return order;

  /* On the same first day, the wider date comes first: 2019 before April 2019. */
  return (int) a->precision - (int) b->precision;
}
