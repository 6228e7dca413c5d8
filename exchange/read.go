package exchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Read parses an interchange file. It checks the file's shape only (valid
// JSON, known fields, the right JSON type for each field); Import checks the
// values. Every problem found is returned at once as *ImportErrors, each
// naming the record, its id and the field: an unknown field is an error, not
// silently dropped. Field names are matched exactly (case matters).
//
// Before parsing, the file is read through a check that bounds what it may
// cost (see the limits in the package comment): a file over MaxFileBytes or
// a field over schema.MaxTextBytes is refused without being read to its
// end; text that is not valid UTF-8 and a field given twice in one object
// are refused too. A UTF-8 byte-order mark at the start is skipped.
func Read(r io.Reader) (*Document, error) {
	var p problems
	data, err := readChecked(r, &p)
	if err != nil {
		return nil, fmt.Errorf("reading the file: %w", err)
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	return parse(data)
}

func parse(data []byte) (*Document, error) {
	var p problems
	if !json.Valid(data) {
		var v any
		err := json.Unmarshal(data, &v)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := lineCol(data, se.Offset)
			p.add("file", "", "", "is not valid JSON (line %d, column %d: %s)", line, col, se.Error())
		} else if err != nil {
			p.add("file", "", "", "is not valid JSON (%s)", err.Error())
		} else {
			p.add("file", "", "", "is not valid JSON")
		}
		return nil, p.err()
	}
	checkShape(data, &p)
	if err := p.err(); err != nil {
		return nil, err
	}
	var d Document
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		// The shape check should have caught everything; this is the
		// backstop, naming the field from the decoder's own report.
		p.add("file", "", "", "%s", decodeErrorMessage(data, err))
		return nil, p.err()
	}
	return &d, nil
}

// decodeErrorMessage words a decoder error with its field and position.
func decodeErrorMessage(data []byte, err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		line, col := lineCol(data, te.Offset)
		field := te.Field
		if field == "" {
			field = "a value"
		}
		return fmt.Sprintf("field %s has the wrong type: it is %s, it should be %s (line %d, column %d)",
			field, te.Value, goTypeWords(te.Type.String()), line, col)
	}
	return err.Error() // "json: unknown field \"x\"" and the like: no content
}

func goTypeWords(t string) string {
	switch t {
	case "string", "*string":
		return "text in quotes"
	case "int", "*int":
		return "a whole number"
	case "bool":
		return "true or false"
	}
	return t
}

// lineCol turns a byte offset into a 1-based line and column.
func lineCol(data []byte, off int64) (int, int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// Write writes d as indented JSON (two spaces, no HTML escaping), records in
// the order they are in d (Export and demo.Generate give them in the stable
// order of Sort). Nil lists in d are replaced by empty ones first, so that
// no list is written as null.
func Write(w io.Writer, d *Document) error {
	if d == nil {
		return errors.New("no document to write")
	}
	normalize(d)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(d)
}
