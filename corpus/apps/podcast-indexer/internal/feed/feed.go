// Package feed parses podcast RSS feeds (encoding/xml) into episodes.
package feed

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"time"
)

type Image struct {
	URL string `xml:"url"`
}

type Enclosure struct {
	URL    string `xml:"url,attr"`
	Length string `xml:"length,attr"`
}

type Item struct {
	Title      string      `xml:"title"`
	PubDate    string      `xml:"pubDate"`
	Duration   string      `xml:"duration"`
	Episode    string      `xml:"episode"`
	Enclosures []Enclosure `xml:"enclosure"`
}

type Channel struct {
	Title    string  `xml:"title"`
	Category string  `xml:"category"`
	Image    *Image  `xml:"image"`
	Items    []Item  `xml:"item"`
}

type rss struct {
	Channel Channel `xml:"channel"`
}

type Episode struct {
	Title     string
	Published time.Time
	Seconds   int
	Number    int
	AudioURL  string
}

type Podcast struct {
	Title    string
	Category string
	Artwork  string
	Episodes []Episode
}

// Parse reads one feed document.
func Parse(raw []byte) (*Podcast, error) {
	var doc rss
	if err := xml.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	podcast := &Podcast{Title: doc.Channel.Title, Category: doc.Channel.Category, Artwork: doc.Channel.artworkURL()}
	for _, item := range doc.Channel.Items {
		episode, err := parseEpisode(item)
		if err != nil {
			return nil, fmt.Errorf("feed %q: %w", doc.Channel.Title, err)
		}
		podcast.Episodes = append(podcast.Episodes, episode)
	}
	return podcast, nil
}

func (c *Channel) artworkURL() string {
	return strings.TrimSpace(c.Image.URL)
}

func parseEpisode(item Item) (Episode, error) {
	published, err := time.Parse(time.RFC1123Z, item.PubDate)
	if err != nil {
		return Episode{}, fmt.Errorf("episode %q pubDate: %w", item.Title, err)
	}
	seconds, err := parseDuration(item.Duration)
	if err != nil {
		return Episode{}, fmt.Errorf("episode %q duration: %w", item.Title, err)
	}
	number, err := parseEpisodeNumber(item.Episode)
	if err != nil {
		return Episode{}, fmt.Errorf("episode %q number: %w", item.Title, err)
	}
	return Episode{Title: item.Title, Published: published, Seconds: seconds, Number: number, AudioURL: primaryEnclosure(item).URL}, nil
}

// parseDuration reads itunes:duration in seconds.
func parseDuration(text string) (int, error) {
	return strconv.Atoi(strings.TrimSpace(text))
}

func parseEpisodeNumber(text string) (int, error) {
	if text == "" {
		return 0, nil
	}
	return strconv.Atoi(text)
}

func primaryEnclosure(item Item) Enclosure {
	return item.Enclosures[0]
}
