package forms

// The counting rule, in one place: an answer counts when its department's
// response is submitted. A draft, or a response the office returned for
// completion, does not count until it is submitted (again). Every count,
// rate, suggestion and report follows it; outputs may still show an
// uncounted answer, marked, when the office asks for it.

// Counts reports whether answers of a response in this state count.
func (s ResponseState) Counts() bool { return s == ResponseSubmitted }

// Mark says how an output shows one department's answer about one activity.
type Mark int

// The marks, from nothing to show to an answer that counts.
const (
	// MarkNotAssigned: the activity does not concern the department.
	MarkNotAssigned Mark = iota
	// MarkNone: nothing to show, because the department has not answered,
	// or its answer is not submitted and drafts are left out.
	MarkNone
	// MarkDraft: an answer of a response that is not submitted (a draft or
	// a returned response), shown marked as such and never counted.
	MarkDraft
	// MarkCounted: an answer of a submitted response.
	MarkCounted
)

// Cell is one department's answer about one activity as an output shows it.
type Cell struct {
	Mark Mark
	// State is where the department's response stands.
	State ResponseState
	// Answer is what the department saved; zero for MarkNone and
	// MarkNotAssigned.
	Answer Answer
	// Status is the answer's status when HasStatus.
	Status    Status
	HasStatus bool
}

// Shown reports whether the cell holds an answer to show, counted or not.
func (c Cell) Shown() bool { return c.Mark == MarkDraft || c.Mark == MarkCounted }

// cellOf builds the cell of a response's answer under the counting rule.
func cellOf(scale Scale, resp *Response, a Activity, departmentID int64, drafts bool) Cell {
	if !a.AssignedTo(departmentID) {
		return Cell{Mark: MarkNotAssigned, State: resp.EffectiveState()}
	}
	c := Cell{Mark: MarkNone, State: resp.EffectiveState()}
	if resp == nil {
		return c
	}
	ans, ok := resp.Answers[a.ID]
	if !ok || (!ans.Answered() && ans.Comment == "" && !ans.NeedsSupport) {
		return c
	}
	switch {
	case c.State.Counts():
		c.Mark = MarkCounted
	case drafts:
		c.Mark = MarkDraft
	default:
		return c
	}
	c.Answer = ans
	c.Status, c.HasStatus = scale.ByID(ans.StatusID)
	return c
}

// ResponseCount counts a round's participants by where their responses
// stand, so that every output can state the counting rule in words next to
// its numbers: "4 av 8 har lämnat in; 2 utkast räknas inte".
type ResponseCount struct {
	Participants int
	Submitted    int
	Draft        int
	Returned     int
	NotStarted   int
}

// NotCounted is the number of participants that have saved answers which
// do not count: drafts and returned responses.
func (c ResponseCount) NotCounted() int { return c.Draft + c.Returned }

// CountResponses counts responses by state; participants without a response
// count as not started.
func CountResponses(states []ResponseState) ResponseCount {
	c := ResponseCount{Participants: len(states)}
	for _, s := range states {
		switch s {
		case ResponseSubmitted:
			c.Submitted++
		case ResponseDraft:
			c.Draft++
		case ResponseReturned:
			c.Returned++
		default:
			c.NotStarted++
		}
	}
	return c
}
