#include "upstream_client.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>

#include "metagate/net/http_server.h"

namespace metagate::gateway {
namespace {

namespace fs = std::filesystem;

TEST(ParseUpstream, HttpDefaultsAndPrefix) {
  Result<Upstream> u = ParseUpstream("http://sink.local/segment/");
  ASSERT_TRUE(u.ok()) << u.status().ToString();
  EXPECT_EQ(u->host, "sink.local");
  EXPECT_EQ(u->port, "80");
  EXPECT_EQ(u->prefix, "/segment");
  EXPECT_FALSE(u->tls);
  EXPECT_EQ(u->ca_file, "");
  Result<Upstream> p = ParseUpstream("http://127.0.0.1:9090");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->port, "9090");
  EXPECT_EQ(p->prefix, "");
}

TEST(ParseUpstream, HttpsUsesTlsAndPort443) {
  Result<Upstream> u = ParseUpstream("https://api.segment.io/v1");
  ASSERT_TRUE(u.ok()) << u.status().ToString();
  EXPECT_TRUE(u->tls);
  EXPECT_EQ(u->host, "api.segment.io");
  EXPECT_EQ(u->port, "443");
  EXPECT_EQ(u->prefix, "/v1");
  Result<Upstream> v6 = ParseUpstream("https://[::1]:8443/x");
  ASSERT_TRUE(v6.ok()) << v6.status().ToString();
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->port, "8443");
  Result<Upstream> v6_default = ParseUpstream("http://[::1]");
  ASSERT_TRUE(v6_default.ok());
  EXPECT_EQ(v6_default->port, "80");
}

TEST(ParseUpstream, BadUrls) {
  EXPECT_NE(ParseUpstream("ftp://x").status().message().find("http:// or https://"),
            std::string::npos);
  EXPECT_NE(ParseUpstream("https://:443").status().message().find("no host"), std::string::npos);
  EXPECT_NE(ParseUpstream("http://x:0").status().message().find("bad port"), std::string::npos);
  EXPECT_NE(ParseUpstream("http://x:70000").status().message().find("bad port"), std::string::npos);
  EXPECT_NE(ParseUpstream("http://x:").status().message().find("bad port"), std::string::npos);
  EXPECT_NE(ParseUpstream("http://x:8o").status().message().find("bad port"), std::string::npos);
  EXPECT_NE(ParseUpstream("http://[::1/x").status().message().find("IPv6"), std::string::npos);
  // Credentials in the URL are refused without being repeated.
  Result<Upstream> creds = ParseUpstream("https://user:s3cret@x.example/");
  ASSERT_FALSE(creds.ok());
  EXPECT_EQ(creds.status().message().find("s3cret"), std::string::npos);
}

// A throwaway self-signed certificate (P-256) and its key, as PEM, naming `san`
// ("IP:127.0.0.1", "DNS:example.test").
struct TestCert {
  std::string cert_pem;
  std::string key_pem;
};

TestCert MakeSelfSigned(const std::string& cn, const std::string& san) {
  static std::atomic<long> serial{1};
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), EVP_PKEY_free);
  std::unique_ptr<X509, decltype(&X509_free)> x(X509_new(), X509_free);
  X509_set_version(x.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(x.get()), serial++);
  X509_gmtime_adj(X509_getm_notBefore(x.get()), -60);
  X509_gmtime_adj(X509_getm_notAfter(x.get()), 3600);
  X509_set_pubkey(x.get(), key.get());
  X509_NAME* name = X509_get_subject_name(x.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0);
  X509_set_issuer_name(x.get(), name);
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, x.get(), x.get(), nullptr, nullptr, 0);
  for (auto [nid, value] : {std::pair<int, std::string>{NID_subject_alt_name, san},
                            {NID_basic_constraints, "critical,CA:TRUE"}}) {
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
    X509_add_ext(x.get(), ext, -1);
    X509_EXTENSION_free(ext);
  }
  X509_sign(x.get(), key.get(), EVP_sha256());
  TestCert out;
  auto to_string = [](BIO* bio) {
    char* data = nullptr;
    long n = BIO_get_mem_data(bio, &data);
    std::string s(data, static_cast<size_t>(n));
    BIO_free(bio);
    return s;
  };
  BIO* cert_bio = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(cert_bio, x.get());
  out.cert_pem = to_string(cert_bio);
  BIO* key_bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(key_bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  out.key_pem = to_string(key_bio);
  return out;
}

class UpstreamTls : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "metagate_upstream_tls_XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    TestCert server = MakeSelfSigned("metagate test server", "IP:127.0.0.1");
    TestCert other = MakeSelfSigned("metagate other CA", "DNS:other.test");
    Write("server.pem", server.cert_pem);
    Write("server.key", server.key_pem);
    Write("other.pem", other.cert_pem);
    Write("other.key", other.key_pem);
    Write("not-pem.txt", "hello\n");
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (fs::path(dir_) / name).string(); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(Path(name), std::ios::binary) << text;
  }

  // Starts a TLS server on a free port that records the last request's target.
  std::unique_ptr<net::HttpServer> StartServer() {
    net::HttpServerOptions options;
    options.listen = "127.0.0.1:0";
    options.workers = 1;
    options.tls_cert_file = Path("server.pem");
    options.tls_key_file = Path("server.key");
    auto server = net::HttpServer::Start(
        options, [this](const net::HttpRequest& req, net::HttpResponse& res) {
          std::lock_guard<std::mutex> lock(mu_);
          last_target_ = req.target;
          res.status = 202;
          res.body = "{}";
        });
    EXPECT_TRUE(server.ok()) << server.status().ToString();
    return server.ok() ? std::move(*server) : nullptr;
  }

  std::string LastTarget() {
    std::lock_guard<std::mutex> lock(mu_);
    return last_target_;
  }

  std::string dir_;
  std::mutex mu_;
  std::string last_target_;
};

constexpr std::chrono::milliseconds kTimeout{5000};

TEST_F(UpstreamTls, PostsOverVerifiedTls) {
  auto server = StartServer();
  ASSERT_NE(server, nullptr);
  Result<Upstream> up = ParseUpstream("https://" + server->address() + "/in", Path("server.pem"));
  ASSERT_TRUE(up.ok()) << up.status().ToString();
  EXPECT_EQ(up->ca_file, Path("server.pem"));
  Result<UpstreamReply> reply = PostUpstream(*up, "/v1/batch", {}, "{}", kTimeout);
  ASSERT_TRUE(reply.ok()) << reply.status().ToString();
  EXPECT_EQ(reply->status, 202);
  EXPECT_EQ(LastTarget(), "/in/v1/batch");
  // Again on a new connection, with the cached trust store.
  EXPECT_TRUE(PostUpstream(*up, "/v1/batch", {}, "{}", kTimeout).ok());
}

TEST_F(UpstreamTls, UntrustedCertificateFailsWithAnActionableMessage) {
  auto server = StartServer();
  ASSERT_NE(server, nullptr);
  Result<Upstream> up = ParseUpstream("https://" + server->address(), Path("other.pem"));
  ASSERT_TRUE(up.ok()) << up.status().ToString();
  Result<UpstreamReply> reply = PostUpstream(*up, "/x", {}, "secret-body-value", kTimeout);
  ASSERT_FALSE(reply.ok());
  const std::string& msg = reply.status().message();
  EXPECT_NE(msg.find("certificate verification failed"), std::string::npos) << msg;
  EXPECT_NE(msg.find(Path("other.pem")), std::string::npos) << msg;
  EXPECT_EQ(msg.find("secret-body-value"), std::string::npos);
  EXPECT_EQ(LastTarget(), "");
}

TEST_F(UpstreamTls, HostNameMustMatchTheCertificate) {
  auto server = StartServer();
  ASSERT_NE(server, nullptr);
  std::string port = server->address().substr(server->address().rfind(':') + 1);
  // The certificate names IP 127.0.0.1 only, not "localhost".
  Result<Upstream> up = ParseUpstream("https://localhost:" + port, Path("server.pem"));
  ASSERT_TRUE(up.ok());
  Result<UpstreamReply> reply = PostUpstream(*up, "/x", {}, "{}", kTimeout);
  ASSERT_FALSE(reply.ok());
  EXPECT_NE(reply.status().message().find("mismatch"), std::string::npos)
      << reply.status().message();
}

TEST_F(UpstreamTls, PlainHttpToTheTlsListenerGetsNoReply) {
  auto server = StartServer();
  ASSERT_NE(server, nullptr);
  Result<Upstream> up = ParseUpstream("http://" + server->address());
  ASSERT_TRUE(up.ok());
  Result<UpstreamReply> reply = PostUpstream(*up, "/x", {}, "{}", kTimeout);
  EXPECT_FALSE(reply.ok());
  EXPECT_EQ(LastTarget(), "");
}

TEST_F(UpstreamTls, CaFileErrors) {
  Result<Upstream> missing = ParseUpstream("https://x.example", Path("nope.pem"));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("cannot load the CA bundle " + Path("nope.pem")),
            std::string::npos)
      << missing.status().message();
  Result<Upstream> garbage = ParseUpstream("https://x.example", Path("not-pem.txt"));
  ASSERT_FALSE(garbage.ok());
  EXPECT_NE(garbage.status().message().find("cannot load the CA bundle"), std::string::npos);
  Result<Upstream> plain = ParseUpstream("http://x.example", Path("server.pem"));
  ASSERT_FALSE(plain.ok());
  EXPECT_NE(plain.status().message().find("only to an https:// upstream"), std::string::npos);
}

TEST_F(UpstreamTls, ServerStartErrorsNameTheFile) {
  net::HttpServerOptions options;
  options.listen = "127.0.0.1:0";
  options.tls_cert_file = Path("server.pem");
  options.tls_key_file = Path("other.key");
  auto mismatch = net::HttpServer::Start(options, [](const auto&, auto&) {});
  ASSERT_FALSE(mismatch.ok());
  EXPECT_NE(mismatch.status().message().find("cannot load TLS certificate " + Path("server.pem")),
            std::string::npos)
      << mismatch.status().message();
  EXPECT_NE(mismatch.status().message().find("does not match"), std::string::npos);

  options.tls_cert_file = Path("nope.pem");
  auto missing = net::HttpServer::Start(options, [](const auto&, auto&) {});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("cannot load TLS certificate " + Path("nope.pem")),
            std::string::npos)
      << missing.status().message();

  options.tls_cert_file = Path("not-pem.txt");
  auto garbage = net::HttpServer::Start(options, [](const auto&, auto&) {});
  ASSERT_FALSE(garbage.ok());
  EXPECT_NE(garbage.status().message().find("cannot load TLS certificate"), std::string::npos);

  options.tls_cert_file = Path("server.pem");
  options.tls_key_file = "";
  auto half = net::HttpServer::Start(options, [](const auto&, auto&) {});
  ASSERT_FALSE(half.ok());
  EXPECT_NE(half.status().message().find("both"), std::string::npos);
}

}  // namespace
}  // namespace metagate::gateway
