# Kinesis data streams and Firehose delivery streams.
package palisade.rules.aws.kinesis

import data.palisade.lib

streams := object.get(object.get(input.aws, "kinesis", {}), "streams", [])

firehose_streams := object.get(object.get(input.aws, "kinesis", {}), "firehose_streams", [])

# A tag value among configured values (case-insensitive).
tag_in(obj, key, values) if {
	v := lib.tags(obj)[key]
	is_string(v)
	lower(v) in {lower(x) | some x in values}
}

# Tagged business-critical (tag key and values are configurable).
critical(obj) if tag_in(obj, lib.config_value("criticality_tag", "criticality"), lib.config_value("critical_values", ["critical"]))

# AWS-KINESIS-001: stream records are encrypted at rest with KMS.
deny contains lib.finding("AWS-KINESIS-001", s, ["encryption_type"], {"name": s.name}) if {
	some s in streams
	s.encryption_type == "NONE"
}

# AWS-KINESIS-002: critical streams keep records long enough for consumers to replay after an outage.
deny contains lib.finding("AWS-KINESIS-002", s, ["retention_period"], facts) if {
	some s in streams
	critical(s)
	minimum := lib.config_value("min_stream_retention_hours", 168)
	lib.number_below(s, "retention_period", minimum)
	facts := {"name": s.name, "retention": s.retention_period, "minimum": minimum}
}

# AWS-KINESIS-003: Direct PUT delivery streams encrypt buffered records.
deny contains lib.finding("AWS-KINESIS-003", f, ["server_side_encryption", "enabled"], {"name": f.name}) if {
	some f in firehose_streams
	f.source == "direct_put"
	sse := object.get(f, "server_side_encryption", {})
	lib.known(sse)
	lib.not_true(sse, "enabled")
}
