package notes

import (
	"fmt"

	"inreach/schema"
)

// A PlanItem is one line of a woman's release-day plan checklist.
type PlanItem struct {
	Item  string // a schema.ReleasePlanItem word
	Label string // its plain-English label
	Done  bool
	Note  string
}

// ReleasePlan returns every schema.ReleasePlanItem for the woman, in the
// checklist's order; items never set are returned as not done with no note.
func (s *Store) ReleasePlan(personID string) ([]PlanItem, error) {
	ok, err := exists(s.DB, "people", personID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, notFound("person", personID)
	}
	rows, err := s.DB.Query(`SELECT item, done, note FROM release_plan WHERE person_id = ?`, personID)
	if err != nil {
		return nil, fmt.Errorf("reading the release plan of person %q: %w", personID, err)
	}
	type row struct {
		done bool
		note string
	}
	stored := map[string]row{}
	for rows.Next() {
		var item, note string
		var done int
		if err := rows.Scan(&item, &done, &note); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading the release plan of person %q: %w", personID, err)
		}
		stored[item] = row{done != 0, note}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading the release plan of person %q: %w", personID, err)
	}
	out := make([]PlanItem, len(schema.ReleasePlanItem.Values))
	for i, item := range schema.ReleasePlanItem.Values {
		r := stored[item]
		out[i] = PlanItem{Item: item, Label: schema.ReleasePlanItem.Label(item), Done: r.done, Note: r.note}
	}
	return out, nil
}

// SetPlanItem records one release-plan item for a woman: done or not, and
// its note.
func (s *Store) SetPlanItem(personID, item string, done bool, note string) error {
	var c schema.Checker
	c.Enum("Item", schema.ReleasePlanItem, item)
	c.Text("Note", note)
	if err := c.Err(); err != nil {
		return err
	}
	ok, err := exists(s.DB, "people", personID)
	if err != nil {
		return err
	}
	if !ok {
		return notFound("person", personID)
	}
	_, err = s.DB.Exec(`INSERT INTO release_plan(person_id, item, done, note) VALUES(?,?,?,?)
		ON CONFLICT(person_id, item) DO UPDATE SET done=excluded.done, note=excluded.note`,
		personID, item, b2i(done), note)
	if err != nil {
		return fmt.Errorf("saving the release plan of person %q: %w", personID, err)
	}
	return nil
}
