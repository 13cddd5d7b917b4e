package language

import "strings"

// language is a language written in Latin letters and its most common
// function words (written by hand).
type language struct {
	code  string
	words string
}

// functionWords maps each function word to the set of languages (bit k
// for languages[k]) that use it.
var functionWords = func() map[string]uint32 {
	m := map[string]uint32{}
	for k, l := range languages {
		for _, w := range strings.Fields(l.words) {
			m[w] |= 1 << k
		}
	}
	return m
}()

var languages = [...]language{
	{"en", `the of and to in is are was were for on with that this it as at by from
		be been has have had will would its their his her they he she we not but or an which who
		after amid over into about than more says said new up out also can could should may
		what when where how why all after before under against between during while i`},
	{"de", `der die das und ist im den dem des ein eine einer eines einem nicht mit
		von zu auf für sich auch als noch nach bei aus wie wird werden wurde sind hat haben
		über oder aber nur dass daß wir ich sie es man kann mehr vor zum zur bis durch gegen
		sein seine ihre diese dieser dieses unter schon jetzt`},
	{"fr", `le la les des du et est une un dans pour pas que qui sur au aux avec ce
		cette ces sont par plus ne se il elle ils nous vous mais ou été être avait fait
		leur leurs son sa ses selon entre après depuis aussi très comme`},
	{"es", `el los las del y es una un en por para con que se no su sus al lo como
		más pero fue son está este esta estos han ha ser sobre entre también desde hasta
		cuando muy sin según tras ya hay donde`},
	{"it", `il lo gli della delle dei degli di e è una un per con che non si sono
		nel nella nelle negli al alla ai alle anche come più ma ha hanno essere questo questa
		dopo tra fra sul sulla ancora stato stata`},
	{"pt", `o os as da das do dos e é uma um em por para com que não se no na nos nas
		ao aos como mais mas foi são está ser sobre entre também até quando muito sem seu sua
		seus suas pelo pela já há`},
	{"nl", `de het een en van is in op te dat die voor met zijn niet aan er ook als
		bij door maar om uit naar dan wordt werd worden heeft hebben nog wel zo al deze dit
		was waren kan over tot onder`},
	{"sv", `och att det som en är av för på med den till inte har de om ett var jag
		men ska kan från sig så vid efter också när eller hade blir till detta även`},
	{"da", `og at det som en er af for på med den til ikke har de om et var jeg men
		skal kan fra sig så ved efter også når eller havde bliver hvor være`},
	{"no", `og at det som en er av for på med den til ikke har de om et var jeg men
		skal kan fra seg så ved etter også når eller hadde blir hvor være`},
	{"pl", `i w na z się nie do że jest to o jak po od za przez dla ale są już lub
		oraz tylko może przy jego jej ich także który która które został była było`},
	{"tr", `ve bir bu da de için ile olarak olan çok daha gibi sonra kadar ama veya
		göre değil var yok ise şu en ancak ayrıca tarafından`},
	{"id", `dan yang di ini itu dengan untuk dari dalam tidak akan pada juga ke
		oleh ada karena bisa sudah telah atau mereka kami kita saat`},
}
