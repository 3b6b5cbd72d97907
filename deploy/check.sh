#!/usr/bin/env bash
# Validates everything under deploy/ that Prometheus reads:
#   - prometheus/prometheus.yml (and the alert rules it loads)
#   - the commented Kubernetes job and metric_relabel_configs example in it, uncommented
#     into a temp copy
#   - prometheus/autoprom-alerts.yml (promtool check rules)
#   - every unit test in prometheus/tests/ (promtool test rules)
#   - that every alert rule has a firing and a not-firing test case
#   - that genai-prices.example.txt has only lines the agent's price-file reader accepts
#   - that grafana/autoprom-dashboard.json is valid JSON, uses the ${datasource} variable
#     and only the $job, $instance and $__rate_interval variables in its queries
# Exits non-zero on the first failure. Needs promtool (Debian: apt-get install prometheus).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
prom="$here/prometheus"
promtool="${PROMTOOL:-promtool}"

if ! command -v "$promtool" >/dev/null 2>&1; then
  echo "check.sh: promtool not found (apt-get install prometheus, or set PROMTOOL=/path/to/promtool)" >&2
  exit 2
fi

step() { printf '\n== %s\n' "$*"; }

step "promtool check config prometheus.yml"
"$promtool" check config "$prom/prometheus.yml"

step "promtool check config (Kubernetes pod-annotation job, uncommented)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if ! grep -q '^  # BEGIN kubernetes-pods$' "$prom/prometheus.yml" || ! grep -q '^  # END kubernetes-pods$' "$prom/prometheus.yml"; then
  echo "check.sh: BEGIN/END kubernetes-pods markers missing in prometheus.yml" >&2
  exit 1
fi
{
  sed '/^  # BEGIN kubernetes-pods$/,$d' "$prom/prometheus.yml"
  sed -n '/^  # BEGIN kubernetes-pods$/,/^  # END kubernetes-pods$/p' "$prom/prometheus.yml" \
    | sed -e '1d;$d' -e 's/^  # \{0,1\}/  /'
} > "$tmp/prometheus.yml"
cp "$prom/autoprom-alerts.yml" "$tmp/"
grep -q 'job_name: kubernetes-pods' "$tmp/prometheus.yml"
# Debian's promtool is built without Kubernetes service discovery ("field
# kubernetes_sd_configs not found"). There, swap the discovery block for a static target
# so the rest of the job (every relabel rule) is still validated.
printf 'scrape_configs:\n  - job_name: probe\n    kubernetes_sd_configs:\n      - role: pod\n' > "$tmp/probe.yml"
if ! "$promtool" check config "$tmp/probe.yml" >/dev/null 2>&1; then
  echo "note: this promtool has no Kubernetes SD; checking the job with a static target instead"
  sed -i -e 's/^    kubernetes_sd_configs:$/    static_configs:/' \
         -e "s/^      - role: pod$/      - targets: ['pod.example:9464']/" "$tmp/prometheus.yml"
  grep -q "targets: \['pod.example:9464'\]" "$tmp/prometheus.yml"
fi
"$promtool" check config "$tmp/prometheus.yml"

step "promtool check config (commented metric_relabel_configs example, uncommented)"
sed -e '/^    # metric_relabel_configs:$/,/^$/{s/^    # metric_relabel_configs:$/    metric_relabel_configs:/;s/^    #   \(.*\)$/      \1/}' \
  "$prom/prometheus.yml" > "$tmp/prometheus.yml"
grep -q '^    metric_relabel_configs:$' "$tmp/prometheus.yml"
"$promtool" check config "$tmp/prometheus.yml"

step "promtool check rules autoprom-alerts.yml"
"$promtool" check rules "$prom/autoprom-alerts.yml"

step "promtool test rules tests/*.yml"
(cd "$prom/tests" && "$promtool" test rules ./*.yml)

step "every alert has a firing and a not-firing test case"
missing=0
for alert in $(sed -n 's/^ *- alert: *\([A-Za-z0-9_]*\).*/\1/p' "$prom/autoprom-alerts.yml"); do
  # a case is an alert_rule_test entry for this alertname; firing when its exp_alerts
  # lists alerts, not firing when it is []
  if ! cases="$(awk -v a="$alert" '
      /eval_time:/ { inside = 0 }
      $0 ~ "alertname: *" a "$" { inside = 1; next }
      inside && /exp_alerts: *\[\]/ { quiet = 1; inside = 0 }
      inside && /exp_labels:/ { firing = 1 }
      END { if (!firing || !quiet) { print (firing ? "" : "firing ") (quiet ? "" : "not-firing"); exit 1 } }' \
      "$prom"/tests/*.yml)"; then
    echo "alert $alert has no ${cases} test case" >&2
    missing=1
  else
    echo "ok  $alert"
  fi
done
[ "$missing" -eq 0 ]

step "genai-prices.example.txt: every line as autoprom.genai.prices.file reads it"
# provider model input output [cached_input]: 4 or 5 fields, plain non-negative decimals, no
# provider/model twice (the agent would report and skip such a line)
awk '
  /^[ \t]*(#|$)/ { next }
  {
    bad = (NF < 4 || NF > 5)
    for (i = 3; i <= NF && !bad; i++) if ($i !~ /^([0-9]+(\.[0-9]+)?|\.[0-9]+)$/) bad = 1
    if (!bad && seen[$1 " " $2]++) bad = 1
    if (bad) { print FILENAME ":" NR ": not a valid price line: " $0 > "/dev/stderr"; failed = 1 }
    n++
  }
  END { if (failed || n == 0) exit 1; print "ok  " n " models" }' "$here/genai-prices.example.txt"

step "grafana/autoprom-dashboard.json: JSON, datasource, variables"
if command -v python3 >/dev/null 2>&1; then
  python3 - "$here/grafana/autoprom-dashboard.json" <<'PY'
import json, re, sys
d = json.load(open(sys.argv[1]))
problems = []
names = [v["name"] for v in d["templating"]["list"]]
if names[:3] != ["datasource", "job", "instance"] or "__inputs" in d:
    problems.append("templating must start with datasource, job, instance and have no __inputs")
ids, n, panels = set(), 0, 0
for p in d["panels"]:
    if p["id"] in ids:
        problems.append("duplicate panel id %s" % p["id"])
    ids.add(p["id"])
    if p["type"] == "row":
        continue
    panels += 1
    if p.get("datasource", {}).get("uid") != "${datasource}":
        problems.append("panel %r: datasource must be ${datasource}" % p["title"])
    for t in p.get("targets", []):
        n += 1
        e = t["expr"]
        for var in re.findall(r"\$\{?(\w+)", e):
            if var not in ("job", "instance", "__rate_interval"):
                problems.append("panel %r: variable $%s in %s" % (p["title"], var, e))
        if 'job=~"$job"' not in e or 'instance=~"$instance"' not in e:
            problems.append("panel %r: not templated on job and instance: %s" % (p["title"], e))
for x in problems:
    print(x, file=sys.stderr)
if problems:
    sys.exit(1)
print("ok  %d panels, %d queries" % (panels, n))
PY
elif command -v jq >/dev/null 2>&1; then
  jq empty "$here/grafana/autoprom-dashboard.json"
else
  echo "skipped: neither python3 nor jq found"
fi

printf '\ndeploy/check.sh: all checks passed\n'
