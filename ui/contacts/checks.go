package contacts

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/widget"

	"inreach/notes"
	"inreach/schema"
	"inreach/ui/kit"
)

// The contact form's checks: each field as the user leaves it, and the
// problems found on saving, shown at their fields.

func (f *contactForm) checkDate() bool {
	d := strings.TrimSpace(f.date.Text)
	var msg string
	if d == "" {
		msg = "Enter the date of the contact (YYYY-MM-DD)."
	} else if _, err := schema.ParseDate(d); err != nil {
		msg = kit.Sentence(err)
	}
	f.setHeaderError("Date", msg)
	if msg == "" {
		f.showTitle()
	}
	return msg == ""
}

// checkTimes tidies a typed time ("930" → "09:30") and checks both times
// when the user leaves one of them.
func (f *contactForm) checkTimes(left string) bool {
	ok := true
	for _, x := range []struct {
		field string
		e     *kit.LeaveEntry
	}{{"Start", f.start}, {"End", f.end}} {
		t := contactClock(x.e.Text)
		if t != x.e.Text && schema.ValidTime(t) {
			f.Loading = true
			x.e.SetText(t)
			f.Loading = false
			f.changed()
		}
		if t != "" && !schema.ValidTime(t) {
			f.setHeaderError(x.field, fmt.Sprintf("%s: enter a time as HH:MM, for example 13:30.", x.field))
			ok = false
		} else if x.field == left || x.field == "End" {
			f.setHeaderError(x.field, "")
		}
	}
	if ok && f.start.Text != "" && f.end.Text != "" {
		// Whether the times are in order is the contact's own rule (notes),
		// asked for here so the form says it as the user leaves the field.
		if msg := contactFieldProblem(f.u.Notes(), notes.Contact{Start: f.start.Text, End: f.end.Text}, "End"); msg != "" {
			f.setHeaderError("End", msg)
			ok = false
		}
	}
	return ok
}

// contactFieldProblem is what notes says about one field of c, or "".
func contactFieldProblem(st *notes.Store, c notes.Contact, field string) string {
	v, _ := notes.AsValidation(st.CheckContact(c))
	for _, fe := range v {
		if fe.Field == field {
			return fe.Message
		}
	}
	return ""
}

func (f *contactForm) checkLate() bool {
	if _, err := f.lateMinutes(); err != nil {
		f.setHeaderError("LateStartMinutes", kit.Sentence(err))
		return false
	}
	f.setHeaderError("LateStartMinutes", "")
	return true
}

func (f *contactForm) lateMinutes() (int, error) {
	t := strings.TrimSpace(f.late.Text)
	if t == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(t)
	if err != nil || n < 0 || n > notes.MaxLateStartMinutes {
		return 0, fmt.Errorf("minutes lost to a late start: enter a whole number from 0 to %d, for example 20", notes.MaxLateStartMinutes)
	}
	return n, nil
}

// headerLine says which error line shows each field above the women.
func (f *contactForm) headerLine(field string) *widget.Label {
	switch field {
	case "Date", "Start", "End", "Kind", "EstablishmentID":
		return f.errWhen
	case "Place":
		return f.errWhere
	case "LateStartMinutes", "LogisticsNote", "RoomBooked", "HasLogistics":
		return f.errSession
	}
	return nil
}

var contactHeaderOrder = []string{"Date", "Start", "End", "Kind", "EstablishmentID", "Place", "RoomBooked", "LateStartMinutes", "LogisticsNote", "HasLogistics"}

func (f *contactForm) setHeaderError(field, msg string) {
	if msg == "" {
		delete(f.hdrErr, field)
	} else {
		f.hdrErr[field] = msg
	}
	if e := f.entryFor(field); e != nil {
		if msg == "" {
			e.SetValidationError(nil)
		} else {
			e.SetValidationError(errors.New(msg))
		}
	}
	f.showHeaderErrors()
}

func (f *contactForm) clearHeaderError(field string) {
	if f.Loading {
		return
	}
	if _, ok := f.hdrErr[field]; ok {
		f.setHeaderError(field, "")
	}
}

func (f *contactForm) entryFor(field string) *kit.LeaveEntry {
	switch field {
	case "Date":
		return f.date
	case "Start":
		return f.start
	case "End":
		return f.end
	case "LateStartMinutes":
		return f.late
	}
	return nil
}

func (f *contactForm) showHeaderErrors() {
	lines := map[*widget.Label][]string{}
	for _, field := range contactHeaderOrder {
		if msg, ok := f.hdrErr[field]; ok {
			l := f.headerLine(field)
			lines[l] = append(lines[l], msg)
		}
	}
	for _, l := range []*widget.Label{f.errWhen, f.errWhere, f.errSession} {
		kit.SetError(l, strings.Join(lines[l], "\n"))
	}
}

// clearAllErrors hides every error before a new attempt to save.
func (f *contactForm) clearAllErrors() {
	for field := range f.hdrErr {
		if e := f.entryFor(field); e != nil {
			e.SetValidationError(nil)
		}
	}
	f.hdrErr = map[string]string{}
	f.showHeaderErrors()
	kit.SetError(f.banner, "")
	for _, p := range f.women {
		p.clearErrors()
	}
}

// showErrors puts each problem at its field: the contact's own fields in
// the lines under them, each woman's under her card. Anything else goes in
// the banner at the top.
func (f *contactForm) showErrors(errs []notes.FieldError) {
	var other []string
	for _, e := range errs {
		if i, rest, ok := contactPersonField(e.Field); ok && i < len(f.women) {
			f.women[i].showError(rest, e.Message)
			continue
		}
		if f.headerLine(e.Field) != nil {
			msg := e.Message
			if e.Field == "Date" && !strings.Contains(strings.ToLower(msg), "date") {
				msg = "Date: " + msg
			}
			f.setHeaderError(e.Field, msg)
			continue
		}
		other = append(other, e.Message)
	}
	n := len(errs)
	msg := "This contact is not saved yet: 1 thing needs putting right (shown in red). Nothing you typed has been lost."
	if n != 1 {
		msg = fmt.Sprintf("This contact is not saved yet: %d things need putting right (shown in red). Nothing you typed has been lost.", n)
	}
	if len(other) > 0 {
		msg += "\n" + strings.Join(other, "\n")
	}
	kit.SetError(f.banner, msg)
}

// contactPersonField splits "People[2].Items[0].Quantity" into 2 and
// "Items[0].Quantity".
func contactPersonField(field string) (int, string, bool) {
	rest, ok := strings.CutPrefix(field, "People[")
	if !ok {
		return 0, "", false
	}
	num, after, ok := strings.Cut(rest, "]")
	if !ok {
		return 0, "", false
	}
	i, err := strconv.Atoi(num)
	if err != nil {
		return 0, "", false
	}
	return i, strings.TrimPrefix(after, "."), true
}
