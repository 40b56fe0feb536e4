/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef G_LOG_DOMAIN
#define G_LOG_DOMAIN "test-timex-rules"
#endif

#include "config.h"

#include "brief-date-tagger.h"
#include "test-timex-expectation.h"

/* Table-driven tests of the date engine's rule families, one table a
 * family, each with the cases it must leave alone.  The document date of
 * every case is Tuesday 5 September 2023 (ISO week 36). */

#define DCT "2023-09-05"
#define N_EXPECT 6

typedef struct
{
  const char        *text;
  BriefDocumentKind  kind;
  /* "text=TYPE:value[@MOD][#freq][/quant]" in text order; none = no timex */
  const char        *expect[N_EXPECT];
} RuleCase;

static BriefDateTagger *tagger;

static void
run_cases (const RuleCase *cases,
           gsize           n_cases)
{
  for (gsize c = 0; c < n_cases; c++)
    {
      const RuleCase *rc = &cases[c];
      g_autoptr(GPtrArray) timexes = brief_date_tagger_find (tagger, rc->text, DCT, rc->kind);
      g_autofree char *expected = test_timex_join (rc->expect, N_EXPECT);
      g_autofree char *got = test_timex_describe (timexes);

      g_test_message ("“%s” → %s", rc->text, got);
      g_assert_cmpstr (got, ==, expected);
    }
}

/* The verb that governs a clause decides between the last and the next
 * month or day of that name. */
static void
test_tense (void)
{
  static const RuleCase cases[] = {
    /* Irregular past forms are past markers: without them the nearer
     * January (2024) would win. */
    { "The company brought in a new chief in January.", BRIEF_DOCUMENT_NEWS,
      { "January=DATE:2023-01" } },
    { "The plant was built in November.", BRIEF_DOCUMENT_NEWS, { "November=DATE:2022-11" } },
    { "He wrote to the board in December.", BRIEF_DOCUMENT_NEWS, { "December=DATE:2022-12" } },
    /* A present-tense clause takes the nearer date, even after "said". */
    { "It said it is calling the bonds on Dec. 7.", BRIEF_DOCUMENT_NEWS,
      { "Dec. 7=DATE:2023-12-07" } },
    { "It said the bonds were called on Dec. 7.", BRIEF_DOCUMENT_NEWS,
      { "Dec. 7=DATE:2022-12-07" } },
    /* "is to" speaks of the future. */
    { "The shares are to resume trading Friday.", BRIEF_DOCUMENT_NEWS,
      { "Friday=DATE:2023-09-08" } },
    { "The shares resumed trading Friday.", BRIEF_DOCUMENT_NEWS, { "Friday=DATE:2023-09-01" } },
    /* "effective" announces a date still to come. */
    { "The board created the post, effective Feb. 1.", BRIEF_DOCUMENT_NEWS,
      { "Feb. 1=DATE:2024-02-01" } },
    { "The board created the post on Feb. 1.", BRIEF_DOCUMENT_NEWS,
      { "Feb. 1=DATE:2023-02-01" } },
    /* An infinitive after a past verb leaves the time open. */
    { "It agreed to buy the line in February.", BRIEF_DOCUMENT_NEWS,
      { "February=DATE:2024-02" } },
    { "It bought the line in February.", BRIEF_DOCUMENT_NEWS, { "February=DATE:2023-02" } },
    { "They will want to meet Friday.", BRIEF_DOCUMENT_NEWS, { "Friday=DATE:2023-09-08" } },
    /* "the previous Friday" counts from the day last mentioned. */
    { "It closed Thursday, Aug. 24, after a drop the previous Friday.", BRIEF_DOCUMENT_NEWS,
      { "Thursday, Aug. 24=DATE:2023-08-24", "the previous Friday=DATE:2023-08-18" } },
    { "He met her the following Monday.", BRIEF_DOCUMENT_NEWS,
      { "the following Monday=DATE:2023-09-11" } },
    /* "next" and "last" are tense markers only before a time word. */
    { "Dozens died in the blast next to the embassy on Friday.", BRIEF_DOCUMENT_NEWS,
      { "Friday=DATE:2023-09-01" } },
    { "They will meet next Friday.", BRIEF_DOCUMENT_NEWS, { "next Friday=DATE:2023-09-08" } },
    { "The last guest arrived on Friday.", BRIEF_DOCUMENT_NEWS, { "Friday=DATE:2023-09-01" } },
    /* Intentions and modals look ahead; "set", "plan" only before "to". */
    { "The hearing is set to reopen Monday.", BRIEF_DOCUMENT_NEWS,
      { "Monday=DATE:2023-09-11" } },
    { "The union set fire to the crates Monday.", BRIEF_DOCUMENT_NEWS,
      { "Monday=DATE:2023-09-04" } },
    { "Staff did not plan to move the files on Thursday.", BRIEF_DOCUMENT_NEWS,
      { "Thursday=DATE:2023-09-07" } },
    { "The mayor unveiled the plan Aug. 21.", BRIEF_DOCUMENT_NEWS,
      { "Aug. 21=DATE:2023-08-21" } },
    { "The council may vote on Friday.", BRIEF_DOCUMENT_NEWS, { "Friday=DATE:2023-09-08" } },
    /* A modal perfect infers the past; "May" is still a month. */
    { "The leak may have started on Friday.", BRIEF_DOCUMENT_NEWS,
      { "Friday=DATE:2023-09-01" } },
    { "Sales rose in May.", BRIEF_DOCUMENT_NEWS, { "May=DATE:2023-05" } },
    /* A plan in the past perfect was for a day now past. */
    { "The permit had been scheduled to lapse Friday evening.", BRIEF_DOCUMENT_NEWS,
      { "Friday evening=DATE:2023-09-01TEV" } },
    /* A trailing attribution has the tense of the telling, not of what
     * is told. */
    { "The league has decided to admit two teams in October, an official said.",
      BRIEF_DOCUMENT_NEWS, { "October=DATE:2023-10" } },
    { "Sales fell in October, the company said.", BRIEF_DOCUMENT_NEWS,
      { "October=DATE:2022-10" } },
    /* "succeed" ends in "ed" but is no past form. */
    { "She will succeed him Feb. 10.", BRIEF_DOCUMENT_NEWS, { "Feb. 10=DATE:2024-02-10" } },
    /* A future clause about a day of the past week tells of it from
     * before it; a month back it is next year's. */
    { "The new fares would take effect Sept. 2.", BRIEF_DOCUMENT_NEWS,
      { "Sept. 2=DATE:2023-09-02" } },
    { "The new fares will take effect Aug. 20.", BRIEF_DOCUMENT_NEWS,
      { "Aug. 20=DATE:2024-08-20" } },
    /* A participle before "by" has no tense: the clause's "will" decides. */
    { "The chain will open stores by March in towns untouched by the slump.",
      BRIEF_DOCUMENT_NEWS, { "March=DATE:2024-03" } },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

/* Reports compare periods: a quarter with the same quarter a year before,
 * nine months with the year before; news compares with the same period
 * again, narratives chain their offsets. */
static void
test_report_periods (void)
{
  static const RuleCase cases[] = {
    { "Net rose in the third quarter from a year earlier.", BRIEF_DOCUMENT_NEWS,
      { "the third quarter=DATE:2023-Q3", "a year earlier=DATE:2022-Q3" } },
    { "Net rose in the third quarter. For the nine months, net fell from a year earlier.",
      BRIEF_DOCUMENT_NEWS,
      { "the third quarter=DATE:2023-Q3", "the nine months=DURATION:P9M",
        "a year earlier=DATE:2022" } },
    /* A quarter's length is no wider period. */
    { "Net rose in the third quarter. Within three months, costs fell from a year earlier.",
      BRIEF_DOCUMENT_NEWS,
      { "the third quarter=DATE:2023-Q3", "three months=DURATION:P3M",
        "a year earlier=DATE:2022-Q3" } },
    /* The comparison is with the report's quarter, not with one it
     * mentions in passing before or long ago. */
    { "Net rose in the third quarter after a flat second quarter, up from a year ago.",
      BRIEF_DOCUMENT_NEWS,
      { "the third quarter=DATE:2023-Q3", "second quarter=DATE:2023-Q2",
        "a year ago=DATE:2022-Q3" } },
    { "It stopped paying in the third quarter of 1984. Third-quarter net rose from a year ago.",
      BRIEF_DOCUMENT_NEWS,
      { "the third quarter of 1984=DATE:1984-Q3", "Third-quarter=DATE:2023-Q3",
        "a year ago=DATE:2022-Q3" } },
    /* "last year" as the figure compared with is the report's quarter a
     * year back; as the subject of its own sentence it is the year. */
    { "Net rose in the second quarter. Fees were $5 million, up from $4 million last year.",
      BRIEF_DOCUMENT_NEWS,
      { "the second quarter=DATE:2023-Q2", "last year=DATE:2022-Q2" } },
    { "Net rose in the second quarter. Last year the firm lost money.", BRIEF_DOCUMENT_NEWS,
      { "the second quarter=DATE:2023-Q2", "Last year=DATE:2022" } },
    /* "from" compares only with a figure. */
    { "Net rose in the second quarter. Sales grew from last year's $9 million.",
      BRIEF_DOCUMENT_NEWS,
      { "the second quarter=DATE:2023-Q2", "last year=DATE:2022-Q2" } },
    { "Net rose in the second quarter. The chief moved from Paris last year.",
      BRIEF_DOCUMENT_NEWS,
      { "the second quarter=DATE:2023-Q2", "last year=DATE:2022" } },
    /* A forecast's quarter named before is not what "year-ago" compares
     * with; in its own sentence it is. */
    { "Net fell in the second quarter. Losses may last through the first quarter of 2024. "
      "In the year-ago period, net rose.", BRIEF_DOCUMENT_NEWS,
      { "the second quarter=DATE:2023-Q2", "the first quarter of 2024=DATE:2024-Q1",
        "the year-ago period=DATE:2022-Q2" } },
    { "Net fell in the second quarter. Sales in the fourth quarter may top those a year earlier.",
      BRIEF_DOCUMENT_NEWS,
      { "the second quarter=DATE:2023-Q2", "the fourth quarter=DATE:2023-Q4",
        "a year earlier=DATE:2022-Q4" } },
    /* After a report widens to a length of months, the period compared
     * with is such a length; before, it is the quarter. */
    { "Net rose in the third quarter. For the nine months, net rose from the year-earlier period.",
      BRIEF_DOCUMENT_NEWS,
      { "the third quarter=DATE:2023-Q3", "the nine months=DURATION:P9M",
        "the year-earlier period=DURATION:P9M" } },
    { "Net rose in the third quarter from the year-earlier period.", BRIEF_DOCUMENT_NEWS,
      { "the third quarter=DATE:2023-Q3", "the year-earlier period=DATE:2022-Q3" } },
    { "Costs for the year-ago six months were restated.", BRIEF_DOCUMENT_NEWS,
      { "the year-ago six months=DURATION:P6M" } },
    /* The day that closes a quarter leaves the quarter the period spoken
     * of. */
    { "Net rose in the second quarter ended June 30. A year earlier the firm lost money.",
      BRIEF_DOCUMENT_NEWS,
      { "the second quarter=DATE:2023-Q2", "June 30=DATE:2023-06-30",
        "A year earlier=DATE:2022-Q2" } },
    /* A period closed on a day compares with that day a year back, not
     * when a length came between them. */
    { "For the half ended June 10, revenue rose from a year earlier.", BRIEF_DOCUMENT_NEWS,
      { "June 10=DATE:2023-06-10", "a year earlier=DATE:2022-06-10" } },
    { "By June 10 it had sold more in the first nine months than a year earlier.",
      BRIEF_DOCUMENT_NEWS,
      { "June 10=DATE:2023-06-10", "the first nine months=DURATION:P9M",
        "a year earlier=DATE:2022" } },
    { "Sales fell from a year ago, and costs rose from a year earlier.", BRIEF_DOCUMENT_NEWS,
      { "a year ago=DATE:2022", "a year earlier=DATE:2022" } },
    { "Sales fell from a year ago; the year-earlier figure was restated.", BRIEF_DOCUMENT_NEWS,
      { "a year ago=DATE:2022", "year-earlier=DATE:2022" } },
    /* The period compared with is the report's quarter, the first one it
     * names, in the year given; after "the nine months", the year. */
    { "Net rose in the third quarter. The 2022 period had a loss.", BRIEF_DOCUMENT_NEWS,
      { "the third quarter=DATE:2023-Q3", "The 2022 period=DATE:2022-Q3" } },
    { "Net rose in the third quarter after a flat second quarter, against the corresponding "
      "period last year.", BRIEF_DOCUMENT_NEWS,
      { "the third quarter=DATE:2023-Q3", "second quarter=DATE:2023-Q2",
        "the corresponding period last year=DATE:2022-Q3" } },
    { "Net rose in the third quarter. Results for the quarter a year ago were weak.",
      BRIEF_DOCUMENT_NEWS,
      { "the third quarter=DATE:2023-Q3", "the quarter a year ago=DATE:2022-Q3" } },
    { "Net rose in the third quarter. In the nine months, it beat the 2022 period.",
      BRIEF_DOCUMENT_NEWS,
      { "the third quarter=DATE:2023-Q3", "the nine months=DURATION:P9M",
        "the 2022 period=DATE:2022" } },
    { "The 2022 period was calm.", BRIEF_DOCUMENT_NEWS, { "The 2022 period=DATE:2022" } },
    { "Net rose in the third quarter, not last year. Sales in the latest period fell.",
      BRIEF_DOCUMENT_NEWS,
      { "the third quarter=DATE:2023-Q3", "last year=DATE:2022", "the latest period=DATE:2023-Q3" } },
    { "The deal should close by year end.", BRIEF_DOCUMENT_NEWS, { "year end=DATE:2023" } },
    /* A market report's week is that of the day it just spoke of. */
    { "The index slid 2% on Friday. For the week, it lost 4%.", BRIEF_DOCUMENT_NEWS,
      { "Friday=DATE:2023-09-01", "the week=DATE:2023-W35" } },
    { "The week's busiest session came early.", BRIEF_DOCUMENT_NEWS,
      { "The week=DATE:2023-W36" } },
    /* "year-end", the closing day of a year: the next one ahead, the last
     * one after "since". */
    { "The sale should close by year-end.", BRIEF_DOCUMENT_NEWS,
      { "year-end=DATE:2023-12-31" } },
    { "The index is up 8% since year-end.", BRIEF_DOCUMENT_NEWS,
      { "year-end=DATE:2022-12-31" } },
    { "Prices have doubled since November.", BRIEF_DOCUMENT_NEWS,
      { "November=DATE:2022-11" } },
    { "Sales rose in the last half of 2022.", BRIEF_DOCUMENT_NEWS,
      { "the last half of 2022=DATE:2022-H2" } },
    { "Prices rose in the first half of the 1990s and fell in the last half of the '80s.",
      BRIEF_DOCUMENT_NEWS,
      { "the first half of the 1990s=DATE:199@START", "the last half of the '80s=DATE:198@END" } },
    { "It ended at the end of the 1990s, in the first half of the twentieth century.",
      BRIEF_DOCUMENT_NEWS,
      { "the end of the 1990s=DATE:199@END", "the first half of the twentieth century=DATE:19@START" } },
    /* A year keeps its own halves; a half without one leaves "of" outside. */
    { "Sales rose in the first half of 2022 and the second half of the plan.", BRIEF_DOCUMENT_NEWS,
      { "the first half of 2022=DATE:2022-H1", "the second half=DATE:2023-H2" } },
    { "Prices peaked in the 1990s.", BRIEF_DOCUMENT_NEWS, { "1990s=DATE:199" } },
    /* A relative date in title case just inside an opening quote is a
     * show's name; lower case or outside quotes it is still a date. */
    { "Baker said on ABC's \"This Week With David Brinkley\" that talks failed.",
      BRIEF_DOCUMENT_NEWS, { NULL } },
    { "Baker, speaking on \u201cNext Year,\u201d said no.", BRIEF_DOCUMENT_NEWS, { NULL } },
    { "He said \"this week is busy.\"", BRIEF_DOCUMENT_NEWS, { "this week=DATE:2023-W36" } },
    { "This Week the talks resume.", BRIEF_DOCUMENT_NEWS, { "This Week=DATE:2023-W36" } },
    /* A part of a day counted from the day last mentioned. */
    { "The ship docked on Aug. 3. The crew left the next morning. That night it snowed.",
      BRIEF_DOCUMENT_NEWS,
      { "Aug. 3=DATE:2023-08-03", "the next morning=TIME:2023-08-04TMO",
        "That night=TIME:2023-08-04TNI" } },
    { "He will fly out next morning.", BRIEF_DOCUMENT_NEWS,
      { "next morning=TIME:2023-09-06TMO" } },
    { "It stormed last night; the previous evening was calm.", BRIEF_DOCUMENT_NEWS,
      { "last night=TIME:2023-09-04TNI", "the previous evening=TIME:2023-09-03TEV" } },
    /* "past" counts back from now only with a unit, not a part of a day. */
    { "He slept badly the past night.", BRIEF_DOCUMENT_NEWS, { NULL } },
    { "Sales rose in the final quarter of 2022.", BRIEF_DOCUMENT_NEWS,
      { "the final quarter of 2022=DATE:2022-Q4" } },
    { "He moved in 1920. Two years later he married, and a year later his son was born.",
      BRIEF_DOCUMENT_NARRATIVE,
      { "1920=DATE:1920", "Two years later=DATE:1922", "a year later=DATE:1923" } },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

/* Repeated times. */
static void
test_sets (void)
{
  static const RuleCase cases[] = {
    { "The festival is held each July.", BRIEF_DOCUMENT_NEWS, { "each July=SET:XXXX-07/EACH" } },
    { "They travel every summer.", BRIEF_DOCUMENT_NEWS, { "every summer=SET:XXXX-SU/EVERY" } },
    { "Average hourly earnings rose.", BRIEF_DOCUMENT_NEWS, { "hourly=SET:PT1H" } },
    { "They meet every Monday.", BRIEF_DOCUMENT_NEWS, { "every Monday=SET:XXXX-WXX-1/EVERY" } },
    /* A plural weekday or part of a weekday is every one of them. */
    { "The market opens on Saturdays.", BRIEF_DOCUMENT_NEWS, { "Saturdays=SET:XXXX-WXX-6" } },
    { "The show airs Thursday evenings.", BRIEF_DOCUMENT_NEWS,
      { "Thursday evenings=SET:XXXX-WXX-4TEV" } },
    { "She phones each Sunday morning.", BRIEF_DOCUMENT_NEWS,
      { "each Sunday morning=SET:XXXX-WXX-7TMO/EACH" } },
    { "The show aired Thursday evening.", BRIEF_DOCUMENT_NEWS,
      { "Thursday evening=DATE:2023-08-31TEV" } },
    /* Not months, not sets. */
    { "Each may bring a guest.", BRIEF_DOCUMENT_NEWS, { NULL } },
    { "Every march ends somewhere.", BRIEF_DOCUMENT_NEWS, { NULL } },
    { "Each summit ended early.", BRIEF_DOCUMENT_NEWS, { NULL } },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

/* Bare years before a name, lengths and vague references. */
static void
test_years_and_lengths (void)
{
  static const RuleCase cases[] = {
    /* A year, one name, then the noun they qualify. */
    { "He was charged in the 1996 Olympic bombing.", BRIEF_DOCUMENT_NEWS,
      { "1996=DATE:1996" } },
    { "He cut his 1990 Anheuser earnings projection.", BRIEF_DOCUMENT_NEWS,
      { "1990=DATE:1990" } },
    { "The 1991 Sunday Times reported it.", BRIEF_DOCUMENT_NEWS, { NULL } },
    { "She led the 1500 Marines ashore.", BRIEF_DOCUMENT_NEWS, { NULL } },
    { "The 1996 Olympics ended.", BRIEF_DOCUMENT_NEWS, { NULL } },
    /* One adjective may stand between the determiner and the year. */
    { "She recalled her failed 1998 campaign.", BRIEF_DOCUMENT_NEWS, { "1998=DATE:1998" } },
    { "They sold the remaining 2000 shares.", BRIEF_DOCUMENT_NEWS, { NULL } },
    /* Lengths. */
    { "They stayed two more weeks.", BRIEF_DOCUMENT_NEWS, { "two more weeks=DURATION:P2W" } },
    /* The second day of a range takes the month of the first. */
    { "The fair opens on Oct. 14 and 15.", BRIEF_DOCUMENT_NEWS,
      { "Oct. 14=DATE:2023-10-14", "15=DATE:2023-10-15" } },
    { "It ran Aug. 25-27, organisers said.", BRIEF_DOCUMENT_NEWS,
      { "Aug. 25=DATE:2023-08-25", "27=DATE:2023-08-27" } },
    { "On Aug. 24 and 25 people came.", BRIEF_DOCUMENT_NEWS, { "Aug. 24=DATE:2023-08-24" } },
    { "Prices rose Aug. 24 to 25%.", BRIEF_DOCUMENT_NEWS, { "Aug. 24=DATE:2023-08-24" } },
    /* "24 hours a day, seven days a week" is "always". */
    { "Guards stand there 24 hours a day, seven days a week.", BRIEF_DOCUMENT_NEWS, { NULL } },
    { "The repair took 24 hours.", BRIEF_DOCUMENT_NEWS, { "24 hours=DURATION:PT24H" } },
    /* A quarter of something is a share, a quarter of losses a time. */
    { "Funds hold more than a quarter of the market.", BRIEF_DOCUMENT_NEWS, { NULL } },
    { "It turned a profit after several quarters of losses.", BRIEF_DOCUMENT_NEWS,
      { "several quarters=DURATION:PXQ" } },
    /* Days of a kind are still days. */
    { "Shares fell for eight trading days.", BRIEF_DOCUMENT_NEWS,
      { "eight trading days=DURATION:P8D" } },
    /* "the next day" counts from the day last mentioned. */
    { "The ferry docked on Aug. 3. The next day it sailed on.", BRIEF_DOCUMENT_NEWS,
      { "Aug. 3=DATE:2023-08-03", "The next day=DATE:2023-08-04" } },
    /* "a decade ago" is a year, not the decade before this one. */
    { "A decade ago the site was a farm.", BRIEF_DOCUMENT_NEWS,
      { "A decade ago=DATE:2013" } },
    /* "will one day" is "some day". */
    { "She hopes the town will one day host the games.", BRIEF_DOCUMENT_NEWS,
      { "one day=DATE:FUTURE_REF" } },
    { "The strike will run for one day.", BRIEF_DOCUMENT_NEWS, { "one day=DURATION:P1D" } },
    { "It needs an additional year.", BRIEF_DOCUMENT_NEWS,
      { "an additional year=DURATION:P1Y" } },
    { "A day-long strike began.", BRIEF_DOCUMENT_NEWS, { "day-long=DURATION:P1D" } },
    { "A two-week-long visit ended.", BRIEF_DOCUMENT_NEWS, { "two-week-long=DURATION:P2W" } },
    { "Two more people came.", BRIEF_DOCUMENT_NEWS, { NULL } },
    { "A decades-long feud ended.", BRIEF_DOCUMENT_NEWS, { "decades-long=DURATION:PXDE" } },
    { "Prices will rise in the weeks ahead.", BRIEF_DOCUMENT_NEWS,
      { "the weeks ahead=DURATION:PXW" } },
    { "She spoke on the program 60 Minutes.", BRIEF_DOCUMENT_NEWS, { NULL } },
    { "She spoke for 60 minutes.", BRIEF_DOCUMENT_NEWS, { "60 minutes=DURATION:PT60M" } },
    { "A long day ended.", BRIEF_DOCUMENT_NEWS, { NULL } },
    /* Vague references. */
    { "Profits will suffer in the near term.", BRIEF_DOCUMENT_NEWS,
      { "the near term=DATE:FUTURE_REF" } },
    { "Few people write letters these days.", BRIEF_DOCUMENT_NEWS,
      { "these days=DATE:PRESENT_REF" } },
    /* Current at a time now past. */
    { "The then-current rules were stricter than the current ones.", BRIEF_DOCUMENT_NEWS,
      { "then-current=DATE:PAST_REF", "current=DATE:PRESENT_REF" } },
    { "These terms are fair.", BRIEF_DOCUMENT_NEWS, { NULL } },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

/* Names of months, weekdays and seasons that need a context to be dates. */
static void
test_calendar_context (void)
{
  static const RuleCase cases[] = {
    /* A weekday that opens the sentence before a comma or a possessive. */
    { "Friday, an official said tips came in.", BRIEF_DOCUMENT_NEWS,
      { "Friday=DATE:2023-09-01" } },
    { "Sunday's service included candles.", BRIEF_DOCUMENT_NEWS, { "Sunday=DATE:2023-09-03" } },
    { "Friday Harbor is a town.", BRIEF_DOCUMENT_NEWS, { NULL } },
    { "Sunday Times editors met.", BRIEF_DOCUMENT_NEWS, { NULL } },
    /* A month between a determiner and the noun it dates. */
    { "It acts under a June agreement with a group.", BRIEF_DOCUMENT_NEWS,
      { "June=DATE:2023-06" } },
    { "The March accession will help.", BRIEF_DOCUMENT_NEWS, { "March=DATE:2024-03" } },
    { "They joined a March to the capital.", BRIEF_DOCUMENT_NEWS, { NULL } },
    { "She met the May of old.", BRIEF_DOCUMENT_NEWS, { NULL } },
    { "He thanked April and June.", BRIEF_DOCUMENT_NEWS, { NULL } },
    /* A season after "into the", with its article. */
    { "Demand stayed high well into the summer.", BRIEF_DOCUMENT_NEWS,
      { "the summer=DATE:2023-SU" } },
    { "He read The Fall of Rome.", BRIEF_DOCUMENT_NEWS, { NULL } },
    { "She loves the summer.", BRIEF_DOCUMENT_NEWS, { NULL } },
    /* "today's" before the present age is no day; before an event it is. */
    { "The app is a hit with today's teenagers.", BRIEF_DOCUMENT_NEWS, { NULL } },
    { "Prices in today's dollars stayed flat.", BRIEF_DOCUMENT_NEWS, { NULL } },
    { "Today's vote was close.", BRIEF_DOCUMENT_NEWS, { "Today=DATE:2023-09-05" } },
    /* "the jobs of tomorrow" are of an age to come, not of a day. */
    { "Schools must teach the skills of tomorrow.", BRIEF_DOCUMENT_NEWS, { NULL } },
    { "It must be done by the end of today.", BRIEF_DOCUMENT_NEWS,
      { "the end of today=DATE:2023-09-05@END" } },
    /* A capitalised "Today" closing a name is a paper or a show. */
    { "The poll ran in USA Today and other papers.", BRIEF_DOCUMENT_NEWS, { NULL } },
    { "The mayor resigned Today, aides said.", BRIEF_DOCUMENT_NEWS,
      { "Today=DATE:2023-09-05" } },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

/* Parts of the day and clock times. */
static void
test_times (void)
{
  static const RuleCase cases[] = {
    { "Shares fell mid-afternoon yesterday.", BRIEF_DOCUMENT_NEWS,
      { "mid-afternoon yesterday=TIME:2023-09-04TAF@MID" } },
    { "It rained in the evening today.", BRIEF_DOCUMENT_NEWS,
      { "evening today=TIME:2023-09-05TEV" } },
    { "It rained this evening.", BRIEF_DOCUMENT_NEWS, { "this evening=TIME:2023-09-05TEV" } },
    { "They left in the early morning.", BRIEF_DOCUMENT_NEWS,
      { "the early morning=TIME:2023-09-05TMO@START" } },
    { "It struck at 4 in the morning.", BRIEF_DOCUMENT_NEWS,
      { "4 in the morning=TIME:2023-09-05T04:00" } },
    { "It ended at 10 in the evening.", BRIEF_DOCUMENT_NEWS,
      { "10 in the evening=TIME:2023-09-05T22:00" } },
    /* A part of the day alone is no time, nor is a count of things. */
    { "The morning was quiet.", BRIEF_DOCUMENT_NEWS, { NULL } },
    { "She has 4 in the family.", BRIEF_DOCUMENT_NEWS, { NULL } },
    /* "the last night" of a stay is its final one, not yesterday's. */
    { "Crowds filled the square on the last night of the fair.", BRIEF_DOCUMENT_NEWS,
      { NULL } },
    { "It was her last night in Rome.", BRIEF_DOCUMENT_NEWS, { NULL } },
    { "Crowds filled the square last night.", BRIEF_DOCUMENT_NEWS,
      { "last night=TIME:2023-09-04TNI" } },
    /* A weekday in or after a bracket after the clock time is its day. */
    { "The blast came at 10:35 a.m. (0735 GMT) Friday.", BRIEF_DOCUMENT_NEWS,
      { "10:35 a.m.=TIME:2023-09-01T10:35", "Friday=DATE:2023-09-01" } },
    { "It ended at 3 p.m. (local time).", BRIEF_DOCUMENT_NEWS,
      { "3 p.m.=TIME:2023-09-05T15:00" } },
    /* "high noon" is a showdown. */
    { "For the party it is high noon.", BRIEF_DOCUMENT_NEWS, { NULL } },
    { "The vote closes at noon.", BRIEF_DOCUMENT_NEWS, { "noon=TIME:2023-09-05T12:00" } },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

/* Where an expression starts and ends. */
static void
test_spans (void)
{
  static const RuleCase cases[] = {
    /* "earlier", "late" stay outside a weekday, not outside its part of
     * the day nor outside a month. */
    { "Earlier Friday, lawyers filed a petition.", BRIEF_DOCUMENT_NEWS,
      { "Friday=DATE:2023-09-01" } },
    { "Late Monday, officials said it was over.", BRIEF_DOCUMENT_NEWS,
      { "Monday=DATE:2023-09-04" } },
    { "They met early Friday morning.", BRIEF_DOCUMENT_NEWS,
      { "early Friday morning=DATE:2023-09-01TMO@START" } },
    { "Prices fell in early March.", BRIEF_DOCUMENT_NEWS, { "early March=DATE:2023-03@START" } },
    /* "post-1959", "pre-2008" */
    { "The post-1959 exiles left.", BRIEF_DOCUMENT_NEWS, { "post-1959=DATE:1959@AFTER" } },
    { "Prices fell to pre-2008 levels.", BRIEF_DOCUMENT_NEWS, { "pre-2008=DATE:2008@BEFORE" } },
    { "The post-war order held.", BRIEF_DOCUMENT_NEWS, { NULL } },
    /* The article before a compound goes with its noun. */
    { "The third-quarter results beat the fiscal second-quarter loss.", BRIEF_DOCUMENT_NEWS,
      { "third-quarter=DATE:2023-Q3", "fiscal second-quarter=DATE:2023-Q2" } },
    { "Sales rose in the third quarter.", BRIEF_DOCUMENT_NEWS,
      { "the third quarter=DATE:2023-Q3" } },
    /* Modifiers written after the expression. */
    { "Rates will stay low for the next year or so.", BRIEF_DOCUMENT_NEWS,
      { "the next year or so=DATE:2024@APPROX" } },
    { "It won't be profitable until 1994 or later.", BRIEF_DOCUMENT_NEWS,
      { "1994 or later=DATE:1994@ON_OR_AFTER" } },
    { "Plans for 2030 and beyond were shown.", BRIEF_DOCUMENT_NEWS,
      { "2030 and beyond=DATE:2030@ON_OR_AFTER" } },
    { "It opened a week or so ago.", BRIEF_DOCUMENT_NEWS,
      { "a week or so ago=DATE:2023-W35@APPROX" } },
    { "In 1994 or later years it grew.", BRIEF_DOCUMENT_NEWS, { "1994=DATE:1994" } },
    { "For two years or so many people left.", BRIEF_DOCUMENT_NEWS,
      { "two years=DURATION:P2Y" } },
    /* The week of a day. */
    { "Talks will resume the week of March 6.", BRIEF_DOCUMENT_NEWS,
      { "the week of March 6=DATE:2024-W10" } },
    { "Talks resumed the week of March 6, 2023, in Geneva.", BRIEF_DOCUMENT_NEWS,
      { "the week of March 6, 2023=DATE:2023-W10" } },
    { "It was the week of work.", BRIEF_DOCUMENT_NEWS, { NULL } },
    /* A month and the year named after it. */
    { "It happened in January last year.", BRIEF_DOCUMENT_NEWS,
      { "January last year=DATE:2022-01" } },
    { "It opens June 5 next year.", BRIEF_DOCUMENT_NEWS, { "June 5 next year=DATE:2024-06-05" } },
    { "It rained this past spring.", BRIEF_DOCUMENT_NEWS, { "this past spring=DATE:2023-SP" } },
    /* "around" joins a clock time or a day; "about" and "get around" do
     * not. */
    { "He arrived around 7:15 p.m. on foot.", BRIEF_DOCUMENT_NEWS,
      { "around 7:15 p.m.=TIME:2023-09-05T19:15@APPROX" } },
    { "The deal closes around Nov. 1.", BRIEF_DOCUMENT_NEWS,
      { "around Nov. 1=DATE:2023-11-01@APPROX" } },
    { "They talk about Nov. 1.", BRIEF_DOCUMENT_NEWS, { "Nov. 1=DATE:2023-11-01" } },
    { "They looked for ways to get around Wednesday's ruling.", BRIEF_DOCUMENT_NEWS,
      { "Wednesday=DATE:2023-08-30" } },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  tagger = brief_date_tagger_new ();

  g_test_add_func ("/timex/rules/tense", test_tense);
  g_test_add_func ("/timex/rules/report-periods", test_report_periods);
  g_test_add_func ("/timex/rules/sets", test_sets);
  g_test_add_func ("/timex/rules/spans", test_spans);
  g_test_add_func ("/timex/rules/times", test_times);
  g_test_add_func ("/timex/rules/calendar-context", test_calendar_context);
  g_test_add_func ("/timex/rules/years-and-lengths", test_years_and_lengths);

  status = g_test_run ();
  g_object_unref (tagger);
  return status;
}
