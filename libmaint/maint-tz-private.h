/* maint-tz-private.h: time zone rules from the system tz database
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Zones are read from TZif files (RFC 8536) under $TZDIR or
 * MAINT_ZONEINFO_DIR, expanded once into a transition table that covers
 * 1900..2101 (the footer's POSIX TZ rule supplies the transitions after
 * the file's last one), and cached for the life of the process. A MaintTz
 * is immutable and never freed, so it can be shared between threads
 * without reference counting.
 */
#pragma once

#ifndef MAINT_COMPILATION
# error "This is a private header of libmaint."
#endif

#include <glib.h>

G_BEGIN_DECLS

typedef struct _MaintTz MaintTz;

/* Which instant to take when a local time occurs twice (fall back). */
typedef enum {
  MAINT_TZ_EARLIEST,
  MAINT_TZ_LATEST,
} MaintTzPick;

/* Returns a cached zone (transfer none, lives forever) or NULL with
 * MAINT_TIME_ERROR_ZONE_FAILED. "UTC" and "Etc/UTC" always work. */
const MaintTz *maint_tz_get              (const char    *name,
                                          GError       **error);
const char    *maint_tz_get_name         (const MaintTz *tz);
/* UTC offset in seconds (local = utc + offset) in force at @utc. */
gint32         maint_tz_offset_at        (const MaintTz *tz,
                                          gint64         utc);
/* Abbreviation ("CET", "CEST", "+0545") in force at @utc. */
const char    *maint_tz_abbreviation_at  (const MaintTz *tz,
                                          gint64         utc);
/* @local is a wall-clock reading in seconds since 1970-01-01T00:00 local.
 * Returns the earliest or latest UTC instant at which the clock reads
 * @local. When the reading does not exist (a gap), returns the instant the
 * RFC 5545 rule gives: the reading shifted forward by the length of the
 * gap, and sets *out_in_gap (may be NULL) to TRUE. */
gint64         maint_tz_local_to_utc     (const MaintTz *tz,
                                          gint64         local,
                                          MaintTzPick    pick,
                                          gboolean      *out_in_gap);

/* Builds a zone from the bytes of a TZif file, outside the cache: for the
 * fuzzer and tests, which feed it bytes that are not in any file. Returns
 * NULL and sets *out_problem (may be NULL) to a static description when
 * the bytes are not a usable TZif file. Free with maint_tz_free(). */
MaintTz       *maint_tz_new_from_data    (const char    *name,
                                          const guint8  *data,
                                          gsize          length,
                                          const char   **out_problem);
void           maint_tz_free             (MaintTz       *tz);

/* Proleptic Gregorian calendar helpers (H. Hinnant's algorithms). */
gint64         maint_days_from_civil     (gint64         year,
                                          guint          month,
                                          guint          day);
void           maint_civil_from_days     (gint64         days,
                                          gint64        *out_year,
                                          guint         *out_month,
                                          guint         *out_day);
/* 0 = Monday ... 6 = Sunday */
guint          maint_weekday_from_days   (gint64         days);

G_END_DECLS
