# Shared helpers for every rule package.
package palisade.lib

# A finding as the engine expects it. Messages are built in TypeScript from `facts`
# and the rule's message template, never with sprintf (its wasm version mangles objects).
finding(rule_id, obj, path, facts) := {
	"rule": rule_id,
	"object": obj.id,
	"path": path,
	"facts": facts,
}

# True when x is the marker adapters write for a value that cannot be known statically.
unknown(x) if x.__unknown__ == true

known(x) if not unknown(x)

# obj[key] is known and not true (false or absent). Never true for an unknown value.
not_true(obj, key) if {
	v := object.get(obj, key, false)
	not unknown(v)
	v != true
}

# obj[key] is explicitly true.
is_true(obj, key) if obj[key] == true

# obj[key] is a known number below n. Absent is not below anything: use a default in the adapter.
number_below(obj, key, n) if {
	v := obj[key]
	is_number(v)
	v < n
}

# A value is a known list (tuple) containing no unknown element.
known_list(x) if {
	is_array(x)
	every v in x {
		known(v)
	}
}

# The tag map of an object, or an empty object.
tags(obj) := t if {
	t := obj.tags
	is_object(t)
	known(t)
} else := {}

# The object's tags are known (so a missing tag can be reported).
tags_known(obj) if known(object.get(obj, "tags", {}))

config_value(key, def) := object.get(object.get(input, "config", {}), key, def)

# obj has the key (whatever its value, even null or false). object.keys is not available in wasm.
has_key(obj, key) if {
	is_object(obj)
	_ = obj[key]
}

has_key(obj, key) if {
	is_object(obj)
	obj[key] == null
}

# A display name: the Name tag when set, else the object id (the engine shows ids as the resource's identity).
display_name(obj) := n if {
	n := tags(obj).Name
	is_string(n)
} else := obj.id

# Tagged as a production workload: the `environment_tag` configuration value (default
# "environment") is one of `production_values` (default prod, production), case-insensitive.
production(obj) if {
	tag := config_value("environment_tag", "environment")
	v := tags(obj)[tag]
	is_string(v)
	lower(v) in {lower(x) | some x in config_value("production_values", ["prod", "production"])}
}

# Tagged as business-critical: the `criticality_tag` (default "criticality") is one of
# `critical_values` (default critical, mission-critical), case-insensitive.
critical(obj) if {
	tag := config_value("criticality_tag", "criticality")
	v := tags(obj)[tag]
	is_string(v)
	lower(v) in {lower(x) | some x in config_value("critical_values", ["critical", "mission-critical"])}
}
