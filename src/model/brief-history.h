/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Applies an edit (@undo FALSE) or takes it back (@undo TRUE). */
typedef void (*BriefEditFunc) (gpointer data,
                               gboolean undo);

#define BRIEF_TYPE_HISTORY (brief_history_get_type ())

G_DECLARE_FINAL_TYPE (BriefHistory, brief_history, BRIEF, HISTORY, GObject)

BriefHistory       *brief_history_new             (void);
/* Edits recorded between begin and end are undone and redone as one step. */
void                brief_history_begin_group     (BriefHistory   *self,
                                                   const char     *label);
void                brief_history_end_group       (BriefHistory   *self);
/* Records an edit that was just applied.  Edits with the same non-NULL
 * @merge_key made within a second of each other form one step, as typing
 * does; the first edit's data is kept for undo, the last one's for redo. */
void                brief_history_record          (BriefHistory   *self,
                                                   const char     *label,
                                                   const char     *merge_key,
                                                   BriefEditFunc   func,
                                                   gpointer        data,
                                                   GDestroyNotify  free_data);
gboolean            brief_history_get_can_undo    (BriefHistory   *self);
gboolean            brief_history_get_can_redo    (BriefHistory   *self);
/* The label of the step Undo would take back, for "Undo Hide Event". */
const char         *brief_history_get_undo_label  (BriefHistory   *self);
const char         *brief_history_get_redo_label  (BriefHistory   *self);
gboolean            brief_history_undo            (BriefHistory   *self);
gboolean            brief_history_redo            (BriefHistory   *self);
/* TRUE while an undo or redo runs: edits made then are not recorded. */
gboolean            brief_history_is_replaying    (BriefHistory   *self);
void                brief_history_clear           (BriefHistory   *self);

G_END_DECLS
