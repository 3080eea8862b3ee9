package questionnaire

import (
	"container/list"
	"sync"
)

// pageCache keeps rendered questionnaire pages by a key that names
// everything they show, up to a total size, dropping the least recently
// used. People reload their questionnaire often and mail scanners open
// links; a page is rendered once per state of the response.
type pageCache struct {
	mu      sync.Mutex
	max     int
	size    int
	order   *list.List
	entries map[string]*list.Element
}

type cachedPage struct {
	key  string
	body []byte
}

func newPageCache(maxBytes int) *pageCache {
	return &pageCache{max: maxBytes, order: list.New(), entries: map[string]*list.Element{}}
}

func (p *pageCache) get(key string) ([]byte, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	e, ok := p.entries[key]
	if !ok {
		return nil, false
	}
	p.order.MoveToFront(e)
	return e.Value.(*cachedPage).body, true
}

func (p *pageCache) put(key string, body []byte) {
	if len(body) > p.max/8 {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if e, ok := p.entries[key]; ok {
		p.order.MoveToFront(e)
		return
	}
	p.entries[key] = p.order.PushFront(&cachedPage{key: key, body: body})
	p.size += len(body)
	for p.size > p.max {
		last := p.order.Back()
		cp := last.Value.(*cachedPage)
		p.order.Remove(last)
		delete(p.entries, cp.key)
		p.size -= len(cp.body)
	}
}
