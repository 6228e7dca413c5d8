package newsletter

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"inreach/schema"
)

// MaxTextBytes is the most one text field may hold: 1 MiB of UTF-8. A
// longer text is refused with a message, never cut.
const MaxTextBytes = 1 << 20

// checker collects the problems of one form.
type checker struct{ errs ValidationError }

func (c *checker) add(field, format string, args ...any) {
	c.errs = append(c.errs, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// err returns the collected problems, or nil.
func (c *checker) err() error {
	if len(c.errs) == 0 {
		return nil
	}
	return c.errs
}

// text checks a free-text field: valid UTF-8 and at most MaxTextBytes.
func (c *checker) text(field, v string) {
	if len(v) > MaxTextBytes {
		c.add(field, "This text is too long to keep in one field (the most is 1 MiB, about a million letters). Split it in two.")
		return
	}
	if !utf8.ValidString(v) {
		c.add(field, "This text contains characters that are not valid text (perhaps pasted from a damaged file). Retype or paste it again.")
	}
}

// date checks a date ("" is fine unless required). It reports whether v
// is a usable, non-empty date.
func (c *checker) date(field, v string, required bool) bool {
	if v == "" {
		if required {
			c.add(field, "Enter a date (YYYY-MM-DD, for example 2025-07-04).")
		}
		return false
	}
	if _, err := schema.ParseDate(v); err != nil {
		if de, ok := err.(*schema.DateError); ok && strings.Contains(de.Reason, "does not exist") {
			c.add(field, "%s is not a real date: that day does not exist.", v)
		} else {
			c.add(field, "Write the date as YYYY-MM-DD, for example 2025-07-04.")
		}
		return false
	}
	return true
}

// enum checks that v is one of e's values.
func (c *checker) enum(field string, e schema.Enum, v string) {
	if e.Valid(v) {
		return
	}
	if v == "" {
		c.add(field, "Choose one of: %s.", strings.Join(e.LabelList(), ", "))
		return
	}
	c.add(field, "%q is not a %s. Choose one of: %s.", v, e.Name, strings.Join(e.LabelList(), ", "))
}
