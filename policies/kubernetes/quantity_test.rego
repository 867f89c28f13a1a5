# Tests of palisade.lib.quantity (kept here: policies/lib holds only shared helpers).
package palisade.rules.kubernetes.quantity_test

import data.palisade.lib.quantity

test_cpu_quantities if {
	quantity.parse("100m") == 0.1
	quantity.parse("1") == 1
	quantity.parse("0.5") == 0.5
	quantity.parse(".5") == 0.5
	quantity.parse(2) == 2
	quantity.parse("1500u") == 0.0015
	quantity.parse("+2") == 2
}

test_memory_quantities if {
	quantity.parse("128Mi") == 134217728
	quantity.parse("1Gi") == 1073741824
	quantity.parse("1G") == 1000000000
	quantity.parse("500k") == 500000
	quantity.parse("1.5Gi") == 1610612736
	quantity.parse("2Ki") == 2048
	quantity.parse("1e3") == 1000
	quantity.parse("1E") == 1000000000000000000
}

test_invalid_quantities_undefined if {
	not quantity.parse("abc")
	not quantity.parse("1.")
	not quantity.parse("12Mx")
	not quantity.parse("1K")
	not quantity.parse("")
	not quantity.parse(true)
	not quantity.parse({"__unknown__": true})
}
