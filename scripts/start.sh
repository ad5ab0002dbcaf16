#!/usr/bin/env bash
# Starts the whole system on this machine with demo data: embedded PostgreSQL, the GraphQL API
# and the dashboard. Ctrl-C stops everything (PostgreSQL included).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"

API_PORT="${API_PORT:-4000}"
WEB_PORT="${WEB_PORT:-3000}"
IDENTITY_PORT="${IDENTITY_PORT:-8080}"
export PGPORT="${PGPORT:-54329}"

pids=()
stop_all() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_for() {
  local url="$1" name="$2" pid="$3"
  for _ in $(seq 1 180); do
    if curl -fsS "$url" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "$name не запустился (см. сообщения выше)." >&2; exit 1; fi
    sleep 0.5
  done
  echo "$name не ответил за 90 с." >&2
  exit 1
}

# Identity: a real Keycloak when KEYCLOAK_URL is given, otherwise the dev identity server serving
# infra/keycloak/realm.json (its signing key kept under .data/ so sessions survive a restart).
if [[ -z "${KEYCLOAK_URL:-}" ]]; then
  echo "› Запускаю сервер идентификации (dev, реалм infra/keycloak/realm.json)…"
  (cd infra/dev-identity && IDENTITY_PORT="$IDENTITY_PORT" IDENTITY_KEY_FILE="$ROOT/.data/dev-identity/signing-key.json" \
    exec node --import tsx src/main.ts) &
  pids+=($!)
  export KEYCLOAK_URL="http://127.0.0.1:$IDENTITY_PORT"
  wait_for "$KEYCLOAK_URL/realms/nastavnik/.well-known/openid-configuration" "Сервер идентификации" "${pids[-1]}"
fi

echo "› Запускаю API (встроенный PostgreSQL, данные в .data/postgres, демо-данные)…"
# `exec` makes the background job node itself, so its PID is the one to signal.
(cd server && SEED_DEMO=1 PORT="$API_PORT" exec node --import tsx src/main.ts) &
pids+=($!)
wait_for "http://127.0.0.1:$API_PORT/health" "API" "${pids[-1]}"

# Rebuild the dashboard only when its sources are newer than the last build.
if [[ ! -f web/build/index.js ]] || [[ -n "$(find web/src web/package.json web/svelte.config.js -newer web/build/index.js -print -quit)" ]]; then
  echo "› Собираю дашборд (около минуты)…"
  pnpm --filter @nastavnik/web build >/dev/null
fi

echo "› Запускаю дашборд…"
# A school's list of 10,000 participants is a few megabytes once re-posted for loading.
HOST=127.0.0.1 PORT="$WEB_PORT" ORIGIN="http://127.0.0.1:$WEB_PORT" API_URL="http://127.0.0.1:$API_PORT/graphql" \
  BODY_SIZE_LIMIT="${BODY_SIZE_LIMIT:-16M}" node web/build &
pids+=($!)
wait_for "http://127.0.0.1:$WEB_PORT/" "Дашборд" "${pids[-1]}"

cat <<INFO

Наставник запущен.
  Дашборд:      http://127.0.0.1:$WEB_PORT/
  GraphQL API:  http://127.0.0.1:$API_PORT/graphql   (нужен токен: Authorization: Bearer …)
  Keycloak:     $KEYCLOAK_URL/realms/nastavnik
  PostgreSQL:   postgresql://nastavnik:nastavnik@127.0.0.1:$PGPORT/nastavnik

Демо-пользователи (пароль у всех: nastavnik):
  analyst.rf            аналитик федерального уровня
  analyst.28            аналитик субъекта РФ (Амурская область)
  admin.28              администратор субъекта РФ (Амурская область)
  coordinator.zeya      куратор муниципалитета (город Зея)
  curator.zeya1         куратор ОО (МОАУ СОШ № 1, г. Зея)
  curator.lyskovo3      куратор ОО (МБОУ СШ №3 г. Лысково)
Внешняя система: клиент nastavnik-analytics / nastavnik-analytics-dev-secret (client credentials, субъект 28).
Остановить: Ctrl-C.
INFO
wait -n "${pids[@]}"
