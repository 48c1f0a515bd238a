/* maint-icu-private.h: the little of ICU the notifier uses
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * ICU stays behind this header: the public API speaks UTF-8 and GLib.
 *
 * Two rules hold everywhere here:
 *
 *  - ICU never resolves an IANA zone. Debian 12's ICU carries tz 2022e;
 *    the system tz database is newer and the two disagree on real zones.
 *    Callers compute the wall-clock reading with libmaint's own tz code
 *    (maint-tz-private.h) and hand it here as "seconds since
 *    1970-01-01T00:00 local"; it is formatted in ICU's fixed "GMT" zone,
 *    so ICU only contributes the locale's words and patterns.
 *
 *  - ICU's C API formats MessageFormat patterns with numbered, variadic
 *    arguments only. Templates use names ({machine}, {reboots, plural,
 *    …}); maint_icu_format_message() renumbers them and passes the
 *    values with the C type ICU expects for each argument's type.
 */
#pragma once

#ifndef MAINT_COMPILATION
# error "This is a private header of libmaint."
#endif

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MAINT_MESSAGE_ARG_STRING,
  MAINT_MESSAGE_ARG_NUMBER,
} MaintMessageArgType;

/* A named argument of a message pattern. String arguments may be used
 * untyped ({name}) or with `select`; number arguments untyped (formatted
 * as an integer), with `number`, `plural` or `selectordinal`. */
typedef struct {
  const char          *name;
  MaintMessageArgType  type;
  const char          *string;   /* UTF-8; NULL is the empty string */
  double               number;
} MaintMessageArg;

/* Compiled patterns, reused while the same pattern is formatted with the
 * same argument list in the same locale (one run of the notifier). Not
 * thread-safe. */
typedef struct _MaintIcuMessages MaintIcuMessages;

MaintIcuMessages *maint_icu_messages_new  (void);
void              maint_icu_messages_free (MaintIcuMessages *messages);

/* Formats the ICU MessageFormat @pattern (UTF-8) in @locale with @args.
 * Fails with MAINT_NOTIFIER_ERROR_TEMPLATE_FAILED on a syntax error, an
 * unknown argument name or an argument used with a type that does not fit
 * its value; the message names the problem. @cache may be NULL. */
char *maint_icu_format_message (MaintIcuMessages       *cache,
                                const char             *locale,
                                const char             *pattern,
                                const MaintMessageArg  *args,
                                guint                   n_args,
                                GError                **error);

/* Locale date and time formats, created once per locale and reused. */
typedef struct _MaintIcuDates MaintIcuDates;

MaintIcuDates *maint_icu_dates_new         (const char    *locale,
                                            GError       **error);
void           maint_icu_dates_free        (MaintIcuDates *dates);
/* @wall is a wall-clock reading: seconds since 1970-01-01T00:00 in the
 * zone the caller has already applied. */
/* "Sunday, March 29, 2026" / "Sonntag, 29. März 2026" */
char          *maint_icu_dates_format_date (MaintIcuDates *dates,
                                            gint64         wall);
/* "Mar 29, 2026" / "29. März 2026" */
char          *maint_icu_dates_format_medium_date (MaintIcuDates *dates,
                                                   gint64         wall);
/* "1:30 AM" / "01:30": the locale's preferred clock */
char          *maint_icu_dates_format_time (MaintIcuDates *dates,
                                            gint64         wall);
/* The locale's abbreviated weekday name; @weekday 0 = Monday … 6 = Sunday */
const char    *maint_icu_dates_weekday     (MaintIcuDates *dates,
                                            guint          weekday);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MaintIcuDates, maint_icu_dates_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MaintIcuMessages, maint_icu_messages_free)

G_END_DECLS
