/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef G_LOG_DOMAIN
#define G_LOG_DOMAIN "test-analysis"
#endif

#include "config.h"

#include <string.h>

#include "brief-analysis.h"
#include "test-timex-expectation.h"

/* One tagger for the whole program, as the application uses it. */
static BriefDateTagger *tagger;

#define N_EXPECT 6

typedef struct
{
  const char        *text;
  const char        *dct;
  BriefDocumentKind  kind;
  /* "text=value" or "text=value@MOD", in text order; unlisted = none */
  const char        *expect[N_EXPECT];
} TimexCase;

static char *
describe_timexes (GPtrArray *timexes)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < timexes->len; i++)
    {
      const BriefTimex *t = g_ptr_array_index (timexes, i);

      g_string_append_printf (s, "%s%s=%s", i > 0 ? " | " : "", t->text, t->value);
      if (t->mod != NULL)
        g_string_append_printf (s, "@%s", t->mod);
    }

  return g_string_free (s, FALSE);
}

static void
check_offsets (const char       *text,
               const BriefTimex *t)
{
  g_autofree char *by_chars = g_utf8_substring (text, t->start, t->end);
  g_autofree char *by_bytes = g_strndup (text + t->byte_start, t->byte_end - t->byte_start);

  g_assert_cmpstr (by_chars, ==, t->text);
  g_assert_cmpstr (by_bytes, ==, t->text);
  g_assert_cmpuint (g_utf8_pointer_to_offset (text, text + t->byte_start), ==, t->start);
  g_assert_cmpuint (g_utf8_pointer_to_offset (text, text + t->byte_end), ==, t->end);
  g_assert_cmpint (t->type, <=, BRIEF_TIMEX_SET);
}

static void
run_cases (const TimexCase *cases,
           gsize            n_cases)
{
  for (gsize c = 0; c < n_cases; c++)
    {
      const TimexCase *tc = &cases[c];
      g_autoptr(GPtrArray) timexes = brief_date_tagger_find (tagger, tc->text, tc->dct, tc->kind);
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autofree char *got = describe_timexes (timexes);

      for (guint i = 0; i < N_EXPECT && tc->expect[i] != NULL; i++)
        g_string_append_printf (expected, "%s%s", i > 0 ? " | " : "", tc->expect[i]);

      g_test_message ("“%s” (dct %s) → %s", tc->text, tc->dct ? tc->dct : "none", got);
      g_assert_cmpstr (got, ==, expected->str);

      for (guint i = 0; i < timexes->len; i++)
        check_offsets (tc->text, g_ptr_array_index (timexes, i));
    }
}

#define NEWS  BRIEF_DOCUMENT_NEWS
#define NARR  BRIEF_DOCUMENT_NARRATIVE
#define DCT   "2023-09-05"

/* ------------------------------------------------------------------------ */
/* Timexes                                                                   */

static void
test_timex_month_year (void)
{
  static const TimexCase cases[] = {
    { "They met for the first time in April 2019.", DCT, NEWS, { "April 2019=2019-04" } },
    { "North Korea closed its borders in January 2020.", DCT, NEWS, { "January 2020=2020-01" } },
    { "The border closed in Jan. 2020 and stayed shut.", DCT, NEWS, { "Jan. 2020=2020-01" } },
    { "The border closed in Sept 2021.", NULL, NEWS, { "Sept 2021=2021-09" } },
    { "By December 1991 the union was gone.", NULL, NEWS, { "December 1991=1991-12" } },
    { "Putin visited in May 2019.", DCT, NEWS, { "May 2019=2019-05" } },
    { "A march in March 2018 drew crowds.", DCT, NEWS, { "March 2018=2018-03" } },
    { "REPORT OF MAY 2019", NULL, NEWS, { "MAY 2019=2019-05" } },
    { "Talks resumed in late November 2022.", DCT, NEWS, { "late November 2022=2022-11@END" } },
    { "It was founded in mid-March 2001.", NULL, NEWS, { "mid-March 2001=2001-03@MID" } },
    { "Sales rose in early 2020.", NULL, NEWS, { "early 2020=2020@START" } },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_timex_full_dates (void)
{
  static const TimexCase cases[] = {
    { "It opened on 5 September 2023.", NULL, NEWS, { "5 September 2023=2023-09-05" } },
    { "It opened on 5th September, 2023.", NULL, NEWS, { "5th September, 2023=2023-09-05" } },
    { "It opened on September 5, 2023, in Seoul.", NULL, NEWS, { "September 5, 2023=2023-09-05" } },
    { "It opened on Sept. 5, 2023.", NULL, NEWS, { "Sept. 5, 2023=2023-09-05" } },
    { "It opened Tuesday, September 5, 2023.", NULL, NEWS,
      { "Tuesday, September 5, 2023=2023-09-05" } },
    { "Signed on July 4th, 1776 in Philadelphia.", NULL, NEWS, { "July 4th, 1776=1776-07-04" } },
    { "the 21st of June 2020", NULL, NEWS, { "21st of June 2020=2020-06-21" } },
    { "Leap day: February 29, 2024.", NULL, NEWS, { "February 29, 2024=2024-02-29" } },
    { "Not a day: February 30, 2023.", NULL, NEWS, { "a day=P1D" } },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_timex_iso (void)
{
  static const TimexCase cases[] = {
    { "Published 2023-09-05 in Seoul.", NULL, NEWS, { "2023-09-05=2023-09-05" } },
    { "Updated 2023-09-05T10:30:00Z.", NULL, NEWS, { "2023-09-05=2023-09-05" } },
    { "(2019-04-25)", NULL, NEWS, { "2019-04-25=2019-04-25" } },
    { "Code 2023-13-45 is no date.", NULL, NEWS, { NULL } },
    { "Ticket 12023-09-05-7 is no date.", NULL, NEWS, { NULL } },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_timex_bare_year (void)
{
  static const TimexCase cases[] = {
    { "The Soviet Union collapsed in 1991.", NULL, NEWS, { "1991=1991" } },
    { "Prices have risen since 2010.", NULL, NEWS, { "2010=2010" } },
    { "Emissions must fall by 2030.", NULL, NEWS, { "2030=2030" } },
    { "since the 1991 disintegration of the Soviet Union", NULL, NEWS, { "1991=1991" } },
    { "The 2020 election was close.", NULL, NEWS, { "2020=2020" } },
    { "Titanic (1997) won many awards.", NULL, NEWS, { "1997=1997" } },
    { "It grew between 1991 and 1995.", NULL, NEWS, { "1991=1991", "1995=1995" } },
    { "It ran from 2001 to 2003.", NULL, NEWS, { "2001=2001", "2003=2003" } },
    { "The war lasted from 1950-1953.", NULL, NEWS, { "1950=1950", "1953=1953" } },
    { "In 1991–95 the economy shrank.", NULL, NEWS, { "1991=1991", "95=1995" } },
    { "Music of the 1980s.", NULL, NEWS, { "1980s=198" } },
    /* TimeBank keeps the article of "the late 1990s" in the span. */
    { "In the late 1990s it boomed.", NULL, NEWS, { "the late 1990s=199@END" } },
    { "During 1944, the city was bombed.", NULL, NEWS, { "1944=1944" } },
    { "He lost his 1996 campaign.", NULL, NEWS, { "1996=1996" } },
    { "The company’s 1989 results were weak.", NULL, NEWS, { "1989=1989" } },
    { "Earnings for 1990 will rise.", NULL, NEWS, { "1990=1990" } },
    { "Bonds due 1993 fell.", NULL, NEWS, { "1993=1993" } },
    { "It happened in 1994, 1995 and 1997.", NULL, NEWS,
      { "1994=1994", "1995=1995", "1997=1997" } },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_timex_relative_month (void)
{
  static const TimexCase cases[] = {
    { "Shoigu traveled to Pyongyang in July.", DCT, NEWS, { "July=2023-07" } },
    { "Shoigu traveled to Pyongyang in July.", NULL, NEWS, { "July=XXXX-07" } },
    { "The talks began in September.", DCT, NEWS, { "September=2023-09" } },
    { "The talks began in October.", DCT, NEWS, { "October=2022-10" } },
    { "The talks will resume in October.", DCT, NEWS, { "October=2023-10" } },
    { "Kim will travel to Russia in July.", DCT, NEWS, { "July=2024-07" } },
    { "They’ll meet in December.", DCT, NEWS, { "December=2023-12" } },
    { "Elections are due next May.", DCT, NEWS, { "next May=2024-05" } },
    { "It happened last May.", DCT, NEWS, { "last May=2023-05" } },
    { "He arrived in early July.", DCT, NEWS, { "early July=2023-07@START" } },
    { "He arrived in mid-July.", DCT, NEWS, { "mid-July=2023-07@MID" } },
    { "The deal was signed July 27.", DCT, NEWS, { "July 27=2023-07-27" } },
    { "The deal was signed July 27.", NULL, NEWS, { "July 27=XXXX-07-27" } },
    { "The deal was signed on 27 July.", DCT, NEWS, { "27 July=2023-07-27" } },
    { "The deal was signed Dec. 20.", DCT, NEWS, { "Dec. 20=2022-12-20" } },
    { "The summit will open on Sept. 12.", DCT, NEWS, { "Sept. 12=2023-09-12" } },
    { "It opened on September 4.", DCT, NEWS, { "September 4=2023-09-04" } },
    /* The second day of the range has the month of the first. */
    { "Talks were held April 25-26.", DCT, NEWS, { "April 25=2023-04-25", "26=2023-04-26" } },
    { "July was hot.", DCT, NEWS, { "July=2023-07" } },
    { "The election is this September.", "2023-02-05", NEWS, { "this September=2023-09" } },
    { "The vote is scheduled for October.", DCT, NEWS, { "October=2023-10" } },
    { "Payment is due by Jan. 14.", "2023-01-06", NEWS, { "Jan. 14=2023-01-14" } },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_timex_weekday (void)
{
  static const TimexCase cases[] = {
    /* 2023-09-05 is a Tuesday. */
    { "The envoy arrived on Monday.", DCT, NEWS, { "Monday=2023-09-04" } },
    { "The envoy arrived on Tuesday.", DCT, NEWS, { "Tuesday=2023-09-05" } },
    { "The envoy will arrive on Friday.", DCT, NEWS, { "Friday=2023-09-08" } },
    { "The envoy arrived on Friday.", DCT, NEWS, { "Friday=2023-09-01" } },
    { "The envoy arrived on Monday.", NULL, NEWS, { "Monday=XXXX-WXX-1" } },
    { "Monday was quiet.", DCT, NEWS, { NULL } },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_timex_narrative (void)
{
  static const TimexCase cases[] = {
    { "In 1991 the union fell. In August, tanks rolled in.", NULL, NARR,
      { "1991=1991", "August=1991-08" } },
    { "In 1991 the union fell. In August, tanks rolled in.", DCT, NARR,
      { "1991=1991", "August=1991-08" } },
    { "In August, tanks rolled in.", DCT, NARR, { "August=2023-08" } },
    { "The war began on June 22, 1941. By December 5 the advance stalled.", NULL, NARR,
      { "June 22, 1941=1941-06-22", "December 5=1941-12-05" } },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_timex_negative (void)
{
  static const TimexCase cases[] = {
    { "North Korean leader Kim Jong Un may travel to Russia.", DCT, NEWS, { NULL } },
    { "Kim Jong Un and Putin may meet.", DCT, NEWS, { NULL } },
    { "Kim Jong Un And Putin May Meet", DCT, NEWS, { NULL } },
    { "May I ask a question?", DCT, NEWS, { NULL } },
    { "Thousands joined a march to the capital.", DCT, NEWS, { NULL } },
    { "They March On Washington", DCT, NEWS, { NULL } },
    { "April Ryan asked a question.", DCT, NEWS, { NULL } },
    { "June Carter sang.", DCT, NEWS, { NULL } },
    { "Jan Smith said so.", DCT, NEWS, { NULL } },
    { "The ticket cost $2019.", DCT, NEWS, { NULL } },
    { "It cost €1991 in total.", DCT, NEWS, { NULL } },
    { "In all 2,019 people came.", DCT, NEWS, { NULL } },
    { "In 1991 votes were cast.", DCT, NEWS, { NULL } },
    { "A total of 1991 votes were cast.", DCT, NEWS, { NULL } },
    { "He won 2019 points.", DCT, NEWS, { NULL } },
    { "Call 555-2019 or 202-555-1991.", DCT, NEWS, { NULL } },
    { "Call +1 (202) 555-2019 today.", DCT, NEWS, { "today=2023-09-05" } },
    { "It rose 1991% in a year.", DCT, NEWS, { "a year=P1Y" } },
    { "He wrote for the 1991 Sunday Times.", DCT, NEWS, { NULL } },
    { "The 1500 troops left.", DCT, NEWS, { NULL } },
    { "Room 2019 is upstairs.", DCT, NEWS, { NULL } },
    { "1991 was a hard year.", DCT, NEWS, { NULL } },
    { "He read the Sunday Times.", DCT, NEWS, { NULL } },
    { "She wrote for the Sunday Times on Sunday.", DCT, NEWS, { "Sunday=2023-09-03" } },
    { "It weighs 3.2019 grams.", DCT, NEWS, { NULL } },
    { "Support for May grew in parliament.", DCT, NEWS, { NULL } },
    { "Shares of Sun rose; Sat. Nav. sales fell.", DCT, NEWS, { NULL } },
    { "The deal was backed by Sun Microsystems.", DCT, NEWS, { NULL } },
    { "A 2000 page report came out.", DCT, NEWS, { NULL } },
    { "His 1500 strong army marched.", DCT, NEWS, { NULL } },
    { "Flight 1991 landed at 20:19.", DCT, NEWS, { NULL } },
    { "The X2019 model sold well in 2020.", DCT, NEWS, { "2020=2020" } },
    { "In 2019b of the manual.", DCT, NEWS, { NULL } },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_timex_offsets (void)
{
  static const TimexCase cases[] = {
    { "“Kim’s visit” — in April 2019 — was brief.", NULL, NEWS, { "April 2019=2019-04" } },
    { "Ελλάδα: ο Κιμ ήρθε τον July 2019… «ναι» in 1991.", NULL, NEWS,
      { "July 2019=2019-07", "1991=1991" } },
    { "😀😀 since 2010 😀 in 𝕏 May 2011", NULL, NEWS, { "2010=2010", "May 2011=2011-05" } },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_timex_invalid (void)
{
  g_autoptr(GPtrArray) empty = brief_date_tagger_find (tagger, "", DCT, NEWS);
  g_autoptr(GPtrArray) bad_dct = brief_date_tagger_find (tagger, "in July", "yesterday", NEWS);
  GPtrArray *invalid;

  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (bad_dct->len, ==, 1);
  g_assert_cmpstr (((BriefTimex *) bad_dct->pdata[0])->value, ==, "XXXX-07");

  g_test_expect_message ("brief-date-tagger", G_LOG_LEVEL_WARNING, "*not valid UTF-8*");
  invalid = brief_date_tagger_find (tagger, "in April 2019 \xff\xfe", DCT, NEWS);
  g_test_assert_expected_messages ();
  g_assert_nonnull (invalid);
  g_assert_cmpuint (invalid->len, ==, 0);
  g_ptr_array_unref (invalid);
}

static void
test_timex_copy (void)
{
  g_autoptr(GPtrArray) timexes = brief_date_tagger_find (tagger, "in early July", NULL, NEWS);
  g_autoptr(BriefTimex) copy = NULL;
  const BriefTimex *t;

  g_assert_cmpuint (timexes->len, ==, 1);
  t = g_ptr_array_index (timexes, 0);
  copy = brief_timex_copy (t);
  g_assert_cmpstr (copy->text, ==, t->text);
  g_assert_cmpstr (copy->value, ==, "XXXX-07");
  g_assert_cmpstr (copy->mod, ==, "START");
  g_assert_true (copy->text != t->text);
  g_assert_cmpuint (copy->start, ==, t->start);
  g_assert_true (brief_timex_is_underspecified (copy));
  g_assert_false (brief_timex_is_calendar (copy));
  g_assert_cmpstr (brief_timex_type_to_string (BRIEF_TIMEX_DATE), ==, "DATE");
  g_assert_cmpstr (brief_timex_type_to_string (BRIEF_TIMEX_DURATION), ==, "DURATION");
}

#define THREAD_TEXT \
  "North Korea closed its borders in January 2020. They met in April 2019. " \
  "Shoigu visited in July. Kim may travel. The union fell in 1991. "

static gpointer
tag_in_thread (gpointer data)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GPtrArray) timexes = brief_date_tagger_find (tagger, THREAD_TEXT, DCT, NEWS);
      g_autofree char *got = describe_timexes (timexes);

      if (i == 0)
        g_string_assign (out, got);
      else if (strcmp (out->str, got) != 0)
        g_string_assign (out, "MISMATCH");
    }

  return g_string_free (out, FALSE);
}

static void
test_timex_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("tagger", tag_in_thread, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autofree char *got = g_thread_join (threads[i]);

      g_assert_cmpstr (got, ==,
                       "January 2020=2020-01 | April 2019=2019-04 | July=2023-07 | 1991=1991");
    }
}

/* ------------------------------------------------------------------------ */
/* Sentences                                                                 */

typedef struct
{
  const char *text;
  const char *expect[6];
} SplitCase;

static void
test_sentences (void)
{
  static const SplitCase cases[] = {
    { "Dr. Kim met Gen. Smith. They talked.", { "Dr. Kim met Gen. Smith.", "They talked." } },
    { "Barrier plan approved\nPublished: 2024-03-18",
      { "Barrier plan approved", "Published: 2024-03-18" } },
    { "He was promoted to Gen. The ceremony was short.",
      { "He was promoted to Gen.", "The ceremony was short." } },
    { "The value of the\nIndonesian stock market fell by a great deal in the last twenty\nfour hours.",
      { "The value of the\nIndonesian stock market fell by a great deal in the last twenty\nfour hours." } },
    { "Mr. and Mrs. Lee came. Lt. Col. Park did not.",
      { "Mr. and Mrs. Lee came.", "Lt. Col. Park did not." } },
    { "He moved to the U.S. in 2010. Then he left.",
      { "He moved to the U.S. in 2010.", "Then he left." } },
    { "It closed in January 2020.They met in April.",
      { "It closed in January 2020.", "They met in April." } },
    { "Trump collapsed.Russian troops moved.", { "Trump collapsed.", "Russian troops moved." } },
    { "confrontations with the U.S.U.S. officials also said so.",
      { "confrontations with the U.S.", "U.S. officials also said so." } },
    { "The South Korea-U.S.-Japan cooperation grew.", { "The South Korea-U.S.-Japan cooperation grew." } },
    { "Then-U.S. President Donald Trump left.", { "Then-U.S. President Donald Trump left." } },
    { "A violation of U.N. resolutions. Russia objected.",
      { "A violation of U.N. resolutions.", "Russia objected." } },
    { "Rivals like the U.S. and South Korea worry.", { "Rivals like the U.S. and South Korea worry." } },
    { "It angered the U.S. The talks failed.", { "It angered the U.S.", "The talks failed." } },
    { "The U.S.S.R. fell. It was 1991.", { "The U.S.S.R. fell.", "It was 1991." } },
    { "George W. Bush spoke. It rained.", { "George W. Bush spoke.", "It rained." } },
    { "J. R. R. Tolkien wrote it.", { "J. R. R. Tolkien wrote it." } },
    { "It cost 3.5 million. Prices rose.", { "It cost 3.5 million.", "Prices rose." } },
    { "It closed in Jan. 2020 and reopened.", { "It closed in Jan. 2020 and reopened." } },
    { "He works at Acme Inc. The company grew.", { "He works at Acme Inc.", "The company grew." } },
    { "Acme Inc. said no.", { "Acme Inc. said no." } },
    { "Visit example.com today.", { "Visit example.com today." } },
    { "Really? Yes! Fine...", { "Really?", "Yes!", "Fine..." } },
    { "“Why?” she asked. He left.", { "“Why?” she asked.", "He left." } },
    { "He was born in 1984. ``I think so,'' she said.",
      { "He was born in 1984.", "``I think so,'' she said." } },
    { "He said: “We won.” Then he left.", { "He said: “We won.”", "Then he left." } },
    { "Soviet-era munitions.”Russia is in need.” said Kim.",
      { "Soviet-era munitions.", "”Russia is in need.” said Kim." } },
    { "spy agency. “Their needs are matched now.”Pandemic-era closures hurt.",
      { "spy agency.", "“Their needs are matched now.”", "Pandemic-era closures hurt." } },
    { "Title line\n\nBody starts here. Second one.",
      { "Title line", "Body starts here.", "Second one." } },
    { "  Leading and trailing blanks.  \n", { "Leading and trailing blanks." } },
    { "No terminator at the end", { "No terminator at the end" } },
    { "", { NULL } },
    { " \n\n \t", { NULL } },
  };

  for (gsize c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const SplitCase *sc = &cases[c];
      g_autoptr(GArray) spans = brief_split_sentences (sc->text);
      guint n_expected = 0;

      while (n_expected < G_N_ELEMENTS (sc->expect) && sc->expect[n_expected] != NULL)
        n_expected++;

      for (guint i = 0; i < spans->len; i++)
        {
          const BriefSpan *span = &g_array_index (spans, BriefSpan, i);
          g_autofree char *got = g_strndup (sc->text + span->byte_start,
                                            span->byte_end - span->byte_start);

          g_test_message ("“%s” [%u] → “%s”", sc->text, i, got);
          g_assert_cmpuint (i, <, n_expected);
          g_assert_cmpstr (got, ==, sc->expect[i]);
        }
      g_assert_cmpuint (spans->len, ==, n_expected);
    }
}

static void
test_sentences_invalid (void)
{
  GArray *spans;

  g_test_expect_message ("brief-sentence-splitter", G_LOG_LEVEL_WARNING, "*not valid UTF-8*");
  spans = brief_split_sentences ("Fine. \xc3\x28 broken.");
  g_test_assert_expected_messages ();
  g_assert_nonnull (spans);
  g_assert_cmpuint (spans->len, ==, 0);
  g_array_unref (spans);
}

/* ------------------------------------------------------------------------ */
/* Analysis                                                                  */

typedef struct
{
  const char *text;
  const char *dct;
  const char *title;   /* of the first mention */
} TitleCase;

static void
check_mention (BriefAnalysis      *analysis,
               const BriefMention *m)
{
  const char *text = brief_analysis_get_text (analysis);
  GPtrArray *timexes = brief_analysis_get_timexes (analysis);
  const BriefTimex *t;
  g_autofree char *sentence = g_utf8_substring (text, m->start, m->end);
  g_auto(GStrv) title_words = NULL;

  g_assert_cmpuint (m->timex_index, <, timexes->len);
  t = g_ptr_array_index (timexes, m->timex_index);
  g_assert_cmpstr (sentence, ==, m->sentence);
  g_assert_cmpuint (m->start, <=, t->start);
  g_assert_cmpuint (m->end, >=, t->end);
  g_assert_nonnull (m->title);
  g_assert_cmpstr (m->title, !=, "");
  title_words = g_strsplit (m->title, " ", -1);
  g_assert_cmpuint (g_strv_length (title_words), <=, 10);
}

static void
test_analysis_titles (void)
{
  static const TitleCase cases[] = {
    { "North Korea closed its borders in January 2020.", DCT, "North Korea closes its borders" },
    { "A meeting with Putin would be Kim’s first summit with a foreign leader since North "
      "Korea closed its borders in January 2020.", DCT, "North Korea closes its borders" },
    { "They met for the first time in April 2019, two months after the talks collapsed.",
      DCT, "They meet for the first time" },
    { "Russian Defense Minister Sergei Shoigu traveled to Pyongyang in July and asked Kim "
      "to send more ammunition.", DCT, "Shoigu travels to Pyongyang" },
    { "He said Shoigu was the first Russian defense minister to visit since the 1991 "
      "disintegration of the Soviet Union.", DCT, "Soviet Union disintegrates" },
    { "Prices have risen since 2010.", DCT, "Prices rise" },
    { "In July, Shoigu traveled to Pyongyang.", DCT, "Shoigu travels to Pyongyang" },
    { "But in 2019 the talks collapsed.", DCT, "Talks collapse" },
    { "“We will meet in May 2024,” Kim said.", DCT, "We will meet" },
    { "On May 5, 2019.", DCT, "May 5, 2019" },
    { "In 1991.", DCT, "1991" },
    { "Kim visited Moscow in 2019 and returned in 2021.", DCT, "Kim visits Moscow" },
    { "Diana de Cardenas, 33, was born in Cuba in 1984.", DCT, "Cardenas is born in Cuba" },
    { "Up until Thursday, however, Mr. Kim had stayed home.", DCT, "Kim stays home" },
    { "Rescued on Nov. 25 by fishermen, Elian became famous.", DCT,
      "Rescued by fishermen" },
    { "Kim left in 2018 and returned in 2021.", "2023-09-05", "Kim leaves" },
    { "Officials from the northern provinces of the country and their many advisers "
      "gathered in Pyongyang in March 2020.", DCT, "Officials gather in Pyongyang" },
  };

  for (gsize c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(BriefAnalysis) analysis =
        brief_analysis_run (tagger, cases[c].text, cases[c].dct, NEWS);
      GPtrArray *mentions = brief_analysis_get_mentions (analysis);
      const BriefMention *m;

      g_assert_cmpuint (mentions->len, >=, 1);
      m = g_ptr_array_index (mentions, 0);
      g_test_message ("“%s” → “%s”", cases[c].text, m->title);
      check_mention (analysis, m);
      g_assert_cmpstr (m->title, ==, cases[c].title);
    }
}

static void
test_analysis_mentions (void)
{
  const char *text = "Headline — “Kim’s trip”\n\nKim went in July. He returned on July 27. "
                     "Talks began in 2019.";
  g_autoptr(BriefAnalysis) analysis = brief_analysis_run (NULL, text, NULL, NEWS);
  GPtrArray *mentions = brief_analysis_get_mentions (analysis);
  GArray *sentences = brief_analysis_get_sentences (analysis);
  g_autoptr(BriefMention) copy = NULL;

  g_assert_cmpstr (brief_analysis_get_text (analysis), ==, text);
  g_assert_null (brief_analysis_get_dct (analysis));
  g_assert_cmpint (brief_analysis_get_kind (analysis), ==, NEWS);
  g_assert_cmpuint (sentences->len, ==, 4);
  g_assert_cmpuint (brief_analysis_get_timexes (analysis)->len, ==, 3);

  /* Unresolved months are kept: the UI shows "July (year unknown)". */
  g_assert_cmpuint (mentions->len, ==, 3);
  for (guint i = 0; i < mentions->len; i++)
    check_mention (analysis, g_ptr_array_index (mentions, i));

  g_assert_cmpstr (((BriefMention *) mentions->pdata[0])->sentence, ==, "Kim went in July.");
  g_assert_cmpstr (((BriefMention *) mentions->pdata[0])->title, ==, "Kim goes");
  g_assert_cmpstr (((BriefMention *) mentions->pdata[1])->title, ==, "He returns");
  g_assert_cmpstr (((BriefMention *) mentions->pdata[2])->title, ==, "Talks begin");

  /* A date after a weak "and": the clause runs back past it. */
  {
    g_autoptr(BriefAnalysis) two = brief_analysis_run (tagger, "Kim visited Moscow in 2019 and "
                                                       "returned in 2021.", NULL, NEWS);
    GPtrArray *two_mentions = brief_analysis_get_mentions (two);

    g_assert_cmpuint (two_mentions->len, ==, 2);
    g_assert_cmpstr (((BriefMention *) two_mentions->pdata[1])->title, ==,
                     "Kim visits Moscow and returns");
  }

  copy = brief_mention_copy (mentions->pdata[1]);
  g_assert_cmpstr (copy->sentence, ==, "He returned on July 27.");
  g_assert_cmpuint (copy->timex_index, ==, 1);
}

static void
test_analysis_invalid (void)
{
  g_autoptr(BriefAnalysis) analysis = NULL;

  g_test_expect_message ("brief-analysis", G_LOG_LEVEL_WARNING, "*not valid UTF-8*");
  analysis = brief_analysis_run (tagger, "in April 2019 \xff", DCT, NEWS);
  g_test_assert_expected_messages ();

  g_assert_nonnull (analysis);
  g_assert_cmpuint (brief_analysis_get_timexes (analysis)->len, ==, 0);
  g_assert_cmpuint (brief_analysis_get_mentions (analysis)->len, ==, 0);
  g_assert_cmpuint (brief_analysis_get_sentences (analysis)->len, ==, 0);
}

/* ------------------------------------------------------------------------ */
/* The reference article                                                     */

static char *
load_sample (void)
{
  const char *shared = g_getenv ("BRIEF_SHARED_DIR");
  g_autofree char *path = NULL;
  char *text = NULL;

  if (shared == NULL)
    return NULL;

  path = g_build_filename (shared, "samples", "kim-putin-summit.txt", NULL);
  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;

  return text;
}

static const BriefTimex *
find_timex (GPtrArray  *timexes,
            const char *text)
{
  for (guint i = 0; i < timexes->len; i++)
    {
      const BriefTimex *t = g_ptr_array_index (timexes, i);

      if (strcmp (t->text, text) == 0)
        return t;
    }

  return NULL;
}

static void
test_sample_timexes (void)
{
  static const struct
  {
    const char *text;
    const char *value;
  } expected[] = {
    { "January 2020", "2020-01" },
    { "April 2019", "2019-04" },
    { "July", "2023-07" },
    { "1991", "1991" },
  };
  g_autofree char *text = load_sample ();
  g_autoptr(GPtrArray) timexes = NULL;
  g_autofree char *got = NULL;

  if (text == NULL)
    {
      g_test_skip ("BRIEF_SHARED_DIR/samples/kim-putin-summit.txt is not available");
      return;
    }

  timexes = brief_date_tagger_find (tagger, text, "2023-09-05", NEWS);
  got = describe_timexes (timexes);
  g_test_message ("sample → %s", got);

  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const BriefTimex *t = find_timex (timexes, expected[i].text);

      g_assert_nonnull (t);
      if (t == NULL)
        continue;
      g_assert_cmpstr (t->value, ==, expected[i].value);
      check_offsets (text, t);
      /* The curly quotes and dashes before it make bytes and characters differ. */
      g_assert_cmpuint (t->byte_start, >, t->start);
    }

  /* Nothing else: no "may" of the title or of "Kim Jong Un may travel". */
  g_assert_cmpstr (got, ==,
                   "January 2020=2020-01 | April 2019=2019-04 | two months=P2M | July=2023-07"
                   " | last year=2022 | 1991=1991 | now=PRESENT_REF | now=PRESENT_REF");

  /* Without a publication date "July" stays without a year. */
  {
    g_autoptr(GPtrArray) undated = brief_date_tagger_find (tagger, text, NULL, NEWS);

    const BriefTimex *july = find_timex (undated, "July");

    g_assert_nonnull (july);
    if (july != NULL)
      g_assert_cmpstr (july->value, ==, "XXXX-07");
  }
}

static void
test_sample_analysis (void)
{
  static const struct
  {
    const char *value;
    const char *title;
    const char *sentence_start;
  } expected[] = {
    { "2020-01", "North Korea closes its borders", "A meeting with Putin" },
    { "2019-04", "Kim and Putin meet for the first time", "They met for the first time" },
    { "2019-02", "Kim–Trump high-stakes nuclear diplomacy collapses", "They met for the first time" },
    { "2023-07", "Shoigu travels to Pyongyang", "Russian Defense Minister" },
    { "2022", "U.S. officials suspect North Korea is providing Russia", "Since last year" },
    { "1991", "Soviet Union disintegrates", "He said Shoigu" },
  };
  g_autofree char *text = load_sample ();
  g_autoptr(BriefAnalysis) analysis = NULL;
  GPtrArray *mentions;
  GPtrArray *timexes;
  GArray *sentences;
  gboolean split_us = FALSE;

  if (text == NULL)
    {
      g_test_skip ("BRIEF_SHARED_DIR/samples/kim-putin-summit.txt is not available");
      return;
    }

  analysis = brief_analysis_run (tagger, text, "2023-09-05", NEWS);
  mentions = brief_analysis_get_mentions (analysis);
  timexes = brief_analysis_get_timexes (analysis);
  sentences = brief_analysis_get_sentences (analysis);

  g_assert_cmpuint (mentions->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < MIN (mentions->len, G_N_ELEMENTS (expected)); i++)
    {
      const BriefMention *m = g_ptr_array_index (mentions, i);
      const BriefTimex *t = g_ptr_array_index (timexes, m->timex_index);

      check_mention (analysis, m);
      g_test_message ("%s → “%s” in “%s”", t->value, m->title, m->sentence);
      g_assert_cmpstr (brief_mention_get_value (m, timexes), ==, expected[i].value);
      g_assert_cmpstr (m->title, ==, expected[i].title);
      g_assert_true (g_str_has_prefix (m->sentence, expected[i].sentence_start));
    }

  /* The run-together "the U.S.U.S. officials" and "technologies.A meeting". */
  for (guint i = 0; i < sentences->len; i++)
    {
      const BriefSpan *span = &g_array_index (sentences, BriefSpan, i);

      if (g_str_has_prefix (text + span->byte_start, "U.S. officials also said"))
        split_us = TRUE;
      g_assert_false (g_str_has_prefix (text + span->byte_start, "A meeting")
                      && span->byte_start > 0 && text[span->byte_start - 1] != '.');
    }
  g_assert_true (split_us);
  g_assert_cmpuint (sentences->len, >=, 20);
}

/* ------------------------------------------------------------------------ */
/* TimeML rule families                                                      */

typedef struct
{
  const char *text;
  const char *dct;
  /* "text=TYPE:value[@MOD][#freq][/quant]" in text order */
  const char *expect[N_EXPECT];
} TimeMLCase;

static void
run_timeml_cases (const TimeMLCase *cases,
                  gsize             n_cases)
{
  for (gsize c = 0; c < n_cases; c++)
    {
      const TimeMLCase *tc = &cases[c];
      g_autoptr(GPtrArray) timexes = brief_date_tagger_find (tagger, tc->text, tc->dct, NEWS);
      g_autofree char *expected = test_timex_join (tc->expect, N_EXPECT);
      g_autofree char *got = test_timex_describe (timexes);

      g_test_message ("“%s” → %s", tc->text, got);
      g_assert_cmpstr (got, ==, expected);
      for (guint i = 0; i < timexes->len; i++)
        check_offsets (tc->text, g_ptr_array_index (timexes, i));
    }
}

static void
test_timeml_relative (void)
{
  static const TimeMLCase cases[] = {
    /* 2023-09-05 is a Tuesday in ISO week 36. */
    { "It grew last year.", DCT, { "last year=DATE:2022" } },
    { "It will grow next month.", DCT, { "next month=DATE:2023-10" } },
    { "Talks resume this week.", DCT, { "this week=DATE:2023-W36" } },
    { "They met last week.", DCT, { "last week=DATE:2023-W35" } },
    { "Sales fell in the third quarter.", DCT, { "the third quarter=DATE:2023-Q3" } },
    { "Profit rose in the fourth quarter of 2022.", DCT,
      { "the fourth quarter of 2022=DATE:2022-Q4" } },
    { "It happened two weeks ago.", DCT, { "two weeks ago=DATE:2023-W34" } },
    { "It opened three years ago.", DCT, { "three years ago=DATE:2020" } },
    { "In 2019 they met; a year earlier they had quarrelled.", DCT,
      { "2019=DATE:2019", "a year earlier=DATE:2018" } },
    { "They met on March 3, 2020. The following day they parted.", DCT,
      { "March 3, 2020=DATE:2020-03-03", "The following day=DATE:2020-03-04" } },
    { "He left yesterday and returns tomorrow.", DCT,
      { "yesterday=DATE:2023-09-04", "tomorrow=DATE:2023-09-06" } },
    { "Prices are high now.", DCT, { "now=DATE:PRESENT_REF" } },
    { "She is currently abroad; he recently returned.", DCT,
      { "currently=DATE:PRESENT_REF", "recently=DATE:PAST_REF" } },
    { "We will see in the future.", DCT, { "the future=DATE:FUTURE_REF" } },
    { "It rose earlier this year.", DCT, { "earlier this year=DATE:2023@START" } },
    { "It fell late last year.", DCT, { "late last year=DATE:2022@END" } },
    { "It ends at the end of the decade.", DCT, { "the end of the decade=DATE:202@END" } },
    { "They met last fall.", DCT, { "last fall=DATE:2022-FA" } },
    { "They will meet next summer.", DCT, { "next summer=DATE:2024-SU" } },
    { "It was built in the 20th century.", DCT, { "the 20th century=DATE:19" } },
    { "Music of the '90s.", DCT, { "'90s=DATE:199" } },
    { "It happened in early 2019.", DCT, { "early 2019=DATE:2019@START" } },
    { "It happened in mid-July.", DCT, { "mid-July=DATE:2023-07@MID" } },
    { "Sales fell in fiscal 1989.", DCT, { "fiscal 1989=DATE:1989" } },
    { "Profit doubled in the first half of 2021.", DCT,
      { "the first half of 2021=DATE:2021-H1" } },
    /* No tense: the nearer one. */
    { "They meet on Christmas Eve.", DCT, { "Christmas Eve=DATE:2023-12-24" } },
  };

  run_timeml_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_timeml_ranges (void)
{
  static const TimeMLCase cases[] = {
    { "He served from 2001 to 2009.", DCT, { "2001=DATE:2001", "2009=DATE:2009" } },
    { "He served 1998-2001.", DCT, { NULL } },
    { "He served in 1998-2001.", DCT, { "1998=DATE:1998", "2001=DATE:2001" } },
    { "Talks ran between March and May.", DCT,
      { "March=DATE:2023-03", "May=DATE:2023-05" } },
    { "It is open from Monday to Friday.", DCT,
      { "Monday=DATE:2023-09-04", "Friday=DATE:2023-09-01" } },
  };

  run_timeml_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_timeml_durations (void)
{
  static const TimeMLCase cases[] = {
    { "It lasted two months.", DCT, { "two months=DURATION:P2M" } },
    { "It lasted three years.", DCT, { "three years=DURATION:P3Y" } },
    { "It lasted five hours.", DCT, { "five hours=DURATION:PT5H" } },
    { "It lasted twenty-four hours.", DCT, { "twenty-four hours=DURATION:PT24H" } },
    { "A two-year deal.", DCT, { "two-year=DURATION:P2Y" } },
    { "It has lasted for decades.", DCT, { "decades=DURATION:PXDE" } },
    { "It took a decade.", DCT, { "a decade=DURATION:P10Y" } },
    { "Prices rose over the past three years.", DCT,
      { "the past three years=DURATION:P3Y" } },
    { "Sales rose in the first nine months.", DCT,
      { "the first nine months=DURATION:P9M" } },
    { "It took more than four hours.", DCT, { "more than four hours=DURATION:PT4H@MORE_THAN" } },
    /* "about", "almost" and "over" stay outside a counted length, but not
     * outside an offset or before "a". */
    { "It took about two weeks.", DCT, { "two weeks=DURATION:P2W@APPROX" } },
    { "It lasted over three years.", DCT, { "three years=DURATION:P3Y@MORE_THAN" } },
    { "It lasted over a week.", DCT, { "over a week=DURATION:P1W@MORE_THAN" } },
    { "It closed about two years ago.", DCT, { "about two years ago=DATE:2021@APPROX" } },
    { "The flight took 5 1/2 hours.", DCT, { "5 1/2 hours=DURATION:PT5H30M" } },
    { "He served 2 1/2 years.", DCT, { "2 1/2 years=DURATION:P2Y6M" } },
    { "It took a year and a half.", DCT, { "a year and a half=DURATION:P1Y6M" } },
    { "It took a minute and a half.", DCT, { "a minute and a half=DURATION:PT1M30S" } },
    { "It lasted two decades.", DCT, { "two decades=DURATION:P20Y" } },
    { "It took a few days.", DCT, { "a few days=DURATION:PXD" } },
    { "Many years passed.", DCT, { "Many years=DURATION:PXY" } },
    { "Hours of work and years of talk.", DCT, { NULL } },
  };

  run_timeml_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_timeml_sets (void)
{
  static const TimeMLCase cases[] = {
    { "They meet every week.", DCT, { "every week=SET:P1W/EVERY" } },
    { "Reports come each year.", DCT, { "each year=SET:P1Y/EACH" } },
    { "It is paid annually.", DCT, { "annually=SET:P1Y" } },
    { "A daily paper.", DCT, { "daily=SET:P1D" } },
    { "They meet twice a month.", DCT, { "twice a month=SET:P1M#2X" } },
    { "They meet every Monday.", DCT, { "every Monday=SET:XXXX-WXX-1/EVERY" } },
  };

  run_timeml_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_timeml_times (void)
{
  static const TimeMLCase cases[] = {
    { "It starts at 2:30 p.m. EST.", DCT, { "2:30 p.m. EST=TIME:2023-09-05T14:30" } },
    /* The period that ends both "a.m." and the sentence is the sentence's. */
    { "It starts at 9 a.m.", DCT, { "9 a.m=TIME:2023-09-05T09:00" } },
    { "It starts at 9 a.m. sharp.", DCT, { "9 a.m.=TIME:2023-09-05T09:00" } },
    { "They met on Friday at 10 pm.", DCT,
      { "Friday=DATE:2023-09-01", "10 pm=TIME:2023-09-01T22:00" } },
    { "It opened this morning.", DCT, { "this morning=TIME:2023-09-05TMO" } },
    { "It rained last night.", DCT, { "last night=TIME:2023-09-04TNI" } },
    /* TimeBank: a part of a named day is a DATE with its part. */
    { "They met Wednesday evening.", DCT, { "Wednesday evening=DATE:2023-08-30TEV" } },
    { "He died Friday night.", DCT, { "Friday night=DATE:2023-09-01TNI" } },
    { "It closes at noon.", DCT, { "noon=TIME:2023-09-05T12:00" } },
  };

  run_timeml_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_timeml_negative (void)
{
  static const TimeMLCase cases[] = {
    { "Kim Jong Un may visit.", DCT, { NULL } },
    { "They March On Washington.", DCT, { NULL } },
    { "The team won 3-2 in the final.", DCT, { NULL } },
    { "See page 2019 of the report.", DCT, { NULL } },
    { "Call 555-1991.", DCT, { NULL } },
    { "It cost $1,990 and 2,000 people came.", DCT, { NULL } },
    { "He read The Fall of Rome.", DCT, { NULL } },
    { "Spring water is cheap.", DCT, { NULL } },
    { "He is in his 40s.", DCT, { NULL } },
    { "Black Friday sales.", DCT, { NULL } },
  };

  run_timeml_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_timeml_tense (void)
{
  static const TimeMLCase cases[] = {
    /* The nearest tense marker decides, per clause. */
    { "He said the talks will resume in October.", DCT, { "October=DATE:2023-10" } },
    { "The talks that will resume soon began in October.", DCT,
      { "October=DATE:2022-10" } },
    /* A participle takes the tense of its auxiliary. */
    { "The deal will be signed Dec. 20.", DCT, { "Dec. 20=DATE:2023-12-20" } },
    { "The deal was signed Dec. 20.", DCT, { "Dec. 20=DATE:2022-12-20" } },
  };

  run_timeml_cases (cases, G_N_ELEMENTS (cases));
}

/* ------------------------------------------------------------------------ */
/* Bad input: linear time, no crash                                          */

/* TimeBank conventions, one family a block. */
static void
test_timeml_conventions (void)
{
  static const TimeMLCase cases[] = {
    /* Reports: quarters are of the document's year; "a year earlier" and
     * "the year-ago quarter" are the same quarter a year before. */
    { "Net income rose in the third quarter. A year earlier it earned less.", DCT,
      { "the third quarter=DATE:2023-Q3", "A year earlier=DATE:2022-Q3" } },
    { "Profit fell in the fourth quarter from the year-ago quarter.", DCT,
      { "the fourth quarter=DATE:2023-Q4", "the year-ago quarter=DATE:2022-Q4" } },
    { "Sales in this year's second quarter and next year's first quarter will grow.", DCT,
      { "this year's second quarter=DATE:2023-Q2", "next year's first quarter=DATE:2024-Q1" } },
    { "Revenue for the year ended March 31 rose.", DCT,
      { "the year=DURATION:P1Y", "March 31=DATE:2023-03-31" } },
    { "Sales for the year were flat.", DCT, { "the year=DATE:2023" } },
    { "It rose 5% from the year-ago results.", DCT, { "year-ago=DATE:2022" } },
    /* Weekends and weekdays: the last one unless the clause is future. */
    { "It happened over the weekend.", DCT, { "the weekend=DATE:2023-W35-WE" } },
    { "He spoke in Havana Friday, and in Miami Wednesday.", DCT,
      { "Friday=DATE:2023-09-01", "Wednesday=DATE:2023-08-30" } },
    { "Earlier Friday, lawyers filed a petition.", DCT,
      { "Friday=DATE:2023-09-01" } },
    { "He will speak Friday.", DCT, { "Friday=DATE:2023-09-08" } },
    /* Clock times take the day written after them. */
    { "The plane left at 10 p.m. Sunday.", DCT,
      { "10 p.m. Sunday=TIME:2023-09-03T22:00" } },
    { "He arrived at 5 p.m. EST, Sept. 4.", DCT,
      { "5 p.m. EST, Sept. 4=TIME:2023-09-04T17:00" } },
    { "It ends at midnight Friday.", DCT, { "midnight Friday=TIME:2023-09-01T24:00" } },
    /* Rates are sets; ages are no durations. */
    { "It saves $500 million a year.", DCT, { "a year=SET:P1Y" } },
    { "They stayed for a year.", DCT, { "a year=DURATION:P1Y" } },
    { "A 6-year-old boy and his father, 52 years old.", DCT, { NULL } },
    { "It was a three-year period.", DCT, { "three-year period=DURATION:P3Y" } },
    { "It took a couple of years.", DCT, { "a couple of years=DURATION:P2Y" } },
    { "It lasted no more than sixty days.", DCT,
      { "no more than sixty days=DURATION:P60D@EQUAL_OR_LESS" } },
    /* Years read out in words. */
    { "They met in January nineteen ninety-seven.", DCT,
      { "January nineteen ninety-seven=DATE:1997-01" } },
    { "By the year two thousand it had changed.", DCT, { "the year two thousand=DATE:2000" } },
    { "Two thousand people came.", DCT, { NULL } },
    /* Decades in words; Easter by the Gregorian computus. */
    { "Prices soared in the nineties.", DCT, { "the nineties=DATE:199" } },
    { "It was built in the early sixties.", DCT, { "the early sixties=DATE:196@START" } },
    { "He is in his sixties.", DCT, { NULL } },
    { "Music of the 1990s.", DCT, { "1990s=DATE:199" } },
    { "They met at Easter 2000.", DCT, { "Easter 2000=DATE:2000-04-23" } },
    { "They met at Easter 2019.", DCT, { "Easter 2019=DATE:2019-04-21" } },
    { "He returned at Easter.", DCT, { "Easter=DATE:2023-04-09" } },
    /* "that year": the one of the date last mentioned. */
    { "It was founded in 1988. Later that year it merged.", DCT,
      { "1988=DATE:1988", "Later that year=DATE:1988@END" } },
    { "Shares of Sun rose in 1988, and that Sun deal closed.", DCT, { "1988=DATE:1988" } },
    /* A day in the coming weeks keeps its year in a past clause. */
    { "The offer was set to expire Sept. 16.", DCT, { "Sept. 16=DATE:2023-09-16" } },
    { "The offer expired Sept. 1.", DCT, { "Sept. 1=DATE:2023-09-01" } },
    /* Vague references. */
    { "In recent years prices rose.", DCT, { "recent years=DATE:PAST_REF" } },
    { "Prices rose in recent months.", DCT, { "recent months=DURATION:PXM" } },
    { "It will happen soon.", DCT, { NULL } },
    { "Future talks are planned.", DCT, { NULL } },
    /* A relative month followed by a day is matched from the month. */
    { "It was signed last Oct. 23.", DCT, { "Oct. 23=DATE:2022-10-23" } },
    /* The comma before a date belongs to the sentence. */
    { "Beijing, August 7 (Xinhua) -- Talks began.", DCT, { "August 7=DATE:2023-08-07" } },
    { "Black Friday sales rose.", DCT, { NULL } },
  };

  run_timeml_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_timex_bad_input (void)
{
  GString *big = g_string_sized_new (10 * 1024 * 1024);
  GString *dates = g_string_new (NULL);
  GPtrArray *found;
  gint64 start = g_get_monotonic_time ();

  /* 10 MB without a date, in short lines. */
  while (big->len < 10 * 1024 * 1024)
    g_string_append (big, "The quick brown fox jumps over the lazy dog again and again.\n");
  found = brief_date_tagger_find (tagger, big->str, DCT, NEWS);
  g_assert_cmpuint (found->len, ==, 0);
  g_ptr_array_unref (found);

  /* 1 MB on one line, without spaces or sentence ends. */
  g_string_truncate (big, 1024 * 1024);
  for (gsize i = 0; i < big->len; i++)
    if (big->str[i] == '\n' || big->str[i] == ' ' || big->str[i] == '.')
      big->str[i] = 'x';
  found = brief_date_tagger_find (tagger, big->str, DCT, NEWS);
  g_assert_cmpuint (found->len, ==, 0);
  g_ptr_array_unref (found);

  /* Many dates: 100,000 of them. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (dates, i % 2 ? "in July 2019, " : "on Friday. ");
  found = brief_date_tagger_find (tagger, dates->str, DCT, NEWS);
  g_assert_cmpuint (found->len, ==, 100000);
  g_ptr_array_unref (found);

  /* Text after UTF-8 repair: replacement characters around dates. */
  found = brief_date_tagger_find (tagger, "\xEF\xBF\xBD" "in July 2019\xEF\xBF\xBD" "1991\xEF\xBF\xBD",
                                  DCT, NEWS);
  g_assert_cmpuint (found->len, ==, 1);
  g_ptr_array_unref (found);

  g_test_message ("bad input took %.2f s", (g_get_monotonic_time () - start) / 1e6);
  g_string_free (big, TRUE);
  g_string_free (dates, TRUE);
}

/* ------------------------------------------------------------------------ */
/* Derived dates                                                             */

static void
test_analysis_derived (void)
{
  g_autoptr(BriefAnalysis) analysis = NULL;
  GPtrArray *derived;
  GPtrArray *timexes;
  const BriefMention *m;
  const char *text = "They met for the first time in April 2019, two months after Kim’s "
                     "high-stakes nuclear diplomacy with then-U.S. President Donald Trump "
                     "collapsed. Kim left in 2020, a year before the border opened.";

  analysis = brief_analysis_run (tagger, text, DCT, NEWS);
  derived = brief_analysis_get_derived (analysis);
  timexes = brief_analysis_get_timexes (analysis);

  g_assert_cmpuint (derived->len, ==, 2);
  m = g_ptr_array_index (derived, 0);
  g_assert_cmpstr (m->value, ==, "2019-02");
  g_assert_cmpstr (m->offset, ==, "-P2M");
  g_assert_cmpint (m->derived_from, >=, 0);
  g_assert_cmpstr (((BriefTimex *) g_ptr_array_index (timexes, m->derived_from))->value, ==,
                   "2019-04");
  g_assert_cmpstr (((BriefTimex *) g_ptr_array_index (timexes, m->timex_index))->value, ==, "P2M");
  g_assert_cmpstr (m->title, ==, "Kim–Trump high-stakes nuclear diplomacy collapses");
  g_assert_true (g_str_has_prefix (m->sentence, "They met"));

  m = g_ptr_array_index (derived, 1);
  g_assert_cmpstr (m->value, ==, "2021");
  g_assert_cmpstr (m->offset, ==, "+P1Y");
  g_assert_cmpstr (m->title, ==, "Border opens");

  /* Plain mentions are not derived. */
  m = g_ptr_array_index (brief_analysis_get_mentions (analysis), 0);
  g_assert_cmpint (m->derived_from, ==, -1);
  g_assert_null (m->value);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* Table-driven: report every failing case, not only the first. */
  g_test_set_nonfatal_assertions ();

  tagger = brief_date_tagger_new ();

  g_test_add_func ("/analysis/timex/month-year", test_timex_month_year);
  g_test_add_func ("/analysis/timex/full-dates", test_timex_full_dates);
  g_test_add_func ("/analysis/timex/iso", test_timex_iso);
  g_test_add_func ("/analysis/timex/bare-year", test_timex_bare_year);
  g_test_add_func ("/analysis/timex/relative-month", test_timex_relative_month);
  g_test_add_func ("/analysis/timex/weekday", test_timex_weekday);
  g_test_add_func ("/analysis/timex/narrative", test_timex_narrative);
  g_test_add_func ("/analysis/timex/negative", test_timex_negative);
  g_test_add_func ("/analysis/timex/offsets", test_timex_offsets);
  g_test_add_func ("/analysis/timex/invalid", test_timex_invalid);
  g_test_add_func ("/analysis/timex/copy", test_timex_copy);
  g_test_add_func ("/analysis/timex/threads", test_timex_threads);
  g_test_add_func ("/analysis/timex/bad-input", test_timex_bad_input);
  g_test_add_func ("/analysis/timeml/relative", test_timeml_relative);
  g_test_add_func ("/analysis/timeml/ranges", test_timeml_ranges);
  g_test_add_func ("/analysis/timeml/durations", test_timeml_durations);
  g_test_add_func ("/analysis/timeml/sets", test_timeml_sets);
  g_test_add_func ("/analysis/timeml/times", test_timeml_times);
  g_test_add_func ("/analysis/timeml/negative", test_timeml_negative);
  g_test_add_func ("/analysis/timeml/tense", test_timeml_tense);
  g_test_add_func ("/analysis/timeml/conventions", test_timeml_conventions);
  g_test_add_func ("/analysis/mentions/derived", test_analysis_derived);
  g_test_add_func ("/analysis/sentences/split", test_sentences);
  g_test_add_func ("/analysis/sentences/invalid", test_sentences_invalid);
  g_test_add_func ("/analysis/mentions/titles", test_analysis_titles);
  g_test_add_func ("/analysis/mentions/basic", test_analysis_mentions);
  g_test_add_func ("/analysis/mentions/invalid", test_analysis_invalid);
  g_test_add_func ("/analysis/sample/timexes", test_sample_timexes);
  g_test_add_func ("/analysis/sample/analysis", test_sample_analysis);

  ret = g_test_run ();

  g_clear_object (&tagger);

  return ret;
}
