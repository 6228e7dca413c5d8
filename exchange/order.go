package exchange

import (
	"sort"
	"strings"

	"inreach/schema"
)

// Sort puts d's records in the stable order Export writes: establishments,
// agencies and people by name (ignoring case), then exact name, then id;
// contacts by date, start time, id; actions by due date (undated last), id;
// events, diary entries, supervision sessions, letters and newsletters by
// date, id. The order of each record's children is kept.
func Sort(d *Document) {
	sort.SliceStable(d.Establishments, func(i, j int) bool {
		a, b := d.Establishments[i], d.Establishments[j]
		return byName(a.Name, a.ID, b.Name, b.ID)
	})
	sort.SliceStable(d.Agencies, func(i, j int) bool {
		a, b := d.Agencies[i], d.Agencies[j]
		return byName(a.Name, a.ID, b.Name, b.ID)
	})
	sort.SliceStable(d.People, func(i, j int) bool {
		a, b := d.People[i], d.People[j]
		return byName(a.Name, a.ID, b.Name, b.ID)
	})
	sort.SliceStable(d.Contacts, func(i, j int) bool {
		a, b := d.Contacts[i], d.Contacts[j]
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.ID < b.ID
	})
	sort.SliceStable(d.Actions, func(i, j int) bool {
		a, b := d.Actions[i], d.Actions[j]
		ad, bd := deref(a.Due), deref(b.Due)
		if (ad == "") != (bd == "") {
			return bd == ""
		}
		if ad != bd {
			return ad < bd
		}
		return a.ID < b.ID
	})
	sort.SliceStable(d.Events, func(i, j int) bool {
		return byDate(d.Events[i].Date, d.Events[i].ID, d.Events[j].Date, d.Events[j].ID)
	})
	sort.SliceStable(d.Diary, func(i, j int) bool {
		return byDate(d.Diary[i].Date, d.Diary[i].ID, d.Diary[j].Date, d.Diary[j].ID)
	})
	sort.SliceStable(d.Supervision, func(i, j int) bool {
		return byDate(d.Supervision[i].Date, d.Supervision[i].ID, d.Supervision[j].Date, d.Supervision[j].ID)
	})
	sort.SliceStable(d.Readings, func(i, j int) bool {
		return byDate(d.Readings[i].Date, d.Readings[i].ID, d.Readings[j].Date, d.Readings[j].ID)
	})
	sort.SliceStable(d.Letters, func(i, j int) bool {
		return byDate(d.Letters[i].Date, d.Letters[i].ID, d.Letters[j].Date, d.Letters[j].ID)
	})
	sort.SliceStable(d.Newsletters, func(i, j int) bool {
		return byDate(d.Newsletters[i].Date, d.Newsletters[i].ID, d.Newsletters[j].Date, d.Newsletters[j].ID)
	})
}

func byName(an, aid, bn, bid string) bool {
	al, bl := strings.ToLower(an), strings.ToLower(bn)
	if al != bl {
		return al < bl
	}
	if an != bn {
		return an < bn
	}
	return aid < bid
}

func byDate(ad, aid, bd, bid string) bool {
	if ad != bd {
		return ad < bd
	}
	return aid < bid
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// enumIndex is v's place in e, or len(e.Values) when v is not one of them.
func enumIndex(e schema.Enum, v string) int {
	for i, x := range e.Values {
		if x == v {
			return i
		}
	}
	return len(e.Values)
}

// normalize replaces every nil list in d with an empty one.
func normalize(d *Document) {
	if d.Establishments == nil {
		d.Establishments = []Establishment{}
	}
	if d.Agencies == nil {
		d.Agencies = []Agency{}
	}
	if d.People == nil {
		d.People = []Person{}
	}
	for i := range d.People {
		p := &d.People[i]
		if p.Needs == nil {
			p.Needs = []Need{}
		}
		if p.Sensitive == nil {
			p.Sensitive = []string{}
		}
		if p.ReleasePlan == nil {
			p.ReleasePlan = []PlanItem{}
		}
	}
	if d.Contacts == nil {
		d.Contacts = []Contact{}
	}
	for i := range d.Contacts {
		c := &d.Contacts[i]
		if c.People == nil {
			c.People = []ContactPerson{}
		}
		for j := range c.People {
			cp := &c.People[j]
			if cp.NeedsDiscussed == nil {
				cp.NeedsDiscussed = []string{}
			}
			if cp.Items == nil {
				cp.Items = []ItemCount{}
			}
		}
	}
	if d.Actions == nil {
		d.Actions = []Action{}
	}
	if d.Events == nil {
		d.Events = []Event{}
	}
	if d.Diary == nil {
		d.Diary = []DiaryEntry{}
	}
	for i := range d.Diary {
		e := &d.Diary[i]
		if e.Sections == nil {
			e.Sections = Sections{}
		}
		if e.Tags == nil {
			e.Tags = []string{}
		}
	}
	if d.Supervision == nil {
		d.Supervision = []Supervision{}
	}
	for i := range d.Supervision {
		s := &d.Supervision[i]
		if s.Entries == nil {
			s.Entries = []string{}
		}
		if s.Comments == nil {
			s.Comments = map[string]string{}
		}
		if s.Actions == nil {
			s.Actions = []SupervisionAction{}
		}
	}
	if d.Letters == nil {
		d.Letters = []Letter{}
	}
	for i := range d.Letters {
		if d.Letters[i].Enclosures == nil {
			d.Letters[i].Enclosures = []string{}
		}
	}
	if d.Newsletters == nil {
		d.Newsletters = []Newsletter{}
	}
	if d.Readings == nil {
		d.Readings = []Reading{}
	}
	for i := range d.Newsletters {
		n := &d.Newsletters[i]
		if n.Sections == nil {
			n.Sections = []NewsletterSection{}
		}
		if n.SentTo == nil {
			n.SentTo = []string{}
		}
		if n.Checklist == nil {
			n.Checklist = []string{}
		}
	}
}

func sortedStringKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
