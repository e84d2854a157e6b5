#include "upstream_client.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace metagate::gateway {

namespace beast = boost::beast;
namespace http = beast::http;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

Result<Upstream> ParseUpstream(const std::string& url) {
  if (url.rfind("https://", 0) == 0) {
    return Status::Invalid("upstream '" + url +
                           "': https upstreams are not supported by this version of serve yet; "
                           "use an http:// upstream (e.g. a local TLS proxy)");
  }
  if (url.rfind("http://", 0) != 0) {
    return Status::Invalid("upstream '" + url + "' must start with http://");
  }
  std::string rest = url.substr(7);
  size_t slash = rest.find('/');
  std::string hostport = rest.substr(0, slash);
  Upstream u;
  u.prefix = slash == std::string::npos ? "" : rest.substr(slash);
  while (!u.prefix.empty() && u.prefix.back() == '/') u.prefix.pop_back();
  size_t colon = hostport.rfind(':');
  if (colon != std::string::npos && hostport.find(']') == std::string::npos) {
    u.host = hostport.substr(0, colon);
    u.port = hostport.substr(colon + 1);
  } else {
    u.host = hostport;
    u.port = "80";
  }
  if (u.host.empty() || u.port.empty()) return Status::Invalid("upstream '" + url + "': no host");
  return u;
}

Result<UpstreamReply> PostUpstream(const Upstream& upstream, const std::string& path,
                                   const std::vector<std::pair<std::string, std::string>>& headers,
                                   const std::string& body, std::chrono::milliseconds timeout) {
  asio::io_context ioc;
  beast::tcp_stream stream(ioc);
  beast::error_code ec;
  tcp::resolver resolver(ioc);
  auto endpoints = resolver.resolve(upstream.host, upstream.port, ec);
  if (ec) return Status::Io("cannot resolve the upstream host: " + ec.message());
  stream.expires_after(timeout);
  stream.connect(endpoints, ec);
  if (ec) return Status::Io("cannot connect to the upstream: " + ec.message());
  http::request<http::string_body> req{http::verb::post, upstream.prefix + path, 11};
  req.set(http::field::host, upstream.host);
  req.set(http::field::user_agent, "metagate");
  req.set(http::field::content_type, "application/json");
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.prepare_payload();
  stream.expires_after(timeout);
  http::write(stream, req, ec);
  if (ec) return Status::Io("cannot send to the upstream: " + ec.message());
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(stream, buffer, res, ec);
  if (ec) return Status::Io("no reply from the upstream: " + ec.message());
  stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  UpstreamReply reply;
  reply.status = static_cast<int>(res.result_int());
  reply.body = std::move(res.body());
  auto it = res.find(http::field::retry_after);
  if (it != res.end()) reply.retry_after = std::string(it->value());
  return reply;
}

}  // namespace metagate::gateway
