# report.awk: turns bench/run-runtime's results ("<workload> <impl> <value> <messages>"
# per line; value FAIL or TIMEOUT when there is none) into tables, ratios and the
# verdict on each target. Variables: impls (column order), full (the requested message
# count; other counts are marked *), free_max (allocations allowed in a probe).

function cell(w, i,    v) {
    if (!((w, i) in val)) return "-"
    v = val[w, i]
    if (v == "FAIL" || v == "TIMEOUT") return v
    return sprintf("%.2f%s", v / 1e6, w !~ /^mutex-/ && msgs[w, i] != full ? "*" : "")
}

# Rounded down (two decimals, three below 0.1): a ratio never looks better than it is.
function down(r) {
    return r < 0.1 ? sprintf("%.3f", int(r * 1000) / 1000) : sprintf("%.2f", int(r * 100) / 100)
}

function number(w, i) {
    return ((w, i) in val) && val[w, i] ~ /^[0-9.]+$/
}

# Records and prints the verdict on one target; want > 0: ratio >= want, want < 0:
# ratio > -want.
function target(name, what, ratio, want,    ok, rule) {
    ok = want > 0 ? ratio >= want : ratio > -want
    rule = want > 0 ? sprintf(">=%.2f", want) : sprintf(">%.2f", -want)
    printf "TARGET %s %s %s %s %s\n", name, what, down(ratio), rule, ok ? "met" : "MISSED"
    targets++
    if (ok) met++; else missed = missed "\n  " name " " what " " down(ratio) " (needs " rule ")"
    return down(ratio) (ok ? " ok" : " MISS")
}

# Ratio of fearless to <base> on w, judged against want (0: no target); "" when either
# side has no number, and a missed target when fearless has none but the baseline has.
function versus(w, base, want) {
    if (!number(w, base)) return "-"
    if (!number(w, "fearless")) {
        if (!((w, "fearless") in val)) return "-"
        if (want != 0) { targets++; missed = missed "\n  " w " fearless/" base " (fearless " val[w, "fearless"] ")" }
        return "n/a"
    }
    if (want == 0) return down(val[w, "fearless"] / val[w, base])
    return target(w, "fearless/" base, val[w, "fearless"] / val[w, base], want)
}

{
    if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 }
    val[$1, $2] = $3
    msgs[$1, $2] = $4
}

END {
    ni = split(impls, impl, " ")
    printf "\nChannels: million messages per second, higher is better (* = fewer messages, see below)\n"
    printf "%-18s", "workload"
    for (j = 1; j <= ni; j++) printf " %10s", impl[j]
    printf "\n"
    for (k = 1; k <= n; k++) {
        w = order[k]
        if (w ~ /^(mutex|alloc)-/) continue
        printf "%-18s", w
        for (j = 1; j <= ni; j++) {
            printf " %10s", cell(w, impl[j])
            if (number(w, impl[j]) && msgs[w, impl[j]] != full) star = star sprintf("\n  %s %s: %d messages", w, impl[j], msgs[w, impl[j]])
        }
        printf "\n"
    }
    if (star != "") printf "* measured with fewer messages: the full count would have exceeded the time limit:%s\n", star

    printf "\nMutex: million lock/unlock pairs per second\n"
    for (k = 1; k <= n; k++) {
        w = order[k]
        if (w !~ /^mutex-/) continue
        printf "%-18s fearless %10s   pthread %10s\n", w, cell(w, "fearless"), cell(w, "pthread")
    }

    printf "\nAllocations while messages cross one channel (after warm-up)\n"
    for (k = 1; k <= n; k++) {
        w = order[k]
        if (w !~ /^alloc-/) continue
        printf "%-18s fearless %10s   mutexq %10s   (%d messages)\n", w, val[w, "fearless"],
               ((w, "mutexq") in val) ? val[w, "mutexq"] : "-", msgs[w, "fearless"]
    }

    printf "\n"
    for (k = 1; k <= n; k++) {
        w = order[k]
        if (w ~ /^(mutex|alloc)-/) continue
        line[k] = sprintf("%-18s %14s %14s %14s %10s", w, versus(w, "crossbeam", 1), versus(w, "go", 1.5),
                          versus(w, "mutexq", w ~ /-mpsc$/ ? -3 : 0), versus(w, "std-mpsc", 0))
    }
    for (k = 1; k <= n; k++) {
        w = order[k]
        if (w ~ /^mutex-/ && number(w, "fearless") && number(w, "pthread"))
            line[k] = sprintf("%-18s fearless/pthread %s", w, target(w, "fearless/pthread", val[w, "fearless"] / val[w, "pthread"], 1))
        if (w ~ /^alloc-bounded|^alloc-rendezvous/ && ((w, "fearless") in val)) {
            a = val[w, "fearless"]
            ok = a ~ /^[0-9]+$/ && a + 0 <= free_max
            printf "TARGET %s fearless %s <=%d %s\n", w, a, free_max, ok ? "met" : "MISSED"
            targets++
            if (ok) met++; else missed = missed "\n  " w " fearless: " a " allocations (needs <=" free_max ")"
            line[k] = sprintf("%-18s fearless allocations %s (target <= %d) %s", w, a, free_max, ok ? "ok" : "MISS")
        }
    }
    printf "\nRatios fearless / baseline (ok / MISS where a target applies)\n"
    printf "%-18s %14s %14s %14s %10s\n", "workload", "/crossbeam>=1", "/go>=1.5", "/mutexq>3 mpsc", "/std-mpsc"
    for (k = 1; k <= n; k++) if (k in line) print line[k]
    printf "\nTargets: %d of %d met\n", met, targets
    if (missed != "") printf "Missed:%s\n", missed
}
