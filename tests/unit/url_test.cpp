// feeds/url: RFC 3986 reference resolution and the canonical link form that
// exact dedup hashes.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "feeds/url/base_url.hpp"
#include "feeds/url/url.hpp"

namespace {

using feedsieve::BaseUrl;
using feedsieve::canonical_url;
using feedsieve::CanonicalOptions;
using feedsieve::resolve_url;

struct Case {
  const char* base;
  const char* reference;
  const char* expected;
};

struct Canon {
  const char* input;
  const char* expected;  // "" for nullopt
};

std::string canon(const char* input, const CanonicalOptions& options = {}) {
  return canonical_url(input, options).value_or("");
}

}  // namespace

TEST_CASE("resolve_url follows the RFC 3986 section 5.4 examples", "[url]") {
  constexpr const char* base = "http://a/b/c/d;p?q";
  const Case c = GENERATE(values<Case>({
      {base, "g:h", "g:h"},
      {base, "g", "http://a/b/c/g"},
      {base, "./g", "http://a/b/c/g"},
      {base, "g/", "http://a/b/c/g/"},
      {base, "/g", "http://a/g"},
      {base, "//g", "http://g"},
      {base, "?y", "http://a/b/c/d;p?y"},
      {base, "g?y", "http://a/b/c/g?y"},
      {base, "#s", "http://a/b/c/d;p?q#s"},
      {base, "g#s", "http://a/b/c/g#s"},
      {base, "g?y#s", "http://a/b/c/g?y#s"},
      {base, ";x", "http://a/b/c/;x"},
      {base, "g;x", "http://a/b/c/g;x"},
      {base, ".", "http://a/b/c/"},
      {base, "./", "http://a/b/c/"},
      {base, "..", "http://a/b/"},
      {base, "../", "http://a/b/"},
      {base, "../g", "http://a/b/g"},
      {base, "../..", "http://a/"},
      {base, "../../g", "http://a/g"},
      {base, "../../../g", "http://a/g"},
      {base, "../../../../g", "http://a/g"},
      {base, "/./g", "http://a/g"},
      {base, "/../g", "http://a/g"},
      {base, "g.", "http://a/b/c/g."},
      {base, ".g", "http://a/b/c/.g"},
      {base, "g..", "http://a/b/c/g.."},
      {base, "..g", "http://a/b/c/..g"},
      {base, "./../g", "http://a/b/g"},
      {base, "./g/.", "http://a/b/c/g/"},
      {base, "g/./h", "http://a/b/c/g/h"},
      {base, "g/../h", "http://a/b/c/h"},
      {base, "g;x=1/./y", "http://a/b/c/g;x=1/y"},
      {base, "g;x=1/../y", "http://a/b/c/y"},
  }));
  CAPTURE(c.reference);
  CHECK(resolve_url(c.base, c.reference) == c.expected);
}

TEST_CASE("resolve_url handles what feeds actually contain", "[url]") {
  const Case c = GENERATE(values<Case>({
      // Protocol-relative links take the base's scheme
      {"https://example.com/feed.xml", "//cdn.example.net/img.png", "https://cdn.example.net/img.png"},
      {"http://example.com/feed.xml", "//cdn.example.net/img.png", "http://cdn.example.net/img.png"},
      // Empty reference: the base itself
      {"https://example.com/blog/feed", "", "https://example.com/blog/feed"},
      {"https://example.com/blog/feed", "   ", "https://example.com/blog/feed"},
      // Whitespace around either side is trimmed; tabs and newlines inside are dropped
      {"  https://example.com/blog/  ", "  post-1.html\n", "https://example.com/blog/post-1.html"},
      {"https://example.com/", "/a\n/b\t/c", "https://example.com/a/b/c"},
      // Absolute references come back as given
      {"https://example.com/", "https://other.org/x/../y", "https://other.org/x/../y"},
      {"https://example.com/", "HTTP://Other.ORG/", "HTTP://Other.ORG/"},
      {"https://example.com/", "mailto:someone@example.com", "mailto:someone@example.com"},
      // Bytes that are never valid in a URI are escaped so the link still resolves
      {"https://example.com/blog/", "my post.html", "https://example.com/blog/my%20post.html"},
      {"https://example.com/", "/caf\xC3\xA9", "https://example.com/caf%C3%A9"},
      {"https://example.com/", "/100%", "https://example.com/100%25"},
      {"https://example.com/", "/a|b", "https://example.com/a%7Cb"},
      // Brackets are only valid in an IPv6 host: elsewhere they are escaped, in the reference or the base
      {"https://example.com/dir/page", "/news/story?ids[]=5", "https://example.com/news/story?ids%5B%5D=5"},
      {"https://example.com/news?filter[category]=ai", "/feed.xml", "https://example.com/feed.xml"},
      {"https://example.com/news?filter[category]=ai", "?page[number]=2", "https://example.com/news?page%5Bnumber%5D=2"},
      {"http://[::1]:8080/a[1]/", "b", "http://[::1]:8080/a%5B1%5D/b"},
      // Query and fragment only
      {"https://example.com/a/b?x=1", "?y=2", "https://example.com/a/b?y=2"},
      {"https://example.com/a/b?x=1", "#top", "https://example.com/a/b?x=1#top"},
      // A base's fragment is never carried over: the reference's, or none
      {"https://example.com/a/b#frag", "?y=2", "https://example.com/a/b?y=2"},
      {"https://example.com/a/b?x=1#frag", "c", "https://example.com/a/c"},
      {"https://example.com/a/b#frag", "#top", "https://example.com/a/b#top"},
      {"https://example.com/a/b#frag", "../c?q", "https://example.com/c?q"},
      // Bases with ports, userinfo, IPv6
      {"http://example.com:8080/a/", "b", "http://example.com:8080/a/b"},
      {"http://[::1]:8080/a/", "../b", "http://[::1]:8080/b"},
      // Unusable base or reference: the reference, unchanged
      {"", "post.html", "post.html"},
      {"not a base", "post.html", "post.html"},
      {"https://example.com/", "http://[bad", "http://[bad"},
  }));
  CAPTURE(c.base, c.reference);
  CHECK(resolve_url(c.base, c.reference) == c.expected);
}

TEST_CASE("a base that is a relative reference gives relative results, as urljoin does", "[url]") {
  // An xml:base of "/podcast/" in a document whose own URL is not known.
  const Case c = GENERATE(values<Case>({
      {"/relative/base", "post.html", "/relative/post.html"},
      {"/podcast/", "ep1", "/podcast/ep1"},
      {"/podcast/", "../x", "/x"},
      {"/podcast/", "/abs", "/abs"},
      {"/podcast/", "//cdn.example/x", "//cdn.example/x"},
      {"/podcast/", "?q=1", "/podcast/?q=1"},
      {"/podcast/", "#f", "/podcast/#f"},
      {"/podcast/", "https://a.example/x", "https://a.example/x"},
      {"/podcast/", "", "/podcast/"},
      {"podcast/", "ep1", "podcast/ep1"},
      {"podcast/", "/abs", "/abs"},
      {"podcast/", "../x", "x"},
      {"//host.example/p/", "x", "//host.example/p/x"},
      {"//host.example/p/", "/y", "//host.example/y"},
      // A host that only starts like the stand-in root is no part of it
      {"/podcast/", "//relative.invalid.example.com/z", "//relative.invalid.example.com/z"},
      {"/podcast/", "//relative.invalid:8080/p", "//relative.invalid:8080/p"},
      {"not a base", "post.html", "post.html"},
  }));
  CAPTURE(c.base, c.reference);
  CHECK(resolve_url(c.base, c.reference) == c.expected);
  CHECK(BaseUrl(c.base).resolve(c.reference) == c.expected);
}

TEST_CASE("BaseUrl resolves exactly as resolve_url, parsing the base once", "[url]") {
  const Case c = GENERATE(values<Case>({
      // Anything that starts with a scheme comes back as given, parsed or not
      {"https://example.com/a/", "  https://other.org/./x/../y  ", "https://other.org/./x/../y"},
      {"https://example.com/a/", "HTTPS://X/./y", "HTTPS://X/./y"},
      {"https://example.com/a/", "http://x/a b", "http://x/a b"},
      {"https://example.com/", "https://b\xC3\xBC" "cher.de/", "https://b\xC3\xBC" "cher.de/"},
      {"https://example.com/", "http:", "http:"},
      {"https://example.com/", "http:relative", "http:relative"},
      {"https://example.com/", "http://[bad", "http://[bad"},
      {"https://example.com/", "svn+ssh://host/repo", "svn+ssh://host/repo"},
      {"https://example.com/", "tag:example.com,2024:post-1", "tag:example.com,2024:post-1"},
      {"not a base", "https://ok.org/", "https://ok.org/"},
      // A tab inside the scheme is dropped only to judge it: the link is kept as written
      {"https://example.com/", "ht\ttp://x.org/", "ht\ttp://x.org/"},
      // Not a scheme: a digit first, or a ':' after a '/'
      {"https://example.com/a/", "1http://x", "1http://x"},
      {"https://example.com/a/", "./a:b", "https://example.com/a/a:b"},
      // Relative and protocol-relative against IDN and percent-encoded hosts
      {"http://b\xC3\xBC" "cher.de/p/", "q", "http://b%C3%BCcher.de/p/q"},
      {"http://xn--bcher-kva.de/p/", "../q", "http://xn--bcher-kva.de/q"},
      {"https://%E4%B8%AD.cn/a/", "b", "https://%E4%B8%AD.cn/a/b"},
      {"https://example.com/", "//b\xC3\xBC" "cher.de/x", "https://b%C3%BCcher.de/x"},
      {"https://example.com/", "//%E4%B8%AD.cn/x", "https://%E4%B8%AD.cn/x"},
      // Whitespace around the link, empty references
      {"https://example.com/a/b/", "\n ../c \t", "https://example.com/a/c"},
      {"  https://example.com/  ", "", "https://example.com/"},
      {"", "", ""},
  }));
  CAPTURE(c.base, c.reference);
  CHECK(BaseUrl(c.base).resolve(c.reference) == c.expected);
  CHECK(resolve_url(c.base, c.reference) == c.expected);
}

TEST_CASE("One BaseUrl serves many links, and copies outlive the text they came from", "[url]") {
  std::string text = "  http://example.com/blog/2024/post.html ";
  const BaseUrl original(text);
  text.assign(text.size(), 'x');  // the parsed base must not point into the caller's text
  const BaseUrl base = original;
  CHECK(base.resolve("img/a.png") == "http://example.com/blog/2024/img/a.png");
  CHECK(base.resolve("/b.png") == "http://example.com/b.png");
  CHECK(base.resolve("//cdn.example.net/c.png") == "http://cdn.example.net/c.png");
  CHECK(base.resolve("https://other.org/d.png") == "https://other.org/d.png");
  CHECK(base.resolve("../../e?x=1#f") == "http://example.com/e?x=1#f");
  CHECK(base.resolve("") == "http://example.com/blog/2024/post.html");
  CHECK(original.resolve("img/a.png") == "http://example.com/blog/2024/img/a.png");
}

TEST_CASE("BaseUrl's shortcut for plain paths gives what the full resolution gives", "[url]") {
  // resolve_url takes the full RFC 3986 path for every reference.
  const std::string base = GENERATE(as<std::string>{}, "https://example.com/a/b.html", "https://example.com",
                                    "https://example.com/", "http://h/a/b/../c", "http://h/a/./b/",
                                    "http://h/x?q=1#f", "http://user@h:8080/%7Efoo/bar", "HTTP://H.COM/A/b",
                                    "file:///x/y", "urn:a:b", "mailto:x@y.org", "http://[::1]/v6/",
                                    "http://b\xC3\xBC" "cher.de/p q/", "http://h/a/..", "http://h/..", "not a base", "");
  const std::string reference = GENERATE(as<std::string>{}, "a", "a/b", "/a", "/", "a.html", "a..b", ".a", "a/",
                                         "-_~.", "x//y", "/x//y", "//h/x", "a/./b", "a/../b", ".", "..", "./",
                                         "/..", " a/b ", "a?q", "a#f", "a%20b", "a b", "\xC3\xA9", "a:b", "../a",
                                         "../../a/b", "./a", "./../a", "../../../../../x", "..//x", "../", "../.",
                                         ".././a", "../a/../b", "../a?q", "../a#f", "./a:b", "../a b", "...a", "../.a");
  CAPTURE(base, reference);
  CHECK(BaseUrl(base).resolve(reference) == resolve_url(base, reference));
}

TEST_CASE("BaseUrl's shortcuts agree with the full resolution on generated bases and references", "[url]") {
  // Bases and references drawn from pieces of the shapes feeds use, dot
  // segments and odd characters included; resolve_url takes the full path.
  std::mt19937 rng(20240501);
  const auto pick = [&](const std::vector<std::string>& pieces) {
    return pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(rng)];
  };
  const std::vector<std::string> roots = {"https://example.com", "http://h:8080", "HTTP://User@H.org", "file://", "urn:x",
                                          "https://b\xC3\xBC" "cher.de", "http://[::1]", "mailto:a@b"};
  const std::vector<std::string> segments = {"a", "b.html", "..", ".", "", "%7E", "x y", "c", "d-e_f~g"};
  const std::vector<std::string> tails = {"", "?q=1", "#f", "?a#b", "/"};
  const std::vector<std::string> steps = {"", "./", "../", "../../", "./../", "../../../../../../"};
  const std::vector<std::string> paths = {"a", "a/b", "x.png", "a/", "-_~.", "a/./b", "a/../b", "", "/a", "a?q",
                                          "a#f", "a b", "\xC3\xA9", ".a", "..", "."};
  for (int i = 0; i < 3000; ++i) {
    std::string base = pick(roots);
    for (int n = std::uniform_int_distribution<int>(0, 4)(rng); n > 0; --n) base += "/" + pick(segments);
    base += pick(tails);
    std::string reference = pick(steps) + pick(paths);
    if (i % 3 == 0) reference = pick(steps) + reference;
    CAPTURE(base, reference);
    CHECK(BaseUrl(base).resolve(reference) == resolve_url(base, reference));
  }
}

TEST_CASE("canonical_url normalises links to one identity form", "[url]") {
  const Canon c = GENERATE(values<Canon>({
      // Case of scheme and host; path case is significant
      {"HTTP://Example.COM/Path", "http://example.com/Path"},
      {"HtTpS://WWW.Example.com/A/B", "https://example.com/A/B"},
      // AMP and mobile variants
      {"https://m.example.com/a", "https://example.com/a"},
      {"https://amp.example.co.uk/a", "https://example.co.uk/a"},
      {"https://amp.dev/a", "https://amp.dev/a"},
      {"https://example.com/amp/2024/a", "https://example.com/2024/a"},
      {"https://example.com/2024/a/amp", "https://example.com/2024/a"},
      {"https://example.com/2024/a.amp.html", "https://example.com/2024/a.html"},
      {"https://example.com/a?amp=1&id=3", "https://example.com/a?id=3"},
      {"https://example.com/a?outputType=amp", "https://example.com/a"},
      {"https://example.com/ampere/a?amp=2", "https://example.com/ampere/a?amp=2"},
      // Default ports
      {"http://example.com:80/a", "http://example.com/a"},
      {"https://example.com:443/a", "https://example.com/a"},
      {"http://example.com:443/a", "http://example.com:443/a"},
      {"https://example.com:8443/a", "https://example.com:8443/a"},
      {"http://example.com:/a", "http://example.com/a"},
      // Fragments
      {"https://example.com/a#comments", "https://example.com/a"},
      {"https://example.com/a?x=1#", "https://example.com/a?x=1"},
      // Empty path
      {"https://example.com", "https://example.com/"},
      {"https://example.com?b=2", "https://example.com/?b=2"},
      // Dot segments
      {"https://example.com/a/./b/../c", "https://example.com/a/c"},
      {"https://example.com/../a", "https://example.com/a"},
      // Percent-encoding: upper-case hex, unreserved decoded, reserved kept
      {"https://example.com/%7euser/%e2%82%ac", "https://example.com/~user/%E2%82%AC"},
      {"https://example.com/a%2Fb", "https://example.com/a%2Fb"},
      {"https://example.com/%41%42c", "https://example.com/ABc"},
      {"https://example.com/?q=%7e%2d", "https://example.com/?q=~-"},
      {"https://CAF%c3%a9.Example/", "https://caf%C3%A9.example/"},
      {"https://User:Pa%7eSS@Example.com/", "https://User:Pa~SS@example.com/"},
      {"http://[2001:DB8::1]:80/", "http://[2001:db8::1]/"},
      {"https://example.com/tags?t[]=ai&t[]=ml#x[1]", "https://example.com/tags?t%5B%5D=ai&t%5B%5D=ml"},
      // Invalid bytes repaired as browsers do
      {"https://example.com/my post", "https://example.com/my%20post"},
      {"  https://example.com/a  ", "https://example.com/a"},
      // Tracking parameters
      {"https://example.com/a?utm_source=rss&utm_medium=feed&utm_campaign=x", "https://example.com/a"},
      {"https://example.com/a?id=7&utm_source=rss", "https://example.com/a?id=7"},
      {"https://example.com/a?UTM_Source=rss&id=7", "https://example.com/a?id=7"},
      {"https://example.com/a?utm_whatever_new=1", "https://example.com/a"},
      {"https://example.com/a?fbclid=abc&gclid=def&dclid=1&msclkid=2", "https://example.com/a"},
      {"https://example.com/a?mc_cid=1&mc_eid=2&_ga=3&yclid=4&igshid=5", "https://example.com/a"},
      {"https://example.com/a?ref=rss&ref_src=twsrc&cmpid=x&ocid=y&smid=z", "https://example.com/a"},
      {"https://example.com/a?soc_src=a&CMP=b&spm=c&rss=1&ns_source=d&ns_mchannel=e", "https://example.com/a"},
      {"https://example.com/a?%75tm_source=rss&p=1", "https://example.com/a?p=1"},  // encoded key
      {"https://example.com/a?reference=1&refs=2", "https://example.com/a?reference=1&refs=2"},
      // Remaining parameters sorted by key, stable for repeated keys
      {"https://example.com/a?b=2&a=1&c=3", "https://example.com/a?a=1&b=2&c=3"},
      {"https://example.com/a?t=2&t=1&a=0", "https://example.com/a?a=0&t=2&t=1"},
      {"https://example.com/a?flag&a=1", "https://example.com/a?a=1&flag"},
      {"https://example.com/a?a=&b", "https://example.com/a?a=&b"},
      {"https://example.com/a?", "https://example.com/a"},
      {"https://example.com/a?&&a=1&&", "https://example.com/a?a=1"},
      // Deliberately left alone: the trailing slash
      {"https://www.example.com/a/", "https://example.com/a/"},
      // Not absolute http(s)
      {"ftp://example.com/a", ""},
      {"mailto:a@example.com", ""},
      {"javascript:alert(1)", ""},
      {"/relative/path", ""},
      {"//example.com/a", ""},
      {"", ""},
      {"http://", ""},
      {"https:///path-only", ""},
      {"http://[bad", ""},
  }));
  CAPTURE(c.input);
  CHECK(canon(c.input) == c.expected);
}

TEST_CASE("canonical_url is idempotent", "[url]") {
  const char* input = GENERATE("HTTP://Example.COM:80/a/./b/../c?z=1&utm_source=x&a=%7e#f",
                               "https://example.com", "https://example.com/a b/%e2%82%ac?q=1&q=0");
  const auto once = canonical_url(input);
  REQUIRE(once.has_value());
  CHECK(canonical_url(*once) == once);
}

TEST_CASE("canonical_url takes its tracking list from the options", "[url]") {
  CanonicalOptions options;
  options.tracking_parameters = {"session*", "Src"};
  CHECK(canon("https://example.com/a?sessionid=1&src=2&utm_source=3", options) ==
        "https://example.com/a?utm_source=3");

  options.tracking_parameters.clear();
  CHECK(canon("https://example.com/a?utm_source=3", options) == "https://example.com/a?utm_source=3");

  const auto defaults = CanonicalOptions::default_tracking_parameters();
  for (const char* expected : {"utm_*", "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "yclid",
                               "igshid", "ref", "ref_src", "cmpid", "ocid", "smid", "soc_src", "cmp", "spm", "rss",
                               "ns_source", "ns_mchannel"}) {
    CAPTURE(expected);
    CHECK(std::find(defaults.begin(), defaults.end(), std::string(expected)) != defaults.end());
  }
}
