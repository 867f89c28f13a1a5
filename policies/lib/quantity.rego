# Kubernetes resource quantities ("100m", "0.5", "128Mi", "1G", "500k", 2) as numbers.
package palisade.lib.quantity

# Decimal SI suffixes as powers of ten, and binary suffixes as multipliers.
decimal_exponents := {"n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18}

binary_multipliers := {
	"Ki": 1024,
	"Mi": 1048576,
	"Gi": 1073741824,
	"Ti": 1099511627776,
	"Pi": 1125899906842624,
	"Ei": 1152921504606846976,
}

# The value of a quantity in base units (cores, bytes). Undefined when q is not a valid
# quantity (never an error: callers treat undefined as "cannot compare").
parse(q) := q if is_number(q)

parse(q) := v if {
	is_string(q)
	parts := split_quantity(trim_space(q))
	e := decimal_exponents[parts.suffix]
	v := to_number(concat("", [parts.number, "e", format_int(e + parts.exponent, 10)]))
}

parse(q) := v if {
	is_string(q)
	parts := split_quantity(trim_space(q))
	m := binary_multipliers[parts.suffix]
	v := to_number(parts.number) * m
}

# {"number": mantissa as a string to_number accepts, "exponent": int, "suffix": string}
split_quantity(s) := {"number": normalize(m[1]), "exponent": 0, "suffix": m[2]} if {
	m := regex.find_all_string_submatch_n(`^\+?([0-9]+(?:\.[0-9]+)?|\.[0-9]+)(n|u|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$`, s, 1)[0]
}

# Decimal exponent notation ("1e3", "2.5E-2"): only without a suffix.
split_quantity(s) := {"number": normalize(m[1]), "exponent": to_number(m[2]), "suffix": ""} if {
	m := regex.find_all_string_submatch_n(`^\+?([0-9]+(?:\.[0-9]+)?|\.[0-9]+)[eE]([+-]?[0-9]+)$`, s, 1)[0]
}

normalize(n) := concat("", ["0", n]) if startswith(n, ".")

normalize(n) := n if not startswith(n, ".")
