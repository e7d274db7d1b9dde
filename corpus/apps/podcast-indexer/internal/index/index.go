// Package index keeps the podcasts by category and answers searches and exports.
package index

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sync"

	"github.com/wavecast/indexer/internal/feed"
)

type Index struct {
	mu         sync.Mutex
	byCategory map[string]map[string]*feed.Podcast
	ratings    map[string][]int
}

func New() *Index {
	categories := map[string]map[string]*feed.Podcast{}
	for _, name := range []string{"Technology", "History", "Comedy", "News"} {
		categories[name] = map[string]*feed.Podcast{}
	}
	return &Index{byCategory: categories, ratings: map[string][]int{}}
}

func (ix *Index) Add(podcast *feed.Podcast) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.addToCategory(podcast.Category, podcast)
}

func (ix *Index) addToCategory(category string, podcast *feed.Podcast) {
	ix.byCategory[category][podcast.Title] = podcast
}

// Search lists titles matching the listener's pattern.
func (ix *Index) Search(pattern string) ([]string, error) {
	re, err := regexp.Compile("(?i)" + pattern)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", pattern, err)
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	var titles []string
	for _, podcasts := range ix.byCategory {
		for title := range podcasts {
			if re.MatchString(title) {
				titles = append(titles, title)
			}
		}
	}
	return titles, nil
}

type exported struct {
	Title  string  `json:"title"`
	Rating float64 `json:"rating"`
}

// Export writes the charts: each podcast with its average rating.
func (ix *Index) Export(titles []string, ratings map[string][]int) ([]byte, error) {
	rows := make([]exported, 0, len(titles))
	for _, title := range titles {
		rows = append(rows, exported{Title: title, Rating: average(ratings[title])})
	}
	out, err := json.Marshal(rows)
	if err != nil {
		return nil, fmt.Errorf("export charts: %w", err)
	}
	return out, nil
}

func average(stars []int) float64 {
	sum := 0.0
	for _, s := range stars {
		sum += float64(s)
	}
	return sum / float64(len(stars))
}
