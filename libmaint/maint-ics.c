/* maint-ics.c: RFC 5545 calendars of maintenance windows
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Only what the notifier needs: a VCALENDAR with METHOD:PUBLISH and one
 * VEVENT per window, times in UTC (so no VTIMEZONE is needed and no
 * calendar client has to know the zone's rules), lines folded at 75
 * octets and ended by CRLF.
 */
#include "config.h"

#include <string.h>

#include "maint-notifier-private.h"

#define LINE_OCTETS 75

void
maint_ics_append_line (GString    *out,
                       const char *name,
                       const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);
  const char *p = line;
  gsize len = strlen (line);
  gsize room = LINE_OCTETS;

  while (len > room)
    {
      gsize cut = room;

      /* never inside a UTF-8 sequence: back up to a lead byte */
      while (cut > 0 && ((guchar) p[cut] & 0xc0) == 0x80)
        cut--;
      if (cut == 0)   /* not UTF-8 after all; callers escape values */
        cut = room;
      g_string_append_len (out, p, cut);
      g_string_append (out, "\r\n ");
      p += cut;
      len -= cut;
      room = LINE_OCTETS - 1;   /* the leading space counts */
    }
  g_string_append_len (out, p, len);
  g_string_append (out, "\r\n");
}

char *
maint_ics_escape_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid) + 8);

  for (const char *p = valid; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case '\r':
          if (p[1] == '\n')
            p++;
          G_GNUC_FALLTHROUGH;
        case '\n':
          g_string_append (out, "\\n");
          break;
        default:
          /* TEXT allows no other controls (HTAB aside) */
          if (((guchar) *p < 0x20 && *p != '\t') || *p == 0x7f)
            g_string_append_c (out, ' ');
          else
            g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static char *
format_utc (gint64 instant)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (instant);

  return g_date_time_format (dt, "%Y%m%dT%H%M%SZ");
}

char *
maint_ics_calendar (const MaintIcsEvent *events,
                    guint                n_events,
                    gint64               stamp)
{
  GString *out = g_string_new (NULL);
  g_autofree char *dtstamp = format_utc (stamp);

  maint_ics_append_line (out, "BEGIN", "VCALENDAR");
  maint_ics_append_line (out, "VERSION", "2.0");
  maint_ics_append_line (out, "PRODID", "-//libmaint//libmaint " PACKAGE_VERSION "//EN");
  maint_ics_append_line (out, "CALSCALE", "GREGORIAN");
  maint_ics_append_line (out, "METHOD", "PUBLISH");

  for (guint i = 0; i < n_events; i++)
    {
      const MaintIcsEvent *e = &events[i];
      g_autofree char *start = format_utc (e->start);
      g_autofree char *end = format_utc (e->end);
      g_autofree char *sequence = g_strdup_printf ("%u", e->sequence);
      g_autofree char *summary = maint_ics_escape_text (e->summary);

      maint_ics_append_line (out, "BEGIN", "VEVENT");
      maint_ics_append_line (out, "UID", e->uid);
      maint_ics_append_line (out, "DTSTAMP", dtstamp);
      maint_ics_append_line (out, "DTSTART", start);
      maint_ics_append_line (out, "DTEND", end);
      maint_ics_append_line (out, "SEQUENCE", sequence);
      maint_ics_append_line (out, "STATUS", e->cancelled ? "CANCELLED" : "CONFIRMED");
      maint_ics_append_line (out, "SUMMARY", summary);
      if (e->description != NULL && e->description[0] != '\0')
        {
          g_autofree char *description = maint_ics_escape_text (e->description);
          maint_ics_append_line (out, "DESCRIPTION", description);
        }
      /* the machine is down: the time is busy */
      maint_ics_append_line (out, "TRANSP", "OPAQUE");
      maint_ics_append_line (out, "END", "VEVENT");
    }

  maint_ics_append_line (out, "END", "VCALENDAR");
  return g_string_free (out, FALSE);
}
