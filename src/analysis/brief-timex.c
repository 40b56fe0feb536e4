/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-timex"

#include "config.h"

#include "brief-timex.h"

BriefTimex *
brief_timex_new (void)
{
  return g_new0 (BriefTimex, 1);
}

BriefTimex *
brief_timex_copy (const BriefTimex *timex)
{
  BriefTimex *copy;

  g_return_val_if_fail (timex != NULL, NULL);

  copy = g_new0 (BriefTimex, 1);
  *copy = *timex;
  copy->text = g_strdup (timex->text);
  copy->value = g_strdup (timex->value);
  copy->mod = g_strdup (timex->mod);
  copy->freq = g_strdup (timex->freq);
  copy->quant = g_strdup (timex->quant);

  return copy;
}

void
brief_timex_free (BriefTimex *timex)
{
  if (timex == NULL)
    return;

  g_free (timex->text);
  g_free (timex->value);
  g_free (timex->mod);
  g_free (timex->freq);
  g_free (timex->quant);
  g_free (timex);
}

const char *
brief_timex_type_to_string (BriefTimexType type)
{
  switch (type)
    {
    case BRIEF_TIMEX_DATE:
      return "DATE";
    case BRIEF_TIMEX_TIME:
      return "TIME";
    case BRIEF_TIMEX_DURATION:
      return "DURATION";
    case BRIEF_TIMEX_SET:
      return "SET";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
brief_timex_is_calendar (const BriefTimex *timex)
{
  g_return_val_if_fail (timex != NULL, FALSE);

  return timex->type == BRIEF_TIMEX_DATE
         && timex->value != NULL
         && g_ascii_isdigit (timex->value[0]);
}

gboolean
brief_timex_is_underspecified (const BriefTimex *timex)
{
  g_return_val_if_fail (timex != NULL, FALSE);

  return timex->type == BRIEF_TIMEX_DATE
         && timex->value != NULL
         && g_str_has_prefix (timex->value, "XXXX");
}
