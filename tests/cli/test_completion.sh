#!/bin/bash
# The bash completion (completion/dyad): sourced into this shell, _dyad is
# called with COMP_WORDS and COMP_CWORD as bash would, and COMPREPLY is
# checked for a few cases; its option lists must be exactly the options of
# src/cli/cmd_*.c (long_opts and the getopt string).  Prints TAP.
#
# Usage: test_completion.sh   (env DYAD_SOURCE_ROOT)
set -u
root=${DYAD_SOURCE_ROOT:?}
n=0 failed=0

ok() { # ok COND-STATUS WHAT [DETAIL]
    n=$((n + 1))
    if [ "$1" = 0 ]; then
        echo "ok $n - $2"
    else
        failed=$((failed + 1))
        echo "not ok $n - $2"
        [ -n "${3:-}" ] && echo "#   $3"
    fi
}

# complete WORD...: what _dyad offers for the last word.
complete_words() {
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _dyad
    printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}

expect() { # expect "EXPECTED" WORD...
    local want=$1
    shift
    local got
    got=$(complete_words "$@")
    [ "$got" = "$want" ]
    ok $? "$* -> '$want'" "got '$got'"
}

# shellcheck source=../../completion/dyad
source "$root/completion/dyad"
complete -p dyad >/dev/null 2>&1
ok $? "sourcing registers a completion for dyad"

expect "explain extract" dyad ex
expect "diff" dyad d
expect "--help --version" dyad --
expect "merge" dyad help m
expect "--format --formats" dyad extract --form
expect "--file" dyad explain --fi
expect "--label-a --label-b" dyad diff --lab
expect "gexf graphml" dyad extract --format g
expect "json text" dyad explain --format ""
expect "dot gexf graphml html json svg text" dyad diff -f ""
expect "dot gexf graphml html json svg" dyad merge -f ""
expect "json,svg" dyad extract --formats json,s
expect "json,text" dyad diff -o x --formats json,t
expect "" dyad diff -o x --formats json,c
expect "csv,json" dyad merge -o x --formats csv,j
expect "json,svg,csv json,svg,dot json,svg,gexf json,svg,graphml json,svg,html" \
    dyad extract -o x --formats json,svg,
expect "neato" dyad extract --engine ne
expect "" dyad extract -j ""
expect "" dyad diff --title ""

# files: arguments, explain -f, --actors
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/seeds" && touch "$tmp/seeds.txt" "$tmp/actors.json"
expect "$tmp/seeds $tmp/seeds.txt" dyad extract "$tmp/se"
expect "$tmp/seeds $tmp/seeds.txt" dyad explain -f "$tmp/se"
expect "$tmp/actors.json" dyad diff --actors "$tmp/a"
expect "$tmp/actors.json" dyad extract -o out "$tmp/a"

# the option lists are the sources'
for cmd in extract explain diff merge; do
    src="$root/src/cli/cmd_$cmd.c"
    long=$(sed -n '/long_opts\[\] = {/,/^};/p' "$src" |
        grep -o '{"[a-z-]*"' | sed 's/{"/--/; s/"//')
    short=$(grep -o 'getopt_long(argc, argv, "[^"]*"' "$src" |
        sed 's/.*"\(.*\)"/\1/' | tr -d ':' | sed 's/./-& /g')
    want=$(printf '%s\n' $long $short | sort -u | tr '\n' ' ')
    got=$(printf '%s\n' $(_dyad_options "$cmd") | sort -u | tr '\n' ' ')
    [ -n "$long" ] && [ "$got" = "$want" ]
    ok $? "the options of dyad $cmd are those of cmd_$cmd.c" \
        "completion: $got; sources: $want"
done

echo "1..$n"
[ "$failed" = 0 ]
