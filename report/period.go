package report

import (
	"time"

	"inreach/schema"
)

// PeriodNames are the period presets Period understands, in menu order.
var PeriodNames = []string{"this_month", "last_month", "this_quarter", "this_year", "funder_year", "last_funder_year"}

// PeriodLabels are the plain-English names of the presets.
var PeriodLabels = map[string]string{
	"this_month":       "This month",
	"last_month":       "Last month",
	"this_quarter":     "This quarter",
	"this_year":        "This year",
	"funder_year":      "This funding year (April to March)",
	"last_funder_year": "Last funding year (April to March)",
}

// Period returns the first and last day ("YYYY-MM-DD", inclusive) of a named
// period around today:
//
//	this_month        the calendar month containing today
//	last_month        the calendar month before it
//	this_quarter      the calendar quarter (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec)
//	this_year         the calendar year
//	funder_year       1 April to 31 March, the funding year containing today
//	last_funder_year  the funding year before that
//
// An unknown name gives "", "".
func Period(name string, today time.Time) (from, to string) {
	y, m := today.Year(), today.Month()
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	var a, b time.Time
	switch name {
	case "this_month":
		a = day(y, m, 1)
		b = a.AddDate(0, 1, -1)
	case "last_month":
		a = day(y, m, 1).AddDate(0, -1, 0)
		b = a.AddDate(0, 1, -1)
	case "this_quarter":
		a = day(y, time.Month((int(m)-1)/3*3+1), 1)
		b = a.AddDate(0, 3, -1)
	case "this_year":
		a = day(y, 1, 1)
		b = day(y, 12, 31)
	case "funder_year", "last_funder_year":
		start := y
		if m < time.April {
			start--
		}
		if name == "last_funder_year" {
			start--
		}
		a = day(start, 4, 1)
		b = day(start+1, 3, 31)
	default:
		return "", ""
	}
	return a.Format(schema.DateLayout), b.Format(schema.DateLayout)
}
