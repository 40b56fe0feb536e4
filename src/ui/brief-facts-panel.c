/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-facts-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "brief-facts-panel.h"

/* What the kind drop-down offers, in its order. */
enum {
  FILTER_ALL,
  FILTER_PEOPLE,
  FILTER_ORGANISATIONS,
  FILTER_PLACES,
};

struct _BriefFactsPanel
{
  GtkWidget      parent_instance;

  BriefArticle  *article;
  BriefAnalysis *analysis;
  BriefBriefing *briefing;  /* where quotes and key people are chosen */
  gboolean       filling;
  gboolean       syncing;

  /* Template widgets */
  GtkListBox    *entities_list;
  GtkDropDown   *kind_dropdown;
  GtkPaned      *paned;
  GtkListBox    *quotes_list;
};

G_DEFINE_FINAL_TYPE (BriefFactsPanel, brief_facts_panel, GTK_TYPE_WIDGET)

enum {
  ENTITY_SELECTED,
  QUOTE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Rows remember the index of what they show, plus one (0 is no index). */
#define ROW_INDEX_KEY "brief-facts-index"

static int
row_get_index (GtkListBoxRow *row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), ROW_INDEX_KEY)) - 1;
}

static const BriefEntity *
brief_facts_panel_get_entity (BriefFactsPanel *self,
                              int              index)
{
  GPtrArray *entities;

  if (self->analysis == NULL || index < 0)
    return NULL;
  entities = brief_analysis_get_entities (self->analysis);
  if (entities == NULL || (guint) index >= entities->len)
    return NULL;
  return g_ptr_array_index (entities, index);
}

static const BriefQuote *
brief_facts_panel_get_quote (BriefFactsPanel *self,
                             int              index)
{
  GPtrArray *quotes;

  if (self->analysis == NULL || index < 0)
    return NULL;
  quotes = brief_analysis_get_quotes (self->analysis);
  if (quotes == NULL || (guint) index >= quotes->len)
    return NULL;
  return g_ptr_array_index (quotes, index);
}

static const char *
kind_heading (BriefEntityKind kind)
{
  switch (kind)
    {
    case BRIEF_ENTITY_PERSON:
      return _("People");
    case BRIEF_ENTITY_ORGANISATION:
      return _("Organisations");
    case BRIEF_ENTITY_PLACE:
      return _("Places");
    default:
      return "";
    }
}

static const char *
kind_name (BriefEntityKind kind)
{
  switch (kind)
    {
    case BRIEF_ENTITY_PERSON:
      return _("Person");
    case BRIEF_ENTITY_ORGANISATION:
      return _("Organisation");
    case BRIEF_ENTITY_PLACE:
      return _("Place");
    default:
      return "";
    }
}

static GtkWidget *
make_label (const char *text,
            const char *css_class,
            gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* "Sergei Shoigu", "Russian Defense Minister" and "3 mentions", named
 * "Sergei Shoigu — Russian Defense Minister, 3 mentions". */
static GtkWidget *
make_entity_row (const BriefEntity *entity,
                 guint              index)
{
  g_autofree char *mentions = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = make_label (entity->name, "brief-fact-name", FALSE);
  GtkWidget *count;

  /* Translators: how often an entity is named in the article */
  mentions = g_strdup_printf (ngettext ("%u mention", "%u mentions", entity->n_mentions),
                              entity->n_mentions);
  count = make_label (mentions, "dim-label", FALSE);
  gtk_widget_add_css_class (count, "caption");
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), count);
  gtk_box_append (GTK_BOX (box), top);

  if (entity->role != NULL && *entity->role != '\0')
    {
      GtkWidget *role = make_label (entity->role, "dim-label", TRUE);

      gtk_widget_add_css_class (role, "caption");
      gtk_box_append (GTK_BOX (box), role);
      /* Translators: an entity's name, its role and how often it is named */
      accessible = g_strdup_printf (_("%s — %s, %s"), entity->name, entity->role, mentions);
    }
  else
    {
      /* Translators: an entity's name and how often it is named */
      accessible = g_strdup_printf (_("%s, %s"), entity->name, mentions);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, kind_name (entity->kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, kind_name (entity->kind),
                                  -1);
  g_object_set_data (G_OBJECT (row), ROW_INDEX_KEY, GUINT_TO_POINTER (index + 1));
  return row;
}

/* The words in curly marks, then "— Helen Okafor, council's cabinet
 * member for the environment". */
static GtkWidget *
make_quote_row (const BriefQuote *quote,
                guint             index)
{
  g_autofree char *text = NULL;
  g_autofree char *speaker = NULL;
  g_autofree char *attribution = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *text_label;
  GtkWidget *speaker_label;

  /* Translators: a quotation in the panel, in the language's quote marks */
  text = g_strdup_printf (_("“%s”"), quote->text != NULL ? quote->text : "");

  if (quote->speaker_name != NULL && quote->role != NULL && *quote->role != '\0')
    /* Translators: who said a quotation, and their role */
    speaker = g_strdup_printf (_("%s, %s"), quote->speaker_name, quote->role);
  else if (quote->speaker_name != NULL)
    speaker = g_strdup (quote->speaker_name);
  else
    speaker = g_strdup (_("Speaker unknown"));

  text_label = make_label (text, NULL, TRUE);
  gtk_label_set_lines (GTK_LABEL (text_label), 4);
  gtk_label_set_ellipsize (GTK_LABEL (text_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (text_label, "brief-fact-quote");
  /* Translators: the speaker under a quotation */
  attribution = g_strdup_printf (_("— %s"), speaker);
  speaker_label = make_label (attribution, "dim-label", TRUE);
  gtk_widget_add_css_class (speaker_label, "caption");

  gtk_box_append (GTK_BOX (box), text_label);
  gtk_box_append (GTK_BOX (box), speaker_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: a quotation and its speaker, as a screen reader says it */
  accessible = g_strdup_printf (_("%s — %s"), text, speaker);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data (G_OBJECT (row), ROW_INDEX_KEY, GUINT_TO_POINTER (index + 1));
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    {
      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (list, child);
      else
        break;  /* the placeholder stays */
    }
}

static int
compare_entities (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GPtrArray *entities = user_data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;
  const BriefEntity *ea = g_ptr_array_index (entities, ia);
  const BriefEntity *eb = g_ptr_array_index (entities, ib);

  /* By kind, the most named first, then in order of first mention. */
  if (ea->kind != eb->kind)
    return (int) ea->kind - (int) eb->kind;
  if (ea->n_mentions != eb->n_mentions)
    return ea->n_mentions > eb->n_mentions ? -1 : 1;
  return ia < ib ? -1 : (ia > ib);
}

/* Choosing for the briefing note: a tick on each quotation, a star on each
 * person; toggle buttons, which screen readers can press (GTK 4.8 gives a
 * check button no action).  The buttons show the briefing's state, which undo
 * and redo change too. */
#define CHOICE_KEY "brief-facts-choice"

static void
choice_toggled_cb (BriefFactsPanel *self,
                   GtkToggleButton *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  gboolean active = gtk_toggle_button_get_active (button);
  gboolean quote = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "quote"));
  int index;

  if (self->syncing || self->briefing == NULL || self->article == NULL || row == NULL)
    return;
  index = row_get_index (GTK_LIST_BOX_ROW (row));
  if (quote && brief_facts_panel_get_quote (self, index) != NULL)
    brief_briefing_select_quote (self->briefing, self->article,
                                 brief_facts_panel_get_quote (self, index), active);
  else if (!quote && brief_facts_panel_get_entity (self, index) != NULL)
    brief_briefing_mark_key_person (self->briefing, self->article,
                                    brief_facts_panel_get_entity (self, index), active);
}

static void
add_choice (BriefFactsPanel *self,
            GtkWidget       *row,
            gboolean         quote,
            const char      *name)
{
  GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button = gtk_toggle_button_new ();
  g_autofree char *label = NULL;

  gtk_widget_add_css_class (button, "flat");
  if (quote)
    {
      gtk_button_set_icon_name (GTK_BUTTON (button), "object-select-symbolic");
      /* Translators: the check button of a quotation, for screen readers */
      label = g_strdup_printf (_("Use Quote in Briefing: %s"), name != NULL ? name : _("Speaker unknown"));
    }
  else
    {
      gtk_button_set_icon_name (GTK_BUTTON (button), "starred-symbolic");
      /* Translators: the star of a person, for screen readers */
      label = g_strdup_printf (_("Key Person: %s"), name);
    }
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "quote", GINT_TO_POINTER (quote));
  g_signal_connect_object (button, "toggled", G_CALLBACK (choice_toggled_cb), self, G_CONNECT_SWAPPED);

  g_object_ref (child);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), NULL);
  gtk_widget_set_hexpand (child, TRUE);
  gtk_box_append (GTK_BOX (box), child);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_unref (child);
  g_object_set_data (G_OBJECT (row), CHOICE_KEY, button);
}

static void
sync_list (BriefFactsPanel *self,
           GtkListBox      *list,
           gboolean         quotes)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      GtkWidget *button;
      gboolean chosen = FALSE;
      int index;

      if (row == NULL)
        break;
      if ((button = g_object_get_data (G_OBJECT (row), CHOICE_KEY)) == NULL)
        continue;
      index = row_get_index (row);
      if (self->briefing != NULL && quotes)
        chosen = brief_briefing_has_quote (self->briefing, self->article, brief_facts_panel_get_quote (self, index));
      else if (self->briefing != NULL)
        chosen = brief_briefing_has_key_person (self->briefing, brief_facts_panel_get_entity (self, index)->name);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), chosen);
      gtk_widget_set_sensitive (button, self->briefing != NULL && self->article != NULL);
    }
}

static void
brief_facts_panel_sync_choices (BriefFactsPanel *self)
{
  self->syncing = TRUE;
  sync_list (self, self->entities_list, FALSE);
  sync_list (self, self->quotes_list, TRUE);
  self->syncing = FALSE;
}

static void
brief_facts_panel_fill (BriefFactsPanel *self)
{
  GPtrArray *entities = NULL;
  GPtrArray *quotes = NULL;
  g_autoptr(GArray) order = NULL;

  self->filling = TRUE;
  clear_list (self->entities_list);
  clear_list (self->quotes_list);

  if (self->analysis != NULL)
    {
      entities = brief_analysis_get_entities (self->analysis);
      quotes = brief_analysis_get_quotes (self->analysis);
    }

  order = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; entities != NULL && i < entities->len; i++)
    g_array_append_val (order, i);
  if (entities != NULL)
    g_array_sort_with_data (order, compare_entities, entities);

  for (guint i = 0; i < order->len; i++)
    {
      guint index = g_array_index (order, guint, i);
      const BriefEntity *entity = g_ptr_array_index (entities, index);
      GtkWidget *row = make_entity_row (entity, index);

      if (entity->kind == BRIEF_ENTITY_PERSON)
        add_choice (self, row, FALSE, entity->name);
      gtk_list_box_append (self->entities_list, row);
    }

  for (guint i = 0; quotes != NULL && i < quotes->len; i++)
    {
      const BriefQuote *quote = g_ptr_array_index (quotes, i);
      GtkWidget *row = make_quote_row (quote, i);

      add_choice (self, row, TRUE, quote->speaker_name);
      gtk_list_box_append (self->quotes_list, row);
    }

  self->filling = FALSE;
  brief_facts_panel_sync_choices (self);
}

static gboolean
entities_filter_func (GtkListBoxRow *row,
                      gpointer       user_data)
{
  BriefFactsPanel *self = user_data;
  const BriefEntity *entity = brief_facts_panel_get_entity (self, row_get_index (row));

  if (entity == NULL)
    return FALSE;

  switch (gtk_drop_down_get_selected (self->kind_dropdown))
    {
    case FILTER_PEOPLE:
      return entity->kind == BRIEF_ENTITY_PERSON;
    case FILTER_ORGANISATIONS:
      return entity->kind == BRIEF_ENTITY_ORGANISATION;
    case FILTER_PLACES:
      return entity->kind == BRIEF_ENTITY_PLACE;
    case FILTER_ALL:
    default:
      return TRUE;
    }
}

/* "People", "Organisations" and "Places" above the first row of each. */
static void
entities_header_func (GtkListBoxRow *row,
                      GtkListBoxRow *before,
                      gpointer       user_data)
{
  BriefFactsPanel *self = user_data;
  const BriefEntity *entity = brief_facts_panel_get_entity (self, row_get_index (row));
  const BriefEntity *previous = NULL;
  GtkWidget *header;

  if (before != NULL)
    previous = brief_facts_panel_get_entity (self, row_get_index (before));

  if (entity == NULL || (previous != NULL && previous->kind == entity->kind))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_list_box_row_get_header (row);
  if (header == NULL)
    {
      header = make_label (NULL, "brief-facts-header", FALSE);
      gtk_widget_add_css_class (header, "dim-label");
      gtk_list_box_row_set_header (row, header);
    }
  gtk_label_set_text (GTK_LABEL (header), kind_heading (entity->kind));
}

static void
kind_dropdown_notify_selected_cb (BriefFactsPanel *self,
                                  GParamSpec      *pspec,
                                  GtkDropDown     *dropdown)
{
  gtk_list_box_invalidate_filter (self->entities_list);
  gtk_list_box_invalidate_headers (self->entities_list);
}

static void
entities_list_row_selected_cb (BriefFactsPanel *self,
                               GtkListBoxRow   *row,
                               GtkListBox      *list)
{
  if (self->filling)
    return;

  g_signal_emit (self, signals[ENTITY_SELECTED], 0, row != NULL ? row_get_index (row) : -1);
}

static void
entities_list_row_activated_cb (BriefFactsPanel *self,
                                GtkListBoxRow   *row,
                                GtkListBox      *list)
{
  /* Enter on the selected row shows its mentions again. */
  g_signal_emit (self, signals[ENTITY_SELECTED], 0, row_get_index (row));
}

static void
brief_facts_panel_emit_quote (BriefFactsPanel *self,
                              GtkListBoxRow   *row)
{
  const BriefQuote *quote = brief_facts_panel_get_quote (self, row_get_index (row));

  if (quote != NULL)
    g_signal_emit (self, signals[QUOTE_ACTIVATED], 0, (guint) quote->start, (guint) quote->end);
}

static void
quotes_list_row_selected_cb (BriefFactsPanel *self,
                             GtkListBoxRow   *row,
                             GtkListBox      *list)
{
  if (self->filling || row == NULL)
    return;

  brief_facts_panel_emit_quote (self, row);
}

static void
quotes_list_row_activated_cb (BriefFactsPanel *self,
                              GtkListBoxRow   *row,
                              GtkListBox      *list)
{
  brief_facts_panel_emit_quote (self, row);
}

static GtkWidget *
make_placeholder (const char *text)
{
  GtkWidget *label = make_label (text, "dim-label", TRUE);

  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 0.5);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  return label;
}

static void
brief_facts_panel_dispose (GObject *object)
{
  BriefFactsPanel *self = BRIEF_FACTS_PANEL (object);

  /* The lists lose their selected rows as they go: that is no choice of
   * the user's to report, least of all to a window that is going too. */
  self->filling = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), BRIEF_TYPE_FACTS_PANEL);

  g_clear_object (&self->article);
  g_clear_object (&self->analysis);
  g_clear_object (&self->briefing);

  G_OBJECT_CLASS (brief_facts_panel_parent_class)->dispose (object);
}

static void
brief_facts_panel_class_init (BriefFactsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = brief_facts_panel_dispose;

  /**
   * BriefFactsPanel::entity-selected:
   * @self: a #BriefFactsPanel
   * @entity: the index of the entity in the analysis, or -1 when none is
   *   selected any more
   *
   * Emitted when the user selects a person, an organisation or a place, or
   * activates the one selected.
   */
  signals[ENTITY_SELECTED] =
    g_signal_new ("entity-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * BriefFactsPanel::quote-activated:
   * @self: a #BriefFactsPanel
   * @start: where the quotation starts, in code points of the article text
   * @end: where it ends
   *
   * Emitted when the user selects or activates a quotation.
   */
  signals[QUOTE_ACTIVATED] =
    g_signal_new ("quote-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/brief-facts-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, BriefFactsPanel, entities_list);
  gtk_widget_class_bind_template_child (widget_class, BriefFactsPanel, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BriefFactsPanel, paned);
  gtk_widget_class_bind_template_child (widget_class, BriefFactsPanel, quotes_list);
  gtk_widget_class_bind_template_callback (widget_class, entities_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, entities_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_dropdown_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, quotes_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, quotes_list_row_selected_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "brieffactspanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
brief_facts_panel_init (BriefFactsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (self->entities_list, entities_filter_func, self, NULL);
  gtk_list_box_set_header_func (self->entities_list, entities_header_func, self, NULL);
  gtk_list_box_set_placeholder (self->entities_list,
                                make_placeholder (_("No people, organisations or places found")));
  gtk_list_box_set_placeholder (self->quotes_list,
                                make_placeholder (_("No quotations found")));
  gtk_paned_set_position (self->paned, 200);
}

GtkWidget *
brief_facts_panel_new (void)
{
  return g_object_new (BRIEF_TYPE_FACTS_PANEL, NULL);
}

void
brief_facts_panel_set_article (BriefFactsPanel *self,
                               BriefArticle    *article,
                               BriefAnalysis   *analysis)
{
  g_return_if_fail (BRIEF_IS_FACTS_PANEL (self));
  g_return_if_fail (article == NULL || BRIEF_IS_ARTICLE (article));
  g_return_if_fail (analysis == NULL || BRIEF_IS_ANALYSIS (analysis));

  g_set_object (&self->article, article);
  g_set_object (&self->analysis, analysis);
  brief_facts_panel_fill (self);
}

BriefArticle *
brief_facts_panel_get_article (BriefFactsPanel *self)
{
  g_return_val_if_fail (BRIEF_IS_FACTS_PANEL (self), NULL);

  return self->article;
}

static void
briefing_changed_cb (BriefFactsPanel *self,
                     BriefBriefing   *briefing)
{
  brief_facts_panel_sync_choices (self);
}

void
brief_facts_panel_set_briefing (BriefFactsPanel *self,
                                BriefBriefing   *briefing)
{
  g_return_if_fail (BRIEF_IS_FACTS_PANEL (self));
  g_return_if_fail (briefing == NULL || BRIEF_IS_BRIEFING (briefing));

  if (self->briefing != NULL)
    g_signal_handlers_disconnect_by_func (self->briefing, briefing_changed_cb, self);
  g_set_object (&self->briefing, briefing);
  if (self->briefing != NULL)
    g_signal_connect_object (self->briefing, "changed", G_CALLBACK (briefing_changed_cb),
                             self, G_CONNECT_SWAPPED);
  brief_facts_panel_sync_choices (self);
}
