package searchquery

import "testing"

func TestMatch(t *testing.T) {
	text := NewText("Nissan's shares rose: Nissan Motor (OTC:NSANY) is in talks with Foxconn about electric-vehicle production.")
	tests := []struct {
		query string
		want  bool
	}{
		{"", true},
		{"nissan", true},
		{"NISSAN foxconn", true},
		{"nissan toyota", false},
		{"nissan | toyota", true},
		{"nissan -foxconn", false},
		{"nissan -toyota", true},
		{`"electric vehicle"`, true},
		{`"vehicle electric"`, false},
		{"produc*", true},
		{"prod", false},
		{"(honda | toyota) nissan", false},
		{"(honda | foxconn) -toyota", true},
		{"nsany", true},
		{"nissan's", true},
	}
	for _, tt := range tests {
		n, err := Parse(tt.query)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.query, err)
		}
		if got := Match(n, text); got != tt.want {
			t.Errorf("Match(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
}
