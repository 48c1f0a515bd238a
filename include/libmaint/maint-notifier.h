/* maint-notifier.h: notices to the contacts of resource groups
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
#include <libmaint/maint-fleet.h>
#include <libmaint/maint-plan.h>

G_BEGIN_DECLS

/**
 * MAINT_NOTIFIER_DEFAULT_SENDER:
 *
 * The `From` address of notices when none is set with
 * [method@Maint.Notifier.set_sender].
 */
#define MAINT_NOTIFIER_DEFAULT_SENDER "maintenance@localhost"

/* One window a notice is about. */
#define MAINT_TYPE_NOTICE_ITEM (maint_notice_item_get_type ())
MAINT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (MaintNoticeItem, maint_notice_item, MAINT, NOTICE_ITEM, GObject)

MAINT_AVAILABLE_IN_1_0
const char        *maint_notice_item_get_machine  (MaintNoticeItem *self);
MAINT_AVAILABLE_IN_1_0
const char        *maint_notice_item_get_group    (MaintNoticeItem *self);
MAINT_AVAILABLE_IN_1_0
MaintNoticeChange  maint_notice_item_get_change   (MaintNoticeItem *self);
MAINT_AVAILABLE_IN_1_0
MaintSlot         *maint_notice_item_get_slot     (MaintNoticeItem *self);
MAINT_AVAILABLE_IN_1_0
MaintSlot         *maint_notice_item_get_previous (MaintNoticeItem *self);
MAINT_AVAILABLE_IN_1_0
const char        *maint_notice_item_get_host     (MaintNoticeItem *self);
MAINT_AVAILABLE_IN_1_0
const char        *maint_notice_item_get_uid      (MaintNoticeItem *self);
MAINT_AVAILABLE_IN_1_0
guint              maint_notice_item_get_sequence (MaintNoticeItem *self);

/* One message to one group's contacts. */
#define MAINT_TYPE_NOTICE (maint_notice_get_type ())
MAINT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (MaintNotice, maint_notice, MAINT, NOTICE, GObject)

MAINT_AVAILABLE_IN_1_0
const char         *maint_notice_get_group      (MaintNotice  *self);
MAINT_AVAILABLE_IN_1_0
MaintNoticeKind     maint_notice_get_kind       (MaintNotice  *self);
MAINT_AVAILABLE_IN_1_0
const char         *maint_notice_get_locale     (MaintNotice  *self);
MAINT_AVAILABLE_IN_1_0
const char * const *maint_notice_get_recipients (MaintNotice  *self);
MAINT_AVAILABLE_IN_1_0
const char         *maint_notice_get_sender     (MaintNotice  *self);
MAINT_AVAILABLE_IN_1_0
const char         *maint_notice_get_subject    (MaintNotice  *self);
MAINT_AVAILABLE_IN_1_0
const char         *maint_notice_get_body       (MaintNotice  *self);
MAINT_AVAILABLE_IN_1_0
gint64              maint_notice_get_created    (MaintNotice  *self);
MAINT_AVAILABLE_IN_1_0
gint64              maint_notice_get_send_by    (MaintNotice  *self);
MAINT_AVAILABLE_IN_1_0
GPtrArray          *maint_notice_get_items      (MaintNotice  *self);
MAINT_AVAILABLE_IN_1_0
GPtrArray          *maint_notice_get_slots      (MaintNotice  *self);
MAINT_AVAILABLE_IN_1_0
const char         *maint_notice_get_calendar   (MaintNotice  *self);
MAINT_AVAILABLE_IN_1_0
char               *maint_notice_get_message_id (MaintNotice  *self);
MAINT_AVAILABLE_IN_1_0
char               *maint_notice_to_email       (MaintNotice  *self,
                                                 gsize        *length,
                                                 GError      **error);

/* The notifier. */
#define MAINT_TYPE_NOTIFIER (maint_notifier_get_type ())
MAINT_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (MaintNotifier, maint_notifier, MAINT, NOTIFIER, GObject)

MAINT_AVAILABLE_IN_1_0
MaintNotifier *maint_notifier_new                   (MaintFleet       *fleet,
                                                     MaintPlan        *plan);
MAINT_AVAILABLE_IN_1_0
MaintFleet    *maint_notifier_get_fleet             (MaintNotifier    *self);
MAINT_AVAILABLE_IN_1_0
MaintPlan     *maint_notifier_get_plan              (MaintNotifier    *self);
MAINT_AVAILABLE_IN_1_0
MaintPlan     *maint_notifier_get_previous          (MaintNotifier    *self);
MAINT_AVAILABLE_IN_1_0
void           maint_notifier_set_previous          (MaintNotifier    *self,
                                                     MaintPlan        *previous);
MAINT_AVAILABLE_IN_1_0
gint64         maint_notifier_get_now               (MaintNotifier    *self);
MAINT_AVAILABLE_IN_1_0
void           maint_notifier_set_now               (MaintNotifier    *self,
                                                     gint64            now);
MAINT_AVAILABLE_IN_1_0
gboolean       maint_notifier_get_announce_settings (MaintNotifier    *self);
MAINT_AVAILABLE_IN_1_0
void           maint_notifier_set_announce_settings (MaintNotifier    *self,
                                                     gboolean          announce);
MAINT_AVAILABLE_IN_1_0
const char    *maint_notifier_get_locale            (MaintNotifier    *self);
MAINT_AVAILABLE_IN_1_0
void           maint_notifier_set_locale            (MaintNotifier    *self,
                                                     const char       *locale);
MAINT_AVAILABLE_IN_1_0
const char    *maint_notifier_get_sender            (MaintNotifier    *self);
MAINT_AVAILABLE_IN_1_0
void           maint_notifier_set_sender            (MaintNotifier    *self,
                                                     const char       *sender);
MAINT_AVAILABLE_IN_1_0
gboolean       maint_notifier_set_template          (MaintNotifier    *self,
                                                     const char       *locale,
                                                     MaintNoticeKind   kind,
                                                     const char       *text,
                                                     GError          **error);
MAINT_AVAILABLE_IN_1_0
const char    *maint_notifier_get_template          (MaintNotifier    *self,
                                                     const char       *locale,
                                                     MaintNoticeKind   kind);
MAINT_AVAILABLE_IN_1_0
void           maint_notifier_set_sequence          (MaintNotifier    *self,
                                                     const char       *uid,
                                                     guint             sequence);
MAINT_AVAILABLE_IN_1_0
GPtrArray     *maint_notifier_run                   (MaintNotifier    *self,
                                                     GError          **error);
MAINT_AVAILABLE_IN_1_0
GPtrArray     *maint_notifier_get_items             (MaintNotifier    *self);
MAINT_AVAILABLE_IN_1_0
char          *maint_notifier_get_calendar          (MaintNotifier    *self,
                                                     const char       *group);

/**
 * MAINT_NOTIFIER_ERROR:
 *
 * Error domain of the notifier: #MaintNotifierError.
 */
#define MAINT_NOTIFIER_ERROR (maint_notifier_error_quark ())

/**
 * MaintNotifierError:
 * @MAINT_NOTIFIER_ERROR_TEMPLATE_FAILED: a template is malformed: a
 *   missing or unknown section, a MessageFormat syntax error, an unknown
 *   argument name or an argument used with a type that does not fit it
 * @MAINT_NOTIFIER_ERROR_LOCALE_FAILED: ICU has no date formats for a
 *   locale
 * @MAINT_NOTIFIER_ERROR_INVALID_FAILED: the fleet, plan or settings cannot
 *   be notified: an unknown time zone, a slot of a machine the fleet does
 *   not have, `now` not set, a sender or contact that is not a plain
 *   `local@domain` address
 *
 * Error codes of the %MAINT_NOTIFIER_ERROR domain.
 */
typedef enum {
  MAINT_NOTIFIER_ERROR_TEMPLATE_FAILED,
  MAINT_NOTIFIER_ERROR_LOCALE_FAILED,
  MAINT_NOTIFIER_ERROR_INVALID_FAILED,
} MaintNotifierError;

MAINT_AVAILABLE_IN_1_0
GQuark maint_notifier_error_quark (void);

G_END_DECLS
