/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "brief-briefing.h"

G_BEGIN_DECLS

/* The formats a briefing is exported to, in the order an Export dialog lists them. */
typedef enum
{
  BRIEF_EXPORT_FORMAT_PDF,
  BRIEF_EXPORT_FORMAT_FODT,
  BRIEF_EXPORT_FORMAT_HTML,
  BRIEF_EXPORT_FORMAT_MARKDOWN,
  BRIEF_EXPORT_FORMAT_JSON,
  BRIEF_EXPORT_FORMAT_TIMELINE_JSON,
  BRIEF_EXPORT_FORMAT_ICALENDAR,
  BRIEF_EXPORT_FORMAT_CSV,
  BRIEF_EXPORT_N_FORMATS,
} BriefExportFormat;

/* Sections of the briefing note; the data formats (JSON, iCalendar, CSV)
 * hold the events whatever the sections. */
typedef enum
{
  BRIEF_EXPORT_SECTION_KEY_POINTS = 1 << 0,
  BRIEF_EXPORT_SECTION_TIMELINE   = 1 << 1,  /* the figure */
  BRIEF_EXPORT_SECTION_CHRONOLOGY = 1 << 2,  /* the table of events */
  BRIEF_EXPORT_SECTION_PEOPLE     = 1 << 3,
  BRIEF_EXPORT_SECTION_QUOTES     = 1 << 4,
  BRIEF_EXPORT_SECTION_NOTES      = 1 << 5,
  BRIEF_EXPORT_SECTION_SOURCES    = 1 << 6,
  BRIEF_EXPORT_SECTION_ALL        = (1 << 7) - 1,
} BriefExportSections;

typedef struct
{
  BriefExportSections sections;
  /* Accepted events are exported; hidden ones too when this is set. */
  gboolean            include_hidden;
  /* When the user has accepted none, every event not hidden is exported
   * instead, and the note says so. */
  gboolean            fall_back_to_suggested;
} BriefExportOptions;

/* Every section, no hidden events, falling back to suggested ones. */
void                brief_export_options_init     (BriefExportOptions *options);

/* Returns: (transfer none): a translated name, "PDF document" */
const char         *brief_export_format_get_name      (BriefExportFormat format);
/* Returns: (transfer none): the file name ending with its dot, ".timeline.json" */
const char         *brief_export_format_get_extension (BriefExportFormat format);
const char         *brief_export_format_get_mime_type (BriefExportFormat format);
/* Picks the format by the end of @filename (longest extension first, so
 * ".timeline.json" is not plain JSON); FALSE when none matches. */
gboolean            brief_export_format_for_filename  (const char        *filename,
                                                       BriefExportFormat *out_format);
/* ".pdf, .fodt, .html, …" for messages. */
char               *brief_export_format_list_extensions (void);

typedef struct
{
  guint  number;       /* 1-based, as cited: [1] */
  char  *title;
  char  *site;
  char  *byline;
  char  *published;    /* ISO 8601 as imported, or NULL */
  char  *url;          /* http(s) address, or NULL */
  char  *path;         /* local file, or NULL */
} BriefExportSource;

typedef struct
{
  BriefDate        date;
  char            *date_label;  /* as precise as known: "July 2023" */
  char            *title;
  char            *sentence;    /* the evidence, or NULL */
  guint            source;      /* number of its source, 0 for events made by hand */
  gboolean         starred;
  BriefEventState  state;
  BriefDate        end_date;    /* a span's end, when has_end */
  gboolean         has_end;
  gboolean         year_known;  /* FALSE: "July (year unknown)", placed nowhere */
  /* The numbers (guint) of the other sources that tell it, cited after
   * @source (whose sentence is the evidence), or NULL. */
  GArray          *more_sources;
  /* What the sources say when they date it differently, or NULL. */
  char            *conflict;
} BriefExportEvent;

/* People and organisations: the key people the user marked. */
typedef struct
{
  char  *name;
  char  *kind;     /* "person" or "organisation" */
  char  *role;     /* or NULL */
  guint  source;
} BriefExportEntity;

typedef struct
{
  char  *text;
  char  *speaker;
  char  *role;     /* or NULL */
  guint  source;
} BriefExportQuote;

/* A snapshot of what is exported, taken on the UI thread and then written
 * by any writer on any thread. */
typedef struct
{
  char               *title;
  char               *author;     /* or NULL, as every field below */
  char               *audience;
  char               *marking;
  char               *date;       /* as shown: "18 March 2024" */
  char               *notes;      /* CommonMark */
  GDateTime          *generated;  /* when the snapshot was taken, UTC */
  BriefExportOptions  options;
  /* No event was accepted: the events are every one not hidden. */
  gboolean            fell_back;
  GPtrArray          *sources;    /* BriefExportSource, numbered from 1 */
  GPtrArray          *events;     /* BriefExportEvent, chronological */
  GPtrArray          *entities;   /* BriefExportEntity */
  GPtrArray          *quotes;     /* BriefExportQuote */
} BriefExportContent;

BriefExportContent *brief_export_content_new      (BriefBriefing            *briefing,
                                                   const BriefExportOptions *options);
BriefExportContent *brief_export_content_ref      (BriefExportContent       *content);
void                brief_export_content_unref    (BriefExportContent       *content);
void                brief_export_content_add_entity (BriefExportContent *content,
                                                     const char         *name,
                                                     const char         *kind,
                                                     const char         *role,
                                                     guint               source);
void                brief_export_content_add_quote  (BriefExportContent *content,
                                                     const char         *text,
                                                     const char         *speaker,
                                                     const char         *role,
                                                     guint               source);
/* Whether @section is both chosen and has something to show. */
gboolean            brief_export_content_has_section (BriefExportContent  *content,
                                                      BriefExportSections  section);
/* Returns: (transfer none) (nullable): the source numbered @number */
BriefExportSource  *brief_export_content_get_source  (BriefExportContent  *content,
                                                      guint                number);
/* Returns: the number of starred events among the exported ones. */
guint               brief_export_content_count_starred (BriefExportContent *content);

/* Writes @content as @format; NULL with @error set on failure. */
GBytes             *brief_export_write            (BriefExportContent  *content,
                                                   BriefExportFormat    format,
                                                   GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BriefExportContent, brief_export_content_unref)

G_END_DECLS
