#pragma once
// JSON text for what feedsieve prints and serves. boost::json (1.81) writes
// every double in exponent form (40 as 4E1, 12.5 as 1.25E1, 0 as 0E0): valid
// JSON, but not what a person or a shell script reading `query` expects.
// Here a double is written in its shortest round-trip form (40, 12.5, 1e-07),
// a non-finite one as null; everything else is boost::json's own text.
#include <boost/json/value.hpp>
#include <string>

namespace feedsieve {

std::string json_text(const boost::json::value& value);

}  // namespace feedsieve
