package notes

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestListPeopleFiltersAndSortsByName(t *testing.T) {
	s := newStore(t)
	styal := mustPrison(t, s, "HMP Styal")
	save := func(p *Person) string {
		require.NoError(t, s.SavePerson(p))
		return p.ID
	}
	zoe := save(&Person{Name: "zoë Hart", Status: "custody_sentenced", EstablishmentID: styal, PrisonNumber: "A1111AA"})
	amy := save(&Person{Name: "Amy Stone", Pseudonym: "Robin", Status: "community",
		Needs: []Need{{Area: "housing"}, {Area: "bereavement", Status: "in_progress"}, {Area: "immigration", Status: "met"}}})
	emma := save(&Person{Name: "Émilie Roux", Status: "custody_remand", EstablishmentID: styal})
	old := save(&Person{Name: "Bea Old", Status: "closed", ClosedOn: "2024-01-01"})
	ref := save(&Person{Name: "ann Lee", Status: "referred"})
	require.NoError(t, s.SaveContact(&Contact{Date: "2025-07-01", Kind: "community",
		People: []ContactPerson{{PersonID: amy, Seen: true}, {PersonID: ref, NotSeenReason: "no_time"}}}))
	require.NoError(t, s.SaveContact(&Contact{Date: "2025-07-05", Kind: "phone", People: []ContactPerson{{PersonID: amy, Seen: true}}}))
	require.NoError(t, s.SaveContact(&Contact{Date: "2025-07-20", Kind: "community", People: []ContactPerson{{PersonID: amy, Booked: true}}}))

	ids := func(f PeopleFilter) []string {
		list, err := s.ListPeople(f)
		require.NoError(t, err)
		var out []string
		for _, p := range list {
			out = append(out, p.ID)
		}
		return out
	}
	require.Equal(t, []string{amy, ref, emma, zoe}, ids(PeopleFilter{}), "by name, any case, closed left out")
	require.Equal(t, []string{amy, ref, old, emma, zoe}, ids(PeopleFilter{IncludeClosed: true}))
	require.Equal(t, []string{emma, zoe}, ids(PeopleFilter{InCustodyOnly: true}))
	require.Equal(t, []string{emma, zoe}, ids(PeopleFilter{EstablishmentID: styal}))
	require.Equal(t, []string{old}, ids(PeopleFilter{Statuses: []string{"closed"}}))
	require.Equal(t, []string{ref, emma}, ids(PeopleFilter{Statuses: []string{"referred", "custody_remand"}}))
	require.Equal(t, []string{zoe}, ids(PeopleFilter{Text: "ZOË"}), "any case, any script")
	require.Equal(t, []string{emma}, ids(PeopleFilter{Text: "émilie"}))
	require.Equal(t, []string{emma}, ids(PeopleFilter{Text: "EMIL"}), "accents and case ignored")
	require.Equal(t, []string{zoe}, ids(PeopleFilter{Text: "zoe"}), "accents ignored")
	require.Equal(t, []string{amy}, ids(PeopleFilter{Text: "robin"}), "pseudonym")
	require.Equal(t, []string{zoe}, ids(PeopleFilter{Text: " a1111 "}), "prison number")
	require.Nil(t, ids(PeopleFilter{Text: "nobody"}))

	list, err := s.ListPeople(PeopleFilter{Text: "amy"})
	require.NoError(t, err)
	require.Equal(t, 2, list[0].OpenNeeds, "open and in progress")
	require.Equal(t, "2025-07-05", list[0].LastContact, "seen, not after today")
	list, err = s.ListPeople(PeopleFilter{Text: "ann"})
	require.NoError(t, err)
	require.Empty(t, list[0].LastContact, "not seen is not a contact")
	list, err = s.ListPeople(PeopleFilter{Text: "zoë"})
	require.NoError(t, err)
	require.Equal(t, "HMP Styal", list[0].EstablishmentName)
}

// TestListPeopleStaysCorrectOnTwoThousandWomen builds 2,000 women with needs
// and contacts from a fixed seed and checks every filter against the answer
// worked out from the generated data.
func TestListPeopleStaysCorrectOnTwoThousandWomen(t *testing.T) {
	s := newStore(t)
	rng := rand.New(rand.NewSource(7))
	var ests []string
	for i := 0; i < 6; i++ {
		ests = append(ests, mustPrison(t, s, fmt.Sprintf("HMP %c", 'A'+i)))
	}
	first := []string{"Ann", "amy", "Bea", "Cara", "Zoë", "Émilie", "Dee", "Fay", "مريم", "Grace", "holly", "Iris"}
	last := []string{"Smith", "jones", "Ó Briain", "Kerr", "Lovell", "Nowak", "Patel", "Quinn"}
	statuses := []string{"referred", "custody_remand", "custody_sentenced", "released_licence", "community_order", "community", "closed"}
	areas := []string{"housing", "benefits_debt", "substance_use", "mental_health", "children_family"}
	needStatuses := []string{"open", "in_progress", "met", "declined"}

	type model struct {
		p         Person
		openNeeds int
		last      string
	}
	var people []*model
	tx, err := s.DB.Begin()
	require.NoError(t, err)
	tx.Rollback()
	for i := 0; i < 2000; i++ {
		m := &model{p: Person{
			Name:         first[rng.Intn(len(first))] + " " + last[rng.Intn(len(last))],
			PrisonNumber: fmt.Sprintf("X%04dQ", i),
			Status:       statuses[rng.Intn(len(statuses))],
		}}
		if rng.Intn(3) > 0 {
			m.p.EstablishmentID = ests[rng.Intn(len(ests))]
		}
		if m.p.Status == "closed" {
			m.p.ClosedOn = "2024-05-01"
		}
		for _, j := range rng.Perm(len(areas))[:rng.Intn(4)] {
			st := needStatuses[rng.Intn(len(needStatuses))]
			m.p.Needs = append(m.p.Needs, Need{Area: areas[j], Status: st})
			if st == "open" || st == "in_progress" {
				m.openNeeds++
			}
		}
		require.NoError(t, s.SavePerson(&m.p))
		people = append(people, m)
	}
	// 600 contacts of 1–6 women, some after today.
	for i := 0; i < 600; i++ {
		date := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.Intn(600)).Format("2006-01-02")
		c := &Contact{Date: date, Kind: "prison_visit", Place: "Visits hall"}
		for _, j := range rng.Perm(len(people))[:1+rng.Intn(6)] {
			m := people[j]
			// No one is seen at a visit still to come.
			seen := rng.Intn(4) > 0 && date <= testToday
			cp := ContactPerson{PersonID: m.p.ID, Booked: true, Seen: seen}
			if !seen && date <= testToday {
				cp.NotSeenReason = "refused"
			}
			if seen && date <= testToday && date > m.last {
				m.last = date
			}
			c.People = append(c.People, cp)
		}
		require.NoError(t, s.SaveContact(c))
	}
	estName := map[string]string{}
	for i, id := range ests {
		estName[id] = fmt.Sprintf("HMP %c", 'A'+i)
	}

	expect := func(keep func(m *model) bool) []PersonSummary {
		var out []PersonSummary
		for _, m := range people {
			if keep(m) {
				out = append(out, PersonSummary{ID: m.p.ID, Name: m.p.Name, PrisonNumber: m.p.PrisonNumber,
					Status: m.p.Status, EstablishmentID: m.p.EstablishmentID, EstablishmentName: estName[m.p.EstablishmentID],
					ClosedOn: m.p.ClosedOn, OpenNeeds: m.openNeeds, LastContact: m.last})
			}
		}
		sort.Slice(out, func(i, j int) bool {
			a, b := fold(out[i].Name), fold(out[j].Name)
			if a != b {
				return a < b
			}
			if out[i].Name != out[j].Name {
				return out[i].Name < out[j].Name
			}
			return out[i].ID < out[j].ID
		})
		return out
	}
	open := func(m *model) bool { return m.p.Status != "closed" }
	for _, tc := range []struct {
		name string
		f    PeopleFilter
		keep func(m *model) bool
	}{
		{"default", PeopleFilter{}, open},
		{"with closed", PeopleFilter{IncludeClosed: true}, func(*model) bool { return true }},
		{"custody", PeopleFilter{InCustodyOnly: true}, func(m *model) bool {
			return m.p.Status == "custody_remand" || m.p.Status == "custody_sentenced"
		}},
		{"establishment", PeopleFilter{EstablishmentID: ests[2]}, func(m *model) bool {
			return open(m) && m.p.EstablishmentID == ests[2]
		}},
		{"text", PeopleFilter{Text: "zoë"}, func(m *model) bool { return open(m) && strings.HasPrefix(m.p.Name, "Zoë") }},
		{"rtl text", PeopleFilter{Text: "مريم", IncludeClosed: true}, func(m *model) bool { return strings.HasPrefix(m.p.Name, "مريم") }},
		{"statuses and establishment", PeopleFilter{Statuses: []string{"community", "closed"}, EstablishmentID: ests[0]},
			func(m *model) bool {
				return (m.p.Status == "community" || m.p.Status == "closed") && m.p.EstablishmentID == ests[0]
			}},
		{"prison number", PeopleFilter{Text: "x0042q", IncludeClosed: true}, func(m *model) bool { return m.p.PrisonNumber == "X0042Q" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			got, err := s.ListPeople(tc.f)
			took := time.Since(start)
			require.NoError(t, err)
			want := expect(tc.keep)
			require.NotEmpty(t, want, "the generated data must exercise the filter")
			require.Equal(t, want, got)
			t.Logf("%d women listed in %v", len(got), took)
		})
	}
}
