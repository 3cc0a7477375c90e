#include "logger.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "amigo/errors.hpp"
#include "client_core.hpp"
#include "pipeline_test_support.hpp"
#include "redaction.hpp"

namespace {

// Counts how often it is formatted, to show that disabled levels format nothing.
struct Counted {
  static inline int formatted = 0;
};

}  // namespace

template <>
struct fmt::formatter<Counted> : fmt::formatter<std::string_view> {
  auto format(const Counted&, fmt::format_context& context) const {
    ++Counted::formatted;
    return fmt::formatter<std::string_view>::format("counted", context);
  }
};

namespace amigo::detail {
namespace {

using pipeline_test::Harness;
using pipeline_test::kApiKey;
using pipeline_test::kJwt;
using pipeline_test::kSecondJwt;
using pipeline_test::list_call;
using pipeline_test::LogCapture;
using test::json_response;

TEST(PipelineLogger, SilentWithoutASink) {
  Logger logger;
  EXPECT_FALSE(logger.enabled(LogLevel::error));
  Counted::formatted = 0;
  logger.log(LogLevel::error, "{}", Counted{});
  EXPECT_EQ(Counted::formatted, 0);
}

TEST(PipelineLogger, LevelsBelowTheThresholdAreNeitherFormattedNorWritten) {
  LogCapture capture;
  Logger logger(capture.sink(), LogLevel::warning, std::make_shared<Redactor>());
  Counted::formatted = 0;

  logger.log(LogLevel::info, "{}", Counted{});
  logger.log(LogLevel::warning, "w {}", Counted{});
  logger.log(LogLevel::error, "e {}", 1);

  EXPECT_EQ(Counted::formatted, 1);
  ASSERT_EQ(capture.lines().size(), 2u);
  EXPECT_EQ(capture.lines()[0].text, "w counted");
  EXPECT_EQ(capture.lines()[1].level, LogLevel::error);
}

TEST(PipelineLogger, LevelOffWritesNothing) {
  LogCapture capture;
  Logger logger(capture.sink(), LogLevel::off, std::make_shared<Redactor>());
  logger.log(LogLevel::error, "e");
  EXPECT_TRUE(capture.lines().empty());
}

TEST(PipelineLogger, LinesAreRedactedBeforeTheSinkSeesThem) {
  LogCapture capture;
  auto redactor = std::make_shared<Redactor>(std::vector<std::string>{kApiKey});
  redactor->add_issued_secret("opaque-issued-token");
  Logger logger(capture.sink(), LogLevel::debug, redactor);

  logger.log(LogLevel::info, "key {} token {} jwt {} auth {}", kApiKey, "opaque-issued-token", kJwt,
             "Bearer abcdefghijkl");

  EXPECT_EQ(capture.lines().at(0).text,
            "key [REDACTED] token [REDACTED] jwt [REDACTED] auth Bearer [REDACTED]");
}

TEST(PipelineLogger, AThrowingSinkDoesNotFailTheCaller) {
  Logger logger([](LogLevel, std::string_view) { throw std::runtime_error("disk full"); },
                LogLevel::debug, std::make_shared<Redactor>());
  EXPECT_NO_THROW(logger.log(LogLevel::info, "line"));
}

TEST(PipelineRedaction, CredentialPatterns) {
  struct Case {
    std::string text;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {std::string("token ") + kJwt + ".", "token [REDACTED]."},
      {"eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", "[REDACTED]"},  // unsigned JWT
      {"Authorization: Bearer abc.def-ghi_jkl", "Authorization: Bearer [REDACTED]"},
      {"authorization: basic YWNtZV91MTp0MGs=", "authorization: basic [REDACTED]"},
      {"BEARER\tzzzzzzzzzz", "BEARER\t[REDACTED]"},
      {"see https://api.amigo.ai/v1/acme/user/", "see https://api.amigo.ai/v1/acme/user/"},
      {"ada.lovelace@example.com", "ada.lovelace@example.com"},
      {"basic checks failed", "basic checks failed"},
      {"version 1.2.3", "version 1.2.3"},
      {"internal-api.amigo.ai", "internal-api.amigo.ai"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(redact_credential_patterns(c.text), c.expected);
  }
}

TEST(PipelineRedaction, ConfiguredSecretsAnywhere) {
  Redactor redactor({"short", "s3cr3t-value"});
  EXPECT_EQ(redactor.redact("a s3cr3t-values3cr3t-value b short"),
            "a [REDACTED][REDACTED] b [REDACTED]");
}

TEST(PipelineRedaction, OnlyRecentIssuedTokensAreKept) {
  Redactor redactor;
  for (int i = 0; i < 9; ++i) redactor.add_issued_secret("issued-token-" + std::to_string(i));
  EXPECT_EQ(redactor.redact("issued-token-8"), "[REDACTED]");
  EXPECT_EQ(redactor.redact("issued-token-1"), "[REDACTED]");
  EXPECT_EQ(redactor.redact("issued-token-0"), "issued-token-0");
}

// Every way a secret could reach a message, with the server echoing them back.
TEST(PipelineSecrets, NoSecretInAnyMessageOrLogLine) {
  const std::string basic_credentials =
      "YWNtZV91MTpiYXNpYy1TRUNSRVQtdG9rZW4=";  // acme_u1:basic-SECRET-token
  const std::vector<std::string> secrets = {kApiKey, kJwt, kSecondJwt, "basic-SECRET-token",
                                            basic_credentials};
  const std::string echo = std::string(R"({"detail": "got key )") + kApiKey + " jwt " + kJwt +
                           " second " + kSecondJwt + " basic " + basic_credentials +
                           R"( token basic-SECRET-token"})";
  std::vector<std::string> messages;

  Harness harness;
  {
    ClientCore core(harness.api_key_options());
    harness.transport->push(pipeline_test::sign_in_answer(kJwt, 3600));
    harness.transport->push(json_response(401, echo));
    harness.transport->push(pipeline_test::sign_in_answer(kSecondJwt, 3600));
    harness.transport->push(json_response(429, echo, {{"Retry-After", "1"}}));
    harness.transport->push(
        json_response(422, std::string(R"({"detail":[{"loc":["body"],"msg":")") + kSecondJwt +
                               R"(","type":"t","input":")" + kApiKey + R"("}]})"));
    try {
      core.execute(list_call());
    } catch (const Error& error) {
      messages.push_back(error.what());
    }
    harness.transport->push([&](const HttpRequest&) -> HttpResponse {
      throw TransportError(std::string("reset while sending ") + kApiKey, false);
    });
    harness.transport->push(json_response(200, "{}"));
    core.execute(list_call());
  }
  {
    ClientOptions options = harness.options();
    options.auth = BasicAuth{"acme", "u1", "basic-SECRET-token"};
    ClientCore core(options);
    // This client knows no API key, so the echo holds only what it can know or recognise.
    harness.transport->push(json_response(403, std::string(R"({"detail": "jwt )") + kJwt +
                                                   " basic " + basic_credentials +
                                                   R"( token basic-SECRET-token"})"));
    try {
      core.execute(list_call());
    } catch (const Error& error) {
      messages.push_back(error.what());
    }
  }

  ASSERT_EQ(messages.size(), 2u);
  auto lines = harness.logs.lines();
  EXPECT_GE(lines.size(), 8u);
  for (const auto& secret : secrets) {
    SCOPED_TRACE(secret);
    for (const auto& message : messages)
      EXPECT_EQ(message.find(secret), std::string::npos) << message;
    for (const auto& line : lines)
      EXPECT_EQ(line.text.find(secret), std::string::npos) << line.text;
  }
}

}  // namespace
}  // namespace amigo::detail
