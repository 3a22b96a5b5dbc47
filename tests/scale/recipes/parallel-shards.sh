#!/bin/sh
# parallel-shards.sh N PREFIX INPUT...: extracts INPUT in N shards on the
# ssh logins of GNU parallel, one shard a job, then merges the N shard
# graphs here into PREFIX.json, PREFIX.dot and PREFIX.svg.
#
#   LOGINS   a file of ssh logins, one a line (parallel --sshloginfile):
#            "4/user@node1" runs up to 4 shards at once on node1
#   DYAD     the dyad each login runs (default: dyad on its PATH)
#   PARTS    where the shard graphs go (default: PREFIX.parts); INPUT and
#            PARTS are paths every login sees (shared storage)
#   PARALLEL_SSH  the ssh command (default ssh), e.g. "ssh -F my_config"
#
# The merge is byte-identical to `dyad extract INPUT... -o PREFIX` on one
# machine; PARTS/joblog says which login ran which shard.
set -eu
n=$1 prefix=$2
shift 2
dyad=${DYAD:-dyad}
parts=${PARTS:-$prefix.parts}
mkdir -p "$parts"
seq 1 "$n" | parallel --sshloginfile "$LOGINS" --jobs 1 \
    --halt now,fail=1 --joblog "$parts/joblog" \
    "$dyad" extract --shard {}/"$n" --no-progress --format json "$@" \
    '>' "$parts/part-{}.json"
"$dyad" merge "$parts"/part-*.json -o "$prefix"
