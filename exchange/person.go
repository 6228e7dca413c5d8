package exchange

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// restrictTo cuts d down to the records about one woman (see
// ExportOptions.PersonID).
func restrictTo(d *Document, pid string) error {
	var me *Person
	for i := range d.People {
		if d.People[i].ID == pid {
			me = &d.People[i]
		}
	}
	if me == nil {
		return fmt.Errorf("there is no person with id %q to export", pid)
	}
	out := &Document{Format: d.Format, Version: d.Version, ExportedAt: d.ExportedAt}
	out.People = []Person{*me}

	// Contacts she was at, with only her row.
	keptContact := map[string]bool{}
	atContact := map[string]bool{}
	byID := map[string]Contact{}
	for _, c := range d.Contacts {
		byID[c.ID] = c
	}
	onlyHer := func(c Contact) Contact {
		rows := []ContactPerson{}
		for _, cp := range c.People {
			if cp.Person == pid {
				rows = append(rows, cp)
			}
		}
		c.People = rows
		return c
	}
	for _, c := range d.Contacts {
		for _, cp := range c.People {
			if cp.Person == pid {
				atContact[c.ID] = true
				keptContact[c.ID] = true
				out.Contacts = append(out.Contacts, onlyHer(c))
				break
			}
		}
	}
	keepContact := func(id *string) {
		if id == nil || *id == "" || keptContact[*id] {
			return
		}
		if c, ok := byID[*id]; ok {
			keptContact[*id] = true
			out.Contacts = append(out.Contacts, onlyHer(c))
		}
	}

	agencies := map[string]bool{}
	for _, a := range d.Actions {
		if a.Person != nil && *a.Person == pid {
			out.Actions = append(out.Actions, a)
			keepContact(a.Contact)
			if a.Agency != nil {
				agencies[*a.Agency] = true
			}
		}
	}
	for _, a := range d.Agencies {
		if agencies[a.ID] {
			out.Agencies = append(out.Agencies, a)
		}
	}
	for _, e := range d.Events {
		if e.Person == pid {
			out.Events = append(out.Events, e)
		}
	}
	for _, l := range d.Letters {
		if l.Person == pid {
			out.Letters = append(out.Letters, l)
		}
	}
	for _, x := range d.Readings {
		if x.Person == pid {
			out.Readings = append(out.Readings, x)
			keepContact(x.Contact)
		}
	}

	entries := map[string]bool{}
	for _, e := range d.Diary {
		linked := e.Contact != nil && atContact[*e.Contact]
		if linked || mentions(e, me.Name) {
			entries[e.ID] = true
			out.Diary = append(out.Diary, e)
			keepContact(e.Contact)
		}
	}
	for _, s := range d.Supervision {
		var keep []string
		for _, id := range s.Entries {
			if entries[id] {
				keep = append(keep, id)
			}
		}
		if len(keep) == 0 {
			continue
		}
		comments := map[string]string{}
		for _, id := range keep {
			if c, ok := s.Comments[id]; ok {
				comments[id] = c
			}
		}
		s.Entries, s.Comments = keep, comments
		out.Supervision = append(out.Supervision, s)
	}
	for _, n := range d.Newsletters {
		for _, p := range n.SentTo {
			if p == pid {
				n.SentTo = []string{pid}
				out.Newsletters = append(out.Newsletters, n)
				break
			}
		}
	}

	places := map[string]bool{}
	if me.Establishment != nil {
		places[*me.Establishment] = true
	}
	for _, c := range out.Contacts {
		if c.Establishment != nil {
			places[*c.Establishment] = true
		}
	}
	for _, e := range d.Establishments {
		if places[e.ID] {
			out.Establishments = append(out.Establishments, e)
		}
	}
	*d = *out
	return nil
}

// mentions reports whether any section of e holds name as a whole word or
// words, in any case.
func mentions(e DiaryEntry, name string) bool {
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "" {
		return false
	}
	for _, s := range e.Sections {
		if containsWord(strings.ToLower(s.Body), name) {
			return true
		}
	}
	return false
}

// containsWord reports whether text holds word with no letter or digit
// directly before or after it.
func containsWord(text, word string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], word)
		if i < 0 {
			return false
		}
		start := from + i
		end := start + len(word)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
		from = start + 1
	}
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
