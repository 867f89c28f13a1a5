# IAM Access Analyzer.
package palisade.rules.aws.accessanalyzer

import data.palisade.lib

analyzers := object.get(object.get(input.aws, "accessanalyzer", {}), "analyzers", [])

# Analyzers that find resources shared outside the zone of trust (CIS 1.20).
external_types := {"ACCOUNT", "ORGANIZATION"}

unused_types := {"ACCOUNT_UNUSED_ACCESS", "ORGANIZATION_UNUSED_ACCESS"}

external_declared if {
	some a in analyzers
	a.type in external_types
}

type_unknown if {
	some a in analyzers
	lib.unknown(a.type)
}

# AWS-ANALYZER-001: the configuration that declares analyzers declares an external access one.
deny contains lib.finding("AWS-ANALYZER-001", a, ["type"], {"name": a.analyzer_name, "type": a.type}) if {
	some a in analyzers
	a.type in unused_types
	not external_declared
	not type_unknown
}
