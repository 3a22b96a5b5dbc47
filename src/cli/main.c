/* dyad: the dispatcher.  Each sub-command lives in its own cmd_*.c; this
 * file only picks one, and makes a failed write to stdout an error. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Fallbacks until cmd_diff.c and cmd_merge.c define the real commands;
 * the linker prefers their strong definitions. */
__attribute__((weak)) int cmd_diff(int argc, char **argv)
{
    cli_error("'%s' is not yet available", argv[0]);
    return CLI_BAD_USAGE;
}

__attribute__((weak)) int cmd_merge(int argc, char **argv)
{
    cli_error("'%s' is not yet available", argv[0]);
    return CLI_BAD_USAGE;
}

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"extract", cmd_extract, "read articles and write their actor graph"},
    {"explain", cmd_explain,
     "show, sentence by sentence, how extraction reads a text"},
    {"diff", cmd_diff, "compare two graphs or two article sets"},
    {"merge", cmd_merge, "sum partial graphs (JSON) into one"},
};
enum { N_COMMANDS = sizeof commands / sizeof commands[0] };

static void print_help(void)
{
    printf("dyad %s: news articles in, the graph of who does what to whom "
           "out\n\n",
           DYAD_VERSION);
    printf("dyad reads news articles and finds the acts between actors (a "
           "state, a group,\n"
           "a person): \"Pakistan urged the Afghan Taliban to ...\" becomes "
           "an edge\n"
           "Pakistan -> Afghan Taliban, labelled with the verb and its CAMEO "
           "class and\n"
           "carrying the sentence.  The graph is written as JSON (node-link, "
           "read by\n"
           "NetworkX and D3), DOT and SVG.\n\n");
    printf("Usage: dyad COMMAND [OPTIONS] [ARGS...]\n\nCommands:\n");
    for (int i = 0; i < N_COMMANDS; i++)
        printf("  %-9s %s\n", commands[i].name, commands[i].summary);
    printf("  %-9s %s\n", "help CMD",
           "the help of one command (same as "
           "'dyad CMD --help')");
    printf("\nOptions:\n"
           "  -h, --help     this help\n"
           "  -V, --version  print the version\n");
    printf(
        "\nA common workflow:\n"
        "  dyad extract articles -o graphs/articles  # .json, .dot, .svg\n"
        "  xdg-open graphs/articles.svg              # look at the graph\n"
        "  dyad explain -f articles/one.txt          # why an edge is (not) "
        "there\n"
        "  dyad diff graphs/june.json graphs/july.json   # what changed\n"
        "  dyad merge part1.json part2.json          # sum partial "
        "graphs\n");
    printf("\nExit status: 0 success, 1 bad input (a file that cannot be "
           "read or is\n"
           "malformed, a failed write), 2 bad usage.\n");
}

static const command *find_command(const char *name)
{
    for (int i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static int unknown_command(const char *name)
{
    cli_error("unknown command '%s'; try 'dyad --help'", name);
    return CLI_BAD_USAGE;
}

/* `dyad help [CMD]`. */
static int run_help(int argc, char **argv)
{
    if (argc < 2) {
        print_help();
        return CLI_OK;
    }
    if (argc > 2)
        return cli_usage_error("help", "too many arguments");
    const command *c = find_command(argv[1]);
    if (!c)
        return unknown_command(argv[1]);
    char *args[] = {argv[1], (char *)"--help", NULL};
    return c->run(2, args);
}

static int dispatch(int argc, char **argv)
{
    if (argc < 2) {
        cli_error("no command given; try 'dyad --help'");
        return CLI_BAD_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0) {
        print_help();
        return CLI_OK;
    }
    if (strcmp(name, "-V") == 0 || strcmp(name, "--version") == 0) {
        printf("dyad %s\n", DYAD_VERSION);
        return CLI_OK;
    }
    if (strcmp(name, "help") == 0)
        return run_help(argc - 1, argv + 1);
    if (name[0] == '-') {
        cli_error("unknown option '%s'; try 'dyad --help'", name);
        return CLI_BAD_USAGE;
    }
    const command *c = find_command(name);
    if (!c)
        return unknown_command(name);
    return c->run(argc - 1, argv + 1);
}

/* A full disk or a closed pipe on stdout is an error, not a success. */
static int close_stdout(int rc)
{
    errno = 0;
    int failed = fflush(stdout) != 0 || ferror(stdout);
    int errnum = errno;
    if (fclose(stdout) != 0 && !failed) {
        failed = 1;
        errnum = errno;
    }
    if (!failed)
        return rc;
    if (rc == CLI_OK) /* otherwise the command has already failed */
        cli_error("error writing to standard output: %s",
                  errnum ? strerror(errnum) : "write error");
    return rc == CLI_OK ? CLI_BAD_INPUT : rc;
}

int main(int argc, char **argv)
{
    int rc = dispatch(argc, argv);
    return close_stdout(rc);
}
