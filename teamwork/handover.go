package teamwork

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"inreach/bundle"
	"inreach/exchange"
	"inreach/report"
	"inreach/schema"
	"inreach/team"
)

// PrepareHandover builds the handover of women personIDs to colleague to:
// each woman's whole record as DESIGN.md lists it — her details, needs,
// release plan, her own rows of contacts (never another woman's row of a
// shared session), actions, events, letters and outcome readings — and the
// directory entries
// (establishments, agencies) they use. Diary entries, supervision and
// newsletters stay: they are the worker's own. Sending records a
// handed_over event on each woman ("Handed over to NAME").
func PrepareHandover(ctx context.Context, db *sql.DB, to team.Member, personIDs []string) (*Outgoing, error) {
	if len(personIDs) == 0 {
		return nil, errors.New("name at least one woman (by id) to hand over")
	}
	d := &exchange.Document{}
	seen := map[string]bool{}
	contactAt := map[string]int{}
	for _, pid := range personIDs {
		if seen["p:"+pid] {
			continue
		}
		seen["p:"+pid] = true
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM people WHERE id = ?`, pid).Scan(&n); err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, fmt.Errorf("there is no woman with the id %q; nothing was sent", pid)
		}
		one, err := exchange.Export(ctx, db, exchange.ExportOptions{PersonID: pid})
		if err != nil {
			return nil, err
		}
		d.People = append(d.People, one.People...)
		d.Actions = append(d.Actions, one.Actions...)
		d.Events = append(d.Events, one.Events...)
		d.Letters = append(d.Letters, one.Letters...)
		d.Readings = append(d.Readings, one.Readings...)
		for _, e := range one.Establishments {
			if !seen["e:"+e.ID] {
				seen["e:"+e.ID] = true
				d.Establishments = append(d.Establishments, e)
			}
		}
		for _, a := range one.Agencies {
			if !seen["a:"+a.ID] {
				seen["a:"+a.ID] = true
				d.Agencies = append(d.Agencies, a)
			}
		}
		for _, c := range one.Contacts {
			if i, ok := contactAt[c.ID]; ok {
				d.Contacts[i].People = append(d.Contacts[i].People, c.People...)
				continue
			}
			contactAt[c.ID] = len(d.Contacts)
			d.Contacts = append(d.Contacts, c)
		}
	}
	ids := append([]string(nil), personIDs...)
	out := &Outgoing{Kind: bundle.KindHandover, To: to, Doc: d, PersonIDs: ids,
		Summary: fmt.Sprintf("the whole record of %d %s", len(d.People), plural(len(d.People), "woman", "women"))}
	out.after = func(tx *sql.Tx, h bundle.Header) error {
		today := time.Now().Format(schema.DateLayout)
		for _, p := range d.People {
			if _, err := tx.Exec(`INSERT INTO events(id, person_id, date, kind, note) VALUES (?,?,?,?,?)`,
				schema.NewID("v"), p.ID, today, "handed_over", "Handed over to "+to.Name); err != nil {
				return fmt.Errorf("recording the handover: %w", err)
			}
		}
		return nil
	}
	return out, nil
}

// EraseHandedOver erases the women of a handover from this vault, with
// report.ErasePerson (every record about her, her name in other records,
// the search index and free pages). Call it only after Send returned
// without error: Send has then written the bundle and opened it again.
// The caller saves the vault.
func EraseHandedOver(ctx context.Context, db *sql.DB, out *Outgoing, sent *Sent) ([]*report.ErasureReport, error) {
	if sent == nil || out.Kind != bundle.KindHandover {
		return nil, errors.New("only a handover that was sent can be followed by erasure")
	}
	var reps []*report.ErasureReport
	for _, id := range out.PersonIDs {
		r, err := report.ErasePerson(ctx, db, id)
		if err != nil {
			return reps, fmt.Errorf("the handover was sent, but erasing %s failed: %w", id, err)
		}
		reps = append(reps, r)
	}
	return reps, nil
}

// handover merges women handed over by a colleague. Establishments and
// agencies this vault already has under the same name are used as they
// are; every other id already used in this vault is given a new one
// (references follow), so nothing of this vault is replaced. Each woman gets a
// "handed over from NAME on DATE" event.
func (in *incoming) handover() (func(tx *sql.Tx) (string, error), error) {
	if err := only(in.doc, "handover", "establishments", "agencies", "people", "contacts", "actions", "events", "letters", "readings"); err != nil {
		return nil, err
	}
	if len(in.doc.People) == 0 {
		return nil, refuse(ErrInvalid, "this handover holds no one; nothing was changed")
	}
	if err := validateAlone(in.ctx, in.doc, nil); err != nil {
		return nil, err
	}
	d := in.doc
	date := dateOf(in.h.Created)
	return func(tx *sql.Tx) (string, error) {
		if err := renumber(tx, d); err != nil {
			return "", err
		}
		for _, p := range d.People {
			d.Events = append(d.Events, exchange.Event{ID: schema.NewID("v"), Person: p.ID, Date: date, Kind: "handed_over",
				Note: "Handed over from " + in.from.Name + " on " + date})
		}
		if _, err := exchange.ImportTx(in.ctx, tx, d); err != nil {
			return "", err
		}
		return fmt.Sprintf("the record of %d %s handed over by %s", len(d.People), plural(len(d.People), "woman", "women"), in.from.Name), nil
	}, nil
}

// renumber gives a new id to every record of d whose id is already used in
// the vault, and points d's references at the new ids.
func renumber(tx *sql.Tx, d *exchange.Document) error {
	taken := func(table, id string) (bool, error) {
		var n int
		err := tx.QueryRow(`SELECT count(*) FROM `+table+` WHERE id = ?`, id).Scan(&n)
		return n > 0, err
	}
	maps := map[string]map[string]string{}
	fresh := func(table, prefix string, id *string) error {
		t, err := taken(table, *id)
		if err != nil || !t {
			return err
		}
		if maps[table] == nil {
			maps[table] = map[string]string{}
		}
		n := schema.NewID(prefix)
		maps[table][*id] = n
		*id = n
		return nil
	}
	ref := func(table string, id *string) {
		if id == nil {
			return
		}
		if n, ok := maps[table][*id]; ok {
			*id = n
		}
	}
	// Directory entries this vault already has (the same name, and for an
	// establishment the same kind) are used as they are, not duplicated.
	same := func(table, old, q string, args ...any) (bool, error) {
		var id string
		err := tx.QueryRow(q, args...).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		if maps[table] == nil {
			maps[table] = map[string]string{}
		}
		maps[table][old] = id
		return true, nil
	}
	var ests []exchange.Establishment
	for _, e := range d.Establishments {
		found, err := same("establishments", e.ID, `SELECT id FROM establishments WHERE lower(name) = lower(?) AND kind = ? ORDER BY id = ? DESC, id LIMIT 1`, e.Name, e.Kind, e.ID)
		if err != nil {
			return err
		}
		if found {
			continue
		}
		if err := fresh("establishments", "e", &e.ID); err != nil {
			return err
		}
		ests = append(ests, e)
	}
	d.Establishments = ests
	var ags []exchange.Agency
	for _, a := range d.Agencies {
		found, err := same("agencies", a.ID, `SELECT id FROM agencies WHERE lower(name) = lower(?) ORDER BY id = ? DESC, id LIMIT 1`, a.Name, a.ID)
		if err != nil {
			return err
		}
		if found {
			continue
		}
		if err := fresh("agencies", "a", &a.ID); err != nil {
			return err
		}
		ags = append(ags, a)
	}
	d.Agencies = ags
	for i := range d.People {
		if err := fresh("people", "p", &d.People[i].ID); err != nil {
			return err
		}
		ref("establishments", d.People[i].Establishment)
	}
	for i := range d.Contacts {
		c := &d.Contacts[i]
		if err := fresh("contacts", "c", &c.ID); err != nil {
			return err
		}
		ref("establishments", c.Establishment)
		for j := range c.People {
			ref("people", &c.People[j].Person)
		}
	}
	for i := range d.Actions {
		a := &d.Actions[i]
		if err := fresh("actions", "t", &a.ID); err != nil {
			return err
		}
		ref("people", a.Person)
		ref("contacts", a.Contact)
		ref("agencies", a.Agency)
	}
	for i := range d.Events {
		if err := fresh("events", "v", &d.Events[i].ID); err != nil {
			return err
		}
		ref("people", &d.Events[i].Person)
	}
	for i := range d.Letters {
		if err := fresh("letters", "l", &d.Letters[i].ID); err != nil {
			return err
		}
		ref("people", &d.Letters[i].Person)
	}
	for i := range d.Readings {
		r := &d.Readings[i]
		if err := fresh("readings", "r", &r.ID); err != nil {
			return err
		}
		ref("people", &r.Person)
		ref("contacts", r.Contact)
	}
	return nil
}
