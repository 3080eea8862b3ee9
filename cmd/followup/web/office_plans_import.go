package web

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

func (s *Server) showPlanImport(c *gin.Context) error {
	return renderImport(s, c, http.StatusOK, planImportPage(s.Localizer(c)), &planImportView{})
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

func (s *Server) previewPlanImport(c *gin.Context) error {
	l := s.Localizer(c)
	pg := planImportPage(l)
	v, data, err := importUpload[planPreview](c, pg)
	if err != nil {
		return err
	}
	if data == nil {
		return renderImport(s, c, http.StatusUnprocessableEntity, pg, v)
	}
	deps, err := s.DB.Departments(c.Request.Context(), true)
	if err != nil {
		return err
	}
	plan, doc, err := parsePlanFile(data, deps)
	if err != nil {
		return refuseImport(s, c, pg, v, err)
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	v.Preview = s.planPreviewOf(c, l, plan, deps)
	v.Preview.Document = string(b)
	v.Preview.Digest = s.dpDigest(planImportPurpose, b)
	return renderImport(s, c, http.StatusOK, pg, v)
}

// planPreviewOf describes the plan an import would create.
func (s *Server) planPreviewOf(c *gin.Context, l *i18n.Localizer, plan *forms.Plan, deps []forms.Department) *planPreview {
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
	if plans, err := s.DB.Plans(c.Request.Context()); err == nil {
		for _, x := range plans {
			if x.Year == plan.Year && strings.EqualFold(x.Title, plan.Title) {
				p.SameExists = true
			}
		}
	}
	return p
}

func (s *Server) confirmPlanImport(c *gin.Context) error {
	values, err := site.ParseForm(c)
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	l := s.Localizer(c)
	pg := planImportPage(l)
	docJSON := values.Get("document")
	if !s.dpDigestOK(planImportPurpose, []byte(docJSON), values.Get("digest")) {
		return renderImport(s, c, http.StatusUnprocessableEntity, pg, &planImportView{Error: l.T("plans.import.tampered")})
	}
	deps, err := s.DB.Departments(ctx, true)
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
		return refuseImport(s, c, pg, &planImportView{}, err)
	}
	id, err := s.DB.CreatePlan(ctx, plan, site.AccountOf(c).Actor())
	if err != nil {
		return err
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/kontor/planer/%d?importerad=1", id))
	return nil
}
