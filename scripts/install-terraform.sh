#!/usr/bin/env bash
# Builds the pinned Terraform CLI from its Go module source into tools/bin (git-ignored).
# Only needed to re-record the Terraform oracle (scripts/record-terraform-oracle.mjs);
# CI and the tests use the committed recording in fixtures/terraform-oracle/.
# TOOLS_BIN overrides the target folder.
set -euo pipefail
TERRAFORM_VERSION="v1.13.3"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${TOOLS_BIN:-$root/tools/bin}"
# (no pipes into early-exiting readers: with pipefail, SIGPIPE would fail the step)
installed_version() { "$bin/terraform" version -json 2>/dev/null | sed -n 's/^ *"terraform_version": "\(.*\)",$/\1/p'; }
if [ -x "$bin/terraform" ] && [ "$(installed_version)" = "${TERRAFORM_VERSION#v}" ]; then
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "install-terraform: Go is needed to build Terraform (go install github.com/hashicorp/terraform@${TERRAFORM_VERSION})" >&2
  exit 1
fi
mkdir -p "$bin"
echo "install-terraform: building Terraform ${TERRAFORM_VERSION} from source (several minutes the first time)" >&2
# `go install module@version` refuses Terraform: its go.mod has replace directives pointing
# at nested modules (the remote-state backends s3, gcs, azurerm, … and internal/legacy) that
# the module proxy's zip leaves out and that are not published on their own. So the
# checksum-verified module source is copied and built as the main module, without those
# state backends: the language (HCL, functions, type conversion, `terraform console`) is
# untouched; only `backend "s3" {…}` and the like are unavailable in this build.
src="$(go mod download -json "github.com/hashicorp/terraform@${TERRAFORM_VERSION}" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
if [ -z "$src" ] || [ ! -f "$src/go.mod" ]; then
  echo "install-terraform: could not download github.com/hashicorp/terraform@${TERRAFORM_VERSION}" >&2
  exit 1
fi
work="$(mktemp -d)"
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
cp -R "$src/." "$work/"
chmod -R u+w "$work"
dropped='azure|consul|cos|gcs|kubernetes|oci|oss|pg|s3'
sed -i -E "/github\.com\/hashicorp\/terraform\/internal\/(legacy|backend\/remote-state\/($dropped))( |\$)/d" "$work/go.mod"
sed -i -E "/remote-state\/($dropped)\"\$/d; /^[[:space:]]*\"($dropped|azurerm)\":/d" "$work/internal/backend/init/init.go"
(cd "$work" && GOFLAGS="${GOFLAGS:-} -trimpath -mod=mod" go build -ldflags "-X github.com/hashicorp/terraform/version.dev=no" -o "$bin/terraform" .)
echo "install-terraform: Terraform $(installed_version) installed in $bin" >&2
