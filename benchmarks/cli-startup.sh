#!/bin/sh
# Start-up of one `cloudfront-signed sign` against one `aws cloudfront sign`, side by side: the two commands in
# turn (A B A B ...), N runs each after one warm-up each, wall-clock seconds from /usr/bin/time; prints every run
# and the medians. Needs the built launcher (mvn -B -pl cli -am package -DskipTests), the AWS CLI on PATH and
# openssl. Usage: benchmarks/cli-startup.sh [RUNS]   (default 11)
set -eu
runs=${1:-11}
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cli=$(echo "$root"/cli/target/cloudfront-signed-cli-*-bin/cloudfront-signed-*/bin/cloudfront-signed)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cli" keygen --out "$work/keys" >/dev/null
# the AWS CLI (v1) reads only PKCS#1 ("BEGIN RSA PRIVATE KEY"); cloudfront-signed reads both
openssl rsa -in "$work/keys/private_key.pem" -traditional -out "$work/pk1.pem" 2>/dev/null
args="--url https://d111111abcdef8.cloudfront.net/images/cat.jpg --key-pair-id K2JCJMDEHXQW5F \
--private-key file://$work/pk1.pem --date-less-than 2099-01-01"
one() { # $1 = label, rest = command; appends the wall time to $work/$1
  label=$1; shift
  /usr/bin/time -f %e -o "$work/t" "$@" >/dev/null 2>&1
  cat "$work/t" >>"$work/$label"
}
# shellcheck disable=SC2086
one warm "$cli" sign $args; one warm aws cloudfront sign $args; : >"$work/cli"; : >"$work/aws"
i=0
while [ "$i" -lt "$runs" ]; do
  # shellcheck disable=SC2086
  one cli "$cli" sign $args
  # shellcheck disable=SC2086
  one aws aws cloudfront sign $args
  i=$((i + 1))
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
echo "cloudfront-signed sign: $(tr '\n' ' ' <"$work/cli")-> median $(median "$work/cli") s"
echo "aws cloudfront sign:    $(tr '\n' ' ' <"$work/aws")-> median $(median "$work/aws") s"
