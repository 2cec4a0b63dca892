#pragma once
// Internal to feeds/url: input clean-up shared by resolve_url and canonical_url.
#include <string>
#include <string_view>

namespace feedsieve::url_detail {

// What browsers do before parsing: trims leading and trailing C0 controls and
// spaces, removes tabs and newlines anywhere, and percent-encodes bytes that
// can never appear in a URI (spaces, non-ASCII, "<>\^`{|}, a lone '%', a
// second '#'), so that real-world links parse as RFC 3986 references.
std::string clean_reference(std::string_view text);

// The same trimming only, for returning input "unchanged" but without the
// surrounding whitespace.
std::string_view trim(std::string_view text);

// RFC 3986 6.2.2.1-2: upper-case hex in percent-escapes, and unreserved
// characters (ALPHA / DIGIT / "-" / "." / "_" / "~") decoded. Reserved ones
// such as %2F stay encoded: decoding them would change the URL's meaning.
std::string normalize_percent_encoding(std::string_view text);

// RFC 3986 5.2.4, including ".." above the root ("/../a" -> "/a").
std::string remove_dot_segments(std::string_view path);

// variants.cpp: the www./m./mobile./amp. host prefixes dropped (lower-case host in).
std::string fold_host_variant(std::string host);
// "/amp/a" -> "/a", "/a/amp" -> "/a", "/a.amp.html" -> "/a.html".
std::string fold_amp_path(std::string path);
// amp, amp=1, outputType=amp (decoded key and value).
bool is_amp_parameter(std::string_view key, std::string_view value);

}  // namespace feedsieve::url_detail
