#pragma once
// libcurl's process-wide state (TLS library, resolver). curl_global_init() is
// not thread-safe, so main() holds one CurlGlobal for the program's life before
// it starts any thread; tests hold one too. Every Fetcher also holds one: curl
// counts init/cleanup pairs, so the nested one only bumps the count, and the
// last owner to go runs curl_global_cleanup() (no global state left for leak
// checkers to report).
namespace feedsieve {

class CurlGlobal {
 public:
  CurlGlobal();  // throws std::runtime_error when libcurl cannot initialise
  ~CurlGlobal();
  CurlGlobal(const CurlGlobal&) = delete;
  CurlGlobal& operator=(const CurlGlobal&) = delete;
};

}  // namespace feedsieve
