/* maint-version-macros.h: symbol visibility and availability
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__MAINT_INSIDE__) && !defined(MAINT_COMPILATION)
# error "Only <libmaint/libmaint.h> can be included directly."
#endif

#include <glib.h>

#include <libmaint/maint-version.h>

#ifndef _MAINT_EXTERN
# define _MAINT_EXTERN __attribute__((visibility("default"))) extern
#endif

#define MAINT_VERSION_1_0 (G_ENCODE_VERSION (1, 0))

#ifdef MAINT_DISABLE_DEPRECATION_WARNINGS
# define MAINT_DEPRECATED _MAINT_EXTERN
# define MAINT_DEPRECATED_FOR(f) _MAINT_EXTERN
#else
# define MAINT_DEPRECATED G_DEPRECATED _MAINT_EXTERN
# define MAINT_DEPRECATED_FOR(f) G_DEPRECATED_FOR (f) _MAINT_EXTERN
#endif

#define MAINT_AVAILABLE_IN_ALL _MAINT_EXTERN
#define MAINT_AVAILABLE_IN_1_0 _MAINT_EXTERN
