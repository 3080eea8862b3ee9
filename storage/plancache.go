package storage

import (
	"context"
	"database/sql"
	"slices"
	"sync"

	"followup/forms"
)

// planCache keeps plans read from committed data, by id, with the revision
// they were read at. Every request of a questionnaire needs its plan, and
// plans change rarely; the revision (kept by triggers) tells when a cached
// copy is stale.
type planCache struct {
	mu    sync.Mutex
	plans map[int64]cachedPlan
}

type cachedPlan struct {
	revision int64
	plan     *forms.Plan
}

// planAt returns the plan as the transaction sees it, from the cache when
// the revision matches. Only plans read through a read transaction, which
// sees committed data only, are stored (store = true), so a rolled-back
// change never enters the cache. Callers get their own copy.
func (db *DB) planAt(ctx context.Context, tx *sql.Tx, id int64, store bool) (*forms.Plan, error) {
	var rev int64
	if err := tx.QueryRowContext(ctx, `SELECT revision FROM plans WHERE id = ?`, id).Scan(&rev); err != nil {
		return nil, err
	}
	db.cache.mu.Lock()
	c, ok := db.cache.plans[id]
	db.cache.mu.Unlock()
	if ok && c.revision == rev {
		return clonePlan(c.plan), nil
	}
	p, err := planTx(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if store {
		db.cache.mu.Lock()
		if db.cache.plans == nil {
			db.cache.plans = map[int64]cachedPlan{}
		}
		db.cache.plans[id] = cachedPlan{revision: rev, plan: clonePlan(p)}
		db.cache.mu.Unlock()
	}
	return p, nil
}

func clonePlan(p *forms.Plan) *forms.Plan {
	cp := *p
	cp.Statuses = slices.Clone(p.Statuses)
	cp.Areas = slices.Clone(p.Areas)
	for i := range cp.Areas {
		cp.Areas[i].Activities = slices.Clone(cp.Areas[i].Activities)
		for j := range cp.Areas[i].Activities {
			a := &cp.Areas[i].Activities[j]
			a.DepartmentIDs = slices.Clone(a.DepartmentIDs)
		}
	}
	return &cp
}
