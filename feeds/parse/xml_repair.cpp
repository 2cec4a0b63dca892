#include "feeds/parse/xml_repair.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

#include "feeds/encoding/c1_controls.hpp"
#include "feeds/encoding/surrogates.hpp"
#include "feeds/parse/xml_tree.hpp"
#include "feeds/text/ascii.hpp"
#include "feeds/text/byte_set.hpp"
#include "feeds/text/html_entities.hpp"
#include "feeds/text/html_text.hpp"

namespace feedsieve::parse_detail {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
}

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool is_xml_char(char32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
         (cp >= 0x10000 && cp <= 0x10FFFF);
}

// The decimal reference the rewrite writes for `cp`: what pugixml decodes alike.
// A reference to a C1 control means the windows-1252 character, as in HTML:
// "don&#146;t" is "don't" with a right single quote.
std::string decimal_reference(char32_t cp) {
  cp = windows_1252_meant(cp);
  return "&#" + std::to_string(is_xml_char(cp) ? static_cast<unsigned long>(cp) : 0xFFFDul) + ";";
}

// Constructs whose content is copied verbatim: (opening, closing).
constexpr std::pair<std::string_view, std::string_view> kVerbatim[] = {
    {"<![CDATA[", "]]>"}, {"<!--", "-->"}, {"<?", "?>"}};

// The numeric value of "#123" / "#x1F" (without '&' and ';'), if well-formed.
std::optional<char32_t> numeric_value(std::string_view ref) {
  if (ref.size() < 2 || ref.front() != '#') return std::nullopt;
  const bool hex = ref[1] == 'x' || ref[1] == 'X';
  const std::string_view digits = ref.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return std::nullopt;
  char32_t value = 0;
  for (const char c : digits) {
    int d = -1;
    if (c >= '0' && c <= '9') d = c - '0';
    if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
    if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
    if (d < 0) return std::nullopt;
    value = value * (hex ? 16 : 10) + static_cast<char32_t>(d);
  }
  return value;
}

bool is_predefined(std::string_view name) {
  return name == "lt" || name == "gt" || name == "amp" || name == "apos" || name == "quot";
}

struct Reference {
  std::string_view name;  // "#123", "#x1F", "eacute": between '&' and ';'
  std::size_t end;        // one past the ';'
};

// The reference at text[i] == '&'; nullopt for an '&' that starts none.
std::optional<Reference> lex_reference(std::string_view text, std::size_t i) {
  std::size_t j = i + 1;
  if (j < text.size() && text[j] == '#') ++j;
  while (j < text.size() && j - i <= 40 && is_name_char(text[j])) ++j;
  if (j >= text.size() || text[j] != ';' || j == i + 1) return std::nullopt;
  return Reference{text.substr(i + 1, j - i - 1), j + 1};
}

// What a reference that names no entity of the document becomes: XML's own
// stay, numeric and HTML named ones become decimal references; nullopt
// for a name nothing defines.
std::optional<std::string> known_reference(std::string_view name) {
  if (name.front() == '#') {
    const auto value = numeric_value(name);
    return value ? std::optional(decimal_reference(*value)) : std::nullopt;
  }
  if (is_predefined(name)) return "&" + std::string(name) + ";";
  const auto html = text_detail::html_entity(name);
  if (!html) return std::nullopt;
  std::string references;
  for (const char32_t cp : *html) references += decimal_reference(cp);
  return references;
}

// A declared entity's value as the text it expands to: its character and
// HTML references written as the rewrite writes them and any other '&'
// escaped, so that no expansion refers to another entity, which is what
// makes an expansion bomb.
std::string entity_text(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size();) {
    if (value[i] != '&') {
      out += value[i++];
      continue;
    }
    const std::optional<Reference> ref = lex_reference(value, i);
    const std::optional<std::string> text = ref ? known_reference(ref->name) : std::nullopt;
    out += text ? *text : "&amp;";
    i = text ? ref->end : i + 1;
  }
  return out;
}

using InternalEntities = std::map<std::string, std::string, std::less<>>;

// The length of a DOCTYPE starting at xml[0], quoted strings and the internal subset included.
std::size_t doctype_length(std::string_view xml) {
  char quote = 0;
  bool in_subset = false;
  for (std::size_t i = 9; i < xml.size(); ++i) {
    const char c = xml[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[') {
      in_subset = true;
    } else if (c == ']') {
      in_subset = false;
    } else if (c == '>' && !in_subset) {
      return i + 1;
    }
  }
  return xml.size();
}

// <!ENTITY name "value"> declarations whose value is text (no markup, no
// parameter entities), as entity_text writes it: so no expansion can nest,
// and no SYSTEM/PUBLIC entity is ever read.
InternalEntities internal_entities(std::string_view doctype) {
  InternalEntities out;
  std::size_t pos = 0;
  while ((pos = doctype.find("<!ENTITY", pos)) != std::string_view::npos) {
    pos += 8;
    std::size_t i = pos;
    while (i < doctype.size() && is_space(doctype[i])) ++i;
    const std::size_t name_start = i;
    while (i < doctype.size() && is_name_char(doctype[i])) ++i;
    const std::string_view name = doctype.substr(name_start, i - name_start);
    while (i < doctype.size() && is_space(doctype[i])) ++i;
    if (name.empty() || i >= doctype.size() || (doctype[i] != '"' && doctype[i] != '\'')) continue;
    const char quote = doctype[i];
    const std::size_t close = doctype.find(quote, i + 1);
    if (close == std::string_view::npos) break;
    const std::string_view value = doctype.substr(i + 1, close - i - 1);
    if (value.find_first_of("%<") == std::string_view::npos) out.emplace(name, entity_text(value));
    pos = close;
  }
  return out;
}

// Most documents need no rewrite at all: the rewriter writes nothing until the
// first reference or DOCTYPE that changes, and hands the input back as it is
// when none does, which spares the parser a copy of the whole document.
class EntityRewriter {
 public:
  EntityRewriter(std::string xml, std::size_t budget) : source_(std::move(xml)), in_(source_), budget_(budget) {}
  EntityRewriter(const EntityRewriter&) = delete;  // in_ views the rewriter's own source_
  EntityRewriter& operator=(const EntityRewriter&) = delete;

  // Scans for '&' and for the '!' or '?' after a '<' (markup declarations,
  // CDATA, comments, processing instructions): element tags, by far the most
  // common '<', are not even stopped at.
  EntityPass run() && {
    static constexpr ByteSet kStops("&!?");
    std::size_t resume = 0;  // where the last construct handled ended
    std::size_t i = 0;
    while ((i = kStops.find_in(in_, i)) < in_.size()) {
      if (in_[i] == '&') {
        i = resume = reference(i);
      } else if (i > resume && in_[i - 1] == '<') {
        i = resume = markup(i - 1);
      } else {
        ++i;
      }
    }
    if (!changed_) {
      result_.xml = std::move(source_);
    } else {
      out_.append(in_.substr(copied_));
      result_.xml = std::move(out_);
    }
    return std::move(result_);
  }

 private:
  // The input [from, to) becomes `text`: the output only starts to be
  // written when the two differ for the first time.
  void replace(std::size_t from, std::size_t to, std::string_view text) {
    if (text == in_.substr(from, to - from)) return;
    if (!changed_) out_.reserve(in_.size() + in_.size() / 8);
    changed_ = true;
    out_.append(in_.substr(copied_, from - copied_));
    out_.append(text);
    copied_ = to;
  }

  // Skips a verbatim construct or strips a DOCTYPE; returns where to go on.
  std::size_t markup(std::size_t i) {
    const std::string_view rest = in_.substr(i);
    for (const auto& [open, close] : kVerbatim) {
      if (!rest.starts_with(open)) continue;
      const std::size_t end = rest.find(close, open.size());
      return i + (end == std::string_view::npos ? rest.size() : end + close.size());
    }
    if (rest.starts_with("<!DOCTYPE")) {
      const std::size_t length = doctype_length(rest);
      entities_ = internal_entities(rest.substr(0, length));
      replace(i, i + length, {});
      return i + length;
    }
    return i + 1;
  }

  std::size_t reference(std::size_t i) {
    const std::optional<Reference> ref = lex_reference(in_, i);
    if (!ref) return bare_ampersand(i);
    const std::string_view name = ref->name;
    if (name.front() == '#') return numeric_reference(i, *ref);
    // XML's own stay as they are: most of a feed's references are the &lt;
    // and &amp; of escaped HTML, and nothing needs to be built for them.
    if (is_predefined(name)) return ref->end;
    if (const auto it = entities_.find(name); it != entities_.end()) {
      expand(i, ref->end, it->second, name);
      return ref->end;
    }
    const std::optional<std::string> text = known_reference(name);
    if (!text) return bare_ampersand(i);  // unknown: keep it as the literal text it is
    replace(i, ref->end, *text);
    return ref->end;
  }

  // UTF-16 written as two references (&#55357;&#56832;, from a producer
  // that escapes code units) is the one character the two encode together.
  std::size_t numeric_reference(std::size_t i, const Reference& ref) {
    const std::optional<char32_t> value = numeric_value(ref.name);
    if (!value) return bare_ampersand(i);
    if (is_high_surrogate(*value) && ref.end < in_.size() && in_[ref.end] == '&') {
      const std::optional<Reference> next = lex_reference(in_, ref.end);
      const std::optional<char32_t> low = next ? numeric_value(next->name) : std::nullopt;
      if (low && is_low_surrogate(*low)) {
        replace(i, next->end, decimal_reference(surrogate_pair_value(*value, *low)));
        return next->end;
      }
    }
    if (!is_xml_char(windows_1252_meant(*value))) result_.replaced_references = true;
    replace(i, ref.end, decimal_reference(*value));
    return ref.end;
  }

  std::size_t bare_ampersand(std::size_t i) {
    replace(i, i + 1, "&amp;");
    return i + 1;
  }

  void expand(std::size_t from, std::size_t to, std::string_view value, std::string_view name) {
    if (value.size() > budget_) {
      result_.dropped_entities = true;
      replace(from, to, "&amp;" + std::string(name) + ";");
      return;
    }
    budget_ -= value.size();
    replace(from, to, value);
  }

  std::string source_;
  std::string_view in_;  // source_
  std::size_t budget_;
  InternalEntities entities_;
  std::string out_;         // the rewritten document up to copied_, once something changed
  std::size_t copied_ = 0;  // input before this offset is in out_
  bool changed_ = false;
  EntityPass result_;
};

struct Tag {
  std::size_t end = 0;  // one past '>'
  std::string_view name;
  bool closing = false;
  bool self_closing = false;
  bool slash_in_value = false;  // the '/' of "/>" ends an unquoted value and is a character of it
};

// Lexes the tag at xml[i] == '<'; nullopt when it is no tag (a stray '<').
std::optional<Tag> lex_tag(std::string_view xml, std::size_t i) {
  Tag tag;
  std::size_t j = i + 1;
  if (j < xml.size() && xml[j] == '/') {
    tag.closing = true;
    ++j;
  }
  if (j >= xml.size() || !is_name_start(xml[j])) return std::nullopt;
  const std::size_t name_start = j;
  while (j < xml.size() && is_name_char(xml[j])) ++j;
  tag.name = xml.substr(name_start, j - name_start);
  char quote = 0;
  // A quote opens a value only right after its '=': one inside an unquoted
  // value (href=https://a/"x) is a character of it, not the start of a value
  // that would run on to the next quote in the document.
  bool value_next = false;
  // Inside an unquoted value, a '/' before '>' is the value's, as HTML reads
  // it (href=https://a/b/); the tag is still taken as closed, since an
  // element written so is most often an empty one (a link, an enclosure).
  bool unquoted = false;
  for (; j < xml.size(); ++j) {
    const char c = xml[j];
    if (quote != 0) {
      if (c == quote) quote = 0;
      continue;
    }
    if ((c == '"' || c == '\'') && value_next) {
      quote = c;
    } else if (c == '<') {
      return std::nullopt;  // never closed before the next markup
    } else if (c == '>') {
      tag.self_closing = xml[j - 1] == '/';
      tag.slash_in_value = tag.self_closing && unquoted;
      tag.end = j + 1;
      return tag;
    }
    // A quote in one more likely closes a value whose opening quote is missing (href=x"/>).
    const bool quote_char = c == '"' || c == '\'';
    unquoted = !is_space(c) && !quote_char && (unquoted || (value_next && c != '='));
    value_next = c == '=' || (value_next && is_space(c));
  }
  return std::nullopt;
}

// Appends the attributes of a start tag (the text after its name, up to
// its '>' or "/>") as well-formed XML. HTML pasted into feeds unescaped
// writes what XML refuses (class=MsoNormal, allowfullscreen,
// href="x"target="_blank"), and the parse stopped there, losing every item
// after it: unquoted values are quoted, a bare name gets an empty value,
// a space parts attributes, and a byte that starts none is dropped.
void append_attributes(std::string& out, std::string_view text) {
  std::size_t i = 0;
  const auto skip_spaces = [&] {
    while (i < text.size() && is_space(text[i])) ++i;
  };
  while (i < text.size()) {
    if (!is_name_start(text[i])) {
      ++i;
      continue;
    }
    const std::size_t name_start = i;
    while (i < text.size() && is_name_char(text[i])) ++i;
    out += ' ';
    out.append(text.substr(name_start, i - name_start));
    out += "=\"";
    skip_spaces();
    if (i < text.size() && text[i] == '=') {
      ++i;
      skip_spaces();
      const char quote = i < text.size() && (text[i] == '"' || text[i] == '\'') ? text[i] : 0;
      if (quote != 0) ++i;
      for (; i < text.size(); ++i) {
        const char c = text[i];
        if (quote != 0 ? c == quote : is_space(c) || c == '>') break;
        if (c == '"') out += "&quot;";
        else if (c == '<') out += "&lt;";
        else out += c;
      }
      if (quote != 0 && i < text.size()) ++i;
    }
    out += '"';
  }
}

// What a feed element can hold, for telling which end tag a broken feed left
// out: the next start tag shows it, since each kind of element holds only
// certain others. An item or entry opens only in a channel or feed; an item's
// field never holds another field; a person holds a name, email and uri; a
// value holds text alone. Raw HTML in a field (description, content) is the
// field's, so what closes a field is only a tag no HTML has.
enum class Role : std::uint8_t {
  other,
  item_parent,  // channel, feed, rss, RDF, an <items> wrapper
  item,         // item, entry
  container,    // what holds fields besides an item: source, image, textInput
  field,        // title, description, content...: may hold markup
  person,       // author, contributor
  value,        // link, guid, pubDate...: never an element
};
constexpr std::size_t kRoles = static_cast<std::size_t>(Role::value) + 1;  // value is the last role

Role role_of(std::string_view name) {
  struct Named {
    std::string_view name;
    Role role;
  };
  static constexpr Named kNamed[] = {
      {"channel", Role::item_parent}, {"feed", Role::item_parent}, {"rss", Role::item_parent},
      {"RDF", Role::item_parent},     {"items", Role::item_parent}, {"item", Role::item},
      {"entry", Role::item},          {"source", Role::container},  {"image", Role::container},
      {"textInput", Role::container}, {"title", Role::field},       {"description", Role::field},
      {"summary", Role::field},       {"subtitle", Role::field},    {"tagline", Role::field},
      {"rights", Role::field},        {"content", Role::field},     {"encoded", Role::field},
      {"author", Role::person},       {"contributor", Role::person}, {"link", Role::value},
      {"guid", Role::value},          {"pubDate", Role::value},     {"lastBuildDate", Role::value},
      {"comments", Role::value},      {"category", Role::value},    {"creator", Role::value},
      {"date", Role::value},          {"id", Role::value},          {"updated", Role::value},
      {"published", Role::value},     {"issued", Role::value},      {"modified", Role::value},
      {"created", Role::value},       {"name", Role::value},        {"email", Role::value},
      {"uri", Role::value},           {"language", Role::value},    {"ttl", Role::value},
      {"enclosure", Role::value},     {"subject", Role::value},
  };
  // Names are matched without their namespaces, which the repair does not
  // resolve: a prefix other than the conventional ones of the feed formats
  // and their common modules (gd:image, itunes:image) is some other element.
  const std::string_view local = local_name(name);
  if (local.size() != name.size()) {
    const std::string_view prefix = name.substr(0, name.size() - local.size() - 1);
    static constexpr std::string_view kFeedPrefixes[] = {"rdf", "dc", "dcterms", "content", "atom", "rss"};
    if (std::none_of(std::begin(kFeedPrefixes), std::end(kFeedPrefixes),
                     [&](std::string_view p) { return ascii_iequals(prefix, p); })) {
      return Role::other;
    }
  }
  for (const Named& n : kNamed) {
    if (ascii_iequals(local, n.name)) return n.role;
  }
  return Role::other;
}

// What a person holds: Atom 1.0's uri, 0.3's url.
bool of_a_person(std::string_view local) {
  return ascii_iequals(local, "name") || ascii_iequals(local, "email") || ascii_iequals(local, "uri") ||
         ascii_iequals(local, "url");
}

// Whether a start tag shows that an open field lost its end tag: a field or
// value that no HTML has and no person holds. <title> and <summary> are
// HTML's too, and so is a <link> with attributes (RSS's has none).
bool ends_a_field(std::string_view local, Role role, bool has_attributes) {
  if (role != Role::field && role != Role::value) return false;
  if (ascii_iequals(local, "title") || ascii_iequals(local, "summary") || of_a_person(local)) return false;
  return !ascii_iequals(local, "link") || !has_attributes;
}

class MarkupRepairer {
 public:
  MarkupRepairer(std::string_view xml, std::size_t max_depth) : in_(xml), max_depth_(max_depth) {
    out_.reserve(xml.size() + 64);
  }

  std::string run() && {
    std::size_t i = std::min(in_.find('<'), in_.size());  // junk before the first markup
    while (i < in_.size()) {
      if (in_[i] != '<') {
        const std::size_t next = std::min(in_.find('<', i), in_.size());
        out_.append(in_.substr(i, next - i));
        i = next;
        continue;
      }
      i = markup(i);
    }
    while (!open_.empty()) close_top();
    return std::move(out_);
  }

 private:
  std::size_t markup(std::size_t i) {
    const std::string_view rest = in_.substr(i);
    for (const auto& [open, close] : kVerbatim) {
      if (!rest.starts_with(open)) continue;
      const std::size_t end = rest.find(close, open.size());
      if (end == std::string_view::npos) {  // truncated: keep the content, close it
        out_.append(rest);
        out_.append(close);
        return in_.size();
      }
      out_.append(rest.substr(0, end + close.size()));
      return i + end + close.size();
    }
    if (rest.starts_with("<!")) {  // a declaration: skip it
      const std::size_t end = rest.find('>');
      return end == std::string_view::npos ? in_.size() : i + end + 1;
    }
    const std::optional<Tag> tag = lex_tag(in_, i);
    if (!tag) {
      out_ += "&lt;";
      return i + 1;
    }
    if (tag->closing) {
      close(tag->name);
      return tag->end;
    }
    const std::size_t attributes = i + 1 + tag->name.size();
    const std::size_t close = tag->end - (tag->self_closing && !tag->slash_in_value ? 2 : 1);
    const std::string_view attribute_text = in_.substr(attributes, close - attributes);
    const Role role = role_of(tag->name);
    close_left_open(*tag, role, attribute_text.find('=') != std::string_view::npos);
    const bool self_closing = tag->self_closing && !(tag->slash_in_value && opens_in_field_markup(tag->name, role));
    if (open_.size() < max_depth_ || self_closing) {
      out_ += '<';
      out_.append(tag->name);
      append_attributes(out_, attribute_text);
      out_.append(self_closing ? "/>" : ">");
      if (!self_closing) push(tag->name, role);
    }
    return tag->end;
  }

  // Whether HTML's reading of "<a href=https://a/p/>" (a start tag, its
  // slash the value's) is taken: for an element of the raw HTML in a field
  // that may hold content, so that a link keeps its text. Elsewhere an
  // element written so is most often an empty one (a link, an enclosure, an
  // extension's thumbnail) that would swallow what follows it.
  bool opens_in_field_markup(std::string_view name, Role role) const {
    return role == Role::other && inside_scope(innermost(Role::field)) && !is_html_void_element(name);
  }

  // Closes what the start tag `tag` shows was left open (see Role).
  void close_left_open(const Tag& tag, Role role, bool has_attributes) {
    if (role == Role::item) {
      // Nesting the rest of the feed inside an item that lost its end tag
      // would lose every item after it.
      if (const std::size_t parent = innermost(Role::item_parent); parent != kNone) {
        close_to(parent + 1);
      } else {
        close(tag.name);  // no channel or feed open: an item of its kind
      }
      return;
    }
    const std::string_view local = local_name(tag.name);
    // Only a feed element closes a person: an extension's own (gd:image) may sit inside one.
    const std::size_t person = innermost(Role::person);
    if (inside_scope(person) && role != Role::other && !of_a_person(local)) close_to(person);
    const std::size_t field = innermost(Role::field);
    if (inside_scope(field) && ends_a_field(local, role, has_attributes)) close_to(field);
    if (!open_.empty() && roles_.back() == Role::value) close_top();
  }

  void push(std::string_view name, Role role) {
    scopes_[static_cast<std::size_t>(role)].push_back(open_.size());
    open_.push_back(name);
    roles_.push_back(role);
    ++open_count_[name];
  }

  // The index in open_ of the innermost open element of `role`, or kNone.
  std::size_t innermost(Role role) const {
    const auto& scope = scopes_[static_cast<std::size_t>(role)];
    return scope.empty() ? kNone : scope.back();
  }

  // Whether the open element at `at` (kNone: none) is inside the innermost
  // element that holds fields, so that it belongs to what that one holds.
  bool inside_scope(std::size_t at) const {
    const std::size_t scope = innermost_scope();
    return at != kNone && (scope == kNone || at > scope);
  }

  // The innermost open element that holds fields: an item, a container or an item's parent.
  std::size_t innermost_scope() const {
    std::size_t scope = kNone;
    for (const Role role : {Role::item_parent, Role::item, Role::container}) {
      const std::size_t at = innermost(role);
      if (at != kNone && (scope == kNone || at > scope)) scope = at;
    }
    return scope;
  }

  // Closes open elements until `size` are left.
  void close_to(std::size_t size) {
    while (open_.size() > size) close_top();
  }

  // Closes everything up to the matching open element; an end tag matching
  // nothing open is dropped, without a search of the open elements (millions
  // of stray end tags under 500 open elements took 20 s).
  void close(std::string_view name) {
    if (const auto open = open_count_.find(name); open == open_count_.end() || open->second == 0) return;
    const auto match = std::find(open_.rbegin(), open_.rend(), name);
    if (match == open_.rend()) return;
    close_to(static_cast<std::size_t>(std::distance(match, open_.rend()) - 1));
  }

  void close_top() {
    out_ += "</";
    out_ += open_.back();
    out_ += '>';
    --open_count_[open_.back()];
    scopes_[static_cast<std::size_t>(roles_.back())].pop_back();
    roles_.pop_back();
    open_.pop_back();
  }

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  std::string_view in_;
  std::size_t max_depth_;
  std::vector<std::string_view> open_;
  std::vector<Role> roles_;  // of each of open_
  std::array<std::vector<std::size_t>, kRoles> scopes_;  // for each role, the indices in open_ of its elements
  std::unordered_map<std::string_view, std::size_t> open_count_;  // how many of open_ have each name
  std::string out_;
};

}  // namespace

EntityPass normalize_entities(std::string xml, std::size_t expansion_budget) {
  return EntityRewriter(std::move(xml), expansion_budget).run();
}

std::string repair_markup(std::string_view xml, std::size_t max_depth) {
  return MarkupRepairer(xml, max_depth).run();
}

}  // namespace feedsieve::parse_detail
