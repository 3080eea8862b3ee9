package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"followup/forms"
	"followup/storage"
)

const cliSecret = "cli-test-secret-0123456789abcdefghijklmn" // 40 characters

// cliResult is what one in-process run of the command printed and returned.
type cliResult struct {
	stdout, stderr string
	err            error
}

// cli runs the program in-process against the database at dbPath with a
// map-based environment holding only the secret.
func cli(t *testing.T, dbPath string, args ...string) cliResult {
	t.Helper()
	return cliWithEnv(t, dbPath, nil, args...)
}

// cliWithEnv is cli with more environment variables.
func cliWithEnv(t *testing.T, dbPath string, more map[string]string, args ...string) cliResult {
	t.Helper()
	env := map[string]string{"FOLLOWUP_SECRET": cliSecret}
	for k, v := range more {
		env[k] = v
	}
	var stdout, stderr bytes.Buffer
	full := append(append([]string{}, args...), "--db", dbPath)
	if len(args) == 0 {
		full = nil
	}
	err := run(context.Background(), full, func(k string) string { return env[k] }, strings.NewReader(""), &stdout, &stderr)
	return cliResult{stdout: stdout.String(), stderr: stderr.String(), err: err}
}

// mustCLI runs the program and fails the test if it fails.
func mustCLI(t *testing.T, dbPath string, args ...string) cliResult {
	t.Helper()
	r := cli(t, dbPath, args...)
	if r.err != nil {
		t.Fatalf("followup %s: %v\nstderr: %s", strings.Join(args, " "), r.err, r.stderr)
	}
	return r
}

// wantFailure checks that a run failed with the exit code and a message
// containing every part.
func wantFailure(t *testing.T, r cliResult, code int, parts ...string) {
	t.Helper()
	if r.err == nil {
		t.Fatalf("the command succeeded; stdout %q, stderr %q", r.stdout, r.stderr)
	}
	if got := exitCode(r.err); got != code {
		t.Errorf("exit code = %d, want %d (error %v)", got, code, r.err)
	}
	for _, p := range parts {
		if !strings.Contains(r.err.Error(), p) {
			t.Errorf("error %q does not mention %q", r.err, p)
		}
	}
}

// withDB opens the database between runs of the command.
func withDB(t *testing.T, path string, fn func(db *storage.DB)) {
	t.Helper()
	db, err := storage.Open(context.Background(), path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fn(db)
}

func testdata(name string) string { return filepath.Join("testdata", name) }

func newDBPath(t *testing.T) string { return filepath.Join(t.TempDir(), "followup.db") }

var cliDepartments = []forms.Department{
	{Name: "Barn- och utbildningsförvaltningen", Kind: forms.KindAdministration, Email: "bou@exempelby.se"},
	{Name: "Exempelby Energi AB", Kind: forms.KindCompany, Email: "info@energi.exempelby.se"},
	{Name: "Kommunledningsförvaltningen", Kind: forms.KindAdministration, Email: "kommunledning@exempelby.se"},
	{Name: `Räddningstjänsten Mitt; "förbundet"`, Kind: forms.KindFederation, Email: ""},
}

func departmentsOf(t *testing.T, path string) []forms.Department {
	t.Helper()
	var deps []forms.Department
	withDB(t, path, func(db *storage.DB) {
		var err error
		if deps, err = db.Departments(context.Background(), true); err != nil {
			t.Fatal(err)
		}
	})
	return deps
}

func TestCLIDepartmentsImport(t *testing.T) {
	path := newDBPath(t)
	r := mustCLI(t, path, "departments", "import", testdata("departments.csv"))
	if got := strings.TrimSpace(r.stderr); got != "4 added, 0 changed, 0 unchanged" {
		t.Errorf("stderr = %q", got)
	}
	if r.stdout != "" {
		t.Errorf("stdout = %q, want nothing", r.stdout)
	}
	first := departmentsOf(t, path)
	if len(first) != len(cliDepartments) {
		t.Fatalf("%d departments, want %d: %+v", len(first), len(cliDepartments), first)
	}
	for i, want := range cliDepartments {
		got := first[i]
		if got.Name != want.Name || got.Kind != want.Kind || got.Email != want.Email || !got.Active {
			t.Errorf("department %d = %q %q %q active %v, want %q %q %q", i, got.Name, got.Kind, got.Email, got.Active, want.Name, want.Kind, want.Email)
		}
	}

	t.Run("TwiceChangesNothing", func(t *testing.T) {
		r := mustCLI(t, path, "departments", "import", testdata("departments.csv"))
		if got := strings.TrimSpace(r.stderr); got != "0 added, 0 changed, 4 unchanged" {
			t.Errorf("stderr = %q", got)
		}
		if again := departmentsOf(t, path); fmt.Sprint(again) != fmt.Sprint(first) {
			t.Errorf("the second import changed the departments:\n%+v\n%+v", first, again)
		}
	})

	t.Run("UnknownKindRefusedWhole", func(t *testing.T) {
		r := cli(t, path, "departments", "import", testdata("departments_unknown_kind.csv"))
		wantFailure(t, r, 1, "departments_unknown_kind.csv", "line 3", "kind", "förvaltning, bolag or förbund")
		if strings.Contains(r.err.Error(), "line 2") || strings.Contains(r.err.Error(), "line 4") {
			t.Errorf("the error blames valid lines: %v", r.err)
		}
		deps := departmentsOf(t, path)
		if fmt.Sprint(deps) != fmt.Sprint(first) {
			t.Errorf("a refused file imported something: %+v", deps)
		}
	})
	t.Run("UnknownKindOnEmptyDatabase", func(t *testing.T) {
		path := newDBPath(t)
		wantFailure(t, cli(t, path, "departments", "import", testdata("departments_unknown_kind.csv")), 1, "line 3")
		if deps := departmentsOf(t, path); len(deps) != 0 {
			t.Errorf("a refused file imported %d departments", len(deps))
		}
	})
	t.Run("MissingFile", func(t *testing.T) {
		wantFailure(t, cli(t, path, "departments", "import", testdata("no-such-file.csv")), 1, "no-such-file.csv")
	})
}

func plansOf(t *testing.T, path string) []storage.PlanSummary {
	t.Helper()
	var plans []storage.PlanSummary
	withDB(t, path, func(db *storage.DB) {
		var err error
		if plans, err = db.Plans(context.Background()); err != nil {
			t.Fatal(err)
		}
	})
	return plans
}

var idLine = regexp.MustCompile(`^[1-9][0-9]*\n$`)

// printedID checks that stdout is an id alone on its line and returns it.
func printedID(t *testing.T, r cliResult) int64 {
	t.Helper()
	if !idLine.MatchString(r.stdout) {
		t.Fatalf("stdout = %q, want the id alone", r.stdout)
	}
	id, _ := strconv.ParseInt(strings.TrimSpace(r.stdout), 10, 64)
	return id
}

func TestCLIPlanImportAndExport(t *testing.T) {
	path := newDBPath(t)
	mustCLI(t, path, "departments", "import", testdata("departments.csv"))
	r := mustCLI(t, path, "plan", "import", testdata("plan.json"))
	id := printedID(t, r)
	if !strings.Contains(r.stderr, "3 activities") {
		t.Errorf("stderr = %q", r.stderr)
	}

	var plan *forms.Plan
	byName := map[string]int64{}
	withDB(t, path, func(db *storage.DB) {
		var err error
		if plan, err = db.Plan(context.Background(), id); err != nil {
			t.Fatal(err)
		}
		deps, _ := db.Departments(context.Background(), true)
		for _, d := range deps {
			byName[d.Name] = d.ID
		}
	})
	if plan.Title != "Handlingsplan för informationssäkerhet och dataskydd 2025" || plan.Year != 2025 || plan.Organisation != "Exempelby kommun" {
		t.Errorf("plan = %q %d %q", plan.Title, plan.Year, plan.Organisation)
	}
	var scale []string
	for _, s := range plan.Statuses {
		scale = append(scale, s.Name)
	}
	var def []string
	for _, s := range forms.DefaultScale() {
		def = append(def, s.Name)
	}
	if !slices.Equal(scale, def) {
		t.Errorf("scale = %q, want the default %q", scale, def)
	}
	acts := plan.Activities()
	if len(acts) != 3 {
		t.Fatalf("%d activities, want 3", len(acts))
	}
	if !acts[0].AllDepartments {
		t.Errorf("%q is not for every department", acts[0].Title)
	}
	wantIDs := []int64{byName["Barn- och utbildningsförvaltningen"], byName["Kommunledningsförvaltningen"]}
	if acts[1].AllDepartments || !slices.Equal(acts[1].DepartmentIDs, wantIDs) {
		t.Errorf("%q respondents = %v, want %v", acts[1].Title, acts[1].DepartmentIDs, wantIDs)
	}
	if !slices.Equal(acts[2].DepartmentIDs, []int64{byName["Exempelby Energi AB"]}) {
		t.Errorf("%q respondents = %v", acts[2].Title, acts[2].DepartmentIDs)
	}

	export := mustCLI(t, path, "plan", "export", strconv.FormatInt(id, 10))
	var doc forms.PlanDocument
	if err := json.Unmarshal([]byte(export.stdout), &doc); err != nil {
		t.Fatalf("export is not JSON: %v\n%s", err, export.stdout)
	}
	if got := doc.Areas[0].Activities[1].Respondents.Names; !slices.Equal(got, []string{"Barn- och utbildningsförvaltningen", "Kommunledningsförvaltningen"}) {
		t.Errorf("exported respondents = %q", got)
	}
	if !doc.Areas[0].Activities[0].Respondents.All || len(doc.Statuses) != len(def) {
		t.Errorf("exported document = %+v", doc)
	}

	t.Run("ExportReimportsToTheSamePlan", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "plan-export.json")
		if err := os.WriteFile(file, []byte(export.stdout), 0o600); err != nil {
			t.Fatal(err)
		}
		id2 := printedID(t, mustCLI(t, path, "plan", "import", file))
		if id2 == id {
			t.Fatalf("the re-import got the same id %d", id)
		}
		again := mustCLI(t, path, "plan", "export", strconv.FormatInt(id2, 10))
		if again.stdout != export.stdout {
			t.Errorf("re-imported plan exports differently:\n%s\n---- first ----\n%s", again.stdout, export.stdout)
		}
		var p2 *forms.Plan
		withDB(t, path, func(db *storage.DB) { p2, _ = db.Plan(context.Background(), id2) })
		if len(p2.Activities()) != 3 || p2.Statuses[3].Name != "Genomfört" || !p2.Statuses[3].Done || !p2.Statuses[0].CommentRequired {
			t.Errorf("re-imported plan lost its scale or activities: %+v", p2)
		}
	})
	t.Run("ExportUnknownPlan", func(t *testing.T) {
		wantFailure(t, cli(t, path, "plan", "export", "999"), 1, "no plan 999")
	})
}

func TestCLIPlanImportRefusesBadPlans(t *testing.T) {
	cases := []struct {
		file  string
		parts []string
	}{
		{"plan_unknown_department.json", []string{"areas[0].activities[1].respondents", `unknown department "Socialförvaltningen"`}},
		{"plan_duplicate_activity.json", []string{"areas[0].activities[2].title", "appears twice"}},
		{"plan_malformed.json", []string{"line 4", "malformed JSON"}},
		{"plan_unknown_field.json", []string{"line 9", `"respondent"`}},
	}
	for _, tc := range cases {
		t.Run(strings.TrimSuffix(tc.file, ".json"), func(t *testing.T) {
			path := newDBPath(t)
			mustCLI(t, path, "departments", "import", testdata("departments.csv"))
			r := cli(t, path, "plan", "import", testdata(tc.file))
			wantFailure(t, r, 1, append([]string{tc.file}, tc.parts...)...)
			if r.stdout != "" {
				t.Errorf("stdout = %q, want nothing", r.stdout)
			}
			if plans := plansOf(t, path); len(plans) != 0 {
				t.Errorf("a refused plan was imported: %+v", plans)
			}
		})
	}
}

func TestCLIRoundLifecycle(t *testing.T) {
	ctx := context.Background()
	path := newDBPath(t)
	mustCLI(t, path, "departments", "import", testdata("departments.csv"))
	planID := printedID(t, mustCLI(t, path, "plan", "import", testdata("plan.json")))

	deadline := time.Now().AddDate(0, 2, 0).Format(forms.DateLayout) // a return needs it ahead
	r := mustCLI(t, path, "round", "create", "--plan", strconv.FormatInt(planID, 10), "--kind", "delår",
		"--title", "Delårsrapport 2025", "--date", "2025-08-31", "--deadline", deadline)
	roundID := printedID(t, r)
	rid := strconv.FormatInt(roundID, 10)
	withDB(t, path, func(db *storage.DB) {
		round, err := db.Round(ctx, roundID)
		if err != nil {
			t.Fatal(err)
		}
		if round.State != forms.RoundDraft || round.Kind != forms.RoundInterim || round.Title != "Delårsrapport 2025" ||
			round.Deadline.Format(forms.DateLayout) != deadline || round.PlanID != planID {
			t.Errorf("round = %+v", round)
		}
	})

	open := mustCLI(t, path, "round", "open", rid, "--base-url", "https://uppfoljning.exempelby.se/")
	lines := strings.Split(strings.TrimSuffix(open.stdout, "\n"), "\n")
	if len(lines) != len(cliDepartments) {
		t.Fatalf("round open printed %d lines, want one per department:\n%s", len(lines), open.stdout)
	}
	linkPattern := regexp.MustCompile(`^https://uppfoljning\.exempelby\.se/r/([A-Za-z0-9_-]{43})$`)
	tokens := map[string]string{}
	withDB(t, path, func(db *storage.DB) {
		for i, line := range lines {
			name, link, ok := strings.Cut(line, "\t")
			if !ok || strings.Contains(link, "\t") {
				t.Fatalf("line %q is not name<TAB>URL", line)
			}
			if name != cliDepartments[i].Name {
				t.Errorf("line %d names %q, want %q", i, name, cliDepartments[i].Name)
			}
			m := linkPattern.FindStringSubmatch(link)
			if m == nil {
				t.Fatalf("link %q is not on the base URL", link)
			}
			gotRound, gotDep, err := db.LinkTarget(ctx, m[1])
			if err != nil {
				t.Fatalf("the link of %s does not open: %v", name, err)
			}
			dep, _ := db.Department(ctx, gotDep)
			if gotRound != roundID || dep.Name != name {
				t.Errorf("the link of %s opens round %d department %q", name, gotRound, dep.Name)
			}
			derived, err := db.Links(ctx, []byte(cliSecret), roundID)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range derived {
				if l.Department.ID == gotDep && (l.Stale || l.Token != m[1]) {
					t.Errorf("the link of %s is not derived from FOLLOWUP_SECRET", name)
				}
			}
			tokens[name] = m[1]
		}
		round, _ := db.Round(ctx, roundID)
		if round.State != forms.RoundOpen {
			t.Errorf("round state = %s, want open", round.State)
		}
	})
	t.Run("OpenAgainPrintsTheSameLinks", func(t *testing.T) {
		again := mustCLI(t, path, "round", "open", rid, "--base-url", "https://uppfoljning.exempelby.se")
		if again.stdout != open.stdout {
			t.Errorf("second open printed other links:\n%s\nfirst:\n%s", again.stdout, open.stdout)
		}
	})

	// A department submits (through the storage layer, on a day before the
	// deadline), and the office returns its response for completion.
	school := cliDepartments[0].Name
	withDB(t, path, func(db *storage.DB) {
		db.Now = func() time.Time { return time.Date(2025, 9, 1, 9, 0, 0, 0, time.UTC) }
		_, depID, err := db.LinkTarget(ctx, tokens[school])
		if err != nil {
			t.Fatal(err)
		}
		plan, err := db.Plan(ctx, planID)
		if err != nil {
			t.Fatal(err)
		}
		by := "Anna Andersson"
		in := forms.SaveInput{FilledInBy: &by}
		for _, a := range plan.Activities() {
			if a.AssignedTo(depID) {
				in.Answers = append(in.Answers, forms.AnswerInput{ActivityID: a.ID, StatusID: plan.Statuses[3].ID})
			}
		}
		loc, _ := time.LoadLocation("Europe/Stockholm")
		if _, err := db.SubmitResponse(ctx, loc, roundID, depID, in, storage.Actor(by)); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("ResponseReturn", func(t *testing.T) {
		r := mustCLI(t, path, "response", "return", rid, school, "--message", "Komplettera med datum för riskanalysen.")
		if !strings.Contains(r.stderr, school) {
			t.Errorf("stderr = %q", r.stderr)
		}
		withDB(t, path, func(db *storage.DB) {
			_, depID, _ := db.LinkTarget(ctx, tokens[school])
			resp, err := db.Response(ctx, roundID, depID)
			if err != nil {
				t.Fatal(err)
			}
			if resp.State != forms.ResponseReturned || resp.ReturnMessage != "Komplettera med datum för riskanalysen." || resp.ReturnedBy == "" {
				t.Errorf("response = state %s message %q by %q", resp.State, resp.ReturnMessage, resp.ReturnedBy)
			}
		})
		wantFailure(t, cli(t, path, "response", "return", rid, "Okänd förvaltning", "--message", "x"), 1, "Okänd förvaltning")
	})

	t.Run("ReportSettings", func(t *testing.T) {
		r := mustCLI(t, path, "round", "report", rid)
		if !strings.Contains(r.stdout, "drafts") || !strings.Contains(r.stdout, "version            0") {
			t.Errorf("settings before a save:\n%s", r.stdout)
		}
		r = mustCLI(t, path, "round", "report", rid, "--drafts", "--chart=false", "--compiled-by", "Säkerhetsenheten")
		if !strings.Contains(r.stdout, "version            1") {
			t.Errorf("settings after a save:\n%s", r.stdout)
		}
		withDB(t, path, func(db *storage.DB) {
			s, err := db.ReportSettings(ctx, roundID)
			if err != nil {
				t.Fatal(err)
			}
			want := forms.DefaultReportSettings()
			want.Drafts, want.Chart, want.CompiledBy, want.Version = true, false, "Säkerhetsenheten", 1
			if s != want {
				t.Errorf("stored settings = %+v, want %+v", s, want)
			}
		})
		wantFailure(t, cli(t, path, "round", "report", "999", "--drafts"), 1, "no round 999")
		wantFailure(t, cli(t, path, "round", "report", rid, "--compiled-by", "två\nrader"), 1)
	})

	t.Run("ExportWithReportFlags", func(t *testing.T) {
		dir := t.TempDir()
		saved := filepath.Join(dir, "saved.pdf")
		mustCLI(t, path, "export", "--round", rid, "--format", "pdf", "-o", saved)
		if text := pdfText(t, saved); !strings.Contains(text, "Säkerhetsenheten") {
			t.Errorf("the report does not name the saved compiler:\n%s", abbreviate(text))
		}
		once := filepath.Join(dir, "once.pdf")
		mustCLI(t, path, "export", "--round", rid, "--format", "pdf", "--compiled-by", "Dataskyddsombudet", "-o", once)
		if text := pdfText(t, once); !strings.Contains(text, "Dataskyddsombudet") || strings.Contains(text, "Säkerhetsenheten") {
			t.Errorf("the report does not name the compiler of the flag:\n%s", abbreviate(text))
		}
		withDB(t, path, func(db *storage.DB) {
			if s, _ := db.ReportSettings(ctx, roundID); s.CompiledBy != "Säkerhetsenheten" || s.Version != 1 {
				t.Errorf("an export's flags changed the stored settings: %+v", s)
			}
		})
	})

	t.Run("Export", func(t *testing.T) {
		dir := t.TempDir()
		for _, tc := range []struct{ format, magic string }{{"xlsx", "PK"}, {"pdf", "%PDF"}} {
			file := filepath.Join(dir, "rapport."+tc.format)
			r := mustCLI(t, path, "export", "--round", rid, "--format", tc.format, "-o", file)
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%s: %v", tc.format, err)
			}
			if !bytes.HasPrefix(b, []byte(tc.magic)) {
				t.Errorf("%s file starts with %q, want %q", tc.format, b[:min(len(b), 8)], tc.magic)
			}
			if !strings.Contains(r.stderr, file) {
				t.Errorf("stderr = %q", r.stderr)
			}
			if leftovers, _ := filepath.Glob(filepath.Join(dir, ".followup-export-*")); len(leftovers) != 0 {
				t.Errorf("temporary files left: %v", leftovers)
			}
		}
		wantFailure(t, cli(t, path, "export", "--round", rid, "--format", "docx", "-o", filepath.Join(dir, "x.docx")), 2, "--format")
		wantFailure(t, cli(t, path, "export", "--round", "999", "--format", "pdf", "-o", filepath.Join(dir, "x.pdf")), 1, "no round 999")
	})

	t.Run("Close", func(t *testing.T) {
		r := mustCLI(t, path, "round", "close", rid)
		if r.stdout != "" {
			t.Errorf("stdout = %q", r.stdout)
		}
		withDB(t, path, func(db *storage.DB) {
			round, _ := db.Round(ctx, roundID)
			if round.State != forms.RoundClosed || round.ClosedAt.IsZero() {
				t.Errorf("round = state %s closed at %v", round.State, round.ClosedAt)
			}
		})
		wantFailure(t, cli(t, path, "round", "close", "999"), 1, "no round 999")
	})
}

func TestCLIUsageErrors(t *testing.T) {
	path := newDBPath(t)
	cases := []struct {
		name string
		args []string
	}{
		{"NoCommand", nil},
		{"UnknownCommand", []string{"frobnicate"}},
		{"UnknownSubcommand", []string{"round", "frobnicate"}},
		{"PlanWithoutSubcommand", []string{"plan"}},
		{"ImportWithoutFile", []string{"departments", "import"}},
		{"UnknownFlag", []string{"plan", "import", "--bogus", testdata("plan.json")}},
		{"RoundIDNotANumber", []string{"round", "open", "abc"}},
		{"RoundOpenWithoutID", []string{"round", "open"}},
		{"RoundCreateWithoutFlags", []string{"round", "create", "--plan", "1"}},
		{"ReturnWithoutMessage", []string{"response", "return", "1", "Kommunledningsförvaltningen"}},
		{"ExportWithoutRound", []string{"export", "--format", "pdf"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := cli(t, path, tc.args...)
			wantFailure(t, r, 2)
			if r.stdout != "" {
				t.Errorf("stdout = %q, want nothing", r.stdout)
			}
		})
	}
	t.Run("UnknownCommandPrintsUsage", func(t *testing.T) {
		r := cli(t, path, "frobnicate")
		wantFailure(t, r, 2, `unknown command "frobnicate"`)
		if !strings.Contains(r.stderr, "Usage:") || !strings.Contains(r.stderr, "followup round open ID") {
			t.Errorf("stderr lacks the usage: %q", r.stderr)
		}
	})
	t.Run("OtherErrorsExitOne", func(t *testing.T) {
		if got := exitCode(fmt.Errorf("database locked")); got != 1 {
			t.Errorf("exitCode = %d, want 1", got)
		}
	})
}

// TestCLIBackup copies a database with its answers, refuses to overwrite a
// file, and leaves the source's schema as it was (a backup never migrates).
func TestCLIBackup(t *testing.T) {
	path := newDBPath(t)
	mustCLI(t, path, "departments", "import", testdata("departments.csv"))
	dest := filepath.Join(t.TempDir(), "kopia.db")
	mustCLI(t, path, "backup", dest)
	if got := departmentsOf(t, dest); len(got) != len(departmentsOf(t, path)) || len(got) == 0 {
		t.Fatalf("the copy holds %d departments", len(got))
	}
	if st, err := os.Stat(dest); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("the copy is readable by others: %v", err)
	}
	wantFailure(t, cli(t, path, "backup", dest), 1, "exists already")
	wantFailure(t, cli(t, filepath.Join(t.TempDir(), "saknas.db"), "backup", filepath.Join(t.TempDir(), "x.db")), 1, "cannot back up")
}

// pdfText returns the text of a PDF as pdftotext reads it. Without
// poppler-utils the test skips, except in CI, where it fails.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("pdftotext is required in CI (apt-get install poppler-utils): %v", err)
		}
		t.Skipf("pdftotext not installed (apt-get install poppler-utils)")
	}
	out, err := exec.Command(tool, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// abbreviate keeps the start of a long text for a failure message.
func abbreviate(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}
