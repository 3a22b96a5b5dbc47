/* Fuzz target: arbitrary bytes as a dictionary file, loaded once as the
 * actors file and once as the verbs file.  The other file of each pair is
 * a minimal one, not the built-in dictionary, whose loading would take
 * most of each run. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "dyad/dyad.h"
#include "fuzz.h"

static char path[64], no_actors[64], no_verbs[64];

static void remove_files(void)
{
    unlink(path);
    unlink(no_actors);
    unlink(no_verbs);
}

static void temp_file(char *name, size_t size, const char *text)
{
    snprintf(name, size, "/tmp/dyad-fuzz-dict-XXXXXX");
    int fd = mkstemp(name);
    if (fd < 0)
        abort();
    FILE *f = fdopen(fd, "w");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0)
        abort();
}

static void setup(void)
{
    temp_file(path, sizeof path, "");
    temp_file(no_actors, sizeof no_actors, "{\"actors\": []}\n");
    temp_file(no_verbs, sizeof no_verbs, "{\"verbs\": []}\n");
    atexit(remove_files);
}

static void load(const char *actors, const char *verbs)
{
    dyad_dict *d = NULL;
    dyad_error err;
    if (dyad_dict_new(&d, actors, verbs, &err) == DYAD_OK)
        (void)dyad_dict_n_actors(d);
    dyad_dict_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!path[0])
        setup();
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    if (fclose(f) != 0)
        abort();
    load(path, no_verbs);
    load(no_actors, path);
    return 0;
}
