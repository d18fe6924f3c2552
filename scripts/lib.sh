# Shared by scripts/run and scripts/test. Idempotent: installs only what is missing.
ORGWARD_PACKAGES=(cmake ninja-build g++ ccache pkg-config
  qt6-base-dev qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev
  libqt6opengl6-dev libqt6sql6-psql libqt6sql6-sqlite qtkeychain-qt6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libssl-dev libsqlite3-dev libpq-dev libzip-dev poppler-utils libgl-dev postgresql xvfb xauth gnome-keyring dbus-x11 python3-yaml)
# Only scripts/fuzz needs these (libFuzzer ships with clang's runtime libraries); scripts/run does not.
ORGWARD_FUZZ_PACKAGES=(clang libclang-rt-14-dev)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# ensure_packages [package...]: the given packages, or ORGWARD_PACKAGES.
ensure_packages() {
  local missing=() wanted=("$@")
  [ ${#wanted[@]} -gt 0 ] || wanted=("${ORGWARD_PACKAGES[@]}")
  for p in "${wanted[@]}"; do
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
  export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-4G}
  # Precompiled headers are cacheable only with these; BASEDIR + NOHASHDIR let build dirs beside each
  # other (build, build-asan, ...) share cached objects.
  export CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$(pwd)} CCACHE_NOHASHDIR=1
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@"
  else
    cmake "$dir" >/dev/null
  fi
  cmake --build "$dir" --parallel "$(nproc)"
}

# start_test_postgres: a throwaway cluster on a free loopback port, run as the postgres user (the server
# refuses to run as root). Sets ORGWARD_TEST_PG; stop_test_postgres removes it.
start_test_postgres() {
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pgdir=$(mktemp -d /tmp/orgward-pg.XXXXXX)
  chmod 755 "$pgdir"
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo 54331)
  runpg "'$pgbin/initdb' -D '$pgdir/data' -A trust -U postgres >'$pgdir/initdb.log' 2>&1"
  runpg "'$pgbin/pg_ctl' -D '$pgdir/data' -w -o \"-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off\" -l '$pgdir/server.log' start" >/dev/null
  export ORGWARD_TEST_PG="postgresql://postgres@127.0.0.1:$port/postgres"
  echo "==> PostgreSQL on 127.0.0.1:$port"
}
runpg() { if [ "$(id -u)" -eq 0 ]; then chown -R postgres "$pgdir"; su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
stop_test_postgres() {
  [ -n "${pgdir:-}" ] || return 0
  runpg "'$pgbin/pg_ctl' -D '$pgdir/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}

# Tests write settings and data into throwaway folders, never into the real user profile.
export_test_env() {
  export ORGWARD_REQUIRE_PG=1 ORGWARD_REQUIRE_KEYRING=1
  export QT_QPA_PLATFORM=offscreen
  XDG_CONFIG_HOME=$(mktemp -d) XDG_DATA_HOME=$(mktemp -d) XDG_CACHE_HOME=$(mktemp -d)
  export XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME
}

# in_keyring CMD...: runs CMD with the real keychain (gnome-keyring's Secret Service in a private D-Bus
# session, unlocked).
in_keyring() {
  dbus-run-session -- bash -c 'echo -n orgward-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"' _ "$@"
}
