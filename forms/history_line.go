package forms

// A plan line is a plan with the plans before it: those it was made from,
// year after year, and those its activities were carried from. Its history
// has one row per activity and round, laid out for a pivot table (the
// workbook's Historik sheet): every activity of every plan in the line
// belongs to one key, the last activity of its line within the plan line,
// so that an activity carried for three years is one key with the rounds
// of all three.

// LinePlan is one plan of a plan line with the reports of its rounds, in
// reporting order.
type LinePlan struct {
	Plan    *Plan
	Reports []*RoundReport
}

// HistoryRow is one activity in one round of a plan line.
type HistoryRow struct {
	// Key is the activity the row belongs to: the last activity of its
	// line within the plan line; KeyArea and KeyPlan hold it.
	Key     Activity
	KeyArea string
	KeyPlan PlanRef
	// Plan and Activity are the round's plan and the activity in it, whose
	// title may differ from the key's.
	Plan     PlanRef
	Activity Activity
	Round    HistoryRound
}

// LineHistory is the history of a plan line, row by row.
type LineHistory struct {
	// Plan is the plan the line ends with; Plans every plan of the line,
	// oldest first.
	Plan  PlanRef
	Plans []PlanRef
	// Departments are every department that answers in some row, in name
	// order: a sheet's department columns.
	Departments []Department
	// Rows come key by key (the end plan's activities in plan order, then
	// the keys of earlier plans, latest plan first), each key's rows in
	// time order.
	Rows []HistoryRow
}

// Cells returns a row's department steps aligned with Departments; a
// department that does not answer the activity in the round has a zero
// step (Department.ID 0).
func (h *LineHistory) Cells(row HistoryRow) []DepartmentStep {
	out := make([]DepartmentStep, len(h.Departments))
	for i, d := range h.Departments {
		for _, s := range row.Round.Departments {
			if s.Department.ID == d.ID {
				out[i] = s
			}
		}
	}
	return out
}

// BuildLineHistory builds the history of the plan line that ends with the
// plan end, from the line's plans, oldest first.
func BuildLineHistory(end int64, plans []LinePlan) *LineHistory {
	h := &LineHistory{}
	child := map[int64]int64{} // activity → the activity carried from it in the line
	where := map[int64]int{}   // activity → index of its plan
	for i, lp := range plans {
		ref := PlanRef{ID: lp.Plan.ID, Year: lp.Plan.Year, Title: lp.Plan.Title}
		h.Plans = append(h.Plans, ref)
		if lp.Plan.ID == end {
			h.Plan = ref
		}
		for _, a := range lp.Plan.Activities() {
			where[a.ID] = i
		}
	}
	for _, lp := range plans {
		for _, a := range lp.Plan.Activities() {
			if o := a.Origin.ActivityID; o != 0 && child[o] == 0 {
				if _, in := where[o]; in {
					child[o] = a.ID
				}
			}
		}
	}
	key := func(id int64) int64 {
		for child[id] != 0 {
			id = child[id]
		}
		return id
	}
	rows := map[int64][]HistoryRow{}
	for i, lp := range plans {
		for _, a := range lp.Plan.Activities() {
			k := key(a.ID)
			kp := plans[where[k]].Plan
			ka, _ := kp.Activity(k)
			karea, _ := kp.AreaOf(k)
			for _, rep := range lp.Reports {
				rows[k] = append(rows[k], HistoryRow{Key: ka, KeyArea: karea.Title, KeyPlan: h.Plans[where[k]],
					Plan: h.Plans[i], Activity: a, Round: historyRound(rep, a)})
			}
		}
	}
	// Keys in order: the latest plan's activities first, each plan's in
	// plan order; a key's rows keep their time order.
	for i := len(plans) - 1; i >= 0; i-- {
		for _, a := range plans[i].Plan.Activities() {
			h.Rows = append(h.Rows, rows[a.ID]...)
		}
	}
	h.Departments = rowDepartments(h.Rows)
	return h
}

// rowDepartments returns the departments of the rows in name order.
func rowDepartments(rows []HistoryRow) []Department {
	h := &ActivityHistory{}
	for _, r := range rows {
		h.Years = append(h.Years, HistoryYear{Rounds: []HistoryRound{r.Round}})
	}
	return h.Departments()
}

// HistoryCell is one department's answer in one row of a plan line.
type HistoryCell struct {
	Row  HistoryRow
	Step DepartmentStep
}

// Long returns the history one row per activity × round × department that
// answers it, in the order of Rows: the layout a pivot table reads best,
// since department, year, round and status can each go to rows, columns or
// a filter. A round in which no department answers the activity still
// gives one cell, with a zero step, so that its consolidated status shows.
func (h *LineHistory) Long() []HistoryCell {
	var out []HistoryCell
	for _, r := range h.Rows {
		if len(r.Round.Departments) == 0 {
			out = append(out, HistoryCell{Row: r})
		}
		for _, s := range r.Round.Departments {
			out = append(out, HistoryCell{Row: r, Step: s})
		}
	}
	return out
}
