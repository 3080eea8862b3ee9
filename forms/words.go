package forms

// The words that the pages, the workbook and the PDF report share, in
// Swedish and English, so that one thing has one name wherever it
// appears. The reports write the Swedish words; the interface's message
// catalog takes every word under its key, and a test there checks that no
// other key names the same thing differently.

// Word is one word of the shared vocabulary: its catalog key and its
// Swedish and English text.
type Word struct {
	Key    string
	SV, EN string
}

// Words about an answer that has no status, and about the office's
// consolidation.
var (
	// WordNotSubmitted stands where a response is not submitted and what
	// it holds does not count.
	WordNotSubmitted = Word{"answer.not_submitted", "Ej inlämnad", "Not submitted"}
	// WordNotAnswered stands where a counted response has no status for
	// the activity.
	WordNotAnswered = Word{"answer.not_answered", "Ej besvarad", "Not answered"}
	// WordNotConsolidated stands where the office has not chosen a
	// consolidated status.
	WordNotConsolidated = Word{"answer.not_consolidated", "Ej sammanställd", "Not consolidated"}
	// WordConsolidatedStatus names the office's status of an activity.
	WordConsolidatedStatus = Word{"word.consolidated_status", "Sammanställd status", "Consolidated status"}
	// WordDepartment names a department, company or federation alike.
	WordDepartment = Word{"word.department", "Verksamhet", "Organisation"}
	// WordSubmittedBy heads the name of the person who submitted.
	WordSubmittedBy = Word{"word.submitted_by", "Inlämnad av", "Submitted by"}
	// WordSubmittedAt heads when a response was submitted.
	WordSubmittedAt = Word{"word.submitted_at", "Inlämnad den", "Submitted on"}
)

// stateWords names each state of a response: Word at any length, Short in
// a cell (a column of them is filtered), Long in a running document, and
// Mark, lower case, after a status that does not count ("Pågår (utkast)").
var stateWords = map[ResponseState]struct{ word, short, long, mark, uncounted Word }{
	ResponseNotStarted: {
		word: Word{"response.state.not_started", "Ej påbörjad", "Not started"},
	},
	ResponseDraft: {
		word:      Word{"response.state.draft", "Utkast", "Draft"},
		long:      Word{"response.state_long.draft", "Utkast, ej inlämnad", "Draft, not submitted"},
		mark:      Word{"answer.mark.draft", "utkast", "draft"},
		uncounted: Word{"answer.uncounted.draft", "utkast, ej inlämnat", "draft, not submitted"},
	},
	ResponseSubmitted: {
		word: Word{"response.state.submitted", "Inlämnad", "Submitted"},
	},
	ResponseReturned: {
		word:      Word{"response.state.returned", "Återsänd för komplettering", "Returned for completion"},
		short:     Word{"response.state_short.returned", "Återsänd", "Returned"},
		mark:      Word{"answer.mark.returned", "återsänd", "returned"},
		uncounted: Word{"answer.uncounted.returned", "återsänt, ej inlämnat igen", "returned, not submitted again"},
	},
}

// Word names the state; an unknown state is not started.
func (s ResponseState) Word() Word {
	if w, ok := stateWords[s]; ok {
		return w.word
	}
	return stateWords[ResponseNotStarted].word
}

// ShortWord names the state in a table's cell.
func (s ResponseState) ShortWord() Word {
	if w := stateWords[s].short; w.Key != "" {
		return w
	}
	return s.Word()
}

// LongWord names the state in a running document such as the report.
func (s ResponseState) LongWord() Word {
	if w := stateWords[s].long; w.Key != "" {
		return w
	}
	return s.Word()
}

// MarkWord marks a status from a response in this state that does not
// count: "utkast" for a draft, "återsänd" for a returned response.
func (s ResponseState) MarkWord() Word {
	if s == ResponseReturned {
		return stateWords[ResponseReturned].mark
	}
	return stateWords[ResponseDraft].mark
}

// UncountedWord marks a text from a response in this state that does not
// count, such as a comment: "utkast, ej inlämnat".
func (s ResponseState) UncountedWord() Word {
	if s == ResponseReturned {
		return stateWords[ResponseReturned].uncounted
	}
	return stateWords[ResponseDraft].uncounted
}

// kindWords names the kinds of departments with a capital letter.
var kindWords = map[DepartmentKind]Word{
	KindAdministration: {"dept.kind.förvaltning", "Förvaltning", "Department"},
	KindCompany:        {"dept.kind.bolag", "Bolag", "Municipal company"},
	KindFederation:     {"dept.kind.förbund", "Förbund", "Federation"},
}

// Word names the kind; ok is false for a kind the domain does not know.
func (k DepartmentKind) Word() (w Word, ok bool) {
	w, ok = kindWords[k]
	return w, ok
}

// roundKindWords names the report a round feeds.
var roundKindWords = map[RoundKind]Word{
	RoundInterim: {"round.kind.interim", "Delårsrapport", "Interim report"},
	RoundAnnual:  {"round.kind.annual", "Årsredovisning", "Annual report"},
}

// Word names the report a round of this kind feeds; any kind but interim
// is the annual report.
func (k RoundKind) Word() Word {
	if k == RoundInterim {
		return roundKindWords[RoundInterim]
	}
	return roundKindWords[RoundAnnual]
}

// Words lists the whole vocabulary, for the message catalog.
func Words() []Word {
	out := []Word{WordNotSubmitted, WordNotAnswered, WordNotConsolidated, WordConsolidatedStatus, WordDepartment,
		WordSubmittedBy, WordSubmittedAt}
	for _, s := range ResponseStates() {
		w := stateWords[s]
		for _, x := range []Word{w.word, w.short, w.long, w.mark, w.uncounted} {
			if x.Key != "" {
				out = append(out, x)
			}
		}
	}
	for _, k := range DepartmentKinds() {
		out = append(out, kindWords[k])
	}
	return append(out, roundKindWords[RoundInterim], roundKindWords[RoundAnnual])
}
