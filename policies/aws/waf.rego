# AWS WAF (v2) web ACLs.
package palisade.rules.aws.waf

import data.palisade.lib

name(acl) := object.get(acl, "name", acl.id)

# AWS-WAF-001: no rate-based rule to slow down floods and brute force.
deny contains lib.finding("AWS-WAF-001", acl, ["rules"], {"name": name(acl)}) if {
	some acl in input.aws.waf.web_acls
	rules := acl.rules
	lib.known_list(rules)
	every r in rules {
		lib.known(object.get(r, "rate_based", false))
	}
	not rate_based(rules)
}

rate_based(rules) if {
	some r in rules
	r.rate_based == true
}

# AWS-WAF-002: a web ACL that allows everything and has no rules inspects nothing.
deny contains lib.finding("AWS-WAF-002", acl, ["default_action"], {"name": name(acl)}) if {
	some acl in input.aws.waf.web_acls
	acl.default_action == "allow"
	acl.rules == []
}

# AWS-WAF-003: logging of inspected requests.
deny contains lib.finding("AWS-WAF-003", acl, ["logging"], {"name": name(acl)}) if {
	some acl in input.aws.waf.web_acls
	lib.known(acl.logging)
	lib.not_true(acl.logging, "enabled")
}
