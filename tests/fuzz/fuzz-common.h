/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the libFuzzer targets: quiet logging, criticals abort (a failed
 * g_return_if_fail is a finding), and helpers to cut the fuzz input into
 * NUL-terminated strings. */

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);

static inline gboolean
fuzz_level_is_fatal (GLogLevelFlags level)
{
  return (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL)) != 0;
}

static inline void
fuzz_log_handler (const char     *domain,
                  GLogLevelFlags  level,
                  const char     *message,
                  gpointer        user_data)
{
  if (fuzz_level_is_fatal (level))
    {
      fprintf (stderr, "%s-CRITICAL: %s\n", domain ? domain : "?", message);
      abort ();
    }
}

static inline GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (fuzz_level_is_fatal (level))
    {
      for (gsize i = 0; i < n_fields; i++)
        if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
          fprintf (stderr, "CRITICAL: %s\n", (const char *) fields[i].value);
      abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

static inline void
fuzz_init_logging (void)
{
  g_log_set_default_handler (fuzz_log_handler, NULL);
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
}

/* Reads the fuzz input as a sequence of fields separated by @separator. */
typedef struct
{
  const char *data;
  gsize       length;
  gsize       position;
} FuzzReader;

static inline void
fuzz_reader_init (FuzzReader    *reader,
                  const uint8_t *data,
                  size_t         size)
{
  reader->data = (const char *) data;
  reader->length = size;
  reader->position = 0;
}

static inline guint8
fuzz_reader_byte (FuzzReader *reader)
{
  if (reader->position >= reader->length)
    return 0;
  return (guint8) reader->data[reader->position++];
}

/* The next field up to @separator (or the end), as valid UTF-8 without NUL;
 * NULL when the input is used up. */
static inline char *
fuzz_reader_utf8 (FuzzReader *reader,
                  char        separator)
{
  const char *start;
  const char *end;
  gsize length;
  char *raw;
  char *valid;

  if (reader->position >= reader->length)
    return NULL;
  start = reader->data + reader->position;
  end = memchr (start, separator, reader->length - reader->position);
  length = end != NULL ? (gsize) (end - start) : reader->length - reader->position;
  reader->position += length + (end != NULL ? 1 : 0);

  raw = g_strndup (start, length);   /* stops at the first NUL */
  valid = g_utf8_make_valid (raw, -1);
  g_free (raw);
  return valid;
}

/* A document creation time picked by @choice: none, a plain date, or odd
 * but well-formed values.  The edges of the calendar (0001-01-01,
 * 9999-12-31) crash the date engine today (tests/fixtures/hostile/pending/):
 * they are tried only with FUZZ_EDGE_DCTS=1 so the fuzzers get past them. */
static inline const char *
fuzz_pick_dct (guint8 choice)
{
  static const char * const dcts[] = {
    NULL, "2023-09-05", "2000-02-29", "1999-12-31", "0100-03-01", "2999-12-31",
    "2024-02-29", "1970-01-01",
  };
  static const char * const edge_dcts[] = { "0001-01-01", "9999-12-31" };
  static int edges = -1;

  if (edges < 0)
    edges = g_strcmp0 (g_getenv ("FUZZ_EDGE_DCTS"), "1") == 0;
  if (edges && (choice & 0x40) != 0)
    return edge_dcts[choice % G_N_ELEMENTS (edge_dcts)];
  return dcts[choice % G_N_ELEMENTS (dcts)];
}

/* Aborts with the place of the first invalid byte when @text is not UTF-8. */
static inline void
fuzz_check_utf8 (const char *what,
                 const char *text)
{
  const char *end = NULL;

  if (text == NULL)
    {
      fprintf (stderr, "%s: NULL\n", what);
      abort ();
    }
  if (!g_utf8_validate (text, -1, &end))
    {
      gsize offset = (gsize) (end - text);
      g_autofree char *escaped = g_strescape (end, NULL);
      fprintf (stderr, "%s: invalid UTF-8 at byte %zu of %zu: \"%.40s\"\n",
               what, offset, strlen (text), escaped);
      abort ();
    }
}
