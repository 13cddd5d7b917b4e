package extract

import (
	"strings"
	"time"
	_ "time/tzdata" // the zones below load on hosts without a zoneinfo database
)

// countryZones maps the country-code top-level domains of countries with a
// single time zone to that zone: where a page on such a domain was
// published, when it states its times in UTC only. Domains used as generic
// ones (.co, .io, .tv, .me...) are left out.
var countryZones = map[string]string{
	"al": "Europe/Tirane", "at": "Europe/Vienna", "ba": "Europe/Sarajevo", "be": "Europe/Brussels",
	"bg": "Europe/Sofia", "ch": "Europe/Zurich", "cz": "Europe/Prague", "de": "Europe/Berlin",
	"dk": "Europe/Copenhagen", "ee": "Europe/Tallinn", "es": "Europe/Madrid", "fi": "Europe/Helsinki",
	"fr": "Europe/Paris", "gr": "Europe/Athens", "hr": "Europe/Zagreb", "hu": "Europe/Budapest",
	"ie": "Europe/Dublin", "it": "Europe/Rome", "li": "Europe/Vaduz", "lt": "Europe/Vilnius",
	"lu": "Europe/Luxembourg", "lv": "Europe/Riga", "nl": "Europe/Amsterdam", "no": "Europe/Oslo",
	"pl": "Europe/Warsaw", "ro": "Europe/Bucharest", "rs": "Europe/Belgrade", "se": "Europe/Stockholm",
	"si": "Europe/Ljubljana", "sk": "Europe/Bratislava", "uk": "Europe/London", "tr": "Europe/Istanbul",
	"il": "Asia/Jerusalem", "in": "Asia/Kolkata", "jp": "Asia/Tokyo", "kr": "Asia/Seoul",
	"cn": "Asia/Shanghai", "hk": "Asia/Hong_Kong", "tw": "Asia/Taipei", "sg": "Asia/Singapore",
	"ph": "Asia/Manila", "th": "Asia/Bangkok", "vn": "Asia/Ho_Chi_Minh", "pk": "Asia/Karachi",
	"za": "Africa/Johannesburg", "ng": "Africa/Lagos", "eg": "Africa/Cairo", "ke": "Africa/Nairobi",
	"pe": "America/Lima", "ve": "America/Caracas", "uy": "America/Montevideo",
	"ar": "America/Argentina/Buenos_Aires",
}

// hostZone is the time zone of the country whose top-level domain host
// ends in (see countryZones), or nil.
func hostZone(host string) *time.Location {
	tld := strings.ToLower(host[strings.LastIndexByte(host, '.')+1:])
	name, ok := countryZones[tld]
	if !ok {
		return nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil
	}
	return loc
}
