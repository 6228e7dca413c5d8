package diary

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"inreach/schema"
)

// A Session is one supervision meeting: the diary entries discussed (with
// the supervisor's comment on each), notes, agreed actions, and the date it
// was signed off.
//
// Entries become "discussed" when the session is signed off, not when they
// are merely added: a supervisor adds entries, comments and actions over
// the meeting, and signing off says the discussion is complete. Saving a
// signed-off session marks each of its entries discussed if it was newly
// signed off (the session was not signed off before, or the entry was not
// in it). An entry taken out of a signed-off session, or whose session
// loses its sign-off or is deleted, goes back to "for_supervision" unless
// another signed-off session still includes it.
type Session struct {
	ID         string
	Date       string
	Supervisor string
	Notes      string
	Entries    []SessionEntry
	Actions    []SessionAction
	// SignedOffOn is the date the session was signed off, "" if not yet.
	SignedOffOn string
}

// A SessionEntry is one diary entry discussed at a session.
type SessionEntry struct {
	DiaryID string
	Comment string
}

// A SessionAction is an action agreed at a session.
type SessionAction struct {
	Text  string
	Owner string
	// Due and DoneOn are dates, "" for none / not done.
	Due    string
	DoneOn string
}

func (ss *Session) normalise() {
	ss.ID = strings.TrimSpace(ss.ID)
	ss.Date = strings.TrimSpace(ss.Date)
	ss.Supervisor = strings.TrimSpace(ss.Supervisor)
	ss.SignedOffOn = strings.TrimSpace(ss.SignedOffOn)
	for i := range ss.Entries {
		ss.Entries[i].DiaryID = strings.TrimSpace(ss.Entries[i].DiaryID)
	}
	for i := range ss.Actions {
		a := &ss.Actions[i]
		a.Text = strings.TrimSpace(a.Text)
		a.Owner = strings.TrimSpace(a.Owner)
		a.Due = strings.TrimSpace(a.Due)
		a.DoneOn = strings.TrimSpace(a.DoneOn)
	}
}

func (ss *Session) validate() ValidationError {
	var c schema.Checker
	dateOK := c.Date("Date", ss.Date, true)
	c.Text("Supervisor", ss.Supervisor)
	c.Text("Notes", ss.Notes)
	if c.Date("SignedOffOn", ss.SignedOffOn, false) && dateOK && ss.SignedOffOn < ss.Date {
		c.Add("SignedOffOn", "A session cannot be signed off before the day it took place.")
	}
	seen := map[string]bool{}
	for i, e := range ss.Entries {
		f := fmt.Sprintf("Entries[%d]", i)
		switch {
		case e.DiaryID == "":
			c.Add(f+".DiaryID", "Choose the diary entry this comment is about.")
		case seen[e.DiaryID]:
			c.Add(f+".DiaryID", "This diary entry is in the session twice.")
		}
		seen[e.DiaryID] = true
		c.Text(f+".Comment", e.Comment)
	}
	for i, a := range ss.Actions {
		f := fmt.Sprintf("Actions[%d]", i)
		if a.Text == "" {
			c.Add(f+".Text", "Say what the action is.")
		}
		c.Text(f+".Text", a.Text)
		c.Text(f+".Owner", a.Owner)
		c.Date(f+".Due", a.Due, false)
		c.Date(f+".DoneOn", a.DoneOn, false)
	}
	return c.Errs
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// SaveSession validates and writes the session, its entries with comments
// and its actions, giving it a new id if it has none (written back into
// ss.ID), and updates the status of the entries as the Session comment
// describes.
//
// On any error, ss is left exactly as it was given; on success it holds
// what was stored (its id, and the fields as normalised on saving).
func (s *Store) SaveSession(ss *Session) error {
	if ss == nil {
		return errors.New("diary: no supervision session to save")
	}
	n := *ss
	n.Entries = append([]SessionEntry(nil), ss.Entries...)
	n.Actions = append([]SessionAction(nil), ss.Actions...)
	if err := s.saveSession(&n); err != nil {
		return err
	}
	*ss = n
	return nil
}

// saveSession does the work of SaveSession on a copy of the caller\'s record, so it may
// normalise its argument freely.
func (s *Store) saveSession(ss *Session) error {
	if ss == nil {
		return errors.New("diary: no supervision session to save")
	}
	ss.normalise()
	if v := ss.validate(); len(v) > 0 {
		return v
	}
	wasNew := ss.ID == ""
	if wasNew {
		ss.ID = schema.NewID("s")
	}
	err := s.withTx(func(tx *sql.Tx) error { return writeSession(tx, ss) })
	if err != nil && wasNew {
		ss.ID = ""
	}
	return err
}

// SaveSessionTx is SaveSession inside the caller's transaction (a received
// supervision reply is merged with its receipt in one transaction). On an
// error the caller rolls back; ss.ID is set if it was empty.
func SaveSessionTx(tx *sql.Tx, ss *Session) error {
	if ss == nil {
		return errors.New("diary: no supervision session to save")
	}
	ss.normalise()
	if v := ss.validate(); len(v) > 0 {
		return v
	}
	if ss.ID == "" {
		ss.ID = schema.NewID("s")
	}
	return writeSession(tx, ss)
}

// writeSession writes a normalised, validated session and updates the
// status of its entries (see Session).
func writeSession(tx *sql.Tx, ss *Session) error {
	var missing ValidationError
	for i, e := range ss.Entries {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM diary WHERE id = ?`, e.DiaryID).Scan(&n); err != nil {
			return fmt.Errorf("checking the entries of supervision session %s: %w", ss.ID, err)
		}
		if n == 0 {
			missing = append(missing, FieldError{Field: fmt.Sprintf("Entries[%d].DiaryID", i),
				Message: fmt.Sprintf("There is no diary entry with id %q (it may have been deleted).", e.DiaryID)})
		}
	}
	if len(missing) > 0 {
		return missing
	}
	// What was signed off before this save.
	var oldSigned sql.NullString
	err := tx.QueryRow(`SELECT signed_off_on FROM supervision WHERE id = ?`, ss.ID).Scan(&oldSigned)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("reading supervision session %s: %w", ss.ID, err)
	}
	oldEntries, err := sessionEntryIDs(tx, ss.ID)
	if err != nil {
		return err
	}
	wasSigned := oldSigned.Valid && oldSigned.String != ""
	if _, err := tx.Exec(`INSERT INTO supervision (id, date, supervisor, notes, signed_off_on) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET date = excluded.date, supervisor = excluded.supervisor,
			notes = excluded.notes, signed_off_on = excluded.signed_off_on`,
		ss.ID, ss.Date, ss.Supervisor, ss.Notes, nullable(ss.SignedOffOn)); err != nil {
		return fmt.Errorf("saving supervision session %s: %w", ss.ID, err)
	}
	if _, err := tx.Exec(`DELETE FROM supervision_entries WHERE supervision_id = ?`, ss.ID); err != nil {
		return fmt.Errorf("saving the entries of supervision session %s: %w", ss.ID, err)
	}
	for i, e := range ss.Entries {
		if _, err := tx.Exec(`INSERT INTO supervision_entries (supervision_id, diary_id, position, comment) VALUES (?, ?, ?, ?)`,
			ss.ID, e.DiaryID, i, e.Comment); err != nil {
			return fmt.Errorf("saving the entries of supervision session %s: %w", ss.ID, err)
		}
	}
	if _, err := tx.Exec(`DELETE FROM supervision_actions WHERE supervision_id = ?`, ss.ID); err != nil {
		return fmt.Errorf("saving the actions of supervision session %s: %w", ss.ID, err)
	}
	for i, a := range ss.Actions {
		if _, err := tx.Exec(`INSERT INTO supervision_actions (supervision_id, position, text, owner, due, done_on) VALUES (?, ?, ?, ?, ?, ?)`,
			ss.ID, i, a.Text, a.Owner, nullable(a.Due), nullable(a.DoneOn)); err != nil {
			return fmt.Errorf("saving the actions of supervision session %s: %w", ss.ID, err)
		}
	}
	// Statuses: newly signed-off entries become discussed; entries that
	// lost this session's sign-off go back unless another covers them.
	signed := ss.SignedOffOn != ""
	now := map[string]bool{}
	for _, e := range ss.Entries {
		now[e.DiaryID] = true
	}
	if signed {
		for _, e := range ss.Entries {
			if !wasSigned || !oldEntries[e.DiaryID] {
				if _, err := tx.Exec(`UPDATE diary SET status = 'discussed' WHERE id = ?`, e.DiaryID); err != nil {
					return fmt.Errorf("marking diary entry %s discussed: %w", e.DiaryID, err)
				}
			}
		}
	}
	if wasSigned {
		for id := range oldEntries {
			if signed && now[id] {
				continue
			}
			if err := reopenIfUncovered(tx, id); err != nil {
				return err
			}
		}
	}
	return nil
}

func sessionEntryIDs(tx *sql.Tx, sessionID string) (map[string]bool, error) {
	rows, err := tx.Query(`SELECT diary_id FROM supervision_entries WHERE supervision_id = ?`, sessionID)
	if err != nil {
		return nil, fmt.Errorf("reading the entries of supervision session %s: %w", sessionID, err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("reading the entries of supervision session %s: %w", sessionID, err)
		}
		out[id] = true
	}
	return out, rows.Err()
}

// reopenIfUncovered puts a discussed entry back to for_supervision when no
// signed-off session includes it any more.
func reopenIfUncovered(tx *sql.Tx, diaryID string) error {
	_, err := tx.Exec(`UPDATE diary SET status = 'for_supervision' WHERE id = ? AND status = 'discussed'
		AND NOT EXISTS (SELECT 1 FROM supervision_entries se JOIN supervision s ON s.id = se.supervision_id
			WHERE se.diary_id = diary.id AND s.signed_off_on IS NOT NULL AND s.signed_off_on <> '')`, diaryID)
	if err != nil {
		return fmt.Errorf("updating the status of diary entry %s: %w", diaryID, err)
	}
	return nil
}

// GetSession returns the session with its entries (in the order added) and
// actions.
func (s *Store) GetSession(id string) (*Session, error) {
	ss := &Session{ID: id}
	var signed sql.NullString
	err := s.DB.QueryRow(`SELECT date, supervisor, notes, signed_off_on FROM supervision WHERE id = ?`, id).
		Scan(&ss.Date, &ss.Supervisor, &ss.Notes, &signed)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("supervision session", id)
	}
	if err != nil {
		return nil, fmt.Errorf("reading supervision session %s: %w", id, err)
	}
	ss.SignedOffOn = signed.String
	rows, err := s.DB.Query(`SELECT diary_id, comment FROM supervision_entries WHERE supervision_id = ? ORDER BY position, diary_id`, id)
	if err != nil {
		return nil, fmt.Errorf("reading supervision session %s: %w", id, err)
	}
	for rows.Next() {
		var e SessionEntry
		if err := rows.Scan(&e.DiaryID, &e.Comment); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading supervision session %s: %w", id, err)
		}
		ss.Entries = append(ss.Entries, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading supervision session %s: %w", id, err)
	}
	rows, err = s.DB.Query(`SELECT text, owner, COALESCE(due, ''), COALESCE(done_on, '') FROM supervision_actions
		WHERE supervision_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, fmt.Errorf("reading supervision session %s: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var a SessionAction
		if err := rows.Scan(&a.Text, &a.Owner, &a.Due, &a.DoneOn); err != nil {
			return nil, fmt.Errorf("reading supervision session %s: %w", id, err)
		}
		ss.Actions = append(ss.Actions, a)
	}
	return ss, rows.Err()
}

// A SessionSummary is one line of the list of sessions.
type SessionSummary struct {
	ID          string
	Date        string
	Supervisor  string
	SignedOffOn string
	Entries     int
	OpenActions int
}

// ListSessions returns the sessions dated in [from, to] ("" leaves an end
// open), newest first.
func (s *Store) ListSessions(from, to string) ([]SessionSummary, error) {
	var c schema.Checker
	c.Date("From", from, false)
	c.Date("To", to, false)
	if err := c.Err(); err != nil {
		return nil, err
	}
	rows, err := s.DB.Query(`SELECT s.id, s.date, s.supervisor, COALESCE(s.signed_off_on, ''),
		(SELECT count(*) FROM supervision_entries e WHERE e.supervision_id = s.id),
		(SELECT count(*) FROM supervision_actions a WHERE a.supervision_id = s.id AND (a.done_on IS NULL OR a.done_on = ''))
		FROM supervision s WHERE (? = '' OR s.date >= ?) AND (? = '' OR s.date <= ?)
		ORDER BY s.date DESC, s.id DESC`, from, from, to, to)
	if err != nil {
		return nil, fmt.Errorf("listing supervision sessions: %w", err)
	}
	defer rows.Close()
	var out []SessionSummary
	for rows.Next() {
		var x SessionSummary
		if err := rows.Scan(&x.ID, &x.Date, &x.Supervisor, &x.SignedOffOn, &x.Entries, &x.OpenActions); err != nil {
			return nil, fmt.Errorf("listing supervision sessions: %w", err)
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// DeleteSession removes the session with its comments and actions. Entries
// it had marked discussed go back to for_supervision unless another
// signed-off session includes them.
func (s *Store) DeleteSession(id string) error {
	return s.withTx(func(tx *sql.Tx) error {
		entries, err := sessionEntryIDs(tx, id)
		if err != nil {
			return err
		}
		res, err := tx.Exec(`DELETE FROM supervision WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("deleting supervision session %s: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("supervision session", id)
		}
		for d := range entries {
			if err := reopenIfUncovered(tx, d); err != nil {
				return err
			}
		}
		return nil
	})
}

// CandidateEntries lists the entries a session could discuss: those marked
// for_supervision dated in [from, to] ("" leaves an end open), plus those
// already in session sessionID ("" for a new session) whatever their date
// or status, newest first.
func (s *Store) CandidateEntries(from, to, sessionID string) ([]Summary, error) {
	var c schema.Checker
	c.Date("From", from, false)
	c.Date("To", to, false)
	if err := c.Err(); err != nil {
		return nil, err
	}
	rows, err := s.DB.Query(`SELECT d.id FROM diary d
		WHERE (d.status = 'for_supervision' AND (? = '' OR d.date >= ?) AND (? = '' OR d.date <= ?))
		   OR d.id IN (SELECT diary_id FROM supervision_entries WHERE supervision_id = ?)`,
		from, from, to, to, sessionID)
	if err != nil {
		return nil, fmt.Errorf("listing entries for supervision: %w", err)
	}
	want := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("listing entries for supervision: %w", err)
		}
		want[id] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing entries for supervision: %w", err)
	}
	if len(want) == 0 {
		return nil, nil
	}
	all, err := s.List(Filter{})
	if err != nil {
		return nil, err
	}
	var out []Summary
	for _, sm := range all {
		if want[sm.ID] {
			out = append(out, sm)
		}
	}
	return out, nil
}

// EntryComments returns the supervisors' non-empty comments on entry
// diaryID, oldest session first.
func (s *Store) EntryComments(diaryID string) ([]Comment, error) {
	rows, err := s.DB.Query(`SELECT s.id, s.date, s.supervisor, e.comment
		FROM supervision_entries e JOIN supervision s ON s.id = e.supervision_id
		WHERE e.diary_id = ? AND trim(e.comment) <> '' ORDER BY s.date, s.id`, diaryID)
	if err != nil {
		return nil, fmt.Errorf("reading the comments on diary entry %s: %w", diaryID, err)
	}
	defer rows.Close()
	var out []Comment
	for rows.Next() {
		var c Comment
		if err := rows.Scan(&c.SessionID, &c.Date, &c.Supervisor, &c.Text); err != nil {
			return nil, fmt.Errorf("reading the comments on diary entry %s: %w", diaryID, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// An OpenAction is a supervision action not yet done.
type OpenAction struct {
	SessionID   string
	SessionDate string
	Supervisor  string
	// Position is the action's place in its session (for SetActionDone).
	Position int
	Text     string
	Owner    string
	Due      string // "" for no date
}

// OpenActions lists the supervision actions not done, soonest due first
// (those without a due date last), for the Today screen.
func (s *Store) OpenActions() ([]OpenAction, error) {
	rows, err := s.DB.Query(`SELECT s.id, s.date, s.supervisor, a.position, a.text, a.owner, COALESCE(a.due, '')
		FROM supervision_actions a JOIN supervision s ON s.id = a.supervision_id
		WHERE a.done_on IS NULL OR a.done_on = ''
		ORDER BY (a.due IS NULL OR a.due = ''), a.due, s.date, s.id, a.position`)
	if err != nil {
		return nil, fmt.Errorf("listing open supervision actions: %w", err)
	}
	defer rows.Close()
	var out []OpenAction
	for rows.Next() {
		var a OpenAction
		if err := rows.Scan(&a.SessionID, &a.SessionDate, &a.Supervisor, &a.Position, &a.Text, &a.Owner, &a.Due); err != nil {
			return nil, fmt.Errorf("listing open supervision actions: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// SetActionDone records that action position of session sessionID was done
// on date ("" marks it not done again).
func (s *Store) SetActionDone(sessionID string, position int, date string) error {
	date = strings.TrimSpace(date)
	var c schema.Checker
	c.Date("DoneOn", date, false)
	if err := c.Err(); err != nil {
		return err
	}
	res, err := s.DB.Exec(`UPDATE supervision_actions SET done_on = ? WHERE supervision_id = ? AND position = ?`,
		nullable(date), sessionID, position)
	if err != nil {
		return fmt.Errorf("updating supervision action %d of session %s: %w", position, sessionID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("supervision action", fmt.Sprintf("%s/%d", sessionID, position))
	}
	return nil
}
