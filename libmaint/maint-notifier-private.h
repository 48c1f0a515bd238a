/* maint-notifier-private.h: the parts of the notifier behind its API
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * maint-notifier.c  change detection and rendering (the notifier)
 * maint-notice.c    the notice and notice item objects
 * maint-notifier-templates.c  the default English and German templates
 *                   and the template text format
 * maint-ics.c       RFC 5545 calendars
 * maint-eml.c       RFC 5322 / MIME messages
 */
#pragma once

#ifndef MAINT_COMPILATION
# error "This is a private header of libmaint."
#endif

#include "maint-notifier.h"

G_BEGIN_DECLS

/* ---- templates ---------------------------------------------------- */

/* A parsed template: section name -> MessageFormat pattern. */
typedef struct {
  MaintNoticeKind  kind;
  char            *text;       /* as given */
  GHashTable      *sections;   /* char * -> char * */
} MaintTemplate;

/* The default template text for a language ("en", "de"), or NULL. */
const char    *maint_template_default_text (const char       *language,
                                            MaintNoticeKind   kind);
/* The languages that have default templates, NULL-terminated. */
const char * const *maint_template_default_languages (void);
/* Parses @text: sections start with a line "@name"; lines before the
 * first section that are empty or start with "#" are comments; a content
 * line starting with "@@" stands for one starting with "@". Checks that
 * exactly the sections @kind needs are there, not that they format. */
MaintTemplate *maint_template_parse        (MaintNoticeKind   kind,
                                            const char       *text,
                                            GError          **error);
void           maint_template_free         (MaintTemplate    *tmpl);
const char    *maint_template_get          (MaintTemplate    *tmpl,
                                            const char       *section);
/* The sections of @kind, NULL-terminated. */
const char * const *maint_template_sections (MaintNoticeKind  kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MaintTemplate, maint_template_free)

/* ---- notices ------------------------------------------------------ */

MaintNoticeItem *maint_notice_item_new (const char        *machine,
                                        const char        *group,
                                        MaintNoticeChange  change,
                                        MaintSlot         *slot,
                                        MaintSlot         *previous,
                                        const char        *host,
                                        const char        *uid,
                                        guint              sequence);

typedef struct {
  const char          *group;
  MaintNoticeKind      kind;
  const char          *locale;
  const char * const  *recipients;
  const char          *sender;
  const char          *subject;
  const char          *body;
  gint64               created;
  gint64               send_by;
  GPtrArray           *items;      /* (element-type MaintNoticeItem), borrowed */
  const char          *calendar;   /* nullable */
} MaintNoticeData;

MaintNotice *maint_notice_new (const MaintNoticeData *data);

/* ---- iCalendar ---------------------------------------------------- */

typedef struct {
  const char *uid;
  guint       sequence;
  gint64      start;
  gint64      end;
  gboolean    cancelled;
  const char *summary;       /* UTF-8 text, escaped here */
  const char *description;   /* UTF-8 text, escaped here; may be NULL */
} MaintIcsEvent;

/* A VCALENDAR (METHOD:PUBLISH) with one VEVENT per event: CRLF line
 * endings, lines folded at 75 octets between UTF-8 sequences. */
char *maint_ics_calendar (const MaintIcsEvent *events,
                          guint                n_events,
                          gint64               stamp);
/* Appends "NAME:VALUE" folded, with CRLF. Exposed for tests. */
void  maint_ics_append_line (GString    *out,
                             const char *name,
                             const char *value);
/* RFC 5545 TEXT escaping: \ ; , and line breaks. */
char *maint_ics_escape_text (const char *text);

/* ---- e-mail ------------------------------------------------------- */

/* A plain local@domain address, safe in a header (ASCII, no spaces,
 * no header syntax). */
gboolean maint_eml_address_is_valid (const char *address);
/* An unstructured header value: control characters become spaces, the
 * value is RFC 2047 encoded when it is not plain printable ASCII, and
 * folded. Returns "Name: value" without the final CRLF. */
char    *maint_eml_header_unstructured (const char *name,
                                        const char *value);
/* Date header value for an instant, RFC 5322, in UTC (+0000). */
char    *maint_eml_date (gint64 instant);
/* Quoted-printable with CRLF hard line breaks, lines <= 76 octets. */
char    *maint_eml_quoted_printable (const char *text);

G_END_DECLS
