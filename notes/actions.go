package notes

import (
	"database/sql"
	"fmt"
	"strings"

	"inreach/schema"
)

// An Action is something to do, usually for one woman, perhaps agreed at a
// contact or involving an agency.
type Action struct {
	ID        string
	PersonID  string // or "" for an action about no one woman
	ContactID string // the contact it came from, or ""
	AgencyID  string // the agency involved, or ""
	Text      string // required
	Due       string // date or ""
	DoneOn    string // date or "" while open

	// PersonName and AgencyName are filled by GetAction and ListActions
	// and ignored by SaveAction.
	PersonName string
	AgencyName string
}

// ActionFilter narrows ListActions. Zero values mean "any".
type ActionFilter struct {
	PersonID  string
	OpenOnly  bool   // only actions not done
	DueBefore string // only actions due strictly before this date
}

func (a *Action) validate() ValidationError {
	var c schema.Checker
	if strings.TrimSpace(a.Text) == "" {
		c.Add("Text", "Say what needs doing.")
	} else {
		c.Text("Text", a.Text)
	}
	c.Date("Due", a.Due, false)
	c.Date("DoneOn", a.DoneOn, false)
	return c.Errs
}

// SaveAction validates a and inserts or updates it. An empty ID gets a new
// id ("t-…"), written back into a.
func (s *Store) SaveAction(a *Action) error {
	errs := a.validate()
	id := a.ID
	if id == "" {
		id = schema.NewID("t")
	}
	err := s.withTx(func(tx *sql.Tx) error {
		for _, ref := range []struct{ field, table, id, msg string }{
			{"PersonID", "people", a.PersonID, "That woman's record is not in the vault (it may have been deleted)."},
			{"ContactID", "contacts", a.ContactID, "That contact is not in the vault (it may have been deleted)."},
			{"AgencyID", "agencies", a.AgencyID, "That agency is not in the directory (it may have been deleted)."},
		} {
			if ref.id == "" {
				continue
			}
			ok, err := exists(tx, ref.table, ref.id)
			if err != nil {
				return err
			}
			if !ok {
				errs = append(errs, FieldError{Field: ref.field, Message: ref.msg})
			}
		}
		if len(errs) > 0 {
			return errs
		}
		_, err := tx.Exec(`INSERT INTO actions(id, person_id, contact_id, agency_id, text, due, done_on)
			VALUES(?,?,?,?,?,?,?)
			ON CONFLICT(id) DO UPDATE SET person_id=excluded.person_id, contact_id=excluded.contact_id,
				agency_id=excluded.agency_id, text=excluded.text, due=excluded.due, done_on=excluded.done_on`,
			id, nullStr(a.PersonID), nullStr(a.ContactID), nullStr(a.AgencyID), a.Text, nullStr(a.Due), nullStr(a.DoneOn))
		if err != nil {
			return fmt.Errorf("saving action %q: %w", id, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	a.ID = id
	return nil
}

const actionSelect = `SELECT a.id, a.person_id, a.contact_id, a.agency_id, a.text, a.due, a.done_on,
	COALESCE(p.name, ''), COALESCE(g.name, '')
FROM actions a LEFT JOIN people p ON p.id = a.person_id LEFT JOIN agencies g ON g.id = a.agency_id`

func scanAction(sc interface{ Scan(...any) error }) (Action, error) {
	var a Action
	var pid, cid, gid, due, done sql.NullString
	err := sc.Scan(&a.ID, &pid, &cid, &gid, &a.Text, &due, &done, &a.PersonName, &a.AgencyName)
	a.PersonID, a.ContactID, a.AgencyID, a.Due, a.DoneOn = str(pid), str(cid), str(gid), str(due), str(done)
	return a, err
}

// GetAction returns one action.
func (s *Store) GetAction(id string) (*Action, error) {
	a, err := scanAction(s.DB.QueryRow(actionSelect+` WHERE a.id = ?`, id))
	if err == sql.ErrNoRows {
		return nil, notFound("action", id)
	}
	if err != nil {
		return nil, fmt.Errorf("reading action %q: %w", id, err)
	}
	return &a, nil
}

// ListActions returns the actions matching f: open ones first, then by due
// date (undated last), then id.
func (s *Store) ListActions(f ActionFilter) ([]Action, error) {
	var conds []string
	var args []any
	if f.PersonID != "" {
		conds = append(conds, "a.person_id = ?")
		args = append(args, f.PersonID)
	}
	if f.OpenOnly {
		conds = append(conds, "a.done_on IS NULL")
	}
	if f.DueBefore != "" {
		conds = append(conds, "a.due < ?")
		args = append(args, f.DueBefore)
	}
	q := actionSelect
	if len(conds) > 0 {
		q += " WHERE " + strings.Join(conds, " AND ")
	}
	q += " ORDER BY a.done_on IS NOT NULL, a.due IS NULL, a.due, a.id"
	return s.actions(q, args...)
}

// actions runs an actionSelect query and reads every row.
func (s *Store) actions(q string, args ...any) ([]Action, error) {
	rows, err := s.DB.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("listing actions: %w", err)
	}
	defer rows.Close()
	var out []Action
	for rows.Next() {
		a, err := scanAction(rows)
		if err != nil {
			return nil, fmt.Errorf("listing actions: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing actions: %w", err)
	}
	return out, nil
}

// MarkDone records an action as done on date ("" means today, from Store.TodayFunc).
func (s *Store) MarkDone(id, date string) error {
	if date == "" {
		date = s.today()
	}
	var c schema.Checker
	c.Date("DoneOn", date, true)
	if err := c.Err(); err != nil {
		return err
	}
	res, err := s.DB.Exec(`UPDATE actions SET done_on = ? WHERE id = ?`, date, id)
	if err != nil {
		return fmt.Errorf("marking action %q done: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("action", id)
	}
	return nil
}

// DeleteAction removes an action.
func (s *Store) DeleteAction(id string) error {
	return s.deleteByID("actions", "action", id)
}
