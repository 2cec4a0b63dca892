#include "feeds/json/json_text.hpp"

#include <boost/json/serialize.hpp>
#include <charconv>
#include <cmath>

namespace feedsieve {
namespace {

void append_double(double number, std::string& out) {
  if (!std::isfinite(number)) {
    out += "null";
    return;
  }
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
  out.append(buffer, result.ptr);
}

void append(const boost::json::value& value, std::string& out) {
  switch (value.kind()) {
    case boost::json::kind::double_:
      append_double(value.get_double(), out);
      return;
    case boost::json::kind::array: {
      out += '[';
      bool first = true;
      for (const boost::json::value& element : value.get_array()) {
        if (!first) out += ',';
        first = false;
        append(element, out);
      }
      out += ']';
      return;
    }
    case boost::json::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& member : value.get_object()) {
        if (!first) out += ',';
        first = false;
        out += boost::json::serialize(member.key());
        out += ':';
        append(member.value(), out);
      }
      out += '}';
      return;
    }
    default:
      out += boost::json::serialize(value);
      return;
  }
}

}  // namespace

std::string json_text(const boost::json::value& value) {
  std::string out;
  append(value, out);
  return out;
}

}  // namespace feedsieve
