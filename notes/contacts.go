package notes

import (
	"database/sql"
	"fmt"
	"strings"

	"inreach/schema"
)

// A Contact is one session or exchange: a prison visit seeing several women,
// a release day, a phone call, a court hearing… with one ContactPerson row
// for each woman it concerned.
type Contact struct {
	ID              string
	Date            string // required
	Start           string // "HH:MM" or ""
	End             string // "HH:MM" or ""; not before Start
	Kind            string // schema.ContactKind
	EstablishmentID string // or ""
	Place           string // free-text place when there is no establishment (the gate, the station)
	// Logistics of the session. HasLogistics says they were recorded; it is
	// saved as true whenever any of the three below is set (see
	// Contact.Logistics), without changing the Contact given to SaveContact.
	HasLogistics     bool
	RoomBooked       bool
	LateStartMinutes int // 0–600
	LogisticsNote    string
	People           []ContactPerson // in the order she was (to be) seen; each woman at most once

	// PlaceName is filled by GetContact (the establishment's name, else
	// Place) and ignored by SaveContact.
	PlaceName string
}

// A ContactPerson is one woman's part in a contact.
type ContactPerson struct {
	PersonID string
	Booked   bool // false: she turned up or was added unannounced
	Seen     bool
	// NotSeenReason is a schema.NotSeenReason word. It must be empty when
	// she was seen. When she was not seen at a contact dated on or before
	// today (Store.TodayFunc) it is required (choose "other" if unsure); for a contact still
	// to come it may be empty.
	NotSeenReason  string
	Note           string
	NeedsDiscussed []string  // schema.NeedArea words, each at most once
	Items          []ItemQty // what she was given; each item at most once
	Wellbeing      *int      // 1–10 when recorded, nil when not

	// Name is filled by GetContact (her name) and ignored by SaveContact.
	Name string
}

// An ItemQty is something given to a woman and how many.
type ItemQty struct {
	Item     string // schema.Item
	Quantity int    // at least 1
}

// MaxLateStartMinutes bounds Contact.LateStartMinutes.
const MaxLateStartMinutes = 600

func (c *Contact) validate(today string) ValidationError {
	var ck schema.Checker
	ck.Date("Date", c.Date, true)
	startOK := ck.Clock("Start", c.Start)
	endOK := ck.Clock("End", c.End)
	if endOK && c.Start == "" {
		ck.Add("Start", "Enter the start time as well as the end time.")
	}
	if startOK && endOK && c.End < c.Start {
		ck.Add("End", "The end time %s is before the start time %s.", c.End, c.Start)
	}
	ck.Enum("Kind", schema.ContactKind, c.Kind)
	ck.Text("Place", c.Place)
	ck.Text("LogisticsNote", c.LogisticsNote)
	if c.LateStartMinutes < 0 || c.LateStartMinutes > MaxLateStartMinutes {
		ck.Add("LateStartMinutes", "Enter how many minutes late the session started, from 0 to %d.", MaxLateStartMinutes)
	}
	if c.Kind == "prison_visit" && c.EstablishmentID == "" && strings.TrimSpace(c.Place) == "" {
		ck.Add("EstablishmentID", "Choose the prison, or Somewhere else and type the place.")
	}
	past := c.Date != "" && c.Date <= today
	future := c.Date != "" && c.Date > today
	words := schema.WordsFor(c.Kind)
	seenPerson := map[string]bool{}
	for i := range c.People {
		p := &c.People[i]
		f := fmt.Sprintf("People[%d]", i)
		if p.PersonID == "" {
			ck.Add(f+".PersonID", "Choose the woman.")
		} else if seenPerson[p.PersonID] {
			ck.Add(f+".PersonID", "She is listed twice at this contact. Keep one row and put everything in it.")
		}
		seenPerson[p.PersonID] = true
		switch {
		case p.Seen && future:
			ck.Add(f+".Seen", "This contact is dated %s, which is still to come, so %s", c.Date, words.Future)
		case p.Seen && p.NotSeenReason != "":
			ck.Add(f+".NotSeenReason", "She was seen, so leave the reason for not seeing her empty.")
		case !p.Seen && p.NotSeenReason != "":
			ck.Enum(f+".NotSeenReason", schema.NotSeenReason, p.NotSeenReason)
		case !p.Seen && past:
			ck.Add(f+".NotSeenReason", "%s", words.Unseen)
		}
		ck.Text(f+".Note", p.Note)
		areas := map[string]bool{}
		for j, a := range p.NeedsDiscussed {
			g := fmt.Sprintf("%s.NeedsDiscussed[%d]", f, j)
			ck.Enum(g, schema.NeedArea, a)
			if areas[a] && a != "" {
				ck.Add(g, "%s is listed twice.", schema.NeedArea.Label(a))
			}
			areas[a] = true
		}
		items := map[string]bool{}
		for j, it := range p.Items {
			g := fmt.Sprintf("%s.Items[%d]", f, j)
			ck.Enum(g+".Item", schema.Item, it.Item)
			if items[it.Item] && it.Item != "" {
				ck.Add(g+".Item", "%s is listed twice. Keep one line and add up the quantity.", schema.Item.Label(it.Item))
			}
			items[it.Item] = true
			if it.Quantity < 1 {
				ck.Add(g+".Quantity", "Enter how many were given: 1 or more.")
			}
		}
		if p.Wellbeing != nil && (*p.Wellbeing < 1 || *p.Wellbeing > 10) {
			ck.Add(f+".Wellbeing", "Wellbeing is a score from 1 to 10 (or leave it empty).")
		}
	}
	return ck.Errs
}

// Logistics reports whether the contact's logistics count as recorded:
// HasLogistics, or any of room booked, a late start or a logistics note.
// This is what SaveContact stores; c is not changed.
func (c *Contact) Logistics() bool {
	return c.HasLogistics || c.RoomBooked || c.LateStartMinutes != 0 || c.LogisticsNote != ""
}

// SaveContact validates c and writes the contact with all its per-woman
// rows, needs discussed and items in one transaction; the stored per-woman
// rows are replaced by c.People. An empty ID gets a new id ("c-…"), written
// back into c; nothing else in c is changed. Actions and diary entries
// linked to the contact keep their link.
//
// Needs discussed reach her record, in the same transaction: see
// SaveContactOpeningNeeds, which also says which needs it opened.
func (s *Store) SaveContact(c *Contact) error {
	_, err := s.SaveContactOpeningNeeds(c)
	return err
}

// An OpenedNeed is a need that saving a contact opened on a woman's record
// because it was discussed with her there.
type OpenedNeed struct {
	PersonID string
	Name     string // her name
	Area     string // schema.NeedArea
	// Reopened says she had this need as met or declined; it is open again.
	// False: it is a new need, added after her others.
	Reopened bool
}

// SaveContactOpeningNeeds saves c as SaveContact does and returns the needs
// it opened, so the form can say so ("Housing added to Kerry's needs").
//
// The rule: an area newly ticked as discussed with a woman at this contact
// (not already stored as discussed with her at this contact) that she does
// not have open or in progress becomes an open need on her record — added
// at the end of her needs with an empty note when she has none in that
// area, or set back to open, keeping its note, when it was met or declined.
// Areas that stay ticked on a later save open nothing again, so correcting
// an old write-up never reopens a need closed since. Nothing is opened when
// the contact is not saved.
func (s *Store) SaveContactOpeningNeeds(c *Contact) ([]OpenedNeed, error) {
	var opened []OpenedNeed
	errs := c.validate(s.today())
	id := c.ID
	if id == "" {
		id = schema.NewID("c")
	}
	err := s.withTx(func(tx *sql.Tx) error {
		if c.EstablishmentID != "" {
			ok, err := exists(tx, "establishments", c.EstablishmentID)
			if err != nil {
				return err
			}
			if !ok {
				errs = append(errs, FieldError{Field: "EstablishmentID", Message: "That establishment is not in the list (it may have been deleted). Choose another."})
			}
		}
		for i, p := range c.People {
			if p.PersonID == "" {
				continue
			}
			ok, err := exists(tx, "people", p.PersonID)
			if err != nil {
				return err
			}
			if !ok {
				errs = append(errs, FieldError{Field: fmt.Sprintf("People[%d].PersonID", i), Message: "That woman's record is not in the vault (it may have been deleted). Remove this row or choose another."})
			}
		}
		if len(errs) > 0 {
			return errs
		}
		before, err := discussedAt(tx, id)
		if err != nil {
			return err
		}
		_, err = tx.Exec(`INSERT INTO contacts(id, date, start_time, end_time, kind, establishment_id, place,
				has_logistics, room_booked, late_start_minutes, logistics_note)
			VALUES(?,?,?,?,?,?,?,?,?,?,?)
			ON CONFLICT(id) DO UPDATE SET date=excluded.date, start_time=excluded.start_time,
				end_time=excluded.end_time, kind=excluded.kind, establishment_id=excluded.establishment_id,
				place=excluded.place, has_logistics=excluded.has_logistics, room_booked=excluded.room_booked,
				late_start_minutes=excluded.late_start_minutes, logistics_note=excluded.logistics_note`,
			id, c.Date, c.Start, c.End, c.Kind, nullStr(c.EstablishmentID), c.Place,
			b2i(c.Logistics()), b2i(c.RoomBooked), c.LateStartMinutes, c.LogisticsNote)
		if err != nil {
			return fmt.Errorf("saving contact %q: %w", id, err)
		}
		if _, err := tx.Exec(`DELETE FROM contact_people WHERE contact_id = ?`, id); err != nil {
			return fmt.Errorf("saving the women at contact %q: %w", id, err)
		}
		for i, p := range c.People {
			var wb any
			if p.Wellbeing != nil {
				wb = *p.Wellbeing
			}
			if _, err := tx.Exec(`INSERT INTO contact_people(contact_id, person_id, position, booked, seen,
					not_seen_reason, note, wellbeing) VALUES(?,?,?,?,?,?,?,?)`,
				id, p.PersonID, i, b2i(p.Booked), b2i(p.Seen), p.NotSeenReason, p.Note, wb); err != nil {
				return fmt.Errorf("saving the women at contact %q: %w", id, err)
			}
			for j, a := range p.NeedsDiscussed {
				if _, err := tx.Exec(`INSERT INTO contact_needs(contact_id, person_id, area, position) VALUES(?,?,?,?)`,
					id, p.PersonID, a, j); err != nil {
					return fmt.Errorf("saving needs discussed at contact %q: %w", id, err)
				}
				if before[p.PersonID+"\x00"+a] {
					continue
				}
				o, err := openNeed(tx, p.PersonID, a)
				if err != nil {
					return err
				}
				if o != nil {
					opened = append(opened, *o)
				}
			}
			for j, it := range p.Items {
				if _, err := tx.Exec(`INSERT INTO contact_items(contact_id, person_id, item, quantity, position) VALUES(?,?,?,?,?)`,
					id, p.PersonID, it.Item, it.Quantity, j); err != nil {
					return fmt.Errorf("saving items given at contact %q: %w", id, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	c.ID = id
	return opened, nil
}

// discussedAt is every "person\x00area" stored as discussed at contact id.
func discussedAt(tx *sql.Tx, id string) (map[string]bool, error) {
	rows, err := tx.Query(`SELECT person_id, area FROM contact_needs WHERE contact_id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("reading needs discussed at contact %q: %w", id, err)
	}
	defer rows.Close()
	m := map[string]bool{}
	for rows.Next() {
		var pid, area string
		if err := rows.Scan(&pid, &area); err != nil {
			return nil, fmt.Errorf("reading needs discussed at contact %q: %w", id, err)
		}
		m[pid+"\x00"+area] = true
	}
	return m, rows.Err()
}

// openNeed makes area an open need of person unless it is open or in
// progress already; it returns what it did, or nil.
func openNeed(tx *sql.Tx, person, area string) (*OpenedNeed, error) {
	var status, name string
	err := tx.QueryRow(`SELECT p.name, COALESCE(n.status, '') FROM people p
		LEFT JOIN person_needs n ON n.person_id = p.id AND n.area = ? WHERE p.id = ?`, area, person).Scan(&name, &status)
	if err != nil {
		return nil, fmt.Errorf("reading the needs of person %q: %w", person, err)
	}
	o := &OpenedNeed{PersonID: person, Name: name, Area: area}
	switch status {
	case "open", "in_progress":
		return nil, nil
	case "":
		_, err = tx.Exec(`INSERT INTO person_needs(person_id, area, status, note, position)
			SELECT ?, ?, 'open', '', COALESCE(MAX(position), -1) + 1 FROM person_needs WHERE person_id = ?`, person, area, person)
	default:
		o.Reopened = true
		_, err = tx.Exec(`UPDATE person_needs SET status = 'open' WHERE person_id = ? AND area = ?`, person, area)
	}
	if err != nil {
		return nil, fmt.Errorf("opening %s for person %q: %w", area, person, err)
	}
	return o, nil
}

// GetContact returns one contact with every woman's row, in order.
func (s *Store) GetContact(id string) (*Contact, error) {
	var c Contact
	var est sql.NullString
	var hasLog, room int
	err := s.DB.QueryRow(`SELECT c.id, c.date, c.start_time, c.end_time, c.kind, c.establishment_id, c.place,
			c.has_logistics, c.room_booked, c.late_start_minutes, c.logistics_note, COALESCE(e.name, '')
		FROM contacts c LEFT JOIN establishments e ON e.id = c.establishment_id WHERE c.id = ?`, id).Scan(
		&c.ID, &c.Date, &c.Start, &c.End, &c.Kind, &est, &c.Place, &hasLog, &room,
		&c.LateStartMinutes, &c.LogisticsNote, &c.PlaceName)
	if err == sql.ErrNoRows {
		return nil, notFound("contact", id)
	}
	if err != nil {
		return nil, fmt.Errorf("reading contact %q: %w", id, err)
	}
	c.EstablishmentID = str(est)
	c.HasLogistics, c.RoomBooked = hasLog != 0, room != 0
	if c.PlaceName == "" {
		c.PlaceName = c.Place
	}

	rows, err := s.DB.Query(`SELECT cp.person_id, p.name, cp.booked, cp.seen, cp.not_seen_reason, cp.note, cp.wellbeing
		FROM contact_people cp JOIN people p ON p.id = cp.person_id
		WHERE cp.contact_id = ? ORDER BY cp.position, cp.person_id`, id)
	if err != nil {
		return nil, fmt.Errorf("reading the women at contact %q: %w", id, err)
	}
	index := map[string]int{}
	for rows.Next() {
		var p ContactPerson
		var booked, seen int
		var wb sql.NullInt64
		if err := rows.Scan(&p.PersonID, &p.Name, &booked, &seen, &p.NotSeenReason, &p.Note, &wb); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading the women at contact %q: %w", id, err)
		}
		p.Booked, p.Seen = booked != 0, seen != 0
		if wb.Valid {
			v := int(wb.Int64)
			p.Wellbeing = &v
		}
		index[p.PersonID] = len(c.People)
		c.People = append(c.People, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading the women at contact %q: %w", id, err)
	}

	rows, err = s.DB.Query(`SELECT person_id, area FROM contact_needs WHERE contact_id = ? ORDER BY person_id, position, area`, id)
	if err != nil {
		return nil, fmt.Errorf("reading needs discussed at contact %q: %w", id, err)
	}
	for rows.Next() {
		var pid, area string
		if err := rows.Scan(&pid, &area); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading needs discussed at contact %q: %w", id, err)
		}
		if i, ok := index[pid]; ok {
			c.People[i].NeedsDiscussed = append(c.People[i].NeedsDiscussed, area)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading needs discussed at contact %q: %w", id, err)
	}

	rows, err = s.DB.Query(`SELECT person_id, item, quantity FROM contact_items WHERE contact_id = ? ORDER BY person_id, position, item`, id)
	if err != nil {
		return nil, fmt.Errorf("reading items given at contact %q: %w", id, err)
	}
	for rows.Next() {
		var pid string
		var it ItemQty
		if err := rows.Scan(&pid, &it.Item, &it.Quantity); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading items given at contact %q: %w", id, err)
		}
		if i, ok := index[pid]; ok {
			c.People[i].Items = append(c.People[i].Items, it)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading items given at contact %q: %w", id, err)
	}
	return &c, nil
}

// DeleteContact removes a contact and every woman's row at it, with the
// needs discussed and items given. Actions and diary entries that named it
// stay, unlinked.
func (s *Store) DeleteContact(id string) error {
	return s.deleteByID("contacts", "contact", id)
}

// placeName is the words for where a contact happened.
func placeName(establishment, place string) string {
	if strings.TrimSpace(establishment) != "" {
		return establishment
	}
	return place
}
