package exchange

import (
	"fmt"
	"strings"
)

// MaxProblems is how many problems an *ImportErrors keeps; the rest are
// only counted.
const MaxProblems = 50

// An ImportError is one problem in an interchange file. Record names the
// list and position ("people[3]"), or "file" for the document itself; ID is
// the record's id when it has one; Field is the field's path inside the
// record ("consent.recorded_on", "people[0].items[1].quantity"), or "" for
// the record as a whole. Message never repeats the text of a note.
type ImportError struct {
	Record  string
	ID      string
	Field   string
	Message string
}

// Error reads, for example,
// `people[3] (id "p7"): release_date "2025-02-30" is not a date: that day does not exist`.
func (e ImportError) Error() string {
	var b strings.Builder
	b.WriteString(e.Record)
	if e.ID != "" {
		fmt.Fprintf(&b, " (id %q)", e.ID)
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteByte(' ')
	}
	b.WriteString(e.Message)
	return b.String()
}

// ImportErrors is every problem found in a file (up to MaxProblems of them;
// Total counts all). When Read or Import returns it, nothing was imported.
type ImportErrors struct {
	Problems []ImportError
	Total    int
}

// Error lists the problems, one a line after a summary line.
func (e *ImportErrors) Error() string {
	var b strings.Builder
	if e.Total == 1 {
		b.WriteString("the file was not imported: 1 problem")
	} else {
		fmt.Fprintf(&b, "the file was not imported: %d problems", e.Total)
	}
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.Error())
	}
	if more := e.Total - len(e.Problems); more > 0 {
		fmt.Fprintf(&b, "\n  … and %d more", more)
	}
	return b.String()
}

// problems collects ImportErrors.
type problems struct{ e ImportErrors }

func (p *problems) add(record, id, field, format string, args ...any) {
	p.e.Total++
	if len(p.e.Problems) < MaxProblems {
		p.e.Problems = append(p.e.Problems, ImportError{Record: record, ID: id, Field: field, Message: fmt.Sprintf(format, args...)})
	}
}

// err returns the collected problems, or nil when there are none.
func (p *problems) err() error {
	if p.e.Total == 0 {
		return nil
	}
	e := p.e
	return &e
}
