package maint

import (
	"bytes"
	"context"
	"errors"
	"io"
	"mime"
	"net/mail"
	"reflect"
	"strings"
	"testing"
	"time"
)

// notifierFleet is buildFleet with a second, German-speaking group
// "kunde" whose VM k1 has one activity, so a plan has windows for both.
func notifierFleet(t *testing.T) *Fleet {
	t.Helper()
	fleet := buildFleet(t)
	kunde := NewResourceGroup("kunde")
	kunde.SetContacts([]string{"it@kunde.example", "chef@kunde.example"})
	kunde.SetTimezone("Europe/Berlin")
	kunde.SetLocale("de")
	kunde.AddWindow(MustParseWindowSpec("daily 22:00-02:00"))
	must(t, kunde.SetNotice(48*time.Hour))
	must(t, fleet.AddGroup(kunde))
	k1 := NewMachine("k1", "kunde", MachineKindVM)
	k1.SetHost("kvm1")
	must(t, fleet.AddMachine(k1))
	act := NewActivity("k1-kernel", "k1", ActivityKindKernelUpdate)
	must(t, act.SetEstimate(15*time.Minute))
	act.SetReboot(RebootWarm)
	must(t, fleet.AddActivity(act))
	must(t, fleet.Validate())
	return fleet
}

// planFleet runs the scheduler and checks the plan holds.
func planFleet(t *testing.T, fleet *Fleet) *Plan {
	t.Helper()
	plan, err := NewScheduler(fleet).Run(context.Background())
	must(t, err)
	if v := Verify(fleet, plan); len(v) != 0 {
		t.Fatalf("plan breaks constraints: %v", v)
	}
	return plan
}

// slotsOfGroup returns the plan's slots of one group, in plan order.
func slotsOfGroup(plan *Plan, group string) []Slot {
	var out []Slot
	for _, s := range plan.Slots() {
		if s.Group == group {
			out = append(out, s)
		}
	}
	return out
}

func TestNotifierRun(t *testing.T) {
	fleet := notifierFleet(t)
	plan := planFleet(t, fleet)
	notifier := NewNotifier(fleet, plan)
	if notifier.Sender() != DefaultSender || notifier.Locale() != "" || notifier.AnnounceSettings() ||
		!notifier.Now().IsZero() || notifier.Previous() != nil {
		t.Fatalf("defaults: sender %q locale %q settings %v now %v",
			notifier.Sender(), notifier.Locale(), notifier.AnnounceSettings(), notifier.Now())
	}
	if !notifier.Fleet().Equal(fleet) || notifier.Plan() == nil ||
		!bytes.Equal(notifier.Plan().JSON(), plan.JSON()) {
		t.Fatal("Fleet/Plan getters do not return what was given")
	}
	notifier.SetSender("maintenance@provider.example")
	created := utc(t, "2026-03-02T12:30:00Z")
	must(t, notifier.SetNow(created))
	if !notifier.Now().Equal(created) || notifier.Sender() != "maintenance@provider.example" {
		t.Fatal("setters not read back")
	}

	notices, err := notifier.Run()
	must(t, err)
	// One notice per group, in fleet order, both about new windows.
	if len(notices) != 2 {
		t.Fatalf("%d notices, want one per group (2)", len(notices))
	}
	wantGroups := []string{"acme", "kunde"}
	for i, n := range notices {
		g := fleet.Group(wantGroups[i])
		if n.Group() != g.Name() || n.Kind() != NoticeKindNewWindows {
			t.Errorf("notice %d: group %q kind %v", i, n.Group(), n.Kind())
		}
		if !reflect.DeepEqual(n.Recipients(), g.Contacts()) {
			t.Errorf("notice for %s goes to %q, want the contacts %q", n.Group(), n.Recipients(), g.Contacts())
		}
		if n.Sender() != "maintenance@provider.example" || !n.Created().Equal(created) {
			t.Errorf("notice for %s: sender %q created %v", n.Group(), n.Sender(), n.Created())
		}

		// The items and slots are the group's slots of the plan.
		slots := slotsOfGroup(plan, g.Name())
		items := n.Items()
		if len(slots) == 0 || len(items) != len(slots) || !reflect.DeepEqual(n.Slots(), slotsByItems(t, items)) {
			t.Fatalf("notice for %s: %d items, %d slots in the plan", n.Group(), len(items), len(slots))
		}
		earliest := slots[0].Start
		for _, it := range items {
			if it.Change != NoticeChangeNew || it.Slot == nil || it.Previous != nil ||
				it.Group != g.Name() || it.UID == "" || it.Host != "" {
				t.Errorf("item %+v is not a new own window of %s", it, g.Name())
			}
			if it.Slot != nil && it.Slot.Start.Before(earliest) {
				earliest = it.Slot.Start
			}
		}
		// Sent at the latest when the group's notice period begins.
		if n.SendBy().IsZero() || n.SendBy().After(earliest.Add(-g.Notice())) {
			t.Errorf("notice for %s: send by %v, first window %v, notice %v", n.Group(), n.SendBy(), earliest, g.Notice())
		}

		// The calendar has one event per window, with the item's UID.
		cal := n.Calendar()
		if !strings.HasPrefix(cal, "BEGIN:VCALENDAR\r\n") || strings.Count(cal, "BEGIN:VEVENT") != len(items) {
			t.Errorf("notice for %s: calendar %q", n.Group(), cal)
		}
		for _, it := range items {
			if !strings.Contains(cal, it.UID) || !strings.Contains(notifier.Calendar(g.Name()), it.UID) {
				t.Errorf("UID %s missing from the calendars", it.UID)
			}
		}
		if !strings.HasPrefix(n.MessageID(), "<") || !strings.HasSuffix(n.MessageID(), "@provider.example>") {
			t.Errorf("message id %q", n.MessageID())
		}
	}

	// Each group in its own language.
	en, de := notices[0], notices[1]
	if en.Locale() != "en" || !strings.HasPrefix(en.Subject(), "Scheduled maintenance for acme: ") {
		t.Errorf("acme notice: locale %q subject %q", en.Locale(), en.Subject())
	}
	if de.Locale() != "de" || !strings.HasPrefix(de.Subject(), "Geplante Wartung für kunde: 1 Maschine ab ") {
		t.Errorf("kunde notice: locale %q subject %q", de.Locale(), de.Subject())
	}
	if !strings.Contains(de.Body(), "k1") || !strings.Contains(en.Body(), "db1") || strings.Contains(de.Body(), "db1") {
		t.Errorf("bodies list the wrong machines:\n%s\n---\n%s", en.Body(), de.Body())
	}

	// The e-mail is a message net/mail reads, with the notice's data.
	raw, err := de.Email()
	must(t, err)
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	must(t, err)
	subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	must(t, err)
	if subject != de.Subject() {
		t.Errorf("e-mail subject %q, notice subject %q", subject, de.Subject())
	}
	to, err := msg.Header.AddressList("To")
	must(t, err)
	if len(to) != 2 || to[0].Address != "it@kunde.example" || to[1].Address != "chef@kunde.example" {
		t.Errorf("To: %v", to)
	}
	if msg.Header.Get("Message-ID") != de.MessageID() || msg.Header.Get("From") != "maintenance@provider.example" {
		t.Errorf("headers: %v", msg.Header)
	}
	body, err := io.ReadAll(msg.Body)
	must(t, err)
	if !bytes.Contains(body, []byte("maintenance.ics")) || !bytes.Contains(raw, []byte("\r\n")) {
		t.Error("e-mail lacks the calendar attachment or CRLF line ends")
	}

	// Items of the run: every window, with its UID.
	all := notifier.Items()
	if len(all) != len(plan.Slots()) {
		t.Errorf("%d run items, %d slots", len(all), len(plan.Slots()))
	}

	// The same plan announced again: nothing to say.
	notifier.SetPrevious(plan)
	if notifier.Previous() == nil {
		t.Fatal("Previous() is nil after SetPrevious")
	}
	again, err := notifier.Run()
	must(t, err)
	if len(again) != 0 {
		t.Errorf("%d notices for an unchanged plan", len(again))
	}
	for _, it := range notifier.Items() {
		if it.Change != NoticeChangeNone || it.Previous == nil {
			t.Errorf("unchanged item %+v", it)
		}
	}
	notifier.SetPrevious(nil)

	// A locale override and settings notices.
	notifier.SetLocale("de")
	notifier.SetAnnounceSettings(true)
	if notifier.Locale() != "de" || !notifier.AnnounceSettings() {
		t.Fatal("locale/settings not read back")
	}
	notices, err = notifier.Run()
	must(t, err)
	if len(notices) != 4 {
		t.Fatalf("%d notices with settings, want 4", len(notices))
	}
	for i, n := range notices {
		wantKind := []NoticeKind{NoticeKindSettings, NoticeKindNewWindows}[i%2]
		if n.Kind() != wantKind || n.Locale() != "de" {
			t.Errorf("notice %d: %v in %q", i, n.Kind(), n.Locale())
		}
	}
	if s := notices[0].Subject(); s != "Wartungseinstellungen für acme" {
		t.Errorf("settings subject %q", s)
	}
	if notices[0].Calendar() != "" || len(notices[0].Items()) != 0 {
		t.Error("a settings notice has a calendar or items")
	}
	if !notices[0].SendBy().Equal(created) {
		t.Errorf("settings notice send by %v, want its creation %v", notices[0].SendBy(), created)
	}
}

// slotsByItems returns the items' slots, as Notice.Slots should.
func slotsByItems(t *testing.T, items []NoticeItem) []Slot {
	t.Helper()
	out := make([]Slot, 0, len(items))
	for _, it := range items {
		if it.Slot == nil {
			t.Fatalf("item %+v has no slot", it)
		}
		out = append(out, *it.Slot)
	}
	return out
}

func TestNotifierChangesAndSequences(t *testing.T) {
	fleet := notifierFleet(t)
	plan := planFleet(t, fleet)

	// The announced plan had k1's window a day later.
	previous, err := NewPlan(plan.Now())
	must(t, err)
	var moved Slot
	for _, s := range plan.Slots() {
		if s.Machine == "k1" {
			moved = s
			s.Start = s.Start.Add(24 * time.Hour)
			s.End = s.End.Add(24 * time.Hour)
			s.LocalStart, s.LocalEnd = "", ""
		}
		must(t, previous.AddSlot(s))
	}
	if moved.Machine == "" {
		t.Fatal("k1 has no slot")
	}

	run := func(seq map[string]uint32) (*Notice, NoticeItem) {
		t.Helper()
		notifier := NewNotifier(fleet, plan)
		notifier.SetPrevious(previous)
		for uid, n := range seq {
			notifier.SetSequence(uid, n)
		}
		notices, err := notifier.Run()
		must(t, err)
		if len(notices) != 1 || notices[0].Group() != "kunde" || notices[0].Kind() != NoticeKindChanges {
			t.Fatalf("%d notices, want one change notice for kunde", len(notices))
		}
		items := notices[0].Items()
		if len(items) != 1 {
			t.Fatalf("%d items", len(items))
		}
		return notices[0], items[0]
	}
	n, it := run(nil)
	if it.Change != NoticeChangeMoved || it.Slot == nil || it.Previous == nil ||
		!it.Slot.Start.Equal(moved.Start) || !it.Previous.Start.Equal(moved.Start.Add(24*time.Hour)) {
		t.Fatalf("item %+v is not k1's move", it)
	}
	if it.Sequence != 1 {
		t.Errorf("first change has sequence %d, want 1", it.Sequence)
	}
	if !strings.HasPrefix(n.Subject(), "Geänderte Wartung für kunde") {
		t.Errorf("subject %q", n.Subject())
	}
	// A change must reach the customer before the announced start.
	if n.SendBy().After(it.Previous.Start) {
		t.Errorf("send by %v after the announced start %v", n.SendBy(), it.Previous.Start)
	}
	if _, it = run(map[string]uint32{it.UID: 4}); it.Sequence != 5 {
		t.Errorf("after sequence 4 the change has %d, want 5", it.Sequence)
	}
}

func TestNotifierTemplatesAndErrors(t *testing.T) {
	fleet := notifierFleet(t)
	plan := planFleet(t, fleet)
	notifier := NewNotifier(fleet, plan)

	if tmpl := notifier.Template("de", NoticeKindNewWindows); !strings.Contains(tmpl, "Geplante Wartung") {
		t.Errorf("default German template: %q", tmpl)
	}
	if tmpl := notifier.Template("fr", NoticeKindSettings); !strings.Contains(tmpl, "Maintenance settings") {
		t.Errorf("a language without templates should fall back to English: %q", tmpl)
	}

	// A malformed template is refused, naming the problem.
	err := notifier.SetTemplate("de", NoticeKindSettings, "@subject\n{grop}\n@body\ny\n")
	if e := asError(t, err); e.Domain != NotifierErrorDomain || e.Code != NotifierErrorTemplateFailed ||
		!strings.Contains(e.Message, "grop") {
		t.Errorf("bad template: %s/%d %q", e.Domain, e.Code, e.Message)
	}
	if e := asError(t, notifier.SetTemplate("", NoticeKindSettings, "x")); e.Code != NotifierErrorTemplateFailed {
		t.Errorf("empty locale: %v", e)
	}

	// A custom German subject is used for the German group only.
	custom := strings.Replace(notifier.Template("de", NoticeKindNewWindows),
		"Geplante Wartung für {group}", "Wartung {group}: {windows, plural, one {# Fenster} other {# Fenster}}", 1)
	must(t, notifier.SetTemplate("de", NoticeKindNewWindows, custom))
	if notifier.Template("de", NoticeKindNewWindows) != custom {
		t.Error("Template does not return the custom template")
	}
	notices, err := notifier.Run()
	must(t, err)
	if len(notices) != 2 || !strings.HasPrefix(notices[1].Subject(), "Wartung kunde: 1 Fenster") ||
		!strings.HasPrefix(notices[0].Subject(), "Scheduled maintenance for acme") {
		t.Errorf("subjects with a custom template: %q", []string{notices[0].Subject(), notices[1].Subject()})
	}
	// "" goes back to the default.
	must(t, notifier.SetTemplate("de", NoticeKindNewWindows, ""))
	if strings.Contains(notifier.Template("de", NoticeKindNewWindows), "# Fenster}}") {
		t.Error("template not reset")
	}

	// A sender that is not an address fails the run.
	notifier.SetSender("not an address")
	_, err = notifier.Run()
	if e := asError(t, err); e.Domain != NotifierErrorDomain || e.Code != NotifierErrorInvalidFailed {
		t.Errorf("bad sender: %v", e)
	}
	if !errors.Is(err, &Error{Domain: NotifierErrorDomain, Code: NotifierErrorInvalidFailed}) {
		t.Error("errors.Is does not match")
	}
	notifier.SetSender("")
	if notifier.Sender() != DefaultSender {
		t.Errorf("SetSender(\"\") gives %q", notifier.Sender())
	}

	// A contact that is not an address fails the e-mail, not the run.
	fleet.Group("kunde").SetContacts([]string{"it@kunde.example", "bad contact"})
	notices, err = NewNotifier(fleet, plan).Run()
	must(t, err)
	if _, err := notices[1].Email(); asError(t, err).Code != NotifierErrorInvalidFailed {
		t.Errorf("bad contact: %v", err)
	}
	if _, err := notices[0].Email(); err != nil {
		t.Errorf("acme's e-mail fails: %v", err)
	}
}
