package officeapi

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
	"followup/forms"
)

// ConsolidationItemJSON is one activity of a round: the office's saved
// consolidation (null until the first save) and the suggestion the
// departments' answers give.
type ConsolidationItemJSON struct {
	ActivityID    int64              `json:"activity_id"`
	Area          string             `json:"area"`
	Title         string             `json:"title"`
	Consolidation *ConsolidationJSON `json:"consolidation"`
	Suggestion    SuggestionJSON     `json:"suggestion"`
}

// ConsolidationJSON is the office's saved consolidation of an activity.
type ConsolidationJSON struct {
	StatusID        int64     `json:"status_id"`
	Status          string    `json:"status,omitempty"`
	Narrative       string    `json:"narrative"`
	IncludeComments bool      `json:"include_comments"`
	Continues       bool      `json:"continues"`
	CarryReason     string    `json:"carry_reason"`
	Author          string    `json:"author"`
	SavedAt         time.Time `json:"saved_at"`
	Version         int       `json:"version"`
}

// SuggestionJSON is the consolidation rule applied to the submitted answers;
// status_id is 0 when the rule suggests nothing (no answers, or all not
// applicable). Drafts and returned responses never count: drafts and
// returned say how many statuses wait in them.
type SuggestionJSON struct {
	StatusID   int64             `json:"status_id"`
	Status     string            `json:"status,omitempty"`
	Rule       string            `json:"rule"`
	Assigned   int               `json:"assigned"`
	Answered   int               `json:"answered"`
	Unanswered int               `json:"unanswered"`
	Drafts     int               `json:"drafts"`
	Returned   int               `json:"returned"`
	Counts     []StatusCountJSON `json:"counts"`
}

// StatusCountJSON is how many submitted answers have a status.
type StatusCountJSON struct {
	StatusID int64  `json:"status_id"`
	Status   string `json:"status"`
	Count    int    `json:"count"`
}

func consolidationItemJSON(rep *forms.RoundReport, ar forms.Area, a forms.Activity) ConsolidationItemJSON {
	it := ConsolidationItemJSON{ActivityID: a.ID, Area: ar.Title, Title: a.Title}
	if cs, ok := rep.Consolidations[a.ID]; ok {
		ac := &ConsolidationJSON{StatusID: cs.StatusID, Narrative: cs.Narrative, IncludeComments: cs.IncludeComments,
			Continues: cs.Continues, CarryReason: cs.CarryReason, Author: cs.Author, SavedAt: cs.SavedAt, Version: cs.Version}
		if st, ok := rep.Plan.Statuses.ByID(cs.StatusID); ok {
			ac.Status = st.Name
		}
		it.Consolidation = ac
	}
	sg := rep.Suggestion(a)
	it.Suggestion = SuggestionJSON{Rule: string(sg.Rule), Assigned: sg.Tally.Assigned, Answered: sg.Tally.Answered,
		Unanswered: sg.Tally.Unanswered(), Drafts: sg.Tally.Drafts, Returned: sg.Tally.Returned, Counts: []StatusCountJSON{}}
	if sg.HasStatus {
		it.Suggestion.StatusID, it.Suggestion.Status = sg.Status.ID, sg.Status.Name
	}
	for i, st := range rep.Plan.Statuses {
		n := 0
		if i < len(sg.Tally.PerStatus) {
			n = sg.Tally.PerStatus[i]
		}
		it.Suggestion.Counts = append(it.Suggestion.Counts, StatusCountJSON{StatusID: st.ID, Status: st.Name, Count: n})
	}
	return it
}

// Consolidations, GET /api/v1/rounds/:round/consolidations, returns every
// activity of the round's plan, in plan order, with its consolidation and
// suggestion.
func (h *Handlers) Consolidations(c *gin.Context) error {
	rep, err := h.roundReport(c)
	if err != nil {
		return err
	}
	b := struct {
		RoundID        int64                   `json:"round_id"`
		Consolidations []ConsolidationItemJSON `json:"consolidations"`
	}{RoundID: rep.Round.ID, Consolidations: []ConsolidationItemJSON{}}
	for _, ar := range rep.Plan.Areas {
		for _, a := range ar.Activities {
			b.Consolidations = append(b.Consolidations, consolidationItemJSON(rep, ar, a))
		}
	}
	c.JSON(http.StatusOK, b)
	return nil
}

// ConsolidationRequest is the body that saves a consolidation;
// include_comments is true when left out.
type ConsolidationRequest struct {
	StatusID        int64  `json:"status_id"`
	Narrative       string `json:"narrative"`
	IncludeComments *bool  `json:"include_comments"`
	Continues       bool   `json:"continues"`
	CarryReason     string `json:"carry_reason"`
	BaseVersion     int    `json:"base_version"`
}

// SaveConsolidation, PUT /api/v1/rounds/:round/consolidations/:activity,
// saves the office's status and narrative for an activity. base_version is
// the version the client last read (0 before the first save); an older one
// is 409 and changes nothing.
func (h *Handlers) SaveConsolidation(c *gin.Context) error {
	ctx := c.Request.Context()
	ids, err := paramIDs(c, "round", "activity")
	if err != nil {
		return err
	}
	var req ConsolidationRequest
	if err := site.DecodeJSON(c, &req); err != nil {
		return err
	}
	in := forms.ConsolidationInput{StatusID: req.StatusID, Narrative: req.Narrative, IncludeComments: req.IncludeComments == nil || *req.IncludeComments,
		Continues: req.Continues, CarryReason: req.CarryReason, BaseVersion: req.BaseVersion}
	if _, err := h.site.DB.SaveConsolidation(ctx, ids[0], ids[1], in, site.AccountOf(c).Actor()); err != nil {
		if forms.ErrorCode(err) == forms.ECONFLICT {
			err = site.FieldErr(forms.ECONFLICT, "base_version", "api.error.stale_consolidation")
		}
		return site.RenameFields(err, map[string]string{"status": "status_id"})
	}
	rep, err := h.site.DB.RoundReport(ctx, ids[0])
	if err != nil {
		return err
	}
	ar, _ := rep.Plan.AreaOf(ids[1])
	a, _ := rep.Plan.Activity(ids[1])
	c.JSON(http.StatusOK, consolidationItemJSON(rep, ar, a))
	return nil
}
