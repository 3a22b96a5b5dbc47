#!/bin/sh
# slurm-submit.sh N PARTS PREFIX INPUT...: submits the map (a job array of
# N shards, slurm-extract.sbatch) and the reduce (slurm-merge.sbatch, run
# once every shard succeeded); prints the merge job's id.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
n=$1 parts=$2 prefix=$3
shift 3
mkdir -p "$parts"
array=$(sbatch --parsable --array="1-$n" --output="$parts/extract-%a.log" \
    "$here/slurm-extract.sbatch" "$parts" "$@")
array=${array%%;*}
sbatch --parsable --dependency="afterok:$array" \
    --output="$parts/merge.log" "$here/slurm-merge.sbatch" "$parts" "$prefix"
