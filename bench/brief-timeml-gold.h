/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A TIMEX3 of a gold TimeML file, with byte offsets into the plain text of
 * its <TEXT> element (the other tags stripped). */
typedef struct
{
  gsize  start;
  gsize  end;
  char  *type;
  char  *value;
  char  *mod;
} GoldTimex;

typedef struct
{
  char      *name;
  char      *text;     /* plain text of <TEXT> */
  char      *dct;      /* "YYYY-MM-DD" or NULL */
  GArray    *timexes;  /* GoldTimex */
} GoldDocument;

void                gold_document_free          (GoldDocument *doc);
GoldDocument       *gold_document_load          (const char   *path,
                                                 GError      **error);
/* Loads every *.tml file under each of @dirs (sorted by name).
 * Returns: (transfer full) (element-type GoldDocument) */
GPtrArray          *gold_documents_load_dirs    (const char * const *dirs,
                                                 GError            **error);

typedef struct
{
  guint n_gold;
  guint n_sys;
  guint strict;        /* same span */
  guint relaxed;       /* overlapping, paired one to one */
  guint type_ok;       /* among relaxed */
  guint value_ok;      /* among relaxed */
} Counts;

/* Per type: index by gold type for recall, system type for precision. */
typedef struct
{
  Counts all;
  Counts by_type[4];   /* DATE, TIME, DURATION, SET */
  guint  sys_relaxed_by_type[4];
} Scores;

int                 gold_type_index             (const char *type);
/* Scores the system timexes @sys (BriefTimex, in text order) of @doc and
 * adds to @scores; calls @error_cb for misses, wrong values and false
 * alarms when not NULL. */
typedef void (*GoldErrorFunc) (const GoldDocument *doc,
                               const char         *what,
                               const char         *text,
                               const char         *gold,
                               const char         *sys,
                               gpointer            data);
void                gold_score_document         (const GoldDocument *doc,
                                                 GPtrArray          *sys,
                                                 Scores             *scores,
                                                 GoldErrorFunc       error_cb,
                                                 gpointer            data);
double              gold_f1                     (guint hits,
                                                 guint n_sys,
                                                 guint n_gold);

G_END_DECLS
