# Shared by scripts/run and scripts/test. Idempotent: installs only what is missing.
ORGWARD_PACKAGES=(cmake ninja-build g++ ccache pkg-config
  qt6-base-dev qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev
  libqt6opengl6-dev libqt6sql6-psql libqt6sql6-sqlite qtkeychain-qt6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libssl-dev libsqlite3-dev libpq-dev libgl-dev postgresql xvfb xauth gnome-keyring dbus-x11)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_packages() {
  local missing=()
  for p in "${ORGWARD_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "==> Installing missing packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# configure_and_build <build dir> <build type> [extra cmake args...]
configure_and_build() {
  local dir=$1 type=$2
  shift 2
  export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/orgward-ccache}
  export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-2G}
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@"
  else
    cmake "$dir" >/dev/null
  fi
  cmake --build "$dir" --parallel "$(nproc)"
}
