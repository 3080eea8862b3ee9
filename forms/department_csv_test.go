package forms_test

import (
	"reflect"
	"strings"
	"testing"

	"followup/forms"
)

func TestParseDepartmentsCSV(t *testing.T) {
	row := func(line int, name string, kind forms.DepartmentKind, email string) forms.DepartmentRow {
		return forms.DepartmentRow{Line: line, Input: forms.DepartmentInput{Name: name, Kind: string(kind), Email: email}}
	}
	tests := []struct {
		name string
		csv  string
		want []forms.DepartmentRow
	}{
		{"OK", "name,kind,email\nIT-avdelningen,förvaltning,it@example.se\nExempelby Energi AB,bolag,\n",
			[]forms.DepartmentRow{row(2, "IT-avdelningen", forms.KindAdministration, "it@example.se"), row(3, "Exempelby Energi AB", forms.KindCompany, "")}},
		{"OKByteOrderMark", "\xef\xbb\xbfname,kind,email\nIT,förvaltning,it@example.se\n",
			[]forms.DepartmentRow{row(2, "IT", forms.KindAdministration, "it@example.se")}},
		{"OKSemicolonsAsSwedishExcel", "\xef\xbb\xbfnamn;typ;e-post\r\nMiljö, hälsa och bygg;Förvaltning;mhb@example.se\r\nRäddningstjänsten Väst;forbund;\r\n",
			[]forms.DepartmentRow{row(2, "Miljö, hälsa och bygg", forms.KindAdministration, "mhb@example.se"), row(3, "Räddningstjänsten Väst", forms.KindFederation, "")}},
		{"OKQuotedComma", "name,kind,email\n\"Vatten, avlopp och renhållning AB\",bolag,\"va@example.se\"\n",
			[]forms.DepartmentRow{row(2, "Vatten, avlopp och renhållning AB", forms.KindCompany, "va@example.se")}},
		{"OKSwedishHeadersOtherOrder", "E-post,Namn,Typ\nbou@example.se,  Barn-  och utbildning ,FÖRVALTNING\n",
			[]forms.DepartmentRow{row(2, "Barn- och utbildning", forms.KindAdministration, "bou@example.se")}},
		{"OKNoEmailColumn", "namn,typ\nIT,förvaltning\n",
			[]forms.DepartmentRow{row(2, "IT", forms.KindAdministration, "")}},
		{"OKBlankLinesKeepLineNumbers", "name,kind,email\n\nIT,förvaltning,\n\n\nBolaget,bolag,\n,,\n",
			[]forms.DepartmentRow{row(3, "IT", forms.KindAdministration, ""), row(6, "Bolaget", forms.KindCompany, "")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := forms.ParseDepartmentsCSV(strings.NewReader(tt.csv))
			if err != nil {
				t.Fatalf("ParseDepartmentsCSV: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("rows = %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestParseDepartmentsCSVInvalid(t *testing.T) {
	tests := []struct {
		name string
		csv  string
		want []string // each must appear in the message
	}{
		{"ErrUnknownKind", "name,kind,email\nIT,förvaltning,\nKyrkan,församling,\n", []string{"line 3: kind must be förvaltning, bolag or förbund"}},
		{"ErrUnknownKindAfterBlankLines", "name,kind\n\n\nIT,avdelning\n", []string{"line 4: kind"}},
		{"ErrUnknownKindAfterQuotedNewline", "name,kind\n\"IT\navdelningen\",förvaltning\nX,y\n", []string{"line 4: kind"}},
		{"ErrDuplicateName", "name,kind\nIT-avdelningen,förvaltning\nBolaget,bolag\nit-avdelningen,bolag\n", []string{`line 4: "it-avdelningen" already appears on line 2`}},
		{"ErrDuplicateAfterBlankLine", "name,kind\n\nIT,förvaltning\n\nIT,förvaltning\n", []string{`line 5: "IT" already appears on line 3`}},
		{"ErrEmptyName", "name,kind\n ,bolag\n", []string{"line 2: name is empty"}},
		{"ErrEmail", "name,kind,email\nIT,förvaltning,inte en adress\n", []string{"line 2: email \"inte en adress\" is not an e-mail address"}},
		{"ErrEveryLineNamed", "name,kind\nA,x\nB,y\n", []string{"line 2: kind", "line 3: kind"}},
		{"ErrMissingKindColumn", "name,email\nIT,it@example.se\n", []string{`line 1: the header must name the columns name,kind,email; "kind" is missing`}},
		{"ErrEmptyFile", "", []string{"the file is empty"}},
		{"ErrBadQuotes", "name,kind\n\"IT,förvaltning\nX\"Y,bolag\n", []string{"not valid CSV"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := forms.ParseDepartmentsCSV(strings.NewReader(tt.csv))
			if rows != nil {
				t.Errorf("got rows %+v despite the error", rows)
			}
			e := errorOf(t, err)
			if e.Code != forms.EINVALID {
				t.Errorf("code = %q, want %q", e.Code, forms.EINVALID)
			}
			for _, w := range tt.want {
				if !strings.Contains(e.Message, w) {
					t.Errorf("message %q lacks %q", e.Message, w)
				}
			}
		})
	}
}

func TestDepartmentRowsFromTable(t *testing.T) {
	// A spreadsheet keeps empty rows; the row number is the line.
	rows, err := forms.DepartmentRowsFromTable([][]string{{"Namn", "Typ"}, {}, {"IT", "förvaltning"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].Line != 3 {
		t.Errorf("rows = %+v, want one row on line 3", rows)
	}
}

func TestDepartmentInputValidate(t *testing.T) {
	tests := []struct {
		name  string
		in    forms.DepartmentInput
		field string
	}{
		{"OK", forms.DepartmentInput{Name: "IT", Kind: "kommunalförbund", Email: " it@example.se "}, ""},
		{"ErrName", forms.DepartmentInput{Name: " ", Kind: "bolag"}, "name"},
		{"ErrNameControl", forms.DepartmentInput{Name: "IT\x00", Kind: "bolag"}, "name"},
		{"ErrKind", forms.DepartmentInput{Name: "IT", Kind: "enhet"}, "kind"},
		{"ErrEmailWithDisplayName", forms.DepartmentInput{Name: "IT", Kind: "bolag", Email: "IT <it@example.se>"}, "email"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			err := in.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				if in.Kind != string(forms.KindFederation) || in.Email != "it@example.se" {
					t.Errorf("normalised to %+v", in)
				}
				return
			}
			if _, ok := errorOf(t, err).Fields[tt.field]; !ok {
				t.Errorf("no error for %q: %v", tt.field, err)
			}
		})
	}
}
