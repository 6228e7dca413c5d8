package bundle

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// Limits on a payload's shape, checked token by token before it is decoded,
// so that a hostile bundle cannot make Inreach hold more than the payload
// itself in memory.
const (
	MaxRecords     = 50000   // elements of all lists together
	MaxStringBytes = 1 << 20 // one text field (schema.MaxTextBytes)
	MaxDepth       = 8
)

// ErrBadPayload is the kind of a payload refused by CheckPayloadShape.
var ErrBadPayload = errors.New("payload refused")

// CheckPayloadShape checks that payload is valid UTF-8 JSON whose strings
// are at most MaxStringBytes, whose lists hold at most MaxRecords elements
// in all, and which is nested at most MaxDepth deep. It reads one token at a
// time.
func CheckPayloadShape(payload []byte) error {
	bad := func(format string, a ...any) error {
		return &Error{Kind: ErrBadPayload, Message: "the records in this bundle were refused: " + fmt.Sprintf(format, a...) + "; nothing was changed"}
	}
	if !utf8.Valid(payload) {
		return bad("they contain bytes that are not valid text (UTF-8)")
	}
	d := json.NewDecoder(bytes.NewReader(payload))
	d.UseNumber()
	type frame struct{ array bool }
	var stack []frame
	elements, topLevel := 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if len(stack) > 0 || d.InputOffset() == 0 {
				return bad("they are cut short")
			}
			break
		}
		if err != nil {
			return bad("they are not valid JSON")
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '[', '{':
				if len(stack) == 0 && (t != '{' || topLevel > 0) {
					return bad("they are not one interchange document")
				}
				if len(stack) == 0 {
					topLevel++
				}
				if len(stack) > 0 && stack[len(stack)-1].array {
					elements++
				}
				stack = append(stack, frame{array: t == '['})
				if len(stack) > MaxDepth {
					return bad("they are nested deeper than any Inreach record")
				}
			default:
				stack = stack[:len(stack)-1]
			}
		case string:
			if len(stack) == 0 {
				return bad("they are not one interchange document")
			}
			if len(t) > MaxStringBytes {
				return bad("one text is longer than %d MiB", MaxStringBytes>>20)
			}
			if len(stack) > 0 && stack[len(stack)-1].array {
				elements++
			}
		default:
			if len(stack) == 0 {
				return bad("they are not one interchange document")
			}
			if len(stack) > 0 && stack[len(stack)-1].array {
				elements++
			}
		}
		if elements > MaxRecords {
			return bad("there are more than %d records in it", MaxRecords)
		}
	}
	return nil
}
