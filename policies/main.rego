# The single entrypoint: every finding of every rule package under palisade.rules.
package palisade.main

findings contains f if {
	some f in data.palisade.rules[_][_].deny
}
