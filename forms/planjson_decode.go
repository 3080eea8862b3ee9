package forms

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
)

// DecodePlanDocument reads a plan document, refusing malformed JSON and
// unknown fields with an EINVALID error naming the line and column.
func DecodePlanDocument(r io.Reader) (*PlanDocument, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var doc PlanDocument
	if err := dec.Decode(&doc); err != nil {
		return nil, jsonError(data, dec, err)
	}
	if dec.More() {
		return nil, Errorf(EINVALID, "line %d: unexpected data after the plan", lineOf(data, dec.InputOffset()))
	}
	return &doc, nil
}

// jsonError turns a decoding error into an EINVALID error naming the line
// and column where the document went wrong.
func jsonError(data []byte, dec *json.Decoder, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		// Offset counts the offending byte; point at it.
		line, col := position(data, max(syn.Offset-1, 0))
		return Errorf(EINVALID, "line %d, column %d: malformed JSON: %s", line, col, syn.Error())
	case errors.As(err, &typ):
		line, col := position(data, typ.Offset)
		return Errorf(EINVALID, "line %d, column %d: field %q must be %s", line, col, typ.Field, typ.Type.String())
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return Errorf(EINVALID, "the file ends before the plan is complete")
	default:
		// The decoder has read the whole document by now; for an unknown
		// field, find where the field is rather than where the file ends.
		off := dec.InputOffset()
		quoted, unknown := strings.CutPrefix(err.Error(), "json: unknown field ")
		if name, qerr := strconv.Unquote(quoted); unknown && qerr == nil {
			if at, found := unknownFieldOffset(data, name); found {
				off = at
			}
		}
		line, col := position(data, off)
		return Errorf(EINVALID, "line %d, column %d: %s", line, col, strings.TrimPrefix(err.Error(), "json: "))
	}
}

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// unknownFieldOffset returns the offset of the first object key called name
// that is not a field of the plan document's struct at that place.
func unknownFieldOffset(data []byte, name string) (int64, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var walk func(t reflect.Type) (int64, bool)
	walk = func(t reflect.Type) (int64, bool) {
		tok, err := dec.Token()
		if err != nil {
			return 0, false
		}
		if t != nil && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t != nil && reflect.PointerTo(t).Implements(unmarshalerType) {
			t = nil // decoded by its own method: no fields to check
		}
		switch tok {
		case json.Delim('['):
			var elem reflect.Type
			if t != nil && t.Kind() == reflect.Slice {
				elem = t.Elem()
			}
			for dec.More() {
				if off, found := walk(elem); found {
					return off, true
				}
			}
			dec.Token() // the closing bracket
		case json.Delim('{'):
			for dec.More() {
				key, err := dec.Token()
				if err != nil {
					return 0, false
				}
				k, _ := key.(string)
				var ft reflect.Type
				if t != nil && t.Kind() == reflect.Struct {
					f, ok := jsonField(t, k)
					if !ok && k == name {
						end := dec.InputOffset()
						return int64(bytes.LastIndexByte(data[:end-1], '"')), true
					}
					ft = f
				}
				if off, found := walk(ft); found {
					return off, true
				}
			}
			dec.Token() // the closing bracket
		}
		return 0, false
	}
	return walk(reflect.TypeFor[PlanDocument]())
}

// jsonField returns the type of the struct field encoding/json would decode
// key into: matched by tag name, ignoring case.
func jsonField(t reflect.Type, key string) (reflect.Type, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if tag == "" {
			tag = f.Name
		}
		if strings.EqualFold(tag, key) {
			return f.Type, true
		}
	}
	return nil, false
}

// lineOf returns the line, counted from 1, of the byte at off.
func lineOf(data []byte, off int64) int {
	l, _ := position(data, off)
	return l
}

// position returns the line and column, counted from 1, of the byte at off.
func position(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	col = int(off) - bytes.LastIndexByte(before, '\n')
	return line, col
}
