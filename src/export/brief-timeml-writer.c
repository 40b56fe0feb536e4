/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "brief-timeml-writer"

#include "config.h"

#include <libxml/xmlwriter.h>
#include <string.h>

#include "brief-timeml-writer.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlBuffer, xmlBufferFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextWriter, xmlFreeTextWriter)

/* XML 1.0 cannot carry most C0 control characters, even escaped, nor the
 * noncharacters U+FFFE and U+FFFF. */
static char *
xml_safe_text (const char *text,
               gsize       length)
{
  GString *safe = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) text[i];

      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        g_string_append (safe, "\xEF\xBF\xBD");
      else if (c == 0xEF && i + 2 < length && (guchar) text[i + 1] == 0xBF
               && ((guchar) text[i + 2] == 0xBE || (guchar) text[i + 2] == 0xBF))
        {
          g_string_append (safe, "\xEF\xBF\xBD");
          i += 2;
        }
      else
        g_string_append_c (safe, (char) c);
    }

  return g_string_free (safe, FALSE);
}

static void
write_text (xmlTextWriter *writer,
            const char    *text,
            gsize          length)
{
  g_autofree char *safe = xml_safe_text (text, length);

  xmlTextWriterWriteString (writer, (const xmlChar *) safe);
}

static void
write_attribute (xmlTextWriter *writer,
                 const char    *name,
                 const char    *value)
{
  g_autofree char *safe = xml_safe_text (value, strlen (value));

  xmlTextWriterWriteAttribute (writer, (const xmlChar *) name, (const xmlChar *) safe);
}

static void
write_dct (xmlTextWriter *writer,
           const char    *dct)
{
  xmlTextWriterStartElement (writer, (const xmlChar *) "DCT");
  xmlTextWriterStartElement (writer, (const xmlChar *) "TIMEX3");
  write_attribute (writer, "tid", "t0");
  write_attribute (writer, "type", "DATE");
  write_attribute (writer, "value", dct);
  write_attribute (writer, "temporalFunction", "false");
  write_attribute (writer, "functionInDocument", "CREATION_TIME");
  write_text (writer, dct, strlen (dct));
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);
}

static void
write_timex (xmlTextWriter    *writer,
             const BriefTimex *timex,
             guint             tid,
             const char       *text)
{
  g_autofree char *tid_string = g_strdup_printf ("t%u", tid);

  xmlTextWriterStartElement (writer, (const xmlChar *) "TIMEX3");
  write_attribute (writer, "tid", tid_string);
  write_attribute (writer, "type", brief_timex_type_to_string (timex->type));
  if (timex->value != NULL)
    write_attribute (writer, "value", timex->value);
  if (timex->mod != NULL)
    write_attribute (writer, "mod", timex->mod);
  if (timex->freq != NULL)
    write_attribute (writer, "freq", timex->freq);
  if (timex->quant != NULL)
    write_attribute (writer, "quant", timex->quant);
  write_text (writer, text + timex->byte_start, timex->byte_end - timex->byte_start);
  xmlTextWriterEndElement (writer);
}

char *
brief_timeml_write (const char *docid,
                    const char *text,
                    const char *dct,
                    GPtrArray  *timexes)
{
  g_autoptr(xmlBuffer) buffer = xmlBufferCreate ();
  g_autoptr(xmlTextWriter) writer = NULL;
  gsize text_length;
  gsize position = 0;
  guint tid = 1;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (timexes != NULL, NULL);

  text_length = strlen (text);
  writer = xmlNewTextWriterMemory (buffer, 0);
  xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL);
  xmlTextWriterStartElement (writer, (const xmlChar *) "TimeML");
  xmlTextWriterWriteString (writer, (const xmlChar *) "\n");
  /* The document's name is the article's title, which may hold anything. */
  xmlTextWriterStartElement (writer, (const xmlChar *) "DOCID");
  write_text (writer, docid ? docid : "document", strlen (docid ? docid : "document"));
  xmlTextWriterEndElement (writer);
  xmlTextWriterWriteString (writer, (const xmlChar *) "\n");
  if (dct != NULL)
    {
      write_dct (writer, dct);
      xmlTextWriterWriteString (writer, (const xmlChar *) "\n");
    }

  xmlTextWriterStartElement (writer, (const xmlChar *) "TEXT");
  for (guint i = 0; i < timexes->len; i++)
    {
      const BriefTimex *timex = g_ptr_array_index (timexes, i);

      /* Tags cannot overlap in XML; a contained or crossing span is dropped. */
      if (timex->byte_start < position || timex->byte_end > text_length
          || timex->byte_end <= timex->byte_start)
        continue;

      write_text (writer, text + position, timex->byte_start - position);
      write_timex (writer, timex, tid++, text);
      position = timex->byte_end;
    }
  write_text (writer, text + position, text_length - position);
  xmlTextWriterEndElement (writer);

  xmlTextWriterWriteString (writer, (const xmlChar *) "\n");
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndDocument (writer);
  g_clear_pointer (&writer, xmlFreeTextWriter);

  return g_strndup ((const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
}
