package office

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/site"
	"followup/forms"
)

// matrixView is the overview of a round: activities as rows grouped by
// area, participating departments as columns, each cell a compact mark of
// the department's answer. Drafts and returned responses are shown, marked;
// they never count.
type matrixView struct {
	Round       forms.Round
	Plan        *forms.Plan
	Departments []forms.Department
	Areas       []matrixArea
	// Annual is true when the round is compared with an interim round.
	Annual       bool
	InterimTitle string
	Columns      int // every column of the table, for the area header rows
	// Few is true when the departments are too few to fill the screen:
	// their columns then keep a readable width instead of stretching.
	Few bool
	// Count states the round's response count with the counting rule.
	Count string
	// Statuses are the plan's statuses with their abbreviations, for the
	// legend; Abbrs has the abbreviations by status id.
	Statuses []matrixStatus
	Abbrs    map[int64]string
	Filter   *matrixFilter
	// Pager leads through the departments when they do not fit one page;
	// nil when they do.
	Pager *matrixPager
}

// matrixStatus is a status of the plan with its abbreviation.
type matrixStatus struct {
	forms.Status
	Abbr string
}

type matrixArea struct {
	Title string
	Rows  []matrixRow
}

type matrixRow struct {
	Activity        forms.Activity
	Consolidated    forms.Status
	HasConsolidated bool
	Cells           []matrixCell
}

// matrixCell is one department's answer about one activity.
type matrixCell struct {
	DepartmentID int64
	Assigned     bool
	// Answered is true when the cell shows a status, counted or not.
	Answered bool
	Status   forms.Status
	Abbr     string
	// Empty names the cell when it shows no status: "Ej inlämnad" or
	// "Ej besvarad".
	Empty string
	// Draft and Returned mark an answer that does not count: its response
	// is a draft, or was returned for completion.
	Draft, Returned bool
	Comment         string
	NeedsSupport    bool
	// In annual rounds: the interim answer and whether the status changed.
	InterimAnswered bool
	Interim         forms.Status
	Changed         bool // both answered, with different statuses
	TipID           string
}

// Matrix, GET /kontor/omgangar/:round/matris, renders the overview matrix of
// a round, filtered by area, department kind and response state when asked.
// It has no control that changes anything, so readers see the same page as
// admins.
func (h *Handlers) Matrix(c *gin.Context) error {
	roundID, err := site.ParamID(c, "round")
	if err != nil {
		return err
	}
	rep, err := h.site.DB.RoundReport(c.Request.Context(), roundID)
	if err != nil {
		return err
	}
	l := h.site.Localizer(c)
	f := matrixFilterOf(c, rep, l)
	deps, pager, err := h.matrixPage(c, "/kontor/omgangar/"+strconv.FormatInt(roundID, 10)+"/matris", f, f.departments(rep))
	if err != nil {
		return err
	}
	abbrs := site.StatusAbbrevs(rep.Plan.Statuses)
	v := &matrixView{Round: rep.Round, Plan: &rep.Plan, Departments: deps, Annual: rep.InterimRound != nil,
		Columns: len(deps) + 2, Few: len(deps) < matrixFew, Pager: pager, Filter: f, Count: i18n.ResponseCount(l, rep.ResponseCount()), Abbrs: abbrs}
	for _, st := range rep.Plan.Statuses {
		v.Statuses = append(v.Statuses, matrixStatus{Status: st, Abbr: abbrs[st.ID]})
	}
	if rep.InterimRound != nil {
		v.InterimTitle = rep.InterimRound.Title
	}
	for _, ar := range rep.Plan.Areas {
		if f.Area != 0 && ar.ID != f.Area {
			continue
		}
		ma := matrixArea{Title: ar.Title}
		for _, a := range ar.Activities {
			row := matrixRow{Activity: a}
			row.Consolidated, row.HasConsolidated = rep.ConsolidatedStatus(a.ID)
			for _, d := range deps {
				row.Cells = append(row.Cells, matrixCellOf(l, rep, a, d.ID, abbrs))
			}
			ma.Rows = append(ma.Rows, row)
		}
		v.Areas = append(v.Areas, ma)
	}
	title := l.T("matrix.title", rep.Round.Title)
	if pager != nil {
		title = l.T("matrix.title_page", rep.Round.Title, pager.From, pager.To)
	}
	if f.Active {
		title = l.T("matrix.title_filtered", title)
	}
	return h.pages.Render(c, http.StatusOK, "round_matrix", site.Page{L: l, Title: title, Data: v})
}

// matrixFew is the number of departments under which the matrix's columns
// keep a fixed width rather than share the screen's.
const matrixFew = 8

// matrixCellOf builds one cell; the office always sees drafts, marked.
func matrixCellOf(l *i18n.Localizer, rep *forms.RoundReport, a forms.Activity, depID int64, abbrs map[int64]string) matrixCell {
	cell := matrixCell{DepartmentID: depID, Assigned: a.AssignedTo(depID),
		TipID: "tip-" + strconv.FormatInt(a.ID, 10) + "-" + strconv.FormatInt(depID, 10)}
	if !cell.Assigned {
		return cell
	}
	rc := rep.Cell(depID, a, true)
	cell.Empty = i18n.EmptyWord(l, rc)
	if rc.Shown() {
		cell.Comment, cell.NeedsSupport = tipText(rc.Answer.Comment), rc.Answer.NeedsSupport
		cell.Status, cell.Answered = rc.Status, rc.HasStatus
		cell.Abbr = abbrs[rc.Status.ID]
		if rc.Mark == forms.MarkDraft {
			cell.Returned = rc.State == forms.ResponseReturned
			cell.Draft = !cell.Returned
		}
	}
	if rep.InterimRound != nil {
		cell.Interim, cell.InterimAnswered = rep.InterimStatus(depID, a.ID)
		cell.Changed = cell.Answered && cell.InterimAnswered && cell.Interim.ID != cell.Status.ID
	}
	return cell
}

// tipComment bounds the comment a matrix cell shows on hover and focus. A
// round of 300 departments and 100 activities has 30,000 cells; with whole
// comments the page weighed tens of megabytes. The cell links to the
// department's response, where the comment is whole.
const tipComment = 200

// tipText shortens a comment for a cell's tooltip, marking the cut.
func tipText(s string) string {
	r := []rune(s)
	if len(r) <= tipComment {
		return s
	}
	return strings.TrimRight(string(r[:tipComment]), " ") + "…"
}
