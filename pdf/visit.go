package pdf

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"inreach/notes"
	"inreach/schema"
)

// VisitOptions say how a contact's write-up is printed.
type VisitOptions struct {
	// Redact replaces every woman's name with her pseudonym in all text.
	Redact bool
	// Organisation is printed above the title ("" uses the setting).
	Organisation string
	// GeneratedOn (YYYY-MM-DD) is the PDF's creation date; "" uses the
	// contact's date.
	GeneratedOn string
}

// VisitPDF prints one contact's write-up — a prison visit session with each
// woman's part, or any other contact: when and where, the session's
// logistics, and for each woman whether she was seen (or why not), the note,
// the needs discussed, the items given and her wellbeing score. Sensitive
// flags and safety notes are not part of a contact and are never printed.
func VisitPDF(ctx context.Context, db *sql.DB, contactID string, opts VisitOptions) ([]byte, error) {
	store := notes.New(db)
	c, err := store.GetContact(contactID)
	if err != nil {
		return nil, err
	}
	redact := func(s string) string { return s }
	name := func(p notes.ContactPerson) string { return p.Name }
	if opts.Redact {
		r, err := NewRedactor(ctx, db)
		if err != nil {
			return nil, err
		}
		redact = r.Redact
		name = func(p notes.ContactPerson) string { return r.Pseudonym(p.PersonID) }
	}
	org := opts.Organisation
	if org == "" {
		org = store.GetSetting(notes.SettingOrganisation, "")
	}
	created := opts.GeneratedOn
	if created == "" {
		created = c.Date
	}
	kind := schema.ContactKind.Label(c.Kind)
	title := kind
	if c.PlaceName != "" {
		title += " — " + c.PlaceName
	}
	footer := kind + ", " + shortDate(c.Date)
	if opts.Redact {
		footer += " (names redacted)"
	}
	return Render(Options{Title: title, Subject: "Contact write-up", Author: org, Footer: footer, CreatedOn: created}, func(d *Doc) error {
		if org != "" {
			d.Muted(org)
		}
		d.Title(title)
		d.Subtitle(longDate(c.Date) + timeRange(c.Start, c.End))
		words := schema.WordsFor(c.Kind)
		seen := 0
		for _, p := range c.People {
			if p.Seen {
				seen++
			}
		}
		rows := []KV{{"Kind", kind}}
		if c.PlaceName != "" {
			rows = append(rows, KV{"Place", c.PlaceName})
		}
		if len(c.People) > 0 {
			rows = append(rows, KV{"Women", fmt.Sprintf("%d %s of %d", seen, words.SeenCount, len(c.People))})
		}
		if c.HasLogistics {
			room := "No"
			if c.RoomBooked {
				room = "Yes"
			}
			rows = append(rows, KV{"Room booked", room})
			if c.LateStartMinutes > 0 {
				rows = append(rows, KV{"Late start", strconv.Itoa(c.LateStartMinutes) + " minutes lost"})
			}
			if strings.TrimSpace(c.LogisticsNote) != "" {
				rows = append(rows, KV{"Logistics", redact(c.LogisticsNote)})
			}
		}
		d.KeyValue(rows)
		d.Rule()
		if len(c.People) == 0 {
			d.Muted("No women were recorded at this contact.")
		}
		for _, p := range c.People {
			d.EnsureSpace(30)
			status := words.Seen
			if !p.Seen {
				status = words.NotSeen
				if p.NotSeenReason != "" {
					status += " — " + strings.ToLower(schema.NotSeenReason.Label(p.NotSeenReason))
				}
			}
			if !p.Booked {
				status += " (" + words.NotBooked + ")"
			}
			d.Heading(2, name(p))
			kv := []KV{{"Outcome", status}}
			if len(p.NeedsDiscussed) > 0 {
				var areas []string
				for _, a := range p.NeedsDiscussed {
					areas = append(areas, schema.NeedArea.Label(a))
				}
				kv = append(kv, KV{"Needs discussed", strings.Join(areas, ", ")})
			}
			if len(p.Items) > 0 {
				var items []string
				for _, it := range p.Items {
					items = append(items, fmt.Sprintf("%s × %d", schema.Item.Label(it.Item), it.Quantity))
				}
				kv = append(kv, KV{"Items given", strings.Join(items, ", ")})
			}
			if p.Wellbeing != nil {
				kv = append(kv, KV{"Wellbeing", fmt.Sprintf("%d out of 10", *p.Wellbeing)})
			}
			d.KeyValue(kv)
			if strings.TrimSpace(p.Note) != "" {
				d.Paragraph(redact(p.Note))
			}
			d.Spacer(3)
		}
		return d.Err()
	})
}

func timeRange(start, end string) string {
	switch {
	case start != "" && end != "":
		return ", " + start + "–" + end
	case start != "":
		return ", from " + start
	}
	return ""
}
