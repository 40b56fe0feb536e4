/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-briefing"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-briefing-private.h"

/* An edit of one property of an object: the briefing's fields, an event's
 * state, star or title.  Both values are kept so that it replays either way. */
typedef struct
{
  BriefBriefing *briefing;   /* owns the history holding this edit */
  GObject       *target;
  GParamSpec    *pspec;
  GValue         before;
  GValue         after;
} PropertyEdit;

static void
property_edit_free (gpointer data)
{
  PropertyEdit *edit = data;

  g_clear_object (&edit->target);
  g_value_unset (&edit->before);
  g_value_unset (&edit->after);
  g_free (edit);
}

static void
property_edit_apply (gpointer data,
                     gboolean undo)
{
  PropertyEdit *edit = data;

  g_object_set_property (edit->target, edit->pspec->name, undo ? &edit->before : &edit->after);
  /* A new title may make or end a disagreement between sources. */
  if (BRIEF_IS_EVENT (edit->target) && g_str_equal (edit->pspec->name, "title"))
    _brief_briefing_update_conflicts (edit->briefing);
  _brief_briefing_changed (edit->briefing);
}

static void
edit_property (BriefBriefing *self,
               const char    *label,
               gboolean       merge,
               gpointer       target,
               const char    *property,
               const GValue  *value)
{
  PropertyEdit *edit;
  g_autofree char *merge_key = NULL;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (target), property);

  g_return_if_fail (pspec != NULL);

  edit = g_new0 (PropertyEdit, 1);
  edit->briefing = self;
  edit->target = g_object_ref (target);
  edit->pspec = pspec;
  g_value_init (&edit->before, pspec->value_type);
  g_value_init (&edit->after, pspec->value_type);
  g_object_get_property (target, property, &edit->before);
  g_value_copy (value, &edit->after);

  if (g_param_values_cmp (pspec, &edit->before, &edit->after) == 0)
    {
      property_edit_free (edit);
      return;
    }

  property_edit_apply (edit, FALSE);
  if (merge)
    merge_key = g_strdup_printf ("%p:%s", target, property);
  brief_history_record (brief_briefing_get_history (self), label, merge_key,
                        property_edit_apply, edit, property_edit_free);
}

void
_brief_briefing_edit_property (BriefBriefing *self,
                               const char    *label,
                               gpointer       target,
                               const char    *property,
                               const GValue  *value)
{
  edit_property (self, label, FALSE, target, property, value);
}

static const char *
text_edit_label (const char *property)
{
  if (g_str_equal (property, "notes"))
    return _("Edit Notes");
  if (g_str_equal (property, "title"))
    return _("Edit Title");
  return _("Edit Briefing Details");
}

void
brief_briefing_edit_text (BriefBriefing *self,
                          const char    *property,
                          const char    *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_return_if_fail (BRIEF_IS_BRIEFING (self));
  g_return_if_fail (property != NULL);

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value != NULL && *value != '\0' ? value : NULL);
  edit_property (self, text_edit_label (property), TRUE, self, property, &gvalue);
}

static const char *
state_edit_label (BriefEventState state)
{
  switch (state)
    {
    case BRIEF_EVENT_STATE_ACCEPTED: return _("Accept Event");
    case BRIEF_EVENT_STATE_HIDDEN: return _("Hide Event");
    case BRIEF_EVENT_STATE_SUGGESTED:
    default: return _("Reset Event");
    }
}

void
brief_briefing_edit_event_state (BriefBriefing   *self,
                                 BriefEvent      *event,
                                 BriefEventState  state)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (BRIEF_IS_BRIEFING (self));
  g_return_if_fail (BRIEF_IS_EVENT (event));

  g_value_init (&value, BRIEF_TYPE_EVENT_STATE);
  g_value_set_enum (&value, state);
  /* Accepting a group Briefing suggested keeps it together: one step. */
  if (state == BRIEF_EVENT_STATE_ACCEPTED
      && brief_event_get_grouping (event) == BRIEF_EVENT_GROUPING_SUGGESTED)
    {
      BriefHistory *history = brief_briefing_get_history (self);

      brief_history_begin_group (history, state_edit_label (state));
      brief_briefing_accept_group (self, event);
      edit_property (self, state_edit_label (state), FALSE, event, "state", &value);
      brief_history_end_group (history);
      return;
    }
  edit_property (self, state_edit_label (state), FALSE, event, "state", &value);
}

void
brief_briefing_edit_event_starred (BriefBriefing *self,
                                   BriefEvent    *event,
                                   gboolean       starred)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (BRIEF_IS_BRIEFING (self));
  g_return_if_fail (BRIEF_IS_EVENT (event));

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, starred);
  edit_property (self, starred ? _("Star Event") : _("Unstar Event"), FALSE, event, "starred", &value);
}

void
brief_briefing_edit_event_title (BriefBriefing *self,
                                 BriefEvent    *event,
                                 const char    *title)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (BRIEF_IS_BRIEFING (self));
  g_return_if_fail (BRIEF_IS_EVENT (event));
  g_return_if_fail (title != NULL && *title != '\0');

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, title);
  edit_property (self, _("Edit Event Title"), FALSE, event, "title", &value);
}

/* Adding or removing an event: the inverse of one is the other. */
typedef struct
{
  BriefBriefing *briefing;
  BriefEvent    *event;
  gboolean       adds;
} MembershipEdit;

static void
membership_edit_free (gpointer data)
{
  MembershipEdit *edit = data;

  g_clear_object (&edit->event);
  g_free (edit);
}

static void
membership_edit_apply (gpointer data,
                       gboolean undo)
{
  MembershipEdit *edit = data;

  if (edit->adds != undo)
    _brief_briefing_insert_event (edit->briefing, edit->event);
  else
    _brief_briefing_take_event (edit->briefing, edit->event);
  _brief_briefing_changed (edit->briefing);
}

static void
edit_membership (BriefBriefing *self,
                 BriefEvent    *event,
                 gboolean       adds)
{
  MembershipEdit *edit = g_new0 (MembershipEdit, 1);

  edit->briefing = self;
  edit->event = g_object_ref (event);
  edit->adds = adds;
  membership_edit_apply (edit, FALSE);
  brief_history_record (brief_briefing_get_history (self),
                        adds ? _("Add Event") : _("Remove Event"), NULL,
                        membership_edit_apply, edit, membership_edit_free);
}

void
brief_briefing_add_event (BriefBriefing *self,
                          BriefEvent    *event)
{
  g_return_if_fail (BRIEF_IS_BRIEFING (self));
  g_return_if_fail (BRIEF_IS_EVENT (event));

  edit_membership (self, event, TRUE);
}

void
brief_briefing_remove_event (BriefBriefing *self,
                             BriefEvent    *event)
{
  guint position;

  g_return_if_fail (BRIEF_IS_BRIEFING (self));
  g_return_if_fail (BRIEF_IS_EVENT (event));

  if (!g_list_store_find (_brief_briefing_get_event_store (self), event, &position))
    return;
  edit_membership (self, event, FALSE);
}

/* A new date moves the event in time: it is taken out and put back at its
 * new place, so the events stay in chronological order. */
typedef struct
{
  BriefBriefing *briefing;
  BriefEvent    *event;
  BriefDate      before;
  char          *before_text;
  BriefDate      before_end;     /* a span's end, when before_has_end */
  gboolean       before_has_end;
  gboolean       before_year_known;
  BriefDate      after;
  char          *after_text;
} DateEdit;

static void
date_edit_free (gpointer data)
{
  DateEdit *edit = data;

  g_clear_object (&edit->event);
  g_free (edit->before_text);
  g_free (edit->after_text);
  g_free (edit);
}

static void
date_edit_apply (gpointer data,
                 gboolean undo)
{
  DateEdit *edit = data;
  gboolean listed = _brief_briefing_take_event (edit->briefing, edit->event);

  /* The date the user gives is one date with its year: it replaces a
   * span's end and an unknown year, which undo brings back. */
  if (undo)
    {
      brief_event_set_date (edit->event, &edit->before, edit->before_text);
      brief_event_set_end_date (edit->event, edit->before_has_end ? &edit->before_end : NULL);
      brief_event_set_year_known (edit->event, edit->before_year_known);
    }
  else
    {
      brief_event_set_date (edit->event, &edit->after, edit->after_text);
      brief_event_set_end_date (edit->event, NULL);
      brief_event_set_year_known (edit->event, TRUE);
    }
  if (listed)
    _brief_briefing_insert_event (edit->briefing, edit->event);
  /* A date put right ends the disagreement it caused, or starts one. */
  _brief_briefing_update_conflicts (edit->briefing);
  _brief_briefing_changed (edit->briefing);
}

void
brief_briefing_edit_event_date (BriefBriefing   *self,
                                BriefEvent      *event,
                                const BriefDate *date,
                                const char      *date_text)
{
  const BriefDate *before;
  DateEdit *edit;

  g_return_if_fail (BRIEF_IS_BRIEFING (self));
  g_return_if_fail (BRIEF_IS_EVENT (event));
  g_return_if_fail (date != NULL);

  before = brief_event_get_date (event);
  if (brief_date_compare (before, date) == 0 && before->precision == date->precision &&
      g_strcmp0 (brief_event_get_date_text (event), date_text) == 0 &&
      brief_event_get_end_date (event) == NULL && brief_event_get_year_known (event))
    return;

  edit = g_new0 (DateEdit, 1);
  edit->briefing = self;
  edit->event = g_object_ref (event);
  edit->before = *before;
  edit->before_text = g_strdup (brief_event_get_date_text (event));
  edit->before_has_end = brief_event_get_end_date (event) != NULL;
  if (edit->before_has_end)
    edit->before_end = *brief_event_get_end_date (event);
  edit->before_year_known = brief_event_get_year_known (event);
  edit->after = *date;
  edit->after_text = g_strdup (date_text);
  date_edit_apply (edit, FALSE);
  brief_history_record (brief_briefing_get_history (self), _("Edit Event Date"), NULL,
                        date_edit_apply, edit, date_edit_free);
}
