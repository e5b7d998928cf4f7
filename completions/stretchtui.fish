# fish completion for stretchtui. Installed as
# share/fish/vendor_completions.d/stretchtui.fish. The same grammar as
# stretchtui.bash: a new command needs a line in each of its tables.

set -l commands play list show check new edit config safety history remind status

# The routine ids, from `stretchtui list --ids` with the line's --routines.
function __stretchtui_ids
    set -l words (commandline -opc)
    set -l extra
    for i in (seq (count $words))
        switch $words[$i]
            case --routines
                set -l next (math $i + 1)
                if test $next -le (count $words)
                    set extra --routines $words[$next]
                end
            case '--routines=*'
                set extra --routines (string replace -- --routines= '' $words[$i])
        end
    end
    $words[1] $extra list --ids 2>/dev/null
end

# history and status take only their own options.
function __stretchtui_no_history
    not __fish_seen_subcommand_from history status
end

complete -c stretchtui -f

# Commands.
complete -c stretchtui -n "not __fish_seen_subcommand_from $commands" -a play -d 'play a routine'
complete -c stretchtui -n "not __fish_seen_subcommand_from $commands" -a list -d 'the routines'
complete -c stretchtui -n "not __fish_seen_subcommand_from $commands" -a show -d 'the plan of a routine'
complete -c stretchtui -n "not __fish_seen_subcommand_from $commands" -a check -d 'validate routine files'
complete -c stretchtui -n "not __fish_seen_subcommand_from $commands" -a new -d 'a skeleton routine of your own'
complete -c stretchtui -n "not __fish_seen_subcommand_from $commands" -a edit -d 'edit a routine, checked on save'
complete -c stretchtui -n "not __fish_seen_subcommand_from $commands" -a config -d 'every setting and its origin'
complete -c stretchtui -n "not __fish_seen_subcommand_from $commands" -a safety -d 'the safety notice'
complete -c stretchtui -n "not __fish_seen_subcommand_from $commands" -a history -d 'past sessions'
complete -c stretchtui -n "not __fish_seen_subcommand_from $commands" -a remind -d 'break reminders'
complete -c stretchtui -n "not __fish_seen_subcommand_from $commands" -a status -d 'one line for a status bar'

# Options of every command (history takes only its own).
complete -c stretchtui -n __stretchtui_no_history -l routines -x -a '(__fish_complete_directories)' -d 'also read routines from DIR'
complete -c stretchtui -n __stretchtui_no_history -l plain -d 'line by line, no full screen'
complete -c stretchtui -n __stretchtui_no_history -l no-color -d 'no colours'
complete -c stretchtui -n __stretchtui_no_history -l quiet -d 'no terminal bell'
complete -c stretchtui -n __stretchtui_no_history -l speak -d 'say the cues aloud'
complete -c stretchtui -n __stretchtui_no_history -l speech-command -x -a '(__fish_complete_command)' -d 'say them with CMD'
complete -c stretchtui -n __stretchtui_no_history -l on-event -x -a '(__fish_complete_command)' -d 'run CMD at each event'
complete -c stretchtui -n __stretchtui_no_history -l speed -x -a '0.5 2 5 10 20 50 100' -d 'play FACTOR times faster'
complete -c stretchtui -n __stretchtui_no_history -l no-safety -d 'skip the first-run safety notice'
complete -c stretchtui -n __stretchtui_no_history -l from -x -d '(play) start at step STEP'
complete -c stretchtui -n __stretchtui_no_history -l resume -d '(play) go on with the session stopped last'
complete -c stretchtui -n __stretchtui_no_history -s h -l help -d 'the help'
complete -c stretchtui -n __stretchtui_no_history -s V -l version -d 'the version'

# Each command's own options and operands.
complete -c stretchtui -n '__fish_seen_subcommand_from list' -l ids -d 'only the ids'
complete -c stretchtui -n '__fish_seen_subcommand_from play show' -a '(__stretchtui_ids)' -d routine
complete -c stretchtui -n '__fish_seen_subcommand_from check' -F
complete -c stretchtui -n '__fish_seen_subcommand_from play show; and string match -q -- "*/*" (commandline -ct)' -F
complete -c stretchtui -n '__fish_seen_subcommand_from history' -l since -x -a '(date +%Y-%m-%d)' -d 'every session from DATE on'
complete -c stretchtui -n '__fish_seen_subcommand_from history' -l days -x -a '1 7 30 365' -d 'the last N days'
complete -c stretchtui -n '__fish_seen_subcommand_from history' -l routine -x -a '(__stretchtui_ids)' -d "only this routine's sessions"
complete -c stretchtui -n '__fish_seen_subcommand_from history' -l tsv -d 'tab-separated records'
complete -c stretchtui -n '__fish_seen_subcommand_from history' -l json -d 'JSON records'
complete -c stretchtui -n '__fish_seen_subcommand_from edit' -a '(__stretchtui_ids)' -d routine
complete -c stretchtui -n '__fish_seen_subcommand_from edit' -a 'exercises config' -d 'your file'
complete -c stretchtui -n '__fish_seen_subcommand_from edit; and string match -q -- "*/*" (commandline -ct)' -F
complete -c stretchtui -n '__fish_seen_subcommand_from remind' -l every -x -a '5m 10m 20m 30m 45m 1h' -d 'a break every D'
complete -c stretchtui -n '__fish_seen_subcommand_from remind' -l routine -x -a '(__stretchtui_ids)' -d 'the routine of a break'
complete -c stretchtui -n '__fish_seen_subcommand_from remind' -l hours -x -a '09:00-17:00 09:00-17:30' -d 'breaks only from A to B'
complete -c stretchtui -n '__fish_seen_subcommand_from remind' -l days -x -a 'mon-fri weekdays weekend mon tue wed thu fri sat sun' -d 'only on these days'
complete -c stretchtui -n '__fish_seen_subcommand_from remind' -l snooze -x -a '5m 10m 15m' -d 'z puts a break off by D'
complete -c stretchtui -n '__fish_seen_subcommand_from remind' -l notify-command -x -a '(__fish_complete_command)' -d 'run CMD at each break'
complete -c stretchtui -n '__fish_seen_subcommand_from remind' -l no-notify -d 'no desktop notification'
complete -c stretchtui -n '__fish_seen_subcommand_from status' -l format -x -d 'fields: %n %s %t %r'
