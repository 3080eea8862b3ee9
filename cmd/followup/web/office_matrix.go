package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"followup/forms"
)

// matrixView is the overview of a round: activities as rows grouped by
// area, participating departments as columns.
type matrixView struct {
	Round       forms.Round
	Plan        *forms.Plan
	Departments []forms.Department
	Areas       []matrixArea
	// Annual is true when the round is compared with an interim round.
	Annual       bool
	InterimTitle string
	Columns      int // every column of the table, for the area header rows
	// Pager leads through the departments when they do not fit one page;
	// nil when they do.
	Pager *matrixPager
}

// matrixColumns is how many departments a page of the matrix shows. A
// municipality's 20 or 30 departments fit one page; a round of 300 would
// make a table 300 columns wide and tens of megabytes heavy, so it is shown
// 40 departments at a time.
const matrixColumns = 40

// matrixPager is the navigation between the pages of departments.
type matrixPager struct {
	From, To, Total int // the departments shown, counted from 1
	Prev, Next      string
	Pages           []matrixPageLink
}

// matrixPageLink names one page by the departments on it, "41–80".
type matrixPageLink struct {
	From, To int
	Href     string
	Current  bool
}

// matrixPage picks the departments of the page asked for with ?sida=N and
// builds the pager; an unknown page is not found.
func (s *Server) matrixPage(c *gin.Context, base string, deps []forms.Department) ([]forms.Department, *matrixPager, bool) {
	per := s.matrixColumns
	pages := (len(deps) + per - 1) / per
	page := 1
	if raw, ok := c.GetQuery("sida"); ok {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 || n > max(pages, 1) || strconv.Itoa(n) != raw {
			s.errorPage(c, notFound)
			return nil, nil, false
		}
		page = n
	}
	if pages <= 1 {
		return deps, nil, true
	}
	href := func(n int) string { return base + "/matris?sida=" + strconv.Itoa(n) }
	p := &matrixPager{From: (page-1)*per + 1, To: min(page*per, len(deps)), Total: len(deps)}
	if page > 1 {
		p.Prev = href(page - 1)
	}
	if page < pages {
		p.Next = href(page + 1)
	}
	for n := 1; n <= pages; n++ {
		p.Pages = append(p.Pages, matrixPageLink{From: (n-1)*per + 1, To: min(n*per, len(deps)), Href: href(n), Current: n == page})
	}
	return deps[p.From-1 : p.To], p, true
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
	Answered     bool
	Status       forms.Status
	Comment      string
	NeedsSupport bool
	// In annual rounds: the interim answer and whether the status changed.
	InterimAnswered bool
	Interim         forms.Status
	Changed         bool // both answered, with different statuses
	TipID           string
}

// showMatrix renders the overview matrix of a round. It has no control that
// changes anything, so readers see the same page as admins.
func (s *Server) showMatrix(c *gin.Context) {
	roundID, ok := s.consIDParam(c, "round")
	if !ok {
		return
	}
	rep, err := s.DB.RoundReport(c.Request.Context(), roundID)
	if err != nil {
		s.errorPage(c, err)
		return
	}
	deps, pager, ok := s.matrixPage(c, "/kontor/omgangar/"+strconv.FormatInt(roundID, 10), rep.Departments)
	if !ok {
		return
	}
	l := s.localizer(c)
	v := &matrixView{Round: rep.Round, Plan: &rep.Plan, Departments: deps, Annual: rep.InterimRound != nil,
		Columns: len(deps) + 2, Pager: pager}
	if rep.InterimRound != nil {
		v.InterimTitle = rep.InterimRound.Title
	}
	for _, ar := range rep.Plan.Areas {
		ma := matrixArea{Title: ar.Title}
		for _, a := range ar.Activities {
			row := matrixRow{Activity: a}
			row.Consolidated, row.HasConsolidated = rep.ConsolidatedStatus(a.ID)
			for _, d := range deps {
				cell := matrixCell{DepartmentID: d.ID, Assigned: a.AssignedTo(d.ID),
					TipID: "tip-" + strconv.FormatInt(a.ID, 10) + "-" + strconv.FormatInt(d.ID, 10)}
				if cell.Assigned {
					if ans, ok := rep.Answer(d.ID, a.ID); ok {
						cell.Comment, cell.NeedsSupport = tipText(ans.Comment), ans.NeedsSupport
						cell.Status, cell.Answered = rep.Plan.Statuses.ByID(ans.StatusID)
					}
					if v.Annual {
						cell.Interim, cell.InterimAnswered = rep.InterimStatus(d.ID, a.ID)
						cell.Changed = cell.Answered && cell.InterimAnswered && cell.Interim.ID != cell.Status.ID
					}
				}
				row.Cells = append(row.Cells, cell)
			}
			ma.Rows = append(ma.Rows, row)
		}
		v.Areas = append(v.Areas, ma)
	}
	title := l.T("matrix.title", rep.Round.Title)
	if pager != nil {
		title = l.T("matrix.title_page", rep.Round.Title, pager.From, pager.To)
	}
	s.render(c, http.StatusOK, "matrix", page{L: l, Title: title, Data: v})
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
