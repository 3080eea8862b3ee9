package office

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/site"
	"followup/forms"
	"followup/storage"
)

// roundOption is one choice of a select on the round page; Label is a
// catalog key.
type roundOption struct {
	Value    string
	Label    string
	Selected bool
}

// roundPageView is a round's page: its state, the progress of every
// participant, and, while it is a draft, the choice of participants.
type roundPageView struct {
	Round  forms.Round
	Plan   *forms.Plan
	Rows   []storage.Progress
	Counts storage.ProgressCounts
	// CountText states the counts with the counting rule.
	CountText      string
	Sort           string
	Filter         string
	SortOptions    []roundOption
	FilterOptions  []roundOption
	SortLinks      map[string]string
	DeadlinePassed bool
	Loc            *time.Location
	Participants   []participantOption
	Errors         []site.FieldError
	FieldErrs      map[string]string
}

// Round, GET /kontor/omgangar/:round, shows a round: its state, every
// participant's progress, sorted and filtered as asked, and while it is a
// draft the choice of participants.
func (h *Handlers) Round(c *gin.Context) error {
	id, err := site.ParamID(c, "round")
	if err != nil {
		return err
	}
	return h.renderRound(c, http.StatusOK, id, nil, nil)
}

// renderRound shows a round's page; checked (the participants as typed)
// and formErr come from a refused participants form.
func (h *Handlers) renderRound(c *gin.Context, status int, id int64, checked []int64, formErr error) error {
	ctx := c.Request.Context()
	round, rows, err := h.site.DB.RoundProgress(ctx, id)
	if err != nil {
		return err
	}
	plan, err := h.site.DB.Plan(ctx, round.PlanID)
	if err != nil {
		return err
	}
	l := h.site.Localizer(c)
	v := &roundPageView{Round: round, Plan: plan, Counts: storage.CountProgress(rows), Loc: h.site.Loc, FieldErrs: map[string]string{},
		DeadlinePassed: round.State == forms.RoundOpen && round.DeadlinePassed(h.site.Now(), h.site.Loc)}
	v.CountText = i18n.ResponseCount(l, site.ResponseCount(v.Counts))

	v.Sort = c.Query("sortera")
	if v.Sort != roundSortState && v.Sort != roundSortSaved {
		v.Sort = roundSortName
	}
	var current []int64
	for _, p := range rows {
		current = append(current, p.Department.ID)
	}
	state, ok := roundStateOfSlug(c.Query("lage"))
	if ok {
		v.Filter = c.Query("lage")
	}
	rows = roundFilterProgress(rows, state)
	roundSortProgress(rows, v.Sort)
	v.Rows = rows
	v.SortLinks = map[string]string{}
	for _, o := range []struct{ value, label string }{
		{roundSortName, "rounds.sort.name"}, {roundSortState, "rounds.sort.state"}, {roundSortSaved, "rounds.sort.saved"},
	} {
		v.SortOptions = append(v.SortOptions, roundOption{Value: o.value, Label: o.label, Selected: o.value == v.Sort})
		v.SortLinks[o.value] = roundQuery(id, o.value, v.Filter) + "#framsteg"
	}
	v.FilterOptions = append(v.FilterOptions, roundOption{Value: "", Label: "rounds.filter.all", Selected: v.Filter == ""})
	for _, st := range roundStateSlugs {
		v.FilterOptions = append(v.FilterOptions, roundOption{Value: st.Slug, Label: "response.state." + string(st.State), Selected: st.Slug == v.Filter})
	}

	if a := site.AccountOf(c); a.IsAdmin() && round.State == forms.RoundDraft {
		deps, err := h.site.DB.Departments(ctx, true)
		if err != nil {
			return err
		}
		if checked == nil {
			checked = current
		}
		v.Participants = roundParticipantOptions(deps, checked)
	}
	title := round.Title
	if formErr != nil {
		title = l.T("questionnaire.error_title_prefix") + title
		labels := map[string]string{"departments": l.T("rounds.participants.legend")}
		v.Errors, v.FieldErrs = roundFormErrors(l, formErr, labels, map[string]string{"departments": "departments"})
	}
	return h.pages.Render(c, status, "round", site.Page{L: l, Title: title, Data: v, Flash: roundFlash(c)})
}

// SetRoundState, POST /kontor/omgangar/:round/tillstand, opens, closes or
// reopens a round.
func (h *Handlers) SetRoundState(c *gin.Context) error {
	before, err := h.loadRound(c)
	if err != nil {
		return err
	}
	id := before.ID
	state := forms.RoundState(c.PostForm("state"))
	if state != forms.RoundOpen && state != forms.RoundClosed {
		return forms.Errorf(forms.EINVALID, "unknown round state %q", state)
	}
	if err := h.site.DB.SetRoundState(c.Request.Context(), id, state, site.AccountOf(c).Actor()); err != nil {
		return err
	}
	flash := ""
	switch {
	case state == forms.RoundClosed && before.State != forms.RoundClosed:
		flash = "stangd"
	case state == forms.RoundOpen && before.State == forms.RoundDraft:
		flash = "oppnad"
	case state == forms.RoundOpen && before.State == forms.RoundClosed:
		flash = "oppnad-igen"
	}
	roundRedirect(c, roundPath(id), flash)
	return nil
}

// SetParticipants, POST /kontor/omgangar/:round/deltagare, changes who takes
// part in a draft round.
func (h *Handlers) SetParticipants(c *gin.Context) error {
	id, err := site.ParamID(c, "round")
	if err != nil {
		return err
	}
	if err := c.Request.ParseForm(); err != nil {
		return site.BodyError(err)
	}
	ctx := c.Request.Context()
	round, err := h.site.DB.Round(ctx, id)
	if err != nil {
		return err
	}
	ids, valid := roundParseIDs(c.Request.PostForm["departments"])
	switch {
	case round.State != forms.RoundDraft:
		err = &forms.Error{Code: forms.ECONFLICT, Message: "participants change only in a draft round",
			Fields: map[string]string{"departments": "error.round_participants_not_draft"}, Order: []string{"departments"}}
	case !valid:
		err = roundFieldErr("departments", "error.round_participants_unknown")
	default:
		err = h.site.DB.SetParticipants(ctx, id, ids, site.AccountOf(c).Actor())
	}
	if err == nil {
		roundRedirect(c, roundPath(id), "deltagare")
		return nil
	}
	switch forms.ErrorCode(err) {
	case forms.EINVALID, forms.ECONFLICT, forms.ECLOSED:
		if ids == nil {
			ids = []int64{}
		}
		return h.renderRound(c, site.Status(err), id, ids, err)
	}
	return err
}

// SetRoundDates, POST /kontor/omgangar/:round/datum, changes a round's
// reporting date and deadline, so the office can give departments more time
// or correct a date.
func (h *Handlers) SetRoundDates(c *gin.Context) error {
	round, err := h.loadRound(c)
	if err != nil {
		return err
	}
	if err := h.site.DB.SetRoundDates(c.Request.Context(), round.ID, c.PostForm("report_date"), c.PostForm("deadline"), site.AccountOf(c).Actor()); err != nil {
		return err
	}
	roundRedirect(c, roundPath(round.ID), "datum")
	return nil
}
