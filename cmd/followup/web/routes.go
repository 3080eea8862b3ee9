package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
)

// Handler is the server's whole HTTP handler: cross-site form posts are
// refused before they reach the route table.
func (s *Server) Handler() http.Handler {
	return http.NewCrossOriginProtection().Handler(s.engine())
}

// engine builds the Gin engine with the whole route table, grouped by who
// may use it.
func (s *Server) engine() *gin.Engine {
	r := s.Engine()
	h := s.Handle
	form, upload := site.LimitBody(site.FormLimit), site.LimitBody(site.UploadLimit)

	// Anyone: assets, the start page, the choice of language, sign-in.
	r.GET("/static/*file", h(s.Static))
	r.GET("/farger/:plan", h(s.ScaleCSS))
	r.GET("/healthz", site.Healthz)
	r.GET("/", s.Identify(), h(s.Home))
	r.POST("/sprak", form, h(s.SetLanguage))
	r.GET("/logga-in", s.Identify(), h(s.showSignin))
	r.POST("/logga-in", form, h(s.signin))
	r.POST("/logga-ut", form, h(s.signout))

	// A department, through its own link: its questionnaire and nothing else.
	q := s.questionnaire
	dept := r.Group("/r/:token", form, q.LimitLinkGuessing())
	dept.GET("", h(q.Show))
	dept.POST("", h(q.Post))
	dept.GET("/kvitto.pdf", h(q.Receipt))
	deptAPI := r.Group("/api/v1/r/:token", site.API(), form, q.LimitLinkGuessing())
	deptAPI.GET("", h(q.APIShow))
	deptAPI.POST("/draft", h(q.APIDraft))
	deptAPI.POST("/submit", h(q.APISubmit))

	// Office accounts, admins and readers alike: everything can be seen.
	view := r.Group("/kontor", s.Identify(), s.RequireAccount())
	view.GET("", h(s.dashboard))
	view.GET("/verksamheter", h(s.listDepartments))
	view.GET("/planer", h(s.listPlans))
	view.GET("/planer/mall.xlsx", h(s.planTemplate))
	view.GET("/planer/:plan", h(s.showPlan))
	view.GET("/planer/:plan/export.json", h(s.exportPlanJSON))
	view.GET("/omgangar", h(s.listRounds))
	view.GET("/omgangar/:round", h(s.showRound))
	view.GET("/omgangar/:round/matris", h(s.showMatrix))
	view.GET("/omgangar/:round/aktiviteter/:activity", h(s.showConsolidation))
	view.GET("/omgangar/:round/verksamheter/:dept", h(s.showResponse))
	view.GET("/omgangar/:round/rapport", h(s.showReport))
	view.GET("/omgangar/:round/rapport/texter/:kind", h(s.showReportText))
	view.GET("/omgangar/:round/export.xlsx", h(s.exportWorkbook))
	view.GET("/omgangar/:round/export.pdf", h(s.exportReport))

	// Admins only: every change.
	admin := r.Group("/kontor", s.Identify(), s.RequireAccount(), s.RequireAdmin(), form)
	admin.GET("/verksamheter/ny", h(s.newDepartment))
	admin.POST("/verksamheter", h(s.createDepartment))
	admin.GET("/verksamheter/:dept", h(s.editDepartment))
	admin.POST("/verksamheter/:dept", h(s.updateDepartment))
	admin.POST("/verksamheter/:dept/aktiv", h(s.setDepartmentActive))
	admin.GET("/verksamheter/import", h(s.showDepartmentImport))
	admin.POST("/planer", h(s.createPlan))
	admin.GET("/planer/ny", h(s.newPlan))
	admin.GET("/planer/import", h(s.showPlanImport))
	admin.POST("/planer/:plan", h(s.updatePlan))
	admin.POST("/planer/:plan/omraden", h(s.addArea))
	admin.POST("/planer/:plan/omraden/:area", h(s.updateArea))
	admin.POST("/planer/:plan/omraden/:area/aktiviteter", h(s.addActivity))
	admin.POST("/planer/:plan/aktiviteter/:activity", h(s.updateActivity))
	admin.POST("/planer/:plan/skala", h(s.updateScale))
	admin.POST("/planer/:plan/arkiv", h(s.archivePlan))
	admin.GET("/omgangar/ny", h(s.newRound))
	admin.POST("/omgangar", h(s.createRound))
	admin.POST("/omgangar/:round/tillstand", h(s.setRoundState))
	admin.POST("/omgangar/:round/datum", h(s.setRoundDates))
	admin.POST("/omgangar/:round/deltagare", h(s.setParticipants))
	admin.GET("/omgangar/:round/lankar", h(s.showLinks))
	admin.POST("/omgangar/:round/lankar/:dept", h(s.replaceLink))
	admin.POST("/omgangar/:round/verksamheter/:dept/aterlamna", h(s.returnResponse))
	admin.POST("/omgangar/:round/aktiviteter/:activity", h(s.saveConsolidation))
	admin.POST("/omgangar/:round/rapport", h(s.saveReportSettings))
	admin.POST("/omgangar/:round/rapport/texter/:kind", h(s.saveReportText))
	admin.GET("/logg", h(s.showAudit))
	admin.GET("/konton", h(s.listAccounts))
	admin.POST("/konton", h(s.createAccount))
	admin.POST("/konton/:user/aktiv", h(s.setAccountActive))
	admin.POST("/api-nycklar", h(s.createAPIToken))
	admin.POST("/api-nycklar/:token/aterkalla", h(s.revokeAPIToken))
	uploads := r.Group("/kontor", s.Identify(), s.RequireAccount(), s.RequireAdmin(), upload)
	uploads.POST("/verksamheter/import", h(s.previewDepartmentImport))
	uploads.POST("/verksamheter/import/bekrafta", h(s.confirmDepartmentImport))
	uploads.POST("/planer/import", h(s.previewPlanImport))
	uploads.POST("/planer/import/bekrafta", h(s.confirmPlanImport))

	// The office's JSON API, by session or API token.
	api := r.Group("/api/v1", site.API(), s.Identify(), s.RequireAccount())
	api.GET("/departments", h(s.apiDepartments))
	api.GET("/plans", h(s.apiPlans))
	api.GET("/plans/:plan", h(s.apiPlan))
	api.GET("/rounds", h(s.apiRounds))
	api.GET("/rounds/:round", h(s.apiRound))
	api.GET("/rounds/:round/progress", h(s.apiProgress))
	api.GET("/rounds/:round/responses", h(s.apiResponses))
	api.GET("/rounds/:round/responses/:dept", h(s.apiResponse))
	api.GET("/rounds/:round/consolidations", h(s.apiConsolidations))
	api.GET("/rounds/:round/report-settings", h(s.apiGetReportSettings))
	api.GET("/rounds/:round/texts", h(s.apiRoundTexts))
	apiAdmin := r.Group("/api/v1", site.API(), s.Identify(), s.RequireAccount(), s.RequireAdmin(), upload)
	apiAdmin.POST("/departments", h(s.apiCreateDepartment))
	apiAdmin.POST("/plans", h(s.apiImportPlan))
	apiAdmin.POST("/rounds", h(s.apiCreateRound))
	apiAdmin.POST("/rounds/:round/open", h(s.apiOpenRound))
	apiAdmin.POST("/rounds/:round/close", h(s.apiCloseRound))
	apiAdmin.GET("/rounds/:round/links", h(s.apiLinks))
	apiAdmin.POST("/rounds/:round/links/:dept/replace", h(s.apiReplaceLink))
	apiAdmin.POST("/rounds/:round/responses/:dept/return", h(s.apiReturnResponse))
	apiAdmin.PUT("/rounds/:round/consolidations/:activity", h(s.apiSaveConsolidation))
	apiAdmin.PUT("/rounds/:round/report-settings", h(s.apiSaveReportSettings))
	apiAdmin.PUT("/rounds/:round/texts/:kind", h(s.apiSaveRoundText))
	return r
}
