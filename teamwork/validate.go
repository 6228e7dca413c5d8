package teamwork

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"

	"inreach/bundle"
	"inreach/exchange"
	"inreach/schema"
)

// readPayload checks a payload's shape within the bundle package's limits
// and reads it as an interchange document.
func readPayload(payload []byte) (*exchange.Document, error) {
	if err := bundle.CheckPayloadShape(payload); err != nil {
		return nil, &Refusal{Reason: ErrInvalid, Message: err.Error()}
	}
	d, err := exchange.Read(bytes.NewReader(payload))
	if err != nil {
		return nil, invalid(err)
	}
	return d, nil
}

// validateAlone runs import's validation on d in an empty scratch database
// (in memory, discarded), after stub adds the records d may point at that
// are not in d itself. So a supervision pack held apart from the vault's
// records, or a handover, passes exactly the checks of "inreach import".
func validateAlone(ctx context.Context, d *exchange.Document, stub func(tx *sql.Tx) error) error {
	scratch, err := schema.OpenMemory()
	if err != nil {
		return err
	}
	defer scratch.Close()
	if stub != nil {
		if err := schema.WithTx(scratch, stub); err != nil {
			return fmt.Errorf("checking the records: %w", err)
		}
	}
	// Import works on its own copy of nothing the caller keeps: d is
	// normalised in place (nil lists become empty), which is harmless.
	if _, err := exchange.Import(ctx, scratch, d); err != nil {
		return invalid(err)
	}
	return nil
}

// only refuses a document holding lists other than those allowed for its
// kind.
func only(d *exchange.Document, kind string, allowed ...string) error {
	counts := map[string]int{
		"establishments": len(d.Establishments), "agencies": len(d.Agencies), "people": len(d.People),
		"contacts": len(d.Contacts), "actions": len(d.Actions), "events": len(d.Events), "diary": len(d.Diary),
		"supervision": len(d.Supervision), "letters": len(d.Letters), "newsletters": len(d.Newsletters),
		"readings": len(d.Readings),
	}
	ok := map[string]bool{}
	for _, a := range allowed {
		ok[a] = true
	}
	for _, name := range []string{"establishments", "agencies", "people", "contacts", "actions", "events", "diary", "supervision", "letters", "newsletters", "readings"} {
		if counts[name] > 0 && !ok[name] {
			return &Refusal{Reason: ErrInvalid, Message: fmt.Sprintf("the records in this bundle were refused; nothing was changed: a %s bundle does not carry %s", kind, name)}
		}
	}
	return nil
}

// records counts the records of a document.
func records(d *exchange.Document) int {
	return len(d.Establishments) + len(d.Agencies) + len(d.People) + len(d.Contacts) + len(d.Actions) +
		len(d.Events) + len(d.Diary) + len(d.Supervision) + len(d.Letters) + len(d.Newsletters) + len(d.Readings)
}
