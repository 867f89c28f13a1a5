#!/usr/bin/env bash
# Installs the pinned OPA CLI into tools/bin (git-ignored) with `go install`.
# Only policy authors and CI need it: users run the committed, pre-built policy bundle.
set -euo pipefail
OPA_VERSION="v1.22.2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/tools/bin"
if [ -x "$bin/opa" ] && "$bin/opa" version 2>/dev/null | grep -q "^Version: ${OPA_VERSION#v}$"; then
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "install-opa: Go is needed to build the OPA CLI (go install github.com/open-policy-agent/opa@${OPA_VERSION})" >&2
  exit 1
fi
mkdir -p "$bin"
echo "install-opa: building OPA ${OPA_VERSION} with go install (a few minutes the first time)" >&2
GOBIN="$bin" GOFLAGS="${GOFLAGS:-} -trimpath" go install "github.com/open-policy-agent/opa@${OPA_VERSION}"
"$bin/opa" version | head -1 >&2
