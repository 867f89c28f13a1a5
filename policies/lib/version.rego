# Version strings of engines and platforms ("8.0.36", "16", "5.7.mysql_aurora.2.11.2").
package palisade.lib.version

# The first two numeric parts of a version string ("8.0.36" → [8, 0], "16" → [16, 0],
# "5.7.mysql_aurora.2.11.2" → [5, 7]). Undefined when it does not start with a number.
parts(v) := [major, minor] if {
	is_string(v)
	regex.match(`^[0-9]+(\.[0-9]+)?`, v)
	segments := split(v, ".")
	major := to_number(segments[0])
	minor := minor_part(segments)
}

minor_part(segments) := to_number(segments[1]) if {
	count(segments) > 1
	regex.match(`^[0-9]+$`, segments[1])
} else := 0

# Version string v is older than the [major, minor] minimum.
below(v, minimum) if {
	[major, _] := parts(v)
	major < minimum[0]
}

below(v, minimum) if {
	[major, minor] := parts(v)
	major == minimum[0]
	minor < minimum[1]
}

# [13, 0] → "13"; [8, 0] → "8.0"; [10, 6] → "10.6".
# Versions from 10 on name the major version alone (PostgreSQL 13), unless a minor is set (MariaDB 10.6).
label(minimum) := format_int(minimum[0], 10) if {
	minimum[0] >= 10
	minimum[1] == 0
} else := concat(".", [format_int(minimum[0], 10), format_int(minimum[1], 10)])
