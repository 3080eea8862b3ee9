package forms

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// DepartmentRow is one row of a department import, with the line it came
// from so that errors can name it.
type DepartmentRow struct {
	Line  int
	Input DepartmentInput
}

// ParseDepartmentsCSV reads departments from CSV with the header
// name,kind,email (Swedish headers namn,typ,e-post are accepted too). It takes
// UTF-8 with or without a byte-order mark and comma or semicolon separators,
// as Swedish Excel writes them. Every row is validated; any problem refuses
// the whole file with an EINVALID error naming each line.
func ParseDepartmentsCSV(r io.Reader) ([]DepartmentRow, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	firstLine, _, _ := bytes.Cut(data, []byte("\n"))
	cr := csv.NewReader(bytes.NewReader(data))
	if bytes.Count(firstLine, []byte(";")) > bytes.Count(firstLine, []byte(",")) {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	// Read record by record to learn each one's line: the reader skips
	// blank lines, and a quoted field may span several.
	var records [][]string
	var lines []int
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, Errorf(EINVALID, "the file is not valid CSV: %v", err)
		}
		line, _ := cr.FieldPos(0)
		records = append(records, rec)
		lines = append(lines, line)
	}
	return departmentRows(records, lines)
}

// DepartmentRowsFromTable validates the cells of an import table whose first
// row is the header; the spreadsheet import uses it too.
func DepartmentRowsFromTable(records [][]string) ([]DepartmentRow, error) {
	lines := make([]int, len(records))
	for i := range lines {
		lines[i] = i + 1
	}
	return departmentRows(records, lines)
}

// departmentRows validates records, of which lines[i] is the line where
// records[i] begins.
func departmentRows(records [][]string, lines []int) ([]DepartmentRow, error) {
	if len(records) == 0 {
		return nil, Errorf(EINVALID, "the file is empty")
	}
	if n := len(records) - 1; n > MaxImportRows {
		return nil, Errorf(EINVALID, "the file has %d rows; an import may have at most %d", n, MaxImportRows)
	}
	col := map[string]int{}
	for i, h := range records[0] {
		switch strings.ToLower(strings.TrimSpace(h)) {
		case "name", "namn":
			col["name"] = i
		case "kind", "typ", "sort":
			col["kind"] = i
		case "email", "e-mail", "e-post", "epost":
			col["email"] = i
		}
	}
	for _, c := range []string{"name", "kind"} {
		if _, ok := col[c]; !ok {
			return nil, Errorf(EINVALID, "line %d: the header must name the columns name,kind,email; %q is missing", lines[0], c)
		}
	}
	cell := func(rec []string, c string) string {
		i, ok := col[c]
		if !ok || i >= len(rec) {
			return ""
		}
		return rec[i]
	}
	var rows []DepartmentRow
	var problems []string
	seen := map[string]int{}
	for i, rec := range records[1:] {
		line := lines[i+1]
		if strings.TrimSpace(strings.Join(rec, "")) == "" {
			continue
		}
		in := DepartmentInput{Name: cell(rec, "name"), Kind: cell(rec, "kind"), Email: cell(rec, "email")}
		if err := in.Validate(); err != nil {
			e := err.(*Error)
			for _, f := range e.Order {
				if e.Fields[f] == "error.email" {
					for _, a := range InvalidContacts(in.Email) {
						problems = append(problems, fmt.Sprintf("line %d: email %q is not an e-mail address", line, a))
					}
					continue
				}
				problems = append(problems, fmt.Sprintf("line %d: %s %s", line, f, fieldProblem(e.Fields[f])))
			}
			continue
		}
		key := strings.ToLower(in.Name)
		if prev, ok := seen[key]; ok {
			problems = append(problems, fmt.Sprintf("line %d: %q already appears on line %d", line, in.Name, prev))
			continue
		}
		seen[key] = line
		rows = append(rows, DepartmentRow{Line: line, Input: in})
	}
	if len(problems) > 0 {
		return nil, &Error{Code: EINVALID, Message: strings.Join(problems, "\n")}
	}
	return rows, nil
}

func fieldProblem(key string) string {
	switch key {
	case "error.required":
		return "is empty"
	case "error.department_kind":
		return "must be förvaltning, bolag or förbund"
	case "error.too_many_contacts":
		return "names more than 10 addresses"
	}
	return textProblem(key)
}
