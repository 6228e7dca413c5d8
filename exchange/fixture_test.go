package exchange_test

import (
	"bytes"
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"inreach/exchange"
	"inreach/schema"
)

// fixture is a small valid file with every record kind and every field,
// written the way Write writes (so it round-trips byte for byte). Two women
// share a prison visit; a diary entry not linked to her contacts mentions
// Ann Smith by name.
const fixture = `{
  "format": "inreach",
  "version": 1,
  "exported_at": "2026-11-23T10:00:00Z",
  "establishments": [
    {
      "id": "e1",
      "name": "HMP Peterborough",
      "kind": "prison",
      "address": "Peterborough",
      "booking_contact": "01632 960001",
      "notes": "Link room"
    },
    {
      "id": "e2",
      "name": "Peterborough Crown Court",
      "kind": "court",
      "address": "",
      "booking_contact": "",
      "notes": ""
    }
  ],
  "agencies": [
    {
      "id": "a1",
      "name": "Fenland Housing Trust",
      "category": "housing",
      "area": "Cambridgeshire",
      "services": "Supported housing",
      "key_contact": "Jo Marsh",
      "phone": "01632 960002",
      "email": "jo@example.org",
      "website": "https://example.org",
      "last_checked": "2026-01-05",
      "notes": ""
    },
    {
      "id": "a2",
      "name": "Pathways",
      "category": "drug_alcohol",
      "area": "",
      "services": "",
      "key_contact": "",
      "phone": "",
      "email": "",
      "website": "",
      "last_checked": null,
      "notes": ""
    }
  ],
  "people": [
    {
      "id": "p1",
      "name": "Ann Smith",
      "pseudonym": "Wren A.",
      "date_of_birth": "1990-03-04",
      "prison_number": "A1234BC",
      "status": "custody_sentenced",
      "establishment": "e1",
      "sentence": "18 months",
      "release_date": "2026-12-01",
      "release_date_confirmed": true,
      "referral": "new",
      "referral_date": "2026-06-01",
      "consent": {
        "recorded_on": "2026-06-01",
        "share_with": "Probation"
      },
      "needs": [
        {
          "area": "housing",
          "status": "open",
          "note": "Needs housing on release"
        },
        {
          "area": "substance_use",
          "status": "in_progress",
          "note": ""
        }
      ],
      "sensitive": [
        "sex_work",
        "self_harm"
      ],
      "safety_note": "Woman worker only",
      "closed_on": null,
      "retention_note": "",
      "release_plan": [
        {
          "item": "travel_meeting_point",
          "done": true,
          "note": "Gate at 9"
        },
        {
          "item": "housing",
          "done": false,
          "note": ""
        }
      ],
      "ethnicity": "white",
      "offence_group": "theft",
      "previous_custodial_sentences": 2
    },
    {
      "id": "p2",
      "name": "Beth Jones",
      "pseudonym": "",
      "date_of_birth": null,
      "prison_number": "",
      "status": "closed",
      "establishment": null,
      "sentence": "",
      "release_date": null,
      "release_date_confirmed": false,
      "referral": "existing",
      "referral_date": null,
      "consent": {
        "recorded_on": null,
        "share_with": ""
      },
      "needs": [],
      "sensitive": [],
      "safety_note": "",
      "closed_on": "2026-10-01",
      "retention_note": "Kept for a court case",
      "release_plan": [],
      "ethnicity": "not_recorded",
      "offence_group": "not_recorded",
      "previous_custodial_sentences": null
    }
  ],
  "contacts": [
    {
      "id": "c1",
      "date": "2026-07-04",
      "start": "13:30",
      "end": "15:30",
      "kind": "prison_visit",
      "establishment": "e1",
      "place": "",
      "logistics": {
        "room_booked": true,
        "late_start_minutes": 20,
        "note": "Keys slow"
      },
      "people": [
        {
          "person": "p1",
          "booked": true,
          "seen": true,
          "not_seen_reason": "",
          "note": "Talked about housing.",
          "needs_discussed": [
            "housing"
          ],
          "items": [
            {
              "item": "stamps",
              "quantity": 6
            }
          ],
          "wellbeing": 7
        },
        {
          "person": "p2",
          "booked": true,
          "seen": false,
          "not_seen_reason": "not_escorted",
          "note": "Beth was not brought down.",
          "needs_discussed": [],
          "items": [],
          "wellbeing": null
        }
      ]
    },
    {
      "id": "c2",
      "date": "2026-08-01",
      "start": "",
      "end": "",
      "kind": "phone",
      "establishment": null,
      "place": "The station",
      "logistics": null,
      "people": [
        {
          "person": "p2",
          "booked": false,
          "seen": true,
          "not_seen_reason": "",
          "note": "Beth rang.",
          "needs_discussed": [],
          "items": [],
          "wellbeing": null
        }
      ]
    }
  ],
  "actions": [
    {
      "id": "t1",
      "person": "p1",
      "contact": "c1",
      "agency": "a1",
      "text": "Chase housing referral",
      "due": "2026-07-11",
      "done_on": null
    },
    {
      "id": "t2",
      "person": "p2",
      "contact": null,
      "agency": "a2",
      "text": "Ring Pathways",
      "due": "2026-08-11",
      "done_on": "2026-08-10"
    },
    {
      "id": "t3",
      "person": null,
      "contact": null,
      "agency": null,
      "text": "Book the link room",
      "due": null,
      "done_on": null
    }
  ],
  "events": [
    {
      "id": "v1",
      "person": "p1",
      "date": "2026-06-01",
      "kind": "referred",
      "note": "",
      "notice_days": null,
      "outcome": null
    },
    {
      "id": "v2",
      "person": "p2",
      "date": "2026-10-01",
      "kind": "closed",
      "note": "Settled",
      "notice_days": null,
      "outcome": null
    }
  ],
  "diary": [
    {
      "id": "d1",
      "date": "2026-07-04",
      "contact": "c1",
      "template": "visit_reflection",
      "sections": {
        "visit_detail": "Session at Peterborough.",
        "staff_reflection": "I felt calm.",
        "positive_outcome": "Stamps given.",
        "negative_outcome": "One woman not escorted.",
        "learning": "Send the list earlier."
      },
      "tags": [
        "trauma-informed",
        "housing"
      ],
      "status": "discussed"
    },
    {
      "id": "d2",
      "date": "2026-08-02",
      "contact": null,
      "template": "gibbs",
      "sections": {
        "description": "A call about ann smith's housing.",
        "feelings": "Worried.",
        "evaluation": "",
        "analysis": "",
        "conclusion": "",
        "action_plan": "Ring again."
      },
      "tags": [],
      "status": "for_supervision"
    },
    {
      "id": "d3",
      "date": "2026-08-03",
      "contact": "c2",
      "template": "visit_reflection",
      "sections": {
        "visit_detail": "Beth Jones rang; Ann Smithson was mentioned.",
        "staff_reflection": "",
        "positive_outcome": "",
        "negative_outcome": "",
        "learning": ""
      },
      "tags": [
        "boundaries"
      ],
      "status": "draft"
    }
  ],
  "supervision": [
    {
      "id": "s1",
      "date": "2026-08-20",
      "supervisor": "Helen Marsh",
      "entries": [
        "d1",
        "d2",
        "d3"
      ],
      "comments": {
        "d1": "Good practice.",
        "d3": "Check the boundary."
      },
      "notes": "Monthly.",
      "actions": [
        {
          "text": "Book training",
          "owner": "Jo",
          "due": "2026-09-01",
          "done_on": null
        }
      ],
      "signed_off_on": "2026-08-21"
    }
  ],
  "letters": [
    {
      "id": "l1",
      "person": "p1",
      "date": "2026-07-10",
      "direction": "out",
      "channel": "letter",
      "summary": "Wrote with news.",
      "enclosures": [
        "stamps",
        "stamps"
      ],
      "reply_due": null
    },
    {
      "id": "l2",
      "person": "p2",
      "date": "2026-07-12",
      "direction": "in",
      "channel": "email",
      "summary": "Beth wrote.",
      "enclosures": [],
      "reply_due": "2026-07-22"
    }
  ],
  "newsletters": [
    {
      "id": "n1",
      "title": "Inside Out, September 2026",
      "issue": 3,
      "date": "2026-09-01",
      "status": "sent",
      "sections": [
        {
          "heading": "From the team",
          "body": "Hello & welcome.",
          "contributor": "The team",
          "consent": true
        },
        {
          "heading": "Morning",
          "body": "A poem <3",
          "contributor": "Wren A.",
          "consent": true
        }
      ],
      "sent_to": [
        "p1",
        "p2"
      ],
      "checklist": [
        "plain_paper",
        "return_address"
      ]
    }
  ],
  "readings": [
    {
      "id": "r1",
      "person": "p1",
      "date": "2026-07-04",
      "area": "wellbeing",
      "score": 6,
      "contact": "c1"
    },
    {
      "id": "r2",
      "person": "p1",
      "date": "2026-08-01",
      "area": "mental_health",
      "score": 3,
      "contact": null
    }
  ]
}
`

// openDB is a fresh vault database; it is closed when the test ends.
func openDB(t *testing.T) *sql.DB {
	t.Helper()
	db, err := schema.OpenMemory()
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

// readString parses a file held in a string.
func readString(t *testing.T, s string) *exchange.Document {
	t.Helper()
	d, err := exchange.Read(strings.NewReader(s))
	require.NoError(t, err)
	return d
}

// exportText exports the whole vault and writes it with exported_at blanked.
func exportText(t *testing.T, db *sql.DB) string {
	t.Helper()
	d, err := exchange.Export(context.Background(), db, exchange.ExportOptions{})
	require.NoError(t, err)
	return writeText(t, d)
}

// writeText writes d with exported_at blanked.
func writeText(t *testing.T, d *exchange.Document) string {
	t.Helper()
	d.ExportedAt = ""
	var b bytes.Buffer
	require.NoError(t, exchange.Write(&b, d))
	return b.String()
}

// importString reads and imports a file held in a string.
func importString(t *testing.T, db *sql.DB, s string) exchange.ImportResult {
	t.Helper()
	res, err := exchange.Import(context.Background(), db, readString(t, s))
	require.NoError(t, err)
	return res
}

// blankExportedAt is the fixture as Write gives it after an export.
func blankExportedAt(s string) string {
	return strings.Replace(s, `"exported_at": "2026-11-23T10:00:00Z"`, `"exported_at": ""`, 1)
}
