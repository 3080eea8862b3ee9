package forms

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// ReminderSchedule lists when reminders go out by themselves, as days
// relative to a round's deadline: -7 is a week before, 1 the day after.
type ReminderSchedule []int

// DefaultReminderSchedule is a week and two days before the deadline, and
// the day after it.
func DefaultReminderSchedule() ReminderSchedule { return ReminderSchedule{-7, -2, 1} }

// Bounds of a reminder schedule.
const (
	MaxReminders        = 6
	EarliestReminderDay = -60
	LatestReminderDay   = 30
	// ReminderHour is the hour of the day, in the municipality's time
	// zone, at which a scheduled reminder goes out.
	ReminderHour = 8
	// reminderLate is how late a scheduled reminder may still go out,
	// such as after the server was down: later it is left out.
	reminderLate = 24 * time.Hour
)

// ParseReminderSchedule reads a schedule written as days relative to the
// deadline, such as "-7, -2, +1"; an empty text means no reminders.
func ParseReminderSchedule(s string) (ReminderSchedule, error) {
	var out ReminderSchedule
	var fe FieldErrors
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
		n, err := strconv.Atoi(strings.TrimPrefix(part, "+"))
		if err != nil {
			fe.Add("schedule", "error.schedule")
			return nil, fe.Err("invalid reminder schedule")
		}
		out = append(out, n)
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) > MaxReminders {
		fe.Add("schedule", "error.schedule_too_many")
	}
	for _, n := range out {
		if n < EarliestReminderDay || n > LatestReminderDay || n == 0 {
			fe.Add("schedule", "error.schedule")
		}
	}
	return out, fe.Err("invalid reminder schedule")
}

// String writes the schedule as ParseReminderSchedule reads it: "-7, -2, +1".
func (s ReminderSchedule) String() string {
	parts := make([]string, len(s))
	for i, n := range s {
		parts[i] = strconv.Itoa(n)
		if n > 0 {
			parts[i] = "+" + parts[i]
		}
	}
	return strings.Join(parts, ", ")
}

// ReminderAt is when the reminder of the given day goes out for a deadline:
// at ReminderHour that day, in loc.
func ReminderAt(deadline time.Time, day int, loc *time.Location) time.Time {
	y, m, d := deadline.Date()
	return time.Date(y, m, d+day, ReminderHour, 0, 0, 0, loc)
}

// Due returns the day of the schedule whose reminder is due at now: the
// latest one whose time has come, at most a day ago. An earlier reminder
// whose time passed while a later one is due is left out, so that a
// department does not get two at once.
func (s ReminderSchedule) Due(deadline time.Time, loc *time.Location, now time.Time) (int, bool) {
	day, ok := 0, false
	for _, n := range s {
		if at := ReminderAt(deadline, n, loc); !now.Before(at) {
			day, ok = n, now.Before(at.Add(reminderLate))
		}
	}
	return day, ok
}
