#!/usr/bin/env bash
# Validate the deployment files without a Docker engine or a cluster (offline; about 5 s):
#   1. docker-compose.yml: `docker compose config -q`
#   2. the Dockerfile copies every workspace package the image installs (deploy/check_image.py)
#   3. every Kustomize overlay builds, and so does every opt-in component on top of the production overlay;
#      each rendering validates against the Kubernetes schemas (deploy/validate_manifests.py)
# Missing tools are built from the Go module proxy into $(go env GOPATH)/bin (once; later runs reuse them):
# kustomize (~30 s) when neither kustomize nor kubectl is on PATH, docker-compose (~80 s) when the docker
# CLI has no compose plugin. Exits non-zero on the first failure.
set -euo pipefail

KUSTOMIZE_VERSION="${KUSTOMIZE_VERSION:-v5.8.2}"  # v5.8.3 needs Go 1.27
COMPOSE_VERSION="${COMPOSE_VERSION:-v5.6.0}"      # v5.7.x needs Go 1.26.10

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kustomize_dir="$root/deploy/kustomize"
python="$root/.venv/bin/python"  # kubernetes-validate is a dev dependency of the workspace
[[ -x "$python" ]] || { echo "check.sh: $python is missing: run ./dev (or uv sync --all-packages) first" >&2; exit 1; }
started=$SECONDS
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

renderings=()
built() {  # dir label: the build succeeds and yields Deployments; validated together at the end
    local out="$scratch/rendered-${#renderings[@]}.yaml"
    kustomize_build "$1" >"$out"
    grep -q '^kind: Deployment$' "$out" || { echo "check.sh: $2 built no Deployment" >&2; exit 1; }
    renderings+=("$2=$out")
}

scratch="$(mktemp -d "$kustomize_dir/.check.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

cd "$root"
compose -f docker-compose.yml config -q
echo "ok   docker compose config -q"
"$python" deploy/check_image.py

for overlay in "$kustomize_dir"/overlays/*/; do
    built "${overlay%/}" "overlays/$(basename "$overlay")"
done

# Opt-in components: build each that production does not already use on top of it, in a scratch overlay.
for component in "$kustomize_dir"/components/*/; do
    name="$(basename "$component")"
    if grep -q "components/$name\$" "$kustomize_dir/overlays/production/kustomization.yaml"; then
        continue
    fi
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
"$python" deploy/validate_manifests.py "${renderings[@]}"
echo "deploy/check.sh: all checks passed in $((SECONDS - started)) s"
