/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "brief-analysis.h"
#include "brief-event-grouping.h"

static BriefDateTagger *tagger;

typedef struct
{
  const char *text;
  const char *value;   /* of the mention looked at */
  const char *title;
  const char *actors;  /* joined with ", " */
  const char *place;
} TitleCase;

static const BriefMention *
find_mention (BriefAnalysis *a,
              const char    *value)
{
  GPtrArray *mentions = brief_analysis_get_mentions (a);
  GPtrArray *timexes = brief_analysis_get_timexes (a);

  for (guint i = 0; i < mentions->len; i++)
    if (g_strcmp0 (brief_mention_get_value (g_ptr_array_index (mentions, i), timexes), value) == 0)
      return g_ptr_array_index (mentions, i);
  return NULL;
}

static void
test_headlines (void)
{
  static const TitleCase cases[] = {
    { "Russian Defense Minister Sergei Shoigu traveled to Pyongyang in July.", "2023-07",
      "Shoigu travels to Pyongyang", "Sergei Shoigu", "Pyongyang" },
    { "Kim Jong Un may meet Vladimir Putin. A meeting with Putin would be Kim’s first. They "
      "met for the first time in April 2019.", "2019-04", "Kim and Putin meet for the first time",
      "Kim Jong Un, Vladimir Putin", NULL },
    { "President Joe Biden spoke. He signed the bill in May 2021.", "2021-05",
      "Biden signs the bill", "Joe Biden", NULL },
    { "U.S. officials have suspected since last year that it is true.", "2022",
      "U.S. officials suspect", "United States", NULL },
    { "Dock workers at the port walked off the job in March 2024.", "2024-03",
      "Dock workers at the port walk off the job", "", NULL },
    { "The company was founded in Boston in 2009.", "2009", "Company is founded in Boston", "",
      "Boston" },
    { "Russia’s invasion of Ukraine in 2022 changed everything.", "2022",
      "Russia invades Ukraine", "Russia", NULL },
    { "Officials stopped the trains and tried again in June 2020.", "2020-06",
      "Officials stop the trains and try again", "", NULL },
    /* a single g after a vowel keeps its e: "damaged", "managed" */
    { "Storm Ilsa damaged the ferry pier in January 2024.", "2024-01",
      "Ilsa damages the ferry pier", "Storm Ilsa", NULL },
    /* passive and copular sentences */
    { "The new plan was unveiled in May 2021 by the city council.", "2021-05",
      "New plan is unveiled by the city council", "", NULL },
    { "Lee Min-ho was the mayor of Busan from 2004 to 2010.", "2004",
      "Lee is the mayor of Busan", "Lee Min-ho", NULL },
    /* a relative clause takes the noun it stands for */
    { "Maria Lopez, who founded the charity in 2005, stepped down last year.", "2005",
      "Lopez founds the charity", "Maria Lopez", NULL },
    { "The inquiry was led by the Federal Bureau of Investigation, which first searched city "
      "hall in November 2019.", "2019-11", "Federal Bureau of Investigation first searches city hall",
      "Federal Bureau of Investigation", NULL },
    { "A jury convicted him, ending a trial that began in October 2023.", "2023-10",
      "Trial begins", "", NULL },
    { "Experts said the drought that began in 2021 had cut harvests.", "2021", "Drought begins",
      "", NULL },
    /* the first word's capital makes no name: "Voters … reject" */
    { "Voters in Chile rejected the draft in September 2022.", "2022-09",
      "Voters in Chile reject the draft", "Chile", NULL },
    /* a longer subject lends itself too; "glass-topped" is no verb */
    { "The first section of glass-topped wall, which lets residents see the water, was unveiled "
      "on October 4, 2023.", "2023-10-04", "First section of glass-topped wall is unveiled", "", NULL },
    /* a participle between commas after the subject is a passive */
    { "The festival, first held in 1970, draws thousands of visitors.", "1970",
      "Festival is held", "", NULL },
    /* a clause that opens with its verb borrows the subject */
    { "Maria Lopez, who founded the charity in 2005, stepped down last year.", "2022",
      "Lopez steps down", "Maria Lopez", NULL },
    { "Margaret Okafor, the first woman to lead the department, died on Sunday in London.",
      "2023-09-03", "Okafor dies in London", "Margaret Okafor", "London" },
    /* what was said, when the date is the saying's content */
    { "Officials said the airport would reopen in August 2024.", "2024-08", "Airport to reopen",
      "", NULL },
    { "Polish Agriculture Minister Czeslaw Siekierski said the deal would be reviewed in "
      "December 2024.", "2024-12", "Deal to be reviewed", "", NULL },
    { "The company announced in April 2023 that it would cut 500 jobs.", "2023-04",
      "Company announces it would cut 500 jobs", "", NULL },
    /* people by their short names, without their titles, after the verb too */
    { "A federal jury on Thursday convicted former Springfield mayor Thomas Hale of fraud.",
      "2023-08-31", "Federal jury convicts Hale of fraud", "Thomas Hale", NULL },
    /* a phrase before the subject goes */
    { "Under her leadership the hospital opened a burns unit in 1979.", "1979",
      "Hospital opens a burns unit", "", NULL },
    /* a possessive pronoun with the noun of a happening */
    { "Rossi trained under Giovanni Bellini until his retirement in 2011.", "2011",
      "Bellini retires", "Giovanni Bellini", NULL },
    { "Mary Smith-Jones won the seat in 2019.", "2019", "Smith-Jones wins the seat",
      "Mary Smith-Jones", NULL },
    /* "they" reaches back two sentences for two people */
    { "Gabriel Boric was greeted by Prime Minister Pham Minh Chinh. The two men met in New York. "
      "They agreed in 2023 to double trade.", "2023", "Boric and Chinh agree to double trade",
      "Gabriel Boric, Pham Minh Chinh", NULL },
    /* "he" is not Maria Lopez */
    { "Maria Lopez met Tom Reyes. He was elected mayor in 2017.", "2017",
      "Reyes is elected mayor", "Tom Reyes", NULL },
    /* a long title ends at a phrase, not inside one */
    { "Ukraine and Poland agreed in May 2024 to speed up grain transit through Polish territory.",
      "2024-05", "Ukraine and Poland agree to speed up grain transit", "Ukraine, Poland", NULL },
  };

  for (gsize c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(BriefAnalysis) a = brief_analysis_run (tagger, cases[c].text, "2023-09-05",
                                                       BRIEF_DOCUMENT_NEWS);
      const BriefMention *m = find_mention (a, cases[c].value);
      g_autofree char *actors = NULL;

      g_assert_nonnull (m);
      g_test_message ("%s → %s", cases[c].text, m->title);
      actors = g_strjoinv (", ", m->actors);
      g_assert_cmpstr (m->title, ==, cases[c].title);
      g_assert_cmpstr (actors, ==, cases[c].actors);
      g_assert_cmpstr (m->place, ==, cases[c].place);
    }
}

static void
test_state_and_rank (void)
{
  g_autoptr(BriefAnalysis) a = brief_analysis_run (tagger, "Prices have remained high since 2010. "
                                                   "Vladimir Putin visited Pyongyang in 2000.",
                                                   "2023-09-05", BRIEF_DOCUMENT_NEWS);
  const BriefMention *state = find_mention (a, "2010");
  const BriefMention *visit = find_mention (a, "2000");

  g_assert_nonnull (state);
  g_assert_nonnull (visit);
  g_assert_true (state->is_state);
  g_assert_cmpuint (state->rank, ==, 0);
  g_assert_false (visit->is_state);
  g_assert_cmpuint (visit->rank, ==, 2);
}

/* Copular sentences describe a state; passives and "to" futures are
 * happenings. */
static void
test_copular_and_passive (void)
{
  g_autoptr(BriefAnalysis) a = brief_analysis_run (tagger, "Prices were high in 2008. The bridge "
                                                   "was closed in March 2020. Workers had been "
                                                   "without a contract since January 2023. "
                                                   "Officials said the deal would be reviewed "
                                                   "in December 2024.",
                                                   "2023-09-05", BRIEF_DOCUMENT_NEWS);
  const BriefMention *high = find_mention (a, "2008");
  const BriefMention *closed = find_mention (a, "2020-03");
  const BriefMention *without = find_mention (a, "2023-01");
  const BriefMention *review = find_mention (a, "2024-12");

  g_assert_cmpstr (high->title, ==, "Prices are high");
  g_assert_cmpuint (high->rank, ==, 0);
  g_assert_cmpstr (closed->title, ==, "Bridge is closed");
  g_assert_cmpuint (closed->rank, >, 0);
  g_assert_cmpstr (without->title, ==, "Workers are without a contract");
  g_assert_cmpuint (without->rank, ==, 0);
  g_assert_cmpstr (review->title, ==, "Deal to be reviewed");
  g_assert_cmpuint (review->rank, >, 0);
}

static void
test_range (void)
{
  const char *text = "He served from 2001 to 2009 as mayor.";
  g_autoptr(BriefAnalysis) a = brief_analysis_run (tagger, text, "2023-09-05", BRIEF_DOCUMENT_NEWS);
  GPtrArray *mentions = brief_analysis_get_mentions (a);
  const BriefMention *m;
  g_autofree char *span = NULL;

  g_assert_cmpuint (mentions->len, ==, 1);
  m = g_ptr_array_index (mentions, 0);
  g_assert_cmpint (m->end_timex, ==, 1);
  span = g_utf8_substring (text, m->date_start, m->date_end);
  g_assert_cmpstr (span, ==, "2001 to 2009");
}

static void
test_derived_is_a_mention (void)
{
  g_autoptr(BriefAnalysis) a = brief_analysis_run (tagger, "They met in April 2019, two months after "
                                                   "the talks collapsed.", "2023-09-05",
                                                   BRIEF_DOCUMENT_NEWS);
  const BriefMention *m = find_mention (a, "2019-02");

  g_assert_nonnull (m);
  g_assert_cmpstr (m->title, ==, "Talks collapse");
  g_assert_cmpint (m->derived_from, >=, 0);
  g_assert_cmpuint (brief_analysis_get_derived (a)->len, ==, 1);
}

/* ------------------------------------------------------------------------ */
/* Grouping across sources                                                   */

static guint32
julian (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

static void
test_grouping (void)
{
  static const char *shoigu[] = { "Sergei Shoigu", NULL };
  static const char *korea[] = { "North Korea", NULL };
  BriefGroupingEvent events[] = {
    { 0, julian (2023, 7, 1), julian (2023, 7, 31), "Shoigu visits Pyongyang", shoigu },
    { 1, julian (2023, 7, 26), julian (2023, 7, 26), "Shoigu travels to Pyongyang", shoigu },
    { 0, julian (2020, 1, 1), julian (2020, 1, 31), "North Korea closes its borders", korea },
    { 2, julian (2020, 2, 1), julian (2020, 2, 29), "North Korea closes borders", korea },
    { 2, julian (2023, 7, 1), julian (2023, 7, 31), "Prices rise in Seoul", NULL },
    { 1, julian (2023, 7, 1), julian (2023, 7, 31), "Shoigu and Kim inspect missiles", shoigu },
  };
  g_autoptr(GArray) conflicts = g_array_new (FALSE, FALSE, sizeof (BriefGroupingConflict));
  g_autoptr(GArray) groups = brief_group_events (events, G_N_ELEMENTS (events), conflicts);

  g_assert_cmpuint (groups->len, ==, G_N_ELEMENTS (events));
  /* The same visit in two articles is one event with two sources. */
  g_assert_cmpuint (g_array_index (groups, guint, 0), ==, g_array_index (groups, guint, 1));
  /* The same closure with different months: apart, and a conflict. */
  g_assert_cmpuint (g_array_index (groups, guint, 2), !=, g_array_index (groups, guint, 3));
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpuint (g_array_index (conflicts, BriefGroupingConflict, 0).a, ==, 2);
  g_assert_cmpuint (g_array_index (conflicts, BriefGroupingConflict, 0).b, ==, 3);
  /* Unrelated events of the same month stay apart; so do two of one article. */
  g_assert_cmpuint (g_array_index (groups, guint, 4), !=, g_array_index (groups, guint, 0));
  g_assert_cmpuint (g_array_index (groups, guint, 5), !=, g_array_index (groups, guint, 1));
  g_assert_cmpuint (g_array_index (groups, guint, 0), ==, 0);

  g_assert_cmpfloat (brief_grouping_similarity (&events[0], &events[4]), <, 0.5);
  {
    g_autoptr(GArray) none = brief_group_events (NULL, 0, NULL);

    g_assert_cmpuint (none->len, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tagger = brief_date_tagger_new ();

  g_test_add_func ("/titles/headlines", test_headlines);
  g_test_add_func ("/titles/state-and-rank", test_state_and_rank);
  g_test_add_func ("/titles/copular-and-passive", test_copular_and_passive);
  g_test_add_func ("/titles/range", test_range);
  g_test_add_func ("/titles/derived", test_derived_is_a_mention);
  g_test_add_func ("/titles/grouping", test_grouping);

  ret = g_test_run ();
  g_object_unref (tagger);
  return ret;
}
