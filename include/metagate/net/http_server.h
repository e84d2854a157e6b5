// HttpServer: a small HTTP/1.1 server on Boost.Beast with keep-alive, a body size limit and
// read/idle timeouts, run by a pool of worker threads, over plain TCP or (with a certificate and
// key) TLS only. Each request is handed to one handler that fills the response; the server
// answers 400/413/431/408 itself for requests it cannot read. Start() returns once the server
// listens; Stop() (or the destructor) closes it and joins.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "metagate/common/status.h"

namespace metagate::net {

struct HttpRequest {
  std::string method;                                        // "POST"
  std::string target;                                        // "/v1/batch?x=1", as sent
  std::vector<std::pair<std::string, std::string>> headers;  // as sent, in order
  std::string body;
  // The value of the first header named `name` (case-insensitive), or nullptr.
  const std::string* Header(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
  std::string body;
};

// Called on a worker thread, concurrently for different connections.
using HttpHandler = std::function<void(const HttpRequest&, HttpResponse&)>;
// Sends the response to a request; call it once, from any thread (later calls are ignored). It
// holds the connection: destroy it before the server.
using HttpReply = std::function<void(HttpResponse)>;
// A handler that may answer later (after a disk commit, say) without holding a worker: it must
// call `reply` exactly once, on any thread. Called on a worker thread.
using HttpAsyncHandler = std::function<void(HttpRequest, HttpReply)>;

struct HttpServerOptions {
  std::string listen = "127.0.0.1:8080";          // HOST:PORT; port 0 picks a free one
  unsigned workers = 0;                           // 0: one per core
  size_t max_body_bytes = 16 << 20;               // larger bodies get 413
  std::chrono::milliseconds read_timeout{30000};  // a request must arrive within this
  // TLS: PEM files of the certificate chain (leaf first) and its private key, both or neither.
  // When set the server speaks only TLS (1.2 or later, no compression); a client whose handshake
  // fails is disconnected without a reply.
  std::string tls_cert_file;
  std::string tls_key_file;
};

class HttpServer {
 public:
  // Loads the TLS certificate and key (if any), binds, listens and starts the workers. Errors
  // name the address or file and the reason.
  static Result<std::unique_ptr<HttpServer>> Start(const HttpServerOptions& options,
                                                   HttpHandler handler);
  static Result<std::unique_ptr<HttpServer>> Start(const HttpServerOptions& options,
                                                   HttpAsyncHandler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // The address it listens on, with the actual port ("127.0.0.1:43121").
  const std::string& address() const;
  // Stops accepting, closes connections and joins the workers. Idempotent.
  void Stop();
  // Blocks until Stop() is called from another thread or SIGINT/SIGTERM arrives.
  void WaitForSignal();

  struct Impl;

 private:
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Splits "HOST:PORT" ("127.0.0.1:8080", "[::1]:8080", "localhost:0").
Result<std::pair<std::string, uint16_t>> ParseListenAddress(std::string_view address);

}  // namespace metagate::net
