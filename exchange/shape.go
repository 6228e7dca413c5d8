package exchange

import (
	"encoding/json"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// The shape check walks the parsed JSON beside the Go types of Document and
// reports every unknown field and every value of the wrong JSON type, with
// the record it is in and the field's path. It runs before decoding so that
// all such problems are reported at once, with better words than the
// decoder's first error.

var (
	documentType = reflect.TypeOf(Document{})
	sectionsType = reflect.TypeOf(Sections{})
)

type jsonKind int

const (
	kNull jsonKind = iota
	kObject
	kArray
	kString
	kNumber
	kBool
	kBad
)

func kindOf(raw []byte) jsonKind {
	for _, c := range raw {
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		case '{':
			return kObject
		case '[':
			return kArray
		case '"':
			return kString
		case 't', 'f':
			return kBool
		case 'n':
			return kNull
		default:
			if c == '-' || (c >= '0' && c <= '9') {
				return kNumber
			}
			return kBad
		}
	}
	return kBad
}

func (k jsonKind) words() string {
	switch k {
	case kNull:
		return "null"
	case kObject:
		return "an object {…}"
	case kArray:
		return "a list […]"
	case kString:
		return "text in quotes"
	case kNumber:
		return "a number"
	case kBool:
		return "true or false"
	}
	return "something else"
}

// jsonKindOf describes raw the way json.UnmarshalTypeError.Value does.
func jsonKindOf(raw []byte) string {
	switch kindOf(raw) {
	case kObject:
		return "object"
	case kArray:
		return "array"
	case kString:
		return "string"
	case kNumber:
		return "number"
	case kBool:
		return "bool"
	}
	return "null"
}

// fieldsOf maps a struct's JSON names to its fields' types.
var fieldCache sync.Map // reflect.Type → map[string]reflect.Type

func fieldsOf(t reflect.Type) map[string]reflect.Type {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]reflect.Type)
	}
	m := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		m[name] = f.Type
	}
	fieldCache.Store(t, m)
	return m
}

// expected describes what JSON a Go type wants.
func expected(t reflect.Type) string {
	if t.Kind() == reflect.Pointer {
		return expected(t.Elem()) + " or null"
	}
	if t == sectionsType || t.Kind() == reflect.Map {
		return "an object {…} of texts"
	}
	switch t.Kind() {
	case reflect.Struct:
		return "an object {…}"
	case reflect.Slice:
		return "a list […]"
	case reflect.String:
		return "text in quotes"
	case reflect.Bool:
		return "true or false"
	case reflect.Int:
		return "a whole number"
	}
	return t.String()
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func sortedKeys(m map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

type shape struct{ p *problems }

// checkShape checks a whole document (data is valid JSON).
func checkShape(data []byte, p *problems) {
	s := shape{p}
	if kindOf(data) != kObject {
		p.add("file", "", "", "should be an object {…} with \"format\": \"inreach\", not %s", kindOf(data).words())
		return
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		p.add("file", "", "", "could not be read (%s)", err.Error())
		return
	}
	fields := fieldsOf(documentType)
	for _, key := range sortedKeys(top) {
		t, ok := fields[key]
		if !ok {
			p.add("file", "", key, "is not a field of an Inreach file (check its spelling)")
			continue
		}
		raw := top[key]
		if t.Kind() != reflect.Slice {
			s.check(raw, t, "file", "", key)
			continue
		}
		switch kindOf(raw) {
		case kNull:
			continue
		case kArray:
		default:
			p.add("file", "", key, "should be a list […], not %s", kindOf(raw).words())
			continue
		}
		var elems []json.RawMessage
		json.Unmarshal(raw, &elems)
		for i, e := range elems {
			rec := key + "[" + strconv.Itoa(i) + "]"
			switch kindOf(e) {
			case kNull:
				continue
			case kObject:
			default:
				p.add(rec, "", "", "should be an object {…}, not %s", kindOf(e).words())
				continue
			}
			var m map[string]json.RawMessage
			json.Unmarshal(e, &m)
			id := ""
			if r, ok := m["id"]; ok && kindOf(r) == kString {
				json.Unmarshal(r, &id)
			}
			s.object(m, t.Elem(), rec, id, "")
		}
	}
}

// object checks the fields of one JSON object against struct type t.
func (s shape) object(m map[string]json.RawMessage, t reflect.Type, rec, id, path string) {
	fields := fieldsOf(t)
	for _, key := range sortedKeys(m) {
		ft, ok := fields[key]
		if !ok {
			s.p.add(rec, id, join(path, key), "is not a field of the Inreach format (check its spelling)")
			continue
		}
		s.check(m[key], ft, rec, id, join(path, key))
	}
}

// check checks one value against Go type t. null is accepted everywhere,
// as the decoder does (it leaves the zero value); Import then says what is
// missing.
func (s shape) check(raw json.RawMessage, t reflect.Type, rec, id, path string) {
	k := kindOf(raw)
	if k == kNull {
		return
	}
	want := t
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	bad := func() {
		s.p.add(rec, id, path, "should be %s, not %s", expected(want), k.words())
	}
	switch {
	case t == sectionsType || t.Kind() == reflect.Map:
		if k != kObject {
			bad()
			return
		}
		var m map[string]json.RawMessage
		json.Unmarshal(raw, &m)
		for _, key := range sortedKeys(m) {
			if vk := kindOf(m[key]); vk != kString && vk != kNull {
				s.p.add(rec, id, join(path, key), "should be text in quotes, not %s", vk.words())
			}
		}
	case t.Kind() == reflect.Struct:
		if k != kObject {
			bad()
			return
		}
		var m map[string]json.RawMessage
		json.Unmarshal(raw, &m)
		s.object(m, t, rec, id, path)
	case t.Kind() == reflect.Slice:
		if k != kArray {
			bad()
			return
		}
		var elems []json.RawMessage
		json.Unmarshal(raw, &elems)
		for i, e := range elems {
			s.check(e, t.Elem(), rec, id, path+"["+strconv.Itoa(i)+"]")
		}
	case t.Kind() == reflect.String:
		if k != kString {
			bad()
		}
	case t.Kind() == reflect.Bool:
		if k != kBool {
			bad()
		}
	case t.Kind() == reflect.Int:
		if k != kNumber {
			bad()
			return
		}
		if _, err := strconv.ParseInt(strings.TrimSpace(string(raw)), 10, 32); err != nil {
			s.p.add(rec, id, path, "should be a whole number (no decimal point, not too large)")
		}
	}
}
