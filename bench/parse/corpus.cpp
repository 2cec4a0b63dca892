// The benchmark corpus: feeds shaped like the real web's (HTML in CDATA and
// escaped, entities, categories, enclosures, several date styles), in the
// encodings real servers send. Text is written in UTF-8 and converted with
// iconv, so the parser's charset chain is part of what is measured.
#include "bench/parse/corpus.hpp"

#include <iconv.h>

#include <array>
#include <memory>
#include <random>
#include <stdexcept>
#include <string_view>

namespace bench {
namespace {

struct Encoding {
  const char* name;    // as declared in the document
  const char* script;  // which words fit it: "latin", "cyrillic", "japanese", "chinese", "any"
};

constexpr std::array kEncodings = {
    Encoding{"UTF-8", "any"},          Encoding{"UTF-8", "any"},         Encoding{"UTF-8", "any"},
    Encoding{"ISO-8859-1", "latin"},   Encoding{"windows-1252", "latin"}, Encoding{"UTF-16LE", "any"},
    Encoding{"Shift_JIS", "japanese"}, Encoding{"GB18030", "chinese"},   Encoding{"KOI8-R", "cyrillic"},
};

constexpr std::array<std::string_view, 12> kLatin = {
    "model", "weights", "open", "release", "benchmark", "café", "naïve", "Zürich",
    "señor", "déjà", "vu", "licence"};
constexpr std::array<std::string_view, 8> kAscii = {"model", "weights", "open", "release",
                                                   "benchmark", "vu", "licence", "GPU"};
constexpr std::array<std::string_view, 6> kCyrillic = {"модель", "открытый", "релиз", "веса", "тест", "новости"};
constexpr std::array<std::string_view, 6> kJapanese = {"モデル", "公開", "重み", "評価", "日本語", "ニュース"};
constexpr std::array<std::string_view, 6> kChinese = {"模型", "开源", "权重", "发布", "中文", "新闻"};

struct IconvHandle {
  iconv_t cd;
  explicit IconvHandle(const char* to) : cd(iconv_open(to, "UTF-8")) {
    if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error(std::string("iconv_open ") + to);
  }
  ~IconvHandle() { iconv_close(cd); }
  IconvHandle(const IconvHandle&) = delete;
  IconvHandle& operator=(const IconvHandle&) = delete;
};

std::string convert(const std::string& utf8, const char* to) {
  if (std::string_view(to) == "UTF-8") return utf8;
  const IconvHandle handle(to);
  std::string out(utf8.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* dst = out.data();
  std::size_t out_left = out.size();
  if (iconv(handle.cd, &in, &in_left, &dst, &out_left) == static_cast<std::size_t>(-1)) {
    throw std::runtime_error(std::string("cannot convert the corpus to ") + to);
  }
  out.resize(out.size() - out_left);
  out.shrink_to_fit();  // the room for the worst case would otherwise stay with the corpus, four times its size
  return out;
}

class Writer {
 public:
  Writer(std::mt19937& rng, std::string_view script) : rng_(rng), script_(script) {}

  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

  std::string words(int n) {
    std::string out;
    for (int i = 0; i < n; ++i) {
      if (i) out += ' ';
      out += word();
    }
    return out;
  }

  // A paragraph or three of HTML, the way CMSs write descriptions.
  std::string html(int paragraphs) {
    std::string out;
    for (int p = 0; p < paragraphs; ++p) {
      out += "<p>" + words(12 + pick(20)) + " <a href=\"/post/" + std::to_string(pick(100000)) + "\">" +
             words(2) + "</a> &amp; <b>" + words(3) + "</b>&nbsp;&mdash; " + words(8 + pick(10)) + "</p>";
      if (pick(4) == 0) out += "<img src=\"/img/" + std::to_string(pick(1000)) + ".jpg\" alt=\"x\">";
    }
    return out;
  }

  std::string rfc822_date() {
    static constexpr std::array kDays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr std::array kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static constexpr std::array kZones = {"GMT", "+0000", "-0700", "EST", "+0200"};
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s, %02d %s %d %02d:%02d:%02d %s", kDays[pick(7)], 1 + pick(28),
                  kMonths[pick(12)], 2015 + pick(10), pick(24), pick(60), pick(60), kZones[pick(5)]);
    return buffer;
  }

  std::string iso_date() {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%d-%02d-%02dT%02d:%02d:%02d%s", 2015 + pick(10), 1 + pick(12),
                  1 + pick(28), pick(24), pick(60), pick(60), pick(2) ? "Z" : "+02:00");
    return buffer;
  }

 private:
  std::string_view word() {
    const int choice = pick(10);
    if (script_ == "latin" || (choice < 6 && script_ == "any")) return kLatin[pick(kLatin.size())];
    if (choice < 6) return kAscii[pick(kAscii.size())];  // Latin words that every charset has
    if (script_ == "cyrillic") return kCyrillic[pick(kCyrillic.size())];
    if (script_ == "japanese") return kJapanese[pick(kJapanese.size())];
    if (script_ == "chinese") return kChinese[pick(kChinese.size())];
    switch (choice) {  // "any": a UTF-8 or UTF-16 feed mixes scripts
      case 6: return kCyrillic[pick(kCyrillic.size())];
      case 7: return kJapanese[pick(kJapanese.size())];
      default: return kChinese[pick(kChinese.size())];
    }
  }

  std::mt19937& rng_;
  std::string_view script_;
};

// `text`, also kept in `into`: the recording stays inside the expression that
// writes the document, so the random draws keep their order.
std::string kept(std::string text, std::vector<std::string>& into) {
  into.push_back(text);
  return text;
}

std::string escape_json(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string rss2(Writer& w, const char* encoding, int items, Document& d) {
  std::string doc = std::string("<?xml version=\"1.0\" encoding=\"") + encoding +
                    "\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
                    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n"
                    "<channel><title>" + w.words(4) + "</title><link>https://news.example.com/</link>"
                    "<description>" + w.words(10) + "</description>"
                    "<atom:link rel=\"self\" href=\"https://news.example.com/feed\"/>\n";
  for (int i = 0; i < items; ++i) {
    const std::string id = std::to_string(w.pick(1'000'000));
    doc += "<item><title>" + w.words(6 + w.pick(6)) + " &amp; more</title><link>https://news.example.com/" + id +
           "</link><guid isPermaLink=\"false\">tag:news.example.com," + id + "</guid><pubDate>" + w.rfc822_date() +
           "</pubDate><dc:creator>" + w.words(2) + "</dc:creator><category>" + w.words(1) +
           "</category><category>" + w.words(1) + "</category><description><![CDATA[" + kept(w.html(1), d.descriptions) +
           "]]></description><content:encoded><![CDATA[" + kept(w.html(2 + w.pick(4)), d.contents) +
           "]]></content:encoded>";
    if (w.pick(5) == 0) doc += "<enclosure url=\"https://cdn.example.com/" + id + ".mp3\" length=\"12345\" type=\"audio/mpeg\"/>";
    doc += "</item>\n";
  }
  return doc + "</channel></rss>\n";
}

std::string atom(Writer& w, const char* encoding, int items, Document& d) {
  std::string doc = std::string("<?xml version=\"1.0\" encoding=\"") + encoding +
                    "\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://blog.example.org/\">"
                    "<title type=\"text\">" + w.words(4) + "</title><id>tag:blog.example.org,2024:feed</id>"
                    "<updated>" + w.iso_date() + "</updated><link rel=\"alternate\" href=\"/\"/>\n";
  for (int i = 0; i < items; ++i) {
    const std::string id = std::to_string(w.pick(1'000'000));
    doc += "<entry><title type=\"html\">" + w.words(7) + " &lt;em&gt;" + w.words(1) + "&lt;/em&gt;</title>"
           "<id>tag:blog.example.org,2024:" + id + "</id><link rel=\"alternate\" href=\"posts/" + id +
           ".html\"/><published>" + w.iso_date() + "</published><updated>" + w.iso_date() +
           "</updated><author><name>" + w.words(2) + "</name><email>a@example.org</email></author>"
           "<category term=\"" + w.words(1) + "\"/><summary>" + w.words(20) + "</summary>"
           "<content type=\"html\">" ;
    // Escaped HTML, as most Atom feeds carry it.
    for (const char c : kept(w.html(2 + w.pick(4)), d.contents)) {
      if (c == '<') doc += "&lt;"; else if (c == '&') doc += "&amp;"; else doc += c;
    }
    doc += "</content></entry>\n";
  }
  return doc + "</feed>\n";
}

std::string rdf(Writer& w, const char* encoding, int items, Document& d) {
  std::string doc = std::string("<?xml version=\"1.0\" encoding=\"") + encoding +
                    "\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                    "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                    "<channel rdf:about=\"https://rdf.example.net/\"><title>" + w.words(3) +
                    "</title><link>https://rdf.example.net/</link><description>" + w.words(8) +
                    "</description></channel>\n";
  for (int i = 0; i < items; ++i) {
    const std::string id = std::to_string(w.pick(1'000'000));
    doc += "<item rdf:about=\"https://rdf.example.net/" + id + "\"><title>" + w.words(6) +
           "</title><link>https://rdf.example.net/" + id + "</link><dc:date>" + w.iso_date() +
           "</dc:date><dc:subject>" + w.words(1) + "</dc:subject><description>" + kept(w.words(30), d.descriptions) +
           "</description></item>\n";
  }
  return doc + "</rdf:RDF>\n";
}

std::string json_feed(Writer& w, int items, Document& d) {
  std::string doc = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"" + w.words(3) +
                    "\",\"home_page_url\":\"https://json.example.com/\",\"items\":[";
  for (int i = 0; i < items; ++i) {
    const std::string id = std::to_string(w.pick(1'000'000));
    if (i) doc += ',';
    doc += "{\"id\":\"" + id + "\",\"url\":\"https://json.example.com/" + id + "\",\"title\":\"" + w.words(6) +
           "\",\"date_published\":\"" + w.iso_date() + "\",\"tags\":[\"" + w.words(1) + "\"],\"content_html\":\"" +
           escape_json(kept(w.html(2 + w.pick(3)), d.contents)) + "\",\"authors\":[{\"name\":\"" + w.words(2) + "\"}]}";
  }
  return doc + "]}\n";
}

Document make(std::mt19937& rng, int index, int items) {
  const Encoding& enc = kEncodings[std::uniform_int_distribution<std::size_t>(0, kEncodings.size() - 1)(rng)];
  Writer w(rng, enc.script);
  const int kind = w.pick(10);
  Document d;
  std::string utf8;
  std::string format;
  if (kind == 9) {
    format = "json";
    utf8 = json_feed(w, items, d);
    d.json = true;
  } else if (kind >= 6) {
    format = "atom";
    utf8 = atom(w, enc.name, items, d);
    d.base = "https://blog.example.org/";  // its xml:base
  } else if (kind == 5) {
    format = "rdf";
    utf8 = rdf(w, enc.name, items, d);
  } else {
    format = "rss2";
    utf8 = rss2(w, enc.name, items, d);
  }
  const char* encoding = d.json ? "UTF-8" : enc.name;
  char prefix[16];
  std::snprintf(prefix, sizeof prefix, "%05d", index);
  d.name = std::string(prefix) + "-" + format + "-" + encoding + (d.json ? ".json" : ".xml");
  d.bytes = convert(utf8, encoding);
  d.encoding = encoding;
  if (std::string_view(encoding) == "UTF-16LE") d.bytes.insert(0, "\xFF\xFE");  // with its BOM, as servers send it
  return d;
}

}  // namespace

std::vector<Document> generate_corpus(std::uint32_t seed, int count, int huge) {
  std::mt19937 rng(seed);
  std::vector<Document> corpus;
  corpus.reserve(static_cast<std::size_t>(count + huge));
  for (int i = 0; i < count; ++i) corpus.push_back(make(rng, i, 10 + static_cast<int>(rng() % 51)));
  for (int i = 0; i < huge; ++i) corpus.push_back(make(rng, count + i, 20'000));
  return corpus;
}

}  // namespace bench
