package language

import "testing"

func TestDetect(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Nissan has been undergoing a major overhaul under CEO Ivan Espinosa, who announced plans to shut down seven of its 17 production facilities.", "en"},
		{"Rio Tinto Shares Hit Record High After Ending Glencore Merger Talks", "en"},
		{"Die Bundesregierung will die Steuern für Unternehmen senken, teilte das Finanzministerium am Montag mit.", "de"},
		{"Le gouvernement a annoncé une baisse des impôts pour les entreprises dans le cadre du budget.", "fr"},
		{"El gobierno anunció una rebaja de impuestos para las empresas en el nuevo presupuesto.", "es"},
		{"Il governo ha annunciato un taglio delle tasse per le imprese nella nuova legge di bilancio.", "it"},
		{"O governo anunciou uma redução de impostos para as empresas no novo orçamento.", "pt"},
		{"De regering heeft een belastingverlaging voor bedrijven aangekondigd in de nieuwe begroting.", "nl"},
		{"日産自動車は鴻海精密工業と電気自動車の生産について協議している。", "ja"},
		{"日产汽车正在与富士康就电动汽车生产进行谈判。", "zh"},
		{"삼성전자가 새로운 반도체 공장을 건설한다고 발표했다.", "ko"},
		{"Правительство объявило о снижении налогов для компаний.", "ru"},
		{"વડોદરા / અમેરિકામાં રહેતાં ભાયલીના છીતુ પટેલનું કોરોનાથી મોત", "gu"},
		{"12345 !!!", ""},
		{"I feel good .", ""},
		{"Alphabet’s Massive AI Spending Surge Signals Confidence in Google’s Growth Engine", "en"},
		{"W L PCT GB", ""},
		{"LA PRESSE", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Detect(tt.text); got != tt.want {
			t.Errorf("Detect(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
