/* The file sink: every format round-trips through libsndfile, and the target is
 * never lost: not on cancel, on error, on a bad folder or at the file-size limit. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "narrate.h"
#include "sink.h"

#define RATE 22050
#define OLD_CONTENT "the previous file\n"

static char dir[256];

/* A speech-like test signal: a 140 Hz buzz with harmonics, amplitude-modulated at
 * syllable rate, with short pauses. */
static int16_t *make_signal(size_t n)
{
    int16_t *x = malloc(n * sizeof *x);
    assert_non_null(x);
    for (size_t i = 0; i < n; i++) {
        double t = (double)i / RATE;
        double env = 0.5 + 0.5 * sin(2 * M_PI * 4 * t);
        double v = sin(2 * M_PI * 140 * t) + 0.5 * sin(2 * M_PI * 280 * t) +
                   0.25 * sin(2 * M_PI * 700 * t);
        if (fmod(t, 1.0) > 0.85)
            env = 0;
        x[i] = (int16_t)(6000 * env * v);
    }
    return x;
}

static int setup_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/narrate-test-sink-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown_dir(void **state)
{
    char cmd[300];
    (void)state;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void path_in_dir(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s/%s", dir, name);
}

/* Counts entries in the test folder whose names start with '.' (temporary files). */
static int hidden_files(void)
{
    int n = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    assert_non_null(d);
    while ((e = readdir(d)))
        if (e->d_name[0] == '.' && strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static void assert_content(const char *path, const char *text)
{
    char buf[256] = {0};
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    assert_int_equal(n, strlen(text));
    assert_string_equal(buf, text);
}

/* Writes n samples of the test signal in uneven chunks; returns the first error. */
static narrate_error write_signal(narrate_sink *s, size_t n)
{
    int16_t *x = make_signal(n);
    narrate_error err = NARRATE_OK;
    for (size_t i = 0, chunk = 1; i < n && !err; i += chunk, chunk = chunk * 3 % 1777 + 1) {
        if (chunk > n - i)
            chunk = n - i;
        err = narrate_sink_write(s, x + i, chunk, RATE);
    }
    free(x);
    return err;
}

struct decoded {
    SF_INFO info;
    sf_count_t frames;
    double rms;
};

static struct decoded decode(const char *path)
{
    struct decoded d;
    int16_t buf[4096];
    sf_count_t n;
    double sum = 0;
    memset(&d, 0, sizeof d);
    SNDFILE *snd = sf_open(path, SFM_READ, &d.info);
    if (!snd)
        fail_msg("cannot decode %s: %s", path, sf_strerror(NULL));
    while ((n = sf_read_short(snd, buf, 4096)) > 0) {
        for (sf_count_t i = 0; i < n; i++)
            sum += (double)buf[i] * buf[i];
        d.frames += n;
    }
    sf_close(snd);
    d.rms = d.frames ? sqrt(sum / (double)d.frames) : 0;
    return d;
}

static void roundtrip(const char *name, narrate_format format, int expect_major,
                      int expect_rate)
{
    char path[300], msg[256];
    narrate_sink *s = NULL;
    size_t n = RATE * 3 / 2 + 77;
    struct stat st;

    path_in_dir(path, sizeof path, name);
    umask(022);
    assert_int_equal(narrate_sink_open_file(path, format, &s, msg, sizeof msg), NARRATE_OK);
    assert_int_equal(write_signal(s, n), NARRATE_OK);
    assert_int_equal(access(path, F_OK), -1); /* nothing at the target before commit */
    assert_int_equal(narrate_sink_close(s, 1, msg, sizeof msg), NARRATE_OK);
    assert_string_equal(msg, "");

    struct decoded d = decode(path);
    assert_int_equal(d.info.format & SF_FORMAT_TYPEMASK, expect_major);
    assert_int_equal(d.info.channels, 1);
    assert_int_equal(d.info.samplerate, expect_rate);
    long long want = (long long)llround((double)n * expect_rate / RATE);
    if (llabs((long long)d.frames - want) > 2)
        fail_msg("%s: %lld frames decoded, %lld expected", name, (long long)d.frames, want);
    if (d.rms < 1000)
        fail_msg("%s: RMS %.1f, the signal's is about 2400", name, d.rms);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    assert_int_equal(hidden_files(), 0);
}

static void test_wav(void **state) { (void)state; roundtrip("a.wav", 0, SF_FORMAT_WAV, RATE); }
static void test_flac(void **state) { (void)state; roundtrip("a.flac", 0, SF_FORMAT_FLAC, RATE); }
static void test_ogg(void **state) { (void)state; roundtrip("a.ogg", 0, SF_FORMAT_OGG, RATE); }
static void test_opus(void **state) { (void)state; roundtrip("a.opus", 0, SF_FORMAT_OGG, 48000); }
static void test_mp3(void **state) { (void)state; roundtrip("a.mp3", 0, SF_FORMAT_MPEG, RATE); }

/* An explicit format wins over the extension (and over a missing one). */
static void test_format_override(void **state)
{
    (void)state;
    roundtrip("speech.audio", NARRATE_FORMAT_FLAC, SF_FORMAT_FLAC, RATE);
    roundtrip("upper.WAV", 0, SF_FORMAT_WAV, RATE);
}

static void test_format_from_name(void **state)
{
    (void)state;
    assert_int_equal(narrate_format_from_name("wav"), NARRATE_FORMAT_WAV);
    assert_int_equal(narrate_format_from_name("FLAC"), NARRATE_FORMAT_FLAC);
    assert_int_equal(narrate_format_from_name("Ogg"), NARRATE_FORMAT_OGG);
    assert_int_equal(narrate_format_from_name("opus"), NARRATE_FORMAT_OPUS);
    assert_int_equal(narrate_format_from_name("mp3"), NARRATE_FORMAT_MP3);
    assert_int_equal(narrate_format_from_name("aac"), NARRATE_FORMAT_AUTO);
    assert_int_equal(narrate_format_from_name(""), NARRATE_FORMAT_AUTO);
    assert_int_equal(narrate_format_from_name(NULL), NARRATE_FORMAT_AUTO);
}

static void test_unknown_extension(void **state)
{
    char path[300], msg[256];
    narrate_sink *s = (narrate_sink *)&s;
    (void)state;
    path_in_dir(path, sizeof path, "out.aac");
    assert_int_equal(narrate_sink_open_file(path, 0, &s, msg, sizeof msg), NARRATE_EFORMAT);
    assert_null(s);
    assert_non_null(strstr(msg, "out.aac"));
    path_in_dir(path, sizeof path, "noext");
    assert_int_equal(narrate_sink_open_file(path, 0, &s, msg, sizeof msg), NARRATE_EFORMAT);
    assert_int_equal(hidden_files(), 0);
}

static void test_bad_folder(void **state)
{
    char path[300], msg[256];
    narrate_sink *s;
    (void)state;
    path_in_dir(path, sizeof path, "missing/out.wav");
    assert_int_equal(narrate_sink_open_file(path, 0, &s, msg, sizeof msg), NARRATE_EOPEN);
    assert_null(s);
    assert_non_null(strstr(msg, path));
    assert_non_null(strstr(msg, strerror(ENOENT)));
    assert_null(strchr(msg, '\n'));

    path_in_dir(path, sizeof path, "adir.wav");
    assert_int_equal(mkdir(path, 0755), 0);
    assert_int_equal(narrate_sink_open_file(path, 0, &s, msg, sizeof msg), NARRATE_EOPEN);
    assert_non_null(strstr(msg, strerror(EISDIR)));
    assert_int_equal(rmdir(path), 0);
    assert_int_equal(hidden_files(), 0);
}

/* Permission checks do not apply to root; this case runs only for other users. */
static void test_unwritable_folder(void **state)
{
    char sub[300], path[320], msg[256];
    narrate_sink *s;
    (void)state;
    if (geteuid() == 0)
        skip();
    path_in_dir(sub, sizeof sub, "ro");
    assert_int_equal(mkdir(sub, 0555), 0);
    snprintf(path, sizeof path, "%s/out.wav", sub);
    assert_int_equal(narrate_sink_open_file(path, 0, &s, msg, sizeof msg), NARRATE_EOPEN);
    assert_non_null(strstr(msg, strerror(EACCES)));
    assert_int_equal(rmdir(sub), 0);
}

/* Cancel, close without commit, and an error mid-stream: the old file survives. */
static void test_target_untouched(void **state)
{
    char path[300], msg[256];
    narrate_sink *s;
    (void)state;
    path_in_dir(path, sizeof path, "keep.ogg");
    write_file(path, OLD_CONTENT);

    assert_int_equal(narrate_sink_open_file(path, 0, &s, msg, sizeof msg), NARRATE_OK);
    assert_int_equal(write_signal(s, RATE), NARRATE_OK);
    narrate_sink_cancel(s);
    assert_int_equal(write_signal(s, 100), NARRATE_ECANCELED);
    assert_int_equal(narrate_sink_close(s, 1, msg, sizeof msg), NARRATE_ECANCELED);
    assert_content(path, OLD_CONTENT);
    assert_int_equal(hidden_files(), 0);

    assert_int_equal(narrate_sink_open_file(path, 0, &s, msg, sizeof msg), NARRATE_OK);
    assert_int_equal(write_signal(s, RATE), NARRATE_OK);
    assert_int_equal(narrate_sink_close(s, 0, msg, sizeof msg), NARRATE_OK);
    assert_content(path, OLD_CONTENT);
    assert_int_equal(hidden_files(), 0);

    int16_t x[10] = {0};
    assert_int_equal(narrate_sink_open_file(path, 0, &s, msg, sizeof msg), NARRATE_OK);
    assert_int_equal(narrate_sink_write(s, x, 10, 16000), NARRATE_OK);
    assert_int_equal(narrate_sink_write(s, x, 10, 22050), NARRATE_EFORMAT);
    assert_non_null(strstr(narrate_sink_errmsg(s), "sample rate"));
    assert_int_equal(narrate_sink_write(s, x, 10, 16000), NARRATE_EFORMAT); /* sticky */
    assert_int_equal(narrate_sink_close(s, 1, msg, sizeof msg), NARRATE_EWRITE);
    assert_non_null(strstr(msg, "sample rate"));
    assert_content(path, OLD_CONTENT);
    assert_int_equal(hidden_files(), 0);
}

/* An existing target keeps its permission bits. */
static void test_mode_kept(void **state)
{
    char path[300], msg[256];
    narrate_sink *s;
    struct stat st;
    (void)state;
    path_in_dir(path, sizeof path, "private.wav");
    write_file(path, OLD_CONTENT);
    assert_int_equal(chmod(path, 0600), 0);
    assert_int_equal(narrate_sink_open_file(path, 0, &s, msg, sizeof msg), NARRATE_OK);
    assert_int_equal(write_signal(s, 1000), NARRATE_OK);
    assert_int_equal(narrate_sink_close(s, 1, msg, sizeof msg), NARRATE_OK);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(decode(path).frames, 1000);
}

/* Nothing written: commit still leaves a valid file, of 10 ms of silence. */
static void test_empty(void **state)
{
    char path[300], msg[256];
    narrate_sink *s;
    (void)state;
    static const char *names[] = {"e.wav", "e.flac", "e.ogg", "e.opus", "e.mp3"};
    for (size_t i = 0; i < 5; i++) {
        path_in_dir(path, sizeof path, names[i]);
        assert_int_equal(narrate_sink_open_file(path, 0, &s, msg, sizeof msg), NARRATE_OK);
        if (narrate_sink_close(s, 1, msg, sizeof msg) != NARRATE_OK)
            fail_msg("%s: %s", names[i], msg);
        struct decoded d = decode(path);
        assert_in_range(d.frames, d.info.samplerate / 100 - 2, d.info.samplerate / 100 + 2);
        assert_true(d.rms < 1);
    }
    assert_int_equal(hidden_files(), 0);
}

/* In a child with RLIMIT_FSIZE small and SIGXFSZ ignored, writing a long file must
 * fail (in write or in close's check), never replace the target, never leave the
 * temporary file.  The child's exit code is the narrate_error it got. */
static void file_size_limit(const char *name)
{
    char path[300];
    path_in_dir(path, sizeof path, name);
    write_file(path, OLD_CONTENT);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        struct rlimit rl = {16 * 1024, 16 * 1024};
        char msg[256];
        narrate_sink *s;
        narrate_error err;
        signal(SIGXFSZ, SIG_IGN);
        setrlimit(RLIMIT_FSIZE, &rl);
        if (narrate_sink_open_file(path, 0, &s, msg, sizeof msg) != NARRATE_OK)
            _exit(100);
        err = write_signal(s, (size_t)RATE * 60);
        narrate_error cerr = narrate_sink_close(s, 1, msg, sizeof msg);
        _exit(err ? (int)err : (int)cerr);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    if (WEXITSTATUS(status) != NARRATE_EWRITE)
        fail_msg("%s: child ended with %d, EWRITE (%d) expected", name, WEXITSTATUS(status),
                 NARRATE_EWRITE);
    assert_content(path, OLD_CONTENT);
    assert_int_equal(hidden_files(), 0);
}

static void test_file_size_limit(void **state)
{
    (void)state;
    file_size_limit("big.wav");
    file_size_limit("big.flac");
    file_size_limit("big.ogg");
    file_size_limit("big.opus");
    file_size_limit("big.mp3");
}

/* Runs a child that writes n samples as `format` to "-" with stdout on fd. */
static int write_stdout_child(int fd, narrate_format format, size_t n)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        char msg[256];
        narrate_sink *s;
        dup2(fd, 1);
        if (narrate_sink_open_file("-", format, &s, msg, sizeof msg) != NARRATE_OK)
            _exit(100);
        narrate_error err = write_signal(s, n);
        narrate_error cerr = narrate_sink_close(s, 1, msg, sizeof msg);
        _exit(err ? (int)err : (int)cerr);
    }
    return pid;
}

static int wait_child(pid_t pid)
{
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    return WEXITSTATUS(status);
}

/* "-" onto a regular file: libsndfile keeps the header right. */
static void test_stdout_file(void **state)
{
    char path[300];
    (void)state;
    path_in_dir(path, sizeof path, "stdout.wav");
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(wait_child(write_stdout_child(fd, 0, 12345)), NARRATE_OK);
    close(fd);
    struct decoded d = decode(path);
    assert_int_equal(d.info.format & SF_FORMAT_TYPEMASK, SF_FORMAT_WAV);
    assert_int_equal(d.info.frames, 12345);
    assert_int_equal(d.frames, 12345);

    path_in_dir(path, sizeof path, "stdout.flac");
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_int_equal(wait_child(write_stdout_child(fd, NARRATE_FORMAT_FLAC, 5000)), NARRATE_OK);
    close(fd);
    assert_int_equal(decode(path).frames, 5000);
}

/* "-" onto a pipe: a streaming header, then exactly the samples. */
static void test_stdout_pipe(void **state)
{
    int p[2];
    unsigned char buf[65536];
    size_t total = 0;
    ssize_t n;
    (void)state;
    assert_int_equal(pipe(p), 0);
    pid_t pid = write_stdout_child(p[1], 0, 30000);
    close(p[1]);
    while ((n = read(p[0], buf + (total < 44 ? total : 44), total < 44 ? 44 - total
                                                                       : sizeof buf - 44)) > 0)
        total += (size_t)n;
    close(p[0]);
    assert_int_equal(wait_child(pid), NARRATE_OK);
    assert_int_equal(total, 44 + 2 * 30000);
    assert_memory_equal(buf, "RIFF\xff\xff\xff\xffWAVEfmt ", 16);
    assert_memory_equal(buf + 36, "data\xff\xff\xff\xff", 8);
    assert_int_equal(buf[24] | buf[25] << 8 | buf[26] << 16, RATE);
}

static void test_null_sink(void **state)
{
    narrate_sink *s;
    int16_t x[100] = {0};
    (void)state;
    assert_int_equal(sink_open_null(&s), NARRATE_OK);
    assert_int_equal(sink_null_rate(s), 0);
    assert_int_equal(narrate_sink_write(s, x, 100, RATE), NARRATE_OK);
    assert_int_equal(narrate_sink_write(s, x, 0, RATE), NARRATE_OK);
    assert_int_equal(narrate_sink_write(s, x, 50, RATE), NARRATE_OK);
    assert_int_equal(narrate_sink_write(s, x, 50, 8000), NARRATE_EFORMAT);
    assert_int_equal(sink_null_samples(s), 150);
    assert_int_equal(sink_null_rate(s), RATE);
    narrate_sink_cancel(s);
    assert_int_equal(narrate_sink_write(s, x, 50, RATE), NARRATE_ECANCELED);
    assert_string_equal(narrate_sink_errmsg(s), "canceled");
    assert_int_equal(narrate_sink_close(s, 1, NULL, 0), NARRATE_OK);
    assert_int_equal(narrate_sink_close(NULL, 1, NULL, 0), NARRATE_OK);
    narrate_sink_cancel(NULL);
    assert_string_equal(narrate_sink_errmsg(NULL), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_from_name),
        cmocka_unit_test(test_wav),
        cmocka_unit_test(test_flac),
        cmocka_unit_test(test_ogg),
        cmocka_unit_test(test_opus),
        cmocka_unit_test(test_mp3),
        cmocka_unit_test(test_format_override),
        cmocka_unit_test(test_unknown_extension),
        cmocka_unit_test(test_bad_folder),
        cmocka_unit_test(test_unwritable_folder),
        cmocka_unit_test(test_target_untouched),
        cmocka_unit_test(test_mode_kept),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_file_size_limit),
        cmocka_unit_test(test_stdout_file),
        cmocka_unit_test(test_stdout_pipe),
        cmocka_unit_test(test_null_sink),
    };
    return cmocka_run_group_tests(tests, setup_dir, teardown_dir);
}
