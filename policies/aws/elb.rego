# Elastic Load Balancing v2 load balancers.
package palisade.rules.aws.elb

import data.palisade.lib

# AWS-ELB-001: an ALB that forwards malformed headers lets clients smuggle requests past it.
deny contains lib.finding("AWS-ELB-001", lb, ["drop_invalid_header_fields"], {"name": object.get(lb, "name", lb.id)}) if {
	some lb in input.aws.elb.load_balancers
	object.get(lb, "load_balancer_type", "application") == "application"
	lib.not_true(lb, "drop_invalid_header_fields")
}
