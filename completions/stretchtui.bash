# bash completion for stretchtui                           -*- shell-script -*-
# Installed as share/bash-completion/completions/stretchtui (loaded on
# demand by bash-completion), or sourced from ~/.bashrc. Needs nothing but
# bash: no helper of the bash-completion package is used.
#
# The tables below are the whole grammar; tests/scripts/test_completion.sh
# checks them against `stretchtui --help`. A new command: add it to
# _stretchtui_commands, its own options to _stretchtui_command_options,
# what its operands are to _stretchtui_operands, and any option that takes
# a value to _stretchtui_value.

_stretchtui_commands='play list show check new edit config safety history
	remind status'

# Options of every command (before or after it).
_stretchtui_options='--routines --plain --no-color --quiet --speak
	--speech-command --on-event --speed --no-safety --from --resume --help
	--version'

# A command's own options; they come after it.
_stretchtui_command_options()
{
	case $1 in
	play) echo --from --resume ;;
	list) echo --ids ;;
	history) echo --since --days --routine --tsv --json ;;
	remind) echo --every --routine --hours --days --snooze --notify-command \
		--no-notify ;;
	status) echo --format ;;
	esac
}

# What an option's value is (nothing: the option takes none; step and
# format are values that are not completed).
_stretchtui_value()
{
	case $1 in
	--routines) echo directory ;;
	--speech-command | --on-event | --notify-command) echo command ;;
	--speed) echo speed ;;
	--routine) echo routine ;;
	--since) echo date ;;
	--days) echo days ;;
	--every | --snooze) echo duration ;;
	--hours) echo hours ;;
	--format) echo format ;;
	--from) echo step ;;
	esac
}

# What a command's operands are.
_stretchtui_operands()
{
	case $1 in
	play | show) echo routine ;;
	edit) echo editable ;;
	check) echo file ;;
	esac
}

# The routine ids, from `stretchtui list --ids` with the --routines of the
# line being completed (so that its routines are offered too).
_stretchtui_ids()
{
	local prog=$1 i w dir
	local -a extra=()
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		dir=
		if [[ $w == --routines ]]; then
			dir=${COMP_WORDS[i + 1]}
			[[ $dir == = ]] && dir=${COMP_WORDS[i + 2]}
		elif [[ $w == --routines=?* ]]; then
			dir=${w#--routines=}
		fi
		[[ -n $dir ]] && extra=(--routines "${dir/#\~/$HOME}")
	done
	"$prog" "${extra[@]}" list --ids 2>/dev/null
}

# COMPREPLY for the value of option $2 (of program $1), $3 typed so far,
# $4 the command (remind's --days are weekdays, history's a number).
_stretchtui_complete_value()
{
	local cur=$3
	case $(_stretchtui_value "$2") in
	directory)
		compopt -o filenames 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -d -- "$cur") ;;
	command)
		mapfile -t COMPREPLY < <(compgen -c -- "$cur") ;;
	speed)
		mapfile -t COMPREPLY < <(compgen -W '0.5 2 5 10 20 50 100' -- "$cur") ;;
	routine)
		mapfile -t COMPREPLY < <(compgen -W "$(_stretchtui_ids "$1")" -- "$cur") ;;
	date)
		mapfile -t COMPREPLY < <(compgen -W "$(date +%Y-%m-%d 2>/dev/null)" -- "$cur") ;;
	days)
		if [[ $4 == remind ]]; then
			mapfile -t COMPREPLY < <(compgen -W 'mon-fri weekdays weekend
				mon tue wed thu fri sat sun' -- "$cur")
		else
			mapfile -t COMPREPLY < <(compgen -W '1 7 30 365' -- "$cur")
		fi ;;
	duration)
		mapfile -t COMPREPLY < <(compgen -W '5m 10m 20m 30m 45m 1h' -- "$cur") ;;
	hours)
		mapfile -t COMPREPLY < <(compgen -W '09:00-17:00 09:00-17:30' -- "$cur") ;;
	esac
}

# COMPREPLY: the routine files (.yaml, .yml) and directories under $1.
_stretchtui_files()
{
	local f
	compopt -o filenames 2>/dev/null
	COMPREPLY=()
	while IFS= read -r f; do
		[[ -d $f || $f == *.yaml || $f == *.yml ]] && COMPREPLY+=("$f")
	done < <(compgen -f -- "$1")
}

# COMPREPLY for an operand of command $2: routine ids, else files.
_stretchtui_complete_operand()
{
	local cur=$3
	case $(_stretchtui_operands "$2") in
	routine)
		if [[ $cur == */* || $cur == .* || $cur == ~* ]]; then
			_stretchtui_files "$cur"
		else
			mapfile -t COMPREPLY < <(compgen -W "$(_stretchtui_ids "$1")" -- "$cur")
		fi ;;
	editable)
		if [[ $cur == */* || $cur == .* || $cur == ~* ]]; then
			_stretchtui_files "$cur"
		else
			mapfile -t COMPREPLY < <(compgen -W "exercises config $(_stretchtui_ids "$1")" -- "$cur")
		fi ;;
	file)
		_stretchtui_files "$cur" ;;
	esac
}

_stretchtui()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev= cmd= i w only_operands=
	local prog=${COMP_WORDS[0]}
	COMPREPLY=()
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	# --opt=value, split at '=' by bash (COMP_WORDBREAKS) or not: right
	# after the '=' the word is "=", and what is typed replaces nothing.
	if [[ $cur == = ]] && ((COMP_CWORD > 1)); then
		cur=
	elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	elif [[ $cur == --*=* ]]; then
		prev=${cur%%=*}
		cur=${cur#*=}
	else
		[[ $prev == --*=* ]] && prev=
	fi
	# The command: the first word that is neither an option nor a value.
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if [[ -n $cmd ]]; then
			:
		elif [[ $w == -- ]]; then
			only_operands=1
		elif [[ $w == -* || $w == = ]]; then
			:
		elif [[ -n $(_stretchtui_value "${COMP_WORDS[i - 1]}") ]] ||
			{ [[ ${COMP_WORDS[i - 1]} == = ]] && ((i > 1)) &&
				[[ -n $(_stretchtui_value "${COMP_WORDS[i - 2]}") ]]; }; then
			:   # an option's value
		else
			cmd=$w
		fi
	done
	[[ $prog == */* || $prog == ~* ]] && prog=${prog/#\~/$HOME}
	if [[ -n $prev && -z $only_operands && -n $(_stretchtui_value "$prev") ]]; then
		_stretchtui_complete_value "$prog" "$prev" "$cur" "$cmd"
	elif [[ $cur == -* && -z $only_operands ]]; then
		local words=$_stretchtui_options
		[[ -n $cmd ]] && words="$(_stretchtui_command_options "$cmd") $words"
		[[ $cmd == history || $cmd == status ]] &&
			words=$(_stretchtui_command_options "$cmd")
		# play's own options are also in every command's: once each
		# shellcheck disable=SC2086 # split on purpose
		words=$(printf '%s\n' $words | sort -u)
		mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
	elif [[ -z $cmd ]]; then
		mapfile -t COMPREPLY < <(compgen -W "$_stretchtui_commands" -- "$cur")
	else
		_stretchtui_complete_operand "$prog" "$cmd" "$cur"
	fi
	return 0
}

complete -F _stretchtui stretchtui
