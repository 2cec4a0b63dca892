#include "feeds/scrape/xml_view.hpp"

#include <string>
#include <vector>

namespace feedsieve {
namespace {

// gumbo names unknown tags GUMBO_TAG_UNKNOWN; their name is in the source text.
std::string tag_name(const GumboNode& node) {
  const GumboElement& element = node.v.element;
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  GumboStringPiece piece = element.original_tag;
  gumbo_tag_from_original_text(&piece);
  return html::lower(std::string_view(piece.data, piece.length));
}

class XmlCopier {
 public:
  explicit XmlCopier(pugi::xml_node root) : open_{root} {}

  bool enter(const GumboNode& node) {
    switch (node.type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        open_.back().append_child(pugi::node_pcdata).set_value(node.v.text.text);
        return false;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: break;
      default: return false;
    }
    const GumboTag tag = node.v.element.tag;
    pugi::xml_node element = open_.back().append_child(tag_name(node).c_str());
    const GumboVector& attributes = node.v.element.attributes;
    for (unsigned i = 0; i < attributes.length; ++i) {
      const auto* attribute = static_cast<const GumboAttribute*>(attributes.data[i]);
      element.append_attribute(attribute->name).set_value(attribute->value);
    }
    // Scripts and styles stay as empty elements: walk() neither descends nor leaves them.
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) return false;
    open_.push_back(element);
    return true;
  }

  void leave(const GumboNode&) { open_.pop_back(); }

 private:
  std::vector<pugi::xml_node> open_;
};

}  // namespace

pugi::xml_document xml_view(const HtmlDocument& document) {
  pugi::xml_document xml;
  const GumboNode& root = document.root();
  XmlCopier copier(xml);
  copier.enter(root);
  text_detail::walk(root.v.element.children, copier);
  copier.leave(root);
  return xml;
}

}  // namespace feedsieve
