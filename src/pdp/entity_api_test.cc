#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "metagate/pdp/pdp_config.h"
#include "metagate/pdp/pdp_service.h"

namespace metagate::pdp {
namespace {

namespace fs = std::filesystem;

constexpr char kToken[] = "entity-api-test-token-0123456789";

class EntityApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "metagate_entity_api_XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    std::ofstream(dir_ / "policies.cedar") << "permit (principal, action, resource);\n";
    std::ofstream(dir_ / "token") << kToken;
    std::string config_file = (dir_ / "metagate.yaml").string();
    Result<std::optional<PdpConfig>> config =
        ParsePdpConfig("pdp:\n  policies: [policies.cedar]\n  entities_api: {token: \"file:" +
                           (dir_ / "token").string() + "\"}\n",
                       config_file);
    ASSERT_TRUE(config.ok()) << config.status().ToString();
    ASSERT_TRUE(config->has_value());
    Result<std::unique_ptr<Pdp>> pdp = Pdp::Open(**config, "");
    ASSERT_TRUE(pdp.ok()) << pdp.status().ToString();
    Result<std::unique_ptr<PdpService>> service = PdpService::Create(std::move(*pdp), false);
    ASSERT_TRUE(service.ok()) << service.status().ToString();
    service_ = std::move(*service);
  }

  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  net::HttpResponse Send(const std::string& method, const std::string& target,
                         const std::string& body = "") {
    net::HttpRequest req;
    req.method = method;
    req.target = target;
    req.headers = {{"Authorization", std::string("Bearer ") + kToken},
                   {"Content-Type", "application/json"}};
    req.body = body;
    net::HttpResponse resp;
    EXPECT_TRUE(service_->Handle(req, resp));
    return resp;
  }

  fs::path dir_;
  std::unique_ptr<PdpService> service_;
};

TEST_F(EntityApiTest, PercentEncodedUtf8IdRoundTrips) {
  EXPECT_EQ(Send("PUT", "/entities/v1/User/jos%C3%A9", R"({"attrs": {}})").status, 200);
  net::HttpResponse got = Send("GET", "/entities/v1/User/jos%C3%A9");
  EXPECT_EQ(got.status, 200);
  EXPECT_NE(got.body.find("\"jos\xC3\xA9\""), std::string::npos) << got.body;
}

// An id that is not UTF-8 once decoded used to be stored, and then the saved entity could not be
// read back, so the PDP refused to start on its data dir.
TEST_F(EntityApiTest, RejectsIdsThatAreNotUtf8OnceDecoded) {
  const uint64_t before = service_->pdp().entities().version();
  for (const char* target :
       {"/entities/v1/User/al%FFice", "/entities/v1/User/%C3%28", "/entities/v1/User/%ED%A0%80"}) {
    net::HttpResponse put = Send("PUT", target, R"({"attrs": {}})");
    EXPECT_EQ(put.status, 400) << target << ": " << put.body;
    EXPECT_NE(put.body.find("UTF-8"), std::string::npos) << put.body;
    EXPECT_EQ(Send("GET", target).status, 400) << target;
  }
  EXPECT_EQ(service_->pdp().entities().version(), before);
}

}  // namespace
}  // namespace metagate::pdp
