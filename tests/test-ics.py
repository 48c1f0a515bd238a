#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Calendars and e-mails of `maintctl notify`, read back with independent
parsers: python3-icalendar (Debian's) for RFC 5545, Python's email and
mailbox packages for RFC 5322 / MIME. Run by meson with $MAINTCTL set;
prints TAP.

The story: a first run announces the plan (and saves it with its calendar
sequence numbers); a second run against an edited copy of that plan, in
which one window was announced at another time and one window that is no
longer planned, sends the changes; a third run against the saved plan
sends nothing.
"""

import copy
import email
import email.policy
import json
import mailbox
import os
import subprocess
import sys
import tempfile

import icalendar

MAINTCTL = os.environ.get("MAINTCTL")
results = []

GROUP_DE = "Müller & Söhne: Bcc: x@y"

FLEET = {
    "format": "libmaint-fleet/1",
    "now": "2026-03-26T09:00:00Z",
    "policy": {"setup": "PT5M", "min_slot": "PT15M", "horizon": "P14D"},
    "resource_groups": [
        {
            "name": GROUP_DE,
            "contacts": ["technik@mueller.example", "chef@mueller.example"],
            "timezone": "Europe/Berlin",
            "locale": "de",
            # 01:00-04:00 local: in the night to 2026-03-29 that is
            # 01:00 CET to 04:00 CEST, 00:00Z-02:00Z
            "windows": ["daily 01:00-04:00"],
            "notice": "P2D",
            "stage": "production",
        },
        {
            "name": "hudson",
            "contacts": ["ops@hudson.example"],
            "timezone": "America/New_York",
            "locale": "en",
            "windows": ["sat,sun 06:00-12:00"],
            "notice": "P1D",
            "stage": "production",
        },
    ],
    "machines": [
        {"name": "kvm1", "group": "hudson", "kind": "host"},
        {"name": "web1", "group": GROUP_DE, "kind": "vm", "host": "kvm1"},
        {"name": "db1", "group": GROUP_DE, "kind": "vm", "host": "kvm1"},
        {"name": "app1", "group": "hudson", "kind": "vm", "host": "kvm1"},
    ],
    "activities": [
        {"id": "k-web1", "machine": "web1", "kind": "kernel-update",
         "summary": "Kernel 6.1; then reboot, twice\\maybe\r\nBcc: z@y",
         "estimate": "PT10M", "reboot": "warm"},
        {"id": "m-web1", "machine": "web1", "kind": "memory-resize",
         "summary": "RAM 4 → 8 GiB", "estimate": "PT5M", "reboot": "cold"},
        {"id": "f-db1", "machine": "db1", "kind": "fs-check",
         "estimate": "PT10M", "reboot": "warm"},
        {"id": "u-app1", "machine": "app1", "kind": "system-update",
         "summary": "Security updates", "estimate": "PT20M", "reboot": "warm"},
    ],
}


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def run(*args):
    p = subprocess.run([MAINTCTL, "notify", *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def notify_json(*args):
    rc, out, err = run(*args, "--format", "json")
    if rc != 0:
        raise RuntimeError("maintctl notify failed: %s" % err)
    return json.loads(out)


def events_of(calendar_text):
    cal = icalendar.Calendar.from_ical(calendar_text)
    return [e for e in cal.walk("VEVENT")]


def utc(text):
    """RFC 3339 "...Z" of the plan as a naive-free comparable string."""
    return text.replace("-", "").replace(":", "")


def dt_text(prop):
    return prop.dt.strftime("%Y%m%dT%H%M%SZ")


def check_raw_calendar(name, text):
    raw = text.encode("utf-8")
    lines = raw.split(b"\r\n")
    check(name + ": CRLF line ends", raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""))
    long = [l for l in lines if len(l) > 75]
    check(name + ": lines of at most 75 octets", not long, repr(long[:2]))
    broken = []
    for l in lines:
        try:
            l.decode("utf-8")
        except UnicodeDecodeError:
            broken.append(l)
    check(name + ": no UTF-8 sequence split by folding", not broken, repr(broken[:2]))


def main():
    if not MAINTCTL:
        print("1..1\nnot ok 1 MAINTCTL is not set")
        return 1

    with tempfile.TemporaryDirectory() as tmp:
        fleet = os.path.join(tmp, "fleet.json")
        with open(fleet, "w") as f:
            json.dump(FLEET, f)
        saved = os.path.join(tmp, "announced.json")

        # ---- first run: new windows -------------------------------------
        first = notify_json(fleet, "--save-plan", saved)
        with open(saved) as f:
            plan = json.load(f)
        slots = plan["slots"]
        check("plan has a slot per machine", sorted(s["machine"] for s in slots) == ["app1", "db1", "web1"],
              json.dumps(slots))
        kinds = [(n["group"], n["kind"]) for n in first["notices"]]
        check("one new-windows notice per group",
              kinds == [(GROUP_DE, "new-windows"), ("hudson", "new-windows")], repr(kinds))

        uids = {}
        for notice in first["notices"]:
            name = "first run, " + notice["group"]
            check_raw_calendar(name, notice["calendar"])
            events = events_of(notice["calendar"])
            mine = [s for s in slots if s["group"] == notice["group"]]
            check(name + ": one event per slot", len(events) == len(mine),
                  "%d events, %d slots" % (len(events), len(mine)))
            got = sorted((dt_text(e["DTSTART"]), dt_text(e["DTEND"])) for e in events)
            want = sorted((utc(s["start"]), utc(s["end"])) for s in mine)
            check(name + ": events give back the slots", got == want, "%r != %r" % (got, want))
            check(name + ": UIDs unique", len({str(e["UID"]) for e in events}) == len(events))
            check(name + ": SEQUENCE 0", all(int(e["SEQUENCE"]) == 0 for e in events))
            check(name + ": STATUS CONFIRMED", all(str(e["STATUS"]) == "CONFIRMED" for e in events))
            check(name + ": DTSTAMP is now",
                  all(dt_text(e["DTSTAMP"]) == "20260326T090000Z" for e in events))
            for w in notice["windows"]:
                uids[w["machine"]] = w["uid"]
            check(name + ": notice UIDs are the calendar's",
                  sorted(w["uid"] for w in notice["windows"]) == sorted(str(e["UID"]) for e in events))

        de = first["notices"][0]
        web1 = [e for e in events_of(de["calendar"]) if "web1" in str(e["SUMMARY"])]
        check("summary names the machine", len(web1) == 1 and str(web1[0]["SUMMARY"]) == "Wartung: web1",
              repr([str(e["SUMMARY"]) for e in web1]))
        # escaping round trip: ; , \ and the line break come back as given
        check("description round-trips ; , \\ and line breaks",
              len(web1) == 1 and "Kernel 6.1; then reboot, twice\\maybe\nBcc: z@y, RAM 4 → 8 GiB"
              in str(web1[0]["DESCRIPTION"]).replace("\r\n", "\n"),
              repr(str(web1[0]["DESCRIPTION"])) if web1 else "")
        # the DST night: 01:00 CET is 00:00Z on 2026-03-29, the window ends at 04:00 CEST
        dst = [s for s in slots if s["machine"] == "db1"]
        check("db1 in the spring-forward night", dst and dst[0]["start"] == "2026-03-29T00:00:00Z",
              json.dumps(dst))
        check("text shows CET for the start", "Sonntag, 29. März 2026, 01:00 CET" in de["body"], de["body"])
        check("x-sequences saved for every window",
              plan.get("x-sequences") == {uid: 0 for uid in uids.values()}, json.dumps(plan.get("x-sequences")))
        check("send_by is start minus notice",
              de["send_by"] == "2026-03-27T00:00:00Z", de["send_by"])

        # ---- maintctl plan --format ics: the same events, one calendar
        # object per group in one stream (RFC 5545 section 3.4) ----------
        # bytes: text mode would turn the CRLF line ends into LF
        p = subprocess.run([MAINTCTL, "plan", fleet, "--format", "ics"], capture_output=True)
        p.stdout, p.stderr = p.stdout.decode("utf-8"), p.stderr.decode("utf-8")
        check("plan --format ics exits 0", p.returncode == 0, p.stderr)
        check_raw_calendar("plan --format ics", p.stdout)
        objects = p.stdout.count("BEGIN:VCALENDAR")
        check("plan --format ics: one calendar per group", objects == len(FLEET["resource_groups"]), str(objects))
        stream = [e for c in icalendar.Calendar.from_ical(p.stdout, multiple=True) for e in c.walk("VEVENT")]
        got = sorted((str(e["UID"]), dt_text(e["DTSTART"]), dt_text(e["DTEND"])) for e in stream)
        want = sorted((str(e["UID"]), dt_text(e["DTSTART"]), dt_text(e["DTEND"]))
                      for n in first["notices"] for e in events_of(n["calendar"]))
        check("plan --format ics: the notices' events", got == want, "%r != %r" % (got, want))
        p = subprocess.run([MAINTCTL, "plan", fleet, "--format", "ics", "--group", "hudson"],
                           capture_output=True, text=True)
        only = [e for c in icalendar.Calendar.from_ical(p.stdout, multiple=True) for e in c.walk("VEVENT")]
        check("plan --format ics --group: that group's events only",
              p.returncode == 0 and len(only) == len([s for s in slots if s["group"] == "hudson"]),
              p.stderr + str(len(only)))
        p = subprocess.run([MAINTCTL, "plan", fleet, "--format", "ics", "--group", "nope"],
                           capture_output=True, text=True)
        check("plan --format ics --group unknown: exit 2, one line",
              p.returncode == 2 and p.stderr.count("\n") == 1 and "unknown resource group" in p.stderr, p.stderr)

        # ---- unchanged: nothing to send ----------------------------------
        again = notify_json(fleet, "--previous", saved)
        check("unchanged plan: no notices", again["notices"] == [], json.dumps(again["notices"])[:500])
        rc, out, err = run(fleet, "--previous", saved)
        check("unchanged plan: text says so", rc == 0 and out.startswith("No notices"), out + err)

        # ---- changes: db1 was announced at another time, a window of web1
        # was announced that is no longer planned --------------------------
        edited = copy.deepcopy(plan)
        for s in edited["slots"]:
            if s["machine"] == "db1":
                # 12:00-12:20 CET: outside every window, so the scheduler
                # cannot keep it and db1 moves back into its window
                s["start"], s["end"] = "2026-03-28T11:00:00Z", "2026-03-28T11:20:00Z"
                for k in ("local_start", "local_end", "announce_by"):
                    s.pop(k, None)
        edited["slots"].append({
            "machine": "web1", "group": GROUP_DE, "start": "2026-04-02T00:00:00Z",
            "end": "2026-04-02T00:30:00Z", "activities": ["gone-1"], "reboot": "warm",
            "pinned": False,
        })
        edited.pop("stats", None)
        edited["x-sequences"][uids["db1"]] = 2
        edited_path = os.path.join(tmp, "edited.json")
        with open(edited_path, "w") as f:
            json.dump(edited, f)

        second = notify_json(fleet, "--previous", edited_path)
        kinds = [(n["group"], n["kind"]) for n in second["notices"]]
        check("changes: one notice, for the changed group only",
              kinds == [(GROUP_DE, "changes")], repr(kinds))
        if kinds == [(GROUP_DE, "changes")]:
            notice = second["notices"][0]
            check_raw_calendar("changes", notice["calendar"])
            events = {str(e["UID"]): e for e in events_of(notice["calendar"])}
            moved = events.get(uids["db1"])
            check("moved slot keeps its UID", moved is not None, repr(list(events)))
            if moved is not None:
                check("moved slot: SEQUENCE raised over the announced one", int(moved["SEQUENCE"]) == 3,
                      str(moved["SEQUENCE"]))
                check("moved slot: new time", dt_text(moved["DTSTART"]) == "20260329T000000Z",
                      dt_text(moved["DTSTART"]))
                check("moved slot: confirmed", str(moved["STATUS"]) == "CONFIRMED")
            cancelled = [e for u, e in events.items() if u != uids["db1"]]
            check("cancelled slot: one event", len(cancelled) == 1, repr(list(events)))
            if cancelled:
                e = cancelled[0]
                check("cancelled slot: STATUS CANCELLED", str(e["STATUS"]) == "CANCELLED")
                check("cancelled slot: SEQUENCE 1", int(e["SEQUENCE"]) == 1, str(e["SEQUENCE"]))
                check("cancelled slot: the announced time", dt_text(e["DTSTART"]) == "20260402T000000Z")
            changes = sorted((w["machine"], w["change"]) for w in notice["windows"])
            check("changes listed", changes == [("db1", "moved"), ("web1", "cancelled")], repr(changes))
            check("text: moved and cancelled", "Verschoben von Samstag, 28. März 2026, 12:00 CET" in notice["body"]
                  and "Abgesagt: Donnerstag, 2. April 2026, 02:00 CEST" in notice["body"], notice["body"])

        # ---- e-mail -------------------------------------------------------
        outdir = os.path.join(tmp, "mail")
        rc, out, err = run(fleet, "--format", "eml", "--output-dir", outdir, "--from", "wartung@provider.example")
        check("eml: exit 0", rc == 0, err)
        files = sorted(os.listdir(outdir)) if rc == 0 else []
        check("eml: one file per notice", len(files) == 2, repr(files))
        for name in files:
            with open(os.path.join(outdir, name), "rb") as f:
                raw = f.read()
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            notice = [n for n in first["notices"] if n["kind"] in name and
                      (("hudson" in name) == (n["group"] == "hudson"))][0]
            headers = [k for k, _ in msg.items()]
            check(name + ": exactly the expected headers",
                  headers == ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version",
                              "Auto-Submitted", "Content-Language", "Content-Type"], repr(headers))
            check(name + ": no defects", not msg.defects, repr(msg.defects))
            check(name + ": From", str(msg["From"]) == "wartung@provider.example")
            check(name + ": To", [a.addr_spec for a in msg["To"].addresses] ==
                  [c for g in FLEET["resource_groups"] if g["name"] == notice["group"] for c in g["contacts"]],
                  str(msg["To"]))
            check(name + ": Subject decodes to the notice's", str(msg["Subject"]) == notice["subject"],
                  "%r != %r" % (str(msg["Subject"]), notice["subject"]))
            check(name + ": no header injected", msg["Bcc"] is None)
            check(name + ": Date", str(msg["Date"]) == "Thu, 26 Mar 2026 09:00:00 +0000", str(msg["Date"]))
            check(name + ": Message-ID", str(msg["Message-ID"]).endswith("@provider.example>"))
            check(name + ": header lines ASCII",
                  all(b < 0x80 for b in raw.split(b"\r\n\r\n", 1)[0]))
            parts = list(msg.iter_parts())
            types = [p.get_content_type() for p in parts]
            check(name + ": text and calendar parts", types == ["text/plain", "text/calendar"], repr(types))
            if types == ["text/plain", "text/calendar"]:
                text = parts[0].get_content().replace("\r\n", "\n")
                check(name + ": text part is the body", text == notice["body"],
                      "%r\n!=\n%r" % (text[:300], notice["body"][:300]))
                check(name + ": calendar attached", parts[1].get_filename() == "maintenance.ics")
                cal = parts[1].get_content()
                check(name + ": attached calendar parses",
                      len(events_of(cal)) == len(notice["windows"]))

        mbox_path = os.path.join(tmp, "all.mbox")
        rc, out, err = run(fleet, "--format", "eml", "-o", mbox_path)
        check("mbox: exit 0", rc == 0, err)
        if rc == 0:
            box = mailbox.mbox(mbox_path)
            subjects = [str(email.message_from_bytes(m.as_bytes(), policy=email.policy.default)["Subject"])
                        for m in box]
            check("mbox: every notice", subjects == [n["subject"] for n in first["notices"]], repr(subjects))

        # ---- bad input ----------------------------------------------------
        rc, out, err = run(fleet, "--format", "pdf")
        check("bad format: exit 2, one line", rc == 2 and err.count("\n") == 1, err)
        rc, out, err = run(os.path.join(tmp, "missing.json"))
        check("missing fleet: exit 2", rc == 2 and "missing.json" in err, err)
        broken = os.path.join(tmp, "broken.json")
        with open(broken, "w") as f:
            json.dump(dict(plan, **{"x-sequences": {"x": "one"}}), f)
        rc, out, err = run(fleet, "--previous", broken)
        check("bad x-sequences: exit 2", rc == 2 and "x-sequences" in err, err)

    print("1..%d" % len(results))
    failed = 0
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d %s" % ("ok" if ok else "not ok", i, name))
        if not ok:
            failed += 1
            for line in str(detail).splitlines():
                print("# " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
