# fish completion for stretchtui. Installed as
# share/fish/vendor_completions.d/stretchtui.fish. The same grammar as
# stretchtui.bash: a new command needs a line in each of its tables.

set -l commands play list show check safety history

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

function __stretchtui_no_history
    not __fish_seen_subcommand_from history
end

complete -c stretchtui -f

# Commands.
complete -c stretchtui -n "not __fish_seen_subcommand_from $commands" -a play -d 'play a routine'
complete -c stretchtui -n "not __fish_seen_subcommand_from $commands" -a list -d 'the routines'
complete -c stretchtui -n "not __fish_seen_subcommand_from $commands" -a show -d 'the plan of a routine'
complete -c stretchtui -n "not __fish_seen_subcommand_from $commands" -a check -d 'validate routine files'
complete -c stretchtui -n "not __fish_seen_subcommand_from $commands" -a safety -d 'the safety notice'
complete -c stretchtui -n "not __fish_seen_subcommand_from $commands" -a history -d 'past sessions'

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
