#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "../src/text.hpp"
#include "support.hpp"

namespace amigo::emulator::test {
namespace {

using amigo::testing::Emulator;
using amigo::testing::EmulatorOptions;

// A self-signed certificate for 127.0.0.1, made with the openssl command.
class TlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() / ("amigo-emulator-tls-" + random_hex(6));
    std::filesystem::create_directories(directory_);
    const std::string command =
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1"
        " -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1"
        " -keyout '" +
        key() + "' -out '" + cert() + "' > /dev/null 2>&1";
    if (std::system(command.c_str()) != 0) GTEST_SKIP() << "the openssl command is not available";
  }

  void TearDown() override { std::filesystem::remove_all(directory_); }

  std::string cert() const { return (directory_ / "cert.pem").string(); }
  std::string key() const { return (directory_ / "key.pem").string(); }

  std::filesystem::path directory_;
};

TEST_F(TlsTest, ServesHttpsWithTheGivenCertificate) {
  EmulatorOptions options;
  options.tls_cert_path = cert();
  options.tls_key_path = key();
  Emulator emulator(options);
  EXPECT_EQ(emulator.base_url().rfind("https://127.0.0.1:", 0), 0u);

  httplib::Client client(emulator.base_url());
  client.set_ca_cert_path(cert().c_str());
  client.enable_server_certificate_verification(true);
  const auto result =
      client.Post("/v1/demo-org/user/signin_with_api_key",
                  {{"x-api-key", kApiKey}, {"x-api-key-id", kApiKeyId}, {"x-user-id", kAdmin}}, "",
                  "application/json");
  ASSERT_TRUE(result) << httplib::to_string(result.error());
  EXPECT_EQ(result->status, 200);

  httplib::Client plain("http://127.0.0.1:" + std::to_string(emulator.port()));
  EXPECT_FALSE(plain.Get("/_emulator/state"));
}

TEST_F(TlsTest, UnreadableCertificateIsAnError) {
  EmulatorOptions options;
  options.tls_cert_path = (directory_ / "missing.pem").string();
  options.tls_key_path = key();
  EXPECT_THROW(Emulator{options}, std::runtime_error);
}

}  // namespace
}  // namespace amigo::emulator::test
