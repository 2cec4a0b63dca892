// Stored ids and keys are made with stable_hash: its values must never change.
#include <catch2/catch.hpp>

#include "feeds/stable_hash.hpp"

using feedsieve::StableHash;
using feedsieve::stable_hash;

TEST_CASE("stable_hash is 64-bit FNV-1a", "[hash]") {
  // The published FNV-1a test vectors.
  CHECK(stable_hash("") == 0xcbf29ce484222325ull);
  CHECK(stable_hash("a") == 0xaf63dc4c8601ec8cull);
  CHECK(stable_hash("foobar") == 0x85944171f73967e8ull);
  CHECK(StableHash().add("foo").add("bar").value() == stable_hash("foobar"));
  static_assert(stable_hash("a") == 0xaf63dc4c8601ec8cull);
}
