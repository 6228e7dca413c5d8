package cli

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"inreach/bundle"
	"inreach/identity"
	"inreach/newsletter"
	"inreach/supervisees"
	"inreach/team"
	"inreach/teamwork"
	"inreach/vault"
)

// Exit codes of working together (shared/DESIGN.md, "Working together").
const (
	// ExitNotForUs: the bundle is not addressed to this vault, or its
	// sender is not on the team list.
	ExitNotForUs = 6
	// ExitAlreadyReceived: the bundle was received before; nothing changed.
	ExitAlreadyReceived = 7
)

func init() {
	register(verb{name: "id", usage: "",
		summary: "print this vault's Inreach ID (first line) and its fingerprint (second)", run: runID})
	register(verb{name: "team", usage: "add NAME ID [--role supervisor|supervisee|colleague|editor] [--verified] | list | remove NAME | verify NAME",
		summary: "the team list: the people this vault exchanges sealed bundles with", run: runTeam})
	register(verb{name: "send", usage: "supervision --for NAME [--from D --to D] [--redact] | reply SESSION_ID | handover PERSON_ID... --for NAME [--erase-after] | contribution NEWSLETTER_ID SECTION_NO --for NAME  [-o F.inreach]",
		summary: "seal records into a bundle for one team member (into the exchange folder unless -o is given)", run: runSend})
	register(verb{name: "receive", usage: "F.inreach",
		summary: "check, open and merge a bundle (exit 6: not for this vault or sender not on the team list; 4: damaged; 7: already received)", run: runReceive})
	register(verb{name: "inbox", usage: "[--tidy]",
		summary: "list the bundles in the exchange folder addressed to this vault; --tidy removes those already received", run: runInbox})
	register(verb{name: "folder", usage: "[DIR | --unset]",
		summary: "show or set the exchange folder (the folder your organisation syncs)", run: runFolder})
	register(verb{name: "supervisees", usage: "[show NAME | session --for NAME --date D [--notes T] [--comment ID=TEXT]... [--action TEXT|OWNER|DUE]... [--signed-off D]]",
		summary: "a supervisor's view: supervision packs received, and writing the session to reply with", run: runSupervisees})
	register(verb{name: "contributions", usage: "[accept ID NEWSLETTER_ID | decline ID | check ID]",
		summary: "the newsletter editor's inbox of contributed sections", run: runContributions})
}

// openWithIdentity opens the vault for writing and makes its identity if
// it has none yet (an existing vault's first open after the update), saving
// at once so that the keys are never made twice.
func (e *Env) openWithIdentity() (*vault.Vault, *identity.Identity, error) {
	v, err := e.open(false)
	if err != nil {
		return nil, nil, err
	}
	me, err := ensureIdentity(v)
	if err != nil {
		v.Close()
		return nil, nil, err
	}
	return v, me, nil
}

// ensureIdentity is identity.Ensure followed by a save when it made keys.
func ensureIdentity(v *vault.Vault) (*identity.Identity, error) {
	if me, err := identity.Load(v.DB()); err == nil {
		return me, nil
	} else if !errors.Is(err, identity.ErrNoIdentity) {
		return nil, err
	}
	me, err := identity.Ensure(v.DB())
	if err != nil {
		return nil, err
	}
	return me, v.Save()
}

func runID(e *Env, args []string) error {
	fs := e.flags("id")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	// Read-only first, so that it works while the desktop app has the
	// vault open; a vault without keys yet is opened for writing to make them.
	v, err := e.open(true)
	if err != nil {
		return err
	}
	me, err := identity.Load(v.DB())
	if errors.Is(err, identity.ErrNoIdentity) {
		v.Close()
		if v, me, err = e.openWithIdentity(); err != nil {
			return err
		}
	} else if err != nil {
		v.Close()
		return err
	}
	defer v.Close()
	fmt.Fprintln(e.Stdout, me.Public().String())
	fmt.Fprintln(e.Stdout, me.Public().Fingerprint())
	return nil
}

func runTeam(e *Env, args []string) error {
	fs := e.flags("team")
	role := fs.String("role", "colleague", "supervisor, supervisee, colleague or editor")
	verified := fs.Bool("verified", false, "the fingerprints were compared (in person or by phone)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("say what to do: team add NAME ID, team list, team remove NAME or team verify NAME")
	}
	v, _, err := e.openWithIdentity()
	if err != nil {
		return err
	}
	defer v.Close()
	db := v.DB()
	switch pos[0] {
	case "add":
		if len(pos) != 3 {
			return usagef("team add NAME ID (put a name of two words in quotes: \"Sam Cole\")")
		}
		m, err := team.Add(db, pos[1], pos[2], *role, *verified)
		if err != nil {
			return err
		}
		if err := v.Save(); err != nil {
			return err
		}
		fmt.Fprintf(e.Stdout, "Added %s (%s), fingerprint %s.\n", m.Name, m.Role, m.Fingerprint())
		if !m.Verified {
			fmt.Fprintln(e.Stdout, "Compare this fingerprint with hers (in person or by phone), then: inreach team verify \""+m.Name+"\"")
		}
	case "list":
		ms, err := team.List(db)
		if err != nil {
			return err
		}
		if len(ms) == 0 {
			fmt.Fprintln(e.Stdout, "The team list is empty. Add someone with: inreach team add NAME ID")
			return nil
		}
		w := tabwriter.NewWriter(e.Stdout, 2, 4, 2, ' ', 0)
		for _, m := range ms {
			ok := "not compared"
			if m.Verified {
				ok = "compared"
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", m.Name, m.Role, m.Fingerprint(), ok)
		}
		w.Flush()
	case "remove":
		if len(pos) != 2 {
			return usagef("team remove NAME")
		}
		if err := team.Remove(db, pos[1]); err != nil {
			return err
		}
		if err := v.Save(); err != nil {
			return err
		}
		fmt.Fprintf(e.Stdout, "Removed %s from the team list. Bundles from her will be refused.\n", pos[1])
	case "verify":
		if len(pos) != 2 {
			return usagef("team verify NAME")
		}
		if err := team.SetVerified(db, pos[1], true); err != nil {
			return err
		}
		if err := v.Save(); err != nil {
			return err
		}
		fmt.Fprintf(e.Stdout, "Marked %s's fingerprint as compared.\n", pos[1])
	default:
		return usagef("there is no team command %q (add, list, remove, verify)", pos[0])
	}
	return nil
}

func runSend(e *Env, args []string) error {
	fs := e.flags("send")
	forName := fs.String("for", "", "the team member it is for")
	from := fs.String("from", "", "supervision: the first day of the period (YYYY-MM-DD)")
	to := fs.String("to", "", "supervision: the last day of the period")
	redact := fs.Bool("redact", false, "supervision: replace every woman's name with her pseudonym")
	eraseAfter := fs.Bool("erase-after", false, "handover: erase the women from this vault once the bundle is written and checked")
	out := fs.String("o", "", "the bundle file to write (default: a new file in the exchange folder)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("say what to send: supervision, reply, handover or contribution")
	}
	v, me, err := e.openWithIdentity()
	if err != nil {
		return err
	}
	defer v.Close()
	db, ctx := v.DB(), e.Context()
	member := func() (team.Member, error) {
		if *forName == "" {
			return team.Member{}, usagef("say who it is for with --for NAME (someone on the team list)")
		}
		return team.ByName(db, *forName)
	}
	var o *teamwork.Outgoing
	switch kind, rest := pos[0], pos[1:]; kind {
	case bundle.KindSupervision:
		if len(rest) != 0 {
			return usagef("send supervision takes no names: --for NAME [--from D --to D] [--redact]")
		}
		m, err := member()
		if err != nil {
			return err
		}
		if o, err = teamwork.PrepareSupervision(ctx, db, m, teamwork.SupervisionOptions{From: *from, To: *to, Redact: *redact}); err != nil {
			return err
		}
	case bundle.KindReply:
		if len(rest) != 1 {
			return usagef("send reply SESSION_ID (inreach supervisees lists the sessions)")
		}
		if o, err = teamwork.PrepareReply(ctx, db, rest[0]); err != nil {
			return err
		}
	case bundle.KindHandover:
		if len(rest) == 0 {
			return usagef("send handover PERSON_ID... --for NAME")
		}
		m, err := member()
		if err != nil {
			return err
		}
		if o, err = teamwork.PrepareHandover(ctx, db, m, rest); err != nil {
			return err
		}
	case bundle.KindContribution:
		if len(rest) != 2 {
			return usagef("send contribution NEWSLETTER_ID SECTION_NO --for NAME")
		}
		n, err := strconv.Atoi(rest[1])
		if err != nil {
			return usagef("SECTION_NO is the section's number, 1 for the first")
		}
		m, err := member()
		if err != nil {
			return err
		}
		if o, err = teamwork.PrepareContribution(ctx, db, m, rest[0], n); err != nil {
			return err
		}
	default:
		return usagef("there is no kind of bundle %q (supervision, reply, handover, contribution)", kind)
	}
	if *eraseAfter && o.Kind != bundle.KindHandover {
		return usagef("--erase-after is only for a handover")
	}
	path := *out
	if path == "" {
		if path, err = teamwork.PathInFolder(db, o.Kind); err != nil {
			return err
		}
	}
	sent, err := teamwork.Send(ctx, db, me, o, path)
	if err != nil {
		return err
	}
	if err := v.Save(); err != nil {
		return fmt.Errorf("the bundle %s was written, but recording it in the vault failed: %w", path, err)
	}
	fmt.Fprintf(e.Stdout, "Sealed %s for %s into %s (%d bytes).\n", sent.Summary, o.To.Name, path, sent.Bytes)
	if *eraseAfter {
		reps, err := teamwork.EraseHandedOver(ctx, db, o, sent)
		if err != nil {
			return err
		}
		if err := v.Save(); err != nil {
			return err
		}
		fmt.Fprintf(e.Stdout, "The bundle opened again correctly; erased %d %s from this vault.\n", len(reps), map[bool]string{true: "woman", false: "women"}[len(reps) == 1])
	}
	return nil
}

func runReceive(e *Env, args []string) error {
	fs := e.flags("receive")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("name one bundle to receive: inreach receive F.inreach")
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return fmt.Errorf("could not open %s: %w", pos[0], unwrapPath(err))
	}
	defer f.Close()
	v, me, err := e.openWithIdentity()
	if err != nil {
		return err
	}
	defer v.Close()
	res, err := teamwork.Receive(e.Context(), v.DB(), me, f, pos[0])
	if err != nil {
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	if err := v.Save(); err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "Received %s.\n", res.Summary)
	return nil
}

func runInbox(e *Env, args []string) error {
	fs := e.flags("inbox")
	tidy := fs.Bool("tidy", false, "remove the bundles already received from the exchange folder")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	v, me, err := e.openWithIdentity()
	if err != nil {
		return err
	}
	defer v.Close()
	dir := teamwork.Folder(v.DB())
	if dir == "" {
		return errors.New("no exchange folder is set: inreach folder DIR")
	}
	if *tidy {
		removed, err := teamwork.Tidy(v.DB(), me, dir)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.Stdout, "Removed %d %s already received.\n", len(removed), map[bool]string{true: "bundle", false: "bundles"}[len(removed) == 1])
		return nil
	}
	ws, err := teamwork.Inbox(v.DB(), me, dir)
	if err != nil {
		return err
	}
	waiting := 0
	for _, w := range ws {
		if !w.Received {
			waiting++
		}
	}
	fmt.Fprintf(e.Stdout, "%d waiting in %s\n", waiting, dir)
	for _, w := range ws {
		fmt.Fprintf(e.Stdout, "  %s\n    %s\n", w.Describe(), w.Path)
	}
	return nil
}

func runFolder(e *Env, args []string) error {
	fs := e.flags("folder")
	unset := fs.Bool("unset", false, "forget the exchange folder")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	v, _, err := e.openWithIdentity()
	if err != nil {
		return err
	}
	defer v.Close()
	switch {
	case *unset:
		if err := teamwork.SetFolder(v.DB(), ""); err != nil {
			return err
		}
	case len(pos) == 1:
		if err := teamwork.SetFolder(v.DB(), pos[0]); err != nil {
			return err
		}
	case len(pos) > 1:
		return usagef("name one folder")
	}
	if err := v.Save(); err != nil {
		return err
	}
	if d := teamwork.Folder(v.DB()); d != "" {
		fmt.Fprintln(e.Stdout, d)
	} else {
		fmt.Fprintln(e.Stdout, "No exchange folder is set.")
	}
	return nil
}

// multi is a repeatable string flag.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ", ") }
func (m *multi) Set(s string) error { *m = append(*m, s); return nil }

func runSupervisees(e *Env, args []string) error {
	fs := e.flags("supervisees")
	forName := fs.String("for", "", "the supervisee (her name on the team list)")
	date := fs.String("date", "", "the session's date")
	notes := fs.String("notes", "", "the session's notes")
	signed := fs.String("signed-off", "", "the date the session was signed off")
	var comments, actions multi
	fs.Var(&comments, "comment", "ID=TEXT: a comment on one of her entries (repeat for more)")
	fs.Var(&actions, "action", "TEXT|OWNER|DUE: an action agreed (repeat for more)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	v, _, err := e.openWithIdentity()
	if err != nil {
		return err
	}
	defer v.Close()
	db := v.DB()
	name := func(fp string) string {
		ms, _ := team.List(db)
		for _, m := range ms {
			if m.Fingerprint() == fp {
				return m.Name
			}
		}
		return "(no longer on the team list: " + fp + ")"
	}
	switch {
	case len(pos) == 0:
		packs, err := supervisees.ListPacks(db)
		if err != nil {
			return err
		}
		if len(packs) == 0 {
			fmt.Fprintln(e.Stdout, "No supervision packs received yet.")
		}
		for _, p := range packs {
			fmt.Fprintf(e.Stdout, "%s: pack sent %s, received %s\n", name(p.Sender), p.Created, p.ReceivedAt)
			ss, err := supervisees.List(db, p.Sender)
			if err != nil {
				return err
			}
			for _, s := range ss {
				state := "not sent"
				if s.SentBundle != "" {
					state = "reply sent"
				}
				fmt.Fprintf(e.Stdout, "  session %s on %s, %d entries, %s\n", s.ID, s.Date, len(s.Entries), state)
			}
		}
	case pos[0] == "show" && len(pos) == 2:
		m, err := team.ByName(db, pos[1])
		if err != nil {
			return err
		}
		p, err := supervisees.GetPack(db, m.Fingerprint())
		if err != nil {
			return err
		}
		for _, d := range p.Doc.Diary {
			fmt.Fprintf(e.Stdout, "%s  %s  %s\n", d.ID, d.Date, d.Status)
			for _, s := range d.Sections {
				if s.Body != "" {
					fmt.Fprintf(e.Stdout, "    %s: %s\n", s.Key, s.Body)
				}
			}
		}
	case pos[0] == "session" && len(pos) == 1:
		if *forName == "" {
			return usagef("say whose session it is with --for NAME")
		}
		m, err := team.ByName(db, *forName)
		if err != nil {
			return err
		}
		ss := &supervisees.Session{Sender: m.Fingerprint(), Date: *date, Notes: *notes, SignedOffOn: *signed}
		for _, c := range comments {
			id, text, ok := strings.Cut(c, "=")
			if !ok {
				return usagef("--comment ID=TEXT")
			}
			ss.Entries = append(ss.Entries, supervisees.Entry{DiaryID: id, Comment: text})
		}
		for _, a := range actions {
			parts := strings.SplitN(a, "|", 3)
			for len(parts) < 3 {
				parts = append(parts, "")
			}
			ss.Actions = append(ss.Actions, supervisees.Action{Text: parts[0], Owner: parts[1], Due: parts[2]})
		}
		if err := supervisees.Save(db, ss); err != nil {
			return err
		}
		if err := v.Save(); err != nil {
			return err
		}
		fmt.Fprintln(e.Stdout, ss.ID)
	default:
		return usagef("supervisees, supervisees show NAME, or supervisees session --for NAME --date D …")
	}
	return nil
}

func runContributions(e *Env, args []string) error {
	fs := e.flags("contributions")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	v, _, err := e.openWithIdentity()
	if err != nil {
		return err
	}
	defer v.Close()
	ns := newsletter.New(v.DB())
	switch {
	case len(pos) == 0:
		cs, err := ns.Contributions(false)
		if err != nil {
			return err
		}
		if len(cs) == 0 {
			fmt.Fprintln(e.Stdout, "No contributions received.")
		}
		for _, c := range cs {
			fmt.Fprintf(e.Stdout, "%s  %s  from %s  %q  (%s)\n", c.ID, c.Status, c.SenderName, c.Section.Heading, c.ReceivedAt)
		}
		return nil
	case pos[0] == "accept" && len(pos) == 3:
		err = ns.AcceptContribution(pos[1], pos[2])
	case pos[0] == "decline" && len(pos) == 2:
		err = ns.DeclineContribution(pos[1])
	case pos[0] == "check" && len(pos) == 2:
		rep, err := ns.CheckContribution(pos[1])
		if err != nil {
			return err
		}
		if rep.Clean() {
			fmt.Fprintln(e.Stdout, "The safety check found nothing.")
		}
		for _, f := range rep.Findings {
			fmt.Fprintf(e.Stdout, "%s: %s\n", f.Field, f.Message)
		}
		return nil
	default:
		return usagef("contributions, contributions accept ID NEWSLETTER_ID, decline ID or check ID")
	}
	if err != nil {
		return err
	}
	if err := v.Save(); err != nil {
		return err
	}
	fmt.Fprintln(e.Stdout, "Done.")
	return nil
}
