package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"sync"
	"time"
)

// kinds of request measured separately.
const (
	kindSave   = "save"
	kindSubmit = "submit"
	kindPage   = "page"
	kindReturn = "return"
	kindExport = "export"
)

// phaseReport holds one phase's latencies and outcomes.
type phaseReport struct {
	mu        sync.Mutex
	lat       map[string][]time.Duration
	errors    map[string]int
	expected  map[string]int // refusals that are part of the load, e.g. saves to a submitted form
	skipped   int            // arrivals with no idle person: the client could not keep up
	elapsed   time.Duration
	errSample []string
}

func (r *phaseReport) record(kind string, d time.Duration, status int, err error, expected bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case err != nil || (status >= 400 && !expected):
		r.errors[kind]++
		if len(r.errSample) < 5 {
			r.errSample = append(r.errSample, fmt.Sprintf("%s: status %d %v", kind, status, err))
		}
	case expected:
		r.expected[kind]++
		r.lat[kind] = append(r.lat[kind], d)
	default:
		r.lat[kind] = append(r.lat[kind], d)
	}
}

// phase runs the load at the given rates for d and reports.
func (l *load) phase(ctx context.Context, saves, submits, pages, returns float64, d time.Duration) *phaseReport {
	rep := &phaseReport{lat: map[string][]time.Duration{}, errors: map[string]int{}, expected: map[string]int{}}
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var wg sync.WaitGroup
	start := time.Now()
	arrive := func(rate float64, fn func()) {
		if rate <= 0 {
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			interval := time.Duration(float64(time.Second) / rate)
			var inflight sync.WaitGroup
			for i := 0; ; i++ {
				next := start.Add(time.Duration(i) * interval)
				select {
				case <-ctx.Done():
					inflight.Wait()
					return
				case <-time.After(time.Until(next)):
				}
				inflight.Add(1)
				go func() { defer inflight.Done(); fn() }()
			}
		}()
	}
	bg := context.Background() // requests under way finish after the phase ends
	arrive(saves, func() { l.save(bg, rep) })
	arrive(submits, func() { l.submit(bg, rep) })
	arrive(pages, func() { l.page(bg, rep) })
	arrive(returns, func() { l.returnOne(bg, rep) })
	if l.c.exportEvery > 0 {
		arrive(float64(time.Second)/float64(l.c.exportEvery), func() { l.export(bg, rep) })
	}
	wg.Wait()
	rep.elapsed = time.Since(start)
	return rep
}

// idlePerson picks a random person who is not waiting for an answer and
// whose department is still editable.
func (l *load) idlePerson() *person {
	for tries := 0; tries < 32; tries++ {
		p := l.people[l.intn(len(l.people))]
		l.ledger.mu.Lock()
		sub := l.ledger.submitted[p.dept]
		l.ledger.mu.Unlock()
		if sub {
			continue
		}
		if p.busy.CompareAndSwap(false, true) {
			return p
		}
	}
	return nil
}

func (l *load) save(ctx context.Context, rep *phaseReport) {
	p := l.idlePerson()
	if p == nil {
		rep.mu.Lock()
		rep.skipped++
		rep.mu.Unlock()
		return
	}
	defer p.busy.Store(false)
	act := p.acts[l.intn(len(p.acts))]
	comment := l.comment(p)
	key := l.ledger.key(p.dept, act)
	l.ledger.mu.Lock()
	l.ledger.pending[key] = append(l.ledger.pending[key], comment)
	l.ledger.mu.Unlock()
	body := saveBody{Answers: []answerBody{{ActivityID: act, StatusID: l.t.status, Comment: comment, BaseVersion: p.versions[act]}}}
	t0 := time.Now()
	status, q, err := l.post(ctx, "/api/v1/r/"+l.t.links[p.dept].Token+"/draft", body)
	dur := time.Since(t0)
	expected := false
	l.ledger.mu.Lock()
	switch {
	case err == nil && status == http.StatusOK:
		l.ledger.acked[key] = comment
		l.ledger.pending[key] = nil
		for _, a := range q.Activities {
			if a.ID == act {
				p.versions[act] = a.Answer.Version
			}
		}
	case status == http.StatusConflict && q.Error != nil && q.Error.Code == "submitted":
		l.ledger.submitted[p.dept] = true
		l.ledger.pending[key] = nil
		expected = true
	}
	l.ledger.mu.Unlock()
	rep.record(kindSave, dur, status, err, expected)
}

func (l *load) submit(ctx context.Context, rep *phaseReport) {
	p := l.idlePerson()
	if p == nil {
		return
	}
	defer p.busy.Store(false)
	name := "Lasttestare " + strconv.Itoa(p.id)
	l.ledger.mu.Lock()
	l.ledger.submitTry[p.dept]++
	l.ledger.mu.Unlock()
	t0 := time.Now()
	status, q, err := l.post(ctx, "/api/v1/r/"+l.t.links[p.dept].Token+"/submit", saveBody{FilledInBy: &name})
	dur := time.Since(t0)
	expected := false
	l.ledger.mu.Lock()
	switch {
	case err == nil && status == http.StatusOK:
		l.ledger.submits[p.dept]++
		l.ledger.submitTry[p.dept]--
		l.ledger.submitted[p.dept] = true
	case status == http.StatusConflict && q.Error != nil && q.Error.Code == "submitted":
		l.ledger.submitTry[p.dept]--
		l.ledger.submitted[p.dept] = true
		expected = true
	}
	l.ledger.mu.Unlock()
	rep.record(kindSubmit, dur, status, err, expected)
}

func (l *load) page(ctx context.Context, rep *phaseReport) {
	d := l.intn(len(l.t.links))
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, l.c.url+"/r/"+l.t.links[d].Token, nil)
	t0 := time.Now()
	status, err := l.fetch(req)
	rep.record(kindPage, time.Since(t0), status, err, false)
}

// fetch sends a request and reads its response to the end; the status is 0
// when the request failed.
func (l *load) fetch(req *http.Request) (int, error) {
	res, err := l.client.Do(req)
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode, nil
}

// returnOne has the office return a submitted response, so its department
// can edit again, through the API.
func (l *load) returnOne(ctx context.Context, rep *phaseReport) {
	l.ledger.mu.Lock()
	var subs []int
	for d, s := range l.ledger.submitted {
		if s {
			subs = append(subs, d)
		}
	}
	l.ledger.mu.Unlock()
	if len(subs) == 0 {
		return
	}
	sort.Ints(subs)
	d := subs[l.intn(len(subs))]
	path := fmt.Sprintf("/api/v1/rounds/%d/responses/%d/return", l.t.roundID, l.t.links[d].Department.ID)
	t0 := time.Now()
	status, _, err := l.post(ctx, path, map[string]string{"message": "Komplettera kommentarerna, tack."})
	dur := time.Since(t0)
	expected := status == http.StatusConflict // returned already by another arrival
	if err == nil && status == http.StatusOK {
		l.ledger.mu.Lock()
		l.ledger.submitted[d] = false
		l.ledger.mu.Unlock()
	}
	rep.record(kindReturn, dur, status, err, expected)
}

func (l *load) export(ctx context.Context, rep *phaseReport) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/kontor/omgangar/%d/export.xlsx", l.c.url, l.t.roundID), nil)
	req.Header.Set("Authorization", "Bearer "+l.t.token)
	t0 := time.Now()
	status, err := l.fetch(req)
	rep.record(kindExport, time.Since(t0), status, err, false)
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted)-1) * p)
	return sorted[i]
}

func (r *phaseReport) print(w io.Writer, title string) {
	fmt.Fprintf(w, "\n== %s (ran %s)\n", title, r.elapsed.Round(time.Millisecond))
	fmt.Fprintf(w, "%-8s %8s %9s %9s %9s %9s %9s %7s %9s\n", "kind", "count", "per s", "p50", "p95", "p99", "max", "errors", "expected")
	for _, k := range []string{kindSave, kindSubmit, kindPage, kindReturn, kindExport} {
		lat := r.lat[k]
		if len(lat) == 0 && r.errors[k] == 0 {
			continue
		}
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		ms := func(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000) }
		fmt.Fprintf(w, "%-8s %8d %9.1f %9s %9s %9s %9s %7d %9d\n", k, len(lat), float64(len(lat))/r.elapsed.Seconds(),
			ms(percentile(lat, .5)), ms(percentile(lat, .95)), ms(percentile(lat, .99)), ms(percentile(lat, 1)), r.errors[k], r.expected[k])
	}
	if r.skipped > 0 {
		fmt.Fprintf(w, "skipped arrivals (every simulated person busy): %d\n", r.skipped)
	}
	for _, e := range r.errSample {
		fmt.Fprintf(w, "  error: %s\n", e)
	}
}
