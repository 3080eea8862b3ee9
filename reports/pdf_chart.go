package reports

import (
	"math"
	"strconv"
	"strings"

	"followup/reports/internal/pdftag"
)

// pdfBar is one bar of a bar chart: a status, its colour and a count.
type pdfBar struct {
	label string
	count int
	color pdfRGB
}

// Chart metrics in mm.
const (
	pdfChartLabelW = 52.0 // swatch and status name, the chart's legend
	pdfChartCountW = 24.0 // "12 (40 %)" after the longest bar
	pdfChartRowH   = 8.0
	pdfChartBarH   = 4.8
	pdfChartAxisH  = 11.0 // tick labels and the axis title
)

// barChart draws horizontal bars, one per status, with fpdf's primitives.
// Each bar is labelled on its left with a swatch and the status name (the
// legend) and on its right with the count and share, so the chart reads
// the same printed in black and white. It is a Figure whose alternative
// text gives the same counts in words (see pdfChartAlt).
func (d *pdfDoc) barChart(bars []pdfBar) {
	total := 0
	maxCount := 0
	for _, b := range bars {
		total += b.count
		maxCount = max(maxCount, b.count)
	}
	step := pdfNiceStep(maxCount)
	axisMax := int(math.Ceil(float64(max(maxCount, 1))/float64(step))) * step
	plotX := pdfMarginL + pdfChartLabelW
	plotW := pdfContentW - pdfChartLabelW - pdfChartCountW
	d.ensure(pdfChartHeight(len(bars)))
	top := d.y + 1
	bottom := top + float64(len(bars))*pdfChartRowH
	fig := d.open(pdftag.Figure)
	defer d.close(fig)
	fig.SetAlt(pdfChartAlt(bars, total))
	box := pdfPoints(pdfMarginL, d.y, pdfContentW, pdfChartHeight(len(bars)))
	fig.SetBBox(box[0], box[1], box[2], box[3])

	// Grid lines and tick labels.
	for t := 0; t <= axisMax; t += step {
		x := plotX + float64(t)/float64(axisMax)*plotW
		d.draw(pdfColRule, 0.2)
		d.line(x, top, x, bottom)
		d.y = bottom + 0.8
		d.cell(x-10, 20, strconv.Itoa(t), pdfStSmallM, "C")
	}

	for i, b := range bars {
		y := top + float64(i)*pdfChartRowH
		d.y = y + (pdfChartRowH-pdfStSmall.lead)/2
		d.swatch(pdfMarginL, d.y, pdfStSmall, b.color)
		sw := pdfSwatchSize(pdfStSmall) + 1.6
		d.cell(pdfMarginL+sw, pdfChartLabelW-sw-2, d.fit(b.label, pdfChartLabelW-sw-3, pdfStSmall), pdfStSmall, "L")
		w := float64(b.count) / float64(axisMax) * plotW
		if b.count > 0 {
			d.fill(b.color)
			d.draw(pdfColOutline, 0.2)
			d.rect(plotX, y+(pdfChartRowH-pdfChartBarH)/2, w, pdfChartBarH, "FD")
		}
		label := strconv.Itoa(b.count) + " (" + pdfPercent(b.count, total) + ")"
		d.cell(plotX+w+1.8, pdfChartCountW+plotW-w, label, pdfStSmallB, "L")
	}
	d.draw(pdfColOutline, 0.35)
	d.line(plotX, top, plotX, bottom)
	d.y = bottom + 0.8 + pdfStSmallM.lead
	d.cell(plotX, plotW, "Antal aktiviteter", pdfStSmallM, "C")
	d.y = bottom + pdfChartAxisH
}

// pdfChartAlt says in words what the chart shows: each bar's status, count
// and share, in the chart's order.
func pdfChartAlt(bars []pdfBar, total int) string {
	var b strings.Builder
	b.WriteString("Stapeldiagram: antal aktiviteter per sammanställd status.")
	for _, bar := range bars {
		b.WriteString(" " + pdfClean(bar.label) + ": " + pdfCountWord(bar.count, "aktivitet", "aktiviteter") +
			" (" + pdfPercent(bar.count, total) + ").")
	}
	return b.String()
}

// pdfChartHeight is the height of a chart of n bars with its axis.
func pdfChartHeight(n int) float64 { return float64(n)*pdfChartRowH + pdfChartAxisH + 2 }

// pdfNiceStep picks a grid step of 1, 2 or 5 times a power of ten giving at
// most about six grid lines.
func pdfNiceStep(maxCount int) int {
	step := 1
	for {
		for _, m := range []int{1, 2, 5} {
			if maxCount <= 6*step*m {
				return step * m
			}
		}
		step *= 10
	}
}
