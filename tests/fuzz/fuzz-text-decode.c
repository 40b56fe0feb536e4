/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text decoding: BOMs, UTF-16, Windows-1252 and repairs of invalid UTF-8,
 * then the pasted-text import that follows it in the app. */
#include "config.h"

#include "fuzz-common.h"

#include "brief-importer.h"
#include "brief-text-decoder.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_logging ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  BriefTextEncoding encoding = BRIEF_TEXT_ENCODING_UTF8;
  guint n_repairs = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  (void) brief_text_looks_binary ((const char *) data, size);
  text = brief_text_decode ((const char *) data, size, &encoding, &n_repairs, &error);
  if (text == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }
  g_assert (error == NULL);
  /* The contract: valid UTF-8 without NUL. */
  if (!g_utf8_validate (text, -1, NULL))
    abort ();
  g_assert (brief_text_encoding_to_string (encoding) != NULL);

  {
    g_autoptr(GPtrArray) articles = brief_import_text (text, size % 2 ? "Pasted" : NULL, &error);
    g_assert ((articles == NULL) == (error != NULL));
  }
  return 0;
}
