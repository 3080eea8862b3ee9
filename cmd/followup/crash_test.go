package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"followup/forms"
	"followup/storage"
)

// TestMain lets the test binary act as the real program: started with
// FOLLOWUP_TEST_MAIN=1 it runs the command line it was given, so the crash
// test can start, kill and restart a real server process.
func TestMain(m *testing.M) {
	if os.Getenv("FOLLOWUP_TEST_MAIN") == "1" {
		if err := run(context.Background(), os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr); err != nil {
			fmt.Fprintln(os.Stderr, "followup:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

const crashSecret = "crash-test-secret-0123456789abcdefghijklmnop"

// crashLedger is what the server acknowledged, and what it was sent but
// did not answer before it died (such a write may or may not be there).
type crashLedger struct {
	mu       sync.Mutex
	acked    map[string]string
	pending  map[string][]string
	submits  map[int64]int
	trySub   map[int64]int
	saveAcks int
}

// TestCrashKeepsAcknowledgedSaves kills the server with SIGKILL at random
// moments while clients save and submit, restarts it each time, and checks
// at the end that every acknowledged save is in the database, no submission
// is duplicated, and the database passes its integrity check.
func TestCrashKeepsAcknowledgedSaves(t *testing.T) {
	if testing.Short() {
		t.Skip("the crash test takes about half a minute; run without -short")
	}
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "crash.db")
	roundID, links, acts, status := crashFixture(t, dbPath)
	led := &crashLedger{acked: map[string]string{}, pending: map[string][]string{}, submits: map[int64]int{}, trySub: map[int64]int{}}
	rng := rand.New(rand.NewPCG(7, 11))
	versions := map[string]int{} // what each client last saw; refreshed after every restart
	const kills = 24
	for i := 0; i < kills; i++ {
		srv := startCrashServer(t, dbPath)
		refreshVersions(t, srv.url, links, versions)
		ctx, cancel := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		for c := 0; c < 4; c++ {
			wg.Add(1)
			go func(c int) {
				defer wg.Done()
				crashClient(ctx, srv.url, links, acts, status, c, led, versions)
			}(c)
		}
		time.Sleep(time.Duration(40+rng.IntN(260)) * time.Millisecond)
		srv.cmd.Process.Kill() // SIGKILL: no shutdown, no flush
		srv.cmd.Wait()
		cancel()
		wg.Wait()
		// While the server is down, the office returns every submitted
		// response, so departments can go on saving after the restart.
		returnSubmitted(t, dbPath, roundID)
	}
	if led.saveAcks < 100 {
		t.Fatalf("only %d saves were acknowledged over %d runs; the test did not exercise the server", led.saveAcks, kills)
	}
	checkLedger(t, dbPath, roundID, led)
	t.Logf("%d kills, %d acknowledged saves, %d answers checked", kills, led.saveAcks, len(led.acked))
}

func crashFixture(t *testing.T, dbPath string) (int64, []storage.Link, []int64, int64) {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, dbPath, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var rows []forms.DepartmentRow
	for i := 0; i < 6; i++ {
		rows = append(rows, forms.DepartmentRow{Line: i + 2, Input: forms.DepartmentInput{Name: fmt.Sprintf("Förvaltning %d", i), Kind: "förvaltning"}})
	}
	if _, err := db.ImportDepartments(ctx, rows, "test"); err != nil {
		t.Fatal(err)
	}
	plan := &forms.Plan{Organisation: "Kraschby", Title: "Plan", Year: 2026, Statuses: forms.DefaultScale(), Areas: []forms.Area{{Title: "Område"}}}
	for a := 0; a < 6; a++ {
		plan.Areas[0].Activities = append(plan.Areas[0].Activities, forms.Activity{Title: fmt.Sprintf("Aktivitet %d", a), AllDepartments: true})
	}
	if _, err := db.CreatePlan(ctx, plan, "test"); err != nil {
		t.Fatal(err)
	}
	round, err := db.CreateRound(ctx, forms.RoundInput{PlanID: plan.ID, Kind: "interim", Title: "Krasch", ReportDate: "2026-08-31", Deadline: "2099-12-31"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetRoundState(ctx, round, forms.RoundOpen, "test"); err != nil {
		t.Fatal(err)
	}
	links, err := db.Links(ctx, []byte(crashSecret), round)
	if err != nil {
		t.Fatal(err)
	}
	var acts []int64
	for _, a := range plan.Activities() {
		acts = append(acts, a.ID)
	}
	st, _ := plan.Statuses.ByName("Pågår")
	return round, links, acts, st.ID
}

type crashServer struct {
	cmd *exec.Cmd
	url string
}

// startCrashServer starts this test binary as `followup serve` on a free
// port and waits until it listens.
func startCrashServer(t *testing.T, dbPath string, env ...string) crashServer {
	t.Helper()
	cmd := exec.Command(os.Args[0], "serve", "--db", dbPath, "--addr", "127.0.0.1:0")
	cmd.Env = append(append(os.Environ(), "FOLLOWUP_TEST_MAIN=1", "FOLLOWUP_SECRET="+crashSecret), env...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			var line struct {
				Msg  string `json:"msg"`
				Addr string `json:"addr"`
			}
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "listening" {
				addr <- line.Addr
			}
		}
	}()
	select {
	case a := <-addr:
		return crashServer{cmd: cmd, url: "http://" + a}
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the server did not start within 20 s")
	}
	return crashServer{}
}

func crashKey(d int, act int64) string { return fmt.Sprintf("%d/%d", d, act) }

// refreshVersions reads every questionnaire after a restart, as a person
// reloading the page would, to learn the versions to base saves on.
func refreshVersions(t *testing.T, url string, links []storage.Link, versions map[string]int) {
	t.Helper()
	for d, l := range links {
		res, err := http.Get(url + "/api/v1/r/" + l.Token)
		if err != nil {
			t.Fatal(err)
		}
		var q struct {
			Activities []struct {
				ID     int64 `json:"id"`
				Answer struct {
					Version int `json:"version"`
				} `json:"answer"`
			} `json:"activities"`
		}
		err = json.NewDecoder(res.Body).Decode(&q)
		res.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range q.Activities {
			versions[crashKey(d, a.ID)] = a.Answer.Version
		}
	}
}

// crashClient saves and sometimes submits one department's questionnaire
// until its context ends. Client c owns departments c, c+4, … so no two
// clients edit the same answers.
func crashClient(ctx context.Context, url string, links []storage.Link, acts []int64, status int64, c int, led *crashLedger, versionsShared map[string]int) {
	rng := rand.New(rand.NewPCG(uint64(c), uint64(time.Now().UnixNano())))
	client := &http.Client{Timeout: 5 * time.Second}
	led.mu.Lock()
	versions := map[string]int{}
	for k, v := range versionsShared {
		versions[k] = v
	}
	led.mu.Unlock()
	var mine []int
	for d := c; d < len(links); d += 4 {
		mine = append(mine, d)
	}
	if len(mine) == 0 {
		return
	}
	for n := 0; ctx.Err() == nil; n++ {
		d := mine[rng.IntN(len(mine))]
		tok := links[d].Token
		if rng.IntN(15) == 0 {
			name := "Provare"
			body, _ := json.Marshal(map[string]any{"filled_in_by": name, "answers": completeAnswers(acts, status, versions, d)})
			led.mu.Lock()
			led.trySub[links[d].Department.ID]++
			led.mu.Unlock()
			res, err := client.Post(url+"/api/v1/r/"+tok+"/submit", "application/json", bytes.NewReader(body))
			if err != nil {
				return // the server died: this submission may or may not have landed
			}
			data, _ := io.ReadAll(res.Body)
			res.Body.Close()
			led.mu.Lock()
			if res.StatusCode == http.StatusOK {
				led.submits[links[d].Department.ID]++
				led.trySub[links[d].Department.ID]--
				applyVersions(data, d, versions)
			} else {
				led.trySub[links[d].Department.ID]--
			}
			led.mu.Unlock()
			continue
		}
		act := acts[rng.IntN(len(acts))]
		key := crashKey(d, act)
		comment := fmt.Sprintf("klient %d sparning %d %d", c, n, rng.Int())
		body, _ := json.Marshal(map[string]any{"answers": []map[string]any{{"activity_id": act, "status_id": status, "comment": comment, "base_version": versions[key]}}})
		led.mu.Lock()
		led.pending[key] = append(led.pending[key], comment)
		led.mu.Unlock()
		res, err := client.Post(url+"/api/v1/r/"+tok+"/draft", "application/json", bytes.NewReader(body))
		if err != nil {
			return
		}
		data, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode == http.StatusOK {
			led.mu.Lock()
			led.acked[key] = comment
			led.pending[key] = nil
			led.saveAcks++
			led.mu.Unlock()
			applyVersions(data, d, versions)
		}
	}
}

func completeAnswers(acts []int64, status int64, versions map[string]int, d int) []map[string]any {
	var out []map[string]any
	for _, a := range acts {
		if versions[crashKey(d, a)] == 0 {
			out = append(out, map[string]any{"activity_id": a, "status_id": status, "comment": "inför inskick", "base_version": 0})
		}
	}
	return out
}

func applyVersions(data []byte, d int, versions map[string]int) {
	var q struct {
		Activities []struct {
			ID     int64 `json:"id"`
			Answer struct {
				Version int `json:"version"`
			} `json:"answer"`
		} `json:"activities"`
	}
	if json.Unmarshal(data, &q) == nil {
		for _, a := range q.Activities {
			versions[crashKey(d, a.ID)] = a.Answer.Version
		}
	}
}

func returnSubmitted(t *testing.T, dbPath string, roundID int64) {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, dbPath, storage.Options{})
	if err != nil {
		t.Fatalf("reopen after a kill: %v", err)
	}
	defer db.Close()
	rep, err := db.RoundReport(ctx, roundID)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range rep.Submitted() {
		if err := db.ReturnResponse(ctx, time.UTC, roundID, d.ID, "Komplettera, tack.", "test"); err != nil {
			t.Fatal(err)
		}
	}
}

func checkLedger(t *testing.T, dbPath string, roundID int64, led *crashLedger) {
	t.Helper()
	ctx := context.Background()
	if err := storage.CheckIntegrity(ctx, dbPath); err != nil {
		t.Fatal(err)
	}
	db, err := storage.Open(ctx, dbPath, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := sql.Open("sqlite3", "file:"+dbPath+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	rep, err := db.RoundReport(ctx, roundID)
	if err != nil {
		t.Fatal(err)
	}
	lost := 0
	for key, want := range led.acked {
		var d int
		var act int64
		fmt.Sscanf(strings.Replace(key, "/", " ", 1), "%d %d", &d, &act)
		got := rep.Responses[rep.Departments[d].ID].Answers[act].Comment
		ok := got == want
		for _, p := range led.pending[key] {
			ok = ok || got == p
		}
		if !ok {
			lost++
			t.Errorf("answer %s: have %q, but %q was acknowledged", key, got, want)
		}
	}
	for dep, n := range led.submits {
		var events int
		if err := conn.QueryRow(`SELECT COUNT(*) FROM response_events e JOIN responses r ON r.id = e.response_id
			WHERE r.round_id = ? AND r.department_id = ? AND e.kind = 'submitted'`, roundID, dep).Scan(&events); err != nil {
			t.Fatal(err)
		}
		if events < n || events > n+led.trySub[dep] {
			t.Errorf("department %d: %d submissions recorded, %d acknowledged (%d unanswered attempts)", dep, events, n, led.trySub[dep])
		}
	}
	if lost > 0 {
		t.Fatalf("%d acknowledged saves lost", lost)
	}
}
