// Package formstest builds follow-up rounds in memory for tests and
// benchmarks of the report writers and pages: a small fixture with known
// values and hostile text, and synthetic rounds of any size.
package formstest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"followup/forms"
)

// Clock is the fixed time fixtures are generated at, so outputs compare
// byte for byte.
var Clock = time.Date(2024, 12, 18, 9, 30, 0, 0, time.UTC)

// scale returns the default scale with ids 1..n assigned.
func scale() forms.Scale {
	s := forms.DefaultScale()
	for i := range s {
		s[i].ID = int64(i + 1)
		s[i].Position = i
	}
	return s
}

// Status ids of the default scale as the fixtures number them.
const (
	NotStarted  int64 = 1
	Started     int64 = 2
	InProgress  int64 = 3
	Done        int64 = 4
	CarriedOver int64 = 5
	NotRelevant int64 = 6
)

// Small returns an annual round of five departments and five activities in
// two areas, with an interim round to compare with, Unicode and formula-like
// texts, a response in every state (submitted, draft, returned, not
// started, and a submitted one with a not-applicable answer), one activity
// answered only by the IT department, and consolidations for some
// activities.
func Small() *forms.RoundReport {
	depts := []forms.Department{
		{ID: 1, Name: "Barn- och utbildningsförvaltningen", Kind: forms.KindAdministration, Email: "bou@example.se", Active: true},
		{ID: 2, Name: "IT-avdelningen", Kind: forms.KindAdministration, Email: "it@example.se", Active: true},
		{ID: 3, Name: "Exempelby Energi AB", Kind: forms.KindCompany, Email: "energi@example.se", Active: true},
		{ID: 4, Name: "Räddningstjänstförbundet Väst", Kind: forms.KindFederation, Active: true},
		{ID: 5, Name: "Kultur, fritid och idrott", Kind: forms.KindAdministration, Email: "kultur@example.se", Active: true},
	}
	plan := forms.Plan{
		ID: 1, Organisation: "Exempelby kommun", Title: "Handlingsplan 2024", Year: 2024, Statuses: scale(),
		Areas: []forms.Area{
			{ID: 1, Position: 0, Title: "Styrning och samordning", Activities: []forms.Activity{
				{ID: 11, AreaID: 1, Position: 0, Title: "Riskanalys av kritisk information", Description: "Varje verksamhet analyserar risker för tre informationstillgångar.", AllDepartments: true},
				{ID: 12, AreaID: 1, Position: 1, Title: "Revidera registerförteckningen", Description: "Förteckningen över personuppgiftsbehandlingar ses över – enligt art. 30.", AllDepartments: true},
				{ID: 13, AreaID: 1, Position: 2, Title: "Kontinuitetsplan", Description: "", AllDepartments: true},
			}},
			{ID: 2, Position: 1, Title: "IT-säkerhet", Activities: []forms.Activity{
				{ID: 21, AreaID: 2, Position: 0, Title: "Tvåfaktorsautentisering", Description: "Inför ett andra steg vid inloggning i utvalda system.", DepartmentIDs: []int64{2}},
				{ID: 22, AreaID: 2, Position: 1, Title: "Behörighetsgranskning", Description: "Granska höga behörigheter i ett verksamhetssystem.", AllDepartments: true},
			}},
		},
	}
	ans := func(act, status int64, comment string, support bool) forms.Answer {
		return forms.Answer{ActivityID: act, StatusID: status, Comment: comment, NeedsSupport: support, Version: 1, UpdatedAt: Clock.Add(-48 * time.Hour), UpdatedBy: "test"}
	}
	annual := forms.Round{ID: 2, PlanID: 1, Kind: forms.RoundAnnual, Title: "Årsredovisning 2024", ReportDate: date(2024, 12, 31), Deadline: date(2025, 1, 20), State: forms.RoundOpen}
	interim := forms.Round{ID: 1, PlanID: 1, Kind: forms.RoundInterim, Title: "Delårsrapport 2024", ReportDate: date(2024, 8, 31), Deadline: date(2024, 9, 15), State: forms.RoundClosed}
	submitted := Clock.Add(-24 * time.Hour)
	return &forms.RoundReport{
		Plan: plan, Round: annual, Departments: depts,
		Responses: map[int64]*forms.Response{
			1: {ID: 1, RoundID: 2, DepartmentID: 1, State: forms.ResponseSubmitted, FilledInBy: "Åsa Öberg", SubmittedBy: "Åsa Öberg", SubmittedAt: submitted, UpdatedAt: submitted, Version: 5,
				GeneralComment: "Vi har haft “tuffa” prioriteringar – men är nöjda.",
				Answers: map[int64]forms.Answer{
					11: ans(11, Done, "Klart för tre tillgångar.", false),
					12: ans(12, InProgress, "=SUM(A1:A9) ska vara text", true),
					13: ans(13, Done, "", false),
					22: ans(22, Started, "@Åke: börjar i januari", false),
				}},
			2: {ID: 2, RoundID: 2, DepartmentID: 2, State: forms.ResponseDraft, FilledInBy: "Ŋora Đuoŧŧa", UpdatedAt: submitted, Version: 3,
				Answers: map[int64]forms.Answer{
					11: ans(11, Done, "", false),
					21: ans(21, CarriedOver, "Upphandling klar, införande 2025. Kostnad 120 000 €.", true),
					22: ans(22, NotRelevant, "<script>alert(1)</script> gäller ej oss", false),
				}},
			3: {ID: 3, RoundID: 2, DepartmentID: 3, State: forms.ResponseReturned, FilledInBy: "Olle", ReturnMessage: "Komplettera kommentaren om kontinuitet.", ReturnedAt: submitted, UpdatedAt: submitted, Version: 2,
				Answers: map[int64]forms.Answer{
					11: ans(11, InProgress, "-2 tillgångar kvar", false),
					12: ans(12, NotStarted, "+ resurser saknas", true),
					13: ans(13, InProgress, "Övning planerad.", false),
				}},
			5: {ID: 5, RoundID: 2, DepartmentID: 5, State: forms.ResponseSubmitted, FilledInBy: "Kim Ek", SubmittedBy: "Kim Ek", SubmittedAt: submitted, UpdatedAt: submitted, Version: 2,
				Answers: map[int64]forms.Answer{
					11: ans(11, Done, "Analysen gjordes för bokningssystemet.", false),
					12: ans(12, NotRelevant, "Förteckningen sköts av kommunstyrelsen.", false),
					13: ans(13, InProgress, "", false),
					22: ans(22, Done, "", false),
				}},
		},
		InterimRound: &interim,
		Interim: map[int64]*forms.Response{
			1: {ID: 11, RoundID: 1, DepartmentID: 1, State: forms.ResponseSubmitted, Answers: map[int64]forms.Answer{11: ans(11, InProgress, "Halvvägs.", false), 12: ans(12, Started, "", false)}},
			2: {ID: 12, RoundID: 1, DepartmentID: 2, State: forms.ResponseSubmitted, Answers: map[int64]forms.Answer{11: ans(11, Started, "", false), 21: ans(21, InProgress, "", false)}},
			5: {ID: 15, RoundID: 1, DepartmentID: 5, State: forms.ResponseDraft, Answers: map[int64]forms.Answer{11: ans(11, NotStarted, "Utkast från delåret.", false)}},
		},
		Consolidations: map[int64]forms.Consolidation{
			11: {RoundID: 2, ActivityID: 11, StatusID: InProgress, Narrative: "De flesta verksamheter har analyserat sina viktigaste informationstillgångar. Arbetet fortsätter i nätverket.", IncludeComments: true, Author: "Samordnare", SavedAt: Clock, Version: 1},
			21: {RoundID: 2, ActivityID: 21, StatusID: CarriedOver, Narrative: "Tekniken är upphandlad; införandet flyttas till nästa år.", IncludeComments: false, Author: "Samordnare", SavedAt: Clock, Version: 2},
		},
		Settings:    forms.DefaultReportSettings(),
		GeneratedAt: Clock,
		CompiledBy:  "Säkerhetsenheten, kommunledningskontoret",
	}
}

// Introduction and Assessment are the office's own texts that WithTexts
// adds: paragraphs and bulleted lists, as a coordinator writes them.
const (
	Introduction = "Kommunstyrelsen antog handlingsplanen för informationssäkerhet och dataskydd i februari. " +
		"Uppföljningen redovisar hur förvaltningar, bolag och förbund har arbetat med planens aktiviteter under året.\n\n" +
		"Underlaget består av:\n" +
		"- verksamheternas egna svar i uppföljningen,\n" +
		"- samordnarnas iakttagelser från nätverksträffarna,\n" +
		"- incidentrapporter från IT-avdelningen."
	Assessment = "Styrning och samordning har gått framåt, medan flera aktiviteter inom IT-säkerhet har fått vänta.\n\n" +
		"Säkerhetsenheten bedömer att två saker behöver prioriteras nästa år:\n" +
		"- tvåfaktorsautentisering i de system som ännu saknar det\n" +
		"- kontinuitetsplaner för den mest kritiska informationen"
)

// WithTexts gives a round the office's introduction and overall
// assessment, and returns it.
func WithTexts(rep *forms.RoundReport) *forms.RoundReport {
	rep.Texts = map[forms.TextKind]forms.RoundText{
		forms.TextIntroduction: {RoundID: rep.Round.ID, Kind: forms.TextIntroduction, Body: Introduction, Author: "Samordnare", SavedAt: Clock, Version: 1},
		forms.TextAssessment:   {RoundID: rep.Round.ID, Kind: forms.TextAssessment, Body: Assessment, Author: "Samordnare", SavedAt: Clock, Version: 1},
	}
	return rep
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Synthetic returns an annual round with the given numbers of departments and
// activities (in areas of up to ten), where every department answers every
// activity with a comment of 200–800 characters, and the interim round was
// answered too. The same arguments give the same round.
func Synthetic(departments, activities int) *forms.RoundReport {
	rng := rand.New(rand.NewPCG(uint64(departments), uint64(activities)))
	sc := scale()
	rep := &forms.RoundReport{
		Plan:           forms.Plan{ID: 1, Organisation: "Exempelby kommun", Title: "Handlingsplan 2025", Year: 2025, Statuses: sc},
		Round:          forms.Round{ID: 2, PlanID: 1, Kind: forms.RoundAnnual, Title: "Årsredovisning 2025", ReportDate: date(2025, 12, 31), Deadline: date(2026, 1, 20), State: forms.RoundClosed},
		InterimRound:   &forms.Round{ID: 1, PlanID: 1, Kind: forms.RoundInterim, Title: "Delårsrapport 2025", ReportDate: date(2025, 8, 31), Deadline: date(2025, 9, 15), State: forms.RoundClosed},
		Responses:      map[int64]*forms.Response{},
		Interim:        map[int64]*forms.Response{},
		Consolidations: map[int64]forms.Consolidation{},
		Settings:       forms.DefaultReportSettings(),
		GeneratedAt:    Clock,
		CompiledBy:     "Säkerhetsenheten",
	}
	kinds := forms.DepartmentKinds()
	for d := 1; d <= departments; d++ {
		rep.Departments = append(rep.Departments, forms.Department{ID: int64(d), Name: fmt.Sprintf("Förvaltning %03d för samhällsbyggnad och service", d), Kind: kinds[d%3], Active: true})
	}
	var area *forms.Area
	for a := 1; a <= activities; a++ {
		if (a-1)%10 == 0 {
			rep.Plan.Areas = append(rep.Plan.Areas, forms.Area{ID: int64(len(rep.Plan.Areas) + 1), Position: len(rep.Plan.Areas), Title: fmt.Sprintf("Område %d", len(rep.Plan.Areas)+1)})
			area = &rep.Plan.Areas[len(rep.Plan.Areas)-1]
		}
		area.Activities = append(area.Activities, forms.Activity{ID: int64(a), AreaID: area.ID, Position: len(area.Activities),
			Title: fmt.Sprintf("Aktivitet %d: informationsklassning av verksamhetssystem", a), Description: Text(rng, 150), AllDepartments: true})
		rep.Consolidations[int64(a)] = forms.Consolidation{RoundID: 2, ActivityID: int64(a), StatusID: sc[rng.IntN(len(sc))].ID, Narrative: Text(rng, 400), IncludeComments: true, Author: "Samordnare", SavedAt: Clock, Version: 1}
	}
	for _, d := range rep.Departments {
		resp := &forms.Response{RoundID: 2, DepartmentID: d.ID, State: forms.ResponseSubmitted, FilledInBy: "Handläggare", SubmittedBy: "Handläggare", SubmittedAt: Clock, UpdatedAt: Clock, Version: 1, Answers: map[int64]forms.Answer{}}
		interim := &forms.Response{RoundID: 1, DepartmentID: d.ID, State: forms.ResponseSubmitted, Answers: map[int64]forms.Answer{}}
		for _, act := range rep.Plan.Activities() {
			resp.Answers[act.ID] = forms.Answer{ActivityID: act.ID, StatusID: sc[rng.IntN(len(sc))].ID, Comment: Text(rng, 200+rng.IntN(600)), NeedsSupport: rng.IntN(5) == 0, Version: 1, UpdatedAt: Clock}
			interim.Answers[act.ID] = forms.Answer{ActivityID: act.ID, StatusID: sc[rng.IntN(3)].ID, Version: 1, UpdatedAt: Clock}
		}
		rep.Responses[d.ID] = resp
		rep.Interim[d.ID] = interim
	}
	return rep
}

var words = strings.Fields("arbetet med informationssäkerhet och dataskydd har fortsatt under året där verksamheten genomfört riskanalys klassning av information samt övningar kring kontinuitet behörigheter granskas löpande och rutiner för incidenter ses över tillsammans med nätverket för samordnare åtgärder planeras inför nästa år")

// Text returns about n characters of plausible Swedish prose.
func Text(rng *rand.Rand, n int) string {
	var b strings.Builder
	for b.Len() < n {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[rng.IntN(len(words))])
	}
	return b.String() + "."
}
