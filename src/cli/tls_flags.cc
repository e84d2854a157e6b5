#include "tls_flags.h"

namespace metagate::cli {

void AddTlsFlags(CLI::App& app, TlsFlags& flags, const std::string& overrides) {
  std::string suffix = overrides.empty() ? "" : " (overrides " + overrides + ")";
  CLI::Option* cert =
      app.add_option("--tls-cert", flags.cert, "PEM certificate chain: serve HTTPS only" + suffix);
  CLI::Option* key = app.add_option("--tls-key", flags.key, "PEM private key of --tls-cert");
  cert->needs(key);
  key->needs(cert);
}

void ApplyListenerTls(const TlsFlags& flags, const std::optional<egress::ListenerTlsConfig>& config,
                      net::HttpServerOptions& options) {
  if (!flags.cert.empty() || !flags.key.empty()) {
    options.tls_cert_file = flags.cert;
    options.tls_key_file = flags.key;
  } else if (config) {
    options.tls_cert_file = config->cert;
    options.tls_key_file = config->key;
  }
}

}  // namespace metagate::cli
