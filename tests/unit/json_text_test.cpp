// The JSON text feedsieve prints: numbers as people write them, and text that
// reads back as the same value.
#include <catch2/catch.hpp>
#include <limits>

#include <boost/json.hpp>

#include "feeds/json/json_text.hpp"

using namespace feedsieve;

TEST_CASE("doubles print in their shortest plain form", "[json]") {
  CHECK(json_text(40.0) == "40");
  CHECK(json_text(12.5) == "12.5");
  CHECK(json_text(0.0) == "0");
  CHECK(json_text(-3.25) == "-3.25");
  CHECK(json_text(0.1) == "0.1");
  CHECK(json_text(1e-7) == "1e-07");
  CHECK(json_text(std::numeric_limits<double>::infinity()) == "null");
  CHECK(json_text(std::numeric_limits<double>::quiet_NaN()) == "null");
}

TEST_CASE("nested values keep their shape and escapes", "[json]") {
  const boost::json::value value = {
      {"score", 4.0},
      {"title", "quote \" backslash \\ newline \n tab \t \u00e9"},
      {"items", boost::json::array{1, -2, 2.5, true, nullptr, boost::json::object{}, boost::json::array{}}},
      {"big", std::numeric_limits<std::uint64_t>::max()}};
  const std::string text = json_text(value);
  CHECK(text ==
        "{\"score\":4,\"title\":\"quote \\\" backslash \\\\ newline \\n tab \\t \u00e9\","
        "\"items\":[1,-2,2.5,true,null,{},[]],\"big\":18446744073709551615}");
  // A whole double reads back as an integer, which JSON does not tell apart.
  const boost::json::object read = boost::json::parse(text).as_object();
  CHECK(read.at("score").to_number<double>() == 4.0);
  CHECK(read.at("title") == value.at("title"));
  CHECK(read.at("items") == value.at("items"));
  CHECK(read.at("big") == value.at("big"));
}
