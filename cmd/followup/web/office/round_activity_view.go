package office

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/site"
	"followup/forms"
)

// consolidationView is what the consolidation page of one activity shows:
// every assigned department's answer (drafts and returned responses too,
// marked, for the office sees what is coming), the suggested status with
// its rule and counts (which count submitted answers only), the office's
// saved consolidation and its history, and (for admins) the form to save a
// new version.
type consolidationView struct {
	Round    forms.Round
	Plan     *forms.Plan
	Area     forms.Area
	Activity forms.Activity
	Index    int // 1-based position in the plan
	Total    int
	Prev     *forms.Activity
	Next     *forms.Activity
	Rows     []consRow
	// Annual is true when the round is compared with an interim round.
	Annual       bool
	InterimTitle string
	Suggestion   forms.Suggestion
	RuleText     string
	CountsText   string
	// CarryStatuses names the statuses that carry an activity over to
	// next year whatever the office marks, for the form's hint.
	CarryStatuses string
	Saved         *consVersion // the current consolidation; nil before the first save
	History       []consVersion
	Form          consForm
	Errors        []site.FieldError
	FieldErrs     map[string]string
	Conflict      *consVersion // what another coordinator saved while this one wrote
	Notice        string       // already translated; shown with role=status
	Loc           *time.Location
	// consolidations holds every saved consolidation of the round, to name
	// the one just saved in the notice.
	consolidations map[int64]forms.Consolidation
}

// consRow is one department's answer about the activity.
type consRow struct {
	Department forms.Department
	Answered   bool
	Status     forms.Status
	// Empty and InterimEmpty name a cell without a status: "Ej
	// inlämnad" or "Ej besvarad".
	Empty, InterimEmpty string
	// Draft and Returned mark an answer shown but not counted: its
	// response is a draft, or was returned for completion.
	Draft, Returned bool
	Comment         string
	NeedsSupport    bool
	InterimAnswered bool
	Interim         forms.Status
}

// consVersion is one saved version of the consolidation, ready to show.
type consVersion struct {
	forms.Consolidation
	Status    forms.Status
	HasStatus bool
	By        string // the author's name and e-mail when the account is known
}

// consForm is what the form shows: stored, suggested, or as typed.
type consForm struct {
	StatusID        int64
	Narrative       string
	IncludeComments bool
	Continues       bool
	CarryReason     string
	BaseVersion     int
}

// consFormOf reads the form as posted (or as kept after the session
// expired).
func consFormOf(v url.Values) consForm {
	f := consForm{Narrative: v.Get("narrative"), IncludeComments: site.Checked(v.Get("include_comments")),
		Continues: site.Checked(v.Get("continues")), CarryReason: v.Get("carry_reason")}
	f.BaseVersion, _ = strconv.Atoi(v.Get("v"))
	return f
}

// consParams reads :round and :activity; anything but positive ids is
// ENOTFOUND.
func consParams(c *gin.Context) (roundID, activityID int64, err error) {
	if roundID, err = site.ParamID(c, "round"); err != nil {
		return 0, 0, err
	}
	activityID, err = site.ParamID(c, "activity")
	return roundID, activityID, err
}

// loadConsolidation builds the page's view from the stored round; the form
// shows the saved consolidation or, before the first save, the suggestion.
func (h *Handlers) loadConsolidation(ctx context.Context, l *i18n.Localizer, roundID, activityID int64) (*consolidationView, error) {
	rep, err := h.site.DB.RoundReport(ctx, roundID)
	if err != nil {
		return nil, err
	}
	act, ok := rep.Plan.Activity(activityID)
	if !ok {
		return nil, forms.Errorf(forms.ENOTFOUND, "no activity %d in round %d", activityID, roundID)
	}
	area, _ := rep.Plan.AreaOf(activityID)
	v := &consolidationView{Round: rep.Round, Plan: &rep.Plan, Area: area, Activity: act, Loc: h.site.Loc,
		Annual: rep.InterimRound != nil, FieldErrs: map[string]string{}, consolidations: rep.Consolidations}
	if rep.InterimRound != nil {
		v.InterimTitle = rep.InterimRound.Title
	}
	v.neighbours(rep.Plan.Activities())
	for _, d := range rep.Assigned(act) {
		v.Rows = append(v.Rows, consRowOf(l, rep, act, d, v.Annual))
	}
	v.Suggestion = rep.Suggestion(act)
	v.RuleText = consRuleText(l, v.Suggestion)
	v.CountsText = i18n.Tally(l, rep.Plan.Statuses, v.Suggestion.Tally)
	var carry []string
	for _, st := range rep.Plan.Statuses {
		if st.CarriesOver {
			carry = append(carry, st.Name)
		}
	}
	v.CarryStatuses = strings.Join(carry, "; ")

	names := h.consAuthorNames(ctx)
	if saved, ok := rep.Consolidations[act.ID]; ok {
		cv := consVersionOf(rep.Plan.Statuses, saved, names)
		v.Saved = &cv
		v.Form = consForm{StatusID: saved.StatusID, Narrative: saved.Narrative, IncludeComments: saved.IncludeComments,
			Continues: saved.Continues, CarryReason: saved.CarryReason, BaseVersion: saved.Version}
	} else {
		v.Form = consForm{IncludeComments: true}
		if v.Suggestion.HasStatus {
			v.Form.StatusID = v.Suggestion.Status.ID
		}
	}
	hist, err := h.site.DB.ConsolidationHistory(ctx, roundID, act.ID)
	if err != nil {
		return nil, err
	}
	for _, h := range hist {
		v.History = append(v.History, consVersionOf(rep.Plan.Statuses, h, names))
	}
	return v, nil
}

// neighbours sets the activity's place in the plan and the activities
// before and after it.
func (v *consolidationView) neighbours(all []forms.Activity) {
	v.Total = len(all)
	for i, a := range all {
		if a.ID != v.Activity.ID {
			continue
		}
		v.Index = i + 1
		if i > 0 {
			p := all[i-1]
			v.Prev = &p
		}
		if i+1 < len(all) {
			n := all[i+1]
			v.Next = &n
		}
	}
}

// consRowOf is one department's answer about the activity; the office sees
// drafts and returned answers, marked, and in an annual round the interim
// answer beside.
func consRowOf(l *i18n.Localizer, rep *forms.RoundReport, act forms.Activity, d forms.Department, annual bool) consRow {
	row := consRow{Department: d}
	c := rep.Cell(d.ID, act, true)
	row.Empty = i18n.EmptyWord(l, c)
	if c.Shown() {
		row.Comment, row.NeedsSupport = c.Answer.Comment, c.Answer.NeedsSupport
		row.Status, row.Answered = c.Status, c.HasStatus
		if c.Mark == forms.MarkDraft {
			row.Returned = c.State == forms.ResponseReturned
			row.Draft = !row.Returned
		}
	}
	if annual {
		row.Interim, row.InterimAnswered = rep.InterimStatus(d.ID, act.ID)
		row.InterimEmpty = i18n.EmptyWord(l, rep.InterimCell(d.ID, act, false))
	}
	return row
}

// consAuthorNames maps account e-mails to "Name (e-mail)", so history rows
// say who saved; unknown authors are shown as stored.
func (h *Handlers) consAuthorNames(ctx context.Context) map[string]string {
	users, err := h.site.DB.Users(ctx)
	if err != nil {
		return nil
	}
	out := make(map[string]string, len(users))
	for _, u := range users {
		if u.Name != "" {
			out[u.Email] = u.Name + " (" + u.Email + ")"
		}
	}
	return out
}

// authorName is "Name (e-mail)" for a known account, else as stored.
func authorName(names map[string]string, author string) string {
	if n, ok := names[author]; ok {
		return n
	}
	return author
}

func consVersionOf(scale forms.Scale, c forms.Consolidation, names map[string]string) consVersion {
	st, ok := scale.ByID(c.StatusID)
	return consVersion{Consolidation: c, Status: st, HasStatus: ok, By: authorName(names, c.Author)}
}

// consRuleText says in words which branch of the suggestion rule applied.
func consRuleText(l *i18n.Localizer, sg forms.Suggestion) string {
	key := "cons.rule." + string(sg.Rule)
	if sg.HasStatus {
		return l.T(key, sg.Status.Name)
	}
	return l.T(key)
}

func (h *Handlers) consPath(roundID, activityID int64) string {
	return "/kontor/omgangar/" + strconv.FormatInt(roundID, 10) + "/aktiviteter/" + strconv.FormatInt(activityID, 10)
}
