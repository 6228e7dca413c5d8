package notes

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"inreach/schema"
)

// A Warning is something about a contact worth a second look that does not
// stop it being saved: the form shows it gently beside the field.
type Warning struct {
	Field    string // as in FieldError: "People[2].PersonID"
	PersonID string
	Message  string
}

// inCommunity is the statuses of a woman who is not in prison.
var inCommunity = map[string]bool{"community": true, "released_licence": true, "community_order": true, "closed": true}

// ContactWarnings returns the warnings for c as it stands, without saving
// and without changing it: each woman at a prison visit whose status says
// she is in the community (in the community, released on licence, on a
// community order, or closed). Women not in the vault are left to
// SaveContact's errors. Nothing here stops a save.
func (s *Store) ContactWarnings(c Contact) ([]Warning, error) {
	if c.Kind != "prison_visit" {
		return nil, nil
	}
	var out []Warning
	for i, p := range c.People {
		if p.PersonID == "" {
			continue
		}
		var name, status string
		err := s.DB.QueryRow(`SELECT name, status FROM people WHERE id = ?`, p.PersonID).Scan(&name, &status)
		if err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			return nil, fmt.Errorf("reading person %q: %w", p.PersonID, err)
		}
		if !inCommunity[status] {
			continue
		}
		msg := fmt.Sprintf("%s is recorded as %s, not in prison. If she is at this visit, you may want to update her status on her page.",
			name, strings.ToLower(schema.PersonStatus.Label(status)))
		if status == "closed" {
			msg = fmt.Sprintf("%s's record is closed. If she is at this visit, you may want to reopen it on her page.", name)
		}
		out = append(out, Warning{Field: fmt.Sprintf("People[%d].PersonID", i), PersonID: p.PersonID, Message: msg})
	}
	return out, nil
}
