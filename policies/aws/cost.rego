# Cost allocation across every AWS collection.
package palisade.rules.aws.cost

import data.palisade.lib

# Every taggable object of the model: those that carry `tags`.
taggable contains o if {
	some _, collections in input.aws
	is_object(collections)
	some _, objs in collections
	is_array(objs)
	some o in objs
	lib.has_key(o, "tags")
}

# AWS-COST-001: the tags `required_tags` names (none by default: the rule is off until configured).
deny contains lib.finding("AWS-COST-001", o, ["tags"], {"name": lib.display_name(o), "missing": missing}) if {
	required := lib.config_value("required_tags", [])
	is_array(required)
	count(required) > 0
	some o in taggable
	lib.tags_known(o)
	tags := lib.tags(o)
	missing := [k | some k in required; not present(tags, k)]
	count(missing) > 0
}

# A tag is present with a non-empty value (an unknown value counts as present).
present(tags, k) if {
	v := tags[k]
	v != null
	v != ""
}
