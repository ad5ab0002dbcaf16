# Sourced by start.sh and test.sh: installs what a fresh machine (Node + npm + apt) lacks.
# Idempotent and quick when everything is already there.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

need_node() {
  local version
  version="$(node -p 'process.versions.node')"
  if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
    echo "Нужен Node.js 20.19 или новее, установлен $version." >&2
    exit 1
  fi
}

ensure_pnpm() {
  # pnpm 11 needs Node 22.13+, so the major is pinned to 10.
  if ! command -v pnpm >/dev/null 2>&1 || [[ "$(pnpm --version)" != 10.* ]]; then
    echo "› Устанавливаю pnpm 10…"
    npm install -g pnpm@10 >/dev/null
  fi
}

install_dependencies() {
  echo "› Устанавливаю зависимости (pnpm install)…"
  pnpm install --frozen-lockfile --reporter=silent
}

ensure_chromium() {
  if [[ -x /usr/bin/chromium ]]; then return; fi
  echo "› Устанавливаю Chromium из пакетов Debian…"
  local sudo=""
  if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}

need_node
ensure_pnpm
install_dependencies
