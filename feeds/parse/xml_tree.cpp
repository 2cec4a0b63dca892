#include "feeds/parse/xml_tree.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "feeds/text/ascii.hpp"
#include "feeds/text/html_text.hpp"
#include "feeds/url/url.hpp"

namespace feedsieve::parse_detail {
namespace {

// The attributes of an element that lookups read: its first 256. No real
// feed's element has more (a root declares a few dozen namespaces at most),
// and reading all of them at every lookup made 40,000 attributes on an
// entry cost seconds for each element below it.
constexpr std::size_t kAttributesRead = 256;

// The attributes of `element` that lookups read, in order: a range for a for loop.
class ReadAttributes {
 public:
  explicit ReadAttributes(pugi::xml_node element) : element_(element) {}
  struct Iterator {
    pugi::xml_attribute attribute;
    std::size_t index = 0;
    pugi::xml_attribute operator*() const { return attribute; }
    Iterator& operator++() {
      attribute = attribute.next_attribute();
      ++index;
      return *this;
    }
    bool operator!=(const Iterator&) const { return attribute && index < kAttributesRead; }
  };
  Iterator begin() const { return {element_.first_attribute(), 0}; }
  Iterator end() const { return {}; }

 private:
  pugi::xml_node element_;
};

std::string_view prefix_of(std::string_view qualified) {
  const std::size_t colon = qualified.find(':');
  return colon == std::string_view::npos ? std::string_view{} : qualified.substr(0, colon);
}

// The prefix an attribute declares a namespace for ("" for "xmlns"), or
// nullopt when it declares none ("xmlns:" alone declares nothing).
std::optional<std::string_view> declared_prefix(std::string_view attribute_name) {
  if (attribute_name == "xmlns") return std::string_view{};
  if (attribute_name.size() > 6 && attribute_name.starts_with("xmlns:")) return attribute_name.substr(6);
  return std::nullopt;
}

// True for the attribute that declares `prefix` ("xmlns" or "xmlns:prefix").
bool declares(std::string_view attribute_name, std::string_view prefix) {
  return declared_prefix(attribute_name) == prefix;
}

// A namespace URI without what publishers vary in it: the scheme (http or
// https) and one trailing '/' or '#'.
std::string_view namespace_core(std::string_view uri) {
  for (const std::string_view scheme : {"http://", "https://"}) {
    if (uri.size() > scheme.size() && ascii_iequals(uri.substr(0, scheme.size()), scheme)) {
      uri.remove_prefix(scheme.size());
      break;
    }
  }
  if (!uri.empty() && (uri.back() == '/' || uri.back() == '#')) uri.remove_suffix(1);
  return uri;
}

// Feeds use module prefixes they never declare; these are what they mean.
std::string_view conventional_namespace(std::string_view prefix) {
  static constexpr std::pair<std::string_view, std::string_view> kPrefixes[] = {
      {"dc", ns::dc},         {"dcterms", ns::dcterms}, {"content", ns::content}, {"media", ns::media},
      {"atom", ns::atom10},   {"itunes", ns::itunes},   {"rdf", ns::rdf},         {"xhtml", ns::xhtml},
  };
  for (const auto& [p, uri] : kPrefixes) {
    if (p == prefix) return uri;
  }
  return {};
}

// The URI bound to `prefix` in scope at `node` ("" = the default namespace).
// Walks up the ancestors: feeds are shallow, and this allocates nothing.
std::string_view resolve_prefix(pugi::xml_node node, std::string_view prefix) {
  if (prefix == "xml") return ns::xml;
  for (pugi::xml_node n = node; n; n = n.parent()) {
    if (n.type() != pugi::node_element) continue;
    for (const pugi::xml_attribute a : ReadAttributes(n)) {
      if (declares(a.name(), prefix)) return known_namespace(a.value());
    }
  }
  return prefix.empty() ? std::string_view{} : conventional_namespace(prefix);
}

// Prefix -> URI of every declaration in scope at `node`: the nearest
// element's, and on one element the first, as resolve_prefix finds them.
std::unordered_map<std::string_view, std::string_view> declarations_in_scope(pugi::xml_node node) {
  std::unordered_map<std::string_view, std::string_view> scope;
  for (pugi::xml_node n = node; n; n = n.parent()) {
    if (n.type() != pugi::node_element) continue;
    for (const pugi::xml_attribute a : ReadAttributes(n)) {
      const auto prefix = declared_prefix(a.name());
      if (prefix && !prefix->empty()) scope.emplace(*prefix, known_namespace(a.value()));
    }
  }
  return scope;
}

// The first attribute named (ns, local). Most elements have an attribute or
// two and most lookups find none, so a name is first tested by its end alone.
pugi::xml_attribute find_attribute(pugi::xml_node node, std::string_view ns, std::string_view local) {
  // The xml prefix is bound to its namespace, and no other prefix may be
  // (Namespaces in XML 1.0, 3): xml:base and xml:lang are found by name,
  // without walking the ancestors for what "p:base" might mean, at every
  // element of deeply nested content.
  if (ns == ns::xml) {
    for (const pugi::xml_attribute a : ReadAttributes(node)) {
      const std::string_view name = a.name();
      if (name.starts_with("xml:") && name.substr(4) == local) return a;
    }
    return {};
  }
  // Past a few prefixed candidates, each prefix is looked up in a map of the
  // declarations in scope, built once: resolving each by walking the
  // ancestors made 50,000 "pN:rel" attributes on one link cost 34 s.
  constexpr int kWalksBeforeMap = 8;
  int walks = 0;
  std::optional<std::unordered_map<std::string_view, std::string_view>> scope;
  // All of the element's own attributes: one lookup reads them once.
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    const std::string_view name = a.name();
    if (!name.ends_with(local) || local_name(name) != local) continue;
    const std::string_view prefix = prefix_of(name);
    // Unprefixed attributes are in no namespace, whatever the default namespace is.
    std::string_view uri;
    if (prefix.empty()) {
      uri = {};
    } else if (walks < kWalksBeforeMap) {
      ++walks;
      uri = resolve_prefix(node, prefix);
    } else {
      if (!scope) scope = declarations_in_scope(node);
      const auto found = scope->find(prefix);
      uri = found != scope->end() ? found->second : prefix == "xml" ? ns::xml : conventional_namespace(prefix);
    }
    if (uri == ns) return a;
  }
  return {};
}

// The namespaces in force as a walk below `root` goes: each element's
// declarations are taken on the way in and dropped on the way out, so a
// lookup costs the same however deep the element and however many
// declarations its ancestors carry (resolving each element's prefix by its
// ancestors took 48 s for 20,000 elements below 500 levels of 255 attributes).
class WalkNamespaces {
 public:
  explicit WalkNamespaces(pugi::xml_node root) : root_(root) {}

  void enter(pugi::xml_node element) {
    starts_.push_back(pushed_.size());
    for (const pugi::xml_attribute a : ReadAttributes(element)) {
      const auto prefix = declared_prefix(a.name());
      if (!prefix) continue;
      declared_[*prefix].push_back(known_namespace(a.value()));
      pushed_.push_back(*prefix);
    }
  }

  void leave() {
    for (std::size_t k = pushed_.size(); k > starts_.back(); --k) declared_[pushed_[k - 1]].pop_back();
    pushed_.resize(starts_.back());
    starts_.pop_back();
  }

  // The URI of `prefix` at the element entered last.
  std::string_view uri_of(std::string_view prefix) {
    if (prefix == "xml") return ns::xml;
    if (const auto d = declared_.find(prefix); d != declared_.end() && !d->second.empty()) return d->second.back();
    auto outside = outside_.find(prefix);
    if (outside == outside_.end()) outside = outside_.emplace(prefix, resolve_prefix(root_, prefix)).first;
    return outside->second;
  }

 private:
  pugi::xml_node root_;
  std::unordered_map<std::string_view, std::vector<std::string_view>> declared_;
  std::unordered_map<std::string_view, std::string_view> outside_;  // in force at the root, looked up once
  std::vector<std::string_view> pushed_;  // the prefixes declared by the open elements, in order
  std::vector<std::size_t> starts_;       // where each open element's declarations begin in pushed_
};

// An element's name as HTML markup: without its prefix when it is XHTML's.
std::string_view markup_name(pugi::xml_node element, WalkNamespaces& namespaces) {
  const std::string_view name = element.name();
  return namespaces.uri_of(prefix_of(name)) == ns::xhtml ? local_name(name) : name;
}

bool is_link_attribute(std::string_view name) { return name == "href" || name == "src"; }

// `base` is the base URI in force at the element, or "" when there is none.
void open_tag(std::string& out, pugi::xml_node element, std::string_view name, const std::string& base) {
  out += '<';
  out += name;
  for (const pugi::xml_attribute a : element.attributes()) {
    const std::string_view name = a.name();
    if (name == "xmlns" || name.starts_with("xmlns:") || name == "xml:base") continue;
    out += ' ';
    out += name;
    out += "=\"";
    if (!base.empty() && is_link_attribute(name)) {
      append_html_escaped(out, resolve_url(base, a.value()), true);
    } else {
      append_html_escaped(out, a.value(), true);
    }
    out += '"';
  }
  out += '>';
}

bool has_link_attribute(pugi::xml_node element) {
  for (const pugi::xml_attribute a : element.attributes()) {
    if (is_link_attribute(a.name())) return true;
  }
  return false;
}

// Calls visit(node, entering) for every node below `root` in document order,
// with an explicit walk over parent/sibling links instead of recursion.
template <typename Visit>
void walk(pugi::xml_node root, Visit visit) {
  pugi::xml_node node = root.first_child();
  while (node && node != root) {
    visit(node, true);
    if (node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node && node != root) {
      if (node.type() == pugi::node_element && !node.first_child()) {
        visit(node, false);
      }
      if (node.next_sibling()) {
        node = node.next_sibling();
        break;
      }
      node = node.parent();
      if (node && node != root) visit(node, false);
    }
  }
}

}  // namespace

// Feeds misspell the modules' URIs (http://www.itunes.com/DTDs/PodCast-1.0.dtd,
// Media RSS or content without the trailing slash, https), and every
// aggregator reads them as the modules' all the same.
std::string_view known_namespace(std::string_view declared) {
  static constexpr std::string_view kKnown[] = {ns::atom10, ns::atom03, ns::rdf,     ns::rss10,   ns::rss090, ns::dc,
                                                ns::dcterms, ns::content, ns::media, ns::xhtml, ns::itunes};
  for (const std::string_view uri : kKnown) {
    if (declared == uri) return uri;
  }
  const std::string_view core = namespace_core(declared);
  for (const std::string_view uri : kKnown) {
    if (ascii_iequals(core, namespace_core(uri))) return uri;
  }
  return declared;
}

std::string_view local_name(std::string_view qualified) {
  const std::size_t colon = qualified.find(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

std::string_view local_name(pugi::xml_node node) { return local_name(std::string_view(node.name())); }

std::string_view namespace_of(pugi::xml_node node) {
  return resolve_prefix(node, prefix_of(node.name()));
}

std::string_view ElementScopes::namespace_of(pugi::xml_node element, std::string_view qualified_name) {
  if (element.type() != pugi::node_element) return parse_detail::namespace_of(element);
  const std::string_view prefix = prefix_of(qualified_name);
  if (prefix == "xml") return ns::xml;
  // The element's own declarations come first, as in resolve_prefix.
  for (const pugi::xml_attribute a : ReadAttributes(element)) {
    if (declares(a.name(), prefix)) return known_namespace(a.value());
  }
  const pugi::xml_node parent = element.parent();
  if (parent.type() == pugi::node_element) {
    enter(parent);
    for (auto d = declarations_.rbegin(); d != declarations_.rend(); ++d) {
      if (d->first == prefix) return d->second;
    }
  }
  return prefix.empty() ? std::string_view{} : conventional_namespace(prefix);
}

void ElementScopes::enter(pugi::xml_node element) {
  if (!path_.empty() && path_.back().element == element) return;
  // The element and its ancestors up to the first one on the path, nearest first.
  chain_.clear();
  std::size_t kept = 0;  // levels of the path that stay: the ancestors already on it
  for (pugi::xml_node n = element; n.type() == pugi::node_element; n = n.parent()) {
    const auto on_path = std::find_if(path_.rbegin(), path_.rend(), [&](const Level& l) { return l.element == n; });
    if (on_path != path_.rend()) {
      kept = static_cast<std::size_t>(path_.rend() - on_path);
      break;
    }
    chain_.push_back(n);
  }
  if (kept < path_.size()) {
    declarations_.resize(path_[kept].first);
    path_.resize(kept);
  }
  for (auto it = chain_.rbegin(); it != chain_.rend(); ++it) push_level(*it);
}

void ElementScopes::push_level(pugi::xml_node element) {
  const std::size_t first = declarations_.size();
  path_.push_back({element, first, kUnknown, {}});
  for (const pugi::xml_attribute a : ReadAttributes(element)) {
    if (const auto prefix = declared_prefix(a.name())) declarations_.emplace_back(*prefix, known_namespace(a.value()));
  }
  std::reverse(declarations_.begin() + static_cast<std::ptrdiff_t>(first), declarations_.end());
}

const std::string& ElementScopes::base_of(pugi::xml_node element, std::string_view document_url) {
  if (element.type() != pugi::node_element) {
    unscoped_base_ = base_url(element, document_url);
    return unscoped_base_;
  }
  enter(element);
  std::size_t known = path_.size();  // the levels from here on have no base yet
  while (known > 0 && path_[known - 1].base_level == kUnknown) --known;
  if (known == 0) document_base_.assign(document_url);
  // Each level's base is its xml:base resolved against the one above, as in base_url.
  for (std::size_t i = known; i < path_.size(); ++i) {
    Level& level = path_[i];
    const std::size_t above = i == 0 ? kDocument : path_[i - 1].base_level;
    const std::string_view own = xml_base(level.element);
    if (own.empty()) {
      level.base_level = above;
      continue;
    }
    const std::string& inherited = above == kDocument ? document_base_ : path_[above].base;
    level.base = nested_base(inherited, own);
    level.base_level = i;
  }
  return base_at(path_.size() - 1);
}

const std::string& ElementScopes::base_at(std::size_t level) const {
  const std::size_t from = path_[level].base_level;
  return from == kDocument ? document_base_ : path_[from].base;
}

bool is_element(pugi::xml_node node, std::string_view ns, std::string_view local) {
  return node.type() == pugi::node_element && local_name(node) == local && namespace_of(node) == ns;
}

std::vector<pugi::xml_node> children(pugi::xml_node parent, std::string_view ns, std::string_view local) {
  std::vector<pugi::xml_node> out;
  for (const pugi::xml_node child : parent.children()) {
    if (is_element(child, ns, local)) out.push_back(child);
  }
  return out;
}

pugi::xml_node first_child(pugi::xml_node parent, std::string_view ns, std::string_view local) {
  for (const pugi::xml_node child : parent.children()) {
    if (is_element(child, ns, local)) return child;
  }
  return {};
}

std::string_view attribute(pugi::xml_node node, std::string_view ns, std::string_view local) {
  const pugi::xml_attribute a = find_attribute(node, ns, local);
  return a ? std::string_view(a.value()) : std::string_view{};
}

bool has_attribute(pugi::xml_node node, std::string_view ns, std::string_view local) {
  return static_cast<bool>(find_attribute(node, ns, local));
}

std::string_view xml_base(pugi::xml_node element) {
  const std::string_view base = attribute(element, ns::xml, "base");
  return base.size() > kLongestBase ? std::string_view{} : base;
}

std::string nested_base(const std::string& inherited, std::string_view own) {
  if (own.empty()) return inherited;
  std::string base = inherited.empty() ? std::string(own) : resolve_url(inherited, own);
  return base.size() > kLongestBase ? inherited : base;
}

std::string base_url(pugi::xml_node node, std::string_view document_url) {
  return base_below(node, {}, std::string(document_url));
}

std::string base_below(pugi::xml_node node, pugi::xml_node top, std::string outer) {
  std::vector<std::string_view> bases;
  for (pugi::xml_node n = node; n && n != top; n = n.parent()) {
    if (n.type() != pugi::node_element) continue;
    const std::string_view b = xml_base(n);
    if (!b.empty()) bases.push_back(b);
  }
  for (auto it = bases.rbegin(); it != bases.rend(); ++it) outer = nested_base(outer, *it);
  return outer;
}

std::optional<std::string_view> xml_lang(pugi::xml_node node) {
  for (pugi::xml_node n = node; n.type() == pugi::node_element; n = n.parent()) {
    if (const auto lang = own_xml_lang(n)) return lang;
  }
  return std::nullopt;
}

std::optional<std::string_view> own_xml_lang(pugi::xml_node element) {
  if (const pugi::xml_attribute lang = find_attribute(element, ns::xml, "lang")) return lang.value();
  return std::nullopt;
}

std::optional<std::string_view> sole_text(pugi::xml_node node) {
  const auto is_text = [](pugi::xml_node n) { return n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata; };
  if (is_text(node)) return node.value();
  const pugi::xml_node only = node.first_child();
  if (only && !only.next_sibling() && is_text(only)) return only.value();
  return std::nullopt;
}

bool is_blank(pugi::xml_node node) {
  // Past a few children an element is taken as filled: a field asked again
  // at each of 40,000 duplicates was read whole each time.
  constexpr std::size_t kChildrenRead = 64;
  std::size_t read = 0;
  for (const pugi::xml_node c : node.children()) {
    if (++read > kChildrenRead) return false;
    if (c.type() == pugi::node_element) return false;
    if (c.type() != pugi::node_pcdata && c.type() != pugi::node_cdata) continue;
    const std::string_view text = c.value();
    if (text.find_first_not_of(" \t\r\n") != std::string_view::npos) return false;
  }
  return true;
}

std::string text_content(pugi::xml_node node) {
  if (const auto sole = sole_text(node)) return std::string(*sole);
  std::string out;
  walk(node, [&](pugi::xml_node n, bool entering) {
    if (entering && (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata)) out += n.value();
  });
  return out;
}

std::string inner_markup(pugi::xml_node node, FieldText field_text, pugi::xml_node base_owner) {
  // The bases set inside the markup, and for each open element the one in
  // force there: kept as the walk goes, not found again for every link.
  std::vector<std::string> bases{base_owner && base_owner != node ? base_below(node, base_owner, {}) : std::string()};
  std::vector<std::size_t> in_force{0};
  WalkNamespaces namespaces(node);
  std::vector<std::string_view> names;  // of the open elements, as written
  std::string out;
  walk(node, [&](pugi::xml_node n, bool entering) {
    switch (n.type()) {
      case pugi::node_element:
        if (entering) {
          const std::string_view own = xml_base(n);
          if (!own.empty()) bases.push_back(nested_base(bases[in_force.back()], own));
          in_force.push_back(own.empty() ? in_force.back() : bases.size() - 1);
          namespaces.enter(n);
          names.push_back(markup_name(n, namespaces));
          open_tag(out, n, names.back(), has_link_attribute(n) ? bases[in_force.back()] : std::string());
          break;
        }
        if (in_force.back() == bases.size() - 1 && in_force[in_force.size() - 2] != in_force.back()) bases.pop_back();
        in_force.pop_back();
        namespaces.leave();
        if (!is_html_void_element(names.back())) {  // "</br>" would read as a second <br>
          out += "</";
          out += names.back();
          out += '>';
        }
        names.pop_back();
        break;
      case pugi::node_pcdata:
      case pugi::node_cdata:
        if (!entering) break;
        if (field_text == FieldText::html && n.parent() == node) {
          out += n.value();
        } else {
          append_html_escaped(out, n.value(), false);
        }
        break;
      default: break;
    }
  });
  return out;
}

std::size_t tree_depth(pugi::xml_node root) {
  // pugixml's own traversal, which keeps the depth itself: one call a node,
  // where walking the links from out here takes several calls into the library.
  struct Deepest : pugi::xml_tree_walker {
    std::size_t deepest = 0;
    bool for_each(pugi::xml_node& node) override {
      if (node.type() == pugi::node_element) deepest = std::max(deepest, static_cast<std::size_t>(depth()) + 1);
      return true;
    }
  } walker;
  root.traverse(walker);
  return walker.deepest;
}

}  // namespace feedsieve::parse_detail
