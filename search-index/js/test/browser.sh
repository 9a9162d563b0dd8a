#!/usr/bin/env bash
# Runs the engine in headless Chromium: as a classic script from file:// (the
# data files through <script> injection) and as an ES module over http
# (fetch). Needs chromium and python3; run run.sh first (it exports the fixture).
# Prints "2 passed, 0 failed" style totals; exits non-zero on failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
fixture="${TIER0_SEARCH_FIXTURE:-$root/target/search-index-fixture}"
chrome="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$chrome" ]]; then echo "browser.sh: no chromium found, skipped"; exit 0; fi
[[ -f "$fixture/search/tier0-search.classic.js" ]] || { echo "browser.sh: run run.sh first" >&2; exit 2; }

cat > "$fixture/file-test.html" <<'HTML'
<!doctype html><meta charset="utf-8"><script src="search/tier0-search.classic.js"></script>
<pre id="out">pending</pre>
<script>
  tier0Search.createSearch({ base: "search/", lang: "es" }).search("0x80070005 ").then(
    (r) => { out.textContent = "RESULT " + r.map((x) => x.id + "#" + x.anchor).join(","); },
    (e) => { out.textContent = "ERROR " + e; });
</script>
HTML
cat > "$fixture/http-test.html" <<'HTML'
<!doctype html><meta charset="utf-8"><pre id="out">pending</pre>
<script type="module">
  import { createSearch } from "./search/tier0-search.js";
  const s = createSearch({ base: "search/", lang: "es" });
  try {
    const r = await s.search("contrasñea ");
    out.textContent = "RESULT " + r.map((x) => x.id).join(",") + " SUGGEST " + (await s.suggest("contrasñea"));
  } catch (e) { out.textContent = "ERROR " + e; }
</script>
HTML

dump() { timeout 60 "$chrome" --headless --no-sandbox --disable-gpu --virtual-time-budget=5000 --dump-dom "$1" 2>/dev/null | grep -o '<pre id="out">[^<]*' | sed 's/<pre id="out">//'; }
passed=0; failed=0
check() { # name, got, expected-substring
  if [[ "$2" == *"$3"* ]]; then passed=$((passed+1)); echo "ok - $1"; else failed=$((failed+1)); echo "not ok - $1: got '$2', want '$3'"; fi
}

check "file:// classic script + data files as scripts" "$(dump "file://$fixture/file-test.html")" "RESULT KB-1060#null,KB-1050#acceso-denegado"

log="$(mktemp)"
(cd "$fixture" && exec python3 -u -m http.server 0 --bind 127.0.0.1 >"$log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 50); do port="$(grep -o 'port [0-9]*' "$log" | grep -o '[0-9]*' || true)"; [[ -n "$port" ]] && break; sleep 0.1; done
check "http ES module + fetch, typo, suggest" "$(dump "http://127.0.0.1:$port/http-test.html")" "RESULT KB-1001,KB-1002"
check "suggest over http" "$(dump "http://127.0.0.1:$port/http-test.html")" "SUGGEST contrasena"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
