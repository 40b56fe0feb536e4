/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of briefing-cli. */
typedef enum
{
  BRIEF_CLI_OK = 0,
  BRIEF_CLI_BAD_INPUT = 1,
  BRIEF_CLI_USAGE = 2,
} BriefCliStatus;

BriefCliStatus      brief_cli_import              (int    argc,
                                                   char **argv);
BriefCliStatus      brief_cli_extract             (int    argc,
                                                   char **argv);
BriefCliStatus      brief_cli_export              (int    argc,
                                                   char **argv);

G_END_DECLS
