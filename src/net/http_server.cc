#include "metagate/net/http_server.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <optional>
#include <thread>

namespace metagate::net {

namespace beast = boost::beast;
namespace http = beast::http;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

constexpr size_t kMaxHeaderBytes = 64 << 10;

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

}  // namespace

const std::string* HttpRequest::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (EqualsIgnoreCase(k, name)) return &v;
  }
  return nullptr;
}

Result<std::pair<std::string, uint16_t>> ParseListenAddress(std::string_view address) {
  size_t colon = address.rfind(':');
  if (colon == std::string_view::npos || colon + 1 == address.size()) {
    return Status::Invalid("listen address '" + std::string(address) +
                           "' must be HOST:PORT (e.g. 127.0.0.1:8080)");
  }
  std::string host(address.substr(0, colon));
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  unsigned long port = 0;
  for (char c : address.substr(colon + 1)) {
    if (c < '0' || c > '9' || port > 65535) {
      return Status::Invalid("listen address '" + std::string(address) + "': bad port");
    }
    port = port * 10 + static_cast<unsigned long>(c - '0');
  }
  if (port > 65535 || host.empty()) {
    return Status::Invalid("listen address '" + std::string(address) + "': bad host or port");
  }
  return std::make_pair(host, static_cast<uint16_t>(port));
}

struct HttpServer::Impl {
  HttpServerOptions options;
  HttpHandler handler;
  asio::io_context ioc;
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc};
  std::vector<std::thread> threads;
  std::string address;
  std::mutex mu;
  std::condition_variable cv;
  bool stop_requested = false;
  bool stopped = false;

  void Accept();
  void RequestStop() {
    std::lock_guard<std::mutex> lock(mu);
    stop_requested = true;
    cv.notify_all();
  }
};

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, HttpServer::Impl& server)
      : stream_(std::move(socket)), server_(server) {}

  void Read() {
    parser_.emplace();
    parser_->body_limit(server_.options.max_body_bytes);
    parser_->header_limit(kMaxHeaderBytes);
    stream_.expires_after(server_.options.read_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

 private:
  void OnRead(beast::error_code ec, size_t) {
    if (ec == http::error::end_of_stream || ec == asio::error::eof ||
        ec == asio::error::operation_aborted || ec == asio::error::connection_reset) {
      return Close();
    }
    if (ec == beast::error::timeout) {
      if (parser_->got_some()) return Fail(408, "the request did not arrive in time");
      return Close();  // an idle keep-alive connection
    }
    if (ec == http::error::body_limit) {
      return Fail(413, "the request body is larger than " +
                           std::to_string(server_.options.max_body_bytes) + " bytes");
    }
    if (ec == http::error::header_limit) return Fail(431, "the request headers are too large");
    if (ec) return Fail(400, "the request is not valid HTTP/1.1");

    http::request<http::string_body> req = parser_->release();
    HttpRequest request;
    request.method = std::string(req.method_string());
    request.target = std::string(req.target());
    for (const auto& field : req) {
      request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    request.body = std::move(req.body());
    HttpResponse response;
    try {
      server_.handler(request, response);
    } catch (...) {  // a handler must not take the server down; never echo what it threw
      response = HttpResponse{};
      response.status = 500;
      response.body = R"({"error":"internal error"})";
    }
    Write(response, !req.keep_alive());
  }

  void Fail(int status, const std::string& message) {
    HttpResponse response;
    response.status = status;
    response.body = "{\"error\":\"" + message + "\"}";
    Write(response, true);
  }

  void Write(const HttpResponse& response, bool close) {
    auto res = std::make_shared<http::response<http::string_body>>();
    res->version(11);
    res->result(static_cast<unsigned>(response.status));
    res->set(http::field::server, "metagate");
    res->set(http::field::content_type, response.content_type);
    for (const auto& [k, v] : response.headers) res->set(k, v);
    res->keep_alive(!close);
    res->body() = response.body;
    res->prepare_payload();
    stream_.expires_after(server_.options.read_timeout);
    http::async_write(stream_, *res,
                      [self = shared_from_this(), res, close](beast::error_code ec, size_t) {
                        if (ec || close) return self->Close();
                        self->Read();
                      });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  HttpServer::Impl& server_;
};

}  // namespace

void HttpServer::Impl::Accept() {
  acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
    if (!ec) std::make_shared<Session>(std::move(socket), *this)->Read();
    Accept();
  });
}

Result<std::unique_ptr<HttpServer>> HttpServer::Start(const HttpServerOptions& options,
                                                      HttpHandler handler) {
  ASSIGN_OR_RETURN(auto host_port, ParseListenAddress(options.listen));
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->handler = std::move(handler);
  beast::error_code ec;
  tcp::resolver resolver(impl->ioc);
  auto endpoints = resolver.resolve(host_port.first, std::to_string(host_port.second), ec);
  if (ec || endpoints.empty()) {
    return Status::Invalid("cannot resolve '" + options.listen + "': " + ec.message());
  }
  tcp::endpoint endpoint = *endpoints.begin();
  impl->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl->acceptor.bind(endpoint, ec);
  if (!ec) impl->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return Status::Io("cannot listen on " + options.listen + ": " + ec.message());
  tcp::endpoint bound = impl->acceptor.local_endpoint();
  std::string host = bound.address().to_string();
  impl->address =
      (bound.address().is_v6() ? "[" + host + "]" : host) + ":" + std::to_string(bound.port());
  impl->Accept();
  unsigned workers = options.workers;
  if (workers == 0) workers = std::max(1u, std::thread::hardware_concurrency());
  for (unsigned i = 0; i < workers; ++i) {
    impl->threads.emplace_back([io = &impl->ioc] { io->run(); });
  }
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

HttpServer::~HttpServer() { Stop(); }

const std::string& HttpServer::address() const { return impl_->address; }

void HttpServer::Stop() {
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    if (impl_->stopped) return;
    impl_->stopped = true;
    impl_->stop_requested = true;
    impl_->cv.notify_all();
  }
  asio::post(impl_->ioc, [impl = impl_.get()] {
    beast::error_code ec;
    impl->acceptor.close(ec);
    impl->signals.cancel(ec);
  });
  impl_->ioc.stop();
  for (std::thread& t : impl_->threads) {
    if (t.joinable()) t.join();
  }
}

void HttpServer::WaitForSignal() {
  beast::error_code ec;
  impl_->signals.add(SIGINT, ec);
  impl_->signals.add(SIGTERM, ec);
  impl_->signals.async_wait([impl = impl_.get()](beast::error_code e, int) {
    if (!e) impl->RequestStop();
  });
  std::unique_lock<std::mutex> lock(impl_->mu);
  impl_->cv.wait(lock, [&] { return impl_->stop_requested; });
}

}  // namespace metagate::net
