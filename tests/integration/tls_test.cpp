// HTTPS to an emulator with a self-signed certificate made for this test:
// refused until the client is told to trust it.

#include <cstdlib>
#include <stdexcept>
#include <string>

#include "integration_support.hpp"

namespace amigo::integration {
namespace {

#ifdef AMIGO_OPENSSL_EXECUTABLE
constexpr const char* kOpenssl = AMIGO_OPENSSL_EXECUTABLE;
#else
constexpr const char* kOpenssl = "";
#endif

// Writes cert.pem and key.pem for 127.0.0.1 and localhost into `directory`.
bool make_certificate(const TemporaryDirectory& directory) {
  const std::string command = std::string("'") + kOpenssl +
                              "' req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost"
                              " -addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout '" +
                              directory.file("key.pem") + "' -out '" + directory.file("cert.pem") +
                              "' > /dev/null 2>&1";
  return !std::string(kOpenssl).empty() && std::system(command.c_str()) == 0;
}

// A base class, so that the certificate exists before the emulator that serves it.
class Certificate {
 protected:
  Certificate() {
    if (!make_certificate(directory_)) {
      throw std::runtime_error("the openssl command could not make a certificate");
    }
  }

  testing::EmulatorOptions https_emulator() const {
    testing::EmulatorOptions options = unlimited_emulator();
    options.tls_cert_path = directory_.file("cert.pem");
    options.tls_key_path = directory_.file("key.pem");
    return options;
  }

  TemporaryDirectory directory_;
};

class TlsTest : private Certificate, public IntegrationTest {
 protected:
  TlsTest() : IntegrationTest(https_emulator()) {}

  std::string certificate() const { return directory_.file("cert.pem"); }
};

TEST_F(TlsTest, AnUntrustedCertificateIsRefusedBeforeAnythingIsSent) {
  ASSERT_EQ(emulator().base_url().rfind("https://127.0.0.1:", 0), 0u);
  AmigoClient client(client_options());

  const auto error = expect_thrown<TransportError>([&] { client.user().list_users(); });
  ASSERT_TRUE(error.has_value());
  EXPECT_FALSE(error->request_may_have_been_sent());
  const std::string what = error->what();
  EXPECT_NE(what.find("certificate"), std::string::npos) << what;
  EXPECT_NE(what.find("ClientOptions::ca_bundle_path"), std::string::npos) << what;
  EXPECT_EQ(emulator().counters().requests_of("sign_in"), 0u);
}

TEST_F(TlsTest, TheCertificateAsCaBundleIsTrusted) {
  ClientOptions options = client_options();
  options.ca_bundle_path = certificate();
  AmigoClient client(options);

  EXPECT_EQ(client.user().list_users().users.size(), kSeededDemoUsers);
  UserUpdateRequest update;
  update.last_name = "Smythe";
  client.user().update_user("user-noah", update);
  EXPECT_EQ(find_user(client, "user-noah")->last_name, "Smythe");
  EXPECT_EQ(emulator().counters().sign_ins, 1u);
}

TEST_F(TlsTest, ALocalhostUrlMatchesTheCertificatesHostName) {
  ClientOptions options = client_options();
  options.ca_bundle_path = certificate();
  options.base_url = "https://localhost:" + std::to_string(emulator().port());
  AmigoClient client(options);
  EXPECT_EQ(client.user().list_users().users.size(), kSeededDemoUsers);
}

}  // namespace
}  // namespace amigo::integration
