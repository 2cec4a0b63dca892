#pragma once
// Reading a pugixml tree the way feeds need it: names by namespace URI (pugixml
// itself does no namespace processing), xml:base, text and inner markup.
#include <pugixml.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace feedsieve::parse_detail {

namespace ns {
inline constexpr std::string_view atom10 = "http://www.w3.org/2005/Atom";
inline constexpr std::string_view atom03 = "http://purl.org/atom/ns#";
inline constexpr std::string_view rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view rss10 = "http://purl.org/rss/1.0/";
inline constexpr std::string_view rss090 = "http://my.netscape.com/rdf/simple/0.9/";
inline constexpr std::string_view dc = "http://purl.org/dc/elements/1.1/";
inline constexpr std::string_view dcterms = "http://purl.org/dc/terms/";
inline constexpr std::string_view content = "http://purl.org/rss/1.0/modules/content/";
inline constexpr std::string_view media = "http://search.yahoo.com/mrss/";
inline constexpr std::string_view xhtml = "http://www.w3.org/1999/xhtml";
inline constexpr std::string_view xml = "http://www.w3.org/XML/1998/namespace";
inline constexpr std::string_view itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
}  // namespace ns

// A declared namespace URI as the readers compare it: a known module's URI
// in the spellings feeds use for it (case, http or https, a trailing '/' or
// '#') is that module's URI; any other URI is itself.
std::string_view known_namespace(std::string_view declared);

// The part of an element's or attribute's name after its prefix.
std::string_view local_name(std::string_view qualified);
std::string_view local_name(pugi::xml_node node);

// The namespace URI an element's prefix (or the default namespace) is bound to, "" if none.
std::string_view namespace_of(pugi::xml_node node);

bool is_element(pugi::xml_node node, std::string_view ns, std::string_view local);

// What the elements the readers visit inherit from their ancestors: the
// namespace declarations in scope and the xml:base. Both are kept for one
// path from the top element down to the last element asked about, so the
// children of an item look their prefixes up in a short list, and its fields
// find their base, instead of walking the item's ancestors and their
// attributes again for each (namespaces are nearly always declared once, on
// the root). Each element on the path is a level with its own declarations
// and base, so a prefix redeclared on a channel, an item or a child resolves
// as namespace_of does, and stops applying past that element. Valid for the
// elements of one document, which must not change meanwhile.
class ElementScopes {
 public:
  // Equals namespace_of(element).
  std::string_view namespace_of(pugi::xml_node element) { return namespace_of(element, element.name()); }
  // The same, for a caller that has the element's name already.
  std::string_view namespace_of(pugi::xml_node element, std::string_view qualified_name);
  // Equals base_url(element, document_url); the document URL must be the
  // same for every call. The reference is valid until the next call of either.
  const std::string& base_of(pugi::xml_node element, std::string_view document_url);

 private:
  static constexpr auto kUnknown = static_cast<std::size_t>(-1);  // a base not asked for yet: most levels never are
  static constexpr auto kDocument = static_cast<std::size_t>(-2);  // the document's URL
  struct Level {
    pugi::xml_node element;
    std::size_t first;  // its declarations start at declarations_[first]
    // Where its base is: kUnknown, kDocument, or the level whose own xml:base
    // it is, so that a level without one copies no string.
    std::size_t base_level;
    std::string base;  // the resolved xml:base, on a level that has one
  };
  // Makes `element` the last level of the path; `element` is an element.
  void enter(pugi::xml_node element);
  void push_level(pugi::xml_node element);
  const std::string& base_at(std::size_t level) const;

  std::vector<Level> path_;
  // prefix -> URI of every level in path order, each level's in reverse
  // attribute order: scanning from the back finds the nearest declaration,
  // and on one element the first, as namespace_of does.
  std::vector<std::pair<std::string_view, std::string_view>> declarations_;
  std::vector<pugi::xml_node> chain_;  // scratch for enter
  std::string document_base_;
  std::string unscoped_base_;  // base_of for a node that is no element
};

// The element children of `parent`, in order, named (ns, local).
std::vector<pugi::xml_node> children(pugi::xml_node parent, std::string_view ns, std::string_view local);
pugi::xml_node first_child(pugi::xml_node parent, std::string_view ns, std::string_view local);

// An attribute by namespace and local name (ns "" = unprefixed); "" when absent.
std::string_view attribute(pugi::xml_node node, std::string_view ns, std::string_view local);
bool has_attribute(pugi::xml_node node, std::string_view ns, std::string_view local);

// Longer than any URL a server accepts: such a base would only be copied
// into every link below it (a 1 MB one made each item's link a megabyte).
constexpr std::size_t kLongestBase = 8 * 1024;

// The element's own xml:base; "" when it has none or one longer than kLongestBase.
std::string_view xml_base(pugi::xml_node element);

// `own` (an xml:base or CDF BASE) resolved against the base above it; the
// inherited base itself when `own` is empty or the two together grow past
// kLongestBase, as relative bases nested a hundred deep would.
std::string nested_base(const std::string& inherited, std::string_view own);

// The base URI in force at `node`: every xml:base from the root down, each
// resolved against the one above, starting from the document's own URL.
std::string base_url(pugi::xml_node node, std::string_view document_url);

// The same for the xml:base values of `node` and its ancestors below `top`
// only, resolved against `outer` ("" leaves the result relative).
std::string base_below(pugi::xml_node node, pugi::xml_node top, std::string outer);

// The xml:lang in force at `node`: its own or its nearest ancestor's, as
// written; nullopt when none is. An empty xml:lang="" (the language is
// unknown, XML 1.0 2.12) is in force as "".
std::optional<std::string_view> xml_lang(pugi::xml_node node);

// The xml:lang attribute of `element` itself, not inherited; nullopt when it has none.
std::optional<std::string_view> own_xml_lang(pugi::xml_node element);

// All character data below `node` (text and CDATA), in document order.
std::string text_content(pugi::xml_node node);

// text_content(node) as a view into the tree when `node` is one text or
// CDATA node, or an element that holds one and nothing else (most fields);
// nullopt otherwise.
std::optional<std::string_view> sole_text(pugi::xml_node node);

// True for an element that holds nothing a reader would see: no child
// element and no text but whitespace (<description/>, <title> </title>).
// One of more than 64 children is taken as filled, without reading them.
bool is_blank(pugi::xml_node node);

// How the character data right inside a field reads when the field holds
// elements too: as text (XHTML content), or as HTML source (an RSS
// description, whose text is escaped markup by convention, as in
// <description><![CDATA[<p>Hi</p>]]><img src="pixel.gif"/></description>).
enum class FieldText { text, html };

// The children of `node` written back as (X)HTML markup; XHTML-namespace
// prefixes are dropped and namespace declarations left out, void elements
// have no end tag. href and src values are resolved here against the
// xml:base values inside the markup, which are lost with it; the base of
// `base_owner` (`node` when null) and above is left to whoever resolves the
// links of the whole markup.
std::string inner_markup(pugi::xml_node node, FieldText field_text, pugi::xml_node base_owner = {});

// The depth of the deepest element of the tree, found without recursion.
std::size_t tree_depth(pugi::xml_node root);

}  // namespace feedsieve::parse_detail
