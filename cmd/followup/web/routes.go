package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Handler is the server's whole HTTP handler: cross-site form posts are
// refused before they reach the route table.
func (s *Server) Handler() http.Handler {
	return http.NewCrossOriginProtection().Handler(s.engine())
}

// engine builds the Gin engine: the middleware every request passes, then
// the whole route table, grouped by who may use it.
func (s *Server) engine() *gin.Engine {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.ContextWithFallback = true
	r.SetTrustedProxies(s.TrustedProxies)
	r.Use(requestID(), s.recoverPanic(), s.accessLog(), s.securityHeaders())
	r.NoRoute(func(c *gin.Context) { s.errorPage(c, notFound) })
	form, upload := limitBody(formBodyLimit), limitBody(uploadBodyLimit)

	// Anyone: assets, the start page, the choice of language, sign-in.
	r.GET("/static/*file", s.serveStatic)
	r.GET("/farger/:plan", s.scaleCSS)
	r.GET("/healthz", func(c *gin.Context) { c.String(http.StatusOK, "ok") })
	r.GET("/", s.identify(), s.home)
	r.POST("/sprak", form, s.setLanguage)
	r.GET("/logga-in", s.identify(), s.showSignin)
	r.POST("/logga-in", form, s.signin)
	r.POST("/logga-ut", form, s.signout)

	// A department, through its own link: its questionnaire and nothing else.
	dept := r.Group("/r/:token", form, s.limitLinkGuessing())
	dept.GET("", s.showQuestionnaire)
	dept.POST("", s.postQuestionnaire)
	dept.GET("/kvitto.pdf", s.receiptPDF)
	deptAPI := r.Group("/api/v1/r/:token", form, s.limitLinkGuessing())
	deptAPI.GET("", s.apiQuestionnaire)
	deptAPI.POST("/draft", s.apiSaveDraft)
	deptAPI.POST("/submit", s.apiSubmit)

	// Office accounts, admins and readers alike: everything can be seen.
	view := r.Group("/kontor", s.identify(), s.requireAccount())
	view.GET("", s.dashboard)
	view.GET("/verksamheter", s.listDepartments)
	view.GET("/planer", s.listPlans)
	view.GET("/planer/mall.xlsx", s.planTemplate)
	view.GET("/planer/:plan", s.showPlan)
	view.GET("/planer/:plan/export.json", s.exportPlanJSON)
	view.GET("/omgangar", s.listRounds)
	view.GET("/omgangar/:round", s.showRound)
	view.GET("/omgangar/:round/matris", s.showMatrix)
	view.GET("/omgangar/:round/aktiviteter/:activity", s.showConsolidation)
	view.GET("/omgangar/:round/verksamheter/:dept", s.showResponse)
	view.GET("/omgangar/:round/rapport", s.showReport)
	view.GET("/omgangar/:round/rapport/texter/:kind", s.showReportText)
	view.GET("/omgangar/:round/export.xlsx", s.exportWorkbook)
	view.GET("/omgangar/:round/export.pdf", s.exportReport)

	// Admins only: every change.
	admin := r.Group("/kontor", s.identify(), s.requireAccount(), s.requireAdmin(), form)
	admin.GET("/verksamheter/ny", s.newDepartment)
	admin.POST("/verksamheter", s.createDepartment)
	admin.GET("/verksamheter/:dept", s.editDepartment)
	admin.POST("/verksamheter/:dept", s.updateDepartment)
	admin.POST("/verksamheter/:dept/aktiv", s.setDepartmentActive)
	admin.GET("/verksamheter/import", s.showDepartmentImport)
	admin.POST("/planer", s.createPlan)
	admin.GET("/planer/ny", s.newPlan)
	admin.GET("/planer/import", s.showPlanImport)
	admin.POST("/planer/:plan", s.updatePlan)
	admin.POST("/planer/:plan/omraden", s.addArea)
	admin.POST("/planer/:plan/omraden/:area", s.updateArea)
	admin.POST("/planer/:plan/omraden/:area/aktiviteter", s.addActivity)
	admin.POST("/planer/:plan/aktiviteter/:activity", s.updateActivity)
	admin.POST("/planer/:plan/skala", s.updateScale)
	admin.POST("/planer/:plan/arkiv", s.archivePlan)
	admin.GET("/omgangar/ny", s.newRound)
	admin.POST("/omgangar", s.createRound)
	admin.POST("/omgangar/:round/tillstand", s.setRoundState)
	admin.POST("/omgangar/:round/datum", s.setRoundDates)
	admin.POST("/omgangar/:round/deltagare", s.setParticipants)
	admin.GET("/omgangar/:round/lankar", s.showLinks)
	admin.POST("/omgangar/:round/lankar/:dept", s.replaceLink)
	admin.POST("/omgangar/:round/verksamheter/:dept/aterlamna", s.returnResponse)
	admin.POST("/omgangar/:round/aktiviteter/:activity", s.saveConsolidation)
	admin.POST("/omgangar/:round/rapport", s.saveReportSettings)
	admin.POST("/omgangar/:round/rapport/texter/:kind", s.saveReportText)
	admin.GET("/logg", s.showAudit)
	admin.GET("/konton", s.listAccounts)
	admin.POST("/konton", s.createAccount)
	admin.POST("/konton/:user/aktiv", s.setAccountActive)
	admin.POST("/api-nycklar", s.createAPIToken)
	admin.POST("/api-nycklar/:token/aterkalla", s.revokeAPIToken)
	uploads := r.Group("/kontor", s.identify(), s.requireAccount(), s.requireAdmin(), upload)
	uploads.POST("/verksamheter/import", s.previewDepartmentImport)
	uploads.POST("/verksamheter/import/bekrafta", s.confirmDepartmentImport)
	uploads.POST("/planer/import", s.previewPlanImport)
	uploads.POST("/planer/import/bekrafta", s.confirmPlanImport)

	// The office's JSON API, by session or API token.
	api := r.Group("/api/v1", s.identify(), s.requireAccount())
	api.GET("/departments", s.apiDepartments)
	api.GET("/plans", s.apiPlans)
	api.GET("/plans/:plan", s.apiPlan)
	api.GET("/rounds", s.apiRounds)
	api.GET("/rounds/:round", s.apiRound)
	api.GET("/rounds/:round/progress", s.apiProgress)
	api.GET("/rounds/:round/responses", s.apiResponses)
	api.GET("/rounds/:round/responses/:dept", s.apiResponse)
	api.GET("/rounds/:round/consolidations", s.apiConsolidations)
	api.GET("/rounds/:round/report-settings", s.apiGetReportSettings)
	api.GET("/rounds/:round/texts", s.apiRoundTexts)
	apiAdmin := r.Group("/api/v1", s.identify(), s.requireAccount(), s.requireAdmin(), upload)
	apiAdmin.POST("/departments", s.apiCreateDepartment)
	apiAdmin.POST("/plans", s.apiImportPlan)
	apiAdmin.POST("/rounds", s.apiCreateRound)
	apiAdmin.POST("/rounds/:round/open", s.apiOpenRound)
	apiAdmin.POST("/rounds/:round/close", s.apiCloseRound)
	apiAdmin.GET("/rounds/:round/links", s.apiLinks)
	apiAdmin.POST("/rounds/:round/links/:dept/replace", s.apiReplaceLink)
	apiAdmin.POST("/rounds/:round/responses/:dept/return", s.apiReturnResponse)
	apiAdmin.PUT("/rounds/:round/consolidations/:activity", s.apiSaveConsolidation)
	apiAdmin.PUT("/rounds/:round/report-settings", s.apiSaveReportSettings)
	apiAdmin.PUT("/rounds/:round/texts/:kind", s.apiSaveRoundText)
	return r
}
