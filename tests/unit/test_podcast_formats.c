/* The podcast writers' bytes: ID3v2.4 frames (text, COMM, APIC, CHAP, CTOC)
 * against the id3v2.4.0-structure and id3v2-chapters-1.0 layouts, and the
 * WebVTT, SubRip, marks and chapters texts. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "podcast_feed.h"
#include "podcast_id3.h"
#include "podcast_id3_read.h"
#include "podcast_transcript.h"

static uint32_t syncsafe(const unsigned char *p)
{
    return ((uint32_t)p[0] << 21) | ((uint32_t)p[1] << 14) | ((uint32_t)p[2] << 7) | p[3];
}

static uint32_t be32(const unsigned char *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

/* The frame with this ID at the top level of the tag, or NULL. */
static const unsigned char *find_frame(const unsigned char *tag, size_t len, const char *id)
{
    size_t at = 10;
    while (at + 10 <= len && tag[at]) {
        if (memcmp(tag + at, id, 4) == 0)
            return tag + at;
        at += 10 + syncsafe(tag + at + 4);
    }
    return NULL;
}

static void test_id3_header_and_text(void **state)
{
    (void)state;
    struct id3_info info = {.title = "T\xc3\xa9", .artist = "A", .date = "2025-03-15",
                            .length_ms = 1500};
    unsigned char *tag;
    size_t len;
    assert_int_equal(id3_build(&info, &tag, &len), 0);
    assert_memory_equal(tag, "ID3\x04\x00\x00", 6);
    assert_int_equal(syncsafe(tag + 6), len - 10);
    const unsigned char *f = find_frame(tag, len, "TIT2");
    assert_non_null(f);
    assert_int_equal(syncsafe(f + 4), 4);          /* encoding byte + 3 bytes of UTF-8 */
    assert_memory_equal(f + 8, "\x00\x00\x03T\xc3\xa9", 6);
    f = find_frame(tag, len, "TLEN");
    assert_non_null(f);
    assert_memory_equal(f + 10, "\x03" "1500", 5);
    assert_null(find_frame(tag, len, "TALB"));     /* NULL fields are left out */
    assert_null(find_frame(tag, len, "CTOC"));
    free(tag);
}

static void test_id3_comment_and_cover(void **state)
{
    (void)state;
    unsigned char cover[300];
    memset(cover, 0xAB, sizeof cover);
    cover[0] = 0xFF, cover[1] = 0xD8, cover[2] = 0xFF;
    assert_string_equal(id3_image_mime(cover, sizeof cover), "image/jpeg");
    assert_null(id3_image_mime((const unsigned char *)"GIF89a", 6));
    struct id3_info info = {.description = "About", .cover = cover, .cover_len = sizeof cover,
                            .cover_mime = "image/jpeg"};
    unsigned char *tag;
    size_t len;
    assert_int_equal(id3_build(&info, &tag, &len), 0);
    const unsigned char *f = find_frame(tag, len, "COMM");
    assert_non_null(f);
    assert_int_equal(syncsafe(f + 4), 1 + 3 + 1 + 5);
    assert_memory_equal(f + 10, "\x03" "eng\x00" "About", 10);
    f = find_frame(tag, len, "APIC");
    assert_non_null(f);
    /* 300 + 14 bytes: the size needs two syncsafe bytes (0x02 0x3A). */
    assert_int_equal(syncsafe(f + 4), 1 + 11 + 1 + 1 + 300);
    assert_memory_equal(f + 4, "\x00\x00\x02\x3a", 4);
    assert_memory_equal(f + 10, "\x03image/jpeg\x00\x03\x00\xff\xd8\xff", 17);
    free(tag);
}

static void test_id3_chapters(void **state)
{
    (void)state;
    struct id3_chapter ch[2] = {{0, 1234, "Intro"}, {1234, 70000, "Second"}};
    struct id3_info info = {.chapters = ch, .nchapters = 2};
    unsigned char *tag;
    size_t len;
    assert_int_equal(id3_build(&info, &tag, &len), 0);
    const unsigned char *toc = find_frame(tag, len, "CTOC");
    assert_non_null(toc);
    /* element ID, flags (top-level | ordered), entry count, child IDs */
    static const unsigned char toc_body[] = "toc\0\x03\x02" "chp0\0chp1";
    assert_int_equal(syncsafe(toc + 4), sizeof toc_body);
    assert_memory_equal(toc + 10, toc_body, sizeof toc_body);
    const unsigned char *chap = find_frame(tag, len, "CHAP");
    assert_non_null(chap);
    assert_memory_equal(chap + 10, "chp0", 5);
    assert_int_equal(be32(chap + 15), 0);
    assert_int_equal(be32(chap + 19), 1234);
    assert_int_equal(be32(chap + 23), 0xFFFFFFFFu);
    assert_int_equal(be32(chap + 27), 0xFFFFFFFFu);
    assert_memory_equal(chap + 31, "TIT2\x00\x00\x00\x06\x00\x00\x03Intro", 16);
    assert_int_equal(syncsafe(chap + 4), 5 + 16 + 16);
    const unsigned char *second = chap + 10 + syncsafe(chap + 4);
    assert_memory_equal(second, "CHAP", 4);
    assert_memory_equal(second + 10, "chp1", 5);
    assert_int_equal(be32(second + 15), 1234);
    assert_int_equal(be32(second + 19), 70000);
    free(tag);

    struct id3_chapter many[ID3_MAX_CHAPTERS + 1];
    memset(many, 0, sizeof many);
    info.chapters = many;
    info.nchapters = ID3_MAX_CHAPTERS + 1;
    assert_int_not_equal(id3_build(&info, &tag, &len), 0);
}

static const struct transcript_span cues[] = {
    {0, 1500, 0, 9, "Hello <b> & \"you\""},
    {1500, 3723456, 10, 4, "Line\nbreak"},
};

static void test_vtt(void **state)
{
    (void)state;
    char *vtt = transcript_vtt(cues, 2, 1000);
    assert_string_equal(vtt, "WEBVTT\n"
                             "\n00:00:00.000 --> 00:00:01.500\nHello &lt;b&gt; &amp; \"you\"\n"
                             "\n00:00:01.500 --> 01:02:03.456\nLine break\n");
    free(vtt);
}

static void test_srt(void **state)
{
    (void)state;
    char *srt = transcript_srt(cues, 2, 1000);
    assert_string_equal(srt, "1\n00:00:00,000 --> 00:00:01,500\nHello <b> & \"you\"\n"
                             "\n2\n00:00:01,500 --> 01:02:03,456\nLine break\n");
    free(srt);
}

static void test_marks_and_chapters(void **state)
{
    (void)state;
    /* 22050 Hz: 11025 samples is 0.5 s; 33 samples rounds to 0.001 s. */
    const struct transcript_span words[] = {{33, 11025, 7, 3, "a\"b\\"}};
    char *marks = transcript_marks(words, 1, 22050);
    assert_string_equal(marks, "{\"words\":[\n{\"text\":\"a\\\"b\\\\\",\"start\":0.001,"
                               "\"end\":0.500,\"offset\":7,\"length\":3}\n]}\n");
    free(marks);
    char *chapters = transcript_chapters(cues, 1, 1000);
    assert_string_equal(chapters, "{\"version\":\"1.2.0\",\"chapters\":[\n{\"startTime\":0.000,"
                                  "\"endTime\":1.500,\"title\":\"Hello <b> & \\\"you\\\"\"}\n]}\n");
    free(chapters);
    char *empty = transcript_marks(NULL, 0, 22050);
    assert_string_equal(empty, "{\"words\":[\n]}\n");
    free(empty);
}

/* What id3_build writes, id3_read_file reads back. */
static void test_id3_round_trip(void **state)
{
    (void)state;
    struct id3_chapter ch[1] = {{0, 10, "C"}};
    struct id3_info info = {"Title", "Artist", "Album", "2025-03-15", "Desc", 61000, NULL, 0,
                            NULL, ch, 1};
    unsigned char *tag;
    size_t len;
    char path[] = "/tmp/narrate-id3-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(id3_build(&info, &tag, &len), 0);
    assert_int_equal(write(fd, tag, len), (ssize_t)len);
    close(fd);
    free(tag);
    struct id3_summary s;
    assert_int_equal(id3_read_file(path, &s), 0);
    unlink(path);
    assert_string_equal(s.title, "Title");
    assert_string_equal(s.artist, "Artist");
    assert_string_equal(s.album, "Album");
    assert_string_equal(s.date, "2025-03-15");
    assert_string_equal(s.description, "Desc");
    assert_int_equal(s.length_ms, 61000);
    id3_summary_free(&s);
}

static void test_feed(void **state)
{
    (void)state;
    struct feed_channel c = {"Show & Tell", "About <it>", NULL, "https://x.org/p", "cover.jpg",
                             "en", "News"};
    struct feed_episode e = {"a.mp3", "narrate:a", "A \"quoted\" title", NULL,
                             1742040000, 12345, 61, "a.vtt", NULL};
    char *xml = feed_rss(&c, &e, 1);
    assert_non_null(strstr(xml, "<title>Show &amp; Tell</title>"));
    assert_non_null(strstr(xml, "<description>About &lt;it&gt;</description>"));
    assert_non_null(strstr(xml, "<title>A &quot;quoted&quot; title</title>"));
    assert_non_null(strstr(xml, "<enclosure url=\"https://x.org/p/a.mp3\" length=\"12345\" "
                                "type=\"audio/mpeg\"/>"));
    assert_non_null(strstr(xml, "<pubDate>Sat, 15 Mar 2025 12:00:00 +0000</pubDate>"));
    assert_non_null(strstr(xml, "<itunes:duration>61</itunes:duration>"));
    assert_non_null(strstr(xml, "<podcast:transcript url=\"https://x.org/p/a.vtt\" type=\"text/vtt\"/>"));
    assert_null(strstr(xml, "podcast:chapters"));
    assert_null(strstr(xml, "itunes:author"));
    free(xml);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_id3_header_and_text),
        cmocka_unit_test(test_id3_comment_and_cover),
        cmocka_unit_test(test_id3_chapters),
        cmocka_unit_test(test_vtt),
        cmocka_unit_test(test_srt),
        cmocka_unit_test(test_marks_and_chapters),
        cmocka_unit_test(test_id3_round_trip),
        cmocka_unit_test(test_feed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
