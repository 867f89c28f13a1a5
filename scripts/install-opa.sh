#!/usr/bin/env bash
# Installs the pinned OPA CLI into tools/bin (git-ignored) with `go install`.
# Only policy authors and CI need it: users run the committed, pre-built policy bundle.
set -euo pipefail
OPA_VERSION="v1.22.2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/tools/bin"
# (no pipes into early-exiting readers: with pipefail, opa's SIGPIPE would fail the step)
installed_version() { "$bin/opa" version 2>/dev/null | sed -n 's/^Version: //p'; }
if [ -x "$bin/opa" ] && [ "$(installed_version)" = "${OPA_VERSION#v}" ]; then
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "install-opa: Go is needed to build the OPA CLI (go install github.com/open-policy-agent/opa@${OPA_VERSION})" >&2
  exit 1
fi
mkdir -p "$bin"
echo "install-opa: building OPA ${OPA_VERSION} with go install (a few minutes the first time)" >&2
GOBIN="$bin" GOFLAGS="${GOFLAGS:-} -trimpath" go install "github.com/open-policy-agent/opa@${OPA_VERSION}"
echo "install-opa: OPA $(installed_version) installed in tools/bin" >&2
