package office

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/site"
	"followup/forms"
	"followup/storage"
)

// roundFlashes maps the "klart" query parameter a redirect carries to the
// catalog key of the notice shown after a change; anything else shows none.
var roundFlashes = map[string]string{
	"datum":       "rounds.flash.dates",
	"skapad":      "rounds.flash.created",
	"oppnad":      "rounds.flash.opened",
	"stangd":      "rounds.flash.closed",
	"oppnad-igen": "rounds.flash.reopened",
	"deltagare":   "rounds.flash.participants",
	"lank":        "rounds.flash.link_replaced",
	"aterskickad": "rounds.flash.returned",
}

// roundFlash returns the notice key of the request's "klart" parameter.
func roundFlash(c *gin.Context) string { return roundFlashes[c.Query("klart")] }

// roundRedirect ends a successful change with post/redirect/get, carrying
// the notice to show.
func roundRedirect(c *gin.Context, path, flash string) {
	if flash != "" {
		path += "?klart=" + url.QueryEscape(flash)
	}
	c.Redirect(http.StatusSeeOther, path)
}

// roundDeptParams reads the round and the department of a path such as
// /kontor/omgangar/:round/verksamheter/:dept; anything else is not found.
func roundDeptParams(c *gin.Context) (roundID, depID int64, err error) {
	if roundID, err = site.ParamID(c, "round"); err != nil {
		return 0, 0, err
	}
	depID, err = site.ParamID(c, "dept")
	return roundID, depID, err
}

// loadRound loads the round of the path.
func (h *Handlers) loadRound(c *gin.Context) (forms.Round, error) {
	id, err := site.ParamID(c, "round")
	if err != nil {
		return forms.Round{}, err
	}
	return h.site.DB.Round(c.Request.Context(), id)
}

// roundPath is the office page of a round.
func roundPath(id int64) string { return "/kontor/omgangar/" + strconv.FormatInt(id, 10) }

// roundSummary is a round as listed on the dashboard and the rounds page.
type roundSummary struct {
	Round          forms.Round
	PlanTitle      string
	Counts         storage.ProgressCounts
	DeadlinePassed bool
}

// roundSummaries lists every round, newest first, with its plan's title and
// its progress counts, in three queries.
func (h *Handlers) roundSummaries(c *gin.Context) ([]roundSummary, []storage.PlanSummary, error) {
	ctx := c.Request.Context()
	rounds, err := h.site.DB.Rounds(ctx)
	if err != nil {
		return nil, nil, err
	}
	plans, err := h.site.DB.Plans(ctx)
	if err != nil {
		return nil, nil, err
	}
	counts, err := h.site.DB.RoundCounts(ctx)
	if err != nil {
		return nil, nil, err
	}
	titles := map[int64]string{}
	for _, p := range plans {
		titles[p.ID] = p.Title
	}
	out := make([]roundSummary, 0, len(rounds))
	for _, r := range rounds {
		out = append(out, roundSummary{Round: r, PlanTitle: titles[r.PlanID], Counts: counts[r.ID],
			DeadlinePassed: r.State == forms.RoundOpen && r.DeadlinePassed(h.site.Now(), h.site.Loc)})
	}
	return out, plans, nil
}

// roundFormErrors turns a domain error into the form's error summary and
// per-field messages, translated, in the order of the form. labels names
// each field for the summary; anchors gives the id a field's summary link
// points at when it is not the field name (radio and checkbox groups).
func roundFormErrors(l *i18n.Localizer, err error, labels, anchors map[string]string) ([]site.FieldError, map[string]string) {
	fields := map[string]site.FormField{}
	for f, label := range labels {
		fields[f] = site.FormField{Label: label, Anchor: anchors[f]}
	}
	for f, a := range anchors {
		if _, ok := fields[f]; !ok {
			fields[f] = site.FormField{Anchor: a}
		}
	}
	return site.FormErrors(l, err, fields)
}

// roundFieldErr builds an EINVALID error for one field.
func roundFieldErr(field, key string) *forms.Error {
	return &forms.Error{Code: forms.EINVALID, Message: "invalid " + field, Fields: map[string]string{field: key}, Order: []string{field}}
}

// roundParseIDs reads the ids of checked departments; ok is false when one
// is not a number.
func roundParseIDs(values []string) ([]int64, bool) {
	var out []int64
	ok := true
	for _, v := range values {
		id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil || id <= 0 {
			ok = false
			continue
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, ok
}

// participantOption is one department's checkbox on a participants form.
type participantOption struct {
	Department forms.Department
	Checked    bool
}

// roundParticipantOptions offers every active department, and any inactive
// one already taking part, checked as given.
func roundParticipantOptions(all []forms.Department, checked []int64) []participantOption {
	var out []participantOption
	for _, d := range all {
		on := slices.Contains(checked, d.ID)
		if !d.Active && !on {
			continue
		}
		out = append(out, participantOption{Department: d, Checked: on})
	}
	return out
}

// Sorting and filtering of the progress table, by query parameters with
// Swedish values so the addresses read well.
const (
	roundSortName  = "namn"
	roundSortState = "lage"
	roundSortSaved = "sparad"
)

var roundStateSlugs = []struct {
	Slug  string
	State forms.ResponseState
}{
	{"ej-paborjad", forms.ResponseNotStarted},
	{"utkast", forms.ResponseDraft},
	{"aterskickad", forms.ResponseReturned},
	{"inskickad", forms.ResponseSubmitted},
}

func roundStateOfSlug(slug string) (forms.ResponseState, bool) {
	for _, s := range roundStateSlugs {
		if s.Slug == slug {
			return s.State, true
		}
	}
	return "", false
}

// roundSortProgress sorts the rows in place: by name (as stored), by state
// in the order of forms.ResponseStates, or by last save, newest first and
// never saved last; ties keep name order.
func roundSortProgress(rows []storage.Progress, by string) {
	order := map[forms.ResponseState]int{}
	for i, st := range forms.ResponseStates() {
		order[st] = i
	}
	switch by {
	case roundSortState:
		slices.SortStableFunc(rows, func(a, b storage.Progress) int { return order[a.State] - order[b.State] })
	case roundSortSaved:
		slices.SortStableFunc(rows, func(a, b storage.Progress) int { return b.UpdatedAt.Compare(a.UpdatedAt) })
	}
}

// roundFilterProgress keeps the rows in the state, or all for "".
func roundFilterProgress(rows []storage.Progress, state forms.ResponseState) []storage.Progress {
	if state == "" {
		return rows
	}
	var out []storage.Progress
	for _, p := range rows {
		if p.State == state {
			out = append(out, p)
		}
	}
	return out
}

// roundQuery builds the address of a round's page sorted and filtered.
func roundQuery(id int64, sort, filter string) string {
	v := url.Values{}
	if sort != "" && sort != roundSortName {
		v.Set("sortera", sort)
	}
	if filter != "" {
		v.Set("lage", filter)
	}
	if len(v) == 0 {
		return roundPath(id)
	}
	return roundPath(id) + "?" + v.Encode()
}
