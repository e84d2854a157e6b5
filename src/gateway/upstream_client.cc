#include "upstream_client.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>

namespace metagate::gateway {

namespace beast = boost::beast;
namespace http = beast::http;
namespace asio = boost::asio;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

namespace {

// The client TLS contexts, one per trusted CA bundle ("" for the system's default paths), built
// on first use and kept: an SSL_CTX is safe to share between threads once configured.
class TrustStores {
 public:
  static TrustStores& Instance() {
    static TrustStores stores;
    return stores;
  }

  Result<std::shared_ptr<ssl::context>> For(const std::string& ca_file) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = contexts_.find(ca_file);
    if (it != contexts_.end()) return it->second;
    ASSIGN_OR_RETURN(std::shared_ptr<ssl::context> ctx, Make(ca_file));
    contexts_.emplace(ca_file, ctx);
    return ctx;
  }

 private:
  static Result<std::shared_ptr<ssl::context>> Make(const std::string& ca_file) {
    auto ctx = std::make_shared<ssl::context>(ssl::context::tls_client);
    ctx->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                     ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                     ssl::context::no_compression);
    SSL_CTX_set_min_proto_version(ctx->native_handle(), TLS1_2_VERSION);
    ctx->set_verify_mode(ssl::verify_peer);
    beast::error_code ec;
    ERR_clear_error();
    if (ca_file.empty()) {
      ctx->set_default_verify_paths(ec);
      if (ec) {
        ERR_clear_error();
        return Status::Io("cannot load the system's default CA certificates: " + ec.message() +
                          "; set the vendor's ca_file");
      }
      return ctx;
    }
    std::ifstream in(ca_file, std::ios::binary);
    if (!in) {
      return Status::Io("cannot load the CA bundle " + ca_file + ": " + std::strerror(errno));
    }
    ctx->load_verify_file(ca_file, ec);
    if (ec) {
      unsigned long err = ERR_peek_last_error();
      const char* reason = err != 0 ? ERR_reason_error_string(err) : nullptr;
      ERR_clear_error();
      return Status::Io("cannot load the CA bundle " + ca_file + ": " +
                        (reason != nullptr ? std::string(reason) : ec.message()) +
                        " (expected PEM certificates)");
    }
    return ctx;
  }

  std::mutex mu_;
  std::map<std::string, std::shared_ptr<ssl::context>> contexts_;
};

bool IsIpAddress(const std::string& host) {
  boost::system::error_code ec;
  asio::ip::make_address(host, ec);
  return !ec;
}

// "host:port" for messages, with IPv6 in brackets.
std::string Where(const Upstream& u) {
  return (u.host.find(':') != std::string::npos ? "[" + u.host + "]" : u.host) + ":" + u.port;
}

// Names the host the certificate must match (DNS name or IP address) and sends SNI for names.
Status PrepareTls(SSL* ssl, const std::string& host) {
  X509_VERIFY_PARAM* param = SSL_get0_param(ssl);
  bool ok;
  if (IsIpAddress(host)) {
    ok = X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str()) == 1;  // no SNI for addresses
  } else {
    X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    ok = X509_VERIFY_PARAM_set1_host(param, host.c_str(), host.size()) == 1 &&
         SSL_set_tlsext_host_name(ssl, host.c_str()) == 1;
  }
  if (!ok) {
    ERR_clear_error();
    return Status::Invalid("cannot set up TLS for the upstream host " + host);
  }
  return Status::Ok();
}

// Says why the TLS handshake failed, preferring the certificate check's own verdict.
std::string HandshakeFailure(SSL* ssl, const Upstream& u, const beast::error_code& ec) {
  long verify = SSL_get_verify_result(ssl);
  ERR_clear_error();
  if (verify != X509_V_OK) {
    std::string trusted = u.ca_file.empty()
                              ? "the system's default CAs; set the vendor's ca_file if it uses "
                                "a private CA"
                              : u.ca_file +
                                    "; check that it holds the CA that signed the "
                                    "vendor's certificate";
    return "certificate verification failed for the upstream " + Where(u) + ": " +
           X509_verify_cert_error_string(verify) + " (trusting " + trusted + ")";
  }
  return "TLS handshake with the upstream " + Where(u) + " failed: " + ec.message();
}

// Connects, (for TLS) handshakes, sends `req` and reads the reply, all on `ioc` within the
// deadline set on the stream's transport. `Stream` is beast::tcp_stream or an ssl_stream over it.
template <class Stream>
Result<UpstreamReply> Exchange(asio::io_context& ioc, Stream& stream, const Upstream& upstream,
                               const tcp::resolver::results_type& endpoints,
                               http::request<http::string_body>& req,
                               std::chrono::milliseconds timeout) {
  constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;
  beast::tcp_stream& transport = beast::get_lowest_layer(stream);
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  std::string failure;
  auto fail = [&](const std::string& what, const beast::error_code& ec) {
    if (ec == beast::error::timeout) {
      failure = "the upstream " + Where(upstream) + " did not answer within " +
                std::to_string(timeout.count()) + " ms (" + what + ")";
    } else {
      failure = what + ": " + ec.message();
    }
  };
  auto read = [&] {
    http::async_read(stream, buffer, res, [&](beast::error_code ec, size_t) {
      if (ec) fail("no reply from the upstream", ec);
    });
  };
  auto write = [&] {
    http::async_write(stream, req, [&](beast::error_code ec, size_t) {
      if (ec) return fail("cannot send to the upstream", ec);
      read();
    });
  };
  transport.expires_after(timeout);
  transport.async_connect(endpoints, [&](beast::error_code ec, const tcp::endpoint&) {
    if (ec) return fail("cannot connect to the upstream " + Where(upstream), ec);
    if constexpr (kTls) {
      stream.async_handshake(ssl::stream_base::client, [&](beast::error_code hec) {
        if (hec == beast::error::timeout) return fail("TLS handshake", hec);
        if (hec) {
          failure = HandshakeFailure(stream.native_handle(), upstream, hec);
          return;
        }
        write();
      });
    } else {
      write();
    }
  });
  ioc.run();
  // The reply is complete (its length is known), so the connection is simply closed: waiting for
  // a TLS close_notify from the vendor would only delay the sender.
  beast::error_code ignored;
  transport.socket().shutdown(tcp::socket::shutdown_both, ignored);
  transport.socket().close(ignored);
  if (!failure.empty()) return Status::Io(failure);
  UpstreamReply reply;
  reply.status = static_cast<int>(res.result_int());
  reply.body = std::move(res.body());
  auto it = res.find(http::field::retry_after);
  if (it != res.end()) reply.retry_after = std::string(it->value());
  return reply;
}

}  // namespace

Result<Upstream> ParseUpstream(const std::string& url, const std::string& ca_file) {
  Upstream u;
  std::string rest;
  if (url.starts_with("https://")) {
    u.tls = true;
    rest = url.substr(8);
  } else if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else {
    return Status::Invalid("upstream '" + url + "' must start with http:// or https://");
  }
  size_t slash = rest.find('/');
  std::string hostport = rest.substr(0, slash);
  if (hostport.find('@') != std::string::npos) {  // never echoed: it holds a credential
    return Status::Invalid(
        "an upstream URL must not hold credentials (user:password@); put the vendor's key in its "
        "credentials.ingest_key");
  }
  u.prefix = slash == std::string::npos ? "" : rest.substr(slash);
  while (!u.prefix.empty() && u.prefix.back() == '/') u.prefix.pop_back();
  std::string port;
  bool has_port = false;
  if (!hostport.empty() && hostport.front() == '[') {  // [IPv6]:port
    size_t close = hostport.find(']');
    std::string after = close == std::string::npos ? "" : hostport.substr(close + 1);
    if (close == std::string::npos || (!after.empty() && after.front() != ':')) {
      return Status::Invalid("upstream '" + url + "': bad IPv6 host (write [ADDRESS]:PORT)");
    }
    u.host = hostport.substr(1, close - 1);
    has_port = !after.empty();
    if (has_port) port = after.substr(1);
  } else {
    size_t colon = hostport.rfind(':');
    u.host = hostport.substr(0, colon);
    has_port = colon != std::string::npos;
    if (has_port) port = hostport.substr(colon + 1);
  }
  if (u.host.empty()) return Status::Invalid("upstream '" + url + "': no host");
  if (!has_port) {
    u.port = u.tls ? "443" : "80";
  } else {
    bool digits = !port.empty() && port.size() <= 5 &&
                  port.find_first_not_of("0123456789") == std::string::npos;
    unsigned long n = digits ? std::stoul(port) : 0;
    if (n == 0 || n > 65535) {
      return Status::Invalid("upstream '" + url + "': bad port (1 to 65535)");
    }
    u.port = port;
  }
  if (!ca_file.empty() && !u.tls) {
    return Status::Invalid("upstream '" + url +
                           "': a ca_file applies only to an https:// upstream; remove it or use "
                           "https://");
  }
  u.ca_file = ca_file;
  if (u.tls) {
    Result<std::shared_ptr<ssl::context>> ctx = TrustStores::Instance().For(ca_file);
    if (!ctx.ok()) return ctx.status();
  }
  return u;
}

Result<UpstreamReply> PostUpstream(const Upstream& upstream, const std::string& path,
                                   const std::vector<std::pair<std::string, std::string>>& headers,
                                   std::string body, std::chrono::milliseconds timeout) {
  asio::io_context ioc;
  beast::error_code ec;
  tcp::resolver resolver(ioc);
  auto endpoints = resolver.resolve(upstream.host, upstream.port, ec);
  if (ec)
    return Status::Io("cannot resolve the upstream host " + upstream.host + ": " + ec.message());
  http::request<http::string_body> req{http::verb::post, upstream.prefix + path, 11};
  bool default_port = upstream.port == (upstream.tls ? "443" : "80");
  std::string host =
      upstream.host.find(':') != std::string::npos ? "[" + upstream.host + "]" : upstream.host;
  req.set(http::field::host, default_port ? host : host + ":" + upstream.port);
  req.set(http::field::user_agent, "metagate");
  req.set(http::field::content_type, "application/json");
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = std::move(body);
  req.prepare_payload();
  if (!upstream.tls) {
    beast::tcp_stream stream(ioc);
    return Exchange(ioc, stream, upstream, endpoints, req, timeout);
  }
  ASSIGN_OR_RETURN(std::shared_ptr<ssl::context> ctx,
                   TrustStores::Instance().For(upstream.ca_file));
  beast::ssl_stream<beast::tcp_stream> stream(ioc, *ctx);
  RETURN_IF_ERROR(PrepareTls(stream.native_handle(), upstream.host));
  return Exchange(ioc, stream, upstream, endpoints, req, timeout);
}

}  // namespace metagate::gateway
