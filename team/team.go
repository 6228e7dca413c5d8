// Package team is the team list of a vault: the names, roles and Inreach
// IDs of the people it exchanges sealed bundles with, each marked verified
// once the fingerprints were compared (shared/DESIGN.md, "Working
// together"). A bundle from anyone not on the list is refused.
package team

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"inreach/identity"
)

// Roles a team member can have.
var Roles = []string{"supervisor", "supervisee", "colleague", "editor"}

// A Member is one person on the team list.
type Member struct {
	Name     string
	ID       identity.ID
	Role     string
	Verified bool
	AddedOn  string
}

// Fingerprint is the member's fingerprint.
func (m Member) Fingerprint() string { return m.ID.Fingerprint() }

// A Problem is a plain refusal of a change to the team list.
type Problem struct{ Message string }

func (p *Problem) Error() string { return p.Message }

func problem(format string, a ...any) error { return &Problem{Message: fmt.Sprintf(format, a...)} }

// Add puts a person on the team list. A malformed ID, this vault's own ID,
// a name or an ID already on the list are refused with a plain message and
// nothing changes.
func Add(db *sql.DB, name, idLine, role string, verified bool) (Member, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return Member{}, problem("give the person a name (as you know her, for example \"Sam Cole\")")
	case !utf8.ValidString(name) || utf8.RuneCountInString(name) > 100:
		return Member{}, problem("the name must be plain text of at most 100 characters")
	}
	if role == "" {
		role = "colleague"
	}
	if !validRole(role) {
		return Member{}, problem("the role must be one of %s, not %q", strings.Join(Roles, ", "), role)
	}
	id, err := identity.ParseID(idLine)
	if err != nil {
		return Member{}, err
	}
	if me, err := identity.Load(db); err == nil && me.Public().Equal(id) {
		return Member{}, problem("that is this vault's own Inreach ID; add the ID of the person you work with")
	}
	members, err := List(db)
	if err != nil {
		return Member{}, err
	}
	for _, m := range members {
		if strings.EqualFold(m.Name, name) {
			return Member{}, problem("%s is already on the team list (remove her first to change her ID)", m.Name)
		}
		if m.ID.Equal(id) {
			return Member{}, problem("that Inreach ID is already on the team list as %s", m.Name)
		}
	}
	m := Member{Name: name, ID: id, Role: role, Verified: verified, AddedOn: time.Now().Format("2006-01-02")}
	if _, err := db.Exec(`INSERT INTO team(name, id_line, fingerprint, role, verified, added_on) VALUES (?,?,?,?,?,?)`,
		m.Name, id.String(), id.Fingerprint(), m.Role, verified, m.AddedOn); err != nil {
		return Member{}, fmt.Errorf("adding %s to the team list: %w", name, err)
	}
	return m, nil
}

func validRole(r string) bool {
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}

// SetVerified records whether the fingerprints were compared.
func SetVerified(db *sql.DB, name string, verified bool) error {
	res, err := db.Exec(`UPDATE team SET verified = ? WHERE name = ?`, verified, strings.TrimSpace(name))
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return problem("there is no %q on the team list", name)
	}
	return nil
}

// Remove takes a person off the team list. Bundles from her are refused
// from then on; what was received from her stays.
func Remove(db *sql.DB, name string) error {
	res, err := db.Exec(`DELETE FROM team WHERE name = ?`, strings.TrimSpace(name))
	if err != nil {
		return fmt.Errorf("removing %s from the team list: %w", name, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return problem("there is no %q on the team list", name)
	}
	return nil
}

// List is the team list, by name.
func List(db *sql.DB) ([]Member, error) {
	rows, err := db.Query(`SELECT name, id_line, role, verified, added_on FROM team ORDER BY name COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("reading the team list: %w", err)
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		var m Member
		var line string
		if err := rows.Scan(&m.Name, &line, &m.Role, &m.Verified, &m.AddedOn); err != nil {
			return nil, err
		}
		if m.ID, err = identity.ParseID(line); err != nil {
			return nil, fmt.Errorf("the team list entry for %s is damaged: %w", m.Name, err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// ErrNotMember is returned by ByName and ByID for someone not on the list.
var ErrNotMember = errors.New("not on the team list")

// ByName finds a member by name (case ignored).
func ByName(db *sql.DB, name string) (Member, error) {
	ms, err := List(db)
	if err != nil {
		return Member{}, err
	}
	for _, m := range ms {
		if strings.EqualFold(m.Name, strings.TrimSpace(name)) {
			return m, nil
		}
	}
	return Member{}, fmt.Errorf("%w: there is no %q on the team list (inreach team list shows it)", ErrNotMember, name)
}

// ByID finds the member with this Inreach ID.
func ByID(db *sql.DB, id identity.ID) (Member, error) {
	ms, err := List(db)
	if err != nil {
		return Member{}, err
	}
	for _, m := range ms {
		if m.ID.Equal(id) {
			return m, nil
		}
	}
	return Member{}, ErrNotMember
}
