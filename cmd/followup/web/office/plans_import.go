package office

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/site"
	"followup/forms"
)

// Importing a plan from its JSON exchange format or from the spreadsheet
// template: the upload is checked against the departments, a preview shows
// the areas, activities and respondents, and only the confirmation creates
// the plan. The preview carries the plan as a JSON document, signed with the
// server's secret, and the confirmation checks it again.

// planImportView is the upload page, the refusal of a file and the preview.
type planImportView = importView[planPreview]

// planPreview is the plan an import would create.
type planPreview struct {
	Plan       *forms.Plan
	Areas      []planPreviewArea
	Activities int
	Statuses   []string
	Document   string // the plan as JSON, carried to the confirmation
	Digest     string
	SameExists bool // a plan with this title and year exists already
}

type planPreviewArea struct {
	Title      string
	Activities []planPreviewActivity
}

type planPreviewActivity struct {
	Title       string
	Description string
	Respondents string
}

const planImportPurpose = "plan"

// planImportPage is the plan import's template and texts.
func planImportPage(l *i18n.Localizer) importPage {
	return importPage{template: "plans_import", title: l.T("plans.import_title"), previewTitle: l.T("plans.preview_title"),
		errorPrefix: l.T("plans.error_prefix"), noFile: l.T("plans.import.no_file")}
}

// PlanImport, GET /kontor/planer/import, shows the upload page.
func (h *Handlers) PlanImport(c *gin.Context) error {
	return renderImport(h, c, http.StatusOK, planImportPage(h.site.Localizer(c)), &planImportView{})
}

// parsePlanFile reads an uploaded plan: a workbook made from the template,
// or the JSON exchange format.
func parsePlanFile(data []byte, deps []forms.Department) (*forms.Plan, *forms.PlanDocument, error) {
	if isXLSX(data) || isLegacyXLS(data) {
		sheets, err := planSheetsXLSX(data)
		if err != nil {
			return nil, nil, err
		}
		return sheets.ToPlan(deps)
	}
	doc, err := forms.DecodePlanDocument(bytes.NewReader(data))
	if err != nil {
		return nil, nil, err
	}
	p, err := doc.ToPlan(deps)
	return p, doc, err
}

// PreviewPlanImport, POST /kontor/planer/import, reads an uploaded plan and
// shows what importing it would create, writing nothing.
func (h *Handlers) PreviewPlanImport(c *gin.Context) error {
	l := h.site.Localizer(c)
	pg := planImportPage(l)
	v, data, err := importUpload[planPreview](c, pg)
	if err != nil {
		return err
	}
	if data == nil {
		return renderImport(h, c, http.StatusUnprocessableEntity, pg, v)
	}
	deps, err := h.site.DB.Departments(c.Request.Context(), true)
	if err != nil {
		return err
	}
	plan, doc, err := parsePlanFile(data, deps)
	if err != nil {
		return refuseImport(h, c, pg, v, err)
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	v.Preview = h.planPreviewOf(c, l, plan, deps)
	v.Preview.Document = string(b)
	v.Preview.Digest = h.dpDigest(planImportPurpose, b)
	return renderImport(h, c, http.StatusOK, pg, v)
}

// planPreviewOf describes the plan an import would create.
func (h *Handlers) planPreviewOf(c *gin.Context, l *i18n.Localizer, plan *forms.Plan, deps []forms.Department) *planPreview {
	names := map[int64]string{}
	for _, d := range deps {
		names[d.ID] = d.Name
	}
	p := &planPreview{Plan: plan}
	for _, ar := range plan.Areas {
		pa := planPreviewArea{Title: ar.Title}
		for _, a := range ar.Activities {
			pa.Activities = append(pa.Activities, planPreviewActivity{Title: a.Title, Description: a.Description, Respondents: planRespondents(l, a, names)})
			p.Activities++
		}
		p.Areas = append(p.Areas, pa)
	}
	for _, st := range plan.Statuses {
		p.Statuses = append(p.Statuses, st.Name)
	}
	if plans, err := h.site.DB.Plans(c.Request.Context()); err == nil {
		for _, x := range plans {
			if x.Year == plan.Year && strings.EqualFold(x.Title, plan.Title) {
				p.SameExists = true
			}
		}
	}
	return p
}

// ConfirmPlanImport, POST /kontor/planer/import/bekrafta, creates the plan
// the preview showed, checked again.
func (h *Handlers) ConfirmPlanImport(c *gin.Context) error {
	values, err := site.ParseForm(c)
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	l := h.site.Localizer(c)
	pg := planImportPage(l)
	docJSON := values.Get("document")
	if !h.dpDigestOK(planImportPurpose, []byte(docJSON), values.Get("digest")) {
		return renderImport(h, c, http.StatusUnprocessableEntity, pg, &planImportView{Error: l.T("plans.import.tampered")})
	}
	deps, err := h.site.DB.Departments(ctx, true)
	if err != nil {
		return err
	}
	doc, err := forms.DecodePlanDocument(strings.NewReader(docJSON))
	var plan *forms.Plan
	if err == nil {
		plan, err = doc.ToPlan(deps)
	}
	if err != nil {
		// The departments changed since the preview.
		return refuseImport(h, c, pg, &planImportView{}, err)
	}
	id, err := h.site.DB.CreatePlan(ctx, plan, site.AccountOf(c).Actor())
	if err != nil {
		return err
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/kontor/planer/%d?importerad=1", id))
	return nil
}
