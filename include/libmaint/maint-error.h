/* maint-error.h: error domains
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
 * MAINT_TIME_ERROR:
 *
 * Error domain for instants, durations and time zones. Errors in this
 * domain are from the #MaintTimeError enumeration.
 */
#define MAINT_TIME_ERROR (maint_time_error_quark ())

/**
 * MaintTimeError:
 * @MAINT_TIME_ERROR_INSTANT_FAILED: a text is not an RFC 3339 instant, or
 *   the instant is outside the supported range (1970 to 2100)
 * @MAINT_TIME_ERROR_DURATION_FAILED: a text is not a supported ISO 8601
 *   duration, or it is negative or too long
 * @MAINT_TIME_ERROR_ZONE_FAILED: a time zone name is unknown to the system
 *   tz database, or its file cannot be read
 *
 * Error codes of the %MAINT_TIME_ERROR domain.
 */
typedef enum {
  MAINT_TIME_ERROR_INSTANT_FAILED,
  MAINT_TIME_ERROR_DURATION_FAILED,
  MAINT_TIME_ERROR_ZONE_FAILED,
} MaintTimeError;

/**
 * MAINT_WINDOW_SPEC_ERROR:
 *
 * Error domain for window specs. Errors in this domain are from the
 * #MaintWindowSpecError enumeration.
 */
#define MAINT_WINDOW_SPEC_ERROR (maint_window_spec_error_quark ())

/**
 * MaintWindowSpecError:
 * @MAINT_WINDOW_SPEC_ERROR_PARSE_FAILED: the spec text is malformed; the
 *   message names the column (counted from 1) of the mistake
 *
 * Error codes of the %MAINT_WINDOW_SPEC_ERROR domain.
 */
typedef enum {
  MAINT_WINDOW_SPEC_ERROR_PARSE_FAILED, /*< nick=parse-failed >*/
} MaintWindowSpecError;

/**
 * MAINT_FLEET_ERROR:
 *
 * Error domain for fleets and their JSON format. Errors in this domain
 * are from the #MaintFleetError enumeration. The message of every error
 * that concerns a JSON document starts with the JSON path of the value at
 * fault, for example `machines[12].group: unknown resource group "acme"`.
 */
#define MAINT_FLEET_ERROR (maint_fleet_error_quark ())

/**
 * MaintFleetError:
 * @MAINT_FLEET_ERROR_PARSE_FAILED: the document is not well-formed JSON,
 *   or not UTF-8
 * @MAINT_FLEET_ERROR_FORMAT_FAILED: the `format` member is missing or names
 *   a format this version does not read
 * @MAINT_FLEET_ERROR_INVALID_FAILED: a value has the wrong type, an unknown
 *   field, or a value out of range
 * @MAINT_FLEET_ERROR_REFERENCE_FAILED: a name refers to an object that does
 *   not exist or has the wrong kind
 * @MAINT_FLEET_ERROR_DUPLICATE_FAILED: a name or id is used twice
 * @MAINT_FLEET_ERROR_LIMIT_FAILED: the input is larger or deeper than the
 *   library accepts
 * @MAINT_FLEET_ERROR_IO_FAILED: the file cannot be read or written
 *
 * Error codes of the %MAINT_FLEET_ERROR domain.
 */
typedef enum {
  MAINT_FLEET_ERROR_PARSE_FAILED,
  MAINT_FLEET_ERROR_FORMAT_FAILED,
  MAINT_FLEET_ERROR_INVALID_FAILED,
  MAINT_FLEET_ERROR_REFERENCE_FAILED,
  MAINT_FLEET_ERROR_DUPLICATE_FAILED,
  MAINT_FLEET_ERROR_LIMIT_FAILED,
  MAINT_FLEET_ERROR_IO_FAILED,
} MaintFleetError;

MAINT_AVAILABLE_IN_1_0
GQuark maint_time_error_quark        (void);
MAINT_AVAILABLE_IN_1_0
GQuark maint_window_spec_error_quark (void);
MAINT_AVAILABLE_IN_1_0
GQuark maint_fleet_error_quark       (void);

G_END_DECLS
