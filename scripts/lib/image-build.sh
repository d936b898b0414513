#!/usr/bin/env bash
# Builds docker/Dockerfile, unchanged, with buildah and no Docker daemon (vfs storage, chroot
# isolation), on the CI base image from image-base.sh instead of the official Node image.
#   bash scripts/lib/image-build.sh [TAG]     (default localhost/timetracker:ci; runs as root)
# Writes the build figures to $IMAGE_OUT/build.json when IMAGE_OUT is set. Prints the tag on stdout.
set -Eeuo pipefail
cd "$(dirname "$0")/../.."
TAG="${1:-localhost/timetracker:ci}"
BUILDAH=(buildah --storage-driver vfs)
log() { printf '[image-build] %s\n' "$*" >&2; }

t0=$(date +%s)
BASE="$(bash scripts/lib/image-base.sh)"
t1=$(date +%s)
OLD_ID="$("${BUILDAH[@]}" inspect --type image --format '{{.FromImageID}}' "$TAG" 2>/dev/null || true)"
REVISION="$(git rev-parse HEAD 2>/dev/null || echo unknown)"
log "buildah bud -f docker/Dockerfile --build-arg NODE_IMAGE=$BASE -t $TAG"
# docker format keeps HEALTHCHECK (OCI has no field for it). Without --layers buildah squashes
# each stage into one layer: on vfs every cached layer is a full copy of the tree (GBs with
# node_modules) and committing and deleting them cost minutes, more than the npm cache mount saves.
# nofile: buildah's chroot runs RUN steps with 1024 open files (measured), and `npm ci` of ~1,400
# packages failed with EMFILE in its cache reads; Docker's default is far higher. It may not exceed
# this process's hard limit.
HARD_NOFILE="$(ulimit -Hn)"
[ "$HARD_NOFILE" = unlimited ] && HARD_NOFILE=65536
NOFILE=$((HARD_NOFILE < 65536 ? HARD_NOFILE : 65536))
"${BUILDAH[@]}" bud --isolation chroot --format docker --layers=false --ulimit "nofile=$NOFILE:$NOFILE" \
  --build-arg NODE_IMAGE="$BASE" \
  --build-arg VERSION="$(node -p 'require("./package.json").version')" \
  --build-arg REVISION="$REVISION" \
  --build-arg CREATED="$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  -f docker/Dockerfile -t "$TAG" . >&2
t2=$(date +%s)
NEW_ID="$("${BUILDAH[@]}" inspect --type image --format '{{.FromImageID}}' "$TAG")"
# vfs keeps full copies: drop the image this tag pointed to before, so CI's disk use stays flat.
# Untagged images older than a day go too (what an interrupted build left behind).
if [ -n "$OLD_ID" ] && [ "$OLD_ID" != "$NEW_ID" ]; then "${BUILDAH[@]}" rmi "$OLD_ID" >/dev/null 2>&1 || true; fi
CONTAINERS_CONF="$PWD/scripts/lib/image-containers.conf" CONTAINERS_STORAGE_CONF="$PWD/scripts/lib/image-storage.conf" \
  podman image prune --force --filter until=24h >/dev/null 2>&1 || true
log "built $TAG ($NEW_ID) in $((t2 - t1)) s; base ready in $((t1 - t0)) s"
if [ -n "${IMAGE_OUT:-}" ]; then
  mkdir -p "$IMAGE_OUT"
  printf '{"image":"%s","base":"%s","baseSeconds":%d,"buildSeconds":%d,"node":"%s"}\n' \
    "$TAG" "$BASE" $((t1 - t0)) $((t2 - t1)) "$(node -p process.versions.node)" >"$IMAGE_OUT/build.json"
fi
echo "$TAG"
