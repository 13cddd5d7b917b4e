package secmaster

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// builtinCountries maps the country names vendor files use to ISO 3166
// alpha-2 codes; the ISO country file, when imported, adds the rest.
func builtinCountries() map[string]string {
	m := map[string]string{}
	for _, p := range []string{
		"united states:US", "usa:US", "united kingdom:GB", "uk:GB", "japan:JP", "china:CN", "hong kong:HK", "taiwan:TW",
		"south korea:KR", "korea:KR", "india:IN", "germany:DE", "france:FR", "netherlands:NL", "switzerland:CH",
		"canada:CA", "australia:AU", "brazil:BR", "mexico:MX", "ireland:IE", "israel:IL", "singapore:SG", "spain:ES",
		"italy:IT", "sweden:SE", "norway:NO", "denmark:DK", "finland:FI", "belgium:BE", "luxembourg:LU", "austria:AT",
		"portugal:PT", "greece:GR", "turkey:TR", "russia:RU", "south africa:ZA", "saudi arabia:SA", "indonesia:ID",
		"malaysia:MY", "thailand:TH", "philippines:PH", "vietnam:VN", "new zealand:NZ", "argentina:AR", "chile:CL",
		"colombia:CO", "peru:PE", "bermuda:BM", "cayman islands:KY", "jersey:JE", "guernsey:GG", "isle of man:IM",
		"poland:PL", "czech republic:CZ", "hungary:HU", "egypt:EG", "qatar:QA", "united arab emirates:AE", "monaco:MC",
		"macau:MO", "british virgin islands:VG", "panama:PA", "bahamas:BS", "cyprus:CY", "malta:MT", "iceland:IS",
	} {
		k, v, _ := strings.Cut(p, ":")
		m[k] = v
	}
	return m
}

// readMICXML reads the official ISO 10383 XML: one ISO10383_MIC element per
// market, with MIC and STATUS children.
func readMICXML(r io.Reader, _ string, ctx *importContext, _ func(record), rep *FileReport) error {
	dec := xml.NewDecoder(r)
	var cur, field string
	for {
		t, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			field = t.Name.Local
			if field == "ISO10383_MIC" {
				cur = ""
			}
		case xml.CharData:
			if field == "MIC" {
				cur += strings.TrimSpace(string(t))
			}
		case xml.EndElement:
			if t.Name.Local == "ISO10383_MIC" {
				rep.Rows++
				if len(cur) != 4 {
					bad(rep, fmt.Sprintf("market %d: bad MIC %q", rep.Rows, cur))
				} else {
					ctx.mics[cur] = true
				}
			}
			field = ""
		}
	}
}
