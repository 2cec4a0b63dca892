#include "tests/api/http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <variant>

namespace feedsieve::test {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

}  // namespace

struct HttpClient::Impl {
  asio::io_context io;
  std::variant<asio::ip::tcp::socket, asio::local::stream_protocol::socket> socket{asio::ip::tcp::socket(io)};
  beast::flat_buffer buffer;
  std::string host;

  template <class Work>
  decltype(auto) with_socket(Work&& work) {
    return std::visit(std::forward<Work>(work), socket);
  }
};

HttpClient::HttpClient(const std::string& address) : impl_(std::make_unique<Impl>()) {
  if (address.starts_with("unix:")) {
    asio::local::stream_protocol::socket socket(impl_->io);
    socket.connect(asio::local::stream_protocol::endpoint(address.substr(5)));
    impl_->socket = std::move(socket);
    impl_->host = "localhost";
    return;
  }
  const std::string rest = address.substr(address.find("://") + 3);
  const auto colon = rest.rfind(':');
  impl_->host = rest;
  std::string host = rest.substr(0, colon);
  if (host.starts_with('[')) host = host.substr(1, host.size() - 2);
  asio::ip::tcp::socket socket(impl_->io);
  socket.connect({asio::ip::make_address(host), static_cast<unsigned short>(std::stoi(rest.substr(colon + 1)))});
  impl_->socket = std::move(socket);
}

HttpClient::~HttpClient() = default;

HttpReply HttpClient::request(const std::string& method, const std::string& target, const HeaderList& headers) {
  http::request<http::empty_body> request{http::string_to_verb(method), target, 11};
  request.set(http::field::host, impl_->host);
  request.keep_alive(true);
  for (const auto& [name, value] : headers) request.set(name, value);
  http::response_parser<http::string_body> parser;
  parser.body_limit(256 * 1024 * 1024);
  parser.skip(method == "HEAD");
  impl_->with_socket([&](auto& socket) {
    http::write(socket, request);
    http::read(socket, impl_->buffer, parser);
  });
  const auto& response = parser.get();
  HttpReply reply;
  reply.status = static_cast<int>(response.result_int());
  for (const auto& field : response) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    reply.headers[name] = std::string(field.value());
  }
  reply.body = response.body();
  reply.keep_alive = response.keep_alive();
  return reply;
}

void HttpClient::send_raw(const std::string& bytes) {
  impl_->with_socket([&](auto& socket) { asio::write(socket, asio::buffer(bytes)); });
}

bool HttpClient::closed_by_server() {
  return impl_->with_socket([&](auto& socket) {
    std::array<char, 4096> chunk{};
    beast::error_code ec;
    while (!ec) socket.read_some(asio::buffer(chunk), ec);
    return ec == asio::error::eof || ec == asio::error::connection_reset;
  });
}

HttpReply http_get(const std::string& address, const std::string& target, const HeaderList& headers) {
  HttpClient client(address);
  return client.get(target, headers);
}

}  // namespace feedsieve::test
