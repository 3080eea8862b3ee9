package xlsxrows

import (
	"strconv"
	"time"
)

// serialDate is t's wall-clock time as an Excel serial date in the 1900
// date system, computed as excelize computes it, or false before 1900.
func serialDate(t time.Time) (string, bool) {
	const day = 24 * time.Hour
	const most = 290 * 364 * day // the longest time.Duration in whole days, about
	epoch := time.Date(1899, time.December, 31, 0, 0, 0, 0, time.UTC)
	_, offset := t.Zone()
	t = t.Add(time.Duration(offset) * time.Second)
	if t.Before(epoch) {
		return "", false
	}
	tt, diff, days := t, t.Sub(epoch), 0.0
	for diff >= most {
		days += float64(most / day)
		tt = tt.Add(-most)
		diff = tt.Sub(epoch)
	}
	rem := diff % day
	days += float64(diff-rem)/float64(day) + float64(rem)/float64(day)
	// Excel counts a 29 February 1900 that never was.
	if t.After(time.Date(1900, time.March, 1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond)) {
		days++
	}
	if days <= 0 {
		return "", false
	}
	return strconv.FormatFloat(days, 'f', -1, 64), true
}
