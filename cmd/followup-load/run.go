package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// person is one simulated editor. Two people share each department and
// edit disjoint halves of its activities, as colleagues splitting a form
// would, so a conflict between them would be a bug, not part of the load.
type person struct {
	id       int
	dept     int // index into target.links
	acts     []int64
	versions map[int64]int
	busy     atomic.Bool
	seq      int
}

// ledger records what the server acknowledged, and what it was sent without
// an answer (a timeout may still have committed).
type ledger struct {
	mu        sync.Mutex
	acked     map[string]string   // "dept/activity" → last acknowledged comment
	pending   map[string][]string // sent after the last ack, unanswered
	submits   map[int]int         // dept → acknowledged submissions
	submitTry map[int]int         // dept → submissions sent without an answer
	submitted map[int]bool        // dept → read-only now
}

func (l *ledger) key(dept int, act int64) string {
	return strconv.Itoa(dept) + "/" + strconv.FormatInt(act, 10)
}

type runConfig struct {
	url          string
	saves        float64
	submits      float64
	pages        float64
	returns      float64
	duration     time.Duration
	exportEvery  time.Duration
	steps        []float64
	pageSteps    []float64
	stepDuration time.Duration
}

func cmdRun(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "load.db", "the database the server runs on (read for links and checked at the end)")
	var c runConfig
	var steps, pageSteps string
	fs.StringVar(&c.url, "url", "http://127.0.0.1:8090", "the running server")
	fs.Float64Var(&c.saves, "saves", 100, "autosaves per second")
	fs.Float64Var(&c.submits, "submits", 10, "submissions per second")
	fs.Float64Var(&c.pages, "pages", 50, "questionnaire page loads per second")
	fs.Float64Var(&c.returns, "returns", 10, "returns for completion per second (by the office, through the API); as many as submissions keeps departments editing")
	fs.DurationVar(&c.duration, "duration", 60*time.Second, "how long to run (each step, with --steps: --step-duration)")
	fs.DurationVar(&c.exportEvery, "export-every", 0, "download the round's Excel workbook this often (0: never)")
	fs.StringVar(&steps, "steps", "", "comma-separated save rates to step through to find the ceiling, e.g. 250,500,1000,1500 (pages, submits and returns at their flags' rates)")
	fs.StringVar(&pageSteps, "page-steps", "", "comma-separated page rates to step through, with no saves, to find the page ceiling")
	fs.DurationVar(&c.stepDuration, "step-duration", 20*time.Second, "how long each step runs")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var err error
	if c.steps, err = parseRates("--steps", steps); err != nil {
		return err
	}
	if c.pageSteps, err = parseRates("--page-steps", pageSteps); err != nil {
		return err
	}
	c.url = strings.TrimRight(c.url, "/")
	t, err := loadTarget(ctx, *dbPath)
	if err != nil {
		return err
	}
	l := newLoad(c, t)
	if l.baseline, err = submittedEvents(ctx, *dbPath, t); err != nil {
		return err
	}
	if err := l.prefill(ctx); err != nil {
		return err
	}
	if len(c.steps) == 0 && len(c.pageSteps) == 0 {
		rep := l.phase(ctx, c.saves, c.submits, c.pages, c.returns, c.duration)
		rep.print(stdout, fmt.Sprintf("%.0f saves/s, %.0f submits/s, %.0f pages/s, %.0f returns/s for %s", c.saves, c.submits, c.pages, c.returns, c.duration))
	}
	for _, rate := range c.steps {
		if ctx.Err() != nil {
			break
		}
		rep := l.phase(ctx, rate, c.submits, c.pages, c.returns, c.stepDuration)
		rep.print(stdout, fmt.Sprintf("step: %.0f saves/s (with %.0f submits/s, %.0f pages/s, %.0f returns/s) for %s", rate, c.submits, c.pages, c.returns, c.stepDuration))
	}
	for _, rate := range c.pageSteps {
		if ctx.Err() != nil {
			break
		}
		rep := l.phase(ctx, 0, 0, rate, 0, c.stepDuration)
		rep.print(stdout, fmt.Sprintf("step: %.0f pages/s, nothing else, for %s", rate, c.stepDuration))
	}
	return l.verify(ctx, *dbPath, stdout)
}

type load struct {
	c      runConfig
	t      *target
	client *http.Client
	people []*person
	ledger *ledger
	// baseline is each department's number of submissions before the run.
	baseline map[int]int
	rng      *rand.Rand
	rngMu    sync.Mutex
}

func newLoad(c runConfig, t *target) *load {
	tr := &http.Transport{MaxIdleConns: 2048, MaxIdleConnsPerHost: 2048, IdleConnTimeout: 90 * time.Second}
	l := &load{c: c, t: t, client: &http.Client{Transport: tr, Timeout: 30 * time.Second},
		ledger: &ledger{acked: map[string]string{}, pending: map[string][]string{}, submits: map[int]int{}, submitTry: map[int]int{}, submitted: map[int]bool{}},
		rng:    rand.New(rand.NewPCG(1, 2))}
	for d := range t.links {
		for p := 0; p < 2; p++ {
			pe := &person{id: len(l.people), dept: d, versions: map[int64]int{}}
			for i, a := range t.activities {
				if i%2 == p {
					pe.acts = append(pe.acts, a.ID)
				}
			}
			l.people = append(l.people, pe)
		}
	}
	return l
}

func (l *load) intn(n int) int {
	l.rngMu.Lock()
	defer l.rngMu.Unlock()
	return l.rng.IntN(n)
}

// prefill reads every questionnaire once, so each person knows the versions
// its saves are based on, and answers every activity so submissions are
// complete.
func (l *load) prefill(ctx context.Context) error {
	var wg sync.WaitGroup
	errs := make(chan error, len(l.t.links))
	sem := make(chan struct{}, 32)
	for d := range l.t.links {
		wg.Add(1)
		sem <- struct{}{}
		go func(d int) {
			defer wg.Done()
			defer func() { <-sem }()
			q, err := l.getQuestionnaire(ctx, d)
			if err != nil {
				errs <- err
				return
			}
			var body saveBody
			for _, a := range q.Activities {
				if a.Answer.StatusID == 0 {
					body.Answers = append(body.Answers, answerBody{ActivityID: a.ID, StatusID: l.t.status, Comment: "Förifyllt inför lasttestet.", BaseVersion: a.Answer.Version})
				}
			}
			if q.State == "submitted" {
				l.ledger.mu.Lock()
				l.ledger.submitted[d] = true
				l.ledger.mu.Unlock()
			} else if len(body.Answers) > 0 {
				status, resp, err := l.post(ctx, "/api/v1/r/"+l.t.links[d].Token+"/draft", body)
				if err != nil || status != http.StatusOK {
					errs <- fmt.Errorf("prefill of %s: status %d %v", l.t.links[d].Department.Name, status, err)
					return
				}
				q = resp
			}
			for _, p := range l.people[2*d : 2*d+2] {
				for _, a := range q.Activities {
					p.versions[a.ID] = a.Answer.Version
				}
			}
		}(d)
	}
	wg.Wait()
	close(errs)
	return <-errs
}

type answerBody struct {
	ActivityID   int64  `json:"activity_id"`
	StatusID     int64  `json:"status_id"`
	Comment      string `json:"comment"`
	NeedsSupport bool   `json:"needs_support"`
	BaseVersion  int    `json:"base_version"`
}

type saveBody struct {
	Answers    []answerBody `json:"answers,omitempty"`
	FilledInBy *string      `json:"filled_in_by,omitempty"`
}

type questionnaireJSON struct {
	State      string `json:"state"`
	Activities []struct {
		ID     int64 `json:"id"`
		Answer struct {
			StatusID int64  `json:"status_id"`
			Comment  string `json:"comment"`
			Version  int    `json:"version"`
		} `json:"answer"`
	} `json:"activities"`
	Error *struct {
		Code string `json:"code"`
	} `json:"error"`
}

func (l *load) getQuestionnaire(ctx context.Context, d int) (*questionnaireJSON, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, l.c.url+"/api/v1/r/"+l.t.links[d].Token, nil)
	res, err := l.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	var q questionnaireJSON
	if err := json.NewDecoder(res.Body).Decode(&q); err != nil {
		return nil, err
	}
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("questionnaire of %s: status %d", l.t.links[d].Department.Name, res.StatusCode)
	}
	return &q, nil
}

func (l *load) post(ctx context.Context, path string, body any) (int, *questionnaireJSON, error) {
	b, _ := json.Marshal(body)
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, l.c.url+path, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	if strings.HasPrefix(path, "/api/v1/rounds") {
		req.Header.Set("Authorization", "Bearer "+l.t.token)
	}
	res, err := l.client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	var q questionnaireJSON
	data, _ := io.ReadAll(res.Body)
	json.Unmarshal(data, &q)
	return res.StatusCode, &q, nil
}

var words = strings.Fields("arbetet med informationssäkerhet och dataskydd har fortsatt under perioden där verksamheten genomfört riskanalys klassning av information samt övningar kring kontinuitet behörigheter granskas löpande och rutiner för incidenter ses över tillsammans med nätverket")

func (l *load) comment(p *person) string {
	p.seq++
	var b strings.Builder
	fmt.Fprintf(&b, "[p%d s%d] ", p.id, p.seq)
	n := 200 + l.intn(600)
	for b.Len() < n {
		b.WriteString(words[l.intn(len(words))])
		b.WriteByte(' ')
	}
	return strings.TrimSpace(b.String())
}

func parseRates(flagName, list string) ([]float64, error) {
	var out []float64
	for _, s := range strings.Split(list, ",") {
		if s = strings.TrimSpace(s); s != "" {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil || v <= 0 {
				return nil, fmt.Errorf("%s: %q is not a positive number", flagName, s)
			}
			out = append(out, v)
		}
	}
	return out, nil
}
