// The listener TLS flags shared by `metagate serve` and `metagate sink`: --tls-cert and
// --tls-key, given together, which turn the listener into HTTPS only.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "metagate/egress/config.h"
#include "metagate/net/http_server.h"

namespace metagate::cli {

struct TlsFlags {
  std::string cert;
  std::string key;
};

// Adds --tls-cert and --tls-key to `app`, each requiring the other. `flags` must outlive parsing.
void AddTlsFlags(CLI::App& app, TlsFlags& flags, const std::string& overrides = "");

// Puts the listener's certificate and key into `options`: the flags when given, otherwise the
// config's `tls` section (if any).
void ApplyListenerTls(const TlsFlags& flags, const std::optional<egress::ListenerTlsConfig>& config,
                      net::HttpServerOptions& options);

}  // namespace metagate::cli
