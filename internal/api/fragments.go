package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/tickerwire/tickerwire/internal/news"
	"github.com/tickerwire/tickerwire/internal/store"
)

// fragment is an article of /v1/news/all rendered as JSON once, to be
// written into any response that shows it (without filter_entities or
// group_similar), byte for byte as encoding NewsArticle writes it. Only
// the listing shown for each entity depends on the query (the symbols it
// asks for), so the entities are kept in parts with the listing between.
type fragment struct {
	head     []byte // the article up to and including `"entities":[`
	entities []entityFragment
	tail     []byte // from the `]` closing the entities to the end
	size     int    // bytes held, roughly
}

// entityFragment is an Entity as JSON without its listing fields (symbol,
// exchange, exchange_long), rendered for each of its company's listings.
type entityFragment struct {
	listings []news.Listing
	symbols  [][]byte // each listing's `{"symbol":"..."`
	name     []byte   // `,"name":"..."`
	venues   [][]byte // each listing's `,"exchange":"...","exchange_long":"..."`
	rest     []byte   // from `,"country":` to the closing `}`
}

// The JSON of an article without entities, and of an entity without its
// listing, at the places their parts are cut.
var (
	noEntities   = []byte(`"entities":[]`)
	blankSymbol  = []byte(`{"symbol":""`)
	blankVenue   = []byte(`,"exchange":"","exchange_long":""`)
	errFragments = errors.New("api: an article's JSON is not cut where expected")
)

// newFragment renders a for reuse. The parts are cut where JSON names
// cannot be inside a string (a quote there is escaped).
func newFragment(a *news.Article) (*fragment, error) {
	out := toNewsArticle(a, nil, nil)
	entities := out.Entities
	out.Entities = []Entity{}
	whole, err := json.Marshal(out)
	if err != nil {
		return nil, err
	}
	cut := bytes.Index(whole, noEntities)
	if cut < 0 {
		return nil, errFragments
	}
	cut += len(noEntities) - 1
	f := &fragment{head: whole[:cut], tail: whole[cut:]}
	f.size = len(whole)
	for _, e := range entities {
		ef, err := newEntityFragment(e)
		if err != nil {
			return nil, err
		}
		f.entities = append(f.entities, ef)
		f.size += ef.size()
	}
	return f, nil
}

// newEntityFragment cuts e, as toNewsArticle made it, into its parts.
func newEntityFragment(e Entity) (entityFragment, error) {
	ef := entityFragment{listings: e.Listings}
	listings := e.Listings
	e.Symbol, e.Exchange, e.ExchangeLong = "", "", ""
	whole, err := json.Marshal(e)
	if err != nil {
		return ef, err
	}
	venue := bytes.Index(whole, blankVenue)
	if !bytes.HasPrefix(whole, blankSymbol) || venue < 0 {
		return ef, errFragments
	}
	ef.name, ef.rest = whole[len(blankSymbol):venue], whole[venue+len(blankVenue):]
	if len(listings) == 0 { // no listing: the zero Listing is shown
		listings = []news.Listing{{}}
	}
	for _, l := range listings {
		sym, err1 := json.Marshal(l.Symbol)
		mic, err2 := json.Marshal(l.MIC)
		long, err3 := json.Marshal(ExchangeName(l.MIC))
		if err1 != nil || err2 != nil || err3 != nil {
			return ef, errFragments
		}
		ef.symbols = append(ef.symbols, append([]byte(`{"symbol":`), sym...))
		ef.venues = append(ef.venues, fmt.Appendf(nil, `,"exchange":%s,"exchange_long":%s`, mic, long))
	}
	return ef, nil
}

func (ef *entityFragment) size() int {
	n := len(ef.name) + len(ef.rest) + 64*len(ef.listings)
	for i := range ef.symbols {
		n += len(ef.symbols[i]) + len(ef.venues[i])
	}
	return n
}

// appendTo appends the article's JSON showing, for each entity, the listing
// chooseListing picks for wantSymbols.
func (f *fragment) appendTo(buf []byte, wantSymbols []string) []byte {
	buf = append(buf, f.head...)
	for i := range f.entities {
		ef := &f.entities[i]
		if i > 0 {
			buf = append(buf, ',')
		}
		l := listingIndex(ef.listings, wantSymbols)
		buf = append(buf, ef.symbols[l]...)
		buf = append(buf, ef.name...)
		buf = append(buf, ef.venues[l]...)
		buf = append(buf, ef.rest...)
	}
	return append(buf, f.tail...)
}

// fragmentCache keeps rendered articles by reference, up to max bytes, the
// ones used lately: entries go into a current map; when it holds half the
// bytes it becomes the previous one (and the one before is dropped), and
// an entry found in the previous map moves to the current one.
type fragmentCache struct {
	max       int
	mu        sync.Mutex
	cur, prev map[store.ArticleRef]*fragment
	curSize   int
}

func (c *fragmentCache) get(ref store.ArticleRef) *fragment {
	c.mu.Lock()
	defer c.mu.Unlock()
	if f, ok := c.cur[ref]; ok {
		return f
	}
	f, ok := c.prev[ref]
	if ok {
		delete(c.prev, ref)
		c.add(ref, f)
	}
	return f
}

func (c *fragmentCache) put(ref store.ArticleRef, f *fragment) {
	if f.size > c.max/8 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.cur[ref]; !ok {
		c.add(ref, f)
	}
}

// add puts f into the current map, turning it into the previous one when
// it is full; the caller holds mu.
func (c *fragmentCache) add(ref store.ArticleRef, f *fragment) {
	if c.cur == nil || c.curSize+f.size > c.max/2 {
		c.prev, c.cur, c.curSize = c.cur, map[store.ArticleRef]*fragment{}, 0
	}
	c.cur[ref] = f
	c.curSize += f.size
}
