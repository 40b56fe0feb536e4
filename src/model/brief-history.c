/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-history"

#include "config.h"

#include "brief-history.h"

/* Typing pauses longer than this start a new undo step. */
#define MERGE_WINDOW_USEC (G_USEC_PER_SEC)

typedef struct
{
  BriefEditFunc  func;
  gpointer       data;
  GDestroyNotify free_data;
} Edit;

/* One undo step: the edits of a group, or a run of merged edits. */
typedef struct
{
  char   *label;
  char   *merge_key;
  gint64  last_time;
  GArray *edits;         /* of Edit, in the order applied */
  Edit    merged_redo;   /* for merged steps: the latest edit, replayed on redo */
} Step;

struct _BriefHistory
{
  GObject    parent_instance;

  GPtrArray *undo_stack;  /* of Step, newest last */
  GPtrArray *redo_stack;  /* of Step, next to redo last */
  Step      *open_group;
  guint      group_depth;
  gboolean   replaying;
};

G_DEFINE_FINAL_TYPE (BriefHistory, brief_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
edit_clear (gpointer data)
{
  Edit *edit = data;

  if (edit->free_data != NULL && edit->data != NULL)
    edit->free_data (edit->data);
  edit->data = NULL;
}

static Step *
step_new (const char *label,
          const char *merge_key)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->merge_key = g_strdup (merge_key);
  step->last_time = g_get_monotonic_time ();
  step->edits = g_array_new (FALSE, TRUE, sizeof (Edit));
  g_array_set_clear_func (step->edits, edit_clear);
  return step;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->label);
  g_free (step->merge_key);
  g_array_unref (step->edits);
  edit_clear (&step->merged_redo);
  g_free (step);
}

static void
notify_state (BriefHistory *self,
              gboolean      could_undo,
              gboolean      could_redo)
{
  if (could_undo != brief_history_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != brief_history_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  /* Every step moved changes what Undo and Redo would do; the edits'
   * own signals come before the step is recorded, too early for menus. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

static void
brief_history_finalize (GObject *object)
{
  BriefHistory *self = (BriefHistory *)object;

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->open_group, step_free);

  G_OBJECT_CLASS (brief_history_parent_class)->finalize (object);
}

static void
brief_history_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BriefHistory *self = BRIEF_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, brief_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, brief_history_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, brief_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, brief_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
brief_history_class_init (BriefHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = brief_history_finalize;
  object_class->get_property = brief_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * BriefHistory:undo-label:
   *
   * The label of the step Undo would take back ("Hide Event"), or NULL;
   * notified whenever a step is recorded, undone or redone.
   */
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
brief_history_init (BriefHistory *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (step_free);
  self->redo_stack = g_ptr_array_new_with_free_func (step_free);
}

BriefHistory *
brief_history_new (void)
{
  return g_object_new (BRIEF_TYPE_HISTORY, NULL);
}

void
brief_history_begin_group (BriefHistory *self,
                           const char   *label)
{
  g_return_if_fail (BRIEF_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    self->open_group = step_new (label, NULL);
}

static void
push_step (BriefHistory *self,
           Step         *step)
{
  gboolean could_undo = brief_history_get_can_undo (self);
  gboolean could_redo = brief_history_get_can_redo (self);

  g_ptr_array_add (self->undo_stack, step);
  /* A new edit makes the undone future unreachable. */
  g_ptr_array_set_size (self->redo_stack, 0);
  notify_state (self, could_undo, could_redo);
}

void
brief_history_end_group (BriefHistory *self)
{
  Step *step;

  g_return_if_fail (BRIEF_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  step = g_steal_pointer (&self->open_group);
  if (step->edits->len == 0)
    step_free (step);
  else
    push_step (self, step);
}

static Step *
mergeable_step (BriefHistory *self,
                const char   *merge_key,
                gint64        now)
{
  Step *last;

  if (merge_key == NULL || self->undo_stack->len == 0 || self->redo_stack->len > 0)
    return NULL;

  last = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  if (g_strcmp0 (last->merge_key, merge_key) != 0 || now - last->last_time > MERGE_WINDOW_USEC)
    return NULL;
  return last;
}

void
brief_history_record (BriefHistory   *self,
                      const char     *label,
                      const char     *merge_key,
                      BriefEditFunc   func,
                      gpointer        data,
                      GDestroyNotify  free_data)
{
  Edit edit = { func, data, free_data };
  gint64 now = g_get_monotonic_time ();
  Step *step;

  g_return_if_fail (BRIEF_IS_HISTORY (self));
  g_return_if_fail (func != NULL);

  if (self->replaying)
    {
      edit_clear (&edit);
      return;
    }

  if (self->open_group != NULL)
    {
      g_array_append_val (self->open_group->edits, edit);
      return;
    }

  step = mergeable_step (self, merge_key, now);
  if (step != NULL)
    {
      /* Undo goes back to before the first edit; redo to after the last. */
      edit_clear (&step->merged_redo);
      step->merged_redo = edit;
      step->last_time = now;
      return;
    }

  step = step_new (label, merge_key);
  g_array_append_val (step->edits, edit);
  push_step (self, step);
}

gboolean
brief_history_get_can_undo (BriefHistory *self)
{
  g_return_val_if_fail (BRIEF_IS_HISTORY (self), FALSE);
  return self->undo_stack->len > 0;
}

gboolean
brief_history_get_can_redo (BriefHistory *self)
{
  g_return_val_if_fail (BRIEF_IS_HISTORY (self), FALSE);
  return self->redo_stack->len > 0;
}

static const char *
top_label (GPtrArray *stack)
{
  Step *step;

  if (stack->len == 0)
    return NULL;
  step = g_ptr_array_index (stack, stack->len - 1);
  return step->label;
}

const char *
brief_history_get_undo_label (BriefHistory *self)
{
  g_return_val_if_fail (BRIEF_IS_HISTORY (self), NULL);
  return top_label (self->undo_stack);
}

const char *
brief_history_get_redo_label (BriefHistory *self)
{
  g_return_val_if_fail (BRIEF_IS_HISTORY (self), NULL);
  return top_label (self->redo_stack);
}

static void
replay (BriefHistory *self,
        Step         *step,
        gboolean      undo)
{
  self->replaying = TRUE;
  if (undo)
    {
      for (guint i = step->edits->len; i > 0; i--)
        {
          Edit *edit = &g_array_index (step->edits, Edit, i - 1);
          edit->func (edit->data, TRUE);
        }
    }
  else if (step->merged_redo.func != NULL)
    step->merged_redo.func (step->merged_redo.data, FALSE);
  else
    {
      for (guint i = 0; i < step->edits->len; i++)
        {
          Edit *edit = &g_array_index (step->edits, Edit, i);
          edit->func (edit->data, FALSE);
        }
    }
  self->replaying = FALSE;
}

static gboolean
move_step (BriefHistory *self,
           GPtrArray    *from,
           GPtrArray    *to,
           gboolean      undo)
{
  gboolean could_undo = brief_history_get_can_undo (self);
  gboolean could_redo = brief_history_get_can_redo (self);
  Step *step;

  if (from->len == 0 || self->open_group != NULL)
    return FALSE;

  step = g_ptr_array_steal_index (from, from->len - 1);
  replay (self, step, undo);
  /* A step taken back never merges with the next edit. */
  g_clear_pointer (&step->merge_key, g_free);
  g_ptr_array_add (to, step);
  notify_state (self, could_undo, could_redo);
  return TRUE;
}

gboolean
brief_history_undo (BriefHistory *self)
{
  g_return_val_if_fail (BRIEF_IS_HISTORY (self), FALSE);
  return move_step (self, self->undo_stack, self->redo_stack, TRUE);
}

gboolean
brief_history_redo (BriefHistory *self)
{
  g_return_val_if_fail (BRIEF_IS_HISTORY (self), FALSE);
  return move_step (self, self->redo_stack, self->undo_stack, FALSE);
}

gboolean
brief_history_is_replaying (BriefHistory *self)
{
  g_return_val_if_fail (BRIEF_IS_HISTORY (self), FALSE);
  return self->replaying;
}

void
brief_history_clear (BriefHistory *self)
{
  gboolean could_undo = brief_history_get_can_undo (self);
  gboolean could_redo = brief_history_get_can_redo (self);

  g_return_if_fail (BRIEF_IS_HISTORY (self));

  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  notify_state (self, could_undo, could_redo);
}
