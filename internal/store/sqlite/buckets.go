package sqlite

// bucket returns the start of the interval holding the sort_time column
// col (Unix microseconds), in microseconds. Weeks start on Monday.
func bucket(col, interval string) string {
	const day = "86400000000"
	secs := col + " / 1000000, 'unixepoch'"
	switch interval {
	case "minute":
		return "(" + col + " / 60000000) * 60000000"
	case "hour":
		return "(" + col + " / 3600000000) * 3600000000"
	case "day":
		return "(" + col + " / " + day + ") * " + day
	case "week": // 1970-01-01 was a Thursday
		return "((" + col + " / " + day + ") - ((" + col + " / " + day + ") + 3) % 7) * " + day
	case "month":
		return "unixepoch(strftime('%Y-%m-01', " + secs + ")) * 1000000"
	case "quarter":
		return "unixepoch(printf('%s-%02d-01', strftime('%Y', " + secs + "), ((CAST(strftime('%m', " + secs + ") AS INTEGER) - 1) / 3) * 3 + 1)) * 1000000"
	default: // year
		return "unixepoch(strftime('%Y-01-01', " + secs + ")) * 1000000"
	}
}
