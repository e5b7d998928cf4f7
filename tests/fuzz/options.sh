#!/bin/sh
# options.sh FILE.options: the [libfuzzer] section of a ClusterFuzz-style
# .options file as libFuzzer flags (key = value -> -key=value); a dict is
# named relative to the options file.
set -eu
dir=$(dirname "$1")
sed -n -e '/^\[libfuzzer\]/,/^\[/{' -e '/^\[/d' \
	-e "s|^dict *= *\(.*\)|-dict=$dir/\1|p" \
	-e 's/^\([a-z_]*\) *= *\(.*\)/-\1=\2/p' -e '}' "$1" | tr '\n' ' '
