package demo

import "strings"

// vars are the values of the slots in the sentence templates.
type vars struct {
	first, name, agency, prison, court, town, probation, housing, gp, hub string
	time, area, place, kind, k, s                                         string
}

func (v *vars) get(key string) string {
	switch key {
	case "first":
		return v.first
	case "name":
		return v.name
	case "agency":
		return v.agency
	case "prison":
		return v.prison
	case "court":
		return v.court
	case "town":
		return v.town
	case "probation":
		return v.probation
	case "housing":
		return v.housing
	case "gp":
		return v.gp
	case "hub":
		return v.hub
	case "time":
		return v.time
	case "area":
		return v.area
	case "place":
		return v.place
	case "kind":
		return v.kind
	case "k":
		return v.k
	case "s":
		return v.s
	}
	return "{" + key + "}"
}

// fill replaces the {slots} of t, and drops a leading "[in] " or "[out] "
// phase mark.
func fill(t string, v *vars) string {
	t = stripPhase(t)
	if strings.IndexByte(t, '{') < 0 {
		return t
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			break
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			b.WriteString(t)
			break
		}
		b.WriteString(t[:i])
		b.WriteString(v.get(t[i+1 : i+j]))
		t = t[i+j+1:]
	}
	return b.String()
}

func stripPhase(t string) string {
	if strings.HasPrefix(t, "[in] ") {
		return t[5:]
	}
	if strings.HasPrefix(t, "[out] ") {
		return t[6:]
	}
	return t
}

// phased keeps the sentences that suit a contact in custody (in) or in the
// community (!in): unmarked ones suit both.
func phased(list []string, in bool) []string {
	var out []string
	for _, s := range list {
		switch {
		case strings.HasPrefix(s, "[in] "):
			if in {
				out = append(out, s)
			}
		case strings.HasPrefix(s, "[out] "):
			if !in {
				out = append(out, s)
			}
		default:
			out = append(out, s)
		}
	}
	return out
}

// phaseCache holds phased lists so they are filtered once.
type phaseKey struct {
	list *string
	in   bool
}

// pickPhase picks a sentence of list that suits the phase.
func (g *gen) pickPhase(list []string, in bool) string {
	if len(list) == 0 {
		return ""
	}
	k := phaseKey{&list[0], in}
	p, ok := g.phases[k]
	if !ok {
		p = phased(list, in)
		g.phases[k] = p
	}
	if len(p) == 0 {
		return ""
	}
	return p[g.r.IntN(len(p))]
}

// joinSentences joins non-empty sentences with spaces.
func joinSentences(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	return b.String()
}

// capitalise upper-cases the first letter of s.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
