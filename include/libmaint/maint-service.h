/* maint-service.h: a redundancy set of machines
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__MAINT_INSIDE__) && !defined(MAINT_COMPILATION)
# error "Only <libmaint/libmaint.h> can be included directly."
#endif

#include <glib-object.h>

#include <libmaint/maint-version-macros.h>
#include <libmaint/maint-enums.h>
#include <libmaint/maint-interval.h>

G_BEGIN_DECLS

#define MAINT_TYPE_SERVICE (maint_service_get_type ())

MAINT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (MaintService, maint_service, MAINT, SERVICE, GObject)

MAINT_AVAILABLE_IN_1_0
MaintService       *maint_service_new                 (const char          *name);
MAINT_AVAILABLE_IN_1_0
const char         *maint_service_get_name            (MaintService        *self);
MAINT_AVAILABLE_IN_1_0
const char * const *maint_service_get_members         (MaintService        *self);
MAINT_AVAILABLE_IN_1_0
void                maint_service_set_members         (MaintService        *self,
                                                       const char * const  *members);
MAINT_AVAILABLE_IN_1_0
guint               maint_service_get_max_unavailable (MaintService        *self);
MAINT_AVAILABLE_IN_1_0
void                maint_service_set_max_unavailable (MaintService        *self,
                                                       guint                count);
MAINT_AVAILABLE_IN_1_0
gint64              maint_service_get_spacing         (MaintService        *self);
MAINT_AVAILABLE_IN_1_0
void                maint_service_set_spacing         (MaintService        *self,
                                                       gint64               seconds);
MAINT_AVAILABLE_IN_1_0
const char * const *maint_service_get_order           (MaintService        *self);
MAINT_AVAILABLE_IN_1_0
void                maint_service_set_order           (MaintService        *self,
                                                       const char * const  *order);
MAINT_AVAILABLE_IN_1_0
gboolean            maint_service_equal               (MaintService        *a,
                                                       MaintService        *b);

G_END_DECLS
