/* Fault injection for tests/outputs/test_outputs.py, loaded with
 * LD_PRELOAD into dyad:
 *
 *   DYAD_FAULT_RENAME=SUFFIX  a rename of a temporary onto a target ending
 *                             in SUFFIX fails with EIO (a rename that fails
 *                             halfway through a set)
 *   DYAD_FAULT_FSYNC=TEXT     fsync of a file whose path contains TEXT
 *                             fails with ENOSPC (a full disk)...
 *   DYAD_FAULT_SLEEP=SECONDS  ...or sleeps that long first (a slow write,
 *                             for signals) */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return m && n >= m && strcmp(s + n - m, suffix) == 0;
}

int rename(const char *from, const char *to)
{
    int (*real)(const char *, const char *);
    *(void **)&real = dlsym(RTLD_NEXT, "rename"); /* the POSIX idiom */
    const char *suffix = getenv("DYAD_FAULT_RENAME");
    /* only a temporary's rename: restoring an old file must work */
    if (suffix && ends_with(to, suffix) && !strstr(from, ".old.")) {
        errno = EIO;
        return -1;
    }
    return real(from, to);
}

int fsync(int fd)
{
    int (*real)(int);
    *(void **)&real = dlsym(RTLD_NEXT, "fsync");
    const char *text = getenv("DYAD_FAULT_FSYNC");
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    path[n > 0 ? n : 0] = '\0';
    if (text && *text && strstr(path, text)) {
        const char *secs = getenv("DYAD_FAULT_SLEEP");
        if (secs) {
            sleep((unsigned)atoi(secs));
        } else {
            errno = ENOSPC;
            return -1;
        }
    }
    return real(fd);
}
