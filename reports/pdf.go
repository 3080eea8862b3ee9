package reports

import (
	"errors"
	"io"
	"strconv"
	"time"

	"followup/forms"
)

// ReportOptions fixes a PDF's date and time zone, so that the same round
// and options always give the same bytes; what goes into the report is
// the round's rep.Settings.
type ReportOptions struct {
	// Created is the report's date and the document's creation date;
	// zero means rep.GeneratedAt.
	Created time.Time
	// Location is the time zone dates and times are printed in, normally
	// the municipality's; nil keeps each time's own zone.
	Location *time.Location
}

// WriteReport writes the follow-up report of a round as a PDF: a title
// page, contents, the office's introduction and overall assessment when
// it has written them, a summary with the response rate, a status table
// and a chart, the follow-up per area and activity, the activities that
// continue next year and each department's answers. rep.Settings decides
// what goes in; only submitted answers count, and answers that are not
// submitted are left out or, if the settings say so, shown marked.
func WriteReport(w io.Writer, rep *forms.RoundReport, opts ReportOptions) error {
	if rep == nil {
		return errors.New("reports: no round to report on")
	}
	if p := rep.Settings.Paper; p != "" && p != forms.PaperA4Portrait {
		return forms.Errorf(forms.EINVALID, "the report is laid out for A4 portrait only, not %q", p)
	}
	return writeReport(w, rep, opts, pdfPartPages)
}

// writeReport is WriteReport with the number of pages per part as a
// parameter, so that tests can draw small reports in many parts.
func writeReport(w io.Writer, rep *forms.RoundReport, opts ReportOptions, partPages int) error {
	title := reportTitle(rep) + " – " + pdfRoundLabel(rep)
	opts.Created = pdfCreated(rep, opts) // the same date in both passes
	return pdfDraw(w, func() *pdfDoc {
		d := pdfNewDoc(rep, opts, title, "Uppföljning av handlingsplanen för informationssäkerhet och dataskydd, "+pdfRoundLabel(rep))
		d.headerLeft = reportTitle(rep)
		d.headerRight = pdfRoundLabel(rep)
		d.footerLeft = rep.Plan.Organisation
		d.headerFrom = 2
		d.partPages = partPages
		return d
	}, func(d *pdfDoc) {
		d.titlePage()
		d.reserveTOC(opts)
		d.officeTexts()
		d.summary()
		d.areas()
		d.carriedOver()
		if rep.Settings.Appendix {
			d.appendix()
		}
		d.fillTOC()
	})
}

// ReportFileName is the download name of a round's report, built by the
// server from the round's year and kind only, such as
// uppfoljning-2024-arsredovisning.pdf.
func ReportFileName(rep *forms.RoundReport) string {
	return "uppfoljning-" + strconv.Itoa(pdfRoundYear(rep)) + "-" + pdfKindSlug(rep.Round.Kind) + ".pdf"
}

// ReceiptFileName is the download name of a department's receipt, such as
// kvitto-2024-arsredovisning-7.pdf; like ReportFileName it contains no
// user text.
func ReceiptFileName(rep *forms.RoundReport, departmentID int64) string {
	return "kvitto-" + strconv.Itoa(pdfRoundYear(rep)) + "-" + pdfKindSlug(rep.Round.Kind) + "-" +
		strconv.FormatInt(departmentID, 10) + ".pdf"
}

// pdfKindSlug is the ASCII word for a round kind in file names.
func pdfKindSlug(k forms.RoundKind) string {
	if k == forms.RoundInterim {
		return "delarsrapport"
	}
	return "arsredovisning"
}
