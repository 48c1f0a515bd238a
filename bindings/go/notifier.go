package maint

// #include <libmaint/libmaint.h>
import "C"

import (
	"math"
	"runtime"
	"time"
	"unsafe"
)

// DefaultSender is the From address of notices when the notifier has no
// sender set.
const DefaultSender = C.MAINT_NOTIFIER_DEFAULT_SENDER

// Notifier turns a plan into the notices a hosting provider sends to the
// contacts of its customers' resource groups: per group at most one
// notice of each NoticeKind, rendered in the group's locale from
// templates, with an iCalendar attachment of the windows.
//
// Give it the fleet and the new plan and, optionally, the plan announced
// before (SetPrevious); nothing is sent for a group when nothing its
// customer would notice has changed. A notifier keeps ICU formatters
// between runs and is not safe for concurrent use: use one per goroutine
// (fleets and plans may be shared).
type Notifier struct {
	ptr *C.MaintNotifier
}

// c returns the C object.
func (n *Notifier) c() *C.MaintNotifier {
	if n == nil || n.ptr == nil {
		panic("maint: Notifier not created by NewNotifier")
	}
	return n.ptr
}

// NewNotifier returns a notifier for the plan of the fleet, with no
// previous plan, the plan's now, no settings notices, each group's own
// locale and DefaultSender.
func NewNotifier(fleet *Fleet, plan *Plan) *Notifier {
	defer runtime.KeepAlive(fleet)
	defer runtime.KeepAlive(plan)
	p := C.maint_notifier_new(fleet.c(), plan.c())
	return ownObject(&Notifier{ptr: p}, unsafe.Pointer(p))
}

// Fleet returns the fleet whose groups are notified.
func (n *Notifier) Fleet() *Fleet {
	defer runtime.KeepAlive(n)
	return borrowFleet(C.maint_notifier_get_fleet(n.c()))
}

// Plan returns the new plan.
func (n *Notifier) Plan() *Plan {
	defer runtime.KeepAlive(n)
	return borrowPlan(C.maint_notifier_get_plan(n.c()))
}

// Previous returns the previously announced plan, or nil.
func (n *Notifier) Previous() *Plan {
	defer runtime.KeepAlive(n)
	return borrowPlan(C.maint_notifier_get_previous(n.c()))
}

// SetPrevious sets the plan that was announced before, to compare the new
// one with; nil removes it. Without one, pinned slots count as announced
// and all others as new.
func (n *Notifier) SetPrevious(previous *Plan) {
	var p *C.MaintPlan
	if previous != nil {
		p = previous.c()
	}
	C.maint_notifier_set_previous(n.c(), p)
	runtime.KeepAlive(n)
	runtime.KeepAlive(previous)
}

// Now returns the instant of the run set with SetNow, or the zero Time if
// the plan's now is used.
func (n *Notifier) Now() time.Time {
	defer runtime.KeepAlive(n)
	return goTime(C.maint_notifier_get_now(n.c()))
}

// SetNow sets the instant of the run: the creation time of the notices;
// the zero Time goes back to the plan's now.
func (n *Notifier) SetNow(t time.Time) error {
	s, err := optionalInstant(t)
	if err != nil {
		return err
	}
	C.maint_notifier_set_now(n.c(), s)
	runtime.KeepAlive(n)
	return nil
}

// AnnounceSettings reports whether Run makes a settings notice for every
// group.
func (n *Notifier) AnnounceSettings() bool {
	defer runtime.KeepAlive(n)
	return C.maint_notifier_get_announce_settings(n.c()) != C.FALSE
}

// SetAnnounceSettings sets whether Run makes a settings notice (contacts,
// time zone, windows, notice period) for every group.
func (n *Notifier) SetAnnounceSettings(announce bool) {
	C.maint_notifier_set_announce_settings(n.c(), cBool(announce))
	runtime.KeepAlive(n)
}

// Locale returns the locale override, or "" if each group's own locale
// is used.
func (n *Notifier) Locale() string {
	defer runtime.KeepAlive(n)
	return goString(C.maint_notifier_get_locale(n.c()))
}

// SetLocale sets one locale for every group's notices, e.g. "de"; ""
// goes back to each group's own.
func (n *Notifier) SetLocale(locale string) {
	s := cStringOrNil(locale)
	defer freeString(s)
	C.maint_notifier_set_locale(n.c(), s)
	runtime.KeepAlive(n)
}

// Sender returns the From address of the notices.
func (n *Notifier) Sender() string {
	defer runtime.KeepAlive(n)
	return goString(C.maint_notifier_get_sender(n.c()))
}

// SetSender sets the From address of the notices, a plain local@domain
// address (Run checks it); "" goes back to DefaultSender.
func (n *Notifier) SetSender(sender string) {
	s := cStringOrNil(sender)
	defer freeString(s)
	C.maint_notifier_set_sender(n.c(), s)
	runtime.KeepAlive(n)
}

// SetTemplate replaces the template of one kind of notice for one locale:
// a language ("de") or a language and region ("de_CH", "de-CH"). Text ""
// goes back to libmaint's default. The template is text in sections
// (`@subject`, `@body`, …) of ICU MessageFormat patterns with named
// arguments, as the C documentation of maint_notifier_set_template
// describes; Template returns the defaults as a starting point.
//
// A malformed template, or an empty locale, is an *Error with code
// NotifierErrorTemplateFailed; the template in use is then unchanged. It
// panics if kind is not a NoticeKind constant.
func (n *Notifier) SetTemplate(locale string, kind NoticeKind, text string) error {
	enumCheck(noticeKindNicks, int(kind), "NoticeKind")
	if locale == "" {
		return newError(NotifierErrorDomain, NotifierErrorTemplateFailed,
			"a template needs a locale")
	}
	l := cString(locale)
	defer freeString(l)
	t := cStringOrNil(text)
	defer freeString(t)
	var gerr *C.GError
	ok := C.maint_notifier_set_template(n.c(), l, C.MaintNoticeKind(kind), t, &gerr)
	runtime.KeepAlive(n)
	if ok == C.FALSE {
		return takeError(gerr)
	}
	return nil
}

// Template returns the template notices of that kind for a group with
// that locale are made from: one set with SetTemplate, else libmaint's
// default for the locale's language, else the English one. It panics if
// kind is not a NoticeKind constant.
func (n *Notifier) Template(locale string, kind NoticeKind) string {
	enumCheck(noticeKindNicks, int(kind), "NoticeKind")
	l := cString(locale)
	defer freeString(l)
	defer runtime.KeepAlive(n)
	return goString(C.maint_notifier_get_template(n.c(), l, C.MaintNoticeKind(kind)))
}

// SetSequence tells the notifier the iCalendar SEQUENCE an announced
// window (NoticeItem.UID) was last announced with; a window that changes
// is announced with one more. Keep the numbers of Items between runs and
// give them back here; without one an announced window counts as 0. It
// panics for math.MaxUint32, which has no successor.
func (n *Notifier) SetSequence(uid string, sequence uint32) {
	if sequence == math.MaxUint32 {
		panic("maint: sequence number out of range")
	}
	u := cString(uid)
	defer freeString(u)
	C.maint_notifier_set_sequence(n.c(), u, C.guint(sequence))
	runtime.KeepAlive(n)
}

// Run compares the plan with the previous one and makes the notices: for
// every resource group, in fleet order, the settings (if asked for), the
// new windows and the changes, each only when there is something to say.
// The same input gives the same notices, byte for byte. Errors are
// *Error values in NotifierErrorDomain: an invalid sender, no now, an
// unknown zone or machine, a locale ICU cannot format.
func (n *Notifier) Run() ([]*Notice, error) {
	var gerr *C.GError
	arr := C.maint_notifier_run(n.c(), &gerr)
	runtime.KeepAlive(n)
	if arr == nil {
		return nil, takeError(gerr)
	}
	defer C.g_ptr_array_unref(arr)
	items := ptrArray(arr)
	out := make([]*Notice, 0, len(items))
	for _, p := range items {
		out = append(out, takeNotice((*C.MaintNotice)(refObject(unsafe.Pointer(p)))))
	}
	return out, nil
}

// Items returns every window of the last successful Run, by group in
// fleet order, then by machine and start: new, moved, cancelled, changed
// and unchanged ones, each with its calendar UID and sequence number.
// Before the first run there are none.
func (n *Notifier) Items() []NoticeItem {
	arr := C.maint_notifier_get_items(n.c())
	runtime.KeepAlive(n)
	defer C.g_ptr_array_unref(arr)
	return goNoticeItems(arr)
}

// Calendar returns the iCalendar text (CRLF line ends) of all of the
// group's windows after the last successful Run: every planned window and
// every cancelled one, so a subscribed calendar shows the whole plan. A
// group without windows gets a calendar without events.
func (n *Notifier) Calendar(group string) string {
	g := cString(group)
	defer freeString(g)
	defer runtime.KeepAlive(n)
	return takeString(C.maint_notifier_get_calendar(n.c(), g))
}

// NoticeItem is one window a notice is about, or one window of a
// notifier run.
type NoticeItem struct {
	// Machine is the machine's name.
	Machine string
	// Group is the machine's resource group.
	Group string
	// Change is how the window compares with what was announced.
	Change NoticeChange
	// Slot is the window in the new plan, or nil for a cancelled one.
	Slot *Slot
	// Previous is the window as announced, or nil for a new one.
	Previous *Slot
	// Host is the host whose reboot causes the downtime, or "" for the
	// machine's own slot.
	Host string
	// UID is the window's iCalendar UID, stable across moves and merges.
	UID string
	// Sequence is the window's iCalendar SEQUENCE in this run.
	Sequence uint32
}

// goSlotOrNil copies a nullable MaintSlot.
func goSlotOrNil(s *C.MaintSlot) *Slot {
	if s == nil {
		return nil
	}
	v := goSlot(s)
	return &v
}

// goNoticeItems copies a GPtrArray of MaintNoticeItem.
func goNoticeItems(arr *C.GPtrArray) []NoticeItem {
	items := ptrArray(arr)
	out := make([]NoticeItem, 0, len(items))
	for _, p := range items {
		it := (*C.MaintNoticeItem)(unsafe.Pointer(p))
		out = append(out, NoticeItem{
			Machine:  goString(C.maint_notice_item_get_machine(it)),
			Group:    goString(C.maint_notice_item_get_group(it)),
			Change:   NoticeChange(C.maint_notice_item_get_change(it)),
			Slot:     goSlotOrNil(C.maint_notice_item_get_slot(it)),
			Previous: goSlotOrNil(C.maint_notice_item_get_previous(it)),
			Host:     goString(C.maint_notice_item_get_host(it)),
			UID:      goString(C.maint_notice_item_get_uid(it)),
			Sequence: uint32(C.maint_notice_item_get_sequence(it)),
		})
	}
	return out
}

// Notice is one message to one resource group's contacts, as
// Notifier.Run makes it. A notice does not change.
type Notice struct {
	ptr *C.MaintNotice
}

// takeNotice wraps a (transfer full) notice.
func takeNotice(p *C.MaintNotice) *Notice {
	return ownObject(&Notice{ptr: p}, unsafe.Pointer(p))
}

// c returns the C object.
func (n *Notice) c() *C.MaintNotice {
	if n == nil || n.ptr == nil {
		panic("maint: Notice not created by Notifier.Run")
	}
	return n.ptr
}

// Group returns the name of the resource group the notice is for.
func (n *Notice) Group() string {
	defer runtime.KeepAlive(n)
	return goString(C.maint_notice_get_group(n.c()))
}

// Kind returns what the notice is about.
func (n *Notice) Kind() NoticeKind {
	defer runtime.KeepAlive(n)
	return NoticeKind(C.maint_notice_get_kind(n.c()))
}

// Locale returns the locale the notice is rendered in, e.g. "de".
func (n *Notice) Locale() string {
	defer runtime.KeepAlive(n)
	return goString(C.maint_notice_get_locale(n.c()))
}

// Recipients returns the addresses the notice goes to: the group's
// contacts.
func (n *Notice) Recipients() []string {
	defer runtime.KeepAlive(n)
	return goStrv(C.maint_notice_get_recipients(n.c()))
}

// Sender returns the From address.
func (n *Notice) Sender() string {
	defer runtime.KeepAlive(n)
	return goString(C.maint_notice_get_sender(n.c()))
}

// Subject returns the subject line.
func (n *Notice) Subject() string {
	defer runtime.KeepAlive(n)
	return goString(C.maint_notice_get_subject(n.c()))
}

// Body returns the plain-text body.
func (n *Notice) Body() string {
	defer runtime.KeepAlive(n)
	return goString(C.maint_notice_get_body(n.c()))
}

// Created returns when the notice was made: the notifier's now.
func (n *Notice) Created() time.Time {
	defer runtime.KeepAlive(n)
	return goTime(C.maint_notice_get_created(n.c()))
}

// SendBy returns the latest instant at which the notice must be sent: for
// new windows the earliest announce-by of its windows; for changes also
// no later than the start of any window as announced; for the settings
// the creation time. It may lie before Created when a plan leaves less
// notice than promised.
func (n *Notice) SendBy() time.Time {
	defer runtime.KeepAlive(n)
	return goTime(C.maint_notice_get_send_by(n.c()))
}

// Items returns the windows the notice is about, in the order the body
// lists them; a settings notice has none.
func (n *Notice) Items() []NoticeItem {
	defer runtime.KeepAlive(n)
	return goNoticeItems(C.maint_notice_get_items(n.c()))
}

// Slots returns the slots concerned, one per item in the same order: the
// slot of the new plan, or for a cancelled window the slot as announced.
func (n *Notice) Slots() []Slot {
	defer runtime.KeepAlive(n)
	items := ptrArray(C.maint_notice_get_slots(n.c()))
	out := make([]Slot, 0, len(items))
	for _, s := range items {
		out = append(out, goSlot((*C.MaintSlot)(unsafe.Pointer(s))))
	}
	return out
}

// Calendar returns the iCalendar text of the notice's windows (CRLF line
// ends), or "" for a settings notice.
func (n *Notice) Calendar() string {
	defer runtime.KeepAlive(n)
	return goString(C.maint_notice_get_calendar(n.c()))
}

// MessageID returns the Message-ID of the notice's e-mail, with the angle
// brackets. The same notice made again gets the same id.
func (n *Notice) MessageID() string {
	defer runtime.KeepAlive(n)
	return takeString(C.maint_notice_get_message_id(n.c()))
}

// Email returns the notice as an RFC 5322 message with CRLF line ends:
// From, To, an encoded Subject, Date, Message-ID and a multipart/mixed
// body with the text and, unless this is a settings notice, the calendar
// as a maintenance.ics attachment. A sender or recipient that is not a
// plain local@domain address, or a group without contacts, is an *Error
// with code NotifierErrorInvalidFailed.
func (n *Notice) Email() ([]byte, error) {
	var length C.gsize
	var gerr *C.GError
	s := C.maint_notice_to_email(n.c(), &length, &gerr)
	runtime.KeepAlive(n)
	if s == nil {
		return nil, takeError(gerr)
	}
	return takeBytes(s, length), nil
}
