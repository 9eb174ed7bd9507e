# Sourced by the scripts in bin/: sets JAVA_HOME to a JDK >= 21 (JAVA_HOME, then java on the PATH, then /usr/lib/jvm).
# awk reads all of java's output, and a failing probe is no candidate: under pipefail and set -e (bin/taskhost) a probe
# that fails must not end the script silently
java_major() {
    "$1" -version 2>&1 | awk -F'"' '/version/ && !found { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); found = 1 }'
}
pick_jdk() {
    local candidate major best="" best_major=0
    for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null)" /usr/lib/jvm/*/bin/java; do
        [ -n "$candidate" ] && [ -x "$candidate" ] || continue
        major=$(java_major "$candidate" || true)
        if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
            best="$candidate"; best_major="$major"
        fi
        if [ -n "$best" ] && [ "$candidate" = "${JAVA_HOME:+$JAVA_HOME/bin/java}" ]; then break; fi
    done
    if [ -z "$best" ]; then
        echo "taskhost needs a JDK 21 or later: install one or set JAVA_HOME" >&2
        return 1
    fi
    if [ "$best_major" -lt 25 ]; then
        echo "taskhost: JDK $best_major is not tested; taskhost is tested on JDK 25 (README: The two commands)" >&2
    fi
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$best")")")
    JAVA_MAJOR=$best_major
    export JAVA_HOME JAVA_MAJOR
}
