/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "brief-analysis.h"

static BriefDateTagger *tagger;

static const BriefEntity *
find_entity (BriefAnalysis *analysis,
             const char    *name)
{
  GPtrArray *entities = brief_analysis_get_entities (analysis);

  for (guint i = 0; i < entities->len; i++)
    {
      const BriefEntity *e = g_ptr_array_index (entities, i);

      if (strcmp (e->name, name) == 0)
        return e;
    }
  return NULL;
}

static BriefAnalysis *
run (const char *text)
{
  return brief_analysis_run (tagger, text, "2023-09-05", BRIEF_DOCUMENT_NEWS);
}

static void
test_titles_before_and_after (void)
{
  g_autoptr(BriefAnalysis) a = run ("Russian Defense Minister Sergei Shoigu traveled to Pyongyang. "
                                    "Kim Taewoo, former head of Seoul’s Korea Institute for National "
                                    "Unification, said Shoigu was the first to visit.");
  const BriefEntity *shoigu = find_entity (a, "Sergei Shoigu");
  const BriefEntity *kim = find_entity (a, "Kim Taewoo");
  const BriefEntity *institute = find_entity (a, "Korea Institute for National Unification");

  g_assert_nonnull (shoigu);
  g_assert_cmpint (shoigu->kind, ==, BRIEF_ENTITY_PERSON);
  g_assert_cmpstr (shoigu->role, ==, "Russian Defense Minister");
  g_assert_cmpuint (shoigu->n_mentions, ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) shoigu->aliases, "Shoigu"));
  g_assert_nonnull (kim);
  g_assert_cmpstr (kim->role, ==, "former head of Seoul’s Korea Institute for National Unification");
  g_assert_nonnull (institute);
  g_assert_cmpint (institute->kind, ==, BRIEF_ENTITY_ORGANISATION);
  /* "Russian" names Russia; "Seoul’s" names Seoul. */
  g_assert_nonnull (find_entity (a, "Russia"));
  g_assert_cmpint (find_entity (a, "Russia")->kind, ==, BRIEF_ENTITY_PLACE);
  g_assert_nonnull (find_entity (a, "Seoul"));
}

static void
test_two_kims (void)
{
  g_autoptr(BriefAnalysis) a = run ("North Korean leader Kim Jong Un may travel to Russia. Kim met "
                                    "Putin before. \"It is a sign,\" said Kim Taewoo, an analyst. "
                                    "Kim’s priorities would be aid, experts said.");
  const BriefEntity *leader = find_entity (a, "Kim Jong Un");
  const BriefEntity *analyst = find_entity (a, "Kim Taewoo");

  g_assert_nonnull (leader);
  g_assert_nonnull (analyst);
  g_assert_true (leader != analyst);
  g_assert_cmpstr (leader->role, ==, "North Korean leader");
  g_assert_cmpstr (analyst->role, ==, "analyst");
  /* Both bare "Kim"s go to the leader, the most mentioned Kim. */
  g_assert_cmpuint (leader->n_mentions, ==, 3);
  g_assert_cmpuint (analyst->n_mentions, ==, 1);
}

static void
test_aliases (void)
{
  g_autoptr(BriefAnalysis) a = run ("Kim Jong Un and Putin may meet. President Vladimir Putin said "
                                    "little. Putin left.");
  const BriefEntity *putin = find_entity (a, "Vladimir Putin");
  GArray *mentions = brief_analysis_get_entity_mentions (a);
  const char *text = brief_analysis_get_text (a);

  g_assert_nonnull (putin);
  g_assert_cmpuint (putin->n_mentions, ==, 3);
  g_assert_cmpstr (putin->role, ==, "President");
  g_assert_null (find_entity (a, "Putin"));

  /* Mentions are in text order, with code point spans. */
  for (guint i = 0; i < mentions->len; i++)
    {
      const BriefEntityMention *m = &g_array_index (mentions, BriefEntityMention, i);
      g_autofree char *span = g_utf8_substring (text, m->start, m->end);

      g_assert_cmpuint (m->byte_end - m->byte_start, ==, strlen (span));
      if (i > 0)
        g_assert_cmpuint (m->start, >=, g_array_index (mentions, BriefEntityMention, i - 1).end);
    }
}

static void
test_places_and_orgs (void)
{
  g_autoptr(BriefAnalysis) a = run ("SEOUL, South Korea — Buying munitions would violate U.N. "
                                    "resolutions, said Du Hyeogn Cha of the Asan Institute for Policy "
                                    "Studies. Acme Robotics Inc. opened. Acme Robotics grew.");

  g_assert_nonnull (find_entity (a, "Seoul"));
  g_assert_nonnull (find_entity (a, "South Korea"));
  g_assert_nonnull (find_entity (a, "United Nations"));
  g_assert_cmpint (find_entity (a, "United Nations")->kind, ==, BRIEF_ENTITY_ORGANISATION);
  g_assert_nonnull (find_entity (a, "Asan Institute for Policy Studies"));
  g_assert_nonnull (find_entity (a, "Du Hyeogn Cha"));
  g_assert_nonnull (find_entity (a, "Acme Robotics Inc."));
  g_assert_cmpuint (find_entity (a, "Acme Robotics Inc.")->n_mentions, ==, 2);
  g_assert_null (find_entity (a, "Buying"));
  g_assert_null (find_entity (a, "Acme Robotics"));
}

static void
test_title_case_headline (void)
{
  g_autoptr(BriefAnalysis) a = run ("Robot Maker Opens New Plant In Lyon\n\nThe plant opened.");

  g_assert_nonnull (find_entity (a, "Lyon"));
  g_assert_cmpuint (brief_analysis_get_entities (a)->len, ==, 1);
}

/* Given names make people; "in", "at", a dateline or "mayor" make places. */
static void
test_people_or_places (void)
{
  g_autoptr(BriefAnalysis) a = run ("CREMONA, Italy — Priya Patel spoke in Dhaka. Ahmed Khan was born "
                                    "in Enugu. The violin was played at La Scala. Former Springfield "
                                    "mayor Thomas Hale resigned. She met Grace Otieno in Kisumu. "
                                    "They spoke in English.");
  static const char *const places[] = { "Cremona", "Italy", "Dhaka", "Enugu", "La Scala",
                                        "Springfield", "Kisumu" };
  static const char *const people[] = { "Priya Patel", "Ahmed Khan", "Thomas Hale", "Grace Otieno" };

  for (gsize i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_test_message ("%s", places[i]);
      g_assert_nonnull (find_entity (a, places[i]));
      g_assert_cmpint (find_entity (a, places[i])->kind, ==, BRIEF_ENTITY_PLACE);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_test_message ("%s", people[i]);
      g_assert_nonnull (find_entity (a, people[i]));
      g_assert_cmpint (find_entity (a, people[i])->kind, ==, BRIEF_ENTITY_PERSON);
    }
  g_assert_null (find_entity (a, "Former"));
  g_assert_null (find_entity (a, "English"));
  g_assert_null (find_entity (a, "CREMONA"));
}

/* Roles in apposition after an age, and before the name. */
static void
test_roles_around_names (void)
{
  g_autoptr(BriefAnalysis) a = run ("John Smith, 45, a teacher from Leeds, said he would appeal. "
                                    "The mayor of Houston, Sylvester Turner, spoke first. "
                                    "\"We will not back down,\" the minister, Sarah Jones, said.");

  g_assert_cmpstr (find_entity (a, "John Smith")->role, ==, "teacher from Leeds");
  g_assert_cmpint (find_entity (a, "Leeds")->kind, ==, BRIEF_ENTITY_PLACE);
  g_assert_cmpstr (find_entity (a, "Sylvester Turner")->role, ==, "mayor of Houston");
  g_assert_cmpstr (find_entity (a, "Sarah Jones")->role, ==, "minister");
}

/* Titles inside organisations' names, demonyms before them, "of X" after
 * a person. */
static void
test_organisation_names (void)
{
  g_autoptr(BriefAnalysis) a = run ("They met at the United Nations General Assembly. According to "
                                    "the Vietnamese Ministry of Industry and Trade, trade grew. "
                                    "Nguyen Van Hoa of Vietcombank was cautious.");
  const BriefEntity *ministry = find_entity (a, "Vietnamese Ministry of Industry and Trade");

  g_assert_nonnull (find_entity (a, "United Nations General Assembly"));
  g_assert_null (find_entity (a, "Assembly"));
  g_assert_nonnull (ministry);
  g_assert_cmpint (ministry->kind, ==, BRIEF_ENTITY_ORGANISATION);
  g_assert_true (g_strv_contains ((const char * const *) ministry->aliases,
                                  "Ministry of Industry and Trade"));
  g_assert_cmpint (find_entity (a, "Vietcombank")->kind, ==, BRIEF_ENTITY_ORGANISATION);
  g_assert_cmpint (find_entity (a, "Nguyen Van Hoa")->kind, ==, BRIEF_ENTITY_PERSON);
}

static void
test_copy (void)
{
  g_autoptr(BriefAnalysis) a = run ("Dr. Sarah Chen, chief executive of Acme, spoke.");
  const BriefEntity *chen = find_entity (a, "Sarah Chen");
  g_autoptr(BriefEntity) copy = NULL;

  g_assert_nonnull (chen);
  copy = brief_entity_copy (chen);
  g_assert_cmpstr (copy->name, ==, "Sarah Chen");
  g_assert_cmpstr (copy->role, ==, "chief executive of Acme");
  g_assert_cmpstr (brief_entity_kind_to_string (copy->kind), ==, "person");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tagger = brief_date_tagger_new ();

  g_test_add_func ("/entities/titles-before-and-after", test_titles_before_and_after);
  g_test_add_func ("/entities/two-kims", test_two_kims);
  g_test_add_func ("/entities/aliases", test_aliases);
  g_test_add_func ("/entities/places-and-orgs", test_places_and_orgs);
  g_test_add_func ("/entities/title-case-headline", test_title_case_headline);
  g_test_add_func ("/entities/people-or-places", test_people_or_places);
  g_test_add_func ("/entities/roles-around-names", test_roles_around_names);
  g_test_add_func ("/entities/organisation-names", test_organisation_names);
  g_test_add_func ("/entities/copy", test_copy);

  ret = g_test_run ();
  g_object_unref (tagger);
  return ret;
}
