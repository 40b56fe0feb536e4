/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "brief-briefing.h"

G_BEGIN_DECLS

/* The "format" member of every .briefing file, and the version written. */
#define BRIEF_BRIEFING_FILE_FORMAT  "io.github.briefingdesk.Briefing"
#define BRIEF_BRIEFING_FILE_VERSION 2
/* Project files larger than this are refused rather than parsed. */
#define BRIEF_BRIEFING_FILE_MAX_BYTES (512 * 1024 * 1024)

#define BRIEF_BRIEFING_FILE_ERROR (brief_briefing_file_error_quark ())

typedef enum
{
  BRIEF_BRIEFING_FILE_ERROR_NOT_A_BRIEFING,
  BRIEF_BRIEFING_FILE_ERROR_DAMAGED,
  BRIEF_BRIEFING_FILE_ERROR_NEWER_VERSION,
  BRIEF_BRIEFING_FILE_ERROR_TOO_LARGE,
} BriefBriefingFileError;

GQuark              brief_briefing_file_error_quark (void);

/* The briefing as a self-contained JSON document, articles embedded. */
GBytes             *brief_briefing_serialize       (BriefBriefing        *self);
/* Reads a .briefing document; damaged, truncated or newer files are refused. */
BriefBriefing      *brief_briefing_deserialize     (GBytes               *bytes,
                                                    GError              **error);

/* Saves atomically beside a backup; with @etag non-NULL, refuses to replace
 * a file someone else changed since (G_IO_ERROR_WRONG_ETAG). */
void                brief_briefing_save_async      (BriefBriefing        *self,
                                                    GFile                *file,
                                                    const char           *etag,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
/* Returns: the new etag of the file, or NULL with @error set */
char               *brief_briefing_save_finish     (BriefBriefing        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void                brief_briefing_load_async      (GFile                *file,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
BriefBriefing      *brief_briefing_load_finish     (GAsyncResult         *result,
                                                    char                **out_etag,
                                                    GError              **error);
BriefBriefing      *brief_briefing_load            (GFile                *file,
                                                    GCancellable         *cancellable,
                                                    char                **out_etag,
                                                    GError              **error);

G_END_DECLS
