# common.sh — what run.sh and every test (lib.sh) both need: the
# program's locale and a clock that starts no command. Sourced; defines
# functions only.

# e2e_locale: the program's locale in the tests, C.UTF-8 where there is
# one, else C.
e2e_locale() {
	if locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$'; then echo C.UTF-8; else echo C; fi
}

# e2e_now_fn: the shell function e2e_now, also for scripts the test
# writes: $now, in hundredths of a second since some fixed point, read
# from /proc/uptime where there is one (no command to start: under load,
# starting date took longer than a hundredth).
e2e_now_fn() {
	cat <<'END'
e2e_now() {
	if read -r now _ 2>/dev/null </proc/uptime; then
		now=${now%.*}${now#*.}
		now=${now#"${now%%[1-9]*}"}
		now=${now:-0}
	else
		now=$(($(date +%s%N) / 10000000))
	fi
}
END
}
eval "$(e2e_now_fn)"
