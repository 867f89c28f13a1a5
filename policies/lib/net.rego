# Network helpers shared by security group, NACL and Kubernetes network rules.
package palisade.lib.net

world_v4 := {"0.0.0.0/0"}

world_v6 := {"::/0"}

# A CIDR list opens to the whole internet: 0.0.0.0/0, ::/0, or any block with a /0 prefix
# (192.168.1.0/0 covers every address as well; the host bits do not narrow it).
open_to_world(cidrs) if {
	some c in cidrs
	world(c)
}

world(c) if c in world_v4

world(c) if c in world_v6

world(c) if {
	is_string(c)
	regex.match(`^[0-9A-Fa-f.:]+/0$`, trim_space(c))
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
