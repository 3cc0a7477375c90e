#include <gtest/gtest.h>

#include <thread>

#include "support.hpp"

namespace amigo::emulator::test {
namespace {

using amigo::testing::Emulator;
using amigo::testing::EmulatorOptions;

TEST(RateLimit, SignInAllowsFivePerMinuteThen429WithRetryAfter) {
  Emulator emulator;
  WireClient client(emulator);

  for (int i = 0; i < 5; ++i) {
    const auto result = client.sign_in(kAdmin);
    ASSERT_EQ(result->status, 200);
    EXPECT_EQ(result->get_header_value("X-RateLimit-Limit"), "5");
    EXPECT_EQ(result->get_header_value("X-RateLimit-Remaining"), std::to_string(4 - i));
    const int reset = std::stoi(result->get_header_value("X-RateLimit-Reset"));
    EXPECT_GE(reset, 59);
    EXPECT_LE(reset, 60);
  }

  const auto limited = client.sign_in(kAdmin);
  ASSERT_EQ(limited->status, 429);
  EXPECT_TRUE(body_of(limited)["detail"].is_string());
  EXPECT_EQ(limited->get_header_value("X-RateLimit-Remaining"), "0");
  const std::string retry_after = limited->get_header_value("Retry-After");
  ASSERT_FALSE(retry_after.empty());
  EXPECT_EQ(retry_after.find('.'), std::string::npos) << "whole seconds when time is not scaled";
  EXPECT_GE(std::stoi(retry_after), 1);
  EXPECT_LE(std::stoi(retry_after), 60);

  // Another user has a window of their own.
  EXPECT_EQ(client.sign_in(kManager)->status, 200);
}

TEST(RateLimit, ScaledTimeShortensTheWindowAndUsesFractionalSeconds) {
  EmulatorOptions options;
  options.time_scale = 60;  // a one-second minute
  Emulator emulator(options);
  WireClient client(emulator);

  for (int i = 0; i < 5; ++i) ASSERT_EQ(client.sign_in(kAdmin)->status, 200);
  const auto limited = client.sign_in(kAdmin);
  ASSERT_EQ(limited->status, 429);
  const double retry_after = std::stod(limited->get_header_value("Retry-After"));
  EXPECT_GT(retry_after, 0.0);
  EXPECT_LE(retry_after, 1.0);
  EXPECT_LE(std::stod(limited->get_header_value("X-RateLimit-Reset")), 1.0);

  std::this_thread::sleep_for(std::chrono::duration<double>(retry_after + 0.02));
  EXPECT_EQ(client.sign_in(kAdmin)->status, 200);
}

TEST(RateLimit, ListAllowsSixtyPerMinute) {
  Emulator emulator;
  WireClient client(emulator);
  for (int i = 0; i < 60; ++i) ASSERT_EQ(client.list("limit=1")->status, 200) << i;
  const auto limited = client.list("limit=1");
  EXPECT_EQ(limited->status, 429);
  EXPECT_EQ(limited->get_header_value("X-RateLimit-Limit"), "60");
  EXPECT_FALSE(limited->get_header_value("Retry-After").empty());
}

TEST(RateLimit, EveryAnswerOfTheFiveOperationsCarriesTheHeaders) {
  Emulator emulator;
  WireClient client(emulator);
  // httplib::Result is move-only, so no initializer list.
  std::vector<httplib::Result> answers;
  answers.push_back(client.sign_in("nobody"));                                   // 401
  answers.push_back(client.http().Get(kUsersPath));                              // 401
  answers.push_back(client.list("limit=x"));                                     // 422
  answers.push_back(client.http().Get("/v1/no-such-org/user/", client.as()));    // 404
  answers.push_back(client.invite(invite_body("x@example.com", "NoSuchRole")));  // 404
  answers.push_back(client.update("ghost", {{"first_name", "G"}}));              // 404
  answers.push_back(client.remove("ghost"));                                     // 404
  answers.push_back(client.remove("user-zoe"));                                  // 204
  for (const auto& answer : answers) {
    ASSERT_TRUE(answer);
    SCOPED_TRACE(std::to_string(answer->status) + " " + answer->body);
    EXPECT_TRUE(answer->has_header("X-RateLimit-Limit"));
    EXPECT_TRUE(answer->has_header("X-RateLimit-Remaining"));
    EXPECT_TRUE(answer->has_header("X-RateLimit-Reset"));
  }
}

// With no limit in force, headers announcing one would only make clients wait.
TEST(RateLimit, OffNeverAnswers429AndSendsNoRateHeaders) {
  EmulatorOptions options;
  options.rate_limits = false;
  Emulator emulator(options);
  WireClient client(emulator);
  for (int i = 0; i < 8; ++i) {
    const auto result = client.sign_in(kAdmin);
    ASSERT_EQ(result->status, 200);
    EXPECT_FALSE(result->has_header("X-RateLimit-Limit"));
    EXPECT_FALSE(result->has_header("X-RateLimit-Remaining"));
    EXPECT_FALSE(result->has_header("X-RateLimit-Reset"));
  }
  for (int i = 0; i < 62; ++i) {
    const auto result = client.list("");
    ASSERT_EQ(result->status, 200);
    EXPECT_FALSE(result->has_header("X-RateLimit-Limit"));
    EXPECT_FALSE(result->has_header("X-RateLimit-Remaining"));
    EXPECT_FALSE(result->has_header("X-RateLimit-Reset"));
  }
}

TEST(RateLimit, ResetClearsTheWindows) {
  Emulator emulator;
  WireClient client(emulator);
  for (int i = 0; i < 5; ++i) ASSERT_EQ(client.sign_in(kAdmin)->status, 200);
  ASSERT_EQ(client.sign_in(kAdmin)->status, 429);
  emulator.reset();
  EXPECT_EQ(client.sign_in(kAdmin)->status, 200);
}

}  // namespace
}  // namespace amigo::emulator::test
