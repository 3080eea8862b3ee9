package forms

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
)

// PlanDocument is the plan's JSON exchange format. Users' scripts rely on it:
// add fields, never rename or remove them.
type PlanDocument struct {
	Organisation string           `json:"organisation"`
	Year         int              `json:"year"`
	Title        string           `json:"title"`
	Statuses     []StatusDocument `json:"statuses,omitempty"`
	Areas        []AreaDocument   `json:"areas"`
}

// StatusDocument is a status of the scale in the exchange format.
type StatusDocument struct {
	Name            string `json:"name"`
	Color           string `json:"color"`
	Done            bool   `json:"done,omitempty"`
	CarriesOver     bool   `json:"carries_over,omitempty"`
	NotApplicable   bool   `json:"not_applicable,omitempty"`
	CommentRequired bool   `json:"comment_required,omitempty"`
}

// AreaDocument is an area in the exchange format.
type AreaDocument struct {
	Title      string             `json:"title"`
	Activities []ActivityDocument `json:"activities"`
}

// ActivityDocument is an activity in the exchange format.
type ActivityDocument struct {
	Title       string      `json:"title"`
	Description string      `json:"description"`
	Respondents Respondents `json:"respondents"`
	// Origin names the activity this one was carried from; see
	// OriginDocument. Files without it import as before.
	Origin *OriginDocument `json:"origin,omitempty"`
}

// Respondents is "all" or a list of department names.
type Respondents struct {
	All   bool
	Names []string
}

// MarshalJSON writes "all" or the list of names.
func (r Respondents) MarshalJSON() ([]byte, error) {
	if r.All {
		return []byte(`"all"`), nil
	}
	names := r.Names
	if names == nil {
		names = []string{}
	}
	return json.Marshal(names)
}

// UnmarshalJSON reads "all" (any case; also "alla") or a list of names.
func (r *Respondents) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "all", "alla":
			*r = Respondents{All: true}
			return nil
		}
		return fmt.Errorf(`respondents must be "all" or a list of department names, not %q`, s)
	}
	var names []string
	if err := json.Unmarshal(b, &names); err != nil {
		return errors.New(`respondents must be "all" or a list of department names`)
	}
	*r = Respondents{Names: names}
	return nil
}

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

func lineOf(data []byte, off int64) int {
	l, _ := position(data, off)
	return l
}

func position(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	col = int(off) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// ToPlan validates the document against the known departments and builds a
// plan. Every problem is reported by field path (areas[1].activities[0].title)
// in one EINVALID error; nothing is partly accepted.
func (doc *PlanDocument) ToPlan(departments []Department) (*Plan, error) {
	byName := map[string]Department{}
	for _, d := range departments {
		byName[strings.ToLower(d.Name)] = d
	}
	var problems []string
	add := func(path, format string, args ...any) {
		problems = append(problems, path+": "+fmt.Sprintf(format, args...))
	}
	p := &Plan{
		Organisation: strings.TrimSpace(doc.Organisation),
		Title:        strings.TrimSpace(doc.Title),
		Year:         doc.Year,
	}
	if p.Organisation == "" {
		add("organisation", "is empty")
	}
	if p.Title == "" {
		add("title", "is empty")
	}
	for _, f := range []struct{ path, v string }{{"organisation", p.Organisation}, {"title", p.Title}} {
		if k := CheckText(f.v, MaxTitleRunes); k != "" {
			add(f.path, "%s", textProblem(k))
		}
	}
	if doc.Year < 2000 || doc.Year > 2200 {
		add("year", "must be a year such as 2025, not %d", doc.Year)
	}
	if len(doc.Statuses) == 0 {
		p.Statuses = DefaultScale()
		for i := range p.Statuses {
			p.Statuses[i].Position = i
		}
	} else {
		for i, s := range doc.Statuses {
			p.Statuses = append(p.Statuses, Status{Position: i, Name: strings.TrimSpace(s.Name), Color: strings.ToLower(s.Color),
				Done: s.Done, CarriesOver: s.CarriesOver, NotApplicable: s.NotApplicable, CommentRequired: s.CommentRequired})
		}
		var fe FieldErrors
		p.Statuses.Validate(&fe)
		for _, f := range fe.order {
			add(f, "%s", scaleProblem(fe.fields[f]))
		}
	}
	if len(doc.Areas) == 0 {
		add("areas", "the plan has no areas")
	}
	if len(doc.Areas) > MaxAreas {
		add("areas", "the plan has %d areas; a plan may have at most %d", len(doc.Areas), MaxAreas)
	}
	if n := doc.countActivities(); n > MaxActivities {
		add("areas", "the plan has %d activities; a plan may have at most %d", n, MaxActivities)
		return nil, &Error{Code: EINVALID, Message: strings.Join(problems, "\n")}
	}
	areaTitles := map[string]bool{}
	for i, ad := range doc.Areas {
		path := fmt.Sprintf("areas[%d]", i)
		area := Area{Position: i, Title: strings.TrimSpace(ad.Title)}
		if area.Title == "" {
			add(path+".title", "is empty")
		} else if k := CheckText(area.Title, MaxTitleRunes); k != "" {
			add(path+".title", "%s", textProblem(k))
		}
		if areaTitles[strings.ToLower(area.Title)] && area.Title != "" {
			add(path+".title", "the area %q appears twice", area.Title)
		}
		areaTitles[strings.ToLower(area.Title)] = true
		titles := map[string]bool{}
		for j, acd := range ad.Activities {
			ap := fmt.Sprintf("%s.activities[%d]", path, j)
			act := Activity{Position: j, Title: strings.TrimSpace(acd.Title), Description: NormalizeText(acd.Description)}
			if act.Title == "" {
				add(ap+".title", "is empty")
			} else if k := CheckText(act.Title, MaxTitleRunes); k != "" {
				add(ap+".title", "%s", textProblem(k))
			} else if titles[strings.ToLower(act.Title)] {
				add(ap+".title", "the activity %q appears twice in area %q", act.Title, area.Title)
			}
			titles[strings.ToLower(act.Title)] = true
			if k := CheckText(acd.Description, MaxTextRunes); k != "" {
				add(ap+".description", "%s", textProblem(k))
			}
			switch {
			case acd.Respondents.All:
				act.AllDepartments = true
			case len(acd.Respondents.Names) == 0:
				add(ap+".respondents", `must be "all" or name at least one department`)
			default:
				for _, n := range acd.Respondents.Names {
					d, ok := byName[strings.ToLower(strings.TrimSpace(n))]
					if !ok {
						add(ap+".respondents", "unknown department %q", n)
						continue
					}
					act.DepartmentIDs = append(act.DepartmentIDs, d.ID)
				}
			}
			act.Origin, act.TimesCarried = acd.Origin.toOrigin(ap+".origin", doc.Year, add)
			area.Activities = append(area.Activities, act)
		}
		p.Areas = append(p.Areas, area)
	}
	if len(problems) > 0 {
		return nil, &Error{Code: EINVALID, Message: strings.Join(problems, "\n")}
	}
	return p, nil
}

// countActivities counts the activities of every area.
func (doc *PlanDocument) countActivities() int {
	n := 0
	for _, a := range doc.Areas {
		n += len(a.Activities)
	}
	return n
}

func textProblem(key string) string {
	switch key {
	case "error.text_encoding":
		return "is not valid UTF-8"
	case "error.text_control":
		return "holds control characters"
	case "error.text_bidi":
		return "holds characters that reverse the writing direction (U+202A–U+202E, U+2066–U+2069)"
	default:
		return "is too long"
	}
}

func scaleProblem(key string) string {
	switch key {
	case "error.required":
		return "is empty"
	case "error.duplicate":
		return "names a status twice"
	case "error.color":
		return `must be a colour such as "#1e8449"`
	case "error.status_flags":
		return "a done status cannot also carry over or be not applicable"
	case "error.scale_no_done":
		return "no status counts as done"
	case "error.scale_empty":
		return "the scale is empty"
	}
	return textProblem(key)
}

// NewPlanDocument writes a plan in the exchange format, naming departments
// by name.
func NewPlanDocument(p *Plan, departments []Department) *PlanDocument {
	names := map[int64]string{}
	for _, d := range departments {
		names[d.ID] = d.Name
	}
	doc := &PlanDocument{Organisation: p.Organisation, Year: p.Year, Title: p.Title, Areas: []AreaDocument{}}
	for _, s := range p.Statuses {
		doc.Statuses = append(doc.Statuses, StatusDocument{Name: s.Name, Color: s.Color, Done: s.Done,
			CarriesOver: s.CarriesOver, NotApplicable: s.NotApplicable, CommentRequired: s.CommentRequired})
	}
	for _, ar := range p.Areas {
		ad := AreaDocument{Title: ar.Title, Activities: []ActivityDocument{}}
		for _, a := range ar.Activities {
			r := Respondents{All: a.AllDepartments}
			for _, id := range a.DepartmentIDs {
				r.Names = append(r.Names, names[id])
			}
			ad.Activities = append(ad.Activities, ActivityDocument{Title: a.Title, Description: a.Description, Respondents: r,
				Origin: newOriginDocument(a)})
		}
		doc.Areas = append(doc.Areas, ad)
	}
	return doc
}
