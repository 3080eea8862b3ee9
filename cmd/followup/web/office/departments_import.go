package office

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/site"
	"followup/forms"
	"followup/storage"
)

// Importing departments from CSV or XLSX: the upload is parsed and checked,
// a preview shows what would be added and changed, and only the
// confirmation writes. The preview carries the parsed rows to the
// confirmation in hidden fields, signed with the server's secret, and the
// confirmation validates them again.

// departmentImportView is the upload page, the refusal of a file and the
// preview.
type departmentImportView = importView[departmentPreview]

// departmentPreview is what an import would do.
type departmentPreview struct {
	Add, Change, Same []storage.ImportChange
	Rows              []departmentImportRow
	Digest            string
}

// departmentImportRow is one row carried from preview to confirmation.
type departmentImportRow struct {
	Line  int    `json:"line"`
	Name  string `json:"name"`
	Kind  string `json:"kind"`
	Email string `json:"email"`
}

const departmentImportPurpose = "departments"

// departmentImportPage is the department import's template and texts.
func departmentImportPage(l *i18n.Localizer) importPage {
	return importPage{template: "departments_import", title: l.T("departments.import_title"), previewTitle: l.T("departments.preview_title"),
		errorPrefix: l.T("departments.error_prefix"), noFile: l.T("departments.import.no_file")}
}

// DepartmentImport, GET /kontor/verksamheter/import, shows the upload page.
func (h *Handlers) DepartmentImport(c *gin.Context) error {
	return renderImport(h, c, http.StatusOK, departmentImportPage(h.site.Localizer(c)), &departmentImportView{})
}

// parseDepartmentFile reads an uploaded CSV or XLSX file into rows.
func parseDepartmentFile(data []byte) ([]forms.DepartmentRow, error) {
	if isXLSX(data) || isLegacyXLS(data) {
		table, err := departmentTableXLSX(data)
		if err != nil {
			return nil, err
		}
		return forms.DepartmentRowsFromTable(table)
	}
	return forms.ParseDepartmentsCSV(bytes.NewReader(data))
}

// PreviewDepartmentImport, POST /kontor/verksamheter/import, reads an
// uploaded file and shows what importing it would add and change, writing
// nothing.
func (h *Handlers) PreviewDepartmentImport(c *gin.Context) error {
	pg := departmentImportPage(h.site.Localizer(c))
	v, data, err := importUpload[departmentPreview](c, pg)
	if err != nil {
		return err
	}
	if data == nil {
		return renderImport(h, c, http.StatusUnprocessableEntity, pg, v)
	}
	rows, err := parseDepartmentFile(data)
	if err != nil {
		return refuseImport(h, c, pg, v, err)
	}
	changes, err := h.site.DB.PreviewDepartmentImport(c.Request.Context(), rows)
	if err != nil {
		return err
	}
	p := &departmentPreview{}
	for _, ch := range changes {
		switch ch.Action {
		case "add":
			p.Add = append(p.Add, ch)
		case "change":
			p.Change = append(p.Change, ch)
		default:
			p.Same = append(p.Same, ch)
		}
	}
	for _, r := range rows {
		p.Rows = append(p.Rows, departmentImportRow{Line: r.Line, Name: r.Input.Name, Kind: r.Input.Kind, Email: r.Input.Email})
	}
	payload, _ := json.Marshal(p.Rows)
	p.Digest = h.dpDigest(departmentImportPurpose, payload)
	v.Preview = p
	return renderImport(h, c, http.StatusOK, pg, v)
}

// departmentRowsFromForm rebuilds the rows a preview carried and checks
// them again with the domain's rules.
func departmentRowsFromForm(values url.Values) ([]departmentImportRow, []forms.DepartmentRow, error) {
	lines, names, kinds, emails := values["line"], values["name"], values["kind"], values["email"]
	if len(names) == 0 || len(lines) != len(names) || len(kinds) != len(names) || len(emails) != len(names) {
		return nil, nil, forms.Errorf(forms.EINVALID, "the preview's rows are incomplete")
	}
	carried := make([]departmentImportRow, len(names))
	table := [][]string{{"name", "kind", "email"}}
	for i := range names {
		line, err := strconv.Atoi(lines[i])
		if err != nil || line <= 0 {
			return nil, nil, forms.Errorf(forms.EINVALID, "the preview's rows are incomplete")
		}
		carried[i] = departmentImportRow{Line: line, Name: names[i], Kind: kinds[i], Email: emails[i]}
		table = append(table, []string{names[i], kinds[i], emails[i]})
	}
	rows, err := forms.DepartmentRowsFromTable(table)
	if err != nil {
		return nil, nil, err
	}
	for i := range rows {
		// The table numbers its rows from the header; give each the line
		// of the uploaded file again.
		rows[i].Line = carried[rows[i].Line-2].Line
	}
	return carried, rows, nil
}

// ConfirmDepartmentImport, POST /kontor/verksamheter/import/bekrafta,
// writes the rows the preview showed, checked again.
func (h *Handlers) ConfirmDepartmentImport(c *gin.Context) error {
	values, err := site.ParseForm(c)
	if err != nil {
		return err
	}
	l := h.site.Localizer(c)
	carried, rows, err := departmentRowsFromForm(values)
	if err == nil {
		payload, _ := json.Marshal(carried)
		if !h.dpDigestOK(departmentImportPurpose, payload, values.Get("digest")) {
			err = forms.Errorf(forms.EINVALID, "the preview was changed")
		}
	}
	if err != nil {
		if forms.ErrorCode(err) != forms.EINVALID {
			return err
		}
		v := &departmentImportView{Error: l.T("departments.import.tampered")}
		return renderImport(h, c, http.StatusUnprocessableEntity, departmentImportPage(l), v)
	}
	changes, err := h.site.DB.ImportDepartments(c.Request.Context(), rows, site.AccountOf(c).Actor())
	if err != nil {
		return err
	}
	added, changed := 0, 0
	for _, ch := range changes {
		switch ch.Action {
		case "add":
			added++
		case "change":
			changed++
		}
	}
	c.Redirect(http.StatusSeeOther, "/kontor/verksamheter?importerad=1&tillagda="+strconv.Itoa(added)+"&andrade="+strconv.Itoa(changed))
	return nil
}
