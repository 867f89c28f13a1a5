# IAM policies (managed and inline).
package palisade.rules.aws.iam

import data.palisade.lib

# AWS-IAM-001: Allow of every action on every resource is full administrator access.
deny contains lib.finding("AWS-IAM-001", p, ["document", "Statement", i], {"name": object.get(p, "name", p.id), "statement": i}) if {
	some p in input.aws.iam.policies
	doc := p.document
	lib.known(doc)
	some i, st in doc.Statement
	st.Effect == "Allow"
	some action in object.get(st, "Action", [])
	action in {"*", "*:*"}
	"*" in object.get(st, "Resource", [])
}
