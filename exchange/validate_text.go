package exchange

import (
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"inreach/schema"
)

// oneLineFields are the fields (by their JSON name) that hold one line of
// text: ids, references, names, codes, enumerations, dates and times, and
// every value of a list of words. Every other text field may hold tabs and
// line breaks.
var oneLineFields = map[string]bool{
	"id": true, "name": true, "pseudonym": true, "prison_number": true, "status": true, "kind": true,
	"establishment": true, "person": true, "contact": true, "agency": true, "referral": true,
	"category": true, "phone": true, "email": true, "website": true, "item": true, "area": true,
	"not_seen_reason": true, "template": true, "direction": true, "channel": true, "format": true,
	"exported_at": true, "start": true, "end": true, "date": true, "due": true, "done_on": true,
	"date_of_birth": true, "release_date": true, "referral_date": true, "closed_on": true,
	"recorded_on": true, "last_checked": true, "reply_due": true, "signed_off_on": true,
}

// texts checks every text value of every record with schema.TextProblem:
// valid UTF-8, no control characters (tabs and line breaks only in fields
// of several lines), no bidirectional overrides, within the size limits.
func (v *validator) texts(d *Document) {
	dv := reflect.ValueOf(d).Elem()
	dt := dv.Type()
	for i := 0; i < dt.NumField(); i++ {
		f := dt.Field(i)
		name := jsonName(f)
		fv := dv.Field(i)
		switch fv.Kind() {
		case reflect.String:
			v.text("file", "", name, fv.String(), !oneLineFields[name])
		case reflect.Slice:
			for j := 0; j < fv.Len(); j++ {
				r := fv.Index(j)
				id := ""
				if idf := r.FieldByName("ID"); idf.IsValid() {
					id = idf.String()
				}
				v.walk(rec(name, j), id, "", r, false)
			}
		}
	}
}

func jsonName(f reflect.StructField) string {
	n, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if n == "" {
		n = f.Name
	}
	return n
}

func (v *validator) text(record, id, field, s string, multiLine bool) {
	if p := schema.TextProblem(s, multiLine); p != "" {
		v.p.add(record, id, field, "%s", p)
	}
}

var sectionsT = reflect.TypeOf(Sections{})

// walk checks the text values inside x, a value at path in a record.
// oneLine forces one-line checks (the words of a list).
func (v *validator) walk(record, id, path string, x reflect.Value, oneLine bool) {
	join := func(a, b string) string {
		if a == "" {
			return b
		}
		return a + "." + b
	}
	if x.Type() == sectionsT {
		for _, s := range x.Interface().(Sections) {
			f := path + "." + s.Key
			v.text(record, id, path, s.Key, false)
			v.text(record, id, f, s.Body, true)
		}
		return
	}
	switch x.Kind() {
	case reflect.Pointer:
		if !x.IsNil() {
			v.walk(record, id, path, x.Elem(), oneLine)
		}
	case reflect.String:
		last := path
		if i := strings.LastIndexByte(path, '.'); i >= 0 {
			last = path[i+1:]
		}
		v.text(record, id, path, x.String(), !oneLine && !oneLineFields[last])
	case reflect.Struct:
		t := x.Type()
		for i := 0; i < t.NumField(); i++ {
			if !t.Field(i).IsExported() {
				continue
			}
			v.walk(record, id, join(path, jsonName(t.Field(i))), x.Field(i), false)
		}
	case reflect.Slice:
		words := x.Type().Elem().Kind() == reflect.String
		for j := 0; j < x.Len(); j++ {
			v.walk(record, id, path+"["+strconv.Itoa(j)+"]", x.Index(j), words)
		}
	case reflect.Map:
		keys := x.MapKeys()
		sort.Slice(keys, func(a, b int) bool { return keys[a].String() < keys[b].String() })
		for _, k := range keys {
			f := join(path, k.String())
			v.text(record, id, path, k.String(), false)
			v.walk(record, id, f, x.MapIndex(k), false)
		}
	}
}

// EarliestBirthDate is the earliest date of birth Import accepts.
const EarliestBirthDate = schema.EarliestBirthDate

// birthDate refuses a date of birth before EarliestBirthDate or after
// today (v.today).
func (v *validator) birthDate(rec, id string, val *string) {
	if val == nil || *val == "" {
		return
	}
	if _, err := schema.ParseDate(*val); err != nil {
		return // reported by optDate
	}
	switch {
	case *val < EarliestBirthDate:
		v.p.add(rec, id, "date_of_birth", "%s is before %s: that cannot be right", quote(*val), EarliestBirthDate)
	case *val > v.today:
		v.p.add(rec, id, "date_of_birth", "%s is in the future", quote(*val))
	}
}

// endsBeforeStart refuses a contact whose end time is before its start.
func (v *validator) endsBeforeStart(rec, id, start, end string) {
	if start != "" && end != "" && schema.ValidTime(start) && schema.ValidTime(end) && end < start {
		v.p.add(rec, id, "end", "%s is before the start %s: a contact cannot end before it starts", quote(end), quote(start))
	}
}

func todayDate() string { return time.Now().Format("2006-01-02") }
