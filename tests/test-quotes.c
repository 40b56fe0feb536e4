/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "brief-analysis.h"

static BriefDateTagger *tagger;

typedef struct
{
  const char *text;
  const char *quote_starts;  /* of the first quotation */
  const char *speaker;       /* NULL: none */
  guint       n_quotes;
} QuoteCase;

static void
test_speakers (void)
{
  static const QuoteCase cases[] = {
    /* straight and curly marks, "said X", "X said" */
    { "\"We will not retreat from here,\" said Mark Harbers, the minister.",
      "We will not retreat", "Mark Harbers", 1 },
    { "Mark Harbers spoke. “We will not retreat from here,” Harbers said.",
      "We will not retreat", "Mark Harbers", 1 },
    /* a closing mark used to open, glued to the sentence before */
    { "Kim Taewoo spoke last.”Russia is in urgent need of supplies,” said Kim Taewoo, a scholar.",
      "Russia is in urgent need", "Kim Taewoo", 1 },
    /* a pronoun goes to the nearest person */
    { "Elena Rossi opened a shop. “Bakers understand patience very well,” she said.",
      "Bakers understand", "Elena Rossi", 1 },
    /* "according to X" and X said: before the quote */
    { "Kim Taewoo was blunt. According to Kim Taewoo, “this is a sign of real weakness.”",
      "this is a sign", "Kim Taewoo", 1 },
    { "Sarah Chen said: “This is the largest investment in our history.”",
      "This is the largest", "Sarah Chen", 1 },
    /* nested single quotes stay inside */
    { "“It would be a ‘win-win’ deal for both sides,” said Nam Sung-wook.",
      "It would be a ‘win-win’ deal", "Nam Sung-wook", 1 },
    /* a pronoun goes to the nearest person it can stand for */
    { "Maria Lopez met Tom Reyes. “We need more time to decide this,” she said.",
      "We need more time", "Maria Lopez", 1 },
    /* a noun phrase speaker */
    { "“Prices will rise again next year,” experts said.", "Prices will rise", "experts", 1 },
    /* short scare quotes are not quotations */
    { "He called it a “provocation” and left.", NULL, NULL, 0 },
    /* single marks, straight and curly, beside apostrophes */
    { "'We won't back down from this fight,' Sarah Jones said on Monday.",
      "We won't back down", "Sarah Jones", 1 },
    { "‘It’s the voters’ choice, not ours,’ said Ann Lee.", "It’s the voters’ choice", "Ann Lee", 1 },
    { "Ann Lee said the farmers' union had asked for the ’90s rules back.", NULL, NULL, 0 },
    /* a scare quote in single marks, even a long one */
    { "Ann Lee said the trend 'is not a blip at all' in her view.", NULL, NULL, 0 },
    /* the subject in apposition: "the minister, Sarah Jones, said" */
    { "'We will not back down on this,' the minister, Sarah Jones, said.",
      "We will not back down", "Sarah Jones", 1 },
    /* double marks nested in single ones stay inside */
    { "'He told me \"we will win this one\" and I believed him,' said Ann Lee.",
      "He told me \"we will win", "Ann Lee", 1 },
  };

  for (gsize c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(BriefAnalysis) a = brief_analysis_run (tagger, cases[c].text, NULL, BRIEF_DOCUMENT_NEWS);
      GPtrArray *quotes = brief_analysis_get_quotes (a);
      const BriefQuote *q;

      g_test_message ("%s", cases[c].text);
      g_assert_cmpuint (quotes->len, ==, cases[c].n_quotes);
      if (quotes->len == 0)
        continue;
      q = g_ptr_array_index (quotes, 0);
      g_assert_true (g_str_has_prefix (q->text, cases[c].quote_starts));
      g_assert_cmpstr (q->speaker_name, ==, cases[c].speaker);
    }
}

static void
test_speaker_after_long_quote (void)
{
  const char *text = "Nam Sung-wook, a former director of the Institute for National Security "
                     "Strategy, has studied the talks. ”It would be a deal for both, as Putin is "
                     "cornered over his exhausted weapons inventory while Kim faces pressure from "
                     "the trilateral cooperation, and neither of them can wait much longer for it,” "
                     "said Nam Sung-wook. “Their needs are matched perfectly now.”";
  g_autoptr(BriefAnalysis) a = brief_analysis_run (tagger, text, NULL, BRIEF_DOCUMENT_NEWS);
  GPtrArray *quotes = brief_analysis_get_quotes (a);
  const BriefQuote *q;
  g_autofree char *span = NULL;

  g_assert_cmpuint (quotes->len, ==, 2);
  q = g_ptr_array_index (quotes, 0);
  g_assert_cmpstr (q->speaker_name, ==, "Nam Sung-wook");
  g_assert_cmpstr (q->role, ==, "former director of the Institute for National Security Strategy");
  g_assert_cmpint (q->speaker, >=, 0);
  /* Code point spans, marks included. */
  span = g_utf8_substring (text, q->start, q->end);
  g_assert_true (g_str_has_prefix (span, "”It would"));
  g_assert_true (g_str_has_suffix (span, "for it,”"));
  /* The quotation after it, unattributed, continues the speaker. */
  q = g_ptr_array_index (quotes, 1);
  g_assert_cmpstr (q->speaker_name, ==, "Nam Sung-wook");
}

static void
test_paragraphs (void)
{
  const char *text = "Marco Ferri spoke at length.\n\n“The first paragraph of the quotation ends "
                     "here.\n\n“And the second one closes it,” Ferri said.\n\n“An open one never "
                     "closes\n\nNext paragraph.";
  g_autoptr(BriefAnalysis) a = brief_analysis_run (tagger, text, NULL, BRIEF_DOCUMENT_NEWS);
  GPtrArray *quotes = brief_analysis_get_quotes (a);
  const BriefQuote *q;

  g_assert_cmpuint (quotes->len, ==, 2);
  q = g_ptr_array_index (quotes, 0);
  g_assert_cmpstr (q->text, ==, "The first paragraph of the quotation ends here. And the second "
                                "one closes it,");
  g_assert_cmpstr (q->speaker_name, ==, "Marco Ferri");
  q = g_ptr_array_index (quotes, 1);
  g_assert_cmpstr (q->text, ==, "An open one never closes");
}

/* A quotation that ends a paragraph takes no speaker from the next one. */
static void
test_no_speaker_across_paragraphs (void)
{
  const char *text = "'We will not back down,' Sarah Jones said. 'It is the voters' choice.'\n\n"
                     "Professor Anna Berg of Uppsala University said: \"The data are clear.\"";
  g_autoptr(BriefAnalysis) a = brief_analysis_run (tagger, text, NULL, BRIEF_DOCUMENT_NEWS);
  GPtrArray *quotes = brief_analysis_get_quotes (a);

  g_assert_cmpuint (quotes->len, ==, 3);
  g_assert_cmpstr (((BriefQuote *) g_ptr_array_index (quotes, 1))->text, ==,
                   "It is the voters' choice.");
  g_assert_cmpstr (((BriefQuote *) g_ptr_array_index (quotes, 1))->speaker_name, ==, "Sarah Jones");
  g_assert_cmpstr (((BriefQuote *) g_ptr_array_index (quotes, 2))->speaker_name, ==, "Anna Berg");
}

static void
test_copy (void)
{
  g_autoptr(BriefAnalysis) a = brief_analysis_run (tagger, "“We will see about that later,” Ann Lee said.",
                                                   NULL, BRIEF_DOCUMENT_NEWS);
  g_autoptr(BriefQuote) copy = NULL;

  g_assert_cmpuint (brief_analysis_get_quotes (a)->len, ==, 1);
  copy = brief_quote_copy (g_ptr_array_index (brief_analysis_get_quotes (a), 0));
  g_assert_cmpstr (copy->speaker_name, ==, "Ann Lee");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tagger = brief_date_tagger_new ();

  g_test_add_func ("/quotes/speakers", test_speakers);
  g_test_add_func ("/quotes/speaker-after-long-quote", test_speaker_after_long_quote);
  g_test_add_func ("/quotes/paragraphs", test_paragraphs);
  g_test_add_func ("/quotes/no-speaker-across-paragraphs", test_no_speaker_across_paragraphs);
  g_test_add_func ("/quotes/copy", test_copy);

  ret = g_test_run ();
  g_object_unref (tagger);
  return ret;
}
