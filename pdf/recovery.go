package pdf

import (
	"errors"
	"strings"

	"inreach/schema"
)

// RecoverySheet makes the one-page sheet a practitioner prints when a vault
// is created: what the recovery key is, the key itself in large spaced
// groups, where to keep the paper, and what to do if it is needed or lost.
// vaultPath ("" if unknown) says which vault it opens; createdOn
// (YYYY-MM-DD) is the day the vault was made. The sheet holds no other
// secret. Errors never repeat the key.
func RecoverySheet(key, vaultPath, createdOn string) ([]byte, error) {
	groups, err := keyGroups(key)
	if err != nil {
		return nil, err
	}
	if _, err := schema.ParseDate(createdOn); err != nil {
		return nil, errors.New("recovery sheet: the creation date: " + err.Error())
	}
	path := strings.TrimSpace(vaultPath)
	if path == "" {
		path = "Not recorded"
	}
	// A very long path (a synced profile folder several levels deep) is
	// shortened in the middle, keeping its start and the file's name, until
	// the sheet fits on its one page.
	for _, keep := range []int{0, 110, 80, 56} {
		shown := elideMiddle(path, keep)
		if keep > 0 && shown == path {
			continue
		}
		b, fits, err := recoverySheet(groups, shown, createdOn)
		if err != nil || fits {
			return b, err
		}
	}
	return nil, errors.New("recovery sheet: the sheet ran over one page")
}

// elideMiddle shortens s to about keep characters (0: not at all) by
// replacing its middle with "…", keeping the end (a file's name) whole
// where it can.
func elideMiddle(s string, keep int) string {
	r := []rune(s)
	if keep <= 0 || len(r) <= keep {
		return s
	}
	tail := min(len(r)/2, keep/2)
	if i := strings.LastIndexAny(s, `/\`); i >= 0 {
		if name := len([]rune(s[i:])); name < keep-12 {
			tail = max(tail, name)
		}
	}
	head := keep - tail - 1
	return string(r[:head]) + "…" + string(r[len(r)-tail:])
}

// recoverySheet draws the sheet and says whether it fitted on one page.
func recoverySheet(groups []string, path, createdOn string) ([]byte, bool, error) {
	d, err := New(Options{
		Title:     "Inreach recovery key",
		Footer:    "Inreach recovery key. Keep locked away.",
		CreatedOn: createdOn,
	})
	if err != nil {
		return nil, false, err
	}
	d.Title("Inreach recovery key")
	d.Subtitle("Keep this sheet locked away, apart from the computer.")
	d.KeyValue([]KV{
		{Label: "Opens the vault", Value: path},
		{Label: "Vault created on", Value: longDate(createdOn)},
	})
	d.Spacer(2)
	d.drawKey(groups)
	d.Spacer(4)

	d.Heading(3, "What this key is")
	d.Paragraph("This key opens your Inreach vault, and its backup copies, if the passphrase is ever forgotten. " +
		"Anyone who has this key and a copy of the vault can read every record in it, so look after this sheet as carefully as the records themselves.")
	d.Heading(3, "Where to keep it")
	d.Bullets([]string{
		"In a locked drawer, cabinet or safe, or with your organisation's data protection lead.",
		"Not with the computer: not in the laptop bag, not taped inside a notebook, not in the same room if you can help it.",
		"Not as a photo, a scan, an email, a note on your phone or a file on the computer. Delete the PDF once this sheet is printed.",
		"One printed copy only. Shred any spoilt or spare copy.",
	})
	d.Heading(3, "When you need it")
	d.Paragraph("Open Inreach and choose “Forgotten the passphrase? Use the recovery key” (at the command line: inreach recover). " +
		"Type the key in capitals or small letters, with or without the dashes between groups, then choose a new passphrase. " +
		"The recovery key stays the same, so put this sheet back where it was kept.")
	d.Muted("The key uses the digits 0 to 9 and capital letters without I, L, O or U: every 0 is a zero and every 1 is a one.")
	d.Heading(3, "If this sheet is lost or seen by someone else")
	d.Paragraph("Your passphrase still opens the vault, and the key is of no use without a copy of the vault file. " +
		"But treat it as you would a lost record: tell your manager or data protection lead the same day, so that they can decide what to do.")
	d.Muted("This sheet holds no other secret: not your passphrase, and none of the records in the vault.")
	if d.f.PageCount() > 1 {
		return nil, false, nil
	}
	b, err := d.Bytes()
	return b, true, err
}

// keyGroups tidies a recovery key (capitals, no spaces or dashes) and
// splits it into groups of four characters.
func keyGroups(key string) ([]string, error) {
	var b strings.Builder
	for _, r := range strings.ToUpper(key) {
		switch {
		case r == '-' || r == ' ' || r == '\n' || r == '\t':
		case (r >= '0' && r <= '9') || (r >= 'A' && r <= 'Z'):
			b.WriteRune(r)
		default:
			return nil, errors.New("recovery sheet: the recovery key has a character that is not a letter or digit")
		}
	}
	k := b.String()
	if len(k) < 8 {
		return nil, errors.New("recovery sheet: no recovery key was given, or it is too short")
	}
	if len(k) > 96 {
		return nil, errors.New("recovery sheet: the recovery key is too long")
	}
	var groups []string
	for i := 0; i < len(k); i += 4 {
		groups = append(groups, k[i:min(i+4, len(k))])
	}
	return groups, nil
}

// drawKey prints the key groups in a box, four groups to a row, each
// character centred in a cell of its own so the columns line up like a
// typewriter's.
func (d *Doc) drawKey(groups []string) {
	const (
		perRow = 4
		size   = 20.0
		cellW  = 7.2
		rowH   = 10.0
		gap    = 7.0
		pad    = 5.0
	)
	rows := (len(groups) + perRow - 1) / perRow
	boxH := 2*pad + float64(rows)*rowH + 6
	d.EnsureSpace(boxH)
	y := d.f.GetY()
	d.f.SetDrawColor(60, 60, 60)
	d.f.SetLineWidth(0.6)
	d.f.SetFillColor(noticeFill, noticeFill, noticeFill)
	d.f.Rect(d.left, y, d.ContentWidth(), boxH, "DF")
	d.f.SetFillColor(255, 255, 255)
	d.f.SetLineWidth(0.2)
	d.font("B", 9, mutedGrey)
	d.f.SetXY(d.left+pad, y+pad-3)
	d.f.CellFormat(d.ContentWidth()-2*pad, 4, "RECOVERY KEY", "", 0, "L", false, 0, "")
	groupW := 4 * cellW
	rowW := float64(perRow)*groupW + float64(perRow-1)*gap
	x0 := d.left + (d.ContentWidth()-rowW)/2
	d.font("B", size, inkGrey)
	for i, g := range groups {
		r, c := i/perRow, i%perRow
		gx := x0 + float64(c)*(groupW+gap)
		gy := y + pad + 4 + float64(r)*rowH
		for k, ch := range g {
			d.f.SetXY(gx+float64(k)*cellW, gy)
			d.f.CellFormat(cellW, rowH, string(ch), "", 0, "C", false, 0, "")
		}
		if c < perRow-1 && i < len(groups)-1 {
			d.font("", size, ruleGrey)
			d.f.SetXY(gx+groupW, gy)
			d.f.CellFormat(gap, rowH, "-", "", 0, "C", false, 0, "")
			d.font("B", size, inkGrey)
		}
	}
	d.f.SetXY(d.left, y+boxH)
	d.font("", bodySize, inkGrey)
}
