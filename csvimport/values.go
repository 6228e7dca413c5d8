package csvimport

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"inreach/schema"
)

var (
	dmyRE  = regexp.MustCompile(`^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$`)
	isoRE  = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	wordRE = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?[\s\-]+([A-Za-z]+)\.?,?[\s\-]+(\d{2}|\d{4})$`)
)

var months = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
	"sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
	"dec": 12, "december": 12,
}

// ParseDate reads a date as a UK spreadsheet holds it and returns it as
// YYYY-MM-DD: day first with slashes, dots or dashes (06/12/2026, 6/12/2026,
// 06.12.2026, 06-12-2026), ISO (2026-12-06), or with the month in words (6
// Dec 2026, 6 December 2026, 06-Dec-2026, 6th December 2026). A two-digit
// year is refused (is 06/12/26 1926 or 2026?), and so is a day that does
// not exist (31/02/2026). US order (12/06/2026 meaning 6 December) cannot be
// told apart and is read day first, as in the UK.
func ParseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	var d, m, y int
	var twoDigit bool
	switch {
	case isoRE.MatchString(s):
		p := isoRE.FindStringSubmatch(s)
		y, _ = strconv.Atoi(p[1])
		m, _ = strconv.Atoi(p[2])
		d, _ = strconv.Atoi(p[3])
	case dmyRE.MatchString(s):
		p := dmyRE.FindStringSubmatch(s)
		d, _ = strconv.Atoi(p[1])
		m, _ = strconv.Atoi(p[2])
		y, _ = strconv.Atoi(p[3])
		twoDigit = len(p[3]) == 2
	case wordRE.MatchString(s):
		p := wordRE.FindStringSubmatch(s)
		d, _ = strconv.Atoi(p[1])
		mm, ok := months[strings.ToLower(p[2])]
		if !ok {
			return "", fmt.Errorf("%q is not a date: %q is not a month", s, p[2])
		}
		m = int(mm)
		y, _ = strconv.Atoi(p[3])
		twoDigit = len(p[3]) == 2
	default:
		return "", fmt.Errorf("%q is not a date: write it as 06/12/2026, 2026-12-06 or 6 Dec 2026", s)
	}
	if twoDigit {
		return "", fmt.Errorf("%q has a two-digit year: write the year in full (06/12/2026)", s)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || t.Day() != d || int(t.Month()) != m {
		return "", fmt.Errorf("%q is not a real date: that day does not exist", s)
	}
	return t.Format(schema.DateLayout), nil
}

// enumValue reads a value of e from a cell: its word ("prison_visit"), its
// label ("Prison visit") or the word with spaces ("prison visit"), in any
// case.
func enumValue(e schema.Enum, cell string) (string, bool) {
	c := norm(cell)
	for _, v := range e.Values {
		if c == norm(strings.ReplaceAll(v, "_", " ")) || c == norm(e.Label(v)) {
			return v, true
		}
	}
	return "", false
}

// yesNo reads Yes/No, Y/N, True/False, 1/0 and ticks; ok is false for
// anything else.
func yesNo(cell string) (v, ok bool) {
	switch strings.ToLower(strings.TrimSpace(cell)) {
	case "yes", "y", "true", "t", "1", "✓", "x", "seen", "attended":
		return true, true
	case "no", "n", "false", "f", "0", "not seen", "dna", "did not attend":
		return false, true
	}
	return false, false
}

// clock reads a time as 13:30, 1:30, 13.30 or 1:30pm, returning HH:MM.
func clock(cell string) (string, bool) {
	s := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(cell), " ", ""))
	pm, am := strings.HasSuffix(s, "pm"), strings.HasSuffix(s, "am")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "pm"), "am")
	h, m, ok := strings.Cut(strings.ReplaceAll(s, ".", ":"), ":")
	if !ok {
		h, m = s, "00"
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || len(m) != 2 {
		return "", false
	}
	if pm && hh < 12 {
		hh += 12
	}
	if am && hh == 12 {
		hh = 0
	}
	out := fmt.Sprintf("%02d:%02d", hh, mm)
	return out, schema.ValidTime(out)
}
