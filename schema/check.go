package schema

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxTextBytes is the most one text field may hold: 1 MiB of UTF-8. A
// longer text is refused with a message, never cut.
const MaxTextBytes = 1 << 20

// A Checker collects the problems of one form before anything is written;
// every domain package checks its records with one.
type Checker struct{ Errs ValidationError }

// Add records a problem with field.
func (c *Checker) Add(field, format string, args ...any) {
	c.Errs = append(c.Errs, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// Err returns the collected problems, or nil.
func (c *Checker) Err() error {
	if len(c.Errs) == 0 {
		return nil
	}
	return c.Errs
}

// Text checks a free-text field that may hold several lines: valid UTF-8,
// at most MaxTextBytes, and no control or bidirectional override character
// (tabs and line breaks are fine). See TextProblem.
func (c *Checker) Text(field, v string) {
	c.text(field, v, true)
}

// Line checks a one-line text field: as Text, but no tab or line break.
func (c *Checker) Line(field, v string) {
	c.text(field, v, false)
}

func (c *Checker) text(field, v string, multiLine bool) {
	if len(v) > MaxTextBytes {
		c.Add(field, "This text is too long to keep in one field (%s; the most is 1 MiB, about a million letters). Split it into two notes.", SizeWords(len(v)))
		return
	}
	if !utf8.ValidString(v) {
		c.Add(field, "This text contains characters that are not valid text (perhaps pasted from a damaged file). Retype or paste it again.")
		return
	}
	if p := TextProblem(v, multiLine); p != "" {
		c.Add(field, "This text %s. Retype it, or paste it again as plain text.", p)
	}
}

// Name checks a required name (already trimmed): not blank (invisible
// characters alone are not a name) and one line of text.
func (c *Checker) Name(field, v, what string) {
	if Blank(v) {
		c.Add(field, "Enter %s.", what)
		return
	}
	c.text(field, v, false)
}

// Date checks an optional date ("" is fine unless required).
// It reports whether v is a usable, non-empty date.
func (c *Checker) Date(field, v string, required bool) bool {
	if v == "" {
		if required {
			c.Add(field, "Enter a date (YYYY-MM-DD, for example 2025-07-04).")
		}
		return false
	}
	if _, err := ParseDate(v); err != nil {
		if de, ok := err.(*DateError); ok && strings.Contains(de.Reason, "does not exist") {
			c.Add(field, "%s is not a real date: that day does not exist.", v)
		} else {
			c.Add(field, "Write the date as YYYY-MM-DD, for example 2025-07-04.")
		}
		return false
	}
	return true
}

// Clock checks an optional HH:MM time; it reports whether v is a usable time.
func (c *Checker) Clock(field, v string) bool {
	if v == "" {
		return false
	}
	if !ValidTime(v) {
		c.Add(field, "Write the time as HH:MM on the 24-hour clock, for example 13:30.")
		return false
	}
	return true
}

// Enum checks that v is one of e's values.
func (c *Checker) Enum(field string, e Enum, v string) {
	if !e.Valid(v) {
		if v == "" {
			c.Add(field, "Choose one of: %s.", strings.Join(e.LabelList(), ", "))
			return
		}
		c.Add(field, "%q is not a %s. Choose one of: %s.", v, e.Name, strings.Join(e.LabelList(), ", "))
	}
}

// SizeWords says a byte count in words ("1.2 MiB").
func SizeWords(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
