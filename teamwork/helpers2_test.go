package teamwork_test

import (
	"inreach/bundle"
	"inreach/exchange"
	"inreach/team"
	"inreach/teamwork"

	"bytes"
)

func teamAdd(p *party, name string, other *party) (team.Member, error) {
	return team.Add(p.db, name, other.me.Public().String(), "supervisor", false)
}

// sealFor seals out without writing or recording it.
func sealFor(p *party, out *teamwork.Outgoing) ([]byte, bundle.Header, error) {
	var b bytes.Buffer
	if err := exchange.Write(&b, out.Doc); err != nil {
		return nil, bundle.Header{}, err
	}
	return bundle.Seal(p.me, out.To.ID, out.Kind, "", b.Bytes())
}
