package exchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"inreach/schema"
)

// MaxFileBytes is the largest interchange file Read accepts: 256 MiB (the
// largest demo organisation, ten years of nine practitioners, exports about
// 120 MB).
const MaxFileBytes = 256 << 20

// maxFileBytes is MaxFileBytes, lowered by tests.
var maxFileBytes = MaxFileBytes

// utf8BOM is the byte-order mark some editors put at the start of a file.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// errStop ends the scan early: the rest of the file is not read.
var errStop = errors.New("stop")

// frame is one open object or array in the scan.
type frame struct {
	obj       bool
	expectKey bool
	key       string
	keys      map[string]bool
	idx       int
	id        string // the record's "id", once seen
}

// scanner reads a file while checking, before anything is parsed, what the
// JSON decoder would let through or could only find with the whole file in
// memory:
//
//   - the file is at most MaxFileBytes;
//   - every string is at most schema.MaxTextBytes once decoded (a longer
//     one stops the reading there, so a 50 MB note is refused after reading
//     about 1 MiB of it);
//   - every string is valid UTF-8, escapes included (the decoder would
//     quietly turn bad bytes and lone surrogates into U+FFFD);
//   - no object has the same key twice, at any depth (the decoder would
//     quietly keep the last).
//
// Each problem names the record and field, as the rest of Read does.
type scanner struct {
	r     io.Reader
	data  []byte
	stack []*frame
	p     *problems

	// inside a string: where it starts, the decoded size so far, whether a
	// backslash or \u digits (and their value so far) are pending, whether it is
	// a key, and the object or array it is in
	inString bool
	strStart int
	size     int
	escape   bool
	hex      int
	hexVal   rune
	isKey    bool
	strTop   *frame
}

// readChecked reads r through the scanner and returns the file's bytes
// (without a byte-order mark).
func readChecked(r io.Reader, p *problems) ([]byte, error) {
	s := &scanner{r: io.LimitReader(r, int64(maxFileBytes)+1), p: p}
	err := s.run()
	if errors.Is(err, errStop) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return bytes.TrimPrefix(s.data, utf8BOM), nil
}

// where names the record and field the scan is in.
func (s *scanner) where() (record, id, field string) {
	if len(s.stack) == 0 || !s.stack[0].obj {
		return "file", "", ""
	}
	root := s.stack[0]
	if len(s.stack) == 1 {
		return "file", "", root.key
	}
	record = "file"
	rest := s.stack
	if !s.stack[1].obj {
		record = root.key + "[" + strconv.Itoa(s.stack[1].idx) + "]"
		rest = s.stack[2:]
		if len(rest) > 0 {
			id = rest[0].id
		}
	}
	var b strings.Builder
	for _, f := range rest {
		if f.obj {
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(f.key)
		} else {
			b.WriteString("[" + strconv.Itoa(f.idx) + "]")
		}
	}
	return record, id, b.String()
}

func (s *scanner) run() error {
	const chunk = 256 << 10
	pos := 0
	for {
		if cap(s.data)-len(s.data) < chunk {
			grown := make([]byte, len(s.data), 2*cap(s.data)+chunk)
			copy(grown, s.data)
			s.data = grown
		}
		n, err := s.r.Read(s.data[len(s.data):cap(s.data)])
		s.data = s.data[:len(s.data)+n]
		if len(s.data) > maxFileBytes {
			s.p.add("file", "", "", "is larger than %s, the most Inreach reads in one file (see exchange/doc.go): split it, for example one file per woman (inreach export --person)", schema.SizeWords(maxFileBytes))
			return errStop
		}
		if perr := s.scan(pos); perr != nil {
			return perr
		}
		pos = len(s.data)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// scan goes on from data[pos:], keeping its state between reads.
func (s *scanner) scan(pos int) error {
	d := s.data
	for i := pos; i < len(d); i++ {
		if s.inString {
			switch {
			case s.hex > 0:
				s.hex--
				s.hexVal = s.hexVal<<4 | rune(hexDigit(d[i]))
				if s.hex == 0 {
					s.size += escapedLen(s.hexVal)
				}
			case s.escape:
				s.escape = false
				if d[i] == 'u' {
					s.hex, s.hexVal = 4, 0
				} else {
					s.size++
				}
			default:
				// skip to the next quote or backslash
				k := bytes.IndexAny(d[i:], `"\\`)
				if k < 0 {
					s.size += len(d) - i
					i = len(d) - 1
				} else {
					s.size += k
					i += k
					if d[i] == '"' {
						s.inString = false
						if s.size > schema.MaxTextBytes {
							return s.tooLong()
						}
						if err := s.endString(s.strTop, s.isKey, d[s.strStart:i+1]); err != nil {
							return err
						}
						continue
					}
					s.escape = true
				}
			}
			if s.size > schema.MaxTextBytes {
				return s.tooLong()
			}
			continue
		}
		var top *frame
		if len(s.stack) > 0 {
			top = s.stack[len(s.stack)-1]
		}
		switch d[i] {
		case '{':
			s.stack = append(s.stack, &frame{obj: true, expectKey: true, keys: map[string]bool{}})
		case '[':
			s.stack = append(s.stack, &frame{})
		case '}', ']':
			if top != nil { // else the JSON check reports it
				s.stack = s.stack[:len(s.stack)-1]
			}
		case ',':
			if top != nil {
				if top.obj {
					top.expectKey = true
				} else {
					top.idx++
				}
			}
		case ':':
			if top != nil && top.obj {
				top.expectKey = false
			}
		case '"':
			s.inString, s.escape, s.hex, s.size = true, false, 0, 0
			s.strStart, s.strTop = i, top
			s.isKey = top != nil && top.obj && top.expectKey
		}
	}
	return nil
}

func hexDigit(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10
	}
	return 0 // not hex: the JSON check reports it
}

// escapedLen is how many bytes of UTF-8 a \uXXXX escape adds: a high
// surrogate counts the whole pair (4), its low half nothing.
func escapedLen(r rune) int {
	switch {
	case r >= 0xd800 && r <= 0xdbff:
		return 4
	case r >= 0xdc00 && r <= 0xdfff:
		return 0
	}
	return utf8.RuneLen(r)
}

// tooLong reports the string being read as too long and stops.
func (s *scanner) tooLong() error {
	rec, id, field := s.where()
	s.p.add(rec, id, field, "is longer than 1 MiB, the most one field may hold (see exchange/doc.go); the file was not read further")
	return errStop
}

// endString checks a whole string (raw, with its quotes).
func (s *scanner) endString(top *frame, isKey bool, raw []byte) error {
	body := raw[1 : len(raw)-1]
	plain := true // ASCII without escapes: the text is the bytes
	for _, c := range body {
		if c >= 0x80 || c == '\\' {
			plain = false
			break
		}
	}
	var v string
	if plain {
		v = string(body)
	} else if err := json.Unmarshal(raw, &v); err != nil {
		return nil // the JSON check reports it
	}
	bad := !plain && !utf8.Valid(body)
	if !plain && !bad && strings.ContainsRune(v, utf8.RuneError) &&
		!bytes.Contains(raw, []byte("\uFFFD")) && !bytes.Contains(bytes.ToLower(raw), []byte(`\ufffd`)) {
		bad = true // a lone surrogate escape, turned into U+FFFD by the decoder
	}
	if isKey {
		top.key = v
		if top.keys[v] {
			rec, id, field := s.where()
			s.p.add(rec, id, field, "is given twice in the same object: each field may appear once")
		}
		top.keys[v] = true
		if bad {
			rec, id, field := s.where()
			s.p.add(rec, id, field, "is a field name that is not valid UTF-8 text")
		}
		return nil
	}
	if top != nil && top.obj && top.key == "id" && len(s.stack) == 3 {
		top.id = v
	}
	if bad {
		rec, id, field := s.where()
		s.p.add(rec, id, field, "is not valid UTF-8 text")
	}
	return nil
}
