package newsletter

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A span is a piece of text found by a detector, by byte offsets.
type span struct{ start, end int }

// UK phone numbers: +44 forms (+44 7700 900123, +44 (0)20 7946 0123) and
// national forms (07700 900123, 01632 960123, (01632) 960123,
// 020 7946 0123, 0808 2000 247), with spaces or hyphens between groups.
var phoneRE = regexp.MustCompile(`(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(?0)\d{2,5}\)?[\s-]?\d{3,4}[\s-]?\d{2,4}`)

// findPhones returns each UK phone number in text with its national form
// ("07700900123"). A match glued to other digits or letters (part of a
// longer number or a code) is not a phone number.
func findPhones(text string) ([]span, []string) {
	var spans []span
	var nums []string
	for _, m := range phoneRE.FindAllStringIndex(text, -1) {
		if m[0] > 0 {
			r, _ := utf8.DecodeLastRuneInString(text[:m[0]])
			if isWordRune(r) || r == '+' || r == '.' || r == '/' {
				continue
			}
		}
		if m[1] < len(text) {
			r, _ := utf8.DecodeRuneInString(text[m[1]:])
			if unicode.IsDigit(r) || unicode.IsLetter(r) {
				continue
			}
		}
		n := nationalPhone(text[m[0]:m[1]])
		if n == "" {
			continue
		}
		spans = append(spans, span{m[0], m[1]})
		nums = append(nums, n)
	}
	return spans, nums
}

// nationalPhone turns a UK phone number in any form into its national
// digits ("+44 (0)7700 900-123" → "07700900123"), or "" when it has the
// wrong number of digits to be one.
func nationalPhone(s string) string {
	s = strings.Replace(s, "(0)", "", 1)
	intl := strings.HasPrefix(strings.TrimSpace(s), "+44")
	var d strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			d.WriteRune(r)
		}
	}
	digits := d.String()
	if intl {
		digits = "0" + strings.TrimPrefix(digits, "44")
	}
	if len(digits) < 10 || len(digits) > 11 || digits[0] != '0' || digits[1] == '0' {
		return ""
	}
	return digits
}

// UK postcodes, in capitals or not, with or without the space.
var postcodeRE = regexp.MustCompile(`(?i)\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b`)

// Street addresses: a house number and one to three capitalised words
// ending in a street word ("12 Acacia Avenue", "4a Mill Lane").
var streetRE = regexp.MustCompile(`\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][\p{L}'’-]*\s+){1,3}(?:Street|St|Road|Rd|Lane|Avenue|Ave|Close|Drive|Way|Crescent|Terrace|Place|Gardens|Grove|Court|Square|Row|Walk|Mews|Parade)\b`)

// postcodeKey is a postcode's comparable form ("sw1a 1aa" → "SW1A1AA").
func postcodeKey(s string) string { return compactUpper(s) }

// findAddresses returns each postcode and street address in text, with a
// key for comparing it with the service's own address.
func findAddresses(text string) ([]span, []string) {
	var spans []span
	var keys []string
	for _, m := range postcodeRE.FindAllStringIndex(text, -1) {
		spans = append(spans, span{m[0], m[1]})
		keys = append(keys, postcodeKey(text[m[0]:m[1]]))
	}
	for _, m := range streetRE.FindAllStringIndex(text, -1) {
		spans = append(spans, span{m[0], m[1]})
		keys = append(keys, compactUpper(text[m[0]:m[1]]))
	}
	return spans, keys
}

// Email addresses.
var emailRE = regexp.MustCompile(`(?i)[A-Z0-9._%+'-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}`)

func findEmails(text string) ([]span, []string) {
	var spans []span
	var keys []string
	for _, m := range emailRE.FindAllStringIndex(text, -1) {
		spans = append(spans, span{m[0], m[1]})
		keys = append(keys, strings.ToLower(text[m[0]:m[1]]))
	}
	return spans, keys
}

// allowed holds the contact details that may be printed: the service's
// own (settings org_phone, org_address, org_email) and those of the
// agencies in the directory (public organisations such as helplines).
type allowed struct {
	phones  map[string]bool // national digits
	emails  map[string]bool // lower case
	address string          // the service's address, compacted (compactUpper)
}

func newAllowed() *allowed {
	return &allowed{phones: map[string]bool{}, emails: map[string]bool{}}
}

func (a *allowed) addPhones(text string) {
	_, nums := findPhones(text)
	for _, n := range nums {
		a.phones[n] = true
	}
	if n := nationalPhone(text); n != "" {
		a.phones[n] = true
	}
}

func (a *allowed) addEmails(text string) {
	_, keys := findEmails(text)
	for _, k := range keys {
		a.emails[k] = true
	}
}

// addressOK reports whether an address found in the text (by its key) is
// part of the service's own address.
func (a *allowed) addressOK(key string) bool {
	return a.address != "" && key != "" && strings.Contains(a.address, key)
}

// excerpt is the found text with up to 30 characters either side, on one
// line, with "…" where it was cut.
func excerpt(text string, start, end int) string {
	const around = 30
	from := start
	for n := 0; n < around && from > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:from])
		from -= size
	}
	to := end
	for n := 0; n < around && to < len(text); n++ {
		_, size := utf8.DecodeRuneInString(text[to:])
		to += size
	}
	out := strings.Join(strings.Fields(text[from:to]), " ")
	if from > 0 {
		out = "…" + out
	}
	if to < len(text) {
		out += "…"
	}
	return out
}
