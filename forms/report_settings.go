package forms

import "strings"

// Paper is the page format of the PDF report.
type Paper string

// PaperA4Portrait is the one format the report is laid out for: A4,
// portrait, as Swedish municipal documents are.
const PaperA4Portrait Paper = "a4-portrait"

// ReportSettings are the office's choices for a round's PDF report and
// workbook, saved with the round so that every download of it, from the
// page, the API or the command line, reads the same.
type ReportSettings struct {
	// Appendix adds each answering department's answers, one department
	// per page.
	Appendix bool
	// DepartmentTables adds, under each activity, a table of the
	// departments' statuses.
	DepartmentTables bool
	// Comments prints the departments' comments under each activity; the
	// office's choice per activity still applies.
	Comments bool
	// Drafts shows answers that are not submitted, marked as drafts, next to
	// the submitted ones. They never count.
	Drafts bool
	// Chart adds the chart of activities per consolidated status.
	Chart bool
	// EmptyStatuses keeps statuses that no activity has in the chart.
	EmptyStatuses bool
	// Paper is the report's page format.
	Paper Paper
	// CompiledBy is the name shown as the report's compiler; empty means
	// the person or organisation that downloads it.
	CompiledBy string
	// Version grows with every save, so that two coordinators do not
	// overwrite each other's choices unseen; 0 means never saved.
	Version int
}

// DefaultReportSettings are a round's settings until the office saves its
// own: everything in, drafts left out.
func DefaultReportSettings() ReportSettings {
	return ReportSettings{Appendix: true, DepartmentTables: true, Comments: true, Chart: true, Paper: PaperA4Portrait}
}

// Validate checks the compiler's name and the paper, naming problems by
// field.
func (s *ReportSettings) Validate() error {
	var fe FieldErrors
	s.CompiledBy = strings.TrimSpace(s.CompiledBy)
	if k := CheckLine(s.CompiledBy, MaxNameRunes); k != "" {
		fe.Add("compiled_by", k)
	}
	if s.Paper == "" {
		s.Paper = PaperA4Portrait
	}
	if s.Paper != PaperA4Portrait {
		fe.Add("paper", "error.paper")
	}
	return fe.Err("invalid report settings")
}
