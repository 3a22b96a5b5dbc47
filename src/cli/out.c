/* Outputs written all or none.
 *
 * Each output is written to a temporary beside its target,
 * ".NAME.PID.XXXXXX", flushed to disk and closed; a set of them is then
 * committed under a lock on the folder (flock on the folder itself, so no
 * lock file is left): every target is first checked and kept as a hard
 * link ".NAME.old.PID.XXXXXX" (or moved there where links are refused),
 * then the temporaries are renamed over the targets.  If any step fails,
 * the targets already replaced get their old file back (or are removed if
 * they had none), so a reader sees the old set or the new set, never a
 * mix.  SIGINT, SIGTERM and SIGHUP remove the temporaries before the
 * process dies (they wait while a set is being committed); what a SIGKILL
 * leaves is swept by the next commit in that folder, once the process
 * named in it is gone. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

struct cli_out {
    FILE *fp;
    char *path; /* final name; NULL for stdout */
    char *tmp;  /* temporary name beside it */
    int slot;   /* in the signal registry; -1 if none */
    bool closed;
};

static dyad_status io_fail(dyad_error *err, const char *path,
                           const char *what, int errnum)
{
    return dyad_fail(err, DYAD_ERR_IO, path, 0, 0, "%s: %s", what,
                     strerror(errnum));
}

/* ---- temporaries removed on SIGINT, SIGTERM, SIGHUP ---- */

enum { MAX_TEMPS = 32 };
/* Fixed buffers, never freed: the handler may read them at any time. */
static char temp_paths[MAX_TEMPS][PATH_MAX];
static atomic_int temp_used[MAX_TEMPS];
static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};

/* temp_used: 0 free, 2 claimed (path being copied), 1 in use. */
static void on_signal(int sig)
{
    for (int i = 0; i < MAX_TEMPS; i++)
        if (atomic_load(&temp_used[i]) == 1)
            unlink(temp_paths[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void install_cleanup(void)
{
    static atomic_flag done = ATOMIC_FLAG_INIT;
    if (atomic_flag_test_and_set(&done))
        return;
    for (size_t i = 0; i < sizeof cleanup_signals / sizeof *cleanup_signals;
         i++) {
        struct sigaction sa, old;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        /* a signal the caller ignores (nohup) stays ignored */
        if (sigaction(cleanup_signals[i], NULL, &old) == 0 &&
            old.sa_handler != SIG_IGN)
            sigaction(cleanup_signals[i], &sa, NULL);
    }
}

static int temp_register(const char *path)
{
    install_cleanup();
    if (strlen(path) >= PATH_MAX)
        return -1;
    for (int i = 0; i < MAX_TEMPS; i++) {
        int expected = 0;
        if (!atomic_compare_exchange_strong(&temp_used[i], &expected, 2))
            continue;
        memcpy(temp_paths[i], path, strlen(path) + 1);
        atomic_store(&temp_used[i], 1);
        return i;
    }
    return -1; /* more than MAX_TEMPS at once: left uncleaned on a signal */
}

static void temp_forget(int slot)
{
    if (slot >= 0)
        atomic_store(&temp_used[slot], 0);
}

/* Signals wait while a set is being committed. */
static void block_signals(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < sizeof cleanup_signals / sizeof *cleanup_signals;
         i++)
        sigaddset(&set, cleanup_signals[i]);
    pthread_sigmask(SIG_BLOCK, &set, old);
}

/* ---- names ---- */

/* ".NAME.<tag>PID.XXXXXX" in the directory of path (tag "" for a
 * temporary, "old." for the kept old file). */
static char *hidden_name(const char *path, const char *tag)
{
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = path + dir_len;
    size_t n = dir_len + strlen(base) + strlen(tag) + 32;
    char *name = cli_xmalloc(n);
    snprintf(name, n, "%.*s.%s.%s%ld.XXXXXX", (int)dir_len, path, base, tag,
             (long)getpid());
    return name;
}

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return cli_xstrdup(".");
    return cli_xstrndup(path, (size_t)(slash - path) + 1);
}

/* ---- one output ---- */

static void make_shareable(int fd)
{
    /* mkstemp gives 0600; a graph is shared like any file the user makes.
     * Failing that leaves 0600, which is no reason to fail the run. */
    mode_t mask = umask(0);
    umask(mask);
    int rc = fchmod(fd, 0666 & ~mask);
    (void)rc;
}

cli_out *cli_out_open(const char *path, dyad_error *err)
{
    cli_out *o = cli_xmalloc(sizeof *o);
    memset(o, 0, sizeof *o);
    o->slot = -1;
    if (strcmp(path, "-") == 0) {
        o->fp = stdout;
        return o;
    }
    if (!*path || path[strlen(path) - 1] == '/') {
        dyad_fail(err, DYAD_ERR_IO, path, 0, 0,
                  "cannot create: not a file name");
        free(o);
        return NULL;
    }
    o->path = cli_xstrdup(path);
    o->tmp = hidden_name(path, "");
    sigset_t mask; /* no signal between creating and registering */
    block_signals(&mask);
    int fd = mkstemp(o->tmp);
    int errnum = errno;
    if (fd >= 0)
        o->slot = temp_register(o->tmp);
    pthread_sigmask(SIG_SETMASK, &mask, NULL);
    if (fd < 0) {
        io_fail(err, path, "cannot create", errnum);
        goto fail;
    }
    make_shareable(fd);
    o->fp = fdopen(fd, "w");
    if (!o->fp) {
        io_fail(err, path, "cannot create", errno);
        close(fd);
        unlink(o->tmp);
        temp_forget(o->slot);
        goto fail;
    }
    return o;
fail:
    free(o->tmp);
    free(o->path);
    free(o);
    return NULL;
}

FILE *cli_out_file(cli_out *o) { return o->fp; }

/* The first error of a stream's write, flush, sync and close. */
static int finish_stream(FILE *fp)
{
    int errnum = ferror(fp) ? EIO : 0;
    if (fflush(fp) != 0 && !errnum)
        errnum = errno;
    if (fsync(fileno(fp)) != 0 && !errnum && errno != EINVAL)
        errnum = errno; /* EINVAL: a file that cannot be synced */
    if (fclose(fp) != 0 && !errnum)
        errnum = errno;
    return errnum;
}

dyad_status cli_out_close(cli_out *o, dyad_error *err)
{
    const char *name = o->path ? o->path : "standard output";
    if (!o->path) {
        if (fflush(stdout) != 0 || ferror(stdout))
            return io_fail(err, name, "write error", errno ? errno : EIO);
        return DYAD_OK;
    }
    if (o->closed)
        return DYAD_OK;
    int errnum = finish_stream(o->fp);
    o->fp = NULL;
    o->closed = true;
    return errnum ? io_fail(err, name, "write error", errnum) : DYAD_OK;
}

static void out_free(cli_out *o)
{
    if (o->fp && o->path)
        fclose(o->fp);
    if (o->tmp)
        unlink(o->tmp);
    temp_forget(o->slot);
    free(o->tmp);
    free(o->path);
    free(o);
}

dyad_status cli_out_commit(cli_out *o, dyad_error *err)
{
    return cli_out_commit_set(&o, 1, err);
}

void cli_out_abort(cli_out *o)
{
    if (o)
        out_free(o);
}

/* ---- the folder: lock, sweep, early check ---- */

/* An exclusive lock on the folder, so that two writers commit one after
 * the other; -1 (no lock) if the folder cannot be opened. */
static int lock_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    while (flock(fd, LOCK_EX) != 0 && errno == EINTR)
        ;
    return fd;
}

/* The pid in "<tag>PID.XXXXXX" after ".BASE.", or 0. */
static long leftover_pid(const char *name, const char *base, const char *tag)
{
    size_t nb = strlen(base), nt = strlen(tag);
    if (name[0] != '.' || strncmp(name + 1, base, nb) != 0 ||
        name[nb + 1] != '.' || strncmp(name + nb + 2, tag, nt) != 0)
        return 0;
    char *end;
    long pid = strtol(name + nb + 2 + nt, &end, 10);
    return pid > 0 && end[0] == '.' && strlen(end) == 7 ? pid : 0;
}

static bool process_gone(long pid)
{
    return pid != (long)getpid() && kill((pid_t)pid, 0) != 0 &&
           errno == ESRCH;
}

/* What a killed writer left beside target: its temporaries are removed;
 * an old file it had moved aside goes back if the target is missing. */
static void sweep(const char *dir, const char *target)
{
    const char *slash = strrchr(target, '/');
    const char *base = slash ? slash + 1 : target;
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        long tmp = leftover_pid(e->d_name, base, "");
        long old = leftover_pid(e->d_name, base, "old.");
        if (!(tmp && process_gone(tmp)) && !(old && process_gone(old)))
            continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *path = cli_xmalloc(n);
        snprintf(path, n, "%s/%s", dir, e->d_name);
        bool restored =
            old && access(target, F_OK) != 0 && rename(path, target) == 0;
        if (!restored)
            unlink(path);
        free(path);
    }
    closedir(d);
}

dyad_status cli_out_check(const char *prefix, dyad_error *err)
{
    char *dir = dir_of(prefix);
    struct stat st;
    dyad_status rc = DYAD_OK;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        rc = dyad_fail(err, DYAD_ERR_IO, dir, 0, 0,
                       "cannot write there: no such directory");
    else if (access(dir, W_OK | X_OK) != 0)
        rc = io_fail(err, dir, "cannot write there", errno);
    free(dir);
    return rc;
}

/* ---- committing a set ---- */

typedef struct keep {
    char *old;  /* the target's old file, kept under this name */
    bool moved; /* moved aside (the target is gone) rather than linked */
} keep;

/* Keeps target's current file, if any, in k; fails if it cannot be
 * replaced (a directory, or a file the folder will not let us move). */
static dyad_status keep_old(const char *target, keep *k, dyad_error *err)
{
    struct stat st;
    k->old = NULL;
    k->moved = false;
    if (lstat(target, &st) != 0)
        return errno == ENOENT
                   ? DYAD_OK
                   : io_fail(err, target, "cannot replace", errno);
    if (S_ISDIR(st.st_mode))
        return io_fail(err, target, "cannot replace", EISDIR);
    k->old = hidden_name(target, "old.");
    int fd = mkstemp(k->old);
    if (fd < 0) {
        dyad_status s = io_fail(err, target, "cannot replace", errno);
        free(k->old);
        k->old = NULL;
        return s;
    }
    close(fd);
    unlink(k->old);
    if (link(target, k->old) == 0)
        return DYAD_OK;
    if (rename(target, k->old) == 0) {
        k->moved = true;
        return DYAD_OK;
    }
    dyad_status s = io_fail(err, target, "cannot replace", errno);
    free(k->old);
    k->old = NULL;
    return s;
}

/* Puts target back as it was before keep_old (its new file, if renamed
 * in, is replaced or removed). */
static void restore(const char *target, keep *k, bool replaced)
{
    if (k->old && (k->moved || replaced))
        rename(k->old, target);
    else if (k->old)
        unlink(k->old);
    else if (replaced)
        unlink(target);
    free(k->old);
    k->old = NULL;
}

static void drop_old(keep *k)
{
    if (k->old)
        unlink(k->old);
    free(k->old);
    k->old = NULL;
}

/* The renames, with the old files kept in ks: all, or none and restored.
 * Every target is checked (kept) before the first rename. */
static dyad_status replace_all(cli_out **outs, size_t n, keep *ks,
                               dyad_error *err)
{
    size_t kept = 0, done = 0;
    dyad_status st = DYAD_OK;
    while (kept < n &&
           (st = keep_old(outs[kept]->path, &ks[kept], err)) == DYAD_OK)
        kept++;
    while (st == DYAD_OK && done < n) {
        if (rename(outs[done]->tmp, outs[done]->path) != 0)
            st = io_fail(err, outs[done]->path, "cannot rename into place",
                         errno);
        else
            done++;
    }
    for (size_t i = 0; i < kept; i++) {
        if (st != DYAD_OK)
            restore(outs[i]->path, &ks[i], i < done);
        else
            drop_old(&ks[i]);
    }
    return st;
}

static dyad_status commit_files(cli_out **outs, size_t n, dyad_error *err)
{
    char *dir = dir_of(outs[0]->path);
    sigset_t old_mask;
    block_signals(&old_mask);
    int lock = lock_dir(dir);
    for (size_t i = 0; i < n; i++)
        sweep(dir, outs[i]->path);
    keep *ks = cli_xmalloc((n + 1) * sizeof *ks);
    memset(ks, 0, (n + 1) * sizeof *ks);
    dyad_status st = replace_all(outs, n, ks, err);
    for (size_t i = 0; st == DYAD_OK && i < n; i++) {
        free(outs[i]->tmp); /* renamed: nothing to remove */
        outs[i]->tmp = NULL;
    }
    free(ks);
    if (lock >= 0) {
        fsync(lock); /* the renames themselves, on disk */
        close(lock);
    }
    free(dir);
    for (size_t i = 0; i < n; i++) /* before the signals come through */
        temp_forget(outs[i]->slot);
    pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
    return st;
}

dyad_status cli_out_commit_set(cli_out **outs, size_t n, dyad_error *err)
{
    dyad_status st = DYAD_OK;
    size_t files = 0;
    for (size_t i = 0; i < n && st == DYAD_OK; i++) {
        st = cli_out_close(outs[i], err);
        files += outs[i]->path != NULL;
    }
    if (st == DYAD_OK && files > 0) {
        /* the files of a set share one folder: the first names it */
        cli_out **fs = cli_xmalloc(files * sizeof *fs);
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (outs[i]->path)
                fs[k++] = outs[i];
        st = commit_files(fs, files, err);
        free(fs);
    }
    for (size_t i = 0; i < n; i++) {
        out_free(outs[i]);
        outs[i] = NULL;
    }
    return st;
}
