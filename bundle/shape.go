package bundle

import (
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
)

// Limits on a payload's shape, checked in one pass over its bytes before it
// is decoded and without allocating, so that a hostile bundle cannot make
// Inreach hold much more than the payload itself in memory.
const (
	MaxRecords     = 50000   // elements of all lists together
	MaxStringBytes = 1 << 20 // one text field (schema.MaxTextBytes)
	MaxDepth       = 8
)

// ErrBadPayload is the kind of a payload refused by CheckPayloadShape.
var ErrBadPayload = errors.New("payload refused")

// CheckPayloadShape checks that payload is one JSON object, valid UTF-8,
// whose strings are at most MaxStringBytes, whose lists hold at most
// MaxRecords elements in all, and which is nested at most MaxDepth deep.
func CheckPayloadShape(payload []byte) error {
	bad := func(format string, a ...any) error {
		return &Error{Kind: ErrBadPayload, Message: "the records in this bundle were refused: " + fmt.Sprintf(format, a...) + "; nothing was changed"}
	}
	if !utf8.Valid(payload) {
		return bad("they contain bytes that are not valid text (UTF-8)")
	}
	if !json.Valid(payload) {
		return bad("they are not valid JSON")
	}
	// payload is valid JSON from here on: a simple scan is enough.
	var stack [MaxDepth + 1]struct{ array, first bool }
	depth, elements, top := 0, 0, true
	for i := 0; i < len(payload); i++ {
		c := payload[i]
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			continue
		}
		if top {
			if c != '{' {
				return bad("they are not one interchange document")
			}
			top = false
		}
		if depth > 0 && stack[depth-1].array && stack[depth-1].first && c != ']' {
			elements++
			stack[depth-1].first = false
		}
		switch c {
		case '[', '{':
			if depth == MaxDepth {
				return bad("they are nested deeper than any Inreach record")
			}
			stack[depth] = struct{ array, first bool }{c == '[', c == '['}
			depth++
		case ']', '}':
			depth--
		case ',':
			if depth > 0 && stack[depth-1].array {
				elements++
			}
		case '"':
			j := i + 1
			for ; j < len(payload) && payload[j] != '"'; j++ {
				if payload[j] == '\\' {
					j++
				}
			}
			if j-i-1 > MaxStringBytes {
				return bad("one text is longer than %d MiB", MaxStringBytes>>20)
			}
			i = j
		}
		if elements > MaxRecords {
			return bad("there are more than %d records in it", MaxRecords)
		}
	}
	return nil
}
