package questionnaire

import (
	"errors"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/responseview"
	"followup/cmd/followup/web/site"
	"followup/forms"
	"followup/storage"
)

// SaveRequest is the body of a draft save or submit: only the answers
// sent are changed.
type SaveRequest struct {
	Answers        []SaveAnswer `json:"answers"`
	GeneralComment *string      `json:"general_comment"`
	GeneralBase    int          `json:"general_base"`
	FilledInBy     *string      `json:"filled_in_by"`
}

// SaveAnswer is one answer of a save, with the version of the answer the
// person's page was based on.
type SaveAnswer struct {
	ActivityID   int64  `json:"activity_id"`
	StatusID     int64  `json:"status_id"`
	Comment      string `json:"comment"`
	NeedsSupport bool   `json:"needs_support"`
	BaseVersion  int    `json:"base_version"`
}

func (r SaveRequest) input() forms.SaveInput {
	in := forms.SaveInput{GeneralComment: r.GeneralComment, GeneralBase: r.GeneralBase, FilledInBy: r.FilledInBy}
	for _, a := range r.Answers {
		in.Answers = append(in.Answers, forms.AnswerInput{ActivityID: a.ActivityID, StatusID: a.StatusID, Comment: a.Comment, NeedsSupport: a.NeedsSupport, BaseVersion: a.BaseVersion})
	}
	return in
}

// Body is a department's questionnaire as JSON (docs/api.md).
type Body struct {
	Round struct {
		ID       int64  `json:"id"`
		Title    string `json:"title"`
		Kind     string `json:"kind"`
		Deadline string `json:"deadline"`
		Open     bool   `json:"accepts_answers"`
	} `json:"round"`
	Department struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
	} `json:"department"`
	State          string            `json:"state"`
	Version        int               `json:"version"`
	Statuses       []site.StatusJSON `json:"statuses"`
	Activities     []ActivityJSON    `json:"activities"`
	GeneralComment string            `json:"general_comment"`
	GeneralVersion int               `json:"general_version"`
	FilledInBy     string            `json:"filled_in_by"`
	SubmittedBy    string            `json:"submitted_by,omitempty"`
	SubmittedAt    time.Time         `json:"submitted_at,omitzero"`
	ReturnMessage  string            `json:"return_message,omitempty"`
	UpdatedAt      time.Time         `json:"updated_at,omitzero"`
}

// ActivityJSON is one activity of the questionnaire with its answer, and
// in an annual round the answer given at the interim report.
type ActivityJSON struct {
	ID          int64            `json:"id"`
	Area        string           `json:"area"`
	Title       string           `json:"title"`
	Description string           `json:"description"`
	Answer      site.AnswerJSON  `json:"answer"`
	Interim     *site.AnswerJSON `json:"interim,omitempty"`
}

// questionnaireJSON is the JSON of a questionnaire's view.
func questionnaireJSON(q *responseview.View) Body {
	var b Body
	b.Round.ID, b.Round.Title, b.Round.Kind, b.Round.Deadline, b.Round.Open = q.Round.ID, q.Round.Title, string(q.Round.Kind), q.Round.Deadline.Format(forms.DateLayout), !q.Closed
	b.Department.ID, b.Department.Name = q.Department.ID, q.Department.Name
	r := q.Response
	b.State, b.Version, b.GeneralComment, b.GeneralVersion, b.FilledInBy = string(r.EffectiveState()), r.Version, r.GeneralComment, r.GeneralVersion, r.FilledInBy
	b.SubmittedBy, b.SubmittedAt, b.ReturnMessage, b.UpdatedAt = r.SubmittedBy, r.SubmittedAt, r.ReturnMessage, r.UpdatedAt
	for _, st := range q.Plan.Statuses {
		b.Statuses = append(b.Statuses, site.StatusOf(st))
	}
	b.Activities = []ActivityJSON{}
	for _, ar := range q.Areas {
		for _, a := range ar.Activities {
			ans := r.Answers[a.ID]
			ans.ActivityID = a.ID
			act := ActivityJSON{ID: a.ID, Area: ar.Title, Title: a.Title, Description: a.Description, Answer: site.AnswerOf(ans)}
			if st, ok := q.Plan.Statuses.ByID(ans.StatusID); ok {
				act.Answer.Status = st.Name
			}
			if a.Interim != nil {
				ia := site.AnswerJSON{StatusID: a.Interim.Status.ID, Status: a.Interim.Status.Name, Comment: a.Interim.Comment, NeedsSupport: a.Interim.NeedsSupport}
				act.Interim = &ia
			}
			b.Activities = append(b.Activities, act)
		}
	}
	return b
}

// APIShow, GET /api/v1/r/:token, returns the questionnaire with its
// current answers.
func (h *Handlers) APIShow(c *gin.Context) error {
	roundID, depID, err := h.linkTarget(c)
	if err != nil {
		return err
	}
	q, err := responseview.Load(c.Request.Context(), h.site, c.Param("token"), roundID, depID)
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, questionnaireJSON(q))
	return nil
}

// APIDraft, POST /api/v1/r/:token/draft, saves the answers sent (the
// page's autosave uses it).
func (h *Handlers) APIDraft(c *gin.Context) error { return h.apiSave(c, false) }

// APISubmit, POST /api/v1/r/:token/submit, saves the answers sent and
// submits the response.
func (h *Handlers) APISubmit(c *gin.Context) error { return h.apiSave(c, true) }

func (h *Handlers) apiSave(c *gin.Context, submit bool) error {
	roundID, depID, err := h.linkTarget(c)
	if err != nil {
		return err
	}
	var req SaveRequest
	if err := site.DecodeJSON(c, &req); err != nil {
		// A field a respondent may not send (a state, a department) is
		// refused like any unknown field, and the attempt is audited.
		var fe *forms.Error
		if errors.As(err, &fe) {
			for f, key := range fe.Fields {
				if key == "api.error.unknown_field" {
					h.auditUnexpected(c.Request.Context(), roundID, depID, []string{auditSafe(f, 40)})
				}
			}
		}
		return err
	}
	in := req.input()
	actor := storage.Actor(nameOr(in.FilledInBy, "länk"))
	ctx := c.Request.Context()
	var q *responseview.View
	if submit {
		_, err = h.site.DB.SubmitResponse(ctx, h.site.Loc, roundID, depID, in, actor)
		if qq, qerr := responseview.Load(ctx, h.site, c.Param("token"), roundID, depID); qerr == nil {
			q = qq
		} else if err == nil {
			err = qerr
		}
	} else {
		// An autosave's reply carries only the activities it sent: the
		// client needs their new versions, not the whole form again, and
		// the server reads no more than that.
		var saved *forms.Response
		saved, err = h.site.DB.SaveDraft(ctx, h.site.Loc, roundID, depID, in, actor)
		if saved != nil {
			if head, herr := h.site.DB.QuestionnaireHead(ctx, roundID, depID); herr == nil {
				q = h.partialQuestionnaire(head, saved)
			} else if err == nil {
				err = herr
			}
		}
	}
	switch {
	case (forms.ErrorCode(err) == forms.ECONFLICT || forms.ErrorCode(err) == forms.EINVALID) && q != nil:
		// A save that stored part of what was sent (the rest conflicted,
		// was invalid or left the response incomplete) answers with the
		// questionnaire as saved, so that the client can base its next
		// save on the new versions.
		status, body := h.site.ErrorJSON(c, err)
		c.JSON(status, gin.H{"error": body, "questionnaire": questionnaireJSON(q)})
		return nil
	case err != nil:
		return err
	}
	c.JSON(http.StatusOK, questionnaireJSON(q))
	return nil
}

// partialQuestionnaire is a questionnaire holding only the activities whose
// answers resp holds, in plan order: the reply to an autosave.
func (h *Handlers) partialQuestionnaire(head *storage.QuestionnaireData, resp *forms.Response) *responseview.View {
	q := &responseview.View{Round: head.Round, Plan: head.Plan, Department: head.Department, Response: resp, Loc: h.site.Loc,
		GeneralComment: resp.GeneralComment, GeneralVersion: resp.GeneralVersion, FilledInBy: resp.FilledInBy}
	q.Closed = head.Round.AcceptsAnswers(h.site.Now(), h.site.Loc) != nil
	for _, ar := range head.Plan.AssignedAreas(head.Department.ID) {
		av := responseview.Area{Title: ar.Title}
		for _, a := range ar.Activities {
			if ans, ok := resp.Answers[a.ID]; ok {
				av.Activities = append(av.Activities, responseview.Activity{Activity: a, StatusID: ans.StatusID, Comment: ans.Comment,
					NeedsSupport: ans.NeedsSupport, Version: ans.Version, Options: head.Plan.Statuses})
			}
		}
		if len(av.Activities) > 0 {
			q.Areas = append(q.Areas, av)
		}
	}
	return q
}
