package schema

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var ukDateRE = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)

// ParseFormDate reads a date as typed in a form and returns it as
// YYYY-MM-DD. It accepts YYYY-MM-DD, a UK day/month/year with or without
// leading zeros (6/12/2026 and 06/12/2026 are both 6 December 2026), and
// "today" (any case), which is today (YYYY-MM-DD). Spaces around the text
// are ignored. Anything else, or a day that does not exist, is a
// *DateError saying what to type.
func ParseFormDate(s, today string) (string, error) {
	t := strings.TrimSpace(s)
	if strings.EqualFold(t, "today") {
		if _, err := ParseDate(today); err != nil {
			return "", fmt.Errorf("today's date %q is not a date", today)
		}
		return today, nil
	}
	if m := ukDateRE.FindStringSubmatch(t); m != nil {
		day, _ := strconv.Atoi(m[1])
		month, _ := strconv.Atoi(m[2])
		iso := fmt.Sprintf("%s-%02d-%02d", m[3], month, day)
		if _, err := time.Parse(DateLayout, iso); err != nil {
			return "", &DateError{Value: s, Reason: "that day does not exist (day/month/year: " + m[1] + " is the day, " + m[2] + " the month)"}
		}
		return iso, nil
	}
	if dateRE.MatchString(t) {
		if _, err := ParseDate(t); err != nil {
			return "", &DateError{Value: s, Reason: "that day does not exist"}
		}
		return t, nil
	}
	return "", &DateError{Value: s, Reason: "type it as YYYY-MM-DD or day/month/year, for example 2026-12-06 or 6/12/2026, or type today"}
}
