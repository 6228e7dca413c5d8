package notes

import (
	"database/sql"
	"fmt"
	"strings"

	"inreach/schema"
)

// AgencyCategory is the suggested list of agency categories, as words with
// labels (use AgencyCategory.LabelList() for a select box). A category is
// free text: other words are kept as typed.
var AgencyCategory = schema.Enum{
	Name: "agency category",
	Values: []string{"housing", "probation", "drug_alcohol", "mental_health", "health",
		"benefits_debt", "legal", "domestic_abuse", "womens_centre", "education_work",
		"family", "immigration", "other"},
	Labels: map[string]string{
		"housing":        "Housing",
		"probation":      "Probation",
		"drug_alcohol":   "Drugs and alcohol",
		"mental_health":  "Mental health",
		"health":         "Health",
		"benefits_debt":  "Benefits and debt",
		"legal":          "Legal",
		"domestic_abuse": "Domestic abuse",
		"womens_centre":  "Women's centre",
		"education_work": "Education and work",
		"family":         "Family",
		"immigration":    "Immigration",
		"other":          "Other",
	},
}

// AgencyCategories is AgencyCategory.Values: the suggested category words.
var AgencyCategories = AgencyCategory.Values

// An Agency is one entry of the directory of services women are referred or
// signposted to.
type Agency struct {
	ID          string
	Name        string
	Category    string // usually one of AgencyCategories; free text allowed
	Area        string // the area it covers
	Services    string
	KeyContact  string
	Phone       string
	Email       string
	Website     string
	LastChecked string // date the details were last checked, or ""
	Notes       string
}

// AgencyFilter narrows ListAgencies. Zero values mean "any".
type AgencyFilter struct {
	Category string // exact category word
	Text     string // part of the name, area, services or key contact, ignoring case and accents
}

func (a *Agency) validate() error {
	var c schema.Checker
	a.Name = strings.TrimSpace(a.Name)
	a.Category = strings.TrimSpace(a.Category)
	a.Email = strings.TrimSpace(a.Email)
	c.Name("Name", a.Name, "the name of the agency")
	for _, f := range []struct{ field, v string }{
		{"Category", a.Category}, {"Area", a.Area}, {"Phone", a.Phone}, {"Email", a.Email}, {"Website", a.Website},
	} {
		c.Line(f.field, f.v)
	}
	for _, f := range []struct{ field, v string }{
		{"Services", a.Services}, {"KeyContact", a.KeyContact}, {"Notes", a.Notes},
	} {
		c.Text(f.field, f.v)
	}
	if a.Email != "" && !strings.Contains(a.Email, "@") {
		c.Add("Email", "An email address has an @ in it, for example help@example.org.")
	}
	c.Date("LastChecked", a.LastChecked, false)
	return c.Err()
}

// SaveAgency inserts or updates a. An empty ID gets a new id ("a-…").
//
// On any error, a is left exactly as it was given; on success it holds
// what was stored (its id, and the fields as normalised on saving).
func (s *Store) SaveAgency(a *Agency) error {
	n := *a
	if err := s.saveAgency(&n); err != nil {
		return err
	}
	*a = n
	return nil
}

// saveAgency does the work of SaveAgency on a copy of the caller\'s record, so it may
// normalise its argument freely.
func (s *Store) saveAgency(a *Agency) error {
	if err := a.validate(); err != nil {
		return err
	}
	id := a.ID
	if id == "" {
		id = schema.NewID("a")
	}
	_, err := s.DB.Exec(`INSERT INTO agencies(id, name, category, area, services, key_contact,
			phone, email, website, last_checked, notes)
		VALUES(?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT(id) DO UPDATE SET name=excluded.name, category=excluded.category,
			area=excluded.area, services=excluded.services, key_contact=excluded.key_contact,
			phone=excluded.phone, email=excluded.email, website=excluded.website,
			last_checked=excluded.last_checked, notes=excluded.notes`,
		id, a.Name, a.Category, a.Area, a.Services, a.KeyContact, a.Phone, a.Email,
		a.Website, nullStr(a.LastChecked), a.Notes)
	if err != nil {
		return fmt.Errorf("saving agency %q: %w", id, err)
	}
	a.ID = id
	return nil
}

const agencyCols = `id, name, category, area, services, key_contact, phone, email, website, last_checked, notes`

func scanAgency(sc interface{ Scan(...any) error }) (Agency, error) {
	var a Agency
	var checked sql.NullString
	err := sc.Scan(&a.ID, &a.Name, &a.Category, &a.Area, &a.Services, &a.KeyContact,
		&a.Phone, &a.Email, &a.Website, &checked, &a.Notes)
	a.LastChecked = str(checked)
	return a, err
}

// GetAgency returns one agency.
func (s *Store) GetAgency(id string) (*Agency, error) {
	a, err := scanAgency(s.DB.QueryRow(`SELECT `+agencyCols+` FROM agencies WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return nil, notFound("agency", id)
	}
	if err != nil {
		return nil, fmt.Errorf("reading agency %q: %w", id, err)
	}
	return &a, nil
}

// ListAgencies returns the agencies matching f, sorted by name.
func (s *Store) ListAgencies(f AgencyFilter) ([]Agency, error) {
	q := `SELECT ` + agencyCols + ` FROM agencies`
	var args []any
	if f.Category != "" {
		q += ` WHERE category = ?`
		args = append(args, f.Category)
	}
	rows, err := s.DB.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("listing agencies: %w", err)
	}
	defer rows.Close()
	match := matcher(f.Text)
	var out []Agency
	for rows.Next() {
		a, err := scanAgency(rows)
		if err != nil {
			return nil, fmt.Errorf("listing agencies: %w", err)
		}
		if !match(a.Name) && !match(a.Area) && !match(a.Services) && !match(a.KeyContact) {
			continue
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing agencies: %w", err)
	}
	sortByName(out, func(a Agency) (string, string) { return a.Name, a.ID })
	return out, nil
}

// DeleteAgency removes an agency from the directory. Actions that named it
// keep their text with no agency.
func (s *Store) DeleteAgency(id string) error {
	return s.deleteByID("agencies", "agency", id)
}
