#!/usr/bin/env bash
# Validate the deployment files without a Docker engine or a cluster:
#   1. docker-compose.yml: `docker compose config -q`
#   2. every Kustomize overlay builds, and every component builds on top of the production overlay.
# Missing tools are built from the Go module proxy into $(go env GOPATH)/bin (once; later runs reuse them):
# kustomize (~30 s) when neither kustomize nor kubectl is on PATH, docker-compose (~80 s) when the docker
# CLI has no compose plugin. Exits non-zero on the first failure.
set -euo pipefail

KUSTOMIZE_VERSION="${KUSTOMIZE_VERSION:-v5.8.2}"  # v5.8.3 needs Go 1.27
COMPOSE_VERSION="${COMPOSE_VERSION:-v5.6.0}"      # v5.7.x needs Go 1.26.10

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kustomize_dir="$root/deploy/kustomize"
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}"

gobin() {
    command -v go >/dev/null || { echo "check.sh: $1 is missing and there is no Go toolchain to build it" >&2; exit 1; }
    echo "$(go env GOPATH)/bin"
}

compose() {
    if docker compose version >/dev/null 2>&1; then
        docker compose "$@"
        return
    fi
    local bin
    bin="$(gobin docker-compose)/docker-compose"
    if [[ ! -x "$bin" ]]; then
        echo "check.sh: building docker-compose $COMPOSE_VERSION into $bin" >&2
        # Compose's go.mod has exclude directives, so `go install pkg@version` refuses it: build in the module.
        go mod download "github.com/docker/compose/v5@$COMPOSE_VERSION"
        mkdir -p "$(dirname "$bin")"
        (cd "$(go env GOMODCACHE)/github.com/docker/compose/v5@$COMPOSE_VERSION" \
            && go build -trimpath -ldflags "-s -w -X github.com/docker/compose/v5/internal.Version=$COMPOSE_VERSION" \
                -o "$bin" ./cmd)
    fi
    "$bin" "$@"
}

kustomize_build() {
    if command -v kustomize >/dev/null; then
        kustomize build "$1"
    elif command -v kubectl >/dev/null; then
        kubectl kustomize "$1"
    else
        local bin
        bin="$(gobin kustomize)/kustomize"
        if [[ ! -x "$bin" ]]; then
            echo "check.sh: installing kustomize $KUSTOMIZE_VERSION into $(dirname "$bin")" >&2
            GOBIN="$(dirname "$bin")" go install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION"
        fi
        "$bin" build "$1"
    fi
}

built() {  # dir label: the build succeeds and yields Deployments
    local out
    out="$(kustomize_build "$1")"
    grep -q '^kind: Deployment$' <<<"$out" || { echo "check.sh: $2 built no Deployment" >&2; exit 1; }
    echo "ok   kustomize build $2 ($(grep -c '^kind:' <<<"$out") objects)"
}

cd "$root"
compose -f docker-compose.yml config -q
echo "ok   docker compose config -q"

for overlay in "$kustomize_dir"/overlays/*/; do
    built "${overlay%/}" "overlays/$(basename "$overlay")"
done

# A component is opt-in, so no overlay may use it yet: build each on top of production in a scratch overlay.
scratch="$(mktemp -d "$kustomize_dir/.check.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
for component in "$kustomize_dir"/components/*/; do
    name="$(basename "$component")"
    cat >"$scratch/kustomization.yaml" <<EOF
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../overlays/production
components:
  - ../components/$name
EOF
    built "$scratch" "overlays/production + components/$name"
done
