package kit

import (
	"fmt"
	"strings"

	"inreach/notes"
	"inreach/schema"
)

// Words for the women, Today and directory screens: enumerations in select
// boxes, dates in words, and the establishments and agencies to choose from.

// setEnumSelect shows value's words in a select box without calling its
// OnChanged ("" clears it).
func SetEnumSelect(s *Select, e schema.Enum, value string) {
	s.Selected = ""
	if value != "" {
		s.Selected = e.Label(value)
	}
	s.Refresh()
}

// enumValue is the word behind a select box of an enumeration ("" if
// nothing is chosen).
func EnumValue(e schema.Enum, s *Select) string {
	v, _ := e.ValueOf(s.Selected)
	return v
}

// dateWords shows a YYYY-MM-DD date in words ("Mon 3 Nov 2025"), leaving
// the year out when it is this year's (today is YYYY-MM-DD). Anything that
// is not a date is shown as it is.
func DateWords(d, today string) string {
	t, err := schema.ParseDate(d)
	if err != nil {
		return d
	}
	if len(today) >= 4 && strings.HasPrefix(d, today[:4]) {
		return t.Format("Mon 2 Jan")
	}
	return t.Format("Mon 2 Jan 2006")
}

// daysBetween is to − from in whole days (both YYYY-MM-DD); ok is false
// when either is not a date.
func DaysBetween(from, to string) (int, bool) {
	a, err1 := schema.ParseDate(from)
	b, err2 := schema.ParseDate(to)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return int(b.Sub(a).Hours() / 24), true
}

// whenWords says how far a date is from today: "today", "tomorrow",
// "in 3 days", "yesterday", "5 days ago".
func WhenWords(d, today string) string {
	n, ok := DaysBetween(today, d)
	switch {
	case !ok:
		return ""
	case n == 0:
		return "today"
	case n == 1:
		return "tomorrow"
	case n == -1:
		return "yesterday"
	case n > 1:
		return fmt.Sprintf("in %d days", n)
	}
	return fmt.Sprintf("%d days ago", -n)
}

// establishmentChoices lists the places for a select box: the words shown
// and the id behind each. The first choice is "Not recorded" (no place).
type EstablishmentChoices struct {
	Labels []string
	ids    []string
}

const NoEstablishment = "Not recorded"

func LoadEstablishmentChoices(st *notes.Store) (EstablishmentChoices, error) {
	list, err := st.ListEstablishments()
	if err != nil {
		return EstablishmentChoices{}, err
	}
	c := EstablishmentChoices{Labels: []string{NoEstablishment}, ids: []string{""}}
	count := map[string]int{}
	for _, e := range list {
		count[e.Name]++
	}
	for _, e := range list {
		label := e.Name
		if count[e.Name] > 1 {
			label = fmt.Sprintf("%s (%s)", e.Name, strings.ToLower(schema.EstablishmentKind.Label(e.Kind)))
		}
		c.Labels = append(c.Labels, label)
		c.ids = append(c.ids, e.ID)
	}
	return c, nil
}

func (c EstablishmentChoices) Label(id string) string {
	for i, x := range c.ids {
		if x == id {
			return c.Labels[i]
		}
	}
	return NoEstablishment
}

func (c EstablishmentChoices) Id(label string) string {
	for i, x := range c.Labels {
		if x == label {
			return c.ids[i]
		}
	}
	return ""
}

// agencyChoices lists the directory for an action's agency picker.
type AgencyChoices struct {
	Labels []string
	ids    []string
}

const noAgency = "No agency"

func LoadAgencyChoices(st *notes.Store) (AgencyChoices, error) {
	list, err := st.ListAgencies(notes.AgencyFilter{})
	if err != nil {
		return AgencyChoices{}, err
	}
	c := AgencyChoices{Labels: []string{noAgency}, ids: []string{""}}
	seen := map[string]bool{}
	for _, a := range list {
		label := a.Name
		if seen[label] && a.Area != "" {
			label += " (" + a.Area + ")"
		}
		seen[label] = true
		c.Labels = append(c.Labels, label)
		c.ids = append(c.ids, a.ID)
	}
	return c, nil
}

func (c AgencyChoices) Id(label string) string {
	for i, x := range c.Labels {
		if x == label {
			return c.ids[i]
		}
	}
	return ""
}

// validationText is every message of a validation error, as one paragraph.
func ValidationText(v notes.ValidationError) string {
	var msgs []string
	for _, f := range v.Fields() {
		msgs = append(msgs, v.Message(f))
	}
	return strings.Join(msgs, " ")
}
