package palisade.lib.core_test

import data.palisade.lib
import data.palisade.lib.net

test_finding_shape if {
	lib.finding("X-Y-001", {"id": "o1"}, ["a"], {"k": 1}) == {"rule": "X-Y-001", "object": "o1", "path": ["a"], "facts": {"k": 1}}
}

test_unknown_and_known if {
	lib.unknown({"__unknown__": true})
	not lib.unknown(false)
	lib.known("x")
}

test_not_true if {
	lib.not_true({}, "a")
	lib.not_true({"a": false}, "a")
	not lib.not_true({"a": true}, "a")
	not lib.not_true({"a": {"__unknown__": true}}, "a")
}

test_number_below if {
	lib.number_below({"n": 1}, "n", 2)
	not lib.number_below({"n": "1"}, "n", 2)
	not lib.number_below({}, "n", 2)
}

test_known_list if {
	lib.known_list(["a"])
	not lib.known_list(["a", {"__unknown__": true}])
	not lib.known_list("a")
}

test_tags if {
	lib.tags({"tags": {"a": "b"}}) == {"a": "b"}
	lib.tags({"tags": {"__unknown__": true}}) == {}
	lib.tags({}) == {}
	lib.tags_known({"tags": {}})
	not lib.tags_known({"tags": {"__unknown__": true}})
}

test_is_true if {
	lib.is_true({"a": true}, "a")
	not lib.is_true({"a": "true"}, "a")
}

test_config_value if {
	lib.config_value("x", 7) == 7 with input as {}
	lib.config_value("x", 7) == 3 with input as {"config": {"x": 3}}
}

test_has_key if {
	lib.has_key({"a": null}, "a")
	lib.has_key({"a": false}, "a")
	not lib.has_key({"a": 1}, "b")
	not lib.has_key("s", "a")
}

test_display_name if {
	lib.display_name({"id": "o", "tags": {"Name": "web"}}) == "web"
	lib.display_name({"id": "o"}) == "o"
}

test_net if {
	net.open_to_world(["10.0.0.0/8", "0.0.0.0/0"])
	net.open_to_world(["::/0"])
	not net.open_to_world(["10.0.0.0/8"])
	net.open_to_world(["192.168.1.0/0"])
	net.open_to_world(["2001:db8::/0"])
	not net.open_to_world(["10.0.0.0/10"])
	not net.open_to_world(["10.0.0.0/00"])
	not net.open_to_world([{"__unknown__": true}])
	net.covers_port({"protocol": "-1"}, 22)
	net.covers_port({"protocol": "tcp", "from_port": 0, "to_port": 1024}, 22)
	not net.covers_port({"protocol": "tcp", "from_port": 80, "to_port": 443}, 22)
}
