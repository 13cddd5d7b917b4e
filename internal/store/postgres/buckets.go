package postgres

// bucket returns the start of the interval (a date_trunc field, checked by
// the caller) holding the timestamptz column col, in Unix microseconds (UTC).
func bucket(col, interval string) string {
	return "(extract(epoch FROM date_trunc('" + interval + "', " + col + " AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') * 1000000)::bigint"
}
