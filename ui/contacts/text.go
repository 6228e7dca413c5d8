package contacts

import (
	"strings"
	"time"

	"inreach/schema"
)

// Dates, times and stamps as the contacts screens show them.

// contactLongDate shows a YYYY-MM-DD date as "Fri 4 Jul 2025"; anything that is
// not a date is shown as it is.
func contactLongDate(d string) string {
	t, err := schema.ParseDate(d)
	if err != nil {
		return d
	}
	return t.Format("Mon 2 Jan 2006")
}

// contactTimeSpan shows a start and end time as "13:30–15:30", "from 13:30" or "".
func contactTimeSpan(start, end string) string {
	switch {
	case start != "" && end != "":
		return start + "–" + end
	case start != "":
		return "from " + start
	}
	return ""
}

// contactClock accepts the ways people type a time ("930", "9:30",
// "13.30", "1330") and returns "HH:MM"; anything else comes back trimmed
// and unchanged, to be refused by the check.
func contactClock(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || schema.ValidTime(s) {
		return s
	}
	t := strings.NewReplacer(".", ":", " ", "").Replace(s)
	if !strings.Contains(t, ":") {
		switch len(t) {
		case 3:
			t = "0" + t[:1] + ":" + t[1:]
		case 4:
			t = t[:2] + ":" + t[2:]
		case 1, 2:
			t += ":00"
		}
	}
	if len(t) == 4 && t[1] == ':' {
		t = "0" + t
	}
	if schema.ValidTime(t) {
		return t
	}
	return s
}

// contactDraftWhen shows a draft's RFC 3339 stamp as local time: "today 10:32",
// or "Fri 4 Jul 2025, 10:32".
func contactDraftWhen(stamp string, now time.Time) string {
	t, err := time.Parse(time.RFC3339Nano, stamp)
	if err != nil {
		return ""
	}
	t = t.In(now.Location())
	if t.Format(schema.DateLayout) == now.Format(schema.DateLayout) {
		return "today " + t.Format("15:04")
	}
	return t.Format("Mon 2 Jan 2006, 15:04")
}
