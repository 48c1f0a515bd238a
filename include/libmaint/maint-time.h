/* maint-time.h: instants, durations and time zones
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__MAINT_INSIDE__) && !defined(MAINT_COMPILATION)
# error "Only <libmaint/libmaint.h> can be included directly."
#endif

#include <glib.h>

#include <libmaint/maint-version-macros.h>

G_BEGIN_DECLS

/**
 * MAINT_INSTANT_MIN:
 *
 * The earliest instant libmaint accepts, in seconds since the Unix epoch:
 * 1970-01-01T00:00:01Z. Optional instants use 0 for "not set".
 */
#define MAINT_INSTANT_MIN 1

/**
 * MAINT_INSTANT_MAX:
 *
 * The latest instant libmaint accepts, in seconds since the Unix epoch:
 * 2100-12-31T23:59:59Z.
 */
#define MAINT_INSTANT_MAX 4133980799

/**
 * MAINT_DURATION_MAX:
 *
 * The longest duration libmaint accepts, in seconds: 3660 days (ten years
 * and then some).
 */
#define MAINT_DURATION_MAX 316224000

MAINT_AVAILABLE_IN_1_0
gboolean  maint_instant_parse        (const char  *text,
                                      gint64      *out_instant,
                                      GError     **error);
MAINT_AVAILABLE_IN_1_0
char     *maint_instant_format       (gint64       instant);
MAINT_AVAILABLE_IN_1_0
char     *maint_instant_format_local (gint64       instant,
                                      const char  *zone,
                                      GError     **error);
MAINT_AVAILABLE_IN_1_0
gboolean  maint_duration_parse       (const char  *text,
                                      gint64      *out_seconds,
                                      GError     **error);
MAINT_AVAILABLE_IN_1_0
char     *maint_duration_format      (gint64       seconds);
MAINT_AVAILABLE_IN_1_0
gboolean  maint_time_zone_check      (const char  *zone,
                                      GError     **error);
MAINT_AVAILABLE_IN_1_0
gint32    maint_time_zone_offset_at  (const char  *zone,
                                      gint64       instant,
                                      GError     **error);
MAINT_AVAILABLE_IN_1_0
char     *maint_time_zone_abbreviation_at (const char  *zone,
                                           gint64       instant,
                                           GError     **error);

G_END_DECLS
