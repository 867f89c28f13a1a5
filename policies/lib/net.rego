# Network helpers shared by security group, NACL and Kubernetes network rules.
package palisade.lib.net

world_v4 := {"0.0.0.0/0"}

world_v6 := {"::/0"}

# A CIDR list opens to the whole internet.
open_to_world(cidrs) if {
	some c in cidrs
	c in world_v4
}

open_to_world(cidrs) if {
	some c in cidrs
	c in world_v6
}

# A security group rule covers a port: protocol all, or tcp/udp range including it.
covers_port(rule, _) if rule.protocol in {"-1", "all"}

covers_port(rule, port) if {
	rule.protocol in {"tcp", "6", "udp", "17"}
	is_number(rule.from_port)
	is_number(rule.to_port)
	rule.from_port <= port
	port <= rule.to_port
}
