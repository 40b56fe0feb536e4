/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-import-date"

#include "config.h"

#include <string.h>

#include "brief-import-private.h"

/* A dateline sits at the start of an article. */
#define DATELINE_SCAN_BYTES 400

static const char * const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december", NULL
};

static char *
format_date (guint year,
             guint month,
             guint day)
{
  if (year < 1000 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* Reads exactly @n_digits digits at @p; -1 when they are not there. */
static int
read_digits (const char *p,
             guint       n_digits)
{
  int value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return -1;
      value = value * 10 + (p[i] - '0');
    }
  return value;
}

/* "2023-09-05", "2023-09-05T10:00:00Z", "2023/09/05", "20230905". */
static char *
parse_numeric (const char *p)
{
  int year = read_digits (p, 4);
  int month, day;

  if (year < 0)
    return NULL;
  /* Each read stops at the first character that is not a digit, the
   * terminating NUL included, so nothing past it is looked at. */
  if ((p[4] == '-' || p[4] == '/' || p[4] == '.')
      && (month = read_digits (p + 5, 2)) >= 0 && p[7] == p[4])
    {
      day = read_digits (p + 8, 2);
      if (day < 0 || g_ascii_isdigit (p[10]))
        return NULL;
    }
  else
    {
      if ((month = read_digits (p + 4, 2)) < 0 || (day = read_digits (p + 6, 2)) < 0
          || g_ascii_isdigit (p[8]))
        return NULL;
    }
  return format_date (year, month, day);
}

/* The month a word at @p names ("Sep", "Sept.", "September"), 0 if none;
 * @out_length gets the word's length. */
static guint
read_month (const char *p,
            gsize      *out_length)
{
  gsize length = 0;

  while (g_ascii_isalpha (p[length]))
    length++;
  *out_length = length;
  if (length < 3)
    return 0;
  for (guint i = 0; month_names[i] != NULL; i++)
    {
      gsize full = strlen (month_names[i]);
      if (g_ascii_strncasecmp (p, month_names[i], length) == 0
          && (length == full || length == 3 || (length == 4 && i == 8)))
        return i + 1;
    }
  return 0;
}

static const char *
skip_separators (const char *p)
{
  while (*p == ' ' || *p == '.' || *p == ',' || *p == '\t' || *p == '\n')
    p++;
  return p;
}

static int
read_day (const char **p)
{
  int day = 0;
  guint n = 0;

  while (g_ascii_isdigit (**p) && n < 3)
    {
      day = day * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  if (n == 0 || n > 2)
    return -1;
  /* 1st, 2nd, 3rd, 4th */
  if (g_ascii_isalpha ((*p)[0]) && g_ascii_isalpha ((*p)[1]) && !g_ascii_isalpha ((*p)[2]))
    *p += 2;
  return day;
}

static int
read_year (const char *p)
{
  int year = read_digits (p, 4);

  if (year < 0 || g_ascii_isdigit (p[4]))
    return -1;
  return year;
}

/* "September 5, 2023", "Sep. 5 2023". */
static char *
parse_month_first (const char *p)
{
  gsize length;
  guint month = read_month (p, &length);
  int day, year;

  if (month == 0)
    return NULL;
  p = skip_separators (p + length);
  day = read_day (&p);
  if (day < 0)
    return NULL;
  year = read_year (skip_separators (p));
  return year < 0 ? NULL : format_date (year, month, day);
}

/* "5 September 2023", "Tue, 05 Sep 2023 10:00:00 GMT". */
static char *
parse_day_first (const char *p)
{
  gsize length;
  guint month;
  int day, year;

  day = read_day (&p);
  if (day < 0)
    return NULL;
  p = skip_separators (p);
  if (g_ascii_strncasecmp (p, "of ", 3) == 0)
    p += 3;
  month = read_month (p, &length);
  if (month == 0)
    return NULL;
  year = read_year (skip_separators (p + length));
  return year < 0 ? NULL : format_date (year, month, day);
}

static const char *
skip_weekday (const char *p)
{
  static const char * const days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL };
  gsize length = 0;

  while (g_ascii_isalpha (p[length]))
    length++;
  for (guint i = 0; days[i] != NULL; i++)
    if (length >= 3 && g_ascii_strncasecmp (p, days[i], 3) == 0)
      return skip_separators (p + length);
  return p;
}

char *
_brief_date_parse (const char *text)
{
  const char *p;
  char *date;

  if (text == NULL)
    return NULL;
  p = skip_weekday (skip_separators (text));

  if ((date = parse_numeric (p)) != NULL)
    return date;
  if ((date = parse_month_first (p)) != NULL)
    return date;
  return parse_day_first (p);
}

char *
_brief_date_from_url (const char *url)
{
  const char *path;

  if (url == NULL)
    return NULL;
  path = strstr (url, "://");
  path = path != NULL ? strchr (path + 3, '/') : url;
  if (path == NULL)
    return NULL;

  for (const char *p = path; *p != '\0'; p++)
    {
      char *date;

      if (*p != '/' && *p != '-' && *p != '_')
        continue;
      if (read_digits (p + 1, 4) < 0 || g_ascii_isdigit (p[5]))
        continue;
      /* /2023/09/05/ or /2023-09-05 */
      if ((p[5] == '/' || p[5] == '-') && (date = parse_numeric (p + 1)) != NULL)
        return date;
    }
  return NULL;
}

static gboolean
word_start (const char *text,
            const char *p)
{
  return p == text || !g_ascii_isalnum (p[-1]);
}

char *
_brief_date_from_dateline (const char *text)
{
  gsize limit;

  if (text == NULL)
    return NULL;
  limit = MIN (strlen (text), DATELINE_SCAN_BYTES);

  for (const char *p = text; p < text + limit; p++)
    {
      char *date = NULL;

      if (!word_start (text, p))
        continue;
      if (g_ascii_isalpha (*p))
        date = parse_month_first (p);
      else if (g_ascii_isdigit (*p))
        {
          date = parse_day_first (p);
          if (date == NULL && read_digits (p, 4) >= 0 && p[4] == '-')
            date = parse_numeric (p);
        }
      if (date != NULL)
        return date;
    }
  return NULL;
}
