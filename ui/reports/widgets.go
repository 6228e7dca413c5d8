package reports

import (
	"fmt"
	"strings"

	"inreach/schema"
	"inreach/ui/kit"
)

// Widgets and helpers shared by the Reports, data-protection, retention and
// search screens.

// newReportsDateEntry is a date entry that runs onLeave as the user
// leaves it and on Enter; lay it out with kit.DateField.
func newReportsDateEntry(onLeave func()) *kit.LeaveEntry {
	e := kit.NewLeaveEntry("YYYY-MM-DD", onLeave)
	e.OnSubmitted = func(string) {
		e.Normalise()
		onLeave()
	}
	return e
}

// reportsDateProblem says what is wrong with a typed date ("" when it is a
// real date). field names the entry in the message.
func reportsDateProblem(field, s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return field + ": write a date, for example 2025-04-01."
	}
	if _, err := schema.ParseDate(s); err != nil {
		if de, ok := err.(*schema.DateError); ok && strings.Contains(de.Reason, "does not exist") {
			return fmt.Sprintf("%s: %s is not a real date, that day does not exist.", field, s)
		}
		return field + ": write the date as YYYY-MM-DD, for example 2025-04-01."
	}
	return ""
}

// reportsDateWords writes a YYYY-MM-DD date as "1 April 2025" (or returns
// it as it is when it is not a date).
func reportsDateWords(d string) string {
	t, err := schema.ParseDate(d)
	if err != nil {
		return d
	}
	return t.Format("2 January 2006")
}
