/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-timeml-gold"

#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "brief-timex.h"
#include "brief-timeml-gold.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

static const char * const type_names[] = { "DATE", "TIME", "DURATION", "SET" };

int
gold_type_index (const char *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_names); i++)
    if (g_strcmp0 (type, type_names[i]) == 0)
      return i;
  return 0;
}

static void
gold_timex_clear (GoldTimex *t)
{
  g_free (t->type);
  g_free (t->value);
  g_free (t->mod);
}

void
gold_document_free (GoldDocument *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->name);
  g_free (doc->text);
  g_free (doc->dct);
  g_clear_pointer (&doc->timexes, g_array_unref);
  g_free (doc);
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *v = xmlGetProp (node, (const xmlChar *) name);
  char *copy = v != NULL ? g_strdup ((const char *) v) : NULL;

  xmlFree (v);
  return copy;
}

/* Appends the text under @node to @text, recording TIMEX3 spans. */
static void
walk_text (xmlNode      *node,
           GString      *text,
           GoldDocument *doc)
{
  for (xmlNode *n = node->children; n != NULL; n = n->next)
    {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        {
          g_string_append (text, (const char *) n->content);
        }
      else if (n->type == XML_ELEMENT_NODE)
        {
          gboolean is_timex = strcmp ((const char *) n->name, "TIMEX3") == 0;
          GoldTimex t = { 0, };

          t.start = text->len;
          walk_text (n, text, doc);
          if (is_timex)
            {
              t.end = text->len;
              t.type = get_attr (n, "type");
              t.value = get_attr (n, "value");
              t.mod = get_attr (n, "mod");
              g_array_append_val (doc->timexes, t);
            }
        }
    }
}

static xmlNode *
find_element (xmlNode    *node,
              const char *name)
{
  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      xmlNode *found;

      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (strcmp ((const char *) n->name, name) == 0)
        return n;
      found = find_element (n->children, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GoldDocument *
gold_document_load (const char  *path,
                    GError     **error)
{
  g_autoptr(xmlDoc) xml = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING
                                                   | XML_PARSE_NOERROR);
  g_autoptr(GString) text = g_string_new (NULL);
  GoldDocument *doc;
  xmlNode *root, *body, *dct;

  if (xml == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: not XML", path);
      return NULL;
    }

  root = xmlDocGetRootElement (xml);
  body = find_element (root, "TEXT");
  if (body == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: no <TEXT>", path);
      return NULL;
    }

  doc = g_new0 (GoldDocument, 1);
  doc->name = g_path_get_basename (path);
  doc->timexes = g_array_new (FALSE, TRUE, sizeof (GoldTimex));
  g_array_set_clear_func (doc->timexes, (GDestroyNotify) gold_timex_clear);

  dct = find_element (root, "DCT");
  if (dct != NULL && (dct = find_element (dct->children, "TIMEX3")) != NULL)
    {
      g_autofree char *value = get_attr (dct, "value");

      if (value != NULL && strlen (value) >= 10)
        doc->dct = g_strndup (value, 10);
    }

  walk_text (body, text, doc);
  doc->text = g_string_free (g_steal_pointer (&text), FALSE);

  return doc;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
gold_documents_load_dirs (const char * const  *dirs,
                          GError             **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) gold_document_free);

  for (guint d = 0; dirs[d] != NULL; d++)
    {
      g_autoptr(GDir) dir = g_dir_open (dirs[d], 0, error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        return NULL;
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".tml") && name[0] != '.')
          g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);

      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *path = g_build_filename (dirs[d], names->pdata[i], NULL);
          GoldDocument *doc = gold_document_load (path, error);

          if (doc == NULL)
            return NULL;
          g_ptr_array_add (docs, doc);
        }
    }

  return g_steal_pointer (&docs);
}

double
gold_f1 (guint hits,
         guint n_sys,
         guint n_gold)
{
  double p = n_sys > 0 ? (double) hits / n_sys : 0;
  double r = n_gold > 0 ? (double) hits / n_gold : 0;

  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static char *
describe_gold (const GoldTimex *g)
{
  return g_strdup_printf ("%s %s%s%s", g->type, g->value ? g->value : "-",
                          g->mod ? " " : "", g->mod ? g->mod : "");
}

static char *
describe_sys (const BriefTimex *t)
{
  return g_strdup_printf ("%s %s%s%s", brief_timex_type_to_string (t->type),
                          t->value ? t->value : "-",
                          t->mod ? " " : "", t->mod ? t->mod : "");
}

static void
report (const GoldDocument *doc,
        GoldErrorFunc       error_cb,
        gpointer            data,
        const char         *what,
        gsize               start,
        gsize               end,
        const GoldTimex    *g,
        const BriefTimex   *t)
{
  g_autofree char *text = NULL;
  g_autofree char *gs = NULL;
  g_autofree char *ss = NULL;

  if (error_cb == NULL)
    return;
  /* A span error shows both extents: "gold text ≠ system text". */
  if (g != NULL && t != NULL && (g->start != t->byte_start || g->end != t->byte_end))
    text = g_strdup_printf ("%.*s ≠ %.*s", (int) (g->end - g->start), doc->text + g->start,
                            (int) (t->byte_end - t->byte_start), doc->text + t->byte_start);
  else
    text = g_strndup (doc->text + start, end - start);
  gs = g != NULL ? describe_gold (g) : NULL;
  ss = t != NULL ? describe_sys (t) : NULL;
  error_cb (doc, what, text, gs, ss, data);
}

static void
count_pair (Scores           *scores,
            const GoldTimex  *g,
            const BriefTimex *t,
            gboolean         *value_ok)
{
  int gi = gold_type_index (g->type);
  gboolean strict = g->start == t->byte_start && g->end == t->byte_end;
  gboolean type_ok = gi == (int) t->type;

  *value_ok = g_strcmp0 (g->value, t->value) == 0;

  scores->all.relaxed++;
  scores->all.strict += strict;
  scores->all.type_ok += type_ok;
  scores->all.value_ok += *value_ok;
  scores->by_type[gi].relaxed++;
  scores->by_type[gi].strict += strict;
  scores->by_type[gi].type_ok += type_ok;
  scores->by_type[gi].value_ok += *value_ok;
  if (t->type < 4)
    scores->sys_relaxed_by_type[t->type]++;
}

void
gold_score_document (const GoldDocument *doc,
                     GPtrArray          *sys,
                     Scores             *scores,
                     GoldErrorFunc       error_cb,
                     gpointer            data)
{
  g_autofree gboolean *used = g_new0 (gboolean, sys->len + 1);
  guint from = 0;

  scores->all.n_gold += doc->timexes->len;
  scores->all.n_sys += sys->len;
  for (guint i = 0; i < doc->timexes->len; i++)
    scores->by_type[gold_type_index (g_array_index (doc->timexes, GoldTimex, i).type)].n_gold++;
  for (guint i = 0; i < sys->len; i++)
    {
      const BriefTimex *t = g_ptr_array_index (sys, i);

      if (t->type < 4)
        scores->by_type[t->type].n_sys++;
    }

  /* Left to right, one to one: each gold timex takes the first unused
   * system timex that overlaps it. */
  for (guint i = 0; i < doc->timexes->len; i++)
    {
      const GoldTimex *g = &g_array_index (doc->timexes, GoldTimex, i);
      gboolean found = FALSE;

      while (from < sys->len
             && ((BriefTimex *) g_ptr_array_index (sys, from))->byte_end <= g->start)
        from++;

      for (guint j = from; j < sys->len; j++)
        {
          const BriefTimex *t = g_ptr_array_index (sys, j);
          gboolean value_ok;

          if (t->byte_start >= g->end)
            break;
          if (used[j] || t->byte_end <= g->start)
            continue;

          used[j] = TRUE;
          found = TRUE;
          count_pair (scores, g, t, &value_ok);
          if (!value_ok || g->start != t->byte_start || g->end != t->byte_end
              || gold_type_index (g->type) != (int) t->type)
            report (doc, error_cb, data, value_ok ? "SPAN" : "VALUE",
                    MIN (g->start, t->byte_start), MAX (g->end, t->byte_end), g, t);
          break;
        }

      if (!found)
        report (doc, error_cb, data, "MISS", g->start, g->end, g, NULL);
    }

  for (guint j = 0; j < sys->len; j++)
    {
      const BriefTimex *t = g_ptr_array_index (sys, j);

      if (!used[j])
        report (doc, error_cb, data, "FALSE", t->byte_start, t->byte_end, NULL, t);
    }
}
