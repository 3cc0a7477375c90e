#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <string>

#include "amigo/errors.hpp"
#include "amigo/options.hpp"
#include "base_url.hpp"
#include "client_core.hpp"
#include "pipeline_test_support.hpp"

namespace amigo::detail {
namespace {

using namespace std::chrono_literals;
using pipeline_test::Harness;

constexpr const char* kVariables[] = {"AMIGO_API_KEY", "AMIGO_API_KEY_ID", "AMIGO_USER_ID",
                                      "AMIGO_ORGANIZATION_ID", "AMIGO_BASE_URL"};

// Sets the AMIGO_* variables for one test and puts the old values back after.
class Environment {
 public:
  Environment() {
    for (const char* name : kVariables) {
      if (const char* value = std::getenv(name)) saved_[name] = value;
      ::unsetenv(name);
    }
  }
  ~Environment() {
    for (const char* name : kVariables) {
      auto it = saved_.find(name);
      if (it == saved_.end()) {
        ::unsetenv(name);
      } else {
        ::setenv(name, it->second.c_str(), 1);
      }
    }
  }
  void set(const char* name, const std::string& value) { ::setenv(name, value.c_str(), 1); }
  void set_required() {
    set("AMIGO_API_KEY", pipeline_test::kApiKey);
    set("AMIGO_API_KEY_ID", "key-id-1");
    set("AMIGO_USER_ID", "user-1");
    set("AMIGO_ORGANIZATION_ID", "acme");
  }

 private:
  std::map<std::string, std::string> saved_;
};

std::string configuration_error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const ConfigurationError& error) {
    return error.what();
  }
  ADD_FAILURE() << "no ConfigurationError";
  return {};
}

TEST(ClientOptionsFromEnv, ReadsEveryVariable) {
  Environment environment;
  environment.set_required();
  environment.set("AMIGO_BASE_URL", "http://127.0.0.1:8080");

  ClientOptions options = ClientOptions::from_env();

  EXPECT_EQ(options.organization_id, "acme");
  EXPECT_EQ(options.base_url, "http://127.0.0.1:8080");
  const auto* key = std::get_if<ApiKeyAuth>(&options.auth);
  ASSERT_NE(key, nullptr);
  EXPECT_EQ(key->api_key, pipeline_test::kApiKey);
  EXPECT_EQ(key->api_key_id, "key-id-1");
  EXPECT_EQ(key->user_id, "user-1");
}

TEST(ClientOptionsFromEnv, BaseUrlDefaultsToTheMainServer) {
  Environment environment;
  environment.set_required();
  EXPECT_EQ(ClientOptions::from_env().base_url, "https://api.amigo.ai");
}

TEST(ClientOptionsFromEnv, EachMissingVariableIsNamed) {
  for (int missing = 0; missing < 4; ++missing) {
    SCOPED_TRACE(kVariables[missing]);
    Environment environment;
    environment.set_required();
    ::unsetenv(kVariables[missing]);

    std::string what = configuration_error_of([] { ClientOptions::from_env(); });
    EXPECT_EQ(what.rfind(std::string(kVariables[missing]) + " is not set; export it", 0), 0u)
        << what;
    EXPECT_EQ(what.find(pipeline_test::kApiKey), std::string::npos) << what;
  }
}

TEST(ClientOptionsFromEnv, EmptyCountsAsMissingAndAllMissingAreListed) {
  Environment environment;
  environment.set("AMIGO_API_KEY", "");
  std::string what = configuration_error_of([] { ClientOptions::from_env(); });
  EXPECT_EQ(what.rfind("AMIGO_API_KEY, AMIGO_API_KEY_ID, AMIGO_USER_ID and AMIGO_ORGANIZATION_ID "
                       "are not set; export them",
                       0),
            0u)
      << what;
}

TEST(ClientOptionsFromEnv, WhitespaceInTheKeyIsRefusedWithoutEchoingIt) {
  Environment environment;
  environment.set_required();
  environment.set("AMIGO_API_KEY", std::string(pipeline_test::kApiKey) + "\n");

  std::string what = configuration_error_of([] { ClientOptions::from_env(); });
  EXPECT_EQ(what.rfind("AMIGO_API_KEY contains whitespace or control characters", 0), 0u) << what;
  EXPECT_EQ(what.find("sk-SECRET"), std::string::npos) << what;
}

TEST(ClientOptionsFromEnv, MalformedBaseUrlIsNamed) {
  for (const char* url : {"ftp://files.example.test", "api.amigo.ai", "https://h/x?debug=1",
                          "https://h/#top", "https://:443", "https://h:99999"}) {
    SCOPED_TRACE(url);
    Environment environment;
    environment.set_required();
    environment.set("AMIGO_BASE_URL", url);
    std::string what = configuration_error_of([] { ClientOptions::from_env(); });
    EXPECT_EQ(what.rfind("AMIGO_BASE_URL is not a valid base URL: ", 0), 0u) << what;
    EXPECT_NE(what.find("expected http(s)://host[:port][/path]"), std::string::npos) << what;
  }
}

TEST(BaseUrlParsing, AcceptedForms) {
  struct Case {
    std::string text;
    std::string prefix;
  };
  const std::vector<Case> cases = {
      {"https://api.amigo.ai", "https://api.amigo.ai"},
      {"https://api.amigo.ai/", "https://api.amigo.ai"},
      {"HTTPS://api.amigo.ai", "https://api.amigo.ai"},
      {"http://localhost:8080", "http://localhost:8080"},
      {"https://gw.example.test:8443/amigo/", "https://gw.example.test:8443/amigo"},
      {"http://[::1]:9000", "http://[::1]:9000"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(parse_base_url(c.text, "base").prefix(), c.prefix);
  }
}

TEST(BaseUrlParsing, CredentialsInTheUrlAreRefusedWithoutEchoingThem) {
  std::string what =
      configuration_error_of([] { parse_base_url("https://user:hunter2@h.example", "base"); });
  EXPECT_EQ(what,
            "base is not a valid base URL: it must not contain credentials (user:password@); "
            "expected http(s)://host[:port][/path], for example https://api.amigo.ai");
}

TEST(BaseUrlParsing, LoopbackHosts) {
  for (const char* host : {"localhost", "LOCALHOST", "127.0.0.1", "127.8.9.10", "[::1]"}) {
    EXPECT_TRUE(is_loopback_host(host)) << host;
  }
  for (const char* host :
       {"api.amigo.ai", "128.0.0.1", "127.0.0", "localhost.example.test", "10.0.0.1", "[::2]",
        "127.0.0.256", "127.0.0.1.io", "127.0.0.1.com", "127.9.9.9.attacker"}) {
    EXPECT_FALSE(is_loopback_host(host)) << host;
  }
}

TEST(ClientOptionsValidation, DotSegmentOrganizationsAreRefused) {
  for (const char* organization : {".", ".."}) {
    ClientOptions options;
    options.organization_id = organization;
    options.auth = BearerAuth{"a-token", std::nullopt};
    try {
      ClientCore core(options);
      ADD_FAILURE() << "no ConfigurationError for '" << organization << "'";
    } catch (const ConfigurationError& error) {
      EXPECT_EQ(std::string(error.what()),
                "ClientOptions::organization_id is a dot segment ('.' or '..'); set it to your "
                "organization's id");
    }
  }
}

TEST(ClientOptionsValidation, PlainHttpIsRefusedUnlessLoopbackOrAllowed) {
  Harness harness;
  ClientOptions options = harness.options();
  options.base_url = "http://api.example.test";
  std::string what = configuration_error_of([&] { ClientCore core(options); });
  EXPECT_EQ(what.rfind("ClientOptions::base_url uses plain http:// for 'api.example.test'", 0), 0u)
      << what;
  EXPECT_NE(what.find("allow_insecure_http"), std::string::npos);

  options.allow_insecure_http = true;
  EXPECT_NO_THROW(ClientCore{options});

  options.allow_insecure_http = false;
  for (const char* url : {"http://127.0.0.1:8080", "http://localhost", "http://[::1]:9"}) {
    options.base_url = url;
    EXPECT_NO_THROW(ClientCore{options}) << url;
  }
}

TEST(ClientOptionsValidation, EachBadOptionIsNamed) {
  struct Case {
    std::string name;
    std::function<void(ClientOptions&)> spoil;
    std::string message_start;
  };
  const std::vector<Case> cases = {
      {"empty organization", [](ClientOptions& o) { o.organization_id.clear(); },
       "ClientOptions::organization_id is empty"},
      {"organization with LF", [](ClientOptions& o) { o.organization_id = "acme\nX: y"; },
       "ClientOptions::organization_id contains a line break"},
      {"no auth", [](ClientOptions& o) { o.auth = std::monostate{}; },
       "ClientOptions::auth is not set"},
      {"empty key",
       [](ClientOptions& o) {
         o.auth = ApiKeyAuth{"", "id", "u"};
       },
       "ClientOptions::auth: ApiKeyAuth::api_key is empty"},
      {"empty bearer", [](ClientOptions& o) { o.auth = BearerAuth{}; },
       "ClientOptions::auth: BearerAuth::token is empty"},
      {"empty basic user",
       [](ClientOptions& o) {
         o.auth = BasicAuth{"acme", "", "t"};
       },
       "ClientOptions::auth: BasicAuth::user_id is empty"},
      {"null provider", [](ClientOptions& o) { o.auth = std::shared_ptr<AuthProvider>{}; },
       "ClientOptions::auth holds an empty std::shared_ptr<AuthProvider>"},
      {"malformed base", [](ClientOptions& o) { o.base_url = "https//api.amigo.ai"; },
       "ClientOptions::base_url is not a valid base URL: it has no scheme"},
      {"zero connect timeout", [](ClientOptions& o) { o.connect_timeout = 0ms; },
       "ClientOptions::connect_timeout is 0 ms; it must be positive"},
      {"negative request timeout", [](ClientOptions& o) { o.request_timeout = -5ms; },
       "ClientOptions::request_timeout is -5 ms; it must be positive"},
      {"no attempts", [](ClientOptions& o) { o.retry.max_attempts = 0; },
       "ClientOptions::retry.max_attempts is 0; it must be at least 1"},
      {"negative backoff", [](ClientOptions& o) { o.retry.initial_backoff = -1ms; },
       "ClientOptions::retry: initial_backoff, max_backoff and max_retry_after must not be "
       "negative"},
      {"cluster with CR", [](ClientOptions& o) { o.mongo_cluster_name = "c\r"; },
       "ClientOptions::mongo_cluster_name contains a line break"},
      {"agent suffix with LF", [](ClientOptions& o) { o.user_agent_suffix = "app\n"; },
       "ClientOptions::user_agent_suffix contains a line break"},
      {"missing CA bundle", [](ClientOptions& o) { o.ca_bundle_path = "/nonexistent/ca.pem"; },
       "ClientOptions::ca_bundle_path '/nonexistent/ca.pem' cannot be read"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    Harness harness;
    ClientOptions options = harness.options();
    c.spoil(options);
    std::string what = configuration_error_of([&] { ClientCore core(options); });
    EXPECT_EQ(what.rfind(c.message_start, 0), 0u) << what;
  }
}

TEST(ClientOptionsValidation, SecretsOfBadOptionsAreNotEchoed) {
  Harness harness;
  ClientOptions options = harness.options();
  options.auth = ApiKeyAuth{pipeline_test::kApiKey, "", "u"};
  std::string what = configuration_error_of([&] { ClientCore core(options); });
  EXPECT_EQ(what.find("sk-SECRET"), std::string::npos) << what;
}

}  // namespace
}  // namespace amigo::detail
