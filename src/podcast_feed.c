#include "podcast_feed.h"
#include "podcast_buf.h"

#include <time.h>

/* RFC 822 dates with English names whatever the locale. */
static void put_date(struct pbuf *b, int64_t when)
{
    static const char days[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char months[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    time_t t = (time_t)when;
    struct tm tm;
    gmtime_r(&t, &tm);
    pbuf_printf(b, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday], tm.tm_mday,
                months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static void element(struct pbuf *b, const char *indent, const char *name, const char *text)
{
    if (!text)
        return;
    pbuf_printf(b, "%s<%s>", indent, name);
    pbuf_xml(b, text);
    pbuf_printf(b, "</%s>\n", name);
}

/* <tag attr="base/file" type="..."/> */
static void link_element(struct pbuf *b, const char *tag, const char *attr, const char *base,
                         const char *file, const char *type)
{
    pbuf_printf(b, "      <%s %s=\"", tag, attr);
    pbuf_xml(b, base);
    pbuf_puts(b, "/");
    pbuf_xml(b, file);
    pbuf_printf(b, "\"%s%s%s/>\n", type ? " type=\"" : "", type ? type : "", type ? "\"" : "");
}

static void put_item(struct pbuf *b, const struct feed_channel *c, const struct feed_episode *e)
{
    pbuf_puts(b, "    <item>\n");
    element(b, "      ", "title", e->title);
    element(b, "      ", "description", e->description ? e->description : e->title);
    pbuf_puts(b, "      <guid isPermaLink=\"false\">");
    pbuf_xml(b, e->guid);
    pbuf_puts(b, "</guid>\n      <pubDate>");
    put_date(b, e->published);
    pbuf_puts(b, "</pubDate>\n      <enclosure url=\"");
    pbuf_xml(b, c->base_url);
    pbuf_puts(b, "/");
    pbuf_xml(b, e->file);
    pbuf_printf(b, "\" length=\"%llu\" type=\"audio/mpeg\"/>\n", (unsigned long long)e->bytes);
    pbuf_printf(b, "      <itunes:duration>%llu</itunes:duration>\n",
                (unsigned long long)e->seconds);
    if (c->image)
        link_element(b, "itunes:image", "href", c->base_url, c->image, NULL);
    if (e->transcript)
        link_element(b, "podcast:transcript", "url", c->base_url, e->transcript, "text/vtt");
    if (e->chapters)
        link_element(b, "podcast:chapters", "url", c->base_url, e->chapters,
                     "application/json+chapters");
    pbuf_puts(b, "    </item>\n");
}

char *feed_rss(const struct feed_channel *c, const struct feed_episode *episodes, size_t n)
{
    struct pbuf b = {0};
    pbuf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\""
                  " xmlns:podcast=\"https://podcastindex.org/namespace/1.0\">\n  <channel>\n");
    element(&b, "    ", "title", c->title);
    pbuf_puts(&b, "    <link>");
    pbuf_xml(&b, c->base_url);
    pbuf_puts(&b, "/</link>\n");
    element(&b, "    ", "description", c->description);
    element(&b, "    ", "language", c->language);
    element(&b, "    ", "itunes:author", c->author);
    pbuf_puts(&b, "    <itunes:category text=\"");
    pbuf_xml(&b, c->category);
    pbuf_puts(&b, "\"/>\n    <itunes:explicit>false</itunes:explicit>\n");
    if (c->image) {
        pbuf_puts(&b, "    <itunes:image href=\"");
        pbuf_xml(&b, c->base_url);
        pbuf_puts(&b, "/");
        pbuf_xml(&b, c->image);
        pbuf_puts(&b, "\"/>\n");
    }
    for (size_t i = 0; i < n; i++)
        put_item(&b, c, &episodes[i]);
    pbuf_puts(&b, "  </channel>\n</rss>\n");
    return pbuf_text(&b);
}
