#include "metagate/net/http_server.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <fstream>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>

namespace metagate::net {

namespace beast = boost::beast;
namespace http = beast::http;
namespace asio = boost::asio;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

namespace {

constexpr size_t kMaxHeaderBytes = 64 << 10;
// How long a TLS connection may take to exchange close_notify alerts once it is done.
constexpr std::chrono::seconds kTlsShutdownTimeout{5};

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
  HttpAsyncHandler handler;
  // Set when the server speaks TLS. Declared before `ioc` so it outlives the sessions that the
  // io_context still holds when it is destroyed.
  std::unique_ptr<ssl::context> tls;
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

// One connection. `Stream` is beast::tcp_stream (plain HTTP) or beast::ssl_stream over it (TLS);
// everything but the handshake and the close is the same code for both.
template <class Stream>
class Session : public std::enable_shared_from_this<Session<Stream>> {
 public:
  static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

  // `args` are what the stream needs beyond the socket (the TLS context).
  template <class... Args>
  Session(HttpServer::Impl& server, tcp::socket socket, Args&... args)
      : stream_(std::move(socket), args...), server_(server) {}

  void Start() {
    if constexpr (kTls) {
      Transport().expires_after(server_.options.read_timeout);
      stream_.async_handshake(ssl::stream_base::server,
                              beast::bind_front_handler(&Session::OnHandshake, Self()));
    } else {
      Read();
    }
  }

 private:
  std::shared_ptr<Session> Self() { return this->shared_from_this(); }
  beast::tcp_stream& Transport() { return beast::get_lowest_layer(stream_); }

  // A failed handshake (plain HTTP sent to the TLS port, an untrusted or aborted client) only
  // drops the connection: there is nothing to answer it with.
  void OnHandshake(beast::error_code ec) {
    if (ec) return Drop();
    secured_ = true;
    Read();
  }

  void Read() {
    parser_.emplace();
    parser_->body_limit(server_.options.max_body_bytes);
    parser_->header_limit(kMaxHeaderBytes);
    Transport().expires_after(server_.options.read_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::OnRead, Self()));
  }

  void OnRead(beast::error_code ec, size_t) {
    if (ec == http::error::end_of_stream || ec == asio::error::eof ||
        ec == asio::error::operation_aborted || ec == asio::error::connection_reset) {
      return Close();
    }
    if constexpr (kTls) {
      // The peer closed without close_notify, or the TLS layer failed: no reply can be sent.
      if (ec == ssl::error::stream_truncated || ec.category() == asio::error::get_ssl_category()) {
        return Drop();
      }
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
    // The reply may come from another thread: the write is posted to this connection's strand.
    auto replied = std::make_shared<std::atomic<bool>>(false);
    HttpReply reply = [self = Self(), replied, close = !req.keep_alive()](HttpResponse response) {
      if (replied->exchange(true)) return;
      asio::post(self->stream_.get_executor(),
                 [self, response = std::move(response), close] { self->Write(response, close); });
    };
    try {
      server_.handler(std::move(request), reply);
    } catch (...) {  // a handler must not take the server down; never echo what it threw
      HttpResponse response;
      response.status = 500;
      response.body = R"({"error":"internal error"})";
      reply(std::move(response));  // ignored when the handler had answered already
    }
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
    Transport().expires_after(server_.options.read_timeout);
    http::async_write(stream_, *res, [self = Self(), res, close](beast::error_code ec, size_t) {
      if (ec) return self->Drop();
      if (close) return self->Close();
      self->Read();
    });
  }

  // Ends the connection politely: TLS sends close_notify (bounded by a timeout); plain TCP
  // half-closes. The socket itself closes when the last handler lets go of the session.
  void Close() {
    if constexpr (kTls) {
      if (!secured_) return Drop();
      secured_ = false;
      Transport().expires_after(kTlsShutdownTimeout);
      stream_.async_shutdown([self = Self()](beast::error_code) { self->Drop(); });
    } else {
      beast::error_code ec;
      stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    }
  }

  // Ends the connection at once, without a word to the peer.
  void Drop() {
    beast::error_code ec;
    Transport().socket().shutdown(tcp::socket::shutdown_both, ec);
    Transport().socket().close(ec);
  }

  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  HttpServer::Impl& server_;
  bool secured_ = false;  // TLS: the handshake succeeded and no close_notify was sent yet
};

// Returns "" when `path` can be opened for reading, otherwise the reason.
std::string Unreadable(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (in) return "";
  return std::strerror(errno);
}

// The most recent OpenSSL error as text (library and reason, never key material), or `fallback`.
std::string OpenSslReason(const beast::error_code& ec) {
  unsigned long err = ERR_peek_last_error();
  std::string reason;
  if (err != 0) {
    const char* r = ERR_reason_error_string(err);
    if (r != nullptr) reason = r;
  }
  ERR_clear_error();
  if (reason.empty()) reason = ec ? ec.message() : "unknown error";
  return reason;
}

// Builds the server's TLS context: TLS 1.2 or later, no compression, and the certificate chain
// and key from PEM files, checked to belong together.
Result<std::unique_ptr<ssl::context>> MakeServerTls(const std::string& cert_file,
                                                    const std::string& key_file) {
  auto ctx = std::make_unique<ssl::context>(ssl::context::tls_server);
  ctx->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                   ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                   ssl::context::no_compression | ssl::context::single_dh_use);
  SSL_CTX_set_min_proto_version(ctx->native_handle(), TLS1_2_VERSION);
  SSL_CTX_set_options(ctx->native_handle(), SSL_OP_CIPHER_SERVER_PREFERENCE);
  std::string why = Unreadable(cert_file);
  if (!why.empty()) {
    return Status::Invalid("cannot load TLS certificate " + cert_file + ": " + why);
  }
  beast::error_code ec;
  ERR_clear_error();
  ctx->use_certificate_chain_file(cert_file, ec);
  if (ec) {
    return Status::Invalid("cannot load TLS certificate " + cert_file + ": " + OpenSslReason(ec) +
                           " (expected a PEM certificate chain, leaf first)");
  }
  why = Unreadable(key_file);
  if (!why.empty()) return Status::Invalid("cannot load TLS key " + key_file + ": " + why);
  ctx->use_private_key_file(key_file, ssl::context::pem, ec);
  // A well-formed key of another certificate fails here already (OpenSSL compares them).
  // (Asio takes the OpenSSL error off the queue into `ec`.)
  unsigned long err =
      ec.category() == asio::error::get_ssl_category() ? static_cast<unsigned long>(ec.value()) : 0;
  bool mismatch = err != 0 && ERR_GET_LIB(err) == ERR_LIB_X509 &&
                  ERR_GET_REASON(err) == X509_R_KEY_VALUES_MISMATCH;
  if (ec && !mismatch) {
    return Status::Invalid("cannot load TLS key " + key_file + ": " + OpenSslReason(ec) +
                           " (expected an unencrypted PEM private key)");
  }
  if (mismatch || SSL_CTX_check_private_key(ctx->native_handle()) != 1) {
    ERR_clear_error();
    return Status::Invalid("cannot load TLS certificate " + cert_file + ": the key " + key_file +
                           " does not match it");
  }
  return ctx;
}

}  // namespace

void HttpServer::Impl::Accept() {
  acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
    if (!ec && tls) {
      using TlsSession = Session<beast::ssl_stream<beast::tcp_stream>>;
      std::make_shared<TlsSession>(*this, std::move(socket), *tls)->Start();
    } else if (!ec) {
      std::make_shared<Session<beast::tcp_stream>>(*this, std::move(socket))->Start();
    }
    Accept();
  });
}

Result<std::unique_ptr<HttpServer>> HttpServer::Start(const HttpServerOptions& options,
                                                      HttpHandler handler) {
  return Start(options, HttpAsyncHandler(
                            [handler = std::move(handler)](HttpRequest request, HttpReply reply) {
                              HttpResponse response;
                              handler(request, response);
                              reply(std::move(response));
                            }));
}

Result<std::unique_ptr<HttpServer>> HttpServer::Start(const HttpServerOptions& options,
                                                      HttpAsyncHandler handler) {
  ASSIGN_OR_RETURN(auto host_port, ParseListenAddress(options.listen));
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->handler = std::move(handler);
  if (options.tls_cert_file.empty() != options.tls_key_file.empty()) {
    return Status::Invalid("TLS needs both a certificate and a key file (or neither)");
  }
  if (!options.tls_cert_file.empty()) {
    ASSIGN_OR_RETURN(impl->tls, MakeServerTls(options.tls_cert_file, options.tls_key_file));
  }
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
