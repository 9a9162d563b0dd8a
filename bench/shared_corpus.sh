#!/bin/sh
# Builds each folder of ../shared/corpus/ unedited as the content folder of
# a site made by `tier0 init` (its default language set to the folder's:
# Spanish for rust-book-es, English for the others) and prints, per folder,
# the articles and files published, the warnings (but "no id", which every
# page written for another tool has), the files with warnings and those
# left out for errors.
# A regression check for the build on real documentation: compare the
# table with the last one in BENCHMARKS.md.
#
# Usage: bench/shared_corpus.sh TIER0_BINARY [WORK_DIR]
# WORK_DIR (default /dev/shm/tier0-corpus-loop) is emptied and refilled.
set -eu

tier0=$(realpath "${1:?usage: bench/shared_corpus.sh TIER0_BINARY [WORK_DIR]}")
work=${2:-/dev/shm/tier0-corpus-loop}
corpus=$(realpath "$(dirname "$0")/../../shared/corpus")

rm -rf "$work"
mkdir -p "$work"
printf '| set | articles | files | warnings | files with warnings | left out |\n| --- | ---: | ---: | ---: | ---: | ---: |\n'
for folder in "$corpus"/*/; do
    name=$(basename "$folder")
    site="$work/$name"
    "$tier0" init "$site" --quiet
    rm -rf "$site/content"
    cp -r "$folder" "$site/content"
    language=en
    case "$name" in *-es) language=es ;; esac
    sed -i "s/^default_language: .*/default_language: $language/" "$site/tier0.yaml"
    log="$work/$name.log"
    "$tier0" build --root "$site" --verbose > "$log" 2>&1 || true
    published=$(grep -o 'Published [0-9]* articles.*([0-9]* files)' "$log" | tail -1)
    articles=$(printf '%s' "$published" | sed -n 's/Published \([0-9]*\) articles.*/\1/p')
    files=$(printf '%s' "$published" | sed -n 's/.*(\([0-9]*\) files).*/\1/p')
    # The summary line: "…; N file(s) left out for errors, M with warnings".
    left_out=$(grep -o '[0-9]* file(s) left out for errors' "$log" | tail -1 | cut -d' ' -f1)
    warned=$(grep -o '[0-9]* with warnings' "$log" | tail -1 | cut -d' ' -f1)
    # Every warning, but the expected one of pages written for another
    # tool: no tier0 `id`.
    warnings=$(grep '^warning' "$log" | grep -vc 'has no `id`' || true)
    printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "${articles:-failed}" "${files:--}" \
        "$warnings" "${warned:--}" "${left_out:--}"
done
