package io.patchbay.devstack;

import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the command line by hand: a few subcommands and a handful of options ({@code --opt value} or {@code --opt=value}). */
final class Cli {

    static final Duration DEFAULT_TTL = Duration.ofHours(12);

    static final String USAGE = """
            Usage: ./patchbay <command> [options]

              up [--fresh] [--dir DIR]   build what is missing, start PostgreSQL, Kafka and every service;
                                         Ctrl-C stops everything. Data is kept in DIR (default .patchbay/);
                                         --fresh wipes it first.
              token --user ID [--team TEAM:ROLE ...] [--admin] [--env ENV_ID] [--ttl DURATION]
                                         print a JWT signed with the dev key (ROLE: OWNER, MEMBER, DEVELOPER,
                                         BILLING or VIEWER; DURATION like 12h, 30m, 1h30m, 2d; default 12h)
              status [--dir DIR]         each service's health; exit 0 when all are UP
              events [--dir DIR] [--follow]
                                         print the configuration lifecycle events on the topic, oldest first;
                                         --follow keeps printing new ones until Ctrl-C
              bench [--quick] [--label TEXT]
                                         start a fresh stack on free ports, measure it (GET throughput next to
                                         the same JDBC lookup, lifecycle latency next to a Kafka round trip,
                                         outbox throughput, start-up, memory) and append the figures to
                                         docs/benchmarks.md and docs/benchmarks/*.json; --quick: smaller runs
              dead-letters [list] [--dir DIR]
                                         the lifecycle records each consumer service dead-lettered, newest first
              dead-letters replay ID [--dir DIR]
                                         apply one again through its service's inbox: applied, duplicate, stale
                                         or failed again (exit 1)
              dead-letters replay --all [--dir DIR]
                                         replay every dead letter not yet replayed with success
              audit [--resource ID] [--actor ID] [--since DURATION] [--limit N] [--dir DIR]
                                         the audit trails of the four services merged by time, oldest first
                                         (the newest N entries, default 100; --since like 1h, 30m, 2d)
              help                       this text

            Ports (environment): PATCHBAY_CONFIG_PORT=8081 PATCHBAY_ENVIRONMENT_PORT=8082 PATCHBAY_OAUTH_PORT=8083
              PATCHBAY_CATALOG_PORT=8084 PATCHBAY_PG_PORT=15432 PATCHBAY_KAFKA_PORT=19092
            """;

    private static final Pattern SHORT_DURATION = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private Cli() {
    }

    static Command parse(String... args) {
        if (args.length == 0 || Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            return new Command.Help();
        }
        Deque<String> rest = new ArrayDeque<>(expandEquals(Arrays.asList(args).subList(1, args.length)));
        return switch (args[0]) {
            case "up" -> up(rest);
            case "token" -> token(rest);
            case "status" -> status(rest);
            case "events" -> events(rest);
            case "bench" -> bench(rest);
            case "dead-letters" -> deadLetters(rest);
            case "audit" -> audit(rest);
            case "help" -> new Command.Help();
            default -> throw new UsageException("Unknown command: " + args[0]);
        };
    }

    private static Command up(Deque<String> args) {
        boolean fresh = false;
        Optional<Path> dir = Optional.empty();
        while (!args.isEmpty()) {
            String option = args.removeFirst();
            switch (option) {
                case "--fresh" -> fresh = true;
                case "--dir" -> dir = Optional.of(Path.of(value(option, args)));
                default -> throw unknownOption("up", option);
            }
        }
        return new Command.Up(fresh, dir);
    }

    private static Command status(Deque<String> args) {
        Optional<Path> dir = Optional.empty();
        while (!args.isEmpty()) {
            String option = args.removeFirst();
            if (option.equals("--dir")) {
                dir = Optional.of(Path.of(value(option, args)));
            } else {
                throw unknownOption("status", option);
            }
        }
        return new Command.Status(dir);
    }

    private static Command events(Deque<String> args) {
        Optional<Path> dir = Optional.empty();
        boolean follow = false;
        while (!args.isEmpty()) {
            String option = args.removeFirst();
            switch (option) {
                case "--dir" -> dir = Optional.of(Path.of(value(option, args)));
                case "--follow" -> follow = true;
                default -> throw unknownOption("events", option);
            }
        }
        return new Command.Events(dir, follow);
    }

    private static Command bench(Deque<String> args) {
        boolean quick = false;
        String label = "";
        while (!args.isEmpty()) {
            String option = args.removeFirst();
            switch (option) {
                case "--quick" -> quick = true;
                case "--label" -> label = value(option, args);
                default -> throw unknownOption("bench", option);
            }
        }
        return new Command.Bench(quick, label);
    }

    private static Command deadLetters(Deque<String> args) {
        Optional<Path> dir = Optional.empty();
        Command.DeadLetters.Action action = null;
        Optional<String> id = Optional.empty();
        boolean all = false;
        while (!args.isEmpty()) {
            String arg = args.removeFirst();
            switch (arg) {
                case "--dir" -> dir = Optional.of(Path.of(value(arg, args)));
                case "--all" -> all = true;
                case "list", "replay" -> {
                    if (action != null) {
                        throw new UsageException("dead-letters: one of list or replay");
                    }
                    action = arg.equals("list") ? Command.DeadLetters.Action.LIST : Command.DeadLetters.Action.REPLAY;
                }
                default -> {
                    if (arg.startsWith("--") || action != Command.DeadLetters.Action.REPLAY || id.isPresent()) {
                        throw unknownOption("dead-letters", arg);
                    }
                    id = Optional.of(arg);
                }
            }
        }
        if (action == null) {
            action = Command.DeadLetters.Action.LIST;
        }
        if (action == Command.DeadLetters.Action.LIST && all) {
            throw new UsageException("dead-letters: --all goes with replay (dead-letters replay --all)");
        }
        if (action == Command.DeadLetters.Action.REPLAY && all == id.isPresent()) {
            throw new UsageException("dead-letters replay wants a dead letter's ID or --all");
        }
        return new Command.DeadLetters(dir, action, id, all);
    }

    private static Command audit(Deque<String> args) {
        Optional<Path> dir = Optional.empty();
        Optional<String> resource = Optional.empty();
        Optional<String> actor = Optional.empty();
        Optional<Duration> since = Optional.empty();
        int limit = Command.Audit.DEFAULT_LIMIT;
        while (!args.isEmpty()) {
            String option = args.removeFirst();
            switch (option) {
                case "--dir" -> dir = Optional.of(Path.of(value(option, args)));
                case "--resource" -> resource = Optional.of(value(option, args));
                case "--actor" -> actor = Optional.of(value(option, args));
                case "--since" -> since = Optional.of(duration(value(option, args), option));
                case "--limit" -> limit = limit(value(option, args));
                default -> throw unknownOption("audit", option);
            }
        }
        return new Command.Audit(dir, resource, actor, since, limit);
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= 1000) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException("--limit wants a number from 1 to 1000 (got '" + value + "')");
    }

    private static Command token(Deque<String> args) {
        String user = null;
        List<TeamMembership> teams = new ArrayList<>();
        boolean admin = false;
        Optional<String> env = Optional.empty();
        Duration ttl = DEFAULT_TTL;
        while (!args.isEmpty()) {
            String option = args.removeFirst();
            switch (option) {
                case "--user" -> user = value(option, args);
                case "--team" -> teams.add(team(value(option, args)));
                case "--admin" -> admin = true;
                case "--env" -> env = Optional.of(value(option, args));
                case "--ttl" -> ttl = duration(value(option, args));
                default -> throw unknownOption("token", option);
            }
        }
        if (user == null) {
            throw new UsageException("token: --user ID is required");
        }
        return new Command.Token(user, teams, admin, env, ttl);
    }

    /** {@code team_a:owner}; the role is the part after the last colon, case-insensitive. */
    static TeamMembership team(String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new UsageException("--team wants TEAM:ROLE, e.g. team_a:OWNER (got '" + value + "')");
        }
        String role = value.substring(colon + 1);
        return new TeamMembership(value.substring(0, colon), TeamRole.parse(role).orElseThrow(() -> new UsageException(
                "Unknown team role '" + role + "' in --team " + value + "; one of " + Arrays.toString(TeamRole.values()))));
    }

    /** {@code 12h}, {@code 30m}, {@code 1h30m}, {@code 2d}, {@code 90s} or ISO-8601 ({@code PT12H}); positive. */
    static Duration duration(String value) {
        return duration(value, "--ttl");
    }

    static Duration duration(String value, String option) {
        Duration duration;
        Matcher matcher = SHORT_DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (!value.isEmpty() && matcher.matches()) {
            duration = Duration.ofDays(number(matcher.group(1))).plusHours(number(matcher.group(2)))
                    .plusMinutes(number(matcher.group(3))).plusSeconds(number(matcher.group(4)));
        } else {
            try {
                duration = Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new UsageException(option + " wants a duration like 12h, 30m, 1h30m or 2d (got '" + value + "')");
            }
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new UsageException(option + " must be positive (got '" + value + "')");
        }
        return duration;
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static String value(String option, Deque<String> args) {
        String value = args.pollFirst();
        if (value == null || value.isBlank() || value.startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return value;
    }

    private static UsageException unknownOption(String command, String option) {
        return new UsageException(command + ": unknown option " + option);
    }

    /** {@code --user=u} becomes {@code --user u}. */
    private static List<String> expandEquals(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                out.add(arg.substring(0, eq));
                out.add(arg.substring(eq + 1));
            } else {
                out.add(arg);
            }
        }
        return out;
    }
}
