package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
)

// Handler is the server's whole HTTP handler: the route table inside the
// shared core's outer layer (request id, security headers, access log,
// HEAD, and the refusal of cross-site posts before the route table).
func (s *Server) Handler() http.Handler {
	return s.site.Handler(s.engine())
}

// engine builds the Gin engine with the whole route table, grouped by who
// may use it.
func (s *Server) engine() *gin.Engine {
	st, q, o, a := s.site, s.questionnaire, s.office, s.officeAPI
	r := st.Engine()
	h := st.Handle
	form, upload := site.LimitBody(site.FormLimit), site.LimitBody(site.UploadLimit)

	// Anyone: assets, the start page, the choice of language, sign-in.
	r.GET("/static/*file", h(st.Static))
	r.GET("/farger/:plan", h(st.ScaleCSS))
	r.GET("/healthz", site.Healthz)
	r.GET("/", st.Identify(), h(st.Home))
	r.POST("/sprak", form, h(st.SetLanguage))
	r.GET("/logga-in", st.Identify(), h(o.SigninPage))
	r.POST("/logga-in", form, h(o.Signin))
	r.POST("/logga-ut", form, h(o.Signout))

	// A department, through its own link: its questionnaire and nothing else.
	dept := r.Group("/r/:token", form, q.LimitLinkGuessing())
	dept.GET("", h(q.Show))
	dept.POST("", h(q.Post))
	dept.GET("/kvitto.pdf", h(q.Receipt))
	deptAPI := r.Group("/api/v1/r/:token", site.API(), form, q.LimitLinkGuessing())
	deptAPI.GET("", h(q.APIShow))
	deptAPI.POST("/draft", h(q.APIDraft))
	deptAPI.POST("/submit", h(q.APISubmit))

	// Office accounts, admins and readers alike: everything can be seen.
	view := r.Group("/kontor", st.Identify(), st.RequireAccount())
	view.GET("", h(o.Dashboard))
	view.GET("/verksamheter", h(o.Departments))
	view.GET("/planer", h(o.Plans))
	view.GET("/planer/mall.xlsx", h(o.PlanTemplate))
	view.GET("/planer/:plan", h(o.Plan))
	view.GET("/planer/:plan/export.json", h(o.ExportPlan))
	view.GET("/omgangar", h(o.Rounds))
	view.GET("/omgangar/:round", h(o.Round))
	view.GET("/omgangar/:round/matris", h(o.Matrix))
	view.GET("/omgangar/:round/aktiviteter/:activity", h(o.Consolidation))
	view.GET("/omgangar/:round/verksamheter/:dept", h(o.Response))
	view.GET("/omgangar/:round/rapport", h(o.Report))
	view.GET("/omgangar/:round/rapport/texter/:kind", h(o.ReportText))
	view.GET("/omgangar/:round/export.xlsx", h(o.ExportWorkbook))
	view.GET("/omgangar/:round/export.pdf", h(o.ExportReport))

	// Admins only: every change.
	admin := r.Group("/kontor", st.Identify(), st.RequireAccount(), st.RequireAdmin(), form)
	admin.GET("/verksamheter/ny", h(o.NewDepartment))
	admin.POST("/verksamheter", h(o.CreateDepartment))
	admin.GET("/verksamheter/:dept", h(o.EditDepartment))
	admin.POST("/verksamheter/:dept", h(o.UpdateDepartment))
	admin.POST("/verksamheter/:dept/aktiv", h(o.SetDepartmentActive))
	admin.GET("/verksamheter/import", h(o.DepartmentImport))
	admin.POST("/planer", h(o.CreatePlan))
	admin.GET("/planer/ny", h(o.NewPlan))
	admin.GET("/planer/import", h(o.PlanImport))
	admin.POST("/planer/:plan", h(o.UpdatePlan))
	admin.POST("/planer/:plan/omraden", h(o.AddArea))
	admin.POST("/planer/:plan/omraden/:area", h(o.UpdateArea))
	admin.POST("/planer/:plan/omraden/:area/aktiviteter", h(o.AddActivity))
	admin.POST("/planer/:plan/aktiviteter/:activity", h(o.UpdateActivity))
	admin.POST("/planer/:plan/skala", h(o.UpdateScale))
	admin.POST("/planer/:plan/arkiv", h(o.ArchivePlan))
	admin.GET("/omgangar/ny", h(o.NewRound))
	admin.POST("/omgangar", h(o.CreateRound))
	admin.POST("/omgangar/:round/tillstand", h(o.SetRoundState))
	admin.POST("/omgangar/:round/datum", h(o.SetRoundDates))
	admin.POST("/omgangar/:round/deltagare", h(o.SetParticipants))
	admin.GET("/omgangar/:round/lankar", h(o.Links))
	admin.POST("/omgangar/:round/lankar/:dept", h(o.ReplaceLink))
	admin.POST("/omgangar/:round/verksamheter/:dept/aterlamna", h(o.ReturnResponse))
	admin.POST("/omgangar/:round/aktiviteter/:activity", h(o.SaveConsolidation))
	admin.POST("/omgangar/:round/rapport", h(o.SaveReportSettings))
	admin.POST("/omgangar/:round/rapport/texter/:kind", h(o.SaveReportText))
	admin.GET("/logg", h(o.Audit))
	admin.GET("/konton", h(o.Accounts))
	admin.POST("/konton", h(o.CreateAccount))
	admin.POST("/konton/:user/aktiv", h(o.SetAccountActive))
	admin.POST("/api-nycklar", h(o.CreateAPIToken))
	admin.POST("/api-nycklar/:token/aterkalla", h(o.RevokeAPIToken))
	uploads := r.Group("/kontor", st.Identify(), st.RequireAccount(), st.RequireAdmin(), upload)
	uploads.POST("/verksamheter/import", h(o.PreviewDepartmentImport))
	uploads.POST("/verksamheter/import/bekrafta", h(o.ConfirmDepartmentImport))
	uploads.POST("/planer/import", h(o.PreviewPlanImport))
	uploads.POST("/planer/import/bekrafta", h(o.ConfirmPlanImport))

	// The office's JSON API, by session or API token.
	api := r.Group("/api/v1", site.API(), st.Identify(), st.RequireAccount())
	api.GET("/departments", h(a.Departments))
	api.GET("/plans", h(a.Plans))
	api.GET("/plans/:plan", h(a.Plan))
	api.GET("/rounds", h(a.Rounds))
	api.GET("/rounds/:round", h(a.Round))
	api.GET("/rounds/:round/progress", h(a.Progress))
	api.GET("/rounds/:round/responses", h(a.Responses))
	api.GET("/rounds/:round/responses/:dept", h(a.Response))
	api.GET("/rounds/:round/consolidations", h(a.Consolidations))
	api.GET("/rounds/:round/report-settings", h(a.ReportSettings))
	api.GET("/rounds/:round/texts", h(a.Texts))
	apiAdmin := r.Group("/api/v1", site.API(), st.Identify(), st.RequireAccount(), st.RequireAdmin(), upload)
	apiAdmin.POST("/departments", h(a.CreateDepartment))
	apiAdmin.POST("/plans", h(a.ImportPlan))
	apiAdmin.POST("/rounds", h(a.CreateRound))
	apiAdmin.POST("/rounds/:round/open", h(a.OpenRound))
	apiAdmin.POST("/rounds/:round/close", h(a.CloseRound))
	apiAdmin.GET("/rounds/:round/links", h(a.Links))
	apiAdmin.POST("/rounds/:round/links/:dept/replace", h(a.ReplaceLink))
	apiAdmin.POST("/rounds/:round/responses/:dept/return", h(a.ReturnResponse))
	apiAdmin.PUT("/rounds/:round/consolidations/:activity", h(a.SaveConsolidation))
	apiAdmin.PUT("/rounds/:round/report-settings", h(a.SaveReportSettings))
	apiAdmin.PUT("/rounds/:round/texts/:kind", h(a.SaveText))
	return r
}
