package web

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestBrowserPhoneAndDark opens every page on a phone-sized screen in
// light and dark mode: nothing may be wider than the screen, and dark mode
// must darken the page. With TICKERWIRE_TEST_SCREENSHOTS=DIR it saves each
// page there.
func TestBrowserPhoneAndDark(t *testing.T) {
	s := newSite(t)
	b := newBrowser(t)
	shots := os.Getenv("TICKERWIRE_TEST_SCREENSHOTS")
	pages := map[string]string{
		"latest": "/", "article": "/news/" + s.IDs["seed"], "company": "/company/7267.XTKS", "search": "/search?q=Nissan",
		"story": "/stories/story-ev", "sources": "/sources", "watchlists": "/watchlists",
	}
	for _, scheme := range []string{"light", "dark"} {
		b.do(t, "emulate a phone in "+scheme+" mode",
			chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
			chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
				_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
					Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
				return err
			}))
		for name, path := range pages {
			b.do(t, "open "+path, chromedp.Navigate(s.URL+path), chromedp.WaitVisible(chromedp.CSS("main")))
			overflow := value(t, b, "measure "+path, chromedp.Evaluate[int](`document.documentElement.scrollWidth - window.innerWidth`))
			if overflow > 0 {
				t.Errorf("%s (%s): %d pixels wider than a 390 pixel screen", name, scheme, overflow)
			}
			bg := value(t, b, "background of "+path, chromedp.Evaluate[string](`getComputedStyle(document.body).backgroundColor`))
			if dark := bg != "rgb(255, 255, 255)"; dark != (scheme == "dark") {
				t.Errorf("%s (%s): background %s", name, scheme, bg)
			}
			if shots != "" {
				png := value(t, b, "screenshot "+path, chromedp.FullScreenshot(100))
				if err := os.WriteFile(filepath.Join(shots, name+"-"+scheme+".png"), png, 0o644); err != nil {
					t.Error(err)
				}
			}
		}
	}
	b.noExceptions(t)
}
