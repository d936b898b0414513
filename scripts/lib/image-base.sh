#!/usr/bin/env bash
# Makes the Node base image that CI builds docker/Dockerfile on, without an image registry:
# Debian bookworm (debootstrap --variant=minbase, from this machine's Debian mirror) + this machine's
# node and npm + its CA bundle (so npm reaches the registry from inside the build). It stands in for
# the official node:*-bookworm-slim image, which registries would serve. Cached in buildah's own
# storage under a tag keyed by Debian release, Node version and CA bundle; a second run reuses it.
# Prints the image name on stdout (everything else goes to stderr). Runs as root.
set -Eeuo pipefail
RELEASE="${IMAGE_BASE_RELEASE:-bookworm}"
CA=/etc/ssl/certs/ca-certificates.crt
BUILDAH=(buildah --storage-driver vfs)
log() { printf '[image-base] %s\n' "$*" >&2; }

NODE_BIN="$(command -v node)"
NODE_VERSION="$("$NODE_BIN" -p process.versions.node)"
NPM_DIR="$(cd "$(dirname "$(readlink -f "$(command -v npm)")")/.." && pwd)"
[ -f "$NPM_DIR/package.json" ] || { log "npm not found beside node"; exit 1; }
CA_HASH="$(sha256sum "$CA" | cut -c1-8)"
IMAGE="localhost/timetracker-ci-node:${NODE_VERSION}-${RELEASE}-ca${CA_HASH}"

if "${BUILDAH[@]}" inspect --type image "$IMAGE" >/dev/null 2>&1; then
  log "cached: $IMAGE"
  echo "$IMAGE"
  exit 0
fi

# The mirror this machine's apt uses (deb822 or one-line sources).
MIRROR="$(sed -n 's/^URIs: *\(\S*\/debian\)\/\?$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)"
[ -n "$MIRROR" ] || MIRROR="$(awk '$1=="deb" && $2 ~ /\/debian\/?$/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"

WORK="$(mktemp -d /var/tmp/tt-image-base.XXXXXX)"
CTR=""
cleanup() {
  [ -n "$CTR" ] && "${BUILDAH[@]}" rm "$CTR" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

log "debootstrap --variant=minbase $RELEASE from $MIRROR"
debootstrap --variant=minbase "$RELEASE" "$WORK/rootfs" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 \
  || { tail -20 "$WORK/debootstrap.log" >&2; exit 1; }
# What the official slim image also drops: package lists and caches.
rm -rf "$WORK"/rootfs/var/lib/apt/lists/* "$WORK"/rootfs/var/cache/apt/*.bin "$WORK"/rootfs/var/cache/apt/archives/*.deb

log "node $NODE_VERSION and npm $(node -p "require('$NPM_DIR/package.json').version") from this machine"
install -D -m 0755 "$NODE_BIN" "$WORK/rootfs/usr/local/bin/node"
mkdir -p "$WORK/rootfs/usr/local/lib/node_modules"
cp -a "$NPM_DIR" "$WORK/rootfs/usr/local/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$WORK/rootfs/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$WORK/rootfs/usr/local/bin/npx"
install -D -m 0644 "$CA" "$WORK/rootfs$CA"

CTR="$("${BUILDAH[@]}" from scratch)"
"${BUILDAH[@]}" copy "$CTR" "$WORK/rootfs/" / >/dev/null
"${BUILDAH[@]}" config \
  --env NODE_VERSION="$NODE_VERSION" \
  --env NODE_EXTRA_CA_CERTS="$CA" \
  --env npm_config_cafile="$CA" \
  --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --label org.opencontainers.image.description="CI stand-in for node:${NODE_VERSION}-${RELEASE}-slim" \
  --cmd node "$CTR"
"${BUILDAH[@]}" commit --quiet --rm "$CTR" "$IMAGE" >/dev/null
CTR=""
log "made $IMAGE"
echo "$IMAGE"
