package women

import (
	"strconv"
	"strings"
)

// The optional whole numbers of her record and her events (previous
// custodial sentences, days of notice of a release) are typed in a box:
// empty means not known. The ranges allowed are the store's rule; the form
// only says when what is typed is not a whole number at all.

// typedCount reads a typed whole number: nil for an empty box, ok false
// when the box holds something that is not a whole number.
func typedCount(s string) (n *int, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, true
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return nil, false
	}
	return &v, true
}

// countText shows a stored whole number in its box ("" when not known).
func countText(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

// previousProblem says what is wrong with the typed number of previous
// custodial sentences, or "".
func previousProblem(s string) string {
	if _, ok := typedCount(s); !ok {
		return "Enter how many custodial sentences she had before as a whole number, for example 2, or leave it empty if not known."
	}
	return ""
}

// orNotRecorded shows an optional fact not yet stored as "Not recorded".
func orNotRecorded(v string) string {
	if v == "" {
		return "not_recorded"
	}
	return v
}

// keptNotRecorded is the chosen value, except that "not_recorded" over a
// record that never had the fact stays "" (so an untouched form has no
// changes to keep as a draft; the store saves "" as not_recorded).
func keptNotRecorded(chosen, stored string) string {
	if chosen == "not_recorded" && stored == "" {
		return ""
	}
	return chosen
}
